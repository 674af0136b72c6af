"""Shares the prose states for its parts: the report fact ``report.prose_shares`` and rule DL248."""

from __future__ import annotations

from decimal import Decimal

import pytest

from disclosure_lint.report import Overrides, interpret

from .conftest import lint, parse

TITLE = "# 江北市某某区某某局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n"


def shares(prose: str, fmt: str = "markdown"):
    text = prose if fmt == "text" else TITLE + prose + "\n"
    return interpret(parse(text, fmt), Overrides(year=2023)).prose_shares


def dl248(prose: str, fmt: str = "markdown", select=("DL248",)):
    text = prose if fmt == "text" else TITLE + prose + "\n"
    return [d for d in lint(text, select=list(select), fmt=fmt) if d.code in select]


def test_reader_reads_count_share_and_bases():
    got = shares("全年主动公开政府信息80条。其中，信息公开年报1条，占比1.1%；工作动态54条（占67.5%）。")
    assert [(s.count, s.stated, s.text) for s in got] == [
        (1, Decimal("1.1"), "信息公开年报1条，占比1.1%"), (54, Decimal("67.5"), "工作动态54条（占67.5%")]
    assert [b.number for b in got[0].bases] == [80]
    assert [b.number for b in got[1].bases] == [80, 1]  # the counts before it, its own not among them
    assert got[0].group == got[1].group


@pytest.mark.parametrize("prose", [
    "全年主动公开政府信息80条，其中工作动态54条，约占70%。",  # approximate
    "全年主动公开政府信息80条，其中财政信息7条，占全市同类信息的12%。",  # another whole
    "全年主动公开政府信息80条，其中工作动态54条，占70%以上。",
    "依据第15条，占比10%。",  # an article
    "网上申请占比80%。",  # no count
])
def test_reader_skips(prose):
    assert shares(prose) == []


def test_reader_mid_words_of_the_whole():
    got = shares("全年办结申请1,187件，其中予以公开101件，占全部申请的9%。")
    assert [(s.count, s.stated) for s in got] == [(101, Decimal("9"))]
    assert [b.number for b in got[0].bases] == [1187]


FAIL = "全年主动公开政府信息80条。其中，信息公开年报1条，占比1.1%；工作动态54条，占比67.5%；财政信息7条，占比8.8%。"


def test_one_share_off_among_agreeing_siblings():
    (d,) = dl248(FAIL)
    assert "“信息公开年报1条，占比1.1%”" in d.message and "1÷80" in d.message and "应为1.3%" in d.message
    assert (d.line, d.column) == (5, 18)
    assert d.evidence["expected"] == "1.3%" and d.evidence["actual"] == "1.1%"
    assert d.evidence["numerator"] == 1 and d.evidence["denominator"] == 80


@pytest.mark.parametrize("sep", [" ", ""])
def test_flattened_page(sep):
    text = sep.join(["江北市某某区某某局2023年政府信息公开工作年度报告", "一、总体情况", FAIL, "二、主动公开政府信息情况"])
    (d,) = dl248(text + "\n", fmt="text")
    assert "1÷80" in d.message


def test_base_at_the_end_of_the_paragraph_before():
    (d,) = dl248("截至2023年12月31日，累计主动公开政府信息12条。\n\n在主动公开的信息中，公开指南1条，占8%；"
                 "其他公文5条，占51%；预算决算2条，占17%。")
    assert "5÷12" in d.message and "应为42%" in d.message


def test_single_share_of_a_prose_sum():
    (d,) = dl248("全年共收到政府信息公开申请57件，其中自然人49件，占比95%，法人或其他组织8件。")
    assert "49÷57" in d.message and "应为86%" in d.message


@pytest.mark.parametrize("prose", [
    # rounding adjusted to make 100 %, truncation: within one unit of the last place
    "全年共收到申请1046件。其中，网上申请862件，占比82.4%；信函申请171件，占比16.3%；当面申请13件，占比1.3%。",
    "主动公开信息12条，其中指南1条，占8%；公文5条，占41%；决算2条，占17%。",
    # each sentence its own whole
    "全年共制作信息122条，其中主动公开信息40条，占比32.8%；依申请公开信息73条，占比59.8%。"
    "公开信息中，社会保障类信息19条，占比47.5%，其他信息2条，占比5%。",
    # a single share that is no part of a prose sum: its whole unknown
    "全年办理各类事项300件，网上办理的有45件，占比20%。",
    # the siblings agree with no base: nothing to compare with
    "全年信息90条，其中甲类30条，占20%；乙类30条，占25%。",
])
def test_passes(prose):
    assert dl248(prose) == []


def test_strict_option_reports_wrong_rounding():
    prose = "全年共收到申请1046件。其中，网上申请862件，占比82.4%；信函申请171件，占比16.3%；当面申请13件，占比1.3%。"
    text = TITLE + prose + "\n"
    got = [d for d in lint(text, select=["DL248"], config={"options": {"DL248": {"strict": True}}}) if d.code == "DL248"]
    assert len(got) == 1 and "13÷1046" in got[0].message and "应为1.2%" in got[0].message


TABLE3 = """
## 三、收到和处理政府信息公开申请情况

| 项目 | | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
|---|---|---|---|---|---|---|---|---|---|
| 三、本年度办理结果 | （一）予以公开 | | 10 | 0 | 0 | 0 | 0 | 0 | 10 |
| | （七）总计 | | 20 | 0 | 0 | 0 | 0 | 0 | 20 |
"""


def test_left_to_dl235_when_it_reports_the_same_percentage():
    text = TITLE + "全年办结申请20件，其中予以公开10件，占60%。\n" + TABLE3
    both = [d.code for d in lint(text, select=["DL235", "DL248"]) if d.code in ("DL235", "DL248")]
    assert both == ["DL235"]
    alone = [d for d in lint(text, select=["DL248"]) if d.code == "DL248"]
    assert len(alone) == 1 and "10÷20" in alone[0].message


def test_work_is_bounded_on_a_sentence_without_an_end():
    """Text whose sentence ends were lost: 20,000 shares in one sentence.  At most MAX_GROUP of a sentence are read,
    each looking back LOOK_BACK characters and keeping MAX_BASES numbers (tests/textshapes.py ``shares`` in
    bench/hostile.py: the unbounded look-back took over 60 s on 1 MB)."""
    from disclosure_lint.report.prose_shares import LOOK_BACK, MAX_BASES, MAX_GROUP

    got = shares("全年信息80条，" + "工作动态1条，占比1.1%；" * 20_000)
    assert 0 < len(got) <= MAX_GROUP
    for s in got:
        assert len(s.bases) <= MAX_BASES
        assert all(s.num_start - b.start <= LOOK_BACK for b in s.bases)


def test_the_part_name_is_looked_for_a_bounded_way_back():
    """A megabyte sentence with no separator before its shares: the part's name starts at most NAME_MAX characters
    before its count (the walk back to a separator is bounded), and the shares of a sentence share one string."""
    from disclosure_lint.report.prose_shares import NAME_MAX

    got = shares("全年信息80条" + "甲" * 5_000 + "1条占1.1%" * 100)
    assert got and all(s.num_start - s.start <= NAME_MAX for s in got)
    assert len({id(s.sentence) for s in got}) == 1


def test_no_base_before_the_heading_of_another_item_in_joined_text():
    """A real page whose lines were joined: the count of the item before a glued heading (…376条，占全部公开信息的82%。
    (二)公开的内容…) was taken as the base of the next item's shares (278÷376, a false DL248)."""
    text = ("江北市某某区某某局2017年政府信息公开工作年度报告一、概述(一)公开的数量全年共公开信息458条。其中，网上公开信息"
            "376条，占全部公开信息的82%。(二)公开的内容在全部网上公开信息中，其它类信息365条。涉及规范性文件类信息22条，"
            "占5%；涉及与公众密切相关的重大事项278条，占61%。(三)公开的形式\n")
    assert dl248(text, fmt="text") == []
    # the same shares with their base in their own item are still checked
    wrong = text.replace("278条，占61%", "278条，占71%").replace("(二)公开的内容在全部网上公开信息中，", "(二)公开的内容全年公开458条，")
    (d,) = dl248(wrong, fmt="text")
    assert "278÷458" in d.message


def test_the_count_a_stated_share_gives_is_named_only_for_a_slip_of_the_pen():
    """8.05% of 1913 is 154 (written 145: the same digits) — the count may be the slip; 0.9% of 638 is 6 (written 5: a
    one-digit count near any other) — no count to name; 27% of 200 fits 53 and 54 — none."""
    from decimal import Decimal

    from disclosure_lint.kinds.prose_sums import _count_slip

    assert _count_slip(145, Decimal("8.05"), 1913, 2) == 154
    assert _count_slip(1245, Decimal("62.35"), 2000, 2) == 1247  # (one digit other in a long count)
    assert _count_slip(5, Decimal("0.9"), 638, 1) is None
    assert _count_slip(45, Decimal("27"), 200, 0) is None
    assert _count_slip(30, Decimal("50"), 80, 0) is None  # (40: no slip of the pen away from 30)
