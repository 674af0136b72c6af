"""Statistics identity rules (DL201–DL210).

Two layers of tests:

* hand-built :class:`StatTable` objects injected into a report (``report.stats``), so the
  arithmetic, the blame analysis and the skip logic are tested independently of the
  extractor;
* Markdown and text reports run end to end through the reader, the extractor and the engine.
"""

from __future__ import annotations

import pytest

from disclosure_lint.config import Config
from disclosure_lint.engine import prepare, run
from disclosure_lint.model import Cell
from disclosure_lint.packs import load_rules
from disclosure_lint.report import Overrides, interpret
from disclosure_lint.report.stats.model import StatCell, StatTable, Unmapped, parse_value
from disclosure_lint.report.stats.schema import S3_COLS, S4_COLS, schema

from .conftest import parse

STAT_CODES = ["DL201", "DL202", "DL203", "DL204", "DL205", "DL206", "DL207", "DL208", "DL209", "DL210"]

# -- hand-built tables ---------------------------------------------------------------------------

# 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计 — a consistent table 三.
BASE_S3 = {
    "new": [3, 1, 0, 0, 0, 0, 4],
    "carried_over": [1, 0, 0, 0, 0, 0, 1],
    "result.open": [2, 1, 0, 0, 0, 0, 3],
    "result.partial": [1, 0, 0, 0, 0, 0, 1],
    "result.unavailable.not_held": [1, 0, 0, 0, 0, 0, 1],
    "result.total": [4, 1, 0, 0, 0, 0, 5],
    "carried_forward": [0, 0, 0, 0, 0, 0, 0],
}


def s3_rows(**changes) -> dict[str, list]:
    """BASE_S3 with some cells changed: ``s3_rows(new={0: 4})`` sets 本年新收 自然人 to 4."""
    rows = {k: list(v) for k, v in BASE_S3.items()}
    for row, cols in changes.items():
        row = row.replace("__", ".")
        rows.setdefault(row, [0] * 7)
        for j, v in cols.items():
            rows[row][j] = v
    return rows


SKELETON = """\
# 某某市某某区某某局2023年政府信息公开工作年度报告

## 一、总体情况

本局全年主动公开政府信息120条。

## 二、主动公开政府信息情况

| 信息内容 | 本年制发件数 |
|---|---|
| 规章 | 0 |

## 三、收到和处理政府信息公开申请情况

| 项目 | 自然人 |
|---|---|
| 本年新收 | 0 |

## 四、政府信息公开行政复议、行政诉讼情况

| 行政复议 | 结果维持 |
|---|---|
| 总计 | 0 |

## 五、存在的主要问题及改进情况

一是公开内容不够全面。

## 六、其他需要报告的事项

无。
"""


def _table_blocks(doc):
    return [b for b in doc.blocks if b.kind == "table"]


def make_table(tid: str, version: str, rows: dict[str, list], cols, block=None, first_line: int = 100,
               layout: str = "grid", drop: tuple = ()) -> StatTable:
    sch = schema(tid, version)
    t = StatTable(tid, sch, version if tid != "s4" else None, blocks=[block] if block else [], layout=layout)
    for i, (row, values) in enumerate(rows.items()):
        label = sch.row_by_id[row].label if row in sch.row_by_id else row
        t.row_labels[row] = label
        for j, col in enumerate(cols):
            if (row, col) in drop or j >= len(values):
                continue
            raw = "" if values[j] is None else str(values[j])
            cell = Cell(raw, i + 1, j + 1, line=first_line + i, column=10 + 6 * j)
            col_label = sch.col_by_id[col].label if col in sch.col_by_id else col
            t.col_labels.setdefault(col, col_label)
            t.cells[(row, col)] = StatCell(tid, row, col, raw, parse_value(raw), label, col_label, block, cell)
    return t


def s3_table(rows=None, version="2021", block=None, full=True, **kw) -> StatTable:
    rows = rows if rows is not None else s3_rows()
    if full:  # every data row of the schema, zeros where not given
        rows = {r.id: rows.get(r.id, [0] * 7) for r in schema("s3", version).data_rows()}
    return make_table("s3", version, rows, [c.id for c in S3_COLS], block, **kw)


def s4_table(values=None, block=None, **kw) -> StatTable:
    values = values if values is not None else [2, 0, 1, 0, 3, 1, 0, 0, 1, 2, 1, 0, 0, 0, 1]
    return make_table("s4", "2021", {"cases": values}, [c.id for c in S4_COLS], block, first_line=200, **kw)


def s2_table(rows: dict[str, list], version="2021", block=None, **kw) -> StatTable:
    sch = schema("s2", version)
    cols = [c.id for c in sch.cols]
    full = {}
    for r, vals in rows.items():
        # vals are given for the row's own columns; place them under those columns
        own = sch.cols_of(r)
        full[r] = [vals[own.index(c)] if c in own and own.index(c) < len(vals) else None for c in cols]
    t = make_table("s2", version, full, cols, block, first_line=50, **kw)
    # cells of columns a row does not have are not part of the table
    for (r, c) in list(t.cells):
        if c not in sch.cols_of(r):
            del t.cells[(r, c)]
    return t


def run_stats(tables: dict, select=None, year=2023, agency=None, agency_kind=None, config=None, text=SKELETON):
    """Lint SKELETON with ``report.stats`` replaced by hand-built tables."""
    cfg = Config.model_validate(config or {})
    cfg = cfg.model_copy(update={"select": select or STAT_CODES})
    doc = parse(text)
    report = interpret(doc, Overrides(year=year, agency=agency, agency_kind=agency_kind))
    blocks = _table_blocks(doc)
    pos = {"s2": 0, "s3": 1, "s4": 2}
    built = {}
    for tid, t in tables.items():
        if not t.blocks and len(blocks) > pos[tid]:
            t.blocks = [blocks[pos[tid]]]
            for k, c in list(t.cells.items()):
                t.cells[k] = StatCell(c.table, c.row, c.col, c.raw, c.value, c.row_label, c.col_label,
                                      blocks[pos[tid]], c.cell)
        built[tid] = t
    report.__dict__["stats"] = built
    return run(report, prepare(load_rules(), cfg))


def by_code(diags, code):
    return [d for d in diags if d.code == code]


# -- consistent tables: quiet ---------------------------------------------------------------------

@pytest.mark.parametrize("version", ["2019", "2021"])
def test_consistent_tables_are_quiet(version):
    diags = run_stats({"s3": s3_table(version=version), "s4": s4_table()}, year=2019 if version == "2019" else 2023)
    assert diags == []


def test_no_tables_no_findings():
    assert run_stats({}) == []


# -- DL201 (I1) -----------------------------------------------------------------------------------

def test_i1_message_and_evidence():
    # 一 + 二 = 4 + 1 = 5 but （七）总计 4 + 四 0 = 4 in the 自然人 column, and the row totals agree
    rows = s3_rows(new={0: 4, 6: 5}, result__total={})
    diags = run_stats({"s3": s3_table(rows)}, select=["DL201"])
    assert [d.evidence["column"] for d in diags] == ["natural_person", "total"]
    d = diags[0]
    assert d.severity == "error"
    assert "“自然人”列" in d.message
    assert "第一项加第二项之和，等于第三项加第四项之和" in d.message
    assert "本年新收4 + 上年结转1 = 5，但办理结果总计4 + 结转下年度0 = 4" in d.message
    ev = d.evidence
    assert ev["identity"] == "I1" and ev["column"] == "natural_person" and ev["column_label"] == "自然人"
    assert (ev["lhs"], ev["rhs"], ev["delta"]) == (5, 4, 1)
    # position: the （七）总计 cell of the column
    assert ev["position"]["row"] == "result.total"
    assert (ev["expected"], ev["actual"]) == (5, 4)
    assert {c["pointer"] for c in ev["cells"]} == {
        "表三 › 一、本年新收政府信息公开申请数量 › 自然人", "表三 › 二、上年结转政府信息公开申请数量 › 自然人",
        "表三 › （七）总计 › 自然人", "表三 › 四、结转下年度继续办理 › 自然人"}
    total_row = list(schema("s3", "2021").data_rows()).index(schema("s3", "2021").row_by_id["result.total"])
    assert d.line == 100 + total_row and d.column == 10
    assert d.pointer.endswith("表三 › （七）总计 › 自然人")
    # the total column holds too (5 ≠ 4 there as well): two columns, two findings, each its own key
    assert len({d.fingerprint for d in diags}) == len(diags)


def test_i1_total_column_and_blanks_count_as_zero():
    rows = s3_rows(carried_forward={0: None, 6: None})
    assert run_stats({"s3": s3_table(rows)}) == []


# -- DL202 (I2) -----------------------------------------------------------------------------------

def test_i2_row_total_wrong_without_other_identities():
    # 本年新收 总计 6 (should be 4) — the total column's I1 breaks too, so the cell is in two
    # violated identities: with the blame rule off, both identity rules report
    rows = s3_rows(new={6: 6})
    diags = run_stats({"s3": s3_table(rows)}, select=["DL202"])
    (d,) = diags
    assert "“一、本年新收政府信息公开申请数量”行" in d.message
    assert "总计为6，但六类申请人之和为4（自然人3 + 商业企业1，其余为0）" in d.message
    assert (d.evidence["expected"], d.evidence["actual"]) == (4, 6)
    assert d.evidence["row"] == "new"


def test_i2_every_data_row():
    # a result row where two cells compensate in I3 but not in I2: the 法律服务机构 cell of 予以公开
    rows = s3_rows(result__open={4: 2})
    diags = run_stats({"s3": s3_table(rows)}, select=["DL202", "DL203"])
    assert {d.code for d in diags} == {"DL202", "DL203"}


# -- DL203 (I3) -----------------------------------------------------------------------------------

@pytest.mark.parametrize("version,row", [("2019", "result.other"), ("2021", "result.other.other")])
def test_i3_other_row_by_version(version, row):
    # （六）其他处理 is one row in 2019, three sub-rows in 2021; a number there must be in the total
    rows = s3_rows(**{row.replace(".", "__"): {0: 1, 6: 1}})
    diags = run_stats({"s3": s3_table(rows, version=version)}, select=["DL203"],
                      year=2019 if version == "2019" else 2023)
    assert [d.evidence["column"] for d in diags] == ["natural_person", "total"]
    assert "（七）总计为4，但各项办理结果之和为5" in diags[0].message
    assert "其他处理" in diags[0].message


def test_i3_2021_row_ignored_in_2019_schema():
    # the 2019 schema has no sub-rows under （六）: their cells are not part of its identity
    rows = s3_rows()
    t = s3_table(rows, version="2019")
    assert run_stats({"s3": t}, year=2019) == []


# -- DL204 (I4) -----------------------------------------------------------------------------------

def test_i4_each_block():
    values = [2, 0, 1, 0, 4, 1, 0, 0, 1, 2, 1, 0, 0, 0, 0]  # 复议 total 4 ≠ 3; 复议后起诉 total 0 ≠ 1
    diags = run_stats({"s4": s4_table(values)}, select=["DL204"])
    assert [d.evidence["block"] for d in diags] == ["review", "after_review"]
    d = diags[0]
    assert d.message.startswith("表四“行政复议”")
    assert "总计为4，但四种结果之和为3（结果维持2 + 其他结果1，其余为0）" in d.message
    assert (d.evidence["expected"], d.evidence["actual"]) == (3, 4)
    assert d.evidence["position"]["column"] == "review.total"


def test_i4_consistent():
    assert run_stats({"s4": s4_table()}, select=["DL204"]) == []


# -- DL210 cell blame -----------------------------------------------------------------------------

def test_one_wrong_cell_one_finding():
    # 本年新收 自然人 written 4 instead of 3: I1(自然人) and I2(本年新收) both break
    rows = s3_rows(new={0: 4})
    diags = run_stats({"s3": s3_table(rows)})
    assert [d.code for d in diags] == ["DL210"]
    d = diags[0]
    assert d.severity == "error"
    assert "“一、本年新收政府信息公开申请数量”行“自然人”列的数字4可能有误" in d.message
    assert "改为3" in d.message and "2项" in d.message
    ev = d.evidence
    assert (ev["expected"], ev["actual"], ev["delta"]) == (3, 4, -1)
    assert ev["pointer"] == "表三 › 一、本年新收政府信息公开申请数量 › 自然人"
    assert sorted(i["identity"] for i in ev["identities"]) == ["I1", "I2"]
    assert d.line == 100 and d.column == 10  # the 本年新收 row, 自然人 column


def test_wrong_grand_total_breaks_three_identities():
    # （七）总计 × 总计 written 6 instead of 5: I1(总计), I3(总计) and I2(（七）总计) break
    rows = s3_rows(result__total={6: 6})
    diags = run_stats({"s3": s3_table(rows)})
    assert [d.code for d in diags] == ["DL210"]
    assert diags[0].evidence["row"] == "result.total" and diags[0].evidence["column"] == "total"
    assert "3项" in diags[0].message and "改为5" in diags[0].message


def test_wrong_result_cell_blamed():
    rows = s3_rows(result__partial={1: 1})  # 部分公开 商业企业 1: I3(商业企业), I2(部分公开)
    diags = run_stats({"s3": s3_table(rows)})
    assert [d.code for d in diags] == ["DL210"]
    assert diags[0].evidence["row"] == "result.partial" and diags[0].evidence["expected"] == 0


def test_blame_rule_off_reports_identities():
    rows = s3_rows(new={0: 4})
    diags = run_stats({"s3": s3_table(rows)}, select=["DL201", "DL202"])
    assert sorted(d.code for d in diags) == ["DL201", "DL202"]
    diags = run_stats({"s3": s3_table(rows)}, config={"ignore": ["DL210"]})
    assert sorted(d.code for d in diags) == ["DL201", "DL202"]


def test_two_wrong_cells_two_blames():
    rows = s3_rows(new={0: 4}, result__partial={1: 1})
    diags = run_stats({"s3": s3_table(rows)})
    assert [d.code for d in diags] == ["DL210", "DL210"]
    assert {(d.evidence["row"], d.evidence["column"]) for d in diags} == {
        ("new", "natural_person"), ("result.partial", "commercial")}


def test_two_errors_in_one_row_are_not_blamed():
    # two cells of one row wrong: no single correction explains it — identities reported as they are
    rows = s3_rows(new={0: 4, 1: 2})
    diags = run_stats({"s3": s3_table(rows)})
    assert "DL210" not in [d.code for d in diags]
    assert sorted(d.code for d in diags) == ["DL201", "DL201", "DL202"]


def test_no_blame_when_correction_would_break_a_holding_identity():
    # only the row total is off, but the total column's I1 still holds (new total also off in the
    # other direction in 上年结转): no cell explains both, findings stay separate
    rows = s3_rows(new={6: 5}, carried_over={6: 0})
    diags = run_stats({"s3": s3_table(rows)})
    assert "DL210" not in [d.code for d in diags]
    assert sorted(d.code for d in diags) == ["DL202", "DL202"]


# -- parse failures are never the report's fault ------------------------------------------------

def test_missing_row_skips_identities_that_need_it():
    rows = s3_rows(new={0: 4})
    t = s3_table(rows)
    for col in [c.id for c in S3_COLS]:
        del t.cells[("carried_over", col)]  # the 上年结转 row was not read
    diags = run_stats({"s3": t})
    # I1 needs 上年结转: skipped; I2 of 本年新收 still checkable
    assert [d.code for d in diags] == ["DL202"]


def test_unmapped_row_skips_column_sums():
    rows = s3_rows(result__open={0: 3, 6: 4})  # I3 would break in 自然人 and 总计 columns
    t = s3_table(rows)
    t.unmapped.append(Unmapped("（八）撤回申请", "row"))
    t.cells[("result.total", "natural_person")]  # present
    diags = run_stats({"s3": t})
    assert "DL203" not in [d.code for d in diags]


def test_unmapped_column_skips_row_sums():
    rows = s3_rows(new={6: 6})
    t = s3_table(rows)
    t.unmapped.append(Unmapped("个体工商户", "col"))
    diags = run_stats({"s3": t}, select=["DL202"])
    assert diags == []


def test_missing_cell_skips():
    t = s3_table(s3_rows(new={6: 6}), drop=(("new", "other_org"),))
    assert run_stats({"s3": t}, select=["DL202"]) == []


def test_image_table_skipped():
    t = s3_table(s3_rows(new={6: 6}), layout="image")
    assert run_stats({"s3": t}) == []


def test_text_cell_skips_identity_and_is_reported():
    rows = s3_rows(new={0: "若干"})
    diags = run_stats({"s3": s3_table(rows)})
    assert [d.code for d in diags] == ["DL205"]
    d = diags[0]
    assert "“若干”不是数字" in d.message and d.evidence["actual"] == "若干"


# -- DL205 values ---------------------------------------------------------------------------------

def test_negative_and_fractional_counts():
    rows = s3_rows(carried_forward={2: -1, 3: 1})  # compensate in the row total so I2 holds
    diags = run_stats({"s3": s3_table(rows)}, select=["DL205"])
    assert [d.evidence["column"] for d in diags] == ["research"]
    assert "数量不能为负数" in diags[0].message
    rows = s3_rows(carried_forward={2: "0.5", 3: "-0.5"})
    diags = run_stats({"s3": s3_table(rows)}, select=["DL205"])
    assert [d.message.split("填写的")[1] for d in diags] == ["“0.5”数量应为整数", "“-0.5”数量不能为负数"]


def test_table_two_amounts_and_changes():
    t21 = s2_table({"rules": [0, 0, 0], "normative_docs": [3, 1, 12], "licensing": [5], "penalty": [2],
                    "coercion": [0], "fees": ["12.5"]})
    assert run_stats({"s2": t21}, select=["DL205"]) == []
    t21 = s2_table({"rules": [0, 0, 0], "normative_docs": [3, 1, 12], "licensing": [5], "penalty": ["-2"],
                    "coercion": [0], "fees": ["-3"]})
    msgs = [d.message for d in run_stats({"s2": t21}, select=["DL205"])]
    assert any("数量不能为负数" in m for m in msgs) and any("金额不能为负数" in m for m in msgs)
    t19 = s2_table({"rules": [0, 0, 0], "normative_docs": [2, 2, 10], "licensing": [10, "-8", 4],
                    "procurement": [3, "251000元"]}, version="2019")
    assert run_stats({"s2": t19}, year=2019, select=["DL205"]) == []


def test_placeholders_are_not_value_errors():
    rows = s3_rows(carried_forward={0: "/", 1: "—", 2: "无", 3: ""})
    assert run_stats({"s3": s3_table(rows)}, select=["DL205"]) == []


# -- DL206 table 二 2019 --------------------------------------------------------------------------

def test_new_published_exceeds_total():
    t = s2_table({"rules": [0, 0, 0], "normative_docs": [5, 5, 3]}, version="2019")
    (d,) = run_stats({"s2": t}, year=2019, select=["DL206"])
    assert "本年新公开数量5大于对外公开总数量3" in d.message
    assert d.evidence["row"] == "normative_docs" and d.evidence["actual"] == 3
    t = s2_table({"rules": [0, 0, 0], "normative_docs": [5, 5, 30]}, version="2019")
    assert run_stats({"s2": t}, year=2019, select=["DL206"]) == []


def test_dl206_only_2019():
    t = s2_table({"rules": [0, 0, 0], "normative_docs": [5, 5, 3]})
    assert run_stats({"s2": t}, select=["DL206"]) == []


# -- DL207 规章 ----------------------------------------------------------------------------------

RULES_ROW = {"rules": [1, 0, 4], "normative_docs": [3, 1, 12]}


@pytest.mark.parametrize("agency,fires", [
    ("某某市某某区某某局", True),
    ("某某县人民政府", True),
    ("某某市某某区人民政府办公室", True),
    ("某某省人民政府", False),
    ("某某市人民政府", False),
    ("某某省人民政府办公厅", False),
    ("国家某某局", False),
])
def test_rules_power(agency, fires):
    diags = run_stats({"s2": s2_table(RULES_ROW)}, select=["DL207"], agency=agency)
    assert bool(diags) == fires
    if fires:
        assert diags[0].severity == "info"
        assert "本年制发件数1、现行有效件数4" in diags[0].message


def test_rules_power_zero_and_option():
    zero = {"rules": [0, 0, 0], "normative_docs": [3, 1, 12]}
    assert run_stats({"s2": s2_table(zero)}, select=["DL207"], agency="某某县人民政府") == []
    cfg = {"options": {"DL207": {"rule_making_kinds": ["province_government", "city_government",
                                                        "county_government"]}}}
    assert run_stats({"s2": s2_table(RULES_ROW)}, select=["DL207"], agency="某某县人民政府", config=cfg) == []


def test_rules_power_unknown_agency_quiet():
    assert run_stats({"s2": s2_table(RULES_ROW)}, select=["DL207"],
                     text=SKELETON.replace("某某市某某区某某局", "")) == []


# -- DL208 blank totals ----------------------------------------------------------------------------

def test_blank_totals_one_finding_per_table():
    rows = s3_rows(new={6: None}, result__open={6: None}, result__total={6: None})
    diags = run_stats({"s3": s3_table(rows)})
    assert [d.code for d in diags] == ["DL208"]
    d = diags[0]
    assert d.severity == "warning"
    assert "3个合计单元格未填数字" in d.message
    assert "“（七）总计”行总计（各项之和为5）" in d.message
    assert "“本年新收”行总计（各项之和为4）" in d.message
    assert len(d.evidence["cells"]) == 3


def test_blank_total_with_zero_parts_is_fine():
    rows = s3_rows(carried_forward={6: None})
    assert run_stats({"s3": s3_table(rows)}) == []


def test_blank_total_placeholder_option():
    rows = s3_rows(new={6: "/"})
    assert [d.code for d in run_stats({"s3": s3_table(rows)})] == ["DL208"]
    cfg = {"options": {"DL208": {"include_placeholders": False}}}
    assert run_stats({"s3": s3_table(rows)}, config=cfg) == []


def test_blank_total_never_an_identity_error_even_when_dl208_off():
    rows = s3_rows(new={6: None})
    assert run_stats({"s3": s3_table(rows)}, config={"ignore": ["DL208"]}) == []


def test_blank_total_table_four():
    diags = run_stats({"s4": s4_table([2, 0, 1, 0, None, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])})
    assert [d.code for d in diags] == ["DL208"]
    assert "“行政复议·总计”（各项之和为3）" in diags[0].message


# -- DL209 unfilled -------------------------------------------------------------------------------

def test_unfilled_tables_one_finding():
    blank3 = s3_table({r.id: [None] * 7 for r in schema("s3", "2021").data_rows()})
    blank4 = s4_table([None] * 15)
    diags = run_stats({"s3": blank3, "s4": blank4})
    assert [d.code for d in diags] == ["DL209"]
    assert "表三（收到和处理政府信息公开申请情况）、表四（政府信息公开行政复议、行政诉讼情况）" in diags[0].message
    assert diags[0].severity == "error"


def test_zeros_and_placeholders_are_filled():
    zeros = s3_table({r.id: [0] * 7 for r in schema("s3", "2021").data_rows()})
    dashes = s4_table(["—"] * 15)
    assert run_stats({"s3": zeros, "s4": dashes}, select=["DL209"]) == []


def test_unfilled_flat_table_without_cells():
    t = StatTable("s3", schema("s3", "2019"), "2019", layout="flat")
    assert [d.code for d in run_stats({"s3": t}, year=2019, select=["DL209"])] == ["DL209"]
    t.unmapped.append(Unmapped("奇怪的行", "row"))
    assert run_stats({"s3": t}, year=2019, select=["DL209"]) == []


# == end to end: Markdown and text reports through the reader and the extractor =================

S3_HEAD = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "", "自然人", "商业企业", "科研机构",
           "社会公益组织", "法律服务机构", "其他", "总计"]


def s3_grid(rows: dict[str, list], version="2021") -> list[list[str]]:
    """Table 三 in the official layout: three label columns (merged cells left empty), seven numbers."""
    sch = schema("s3", version)
    out = [S3_HEAD]
    groups_seen: set[str] = set()
    top_done = False
    for r in sch.data_rows():
        vals = ["" if v is None else str(v) for v in rows.get(r.id, [0] * 7)]
        if r.id in ("new", "carried_over", "carried_forward"):
            labels = [r.label, "", ""]
        else:
            top = "" if top_done else "三、本年度办理结果"
            top_done = True
            if r.group == "result":
                labels = [top, r.label, ""]
            else:
                labels = [top, "" if r.group in groups_seen else sch.row_by_id[r.group].label, r.label]
                groups_seen.add(r.group)
        out.append(labels + vals)
    return out


def s4_grid(values) -> list[list[str]]:
    blocks = [("行政复议", "行政复议"), ("行政诉讼", "未经复议直接起诉"), ("行政诉讼", "复议后起诉")]
    results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    return [[b for b, _ in blocks for _ in results], [s for _, s in blocks for _ in results], results * 3,
            ["" if v is None else str(v) for v in values]]


def render(grid: list[list[str]], fmt: str, sep: str = "\t") -> str:
    if fmt == "markdown":
        lines = ["| " + " | ".join(grid[0]) + " |", "|" + "---|" * len(grid[0])]
        lines += ["| " + " | ".join(r) + " |" for r in grid[1:]]
    elif sep.strip() == "|":
        # as pages copied from HTML: the cells covered by a merged label cell are dropped, " | " after each cell
        lines = [" | ".join([c for c in r[:3] if c] + r[3:]) + " |" if len(r) == 10 else " | ".join(r) + " |"
                 for r in grid]
    else:
        lines = [sep.join(r) for r in grid]
    return "\n".join(lines) + "\n"


def report_text(fmt="markdown", s3=None, s4=None, s2=None, name="某某市某某区某某局", year=2023, version="2021",
                sep="\t") -> str:
    h = "## " if fmt == "markdown" else ""
    parts = [("# " if fmt == "markdown" else "") + f"{name}{year}年政府信息公开工作年度报告",
             f"{h}一、总体情况", "本局全年主动公开政府信息120条。", f"{h}二、主动公开政府信息情况"]
    if s2 is not None:
        parts.append(s2)
    parts.append(f"{h}三、收到和处理政府信息公开申请情况")
    if s3 is not None:
        parts.append(render(s3_grid(s3, version), fmt, sep))
    parts.append(f"{h}四、政府信息公开行政复议、行政诉讼情况")
    if s4 is not None:
        parts.append(render(s4_grid(s4), fmt, sep))
    parts += [f"{h}五、存在的主要问题及改进情况", "一是公开内容不够全面。", f"{h}六、其他需要报告的事项", "无。"]
    return ("\n\n" if fmt == "markdown" else "\n").join(parts) + "\n"


S4_OK = [2, 0, 1, 0, 3, 1, 0, 0, 1, 2, 1, 0, 0, 0, 1]
FORMATS = [("markdown", "\t"), ("text", "\t"), ("text", " | ")]


def lint_report(text: str, fmt: str, select=None, year=None, **kw):
    from .conftest import lint

    return lint(text, select=select or STAT_CODES, fmt=fmt, year=year, **kw)


@pytest.mark.parametrize("fmt,sep", FORMATS)
@pytest.mark.parametrize("version", ["2019", "2021"])
def test_e2e_clean(fmt, sep, version):
    year = 2019 if version == "2019" else 2023
    text = report_text(fmt, s3=s3_rows(), s4=S4_OK, year=year, version=version, sep=sep)
    assert lint_report(text, fmt, year=year) == []


@pytest.mark.parametrize("fmt,sep", FORMATS)
def test_e2e_blame_one_cell(fmt, sep):
    text = report_text(fmt, s3=s3_rows(new={0: 4}), s4=S4_OK, sep=sep)
    diags = lint_report(text, fmt)
    assert [d.code for d in diags] == ["DL210"]
    d = diags[0]
    assert d.evidence["row"] == "new" and d.evidence["column"] == "natural_person"
    assert d.evidence["expected"] == 3 and d.evidence["actual"] == 4
    # the position is the cell itself: its line holds the 本年新收 row
    line = text.splitlines()[d.line - 1]
    assert "本年新收" in line and line[d.column - 1:].startswith("4")


@pytest.mark.parametrize("fmt,sep", FORMATS)
@pytest.mark.parametrize("version,other", [("2019", "result__other"), ("2021", "result__other__other")])
def test_e2e_identities(fmt, sep, version, other):
    year = 2019 if version == "2019" else 2023
    # I1 only: one application lost from the 自然人 results and from its row totals
    rows = s3_rows(result__open={0: 1, 6: 2}, result__total={0: 3, 6: 4})
    diags = lint_report(report_text(fmt, s3=rows, sep=sep, version=version, year=year), fmt, year=year)
    assert [(d.code, d.evidence["column"]) for d in diags] == [("DL201", "natural_person"), ("DL201", "total")]
    assert "本年新收3 + 上年结转1 = 4，但办理结果总计3 + 结转下年度0 = 3" in diags[0].message
    # I2 only: one 部分公开 counted as 予以公开 in the 总计 column
    rows = s3_rows(result__open={6: 4}, result__partial={6: 0})
    diags = lint_report(report_text(fmt, s3=rows, sep=sep, version=version, year=year), fmt, year=year)
    assert [(d.code, d.evidence["row"]) for d in diags] == [("DL202", "result.open"), ("DL202", "result.partial")]
    # I3 only: a （六）其他处理 figure left out of （七）总计 (the 2019 single row, the 2021 sub-row)
    rows = s3_rows(**{other: {0: 1, 6: 1}})
    diags = lint_report(report_text(fmt, s3=rows, sep=sep, version=version, year=year), fmt, year=year)
    assert [(d.code, d.evidence["column"]) for d in diags] == [("DL203", "natural_person"), ("DL203", "total")]
    # I4
    diags = lint_report(report_text(fmt, s4=[2, 0, 1, 0, 4] + S4_OK[5:], sep=sep, version=version, year=year), fmt,
                        year=year)
    assert [(d.code, d.evidence["block"]) for d in diags] == [("DL204", "review")]
    assert "表四 › 行政复议 › 总计" in diags[0].pointer


@pytest.mark.parametrize("fmt,sep", FORMATS)
def test_e2e_blank_total_and_text_cell(fmt, sep):
    # a trailing empty cell of a text line cannot be told from a missing one: texts use "—" there
    blank = None if fmt == "markdown" else "—"
    rows = s3_rows(new={6: blank}, result__open={6: blank}, result__total={6: blank}, carried_forward={3: "若干"})
    diags = lint_report(report_text(fmt, s3=rows, sep=sep), fmt)
    assert sorted(d.code for d in diags) == ["DL205", "DL208"]
    d208 = by_code(diags, "DL208")[0]
    assert "3个合计单元格未填数字" in d208.message


def test_e2e_missing_trailing_cells_in_text_are_blank():
    # trailing tabs trimmed (as editors and HTML-to-text copies do): the row is read from the left by the
    # header and the cells it lacks are blank — the same finding as with the tabs kept (DL208), no
    # identity error, no missing column
    rows = s3_rows(new={6: None}, result__open={6: None}, result__total={6: None})
    text = "\n".join(line.rstrip("\t") for line in report_text("text", s3=rows).split("\n"))
    diags = lint_report(text, "text")
    assert [d.code for d in diags] == ["DL208"]
    assert "3个合计单元格未填数字" in diags[0].message


def test_e2e_trailing_tab_is_an_empty_total():
    # a trailing tab is an empty last cell: blank totals whose parts are not zero → DL208
    rows = s3_rows(new={6: None}, result__open={6: None}, result__total={6: None})
    assert [d.code for d in lint_report(report_text("text", s3=rows), "text")] == ["DL208"]


def test_e2e_unfilled_markdown():
    blank = {r.id: [None] * 7 for r in schema("s3", "2021").data_rows()}
    diags = lint_report(report_text("markdown", s3=blank, s4=[None] * 15), "markdown")
    assert [d.code for d in diags] == ["DL209"]
    assert "表三" in diags[0].message and "表四" in diags[0].message


def test_e2e_unfilled_flat_2019_template():
    # a 2019 乡 report printing the tables one cell per line, no numbers in 表三 and 表四
    sch = schema("s3", "2019")
    lines = ["某某乡人民政府2019年政府信息公开工作年度报告", "一、总体情况", "本乡明确专人负责政务公开工作。",
             "二、主动公开政府信息情况", "第二十条第（一）项", "信息内容", "本年新制作数量", "本年新公开数量",
             "对外公开总数量", "规章", "规范性文件", "三、收到和处理政府信息公开申请情况",
             "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况", "自然人",
             "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    lines += [r.label for r in sch.rows]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果",
              "尚未审结", "总计", "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正", "其他结果", "尚未审结",
              "总计", "五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "无。"]
    text = "\n".join(lines) + "\n"
    assert {t.layout for t in interpret(parse(text, "text")).stats.values()} == {"flat"}
    diags = lint_report(text, "text", year=2019)
    assert [d.code for d in diags] == ["DL209"]
    assert "表三" in diags[0].message and "表四" in diags[0].message


def test_e2e_examples_clean_and_defective():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "examples"
    clean = root / "clean-2023.md"
    if not clean.exists():
        pytest.skip("examples not present")
    assert lint_report(clean.read_text(encoding="utf-8"), "markdown") == []
    diags = lint_report((root / "defective-2023.md").read_text(encoding="utf-8"), "markdown")
    # one wrong figure (本年新收 自然人 27 for 26, its row total following it): both balances break
    assert [(d.code, d.evidence["column"]) for d in diags] == [("DL201", "natural_person"), ("DL201", "total")]
    assert (diags[0].evidence["expected"], diags[0].evidence["actual"]) == (28, 27)


def flat_2019(rows: dict[str, list], s4_values) -> str:
    """A 2019 report whose tables 三 and 四 are printed one cell per line (as scraped pages do)."""
    lines = ["某某乡人民政府2019年政府信息公开工作年度报告", "一、总体情况", "本乡明确专人负责政务公开工作。",
             "三、收到和处理政府信息公开申请情况", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
             "申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    for r in schema("s3", "2019").rows:
        lines.append(r.label)
        if r.data:
            lines += [str(v) for v in rows.get(r.id, [0] * 7)]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结",
              "总计", "未经复议直接起诉", "复议后起诉"] + ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2
    lines += [str(v) for v in s4_values]
    lines += ["五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "无。"]
    return "\n".join(lines) + "\n"


def test_e2e_flat_2019_filled():
    text = flat_2019(s3_rows(), S4_OK)
    assert all(t.layout == "flat" and t.cells for t in interpret(parse(text, "text")).stats.values())
    assert lint_report(text, "text", year=2019) == []
    text = flat_2019(s3_rows(new={0: 4}), S4_OK)
    diags = lint_report(text, "text", year=2019)
    assert [d.code for d in diags] == ["DL210"]
    assert text.splitlines()[diags[0].line - 1] == "4"  # the line of the wrong value
    text = flat_2019(s3_rows(), [2, 0, 1, 0, 4] + S4_OK[5:])
    assert [d.code for d in lint_report(text, "text", year=2019)] == ["DL204"]


def test_blame_rule_selected_by_category():
    rows = s3_rows(new={0: 4})
    assert [d.code for d in run_stats({"s3": s3_table(rows)}, select=["statistics"])] == ["DL210"]
    assert sorted(d.code for d in run_stats({"s3": s3_table(rows)}, select=["DL201", "DL202", "DL210"])) == ["DL210"]


def test_findings_are_json_serialisable():
    import json

    rows = s3_rows(new={0: 4, 1: 2}, result__open={6: None}, carried_forward={2: "若干"})
    diags = run_stats({"s3": s3_table(rows), "s4": s4_table([2, 0, 1, 0, 4] + S4_OK[5:])})
    assert {d.code for d in diags} >= {"DL201", "DL204", "DL205", "DL208"}
    for d in diags:
        json.dumps(d.to_json(), ensure_ascii=False)


def test_e2e_html_table_in_markdown():
    def html(grid):
        rows = "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in grid)
        return f"<table>\n{rows}\n</table>\n"

    def doc(rows):
        return ("# 某某市某某区某某局2023年政府信息公开工作年度报告\n\n## 三、收到和处理政府信息公开申请情况\n\n"
                + html(s3_grid(rows)) + "\n## 四、政府信息公开行政复议、行政诉讼情况\n\n" + html(s4_grid(S4_OK)))

    assert lint_report(doc(s3_rows()), "markdown") == []
    diags = lint_report(doc(s3_rows(new={0: 4})), "markdown")
    assert [d.code for d in diags] == ["DL210"]
    assert diags[0].line == doc(s3_rows(new={0: 4})).splitlines().index(
        next(x for x in doc(s3_rows(new={0: 4})).splitlines() if "本年新收" in x)) + 1


def test_unfilled_table_next_to_filled_ones_is_a_warning():
    """Blank is not defined as 0 (spec I13): table 四 left blank by a body with no 复议 or 诉讼, table 三 filled, is a
    warning that says the others are filled; all tables blank stays an error (test above); the user's
    configuration may make it an error again."""
    zeros = s3_table({r.id: [0] * 7 for r in schema("s3", "2021").data_rows()})
    blank4 = s4_table([None] * 15)
    [d] = run_stats({"s3": zeros, "s4": blank4}, select=["DL209"])
    assert d.severity == "warning"
    assert "表四（政府信息公开行政复议、行政诉讼情况）中没有任何数字（其他统计表已填写）" in d.message
    assert "表三" not in d.message
    assert d.evidence["other_tables_filled"] == 1
    [d] = run_stats({"s3": zeros, "s4": blank4}, select=["DL209"], config={"severity": {"DL209": "error"}})
    assert d.severity == "error"
