"""DL910 list-comma: a comma among the 顿号 of a list of parallel words, on real-shaped input (a crawl whose line
breaks were lost and whose commas a store made half-width, a portal page with its metadata lines, a GBK page, a
Word document), what it leaves alone, its unsafe fix (line endings kept), and the report fact on its own."""

from __future__ import annotations

import random

from typer.testing import CliRunner

from disclosure_lint.report.list_commas import find_list_commas
from disclosure_lint.report.writing import _piece

from .conftest import check_gbk_page, lint

runner = CliRunner()

PORTAL = ("首页 > 政务公开 > 政府信息公开年报\n"
          "某某街道办事处2023年政府信息公开工作年度报告\n"
          "发布时间：2024-01-20 浏览次数：132\n"
          "字号：[大 中 小] 打印本页 关闭窗口\n"
          "一、总体情况 2023年,本街道切实保障群众的知情权、参与权,监督权,增强政府公信力。一是建立了首问负责制,"
          "一次性告知制、限时办结制等制度。二是严格审核,确保发布内容的真实性,完整性、准确性和安全性。"
          "二、主动公开政府信息情况 全年主动公开信息120条。\n")


def _found(text: str, fmt: str = "text") -> list[tuple[str, str, str]]:
    return [(d.evidence["list"], d.evidence["actual"], d.evidence["expected"])
            for d in lint(text, select=["DL910"], fmt=fmt)]


def test_portal_crawl_with_lost_line_breaks_and_half_width_commas():
    assert _found(PORTAL) == [
        ("知情权、参与权,监督权", ",", "、"),
        ("首问负责制,一次性告知制、限时办结制等制度", ",", "、"),
        ("真实性,完整性、准确性和安全性", ",", "、"),
    ]


def test_position_and_message():
    text = "# 某某局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n本局保障群众的知情权、参与权，监督权。\n"
    (d,) = lint(text, select=["DL910"])
    assert (d.line, d.column) == (5, 15)  # the comma itself
    assert "“参与权”与“监督权”之间的“，”应为顿号“、”" in d.message
    assert d.fix is not None and d.fix.applicability == "unsafe"


def test_what_it_leaves_alone():
    text = """某某县2023年政府信息公开工作年度报告
一、总体情况
不断增强政府公信力、执行力，提升政府治理能力。深化重点领域公开，强化决策公开、会议公开及公众参与。
推进用权公开，决策公开、营商环境政策解读、政务服务信息公开全面推进。按照“谁公开、谁审查，谁审查、谁负责”的要求审核。
全年审结案件1526件，其中刑事案件、民事案件、行政案件共计980件。构建了以主项、子项、孙项为架构的清单。
把好初审关、业务关，信息员把好文字关、规范关。坚持公开是常态、不公开是例外，推进决策、执行、管理、服务、结果公开。
落实责任制、问责制。办理行政复议、行政诉讼，加强应诉工作。
"""
    assert _found(text) == []


def test_tables_are_not_read():
    text = ("# 某某局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n| 事项 | 说明 |\n|---|---|\n"
            "| 制度 | 首问责任制，一次性告知制、限时办结制 |\n")
    assert _found(text, fmt="markdown") == []


def test_gbk_page(tmp_path):
    code, output = check_gbk_page(tmp_path, ["本镇保障群众的知情权、参与权，监督权。"], "DL910")
    assert code == 0, output  # a warning: the run passes unless --fail-on says otherwise
    assert "“知情权、参与权，监督权”" in output, output


def test_word_document(tmp_path):
    import docx

    doc = docx.Document()
    doc.add_paragraph("某某乡2023年政府信息公开工作年度报告")
    doc.add_paragraph("一、总体情况")
    doc.add_paragraph("全乡建立了首问责任制，一次性告知制、限时办结制。")
    path = tmp_path / "r.docx"
    doc.save(path)
    res = runner.invoke(_app(), ["check", "--isolated", "--select", "DL910", "-f", "concise", str(path)])
    assert "“首问责任制，一次性告知制、限时办结制”" in res.output, res.output


def test_unsafe_fix_keeps_line_endings(tmp_path):
    path = tmp_path / "r.txt"
    original = PORTAL.replace("\n", "\r\n").encode("utf-8")
    path.write_bytes(original)
    assert runner.invoke(_app(), ["check", "--isolated", "--select", "DL910", "--fix", str(path)]).exit_code == 0
    assert path.read_bytes() == original  # unsafe: not applied without the flag
    res = runner.invoke(_app(), ["check", "--isolated", "--select", "DL910", "--fix", "--unsafe-fixes", str(path)])
    fixed = path.read_bytes().decode("utf-8")
    assert "\r\n" in fixed and "\n" not in fixed.replace("\r\n", ""), res.output
    for right in ("知情权、参与权、监督权", "首问负责制、一次性告知制、限时办结制", "真实性、完整性、准确性和安全性"):
        assert right in fixed, (right, res.output)
    assert _found(fixed) == []


def test_fact_on_random_lists():
    """Every comma found stands between two of the three items it names, all of which share its ending, and the
    quoted list is the text it was found in."""
    words = ["知情权", "参与权", "监督权", "表达权", "首问责任制", "限时办结制", "真实性", "完整性", "加强管理", "推进公开",
             "政务公开", "决策公开", "其中公开", "公开的权", "提升能力"]
    rnd = random.Random(910)
    for _ in range(3000):
        parts = []
        for _ in range(rnd.randint(2, 6)):
            parts += [rnd.choice(words), rnd.choice("、、，,。")]
        text = "".join(parts)
        for lc in find_list_commas([_piece(None, text)]):  # type: ignore[arg-type]
            assert text[lc.start] in "，,"
            assert lc.quoted == text[lc.list_start:lc.list_end] and lc.list_start <= lc.start < lc.list_end
            assert lc.pair[0] in lc.items and lc.pair[1] in lc.items
            assert all(w.endswith(lc.ending) for w in lc.items) and lc.ending


def test_gates_kept_per_piece_as_every_piece_read():
    """find_list_commas, whether the gates match in a piece kept by its text from one call to the next (the memo
    emptied at random, texts recurring), finds what reading every piece alone finds."""
    from disclosure_lint.report import list_commas

    words = ["知情权", "参与权", "监督权", "首问责任制", "限时办结制", "加强管理", "政务公开", "决策公开", "公开的权"]
    rnd = random.Random(911)
    texts = ["".join(rnd.choice(words) + rnd.choice("、、，,。；") for _ in range(rnd.randint(1, 6))) for _ in range(300)]
    found = 0
    for _ in range(600):
        if rnd.random() < 0.1:
            list_commas._GATED.clear()
        pieces = [_piece(None, t) for t in rnd.sample(texts, rnd.randint(0, 8))]  # type: ignore[arg-type]
        got = [(id(lc.piece), lc.start, lc.items) for lc in find_list_commas(pieces)]
        want = [(id(lc.piece), lc.start, lc.items) for p in pieces for lc in list_commas._in_piece(p)]
        assert got == want
        found += len(want)
    assert found > 50


def _app():
    from disclosure_lint.cli import app

    return app


def test_a_list_that_is_the_next_clauses_subject():
    """A real town's leading group: …办公室工作人员为成员，党委委员、组织委员、宣传委员任分管领导 — the list after the comma is
    the subject of its own clause (…任分管领导), the comma ends the clause before: correct; a list of three still fires."""
    from .conftest import lint

    ok = "建立了领导小组，由镇长任组长，办公室工作人员为成员，党委委员、组织委员、宣传委员任分管领导。"
    assert [d for d in lint(ok, select=["DL910"], fmt="text") if d.code == "DL910"] == []
    bad = "三是建立了首问责任制，一次性告知制、限时办结制等制度。"
    assert [d.code for d in lint(bad, select=["DL910"], fmt="text")] == ["DL910"]
