"""Text against table: DL230–DL236 (numbers and statements in the prose compared with tables 三 and 四)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from disclosure_lint.kinds.text_vs_table import percent_ok
from disclosure_lint.report import Overrides, interpret
from disclosure_lint.report.claim_checks import disagreements
from disclosure_lint.report.claims import ProseClaims
from disclosure_lint.report.metrics import Metrics
from disclosure_lint.report.prose_reading import cn_int

from .conftest import NO_SHARED, SHARED, lint, parse

ROOT = Path(__file__).resolve().parent.parent
SEED = (SHARED / "seed/shangtang-2019.txt")
EXCERPTS = (SHARED / "corpus/excerpts")
CODES = ["DL230", "DL231", "DL232", "DL233", "DL234", "DL235", "DL236"]

# -- fixtures: a full 2021 table 三 and a table 四, values in the 自然人 column and 总计 ---------------------------

S3_2021 = [
    ("new", "一、本年新收政府信息公开申请数量", "", ""),
    ("carried_over", "二、上年结转政府信息公开申请数量", "", ""),
    ("open", "三、本年度办理结果", "（一）予以公开", ""),
    ("partial", "", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ""),
    ("no1", "", "（三）不予公开", "1.属于国家秘密"),
    ("no2", "", "", "2.其他法律行政法规禁止公开"),
    ("no3", "", "", "3.危及“三安全一稳定”"),
    ("no4", "", "", "4.保护第三方合法权益"),
    ("no5", "", "", "5.属于三类内部事务信息"),
    ("no6", "", "", "6.属于四类过程性信息"),
    ("no7", "", "", "7.属于行政执法案卷"),
    ("no8", "", "", "8.属于行政查询事项"),
    ("un1", "", "（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("un2", "", "", "2.没有现成信息需要另行制作"),
    ("un3", "", "", "3.补正后申请内容仍不明确"),
    ("np1", "", "（五）不予处理", "1.信访举报投诉类申请"),
    ("np2", "", "", "2.重复申请"),
    ("np3", "", "", "3.要求提供公开出版物"),
    ("np4", "", "", "4.无正当理由大量反复申请"),
    ("np5", "", "", "5.要求行政机关确认或重新出具已获取信息"),
    ("ot1", "", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("ot2", "", "", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("ot3", "", "", "3.其他"),
    ("total", "", "（七）总计", ""),
    ("forward", "四、结转下年度继续办理", "", ""),
]

# new 57 + carried 3 = handled 56 + forward 4; results: 22 + 5 + 5 + 15 + 6 + 3 = 56
BASE = {"new": 57, "carried_over": 3, "open": 22, "partial": 5, "no4": 1, "no6": 1, "no7": 3, "un1": 12, "un2": 2,
        "un3": 1, "np1": 3, "np2": 2, "np5": 1, "ot1": 2, "ot3": 1, "total": 56, "forward": 4}


def table3(values: dict | None = None, blank_total: tuple[str, ...] = (), omit: tuple[str, ...] = ()) -> str:
    v = dict(BASE)
    v.update(values or {})
    lines = ["| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | | 自然人 | 商业企业 | 科研机构 | "
             "社会公益组织 | 法律服务机构 | 其他 | 总计 |",
             "|---|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for key, a, b, c in S3_2021:
        if key in omit:
            continue
        n = v.get(key, 0)
        total = "" if key in blank_total else str(n)
        lines.append(f"| {a} | {b} | {c} | {n} | 0 | 0 | 0 | 0 | 0 | {total} |")
    return "\n".join(lines)


def table4(vals=(2, 0, 1, 0, 3, 1, 0, 0, 1, 2, 1, 0, 0, 0, 1)) -> str:
    res = "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 "
    return "\n".join([
        "| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        "| | | | | | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |",
        res * 3 + "|",
        "| " + " | ".join(str(x) for x in vals) + " |",
    ])


def report(prose: str, t3: str | None = None, t4: str | None = None, s4_prose: str = "",
           title: str = "江北市某某区某某局2023年政府信息公开工作年度报告") -> str:
    parts = [f"# {title}", "", "## 一、总体情况", "", prose, ""]
    if t3 is not False:
        parts += ["## 三、收到和处理政府信息公开申请情况", "", t3 if t3 is not None else table3(), ""]
    if t4 is not False:
        parts += ["## 四、政府信息公开行政复议、行政诉讼情况", "", s4_prose, "", t4 if t4 is not None else table4(), ""]
    return "\n".join(parts)


def run(text: str, fmt: str = "markdown", codes=None, **kw):
    return [d for d in lint(text, select=codes or CODES, fmt=fmt, **kw) if d.code.startswith("DL23")]


def fired(text: str, code: str | None = None, **kw) -> list[str]:
    return [d.match for d in run(text, **kw) if code is None or d.code == code]


def only(text: str, **kw):
    ds = run(text, **kw)
    return sorted({d.code for d in ds}), ds


# -- the examples ------------------------------------------------------------------------------------------------

def test_clean_example_is_quiet():
    text = (ROOT / "examples" / "clean-2023.md").read_text(encoding="utf-8")
    assert run(text) == []


def test_metrics_and_claims_are_typed_members_of_the_report():
    """report.metrics: the tables' derived values; report.claims: the prose's claims, read once per scope list."""
    r = interpret(parse(report("全年共收到申请60件，其中予以公开23件。")), Overrides(year=2023))
    assert isinstance(r.metrics, Metrics) and r.metrics is r.metrics
    m = r.metrics
    assert m.value("handled").value == 56
    assert m.value("not_open").value == 5  # the sum of the sub-rows of （三）不予公开
    in_total = m.value("in_total")
    assert in_total.value == 60 and len(in_total.cells) == 2  # 新收 + 上年结转, with the two cells
    assert m.total(("open", "partial")).value == 27
    assert m.applicant_columns(("new",), ("natural_person",)).value == 57
    assert m.s4_cell("review", "total").value == 3
    assert m.value("upheld", "review").value == 2
    assert isinstance(r.claims, ProseClaims)
    assert r.claims.read() is r.claims.read() and r.claims.read(["全区"]) is r.claims.read(["全区"])
    assert r.claims.read(["全区"]) is not r.claims.read()
    received, opened = r.claims.claims
    assert received.ambiguous and disagreements(m, received) == []  # 60 = 新收57 + 上年结转3
    [(metrics, tv, stated)] = disagreements(m, opened)
    assert metrics == ("open",) and tv.value == 22 and stated == 23
    assert r.claims.single_counts[(opened.block.index, opened.end)] is opened


def test_clean_example_prose_is_read():
    """The clean example's prose is actually understood (so quietness is not blindness)."""
    text = (ROOT / "examples" / "clean-2023.md").read_text(encoding="utf-8")
    r = interpret(parse(text))
    metrics = {"+".join(c.metrics) for c in r.claims.claims}
    assert {"new", "carried_over", "in_total", "handled", "carried_forward", "open", "partial", "not_open",
            "unavailable", "not_processed", "other", "review", "litigation", "direct", "after_review",
            "upheld", "pending"} <= metrics


@pytest.mark.skipif(not SEED.is_file(), reason=NO_SHARED)
def test_seed_is_quiet():
    """The seed is free text with no tables: nothing can be compared."""
    text = SEED.read_text(encoding="utf-8")
    assert run(text, fmt="text") == []


@pytest.mark.skipif(not EXCERPTS.is_dir(), reason=NO_SHARED)
def test_excerpts_only_the_real_mismatch():
    """Of the excerpts only 041 fires: its prose says 受理…2件 while its table 三 says 新收 3 (结转 0)."""
    hits = {}
    for f in sorted(EXCERPTS.glob("*.txt")):
        ds = run(f.read_text(encoding="utf-8"), fmt="text")
        if ds:
            hits[f.name] = [d.code for d in ds]
    assert hits == {"041.txt": ["DL230"]}


# -- DL230: application counts ---------------------------------------------------------------------------------

@pytest.mark.parametrize("prose", [
    "本年新收政府信息公开申请57件，上年结转3件，共需办理60件；全年办结56件，结转下年度继续办理4件。",
    "2023年，本局新受理政府信息公开申请57件，上年度结转申请3件，全年答复56件，顺延至下年度办理4件。",
    "全年共收到政府信息公开申请57件，办理完毕56件，另有4件结转至2024年继续办理。",
    "全年共收到政府信息公开申请60件（含上年结转3件），已办结56件。",
    "本年度共受理政府信息公开申请60件，其中本年新收57件、上年结转3件，转入下一年度办理4件。",
    "2022年结转的3件申请已于年初办结；本年新收申请五十七件。",
    "本年新收政府信息公开申请57件，同比增加12件。2022年收到申请45件。",
    "上半年收到政府信息公开申请20件，约60%涉及企业登记。全年收到申请50余件。",
    "全年收到政府信息公开申请数十件。本年新收政府信息公开申请数57件。",
])
def test_application_counts_consistent(prose):
    assert run(report(prose)) == []


@pytest.mark.parametrize(("prose", "match", "expected"), [
    ("本年新收政府信息公开申请58件，上年结转3件。", "本年新收政府信息公开申请58件", 57),
    ("本年新收政府信息公开申请57件，上年结转2件。", "上年结转2件", 3),
    ("全年办结申请55件。", "办结申请55件", 56),
    ("全年共答复政府信息公开申请55件。", "答复政府信息公开申请55件", 56),
    ("结转下年度继续办理5件。", "结转下年度继续办理5件", 4),
    ("全年办结申请56件，另有5件顺延到下年度办理。", "5件顺延到下年度", 4),
    ("本年新收申请57件，上年结转3件，共计61件。", "共计61件", 60),
    ("本年新收政府信息公开申请五十八件。", "本年新收政府信息公开申请五十八件", 57),
    ("2022年结转政府信息公开申请2件。", "2022年结转政府信息公开申请2件", 3),
    ("全年收到政府信息公开申请57件，结转至2024年办理3件。", "结转至2024年办理3件", 4),
    ("2023年结转申请5件。", "2023年结转申请5件", 4),  # this year's carry-over goes into next year
    ("2022年结转的3件申请已于年初办结；本年新收申请五十八件。", "本年新收申请五十八件", 57),
    ("2022年收到申请45件，本年新收申请58件。", "本年新收申请58件", 57),
    ("本年新收政府信息公开申请数58件。", "本年新收政府信息公开申请数58件", 57),  # 数 is a noun here, not 数十's
])
def test_application_counts_contradicted(prose, match, expected):
    ds = run(report(prose))
    assert [(d.code, d.match) for d in ds] == [("DL230", match)]
    assert ds[0].severity == "warning"
    assert ds[0].evidence["expected"] == expected
    assert "疑似" in ds[0].message


def test_received_both_readings():
    # 57 = 新收, 60 = 新收 + 结转: both accepted; 59 is neither
    assert run(report("全年共收到政府信息公开申请57件。")) == []
    assert run(report("全年共收到政府信息公开申请60件。")) == []
    ds = run(report("全年共收到政府信息公开申请59件（含上年结转3件）。"))
    assert [d.code for d in ds] == ["DL230"]
    assert ds[0].evidence["readings"] == ["本年新收", "新收+上年结转"]
    assert "57" in ds[0].message and "60" in ds[0].message and "两种理解" in ds[0].message
    assert ds[0].evidence["actual"] == 59


def test_new_with_included_carry_over_is_ambiguous():
    # “本年新收60件（含上年结转3件）” is read like 共收到: 60 = 57 + 3 passes
    assert run(report("本年新收政府信息公开申请60件（含上年结转3件）。")) == []


def test_received_without_carry_over_reads_once():
    t3 = table3({"carried_over": 0, "new": 60, "total": 56, "forward": 4})
    ds = run(report("全年共收到政府信息公开申请61件。", t3=t3))
    assert [d.code for d in ds] == ["DL230"]
    assert "两种理解" not in ds[0].message and ds[0].evidence["expected"] == 60


def test_evidence_carries_cells_and_sentence():
    ds = run(report("本年新收政府信息公开申请58件，均已按时答复。"))
    ev = ds[0].evidence
    assert ev["actual"] == 58 and ev["expected"] == 57
    assert ev["cells"] == ["表三 › 一、本年新收政府信息公开申请数量 › 总计"]
    assert ev["cell_positions"][0]["raw"] == "57" and ev["cell_positions"][0]["line"] is not None
    assert ev["sentence"].startswith("本年新收政府信息公开申请58件")
    assert ds[0].line == 5 and ds[0].column == 1


def test_off_topic_counts_are_not_compared():
    prose = ("全年承办人大代表建议5件、政协提案7件，均已办结，答复全文12件已公开。"
             "全年受理网民留言60条，已办结60条。")
    assert run(report(prose)) == []


def test_response_documents_are_not_handled_counts():
    # “无法提供类答复有15件” is about 无法提供 (15 = 12 + 2 + 1), not about 办结
    assert run(report("依申请公开答复说理不够充分，无法提供类答复有15件。")) == []


# -- DL231: results --------------------------------------------------------------------------------------------

def test_results_consistent():
    prose = ("在办结的申请中，予以公开22件，部分公开5件，不予公开5件，无法提供15件，不予处理6件，其他处理3件。"
             "予以公开及部分公开共27件。予以公开、部分公开分别为22件、5件。")
    assert run(report(prose)) == []


@pytest.mark.parametrize(("prose", "match", "expected"), [
    ("予以公开21件。", "予以公开21件", 22),
    ("部分公开的6件。", "部分公开的6件", 5),
    ("不予公开1件。", "不予公开1件", 5),  # only sub-item 4; the group sums to 5
    ("因本机关不掌握等原因无法提供12件。", "无法提供12件", 15),  # 等原因: the whole group
    ("因本机关不掌握相关信息无法提供13件。", "无法提供13件", 12),  # that reason: its sub-item
    ("不予处理3件。", "不予处理3件", 6),
    ("其他处理2件。", "其他处理2件", 3),
    ("予以公开及部分公开22件。", "予以公开及部分公开22件", 27),
])
def test_results_contradicted(prose, match, expected):
    ds = run(report(prose))
    assert [(d.code, d.match) for d in ds] == [("DL231", match)]
    assert ds[0].evidence["expected"] == expected


def test_results_list_forms():
    ds = run(report("予以公开、部分公开分别为22件、6件。"))
    assert [d.code for d in ds] == ["DL231"] and ds[0].evidence["expected"] == 5
    ds = run(report("不予公开、无法提供均为0件。"))
    assert [d.code for d in ds] == ["DL231"]
    assert ds[0].evidence["expected"] == [5, 15] and ds[0].evidence["actual"] == 0


def test_list_form_keywords_do_not_trip_the_filters():
    # the keywords of a 分别 list are masked before the change / past-year filters, as for one count:
    # 往年结转 is the carried-over row, not a past year's figure
    assert run(report("往年结转、本年新收申请分别为3件、57件。")) == []
    ds = run(report("往年结转、本年新收申请分别为3件、58件。"))
    assert [(d.code, d.line, d.column, d.match) for d in ds] == [("DL230", 5, 1, "往年结转、本年新收申请分别为3件、58件")]
    assert ds[0].evidence["expected"] == 57 and ds[0].evidence["actual"] == 58


def test_results_2019_format_other_is_one_row():
    rows = [r for r in S3_2021 if not r[0].startswith("ot")]
    lines = table3().splitlines()[:2]
    v = dict(BASE)
    for key, a, b, c in rows:
        if key == "total":
            lines.append("| | （六）其他处理 | | 3 | 0 | 0 | 0 | 0 | 0 | 3 |")
        lines.append(f"| {a} | {b} | {c} | {v.get(key, 0)} | 0 | 0 | 0 | 0 | 0 | {v.get(key, 0)} |")
    text = report("其他处理3件。予以公开22件。", t3="\n".join(lines),
                  title="江北市某某区某某局2020年政府信息公开工作年度报告")
    assert run(text) == []
    text = text.replace("其他处理3件", "其他处理4件")
    assert [d.code for d in run(text)] == ["DL231"]


def test_blank_total_uses_applicant_columns():
    t3 = table3(blank_total=("open",))
    assert run(report("予以公开22件。", t3=t3)) == []
    ds = run(report("予以公开20件。", t3=t3))
    assert [d.code for d in ds] == ["DL231"]
    assert "按六类申请人之和计算" in ds[0].message


def test_missing_rows_are_not_blamed():
    t3 = table3(omit=("un2", "un3"))
    assert run(report("无法提供12件，予以公开22件。", t3=t3)) == []


def test_unreadable_cell_is_not_blamed():
    t3 = table3().replace("| （一）予以公开 |  | 22 | 0 | 0 | 0 | 0 | 0 | 22 |",
                          "| （一）予以公开 |  | 22 | 0 | 0 | 0 | 0 | 0 | 见附件 |")
    assert "见附件" in t3
    assert run(report("予以公开20件。", t3=t3)) == []


def test_no_tables_nothing_compared():
    text = report("本年新收政府信息公开申请58件，予以公开1件，行政复议9件，均获维持。", t3=False, t4=False)
    assert run(text) == []


# -- DL232: table 四 --------------------------------------------------------------------------------------------

def test_review_litigation_consistent():
    s4 = ("2023年，我局因政府信息公开工作被申请行政复议3件，其中结果维持2件、其他结果1件；被提起行政诉讼3件，其中"
          "未经复议直接起诉2件（结果维持1件、尚未审结1件），复议后起诉1件（结果维持）。")
    assert run(report("全年新收申请57件。", s4_prose=s4)) == []


@pytest.mark.parametrize(("s4", "match", "expected"), [
    ("因政府信息公开被申请行政复议2件。", "行政复议2件", 3),
    ("因政府信息公开被提起行政诉讼2起。", "行政诉讼2起", 3),  # 直接 2 + 复议后 1
    ("因政府信息公开被直接起诉1件。", "直接起诉1件", 2),
    ("因政府信息公开复议后起诉2件。", "复议后起诉2件", 1),
    ("因政府信息公开被申请行政复议3件，其中结果维持3件。", "结果维持3件", 2),
    ("因政府信息公开被提起行政诉讼3件，尚未审结2件。", "尚未审结2件", 1),
])
def test_review_litigation_contradicted(s4, match, expected):
    ds = run(report("全年新收申请57件。", s4_prose=s4))
    assert [(d.code, d.match) for d in ds] == [("DL232", match)]
    assert ds[0].evidence["expected"] == expected and ds[0].evidence["table"] == "表四"


def test_the_parts_of_the_report_counted_are_no_cases():
    # a real report's opening (written anew): its parts listed and counted, 6个部分 — not six review or litigation cases
    prose = ("报告全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、"
             "存在的主要问题及改进措施、其他需要报告的事项6个部分。全年新收申请57件。")
    assert run(report(prose)) == []
    assert [c.number for c in interpret(parse(report(prose))).claims.read([]).claims] == [57]
    # 部分公开 right after a count is still a claim of its own
    assert fired(report("全年新收申请57件，予以公开22件部分公开4件。"), "DL231") != []


def test_review_needs_disclosure_context():
    # outside part 四 a sentence about review cases in general is not about 政府信息公开
    assert run(report("全年办结行政处罚案件120件，被申请行政复议5件。")) == []


def test_reviewing_body_is_another_scope():
    prose = "本局作为复议机关，全年受理涉及政府信息公开的行政复议案件25件。"
    ds = run(report(prose))
    assert [(d.code, d.severity) for d in ds] == [("DL236", "info")]


# -- DL233: 均获维持 ------------------------------------------------------------------------------------------------

def test_all_upheld_contradicted():
    t4 = table4((5, 0, 0, 2, 7, 8, 0, 0, 1, 9, 0, 0, 0, 0, 0))
    ds = run(report("全年新收申请57件。", t4=t4, s4_prose="信息公开类行政复议7件，诉讼9件，均获维持。"))
    assert [d.code for d in ds] == ["DL233"]
    d = ds[0]
    assert d.match == "均获维持"
    assert "尚未审结" in d.message and "为2" in d.message and "为1" in d.message
    assert len(d.evidence["cells"]) == 2


def test_all_upheld_consistent_and_skips():
    t4 = table4((5, 0, 0, 0, 5, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0))
    # only 行政复议 is named: its block is all upheld
    assert run(report("全年新收申请57件。", t4=t4, s4_prose="因政府信息公开被申请行政复议5件，均维持原行政行为。")) == []
    # naming 诉讼 too brings in the pending case
    ds = run(report("全年新收申请57件。", t4=t4,
                    s4_prose="因政府信息公开被申请行政复议5件、被提起行政诉讼1件，全部维持。"))
    assert [d.code for d in ds] == ["DL233"]
    # last year's cases, another scope: not checked
    assert run(report("全年新收申请57件。", t4=t4,
                      s4_prose="2022年因政府信息公开被提起行政诉讼的案件均获维持。全县行政诉讼案件均获维持。")) == []


# -- DL234: none stated ----------------------------------------------------------------------------------------

def test_none_applications_contradicted():
    ds = run(report("本年度，本局未收到政府信息公开申请。"))
    assert [(d.code, d.match) for d in ds] == [("DL234", "未收到政府信息公开申请")]
    ds = run(report("本年度无依申请公开事项。"))
    assert [d.code for d in ds] == ["DL234"]


def test_none_applications_quiet():
    zero = table3({"new": 0, "carried_over": 0, "open": 0, "partial": 0, "no4": 0, "no6": 0, "no7": 0, "un1": 0,
                   "un2": 0, "un3": 0, "np1": 0, "np2": 0, "np5": 0, "ot1": 0, "ot3": 0, "total": 0, "forward": 0})
    assert run(report("本年度，本局未收到政府信息公开申请。", t3=zero)) == []
    for prose in ("除上述申请外，本局未收到其他政府信息公开申请。", "本年度未收到申请人的补正材料。",
                  "2022年，本局未收到政府信息公开申请。", "网上平台未收到政府信息公开申请。",
                  "未发生因政府信息公开产生申请行政复议的情况。"):
        assert [d for d in run(report(prose)) if d.evidence.get("statement") == "none_applications"] == [], prose


def test_none_s4_contradicted_and_quiet():
    ds = run(report("全年新收申请57件。", s4_prose="本年度未发生因政府信息公开引起的行政复议、行政诉讼。"))
    assert [d.code for d in ds] == ["DL234"]
    assert "“行政复议”总计为3" in ds[0].message and "“未经复议直接起诉”总计为2" in ds[0].message
    zero = table4((0,) * 15)
    assert run(report("全年新收申请57件。", t4=zero, s4_prose="本年度未发生因政府信息公开引起的行政复议、行政诉讼。")) == []
    # only litigation is denied, and there is none of it
    only_review = table4((1, 0, 0, 0, 1) + (0,) * 10)
    assert run(report("全年新收申请57件。", t4=only_review, s4_prose="本年度未被提起行政诉讼。")) == []
    for s4 in ("未经复议直接起诉2件，复议后起诉1件。", "未发生行政复议被纠错、行政诉讼败诉的情况。",
               "对答复不服的，可依法申请行政复议或者提起行政诉讼。"):
        assert [d.code for d in run(report("全年新收申请57件。", s4_prose=s4)) if d.code == "DL234"] == [], s4


# -- DL235: percentages ----------------------------------------------------------------------------------------

PCT_T3 = table3({"open": 272, "partial": 3, "no1": 35, "no4": 0, "no6": 0, "no7": 0, "un1": 265, "un2": 47,
                 "un3": 25, "np1": 158, "np2": 0, "np5": 0, "ot1": 0, "ot3": 0, "total": 805, "new": 800,
                 "carried_over": 10, "forward": 5})


def test_percentage_truncated_is_flagged():
    ds = run(report("全年办结805件，其中不予公开35件，占4.34%。", t3=PCT_T3))
    assert [d.code for d in ds] == ["DL235"]
    d = ds[0]
    assert d.evidence["expected"] == "4.35%" and d.evidence["actual"] == "4.34%"
    assert d.evidence["numerator"] == 35 and d.evidence["denominator"] == 805
    assert "按表三35÷805（分母为“（七）总计”）≈4.3478%，" in d.message  # two places more than written


def test_percentage_formula_is_readable():
    # an exact quotient without trailing zeros (it was 50.0000%), the denominator's name not in doubled brackets
    # (it was 12÷24（（七）总计）)
    t3 = table3({"open": 12, "partial": 3, "no4": 0, "no6": 0, "no7": 0, "un1": 5, "un2": 1, "un3": 0, "np1": 1,
                 "np2": 0, "np5": 0, "ot1": 0, "ot3": 2, "total": 24, "new": 23, "carried_over": 2, "forward": 1})
    ds = run(report("全年办结24件，其中予以公开12件，占60%。", t3=t3))
    assert [d.code for d in ds] == ["DL235"]
    assert "按表三12÷24（分母为“（七）总计”）=50%，按所写精度应为50%" in ds[0].message
    assert "（（" not in ds[0].message and "0000" not in ds[0].message


@pytest.mark.parametrize("pct", ["4.35%", "4.3%", "4%", "4.348%"])
def test_percentage_correct(pct):
    assert run(report(f"全年办结805件，其中不予公开35件，占{pct}。", t3=PCT_T3)) == []


def test_percentage_one_decimal_wrong():
    # 35 ÷ 805 = 4.35%, ÷ 810 = 4.32%, ÷ 800 = 4.375%: 4.3% and 4.4% both fit some total, 4.5% none
    assert [d.code for d in run(report("其中不予公开35件，占4.5%。", t3=PCT_T3))] == ["DL235"]


def test_percentage_truncation_option():
    cfg = {"options": {"DL235": {"allow_truncation": True}}}
    assert run(report("其中不予公开35件，占4.34%。", t3=PCT_T3), config=cfg) == []


def test_percentage_half_even_option():
    # 1 ÷ 8 = 12.5%: 四舍五入 13%, 五成双 12%
    t3 = table3({"open": 1, "partial": 7, "no4": 0, "no6": 0, "no7": 0, "un1": 0, "un2": 0, "un3": 0, "np1": 0,
                 "np2": 0, "np5": 0, "ot1": 0, "ot3": 0, "total": 8, "new": 9, "carried_over": 3, "forward": 4})
    text = report("予以公开1件，占12%。", t3=t3)
    assert run(text) == []
    assert [d.code for d in run(text, config={"options": {"DL235": {"allow_half_even": False}}})] == ["DL235"]


def test_percentage_other_denominators_and_combined():
    # 予以公开及部分公开 275 ÷ 805 = 34.16%; ÷ (800 + 10) = 33.95%
    assert run(report("予以公开及部分公开275件，占34.2%。", t3=PCT_T3)) == []
    assert run(report("予以公开及部分公开275件，占申请总数的34.0%。", t3=PCT_T3)) == []
    ds = run(report("予以公开及部分公开275件，占33.9%。", t3=PCT_T3))
    assert [d.code for d in ds] == ["DL235"] and ds[0].evidence["expected"] == "34.2%"


def test_percentage_follows_prose_count_reported_once():
    # 258 is wrong (table: 275) but 258 ÷ 805 = 32.0%: only the count is reported
    ds = run(report("予以公开及部分公开258件，占32.0%。", t3=PCT_T3))
    assert [d.code for d in ds] == ["DL231"]


def test_percentage_approximate_not_checked():
    assert run(report("其中不予公开35件，约占4%。予以公开272件，比例接近三分之一。", t3=PCT_T3)) == []


def test_percent_ok_function():
    assert percent_ok(Decimal("4.35"), Decimal(35), Decimal(805))
    assert not percent_ok(Decimal("4.34"), Decimal(35), Decimal(805))
    assert percent_ok(Decimal("4.34"), Decimal(35), Decimal(805), truncation=True)
    assert percent_ok(Decimal("12"), Decimal(1), Decimal(8))
    assert not percent_ok(Decimal("12"), Decimal(1), Decimal(8), half_even=False)
    assert percent_ok(Decimal("13"), Decimal(1), Decimal(8), half_even=False)


# -- DL236: scope ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("prose", "qualifier"), [
    ("区政府办代表区政府受理政府信息公开申请17件，均已按期答复。", "区政府办"),
    ("2023年，全区共收到政府信息公开申请95件。", "全区"),
    ("收到政府信息公开申请57件，其中区政府办公室收到申请17件。", "区政府办公室"),
    ("各部门共办结政府信息公开申请120件。", "各部门"),
    ("通过网上申请平台新收政府信息公开申请30件。", "网上"),
    ("本年新收申请57件，其中通过信函方式新收20件。", "信函"),
])
def test_scope_lowered_to_info(prose, qualifier):
    ds = run(report(prose))
    assert [(d.code, d.severity) for d in ds] == [("DL236", "info")], prose
    assert ds[0].evidence["scope_qualifier"] == qualifier
    assert "口径可能不同" in ds[0].message


def test_scope_same_numbers_quiet():
    assert run(report("2023年，全区共收到政府信息公开申请57件，办结56件。")) == []


def test_qizhong_followed_by_a_claim_is_the_same_scope():
    ds = run(report("全年办结申请56件，其中予以公开21件。"))
    assert [d.code for d in ds] == ["DL231"]


def test_scope_rule_can_be_disabled_separately():
    text = report("区政府办代表区政府受理政府信息公开申请17件。")
    assert run(text, codes=["DL230"]) == []


# -- text format -------------------------------------------------------------------------------------------------

TEXT_REPORT = """\
江北市某某区某某局2023年政府信息公开工作年度报告
一、总体情况
本年度新受理政府信息公开申请{new}件，全年答复11件，予以公开6件。
三、收到和处理政府信息公开申请情况
项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计
一、本年新收政府信息公开申请数量 | 12 | 0 | 0 | 0 | 0 | 0 | 12
（一）予以公开 | 6 | 0 | 0 | 0 | 0 | 0 | 6
（七）总计 | 11 | 0 | 0 | 0 | 0 | 0 | 11
"""


def test_text_format():
    assert run(TEXT_REPORT.format(new=12), fmt="text") == []
    ds = run(TEXT_REPORT.format(new=13), fmt="text")
    assert [(d.code, d.match, d.line) for d in ds] == [("DL230", "本年度新受理政府信息公开申请13件", 3)]


# -- the prose reader itself ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("s", "n"), [("三", 3), ("十", 10), ("十二", 12), ("二十", 20), ("一百零五", 105),
                                      ("两千", 2000), ("二三", None), ("", None)])
def test_cn_int(s, n):
    assert cn_int(s) == n


def _claims(prose: str, year: int = 2023):
    r = interpret(parse(f"# 某某局{year}年政府信息公开工作年度报告\n\n{prose}\n"), Overrides(year=year))
    return [("+".join(c.metrics), c.number, c.scope, c.ambiguous) for c in r.claims.claims]


def test_reader_forms():
    assert _claims("答复3050件（含上年度结转申请34件，另有103件顺延到下年度答复）。") == [
        ("handled", 3050, None, False), ("carried_over", 34, None, False), ("carried_forward", 103, None, False)]
    assert _claims("今年以来共处理依申请公开92件，其中本年度新接收91件，2022年结转办理1件。除4件转结2024年办理以外，均已答复。") == [
        ("new", 91, None, False), ("carried_over", 1, None, False), ("carried_forward", 4, None, False)]
    assert _claims("新受理政府信息公开申请10件，上年转结政府信息公开申请0件，全年办结0件，转下一年办理0件。") == [
        ("new", 10, None, False), ("carried_over", 0, None, False), ("handled", 0, None, False),
        ("carried_forward", 0, None, False)]
    assert _claims("因政府信息公开引起的行政复议和行政诉讼均为0件。") == [("review+litigation", 0, None, False)]


def test_reader_skips():
    assert _claims("2022年收到申请45件。较上年增加12件。上半年收到申请20件。收到申请50余件。约收到申请50件。") == []
    assert _claims("通过15个工作日内答复的方式办理。规章第3条规定。") == []


def test_reader_hard_wrapped_markdown():
    assert _claims("本年新收政府信息公开申请\n57件，上年结转3件。") == [("new", 57, None, False),
                                                              ("carried_over", 3, None, False)]


def test_wider_number_before_qizhong_disclosure():
    # all review cases, of which 3 concern 政府信息公开: the first number is not the table's
    ds = run(report("全年新收申请57件。", s4_prose="本年度被申请行政复议10件，其中涉及政府信息公开3件。"))
    assert [(d.code, d.severity) for d in ds] == [("DL236", "info")]


def test_non_application_gaps():
    prose = "予以公开的政府信息主要涉及征地拆迁和企业登记等共计15条。全年办结行政处罚案件120件。"
    assert run(report(prose)) == []


def test_unknown_report_year_skips_dated_numbers():
    text = report("2022年收到政府信息公开申请45件。本年新收政府信息公开申请58件。",
                  title="江北市某某区某某局政府信息公开工作年度报告")
    ds = run(text)
    assert [d.match for d in ds] == ["本年新收政府信息公开申请58件"]


def test_table_own_total_wrong_is_not_the_prose_fault():
    # 予以公开 row: applicants sum to 22 but its 总计 says 23 (DL202 reports the row); prose 22 is not blamed
    t3 = table3().replace("| （一）予以公开 |  | 22 | 0 | 0 | 0 | 0 | 0 | 22 |",
                          "| （一）予以公开 |  | 22 | 0 | 0 | 0 | 0 | 0 | 23 |")
    assert "| 23 |" in t3
    assert run(report("予以公开22件。", t3=t3)) == []
    assert [d.code for d in run(report("予以公开21件。", t3=t3))] == ["DL231"]


def test_keyword_gate_finds_what_the_plain_alternation_finds():
    import re

    from disclosure_lint.report import claim_keywords as tvt

    plain = re.compile(tvt.KEYWORD_ALTERNATION)
    texts = [(ROOT / "examples" / "clean-2023.md").read_text(encoding="utf-8"),
             Path(__file__).read_text(encoding="utf-8")]
    texts += [f.read_text(encoding="utf-8") for f in sorted(EXCERPTS.glob("*.txt"))] if EXCERPTS.is_dir() else []
    for text in texts:
        assert [(m.span(), m.lastgroup) for m in tvt.KEYWORD.finditer(text)] == \
               [(m.span(), m.lastgroup) for m in plain.finditer(text)]


def test_a_report_with_several_contradictions():
    """Modelled on a real defect pattern (our own wording): one column copied, one sub-item copied, a truncated
    percentage and “均获维持” with pending cases."""
    prose = ("全年办结申请805件。予以公开及部分公开258件，占34.2%；不予公开35件，占4.34%；"
             "因本机关不掌握等原因无法提供265件；不予处理158件。")
    t4 = table4((5, 0, 0, 2, 7, 8, 0, 0, 1, 9, 0, 0, 0, 0, 0))
    ds = run(report(prose, t3=PCT_T3, t4=t4, s4_prose="因政府信息公开被申请行政复议7件，被提起诉讼9件，均获维持。"))
    got = [(d.code, d.match) for d in ds]
    assert ("DL231", "予以公开及部分公开258件") in got
    assert ("DL231", "无法提供265件") in got
    assert ("DL235", "不予公开35件，占4.34%") in got
    assert ("DL233", "均获维持") in got
    assert ("DL231", "不予处理158件") not in got  # 158 is right
    assert all(d.severity == "warning" for d in ds)


def test_percentage_without_count():
    assert run(report("予以公开的比例为33.8%，予以公开和部分公开占比34.2%。", t3=PCT_T3)) == []  # 272÷805, 275÷805
    ds = run(report("予以公开和部分公开的比例为35.2%。", t3=PCT_T3))
    assert [(d.code, d.evidence["expected"]) for d in ds] == [("DL235", "34.2%")]
    assert run(report("2022年予以公开的比例为35.2%。", t3=PCT_T3)) == []


@pytest.mark.parametrize("prose", ["本年度本局没有收到政府信息公开申请。", "本年度政府信息公开申请为零。",
                                   "2023年依申请公开数量为0。"])
def test_none_applications_forms(prose):
    assert [d.code for d in run(report(prose))] == ["DL234"]


def test_none_applications_not_reviews():
    assert [d for d in run(report("本年度行政复议申请为零。")) if d.evidence.get("statement") == "none_applications"] == []


def test_report_analyses_do_not_keep_the_report_alive():
    """The cached analyses (claims, table-二 figures, metrics, repeats …) do not refer back to the report: a report
    checked and dropped is freed at once, not when the cyclic collector runs."""
    import gc
    import weakref

    gc.collect()
    gc.disable()
    try:
        r = interpret(parse(report("全年共收到申请60件，其中予以公开23件。本年制发规章1件。")), Overrides(year=2023))
        claims, figures = r.claims, r.proactive_claims
        assert claims.claims and r.metrics.value("new") is not None and r.repeats is not None and r.prose_sums == []
        ref = weakref.ref(r)
        del r
        assert ref() is None
        assert claims.read() is claims.read() and len(figures) == 1  # the members outlive the report
    finally:
        gc.enable()
