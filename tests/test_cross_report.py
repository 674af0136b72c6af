"""Checks across reports: report identity, the facts, the hook, each rule's pass and fail cases, ``check``'s
``--previous``/``--agency`` and the ``reports:`` configuration."""

from __future__ import annotations

import json
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from disclosure_lint.api import Checker, FileResult
from disclosure_lint.batch.hook import CrossReport
from disclosure_lint.batch.identity import body_key, group_keys
from disclosure_lint.cli import app

from .crossgen import check_batch, codes, new_peers, rate_peer, rate_peers, s3_report, write
from .statsgen import Layout, StatsData, render

# -- identity -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b"), [
    ("青禾市云岭区人民政府办公室", "云岭区政府办公室"),
    ("青禾市云岭区自然资源局", "云岭区自然资源局"),
    ("广东省青禾市云岭区人民政府", "云岭区"),
    ("临泽县某某镇人民政府", "临泽县某某镇"),
    ("云岭区青石街道办事处", "云岭区青石街道"),
    ("青禾市人民政府外事办公室（青禾市港澳事务局）", "青禾市政府外事办公室"),
])
def test_same_body(a, b):
    assert body_key(a) == body_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("青禾市自然资源局", "云岭区自然资源局"),
    ("青禾市城市管理局", "青禾市市场监督管理局"),
    ("青禾市人民政府", "青禾市人民政府办公室"),
])
def test_different_bodies(a, b):
    assert body_key(a) != body_key(b)


def test_region_words_inside_body_names():
    assert body_key("青禾市城市管理局") == ("青禾市", "城市管理局")
    assert body_key("广东省广州市天河区人民政府") == ("天河区", "政府")
    assert body_key(None) is None and body_key("政府") is None


def test_name_without_region_joins_the_only_body_with_one():
    keys = [("云岭区", "自然资源局"), ("", "自然资源局"), ("", "教育局"), ("云岭区", "民政局"), ("青禾市", "民政局"),
            ("", "民政局")]
    g = group_keys(keys)
    assert g[("", "自然资源局")] == g[("云岭区", "自然资源局")] == "云岭区自然资源局"
    assert g[("", "教育局")] == "教育局"
    assert g[("", "民政局")] == "民政局"  # two bodies named 民政局 with a region: which one is not known


# -- facts ------------------------------------------------------------------------------------------------------

def _full(year: int, agency: str = "青禾市生态环境局", **changes) -> str:
    """A full consistent 2021-format report (tables 二–四) from the statistics generator."""
    s3 = {r: [0] * 7 for r in _S3_ROWS}
    s3["new"] = [8, 2, 0, 0, 0, 0, 10]
    s3["result.open"] = [5, 1, 0, 0, 0, 0, 6]
    s3["result.partial"] = [1, 0, 0, 0, 0, 0, 1]
    s3["result.total"] = [6, 1, 0, 0, 0, 0, 7]
    s3["carried_forward"] = [2, 1, 0, 0, 0, 0, 3]
    for k, v in changes.items():
        s3[k] = v
    s2 = {"rules": {"issued": "0", "repealed": "0", "in_force": "0"},
          "normative_docs": {"issued": "3", "repealed": "1", "in_force": "14"},
          "licensing": {"decisions": "120"}, "penalty": {"decisions": "35"}, "coercion": {"decisions": "2"},
          "fees": {"amount": "0"}}
    data = StatsData("2021", year, agency, s2, s3, [1, 0, 0, 0, 1] + [0] * 10)
    return render(data, Layout())[0]


_S3_ROWS = [r.id for r in __import__("disclosure_lint.report.stats.schema", fromlist=["schema"])
            .schema("s3", "2021").data_rows()]


def test_facts_are_small_plain_json(tmp_path):
    p = tmp_path / "r.md"
    p.write_text(_full(2023), encoding="utf-8")
    r = Checker(isolated=True).check_file(str(p))
    assert r.facts is not None
    text = json.dumps(r.facts, ensure_ascii=False)
    assert json.loads(text) == r.facts
    assert len(text.encode()) < 12_000
    f = r.facts
    assert (f["agency"], f["kind"], f["year"], f["format"], f["body"]) == (
        "青禾市生态环境局", "bureau", 2023, "2021", ["青禾市", "生态环境局"])
    value, place = f["cells"]["s3:carried_forward:total"]
    assert value == 3 and place[0] is not None and "四、结转下年度继续办理 › 总计" in place[4]
    assert f["cells"]["s2:normative_docs:in_force"][0] == 14
    assert f["stat_nonzero"] > 5 and f["stat_hash"]
    assert all(len(p) == 5 for p in f["paras"])


def test_skipped_and_unreadable_files_have_no_facts(tmp_path):
    (tmp_path / "notes.md").write_text("# 会议记录\n\n今天讨论了下周的安排。\n", encoding="utf-8")
    r = Checker(isolated=True).check_file(str(tmp_path / "notes.md"), walked=True)
    assert r.skipped and r.facts is None
    assert Checker(isolated=True).check_file(str(tmp_path / "missing.md")).facts is None


# -- cross-year rules ------------------------------------------------------------------------------------------

def test_consistent_years_are_quiet(tmp_path):
    prev = _full(2022)
    cur = _consistent_2023()
    res = check_batch(tmp_path, [("2022.md", prev), ("2023.md", cur)])
    assert [d.message for r in res.values() for d in r.diagnostics if d.code in _CROSS] == []
    assert [d.message for r in res.values() for d in r.diagnostics if d.severity == "error"] == []


_CROSS = {"DL242", "DL243", "DL244", "DL245", "DL246", "DL603"}


def _consistent_2023(**over) -> str:
    # 一 + 二 = （七）总计 + 四 per column; 上年结转 = the 2022 report's 结转下年度 (2, 1 → 3)
    kw: dict = dict(new=[6, 1, 0, 0, 0, 0, 7], carried_over=[2, 1, 0, 0, 0, 0, 3])
    kw.update(over)
    text = _full(2023, **kw).replace("| 行政规范性文件 | 3 | 1 | 14 |", "| 行政规范性文件 | 3 | 1 | 16 |")
    return text.replace("本机关坚持以公开为常态、不公开为例外，认真做好政府信息公开工作。",
                        "本年度我局围绕生态环境保护中心工作，集中公开了排污许可和环境执法信息。")


def test_carryover_mismatch_per_column(tmp_path):
    cur = _consistent_2023(new=[5, 1, 0, 0, 0, 0, 6], carried_over=[3, 1, 0, 0, 0, 0, 4])
    res = check_batch(tmp_path, [("2022.md", _full(2022)), ("2023.md", cur)])
    found = [d for d in res["2023.md"].diagnostics if d.code == "DL242"]
    assert [d.evidence["column"] for d in found] == ["natural_person", "total"]
    d = found[0]
    assert d.severity == "warning" and "2022.md" in d.message and "自然人栏为3" in d.message and "为2" in d.message
    assert d.line is not None and "二、上年结转政府信息公开申请数量 › 自然人" in (d.pointer or "")
    assert d.evidence["other_path"].endswith("2022.md") and d.evidence["expected"] == 2
    assert codes(res["2022.md"], "DL24") == []  # the earlier report has no previous one in the run


def test_pairs_checked_along_each_bodys_years_findings_in_the_runs_order(tmp_path):
    # two bodies' reports interleaved; each report's 上年结转 (2, 1 → 3 by default … here 4, 0 → 4) differs from the
    # year before's 结转下年度 (2, 1 → 3): a finding on every report with a previous one, the findings listed in the
    # run's order, every report's decoded figures released at the end
    odd = dict(carried_over=[4, 0, 0, 0, 0, 0, 4], new=[6, 3, 0, 0, 0, 0, 9])
    files = [(f"{who}{year}.md", _full(year, agency, **odd))
             for who, agency, year in [("a", "青禾市生态环境局", 2023), ("b", "青禾市教育局", 2022),
                                       ("a", "青禾市生态环境局", 2021), ("b", "青禾市教育局", 2023),
                                       ("a", "青禾市生态环境局", 2022), ("b", "青禾市教育局", 2021)]]
    paths = write(tmp_path, files)
    checker = Checker(None, isolated=True)
    hook = CrossReport(checker.active_for)
    for p in paths:
        hook.observe(checker.check_file(p))
    out = hook.finish()
    carry = {Path(p).name: [d.evidence["other_path"] for d in ds if d.code == "DL242"] for p, ds in out.items()}
    assert [name for name, found in carry.items() if found] == ["a2023.md", "b2022.md", "b2023.md", "a2022.md"]
    assert {Path(p).name for p in carry["a2023.md"]} == {"a2022.md"}
    assert {Path(p).name for p in carry["b2022.md"]} == {"b2021.md"}
    assert all(part is None for r in hook._reports for part in r.facts._rest)  # nothing left decoded


def test_in_force_carry(tmp_path):
    prev = _full(2022)  # 行政规范性文件 现行有效 14
    good = _consistent_2023()
    bad = good.replace("| 行政规范性文件 | 3 | 1 | 16 |", "| 行政规范性文件 | 3 | 1 | 30 |")
    assert bad != good
    res = check_batch(tmp_path / "bad", [("2022.md", prev), ("2023.md", bad)], select=["DL243"])
    (d,) = res["2023.md"].diagnostics
    assert "应为16" in d.message and "修改" in d.message and "现行有效件数" in (d.pointer or "")
    res = check_batch(tmp_path / "good", [("2022.md", prev), ("2023.md", good)], select=["DL243"])
    assert res["2023.md"].diagnostics == []


def test_jump_factor_and_small_numbers(tmp_path):
    prev = s3_report("临泽县市场监督管理局", 2022, {"一、本年新收政府信息公开申请数量": 30})
    for value, fires in ((299, False), (300, True), (3, True), (4, False)):
        cur = s3_report("临泽县市场监督管理局", 2023, {"一、本年新收政府信息公开申请数量": value})
        res = check_batch(tmp_path / str(value), [("a.md", prev), ("b.md", cur)], select=["DL244"])
        assert bool(codes(res["b.md"])) is fires, value


def test_jump_factor_option(tmp_path):
    cfg = tmp_path / "cfg.yaml"
    cfg.write_text("options: {DL244: {factor: 2, min_value: 5}}\n", encoding="utf-8")
    prev = s3_report("临泽县市场监督管理局", 2022, {"一、本年新收政府信息公开申请数量": 5})
    cur = s3_report("临泽县市场监督管理局", 2023, {"一、本年新收政府信息公开申请数量": 11})
    res = check_batch(tmp_path / "r", [("a.md", prev), ("b.md", cur)], select=["DL244"], config=str(cfg))
    assert codes(res["b.md"]) == ["DL244"]


def test_copied_tables(tmp_path):
    prev = _full(2022)
    cur = prev.replace("2022年", "2023年").replace("本机关坚持以公开为常态、不公开为例外，认真做好政府信息公开工作。",
                                                 "本年度我局集中公开了排污许可和环境执法信息，回应群众关切。")
    res = check_batch(tmp_path, [("2022.md", prev), ("2023.md", cur)], select=["DL603"])
    (d,) = res["2023.md"].diagnostics
    assert d.severity == "error" and "统计表二、三、四中本年度的数字（不计现行有效件数等累计数、上年结转和合计）与上年报告完全相同" in d.message


def test_identical_tables_of_zeros_are_not_copies(tmp_path):
    """A body with no applications and no decisions: the same tables every year (only its stock of documents)."""
    zeros = {r: [0] * 7 for r in _S3_ROWS}

    def idle(year: int) -> str:
        text = _full(year, **zeros)
        for a, b in (("| 行政许可 | 120 |", "| 行政许可 | 0 |"), ("| 行政处罚 | 35 |", "| 行政处罚 | 0 |"),
                     ("| 行政强制 | 2 |", "| 行政强制 | 0 |"), ("| 行政规范性文件 | 3 | 1 | 14 |", "| 行政规范性文件 | 0 | 0 | 14 |")):
            assert a in text
            text = text.replace(a, b)
        return text

    prev, cur = idle(2022), idle(2023)
    res = check_batch(tmp_path, [("2022.md", prev), ("2023.md", cur)], select=["DL603"])
    assert [d.message for d in res["2023.md"].diagnostics if "统计表" in d.message] == []


def test_copied_paragraphs_threshold(tmp_path):
    paras = [f"我局第{i}项工作按照政府信息公开工作要点扎实推进，全年完成相关任务{i + 3}项，取得了较好的效果和社会评价。"
             for i in range(10)]
    own = [f"本年度我局新开展的第{i}项工作围绕优化营商环境展开，主要面向辖区企业和群众提供政策咨询和办事指引。"
           for i in range(10)]

    def report(year: int, body: list[str]) -> str:
        return f"# 青禾市生态环境局{year}年政府信息公开工作年度报告\n\n## 一、总体情况\n\n" + "\n\n".join(body) + "\n"

    prev = report(2022, paras)
    seven = report(2023, [p.replace("项，", "项以上，") if i < 0 else p for i, p in enumerate(paras[:7])] + own[:3])
    eight = report(2023, paras[:8] + own[:2])
    res = check_batch(tmp_path / "7", [("a.md", prev), ("b.md", seven)], select=["DL603"])
    assert codes(res["b.md"]) == []
    res = check_batch(tmp_path / "8", [("a.md", prev), ("b.md", eight)], select=["DL603"])
    (d,) = res["b.md"].diagnostics
    assert "10段正文中有8段（80%）" in d.message and "等8段" in d.message
    assert len(d.evidence["passages"]) == 8 and d.line is not None


def test_reference_report_is_never_reported_on(tmp_path):
    prev = _full(2022)
    cur = _consistent_2023(new=[5, 1, 0, 0, 0, 0, 6], carried_over=[3, 1, 0, 0, 0, 0, 4])
    res = check_batch(tmp_path, [("2023.md", cur)], previous=[("2022.md", prev)])
    assert list(res) == ["2023.md"] and "DL242" in codes(res["2023.md"])


def test_previous_pairs_a_single_report_whatever_its_name(tmp_path):
    prev = _full(2022, agency="青禾市生态环境保护局")
    cur = _consistent_2023(new=[5, 1, 0, 0, 0, 0, 6], carried_over=[3, 1, 0, 0, 0, 0, 4])
    res = check_batch(tmp_path, [("2023.md", cur)], previous=[("2022.md", prev)])
    assert "DL242" in codes(res["2023.md"])


def test_other_bodies_and_other_years_are_not_paired(tmp_path):
    cur = _consistent_2023(new=[5, 1, 0, 0, 0, 0, 6], carried_over=[3, 1, 0, 0, 0, 0, 4])
    res = check_batch(tmp_path / "body", [("a.md", _full(2022, agency="青禾市教育局")), ("b.md", cur)])
    assert codes(res["b.md"], "DL24") == []
    res = check_batch(tmp_path / "year", [("a.md", _full(2021)), ("b.md", cur)])
    assert codes(res["b.md"], "DL24") == []


def test_ignored_rule_does_not_report(tmp_path):
    cur = _consistent_2023(new=[5, 1, 0, 0, 0, 0, 6], carried_over=[3, 1, 0, 0, 0, 0, 4])
    cfg = tmp_path / "cfg.yaml"
    cfg.write_text("ignore: [DL242]\nseverity: {DL243: error}\n", encoding="utf-8")
    res = check_batch(tmp_path / "r", [("a.md", _full(2022)), ("b.md", cur)], config=str(cfg))
    assert "DL242" not in codes(res["b.md"])


def test_a_failing_check_is_one_tool_failure(tmp_path, monkeypatch):
    from disclosure_lint.batch import hook

    def boom(cur, prev, older, opts):
        raise RuntimeError("kaputt")
        yield

    monkeypatch.setitem(hook.PAIR_CHECKS, "cross-year-copy", boom)
    cur = _consistent_2023(new=[5, 1, 0, 0, 0, 0, 6], carried_over=[3, 1, 0, 0, 0, 0, 4])
    res = check_batch(tmp_path, [("a.md", _full(2022)), ("b.md", cur)])
    got = codes(res["b.md"])
    assert "DL000" in got and "DL242" in got


# -- peers ---------------------------------------------------------------------------------------------------

def test_rate_outlier_needs_enough_bodies(tmp_path):
    low = ("low.md", rate_peer("青禾市云岭区交通运输局", 2023, 40, 2))
    res = check_batch(tmp_path / "8", [low, *rate_peers(7)], select=["DL245"])
    (d,) = res["low.md"].diagnostics
    assert "公开率" in d.message and "Q1" in d.message and d.evidence["bodies"] == 8
    assert all(not r.diagnostics for name, r in res.items() if name != "low.md")
    res = check_batch(tmp_path / "6", [low, *rate_peers(6)], select=["DL245"])
    assert res["low.md"].diagnostics == []


def test_rate_outlier_other_kinds_and_years_are_other_groups(tmp_path):
    low = ("low.md", rate_peer("青禾市云岭区青石街道办事处", 2023, 40, 2))
    res = check_batch(tmp_path / "kind", [low, *rate_peers(8)], select=["DL245"])
    assert res["low.md"].diagnostics == []
    low = ("low.md", rate_peer("青禾市云岭区交通运输局", 2022, 40, 2))
    res = check_batch(tmp_path / "year", [low, *rate_peers(8)], select=["DL245"])
    assert res["low.md"].diagnostics == []


def test_rate_outlier_skips_small_denominators_and_equal_quartiles(tmp_path):
    low = ("low.md", rate_peer("青禾市云岭区交通运输局", 2023, 4, 0))
    res = check_batch(tmp_path / "small", [low, *rate_peers(8)], select=["DL245"])
    assert res["low.md"].diagnostics == []
    same = [(f"p{i}.md", rate_peer(f"青禾市云岭区第{i}局", 2023, 10, 10)) for i in range(9)]
    odd = ("odd.md", rate_peer("青禾市云岭区交通运输局", 2023, 10, 5))
    res = check_batch(tmp_path / "same", [odd, *same], select=["DL245"])
    assert res["odd.md"].diagnostics == []


def test_township_with_city_sized_figures(tmp_path):
    big = ("street.md", s3_report("青禾市云岭区青石街道办事处", 2023, {"一、本年新收政府信息公开申请数量": 900}))
    res = check_batch(tmp_path / "big", [big, *new_peers()], select=["DL246"])
    (d,) = res["street.md"].diagnostics
    assert d.severity == "info" and "900" in d.message and "中位数（6件）" in d.message
    res = check_batch(tmp_path / "few", [big, *new_peers((4, 6))], select=["DL246"])
    assert res["street.md"].diagnostics == []
    small = ("street.md", s3_report("青禾市云岭区青石街道办事处", 2023, {"一、本年新收政府信息公开申请数量": 500}))
    res = check_batch(tmp_path / "small", [small, *new_peers((40, 60, 90))], select=["DL246"])
    assert res["street.md"].diagnostics == []


# -- the hook's protocol ---------------------------------------------------------------------------------------

def test_hook_keeps_only_facts_and_ignores_files_without_them():
    hook = CrossReport(lambda path: [])
    hook.observe(FileResult(path="a.md", error="坏文件"))
    hook.observe(FileResult(path="b.md", skipped="不是年度报告", facts={"year": 2023}))
    hook.observe(replace(FileResult(path="c.md"), facts={"year": 2023, "body": ["云岭区", "教育局"]}))
    assert hook.finish() == {}


# -- the command line -------------------------------------------------------------------------------------------

def _cli(*args: str):
    return CliRunner().invoke(app, ["check", "--isolated", "-f", "json", *args])


def test_cli_previous(tmp_path):
    prev = tmp_path / "last" / "2022.md"
    prev.parent.mkdir()
    prev.write_text(_full(2022), encoding="utf-8")
    cur = tmp_path / "2023.md"
    cur.write_text(_consistent_2023(new=[5, 1, 0, 0, 0, 0, 6], carried_over=[3, 1, 0, 0, 0, 0, 4]), encoding="utf-8")
    out = _cli(str(cur), "--previous", str(prev), "--select", "DL242")
    data = json.loads(out.stdout)
    assert [f["path"] for f in data["files"]] == [str(cur)]
    assert [d["code"] for d in data["files"][0]["diagnostics"]] == ["DL242", "DL242"]
    assert str(prev) in json.dumps(data["files"][0]["diagnostics"][0]["evidence"], ensure_ascii=False)


def test_cli_previous_without_cross_rules(tmp_path):
    prev = tmp_path / "2022.md"
    prev.write_text(_full(2022), encoding="utf-8")
    cur = tmp_path / "2023.md"
    cur.write_text(_consistent_2023(), encoding="utf-8")
    out = _cli(str(cur), "--previous", str(prev), "--select", "DL701")
    assert out.exit_code == 0, out.stderr
    r = Checker(isolated=True, select=["DL701"]).check_file(str(cur))
    assert r.facts is None  # no rule across reports runs: no facts gathered


def test_cli_previous_unreadable(tmp_path):
    cur = tmp_path / "2023.md"
    cur.write_text(_consistent_2023(), encoding="utf-8")
    out = _cli(str(cur), "--previous", str(tmp_path / "nope.md"))
    assert out.exit_code == 2 and "--previous" in out.stderr and "Traceback" not in out.stderr


def test_cli_directory_pairs_years(tmp_path):
    (tmp_path / "2022.md").write_text(_full(2022), encoding="utf-8")
    (tmp_path / "2023.md").write_text(
        _consistent_2023(new=[5, 1, 0, 0, 0, 0, 6], carried_over=[3, 1, 0, 0, 0, 0, 4]), encoding="utf-8")
    data = json.loads(_cli(str(tmp_path), "--select", "DL242").stdout)
    found = {f["path"].rsplit("/", 1)[-1]: [d["code"] for d in f["diagnostics"]] for f in data["files"]}
    assert found == {"2022.md": [], "2023.md": ["DL242", "DL242"]}


def test_cli_agency_overrides_the_title(tmp_path):
    p = tmp_path / "r.md"
    p.write_text(_full(2023), encoding="utf-8")
    data = json.loads(_cli(str(p), "--agency", "青禾市云岭区教育局").stdout)
    assert data["files"][0]["report"]["agency"] == "青禾市云岭区教育局"
    assert data["files"][0]["report"]["agency_kind"] == "bureau"


def test_config_reports_mapping(tmp_path):
    text = _full(2023).replace("青禾市生态环境局2023年", "")
    (tmp_path / "sthj-2023.md").write_text(text, encoding="utf-8")
    (tmp_path / "other.md").write_text(text, encoding="utf-8")
    (tmp_path / ".disclosure-lint.yaml").write_text(textwrap.dedent("""\
        reports:
          - {pattern: "sthj-*.md", agency: 青禾市云岭区生态环境局, year: 2023}
          - {pattern: "*.md", kind: street_office}
        """), encoding="utf-8")
    checker = Checker()
    a = checker.check_file(str(tmp_path / "sthj-2023.md"))
    b = checker.check_file(str(tmp_path / "other.md"))
    assert a.report is not None and b.report is not None
    assert (a.report["agency"], a.report["agency_kind"], a.report["year"]) == ("青禾市云岭区生态环境局", "bureau", 2023)
    assert b.report["agency_kind"] == "street_office"
    assert Checker(agency="青禾市教育局").check_file(str(tmp_path / "sthj-2023.md")).report["agency"] == "青禾市教育局"


# -- expected bodies (bodies:) -------------------------------------------------------------------------------------

BODIES = textwrap.dedent("""\
    bodies:
      - {name: 青禾市云岭区人民政府, kind: county_government}
      - {name: 青禾市云岭区自然资源局, kind: bureau, parent: 青禾市云岭区人民政府, aliases: [云岭区自规局]}
      - {name: 青禾市云岭区教育局, kind: bureau, parent: 青禾市云岭区人民政府}
    """)


def _new(name: str, year: int, n: int, prose: str = "") -> str:
    text = s3_report(name, year, {"一、本年新收政府信息公开申请数量": n})
    return text.replace("## 三、", f"## 一、总体情况\n\n{prose}\n\n## 三、") if prose else text


def _with_bodies(tmp_path) -> str:
    cfg = tmp_path / "bodies.yaml"
    cfg.write_text(BODIES, encoding="utf-8")
    return str(cfg)


def test_missing_children_only_on_the_parents_report(tmp_path):
    cfg = _with_bodies(tmp_path)
    files = [("zr.md", _new("云岭区自规局", 2023, 3)), ("jy2022.md", _new("青禾市云岭区教育局", 2022, 3))]
    res = check_batch(tmp_path / "no-parent", files, config=cfg)
    assert [c for r in res.values() for c in codes(r, "DL113")] == []  # no parent's report: nowhere to say it
    res = check_batch(tmp_path / "parent", [*files, ("gov.md", _new("云岭区人民政府", 2023, 9))], config=cfg)
    (d,) = [d for d in res["gov.md"].diagnostics if d.code == "DL113"]
    assert d.evidence["missing"] == ["青禾市云岭区教育局"] and d.line is None  # the 2022 report is another year


def test_duplicates_only_of_expected_bodies(tmp_path):
    cfg = _with_bodies(tmp_path)
    files = [("a.md", _new("青禾市云岭区教育局", 2023, 3)), ("b.md", _new("云岭区教育局", 2023, 4)),
             ("c.md", _new("青禾市云岭区民政局", 2023, 3)), ("d.md", _new("青禾市云岭区民政局", 2023, 3))]
    res = check_batch(tmp_path / "r", files, config=cfg)
    assert codes(res["b.md"], "DL604") == ["DL604"] and codes(res["a.md"], "DL604") == []
    assert codes(res["d.md"], "DL604") == []


def test_whole_area_needs_the_prose_and_every_child(tmp_path):
    cfg = _with_bodies(tmp_path)
    kids = [("zr.md", _new("青禾市云岭区自然资源局", 2023, 12)), ("jy.md", _new("青禾市云岭区教育局", 2023, 5))]
    whole = _new("青禾市云岭区人民政府", 2023, 20, "2023年，全区共受理政府信息公开申请20件。")
    own = _new("青禾市云岭区人民政府", 2023, 20, "2023年，区政府办公室共受理政府信息公开申请20件。")
    res = check_batch(tmp_path / "whole", [("gov.md", whole), *kids], config=cfg)
    assert [d.evidence["difference"] for d in res["gov.md"].diagnostics if d.code == "DL247"] == [3, 3]
    res = check_batch(tmp_path / "own", [("gov.md", own), *kids], config=cfg)
    assert codes(res["gov.md"], "DL247") == []
    res = check_batch(tmp_path / "one-kid", [("gov.md", whole), kids[0]], config=cfg)
    assert codes(res["gov.md"], "DL247") == []


def test_alias_joins_a_configured_body_across_years(tmp_path):
    cfg = _with_bodies(tmp_path)
    prev = s3_report("青禾市云岭区自然资源局", 2022, {"一、本年新收政府信息公开申请数量": 12})
    cur = s3_report("云岭区自规局", 2023, {"一、本年新收政府信息公开申请数量": 400})
    res = check_batch(tmp_path / "r", [("a.md", prev), ("b.md", cur)], config=cfg)
    assert codes(res["b.md"], "DL244") == ["DL244"]


def test_the_python_api_runs_the_checks_across_reports(tmp_path):
    """``api.check_paths`` gives what ``check`` gives: the year-over-year jump on the later report."""
    from disclosure_lint.api import check_paths

    from .crossgen import write

    prev = s3_report("临泽县市场监督管理局", 2022, {"一、本年新收政府信息公开申请数量": 30})
    cur = s3_report("临泽县市场监督管理局", 2023, {"一、本年新收政府信息公开申请数量": 300})
    write(tmp_path, [("a.md", prev), ("b.md", cur)])
    run = check_paths([str(tmp_path)], select=["DL244"])
    by_name = {Path(f.path).name: [d.code for d in f.diagnostics] for f in run.files}
    assert by_name == {"a.md": [], "b.md": ["DL244"]}


def test_jump_from_or_to_nothing_is_said_once(tmp_path):
    """The message has both figures: "…为0，上年报告为42，本年为0" said the zero twice."""
    prev = s3_report("临泽县市场监督管理局", 2022, {"一、本年新收政府信息公开申请数量": 42})
    cur = s3_report("临泽县市场监督管理局", 2023, {"一、本年新收政府信息公开申请数量": 0})
    res = check_batch(tmp_path / "down", [("a.md", prev), ("b.md", cur)], select=["DL244"])
    (d,) = res["b.md"].diagnostics
    assert "（总计）为0，上年报告（" in d.message and "为42，一年之间由有到无：变化异常大" in d.message
    res = check_batch(tmp_path / "up", [("a.md", cur), ("b.md", prev.replace("2022", "2024"))], select=["DL244"])
    (d,) = res["b.md"].diagnostics
    assert "为0，一年之间由无到有：" in d.message and "上年为0" not in d.message


@pytest.mark.parametrize("name", ["区生态环境局", "县人民政府"])
def test_a_body_named_without_its_place_is_paired_in_its_folder_only(tmp_path, name):
    """A page on a district's own site titles its report 区住建局2020年… (real pages: one district's 2019 report and
    another's — 龙湾区, named in the text only — 2020 report, both 区住建局, would be compared as one body's): two
    such reports are one body's in one folder (a clerk's, an office's collection per body) or with --previous."""
    cur = _consistent_2023(new=[5, 1, 0, 0, 0, 0, 6], carried_over=[3, 1, 0, 0, 0, 0, 4])

    def named(text: str) -> str:
        return text.replace("青禾市生态环境局", name)

    for sub in ("one", "two"):
        (tmp_path / "apart" / sub).mkdir(parents=True)
    res = check_batch(tmp_path / "apart", [("one/2022.md", named(_full(2022))), ("two/2023.md", named(cur))])
    assert codes(res["2023.md"], "DL24") == []
    res = check_batch(tmp_path / "together", [("2022.md", named(_full(2022))), ("2023.md", named(cur))])
    assert "DL242" in codes(res["2023.md"])
    res = check_batch(tmp_path / "given", [("2023.md", named(cur))], previous=[("2022.md", named(_full(2022)))])
    assert "DL242" in codes(res["2023.md"])
    # a name with its place is paired wherever its reports are
    for sub in ("one", "two"):
        (tmp_path / "placed" / sub).mkdir(parents=True)
    res = check_batch(tmp_path / "placed", [("one/2022.md", _full(2022)), ("two/2023.md", cur)])
    assert "DL242" in codes(res["2023.md"])


def test_a_jump_back_to_the_year_before_lasts_figure_names_last_year_as_the_odd_one(tmp_path):
    """Three years of a real zone's tables: 行政强制 42, 0, 54.  The 2023 report's jump from 0 says that the 2021 report
    had 42, close to this year's — last year's 0 is the odd figure; the 2022 report's fall from 42 is said as before."""
    key = "一、本年新收政府信息公开申请数量"
    years = {2021: 42, 2022: 0, 2023: 54}
    files = [(f"{y}.md", s3_report("临泽县市场监督管理局", y, {key: v})) for y, v in years.items()]
    res = check_batch(tmp_path / "three", files, select=["DL244"])
    (d2022,) = res["2022.md"].diagnostics
    (d2023,) = res["2023.md"].diagnostics
    assert "与本年相近" not in d2022.message
    assert "一年之间由无到有（2021年度报告为42，与本年相近：不正常的更可能是上年报告的数字）" in d2023.message
    assert d2023.evidence["year_before_value"] == 42
    # a steady rise (5, 60, 700) is no dip: nothing about the year before last
    steady = [(f"{y}.md", s3_report("临泽县市场监督管理局", y, {key: v})) for y, v in ((2021, 5), (2022, 60), (2023, 700))]
    res = check_batch(tmp_path / "steady", steady, select=["DL244"])
    assert all("与本年相近" not in d.message for d in res["2023.md"].diagnostics)


def test_a_township_s_rules_back_to_none_is_no_carry_slip(tmp_path):
    """A real town: 规章 现行有效 2 one year, 0 the next — a town makes no 规章 (DL207 reports last year's 2), so this
    year's 0 is no slip of carrying the stock forward; a bureau's table the same way is reported as before."""
    for agency, reported in (("白沙县白石镇", False), ("白沙市某某局", True)):
        prev = _full(2022, agency=agency).replace("| 规章 | 0 | 0 | 0 |", "| 规章 | 0 | 0 | 2 |")
        cur = _full(2023, agency=agency)
        res = check_batch(tmp_path / agency, [("2022.md", prev), ("2023.md", cur)], select=["DL243"])
        found = [d for d in res["2023.md"].diagnostics if "规章" in d.message]
        assert bool(found) is reported, agency
