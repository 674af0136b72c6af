"""Flattened statistics tables: scraped text that prints one table cell per line.

Web pages copied as text lose the grid: every cell becomes a line (``规章`` / ``0`` / ``0`` / ``0``),
sometimes with a line holding only ``|`` after each cell, and empty cells vanish unless such
separators keep them.  Crawlers write a cell's end on its line (``规章 |`` / ``0 |``, the text reader leaves such
lines paragraphs) and a line of pipes only after each row: where rows end in ``||`` or more, a lone ``|`` is an
empty cell; where they end in a lone ``|``, an empty cell is not told apart from a row's end, and a row with one
cell too many, the last empty, is read without it.  Row boundaries are gone, so numbers are placed only when it is
unambiguous: a row label followed by exactly as many values as the table has columns for that
row (table 三: the header order, normally 7; table 二: the block's header or the row's official
columns; table 四: 15 values after the header, in one run, under a header that names 行政复议 before
行政诉讼 — numbers among header words, as a PDF's text prints a table whose 总计 cells were text blocks
of their own, or under 行政诉讼 printed first, are in the text's order, not the table's).  Any other
value is kept in :attr:`StatTable.loose` (its row id when a row label precedes it, column ``""``), so
that ``has_numbers`` is right and a rule can tell a template published without its numbers.

An empty cell kept by ``|`` lines is a cell: it is never joined to a label, it counts among the 15
values of table 四 also before the first number, and the empty cells of a group row (（三）不予公开;
（六）其他处理 in 2021) are not cells of the group.  A line split by tabs or runs of spaces into a label
and numbers (or into header labels) — a row of a separated table that the text reader saw as a lone
line, between rows written as their label alone — is read as its cells.

A table flattened into one long line (text whose line breaks were lost, see ``report/inline.py``) is
read the same way: the line is cut into cells by :func:`.runs.tokens` (single spaces, a label and its
number run together, labels run together) and each cell is one token.  Where a crawler concatenated a
row's numbers, the row's one token of digits is split into its cells only when the split is certain
(:func:`.runs.split_run`: table 三 and 四 by their identities, table 二 only one digit per column); else
the token stays in :attr:`StatTable.loose`.  A row of zeros whose spaces the page scattered (``0 00 0 0 00``:
seven zeros for seven cells) is seven zeros whatever the spaces; a row whose digits the page left a few spaces between
(``200 000121``; table 四's ``00 0 00 0 0 0 00 0 0 0 00``) is one run whose numbers end at the spaces, split when certain
(``20 0 0 0 0 1 21``).  A row placed by its identity satisfies it by construction:
rules checking that identity cannot find an error in it.  A row of table 三 whose run splits a few ways is settled
by the table's columns once every row is read (:mod:`.settle`), or left loose.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...model import Block, Cell
from ...readers.lines import new_row
from . import labels as lb
from . import runs as flatline
from . import settle
from .flat_rows import end_dropped as _end_dropped
from .flat_rows import label_end_dropped as _label_end_dropped
from .flat_rows import split_tok as _split_tok
from .flat_rows import split_toks as _split_toks
from .flat_rows import splits as _splits
from .grid import PIECE, Build, is_value, text_cell, value_of
from .layout_rows import VERTICAL_CHARS, is_s3_data_label, pairs
from .model import WORDED_FIRST, Subtotal, new_stat_cell, worded_change
from .schema import S3_COLS, norm, schema
from .table2 import header_cols, s2_row_of, s2_strong, s2_title, s2_version_votes
from .table3 import SUBTOTAL, Ctx, resolve_s3, version_flags

if TYPE_CHECKING:
    from .. import AnnualReport

MAX_CELL = 60  # a line longer than this is prose, not a cell
SEPARATORS = frozenset({"|", "｜", "||"})


class Tok:
    """One line (cell) of a flattened table; its grid-like :class:`Cell` is made on demand."""

    __slots__ = ("_cell", "block", "sep", "start", "text", "whole")

    def __init__(self, text: str, block: Block, start: int, sep: bool = False, cell: Cell | None = None,
                 whole: bool = False):
        self.text = text
        self.block = block
        self.start = start
        self.sep = sep
        self._cell = cell
        self.whole = whole  # delimited by tabs or a run of spaces: one cell, never cells run together

    @property
    def value(self) -> bool:
        # a change written in words (减4, 增加2, 未增未减: a 本年增/减 cell) is a cell's value, not a label
        return is_value(self.text) or (self.text[:1] in WORDED_FIRST and worded_change(self.text) is not None)

    @property
    def cell(self) -> Cell:
        if self._cell is None:
            self._cell = text_cell(self.text, self.block, self.start)
        return self._cell


def _joined(toks: list[Tok]) -> Tok:
    """One cell written over several lines."""
    first, last = toks[0], toks[-1]
    text = "".join(t.text for t in toks)
    c0, c1 = first.cell, last.cell
    return Tok(text, first.block, first.start, cell=Cell(text=text, row=0, col=0, line=c0.line, column=c0.column,
                                                         end_column=c1.end_column, pointer=c0.pointer))


def _runs(report) -> list[list[Tok]]:
    """Maximal runs of short lines (cells) between prose and table blocks."""
    runs: list[list[Tok]] = []
    cur: list[Tok] = []
    ended = False  # the run's cells end in " |" (规章 | / 0 |): its lines of pipes only are its rows' ends
    wide_ends: bool | None = None  # such rows end in lines of two pipes or more (a lone "|" is an empty cell)

    def close():
        nonlocal cur, ended
        if cur:
            runs.append(cur)
        cur = []
        ended = False

    for b in report.blocks:
        if b.kind not in ("paragraph", "heading", "list_item"):
            close()
            continue
        text = b.text
        pos = 0
        for line in text.split("\n"):
            start = pos
            pos += len(line) + 1
            if "|" in line:
                body = line.strip()
                if ended and not body.strip("|"):
                    if body == "|" and wide_ends:  # an empty cell (the rows end in || or more)
                        cur.append(Tok("", b, start + line.index("|")))
                    continue  # a row's end
                m = _CELL_END.match(line)
                if m is not None:
                    start += m.start(1)
                    line = m.group(1)  # 规章 | / 0 | || / | 规章 | : the cell, its end (and a pipe before it) dropped
                    ended = True
                    if wide_ends is None:
                        wide_ends = _wide_row_ends(report.blocks)
                elif (m := _CELL_START.match(line)) is not None:
                    start += m.start(1)  # | 规章 (a row's first cell, its pipe before it): the cell
                    line = m.group(1)
            s = line.strip().strip("*_#").strip() if ("*" in line or "#" in line) else line.strip()
            if not s:
                continue
            if s == line.strip() and not _separated_row(s):
                cells = flatline.tokens(s) or _spaced_row(s)
                if cells is not None:  # a table flattened into one line: its cells
                    off = start + (len(line) - len(line.lstrip()))
                    for o, x in cells:
                        if (len(x) > MAX_CELL and lb.NOTE_S3 not in x) or x.endswith(("。", "；", ";")):
                            close()
                        else:
                            cur.append(Tok(x, b, off + o, x in SEPARATORS or not x.strip("|｜")))
                    continue
            off = start + (len(line) - len(line.lstrip()))
            defined = _DEFINED.match(s)
            if defined is not None and s2_row_of(defined.group(1)) is not None:
                cur.append(Tok(defined.group(1), b, off))  # 规章:地方行政规章指…。 the row's label, its definition dropped
                continue
            if ((len(s) > MAX_CELL and lb.NOTE_S3 not in s and not _annotated_row(s))
                    or s.endswith(("。", "；", ";"))):
                close()
                continue
            if ("\t" in s or "  " in s or "\u3000\u3000" in s) and s == line.strip():
                pieces = _pieces(s)
                if pieces is not None:  # one row of a separated table that the reader saw as a lone line
                    cur.extend(Tok(x, b, off + o, whole=True) for o, x in pieces)
                    continue
            # (a line of three pipes or more, ||| between a row's cells: a separator too, never part of a label)
            cur.append(Tok(s, b, off, s in SEPARATORS or not s.strip("|｜")))
    close()
    return runs


# a cell a crawler wrote on its line with the cell's end after it: 规章 | , 0 | || (a row's end on the same line), also
# with a pipe before it (| 规章 |: a row's first cell)
_CELL_END = re.compile(r"[ \t]*(?:\|[ \t]*)?([^|\s](?:[^|]*[^|\s])?)[ \t]*\|[ \t|]*$")


# a row's first cell with the pipe before it, on a line of its own: | 规章 (a lone "|" after each cell)
_CELL_START = re.compile(r"[ \t]*\|[ \t]*([^|\s](?:[^|]*[^|\s])?)[ \t]*$")


def _wide_row_ends(blocks) -> bool:
    """Whether a crawler's cells ending in " |" have rows ending in lines of two pipes or more (||, |||: a lone "|"
    then is an empty cell), not in lone "|" lines (which then are the rows' ends, an empty cell not told apart)."""
    return any(x.strip().startswith("||") and not x.strip().strip("|")
               for b in blocks if "||" in b.text for x in b.text.split("\n"))


def _separated_row(s: str) -> bool:
    """A line split by tabs or runs of spaces that reads as one table row (see :func:`_pieces`)."""
    return ("\t" in s or "  " in s or "\u3000\u3000" in s) and _pieces(s) is not None


def _spaced_row(s: str) -> list[tuple[int, str]] | None:
    """The cells of a short line split by single spaces that reads as one row of a table — a known label followed
    only by numbers (``行政许可 550``: a PDF's text without its layout) — or as a header of known labels only
    (``信息内容 本年处理决定数量``); else None (prose)."""
    if " " not in s or len(s) > MAX_CELL:
        return None
    pieces = [(m.start(), m.group(0)) for m in _SPACED.finditer(s)]
    if len(pieces) < 2:
        return None
    first = pieces[0][1]
    if not is_value(first) and _known_label(first) and all(is_value(x) for _, x in pieces[1:]):
        return pieces
    if all(not is_value(x) and (_known_label(x) or norm(x) == lb.S2_HEAD) for _, x in pieces):
        return pieces
    return None


_SPACED = re.compile(r"[^ ]+")


# a table 二 row's label followed by its definition in the same cell (规章:地方行政规章指…, 规范性文件：是指…)
_DEFINED = re.compile(r"((?:行政)?规范性文件|规章)[ \t]*[:：][ \t]*(?:[^，。,]{0,10}?)指")


def _annotated_row(text: str) -> bool:
    """A long line that is a table 二 row's label with a local fill-in note in brackets (规范性文件（行政机关制定发布的
    决定、公告……一般情况下属于规范性文件）): a cell, not prose."""
    return text[-1:] in "）)" and text.find("（") < 12 and s2_row_of(text) is not None if "（" in text else \
        text[-1:] == ")" and 0 <= text.find("(") < 12 and s2_row_of(text) is not None


def _known_label(text: str) -> bool:
    return (lb.cell_vote(text) is not None or norm(text) == lb.S2_HEAD or lb.match_s2_col(text) is not None
            or lb.match_s3_col(text) is not None or lb.match_s4(text) is not None)


def _pieces(line: str) -> list[tuple[int, str]] | None:
    """The cells of a line split by tabs or runs of spaces (a table row printed alone: one separated line
    is not a table), when it reads as a row — a label followed only by numbers or placeholders — or as a
    header — table labels only; else None (prose with wide spaces stays one line)."""
    pieces = [(m.start(), m.group(0)) for m in PIECE.finditer(line)]
    if len(pieces) < 2:
        return None
    if not is_value(pieces[0][1]) and all(is_value(x) for _, x in pieces[1:]):
        return pieces
    if all(not is_value(x) and _known_label(x) for _, x in pieces):
        return pieces
    return None


def _merge_separated(run: list[Tok]) -> list[Tok]:
    """``|`` lines mark the end of every cell: join the lines of one cell (商业 / 企业)."""
    out: list[Tok] = []
    pending: list[Tok] = []
    for t in run:
        if t.sep:
            if pending:
                out.append(pending[0] if len(pending) == 1 else _joined(pending))
            else:
                out.append(Tok("", t.block, t.start))  # an empty cell between two separators
            pending = []
        else:
            pending.append(t)
    for p in pending:
        out.append(p)
    return out


def _merge_split_labels(run: list[Tok]) -> list[Tok]:
    """Join two consecutive unknown lines that together make a label (商业 / 企业)."""
    out: list[Tok] = []
    i = 0
    while i < len(run):
        t = run[i]
        # an empty cell (between two "|" lines) is a cell of its own, never half of a label
        if (i + 1 < len(run) and t.text and len(t.text) <= 4 and not t.value and lb.cell_vote(t.text) is None
                and run[i + 1].text and not run[i + 1].value and len(run[i + 1].text) <= 6):
            joined = t.text + run[i + 1].text
            if lb.cell_vote(joined) is not None:
                out.append(_joined([t, run[i + 1]]))
                i += 2
                continue
        out.append(t)
        i += 1
    return out


def _segments(run: list[Tok]) -> list[tuple[str, list[Tok]]]:
    segs: list[tuple[str, list[Tok]]] = []
    cur_id: str | None = None
    cur: list[Tok] = []
    for t in run:
        v = None if (t.value or not t.text) else lb.cell_vote(t.text)
        if v is not None and v != cur_id:
            if cur_id is not None:
                segs.append((cur_id, cur))
            cur_id, cur = v, []
        if cur_id is not None:
            cur.append(t)
    if cur_id is not None:
        segs.append((cur_id, cur))
    return segs


def _distinct_labels(toks: list[Tok], tid: str) -> int:
    return len({norm(t.text) for t in toks if t.text and not t.value and lb.cell_vote(t.text) == tid})


def read_flat(report: AnnualReport, hints: dict[int, str], have: set[str],
              complete: frozenset[str] = frozenset()) -> dict[str, Build]:
    """Tables printed one cell per line, except those in ``have`` (read as grids) — unless they are in
    ``complete``: grids of a text file whose other rows may have been printed as lone lines (the caller
    takes from these only the rows the grid did not have)."""
    have = set(have) - complete
    if len(have) == 3:
        return {}
    builds: dict[str, Build] = {}
    end = report.lintable_blocks[-1].index if report.lintable_blocks else -1
    for run in _runs(report):
        if len(run) < 4:
            continue
        if sum(t.sep for t in run) * 4 >= len(run):
            run = _merge_separated(run)
        run = _merge_split_labels(run)
        for tid, toks in _segments(run):
            if tid in have or _distinct_labels(toks, tid) < 3:
                continue
            if tid == "s2" and not any(s2_strong(t.text) for t in toks if t.text and not t.value):
                continue
            bd = builds.get(tid)
            if bd is None:
                bd = builds[tid] = Build(tid, layout="flat")
            for t in toks:
                bd.add_block(t.block)
            if tid == "s3":
                _flat_s3(bd, _by_lines(toks))
            elif tid == "s4":
                _flat_s4(bd, toks)
            else:
                _flat_s2(bd, toks, end)
    return builds


def _loose(bd: Build, row: str, t: Tok, row_label: str = "") -> None:
    bd.loose.append(new_stat_cell(bd.id, row, "", t.text, value_of(t.text), row_label, "", t.block, t.cell))


def _rows(toks: list[Tok], is_label) -> tuple[list[Tok], list[tuple[Tok, list[Tok]]]]:
    """Header tokens (before the first row label) and (row label, following values) pairs."""
    header: list[Tok] = []
    rows: list[tuple[Tok, list[Tok]]] = []
    for t in toks:
        if t.text and not t.value:
            if not rows and (not is_label(t.text) or (lb.match_s3_col(t.text) and not lb.split_label(t.text)[0].marker)):
                header.append(t)
            elif is_label(t.text) or rows:
                rows.append((t, []))
        elif rows:
            rows[-1][1].append(t)
        elif t.text:
            header.append(t)
    return header, rows


_PAGE_NUMBER = re.compile(r"[-—－]\s*\d{1,3}\s*[-—－]|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?")
_S4_PIECES = re.compile(r"(?:结果|维持|纠正|其他|尚未|审结)(?:[ \u3000]+(?:结果|维持|纠正|其他|尚未|审结)){2,}")


def _by_lines(toks: list[Tok]) -> list[Tok]:
    """Table 三's tokens as a PDF's text without its layout prints them, one table line a text line: a row's numbers
    on a line of their own put after its label (:func:`.layout_rows.pairs`), the label's pieces joined; page numbers
    (``- 3 -``) and the characters of the vertical 三、本年度办理结果 left out."""
    lines: list[list[Tok]] = []
    block, at = None, 0
    for t in toks:
        # a new line where the block changes or a newline lies since the last token (counted from there: linear in
        # the block's text, not from its start for every token of a long one)
        if t.block is not block or t.start < at or t.block.text.count("\n", at, t.start):
            lines.append([])
        block, at = t.block, t.start
        lines[-1].append(t)
    rows = [new_row(tuple(t.cell for t in line)) for line in lines]
    joined, labels = pairs(rows, len(S3_COLS), is_s3_data_label)
    out: list[Tok] = []
    taken = set(joined.values())
    for i, line in enumerate(lines):
        if i in taken:
            continue
        text = " ".join(t.text for t in line)
        if _PAGE_NUMBER.fullmatch(text) or all(len(t.text) == 1 and t.text in VERTICAL_CHARS for t in line):
            continue
        k = joined.get(i)
        if k is None:
            out.extend(line)
            continue
        at = labels[i]
        label = line[at:]
        values = [t for t in lines[k] if t.text]
        if values and not values[0].value:
            label.append(values.pop(0))  # the label's end, on the line of the numbers
        out.extend(t for t in line[:at] if not (len(t.text) == 1 and t.text in VERTICAL_CHARS))
        out.append(label[0] if len(label) == 1 else _joined(label))
        out.extend(values)
    return out


def _s3_row_label(text: str) -> bool:
    if lb.NOTE_S3 in text:
        return False
    m = lb.match_s3_col(text)
    if m is not None and m[1] not in ("total", "other_org"):
        return False
    return any(p.marker or (p.key and lb.match_s3_row(p.key, p.key2)) for p in lb.split_label(text))


def _flat_s3(bd: Build, toks: list[Tok]) -> None:
    header, rows = _rows(toks, _s3_row_label)
    order: list[str | None] = []
    top: list[str] = []
    kids: list[str] = []
    for t in header:
        m = lb.match_s3_col(t.text)
        if m is None:
            continue
        if m[0] == "group":
            if m[1] == "org" and "ORG" not in top:
                top.append("ORG")
            continue
        bd.col_labels.setdefault(m[1], t.text)
        if m[1] == "org_subtotal":
            bd.extra("col", t.text, t.block, t.cell)  # a local addition (小计), as in a grid
        if m[1] in lb.S3_ORG_CHILDREN:
            kids.append(m[1]) if m[1] not in kids else None
        elif m[1] not in top:
            top.append(m[1])
    if kids and "ORG" not in top:
        top.insert(top.index("natural_person") + 1 if "natural_person" in top else 0, "ORG")
    for top_id in top:
        order.extend(kids if top_id == "ORG" else [top_id])
    if len(order) < 7 or len(set(order)) != len(order):
        order = list(lb.S3_CANONICAL_COLS)
    ctx = Ctx()
    ambiguous: list[settle.Ambiguous] = []
    for lab, vals in rows:
        parts = [(p, lab.cell) for p in lb.split_label(lab.text)]
        rid, _ = resolve_s3(parts, ctx) if parts else (None, None)
        numbers = [v for v in vals if v.text]
        if rid == SUBTOTAL:  # a group's sub-total (a local addition), as in a grid
            if numbers:
                bd.extra("row", lab.text, lab.block, lab.cell)
                bd.subtotals.append(Subtotal(lab.text, ctx.group or "", lab.block, lab.cell, tuple(
                    (cid, v.text, v.cell) for cid, v in zip(order, vals) if cid is not None) if len(vals) == len(order)
                    else ()))
            continue
        if rid is None:
            if numbers:
                bd.unmap(lab.text, "row", lab.block, lab.cell, ctx.group, tuple(
                    (cid, v.text, v.cell) for cid, v in zip(order, vals) if cid is not None) if len(vals) == len(order)
                    else ())
            continue
        bd.row_labels.setdefault(rid, lab.text)
        version_flags(bd, rid, bool(numbers))
        if not vals:
            continue
        spec = lb.S3_ROW_SPECS.get(rid)
        if spec is not None and not spec.data and not numbers:
            # a group row (（三）不予公开; （六）其他处理 in 2021) is not a data row: its empty cells are not
            # cells of the group.  （六）其他处理 is a data row in 2019: its cells are kept once the version is known
            if rid == "result.other" and len(vals) == len(order):
                for cid, v in zip(order, vals):
                    if cid is not None:
                        bd.pending_other.append((cid, v.cell, lab.text, v.block))
            continue
        choices: list[list[Tok]] = []
        if len(vals) == 1 and len(order) == 7 and order[-1] == "total" and "org_subtotal" not in order:
            found = _splits(vals, 1, 7)  # cells run together: 487002057 → 48 7 0 0 2 0 57
            vals, choices = (found[0], []) if len(found) == 1 else (vals, found)
        elif 1 < len(vals) < len(order) and sum(len(v.text) for v in vals) == len(order) \
                and all(v.text and not v.whole and not v.text.strip("0") for v in vals):
            vals = [Tok("0", v.block, v.start + i) for v in vals for i in range(len(v.text))]  # 0 00 0 0 00: seven 0s
        elif 1 < len(vals) < len(order) and len(order) == 7 and order[-1] == "total" and "org_subtotal" not in order:
            found = _splits(vals, 1, 7)  # 200 000121: the page's spaces at some cells' ends → 20 0 0 0 0 1 21
            vals, choices = (found[0], []) if len(found) == 1 else (vals, found)
        vals = _label_end_dropped(lab, _end_dropped(vals, len(order)), len(order))
        if len(vals) == len(order):
            _add_s3(bd, rid, order, (lab, vals))
        elif choices:  # several splits fit the row: settled by the columns once every row is read
            ambiguous.append(settle.Ambiguous(rid, order, [[t.text for t in c] for c in choices],
                                              [(lab, c, numbers) for c in choices]))
        else:
            for v in numbers:
                _loose(bd, rid, v, lab.text)
    settle.place(bd.cells, ambiguous, lambda r, p: _add_s3(bd, r.row, order, p), lambda r: _loose_row(bd, r))


def _loose_row(bd: Build, r: settle.Ambiguous) -> None:
    lab, _, numbers = r.payloads[0]
    for v in numbers:
        _loose(bd, r.row, v, lab.text)


def _add_s3(bd: Build, rid: str, order: list[str | None], row: tuple) -> None:
    lab, vals = row[0], row[1]
    for cid, v in zip(order, vals):
        bd.add(rid, cid, v.text, lab.text, bd.col_labels.get(cid, ""), v.block, v.cell)  # type: ignore[arg-type]


def _flat_s4(bd: Build, toks: list[Tok]) -> None:
    results: list[str] = []
    blocks: list[str] = []
    values: list[Tok] = []
    lead: list[Tok] = []  # empty cells (kept by "|" lines) since the last label, before the first value
    labelled = interleaved = False  # header words after the first value; values after such words
    litigation = litigation_first = False
    # header words of several cells on one line (结果 结果 其他 尚未) and the numbers one per line: a PDF's text
    # copied in an order that is not the table's
    scrambled = False
    for t in toks:
        if values:
            if t.value or not t.text:
                interleaved |= labelled and bool(t.text)
                values.append(t)
                continue
            if _PAGE_NUMBER.fullmatch(t.text):
                continue  # a page break among the numbers
            labelled = True
        elif t.value:
            values = [*lead, t]  # the row of numbers may start with empty cells
            continue
        elif not t.text:
            lead.append(t)
            continue
        else:
            lead = []  # empty cells before a label (an empty header cell) are not values
        scrambled |= _S4_PIECES.fullmatch(t.text) is not None
        m = lb.match_s4(t.text) if t.text else None
        if m is None:
            continue
        if m[0] == "result":
            k = results.count(m[1])
            results.append(m[1])
            if k < 3:
                bd.col_labels.setdefault(f"{lb.S4_BLOCK_ORDER[k]}.{m[1]}", t.text)
        elif m[0] == "block" and m[1] == "review":
            # 行政诉讼 printed before 行政复议: the text's order is not the table's
            litigation_first |= litigation
        elif m[0] in ("block", "super"):
            litigation = True
        if m[0] == "block" and m[1] != "review" and m[1] not in blocks:
            blocks.append(m[1])
    if not values:
        return
    if len(values) > 15:  # empty cells after the table (a trailing "|" line) are not values
        while len(values) > 15 and not values[-1].text:
            values.pop()
    block_order = ["review"] + blocks + [b for b in lb.S4_BLOCK_ORDER[1:] if b not in blocks]
    order = [f"{b}.{r}" for b in block_order for r in lb.S4_RESULT_ORDER]
    if len(values) == 1 and lb.S4_RESULT_ORDER[-1] == "total":
        values = _split_tok(values[0], 3, 5) or values  # the 15 numbers run together
    elif 1 < len(values) < 15 and lb.S4_RESULT_ORDER[-1] == "total":
        values = _split_toks(values, 3, 5) or values  # 00 0 00 0 0 0 00…: the page's spaces at some cells' ends
    if scrambled and _one_line(values):
        scrambled = False  # the numbers on one line are in the table's order whatever the header's
    if len(values) == 15 and not interleaved and not litigation_first and not scrambled:
        for cid, v in zip(order, values):
            bd.add("cases", cid, v.text, "数量", "", v.block, v.cell)
    else:
        for v in values:
            if v.text:
                _loose(bd, "cases", v)


def _one_line(toks: list[Tok]) -> bool:
    """Are the tokens on one line of one block (a row of numbers as a PDF's text prints it, in their order)?"""
    first, last = toks[0], toks[-1]
    return all(t.block is first.block for t in toks) and "\n" not in first.block.text[first.start:last.start]


def _s2_label(cid: str) -> str:
    return (schema("s2", "2021").col_by_id.get(cid) or schema("s2", "2019").col_by_id[cid]).label


def _shared_heads(toks: list[Tok]) -> dict[int, str]:
    """The columns of header texts cut to a first line several columns share (本年新 | 本年新, one cell a line), by
    the tokens' ids: each header's labels (between a title or a row label and the next) read as a grid's header row
    is (:func:`.table2.header_cols`)."""
    out: dict[int, str] = {}
    heads: list[Tok] = []
    for t in [*toks, None]:
        if t is None or (t.text and not t.value and (s2_title(t.text) or s2_row_of(t.text) is not None)):
            if any(norm(h.text) in lb.S2_SHARED_HEADS for h in heads):
                for h, cid in zip(heads, header_cols([h.text for h in heads]), strict=True):
                    if cid is not None and lb.match_s2_col(h.text) is None:
                        out[id(h)] = cid
            heads = []
        elif t.text and not t.value:
            heads.append(t)
    return out


def _flat_s2(bd: Build, toks: list[Tok], end_block: int = -1) -> None:
    """Table 二 one cell per line; ``end_block``: the index of the document's last block (a run that ends there in a
    number cut short is a table cut by the end of the file, its last row read as far as it goes)."""
    row_ids, col_ids, texts = [], [], []
    for t in toks:
        if not t.text or t.value:
            continue
        rid = s2_row_of(t.text)
        if rid:
            row_ids.append(rid)
            texts.append(t.text)
        else:
            cid = lb.match_s2_col(t.text)
            if cid:
                col_ids.append(cid)
    s2_version_votes(bd, row_ids, col_ids, texts)
    sch = schema("s2", bd.detected() or "2021")
    shared = _shared_heads(toks)
    header: list[str] = []
    in_header = False
    cur: tuple[str | None, Tok] | None = None
    vals: list[Tok] = []
    cut_here = False

    def flush():
        numbers = [v for v in vals if v.text]
        if cur is None:
            for v in numbers:
                _loose(bd, "", v)
            return
        rid, lab = cur
        if rid is None:
            if numbers:
                bd.unmap(lab.text, "row", lab.block, lab.cell)
            return
        cols = header or list(sch.cols_of(rid))
        if len(vals) == 1 and len(cols) > 1 and vals[0].text.isdigit() and len(vals[0].text) == len(cols):
            vals[:] = _split_tok(vals[0], 1, len(cols), identity=False) or vals  # one digit per column: 000
        vals[:] = _label_end_dropped(lab, _end_dropped(vals, len(cols)), len(cols))
        if vals and (len(vals) == len(cols) or (cut_here and len(vals) < len(cols))):
            for cid, v in zip(cols, vals):  # (the file cut in the row: its first cells, the rest not known)
                bd.add(rid, cid, v.text, lab.text, bd.col_labels.get(cid, ""), v.block, v.cell)
            if len(vals) < len(cols):
                bd.cut_row = rid
        else:
            for v in numbers:
                _loose(bd, rid, v, lab.text)

    for t in toks:
        if t.value or not t.text:
            vals.append(t)
            continue
        if s2_title(t.text):
            flush()
            cur, vals, header, in_header = None, [], [], True
            continue
        rid = s2_row_of(t.text)
        if rid is not None:
            flush()
            cur, vals, in_header = (rid, t), [], False
            bd.row_labels.setdefault(rid, t.text)
            if rid in lb.S2_EXTRA_ROW_IDS:
                bd.extra("row", t.text, t.block, t.cell)
            continue
        cid = shared.get(id(t)) or lb.match_s2_col(t.text)
        if cid is not None:
            if not in_header:
                flush()
                cur, vals, header, in_header = None, [], [], True
            header.append(cid)
            # (a cut text that stands for its column, 本年新: the column's label in full)
            bd.col_labels.setdefault(cid, t.text if id(t) not in shared else _s2_label(cid))
            continue
        if norm(t.text) == lb.S2_HEAD:
            continue
        if t is toks[-1] and t.text[0].isdigit() and t.block.index == end_block:
            # the file ends in a number cut short (13000000(预算): the row is cut there, DL002 says so
            cut_here = True
            break
        flush()  # an unknown label: values after it are reported, not placed
        cur, vals = (None, t), []
    flush()
