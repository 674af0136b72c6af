"""DL411 date-missing-day on real-shaped input: a portal crawl whose line breaks were lost and whose brackets a store made
half-width, dates that only look like it (1月5、6日, 12月5件, a date cut off at the end of an excerpt), and its unsafe
fix (line endings kept; DL403 and DL401 then read the date as any other)."""

from __future__ import annotations

from typer.testing import CliRunner

from .conftest import lint

runner = CliRunner()

CRAWL = ("首页 > 政务公开 > 年度报告\n"
         "某某县统计局2023年政府信息公开工作年度报告\n"
         "发布时间：2024-01-20 浏览次数：88\n"
         "本报告所列数据统计期限自2023年1月1日至12月31止。一、总体情况 截至2023年12月31,本局现行有效的规范性文件12件。"
         "2023年3月5至8日举办培训,1月5、6日召开专题会,12月5件申请已办结。二、主动公开政府信息情况\n")


def _found(text: str) -> list[tuple[str, str]]:
    return [(d.evidence["actual"], d.evidence["expected"]) for d in lint(text, select=["DL411"], fmt="text")]


def test_crawl():
    assert _found(CRAWL) == [("12月31", "12月31日"), ("2023年12月31", "2023年12月31日")]


def test_cut_off_at_the_end_is_not_a_slip():
    assert _found("某某局2023年政府信息公开工作年度报告\n一、总体情况\n截至2023年12月31") == []
    assert _found("某某局2023年政府信息公开工作年度报告\n一、总体情况\n截至2023年12月31\n") == []


def test_unsafe_fix_keeps_line_endings(tmp_path):
    path = tmp_path / "r.txt"
    original = CRAWL.replace("\n", "\r\n").encode("utf-8")
    path.write_bytes(original)
    runner.invoke(_app(), ["check", "--isolated", "--select", "DL411", "--fix", str(path)])
    assert path.read_bytes() == original  # unsafe: not applied without the flag
    res = runner.invoke(_app(), ["check", "--isolated", "--select", "DL411", "--fix", "--unsafe-fixes", str(path)])
    fixed = path.read_bytes().decode("utf-8")
    assert "\r\n" in fixed and "\n" not in fixed.replace("\r\n", ""), res.output
    assert "至12月31日止" in fixed and "截至2023年12月31日," in fixed and "1月5、6日" in fixed, fixed
    assert _found(fixed) == []
    # the date now reads as a date: nothing else to say of it
    assert [d for d in lint(fixed, select=["DL401", "DL403"], fmt="text") if "12月31" in d.message] == []


def _app():
    from disclosure_lint.cli import app

    return app
