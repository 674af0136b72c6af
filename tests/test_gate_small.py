"""Small things a CI gate shows: the usage line, the count after --fix with a baseline, the fix hook's files, the
CSV columns the README lists, and ``new`` refusing an agency name that is a path."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from disclosure_lint.cli import app
from disclosure_lint.fixspan import FIXABLE_EXTENSIONS
from disclosure_lint.reporters.csv import FIELDS

ROOT = Path(__file__).resolve().parent.parent
CLEAN = (ROOT / "examples" / "clean-2023.md").read_text(encoding="utf-8")
runner = CliRunner()


@pytest.mark.parametrize("command, usage", [
    ("check", "check [OPTIONS] PATHS..."), ("stats", "stats [OPTIONS] PATHS..."),
    ("merge", "merge [OPTIONS] INPUTS..."), ("explain", "explain [OPTIONS] CODE"),
    ("annotate", "annotate [OPTIONS] PATH"), ("new", "new [OPTIONS]"),
])
def test_usage_names_the_arguments(command, usage):
    """Before (typer 0.29): ``check [OPTIONS] {paths}...`` in --help and in every usage error."""
    for args in ([command, "--help"], [command] if command != "new" else [command, "--help"]):
        out = runner.invoke(app, args).output
        line = next(x for x in out.splitlines() if x.startswith("Usage:"))
        assert line.endswith(usage), line
        assert "{" not in line


def test_remaining_after_fix_counts_what_is_listed_not_the_baseline(tmp_path, monkeypatch):
    """--fix --baseline: 剩余 counts the findings listed (before: also those the baseline holds)."""
    monkeypatch.chdir(tmp_path)
    text = CLEAN.replace("2023年，我局坚持", "2023年,我局坚持").replace(
        "本报告中所列数据统计期限为2023年1月1日至12月31日。", "本报告中所列数据统计期限为2023年1月1日至2023年2月30日。")
    Path("r.md").write_text(text, encoding="utf-8")
    res = runner.invoke(app, ["check", "--isolated", "--no-cache", "r.md", "--write-baseline", "bl.json"])
    assert res.exit_code == 0, res.output
    Path("r.md").write_text(text.replace("培训2次，参训86人次", "培训2次,参训86人次").replace(
        "修订《", "修订 《", 1), encoding="utf-8")
    res = runner.invoke(app, ["check", "--isolated", "--no-cache", "r.md", "--baseline", "bl.json", "--fix",
                              "-f", "concise"])
    listed = len(re.findall(r"^r\.md:\d+", res.stdout, re.M))
    assert f"剩余 {listed} 处" in res.output, res.output
    assert "已忽略基线中的" in res.output


def test_fix_hook_takes_the_files_fix_writes():
    """The fix hook's files: exactly FIXABLE_EXTENSIONS (before: .text, .xhtml, .shtml too, which --fix refuses)."""
    hooks = YAML(typ="safe", pure=True).load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    pattern = re.compile(next(h for h in hooks if h["id"] == "disclosure-lint-fix")["files"])
    for ext in (".md", ".markdown", ".txt", ".text", ".html", ".htm", ".xhtml", ".shtml", ".docx", ".pdf"):
        assert bool(pattern.search(f"r/2023{ext.upper()}")) == (ext in FIXABLE_EXTENSIONS), ext


def test_readme_lists_every_csv_column():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"\*\*`csv`\*\*: .*?The columns are `([^`]*)`, then one count per\s+category \(`([^`]*)`\)", readme,
                  re.S)
    assert m is not None
    listed = [c.strip() for part in m.groups() for c in part.replace("\n", " ").split(",")]
    assert listed == list(FIELDS)


@pytest.mark.parametrize("agency", ["../青溪区教育局", "报告/青溪区教育局", "..\\青溪区教育局"])
def test_new_refuses_an_agency_name_that_is_a_path(tmp_path, monkeypatch, agency):
    sub = tmp_path / "work"
    sub.mkdir()
    monkeypatch.chdir(sub)
    res = runner.invoke(app, ["new", "--year", "2023", "--agency", agency])
    assert res.exit_code == 2
    assert "路径分隔符" in res.output and len(res.output.strip().splitlines()) == 1
    assert not list(tmp_path.rglob("*.md"))


def test_new_with_a_plain_agency_name_still_writes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = runner.invoke(app, ["new", "--year", "2023", "--agency", "青溪区教育局"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "青溪区教育局2023年政府信息公开工作年度报告.md").exists()
