"""Paragraphs of a hard-wrapped text: a PDF's text (``pdftotext``, a copy from a PDF viewer) breaks every
paragraph into lines of the page's width.

The text reader makes each line a block, so a sentence broken across two lines is read as two halves: a figure
stated in the prose (受理政府 / 信息公开申请17件) is not found, one repeated paragraph reads as a repeated passage of
three (DL602, an error, for DL601's warning), a date is cut in two.  :func:`rejoin` puts such lines back together
as one paragraph, only in a text that is hard-wrapped — where most prose lines are full lines of one width (in
display columns: a CJK character is two) — and only where a line is full (its text reaches that width), does not
end a sentence (。！？；), and the next line (after at most one blank line, as a double-spaced copy has) is a
paragraph line, not a heading, a table or a part's title.  A line that ends short ends its paragraph, and a line laid
out in columns (runs of spaces between its cells: a table's row that stands alone, its header or a row left blank)
is joined to neither line beside it.  The joined
block keeps an anchor at each line's start, so every finding inside it still points at its own line and column.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable

from ..model import Anchor, Block, new_anchor
from .lines import new_block

MIN_LINES = 6  # prose lines a text needs before its width is trusted
MIN_SHARE = 0.3  # the share of prose lines that are full lines of one width in a hard-wrapped text
TOLERANCE = 8  # display columns a full line may fall short of the width (justified text, a digit for a character)
MIN_CUT = 0.7  # the share of full lines that end inside a sentence
MIN_WIDTH = 40  # narrower "full lines" are a list of short items, not wrapped prose
MAX_WIDTH = 160  # a page is no wider
_ENDS = ("。", "！", "？", "；", "!", "?", ";", "…", "”。")


def display_width(s: str) -> int:
    """Columns ``s`` takes on a page or a terminal: two for a wide (CJK) character, one for the others."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def wrap_width(lines: list[str], blocks: list[Block]) -> int | None:
    """The width (display columns) the text was wrapped at, when it is hard-wrapped; else None."""
    measured = [(display_width(lines[b.line - 1].rstrip(" \u3000")), b.text.rstrip().endswith(_ENDS)) for b in blocks
                if b.kind in ("paragraph", "heading") and b.line is not None and b.end_line == b.line
                and len(b.text) >= 8]
    if len(measured) < MIN_LINES:
        return None
    widths = [w for w, _ in measured]
    # the width most lines reach: the most common width among the widest half, give or take the tolerance
    widths.sort()
    top = widths[len(widths) // 2:]
    counts = Counter(top)
    best = max(counts, key=lambda w: (sum(counts[v] for v in range(w - TOLERANCE, w + 1)), w))
    full = sum(1 for w in widths if best - TOLERANCE <= w <= best + TOLERANCE)
    if full < MIN_LINES or full < MIN_SHARE * len(widths) or not MIN_WIDTH <= best <= MAX_WIDTH:
        return None
    # cut mid-sentence: most full lines of a wrapped text end inside a sentence; a text of one sentence a line whose
    # sentences are of a length ends its lines with 。
    cut = sum(1 for w, ends in measured if w >= best - TOLERANCE and not ends)
    return best if cut >= MIN_CUT * full else None


def rejoin(lines: list[str], blocks: list[Block], is_title: Callable[[str], bool],
           in_columns: Callable[[str], bool]) -> tuple[list[Block], dict[int, int]]:
    """``blocks`` with the lines of each hard-wrapped paragraph joined into one block (see the module's text), and
    the new index of each block that was not joined to an earlier one (by its old index); ``blocks`` itself and no
    map when the text is not hard-wrapped.  ``is_title(text)``: whether a line is a part's title (never joined to
    the next line); ``in_columns(line)``: whether a line is laid out in columns (joined to neither neighbour)."""
    width = wrap_width(lines, blocks)
    if width is None:
        return blocks, {}
    out: list[Block] = []
    run: list[Block] = []

    def flush() -> None:
        if len(run) == 1:
            out.append(run[0])
        elif run:
            out.append(_joined(run, len(out)))
        run.clear()

    moved: dict[int, int] = {}
    for b in blocks:
        if run and _continues(lines, run[-1], b, width, is_title, in_columns):
            run.append(b)
            continue
        flush()
        moved[b.index] = len(out)
        if b.kind in ("paragraph", "heading") and b.end_line == b.line:
            run.append(b)
        else:
            out.append(b)
    flush()
    if len(out) == len(blocks):
        return blocks, {}
    return [_renumber(b, i) for i, b in enumerate(out)], moved


def _continues(lines: list[str], prev: Block, b: Block, width: int, is_title: Callable[[str], bool],
               in_columns: Callable[[str], bool]) -> bool:
    """Whether line block ``b`` goes on the paragraph whose last line is ``prev``."""
    if b.kind != "paragraph" or b.line is None or prev.line is None or b.end_line != b.line:
        return False
    if not 1 <= b.line - prev.line <= 2 or (b.line - prev.line == 2 and lines[prev.line].strip()):
        return False  # next line, or the one after a blank line (a double-spaced copy)
    if in_columns(lines[prev.line - 1]) or in_columns(lines[b.line - 1]):
        return False  # a table's header over a row left blank (信息内容    本年新制作数量 … / 规章): not prose
    last = prev.text.rstrip()
    if not last or last.endswith(_ENDS) or is_title(prev.text):
        return False
    return display_width(lines[prev.line - 1].rstrip(" \u3000")) >= width - TOLERANCE


def _joined(run: list[Block], index: int) -> Block:
    """One paragraph block of the line blocks ``run``, their texts joined with nothing between (a Chinese text's
    line break is no space), an anchor at each line's start."""
    parts: list[str] = []
    anchors: list[Anchor] = []
    offset = 0
    for b in run:
        for a in b.anchors or (new_anchor(0, b.line or 1, b.column or 1),):
            anchors.append(new_anchor(offset + a.offset, a.line, a.column, a.page))
        parts.append(b.text)
        offset += len(b.text)
    first, last = run[0], run[-1]
    return new_block(index=index, kind="paragraph", text="".join(parts), line=first.line, column=first.column,
                     end_line=last.end_line, end_column=last.end_column, anchors=tuple(anchors))


def _renumber(b: Block, index: int) -> Block:
    if b.index == index:
        return b
    return new_block(index=index, kind=b.kind, text=b.text, line=b.line, column=b.column, end_line=b.end_line,
                     end_column=b.end_column, anchors=b.anchors, level=b.level, table=b.table, pointer=b.pointer)
