"""DL005: a file named on the command line that is not recognised as a report, or whose year cannot be told."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_lint.api import Checker, check_paths
from disclosure_lint.readers import script

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NOTES = "会议纪要\n\n今天开会讨论了食堂的菜单，决定下周起增加一个素菜窗口。\n"
NO_YEAR = ("# 某某县人民政府政府信息公开工作年度报告\n\n## 一、总体情况\n\n"
           "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，推进政务公开工作。\n")


def _codes(path: Path, **kw) -> list[str]:
    result = Checker(isolated=True, **kw).check_file(str(path))
    assert result.error is None, result.error
    return [d.code for d in result.diagnostics]


def test_named_file_that_is_no_report(tmp_path: Path) -> None:
    p = tmp_path / "notes.md"
    p.write_text(NOTES, encoding="utf-8")
    result = Checker(isolated=True).check_file(str(p))
    (d,) = result.diagnostics
    assert (d.code, d.severity, d.line) == ("DL005", "warning", None)
    assert "未能识别为政府信息公开工作年度报告" in d.message and "没有报告标题" in d.message
    # found in a directory, it is skipped with one line, as before: no finding
    run = check_paths([str(tmp_path)])
    assert run.files[0].skipped and not run.files[0].diagnostics


def test_report_without_a_year(tmp_path: Path) -> None:
    p = tmp_path / "report.md"
    p.write_text(NO_YEAR, encoding="utf-8")
    result = Checker(isolated=True).check_file(str(p))
    (d,) = [d for d in result.diagnostics if d.code == "DL005"]
    assert "未能确定报告年度" in d.message and "--year" in d.message


def test_a_report_in_traditional_script_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a mirror's copy in traditional script (written anew): its part title 一、概述 is read, its title and year are not
    text = ("瀘州市某某局政府信息公開工作年度報告\n本報告根據《中華人民共和國政府信息公開條例》規定編制。報告中所列數據統計期限為"
            "本年度。\n一、概述\n本局認真貫徹落實《條例》，推進政務公開工作，全年主動公開政府信息一百二十條，辦理依申請公開"
            "事項十二件，均按期答復。政府信息公開工作機構健全，人員到位，制度完善。\n")
    p = tmp_path / "report.txt"
    p.write_text(text, encoding="utf-8")
    # read as converted to simplified script (DL008): the year is missing, the script is not the reason
    result = Checker(isolated=True).check_file(str(p))
    (d,) = [d for d in result.diagnostics if d.code == "DL005"]
    assert "未能确定报告年度" in d.message and "繁体字" not in d.message
    assert [d.code for d in result.diagnostics if d.code == "DL008"] == ["DL008"]
    # without the converter (an installation without opencc), the script is said to be the cause
    monkeypatch.setattr(script, "_converter", lambda: None)
    result = Checker(isolated=True).check_file(str(p))
    (d,) = [d for d in result.diagnostics if d.code == "DL005"]
    assert "未能确定报告年度" in d.message and "文字是繁体字（如“年度報告”" in d.message
    assert not [d for d in result.diagnostics if d.code == "DL008"]
    # a report in simplified script: no such words
    p.write_text(NO_YEAR, encoding="utf-8")
    (d,) = [d for d in Checker(isolated=True).check_file(str(p)).diagnostics if d.code == "DL005"]
    assert "繁体字" not in d.message


def test_a_year_in_the_file_name_is_offered_not_taken(tmp_path: Path) -> None:
    for name, offered in (("2023年报.md", 2023), ("report_2022-final.md", 2022), ("年报.md", None),
                          ("2022-2023年报.md", None), ("20230115.md", None)):
        p = tmp_path / name
        p.write_text(NO_YEAR, encoding="utf-8")
        result = Checker(isolated=True).check_file(str(p))
        assert result.report["year"] is None, name  # never taken from the name
        (d,) = [d for d in result.diagnostics if d.code == "DL005"]
        if offered:
            assert f"--year {offered}" in d.message and d.evidence["year_in_name"] == offered, name
        else:
            assert "文件名中有" not in d.message and "year_in_name" not in d.evidence, name


def test_year_given_on_the_command_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from disclosure_lint.cli import app

    p = tmp_path / "report.md"
    p.write_text(NO_YEAR, encoding="utf-8")
    runner = CliRunner()
    without = runner.invoke(app, ["check", "-f", "concise", "--isolated", str(p)])
    with_year = runner.invoke(app, ["check", "-f", "concise", "--isolated", "--year", "2023", str(p)])
    assert "DL005" in without.stdout and "DL005" not in with_year.stdout


def test_not_said_where_dl002_says_what_was_not_read(tmp_path: Path) -> None:
    # an excerpt cut off inside table 三, with no title: DL002 says where it ends; no DL005 besides
    clean = (EXAMPLES / "clean-2023.md").read_text(encoding="utf-8")
    body = clean[clean.index("## 一、总体情况"):]
    cut = body[:body.index("（三）不予公开")]
    p = tmp_path / "excerpt.md"
    p.write_text(cut.replace("2023年", "本年").replace("2024年", "次年"), encoding="utf-8")
    codes = _codes(p)
    assert "DL002" in codes and "DL005" not in codes
    # a picture where the report should be: DL002 (unread), never DL005
    img = tmp_path / "scan.md"
    img.write_text("# 某某县人民政府政府信息公开工作年度报告\n\n![第1页](page1.png)\n\n![第2页](page2.png)\n",
                   encoding="utf-8")
    assert "DL005" not in _codes(img)


def test_never_on_the_examples() -> None:
    for p in sorted(EXAMPLES.glob("*.md")):
        if p.name != "README.md":
            assert "DL005" not in _codes(p), p.name
