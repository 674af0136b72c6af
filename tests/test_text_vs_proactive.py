"""Table 二 figures in the prose (report.proactive_claims) against table 二: DL239 (warning) and DL240 (info)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from disclosure_lint.report import Overrides, interpret

from .conftest import NO_SHARED, SHARED, lint, parse

ROOT = Path(__file__).resolve().parent.parent
CODES = ["DL239", "DL240"]

T2_2021 = """## 二、主动公开政府信息情况

第二十条第（一）项

| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
|---|---:|---:|---:|
| 规章 | 0 | 0 | 0 |
| 行政规范性文件 | 3 | 1 | 12 |

第二十条第（五）项

| 信息内容 | 本年处理决定数量 |
|---|---:|
| 行政许可 | 4862 |

第二十条第（六）项

| 信息内容 | 本年处理决定数量 |
|---|---:|
| 行政处罚 | 1257 |
| 行政强制 | {coercion} |

第二十条第（八）项

| 信息内容 | 本年收费金额（单位：万元） |
|---|---:|
| 行政事业性收费 | {fee} |
"""

T2_2019 = """## 二、主动公开政府信息情况

| 第二十条第（一）项 | | | |
|---|---|---|---|
| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |
| 规章 | 0 | 0 | 0 |
| 规范性文件 | 4 | 4 | 30 |
| 第二十条第（五）项 | | | |
| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
| 行政许可 | 20 | 2 | 800 |
| 其他对外管理服务事项 | 0 | 0 | 0 |
| 第二十条第（六）项 | | | |
| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
| 行政处罚 | 30 | 0 | 120 |
| 行政强制 | 5 | 0 | 7 |
| 第二十条第（八）项 | | | |
| 信息内容 | 上一年项目数量 | 本年增/减 | |
| 行政事业性收费 | 3 | -1 | |
"""


def report(prose: str, year: int = 2023, coercion="86", fee="12.5", title="江北市某某区某某局") -> str:
    t2 = T2_2019 if year < 2021 else T2_2021.format(coercion=coercion, fee=fee)
    return f"# {title}{year}年政府信息公开工作年度报告\n\n## 一、总体情况\n\n{prose}\n\n{t2}"


def run(text: str, fmt: str = "markdown", **kw):
    return [d for d in lint(text, select=CODES, fmt=fmt, **kw) if d.code in CODES]


def claims(prose: str):
    r = interpret(parse(report(prose)), Overrides(year=2023))
    return [(c.row, c.what, c.number, c.unit, c.scope) for c in r.proactive_claims]


# -- the report fact ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("prose", "expected"), [
    ("本年制发行政规范性文件3件，废止1件，现行有效12件。",
     [("normative_docs", "issued", 3, "件", None), ("normative_docs", "repealed", 1, "件", None),
      ("normative_docs", "in_force", 12, "件", None)]),
    ("现行有效的行政规范性文件共12件，规章现行有效0件。",
     [("normative_docs", "in_force", 12, "件", None), ("rules", "in_force", 0, "件", None)]),
    ("作出行政处罚决定1257件，实施行政强制措施86件，办理行政许可事项4862件。",
     [("penalty", "decisions", 1257, "件", None), ("coercion", "decisions", 86, "件", None),
      ("licensing", "decisions", 4862, "件", None)]),
    ("行政处罚决定1257条逐案公开。", [("penalty", "decisions", 1257, "条", None)]),
    ("全年行政事业性收费金额为7730.28万元。", [("fees", "amount", Decimal("7730.28"), "万元", None)]),
    ("全县各部门共制发行政规范性文件30件。", [("normative_docs", "issued", 30, "件", "全县")]),
    # not figures of table 二
    ("主动公开规章13件（含新制定5件，修改4件，废止4件）。", []),
    ("收取政府信息公开信息处理费3940元。梳理行政许可事项120项。受理行政许可申请500件。内部规章制度3件。", []),
    ("本年度制定行政规范性文件2件，修订1件。", []),  # 制发 may count amendments
    ("通过信用网站公示行政许可决定4862条，办理行政处罚案件120件。", []),  # published; handled, maybe not decided
    ("本年制发规范性文件3件，办结行政处罚案件120件，废止1件。",
     [("normative_docs", "issued", 3, "件", None), ("penalty", "decisions", 120, "件", None)]),
    ("2022年制发行政规范性文件5件。现行有效规范性文件较上年减少2件。本年制发规范性文件约3件。", []),
    ("对近五年制发的行政规范性文件开展清理，废止1件。", []),
    # the stock when cleaned up, the year's new documents after it (a real report: 393 + 77 = its table's 470)
    ("设立规范性文件库，清理并集中发布现行有效行政规范性文件393件，动态更新本年度制发的规范性文件77件。",
     [("normative_docs", "issued", 77, "件", None)]),
    ("截至年底，现行有效行政规范性文件470件。", [("normative_docs", "in_force", 470, "件", None)]),
    # issued jointly with another body: a part of the year's count (red team, round 17)
    ("与区商务局联合制发行政规范性文件1件。会同区财政局印发规范性文件2件。", []),
    ("本年制发行政规范性文件3件，其中联合制发1件。", [("normative_docs", "issued", 3, "件", None)]),
    # the row as a label, the verb after its colon (a bulleted list of a real report)
    ("· 行政许可:共处理600件,均按规定公开办理流程及结果;", [("licensing", "decisions", 600, "件", None)]),
    ("行政处罚：作出处罚决定12件。行政许可：受理申请120件。行政强制：本年度无相关处理决定。",
     [("penalty", "decisions", 12, "件", None)]),
])
def test_reader(prose, expected):
    assert claims(prose) == expected


def test_reader_positions():
    r = interpret(parse(report("本年制发行政规范性文件3件，废止1件。")), Overrides(year=2023))
    c = r.proactive_claims
    assert [x.text for x in c] == ["制发行政规范性文件3件", "废止1件"]
    assert c[0].block.text[c[0].num_start:c[0].end] == "3件"


def test_reader_scope_words_and_qizhong():
    assert claims("本年制发行政规范性文件3件，其中区政府办制发行政规范性文件2件。") == [
        ("normative_docs", "issued", 3, "件", None), ("normative_docs", "issued", 2, "件", "区政府办")]
    assert claims("本年制发行政规范性文件3件，其中制发规章1件。") == [
        ("normative_docs", "issued", 3, "件", None), ("rules", "issued", 1, "件", "其中")]
    assert claims("其中，本年制发行政规范性文件3件。") == [("normative_docs", "issued", 3, "件", None)]  # another clause


def test_reader_is_linear_on_a_long_clause():
    # each figure searched the clause from its start for 其中, and the sentence from its start for a scope word

    prose = "字" * 100_000 + "全区" + "本年制发规章1件 " * 12_000
    got = claims(prose)
    assert len(got) == 12_000 and got[0] == ("rules", "issued", 1, "件", "全区")


# -- DL239 ----------------------------------------------------------------------------------------------------

def test_consistent_2021():
    prose = ("本年制发行政规范性文件3件，废止1件，现行有效12件。全年作出行政处罚决定1257件，实施行政强制措施86件，"
             "办理行政许可事项4862件，收取行政事业性收费125000元。")
    assert run(report(prose)) == []


@pytest.mark.parametrize(("prose", "match", "expected", "fragment"), [
    ("本年制发行政规范性文件4件。", "制发行政规范性文件4件", 3, "“本年制发件数”为3件"),
    ("废止行政规范性文件2件。", "废止行政规范性文件2件", 1, "“本年废止件数”为1件"),
    ("现行有效的行政规范性文件共13件。", "现行有效的行政规范性文件共13件", 12, "“现行有效件数”为12件"),
    ("行政规范性文件现行有效13件。", "行政规范性文件现行有效13件", 12, "为12件"),
    ("本年制发行政规范性文件3件，废止2件。", "废止2件", 1, "“本年废止件数”为1件"),
    ("作出行政处罚决定1275件。", "作出行政处罚决定1275件", 1257, "“行政处罚”“本年处理决定数量”为1257件"),
    ("实施行政强制措施68件。", "实施行政强制措施68件", 86, "为86件"),
    ("行政事业性收费金额为15万元。", "行政事业性收费金额为15万元", "12.5", "为12.5万元"),
    ("收取行政事业性收费15000元。", "行政事业性收费15000元", "12.5", "正文15000元合1.5万元"),
])
def test_contradicted_2021(prose, match, expected, fragment):
    ds = run(report(prose))
    assert [(d.code, d.match) for d in ds] == [("DL239", match)]
    d = ds[0]
    assert d.severity == "warning" and "疑似" in d.message and fragment in d.message
    assert d.evidence["expected"] == expected and d.evidence["table"] == "表二"
    assert d.line == 5 and d.evidence["cells"]


def test_amount_precision():
    # 7730万元 is 7730.28 at the prose's precision; 7731万元 is not
    assert run(report("行政事业性收费7730万元。", fee="7730.28")) == []
    assert run(report("行政事业性收费77302800元。", fee="7730.28")) == []
    assert run(report("行政事业性收费0.77亿元。", fee="7730.28")) == []
    assert [d.code for d in run(report("行政事业性收费7731万元。", fee="7730.28"))] == ["DL239"]


def test_blank_cell_counts_as_zero():
    ds = run(report("实施行政强制措施3件。", coercion=""))
    assert [d.code for d in ds] == ["DL239"]
    assert "按0计" in ds[0].message


def test_2019_columns():
    # 2019: 制发 → 本年新制作数量; 处理决定数量; no 现行有效 / 废止 / fee amount column
    assert run(report("本年新制作规范性文件4件，作出行政处罚决定120件。", year=2020)) == []
    ds = run(report("本年制发规范性文件5件。现行有效规范性文件99件，废止1件。行政事业性收费1万元。", year=2020))
    assert [(d.code, d.match) for d in ds] == [("DL239", "制发规范性文件5件")]
    assert "本年新制作数量" in ds[0].message


def test_no_table_nothing_compared():
    text = "# 某某局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n本年制发行政规范性文件4件。\n"
    assert run(text) == []


def test_text_format_flattened():
    text = ("某某县某某局2023年政府信息公开工作年度报告 一、总体情况 本年度现行有效的行政规范性文件共13件。 "
            "二、主动公开政府信息情况\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 规章 | 0 | 0 | 0 |\n"
            "| 行政规范性文件 | 3 | 1 | 12 |\n")
    ds = run(text, fmt="text")
    assert [(d.code, d.line, d.column) for d in ds] == [("DL239", 1, 35)]


# -- DL240 ----------------------------------------------------------------------------------------------------

def test_scope_is_info():
    ds = run(report("全县各部门共制发行政规范性文件30件。", title="江北市某某县人民政府"))
    assert [(d.code, d.severity) for d in ds] == [("DL240", "info")]
    assert "全县" in ds[0].message and "口径可能不同" in ds[0].message
    assert run(report("全县共作出行政处罚决定1257件。")) == []  # same number: quiet


def test_scope_rule_can_be_disabled_separately():
    text = report("全县各部门共制发行政规范性文件30件。")
    assert [d for d in lint(text, select=["DL239"]) if d.code == "DL239"] == []


# -- realistic documents --------------------------------------------------------------------------------------

def test_clean_example_quiet_and_read():
    text = (ROOT / "examples" / "clean-2023.md").read_text(encoding="utf-8")
    assert run(text) == []
    got = {(c.row, c.what, int(c.number)) for c in interpret(parse(text)).proactive_claims}
    assert {("normative_docs", "issued", 3), ("normative_docs", "repealed", 1), ("normative_docs", "in_force", 12),
            ("penalty", "decisions", 1257)} <= got


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason=NO_SHARED)
def test_corpus_quiet():
    for f in sorted((SHARED / "corpus/excerpts").glob("*.txt")) + [SHARED / "seed/shangtang-2019.txt"]:
        assert run(f.read_text(encoding="utf-8"), fmt="text") == [], f.name


# -- red team (rt-numbers #7, #9; rt-clean #17) ------------------------------------------------------------------

@pytest.mark.parametrize("prose", [
    "制发行政规范性文件3件，废止0件，宣布失效1件，现行有效12件。",  # 废止 + 宣布失效 = the table's 本年废止 1
    "本年废止行政规范性文件1件，宣布失效0件。",
    "全年制发规章和行政规范性文件3件，其中规章0件、行政规范性文件3件。",  # 0 + 3
])
def test_table_two_wording_consistent(prose):
    assert run(report(prose)) == []


@pytest.mark.parametrize(("prose", "match", "expected", "fragment"), [
    ("制发行政规范性文件3件，废止1件，宣布失效1件。", "废止1件，宣布失效1件", 1, "“本年废止件数”为1件"),
    ("全年制发规章和行政规范性文件4件。", "制发规章和行政规范性文件4件", 3, "“规章”与“行政规范性文件”“本年制发件数”之和为3件"),
])
def test_table_two_wording_contradicted(prose, match, expected, fragment):
    ds = run(report(prose))
    assert [(d.code, d.match) for d in ds] == [("DL239", match)]
    assert ds[0].evidence["expected"] == expected and fragment in ds[0].message
    assert len(ds[0].evidence["cells"]) == (2 if "规章和" in prose else 1)


def test_2019_format_words():
    # the 2019 table: 规范性文件 new_made 4, new_published 4, total_published 30
    assert run(report("本年新制作规范性文件4件，新公开4件，对外公开规范性文件总数30件。", year=2020)) == []
    ds = run(report("本年新制作规范性文件5件，对外公开规范性文件总数31件。", year=2020))
    assert [(d.match, d.evidence["expected"]) for d in ds] == [("新制作规范性文件5件", 4),
                                                              ("对外公开规范性文件总数31件", 30)]
    # 2021 has no 对外公开总数 column: nothing to compare
    assert run(report("对外公开规范性文件总数31件。")) == []


def test_default_figures_are_every_figure_named():
    from disclosure_lint.kinds.text_vs_proactive import ProactiveOptions
    from disclosure_lint.report.proactive_claims import WHAT_LABELS, ProactiveClaims

    assert ProactiveOptions().what == list(WHAT_LABELS)
    r = interpret(parse(report("本年制发行政规范性文件3件，废止1件。")), Overrides(year=2023))
    assert isinstance(r.proactive_claims, ProactiveClaims)
    assert r.proactive_claims.read() is r.proactive_claims.read() and len(r.proactive_claims) == 2
