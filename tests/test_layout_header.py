"""A PDF's text kept with its layout (``pdftotext -layout``): table headers printed word by word over several lines,
by position, and the short lines between a table's rows (readers/layout_header.py, readers/text._past_layout_lines).

The fixtures are written here, word by word at the columns such a copy puts them, for a made-up body: the header
of table 三 in five lines (商业 / 企业 under each other), of table 四 in five lines with a letter-spaced 总 计 and a
line of group labels that spans columns, a caption line above, a header word alone on a line between two split
lines, and narrow cells of numbers one space apart (``3001 53``).  Controls: justified prose with runs of spaces,
blank lines and numbers stays paragraphs; a header whose words do not fall in as many columns as the row below has
numbers is left as it was."""

from __future__ import annotations

from disclosure_lint.readers.layout_header import split_numbers, stack_header
from disclosure_lint.readers.lines import new_cell, new_row
from disclosure_lint.readers.text import parse

from .conftest import lint


def put(*words: tuple[int, str], width: int = 80) -> str:
    """A line with each word at its 0-based column (as ``pdftotext -layout`` prints a page), padded with spaces."""
    line = ""
    for at, word in words:
        line = line.ljust(at) + word
    return line.ljust(width)


S3_HEADER = [
    put((11, "申请人情况")),  # alone: a paragraph
    "",
    put((43, "自然人"), (56, "社会"), (59, "法律"), (67, "总计")),
    put((48, "商业"), (52, "科研")),
    put((56, "公益"), (59, "服务"), (63, "其他")),
    put((48, "企业"), (52, "机构")),
    put((56, "组织"), (59, "机构")),  # one space apart: not split, a line between two split lines
]
NUMS = (44, 49, 53, 57, 60, 64, 68)


def s3_row(label: str, values: list[int], indent: int = 11) -> str:
    return put((indent, label), *zip(NUMS, map(str, values)))


S3_ROWS = [
    s3_row("一、本年新收政府信息公开申请数量", [5, 1, 0, 0, 0, 0, 6]),
    s3_row("二、上年结转政府信息公开申请数量", [0, 0, 0, 0, 0, 0, 0]),
    s3_row("（一）予以公开", [4, 1, 0, 0, 0, 0, 5], 14),
    s3_row("（七）总计", [5, 1, 0, 0, 0, 0, 6], 14),
    s3_row("四、结转下年度继续办理", [0, 0, 0, 0, 0, 0, 0]),
]

S4 = [
    put((14, "四、政府信息公开行政复议、行政诉讼情况")),
    "",
    put((19, "行政复议"), (48, "行政诉讼")),
    "",
    put((31, "未经复议直接起诉"), (50, "复议后起诉")),  # spans columns: a group's label, left out
    put((11, "结果"), (15, "结果"), (19, "其他"), (23, "尚未")),
    put((27, "总"), (29, "计")),  # letter-spaced: one word
    put((11, "维持"), (15, "纠正"), (19, "结果"), (23, "审结"), (31, "结果"), (35, "结果"), (39, "其他"), (43, "尚未"),
        (51, "结果"), (55, "结果"), (59, "其他"), (63, "尚未")),
    put((47, "总计"), (67, "总计")),
    put((31, "维持"), (35, "纠正"), (39, "结果"), (43, "审结"), (51, "维持"), (55, "纠正"), (59, "结果"), (63, "审结")),
    "",
]
S4_COLS = (11, 15, 19, 23, 27, 31, 35, 39, 43, 47, 51, 55, 59, 63, 67)


def s4_row(values: list[int]) -> str:
    return put(*zip(S4_COLS, map(str, values)))


def report(s4_values: list[int]) -> str:
    return "\n".join([
        put((10, "某某县某某局2023年政府信息公开工作年度报告")), "",
        put((14, "一、总体情况")), "",
        put((10, "2023年，本局依法做好政府信息公开工作，全年收到申请6件，均已按时答复。")), "",
        put((14, "三、收到和处理政府信息公开申请情况")), "",
        *S3_HEADER, *S3_ROWS, "",
        *S4, s4_row(s4_values), "",
        put((14, "五、存在的主要问题及改进情况")), "",
        put((10, "本局的主要问题是公开内容还不够全面。")), "",
    ]) + "\n"


GOOD_S4 = [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
S3_LABELS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
S4_LABELS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3


def tables(text: str):
    return [b.table for b in parse(text).blocks if b.kind == "table"]


def test_table_3_header_over_five_lines_is_one_row_of_its_seven_labels():
    s3, s4 = tables(report(GOOD_S4))
    assert [c.text for c in s3.rows[0].cells] == S3_LABELS
    assert [c.text for c in s3.rows[1].cells][:2] == ["一、本年新收政府信息公开申请数量", "5"]
    assert [r.cells[0].row for r in s3.rows] == list(range(len(s3.rows)))  # numbered from 0
    # each word of a label keeps its own place: 企业 is on the header's fourth line
    cell = s3.rows[0].cells[1]
    assert cell.line == 12 and cell.column == 49 and [(a.offset, a.line, a.column) for a in cell.anchors] == \
        [(0, 12, 49), (2, 14, 49)]
    assert [c.text for c in s4.rows[0].cells] == S4_LABELS


def test_layout_report_is_read_and_checked_like_its_pdf():
    got = lint(report(GOOD_S4), fmt="text", year=2023)
    # (table 三 has five of its rows here: DL110 names the others, rows, never a column)
    assert not [d for d in got if d.code in ("DL001", "DL204", "DL703") or (d.code == "DL110" and "列" in d.message)], \
        [(d.code, d.message) for d in got]
    wrong = list(GOOD_S4)
    wrong[4] = 0  # 行政复议 总计 0 while 结果维持 is 1: the report's own error, now found
    got = lint(report(wrong), fmt="text", year=2023)
    assert [d.code for d in got if d.code in ("DL001", "DL204")] == ["DL204"]


def test_caption_above_the_header_stays_a_paragraph():
    text = "\n".join([
        put((14, "三、收到和处理政府信息公开申请情况")), "",
        put((11, "（本列数据的勾稽关系为：第一项加第二项之和，"), (60, "法人或其他组织")),
        put((11, "等于第三项加第四项之和）")),
        *S3_HEADER[2:], *S3_ROWS, "",
    ]) + "\n"
    blocks = parse(text).blocks
    kinds = [(b.kind, b.text.split("\t")[0][:8]) for b in blocks]
    assert kinds[:4] == [("heading", "三、收到和处理政"), ("paragraph", "（本列数据的勾稽"), ("paragraph", "等于第三项加第四"),
                         ("table", "自然人")], kinds
    assert [c.text for c in blocks[3].table.rows[0].cells] == S3_LABELS


def test_justified_prose_with_numbers_and_blank_lines_stays_paragraphs():
    prose = "\n".join([
        put((10, "本报告依据《中华人民共和"), (40, "国政府信息公开条例》编制。")),
        "",
        put((10, "全年受理申请"), (24, "31 件，答"), (40, "复"), (44, "30 件（含上年结转申请"), (62, "2 件，另有"), (70, "1 件顺延")),
        "",
        put((10, "答复），均在法定期限内予以答复。")),
        "",
    ]) + "\n"
    assert [b.kind for b in parse(prose).blocks] == ["paragraph"] * 3
    assert not [d for d in lint(prose, fmt="text", year=2023) if d.code == "DL703"]


def test_numbers_one_space_apart_are_two_cells():
    row = new_row((new_cell("一、本年新收", 0, 0, 5, 1), new_cell("3001 53", 0, 1, 5, 30), new_cell("0", 0, 2, 5, 40)), 5)
    got = split_numbers(row)
    assert [(c.text, c.col, c.column) for c in got.cells] == [("一、本年新收", 0, 1), ("3001", 1, 30), ("53", 2, 35),
                                                               ("0", 3, 40)]
    same = new_row((new_cell("第1项 说明", 0, 0, 5, 1),), 5)
    assert split_numbers(same) is same


def test_header_that_does_not_fit_the_numbers_is_left_alone():
    lines = [put((43, "自然人"), (56, "社会"), (67, "总计")), put((48, "商业"), (52, "科研")),
             put((11, "一、本年新收"), *zip((44, 49, 53, 57, 60, 64, 68), "5100006"))]
    rows = [new_row((new_cell(w, i, 0, i + 1, 1),), i + 1) for i, w in enumerate(("自然人", "商业", "一、本年新收"))]
    assert stack_header(lines, rows) == (rows, 0)  # 5 header columns over 7 numbers: not sure, not rebuilt


# -- table 三's rows whose numbers are on a line of their own (report/stats/layout_rows.py) ----------------------

def s3_numbers(values: list[int]) -> str:
    return put(*zip(NUMS, map(str, values)))


def split_rows_report(rows: list[str]) -> str:
    return "\n".join([
        put((10, "某某县某某局2023年政府信息公开工作年度报告")), "",
        put((14, "三、收到和处理政府信息公开申请情况")), "",
        *S3_HEADER[2:], *rows, "",
        put((14, "五、存在的主要问题及改进情况")), "",
        put((10, "本局的主要问题是公开内容还不够全面。")), "",
    ]) + "\n"


def s3_cells(text: str):
    from disclosure_lint.report import Overrides, interpret

    t = interpret(parse(text), Overrides(year=2023)).stats["s3"]
    rows: dict[str, list[str]] = {}
    for (rid, _cid), c in t.cells.items():
        rows.setdefault(rid, []).append(c.raw)
    return rows, t


SPLIT_ROWS = [
    s3_row("一、本年新收政府信息公开申请数量", [6, 0, 0, 0, 0, 0, 6]),
    s3_row("二、上年结转政府信息公开申请数量", [0, 0, 0, 0, 0, 0, 0]),
    s3_row("（一）予以公开", [1, 0, 0, 0, 0, 0, 1], 14),
    put((14, "（二）部分公开（区分处理的，只计这一情"), (40, "形，不")),  # the label in two cells, its numbers below
    s3_numbers([2, 0, 0, 0, 0, 0, 2]),
    put((14, "计其他情形）")),  # the label's end
    s3_numbers([3, 0, 0, 0, 0, 0, 3]),  # the numbers of the row below
    put((25, "1.属于国家秘密")),
    put((12, "三"), (25, "2.其他法律行政法规禁止公开"), *zip(NUMS, "0000000")),
    put((14, "（五）不予处理")),  # a group: holds no numbers
    s3_numbers([0, 0, 0, 0, 0, 0, 0]),
    put((25, "4.无正当理由大量反复"), (40, "申请")),
    put((14, "（六）其")),
    put((25, "2.申请人逾期未按收费通知要")),
    put((14, "他处理")),
    put((25, "求缴纳费用、行政机关不再处理"), *zip(NUMS, "1000001")),  # the label's end with the numbers
    s3_row("（七）总计", [6, 0, 0, 0, 0, 0, 6], 14),
]


def test_a_rows_numbers_on_a_line_of_their_own_are_put_back_on_its_row():
    rows, t = s3_cells(split_rows_report(SPLIT_ROWS))
    assert rows["result.partial"] == ["2", "0", "0", "0", "0", "0", "2"]
    assert rows["result.not_open.state_secret"] == ["3", "0", "0", "0", "0", "0", "3"]
    assert rows["result.not_processed.excessive"] == ["0"] * 7
    assert rows["result.other.no_fee"] == ["1", "0", "0", "0", "0", "0", "1"]
    assert not t.loose and not t.unmapped
    # each number keeps its own line and column: a finding on it points there
    c = t.cells[("result.partial", "natural_person")]
    assert (c.cell.line, c.cell.column) == (14, 45)


def test_numbers_between_two_labels_without_numbers_are_not_guessed():
    rows = [
        s3_row("一、本年新收政府信息公开申请数量", [6, 0, 0, 0, 0, 0, 6]),
        put((25, "1.本机关不掌握相关政府信息")),
        s3_numbers([4, 0, 0, 0, 0, 0, 4]),  # the row above's or the row below's: not sure
        put((25, "2.没有现成信息需要另行制作")),
        s3_row("（七）总计", [6, 0, 0, 0, 0, 0, 6], 14),
    ]
    got, t = s3_cells(split_rows_report(rows))
    assert "result.unavailable.not_held" not in got or not any(got["result.unavailable.not_held"])
    assert "result.unavailable.need_creation" not in got or not any(got["result.unavailable.need_creation"])
    assert t.unmapped or any(not c.row for c in t.loose)  # DL001 says so: the tool's reading, not the report's


def test_a_label_end_with_numbers_takes_its_start_before_a_line_of_numbers_alone_looks():
    """``5.要求…重新出`` / numbers / ``具已获取信息`` / ``1、申请人…不补`` / ``正、…其政府信 67 …``: the numbers alone have
    a label on either side until the label end with numbers below has taken ``1、申请人…`` (its only possible start)."""
    rows = [
        s3_row("一、本年新收政府信息公开申请数量", [6, 0, 0, 0, 0, 0, 6]),
        put((25, "4.无正当理由大量反复申请"), *zip(NUMS, "0000000")),
        "",
        put((25, "5.要求行政机关确认或重新出")),
        s3_numbers([1, 0, 0, 0, 0, 0, 1]),
        put((25, "具已获取信息")),
        put((25, "1.申请人无正当理由逾期不补")),
        put((25, "正、行政机关不再处理其政府信"), *zip(NUMS, "2000002")),
        put((25, "息公开申请")),
        s3_row("（七）总计", [6, 0, 0, 0, 0, 0, 6], 14),
    ]
    got, t = s3_cells(split_rows_report(rows))
    assert got["result.not_processed.confirm"] == ["1", "0", "0", "0", "0", "0", "1"]
    assert got["result.other.no_correction"] == ["2", "0", "0", "0", "0", "0", "2"]
    assert not t.unmapped and not t.loose


# -- the same PDF's text without its layout (pdftotext's default): cells one space apart ---------------------------

RAW = """\
某某县某某局2023年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第（一）项
信息内容 本年制发件数 本年废止件数 现行有效件数
规章 0 0 0
行政规范性文件 1 0 6
第二十条第（五）项
信息内容 本年处理决定数量
行政许可 120
第二十条第（六）项
- 2 -
信息内容 本年处理决定数量
行政处罚 35
行政强制 2
第二十条第（八）项
信息内容 本年收费金额（单位：万元）
行政事业性收费 1.5
三、收到和处理政府信息公开申请情况
申请人情况
法人或其他组织
自然人 社会 法律 总计
商业 科研
公益 服务 其他
企业 机构
组织 机构
一、本年新收政府信息公开申请数量 6 0 0 0 0 0 6
二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
（一）予以公开 1 0 0 0 0 0 1
（二）部分公开（区分处理的，只计这一情 形，不
2 0 0 0 0 0 2
计其他情形）
3 0 0 0 0 0 3
1.属于国家秘密
三 2.其他法律行政法规禁止公开 0 0 0 0 0 0 0
、
0 0 0 0 0 0 0
本 3.危及“三安全一稳定”
年
- 3 -
（七）总计 6 0 0 0 0 0 6
四、结转下年度继续办理 0 0 0 0 0 0 0
四、政府信息公开行政复议、行政诉讼情况
行政复议 行政诉讼
未经复议直接起诉 复议后起诉
结果 结果 其他 尚未
总 计
维持 纠正 结果 审结 结果 结果 其他 尚未 结果 结果 其他 尚未
总 计 总计
维持 纠正 结果 审结 维持 纠正 结果 审结
2 0 0 0 1 0 0 0 0 0 0 0 0 0 0
五、存在的主要问题及改进情况
本局的主要问题是公开内容还不够全面。
"""


def test_text_without_layout_reads_the_three_tables():
    from disclosure_lint.report import Overrides, interpret

    stats = interpret(parse(RAW), Overrides(year=2023)).stats
    s2 = {k: c.raw for k, c in stats["s2"].cells.items()}
    assert s2[("licensing", "decisions")] == "120" and s2[("penalty", "decisions")] == "35"
    assert s2[("coercion", "decisions")] == "2" and s2[("fees", "amount")] == "1.5"
    assert s2[("normative_docs", "in_force")] == "6"
    rows: dict[str, list[str]] = {}
    for (rid, _cid), c in stats["s3"].cells.items():
        rows.setdefault(rid, []).append(c.raw)
    assert rows["result.partial"] == ["2", "0", "0", "0", "0", "0", "2"]
    assert rows["result.not_open.state_secret"] == ["3", "0", "0", "0", "0", "0", "3"]
    assert rows["result.not_open.security_stability"] == ["0"] * 7
    assert not stats["s3"].loose and not stats["s3"].unmapped  # 、 年 and - 3 - are not rows
    s4 = {k: c.raw for k, c in stats["s4"].cells.items()}
    assert s4[("cases", "review.upheld")] == "2" and s4[("cases", "review.total")] == "1"


def test_text_without_layout_is_checked_like_its_pdf():
    diags = lint(RAW, fmt="text", year=2023)
    got = [d.code for d in diags]
    # 复议 总计 1 while its results add up to 2: the report's (not a DL001 on table 四)
    assert "DL204" in got and not any(d.code == "DL001" and "表四" in d.message for d in diags), got
    # (this excerpt's table 三 lacks 16 rows, not even their labels written: read as text, that is said, DL001)
    assert [d.message[:13] for d in diags if d.code == "DL001"] == ["工具未能识别表三中的16行"]


def test_prose_justified_with_runs_of_spaces_is_quoted_with_one():
    from disclosure_lint.kinds.base import quoted

    assert quoted("受理政府信息公开申请        17 件") == "受理政府信息公开申请 17 件"
    assert quoted("受理申请17件") == "受理申请17件"
    text = report(GOOD_S4).replace("全年收到申请6件，", "全年收到申请      7 件，")
    [d] = [d for d in lint(text, fmt="text", year=2023) if d.code == "DL230"]
    assert "“全年收到申请 7 件”" in d.message or "收到申请 7 件" in d.message, d.message
    assert "      " not in d.message


def test_random_layout_shapes_never_fail():
    """Random lines of a PDF's text (words at random columns, numbers, single characters, blank lines, page numbers):
    the reader, the header, the row pairing and the reflow take them without an exception, and every row of a table
    keeps its cells' lines in its own line range."""
    import random

    rnd = random.Random(13)
    words = ["结果", "维持", "总 计", "商业", "企业", "（二）部分公开（区分处理的", "1.属于国家秘密", "形，不", "三", "、",
             "本年新收", "- 3 -", "其他", "2.没有现成信息需要另行制作", "（四）无法提供", "申请人情况"]
    for _ in range(150):
        lines = []
        for _ in range(rnd.randint(1, 40)):
            kind = rnd.random()
            if kind < 0.15:
                lines.append("")
            elif kind < 0.45:
                lines.append(put(*[(rnd.randint(0, 70), str(rnd.randint(0, 999))) for _ in range(rnd.randint(1, 9))]))
            else:
                lines.append(put(*sorted((rnd.randint(0, 70), rnd.choice(words)) for _ in range(rnd.randint(1, 5)))))
        text = "\n".join(lines)
        doc = parse(text)
        for b in doc.blocks:
            if b.table is not None:
                for row in b.table.rows:
                    assert all(b.line <= (c.line or b.line) <= (b.end_line or b.line) for c in row.cells)
        lint(text, fmt="text", year=2023)
