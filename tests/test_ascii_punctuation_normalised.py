"""DL701 on a text with the marks NFKC normalisation leaves (every comma, colon and bracket half-width, 。 and 、
full-width): one finding stands for all of them, with a fix whose edits are applied one by one."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from disclosure_lint.diagnostics import Diagnostic, Edit, Fix

from .conftest import lint

# a report excerpt written for this test (not copied from any report), as a store that normalises text keeps it:
# ，：；（） half-width, 。、“” full-width
NORMALISED = """青山县农业农村局2023年政府信息公开工作年度报告

一、总体情况

2023年,我局认真贯彻落实《中华人民共和国政府信息公开条例》(以下简称《条例》),围绕“三农”工作重点,
推进决策、执行、管理、服务、结果公开。全年主动公开政府信息215条,其中政策解读12篇。

(一)主动公开

我局通过门户网站、政务新媒体等渠道发布信息:涉农补贴、项目审批、执法检查等。全年召开新闻发布会2次;
回应社会关切5次。

(二)依申请公开

全年收到政府信息公开申请6件,均在法定期限内答复,没有被申请行政复议或提起行政诉讼的情况。

(三)政府信息管理

我局建立健全信息发布审核制度,落实“三审三校”,全年未发生泄密事件。对历年发布的规范性文件进行清理,
废止3件、修改2件。

(四)平台建设

我局持续优化门户网站信息公开专栏,新增“惠农政策”栏目,及时更新机构职能、领导信息、办事指南等内容。

(五)监督保障

我局将政务公开纳入年度考核,开展业务培训2次,培训人员60人次;主动接受社会监督,未收到投诉举报。

二、存在的主要问题及改进情况

一是信息发布的及时性有待提高;二是政策解读的形式较为单一。下一步,我局将加强统筹,丰富解读形式。
"""

runner = CliRunner()


def _ascii(diags):
    return [d for d in diags if d.code == "DL701"]


def _marks(text: str) -> int:
    return sum(text.count(c) for c in ",;:()")


# the marks DL701 reports in NORMALISED: all but the list markers "(一)" … "(五)" at a line start (exempt)
REPORTED = _marks(NORMALISED) - 2 * 5


def test_one_finding_stands_for_every_mark():
    diags = _ascii(lint(NORMALISED, select=["DL701"]))
    assert len(diags) == 1
    d = diags[0]
    n = d.evidence["count"]
    assert n == REPORTED
    assert d.evidence["normalised"] == "NFKC" and sum(d.evidence["by_mark"].values()) == n
    assert (d.line, d.column, d.match) == (5, 6, ",")  # at the first mark
    assert f"全文共{n}处半角" in d.message and "兼容规范化（NFKC" in d.message and f"代表全部{n}处" in d.message
    assert d.severity == "info" and "只作提示" in d.message  # most likely the copy's, not the report's
    assert d.fix is not None and d.fix.independent and len(d.fix.edits) == n
    assert {e.replacement for e in d.fix.edits} == {"，", "：", "；", "（", "）"}


def test_a_full_width_mark_or_other_nfkc_character_keeps_them_one_by_one():
    n = REPORTED
    for changed in (NORMALISED.replace("215条,", "215条，"),  # one full-width comma: a writer's slips, not NFKC
                    NORMALISED.replace("2023年,", "２０２３年,"),  # full-width digits: NFKC would have made them ASCII
                    NORMALISED.replace("二是", "\u3000二是")):  # an ideographic space
        diags = _ascii(lint(changed, select=["DL701"]))
        assert len(diags) in (n, n - 1), changed[:40]
        assert all(d.message.endswith(f"应使用全角“{d.evidence['expected']}”") for d in diags)
        assert all(d.fix is not None and not d.fix.independent for d in diags)


def test_what_stores_keep_while_they_make_the_marks_half_width_is_still_a_normalised_copy():
    # an ellipsis, a parenthesised numeral heading, a unit sign: NFKC would change them, but the stores seen making
    # every comma and bracket half-width kept them — one finding still stands for all the marks
    for changed in (NORMALISED.replace("内容。", "内容……"), NORMALISED.replace("(一)主动公开", "㈠主动公开"),
                    NORMALISED.replace("培训人员60人次", "培训场地300㎡")):
        diags = _ascii(lint(changed, select=["DL701"]))
        assert len(diags) == 1 and diags[0].evidence["normalised"] == "NFKC", changed[:40]


def test_short_text_and_the_option_keep_them_one_by_one():
    short = "本局全年公开信息12条,解读3篇,回应关切2次。办理申请5件。答复及时。"
    assert len(_ascii(lint(short, select=["DL701"]))) == 2
    each = lint(NORMALISED, select=["DL701"], config={"options": {"DL701": {"collapse_normalised": False}}})
    assert len(_ascii(each)) == REPORTED


def test_a_short_excerpt_with_many_half_width_marks_is_one_finding():
    # an excerpt of a stored page (under 500 characters) whose every comma and bracket was made half-width
    short = ("根据《条例》(国办公开办函〔2021〕30号)相关要求编制,内容包括总体情况、主动公开政府信息情况、收到和处理申请情况等。"
             "全年主动公开信息120条,其中政策文件15条,解读8篇,回应关切2次。办理申请5件,均按时答复。")
    diags = _ascii(lint(short, select=["DL701"], fmt="text"))
    assert len(diags) == 1 and diags[0].evidence["normalised"] == "NFKC"
    assert "全文共7处" in diags[0].message
    # a clerk's short draft (Markdown, Word) keeps them one by one
    assert len(_ascii(lint(short, select=["DL701"]))) == 7


def test_straight_quotes_are_still_reported_each():
    text = NORMALISED.replace("新增“惠农政策”栏目", '新增"惠农政策"栏目')
    diags = _ascii(lint(text, select=["DL701"]))
    assert [d.match for d in diags] == [",", '"', '"']
    assert [d.evidence.get("expected") for d in diags[1:]] == ["“", "”"]


def test_fix_applies_every_mark_it_can(tmp_path):
    from disclosure_lint.cli import app

    path = tmp_path / "report.md"
    # one mark inside a code span: reported, never rewritten; the others are fixed all the same
    path.write_text(NORMALISED.replace("二是", "`代码,保留`二是"), encoding="utf-8")
    res = runner.invoke(app, ["check", "--isolated", "--select", "DL701", "--fix", str(path)])
    fixed = path.read_text(encoding="utf-8")
    assert "`代码,保留`" in fixed
    assert "2023年，我局" in fixed and "（以下简称《条例》）" in fixed and "发布信息：涉农补贴" in fixed
    assert _marks(fixed.replace("`代码,保留`", "")) == 2 * 5  # only the list markers "(一)" … "(五)" stay (exempt)
    assert f"已修复 {REPORTED} 处问题" in res.output, res.output
    again = runner.invoke(app, ["check", "--isolated", "--select", "DL701", "--fix", str(path)])
    assert path.read_text(encoding="utf-8") == fixed and "已修复 0 处问题" in again.output


def test_html_page_fix_skips_protected_text(tmp_path):
    from disclosure_lint.cli import app

    body = "".join(f"<p>{p}</p>\n" for p in NORMALISED.split("\n\n"))
    page = f'<html><head><meta charset="gb2312"><title>报告</title></head><body>\n{body}' \
           '<p>代码 <code>a,中文(b)</code> 保持原样。</p>\n</body></html>\n'
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("gb18030"))
    runner.invoke(app, ["check", "--isolated", "--select", "DL701", "--fix", str(path)])
    fixed = path.read_bytes().decode("gb18030")
    assert "<code>a,中文(b)</code>" in fixed and "2023年，我局" in fixed and "废止3件、修改2件" in fixed


def test_fix_json_round_trip():
    edits = (Edit(1, 2, 1, 3, "，"), Edit(2, 1, 2, 2, "："))
    plain = Fix("将“,”改为“，”", edits[:1])
    assert "independent" not in plain.to_json()  # every other fix's output is as it was
    many = Fix("将全文2处半角标点改为全角", edits, independent=True)
    assert many.to_json()["independent"] is True
    for fix in (plain, many):
        d = Diagnostic(path="a.md", code="DL701", rule="ascii-punctuation", category="typography",
                       severity="warning", message="m", line=1, column=2, fix=fix)
        back = Diagnostic.from_json(json.loads(json.dumps(d.to_json())), "a.md")
        assert back == d


def test_many_marks_are_left_to_the_cap():
    """A hostile text of thousands of marks is not collapsed (nor gathered whole): the engine's cap of findings
    per rule applies as before."""
    text = NORMALISED + "\n\n" + "中," * 6000 + "。\n"
    diags = _ascii(lint(text, select=["DL701"]))
    assert len(diags) == 101 and "及另外" in diags[-1].message


def test_word_copy_shows_every_mark_as_a_tracked_change(tmp_path):
    """annotate: one comment for the one finding; its edits are tracked changes when --fix would apply every one
    of them, and none (the comment only) when it would leave one (a mark in a web page's <code>)."""
    import docx

    from disclosure_lint.cli import app

    from .annotate_xml import revisions

    md = tmp_path / "report.md"
    md.write_text(NORMALISED, encoding="utf-8")
    res = runner.invoke(app, ["annotate", str(md)])
    assert res.exit_code == 0, res.output
    document = docx.Document(str(tmp_path / "report.审阅.docx"))
    assert sum(c.text.startswith("[DL701]") for c in document.comments) == 1
    ins, dels = revisions(document.element.body)
    assert len(dels) == len(ins) == REPORTED

    body = "".join(f"<p>{p}</p>\n" for p in NORMALISED.split("\n\n"))
    page = tmp_path / "page.html"
    page.write_text(f"<html><body>\n{body}<p>代码 <code>a,中文(b)</code> 保持原样。</p>\n</body></html>\n", encoding="utf-8")
    assert runner.invoke(app, ["annotate", str(page)]).exit_code == 0
    document = docx.Document(str(tmp_path / "page.审阅.docx"))
    assert sum(c.text.startswith("[DL701]") for c in document.comments) == 1
    ins, dels = revisions(document.element.body)
    assert (ins, dels) == ([], [])


def test_the_alignment_row_of_a_table_typed_with_full_width_pipes_is_markup():
    """｜---｜---:｜ (a Chinese input method types ｜ for |): the table is read from its text, its alignment colons are
    not DL701's half-width punctuation; a colon in Chinese text right before --- still is."""
    table = ("｜ 信息内容 ｜ 本年处理决定数量 ｜\n｜---｜---:｜\n｜ 行政许可 ｜ 58 ｜\n｜ 行政处罚 ｜ 3 ｜\n")
    assert [d.code for d in lint(table, select=["DL701"])] == []
    assert [d.code for d in lint("本局要求如下:---\n", select=["DL701"])] == ["DL701"]


# -- straight quotes throughout (an editor with its quote replacement off, or pandoc's Markdown) --------------------

_QUOTED = ("某某县某某局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n" + "本局围绕\"放管服\"改革推进政府信息公开，"
           "及时发布\"双随机、一公开\"抽查结果，专栏\"政策解读\"全年更新。" * 12 + "\n")


def test_straight_quotes_throughout_are_one_finding_with_every_fix():
    diags = [d for d in lint(_QUOTED, select=["DL701"]) if d.code == "DL701"]
    assert len(diags) == 1
    d = diags[0]
    assert "全文共72处双引号都是半角，没有一处用全角引号" in d.message and d.evidence["count"] == 72
    assert d.fix is not None and d.fix.independent and len(d.fix.edits) == 72
    assert [e.replacement for e in d.fix.edits[:2]] == ["“", "”"]


def test_straight_quotes_beside_curly_ones_are_reported_one_by_one():
    text = _QUOTED.replace('"放管服"', "“放管服”", 1)  # one pair typed right: the others are slips, each reported
    diags = [d for d in lint(text, select=["DL701"]) if d.code == "DL701"]
    assert len(diags) == 70 and not any("全文共" in d.message for d in diags)


@pytest.mark.parametrize(("text", "expected"), [
    # the quotation opened with a curly quote and closed with a straight one: the straight one closes it
    ("本局按照“公开是原则,不公开是例外\"的要求开展工作。", ["”"]),
    # a curly pair before it: the straight ones open and close their own pair
    ("本局围绕“放管服”改革，发布\"双随机、一公开\"结果。", ["“", "”"]),
    # opened straight, closed curly
    ("本局按照\"公开是原则，不公开是例外”的要求开展工作。", ["“"]),
])
def test_a_straight_quote_takes_its_side_from_the_curly_quotes_before_it(text, expected):
    diags = [d for d in lint(text, select=["DL701"]) if d.code == "DL701" and d.evidence["actual"] == '"']
    assert [d.evidence["expected"] for d in diags] == expected


@pytest.mark.parametrize(("text", "marks"), [
    ("????根据《条例》规定编制本报告。", []),  # characters a copy could not encode, not questions
    ("一、总体情况?\n本局全年主动公开政府信息120条。", []),
    ("?本局全年主动公开政府信息120条。", []),
    ("? ?公开的形式", []),
    ("群众最关心的是什么?本局逐一答复。", ["?"]),  # a question
    ("如何做好政务公开?\n本局逐一答复。", ["?"]),
])
def test_a_question_mark_that_stands_for_a_lost_character_is_not_reported(text, marks):
    assert [d.match for d in lint(text, select=["DL701"], fmt="text")] == marks


def test_the_pages_own_lines_are_neither_the_finding_nor_counted():
    """A stored page: the site's greeting above the title and its field lines under it (您好,请 登录; 文件编号: 所属机构:)
    are the site's text — the one finding sits in the report's text and counts only its marks (real pages)."""
    page = ("您好,请 登录 | 欢迎您!\n\n" + NORMALISED.split("\n", 1)[0] + "\n\n文件编号: 所属机构: 归档时间:\n\n"
            + NORMALISED.split("\n", 1)[1])
    [bare] = [d for d in lint(NORMALISED, select=["DL701"]) if d.evidence.get("normalised")]
    [d] = [d for d in lint(page, select=["DL701"]) if d.evidence.get("normalised")]
    assert d.line > 3 and d.evidence["count"] == bare.evidence["count"]


def test_the_one_finding_stands_in_a_paragraph_of_sentences_not_beside_a_brands_letters():
    """A mirror's copy whose first half-width mark is an injected brand's (某某体育app:, a real county's mirror): the one
    finding stands at the report's own first mark in a paragraph of sentences, not where the fix is to delete spam."""
    text = NORMALISED.replace("2023年,我局认真", "2023年,某某体育app:我局认真", 1)
    [d] = [x for x in lint(text, fmt="text") if x.code == "DL701"]
    line = text.split("\n")[d.line - 1]
    assert line[d.column - 1] == "," and not (line[d.column - 2].isascii() and line[d.column - 2].isalpha())
    assert (d.line, d.column) == (5, 6)  # 2023年, — the report's own first mark, not the brand's app: after it
    # … and the copy whose first mark is the brand's: the next one of the report's
    first = text.replace("2023年,某某体育app:", "2023年某某体育app:", 1)
    [d] = [x for x in lint(first, fmt="text") if x.code == "DL701"]
    line = first.split("\n")[d.line - 1]
    assert line[d.column - 1] in ",(" and line[d.column - 2] != "p"
