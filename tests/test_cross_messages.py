"""What the cross-report findings say: DL246 never "N倍 of a median of 0"; the other report named by its path in
the run (portal archives are full of index.html)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from disclosure_lint.cli import app

from .crossgen import check_batch, new_peers, s3_report

_NEW = "一、本年新收政府信息公开申请数量"


def _street(value: int) -> tuple[str, str]:
    return "jd.md", s3_report("青禾市云岭区朝阳街道办事处", 2023, {_NEW: value})


def test_no_ratio_to_a_median_of_zero(tmp_path):
    """Before: 本年新收136件，是…4个部门报告中位数（0件）的136倍."""
    res = check_batch(tmp_path, [*new_peers((0, 0, 1, 0)), _street(136)], select=["DL246"])
    assert [d.message for d in res["jd.md"].diagnostics] == []


def test_a_median_below_one_gives_the_true_ratio(tmp_path):
    """Departments 0, 0, 1, 1 (median 0.5): 136 is 272 times that, not 136 times."""
    res = check_batch(tmp_path, [*new_peers((0, 0, 1, 1)), _street(136)], select=["DL246"])
    (d,) = res["jd.md"].diagnostics
    assert "中位数（0.5件）的272倍" in d.message


def test_a_median_of_departments_that_received_requests_still_compares(tmp_path):
    res = check_batch(tmp_path, [*new_peers((0, 2, 3, 40)), _street(900)], select=["DL246"])
    (d,) = res["jd.md"].diagnostics
    assert "中位数（2.5件）的360倍" in d.message


# -- the other report named by its path ----------------------------------------------------------------------------

def _archive(root: Path) -> None:
    for year, carried, forward in ((2022, 0, 2), (2023, 3, 1)):
        p = root / str(year) / "index.md"
        p.parent.mkdir(parents=True)
        p.write_text(s3_report("青禾市云岭区教育局", year, {_NEW: 10, "二、上年结转政府信息公开申请数量": carried,
                                                    "四、结转下年度继续办理": forward}), encoding="utf-8")


def _messages(out) -> list[str]:
    return [d["message"] for f in json.loads(out.stdout)["files"] for d in f["diagnostics"]]


def test_the_other_report_is_named_by_its_path_in_the_run(tmp_path, monkeypatch):
    """A portal's archive: an index per year.  Before: 上年报告（index.md，2022年）."""
    _archive(tmp_path)
    monkeypatch.chdir(tmp_path)
    out = CliRunner().invoke(app, ["check", "--isolated", "--no-cache", "-f", "json", "--select", "DL242", "."])
    msgs = _messages(out)
    assert msgs and all("上年报告（2022/index.md，2022年）" in m for m in msgs), msgs
    # an absolute path under the working directory: relative to it
    out = CliRunner().invoke(app, ["check", "--isolated", "--no-cache", "-f", "json", "--select", "DL242",
                                   str(tmp_path / "2023" / "index.md"), "--previous", str(tmp_path / "2022" / "index.md")])
    msgs = _messages(out)
    assert msgs and all("上年报告（2022/index.md，2022年）" in m for m in msgs), msgs


def test_a_path_outside_the_working_directory_is_shown_as_given(tmp_path, monkeypatch):
    _archive(tmp_path / "site")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    out = CliRunner().invoke(app, ["check", "--isolated", "--no-cache", "-f", "json", "--select", "DL242",
                                   str(tmp_path / "site")])
    msgs = _messages(out)
    assert msgs and all(f"上年报告（{tmp_path / 'site' / '2022' / 'index.md'}，2022年）" in m for m in msgs), msgs


# -- --previous: a note when it is not used, or used for another body (DL006) -----------------------------------

_CARRIED = "二、上年结转政府信息公开申请数量"
_FORWARD = "四、结转下年度继续办理"


def _report(agency: str, year: int, carried: int = 3, forward: int = 2) -> str:
    return s3_report(agency, year, {_NEW: 10, _CARRIED: carried, _FORWARD: forward})


_EDU = "青禾市云岭区教育局"


def _notes(result) -> list[str]:
    return [d.message for d in result.diagnostics if d.code == "DL006"]


def test_previous_of_another_year_is_said_to_be_unused(tmp_path):
    """Before: ``check 2023.md --previous 2021.md`` → 未发现问题 (the file left out without a word)."""
    res = check_batch(tmp_path, [("2023.md", _report(_EDU, 2023))], previous=[("2021.md", _report(_EDU, 2021))])
    (note,) = _notes(res["2023.md"])
    assert "2021.md 没有用作上年报告对照：它是2021年度的报告，不是本报告的上一年度（2022年度）" in note
    assert "因此没有做" in note
    (d,) = [d for d in res["2023.md"].diagnostics if d.code == "DL006"]
    assert d.severity == "info" and d.category == "input" and d.line is None
    assert [d.code for d in res["2023.md"].diagnostics if d.code.startswith("DL24")] == []


def test_previous_of_a_later_year_is_said_to_be_unused(tmp_path):
    res = check_batch(tmp_path, [("2022.md", _report(_EDU, 2022))], previous=[("2023.md", _report(_EDU, 2023))])
    (note,) = _notes(res["2022.md"])
    assert "它是2023年度的报告，不早于本报告（2022年度）" in note


def test_previous_of_another_body_is_compared_with_a_note(tmp_path):
    """Before: 财政局 2023 compared with 教育局 2022 (DL242 …) without a word that the bodies differ."""
    cur = _report("青禾市云岭区财政局", 2023)
    res = check_batch(tmp_path, [("cz2023.md", cur)], previous=[("2022.md", _report(_EDU, 2022))])
    (note,) = _notes(res["cz2023.md"])
    assert "是青禾市云岭区教育局的报告，与本报告的机关（青禾市云岭区财政局）名称不同；已按指定作为本报告的上年报告对照" in note
    assert "DL242" in [d.code for d in res["cz2023.md"].diagnostics]


def test_previous_of_the_same_body_and_the_year_before_gives_no_note(tmp_path):
    res = check_batch(tmp_path, [("2023.md", _report(_EDU, 2023))], previous=[("2022.md", _report(_EDU, 2022))])
    assert _notes(res["2023.md"]) == [] and "DL242" in [d.code for d in res["2023.md"].diagnostics]


def test_second_previous_of_the_same_year_is_said_to_be_unused(tmp_path):
    res = check_batch(tmp_path, [("2023.md", _report(_EDU, 2023))],
                      previous=[("a2022.md", _report(_EDU, 2022)), ("b2022.md", _report(_EDU, 2022, forward=3))])
    (note,) = _notes(res["2023.md"])
    assert "b2022.md 没有用作上年报告对照：同一年度（2022年度）的" in note and "a2022.md 已用作上年报告" in note


def test_previous_with_several_checked_reports(tmp_path):
    files = [("edu2023.md", _report(_EDU, 2023)), ("cz2023.md", _report("青禾市云岭区财政局", 2023))]
    res = check_batch(tmp_path, files, previous=[("mz2022.md", _report("青禾市云岭区民政局", 2022)),
                                                 ("edu2021.md", _report(_EDU, 2021)),
                                                 ("cz2022.md", _report("青禾市云岭区财政局", 2022))])
    edu = _notes(res["edu2023.md"])
    assert len(edu) == 2
    assert "mz2022.md 没有用作上年报告对照：本次检查的文件中没有青禾市云岭区民政局（它的机关）2023年度的报告" in edu[0]
    assert "edu2021.md 没有用作上年报告对照：本次检查中青禾市云岭区教育局的报告是2023年度的，没有2022年度的" in edu[1]
    assert _notes(res["cz2023.md"]) == [] and "DL242" in [d.code for d in res["cz2023.md"].diagnostics]


# -- the JSON summary ------------------------------------------------------------------------------------------

def test_json_summary_counts_the_files_with_error_findings(tmp_path):
    """Before: a run with one error finding (DL603) and no unreadable file said files_with_errors 0."""
    kept = "2022年，我局围绕中心工作推进政府信息公开，全年主动公开政府信息三百余条，受理申请十余件。"
    for year in (2022, 2023):  # the 2023 report keeps the 2022 report's paragraph on 2022 (DL603)
        text = s3_report(_EDU, year, {_NEW: 10}).replace("## 三、", f"## 一、总体情况\n\n{kept}\n\n## 三、")
        (tmp_path / f"{year}.md").write_text(text, encoding="utf-8")
    (tmp_path / "2021.pdf").write_bytes(b"%PDF-1.4 broken")
    out = CliRunner().invoke(app, ["check", "--isolated", "--no-cache", "-f", "json", "--select", "DL603",
                                   str(tmp_path / "2022.md"), str(tmp_path / "2023.md"), str(tmp_path / "2021.pdf")])
    summary = json.loads(out.stdout)["summary"]
    assert summary["error"] == 1, out.stdout
    assert (summary["files_with_errors"], summary["files_unreadable"]) == (2, 1)
