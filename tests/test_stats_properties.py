"""Property-based tests of the statistics extractor and rules (issue 3).

Random *consistent* statistics tables (every identity of spec §4 holds; see ``tests/statsgen.py``)
are written in random layouts — Markdown; text tables split by pipes, tabs or spaces; one cell per
line; labels in one to three cells; merged cells repeated or left empty; group rows present,
combined with their first item or absent; full- or half-width brackets; with or without the 区分处理
note; one- or three-row headers; blanks or placeholders for zeros; optional prose that states the
same numbers — inside a minimal report, and linted end to end.

* **Round trip.** The extractor reads every number of tables 二, 三 and 四 back into its own
  (row, column), and nothing it cannot place.
* **Property 1.** A consistent report gives no finding of the ``statistics`` category (DL2xx,
  including the text-against-table rules) and none of DL001 (table unreadable), DL109 (format
  version) or DL110 (missing rows).  DL208 (blank total) is *not* filtered out: the generator
  blanks only zeros, and a total of 0 has only zero parts, so a blank total never hides a number.
* **Property 2.** Changing one number of table 三 or 四 to another non-negative integer gives at
  least one statistics finding about that cell: an identity finding (DL201–DL204) whose cells
  include it, a DL210 blame of exactly that cell, or a DL208 blank-total finding on a total of
  its row, column or block (when the total of the changed part was left blank, the arithmetic
  cannot say more) — and no DL001/DL109/DL110.

The default run uses 30 examples per property with a fixed seed (reproducible in CI); ``-m slow``
runs the ``*_many`` variants with 1500 random examples each.

Space-separated text with empty cells (``spaces-empty``) cannot be read exactly — a run of spaces
cannot show an empty cell — so it is held to a weaker property: the tool may say it cannot read a
table (DL001), but never that the report is wrong (``test_space_separated_empty_cells_are_never_blamed``,
slow).  Bugs the properties found are pinned by minimal examples at
the end.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from disclosure_lint.report import Overrides, interpret
from disclosure_lint.report.catalogue import TABLE_SHORT_NAMES as SHORT_NAMES
from disclosure_lint.report.stats.schema import S4_RESULTS, schema

from .conftest import lint, parse
from .statsgen import (
    FORMATS,
    S3_COL_IDS,
    S4_COL_IDS,
    Layout,
    StatsData,
    layouts,
    mutations,
    render,
    s3_data_rows,
    stats_data,
)

SELECT = ["statistics", "DL001", "DL109", "DL110"]
IDENTITY_CODES = {"DL201", "DL202", "DL203", "DL204"}
# formats the exact properties run on: every one except space-separated text with empty cells, which
# cannot be read exactly (a run of spaces cannot show an empty cell): see the never-blamed property
FORMATS_OK = tuple(f for f in FORMATS if f != "spaces-empty")

FAST = settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
MANY = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True)


def _note(text: str) -> None:
    try:
        note(text)
    except InvalidArgument:  # called outside a Hypothesis test (the fixed examples)
        pass


def _show(text: str, layout: Layout) -> None:
    _note(f"layout: {layout.describe()}")
    _note("report:\n" + text)


def _diag_text(diags) -> str:
    return "\n".join(f"{d.code} {d.pointer or ''}: {d.message}" for d in diags)


def _fmt(fmt: str) -> str:
    return "markdown" if fmt == "markdown" else "text"


# -- round trip -----------------------------------------------------------------------------------

def check_round_trip(data: StatsData, layout: Layout) -> None:
    text, fmt = render(data, layout)
    _show(text, layout)
    stats = interpret(parse(text, fmt), Overrides()).stats
    assert set(stats) == {"s2", "s3", "s4"}
    s2, s3, s4 = stats["s2"], stats["s3"], stats["s4"]
    for t in (s2, s3, s4):
        assert t.unmapped == [], [(u.label, u.what) for u in t.unmapped]
        assert not t.loose, [(c.row, c.raw) for c in t.loose]
        assert not t.extra_rows and not t.extra_cols
    assert s3.schema.version == data.version and s2.schema.version == data.version
    for rid in s3_data_rows(data.version):
        for cid in S3_COL_IDS:
            cell = s3.get(rid, cid)
            assert cell is not None, (rid, cid)
            assert cell.value.arithmetic == data.value("s3", rid, cid), (rid, cid, cell.raw)
    for cid in S4_COL_IDS:
        cell = s4.get("cases", cid)
        assert cell is not None, cid
        assert cell.value.arithmetic == data.value("s4", "cases", cid), (cid, cell.raw)
    for rid, vals in data.s2.items():
        for cid, raw in vals.items():
            cell = s2.get(rid, cid)
            assert cell is not None, (rid, cid)
            assert cell.value.arithmetic == Decimal(raw), (rid, cid, cell.raw, raw)
    sch = schema("s2", data.version)
    assert set(s2.cells) == {(r, c) for r in data.s2 for c in sch.cols_of(r)}


@FAST
@given(stats_data(), layouts(FORMATS_OK))
def test_round_trip(data, layout):
    check_round_trip(data, layout)


@pytest.mark.slow
@MANY
@given(stats_data(), layouts(FORMATS_OK))
def test_round_trip_many(data, layout):
    check_round_trip(data, layout)


# -- property 1: consistent → quiet -------------------------------------------------------------------

def check_quiet(data: StatsData, layout: Layout) -> None:
    text, fmt = render(data, layout)
    _show(text, layout)
    diags = lint(text, select=SELECT, fmt=fmt)
    assert diags == [], _diag_text(diags)


@FAST
@given(stats_data(), layouts(FORMATS_OK))
def test_consistent_report_is_quiet(data, layout):
    check_quiet(data, layout)


@pytest.mark.slow
@MANY
@given(stats_data(), layouts(FORMATS_OK))
def test_consistent_report_is_quiet_many(data, layout):
    check_quiet(data, layout)


# -- property 2: one changed cell → a finding about it ---------------------------------------------------

def _block(col: str) -> str:
    return col.split(".")[0]


def about_cell(d, table: str, row: str, col: str) -> bool:
    """Does finding ``d`` point at the cell (table, row, col)?"""
    ev = d.evidence or {}
    if ev.get("table") != SHORT_NAMES[table]:
        return False
    if d.code in IDENTITY_CODES:  # the changed cell is one of the identity's cells
        return any((c.get("row"), c.get("column")) == (row, col) for c in ev.get("cells", ()))
    if d.code == "DL210":  # the blamed cell
        return (ev.get("row"), ev.get("column")) == (row, col)
    if d.code == "DL208":  # a blank total of the changed cell's row, column or block
        for c in ev.get("cells", ()):
            if table == "s4" and _block(c.get("column", "")) == _block(col):
                return True
            if table == "s3" and (c.get("row") == row or c.get("column") == col):
                return True
    return False


def check_changed_cell(data: StatsData, layout: Layout, change: tuple[str, str, str, int]) -> None:
    table, row, col, new = change
    bad = data.with_value(table, row, col, new)
    text, fmt = render(bad, layout, prose_data=data)  # the prose keeps the original numbers
    _show(text, layout)
    _note(f"changed {table} › {row} › {col}: {data.value(table, row, col)} → {new}")
    diags = lint(text, select=SELECT, fmt=fmt)
    stats = [d for d in diags if d.code.startswith("DL2")]
    assert any(about_cell(d, table, row, col) for d in stats), _diag_text(diags) or "no finding"
    # the change must not make the tool unable to read the table, nor look like a version change
    assert not [d for d in diags if d.code in ("DL001", "DL109", "DL110")], _diag_text(diags)


@st.composite
def changed_reports(draw, formats=FORMATS_OK):
    data = draw(stats_data())
    return data, draw(layouts(formats)), draw(mutations(data))


@FAST
@given(changed_reports())
def test_changed_cell_is_reported(case):
    check_changed_cell(*case)


@pytest.mark.slow
@MANY
@given(changed_reports())
def test_changed_cell_is_reported_many(case):
    check_changed_cell(*case)


# -- fixed examples of the generator (a generator regression shows without Hypothesis) --------------------

def _fixed_data() -> StatsData:
    s3 = {r: [0] * 7 for r in s3_data_rows("2021")}
    s3["new"] = [3, 1, 1, 0, 0, 0, 5]
    s3["carried_over"] = [1, 0, 0, 0, 0, 0, 1]
    s3["result.open"] = [2, 1, 0, 0, 0, 0, 3]
    s3["result.not_open.third_party"] = [1, 0, 0, 0, 0, 0, 1]
    s3["result.other.no_fee"] = [0, 0, 1, 0, 0, 0, 1]
    s3["result.total"] = [3, 1, 1, 0, 0, 0, 5]
    s3["carried_forward"] = [1, 0, 0, 0, 0, 0, 1]
    s2 = {"rules": {"issued": "0", "repealed": "0", "in_force": "0"},
          "normative_docs": {"issued": "3", "repealed": "1", "in_force": "12"},
          "licensing": {"decisions": "120"}, "penalty": {"decisions": "8"}, "coercion": {"decisions": "0"},
          "fees": {"amount": "2.35"}}
    s4 = [1, 0, 0, 0, 1, 0, 1, 0, 1, 2, 0, 0, 0, 0, 0]
    return StatsData("2021", 2023, "青禾市生态环境局", s2, s3, s4)


FIXED_LAYOUTS = [
    Layout(),
    Layout(fmt="pipes", s3_columns="one", groups="combined", blank="all", half_width=True, prose="percent"),
    Layout(fmt="tabs", s3_columns="two-item", groups="rows", blank="all", blank_text="/", s3_header="one"),
    Layout(fmt="markdown", s3_columns="two-top", groups="absent", vmerge="repeat", hmerge="repeat",
           s4_header="one", s4_label=True, s2_form="split", note=False, wide_digits=True, prose="counts"),
    Layout(fmt="spaces", s3_columns="three", blank="some", blank_text="—", seed=7),
    Layout(fmt="flat", s3_columns="one", groups="rows", blank="all", blank_text="/"),
    # a crawler's copy of a page's tables: "规章 |" a line, empty cells "|", "||" after each row
    Layout(fmt="flat-pipe", s3_columns="three", groups="rows", blank="some", seed=11, half_width=True),
    Layout(fmt="flat-pipe", s3_columns="two-item", groups="combined", blank="all", blank_text="/", s3_header="one",
           s4_header="one", s2_form="split"),
]


@pytest.mark.parametrize("layout", FIXED_LAYOUTS, ids=lambda lay: f"{lay.fmt}-{lay.s3_columns}-{lay.groups}")
def test_generator_examples(layout):
    data = _fixed_data()
    check_round_trip(data, layout)
    check_quiet(data, layout)
    check_changed_cell(data, layout, ("s3", "result.open", "natural_person", 3))
    check_changed_cell(data, layout, ("s4", "cases", "direct.pending", 0))


def test_generator_data_is_consistent():
    """The generated numbers satisfy the identities the rules check (independently of any layout)."""
    from disclosure_lint.report.stats.schema import identities

    @settings(max_examples=100, deadline=None, derandomize=True)
    @given(stats_data())
    def run(data):
        for i in identities("s3", data.version):
            assert sum(data.value("s3", *k) for k in i.lhs) == sum(data.value("s3", *k) for k in i.rhs), i
        for i in identities("s4", data.version):
            assert sum(data.value("s4", *k) for k in i.lhs) == sum(data.value("s4", *k) for k in i.rhs), i
        if data.version == "2019":
            for r in ("rules", "normative_docs"):
                assert int(data.s2[r]["new_published"]) <= int(data.s2[r]["total_published"])
        assert all(v >= 0 for vals in data.s3.values() for v in vals) and min(data.s4) >= 0

    run()


# -- regressions: bugs the properties found (minimal examples) ---------------------------------------------

def _flat_sep(cells: list[str]) -> str:
    return "\n".join(c + "\n|" for c in cells)


def test_flat_sep_blank_last_cell_before_a_short_label():
    """flat.py once joined an empty cell (between two "|" lines) with the short label after it."""
    cells = ["第二十条第（一）项", "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量",
             "规章", "0", "0", "", "规范性文件", "", "0", "0"]
    text = "某某局2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n" + _flat_sep(cells) + "\n"
    s2 = interpret(parse(text, "text"), Overrides()).stats["s2"]
    assert s2.loose == []
    assert [s2.get("rules", c).raw for c in ("new_made", "new_published", "total_published")] == ["0", "0", ""]
    assert s2.get("normative_docs", "new_made").raw == ""
    assert not lint(text, select=SELECT, fmt="text")


def test_flat_sep_table_four_first_value_blank():
    """flat.py once dropped the empty cells before the first value of table 四 (14 values, none placed)."""
    results = [label for _id, label in S4_RESULTS]
    cells = (["行政复议", "行政诉讼", *results, "未经复议直接起诉", "复议后起诉", *results, *results]
             + ["", "1", "", "", "1"] + [""] * 10)
    text = "某某局2023年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n" + _flat_sep(cells) + "\n"
    s4 = interpret(parse(text, "text"), Overrides()).stats["s4"]
    assert s4.loose == [] and s4.get("cases", "review.corrected").raw == "1"
    assert not lint(text, select=SELECT, fmt="text")


def test_flat_sep_group_row_cells_are_not_data():
    """flat.py once kept the empty cells of a group row (（六）其他处理 in 2021) as cells of the group, and
    DL231 then read 其他处理 from that blank row instead of the sum of its sub-rows."""
    cells = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计",
             "一、本年新收政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1",
             "（六）其他处理", "", "", "", "", "", "", "",
             "3.其他", "1", "0", "0", "0", "0", "0", "1",
             "（七）总计", "1", "0", "0", "0", "0", "0", "1"]
    text = ("某某局2023年政府信息公开工作年度报告\n一、总体情况\n本年度其他处理1件。\n"
            "三、收到和处理政府信息公开申请情况\n" + _flat_sep(cells) + "\n")
    s3 = interpret(parse(text, "text"), Overrides()).stats["s3"]
    assert s3.schema.version == "2021"
    assert not [k for k in s3.cells if k[0] == "result.other"]  # a group row in 2021: no cells of its own
    assert not lint(text, select=["DL231"], fmt="text")


def _s4_text(sep: str) -> str:
    results = sep.join(label for _id, label in S4_RESULTS)
    values = sep.join(["1", "", "", "1", "2"] + ["0"] * 10)  # 行政复议: 维持1 纠正空 其他空 未审结1 总计2
    return (f"某某局2023年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n"
            f"{sep.join([results] * 3)}\n{values}\n")


def test_tab_separated_empty_cells_keep_their_columns():
    """The text reader once collapsed runs of tabs: the numbers right of an empty cell shifted left and
    DL204 (error) and DL110 blamed a correct table."""
    diags = lint(_s4_text("\t"), select=SELECT, fmt="text")
    assert diags == [], _diag_text(diags)


def test_space_separated_short_row_is_unreadable_not_wrong():
    """A run of spaces cannot show an empty cell: a row with fewer values than columns is the tool's
    reading problem (DL001), not an arithmetic error of the report."""
    diags = lint(_s4_text("    "), select=SELECT, fmt="text")
    assert [d.code for d in diags] == ["DL001"], _diag_text(diags)


def test_row_with_unplaceable_values_is_not_missing():
    # DL110 once counted a row as found only when a cell was placed; a row whose values are
    # unplaceable (StatTable.loose, reported by DL001) was reported as missing too
    rows = [["第二十条第（一）项"], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "0", "0", "0"],
            ["行政规范性文件", "", "1", "12"],  # a blank first value: two numbers for three columns
            ["第二十条第（五）项"], ["信息内容", "本年处理决定数量"], ["行政许可", "120"],
            ["第二十条第（六）项"], ["信息内容", "本年处理决定数量"], ["行政处罚", "8"], ["行政强制", "0"],
            ["第二十条第（八）项"], ["信息内容", "本年收费金额（单位：万元）"], ["行政事业性收费", "0"]]
    body = "\n".join("    ".join(r) for r in rows)
    text = f"某某局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n{body}\n"
    diags = lint(text, select=SELECT, fmt="text")
    assert [d.code for d in diags] == ["DL001"], _diag_text(diags)  # today also DL110 "缺少…行政规范性文件"


def check_never_blamed(data: StatsData, layout: Layout) -> None:
    """A consistent report may be unreadable to the tool (DL001), but never wrong (DL2xx, DL109, DL110)."""
    text, fmt = render(data, layout)
    _show(text, layout)
    diags = [d for d in lint(text, select=SELECT, fmt=fmt) if d.code != "DL001"]
    assert diags == [], _diag_text(diags)


def test_a_tables_header_over_rows_left_blank_is_not_joined_to_them():
    """Found by the property below: in a text whose prose lines are hard-wrapped, the text reader joined the row left
    blank under a table's header (``信息内容    本年新制作数量 …`` / ``规章``) as a wrapped line of the header: the
    rows 规章, 行政许可, 行政事业性收费 and 政府集中采购 were read as missing (DL110, an error) though they were there."""
    data = StatsData(version='2019',
         year=2020,
         agency='白岩市人民政府',
         s2={'rules': {'new_made': '0',
           'new_published': '0',
           'total_published': '0'},
          'normative_docs': {'new_made': '0',
           'new_published': '0',
           'total_published': '0'},
          'licensing': {'prev_count': '0', 'change': '0', 'decisions': '0'},
          'other_services': {'prev_count': '11',
           'change': '12',
           'decisions': '244'},
          'penalty': {'prev_count': '4', 'change': '20', 'decisions': '0'},
          'coercion': {'prev_count': '2', 'change': '8', 'decisions': '300'},
          'fees': {'prev_count': '0', 'change': '0'},
          'procurement': {'procurement_count': '0', 'procurement_amount': '0'}},
         s3={'new': [154, 911, 916, 620, 384, 903, 3888],
          'carried_over': [899, 0, 0, 0, 182, 229, 1310],
          'result.open': [0, 0, 0, 0, 0, 258, 258],
          'result.partial': [0, 100, 0, 249, 96, 269, 714],
          'result.not_open.state_secret': [0, 0, 2, 0, 285, 77, 364],
          'result.not_open.law_prohibited': [0, 0, 279, 0, 0, 0, 279],
          'result.not_open.security_stability': [0, 0, 4, 44, 0, 1, 49],
          'result.not_open.third_party': [216, 260, 3, 0, 1, 0, 480],
          'result.not_open.internal_affairs': [0, 26, 1, 0, 0, 0, 27],
          'result.not_open.process_info': [0, 1, 0, 0, 0, 4, 5],
          'result.not_open.enforcement_file': [0, 161, 0, 0, 168, 257, 586],
          'result.not_open.admin_query': [126, 0, 4, 2, 3, 0, 135],
          'result.unavailable.not_held': [0, 0, 0, 1, 0, 0, 1],
          'result.unavailable.need_creation': [1, 0, 0, 3, 0, 0, 4],
          'result.unavailable.unclear': [0, 0, 0, 173, 0, 266, 439],
          'result.not_processed.petition': [293, 0, 0, 140, 0, 0, 433],
          'result.not_processed.repeated': [167, 0, 53, 3, 0, 0, 223],
          'result.not_processed.publication': [0, 0, 0, 0, 0, 0, 0],
          'result.not_processed.excessive': [0, 184, 143, 0, 0, 0, 327],
          'result.not_processed.confirm': [249, 179, 158, 2, 13, 0, 601],
          'result.other': [0, 0, 266, 0, 0, 0, 266],
          'result.total': [1052, 911, 913, 617, 566, 1132, 5191],
          'carried_forward': [1, 0, 3, 3, 0, 0, 7]},
         s4=[18, 5, 0, 0, 23, 5, 37, 0, 0, 42, 0, 0, 0, 0, 0])
    layout = Layout(fmt='spaces-empty',
         half_width=False,
         note=True,
         s3_columns='two-top',
         vmerge='repeat',
         hmerge='repeat',
         groups='rows',
         s3_header='one',
         s3_corner='项目',
         s4_header='three',
         s4_label=False,
         s2_form='split',
         blank='all',
         blank_text='',
         seed=0,
         wide_digits=True,
         prose='none')
    check_never_blamed(data, layout)


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(stats_data(), layouts(("spaces-empty",)))
def test_space_separated_empty_cells_are_never_blamed(data, layout):
    check_never_blamed(data, layout)
