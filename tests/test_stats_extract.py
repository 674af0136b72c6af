"""Statistics-table extraction (report/stats/extract.py, flat.py, html.py): every layout of tables
二/三/四 in Markdown and in text, both format versions.

Tables are generated here in each layout with a distinct value in every cell, so a test can check
that each number lands in its own (row, column) and nothing else.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from disclosure_lint.readers import markdown as md_reader
from disclosure_lint.readers import text as text_reader
from disclosure_lint.report import Overrides, interpret
from disclosure_lint.report.stats import labels as lb
from disclosure_lint.report.stats.extract import extract
from disclosure_lint.report.stats.schema import S3_COLS, schema

from .conftest import NO_SHARED, SHARED, lint, shared_params

FIXTURES = Path(__file__).parent / "fixtures" / "stats"
SEED = (SHARED / "seed/shangtang-2019.txt")

NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
TOP_RESULT = "三、本年度办理结果"
COLS7 = [c.id for c in S3_COLS]
COL_LABELS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]


def report(text: str, fmt: str = "markdown", year: int | None = None, format_version: str | None = None):
    text = textwrap.dedent(text)
    doc = md_reader.parse(text, path="t.md") if fmt == "markdown" else text_reader.parse(text, path="t.txt")
    return interpret(doc, Overrides(year=year, format_version=format_version))


# -- table 三 generators ----------------------------------------------------------------------------------

def s3_paths(version: str) -> list[tuple[str, str, str | None, str | None]]:
    """(row id, top label, group label, item label) for every data row, in order."""
    out = []
    sch = schema("s3", version)
    group_label = {r.id: r.label for r in sch.rows if not r.data}
    for r in sch.data_rows():
        if r.group is None:
            out.append((r.id, r.label, None, None))
        elif r.group == "result":
            out.append((r.id, TOP_RESULT, r.label, None))
        else:
            out.append((r.id, TOP_RESULT, group_label[r.group], r.label))
    return out


def value(ri: int, ci: int) -> str:
    return str(ri * 10 + ci + 1)


def s3_label_rows(version: str, layout: str, subtotal: bool = False) -> list[list[str]]:
    """Label cells + values of each row of table 三 in one of the row layouts.

    * ``empty``: three label columns, a merged cell written once and left empty below;
    * ``repeat``: three label columns, a merged cell repeated in every row and column it covers;
    * ``flat``: one label column, group rows alone with empty numbers;
    * ``combined``: one label column, the group written with its first item (（三）不予公开 1.属于国家秘密);
    * ``collapsed``: the cells of a rowspan dropped (HTML copied as text): each row is its labels and numbers.
    """
    rows: list[list[str]] = []
    prev_top = prev_group = None
    ncols = 8 if subtotal else 7
    for ri, (_rid, top, group, item) in enumerate(s3_paths(version)):
        vals = [value(ri, ci) for ci in range(7)]
        if subtotal:
            vals = vals[:6] + ["S" + str(ri)] + vals[6:]
        if layout == "empty":
            labels = [top if top != prev_top else "", (group or "") if group != prev_group else "", item or ""]
        elif layout == "repeat":
            labels = [top, group or top, item or group or top]
        elif layout in ("flat", "combined"):
            if top != prev_top and group is not None:
                rows.append([top] + [""] * ncols)
            if group is not None and group != prev_group and item is not None:
                if layout == "flat":
                    rows.append([group] + [""] * ncols)
                    labels = [item]
                else:
                    labels = [f"{group} {item}"]
            else:
                labels = [item or group or top]
        elif layout == "collapsed":
            labels = []
            if top != prev_top:
                labels.append(top)
            if group is not None and group != prev_group:
                labels.append(group)
            if item is not None:
                labels.append(item)
            if not labels:
                labels = [group or top]
        else:  # pragma: no cover
            raise ValueError(layout)
        rows.append(labels + vals)
        prev_top, prev_group = top, group
    return rows


def s3_header(layout: str, width: int, subtotal: bool = False) -> list[list[str]]:
    """Header rows over ``width`` label columns: ``empty``/``repeat`` (three rows, merged cells blank or
    repeated), ``collapsed`` (covered cells dropped), ``single`` (one row of the seven leaf labels)."""
    kids = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"] + (["小计"] if subtotal else [])
    n = len(kids)
    if layout == "empty":
        return [[NOTE] + [""] * (width - 1) + ["申请人情况"] + [""] * (n + 1),
                [""] * width + ["自然人", "法人或其他组织"] + [""] * (n - 1) + ["总计"],
                [""] * width + [""] + kids + [""]]
    if layout == "repeat":
        return [[NOTE] * width + ["申请人情况"] * (n + 2),
                [NOTE] * width + ["自然人"] + ["法人或其他组织"] * n + ["总计"],
                [NOTE] * width + ["自然人"] + kids + ["总计"]]
    if layout == "collapsed":
        return [[NOTE, "申请人情况"], ["自然人", "法人或其他组织", "总计"], kids]
    if layout == "single":
        return [[NOTE] + [""] * (width - 1) + ["自然人"] + kids + ["总计"]]
    raise ValueError(layout)  # pragma: no cover


def as_markdown(rows: list[list[str]]) -> str:
    width = max(len(r) for r in rows)
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    del width
    return "\n".join(lines)


def as_pipes(rows: list[list[str]]) -> str:
    return "\n".join("| " + " | ".join(r) + " |" for r in rows)


def as_tabs(rows: list[list[str]]) -> str:
    # empty cells left out (a copy that drops them): this is the "collapsed" layout in effect
    return "\n".join("\t".join(c for c in r if c) for r in rows)


def as_tab_grid(rows: list[list[str]]) -> str:
    # every cell written, an empty one as nothing between two tabs (a copy from a spreadsheet or Word)
    return "\n".join("\t".join(r) for r in rows)


def wrap(body: str, heading: str = "三、收到和处理政府信息公开申请情况", year: int = 2023, fmt: str = "markdown") -> str:
    title = f"某某市某某局{year}年政府信息公开工作年度报告"
    if fmt == "markdown":
        return f"# {title}\n\n## {heading}\n\n{body}\n"
    return f"{title}\n{heading}\n{body}\n"


def check_s3(st, version: str, subtotal: bool = False) -> None:
    assert st.unmapped == [], [(u.label, u.what) for u in st.unmapped]
    assert st.missing_rows == []
    assert st.missing_cols == []
    paths = s3_paths(version)
    assert len(paths) == (25 if version == "2021" else 23)
    for ri, (rid, *_rest) in enumerate(paths):
        for ci, cid in enumerate(COLS7):
            cell = st.get(rid, cid)
            assert cell is not None, (rid, cid)
            assert cell.raw == value(ri, ci), (rid, cid, cell.raw)
            assert cell.value.kind == "int"
        if subtotal:
            assert st.get(rid, "org_subtotal").raw == f"S{ri}"
    data_rows = {r.id for r in st.schema.data_rows()}
    data = {(r, c) for r, c in st.cells if c in COLS7 and r in data_rows}
    assert len(data) == len(paths) * 7
    if subtotal:
        assert [x[0] for x in st.extra_cols] == ["小计"]
    else:
        assert st.extra_cols == []


ROW_LAYOUTS = ["empty", "repeat", "flat", "combined", "collapsed"]


@pytest.mark.parametrize("version", ["2021", "2019"])
@pytest.mark.parametrize("layout", ROW_LAYOUTS)
def test_s3_markdown_every_cell(version, layout):
    rows = s3_label_rows(version, layout)
    width = 3 if layout in ("empty", "repeat") else 1
    head = s3_header("collapsed" if layout == "collapsed" else "empty", width)
    rep = report(wrap(as_markdown(head + rows), year=2023 if version == "2021" else 2020))
    st = rep.stats["s3"]
    check_s3(st, version)
    assert st.layout == "grid"
    assert st.schema.version == version
    assert st.detected_version == version


@pytest.mark.parametrize("version", ["2021", "2019"])
@pytest.mark.parametrize("layout", ROW_LAYOUTS)
def test_s3_text_pipes_every_cell(version, layout):
    rows = s3_label_rows(version, layout)
    width = 3 if layout in ("empty", "repeat") else 1
    head = s3_header("collapsed" if layout == "collapsed" else "repeat", width)
    rep = report(wrap(as_pipes(head + rows), fmt="text", year=2023 if version == "2021" else 2020), fmt="text")
    check_s3(rep.stats["s3"], version)


@pytest.mark.parametrize("version", ["2021", "2019"])
@pytest.mark.parametrize("layout", ["empty", "repeat", "flat", "combined"])
def test_s3_text_tabs_every_cell(version, layout):
    """Tab-separated text: empty cells vanish, so merged-empty layouts arrive collapsed."""
    rows = s3_label_rows(version, layout)
    head = s3_header("collapsed", 1)
    rep = report(wrap(as_tabs(head + rows), fmt="text", year=2023 if version == "2021" else 2020), fmt="text")
    check_s3(rep.stats["s3"], version)


@pytest.mark.parametrize("header", ["empty", "repeat", "collapsed", "single"])
def test_s3_header_forms(header):
    rows = s3_label_rows("2021", "empty")
    rep = report(wrap(as_markdown(s3_header(header, 3) + rows)))
    check_s3(rep.stats["s3"], "2021")


@pytest.mark.parametrize("header", ["empty", "repeat", "collapsed"])
@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_s3_subtotal_column_is_an_extra_column(header, fmt):
    rows = s3_label_rows("2021", "collapsed" if header == "collapsed" else "empty", subtotal=True)
    table = s3_header(header, 3, subtotal=True) + rows
    body = as_markdown(table) if fmt == "markdown" else as_pipes(table)
    rep = report(wrap(body, fmt=fmt), fmt=fmt)
    check_s3(rep.stats["s3"], "2021", subtotal=True)


def test_s3_no_header_uses_official_column_order():
    rows = s3_label_rows("2021", "flat")
    rep = report(wrap(as_markdown([["项目"] + [""] * 7] + rows)))
    check_s3(rep.stats["s3"], "2021")


def test_s3_label_variants():
    """Half-width brackets and quotes, spaces inside labels, no 区分处理 note, ASCII full stops."""
    rows = s3_label_rows("2021", "empty")
    body = as_markdown(s3_header("empty", 3) + rows)
    body = (body.replace("（", "(").replace("）", ")").replace("“", '"').replace("”", '"')
            .replace("1.属于国家秘密", "1. 属于 国家秘密").replace("（区分处理的，只计这一情形，不计其他情形）", "")
            .replace("(区分处理的，只计这一情形，不计其他情形)", "").replace("商业企业", "商业 企业")
            .replace("本年新收政府信息公开申请数量", "本年新收政府信息公开 申请数量")
            .replace("科研机构", "科研<br>机构"))
    rep = report(wrap(body))
    check_s3(rep.stats["s3"], "2021")
    assert rep.stats["s3"].row_labels["result.not_open.security_stability"] == '3.危及"三安全一稳定"'


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_s3_note_in_a_cell_of_its_own(fmt):
    rows = s3_label_rows("2021", "collapsed")
    note = "（区分处理的，只计这一情形，不计其他情形）"
    rows = [[r[0].replace(note, ""), note] + r[1:] if note in r[0] else r for r in rows]
    table = s3_header("collapsed", 1) + rows
    rep = report(wrap(as_markdown(table) if fmt == "markdown" else as_pipes(table), fmt=fmt), fmt=fmt)
    check_s3(rep.stats["s3"], "2021")


def test_s3_repeated_item_numbers_follow_the_group():
    """1. 2. 3. occur under （三）（四）（五）（六）: a label that is not the official text is placed by
    its number inside the group it sits in, when the text is close enough."""
    rows = s3_label_rows("2021", "flat")
    body = as_markdown(s3_header("empty", 1) + rows)
    body = body.replace("3.补正后申请内容仍不明确", "3.补正后申请内容仍然不明确的")
    body = body.replace("2.重复申请", "2.属于重复申请")
    st = report(wrap(body)).stats["s3"]
    check_s3(st, "2021")
    assert st.row_labels["result.unavailable.unclear"] == "3.补正后申请内容仍然不明确的"


def test_s3_generic_other_under_the_wrong_group_is_unmapped():
    rows = s3_label_rows("2021", "flat")
    at = next(i for i, r in enumerate(rows) if r[0] == "8.属于行政查询事项")
    rows.insert(at + 1, ["9.其他", "1", "0", "0", "0", "0", "0", "1"])
    st = report(wrap(as_markdown(s3_header("empty", 1) + rows))).stats["s3"]
    assert [(u.label, u.what) for u in st.unmapped] == [("9.其他", "row")]
    assert st.missing_rows == []
    paths = [p[0] for p in s3_paths("2021")]
    for rid in ("result.other.other", "result.not_open.admin_query", "result.not_open.law_prohibited"):
        assert st.get(rid, "natural_person").raw == value(paths.index(rid), 0)


def test_s3_unknown_row_and_column_with_numbers_are_reported():
    rows = s3_label_rows("2021", "empty")
    rows.insert(2, ["其中：网上申请", "", ""] + ["1"] * 7 + [""])
    head = s3_header("empty", 3)
    head = [h + [""] for h in head]
    head[1][-1] = "境外组织"
    rows = [r + [""] if len(r) == 10 else r for r in rows]
    rows[0][-1] = "3"
    st = report(wrap(as_markdown(head + rows))).stats["s3"]
    assert ("其中：网上申请", "row") in [(u.label, u.what) for u in st.unmapped]
    cols = [u for u in st.unmapped if u.what == "col"]
    assert [u.label for u in cols] == ["境外组织"]
    assert cols[0].cell is not None and cols[0].cell.text == "3"
    assert st.get("new", "total") is not None


def test_s3_text_in_a_value_cell_stays_in_its_column():
    rows = s3_label_rows("2021", "empty")
    rows[0][3] = "若干"
    st = report(wrap(as_markdown(s3_header("empty", 3) + rows))).stats["s3"]
    assert st.get("new", "natural_person").raw == "若干"
    assert st.get("new", "natural_person").value.kind == "text"
    assert st.get("new", "commercial").raw == value(0, 1)
    assert st.unmapped == []


def test_s3_blank_and_placeholder_cells():
    rows = s3_label_rows("2021", "empty")
    rows[0][3] = ""
    rows[1][4] = "/"
    rows[2][5] = "—"
    st = report(wrap(as_markdown(s3_header("empty", 3) + rows))).stats["s3"]
    assert st.get("new", "natural_person").value.kind == "blank"
    assert st.get("carried_over", "commercial").value.kind == "slash"
    assert st.get("result.open", "research").value.kind == "dash"
    assert st.number("new", "natural_person") == 0
    assert st.missing_rows == [] and st.unmapped == []


def test_s3_group_row_with_numbers_is_kept_under_the_group_id():
    rows = s3_label_rows("2021", "flat")
    at = rows.index(["（三）不予公开"] + [""] * 7)
    rows[at] = ["（三）不予公开"] + ["9"] * 7
    st = report(wrap(as_markdown(s3_header("empty", 1) + rows))).stats["s3"]
    assert st.get("result.not_open", "total").raw == "9"
    check_s3(st, "2021")


def test_s3_cell_positions_markdown():
    rows = s3_label_rows("2021", "empty")
    text = wrap(as_markdown(s3_header("empty", 3) + rows))
    st = report(text).stats["s3"]
    c = st.get("result.not_open.third_party", "legal_service")
    lines = text.split("\n")
    line = lines[c.cell.line - 1]
    assert line.startswith("|  |  | 4.保护第三方合法权益")
    assert line[c.cell.column - 1:].startswith(c.raw + " |")
    assert c.block is not None and c.block.kind == "table"
    assert c.row_label == "4.保护第三方合法权益" and c.col_label == "法律服务机构"
    assert c.pointer == "表三 › 4.保护第三方合法权益 › 法律服务机构"


def test_s3_cell_positions_text():
    rows = s3_label_rows("2021", "collapsed")
    text = wrap(as_pipes(s3_header("collapsed", 1) + rows), fmt="text")
    st = report(text, fmt="text").stats["s3"]
    c = st.get("carried_forward", "total")
    line = text.split("\n")[c.cell.line - 1]
    assert line.startswith("| 四、结转下年度继续办理")
    assert line[c.cell.column - 1:c.cell.end_column - 1] == c.raw


# -- versions ----------------------------------------------------------------------------------------------

def test_2019_table_in_a_2021_report_is_read_with_the_2019_schema():
    rows = s3_label_rows("2019", "empty")
    st = report(wrap(as_markdown(s3_header("empty", 3) + rows), year=2023)).stats["s3"]
    assert st.detected_version == "2019"
    assert st.schema.version == "2019"
    check_s3(st, "2019")


def test_2021_table_in_a_2019_report_is_read_with_the_2021_schema():
    rows = s3_label_rows("2021", "empty")
    st = report(wrap(as_markdown(s3_header("empty", 3) + rows), year=2020)).stats["s3"]
    assert st.detected_version == "2021" and st.schema.version == "2021"


def test_undecidable_version_uses_the_report_version():
    rows = s3_label_rows("2021", "empty")[:2]  # 一、二 only: no （六）
    st = report(wrap(as_markdown(s3_header("empty", 3) + rows), year=2020)).stats["s3"]
    assert st.detected_version is None and st.schema.version == "2019"
    st = report(wrap(as_markdown(s3_header("empty", 3) + rows), year=2023)).stats["s3"]
    assert st.schema.version == "2021"
    st = report(wrap(as_markdown(s3_header("empty", 3) + rows)).replace("2023年", "")).stats["s3"]
    assert st.schema.version == "2021"  # unknown year: the 2021 format


# -- table 四 -------------------------------------------------------------------------------------------------

RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
S4_IDS = [f"{b}.{r}" for b in ("review", "direct", "after_review")
          for r in ("upheld", "corrected", "other", "pending", "total")]


def s4_rows(form: str) -> list[list[str]]:
    vals = [str(i + 1) for i in range(15)]
    if form == "empty":
        return [["行政复议"] + [""] * 4 + ["行政诉讼"] + [""] * 9,
                RESULTS + ["未经复议直接起诉"] + [""] * 4 + ["复议后起诉"] + [""] * 4,
                [""] * 5 + RESULTS + RESULTS, vals]
    if form == "repeat":
        return [["行政复议"] * 5 + ["行政诉讼"] * 10,
                ["行政复议"] * 5 + ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5,
                RESULTS * 3, vals]
    if form == "single":
        return [RESULTS * 3, vals]
    if form == "collapsed":
        return [["行政复议", "行政诉讼"], RESULTS + ["未经复议直接起诉", "复议后起诉"], RESULTS * 2, vals]
    if form == "labelled":
        return [[""] + ["行政复议"] * 5 + ["行政诉讼"] * 10,
                [""] + ["行政复议"] * 5 + ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5,
                ["项目"] + RESULTS * 3, ["数量"] + vals]
    raise ValueError(form)  # pragma: no cover


def check_s4(st) -> None:
    assert st.unmapped == []
    assert st.missing_cols == [] and st.missing_rows == []
    for i, cid in enumerate(S4_IDS):
        assert st.get("cases", cid).raw == str(i + 1), cid
    assert st.detected_version is None and st.schema.version == "both"


@pytest.mark.parametrize("form", ["empty", "repeat", "single", "collapsed", "labelled"])
@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_s4_header_forms(form, fmt):
    rows = s4_rows(form)
    body = as_markdown(rows) if fmt == "markdown" else as_pipes(rows)
    rep = report(wrap(body, heading="四、政府信息公开行政复议、行政诉讼情况", fmt=fmt), fmt=fmt)
    check_s4(rep.stats["s4"])


def test_s4_tab_separated_text():
    rows = s4_rows("collapsed")
    rep = report(wrap(as_tabs(rows), heading="四、政府信息公开行政复议、行政诉讼情况", fmt="text"), fmt="text")
    check_s4(rep.stats["s4"])


def test_s4_transposed():
    rows = [["", *RESULTS], ["行政复议", "1", "2", "3", "4", "5"], ["行政诉讼 未经复议直接起诉", "6", "7", "8", "9", "10"],
            ["复议后起诉", "11", "12", "13", "14", "15"]]
    rep = report(wrap(as_markdown(rows), heading="四、政府信息公开行政复议、行政诉讼情况"))
    check_s4(rep.stats["s4"])


@pytest.mark.parametrize("note", ["注：行政复议“其他结果”1件为申请人撤回申请。", "备注：本表统计行政复议、行政诉讼案件。",
                                  "本表统计本机关作为被申请人的行政复议、行政诉讼案件。"])
@pytest.mark.parametrize("form", ["repeat", "empty"])
def test_s4_note_row_naming_a_block_is_a_note(form, note):
    """A note under table 四 that names 行政复议 is not a block label: the table is read (it was read as transposed
    and lost its numbers: DL209 "没有任何数字", DL110 on a filled table)."""
    rows = s4_rows(form) + [[note] + [""] * 14]
    rep = report(wrap(as_markdown(rows), heading="四、政府信息公开行政复议、行政诉讼情况"))
    check_s4(rep.stats["s4"])


def test_s4_block_labels_in_words_still_match():
    assert lb.match_s4("行政诉讼-复议后起诉") == ("block", "after_review")
    assert lb.match_s4("注：行政复议") is None


def test_s4_extra_row_is_unmapped():
    rows = s4_rows("repeat") + [["其中：本年新收"] + ["0"] * 15]
    rows = [[""] + r if i < 3 else r for i, r in enumerate(rows)]
    rows[3] = ["数量"] + rows[3]
    rep = report(wrap(as_markdown(rows), heading="四、政府信息公开行政复议、行政诉讼情况"))
    st = rep.stats["s4"]
    assert [(u.label, u.what) for u in st.unmapped] == [("其中：本年新收", "row")]
    assert st.get("cases", "after_review.total").raw == "15"


# -- table 二 -------------------------------------------------------------------------------------------------

S2_2021 = [
    ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
     [("规章", "rules"), ("行政规范性文件", "normative_docs")]),
    ("第二十条第（五）项", ["本年处理决定数量"], [("行政许可", "licensing")]),
    ("第二十条第（六）项", ["本年处理决定数量"], [("行政处罚", "penalty"), ("行政强制", "coercion")]),
    ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("行政事业性收费", "fees")]),
]
S2_2019 = [
    ("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
     [("规章", "rules"), ("规范性文件", "normative_docs")]),
    ("第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
     [("行政许可", "licensing"), ("其他对外管理服务事项", "other_services")]),
    ("第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
     [("行政处罚", "penalty"), ("行政强制", "coercion")]),
    ("第二十条第（八）项", ["上一年项目数量", "本年增/减"], [("行政事业性收费", "fees")]),
    ("第二十条第（九）项", ["采购项目数量", "采购总金额"], [("政府集中采购", "procurement")]),
]


def s2_value(rid: str, k: int) -> str:
    return str(sum(map(ord, rid)) % 97 * 10 + k)


def s2_tables(version: str, form: str, extra_row: bool = False) -> list[list[list[str]]]:
    """Table 二 as a list of tables (one per block for ``split``), each a list of rows.

    ``one`` one table of width 4, merged cells empty; ``repeat`` the same with merged cells repeated;
    ``split`` one small table per block; ``collapsed`` rows of their own length (HTML copied as text)."""
    blocks = S2_2021 if version == "2021" else S2_2019
    tables: list[list[list[str]]] = []
    rows: list[list[str]] = []
    for title, cols, items in blocks:
        n = len(cols)
        if form == "split":
            rows = []
        if form == "repeat":
            rows.append([title] * 4)
            rows.append(["信息内容"] + cols + [cols[-1]] * (3 - n))
        elif form == "collapsed":
            rows.append([title])
            rows.append(["信息内容"] + cols)
        elif form == "split":
            rows.append(["信息内容"] + cols)
        else:
            rows.append([title, "", "", ""])
            rows.append(["信息内容"] + cols + [""] * (3 - n))
        these = list(items)
        if extra_row and title.endswith("（一）项"):
            these.append(("其他主动公开文件", "other_docs"))
        for label, rid in these:
            vals = [s2_value(rid, k) for k in range(n)]
            if form == "repeat":
                vals += [vals[-1]] * (3 - n)
            elif form in ("one",):
                vals += [""] * (3 - n)
            rows.append([label] + vals)
        if form == "split":
            tables.append(rows)
    if form != "split":
        tables.append(rows)
    return tables


def s2_text(version: str, form: str, fmt: str, extra_row: bool = False) -> str:
    tables = s2_tables(version, form, extra_row)
    if fmt == "markdown":
        if form == "split":
            blocks = S2_2021 if version == "2021" else S2_2019
            body = "\n\n".join(f"**{b[0]}**\n\n{as_markdown(t)}" for b, t in zip(blocks, tables))
        else:
            body = as_markdown(tables[0]) if form != "collapsed" else as_markdown(
                [r + [""] * (4 - len(r)) for r in tables[0]])
    else:
        body = "\n".join(as_pipes(t) for t in tables)
    year = 2023 if version == "2021" else 2020
    return wrap(body, heading="二、主动公开政府信息情况", year=year, fmt=fmt)


def check_s2(st, version: str, extra_row: bool = False) -> None:
    assert st.unmapped == [], [(u.label, u.what, u.cell.text if u.cell else None) for u in st.unmapped]
    assert st.detected_version == version and st.schema.version == version
    assert st.missing_rows == [] and st.missing_cols == []
    expected = set()
    for _title, _cols, items in (S2_2021 if version == "2021" else S2_2019):
        for _label, rid in items:
            for k, cid in enumerate(st.schema.cols_of(rid)):
                assert st.get(rid, cid).raw == s2_value(rid, k), (rid, cid)
                expected.add((rid, cid))
    extra = {k for k in st.cells if k[0] == "other_docs"}
    assert set(st.cells) - extra == expected
    if extra_row:
        assert [x[0] for x in st.extra_rows] == ["其他主动公开文件"]
        assert len(extra) == 3
    else:
        assert st.extra_rows == [] and not extra


@pytest.mark.parametrize("version", ["2021", "2019"])
@pytest.mark.parametrize("form", ["one", "repeat", "split", "collapsed"])
@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_s2_forms(version, form, fmt):
    rep = report(s2_text(version, form, fmt), fmt=fmt)
    check_s2(rep.stats["s2"], version)


@pytest.mark.parametrize("version", ["2021", "2019"])
@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_s2_extra_local_row(version, fmt):
    rep = report(s2_text(version, "one", fmt, extra_row=True), fmt=fmt)
    st = rep.stats["s2"]
    check_s2(st, version, extra_row=True)
    assert st.get("other_docs", st.schema.cols_of("rules")[0]) is not None


def test_s2_local_notes_in_labels():
    text = s2_text("2019", "one", "markdown").replace("| 规章 |", "| 规章（设区的市、自治州人民政府应提供相关数据） |")
    text = text.replace("本年增/减 |", "本年增/减（指2020年增加或减少的事项数，减用负值表示，如-8） |")
    st = report(text).stats["s2"]
    check_s2(st, "2019")
    assert st.row_labels["rules"].startswith("规章（设区的市")


def test_s2_without_block_headers_uses_official_columns():
    rows = [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "1", "2", "3"],
            ["行政规范性文件", "4", "5", "6"], ["第二十条第（五）项", "", "", ""], ["行政许可", "7", "", ""],
            ["行政处罚", "8", "", ""], ["行政强制", "9", "", ""], ["行政事业性收费", "1.5", "", ""]]
    st = report(wrap(as_markdown(rows), heading="二、主动公开政府信息情况")).stats["s2"]
    assert st.unmapped == [] and st.missing_rows == []
    assert st.get("coercion", "decisions").raw == "9"
    assert st.get("fees", "amount").value.kind == "decimal"


def test_s2_unknown_row_with_numbers_is_unmapped():
    text = s2_text("2021", "one", "markdown").replace("| 行政许可 |", "| 行政确认 | 5 | | |\n| 行政许可 |")
    st = report(text).stats["s2"]
    assert [(u.label, u.what) for u in st.unmapped] == [("行政确认", "row")]
    assert st.get("licensing", "decisions") is not None


@pytest.mark.parametrize("caption", ["表一：主动公开政府信息情况", "2023年度主动公开政府信息情况统计表"])
def test_s2_caption_merged_over_a_row_is_no_row(caption):
    """A caption written as a row of the table, one cell over every column (the text in each cell of the row): no
    row label the tool fails to know (it was DL001 "工具未能识别表二中的栏目名")."""
    rows = [[caption] * 4, ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "1", "2", "3"],
            ["行政规范性文件", "4", "5", "6"]]
    st = report(wrap(as_markdown(rows), heading="二、主动公开政府信息情况")).stats["s2"]
    assert st.unmapped == []
    assert st.get("normative_docs", "in_force").raw == "6"
    # an unknown label over most of the row with a number in it is still a row the tool does not know
    rows[3:3] = [["行政确认", "行政确认", "行政确认", "5"]]
    st = report(wrap(as_markdown(rows), heading="二、主动公开政府信息情况")).stats["s2"]
    assert [(u.label, u.what) for u in st.unmapped] == [("行政确认", "row")]
    # nor is a piece of a header a PDF's text wrapped into every column (本年新制作数 / 量): not read as a caption
    rows[3] = ["量"] * 4
    st = report(wrap(as_markdown(rows), heading="二、主动公开政府信息情况")).stats["s2"]
    assert [(u.label, u.what) for u in st.unmapped] == [("量", "row")]


def test_s2_2019_table_in_a_2021_report():
    text = s2_text("2019", "one", "markdown").replace("2020年", "2023年")
    st = report(text).stats["s2"]
    assert st.detected_version == "2019" and st.schema.version == "2019"
    check_s2(st, "2019")


def test_s2_positions():
    text = s2_text("2021", "split", "markdown")
    st = report(text).stats["s2"]
    c = st.get("penalty", "decisions")
    line = text.split("\n")[c.cell.line - 1]
    assert line.startswith("| 行政处罚 |") and line[c.cell.column - 1:].startswith(c.raw)
    assert len(st.blocks) == 4


# -- finding tables ---------------------------------------------------------------------------------------

def full_report(heads: dict[str, str] | None = None, fmt: str = "markdown") -> str:
    heads = heads or {}
    s2 = s2_tables("2021", "one")[0]
    s3 = s3_header("empty", 3) + s3_label_rows("2021", "empty")
    s4 = s4_rows("repeat")
    t = as_markdown if fmt == "markdown" else as_pipes
    h = (lambda s: f"## {s}") if fmt == "markdown" else (lambda s: s)
    parts = ["# 某某市某某局2023年政府信息公开工作年度报告" if fmt == "markdown" else "某某市某某局2023年政府信息公开工作年度报告",
             h(heads.get("s1", "一、总体情况")), "本局全年主动公开政府信息120条。",
             h(heads.get("s2", "二、主动公开政府信息情况")), t(s2),
             h(heads.get("s3", "三、收到和处理政府信息公开申请情况")), t(s3),
             h(heads.get("s4", "四、政府信息公开行政复议、行政诉讼情况")), t(s4),
             h("五、存在的主要问题及改进情况"), "一是解读形式单一。", h("六、其他需要报告的事项"), "无。"]
    return ("\n\n" if fmt == "markdown" else "\n").join(parts) + "\n"


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_full_report_all_three_tables(fmt):
    st = report(full_report(fmt=fmt), fmt=fmt).stats
    assert set(st) == {"s2", "s3", "s4"}
    check_s2(st["s2"], "2021")
    check_s3(st["s3"], "2021")
    check_s4(st["s4"])


def test_tables_found_without_recognised_headings():
    text = full_report({"s2": "二、公开情况统计", "s3": "三、附表", "s4": "四、其他数据"})
    st = report(text).stats
    assert set(st) == {"s2", "s3", "s4"}
    check_s3(st["s3"], "2021")
    check_s4(st["s4"])


def test_tables_under_misnumbered_or_wrong_sections():
    # table 三 under heading 四 and table 四 under heading 五 (numbers shifted)
    text = full_report({"s3": "四、收到和处理政府信息公开申请情况", "s4": "五、政府信息公开行政复议、行政诉讼情况"})
    st = report(text).stats
    check_s3(st["s3"], "2021")
    check_s4(st["s4"])


def test_tables_in_one_block_are_split():
    s3 = s3_header("empty", 3) + s3_label_rows("2021", "empty")
    s4 = [[""] * 3 + r for r in s4_rows("repeat")[:3]] + [["数量", "", ""] + s4_rows("repeat")[3]]
    rows = [r + [""] * (18 - len(r)) for r in s3 + s4]
    st = report(wrap(as_markdown(rows))).stats
    check_s3(st["s3"], "2021")
    assert st["s4"].get("cases", "review.upheld").raw == "1"
    assert st["s4"].get("cases", "after_review.total").raw == "15"


def test_table_after_its_section():
    s3 = as_markdown(s3_header("empty", 3) + s3_label_rows("2021", "empty"))
    text = (f"# 某某市某某局2023年政府信息公开工作年度报告\n\n## 三、收到和处理政府信息公开申请情况\n\n见附表。\n\n"
            f"## 六、其他需要报告的事项\n\n无。\n\n附表：\n\n{s3}\n")
    check_s3(report(text).stats["s3"], "2021")


def test_summary_table_in_section_one_is_not_table_two():
    text = ("# 某某市某某局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n"
            "| 类别 | 条数 |\n|---|---|\n| 行政许可 | 120 |\n| 行政处罚 | 30 |\n| 行政强制 | 2 |\n")
    assert report(text).stats == {}


def test_report_without_tables():
    assert report("# 某某局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n本局全年主动公开政府信息120条。\n").stats == {}


def test_unlabelled_table_in_section_four():
    rows = [["数量"] + [str(i + 1) for i in range(15)], ["", *[""] * 15]]
    st = report(wrap(as_markdown(rows), heading="四、政府信息公开行政复议、行政诉讼情况")).stats["s4"]
    check_s4(st)


def test_table_split_over_two_blocks_keeps_the_header_order():
    head = s3_header("collapsed", 1)
    rows = s3_label_rows("2021", "collapsed")
    body = as_markdown([h + [""] * (9 - len(h)) for h in head] + rows[:10]) + "\n\n续表\n\n" + as_markdown(rows[10:])
    st = report(wrap(body)).stats["s3"]
    check_s3(st, "2021")
    assert len(st.blocks) == 2


# -- HTML tables inside Markdown ---------------------------------------------------------------------

def html_s3(version: str = "2021") -> str:
    out = ["<table>", f'<tr><td colspan="3" rowspan="3">{NOTE}</td><td colspan="7">申请人情况</td></tr>',
           '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
           "<tr><td>商业<br>企业</td><td>科研<br/>机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>"]
    paths = s3_paths(version)
    seen_top = seen_group = None
    n_top = sum(1 for p in paths if p[1] == TOP_RESULT)
    for ri, (_rid, top, group, item) in enumerate(paths):
        tds = []
        if group is None:
            tds.append(f'<td colspan="3">{top}</td>')
        else:
            if top != seen_top:
                tds.append(f'<td rowspan="{n_top}">{top}</td>')
            if item is None:
                tds.append(f'<td colspan="2">{group}</td>')
            else:
                if group != seen_group:
                    n = sum(1 for p in paths if p[2] == group)
                    tds.append(f'<td rowspan="{n}">{group}</td>')
                tds.append(f"<td>{item}</td>")
        tds += [f"<td>{value(ri, ci)}</td>" for ci in range(7)]
        out.append("<tr>" + "".join(tds) + "</tr>")
        seen_top, seen_group = top, group
    out.append("</table>")
    return "\n".join(out)


@pytest.mark.parametrize("version", ["2021", "2019"])
def test_html_table_in_markdown(version):
    text = wrap(html_s3(version), year=2023 if version == "2021" else 2020)
    st = report(text).stats["s3"]
    check_s3(st, version)
    c = st.get("new", "natural_person")
    line = text.split("\n")[c.cell.line - 1]
    assert line[c.cell.column - 1:].startswith(c.raw + "</td>")  # the Markdown reader's table block: the cell text
    assert line[:c.cell.column - 1].endswith("<td>")


# -- flattened tables (one cell per line) -------------------------------------------------------------------

def test_flat_2019_template_without_numbers():
    text = (FIXTURES / "flat-2019-template.txt").read_text(encoding="utf-8")
    st = report(text, fmt="text").stats
    assert set(st) == {"s2", "s3", "s4"}
    assert all(t.layout == "flat" for t in st.values())
    assert st["s2"].has_numbers  # a single stray 0
    assert not st["s3"].has_numbers and not st["s4"].has_numbers
    assert st["s2"].detected_version == "2019" and st["s3"].detected_version == "2019"
    assert st["s3"].schema.version == "2019"
    # label coverage: every row and column label of table 三 was seen
    assert set(st["s3"].row_labels) >= {r.id for r in st["s3"].schema.data_rows()}
    assert set(st["s3"].col_labels) == set(COLS7)
    assert {"rules", "normative_docs", "licensing", "procurement"} <= set(st["s2"].row_labels)
    loose = st["s2"].loose
    assert len(loose) == 1 and loose[0].raw == "0" and loose[0].row == "rules"
    assert loose[0].cell.line is not None


def test_flat_markdown_paragraph_lines():
    text = (FIXTURES / "flat-2019-template.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    md = "# " + lines[0] + "\n\n" + "\n".join(lines[1:])  # one long paragraph of short lines
    st = report(md).stats
    assert st["s3"].layout == "flat" and not st["s3"].has_numbers
    assert st["s2"].has_numbers


def test_flat_with_separators_places_numbers():
    text = (FIXTURES / "flat-2021-separated.txt").read_text(encoding="utf-8")
    st = report(text, fmt="text").stats
    s3 = st["s3"]
    assert s3.layout == "flat"
    assert s3.get("new", "natural_person").raw == "5"
    assert s3.get("new", "total").raw == "6"
    assert s3.get("result.open", "total").raw == "2"
    assert s3.get("result.not_open.state_secret", "commercial").raw == "0"
    assert s3.col_labels["commercial"] == "商业企业"
    s2 = st["s2"]
    assert s2.get("normative_docs", "in_force").raw == "6"
    assert s2.get("fees", "amount").raw == "0"
    assert s2.detected_version == "2021"
    s4 = st["s4"]
    assert s4.get("cases", "review.upheld").raw == "1"
    assert s4.get("cases", "review.total").raw == "1"
    assert s4.unmapped == []


def test_flat_numbers_that_cannot_be_placed_are_loose():
    text = textwrap.dedent("""\
        某某乡2023年政府信息公开工作年度报告
        三、收到和处理政府信息公开申请情况
        申请人情况
        自然人
        法人或其他组织
        总计
        一、本年新收政府信息公开申请数量
        3
        3
        二、上年结转政府信息公开申请数量
        三、本年度办理结果
        （一）予以公开
        """)
    st = report(text, fmt="text").stats["s3"]
    assert st.layout == "flat" and st.has_numbers
    assert st.cells == {}
    assert [(c.row, c.raw) for c in st.loose] == [("new", "3"), ("new", "3")]


S4_FLAT_HEAD = ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"]


def _flat_s4(head: list[str], values: list[str]) -> str:
    return "\n".join(["某某乡2023年政府信息公开工作年度报告", "四、政府信息公开行政复议、行政诉讼情况",
                      *head, *values, "五、存在的主要问题及改进情况"]) + "\n"


def test_flat_s4_in_the_official_order_is_placed():
    st = report(_flat_s4(S4_FLAT_HEAD + RESULTS * 3, [str(i + 1) for i in range(15)]), fmt="text").stats["s4"]
    check_s4(st)


def test_flat_s4_whose_header_words_of_several_cells_share_a_line_is_left_unplaced():
    """A PDF copied in the wrong order (pdftotext): 结果 结果 其他 尚未 is the first line of four two-line header
    cells, and the numbers that follow are not in the table's order either. Placing them in the official order
    made false DL204 errors; they are left unplaced (DL001)."""
    head = ["行政复议", "未经复议直接起诉", "复议后起诉", "结果 结果 其他 尚未", "总计", "结果维持", "维持 纠正 结果 审结",
            "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    text = _flat_s4(head, "2 0 0 1 2 1 0 0 0 1 0 1 0 3 1".split())
    st = report(text, fmt="text").stats["s4"]
    assert st.cells == {} and len(st.loose) == 15
    assert "DL204" not in [d.code for d in lint(text, fmt="text", year=2023)]


# -- the label index -----------------------------------------------------------------------------------

def test_split_label_parts():
    parts = lb.split_label("（三）不予公开 1.属于国家秘密")
    assert [(p.marker, p.num, p.key) for p in parts] == [("paren", 3, "不予公开"), ("arabic", 1, "属于国家秘密")]
    parts = lb.split_label("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
    assert [(p.num, p.key) for p in parts] == [(2, "部分公开")]
    assert lb.split_label("三、本年度办理结果")[0].num == 3
    assert lb.split_label("2.其他法律、行政法规禁止公开")[0].key == "其他法律行政法规禁止公开"


def test_every_official_label_maps_to_its_id():
    for v in ("2019", "2021"):
        for r in schema("s3", v).rows:
            parts = lb.split_label(r.label)
            assert lb.match_s3_row(parts[-1].key, parts[-1].key2) == r.id or r.id == "result.other", r
        for r in schema("s2", v).rows:
            assert lb.match_s2_row(*lb.keys_of(r.label)) == r.id
        for c in schema("s2", v).cols:
            assert lb.match_s2_col(c.label) == c.id
    for c in S3_COLS:
        assert lb.match_s3_col(c.label) == ("leaf", c.id)


# -- real pages ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", shared_params("corpus/excerpts/*.txt", "seed/shangtang-2019.txt"))
def test_corpus_does_not_crash(path):
    rep = report(Path(path).read_text(encoding="utf-8", errors="replace"), fmt="text")
    st = extract(rep)
    for t in st.values():
        for (r, c), cell in t.cells.items():
            assert cell.row == r and cell.col == c
            assert cell.cell is not None and cell.cell.line is not None


@pytest.mark.skipif(not (SHARED / "corpus/excerpts/009.txt").exists(), reason=NO_SHARED)
def test_corpus_009_gives_flat_tables():
    rep = report((SHARED / "corpus/excerpts/009.txt").read_text(encoding="utf-8"), fmt="text")
    # the page's store kept each line once (one "0", one 结果维持): its tables are read but set aside
    assert rep.stats == {}
    st = rep.deduplicated.tables
    assert set(st) == {"s2", "s3", "s4"}
    assert all(t.layout == "flat" for t in st.values())
    assert st["s2"].has_numbers and not st["s3"].has_numbers
    assert st["s3"].detected_version == "2019"


@pytest.mark.skipif(not (SHARED / "corpus/excerpts/007.txt").exists(), reason=NO_SHARED)
def test_corpus_007_collapsed_pipe_text():
    rep = report((SHARED / "corpus/excerpts/007.txt").read_text(encoding="utf-8"), fmt="text")
    s3 = rep.stats["s3"]
    assert s3.layout == "grid" and s3.unmapped == []
    assert s3.get("new", "natural_person").raw == "58"
    assert s3.get("new", "total").raw == "66"
    assert s3.get("result.partial", "total").raw == "17"
    assert s3.get("result.not_open.internal_affairs", "natural_person").raw == "1"
    assert rep.stats["s2"].get("normative_docs", "in_force").raw == "25"


# -- more layouts -----------------------------------------------------------------------------------------

def test_s3_title_row_repeated_across_the_table():
    rows = s3_label_rows("2021", "empty")
    title = [["三、收到和处理政府信息公开申请情况"] * 10]
    st = report(wrap(as_markdown(title + s3_header("empty", 3) + rows), heading="三、依申请公开情况")).stats["s3"]
    check_s3(st, "2021")


def test_s3_text_multi_space_columns():
    rows = s3_label_rows("2021", "collapsed")
    head = s3_header("collapsed", 1)
    body = "\n".join("    ".join(c for c in r if c) for r in head + rows)
    rep = report(wrap(body, fmt="text"), fmt="text")
    check_s3(rep.stats["s3"], "2021")


def test_s2_block_title_as_a_column():
    rows = [["第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            ["第二十条第（一）项", "规章", "1", "2", "3"], ["第二十条第（一）项", "行政规范性文件", "4", "5", "6"],
            ["第二十条第（五）项", "信息内容", "本年处理决定数量", "本年处理决定数量", "本年处理决定数量"],
            ["第二十条第（五）项", "行政许可", "7", "7", "7"],
            ["第二十条第（六）项", "信息内容", "本年处理决定数量", "", ""],
            ["第二十条第（六）项", "行政处罚", "8", "", ""], ["第二十条第（六）项", "行政强制", "9", "", ""],
            ["第二十条第（八）项", "信息内容", "本年收费金额（单位：万元）", "", ""],
            ["第二十条第（八）项", "行政事业性收费", "0.5", "", ""]]
    st = report(wrap(as_markdown(rows), heading="二、主动公开政府信息情况")).stats["s2"]
    assert st.unmapped == [] and st.missing_rows == [] and st.missing_cols == []
    assert [st.get("normative_docs", c).raw for c in ("issued", "repealed", "in_force")] == ["4", "5", "6"]
    assert st.get("licensing", "decisions").raw == "7"
    assert st.get("fees", "amount").raw == "0.5"
    assert len(st.cells) == 10


def test_s2_merged_value_that_differs_is_reported():
    """Two different numbers under one merged header: which one is meant cannot be told — neither is placed,
    both are kept as unplaced numbers of the row (table-unreadable reports them)."""
    rows = [["信息内容", "本年处理决定数量", "本年处理决定数量"], ["行政许可", "7", "8"]]
    st = report(wrap(as_markdown(rows), heading="二、主动公开政府信息情况")).stats["s2"]
    assert st.get("licensing", "decisions") is None and st.unmapped == []
    assert [(c.row, c.raw) for c in st.loose] == [("licensing", "7"), ("licensing", "8")]


def html_grid(rows: list[list[tuple[str, int, int]]]) -> str:
    out = ["<table>"]
    for r in rows:
        out.append("<tr>" + "".join(
            f'<td{f" rowspan={rs}" if rs > 1 else ""}{f" colspan={cs}" if cs > 1 else ""}>{t}</td>' for t, rs, cs in r)
            + "</tr>")
    return "\n".join(out + ["</table>"])


def test_html_tables_two_and_four():
    s2 = html_grid([[("第二十条第（一）项", 1, 4)],
                    [("信息内容", 1, 1), ("本年制发件数", 1, 1), ("本年废止件数", 1, 1), ("现行有效件数", 1, 1)],
                    [("规章", 1, 1), ("0", 1, 1), ("0", 1, 1), ("0", 1, 1)],
                    [("行政规范性文件", 1, 1), ("2", 1, 1), ("1", 1, 1), ("9", 1, 1)],
                    [("第二十条第（五）项", 1, 4)],
                    [("信息内容", 1, 1), ("本年处理决定数量", 1, 3)],
                    [("行政许可", 1, 1), ("12", 1, 3)]])
    s4 = html_grid([[("行政复议", 1, 5), ("行政诉讼", 1, 10)],
                    [(r, 2, 1) for r in RESULTS] + [("未经复议直接起诉", 1, 5), ("复议后起诉", 1, 5)],
                    [(r, 1, 1) for r in RESULTS * 2],
                    [(str(i + 1), 1, 1) for i in range(15)]])
    text = (f"# 某某局2023年政府信息公开工作年度报告\n\n## 二、主动公开政府信息情况\n\n{s2}\n\n"
            f"## 四、政府信息公开行政复议、行政诉讼情况\n\n{s4}\n")
    st = report(text).stats
    assert st["s2"].get("normative_docs", "in_force").raw == "9"
    assert st["s2"].get("licensing", "decisions").raw == "12"
    assert st["s2"].unmapped == []
    check_s4(st["s4"])


# -- robustness --------------------------------------------------------------------------------------------

VOCAB = (["", "0", "3", "/", "—", "若干", "1.5", "-2", NOTE, "申请人情况", "法人或其他组织", "小计", "第二十条第（一）项",
          "信息内容", "本年制发件数", "行政复议", "行政诉讼", "未经复议直接起诉", "结果维持", "总计", "其他", "数量",
          "（三）不予公开 1.属于国家秘密", "9.其他", "（六）其他处理", "1.其他", "三、本年度办理结果", "规章"]
         + COL_LABELS + [p[3] or p[2] or p[1] for p in s3_paths("2021")])


def test_random_tables_never_crash():
    hypothesis = pytest.importorskip("hypothesis")
    st_ = hypothesis.strategies

    @hypothesis.settings(max_examples=300, deadline=None, derandomize=True)
    @hypothesis.given(st_.lists(st_.lists(st_.sampled_from(VOCAB), min_size=1, max_size=12), min_size=1, max_size=14),
                      st_.sampled_from(["markdown", "text", "flat", "flat-separated"]))
    def run(rows, fmt):
        if fmt.startswith("flat"):
            cells = [c for r in rows for c in r if c]
            body = "\n".join(c + ("\n|" if fmt == "flat-separated" else "") for c in cells)
            fmt = "text"
        else:
            body = as_markdown(rows) if fmt == "markdown" else as_pipes(rows)
        rep = report(wrap(body, fmt=fmt), fmt=fmt)
        for t in extract(rep).values():
            for (r, c), cell in t.cells.items():
                assert (cell.row, cell.col) == (r, c)
            assert all(u.what in ("row", "col") for u in t.unmapped)

    run()


# -- text tables: empty cells of tab- and space-separated text --------------------------------------------

@pytest.mark.parametrize("version", ["2021", "2019"])
@pytest.mark.parametrize("layout", ["empty", "repeat", "flat", "combined"])
def test_s3_text_tab_grid_every_cell(version, layout):
    """Each tab is one cell boundary: merged cells left empty keep every number in its column."""
    rows = s3_label_rows(version, layout)
    width = 3 if layout in ("empty", "repeat") else 1
    head = s3_header("repeat" if layout == "repeat" else "empty", width)
    rep = report(wrap(as_tab_grid(head + rows), fmt="text", year=2023 if version == "2021" else 2020), fmt="text")
    check_s3(rep.stats["s3"], version)


def test_s3_tab_grid_empty_cells_are_blank_cells_in_their_columns():
    rows = s3_label_rows("2021", "empty")
    rows[0] = rows[0][:3] + ["5", "", "", "1", "", "", "6"]  # 一、本年新收: 自然人5 社会公益组织1 总计6
    st = report(wrap(as_tab_grid(s3_header("empty", 3) + rows), fmt="text"), fmt="text").stats["s3"]
    assert [st.get("new", c).raw for c in COLS7] == ["5", "", "", "1", "", "", "6"]
    assert st.get("new", "social_welfare").cell.column == 1 + len("\t".join(rows[0][:6])) + 1


def test_s4_tab_grid_first_value_blank():
    rows = s4_rows("empty")
    rows[-1] = ["", "2", "", "1", "3"] + [str(i) for i in range(10)]
    st = report(wrap(as_tab_grid(rows), heading="四、政府信息公开行政复议、行政诉讼情况", fmt="text"),
                fmt="text").stats["s4"]
    assert st.loose == [] and st.unmapped == []
    assert [st.get("cases", c).raw for c in S4_IDS[:5]] == ["", "2", "", "1", "3"]
    assert st.get("cases", "after_review.total").raw == "9"


def test_tab_table_split_by_a_bare_group_line_keeps_its_columns():
    """A group row with no numbers, its trailing tabs trimmed, is a lone line: the reader ends the table
    there.  The part after it has no header; its columns are those of the first part, shifted to where
    its values start (the first part's rows had one label column, the second part's two)."""
    head = [["项目", "", *COL_LABELS]]
    rows = [["一、本年新收政府信息公开申请数量", "", "3", "", "", "", "", "", "3"],
            ["三、本年度办理结果"],
            ["（一）予以公开", "", "", "", "", "", "", "2", "2"],
            ["（三）不予公开", "1.属于国家秘密", "1", "", "", "", "", "", "1"]]
    st = report(wrap(as_tab_grid(head + rows), fmt="text"), fmt="text").stats["s3"]
    assert st.unmapped == [] and st.loose == []
    assert st.get("new", "natural_person").raw == "3" and st.get("new", "total").raw == "3"
    assert st.get("result.open", "other_org").raw == "2" and st.get("result.open", "total").raw == "2"
    assert st.get("result.not_open.state_secret", "natural_person").raw == "1"


def test_row_written_as_its_label_alone_is_a_blank_row():
    """A row left blank whose trailing separators were trimmed: a row of the table block that ends with its
    labels, or a lone line after the block (a paragraph to the reader) — both rows of empty cells."""
    body = "\n".join(["信息内容\t本年制发件数\t本年废止件数\t现行有效件数", "规章\t1\t\t9", "行政规范性文件",
                      "第二十条第（五）项", "信息内容\t本年处理决定数量", "行政许可", "以上数据截至年底。"])
    s2 = report(wrap(body, heading="二、主动公开政府信息情况", fmt="text"), fmt="text").stats["s2"]
    assert [s2.get("rules", c).raw for c in ("issued", "repealed", "in_force")] == ["1", "", "9"]
    assert [s2.get("normative_docs", c).raw for c in ("issued", "repealed", "in_force")] == ["", "", ""]
    assert s2.get("licensing", "decisions").raw == "" and s2.missing_rows == ["penalty", "coercion", "fees"]
    assert s2.get("licensing", "decisions").cell.line == 8
    rows = s3_label_rows("2021", "empty")
    rows[3] = rows[3][:2]  # （二）部分公开 in the block: its labels, then nothing
    tail = ["（七）总计", "四、结转下年度继续办理"]  # lone lines after the block
    body = as_tab_grid(s3_header("empty", 3) + rows[:-2]) + "\n" + "\n".join(tail)
    st = report(wrap(body + "\n以上数据截至年底。", fmt="text"), fmt="text").stats["s3"]
    assert st.missing_rows == [] and st.loose == []
    for rid in ("result.partial", "result.total", "carried_forward"):
        assert [st.get(rid, c).raw for c in COLS7] == [""] * 7, rid
    assert st.get("carried_forward", "total").cell.line == body.count("\n") + 3
    assert st.get("result.open", "total").raw == value(2, 6)


def test_tab_row_alone_between_bare_lines_is_placed_by_its_tabs():
    """A tab-separated row printed alone (between rows written as their labels alone) is a paragraph to the
    text reader (one separated line is not a table), but its source line keeps every tab, leading ones
    too: its cells are placed by them, like the rows of the grid above it."""
    rows = s3_label_rows("2021", "empty")[:6]  # 一 二 三（一） （二） （三）1. 2.
    lines = as_tab_grid(s3_header("empty", 3) + rows[:5]).split("\n")
    lines += ["2.其他法律行政法规禁止公开", "\t\t3.危及“三安全一稳定”\t\t4\t\t\t\t\t4", "4.保护第三方合法权益"]
    st = report(wrap("\n".join(lines) + "\n以上数据截至年底。", fmt="text"), fmt="text").stats["s3"]
    assert [st.get("result.not_open.law_prohibited", c).raw for c in COLS7] == [""] * 7
    assert [st.get("result.not_open.security_stability", c).raw for c in COLS7] == ["", "4", "", "", "", "", "4"]
    assert st.get("result.not_open.security_stability", "total").cell.line == len(lines) - 1 + 2  # wrap's title
    assert st.loose == []
    assert [st.get("result.not_open.third_party", c).raw for c in COLS7] == [""] * 7


def test_row_alone_without_tabs_after_a_tab_table_is_not_placed():
    """The same row with its cells separated by spaces has lost its empty cells: its numbers are kept as
    unplaceable, not placed from the left."""
    rows = s3_label_rows("2021", "empty")[:6]
    lines = as_tab_grid(s3_header("empty", 3) + rows[:5]).split("\n")
    lines += ["2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”  4  4", "4.保护第三方合法权益"]
    st = report(wrap("\n".join(lines), fmt="text"), fmt="text").stats["s3"]
    assert not [k for k in st.cells if k[0] == "result.not_open.security_stability"]
    assert [(c.row, c.raw) for c in st.loose] == [("result.not_open.security_stability", "4")] * 2


def spaces(rows: list[list[str]]) -> str:
    return "\n".join("    ".join(c for c in r if c) for r in rows)


def test_space_separated_short_row_is_unplaceable():
    rows = s3_label_rows("2021", "collapsed")
    rows[0] = [rows[0][0], "5", "1", "6"]  # 一、本年新收 with four blank cells: which ones cannot be seen
    rep = report(wrap(spaces(s3_header("collapsed", 1) + rows), fmt="text"), fmt="text")
    st = rep.stats["s3"]
    assert rep.document.space_separated_tables == (2,)
    assert not [k for k in st.cells if k[0] == "new"]
    assert [(c.row, c.col, c.raw) for c in st.loose] == [("new", "", "5"), ("new", "", "1"), ("new", "", "6")]
    assert st.row_labels["new"] == "一、本年新收政府信息公开申请数量"
    assert st.get("carried_over", "total").raw == value(1, 6)  # full rows are placed
    diags = lint(rep.document.text, fmt="text", select=["statistics", "DL001", "DL110"])
    assert [d.code for d in diags] == ["DL001"]
    assert "“一、本年新收政府信息公开申请数量”行中3个数值" in diags[0].message


def test_space_separated_table_four_short_row():
    rows = s4_rows("single")
    rows[-1] = ["1", "1", "2"] + ["0"] * 10
    st = report(wrap(spaces(rows), heading="四、政府信息公开行政复议、行政诉讼情况", fmt="text"),
                fmt="text").stats["s4"]
    assert st.cells == {} and len(st.loose) == 13 and st.has_numbers


def test_space_separated_full_rows_and_label_only_rows():
    """A full row is placed (labels, then numbers, whatever the run of spaces); a row written as its
    labels alone is a row of empty cells; a full row printed alone between such lines is read too."""
    body = "\n".join(["信息内容    本年制发件数    本年废止件数    现行有效件数", "规章    0      0    0",
                      "行政规范性文件", "第二十条第（五）项", "信息内容    本年处理决定数量", "行政许可    12"])
    s2 = report(wrap(body, heading="二、主动公开政府信息情况", fmt="text"), fmt="text").stats["s2"]
    assert [s2.get("rules", c).raw for c in ("issued", "repealed", "in_force")] == ["0", "0", "0"]
    assert [s2.get("normative_docs", c).raw for c in ("issued", "repealed", "in_force")] == ["", "", ""]
    assert s2.get("licensing", "decisions").raw == "12"
    assert s2.get("licensing", "decisions").cell.line == 8 and s2.loose == []


def test_flat_separated_empty_cell_before_a_short_label():
    cells = ["第二十条第（一）项", "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量",
             "规章", "0", "0", "", "规范性文件", "", "0", "0"]
    body = "\n".join(c + "\n|" for c in cells)
    st = report(wrap(body, heading="二、主动公开政府信息情况", year=2019, fmt="text"), fmt="text").stats["s2"]
    assert st.loose == []
    assert [st.get("rules", c).raw for c in ("new_made", "new_published", "total_published")] == ["0", "0", ""]
    assert [st.get("normative_docs", c).raw for c in ("new_made", "new_published", "total_published")] == ["", "0", "0"]


def test_flat_separated_table_four_starting_with_empty_cells():
    cells = ["行政复议", "行政诉讼", *RESULTS, "未经复议直接起诉", "复议后起诉", *RESULTS, *RESULTS,
             "", "", "1", "", "1"] + [""] * 9 + ["2"]
    body = "\n".join(c + "\n|" for c in cells)
    st = report(wrap(body, heading="四、政府信息公开行政复议、行政诉讼情况", fmt="text"), fmt="text").stats["s4"]
    assert st.loose == [] and len(st.cells) == 15
    assert st.get("cases", "review.other").raw == "1" and st.get("cases", "review.upheld").raw == ""
    assert st.get("cases", "after_review.total").raw == "2"


@pytest.mark.parametrize("version", ["2021", "2019"])
def test_flat_separated_group_row_is_not_a_data_row(version):
    cells = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计",
             "（三）不予公开", "", "", "", "", "", "", "", "1.属于国家秘密", "1", "0", "0", "0", "0", "0", "1",
             "（六）其他处理", "", "", "", "", "", "", ""]
    if version == "2021":
        cells += ["3.其他", "2", "0", "0", "0", "0", "0", "2"]
    cells += ["（七）总计", "3", "0", "0", "0", "0", "0", "3"]
    body = "\n".join(c + "\n|" for c in cells)
    st = report(wrap(body, fmt="text", year=2023 if version == "2021" else 2020), fmt="text").stats["s3"]
    assert st.schema.version == version
    assert not [k for k in st.cells if k[0] == "result.not_open"]
    other = [k for k in st.cells if k[0] == "result.other"]
    if version == "2021":  # a group: no cells of its own
        assert other == [] and st.get("result.other.other", "total").raw == "2"
    else:  # a data row left blank
        assert len(other) == 7 and all(st.get("result.other", c).raw == "" for c in COLS7)


def test_flat_run_reads_a_lone_separated_line_as_cells():
    lines = ["第二十条第（一）项", "信息内容    本年制发件数    本年废止件数    现行有效件数", "规章",
             "行政规范性文件    3    1    12", "第二十条第（五）项", "信息内容", "本年处理决定数量", "行政许可", "120"]
    st = report(wrap("\n".join(lines), heading="二、主动公开政府信息情况", fmt="text"), fmt="text").stats["s2"]
    assert st.layout == "flat"
    assert [st.get("normative_docs", c).raw for c in ("issued", "repealed", "in_force")] == ["3", "1", "12"]
    assert st.get("normative_docs", "in_force").cell.column == len("行政规范性文件    3    1    ") + 1
    assert st.get("licensing", "decisions").raw == "120"


_S4_HEAD = "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---|---|---|---|\n"


def test_table_four_as_three_small_tables_under_their_groups_names():
    # a converter's Markdown (an LLM's or a PDF tool's): table 四 as three tables, each group's name a heading above it
    from .conftest import parse

    text = ("# 某某县人民政府2025年政府信息公开工作年度报告\n\n## 四、政府信息公开行政复议、行政诉讼情况\n\n"
            f"### 行政复议\n{_S4_HEAD}| 27 | 10 | 9 | 15 | 61 |\n\n"
            f"### 行政诉讼（未经复议直接起诉）\n{_S4_HEAD}| 3 | 0 | 0 | 0 | 3 |\n\n"
            f"### 行政诉讼（复议后起诉）\n{_S4_HEAD}| 8 | 0 | 1 | 1 | 11 |\n")
    rep = interpret(parse(text, "markdown"))
    cells = {k[1]: int(v.value.number) for k, v in rep.stats["s4"].cells.items()}
    assert (cells["review.total"], cells["direct.upheld"], cells["after_review.pending"]) == (61, 3, 1)
    assert len(cells) == 15
    ds = lint(text, select=["DL110", "DL204"])
    assert [(d.code, d.evidence.get("expected"), d.evidence.get("actual")) for d in ds] == [("DL204", 10, 11)]
