"""The Markdown reader's fast paths (readers/md_block.py, readers/markdown.py, readers/lines.py) give what the
plain code gives: markdown-it's own block loop, token constructor and table rule, and the reader's cell-by-cell
table building (bench/same_findings.py compares whole runs; these pin the edge cases)."""

from __future__ import annotations

import glob
import random

import pytest
from markdown_it import MarkdownIt
from markdown_it import __version__ as markdown_it_version
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.rules_block.table import table as gfm_table

from disclosure_lint.readers import markdown, md_block

VERIFIED = markdown_it_version in md_block.VERIFIED

# pieces of lines: every block marker, indents, tabs, table rows and delimiter rows, escaped pipes, CR and NUL
_PIECES = ("", " ", "  ", "   ", "    ", "\t", " \t", "# ", "## ", "#", "###### x", "####### x", "> ", ">", ">> ",
           "- ", "-", "* ", "+ ", "1. ", "2) ", "10. ", "1234567890. ", "---", "***", "___", "- - -", "===", "```",
           "~~~", "```py", "~~~ `x`", "[a]: /u", "[a]:", "[b]: <x> 'title'", "<div>", "</div>", "<!-- c -->", "<!--",
           "<table>", "<pre>", "<?php", "<![CDATA[", "| a | b |", "|---|---|", "| --- | :-: |", "a | b", "-|-",
           ":-:|", "|:--", "--|", "- |", "|", "||", "\\|", "\\\\|", "|\\|", "文字", "政府信息公开", "x", "[", "<", "`",
           "~", "_", "=", ":", "1", "  1. a", "\u3000", "\u3000> a", "\r", "\r\n", "\0", "\xa0", "\u2003|")


def _random_sources(n: int, seed: int):
    rnd = random.Random(seed)
    for _ in range(n):
        lines = []
        for _ in range(rnd.randint(1, 14)):
            lines.append("".join(rnd.choice(_PIECES) for _ in range(rnd.randint(1, 4))))
        yield "\n".join(lines) + rnd.choice(("", "\n", " ", "\t", "\r\n"))


def _tables(rnd: random.Random) -> str:
    """A text of tables: header, delimiter and body rows with random cells, pipes, colons, dashes and spaces,
    inside and outside lists and quotes."""
    cell = ("", " ", "a", "中文", " 1 ", "\\|", "\\", ":", "-", "---", ":-", "-:", ":-:", " --- ", "\t", "|")
    out = []
    for _ in range(rnd.randint(1, 6)):
        lead = rnd.choice(("", " ", "   ", "    ", "> ", "- ", "1. ", "\t"))
        ncols = rnd.randint(1, 4)
        for r in range(rnd.randint(1, 5)):
            cells = [rnd.choice(cell) for _ in range(ncols + rnd.choice((0, 0, 0, 1, -1)))]
            row = "|".join(cells)
            if rnd.random() < 0.7:
                row = "|" + row
            if rnd.random() < 0.7:
                row += rnd.choice(("|", "| ", "\\|", ""))
            if r == 1 and rnd.random() < 0.8:
                row = "|".join(rnd.choice(("---", ":-", "-:", ":-:", " - ", "", "-- x", "- ", "--\t"))
                               for _ in range(ncols))
                row = rnd.choice(("|", "", " |", "-")) + row + rnd.choice(("|", "", "| "))
            out.append(lead + row)
        out.append(rnd.choice(("", "文字", "# 标题", "> q", "- l", "")))
    return "\n".join(out)


def _samples():
    for p in sorted(glob.glob("examples/*.md") + glob.glob("tests/fixtures/**/*.md", recursive=True)
                    + glob.glob("bench/out/*.md")[:60]):
        with open(p, encoding="utf-8", errors="replace") as f:
            yield f.read()
    from tests.textshapes import SPECIAL, UNITS, shape, special

    for name in UNITS:
        yield shape(name, 3_000, "md")[1]
    for name in SPECIAL:
        yield special(name, ".md", n=1_000, cols=12)
    yield from _random_sources(4000, 31)
    rnd = random.Random(7)
    for _ in range(1500):
        yield _tables(rnd)


def test_fast_block_phase_gives_markdown_its_tokens():
    """The dispatching block loop, the direct token constructor, the table rule's equivalent and the skipped
    normalisation give exactly markdown-it's token stream (every field of every token)."""
    if VERIFIED:
        assert markdown._parser(True).block.tokenize is not markdown._parser(False).block.tokenize
    n = 0
    for text in _samples():
        assert markdown._block_tokens(text, True) == markdown._block_tokens(text, False), text[:300]
        n += 1
    assert n > 5000


def _state(src: str) -> StateBlock:
    md = MarkdownIt("commonmark")
    return StateBlock(src.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd"), md, {}, [])


@pytest.mark.skipif(not VERIFIED, reason="the equivalent is used only with a verified markdown-it-py")
def test_table_starts_is_the_table_rules_answer():
    """md_block.table_starts answers as markdown-it's table rule in silent mode, at every line and block indent."""
    rnd = random.Random(5)
    texts = [_tables(rnd) for _ in range(2500)] + list(_random_sources(1500, 8))
    texts += ["|a|\n|-|", "|\n|-|", "||\n|-|-|", "a\\|b|c\n-|-", "\\||\n|-|", "|a\\|\n|-|", "a|b\n- |-",
              "a|b\n-\t|-", "a|b\n:|-", "a|b\n|||", "a|b\n|-||-|", "a|b\n  |-|-|", "a|b\n    |-|-|", "    a|b\n|-|-|"]
    seen = {True: 0, False: 0}
    for text in texts:
        state = _state(text)
        for indent in (0, 1, 2, 4):
            state.blkIndent = indent
            for line in range(state.lineMax):
                want = gfm_table(state, line, state.lineMax, True)
                assert md_block.table_starts(state, line, state.lineMax) == want, (text, line, indent)
                seen[want] += 1
    assert seen[True] > 1000 and seen[False] > 1000


@pytest.mark.skipif(not (VERIFIED and md_block.FAST_PUSH), reason="only with a verified markdown-it-py")
def test_fast_push_makes_the_tokens_push_makes():
    state = _state("x")
    fast = md_block.FastStateBlock("x", state.md, {}, [])
    for ttype, tag, nesting in (("paragraph_open", "p", 1), ("inline", "", 0), ("paragraph_close", "p", -1)):
        a = state.push(ttype, tag, nesting)
        b = fast.push(ttype, tag, nesting)
        assert a == b and type(a) is type(b) and state.level == fast.level
        assert a.attrs is not b.attrs and b.attrs == {} and b.meta == {}
    t1, t2 = fast.tokens[0], fast.tokens[1]
    assert t1.attrs is not t2.attrs and t1.meta is not t2.meta  # fresh dicts, as the default factories make


def _pipe_rows_reference(lines):
    """A pipe table's rows, text and anchors cell by cell: each line split at every unescaped pipe, border pipes
    dropped, each cell made by new_cell at its first non-blank character, the text and anchors by table_text."""
    from disclosure_lint.readers.lines import new_cell, new_row, table_text

    rows = []
    for ri, (line, line_no) in enumerate(lines):
        parts = markdown._PIPE.split(line)
        pos = 0
        if len(parts) > 1 and not parts[0].strip(" \t\u3000"):
            pos = len(parts[0]) + 1
            parts = parts[1:]
        if len(parts) > 1 and not parts[-1].strip(" \t\u3000"):
            parts = parts[:-1]
        cells = []
        for col, seg in enumerate(parts):
            text = seg.strip(" \t\u3000")
            lead = next((i for i, ch in enumerate(seg) if ch not in " \t\u3000"), 0) if text else 0
            c0 = pos + lead + 1
            cells.append(new_cell(text, ri, col, line_no, c0, c0 + len(text), None, ri == 0))
            pos += len(seg) + 1
        rows.append(new_row(tuple(cells), line_no, ri == 0))
    text, anchors = table_text(rows)
    return tuple(rows), text, anchors


def _pipe_rows(lines):
    """pipe_rows' rows and text, and the anchors its table block's CELL_ANCHORS stand for."""
    from disclosure_lint.model import cell_anchors
    from disclosure_lint.readers.lines import pipe_rows

    rows, text = pipe_rows(lines, markdown._PIPE)
    return rows, text, cell_anchors(rows)


def test_pipe_rows_are_built_as_cell_by_cell():
    rnd = random.Random(3)
    pieces = ("|", "|", " | ", "\\|", "\\\\|", "a", "中文", " ", "  ", "\t", "\u3000", "1", " 2 ", "", "x y", "\\")
    n = 0
    for _ in range(3000):
        lines = [("".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 9))), rnd.randint(1, 50))
                 for _ in range(rnd.randint(1, 5))]
        assert _pipe_rows(lines) == _pipe_rows_reference(lines), lines
        n += 1
    for p in sorted(glob.glob("bench/out/*.md"))[:30] + sorted(glob.glob("examples/*.md")):
        with open(p, encoding="utf-8") as f:
            src = f.read().split("\n")
        for tok in markdown._block_tokens("\n".join(src)):
            if tok.type == "table_lines":
                s, e = tok.map
                lines = [(src[s], s + 1), *zip(src[s + 2:e], range(s + 3, e + 1))]
                assert _pipe_rows(lines) == _pipe_rows_reference(lines)
                n += 1
    assert n > 3000


def test_one_line_blocks_are_their_pieces():
    """A heading's or paragraph's content of one line is placed as _pieces places it (one piece, one anchor)."""
    n = 0
    for text in _samples():
        src_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        tokens = markdown._block_tokens(text)
        for i, tok in enumerate(tokens):
            if tok.type in ("heading_open", "paragraph_open") and tok.map is not None:
                content = tokens[i + 1].content
                if content and "\n" not in content:
                    assert [markdown._one_piece(content, tok.map[0], src_lines)] == markdown._pieces(
                        content, tok.map[0], src_lines), content
                    n += 1
        # and past the source's last lines, where no line holds the text
        for first in (len(src_lines) - 1, len(src_lines), len(src_lines) + 2):
            for content in ("x", " \u3000y", "文字"):
                assert [markdown._one_piece(content, first, src_lines)] == markdown._pieces(content, first, src_lines)
    assert n > 10000


def test_block_tokens_from_the_readers_lines():
    """The reader hands markdown-it's line caches the lines it split itself (a text without NUL): the same tokens."""
    n = 0
    for text in _samples():
        if "\0" in text:
            continue
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        assert markdown._block_tokens(text, lines=lines) == markdown._block_tokens(text), text[:300]
        n += 1
    assert n > 4000


@pytest.mark.skipif(not VERIFIED, reason="the check is installed only with a verified markdown-it-py")
def test_lheading_check_leaves_the_state_as_the_rule_does():
    """md_block.lheading_checked answers as markdown-it's lheading rule and leaves the same parent type, line and
    tokens, at every line of random sources, from every parent type and block indent."""
    from markdown_it.rules_block import lheading

    checked = md_block.lheading_checked(lheading)
    n = 0
    for text in [*_random_sources(800, 21), "a\n", "a", "a\n\n", "    a\n", "a\n  \t\n", "a\n===", "a\nb\n---"]:
        for indent in (0, 2, 4):
            for parent in ("root", "list", "blockquote"):
                plain = _state(text)
                fast = _state(text)
                for line in range(plain.lineMax):
                    for state in (plain, fast):
                        state.blkIndent, state.parentType, state.line = indent, parent, line
                    got = checked(fast, line, fast.lineMax, False)
                    assert got == lheading(plain, line, plain.lineMax, False), (text, line)
                    assert (fast.parentType, fast.line, fast.tokens) == (plain.parentType, plain.line, plain.tokens)
                    n += 1
    assert n > 10000
