"""Portal metadata (report/portal.py): the fields a portal writes around the report, found as whole
lines, inline in flattened text and as label/value line pairs; rules leave them to the portal."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_lint.readers import read_document
from disclosure_lint.report import interpret
from disclosure_lint.report.portal import find_metadata

from .conftest import NO_SHARED, SHARED, lint, parse

FIXTURES = Path(__file__).parent / "fixtures" / "portal"
PAGES = ("portal-page.txt", "portal-page.html", "portal-page-gbk.html")


def spans_of(text: str, fmt: str = "text"):
    doc = parse(text, fmt)
    return [(s.block.line, s.kind, s.label, s.value, s.text) for s in find_metadata(doc.blocks).spans]


# -- the report fact ---------------------------------------------------------------------------------


class TestFindMetadata:
    def test_metadata_line(self):
        got = spans_of("某某街道2023年政府信息公开工作年度报告\n发布日期: 2020-01-22 00:00:00 浏览次数:\n")
        assert got == [(2, "published", "发布日期", "2020-01-22 00:00:00", "发布日期: 2020-01-22 00:00:00"),
                       (2, "counter", "浏览次数", "", "浏览次数:")]

    def test_fields_on_one_line_and_byline(self):
        got = spans_of("标题\n索引号：11330000MB0123456X/2024-00012  成文日期：2024年01月08日  发布机构：某某区某某局\n"
                       "来源：某某区某某局 2024年01月09日\n")
        assert [(k, lbl, v) for _, k, lbl, v, _ in got] == [
            ("index", "索引号", "11330000MB0123456X/2024-00012"), ("date", "成文日期", "2024年01月08日"),
            ("source", "发布机构", "某某区某某局"), ("source", "来源", "某某区某某局 2024年01月09日")]

    def test_time_after_ymd_date_is_part_of_the_field(self):
        got = spans_of("标题\n发布时间：2023年01月09日 15:20 字号：【大】【中】【小】\n")
        assert got[0][3] == "2023年01月09日 15:20" and got[1][1:3] == ("font", "字号")

    def test_breadcrumbs_and_tools(self):
        got = spans_of("当前位置：首页 > 政务公开 > 年度报告\n首页>政务公开>政府信息公开年报\n正文。\n【打印】【关闭】\n")
        assert [(line, k, t) for line, k, _, _, t in got] == [
            (1, "breadcrumb", "当前位置：首页 > 政务公开 > 年度报告"),
            (2, "breadcrumb", "首页>政务公开>政府信息公开年报"),
            (4, "tools", "【打印】"), (4, "tools", "【关闭】")]

    def test_label_alone_then_value(self):
        text = "某某镇2023年度政府信息公开工作报告\n撰写时间\n2024年01月12日 17:12:21\n来源\n某某镇\n编辑\n张某\n一、总体情况\n"
        got = spans_of(text)
        assert [(line, k, v) for line, k, _, v, _ in got] == [
            (2, "date", ""), (3, "date", "2024年01月12日 17:12:21"), (4, "source", ""), (5, "source", "某某镇"),
            (6, "source", ""), (7, "source", "张某")]

    def test_inline_in_a_flattened_line(self):
        line = ("某某区某某局2023年政府信息公开工作年度报告 发布日期：2023-01-12 浏览次数：35 一、总体情况 "
                "2023年，本局于2023年6月18日召开会议。 二、主动公开政府信息情况")
        doc = parse(line + "\n", "text")
        md = find_metadata(doc.blocks)
        b = doc.blocks[0]
        assert [(s.kind, s.text) for s in md.spans] == [("published", "发布日期：2023-01-12"), ("counter", "浏览次数：35")]
        assert md.spans[0].start == line.index("发布日期")
        assert not md.is_line(b)
        assert md.covering(b, line.index("2023-01-12")) is md.spans[0]
        assert md.covering(b, line.index("2023年6月18日")) is None

    @pytest.mark.parametrize("text", [
        "本局网站点击量120万次，浏览量稳步增长。",
        "本机关信息发布时间较以往有所提前。",
        "统计数据来源：本局业务系统。",
        "会议时间：2023年5月1日，会议地点：本局会议室。",
        "依据《某某办法》（某发〔2023〕5号）执行，发文字号：某发〔2023〕5号。",
        "本局编辑出版《政务公开工作手册》，作者均为一线工作人员。",
        "一、总体情况",
    ])
    def test_prose_is_not_metadata(self, text):
        assert spans_of(f"某某区某某局2023年政府信息公开工作年度报告\n{text}\n") == []

    def test_weak_field_next_to_a_strong_one(self):
        got = spans_of("标题\n发布日期:2023年01月11日 来源:某某区\n")
        assert [(k, v) for _, k, _, v, _ in got] == [("published", "2023年01月11日"), ("source", "某某区")]

    def test_source_with_its_other_name_and_a_counter_after_it(self):
        # a CMS's line under the title: the byline's body keeps its bracketed other name, and the count after it
        got = spans_of("标题\n日期:2023-01-10 14:31:37 来源:某某市市场监管局(知识产权局) 浏览量:\n")
        assert [(k, v) for _, k, _, v, _ in got] == [
            ("date", "2023-01-10 14:31:37"), ("source", "某某市市场监管局(知识产权局)"), ("counter", "")]

    def test_bare_counter_label_on_a_line_of_fields(self):
        # 浏览：- (the count a script fills in): a weak field, with 来源 and 时间 a line of fields near the top
        got = spans_of("某某局2023年度信息公开工作年度报告\n来源:本网   时间:2024-01-12 09:00:29   浏览:-\n")
        assert [(k, lbl, v) for _, k, lbl, v, _ in got] == [
            ("source", "来源", "本网"), ("date", "时间", "2024-01-12 09:00:29"), ("counter", "浏览", "")]

    def test_bulleted_label_alone_then_value(self):
        # a page's catalogue written as a list: • 成文日期: / 2023-01-10
        got = spans_of("• 发布机构:\n某某市某某局\n• 成文日期:\n\n2023-01-10\n• 公开方式:\n主动公开\n一、总体情况\n")
        assert [(line, k, v) for line, k, _, v, _ in got if k != "index"] == [
            (1, "source", ""), (2, "source", "某某市某某局"), (3, "date", ""), (5, "date", "2023-01-10")]

    def test_the_column_a_page_is_filed_under_is_a_field(self):
        # • 所属类目: 政府信息公开年报 (a real district portal's catalogue list)
        got = spans_of("某某街道2023年政府信息公开工作年度报告\n  • 所属类目: 政府信息公开年报\n一、总体情况\n")
        assert [(line, k, lbl, v) for line, k, lbl, v, _ in got] == [(2, "index", "所属类目", "政府信息公开年报")]

    def test_a_counter_holding_the_pages_date(self):
        # 浏览人数: 2022-01-29 (a real provincial page: the count a script fills in lost, the page's date after it): the
        # date is the field's, not a date of the report in the wrong form (DL403)
        got = spans_of("某某省某某厅2021年政府信息公开工作年度报告\n浏览人数: 2022-01-29\n\n2021年，本厅坚持……\n")
        assert [(k, lbl, v) for _, k, lbl, v, _ in got] == [("counter", "浏览人数", "2022-01-29")]

    def test_click_rate_is_a_counter(self):
        got = spans_of("标题\n来源:某某乡人民政府 作者: 时间:2024-01-16 点击率:【 打印 】\n正文。\n")
        assert [k for _, k, _, _, _ in got] == ["source", "source", "date", "counter", "tools"]

    def test_fabiao_date_is_a_publication_date(self):
        got = spans_of("某某局2025年政府信息公开工作年度报告\n发表日期:2026-01-26 来源:某某局\n正文。\n")
        assert [(k, v) for _, k, _, v, _ in got] == [("published", "2026-01-26"), ("source", "某某局")]

    def test_fields_run_together_and_an_empty_font_switch(self):
        got = spans_of("某某镇2025年政府信息公开工作年度报告\n时间:2026-01-26 09:42来源:某某镇作者: 点击:\n【字体: 打印\n正文。\n")
        assert [(line, k, lbl) for line, k, lbl, _, _ in got] == [
            (2, "date", "时间"), (2, "source", "来源"), (2, "source", "作者"), (2, "counter", "点击"), (3, "font", "字体")]
        assert got[-1][4] == "【字体: "  # the switch's bracket is the portal's (DL703)

    def test_date_stamp_run_into_a_byline(self):
        got = spans_of("2021年某某街道政府信息公开工作年度报告\n某某街道办事处\n2022年01月18日来源:1\n正文。\n")
        assert [(line, k, v) for line, k, _, v, _ in got] == [(3, "date", "2022年01月18日"), (3, "source", "1")]

    @pytest.mark.parametrize("text", ["推荐阅读：某某局2023年工作总结", "本局坚持每周阅读：学习制度"])
    def test_counter_word_in_prose_is_not_a_field(self, text):
        assert spans_of(f"某某区某某局2023年政府信息公开工作年度报告\n{text}\n") == []

    def test_weak_fields_only_far_down_are_prose(self):
        body = "\n".join(f"第{i}段正文。" for i in range(40))
        assert spans_of(f"标题\n{body}\n来源：某某区\n") == []

    def test_text_without(self):
        doc = parse("某某局2023年政府信息公开工作年度报告 发布日期：2023-01-12 浏览次数：35\n", "text")
        md = find_metadata(doc.blocks)
        assert md.text_without(doc.blocks[0]) == "某某局2023年政府信息公开工作年度报告"

    def test_linear_on_a_huge_line(self):
        unit = "发布日期：2023-01-12 浏览次数：35 首页 > 政务公开 > 年报 本局认真贯彻《条例》，来源：某某区 "
        text = unit * (1_000_000 // len(unit))
        doc = parse(text + "\n", "text")
        md = find_metadata(doc.blocks)
        assert len(md.spans) > 1000


# -- AnnualReport: title, agency, publication date ---------------------------------------------------------


class TestReportFacts:
    def test_breadcrumb_is_never_the_title(self):
        rep = interpret(parse("当前位置：首页 > 政务公开 > 某某区某某局2023年政府信息公开工作年度报告\n"
                              "某某区某某局2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n", "text"))
        assert rep.title_block.line == 2
        assert rep.agency.name == "某某区某某局" and rep.year == 2023

    def test_breadcrumb_with_slashes_is_never_the_title(self):
        # 首页 / 政府信息公开 / … / 政府网站工作年度报告 (a province's portal): its last crumb holds 年度报告
        rep = interpret(parse("首页 / 政府信息公开 / 政府信息公开年报 / 政府网站工作年度报告\n"
                              "某某省文物局2025年政府信息公开工作年度报告\n发布日期:2026-01-29 15:59 来源:局综合处\n"
                              "一、总体情况\n正文。\n", "text"))
        assert rep.title_block.line == 2
        assert (rep.agency.name, rep.agency.kind, rep.year) == ("某某省文物局", "bureau", 2025)

    def test_page_header_line_before_the_title(self):
        # the site, its columns and the title on one line (no arrows), the title again on its own line
        rep = interpret(parse("某某市人民政府门户网站 某某市人力资源和社会保障局 政府信息公开年报 "
                              "某某市人力资源和社会保障局2023年度信息公开工作年度报告\n"
                              "某某市人力资源和社会保障局2023年度信息公开工作年度报告\n一、总体情况\n正文。\n", "text"))
        assert rep.title_block.line == 2
        assert rep.agency.name == "某某市人力资源和社会保障局" and rep.year == 2023

    def test_breadcrumb_alone_gives_no_title(self):
        rep = interpret(parse("首页 > 政务公开 > 某某区某某局2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n", "text"))
        assert rep.title is None and rep.agency.name is None

    def test_title_without_its_metadata(self):
        rep = interpret(parse("某某区某某局2023年政府信息公开工作年度报告 发布时间:2024-01-09 15:20 浏览次数：35\n"
                              "一、总体情况\n正文。\n", "text"))
        assert rep.title == "某某区某某局2023年政府信息公开工作年度报告"
        assert rep.agency.name == "某某区某某局"
        assert str(rep.published) == "2024-01-09" and rep.published_source == "发布日期"

    def test_metadata_lines_do_not_push_the_title_away(self):
        head = "\n".join(["首页 > 政务公开", "字号：大 中 小", "【打印】【关闭】", "浏览次数：3", "发布日期：2024-01-09",
                          "来源：某某区某某局", "索引号：11330000/2024-00012", "成文日期：2024-01-08", "信息来源：某某区某某局"])
        rep = interpret(parse(head + "\n某某区某某局2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n", "text"))
        assert rep.title == "某某区某某局2023年政府信息公开工作年度报告"

    def test_time_field_of_a_byline_line_is_the_publication_date(self):
        # no 发布日期: the 时间 of the page's line of fields is when it was posted (a 落款 of 12月31日 is not it)
        rep = interpret(parse("某某镇2018年政府信息公开工作年度报告\n作者:本站原创 | 来源:本站原创 | 时间:2019-01-18 点击数:-\n"
                              "一、总体情况\n正文。\n某某镇人民政府\n2018年12月31日\n", "text"))
        assert str(rep.published) == "2019-01-18" and rep.published_source == "发布日期"
        assert lint(rep.document.text, select=["DL406"], fmt="text") == []

    def test_portal_date_is_not_the_signature(self):
        rep = interpret(parse("某某区某某局2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n某某区某某局\n2024年1月8日\n"
                              "更新时间：2024-03-01\n", "text"))
        assert str(rep.signature_mention.date) == "2024-01-08"
        rep = interpret(parse("某某区某某局2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n撰写时间\n2024-03-01\n", "text"))
        assert rep.signature_mention is None


# -- rules on portal pages ----------------------------------------------------------------------------------


def _read(name: str):
    path = FIXTURES / name
    return read_document(str(path), path.read_bytes())


@pytest.mark.parametrize("name", PAGES)
def test_portal_pages_are_as_clean_as_the_report(name):
    """The clean example wrapped in a portal page (breadcrumb, 发布时间, 浏览次数, 字号, 索引号, 成文日期,
    来源 byline, print bar; .txt, .html, GBK .html): no finding at all, as for the example itself."""
    from disclosure_lint.config import Config
    from disclosure_lint.engine import prepare, run
    from disclosure_lint.packs import load_rules

    rep = interpret(_read(name))
    diags = run(rep, prepare(load_rules(), Config()))
    assert [(d.code, d.line, d.message) for d in diags] == []
    assert rep.title == "江北市青溪区市场监督管理局2023年政府信息公开工作年度报告"
    assert rep.agency.name == "江北市青溪区市场监督管理局"
    assert str(rep.published) == "2024-01-19" and rep.published_source == "发布日期"
    assert len(rep.sections) == 6
    kinds = {s.kind for s in rep.portal.spans}
    assert {"published", "date", "source", "index"} <= kinds
    if name.endswith(".txt"):  # the HTML reader drops the breadcrumb, counter, font switch and print bar itself
        assert {"breadcrumb", "counter", "font", "tools"} <= kinds


def test_gbk_page_is_read_as_gbk():
    doc = _read("portal-page-gbk.html")
    assert doc.encoding in ("gb18030", "gbk")


def test_crawled_page_header_dates_not_blamed():
    """A crawler's copy of a page: the catalogue as a bulleted list (label and value on lines of their own), the
    line under the title with a byline whose body has a bracketed other name, a count a script fills in."""
    text = ("• 成文日期:\n\n    2023-01-10\n\n• 公开方式:\n\n    主动公开\n\n"
            "• 某某市市场监管局2022年政府信息公开工作年度报告\n"
            "日期:2023-01-10 14:31:37 来源:某某市市场监管局(知识产权局) 浏览量:\n"
            "来源:本网   时间:2023-01-11 09:00:29   浏览:-\n"
            "一、总体情况\n2022年，本局主动公开政府信息120条。\n")
    assert [(d.code, d.match) for d in lint(text, select=["DL403"], fmt="text")] == []


def test_validity_fields_of_a_catalogue_page_are_the_portals():
    # a catalogue page gives the document's validity (生效日期, 废止日期) above the report: the portal's dates, not the
    # clerk's (DL403's form, DL407's date after publication); a sentence naming the words stays the report's
    text = ("索引号: 1234/2022-00032 发布机构:\n生效日期: 2022-03-02 废止日期:\n"
            "某某街道办事处2021年政府信息公开工作年度报告\n来源: 发布时间:2022-01-28 浏览次数:\n"
            "一、总体情况\n2021年，本街道逐件标注规范性文件的生效日期和失效日期。\n")
    assert [(d.code, d.match) for d in lint(text, select=["DL403", "DL407"], fmt="text")] == []
    assert [s.label for s in interpret(parse(text, "text")).portal.spans][:3] == ["索引号", "发布机构", "生效日期"]
    assert not any(s.block.text.startswith("2021年") for s in interpret(parse(text, "text")).portal.spans)


@pytest.mark.parametrize("line", [
    "发布时间:2022-01-24 来源:某某街 字体大小:",  # 字体大小 as the font switch's label
    "主题 词: 综合政务 主题分类: 综合政务",  # labels spaced out
    "索 引 号:583621879/2024-07065主题分类:其他发布机构:县政府办公室",
    "您现在所在的位置: 网站首页 > 政府信息公开 > 某某镇人民政府 > 政府信息公开年报",
    "发布日期: 2021-01-29  来源:某某镇 字体:  打印   分享至:",
    "日期:2020-03-04 14:30    来源:某某局办公室      字体:[         ]   关闭窗口",  # a font switch left empty
    "时间:2024-02-06 09:12 来源:某某市交通运输局 【字体:            保存",  # 保存: a page tool
    "发布日期:2024-01-30    浏览量:次    来源:某某镇",  # a counter whose number a script fills in
    "【制定机关】某某市人民政府 【施行日期】2024.02.05",  # a legal database's fields
    "录入人员: abc123 发布时间: 2024-02-03 访问次数:",
    "信息来源:省某某局发布时间:2024-02-07 10:05被阅览数:",  # written without spaces
    "发布机构:某某街道办事处关 键 词:公报",
    "发布时间:2024-01-29 14:20    来源:某某区文化体育和旅游局      字体:    特大    颜色: 绿",
    "- 公开主体:某某镇",
    "某某省应急管理厅  时间:2024-02-02 11:40",  # the page's byline: the body's name, then the time
    "  • 来源:市政府办公厅 本网",  # one of a bulleted list of the page's fields, alone on its line
])
def test_more_page_header_fields_are_the_portals(line):
    # each line is the page's, not the report's: its half-width colons are not the clerk's (DL701), nor its date form
    text = ("某某镇2023年政府信息公开工作年度报告\n" + line + "\n一、总体情况\n2023年，本镇主动公开政府信息120条。\n")
    assert [(d.line, d.match) for d in lint(text, select=["DL701", "DL403"], fmt="text")] == []


def test_flattened_portal_page_dates_not_blamed():
    """The text page with its line breaks lost: the portal's dates stay the portal's."""
    flat = " ".join(x for x in (FIXTURES / "portal-page.txt").read_text(encoding="utf-8").split("\n")
                    if x and "\t" not in x)
    ds = lint(flat + "\n", select=["DL401", "DL403", "DL404", "DL407", "DL701"], fmt="text")
    assert [(d.code, d.match) for d in ds] == []


def test_metadata_dates_with_include_option():
    text = "某某区某某局2023年政府信息公开工作年度报告\n发布时间:2024-01-09 15:20\n一、总体情况\n正文。\n"
    cfg = {"options": {"DL403": {"include_metadata": True}, "DL404": {"include_metadata": True}}}
    ds = lint(text, select=["DL403"], fmt="text", config=cfg)
    assert [(d.code, d.line, d.column) for d in ds] == [("DL403", 2, 6)]


def test_invalid_date_in_metadata_still_reported():
    ds = lint("某某局2023年政府信息公开工作年度报告\n发布日期：2024年2月30日\n", select=["DL401"], fmt="text")
    assert [(d.line, d.column) for d in ds] == [(2, 6)]


def test_ascii_colon_of_a_portal_field_not_reported():
    text = "某某区某某局2023年政府信息公开工作年度报告\n发布日期: 2024-01-09 浏览次数:\n一、总体情况\n本局认真贯彻《条例》:全年公开信息。\n"
    ds = lint(text, select=["DL701"], fmt="text")
    assert [(d.line, d.match) for d in ds] == [(4, ":")]


# -- the real corpus -----------------------------------------------------------------------------------------

SEED = SHARED / "seed" / "shangtang-2019.txt"
EXCERPTS = SHARED / "corpus" / "excerpts"


def _real(path: Path):
    if not path.is_file():
        pytest.skip(NO_SHARED)
    return interpret(read_document(str(path), path.read_bytes()))


def test_seed_metadata():
    rep = _real(SEED)
    lines = [(s.block.line, s.kind) for s in rep.portal.spans]
    assert lines == [(2, "published"), (2, "counter"), (38, "published"), (40, "counter")]
    assert rep.title_block.line == 1 and str(rep.published) == "2020-01-22"


def test_excerpt_011_breadcrumb_and_byline():
    rep = _real(EXCERPTS / "011.txt")
    assert [(s.block.line, s.kind) for s in rep.portal.spans] == [(1, "breadcrumb"), (3, "published"), (3, "source")]
    assert rep.title_block.line == 2 and rep.agency.name == "大武口区教育体育局"
    assert str(rep.published) == "2023-01-11"


def test_excerpt_019_label_lines():
    rep = _real(EXCERPTS / "019.txt")
    assert [(s.block.line, s.kind, s.value) for s in rep.portal.spans if s.value] == [
        (4, "date", "2024年01月12日 17:12:21"), (6, "source", "大川镇"), (8, "source", "闻佳慧")]


def test_linear_on_a_huge_line_of_related_links():
    """Every 相关信息 label of a long list of linked pages is inside the list before it: it is not walked again
    (each walk reads up to 200 items, so walking from every label took 200 times as long)."""
    unit = "相关信息 某某局2023年政府信息公开工作年度报告 2024-01-21 "
    doc = parse(unit * (1_000_000 // len(unit)) + "\n", "text")
    md = find_metadata(doc.blocks)
    assert md.spans and all(s.kind == "related" for s in md.spans)


@pytest.mark.parametrize(("title", "stamp"), [
    ("某某街道2023年政府信息公开工作年度报告 2024-01-28", None),  # the listing's date ending the title's line
    ("某某街道2025年政府信息公开工作年度报告 ( 2026-01-30 )", None),
    ("某某街道2025年政府信息公开工作年度报告", "  • 2026-01-27 15:42\n  • 来源: 某某街道办事处"),
    ("某某县2023年政府信息公开工作年度报告", "2024-01-26   某某县人民政府办公室"),
    ("某某县2020年政府信息公开工作年度报告", "2021-02-09 发布:某某县人民政府办公室 点击数: | ||||"),
    ("某某局2023年政府信息公开工作年度报告", "2026-01-28 10:06"),
    ("某某委2023年政府信息公开工作年度报告", "2024年01月17日 来源: 某某区本年度报告根据《条例》编制，内容如下。"),
    ("某某局2023年政府信息公开工作年度报告", "信息提供日期 : 2024-01-17 16:25来源 : 某某局"),
    ("某某县2024年政府信息公开工作年度报告", "来源:某某县人民政府办公室 浏览次数: 添加时间:2025-02-14 11:00"),
    ("某某局2024年政府信息公开工作年度报告", "公布日期\n2025-02-08\n公开方式\n主动公开"),
    ("某某市2021年政府信息公开工作年度报告", "某某市人民政府门户网站 www.mouxx.gov.cn 2022-01-27"),  # a site's byline
])
def test_the_pages_date_stamps_are_not_the_reports(title, stamp):
    text = title + "\n" + (stamp + "\n" if stamp else "") + "一、总体情况\n本局于2020年6月18日召开专题会议。\n"
    assert [(d.code, d.match) for d in lint(text, select=["DL403", "DL404", "DL407"], fmt="text")] == []


def test_a_date_the_report_writes_near_the_title_is_still_its_own():
    text = "某某局2023年政府信息公开工作年度报告\n本局于2023-06-18召开专题会议，部署公开工作。\n一、总体情况\n正文。\n"
    assert [d.match for d in lint(text, select=["DL403"], fmt="text")] == ["2023-06-18"]


def test_two_date_fields_on_lines_of_their_own_are_fields_not_a_list_of_links():
    # 成文日期:… / 发布日期:… read as two dated titles (a list of links) had no 发布日期: a late report went unseen
    text = ("某某县人民政府办公室2015年政府信息公开工作年度报告\n成文日期:2016-03-31\n发布日期:2016-04-08\n一、概述\n"
            "本办认真贯彻《条例》。\n")
    rep = interpret(parse(text, "text"))
    assert str(rep.published) == "2016-04-08"
    assert [d.code for d in lint(text, select=["DL405"], fmt="text")] == ["DL405"]


def test_a_catalogue_table_with_labels_left_empty_is_the_portals():
    # a crawler's catalogue rows: some labels keep no value (文 号, 体 裁, 生效日期); the 发布日期 is still the page's
    text = ("索 引 号:005267169/2016-00001 | 主题分类:综合政务 | |\n发布机构:某某区审计局 | 关 键 词:政务,公报公示 | |\n"
            "文 号 | 成文日期:2016-03-31 | 发布日期:2016-04-08 |\n体 裁 | 生效日期 | 废止日期 |\n"
            "某某区审计局2015年政府信息公开工作年度报告\n一、概述\n本局认真贯彻《条例》。\n")
    rep = interpret(parse(text, "text"))
    assert str(rep.published) == "2016-04-08"


@pytest.mark.parametrize("table", [
    # a catalogue's row with the body as a value and spaced labels left empty
    "| 索 引 号 | K4589/2026-00206 | 主题分类 | |\n| 发布机构 | 某某县某某乡人民政府 | 发布日期 | 2026-01-19 16:58 |\n"
    "| 名 称 | |||\n| 文 号 | 〔〕号 | 有 效 性 | |\n| 来 源 | 某某县某某乡人民政府 | ||\n",
    # a keyword field's more words and the title field
    "索引号:000014349/2026-03447 | |\n发文字号: | 发文时间:2026-01-19 |\n发文机关:某某镇人民政府 | 主题词:某某镇、2025年、政府信息公开 |\n"
    "标题:某某县某某镇2025年政府信息公开工作年度报告 | |\n主题分类:其它 | 发布日期:2026-01-19 |\n",
])
def test_a_catalogue_table_under_the_title_gives_the_publication_date(table):
    text = "某某县某某乡2025年政府信息公开工作年度报告\n" + table + "一、总体情况\n2025年，本乡主动公开政府信息32条。\n"
    rep = interpret(parse(text, "text"))
    assert (str(rep.published), rep.published_source) == ("2026-01-19", "发布日期")


def test_a_byline_whose_quoted_source_holds_a_spaced_hyphen_is_still_the_pages():
    # 来源:“中国某某 - 某某官网”政府门户网站: the quotation is one value — the line is the page's, its date the publication's
    from disclosure_lint.report import interpret

    text = ("某某区2020年政府信息公开工作年度报告\n时间:2021-02-19 17:25 来源:“中国某某 - 某某官网”政府门户网站 浏览次数:\n"
            "一、总体情况\n本区认真贯彻《条例》。\n")
    rep = interpret(parse(text, "text"))
    assert (str(rep.published), rep.published_source) == ("2021-02-19", "发布日期")
    assert [d.code for d in lint(text, fmt="text", select=["DL403", "DL404"])] == []


def test_an_information_provided_date_is_the_publication_date():
    # 信息提供日期 : 2024-01-17 16:25来源 : …: the date some portals give the page (the time glued to the next label)
    from disclosure_lint.report import interpret

    text = ("某某区某某街道办事处2023年政府信息公开工作年度报告\n信息提供日期 : 2024-01-17 16:25来源 : 某某区某某街道办事处\n"
            "一、总体情况\n本街道认真贯彻《条例》。\n")
    rep = interpret(parse(text, "text"))
    assert (str(rep.published), rep.published_source) == ("2024-01-17", "发布日期")
    late = text.replace("2024-01-17", "2024-04-15")
    assert [d.code for d in lint(late, fmt="text", select=["DL405", "DL408"])] == ["DL408"]  # a street office: its deadline is local


@pytest.mark.parametrize("header", [
    "【发布日期】2022-01-27",
    "[发布日期] 2022-01-27",
    # a catalogue's labels in brackets, their values left empty but the last one's
    "[ 索 引 号 ] [ 主题词 ]\n[ 主题分类 ] [ 体裁分类 ]\n[ 发布机构 ] [ 效力状态 ]\n[ 成文日期 ] [ 发布日期 ] 2022-01-27",
])
def test_a_label_in_brackets_is_a_field(header):
    from disclosure_lint.report import interpret

    text = f"某某厅2021年政府信息公开工作年度报告\n{header}\n一、总体情况\n本厅认真贯彻《条例》。\n"
    rep = interpret(parse(text, "text"))
    assert (str(rep.published), rep.published_source) == ("2022-01-27", "发布日期")
    assert [d.code for d in lint(text, fmt="text", select=["DL403", "DL701"])] == []  # the page's, not the clerk's


_SIDEBAR = "".join(f"- {d} {t}\n" for d, t in [
    ("2024-11-27", "某某县某某乡乡村振兴服务中心注销登记公告"),
    ("2024-11-21", "某某县某某乡人民政府关于举行《某某乡国土空间规划(2021—2035年)(草案)》听证会听证结果的公告"),
    ("2024-11-12", "某某乡人民政府关于举行规划听证会的公告"),
    ("2024-10-31", "某某县某某乡生态环境保护中心拟向登记管理机关申请事业单位法人简易注销登记"),
    ("2024-10-21", "某某县某某乡财政和统计服务中心申请简易注销登记公告"),
    ("2024-10-15", "某某乡关于2024年度乡村学校从教20年以上优秀教师拟推荐人选公示"),
    ("2024-09-14", "某某县医疗保险中心2023年度医疗保障基金决算公开报告"),
    ("2024-07-23", "某某乡村镇规划建设服务中心注销公示"),
    ("2024-06-14", "某某乡社会事业服务中心申请简易注销登记公告"),
    ("2023-12-19", "某某乡2023年第四季度财政预算执行情况"),
])


def test_a_sidebar_of_dated_notices_above_the_title_is_the_pages():
    # a township's page reposting its county's report, under a sidebar of its ten latest notices (each led by its date)
    from disclosure_lint.report import interpret

    text = (_SIDEBAR + "当前位置: 某某县人民政府>>某某乡人民政府>>政府信息公开工作年度报告\n"
            "某某县人民政府2021年政府信息公开工作年度报告\n"
            "作者 :佚名 来源 :转发某某县人民政府 访问次数 : 发布时间 :2022-12-28\n"
            "根据《条例》规定，现公布本县2021年政府信息公开工作年度报告。本报告数据的统计期限自2021\n")
    rep = interpret(parse(text, "text"))
    assert rep.title == "某某县人民政府2021年政府信息公开工作年度报告" and rep.year == 2021
    assert (str(rep.published), rep.published_source) == ("2022-12-28", "发布日期")  # not a notice's date
    found = lint(text, fmt="text", select=["DL005", "DL103", "DL403", "DL405"])
    # the page says it forwards the report: its date is the repost's, a warning that says so
    assert [(d.code, d.severity) for d in found] == [("DL405", "warning")]
    assert "转发某某县人民政府" in found[0].message
    # the same page as the county's own: late, an error
    own = lint(text.replace("转发某某县人民政府", "某某县人民政府"), fmt="text", select=["DL405"])
    assert [(d.code, d.severity) for d in own] == [("DL405", "error")]


def test_a_contributor_field_leads_the_pages_line_of_fields():
    from disclosure_lint.report import interpret

    text = "某某市人民政府办公室2022年政府信息公开工作年度报告\n投稿:zhangsan  来源:时间:2023年01月30日\n一、总体情况\n正文。\n"
    rep = interpret(parse(text, "text"))
    assert str(rep.published) == "2023-01-30"
    assert lint(text, fmt="text", select=["DL403", "DL404"]) == []  # the page's date, not the clerk's


@pytest.mark.parametrize(("header", "published"), [
    ("来自: 时间:2026-01-12", "2026-01-12"),
    ("  • 索 引 号:01415035X/2024-00001\n  • 分类:政府信息公开工作年度报告\n  • 发布机构:某某区经发委\n  • 发文日期: 2024-01-24",
     "2024-01-24"),
    # the document's date, then the posting's (a real page: a report dated 02-10, published 02-16): the posting's
    ("索引号:014437529/2024-00211  发文日期:2024-01-20\n来源:某某区经发委  发布时间:2024-02-16 14:36  浏览次数:", "2024-02-16"),
    ("发布日期: 2024- 01- 14 10: 13  来源: 某某区经发委", "2024-01-14"),  # a space after each mark (a real portal's form)
    ("时间:2024-01-23 来源:某某区经发委 打印 关闭本页", "2024-01-23"),  # weak fields, then the page's tools
    ("时间:2024-01-23       大    中    小      来源:某某区经发委", "2024-01-23"),  # a font switch's sizes between them
])
def test_more_labels_of_a_pages_fields(header, published):
    from disclosure_lint.report import interpret

    text = f"{header}\n某某区经济发展委员会2023年政府信息公开工作年度报告\n一、总体情况\n本委认真贯彻《条例》。\n"
    rep = interpret(parse(text, "text"))
    assert str(rep.published) == published
    assert rep.agency.name == "某某区经济发展委员会"  # (分类:…年度报告 is the catalogue's field, not the title)
    assert lint(text, fmt="text", select=["DL403", "DL404", "DL007"]) == []


def test_a_hijacked_mirrors_date_is_a_warning_and_its_fields_are_the_pages():
    """A mirror whose title carries a gambling site's name (bob最新官网…), posted months later by 作者:admin: its date is the
    mirror's, so lateness is a warning that says so; 人气: is the page's counter (a real page)."""
    text = ("bob最新官网某某市人民政府办公室2021年政府信息公开工作年度报告\n发布时间:2022-09-20 17:35:45 人气: 作者:admin\n"
            "一、总体情况\n2021年，某某市人民政府办公室认真贯彻《条例》，主动公开政府信息120条。\n")
    found = {d.code: d for d in lint(text, fmt="text", select=["DL405", "DL501", "DL701"])}
    assert found["DL501"].match == "bob最新官网"
    assert found["DL405"].severity == "warning" and "被篡改或转载的页面" in found["DL405"].message
    assert "DL701" not in found or found["DL701"].line != 2
    # the official catalogue page itself (索引号 and all) whose title was tampered with keeps its own date: an error
    official = text.replace("发布时间:2022-09-20 17:35:45 人气: 作者:admin", "索引号:430S00/2022-015504\n发文日期: 2022-09-20 09:02")
    [late] = lint(official, fmt="text", select=["DL405"])
    assert late.severity == "error"


def test_a_pages_written_date_is_the_publications_earliest():
    """成文日期 alone in the page's fields (a real catalogue page): the report was published on it or later — late when
    it is after the deadline, but never "published before the year ended" nor "dates after the publication"."""
    from disclosure_lint.report import interpret

    def page(written: str) -> str:
        return (f"索引号: | 002565291/2025-00009 | 成文日期: | {written} |\n公开方式: | 主动公开 | 公开时限: | 长期公开 |\n"
                "某某市某某局2024年政府信息公开工作年度报告\n一、总体情况\n2024年，本局主动公开政府信息120条，截至2025年3月1日均已归档。\n")

    rep = interpret(parse(page("2025-02-20"), "text"))
    assert (str(rep.published), rep.published_source) == ("2025-02-20", "成文日期")
    [d] = lint(page("2025-02-20"), fmt="text", select=["DL405", "DL406", "DL407"])
    assert d.code == "DL405" and d.severity == "error" and "成文日期，公布不会早于它" in d.message
    assert lint(page("2024-12-20"), fmt="text", select=["DL405", "DL406", "DL407"]) == []


def test_dates_above_the_reports_title_are_the_pages():
    """A news ticker above the title (头条新闻: · … 2024-05-09 · …, a real page): its dates are the site's, neither a date
    form nor a date after the publication."""
    text = ("头条新闻: · 某某区召开城乡环境整治推进会    2024-05-09     · 某某区：构建矛盾纠纷大调解格局    2024-05-08\n"
            "某某区某某局2023年政府信息公开工作年度报告\n2024-01-11 15:04  点击:[]\n"
            "一、总体情况\n2023年，本局主动公开政府信息86条。\n")
    assert lint(text, fmt="text", select=["DL403", "DL404", "DL407"]) == []
    # the same date written in the report's own text is the clerk's
    assert [d.code for d in lint(text + "截至2024-05-09，全部办结。\n", fmt="text", select=["DL403", "DL407"])] == [
        "DL403", "DL407"]


@pytest.mark.parametrize("head", [
    "相关解读:\n相关文件:\n",  # the page's links above the report (their titles not copied)
    "某某镇2023年政府信息公开工作年度报告\n关联导读:\n",
    "某某镇2023年政府信息公开工作年度报告\n• 发布时间:2024-01-08 15:04\n• 信息来源:某某镇\n• 审核人:张某某\n",
])
def test_link_labels_and_a_reviewer_field_are_the_pages(head):
    text = head + "本报告依据《条例》编制。\n一、总体情况\n2023年，本镇主动公开政府信息120条。\n"
    assert lint(text, select=["DL701"], fmt="text") == []


@pytest.mark.parametrize("head", [
    "首页 政务公开 政府信息公开 信息公开年度报告 县政府信息公开年报\n标题: 某某县人民政府2023年政府信息公开工作年度报告\n",
    "标题:\n",  # the field's label alone, its value lost
    "某某县人民政府2023年政府信息公开工作年度报告\n来源:某某县人民政府时间:2024-02-01浏览量:\n分享:\n",
])
def test_more_page_lines_around_the_title(head):
    # a breadcrumb without arrows (not the title: no body named 首页), a title field's label, a share button
    text = head + "一、总体情况\n2023年，本县主动公开政府信息120条。\n"
    assert lint(text, select=["DL701", "DL007"], fmt="text") == []
    if head.startswith("首页"):
        assert interpret(parse(text, "text")).agency.name == "某某县人民政府"


def test_a_catalogue_title_field_above_the_title_is_the_pages():
    # the catalogue's 名称 field names the report; the title is printed again below the page's other fields: the
    # field's line and the fields after it are the page's header, not the report's first lines (DL701)
    text = ("• 索  引 号:4311230009/2024-00612 分       类:\n• 发文机关:某某县教育局 发文日期:2024-01-20 16:42\n"
            "• 名称:2023年某某县教育局政府信息公开工作年度报告\n文 号: 文件分类: 所属机构:\n"
            "2023年某某县教育局政府信息公开工作年度报告\n一、总体情况\n2023年，本局主动公开政府信息120条。\n")
    rep = interpret(parse(text, "text"))
    assert rep.title_block is not None and rep.title_block.line == 5
    assert lint(text, select=["DL701"], fmt="text") == []


def test_a_catalogue_title_field_below_the_title_and_a_byline_are_the_pages():
    # the title printed first, then the page's byline (the body's name and 时间:) and its catalogue, whose last field
    # names the report again: every line between the title and part 一 is the page's (DL701 counted and pointed at them)
    text = ("某某省某某厅2024年政府信息公开工作年度报告\n某某省某某厅  时间:2025-01-22 09:40\n• 索引号:430S00/2025-001234\n"
            "• 主题词:\n• 名称: 某某省某某厅2024年政府信息公开工作年度报告\n一、总体情况\n2024年，本厅主动公开政府信息120条。\n")
    rep = interpret(parse(text, "text"))
    assert rep.title_block is not None and rep.title_block.line == 1
    assert [b.line for b in rep.document.blocks if rep.portal.is_line(b)] == [2, 3, 4, 5]
    assert lint(text, select=["DL701"], fmt="text") == []


def test_a_title_field_shown_alone_stays_the_title():
    # no title printed elsewhere: the field is the only title the page has (not the page's own line)
    text = "名称: 某某县某某局2024年政府信息公开工作年度报告\n一、总体情况\n2024年，本局主动公开政府信息120条。\n"
    rep = interpret(parse(text, "text"))
    assert not rep.portal.is_line(rep.document.blocks[0])
    assert rep.title_block is rep.document.blocks[0]


@pytest.mark.parametrize("line", ["政策解读:某某区某某局2024年政府信息公开工作年度报告.docx", "附件:年度报告（图解）.PDF"])
def test_a_line_linking_to_a_file_is_the_pages(line):
    text = ("某某区某某局2024年政府信息公开工作年度报告\n" + line + "\n一、总体情况\n2024年，本局主动公开政府信息120条。\n")
    assert lint(text, select=["DL701"], fmt="text") == []
    # a sentence that names a file is the clerk's
    assert [d.code for d in lint(text + "本局将年度报告另存为报告.docx,供下载。\n", select=["DL701"], fmt="text")] == ["DL701"]


@pytest.mark.parametrize("head", [
    "某某乡2024年政府信息公开工作年度报告\n访问量:\n关联稿件:\n",
    "• 信息类别: 政府信息公开年报\n• 信息索取号:000012345/2025-00100\n某某乡2024年政府信息公开工作年度报告\n"
    "字号: 〖大 小〗\n",
    "某某市人民政府2024年政府信息公开工作年度报告\n信息来源:某某市人民政府办公厅 信息提供日期:2025-01-20 10:30 【字体: 视力保护色:\n",
    "您当前所在的位置: 首页 > 政府信息公开 > 政府信息公开年报 > 年度报告【本级】\n某某乡2024年政府信息公开工作年度报告\n",
])
def test_more_labels_of_page_lines(head):
    # a link list's label, catalogue fields, a font switch in 〖〗, an eye-care colour switch, 信息提供日期, and a
    # breadcrumb led by 您当前所在的位置: each line the page's own (DL701 pointed at them and counted their colons)
    text = head + "一、总体情况\n2024年，本乡主动公开政府信息120条。\n"
    rep = interpret(parse(text, "text"))
    assert all(rep.portal.is_line(b) for b in rep.document.blocks[:head.count("\n")] if b is not rep.title_block)
    assert lint(text, select=["DL701"], fmt="text") == []
    if "信息提供日期" in head:
        assert rep.portal.published is not None and rep.portal.published.label == "信息提供日期"


@pytest.mark.parametrize("head", [
    # a catalogue printed label / value, a line each, both bulleted
    "某某区人民政府办公室2024年政府信息公开工作年度报告\n• 索引号:\n• 001008003006001/2025-01234\n• 组配分类:\n• 公开年报\n"
    "• 发布机构:\n• 区府办(外事办、大数据管理局)\n• 成文日期:\n• 2025- 01- 11\n• 公开方式:\n• 主动公开\n",
    "某某乡人民政府2024年政府信息公开工作年度报告\n- 发布:\n- 某某乡人民政府\n- 时间:\n- 2025-01-18\n",
    # a font switch of A+ A A-, 时效性 and a spaced 有 效 性
    "某某镇人民政府2024年政府信息公开工作年度报告\n字体大小:A+ A A- 分享: 打印\n时效性:有效\n- 有 效 性: 有效\n",
    # the catalogue's 信息名称 and 内容概述, the title printed below them
    "您当前的位置:\n信息名称:某某市某某局2024年政府信息公开工作年报\n内容概述:某某市某某局2024年政府信息公开工作年报\n"
    "某某市某某局2024年政府信息公开工作年报\n",
])
def test_catalogue_lines_seen_on_more_portals(head):
    text = head + "一、总体情况\n2024年，本机关主动公开政府信息120条。\n"
    rep = interpret(parse(text, "text"))
    n = head.count("\n")
    assert all(rep.portal.is_line(b) for b in rep.document.blocks[:n] if b is not rep.title_block)
    assert rep.title_block is not None and "信息名称" not in rep.title_block.text and "内容概述" not in rep.title_block.text
    assert lint(text, select=["DL701", "DL403", "DL404"], fmt="text") == []


@pytest.mark.parametrize("line", [
    "发布时间:2025-01-08   录入:某某镇",
    "来源: 某某市某某局 发布时间:2025-01-22 累计次数: 字体:[ ]",
    "发布时间:2025-01-19 17:13 阅读人数:",
    "- 备注/文号:某街政〔2025〕1号",
    "字号: 下载 我要纠错 打印 收藏",
])
def test_byline_and_toolbar_labels_of_more_portals(line):
    text = "某某镇人民政府2024年政府信息公开工作年度报告\n" + line + "\n一、总体情况\n2024年，本镇主动公开政府信息120条。\n"
    rep = interpret(parse(text, "text"))
    assert rep.portal.is_line(rep.document.blocks[1])
    assert lint(text, select=["DL701", "DL702"], fmt="text") == []


@pytest.mark.parametrize("lines", [
    # a font switch left open before the page's download links
    ["时间:2026-01-16 点击: 【字体:  【下载Word】 【下载PDF】"],
    ["时间 : 2020-01-17 16:51 来源 : 本网 【字体: 【打印】"],
    # fields each opened by a 【 the page never closes, the tools on the next line closing one
    ["【信息来源:某某产业园区 【信息时间:2023-01-11 13:04:33   阅读次数: 57", "我要打印】 【关闭"],
    # the page's date stamp with its click counter in brackets (left empty by the script), a crawler's pipes after
    ["2025年01月20日 (点击: ) | ||||||||"],
    ["2025年01月20日 (点击: 35)"],
    # (real pages) the date in square brackets; a mirror's site name before its fields; a byline repeating the header's
    # source (a district's bare name) and date
    ["发布日期:[2021-01-28]", "[ 字体:  ] [分享: ]"],
    ["某某河务局门户网站 时间:2021-1-26 来源:某某部"],
    ["时间:2024年02月18日来源:云岭区", "[字体: ] 打印", "云岭区 2024年02月18日"],
])
def test_brackets_and_download_links_of_a_pages_fields(lines):
    text = ("某某镇人民政府2025年政府信息公开工作年度报告\n" + "\n".join(lines)
            + "\n一、总体情况\n2025年，本镇主动公开政府信息120条。\n")
    rep = interpret(parse(text, "text"))
    assert all(rep.portal.is_line(b) for b in rep.document.blocks[1:1 + len(lines)])
    assert lint(text, select=["DL403", "DL701", "DL703"], fmt="text") == []


def test_a_lists_date_and_export_link_before_the_title():
    text = ("某某州民族事务委员会\n• 2021-02-07导出word某某州民族事务委员会2020年政府信息公开工作年度报告\n"
            "某某州民族事务委员会2020年政府信息公开工作年度报告\n一、总体情况\n2020年，本委主动公开政府信息120条。\n")
    rep = interpret(parse(text, "text"))
    assert rep.agency.name == "某某州民族事务委员会" and rep.year == 2020
    assert lint(text, select=["DL403"], fmt="text") == []  # the list's date, not the clerk's
    late = lint(text, select=["DL405"], fmt="text")
    assert [(d.code, d.severity) for d in late] == [("DL405", "warning")]  # a page's date only: a warning


def test_a_byline_repeating_the_page_headers_source_and_date():
    # 市某某局 2021年02月01日 under the page's own field lines: the page's byline, not the clerk's dates
    head = "首页 -> 政务公开 -> 年报\n某某市自然资源局2020年度政府信息公开工作报告\n2021年02月01日来源:市自然资源局\n[字体: ] 打印\n"
    body = "\n根据《条例》，现公布本报告。\n一、总体情况\n2020年，本局主动公开政府信息120条。\n"
    text = head + "市自然资源局 2021年02月01日\n" + body
    rep = interpret(parse(text, "text"))
    assert rep.portal.is_line(rep.document.blocks[4])
    assert lint(text, select=["DL403"], fmt="text") == []
    # a name and a date the page header did not give are the clerk's own: still checked
    other = head + "市自然资源局 2021年01月20日\n" + body
    assert [d.code for d in lint(other, select=["DL403"], fmt="text")] == ["DL403"]


def test_a_bulleted_weak_field_in_prose_is_still_prose():
    # 来源 is a weak label: on a bulleted line of the report's own list it is text (its value is a sentence)
    text = ("某某镇2023年政府信息公开工作年度报告\n一、总体情况\n• 来源:本报告数据来自各办,经汇总核实。\n")
    assert [d.evidence["actual"] for d in lint(text, select=["DL701"], fmt="text")] == [":", ","]


def test_a_pages_catalogue_field_is_no_title():
    """A real town's page: 索引号:… 发布机构:某某镇 发布目录:信息公开年度报告 above the title — the catalogue's name was read
    as the title (the body 发布目录, DL007); 发布目录 and 所属目录 are the page's fields, with their colon only."""
    text = ("索引号:4303000006/2025-1353031 发布机构:白石镇 发布目录:信息公开年度报告\n\n白沙市白石镇2024年政府信息公开工作年度报告\n\n"
            "一、总体情况\n\n2024年，我镇主动公开政府信息120条。\n")
    rep = interpret(parse(text, "text"))
    assert (rep.title, rep.agency.name) == ("白沙市白石镇2024年政府信息公开工作年度报告", "白沙市白石镇")
    assert ("发布目录", "信息公开年度报告") in [(s.label, s.value) for s in rep.portal.spans]
    prose = interpret(parse("白沙市白石镇2024年政府信息公开工作年度报告\n\n一、总体情况\n\n我镇及时更新发布目录和指南。\n", "text"))
    assert not [s for s in prose.portal.spans if s.label == "发布目录"]


def test_an_old_portals_article_in_its_layout_tables_cell_is_read_as_text():
    """A real town's page (2013): the catalogue table's last row holds the title alone (``title | ||``), and the whole
    article follows as one long cell closed by the layout's pipe (``2013年，我镇认真贯彻…。附件下载:… |``).  Before, the
    article was a table row and the title a cell: the file was skipped as no report."""
    body = "2013年，我镇认真贯彻落实《条例》精神，不断健全工作机制，深化公开内容。" * 4 + "现将我镇2013年政府信息公开工作报告如下。 附件下载:统计表.doc |"
    text = ("索引号: | /2015-34352 | 公开方式: | 主动公开 |\n文号: | 公开日期: | 2015-07-27 10:52 | |\n发布单位: | 某某镇 |\n"
            f"2013年度某某镇政府信息公开工作年度报告 | ||\n{body}\n||\n|\n")
    rep = interpret(parse(text, "text"))
    assert rep.title == "2013年度某某镇政府信息公开工作年度报告"
    assert any(b.kind == "paragraph" and b.text.startswith("2013年，我镇认真贯彻") for b in rep.document.blocks)
    assert rep.candidate.plausible
    # a catalogue's one-cell row whose cell is a field (标题:…): its value
    field = ("索引号: | 000014349/2022-05819 | |\n发文机关:某某镇人民政府 | 主题词: |\n标题:某某镇人民政府2021年政府信息公开工作年度报告 | |\n"
             "2021年，我镇认真贯彻落实《条例》。\n一、总体情况\n全年主动公开政府信息20条。\n")
    assert interpret(parse(field, "text")).title == "某某镇人民政府2021年政府信息公开工作年度报告"


def test_a_breadcrumb_without_home_that_opens_the_page_is_the_pages():
    # (real: 政府信息公开 > 政府信息公开年度报告 > 年报专栏 > 部门 > 某某局日期:2024-01-19 16:39 来源:某某局 …: DL701 pointed at
    # the 日期's colon, not at the report's words)
    text = ("政府信息公开 > 政府信息公开年度报告 > 年报专栏 > 部门 > 某某县某某局日期:2024-01-19 16:39 来源:某某县某某局 字体:[ 大 中 小 ] 关闭窗口\n"
            "一、总体情况\n2023年,我局根据《条例》要求,依法及时公开各类政务信息。\n")
    rep = interpret(parse(text, "text"))
    assert rep.portal.text_without(rep.document.blocks[0]).strip() in ("", "16:39")
    found = lint(text, select=["DL701"], fmt="text")
    assert found and {d.line for d in found} == {3}
    # two arrows are not enough (a sentence may hold 甲 > 乙 > 丙)
    two = interpret(parse("甲 > 乙 > 丙\n一、总体情况\n本局公开信息。\n", "text"))
    assert two.portal.text_without(two.document.blocks[0]) == "甲 > 乙 > 丙"
