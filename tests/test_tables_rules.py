"""Table-shape rules DL109–DL111 (structure) and DL001 (input): kinds in kinds/tables.py."""

from __future__ import annotations

import pytest

from disclosure_lint.kinds import get_kind
from disclosure_lint.report import Overrides, interpret
from disclosure_lint.report.stats.schema import S3_COLS, schema

from .conftest import parse
from .test_stats_export import full_s3, make_table

# -- hand-built tables: the kinds alone --------------------------------------------------------------

DOC = ("# 某某市某某局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n本局全年主动公开政府信息120条。\n\n"
       "## 五、存在的主要问题及改进情况\n\n一是公开内容不够全面，二是解读形式较为单一。\n")


def report_with(stats: dict, year: int = 2023):
    rep = interpret(parse(DOC), Overrides(year=year))
    rep.__dict__["stats"] = stats  # replaces the cached property
    return rep


def hits(kind: str, rep, **options):
    cls = get_kind(kind)
    return list(cls(None, cls.Options(**options), None).check(rep))


def full_s2(version: str) -> dict:
    sch = schema("s2", version)
    return {(r.id, c): "0" for r in sch.rows for c in sch.cols_of(r.id)}


def full_s4() -> dict:
    return {("cases", c.id): "0" for c in schema("s4", "2021").cols}


# table-format-version

def test_version_2019_table_two_in_2021_report_names_the_labels():
    t = make_table("s2", "2019", full_s2("2019"))
    (h,) = hits("table-format-version", report_with({"s2": t}))
    assert h.params["table"] == "表二"
    assert h.params["detected"] == "2019年试行格式" and h.params["expected"] == "2021年格式"
    assert "本年新制作数量" in h.params["clues"] and h.params["clues"].endswith("等9项")
    assert "政府集中采购" in h.evidence["labels"] and len(h.evidence["labels"]) == 9
    assert h.params["basis"] == "国办公开办函〔2021〕30号"
    assert h.evidence["expected"] == "2021" and h.evidence["actual"] == "2019"
    assert "其他对外管理服务事项" in h.evidence["labels"]
    assert "规章" not in h.evidence["labels"]  # shared by both versions: not a clue
    assert h.cell is not None  # points at the first betraying label's cell


def test_version_2019_table_three_in_2021_report_names_other_processing():
    t = make_table("s3", "2019", full_s3("2019"))
    (h,) = hits("table-format-version", report_with({"s3": t}))
    assert "（六）其他处理" in h.params["clues"] and "没有分项" in h.params["clues"]
    assert h.params["table"] == "表三"


def test_version_2021_table_three_in_2020_report():
    t = make_table("s3", "2021", full_s3("2021"))
    (h,) = hits("table-format-version", report_with({"s3": t}, year=2020))
    assert h.params["detected"] == "2021年格式" and h.params["expected"] == "2019年试行格式"
    assert "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请" in h.evidence["labels"]
    assert "3.其他" in h.evidence["labels"]  # under （六）
    assert len(h.evidence["labels"]) == 3
    assert h.params["basis"] == "国办公开办函〔2019〕60号"


def test_version_clue_from_unmapped_labels():
    # the extractor read the table with the report's schema and could not place the 2019 columns
    t = make_table("s2", "2021", {("rules", "issued"): "0"}, detected="2019",
                   unmapped=[("本年新公开数量", "col"), ("对外公开总数量", "col")])
    (h,) = hits("table-format-version", report_with({"s2": t}))
    assert h.evidence["labels"] == ["本年新公开数量", "对外公开总数量"]


@pytest.mark.parametrize(("year", "detected"), [(2023, "2021"), (2020, "2019"), (2019, "2019")])
def test_version_quiet_when_it_matches(year, detected):
    t = make_table("s2", detected, full_s2(detected))
    assert hits("table-format-version", report_with({"s2": t}, year=year)) == []


def test_version_quiet_for_undecidable_tables_and_unknown_years():
    t4 = make_table("s4", "2021", full_s4(), detected=None)
    assert hits("table-format-version", report_with({"s4": t4})) == []
    t2 = make_table("s2", "2019", full_s2("2019"))
    assert hits("table-format-version", report_with({"s2": t2}, year=2017)) == []  # no unified format
    rep = interpret(parse("# 某某局政府信息公开工作年度报告\n\n正文。\n"))
    rep.__dict__["stats"] = {"s2": t2}
    assert rep.year is None
    assert hits("table-format-version", rep) == []


# table-missing-rows

def test_missing_rows_and_columns_listed_in_one_finding():
    vals = full_s3()
    for c in S3_COLS:
        del vals[("result.not_open.admin_query", c.id)]
        del vals[("result.other.other", c.id)]
    for r in schema("s3", "2021").data_rows():
        vals.pop((r.id, "research"), None)
    t = make_table("s3", "2021", vals)
    (h,) = hits("table-missing-rows", report_with({"s3": t}))
    assert h.params["missing"] == "行“8.属于行政查询事项”“3.其他”；列“科研机构”"
    assert h.params["count"] == 3 and h.params["table"] == "表三"
    assert h.evidence["missing_rows"] == ["result.not_open.admin_query", "result.other.other"]
    assert h.evidence["missing_cols"] == ["research"]
    assert h.evidence["missing_labels"] == ["8.属于行政查询事项", "3.其他", "科研机构"]
    assert h.evidence["expected"] == "8.属于行政查询事项、3.其他、科研机构" and h.evidence["actual"] == "未找到"
    assert h.block is t.blocks[0] and h.start == 0


def test_missing_rows_long_list_is_shortened_but_evidence_is_complete():
    vals = {("new", c.id): "0" for c in S3_COLS}
    t = make_table("s3", "2021", vals)
    (h,) = hits("table-missing-rows", report_with({"s3": t}))
    assert h.params["missing"].endswith("等24项")
    assert len(h.evidence["missing_rows"]) == 24


def test_missing_rows_2021_table_two_has_per_row_columns():
    vals = full_s2("2021")
    del vals[("coercion", "decisions")]
    t = make_table("s2", "2021", vals)
    (h,) = hits("table-missing-rows", report_with({"s2": t}))
    assert h.params["missing"] == "行“行政强制”"


def test_missing_rows_quiet_for_complete_tables():
    rep = report_with({"s2": make_table("s2", "2021", full_s2("2021")), "s3": make_table("s3", "2021", full_s3()),
                       "s4": make_table("s4", "2021", full_s4(), detected=None)})
    assert hits("table-missing-rows", rep) == []


def test_missing_rows_quiet_for_flat_and_image_tables():
    vals = {("new", c.id): "0" for c in S3_COLS}
    for layout in ("flat", "image"):
        t = make_table("s3", "2021", vals, layout=layout)
        assert hits("table-missing-rows", report_with({"s3": t})) == []


def test_missing_rows_quiet_when_version_is_wrong():
    # a 2019 table in a 2021 report lacks every 2021 row: DL109 says so instead
    t = make_table("s2", "2019", full_s2("2019"))
    assert hits("table-missing-rows", report_with({"s2": t})) == []


def test_missing_rows_quiet_when_labels_were_not_recognised():
    vals = full_s3()
    for c in S3_COLS:
        del vals[("result.partial", c.id)]
    t = make_table("s3", "2021", vals, unmapped=[("（二）部份公开", "row")])
    assert hits("table-missing-rows", report_with({"s3": t})) == []
    # an unrecognised column only silences the column part
    t = make_table("s3", "2021", vals, unmapped=[("自然人数", "col")])
    (h,) = hits("table-missing-rows", report_with({"s3": t}))
    assert h.evidence["missing_rows"] == ["result.partial"] and h.evidence["missing_cols"] == []


def test_missing_rows_quiet_for_empty_table():
    t = make_table("s3", "2021", {})
    assert hits("table-missing-rows", report_with({"s3": t})) == []


# table-extra-rows

def test_extra_rows_and_columns_reported_together():
    t = make_table("s2", "2019", full_s2("2019"), extra_rows=["其他主动公开文件"])
    (h,) = hits("table-extra-rows", report_with({"s2": t}, year=2020))
    assert h.params["extras"] == "行“其他主动公开文件”"
    t3 = make_table("s3", "2021", full_s3(), extra_cols=["小计"])
    (h,) = hits("table-extra-rows", report_with({"s3": t3}))
    assert h.params["extras"] == "列“小计”" and h.evidence["cols"] == ["小计"]
    assert h.cell is not None


def test_extra_rows_quiet_without_additions_or_for_other_version_labels():
    assert hits("table-extra-rows", report_with({"s3": make_table("s3", "2021", full_s3())})) == []
    # a 2019 row is not a local addition (DL109 reports the version)
    t = make_table("s2", "2021", full_s2("2021"), extra_rows=["政府集中采购"])
    assert hits("table-extra-rows", report_with({"s2": t})) == []


# table-unreadable

def test_unreadable_names_unknown_labels():
    t = make_table("s3", "2021", full_s3(), unmapped=[("（三）不宜公开", "row"), ("外国人", "col")])
    (h,) = hits("table-unreadable", report_with({"s3": t}))
    assert h.params["labels"] == "“（三）不宜公开”“外国人”" and h.params["count"] == 2
    assert h.evidence["rows"] == ["（三）不宜公开"] and h.evidence["cols"] == ["外国人"]
    assert h.cell is not None and h.cell.text == "（三）不宜公开"


def test_unreadable_ignores_headers_other_version_labels_and_extras():
    t = make_table("s2", "2021", full_s2("2021"),
                   unmapped=[("信息内容", "col"), ("第二十条第（一）项", "row"), ("本年新制作数量", "col"),
                             ("其他主动公开文件", "row")],
                   extra_rows=["其他主动公开文件"])
    assert hits("table-unreadable", report_with({"s2": t})) == []


def test_unreadable_option_ignore_labels():
    t = make_table("s3", "2021", full_s3(), unmapped=[("备注", "col")])
    assert len(hits("table-unreadable", report_with({"s3": t}))) == 1
    assert hits("table-unreadable", report_with({"s3": t}), ignore_labels=["备注"]) == []


def test_unreadable_quiet_for_clean_tables():
    assert hits("table-unreadable", report_with({"s3": make_table("s3", "2021", full_s3())})) == []
    assert hits("table-unreadable", report_with({})) == []


# -- whole reports through the reader, the extractor and the engine ---------------------------------

from .conftest import codes, lint  # noqa: E402
from .test_stats_export import as_flat, as_text, md_report, md_t2, md_t3  # noqa: E402

RULES = ["DL109", "DL110", "DL111", "DL001"]
FORMS = {"markdown": lambda md: (md, "markdown"), "text": lambda md: (as_text(md), "text")}


def run(md: str, form: str = "markdown", flat: bool = False):
    if flat:
        return lint(as_flat(md), select=RULES, fmt="text")
    text, fmt = FORMS[form](md)
    return lint(text, select=RULES, fmt=fmt)


@pytest.mark.parametrize("form", ["markdown", "text"])
@pytest.mark.parametrize("year", [2020, 2023])
def test_correct_reports_are_quiet(form, year):
    assert run(md_report(year), form) == []


@pytest.mark.parametrize("year", [2020, 2023])
def test_correct_flat_reports_are_quiet(year):
    assert run(md_report(year), flat=True) == []


@pytest.mark.parametrize("form", ["markdown", "text"])
def test_dl109_2019_tables_in_a_2023_report(form):
    diags = run(md_report(2023, s2=md_t2("2019"), s3=md_t3("2019")), form)
    assert codes(diags) == ["DL109", "DL109"]  # and no DL110 listing the 2021 rows as missing
    s2, s3 = diags
    assert s2.severity == "error" and s2.category == "structure"
    assert s2.message.startswith("表二按2019年试行格式填报（“本年新制作数量”")
    assert "2023年度报告应使用2021年格式的统计表（国办公开办函〔2021〕30号）" in s2.message
    assert s2.match == "本年新制作数量" and s2.line is not None
    assert s2.evidence["expected"] == "2021" and s2.evidence["actual"] == "2019"
    assert "（六）其他处理（本身填数、没有分项）" in s3.message
    assert s3.match == "（六）其他处理"


@pytest.mark.parametrize("form", ["markdown", "text"])
def test_dl109_2021_tables_in_a_2020_report(form):
    diags = run(md_report(2020, s2=md_t2("2021"), s3=md_t3("2021")), form)
    assert codes(diags) == ["DL109", "DL109"]
    assert "本年制发件数" in diags[0].message and "2020年度报告应使用2019年试行格式" in diags[0].message
    assert "1.申请人无正当理由逾期不补正" in diags[1].message


def test_dl109_fires_on_flat_tables_too():
    diags = run(md_report(2023, s2=md_t2("2019")), flat=True)
    assert codes(diags) == ["DL109"]


def test_dl109_quiet_without_a_year():
    md = md_report(2023, s2=md_t2("2019")).replace("2023年政府信息公开", "政府信息公开")
    assert [d for d in run(md) if d.code == "DL109"] == []


@pytest.mark.parametrize("form", ["markdown", "text"])
def test_dl110_missing_rows(form):
    md = md_report(2023, s2=md_t2("2021", drop_rows=["coercion"]),
                   s3=md_t3("2021", drop_rows=["result.not_open.admin_query", "result.other.no_fee"]))
    diags = run(md, form)
    assert codes(diags) == ["DL110", "DL110"]
    assert diags[0].message == "表二缺少2021年格式规定的1个栏目：行“行政强制”（国办公开办函〔2021〕30号）"
    assert diags[1].message.startswith("表三缺少2021年格式规定的2个栏目：行“8.属于行政查询事项”"
                                       "“2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”")
    assert diags[1].evidence["missing_rows"] == ["result.not_open.admin_query", "result.other.no_fee"]
    assert diags[0].pointer.startswith("二、主动公开政府信息情况")


def _drop_column(table: str, index: int) -> str:
    out = []
    for ln in table.splitlines():
        cells = ln.strip("|").split("|")
        del cells[index]
        out.append("|" + "|".join(cells) + "|")
    return "\n".join(out)


@pytest.mark.parametrize("form", ["markdown", "text"])
def test_dl110_missing_column(form):
    md = md_report(2023, s3=_drop_column(md_t3("2021"), 3))  # 科研机构
    diags = run(md, form)
    assert codes(diags) == ["DL110"]
    assert diags[0].message == "表三缺少2021年格式规定的1个栏目：列“科研机构”（国办公开办函〔2021〕30号）"
    assert diags[0].evidence["missing_cols"] == ["research"] and diags[0].evidence["missing_rows"] == []


@pytest.mark.parametrize("form", ["markdown", "text"])
def test_dl110_not_for_rows_under_a_column_label_the_tool_cannot_read(form):
    # a real table's 本年处理绝对数量 (决定 miswritten): its rows 行政许可… are there, unread — DL001 says so, not DL110
    md = md_report(2023, s2=md_t2("2021").replace("本年处理决定数量", "本年处理绝对数量"))
    diags = run(md, form)
    assert "DL110" not in codes(diags) and "DL001" in codes(diags)


def test_dl110_quiet_for_flat_tables():
    md = md_report(2023, s2=md_t2("2021", drop_rows=["coercion"]),
                   s3=md_t3("2021", drop_rows=["result.not_open.admin_query"]))
    assert [d for d in run(md, flat=True) if d.code == "DL110"] == []


def test_dl110_quiet_when_the_file_ends_in_the_table():
    # a scraped excerpt cut off inside table 三: the tail rows are not "missing"
    md = md_report(2023)
    cut = md.index("| 8.属于行政查询事项")
    assert [d for d in run(md[:cut], "text") if d.code == "DL110"] == []
    assert [d for d in run(md[:cut]) if d.code == "DL110"] == []


def test_dl110_gap_before_the_end_still_reported_when_the_file_ends_in_the_table():
    md = md_report(2023, s3=md_t3("2021", drop_rows=["result.not_open.state_secret"]))
    cut = md.index("| 8.属于行政查询事项")
    diags = [d for d in run(md[:cut]) if d.code == "DL110"]
    assert len(diags) == 1 and "1.属于国家秘密" in diags[0].message
    assert diags[0].evidence["file_ends_in_table"] is True


@pytest.mark.parametrize("form", ["markdown", "text"])
def test_dl111_local_additions_are_info(form):
    md = md_report(2020, s2=md_t2("2019", extra_rows=["其他主动公开文件"]), s3=md_t3("2019", extra_cols=["小计"]))
    diags = run(md, form)
    assert codes(diags) == ["DL111", "DL111"]
    assert {d.severity for d in diags} == {"info"}
    assert "行“其他主动公开文件”" in diags[0].message and "列“小计”" in diags[1].message


@pytest.mark.parametrize("form", ["markdown", "text"])
def test_dl001_unknown_row_label(form):
    diags = run(md_report(2023, s3=md_t3("2021", unknown_rows=["其中：网上申请"])), form)
    assert codes(diags) == ["DL001"]
    d = diags[0]
    assert d.severity == "warning" and d.category == "input"
    assert "工具未能识别表三中的1个栏目名“其中：网上申请”，相关统计检查已跳过" in d.message
    assert "不是报告的计算错误" in d.message
    assert d.match == "其中：网上申请"


def test_dl001_unplaced_numbers_in_a_flat_table():
    flat = as_flat(md_report(2023)).splitlines()
    i = flat.index("2.重复申请")
    del flat[i + 3]  # one of the seven numbers of the row is gone
    diags = [d for d in lint("\n".join(flat), select=RULES, fmt="text") if d.code == "DL001"]
    assert len(diags) == 1
    assert "“2.重复申请”行中6个数值所在的列" in diags[0].message


def test_dl001_table_of_unknown_labels():
    s3 = "| 项目 | 数量 |\n|---|---|\n| 网上申请 | 3 |\n| 当面申请 | 1 |"
    diags = run(md_report(2023, s3=s3))
    assert codes(diags) == ["DL001"]
    assert "2个栏目名“网上申请”“当面申请”" in diags[0].message  # the header cell 项目 is not listed


def test_dl001_quiet_for_known_label_variants():
    md = md_report(2023, s3=md_t3("2021").replace("2.其他法律行政法规禁止公开", "2.其他法律、行政法规禁止公开"))
    assert run(md) == []


@pytest.mark.parametrize("form", ["markdown", "text"])
def test_a_clerks_other_row_in_table_two_is_a_local_addition_not_the_tools_failure(form):
    """A row 其他 added under table 二 by the clerk is the report's addition (DL111, information), not a label the
    tool failed to read (it was DL001: '工具未能识别…相关统计检查已跳过', blaming the tool and skipping the checks)."""
    diags = run(md_report(2023, s2=md_t2("2021", extra_rows=["其他"])), form)
    assert codes(diags) == ["DL111"] and "行“其他”" in diags[0].message
    # a label that names nothing of the format is still the tool's to say it could not place
    diags = run(md_report(2023, s2=md_t2("2021", extra_rows=["其他部门转来"])), form)
    assert codes(diags) == ["DL001"] and "其他部门转来" in diags[0].message


def _with_item_after(md: str, after: str, label: str, value: str = "2") -> str:
    """Table 三 of ``md`` with a row ``label`` (its 自然人 and 总计 = ``value``) added after the row ``after``."""
    lines = md.splitlines()
    (i,) = [k for k, line in enumerate(lines) if line.startswith(f"| {after} |")]
    lines.insert(i + 1, f"| {label} | {value} | 0 | 0 | 0 | 0 | 0 | {value} |")
    return "\n".join(lines)


@pytest.mark.parametrize("form", ["markdown", "text", "flat"])
def test_an_item_added_past_the_last_of_its_group_is_named(form):
    """A clerk adds 9.其他 under （三）不予公开 (items 1–8). Its label is one of the format's (（六）其他处理 3.其他), so
    it was neither a local addition nor an unreadable label: its numbers were dropped without a word."""
    md = _with_item_after(md_report(2023), "8.属于行政查询事项", "9.其他")
    diags = run(md, flat=True) if form == "flat" else run(md, form)
    assert codes(diags) == ["DL111"]
    d = diags[0]
    assert d.severity == "info"
    assert "行“9.其他”（位于“（三）不予公开”之下）" in d.message
    assert "2021年格式（国办公开办函〔2021〕30号）的“（三）不予公开”只有1至8项" in d.message
    assert "已分别按计入和不计入该行的数字与各项之和核对" in d.message and "归入1至8项中相应的一项" in d.message
    assert d.pointer is not None and "表三 › （三）不予公开 › 9.其他" in d.pointer
    assert d.evidence["expected"] == "“（三）不予公开”的第1至8项" and d.evidence["actual"] == "9.其他"
    # under （四）无法提供 (items 1–3), in a 2019 trial-format table of a 2020 report
    md = _with_item_after(md_report(2020), "3.补正后申请内容仍不明确", "4.其他")
    diags = run(md, flat=True) if form == "flat" else run(md, form)
    assert codes(diags) == ["DL111"]
    assert "2019年试行格式（国办公开办函〔2019〕60号）的“（四）无法提供”只有1至3项" in diags[0].message
    # unnumbered, under （五）不予处理 (items 1–5)
    md = _with_item_after(md_report(2023), "5.要求行政机关确认或重新出具已获取信息", "其他")
    diags = run(md, flat=True) if form == "flat" else run(md, form)
    assert codes(diags) == ["DL111"]
    assert "行“其他”（位于“（五）不予处理”之下）" in diags[0].message and "只有1至5项" in diags[0].message


@pytest.mark.parametrize("form", ["markdown", "text", "flat"])
def test_the_formats_own_other_items_are_not_added_items(form):
    """（六）其他处理's own 3.其他 (2021) and the 2019 table's （六）其他处理 row are the format's: quiet."""
    for year in (2020, 2023):
        md = md_report(year)
        assert (run(md, flat=True) if form == "flat" else run(md, form)) == []
    # a label of no format numbered past the group's last item is the clerk's added item too (DL111), not the tool's
    md = _with_item_after(md_report(2023), "8.属于行政查询事项", "9.其他部门转来")
    diags = run(md, flat=True) if form == "flat" else run(md, form)
    assert codes(diags) == ["DL111"]
    # one outside every group (after 二、上年结转) stays the tool's to say it could not place (DL001)
    md = _with_item_after(md_report(2023), "二、上年结转政府信息公开申请数量", "其他部门转来")
    diags = run(md, flat=True) if form == "flat" else run(md, form)
    assert codes(diags) == ["DL001"]


@pytest.mark.parametrize("form", ["markdown", "text", "flat", "html", "docx"])
@pytest.mark.parametrize("label", ["9.其他原因", "9.涉及第三方权益未获同意以外的情形", "其他原因"])
def test_a_clerks_item_of_its_own_words_in_a_group_is_an_added_row_not_the_tools_failure(form, label):
    """A clerk adds ``9.其他原因`` (or an unnumbered ``其他原因``) after （三）不予公开's 8 items. It was DL001 ('工具未能
    识别…这是工具的读取问题', the table's checks skipped), blaming the tool for the report's addition; in HTML and Word,
    where （三）不予公开's merged cell is repeated beside it, the unnumbered label was dropped and its numbers read as the
    group row's, without a word. Now DL111 (information) names it under its group, and the rest of the table is checked:
    a wrong number elsewhere is still found."""
    if form == "flat" and not label[0].isdigit():
        pytest.skip("unnumbered in a one-line text: the tool cannot tell a label cut by the reader (DL001, below)")
    md = _with_item_after(md_report(2023), "8.属于行政查询事项", label, value="1")
    select = [*RULES, "DL201", "DL202"]
    diags = _lint_as(md, form, select)
    assert codes(diags) == ["DL111"], [d.message for d in diags]
    assert f"行“{label}”（位于“（三）不予公开”之下）" in diags[0].message and diags[0].severity == "info"
    wrong = md_report(2023, s3=md_t3("2021", values={("new", "natural_person"): "9"}))
    diags = _lint_as(_with_item_after(wrong, "8.属于行政查询事项", label, value="1"), form, select)
    assert "DL111" in codes(diags) and "DL001" not in codes(diags) and {"DL201", "DL202"} & set(codes(diags))


def test_an_unnumbered_unknown_row_in_flat_text_and_a_numbered_one_within_the_group_stay_the_tools():
    """Where the tool cannot tell a clerk's row from a label it misread, DL001 stays: a row numbered within the group's
    items whose place is not sure (``3.其他原因`` in a one-line text; beside the format's own item 3; out of order),
    and an unnumbered one in a one-line text (the reader cuts labels there)."""
    md = md_report(2023).replace("| 3.危及“三安全一稳定” |", "| 3.其他原因 |")
    assert codes(run(md, flat=True)) == ["DL001"]
    md = _with_item_after(md_report(2023), "3.危及“三安全一稳定”", "3.其他原因", value="1")
    assert codes(run(md)) == ["DL001"]
    md = _with_item_after(md_report(2023).replace("| 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n", ""),
                          "5.属于三类内部事务信息", "3.其他原因", value="1")
    assert codes(run(md)) == ["DL001"]
    md = _with_item_after(md_report(2023), "8.属于行政查询事项", "其他原因", value="1")
    assert codes(run(md, flat=True)) == ["DL001"]


@pytest.mark.parametrize("form", ["markdown", "text", "html", "docx"])
def test_an_item_relabelled_in_its_place_is_read_as_that_item(form):
    """A clerk writes ``3.其他原因`` in place of ``3.危及“三安全一稳定”``: numbered within （三）不予公开, between its
    items 2 and 4, the rest of the table read.  It was DL001 ('工具未能识别…', every check of the table skipped), so a
    wrong （七）总计 passed.  It is now read as item 3, DL111 (information) says so, and the table is checked."""
    select = [*RULES, "DL201", "DL202", "DL203", "DL210"]
    md = md_report(2023).replace("| 3.危及“三安全一稳定” |", "| 3.其他原因 |")
    diags = _lint_as(md, form, select)
    assert codes(diags) == ["DL111"], [d.message for d in diags]
    d = diags[0]
    assert d.severity == "info" and "行“3.其他原因”（位于“（三）不予公开”之下，占第3项的位置）" in d.message
    assert "“（三）不予公开”的这一项是“3.危及“三安全一稳定””" in d.message
    assert d.evidence["expected"] == "3.危及“三安全一稳定”" and d.evidence["actual"] == "3.其他原因"
    values = {(r, c): v for r, v in (("new", "1"), ("result.not_open.security_stability", "1"), ("result.total", "1"))
              for c in ("natural_person", "total")}
    right = md_t3("2021", values=values).replace("| 3.危及“三安全一稳定” |", "| 3.其他原因 |")
    assert codes(_lint_as(md_report(2023, s3=right), form, select)) == ["DL111"]
    # its zeros left blank, as clerks often do
    blank = right.replace("| 3.其他原因 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |", "| 3.其他原因 | 1 |  |  |  |  |  | 1 |")
    assert blank != right and codes(_lint_as(md_report(2023, s3=blank), form, select)) == ["DL111"]
    wrong = md_t3("2021", values={**values, **{("new", c): "2" for c in ("natural_person", "total")},
                                  **{("result.total", c): "2" for c in ("natural_person", "total")}})
    diags = _lint_as(md_report(2023, s3=wrong.replace("| 3.危及“三安全一稳定” |", "| 3.其他原因 |")), form, select)
    assert codes(diags) == ["DL111", "DL203", "DL203"], [d.message for d in diags]
    assert "（七）总计为2，但各项办理结果之和为1" in diags[1].message


def _lint_as(md: str, form: str, select: list[str]):
    """``md`` checked as ``form``: markdown, text, flat (one line), html or docx (rendered with merged cells)."""
    if form == "flat":
        return lint(as_flat(md), select=select, fmt="text")
    if form in FORMS:
        text, fmt = FORMS[form](md)
        return lint(text, select=select, fmt=fmt)
    from disclosure_lint.config import Config
    from disclosure_lint.engine import prepare
    from disclosure_lint.engine import run as run_rules
    from disclosure_lint.packs import load_rules
    from disclosure_lint.readers import read_document

    from . import render
    config = Config(select=select)
    doc = read_document(f"report.{form}", render.render(md, f".{form}"))
    return run_rules(interpret(doc, Overrides()), prepare(load_rules(), config), config.limits)


@pytest.mark.parametrize("form", ["markdown", "text", "flat"])
@pytest.mark.parametrize("label", ["合计", "小计", "总计"])
def test_a_groups_sub_total_row_is_a_local_addition_not_the_grand_total(form, label):
    """A template's sub-total row after （三）不予公开's items: 合计 was read as （七）总计 (the first one read wins), so a
    correct table got eight arithmetic errors (DL201, DL203: “（七）总计为5”); 小计 was DL001 blaming the tool (or, in
    HTML, Word and PDF, dropped without a word). Now a local addition (DL111), the （七）总计 row the total."""
    values = {(r, c): v for r, v in (("new", "3"), ("result.open", "1"), ("result.not_open.state_secret", "2"),
                                      ("result.total", "3")) for c in ("natural_person", "total")}
    md = md_report(2023, s3=md_t3("2021", values=values))
    md = _with_item_after(md, "8.属于行政查询事项", label, value="2")  # the sub-total of （三）: 2
    select = [*RULES, "DL201", "DL202", "DL203"]
    text, fmt = (as_flat(md), "text") if form == "flat" else FORMS[form](md)
    diags = lint(text, select=select, fmt=fmt)
    assert codes(diags) == ["DL111"] and f"行“{label}”" in diags[0].message and diags[0].severity == "info"
    # named with its group (it said only 行“合计”, which reads as a row of the table, not of （三）)
    assert f"（三）不予公开的小计行“{label}”" in diags[0].message
    assert diags[0].pointer is not None and f"表三 › （三）不予公开 › {label}" in diags[0].pointer
    if label == "合计":  # the group's label cut as written (a PDF's narrow cell): named by the format's label
        cut = md.replace("| （三）不予公开 |", "| （三）不予公 |")
        assert cut != md
        text, fmt = (as_flat(cut), "text") if form == "flat" else FORMS[form](cut)
        (d,) = lint(text, select=select, fmt=fmt)
        assert "（三）不予公开的小计行“合计”" in d.message
    if label == "小计":  # one after each of two groups: each named with its own
        md2 = _with_item_after(md, "3.补正后申请内容仍不明确", "小计", value="0")
        text, fmt = (as_flat(md2), "text") if form == "flat" else FORMS[form](md2)
        (d,) = lint(text, select=select, fmt=fmt)
        assert "（三）不予公开的小计行“小计”、（四）无法提供的小计行“小计”" in d.message


@pytest.mark.parametrize("form", ["markdown", "text", "flat"])
def test_the_grand_total_written_he_ji_after_the_last_group_is_still_the_total(form):
    """（七）总计 written 合计, after （六）其他处理's items: still the table's total, checked as before."""
    md = md_report(2023, s3=md_t3("2021").replace("| （七）总计 |", "| 合计 |"))
    select = [*RULES, "DL201", "DL202", "DL203"]

    def run_(m: str):
        text, fmt = (as_flat(m), "text") if form == "flat" else FORMS[form](m)
        return lint(text, select=select, fmt=fmt)

    assert run_(md) == []
    wrong = md_report(2023, s3=md_t3("2021", values={("result.total", "total"): "9"}).replace("| （七）总计 |", "| 合计 |"))
    assert "DL203" in codes(run_(wrong))


def _with_group_row(md: str, group: str, values: list[str]) -> str:
    """Table 三 of ``md`` with ``group``'s label row (a row of its own above its items) carrying ``values``."""
    lines = md.splitlines()
    (i,) = [k for k, line in enumerate(lines) if line.replace(" ", "").startswith(f"|{group}||")]
    lines[i] = f"| {group} | {' | '.join(values)} |"
    return "\n".join(lines)


@pytest.mark.parametrize("form", ["markdown", "text", "flat", "html", "docx"])
def test_a_group_row_filled_with_its_sub_total_is_checked_against_its_items(form):
    """（三）不予公开's label row filled with numbers (its sub-total, which the format does not have) was accepted without
    a word, so a sub-total that disagrees with its items passed. Now each column is compared with the sum of the items
    (DL212, a warning: the format neither has nor forbids the numbers); equal, it is quiet."""
    values = {(r, c): v for r, v in (("new", "3"), ("result.open", "1"), ("result.not_open.state_secret", "1"),
                                      ("result.not_open.third_party", "1"), ("result.total", "3"))
              for c in ("natural_person", "total")}
    md = md_report(2023, s3=md_t3("2021", values=values))
    select = [*RULES, "DL201", "DL202", "DL203", "DL212"]
    ok = _with_group_row(md, "（三）不予公开", ["2", "0", "0", "0", "0", "0", "2"])
    assert _lint_as(ok, form, select) == []
    bad = _with_group_row(md, "（三）不予公开", ["3", "0", "0", "0", "0", "0", "3"])
    diags = _lint_as(bad, form, select)
    assert codes(diags) == ["DL212"], [d.message for d in diags]
    d = diags[0]
    assert d.severity == "warning"
    assert "表三“（三）不予公开”一行所填的数字与其下各项之和不符：“自然人”列为3，其第1至8项之和为2；“总计”列为3" in d.message
    assert d.evidence["expected"] == 2 and d.evidence["actual"] == 3
    assert [c["column"] for c in d.evidence["cells"]] == ["natural_person", "total"]
    if form in ("markdown", "docx"):
        assert d.pointer is not None and "表三 › （三）不予公开 › 自然人" in d.pointer


def test_a_group_row_with_a_clerks_added_item_is_not_summed():
    """A clerk's item added in the group (DL111) may be in the group row's sub-total: that group is not checked."""
    md = _with_group_row(md_report(2023), "（三）不予公开", ["1", "0", "0", "0", "0", "0", "1"])
    assert codes(lint(md, select=[*RULES, "DL212"])) == ["DL212"]  # all items 0, sub-total 1
    md = _with_item_after(md, "8.属于行政查询事项", "9.其他原因", value="1")
    assert codes(lint(md, select=[*RULES, "DL212"])) == ["DL111"]


@pytest.mark.parametrize("form", ["markdown", "html"])
def test_the_prose_is_still_compared_with_a_table_that_has_a_clerks_added_row(form):
    """A table 三 with a clerk's row in a group (9.其他原因 after （三）不予公开's items) was not compared with the prose at
    all (its numbers were taken for a row the tool could not place): a wrong 办结 count passed. Now only the sum of that
    group is left out (the prose's 不予公开 may count the added row, or not); the rest is compared."""
    values = {(r, c): v for r, v in (("new", "3"), ("result.open", "1"), ("result.not_open.state_secret", "1"),
                                      ("result.not_open.third_party", "1"), ("result.total", "3"))
              for c in ("natural_person", "total")}
    md = _with_item_after(md_report(2023, s3=md_t3("2021", values=values)), "8.属于行政查询事项", "9.其他原因", "1")
    select = [*RULES, "DL230", "DL231"]

    def check(prose: str):
        return _lint_as(md.replace("本局全年主动公开政府信息120条。", prose), form, select)

    assert codes(check("本年新收政府信息公开申请3件，全年办结3件，其中予以公开1件、不予公开3件。")) == ["DL111"]
    diags = check("本年新收政府信息公开申请3件，全年办结4件。")
    assert sorted(codes(diags)) == ["DL111", "DL230"] and "办结4件" in diags[-1].message + diags[0].message
    assert sorted(codes(check("本年新收政府信息公开申请3件，全年办结3件，其中予以公开2件。"))) == ["DL111", "DL231"]


@pytest.mark.parametrize("form", ["markdown", "text", "docx"])
def test_the_prose_other_count_is_compared_with_the_items_not_a_clerks_sub_total(form):
    """2021: （六）其他处理's group row filled with a wrong sub-total (2, its items 1) was read as the group's count, so
    the prose's correct 其他处理1件 got DL231 besides DL212. Now the prose is compared with the items' sum (as for （三）
    （四）（五））; a 2019 table's （六）其他处理, a row of its own, is still compared as it is."""
    values = {(r, c): v for r, v in (("new", "2"), ("result.open", "1"), ("result.other.no_correction", "1"),
                                      ("result.total", "2")) for c in ("natural_person", "total")}
    md = md_report(2023, s3=md_t3("2021", values=values)).replace(
        "本局全年主动公开政府信息120条。", "本年新收政府信息公开申请2件，全年办结2件，其中予以公开1件、其他处理1件。")
    select = [*RULES, "DL212", "DL230", "DL231"]
    assert _lint_as(md, form, select) == []
    bad = _with_group_row(md, "（六）其他处理", ["2", "0", "0", "0", "0", "0", "2"])
    assert codes(_lint_as(bad, form, select)) == ["DL212"]
    wrong = md.replace("其他处理1件", "其他处理2件")
    assert codes(_lint_as(wrong, form, select)) == ["DL231"]


@pytest.mark.parametrize("form", ["markdown", "text", "flat", "html", "docx"])
def test_a_groups_sub_total_row_is_checked_against_its_items(form):
    """A 小计 (or 合计) row after （三）不予公开's items was set aside as a local addition (DL111) and its numbers read by
    nobody: a sub-total that disagrees with its items passed. Now DL212 compares it too; equal, only DL111."""
    values = {(r, c): v for r, v in (("new", "3"), ("result.open", "1"), ("result.not_open.state_secret", "1"),
                                      ("result.not_open.third_party", "1"), ("result.total", "3"))
              for c in ("natural_person", "total")}
    md = md_report(2023, s3=md_t3("2021", values=values))
    select = [*RULES, "DL201", "DL202", "DL203", "DL212"]
    assert codes(_lint_as(_with_item_after(md, "8.属于行政查询事项", "小计", value="2"), form, select)) == ["DL111"]
    diags = _lint_as(_with_item_after(md, "8.属于行政查询事项", "合计", value="3"), form, select)
    assert sorted(codes(diags)) == ["DL111", "DL212"], [x.message for x in diags]
    (d,) = [x for x in diags if x.code == "DL212"]
    assert d.severity == "warning"
    assert ("表三“（三）不予公开”的小计行“合计”与其下各项之和不符：“自然人”列为3，其第1至8项之和为2；“总计”列为3，"
            "其第1至8项之和为2") in d.message
    assert d.pointer is not None and "表三 › （三）不予公开 › 合计 › 自然人" in d.pointer
    assert [(c["column"], c["expected"], c["actual"]) for c in d.evidence["cells"]] == [
        ("natural_person", 2, 3), ("total", 2, 3)]


@pytest.mark.parametrize("form", ["markdown", "html"])
def test_an_of_which_row_is_named_as_a_breakdown_not_an_item_to_move(form):
    """A clerk's 其中：涉及个人隐私 under 7.属于行政执法案卷 is a breakdown of that item (its numbers counted in it): DL111
    says so, not 'move these applications into one of items 1–8' as for an added item (before: DL001, the tool's)."""
    md = _with_item_after(md_report(2023), "7.属于行政执法案卷", "其中：涉及个人隐私", value="1")
    (d,) = _lint_as(md, form, RULES)
    assert d.code == "DL111" and "行“其中：涉及个人隐私”（位于“（三）不予公开”之下）" in d.message
    assert "“其中”行是上一项的细分" in d.message and "归入" not in d.message


@pytest.mark.parametrize("form", ["markdown", "text", "flat", "html", "docx"])
def test_the_result_total_is_checked_with_and_without_a_clerks_added_item(form):
    """With a clerk's 9.其他原因 after （三）不予公开's items, the check of （七）总计 against the items (I3, DL203) was
    skipped: a wrong （七）总计 passed.  It is now tried both ways, with and without the added row's figures: quiet when
    either holds (the clerk counted the row in the totals, or left it out), DL203 when neither does, saying so."""
    values = {(r, c): v for r, v in (("new", "4"), ("result.open", "2"), ("result.not_open.third_party", "1"),
                                      ("result.total", "3"), ("carried_forward", "1"))
              for c in ("natural_person", "total")}
    select = [*RULES, "DL201", "DL202", "DL203", "DL210"]

    def lint_with(vals: dict) -> list:
        return _lint_as(_with_item_after(md_report(2023, s3=md_t3("2021", values=vals)), "8.属于行政查询事项",
                                         "9.其他原因", value="1"), form, select)

    # left out of the totals: 3 = 2 + 1
    assert codes(lint_with(values)) == ["DL111"]
    # counted in them: 4 = 2 + 1 + 1 (and 一 + 二 = 4 + 0)
    counted = {**values, **{(r, c): v for r, v in (("result.total", "4"), ("carried_forward", "0"))
                            for c in ("natural_person", "total")}}
    assert codes(lint_with(counted)) == ["DL111"]
    # neither: the items 2 + 1 (+ 1) against a （七）总计 of 5, while 一 + 二 = （七） + 四 still holds
    wrong = {**values, **{(r, c): v for r, v in (("new", "6"), ("result.total", "5"))
                          for c in ("natural_person", "total")}}
    diags = [d for d in lint_with(wrong) if d.code == "DL203"]
    assert len(diags) == 2, [d.message for d in lint_with(wrong)]
    assert "（七）总计为5，但各项办理结果之和为3" in diags[0].message
    assert "“9.其他原因”行，本列填1，计入该行为4，计入与不计入都与（七）总计不符" in diags[0].message
    # two added rows (9.其他原因 under （三）, 4.其他 under （四）), the clerk counting only the first: each row is tried
    # counted or not (it was DL203: neither all nor none of them holds)
    one = {**counted, **{("result.total", c): "4" for c in ("natural_person", "total")},
           **{("new", c): "4" for c in ("natural_person", "total")}}

    def two_added(vals: dict) -> str:
        return _with_item_after(_with_item_after(md_report(2023, s3=md_t3("2021", values=vals)), "8.属于行政查询事项",
                                                 "9.其他原因", "1"), "3.补正后申请内容仍不明确", "4.其他", "1")

    assert codes(_lint_as(two_added(one), form, select)) == ["DL111", "DL111"]
    seven = {**one, **{(r, c): "7" for r in ("new", "result.total") for c in ("natural_person", "total")}}
    diags = [d for d in _lint_as(two_added(seven), form, select) if d.code == "DL203"]
    assert len(diags) == 2, [d.message for d in _lint_as(two_added(seven), form, select)]
    assert "“9.其他原因”、“4.其他”行，本列共填2，全部计入为5，逐行计入与否都与（七）总计不符" in diags[0].message
    if form == "flat":
        return  # (an unnumbered row in a one-line text stays DL001: its place is not sure)
    # a 其中： row is a breakdown of the item above: never added, and said so (it said 本列为0 of a row holding 1)
    md = _with_item_after(md_report(2023, s3=md_t3("2021", values=wrong)), "7.属于行政执法案卷", "其中：涉及个人隐私", "1")
    diags = [d for d in _lint_as(md, form, select) if d.code == "DL203"]
    assert len(diags) == 2 and "“其中：涉及个人隐私”行是上一项的细分，已含在该项中，不另计入" in diags[0].message
    assert "本列为0" not in diags[0].message and "计入该行" not in diags[0].message
    # counted in the totals (一 + 二 − 四 = 4), with （七）总计 mistyped 5: the one wrong cell (DL210), not three errors
    typo = {**counted, ("result.total", "total"): "5"}
    diags = lint_with(typo)
    assert codes(diags) == ["DL111", "DL210"], [d.message for d in diags]
    assert "“（七）总计”行“总计”列的数字5可能有误" in diags[1].message
    assert "改为4（办理结果合计计入表中另加的“9.其他原因”行的1）即全部成立" in diags[1].message


def test_a_table_whose_numbers_run_into_its_labels_is_unread_not_blank():
    # a page flattened into one line, table 二's labels and numbers run together (规章000行政规范性文件8855698): the
    # tool cannot split 8855698 into its three cells — it says it could not read the table (DL001), not that the
    # table holds no number (DL209)
    from .conftest import lint

    s2 = ("二、主动公开政府信息情况第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章000行政规范性文件8855698"
          "第二十条第（五）项信息内容本年处理决定数量行政许可10690第二十条第（六）项信息内容本年处理决定数量行政处罚2113行政强制0"
          "第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费9116.36")
    text = f"某某区2022年政府信息公开工作年度报告\n一、总体情况\n本区认真贯彻《条例》。\n{s2}\n三、收到和处理政府信息公开申请情况\n无。\n"
    codes = [d.code for d in lint(text, fmt="text", select=["DL001", "DL209"])]
    assert codes == ["DL001"]


# -- a table broken apart in a copy: its rows written as lines of text beside it ---------------------------

_T2_KEPT = ("| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n"
            "| 规章 | 0 | 0 | 0 |\n| 规范性文件 | 13 | 0 | 55 |")


def _apart(before: str, after: str = "") -> str:
    return md_report(2024, s2="\n".join(x for x in (before, _T2_KEPT) if x) + (f"\n\n{after}" if after else ""))


def test_rows_written_beside_a_broken_table_are_the_tools_reading_problem_not_missing_rows():
    # a PDF converted to Markdown: the licensing, penalty and fee rows left as loose lines above the table
    before = ("第二十条第（五）项\n信息内容本年处理决定数量\n行政许可 97\n第二十条第（六）项\n行政处罚 0\n行政强制 0\n"
              "第二十条第（八）项\n行政事业性收费 0\n")
    got = run(_apart(before))
    assert [d.code for d in got] == ["DL001"]
    assert "4行“行政许可”“行政处罚”“行政强制”“行政事业性收费”" in got[0].message
    assert "拆开" in got[0].message and "不是报告的计算错误" in got[0].message
    assert got[0].evidence["rows_beside_table"] == ["licensing", "penalty", "coercion", "fees"]


def test_rows_written_after_a_broken_table_count_too():
    after = "行政许可 97\n行政处罚 0\n行政强制 0\n行政事业性收费 0"
    assert [d.code for d in run(_apart("", after))] == ["DL001"]


@pytest.mark.parametrize("before", [
    "",  # nothing beside it: the rows are missing
    "本局全年作出行政许可97件、行政处罚决定3件。",  # the labels inside a sentence are not rows
    "行政许可事项办理情况良好，群众满意度较高，全年没有发生投诉举报情况，今后将继续加强管理和服务工作。",
])
def test_rows_not_written_as_lines_beside_the_table_are_still_missing(before):
    got = run(_apart(before))
    assert [d.code for d in got] == ["DL110"]
    assert "行政许可" in got[0].message


def test_a_table_three_whose_rows_run_one_cell_a_line_with_lone_pipes_is_not_called_short_of_rows():
    # the page wrote each row's label and first value on a line, then each empty cell as a lone "|" and the total as
    # "| 25 |": not a grid of the header and one row — the excerpt, cut inside the table, says so (DL002), nothing more
    text = ("某某区发改局2020年政府信息公开工作年度报告\n一、总体情况\n2020年，区发改局认真贯彻《条例》。\n"
            "三、收到和处理政府信息公开申请情况\n(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申\n"
            "自然人 | 法人或其他组织 | 总计 |\n商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |\n"
            "一、本年新收政府信息公开申请数量 | 25 |\n|\n|\n|\n|\n| 25 |\n二、上年结转政府信息公开申请数量 |\n|\n|\n|\n|\n|\n"
            "| 0 |\n三、本年度办理结果 | (一)予以公开 | 7 |\n|\n|\n|\n|\n| 7 |\n")
    got = [d.code for d in lint(text, fmt="text", year=2020, select=["DL110", "DL208", "DL002", "DL001"])]
    assert "DL110" not in got and "DL208" not in got and "DL002" in got


def test_a_2019_block_left_in_a_2021_table_two_is_the_formats_not_the_readings():
    """A real town's 2021 table 二 kept the trial format's 第二十条第（九）项 政府集中采购 block (under 采购数量, a slip of
    采购项目数量): DL109 names its labels for the table's part; DL001 said it could not place the row's numbers."""
    from pathlib import Path

    from .conftest import lint

    clean = (Path(__file__).resolve().parents[1] / "examples" / "clean-2023.md").read_text(encoding="utf-8")
    block = ("| 行政事业性收费 | 0 |\n\n第二十条第（九）项\n\n| 信息内容 | 采购数量 | 采购总金额 |\n|---|---:|---:|\n"
             "| 政府集中采购 | 34 | 240101 |\n")
    text = clean.replace("| 行政事业性收费 | 0 |\n", block.replace("采购数量", "采购项目数量"), 1)
    got = lint(text, select=["DL001", "DL109"])
    assert [d.code for d in got] == ["DL109"] and got[0].severity == "error"
    assert got[0].message.startswith("表二的部分栏目按2019年试行格式填报（") and "“政府集中采购”" in got[0].message
    # its column misspelt: that label is the one the tool could not read (DL001), the row's numbers are not
    got = lint(clean.replace("| 行政事业性收费 | 0 |\n", block, 1), select=["DL001", "DL109"])
    assert [d.code for d in got] == ["DL109", "DL001"] and "“采购数量”" in got[1].message and "数值" not in got[1].message
    assert lint(clean, select=["DL001", "DL109"]) == []
    # a text copy that printed the table a cell a line: the row's two numbers are the block's, not unplaced
    flat = ("某某镇2021年政府信息公开工作年度报告\n一、总体情况\n2021年，本镇主动公开政府信息120条。\n二、主动公开政府信息情况\n"
            "第二十条第(一)项 |\n信息内容 |\n本年制发件数 |\n本年废止件数 |\n现行有效件数 |\n规章 |\n0 |\n0 |\n0 |\n"
            "行政规范性文件 |\n0 |\n0 |\n0 |\n第二十条第(九)项 |\n信息内容 |\n采购数量 |\n采购总金额 |\n政府集中采购 |\n34 |\n"
            "240101 |\n三、收到和处理政府信息公开申请情况\n")
    assert "DL001" not in [d.code for d in lint(flat, fmt="text", select=["DL001"])]


def test_table_two_of_neither_format_names_its_part_of_the_other():
    """A real bureau's 2021 table 二 (a text copy, its header cells cut to their first line: 本年新 | 本年新 |
    对外公开总数量): its 第二十条第（一）项 block in the trial format's columns, the other blocks in the 2021 format's — a
    table of neither format.  DL109 names the part, as for a block left in; the columns it lacks for that are not
    listed again by DL110 (one defect, one error) — unless DL109 is off, or something else is missing too."""
    from .conftest import lint

    text = ("某某市某某局2021年政府信息公开工作年度报告\n一、总体情况\n2021年，本局主动公开政府信息120条。\n"
            "二、主动公开政府信息情况\n第二十条第(一)项 | ||||\n信息内容 | 本年新 | 本年新 | 对外公开总数量 | |\n"
            "规章 | 0 | 0 | 0 | |\n规范性文件 | 0 | 0 | 0 | |\n第二十条第(五)项 | ||||\n信息内容 | 本年处理决定数量 | |||\n"
            "行政许可 | 2 | |||\n第二十条第(六)项 | ||||\n信息内容 | 本年处理决定数量 | |||\n行政处罚 | 0 | |||\n"
            "行政强制 | 0 | |||\n第二十条第(八)项 | ||||\n信息内容 | 本年收费金额(单位:万元) | |||\n行政事业性收费 | 0 |\n")
    got = lint(text, fmt="text", select=["DL109", "DL110"])
    assert [d.code for d in got] == ["DL109"]
    (d109,) = got
    (d110,) = lint(text, fmt="text", select=["DL110"])
    assert d110.evidence["missing_cols"] == ["issued", "repealed", "in_force"]
    also = lint(text.replace("行政强制 | 0 | |||\n", ""), fmt="text", select=["DL109", "DL110"])
    assert sorted(d.code for d in also) == ["DL109", "DL110"]
    assert [d.evidence["missing_rows"] for d in also if d.code == "DL110"] == [["coercion"]]
    assert d109.message.startswith("表二的部分栏目按2019年试行格式填报（") and "对外公开总数量" in d109.message
    right = text.replace("本年新 | 本年新 | 对外公开总数量", "本年制发件数 | 本年废止件数 | 现行有效件数")
    assert lint(right, fmt="text", select=["DL109", "DL110"]) == []


def test_table_two_mostly_of_the_trial_format_with_blocks_of_the_2021_one_is_said_in_part():
    """Real 2021 reports (audits: two) whose table 二 has the trial format's columns in full in its 第二十条第（一）项 block
    and the 2021 format's 本年处理决定数量 and 本年收费金额 below: DL109 said the whole table was in the trial format."""
    from .conftest import lint

    text = ("某某市某某局2021年政府信息公开工作年度报告\n一、总体情况\n2021年，本局主动公开政府信息120条。\n"
            "二、主动公开政府信息情况\n第二十条第(一)项 | ||||\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 | |\n"
            "规章 | 0 | 0 | 0 | |\n规范性文件 | 0 | 0 | 0 | |\n第二十条第(五)项 | ||||\n信息内容 | 本年处理决定数量 | |||\n"
            "行政许可 | 2 | |||\n第二十条第(六)项 | ||||\n信息内容 | 本年处理决定数量 | |||\n行政处罚 | 0 | |||\n"
            "行政强制 | 0 | |||\n第二十条第(八)项 | ||||\n信息内容 | 本年收费金额(单位:万元) | |||\n行政事业性收费 | 0 |\n")
    (d109,) = lint(text, fmt="text", select=["DL109"])
    assert d109.message.startswith("表二的部分栏目按2019年试行格式填报（") and "本年新制作数量" in d109.message


def test_a_column_whose_label_the_header_has_is_not_missing_when_its_rows_are_short():
    """A PDF converted to Markdown (a real conversion, written anew): table 二's header as a table of its own and each
    row as another, the rows one cell short (| 规章 | 22 | 235 |) — the column 现行有效件数 is in the header, so it is not
    a column the report left out (DL110, an error, said so); a header without the column still gets DL110."""
    head = ("# 某某市某某委员会2024年政府信息公开工作年度报告\n\n## 一、总体情况\n\n本委全年主动公开政府信息120条。\n\n"
            "## 二、主动公开政府信息情况\n\n第二十条第（一）项\n\n")
    rows = "| 规章 | 22 | 235 |\n|---|---|---|\n\n| 行政规范性文件 | 34 | 189 |\n|---|---|---|\n"
    header = "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n\n"
    text = head + header + rows
    assert "DL110" not in codes(lint(text, year=2024, select=["DL110"]))
    without = head + "| 信息内容 | 本年制发件数 | 本年废止件数 |\n|---|---|---|\n\n" + rows
    assert "DL110" in codes(lint(without, year=2024, select=["DL110"]))
