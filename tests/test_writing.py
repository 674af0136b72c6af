"""Writing rules DL901 doubled text, DL902 enumerations, DL903 missing counts, and their report facts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from disclosure_lint.api import check_paths
from disclosure_lint.report import interpret
from disclosure_lint.report.writing import LEGIT_REDUPLICATION

from .conftest import NO_SHARED, SHARED, lint, parse

ROOT = Path(__file__).resolve().parents[1]
WRITING = ["DL901", "DL902", "DL903"]


def only(code: str, text: str, fmt: str = "markdown", **kw):
    return [d for d in lint(text, select=[code], fmt=fmt, **kw) if d.code == code]


def report(text: str, fmt: str = "markdown"):
    return interpret(parse(text, fmt))


def flatten(md: str) -> str:
    """Markdown → one line, blocks joined by a space, table cells by spaces (as a crawler keeps it)."""
    out = []
    for line in md.splitlines():
        s = line.strip()
        if not s or re.fullmatch(r"\|?\s*:?-+.*", s) or s.startswith(("<!--", "-->")):
            continue
        s = re.sub(r"^#+\s*", "", s)
        if s.startswith("|"):
            s = " ".join(c.strip() for c in s.strip("|").split("|") if c.strip())
        out.append(s)
    return " ".join(out)


# == DL901 doubled text ===========================================================================

def test_fact_doubles_are_typed():
    r = report("认真落实落实各项要求，，加强政府信息公开的的规范化，依据《《条例》编制。")
    got = [(d.kind, d.unit, d.span.text, d.certain) for d in r.doubles]
    assert got == [("word", "落实", "落实落实", False), ("mark", "，", "，，", True),
                   ("char", "的", "的的", True), ("bracket", "《", "《《", True)]
    d = r.doubles[0]
    assert d.span.text[d.copy_start - d.span.start:] == "落实"


@pytest.mark.parametrize(("text", "col", "match", "safe"), [
    ("2023年，本机关认真落实落实《条例》各项要求。", 12, "落实落实", True),
    ("对涉及群众切身利益的事项依法予以公开公开。", 17, "公开公开", True),
    ("，落实落实各项工作要求。", 2, "落实落实", False),
    ("认真落实落实各项工作要求。", 3, "落实落实", False),
    ("全年主动公开政府信息356条，，其中政策解读12篇。", 15, "，，", True),
    ("严格执行保密审查制度。。", 11, "。。", True),
    ("涉及财政预决算、、重大项目等领域。", 8, "、、", True),
    ("进一步加强政府信息公开的的规范化建设。", 12, "的的", True),
    ("我们们将继续做好政务公开工作。", 2, "们们", True),
    ("在在全区范围内推广经验。", 1, "在在", False),
    ("严格落实“三审三校”制度，并并及时更新栏目。", 14, "并并", False),
    ("依据《《中华人民共和国政府信息公开条例》编制。", 3, "《《", True),
    ("二是加强政务新媒体管理管理。", 10, "管理管理", True),
    # a place named twice inside a sentence (a real page: …旗…旗人民政府办公室)
    ("如有疑问请与某某旗某某旗人民政府办公室联系。", 7, "某某旗某某旗", False),
])
def test_dl901_fires(text, col, match, safe):
    [d] = only("DL901", text)
    assert (d.line, d.column, d.match, d.severity) == (1, col, match, "warning")
    assert f"“{match}”" in d.message and "多写了一次" in d.message
    assert d.fix.applicability == ("safe" if safe else "unsafe")
    [edit] = d.fix.edits
    # the fix removes the second copy
    unit = d.evidence["expected"]
    assert (edit.column, edit.end_column, edit.replacement) == (col + len(unit), col + 2 * len(unit), "")


@pytest.mark.parametrize("text", [
    # a character ending one word and starting the next: correct Chinese
    "加强部门门户网站建设，转变工作作风，信息公开开展有序，会议议题提前公布，创新管理理念。",
    "建立平台台账，整合网站站群，核定人员员额，与群众息息相关，保护个人人身安全，按规定定期公开。",
    # function characters in their legitimate uses
    "为了了解群众需求，进行了了解，对对象分类，鼓励公众参与与监督，以及及时回应，机构合并并入新部门。",
    "实现目的的手段，关键是是否落实到位，终于于年底建成，植被被破坏的问题，严格把关，在在线平台发布。",
    "实实在在、的的确确解决问题，避免不了了之，和和美美，埃及及其周边。",
    # reduplication
    " ".join(sorted(LEGIT_REDUPLICATION)) + "。",
    "一个一个核对，一步一步落实，一件一件办理，一点一点推进。",
    # numbers, years, Latin, ellipsis, dash, nested closers
    "共2011件、100条、1000元，现将《2023年年度报告》公布如下，good good study……相关数据——见表二。",
    "依据《条例》（以下简称《规定》（试行））编制，引用《关于〈办法〉的说明》。",
    "二〇二〇年、二零二零年的数据均已公开。",
    # may be two words with a boundary left out: not a doubled word
    "对依申请予以公开公开方式为网上答复，大学生学生会参与。",
    # a run-in title whose words the text repeats (the bold lost by the reader)
    "（一）主动公开主动公开政府信息120条。",
])
def test_dl901_quiet_on_correct_text(text):
    assert only("DL901", text) == []


DOUBLED_LEGIT = ROOT / "tests" / "fixtures" / "writing" / "doubled-legit.txt"
SPAM_LEGIT = ROOT / "tests" / "fixtures" / "spam" / "legit-sentences.txt"


def _sentences(path: Path) -> list[str]:
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]


@pytest.mark.parametrize(("text", "match"), [
    # rt-clean #14 and rt-web #10: a doubled word inside a sentence, the commonest typo
    ("2023年，我局认真贯彻贯彻落实《条例》要求。", "贯彻贯彻"),
    ("进一步加强加强政府信息管理。", "加强加强"),
    ("政府信息公开工作工作取得新进展。", "工作工作"),
    # 政府 twice where the first ends no body's name (a real county's opening: 收到和处理政府政府信息公开申请情况)
    ("全文包括收到和处理政府政府信息公开申请情况等内容。", "政府政府"),
    # … or before a government's office (a real district's page: 某某区人民政府政府办公室)
    ("根据某某区人民政府政府办公室的通知要求开展工作。", "政府政府"),
    ("我局按照按照要求编制本报告。", "按照按照"),
    ("扎扎实实推进推进决策、执行、管理、服务、结果公开。", "推进推进"),
    ("全年开展政务公开公开培训3次。", "公开公开"),
    ("不断完善完善政务公开制度。", "完善完善"),
    ("阳光采购平台完成完成交易项目3210个。", "完成完成"),  # a real trading centre's report
    ("围绕围绕深化医药卫生体制改革，做好信息公开。", "围绕围绕"),
    ("进一步进一步规范依申请公开办理流程。", "进一步进一步"),
    ("严格落实落实保密审查制度。", "落实落实"),
    ("持续深化深化放管服改革信息公开。", "深化深化"),
    ("切实做好做好政策解读工作。", "做好做好"),
    # real pages: the acts of handling an application and the format's own term, written twice
    ("2023年，我局收到收到政府信息公开申请5件。", "收到收到"),
    ("全年主动公开主动公开政府信息120条。", "主动公开主动公开"),
    ("本局依法受理受理公民提出的申请。", "受理受理"),
    ("均在法定期限内答复答复申请人。", "答复答复"),
    ("2024年，张家湾街道街道认真贯彻落实《条例》。", "街道街道"),
    ("五、存在的主要问题和改进改进情况", "改进改进"),
    # a copy of four characters or more, whatever the words (a real town's report, written anew)
    ("2023年，我镇深入学习深入学习贯彻党的二十大精神。", "深入学习深入学习"),
    ("全年依托政务服务中心政务服务中心窗口受理申请。", "政务服务中心政务服务中心"),
    # three characters led by a listed verb that makes no compound (a real bureau's page, written anew)
    ("2024年，本局坚持以坚持以人民为中心的发展思想。", "坚持以坚持以"),
])
def test_dl901_doubled_word_inside_a_sentence(text, match):
    col = text.index(match) + 1
    for fmt, t in [("markdown", text), ("text", "一、总体情况 " + text)]:
        [d] = only("DL901", t, fmt=fmt)
        c = col + (len("一、总体情况 ") if fmt == "text" else 0)
        assert (d.line, d.column, d.match) == (1, c, match)
        assert d.fix.applicability == "unsafe"
        unit = d.evidence["expected"]
        assert [(e.column, e.end_column, e.replacement) for e in d.fix.edits] == [(c + len(unit), c + 2 * len(unit), "")]
    # a table cell, and a Word paragraph
    [d] = only("DL901", f"| 事项 | 情况 |\n|---|---|\n| 总体 | {text} |\n")
    assert (d.line, d.match) == (3, match)


def test_dl901_doubled_word_in_docx_and_html():
    from disclosure_lint.config import Config
    from disclosure_lint.engine import prepare, run
    from disclosure_lint.packs import load_rules
    from disclosure_lint.readers import read_document

    from .render import to_docx, to_html

    md = "# 某局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n2023年，我局认真贯彻贯彻落实《条例》要求。\n"
    active = prepare(load_rules(), Config(select=["DL901"]))
    diags = run(interpret(read_document("r.docx", to_docx(md))), active)
    assert [d.match for d in diags] == ["贯彻贯彻"] and "段" in diags[0].pointer
    html = to_html(md)
    diags = run(interpret(read_document("r.html", html.encode("utf-8"))), active)
    line = next(k for k, ln in enumerate(html.splitlines(), 1) if "贯彻贯彻" in ln)
    assert [(d.match, d.line) for d in diags] == [("贯彻贯彻", line)]


def test_dl901_a_mark_doubled_everywhere_is_one_finding_whose_fix_deletes_all(tmp_path: Path) -> None:
    """A copy that wrote ,, for every comma: one finding with the count, its fix deleting every copy (applied by
    --fix: the text comes back whole); four are still four findings."""
    body = "2023年,,我局坚持以公开为常态,,不公开为例外,,严格落实《条例》,,全年主动公开政府信息356条,,其中政策解读12篇。"
    [d] = only("DL901", "一、总体情况\n" + body + "\n", fmt="text")
    assert d.evidence["count"] == 5 and "（全文共5处“,,”，只报告第一处，修复一并删去各处）" in d.message
    assert d.fix is not None and len(d.fix.edits) == 5 and d.fix.applicability == "safe"
    f = tmp_path / "r.txt"
    f.write_text("一、总体情况\n" + body + "\n", encoding="utf-8")
    from typer.testing import CliRunner

    from disclosure_lint.cli import app
    CliRunner().invoke(app, ["check", str(f), "--select", "DL901", "--fix", "--no-cache", "-q"])
    assert f.read_text(encoding="utf-8") == "一、总体情况\n" + body.replace(",,", ",") + "\n"
    four = body.replace("条,,其中", "条，其中")
    found = only("DL901", "一、总体情况\n" + four + "\n", fmt="text")
    assert len(found) == 4 and all("全文共" not in x.message and len(x.fix.edits) == 1 for x in found)


def test_doubled_legit_set_has_enough_sentences():
    assert len(_sentences(DOUBLED_LEGIT)) >= 120


@pytest.mark.parametrize("sentence", _sentences(DOUBLED_LEGIT))
def test_dl901_quiet_on_legitimate_doubles(sentence):
    """Two noun phrases side by side (政务公开|公开栏), reduplication in speech (再完善完善), characters
    shared by two words (推进|进度), AABB, counting: none is a doubled word."""
    assert only("DL901", sentence) == []


def test_dl901_quiet_on_legitimate_sets_flattened():
    sentences = _sentences(DOUBLED_LEGIT) + _sentences(SPAM_LEGIT)
    assert len(sentences) >= 300
    assert only("DL901", " ".join(sentences), fmt="text") == []
    for s in _sentences(SPAM_LEGIT):
        assert only("DL901", s) == [], s


@pytest.mark.parametrize("text", [
    # a comma left out after an adjective that ends a clause: a defect, but removing a copy would be wrong
    "信息发布更加及时及时回应群众关切。",
    "制度还不完善完善制度是下一步重点。",
    # 通过 = passed, then 通过 = via (a comma left out)
    "方案经局务会议审议通过通过门户网站公开。",
    # a word not in the list: taken only next to punctuation or a function character
    "召开政府常务会议会议纪要按规定公开。",
    # the second copy begins a noun compound: two noun phrases, a comma or 的 left out
    "进一步规范申请受理受理窗口统一登记。",
    "按时答复答复期限内全部办结。",
    "持续完善政府信息主动公开主动公开目录动态更新。",
    "严格依申请办理办理结果及时告知。",
    # a city's name, then a body whose name starts with 城市 (《盐城市城市管理局…》, a real bureau's page)
    "根据《青城市城市管理局关于做好政务公开工作的通知》要求开展工作。",
    "针对问题持续改进改进措施已全部落实。",
])
def test_dl901_not_taken_inside_a_sentence(text):
    assert only("DL901", text) == []


def test_dl901_not_across_lines_or_cells():
    assert only("DL901", "认真贯彻落实\n落实各项要求。\n") == []
    assert only("DL901", "一、总体情况\n（一）主动公开\n公开各类信息。\n", fmt="text") == []
    table = "| 信息内容 | 说明 |\n|---|---|\n| 落实 | 落实到位 |\n| 行政复议行政复议 | 0 |\n"
    assert only("DL901", table) == []
    [d] = only("DL901", "| 信息内容 | 说明 |\n|---|---|\n| 行政许可 | 认真落实落实。 |\n")
    assert (d.line, d.column, d.match) == (3, 12, "落实落实")
    assert d.pointer.endswith("表格第2行第2列")


def test_portal_page_chrome_is_quiet():
    page = ("当前位置：首页 > 政府信息公开 > 政府信息公开年报 > 2023年度\n"
            "某镇2023年政府信息公开工作年度报告\n"
            "索引号：11330000-2024-00012 发布机构：某镇人民政府 发布日期：2024-01-12 浏览次数：\n"
            "【字体：大 中 小】【打印】【关闭】 分享到：\n"
            "一、总体情况\n"
            "（一）主动公开。全年主动公开政府信息120条，其中政策文件15条、工作动态98条、其他信息7条。\n"
            "（二）依申请公开。全年新收申请5件，上年结转1件，办结6件。\n")
    assert lint(page, select=WRITING + ["DL703"], fmt="text") == []
    flat = " ".join(page.splitlines())
    assert lint(flat, select=WRITING + ["DL703"], fmt="text") == []


def test_dl901_flattened_report_and_allow_option():
    text = "一、总体情况 本机关严格执行保密审查制度。。 （一）主动公开 研究研究公开工作，，在门户网站公开信息120条。"
    ds = only("DL901", text, fmt="text")
    assert [(d.line, d.column, d.match) for d in ds] == [
        (1, text.index("。。") + 1, "。。"), (1, text.index("研究研究") + 1, "研究研究"), (1, text.index("，，") + 1, "，，")]
    ds = list(lint(text, select=["DL901"], fmt="text",
                   config={"options": {"DL901": {"allow": ["研究研究"]}}}))
    assert [d.match for d in ds] == ["。。", "，，"]


# == DL902 enumerations ===========================================================================

def test_fact_enumeration_runs_and_breaks():
    r = report("一是规范流程；二是加强解读；二是强化培训。存在的不足：一是培训不够；三是解读单一。")
    runs = r.enumerations
    assert [(run.family, [i.marker for i in run.items]) for run in runs] == [
        ("shi", ["一是", "二是", "二是"]), ("shi", ["一是", "三是"])]
    b1, b2 = runs[0].breaks[0], runs[1].breaks[0]
    assert (b1.item.marker, b1.previous.marker, b1.expected, b1.kind) == ("二是", "二是", "三是", "repeated")
    assert (b2.item.marker, b2.previous.marker, b2.expected, b2.kind) == ("三是", "一是", "二是", "skipped")


@pytest.mark.parametrize(("text", "fmt", "line", "marker", "expected", "problem"), [
    ("下一步将做好以下工作：一是规范流程；二是加强解读；二是强化培训。", "markdown", 1, "二是", "三是", "序号重复"),
    ("主要问题：一是公开内容不够全面；三是解读形式较为单一。", "markdown", 1, "三是", "二是", "序号跳号"),
    ("## 一、总体情况\n\n### （一）主动公开\n\n公开信息。\n\n### （二）依申请公开\n\n新收申请。\n\n"
     "### （二）政府信息管理\n\n严格审查。\n", "markdown", 11, "（二）", "（三）", "序号重复"),
    ("一、基本情况\n1.主动公开\n公开信息。\n2.依申请公开\n受理申请。\n4.政府信息管理\n严格审查。\n", "text", 6, "4.", "3.",
     "序号跳号"),
    ("五、存在的主要问题及改进情况\n（1）培训不够；（2）解读单一；（2）更新不及时。\n", "text", 2, "（2）", "（3）", "序号重复"),
    ("措施如下：①完善制度；②加强培训；④优化栏目。", "markdown", 1, "④", "③", "序号跳号"),
    ("1、完善制度。\n2、加强培训。\n2、优化栏目。\n", "text", 3, "2、", "3、", "序号重复"),
    # a Chinese marker followed by a number is still an item
    ("一是公开不及时。二是3个栏目更新慢。二是培训不足。", "markdown", 1, "二是", "三是", "序号重复"),
    ("（一）主动公开\n公开信息。\n（三）2024年，将加强培训。\n", "text", 3, "（三）", "（二）", "序号跳号"),
])
def test_dl902_fires(text, fmt, line, marker, expected, problem):
    [d] = only("DL902", text, fmt=fmt)
    assert (d.line, d.match, d.severity) == (line, marker, "warning")
    assert d.message.startswith(problem) and f"应为“{expected}”" in d.message
    assert d.evidence["expected"] == expected and d.evidence["actual"] == marker
    assert d.fix.applicability == "unsafe" and d.fix.edits[0].replacement == expected


def test_dl902_an_item_of_another_list_is_reported_once_and_the_run_goes_on():
    # (a real report's, written anew: 一是 with its points 1.–4., then 五是 for what should be 5., then 二是, 三是 …)
    text = "一是完善公开制度：1.建立台账；2.定期检查；3.更新目录；4.开展培训。五是加强考核。二是深入推进政策解读。三是强化业务培训。"
    [d] = only("DL902", text)
    assert d.match == "五是" and d.message.startswith("序号不连贯：上一项为“一是”，此处写作“五是”，而下一项就是“二是”")
    assert d.fix is None and d.evidence["problem"] == "stray"


def test_dl902_a_sentence_between_one_and_three_may_be_the_item_whose_marker_was_lost():
    # (real: 一是积极向区委、区政府报送信息，全年累计报送112条。线上通过门户网站发布信息1000余条。三是线下通过公示栏…)
    [d] = only("DL902", "一是积极报送信息，全年累计报送112条。线上通过门户网站发布信息100余条。三是线下通过公示栏公开。")
    assert d.match == "三是" and d.message.startswith("序号跳号（也可能是上一项之后另起的一句“线上通过门户网站……”前漏写了“二是”")
    assert d.fix is None  # (which of the two it is, the clerk knows: no fix)
    # one sentence in the item before: the skip alone, with its fix
    [d] = only("DL902", "一是积极报送信息，全年累计报送112条；三是线下通过公示栏公开。")
    assert d.message.startswith("序号跳号：") and d.fix is not None


def test_dl902_an_item_with_a_space_after_its_bracket_is_counted():
    # ( 二) is the second item: a skip after it is reported from it, pointed at the skipped item
    [d] = only("DL902", "(一)主动公开情况。公开信息。\n( 二)依申请公开情况。收到申请。\n(四)政府信息管理。健全制度。\n",
               fmt="text")
    assert (d.line, d.match) == (3, "(四)") and "上一项为“(二)”" in d.message


def test_dl902_an_item_whose_marker_stands_alone_on_its_line_is_counted():
    # （二） alone on its line, its title on the next: counted, so a marker written twice is the finding, not the
    # correct (四) after it
    text = ("(一)主动公开\n全年公开信息120条。\n(二)\n依申请公开\n收到申请3件。\n(二)\n政府信息管理\n健全制度。\n"
            "(四) 政府信息公开平台建设\n完善网站。\n")
    [d] = only("DL902", text, fmt="text")
    assert (d.line, d.match) == (6, "(二)") and "应为“(三)”" in d.message


def test_dl902_an_item_marker_followed_by_a_comma_is_counted():
    # （三）、 is an item written with a stray 顿号 (DL705's), not a gap between （二） and （四）
    text = "(一)总体情况\n本局认真贯彻。\n(二)公开情况\n全年公开。\n(三)、复议诉讼情况\n没有。\n(四)、收费情况\n没有。\n(五)加强网站建设\n完善网站。\n"
    assert only("DL902", text, fmt="text") == []


def test_dl902_position_in_a_flattened_report():
    text = ("某局2023年政府信息公开工作年度报告 一、总体情况 （一）主动公开 全年公开信息120条。 （二）依申请公开 新收申请5件。"
            " （四）平台建设 优化网站栏目。 二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制发件数 本年废止件数"
            " 现行有效件数 规章 0 0 0 三、收到和处理政府信息公开申请情况 三、本年度办理结果 （一）予以公开 3 （二）部分公开 1"
            " （三）不予公开 1.属于国家秘密 0 2.其他法律行政法规禁止公开 0 五、存在的主要问题及改进情况 一是培训不够；二是解读单一。")
    [d] = only("DL902", text, fmt="text")
    assert (d.line, d.column, d.match) == (1, text.index("（四）") + 1, "（四）")


@pytest.mark.parametrize(("text", "fmt"), [
    # restarts: inside a paragraph, at a new heading, per group of table rows
    ("一是规范流程；二是加强解读。存在的不足：一是培训不够；二是解读单一；三是更新不及时。", "markdown"),
    # a paragraph's item that holds a list of the same kind (一是强化领导。…一是…二是…), the next paragraph's item
    # going on with the outer list (a real town's report)
    ("一是强化组织领导，完善机制。一是加强领导，制定方案。二是规范内容。\n\n二是严格落实督促检查。\n\n三是加强培训。", "markdown"),
    ("一是强化组织领导，完善机制。一是加强领导。二是规范内容。\n二是严格落实督促检查。\n三是加强培训。\n", "text"),
    # items whose text starts with a number (red-team: 二是3个栏目 was not an item, so 三是 looked skipped)
    ("一是公开不及时。二是3个栏目更新慢。三是培训不足。", "markdown"),
    ("（一）主动公开。全年公开120条。\n\n（二）2024年，将加强培训。\n\n（三）完善制度。", "markdown"),
    # an arabic item whose text starts with a year (2.2020年，… is no decimal)
    ("1.街道加强主动公开。\n2.2020年，街道完善发布机制。\n3.依申请公开情况。\n", "text"),
    # a heading whose （ was left out (三)…): not a skip from （二） to （四）
    ("（一）主动公开\n公开信息。\n（二）依申请公开\n受理申请。\n三)政府信息管理情况\n严格审查。\n（四）平台建设情况\n优化栏目。\n",
     "text"),
    ("（一）主动公开\n1.公开信息。\n2.更新目录。\n（二）依申请公开\n1.受理申请。\n2.按时答复。\n", "text"),
    # a dot after the bracket ((四). — DL705's) and a sub-title that starts with a table row's words (2.不予公开…情况)
    ("（一）主动公开。\n（二）依申请公开。\n（三）政府信息管理。\n(四).平台建设。\n（五）监督保障。\n", "text"),
    ("1.依申请公开政府信息办理情况\n未接到申请。\n2.不予公开政府信息办理情况\n无。\n3.主动公开信息情况\n发布9条。\n", "text"),
    # items that start with table 二's row words (8.行政事业性收费项目…): items, not the table's rows
    ("6.行政许可事项目录。7.行政处罚事项目录。8.行政事业性收费项目及依据。9.政府集中采购项目的目录。10.其他信息。", "markdown"),
    # a space typed after the bracket (a real portal page): the item is there, (三) follows it
    ("(一)主动公开情况。公开信息。\n( 二)依申请公开情况。收到申请5件。\n(三)政府信息管理。健全制度。\n", "text"),
    ("（一）主动公开情况。公开信息。（ 二）依申请公开情况。收到申请5件。（三）政府信息管理。", "markdown"),
    ("（一）主动公开\n1.公开信息。\n2.更新目录。\n（二）依申请公开\n3.受理申请。\n4.按时答复。\n", "text"),
    # citations, decimals, dates, versions, references to items
    ("依据《条例》第二十条第（一）项、第（五）项、第（六）项、第（八）项及《条例》第十四条第（三）项办理。", "markdown"),
    ("于2023.1.5公布，共1.2万条，增长3.5%，系统升级到2.0版，统一是基本要求，一、二级栏目已调整。", "markdown"),
    ("2019年格式使用（一）（五）（六）（八）（九）项，2021年格式使用（一）至（八）项。", "markdown"),
    # section headings are DL102's; table row labels are fixed by the format
    ("一、总体情况\n公开信息。\n三、收到和处理政府信息公开申请情况\n（三）不予公开\n1.属于国家秘密\n0\n8.属于行政查询事项\n0\n"
     "（四）无法提供\n1.本机关不掌握相关政府信息\n2\n（六）其他处理\n3.其他\n0\n（七）总计\n四、结转下年度继续办理\n", "text"),
    # Markdown numbers ordered lists itself
    ("1. 完善制度\n1. 加强培训\n1. 优化栏目\n", "markdown"),
    # English text is not checked
    ("See Art. 49. Local rules set their deadlines (colspan 5) | 总计 (rowspan 2).", "markdown"),
])
def test_dl902_quiet(text, fmt):
    assert only("DL902", text, fmt=fmt) == []


def _apply(text: str, diags) -> str:
    """Apply every edit of every finding (one line of Markdown text: columns are offsets)."""
    edits = sorted((e for d in diags for e in d.fix.edits), key=lambda e: e.column, reverse=True)
    for e in edits:
        assert e.line == e.end_line == 1
        text = text[:e.column - 1] + e.replacement + text[e.end_column - 1:]
    return text


@pytest.mark.parametrize(("text", "found", "fixed"), [
    # rt-clean #13: compared with the number expected after the fixes, not with the wrong one written
    ("一是公开不及时；四是解读不深入；三是培训不足。", [("四是", "二是", "序号跳号")], "一是公开不及时；二是解读不深入；三是培训不足。"),
    ("一是公开不及时；三是解读不深入；三是培训不足。", [("三是", "二是", "序号跳号")], "一是公开不及时；二是解读不深入；三是培训不足。"),
    ("一是公开不及时；二是解读不深入；二是培训不足。", [("二是", "三是", "序号重复")], "一是公开不及时；二是解读不深入；三是培训不足。"),
    # the run goes on in step after the break: one finding renumbers the rest
    ("一是公开不及时；三是解读不深入；四是培训不足；五是栏目更新慢。", [("三是", "二是", "序号跳号")],
     "一是公开不及时；二是解读不深入；三是培训不足；四是栏目更新慢。"),
    ("一是公开不及时；二是解读不深入；二是培训不足；三是栏目更新慢。", [("二是", "三是", "序号重复")],
     "一是公开不及时；二是解读不深入；三是培训不足；四是栏目更新慢。"),
    ("（一）完善制度；（二）加强培训；（四）优化栏目；（五）强化监督。", [("（四）", "（三）", "序号跳号")],
     "（一）完善制度；（二）加强培训；（三）优化栏目；（四）强化监督。"),
    # two items swapped: two findings, and the fixes together give a correct run
    ("一是公开不及时；三是解读不深入；二是培训不足。", [("三是", "二是", "序号跳号"), ("二是", "三是", "序号重复")],
     "一是公开不及时；二是解读不深入；三是培训不足。"),
    ("一是公开不及时；二是解读不深入；三是培训不足；二是栏目更新慢。", [("二是", "四是", "序号倒退")],
     "一是公开不及时；二是解读不深入；三是培训不足；四是栏目更新慢。"),
])
def test_dl902_one_slip_one_finding_and_the_fix_gives_a_correct_run(text, found, fixed):
    diags = only("DL902", text)
    assert [(d.match, d.evidence["expected"], d.message[:4]) for d in diags] == found
    assert _apply(text, diags) == fixed
    assert only("DL902", fixed) == []


def test_dl902_the_outer_list_goes_on_after_a_list_inside_its_item():
    """一是…（一是…二是… inside it）, then 二是 and 二是 in the next paragraphs: the outer list's 二是 is repeated,
    not the inner one's."""
    text = "一是强化组织领导。一是加强领导。二是规范内容。\n\n二是严格督促检查。\n\n二是加强培训。\n"
    [d] = only("DL902", text)
    assert (d.line, d.match, d.evidence["expected"]) == (5, "二是", "三是")


def test_dl902_lists_inside_items_of_text_whose_paragraphs_were_joined():
    """A real crawl (written anew) that joined the paragraphs: the outer items' short titles, each followed at once by a
    list of its own (…三是推进公共服务公开。一是…四是公开低保信息。四是推动监管公开。) — the outer list goes on after
    the inner one (the number says which), so nothing is out of order."""
    text = ("扎实推进信息公开。一是推进清单公开。一是按照要求公布清单。二是按照精神推行网上公开。二是推进财政资金公开。"
            "要求各部门公开预算。三是推进公共服务公开。一是公开招生信息。二是公开医疗信息。三是公开就业信息。四是公开低保信息。"
            "四是推动监管公开。一是公开环评信息。二是公开安全生产信息。")
    assert only("DL902", text, fmt="text") == []
    # a slip in the outer list is still one
    slip = text.replace("四是推动监管公开", "五是推动监管公开").replace("二是推进财政资金公开", "二是推进财政资金公开。三是推进采购公开")
    assert [d.match for d in only("DL902", slip, fmt="text")] == ["三是"]


def test_dl902_renumbering_fix_is_described():
    [d] = only("DL902", "一是公开不及时；三是解读不深入；四是培训不足。")
    assert d.fix.description == "将“三是”改为“二是”，其后1项依次改为“三是”"
    assert d.evidence["renumbered"] == [{"actual": "四是", "expected": "三是"}]
    assert "上一项为“一是”，此处写作“三是”，应为“二是”" in d.message


def test_dl902_items_whose_opening_half_the_copy_lost_are_items():
    # a copy lost （二 and （三: their lines start with the closing bracket — the numbering did not jump
    text = ("一、总体情况\n(一)主动公开情况。\n我局按要求公开政府信息。\n)依申请公开情况。\n我局未接到申请。\n)政府信息管理情况\n"
            "我局严格管理。\n(四)公开平台建设情况\n我局加强平台建设。\n")
    assert only("DL902", text, fmt="text") == []
    # one line so, two numbers skipped: still a jump
    assert len(only("DL902", text.replace(")政府信息管理情况\n", ""), fmt="text")) == 1


def test_dl902_an_item_whose_number_lost_its_mark_is_an_item():
    # 2依申请公开情况… (a real district's page: the 、 of 2、 lost): 3、 after it does not skip a number
    text = ("一、总体情况\n1、主动公开情况。全年主动公开政府信息120条。\n2依申请公开情况依法依规办理申请3件。\n"
            "3、政府信息管理情况认真落实审查制度。\n")
    assert only("DL902", text, fmt="text") == []
    # a line that opens with another number, or none at all, between 1、 and 3、: still a skip
    assert len(only("DL902", text.replace("2依申请", "5依申请"), fmt="text")) == 1
    assert len(only("DL902", text.replace("2依申请", "依申请"), fmt="text")) == 1


def test_dl902_a_point_whose_numeral_lost_its_shi_is_a_point():
    # 二政府信息管理方面 (a real bureau's page: 二是 with 是 lost): 三是 after it does not skip a number
    text = ("一、总体情况\n一是主动公开、依申请公开方面。坚持公开为常态。\n二政府信息管理方面。加大信息公开力度。\n"
            "三是平台建设方面。建立并完善公开平台。\n")
    assert only("DL902", text, fmt="text") == []
    assert len(only("DL902", text.replace("二政府", "政府"), fmt="text")) == 1  # no point 二 at all: a skip


def test_dl902_a_list_under_the_first_items_title_then_the_outer_list_goes_on():
    # (一)概述 / …(一)加强…(四)… / (二)公开政府信息情况 (a real street office's page): (二) goes on with the outer list,
    # no step back from (四)
    text = ("一、总体情况\n(一)概述\n2020年，本街道认真贯彻《条例》。\n(一)加强工作指导。明确责任。\n(二)健全工作制度。纳入考核。\n"
            "(三)重视监督检查。定期检查。\n(四)严格落实保密制度。先审后发。\n(二)公开政府信息情况\n全年主动公开信息120条。\n"
            "(三)申请行政复议情况\n本年度无。\n")
    assert only("DL902", text, fmt="text") == []
    # the outer list skipping a number is still one
    assert len(only("DL902", text.replace("(三)申请行政复议情况", "(四)申请行政复议情况"), fmt="text")) == 1


def test_dl902_runs_are_scoped_by_section():
    md = ("# 某局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n一是加强领导；二是完善制度。\n\n"
          "## 五、存在的主要问题及改进情况\n\n三是深化公开。\n")
    assert only("DL902", md) == []


# == DL903 missing counts =========================================================================

def test_dl903_flattened_heading_is_not_part_of_the_item():
    text = "一、总体情况 （一）主动公开 图文解读篇、政策解读12篇、视频解读3篇。"
    [d] = only("DL903", text, fmt="text")
    assert (d.column, d.match) == (text.index("图文解读篇") + 1, "图文解读篇")


def test_dl901_aabb_is_cjk_only():
    assert [d.match for d in only("DL901", "加强政府信息公开的的。。")] == ["的的", "。。"]


def test_fact_count_lists():
    r = report("全年主动公开政府信息356条，其中政策文件15条、备案信息条、许可信息25条。")
    [cl] = r.count_lists
    assert cl.unit == "条"
    assert [(i.span.text, i.has_number) for i in cl.items] == [
        ("全年主动公开政府信息356条", True), ("其中政策文件15条", True), ("备案信息条", False), ("许可信息25条", True)]
    assert [i.span.text for i in cl.missing] == ["备案信息条"]


@pytest.mark.parametrize(("text", "fmt", "item", "sibling"), [
    ("全年主动公开政府信息356条，其中政策文件15条、备案信息条、许可信息25条。", "markdown", "备案信息条", "政策文件15条"),
    ("通过门户网站发布信息120条，通过政务微博发布信息条，通过政务微信发布信息80条。", "markdown",
     "通过政务微博发布信息条", "通过门户网站发布信息120条"),
    ("（一）主动公开 全年发布政策解读12篇、图文解读篇、视频解读3篇。 （二）依申请公开 新收申请5件。", "text",
     "图文解读篇", "全年发布政策解读12篇"),
    ("办理人大代表建议12件、网民留言件、群众来信5件。", "markdown", "网民留言件", "办理人大代表建议12件"),
])
def test_dl903_fires(text, fmt, item, sibling):
    [d] = only("DL903", text, fmt=fmt)
    assert (d.line, d.column, d.match) == (1, text.index(item) + 1, item)
    assert f"“{item}”没有写数量" in d.message and f"如“{sibling}”" in d.message
    assert d.evidence["actual"] == item and d.evidence["expected"].endswith("N" + item[-1])


@pytest.mark.parametrize("text", [
    "全年主动公开政府信息356条，其中政策文件15条、行政规范性文件3件、相关附件、备案信息20条。",
    "办理人大代表建议12件、政协提案8件、相关文件；逐条梳理政策文件15条、多条、历史信息30条。",
    "开展专项检查3次、培训2次、其他专项，主动公开政府信息120条、政策解读15篇。",
    "共受理案件8件、处理事件、涉及条件，统一编制事项清单12项、办事事项。",
    "发布信息120条、每条、各项、若干项、十余条，受理申请5件、每件。",
    "召开新闻发布会3场、现场、市场，更新政府公报12期、定期、近期。",
    "全年公开信息120条。备案信息条目已更新。",
    "全年共收到5件依申请公开件，办结4件，结转下年度继续办理1件。",  # the number before a noun ending in 件
    "共受理12件群众投诉件，办结12件，回复率100%。",
    "全年收到申请2件，已按期答复2件，无结转下年度继续办理件。",  # none: no number left out
])
def test_dl903_quiet(text):
    assert only("DL903", text) == []


# == examples, corpus, scale ======================================================================

def test_examples_flattened():
    """The examples flattened to one line keep exactly their writing findings (none for the clean one)."""
    clean = flatten((ROOT / "examples" / "clean-2023.md").read_text(encoding="utf-8"))
    assert [d.message for d in lint(clean, select=WRITING + ["DL703"], fmt="text")] == []
    defective = flatten((ROOT / "examples" / "defective-2023.md").read_text(encoding="utf-8"))
    found = [(d.code, d.match) for d in lint(defective, select=WRITING + ["DL703"], fmt="text")]
    assert found == [("DL901", "落实落实"), ("DL703", "（"), ("DL902", "二是")]


def test_defective_example_writing_findings():
    [fr] = check_paths([str(ROOT / "examples" / "defective-2023.md")], select=WRITING + ["DL703"]).files
    assert [(d.code, d.line, d.column, d.match) for d in fr.diagnostics] == [
        ("DL901", 22, 13, "落实落实"), ("DL703", 26, 56, "（"), ("DL902", 30, 93, "二是")]


@pytest.mark.skipif(not (SHARED / "corpus").exists(), reason=NO_SHARED)
def test_corpus_has_no_writing_findings():
    files = [str(p) for p in sorted((SHARED / "corpus" / "excerpts").glob("*.txt"))]
    files += [str(p) for p in (SHARED / "corpus" / "pdf").glob("*.pdf")]
    files += [str(p) for p in (SHARED / "corpus" / "docx").glob("*.docx")]
    files += [str(SHARED / "seed" / "shangtang-2019.txt")]
    run = check_paths(files, select=WRITING)
    assert [(fr.path, d.code, d.match) for fr in run.files for d in fr.diagnostics] == []
    # …and the same on the excerpts flattened to one line
    for f in files:
        if f.endswith(".txt"):
            text = " ".join(line.strip() for line in Path(f).read_text(encoding="utf-8").splitlines() if line.strip())
            assert [d.match for d in lint(text, select=WRITING, fmt="text")] == [], f


@pytest.mark.slow  # a 1 MB input; the hostile suite and test_hostile_text cover the shapes by default
def test_one_megabyte_line_is_linear():
    text = flatten((ROOT / "examples" / "clean-2023.md").read_text(encoding="utf-8"))
    big = (" ".join([text] * 120))[:1_000_000]
    r = interpret(parse(big, "text"))
    (r.doubles, r.enumerations, r.count_lists, r.brackets)  # noqa: B018 - computing the members is the test
    hostile = "（“《的的，一是" * 20000 + "”》）" * 20000
    ds = lint(hostile, select=WRITING + ["DL703"], fmt="text")
    dl703 = [d for d in ds if d.code == "DL703"]
    assert len(dl703) == 101 and "……及另外" in dl703[-1].message  # 100 listed, the rest summed up in one


def test_long_run_of_digits_in_a_count_list_is_linear():
    # the numbered-item pattern was searched again from every digit of a run (quadratic; 20 000 digits took 10 s)
    text = "备案信息条、" + "1" * 200_000 + "a、许可信息25条、政策文件15条"
    [cl] = report(text, fmt="text").count_lists
    assert [(i.span.text, i.has_number) for i in cl.items] == [("许可信息25条", True), ("政策文件15条", True)]


def test_dl902_long_run_of_repeated_markers_does_not_crash():
    # each repeated 二是 is renumbered after the one before; past 九十九 the expected marker used to raise IndexError
    text = "某局2023年政府信息公开工作年度报告\n一、总体情况\n一是加强领导，" + "二是完善制度，" * 120
    ds = lint(text, select=["DL902"], fmt="text")
    assert len(ds) == 101  # the cap (100) and one finding summing up the rest
    assert (ds[0].line, ds[0].column, ds[0].evidence["expected"]) == (3, 15, "三是")
    assert (ds[99].column, ds[99].evidence["expected"]) == (708, "一百零二是")
    assert "……及另外18处" in ds[-1].message and ds[-1].evidence["omitted"] == 19


def test_circled_marker_past_twenty():
    from disclosure_lint.report.enumeration import marker_text

    assert marker_text("circ", 20) == "⑳" and marker_text("circ", 21) == "（21）"


def test_dl902_an_item_whose_text_starts_with_yu_is_an_item():
    text = "（一）政府信息公开的收费情况：无。\n（二）与行政复议、行政诉讼有关的费用支出：无。\n（三）其他：无。\n"
    assert only("DL902", text, fmt="text") == []
    # （一）至（五）: items referred to
    assert only("DL902", "依照第（一）至（五）项办理。（一）主动公开。（二）依申请公开。", fmt="text") == []


# -- DL905 miscounted-parts ----------------------------------------------------------------------

_LISTED = {"s1": "总体情况", "s2": "主动公开政府信息情况", "s3": "收到和处理政府信息公开申请情况",
           "s4": "政府信息公开行政复议、行政诉讼情况", "s5": "存在的主要问题及改进情况", "s6": "其他需要报告的事项"}


def _opening(parts: str, tail: str, sep: str = "、") -> str:
    items = sep.join(_LISTED[p] for p in parts.split())
    return (f"某某县某某局2023年政府信息公开工作年度报告\n本报告由{items}{tail}组成。本报告所列数据的统计期限自2023年1月1日"
            "起至2023年12月31日止。\n一、总体情况\n本局认真贯彻《条例》。\n")


@pytest.mark.parametrize(("parts", "tail", "left_out"), [
    ("s1 s2 s3 s4 s5", "六个部分", ["其他需要报告的事项"]),  # no 等: the list is all it says
    ("s1 s2 s4 s5 s6", "等六个部分", ["收到和处理政府信息公开申请情况"]),  # 等, but a part left out in the middle
    ("s1 s2 s3 s4 s5 s6", "五个方面", []),  # more listed than said
])
def test_dl905_fires(parts, tail, left_out):
    ds = only("DL905", _opening(parts, tail), fmt="text")
    assert len(ds) == 1
    d = ds[0]
    assert (d.severity, d.line, d.match) == ("warning", 2, tail.removeprefix("等"))
    assert (d.evidence["expected"], d.evidence["actual"], d.evidence["left_out"]) == (
        "一二三四五六七八九".index(tail.removeprefix("等")[0]) + 1, len(parts.split()), left_out)
    assert all(f"“{name}”" in d.message for name in left_out)


@pytest.mark.parametrize(("parts", "tail", "sep"), [
    ("s1 s2 s3 s4 s5 s6", "六个部分", "、"),
    ("s1 s2 s3 s4 s5 s6", "等六部分", "，"),
    ("s1 s2 s3", "等六个部分", "、"),  # the first parts, then 等
    ("s1 s2 s3 s4 s5", "等六个部分", "、"),
])
def test_dl905_quiet(parts, tail, sep):
    assert only("DL905", _opening(parts, tail, sep), fmt="text") == []


def test_dl905_quiet_on_the_main_parts_named():
    """主要包括A、B、E等6个部分 (a real district bureau's opening): it says it names the main parts — some, in order — not
    all of them; 由A、B、E等六个部分组成 still leaves 三 and 四 out of the middle."""
    text = _opening("s1 s2 s5", "等6个部分").replace("本报告由", "本报告主要包括").replace("组成。", "。")
    assert only("DL905", text, fmt="text") == []
    assert len(only("DL905", _opening("s1 s2 s5", "等6个部分"), fmt="text")) == 1
    # … but the main parts said out of order, or more of them than the count, is still a slip
    reordered = text.replace("总体情况、主动公开政府信息情况", "主动公开政府信息情况、总体情况")
    assert len(only("DL905", reordered, fmt="text")) == 1


def test_dl905_a_count_in_arabic_digits():
    # 等6个部分内容: the count written in digits, two parts left out in the middle
    ds = only("DL905", _opening("s1 s2 s5 s6", "等6个部分内容"), fmt="text")
    assert [(d.match, d.evidence["expected"], d.evidence["actual"]) for d in ds] == [("6个部分", 6, 4)]
    assert only("DL905", _opening("s1 s2 s3 s4 s5 s6", "等6个部分"), fmt="text") == []
    assert only("DL905", _opening("s1 s2 s5 s6", "等16个部分"), fmt="text") == []  # no count of parts


def test_dl905_quiet_on_a_list_it_cannot_read_whole():
    # an item of no unified part (the old format's 收费及减免, a part of the report's own): not counted
    for extra in ("政府信息公开的收费及减免情况", "信息处理费收取情况"):
        text = _opening("s1 s2 s3 s4 s5", "六个部分").replace("存在的主要问题及改进情况", f"存在的主要问题及改进情况、{extra}")
        assert only("DL905", text.replace("六个部分", "五个部分"), fmt="text") == []


def test_dl905_says_which_items_make_one_part():
    # 行政复议、行政诉讼 as two items make the six the opening says, but the list leaves part 六 out (a real page): the
    # message says six items, two of one part, not "five listed" of a list of six
    text = _opening("s1 s2 s3 s4 s5", "6个部分").replace("政府信息公开行政复议、行政诉讼情况", "行政复议、行政诉讼")
    [d] = only("DL905", text, fmt="text")
    assert "列出的却是六项（其中“行政复议”“行政诉讼”同属统一格式的一个部分，实为五个部分）" in d.message
    assert "“其他需要报告的事项”" in d.message


def test_dl905_five_parts_said_and_listed_of_the_six():
    # real openings of 2019–2025: 由总体情况…存在的主要问题及改进情况五部分组成 — the count agrees with the list, the format
    # has six parts
    [d] = only("DL905", _opening("s1 s2 s3 s4 s5", "五部分"), fmt="text")
    assert "列出的也是五个部分，没有列出“其他需要报告的事项”：统一格式的年度报告有六个部分" in d.message
    assert only("DL905", _opening("s1 s2 s3 s4 s5", "五部分").replace("2023年", "2017年"), fmt="text") == []  # old
    text = _opening("s1 s2 s3 s4 s5", "等五部分").replace("本报告由", "本报告主要包括").replace("组成。", "。")
    assert only("DL905", text, fmt="text") == []  # 主要包括…等五部分: the main ones


def test_dl905_quoted_items_after_zhongdian_cong():
    """重点从“总体情况、…改进情况”“其他需要报告的事项”六个部分组成 (a real bureau's opening, written anew): quoted items,
    two quotations back to back, 从 for 由 — five parts listed, 主动公开 left out, six said."""
    items = "、".join(_LISTED[p] for p in ("s1", "s3", "s4", "s5"))
    text = _opening("s1", "六个部分").replace(
        "本报告由总体情况六个部分组成", f"本报告重点从“{items}”“{_LISTED['s6']}”六个部分组成")
    [d] = only("DL905", text, fmt="text")
    assert d.evidence["left_out"] == ["主动公开政府信息情况"] and d.match == "六个部分"
    whole = text.replace("“总体情况、", "“总体情况、主动公开政府信息情况、")
    assert only("DL905", whole, fmt="text") == []  # all six, quoted the same way


def test_dl905_on_a_flattened_page():
    # a portal copy whose line breaks were lost: the opening runs on into the parts, still one finding at the count
    text = _opening("s1 s2 s3 s4 s5", "六个部分").replace("\n", " ")
    ds = only("DL905", text, fmt="text")
    assert [(d.line, d.match) for d in ds] == [(1, "六个部分")]


def test_dl902_a_shi_marker_run_into_the_word_before_it_is_still_the_item():
    # 一是…信息二是…三是: the 。 before 二是 left out — 二是 is there, 三是 follows it (the missing mark is not DL902's)
    text = "一是通过门户网站发布便民服务等信息二是通过大屏幕滚动播放政策，三是印发宣传册。\n"
    assert only("DL902", text, fmt="text") == []
    # with no 二是 anywhere between them, 三是 is still a skip
    assert [d.evidence["expected"] for d in only("DL902", "一是加强领导；三是完善制度。\n", fmt="text")] == ["二是"]


@pytest.mark.parametrize(("text", "word"), [
    ("全年发布民意征集民意征集8件。", "民意征集"),  # a count right after the pair
    ("全年新收政府信息公开公开申请0件。", "公开"),  # taking the copy out makes the format's term whole again
])
def test_dl901_a_doubled_noun_inside_a_sentence_seen_on_real_pages(text, word):
    assert [d.evidence.get("actual", d.match) for d in only("DL901", text, fmt="text")] == [word + word]


def test_dl901_two_words_that_share_a_word_are_still_not_a_double():
    assert only("DL901", "对申请人予以公开公开方式为网上公开。", fmt="text") == []


def test_dl901_not_on_the_pages_own_words():
    # a portal's header above the title (无障碍浏览无障碍浏览) and its catalogue fields (时 效 性:有效有效) are the site's
    text = ("欢迎您访问某某区人民政府门户网站  今天是:\n无障碍浏览无障碍浏览\n某某镇2021年政府信息公开工作年度报告 - 文 号:"
            "发布日期: 2022-01-21 09:37\n- 废止日期: 时 效 性:有效有效\n某某镇2021年政府信息公开工作年度报告\n一、总体情况\n"
            "本镇认真认真贯彻《条例》。\n")
    assert [d.match for d in only("DL901", text, fmt="text")] == ["认真认真"]


def test_dl902_a_list_whose_first_marker_ran_into_its_heading_restarts():
    # flattened text: 2.加大主动公开力度（1）深入推进…（2）… — the （1） glued to the heading is the new list's first item
    text = ("本年开展以下工作1.完善制度（1）健全机制。（2）规范流程。（3）强化考核。2.加大主动公开力度（1）深入推进决策公开。（2）做好政策解读。"
            "（3）回应社会关切。\n")
    assert only("DL902", text, fmt="text") == []
    # a real repeat is still one
    assert [d.evidence["expected"] for d in only("DL902", "（1）健全机制。（2）规范流程。（2）强化考核。\n", fmt="text")] == ["（3）"]


def test_dl901_a_clause_written_twice_a_comma_between():
    # 及时、准确、全面地公开政府信息，及时、准确、全面地公开政府信息 (a real town's slip, written anew)
    text = "2023年，本镇坚持及时准确全面地发布政务信息，及时准确全面地发布政务信息，回应群众关切。\n"
    [d] = only("DL901", text)
    assert d.match == "及时准确全面地发布政务信息，及时准确全面地发布政务信息" and d.evidence["doubled"] == "clause"
    assert "语句重复" in d.message and d.fix.applicability == "unsafe"
    # short clauses said twice (a slogan), and two clauses that differ: not taken
    assert only("DL901", "2023年，本镇坚持一个不能少，一个不能少。\n") == []
    assert only("DL901", "2023年，本镇及时准确地发布政务信息，及时准确地发布政策解读。\n") == []


def test_dl902_a_part_title_numbered_as_an_item_ends_the_list_before_it():
    # a county's page numbers its parts (一)(二) like items: part 二's title is no fifth item of part 一's (一)–(四)
    text = ("(一)总体情况\n2023年，本县深入推进政务公开。\n(一)主动公开方面。全年主动公开信息6931条。\n"
            "(二)依申请公开方面。收到申请19件。\n(三)政府信息管理方面。落实主体责任。\n(四)平台建设方面。强化网站管理。\n"
            "(二)主动公开政府信息的情况\n")
    assert only("DL902", text, fmt="text") == []
    # an item that is no part's title is still compared: (二) after (四)
    assert [d.evidence["expected"] for d in only("DL902", text.replace("(二)主动公开政府信息的情况", "(二)其他工作情况"),
                                                 fmt="text")] == ["(五)"]


def test_dl901_a_bodys_name_twice_whose_second_begins_the_next_clause():
    # 协调领导小组领导小组下设办公室 (a real zone's page): a comma left out as likely as a copy — said, and no fix offered
    [d] = only("DL901", "本区成立政务公开协调领导小组领导小组下设政务公开办公室，负责日常工作。\n", fmt="text")
    assert "前面漏了逗号" in d.message and d.fix is None
    # the same name twice at the end of its clause is a copy: the fix stays
    [d] = only("DL901", "本区成立政务公开领导小组领导小组。\n", fmt="text")
    assert "漏了逗号" not in d.message and d.fix is not None


def test_dl901_a_breadcrumb_on_the_titles_line_is_the_pages():
    # 当前位置： 首页政务公开政府信息公开政府信息公开年报 (separators lost) before the title on one line (a real portal page)
    text = ("标题: 某某区2017年度政府信息公开工作年度报告\n发布时间: 2018-01-23 08:51\n栏目: 政府信息公开年报\n"
            "当前位置： 首页政务公开政府信息公开政府信息公开年报 某某区2017年度政府信息公开工作年度报告\n"
            "一、概述\n2017年，本区主动公开政府信息120条。\n")
    assert only("DL901", text, fmt="text") == []
    assert [d.match for d in only("DL901", text + "本区加强加强政府信息管理。\n", fmt="text")] == ["加强加强"]


@pytest.mark.parametrize("text", [
    # a page joined with nothing: 3. glued to the word before it (…质量3.努力完善) is not seen as an item
    "某某局2023年政府信息公开工作年度报告一、总体情况1.切实加强组织领导。成立领导小组。2.不断提升信息公开质量。"
    "确保信息公开质量3.努力完善政府信息公开制度。4.创新公开形式，提高公开实效。",
    # the same across the paragraphs the page was split into, and with the item's opening bracket lost (二)依申请)
    "某某局2023年政府信息公开工作年度报告一、总体情况(一)主动公开方面全年公开信息120条。\n"
    "主动公开数据统计二)依申请公开方面本年未收到申请。\n(三)政府信息管理方面建立审查机制。",
])
def test_dl902_not_when_the_skipped_marker_is_glued_between(text):
    assert [d.code for d in lint(text, select=["DL902"], fmt="text")] == []


def test_dl902_still_reports_a_real_skip_in_flattened_text():
    text = ("某某局2023年政府信息公开工作年度报告一、总体情况1.切实加强组织领导。成立领导小组。2.不断提升信息公开质量。"
            "确保信息公开质量。4.创新公开形式，提高公开实效。")
    ds = lint(text, select=["DL902"], fmt="text")
    assert [(d.code, d.evidence["expected"]) for d in ds] == [("DL902", "3.")]


@pytest.mark.parametrize("sep", [" ", ""])
def test_a_header_run_into_the_title_is_no_doubled_word(sep):
    """A real township page whose line breaks were lost: the site's header (the body's name) runs into the title that
    starts with the same name (平城镇平城镇2023年…年度报告) — joined by spaces or by nothing.  With the title on a line of
    its own, the same words are the clerk's and reported."""
    parts = ["某某镇人民政府", "首页", "某某镇某某镇2023年政府信息公开工作年度报告", "一、总体情况",
             "2023年，本镇主动公开政府信息120条。", "二、主动公开政府信息情况", "本年度未制发规范性文件。"]
    flat = sep.join(parts) + "\n"
    assert [d.code for d in lint(flat, fmt="text", select=["DL901"])] == []
    lines = "\n".join(parts) + "\n"
    assert [(d.code, d.line) for d in lint(lines, fmt="text", select=["DL901"])] == [("DL901", 3)]


def test_dl902_an_outer_lists_first_marker_run_into_the_title_before_it():
    """A real crawl (written anew): the outer 一是 run into the sub-title before it (…扎实推进信息公开一是推进清单公开。), so
    no marker of its own, then a list inside it — the outer 二是 after the inner 二是 is the outer list's second, not a
    repeated one; 统一是 makes no such marker, and a repeat in a list after it is still one."""
    text = ("（二）扎实推进信息公开一是推进清单公开。一是按照要求公布清单。二是按照精神推行网上公开。二是推进财政资金公开。"
            "要求各部门公开预算。三是推进公共服务公开。")
    assert only("DL902", text, fmt="text") == []
    word = "总体上统一是基本要求。一是公开不及时。二是解读单一。二是培训不足。"
    assert [d.match for d in only("DL902", word, fmt="text")] == ["二是"]


def test_doubled_clauses_find_what_a_scan_of_every_clause_finds():
    """writing._clause_spans reads a clause only where the text before its comma holds the clause's first eight
    characters: on random texts it finds what comparing every clause with the one before it finds, piece by piece."""
    import random
    import re

    from disclosure_lint.report import writing

    clause = re.compile(r"[^，,。；;！？!?：:\n]+")

    def scan(p):
        text, out, prev = p.text, [], None
        for m in clause.finditer(text):
            c = m.group()
            if (prev is not None and m.start() == prev.end() + 1 and text[prev.end()] in "，,"
                    and prev.group().endswith(c) and len(c.strip()) >= 8 and writing._CJK_IN.search(c)):
                out.append((id(p), prev.end() - len(c), m.end(), c + text[prev.end()]))
            prev = m
        return out

    words = [*"及时准确发布信息公开，,。； \n", "及时准确地发布信息", "，及时准确地发布信息", "发布信息", " "]
    rnd = random.Random(901)
    found = 0
    for _ in range(5000):
        prose = [writing._piece(None, "".join(rnd.choice(words) for _ in range(rnd.randint(0, 14))))
                 for _ in range(rnd.randint(1, 4))]
        starts, pos = [], 0
        for p in prose:
            starts.append(pos)
            pos += len(p.text) + 1
        got = [(id(d.span.piece), d.span.start, d.span.end, d.unit)
               for d in writing._clauses_placed(prose, starts, writing._clause_spans("\n".join(p.text for p in prose)))]
        want = [x for p in prose for x in scan(p)]
        assert got == want, [p.text for p in prose]
        # (the same from each piece's own, kept for the next report: writing._prose_matches)
        assert writing._prose_matches([p.text for p in prose], starts)[3] == writing._clause_spans(
            "\n".join(p.text for p in prose))
        found += bool(want)
    assert found > 50
