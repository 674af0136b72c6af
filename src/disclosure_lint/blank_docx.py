"""The blank report of ``disclosure-lint new`` as a Word document.

The same content as the Markdown (:mod:`.blank`): the title (style Title), the opening paragraph, the six
section headings (style Heading 1), each with its guidance as a Word comment (批注, author
``disclosure-lint``) on the heading, the three tables with the merged cells of the official format — in the
header rows a rectangle of equal texts is one cell (表三's note over three columns and three rows, 申请人情况
over seven columns, 表四's 行政复议 over five columns and two rows …), in 表三's label columns an empty cell
joins the label to its left on the same row, else the one above it (一、本年新收… over three columns,
三、本年度办理结果 down its rows) — and the 落款.  Comments need python-docx 1.2.
"""

from __future__ import annotations

import io

import docx
from docx.document import Document as DocumentObject
from docx.table import Table

from .blank import (
    S3_HEADER_ROWS,
    S3_LABEL_COLS,
    S4_HEADER_ROWS,
    SECTIONS,
    SIGNATURE_NOTE,
    Blank,
    heading,
    opening,
    s2_parts,
    s3_grid,
    s4_grid,
    signature,
)
from .grid_spans import Grid, spans

AUTHOR = "disclosure-lint"
INITIALS = "DL"

# 表三's label columns against a number column (一、本年新收… | （一）予以公开 | 1.属于国家秘密): equal widths wrapped
# its labels three or four characters a line and spread the table over three pages
S3_LABEL_WEIGHTS = (2.5, 2.6, 3.6)


def _widths(doc: DocumentObject, n_cols: int, label_weights: tuple[float, ...] = ()) -> list[int]:
    """Column widths (EMU) filling the text width: the label columns by their weights, each number column 1."""
    sec = doc.sections[-1]
    text = (sec.page_width or 0) - (sec.left_margin or 0) - (sec.right_margin or 0)
    weights = [*label_weights, *[1.0] * (n_cols - len(label_weights))]
    return [int(text * w / sum(weights)) for w in weights]


def _table(doc: DocumentObject, grid: Grid, header_rows: int, label_cols: int = 0,
           label_weights: tuple[float, ...] = ()) -> Table:
    table = doc.add_table(rows=len(grid), cols=len(grid[0]))
    table.style = "Table Grid"
    if label_weights:  # before merging: a merged cell's width is the sum of those it takes in
        table.autofit = False
        for col, width in zip(table.columns, _widths(doc, len(grid[0]), label_weights)):
            col.width = width
            for cell in col.cells:
                cell.width = width
    merged: set[tuple[int, int]] = set()
    for r0, c0, r1, c1 in spans(grid, header_rows, label_cols):
        table.cell(r0, c0).merge(table.cell(r1, c1))
        merged.update((r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1) if (r, c) != (r0, c0))
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            if text and (r, c) not in merged:
                table.cell(r, c).text = text
    return table


def document(blank: Blank) -> DocumentObject:
    v = blank.version
    doc = docx.Document()
    doc.add_heading(blank.title, level=0)
    doc.add_paragraph(opening(blank))
    for s in SECTIONS:
        para = doc.add_heading(heading(s), level=1)
        doc.add_comment(para.runs, text=blank.guidance(s.id), author=AUTHOR, initials=INITIALS)
        if s.id == "s2":
            for caption, grid in s2_parts(v):
                doc.add_paragraph(caption)
                _table(doc, grid, 1)
        elif s.id == "s3":
            _table(doc, s3_grid(v), S3_HEADER_ROWS, S3_LABEL_COLS, S3_LABEL_WEIGHTS)
        elif s.id == "s4":
            _table(doc, s4_grid(v), S4_HEADER_ROWS)
    name, date = signature(blank)
    para = doc.add_paragraph(name)
    doc.add_comment(para.runs, text=SIGNATURE_NOTE, author=AUTHOR, initials=INITIALS)
    doc.add_paragraph(date)
    return doc


def docx_bytes(blank: Blank) -> bytes:
    out = io.BytesIO()
    document(blank).save(out)
    return out.getvalue()
