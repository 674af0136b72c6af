"""Hostile cases for Word 97–2003 (.doc) files (readers/doc.py), built byte by byte (build_doc.py): each is read or
refused in one line, within the limits."""

from __future__ import annotations

from .build import write
from .build_doc import IN_TABLE, ROW_END, doc, itap
from .catalogue import case, check


@case("files", exit=(1, 2), extra=True)
def doc_one_long_paragraph(d):
    """A .doc whose text is one paragraph of 5 million characters (10 MB)."""
    return check(d, write(d, "long.doc", doc("字" * 5_000_000 + "\r")))


@case("files", exit=(1, 2), extra=True)
def doc_many_paragraphs(d):
    """A .doc of 3 million one-character paragraphs (cut at limits.max_blocks, said once)."""
    return check(d, write(d, "many.doc", doc("字\r" * 3_000_000)))


@case("files", exit=(1, 2), extra=True)
def doc_field_flood(d):
    """A .doc of 5 million field-begin marks never separated nor ended, then a paragraph."""
    return check(d, write(d, "fields.doc", doc("\x13" * 5_000_000 + "码\r本机关全年主动公开政府信息。\r")))


@case("files", exit=(1, 2))
def doc_cells_without_row_end(d):
    """A .doc of 5 million table cells in one row that never ends (cut at limits.max_table_cells)."""
    return check(d, write(d, "cells.doc", doc("1\x07" * 5_000_000, IN_TABLE)))


@case("files", exit=(1, 2), extra=True)
def doc_empty_rows(d):
    """A .doc of 5 million row-end marks: empty table rows."""
    return check(d, write(d, "rows.doc", doc("\x07" * 5_000_000, IN_TABLE + ROW_END)))


@case("files", exit=(1, 2), extra=True)
def doc_overlapping_pieces(d):
    """A .doc whose piece table has 200,000 pieces, each claiming the whole text."""
    return check(d, write(d, "pieces.doc", doc("本机关全年主动公开政府信息。\r" * 2000, pieces=200_000)))


@case("files", exit=(1, 2), extra=True)
def doc_nested_table_depth(d):
    """A .doc whose 100,000 cells are all nested 2 billion tables deep (sprmPItap)."""
    return check(d, write(d, "nest.doc", doc("1\x07" * 100_000 + "正文。\r", IN_TABLE + itap(2_000_000_000))))


@case("files", exit=(1, 2), extra=True)
def doc_field_before_long_paragraph(d):
    """A .doc with one field and then a paragraph of 5 million characters: the field's code is cut out of its
    paragraph's slice, not out of a per-character copy of the whole text (≈ 60 bytes a Chinese character)."""
    return check(d, write(d, "field.doc", doc("前\x13 PAGE \x141\x15" + "字" * 5_000_000 + "\r")))
