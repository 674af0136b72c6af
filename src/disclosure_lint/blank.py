"""``disclosure-lint new``: a blank annual report in the unified format for its year.

Everything the format fixes comes from the project's one definition of it: the format version for the
year (:func:`.report.catalogue.format_version_for_year`: the 2019 trial format for 2019–2020, the 2021
format from 2021), the six sections and their titles (:data:`.report.catalogue.SECTIONS`), the rows and
columns of the three statistics tables (:mod:`.report.stats.schema`), and the self-reference of the
agency's kind (:func:`.report.agency.classify` and the forms rule DL301 allows each kind, the first
being the preferred one).  Only the captions of the unified format that the schema does not hold (the
第二十条 items of table 二, the header texts of table 三) are written here.

The blank report has the title, the opening paragraph with the statistics period, the six section
headings each with a short guidance note (an HTML comment: not part of the published text), the three
tables with every official label and empty cells, and the 落款 to fill in.  ``check`` on it reports only
that the tables are unfilled (DL209).
"""

from __future__ import annotations

from dataclasses import dataclass

from .grid_spans import Grid, spans
from .kinds.self_reference import DEFAULT_ALLOWED
from .report.agency import classify
from .report.catalogue import FORMAT_TITLES, NUMERALS, SECTIONS, TABLE_NAMES, SectionSpec, format_version_for_year
from .report.stats.schema import S2_ITEMS, S4_BLOCKS, S4_RESULTS, TableSchema, schema

MIN_YEAR = 2019  # the unified formats begin with the 2019 reports
MAX_YEAR = 2100  # the last year ``check --year`` (and the configuration's ``year``) accepts

S2_CORNER = "信息内容"
S3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
S3_APPLICANTS = "申请人情况"
S4_LITIGATION = "行政诉讼"

# What each section must contain (《条例》第五十条 and the format's notes), shown as guidance.
GUIDANCE: dict[str, str] = {
    "s1": "概述本年度政府信息公开工作：主动公开、依申请公开、政府信息管理、平台建设、监督保障等方面的做法和成效。",
    "s2": "按下表填写主动公开的数量；没有发生的事项填0，不要留空。",
    "s3": "按申请人类别填写；本年新收与上年结转之和应等于办理结果总计与结转下年度之和，每行总计等于各类申请人之和。",
    "s4": "填写因政府信息公开工作被申请行政复议、提起行政诉讼的数量；每组总计等于结果维持、结果纠正、其他结果、尚未审结之和。",
    "s5": "如实写明本年度工作存在的主要问题和改进措施，以及上年度报告所提问题的整改情况。",
    "s6": "写明年度政务公开工作要点落实等需要报告的事项。",
}
# 信息处理费: charged under 《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）, in force from 1 January 2021, so
# reported from the 2021 reports on (a 2019 or 2020 report has none to report)
FEE_FROM_YEAR = 2021
FEE_GUIDANCE = "写明收取信息处理费的情况（未收取也应说明），以及年度政务公开工作要点落实等需要报告的事项。"


@dataclass(frozen=True)
class Blank:
    year: int
    agency: str

    @property
    def version(self) -> str:
        v = format_version_for_year(self.year)
        assert v is not None
        return v

    def guidance(self, section_id: str) -> str:
        """What the section must contain, for this year (信息处理费 from :data:`FEE_FROM_YEAR`)."""
        return FEE_GUIDANCE if section_id == "s6" and self.year >= FEE_FROM_YEAR else GUIDANCE[section_id]

    @property
    def title(self) -> str:
        return f"{self.agency}{self.year}年政府信息公开工作年度报告"

    @property
    def self_reference(self) -> str:
        """The preferred self-reference of the agency's kind (我局, 我街道, 我区 …), else 本机关."""
        kind, word = classify(self.agency)
        forms = DEFAULT_ALLOWED.get(kind or "")
        if not forms:
            return "本机关"
        form = forms[0]
        if "{word}" in form:
            if not word:
                return "本机关"
            form = form.replace("{word}", word)
        return form


def s2_parts(version: str) -> list[tuple[str, Grid]]:
    """Table 二 as the unified format divides it: (第二十条 caption, rows — the header row first)."""
    sch = schema("s2", version)
    out: list[tuple[str, Grid]] = []
    for caption, rows in S2_ITEMS[version]:
        cols = sch.cols_of(rows[0])
        grid = [[S2_CORNER, *(sch.col_by_id[c].label for c in cols)]]
        grid += [[sch.row_by_id[r].label, *([""] * len(cols))] for r in rows]
        out.append((caption, grid))
    return out


S3_LABEL_COLS = 3  # 一、… | （一）… | 1.…
S3_HEADER_ROWS = 3
S4_HEADER_ROWS = 3


def s3_grid(version: str) -> Grid:
    """Table 三: three header rows (a merged cell's text in each position it covers), then one row per
    data row, its label in the column of its level (三、本年度办理结果 and the group rows written once, on
    the first row under them), the numbers empty."""
    sch = schema("s3", version)
    cols = sch.cols
    note = [S3_NOTE] * S3_LABEL_COLS
    grid = [note + [S3_APPLICANTS] * len(cols), note + [c.group or c.label for c in cols],
            note + [c.label for c in cols]]
    for r in sch.data_rows():
        labels = [""] * S3_LABEL_COLS
        if r.group is None:  # 一、本年新收…
            labels[0] = r.label
        elif r.group == "result":  # （一）予以公开 under 三、本年度办理结果
            labels[1] = r.label
        else:  # 1.属于国家秘密 under （三）不予公开
            labels[2] = r.label
            if _first_of(sch, r.id):
                labels[1] = sch.row_by_id[r.group].label
        if r.group is not None and _first_of(sch, r.id, any_group=True):
            labels[0] = sch.row_by_id["result"].label
        grid.append(labels + [""] * len(cols))
    return grid


def _first_of(sch: TableSchema, row_id: str, any_group: bool = False) -> bool:
    """Whether the row is the first data row of its group (``any_group``: of all grouped rows)."""
    group = sch.row_by_id[row_id].group
    return next(r.id for r in sch.data_rows() if (r.group is not None if any_group else r.group == group)) == row_id


def s4_grid(version: str) -> Grid:
    """Table 四: 行政复议 | 行政诉讼 › 未经复议直接起诉 / 复议后起诉 › the results, then the empty row."""
    sch = schema("s4", version)
    n = len(S4_RESULTS)
    review = S4_BLOCKS[0][1]
    return [[review] * n + [S4_LITIGATION] * (len(sch.cols) - n),
            [review] * n + [c.group or "" for c in sch.cols[n:]],
            [c.label for c in sch.cols],
            [""] * len(sch.cols)]


def opening(blank: Blank) -> str:
    """The opening paragraph: the basis, the agency and its self-reference, the parts, the statistics period."""
    me = blank.self_reference
    return (f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和"
            f"{FORMAT_TITLES[blank.version]}的要求，结合{blank.agency}（以下简称“{me}”）政府信息公开工作实际编制。"
            f"全文包括{'、'.join(s.title for s in SECTIONS)}{NUMERALS[len(SECTIONS) - 1]}个部分。"
            f"本报告中所列数据统计期限为{blank.year}年1月1日至12月31日。如对本报告有疑问，请与{me}联系。")


def heading(section: SectionSpec) -> str:
    return TABLE_NAMES.get(section.id, f"{section.numeral}、{section.title}")


SIGNATURE_NOTE = "落款：机关名称和成文日期。"


def signature(blank: Blank) -> tuple[str, str]:
    return blank.agency, f"{blank.year + 1}年  月  日"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(grid: Grid, header_rows: int = 1) -> list[str]:
    """A Markdown table; a merged header cell's text once, in its first position, the others it covers empty (as
    a report written by hand shows them: a table in Markdown cannot merge cells)."""
    once = [list(r) for r in grid]
    for r0, c0, r1, c1 in spans(grid, header_rows, 0):
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    once[r][c] = ""
    return [_row(once[0]), "|" + "---|" * len(once[0]), *(_row(r) for r in once[1:]), ""]


def markdown(blank: Blank) -> str:
    """The blank report as Markdown (the guidance as HTML comments)."""
    v = blank.version
    lines = [f"# {blank.title}", "", opening(blank), ""]
    for s in SECTIONS:
        lines += [f"## {heading(s)}", "", f"<!-- {blank.guidance(s.id)} -->", ""]
        if s.id == "s2":
            for caption, grid in s2_parts(v):
                lines += [caption, "", *_table(grid)]
        elif s.id == "s3":
            lines += _table(s3_grid(v), S3_HEADER_ROWS)
        elif s.id == "s4":
            lines += _table(s4_grid(v), S4_HEADER_ROWS)
    lines += [f"<!-- {SIGNATURE_NOTE} -->", "", signature(blank)[0], "", signature(blank)[1], ""]
    return "\n".join(lines)
