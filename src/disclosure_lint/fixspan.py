"""Where a fix's edit lies in the source: block offsets → exact source line/column, or nothing.

A kind's :class:`~disclosure_lint.kinds.base.FixEdit` names a span of a block's text.  The readers of the
formats with lines (Markdown, text, HTML) anchor that text to the source, but the text is not always the
source: Markdown joins a paragraph's lines, HTML decodes entities and drops tags.  :func:`exact_edit` gives
the edit only when the block's text there *is* the source, character for character (positions counted as
the readers count them: lines split at ``\\r\\n``, ``\\r`` or ``\\n``, columns in characters, 1-based);
:mod:`disclosure_lint.fixer` applies such edits to the file.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .diagnostics import Edit
from .model import Block
from .textio import line_starts

LINE_END = re.compile(r"\r\n|\r|\n")
# the formats whose files check --fix may change (here, not in the fixer: the console reporter names them in
# every run, the fixer is imported only with --fix or --diff)
FIXABLE_EXTENSIONS = frozenset({".md", ".markdown", ".txt", ".html", ".htm"})


@lru_cache(maxsize=4)
def source_index(text: str) -> tuple[str, tuple[int, ...]]:
    """``text`` with its line ends made ``\\n`` (the readers' lines) and the offset where each line starts."""
    norm = LINE_END.sub("\n", text) if "\r" in text else text
    return norm, tuple(line_starts(norm))


def offset_of(starts: tuple[int, ...], length: int, line: int | None, column: int | None) -> int | None:
    """Offset of 1-based (line, column) in the text whose lines start at ``starts``; None when out of it."""
    if line is None or column is None or not 1 <= line <= len(starts) or column < 1:
        return None
    off = starts[line - 1] + column - 1
    limit = starts[line] - 1 if line < len(starts) else length  # the line's end (its "\n", or the text's end)
    return off if off <= limit else None


def position_of(starts: tuple[int, ...], offset: int) -> tuple[int, int]:
    k = bisect_right(starts, offset) - 1
    return k + 1, offset - starts[k] + 1


def exact_edit(source: str, block: Block, start: int, end: int, replacement: str) -> Edit | None:
    """The edit replacing ``block.text[start:end]`` as a span of ``source``, or None when that text is not
    exactly there (markup, an entity or a joined line inside it; a paged format)."""
    text = block.text
    if not block.anchors or not 0 <= start <= end <= len(text) or not text:
        return None
    norm, starts = source_index(source)
    if start == end:  # an insertion: before the character at ``start`` (after the last one at the end)
        k = start if start < len(text) else start - 1
        off = _checked(norm, starts, block, k)
        if off is None:
            return None
        line, column = position_of(starts, off if start < len(text) else off + 1)
        return Edit(line, column, line, column, replacement)
    first = _checked(norm, starts, block, start)
    last = _checked(norm, starts, block, end - 1)
    if first is None or last is None or norm[first:last + 1] != text[start:end]:
        return None
    (line, column), (end_line, end_column) = position_of(starts, first), position_of(starts, last + 1)
    return Edit(line, column, end_line, end_column, replacement)


def end_after(source: str, block: Block, end: int) -> tuple[int, int] | None:
    """The source position right after ``block.text[end - 1]`` when the source has that very character there: the
    end of a finding that ends at the end of an inline element (``要求<span>,</span>逐项``) is after its last
    character, not after the closing tag, where the next character of the text begins."""
    if not block.anchors or not 0 < end <= len(block.text):
        return None
    norm, starts = source_index(source)
    off = _checked(norm, starts, block, end - 1)
    return None if off is None else position_of(starts, off + 1)


def _checked(norm: str, starts: tuple[int, ...], block: Block, k: int) -> int | None:
    """Source offset of ``block.text[k]`` when the source has that very character there."""
    loc = block.locate(k)
    if loc.page is not None:
        return None
    off = offset_of(starts, len(norm), loc.line, loc.column)
    if off is None or off >= len(norm) or norm[off] != block.text[k]:
        return None
    return off
