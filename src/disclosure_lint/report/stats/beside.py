"""Rows of a statistics table written as lines of text beside it: a table broken apart in conversion.

A report converted from PDF to Markdown or text (a tool's copy, a portal's "text version") may keep part of a
table as a table and leave its other rows as loose lines just before or after it::

    行政许可 97
    行政处罚 0
    ## 表二：主动公开政府信息情况
    | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
    | 规章 | 0 | 0 | 0 |

The rows are not missing from the report: the copy lost the table's shape.  :func:`rows_beside` finds them, so that
table-missing-rows (DL110) does not call them missing and table-unreadable (DL001) says the tool could not read
them as the table's.  A row counts when a line of a text block next to the table (at most :data:`NEAR` blocks
before its first block, stopping at a heading, or the block right after it) starts with the row's label
(or one of its other wordings) followed by a number or by nothing — never a label inside a sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ...model import Block
from .schema import RowSpec, norm, strip_number

NEAR = 3  # text blocks looked at before the table
_MAX_LINE = 40  # a longer line is prose, not a row


def _line_key(line: str) -> str | None:
    """The label part of a row written as a line (``行政许可 97``, ``行政强制``): the line without the numbers at its
    end, normalised; None for a line too long to be a row."""
    s = line.strip()
    if not s or len(s) > _MAX_LINE:
        return None
    end = len(s)
    while end and (s[end - 1].isdecimal() or s[end - 1] in " \t.,，．\u3000"):
        end -= 1
    return norm(strip_number(s[:end])) or None


def _near(blocks: Sequence[Block], table_blocks: Sequence[Block]) -> Iterable[Block]:
    first, last = table_blocks[0].index, table_blocks[-1].index
    if not (first < len(blocks) and blocks[first] is table_blocks[0]):  # (indexes of another copy of the blocks)
        return
    seen = 0
    for i in range(first - 1, -1, -1):
        if i >= len(blocks):
            continue
        b = blocks[i]
        if b.kind == "heading" and seen:
            break
        if b.kind == "paragraph":
            yield b
            seen += 1
            if seen >= NEAR:
                break
    after = last + 1
    if after < len(blocks) and blocks[after].kind == "paragraph":
        yield blocks[after]


def rows_beside(blocks: Sequence[Block], table_blocks: Sequence[Block], rows: Sequence[RowSpec]) -> list[RowSpec]:
    """The rows among ``rows`` (rows not found in the table) written as lines of the text next to it."""
    if not rows or not table_blocks:
        return []
    keys: set[str] = set()
    for b in _near(blocks, table_blocks):
        for line in b.text.split("\n"):
            k = _line_key(line)
            if k:
                keys.add(k)
    if not keys:
        return []
    return [r for r in rows if not keys.isdisjoint(r.keys)]
