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


# -- a browser copy of table 三 whose zeros were left blank -------------------------------------------------

S3_COPY_HEAD = ("三、收到和处理政府信息公开申请情况\n"
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n"
                "自然人\t法人或其他组织\t总计\n"
                "商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n")
# a street office with few applications: most rows are blank, so the copy prints them as their labels alone,
# and the rows with numbers between them are lone tab lines (one tab line is not a table to the reader)
S3_COPY_ROWS = [
    "一、本年新收政府信息公开申请数量\t2\t1\t\t\t\t\t3",
    "二、上年结转政府信息公开申请数量",
    "三、本年度办理结果\t（一）予以公开\t2\t\t\t\t\t\t2",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "（三）不予公开\t1.属于国家秘密",
    "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息",
    "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
    "（四）无法提供\t1.本机关不掌握相关政府信息\t\t1\t\t\t\t\t1",
    "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
    "（五）不予处理\t1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他",
    "（七）总计\t2\t1\t\t\t\t\t3",
    "四、结转下年度继续办理",
]


def _copy(rows=S3_COPY_ROWS) -> str:
    return TITLE + S3_COPY_HEAD + "\n".join(rows) + "\n" + AFTER


class TestBlankZerosCopy:
    """rt-web #8: every cell of such a row is there — its interior tabs keep the positions."""

    def test_lone_tab_rows_are_placed_by_their_tabs(self):
        t = stats_of(_copy())["s3"]
        assert not t.loose and not t.unmapped
        row = lambda rid: [t.cells[(rid, c)].raw for c in  # noqa: E731
                           ("natural_person", "commercial", "research", "social_welfare", "legal_service",
                            "other_org", "total")]
        assert row("result.open") == ["2", "", "", "", "", "", "2"]
        assert row("result.unavailable.not_held") == ["", "1", "", "", "", "", "1"]  # 自然人 blank, 商业企业 1
        assert row("result.total") == ["2", "1", "", "", "", "", "3"]
        assert row("carried_forward") == [""] * 7
        assert t.missing_rows == [] and t.missing_cols == []
        assert t.cells[("result.total", "total")].cell.line == 2 + 4 + 23  # 7 header lines before the rows

    def test_correct_copy_is_quiet(self):
        assert lint(_copy(), select=RULES, fmt="text", year=2023) == []

    def test_a_wrong_total_in_a_lone_row_is_found_where_it_is(self):
        rows = list(S3_COPY_ROWS)
        rows[2] = "三、本年度办理结果\t（一）予以公开\t2\t\t\t\t\t\t3"  # 总计 3, the parts add up to 2
        ds = lint(_copy(rows), select=RULES, fmt="text", year=2023)
        assert [d.code for d in ds] == ["DL210"]
        d = ds[0]
        assert (d.line, d.column) == (8, len("三、本年度办理结果\t（一）予以公开\t2\t\t\t\t\t\t") + 1)
        assert "予以公开" in d.message and "2" in d.message

    def test_example_copy_with_blank_zeros_reads_like_the_markdown(self):
        """The example's table 三 with its zeros blank, copied from its page (three header rows, merged cells
        once, trailing empty cells dropped, blank rows as their labels alone): no finding, the same numbers."""
        path = FIXTURES / "blank-zeros-html-copy.txt"
        rep = interpret(read_document(str(path), path.read_bytes()))
        assert [(d.code, d.line, d.message) for d in run(rep, prepare(load_rules(), Config()))] == []
        md = FIXTURES / "blank-cells.md"
        ref = interpret(read_document(str(md), md.read_bytes()))

        def numbers(r):
            return {(k, c.value.arithmetic) for k, c in r.stats["s3"].cells.items()}

        assert numbers(rep) == numbers(ref) and len(numbers(rep)) == 25 * 7
        assert not rep.stats["s3"].loose
