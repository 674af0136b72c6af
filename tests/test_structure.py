"""Structure rules DL101–DL108: the six parts, their numbering, order, tables and content of 五."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from disclosure_lint.config import Config
from disclosure_lint.engine import prepare, run
from disclosure_lint.kinds.structure import analyse
from disclosure_lint.packs import load_rules
from disclosure_lint.readers import read_document
from disclosure_lint.report import Overrides, interpret
from disclosure_lint.report.sections import heading_of
from disclosure_lint.report.structure import analyse as analyse_sections
from tests import render

from .conftest import NO_SHARED, SHARED, codes, lint, parse

SEED = (SHARED / "seed/shangtang-2019.txt")

T2 = "| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 0 |"
T3 = "| 申请人情况 | 自然人 |\n|---|---|\n| 一、本年新收政府信息公开申请数量 | 3 |"
T4 = "| 行政复议 | 结果维持 |\n|---|---|\n| 总计 | 0 |"
P5 = "一是政策解读形式较为单一，二是公开目录更新不够及时。下一步将丰富解读形式，按季度检查目录。"

PARTS = {
    "s1": ("一", "总体情况", "本局全年主动公开政府信息120条，其中政策解读15条。"),
    "s2": ("二", "主动公开政府信息情况", T2),
    "s3": ("三", "收到和处理政府信息公开申请情况", T3),
    "s4": ("四", "政府信息公开行政复议、行政诉讼情况", T4),
    "s5": ("五", "存在的主要问题及改进情况", P5),
    "s6": ("六", "其他需要报告的事项", "本年度未收取信息处理费。"),
}
TITLE = "# 某某市某某局2023年政府信息公开工作年度报告"


def md(*parts, title: str = TITLE, style: str = "##") -> str:
    """A Markdown report from (numeral, title, body) parts; style '##', 'bold' or 'plain'."""
    out = [title, ""]
    for num, head, body in parts:
        label = f"{num}、{head}" if num else head
        out += [{"##": f"## {label}", "bold": f"**{label}**", "plain": label}[style], "", body, ""]
    return "\n".join(out)


def full(**replace) -> list[tuple[str, str, str]]:
    parts = []
    for sid, part in PARTS.items():
        if sid in replace:
            if replace[sid] is not None:
                parts.append(replace[sid])
        else:
            parts.append(part)
    return parts


def dl1(text, fmt="markdown", **kw):
    return lint(text, select=[f"DL10{i}" for i in range(1, 9)], fmt=fmt, **kw)


def only(diags, code):
    return [d for d in diags if d.code == code]


# -- clean reports ------------------------------------------------------------------------------

@pytest.mark.parametrize("style", ["##", "bold", "plain"])
def test_clean_markdown_report_is_quiet(style):
    assert dl1(md(*full(), style=style)) == []


def test_clean_text_report_is_quiet():
    text = """某某镇人民政府2022年政府信息公开工作年度报告
一、总体情况
本镇全年主动公开政府信息80条。
二、主动公开政府信息情况
信息内容	本年制发件数
规章	0
三、收到和处理政府信息公开申请情况
申请人情况	自然人
本年新收	2
四、政府信息公开行政复议、行政诉讼情况
行政复议	结果维持
总计	0
五、存在的主要问题及改进情况
一是政策解读形式较为单一，二是公开目录更新不够及时。
六、其他需要报告的事项
无。
"""
    assert dl1(text, fmt="text") == []


def test_bold_paragraph_headings_are_sections():
    rep = interpret(parse(md(*full(), style="bold")))
    st = analyse(rep)
    assert list(st.by_id) == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert st.unified and all(st.tables.values())
    assert st.by_id["s2"].heading.text == "**二、主动公开政府信息情况**"


# The 2019 template printed one cell per line, as scraped pages show it; row labels such as
# 一、本年新收… and 三、本年度办理结果 look like headings but are table rows.
FLAT_2019 = """某某乡人民政府2019年政府信息公开工作年度报告
一、总体情况
本乡明确专人负责政务公开工作，按时更新公开栏目。
二、主动公开政府信息情况
第二十条第（一）项
信息内容
本年新制作数量
本年新公开数量
对外公开总数量
规章
0
规范性文件
第二十条第（五）项
行政许可
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
申请人情况
自然人
法人或其他组织
总计
商业企业
一、本年新收政府信息公开申请数量
二、上年结转政府信息公开申请数量
三、本年度办理结果
（一）予以公开
（二）部分公开（区分处理的，只计这一情形，不计其他情形）
（七）总计
四、结转下年度继续办理
四、政府信息公开行政复议、行政诉讼情况
行政复议
行政诉讼
结果维持
结果纠正
其他结果
尚未审结
五、存在的主要问题及改进情况
一是公开内容不够全面，二是解读形式较为单一，下一步将加强培训。
六、其他需要报告的事项
无。
"""


def test_flattened_2019_template_text_is_quiet():
    rep = interpret(parse(FLAT_2019, fmt="text"))
    st = analyse(rep)
    assert [s.id for s in st.mains] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert st.tables == {"s2": True, "s3": True, "s4": True}
    assert st.subruns == []
    assert dl1(FLAT_2019, fmt="text") == []


def test_flattened_template_truncated_like_a_scraped_excerpt():
    # the store cut the page inside the heading of part 五: parts 一–四 and their tables are found
    text = FLAT_2019.split("五、存在的主要问题")[0] + "五、存在的主\n"
    text = text.replace("某某乡人民政府2019年政府信息公开工作年度报告\n", "")
    rep = interpret(parse(text, fmt="text"), Overrides(year=2019))
    st = analyse(rep)
    assert list(st.by_id) == ["s1", "s2", "s3", "s4"] and all(st.tables.values())
    # the file ends in the title of 五: 五 and 六 are not reported missing, DL002 says so once
    assert rep.truncation.where == "title" and sorted(rep.truncation.unchecked) == ["s5", "s6"]
    assert dl1(text, fmt="text", year=2019) == []
    cut = list(lint(text, select=["DL002"], fmt="text", year=2019))
    assert [(d.code, d.line, d.column) for d in cut] == [("DL002", text.count("\n"), 1)]
    assert "在第五部分的标题处中断" in cut[0].message and "第五、六部分未检查" in cut[0].message
    assert dl1(text, fmt="text") == []  # no year: nothing to compare


# -- DL101 missing-section ----------------------------------------------------------------------

def test_dl101_missing_middle_section_points_at_next_section():
    diags = dl1(md(*full(s3=None)))
    assert codes(diags) == ["DL101"]
    d = diags[0]
    assert d.severity == "error"
    assert "“三、收到和处理政府信息公开申请情况”" in d.message and "《条例》第五十条第（二）项" in d.message
    assert d.line == 13 and d.pointer.startswith("四、")  # the heading of 四
    assert d.evidence["expected"] == "三、收到和处理政府信息公开申请情况" and d.evidence["actual"] == "未找到"


def test_dl101_missing_last_section_is_whole_file():
    diags = dl1(md(*full(s6=None)))
    assert codes(diags) == ["DL101"]
    assert diags[0].line is None and "六、其他需要报告的事项" in diags[0].message


def test_dl101_unrecognised_title_in_the_slot():
    diags = dl1(md(*full(s5=("五", "下一步工作计划", P5))))
    assert codes(diags) == ["DL101"]  # not also reported as an extra section
    d = diags[0]
    assert "第五部分的标题为“下一步工作计划”" in d.message
    assert d.evidence["actual"] == "五、下一步工作计划" and d.line is not None


def test_dl101_text_format():
    text = md(*full(s2=None, s4=None), style="plain", title="某某镇人民政府2021年政府信息公开工作年度报告")
    diags = only(dl1(text, fmt="text"), "DL101")
    assert [d.evidence["section_id"] for d in diags] == ["s2", "s4"]


def test_dl101_silent_for_legacy_and_unknown_years():
    text = md(*full(s3=None), title="# 某某局政府信息公开工作年度报告")
    assert dl1(text) == []
    assert dl1(text, year=2017) == []
    assert codes(dl1(text, year=2020)) == ["DL101"]


# -- DL102 section-order ------------------------------------------------------------------------

def test_dl102_whole_block_shifted_is_one_finding():
    parts = [("一", "工作亮点", "本局聚焦重点领域信息公开。")]
    parts += [(n, t, b) for n, t, b in [(str(i), *p[1:]) for i, p in enumerate(full())]]
    parts = [parts[0]] + [(x, t, b) for x, (_, t, b) in zip("二三四五六七", parts[1:])]
    diags = dl1(md(*parts))
    assert sorted(codes(diags)) == ["DL102", "DL107"]
    d = only(diags, "DL102")[0]
    assert "整体后移了1位" in d.message and "前面多出了“一、工作亮点”" in d.message
    assert d.evidence["actual"][0] == "二、总体情况" and d.evidence["expected"][0] == "一、总体情况"
    assert d.fix is not None and len(d.fix.edits) == 6 and d.fix.applicability == "unsafe"
    assert [e.replacement for e in d.fix.edits] == list("一二三四五六")


def test_dl102_single_wrong_numeral():
    diags = dl1(md(*full(s4=("五", *PARTS["s4"][1:]))))
    assert codes(diags) == ["DL102"]
    d = diags[0]
    assert "“五、政府信息公开行政复议、行政诉讼情况”的序号错误，应为“四、”" in d.message
    assert d.evidence == {"expected": "四、政府信息公开行政复议、行政诉讼情况",
                          "actual": "五、政府信息公开行政复议、行政诉讼情况", "sections": ["s4"]}


def test_dl102_shift_after_missing_section_names_the_cause():
    parts = [PARTS["s1"], PARTS["s2"], ("三", *PARTS["s4"][1:]), ("四", *PARTS["s5"][1:]), ("五", *PARTS["s6"][1:])]
    diags = dl1(md(*parts))
    assert sorted(codes(diags)) == ["DL101", "DL102"]
    d = only(diags, "DL102")[0]
    assert "整体前移了1位" in d.message and "前面缺少“三、收到和处理政府信息公开申请情况”" in d.message


def test_dl102_out_of_order_text():
    text = """某某镇人民政府2021年政府信息公开工作年度报告
一、总体情况
本镇全年主动公开政府信息80条。
二、收到和处理政府信息公开申请情况
申请人情况	自然人
本年新收	2
三、主动公开政府信息情况
信息内容	本年制发件数
规章	0
四、政府信息公开行政复议、行政诉讼情况
行政复议	结果维持
总计	0
五、存在的主要问题及改进情况
一是政策解读形式较为单一，二是公开目录更新不够及时。
六、其他需要报告的事项
无。
"""
    diags = dl1(text, fmt="text")
    assert codes(diags) == ["DL102"]
    assert "位置不对" in diags[0].message and diags[0].evidence["section_id"] in ("s2", "s3")


def test_dl102_unnumbered_titles_and_option():
    text = md(*[(None, t, b) for _, t, b in full()])
    diags = dl1(text)
    assert codes(diags) == ["DL102"]
    assert "6个部分标题没有序号" in diags[0].message
    assert [e.replacement for e in diags[0].fix.edits] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    assert dl1(text, config={"options": {"DL102": {"check_unnumbered": False}}}) == []


def test_dl102_unnumbered_titles_of_a_page_copy_are_a_warning_that_says_why():
    """A real county bureau's page copied as text (written anew): all its part titles without numerals, which a page that
    numbers them by a list or a style loses in a copy — a warning saying so, not an error; a Markdown document, or a
    text with only some titles unnumbered, keeps the error."""
    text = md(*[(None, t, b) for _, t, b in full()], style="plain")
    (d,) = dl1(text, fmt="text")
    assert (d.code, d.severity) == ("DL102", "warning")
    assert "6个部分标题没有序号" in d.message and "转存的文字中就没有序号" in d.message
    (d,) = dl1(md(*[(None, t, b) for _, t, b in full()]))
    assert d.severity == "error" and "转存" not in d.message
    parts = full()
    parts[1] = (None, parts[1][1], parts[1][2])  # only part 二 unnumbered
    (d,) = dl1(md(*parts, style="plain"), fmt="text")
    assert d.severity == "error" and "转存" not in d.message


# -- DL103 non-unified-format -------------------------------------------------------------------

FREE_TEXT = """某某街道{year}年政府信息公开工作年度报告
发布日期：{pub}
一、{year}年政务公开工作完成情况
全年主动公开政府信息53条，接到依申请公开3条，均已答复。
二、存在的不足
部分信息公开不够及时，公开目录还需进一步细化。
三、下一步工作计划
继续梳理公开内容，加大公开力度。
四、其他需要报告的事项
暂无。
"""


def test_dl103_free_text_fires_once_with_lists():
    diags = dl1(FREE_TEXT.format(year=2019, pub="2020-01-22"), fmt="text")
    assert codes(diags) == ["DL103"]
    d = diags[0]
    assert d.line == 1 and d.severity == "error"
    assert "2019年试行格式（国办公开办函〔2019〕60号）" in d.message
    assert "缺少第二、三、四部分的统计表" in d.message
    ev = d.evidence
    assert ev["missing_sections"] == ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                                      "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况"]
    assert len(ev["missing_tables"]) == 3 and ev["format_version"] == "2019"
    # what the report has in their place is named, so the clerk sees a work summary's parts, not the format's
    assert ("报告自己的部分是“一、2019年政务公开工作完成情况”“二、存在的不足”“三、下一步工作计划”“四、其他需要报告的事项”"
            in d.message)


def test_dl103_a_free_text_copy_cut_after_its_parts_two_to_four():
    """A 2020 report in the old free layout, parts 二–四 read whole without a table, the copy cut in its last part
    (a real provincial centre's page): the format was not used — a warning, the parts after the cut not listed."""
    text = ("某某省某某中心2020年政府信息公开工作年度报告\n一、基本情况\n2020年，本中心认真贯彻《条例》。\n二、主动公开情况\n"
            "全年主动公开政府信息53条。\n三、依申请公开政府信息情况\n2020年共受理依申请公开0件。\n"
            "四、申请行政复议、提起行政诉讼和申诉的情况\n2020年未发生。\n五、政府信息公开事务收费情况\n2020年没有收取费用。\n"
            "六、存在问题及整改措施\n2020年虽然取得了一些成绩，但在公开的全面性方面仍有不足，下一步将夯实工作责任，多措并举抓")
    diags = [d for d in dl1(text, fmt="text") if d.code in ("DL103", "DL105", "DL101")]
    assert codes(diags) == ["DL103"] and diags[0].severity == "warning"
    d = diags[0]
    assert "缺少第二、三、四部分的统计表" in d.message and "文件在中途结束，此后的内容未检查" in d.message
    assert "其他需要报告的事项" not in d.message  # (after the cut)
    # cut in part 三 instead: what the cut left out may be where the tables are — not reported
    early = text[:text.index("四、申请行政复议")] + "2020年共受理依申请公开0件，其中予以"
    assert [d for d in dl1(early, fmt="text") if d.code == "DL103"] == []


def test_dl103_2021_format_named():
    diags = dl1(FREE_TEXT.format(year=2022, pub="2023-01-20"), fmt="text")
    assert codes(diags) == ["DL103"] and "2021年格式（国办公开办函〔2021〕30号）" in diags[0].message


def test_dl103_legacy_and_unknown_year_silent():
    assert dl1(FREE_TEXT.format(year=2018, pub="2019-03-20"), fmt="text") == []
    no_year = FREE_TEXT.format(year="", pub="").replace("某某街道年政府信息公开工作年度报告\n", "")
    assert dl1(no_year, fmt="text") == []
    assert codes(dl1(no_year, fmt="text", year=2020)) == ["DL103"]


def test_dl103_old_style_titles_without_tables():
    parts = [("一", "概述", "本局认真贯彻《条例》。"), ("二", "主动公开政府信息情况", "全年主动公开60条。"),
             ("三", "依申请公开政府信息情况", "全年收到申请3件。"),
             ("四", "因政府信息公开申请行政复议、提起行政诉讼情况", "全年未发生。"),
             ("五", "存在的主要问题及改进措施", P5), ("六", "其他需要报告的事项", "无。")]
    diags = dl1(md(*parts, title="# 某某县某某局2020年政府信息公开工作年度报告"))
    assert codes(diags) == ["DL103"]  # not DL101 for 三, nor DL105 three times
    assert diags[0].evidence["missing_sections"] == ["三、收到和处理政府信息公开申请情况"]


def test_dl103_truncated_unified_report_is_not_free_text():
    text = "某某镇2021年政府信息公开工作年度报告\n一、总体情况\n本镇全年主动公开政府信息80条。\n二、主\n"
    assert dl1(text, fmt="text") == []


def test_dl103_cut_copy_whose_first_heading_ran_into_the_pages_byline():
    # a portal copy: the byline and part 一's heading on one line, the excerpt cut in part 一 — a cut copy of a unified
    # report (DL002 says so), not a free-text report
    body = "本局认真贯彻落实《条例》，全年主动公开政府信息四十余条，依申请公开两件均已答复。" * 9
    text = (f"某某区某某局2021年度政府信息公开工作年度报告\n2022年01月25日 来源: 某某区政府网一、总体情况\n"
            f"{body}\n同时，我局在“政务公开”等版块，均根据内容")
    assert dl1(text, fmt="text") == []
    # the same prose, not cut and without the heading, is still free text
    assert codes(dl1(f"某某区某某局2021年度政府信息公开工作年度报告\n{body}\n", fmt="text")) == ["DL103"]


def test_dl103_cut_copy_that_starts_at_part_ones_sub_items():
    # part 一's title lost, the text starting at its (一) and cut before part 二 (a real mirror): a cut unified report
    body = "全年主动公开政府信息一百余条，涵盖政策文件、工作动态等内容，依法依规做好公开工作。" * 5
    text = (f"某某区某某局2021年政府信息公开工作年度报告\n（一）持续深化主动公开。{body}\n"
            f"（二）规范依申请公开。{body}\n同时，我局在“政务公开”等版块，均根据内容")
    assert dl1(text, fmt="text") == []
    # the same sub-items in a text that is not cut: free text all the same
    assert codes(dl1(text.rsplit("\n", 1)[0] + "\n", fmt="text")) == ["DL103"]


def test_dl103_unstructured_prose():
    body = "本街道认真贯彻落实政府信息公开条例，全年主动公开政府信息四十余条，依申请公开两件均已答复。" * 8
    text = f"某某街道2020年政府信息公开工作年度报告\n{body}\n"
    assert codes(dl1(text, fmt="text")) == ["DL103"]
    assert dl1(text, fmt="text", config={"options": {"DL103": {"min_chars": 5000}}}) == []


@pytest.mark.skipif(not SEED.is_file(), reason=NO_SHARED)
def test_dl103_on_seed_report():
    from disclosure_lint.readers import text as text_reader

    doc = text_reader.parse(SEED.read_text(encoding="utf-8"), path=str(SEED))
    from disclosure_lint.config import Config
    from disclosure_lint.engine import prepare, run
    from disclosure_lint.packs import load_rules

    diags = run(interpret(doc), prepare(load_rules(), Config(select=[f"DL10{i}" for i in range(1, 9)])))
    assert codes(diags) == ["DL103"]
    assert len(diags[0].evidence["missing_sections"]) == 5
    assert len(diags[0].evidence["missing_tables"]) == 3


# -- DL104 empty-problems-section ---------------------------------------------------------------

@pytest.mark.parametrize("body", ["无。", "暂无", "**无**", "没有。", "本年度无。"])
def test_dl104_none_words(body):
    diags = only(dl1(md(*full(s5=("五", PARTS["s5"][1], body)))), "DL104")
    assert len(diags) == 1 and "只写了" in diags[0].message and diags[0].line == 25


def test_dl104_empty_and_short():
    d = only(dl1(md(*full(s5=("五", PARTS["s5"][1], "")))), "DL104")
    assert len(d) == 1 and "内容为空" in d[0].message
    d = only(dl1(md(*full(s5=("五", PARTS["s5"][1], "工作有待加强。")))), "DL104")
    assert len(d) == 1 and "内容过短（去掉标点后仅6字）" in d[0].message and d[0].evidence["chars"] == 6


def test_dl104_subtitles_with_none_under_them_text():
    text = ("某某镇人民政府2022年政府信息公开工作年度报告\n五、存在的主要问题及改进情况\n（一）存在的主要问题\n暂无。\n"
            "（二）改进情况\n无。\n六、其他需要报告的事项\n无。\n")
    assert codes(dl1(text, fmt="text")) == ["DL104"]


def test_dl104_short_numbered_points_are_content():
    body = "（一）存在的主要问题\n\n1.政策解读形式单一\n\n2.目录更新不及时\n\n（二）改进情况\n\n1.丰富图解解读\n\n2.按季度检查目录"
    assert only(dl1(md(*full(s5=("五", PARTS["s5"][1], body)))), "DL104") == []


def test_dl104_section_six_saying_none_is_fine_and_any_year():
    assert only(dl1(md(*full(s6=("六", PARTS["s6"][1], "无。")))), "DL104") == []
    legacy = md(("五", "存在的主要问题及改进情况", "无。"), title="# 某某局2016年政府信息公开工作年度报告")
    assert codes(dl1(legacy)) == ["DL104"]


def test_dl104_options():
    text = md(*full(s5=("五", PARTS["s5"][1], "政策解读形式较为单一，将加以改进。")))
    assert only(dl1(text), "DL104") == []
    assert len(only(dl1(text, config={"options": {"DL104": {"min_chars": 30}}}), "DL104")) == 1
    six = md(*full(s6=("六", PARTS["s6"][1], "无。")))
    assert len(only(dl1(six, config={"options": {"DL104": {"section": "s6"}}}), "DL104")) == 1


# -- DL105 missing-table ------------------------------------------------------------------------

def test_dl105_missing_table():
    diags = dl1(md(*full(s3=("三", PARTS["s3"][1], "本年度收到申请3件，均已按时答复。"))))
    assert codes(diags) == ["DL105"]
    assert diags[0].line == 13 and "收到和处理政府信息公开申请情况" in diags[0].message
    assert diags[0].evidence["section_id"] == "s3"


@pytest.mark.parametrize("cut", ["四、政府信息公开行", "四"])
def test_dl105_a_copy_cut_in_part_fours_title_with_parts_two_and_three_empty(cut):
    """Parts 二 and 三 as bare titles, the copy cut in part 四's (real district and street pages; one cut after 四 alone):
    the copy lost their tables — said once as what the tool could not read (DL002), not as missing tables — and part
    四 on is left to the cut's DL002."""
    text = ("某某区某某局2024年政府信息公开工作年度报告\n一、总体情况\n2024年，本局认真贯彻《条例》，全年公开信息86条。\n"
            "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n" + cut)
    found = [d for d in lint(text, fmt="text") if d.code in ("DL105", "DL002", "DL101", "DL103")]
    assert [(d.code, d.line, d.severity) for d in found] == [("DL002", 4, "warning"), ("DL002", 6, "warning")]
    assert "第二、三部分的标题下没有任何内容，表二、表三不在本文件中" in found[0].message



def test_dl105_image_html_and_option():
    text = md(*full(s2=("二", PARTS["s2"][1], "![表二](t2.png)"),
                    s3=("三", PARTS["s3"][1], "<table><tr><td>自然人</td></tr></table>")))
    assert dl1(text) == []
    diags = dl1(text, config={"options": {"DL105": {"accept_images": False}}})
    assert codes(diags) == ["DL105"] and diags[0].evidence["section_id"] == "s2"


def test_dl105_all_tables_missing_with_all_sections_present():
    prose = [(n, t, "本年度情况见下文说明。") if sid in ("s2", "s3", "s4") else (n, t, b)
             for sid, (n, t, b) in PARTS.items()]
    diags = dl1(md(*prose))
    assert codes(diags) == ["DL105", "DL105", "DL105"]


# -- DL106 nonstandard-section-title ------------------------------------------------------------

def test_dl106_keyword_title_is_info_with_fix():
    diags = dl1(md(*full(s1=("一", "政府信息公开工作基本情况", PARTS["s1"][2]))))
    assert codes(diags) == ["DL106"]
    d = diags[0]
    assert d.severity == "info" and d.evidence["expected"] == "总体情况"
    assert d.fix.edits[0].replacement == "总体情况"


@pytest.mark.parametrize(("sid", "title"), [
    ("s4", "因政府信息公开工作被申请行政复议、提起行政诉讼情况"),
    ("s5", "政府信息公开工作存在的主要问题及改进情况"),
    ("s5", "存在问题及改进情况"),
])
def test_dl106_accepted_variants_quiet(sid, title):
    n, _, body = PARTS[sid]
    assert dl1(md(*full(**{sid: (n, title, body)}))) == []


# -- DL107 extra-section and DL108 subsection-numbered-as-section -------------------------------

def test_dl107_extra_section_at_end():
    parts = full() + [("七", "2024年工作思路", "进一步加强政策解读。")]
    diags = dl1(md(*parts))
    assert codes(diags) == ["DL107"] and diags[0].severity == "warning"
    assert "“七、2024年工作思路”" in diags[0].message and "六、其他需要报告的事项" in diags[0].message


def test_dl107_a_topic_of_part_one_numbered_as_a_part_is_said_to_be_its_sub_item():
    """A real report numbered part 一's topics on from 一、总体情况 (二、工作机制保障 … 六、政府信息公开平台建设) before the
    tables: DL107 told it to merge them into parts 五 or 六; they are part 一's sub-items.  An extra part elsewhere keeps
    the advice to merge."""
    parts = [PARTS["s1"], ("二", "工作机制保障", "成立了领导小组。"), ("三", "政府信息管理", "开展公开属性审查。"),
             *full(s1=None)]
    diags = [d for d in dl1(md(*parts)) if d.code == "DL107"]
    assert len(diags) == 2 and all("像是“一、总体情况”的分项" in d.message and "（二）" in d.message for d in diags)
    end = [d for d in dl1(md(*full(), ("七", "2024年工作思路", "进一步加强政策解读。"))) if d.code == "DL107"]
    assert len(end) == 1 and "宜并入规定部分" in end[0].message


def test_dl107_not_for_a_table_row_label_split_by_a_pdf_copy():
    """A PDF copy split table 三's row label 三、本年度办理结果 over lines and joined its first piece with another
    cell's words (三、本 + 法提供 of （四）无法提供), right after a piece of the table: inside part 三 that is the table's,
    not a seventh part (a real report: DL107).  A part of its own numbered 三 again after a table is still one."""
    body = T3 + "\n\n三、本法提供\n\n年度办\n\n理结果\n\n" + T3
    diags = dl1(md(*full(s3=("三", "收到和处理政府信息公开申请情况", body))))
    assert "DL107" not in codes(diags)
    st = analyse(interpret(parse(md(*full(s3=("三", "收到和处理政府信息公开申请情况", body))))))
    assert "本法提供" in "".join(b.text for b in st.by_id["s3"].blocks)  # (the part's body goes on past it)
    after_text = md(*full(s3=("三", "收到和处理政府信息公开申请情况", "全年收到申请3件。\n\n三、本法提供\n\n年度办")))
    assert "DL107" in codes(dl1(after_text))  # (not after a table: read as the report wrote it)


def test_dl108_overview_topics_numbered_as_sections():
    s1_body = ("本局全年主动公开政府信息120条。\n\n**一、主动公开**\n\n全年主动公开120条。\n\n**二、依申请公开**\n\n"
               "全年收到申请3件。\n\n**三、政府信息管理**\n\n开展公开属性审查。\n\n**四、平台建设**\n\n"
               "优化门户网站栏目。\n\n**五、监督保障**\n\n开展培训2次。")
    diags = dl1(md(*full(s1=("一", "总体情况", s1_body))))
    assert codes(diags) == ["DL108"]  # the sub-items do not hijack 二 nor shift the numbering
    d = diags[0]
    assert "“一、总体情况”下的分项“一、主动公开”等5项" in d.message and "（一）至（五）" in d.message
    assert [e.replacement for e in d.fix.edits] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    st = analyse(interpret(parse(md(*full(s1=("一", "总体情况", s1_body))))))
    assert st.by_id["s2"].title == "主动公开政府信息情况"


def test_table_of_contents_does_not_hide_the_sections():
    toc = "\n".join(f"{n}、{t}" for n, t, _ in PARTS.values())
    text = f"{TITLE}\n\n目录\n\n" + "\n\n".join(toc.split("\n")) + "\n\n" + md(*full(), title="")
    assert dl1(text) == []


@pytest.mark.parametrize("lead", ["……………………", "　　　", ""])
def test_table_of_contents_with_page_numbers_does_not_hide_the_sections(lead):
    """A contents page lists each title with its page number (dot leaders, spaces or none): the number under a
    title is not the part's body (DL104 内容过短 on “五、…… 5”, the real part with its table unread, DL105)."""
    toc = [f"{n}、{t}{lead}{k}" for k, (n, t, _) in enumerate(PARTS.values(), start=1)]
    text = "目录\n\n" + "\n\n".join(toc) + "\n\n" + md(*full())
    assert dl1(text) == []
    st = analyse_sections(interpret(parse(text)))
    assert len(st.by_id) == 6 and all(sec.heading.index > len(toc) for sec in st.by_id.values())


def test_a_part_that_is_only_a_number_is_still_too_short():
    """Without a contents page, a part whose body is a number alone is that part: still too short (DL104)."""
    assert "DL104" in codes(dl1(md(*full(s5=("五", "存在的主要问题及改进情况", "5")))))


def test_json_evidence_and_pointer_for_dl101():
    diags = dl1(md(*full(s2=None)))
    d = diags[0]
    assert d.code == "DL101" and d.evidence["basis"] == "《条例》第五十条第（一）项"
    assert d.evidence["where"] == "应位于“三、收到和处理政府信息公开申请情况”之前"


def test_sub_item_before_a_keyword_titled_part_does_not_swallow_it():
    s1 = ("一", "总体情况", "**一、概况**\n\n本局全年主动公开政府信息120条。")
    s2 = ("二", "主动公开情况", PARTS["s2"][2])
    diags = dl1(md(*full(s1=s1, s2=s2)))
    assert codes(diags) == ["DL108", "DL106"]


def test_report_pasted_twice_is_not_sub_items():
    text = md(*full()) + "\n" + md(*full(), title="")
    assert dl1(text) == []


def test_sub_items_of_part_five_with_none_under_them():
    body = "一、存在的主要问题\n\n无。\n\n二、改进措施\n\n无。"
    diags = dl1(md(*full(s5=("五", PARTS["s5"][1], body))))
    assert codes(diags) == ["DL104", "DL108"]
    assert "（一）（二）" in only(diags, "DL108")[0].message


def test_section_analysis_returns_main_sections_with_their_bodies():
    """The section analysis gives each main section its body itself (no filling afterwards); the
    sub-items numbered as sections have none: their text is their parent's body."""
    topics = "\n\n".join(f"{n}、{t}\n\n本年度工作平稳推进。" for n, t in (("一", "主动公开"), ("二", "依申请公开")))
    text = md(*full(s1=("一", "总体情况", topics)))
    report = interpret(parse(text))
    st = analyse_sections(report)
    assert [s.id for s in st.mains] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    for sec in st.mains:
        assert sec.blocks == st.body(sec) and sec.blocks
        assert st.by_id[sec.id] is sec
    s1 = st.by_id["s1"]
    assert any("本年度工作平稳推进" in b.text for b in s1.blocks)
    assert st.subruns and st.subruns[0].parent is s1
    assert all(not item.blocks for run in st.subruns for item in run.items)
    assert report.sections == report.structure.mains


# -- DL705: the mark after a part's numeral ----------------------------------------------------------

TITLE_RULES = [*(f"DL10{i}" for i in range(1, 9)), "DL112", "DL701", "DL704", "DL705"]

def _marked(mark: str, sub: str = "") -> str:
    """The full report with the marks of parts 一 and 二 written ``mark`` and a sub-heading （一） under 一 written
    with ``sub`` after it."""
    text = md(*full(), style="plain")
    for num in ("一", "二"):
        text = text.replace(f"\n{num}、", f"\n{num}{mark}", 1)
    return text.replace("本局全年主动公开", f"（一）{sub}主动公开方面\n\n本局全年主动公开", 1)


@pytest.mark.parametrize("fmt", ["markdown", "text"])
@pytest.mark.parametrize("mark", ["．", ".", "，"])
def test_a_part_numbered_with_a_stop_or_a_comma_is_told_once_per_title(fmt, mark):
    """一．总体情况 (and 一. 一，): the parts were recognised and nothing was said. GB/T 9704-2012 7.3.3: 一、."""
    text = _marked(mark)
    assert [s.id for s in analyse_sections(interpret(parse(text, fmt))).mains] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    diags = lint(text, fmt=fmt, select=TITLE_RULES)
    assert codes(diags) == ["DL705", "DL705"]  # one a title, nothing else (no DL106/DL108/DL701 on top)
    first, second = diags
    assert first.severity == "info" and first.category == "typography"
    assert first.message.startswith(f"序号“一{mark}”应写作“一、”（GB/T 9704-2012 第7.3.3条")
    assert first.evidence == {"expected": "一、", "actual": f"一{mark}"}
    assert second.evidence == {"expected": "二、", "actual": f"二{mark}"}
    assert first.fix is not None and first.fix.applicability == "unsafe"


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_a_bracketed_ordinal_with_a_mark_after_it_is_told(fmt):
    diags = lint(_marked("、", sub="、"), fmt=fmt, select=["DL705"])
    assert [d.evidence for d in diags] == [{"expected": "（一）", "actual": "（一）、"}]
    assert "带括号的序号后不再加标点" in diags[0].message


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_ordinals_written_as_the_standard_has_them_are_quiet(fmt):
    """一、 （一） and the shapes that only look alike: 第一， (a 序次语 that takes a comma), a line of prose opening
    with 一， (一，二月份…，…), two bracketed ordinals listed （一）、（二）, a number 一.5."""
    assert lint(_marked("、"), fmt=fmt, select=["DL705"]) == []
    text = md(*full(s5=("五", "存在的主要问题及改进情况",
                        "第一，政策解读形式较为单一。\n\n一，二月份集中清理了过期信息，共32条。\n\n"
                        "（一）、（二）两项整改均已完成。")), style="plain")
    assert lint(text, fmt=fmt, select=["DL705"]) == []


@pytest.mark.parametrize(("style", "fmt"), [("##", "markdown"), ("bold", "markdown"), ("plain", "markdown"),
                                           ("plain", "text")])
def test_a_part_title_closed_with_a_full_stop_is_still_the_part(style, fmt):
    """一、总体情况。 (a clerk's full stop after the title): the part was not recognised, and DL101 said, as an error,
    that the report lacks 一、总体情况."""
    text = md(*full(s1=("一", "总体情况。", PARTS["s1"][2]), s4=("四", "政府信息公开行政复议、行政诉讼情况。", T4)),
              style=style)
    rep = interpret(parse(text, fmt))
    assert [s.id for s in analyse_sections(rep).mains] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert dl1(text, fmt=fmt) == []


def test_a_sentence_that_opens_with_a_parts_numeral_is_no_heading():
    """一、总体情况良好。 and 一、加强培训。 end in a full stop and are no part's title: sentences, not headings, as
    before; only a part's exact title closed with one full stop is."""
    from disclosure_lint.report.sections import heading_of

    for sentence in ("一、总体情况良好。", "一、加强培训。", "一、总体情况。。"):
        assert heading_of(sentence, False) is None, sentence
        assert heading_of(sentence, True) is None, sentence
    assert heading_of("一、总体情况。", False)[:4] == ("s1", "一", 1, "总体情况")
    assert heading_of("总体情况。", True) is None  # unnumbered: as before


# -- a part's title broken over two lines -------------------------------------------------------------------------

def test_title_broken_by_a_line_break_is_the_part():
    """A Word heading paragraph with a line break in its title (三、收到和处理政府信息 / 公开申请情况) is part 三 (it was
    DL101 缺少第三部分, an error); lines that only joined would read as a title's start are not."""
    clean = (Path(__file__).resolve().parent.parent / "examples" / "clean-2023.md").read_text(encoding="utf-8")
    d = docx.Document(io.BytesIO(render.to_docx(clean)))
    p = next(p for p in d.paragraphs if p.text == "三、收到和处理政府信息公开申请情况")
    for r in p.runs:
        r.text = ""
    p.runs[0].text = "三、收到和处理政府信息"
    p.runs[0].add_break()
    p.add_run("公开申请情况")
    out = io.BytesIO()
    d.save(out)
    config = Config()
    doc = read_document("r.docx", out.getvalue())
    assert "三、收到和处理政府信息\n公开申请情况" in [b.text for b in doc.blocks]
    assert codes(run(interpret(doc, Overrides()), prepare(load_rules(), config), config.limits)) == []
    assert heading_of("三、收到和处理政府信息\n公开申请情况", False)[:3] == ("s3", "三", 3)
    assert heading_of("二、主动公开政府信息情况\n第二十条第（一）项", False) is None  # a title and a caption
    assert heading_of("一、总体情况\n2023年，本局全面推进政务公开", False) is None  # a title and its text


def test_title_broken_by_a_br_into_two_blocks_is_the_part():
    """An HTML heading 三、收到和处理政府信息<br>公开申请情况 (two blocks) is part 三, with a typo in it too (DL112, the
    title joined); a numbered title of no part with a line after it that does not complete a title stays as it was."""
    clean = (Path(__file__).resolve().parent.parent / "examples" / "clean-2023.md").read_text(encoding="utf-8")
    page = render.to_html(clean)
    broken = page.replace("三、收到和处理政府信息公开申请情况", "三、收到和处理政府信息<br>公开申请情况", 1)
    assert broken != page
    assert codes(lint(broken, fmt="html")) == []
    typo = broken.replace("三、收到和处理政府信息<br>", "三、收到和处里政府信息<br>", 1)
    diags = lint(typo, fmt="html")
    assert codes(diags) == ["DL112"] and "收到和处里政府信息公开申请情况" in diags[0].message
    other = page.replace("三、收到和处理政府信息公开申请情况", "三、收到和处理政府信息<br>工作情况", 1)
    assert "DL101" in codes(lint(other, fmt="html"))


def test_a_wrong_part_numeral_in_a_copy_cut_before_part_four():
    # 一、总体情况 then 一、主动公开… (part 二 numbered 一): told even though the copy stops in part 三 — three parts
    # and a statistics table say the report is in the unified format
    text = ("某某开发区管委会2023年政府信息公开工作年度报告\n一、总体情况\n2023年，本委认真贯彻《条例》，全年主动公开政府信息120条。\n"
            "一、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n"
            "行政规范性文件\t2\t0\t5\n三、收到和处理政府信息公开申请情况\n本年度新收申请3件，均已办\n")
    got = lint(text, fmt="text", select=["DL102", "DL002"])
    assert sorted((d.code, d.line) for d in got) == [("DL002", 10), ("DL102", 4)]
    # without the table (the parts' titles alone in a cut copy): not judged
    bare = text.replace("第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t2\t0\t5\n",
                        "本委主动公开规范性文件2件。\n")
    assert [d.code for d in lint(bare, fmt="text", select=["DL102"])] == []


def test_an_empty_part_two_in_a_copy_cut_in_table_three_is_said():
    # part 二's title with nothing under it, then part 三 and its table cut: part 二 was read whole, its table is not
    # there (a text copy lost it: DL002 says so once) — the cut later in the file does not hide that
    text = ("某某县某某局2023年政府信息公开工作年度报告\n一、总体情况\n2023年，本局认真贯彻《条例》，全年主动公开政府信息120条。\n"
            "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n"
            "一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n二、上年结转政府信息公开数量\t0\t0\t0\t0\t0\t0\t0\n"
            "三、本年度办理结果\t（一\n")
    assert lint(text, fmt="text", select=["DL105"]) == []
    got = [d for d in lint(text, fmt="text", select=["DL002"]) if "标题下没有任何内容" in d.message]
    assert [(d.line, d.severity) for d in got] == [(4, "warning")] and "第二部分的标题下没有任何内容" in got[0].message


# -- a draft of the format's parts with some left out (fewer than four found) ---------------------

GAP_BODIES = {sid: (num, head, "本年度按要求编写，具体情况如下。") for sid, (num, head, _) in PARTS.items()}


@pytest.mark.parametrize(("found", "missing", "no_table"), [
    (("s1", "s3", "s5"), {"s2", "s4", "s6"}, {"s3"}),  # gaps and a missing end
    (("s1", "s2", "s4"), {"s3", "s5", "s6"}, {"s2", "s4"}),
    (("s1", "s5", "s6"), {"s2", "s3", "s4"}, set()),
])
def test_a_draft_with_parts_left_out_is_missing_them(found, missing, no_table):
    """Two or three parts by the format's own titles and numerals, not the first ones in a row, in a text not cut: the
    others are missing (DL101) and the parts 二–四 there lack their tables (DL105). It passed with no finding at all
    (four parts make a report the format's; fewer were taken for free text, and free text needs unknown parts)."""
    text = md(*(GAP_BODIES[sid] for sid in found)) + "\n某某市某某局\n2024年1月20日\n"
    got = lint(text, select=["DL101", "DL105", "DL103", "DL002"], year=2023)
    assert {d.evidence["section_id"] for d in only(got, "DL101")} == missing
    assert {d.evidence.get("section_id") for d in only(got, "DL105")} == no_table
    assert not only(got, "DL103") and not only(got, "DL002")


def test_parts_left_out_are_not_said_missing_of_a_cut_copy_or_free_text():
    # the first two parts in a row, ending on a sentence: a copy cut there or a draft — DL002 says so, none missing
    first = md(GAP_BODIES["s1"], GAP_BODIES["s2"])
    got = lint(first, select=["DL101", "DL002"], year=2023)
    assert codes(got) == ["DL002"]
    # a free text with the old parts (一、概述 …) and two titles the format shares: not a draft of the format
    old = md(("一", "概述", "本局全年主动公开政府信息120条。"), GAP_BODIES["s2"],
             ("三", "依申请公开政府信息情况", "本年未收到申请。"), GAP_BODIES["s6"])
    assert not only(lint(old, select=["DL101"], year=2023), "DL101")
    # parts 二 and 三 under the report's title: maybe the second page of an article the portal paginates (the title on
    # every page) — no part said missing
    assert not only(lint(md(GAP_BODIES["s2"], GAP_BODIES["s3"]), select=["DL101"], year=2023), "DL101")
    # a copy cut after the colon that opens a list (改进情况：一): cut, not a draft missing its parts
    cut = md(GAP_BODIES["s1"], ("五", "存在的主要问题及改进情况", "存在问题：公开不够及时。改进情况：一"))
    got = lint(cut, select=["DL101", "DL002"], year=2023)
    assert codes(got) == ["DL002"] and "改进情况：一" in got[0].message


def test_part_five_whose_title_was_lost_is_said_so():
    """A real 2025 report converted from PDF: （一）2024年工作中存在问题的改进情况 … between parts 四 and 六, the title 五、…
    lost — not "part 五 missing" (an error) but its title (a warning that says where the content is)."""
    def report(five: str) -> str:
        parts = "\n\n".join(f"## {n}、{t}\n\n{body}" for sid, (n, t, body) in PARTS.items() if sid in ("s1", "s2", "s3", "s4"))
        return f"{TITLE}\n\n{parts}\n\n{five}## 六、其他需要报告的事项\n\n本年度未收取信息处理费。\n"
    lost = report("（一）2024年工作中存在问题的改进情况\n\n针对上年存在的问题，采取了如下措施。\n\n")
    found = [d for d in lint(lost, select=["DL101"]) if d.code == "DL101"]
    assert [(d.severity, d.evidence["untitled_content"][:6]) for d in found] == [("warning", "（一）202")]
    assert "的标题：第四、六部分之间的“（一）2024年工作中存在问题的改进情况”像是这一部分的内容" in found[0].message
    found = [d for d in lint(report(""), select=["DL101"]) if d.code == "DL101"]
    assert [d.severity for d in found] == ["error"] and "像是这一部分的内容" not in found[0].message


def test_dl103_on_a_copy_that_starts_at_part_three_says_so():
    """A real township's page starts at 三、收到和处理… (parts 一 and 二 not in the file) and ends with its 落款: DL103 said
    "文件在中途结束" — it says the file does not start at the beginning."""
    text = ("三、收到和处理政府信息公开申请情况\n本年度未收到政府信息公开申请。\n四、政府信息公开行政复议、行政诉讼情况\n"
            "本年度没有行政复议和行政诉讼。\n五、存在的主要问题及改进情况\n一是公开内容不够丰富。\n六、其他需要报告的事项\n无。\n"
            "某某苏木人民政府\n2020年1月9日\n")
    found = [d for d in lint(text, select=["DL103"], fmt="text", year=2019) if d.code == "DL103"]
    assert found and "文件不是从头开始" in found[0].message and "中途结束" not in found[0].message
