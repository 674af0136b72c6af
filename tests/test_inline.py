"""Headings found inside flattened blocks (report/inline.py): split points, anchors, false splits, typos.

Fixtures are text as crawlers keep it: the whole report on one or a few lines, blocks joined by a space
(or by nothing), portal metadata right after the title, tables with their cells separated by spaces.
"""

from __future__ import annotations

import pytest

from disclosure_lint.readers import html as html_reader
from disclosure_lint.report import interpret
from disclosure_lint.report.catalogue import match_section, typo_of

from .conftest import NO_SHARED, OVERVIEW_TOPICS, SHARED, codes, lint, parse

T2 = ("第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 0 行政规范性文件 1 0 6 "
      "第二十条第（五）项 信息内容 本年处理决定数量 行政许可 212 第二十条第（六）项 信息内容 本年处理决定数量 "
      "行政处罚 9 行政强制 0 第二十条第（八）项 信息内容 本年收费金额（单位：万元） 行政事业性收费 0")
T3_ROWS = (
    ("一、本年新收政府信息公开申请数量", "6 1 0 0 0 0 7"),
    ("二、上年结转政府信息公开申请数量", "1 0 0 0 0 0 1"),
    ("三、本年度办理结果 （一）予以公开", "3 1 0 0 0 0 4"),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1 0 0 0 0 0 1"),
    ("（三）不予公开 1.属于国家秘密", "0 0 0 0 0 0 0"),
    ("2.其他法律行政法规禁止公开", "0 0 0 0 0 0 0"),
    ("3.危及“三安全一稳定”", "0 0 0 0 0 0 0"),
    ("4.保护第三方合法权益", "0 0 0 0 0 0 0"),
    ("5.属于三类内部事务信息", "0 0 0 0 0 0 0"),
    ("6.属于四类过程性信息", "0 0 0 0 0 0 0"),
    ("7.属于行政执法案卷", "0 0 0 0 0 0 0"),
    ("8.属于行政查询事项", "0 0 0 0 0 0 0"),
    ("（四）无法提供 1.本机关不掌握相关政府信息", "2 0 0 0 0 0 2"),
    ("2.没有现成信息需要另行制作", "0 0 0 0 0 0 0"),
    ("3.补正后申请内容仍不明确", "0 0 0 0 0 0 0"),
    ("（五）不予处理 1.信访举报投诉类申请", "0 0 0 0 0 0 0"),
    ("2.重复申请", "0 0 0 0 0 0 0"),
    ("3.要求提供公开出版物", "0 0 0 0 0 0 0"),
    ("4.无正当理由大量反复申请", "0 0 0 0 0 0 0"),
    ("5.要求行政机关确认或重新出具已获取信息", "0 0 0 0 0 0 0"),
    ("（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "0 0 0 0 0 0 0"),
    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "0 0 0 0 0 0 0"),
    ("3.其他", "0 0 0 0 0 0 0"),
    ("（七）总计", "6 1 0 0 0 0 7"),
    ("四、结转下年度继续办理", "1 0 0 0 0 0 1"),
)
T3 = ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况 自然人 法人或其他组织 总计 "
      "商业企业 科研机构 社会公益组织 法律服务机构 其他 " + " ".join(f"{a} {b}" for a, b in T3_ROWS))
T4 = ("行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉 "
      "结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计 "
      "1 0 0 0 1 0 0 0 0 0 0 0 0 0 0")
TITLE = "某某县司法局2023年政府信息公开工作年度报告"
PARTS = [
    TITLE,
    "发布日期：2024-01-19 浏览次数：42",
    "本报告依据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限为2023年1月1日至12月31日。",
    "一、总体情况",
    "2023年，我局围绕法治政府建设推进政府信息公开，全年未发生泄密事件。" + OVERVIEW_TOPICS,
    "（一）主动公开",
    "全年在县政府门户网站司法局专栏主动公开政府信息318条，其中行政处罚决定9件。",
    "（二）依申请公开",
    "本年新收政府信息公开申请7件，上年结转1件，办结7件，结转下年度继续办理1件。",
    "二、主动公开政府信息情况", T2,
    "三、收到和处理政府信息公开申请情况", T3,
    "四、政府信息公开行政复议、行政诉讼情况", T4,
    "五、存在的主要问题及改进情况",
    "一是政策解读形式较为单一，二是栏目更新不够及时。下一步将丰富解读形式，按月检查栏目。",
    "六、其他需要报告的事项",
    "本年度未收取信息处理费。",
    "某某县司法局",
    "2024年1月19日",
]
FLAT = " ".join(PARTS)


def report(text: str, fmt: str = "text"):
    return interpret(parse(text, fmt))


def texts(rep) -> list[str]:
    return [b.text for b in rep.blocks]


# -- split points --------------------------------------------------------------------------------

def test_flattened_report_is_split_into_title_sections_subitems_paragraphs_and_signature():
    rep = report(FLAT)
    assert [s.id for s in rep.sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    t = texts(rep)
    assert t[0] == TITLE and rep.title == TITLE
    # the portal line stays whole (another analysis reads it), in the block after the title
    assert t[1].startswith("发布日期：2024-01-19 浏览次数：42 本报告依据")
    assert "一、总体情况" in t and "（一）主动公开" in t and "（二）依申请公开" in t
    assert t[-2:] == ["某某县司法局", "2024年1月19日"]
    heads = {h.text: h.kind for h in rep.inline.headings}
    assert heads[TITLE] == "title" and heads["（二）依申请公开"] == "subitem"
    assert heads["四、政府信息公开行政复议、行政诉讼情况"] == "section"
    # table row labels that look like parts are not split
    assert not any(b.text.startswith(("一、本年新收", "三、本年度办理结果", "四、结转下年度")) for b in rep.blocks)
    assert rep.published is not None and rep.published.isoformat() == "2024-01-19"
    assert rep.agency.name == "某某县司法局" and rep.year == 2023


def test_flattened_report_is_quiet():
    diags = lint(FLAT, fmt="text")
    assert [(d.code, d.message) for d in diags if d.code not in ("DL403", "DL404")] == []


def test_title_after_portal_navigation():
    text = "首页 政务公开 政府信息公开年报 部门年报 " + FLAT.replace("发布日期：", "发布时间：")
    rep = report(text)
    assert rep.inline.headings[0].kind == "title" and rep.inline.headings[0].text == TITLE
    assert [s.id for s in rep.sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]


@pytest.mark.parametrize("note", ["（此件主动公开）", "(此件公开发布)"])
def test_a_signature_followed_by_the_documents_disclosure_note(note):
    # a real report's end (written anew): the 落款 and the 公文's disclosure note after it, nothing between the nodes
    text = FLAT.replace("本年度未收取信息处理费。 ", "").replace("2024年1月19日", f"2024年1月19日 {note}")
    rep = report(text)
    assert rep.signature_mention is not None and rep.signature_mention.raw == "2024年1月19日"
    assert "DL410" not in codes(lint(text, fmt="text"))


def test_date_ending_a_block_inside_the_report_is_not_a_signature():
    text = FLAT.replace("全年未发生泄密事件。", "统计期限至 2023年12月31日").replace(" 某某县司法局 2024年1月19日", "")
    rep = report(text)
    assert not any(b.text == "2023年12月31日" for b in rep.blocks)
    assert rep.signature_mention is None


def test_rules_on_flattened_input():
    """Structure, table and duplication rules see the split blocks as they see heading lines."""
    import re

    # a template published without its numbers (the empty cells vanish when flattened)
    blank = FLAT
    for t in (T2, T3, T4):
        blank = blank.replace(t, re.sub(r"(?<= )\d+(?= |$)", "", t).replace("  ", " ").strip())
    assert "DL209" in codes(lint(blank, fmt="text"))
    # the whole report published twice on one line
    diags = lint(FLAT + " " + FLAT.split(" ", 1)[1], fmt="text")
    assert "DL602" in codes(diags) and "DL102" not in codes(diags)
    # a part out of place, an extra part, sub-items numbered like parts
    moved = FLAT.replace("五、存在的主要问题及改进情况", "七、存在的主要问题及改进情况")
    assert "DL102" in codes(lint(moved, fmt="text", select=["DL102"]))
    extra = FLAT.replace("六、其他需要报告的事项", "六、下一步工作打算 2024年将继续完善栏目，加强培训。 七、其他需要报告的事项")
    assert sorted(codes(lint(extra, fmt="text", select=["DL1"]))) == ["DL102", "DL107"]


def test_titles_glued_to_the_text_around_them():
    text = ("某某镇2023年政府信息公开工作年度报告本报告依据《条例》编制。一、总体情况全年主动公开信息56条。"
            "二、主动公开政府信息情况第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 0"
            "三、收到和处理政府信息公开申请情况本年未收到申请。")
    rep = report(text)
    assert [s.id for s in rep.sections] == ["s1", "s2", "s3"]
    assert texts(rep)[:3] == ["某某镇2023年政府信息公开工作年度报告", "本报告依据《条例》编制。", "一、总体情况"]
    assert "三、收到和处理政府信息公开申请情况" in texts(rep)  # after a table cell (0), nothing between


@pytest.mark.parametrize("after", ["根据《条例》规定，现公布本局2023年报告。2023年，本局全年主动公开政府信息120条，其中政策解",
                                   "自2023年起，本局围绕中心工作，全年主动公开政府信息120条，其中政策解"])
def test_part_one_glued_to_the_report_title_in_an_excerpt(after):
    """A page joined with nothing, cut in part 一 (real excerpts): part 一's title glued to the report title is the
    part (the report title is its boundary), so the cut is said (DL002), not a report outside the format (DL103)."""
    text = f"某某区某某局2023年政府信息公开工作年度报告一、总体情况{after}"
    rep = report(text)
    assert [s.id for s in rep.sections] == ["s1"]
    assert rep.truncation is not None and rep.truncation.section == "s1"
    found = codes(lint(text, fmt="text", select=["DL1", "DL002"]))
    assert "DL002" in found and "DL103" not in found
    # a part's title glued to a word of a sentence is still not one without a title found with a clear boundary
    assert report(f"本局在一、总体情况{after}").sections == []


@pytest.mark.parametrize("field", ["来源: 区住建局 发布日期: 2021年05月13日", "发布时间：2021-05-13 09:30"])
def test_part_one_glued_to_the_pages_date_field_after_the_title(field):
    """A real page joined with nothing: title, 来源, 发布日期 and part 一's title glued to the date, cut in part 一 —
    the part, so the cut is said (DL002), not a DL103 error."""
    text = (f"今天是某某区某某局2020年政府信息公开工作年度报告{field}一、总体情况2020年，区住建局加强组织领导。"
            "1、加强政府信息公开组织领导。我局高度重视信息公开工作，实现了“最多跑一次”，方便群众办事。")
    rep = report(text)
    assert [s.id for s in rep.sections] == ["s1"]
    found = codes(lint(text, fmt="text", select=["DL1", "DL002"]))
    assert "DL002" in found and "DL103" not in found
    # a date in a sentence, then the words: not a field
    assert report("某某区某某局2020年政府信息公开工作年度报告。本局于2021年5月13日一、总体情况会议").sections == []


def test_title_glued_to_the_breadcrumb_and_the_font_buttons():
    """A real page joined with nothing (written anew): the breadcrumb's arrows, the title, then 字体:【…】 — the title
    is found after the last arrow (the page was skipped as not a report; now checked as its line-broken copy is)."""
    text = ("您的位置:首页>>政府信息公开>>政府信息公开年报>>2019年>>部门公开年报某某县交通运输局2019年政府信息公开工作年度报告"
            "字体:【大中小】打印2019年,我局认真贯彻落实《条例》,全年主动公开政府信息120条,办理依申请公开3件。")
    rep = report(text)
    assert rep.title is not None and rep.title.endswith("某某县交通运输局2019年政府信息公开工作年度报告")
    assert rep.candidate.plausible and rep.year == 2019


@pytest.mark.parametrize(("text", "title"), [
    # real pages joined with nothing (written anew): a flipbook page's header and its page number, a title naming
    # 信息公开工作 without 政府, a portal's 发表日期 field right after the title
    ("Page 4 - 某市生态环境局2023年政府信息公开工作年度报告P. 4办理信息公开行政复议0件，行政诉讼0件。",
     "某市生态环境局2023年政府信息公开工作年度报告"),
    ("某县文广新局2013年度信息公开工作年度报告一、主动公开政府信息的情况:2013年度主动公开信息5条。",
     "某县文广新局2013年度信息公开工作年度报告"),
    ("某某街道2023年度政府信息公开工作年度报告发表日期:2024-01-26 15:35:23 发布机构:某某街道 2023年，本街道公开信息86条。",
     "某某街道2023年度政府信息公开工作年度报告"),
    # the opening's year right after the title, a page counter's 访问量 (real county pages so joined lost the body)
    ("某某县某某镇2021年政府信息公开工作年度报告2021年,某某镇认真贯彻落实《条例》,全年公开信息86条。",
     "某某县某某镇2021年政府信息公开工作年度报告"),
    ("某某乡2020年政府信息公开工作年度报告访问量:某某乡2020年政府信息公开工作年度报告(以下简称年报)根据《条例》编制。",
     "某某乡2020年政府信息公开工作年度报告"),
])
def test_title_glued_to_what_follows_it_on_a_page(text, title):
    rep = report(text)
    assert rep.title == title and rep.candidate.plausible
    assert rep.agency.name == title[:title.index("20")]


def test_part_one_glued_to_the_title_repeated_after_the_pages_fields():
    """A real page joined with nothing (written anew): the title, the page's fields, the title again and part 一 glued to
    it — the part is found as in the page's line-broken copy (a DL103 warning for the old parts its opening names)."""
    text = ("某区应急管理局2024年 政府信息公开工作年度报告发布时间:2025-01-20 10:18 来源:应急管理局 选择阅读字号:[ 大 中 小 ]"
            "某区应急管理局2024年政府信息公开工作年度报告一、总体情况本年度报告根据《条例》编制，全文包括概述、主动公开"
            "政府信息情况、依申请公开政府信息情况等。2024年，我局公开信息86条。")
    assert [s.id for s in report(text).sections] == ["s1"]


def test_part_one_glued_to_the_pages_header_fields_without_a_title():
    """A real page joined with nothing whose title was not copied (written anew): 发布时间 (with its time), 信息来源 and
    part 一's title glued to the source — the part, so the page is a report (it was skipped as none)."""
    text = ("发布时间:2026-01-22 10:58信息来源:某某市教育局一、总体情况(一)主动公开政府信息情况2025年,我局认真落实"
            "政府信息公开工作要求,全年主动公开政府信息120条。")
    rep = report(text)
    assert [s.id for s in rep.sections] == ["s1"] and rep.candidate.plausible
    # a sentence before it is no header: the title glued to its word stays none
    assert report("本局认真落实信息来源:某某市教育局的要求,并在一、总体情况中说明。").sections == []


@pytest.mark.parametrize("five", ["2020年，街道政府信息公开工作存在不足。", "由于人员较少，存在公开不够及时的问题。"])
def test_empty_parts_glued_title_to_title(five):
    """A real street's page joined with nothing, its tables lost: 二、…情况三、…情况四、…情况五、… — each an (empty) part,
    so the lost tables are said once (DL002), not part 四 missing from the format (a DL103 error before)."""
    text = ("首页 > 信息公开年报某某街道2020年政府信息公开工作年度报告发布时间 : 2021-01-25 来源:某某街道一、总体情况2020年，"
            "某某街道主动公开政府信息232条。二、主动公开政府信息情况三、收到和处理政府信息公开申请情况四、政府信息公开行政复议、"
            "行政诉讼情况五、存在的主要问题及改进情况" + five + "六、其他需要报告的事项无。")
    assert [s.id for s in report(text).sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    found = codes(lint(text, fmt="text", select=["DL1", "DL002"]))
    assert "DL103" not in found and "DL101" not in found and "DL002" in found


def test_a_few_long_lines_heading_joined_with_its_body():
    line2 = "一、总体情况 2023年，我局全年主动公开信息318条。 （一）主动公开 全年公开行政处罚决定9件，均在7日内公开。"
    text = "\n".join([TITLE, line2, "五、存在的主要问题及改进情况 一是解读形式单一，下一步将丰富形式。"])
    rep = report(text)
    assert [(s.id, s.heading.line, s.heading.column) for s in rep.sections] == [("s1", 2, 1), ("s5", 3, 1)]
    sub = next(b for b in rep.blocks if b.text == "（一）主动公开")
    assert (sub.kind, sub.level, sub.line, sub.column) == ("heading", 2, 2, line2.index("（一）") + 1)
    body = next(b for b in rep.blocks if b.text.startswith("全年公开行政处罚"))
    assert (body.line, body.column, body.end_column) == (2, line2.index("全年公开行政处罚") + 1, len(line2) + 1)


def _glued_parts(five: str, six: str, four: str = "四、政府信息公开行政复议、行政诉讼情况") -> str:
    """FLAT with nothing at all between its parts' titles and texts (a crawl of a page's text nodes): the last parts'
    titles as given, glued to the part before (its last sentence's 。, or table 四's last digit) and to their text."""
    body = "".join(PARTS[3:9])
    return (f"{TITLE}{body}二、主动公开政府信息情况{T2}三、收到和处理政府信息公开申请情况{T3}{four}{T4}"
            f"{five}2023年我局公开工作仍有不足，一是解读形式单一。下一步将丰富解读形式。{six}本年度未收取信息处理费。"
            "某某县司法局 2024年1月19日")


@pytest.mark.parametrize(("five", "six", "four", "want"), [
    # worded otherwise (real reports' titles, written anew): found, DL106 says so (no missing part, DL101)
    ("五、存在的主要问题及改进措施", "六、其他需要报告的事项", None, ("s5", "keywords")),
    ("五、存在的主要问题及改进情况", "六、其他需报告的事项", None, ("s6", "typo")),
    ("五、存在的主要问题及改进情况", "六、需要说明的其他事项与附表", None, ("s6", "keywords")),
    ("五、存在的主要问题及改进情况", "六、其他需要报告的事项", "四、政府信息公开行政法复议、行政诉讼情况", ("s4", "typo")),
])
def test_a_title_worded_otherwise_glued_to_its_text_is_a_part(five, six, four, want):
    text = _glued_parts(five, six, four or "四、政府信息公开行政复议、行政诉讼情况")
    rep = report(text)
    assert [s.id for s in rep.sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert (want[0], want[1]) in [(s.id, s.quality) for s in rep.sections]
    got = codes(lint(text, fmt="text"))
    assert "DL101" not in got and "DL001" not in got
    assert ("DL106" if want[1] == "keywords" else "DL112") in got


def test_a_glued_numbered_item_that_is_no_part_title_is_not_split():
    # 二、改进措施 inside part 五 (not its own numeral), 五、加强培训 (no part's key words), 六、其他事项是 (no title's end
    # word then what starts a part)
    text = _glued_parts("五、存在的主要问题及改进情况", "六、其他需要报告的事项").replace(
        "一是解读形式单一。", "一是解读形式单一。二、改进措施下一步将丰富解读形式。五、加强培训2024年举办培训两次。")
    rep = report(text)
    assert [s.id for s in rep.sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert "DL101" not in codes(lint(text, fmt="text"))


def test_unbounded_keyword_title_and_extra_part_inline():
    text = (f"{TITLE} 一、总体情况 本局全年公开信息318条。 五、存在的主要问题及改进措施 一是解读形式单一，下一步加强。 "
            "六、下一年度工作计划 2024年将继续推进公开工作，完善栏目。 七、其他需要报告的事项 无。")
    rep = report(text)
    assert [(s.numeral, s.id, s.quality) for s in rep.sections] == [
        ("一", "s1", "exact"), ("五", "s5", "keywords"), ("六", None, "none"), ("七", "s6", "exact")]


def test_subitems_numbered_like_sections_inline_are_a_run():
    text = (f"{TITLE} 一、总体情况 一、主动公开 全年公开信息318条，较上年增长12%。 二、依申请公开 全年收到申请7件，均按期答复。 "
            "二、主动公开政府信息情况 信息内容 本年制发件数 规章 0")
    rep = report(text)
    st = rep.structure
    assert [s.id for s in st.mains] == ["s1", "s2"]
    assert [s.label for s in st.subruns[0].items] == ["一、主动公开", "二、依申请公开"]


def test_free_text_report_headings_inline():
    text = (f"{TITLE} 2023年，我局认真贯彻《条例》。 一、2023年政务公开工作完成情况 全年主动公开信息318条，较上年增加。 "
            "二、存在的不足 公开内容还不够全面，解读形式单一。 三、下一步工作计划 2024年将继续完善栏目，加强培训。")
    rep = report(text)
    assert [s.label for s in rep.sections] == ["一、2023年政务公开工作完成情况", "二、存在的不足", "三、下一步工作计划"]
    assert "DL103" in codes(lint(text, fmt="text"))


def test_html_page_whose_body_is_one_paragraph_splits_the_same():
    page = f"<html><head><meta charset='utf-8'></head><body><p>{FLAT}</p></body></html>"
    rep = interpret(html_reader.parse(page, "page.html"))
    assert [s.id for s in rep.sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert texts(rep) == texts(report(FLAT))


# -- anchors ---------------------------------------------------------------------------------------

def test_finding_inside_a_split_block_points_at_its_line_and_column():
    bad = FLAT.replace("2023年，我局围绕", "2023年2月30日，我局围绕")
    text = "第一行是目录页\n" + bad
    diags = list(lint(text, fmt="text", select=["DL401"]))
    assert len(diags) == 1
    col = bad.index("2023年2月30日") + 1
    assert (diags[0].line, diags[0].column, diags[0].end_column) == (2, col, col + len("2023年2月30日"))
    assert diags[0].pointer == "一、总体情况"


def test_anchors_of_an_html_page_with_entities_stay_exact():
    body = FLAT.replace("“三安全一稳定”", "&ldquo;三安全一稳定&rdquo;").replace("2023年，我局围绕", "2023年2月30日，我局围绕")
    page = f"<html><body><p>{body}</p></body></html>"
    doc = html_reader.parse(page, "page.html")
    rep = interpret(doc)
    d = next(x for x in lint_doc(rep) if x.code == "DL401")
    line = page.split("\n")[d.line - 1]
    assert line[d.column - 1:d.end_column - 1] == "2023年2月30日"
    s3 = next(b for b in rep.blocks if b.text.startswith("（本列数据"))
    loc = s3.locate(s3.text.index("4.保护第三方"))
    want = "4.保护第三方合法权益"
    assert page[loc.column - 1:loc.column - 1 + len(want)] == want  # after the entities of 三安全一稳定


def lint_doc(rep):
    from disclosure_lint.config import Config
    from disclosure_lint.engine import prepare, run
    from disclosure_lint.packs import load_rules

    return run(rep, prepare(load_rules(), Config()))


def test_word_paragraph_keeps_its_pointer():
    from dataclasses import replace

    doc = parse(FLAT, "text")
    blocks = tuple(replace(b, line=None, column=None, end_line=None, end_column=None, anchors=(), pointer="第3段")
                   for b in doc.blocks)
    rep = interpret(replace(doc, blocks=blocks, has_lines=False))
    assert [s.id for s in rep.sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert {b.pointer for b in rep.blocks} == {"第3段"} and all(b.line is None for b in rep.blocks)


# -- false splits -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # statistics-table row labels that look like parts
    "自然人 总计 一、本年新收政府信息公开申请数量 3 3 二、上年结转政府信息公开申请数量 0 0 "
    "三、本年度办理结果 （一）予以公开 3 3 四、结转下年度继续办理 0 0",
    # a table of contents as a sentence, and as a list separated by spaces
    "本报告分为一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况等六个部分。",
    "目录 一、总体情况 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 四、政府信息公开行政复议、行政诉讼情况",
    # quotations of a title, a title inside a sentence
    "按照“二、主动公开政府信息情况”的要求逐项填报，数据见“三、收到和处理政府信息公开申请情况”。",
    "具体数据见二、主动公开政府信息情况表，不再赘述。",
    "本年度二、主动公开政府信息情况的统计口径与上年一致。",
    # numerals inside sentences and references
    "依据第二十条第（一）项规定，一、二季度共公开文件36件，三、四季度共公开41件。",
])
def test_no_false_split(text):
    rep = report(f"{TITLE}\n{text}")
    assert rep.inline.sections == []
    assert [b.text for b in rep.blocks] == [TITLE, text]


def test_contents_list_without_its_name_is_dropped_when_the_parts_come_again():
    toc = "一、总体情况 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 四、政府信息公开行政复议、行政诉讼情况"
    rep = report(FLAT.replace("一、总体情况", toc + " 一、总体情况", 1))
    assert [s.id for s in rep.sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert any(b.text.startswith(toc) for b in rep.blocks)  # the contents list stays one block


def test_parts_left_empty_back_to_back_are_parts_not_a_contents_list():
    # a crawl drops the statistics tables published as pictures: 二、三、四 follow each other
    text = FLAT.replace(" " + T2, "").replace(" " + T3, "").replace(" " + T4, "")
    rep = report(text)
    assert [s.id for s in rep.sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert lint(text, fmt="text", select=["DL1"]) == []  # (not missing tables: the copy lost them, DL002 says so)
    [d] = lint(text, fmt="text", select=["DL002"])
    assert d.evidence["tables"] == ["s2", "s3", "s4"]


@pytest.mark.parametrize("sentence", ["具体数据见二、主动公开政府信息情况表，不再赘述。", "本年度二、主动公开政府信息情况的口径与上年一致。"])
def test_title_glued_inside_a_sentence_of_a_flattened_report_is_not_split(sentence):
    rep = report(FLAT.replace("全年未发生泄密事件。", "全年未发生泄密事件。" + sentence))
    assert [s.id for s in rep.sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert any(sentence in b.text for b in rep.blocks)


def test_title_glued_to_a_heading_before_it_is_split():
    text = FLAT.replace("继续办理1件。 二、主动公开政府信息情况", "继续办理1件。 （三）监督保障二、主动公开政府信息情况")
    assert text != FLAT
    rep = report(text)
    assert [s.id for s in rep.sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert rep.sections_by_id["s2"].heading.text == "二、主动公开政府信息情况"


def test_subitem_table_labels_are_not_split():
    rep = report(f"{TITLE} 一、总体情况 全年公开信息56条。 三、收到和处理政府信息公开申请情况 " + T3)
    assert not any(h.text.startswith(("（一）予以公开", "（三）不予公开", "（七）总计", "（六）其他处理"))
                   for h in rep.inline.headings)


def test_part_left_empty_before_the_next_one_is_not_a_table_of_contents():
    rep = report(f"{TITLE} 一、总体情况 全年公开信息56条。 五、存在的主要问题及改进情况 六、其他需要报告的事项 无。")
    assert [s.id for s in rep.sections] == ["s1", "s5", "s6"]
    assert "DL104" in codes(lint(f"{TITLE} 一、总体情况 全年公开信息56条。 五、存在的主要问题及改进情况 六、其他需要报告的事项 无。",
                                 fmt="text", select=["DL104"]))


def test_mention_of_a_part_with_its_own_heading_line_is_not_split():
    text = "\n".join([TITLE, "一、总体情况", "全年公开信息56条，分类情况如下。二、主动公开政府信息情况表格列出了各类文件数量。",
                      "二、主动公开政府信息情况", "信息内容\t本年制发件数", "规章\t0"])
    rep = report(text)
    assert rep.inline.headings == ()
    assert [(s.id, s.heading.line) for s in rep.sections] == [("s1", 2), ("s2", 4)]


def test_a_heading_line_with_an_unknown_title_does_not_hide_unknown_titles_inline():
    """Only a part with a heading line of its own hides its mentions inside blocks: an unknown title on a line of
    its own (一、加强组织领导, a sub-item numbered like a part) names no part, and the extra part 七、 written inline
    after 六、 is still found (it was dropped with every unknown title inside a block)."""
    text = "\n".join([TITLE, "一、总体情况", "一、加强组织领导", "本年度，我局认真贯彻落实《条例》。",
                      "二、主动公开政府信息情况", "本年度主动公开信息。", "三、收到和处理政府信息公开申请情况", "本年度收到申请3件。",
                      "四、政府信息公开行政复议、行政诉讼情况", "本年度无行政复议。",
                      "五、存在的主要问题及改进情况 本年度工作存在不足，明年将改进。 六、其他需要报告的事项 本年度无其他需要报告的事项。"
                      " 七、下一年度工作计划 明年我局将继续做好政务公开工作。"])
    rep = report(text)
    assert [(h.numeral, h.section_id) for h in rep.inline.headings] == [("五", "s5"), ("六", "s6"), ("七", None)]
    heading = next(b for b in rep.blocks if b.text == "七、下一年度工作计划")
    assert (heading.line, heading.column) == (11, text.split("\n")[10].index("七、") + 1)


def test_normal_documents_are_not_touched():
    text = f"{TITLE}\n一、总体情况\n全年公开信息56条。\n二、主动公开政府信息情况\n信息内容\t本年制发件数\n规章\t0\n"
    rep = report(text)
    assert rep.inline.headings == () and rep.document is rep.source


# -- titles with a typo -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("title", "sid", "official"), [
    ("收到和处理政府信息公开申情况", "s3", "收到和处理政府信息公开申请情况"),
    ("主动公开政府信惪情况", "s2", "主动公开政府信息情况"),
    ("存在的主要问题及改近情况", "s5", "存在的主要问题及改进情况"),
    ("政府信息公开工作存在的主要问题及改近情况", "s5", "政府信息公开工作存在的主要问题及改进情况"),
    ("其它需要报告的事项", "s6", "其他需要报告的事项"),
    ("政府信息公开行政复议、行政诉讼情况况", "s4", "政府信息公开行政复议、行政诉讼情况"),
])
def test_typo_of_an_official_title(title, sid, official):
    spec, off = typo_of(title)
    assert (spec.id, off) == (sid, official)
    assert match_section(title) == (spec, "typo")


@pytest.mark.parametrize(("title", "quality"), [
    ("主动公开", "keywords"),  # a sub-item, not a typo of 主动公开政府信息情况
    ("存在的主要问题及改进措施", "keywords"),  # another word: DL106
    ("存在的主要问题及整改情况", "keywords"),
    ("收到和处理政府信息公开申请", "keywords"),  # cut short by a word
    ("主动公开政府信息工作情况", "keywords"),
    ("主动公开政务信息情况", "keywords"),  # 政务/政府: wording
    ("收到和办理政府信息公开申请情况", "keywords"),  # 办理/处理: wording
    ("存在的主要问题与改进情况", "exact"),  # 与 for 及: accepted
    ("政府信息公开工作存在的主要问题及改进情况", "exact"),
    ("因政府信息公开工作被申请行政复议、提起行政诉讼情况", "exact"),
    ("政府信息公开行政复议和行政诉讼情况", "exact"),
    ("总休情况", "none"),  # titles under eight characters are never matched by typo
])
def test_not_a_typo(title, quality):
    assert typo_of(title) is None
    assert match_section(title)[1] == quality


def _typo_report(five: str, three: str = "收到和处理政府信息公开申请情况") -> str:
    return "\n".join([TITLE, "一、总体情况", "全年公开信息56条。", "二、主动公开政府信息情况", "信息内容\t本年制发件数", "规章\t0",
                      f"三、{three}", "申请人情况\t自然人\t总计", "一、本年新收政府信息公开申请数量\t2\t2",
                      "四、政府信息公开行政复议、行政诉讼情况", "行政复议\t结果维持\t总计", "数量\t0\t0",
                      f"五、{five}", "一是解读形式单一，下一步将丰富解读形式。", "六、其他需要报告的事项", "无。"])


def test_dl112_on_heading_lines_with_position_and_fix():
    diags = lint(_typo_report("存在的主要问题及改近情况", "收到和处理政府信息公开申情况"), fmt="text")
    typo = [d for d in diags if d.code == "DL112"]
    assert [(d.line, d.column, d.end_column, d.severity) for d in typo] == [(7, 3, 17, "info"), (13, 3, 15, "info")]
    assert "收到和处理政府信息公开申情况" in typo[0].message and "收到和处理政府信息公开申请情况" in typo[0].message
    assert typo[1].fix.applicability == "unsafe" and typo[1].fix.edits[0].replacement == "存在的主要问题及改进情况"
    assert not {"DL101", "DL103", "DL106"} & set(codes(diags))


def test_dl112_and_dl106_never_report_the_same_title():
    diags = lint(_typo_report("存在的主要问题及改进措施"), fmt="text")
    assert "DL106" in codes(diags) and "DL112" not in codes(diags)


def test_dl112_inline_in_flattened_text():
    text = FLAT.replace("五、存在的主要问题及改进情况", "五、存在的主要问题及改近情况")
    diags = lint(text, fmt="text")
    d = [x for x in diags if x.code == "DL112"]
    col = text.index("存在的主要问题及改近情况") + 1
    assert [(x.line, x.column) for x in d] == [(1, col)]
    assert not {"DL101", "DL103", "DL106"} & set(codes(diags))


@pytest.mark.slow  # a 1 MB input; the hostile suite and test_hostile_text cover the shapes by default
# -- bounded work ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("unit", [
    "我局坚持以公开为常态、不公开为例外，",
    "一、二、三、",
    "。一、 二、",
    " 二、主动公开政府信息情况 全年公开信息，共计。",
    " （一）主动公开 全年通过门户网站公开信息。",
    " 规章 0 0 0 行政许可37 5000005 一、本年新收政府信息公开申请数量487002057",
    " 二、主动公开政府信息情况 （一）主动公开 全年公开信息，共计。 （二）依申请公开 全年收到申请，均已答复。",
])
def test_one_megabyte_line_is_fast(unit):
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    rep = report(text)
    rep.sections  # noqa: B018 - computing the member is the test
    rep.stats  # noqa: B018


# -- the real corpus ----------------------------------------------------------------------------------------------

CORPUS = sorted((SHARED / "corpus/excerpts").glob("*.txt")) + [SHARED / "seed/shangtang-2019.txt"]


@pytest.mark.skipif(not (SHARED / "corpus/excerpts").is_dir(), reason=NO_SHARED)
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_corpus_lines_joined_give_the_same_sections(path):
    """Real scraped reports (line-based): nothing is split as they are; with their lines joined by a
    space, the same sections and the same title are found."""
    text = path.read_text(encoding="utf-8")
    orig = report(text)
    assert orig.inline.sections == []
    flat = report(" ".join(line.strip() for line in text.splitlines() if line.strip()))
    assert [s.id for s in flat.sections] == [s.id for s in orig.sections]
    assert flat.title == orig.title


# -- a part's title run into its first paragraph ------------------------------------------------------

RUN_IN = "\n\n".join([
    TITLE,
    "一、总体情况：2023年，我局围绕法治政府建设推进政府信息公开，全年未发生泄密事件。", OVERVIEW_TOPICS,
    "二、主动公开政府信息情况", T2,
    "三、收到和处理政府信息公开申请情况", T3,
    "四、政府信息公开行政复议、行政诉讼情况", T4,
    "五、存在的主要问题及改进情况。一是政策解读形式较为单一，二是栏目更新不够及时。下一步将丰富解读形式。",
    "六、其他需要报告的事项：本年度未收取信息处理费。",
    "某某县司法局", "2024年1月19日",
])


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_a_title_run_into_its_paragraph_after_a_colon_or_full_stop_is_the_part(fmt):
    """``一、总体情况：2023年，我局…`` and ``五、…情况。一是…``: a paragraph opened by its part's title, closed by a colon or
    a full stop — the part is there (no DL101), its text is a paragraph of its own without the mark."""
    rep = report(RUN_IN, fmt)
    assert [s.id for s in rep.sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    t = texts(rep)
    assert "一、总体情况" in t and "2023年，我局围绕法治政府建设推进政府信息公开，全年未发生泄密事件。" in t
    assert "五、存在的主要问题及改进情况" in t and "一是政策解读形式较为单一，二是栏目更新不够及时。下一步将丰富解读形式。" in t
    assert "本年度未收取信息处理费。" in t
    s1 = next(h for h in rep.inline.headings if h.section_id == "s1")
    assert (s1.start, s1.end) == (0, len("一、总体情况"))
    diags = lint(RUN_IN, fmt=fmt)
    assert not [d for d in diags if d.code.startswith("DL1")], [(d.code, d.message) for d in diags]


def test_a_list_of_the_titles_after_a_colon_or_a_title_with_nothing_after_it_is_not_run_in():
    rep = report("一、总体情况：二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况。\n\n一、总体情况：\n\n"
                 "全年主动公开政府信息318条。")
    assert not [h for h in rep.inline.headings if h.start == 0 and h.text == "一、总体情况" and
                h.block.text.startswith("一、总体情况：二")]
    # a sentence that mentions a title is not a heading: the title must open the paragraph
    rep = report("本报告第一部分为一、总体情况：全年主动公开政府信息318条，办结申请7件。")
    assert not rep.inline.headings


def _glued(text: str) -> str:
    """FLAT joined with nothing between the parts' text and the next part's title (a crawl that kept text nodes only)."""
    return text.replace("。 二、主动公开", "。二、主动公开").replace(" 三、收到和处理", "三、收到和处理") \
        .replace(" 四、政府信息公开行政复议", "四、政府信息公开行政复议")


def test_glued_title_with_a_wrong_numeral_is_the_part_misnumbered():
    """A real crawl (written anew): part 三 numbered 二 again, glued to table 二's last cell and followed by its table —
    the part, misnumbered (DL102), not a report outside the unified format (DL103, an error that was wrong)."""
    text = _glued(FLAT).replace("三、收到和处理政府信息公开申请情况", "二、收到和处理政府信息公开申请情况")
    rep = report(text)
    assert [s.id for s in rep.sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    found = lint(text, fmt="text", select=["DL1"])
    assert [d.code for d in found] == ["DL102"] and "应为“三、”" in found[0].message
    # the same wrong numeral with no table after it (a sentence goes on) is no title: nothing is made up
    quiet = _glued(FLAT).replace("三、收到和处理政府信息公开申请情况", "并按二、收到和处理政府信息公开申请情况整理。")
    assert "s3" not in [s.id for s in report(quiet).sections]
    # nor a part named before the part taken last (an earlier part's title mentioned again later)
    back = _glued(FLAT).replace("四、政府信息公开行政复议", "合计三、主动公开政府信息情况第二十条 四、政府信息公开行政复议")
    assert [s.id for s in report(back).sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]


@pytest.mark.parametrize("tail", [" 来源：某某县司法局 附件下载", " 附件下载",
                                  " 抄送：县政务公开办。某某县司法局办公室 2024年1月19日印发 来源：某某县司法局"])
def test_signature_followed_by_the_pages_source_and_links_on_the_same_line(tail):
    """Real crawls end with the 落款 and, on the same line, the page's 来源 field, its 附件下载 link or the 版记 (抄送 … 印发):
    the 落款 is found (DL410 said there was none) and the page's tail is a block of its own."""
    text = FLAT + tail
    rep = report(text)
    assert rep.signature_mention is not None and rep.signature_mention.date.isoformat() == "2024-01-19"
    assert texts(rep)[-3:-1] == ["某某县司法局", "2024年1月19日"]
    assert "DL410" not in codes(lint(text, fmt="text"))
    # a sentence after the date is no page tail: no 落款 is made up
    assert report(FLAT + " 来源说明如下，本局另行公布。").signature_mention is None
