"""DL703 unbalanced brackets and quotes, and the report fact behind it (report/brackets.py)."""

from __future__ import annotations

import pytest

from disclosure_lint.api import check_paths
from disclosure_lint.report import interpret

from .conftest import NO_SHARED, SHARED, lint, parse

EXCERPTS = SHARED / "corpus" / "excerpts"


def dl703(text: str, fmt: str = "markdown", select=("DL703",)):
    return [d for d in lint(text, select=list(select), fmt=fmt) if d.code == "DL703"]


def facts(text: str, fmt: str = "markdown"):
    return interpret(parse(text, fmt)).brackets


# -- the report fact ------------------------------------------------------------------------------

def test_fact_pairs_and_unbalanced_members():
    br = facts("依据《条例》（以下简称《规定》（试行））和“三审三校“制度（详见附件。")
    assert [(p.open.char, p.close.char) for p in br.pairs] == [("《", "》"), ("（", "）"), ("《", "》"), ("（", "）")]
    probs = [(u.mark.char, u.problem, u.expected) for u in br.unbalanced]
    assert probs == [("“", "reversed", "”"), ("（", "unclosed", "）")]
    assert br.odd_pairs == []


def test_fact_plain_paragraphs_list_their_pairs_too():
    br = facts("依据《条例》（国务院令第711号）编制。\n\n落实“三审三校”制度。\n")
    assert br.unbalanced == [] and br.odd_pairs == []
    assert [(p.open.char, p.close.char, p.open.start, p.close.start) for p in br.pairs] == [
        ("《", "》", 2, 5), ("（", "）", 6, 16), ("“", "”", 2, 7)]


def test_fact_mixed_mismatched_and_document_numbers():
    br = facts("依据《条例》（国务院令第711号)和国办公开办函（2021]30号，详见【专栏）。")
    odd = [(p.open.char, p.close.char, p.mixed, p.mismatched) for p in br.odd_pairs]
    assert odd == [("（", ")", True, False), ("【", "）", False, True)]
    doc = [p for p in br.pairs if p.doc_number]
    assert [(p.open.char, p.close.char) for p in doc] == [("（", "]")]
    assert br.unbalanced == []


def test_fact_doubled_members_are_marked():
    br = facts("依据《《条例》编制，落实““三审三校”制度。")
    assert [(u.mark.char, u.doubled) for u in br.unbalanced] == [("《", True), ("“", True)]


# -- fires ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "col", "fragment"), [
    ("依据《中华人民共和国政府信息公开条例》（以下简称《条例》编制本报告。", 20, "“（”在本段中没有对应的“）”"),
    ("根据《国务院办公厅关于做好政务公开工作的通知规定编制本报告。", 3, "“《”在本段中没有对应的“》”"),
    ("本报告在门户网站泰安某局”（www.example.gov.cn）全文公开。", 13, "“””前面没有对应的““”"),
    ("严格执行“三审三校“制度，确保信息发布准确。", 10, "此处的““”应为“””"),
    ("严格执行”三审三校”制度。", 5, "此处的“””应为““”"),
    ("详见政府信息公开专栏〔含历史信息。", 11, "“〔”在本段中没有对应的“〕”"),
    ("本机关不掌握相关信息】，已告知申请人。", 11, "“】”前面没有对应的“【”"),
])
def test_dl703_fires_with_position_and_message(text, col, fragment):
    [d] = dl703(text)
    assert (d.line, d.column, d.severity) == (1, col, "warning")
    assert fragment in d.message and d.message.startswith("括号或引号不配对")


def test_dl703_two_closing_quotes_around_a_sentence_part_are_two_unopened():
    # 某某微讯”…，…某某微讯”: each quotation's “ left out, not a ” written for “ (which would quote half a sentence)
    ds = dl703("积极运用某某微讯”微信公众号，设置政务公开专栏，通过某某微讯”平台发布信息78条。")
    assert [(d.column, d.evidence["problem"]) for d in ds] == [(9, "unopened"), (31, "unopened")]
    assert all(d.fix is None for d in ds)


def test_dl703_reversed_quote_has_an_unsafe_fix():
    [d] = dl703("严格执行“三审三校“制度。")
    assert d.fix is not None and d.fix.applicability == "unsafe"
    assert [(e.column, e.end_column, e.replacement) for e in d.fix.edits] == [(10, 11, "”")]
    assert (d.evidence["expected"], d.evidence["actual"], d.evidence["problem"]) == ("”", "“", "reversed")


@pytest.mark.parametrize(("text", "col", "fragment", "replacement"), [
    ("依据《条例》（国务院令第711号)编制。", 17, "“（”与“)”全角半角混用", "）"),
    ("依据《条例》(国务院令第711号）编制。", 17, "“(”与“）”全角半角混用", ")"),
    ("详见门户网站【政府信息公开专栏）。", 16, "“【”与“）”不是同一种括号", "】"),
])
def test_dl703_odd_pairs(text, col, fragment, replacement):
    [d] = dl703(text)
    assert (d.line, d.column) == (1, col)
    assert fragment in d.message
    assert d.fix.applicability == "unsafe" and d.fix.edits[0].replacement == replacement


def test_dl703_in_a_markdown_paragraph_reports_the_right_line():
    text = "# 某局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n全年主动公开政府信息120条，\n其中政策解读15条（含图解5条。\n"
    [d] = dl703(text)
    assert (d.line, d.column) == (6, 10)


def test_dl703_flattened_report_keeps_paragraphs_apart_and_positions_exact():
    """A whole report on one line: the unclosed bracket of the first paragraph is not "closed" by
    a later paragraph's, and the column is the one in the long line."""
    text = ("某局2023年政府信息公开工作年度报告 一、总体情况 本报告由局办公室编制（统计期限为2023年1月1日至12月31日。"
            " （一）主动公开 全年主动公开信息120条（含政策解读15条）。 （二）依申请公开 新收申请5件）。")
    ds = dl703(text, fmt="text")
    assert [(d.line, d.column, d.match) for d in ds] == [
        (1, text.index("（统计") + 1, "（"), (1, text.index("件）") + 2, "）")]


def test_dl703_portal_page_with_metadata_and_truncated_end():
    text = ("首页 > 政府信息公开 > 政府信息公开年报\n"
            "某镇2023年政府信息公开工作年度报告\n"
            "发布日期：2024-01-12 浏览次数：【字体：大 中 小】【打印】【关闭】\n"
            "一、总体情况\n"
            "严格执行“三审三校”制度（详见附件2。\n"
            "二、主动公开政府信息情况\n"
            "全年公开信息120条（其中政策")
    ds = dl703(text, fmt="text")
    assert [(d.line, d.column) for d in ds] == [(5, 13)]


# -- quiet ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "依据《中华人民共和国政府信息公开条例》（以下简称《条例》（国务院令第711号））编制。",
    "依据国办公开办函〔2021〕30号、侯政办[2018]127号和国办公开办函(2019)60号编制。",
    "主要措施：1）完善制度；2）加强培训；3）优化栏目。a) 规范流程；b) 强化考核。",
    "1）完善公开目录。",
    "建设“‘四最’营商环境”专栏，落实“先审后发”“一事一审”要求。",
    "the People’s Government, the students’ union（英文名称）。",
    "Regulations of the State Council ’s General Office（英文译文）。",  # a space before the apostrophe (a translation)
    # a quotation inside a quotation, written with “” both times: closed twice, no mark unpaired
    "现将有关情况报告如下。“所列数据可在“某某县政府网站年报栏目”查阅。如有疑问请联系。”",
    "按照\"应公开尽公开\"原则，依据<中华人民共和国政府信息公开工作年度报告格式>编制。",
    "（地址：某市某路1号；工作时间：夏季（7月15日-9月30日）上午09:00-12:00 下午14:00-17:30）。",
])
def test_dl703_quiet_on_correct_text(text):
    assert dl703(text) == []


def test_dl702_forms_are_not_double_reported():
    ds = lint("按照国办公开办函（2021]30号、国办公开办函【2021）30号要求编制。", select=["DL702", "DL703"])
    assert [d.code for d in ds] == ["DL702", "DL702"]


def test_doubled_marks_are_dl901_not_dl703():
    ds = lint("依据《《条例》编制，落实““三审三校”制度，详见附件（国务院令第711号））。", select=["DL703", "DL901"])
    assert [(d.code, d.match) for d in ds] == [("DL901", "《《"), ("DL901", "““"), ("DL901", "））")]


def test_multi_paragraph_quotation():
    """GB/T 15834-2011 4.6.3.3: each paragraph of a quotation opens with “, only the last closes."""
    md = "会议要求：“一要提高认识。\n\n“二要加强督查。\n\n“三要狠抓落实。”\n"
    assert dl703(md) == []
    assert dl703(md.replace("\n\n", "\n"), fmt="text") == []
    # a quotation left open that the next paragraph does not continue is reported
    [d] = dl703("会议要求：“一要提高认识。\n\n二要加强督查。\n")
    assert (d.line, d.column) == (1, 6)


def test_brackets_split_across_table_cells_or_lines():
    table = ("| 项目 | 说明 |\n|---|---|\n| （二）部分公开（区分处理的， | 只计这一情形） |\n"
             "| （本列数据的勾稽关系为：第一项加第二项之和， | 0 |\n| 等于第三项加第四项之和） | 0 |\n")
    assert dl703(table) == []
    wrapped = "如有疑问请与办公室联系（地址：某市某路1号\n邮编：100000\n电话：010-12345678）。\n"
    assert dl703(wrapped, fmt="text") == []
    # a paragraph that ended its sentence gets one paragraph to close, not more
    ds = dl703("详见附件（含名单。\n一、总体情况\n全年公开信息。）\n", fmt="text")
    assert [(d.line, d.match) for d in ds] == [(1, "（"), (3, "）")]


def test_last_block_of_an_excerpt_is_not_blamed():
    assert dl703("一、总体情况\n全年公开信息120条（其中“政策解读", fmt="text") == []
    # …but a complete last paragraph is
    [d] = dl703("一、总体情况\n全年公开信息120条（其中政策解读15条。", fmt="text")
    assert d.match == "（"


def test_at_most_100_findings_per_file():
    ds = dl703("详见附件（" * 300 + "。")
    assert len(ds) == 101 and ds[-1].evidence["omitted"] == 200  # 100 listed, one summing up the other 200
    assert "……及另外199处" in ds[-1].message


def test_html_and_gbk_text(tmp_path):
    html = ("<html><body><h1>某局2023年政府信息公开工作年度报告</h1>"
            "<p>依据《条例》（以下简称条例编制。</p><table><tr><td>（区分处理的，</td><td>只计这一情形）</td></tr>"
            "<tr><td>1</td><td>2</td></tr></table></body></html>")
    (tmp_path / "r.html").write_text(html, encoding="utf-8")
    (tmp_path / "r.txt").write_bytes("一、总体情况\n依据《条例》（以下简称条例编制。\n".encode("gbk"))
    run = check_paths([str(tmp_path / "r.html"), str(tmp_path / "r.txt")], select=["DL703"])
    html_ds, txt_ds = (fr.diagnostics for fr in run.files)
    assert [d.match for d in html_ds] == ["（"]
    assert [(d.line, d.column, d.match) for d in txt_ds] == [(2, 7, "（")]


# -- the real corpus --------------------------------------------------------------------------------

@pytest.mark.skipif(not EXCERPTS.exists(), reason=NO_SHARED)
def test_corpus_findings_are_the_real_defects():
    files = sorted(str(p) for p in EXCERPTS.glob("*.txt"))
    files += [str(p) for p in (SHARED / "corpus" / "pdf").glob("*.pdf")]
    files += [str(p) for p in (SHARED / "corpus" / "docx").glob("*.docx")]
    files += [str(SHARED / "seed" / "shangtang-2019.txt")]
    run = check_paths(files, select=["DL703"])
    found = {(fr.path.split("/")[-1], d.line, d.column, d.match) for fr in run.files for d in fr.diagnostics}
    # 027: 本机关网站泰安市商务局”(…): a closing quote with no opening one;
    # 033: 和《国务院办公厅…关于印发<…>的通知规定编制: the title mark is never closed
    assert found == {("027.txt", 2, 87, "”"), ("033.txt", 1, 80, "《")}


def test_deep_nesting_with_quotes_is_linear():
    # the pairing check searched the whole stack for an open quotation mark at every quotation mark (quadratic)

    text = "某局2023年政府信息公开工作年度报告\n" + "（" * 40_000 + "“”" * 40_000 + "）" * 40_000 + "。\n"
    br = facts(text, fmt="text")
    assert br.unbalanced == []


def test_plain_check_remembers_only_short_sequences():
    from disclosure_lint.report import brackets

    before = brackets._plain_short.cache_info().currsize
    assert brackets._plain("（" * 100 + "）" * 100) and not brackets._plain("“（“）”")
    assert not brackets._plain("（（“”“”）") and brackets._plain("《》“（）”")
    assert brackets._plain_short.cache_info().currsize <= before + 3


def test_quotation_going_on_in_the_next_flattened_paragraph():
    # flattened text: the next paragraph is a segment of the same block; its first mark is read in place
    text = "某局2023年政府信息公开工作年度报告 群众反映：“办事指南不清楚。 “已于当月更新。”\n"
    assert dl703(text, fmt="text") == []
    ds = dl703("某局2023年政府信息公开工作年度报告 群众反映：“办事指南不清楚。 已于当月更新。\n", fmt="text")
    assert [(d.line, d.column, d.match) for d in ds] == [(1, 26, "“")]


def test_a_stray_closing_mark_inside_round_brackets_is_one_finding():
    # (闽政办2018〕43号): the 〔 was left out; the round brackets pair, the 〕 is the one stray mark
    [d] = dl703("依据《某某办法》(闽政办2018〕43号)规定执行。")
    assert (d.match, d.evidence["problem"]) == ("〕", "unopened")
    # （…】 with no ） after it is still one pair of the wrong kinds
    [d] = dl703("依据某文件（某政办〔2018〕43号】规定执行。")
    assert "不是同一种括号" in d.message


def test_reversed_quotes_between_two_quotations_are_still_found():
    # “六稳“、”六保”: the first closes with “ and the second opens with ” (not a quotation inside a quotation)
    assert [(d.match, d.evidence["problem"]) for d in dl703("今年，围绕“六稳“、”六保”工作，加强政策解读。")] == [
        ("“", "reversed"), ("”", "reversed")]


def test_dl703_a_document_numbers_year_run_into_its_number_says_the_copy_may_have_lost_the_bracket():
    [d] = lint("按照《某某通知》（某办函〔202137号）要求编制本报告。", select=["DL703"])
    assert d.match == "〔" and "网页转存的文本常丢失“〕”" in d.message
    [d] = lint("按照《某某通知》（某办函〔2021）要求编制本报告。", select=["DL703"])
    assert "转存" not in d.message


def test_dl703_in_a_copy_that_lost_characters_elsewhere_says_this_mark_may_have_lost_its_pair_too():
    lost = "本报告统计期限为202311日至20231231日。坚持“两点”定位、“两地”“两高目标，推进公开。"
    [d] = lint(lost, select=["DL703"])
    assert d.match in "“”" and "转存丢字的痕迹：日期缺“年”“月”，" in d.message
    assert "文号缺" not in d.message  # (only the signs the copy shows are named: an audit found 文号缺〕 named on pages without)
    [d] = lint(lost.replace("202311日至20231231日", "2023年1月1日至12月31日"), select=["DL703"])
    assert "转存" not in d.message  # no sign of a lossy copy: the writer's slip


def test_dl703_a_copy_whose_date_marks_became_spaces_is_a_lossy_copy_too():
    """A real page: 年 and 月 turned to spaces (2023 1 1 日), the ( before 国务院令 and the 〕 of a number lost."""
    text = ("本报告根据《中华人民共和国政府信息公开条例》 国务院 令第 711 号)和《格式》 国办公开办函〔202130 号)编制，"
            "统计期限为 2023 1 1 日至 2023 12 31 日。")
    found = lint(text, select=["DL703"])
    assert [d.match for d in found] == [")", ")"]
    assert "转存丢字的痕迹：日期缺“年”“月”、文号缺“〕”" in found[0].message and "网页转存的文本常丢失“〕”" in found[1].message
    plain = text.replace("2023 1 1 日至 2023 12 31 日", "2023年1月1日至2023年12月31日").replace("〔202130 号)", "〔2021〕30号")
    assert "转存" not in lint(plain, select=["DL703"])[0].message  # no sign of a lossy copy: the writer's slip


def test_dl703_a_closing_bracket_leading_a_line_says_an_item_marker_may_have_lost_its_first_half():
    text = "一、总体情况\n(一)强化主动公开。全年公开信息20条。\n)健全工作机制。建立审核制度。\n"
    [d] = lint(text, select=["DL703"], fmt="text")
    assert d.match == ")" and "序号“（二）”一类丢了前半" in d.message
    [d] = lint("全年公开信息20条)，其中文件5件。", select=["DL703"])
    assert "丢了前半" not in d.message  # inside a sentence: the writer's slip


@pytest.mark.parametrize("fields", ["发布时间: 2024-01-12 作者: 来源: 点击: 字体:【",
                                    "发布时间: 2024-01-12 作者: 来源: 点击: 字体:【\n大 中 小】"])
def test_an_empty_font_switch_ending_the_portals_line_is_the_portals(fields):
    text = f"某某局2023年政府信息公开工作年度报告\n{fields}\n一、总体情况\n本局全年主动公开政府信息120条。\n"
    assert [d.code for d in lint(text, select=["DL701", "DL703"], fmt="text")] == []


@pytest.mark.parametrize("line", ["访问次数: 【字号", "【打印此页】  【关闭", "【字体: 【下载Word】", "字号:【 视力保护色:",
                                  "来源:某某局阅读:发布时间:2024-01-30 15:19字体【", "发表时间:2020-01-08 字体:【】【】【"])
def test_dl703_a_pages_tool_whose_bracket_the_copy_lost_is_not_the_reports(line):
    text = f"某某局2023年政府信息公开工作年度报告\n{line}\n一、总体情况\n本局全年主动公开政府信息120条。\n"
    assert lint(text, select=["DL703"], fmt="text") == []


def test_dl703_a_bracket_after_a_word_that_is_no_page_tool_is_the_reports():
    text = "某某局2023年政府信息公开工作年度报告\n一、总体情况\n本局全年主动公开【政府信息120条。\n"
    assert [d.code for d in lint(text, select=["DL703"], fmt="text")] == ["DL703"]


def test_a_quotation_left_open_before_a_quoted_name_is_one_missing_mark():
    # “…“name”: the first quotation's ” left out — one finding at the first “, not a reversed “ and a stray ”
    ds = dl703("报告电子版可在“政府信息公开网站“市卫生健康委”版块下载。\n", fmt="text")
    assert [(d.column, d.evidence.get("problem"), d.match) for d in ds] == [(8, "unclosed", "“")]
    # a second “ whose next ” closes a clause, not a name, is still the first one's reversed ”
    ds = dl703("推进“放管服“改革，落实“双随机”监管。\n", fmt="text")
    assert [d.evidence.get("problem") for d in ds] == ["reversed"]
    # a quoted slogan of several phrases (、 between them) is a quotation of its own too (a real bureau's report)
    ds = dl703("开通公众号“某某微讯以“公开政务、服务民生、沟通交流、凝聚民心”为宗旨发布信息。\n", fmt="text")
    assert [(d.column, d.evidence.get("problem")) for d in ds] == [(6, "unclosed")]


def test_a_damaged_pinyin_gloss_is_no_bracket():
    """A content farm's glossed copy (數(shù)) whose gloss lost its "(" to "?" (欄目?jī)?nèi)容, a real page): the ")" closes
    that gloss, not a bracket of the report's; a ")" after plain letters is still reported."""
    text = "# 某某局2010年政府信息公开工作年度报告\n\n从源头上确保欄目?jī)?nèi)容更新的及时性。\n"
    assert [d for d in lint(text, select=["DL703"]) if d.code == "DL703"] == []
    assert [d.code for d in lint(text.replace("?jī)", "abc)"), select=["DL703"])] == ["DL703"]


def test_a_mixed_pairs_half_width_member_is_reported_once():
    # a real report's （二) (written anew): DL701 reports the half-width ) with its fix, which makes the pair one kind;
    # DL703 does not list the same mark again.
    text = "二、主动公开政府信息情况\n\n（二)依申请公开方面，本机关全年未收到申请。\n"
    got = [(d.code, d.column) for d in lint(text, select=["DL701", "DL703"], fmt="text")]
    assert got == [("DL701", 3)]
    alone = [(d.code, d.column) for d in lint(text, select=["DL703"], fmt="text")]
    assert alone == [("DL703", 3)]  # (without DL701 selected, DL703 reports it)
