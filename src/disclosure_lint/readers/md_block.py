"""markdown-it-py's block phase with less Python per line: the same rules, called in the same order, giving the
same tokens (verified for the markdown-it-py versions in :data:`VERIFIED`; ``tests/test_fast_paths_md.py`` compares
the token streams with markdown-it's own on examples, fixtures, bench reports, hostile shapes and random lines).

* :func:`dispatching_tokenize`: ``ParserBlock.tokenize`` asks every block rule in turn at every block start; most
  rules can only match a line whose first character is one of a few marks and return False at once, with no side
  effect, on any other.  This loop asks only the rules that can match the line's first character (and the code
  rule only on an indent of 4 or more), in the chain's order.
* :class:`FastStateBlock`: ``StateBlock.push`` makes each token through the dataclass ``__init__`` (default
  factories, ``__post_init__``); here its slots are filled directly, with the same values.
* :func:`table_starts`: the GFM table rule's answer in silent mode (is this a header row followed by a delimiter
  row with as many columns?) without its loops over every character of the two rows.
* :func:`atx_heading`, :func:`paragraph_checked`: the heading rule with str methods, the paragraph rule done
  directly for a paragraph of one line.
* :func:`plain_blocks`: a document of headings, one-line paragraphs and tables (most reports) read without the
  block loop and its tokens: where each block starts and ends and its content, as the tokens would give them
  (``tests/test_fast_paths_t4_md.py`` compares the reader's documents both ways).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import fields
from typing import Any

from markdown_it.common.utils import MD_TRIM_CHARS, mdTrim
from markdown_it.rules_block.list import skipOrderedListMarker
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.token import Token

from ..memo import Kept

VERIFIED = frozenset({"4.3.0"})

_TOKEN_FIELDS = ("type", "tag", "nesting", "attrs", "map", "level", "children", "content", "markup", "info", "meta",
                 "block", "hidden")
# the push below fills exactly these slots: with another Token it is not used
FAST_PUSH = tuple(f.name for f in fields(Token)) == _TOKEN_FIELDS

_new = object.__new__

# a GFM delimiter row (as markdown-it's table rule reads it): a first column that is empty or :?-+:?, columns of
# that form after pipes, an empty last one; spaces and tabs around each
_DELIMITER_ROW = re.compile(r"[ \t]*(?::?-+:?[ \t]*)?(?:\|[ \t]*:?-+:?[ \t]*)*(?:\|[ \t]*)?")

Rule = Callable[[StateBlock, int, int, bool], bool]


class FastStateBlock(StateBlock):
    """A ``StateBlock`` whose :meth:`push` makes the token without the dataclass ``__init__``."""

    def push(self, ttype: str, tag: str, nesting: Any) -> Token:
        token: Any = _new(Token)
        # Token(ttype, tag, nesting): the defaults (fresh dicts for attrs and meta; __post_init__ keeps a dict)
        token.type = ttype
        token.tag = tag
        token.nesting = nesting
        token.attrs = {}
        token.map = None
        token.children = None
        token.content = ""
        token.markup = ""
        token.info = ""
        token.meta = {}
        token.block = True
        token.hidden = False
        if nesting < 0:
            self.level -= 1  # closing tag
        token.level = self.level
        if nesting > 0:
            self.level += 1  # opening tag
        self.tokens.append(token)
        return token


def dispatching_tokenize(rules: list[tuple[Rule, str | None]]) -> Callable[[StateBlock, int, int], None]:
    """``ParserBlock.tokenize`` over ``rules`` (the chain's rules in order, each with the first characters it can
    match: ``None`` any, ``"code"`` the code rule, which needs an indent of 4 or more).  A rule is asked only when
    it can match the line, so every rule asked sees the state the full chain would have given it: the rules
    passed over would have returned False with no side effect."""
    by_char: dict[str, tuple[Rule, ...]] = {}
    by_char_code: dict[str, tuple[Rule, ...]] = {}

    def candidates(ch: str, code: bool) -> tuple[Rule, ...]:
        got = tuple(fn for fn, chars in rules
                    if chars is None or (code if chars == "code" else ch in chars))
        (by_char_code if code else by_char)[ch] = got
        return got

    def tokenize(state: StateBlock, startLine: int, endLine: int) -> None:
        # ParserBlock.tokenize of markdown-it-py 4.3.0, line for line, with skipEmptyLines and isEmpty written out
        line = startLine
        maxNesting = state.md.options.maxNesting
        hasEmptyLines = False
        bMarks = state.bMarks  # the rules change these lists in place, never replace them
        eMarks = state.eMarks
        tShift = state.tShift
        sCount = state.sCount
        src = state.src

        while line < endLine:
            lineMax = state.lineMax  # a blockquote sets it for its own lines
            while line < lineMax and bMarks[line] + tShift[line] >= eMarks[line]:
                line += 1
            state.line = line
            if line >= endLine:
                break
            if sCount[line] < state.blkIndent:
                # Termination condition for nested calls (blockquotes and lists)
                break
            if state.level >= maxNesting:
                state.line = endLine
                break

            # the line is not empty: it has a first character
            ch = src[bMarks[line] + tShift[line]]
            if sCount[line] - state.blkIndent >= 4:
                chain = by_char_code.get(ch) or candidates(ch, True)
            else:
                chain = by_char.get(ch) or candidates(ch, False)
            for rule in chain:
                if rule(state, line, endLine, False):
                    if state.line <= line:
                        raise RuntimeError("block rule didn't increment state.line")
                    break
            else:
                raise RuntimeError("none of the block rules matched")

            # set state.tight if we had an empty line before current tag, i.e. latest empty line should not count
            state.tight = not hasEmptyLines

            line = state.line

            # paragraph might "eat" one newline after it in nested lists
            if (line - 1) < endLine and bMarks[line - 1] + tShift[line - 1] >= eMarks[line - 1]:
                hasEmptyLines = True

            if line < endLine and bMarks[line] + tShift[line] >= eMarks[line]:
                hasEmptyLines = True
                line += 1
                state.line = line

    return tokenize


def lheading_checked(rule: Rule) -> Rule:
    """markdown-it-py 4.3.0's ``lheading`` rule, asked first whether the next line is empty or past the end: then
    the rule's loop over the following lines does not run and it returns False, having set ``state.parentType`` to
    "paragraph" (unless the line is a code block, which it checks first); most paragraphs are one line followed by
    an empty one."""
    def checked(state: StateBlock, startLine: int, endLine: int, silent: bool) -> bool:
        nextLine = startLine + 1
        if nextLine >= endLine or state.bMarks[nextLine] + state.tShift[nextLine] >= state.eMarks[nextLine]:
            if not state.is_code_block(startLine):
                state.parentType = "paragraph"
            return False
        return rule(state, startLine, endLine, silent)
    return checked


def _push_three(state: StateBlock, open_type: str, close_type: str, tag: str, markup: str, startLine: int,
                nextLine: int, content: str) -> None:
    """What a paragraph or heading rule pushes: ``state.push(open_type, tag, 1)``, ``push("inline", "", 0)`` and
    ``push(close_type, tag, -1)``, the open and the inline token mapped to lines ``[startLine, nextLine]``, the
    inline one holding ``content`` and no children, the open and the close ones ``markup`` — made here at once (as
    :meth:`FastStateBlock.push` makes a token) when the state is a :class:`FastStateBlock`."""
    if type(state) is not FastStateBlock:
        token = state.push(open_type, tag, 1)
        token.markup = markup
        token.map = [startLine, nextLine]
        token = state.push("inline", "", 0)
        token.content = content
        token.map = [startLine, nextLine]
        token.children = []
        token = state.push(close_type, tag, -1)
        token.markup = markup
        return
    level = state.level
    tokens = state.tokens
    tok: Any = _new(Token)  # the open token
    tok.type = open_type
    tok.tag = tag
    tok.nesting = 1
    tok.attrs = {}
    tok.map = [startLine, nextLine]
    tok.level = level
    tok.children = None
    tok.content = ""
    tok.markup = markup
    tok.info = ""
    tok.meta = {}
    tok.block = True
    tok.hidden = False
    tokens.append(tok)
    tok = _new(Token)  # the inline token
    tok.type = "inline"
    tok.tag = ""
    tok.nesting = 0
    tok.attrs = {}
    tok.map = [startLine, nextLine]
    tok.level = level + 1
    tok.children = []
    tok.content = content
    tok.markup = ""
    tok.info = ""
    tok.meta = {}
    tok.block = True
    tok.hidden = False
    tokens.append(tok)
    tok = _new(Token)  # the close token
    tok.type = close_type
    tok.tag = tag
    tok.nesting = -1
    tok.attrs = {}
    tok.map = None
    tok.level = level
    tok.children = None
    tok.content = ""
    tok.markup = markup
    tok.info = ""
    tok.meta = {}
    tok.block = True
    tok.hidden = False
    tokens.append(tok)


def paragraph_checked(rule: Rule) -> Rule:
    """markdown-it-py 4.3.0's ``paragraph`` rule, for a paragraph of one line outside lists and quotes (the next line
    empty or past ``state.lineMax``, ``state.blkIndent`` 0) done here: its loop over the following lines stops at
    once, ``getLines`` of one line at indent 0 is the line as it stands; the same three tokens, ``state.line`` and
    ``state.parentType`` (set and restored by the rule).  Most paragraphs of a report are such a line."""
    def checked(state: StateBlock, startLine: int, endLine: int, silent: bool) -> bool:
        nextLine = startLine + 1
        bMarks = state.bMarks
        if state.blkIndent or (nextLine < state.lineMax
                               and bMarks[nextLine] + state.tShift[nextLine] < state.eMarks[nextLine]):
            return rule(state, startLine, endLine, silent)
        state.line = nextLine
        _push_three(state, "paragraph_open", "paragraph_close", "p", "", startLine, nextLine,
                    state.src[bMarks[startLine]:state.eMarks[startLine]].strip(MD_TRIM_CHARS))
        return True
    return checked


_HEADING_MARKUP = "########"
_HEADING_TAGS = ("", "h1", "h2", "h3", "h4", "h5", "h6")


def _atx(line: str) -> tuple[int, str] | None:
    """markdown-it-py 4.3.0's ``heading`` rule on a line (from its first character that is not a space or a tab to
    its end) that starts with #: (level, content) of the ATX heading, None: not one."""
    # the level: the run of # (the rule counts at most 7 and then fails, as for any run longer than 6)
    level = len(line) - len(line.lstrip("#"))
    if level > 6 or (level < len(line) and line[level] not in " \t"):
        return None
    # cut a tail like "    ###  ": the spaces and tabs at the end, then a run of # if a space or a tab precedes it
    rest = line[level:].rstrip(" \t")
    closed = rest.rstrip("#")
    if closed and closed[-1] in " \t":
        rest = closed
    return level, rest.strip(MD_TRIM_CHARS)


def atx_heading(state: StateBlock, startLine: int, endLine: int, silent: bool) -> bool:
    """markdown-it-py 4.3.0's ``heading`` rule (ATX headings) with str methods instead of its loops over the
    line's characters: the same tests, tokens and ``state.line``."""
    if state.is_code_block(startLine):
        return False
    pos = state.bMarks[startLine] + state.tShift[startLine]
    maximum = state.eMarks[startLine]
    if pos >= maximum or state.src[pos] != "#":
        return False
    got = _atx(state.src[pos:maximum])
    if got is None:
        return False
    if silent:
        return True
    level, content = got
    state.line = startLine + 1
    _push_three(state, "heading_open", "heading_close", _HEADING_TAGS[level], _HEADING_MARKUP[:level], startLine,
                startLine + 1, content)
    return True


# the first characters of the blocks plain_blocks leaves to markdown-it: fence, blockquote, hr, list, reference, html
_NOT_PLAIN = frozenset("~`>*-_+[<")
_DIGITS = frozenset("0123456789")


def plain_blocks(state: StateBlock,
                 table_end: Callable[[StateBlock, int, int], int]) -> list[tuple[int, int, int, str]] | None:
    """The top-level blocks of a document made only of ATX headings, paragraphs of one line (an empty line or the
    end after each), tables and empty lines — most reports — as ``(kind, first line, end line, content)``: kind 0 a
    paragraph, 1 to 6 a heading of that level, -1 a table (``table_end(state, line, lineMax)`` says where the reader's
    ``table_lines`` rule would end one that starts at a line, 0 when none does; content ""); the lines and contents of the tokens markdown-it's block phase gives
    (``heading_open``/``paragraph_open`` with their ``inline``, ``table_lines``).  None: the document has another
    block (a line indented as code, a line starting with one of ``~`>*-_+[<``, an ordered list marker, a # that
    starts no heading, a paragraph of several lines or a setext heading): it is left to markdown-it whole.

    On such a document markdown-it's loop asks, at each block start, the table rule first (which fails at once
    when the next line is empty), then, by the line's first character, the heading rule (#), or the list rule
    (digits: it fails unless they make an ordered list marker), then ``lheading`` and ``paragraph``, which on a
    line followed by an empty one make a paragraph of that line: the same answers, found here without the
    tokens.  ``state``: a StateBlock of the document (blkIndent 0) with no token."""
    src = state.src
    bMarks, eMarks, tShift, sCount = state.bMarks, state.eMarks, state.tShift, state.sCount
    lineMax = state.lineMax
    out: list[tuple[int, int, int, str]] = []
    line = 0
    while line < lineMax:
        b = bMarks[line] + tShift[line]
        e = eMarks[line]
        if b >= e:  # an empty line
            line += 1
            continue
        if sCount[line] >= 4:
            return None  # a code block
        nxt = line + 1
        if nxt < lineMax and bMarks[nxt] + tShift[nxt] < eMarks[nxt]:  # the next line is not empty
            end = table_end(state, line, lineMax)
            if end:
                out.append((-1, line, end, ""))
                line = end
                continue
            if src[b] != "#":
                return None  # a paragraph of several lines, a setext heading or another block
        ch = src[b]
        if ch == "#":
            got = _atx(src[b:e])
            if got is None:
                return None
            out.append((got[0], line, nxt, got[1]))
        elif ch in _NOT_PLAIN or (ch in _DIGITS and skipOrderedListMarker(state, line) >= 0):
            return None
        else:
            out.append((0, line, nxt, src[bMarks[line]:e].strip(MD_TRIM_CHARS)))
        line = nxt
    return out


def _aligns(delim: str) -> int:
    """The columns markdown-it's table rule counts in a delimiter row (from its first character that is not a space
    or a tab to its end, which start with one of ``|-:`` and a second character of ``|-: \\t``), 0: not one."""
    # the rule splits the row at its pipes and asks each column, trimmed, to be :?-+:? (only the first and the last
    # may be empty): the row is columns of that form between pipes (which also holds only | - : space tab); the
    # columns it counts are those that are not empty
    if not _DELIMITER_ROW.fullmatch(delim):
        return 0
    aligns = delim.count("|") + 1
    if delim[0] == "|":
        aligns -= 1
    if delim.rstrip(" \t")[-1] == "|":
        aligns -= 1
    return aligns


# A delimiter row's columns (:func:`_aligns`), kept by the row: the regex costs more than the rest of the test, and a
# report's tables are the template's (a handful of delimiter rows, report after report); rows of at most
# ``_ALIGNS_KEPT`` characters.
_ALIGNS: Kept[str, int] = Kept("Markdown: a delimiter row's columns", 256)
_ALIGNS_KEPT = 200


def table_starts(state: StateBlock, startLine: int, endLine: int) -> bool:
    """``markdown_it.rules_block.table.table(state, startLine, endLine, True)`` of markdown-it-py 4.3.0: do line
    ``startLine`` (the header row) and the next (the delimiter row) start a table?  The same tests in the same
    order, each row looked at with str methods instead of a loop over its characters."""
    # should have at least two lines
    if startLine + 2 > endLine:
        return False
    nextLine = startLine + 1
    sCount = state.sCount
    if sCount[nextLine] < state.blkIndent:
        return False
    if state.is_code_block(nextLine):
        return False
    pos = state.bMarks[nextLine] + state.tShift[nextLine]
    end = state.eMarks[nextLine]
    # the delimiter row: its first character | - or :, its second one of these or a space or a tab (not a space
    # after a -), nothing else on the line
    if end - pos < 2:
        return False
    delim = state.src[pos:end]
    first = delim[0]
    second = delim[1]
    if first not in "|-:" or second not in "|-: \t" or (first == "-" and second in " \t"):
        return False
    aligns = _ALIGNS.get(delim)
    if aligns is None:
        aligns = _aligns(delim)
        if len(delim) <= _ALIGNS_KEPT:
            _ALIGNS.keep(delim, aligns)
    if not aligns:  # (no row of 0 columns matches a header row: the rule's answer is False all the same)
        return False
    # the header row: escapedSplit splits at every pipe not right after a backslash (each "\\|" is one escaped
    # pipe); an empty first column (the row starts with a pipe) and an empty last one (it ends with a pipe that
    # is not escaped) are dropped
    text = mdTrim(state.src[state.bMarks[startLine] + state.tShift[startLine]:state.eMarks[startLine]])
    if "|" not in text:
        return False
    if state.is_code_block(startLine):
        return False
    count = text.count("|") - text.count("\\|") + 1
    if text[0] == "|":
        count -= 1
    if text[-1] == "|" and not text.endswith("\\|"):
        count -= 1
    return count != 0 and count == aligns
