"""A plain ``check`` of a Markdown report does not import what only other commands or formats need
(startup time: bench/README.md).  The libraries are imported on demand where they are used."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "clean-2023.md"
HEAVY = ["docx", "lxml", "pdfplumber", "pypdfium2", "charset_normalizer", "regex", "sqlite3",
         "disclosure_lint.blank_write", "disclosure_lint.stats_export"]  # the last two: only `new` and `stats`


def test_a_markdown_check_imports_no_heavy_library():
    code = ("import json, sys\n"
            "from disclosure_lint.cli import main\n"
            f"sys.argv = ['disclosure-lint', 'check', '-q', {str(EXAMPLE)!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []
