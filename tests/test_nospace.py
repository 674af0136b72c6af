"""Text with nothing between the page's text nodes (a minified page's ``textContent``): titles glued to the
table text before them are still found, and a table whose labels and digits ran together is said to be
unreadable (DL001), never missing (DL105) — rt-web #2 (report/inline.py, report/unread.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_lint.report import interpret

from . import render
from .conftest import lint, parse

ROOT = Path(__file__).resolve().parents[1]

NOSPACE = (  # a 街道 report as a minified page's textContent: nothing between the text nodes

    "临江市东湖区新桥街道办事处2022年政府信息公开工作年度报告"
    "一、总体情况2022年，新桥街道认真贯彻落实《条例》，全年主动公开政府信息287条，未发生因公开不当引发的泄密事件。"
    "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件000"
    "第二十条第（五）项信息内容本年处理决定数量行政许可0第二十条第（六）项信息内容本年处理决定数量行政处罚0行政强制0"
    "第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0"
    "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
    "一、本年新收政府信息公开申请数量33二、上年结转政府信息公开申请数量三、本年度办理结果（一）予以公开22"
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）（三）不予公开1.属于国家秘密2.其他法律行政法规禁止公开"
    "3.危及“三安全一稳定”4.保护第三方合法权益5.属于三类内部事务信息6.属于四类过程性信息7.属于行政执法案卷8.属于行政查询事项"
    "（四）无法提供1.本机关不掌握相关政府信息112.没有现成信息需要另行制作3.补正后申请内容仍不明确"
    "（五）不予处理1.信访举报投诉类申请2.重复申请3.要求提供公开出版物4.无正当理由大量反复申请5.要求行政机关确认或重新出具已获取信息"
    "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请3.其他（七）总计33四、结转下年度继续办理"
    "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉"
    "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计000000000000000"
    "五、存在的主要问题及改进情况2022年，我街道政务公开工作仍存在一些问题：一是公开内容与群众需求还有差距；"
    "二是信息员业务水平有待提高。下一步，我街道将加强培训，提升公开质量。"
    "六、其他需要报告的事项本年度新桥街道未收取信息处理费，无其他需要报告的事项。新桥街道办事处2023年1月13日\n"
)


def test_titles_glued_to_table_text_are_found():
    rep = interpret(parse(NOSPACE, "text"))
    assert [s.id for s in rep.sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    s4 = rep.sections_by_id["s4"]
    assert s4.heading.text == "四、政府信息公开行政复议、行政诉讼情况"
    assert s4.heading.column == NOSPACE.index("四、政府信息公开") + 1
    assert rep.agency.kind == "street_office" and rep.year == 2022


def test_unreadable_tables_are_input_findings_not_missing_ones():
    # (DL805: the page says 《条例》 without naming it first, the clerk's, not the reading's; DL120: its overview is one
    # sentence on 主动公开 alone)
    ds = [d for d in lint(NOSPACE, fmt="text") if d.code not in ("DL701", "DL805", "DL120")]
    # table 三's empty cells vanished: its rows' labels glued (…申请数量三、本年度办理结果…); a row without any number is
    # read blank, the others' numbers (33: 3 and 3 with their empty cells gone) cannot be placed: DL001 names those rows
    assert [(d.code, d.severity, d.column) for d in ds] == [("DL001", "warning", NOSPACE.index("（本列数据") + 1)]
    assert "表三中的“一、本年新收政府信息公开申请数量”行中1个数值" in ds[0].message and ds[0].evidence["table"] == "s3"
    rep = interpret(parse(NOSPACE, "text"))
    assert sorted(rep.unread_tables) == [] and [c.raw for c in rep.stats["s3"].loose] == ["33", "22", "11", "33"]
    # table 二 run together is read: its sub-headers (第二十条第（一）项…) are labels, one digit a column (规章000)
    s2 = rep.stats["s2"]
    assert {k: c.value.number for k, c in s2.cells.items() if k[0] in ("rules", "licensing")} == {
        ("rules", "issued"): 0, ("rules", "repealed"): 0, ("rules", "in_force"): 0, ("licensing", "decisions"): 0}
    assert s2.loose == []


def test_a_table_whose_row_breaks_were_lost_between_pipes_is_read_not_missing():
    """A crawl keeping each cell's | but not the rows' line breaks, joined with nothing (a real excerpt so joined had
    a DL105 error): the table is there, never missing; its cells are delimited, so it is read (it was DL001, "rows run
    together", until the pipes glued to the cells were cut off them)."""
    piped = ("某某区统计局2023年政府信息公开工作年度报告一、总体情况2023年，我局主动公开政府信息50条。"
             "二、主动公开政府信息情况第二十条第(一)项 ||||信息内容 |本年制发件数 |本年废止件数 |现行有效件数 |"
             "规章 |/ |/ |/ |行政规范性文件 |0 |0 |0 |第二十条第(五)项 ||||信息内容 |本年处理决定数量 |||行政许可 |0 |||"
             "三、收到和处理政府信息公开申请情况本年未收到申请。")
    ds = [d for d in lint(piped, fmt="text", year=2023) if d.code in ("DL001", "DL105")]
    assert ds == []
    s2 = interpret(parse(piped, "text")).stats["s2"]
    assert [s2.get("rules", c).value.kind for c in ("issued", "repealed", "in_force")] == ["slash"] * 3
    assert [s2.get(r, c).value.number for r, c in (("normative_docs", "in_force"), ("licensing", "decisions"))] == [0, 0]


def test_a_part_without_its_table_is_still_reported():
    """Labels named in a sentence are not a table: the part's missing table is still an error."""
    text = NOSPACE.replace(NOSPACE[NOSPACE.index("第二十条第（一）项"):NOSPACE.index("三、收到和处理")],
                           "本年制发规章0件、行政规范性文件3件，作出行政许可决定1268件、行政处罚决定1257件。")
    ds = [d for d in lint(text, fmt="text") if d.code in ("DL001", "DL105")]
    assert [(d.code, d.severity) for d in ds][:1] == [("DL105", "error")]
    assert "二、主动公开政府信息情况" in ds[0].message


@pytest.mark.parametrize("name", ["clean-2023.md"])
def test_the_clean_example_with_nothing_between_its_nodes(name):
    md = (ROOT / "examples" / name).read_text(encoding="utf-8")
    text = render.to_flat(md, cell_sep="", joiner="")
    rep = interpret(parse(text, "text"))
    assert [s.id for s in rep.sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert {d.code for d in lint(text, fmt="text") if d.code != "DL701"} <= {"DL001"}
