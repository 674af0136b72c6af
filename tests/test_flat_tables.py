"""Statistics tables flattened into one line (report/stats/runs.py, report/stats/flat.py).

Cells separated by single spaces are placed as the one-cell-per-line reader places them; cells run
together are cut between labels and numbers, and a run of digits is split into a row's numbers only
when exactly one split fits the row's identity.  What cannot be placed is reported as input (DL001),
never as an arithmetic error.
"""

from __future__ import annotations

import pytest

from disclosure_lint.report import interpret
from disclosure_lint.report.stats.runs import split_run, tokens

from .conftest import OVERVIEW_TOPICS, codes, lint, parse

HEAD = f"某某县农业农村局2023年政府信息公开工作年度报告 一、总体情况 全年主动公开政府信息86条，均按时发布。{OVERVIEW_TOPICS}"
S3_HEAD = ("三、收到和处理政府信息公开申请情况 （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） "
           "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计")
S3_LABELS = (
    "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开1.属于国家秘密", "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷",
    "8.属于行政查询事项", "（四）无法提供1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
    "（五）不予处理1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "（七）总计", "四、结转下年度继续办理",
)
ZERO = [0] * 7


def s3_rows(new=(48, 7, 0, 0, 2, 0, 57), opened=(30, 4, 0, 0, 2, 0, 36)) -> list[tuple[str, tuple[int, ...]]]:
    unavailable = (2, 0, 0, 0, 0, 0, 2)
    total = tuple(a + b for a, b in zip(opened, unavailable))
    forward = tuple(a - b for a, b in zip(new, total))  # nothing carried over: new = total + forward
    values = {0: new, 2: opened, 12: unavailable, 23: total, 24: forward}
    return [(lab, tuple(values.get(i, ZERO))) for i, lab in enumerate(S3_LABELS)]


S2 = ("二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 0 "
      "行政规范性文件 1 0 6 第二十条第（五）项 信息内容 本年处理决定数量 行政许可 212 第二十条第（六）项 信息内容 "
      "本年处理决定数量 行政处罚 9 行政强制 0 第二十条第（八）项 信息内容 本年收费金额（单位：万元） 行政事业性收费 0")
S4 = ("四、政府信息公开行政复议、行政诉讼情况 行政复议 行政诉讼 未经复议直接起诉 复议后起诉 结果维持 结果纠正 其他结果 "
      "尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计 "
      "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0")


def flat_report(rows, cell_sep: str) -> str:
    body = " ".join(f"{lab}{cell_sep}{cell_sep.join(map(str, v))}" for lab, v in rows)
    tail = ("五、存在的主要问题及改进情况 一是解读形式单一，下一步将丰富解读形式。 六、其他需要报告的事项 无。"
            " 某某县农业农村局 2024年1月20日")  # the 落款 (without it: DL410)
    return f"{HEAD} {S2} {S3_HEAD} {body} {S4} {tail}\n"


def s3(text):
    return interpret(parse(text, "text")).stats["s3"]


# -- tokens -------------------------------------------------------------------------------------------

def assert_s2_read(text: str, want: dict[tuple[str, str], int]) -> None:
    """Table 二 of the text report ``text`` is read with ``want``'s numbers at its (row, column) and nothing said of it
    as unread, missing or empty."""
    t = interpret(parse(text, "text")).stats["s2"]
    assert {k: t.get(*k).value.arithmetic for k in want} == want
    assert not codes(lint(text, fmt="text", select=["DL001", "DL110", "DL209"]))


def test_tokens_of_space_separated_cells():
    assert tokens("规章 0 0 0 行政规范性文件 3 1 12") == [
        (0, "规章"), (3, "0"), (5, "0"), (7, "0"), (9, "行政规范性文件"), (17, "3"), (19, "1"), (21, "12")]


def test_tokens_of_cells_run_together():
    assert tokens("行政许可37 规章000") == [(0, "行政许可"), (4, "37"), (7, "规章"), (9, "000")]
    # the digit before "2." is the marker of the next row label
    assert [t for _, t in tokens("（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0000000")] == [
        "（三）不予公开1.属于国家秘密", "0000000", "2.其他法律行政法规禁止公开", "0000000"]
    # header labels run together are cut into known labels, only when they cover the piece
    assert [t for _, t in tokens("行政复议行政诉讼 结果维持结果纠正其他结果尚未审结总计 0 0")] == [
        "行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "0", "0"]


@pytest.mark.parametrize("line", [
    "2023年，我局主动公开政府信息1268条，其中政策文件15件。",
    "本年度 我局 共收到申请 12 件",
    "联系电话 0591-62198833 传真 0591-22982258",
])
def test_prose_is_not_a_table(line):
    assert tokens(line) is None


# -- digit runs ---------------------------------------------------------------------------------------------

def test_split_run_unique():
    assert split_run("487002057", 1, 7) == [(0, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 9)]
    assert split_run("0000000", 1, 7) == [(i, i + 1) for i in range(7)]
    # table 四: three groups, four results adding up to the group's 总计 each
    assert split_run("201031001210001", 3, 5) == [(i, i + 1) for i in range(15)]


@pytest.mark.parametrize(("digits", "groups", "size"), [
    ("183001022", 1, 7),  # 18+3+0+0+1+0=22 and 1+8+3+0+0+10=22
    ("5000004", 1, 7),  # no split adds up
    ("12", 1, 7),  # too short
    ("1" * 60, 1, 7),  # too long
    ("3112", 1, 3),  # no identity for three columns of table 二: not called so; and no sum fits
])
def test_split_run_uncertain(digits, groups, size):
    assert split_run(digits, groups, size) is None


def test_split_run_with_cuts_where_the_page_left_spaces():
    # 20 0 00 0 121 (a real archive's row, written anew): the numbers end at the spaces; 270020130 splits two ways
    # (27 0 0 2 0 1 30 and 2 7 0 0 20 1 30), and a space after 27002 leaves one
    assert split_run("200000121", 1, 7, frozenset({2, 3, 5, 6})) == [(0, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7),
                                                                      (7, 9)]
    assert split_run("270020130", 1, 7) is None
    assert split_run("270020130", 1, 7, frozenset({5})) == [(0, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 9)]
    # a cut no split ends at: none
    assert split_run("487002057", 1, 7, frozenset({1})) is None


def test_split_run_rejects_leading_zeros():
    # 1 0 0 0 0 0 1 is the only split: "01" is never a number
    assert split_run("1000001", 1, 7) == [(i, i + 1) for i in range(7)]


# -- reading a flattened table ---------------------------------------------------------------------------------

def test_space_separated_table_three_is_read_whole():
    text = flat_report(s3_rows(), " ")
    t = s3(text)
    assert len(t.cells) == 25 * 7 and not t.loose and not t.unmapped
    c = t.cells[("new", "total")]
    assert c.value.number == 57
    loc = (c.cell.line, c.cell.column)
    assert text[loc[1] - 1:loc[1] + 1] == "57"
    assert codes(lint(text, fmt="text")) == []


def test_cells_run_together_split_when_certain():
    text = flat_report(s3_rows(), "")
    t = s3(text)
    new = [t.cells[("new", c)].value.number for c in
           ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")]
    assert new == [48, 7, 0, 0, 2, 0, 57]  # 487002057: the only split that adds up
    c = t.cells[("new", "total")]
    assert text[c.cell.column - 1:c.cell.column + 1] == "57" and c.cell.line == 1
    assert t.cells[("result.open", "total")].value.number == 36  # 304002036
    assert codes(lint(text, fmt="text")) == []


def _row(t, rid: str) -> list:
    return [t.cells[(rid, c)].value.number if (rid, c) in t.cells else None for c in
            ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")]


def test_runs_that_split_two_ways_are_settled_by_the_columns():
    # 18 3 0 0 1 0 22 run together also reads as 1 8 3 0 0 10 22, and 14 3 0 0 1 0 18 as 1 4 3 0 0 10 18: of the four
    # combinations only one makes 一 + 二 = （七）总计 + 四 and （七）总计 = 各项办理结果之和 hold down every column
    rows = s3_rows(new=(18, 3, 0, 0, 1, 0, 22), opened=(14, 3, 0, 0, 1, 0, 18))
    text = flat_report(rows, "")
    t = s3(text)
    assert _row(t, "new") == [18, 3, 0, 0, 1, 0, 22] and _row(t, "result.open") == [14, 3, 0, 0, 1, 0, 18]
    assert not t.loose
    assert codes(lint(text, fmt="text")) == []
    # a real archive's shape, numbers anew: 350030139 is 35 0 0 3 0 1 39 or 3 5 0 0 30 1 39
    rows = s3_rows(new=(37, 0, 0, 3, 0, 1, 41), opened=(35, 0, 0, 3, 0, 1, 39))
    t = s3(flat_report(rows, ""))
    assert _row(t, "result.open") == [35, 0, 0, 3, 0, 1, 39]
    assert codes(lint(flat_report(rows, ""), fmt="text")) == []


def test_uncertain_run_goes_to_input_not_arithmetic():
    # the columns cannot settle 183001022 when the report's own 四、结转下年度 fits neither split (2 written 3): the
    # row stays unread (DL001), and no identity is blamed on it
    rows = s3_rows(new=(18, 3, 0, 0, 1, 0, 22), opened=(14, 3, 0, 0, 1, 0, 18))
    rows[24] = (rows[24][0], (3, 0, 0, 0, 0, 0, 3))
    text = flat_report(rows, "")
    t = s3(text)
    assert ("new", "total") not in t.cells
    assert [c.raw for c in t.loose if c.row == "new"] == ["183001022"]
    diags = lint(text, fmt="text")
    assert codes(diags) == ["DL001"]
    assert "一、本年新收政府信息公开申请数量" in diags[0].message
    # nor when no identity down the columns can be worked out (四、结转下年度 left blank): nothing tells the splits apart
    rows[24] = (rows[24][0], ("", "", "", "", "", "", ""))
    t = s3(flat_report(rows, " ").replace("四、结转下年度继续办理      ", "四、结转下年度继续办理").replace(
        " ".join(map(str, (18, 3, 0, 0, 1, 0, 22))), "183001022"))
    assert [c.raw for c in t.loose if c.row == "new"] == ["183001022"]


def test_wrong_total_in_a_run_is_not_blamed_on_the_report():
    rows = s3_rows(new=(48, 7, 0, 0, 2, 0, 58))  # 48+7+2 = 57, not 58: no split adds up
    text = flat_report(rows, "")
    assert codes(lint(text, fmt="text")) == ["DL001"]
    # with spaces between the cells the same row is placed and its total checked
    assert "DL202" in codes(lint(flat_report(rows, " "), fmt="text"))


def test_table_two_runs_only_when_one_digit_per_column():
    text = (f"{HEAD} 二、主动公开政府信息情况 第二十条第（一）项 信息内容本年制发件数本年废止件数现行有效件数 规章000 "
            "行政规范性文件3112 第二十条第（五）项 信息内容本年处理决定数量 行政许可4862 "
            "三、收到和处理政府信息公开申请情况 本年未收到申请。\n")
    t = interpret(parse(text, "text")).stats["s2"]
    assert [t.cells[("rules", c)].raw for c in ("issued", "repealed", "in_force")] == ["0", "0", "0"]
    assert [c.raw for (r, _), c in t.cells.items() if r == "licensing"] == ["4862"]
    assert [c.raw for c in t.loose] == ["3112"]
    found = [d for d in lint(text, fmt="text") if d.code == "DL001"]
    assert len(found) == 1
    assert "“行政规范性文件”行中1个数值所在的列（“3112”可能是这一行几格的数字连在了一起" in found[0].message
    # a number too short to be cells run together is not said to be (规章 5: its empty cells dropped)
    short = lint(text.replace("行政规范性文件3112", "行政规范性文件12"), fmt="text")
    assert [d for d in short if d.code == "DL001" and "连在了一起" in d.message] == []


def test_table_four_run_of_fifteen_digits():
    text = (f"{HEAD} 四、政府信息公开行政复议、行政诉讼情况 行政复议行政诉讼 未经复议直接起诉复议后起诉 "
            "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计 "
            "201031001210001\n")
    t = interpret(parse(text, "text")).stats["s4"]
    assert [t.cells[("cases", c)].raw for c in ("review.upheld", "review.other", "review.total", "direct.total")] \
        == ["2", "1", "3", "2"]


@pytest.mark.parametrize(("numbers", "want"), [
    # real archives' rows (written anew): the page's spaces at some cells' ends only
    ("00 0 00 0 0 0 00 0 0 0 00", ["0", "0", "0", "0"]),
    ("2010 31 00 12 10 001", ["2", "1", "3", "2"]),
])
def test_table_four_digits_with_a_few_spaces_are_one_run_cut_at_them(numbers, want):
    text = (f"{HEAD} 四、政府信息公开行政复议、行政诉讼情况 行政复议行政诉讼 未经复议直接起诉复议后起诉 "
            "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计 "
            f"{numbers}\n")
    t = interpret(parse(text, "text")).stats["s4"]
    assert [t.cells[("cases", c)].raw for c in ("review.upheld", "review.other", "review.total", "direct.total")] == want
    assert t.loose == []


# -- a minus sign or a dash between cells run together (rt-numbers #13) -----------------------------------------

S2_2019 = ("某某区人力资源和社会保障局2019年政府信息公开工作年度报告 一、总体情况 全年办理行政许可142件，作出行政处罚决定17件。 "
           "二、主动公开政府信息情况 第二十条第（一）项 信息内容本年新制作数量本年新公开数量对外公开总数量 规章000 "
           "第二十条第（五）项 信息内容上一年项目数量本年增/减处理决定数量 行政许可{lic} "
           "第二十条第（六）项 信息内容上一年项目数量本年增/减处理决定数量 行政处罚{pen} "
           "第二十条第（八）项 信息内容上一年项目数量本年增/减 行政事业性收费{fee} "
           "三、收到和处理政府信息公开申请情况 本年未收到申请。\n")


def test_a_2019_table_two_run_together_ending_in_an_amount_in_yuan_and_after_a_word_comment():
    """Real archives' table 二 of the 2019 format (written anew): nothing between its cells, the purchase amount written with
    its unit (…政府集中采购156805947.43元, the count and the amount run together: not to be split), and Word's HTML comments
    after the title (<!--[if !supportMisalignedColumns]--><!--[endif]-->) — the whole table was one unread piece."""
    text = ("某某区财政局2019年政府信息公开工作年度报告 一、总体情况 全年主动公开政府信息86条。 "
            "二、主动公开政府信息情况<!--[if !supportMisalignedColumns]--><!--[endif]-->第二十条第（一）项信息内容"
            "本年新制作数量本年新公开数量对外公开总数量规章000第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量"
            "行政许可300第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费00第二十条第（九）项信息内容"
            "采购项目数量采购总金额政府集中采购156805947.43元 三、收到和处理政府信息公开申请情况 本年未收到申请。\n")
    t = interpret(parse(text, "text")).stats["s2"]
    assert [t.cells[("rules", c)].raw for c in ("new_made", "new_published", "total_published")] == ["0", "0", "0"]
    assert t.cells[("licensing", "prev_count")].raw == "3"
    assert [c.raw for c in t.loose] == ["156805947.43元"]
    found = [d for d in lint(text, fmt="text") if d.code == "DL001"]
    assert len(found) == 1 and "政府集中采购" in found[0].message and "各个数值" not in found[0].message
    assert [t for _, t in tokens("规章000<!--[endif]-->行政许可3 0 0")] == ["规章", "000", "行政许可", "3", "0", "0"]


def test_a_sentence_right_before_a_tables_first_cell_is_cut_off_it():
    """Real archives' parts (written anew): the part's one sentence, then its table with nothing between
    (…75条。第二十条第（一）项…, …申请3件。（本列数据…, …行政诉讼情况。行政复议行政诉讼…): the table was unread (DL001),
    hiding a real report's own errors in it; it is read."""
    rows = s3_rows(new=(3, 0, 0, 0, 0, 0, 3), opened=(0,) * 7)
    glued = glued_s3(rows).replace("（本列数据", "2024年，共收到政府信息公开申请3件。（本列数据", 1)
    text = f"{HEAD} {S2} {glued} {S4} {TAIL}\n"
    t = s3(text)
    assert t.cells[("new", "total")].value.number == 3 and t.loose == []
    assert "DL001" not in codes(lint(text, fmt="text"))
    assert [t for _, t in tokens("情况2024年主动公开信息75条。第二十条第（一）项信息内容规章000")][:3] == [
        "情况2024年主动公开信息75条。", "第二十条第（一）项", "信息内容"]


def test_table_four_header_cells_a_page_wrapped_with_a_space_between_their_halves():
    """Real archives' table 四 (written anew): each header cell wrapped on the page, the crawl's space left between its
    halves (结果 维持, 其他 结果, 尚未 审结) and the fifteen numbers with a few spaces: the table was unread, and 审结总计 was
    named as an unknown column of table 三 (DL001), which kept table 三's column sums from being checked."""
    head = ("四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果 纠正其他 结果尚未 审结总计未经复议直接起诉"
            "复议后起诉结果 维持结果 纠正其他 结果尚未 审结总计结果 维持结果 纠正其他 结果尚未 审结总计")
    text = f"{HEAD} {S2} {glued_s3(s3_rows())}{head}1 02 0 312 00 012 0 00 00 {TAIL}\n"
    t = interpret(parse(text, "text")).stats["s4"]
    assert [t.cells[("cases", c)].raw for c in ("review.upheld", "review.other", "review.total", "direct.upheld",
                                                "direct.total", "after_review.total")] == ["1", "2", "3", "12", "12", "0"]
    assert "DL001" not in codes(lint(text, fmt="text"))
    assert [t for _, t in tokens("结果 纠正其他 结果尚未 审结总计")] == ["结果纠正", "其他结果", "尚未审结", "总计"]


def test_rows_left_blank_in_a_table_run_together_are_blank_the_others_read():
    """A real archive's table 三 (written anew): two rows with no number at all (…政府信息公开申请3.其他（七）总计…), their
    labels glued to the next: the whole table was unread (DL001); those rows are blank, the others are read."""
    rows = [(lab, () if lab.startswith(("2.申请人逾期", "3.其他")) else v) for lab, v in s3_rows()]
    text = f"{HEAD} {S2} {glued_s3(rows)} {S4} {TAIL}\n"
    t = s3(text)
    assert t.cells[("new", "total")].value.number == 57 and t.cells[("result.total", "total")].value.number == 38
    assert not any(r == "result.other.other" for r, _ in t.cells) and t.loose == []
    assert "DL001" not in codes(lint(text, fmt="text"))


def test_a_note_in_brackets_after_the_title_before_the_headers_labels():
    """A real archive's table 三 (written anew): 三、收到和处理政府信息公开申请情况（有关情况附表）（本列数据…）申请人情况…其他一、本年新收…
    — the note glued before the header's labels: the piece was one unknown label (taken into table 二, DL001) and
    row 一 was lost with it."""
    glued = glued_s3(s3_rows()).replace("（本列数据", "（有关情况附表）（本列数据", 1)
    text = f"{HEAD} {S2} {glued} {S4} {TAIL}\n"
    t = s3(text)
    assert t.cells[("new", "total")].value.number == 57 and t.loose == []
    assert "DL001" not in codes(lint(text, fmt="text"))
    # a row's marker in brackets is no note: （一）予以公开 stays one cell
    assert next(x for _, x in tokens("（一）予以公开 22 0 0 0 0 0 22")) == "（一）予以公开"


def test_tokens_keep_a_sign_with_its_digits():
    """``6-1142`` is 6 | — | 1142 or 6 | -1 | 142 or 6 | -11 | 42: the run is not cut at the sign."""
    assert [t for _, t in tokens("行政许可6-1142 行政处罚101")] == ["行政许可", "6", "-1142", "行政处罚", "101"]
    assert [t for _, t in tokens("行政事业性收费2-2 行政处罚101")] == ["行政事业性收费", "2", "-2", "行政处罚", "101"]


def test_a_negative_change_run_together_is_not_guessed():
    """(6 | -1 | 142) run together: read as 6 | — | 1142 it would make the prose's 142件 look wrong (DL239);
    the row is not placed: DL001, the tool's reading problem."""
    text = S2_2019.format(lic="6-1142", pen="101017", fee="2-2")
    t = interpret(parse(text, "text")).stats["s2"]
    assert t.get("licensing", "decisions") is None
    assert [(c.row, c.raw) for c in t.loose if c.row == "licensing"] == [("licensing", "6"), ("licensing", "-1142")]
    # two cells, two numbers: the sign can only be the sign of 本年增/减
    assert (t.get("fees", "prev_count").raw, t.get("fees", "change").raw) == ("2", "-2")
    ds = lint(text, select=["DL0", "DL1", "DL2"], fmt="text", year=2019)
    assert "DL239" not in codes(ds) and "DL001" in codes(ds)
    d = next(d for d in ds if d.code == "DL001")
    assert "“行政许可”行中2个数值" in d.message


def test_one_digit_per_column_with_a_sign_is_still_not_split():
    text = S2_2019.format(lic="3-1", pen="101017", fee="20")
    t = interpret(parse(text, "text")).stats["s2"]
    assert t.get("licensing", "decisions") is None and [c.raw for c in t.loose if c.row == "licensing"] == ["3", "-1"]


def test_a_number_between_runs_of_spaces_is_one_cell():
    """Found by the slow property of test_stats_properties.py: a 2019 table 二 split on runs of spaces with its
    empty cells gone (``规范性文件            281``, a lone line to the reader) had its one number split one digit
    per column (2 | 8 | 1) and DL206 (error) said 本年新公开8 > 对外公开总数量1.  A number delimited by tabs
    or a run of spaces is one cell: too few for the row, so it is not placed (DL001)."""
    text = ("青禾市生态环境局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项            \n"
            "信息内容    本年新制作数量    本年新公开数量    对外公开总数量\n规章            \n规范性文件            281\n"
            "三、收到和处理政府信息公开申请情况\n本年未收到申请。\n")
    t = interpret(parse(text, "text")).stats["s2"]
    assert t.get("normative_docs", "new_published") is None
    assert [(c.row, c.raw) for c in t.loose] == [("normative_docs", "281")]
    assert codes(lint(text, select=["DL0", "DL1", "DL2"], fmt="text", year=2020)) == ["DL001"]


# -- table 四 as a PDF's text without its layout: the text's order need not be the table's ----------------

S4_WORDS = ("四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉")
S4_ORDERED = [*S4_WORDS, *(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3),
              "9", "2", "5", "1", "17", "3", "0", "1", "0", "4", "2", "1", "0", "0", "3"]
# the same table as pdftotext (default mode) printed one whose 总计 cells were text blocks of their own: each block's
# total comes after the next block's first numbers, among header words
S4_INTERLEAVED = [*S4_WORDS, "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "9", "2", "5", "1",
                  "结果维持", "结果纠正", "其他结果", "尚未审结", "3", "0", "1", "0", "总计", "17",
                  "结果维持", "结果纠正", "其他结果", "尚未审结", "2", "1", "0", "0", "3", "总计", "4"]


def _lines_report(s4: list[str]) -> str:
    tail = "五、存在的主要问题及改进情况\n一是解读形式单一，下一步将丰富解读形式。\n六、其他需要报告的事项\n无。\n"
    return f"{HEAD}\n" + "\n".join(s4) + "\n" + tail


def test_table_four_one_cell_a_line_in_order_is_read():
    t = interpret(parse(_lines_report(S4_ORDERED), "text")).stats["s4"]
    assert [t.cells[("cases", c)].raw for c in ("review.total", "direct.total", "after_review.total")] \
        == ["17", "4", "3"]
    assert not t.loose


def test_table_four_numbers_among_header_words_are_not_placed():
    """Placed in the text's order, 3 would be the 复议 total (sum 17) and 17 a 诉讼 result: three false DL204."""
    text = _lines_report(S4_INTERLEAVED)
    t = interpret(parse(text, "text")).stats["s4"]
    assert not t.cells and len([c for c in t.loose if c.value.kind != "blank"]) == 15
    found = codes(lint(text, fmt="text"))
    assert "DL204" not in found and "DL001" in found


def test_table_four_a_page_number_among_its_numbers_is_no_header_word():
    """A page break inside the row of numbers (``- 4 -`` on a line of its own) does not make them unplaceable."""
    s4 = [*S4_ORDERED[:-5], "- 4 -", *S4_ORDERED[-5:]]
    t = interpret(parse(_lines_report(s4), "text")).stats["s4"]
    assert [t.cells[("cases", c)].raw for c in ("review.total", "after_review.total")] == ["17", "3"]



def test_table_four_under_litigation_printed_before_review_is_not_placed():
    """pdftotext's own reading order can print the header's 行政诉讼 before 行政复议, and the numbers of the blocks
    in another order than the table's: not placed (DL001), never read as if in the format's order."""
    words = ["四、政府信息公开行政复议、行政诉讼情况", "行政诉讼", "行政复议", "未经复议直接起诉", "复议后起诉"]
    s4 = [*words, *S4_ORDERED[len(S4_WORDS):]]
    t = interpret(parse(_lines_report(s4), "text")).stats["s4"]
    assert not t.cells and len([c for c in t.loose if c.value.kind != "blank"]) == 15


def test_crawled_cells_ending_in_a_pipe_are_a_flattened_table_not_a_grid():
    """A crawler's copy of a page's table: each cell a line ending in " |", a line of pipes only after a row, an
    empty cell a lone "|".  The text reader leaves the lines paragraphs (a grid of one column would lose every
    column: DL110, DL209 on a filled table); the flattened-table reader reads them, empty cells kept."""
    s2 = ("二、主动公开政府信息情况\n第二十条第(一)项 |\n|||\n信息内容 |\n本年制发件数 |\n本年废止件数 |\n现行有效件数 |\n"
          "规章 |\n0 |\n0 |\n0 |\n行政规范性文件 |\n2 |\n1 |\n9 |\n第二十条第(五)项 |\n|||\n信息内容 |\n本年处理决定数量 |\n||\n"
          "行政许可 |\n|\n||\n")
    doc = parse("某某县某某局2023年政府信息公开工作年度报告\n" + s2, "text")
    assert [b.kind for b in doc.blocks].count("table") == 0
    rep = interpret(doc)
    t = rep.stats["s2"]
    assert t.get("normative_docs", "issued").value.arithmetic == 2
    assert t.get("normative_docs", "in_force").value.arithmetic == 9
    assert t.get("licensing", "decisions").value.kind == "blank"
    assert not codes(lint("某某县某某局2023年政府信息公开工作年度报告\n" + s2, fmt="text", select=["DL110", "DL209"]))


def test_crawled_label_whose_pipe_the_page_put_on_the_next_line():
    """A row's label with a line break in its cell: its " |" on the next line, alone (行政规范性文件 / | / 2 | …, two
    real pages).  Read as an empty cell it made the row one cell too long and its numbers unplaceable (DL001); it is
    the label's end.  A row of empty cells keeps its lone pipes as cells (一、本年新收… / | / | / … / 57 |)."""
    s2 = ("二、主动公开政府信息情况\n第二十条第(一)项 |\n|||\n信息内容 |\n本年制发件数 |\n本年废止件数 |\n现行有效件数 |\n"
          "规章 |\n0 |\n0 |\n0 |\n行政规范性文件\n|\n2 |\n1 |\n9 |\n第二十条第(五)项 |\n|||\n信息内容 |\n本年处理决定数量 |\n"
          "||\n行政许可 |\n5 |\n||\n")
    text = "某某县某某局2023年政府信息公开工作年度报告\n" + s2
    t = interpret(parse(text, "text")).stats["s2"]
    assert [t.get("normative_docs", c).value.arithmetic for c in ("issued", "repealed", "in_force")] == [2, 1, 9]
    assert not codes(lint(text, fmt="text", select=["DL001", "DL110"]))
    # (the same lines in a Markdown file: the label and its pipe lines of one paragraph, one block)
    md = interpret(parse(text, "markdown"))
    assert any("行政规范性文件\n|\n2 |" in b.text for b in md.blocks)
    assert md.stats["s2"].get("normative_docs", "in_force").value.arithmetic == 9


def test_pipe_rows_of_two_cells_stay_a_grid():
    text = "某某局2023年政府信息公开工作年度报告\n信息内容 | 本年制发件数 |\n规章 | 0 |\n行政规范性文件 |\n"
    doc = parse(text, "text")
    assert [b.kind for b in doc.blocks] == ["paragraph", "table"]


def test_crawled_cells_whose_rows_end_in_a_lone_pipe():
    """Another crawler: a row's end a lone "|" line (and "| |||" after a title's cell on its line); an empty cell
    is then not told apart from a row's end — a row with one too many cells, the last empty, is its row and end."""
    s2 = ("二、主动公开政府信息情况\n|\n第二十条第(一)项 | |||\n|\n信息内容 |\n本年制发件数 |\n本年废止件数 |\n"
          "现行有效件数 (历史累计) |\n|\n规章 |\n0 |\n0 |\n1 |\n|\n行政规范性文件 |\n5 |\n12 |\n8 |\n|\n"
          "第二十条第(五)项 | |||\n|\n信息内容 |\n本年处理决定数量 | ||\n|\n行政许可 |\n7 | ||\n|\n")
    text = "某某县某某局2023年政府信息公开工作年度报告\n" + s2
    assert_s2_read(text, {("rules", "in_force"): 1, ("normative_docs", "issued"): 5, ("normative_docs", "in_force"): 8,
                          ("licensing", "decisions"): 7})


def test_crawled_table_two_of_mixed_versions_and_a_change_in_words():
    """A 2020 report's table 二 copied one cell per line: 第（一）项 under 2019's columns, 第（五）项 with its change
    written in words (减4: a cell, not a label — its row was cut in two, DL001), 第（八）项 under 2021's 本年收费金额
    (万元: an amount, which may have decimals — not a count of the table's 2019 version, DL205)."""
    text = ("某某县某某局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第(一)项 |\n信息内容 |\n"
            "本年新 制作数量 |\n本年新 公开数量 |\n对外公开总数量 |\n规章 |\n0 |\n0 |\n0 |\n规范性文件 |\n1 |\n1 |\n5 |\n"
            "第二十条第(五)项 |\n信息内容 |\n上一年项目数量 |\n本年增/减 |\n处理决定数量 |\n行政许可 |\n6 |\n减4 |\n2 |\n"
            "第二十条第(八)项 |\n信息内容 |\n本年收费金额(单位:万元) |\n行政事业性收费 |\n282.1 |\n")
    t = interpret(parse(text, "text")).stats["s2"]
    assert t.get("licensing", "decisions").value.arithmetic == 2 and t.get("licensing", "change").raw == "减4"
    assert not codes(lint(text, fmt="text", select=["DL001", "DL205"]))


# a crawler that keeps each table cell's first line: 本年新制作数量 and 本年新公开数量 (written over two lines in
# their cells) both become 本年新, in the format's order before 对外公开总数量
CUT_HEADS = """# 某某镇人民政府2023年政府信息公开工作年度报告

## 二、主动公开政府信息情况

第二十条第(一)项 | ||||
信息内容 | 本年新 | 本年新 | 对外公开总数量 | |
规章 | 0 | 0 | 0 | |
规范性文件 | 3 | 2 | 12 | |
"""


def test_header_cells_cut_to_their_shared_first_line_are_read_in_the_formats_order():
    rep = interpret(parse(CUT_HEADS, "text"))
    t = rep.stats["s2"]
    got = {c: t.cells[("normative_docs", c)].raw for c in ("new_made", "new_published", "total_published")}
    assert got == {"new_made": "3", "new_published": "2", "total_published": "12"}
    assert t.col_labels["new_made"] == "本年新制作数量"
    found = codes(lint(CUT_HEADS, fmt="text"))
    assert "DL001" not in found and "DL109" in found  # the 2019 columns in a 2023 report: read, so reported


def test_one_cut_header_cell_alone_is_not_guessed():
    text = CUT_HEADS.replace("本年新 | 本年新 |", "本年新 | 本年新公开数量 |")
    t = interpret(parse(text, "text")).stats["s2"]
    assert ("normative_docs", "new_made") not in t.cells
    assert "DL001" in codes(lint(text, fmt="text"))


def test_cut_header_cells_one_cell_a_line_are_read_in_the_formats_order():
    # the same crawler's table printed one cell a line, each cell ending in " |"
    lines = ["第二十条第(一)项 | ||||", "信息内容 |", "本年新 |", "本年新 |", "对外公开总数量 | |",
             "规章 |", "0 |", "0 |", "0 | |", "规范性文件 |", "3 |", "2 |", "12 | |"]
    text = "# 某某镇人民政府2020年政府信息公开工作年度报告\n\n## 二、主动公开政府信息情况\n\n" + "\n".join(lines) + "\n"
    t = interpret(parse(text, "text")).stats["s2"]
    got = {c: t.cells[("normative_docs", c)].raw for c in ("new_made", "new_published", "total_published")}
    assert got == {"new_made": "3", "new_published": "2", "total_published": "12"}
    assert t.col_labels["new_published"] == "本年新公开数量"
    assert "DL001" not in codes(lint(text, fmt="text"))


def test_crawled_cells_each_after_a_pipe_with_a_lone_pipe_between_them():
    """A crawler that writes each row's first cell after a pipe (| 规章) and a lone "|" after every cell, the numbers
    on lines of their own: the text reader leaves the lines paragraphs, and the labels are read without the pipe
    (not "| 规章", an unknown label: DL001)."""
    rows = [["第二十条第(一)项"], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "0", "0", "0"],
            ["行政规范性文件", "2", "1", "15"], ["第二十条第(五)项"], ["信息内容", "本年处理决定数量"], ["行政许可", "120"]]
    s2 = "".join("| " + r[0] + "\n|\n" + "".join(c + "\n|\n" for c in r[1:]) + "|\n" for r in rows)
    text = "某某县某某乡人民政府2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n" + s2
    doc = parse(text, "text")
    assert [b.kind for b in doc.blocks].count("table") == 0
    t = interpret(doc).stats["s2"]
    got = {(r, c): t.get(r, c).value.arithmetic for r, c in
           [("normative_docs", "issued"), ("normative_docs", "in_force"), ("licensing", "decisions")]}
    assert got == {("normative_docs", "issued"): 2, ("normative_docs", "in_force"): 15, ("licensing", "decisions"): 120}
    assert not codes(lint(text, fmt="text", select=["DL001", "DL110", "DL209"]))


def test_crawled_first_cells_between_two_pipes_the_others_ending_in_one():
    """A crawler that writes each row's first cell between two pipes (| 规章 |) and every other cell with its end
    after it (0 |), each on a line of its own (a real district bureau's 2025 page): the labels are read without the
    pipes (not "| 规章 |", six unknown labels: DL001)."""
    rows = [["第二十条第(一)项"], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "0", "0", "0"],
            ["行政规范性文件", "2", "1", "15"], ["第二十条第(五)项"], ["信息内容", "本年处理决定数量"], ["行政许可", "47"],
            ["第二十条第(八)项"], ["信息内容", "本年收费金额(单位:万元)"], ["行政事业性收费", "0"]]
    s2 = "".join("| " + r[0] + " |\n" + "".join(c + " |\n" for c in r[1:]) for r in rows)
    text = "某某区某某局2025年政府信息公开工作年度报告\n二、主动公开政府信息情况\n" + s2
    assert_s2_read(text, {("normative_docs", "issued"): 2, ("normative_docs", "in_force"): 15,
                          ("licensing", "decisions"): 47, ("fees", "amount"): 0})


def test_table_two_run_into_one_line_with_empty_cells_between_pipes():
    """A page that ran table 二 into one line, every cell followed by a pipe, its empty cells left as | | (a real
    bureau's 2022 page: 规章 | | | | …): the pipes are no words, the table is read (it was "rows run together",
    DL001); the empty cells stay empty and a value between them keeps its column."""
    line = ("第二十条第(一)项 | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 | 规章 | | 2 | | 行政规范性文件 | 4 | 0 | "
            "4 | 第二十条第(五)项 | 信息内容 | 本年处理决定数量 | 行政许可 | 124件 | 第二十条第(六)项 | 信息内容 | "
            "本年处理决定数量 | 行政处罚 | | 行政强制 | | 第二十条第(八)项 | 信息内容 | 本年收费金额(单位:万元) | "
            "行政事业性收费 |")
    text = ("某某市某某局2022年政府信息公开工作年度报告\n一、总体情况\n2022年，本局主动公开政府信息45条。\n"
            "二、主动公开政府信息情况\n" + line + "\n")
    t = interpret(parse(text, "text")).stats["s2"]
    assert t.get("rules", "issued").value.kind == "blank"
    assert t.get("rules", "repealed").value.arithmetic == 2
    assert (t.get("normative_docs", "in_force").value.arithmetic, t.get("licensing", "decisions").value.arithmetic) \
        == (4, 124)
    assert t.get("penalty", "decisions").value.kind == "blank"
    assert "DL001" not in codes(lint(text, fmt="text"))


def test_table_run_into_one_line_with_pipes_glued_to_the_cells():
    """A crawl that joined a piped table into one line and kept no space on one side of each pipe (… 0 |规章 | 0 | 0 |
    …, rows parted by || ): the pipes are cut off the words (the labels were "|规章", "0|规范性文件": DL001 for the
    whole table, then for seven labels)."""
    s2 = ("二、主动公开政府信息情况第二十条第(一)项 |信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |规章 | 0 | 0 | "
          "0 |规范性文件 | 2 | 2 | 31 |第二十条第(五)项 |信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |行政许可 | "
          "12 | 0 | 57 |其他对外管理服务事项 | 0 | 0 | 0 |第二十条第(六)项 |信息内容 | 上一年项目数量 | 本年增/减 | "
          "处理决定数量 |行政处罚 | 3 | -1 | 46 |行政强制 | 1 | 0 | 0 |")
    s3 = ("三、收到和处理政府信息公开申请情况 (本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 | "
          "|||||||| 自然人 | 法人或其他组织 | | ||||||| 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 | |||| "
          "一、本年新收政府信息公开申请数量 | 4 | 1 | 0 | 0 | 0 | 0 | 5 | || 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | "
          "0 | 0 | 0 | 0 | ||")
    text = "某某县某某局2019年政府信息公开工作年度报告一、总体情况2019年，本局主动公开政府信息120条。" + s2 + s3
    report = interpret(parse(text, "text"))
    t2, t3 = report.stats["s2"], report.stats["s3"]
    assert (t2.get("normative_docs", "total_published").value.arithmetic, t2.get("licensing", "decisions").value.arithmetic,
            t2.get("penalty", "change").value.arithmetic) == (31, 57, -1)
    assert [t3.get("new", c).value.arithmetic for c in ("natural_person", "commercial", "total")] == [4, 1, 5]
    assert "DL001" not in codes(lint(text, fmt="text"))


def test_lines_of_three_pipes_between_cells_are_separators_not_part_of_a_label():
    # a page copied one cell per line, a lone "|" after each cell and "|||" or "||||" where the empty cells were
    cells = ["第二十条第(一)项", "|", "||||", "信息内容", "|", "本年制发件数", "|", "本年废止件数", "|", "现行有效件数", "|",
             "|", "规章", "|", "0", "|", "0", "|", "0", "|", "|", "规范性文件", "|", "1", "|", "0", "|", "6", "|", "|",
             "第二十条第(五)项", "|", "||||", "信息内容", "|", "本年处理决定数量", "|", "|||", "行政许可", "|", "2910", "|",
             "|||", "第二十条第(六)项", "|", "||||", "信息内容", "|", "本年处理决定数量", "|", "|||", "行政处罚", "|", "46",
             "|", "|||", "行政强制", "|", "0", "|", "|||", "第二十条第(八)项", "|", "||||", "信息内容", "|",
             "本年收费金额(单位:万元)", "|", "|||", "行政事业性收费", "|", "0.092", "|", "|||", "|", "|", "|", "|", "|"]
    text = "某某街道2021年政府信息公开工作年度报告\n一、总体情况\n本街道认真贯彻《条例》。\n二、主动公开政府信息情况\n" \
           + "\n".join(cells) + "\n"
    rep = interpret(parse(text, "text"))
    t = rep.stats["s2"]
    assert t.cells[("licensing", "decisions")].raw == "2910" and t.cells[("penalty", "decisions")].raw == "46"
    assert t.cells[("normative_docs", "in_force")].raw == "6"
    assert t.cells[("fees", "amount")].raw == "0.092" and not t.loose  # the pipes the page left after the table: none
    assert "DL001" not in codes(lint(text, fmt="text", select=["DL001"]))


# -- a table with nothing at all between its cells and rows (real crawls' text without separators) -------------------

GLUED_HEAD = ("三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况"
              "自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他")
TAIL = ("五、存在的主要问题及改进情况 一是解读形式单一，下一步将丰富解读形式。 六、其他需要报告的事项 无。"
        " 某某县农业农村局 2024年1月20日")


def glued_s3(rows) -> str:
    return GLUED_HEAD + "".join(f"{lab}{''.join(map(str, v))}" for lab, v in rows)


def test_a_table_run_together_whole_is_read_where_its_runs_split_with_certainty():
    """A real archive's text (written anew): table 三 with nothing between header, labels and numbers
    (…法律服务机构其他一、本年新收政府信息公开申请数量487002057二、上年结转…) — one piece of ≈ 1,000 characters, and the
    header's last label glued to the first row's — was not read at all (DL001 for every number)."""
    text = f"{HEAD} {S2} {glued_s3(s3_rows())} {S4} {TAIL}\n"
    t = s3(text)
    assert [t.cells[("new", c)].value.number for c in ("natural_person", "commercial", "legal_service", "total")] \
        == [48, 7, 2, 57]
    assert t.cells[("result.total", "total")].value.number == 38 and t.loose == []
    assert codes(lint(text, fmt="text")) == []


def test_a_run_together_table_with_a_space_inside_its_header_is_read_too():
    """A real archive's text (written anew): the same table with one space, after the header's first line (申请人情况…总计
    商业企业…其他一、本年新收…): the piece after it begins with the header's labels run together, then the first row's
    label — its first rows were left out without a word (neither read nor named by DL001)."""
    glued = glued_s3(s3_rows()).replace("总计商业企业", "总计 商业企业")
    text = f"{HEAD} {S2} {glued} {S4} {TAIL}\n"
    t = s3(text)
    assert [t.cells[("new", c)].value.number for c in ("natural_person", "commercial", "legal_service", "total")] \
        == [48, 7, 2, 57]
    assert t.cells[("carried_over", "total")].value.number is not None and t.loose == []
    assert codes(lint(text, fmt="text")) == []
    assert [x for _, x in tokens("总计 商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量640020470")] == [
        "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "一、本年新收政府信息公开申请数量", "640020470"]


def test_a_label_a_page_wrap_cut_with_a_space_is_read_whole():
    """The same text with a space where the page wrapped a label (三、本年度办 理结果, 社会公益 组织 法律服务 机构 其他): the
    label's pieces are one cell; a space before a numbered label is a real boundary ((四)无 1.本机关…: two labels)."""
    glued = glued_s3(s3_rows()).replace("本年度办理结果", "本年度办 理结果") \
        .replace("社会公益组织法律服务机构其他", "社会公益 组织 法律服务 机构 其他")
    text = f"{HEAD} {S2} {glued} {S4} {TAIL}\n"
    t = s3(text)
    assert t.cells[("result.open", "total")].value.number == 36
    assert codes(lint(text, fmt="text")) == []
    assert [x for _, x in tokens("（四）无 1.本机关不掌握相关政府信息 2 0 0 0 0 0 2")][:2] == ["（四）无", "1.本机关不掌握相关政府信息"]


def test_a_run_together_table_cut_in_a_row_is_a_cut_in_the_table():
    """Cut after the first two numbers of a row (…3.危及“三安全一稳定”00): the text ends in table 三 (DL002 names the
    row), not in a sentence; no missing 落款 is reported for a cut file."""
    glued = glued_s3(s3_rows())
    text = f"{HEAD} {S2} {glued[:glued.index('4.保护第三方')].rstrip('0')}00\n"
    found = lint(text, fmt="text")
    [cut] = [d for d in found if d.code == "DL002"]
    assert "在表三（收到和处理政府信息公开申请情况）中中断" in cut.message and "3.危及“三安全一稳定”" in cut.message
    assert "DL410" not in codes(found)


def test_a_header_label_a_space_cut_at_the_very_end_is_a_cut_in_the_table():
    """A real crawl cut in table 二's header whose last label the page wrapped (…| 本年新 公开数量): a cut in table 二, not
    a table published without numbers (DL209, an error)."""
    text = (f"{HEAD} 二、主动公开政府信息情况 第二十条第（一）项 | 信息内容 | 本年新 制作数量 | 本年新 公开数量\n")
    found = lint(text, fmt="text", year=2020)
    assert "DL209" not in codes(found)
    [cut] = [d for d in found if d.code == "DL002"]
    assert "在表二（主动公开政府信息情况）中中断" in cut.message


def test_a_row_of_zeros_whose_spaces_the_page_scattered_is_seven_zeros():
    """A real archive's rows (written anew): 0 00 0 0 00 — seven zeros, the spaces between them where the page's
    nodes left them: every cell is 0, whatever the spaces; six zeros for seven cells stay unplaced (DL001)."""
    row = "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0"
    base = flat_report(s3_rows(), " ")
    assert row in base
    text = base.replace(row, "二、上年结转政府信息公开申请数量 0 00 0 0 00")
    t = s3(text)
    assert [t.cells[("carried_over", c)].value.number for c in ("natural_person", "other_org", "total")] == [0, 0, 0]
    assert codes(lint(text, fmt="text")) == []
    short = base.replace(row, "二、上年结转政府信息公开申请数量 0 00 0 0 0")
    assert "DL001" in codes(lint(short, fmt="text"))


def test_a_row_whose_spaces_the_page_left_at_some_cells_ends_is_split_at_them():
    """A real archive's rows (written anew): 200 000121 and 20 0 00 0 121 — the row's digits with spaces where the page's
    nodes ended, not between every cell: one run whose numbers end at the spaces, split when certain (20 0 0 0 0 1 21);
    then the column sums are checked as in any table (the report's own error, DL203, not the tool's)."""
    new = (20, 0, 0, 0, 0, 1, 21)
    opened = (18, 0, 0, 0, 0, 1, 19)
    base = flat_report(s3_rows(new=new, opened=opened), " ")
    row = "一、本年新收政府信息公开申请数量 20 0 0 0 0 1 21"
    assert row in base
    text = base.replace(row, "一、本年新收政府信息公开申请数量 200 000121")
    t = s3(text)
    assert [t.cells[("new", c)].value.number for c in ("natural_person", "other_org", "total")] == [20, 1, 21]
    assert codes(lint(text, fmt="text")) == []
    total = "（七）总计 20 0 0 0 0 1 21"
    assert total in base
    # 总计 written 26 where its rows add up to 21 (natural persons: 20): the column sums no longer hold
    wrong = base.replace(row, "一、本年新收政府信息公开申请数量 20 0 00 0 121") \
        .replace(total, "（七）总计 26 0 00 0 127")
    t = s3(wrong)
    assert [t.cells[("new", c)].value.number for c in ("natural_person", "total")] == [20, 21]
    assert t.cells[("result.total", "natural_person")].value.number == 26
    assert "DL203" in codes(lint(wrong, fmt="text"))
    # several splits fit: the row is named as unread (DL001), not guessed
    unsure = base.replace(row, "一、本年新收政府信息公开申请数量 270020130")
    assert "DL001" in codes(lint(unsure, fmt="text"))


def test_prose_words_are_never_joined(monkeypatch):
    """Only a piece that is no cell and holds no sentence is joined with the words after it: a flattened page's prose
    is looked at once per word (the joins would otherwise try every word two more times)."""
    from disclosure_lint.report.stats import runs

    calls = []
    real = runs.cells
    monkeypatch.setattr(runs, "cells", lambda piece: calls.append(piece) or real(piece))
    line = " ".join(["2023年，本局认真贯彻《条例》，全年主动公开政府信息86条。"] * 50)
    assert runs.tokens(line) is None and len(calls) == 50


def test_a_row_of_table_three_with_fewer_numbers_than_columns_says_why():
    # a crawl that dropped the page's empty cells (一、本年新收… 57 57): which cell each number was in is lost; said once
    text = flat_report(s3_rows(), " ").replace("48 7 0 0 2 0 57", "57 57").replace("30 4 0 0 2 0 36", "36 36")
    found = [d for d in lint(text, fmt="text") if d.code == "DL001"]
    assert len(found) == 1
    msg = found[0].message
    assert "“一、本年新收政府信息公开申请数量”行中2个数值所在的列（只有2个数，少于表三的栏数：空白的格子可能在转存时丢了" in msg
    assert msg.count("少于表三的栏数") == 1 and "连在了一起" not in msg
