"""Markdown reader (CommonMark + GFM tables) built on markdown-it-py.

Only markdown-it's *block* phase runs: inline parsing is not needed (rules lint the
author's source text, markup included) and skipping it makes parsing about twice
as fast.  ``Token.map`` gives the source lines of every block and table row; the
column of each piece of text is found in its source line.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache
from html import unescape
from itertools import accumulate, repeat
from operator import add, sub
from typing import Any

from markdown_it import MarkdownIt, rules_block
from markdown_it import __version__ as markdown_it_version
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.rules_block.table import table as gfm_table
from markdown_it.rules_core import block, normalize
from markdown_it.rules_core.state_core import StateCore

from ..limits import DEFAULT_LIMITS, Limits
from ..memo import Kept
from ..model import CELL_ANCHORS, Anchor, Block, BlockKind, Document, ReaderNotice, Table, slots_twin
from ..textio import decode_lenient
from .html_tables import CellBudget, FragmentTable, fragment_tables
from .lines import (
    PICTURE,
    anchored,
    block_limit_notice,
    capped_rows,
    new_block,
    pandoc_gate,
    pipe_rows,
    table_limit_notice,
    with_script,
    with_undecodable,
)
from .md_block import (
    FAST_PUSH,
    VERIFIED,
    FastStateBlock,
    atx_heading,
    dispatching_tokenize,
    lheading_checked,
    paragraph_checked,
    plain_blocks,
    table_starts,
)
from .script import simplified

_PIPE = re.compile(r"(?<!\\)\|")
_HTML_TABLE = re.compile(r"<table\b.*?(?:</table\s*>|\Z)", re.I | re.S)
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_HTML_TAG = re.compile(r"<[^>]*>?")


# The first characters that can start a block which ends a table: ``` ~~~ > * - _ + # < and ordered-list digits.
_STARTERS = frozenset("`~>*-_+#<0123456789")


def _gfm_starts(state, startLine: int, endLine: int) -> bool:
    return gfm_table(state, startLine, endLine, True)


def _rows_end(state, nextLine: int, endLine: int) -> int:
    """Where a GFM table whose rows go on at line ``nextLine`` ends (exclusive): markdown-it's ``table`` rule's
    termination logic, line by line (the rule itself makes a token per cell: :func:`_table_rule`'s rule does not)."""
    terminators = state.md.block.ruler.getRules("blockquote")
    old_parent = state.parentType
    state.parentType = "table"
    src = state.src
    bMarks, eMarks, tShift, sCount = state.bMarks, state.eMarks, state.tShift, state.sCount
    while nextLine < endLine:
        if sCount[nextLine] < state.blkIndent:
            break
        start = bMarks[nextLine] + tShift[nextLine]
        # every terminator (fence, blockquote, hr, list, html block, heading) needs one of _STARTERS as the
        # line's first character: a table row (``| …``) is not asked six times whether it starts a block
        if (start < eMarks[nextLine] and src[start] in _STARTERS
                and any(rule(state, nextLine, endLine, True) for rule in terminators)):
            break
        # is_code_block needs an indent of 4 or more: checked here first (no call for every row)
        if start >= eMarks[nextLine] or (sCount[nextLine] - state.blkIndent >= 4
                                         and state.is_code_block(nextLine)):
            break
        nextLine += 1
    state.parentType = old_parent
    return nextLine


def _starts_at(starts, state, startLine: int, endLine: int) -> bool:
    """Does a GFM table start at line ``startLine``: ``starts(state, startLine, endLine)`` (:func:`_table_rule`),
    asked only when the next line can be a delimiter row."""
    # gfm_table returns False at once unless the next line (the delimiter row) starts with | - or : (after its
    # indent; an empty line has none): checked here first, as most blocks are paragraphs followed by an empty line
    nxt = startLine + 1
    if nxt >= endLine:
        return False
    pos = state.bMarks[nxt] + state.tShift[nxt]
    if pos >= state.eMarks[nxt] or state.src[pos] not in "|-:":
        return False
    return starts(state, startLine, endLine)


def _table_rule(starts):
    """The ``table_lines`` rule; ``starts(state, startLine, endLine)`` says whether a table starts at a line: markdown-it's
    own ``table`` rule in silent mode, or its equivalent :func:`.md_block.table_starts`."""
    def table_extent(state, startLine: int, endLine: int, silent: bool) -> bool:
        """GFM table recognition without per-cell tokens.

        markdown-it's own ``table`` rule decides whether a table starts here (header and
        delimiter rows); this rule then finds where it ends with the same termination logic
        (:func:`_rows_end`) and pushes ONE ``table_lines`` token whose map covers the table.  The reader splits
        the rows itself (it needs exact cell columns anyway), which avoids ~10 tokens per
        cell and makes table-heavy reports parse about three times faster.
        """
        if not _starts_at(starts, state, startLine, endLine):
            return False
        if silent:
            return True
        nextLine = _rows_end(state, startLine + 2, endLine)
        token = state.push("table_lines", "table", 0)
        token.map = [startLine, nextLine]
        state.line = nextLine
        return True
    return table_extent


#: a run of lines that each start with a pipe (the last one may end the source without a line break)
_PIPE_LINES = re.compile(r"(?:\|[^\n]*(?:\n|\Z))*")


def _plain_table_end(state, startLine: int, endLine: int) -> int:
    """Where the GFM table at line ``startLine`` of a plain document's state (:func:`.md_block.plain_blocks`: the
    top level, every line's marks its own; markdown-it-py a version verified) ends, as the ``table_lines`` rule finds
    it (no token pushed); 0: no table starts there.  The rows that start with a pipe in their first column (nearly all) are passed over at once, by a
    match over the source: at the top level such a line is no empty line, no code (no indent) and starts no other
    block, so the rule's loop (:func:`_rows_end`) goes on past each; it looks at the line after them."""
    if not _starts_at(table_starts, state, startLine, endLine):
        return 0
    nextLine = startLine + 2
    if nextLine < endLine:
        bMarks = state.bMarks
        end = _PIPE_LINES.match(state.src, bMarks[nextLine]).end()  # type: ignore[union-attr]
        # a run's end is the start of the line after it (or the source's end: the fake last line's mark)
        nextLine = min(bisect_left(bMarks, end, nextLine), endLine)
    return _rows_end(state, nextLine, endLine)


# markdown-it tries every block rule, in order, at every block start (and the terminating ones at every line of a
# paragraph): each rule logs its entry and checks the line's indent before it looks at the line's first character.
# A rule below can only match a line whose first character (after its indent) is one of these; on any other first
# character it returns False at once, with no side effect (checked in the rule sources of the versions in
# _VERIFIED; tests/test_fast_paths.py compares the token streams with and without the checks).
_FIRST_CHARS = {"fence": "~`", "blockquote": ">", "hr": "*-_", "list": "*-+0123456789", "reference": "[",
                "html_block": "<", "heading": "#"}
_VERIFIED = VERIFIED


def _first_char_rule(rule, chars: str):
    def checked(state, startLine: int, endLine: int, silent: bool) -> bool:
        pos = state.bMarks[startLine] + state.tShift[startLine]
        # an empty line (pos at its end) is left to the rule itself
        if pos < state.eMarks[startLine] and state.src[pos] not in chars:
            return False
        return rule(state, startLine, endLine, silent)
    return checked


def _code_rule(rule):
    def checked(state, startLine: int, endLine: int, silent: bool) -> bool:
        # the rule returns False unless state.is_code_block(startLine), which needs an indent of 4 or more
        if state.sCount[startLine] - state.blkIndent < 4:
            return False
        return rule(state, startLine, endLine, silent)
    return checked


def _install_checks(md: MarkdownIt) -> bool:
    """The first-character checks before the block rules whose sources were verified, and the block loop that asks a
    line only the rules its first character allows (:func:`.md_block.dispatching_tokenize`); False: not installed
    (a rule is not the one verified)."""
    ruler = md.block.ruler
    originals = {"code": rules_block.code, "fence": rules_block.fence, "blockquote": rules_block.blockquote,
                 "hr": rules_block.hr, "list": rules_block.list_block, "reference": rules_block.reference,
                 "html_block": rules_block.html_block, "heading": rules_block.heading}
    for name, fn in (*originals.items(), ("lheading", rules_block.lheading), ("paragraph", rules_block.paragraph)):
        rule = ruler.__rules__[ruler.__find__(name)]
        if rule.fn is not fn:  # not the rule whose source was checked
            return False
    # the chain's rules in order, each with the first characters it can match (None: any; "code": an indent of 4)
    # and three rules with a faster equivalent in md_block (the token streams compared in tests/test_fast_paths*md.py)
    faster: dict[Any, Any] = {rules_block.lheading: lheading_checked(rules_block.lheading),
                              rules_block.paragraph: paragraph_checked(rules_block.paragraph),
                              rules_block.heading: atx_heading}
    chain = [(faster.get(rule.fn, rule.fn), "code" if rule.name == "code" else _FIRST_CHARS.get(rule.name))
             for rule in ruler.__rules__ if rule.enabled]
    for name, fn in originals.items():
        rule = ruler.__rules__[ruler.__find__(name)]
        ruler.at(name, _code_rule(fn) if name == "code" else _first_char_rule(fn, _FIRST_CHARS[name]),
                 {"alt": list(rule.alt)})
    md.block.tokenize = dispatching_tokenize(chain)  # type: ignore[method-assign,assignment]
    return True


@lru_cache(maxsize=2)
def _parser(checks: bool = True):
    """The block parser; ``checks``: with the fast paths verified for this markdown-it-py (:data:`_VERIFIED`)."""
    md = MarkdownIt("commonmark")
    fast = checks and markdown_it_version in _VERIFIED
    md.block.ruler.before("table", "table_lines", _table_rule(table_starts if fast else _gfm_starts),
                          {"alt": ["paragraph", "reference"]})
    if fast:
        _install_checks(md)
    return md


#: a line break followed by a space or a tab: a line after the first one starts with an indent (SRE scans for the
#: literal line break in C; str's search for the two characters, on a text of Chinese, took longer)
_INDENTED = re.compile(r"\n[ \t]").search


def _line_marks(src: str, lines: list[str] | None = None) -> tuple[list[int], list[int], list[int], list[int]]:
    """``StateBlock``'s line caches (bMarks, eMarks, tShift, sCount, without the fake last entry) of a non-empty
    source, computed a list at a time instead of a line at a time: each line's begin and end offset, its number of
    leading spaces and tabs, and its indent with tabs expanded to the next multiple of 4.  As markdown-it does, a
    last line without a newline that holds only spaces and tabs is no line.  ``lines``: ``src.split("\\n")`` when
    the caller has it."""
    lines = src.split("\n") if lines is None else lines.copy()
    if src.endswith("\n") or not lines[-1].strip(" \t"):
        del lines[-1]
    lens = list(map(len, lines))
    begins = list(accumulate([n + 1 for n in lens], initial=0))
    del begins[-1]
    ends = list(map(add, begins, lens))
    if not src.startswith((" ", "\t")) and _INDENTED(src) is None:
        # no line starts with a space or a tab (most reports): no indent, no tab to expand
        shifts = [0] * len(lines)
        return begins, ends, shifts, shifts.copy()
    shifts = list(map(sub, lens, map(len, map(str.lstrip, lines, repeat(" \t")))))
    counts = shifts.copy()
    if "\t" in src:
        for i, line in enumerate(lines):
            if "\t" in line[:shifts[i]]:
                offset = 0
                for ch in line[:shifts[i]]:
                    offset += 4 - offset % 4 if ch == "\t" else 1
                counts[i] = offset
    return begins, ends, shifts, counts


def _block_tokens(text: str, checks: bool = True, lines: list[str] | None = None):
    """markdown-it's block tokens of ``text``; ``lines``: the text's lines once normalised (split at "\\n" after
    "\\r\\n" and "\\r" became "\\n"), when the caller has them and the text has no NUL."""
    md = _parser(checks)
    state = StateCore(text, md, {})
    if not checks or markdown_it_version not in _VERIFIED:
        normalize(state)
        block(state)
        return state.tokens
    # normalize (4.3.0) rewrites each line break (\r\n and \r to \n) and NUL (to U+FFFD): a text with neither stays
    if "\r" in text or "\0" in text:
        normalize(state)
    src = state.src
    if not src:  # ParserBlock.parse makes no token of an empty source
        return state.tokens
    sb = _state_block(src, md, state.env, state.tokens, lines)
    md.block.tokenize(sb, sb.line, sb.lineMax)
    return state.tokens


def _state_block(src: str, md: MarkdownIt, env: Any, tokens: list, lines: list[str] | None) -> StateBlock:
    """What ParserBlock.parse makes of a non-empty (normalised) source, with StateBlock's line caches made by
    _line_marks (StateBlock's own loop runs once per line in Python): a state made for "" has every attribute set
    and its caches hold only the fake last line, which is appended again after the real ones."""
    sb = (FastStateBlock if FAST_PUSH else StateBlock)("", md, env, tokens)
    begins, ends, shifts, counts = _line_marks(src, lines)
    length = len(src)
    sb.src = src
    sb.bMarks = begins + [length]
    sb.eMarks = ends + [length]
    sb.tShift = shifts + [0]
    sb.sCount = counts + [0]
    sb.bsCount = [0] * (len(begins) + 1)
    sb.lineMax = len(begins)
    return sb


def _plain_blocks(text: str, lines: list[str]) -> list[tuple[int, int, int, str]] | None:
    """:func:`.md_block.plain_blocks` of a text without CR or NUL (``lines``: its lines), when markdown-it-py is a
    version verified (:data:`_VERIFIED`); None: the text is left to markdown-it's block phase."""
    if not text or "\r" in text or "\0" in text or markdown_it_version not in _VERIFIED:
        return None
    return plain_blocks(_state_block(text, _parser(True), {}, [], lines), _plain_table_end)


def _one_piece(content: str, first_line: int, src_lines: list[str]) -> tuple[str, int, int]:
    """One line of a block's ``content`` (no newline) as (text, 1-based line, 1-based column): it normally sits on
    source line ``first_line`` (0-based) or one of the next two (blank lines inside a block are skipped).  Called
    straight for a block of one line, the commonest, without :func:`_pieces`' split."""
    line_no = first_line
    col = -1
    for probe in range(first_line, min(first_line + 3, len(src_lines))):
        col = src_lines[probe].find(content) if content else 0
        if col >= 0:
            line_no = probe
            break
    if col < 0:
        src = src_lines[line_no] if line_no < len(src_lines) else ""
        col = len(src) - len(src.lstrip())
    stripped = content.lstrip(" \t\u3000")
    return stripped, line_no + 1, col + len(content) - len(stripped) + 1


def _pieces(content: str, first_line: int, src_lines: list[str]) -> list[tuple[str, int, int]]:
    """Map each line of block ``content`` to (text, 1-based line, 1-based column)."""
    pieces = []
    search_line = first_line
    for part in content.split("\n"):
        piece = _one_piece(part, search_line, src_lines)
        pieces.append(piece)
        search_line = piece[1]  # the line after the one it was found on (0-based)
    return pieces


_WS = " \t\u3000"


def _placer(content: str, pieces: list[tuple[str, int, int]]):
    """(line, column) in a block's ``content`` → in the file, from the block's :func:`_pieces`."""
    leads = [len(part) - len(part.lstrip(_WS)) for part in content.split("\n")]

    def place(line: int, column: int) -> tuple[int, int]:
        k = min(max(line, 1), len(pieces)) - 1
        return pieces[k][1], pieces[k][2] - leads[k] + column - 1

    return place


def _text_besides_tables(content: str) -> bool:
    """Does a raw-HTML block hold text outside its tables (kept as an ``html`` block besides the tables)?"""
    rest = _HTML_TAG.sub(" ", _HTML_COMMENT.sub(" ", _HTML_TABLE.sub(" ", content)))
    return bool(unescape(rest).strip(" \t\n\r\f\u3000\xa0"))


def _table_block(src_lines: list[str], start: int, end: int, cut: int, index: int) -> Block:
    """The table of source lines ``start`` (the header row, its first ``cut`` characters when ``cut``) to ``end``
    (exclusive; ``start + 1`` is the delimiter row): each row split into cells with exact columns (border pipes
    dropped) and the table's text (cells joined by tabs, rows by newlines), in one pass."""
    lines = [(src_lines[start][:cut] if cut else src_lines[start], start + 1)]
    lines += zip(src_lines[start + 2:end], range(start + 3, end + 1))
    rows, text = pipe_rows(lines, _PIPE)
    last_line = src_lines[end - 1] if end - 1 < len(src_lines) else ""
    # the anchors (one at every cell) are made from the cells if ever read: the rules locate a cell by the cell
    return new_block(index, "table", text, start + 1, 1, end, len(last_line) + 1, CELL_ANCHORS, None,
                     Table(rows=rows))


def _table_cells(src_lines: list[str], start: int, end: int, limit: int) -> tuple[int, int, int]:
    """:func:`.lines.capped_rows` of a GFM table: when all its cells fit in ``limit`` (counted at once: the pipes
    that are not escaped, one more cell than pipes per line), without going through the lines one by one."""
    joined = "\n".join(src_lines[start:end])  # a newline cannot make or hide a "\\|"
    # (the escaped pipes counted only in a table with a backslash: str's count of two characters in a text of Chinese
    # goes slower than its search for one)
    total = joined.count("|") - (joined.count("\\|") if "\\" in joined else 0) + (end - start)
    if total <= limit:
        return end, 0, total
    return capped_rows(src_lines, start, end, _PIPE, limit)


def read(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    text, encoding, bad = decode_lenient(data)  # a few bytes UTF-8 cannot decode: read, and said (DL002)
    text, script = simplified(text)  # in traditional script: read as the simplified text it was made from (DL008)
    return with_script(with_undecodable(parse(text, path=path, encoding=encoding, limits=limits), bad), script)


# A Markdown block takes at least one source line, and rarely more than a few: a source longer than this
# many lines per ``limits.max_blocks`` is cut before it is parsed (markdown-it takes seconds on 100,000 blocks).
LINES_PER_BLOCK = 4
# a heading's or paragraph's Anchor and Block are made in parse's loop, as lines.new_anchor and new_block make them
_AnchorSlots = slots_twin(Anchor)
_BlockSlots = slots_twin(Block)
_BLOCK_TOKENS = frozenset({"heading_open", "paragraph_open", "table_lines", "html_block", "fence", "code_block"})


def _line_block(index: int, level: int, list_depth: int, content: str, first: int, src_lines: list[str]) -> Block:
    """The block of a heading (``level`` 1–6) or a paragraph (``level`` 0; a list item when ``list_depth``) whose
    content (markdown-it's ``inline`` token's) starts on source line ``first`` (0-based)."""
    if "\n" in content:
        pieces = _pieces(content, first, src_lines)
        btext, anchors = anchored(pieces)
        line, column = pieces[0][1], pieces[0][2]
        last = pieces[-1]
        end_line, end_column = last[1], last[2] + len(last[0])
    else:  # most blocks: one line, one anchor
        # _one_piece's first probe, in line: the content on its own first line (nearly always)
        if first < len(src_lines) and (col := src_lines[first].find(content)) >= 0:
            btext = content.lstrip(_WS)
            line = first + 1
            column = col + len(content) - len(btext) + 1
        else:
            btext, line, column = _one_piece(content, first, src_lines)
        a: Any = _AnchorSlots()  # new_anchor(0, line, column), in line
        a.offset = 0
        a.line = line
        a.column = column
        a.page = None
        a.__class__ = Anchor
        anchors = (a,)
        end_line, end_column = line, column + len(btext)
    if level:
        kind: BlockKind = "heading"
    else:
        kind = "list_item" if list_depth else "paragraph"
        if kind == "paragraph" and PICTURE.match(btext):
            kind = "image"
    b: Any = _BlockSlots()  # new_block(index, kind, ...), in line
    b.index = index
    b.kind = kind
    b.text = btext
    b.line = line
    b.column = column
    b.end_line = end_line
    b.end_column = end_column
    b.anchors = anchors
    b.level = level or None
    b.table = None
    b.pointer = None
    b.__class__ = Block
    return b


# A heading's or a one-line paragraph's block in a plain document (:func:`.md_block.plain_blocks`), kept by its source
# line, its line number, its place among the blocks and its level (its content is a part of the line, cut by the line
# and the level): a report laid out as one read before holds the template's headings and sentences on the same lines
# at the same places (the 1,200 jobs reports: two blocks in three after the first 100), and such a block costs one
# lookup instead of the search for its column, an Anchor and a Block.  The objects are immutable, so the reports
# share them (as lines._PLACED shares a table's rows).  A block is kept only the second time its key is seen
# (:data:`_LINE_SEEN` holds the keys' hashes: a paragraph of new numbers, read once, does not push the template's
# blocks out): at most 1,024 blocks of lines of at most ``_LINE_KEPT`` characters.
_LINE_BLOCKS: Kept[tuple[str, int, int, int], Block] = Kept("Markdown: a plain heading's or paragraph's block", 1024)
_LINE_SEEN: Kept[int, bool] = Kept("Markdown: the hashes of the plain blocks' keys seen once", 4096)
_LINE_KEPT = 400


def _add_table(blocks: list[Block], notices: list[ReaderNotice], src_lines: list[str], start: int, end: int,
               cells_left: int, limits: Limits) -> int | None:
    """Append the block of the GFM table on source lines ``start`` to ``end`` (0-based, exclusive), as many of its
    cells as ``cells_left`` allows; returns the cells left for the next tables, or None when it is cut (a notice:
    reading stops there)."""
    stop, cut, got = _table_cells(src_lines, start, end, max(1, cells_left))
    if stop < end or cut:
        notices.append(table_limit_notice(limits.max_table_cells, start + 1, max(1, stop - start - 1)))
        end = max(stop, start + 1)
        blocks.append(_table_block(src_lines, start, end, cut, len(blocks)))
        return None
    blocks.append(_table_block(src_lines, start, end, cut, len(blocks)))
    return cells_left - got


#: a pandoc fenced div's fence (``::: footer``, ``::: {.related}``, ``:::``): pandoc writes a web page's <div>s so
_DIV_FENCE = re.compile(r" {0,3}:{3,}[ \t]*(?:\{[^}\n]*\}|[\w.-]+)?[ \t]*:*[ \t]*")


def _without_div_fences(src_lines: list[str]) -> list[str] | None:
    """The source's lines with pandoc's div fences blank (markup, not text: a fence right under the 落款's date made
    it a paragraph of two lines, and the date was no 落款's), or None when there is none."""
    out = [("" if line[:4].lstrip(" ")[:3] == ":::" and _DIV_FENCE.fullmatch(line) else line) for line in src_lines]
    return out if out != src_lines else None


def _pandoc_tables(text: str, src_lines: list[str], path: str, encoding: str | None,
                   limits: Limits) -> Document | None:
    """The document of a Markdown source holding pandoc's simple, multiline or grid tables (:mod:`.md_pandoc`): the
    rest read with the tables' lines left blank (same line numbers), the tables put in their places; None when
    the source holds none."""
    from .md_pandoc import cells_of, find_tables, table_block

    max_lines = LINES_PER_BLOCK * limits.max_blocks
    found = find_tables(src_lines[:max_lines], limits.max_table_cells)
    if not found:
        return None
    blanked = list(src_lines)
    for t in found:
        # a table cut at the cells' limit: nothing after it is read (its notice says so), as for the other tables
        end = len(blanked) if t.cut else t.end
        blanked[t.start:end] = [""] * (end - t.start)
    used = sum(map(cells_of, found))
    rest = parse("\n".join(blanked), path, encoding,
                 limits.model_copy(update={"max_table_cells": max(100, limits.max_table_cells - used)}))
    notices = list(rest.notices)
    tables = [(t.start + 1, table_block(t, 0)) for t in found]
    for t in found:
        if t.cut:
            notices.append(table_limit_notice(limits.max_table_cells, t.start + 1, len(t.rows)))
    blocks: list[Block] = []
    pending = iter(tables)
    nxt = next(pending, None)
    for b in rest.blocks:
        while nxt is not None and (b.line is None or b.line > nxt[0]):
            blocks.append(nxt[1])
            nxt = next(pending, None)
        blocks.append(b)
    while nxt is not None:
        blocks.append(nxt[1])
        nxt = next(pending, None)
    if len(blocks) > limits.max_blocks:
        blocks = blocks[:limits.max_blocks]
    blocks = [replace(b, index=i) if b.index != i else b for i, b in enumerate(blocks)]
    return replace(rest, text=text, blocks=tuple(blocks), notices=tuple(notices))


def parse(text: str, path: str = "<string>", encoding: str | None = "utf-8",
          limits: Limits = DEFAULT_LIMITS) -> Document:
    """The blocks of a Markdown source: at most ``limits.max_blocks`` blocks and ``limits.max_table_cells``
    table cells (all tables) are read; reading stops at either, with a notice (DL002)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    src_lines = (text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text).split("\n")
    notices: list[ReaderNotice] = []
    source = text
    max_lines = LINES_PER_BLOCK * limits.max_blocks
    if len(src_lines) > max_lines and any(line.strip() for line in src_lines[max_lines:]):
        source = "\n".join(src_lines[:max_lines]) + "\n"
        notices.append(block_limit_notice(limits.max_blocks, max_lines + 1, lines=True))
    blocks: list[Block] = []
    cells_left = limits.max_table_cells  # for all the tables of the file
    max_blocks = limits.max_blocks
    if ":::" in text and (unfenced := _without_div_fences(src_lines)) is not None:  # pandoc's fenced divs: markup
        return replace(parse("\n".join(unfenced), path, encoding, limits), text=text)
    # most reports are headings, one-line paragraphs and tables: their blocks found without markdown-it's tokens
    plain = _plain_blocks(text, src_lines) if source is text else None
    if plain is not None:
        kept, seen = _LINE_BLOCKS, _LINE_SEEN
        for level, start, end, content in plain:
            if len(blocks) >= max_blocks:
                notices[:] = [x for x in notices if x.limit != "max_blocks"]
                notices.append(block_limit_notice(limits.max_blocks, start + 1))
                break
            if level < 0:
                left = _add_table(blocks, notices, src_lines, start, end, cells_left, limits)
                if left is None:
                    break  # a table cut by the cells' limit: nothing after it is read
                cells_left = left
            elif content:
                # _line_block(len(blocks), level, 0, content, start, src_lines), kept (_LINE_BLOCKS)
                line = src_lines[start]
                key = (line, start, len(blocks), level)
                b = kept.get(key)
                if b is None:
                    b = _line_block(len(blocks), level, 0, content, start, src_lines)
                    if len(line) <= _LINE_KEPT:
                        h = hash(key)
                        if h in seen:
                            kept.keep(key, b)
                        else:
                            seen.keep(h, True)
                blocks.append(b)
        return Document(path=path, format="markdown", encoding=encoding, text=text, blocks=tuple(blocks),
                        notices=tuple(notices))
    # (a document with pandoc's tables is never one of plain blocks: their lines start with - or +, or make a
    # paragraph of several lines)
    if pandoc_gate(text):
        with_tables = _pandoc_tables(text, src_lines, path, encoding, limits)
        if with_tables is not None:
            return with_tables
    # the source's lines are src_lines unless it was cut or has a NUL (which markdown-it replaces)
    tokens = _block_tokens(source, lines=src_lines if source is text and "\0" not in text else None)
    list_depth = 0
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        t = tok.type
        if len(blocks) >= max_blocks and t in _BLOCK_TOKENS and tok.map is not None:
            notices[:] = [x for x in notices if x.limit != "max_blocks"]
            notices.append(block_limit_notice(limits.max_blocks, tok.map[0] + 1))
            break
        if t == "paragraph_open" or t == "heading_open":  # the commonest first
            content = tokens[i + 1].content
            if tok.map is not None and content:
                blocks.append(_line_block(len(blocks), int(tok.tag[1]) if t == "heading_open" else 0, list_depth,
                                          content, tok.map[0], src_lines))
            i += 3
            continue
        elif t in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif t in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif t == "table_lines" and tok.map is not None:
            left = _add_table(blocks, notices, src_lines, tok.map[0], tok.map[1], cells_left, limits)
            if left is None:
                break  # a table cut by the cells' limit: nothing after it is read
            cells_left = left
        elif t == "html_block" and tok.map is not None:
            content = tok.content.rstrip("\n")
            pieces = _pieces(content, tok.map[0], src_lines)
            tables: list[FragmentTable] = []
            cut_here = False
            if "<table" in content.lower():
                budget = CellBudget(max(1, cells_left))
                tables = fragment_tables(content, budget, _placer(content, pieces))
                cells_left -= budget.used
                if budget.cut is not None:
                    n_read = next((len(ft.table.rows) for ft in reversed(tables) if ft.line <= budget.cut[0]), 0)
                    notices.append(table_limit_notice(limits.max_table_cells, budget.cut[0], n_read))
                    cut_here = True
            if not tables or _text_besides_tables(content):
                btext, anchors = anchored(pieces)
                kind: BlockKind = ("comment" if content.lstrip().startswith("<!--")
                                   else "image" if PICTURE.match(btext) else "html")
                last = pieces[-1]
                blocks.append(new_block(index=len(blocks), kind=kind, text=btext, line=pieces[0][1], column=pieces[0][2],
                                    end_line=last[1], end_column=last[2] + len(last[0]), anchors=anchors))
            for ft in tables:
                blocks.append(new_block(
                    index=len(blocks), kind="table", text=ft.text, line=ft.line, column=ft.column,
                    end_line=max((a.line for a in ft.anchors), default=ft.line), anchors=ft.anchors, table=ft.table))
            if cut_here:
                break  # a table cut by the cells' limit: nothing after it is read
        elif t in ("fence", "code_block") and tok.map is not None:
            start, end = tok.map
            blocks.append(new_block(index=len(blocks), kind="code", text=tok.content, line=start + 1, column=1,
                                end_line=end, end_column=1))
        i += 1
    return Document(path=path, format="markdown", encoding=encoding, text=text, blocks=tuple(blocks),
                    notices=tuple(notices))
