"""Tab-separated rows that lost their trailing empty cells (an HTML table copied into a text file):
read from the left by the header; the cells they lack are blank, not missing and not 0."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_lint.config import Config
from disclosure_lint.engine import prepare, run
from disclosure_lint.packs import load_rules
from disclosure_lint.readers import read_document
from disclosure_lint.report import interpret

from .conftest import lint, parse

FIXTURES = Path(__file__).parent / "fixtures" / "trailing"
TITLE = "某某县某某局2023年政府信息公开工作年度报告\n"
S4_HEAD = ("四、政府信息公开行政复议、行政诉讼情况\n"
           "行政复议\t\t\t\t\t行政诉讼\n"
           "\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉\n"
           + "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3) + "\n")
AFTER = "五、存在的主要问题及改进情况\n本局政策解读不够深入，下一步将加强解读。\n"
S3_HEAD = ("三、收到和处理政府信息公开申请情况\n"
           "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t"
           "自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
           "一、本年新收政府信息公开申请数量\t\t\t3\t1\t0\t0\t0\t0\t4\n"
           "二、上年结转政府信息公开申请数量\t\t\t0\t0\t0\t0\t0\t0\t0\n"
           "三、本年度办理结果\t（一）予以公开\t\t2\t1\t0\t0\t0\t0\t3\n")
RULES = ["DL001", "DL002", "DL110", "DL2"]


def stats_of(text: str):
    return interpret(parse(text, "text")).stats


class TestTableFour:
    TEXT = TITLE + S4_HEAD + "1\t0\t0\t0\t1\t2\n" + AFTER  # 15 columns, the row cut after 6 cells

    def test_placed_from_the_left_and_blank_after(self):
        t = stats_of(self.TEXT)["s4"]
        got = {cid: (c.raw, c.value.kind) for (_, cid), c in t.cells.items()}
        assert got["review.upheld"] == ("1", "int") and got["review.total"] == ("1", "int")
        assert got["direct.upheld"] == ("2", "int")
        assert got["direct.total"] == ("", "blank") and got["after_review.total"] == ("", "blank")
        assert len(got) == 15 and not t.loose

    def test_blank_total_reported_as_blank(self):
        ds = lint(self.TEXT, select=RULES, fmt="text", year=2023)
        assert [(d.code, d.line, d.column) for d in ds] == [("DL208", 6, 12)]  # the end of the row
        assert "“未经复议直接起诉·总计”（各项之和为2）" in ds[0].message

    def test_all_blank_block_is_quiet(self):
        text = TITLE + S4_HEAD + "2\t0\t1\t0\t3\t1\t0\t0\t1\t2\n" + AFTER
        assert lint(text, select=RULES, fmt="text", year=2023) == []


class TestTableThree:
    def test_row_missing_its_last_cells(self):
        text = (TITLE + S3_HEAD + "\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t1\t0\n"
                "\t（七）总计\t\t3\t1\t0\t0\t0\t0\t4\n四、结转下年度继续办理\t\t\t0\t0\n" + AFTER)
        t = stats_of(text)["s3"]
        partial = {cid: c.raw for (rid, cid), c in t.cells.items() if rid == "result.partial"}
        assert partial == {"natural_person": "1", "commercial": "0", "research": "", "social_welfare": "",
                           "legal_service": "", "other_org": "", "total": ""}
        carried = {cid: c.raw for (rid, cid), c in t.cells.items() if rid == "carried_forward"}
        assert carried["natural_person"] == "0" and carried["total"] == ""
        ds = lint(text, select=RULES, fmt="text", year=2023)
        # 部分公开's total is blank while its parts are not all 0; the rows of the table this example
        # leaves out are DL110's (they are not there at all)
        assert [d.code for d in ds if d.code != "DL110"] == ["DL208"]
        d = next(d for d in ds if d.code == "DL208")
        assert (d.line, d.column) == (7, 35) and "“部分公开”行总计（各项之和为1）" in d.message

    def test_item_rows_left_empty_do_not_shift_the_columns(self):
        """The item rows (1.属于国家秘密 …) are label-only lines: the header says where 自然人 is."""
        text = (TITLE + S3_HEAD + "\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t1\t0\t0\t0\t0\t0\t1\n"
                "\t（三）不予公开\t1.属于国家秘密\n\t\t2.其他法律行政法规禁止公开\n" + AFTER)
        t = stats_of(text)["s3"]
        assert t.cells[("result.partial", "natural_person")].raw == "1"
        assert t.cells[("result.partial", "total")].raw == "1"
        assert t.cells[("result.open", "natural_person")].raw == "2"


def test_last_row_of_a_cut_file_is_not_padded():
    """At the end of the file a short row may be cut off: not blank cells (no DL208) but DL002."""
    text = TITLE + S4_HEAD + "1\t0\t0\t0\t1\t2"
    ds = lint(text, select=RULES, fmt="text", year=2023)
    assert [d.code for d in ds] == ["DL002"]
    assert len(stats_of(text)["s4"].cells) == 6


def test_space_separated_rows_still_not_guessed():
    """Runs of spaces cannot show an empty cell anywhere in the row: a short row stays unplaced (DL001)."""
    text = TITLE + S4_HEAD.replace("\t\t\t\t\t", "    ").replace("\t", "  ") + "1  0  0  0  1  2\n" + AFTER
    codes = [d.code for d in lint(text, select=RULES, fmt="text", year=2023)]
    assert "DL208" not in codes


@pytest.mark.parametrize("name", ["blank-cells.md", "blank-cells-html-copy.txt"])
def test_html_copy_reads_like_the_markdown(name):
    """The example with the cases that did not happen left empty, as Markdown and as copied from its page
    (merged cells once, trailing empty cells dropped, label-only rows as lines of their own): no finding,
    and the same cells."""
    path = FIXTURES / name
    rep = interpret(read_document(str(path), path.read_bytes()))
    assert [(d.code, d.line, d.message) for d in run(rep, prepare(load_rules(), Config()))] == []
    md = FIXTURES / "blank-cells.md"
    ref = interpret(read_document(str(md), md.read_bytes()))

    def cells(r):
        return {(tid, *k): (c.value.kind, c.value.number) for tid, t in r.stats.items() for k, c in t.cells.items()}

    assert cells(rep) == cells(ref) and len(cells(rep)) == 200
    assert cells(rep)[("s4", "cases", "after_review.total")] == ("blank", None)
