"""Plain-text reader: reports as pasted into a text file or scraped from a web page.

There is no markup, so structure comes from the text itself:

* every non-blank line is one block (scraped pages put one paragraph per line);
* a line that starts with a heading number (一、 （一） 1. （1）) and is short
  is a heading, with the level given by the numbering;
* two or more consecutive lines split by tabs, pipes or runs of two or more
  spaces into the same kind of cells form a table.  Each tab is one cell boundary
  (``规章\t\t0`` has an empty middle cell, as in a copy from a spreadsheet); a run
  of spaces is one boundary and cannot show an empty cell, so such tables are listed
  in ``Document.space_separated_tables`` (block indices): such a table cannot show an empty cell (a
  wider run of spaces is still one boundary), so a row with fewer cells than its table has columns
  does not say which cells are empty; the statistics extractor does not place its numbers.
"""

from __future__ import annotations

import re

from ..limits import DEFAULT_LIMITS, Limits
from ..model import Block, Document, ReaderNotice, Row, Table
from ..textio import decode
from .lines import (
    PICTURE,
    anchored,
    block_limit_notice,
    capped_rows,
    new_block,
    split_cells,
    strip_span,
    table_limit_notice,
    table_text,
)

_TAB = re.compile(r"\t")
_SEPARATORS = (
    # every tab is one cell boundary (a table pasted from a spreadsheet or Word): two tabs in a row
    # hold an empty cell, so the cells right of it keep their columns
    ("tab", _TAB),
    ("pipe", re.compile(r"\s*(?<!\\)\|\s*")),
    ("spaces", re.compile(r"(?:[ \u3000]{2,})")),
)


CN_NUM = "一二三四五六七八九十"
HEADING = re.compile(
    rf"^(?:(?P<l1>[{CN_NUM}]{{1,3}}[、．.])"
    rf"|(?P<l2>[（(][{CN_NUM}]{{1,3}}[）)])"
    rf"|(?P<l3>\d{{1,2}}[.．、](?!\d))"
    rf"|(?P<l4>[（(]\d{{1,2}}[）)]))"
)
MAX_HEADING_LEN = 40


def heading_level(text: str) -> int | None:
    """Level 1–4 for a short numbered heading line, else None."""
    if len(text) > MAX_HEADING_LEN or text.endswith(("。", "；", ";", "，", ",")):
        return None
    m = HEADING.match(text)
    if not m:
        return None
    for level in (1, 2, 3, 4):
        if m.group(f"l{level}"):
            return level
    return None


def _split_kind(line: str) -> str | None:
    body = line.strip(" \u3000")
    for name, pat in _SEPARATORS:
        if name == "pipe":
            if body.count("|") >= 2 or (body.count("|") >= 1 and not body.startswith("|")):
                return name
        elif pat.search(body):
            return name
    return None


def read(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    text, encoding = decode(data)
    return parse(text, path=path, encoding=encoding, limits=limits)


def parse(text: str, path: str = "<string>", encoding: str | None = "utf-8",
          limits: Limits = DEFAULT_LIMITS) -> Document:
    """One block per line; runs of lines split the same way are a table.  At most ``limits.max_blocks`` blocks
    and ``limits.max_table_cells`` cells per table are read; the rest is a notice (DL002), once each."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[Block] = []
    gap_tables: list[int] = []  # tables split on runs of spaces: an empty cell leaves no trace
    notices: list[ReaderNotice] = []
    cells_left = limits.max_table_cells  # for all the tables of the file
    i = 0
    n = len(lines)
    while i < n:
        if len(blocks) >= limits.max_blocks:
            if any(line.strip() for line in lines[i:]):
                notices.append(block_limit_notice(limits.max_blocks, i + 1))
            break
        raw = lines[i]
        body, c0 = strip_span(raw)
        if not body:
            i += 1
            continue
        kind = _split_kind(raw)
        if kind == "tab" and "\t" not in body:
            # only leading or trailing tabs (an indented paragraph) do not start a table; inside a
            # table such a line is a row whose other cells are empty (（三）不予公开 after a merged cell)
            kind = None
        if kind is not None:
            j = i
            while j < n and lines[j].strip() and _split_kind(lines[j]) == kind:
                j += 1
            if j - i >= 2:
                if kind == "spaces":
                    gap_tables.append(len(blocks))
                stop, cut, got = capped_rows(lines, i, j, dict(_SEPARATORS)[kind], max(1, cells_left))
                cells_left -= got
                if stop < j or cut:
                    notices.append(table_limit_notice(limits.max_table_cells, i + 1, stop - i))
                    if cut:
                        lines[i] = lines[i][:cut]
                blocks.append(_table(lines, i, stop, kind, len(blocks)))
                i = j
                continue
        level = heading_level(body)
        text_, anchors = anchored([(body, i + 1, c0 + 1)])
        blocks.append(new_block(
            index=len(blocks), kind="heading" if level else ("image" if PICTURE.match(body) else "paragraph"), text=text_,
            line=i + 1, column=c0 + 1, end_line=i + 1, end_column=c0 + 1 + len(body),
            anchors=anchors, level=level,
        ))
        i += 1
    return Document(path=path, format="text", encoding=encoding, text=text, blocks=tuple(blocks),
                    notices=tuple(notices), space_separated_tables=tuple(gap_tables))


def _strip_spaces(line: str) -> tuple[str, int]:
    """Strip spaces (not tabs) from both ends of ``line``; return (text, 0-based start column)."""
    start, end = 0, len(line)
    while start < end and line[start] in " \u3000":
        start += 1
    while end > start and line[end - 1] in " \u3000":
        end -= 1
    return line[start:end], start


def tab_row(raw: str, line_no: int, row_index: int = 0) -> Row:
    """One line of a tab-separated table: every tab is one cell boundary.  Leading and trailing tabs are
    kept — they delimit empty cells (merged cells left empty at the start of a row, empty last cells);
    only spaces around the row are indentation.  Columns are those of ``raw``."""
    body, c0 = _strip_spaces(raw)
    return split_cells(body, line_no, row_index, _TAB, shift=c0)


def _table(lines: list[str], start: int, end: int, kind: str, index: int) -> Block:
    pattern = dict(_SEPARATORS)[kind]
    rows: list[Row] = []
    for k in range(start, end):
        raw = lines[k]
        if kind == "tab":
            rows.append(tab_row(raw, k + 1, len(rows)))
            continue
        body, c0 = strip_span(raw)
        if kind == "pipe":
            # one border pipe at each end; further pipes delimit empty cells
            if body.startswith("|"):
                body = body[1:]
                c0 += 1
            if body.endswith("|") and not body.endswith("\\|"):
                body = body[:-1]
        # split inside the stripped body, columns shifted back to the raw line
        rows.append(split_cells(body, k + 1, len(rows), pattern, shift=c0))
    text_, anchors = table_text(rows)
    return new_block(index=index, kind="table", text=text_, line=start + 1, column=1, end_line=end,
                 end_column=len(lines[end - 1]) + 1, anchors=anchors, table=Table(rows=tuple(rows)))
