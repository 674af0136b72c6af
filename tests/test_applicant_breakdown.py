"""A total broken down by applicant against table 三: DL241, and DL230 no longer skipping such totals."""

from __future__ import annotations

from .conftest import lint
from .test_text_vs_table import table3

CODES = ["DL230", "DL236", "DL241", "DL238"]

# table 三 with applicant columns: 新收 自然人 50, 商业企业 5, 法律服务机构 2 (57); 结转 自然人 3 (3)
T3 = """| 项目 | | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
|---|---|---|---|---|---|---|---|---|---|
| 一、本年新收政府信息公开申请数量 | | | 50 | 5 | 0 | 0 | 2 | 0 | 57 |
| 二、上年结转政府信息公开申请数量 | | | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
| 三、本年度办理结果 | （七）总计 | | 49 | 5 | 0 | 0 | 2 | 0 | 56 |
| 四、结转下年度继续办理 | | | 4 | 0 | 0 | 0 | 0 | 0 | 4 |
"""


def report(prose: str, t3: str = T3) -> str:
    return ("# 江北市某某区某某局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n" + prose +
            "\n\n## 三、收到和处理政府信息公开申请情况\n\n" + t3)


def run(text: str, fmt: str = "markdown"):
    return [d for d in lint(text, select=CODES, fmt=fmt) if d.code in CODES]


def test_consistent_breakdowns_quiet():
    for prose in ("本年新收政府信息公开申请57件，其中自然人50件，法人或其他组织7件。",
                  "本年度共收到政府信息公开申请60件，其中自然人53件，法人或其他组织7件。",  # 新收 + 结转
                  "本年度共收到自然人申请50件、法人或其他组织申请7件，共计57件。",
                  "本年新收申请57件，其中自然人50件，商业企业5件，科研机构0件，社会公益组织0件，法律服务机构2件，其他0件。",
                  "全年办结申请56件，其中自然人49件，法人或其他组织7件。",
                  "本年共收到自然人、法人和其他组织提出的政府信息公开申请57件。"):
        assert run(report(prose)) == [], prose


def test_part_against_its_column():
    ds = run(report("本年新收政府信息公开申请57件，其中自然人52件，法人或其他组织5件。"))
    assert [(d.code, d.match, d.line, d.column) for d in ds] == [
        ("DL241", "自然人52件", 5, 19), ("DL241", "法人或其他组织5件", 5, 26)]
    assert "“一、本年新收政府信息公开申请数量”的“自然人”栏为50件" in ds[0].message
    assert "“法人或其他组织”五栏之和为7件" in ds[1].message
    assert ds[0].evidence["expected"] == 50 and ds[0].evidence["actual"] == 52 and ds[0].severity == "warning"
    assert "疑似" in ds[0].message


def test_organisation_kinds_and_handled_row():
    ds = run(report("全年办结申请56件，其中自然人49件，商业企业4件，法律服务机构3件。"))
    assert [(d.code, d.match) for d in ds] == [("DL241", "商业企业4件"), ("DL241", "法律服务机构3件")]
    assert "“（七）总计”的“商业企业”栏为5件" in ds[0].message


def test_total_of_a_breakdown_is_compared_by_dl230():
    # was skipped before (自然人 made the sentence "another scope"); now the total goes to DL230
    ds = run(report("本年新收政府信息公开申请58件，其中自然人51件、法人或其他组织7件。"))
    assert sorted((d.code, d.match) for d in ds) == [("DL230", "本年新收政府信息公开申请58件"),
                                                     ("DL241", "自然人51件")]
    ds = run(report("本年共收到自然人、法人和其他组织提出的政府信息公开申请59件。"))
    assert [d.code for d in ds] == ["DL230"]
    assert "两种理解" in ds[0].message


def test_total_last_is_compared_by_dl241():
    ds = run(report("本年度共收到自然人申请50件、法人或其他组织申请9件，共计59件。"))
    got = [(d.code, d.match) for d in ds]
    assert ("DL241", "共计59件") in got and ("DL241", "法人或其他组织申请9件") in got
    # the part "收到自然人申请50件" agrees with its column; no DL236 "口径可能不同" for it
    assert not any(d.code == "DL236" for d in ds)


def test_parts_stay_excluded_after_an_earlier_finding():
    # a finding on an earlier claim must not make the later applicant parts "another scope" (DL236)
    ds = run(report("全区办结申请90件。本年度共收到自然人申请50件、法人或其他组织申请7件，共计57件。"))
    assert [(d.code, d.match, d.line, d.column) for d in ds] == [("DL236", "办结申请90件", 5, 3)]


def test_scoped_breakdown_not_compared():
    ds = run(report("全区共收到政府信息公开申请95件，其中自然人80件，法人或其他组织15件。"))
    assert [(d.code, d.severity) for d in ds] == [("DL236", "info")]  # the total, as before


def test_other_readers_unchanged():
    # the rest of table 三's fixture (from the DL230 tests) still works with a breakdown in the sentence
    ds = run(report("本年新收政府信息公开申请57件，其中自然人57件。", t3=table3()))
    assert [(d.code, d.match) for d in ds] == []  # the fixture's 自然人 column holds every application


def test_text_format():
    text = ("江北市某某区某某局2023年政府信息公开工作年度报告\n一、总体情况\n"
            "本年度共收到自然人申请50件、法人或其他组织申请7件，共计55件。\n"
            "三、收到和处理政府信息公开申请情况\n"
            "项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计\n"
            "一、本年新收政府信息公开申请数量 | 50 | 5 | 0 | 0 | 2 | 0 | 57\n"
            "二、上年结转政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3\n")
    ds = run(text, fmt="text")
    # the total is the one wrong number (50 + 7 = 57 is right): DL241 names it, DL238 does not repeat it
    assert [(d.code, d.match, d.line) for d in ds] == [("DL241", "共计55件", 3)]
