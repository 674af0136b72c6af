"""The HTML report's text in place: where each finding sits in a report's view (``FileResult.view``, built by
:mod:`disclosure_lint.report.view`), and each block drawn with the findings' spans marked.

A finding is placed by its position: line and column in formats with lines (looked up in the blocks' and
cells' anchors), ``第2页第14行`` for a PDF, the block or cell pointer (``第12段``, ``表3第2行第1列``) for Word;
the span is then checked against the finding's matched text (searched for nearby when it differs).  A finding
that cannot be placed is listed above the text.  Everything drawn goes through :func:`esc`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from html import escape
from typing import Any

from ..grid_spans import header_rows, spans
from ..model import beside_table_name

# C0/C1 controls (but tab, line feed), lone surrogates (a file name that is not UTF-8) and noncharacters are
# not HTML text: shown as U+FFFD
_NOT_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_PAGE_LINE = re.compile(r"^第(\d+)页第(\d+)行")
_RANK = {"error": 2, "warning": 1, "info": 0}


def esc(value: object) -> str:
    return escape(_NOT_TEXT.sub("\ufffd", "" if value is None else str(value)), quote=True)


CellPos = tuple[int, int] | None


@dataclass(frozen=True)
class Spot:
    """Where a finding sits: a block (and a cell of a table block), and its span there when known."""

    block: int
    cell: CellPos = None
    start: int | None = None
    end: int | None = None

    @property
    def order(self) -> tuple[int, int, int, int]:
        r, c = self.cell or (-1, -1)
        return (self.block, r, c, self.start if self.start is not None else -1)


@dataclass(frozen=True)
class _Segment:
    block: int
    cell: CellPos
    offset: int
    column: int
    length: int


def _text(view: dict[str, Any], block: int, cell: CellPos) -> str:
    b = view["blocks"][block]
    if cell is None:
        return str(b.get("text") or "")
    return str(b["rows"][cell[0]][cell[1]].get("text") or "")


class Locator:
    """Places findings in one report's view."""

    def __init__(self, view: dict[str, Any]):
        self.view = view
        self.by_line: dict[tuple[int | None, int], list[_Segment]] = defaultdict(list)
        self.by_pointer: dict[str, tuple[int, CellPos]] = {}
        self._lines: dict[tuple[int | None, int], tuple[list[_Segment], list[int], int]] = {}
        for i, b in enumerate(view.get("blocks") or []):
            for r, row in enumerate(b.get("rows") or []):
                for c, cell in enumerate(row):
                    self._index(i, (r, c), cell)
            self._index(i, None, b)

    def _index(self, block: int, cell: CellPos, item: dict[str, Any]) -> None:
        text = str(item.get("text") or "")
        anchors = item.get("anchors") or []
        for k, (offset, line, column, page) in enumerate(anchors):
            nxt = anchors[k + 1][0] if k + 1 < len(anchors) else len(text)
            if line is not None:
                self.by_line[(page, line)].append(_Segment(block, cell, offset, column or 1, max(0, nxt - offset)))
        if item.get("pointer"):
            self.by_pointer.setdefault(str(item["pointer"]), (block, cell))
            # as a statistics finding's pointer names it: 表三 › … › 自然人（第5个表格第4行第4列）
            self.by_pointer.setdefault(beside_table_name(str(item["pointer"])), (block, cell))

    def _sorted(self, key: tuple[int | None, int]) -> tuple[list[_Segment], list[int], int]:
        """A line's segments, cells before blocks (a table block's own anchors cover its cells' lines too), each
        group by column, and how many are cells: a one-line page has 10^5 segments on its line, searched by
        bisection."""
        found = self._lines.get(key)
        if found is None:
            segs = sorted(self.by_line.get(key, ()), key=lambda s: (s.cell is None, s.column))
            n_cells = sum(1 for s in segs if s.cell is not None)
            found = self._lines[key] = (segs, [s.column for s in segs], n_cells)
        return found

    def _at(self, page: int | None, line: int, column: int, end: bool = False) -> tuple[int, CellPos, int] | None:
        segs, cols, n_cells = self._sorted((page, line))
        for lo, hi in ((0, n_cells), (n_cells, len(segs))):
            i = bisect_right(cols, column, lo, hi) - 1
            for s in (segs[j] for j in (i, i - 1) if lo <= j < hi):  # (an end may close the segment before)
                if s.column <= column < s.column + s.length or (end and column == s.column + s.length):
                    return s.block, s.cell, s.offset + column - s.column
        return None

    def _near(self, block: int, cell: CellPos, match: str | None, at: int | None) -> Spot:
        """The span of ``match`` in the block or cell, the occurrence nearest ``at``; no span when absent."""
        text = _text(self.view, block, cell)
        if match:
            # a masked match (139****5678: the message does not repeat a phone number) matches any character
            found = [m.span() for m in re.finditer(re.escape(match).replace(r"\*", "."), text)]
            if found:
                s, e = min(found, key=lambda f: abs(f[0] - (at or 0)))
                return Spot(block, cell, s, e)
        if at is not None and 0 <= at <= len(text):
            return Spot(block, cell, at, at)
        return Spot(block, cell)

    def locate(self, d) -> Spot | None:
        match = d.match or None
        if d.line is not None and d.column is not None:
            start = self._at(None, d.line, d.column)
            if start is not None:
                block, cell, s = start
                text = _text(self.view, block, cell)
                e = None
                if d.end_line is not None and d.end_column is not None:
                    end = self._at(None, d.end_line, d.end_column, end=True)
                    if end is not None and end[:2] == (block, cell) and end[2] >= s:
                        e = end[2]
                if e is None:
                    e = min(len(text), s + len(match)) if match else len(text)
                if match and text[s:e] != match:  # the text moved, or the match is shown masked (139****5678)
                    near = self._near(block, cell, match, s)
                    if near.start != near.end or e <= s:
                        return near
                return Spot(block, cell, s, e)
            for seg in self.by_line.get((None, d.line), ()):  # the line, not the column: the block, by its text
                return self._near(seg.block, seg.cell, match, None)
        pointer = d.pointer or ""
        m = _PAGE_LINE.match(pointer)
        if m:
            segs = self._sorted((int(m.group(1)), int(m.group(2))))[0]
            if segs:
                return self._near(segs[0].block, segs[0].cell, match, segs[0].offset)
        for part in reversed(_pointer_parts(pointer)):  # the most precise part last: 表3第2行第1列
            hit = self.by_pointer.get(part)
            if hit is not None:
                return self._near(hit[0], hit[1], match, None)
        return None


def _pointer_parts(pointer: str) -> list[str]:
    parts: list[str] = []
    for part in pointer.split(" › "):
        inner = re.fullmatch(r"(.*?)（([^（）]*)）", part)
        parts += [inner.group(1), inner.group(2)] if inner else [part]
    return [p.strip() for p in parts if p.strip()]


# -- drawing -------------------------------------------------------------------------------------------------

Mark = tuple[int, int, int, str]  # start, end, finding number, severity


def ref(file_id: str, n: int) -> str:
    return f"<a class=\"ref\" href=\"#{file_id}-f{n}\">[{n}]</a>"


def marked(text: str, marks: list[Mark], file_id: str) -> str:
    """``text`` escaped, each mark's span in ``<mark>`` (the worst severity's colour where marks overlap), its
    number after the span's end; an empty span (a place, not text) as a caret.  One sweep over the cut points
    (a one-line page may hold thousands of findings in one block)."""
    n = len(text)
    starts: dict[int, list[str]] = defaultdict(list)  # position → severities of the spans starting there
    ends: dict[int, list[tuple[int, str]]] = defaultdict(list)  # position → (number, severity) ending there
    carets: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for s, e, k, sev in marks:
        s, e = max(0, min(s, n)), max(0, min(e, n))
        if s < e:
            starts[s].append(sev)
            ends[e].append((k, sev))
        else:
            carets[s].append((k, sev))
    cuts = sorted({0, n, *starts, *ends, *carets})
    active: dict[str, int] = defaultdict(int)  # severity → spans covering the current piece
    out: list[str] = []
    for i, a in enumerate(cuts):
        out += [f"<mark class=\"{esc(sev)} caret\">‸</mark>{ref(file_id, k)}" for k, sev in carets.get(a, ())]
        if i + 1 == len(cuts):
            break
        b = cuts[i + 1]
        for sev in starts.get(a, ()):
            active[sev] += 1
        piece = esc(text[a:b])
        on = [sev for sev, count in active.items() if count]
        if on:
            piece = f"<mark class=\"{esc(max(on, key=lambda v: _RANK.get(v, 0)))}\">{piece}</mark>"
        out.append(piece)
        for k, sev in ends.get(b, ()):
            out.append(ref(file_id, k))
            active[sev] -= 1
    return "".join(out)


def _by_cell(spots: list[tuple[int, Any, Spot]]) -> dict[CellPos, tuple[list[Mark], list[int]]]:
    """Per cell (``None``: the block itself): the marks, and the numbers of the findings placed without a span."""
    out: dict[CellPos, tuple[list[Mark], list[int]]] = {}
    for n, d, spot in spots:
        marks, loose = out.setdefault(spot.cell, ([], []))
        if spot.start is None or spot.end is None:
            loose.append(n)
        else:
            marks.append((spot.start, spot.end, n, d.severity))
    return out


def _merged(rows: list[list[dict[str, Any]]], placed: dict[CellPos, Any]) -> tuple[dict[tuple[int, int], str],
                                                                                  set[tuple[int, int]]]:
    """The header's merged cells as the report shows them (:mod:`disclosure_lint.grid_spans`: the reader writes a
    spanning text in each position it covers, 表四's 行政复议 five times): the ``rowspan``/``colspan`` of each
    first cell, and the positions they cover.  A rectangle holding a finding placed in a covered cell is not merged."""
    grid = [[str(c.get("text") or "") for c in row] for row in rows]
    width = max(map(len, grid), default=0)
    grid = [g + [""] * (width - len(g)) for g in grid]
    marked = next((r for r, row in enumerate(rows) if not (row and all(c.get("header") for c in row))), len(rows))
    attrs: dict[tuple[int, int], str] = {}
    covered: set[tuple[int, int]] = set()
    for r0, c0, r1, c1 in spans(grid, header_rows(grid, marked), 0) if width else ():
        inside = {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)} - {(r0, c0)}
        if inside & placed.keys():
            continue
        covered |= inside
        attrs[(r0, c0)] = (f" rowspan=\"{r1 - r0 + 1}\"" if r1 > r0 else "") + (f" colspan=\"{c1 - c0 + 1}\"" if c1 > c0 else "")
    return attrs, covered


def block_html(b: dict[str, Any], spots: list[tuple[int, Any, Spot]], file_id: str) -> str:
    """One block of the report with its findings marked (``spots``: the findings placed in this block)."""
    kind = b.get("kind")
    placed = _by_cell(spots)
    if kind == "table" and b.get("rows"):
        span, covered = _merged(b["rows"], placed)
        rows = []
        for r, row in enumerate(b["rows"]):
            cells = []
            for c, cell in enumerate(row):
                if (r, c) in covered:
                    continue
                marks, loose = placed.get((r, c), ([], []))
                tag = "th" if cell.get("header") else "td"
                body = marked(str(cell.get("text") or ""), marks, file_id) + "".join(ref(file_id, k) for k in loose)
                hit = " class=\"hit\"" if marks or loose else ""
                cells.append(f"<{tag}{hit}{span.get((r, c), '')}>{body}</{tag}>")
            rows.append("<tr>" + "".join(cells) + "</tr>")
        marks, loose = placed.get(None, ([], []))
        return ("<table class=\"srct\">" + "".join(rows) + "</table>"
                + "".join(ref(file_id, k) for k in [*loose, *(m[2] for m in marks)]))
    marks, loose = placed.get(None, ([], []))
    body = marked(str(b.get("text") or ""), marks, file_id) + "".join(ref(file_id, k) for k in loose)
    if kind == "heading":
        level = b.get("level")
        level = level if isinstance(level, int) else 3
        return f"<p class=\"h h{max(1, min(level, 4))}\">{body}</p>"
    if kind == "comment":  # not shown by the published page: folded unless a finding is in it
        opened = " open" if spots else ""
        return f"<details class=\"raw\"{opened}><summary>注释（发布后不显示）</summary><pre>{body}</pre></details>"
    if kind in ("code", "html"):
        label = {"code": "代码", "html": "网页代码"}[kind]
        return f"<div class=\"raw\"><span class=\"muted\">{label}</span><pre>{body}</pre></div>"
    if kind == "image":
        return f"<p class=\"img\"><span class=\"muted\">［图片］</span>{body}</p>"
    return f"<p class=\"{'li' if kind == 'list_item' else 'p'}\">{body}</p>"
