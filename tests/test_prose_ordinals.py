"""第N件 is an ordinal (the N-th application or case), not a count of N: the prose readers read no claim from it
(DL232 compared “第1件行政诉讼…尚未审结” with table 四 as one lawsuit).  The report is the correct example report
(examples/clean-2023.md) with a sentence added to its part 四."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_lint.report.prose_reading import COUNT_TOKEN

from .conftest import lint

CLEAN = (Path(__file__).resolve().parent.parent / "examples" / "clean-2023.md").read_text(encoding="utf-8")
S4 = "复议后起诉1件（结果维持）。"


def in_part_four(sentence: str) -> str:
    assert S4 in CLEAN
    return CLEAN.replace(S4, S4 + sentence)


@pytest.mark.parametrize("sentence", [
    "第1件行政诉讼已于2023年12月开庭，尚未审结。",
    "第 2 件行政诉讼案件尚未审结。",
    "第2件行政诉讼案件尚未审结。",
    "第二件行政诉讼案件尚未审结。",
    "第3起行政复议案件于2024年1月审结。",
])
def test_an_ordinal_is_no_count(sentence):
    """Before: DL232 “正文写‘1件行政诉讼’，表四…为3件” (and “2 件行政诉讼” vs 尚未审结 1)."""
    assert [d.message for d in lint(in_part_four(sentence))] == []


@pytest.mark.parametrize(("sentence", "written"), [
    ("全年被提起行政诉讼4件。", "4件"),
    ("尚有2件行政诉讼尚未审结。", "2件行政诉讼"),
    ("另有 2 件行政诉讼案件尚未审结。", "2 件行政诉讼"),
])
def test_a_count_is_still_compared(sentence, written):
    (d,) = lint(in_part_four(sentence), select=["DL232"])
    assert written in d.message


@pytest.mark.parametrize(("text", "numbers"), [
    ("第3件申请", []), ("第 3 件", []), ("第三件", []), ("共3件", ["3"]), ("次第3件", []), ("第一季度12件", ["12"]),
    ("3件、第4件", ["3"]), ("受理第13件至第15件", []),
])
def test_count_token(text, numbers):
    assert [m.group("num") or m.group("cn") for m in COUNT_TOKEN.finditer(text)] == numbers
