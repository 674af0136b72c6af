"""A finding's expected and actual values as a person reads them (round 18, clerk's view, item 1): a blank total
cell said ``实际：None`` in the console and ``实为：None`` in a Word comment, and nothing at all in the HTML report;
a moved row showed ``{'natural_person': 3, …}``, a list of titles ``['一、总体情况', …]``.  One formatter
(:mod:`disclosure_lint.reporters.evidence`) writes them for the console, the HTML report and ``annotate``."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from disclosure_lint.api import FileResult, RunResult
from disclosure_lint.cli import app
from disclosure_lint.diagnostics import Diagnostic
from disclosure_lint.reporters import console
from disclosure_lint.reporters.evidence import BLANK, expected_actual, value_text

CLEAN = Path(__file__).resolve().parent.parent / "examples" / "clean-2023.md"
NEW_ROW = "| 一、本年新收政府信息公开申请数量 | | | 48 | 7 | 0 | 0 | 2 | 0 | 57 |"
OPEN_ROW = "| 三、本年度办理结果 | （一）予以公开 | | 18 | 3 | 0 | 0 | 1 | 0 | 22 |"
PYTHON = ("None", "True", "False", "['", "{'", "natural_person")
runner = CliRunner()


def _report(tmp_path: Path, old: str, new: str, name: str = "年报.md") -> Path:
    text = CLEAN.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


@pytest.fixture
def blank_total(tmp_path: Path) -> Path:
    """The clean example with its 本年新收 总计 cell left blank (the parts sum to 57)."""
    return _report(tmp_path, NEW_ROW, NEW_ROW.replace("| 0 | 57 |", "| 0 |  |"))


def _check(path: Path, *args: str) -> str:
    res = runner.invoke(app, ["check", str(path), "--no-cache", *args], env={"COLUMNS": "200"})
    assert res.exit_code in (0, 1), res.output
    return res.stdout


def test_console_says_the_total_is_blank(blank_total: Path) -> None:
    out = _check(blank_total)
    assert "DL208" in out
    assert f"应为：57；实际：{BLANK}" in out
    assert "None" not in out


def test_html_says_the_total_is_blank_in_the_finding_and_the_redrawn_cell(blank_total: Path, tmp_path: Path) -> None:
    html = tmp_path / "r.html"
    _check(blank_total, "-f", "html", "-o", str(html))
    page = html.read_text(encoding="utf-8")
    assert f"应为：<b>57</b>　实际：<b>{BLANK}</b>" in page
    assert f"应为 57，实为 {BLANK}" in page  # the red cell of the redrawn table 三
    assert "实际：<b></b>" not in page and "None" not in page


def test_word_comment_says_the_total_is_blank(blank_total: Path) -> None:
    res = runner.invoke(app, ["annotate", str(blank_total)])
    assert res.exit_code == 0, res.output
    comments = [c.text for c in docx.Document(str(blank_total.with_name("年报.审阅.docx"))).comments]
    dl208 = [c for c in comments if c.startswith("[DL208]")]
    assert len(dl208) == 1 and f"实为：{BLANK}" in dl208[0] and "应为：57" in dl208[0]
    assert not any(p in c for c in comments for p in PYTHON)


def test_a_swapped_pair_names_its_columns_not_their_ids(tmp_path: Path) -> None:
    path = _report(tmp_path, OPEN_ROW, OPEN_ROW.replace("| 18 | 3 |", "| 3 | 18 |"))
    out = _check(path)
    assert "DL210" in out
    assert "应为：自然人18、商业企业3；实际：自然人3、商业企业18" in out
    assert not any(p in out for p in PYTHON)
    # JSON keeps the evidence as data for machines
    data = json.loads(_check(path, "-f", "json"))
    d = next(d for d in data["files"][0]["diagnostics"] if d["code"] == "DL210")
    assert d["evidence"]["expected"] == {"natural_person": 18, "commercial": 3}


def test_values_never_read_as_python() -> None:
    assert value_text(None) == BLANK and value_text("") == BLANK and value_text("  ") == BLANK
    assert value_text(True) == "是" and value_text(False) == "否"
    assert value_text(["一、总体情况", "二、主动公开政府信息情况"]) == "“一、总体情况”“二、主动公开政府信息情况”"
    assert value_text([1, 2]) == "1、2"
    assert value_text({"review.upheld": 1, "review.total": 2}, "表四") == "行政复议·结果维持1、行政复议·总计2"
    assert value_text({"nope": 1}, "表三") == "nope1"  # an unknown column keeps its id, never a repr
    assert value_text(list(range(30))).endswith("等30项")
    # an expected the tool could not work out is not shown; an actual that is missing is blank
    assert expected_actual({"expected": None, "actual": None}) == (None, BLANK)
    assert expected_actual({"expected": "x"}) == ("x", None)
    assert expected_actual(None) == (None, None)


def test_numbers_and_texts_read_as_before(tmp_path: Path) -> None:
    """Guard: numbers and texts read as written; a line the message already says is still left out, one it does
    not say is still shown."""
    assert value_text(12) == "12" and value_text(2.5) == "2.5" and value_text("未找到") == "未找到"
    assert expected_actual({"expected": 57, "actual": 56}) == ("57", "56")
    path = _report(tmp_path, NEW_ROW, NEW_ROW.replace("| 0 | 57 |", "| 0 | 56 |"))
    out = _check(path)
    assert "DL210" in out and "改为57" in out and "应为：" not in out and BLANK not in out

    def shown(evidence: dict) -> str:
        d = Diagnostic(path="r.md", code="DL201", rule="identity", category="statistics", severity="error",
                       message="表三合计不符", line=1, column=1, evidence=evidence)
        stream = io.StringIO()
        console.render(RunResult(files=[FileResult(path="r.md", diagnostics=[d], report={})]), stream)
        return stream.getvalue()

    assert "应为：57；实际：56" in shown({"expected": 57, "actual": 56})
    assert "应为：“甲”" in shown({"expected": ["甲"]}) and "实际" not in shown({"expected": ["甲"]})
