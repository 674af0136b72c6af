"""Regenerate the JSON Schemas shipped in the package (src/disclosure_lint/schemas/*.schema.json) from the
pydantic models: python scripts/gen_schemas.py"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from disclosure_lint.schemas import SCHEMA_DIR, generated  # noqa: E402


def main() -> None:
    for name, text in generated().items():
        (SCHEMA_DIR / name).write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {SCHEMA_DIR / name}")


if __name__ == "__main__":
    main()
