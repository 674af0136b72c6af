"""Which reports are one body's, everywhere the run says it (round 17): a body's usual names (人民政府 between the
district and a street office, 政府办 for 政府办公室, districts ending in 城区), a name without its region against
the configuration's expected bodies and aliases (both ways), and the by-body counts, the ``body`` column of
``-f csv`` and the statistics database's ``body_key`` grouped as the checks across reports group them."""

from __future__ import annotations

import csv
import io
import sqlite3
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from disclosure_lint import stats_db
from disclosure_lint.batch.identity import Grouping, body_key
from disclosure_lint.cli import app

from .crossgen import check_batch, codes, s3_report, write

# -- body keys ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b"), [
    ("青禾市云岭区人民政府青石街道办事处", "云岭区青石街道办事处"),
    ("青禾市云岭区人民政府白沙镇人民政府", "青禾市云岭区白沙镇人民政府"),
    ("青禾市云岭区人民政府办公室", "云岭区政府办"),
    ("北京市西城区人民政府德胜街道办事处", "西城区德胜街道办事处"),
    ("北京市东城区教育委员会", "东城区教育委员会"),
    # a zone named bare, its 管理委员会, its 管委会: one body (no 开发区政府 invented)
    ("某某市北海经济开发区", "某某市北海经济开发区管理委员会"),
    ("某某市北海经济开发区管委会", "某某市北海经济开发区管理委员会"),
    # a 综合实验区 as well (a real zone's reports of 15 years: its 2014 report, titled with 管委会, was a body of its own)
    ("某某综合实验区", "某某综合实验区管委会"),
])
def test_one_body_under_its_usual_names(a, b):
    assert body_key(a) == body_key(b)


def test_a_zone_named_bare_is_its_managing_bodys():
    assert body_key("某某港保税区") == ("某某港保税区", "管委会")
    assert body_key("云岭区") == ("云岭区", "政府")
    # (only a zone's 管理委员会 is written short: a commission's name stays whole)
    assert body_key("某某自治区国有资产监督管理委员会") == ("某某自治区", "国有资产监督管理委员会")


def test_districts_ending_in_cheng_qu_are_regions():
    assert body_key("北京市西城区人民政府德胜街道办事处") == ("西城区", "德胜街道")
    assert body_key("济南市历城区人民政府") == ("历城区", "政府")
    # town-planning words stay part of the body's name
    assert body_key("青禾市主城区建设指挥部") == ("青禾市", "主城区建设指挥部")
    assert body_key("青禾市中心城区改造办公室") == ("青禾市", "中心城区改造办公室")


@pytest.mark.parametrize(("a", "b"), [
    ("青禾市云岭区人民政府", "青禾市云岭区人民政府办公室"),
    ("云岭区政府", "云岭区政府办"),
    ("青禾市教育局", "青禾市云岭区教育局"),
    ("青禾市云岭区人民政府青石街道办事处", "青禾市云岭区人民政府"),
    ("北京市西城区教育委员会", "北京市东城区教育委员会"),
])
def test_different_bodies_stay_apart(a, b):
    assert body_key(a) != body_key(b)


def test_government_before_a_street_needs_a_street_name():
    assert body_key("青禾市政府街道") == ("青禾市", "政府街道")  # 政府街 is the street's name here


# -- grouping with the expected bodies -------------------------------------------------------------------------

EXPECTED = [("青禾市云岭区青石街道办事处", ()), ("青禾市云岭区白沙镇人民政府", ()),
            ("青禾市云岭区教育体育局", ("云岭区教体局",)), ("黄沙镇人民政府", ())]


def test_a_name_without_region_joins_an_expected_body():
    g = Grouping([("", "青石街道"), ("", "白沙镇"), ("", "教体局")], EXPECTED)
    assert g.of(("", "青石街道")) == g.of_name("青禾市云岭区青石街道办事处") == "云岭区青石街道"
    assert g.of(("", "白沙镇")) == "云岭区白沙镇"
    assert g.of(("", "教体局")) == "云岭区教育体育局"  # through the alias, which states the region


def test_an_expected_body_without_region_takes_in_the_one_report_with_one():
    g = Grouping([("临泽县", "黄沙镇")], EXPECTED)
    assert g.of(("临泽县", "黄沙镇")) == g.of_name("黄沙镇人民政府") == "黄沙镇"
    # two bodies of that name with a region: which one is not known
    g = Grouping([("临泽县", "黄沙镇"), ("甘州区", "黄沙镇")], EXPECTED)
    assert g.of(("临泽县", "黄沙镇")) == "临泽县黄沙镇" and g.of(("甘州区", "黄沙镇")) == "甘州区黄沙镇"


def test_ambiguous_or_other_bodies_stay_apart():
    g = Grouping([("", "青石街道"), ("青禾市", "青石街道")], EXPECTED)
    assert g.of(("", "青石街道")) == "青石街道"  # the expected body's and another body's: which one is not known
    # an alias that is another expected body's name stays that body's
    g = Grouping([], [("青禾市云岭区教育体育局", ("青禾市云岭区民政局",)), ("青禾市云岭区民政局", ())])
    assert g.of_name("青禾市云岭区民政局") == "云岭区民政局"


# -- the checks across reports ------------------------------------------------------------------------------------

def _cfg(tmp_path: Path, text: str) -> str:
    cfg = tmp_path / "bodies.yaml"
    cfg.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(cfg)


def _new(name: str, year: int, n: int, title: str | None = None) -> str:
    text = s3_report(name, year, {"一、本年新收政府信息公开申请数量": n})
    return text.replace(f"# {name}{year}年", f"# {title}") if title else text


def test_a_street_office_titled_without_its_region_is_not_missing(tmp_path):
    cfg = _cfg(tmp_path, """\
        bodies:
          - {name: 青禾市云岭区人民政府, kind: county_government}
          - {name: 青禾市云岭区青石街道办事处, kind: street_office, parent: 青禾市云岭区人民政府}
          - {name: 青禾市云岭区民政局, kind: bureau, parent: 青禾市云岭区人民政府}
        """)
    gov = ("gov.md", _new("青禾市云岭区人民政府", 2023, 9))
    mz = ("mz.md", _new("青禾市云岭区民政局", 2023, 4))
    qs = ("qs.md", _new("青石街道办事处", 2023, 3))
    res = check_batch(tmp_path / "all", [gov, mz, qs], config=cfg)
    assert codes(res["gov.md"], "DL113") == []
    # guard: a child whose report is not in the run is still missing
    res = check_batch(tmp_path / "two", [gov, mz], config=cfg)
    (d,) = [d for d in res["gov.md"].diagnostics if d.code == "DL113"]
    assert d.evidence["missing"] == ["青禾市云岭区青石街道办事处"]


S4 = """\
    bodies:
      - {name: 青禾市云岭区人民政府, kind: county_government}
      - {name: 青禾市云岭区民政局, kind: bureau, parent: 青禾市云岭区人民政府}
      - {name: 青禾市云岭区人民政府青石街道办事处, kind: street_office, parent: 青禾市云岭区人民政府, aliases: [青石街道]}
      - {name: 青禾市云岭区白沙镇人民政府, kind: town_government, parent: 青禾市云岭区人民政府}
    """


def test_town_and_street_under_their_usual_names_are_the_expected_children(tmp_path):
    cfg = _cfg(tmp_path, S4)
    whole = _new("青禾市云岭区人民政府", 2023, 20).replace(
        "## 三、", "## 一、总体情况\n\n2023年，全区共受理政府信息公开申请20件。\n\n## 三、")
    files = [("gov.md", whole), ("mz.md", _new("青禾市云岭区民政局", 2023, 10)),
             ("qs.md", _new("云岭区青石街道办事处", 2023, 3)),
             ("bs.md", _new("白沙镇人民政府", 2023, 2, title="白沙镇2023年政府信息公开工作年度报告"))]
    res = check_batch(tmp_path / "r", files, config=cfg)
    assert codes(res["gov.md"], "DL113") == []
    # the whole-area sum runs now that every child's report is found: 20 against 10 + 3 + 2
    assert [d.evidence["difference"] for d in res["gov.md"].diagnostics if d.code == "DL247"] == [5, 5]


def _carry(name: str, year: int, carried: int, forward: int) -> str:
    return s3_report(name, year, {"一、本年新收政府信息公开申请数量": 5, "二、上年结转政府信息公开申请数量": carried,
                                   "四、结转下年度继续办理": forward})


@pytest.mark.parametrize(("old", "new"), [
    ("青禾市云岭区人民政府青石街道办事处", "云岭区青石街道办事处"),
    ("青禾市云岭区人民政府办公室", "云岭区政府办"),
])
def test_one_body_under_two_names_is_paired_across_years(tmp_path, old, new):
    res = check_batch(tmp_path, [("a2022.md", _carry(old, 2022, 0, 1)), ("a2023.md", _carry(new, 2023, 3, 0))])
    assert codes(res["a2023.md"], "DL242") == ["DL242", "DL242"]


def test_the_city_and_district_bureaus_are_not_paired(tmp_path):
    res = check_batch(tmp_path, [("a2022.md", _carry("青禾市教育局", 2022, 0, 1)),
                                 ("a2023.md", _carry("青禾市云岭区教育局", 2023, 3, 0)),
                                 ("b2022.md", _carry("青禾市云岭区人民政府", 2022, 0, 1)),
                                 ("b2023.md", _carry("青禾市云岭区人民政府办公室", 2023, 3, 0))])
    assert codes(res["a2023.md"], "DL24") == [] and codes(res["b2023.md"], "DL24") == []


# -- what the run says of the bodies ---------------------------------------------------------------------------

def run(*args: str) -> str:
    res = CliRunner().invoke(app, list(args), env={"DISCLOSURE_LINT_NO_CACHE": "1", "COLUMNS": "200"})
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    return res.stdout


BODY_FILES = [("c2022.md", _carry("青禾市云岭区白沙镇人民政府", 2022, 0, 1)),
              ("c2023.md", _carry("白沙镇人民政府", 2023, 3, 0)),
              ("d2022.md", _carry("青禾市云岭区民政局", 2022, 0, 0)),
              ("d2023.md", _carry("青禾市云岭区民政局", 2023, 0, 0))]


def _body_lines(out: str) -> list[str]:
    return [line.strip() for line in out[out.index("按机关："):].splitlines()[1:] if line.startswith("  ")]


@pytest.mark.parametrize("extra", [[], ["--statistics"]])
def test_by_body_lines_count_the_cross_report_findings_and_group_as_they_do(tmp_path, extra):
    write(tmp_path, BODY_FILES)
    out = run("check", "--isolated", "--select", "DL242", *extra, str(tmp_path))
    assert "检查了 4 个文件：0 个错误，2 个警告" in out
    assert _body_lines(out) == ["青禾市云岭区白沙镇人民政府（2 份：2022、2023年度）：0 个错误，2 个警告，0 个提示",
                                "青禾市云岭区民政局（2 份：2022、2023年度）：0 个错误，0 个警告，0 个提示"]


def test_by_body_lines_of_a_run_held_whole(tmp_path):
    # with a baseline (every result held before printing) the same lines
    write(tmp_path, BODY_FILES)
    base = tmp_path / "base.json"
    run("check", "--isolated", "--select", "DL242", "--write-baseline", str(base), str(tmp_path / "d2022.md"))
    out = run("check", "--isolated", "--select", "DL242", "--baseline", str(base), str(tmp_path))
    assert _body_lines(out)[0] == "青禾市云岭区白沙镇人民政府（2 份：2022、2023年度）：0 个错误，2 个警告，0 个提示"


def test_csv_json_and_database_name_the_grouped_body(tmp_path):
    write(tmp_path / "r", BODY_FILES)
    out = run("check", "--isolated", "--select", "DL242", "-f", "csv", str(tmp_path / "r"))
    rows = {Path(r["path"]).name: r["body"] for r in csv.DictReader(io.StringIO(out.lstrip("\ufeff")))}
    assert rows["c2022.md"] == rows["c2023.md"] == "云岭区白沙镇" and rows["d2023.md"] == "云岭区民政局"
    out = run("check", "--isolated", "--select", "DL242", "-f", "json", str(tmp_path / "r"))
    assert out.count('"body": "云岭区白沙镇"') == 2
    db = tmp_path / "x.sqlite"
    stats_db.update_database(str(db), [str(tmp_path / "r")])
    with sqlite3.connect(db) as con:
        keys = dict(con.execute("SELECT path, body_key FROM reports"))
    assert {Path(p).name: k for p, k in keys.items()} == {"c2022.md": "云岭区白沙镇", "c2023.md": "云岭区白沙镇",
                                                          "d2022.md": "云岭区民政局", "d2023.md": "云岭区民政局"}
