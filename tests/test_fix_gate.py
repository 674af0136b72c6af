"""``check --fix`` as a CI gate: every name of a fixed file shows the fixed text's findings (and the exit code
counts those), no fix touches an entity reference, the counts after a baseline."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from disclosure_lint.cli import app

ROOT = Path(__file__).resolve().parent.parent
CLEAN = (ROOT / "examples" / "clean-2023.md").read_text(encoding="utf-8")
runner = CliRunner()


def _check(*args: str):
    return runner.invoke(app, ["check", "--isolated", "--no-cache", *args])


def _with_marks(text: str) -> str:
    """The clean report with half-width marks a safe fix puts right (DL701)."""
    out = text.replace("2023年，我局坚持", "2023年,我局坚持").replace("培训2次，参训86人次", "培训2次,参训86人次")
    assert out.count(",") == 2
    return out


def _by_path(output: str) -> dict[str, list[str]]:
    return {f["path"]: [d["code"] for d in f["diagnostics"]] for f in json.loads(output)["files"]}


def test_every_name_of_a_fixed_file_shows_its_fixed_findings(tmp_path, monkeypatch):
    """Named twice and through a symbolic link: fixed once, and no name keeps the findings from before the fix
    (the exit code counted them: 1 under --fail-on warning for a file that was clean on disk)."""
    monkeypatch.chdir(tmp_path)
    Path("r.md").write_text(_with_marks(CLEAN), encoding="utf-8")
    Path("link.md").symlink_to("r.md")
    before = _by_path(_check("r.md", "-f", "json").stdout)
    assert before == {"r.md": ["DL701", "DL701"]}
    res = _check("r.md", "./r.md", "link.md", "--fix", "--fail-on", "warning", "-f", "json")
    assert res.exit_code == 0, res.output
    assert _by_path(res.stdout) == {"r.md": [], "./r.md": [], "link.md": []}
    assert "已修复 2 处问题（1 个文件），剩余 0 处" in res.output
    assert Path("link.md").is_symlink() and Path("r.md").read_text(encoding="utf-8") == CLEAN
    # a directory holding the file and a link to it
    Path("r.md").write_text(_with_marks(CLEAN), encoding="utf-8")
    res = _check(".", "--fix", "--fail-on", "warning", "-f", "concise")
    assert res.exit_code == 0, res.output
    assert "DL701" not in res.output and "剩余 0 处" in res.output


def test_every_name_keeps_what_was_not_fixed(tmp_path, monkeypatch):
    """Guard: what no fix changes stays under every name (a date that does not exist)."""
    monkeypatch.chdir(tmp_path)
    text = _with_marks(CLEAN).replace("本报告中所列数据统计期限为2023年1月1日至12月31日。",
                                      "本报告中所列数据统计期限为2023年1月1日至2023年2月30日。")
    Path("r.md").write_text(text, encoding="utf-8")
    Path("link.md").symlink_to("r.md")
    plain = _by_path(_check("r.md", "-f", "json").stdout)["r.md"]
    assert "DL701" in plain
    res = _check("r.md", "link.md", "--fix", "-f", "json")
    after = _by_path(res.stdout)
    assert after["r.md"] == after["link.md"] == [c for c in plain if c != "DL701"]
    assert after["r.md"]  # what stays after the fix is listed under both names


def test_a_failed_write_leaves_every_name_as_checked(tmp_path, monkeypatch):
    """Guard: the fixed file could not be written, so both names keep the findings of the text on disk."""
    import os

    monkeypatch.chdir(tmp_path)
    Path("r.md").write_text(_with_marks(CLEAN), encoding="utf-8")
    Path("link.md").symlink_to("r.md")

    def full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    res = _check("r.md", "link.md", "--fix", "-f", "json")
    assert res.exit_code == 2
    assert _by_path(res.stdout) == {"r.md": ["DL701", "DL701"], "link.md": ["DL701", "DL701"]}


# a line a web page left in a report copied as text: character references beside half-width marks a fix puts right
_LEFTOVERS = "网页转存时保留了&nbsp;和&ldquo;等字符，其中&#44;为逗号、&#x3001;为顿号,专项资金按1:1比例配套(含税)。"
_FIXED = "网页转存时保留了&nbsp;和&ldquo;等字符，其中&#44;为逗号、&#x3001;为顿号，专项资金按1:1比例配套（含税）。"
_ANCHOR = "全年未发生因公开不当引发的泄密或侵犯个人隐私事件。\n"


def test_no_fix_touches_a_character_reference(tmp_path):
    """DL701 does not report the ``;`` of ``&nbsp;`` ``&ldquo;`` ``&#44;`` ``&#x3001;`` and its safe fix never
    writes ``&nbsp；`` (Markdown and text); the marks beside them are still fixed."""
    for ext in (".md", ".txt"):
        path = tmp_path / f"r{ext}"
        path.write_text(CLEAN.replace(_ANCHOR, _ANCHOR + _LEFTOVERS + "\n", 1), encoding="utf-8")
        res = _check(str(path), "-f", "json")
        found = json.loads(res.stdout)["files"][0]["diagnostics"]
        assert sorted(d["evidence"]["actual"] for d in found if d["code"] == "DL701") == ["(", ")", ","], found
        res = _check(str(path), "--fix")
        assert res.exit_code == 0, res.output
        assert CLEAN.replace(_ANCHOR, _ANCHOR + _FIXED + "\n", 1) == path.read_text(encoding="utf-8")


def test_semicolons_that_are_not_character_references_are_still_reported():
    """Guard: a name HTML does not know (``&说明;`` ``&abc;``) or a bare ``&`` is text: its ``;`` is reported."""
    from disclosure_lint import fixer
    from disclosure_lint.textio import entity_spans

    from .conftest import lint

    head = "# 江北市桐溪区农业农村局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n"
    for line in ("研发投入&说明;详见附件。", "事项&abc;另行公开。", "公开目录&;共计12项。"):
        hits = [d for d in lint(head + line + "\n") if d.code == "DL701"]
        assert [d.evidence["actual"] for d in hits] == [";"], line
    assert entity_spans("甲&nbsp;乙&#44;丙&#x3001;丁&abc;戊&AMP;") == [(1, 7), (8, 13), (14, 22), (29, 34)]
    assert not any(fixer.protected_mask("甲&abc;乙", "markdown"))
    assert all(fixer.protected_mask("&ldquo;", "text"))


def test_a_character_reference_shown_as_text_in_a_page_is_not_reported(tmp_path):
    """In HTML a reference written escaped (``&amp;nbsp;``) shows as ``&nbsp;``: its ``;`` is not reported either;
    a ``;`` of the sentence beside it is."""
    page = tmp_path / "r.html"
    page.write_text("<html><body><h1>江北市桐溪区农业农村局2023年政府信息公开工作年度报告</h1><h2>一、总体情况</h2>\n"
                    "<p>网页转存时保留了&amp;nbsp;和&amp;#44;等字符;其余照录</p></body></html>\n", encoding="utf-8")
    res = _check(str(page), "-f", "json", "--select", "DL701")
    found = json.loads(res.stdout)["files"][0]["diagnostics"]
    assert [(d["column"], d["evidence"]["actual"]) for d in found] == [(35, ";")]
