"""The main text of a Word 97–2003 (.doc) document, for the .doc reader: what is left out of it and how.

A field shows its result, not its code (``\\x13`` code ``\\x14`` result ``\\x15``); deleted and hidden runs are left out.
Both are spans of the text (:func:`field_codes`, the reader's deleted runs), :func:`merged` into sorted spans that do
not overlap, then cut out of each paragraph's slice of the text (:func:`kept`), never out of a copy of the whole
text; a paragraph mark inside one joins its paragraph to the next (:func:`inside`).
"""

from __future__ import annotations

import re
from bisect import bisect_right

MAX_NESTING = 64

MARKS = re.compile("[\r\x07\x0c]")
FIELD_MARKS = re.compile("[\x13\x14\x15\r\x07\x0c]")


def field_codes(text: str) -> list[tuple[int, int]]:
    """Spans of the text that are field codes or field marks (a field shows its result only).  A code
    holds no paragraph: one still open at a paragraph's end (a field never separated nor ended) ends there, so that
    the next paragraphs are read, as in the Word reader."""
    out: list[tuple[int, int]] = []
    stack: list[int] = []  # start of the code of each open field, or -1 once past its separator
    if "\x13" not in text:
        return out
    n = len(text)
    for m in FIELD_MARKS.finditer(text):
        i = m.start()
        ch = text[i]
        if ch == "\x13":
            if len(stack) < MAX_NESTING:
                stack.append(i)
        elif ch == "\x14" and stack:
            if stack[-1] >= 0:
                out.append((stack[-1], i + 1))
                stack[-1] = -1
        elif ch == "\x15" and stack:
            start = stack.pop()
            out.append((start, i + 1) if start >= 0 else (i, i + 1))
        elif ch not in "\x13\x14\x15" and stack:  # a paragraph's end
            first = next((start for start in stack if start >= 0), None)
            if first is not None:  # (the codes still open nest: the outermost one covers them all)
                out.append((first, i))
                stack[:] = [-1] * len(stack)
    if stack and stack[-1] >= 0:  # a field never closed: its code runs to the end
        out.append((stack[-1], n))
    return out


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` sorted, overlapping ones joined: each character is dropped once, however deep the nesting."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def inside(spans: list[tuple[int, int]], first: int, i: int) -> bool:
    """Whether position ``i`` is in one of ``spans[first:]`` (sorted, not overlapping)."""
    k = bisect_right(spans, (i, 1 << 62), first) - 1
    return k >= first and spans[k][0] <= i < spans[k][1]


def kept(text: str, start: int, end: int, spans: list[tuple[int, int]], first: int) -> str:
    """``text[start:end]`` without the parts in ``spans[first:]`` (sorted, not overlapping)."""
    parts: list[str] = []
    at = start
    for k in range(first, len(spans)):  # (no slice: a copy of the rest of the spans per paragraph)
        a, b = spans[k]
        if a >= end:
            break
        if a > at:
            parts.append(text[at:a])
        at = max(at, b)
        if at >= end:
            break
    if at < end:
        parts.append(text[at:end])
    return "".join(parts)
