"""A PDF's text as ``pdftotext`` prints it without ``-layout`` (its default mode), written here from scratch.

Four shapes seen in the corpus reports converted that way, each with the finding it used to give:

* a page break is a form feed at the start of the next page's first line (``\\f（三）…``): the item was not read as
  （三）, so DL902 said （二） was followed by （四）;
* table 三's vertical group label printed across as one letter-spaced line (``三 、本 年 度办 理 结果``): read as a part
  of the report not among the six (DL107);
* the text with its line breaks lost: part 三's title glued to table 二's last label and followed by table 三's first
  words (``行政事业性收费三、收到和处理政府信息公开申请情况申请人情况…``) was not taken as the title (DL101, an
  *error*), and table 三 run together with its row markers (``0000000（一）予以公开``) was not said to be unread;
* a header printed word by word over lines, run together (``结果结果其他结尚未维持纠正``): a doubled word (DL901).
"""

from __future__ import annotations

from disclosure_lint.report import interpret
from disclosure_lint.report.sections import heading_of
from disclosure_lint.report.unread import _run

from .conftest import codes, lint, parse

TITLE = "某某区司法局2023年政府信息公开工作年度报告"


def test_a_form_feed_starts_a_page_not_an_item():
    text = (f"{TITLE}\n一、总体情况\n（一）主动公开情况。全年主动公开政府信息86条。\n（二）依申请公开情况。全年收到申请3件。\n"
            "-1-\n\n\f（三）政府信息管理情况。及时更新政策文件库。\n（四）平台建设情况。优化栏目设置。\n")
    doc = parse(text, "text")
    (item,) = [b for b in doc.blocks if "政府信息管理情况" in b.text]
    assert item.text.startswith("（三）") and (item.line, item.column) == (7, 2)
    assert "DL902" not in codes(lint(text, fmt="text"))


def test_a_form_feed_line_alone_is_blank():
    doc = parse(f"{TITLE}\n\f\n一、总体情况\n", "text")
    assert [b.text for b in doc.blocks] == [TITLE, "一、总体情况"]


def test_letter_spaced_group_label_of_table_three_is_no_part():
    assert heading_of("三 、本 年 度办 理 结果", False) is None
    assert heading_of("三、本年度办理结果", False) is None
    assert heading_of("三、收到和处理政府信息公开申请情况", True) is not None  # the part itself still is


S2_FLAT = ("二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件125"
           "第二十条第（五）项信息内容本年处理决定数量行政许可36第二十条第（六）项信息内容本年处理决定数量行政处罚12行政强制0"
           "第二十条第（八）项信息内容本年收费金额（单位：万元）0行政事业性收费")
S3_FLAT = ("三、收到和处理政府信息公开申请情况申请人情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
           "法人或其他组织自然人社会 法律商业 科研公益 服务 其他企业 机构组织 机构总计3000003二、上年结转政府信息公开申请数量"
           "0000000（一）予以公开2000002（二）部分公开（区分处理的，只计这一情形，不计其他情形）0000000")
S4_FLAT = ("四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼未经复议直接起诉复议后起诉结果结果其他结尚未维持纠正果审结"
           "总计100011000000000")
TAIL = "五、存在的主要问题及改进情况一是政策解读形式单一。下一步将丰富解读形式。六、其他需要报告的事项无。"


def _one_line() -> str:
    head = f"{TITLE}一、总体情况 全年主动公开政府信息86条，收到政府信息公开申请3件，均按时答复。"
    return head + S2_FLAT + S3_FLAT + S4_FLAT + TAIL + "\n"


def test_glued_part_three_title_before_its_table_is_the_part():
    text = _one_line()
    report = interpret(parse(text, "text"))
    assert [s.id for s in report.structure.mains] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    found = codes(lint(text, fmt="text"))
    assert "DL101" not in found


def test_table_three_run_together_with_row_markers_is_said_unread():
    """Row markers between a label and the next (0000000（一）予以公开) do not break the run of labels."""
    text = ("申请人情况法人或其他组织自然人总计3000003二、上年结转政府信息公开申请数量0000000（一）予以公开2000002"
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）0000000")
    (block,) = parse(text, "text").blocks
    run = _run("s3", block)
    assert run is not None and run.labels >= 5 and text[run.start:run.end].startswith("申请人情况")
    # a sentence naming the same things is not a run
    (prose,) = parse("本年新收政府信息公开申请数量3件，其中（一）予以公开2件，不予公开1件。", "text").blocks
    assert _run("s3", prose) is None


def test_one_line_report_gives_no_error():
    """What the one-line text cannot give is said as input (DL001), never as the report's error."""
    found = lint(_one_line(), fmt="text")
    assert [d.code for d in found if d.severity == "error"] == []
    assert {d.message[:9] for d in found if d.code == "DL001"} >= {"工具未能识别表二中", "工具未能识别表四中"}


def test_header_pieces_run_together_are_no_doubled_word():
    assert "DL901" not in codes(lint(_one_line(), fmt="text"))
    # the same pieces in a sentence, doubled, are still a doubled word
    prose = f"{TITLE}\n一、总体情况\n复议的结果结果，已全部按时公开。\n"
    assert "DL901" in codes(lint(prose, fmt="text"))


# -- with -layout: a row label cut in two, its end printed after the row's numbers, the last line of the table ----------

LAYOUT_S3 = """\
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量          5     0     0     0     0     0     5
二、上年结转政府信息公开申请数量          0     0     0     0     0     0     0
      （一）予以公开                     3     0     0     0     0     0     3
      （二）部分公开（区分处理的，只计这一情
                                         2     0     0     0     0     0     2
      形，不计其他情形）
"""


def test_a_bracket_of_a_cut_row_label_closes_after_the_table():
    text = f"{TITLE}\n{LAYOUT_S3}"
    doc = parse(text, "text")
    assert any(b.kind == "paragraph" and b.text == "形，不计其他情形）" for b in doc.blocks)
    assert "DL703" not in codes(lint(text, fmt="text", select=["DL703"]))
    # the end not right after the table: the open mark and the closing one are both reported
    apart = text.replace("      形，不计其他情形）\n", "本年度无其他情况。\n形，不计其他情形）\n")
    assert codes(lint(apart, fmt="text", select=["DL703"])) == ["DL703", "DL703"]


# our generator's report 0002-2020 rendered to PDF (tests/render.py, 2019 format: narrow label cells) and printed by
# pdftotext 22.12 -raw: each label over two or three lines, its numbers on a line of their own
S3_RAW = """\
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，
等于第三项加第四项之和）
自然人
商业企
业
科研机
构
社会公
益组织
法律服
务机构
其他 总计
一、本年新收政府信息公开申请数量 9 2 0 0 2 1 14
二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1
三、本年度办理结果
（一）予以公开 4 0 0 0 1 0 5
（二）部分公开（区分处理
的，只计这一情形，不计其他
情形）
1 1 0 0 0 0 2
（三）不予公开
1.属于国家
秘密
0 0 0 0 0 0 0
2.其他法律
行政法规禁
止公开
1 0 0 0 0 0 1
3.危及“三
安全一稳
定”
0 0 0 0 0 0 0
4.保护第三
方合法权益
0 0 0 0 0 0 0
5.属于三类
内部事务信
息
0 0 0 0 0 0 0
6.属于四类
过程性信息
0 0 0 0 0 0 0
7.属于行政
执法案卷
0 0 0 0 0 0 0
8.属于行政
查询事项
0 0 0 0 0 0 0
（四）无法提供
1.本机关不
掌握相关政
府信息
0 1 0 0 0 0 1
2.没有现成
信息需要另
行制作
1 0 0 0 0 0 1
3.补正后申
请内容仍不
明确
2 0 0 0 0 0 2
（五）不予处理
1.信访举报
投诉类申请
0 0 0 0 0 0 0
- 4 -
2.重复申请 0 0 0 0 0 1 1
3.要求提供
公开出版物
0 0 0 0 0 0 0
4.无正当理
由大量反复
申请
0 0 0 0 0 0 0
5.要求行政
机关确认或
重新出具已
获取信息
1 0 0 0 0 0 1
（六）其他处理 0 0 0 0 0 0 0
（七）总计 10 2 0 0 1 1 14
四、结转下年度继续办理 0 0 0 0 1 0 1
"""


def test_a_table_s_labels_on_lines_of_their_own_are_no_numbered_list():
    """1.信访举报 / 投诉类申请 / 0 0 0 0 0 0 0 / 2.重复申请 0 0 0 0 0 1 1 / 3.要求提供 …: the table's cells, not a list
    whose 2. is missing (DL902)."""
    text = f"{TITLE}\n一、总体情况\n本年度收到申请14件。\n{S3_RAW}四、政府信息公开行政复议、行政诉讼情况\n本年度无。\n"
    assert "DL902" not in codes(lint(text, fmt="text", select=["DL902"]))
    # a numbering slip in the prose before the table is still found
    slip = text.replace("本年度收到申请14件。", "1.本年度收到申请14件。\n3.均按时答复。")
    assert "DL902" in codes(lint(slip, fmt="text", select=["DL902"]))


def test_table_three_s_group_label_cut_before_its_last_word_is_no_part():
    assert heading_of("三、本年度办理", False) is None  # 结果 on the next line
