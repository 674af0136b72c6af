"""Blocks of a word-processing document walked element by element (the .docx reader's, also the .odt reader's).

Each reader has an extractor that gives the body's items in order — ``("p", text, text boxes, …, pictures, …)`` for
a paragraph, ``("tbl", table)`` for a table — and the grid of a table (its cells' texts, merged cells repeated, and
which rows are header rows); :class:`BlockBuilder` makes the blocks of them: paragraph and heading blocks
("第12段"), a paragraph that is only a picture as an image block, a text box's paragraphs after the paragraph that
anchors it ("第12段处文本框第1段"), a table as a table block ("表2第3行第4列") or, when it is a page's layout frame
(the reader's ``frame_cells``), its cells read as the body.  :class:`ReadBudget` bounds the paragraphs, the tables'
cells and the time.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from ..errors import InputError
from ..limits import Limits
from ..model import Block, Document, ReaderNotice, Row, Table
from .lines import new_cell

STRIP = " \t\u3000\xa0"


MAX_DEPTH = 40  # nesting followed: tables in cells, text boxes, sections, lists, spans, groups of shapes


class ReadBudget:
    """The reading limits (``limits.py``): paragraphs, table cells, seconds.  ``cut`` says, once, why
    reading stopped; everything read before it is kept and checked.  ``deep``: something nested past
    :data:`MAX_DEPTH` was not read (a reader sets it where it leaves such content out)."""

    def __init__(self, limits: Limits):
        self.limits = limits
        self.started = time.monotonic()
        self.cells = 0
        self.ticks = 0
        self.cut: str | None = None
        self.deep = False

    def notices(self, fmt: str) -> tuple[ReaderNotice, ...]:
        """What was not read, for the document of format ``fmt`` (its name in a message: "Word 文档")."""
        out = []
        if self.cut:
            out.append(ReaderNotice("read-limit", format=fmt, detail=self.cut))
        if self.deep:
            out.append(ReaderNotice("read-limit", format=fmt,
                                    detail=f"表格、文本框、列表等嵌套超过 {MAX_DEPTH} 层，更深处的内容未读取"))
        return tuple(out)

    def out_of_time(self, where: str) -> bool:
        self.ticks += 1
        if self.cut is None and self.ticks % 64 == 0 and time.monotonic() - self.started > self.limits.max_read_seconds:
            self.cut = f"读取时间超过 {self.limits.max_read_seconds:g} 秒的上限（limits.max_read_seconds），{where}起未读取"
        return self.cut is not None

    def take_cells(self, n: int, where: str) -> bool:
        """Room for ``n`` more table cells?  (Else reading stops here.)"""
        if self.cut is not None:
            return False
        if self.cells + n > self.limits.max_table_cells:
            self.cut = (f"表格单元格超过 {self.limits.max_table_cells} 个（limits.max_table_cells），"
                        f"{where}起未读取")
            return False
        self.cells += n
        return not self.out_of_time(where)


def frame_column(rows: Iterable[list[tuple[Any, int, int]] | None], holds_text: Callable[[Any], bool],
                 nests: Callable[[Any], bool]) -> tuple[list, bool, bool] | None:
    """The cells of what may be a page's layout frame (a reader's ``frame_cells``), one a row, and whether one of them
    holds a table and whether a row had more than one cell — or None where the table is not a frame.  ``rows``: each
    row's cells as ``(cell, its grid column, its span)``, or None for a row that makes the table a data table (a cell
    merged down, too many cells); a row has one cell with text (``holds_text``), not spanning columns when it is the
    row's only cell, the others blank, and every row's cell in the same grid column.  Read lazily: the first row that
    says "not a frame" ends it."""
    cells = []
    nested = wide = False
    column: int | None = None
    for row in rows:
        if row is None:
            return None
        if not row:
            continue
        if len(row) == 1:
            tc, at, span = row[0]
            if span > 1:
                return None
        else:
            wide = True
            held = [x for x in row if holds_text(x[0])]
            if len(held) > 1:
                return None  # two cells with text in a row: a data table
            if not held:
                continue  # a row of blank cells
            tc, at, _ = held[0]
        if column is not None and at != column:
            return None
        column = at
        nested = nested or nests(tc)
        cells.append(tc)
    return cells, nested, wide


def cell_text(ex: Any, items: Iterable, depth: int) -> str:
    """A table cell's text from its ``items`` (an extractor's, :class:`BlockBuilder`): its paragraphs' lines, a table
    inside it as tab-separated rows, a text box's text after its paragraph; what lies past :data:`MAX_DEPTH` is left
    out and said (``ex.budget.deep``)."""
    lines: list[str] = []
    for item in items:
        if item[0] == "tbl":
            if depth < MAX_DEPTH:
                rows, _ = ex.grid(item[1], depth + 1)
                lines.extend("\t".join(r) for r in rows)
            else:
                ex.budget.deep = True
            continue
        lines.append(item[1])
        for box in item[2]:
            if depth < MAX_DEPTH:
                lines.append(ex.cell_text(box, depth + 1))
            else:
                ex.budget.deep = True
    return clean_lines("\n".join(lines))


def clean_lines(text: str) -> str:
    """Strip every line; drop blank lines (Word users do not see them as text)."""
    if "\n" not in text:
        return text.strip(STRIP)
    return "\n".join(s for s in (line.strip(STRIP) for line in text.split("\n")) if s)


class BlockBuilder:
    """The blocks of a document's body.  ``ex``: the reader's extractor (``items``, ``grid``, ``budget``, ``stats``,
    and ``item_label``/``item_level``: a paragraph item's printed number and heading level); ``frame_cells``: the
    cells of a table that is a page's layout frame, or None; ``max_depth``: the nesting followed."""

    def __init__(self, ex: Any, frame_cells: Callable[[Any], list | None], max_depth: int):
        self.ex = ex
        self.frame_cells = frame_cells
        self.max_depth = max_depth
        self.blocks: list[Block] = []
        self.n_paras = 0
        self.n_tables = 0

    def body(self, container, depth: int = 0, box_of: int | None = None) -> None:
        k = 0  # paragraph number inside a text box
        budget = self.ex.budget
        for item in self.ex.items(container, depth):
            if budget.cut is not None or budget.out_of_time(f"第{self.n_paras + 1}段"):
                return
            if box_of is None and self.n_paras >= budget.limits.max_blocks:
                budget.cut = (f"段落超过 {budget.limits.max_blocks} 段（limits.max_blocks），"
                              f"第{self.n_paras + 1}段起未读取")
                return
            if item[0] == "tbl":
                self.table(item[1], depth)
                continue
            raw, boxes, pictures = item[1], item[2], item[4]
            text = clean_lines(raw)
            label = self.ex.item_label(item)
            if label and text:
                text = label + text  # the number the word processor draws: what the reader sees
            if not text and pictures and box_of is None:
                # a paragraph that is a picture (a statistics table pasted as one: there is a table, DL105, whose
                # numbers are not read, DL002); not counted, so that the paragraphs' numbers stay those of the text
                self.blocks.append(Block(index=len(self.blocks), kind="image", text="<img>",
                                         pointer=f"第{self.n_paras}段后的图片" if self.n_paras else "正文开头的图片"))
            if text:
                level = self.ex.item_level(item)
                if box_of is None:
                    self.n_paras += 1
                    pointer = f"第{self.n_paras}段"
                else:
                    k += 1
                    pointer = f"第{box_of}段处文本框第{k}段"
                self.blocks.append(Block(index=len(self.blocks), kind="heading" if level else "paragraph", text=text,
                                         level=level, pointer=pointer))
            for box in boxes:
                self.ex.stats["text_boxes"] += 1
                if depth < self.max_depth:
                    self.body(box, depth + 1, box_of=max(self.n_paras, 1) if box_of is None else box_of)
                else:
                    budget.deep = True

    def document(self, path: str, fmt: str, name: str) -> Document:
        """The document of the blocks built (``fmt``: its format; ``name``: the format in a message, "Word 文档"), with
        what was not read as notices; one sentence when the blocks are only pictures (a scan)."""
        if all(b.kind == "image" for b in self.blocks):
            raise InputError(f"{name}中没有可读取的文字（可能只有图片，例如扫描件），无法检查")
        meta = {"paragraphs": self.n_paras, "tables": self.n_tables, **self.ex.stats}
        return Document(path=path, format=fmt, encoding=None, text="", blocks=tuple(self.blocks), has_lines=False,
                        notices=self.ex.budget.notices(name), meta=meta)

    def table(self, tbl, depth: int) -> None:
        frame = self.frame_cells(tbl) if depth < self.max_depth else None
        if frame is not None:  # a page laid out in a frame: its paragraphs and tables are the body's
            self.ex.stats["layout_tables"] += 1
            for tc in frame:
                self.body(tc, depth + 1)
            return
        grid, header = self.ex.grid(tbl, depth, self.n_tables + 1)
        if not any(any(c for c in r) for r in grid):
            return  # an empty layout table carries nothing to lint
        self.n_tables += 1
        tno = self.n_tables
        rows = []
        for ri, (texts, is_header) in enumerate(zip(grid, header)):
            cells = tuple(new_cell(t, ri, ci, None, None, None, f"表{tno}第{ri + 1}行第{ci + 1}列", is_header)
                          for ci, t in enumerate(texts))
            rows.append(Row(cells=cells, header=is_header))
        text = "\n".join("\t".join(r) for r in grid)
        self.blocks.append(Block(index=len(self.blocks), kind="table", text=text, table=Table(rows=tuple(rows)),
                                 pointer=f"表{tno}"))
