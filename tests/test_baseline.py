"""Baselines (issue 10): ``check --write-baseline`` records today's findings, ``--baseline`` reports only new
ones, entries no longer found are stale and ``--prune-baseline`` drops them.  Entries are keyed on the
fingerprint (rule, section, normalised text, occurrence), never on lines: an edit above keeps them."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from disclosure_lint import baseline as bl
from disclosure_lint import failures
from disclosure_lint.api import FileResult, RunResult
from disclosure_lint.cli import app

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "defective-2023.md"
runner = CliRunner()

# a finding of the example (DL701, an ASCII colon in the opening paragraph, before any section)
CONTACT = "联系人:李某，手机"
# the end of a paragraph of section 一, away from every finding ("我街道" starts it)
UNRELATED = "栏目设置与基层政务公开标准目录保持一致。"


def invoke(*args: str, cwd: Path):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(app, list(args))
    finally:
        os.chdir(old)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with the defective example under reports/ and its baseline written at the root."""
    (tmp_path / "reports").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "reports" / "a.md")
    res = invoke("check", "reports", "--write-baseline", "baseline.json", cwd=tmp_path)
    assert res.exit_code == 0, res.output
    assert "写入基线" in res.stderr
    return tmp_path


def report(repo: Path) -> Path:
    return repo / "reports" / "a.md"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def gate(repo: Path, *extra: str) -> tuple[int, dict, str]:
    res = invoke("check", "reports", "--baseline", "baseline.json", "-f", "json", *extra, cwd=repo)
    return res.exit_code, json.loads(res.stdout), res.stderr


def test_written_baseline_hides_every_finding_and_counts_them(repo):
    data = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["tool"] == "disclosure-lint"
    assert list(data["files"]) == ["reports/a.md"]  # relative to the baseline's directory, with /
    entries = data["files"]["reports/a.md"]
    assert entries == sorted(entries, key=lambda e: (e["code"], e["fingerprint"], e["rule"], e["match"]))
    assert all("line" not in e for e in entries)
    plain = invoke("check", "reports", "-f", "json", cwd=repo)
    assert plain.exit_code == 1
    found = json.loads(plain.stdout)["files"][0]["diagnostics"]
    assert len(entries) == len(found) > 10
    code, out, err = gate(repo)
    assert code == 0 and out["files"][0]["diagnostics"] == []
    assert out["baseline"]["ignored"] == len(found) and out["baseline"]["stale"] == []
    assert out["summary"]["exit_code"] == 0 and out["summary"]["error"] == 0
    assert f"已忽略基线中的{len(found)}处问题" in err


def test_second_write_gives_the_same_bytes(repo):
    first = (repo / "baseline.json").read_bytes()
    assert invoke("check", "reports", "--write-baseline", "baseline.json", cwd=repo).exit_code == 0
    assert (repo / "baseline.json").read_bytes() == first
    assert sorted(p.name for p in repo.iterdir()) == ["baseline.json", "reports"]  # no temporary file left


def test_baseline_works_from_a_sub_directory(repo):
    """Paths are relative to the baseline file, not to the working directory (CI checks out elsewhere)."""
    res = invoke("check", "a.md", "--baseline", "../baseline.json", "-f", "json", cwd=repo / "reports")
    assert res.exit_code == 0 and json.loads(res.stdout)["files"][0]["diagnostics"] == []
    moved = repo.parent / (repo.name + "-ci")
    shutil.copytree(repo, moved)
    assert gate(moved)[0] == 0


def test_edit_above_a_baselined_finding_keeps_it_baselined(repo):
    """Lines inserted above every finding and an unrelated paragraph changed: nothing new, nothing stale."""
    edit(report(repo), "# 江北市", "\n\n新增的说明段落。\n\n\n# 江北市")
    edit(report(repo), "### （二）依申请公开", "本年度还开展了政务公开培训两次。\n\n### （二）依申请公开")
    edit(report(repo), UNRELATED, "栏目设置与基层政务公开标准目录保持一致，并按季度更新栏目内容。")
    code, out, err = gate(repo)
    assert (code, out["files"][0]["diagnostics"], out["baseline"]["stale"]) == (0, [], []), out["files"][0]
    assert "不再出现" not in err


def test_fixing_a_finding_makes_its_entry_stale_and_prune_drops_it(repo):
    edit(report(repo), CONTACT, CONTACT.replace(":", "："))
    code, out, err = gate(repo)
    assert code == 0 and out["files"][0]["diagnostics"] == []
    stale = out["baseline"]["stale"]
    assert [(s["path"], s["code"], s["match"]) for s in stale] == [("reports/a.md", "DL701", ":")]
    assert "基线 baseline.json 中有 1 条已不再出现" in err and "--prune-baseline" in err
    before = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))["files"]["reports/a.md"]
    code, out, err = gate(repo, "--prune-baseline")
    assert code == 0 and out["baseline"]["pruned"] == 1 and "删除 1 条" in err
    after = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))["files"]["reports/a.md"]
    assert [e for e in before if e not in after] == [{k: stale[0][k] for k in ("code", "fingerprint", "rule", "match")}]
    pruned = (repo / "baseline.json").read_bytes()
    code, out, _ = gate(repo, "--prune-baseline")
    assert (code, out["baseline"]["stale"], out["baseline"]["pruned"]) == (0, [], 0)
    assert (repo / "baseline.json").read_bytes() == pruned


def test_same_text_in_another_section_is_new(repo):
    """The same rule and the same text in another section (or again in the same one) is a new finding."""
    para = "如对本报告有疑问，请联系我局办公室，联系人:李某，手机13912345678。"
    edit(report(repo), "## 六、其他需要报告的事项\n", f"## 六、其他需要报告的事项\n\n{para}\n")
    code, out, _ = gate(repo, "--fail-on", "warning")
    new = out["files"][0]["diagnostics"]
    assert code == 1 and out["baseline"]["stale"] == []
    assert [d["match"] for d in new if d["code"] == "DL701"] == [":"]
    assert {d["code"] for d in new} >= {"DL701", "DL504"}  # the same colon and the same masked mobile number
    assert all(d["pointer"].startswith("六、") for d in new)
    # again in the same section: its second occurrence there is new too
    edit(report(repo), f"{para}\n", f"{para}\n\n{para}\n")
    again = gate(repo, "--fail-on", "warning")[1]["files"][0]["diagnostics"]
    assert [d["match"] for d in again if d["code"] == "DL701"] == [":", ":"]


def test_exit_code_counts_only_new_findings(repo):
    edit(report(repo), "## 三、", "我局全年受理申请3件,均已按时答复。\n\n## 三、")  # a new DL701 (a warning)
    assert gate(repo)[0] == 0  # --fail-on error (the default): a new warning does not fail
    assert gate(repo, "--fail-on", "warning")[0] == 1


def test_rules_not_run_leave_their_entries_alone(repo):
    code, out, err = gate(repo, "--select", "DL701")
    assert code == 0 and out["baseline"]["stale"] == [] and "不再出现" not in err
    code, out, _ = gate(repo, "--select", "DL701", "--prune-baseline")
    assert out["baseline"]["pruned"] == 0


def test_entries_of_a_deleted_file_are_stale(repo):
    shutil.copy(report(repo), repo / "reports" / "b.md")
    assert invoke("check", "reports", "--write-baseline", "baseline.json", cwd=repo).exit_code == 0
    (repo / "reports" / "b.md").unlink()
    code, out, _ = gate(repo)
    assert code == 0 and {s["path"] for s in out["baseline"]["stale"]} == {"reports/b.md"}
    # a file that exists but is not checked in this run keeps its entries
    shutil.copy(report(repo), repo / "reports" / "b.md")
    res = invoke("check", "reports/a.md", "--baseline", "baseline.json", "-f", "json", cwd=repo)
    assert json.loads(res.stdout)["baseline"]["stale"] == []


def test_unreadable_file_keeps_its_entries(repo):
    report(repo).write_bytes(b"")
    code, out, _ = gate(repo, "--prune-baseline")
    assert code == 2 and out["baseline"]["stale"] == [] and out["baseline"]["pruned"] == 0


@pytest.mark.parametrize(("content", "needle"), [
    (b"{not json", "不是有效的 JSON"),
    (b'{"version": 1, "tool": "other", "files": {}}', "不是 disclosure-lint 的基线文件"),
    (b"[]", "不是 disclosure-lint 的基线文件"),
    (b'{"version": 2, "tool": "disclosure-lint", "files": {}}', "版本为 2"),
    (b'{"version": 1, "tool": "disclosure-lint", "files": {"a.md": [{"code": 1}]}}', "第1个条目"),
    (b"\xff\xfe\x00garbage", "UTF-8"),
    (b"[" * 100_000, "JSON"),
])
def test_bad_baseline_is_one_line_exit_2(repo, content, needle):
    (repo / "baseline.json").write_bytes(content)
    res = invoke("check", "reports", "--baseline", "baseline.json", cwd=repo)
    assert res.exit_code == 2 and res.stdout == ""
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "baseline.json" in lines[0] and needle in lines[0], res.stderr


def test_missing_too_big_and_unwritable_baselines(repo, monkeypatch):
    res = invoke("check", "reports", "no-report.md", "--baseline", "nope.json", cwd=repo)
    assert res.exit_code == 2 and "nope.json" in res.stderr and "不存在" in res.stderr
    assert "no-report.md" not in res.stderr  # the baseline is read first: nothing was checked
    monkeypatch.setattr(bl, "MAX_BYTES", 100)
    res = invoke("check", "reports", "--baseline", "baseline.json", cwd=repo)
    assert res.exit_code == 2 and "过大" in res.stderr and "Traceback" not in res.output
    res = invoke("check", "reports", "--write-baseline", "reports", cwd=repo)
    assert res.exit_code == 2 and "无法写入基线文件 reports" in res.stderr


def test_options_that_do_not_go_together(repo):
    res = invoke("check", "reports", "--prune-baseline", cwd=repo)
    assert res.exit_code == 2 and "--prune-baseline 需要与 --baseline" in res.stderr
    res = invoke("check", "reports", "--baseline", "baseline.json", "--write-baseline", "x.json", cwd=repo)
    assert res.exit_code == 2 and not (repo / "x.json").exists()


def test_tool_failures_are_never_recorded_nor_hidden(tmp_path):
    crash = failures.stage_failure("r.md", "检查", RuntimeError("boom"), "本文件未检查完")
    run = RunResult(files=[FileResult(path=str(tmp_path / "r.md"), diagnostics=[crash])])
    assert bl.record(run, str(tmp_path)).files == {}
    base = bl.Baseline({"r.md": [bl.Entry(crash.code, crash.fingerprint)]})
    out = bl.apply(run, base, str(tmp_path), lambda _p: {"DL000"}, bl.Outcome(file="b.json"))
    assert out.files[0].diagnostics == [crash] and out.exit_code() == 2
    assert out.baseline is not None and out.baseline["stale"] == []  # not fully checked: nothing is stale


def test_same_text_added_in_an_earlier_section_is_the_new_one(repo):
    """With the section in the key, the finding added *before* a baselined one with the same text is the one
    reported (by occurrence alone, the baselined one further down would be taken as new)."""
    para = "请联系区农业农村局办公室,电话另行公布。"
    edit(report(repo), "## 六、其他需要报告的事项\n", f"## 六、其他需要报告的事项\n\n{para}\n")
    assert invoke("check", "reports", "--write-baseline", "baseline.json", cwd=repo).exit_code == 0
    edit(report(repo), "### （三）政府信息管理\n", f"### （三）政府信息管理\n\n{para}\n")
    new = gate(repo)[1]["files"][0]["diagnostics"]
    assert [(d["code"], d["match"], d["pointer"][:2]) for d in new] == [("DL701", ",", "一、")]
