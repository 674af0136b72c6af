"""Truncated documents (report/truncation.py): where a cut-off file ends, said once by DL002; the parts
and table rows cut off are not reported missing, empty or unfilled."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from disclosure_lint.config import Config
from disclosure_lint.engine import prepare, run
from disclosure_lint.packs import load_rules
from disclosure_lint.readers import read_document
from disclosure_lint.report import Overrides, interpret

from .conftest import SHARED, lint, parse

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

    def test_ends_with_a_complete_title(self):
        t = report_of(HEAD + "二、主动公开政府信息情况").truncation
        assert (t.where, t.section) == ("title", "s2")

    @pytest.mark.parametrize("ending", ["对26个领域开展了全", "形成省局、局机关处室、市县区局、", "我市共收，"])
    def test_cut_in_a_sentence(self, ending):
        t = report_of(HEAD + "（一）主动公开。2023年，本局通过门户网站公开信息，" + ending).truncation
        assert t.where == "sentence" and t.section == "s1"
        assert t.block.text.endswith(t.tail) and len(t.tail) <= 12

    @pytest.mark.parametrize("text", [
        HEAD,  # ends after a complete sentence: a missing tail is the report's defect, not a cut
        HEAD + "某某县某某局\n2024年1月18日\n",  # signature
        HEAD + "二、主动公开政府信息情况\n本年未制发规范性文件。\n六、其他需要报告的事项\n本局未收取信息处理费，无其他需要报告的事项\n",
        HEAD + "联系人：张某，联系电话：0571-12345678\n",  # ends in a digit
        HEAD + "（三）政府信息资源管理情况\n",  # a sub-title
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
        t0 = time.perf_counter()
        t = report_of(text).truncation
        assert time.perf_counter() - t0 < 10 and t is not None


# -- DL002 and the rules it quiets ---------------------------------------------------------------------


def test_dl002_once_with_place_and_what_was_not_checked():
    text = HEAD + S3_HEADER + "三、本年度"
    ds = lint(text, fmt="text", year=2023, select=list(WATCHED))
    assert [(d.code, d.line, d.column, d.severity) for d in ds] == [("DL002", 8, 1, "warning")]
    m = ds[0].message
    assert "在表三（收到和处理政府信息公开申请情况）中中断" in m and "“三、本年度”" in m
    assert "表三“三、本年度办理结果”及以后各行、第四至六部分未检查" in m
    assert ds[0].evidence["sections_not_checked"] == ["s3", "s4", "s5", "s6"]


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
        pytest.skip("shared corpus not available")
    return diags_of(path)


def test_excerpt_041_ends_in_table_three():
    rep, ds = _excerpt("041.txt")
    t = rep.truncation
    assert (t.where, t.table, t.tail, t.last_row) == ("table", "s3", "三、本年度", "二、上年结转政府信息公开申请数量")
    assert [(d.code, d.line, d.column) for d in ds if d.code in WATCHED] == [("DL002", 26, 3)]


def test_excerpt_009_tables_complete_but_empty():
    """Cut in the title of 五, after tables 三 and 四 printed whole but without a number: DL209 stays."""
    rep, ds = _excerpt("009.txt")
    assert rep.truncation.where == "title" and rep.truncation.section == "s5"
    assert sorted(d.code for d in ds if d.code in WATCHED) == ["DL002", "DL209"]


def test_flattened_cut_in_table_four_blames_nothing_cut_off():
    """One line ending in table 四's numbers: the cut is said once, nothing about the parts or columns cut
    off.  The row's values stay unplaced (DL001, a warning): a crawl also drops empty cells, so seven values
    may be a cut row or a sparse one."""
    rep, ds = diags_of(FIXTURES / "table4-cut-flattened.txt")
    assert [d.code for d in ds if d.code in ("DL101", "DL104", "DL105", "DL110", "DL209")] == []
    assert [d.severity for d in ds if d.category != "typography"] == ["warning", "warning"]
    assert [d.code for d in ds if d.code == "DL002"] == ["DL002"]
    assert rep.truncation is not None and rep.truncation.table == "s4"
