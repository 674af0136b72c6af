"""Tables drawn without ruling lines in a PDF (a Word table with its borders removed, a WPS export), read by position.

Without rules there are no cell boxes, only words where the cells put them.  :func:`find` reads such a table's grid
from the page's lines (characters grouped by :func:`.pdf._group_lines`) the way a reader's eye does, and only when
every step is sure; else the lines stay paragraphs (and the statistics extractor says which table it could not
read).  The grid it returns is read like a ruled one (:class:`.pdf._Laid`): the same cells, merged cells expanded,
tables continued over a page break joined.

* **Pieces.** A line's characters are cut into pieces where the gap between two of them exceeds a third of an em
  (the padding between two cells; a cell's own text is set solid).
* **The region.** A row of figures is a line whose pieces are labels or none, then numbers, each half an em from the
  piece before at least.  The table is the run of lines around its rows of figures in the same font size, none
  further from the one before than an em and a half; it has a header unless it is the first thing on its page.  Two
  such runs three ems apart or less, with only lines of their size between them, are one table whose rows stand
  apart: neither is read; nor is a table with a line about its size (a quarter) four ems or less above or below it
  that holds figures or reaches over its numbers (a row in a font of its own, a header further up).
* **Columns.** The numbers of the rows of figures, each column's overlapping one another and no other column's, give
  the number columns (numbers left-, right- or centre-aligned alike); the pieces left of them start the label
  columns (at most four starts, each shared by two pieces at least or the only one).  A piece running past the next
  column's start is a merged cell over those columns; a piece running into the numbers makes the table unsure.
* **Rows.** Each row of figures is a row.  Each label reaching the last label column is one row's: centred on its
  row's numbers (a cell's text set in the middle) or starting level with them (set at the top), one way for the
  whole table.  A label in an earlier column that does not reach it is a merged cell over the rows around it: the
  rows it is centred on (or that it heads, down to the next label), up to the rows of the column's labels around it;
  rows at the top of a table continued from the page before with no label are the merged cell carried over (left
  empty: the page break put its text above).
* **Header.** The lines above the first row of figures that hold a piece over the numbers are the header, read as
  one row: over each number column the lowest piece of text over it alone (its lines set solid are one cell); a
  piece over several columns or over a lower one (行政复议 over 结果维持…总计) is a group's title and not read.
* **Over a page break** (:func:`same_columns`, :func:`snap`) two parts are one table when their number columns
  match and the label columns of one start where some of the other's do; the second takes the first's boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Protocol

from .layout_header import NUMBER

GAP = 0.3  # ems between two characters that part two pieces
FIGURE_GAP = 0.5  # ems before a number in a row of figures
LINE_GAP = 1.5  # ems between two lines of one table at most
NEAR = 3.0  # ems between two tables of one size, nothing else between them, that may be one table's rows
FAR = 4.0  # ems around a table within which a row of figures or a line over its numbers says it is not all there
ALIGN = 0.35  # ems: a label centred on (or level with) its row's numbers
MAX_LABEL_COLUMNS = 4


class _Ch(Protocol):
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass(slots=True)
class _Piece:
    chars: list[Any]
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    numeric: bool

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class _Ln:
    pieces: list[_Piece]
    top: float
    bottom: float
    size: float
    figures: int = 0  # numbers after the label (a row of figures) or 0


@dataclass(slots=True)
class Laid:
    """A table read by position: its box, column and row boundaries, cells ``(r0, r1, c0, c1)`` (ends exclusive)
    and the cell of each of its characters (by ``id``); its characters with no cell are a group's title."""

    bbox: tuple[float, float, float, float]
    xs: list[float]
    ys: list[float]
    cells: list[tuple[int, int, int, int]]
    label_cols: int = 0
    owner: dict[int, int] = field(default_factory=dict)
    chars: set[int] = field(default_factory=set)


class _Unsure(Exception):
    pass


def _pieces(chars: Sequence[Any]) -> list[_Piece]:
    out: list[_Piece] = []
    cur = [chars[0]]
    for a, b in pairwise(chars):
        size = max(a.size, b.size)
        if b.x0 - a.x1 > GAP * size or abs((a.top + a.bottom) - (b.top + b.bottom)) > 0.5 * size:
            out.append(_piece(cur))
            cur = [b]
        else:
            cur.append(b)
    out.append(_piece(cur))
    return out


def _piece(chars: list[Any]) -> _Piece:
    text = "".join(c.text for c in chars)
    return _Piece(chars, chars[0].x0, max(c.x1 for c in chars), min(c.top for c in chars),
                  max(c.bottom for c in chars), max(c.size for c in chars), bool(NUMBER.fullmatch(text)))


def _figures(pieces: list[_Piece]) -> int:
    """How many numbers a line of figures holds (labels or none, then numbers, each half an em from the piece
    before it at least, two at least when there is no label), else 0."""
    k = 0
    while k < len(pieces) and not pieces[k].numeric:
        k += 1
    if k == len(pieces) or (k == 0 and len(pieces) < 2):
        return 0
    for i in range(k, len(pieces)):
        p = pieces[i]
        if not p.numeric or (i and p.x0 - pieces[i - 1].x1 < FIGURE_GAP * p.size):
            return 0
    return len(pieces) - k


def figure_row(group: Sequence[Any]) -> bool:
    """Whether a line's characters (left to right) hold a table's row of figures: labels or none, then numbers apart
    (:func:`_figures`), or three numbers or more in a row, each half an em from the one before, whatever follows
    them (a line of a table with narrow label columns, the next label's first characters level with the numbers:
    ``三、（一）予以公 20 3 0 0 1 0 24 本年开``)."""
    if not group:
        return False
    pieces = _pieces(group)
    if _figures(pieces):
        return True
    run = 0
    for i, p in enumerate(pieces):
        apart = i and p.x0 - pieces[i - 1].x1 >= FIGURE_GAP * p.size
        run = run + 1 if p.numeric and (apart or run == 0) else (1 if p.numeric else 0)
        if run >= 3:
            return True
    return False


def _hint(group: Sequence[Any]) -> bool:
    """A cheap look before cutting a line into pieces: a number's first character (a digit or its sign) half an em
    or more after the character before it (a row of figures has one)."""
    prev = None
    for c in group:
        if prev is not None and c.text[0] in _STARTS and c.x0 - prev.x1 >= FIGURE_GAP * c.size:
            return True
        prev = c
    return False


_STARTS = frozenset("+-0123456789")


def find(groups: list[list[Any]], unsure: list[tuple[float, float, float, float]] | None = None) -> list[Laid]:
    """The tables drawn without rules among the page's lines (``groups``: characters by line, each sorted left to
    right), each only when it is read for sure; the others' tops, bottoms, the left edge of their numbers and the top of
    their first row of figures appended to ``unsure``."""
    if not any(_hint(g) for g in groups):
        return []
    lines: list[_Ln] = []
    for g in sorted(groups, key=lambda g: min(c.top for c in g)):
        pieces = _pieces(g)
        sizes = sorted(c.size for c in g)
        lines.append(_Ln(pieces, min(p.top for p in pieces), max(p.bottom for p in pieces), sizes[len(sizes) // 2],
                         _figures(pieces)))
    regions: list[tuple[int, int, Laid | None]] = []
    i = 0
    while i < len(lines):
        if not lines[i].figures:
            i += 1
            continue
        lo, hi = i, i
        size = lines[i].size
        while lo > 0 and _close(lines[lo - 1], lines[lo], size):
            lo -= 1
        while hi + 1 < len(lines) and _close(lines[hi], lines[hi + 1], size):
            hi += 1
        try:
            got: Laid | None = _read(lines[lo:hi + 1], not regions and lo == 0)
        except _Unsure:
            got = None
        regions.append((lo, hi, got))
        i = hi + 1
    # a table whose rows stand further apart than the lines of one: its pieces are none of them read
    near = [False] * len(regions)
    for k, ((_, hi, _a), (lo, _, _b)) in enumerate(pairwise(regions)):
        size = lines[hi].size
        between = lines[hi + 1:lo]
        if (lines[lo].top - lines[hi].bottom <= NEAR * size and abs(lines[lo].size - size) <= 0.6
                and all(abs(ln.size - size) <= 0.6 for ln in between)):
            near[k] = near[k + 1] = True
    # nor one with a line of its own size or near it (a quarter) close above or below it (four ems) that holds figures
    # or reaches over its numbers: a row or a header left out (rows in fonts of their own, a header further up)
    for k, (lo, hi, got) in enumerate(regions):
        if got is None:
            continue
        size = max(ln.size for ln in lines[lo:hi + 1])
        area = got.xs[got.label_cols]
        for ln in lines[:lo] + lines[hi + 1:]:
            if (min(abs(ln.bottom - lines[lo].top), abs(ln.top - lines[hi].bottom)) <= FAR * size
                    and abs(ln.size - size) <= 0.25 * size
                    and (ln.figures or (any(p.x1 > area for p in ln.pieces) and not _folio(ln)))):
                near[k] = True
                break
    out: list[Laid] = []
    for (lo, hi, got), close in zip(regions, near):
        if got is not None and not close:
            out.append(got)
        elif unsure is not None:
            nums = [p.x0 for ln in lines[lo:hi + 1] if ln.figures for p in ln.pieces if p.numeric]
            first = next((ln.top for ln in lines[lo:hi + 1] if ln.figures), lines[lo].top)
            unsure.append((lines[lo].top, lines[hi].bottom, min(nums, default=0.0), first))
    return out


_FOLIO = re.compile(r"[-－—–_~·•第共页/／\d]+")  # a page number (- 3 -, 第3页 共8页, 3/8)


def _folio(ln: _Ln) -> bool:
    return all(_FOLIO.fullmatch("".join(c.text for c in p.chars)) for p in ln.pieces)


def _close(a: _Ln, b: _Ln, size: float) -> bool:
    return abs(a.size - size) <= 0.6 and abs(b.size - size) <= 0.6 and b.top - a.bottom <= LINE_GAP * size


def _cluster(values: list[float], tol: float) -> list[list[float]]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return out


def _read(lines: list[_Ln], page_top: bool) -> Laid:
    size = max(ln.size for ln in lines)
    tol = ALIGN * size
    fig = [k for k, ln in enumerate(lines) if ln.figures]
    if len(lines) < 2:
        raise _Unsure
    # number columns: the numbers of the rows of figures, overlapping within a column
    nums = sorted((p for k in fig for p in lines[k].pieces if p.numeric), key=lambda p: p.x0)
    cols: list[list[_Piece]] = []
    for p in nums:
        if cols and p.x0 <= max(q.x1 for q in cols[-1]):
            cols[-1].append(p)
        else:
            cols.append([p])
    ext = [(min(p.x0 for p in c), max(p.x1 for p in c)) for c in cols]
    area = ext[0][0]
    col_of: dict[int, int] = {}
    for j, colp in enumerate(cols):
        for p in colp:
            col_of[id(p)] = j
    for k in fig:
        js = [col_of[id(p)] for p in lines[k].pieces if p.numeric]
        if len(js) != len(set(js)):
            raise _Unsure
    # the header: the lines above the first row of figures down to the last one with a piece over the numbers
    def over_numbers(p: _Piece) -> bool:  # a header piece over a number column (left of centred numbers, too)
        return any(p.x0 < b and p.x1 > a for a, b in ext)

    def under(p: _Piece, pieces: list[_Piece]) -> bool:  # a cell's next line under one of ``pieces``, set solid
        return any(abs(q.x0 - p.x0) <= 2.5 and 0 <= p.top - q.bottom <= 0.6 * p.size for q in pieces)

    # the header: down to the last line above the first row of figures with a piece over the numbers or under one
    # (本年收费金额（单位：万 / 元）), and below it the lines of a header cell over the labels that run below the rest
    heads: list[_Piece] = []
    head_end = 0
    for k in range(fig[0]):
        got = [p for p in lines[k].pieces if p.x1 > area or over_numbers(p) or under(p, heads)]
        if got:
            heads += got
            head_end = k + 1
    while head_end and head_end < fig[0] and all(under(p, [q for ln in lines[:head_end] for q in ln.pieces])
                                                 for p in lines[head_end].pieces):
        head_end += 1
    header, body = lines[:head_end], lines[head_end:]
    if not header and not page_top:
        raise _Unsure  # a table starts with its header, unless it goes on from the page before
    if any(p.numeric for ln in header for p in ln.pieces):
        raise _Unsure  # a number above the first row of figures: a row that is not one (规章 0 见附件 0)
    head_ids = {id(p) for p in heads}
    # the labels (a number among them: an item's 1.)
    labels = [p for ln in lines for p in ln.pieces if p.x0 < area and id(p) not in head_ids]
    for p in labels:
        if p.x1 > area - 0.5:
            raise _Unsure  # a label running into the numbers
    for ln in body:
        if any(not p.numeric and p.x1 > area - 0.5 for p in ln.pieces):
            raise _Unsure  # a row's label right of another row's numbers
        if not ln.figures and any(p.x1 > area for p in ln.pieces):
            raise _Unsure  # text under the header over the numbers (a note, a row of words)
    # label columns: where the labels start
    starts_g = _cluster([p.x0 for p in labels], 2.5)
    if len(starts_g) > MAX_LABEL_COLUMNS:
        raise _Unsure
    starts = [g[0] for g in starts_g]
    n_lab = len(starts)

    def span(p: _Piece) -> tuple[int, int]:
        c0 = max(i for i, s in enumerate(starts) if s <= p.x0 + 2.5)
        c1 = max(i for i, s in enumerate(starts) if s < p.x1 - 2.5)
        return c0, max(c1, c0)

    # the header row: the lowest block over each number column alone
    head_cells: list[tuple[int, int, list[_Piece]]] = []  # (c0, c1, pieces) in grid columns
    if header:
        over: dict[int, list[_Piece]] = {}
        placed: list[tuple[_Piece, list[int]]] = []
        for ln in header:
            for p in ln.pieces:
                if id(p) not in head_ids:
                    continue
                hit: list[int] = [j for j, (a, b) in enumerate(ext) if p.x0 < b and p.x1 > a]
                if not hit:  # a cell's last line under its first (本年制发件 / 数), else the column clearly nearest
                    for q, qh in placed:
                        if abs(q.x0 - p.x0) <= 2.5 and 0 <= p.top - q.bottom <= 0.6 * size:
                            hit = qh
                            break
                if not hit:
                    gaps = sorted((max(a - p.x1, p.x0 - b), j) for j, (a, b) in enumerate(ext))
                    if len(gaps) > 1 and 2 * gaps[0][0] >= gaps[1][0]:
                        raise _Unsure
                    hit = [gaps[0][1]]
                placed.append((p, hit))
                if len(hit) == 1:
                    over.setdefault(hit[0], []).append(p)
        for j, ps in over.items():
            blocks = _stack(ps, size)
            head_cells.append((n_lab + j, n_lab + j, blocks[-1]))
        by_start: dict[int, list[_Piece]] = {}
        for ln in header:
            for p in ln.pieces:
                if id(p) not in head_ids:
                    by_start.setdefault(span(p)[0], []).append(p)
        if len(by_start) > 1 and any(len(_stack(ps, size)) > 1 for ps in by_start.values()):
            raise _Unsure  # label cells in the header over one another: not one header row
        spans = sorted((c0, max(span(p)[1] for p in ps), ps) for c0, ps in by_start.items())
        for sa, sb in pairwise(spans):
            if sb[0] <= sa[1]:
                raise _Unsure
        head_cells += spans
    # rows: one a row of figures; the labels reaching the last label column are the rows' own
    rows = [ln for ln in body if ln.figures]
    mids = [sum(p.mid for p in ln.pieces if p.numeric) / ln.figures for ln in rows]
    n = len(rows)
    leaf: list[_Piece] = []
    groups: list[_Piece] = []
    for ln in body:
        for p in ln.pieces:
            if p.numeric and p.x0 >= area:
                continue
            (leaf if span(p)[1] == n_lab - 1 else groups).append(p)
    # the shorter last lines of a label over the later columns (情形） under （二）部分公开（区分处理…)
    grew = True
    while grew and n_lab:
        grew = False
        for p in list(groups):
            if any(abs(q.x0 - p.x0) <= 2.5 and 0 <= p.top - q.bottom <= 0.6 * size for q in leaf):
                groups.remove(p)
                leaf.append(p)
                grew = True
    # a short label in an earlier column with nothing right of it, level with a row, is that row's own (（七）总计)
    first: dict[int, list[_Piece]] = {}
    for c in range(n_lab - 1):
        later = [p for p in leaf + groups if span(p)[0] > c]
        for blk in _stack([p for p in groups if span(p)[0] == c], size):
            top, bottom = min(p.top for p in blk), max(p.bottom for p in blk)
            if any(p.top < bottom and p.bottom > top for p in later):
                continue
            at = [r for r in range(n) if abs(_mid(blk) - mids[r]) <= tol or abs(blk[0].mid - mids[r]) <= tol]
            if len(at) == 1 and at[0] not in first:
                first[at[0]] = blk
    if first:
        taken_ids = {id(p) for blk in first.values() for p in blk}
        groups = [p for p in groups if id(p) not in taken_ids]
    rest = [r for r in range(n) if r not in first]
    assigned = iter(_assign(leaf, [mids[r] for r in rest], tol) if n_lab else [[] for _ in rest])
    own = [first[r] if r in first else next(assigned) for r in range(n)]
    row_span: list[tuple[int, int]] = []
    tops: list[float] = []
    bottoms: list[float] = []
    for r, ln in enumerate(rows):
        ps = own[r]
        c0s = {span(p)[0] for p in ps}
        if n_lab and len(c0s) != 1:
            raise _Unsure
        row_span.append((min(c0s) if c0s else n_lab, n_lab - 1))  # the row's own label over the later columns
        content = ps + [p for p in ln.pieces if p.numeric]
        tops.append(min(p.top for p in content))
        bottoms.append(max(p.bottom for p in content))
    for r in range(n - 1):
        if bottoms[r] >= tops[r + 1]:
            raise _Unsure
    gap = min([tops[r + 1] - bottoms[r] for r in range(n - 1)] + [size])
    ys_body = [tops[0] - gap / 2] + [(bottoms[r] + tops[r + 1]) / 2 for r in range(n - 1)] + [bottoms[-1] + gap / 2]
    # merged label cells in the earlier columns
    body_cells: list[tuple[int, int, int, int, list[_Piece]]] = []  # (r0, r1, c0, c1, pieces), ends inclusive
    covered = [[False] * n_lab for _ in range(n)]
    for r, (c0, c1) in enumerate(row_span):
        for c in range(c0, c1 + 1):
            covered[r][c] = True
    by_col: dict[int, list[_Piece]] = {}
    for p in groups:
        by_col.setdefault(span(p)[0], []).append(p)
    for c in range(n_lab - 1):
        ps = by_col.get(c, [])
        blocks = _stack(ps, size) if ps else []
        used = 0
        r = 0
        while r < n:
            if covered[r][c]:
                r += 1
                continue
            e = r
            while e + 1 < n and not covered[e + 1][c]:
                e += 1
            lo, hi = ys_body[r], ys_body[e + 1]
            inside = [b for b in blocks if lo <= _mid(b) <= hi]
            used += len(inside)
            for r0, b0, blk in _partition(inside, r, e, ys_body, mids, tol, page_top and r == 0):
                c1 = max(span(p)[1] for p in blk) if blk else c
                for rr in range(r0, b0 + 1):
                    for cc in range(c, c1 + 1):
                        if covered[rr][cc]:
                            raise _Unsure
                        covered[rr][cc] = True
                body_cells.append((r0, b0, c, c1, blk))
            r = e + 1
        if used != len(blocks):
            raise _Unsure
    for r, ((c0, c1), ps) in enumerate(zip(row_span, own)):
        if n_lab:
            body_cells.append((r, r, c0, c1, ps))
        for p in rows[r].pieces:
            if p.numeric and p.x0 >= area:
                j = n_lab + col_of[id(p)]
                body_cells.append((r, r, j, j, [p]))
    # boundaries
    xs = _xs(starts, cols, head_cells, n_lab, labels)
    off = 1 if header else 0
    if header:
        head_top = min(p.top for ln in header for p in ln.pieces)
        head_bottom = max(p.bottom for ln in header for p in ln.pieces)
        if head_bottom >= tops[0]:
            raise _Unsure
        ys = [head_top - gap / 2, (head_bottom + tops[0]) / 2] + ys_body[1:]
    else:
        ys = ys_body
    laid = Laid((xs[0], ys[0], xs[-1], ys[-1]), xs, ys, [], n_lab)
    for ln in lines:
        for p in ln.pieces:
            laid.chars.update(id(c) for c in p.chars)
    taken: set[tuple[int, int]] = set()
    for c0, c1, ps in head_cells:
        _put(laid, (0, 1, c0, c1 + 1), ps, taken)
    for r0, r1, c0, c1, ps in body_cells:
        _put(laid, (r0 + off, r1 + off + 1, c0, c1 + 1), ps, taken)
    return laid


def _put(laid: Laid, cell: tuple[int, int, int, int], pieces: list[_Piece], taken: set[tuple[int, int]]) -> None:
    r0, r1, c0, c1 = cell
    for r in range(r0, r1):
        for c in range(c0, c1):
            if (r, c) in taken:
                raise _Unsure
            taken.add((r, c))
    k = len(laid.cells)
    laid.cells.append(cell)
    for p in pieces:
        for ch in p.chars:
            laid.owner[id(ch)] = k


def _mid(block: list[_Piece]) -> float:
    return (min(p.top for p in block) + max(p.bottom for p in block)) / 2


def _stack(pieces: list[_Piece], size: float) -> list[list[_Piece]]:
    """Pieces of one column, top to bottom, as blocks: lines set solid (one line's height apart at most) are one."""
    pieces = sorted(pieces, key=lambda p: p.top)
    out: list[list[_Piece]] = []
    for p in pieces:
        if out and p.top - max(q.bottom for q in out[-1]) <= 0.6 * size:
            out[-1].append(p)
        else:
            out.append([p])
    return out


def _assign(leaf: list[_Piece], mids: list[float], tol: float) -> list[list[_Piece]]:
    """The rows' own labels: the label lines top to bottom shared among the rows in order, one label a row, each
    centred on its row's numbers or level with them (one way for the whole table), when only one sharing fits."""
    n = len(mids)
    if not leaf:
        return [[] for _ in range(n)]
    leaf = sorted(leaf, key=lambda p: (p.top, p.x0))
    found: list[list[int]] = []
    for centred in (True, False):
        for cut in _cuts(leaf, mids, tol, centred):
            if cut not in found:
                found.append(cut)
    if len(found) != 1:
        raise _Unsure
    ends = found[0]
    return [leaf[a:b] for a, b in pairwise([0, *ends])]


def _cuts(leaf: list[_Piece], mids: list[float], tol: float, centred: bool) -> list[list[int]]:
    """Every way (two at most) to cut ``leaf`` into one run of lines a row (the end of each run)."""
    n, m = len(mids), len(leaf)
    out: list[list[int]] = []
    ends: list[int] = []

    def fits(i: int, j: int, r: int) -> bool:
        run = leaf[i:j]
        at = (min(p.top for p in run) + max(p.bottom for p in run)) / 2 if centred else run[0].mid
        return abs(at - mids[r]) <= tol

    def walk(i: int, r: int) -> None:
        if len(out) >= 2:
            return
        if r == n:
            if i == m:
                out.append(list(ends))
            return
        for j in range(i + 1, m - (n - r - 1) + 1):
            if leaf[j - 1].top > mids[r] + tol + 10 * (j - i) * leaf[j - 1].size:
                break
            if fits(i, j, r):
                ends.append(j)
                walk(j, r + 1)
                ends.pop()

    walk(0, 0)
    return out


def _partition(blocks: list[list[_Piece]], s: int, e: int, ys: list[float], mids: list[float], tol: float,
               carried: bool) -> list[tuple[int, int, list[_Piece]]]:
    """Rows ``s..e`` of a label column shared by its ``blocks`` (merged cells): ``(first row, last row, block)``;
    ``carried``: the rows at the top may be a merged cell carried over from the page before (no block)."""
    ways = []
    for how in ("centre", "top"):
        got = _split(blocks, s, e, ys, mids, tol, carried, how)
        if got is not None:
            ways.append(got)
    if not ways or any(w != ways[0] for w in ways[1:]):
        raise _Unsure
    out = []
    for a, b, k in ways[0]:
        out.append((a, b, blocks[k] if k >= 0 else []))
    return out


def _split(blocks: list[list[_Piece]], s: int, e: int, ys: list[float], mids: list[float], tol: float,
           carried: bool, how: str) -> list[tuple[int, int, int]] | None:
    if not blocks:
        return [(s, e, -1)] if carried else None
    out: list[tuple[int, int, int]] = []
    if how == "centre":
        b = e
        for k in range(len(blocks) - 1, -1, -1):
            m = _mid(blocks[k])
            fits = [a for a in range(s, b + 1) if abs((ys[a] + ys[b + 1]) / 2 - m) <= tol]
            if len(fits) != 1:
                return None
            out.append((fits[0], b, k))
            b = fits[0] - 1
        if b >= s:
            if not carried:
                return None
            out.append((s, b, -1))
    else:
        firsts = []
        for blk in blocks:
            m = min(blk, key=lambda p: p.top).mid
            rs = [r for r in range(s, e + 1) if abs(mids[r] - m) <= tol]
            if len(rs) != 1:
                return None
            firsts.append(rs[0])
        if firsts != sorted(set(firsts)):
            return None
        if firsts[0] > s:
            if not carried:
                return None
            out.append((s, firsts[0] - 1, -1))
        for k, a in enumerate(firsts):
            out.append((a, (firsts[k + 1] - 1) if k + 1 < len(firsts) else e, k))
    return sorted(out)


def _xs(starts: list[float], cols: list[list[_Piece]], head_cells: list[tuple[int, int, list[_Piece]]], n_lab: int,
        labels: list[_Piece]) -> list[float]:
    """Column boundaries: before each label column's start; between number columns where their alignment says (the
    same on every page of a table: left-aligned numbers start a column, right-aligned ones end one)."""
    content: list[list[_Piece]] = [list(c) for c in cols]
    for c0, c1, ps in head_cells:
        if c0 >= n_lab and c0 == c1:
            content[c0 - n_lab].extend(ps)
    # aligned left (or right) when numbers of different widths start (or end) together
    wide = [max(p.x1 - p.x0 for p in c) - min(p.x1 - p.x0 for p in c) > 1.0 for c in cols]
    left = [w and max(p.x0 for p in c) - min(p.x0 for p in c) <= 1.0 for w, c in zip(wide, cols)]
    right = [w and max(p.x1 for p in c) - min(p.x1 for p in c) <= 1.0 for w, c in zip(wide, cols)]
    # one alignment for the table (the columns of zeros alike, on every page of it)
    # (numbers all of one width say nothing: taken as left-aligned, the same on every page; numbers of different
    # widths neither starting nor ending together are centred: boundaries half-way between the columns)
    at_left, at_right = (any(left) or not any(wide)) and not any(right), any(right) and not any(left)
    left, right = [at_left] * len(cols), [at_right] * len(cols)
    xs = [s - 1.5 for s in starts]
    lab_end = max((p.x1 for p in labels), default=None)
    bounds: list[float] = []
    for j in range(len(cols) + 1):
        lo = max(p.x1 for p in content[j - 1]) if j else lab_end
        hi = min(p.x0 for p in content[j]) if j < len(cols) else None
        if hi is not None and left[j]:
            x = min(p.x0 for p in cols[j]) - 1.5
        elif j and right[j - 1]:
            x = max(p.x1 for p in cols[j - 1]) + 1.5
        elif lo is not None and hi is not None:
            x = (lo + hi) / 2
        elif hi is not None:
            x = hi - 1.5
        else:
            pitch = (min(p.x0 for p in cols[-1]) - min(p.x0 for p in cols[-2])) if len(cols) > 1 else 0.0
            x = min(p.x0 for p in cols[-1]) + pitch - 1.5 if left[-1] and pitch > 0 else -1.0
        if lo is not None and x <= lo:
            x = lo + 1.5 if hi is None else (lo + hi) / 2
        if hi is not None and x >= hi:
            x = (lo + hi) / 2 if lo is not None else hi - 1.5
        bounds.append(x)
    xs += bounds
    for j in range(len(cols)):
        a, b = xs[n_lab + j], xs[n_lab + j + 1]
        if any(p.x0 < a - 0.5 or p.x1 > b + 0.5 for p in content[j]):
            raise _Unsure
    if xs != sorted(xs) or len(set(xs)) != len(xs):
        raise _Unsure
    return xs


def same_columns(a: Any, b: Any) -> bool:
    """Do the parts ``a`` and ``b`` (``.pdf._Part``, ``b`` on the page after ``a``) have the same columns?  Tables
    drawn without rules: the same number columns, each boundary between two nearer its own than any other,
    and the label columns of one starting where some of the other's do (a page whose labels all span the label
    columns shows one: 一、本年新收… alone above the page break)."""
    if not (a.xs and b.xs) or len(a.xs) - a.label_cols != len(b.xs) - b.label_cols:
        return False
    na, nb = a.xs[a.label_cols:], b.xs[b.label_cols:]
    half = min(y - x for x, y in pairwise(na)) / 2 if len(na) > 1 else 3.0
    if any(abs(x - y) >= half for x, y in zip(na[:-1], nb[:-1])):  # (the right edge parts no columns)
        return False
    la, lb = a.xs[:a.label_cols], b.xs[:b.label_cols]
    few, many = (la, lb) if len(la) <= len(lb) else (lb, la)
    if not many:
        return True
    return bool(few) and abs(few[0] - many[0]) <= 3 and all(any(abs(x - y) <= 3 for y in many) for x in few)


def snap(a: Any, b: Any) -> None:
    """The boundaries of ``b``, a table drawn without rules continuing ``a``, set to ``a``'s that they match (where
    the numbers of a page put them may differ a little from the page before); its other label boundaries kept."""
    if not b.xs:
        return
    na = a.xs[a.label_cols:]
    moved = dict(zip(b.xs[b.label_cols:], na))
    for x in b.xs[:b.label_cols]:
        near = [y for y in a.xs[:a.label_cols] if abs(x - y) <= 3]
        moved[x] = near[0] if near else x
    for pc in b.cells:
        pc.x0, pc.x1 = moved.get(pc.x0, pc.x0), moved.get(pc.x1, pc.x1)
    b.xs = [moved.get(x, x) for x in b.xs]
