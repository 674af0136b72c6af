"""Truncated documents (report/truncation.py): where a cut-off file ends, said once by DL002; the parts
and table rows cut off are not reported missing, empty or unfilled."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_lint.config import Config
from disclosure_lint.engine import prepare, run
from disclosure_lint.packs import load_rules
from disclosure_lint.readers import read_document
from disclosure_lint.report import Overrides, interpret
from disclosure_lint.report.stats.schema import S3_COLS

from . import render
from .conftest import NO_SHARED, SHARED, lint, parse

FIXTURES = Path(__file__).parent / "fixtures" / "truncated"
CLEAN = Path(__file__).parent.parent / "examples" / "clean-2023.md"
WATCHED = ("DL002", "DL101", "DL103", "DL104", "DL105", "DL110", "DL209")


def report_of(text: str, fmt: str = "text", year: int | None = 2023):
    return interpret(parse(text, fmt), Overrides(year=year))


def diags_of(path: Path, select=None):
    rep = interpret(read_document(str(path), path.read_bytes()))
    return rep, run(rep, prepare(load_rules(), Config(select=select) if select else Config()))


HEAD = "某某县某某局2023年政府信息公开工作年度报告\n一、总体情况\n2023年，本局认真贯彻《条例》，全年主动公开政府信息120条。\n"
S3_HEADER = ("三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t"
             "自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
             "一、本年新收政府信息公开申请数量\t\t\t3\t1\t0\t0\t0\t0\t4\n"
             "二、上年结转政府信息公开申请数量\t\t\t0\t0\t0\t0\t0\t0\t0\n")


# -- the report fact ---------------------------------------------------------------------------------


class TestTruncationFact:
    def test_cut_row_label_after_the_table(self):
        rep = report_of(HEAD + S3_HEADER + "三、本年度")
        t = rep.truncation
        assert (t.where, t.table, t.section) == ("table", "s3", "s3")
        assert t.tail == "三、本年度" and t.block.line == 8
        assert t.last_row == "二、上年结转政府信息公开申请数量" and t.rows_after[0] == "三、本年度办理结果"
        assert sorted(t.unchecked) == ["s3", "s4", "s5", "s6"]

    def test_cut_in_the_middle_of_a_row(self):
        rep = report_of(HEAD + S3_HEADER + "三、本年度办理结果\t（一）予以公开\t\t2\t1")
        t = rep.truncation
        assert (t.where, t.table, t.tail) == ("table", "s3", "1")
        assert t.last_row == "（一）予以公开" and t.rows_after[0].startswith("（二）部分公开")

    def test_cut_in_a_title(self):
        t = report_of(HEAD + "二、主动公开政府信息情况\n本年未制发规范性文件。\n五、存在的主").truncation
        assert (t.where, t.section, t.tail) == ("title", "s5", "五、存在的主")
        assert sorted(t.unchecked) == ["s5", "s6"]

    @pytest.mark.parametrize(("last", "section"), [
        ("二、行政机关主动公开政府", "s2"),  # the format's title with 行政机关 before it (a real prefecture's page)
        ("四、依申请公开政府信", "s4"),  # an old-format title (real reports of 2016 and 2011)
        ("六、政务公开工作存在的主要问题及改", "s6"),
    ])
    def test_cut_in_a_variant_or_old_title(self, last, section):
        t = report_of(HEAD + "一、总体情况\n本年未制发规范性文件，公开信息86条。\n" + last).truncation
        assert t is not None and (t.where, t.section, t.tail) == ("title", section, last)

    def test_ends_with_a_complete_title(self):
        t = report_of(HEAD + "二、主动公开政府信息情况").truncation
        assert (t.where, t.section) == ("title", "s2")

    @pytest.mark.parametrize("ending", ["对26个领域开展了全", "形成省局、局机关处室、市县区局、", "我市共收，",
                                        # seen on real pages (written anew): a citation cut in its article's number,
                                        # a sentence cut after its year and comma, a quotation with no end
                                        "\n6.按照《中华人民共和国政府信息公开条例》第二", "公开信息。 （二）依申请公开 2023年,",
                                        "公开信息。本年度在“调整部分服务项目价格”",
                                        "地址：某某县政府门户网站（https://www.mouxx.go", "并做好相关解释工作。20"])
    def test_cut_in_a_sentence(self, ending):
        t = report_of(HEAD + "（一）主动公开。2023年，本局通过门户网站公开信息，" + ending).truncation
        assert t.where == "sentence" and t.section == "s1"
        assert t.block.text.endswith(t.tail) and len(t.tail) <= 12

    def test_cut_under_part_five_in_its_sub_title_or_its_year(self):
        # seen on real excerpts: 五、… / （一）存在问题, 五、… / 20, 五、… / 2023年三河 — no part 六, 五 not empty
        for last in ("（一）存在问题", "20", "2023年三河"):
            text = HEAD + "二、主动公开政府信息情况\n本年未制发规范性文件。\n五、存在的主要问题及改进情况\n" + last + "\n"
            t = report_of(text).truncation
            assert t is not None and t.section == "s5", last
            assert [d.code for d in lint(text, fmt="text", year=2023, select=["DL002", "DL101", "DL104"])] == ["DL002"]
        # a date under it is a 落款's, not a cut
        assert report_of(HEAD + "五、存在的主要问题及改进情况\n2024年1月5日\n").truncation is None

    def test_one_character_under_part_six_is_a_cut(self):
        t = report_of(HEAD + "六、其他需要报告的事项\n目\n").truncation
        assert t is not None and t.section == "s6"
        assert report_of(HEAD + "六、其他需要报告的事项\n无\n").truncation is None  # nothing to report, said so

    def test_a_paragraph_without_punctuation_cut_in_a_number(self):
        t = report_of(HEAD + "（四）监督保障\n本报告中所列数据的统计期限自202\n").truncation
        assert t is not None and t.where == "sentence" and t.tail.endswith("自202")
        # a telephone number ends a line without punctuation: no cut
        assert report_of(HEAD + "（四）监督保障\n本局政府信息公开工作咨询电话0571123\n").truncation is None

    @pytest.mark.parametrize(("last", "tail"), [
        # seen on real excerpts: the first point begun under a sub-title, a point's run-in title and its sentence cut,
        # a sub-title cut on a word no title ends with, a year's range begun
        ("（三）政府信息管理\n一是制定某某县审计局", "审计局"),
        ("档案留存规范有序:对已公开的政府信", "政府信"),
        ("（六）因政府信息公开申请行政", "申请行政"),
        ("（三）“不予公开”的政府信息涉及", "信息涉及"),
        ("（二）依申请公开情况：全年办理申请1件，为研究生提供2005-2", "2005-2"),
        ("（四）信息公开平台", "信息公开平台"),
        ("（四）重", "（四）重"),  # no sub-title is one character
        # the first point of the list a colon opens, cut on the colon's line (a real part 五, written anew)
        ("五、存在的主要问题和改进情况\n我局做了一些工作，但仍存在不足，主要表现在: 一是制度", "一是制度"),
        ("五、存在的主要问题和改进情况\n我局做了一些工作，但仍存在不足，主要表现在：一是制度", "一是制度"),
    ])
    def test_cut_shapes_of_real_excerpts(self, last, tail):
        t = report_of(HEAD + "（一）主动公开情况\n全年公开信息120条。\n" + last + "\n").truncation
        assert t is not None and t.tail.endswith(tail), last

    @pytest.mark.parametrize("sep", ["\n", " ", ""])
    def test_a_run_in_item_cut_after_items_that_are_sentences(self, sep):
        # a real part 五 (written anew): (二)…: its sentence ends; (三)…: its text cut — also in a copy whose line breaks
        # were lost (joined by spaces or by nothing), where the item is the text's last piece, not a line of its own
        five = sep.join(["五、存在的主要问题及改进情况", "（一）主要措施", "一是强化领导。二是健全制度。",
                         "（二）存在的主要问题：一是认识不足；二是数量有待提高。", "（三）下一步工作打算：一是加大政府信息公开宣传培训"])
        t = report_of(HEAD.replace("\n", sep) + sep + five + "\n").truncation
        assert t is not None and t.where == "sentence" and t.tail.endswith("宣传培训"), sep
        # the item before it not a sentence (a list of short titles): not a cut
        titles = sep.join(["五、存在的主要问题及改进情况", "（一）加强领导", "（二）完善制度", "（三）加强培训"])
        assert report_of(HEAD.replace("\n", sep) + sep + titles + "\n").truncation is None

    @pytest.mark.parametrize("last", [
        "联系电话：0571-12345678",  # a label and its value
        "（四）依法行政",  # a complete sub-title ending in 行政
        "一是加强组织领导",  # no heading above it: after a sentence, a line without punctuation
    ])
    def test_no_cut_where_a_label_or_a_complete_title_ends_the_text(self, last):
        # (in part 五: in part 一 a text that stops on a sub-title or a line without its end is cut, see below)
        five = "五、存在的主要问题及改进情况\n（一）存在问题\n公开内容还不够全面。\n"
        assert report_of(HEAD + five + last + "\n").truncation is None

    @pytest.mark.parametrize(("last", "tail", "subtitle"), [
        # a unified report's text that stops in part 一, parts 二 to 六 all missing, on a line no report ends with
        # (the shapes of real excerpts, written anew)
        ("（四）加强", "（四）加强", True), ("2.健全工作制", "2.健全工作制", True),
        ("（五）加强监督保障机制建", "（五）加强监督保障机制建", True), ("（四）依法行政", "（四）依法行政", True),
        ("（三）政府信息管理情况。\n我局高度重", "我局高度重", False),
        ("（四）政府信息平台建设情况\n根据某某县人民政府办公室", "根据某某县人民政府办公室", False),
        ("全力做好某某", "全力做好某某", False), ("一是加强组织领导", "一是加强组织领导", False),
        ("门户网站开设“重点领域公开”“政务公开工作要点专栏”等精品专", "开工作要点专栏”等精品专", False),
        # a verb before a street's name: a cut clause, not the body's name closing the text (a real street office's page)
        ("（四）政府信息公开平台建设\n做好维护街道", "做好维护街道", False),
        # a run-in title with its count, then its sentence cut (a real town's page): not a label and its value
        ("决策与文件公开(9条):公开以镇政", "公开(9条):公开以镇政", False),
    ])
    def test_a_text_that_stops_in_part_one(self, last, tail, subtitle):
        t = report_of(HEAD + "（一）主动公开情况\n全年公开信息120条。\n" + last + "\n").truncation
        assert t is not None and (t.where, t.section, t.tail, t.subtitle) == ("sentence", "s1", tail, subtitle)

    @pytest.mark.parametrize("last", ["特此报告", "某某县某某局", "2024年1月18日", "无", "附件：统计表",
                                      "本局将继续做好政府信息公开工作。"])
    def test_part_one_ending_on_a_closing_line_is_not_cut(self, last):
        assert report_of(HEAD + "（一）主动公开情况\n全年公开信息120条。\n" + last + "\n").truncation is None

    @pytest.mark.parametrize(("last", "tail"), [("（四）政府信息公开平台建设\n2023年", "2023年"),
                                               ("（三）政府信息依", "（三）政府信息依"),
                                               # a sub-title of part 一 and nothing after it: parts 二 to 六 all
                                               # missing, an excerpt cut there (seen on real pages)
                                               ("（三）政府信息依申请公开情况", "（三）政府信息依申请公开情况"),
                                               ("（三）政府信息资源管理情况", "（三）政府信息资源管理情况"),
                                               ("（四）平台建设", "（四）平台建设"), ("2.依申请公开", "2.依申请公开"),
                                               ("（三）平台建设和监管情", "（三）平台建设和监管情"), ("㈡", "㈡")])
    def test_cut_under_or_in_a_sub_title(self, last, tail):
        t = report_of(HEAD + "（一）主动公开情况\n全年公开信息120条。\n" + last + "\n").truncation
        assert t is not None and t.where == "sentence" and t.tail.endswith(tail)
        if tail == last:  # the file ends on the sub-title: DL002 says so
            [d] = lint(HEAD + "（一）主动公开情况\n全年公开信息120条。\n" + last + "\n", fmt="text", year=2023,
                       select=["DL002"])
            assert f"在小标题“{tail}”处中断，其下没有内容" in d.message and "第二至六部分未检查" in d.message

    @pytest.mark.parametrize("text", [
        HEAD,  # ends after a complete sentence: a missing tail is the report's defect, not a cut
        HEAD + "本局将继续落实“谁公开谁审查、谁审查谁负责”。\n",  # a quotation and its end mark
        HEAD + "某某县某某局\n2024年1月18日\n",  # signature
        HEAD + "二、主动公开政府信息情况\n本年未制发规范性文件。\n六、其他需要报告的事项\n本局未收取信息处理费，无其他需要报告的事项\n",
        HEAD + "联系人：张某，联系电话：0571-12345678\n",  # ends in a digit
        HEAD + "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t\t\t\t\t行政诉讼\n"
               "\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉\n"
               + "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3) + "\n"
               + "\t".join(["0"] * 15) + "\n",  # a complete table 四 at the end
    ])
    def test_not_truncated(self, text):
        assert report_of(text).truncation is None

    def test_portal_tools_after_the_text_are_skipped(self):
        t = report_of(HEAD + S3_HEADER + "三、本年度\n【打印本页】【关闭窗口】\n").truncation
        assert t is not None and t.tail == "三、本年度"

    def test_flattened_line_cut_in_a_row_label(self):
        text = " ".join(HEAD.split("\n")) + " " + " ".join(S3_HEADER.replace("\t", " ").split()) + " 三、本年度办"
        t = report_of(text).truncation
        assert (t.where, t.table, t.tail) == ("table", "s3", "三、本年度办")
        assert t.block.locate(t.start).column == text.index("三、本年度办") + 1

    def test_linear_on_a_huge_line(self):
        text = ("本局认真贯彻《条例》，" * 100_000) + " 三、本年度"
        t = report_of(text).truncation
        assert t is not None


# -- DL002 and the rules it quiets ---------------------------------------------------------------------


def test_dl002_once_with_place_and_what_was_not_checked():
    text = HEAD + S3_HEADER + "三、本年度"
    ds = lint(text, fmt="text", year=2023, select=list(WATCHED))
    assert [(d.code, d.line, d.column, d.severity) for d in ds] == [("DL002", 8, 1, "warning")]
    m = ds[0].message
    assert "在表三（收到和处理政府信息公开申请情况）中中断" in m and "“三、本年度”" in m
    assert "表三“三、本年度办理结果”及以后各行、第四至六部分未检查" in m
    assert ds[0].evidence["sections_not_checked"] == ["s3", "s4", "s5", "s6"]


def test_a_cut_report_that_lists_the_old_parts_names_no_part_of_the_six_as_unchecked():
    # a real 2023 report written the old way (its opening lists 概述…收费及减免…附表), cut in its part 三: the parts after
    # it are the old format's, not the six (the message had said 第四至六部分未检查)
    text = ("某某县某某局2023年政府信息公开工作年度报告\n"
            "本报告由概述、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开的收费及减免情况、"
            "因政府信息公开申请行政复议、提起行政诉讼的情况、存在的主要问题和改进措施及附表组成。\n"
            "一、概述\n2023年，本局认真贯彻落实《条例》。\n二、主动公开政府信息情况\n全年主动公开信息84条。\n"
            "三、依申请公开政府信息情况\n2023年，本局受理")
    (d,) = [d for d in lint(text, fmt="text", select=["DL002"]) if d.code == "DL002"]
    assert "此后的内容未检查" in d.message and "第四至六部分" not in d.message, d.message


def test_option_off():
    cfg = {"options": {"DL002": {"truncated_documents": False}}}
    assert lint(HEAD + "五、存在的主", fmt="text", year=2023, select=["DL002"], config=cfg) == []


def test_cut_in_table_four_quiets_missing_parts_and_columns():
    """Parts 一–四 found (a unified report), the file cut inside table 四: no DL101 for 五/六, no DL110."""
    text = (HEAD + "二、主动公开政府信息情况\n本年未制发规范性文件。\n" + S3_HEADER
            + "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t\t\t\t\t行政诉讼\n"
            + "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3) + "\n" + "0\t0\t0\t0\t0\t0\t0")
    ds = lint(text, fmt="text", year=2023, select=list(WATCHED))
    # 二 has no table and 三 stops after two rows (DL105, DL110 are right there); nothing about 四's columns, 五, 六
    assert sorted(d.code for d in ds) == ["DL002", "DL105", "DL110"]
    assert "“二、主动公开政府信息情况”" in next(d for d in ds if d.code == "DL105").message
    assert next(d for d in ds if d.code == "DL110").message.startswith("表三缺少")
    cut = next(d for d in ds if d.code == "DL002")
    assert "在表四" in cut.message and "第五、六部分未检查" in cut.message and cut.line == text.count("\n") + 1


def test_complete_sentence_ending_still_reports_missing_parts():
    text = (HEAD + "二、主动公开政府信息情况\n本年未制发规范性文件。\n三、收到和处理政府信息公开申请情况\n本年未收到申请。\n"
            "四、政府信息公开行政复议、行政诉讼情况\n本年未发生行政复议。\n")
    codes = [d.code for d in lint(text, fmt="text", year=2023, select=["DL002", "DL101"])]
    assert codes == ["DL101", "DL101"]


# -- fixtures: the clean example cut off inside a table, in .md, .txt and flattened ------------------------


@pytest.mark.parametrize(("name", "line", "tail", "table"), [
    ("table3-cut-mid-row.md", 68, "0", "s3"),
    ("table3-cut-mid-label.txt", 49, "5.属于三类内部", "s3"),
    ("table3-cut-flattened.txt", 1, "5.属于三类内部", "s3"),
    ("table4-cut-mid-row.txt", 73, "0", "s4"),
])
def test_truncated_fixtures(name, line, tail, table):
    rep, ds = diags_of(FIXTURES / name)
    t = rep.truncation
    assert (t.where, t.table, t.tail) == ("table", table, tail)
    cut = [d for d in ds if d.code == "DL002"]
    assert [(d.line, d.match) for d in cut] == [(line, tail)]
    # nothing about the parts or rows cut off
    assert [d.code for d in ds if d.code in ("DL101", "DL104", "DL105", "DL110", "DL209")] == []
    if not name.endswith("flattened.txt"):  # the flattened text's inline parts are another change's (flat)
        assert [(d.code, d.message) for d in ds if d.code != "DL002"] == []


def test_truncated_section_five():
    rep, ds = diags_of(FIXTURES / "section5-cut-mid-sentence.md")
    assert rep.truncation.where == "sentence" and rep.truncation.section == "s5"
    assert [(d.code, "第六部分未检查" in d.message) for d in ds] == [("DL002", True)]


def test_fixtures_come_from_the_clean_example():
    head = CLEAN.read_text(encoding="utf-8")
    assert head.startswith((FIXTURES / "table3-cut-mid-row.md").read_text(encoding="utf-8")[:-2])


# -- the real corpus ----------------------------------------------------------------------------------------

EXCERPTS = SHARED / "corpus" / "excerpts"


def _excerpt(name: str):
    path = EXCERPTS / name
    if not path.is_file():
        pytest.skip(NO_SHARED)
    return diags_of(path)


def test_excerpt_041_ends_in_table_three():
    rep, ds = _excerpt("041.txt")
    t = rep.truncation
    assert (t.where, t.table, t.tail, t.last_row) == ("table", "s3", "三、本年度", "二、上年结转政府信息公开申请数量")
    assert [(d.code, d.line, d.column) for d in ds if d.code in WATCHED] == [("DL002", 26, 3)]


def test_excerpt_009_tables_of_a_deduplicated_copy():
    """Cut in the title of 五, after tables 三 and 四 printed without a number — because the page's store kept each
    line once (one "0", one 结果维持): the tables are not read (DL001 says why), not an unfilled template (DL209)."""
    rep, ds = _excerpt("009.txt")
    assert rep.truncation.where == "title" and rep.truncation.section == "s5"
    assert sorted(d.code for d in ds if d.code in WATCHED) == ["DL002"]
    dl001 = [d for d in ds if d.code == "DL001"]
    assert [d.evidence["layout"] for d in dl001] == ["flat-deduplicated"]


def test_flattened_cut_in_table_four_blames_nothing_cut_off():
    """One line ending in table 四's numbers: the cut is said once, nothing about the parts or columns cut
    off.  The row's values stay unplaced (DL001, a warning): a crawl also drops empty cells, so seven values
    may be a cut row or a sparse one."""
    rep, ds = diags_of(FIXTURES / "table4-cut-flattened.txt")
    assert [d.code for d in ds if d.code in ("DL101", "DL104", "DL105", "DL110", "DL209")] == []
    assert [d.severity for d in ds if d.category != "typography"] == ["warning", "warning"]
    assert [d.code for d in ds if d.code == "DL002"] == ["DL002"]
    assert rep.truncation is not None and rep.truncation.table == "s4"


# -- excerpts cut where the ending alone did not show it (rt-web #1): the clean example cut short ------------

CLEAN_MD = CLEAN.read_text(encoding="utf-8")
ERRORS = ("DL101", "DL104", "DL105", "DL110", "DL209")


def _cut(text: str, marker: str, occurrence: int = 1) -> str:
    """``text`` up to and including the ``occurrence``-th ``marker``."""
    pos = -1
    for _ in range(occurrence):
        pos = text.index(marker, pos + 1)
    return text[:pos + len(marker)]


def _cut_diags(text: str, fmt: str):
    rep = interpret(parse(text, fmt))
    return rep, run(rep, prepare(load_rules(), Config()))


def _t4_header_rows(n: int) -> str:
    start = CLEAN_MD.index("| 行政复议 | 行政复议")
    lines = CLEAN_MD[start:].split("\n")
    return CLEAN_MD[:start] + "\n".join(lines[:n + 1 if n > 1 else 1])  # the |---| line after the first row


CUT_EXCERPTS = {
    # (a) a sentence cut before its first comma: no punctuation in the last paragraph
    "md-s5-sentence-without-comma": (_cut(CLEAN_MD, "我局2022年度报告提出的政策解读形式单一"), "markdown",
                                     ("sentence", "s5", None)),
    "flat-s5-open-quote": (_cut(render.to_flat(CLEAN_MD), "本年新增图文") + "和“视频解读", "text", ("sentence", "s5", None)),
    # (b) after a caption of table 二, or after the caption and the header cell
    "md-t2-caption": (_cut(CLEAN_MD, "第二十条第（六）项"), "markdown", ("table", "s2", "行政处罚")),
    "md-t2-caption-header": (_cut(CLEAN_MD, "第二十条第（六）项") + "\n\n| 信息内容 |", "markdown", ("table", "s2", "行政处罚")),
    "txt-t2-caption-header": (_cut(render.to_text(CLEAN_MD), "第二十条第（六）项\n\n信息内容"), "text",
                              ("table", "s2", "行政处罚")),
    "txt-t2-label-begun": (_cut(render.to_text(CLEAN_MD), "第二十条第（六）项\n\n信息内"), "text", ("table", "s2", "行政处罚")),
    # (c) table 四 with its header rows only, and a label of its header alone
    "md-t4-three-header-rows": (_t4_header_rows(3), "markdown", ("table", "s4", "行政复议·结果维持")),
    "md-t4-first-header-row": (_t4_header_rows(1), "markdown", ("table", "s4", "行政复议·结果维持")),
    "flat-t4-header": (_cut(render.to_flat(CLEAN_MD), "尚未审结 总计", 3), "text", ("table", "s4", "行政复议·结果维持")),
    "flat-t4-first-word": (_cut(render.to_flat(CLEAN_MD), "复议后起诉1件（结果维持）。 行政复议"), "text",
                           ("table", "s4", "行政复议·结果维持")),
    "flat-t4-label-begun": (_cut(render.to_flat(CLEAN_MD), "复议后起诉1件（结果维持）。 行政复议 行政诉讼") + " 结", "text",
                            ("table", "s4", "行政复议·结果维持")),
    # (d) a tab row cut before its 总计
    "txt-t3-row-before-total": (_cut(render.to_text(CLEAN_MD), "一、本年新收政府信息公开申请数量\t\t\t48\t7\t0\t0\t2\t0"),
                                "text", ("table", "s3", "二、上年结转政府信息公开申请数量")),
}


@pytest.mark.parametrize("name", sorted(CUT_EXCERPTS))
def test_excerpt_cut_short_is_said_once_and_nothing_cut_off_is_blamed(name):
    text, fmt, (where, section, first_after) = CUT_EXCERPTS[name]
    rep, ds = _cut_diags(text, fmt)
    t = rep.truncation
    assert t is not None and (t.where, t.section) == (where, section)
    if first_after is not None:
        assert t.table == section and t.rows_after[0] == first_after
    assert [d.code for d in ds if d.code in ERRORS] == []
    assert [d.code for d in ds if d.code == "DL002"] == ["DL002"]
    assert [d.severity for d in ds if d.code != "DL701"] == ["warning"] * len([d for d in ds if d.code != "DL701"])


def test_tab_row_cut_before_its_total_is_no_missing_column():
    """The DL002 of a row cut before its 总计 and a DL110 "列“总计”缺失" contradicted each other."""
    text = CUT_EXCERPTS["txt-t3-row-before-total"][0]
    rep, ds = _cut_diags(text, "text")
    assert rep.stats["s3"].cut_row == "new"  # the row the file ends in asks for no column (kinds/tables.py)
    assert rep.truncation.last_row == "一、本年新收政府信息公开申请数量"
    assert [d.code for d in ds if d.code != "DL701"] == ["DL002"]


BLANK_ZERO_COPY = (
    HEAD + "三、收到和处理政府信息公开申请情况\n"
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t自然人\t商业企业\t科研机构\t社会公益组织\t"
    "法律服务机构\t其他\t总计\n"
    "一、本年新收政府信息公开申请数量\t\t\t3\t\t\t\t\t\t3\n"
    "二、上年结转政府信息公开申请数量\n"
    "三、本年度办理结果\t（一）予以公开\t\t2\t\t\t\t\t\t2\n"
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n"
    "（三）不予公开\t1.属于国家秘密\n2.其他法律行政法规禁止公开\n3.危及“三安全一稳定”\n4.保护第三方合法权益\n"
    "5.属于三类内部事务信息\n6.属于四类过程性信息\n7.属于行政执法案卷\n8.属于行政查询事项\n"
    "（四）无法提供\t1.本机关不掌握相关政府信息\t1\t\t\t\t\t\t1\n2.没有现成信息需要另行制作\n3.补正后申请内容仍不明确\n"
    "（五）不予处理\t1.信访举报投诉类申请\n2.重复申请\n")


@pytest.mark.parametrize(("ending", "first_after"), [
    ("3.", "3.要求提供公开出版物"),
    ("3.要求提供公开出版物\n4.无正当理由大量反复申请\n5.要求行政机关确认或重新出具已获取信息\n（六", "（六）其他处理"),
])
def test_browser_copy_with_blank_zeros_cut_at_an_item_number(ending, first_after):
    """(e) A browser copy of an HTML table whose zeros are blank (its blank rows are bare labels) cut at an
    item number: the rows after it are not missing."""
    rep, ds = _cut_diags(BLANK_ZERO_COPY + ending, "text")
    t = rep.truncation
    assert (t.where, t.table) == ("table", "s3") and t.rows_after[0] == first_after
    assert [d.code for d in ds if d.code in ERRORS] == []
    assert [d.code for d in ds if d.code == "DL002"] == ["DL002"]


def test_table_two_of_2019_cut_in_its_first_row_label():
    text = ("某某县某某镇2020年政府信息公开工作年度报告\n一、总体情况\n2020年，本镇认真贯彻《条例》，全年主动公开信息120条。\n"
            "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规")
    rep, ds = _cut_diags(text, "text")
    assert (rep.truncation.where, rep.truncation.table) == ("table", "s2")
    assert [d.code for d in ds if d.code in ERRORS] == []


@pytest.mark.parametrize("text", [
    # a last paragraph without punctuation that is the agency's name: a 落款 without its date, not a cut
    HEAD + "二、主动公开政府信息情况\n本年未制发规范性文件。\n某某县某某局\n",
    # a numbered sub-title at the end, after the part's first sentence (a sub-title of part 一 or 五 alone under its
    # part's title is a cut: test_cut_under_part_five_in_its_sub_title_or_its_year)
    HEAD + "五、存在的主要问题及改进情况\n本年工作存在不足。\n1.公开内容有待丰富\n",
    # a free-text report (not the unified format) ending in a line without punctuation
    "某某县某某局2023年政府信息公开工作年度报告\n本局认真贯彻《条例》，做好信息公开工作。\n下一步本局将继续做好政府信息公开工作\n",
])
def test_unpunctuated_endings_that_are_not_cuts(text):
    assert report_of(text).truncation is None


def test_a_numbered_sentence_after_sentences_is_a_cut():
    text = (HEAD + "五、存在的主要问题及改进情况\n下一步，本局将：1.完善公开清单，做到办结即公开。 "
            "2.加强依申请公开会商研判，提升答复规范性。 3.加强对各分局政务公开工作的业务")
    t = report_of(text).truncation
    assert t is not None and (t.where, t.section) == ("sentence", "s5")


def test_a_complete_report_missing_part_six_is_still_reported():
    """A report that ends with a complete sentence in part 五 is not a cut: DL101 stays."""
    text = CLEAN_MD[:CLEAN_MD.index("## 六、")]
    ds = lint(text, select=["DL002", "DL101"])
    assert [d.code for d in ds] == ["DL101"]


@pytest.mark.parametrize("text", [
    HEAD + "二、主动公开政府信息情况\n本年未制发规范性文件。\n附件：某某县某某局2023年政府信息公开统计表\n",
    # a table 四 with its numbers that the tool could not read is not a table cut before its numbers
    HEAD + "四、政府信息公开行政复议、行政诉讼情况\n复议 诉讼 维持 纠正\n1 0 0 0\n",
])
def test_more_endings_that_are_not_cuts(text):
    assert report_of(text).truncation is None


def test_a_list_cut_after_its_colon_is_a_cut():
    text = CLEAN_MD[:CLEAN_MD.index("### （一）上年度问题整改情况")] + "存在的主要问题：一是信息公开内容更新不够及时"
    rep, ds = _cut_diags(text, "markdown")
    assert (rep.truncation.where, rep.truncation.section) == ("sentence", "s5")
    assert [d.code for d in ds if d.code != "DL701"] == ["DL002"]


@pytest.mark.parametrize("tail", ["（二）部分公开（区分处理的，只", "(二)部分公开(区", "（二）部分公开（", "(二)部分公开(区("])
def test_cut_inside_the_note_of_a_row_label(tail):
    """A page's text cut inside （二）部分公开's note (区分处理的，只计这一情形…), after table 三's rows: the table is
    cut there (DL002), its later rows are not missing (DL110) and the label is no 落款 (DL410).  A mirror that glosses
    each character with its pinyin (部分公開(區(qū)…) was cut inside the gloss: a bracket opened inside the note (its
    DL110 error was a real page's)."""
    text = HEAD + S3_HEADER + "三、本年度办理结果\t（一）予以公开\t\t\t2\t1\t0\t0\t0\t0\t3\n" + tail
    t = report_of(text).truncation
    assert (t.where, t.table) == ("table", "s3")
    ds = lint(text, fmt="text", year=2023, select=[*WATCHED, "DL410"])
    assert [d.code for d in ds] == ["DL002"]


# a crawler's copy of a page's table 三: each cell a line ending in " |", a line of pipes after each row
CRAWLED_S3 = ("三、收到和处理政府信息公开申请情况\n(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |\n"
              "申请人情况 |\n||||||||\n自然人 |\n法人或其他组织 |\n总计 |\n|||||||\n商业企业 |\n科研机构 |\n"
              "社会公益组织 |\n法律服务机构 |\n其他 |\n|||||\n一、本年新收政府信息公开申请数量 |\n3 |\n1 |\n0 |\n0 |\n"
              "0 |\n0 |\n4 |\n||\n二、上年结转政府信息公开申请数量 |\n")


def test_crawled_table_cut_in_a_row_blames_nothing():
    """Cut after four of a row's seven values: the row's values are the cut's (DL002 names the row), not a table
    the tool could not read (DL001), nor missing rows (DL110)."""
    text = HEAD + CRAWLED_S3 + "0 |\n0 |\n0 |\n0"
    rep = report_of(text)
    assert (rep.truncation.table, rep.truncation.last_row) == ("s3", "二、上年结转政府信息公开申请数量")
    s3 = rep.stats["s3"]
    assert [s3.get("new", c.id).value.arithmetic for c in S3_COLS] == [3, 1, 0, 0, 0, 0, 4]
    ds = lint(text, fmt="text", year=2023, select=[*WATCHED, "DL001"])
    assert [d.code for d in ds] == ["DL002"]
    assert "最后读到“二、上年结转政府信息公开申请数量”行" in ds[0].message


@pytest.mark.parametrize(("ending", "where", "section"), [
    ("（四）政府信息公开平台建设情况\n积", "sentence", "s1"),  # a few characters under a heading
    ("本局全年主动公开政府信息120条。\n（三）政府信息管理：", "sentence", "s1"),  # a title whose text was to follow
    ("（五）监督保障情况\n完善《某某街道政府信息公开指南》和《", "sentence", "s1"),  # a mark left open
    ("（二）依申请公开情况\n本局按照《政府信息公", "sentence", "s1"),
    ("（五）监督保障情况\n本局将继续加强监督。\n二", "title", "s2"),  # the next part's title cut to its number
    ("二、主动公开政府信息情况\n第", "table", "s2"),  # under a table's part: the table's first label begun
    ("三、收到和处理政府信息公开申请情况\n(本列数据的勾稽关", "table", "s3"),
    # a crawler's copy cut in table 三's header: its last line a cell's end
    ("三、收到和处理政府信息公开申请情况\n(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)\n|\n申请人情况\n|\n"
     "自然人\n|", "table", "s3"),
])
def test_short_cut_endings(ending, where, section):
    """Real excerpts cut a few characters into a sentence or a label: said once (DL002), nothing after blamed."""
    text = HEAD + ending
    t = report_of(text).truncation
    assert t is not None and (t.where, t.section) == (where, section)
    ds = lint(text, fmt="text", year=2023, select=[*WATCHED, "DL410"])
    assert [d.code for d in ds] == ["DL002"]


@pytest.mark.parametrize("ending", [
    "六、其他需要报告的事项\n无",  # a part that has nothing to report
    "五、存在的主要问题及改进情况\n暂无",
    "（三）政府信息管理情况\n2024年1月",
])
def test_short_endings_that_are_not_cuts(ending):
    t = report_of(HEAD + ending).truncation
    assert t is None or t.where != "sentence"


# a 2019 report's table 二 as a crawler copies it, its rows one a line
S2_2019 = ("二、主动公开政府信息情况\n第二十条第(一)项 | ||||\n信息内容 | 本年新 制作数量 | 本年新 公开数量 | 对外公开总数量 |\n"
           "规章 | 0 | 0 | 0 |\n规范性文件 | 2 | 2 | 9 |\n第二十条第(五)项 | ||||\n"
           "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n行政许可 | 71 | -11 | 0 |\n")
HEAD_2019 = "某某县某某局2019年政府信息公开工作年度报告\n一、总体情况\n2019年，本局认真贯彻《条例》，全年主动公开政府信息120条。\n"


@pytest.mark.parametrize(("ending", "table", "codes"), [
    ("其他对外管理服务事项(指行政许可以", "s2", ["DL002"]),  # a row label and its note, cut: its rows not missing
    # the note over table 三, its part's title lost (table 二 of this fixture does lack rows: DL110 says so)
    ("(本列数据的勾稽关系为:", "s3", ["DL110", "DL002"]),
])
def test_cut_after_a_crawled_table_two(ending, table, codes):
    text = HEAD_2019 + S2_2019 + ending
    t = report_of(text, year=2019).truncation
    assert (t.where, t.table) == ("table", table)
    ds = lint(text, fmt="text", year=2019, select=[*WATCHED, "DL410", "DL703"])
    assert [d.code for d in ds] == codes
    assert all(d.message.startswith("表二") for d in ds if d.code == "DL110")


def test_crawled_table_cut_in_a_header_cell_printed_one_cell_a_line():
    """本年新 公: the header cell 本年新公开数量 cut (its two lines joined by a space), before any row: not a blank table."""
    text = HEAD_2019 + "二、主动公开政府信息情况\n第二十条第(一)项 |\n信息内容 |\n本年新 制作数量 |\n本年新 公"
    t = report_of(text, year=2019).truncation
    assert (t.where, t.table) == ("table", "s2")
    assert [d.code for d in lint(text, fmt="text", year=2019, select=list(WATCHED))] == ["DL002"]


def test_table_with_local_rows_cut_at_a_header_label():
    """A table 二 with rows of its own (行政检查, unread) cut at the next block's header: cut, though a table with
    unread rows is otherwise not called cut (they may be the rest of it)."""
    text = (HEAD_2019 + S2_2019 + "行政检查 | 0 | 0 | 0 |\n第二十条第(六)项 | ||||\n信息内容 |\n上一年项目数量 |\n本年增/减 |")
    t = report_of(text, year=2019).truncation
    assert (t.where, t.table, t.rows_after[0]) == ("table", "s2", "其他对外管理服务事项")


def test_cut_report_with_the_formats_tables_is_not_free_text():
    """Cut in table 三, no part title read (a crawler lost them): not a report outside the unified format (DL103)."""
    text = ("某某街道2019年政府信息公开工作年度报告\n" + "2019年，本街道认真贯彻《条例》，持续推进政务公开，取得了新的进展。" * 8
            + "\n" + S2_2019.split("\n", 1)[1] + "一、本年新收政府")
    ds = lint(text, fmt="text", year=2019, select=[*WATCHED, "DL103"])
    assert "DL103" not in [d.code for d in ds] and "DL002" in [d.code for d in ds]


def test_a_flipbooks_page_is_one_page_of_the_report():
    """An e-book viewer's page kept as a web page: its header ``Page 9 - title`` and ``P. 9``, then that page's text
    (part 六's items and the 落款): one page, the others not in the file — not a report outside the format (DL103)."""
    text = ("Page 9 - 某某市某某区人民政府办公室2022年政府信息公开工作年度报告\nP. 9\n2022 年共报送信息稿件 48 篇，全年办理申请 7 件。\n"
            "(三)人大代表建议和政协提案办理结果公开情况\n2022 年，区政府办公室共收到市人大代表建议 1 件，均已办结。\n"
            "(五)其他报告事项\n无。\n某某市某某区人民政府办公室\n2023 年 1 月 16 日\n")
    rep = report_of(text, year=None)
    assert (rep.truncation.where, rep.truncation.page, rep.truncation.pages) == ("pages", 9, None)
    assert rep.agency.name == "某某市某某区人民政府办公室"
    ds = lint(text, fmt="text", select=[*WATCHED, "DL103", "DL410"])
    assert [d.code for d in ds] == ["DL002"] and "翻页版（电子书式）网页中的第9页" in ds[0].message


@pytest.mark.parametrize("sep", [" ", ""])
def test_a_flipbooks_page_whose_line_breaks_were_lost(sep):
    """The same page joined by spaces or by nothing (its header ``Page 9 -`` a block of its own, the title in the next):
    still one page of the report, not a DL103 error for the parts it does not hold."""
    text = sep.join(["Page 9 -", "某某市某某区人民政府办公室2022年政府信息公开工作年度报告", "P. 9",
                     "2022 年共报送信息稿件 48 篇，全年办理申请 7 件。", "(三)人大代表建议和政协提案办理结果公开情况",
                     "2022 年，区政府办公室共收到市人大代表建议 1 件，均已办结。"]) + "\n"
    ds = lint(text, fmt="text", select=[*WATCHED, "DL103"])
    assert [d.code for d in ds] == ["DL002"] and "翻页版（电子书式）网页中的第9页" in ds[0].message


def test_the_cell_a_file_is_cut_in_is_no_value_error():
    """三、本年度办理结果 | (一 : the row label cut in a grid's cell read as a value is the cut's (DL002), not DL205's."""
    text = (HEAD + "三、收到和处理政府信息公开申请情况\n(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 | ||||||||\n"
            "自然人 | 法人或其他组织 | 总计 | |||||||\n商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |||||\n"
            "一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n"
            "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n三、本年度办理结果 | (一")
    ds = lint(text, fmt="text", year=2023, select=[*WATCHED, "DL205"])
    assert [d.code for d in ds] == ["DL002"]


def test_lines_of_pipes_are_no_repeated_paragraphs():
    text = (HEAD + "||||||||||||||||||||||||||||||||\n二、主动公开政府信息情况\n本年未制发规范性文件。\n"
            "||||||||||||||||||||||||||||||||\n")
    assert lint(text, fmt="text", year=2023, select=["DL601"]) == []


# -- short cut endings seen on real pages (each written anew) ---------------------------------------------------------

@pytest.mark.parametrize(("tail", "section"), [
    ("五、存在的主要问题及改进情况\n综合20", "s5"),  # a number begun under a heading
    ("（三）责任分工\n我局", "s1"),  # the sentence's subject under a heading (not a 落款's name)
    # a body's name alone under an item's title in part 一: the item's first sentence begun (a 落款 comes after part 六)
    ("（三）政府信息管理情况\n某某县某某局", "s1"),
    ("（三）优化提升信息公开平台效能\n强化门户网站", "s1"),
    # an item's run-in title and the first words of its sentence (a real county's page: 1、 预决算公开:严)
    ("（三）聚焦重点领域，提升公开实效\n1、 预决算公开:严", "s1"),
    # a row label's first word (政府 of 政府集中采购) after part 一's prose: a sentence begun, not table 二
    ("（二）依申请公开。严格规范做好依申请公开答复，针对群众关注度高的事项，\n政府", "s1"),
    # in part 六 a last sentence without its 。 is no cut — unless it stops on what no sentence ends in (负 of 负责)
    ("六、其他需要报告的事项\n本年度没有收取信息处理费，开通便民服务热线账号，安排人员负", "s6"),
    ("六、其他需要报告的事项\n本年度没有收取信息处理费，开通便民服务热线账号和", "s6"),
    ("六、其他需要报告的事项\n1、工作人员情况:", "s6"),  # a colon announcing what follows: not a forgotten 。
    # an item's run-in title alone after items whose text follows their title: cut right after the title
    ("（四）平台建设方面。充分运用政府网站集约化平台，切实提升公开质效。\n（五）回应关切方面。", "s1"),
    ("1.加强重大行政决策信息公开。不断健全重大行政决策信息发布机制。\n2.行政执法领域日趋透明。", "s1"),
    ("（一）主动公开。全年公开信息85件，均按时答复，答复率100", "s1"),  # a percentage begun
    ("（四）公开平台\n依托区门户网站", "s1"),  # a clause begun under a sub-title
    ("（四）平台建", "s1"),  # a common sub-title cut in its words
    ("（四）政府信息公", "s1"),
    ("（三）政府信息资源管理情", "s1"),
    ("（三）依法依", "s1"),
    ("（四）政", "s1"),  # one character of a common sub-title
    ("（三）健全文件管理机制，", "s1"),  # a comma at the end: cut whatever came before
    ("（二）依申请公开\n本年度涉及政府信息公", "s1"),  # a common word cut in its middle
    ("（一）主动公开。全年转载发布文字信息19000", "s1"),  # a five-digit number begun
    ("（五）监督保障方面：严格执行信息发布审核", "s1"),  # a run-in title and its first sentence, cut
    ("二、主动公开政府信息情况\n本年收费金额(单位:万", "s2"),  # a bracket opened, the text cut in it
    # a paragraph numbered like a part (一、) under an item, a sentence naming 依申请公开 and cut: part 一's, not part 三's
    # title cut (a real town's page)
    ("（三）政府信息管理情况\n一、为做好我镇的政府信息公开工作，镇政府高度重视，确定专门工作人员负责公开信息的发布和报送、"
     "依申请公开受理等具体工作，为贯彻实施政府信息公开工作提供了有力", "s1"),
    # a point of a list begun with nothing after its number (…对政府信息进行公开。 / 三是)
    ("（一）主动公开\n一是完善目录。二是规范发布，对政府信息进行公开。\n三是", "s1"),
    # a second-level item's number alone after its sibling (2.1 建设情况:… / 2.2)
    ("（二）平台建设\n2.1 建设情况:加强微信公众号建设，及时回复群众留言和咨询。\n2.2 ", "s1"),
    # in part 六, a sentence without its 。 under the part's first sub-item and no second one: the copy stops in it
    ("六、其他需要报告的事项\n（一）强化组织领导，责任落实到位。\n根据人事变动及时调整政府信息公开领导小组，由副书记任组长，"
     "领导小组下设办", "s6"),
])
def test_short_cut_endings_seen_on_real_pages(tail, section):
    t = report_of(HEAD + tail).truncation
    assert t is not None and t.section == section
    # the parts after the cut are not reported missing, the part cut is not reported empty
    codes = {d.code for d in lint(HEAD + tail, fmt="text", year=2023)}
    assert "DL002" in codes and not codes & {"DL101", "DL103", "DL104", "DL105"}


@pytest.mark.parametrize("last", ["（一）推进空气质量和水", "1.在某某区卫", "（三）2017年政府信", "（二）公开形式"])
def test_an_older_reports_item_title_with_nothing_after_it_is_a_cut(last):
    # before the unified format any sub-item's title ends no report: the excerpt stopped there (real 2017 pages)
    text = ("某某市某某局2017年政府信息公开工作年度报告\n一、概述\n本局认真贯彻《条例》，全年主动公开政府信息297条。\n"
            "二、主动公开政府信息情况\n本局主要通过两种形式发布政府信息：\n" + last)
    t = report_of(text, year=2017).truncation
    assert t is not None and t.subtitle == ("2017" not in last)  # (a year after the number: told as a sentence cut)


@pytest.mark.parametrize(("last", "cut"), [
    ("在主动公开", True),  # a preposition begins a sentence (after one that ends)
    ("本单位2017年度未发", True),  # the body speaks of itself (under a part's title)
    ("本局主动公开的信息包括机", True),  # under a sub-title
    ("某某市某某局办公室", False),  # a 落款 without its date
    ("附件", False),
])
def test_an_older_reports_last_sentence_begun_without_a_mark(last, cut):
    # real 2014–2017 copies cut in a sentence that had no mark yet: the check of unpunctuated endings was the unified
    # format's only
    text = ("某某市某某局2017年政府信息公开工作年度报告\n一、概述\n本局认真贯彻《条例》，全年主动公开政府信息297条。\n"
            "二、主动公开政府信息情况\n（一）公开范围\n本局通过门户网站公开信息。\n" + last)
    t = report_of(text, year=2017).truncation
    assert (t is not None) == cut


def test_a_part_title_of_an_older_format_cut_after_its_number():
    # before the unified format, part 五 of many reports was 因政府信息公开申请行政复议、提起行政诉讼的情况
    text = "某某市某某局2017年政府信息公开工作年度报告\n一、概述\n本局认真贯彻《条例》。\n四、依申请公开情况\n没有收到申请。\n五、因政"
    t = report_of(text, year=2017).truncation
    assert t is not None and t.where == "title"


@pytest.mark.parametrize("tail", [
    "六、其他需要报告的事项\n本局联系电话0571-1234",  # a telephone number at the end is no cut (part 六)
    "（四）平台建设：门户网站",  # a short run-in title's words after the colon
    "六、其他需要报告的事项\n详见附件政府信息公开统计表\n",  # a pointer to an attachment
    "五、存在的主要问题及改进情况\n某某县某某局办公室\n",  # a 落款 without its date
    "六、其他需要报告的事项\n本年度没有收取信息处理费，开通便民服务热线，安排专人负责",  # a forgotten 。
    "六、其他需要报告的事项\n3.联系人:王某某",  # a contact's label and its value
    # a forgotten 。 under the second sub-item of part 六 (the list went on: no sign of a cut)
    "六、其他需要报告的事项\n（一）收费情况。本年度未收取信息处理费。\n（二）工作要点落实情况\n全面落实年度政务公开工作要点",
    "（二）平台建设\n2.1 建设情况:加强微信公众号建设。\n12.5",  # a number, no item's sibling before it
])
def test_endings_that_stay_uncut(tail):
    assert report_of(HEAD + tail).truncation is None


@pytest.mark.parametrize("text", [
    # the opening lists the format's parts; the copy lost its first heading and is cut in part 一
    "某某经济开发区管理委员会2022年政府信息公开工作年度报告\n本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请"
    "情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告事项等六部分组成。\n"
    + "2022年，开发区坚持以公开为常态，主动公开各类信息，做好政策解读和回应关切工作。" * 6 + "\n（一）主动公开。开发区围绕招商",
    # part 一 numbered with a dash for 一 (—、总体情况), cut in it
    "某某县某某局2021年政府信息公开工作年度报告\n—、总体情况\n"
    + "2021年，本局认真贯彻《条例》，主动公开各类政府信息，规范依申请公开办理，加强平台建设和监督保障。" * 6
    + "\n（一）主动公开情况。本局通过门户网站公开信息195条，",
])
def test_a_cut_copy_of_a_unified_report_is_not_called_free_text(text):
    codes = {d.code for d in lint(text, fmt="text")}
    assert "DL002" in codes and "DL103" not in codes


def test_part_one_numbered_with_a_dash_is_part_one():
    from disclosure_lint.report.sections import heading_of

    assert heading_of("—、总体情况", False)[0] == "s1"
    assert heading_of("—、本局工作情况", False) is None and heading_of("—、主动公开政府信息情况", False) is None


def test_a_lone_numeral_after_table_three_rows_is_its_next_row_begun():
    # 三 alone after table 三's rows 一 and 二: 三、本年度办理结果 begun, not part 三's title (already there)
    text = HEAD + S3_HEADER + "三"
    t = report_of(text).truncation
    assert (t.where, t.table) == ("table", "s3")
    codes = [d.code for d in lint(text, fmt="text", year=2023)]
    assert "DL001" not in codes and "DL002" in codes
    # after part 二's text a lone 三 is still part 三's title begun
    t = report_of(HEAD + "二、主动公开政府信息情况\n本年未制发规范性文件。\n三").truncation
    assert (t.where, t.section) == ("title", "s3")


def test_a_cut_header_cell_of_table_two_is_table_twos():
    # one cell a line: 本年 begins table 二's 本年新公开数量 (under part 二), not table 三's 本年新收… row
    text = (HEAD + "二、主动公开政府信息情况\n第二十条第(一)项 | ||||\n信息内容 |\n本年新 |\n本年")
    t = report_of(text).truncation
    assert (t.where, t.table) == ("table", "s2")


def test_a_cut_caption_after_a_line_of_pipes():
    text = HEAD + "二、主动公开政府信息情况\n第二十条第(一)项 |\n|||\n信"
    t = report_of(text).truncation
    assert (t.where, t.table) == ("table", "s2")


def test_a_lone_bracket_in_a_prose_part_is_an_item_begun():
    text = HEAD + "二、主动公开政府信息情况\n（一）主动公开政务信息的主要类别情况。\n政务动态。内容包括公告公示。\n("
    t = report_of(text).truncation
    assert (t.where, t.table, t.section) == ("sentence", None, "s2")


def test_a_header_word_cut_in_a_table_printed_a_piece_a_line():
    pieces = ["(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况", "自然人", "法人或其他组织",
              "总计", "商业", "企业", "科研", "机"]
    text = HEAD + "三、收到和处理政府信息公开申请情况\n\n" + "\n\n".join(pieces)
    t = report_of(text).truncation
    assert (t.where, t.table) == ("table", "s3")
    assert not {"DL209", "DL410"} & {d.code for d in lint(text, fmt="text", year=2023)}


def test_a_legacy_report_cut_after_a_sub_item_marker_is_no_unified_table():
    text = ("某某市某某局2012年政府信息公开工作年度报告\n一、概述\n本局认真贯彻《条例》。\n二、主动公开政府信息情况\n"
            "全年主动公开信息120条。\n三、依申请公开政府信息情况\n(一)")
    t = report_of(text, year=2012).truncation
    assert t.where == "sentence" and t.table is None


def test_a_part_title_the_file_ends_in_is_not_a_nonstandard_title():
    """The file ends in part 四's title, cut (…行政诉讼 without 情况): DL002 says so; DL106 does not ask to rename it."""
    text = (HEAD + "二、主动公开政府信息情况\n本年未制发规范性文件。\n三、收到和处理政府信息公开申请情况\n本年未收到申请。\n"
            "四、政府信息公开行政复议、行政诉讼\n")
    found = [d.code for d in lint(text, fmt="text", select=["DL002", "DL106"])]
    assert found == ["DL002"]


def test_the_pages_scan_me_footer_after_the_last_part_title_is_not_its_content():
    """扫一扫在手机打开当前页 (and a lone pipe) under the last heading is the page's, not the part's text: the copy ends in
    that title (DL002), the part is not one without its table (DL105 error)."""
    text = (HEAD + "二、主动公开政府信息情况\n本年未制发规范性文件。\n三、收到和处理政府信息公开申请情况\n本年未收到申请。\n"
            "四、政府信息公开行政复议、行政诉讼情况\n扫一扫在手机打开当前页\n|\n")
    found = lint(text, fmt="text", select=["DL002", "DL101", "DL105"])
    assert "DL002" in [d.code for d in found]
    assert not [d for d in found if d.code == "DL101" or (d.code == "DL105" and "四、" in d.message)]


@pytest.mark.parametrize("last", ["三是主动公开", "二是在门户网站"])
def test_a_point_begun_after_a_point_that_ended_is_a_cut(last):
    """一是…。 / 二是…。 then 三是主动公开 with no mark: the next point begun (its title or first words), the copy cut."""
    text = (HEAD + "（一）主动公开情况\n一是深入开展学习培训。全年组织培训3次。\n二是依法办理申请。全年办结申请3件。\n"
            + last + "\n")
    text = text.replace("二是依法办理申请。全年办结申请3件。\n二是在门户网站", "二是在门户网站") if last.startswith("二是") else text
    t = report_of(text).truncation
    assert t is not None and t.where == "sentence" and t.tail.endswith(last)


def test_a_cut_copy_that_lists_the_old_parts_is_said_to_be_old_and_one_that_lists_the_unified_parts_is_not():
    head = "某某县某某局2021年政府信息公开工作年度报告\n"
    old = "本报告由概述、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开的收费及减免情况等部分组成。\n"
    new = ("本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
           "存在的主要问题及改进情况、其他需要报告的事项六部分组成。\n")
    cut = "一、概述\n2021年，本局认真贯彻《条例》，全年主动公开政府信息86条，其中\n"
    [d] = lint(head + old + cut, fmt="text", select=["DL103"])
    assert d.severity == "warning" and "统一格式以前的写法" in d.message and "其余内容未检查" in d.message
    assert lint(head + new + cut.replace("一、概述", "一、总体情况"), fmt="text", select=["DL103"]) == []
    # the opening lists the old parts, but the copy's first part is the format's own 总体情况 (the old one began with
    # 概述): a unified report whose opening sentence was kept from an old one, not an old-format report
    unified = "一、总体情况\n2021年，本局认真贯彻《条例》。\n（一）主动公开情况\n全年主动公开政府信息86条，其中\n"
    assert lint(head + old + unified, fmt="text", select=["DL103"]) == []
    assert lint(old.replace("本报告", "某某县某某局2021年政府信息公开工作年度报告。本报告", 1) + unified, fmt="text",
                select=["DL103"]) == []  # no title: the opening and the first part under it


def test_an_old_list_that_shares_four_titles_with_the_unified_parts_is_still_old():
    # 概述 … 收费及减免 … with 主动公开政府信息情况, 行政复议, 存在的主要问题, 其他需要报告的事项 (the old parts' titles share
    # those with the unified ones): the list says the old format, not the unified one (a real town's page)
    text = ("某某县某某镇2019年政府信息公开工作年度报告\n本年度报告由某某镇人民政府编制。全文包括概述，主动公开政府信息情况，"
            "依申请公开政府信息情况，政府信息公开的收费及减免情况，因政府信息公开申请行政复议、提起行政诉讼的情况，"
            "存在的主要问题和改进措施，其他需要报告的事项。\n一、概述\n2019年，本镇认真贯彻《条例》，全年主动公开政府信息86条，其中\n")
    [d] = lint(text, fmt="text", select=["DL103"])
    assert d.severity == "warning" and "统一格式以前的写法" in d.message


@pytest.mark.parametrize("parts", [
    # a province's template of 2016–2018 (real 2019 reports of a township and of a regional commission still list them)
    "概述，主动公开情况，回应解读情况，依申请公开情况，行政复议、行政诉讼和举报投诉情况，机构建设和保障经费情况，会议和培训情况",
    "概述、信息公开工作组织落实情况、主动公开情况、回应解读情况、依申请公开情况",
])
def test_an_opening_listing_a_provinces_old_template_is_old(parts):
    text = (f"某某县某某乡2019年度政府信息公开工作年度报告\n特向社会公布本报告。本报告由{parts}等部分组成。\n"
            "一、概述\n（一）加强组织领导。本乡成立政务公开工作领导小组，全年主动公开政府信息86条，其中\n")
    [d] = lint(text, fmt="text", select=["DL103"])
    assert d.severity == "warning" and "统一格式以前的写法" in d.message


def test_a_copy_cut_in_table_fours_header_printed_a_piece_a_line_is_cut_not_missing_its_parts():
    # the header's words one per line (尚未 / 审结: one label in two pieces), and the file ends there
    text = (HEAD + "四、政府信息公开行政复议、行政诉讼情况\n本年度没有发生因政府信息公开申请的行政复议和行政诉讼。\n\n行政复议\n\n"
            "行政诉讼\n\n结果维持\n\n结果\n\n纠正\n\n其他\n\n结果\n\n尚未\n\n审结\n")
    t = report_of(text).truncation
    assert t is not None and (t.where, t.table) == ("table", "s4")
    got = [d.code for d in lint(text, fmt="text", year=2023, select=["DL002", "DL101", "DL209"])]
    assert got == ["DL002"]


def test_part_titles_made_bullets_by_a_copy_are_not_free_text():
    # a store turned the numbered part titles into list items (- 总体情况, - 主动公开): not a report written as free text
    text = ("根据《条例》规定，现向社会公布某某市2025年政府信息公开工作年度报告。\n- 总体情况\n"
            + "今年以来，我市围绕政务公开全年重点任务，全面推开基层政务公开建设，编制完成主动公开目录。" * 4 + "\n- 主动公开\n"
            + "2025年，某某市人民政府网站累计发布信息10397条，其中文字信息9651条，文件30条。" * 3 + "\n(三)政府信息管理\n"
            "1.主动公开目录\n我市严格依据法律法规和权\n")
    assert [d.code for d in lint(text, fmt="text", year=2025, select=["DL103"])] == []
    # without the bullets, the same text has no part of the format at all: free text
    free = text.replace("- 总体情况\n", "").replace("- 主动公开\n", "")
    assert [d.code for d in lint(free, fmt="text", year=2025, select=["DL103"])] == ["DL103"]


@pytest.mark.parametrize("last", ["202", "20", "2024年"])
def test_a_year_begun_on_a_line_of_its_own_after_a_sentence_is_a_cut(last):
    """…上年结转0件。 / 202: the next sentence's year begun, the copy cut there (it passed silently in part 一)."""
    text = HEAD + "（二）依申请公开情况\n2023年，本局建立申请受理机制，全年收到申请0件，上年结转0件。\n" + last + "\n"
    t = report_of(text).truncation
    assert t is not None and t.where == "sentence" and t.tail.strip() == last
    # a year after a table's last row is a cell, not a sentence begun
    assert report_of(HEAD + "| 项目 | 数量 |\n|---|---|\n| 合计 | 3 |\n\n2024\n").truncation is None


def test_a_number_after_a_closing_title_mark_at_the_end_is_a_cut():
    # 编印《某某快报》3 (the count's unit and the sentence's end lost): cut, in part 一 as elsewhere
    t = report_of(HEAD + "同时编印《某某工作简报》22期、《某某快报》3\n").truncation
    assert t is not None and t.where == "sentence"
    assert report_of(HEAD + "同时编印《某某工作简报》22期、《某某快报》3期。\n").truncation is None


def test_a_year_begun_under_an_unnumbered_sub_title_is_a_cut():
    # …未收到申请。 / 政府信息管理 (a sub-title without its number) / 20
    text = HEAD + "本局全年未收到政府信息公开申请。\n政府信息管理\n20\n"
    t = report_of(text).truncation
    assert t is not None and t.tail.strip() == "20"


def test_a_sentence_ending_on_a_quoted_name_without_its_end_is_a_cut():
    # …围绕重点工作、社会热点持续增加“意见征集” (no 。 after the quotation: the sentence went on)
    cut = HEAD + "完善互动式信息公开，围绕政府重点工作、社会热点问题持续增加“意见征集”\n"
    assert report_of(cut).truncation is not None
    assert report_of(cut.replace("“意见征集”\n", "“意见征集”栏目。\n")).truncation is None


@pytest.mark.parametrize("last", ["依托政府网站，全年发布信息18.86", "规范办件的处理和答复程序。2024"])
def test_a_decimal_or_a_year_after_a_sentence_at_the_end_is_a_cut(last):
    t = report_of(HEAD + last + "\n").truncation
    assert t is not None and t.where == "sentence"


def test_a_decimal_with_its_unit_and_end_is_no_cut():
    assert report_of(HEAD + "依托政府网站，全年发布信息18.86万条。\n").truncation is None


def test_a_text_of_part_one_only_ending_on_a_complete_sentence_is_said_once():
    # no cut the end can show (a complete sentence), yet parts 二–六 are not in the file: a copy cut after a sentence,
    # or a report without them — said once by DL002, no part reported missing
    text = HEAD + "（一）主动公开情况\n全年公开信息120条。\n本局将继续做好政府信息公开工作。\n"
    got = lint(text, fmt="text")
    said = [d for d in got if d.code == "DL002"]
    assert len(said) == 1 and said[0].evidence["where"] == "part-one" and said[0].line == 6
    assert "本文件只有第一部分" in said[0].message and said[0].severity == "warning"
    assert not [d for d in got if d.code in ("DL101", "DL103", "DL105")]
    # … not with a 落款 (the report ends there), nor once part 二 is there, nor with the option off
    assert not [d for d in lint(text + "某某县某某局\n2024年1月20日\n", fmt="text") if d.code == "DL002"]
    two = text + "二、主动公开政府信息情况\n本局全年主动公开政府信息120条。\n"
    assert not [d for d in lint(two, fmt="text") if d.code == "DL002" and d.evidence.get("where") == "part-one"]
    off = {"options": {"DL002": {"part_one_only": False}}}
    assert not [d for d in lint(text, fmt="text", config=off) if d.code == "DL002"]


_T2 = ("二、主动公开政府信息情况\n| 第二十条第（一）项 | | | |\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
       "| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 0 | 0 | 0 |\n| 第二十条第（五）项 | | | |\n"
       "| 信息内容 | 本年处理决定数量 | | |\n| 行政许可 | 0 | | |\n| 第二十条第（六）项 | | | |\n"
       "| 信息内容 | 本年处理决定数量 | | |\n| 行政处罚 | 0 | | |\n| 行政强制 | 0 | | |\n| 第二十条第（八）项 | | | |\n"
       "| 信息内容 | 本年收费金额（单位：万元） | | |\n| 行政事业性收费 | 0 | | |\n")


def test_a_text_of_parts_one_and_two_ending_with_table_two_is_said_once():
    """Parts 一 and 二 and nothing after table 二's last row (real towns' pages): parts 三–六 are not in the file —
    said once by DL002 (it was silent: no part reported missing, no cut seen), never judged."""
    text = HEAD + "（一）主动公开情况\n全年公开信息120条。\n" + _T2
    got = lint(text, fmt="text")
    said = [d for d in got if d.code == "DL002"]
    assert len(said) == 1 and said[0].evidence["where"] == "first-parts" and said[0].severity == "warning"
    assert "本文件只有第一、二部分，在表二（主动公开政府信息情况）之后结束，第三至六部分都不在本文件中" in said[0].message
    assert not [d for d in got if d.code in ("DL101", "DL103", "DL105")]
    # the table stopped after a row that is not its last (a real page's text: cells run together by pipes without a
    # closing one): the rows after it are named as not in the file
    short = text[:text.index("| 第二十条第（六）项")].replace(" |\n", "\n").replace("| 行政许可 | 0\n", "行政许可 | 0 \n")
    [d] = [d for d in lint(short, fmt="text") if d.code == "DL002"]
    assert "“行政许可”" in d.message and "第三至六部分" in d.message


def test_a_text_of_parts_one_and_two_ending_on_a_complete_sentence_is_said_once():
    """A draft (or a copy) with parts 一 and 二 only, ending on a complete sentence of 二: no rule said anything (DL101
    needs four parts, DL103 sees the format's parts) — now DL002 says once that parts 三–六 are not in the file."""
    text = HEAD + "（一）主动公开情况\n全年公开信息120条。\n二、主动公开政府信息情况\n本年未制发行政规范性文件。\n"
    got = lint(text, fmt="text")
    said = [d for d in got if d.code == "DL002"]
    assert len(said) == 1 and said[0].evidence["where"] == "first-parts" and said[0].severity == "warning"
    assert ("本文件只有第一、二部分，在第二部分的一句完整的话（“本年未制发行政规范性文件。”）处结束，第三至六部分都不在本文件中"
            in said[0].message)
    assert not [d for d in got if d.code in ("DL101", "DL103", "DL105")]
    # … and parts 一–三; not when the text ends without its sentence's end (a cut: said as a cut), nor with a 落款
    three = text + "三、收到和处理政府信息公开申请情况\n本年未收到政府信息公开申请。\n"
    [d] = [d for d in lint(three, fmt="text") if d.code == "DL002"]
    assert "本文件只有第一至三部分，在第三部分的一句完整的话" in d.message
    assert not [d for d in lint(text + "某某县某某局\n2024年1月20日\n", fmt="text") if d.code == "DL002"]


def test_a_copy_that_lost_its_headings_cut_in_a_sentence_begun_with_its_year():
    # a mirror page kept the paragraphs but not the part titles; the text stops in a sentence that began with its year
    text = ("某某市某某镇2020年度政府信息公开工作年度报告\n\n发布时间:2024-09-21 15:19|栏目: 信息公开年报 |浏览次数:\n\n"
            "根据《中华人民共和国政府信息公开条例》规定,特编制本镇政府信息公开工作年度报告并向社会公布。\n\n"
            "某某镇高度重视政府信息公开工作,全面深入推进政府信息公开工作,坚持把政府信息公开作为促进依法行政的重要举措来抓。\n\n"
            "2020年某某镇在某某市政府信息公开网站公开政府信息共110条,其中工作信息类87条,政策文件4条。\n\n"
            "建立了政府信息公开工作考核制度和责任追究制度,定期对政府信息公开工作进行考核、评议。\n\n"
            "2020年度纳入某某市镇街政务公开评")
    t = report_of(text).truncation
    assert t is not None and t.where == "sentence"
    codes = [d.code for d in lint(text, fmt="text") if d.code.startswith(("DL0", "DL1"))]
    # nothing the format asks for could be seen before the cut: no DL103 about missing parts or tables
    assert codes == ["DL002"]
    # a date at the end (a 落款's) is no sentence begun
    assert report_of(text.rsplit("\n\n", 1)[0] + "\n\n2021年1月20日").truncation is None


def test_a_copy_cut_at_table_threes_first_row_number_under_its_glued_header():
    # the header's labels run together (a page's text nodes joined), then 一、 of 一、本年新收… and the end of the file:
    # a cut in table 三 — not part 一's title, not a table whose numbers could not be read (there are none)
    text = (HEAD + "二、主动公开政府信息情况\n本年度主动公开政府信息120条。\n三、收到和处理政府信息公开申请情况\n"
            "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)申请人情况\n自然人法人或其他组织总计\n"
            "商业企业科研机构社会公益组织法律服务机构其他\n一、\n")
    t = report_of(text).truncation
    assert t is not None and (t.where, t.table) == ("table", "s3")
    assert [d.code for d in lint(text, fmt="text", year=2023, select=["DL001", "DL002", "DL105", "DL410"])] == ["DL002"]


def test_a_part_title_worded_otherwise_alone_at_the_end_is_a_cut_not_an_empty_part():
    # a 2017 report numbering its parts its own way, cut right after 六、存在的主要问题及改进措施 (a real county page)
    text = ("某某县某某局2017年政府信息公开工作年度报告\n一、概述\n2017年，本局认真贯彻《条例》，全年主动公开政府信息120条。\n"
            "五、政府信息公开的收费及减免情况\n本年度未收取任何费用。\n六、存在的主要问题及改进措施\n")
    t = report_of(text, year=2017).truncation
    assert t is not None and (t.where, t.section) == ("title", "s5")
    found = lint(text, fmt="text", year=2017, select=["DL002", "DL104"])
    assert [d.code for d in found] == ["DL002"] and "“存在的主要问题及改进情况”部分的标题处中断" in found[0].message
    # a unified report: the part by its number
    unified = HEAD + "五、存在的主要问题及改进措施\n"
    assert [d.code for d in lint(unified, fmt="text", year=2023, select=["DL002", "DL104"])] == ["DL002"]


def test_a_cut_in_a_table_names_the_later_parts_also_when_the_year_is_unknown():
    # no year in the title or the text (a real bureau's excerpt): the cut in table 二 still leaves parts 三–六 unread
    text = ("某某县某某局政府信息公开工作年度报告\n一、总体情况\n本局认真贯彻《条例》，主动公开政府信息。\n"
            "二、主动公开政府信息情况\n第二十条第(一)项 | |||\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
            "规章 | 0 | 0 | 0 |\n行政规范性文件 | 0 | 2 | 0 |\n第二十条第(五)项 | |||\n信息\n")
    [d] = lint(text, fmt="text", select=["DL002"])
    assert "在表二（主动公开政府信息情况）中中断" in d.message and "第三至六部分未检查" in d.message


def test_a_copy_that_begins_at_part_three_is_said_to_begin_late_not_missing_its_first_parts():
    # a page whose copy starts at 三、 (no title, no opening; a real town's page): parts 一 and 二 are not in the file
    # (its tables 三 and 四 lost too: their titles with nothing under them)
    body = ("三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
            "五、存在的主要问题及改进情况\n2019年我镇信息公开工作仍存在一些问题：公开内容时效较慢。\n"
            "六、其他需要报告的事项\n本镇无其他需要报告的事项。\n")
    found = [d for d in lint(body, fmt="text", year=2019) if d.code.startswith(("DL0", "DL1"))]
    assert [(d.code, d.line) for d in found] == [("DL002", 1), ("DL002", 1)]
    assert "文件似乎不是从头开始" in found[0].message and "第一、二部分不在本文件中" in found[0].message
    assert "第三、四部分的标题下没有任何内容" in found[1].message
    # the same with its report's title above: a report without its first parts, judged as before (not a late start)
    titled = "某某县某某镇2019年政府信息公开工作年度报告\n" + body
    codes = {d.code for d in lint(titled, fmt="text")}
    assert "DL103" in codes and not any("不是从头开始" in d.message for d in lint(titled, fmt="text", select=["DL002"]))


def test_a_file_ending_on_a_rows_label_leaves_that_row_unchecked_too():
    # … | 规章 | 0 | 0 | 0 | | 行政规范性文件 (a real bureau's copy): the last row has its name only, none of its numbers
    # (one cell a line, a crawler's pipes between them)
    text = (HEAD + "二、主动公开政府信息情况\n| 第二十条第(一)项\n|\n|||\n| 信息内容\n|\n本年制发件数\n|\n本年废止件数\n|\n"
            "现行有效件数\n|\n| 规章\n|\n0\n|\n0\n|\n0\n|\n| 行政规范性文件\n")
    [d] = lint(text, fmt="text", year=2023, select=["DL002"])
    assert "最后的文字是“行政规范性文件”" in d.message and "表二“行政规范性文件”及以后各行" in d.message


# -- a table whose labels and numbers run together (a page's text nodes joined with nothing) ------------------

RUN_HEAD = ("某某县某某局2020年政府信息公开工作年度报告一、总体情况2020年，本局认真贯彻《条例》，全年主动公开政府信息"
            "120条，受理政府信息公开申请4件。")
RUN_S2 = ("二、主动公开政府信息情况第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000"
          "规范性文件（本局制发）3312")
RUN_S4 = ("四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉"
          "复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计"
          "100010000000000")


class TestRunTogetherTableCut:
    """One line with nothing between a table's cells and rows: where in the table the file stops cannot be told,
    only that it stops in the table (DL002 says so, and DL001 that the table could not be read)."""

    @pytest.mark.parametrize("tail", ["第", "", "信息内"])
    def test_cut_in_table_two(self, tail):
        t = report_of(RUN_HEAD + RUN_S2 + tail, fmt="text", year=2020).truncation
        assert t is not None and (t.where, t.table, t.section) == ("table", "s2", "s2")
        assert t.last_row is None and t.rows_after == ()
        assert sorted(t.unchecked) == ["s2", "s3", "s4", "s5", "s6"]
        found = lint(RUN_HEAD + RUN_S2 + tail, fmt="text", year=2020)
        (cut,) = [d for d in found if d.code == "DL002"]
        assert "在表二（主动公开政府信息情况）中中断" in cut.message and "第三至六部分未检查" in cut.message
        assert cut.evidence["table"] == "s2" and cut.line == 1
        assert {"DL001"} <= {d.code for d in found}  # the table's own note stays
        assert not {"DL101", "DL103", "DL105", "DL110"} & {d.code for d in found}

    def test_cut_in_table_three_names_the_table(self):
        """Its rows' labels and numbers after the header's run (一、本年新收…3100004二、…): not a sentence cut."""
        text = (RUN_HEAD + "二、主动公开政府信息情况本局全年主动公开政府信息120条。三、收到和处理政府信息公开申请情况"
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计"
                "商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量3100004"
                "二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开2")
        t = report_of(text, fmt="text", year=2020).truncation
        assert t is not None and (t.where, t.table) == ("table", "s3")
        assert sorted(t.unchecked) == ["s3", "s4", "s5", "s6"]

    def test_a_sentence_after_the_run_is_not_a_cut_in_the_table(self):
        assert report_of(RUN_HEAD + RUN_S2 + "件。以上为本局制发的文件。", fmt="text", year=2020).truncation is None

    def test_table_four_ending_in_numbers_may_be_the_reports_end(self):
        """A report may end with table 四, its parts 五 and 六 missing: that is DL101's, not a cut."""
        text = RUN_HEAD + "二、主动公开政府信息情况本局全年主动公开政府信息120条。" + RUN_S4
        assert report_of(text, fmt="text", year=2020).truncation is None
        t = report_of(text + "结果维", fmt="text", year=2020).truncation
        assert t is not None and (t.where, t.table) == ("table", "s4")


class TestFlattenedItemTitleAtTheEnd:
    """A page joined by spaces in which no part was found (its own headings: 一、报告内容, (一)总体情况), cut right
    after an item's title: the cut is said (DL002), not a report outside the format (a DL103 error on two real
    excerpts joined so)."""

    TEXT = ("根据《条例》有关规定，编制本报告。报告中所列数据统计期限为2021年1月1日至12月31日。 一、报告内容 (一)总体情况 "
            "2021年，我局深入贯彻《条例》，全年主动公开政府信息86条。 1.强化组织领导。及时调整工作领导小组。 "
            "2.加强学习宣传。组织干部职工学习《条例》。 {tail}")

    @pytest.mark.parametrize("tail", ["3.严格落实日常", "(三)政府"])
    def test_cut_after_an_items_title(self, tail):
        text = self.TEXT.format(tail=tail)
        t = report_of(text, fmt="text", year=2021).truncation
        assert t is not None and (t.where, t.tail) == ("sentence", tail)
        found = [d.code for d in lint(text, fmt="text", year=2021, select=["DL002", "DL103"])]
        assert found == ["DL002"]

    def test_a_signature_after_it_is_a_complete_text(self):
        text = self.TEXT.format(tail="3.严格落实日常 某某县某某局 2022年1月20日")
        assert report_of(text, fmt="text", year=2021).truncation is None


OLD_TABLE = ("六、政府信息公开情况统计表指标名称计量单位2015年度历年累计主动公开文件数条312980其中：1.政府网站公开数条312980"
             "受理依申请公开信息总数条36其中：1.当面申请数条12对申请的答复总数条36接受行政诉讼、举报数件00行政复议数件00"
             "行政诉讼数件00")


def test_a_flattened_statistics_table_of_the_years_before_2019_ending_the_page_is_no_cut():
    """Real crawls of 2011–2018 reports (written anew): the page ends with its statistics table, indicator, unit, this
    year's and the running total run together (…行政复议数件00行政诉讼数件00) — a table, not a sentence cut in a number."""
    text = ("某某县人民政府2015年政府信息公开工作年度报告 一、概述 2015年，本县认真贯彻《条例》，全年主动公开政府信息312条。"
            "五、主要问题和改进措施 下一步将丰富公开形式，完善运行机制。" + OLD_TABLE)
    assert report_of(text, year=2015).truncation is None
    assert "DL002" not in [d.code for d in lint(text, fmt="text", year=2015)]
    # a sentence cut in a number stays a cut: one row's unit and number is no table
    cut = text.replace(OLD_TABLE, "全年受理申请数件12")
    assert report_of(cut, year=2015).truncation is not None


def test_a_glossed_copys_attachments_label_is_no_cut_sentence():
    """A content farm's glossed copy (相關(guān)附件:, a real page) ends with the page's attachments label: not a sentence
    cut off (DL002 quoted it as the file's last words)."""
    body = ("某某局2020年政府信息公开工作年度报告\n一、总体情况\n本局认真贯彻条例，全年主动公开信息20条。\n"
            "六、其他需要报告的事项\n本局暂无其他需要报告的事项。\n")
    for tail in ("相关(guān)附件:\n", "相关附件:\n"):
        found = [d for d in lint(body + tail, select=["DL002"], fmt="text") if "句子中间中断" in d.message]
        assert found == [], tail


def test_a_pages_footer_links_after_the_text_are_no_cut_sentence():
    """相关词条 / 热门词条 / 联络我们 after a paragraph that ends its sentence (three real pages): the page's links, not
    the file's last words cut off — DL002 had quoted 联络我们 as a sentence cut in the middle."""
    body = ("某某县人民政府2019年政府信息公开工作年度报告\n一、总体情况\n2019年，县政府坚持以公开为常态，"
            "全年通过各级政务公开平台主动公开政府信息7800余条次。\n")
    assert report_of(body + "相关词条\n热门词条\n联络我们\n").truncation is None
    cut = body.replace("7800余条次。", "7800余条次，其中在县政府网站主动公开政务信息")
    assert report_of(cut + "相关词条\n热门词条\n联络我们\n").truncation is not None  # (the text's own cut stays one)


@pytest.mark.parametrize(("tail", "said"), [
    ("三、收到和处理政府信息公开申请情况\n（", "表三、第四至六部分未检查"),  # cut before table 三: that table too
    ("二、主动公开政府信息情况\n全年通过门户网站主动公开政府信息，其中政策", "表二、第三至六部分未检查"),
    ("二、主动公开政府信息情况\n" + "第二十条第（一）项\t\t\t\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
     "规章\t0\t0\t0\n行政规范性文件\t1\t0\t5\n第二十条第（五）项\t\t\t\n信息内容\t本年处理决定数量\t\t\n"
     "行政许可\t3\t\t\n第二十条第（六）项\t\t\t\n信息内容\t本年处理决定数量\t\t\n行政处罚\t2\t\t\n行政强制\t0\t\t\n"
     "第二十条第（八）项\t\t\t\n信息内容\t本年收费金额（单位：万元）\t\t\n行政事业性收费\t0\t\t\n"
     "三、收到和处理政府信息公开申请情况\n全年收到申请4件，其中自然人", "表三、第四至六部分未检查"),
])
def test_a_cut_in_a_parts_prose_names_its_unread_table(tmp_path, tail, said):
    path = tmp_path / "r.txt"
    path.write_text(HEAD + tail, encoding="utf-8")
    _, ds = diags_of(path)
    (cut,) = [d for d in ds if d.code == "DL002"]
    assert said in cut.message, cut.message
    assert [d.code for d in ds if d.code in ("DL101", "DL104", "DL105", "DL110")] == []


def test_a_copy_starting_inside_part_one_cut_under_an_item(tmp_path):
    """No part found (the copy starts at part 一's items): a paragraph under (三)政府信息管理 without its end is cut,
    and the six parts are not reported missing (DL103, an error, on a wiki's copy of a 2023 report)."""
    path = tmp_path / "r.txt"
    path.write_text("某某省某某厅2023年政府信息公开工作年度报告\n（一）主动公开\n全年主动公开政府信息4902条，开设10个专题。\n"
                    "（二）依申请公开\n开通网络、信函等多种申请渠道。\n（三）政府信息管理\n建立健全公文公开属性审核和规\n",
                    encoding="utf-8")
    rep, ds = diags_of(path)
    assert rep.truncation is not None and rep.truncation.where == "sentence"
    assert [d.code for d in ds if d.code in ("DL002", "DL101", "DL103", "DL105")] == ["DL002"]


@pytest.mark.parametrize(("last", "tail"), [
    # a content farm's copy that glosses its characters with pinyin, cut after a glossed character: the gloss's ")" is
    # no sentence's end
    ("全面推动惠企利民政策直达(dá)基层、企业(yè)", "企业"),
    ("全年主动公开政府信息1099条,其中发(fā)", "其中发"),
])
def test_a_cut_after_a_glossed_character(tmp_path, last, tail):
    path = tmp_path / "r.txt"
    path.write_text("某某县某某局2023年政府信息公开工作年度报告\n一、总体情况\n2023年，本局认真贯彻《条例》。\n" + last + "\n",
                    encoding="utf-8")
    rep, ds = diags_of(path)
    assert rep.truncation is not None and rep.truncation.where == "sentence"
    (cut,) = [d for d in ds if d.code == "DL002"]
    assert tail in cut.message and "(yè)”" not in cut.message


def test_a_cut_after_the_subject_and_year_under_a_title(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("某某县某某局2023年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开情况\n全年主动公开政府信息120条。\n"
                    "（二）依申请公开情况\n我局2023年\n", encoding="utf-8")
    rep, ds = diags_of(path)
    assert rep.truncation is not None and [d.code for d in ds if d.code == "DL002"] == ["DL002"]


def test_a_title_cut_by_the_files_end_is_no_typo(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("某某县某某局2023年政府信息公开工作年度报告\n一、总体情况\n2023年，本局主动公开政府信息120条。\n"
                    "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情", encoding="utf-8")
    rep, ds = diags_of(path)
    assert rep.truncation is not None and rep.truncation.where == "title"
    assert "DL112" not in [d.code for d in ds] and "DL002" in [d.code for d in ds]
