"""Blocks of a Word document read paragraph by paragraph (the .doc reader's, also the RTF reader's).

A paragraph comes with its properties (``depth()``, ``ttp``, ``inner_cell``, ``inner_ttp``, ``edges``, ``merges``,
``header``, ``istd``, ``outline``, ``ilfo``/``ilvl``: see :class:`.doc._Para`) and the mark that ends it.  Body
paragraphs become paragraph or heading blocks ("第12段"); a table's paragraphs are held until the table ends, then
read as a layout frame (:func:`.doc_tables.frame_cells`: its paragraphs read again as the body's) or as a table on
one grid of columns (:func:`.doc_tables.grid_of`, "表2第3行第4列"), a nested table's rows as tab-separated lines of
its cell.  The paragraphs, tables' cells and time are bounded by ``limits``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from ..limits import Limits
from ..model import Block, Row, Table
from .doc_lists import Lists
from .doc_tables import frame_cells, grid_of, shallower
from .lines import new_cell

MAX_FRAMES = 1_000  # layout frames read as the body
MAX_REREAD = 200_000  # paragraphs of frames read again one level less deep, in all (a frame in a frame in a frame …)
STRIP = " \t\u3000\xa0"


class Builder:
    """Blocks from the paragraphs of a Word document in order: ``paragraph(text, mark, properties, pictures)`` each
    (mark ``\\r`` a paragraph's end, ``\\x07`` a cell's or, with ``ttp``, a row's end); :meth:`flush` at the end."""

    def __init__(self, limits: Limits, lists: Lists, plain: Any, is_picture=lambda pos: False,
                 deadline: float = float("inf")):
        self.plain = plain  # the properties of a paragraph outside any table
        self.limits = limits
        self.deadline = deadline
        self.lists = lists
        self.is_picture = is_picture  # whether the anchor at a position of the text is a picture of a table's size
        self.blocks: list[Block] = []
        self.n_paras = 0
        self.n_tables = 0
        self.cells = 0
        self.cut: str | None = None
        self.auto_numbered = 0
        self.rows: list[tuple[list[str], Any]] = []
        self.cell: list[str] = []  # paragraphs of the cell being read
        self.row: list[str] = []  # cells of the row being read
        self.inner: list[str] = []  # a nested table's row being read
        self.pending = 0  # cells read of the table being read
        self.held: list[tuple[str, str, Any, list[int]]] = []  # the paragraphs of the table being read
        self.frames = 0  # layout frames read as the body
        self.reread = 0  # their paragraphs read again
        self.boxes: Callable[[int], list] = lambda pos: []  # the paragraphs of the text box anchored at a position
        self.n_boxes = 0
        self.box_of: int | None = None  # the paragraph whose text box is being read
        self.box_k = 0

    def paragraph(self, raw: str, mark: str, p: Any, pictures: list[int] = ()) -> None:  # type: ignore[assignment]
        if p.depth():  # a table's: held until the table ends, to tell a layout frame from a table
            self.held.append((raw, mark, p, pictures))
            if p.depth() == 1 and mark == "\x07":  # a cell's end or a row's (millions of empty rows are bounded too)
                self.pending += 1
                if self.cells + self.pending > self.limits.max_table_cells:  # before the rows pile up in memory
                    self._too_many_cells()
            return
        self.flush()
        self.body(raw, p, self._label(p), pictures)

    def _label(self, p: Any) -> str | None:
        """The number Word draws before the paragraph (counted wherever it is; drawn before a body paragraph only)."""
        numbered = self.lists.numbering_of(p.ilfo, p.ilvl, p.istd) if self.lists.lfos else None
        if numbered is None:
            return None
        self.auto_numbered += 1
        return self.lists.label(*numbered)

    def _table_paragraph(self, raw: str, mark: str, p: Any) -> None:
        self._label(p)
        if p.depth() >= 2 or p.inner_cell or p.inner_ttp:  # a table nested in a cell: its rows as lines of the cell
            if p.inner_ttp:
                if self.inner:
                    self.cell.append("\t".join(self.inner))
                self.inner = []
            else:
                self.inner.append(clean(raw))
        elif p.ttp:
            if self.cell:
                self.row.append("\n".join(x for x in self.cell if x))
                self.cell = []
            self.rows.append((self.row, p))
            self.row = []
        else:
            self.cell.append(clean(raw))
            if mark == "\x07":
                if self.inner:
                    self.cell.append("\t".join(self.inner))
                    self.inner = []
                self.row.append("\n".join(x for x in self.cell if x))
                self.cell = []

    def _too_many_cells(self) -> None:
        self.cut = self.cut or (f"表格单元格超过 {self.limits.max_table_cells} 个（limits.max_table_cells），"
                                f"第{self.n_tables + 1}个表格起未读取")

    def body(self, raw: str, p: Any, label: str | None = None, pictures: list[int] = ()) -> None:  # type: ignore[assignment]
        text = clean(raw)
        if not text and any(self.is_picture(pos) for pos in pictures[:8]):
            # a paragraph that is a picture (a statistics table pasted as one): not counted, as in the Word reader
            self.blocks.append(Block(index=len(self.blocks), kind="image", text="<img>",
                                     pointer=f"第{self.n_paras}段后的图片" if self.n_paras else "正文开头的图片"))
        if self.box_of is not None:  # a text box's paragraph: not counted, as in the Word reader
            if text:
                self.box_k += 1
                level = p.outline + 1 if p.outline is not None else self.lists.levels.get(p.istd or 0)
                self.blocks.append(Block(index=len(self.blocks), kind="heading" if level else "paragraph", level=level,
                                         text=(label or "") + text, pointer=f"第{self.box_of}段处文本框第{self.box_k}段"))
            return
        if text and self.n_paras >= self.limits.max_blocks:
            self.cut = self.cut or f"段落超过 {self.limits.max_blocks} 段（limits.max_blocks），第{self.n_paras + 1}段起未读取"
            return
        if text:
            self.n_paras += 1
            level = p.outline + 1 if p.outline is not None else self.lists.levels.get(p.istd or 0)
            self.blocks.append(Block(index=len(self.blocks), kind="heading" if level else "paragraph",
                                     text=(label or "") + text, level=level, pointer=f"第{self.n_paras}段"))
        for pos in pictures[:64]:  # a text box's paragraphs follow the paragraph that anchors it, as in the Word reader
            items = self.boxes(pos)
            if items:
                self.box_of, self.box_k, before = max(self.n_paras, 1), 0, len(self.blocks)
                for item in items:
                    self.paragraph(*item)
                self.flush()
                self.box_of = None
                self.n_boxes += len(self.blocks) > before  # (a box with text: LibreOffice adds an empty one)

    def flush(self) -> None:
        held, self.held, self.pending = self.held, [], 0
        if not held or self.cut:
            return
        frame = frame_cells(held) if self.frames < MAX_FRAMES and self.reread + len(held) <= MAX_REREAD else None
        if frame is not None:  # a page laid out in a frame: its paragraphs and tables are the body's
            self.frames += 1
            self.reread += len(held)
            for k, (raw, mark, p, pictures) in enumerate(item for cell in frame for item in cell):
                if k % 256 == 0 and time.monotonic() > self.deadline:  # (a frame in a frame: read once a level)
                    self.cut = self.cut or (f"读取时间超过 {self.limits.max_read_seconds:g} 秒的上限"
                                            f"（limits.max_read_seconds），第{self.n_paras + 1}段起未读取")
                    return
                q, shallow_mark = shallower(p, mark)
                self.paragraph(raw, shallow_mark, q, pictures)
            self.flush()
            return
        for raw, mark, p, _pictures in held:
            self._table_paragraph(raw, mark, p)
        if self.cell or self.row:  # a table whose last row has no row end (a damaged or cut file)
            if self.cell:
                self.row.append("\n".join(x for x in self.cell if x))
            self.rows.append((self.row, self.plain))
        self.cell, self.row, self.inner = [], [], []
        rows, self.rows = self.rows, []
        if not rows:
            return
        grid = grid_of(rows, self.limits.max_table_cells - self.cells)
        if grid is None:
            self._too_many_cells()
            return
        if not any(any(c for c in r) for r in grid):
            return  # an empty layout table carries nothing to lint
        self.cells += sum(len(r) for r in grid)
        self.n_tables += 1
        tno = self.n_tables
        out = []
        for ri, ((_cells, p), texts) in enumerate(zip(rows, grid, strict=True)):
            cells = tuple(new_cell(t, ri, ci, None, None, None, f"表{tno}第{ri + 1}行第{ci + 1}列", p.header)
                          for ci, t in enumerate(texts))
            out.append(Row(cells=cells, header=p.header))
        self.blocks.append(Block(index=len(self.blocks), kind="table", text="\n".join("\t".join(r) for r in grid),
                                 table=Table(rows=tuple(out)), pointer=f"表{tno}"))


def clean(text: str) -> str:
    """Each line stripped, blank lines dropped (as the Word reader's cells and paragraphs)."""
    if "\n" not in text:
        return text.strip(STRIP)
    return "\n".join(s for s in (line.strip(STRIP) for line in text.split("\n")) if s)
