"""Hostile cases for RTF files (readers/rtf.py), written as bytes: each is read or refused in one line, within the
limits (group depth, a paragraph of 20 MB, millions of cells or edges, fallback counts and binary lengths past the end,
a cut file, braces that do not balance, NUL bytes)."""

from __future__ import annotations

from .build import write
from .catalogue import case, check

HEAD = b"{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}\\f0 "
TEXT = "本机关全年主动公开政府信息。".encode("gbk")


def rtf(body: bytes, end: bytes = b"}") -> bytes:
    return HEAD + body + end


@case("files", exit=(1, 2))
def rtf_deep_groups(d):
    """An RTF file of 100,000 nested groups ({ … }), then a paragraph: no recursion, the depth bounded and said."""
    return check(d, write(d, "deep.rtf", rtf(b"{" * 100_000 + b"x" + b"}" * 100_000 + TEXT + b"\\par")))


@case("files", exit=(1, 2), extra=True)
def rtf_one_long_paragraph(d):
    """An RTF file whose text is one paragraph of 20 MB of GBK \\'hh pairs (2.6 million characters)."""
    return check(d, write(d, "long.rtf", rtf(b"\\'d7\\'d6" * 2_600_000 + b"\\par")))


@case("files", exit=(1, 2), extra=True)
def rtf_one_long_unicode_paragraph(d):
    """An RTF file whose text is one paragraph of 20 MB of \\uN characters each with its fallback."""
    return check(d, write(d, "longu.rtf", rtf(b"\\u23383\\'3f" * 1_900_000 + b"\\par")))


@case("files", exit=(1, 2), extra=True)
def rtf_cells_without_row_end(d):
    """An RTF file of 2 million table cells in one row that never ends (cut at limits.max_table_cells)."""
    return check(d, write(d, "cells.rtf", rtf(b"\\pard\\intbl 1\\cell" * 2_000_000)))


@case("files", exit=(1, 2), extra=True)
def rtf_million_edges(d):
    """An RTF row defined with 2 million \\cellx edges (the grid's columns capped)."""
    return check(d, write(d, "cellx.rtf", rtf(b"\\trowd" + b"\\cellx1" * 2_000_000
                                              + b"\\pard\\intbl 1\\cell\\row\\pard " + TEXT + b"\\par")))


@case("files", exit=(1, 2), extra=True)
def rtf_fallbacks_and_binary_past_the_end(d):
    """RTF files with \\uc2147483647 before a \\uN, a \\bin of 99,999,999,999 bytes, a file cut in its style sheet,
    100,000 closing braces too many, 100,000 groups never closed and 5 MB of NUL bytes."""
    files = [write(d, "uc.rtf", rtf(b"\\uc2147483647 \\u23383 " + b"a" * 1_000_000 + b"}" + TEXT + b"\\par")),
             write(d, "bin.rtf", rtf(TEXT + b"\\par\\bin99999999999 abc")),
             write(d, "cut.rtf", HEAD + b"{\\stylesheet{\\s0 Normal;"),
             write(d, "close.rtf", HEAD + b"}" * 100_000 + TEXT + b"\\par"),
             write(d, "open.rtf", HEAD + b"{" * 100_000 + TEXT + b"\\par"),
             write(d, "nul.rtf", rtf(b"\x00" * 5_000_000 + TEXT + b"\\par"))]
    return check(d, *files)
