"""``table-unreadable`` (DL001): what the tool could not read of a statistics table present in the report.

Labels the tool could not map to the schema, numbers of a table printed one cell per line that could not be placed
in a column (``StatTable.loose``), rows of a table read as text that were not found at all, rows written as lines
of text beside the table (:mod:`disclosure_lint.report.stats.beside`: a table broken apart in a copy), and tables
whose labels and digits run together with nothing between them (``report.unread_tables``), so that no cell could be
read.  This is the tool's reading problem, never the report's: the statistics checks of that table are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from ..report.catalogue import TABLE_SHORT_NAMES
from ..report.stats.beside import rows_beside
from ..report.stats.grid import is_value
from ..report.stats.label_typos import slip_of
from ..report.stats.schema import norm, schema, strip_number
from . import register
from .base import Hit, Kind, KindOptions
from .tables import (
    VERSIONS,
    cut_off,
    expected_version,
    first_block,
    hit_at,
    label_line,
    label_order,
    loose_values,
    missing_parts,
    quote_labels,
    stat_tables,
    truly_unmapped,
    unplaced_columns,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..report import AnnualReport


def _deduplicated_hit(report: AnnualReport, deduped: list) -> Hit:
    """The flattened tables of a copy that lost its repeated lines (:mod:`..report.stats.deduped`)."""
    dd = report.deduplicated
    once = dd.once if dd is not None else ()
    lines = dd.lines if dd is not None else 0
    first = deduped[0]
    names = "、".join(TABLE_SHORT_NAMES[u.section] for u in deduped)
    labels = "".join(f"“{w}”" for w in once[:2]) + ("等栏目名" if len(once) > 2 else "")
    what = (f"数字：全文{lines}个短行（逐格成行的表格单元格等）没有一行重复，统一格式中多次出现的{labels}"
            "也只出现一次，像是转存时删去了所有重复的行（每个“0”只留下了第一个），表中的数字已无法对应到行和列")
    return Hit(block=first.block, start=first.start, end=first.end,
               params={"table": names, "what": what, "labels": labels, "count": len(once)},
               evidence={"expected": "统一格式中多次出现的栏目名各出现多次，重复的数字（如0）逐格保留",
                         "actual": f"{lines}个短行各不相同，{labels}各只出现一次",
                         "tables": [u.section for u in deduped], "layout": "flat-deduplicated",
                         "labels_once": list(once), "short_lines": lines, "skipped": "这些表的统计检查"},
               key="deduplicated:" + ",".join(u.section for u in deduped))


# -- table-unreadable --------------------------------------------------------------------------------


class TableUnreadableOptions(KindOptions):
    ignore_labels: list[str] = Field(default_factory=list,
                                     description="不报告的栏目名（本地表格中确认无需识别的栏目）")


_UNFOUND = "表格按文字读出，不是表格线划分的格子，找不到这些行：可能被分页处的文字隔断，无法判断是报告缺行还是工具未能读出"


def _unfound_rows(report: AnnualReport, tid: str, table) -> list:
    """The data rows of a table read as text (``flat``: one cell per line, a PDF's text without a grid) that were not
    found at all, not even their label: table-missing-rows (DL110) does not judge such a table, and a table cut
    short by something the reader left between its rows (a page's footer) must not pass for a whole one.  Table 三
    only: its rows are one run with numbered labels (table 二's small tables come apart, table 四's one row is its
    numbers, reported when they cannot be placed); none in a table of the other format version (DL109) or past the
    row the file ends in (DL002)."""
    expected = expected_version(report)
    if table.layout != "flat" or not table.cells or tid != "s3" or expected is None:
        return []
    if table.detected_version in VERSIONS and table.detected_version != expected:
        return []
    data_rows = schema(tid, expected).data_rows()
    seen = table.rows_found | set(table.row_labels) | {c.row for c in table.loose if c.row}
    if cut_off(report, tid):
        last = max((i for i, r in enumerate(data_rows) if r.id in seen), default=-1)
        data_rows = data_rows[:last + 1]
    return [r for r in data_rows if r.id not in seen]


# kinds of administrative action a body's list of powers has and table 二 of neither format has as a row (行政检查 …):
# a row the report added, not a label the tool failed to read
_ADDED_ACTIONS = frozenset({"行政检查", "行政确认", "行政给付", "行政奖励", "行政裁决", "行政征收", "行政征用", "行政备案",
                            "其他行政权力", "其他权力事项"})
_APART = "写在表格前后的文字行里，不在表格之中：表格在复制或转换时被拆开了，这些行的数值没有核对"


_UNREAD_LAYOUT = ("各个数值所在的行和列（PDF 中的这张表没有表格线，各栏文字的位置不足以可靠地确定每个数值属于哪一行哪一列，"
                  "如栏目很窄、行名逐字折行）")
_UNREAD_RUN = "各个数值所在的行和列（表格的文字连在一起，栏目名和数字之间没有任何分隔）"
# (cells kept apart by a crawler's |, the rows' line breaks lost: 信息内容 |本年制发件数 |…|规章 |/ |/ |行政规范性文件 |0 |…)
_UNREAD_PIPED = "各个数值所在的行和列（表格各行之间的换行丢失，各行的单元格连成一串）"
_UNREAD_SHREDDED = ("各个数值所在的行和列（表格在文字中拆成了逐行的碎片：栏目名折成几行、数字各占一行，如 PDF 中栏目很窄的表格"
                    "复制或转换成的文本）")


@register
class TableUnreadable(Kind[TableUnreadableOptions]):
    """Labels of a present table that the tool could not map, or numbers it could not place."""

    name = "table-unreadable"
    Options = TableUnreadableOptions
    params = frozenset({"table", "what", "labels", "count"})

    def __init__(self, rule, options, config):
        super().__init__(rule, options, config)
        self._ignore = frozenset(k for x in options.ignore_labels for k in (norm(x), norm(strip_number(x))))

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        unread = report.unread_tables
        deduped = [u for u in unread.values() if u.why == "deduplicated"]
        if deduped:  # one cause for every table of the copy: one finding
            yield _deduplicated_hit(report, deduped)
        for tid, run in unread.items():  # in the text, but its cells run together: not read at all
            if run.why == "layout":
                yield Hit(block=run.block, start=0, end=min(len(run.block.text), 40),
                          params={"table": TABLE_SHORT_NAMES[tid], "what": _UNREAD_LAYOUT, "labels": "", "count": 0},
                          evidence={"expected": "每个数值对应到一行一列", "actual": "表格没有表格线，行和列无法可靠确定",
                                    "table": tid, "layout": "borderless-unsure", "skipped": "本表的统计检查"},
                          key=f"{tid}:unread-layout")
                continue
            if run.why == "shredded":
                yield Hit(block=run.block, start=0, end=min(len(run.block.text), 40),
                          params={"table": TABLE_SHORT_NAMES[tid], "what": _UNREAD_SHREDDED, "labels": "", "count": 0},
                          evidence={"expected": "每个数值对应到一行一列", "actual": "表格在文字中拆成逐行的碎片，无法还原",
                                    "table": tid, "layout": "shredded", "labels_in_run": run.labels,
                                    "skipped": "本表的统计检查"},
                          key=f"{tid}:unread-shredded")
                continue
            if run.why != "run":
                continue
            trunc = report.truncation
            if trunc is not None and trunc.table == tid and not any(c.isdigit() for c in run.block.text[run.start:]) \
                    and not any(c.isdigit() for b in report.blocks[run.block.index + 1:trunc.block.index + 1] for c in b.text):
                continue  # only the header's words run together, and the file ends before a number: DL002's cut
            piped = "|" in run.block.text[run.start:run.end] or "｜" in run.block.text[run.start:run.end]
            yield Hit(block=run.block, start=run.start, end=min(run.end, run.start + 40),
                      params={"table": TABLE_SHORT_NAMES[tid], "what": _UNREAD_PIPED if piped else _UNREAD_RUN,
                              "labels": "", "count": 0},
                      evidence={"expected": "每个数值对应到一行一列",
                                "actual": "表格各行连成一串，无法分开各行" if piped else "表格文字连在一起，无法分开各栏",
                                "table": tid, "layout": "rows-joined" if piped else "run-together",
                                "labels_in_run": run.labels,
                                "skipped": "本表的统计检查"},
                      key=f"{tid}:unread-run")
        trunc = report.truncation
        for tid, table in stat_tables(report):
            bad = truly_unmapped(table, self._ignore)
            bad += [u for u in unplaced_columns(table) if u not in bad]
            if trunc is not None and trunc.table == tid:  # the label cut off at the end of the file
                bad = [u for u in bad if u.block is not trunc.block or norm(u.label) != norm(trunc.tail)]
            loose = loose_values(table)  # (a row of the other format's, 政府集中采购 under 采购数量: DL109's)
            if trunc is not None and trunc.table == tid and trunc.last_row:
                # the row the file ends in has fewer values than it should: the cut's, said by DL002 — unless the
                # text went on past it (规章 / 3 / 第二十: the next label begun), so that the row was whole
                in_row = is_value(trunc.tail.strip())
                loose = [c for c in loose if not c.row or norm(c.row_label) != norm(trunc.last_row)
                         or not (in_row or c.block is trunc.block)]
            # rows not found at all, when nothing else says the table was not read whole
            unfound = _unfound_rows(report, tid, table) if not bad and not loose else []
            missing = missing_parts(report, tid, table) if not bad else None
            apart = rows_beside(report.blocks, table.blocks, missing[2]) if missing is not None else []
            if not bad and not loose and not unfound and not apart:
                continue
            labels: list[str] = []
            for u in bad:
                if u.label.strip() not in labels:
                    labels.append(u.label.strip())
            slips = _slips(table, bad)
            noted = "".join(f"（{'' if len(labels) == 1 else f'“{w}”'}疑为报告把“{f}”写错了字，工具因此未能识别）"
                            for w, f in slips.items())
            added = [w for w in labels if tid == "s2" and w in _ADDED_ACTIONS]
            if added:
                noted += f"（{quote_labels(added)}不是统一格式表二的行，疑为报告自行增加）"
            parts = [f"{len(labels)}个栏目名{quote_labels(labels)}{noted}"] if labels else []
            if unfound:
                parts.append(f"{len(unfound)}行{quote_labels([r.label for r in unfound])}（{_UNFOUND}）")
            if apart:
                parts.append(f"{len(apart)}行{quote_labels([r.label for r in apart])}（{_APART}）")
            by_row: dict[str, list[str]] = {}
            for c in loose:
                by_row.setdefault(c.row_label.strip() if c.row else "", []).append(c.raw)
            said, short = False, False  # (each reason given once, at its first row)
            for row_label, raws in by_row.items():
                n = len(raws)
                flat = table.layout == "flat" and bool(row_label)
                digits = raws[0] if n == 1 and flat and raws[0].isdigit() and len(raws[0]) >= 3 else ""
                note = (f"（“{digits}”也可能是几格的数字连在了一起）" if said else f"（“{digits}”{_RUN}）") if digits else ""
                said = said or bool(note)
                if not digits and flat and tid == "s3" and n < 7 and not short:  # (a row of 3 | 3: its empty cells lost)
                    note, short = f"（只有{n}个数{_SHORT}）", True
                parts.append((f"“{row_label}”行中{n}个数值所在的列" if row_label else f"{n}个数值所在的行和列") + note)
            places = [(u.label, u.block, u.cell) for u in bad] + [(c.raw, c.block, c.cell) for c in loose]
            # rows not found alone: where the rows read end (the table's last block)
            first = min(places, key=lambda p: label_order(p[1], p[2])) if places else (
                "", table.blocks[-1] if table.blocks else None, None)
            block = first[1] if first[1] is not None else first_block(table)
            grid_cell = first[2] if first[2] is not None and block is not None and block.kind == "table" else None
            yield Hit(
                **hit_at(block, grid_cell),
                params={"table": TABLE_SHORT_NAMES[tid], "what": "，以及".join(parts), "labels": quote_labels(labels),
                        "count": len(labels)},
                evidence={"expected": "统一格式规定的栏目名" if labels else "每个数值对应到一行一列",
                          "actual": "、".join(labels) if labels else f"{len(loose)}个数值未能定位",
                          "table": tid, "layout": table.layout,
                          **({"slips": slips} if slips else {}),
                          **({"added_rows": added} if added else {}),
                          "rows": [u.label for u in bad if u.what == "row"],
                          "cols": [u.label for u in bad if u.what == "col"],
                          "loose_values": [{"raw": c.raw, "row": c.row_label, "line": label_line(c.block, c.cell)}
                                           for c in loose],
                          **({"rows_not_found": [r.id for r in unfound]} if unfound else {}),
                          **({"rows_beside_table": [r.id for r in apart]} if apart else {}),
                          "skipped": "本表的统计检查"},
                match=grid_cell.text if grid_cell is not None else None,
                # a label not read for its slip, as a writing rule (DL909) that reports the slip names it
                about=tuple(f"slip:{u.block.index}:{strip_number(u.label).strip()}" for u in bad
                            if u.block is not None and u.label.strip() in slips),
                key=f"{tid}:unreadable:{'|'.join(labels)}|{len(loose)}"
                    + (f"|rows:{','.join(r.id for r in unfound)}" if unfound else "")
                    + (f"|beside:{','.join(r.id for r in apart)}" if apart else ""),
            )


# a flattened row's one number of three digits or more: likely its cells' digits run together (a crawl that dropped
# the spaces between them: 行政规范性文件693665), which split several ways
_RUN = "可能是这一行几格的数字连在了一起：网页转存时丢了格与格之间的分隔，拆法不止一种"
# a flattened row of table 三 with fewer numbers than its columns (3 | 3): the page's empty cells lost in the copy
_SHORT = "，少于表三的栏数：空白的格子可能在转存时丢了，无法确定各数在哪一格"


def _slips(table, bad) -> dict[str, str]:
    """The labels not read that differ from one of the format's labels of the table by a character or three (本年处理
    绝对数量 for 本年处理决定数量): the report's slip, which is why the tool could not read them."""
    sch = table.schema
    rows = tuple(x for r in sch.rows for x in (r.label, *r.aliases))
    cols = tuple(x for c in sch.cols for x in (c.label, *c.aliases))
    out: dict[str, str] = {}
    for u in bad:
        written = u.label.strip()
        if not written or any(c.isdigit() or c.isspace() for c in written):
            continue  # (行政规范性文 3: a label cut and a number read into it — the reading's, not a slip)
        slip = slip_of(written, cols if u.what == "col" else rows)
        if slip is not None and written not in out:
            out[written] = slip[0]
    return out
