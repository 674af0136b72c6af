"""A file that ends inside a statistics table, seen from the table side (rt-web #1d/#1e): the row the file
ends in was read short because the rest was cut off (``StatTable.cut_row``); the table rules do not ask it
for the columns it lost, and the rows after the cut are not missing — DL002 says once that the file ends
early (``report.truncation``)."""

from __future__ import annotations

from disclosure_lint.report import interpret

from .conftest import lint, parse
from .test_trailing_cells import AFTER, S3_COPY_HEAD, S3_COPY_ROWS, S3_HEAD, TITLE

RULES = ["DL0", "DL1", "DL2"]


def _stats(text: str):
    return interpret(parse(text, "text")).stats


class TestTabRowCutBeforeItsTotal:
    TEXT = TITLE + S3_HEAD.split("一、")[0] + "一、本年新收政府信息公开申请数量\t\t\t48\t7\t0\t0\t2\t0"

    def test_the_row_is_recorded_as_cut(self):
        t = _stats(self.TEXT)["s3"]
        assert t.cut_row == "new"
        assert t.get("new", "other_org").raw == "0" and t.get("new", "total") is None  # not blank: not known

    def test_only_the_cut_is_reported(self):
        ds = lint(self.TEXT, select=RULES, fmt="text", year=2023)
        assert [d.code for d in ds] == ["DL002"]  # no DL110 "缺少…列“总计”"
        assert (ds[0].line, ds[0].column) == (4, 31)

    def test_a_complete_file_still_pads_its_short_rows(self):
        t = _stats(TITLE + S3_HEAD.split("一、")[0] + "一、本年新收政府信息公开申请数量\t\t\t48\t7\t0\t0\t2\t0\n" + AFTER)["s3"]
        assert t.cut_row is None and t.get("new", "total").raw == ""

    def test_a_column_missing_before_the_cut_is_still_missing(self):
        """Rows before the cut row that lack a column did not lose it to the cut."""
        head = ("三、收到和处理政府信息公开申请情况\n"
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t"
                "自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n")  # no 总计 column at all
        text = (TITLE + head + "一、本年新收政府信息公开申请数量\t\t\t3\t1\t0\t0\t0\t0\n"
                "二、上年结转政府信息公开申请数量\t\t\t0\t0\t0\t0\t0\t0\n"
                "三、本年度办理结果\t（一）予以公开\t\t2\t1")
        ds = lint(text, select=RULES, fmt="text", year=2023)
        assert [d.code for d in ds] == ["DL110", "DL002"]
        assert "列“总计”" in ds[0].message and "行" not in ds[0].message.split("：")[1]


class TestBrowserCopyCutInsideTableThree:
    """A browser copy of table 三 with blank zeros (rows as their labels alone) cut inside a row label."""

    def _cut(self, last: str) -> str:
        rows = S3_COPY_ROWS[:S3_COPY_ROWS.index("2.重复申请") + 1] + [last]
        return TITLE + S3_COPY_HEAD + "\n".join(rows)

    def test_rows_before_the_cut_are_read_and_later_rows_not_missing(self):
        t = _stats(self._cut("（六）其他"))["s3"]
        assert not t.loose and t.get("result.unavailable.not_held", "commercial").raw == "1"
        assert t.get("result.not_processed.repeated", "total").raw == ""
        ds = lint(self._cut("（六）其他"), select=RULES, fmt="text", year=2023)
        assert [d.code for d in ds] == ["DL002"]
        assert "最后读到“2.重复申请”行" in ds[0].message

    def test_a_label_cut_at_the_end_is_not_a_row(self):
        """``3.要求提供公`` ends the file: a piece of a label, not a row; the row before it is complete."""
        t = _stats(self._cut("3.要求提供公"))["s3"]
        assert t.cut_row is None
        assert [t.get("result.not_processed.repeated", c).raw for c in ("natural_person", "total")] == ["", ""]
        assert not [k for k in t.cells if k[0] == "result.not_processed.publication"]
        assert [d.code for d in lint(self._cut("3.要求提供公"), select=RULES, fmt="text", year=2023)] == ["DL002"]

    def test_a_label_alone_at_the_end_has_no_cells(self):
        """A complete label alone on the last line: its cells were cut off (not known), it is not blank."""
        t = _stats(self._cut("3.要求提供公开出版物"))["s3"]
        assert t.cut_row == "result.not_processed.publication"
        assert "result.not_processed.publication" in t.row_labels
        assert not [k for k in t.cells if k[0] == "result.not_processed.publication"]
        ds = lint(self._cut("3.要求提供公开出版物"), select=RULES, fmt="text", year=2023)
        assert [d.code for d in ds] == ["DL002"]

    def test_lone_rows_are_blocks_of_the_table(self):
        """The lines read as rows of the table belong to it (``StatTable.blocks``): a cut right after them
        (``3.`` alone on the last line) is a cut inside the table, whichever line the truncation analysis
        starts from; and they are not prose for the prose rules."""
        rep = interpret(parse(self._cut("3."), "text"))
        t = rep.stats["s3"]
        last_row = next(b for b in rep.blocks if b.text == "2.重复申请")
        assert any(b is last_row for b in t.blocks)
        assert any(b.text.startswith("（四）无法提供\t") for b in t.blocks)
        assert not any(b.text == "3." for b in t.blocks)


class TestFileEndsAfterAHeader:
    """rt-web #1c: a copy that ends after table 四's header rows: its data row was cut off (no DL209 "没有任何数字")."""

    EXAMPLE = (__import__("pathlib").Path(__file__).parent.parent / "examples" / "clean-2023.md").read_text("utf-8")
    HEAD_END = EXAMPLE.index("| 2 | 0 | 1 | 0 | 3 |")

    def test_header_only_at_the_end_is_not_unfilled(self):
        text = self.EXAMPLE[:self.HEAD_END]
        rep = interpret(parse(text))
        assert rep.truncation.table == "s4" and not rep.stats["s4"].cells
        assert "DL209" not in [d.code for d in lint(text, select=RULES, year=2023)]

    def test_header_only_before_part_five_is_still_unfilled(self):
        after = self.EXAMPLE.index("## 五、")
        text = self.EXAMPLE[:self.HEAD_END] + "\n" + self.EXAMPLE[after:]
        assert interpret(parse(text)).truncation is None
        assert "DL209" in [d.code for d in lint(text, select=RULES, year=2023)]

    def test_flattened_line_ending_in_the_header(self):
        from . import render

        flat = render.to_flat(self.EXAMPLE[:self.HEAD_END]).strip()
        assert flat.endswith("尚未审结 总计")
        rep = interpret(parse(flat, "text"))
        assert rep.truncation.table == "s4" and not rep.stats["s4"].cells
        assert "DL209" not in [d.code for d in lint(flat, select=RULES, fmt="text", year=2023)]

    def test_cut_inside_the_first_label_of_table_two(self):
        """A copy that ends in ``规`` (of 规章) right after table 二's header: cut, not unfilled."""
        start = self.EXAMPLE.index("## 二、主动公开政府信息情况")
        head = self.EXAMPLE[:start] + "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规"
        assert "DL209" not in [d.code for d in lint(head, select=RULES, fmt="text", year=2023)]

    def test_blank_template_before_a_cut_title_is_still_unfilled(self):
        """A published blank table 四 (one cell per line, no number) and then the text is cut in part 五's title:
        the table was complete, its emptiness is the report's (DL209), the cut is DL002's."""
        lines = ["某某县某某镇2019年政府信息公开工作年度报告", "四、政府信息公开行政复议、行政诉讼情况", "行政复议",
                 "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉",
                 "五、存在的主"]
        text = "\n".join(lines)
        assert interpret(parse(text, "text")).truncation.where == "title"
        assert "DL209" in [d.code for d in lint(text, select=RULES, fmt="text", year=2019)]
