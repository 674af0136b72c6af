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


def test_held_says_which_texts_hold_a_match_searched_joined_once_and_kept():
    import re

    kept: Kept[str, bool] = Kept("test: held", 8)
    word = re.compile("公开")
    texts = ["主动公开", "无", "", "依申请公开", "公"]
    assert memo.held(kept, texts, [word.finditer]) == [True, False, False, True, False]
    assert kept == {"主动公开": True, "无": False, "": False, "依申请公开": True, "公": False}
    # what is kept is the answer: a text kept is not searched again
    kept["无"] = True
    assert memo.held(kept, ["无", "新公开"], [word.finditer]) == [True, True]
    # lead: a match starting at the newline before a text counts for that text (one that looks at what comes before)
    start = re.compile(r"\n(?=一、)")
    assert memo.held(Kept("test: held lead", 8), ["一、总体", "二、一、", "一、"], [start.finditer], lead=True) \
        == [True, False, True]
    # a text longer than memo.LONGEST is answered, never kept
    long_text = "公开" * memo.LONGEST
    mine: Kept[str, bool] = Kept("test: held long", 8)
    assert memo.held(mine, [long_text], [word.finditer]) == [True] and not mine
