"""Issue 9, item 4: the tool's own failure on one file is one DL000 for that file; the other files are checked,
the exit code is 2, and DL000 has a rule file (explain, ignore)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from disclosure_lint import report as report_pkg
from disclosure_lint.api import Checker, check_paths
from disclosure_lint.cli import app
from disclosure_lint.kinds.typography import AsciiPunctuation
from disclosure_lint.report import structure
from disclosure_lint.report.stats import extract as stats_extract

runner = CliRunner()

REPORT = """# 某某市某某局2023年政府信息公开工作年度报告

## 一、总体情况

2023年，本局认真贯彻落实《条例》,全年主动公开政府信息120条。

## 二、主动公开政府信息情况

| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
|---|---|---|---|
| 规章 | 0 | 0 | 0 |
| 行政规范性文件 | 2 | 1 | 15 |

## 三、收到和处理政府信息公开申请情况

本年新收政府信息公开申请5件。
"""


def _files(tmp_path: Path) -> tuple[str, str]:
    a = tmp_path / "a-2023.md"
    b = tmp_path / "b-2023.md"
    a.write_text(REPORT, encoding="utf-8")
    b.write_text(REPORT, encoding="utf-8")
    return str(a), str(b)


def _broken_for(path_part: str):
    """A function that raises for the file whose name contains ``path_part`` and otherwise calls ``real``."""
    def wrap(real):
        def broken(rep, *args, **kwargs):
            doc = getattr(rep, "document", rep)
            if path_part in doc.path:
                raise RuntimeError("故意的错误")
            return real(rep, *args, **kwargs)
        return broken
    return wrap


def _dl000(result) -> list:
    return [d for d in result.diagnostics if d.code == "DL000"]


def _normal(tmp_path: Path) -> list[str]:
    _, b = _files(tmp_path)
    return sorted(d.code for d in Checker().check_file(b).diagnostics)


def test_report_fact_raising_is_one_dl000_for_the_file(tmp_path, monkeypatch):
    expected = _normal(tmp_path)
    assert "DL701" in expected  # the ASCII comma: the second file's normal findings
    a, b = _files(tmp_path)
    monkeypatch.setattr(structure, "analyse", _broken_for("a-2023")(structure.analyse))
    run = check_paths([a, b])
    first, second = run.files
    assert len(_dl000(first)) == 1, [d.message for d in first.diagnostics]
    d = _dl000(first)[0]
    assert "RuntimeError" in d.message and "这是工具的问题，不是报告的问题，请反馈" in d.message
    assert "分析报告" in d.message and d.evidence["exception"] == "RuntimeError"
    assert len(d.evidence["rules"]) > 1  # every rule that read the sections, named in one finding
    assert sorted(x.code for x in second.diagnostics) == expected
    assert run.exit_code() == 2


def test_statistics_extractor_raising_is_one_dl000_not_one_per_rule(tmp_path, monkeypatch):
    a, _ = _files(tmp_path)
    monkeypatch.setattr(stats_extract, "extract", _broken_for("a-2023")(stats_extract.extract))
    result = Checker().check_file(a)
    assert len(_dl000(result)) == 1, [d.message for d in _dl000(result)]
    assert "AnnualReport.stats" in _dl000(result)[0].message
    assert "DL701" in {d.code for d in result.diagnostics}  # rules not reading the tables still ran


def test_a_kind_raising_names_its_rule(tmp_path, monkeypatch):
    def boom(self, rep):
        raise ValueError("kaboom")
        yield  # pragma: no cover

    a, b = _files(tmp_path)
    monkeypatch.setattr(AsciiPunctuation, "check", boom)
    run = check_paths([a, b])
    for f in run.files:
        (d,) = _dl000(f)
        assert "DL701" in d.message and "ValueError" in d.message and d.evidence["rule"] == "DL701"
        assert "DL701" not in {x.code for x in f.diagnostics}
    assert run.exit_code() == 2


def test_interpret_raising_is_isolated(tmp_path, monkeypatch):
    expected = _normal(tmp_path)
    a, b = _files(tmp_path)
    from disclosure_lint import api

    monkeypatch.setattr(api, "interpret", _broken_for("a-2023")(report_pkg.interpret))
    run = check_paths([a, b])
    first, second = run.files
    assert [d.code for d in first.diagnostics] == ["DL000"]
    assert "解读报告时出错" in first.diagnostics[0].message and "RuntimeError" in first.diagnostics[0].message
    assert sorted(x.code for x in second.diagnostics) == expected
    assert run.exit_code() == 2


def test_cli_exit_code_2_and_ignore(tmp_path, monkeypatch):
    a, b = _files(tmp_path)
    monkeypatch.setattr(structure, "analyse", _broken_for("a-2023")(structure.analyse))
    res = runner.invoke(app, ["check", "-f", "json", a, b])
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output
    data = json.loads(res.stdout)
    first, second = data["files"]
    assert [d["code"] for d in first["diagnostics"]].count("DL000") == 1
    assert "DL701" in [d["code"] for d in second["diagnostics"]]
    res = runner.invoke(app, ["check", "-f", "json", "--ignore", "DL000", a, b])
    data = json.loads(res.stdout)
    assert all(d["code"] != "DL000" for f in data["files"] for d in f["diagnostics"])
    assert res.exit_code == 1  # the other findings (DL701 and others of error severity) decide


@pytest.mark.parametrize("where", ["config", "cli"])
def test_ignore_dl000_from_config(tmp_path, monkeypatch, where):
    a, _ = _files(tmp_path)
    monkeypatch.setattr(structure, "analyse", _broken_for("a-2023")(structure.analyse))
    if where == "config":
        cfg = tmp_path / ".disclosure-lint.yaml"
        cfg.write_text("ignore: [internal-error]\n", encoding="utf-8")
        result = Checker(str(cfg)).check_file(a)
    else:
        result = Checker(ignore=["DL000"]).check_file(a)
    assert _dl000(result) == []


def test_select_without_dl000_still_reports_a_tool_failure(tmp_path, monkeypatch):
    a, _ = _files(tmp_path)
    monkeypatch.setattr(structure, "analyse", _broken_for("a-2023")(structure.analyse))
    result = Checker(select=["DL101"]).check_file(a)
    assert len(_dl000(result)) == 1


def test_explain_dl000():
    res = runner.invoke(app, ["explain", "DL000"])
    assert res.exit_code == 0, res.output
    assert "internal-error" in res.output and "工具" in res.output
    res = runner.invoke(app, ["rules", "-f", "json"])
    assert "DL000" in {r["code"] for r in json.loads(res.stdout)}


def test_console_summary_says_a_file_was_not_fully_checked(tmp_path, monkeypatch):
    a, b = _files(tmp_path)
    monkeypatch.setattr(structure, "analyse", _broken_for("a-2023")(structure.analyse))
    res = runner.invoke(app, ["check", a, b])
    assert res.exit_code == 2 and "Traceback" not in res.output
    assert "1 个文件因工具出错未能完整检查" in res.output


def test_a_reader_raising_is_one_dl000(tmp_path, monkeypatch):
    from disclosure_lint.readers import markdown as md_reader

    expected = _normal(tmp_path)
    a, b = _files(tmp_path)
    real = md_reader.read

    def broken(path, data, *args, **kwargs):
        if "a-2023" in path:
            raise IndexError("读到一半")
        return real(path, data, *args, **kwargs)

    monkeypatch.setattr(md_reader, "read", broken)
    run = check_paths([a, b])
    first, second = run.files
    assert [d.code for d in first.diagnostics] == ["DL000"] and first.error is None
    assert "读取时出错" in first.diagnostics[0].message and "IndexError" in first.diagnostics[0].message
    assert sorted(x.code for x in second.diagnostics) == expected
    assert run.exit_code() == 2
    assert Checker(ignore=["DL000"]).check_file(a).diagnostics == []
    # the statistics export still gets one line for the file
    doc, _, error = Checker().read(a)
    assert doc is None and "IndexError" in error


def test_stats_export_isolates_an_interpreting_failure(tmp_path, monkeypatch):
    """``stats`` reads and interprets like ``check``: a report layer that raises is that file's error line."""
    import disclosure_lint.stats_export as stats_export_mod
    from disclosure_lint.stats_export import export_paths

    bad = tmp_path / "a.md"
    bad.write_text("# 某某局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n正文。\n", encoding="utf-8")

    def boom(*a, **k):
        raise RuntimeError("boom")

    monkeypatch.setattr(stats_export_mod, "interpret", boom)
    run = export_paths([str(bad)])
    [fe] = run.files
    assert fe.error and "解读报告时出错" in fe.error and "RuntimeError" in fe.error
