"""docs/rules/*.md must match the rule files (regenerate with scripts/gen_rule_docs.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_lint.docs import render_rule_markdown
from disclosure_lint.packs import load_rules

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"


@pytest.mark.skipif(not DOCS.is_dir(), reason="docs/rules not present")
def test_rule_docs_are_current():
    rules = load_rules()
    stale = []
    for r in rules:
        page = DOCS / f"{r.code}.md"
        if not page.is_file() or page.read_text(encoding="utf-8") != render_rule_markdown(r):
            stale.append(r.code)
    extra = sorted(p.stem for p in DOCS.glob("DL*.md") if p.stem not in {r.code for r in rules})
    assert not stale and not extra, f"run: python scripts/gen_rule_docs.py (stale: {stale}, extra: {extra})"


def test_readme_rules_table_is_current():
    from disclosure_lint.docs import readme_rules_table

    readme = DOCS.parent.parent / "README.md"
    if not readme.is_file():
        pytest.skip("README.md not present")
    text = readme.read_text(encoding="utf-8")
    table = text.split("<!-- rules-table:start -->\n", 1)[1].split("<!-- rules-table:end -->", 1)[0]
    assert table == readme_rules_table(load_rules()), "run: python scripts/gen_rule_docs.py"
