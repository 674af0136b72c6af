"""A PDF's text copied with its layout (pdftotext -layout, a copy from a PDF viewer): runs of spaces between cells,
header words broken over lines, hard-wrapped paragraphs.  What the tool cannot read is said as input (DL001), never
blamed on the report: no "unfilled table" for a table 四 whose numbers are a line after its broken header, no
prose-against-table finding from a table whose columns were not all recognised, no part made of a table row's
numeral, no unpaired bracket across a line broken after a colon.
"""

from __future__ import annotations

from disclosure_lint.report import interpret

from .conftest import codes, lint, parse

HEAD = """\
          某某县人民政府
    2023 年政府信息公开工作年度报告

   一、总体情况

   2023 年，某某县人民政府全年主动公开政府信息 312 条，均按时发布。

"""

# table 四's header as a layout copy prints it: the words of its cells broken over lines, the numbers a line apart
S4_LAYOUT = """\
   四、政府信息公开行政复议、行政诉讼情况

          行政复议                 行政诉讼

                               未经复议直接起诉            复议后起诉
          结果  结果  其他结  尚未
                           总计
                               结 果 结果  其他  尚未      结果  结果  其他  尚未审
          维持  纠正  果    审结
                                               总计                   总计
                               维持  纠正  结果  审结      维持  纠正  结果  结

          {numbers}

   五、存在的主要问题及改进情况

   一是政策解读形式较为单一，下一步将丰富解读形式。

   六、其他需要报告的事项

   本年度未收取信息处理费。
"""

S4_NUMBERS = "5   2   1   0   8   3   0   1   0   4   1   0   0   1   2"


def layout_report(numbers: str = S4_NUMBERS) -> str:
    return HEAD + S4_LAYOUT.format(numbers=numbers)


def test_table_four_numbers_a_line_after_its_broken_header_are_read():
    rep = interpret(parse(layout_report(), "text"))
    s4 = rep.stats["s4"]
    got = {col: s4.get("cases", col).raw for col in ("review.upheld", "review.total", "direct.other", "direct.total",
                                                    "after_review.pending", "after_review.total")}
    assert got == {"review.upheld": "5", "review.total": "8", "direct.other": "1", "direct.total": "4",
                   "after_review.pending": "1", "after_review.total": "2"}
    cell = s4.get("cases", "review.total").cell
    assert cell is not None and cell.line == layout_report().split("\n").index("          " + S4_NUMBERS) + 1
    assert "DL209" not in codes(lint(layout_report(), fmt="text"))


def test_a_wrong_total_in_that_row_is_the_report_s_error():
    numbers = S4_NUMBERS.replace("0   8", "0   9", 1)  # 行政复议 总计 9, its results 5 + 2 + 1 + 0 = 8
    got = codes(lint(layout_report(numbers), fmt="text"))
    assert "DL204" in got and "DL209" not in got, got


def test_a_row_of_another_count_is_not_placed_and_not_unfilled():
    numbers = " ".join(S4_NUMBERS.split()[:14])  # one number lost: which column is which cannot be known
    diags = lint(layout_report(numbers), fmt="text")
    got = codes(diags)
    assert "DL209" not in got and "DL204" not in got, got
    dl001 = [d for d in diags if d.code == "DL001"]
    assert len(dl001) == 1 and "14个数值" in dl001[0].message


def test_a_header_alone_without_numbers_is_still_unfilled():
    got = codes(lint(layout_report("本年度未发生行政复议、行政诉讼。"), fmt="text"))
    assert "DL209" in got, got


# -- a table whose columns were not all recognised is not compared with the prose -------------------------------

S3_MD = """\
# 某某县某某局2023年政府信息公开工作年度报告

## 一、总体情况

2023年，本局共收到政府信息公开申请{stated}件，均已按时答复。

## 三、收到和处理政府信息公开申请情况

| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | | 自然人 | {col} | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
|---|---|---|---|---|---|---|---|---|---|
| 一、本年新收政府信息公开申请数量 | | | 4 | 1 | 0 | 0 | 0 | 0 | 5 |
| 二、上年结转政府信息公开申请数量 | | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |

## 五、存在的主要问题及改进情况

政策解读形式较为单一，下一步将丰富解读形式。
"""


def test_prose_is_compared_with_a_table_whose_columns_are_known():
    got = codes(lint(S3_MD.format(stated=6, col="商业企业"), select=["DL230"]))
    assert got == ["DL230"]  # the control: 6 stated, 5 in the table


def test_prose_is_not_compared_with_a_table_with_an_unknown_column():
    text = S3_MD.format(stated=6, col="商业企")  # a header word broken by the copy: the columns after it may be shifted
    rep = interpret(parse(text))
    assert rep.stats["s3"].columns_unknown and not rep.stats["s3"].comparable
    assert rep.metrics.value("new") is None
    got = codes(lint(text))
    assert not [c for c in got if c.startswith("DL23")], got  # (was DL230: 6 against 4, the columns it could place)


# -- a table row's numeral is not a part of the report ----------------------------------------------------------

def test_a_table_row_s_numeral_is_not_a_part():
    text = ("某某县人民政府2023年政府信息公开工作年度报告\n"
            "一、总体情况\n全年主动公开政府信息312条。\n"
            "二、主动公开政府信息情况\n本年度制发规范性文件2件。\n"
            "三、收到和处理政府信息公开申请情况\n"
            "三、\n"  # 三、本年度办理结果 written down the first column, one character a line
            "本\n"
            "三 2.其他法律行政止公开 0 0 0 0 0 0 0\n"  # its numeral run into a row (with a slip in the label)
            "四、政府信息公开行政复议、行政诉讼情况\n本年度未发生行政复议、行政诉讼。\n"
            "五、存在的主要问题及改进情况\n政策解读形式较为单一。\n"
            "六、其他需要报告的事项\n本年度未收取信息处理费。\n")
    rep = interpret(parse(text, "text"))
    assert [s.number for s in rep.structure.mains] == [1, 2, 3, 4, 5, 6]
    assert "DL107" not in codes(lint(text, fmt="text"))


def test_a_part_whose_title_is_on_the_next_line_still_counts():
    # the numeral alone, but not inside a part of the same number: the heading of a part (its title on the next
    # line), kept as before
    text = ("某某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息312条。\n"
            "二、\n主动公开政府信息情况\n")
    rep = interpret(parse(text, "text"))
    assert [s.number for s in rep.structure.mains][:2] == [1, 2]


# -- a hard-wrapped paragraph broken after a colon ---------------------------------------------------------------

def test_brackets_pair_across_a_line_broken_after_a_colon():
    text = HEAD + ("   如对本报告有疑问，请与某某县人民政府办公室联系（地址：某某县人民路\n"
                   "   1 号 ， 邮 编 ： 123456 ， 电 话 ：\n"
                   "   0000-1234567）。\n")
    assert "DL703" not in codes(lint(text, fmt="text", select=["DL703"]))


def test_an_unclosed_bracket_is_still_found():
    text = HEAD + "   请与某某县人民政府办公室联系（地址：某某县人民路1号。\n\n   下一段没有右括号。\n"
    assert codes(lint(text, fmt="text", select=["DL703"])) == ["DL703"]


# -- table rows copied with the layout are not a numbered list --------------------------------------------------

def test_rows_of_a_layout_copy_are_not_a_numbering_slip():
    # 三、本年度办理结果 written down the first column, one character a line, between the rows; （三）不予公开 broken
    # over two lines, its first line run into a row; rows without a line between them are a text table to the reader
    rows = ("   三、收到和处理政府信息公开申请情况\n\n"
            "                    3.危及“三安全一稳定”     0    0    0    0     0     0    0\n\n"
            "           办  （三）不  4.保护第三方合法权益      1    0    0    0     0     0    1\n\n"
            "           理\n\n"
            "              予公开\n\n"
            "                    6.属于四类过程性信息     0    0    0    0     0     0    0\n"
            "                    7.属于行政执法案卷       2    0    0    0     0     0    2\n"
            "              （四）无  1.本机关不掌握相关政府信息  7    0    0    0     0     0    7\n\n"
            "              法提供   2.没有现成信息需要另行制作  1    0    0    0     0     0    1\n\n"
            "              （五）不  3.要求提供公开出版物      0    0    0    0     0     0    0\n\n"
            "              予处理\n\n"
            "                    4.无正当理由大量反复 申请    0    0    0    0     0     0    0\n\n"
            "                    5.要求行政机关确认或重 新出\n\n"
            "                    具已获取信息   0    0    0    0     0     0    0\n")
    assert "DL902" not in codes(lint(HEAD + rows, fmt="text", select=["DL902"]))


def test_a_numbering_slip_in_prose_is_still_found():
    text = HEAD + "   我们的做法：1.完善制度。2.加强培训。4.强化监督。\n"
    assert codes(lint(text, fmt="text", select=["DL902"])) == ["DL902"]


def test_an_item_after_a_page_number_in_text_without_line_breaks():
    text = ("某某县人民政府2023年政府信息公开工作年度报告一、总体情况（一）主动公开情况。全年主动公开政府信息312条。"
            "（二）依申请公开情况。全年受理申请17件，均已按时答复。- 1 -（三）政府信息管理情况。严格执行先审后发。"
            "（四）平台建设情况。加强网站日常管理。\n")
    assert "DL902" not in codes(lint(text, fmt="text", select=["DL902"]))
    slip = text.replace("（四）平台", "（五）平台")
    assert codes(lint(slip, fmt="text", select=["DL902"])) == ["DL902"]  # the run goes on through the page number


# table 三's header as pdftotext -layout prints it from a PDF whose header rows are far from the first row: words
# broken over lines (商业企 / 业), a caption beside the group label, and two blank lines before the first row of figures
S3_LAYOUT = """\
      三、收到和处理政府信息公开申请情况
                                                         申请人情况

（本列数据的勾稽关系为：第一项加第二项之和，                                         法人或其他组织
等于第三项加第四项之和）
                               自然人                                                  总计
                                         商业企      科研机      社会公益      法律服务
                                                                           其他
                                         业        构        组织        机构


一、本年新收政府信息公开申请数量                12       3        0        0         1      0       16

二、上年结转政府信息公开申请数量                2        0        0        0         0      0       2
"""


def test_a_header_two_blank_lines_above_its_first_row_is_read():
    t = interpret(parse(HEAD + S3_LAYOUT, "text")).stats["s3"]
    assert not t.unmapped
    assert [t.cells[("new", c)].raw for c in ("natural_person", "commercial", "legal_service", "total")] \
        == ["12", "3", "1", "16"]
    assert t.cells[("carried_over", "total")].raw == "2"


def test_three_blank_lines_end_the_table():
    text = HEAD + S3_LAYOUT.replace("\n\n\n一、本年新收", "\n\n\n\n一、本年新收")
    t = interpret(parse(text, "text")).stats["s3"]
    # the header is a table of its own, its words not stacked: said as labels not recognised (DL001), not guessed
    assert "商业企" in [u.label for u in t.unmapped]
    assert "DL001" in codes(lint(text, fmt="text"))


# a row label cut at its cell's width over two lines (the first 23 characters long), its numbers on a line of their
# own after it; and a label cut around the line that carries its numbers (1、申请人… / 正、行政机关… 67 … / 息公开申请)
S3_CUT_LABEL = S3_LAYOUT + """
      （一）予以公开                           8        2        0        0         1      0       11

      （二）部分公开（区分处理的，只计这一情 形，不
      计其他情形）
                                                2        1        0        0         0      0       3
             1.属于国家秘密                     0        0        0        0         0      0       0
"""


def test_a_cut_row_label_and_its_numbers_below_are_one_row():
    t = interpret(parse(HEAD + S3_CUT_LABEL, "text")).stats["s3"]
    assert [t.cells[("result.partial", c)].raw for c in ("natural_person", "commercial", "total")] == ["2", "1", "3"]
    assert t.cells[("result.not_open.state_secret", "total")].raw == "0"


def test_a_label_cut_around_the_line_of_its_numbers_is_one_row():
    """1、申请人… / 正、行政机关… 4 0 0 0 0 0 4 / 息公开申请: the numbers are the row's, its start the label's start."""
    text = HEAD + S3_LAYOUT + """
      （一）予以公开                           8        2        0        0         1      0       11
      1、申请人无正当理由逾期不补
      正、行政机关不再处理其政府信              4        0        0        0         0      0       4
      息公开申请
"""
    t = interpret(parse(text, "text")).stats["s3"]
    assert [t.cells[("result.other.no_correction", c)].raw for c in ("natural_person", "commercial", "total")] \
        == ["4", "0", "4"]
    assert not t.unmapped and not t.loose


def test_vertical_label_characters_at_the_margin_stay_in_the_table():
    """三、本年度办理结果 printed down the margin, one character a line, between the rows (本 / 年 / 度 …)."""
    text = HEAD + S3_LAYOUT + """
      （一）予以公开                           8        2        0        0         1      0       11
三、

本            1.属于国家秘密                    1        0        0        0         0      0       1
年
             2.其他法律行政法规禁止公开         0        0        0        0         0      0       0
度
"""
    t = interpret(parse(text, "text")).stats["s3"]
    assert t.cells[("result.not_open.state_secret", "total")].raw == "1"
    assert t.cells[("result.not_open.law_prohibited", "total")].raw == "0"
    assert not t.loose


# our generator's report 0019-2022 (bench/generate.py, seed 0) rendered to PDF by tests/render.py and printed by
# pdftotext 22.12 -layout: table 三's note beside its header words, two-line labels with their numbers between their
# lines, the vertical 三、本年度办理 / 结果 in the margin, a label and its first number one space apart
S3_PDFTOTEXT = """\
   三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，            商业企 科研机 社会公 法律服
                            自然人                   其他        总计
等于第三项加第四项之和）                      业   构   益组织 务机构
一、本年新收政府信息公开申请数量            111   45   3   3        6   5   173
二、上年结转政府信息公开申请数量            7     2    0   0        4   1   14
          （一）予以公开           38    13   0   1        6   2   60
          （二）部分公开（区分处理的，
                            12    5    1   0        1   0   19
          只计这一情形，不计其他情形）
                 1.属于国家秘密   0     2    1   0        0   0   3
                 2.其他法律行政法
                           2      0    0   0        1   1   4
                 规禁止公开
                 3.危及“三安全一
                           0      0    0   0        0   0   0
                 稳定”
                 4.保护第三方合法
                           2      0    0   0        0   0   2
                 权益
          （三）不予公
          开      5.属于三类内部事
                           4      1    0   0        0   0   5
                 务信息
                 6.属于四类过程性
                           2      1    0   0        0   0   3
                 信息
                 7.属于行政执法案
                           2      0    0   0        0   0   2
                 卷
三、本年度办理          8.属于行政查询事
结果                         2      0    0   0        0   0   2
                 项
                 1.本机关不掌握相
                           5      7    1   0        1   0   14
                 关政府信息
          （四）无法提 2.没有现成信息需
                           14     3    0   0        1   2   20
          供      要另行制作
                 3.补正后申请内容
                           9      5    0   1        0   0   15
                 仍不明确
                 1.信访举报投诉类
                           1      0    0   0        0   0   1
                 申请
                 2.重复申请     2     0    0   0        0   0   2
                 3.要求提供公开出
                           4      0    0   0        0   0   4
          （五）不予处 版物
          理      4.无正当理由大量
                           2      1    0   0        0   0   3
                 反复申请
                 5.要求行政机关确
                 认或重新出具已获 3       1    0   0        0   0   4
                 取信息



                            -3-
                         1.申请人无正当理
                         由逾期不补正、行
                                   2             1        0   0        0        0        3
                         政机关不再处理其
                         政府信息公开申请
                （六）其他处 2.申请人逾期未按
                理      收费通知要求缴纳
                       费用、行政机关不 4                1        0   0        0        0        5
                       再处理其政府信息
                       公开申请
                         3.其他          3         0        0   1        0        0        4
                （七）总计                  113       41       3   3        10       5        175
四、结转下年度继续办理                            5         6        0   0        0        1        12
"""
S3_TRUE = {  # the report's own figures (its Markdown original)
    "new": "111 45 3 3 6 5 173", "carried_over": "7 2 0 0 4 1 14", "result.open": "38 13 0 1 6 2 60",
    "result.partial": "12 5 1 0 1 0 19", "result.not_open.state_secret": "0 2 1 0 0 0 3",
    "result.not_open.law_prohibited": "2 0 0 0 1 1 4", "result.not_open.security_stability": "0 0 0 0 0 0 0",
    "result.not_open.third_party": "2 0 0 0 0 0 2", "result.not_open.internal_affairs": "4 1 0 0 0 0 5",
    "result.not_open.process_info": "2 1 0 0 0 0 3", "result.not_open.enforcement_file": "2 0 0 0 0 0 2",
    "result.not_open.admin_query": "2 0 0 0 0 0 2", "result.unavailable.not_held": "5 7 1 0 1 0 14",
    "result.unavailable.need_creation": "14 3 0 0 1 2 20", "result.unavailable.unclear": "9 5 0 1 0 0 15",
    "result.not_processed.petition": "1 0 0 0 0 0 1", "result.not_processed.repeated": "2 0 0 0 0 0 2",
    "result.not_processed.publication": "4 0 0 0 0 0 4", "result.not_processed.excessive": "2 1 0 0 0 0 3",
    "result.not_processed.confirm": "3 1 0 0 0 0 4", "result.other.other": "3 0 0 1 0 0 4",
    "result.total": "113 41 3 3 10 5 175", "carried_forward": "5 6 0 0 0 1 12",
}
COLS7 = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")


def test_table_three_as_pdftotext_layout_prints_a_narrow_table_reads_only_true_cells():
    t = interpret(parse(HEAD + S3_PDFTOTEXT, "text")).stats["s3"]
    read = {k: c.raw for k, c in t.cells.items()}
    assert len(read) >= 150
    for (rid, cid), raw in read.items():
        assert rid in S3_TRUE and S3_TRUE[rid].split()[COLS7.index(cid)] == raw, (rid, cid, raw)
    for rid in ("result.not_open.law_prohibited", "result.not_open.admin_query", "result.not_processed.confirm"):
        assert " ".join(read[(rid, c)] for c in COLS7) == S3_TRUE[rid]
    found = lint(HEAD + S3_PDFTOTEXT, fmt="text")
    assert not [d for d in found if d.code.startswith("DL2")]  # nothing blamed on the report (its cells add up)


# table 三 as pdftotext -layout prints a wide one: each label on one line, the merged 三、本年度办理结果 printed once
# with spaces between its characters beside a middle row and blank lines around it — which cuts the table in two
# parts — and (三）不予公开 printed below its first rows (its merged cell is centred)
S3_WIDE = """\
   三、收到和处理政府信息公开申请情况

                                             自然人  商业企业  科研机构  社会公益组织  法律服务机构  其他  总计
一、本年新收政府信息公开申请数量                      111    45    3    3    6    5    173
二、上年结转政府信息公开申请数量                      7    2    0    0    4    1    14
            （一）予以公开                           38    13    0    1    6    2    60
            （二）部分公开                           12    5    1    0    1    0    19
                        1.属于国家秘密               0    2    1    0    0    0    3
 三 、本 年 度办 理 结果



                        {law}        2    0    0    0    1    1    4
                        3.危及“三安全一稳定”          0    0    0    0    0    0    0
                        4.保护第三方合法权益           2    0    0    0    0    0    2
            （三）不予公开
                        5.属于三类内部事务信息         4    1    0    0    0    0    5
                        6.属于四类过程性信息           2    1    0    0    0    0    3
                        7.属于行政执法案卷             2    0    0    0    0    0    2
                        8.属于行政查询事项             2    0    0    0    0    0    2
"""


def test_a_table_three_cut_by_its_merged_label_keeps_its_group_in_the_second_part():
    for law in ("2.其他法律行政法规禁止公开", "2.其他法律行政止公开"):
        text = HEAD + S3_WIDE.format(law=law)
        t = interpret(parse(text, "text")).stats["s3"]
        row = " ".join(t.cells[("result.not_open.law_prohibited", c)].raw for c in COLS7)
        assert row == S3_TRUE["result.not_open.law_prohibited"], law
        assert t.cells[("result.not_open.admin_query", "total")].raw == "2" and not t.unmapped
        found = codes(lint(text, fmt="text"))
        assert "DL001" not in found  # the label is read in its group: not said to be unreadable
        # the report's own slip in the label is the report's (as in the PDF: the same finding)
        assert ("DL904" in found) == (law != "2.其他法律行政法规禁止公开")
