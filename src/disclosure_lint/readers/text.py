"""Plain-text reader: reports as pasted into a text file or scraped from a web page.

There is no markup, so structure comes from the text itself:

* every non-blank line is one block (scraped pages put one paragraph per line), except in a hard-wrapped text (a
  PDF's text), whose lines are joined back into their paragraphs (:mod:`.reflow`);
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
from typing import TYPE_CHECKING

from ..limits import DEFAULT_LIMITS, Limits
from ..model import Block, Document, ReaderNotice, Row, Table
from ..textio import decode_lenient
from . import cjk_fold
from .layout_header import figure_row, split_numbers, stack_header
from .lines import (
    PICTURE,
    anchored,
    block_limit_notice,
    capped_rows,
    new_block,
    pandoc_gate,
    split_cells,
    strip_span,
    table_limit_notice,
    table_text,
    with_script,
    with_undecodable,
)
from .print_furniture import blank_in_text
from .reflow import rejoin
from .script import simplified

if TYPE_CHECKING:
    from .md_pandoc import PandocTable

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


def _in_columns(line: str) -> bool:
    """Whether a line is laid out in columns as a table's row is (tabs, pipes or runs of spaces between its cells;
    not a paragraph indented by a tab)."""
    kind = _split_kind(line)
    return kind is not None and (kind != "tab" or "\t" in line.strip(" \u3000\t"))


def read(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    text, encoding, bad = decode_lenient(data)  # a few bytes UTF-8 cannot decode: read, and said (DL002)
    text, script = simplified(text)  # a page's 繁體 view: read as the simplified text it was made from (DL008)
    return with_script(with_undecodable(parse(text, path=path, encoding=encoding, limits=limits), bad), script)


def parse(text: str, path: str = "<string>", encoding: str | None = "utf-8",
          limits: Limits = DEFAULT_LIMITS) -> Document:
    """One block per line; runs of lines split the same way are a table.  At most ``limits.max_blocks`` blocks
    and ``limits.max_table_cells`` table cells (all tables) are read; reading stops at either, with a notice (DL002)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    radicals = cjk_fold.radicals(text)
    if radicals is not None and "\r" in text:  # (where it is on the lines as read: \r\n and \r end lines)
        radicals = cjk_fold.radicals(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = cjk_fold.fold(text)  # a PDF's text (pdftotext, a viewer's copy): 人⺠政府 for 人民政府, one for one
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if "\f" in text:  # a page break (pdftotext starts each page with one): blank, one column wide as it was
        blank_in_text(lines)  # a browser's print header and footer on each page (Chrome's print to PDF)
        lines = [line.replace("\f", " ") for line in lines]
    blocks: list[Block] = []
    gap_tables: list[int] = []  # tables split on runs of spaces: an empty cell leaves no trace
    notices: list[ReaderNotice] = []
    cells_left = limits.max_table_cells  # for all the tables of the file
    pandoc = _pandoc_tables(text, lines, limits)  # pandoc -t plain's tables, by their first line
    i = 0
    n = len(lines)
    while i < n:
        if len(blocks) >= limits.max_blocks:
            if any(line.strip() for line in lines[i:]):
                notices.append(block_limit_notice(limits.max_blocks, i + 1))
            break
        if pandoc and i in pandoc:
            from .md_pandoc import cells_of, table_block

            t = pandoc[i]
            blocks.append(table_block(t, len(blocks)))
            cells_left -= cells_of(t)
            if t.cut:
                notices.append(table_limit_notice(limits.max_table_cells, i + 1, len(t.rows)))
                break
            i = t.end
            continue
        raw = lines[i]
        body, _ = strip_span(raw)
        if not body:
            i += 1
            continue
        kind = _split_kind(raw)
        if kind == "pipe" and _prose_cell(raw):
            kind = None  # (an old portal's article in its layout table's one cell: 2013年，我镇认真贯彻…。 附件下载:… |)
        if kind == "tab" and "\t" not in body:
            # only leading or trailing tabs (an indented paragraph) do not start a table; inside a
            # table such a line is a row whose other cells are empty (（三）不予公开 after a merged cell)
            kind = None
        if kind is not None:
            j = i
            while j < n and lines[j].strip() and (_split_kind(lines[j]) == kind
                                                  or (kind == "pipe" and _closing_pipe(lines, j))) \
                    and not (kind == "pipe" and _prose_cell(lines[j])):
                j += 1
                if kind == "spaces" and j < n:
                    j = _past_layout_lines(lines, j)
            if kind == "pipe" and (_cell_per_line(lines, i, j) or _row_goes_on(lines, j)):
                # a web page's table copied one cell per line, each ending in " |" (规章 | / 0 | / 0 |), with lines
                # of pipes only between its rows: not a grid of one column but a table flattened, read as such
                # (report/stats/flat.py), its lines paragraphs as the other flattened tables' are
                for k in range(i, j):
                    blocks.append(_line_block(lines, k, len(blocks)))
                i = j
                continue
            if j - i >= 2:
                stop, cut, got = capped_rows(lines, i, j, dict(_SEPARATORS)[kind], max(1, cells_left))
                cells_left -= got
                if stop < j or cut:
                    notices.append(table_limit_notice(limits.max_table_cells, i + 1, stop - i))
                    if cut:
                        lines[i] = lines[i][:cut]
                rows = _rows(lines, i, stop, kind)
                if kind == "spaces":
                    # a header laid out by position over several lines (a PDF's text), and the caption lines above
                    # it, which are paragraphs
                    rows, lead = stack_header(lines, [split_numbers(row) for row in rows])
                    for row in rows[:lead]:
                        blocks.append(_line_block(lines, (row.line or 1) - 1, len(blocks)))
                    rows = rows[lead:]
                    gap_tables.append(len(blocks))
                blocks.append(_table(lines, rows, stop, len(blocks)))
                if stop < j or cut:
                    break  # the table cut: nothing after it is read (the notice says so)
                i = j
                continue
        blocks.append(_line_block(lines, i, len(blocks)))
        i += 1
    # a hard-wrapped text's lines put back into paragraphs (not a line laid out in columns, as a table's are)
    blocks, moved = rejoin(lines, blocks, _is_title, _in_columns)
    if moved:
        gap_tables = [moved[i] for i in gap_tables if i in moved]
    if radicals is not None:  # (read as the characters they stand for; the rule says they were there: DL708)
        count, at, char, kinds = radicals
        joined = "\n".join(lines)
        notices.append(ReaderNotice("radical-characters", value=count, example=char, detail=kinds,
                                    line=joined.count("\n", 0, at) + 1, column=at - (joined.rfind("\n", 0, at) + 1) + 1))
    return Document(path=path, format="text", encoding=encoding, text=text, blocks=tuple(blocks),
                    notices=tuple(notices), space_separated_tables=tuple(gap_tables))


def _cell_per_line(lines: list[str], i: int, j: int) -> bool:
    """Whether the pipe-split lines ``lines[i:j]`` each hold one cell at the most (``规章 |``, ``|||``) and one at least
    ends in a pipe after its text: a table flattened one cell per line (:func:`parse`), not rows of a grid."""
    ends = False
    for k in range(i, j):
        body = lines[k].strip(" \u3000\t")
        inner = body.lstrip("|").rstrip(" \u3000\t|")  # (a row's end may follow the cell: 0 | ||)
        if "|" in inner.replace("\\|", ""):
            return False  # two cells on the line
        # a cell's text with a pipe on one side only: 规章 | (the pipe after it), or | 规章 between lines of a pipe
        # alone (| 规章 / | / 0 / | / 0 …: each cell's pipe before it; a number's line then has none)
        ends = ends or (inner.strip() != "" and body.endswith("|") != body.startswith("|"))
    return ends


def _pandoc_tables(text: str, lines: list[str], limits: Limits) -> dict[int, PandocTable]:
    """Pandoc's simple, multiline and grid tables in a text (``pandoc -t plain`` writes a Word report's tables so:
    :mod:`.md_pandoc`), by their first line; empty for a text with no line of dashes or grid border."""
    if not pandoc_gate(text):
        return {}
    from .md_pandoc import find_tables

    return {t.start: t for t in find_tables(lines, limits.max_table_cells)}


MAX_LAYOUT_LINES = 4  # lines of a PDF table's text that hold a word or two, between two of its split lines
MAX_LAYOUT_LINE = 30  # (a row label cut at its cell's width: （二）部分公开（区分处理的，只计这一情 形，不)
MAX_LAYOUT_BLANKS = 2  # blank lines pdftotext -layout prints where a PDF table's rows are far apart
_INDENT = re.compile(r"[ \u3000]{2}")
_PART_TITLE = re.compile(rf"[{CN_NUM}]{{1,3}}[、．.]\S{{2}}")  # 四、政府信息公开行政复议… : a part's title, never a row


def _past_layout_lines(lines: list[str], j: int) -> int:
    """``j``, or past what lies between line ``j - 1`` of a table split on runs of spaces and a further line of it:
    up to :data:`MAX_LAYOUT_LINES` short indented lines that are not split, and at most :data:`MAX_LAYOUT_BLANKS`
    blank lines in a row.  A PDF table's text kept with its layout prints a header cell's last word (组织 机构), a row
    label's start or end (计其他情形）) or a vertical label's character (、, and 年 alone at the margin) on a line of its
    own, and blank lines where the PDF's rows are far apart (two under a header of several lines); they are the
    table's, not paragraphs between two tables.  Past a blank line only to a line of three numbers or more (a row of
    figures, not the next table's header); never past a part's title."""
    k = j
    blank = False
    run = 0  # blank lines in a row
    short = 0
    while k < len(lines):
        raw = lines[k]
        body = raw.strip(" \u3000")
        if not body:
            if run == MAX_LAYOUT_BLANKS:
                return j
            blank = True
            run += 1
            k += 1
            continue
        run = 0
        if _split_kind(raw) == "spaces":
            if k == j:
                return j  # (the caller's own loop goes on)
            if blank and not figure_row(body):
                return j
            return k
        if (short == MAX_LAYOUT_LINES or not (_INDENT.match(raw) or len(body) == 1) or len(body) > MAX_LAYOUT_LINE
                or body[-1] in "。；;" or _PART_TITLE.match(body)):
            return j
        short += 1
        k += 1
    return j


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


def _is_title(text: str) -> bool:
    """A part's or a heading's title (一、总体情况; not （二）依申请公开情况。根据…, a heading run into its text)."""
    return heading_level(text) is not None and "。" not in text


def _line_block(lines: list[str], i: int, index: int) -> Block:
    """The line ``lines[i]`` as a block: a heading, a picture's placeholder or a paragraph."""
    body, c0 = strip_span(lines[i])
    level = heading_level(body)
    text_, anchors = anchored([(body, i + 1, c0 + 1)])
    return new_block(
        index=index, kind="heading" if level else ("image" if PICTURE.match(body) else "paragraph"), text=text_,
        line=i + 1, column=c0 + 1, end_line=i + 1, end_column=c0 + 1 + len(body),
        anchors=anchors, level=level,
    )


_PROSE_CELL = 120  # characters of a row's one cell, with a full stop, that make it the page's text, not a table's cell


def _prose_cell(line: str) -> bool:
    """A pipe row that is one long cell of sentences (a page's article laid out in a table's cell), not a table's row."""
    if line.count("|") > 2 or len(line) < _PROSE_CELL or "。" not in line:
        return False
    return len(line.replace("|", "").strip()) >= _PROSE_CELL


def _lone_pipe(line: str) -> bool:
    """A line holding one pipe and nothing else."""
    return line.strip(" \u3000\t") == "|"


def _row_goes_on(lines: list[str], j: int) -> bool:
    """Whether lone pipes at ``lines[j]`` are followed by a value led by its pipe (``| 25 |``): a row written one cell
    a line after its first cells (``一、本年新收… | 25 |`` / ``|`` / ``|`` / ``| 25 |``), the lone pipes its empty
    cells."""
    k = j
    while k < len(lines) and _lone_pipe(lines[k]):
        k += 1
    if k == j or k == len(lines):
        return False
    nxt = lines[k].strip(" \u3000\t")
    return nxt.startswith("|") and "|" not in nxt[1:].rstrip("| \u3000\t") and nxt.strip("| \u3000\t") != ""


def _closing_pipe(lines: list[str], j: int) -> bool:
    """Whether ``lines[j]`` is a lone pipe right after a pipe row that does not end in one (``规章 | 0 | 0 | 0`` / ``|``):
    the row's closing pipe, pushed onto a line of its own by the page's copy.  After a row that ends in a pipe
    (``一、本年新收… | 25 |`` / ``|`` / ``|`` / ``| 25 |``) lone pipes are the empty cells of a row written one cell
    a line: the table ends there, and the flattened-table reader reads the lines."""
    if j == 0 or not _lone_pipe(lines[j]):
        return False
    before = lines[j - 1].strip(" \u3000\t")
    return "|" in before and not before.endswith("|") and not _lone_pipe(before)


def _rows(lines: list[str], start: int, end: int, kind: str) -> list[Row]:
    """The rows of the table of ``lines[start:end]`` split the ``kind`` way, one a line."""
    pattern = dict(_SEPARATORS)[kind]
    rows: list[Row] = []
    for k in range(start, end):
        raw = lines[k]
        if not raw.strip():
            continue  # a blank line inside a table kept with a PDF's layout (_past_layout_lines)
        if kind == "tab":
            rows.append(tab_row(raw, k + 1, len(rows)))
            continue
        body, c0 = strip_span(raw)
        if kind == "pipe":
            if _lone_pipe(body):
                continue  # the row above's closing pipe, pushed onto a line of its own (规章 | 0 | 0 | 0 / |)
            # one border pipe at each end; further pipes delimit empty cells
            if body.startswith("|"):
                body = body[1:]
                c0 += 1
            if body.endswith("|") and not body.endswith("\\|"):
                body = body[:-1]
        # split inside the stripped body, columns shifted back to the raw line
        rows.append(split_cells(body, k + 1, len(rows), pattern, shift=c0))
    return rows


def _table(lines: list[str], rows: list[Row], end: int, index: int) -> Block:
    text_, anchors = table_text(rows)
    return new_block(index=index, kind="table", text=text_, line=rows[0].line, column=1, end_line=end,
                     end_column=len(lines[end - 1]) + 1, anchors=anchors, table=Table(rows=tuple(rows)))
