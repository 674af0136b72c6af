"""Regenerate docs/rules/*.md from the rule files: python scripts/gen_rule_docs.py"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from disclosure_lint.docs import readme_rules_table, write_rule_docs  # noqa: E402
from disclosure_lint.packs import load_pack_dir  # noqa: E402


def main() -> None:
    rules = []
    for sub in sorted(p for p in (ROOT / "rules").iterdir() if p.is_dir()):
        rules.extend(load_pack_dir(sub, sub.name))
    out = ROOT / "docs" / "rules"
    if out.exists():
        shutil.rmtree(out)
    written = write_rule_docs(rules, out)
    print(f"wrote {len(written)} rule pages to {out}")
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- rules-table:start -->", "<!-- rules-table:end -->"
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    readme.write_text(head + start + "\n" + readme_rules_table(rules) + end + tail, encoding="utf-8")
    print("updated the rules table in README.md")


if __name__ == "__main__":
    main()
