"""End-to-end CLI behaviour: exit codes, output formats, bad input, configuration errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from disclosure_lint.cli import app

runner = CliRunner()

GOOD = """# 某某市某某区审计局2023年政府信息公开工作年度报告

本报告中所列数据统计期限为2023年1月1日至12月31日。

## 一、总体情况

本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息120条。
"""

BAD_PUNCT = GOOD + "\n我局全年受理申请3件,均已按时答复。\n"


def invoke(*args: str, cwd: Path | None = None):
    old = os.getcwd()
    if cwd:
        os.chdir(cwd)
    try:
        return runner.invoke(app, list(args))
    finally:
        os.chdir(old)


def write(p: Path, text: str, encoding: str = "utf-8") -> Path:
    p.write_bytes(text.encode(encoding))
    return p


def test_no_findings_exit_0(tmp_path):
    f = write(tmp_path / "r.md", GOOD)
    res = invoke("check", str(f), "--select", "DL7")
    assert res.exit_code == 0, res.output
    assert "未发现问题" in res.output


def test_findings_exit_1_with_fail_on_warning(tmp_path):
    f = write(tmp_path / "r.md", BAD_PUNCT)
    res = invoke("check", str(f), "--select", "DL701")
    assert res.exit_code == 0  # DL701 is a warning; default threshold is error
    res = invoke("check", str(f), "--select", "DL701", "--fail-on", "warning")
    assert res.exit_code == 1
    assert "DL701" in res.output


def test_json_output_schema(tmp_path):
    f = write(tmp_path / "r.md", BAD_PUNCT)
    res = invoke("check", str(f), "--select", "DL701", "-f", "json")
    data = json.loads(res.stdout)
    assert data["version"] == 1
    fr = data["files"][0]
    assert fr["path"] == str(f)
    assert fr["format"] == "markdown" and fr["encoding"] == "utf-8"
    assert set(fr["report"]) >= {"agency", "agency_kind", "year", "format_version", "published"}
    assert fr["report"]["agency"] == "某某市某某区审计局" and fr["report"]["year"] == 2023
    d = fr["diagnostics"][0]
    for key in ("code", "rule", "category", "severity", "message", "line", "column", "end_line", "end_column",
                "pointer", "match", "evidence", "fix"):
        assert key in d
    assert d["line"] == 9 and d["match"] == ","
    assert d["fix"]["edits"][0]["replacement"] == "，"
    assert data["summary"]["warning"] == 1 and data["summary"]["exit_code"] == 0


def test_missing_file_is_exit_2_and_others_still_checked(tmp_path):
    good = write(tmp_path / "r.md", BAD_PUNCT)
    res = invoke("check", str(tmp_path / "nope.md"), str(good), "--select", "DL701", "-f", "json")
    assert res.exit_code == 2
    data = json.loads(res.stdout)
    errs = {f["path"]: f["error"] for f in data["files"]}
    assert "不存在" in errs[str(tmp_path / "nope.md")]
    assert data["files"][1]["diagnostics"], "the readable file must still be checked"
    assert "nope.md" in res.stderr and "Traceback" not in res.output


@pytest.mark.parametrize(("name", "content", "needle"), [
    ("empty.md", b"", "为空"),
    ("blank.txt", b"  \n\n ", "为空"),
    ("binary.txt", bytes(range(256)) * 4, "二进制"),
    ("picture.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 50, "二进制"),
    ("old.doc", b"\xd0\xcf\x11\xe0 whatever", ".doc"),
])
def test_bad_input_one_clear_line(tmp_path, name, content, needle):
    f = tmp_path / name
    f.write_bytes(content)
    res = invoke("check", str(f))
    assert res.exit_code == 2
    assert needle in res.stderr
    assert "Traceback" not in res.output
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and str(f) in lines[0]


def test_gb18030_file_is_read(tmp_path):
    f = write(tmp_path / "gbk.txt", BAD_PUNCT.replace("#", ""), encoding="gb18030")
    res = invoke("check", str(f), "--select", "DL701", "-f", "json")
    data = json.loads(res.stdout)
    assert data["files"][0]["encoding"] == "gb18030"
    assert data["files"][0]["error"] is None
    assert [d["code"] for d in data["files"][0]["diagnostics"]] == ["DL701"]


def test_utf16_and_bom(tmp_path):
    f16 = write(tmp_path / "u16.txt", "\ufeff" + BAD_PUNCT.replace("#", ""), encoding="utf-16-le")
    f8 = tmp_path / "bom.md"
    f8.write_bytes(b"\xef\xbb\xbf" + BAD_PUNCT.encode())
    res = invoke("check", str(f16), str(f8), "--select", "DL701", "-f", "json")
    data = json.loads(res.stdout)
    assert [x["encoding"] for x in data["files"]] == ["utf-16", "utf-8-sig"]
    assert all(len(x["diagnostics"]) == 1 for x in data["files"])
    # BOM must not shift columns
    assert data["files"][1]["diagnostics"][0]["line"] == 9


def test_directory_walk_and_empty_directory(tmp_path):
    d = tmp_path / "reports"
    (d / "sub").mkdir(parents=True)
    write(d / "a.md", BAD_PUNCT)
    write(d / "sub" / "b.txt", BAD_PUNCT.replace("#", ""))
    write(d / "notes.json", "{}")
    res = invoke("check", str(d), "--select", "DL701", "-f", "json")
    data = json.loads(res.stdout)
    assert sorted(Path(x["path"]).name for x in data["files"]) == ["a.md", "b.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    res = invoke("check", str(empty))
    assert res.exit_code == 2 and "没有可检查的报告文件" in res.stderr


def test_malformed_config_names_file_line_key(tmp_path):
    cfg = write(tmp_path / ".disclosure-lint.yaml", "select: [DL701]\nseverity:\n  DL701: fatal\n")
    f = write(tmp_path / "r.md", BAD_PUNCT)
    res = invoke("check", str(f))
    assert res.exit_code == 2
    assert str(cfg) in res.stderr and ":3" in res.stderr and "severity.DL701" in res.stderr
    assert "Traceback" not in res.output


def test_config_yaml_syntax_error(tmp_path):
    write(tmp_path / ".disclosure-lint.yaml", "select: [DL701\nignore: x: y\n")
    f = write(tmp_path / "r.md", BAD_PUNCT)
    res = invoke("check", str(f))
    assert res.exit_code == 2 and "YAML" in res.stderr and "Traceback" not in res.output


def test_unknown_config_key(tmp_path):
    write(tmp_path / ".disclosure-lint.yaml", "selekt: [DL701]\n")
    f = write(tmp_path / "r.md", BAD_PUNCT)
    res = invoke("check", str(f))
    assert res.exit_code == 2 and "selekt" in res.stderr and "未知的键" in res.stderr


def test_config_discovered_upward_and_pyproject(tmp_path):
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    f = write(sub / "r.md", BAD_PUNCT)
    write(tmp_path / ".disclosure-lint.yaml", "select: [DL701]\nseverity: {DL701: error}\n")
    res = invoke("check", str(f))
    assert res.exit_code == 1 and "错误" in res.output
    (tmp_path / ".disclosure-lint.yaml").unlink()
    write(tmp_path / "pyproject.toml", '[tool.disclosure-lint]\nselect = ["DL701"]\nfail_on = "warning"\n')
    res = invoke("check", str(f))
    assert res.exit_code == 1


def test_explicit_config_and_missing_config(tmp_path):
    f = write(tmp_path / "r.md", BAD_PUNCT)
    cfg = write(tmp_path / "my.yaml", "ignore: [typography]\n")
    res = invoke("check", str(f), "--config", str(cfg), "--select", "DL7", "--fail-on", "info")
    assert res.exit_code == 0
    res = invoke("check", str(f), "--config", str(tmp_path / "none.yaml"))
    assert res.exit_code == 2 and "不存在" in res.stderr


def test_unknown_selector_is_config_error(tmp_path):
    f = write(tmp_path / "r.md", GOOD)
    res = invoke("check", str(f), "--select", "DL999,nonsense")
    assert res.exit_code == 2 and "nonsense" in res.stderr


def _user_pack(tmp_path: Path, rule_yaml: str) -> Path:
    pack = tmp_path / "ourpack"
    pack.mkdir()
    write(pack / "rule.yaml", rule_yaml)
    write(tmp_path / ".disclosure-lint.yaml", "packs: [ourpack]\n")
    return pack


def test_user_pack_adds_rule_without_python(tmp_path):
    _user_pack(tmp_path, """
id: XY001
name: our-ascii-comma
kind: ascii-punctuation
category: typography
severity: error
message: "本单位规定：不得使用半角“{mark}”"
options: {marks: ","}
docs: {what: 半角逗号, why: 本单位规定, basis: 内部规范}
""")
    f = write(tmp_path / "r.md", BAD_PUNCT)
    res = invoke("check", str(f), "-f", "json", cwd=tmp_path)
    data = json.loads(res.stdout)
    assert "XY001" in [d["code"] for d in data["files"][0]["diagnostics"]]
    assert res.exit_code == 1
    res = invoke("rules", cwd=tmp_path)
    assert "XY001" in res.output and "ourpack" in res.output
    # --isolated: the configuration found here (and its pack) is ignored, as for check
    res = invoke("rules", "--isolated", cwd=tmp_path)
    assert res.exit_code == 0 and "XY001" not in res.output and "DL301" in res.output
    assert invoke("explain", "XY001", cwd=tmp_path).exit_code == 0
    res = invoke("explain", "XY001", "--isolated", cwd=tmp_path)
    assert res.exit_code == 2 and "未知的规则" in res.stderr


@pytest.mark.parametrize(("rule_yaml", "needle"), [
    ("id: XY001\nname: x\nkind: no-such-kind\ncategory: typography\nseverity: error\nmessage: m\n"
     "docs: {what: a, why: b, basis: c}\n", "no-such-kind"),
    ("id: XY001\nname: x\nkind: ascii-punctuation\ncategory: typography\nseverity: loud\nmessage: m\n"
     "docs: {what: a, why: b, basis: c}\n", "severity"),
    ("id: XY001\nname: x\nkind: ascii-punctuation\ncategory: typography\nseverity: error\nmessage: m\n"
     "options: {markz: ','}\ndocs: {what: a, why: b, basis: c}\n", "options.markz"),
    ("id: XY001\nname: x\nkind: ascii-punctuation\ncategory: typography\nseverity: error\nmessage: '{nope}'\n"
     "docs: {what: a, why: b, basis: c}\n", "nope"),
    ("id: [unclosed\n", "YAML"),
    ("id: DL701\nname: dup\nkind: ascii-punctuation\ncategory: typography\nseverity: error\nmessage: m\n"
     "docs: {what: a, why: b, basis: c}\n", "重复"),
])
def test_malformed_rule_pack(tmp_path, rule_yaml, needle):
    pack = _user_pack(tmp_path, rule_yaml)
    f = write(tmp_path / "r.md", GOOD)
    res = invoke("check", str(f), cwd=tmp_path)
    assert res.exit_code == 2, res.output
    assert needle in res.stderr and str(pack / "rule.yaml") in res.stderr
    assert "Traceback" not in res.output


def test_rules_and_explain():
    res = invoke("rules")
    assert res.exit_code == 0 and "DL701" in res.output
    res = invoke("explain", "DL701")
    assert res.exit_code == 0 and "GB/T 15834" in res.output and "反例" in res.output
    res = invoke("explain", "ascii-punctuation")
    assert res.exit_code == 0
    res = invoke("explain", "DL999")
    assert res.exit_code == 2 and "未知的规则" in res.stderr


def test_rules_json():
    res = invoke("rules", "-f", "json")
    data = json.loads(res.stdout)
    assert any(r["code"] == "DL701" and r["pack"] == "typography" for r in data)


def test_no_color_and_plain_output(tmp_path):
    f = write(tmp_path / "r.md", BAD_PUNCT)
    env = {**os.environ, "NO_COLOR": "1"}
    out = subprocess.run([sys.executable, "-m", "disclosure_lint", "check", str(f), "--select", "DL701"],
                         capture_output=True, text=True, env=env)
    assert "\x1b[" not in out.stdout
    assert "DL701" in out.stdout and out.returncode == 0


def test_year_option_overrides_title(tmp_path):
    f = write(tmp_path / "r.md", GOOD)
    res = invoke("check", str(f), "--year", "2022", "--select", "DL7", "-f", "json")
    assert json.loads(res.stdout)["files"][0]["report"]["year"] == 2022


def test_include_exclude_globs(tmp_path):
    d = tmp_path / "reports"
    (d / "drafts").mkdir(parents=True)
    for name in ("a-2023.md", "b-2022.md", "drafts/c-2023.md"):
        write(d / name, BAD_PUNCT)
    res = invoke("check", str(d), "--select", "DL701", "-f", "json", "--include", "*2023*")
    names = sorted(Path(x["path"]).name for x in json.loads(res.stdout)["files"])
    assert names == ["a-2023.md", "c-2023.md"]
    res = invoke("check", str(d), "--select", "DL701", "-f", "json", "--exclude", "drafts/*")
    names = sorted(Path(x["path"]).name for x in json.loads(res.stdout)["files"])
    assert names == ["a-2023.md", "b-2022.md"]
    res = invoke("check", str(d), "--exclude", "*.md")
    assert res.exit_code == 2 and "--include/--exclude" in res.stderr


# -- directory runs check reports, not every file ------------------------------------------------------

README = """# 年度报告存放说明

本目录存放各单位报送的政府信息公开工作年度报告，文件名为“单位-年度”。报告应包括总体情况等内容，
检查方法见下文。2023年2月30日前报送的文件已归档。
"""
NOTES = "会议记录\n\n一、会议时间：2024年1月5日\n二、参会人员：办公室全体人员\n三、议定事项：按期报送年度报告。\n"
# a real report whose title line was lost and one whose line breaks were lost: never skipped
NO_TITLE = GOOD.split("\n", 1)[1]
FLAT = " ".join(x.strip("# ") for x in GOOD.split("\n") if x.strip()).replace("某某市某某区审计局2023年政府信息公开工作年度报告 ", "")


def _reports_dir(tmp_path):
    d = tmp_path / "reports"
    d.mkdir()
    write(d / "README.md", README)
    write(d / "notes.txt", NOTES)
    write(d / "report.md", BAD_PUNCT)
    write(d / "no-title.md", NO_TITLE + "\n我局全年受理申请3件,均已按时答复。\n")
    write(d / "flat.txt", FLAT + " 我局全年受理申请3件,均已按时答复。")
    return d


def test_directory_skips_files_that_are_not_reports_console(tmp_path):
    d = _reports_dir(tmp_path)
    res = invoke("check", str(d), "--select", "DL4,DL7")
    assert res.exit_code == 0, res.output  # skipping raises nothing; DL701 is a warning
    lines = [x for x in res.output.splitlines() if x.startswith("提示：跳过")]
    assert sorted(lines) == sorted(
        f"提示：跳过 {d / n}（不像政府信息公开工作年度报告：没有报告标题，也没有“一、总体情况”等六个部分的标题或统计表；"
        "在命令行上直接指定该文件即可检查）" for n in ("README.md", "notes.txt"))
    assert "检查了 3 个文件" in res.output and "跳过 2 个不像年度报告的文件" in res.output
    assert "2023年2月30日" not in res.output  # the README's date was not checked (DL401)


def test_directory_skips_files_that_are_not_reports_concise(tmp_path):
    """-f concise: one line per skipped file, ``path: 跳过: <why>``, like an unreadable file's; none with --quiet."""
    d = _reports_dir(tmp_path)
    res = invoke("check", str(d), "--select", "DL4,DL7", "-f", "concise")
    skipped = sorted(x for x in res.output.splitlines() if ": 跳过: " in x)
    assert skipped == sorted(
        f"{d / n}: 跳过: 不像政府信息公开工作年度报告：没有报告标题，也没有“一、总体情况”等六个部分的标题或统计表；"
        "在命令行上直接指定该文件即可检查" for n in ("README.md", "notes.txt"))
    quiet = invoke("check", str(d), "--select", "DL4,DL7", "-f", "concise", "-q")
    assert ": 跳过: " not in quiet.output


def test_directory_skips_files_that_are_not_reports_json(tmp_path):
    d = _reports_dir(tmp_path)
    res = invoke("check", str(d), "--select", "DL4,DL7", "-f", "json")
    data = json.loads(res.stdout)
    by_name = {Path(x["path"]).name: x for x in data["files"]}
    assert sorted(by_name) == ["README.md", "flat.txt", "no-title.md", "notes.txt", "report.md"]
    for n in ("README.md", "notes.txt"):
        assert by_name[n]["skipped"].startswith("不像政府信息公开工作年度报告") and by_name[n]["diagnostics"] == []
        assert by_name[n]["error"] is None
    for n in ("report.md", "no-title.md", "flat.txt"):  # a broken title or lost line breaks: still checked
        assert by_name[n]["skipped"] is None
        assert [g["code"] for g in by_name[n]["diagnostics"]] == ["DL701"], n
    assert data["summary"]["files_skipped"] == 2 and data["summary"]["exit_code"] == 0


def test_file_named_explicitly_is_always_checked(tmp_path):
    d = _reports_dir(tmp_path)
    res = invoke("check", str(d / "README.md"), "--select", "DL401", "-f", "json")
    data = json.loads(res.stdout)
    assert data["files"][0]["skipped"] is None
    assert [g["code"] for g in data["files"][0]["diagnostics"]] == ["DL401"]
    assert res.exit_code == 1


def test_scanned_document_in_a_directory_is_not_skipped(tmp_path):
    """Nothing readable but pictures: DL002 says so; it is not "not a report"."""
    d = tmp_path / "r"
    d.mkdir()
    write(d / "scan.md", "![](page-1.jpg)\n\n![](page-2.jpg)\n")
    data = json.loads(invoke("check", str(d), "--select", "DL002", "-f", "json").stdout)
    assert data["files"][0]["skipped"] is None
    assert [g["code"] for g in data["files"][0]["diagnostics"]] == ["DL002"]


def test_examples_directory():
    """examples/ holds its README.md beside the two reports: the README is skipped."""
    root = Path(__file__).resolve().parent.parent / "examples"
    data = json.loads(invoke("check", str(root), "-f", "json").stdout)
    skipped = [Path(x["path"]).name for x in data["files"] if x["skipped"]]
    assert skipped == ["README.md"]
    clean = next(x for x in data["files"] if x["path"].endswith("clean-2023.md"))
    assert clean["diagnostics"] == []
