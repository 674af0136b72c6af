"""Random consistent statistics data and random layouts, for the property-based tests.

Not shipped; used by ``tests/test_stats_properties.py``.

* :func:`stats_data` — a Hypothesis strategy for the numbers of tables 二, 三 and 四 of one report
  (2019 or 2021 format) that satisfy every identity of spec §4: table 三 I1 (一 + 二 = （七）总计 + 四,
  per column), I2 (总计 = 六类申请人之和, per row), I3 (（七）总计 = 各项办理结果之和, per column); table 四
  I4 (总计 = 维持 + 纠正 + 其他 + 尚未审结, per block); table 二 (2019) 本年新公开 ≤ 对外公开总数量, and
  规章 left at 0 for an agency without rule-making power (else DL207 rightly says so).
* :func:`layouts` — a strategy for how the report writes them: Markdown; text tables separated by
  pipes, tabs or runs of spaces (empty cells as placeholders, or kept as two separators in a row as
  in a copy from Word or a spreadsheet); text with one cell per line (a web page copied as text),
  with or without a ``|`` line after every cell; labels of table 三 in one, two or three cells; merged
  cells repeated or left empty (down and across separately); group rows present with empty
  numbers, combined with their first item (``（三）不予公开 1.属于国家秘密``) or absent; full- or
  half-width brackets and quotes; with or without the 区分处理 note; one- or three-row header of
  table 三, one- or three-row header of table 四 (with or without a 项目/数量 label column); table 二
  as one table or one table per 第二十条 block; zeros written as blanks or placeholders (none, some,
  all); full-width digits.
* :func:`render` — the report text (title with a fictional agency and the year, the statistics
  period sentence, the six section headings and the three tables), optionally with prose in
  section 一 that states the same numbers as tables 三 and 四 (counts, a percentage, "未收到…"
  statements), so that the text-against-table rules (DL230–DL236) are exercised on agreeing text.
* :func:`mutations` — one cell of table 三 or 四 changed to another non-negative integer.

Blanks: a zero may be written as a blank (or a placeholder), never a non-zero number.  A blank total
is then harmless: its parts are non-negative and sum to 0, so they are all 0 (DL208 reports a
blank total only when its parts are not all 0).  The formats ``tabs``, ``spaces`` and ``flat`` write
a blank zero as a placeholder (/ or —); ``tabs-empty`` and ``spaces-empty`` write real empty cells
(a run of spaces cannot show one: that format can only be held to "never blame the report").
A table whose numbers are all 0 is written with zeros: without a single number it would read as an
unfilled template (DL209).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import strategies as st

from disclosure_lint.report.stats.schema import S2_ITEMS as S2_BLOCKS
from disclosure_lint.report.stats.schema import S3_COLS, S4_BLOCKS, S4_COLS, S4_RESULTS, schema

S3_COL_IDS = tuple(c.id for c in S3_COLS)  # 6 applicant columns + total
S4_COL_IDS = tuple(c.id for c in S4_COLS)  # 15: 3 blocks × (4 results + total)
NOTE_S3 = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
PARTIAL_NOTE = "（区分处理的，只计这一情形，不计其他情形）"
S3_KIDS = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
S4_RESULT_LABELS = [label for _id, label in S4_RESULTS]

# fictional agencies: (name, may fill in 规章) — a 局 has no rule-making power (DL207 would say so)
AGENCIES = (
    ("青禾市云岭区自然资源局", False),
    ("青禾市生态环境局", False),
    ("临泽县市场监督管理局", False),
    ("白岩市人民政府", True),
)

# -- data ----------------------------------------------------------------------------------------


@dataclass
class StatsData:
    version: str  # "2019" | "2021"
    year: int
    agency: str
    s2: dict[str, dict[str, str]]  # row id → col id → raw text (amounts as decimals)
    s3: dict[str, list[int]]  # data row id → 7 values (six applicant columns, total)
    s4: list[int]  # 15 values in S4_COL_IDS order

    def value(self, table: str, row: str, col: str) -> int:
        if table == "s3":
            return self.s3[row][S3_COL_IDS.index(col)]
        assert table == "s4" and row == "cases"
        return self.s4[S4_COL_IDS.index(col)]

    def with_value(self, table: str, row: str, col: str, value: int) -> StatsData:
        """A copy with one cell of table 三 or 四 changed."""
        if table == "s3":
            s3 = {r: list(v) for r, v in self.s3.items()}
            s3[row][S3_COL_IDS.index(col)] = value
            return replace(self, s3=s3)
        s4 = list(self.s4)
        s4[S4_COL_IDS.index(col)] = value
        return replace(self, s4=s4)


def s3_data_rows(version: str) -> list[str]:
    return [r.id for r in schema("s3", version).data_rows()]


def s3_result_rows(version: str) -> list[str]:
    return [r for r in s3_data_rows(version) if r.startswith("result.") and r != "result.total"]


# small numbers, often 0, sometimes large
counts = st.one_of(st.just(0), st.just(0), st.integers(0, 4), st.integers(0, 300))


@st.composite
def s3_consistent(draw, version: str) -> dict[str, list[int]]:
    """Table 三: result rows per applicant column; （七）总计, 四 and 一/二 follow; 总计 per row."""
    results = s3_result_rows(version)
    cols: list[dict[str, int]] = []
    for _ in range(6):
        col = {r: draw(counts) for r in results}
        total = sum(col.values())
        forward = draw(counts)
        # 一 + 二 = （七）总计 + 四: choose 二 (carried over) no larger than the right side, 一 is the rest
        carried = draw(st.integers(0, total + forward)) if draw(st.booleans()) else 0
        col.update({"result.total": total, "carried_forward": forward, "carried_over": carried,
                    "new": total + forward - carried})
        cols.append(col)
    return {r: [c[r] for c in cols] + [sum(c[r] for c in cols)] for r in s3_data_rows(version)}


@st.composite
def s4_consistent(draw) -> list[int]:
    out: list[int] = []
    for _ in S4_BLOCKS:
        parts = [draw(st.one_of(st.just(0), st.just(0), st.integers(0, 5), st.integers(0, 40))) for _ in range(4)]
        out += parts + [sum(parts)]
    return out


amounts = st.one_of(st.just("0"), st.integers(0, 500).map(str),
                    st.decimals(min_value=Decimal("0.01"), max_value=Decimal("999.99"), places=2).map(
                        lambda d: format(d.normalize(), "f")))


@st.composite
def s2_consistent(draw, version: str, rules: bool) -> dict[str, dict[str, str]]:
    sch = schema("s2", version)
    out: dict[str, dict[str, str]] = {}
    for r in sch.rows:
        vals: dict[str, str] = {}
        for cid in sch.cols_of(r.id):
            kind = sch.col_by_id[cid].kind
            if r.id == "rules" and not rules:
                vals[cid] = "0"
            elif kind == "amount":
                vals[cid] = draw(amounts)
            elif kind == "change":
                vals[cid] = str(draw(st.integers(-20, 20)))
            else:
                vals[cid] = str(draw(counts))
        if version == "2019" and "new_published" in vals:
            # 本年新公开数量 ≤ 对外公开总数量
            new, total = int(vals["new_published"]), int(vals["total_published"])
            if new > total:
                vals["new_published"], vals["total_published"] = str(total), str(new)
        if "in_force" in vals and int(vals["in_force"]) < int(vals["issued"]) - int(vals["repealed"]):
            # 现行有效件数 ≥ 本年制发件数 − 本年废止件数 (what was made this year and not repealed is in force: DL213)
            vals["in_force"] = str(int(vals["issued"]) - int(vals["repealed"]) + int(vals["in_force"]))
        if "prev_count" in vals and int(vals["prev_count"]) + int(vals["change"]) < 0:
            # 上一年项目数量 + 本年增/减 ≥ 0 (no fewer than no items this year)
            vals["change"] = str(-int(vals["prev_count"]))
        out[r.id] = vals
    return out


@st.composite
def stats_data(draw, version: str | None = None) -> StatsData:
    version = version or draw(st.sampled_from(["2019", "2021"]))
    year = draw(st.sampled_from([2019, 2020] if version == "2019" else [2021, 2022, 2023, 2024]))
    agency, rules = draw(st.sampled_from(AGENCIES))
    return StatsData(version, year, agency, draw(s2_consistent(version, rules)), draw(s3_consistent(version)),
                     draw(s4_consistent()))


# -- layouts -----------------------------------------------------------------------------------------

# Which label levels (0 = 一、…/三、本年度办理结果, 1 = （一）…（七）, 2 = 1. 2. …) each label column holds.
S3_LABEL_COLUMNS = {
    "three": ((0,), (1,), (2,)),  # 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密
    "two-top": ((0,), (1, 2)),  # 三、本年度办理结果 | （三）不予公开 1.属于国家秘密 (or 1.… alone)
    "two-item": ((0, 1), (2,)),  # （三）不予公开 | 1.属于国家秘密
    "one": ((0, 1, 2),),  # one label column
}


# markdown: Markdown pipe tables; pipes / tabs / spaces: text tables with those separators (a blank
# zero written as a placeholder); tabs-empty / spaces-empty: the same with empty cells written as
# they come out of a Word or spreadsheet copy (two tabs in a row, a wider run of spaces); flat /
# flat-sep: text with one table cell per line (flat-sep: a "|" line after each cell); flat-pipe: one cell per
# line as a crawler writes a page's table, each cell ending in " |", an empty cell a lone "|", a line of pipes
# only after each row (the first row's as long as a Markdown table's delimiter row without its dashes)
FORMATS = ("markdown", "pipes", "tabs", "spaces", "tabs-empty", "spaces-empty", "flat", "flat-sep", "flat-pipe")


@dataclass(frozen=True)
class Layout:
    fmt: str = "markdown"  # one of FORMATS
    half_width: bool = False  # （）“” → ()""
    note: bool = True  # the 区分处理 note after （二）部分公开
    s3_columns: str = "three"  # key of S3_LABEL_COLUMNS
    vmerge: str = "empty"  # a cell merged down: "empty" below its first row, or "repeat"ed
    hmerge: str = "empty"  # a cell merged across (一、本年新收 over the label columns): "empty" or "repeat"
    groups: str = "rows"  # a label level sharing its column with deeper ones: own "rows", "combined", "absent"
    s3_header: str = "three"  # three | one
    s3_corner: str = "note"  # one-row header: note | 项目 | empty
    s4_header: str = "three"  # three | one
    s4_label: bool = False  # a label column (项目 / 数量) before the 15 values
    s2_form: str = "one"  # one (one table, width 4) | split (one table per 第二十条 block)
    blank: str = "none"  # none | some | all — which zeros are written as blanks
    blank_text: str = ""  # "" | "/" | "—"
    seed: int = 0  # which zeros are blank when blank == "some"
    wide_digits: bool = False  # numbers in full-width digits (１２)
    prose: str = "none"  # none | counts | percent | statements — prose stating the table's numbers

    def describe(self) -> str:
        return ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())


@st.composite
def layouts(draw, formats: tuple[str, ...] = FORMATS) -> Layout:
    fmt = draw(st.sampled_from(formats))
    blank = draw(st.sampled_from(["none", "some", "all"]))
    # formats that cannot hold an empty cell write a blank zero as a placeholder
    blank_text = draw(st.sampled_from(["/", "—"] if fmt in ("tabs", "spaces", "flat") else ["", "", "/", "—"]))
    if fmt.endswith("-empty"):
        blank, blank_text = draw(st.sampled_from(["some", "all"])), ""
    # a web page copied one cell per line shows a merged cell once
    merges = ["empty"] if fmt.startswith("flat") else ["empty", "repeat"]
    s3_header = draw(st.sampled_from(["three", "one"]))
    return Layout(
        fmt=fmt,
        half_width=draw(st.booleans()),
        note=draw(st.booleans()),
        s3_columns=draw(st.sampled_from(list(S3_LABEL_COLUMNS))),
        vmerge=draw(st.sampled_from(merges)),
        hmerge=draw(st.sampled_from(merges)),
        groups=draw(st.sampled_from(["rows", "combined", "absent"])),
        s3_header=s3_header,
        s3_corner=draw(st.sampled_from(["note", "项目", "empty"])),
        s4_header=draw(st.sampled_from(["three", "one"])),
        s4_label=draw(st.booleans()),
        s2_form=draw(st.sampled_from(["one", "split"])),
        blank=blank,
        blank_text=blank_text,
        seed=draw(st.integers(0, 2**16)) if blank == "some" else 0,
        wide_digits=draw(st.booleans()),
        prose=draw(st.sampled_from(["none", "counts", "percent", "statements"])),
    )


# -- rendering ----------------------------------------------------------------------------------------

COVERED = None  # a grid position covered by a merged cell written elsewhere (not an empty cell of its own)


@dataclass
class Grid:
    """Rows of cells of one table; ``None`` marks a position covered by a merged cell (written as an
    empty cell in Markdown and pipe text, absent in formats that cannot hold empty cells)."""

    rows: list[list[str | None]] = field(default_factory=list)

    def add(self, cells: list[str | None]) -> None:
        self.rows.append(list(cells))


class Numbers:
    """Writes the numbers of one report: zeros as blanks or placeholders per the layout."""

    def __init__(self, layout: Layout):
        self.layout = layout
        self.rng = random.Random(layout.seed)
        self.blanks = layout.blank != "none"

    def table(self, values) -> Numbers:
        """The writer for one table: a table whose numbers are all 0 is written with zeros, not blanks
        (a table without a single number reads as an unfilled template, which DL209 rightly reports)."""
        out = Numbers(self.layout)
        out.rng = self.rng
        out.blanks = self.blanks and any(str(v).strip("0.") for v in values)
        return out

    def __call__(self, value: int | str) -> str:
        text = str(value)
        if text == "0" and self.blanks and (self.layout.blank == "all" or self.rng.random() < 0.4):
            return self.layout.blank_text
        return text.translate(WIDE) if self.layout.wide_digits else text


WIDE = str.maketrans("0123456789.", "０１２３４５６７８９．")


def _s3_paths(version: str, note: bool) -> list[tuple[str, tuple[str, ...]]]:
    """(row id, label path) for every data row of table 三: ``("result.not_open.state_secret",
    ("三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"))``."""
    sch = schema("s3", version)
    by_id = sch.row_by_id

    def label(rid: str) -> str:
        text = by_id[rid].label
        if rid == "result.partial" and not note:
            text = text.replace(PARTIAL_NOTE, "")
        return text

    out: list[tuple[str, tuple[str, ...]]] = []
    for r in sch.data_rows():
        path: list[str] = []
        g = r.group
        while g is not None:
            path.insert(0, label(g))
            g = by_id[g].group
        out.append((r.id, (*path, label(r.id))))
    return out


def s3_grid(data: StatsData, layout: Layout, num: Numbers) -> Grid:
    """Table 三: header rows, then every data row (and the group rows the layout writes)."""
    num = num.table(v for vals in data.s3.values() for v in vals)
    levels = S3_LABEL_COLUMNS[layout.s3_columns]
    col_of = {lv: j for j, lvs in enumerate(levels) for lv in lvs}
    L = len(levels)
    grid = Grid()
    grid.rows += s3_header(layout, L)
    prev: tuple[str, ...] = ()

    def label_cells(path: tuple[str, ...], prefixes: dict[int, str]) -> list[str | None]:
        nonlocal prev
        cells: list[str | None] = []
        deepest = len(path) - 1
        for j, lvs in enumerate(levels):
            present = [lv for lv in lvs if lv <= deepest]
            if not present:  # merged across from the left
                cells.append(cells[-1] if layout.hmerge == "repeat" and cells else None)
                continue
            own = max(present)
            text = prefixes.get(j, "") + path[own]
            if own < deepest and path[:own + 1] == prev[:own + 1]:
                # the same merged cell as the row above: written once (left empty) or repeated
                text = path[own] if layout.vmerge == "repeat" else None
            cells.append(text)
        prev = path
        return cells

    for rid, path in _s3_paths(data.version, layout.note):
        # levels hidden in a column shared with deeper levels, changing here: a group row or a prefix
        prefixes: dict[int, str] = {}
        for lv in range(len(path) - 1):
            j = col_of[lv]
            if not any(col_of[d] == j for d in range(lv + 1, len(path))):
                continue
            if path[:lv + 1] == prev[:lv + 1]:
                continue
            if layout.groups == "rows":
                grid.add(label_cells(path[:lv + 1], {}) + [""] * 7)
            elif layout.groups == "combined":
                prefixes[j] = prefixes.get(j, "") + path[lv] + " "
            # "absent": the group is not written at all (numbered items only)
        grid.add(label_cells(path, prefixes) + [num(v) for v in data.s3[rid]])
    return grid


def s3_header(layout: Layout, L: int) -> list[list[str | None]]:
    """Header rows over ``L`` label columns (the merged cells of a header are repeated when either
    merge mode of the layout repeats)."""
    rep = layout.vmerge == "repeat" or layout.hmerge == "repeat"
    if layout.s3_header == "one":
        corner = {"note": NOTE_S3, "项目": "项目", "empty": ""}[layout.s3_corner]
        return [[corner] + [None] * (L - 1) + ["自然人", *S3_KIDS, "总计"]]
    fill = (lambda t: t) if rep else (lambda t: None)
    corner = [NOTE_S3] + [fill(NOTE_S3)] * (L - 1)
    return [
        corner + ["申请人情况"] + [fill("申请人情况")] * 6,
        [fill(NOTE_S3)] * L + ["自然人", "法人或其他组织"] + [fill("法人或其他组织")] * 4 + ["总计"],
        [fill(NOTE_S3)] * L + [fill("自然人"), *S3_KIDS, fill("总计")],
    ]


def s4_grid(data: StatsData, layout: Layout, num: Numbers) -> Grid:
    """Table 四: three header rows (行政复议 | 行政诉讼 › 未经复议直接起诉 / 复议后起诉 › results) or one
    row of the 15 result labels, then the row of numbers."""
    num = num.table(data.s4)
    rep = layout.vmerge == "repeat" or layout.hmerge == "repeat"
    fill = (lambda t: t) if rep else (lambda t: None)
    grid = Grid()
    if layout.s4_header == "three":
        head = [
            ["行政复议"] + [fill("行政复议")] * 4 + ["行政诉讼"] + [fill("行政诉讼")] * 9,
            S4_RESULT_LABELS + ["未经复议直接起诉"] + [fill("未经复议直接起诉")] * 4
            + ["复议后起诉"] + [fill("复议后起诉")] * 4,
            [fill(t) for t in S4_RESULT_LABELS] + S4_RESULT_LABELS * 2,
        ]
    else:
        head = [S4_RESULT_LABELS * 3]
    values = [num(v) for v in data.s4]
    if layout.s4_label:  # a label column: 项目 over 数量
        head = [([None] if i < len(head) - 1 else ["项目"]) + h for i, h in enumerate(head)]
        values = ["数量"] + values
    grid.rows = head + [values]
    return grid




def s2_grids(data: StatsData, layout: Layout, num: Numbers) -> list[tuple[str | None, Grid]]:
    """Table 二 as (title paragraph, grid) parts: one grid of width 4, or one small grid per block."""
    sch = schema("s2", data.version)
    num = num.table(v for vals in data.s2.values() for v in vals.values())
    rep = layout.hmerge == "repeat"
    parts: list[tuple[str | None, Grid]] = []
    one = Grid()
    for title, rows in S2_BLOCKS[data.version]:
        cols = sch.cols_of(rows[0])
        n = len(cols)
        labels = [sch.col_by_id[c].label for c in cols]
        if layout.s2_form == "split":
            g = Grid()
            g.add(["信息内容", *labels])
            for rid in rows:
                g.add([sch.row_by_id[rid].label, *(num(data.s2[rid][c]) for c in cols)])
            parts.append((title, g))
            continue
        pad = 3 - n
        one.add([title] + [title if rep else None] * 3)
        one.add(["信息内容", *labels] + [labels[-1] if rep else None] * pad)
        for rid in rows:
            vals = [num(data.s2[rid][c]) for c in cols]
            one.add([sch.row_by_id[rid].label, *vals] + [vals[-1] if rep else None] * pad)
    if layout.s2_form != "split":
        parts.append((None, one))
    return parts


def _half(text: str) -> str:
    return text.replace("（", "(").replace("）", ")").replace("“", '"').replace("”", '"')


def table_text(grid: Grid, layout: Layout) -> str:
    def cell(c: str | None) -> str | None:
        return _half(c) if (c and layout.half_width) else c

    rows = [[cell(c) for c in r] for r in grid.rows]
    if layout.fmt in ("markdown", "pipes"):
        width = max(len(r) for r in rows)
        rows = [[c or "" for c in r] + [""] * (width - len(r)) for r in rows]
        lines = ["| " + " | ".join(r) + " |" for r in rows]
        if layout.fmt == "markdown":
            lines.insert(1, "|" + "---|" * width)
        return "\n".join(lines)
    if layout.fmt in ("tabs", "spaces"):
        # empty cells cannot be written (runs of separators collapse); a row of labels only stays a
        # line of its own (a paragraph between two parts of the table)
        sep = "\t" if layout.fmt == "tabs" else "    "
        return "\n".join(sep.join(c for c in r if c) for r in rows)
    if layout.fmt in ("tabs-empty", "spaces-empty"):
        # every grid position is a cell, as in a copy from Word or a spreadsheet: an empty cell is two
        # separators in a row, and a row of empty last cells ends in separators (规章\t\t\t)
        sep = "\t" if layout.fmt == "tabs-empty" else "    "
        return "\n".join(sep.join(c or "" for c in r) for r in rows)
    # flat: a web page copied as text, one cell per line; merged cells appear once (covered positions
    # are not cells).  "flat": empty cells vanish; "flat-sep": a "|" line after every cell keeps them.
    lines = []
    for i, r in enumerate(rows):
        for c in r:
            if c is COVERED:
                continue
            if layout.fmt == "flat-sep":
                lines += [c, "|"]
            elif layout.fmt == "flat-pipe":
                lines.append(f"{c} |" if c else "|")
            elif c:
                lines.append(c)
        if layout.fmt == "flat-pipe":
            lines.append("|" * (len(r) + 1) if i == 0 else "||")
    return "\n".join(lines)


SECTIONS = ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项")


def prose(data: StatsData, layout: Layout) -> list[str]:
    """Paragraphs of section 一 that state numbers of tables 三 and 四 — the same numbers."""
    if layout.prose == "none":
        return []
    total = {r: v[6] for r, v in data.s3.items()}

    def group(prefix: str) -> int:
        return sum(v for r, v in total.items() if r == prefix or r.startswith(prefix + "."))

    s4 = dict(zip(S4_COL_IDS, data.s4))
    review, litigation = s4["review.total"], s4["direct.total"] + s4["after_review.total"]
    handled = total["result.total"]
    out = []
    if layout.prose == "statements" and total["new"] == 0:
        out.append(f"本年度未收到政府信息公开申请，上年结转政府信息公开申请{total['carried_over']}件。")
    else:
        out.append(f"本年度新收政府信息公开申请{total['new']}件，上年结转政府信息公开申请{total['carried_over']}件。")
    opened = f"予以公开{total['result.open']}件"
    if layout.prose == "percent" and handled:
        pct = (Decimal(100 * total["result.open"]) / handled).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        opened += f"，占{pct}%"
    out.append(f"本年度办结{handled}件，其中{opened}；部分公开{total['result.partial']}件；"
               f"不予公开{group('result.not_open')}件；无法提供{group('result.unavailable')}件；"
               f"不予处理{group('result.not_processed')}件；其他处理{group('result.other')}件；"
               f"结转下年度继续办理{total['carried_forward']}件。")
    if layout.prose == "statements" and review == 0 and litigation == 0:
        out.append("本年度未发生政府信息公开行政复议、行政诉讼。")
    else:
        out.append(f"本年度发生政府信息公开行政复议{review}件，行政诉讼{litigation}件。")
    return out


def render(data: StatsData, layout: Layout, prose_data: StatsData | None = None) -> tuple[str, str]:
    """(report text, reader format "markdown" | "text").  ``prose_data``: the numbers the prose states
    (default ``data``; a changed table keeps the prose of the original numbers)."""
    num = Numbers(layout)
    md = layout.fmt == "markdown"
    title = f"{data.agency}{data.year}年政府信息公开工作年度报告"
    period = f"本报告所列数据的统计期限自{data.year}年1月1日起至{data.year}年12月31日止。"
    heading = (lambda s: f"## {s}") if md else (lambda s: s)
    out = [f"# {title}" if md else title, period, heading(SECTIONS[0]),
           "本机关坚持以公开为常态、不公开为例外，认真做好政府信息公开工作。",
           *prose(prose_data or data, layout), heading(SECTIONS[1])]
    for part_title, g in s2_grids(data, layout, num):
        if part_title is not None:
            t = _half(part_title) if layout.half_width else part_title
            out.append(f"**{t}**" if md else t)
        out.append(table_text(g, layout))
    out += [heading(SECTIONS[2]), table_text(s3_grid(data, layout, num), layout),
            heading(SECTIONS[3]), table_text(s4_grid(data, layout, num), layout),
            heading(SECTIONS[4]), "一是公开内容不够全面；二是政策解读形式较为单一。",
            heading(SECTIONS[5]), "无其他需要报告的事项。"]
    return ("\n\n" if md else "\n").join(out) + "\n", "markdown" if md else "text"


# -- mutations ----------------------------------------------------------------------------------------------

@st.composite
def mutations(draw, data: StatsData) -> tuple[str, str, str, int]:
    """(table, row id, col id, new value) for one numeric cell of table 三 or 四, changed."""
    table = draw(st.sampled_from(["s3", "s4"]))
    if table == "s3":
        row = draw(st.sampled_from(s3_data_rows(data.version)))
        col = draw(st.sampled_from(S3_COL_IDS))
    else:
        row, col = "cases", draw(st.sampled_from(S4_COL_IDS))
    old = data.value(table, row, col)
    new = draw(st.one_of(st.integers(0, 5), st.integers(0, 400)).filter(lambda v: v != old))
    return table, row, col, new
