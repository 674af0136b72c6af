"""``memo.Kept``: the memos across reports stay within their limits, and what they keep never changes a result."""

from __future__ import annotations

from pathlib import Path

from disclosure_lint import memo
from disclosure_lint.api import Checker
from disclosure_lint.memo import Kept

ROOT = Path(__file__).resolve().parent.parent


def test_a_full_memo_is_emptied_before_it_keeps_more():
    kept: Kept[int, str] = Kept("test", 3)
    for i in range(3):
        assert kept.keep(i, str(i)) == str(i)
    assert len(kept) == 3 and kept.get(1) == "1"
    kept.keep(9, "9")
    assert dict(kept) == {9: "9"}
    assert memo.sizes()["test"] == 1
    memo.forget()
    assert len(kept) == 0


def test_the_findings_are_the_same_with_and_without_what_is_kept():
    files = sorted(str(p) for p in (ROOT / "examples").glob("*.md"))
    checker = Checker(isolated=True)

    def findings() -> list:
        return [[d.to_json() for d in checker.check_file(f).diagnostics] for f in files]

    memo.forget()
    cold = findings()
    assert any(memo.sizes().values())  # the report layer kept answers …
    assert findings() == cold  # … and reading them back gives the same findings
    memo.forget()
    assert findings() == cold
