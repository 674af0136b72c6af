"""The console view for people (issue 11, item 4): repeated findings of one rule grouped, a header line per
file with its facts and counts, and long messages wrapped within 80 columns without losing text."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

from rich.cells import cell_len
from typer.testing import CliRunner

from disclosure_lint.api import FileResult, RunResult
from disclosure_lint.cli import app
from disclosure_lint.diagnostics import Diagnostic, Edit, Fix
from disclosure_lint.reporters import console

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "defective-2023.md"
REPORT = {"agency": "江北市桐溪区农业农村局", "year": 2023, "format_version": "2021"}


def _d(code: str, line: int, *, fix: str | None = "safe", message: str = "中文语句中使用了半角标点“,”",
       severity: str = "warning", **extra) -> Diagnostic:
    f = Fix("将“,”改为“，”", (Edit(line, 1, line, 2, "，"),), fix) if fix else None  # type: ignore[arg-type]
    return Diagnostic(path="r.md", code=code, rule=f"rule-{code.lower()}", category="writing",
                      severity=severity, message=message, line=line, column=1, fix=f, **extra)  # type: ignore[arg-type]


def _render(diags: list[Diagnostic], path: str = "r.md", **kw) -> str:
    out = io.StringIO()  # not a terminal, no COLUMNS: the console's width is 140
    console.render(RunResult(files=[FileResult(path=path, diagnostics=diags, report=REPORT)]), out, **kw)
    return out.getvalue()


def test_first_three_of_a_rule_then_one_row_with_the_fix_hint():
    diags = [_d("DL701", n) for n in range(1, 11)] + [_d("DL901", 20, fix=None, message="词语重复")]
    text = _render(diags)
    assert re.findall(r"│(\d+):1", text) == ["1", "2", "3", "20"]
    assert "…及另外7处，可用 --fix 自动修正" in text
    assert text.index("…及另外7处") < text.index("20:1")  # order of findings unchanged


def test_no_fix_hint_when_the_rest_has_no_safe_fix_or_the_file_cannot_be_fixed():
    unsafe = [_d("DL301", n, fix="unsafe") for n in range(1, 8)]
    assert "…及另外4处" in (t := _render(unsafe)) and "--fix" not in t
    none = [_d("DL901", n, fix=None) for n in range(1, 8)]
    assert "…及另外4处" in (t := _render(none)) and "--fix" not in t
    docx = [_d("DL701", n) for n in range(1, 8)]
    assert "…及另外4处" in (t := _render(docx, path="r.docx")) and "--fix" not in t


def test_four_findings_are_all_shown_and_no_group_shows_every_one():
    assert "及另外" not in _render([_d("DL701", n) for n in range(1, 5)])
    text = _render([_d("DL701", n) for n in range(1, 11)], group=False)
    assert "及另外" not in text and len(re.findall(r"│\d+:1", text)) == 10


def test_the_engines_cap_summary_counts_what_it_stands_for():
    diags = [_d("DL701", n) for n in range(1, 6)]
    diags.append(_d("DL701", 6, fix=None, message="……及另外10处", evidence={"omitted": 11, "listed": 5}))
    assert "…及另外13处，可用 --fix 自动修正" in _render(diags)  # the 4th and 5th, and the 11 the cap stands for


def test_header_line_shows_agency_year_format_and_counts():
    text = _render([_d("DL701", 1), _d("DL401", 2, severity="error"), _d("DL999", 3, severity="info")])
    assert text.splitlines()[0].strip() == "r.md（江北市桐溪区农业农村局，2023年度，2021格式） 1个错误，1个警告，1个提示"


LONG = ("2023年度报告仍引用“《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号”，"
        "应改为《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号），"
        "see https://example.org/a/very/long/address/without/spaces/that/must/fold/somewhere/at/80 末尾")


def test_long_messages_wrap_within_80_cells_and_keep_every_character(monkeypatch):
    diags = [_d("DL801", n, message=LONG, fix=None) for n in range(1, 3)]
    run = RunResult(files=[FileResult(path="a/" + "很长的目录名" * 12 + "/r.md", diagnostics=diags, report=REPORT)])
    out = io.StringIO()
    monkeypatch.setenv("COLUMNS", "80")
    console.render(run, out)
    lines = out.getvalue().splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    assert "规则" not in lines[1] + lines[2] and "rule-dl801" not in out.getvalue()  # room for the message
    # the message column's pieces, joined, give back the message
    pieces = [line.split("│")[-2] for line in lines if line.startswith("│")]
    assert "".join(pieces).replace(" ", "").count(LONG.replace(" ", "")) == 2


def test_cli_no_group_and_json_unchanged(tmp_path):
    report = tmp_path / "r.md"
    shutil.copy(EXAMPLE, report)
    with report.open("a", encoding="utf-8") as fh:
        fh.write("\n" + "本机关加强培训,完善制度,落实责任,接受监督,提升质量,回应关切。\n")
    runner = CliRunner()
    grouped = runner.invoke(app, ["check", str(report)], env={"COLUMNS": "140"}).output
    flat = runner.invoke(app, ["check", "--no-group", str(report)], env={"COLUMNS": "140"}).output
    assert "及另外" in grouped and "可用 --fix 自动修正" in grouped and "及另外" not in flat
    runner.invoke(app, ["check", "-f", "json", "-o", str(tmp_path / "1.json"), str(report)])
    runner.invoke(app, ["check", "-f", "json", "--no-group", "-o", str(tmp_path / "2.json"), str(report)])
    j1, j2 = (json.loads((tmp_path / n).read_text(encoding="utf-8")) for n in ("1.json", "2.json"))
    assert j1 == j2
    assert sum(1 for f in j1["files"] for d in f["diagnostics"] if d["code"] == "DL701") > 4


def test_help_mentions_no_group():
    assert "--no-group" in CliRunner().invoke(app, ["check", "--help"], env={"COLUMNS": "200"}).output


def test_a_long_pointer_folds_at_80_columns_instead_of_being_cut(monkeypatch):
    pointer = "三、收到和处理政府信息公开申请情况 › 表三 › （七）总计 › 自然人"
    d = Diagnostic(path="r.md", code="DL201", rule="application-balance", category="statistics",
                   severity="error", message=LONG, pointer=pointer)
    out = io.StringIO()
    monkeypatch.setenv("COLUMNS", "80")
    console.render(RunResult(files=[FileResult(path="r.md", diagnostics=[d], report=REPORT)]), out)
    lines = out.getvalue().splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    cells = "".join(line.split("│")[1].strip() for line in lines if line.startswith("│"))
    assert cells.replace(" ", "") == pointer.replace(" ", "")
