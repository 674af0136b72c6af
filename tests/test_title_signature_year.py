"""Title, 落款 and report year as clerks write them: a title in two paragraphs or with 关于, the agency and the
date of the 落款 in one paragraph, and a title whose year is a slip that the rest of the report outvotes
(report/__init__.py, report/agency.py, report/year.py; rules DL301, DL405, DL406, DL109)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from disclosure_lint.readers import read_document
from disclosure_lint.report import Overrides, interpret
from disclosure_lint.report.agency import name_from_title

from . import render
from .conftest import lint, parse

ROOT = Path(__file__).resolve().parents[1]
CLEAN_MD = (ROOT / "examples" / "clean-2023.md").read_text(encoding="utf-8")
TITLE_2023 = "江北市青溪区市场监督管理局2023年政府信息公开工作年度报告"


def codes(text: str, fmt: str = "markdown", **kw) -> list[tuple[str, int | None]]:
    return [(d.code, d.line) for d in lint(text, fmt=fmt, **kw) if d.code != "DL701"]


LATE_BODY = """## 一、总体情况

{self_word}认真贯彻《条例》，全年主动公开政府信息120条。

{signature}
"""


# -- the title -------------------------------------------------------------------------------------------

class TestTitle:
    def test_title_in_two_paragraphs(self):
        text = "# 某某市某某局\n\n# 2023年政府信息公开工作年度报告\n\n" + LATE_BODY.format(
            self_word="我委", signature="某某市某某局\n\n2024年3月9日")
        rep = interpret(parse(text))
        assert rep.title == "某某市某某局2023年政府信息公开工作年度报告"
        assert rep.agency.name == "某某市某某局" and rep.agency.kind == "bureau" and rep.agency.source == "title"
        assert rep.title_prefix_block.line == 1 and rep.title_block.line == 3
        assert codes(text, select=["DL301", "DL405"]) == [("DL301", 7), ("DL405", 11)]

    def test_title_in_two_paragraphs_split_after_the_year(self):
        rep = interpret(parse("某某县人民政府2022年\n政府信息公开工作年度报告\n一、总体情况\n正文。\n", "text"))
        assert rep.agency.name == "某某县人民政府" and rep.year == 2022

    @pytest.mark.parametrize(("fmt", "text"), [
        # the title broken before its last words, each part a paragraph of its own (a portal page copied as text)
        ("text", "某某市某某区发展和改革委员会2023年政府信息公开工作\n年度报告\n发布时间：2024-01-20\n一、总体情况\n正文。\n"),
        ("markdown", "# 某某市某某区发展和改革委员会2023年度政府信息公开工作\n\n# 报 告\n\n## 一、总体情况\n\n正文。\n"),
    ])
    def test_title_in_two_paragraphs_split_before_its_end(self, fmt, text):
        rep = interpret(parse(text, fmt))
        assert rep.title.replace(" ", "") in ("某某市某某区发展和改革委员会2023年政府信息公开工作年度报告",
                                              "某某市某某区发展和改革委员会2023年度政府信息公开工作报告")
        assert rep.agency.name == "某某市某某区发展和改革委员会" and rep.year == 2023 and rep.year_source == "title"
        assert rep.title_block.line == 1 and rep.title_suffix_block.line in (2, 3)

    def test_a_title_on_one_line_is_not_joined_with_the_next(self):
        rep = interpret(parse("某某局2023年政府信息公开工作年度报告\n2023年年度报告\n一、总体情况\n正文。\n", "text"))
        assert rep.title == "某某局2023年政府信息公开工作年度报告" and rep.title_suffix_block is None

    def test_a_pages_heading_above_its_metadata_line_is_not_joined(self):
        # a real page (2022 report): the page's heading cut to 州行政审批服务局, its date and author line, then the
        # report's title block with the body's full name under it (DL116 had said the title's name lacked its place)
        text = ("您当前所在的位置:首页 > 信息公开 > 政府信息公开年报 > 2022年\n州行政审批服务局\n"
                "2023-01-20 12:00 作者:湘西自治州行政审批服务局 来源: 【字体:\n2022年政府信息公开工作年度报告\n"
                "湘西自治州行政审批服务局\n(2023年1月28日)\n一、总体情况\n2022年，本局认真贯彻落实《条例》。\n")
        rep = interpret(parse(text, "text"))
        assert rep.title == "2022年政府信息公开工作年度报告" and rep.title_prefix_block is None
        assert rep.agency.name == "湘西自治州行政审批服务局"
        assert "DL116" not in [c for c, _ in codes(text, select=["DL116"], fmt="text")]

    def test_a_navigation_item_before_a_title_without_agency_is_not_joined(self):
        rep = interpret(parse("政务公开\n2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n", "text"))
        assert rep.title == "2023年政府信息公开工作年度报告" and rep.agency.name is None

    @pytest.mark.parametrize(("title", "name"), [
        ("某某市某某局关于2023年政府信息公开工作年度报告", "某某市某某局"),
        ("某某市某某局的2023年政府信息公开工作年度报告", "某某市某某局"),
        ("关于某某县人民政府2021年政府信息公开工作年度报告", "某某县人民政府"),
    ])
    def test_guanyu(self, title, name):
        assert name_from_title(title)[0] == name

    @pytest.mark.parametrize(("title", "expected"), [
        ("某某乡2020政府信息公开年度报告", ("某某乡", 2020)),  # the year's 年 left out before 政府信息公开
        ("2022政府信息公开工作年度报告", (None, 2022)),  # no name: the year is no name
        ("2018某某市公安局某某分局政府信息公开工作年度报告", ("某某市公安局某某分局", 2018)),
        ("某某区教育局关于印发2019年政府信息公开工作年度报告的通知", ("某某区教育局", 2019)),  # a cover notice's title
        ("某某市12345热线2023年政府信息公开工作年度报告", ("某某市12345热线", 2023)),  # digits inside a name stay
    ])
    def test_years_without_their_mark_and_cover_notices(self, title, expected):
        assert name_from_title(title) == expected

    def test_guanyu_report_checked(self):
        text = "# 某某市某某局关于2023年政府信息公开工作年度报告\n\n" + LATE_BODY.format(
            self_word="我委", signature="某某市某某局\n\n2024年3月9日")
        assert codes(text, select=["DL301", "DL405"]) == [("DL301", 5), ("DL405", 9)]


# -- the 落款 ---------------------------------------------------------------------------------------------

class TestSignature:
    @pytest.mark.parametrize(("fmt", "signature"), [
        ("markdown", "某某市某某局\n2024年3月9日"),  # a soft break: one Markdown paragraph
        ("text", "江州市公安局　　2024年3月9日"),  # one .txt line, full-width spaces between
        ("text", "江州市公安局 2024年3月9日"),
    ])
    def test_agency_and_date_in_one_paragraph(self, fmt, signature):
        body = LATE_BODY.format(self_word="本机关", signature=signature)
        text = ("# " if fmt == "markdown" else "") + "某某市某某局2023年政府信息公开工作年度报告\n\n" + body
        rep = interpret(parse(text, fmt))
        assert str(rep.signature_mention.date) == "2024-03-09"
        got = list(lint(text, fmt=fmt, select=["DL405"]))
        assert [d.evidence["days_late"] for d in got] == [38]

    def test_word_line_break(self):
        """Shift+Enter in Word: the agency and the date are one paragraph with a line break (w:br)."""
        import docx

        document = docx.Document()
        document.add_paragraph("某某市某某局2023年政府信息公开工作年度报告")
        document.add_paragraph("一、总体情况")
        document.add_paragraph("本机关认真贯彻《条例》，全年主动公开政府信息120条。")
        p = document.add_paragraph()
        run = p.add_run("某某市某某局")
        run.add_break()
        p.add_run("2024年3月9日")
        buf = io.BytesIO()
        document.save(buf)
        rep = interpret(read_document("sig.docx", buf.getvalue()))
        assert str(rep.signature_mention.date) == "2024-03-09" and rep.signature_agency == "某某市某某局"
        assert str(rep.published) == "2024-03-09"

    def test_a_sentence_ending_in_a_date_is_not_the_signature(self):
        rep = interpret(parse("某某市某某局2023年政府信息公开工作年度报告\n一、总体情况\n本局新版网站上线于2024年3月9日\n",
                              "text"))
        assert rep.signature_mention is None

    def test_the_signature_names_the_agency_when_the_title_does_not(self):
        text = "# 2023年政府信息公开工作年度报告\n\n" + LATE_BODY.format(
            self_word="我局", signature="某某县人民政府办公室\n\n2024年3月9日")
        rep = interpret(parse(text))
        assert (rep.agency.name, rep.agency.kind, rep.agency.source) == ("某某县人民政府办公室", "government_office",
                                                                      "signature")
        assert codes(text, select=["DL301", "DL405"]) == [("DL301", 5), ("DL405", 9)]

    def test_a_config_agency_wins_over_the_signature(self):
        text = "# 2023年政府信息公开工作年度报告\n\n" + LATE_BODY.format(
            self_word="我局", signature="某某县人民政府办公室\n\n2024年1月9日")
        rep = interpret(parse(text), Overrides(agency="某某县某某局"))
        assert (rep.agency.name, rep.agency.source) == ("某某县某某局", "config")


# -- the report year when the title's year is a slip -------------------------------------------------------

def _shift(md: str, years: int) -> str:
    """The clean example moved ``years`` back (2023 → 2021: its tables stay in the 2021 format)."""
    out = md
    for y in (2022, 2023, 2024):
        out = out.replace(str(y), f"<{y - years}>")
    return out.replace("<", "").replace(">", "")


REPORT_2021 = _shift(CLEAN_MD, 2)  # the clean example as a 2021 report published 2022-01-18


class TestYearFromContent:
    def test_the_clean_2021_report_is_clean(self):
        assert codes(REPORT_2021) == []

    def test_title_2020_on_a_2021_report_blames_the_title(self):
        """The title's year typed 2020: period, 2021-format tables, 落款 2022 and prose all say 2021."""
        text = REPORT_2021.replace("2021年政府信息公开工作年度报告", "2020年政府信息公开工作年度报告", 1)
        rep = interpret(parse(text))
        assert (rep.year, rep.year_source, rep.title_year) == (2021, "content", 2020)
        assert rep.format_version == "2021"
        got = lint(text)
        assert [(d.code, d.line, d.column) for d in got if d.code != "DL701"] == [("DL406", 1, 16)]
        d = got[0]
        assert d.evidence["actual"] == 2020 and d.evidence["expected"] == 2021
        assert "标题中的年度2020年" in d.message and "统计表格式" in d.message and "标题的年份疑为笔误" in d.message

    def test_title_one_year_ahead(self):
        text = CLEAN_MD.replace("2023年政府信息公开工作年度报告", "2024年政府信息公开工作年度报告", 1)
        rep = interpret(parse(text))
        assert (rep.year, rep.year_source) == (2023, "content")
        assert [(d.code, d.line) for d in lint(text) if d.code != "DL701"] == [("DL406", 1)]

    def test_in_text_form(self):
        text = render.to_text(REPORT_2021.replace("2021年政府信息公开工作年度报告", "2020年政府信息公开工作年度报告", 1))
        assert codes(text, fmt="text") == [("DL406", 1)]

    def test_period_copied_from_last_year_keeps_the_title(self):
        """Title 2023, period still 2022 (copied), published 2024: the period is the slip."""
        text = CLEAN_MD.replace("统计期限为2023年1月1日", "统计期限为2022年1月1日")
        rep = interpret(parse(text))
        assert (rep.year, rep.year_source) == (2023, "title")
        got = [d for d in lint(text) if d.code == "DL406"]
        assert [d.evidence["where"] for d in got] == ["period"]

    def test_no_publication_date_keeps_the_title(self):
        text = CLEAN_MD.replace("2023年政府信息公开工作年度报告", "2022年政府信息公开工作年度报告", 1)
        text = text.replace("\n2024年1月18日\n", "\n")
        rep = interpret(parse(text))
        assert (rep.year, rep.year_source) == (2022, "title")
        assert [d.evidence["where"] for d in lint(text) if d.code == "DL406"] == ["period"]

    def test_tables_of_the_titles_format_keep_the_title(self):
        """Title 2020 and 2019-format tables: the title's year is not outvoted, even with period 2021."""
        text = REPORT_2021.replace("2021年政府信息公开工作年度报告", "2020年政府信息公开工作年度报告", 1)
        text = text.replace("本年制发件数", "本年新制作数量")
        rep = interpret(parse(text))
        assert (rep.year, rep.year_source) == (2020, "title")

    def test_prose_that_does_not_name_the_period_year_keeps_the_title(self):
        text = ("# 某某区某某局2022年政府信息公开工作年度报告\n\n本报告中所列数据统计期限为2023年1月1日至12月31日。\n\n"
                "## 一、总体情况\n\n本局认真贯彻《条例》。\n\n某某区某某局\n\n2024年1月8日\n")
        rep = interpret(parse(text))
        assert (rep.year, rep.year_source) == (2022, "title")

    def test_configured_year_wins(self):
        text = CLEAN_MD.replace("2023年政府信息公开工作年度报告", "2024年政府信息公开工作年度报告", 1)
        rep = interpret(parse(text), Overrides(year=2024))
        assert (rep.year, rep.year_source) == (2024, "config")


# -- the year from the opening, when neither the title nor a statistics period names it -------------------------------

@pytest.mark.parametrize(("text", "year"), [
    ("政府信息公开工作年度报告\n根据《条例》要求，现将2021年度此项工作开展情况报告如下。\n一、总体情况\n正文。\n", 2021),
    ("某某局政府信息公开工作年度报告\n本局特向社会公布2015年度政府信息公开工作年度报告。\n一、概述\n正文。\n", 2015),
    ("一、总体情况\n根据《条例》，现发布《某某县某某局2021年政府信息公开工作年度报告》，请查阅。\n正文。\n", 2021),
    ("信息公开年报\n本报告由某某局编制了2024年度政府信息公开工作年度报告。\n一、总体情况\n正文。\n", 2024),
    # the year's work summed up (a real prefecture bureau's page: 现将2022年政府信息公开工作总结如下)
    ("按照《条例》要求，结合我局工作实际，现将2022年政府信息公开工作总结如下：\n一、总体情况\n正文。\n", 2022),
    # the format's opening: the year's work the report is compiled from
    ("根据《条例》要求，结合2023年某某街道政府信息公开工作实际，编制发布本报告。\n一、总体情况\n正文。\n", 2023),
    # paragraphs that start with the year, two of them and no other year
    ("一、总体情况\n2022年，开发区坚持以公开为常态。\n（二）依申请公开。2022年，未收到申请。\n", 2022),
    # a 落款 early in the next year, the prose naming the year before it most
    ("一、概述\n2014年我镇主动公开政府信息160条。\n二、依申请公开\n我镇2014年度未收到申请。\n某某镇人民政府\n2015年1月10日\n",
     2014),
    # one paragraph that starts with the year and the body doing something: itself, or its name
    ("一、总体情况\n2022年，我局认真贯彻《条例》，全年主动公开信息32条。\n（一）主动公开情况\n公开信息32条。\n", 2022),
    ("一、总体情况\n2020年某某坪镇严格按照《条例》有关要求开展工作。\n（一）主动公开情况\n公开信息32条。\n", 2020),
    # … or a body named short, doing something (the body not otherwise named)
    ("一、总体情况\n2025年区市场监管局共收到信息公开申请152件。\n（一）主动公开情况\n公开信息32条。\n", 2025),
    ("一、总体情况\n2025年,海青镇未收到依申请公开事项。\n（一）主动公开情况\n公开信息32条。\n", 2025),
    ("一、总体情况\n2025年,区城乡建设局聚焦中心工作，推进全过程公开。\n（一）主动公开情况\n公开信息74条。\n", 2025),
    # … a district acting, after whose lead it did
    ("一、概述\n2020年,在某某市委、市政府和某某区委、区政府的正确领导下,某某区切实贯彻落实《条例》。\n（一）主动公开情况\n"
     "公开信息32条。\n", 2020),
    # … the 年 left out before the comma, the body acting by the 《条例》
    ("一、总体情况\n2025,某某市某某区住建局以《条例》为遵循，推进全过程公开。\n（一）主动公开情况\n公开信息16条。\n", 2025),
    # … after whose lead it acted, or in a sentence inside a paragraph
    ("一、总体情况\n2023年,在县委、县政府的正确领导下,我镇以党的二十大精神为指导,严格贯彻落实《条例》。\n（一）主动公开\n"
     "公开信息32条。\n", 2023),
    ("一、总体情况\n（一）主动公开方面。我镇围绕群众关切公开信息。2022年,我镇主要通过政务公开栏公开政府信息。\n", 2022),
    # a sentence that starts with the report's own title and says what it holds
    ("由某某镇党政办公室编制本年报。2019年度某某镇政府信息公开年度报告全文包括:总体情况、主动公开政府信息情况。\n正文。\n",
     2019),
    # a long name and its short name between 现公布 and the year
    ("根据《条例》规定，现公布某某市某某区人民政府办公室（以下简称区政府办公室）2022年政府信息公开工作年度报告。\n正文。\n", 2022),
    # last year's report, published as an activity, is not the report naming itself
    ("一、总体情况\n2022年，某某署坚持公开。\n二是做好主动公开。公开发布《某某署2021年政府信息公开工作年度报告》。\n", 2022),
])
def test_the_year_the_opening_names_the_report_by(text, year):
    rep = interpret(parse(text, "text"))
    assert (rep.year, rep.year_source) == (year, "body")


@pytest.mark.parametrize("text", [
    "一、总体情况\n2022年，政务公开坚持以公开为常态。\n",  # one paragraph starting with a year, no body its subject
    "一、总体情况\n2025,20,15件均已办结。\n",  # numbers with commas: no year, no body
    "一、总体情况\n2022年，开发区坚持公开。\n（二）依申请公开。2023年，未收到申请。\n",  # two years
    # two reports named, of two years
    "现发布《某某局2021年政府信息公开工作年度报告》和《某某局2020年政府信息公开工作年度报告》。\n",
])
def test_no_year_from_an_opening_that_does_not_say_one(text):
    rep = interpret(parse(text, "text"))
    assert (rep.year, rep.year_source) == (None, "none")
    assert "DL005" in {d.code for d in lint(text, fmt="text")}


def test_a_title_or_period_year_is_not_replaced_by_the_openings():
    text = "某某局2023年政府信息公开工作年度报告\n现将2022年度政府信息公开工作情况报告如下。\n一、总体情况\n正文。\n"
    assert (interpret(parse(text, "text")).year_source) == "title"


@pytest.mark.parametrize("line", ["名 称: 某某镇人民政府2019年政府信息公开工作年度报告",
                                  "名称：| 某某镇人民政府2019年政府信息公开工作年度报告 | ||",
                                  "标题：某某镇人民政府2019年政府信息公开工作年度报告"])
def test_a_catalogue_pages_title_field_gives_the_title(line):
    rep = interpret(parse("索引号: 000014349/2020-344218\n" + line + "\n一、总体情况\n2019年，我镇认真贯彻《条例》。\n", "text"))
    assert (rep.title, rep.agency.name, rep.year) == ("某某镇人民政府2019年政府信息公开工作年度报告", "某某镇人民政府", 2019)


def test_the_body_named_by_the_reports_own_title_quoted_in_its_opening():
    # a page without a title line or a 落款: the opening quotes the report's title
    text = ("—、总体情况\n根据《条例》规定，现发布《某某县自然资源局2021年政府信息公开工作年度报告》，本报告统计数据从"
            "2021年1月1日至2021年12月31日。\n（一）主动公开情况\n本局公开信息195条。\n")
    rep = interpret(parse(text, "text"))
    assert (rep.agency.name, rep.agency.kind, rep.agency.source) == ("某某县自然资源局", "bureau", "opening")
    # a quoted title of another kind of document names nothing
    rep = interpret(parse("一、总体情况\n本局学习《中华人民共和国政府信息公开条例》。\n", "text"))
    assert rep.agency.source == "none"


@pytest.mark.parametrize(("opening", "name"), [
    ("现发布重庆市某某区商务委员会2021年政府信息公开工作年度报告。", "重庆市某某区商务委员会"),
    ("现发布某某区人民政府办公室(以下简称“区政府办公室”)2025年政府信息公开工作年度报告。", "某某区人民政府办公室"),
    ("本报告由某某区审计局编制，报告全文可在区政府门户网站查阅。", "某某区审计局"),
    ("本报告是某某市某某区人民政府办公室依据《条例》编制的。", "某某市某某区人民政府办公室"),
    ("现向社会公开某某县某某瑶族乡2021年政府信息公开工作年度报告。", "某某县某某瑶族乡"),
    ("现向社会公布2022年某某州农业农村局政府信息公开工作年度报告。", "某某州农业农村局"),
    ("特编制2023年度某某镇政府信息公开工作年度报告。", "某某镇"),
])
def test_the_body_named_unquoted_in_the_opening(opening, name):
    text = opening + "\n一、总体情况\n本年度主动公开信息120条。\n"
    rep = interpret(parse(text, "text"))
    assert (rep.agency.name, rep.agency.source) == (name, "opening")


def test_statistics_date_words_name_the_period():
    rep = interpret(parse("一、总体情况\n本报告统计日期为2024年1月1日至2024年12月31日。\n", "text"))
    assert (rep.year, rep.year_source) == (2024, "period")


def test_a_title_ending_in_nianbao():
    rep = interpret(parse("某某区民政局2019年度政府信息公开工作年报\n一、总体情况\n正文。\n", "text"))
    assert (rep.agency.name, rep.year, rep.year_source) == ("某某区民政局", 2019, "title")
    # a column's name (政府信息公开年报, 2020年信息公开年报) above the title is no title
    rep = interpret(parse("2020年信息公开年报\n某某工业园区2020年政府信息公开工作年度报告\n一、总体情况\n正文。\n", "text"))
    assert rep.title == "某某工业园区2020年政府信息公开工作年度报告"
    # 年报 without 工作 after a body's name and a year, below a portal's lines: the title (DL115 says what differs)
    text = "某某市人民政府办公室\n\n信息来源:某某政府网 日期:2026-01-23\n  市政府办公室2025年度政府信息公开年报\n一、总体情况\n正文。\n"
    rep = interpret(parse(text, "text"))
    assert rep.title == "市政府办公室2025年度政府信息公开年报"
    found = lint(text, ["DL115"], "text")
    assert len(found) == 1 and found[0].message.startswith("标题中的报告名称“政府信息公开年报”与《条例》")
    # a column's name alone is no title, with or without its year
    for column in ("政府信息公开年报", "2020年信息公开年报"):
        assert interpret(parse(f"{column}\n一、总体情况\n正文。\n", "text")).title is None


@pytest.mark.parametrize("text", [
    "一、总体情况\n2022年，我局认真贯彻《条例》。\n2023年，我局将继续做好公开工作。\n",  # two years start paragraphs
    "一、总体情况\n2022年，我局认真贯彻《条例》。\n2021年我局公开信息30条，2021年未收到申请，2021年无复议。\n",  # named less
    "一、总体情况\n2022年，县委、县政府高度重视政务公开。\n",  # not the body
    "一、总体情况\n2022年，市委宣传部召开新闻发布会。\n",  # a body that does nothing the report's body does
    "一、总体情况\n我镇认真公开。2019年，在县委的正确领导下，县委办召开会议。\n",  # under a lead, not the body
])
def test_no_year_from_an_opening_that_does_not_say(text):
    assert interpret(parse(text, "text")).year is None


def test_late_publication_on_a_year_inferred_from_the_opening_is_a_warning():
    text = ("某某县某某局政府信息公开工作年度报告\n发布日期：2024-03-05\n一、总体情况\n2023年，本局坚持公开。\n"
            "（二）依申请公开。2023年，本局未收到申请。\n")
    [d] = [d for d in lint(text, fmt="text") if d.code == "DL405"]
    assert d.severity == "warning" and "从正文开头推断" in d.message


def test_a_title_split_before_its_bodys_suffix():
    rep = interpret(parse("某某市某某区人民政府某某街道\n办事处2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n", "text"))
    assert (rep.agency.name, rep.agency.kind) == ("某某市某某区人民政府某某街道办事处", "street_office")


@pytest.mark.parametrize(("title", "expected"), [
    ("• 标    题:某某区卫生健康委员会2022年政府信息公开工作年度报告", ("某某区卫生健康委员会", 2022)),
    ("【图文】某某市市场监督管理局2022年度政府信息公开工作年度报告", ("某某市市场监督管理局", 2022)),
    ("【2019】某某县交通运输局2019年政府信息公开工作年度报告", ("某某县交通运输局", 2019)),
    ("2013/3/1某某市政府信息公开工作年度报告", ("某某市", None)),  # a listing's date
    ("名称 某某市2017年政府信息公开年度报告", ("某某市", 2017)),
    # a hijacked page's prefix: spam or a domain before the body's name
    ("xxbet体育_xxbet官网@:某某镇人民政府2023年政府信息公开工作年度报告", ("某某镇人民政府", 2023)),
    ("example.com某某街道2019年政府信息公开工作年度报告", ("某某街道", 2019)),
    ("365bet(中国)官方网站 2024年政府信息公开工作年度报告", (None, 2024)),  # no name left: none
    ("某某区人民政府及办公室2008年政府信息公开工作年度报告", ("某某区人民政府", 2008)),
])
def test_what_a_page_puts_before_or_in_a_title_is_no_part_of_the_name(title, expected):
    assert name_from_title(title) == expected


@pytest.mark.parametrize(("signer", "name", "kind"), [
    ("某某镇人民政府党政办公室", "某某镇人民政府", "town_government"),  # a town's office signs the town's report
    ("某某区教育局办公室", "某某区教育局", "bureau"),
    ("某某县人民政府办公室", "某某县人民政府办公室", "government_office"),  # a department of its own
])
def test_an_office_that_signs_its_bodys_report(signer, name, kind):
    text = f"政府信息公开工作年度报告\n一、总体情况\n本年度主动公开信息120条。\n{signer}\n2024年1月20日\n"
    rep = interpret(parse(text, "text"))
    assert (rep.agency.name, rep.agency.kind) == (name, kind)


def test_a_self_reference_is_no_bodys_name():
    text = "政府信息公开工作年度报告\n一、总体情况\n本年度主动公开信息120条。\n我乡\n2024年1月20日\n"
    assert interpret(parse(text, "text")).agency.name is None


def test_a_period_against_the_title_with_no_date_to_tell_which_is_the_slip_says_so():
    """Without a publication date or a 落款 the title's year stands, and the finding says the title may be the slip."""
    text = ("某某区某某街道2022年政府信息公开工作年度报告\n本报告中所列数据统计期限为2023年1月1日至12月31日。\n"
            "一、总体情况\n2023年，本街道主动公开政府信息86条。\n")
    [d] = lint(text, select=["DL406"], fmt="text")
    assert "统计期限的年度2023年" in d.message and "则是标题的年份写错" in d.message
    dated = text + "某某区某某街道\n2023年1月18日\n"  # published in the title's year + 1: the period is the slip
    [d] = lint(dated, select=["DL406"], fmt="text")
    assert "统计期限的年度2023年" in d.message and "标题的年份写错" not in d.message


def test_a_pages_title_above_the_report_printed_under_its_own_title():
    """A page's title line with one year, a notice, then the report under its own title with the period's year
    (a real ministry's page): the report's year is the period's, and the line above is named in a warning, not an
    error on the period."""
    text = ("某某部2020年政府信息公开工作报告\n某某部公告\n按照《条例》有关要求，我部编制了《某某部 2019 年政府信息公开工作报告》，"
            "现予公布。\n某某部 2019 年政府信息公开工作报告\n报告所列数据的统计期限为 2019年 1 月 1 日至 2019 年 12 月 31 日。\n"
            "一、总体情况\n2019 年，某某部继续做好政府信息公开工作。\n")
    report = interpret(parse(text, fmt="text"))
    assert (report.year, report.year_source) == (2019, "content")
    [d] = lint(text, select=["DL406"], fmt="text")
    assert (d.line, d.severity) == (1, "warning") and "下文的标题“某某部 2019 年政府信息公开工作报告”" in d.message
    # no title below with the period's year: the title's year stands, the period is the one reported
    plain = text.replace("某某部 2019 年政府信息公开工作报告\n报告", "报告")
    plain = plain.replace("编制了《某某部 2019 年政府信息公开工作报告》", "编制了本报告")
    found = lint(plain, select=["DL406"], fmt="text")
    assert any("统计期限的年度2019年" in d.message and d.severity == "error" for d in found)


def test_an_opening_that_names_the_report_by_another_year():
    """现将2022年度…报告如下 in the 2023 report (its title and period 2023): last year's opening left in place."""
    text = ("某某县某某局2023年政府信息公开工作年度报告\n根据《条例》要求，现将本局2022年度政府信息公开工作情况报告如下。"
            "统计期限为2023年1月1日至12月31日。\n一、总体情况\n2023年，本局主动公开政府信息86条。\n")
    [d] = lint(text, select=["DL406"], fmt="text")
    assert (d.line, d.severity) == (2, "warning") and "报告开头自称的年度2022年" in d.message and "沿用了上年" in d.message
    assert lint(text.replace("本局2022年度", "本局2023年度"), select=["DL406"], fmt="text") == []
    # 结合2022年…工作实际，编制本报告: the year's work the report is compiled from (a real street office's 2025 report)
    compiled = text.replace("现将本局2022年度政府信息公开工作情况报告如下。", "结合2022年本局政府信息公开工作实际，编制发布本报告。")
    [d] = lint(compiled, select=["DL406"], fmt="text")
    assert d.line == 2 and "报告开头自称的年度2022年" in d.message
    # inside the parts, last year's report is something the body published during the year
    inside = text.replace("现将本局2022年度政府信息公开工作情况报告如下。", "") + "编制并发布了《某某局2022年度政府信息公开工作报告》。\n"
    assert lint(inside, select=["DL406"], fmt="text") == []


_LATER_PARTS = ("某某区人民政府办公室政府信息公开工作年度报告\n本年报由某某区人民政府办公室编制，是2024年度政府信息公开年度报告，"
                "全文包括总体情况、主动公开政府信息情况等。\n一、总体情况\n（一）主动公开\n2025年,我办持续完善主动公开，"
                "及时公开各类政府信息109条。\n（二）依申请公开\n按照办理要求做好答复。2025年共办理政府信息公开申请34件，"
                "均按时答复。\n二、主动公开政府信息情况\n")


def test_an_opening_whose_year_the_parts_contradict():
    """No title year and no period: the opening names the report 2024年度, but 一、总体情况 tells the work of 2025 in every
    paragraph (a real district office's page, published in January 2026): the report is 2025's, and DL406 names the
    opening's year, last year's left in place, in a warning."""
    rep = interpret(parse(_LATER_PARTS, "text"))
    assert (rep.year, rep.year_source) == (2025, "body")
    assert rep.year_decision.evidence["opening_year"] == 2024
    [d] = lint(_LATER_PARTS, select=["DL406"], fmt="text")
    assert (d.line, d.severity) == (2, "warning") and "报告开头自称的年度2024年与报告年度（2025年）不一致" in d.message
    assert "各段写的都是2025年的工作" in d.message and d.evidence["report_year_source"] == "第一部分各段所写的年度"


@pytest.mark.parametrize("change", [
    ("2025年共办理", "2024年共办理"),  # a paragraph of the opening's year: the parts do not contradict it
    ("2025年共办理", "全年共办理"),  # one paragraph only
    ("2025年,我办持续", "2025年,我办将持续"),  # a plan for the next year is not the year's work
])
def test_the_openings_year_stands_without_clear_evidence(change):
    text = _LATER_PARTS.replace(*change)
    assert interpret(parse(text, "text")).year == 2024
    assert lint(text, select=["DL406"], fmt="text") == []


def test_the_openings_year_stands_when_published_in_the_next_year():
    """Published in January 2025, the report is 2024's whatever its parts say (their 2025 would be a slip)."""
    text = "发布日期：2025-01-20\n" + _LATER_PARTS
    assert interpret(parse(text, "text")).year == 2024


def test_format_findings_on_a_year_inferred_from_the_opening_are_warnings():
    """A year the opening implied (no title year, no period) may be a stale opening's: the format rules that rest on it
    (DL103 free text, DL109 the other format's table) say so in a warning, not an error."""
    text = ("某某县某某局政府信息公开工作年度报告\n2023年，本局坚持公开，全年主动公开信息120条。\n"
            "2023年，本局未收到申请，也没有行政复议和行政诉讼。\n2023年，本局将继续做好信息公开工作。\n"
            + "本局认真落实政务公开各项要求，及时公开各类信息。" * 30 + "\n某某县某某局\n2024年1月20日\n")
    rep = interpret(parse(text, "text"))
    assert (rep.year, rep.year_source) == (2023, "body")
    [d] = [d for d in lint(text, fmt="text") if d.code == "DL103"]
    assert d.severity == "warning" and "从正文开头推断" in d.message
    stated = text.replace("某某县某某局政府信息", "某某县某某局2023年政府信息")
    [d] = [d for d in lint(stated, fmt="text") if d.code == "DL103"]
    assert d.severity == "error" and "推断" not in d.message


def test_a_portal_columns_name_of_kinds_of_bodies_is_no_title():
    """A breadcrumb's item on a line of its own, (乡镇、街道)政府信息公开工作年度报告, names kinds of bodies, not one: the
    report's own title below it is the title."""
    text = ("当前位置:首页 > 政府信息公开 > 年度报告 >\n(乡镇、街道)政府信息公开工作年度报告\n> 某某乡\n"
            "某某县某某乡2025年政府信息公开工作年度报告\n一、总体情况\n正文。\n")
    rep = interpret(parse(text, "text"))
    assert (rep.agency.name, rep.year) == ("某某县某某乡", 2025)


def test_the_title_in_a_catalogue_tables_name_field():
    # a portal page whose catalogue table gives the title (名称 | …) and the date, no title line above the text
    text = ("| 名称 | 某某镇2025年政府信息公开工作年度报告 | ||||\n|---|---|---|---|---|---|\n"
            "| 索引号 | 000014349/2026-04314 | 发布日期 | 2026-01-20 | 发布机构 | |\n"
            "| 文号 | 文件分类 | 综合政务 | 所属机构 | 某某镇 | |\n"
            "一、总体情况\n本镇认真贯彻《条例》，全年主动公开信息32条。\n")
    rep = interpret(parse(text, "text"))
    assert rep.title == "某某镇2025年政府信息公开工作年度报告"
    assert (rep.agency.name, rep.agency.kind, rep.year, rep.year_source) == ("某某镇", "town_government", 2025, "title")
    assert (str(rep.published), rep.published_source) == ("2026-01-20", "发布日期")
    # 标 题 | … with its label spaced, in a text page's pipe lines
    rep = interpret(parse("索 引 号 | 675490773/2020-00049 | 分 类 | 综合政务 |\n标 题 | 某某乡人民政府2019年政府信息公开工作"
                          "年度报告 | ||\n一、总体情况\n正文。\n", "text"))
    assert (rep.agency.name, rep.year) == ("某某乡人民政府", 2019)


def test_a_management_area_is_no_kind_the_tool_can_tell():
    from disclosure_lint.report.agency import classify

    assert classify("某某管理区") == (None, None)  # a county's or a township's: its deadline is not told by its name


def test_a_title_naming_no_body_or_a_hijacked_pages_gives_way_to_the_full_title_below():
    # a catalogue's bullet (• 2020年…年度报告, no body) above the page's own title line
    text = ("  • 005283628/2021-00001\n  • 某某区某某街道办事处\n  • 2020年政府信息公开工作年度报告\n  • 2021-01-18\n"
            "某某市某某区某某街道办事处2020年政府信息公开工作年度报告\n本报告是根据《条例》要求编制。\n一、总体情况\n正文。\n")
    rep = interpret(parse(text, "text"))
    assert (rep.agency.name, rep.year) == ("某某市某某区某某街道办事处", 2020)
    # a hijacked page's <title> with a betting site's words, the report's own title below it
    text = ("某某市政府门户网站-2022年某某市卫生健康委员会政府信息公开工作年度报告_足彩app哪个是\n首页 > 政府信息公开 > 年报\n\n"
            "2022年某某市卫生健康委员会政府信息公开工作年度报告\n一、总体情况\n正文。\n")
    rep = interpret(parse(text, "text"))
    assert (rep.title, rep.agency.name) == ("2022年某某市卫生健康委员会政府信息公开工作年度报告", "某某市卫生健康委员会")
    # a paragraph with a half-width comma is no title
    text = "开云手机官网入口·(中国)官方网站卫生健康局2020年度政府信息公开工作报告\n根据《条例》规定,由卫健局办公室编制完成本报告,现予以公布。\n一、总体情况\n正文。\n"
    assert interpret(parse(text, "text")).title.startswith("开云手机")


@pytest.mark.parametrize(("text", "name", "kind"), [
    # a stray character alone on the line above the title is not the first part of the body's name
    ("盐\n某某市行政审批局政府信息公开工作\n2022年度情况的报告\n2022年，我局认真贯彻《条例》。\n", "某某市行政审批局", "bureau"),
    # the page's title names no body; the report's own title below it has the body's name on the line above
    ("关于2021年度政府信息公开工作的年度报告\n发布时间:2022-01-25     来源:某某镇党政办\n某某县某某镇人民政府\n"
     "关于2021年度政府信息公开工作的年度报告\n一、总体情况\n本镇认真贯彻《条例》。\n", "某某县某某镇人民政府", "town_government"),
    # a catalogue's title field written as a list item
    ("- 索引号:000014347/2021-07000\n- 标题:某某市人民防空办公室2021年政府信息公开工作年度报告\n一、总体情况\n正文。\n",
     "某某市人民防空办公室", "office"),
    # the maker before 向社会公布, or after 现公开
    ("一、总体情况\n根据《条例》规定，某某市某某区某某街道办事处向社会公布2021年度本级政府信息公开年度报告。\n",
     "某某市某某区某某街道办事处", "street_office"),
    ("一、总体情况\n根据《条例》及相关规定,现公开某某新区某某新城管理委员会2022年政府信息公开年度报告。\n",
     "某某新区某某新城管理委员会", "commission"),
    # a paragraph that starts with the body's full name and what it did
    ("编制说明:本年度报告根据有关规定编制。\n一、总体情况\n某某市乡村振兴局认真贯彻《条例》的各项要求。\n", "某某市乡村振兴局", "bureau"),
])
def test_the_body_named_around_the_title_or_at_a_paragraphs_start(text, name, kind):
    rep = interpret(parse(text, "text"))
    assert (rep.agency.name, rep.agency.kind) == (name, kind)


@pytest.mark.parametrize("text", [
    "一、总体情况\n如有疑问请与某某市政府信息公开办公室联系。\n",  # not the subject of an act
    "一、总体情况\n县委县政府高度重视政务公开工作。\n",  # no body of the report's kinds with its place
])
def test_no_body_from_a_paragraph_that_does_not_name_its_maker(text):
    assert interpret(parse(text, "text")).agency.name is None


def test_a_pages_word_above_a_title_that_names_its_body_is_no_part_of_the_name():
    """目录 / 某某街道政府信息公开工作年度报告 (a real page): the body is the title's, not 目录某某街道; a place above a
    title that names only its bureau is still joined (某某县 / 教育局政府信息公开工作年度报告)."""
    rep = interpret(parse("目录\n黄石湾街道政府信息公开工作年度报告\n一、总体情况\n2021年，本街道主动公开政府信息20条。\n", "text"))
    assert rep.agency.name == "黄石湾街道"
    rep = interpret(parse("青禾县\n教育局政府信息公开工作年度报告\n一、总体情况\n2021年，我局主动公开政府信息20条。\n", "text"))
    assert rep.agency.name == "青禾县教育局"


def test_an_area_report_compiled_by_its_governments_office():
    """由某某市人民政府办公室编制 and the text about 全市 (real city pages): the city's report, due when a government's is;
    the office as the subject of its own work (2023年，某某市人民政府办公室坚持…) is the office's own report."""
    body = "一、总体情况\n2023年，全市主动公开政府信息1200条，全市各级行政机关依法答复申请。\n"
    made = "本年报依据《条例》，由青禾市人民政府办公室编制。统计期限自2023年1月1日起至2023年12月31日止。\n" + body
    rep = interpret(parse(made, "text"))
    assert (rep.agency.name, rep.agency.kind) == ("青禾市人民政府", "city_government")
    own = ("本报告所列数据的统计期限为2023年1月1日至2023年12月31日。\n一、总体情况\n2023年，青禾市人民政府办公室坚持依法公开，"
           "指导全市政务公开，全市各级行政机关依法答复申请。\n")
    assert interpret(parse(own, "text")).agency.kind == "government_office"


def test_a_document_viewers_heading_is_the_title():
    """A real copy from a document viewer: the file's name at the very top (…年度报告.docx), then the report flattened
    with spaces in its years (2022 年). The heading is the title (year, body), not a link to a file; a link to a file
    below the text, or one with a label, stays the page's own line."""
    text = ("云岭区政府办公室2022年政府信息公开工作年度报告.docx\n"
            "云岭区人民政府办公室 2022 年政府信息公开工作年度报告 (2023 年 1 月) 本报告依据《中华人民共和国政府信息公开条例》"
            "要求编制而成。报告中所列数据的统计期 限自 2022 年 1 月 1 日起至 2022 年 12 月 31 日止。\n"
            "一、总体情况\n全年办理政府信息")
    rep = interpret(parse(text, fmt="text"))
    assert rep.title == "云岭区政府办公室2022年政府信息公开工作年度报告" and rep.year == 2022
    got = [d.code for d in lint(text, fmt="text")]
    assert "DL005" not in got and "DL002" in got
    labelled = "附件：云岭区政府办公室2022年政府信息公开工作年度报告.docx\n" + text.split("\n", 1)[1]
    assert interpret(parse(labelled, fmt="text")).title is None


def test_an_opening_and_its_prose_outvote_a_period_with_another_year_when_there_is_no_title():
    """A real page without its title: 现将2022年度…报告如下 and 2022 throughout, but 统计期限自2021年…: the period is the
    slip (DL406 on it, a warning: the year is inferred), not the opening (it was blamed, with the wrong fix)."""
    text = ("根据《中华人民共和国政府信息公开条例》要求，现将2022年度政府信息公开工作报告如下。本报告中所列数据的统计期限自"
            "2021年1月1日起至2021年12月31日止。\n一、总体情况\n2022年，某某州交通运输局主动公开政府信息983条。\n"
            "（一）主动公开。2022年，本局在门户网站发布信息。\n（二）依申请公开。2022年共收到申请3件。\n")
    rep = interpret(parse(text, fmt="text"))
    assert rep.year == 2022 and rep.year_source == "body"
    got = [(d.code, d.severity, d.line) for d in lint(text, fmt="text", select=["DL406"])]
    assert got == [("DL406", "warning", 1)]
    # the period named as often as the opening's year, or a publication date in the period's next year: the period holds
    assert interpret(parse(text.replace("2022年共收到", "2021年共收到").replace("2022年，本局", "2021年，本局"),
                           fmt="text")).year == 2021


def test_a_side_menu_in_two_columns_above_the_title():
    """A real township's page: twelve lines of a side menu, two items a line (组织机构      政府文件), then the
    breadcrumb and the title — the menu's lines are not among the eight lines the title is looked for in."""
    menu = "\n\n".join(f"{a}      {b}" for a, b in (("组织机构", "政府文件"), ("计划规划", "财政管理"), ("人事任免", "公示公告"),
                                                 ("工作动态", "统计数据"), ("采购招标", "应急管理"), ("道路建设", "惠农政策"),
                                                 ("招商引资", "办事指南"), ("服务承诺", "其他事项")))
    text = (f"logo\n\n信息公开指南 信息公开年报\n\n{menu}\n\n首页 >> 信息公开目录 >> 白石\n\n白沙市白石乡2023年政府信息公开工作年度报告\n\n"
            "一、总体情况\n\n2023年，我乡主动公开政务信息194条。\n")
    rep = interpret(parse(text, "text"))
    assert (rep.title, rep.agency.name) == ("白沙市白石乡2023年政府信息公开工作年度报告", "白沙市白石乡")


def test_the_year_of_a_paragraph_opened_with_zai():
    """在2024年，某某局… (a real excerpt's opening, its title cut off): the year the paragraph starts with, as 2024年，… is."""
    text = ("一、总体情况\n在2024年，某某市经济合作局坚持公开为常态，全年主动公开信息56条。\n"
            "（一）主动公开\n在2024年，我局通过门户网站发布信息56条。\n")
    rep = interpret(parse(text, "text"))
    assert (rep.year, rep.year_source) == (2024, "body")
    # 在 before a year elsewhere in a sentence is no paragraph's year (在2023年基础上…)
    mid = text.replace("在2024年，我局", "我局在2023年基础上").replace("在2024年，某某市", "某某市")
    assert interpret(parse(mid, "text")).year is None


def test_the_year_of_the_work_the_opening_gives_an_account_of():
    """…等六个方面汇报我镇2023年政府信息公开工作。 (a real report's opening, no title, no period): the year of the work it
    gives an account of; not a year in a sentence that goes on (汇报2022年政府信息公开工作的经验，…)."""
    text = ("一、总体情况\n本报告根据《条例》要求，结合我镇实际，从总体情况、主动公开政府信息情况等六个方面"
            "汇报我镇2023年政府信息公开工作。\n二、主动公开政府信息情况\n本年度我镇主动公开政府信息12条。\n")
    rep = interpret(parse(text, "text"))
    assert (rep.year, rep.year_source) == (2023, "body")
    on = text.replace("2023年政府信息公开工作。", "2023年政府信息公开工作的做法，供各村参考。")
    assert interpret(parse(on, "text")).year is None
