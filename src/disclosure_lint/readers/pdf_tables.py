"""pdfplumber's table finder for explicit ruling lines, with its two quadratic steps indexed.

pdfplumber (``TableFinder``) finds the intersections of the ruling edges, then the smallest cell
at each intersection by scanning every later intersection and comparing sets of edge boxes made
anew for each comparison; then it groups the cells into tables pass by pass, removing each cell it takes from a
list.  The same steps are taken here with the sorted horizontal edges, the edge boxes of each intersection and the
intersections of each column and row computed once, and each cell's corners made once; the edges (snapped,
joined, filtered by pdfplumber itself), the cells and the tables — their cells in the same order — are the same.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pdfplumber.table import Table, TableFinder, TableSettings
from pdfplumber.utils import obj_to_bbox

Point = tuple[float, float]
BBox = tuple[float, float, float, float]


def find_tables(page: Any, settings: dict[str, Any]) -> list[Table]:
    """``page.find_tables(settings)`` for the explicit strategies."""
    finder = TableFinder.__new__(TableFinder)
    finder.page = page
    finder.settings = TableSettings.resolve(settings)
    edges = finder.get_edges()
    inter = _intersections(edges, finder.settings.intersection_x_tolerance,
                           finder.settings.intersection_y_tolerance)
    cells = _cells(inter)
    return [Table(page, group) for group in _tables(cells)]


def _intersections(edges: list[dict[str, Any]], x_tol: float, y_tol: float) -> dict[Point, dict[str, list]]:
    """pdfplumber's ``edges_to_intersections`` (the horizontal edges sorted once, not per vertical)."""
    out: dict[Point, dict[str, list]] = {}
    v_edges = sorted((e for e in edges if e["orientation"] == "v"), key=lambda e: (e["x0"], e["top"]))
    h_edges = sorted((e for e in edges if e["orientation"] == "h"), key=lambda e: (e["top"], e["x0"]))
    for v in v_edges:
        vx, vtop, vbottom = v["x0"], v["top"], v["bottom"]
        for h in h_edges:
            ht = h["top"]
            if vtop <= ht + y_tol and vbottom >= ht - y_tol and vx >= h["x0"] - x_tol and vx <= h["x1"] + x_tol:
                vertex = (vx, ht)
                entry = out.get(vertex)
                if entry is None:
                    entry = out[vertex] = {"v": [], "h": []}
                entry["v"].append(v)
                entry["h"].append(h)
    return out


def _cells(inter: dict[Point, dict[str, list]]) -> list[BBox]:
    """pdfplumber's ``intersections_to_cells``, each comparison on precomputed sets."""
    vset = {p: set(map(obj_to_bbox, d["v"])) for p, d in inter.items()}
    hset = {p: set(map(obj_to_bbox, d["h"])) for p, d in inter.items()}

    def connects(p1: Point, p2: Point) -> bool:
        if p1[0] == p2[0] and not vset[p1].isdisjoint(vset[p2]):
            return True
        return p1[1] == p2[1] and not hset[p1].isdisjoint(hset[p2])

    points = sorted(inter)
    n = len(points)
    same_x: dict[float, list[int]] = defaultdict(list)
    same_y: dict[float, list[int]] = defaultdict(list)
    for i, p in enumerate(points):
        same_x[p[0]].append(i)
        same_y[p[1]].append(i)
    cells: list[BBox] = []
    for i in range(n - 1):
        pt = points[i]
        below = [points[j] for j in same_x[pt[0]] if j > i]
        right = [points[j] for j in same_y[pt[1]] if j > i]
        found = None
        for below_pt in below:
            if not connects(pt, below_pt):
                continue
            for right_pt in right:
                if not connects(pt, right_pt):
                    continue
                bottom_right = (right_pt[0], below_pt[1])
                if bottom_right in inter and connects(bottom_right, right_pt) and connects(bottom_right, below_pt):
                    found = (pt[0], pt[1], bottom_right[0], bottom_right[1])
                    break
            if found:
                break
        if found:
            cells.append(found)
    return cells


def _tables(cells: list[BBox]) -> list[list[BBox]]:
    """pdfplumber's ``cells_to_tables``: the same passes over the cells left (a cell joins the table being built
    when one of its corners is one of the table's), the corners made once and the cells left made anew after each
    pass instead of removed one by one (the same cells left, in the same order)."""
    corners = [((x0, top), (x0, bottom), (x1, top), (x1, bottom)) for x0, top, x1, bottom in cells]
    left = list(range(len(cells)))
    tables: list[list[BBox]] = []
    held: set[Point] = set()
    current: list[BBox] = []
    while left:
        before = len(current)
        taken: dict[BBox, int] = {}
        for k in left:
            a, b, c, d = corners[k]
            if not current or a in held or b in held or c in held or d in held:
                held.update(corners[k])
                current.append(cells[k])
                taken[cells[k]] = taken.get(cells[k], 0) + 1
        # pdfplumber removes a taken cell's first equal one left: of equal cells (none from _cells), the first go
        rest = []
        for k in left:
            n = taken.get(cells[k], 0)
            if n:
                taken[cells[k]] = n - 1
            else:
                rest.append(k)
        left = rest
        if len(current) == before:
            tables.append(current)
            held = set()
            current = []
    if current:
        tables.append(current)
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]
