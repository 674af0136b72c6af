"""Ruled tables in a page image: the ruling lines, the cell grid with merged cells, the text lines of a cell.

Used by :mod:`.ocr` on a scanned page (deskewed, binarised: ink 255, paper 0).  The ruling lines are what
survives a morphological opening with a long thin kernel (horizontal, then vertical); a table is a connected
group of them.  Its grid lines are the rows and columns where a rule runs for a good part of the table; two
neighbouring grid positions are one (merged) cell when no rule separates them.  Inside a cell, text lines are
the bands of rows that hold ink (a cell's label may wrap over several lines).

Coordinates are pixels of the image handed in; the caller converts them to PDF points.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2  # the OCR extra's dependency; this module is imported only when a scanned page is read
import numpy as np

MIN_TABLE_WIDTH = 0.08  # a table is at least this fraction of the page wide
MIN_TABLE_HEIGHT = 0.02  # … and this high (a two-row table of 行政许可 is about 3 %)
MAX_GRID_LINES = 200  # rows or columns of one table beyond which the drawing is not taken for a table


@dataclass(frozen=True, slots=True)
class GridPx:
    """One ruled table: its box and its cells (merged cells as one rectangle), in pixels."""

    bbox: tuple[int, int, int, int]  # x0, top, x1, bottom
    cells: tuple[tuple[int, int, int, int], ...]


def rule_masks(ink: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The horizontal and vertical ruling lines of a binarised page."""
    h, w = ink.shape
    hk = cv2.getStructuringElement(cv2.MORPH_RECT, (max(w // 30, 15), 1))
    vk = cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(h // 60, 15)))
    horiz = cv2.morphologyEx(ink, cv2.MORPH_OPEN, hk)
    vert = cv2.morphologyEx(ink, cv2.MORPH_OPEN, vk)
    # close small gaps in a rule (noise, a scan's broken line) without joining neighbouring rules
    horiz = cv2.dilate(horiz, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 3)))
    vert = cv2.dilate(vert, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 9)))
    return horiz, vert


def find_tables(ink: np.ndarray) -> tuple[list[GridPx], np.ndarray]:
    """The tables of the page, and the mask of its ruling lines (to be left out of the text)."""
    h, w = ink.shape
    horiz, vert = rule_masks(ink)
    both = cv2.bitwise_or(horiz, vert)
    n, _labels, stats, _ = cv2.connectedComponentsWithStats(both, connectivity=8)
    out: list[GridPx] = []
    for i in range(1, n):
        x, y, bw, bh, _area = (int(v) for v in stats[i])
        if bw < MIN_TABLE_WIDTH * w or bh < MIN_TABLE_HEIGHT * h:
            continue
        grid = _grid(horiz[y:y + bh, x:x + bw], vert[y:y + bh, x:x + bw], x, y)
        if grid is not None:
            out.append(grid)
    out.sort(key=lambda g: g.bbox[1])
    return out, both


def _lines(profile: np.ndarray, need: float) -> list[int]:
    """Centres of the runs of positions whose rule coverage reaches ``need``."""
    idx = np.flatnonzero(profile >= need)
    if idx.size == 0:
        return []
    out: list[int] = []
    start = prev = int(idx[0])
    for v in idx[1:]:
        v = int(v)
        if v > prev + 2:
            out.append((start + prev) // 2)
            start = v
        prev = v
    out.append((start + prev) // 2)
    return out


def _grid(horiz: np.ndarray, vert: np.ndarray, ox: int, oy: int) -> GridPx | None:
    bw = horiz.shape[1]
    # a grid line: a rule covering at least a few cells' worth (merged cells leave rules short)
    ys = _lines((horiz > 0).sum(axis=1), max(0.04 * bw, 12))
    if not ys:
        return None
    # a table running off the page ends without a closing rule (its vertical rules stop): close it there
    rows = np.flatnonzero((vert > 0).sum(axis=1) >= 2)
    if rows.size and rows[-1] > ys[-1] + 8:
        ys.append(int(rows[-1]))
    # columns from the rules between the first and the last row line only: the strokes of a large heading
    # just above the table are not rules
    xs = _lines((vert[ys[0]:ys[-1] + 1] > 0).sum(axis=0), max(0.04 * (ys[-1] - ys[0]), 12))
    if len(ys) < 2 or len(xs) < 2 or len(ys) > MAX_GRID_LINES or len(xs) > MAX_GRID_LINES:
        return None
    if len(ys) < 3 and len(xs) < 3:
        return None  # a box around text, not a table
    nr, nc = len(ys) - 1, len(xs) - 1
    parent = list(range(nr * nc))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra

    for r in range(nr):
        y0, y1 = ys[r], ys[r + 1]
        lo, hi = y0 + (y1 - y0) // 5, y1 - (y1 - y0) // 5
        for c in range(nc - 1):
            x = xs[c + 1]
            band = vert[lo:hi + 1, max(x - 3, 0):x + 4]
            if band.size == 0 or (band.max(axis=1) > 0).mean() < 0.6:
                union(r * nc + c, r * nc + c + 1)  # no rule between them: one cell
    for r in range(nr - 1):
        y = ys[r + 1]
        for c in range(nc):
            x0, x1 = xs[c], xs[c + 1]
            lo, hi = x0 + (x1 - x0) // 5, x1 - (x1 - x0) // 5
            band = horiz[max(y - 3, 0):y + 4, lo:hi + 1]
            if band.size == 0 or (band.max(axis=0) > 0).mean() < 0.6:
                union(r * nc + c, (r + 1) * nc + c)
    boxes: dict[int, list[int]] = {}
    for r in range(nr):
        for c in range(nc):
            b = boxes.setdefault(find(r * nc + c), [c, r, c + 1, r + 1])
            b[0], b[1] = min(b[0], c), min(b[1], r)
            b[2], b[3] = max(b[2], c + 1), max(b[3], r + 1)
    cells = tuple(sorted((ox + xs[c0], oy + ys[r0], ox + xs[c1], oy + ys[r1])
                         for c0, r0, c1, r1 in boxes.values()))
    return GridPx((ox + xs[0], oy + ys[0], ox + xs[-1], oy + ys[-1]), cells)


def cell_lines(ink: np.ndarray, box: tuple[int, int, int, int]) -> list[tuple[int, int, int, int]]:
    """The text lines inside a cell (its rules left out): ``(x0, top, x1, bottom)`` in page pixels."""
    x0, top, x1, bottom = box
    pad = 4
    sub = ink[top + pad:bottom - pad + 1, x0 + pad:x1 - pad + 1]
    if sub.size == 0:
        return []
    rows = (sub > 0).sum(axis=1)
    out: list[tuple[int, int, int, int]] = []
    for a, b in _bands(rows, 1):
        if b - a < 5:
            continue  # a speck, a stroke of a rule
        band = sub[a:b]
        cols = np.flatnonzero((band > 0).sum(axis=0) > 0)
        if cols.size == 0 or (cols[-1] - cols[0] < 3 and b - a < 8):
            continue
        out.append((x0 + pad + int(cols[0]), top + pad + a, x0 + pad + int(cols[-1]) + 1, top + pad + b))
    return out


def _bands(profile: np.ndarray, need: int) -> list[tuple[int, int]]:
    """Runs ``[a, b)`` of positions with at least ``need`` ink pixels (gaps of one row bridged)."""
    on = profile >= need
    out: list[tuple[int, int]] = []
    start = None
    gap = 0
    for i, v in enumerate(on):
        if v:
            if start is None:
                start = i
            gap = 0
        elif start is not None:
            gap += 1
            if gap > 1:
                out.append((start, i - gap + 1))
                start, gap = None, 0
    if start is not None:
        out.append((start, len(on) - gap))
    return out
