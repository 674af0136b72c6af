"""The Markdown reader's fast paths of round 4 against what they replace (same objects, same places)."""

from __future__ import annotations

import dataclasses
import glob
import random
from pathlib import Path

from disclosure_lint.model import CELL_ANCHORS, Anchor, Block, Cell, Row, Table, cell_anchors
from disclosure_lint.readers import markdown

from .benchgen import generated

ROOT = Path(__file__).resolve().parent.parent


def _generated() -> tuple[str, ...]:
    """40 reports of the benchmark's generator, its default seed."""
    return tuple(text for _name, text in generated(40))


def _samples() -> list[str]:
    out = list(_generated())
    for p in sorted(glob.glob(str(ROOT / "examples" / "*.md"))) + sorted(
            glob.glob(str(ROOT / "tests" / "fixtures" / "**" / "*.md"), recursive=True)):
        with open(p, encoding="utf-8") as f:
            out.append(f.read())
    return out


def _anchors_from_text(block: Block) -> tuple[Anchor, ...]:
    """A table block's anchors as the reader made them before CELL_ANCHORS: one at every cell, its offset counted in
    the block's text (cells joined by tabs, rows by newlines), its place the cell's line and column."""
    assert block.table is not None
    out = []
    offset = 0
    for row_text, row in zip(block.text.split("\n"), block.table.rows, strict=True):
        for cell_text, cell in zip(row_text.split("\t"), row.cells, strict=True):
            assert cell_text == cell.text
            out.append(Anchor(offset, cell.line, cell.column))
            offset += len(cell_text) + 1
    return tuple(out)


def test_table_blocks_read_their_cells_anchors():
    """Every Markdown table block: its anchors (made on first read) are one per cell as before, and the block equals,
    hashes and prints as the one made with those anchors; every offset is located at the same place."""
    n = 0
    for text in _samples():
        for block in markdown.parse(text).blocks:
            # (a GFM table's cells: one line each; pandoc's tables have empty cells with no place and cells over
            # several lines, anchored by readers/md_pandoc.py)
            if block.table is None or any("\t" in c.text or c.line is None or c.anchors
                                          for c in block.table.cells()):
                continue
            fresh = dataclasses.replace(block)  # made with the anchors read from the field
            expected = _anchors_from_text(block)
            made = Block(block.index, block.kind, block.text, block.line, block.column, block.end_line,
                         block.end_column, expected, block.level, block.table, block.pointer)
            assert block.anchors == expected and type(block.anchors) is tuple
            assert block.anchors is block.anchors  # made once, then kept in the slot
            assert block == made and hash(block) == hash(made) and repr(block) == repr(made) and fresh == made
            for off in range(len(block.text) + 1):
                assert block.locate(off) == made.locate(off)
            n += 1
    assert n > 200


def test_cell_anchors_marker():
    cells = (Cell("a", 0, 0, 3, 2, 3), Cell("bc", 0, 1, 3, 6, 8), Cell("", 0, 2, None))
    rows = (Row(cells, 3, True), Row((Cell("x", 1, 0, 5, 1, 2, anchors=(Anchor(0, 5, 1), Anchor(1, 6, 4))),
                                      Cell("y", 1, 1, 5, None, None)), 5))
    table = Table(rows=rows)
    b = Block(0, "table", "a\tbc\t\nx\ty", anchors=CELL_ANCHORS, table=table)
    assert b.anchors == (Anchor(0, 3, 2), Anchor(2, 3, 6), Anchor(6, 5, 1), Anchor(7, 6, 4), Anchor(8, 5, 1))
    assert Block(0, "table", "", anchors=CELL_ANCHORS).anchors == ()  # no table: no anchors
    assert Block(0, "table", "").anchors == () and CELL_ANCHORS == () and type(CELL_ANCHORS) is not tuple
    assert Block.anchors is not None  # the class attribute: the slot's descriptor
    rnd = random.Random(5)
    for _ in range(300):
        rows_ = tuple(Row(tuple(Cell(rnd.choice(["", "1", "二三"]), r, c, rnd.choice([None, r + 1]), rnd.choice([None, 1, 7]))
                                for c in range(rnd.randint(1, 4))), r + 1) for r in range(rnd.randint(1, 4)))
        text = "\n".join("\t".join(c.text for c in row.cells) for row in rows_)
        expected = []
        offset = 0
        for row in rows_:
            for c in row.cells:
                if c.line is not None:
                    expected.append(Anchor(offset, c.line, c.column or 1))
                offset += len(c.text) + 1
        assert cell_anchors(rows_) == tuple(expected)
        assert Block(0, "table", text, anchors=CELL_ANCHORS, table=Table(rows_)).anchors == tuple(expected)


def test_heading_and_one_line_paragraph_rules_give_markdown_its_tokens():
    """md_block.atx_heading and paragraph_checked: ATX headings (runs of #, closing sequences, spaces, tabs, indents,
    code indents) and paragraphs of one or more lines, in lists and quotes too: markdown-it's own token stream."""
    from markdown_it import __version__ as markdown_it_version

    from disclosure_lint.readers import md_block

    if markdown_it_version not in md_block.VERIFIED:
        return
    pieces = ("#", "##", "###", "#######", " ", "  ", "   ", "    ", "\t", "x", "文字", " #", "# ", "#\t", "\\#", "\u3000",
              "\xa0", "\v", "\f", "a b", "- ", "> ", "1. ", "|", "---", "===")
    rnd = random.Random(11)
    n = 0
    for _ in range(6000):
        lines = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 6))) for _ in range(rnd.randint(1, 6))]
        text = "".join(line + rnd.choice(("\n", "\n", "\n\n", "\n \n")) for line in lines) + rnd.choice(("", "x", " "))
        assert markdown._block_tokens(text, True) == markdown._block_tokens(text, False), text
        n += 1
    assert n == 6000


def _plain_sources(n: int, seed: int):
    """Documents mostly of the blocks plain_blocks reads (headings, one-line paragraphs, tables), with the lines
    that make it leave them to markdown-it (code indents, list markers, quotes, fences, html, setext underlines)."""
    rnd = random.Random(seed)
    plain = ("# 标题", "## 一、总体情况", "### x ###", "#### a #", "##### b\\#", "######", "#\t# t", "  # h", "文字",
             "  文字 ", "   x", "\u3000缩进", "2022年", "3.x", "2", "1234567890. c", "![图](a.png)", "\xa0x", "x\t", "=x")
    table = ("| a | b |", "|---|---|", "| 1 | 2 |", "a | b", "-|-", ":-|-:", "| x |", "|:--|", "\\| y |", "|", "||",
             "| a |\t", "  | c | d |", "|\u3000|", "- |", "| 1 | 2 | 3 |")
    other = ("####### no", "#x", "    # code", "1. a", "10) b", "- item", "* s", "+ p", "> q", "```", "~~~", "<div>",
             "<!-- c -->", "[r]: /u", "---", "===", "_x_", "\tx", " \t#")
    for _ in range(n):
        out = []
        for _ in range(rnd.randint(1, 16)):
            r = rnd.random()
            if r < 0.15:
                out += [rnd.choice(table) for _ in range(rnd.randint(1, 5))]
            elif r < 0.35:  # a table: header, delimiter row (of as many columns, mostly), rows of odd cells
                cell = ("", " ", "a", "中文", " 1 ", "\\|", "\\", ":", "-", "#", "\t", "\u3000", "> x", "`")
                ncols = rnd.randint(1, 4)
                head = "|".join(rnd.choice(cell) or "h" for _ in range(ncols))
                delim = "|".join(rnd.choice(("---", ":-", "-:", ":-:", " - ")) for _ in range(ncols + rnd.choice((0, 0, 0, 1))))
                out += [rnd.choice(("|", "", " ")) + head + rnd.choice(("|", "", "| ")), rnd.choice(("|", "")) + delim]
                out += [rnd.choice(("|", "", "  ")) + "|".join(rnd.choice(cell) for _ in range(rnd.randint(1, 5)))
                        + rnd.choice(("|", "", " |")) for _ in range(rnd.randint(0, 5))]
            else:
                out.append(rnd.choice(other if r > 0.985 else plain))
            if rnd.random() < 0.8:
                out.append(rnd.choice(("", "", " ", "\t")))
        yield "\n".join(out) + rnd.choice(("", "\n", "\n\n", " "))


def test_plain_blocks_are_markdown_its_blocks(monkeypatch):
    """A document read by md_block.plain_blocks gives the Document the token path gives (markdown-it's block phase
    and the reader's loop over its tokens): every block, place, anchor and notice."""
    from disclosure_lint.limits import Limits
    from tests.test_fast_paths_md import _samples as md_samples

    texts = [*_samples(), *md_samples(), *_plain_sources(8000, 13)]
    plain_read = []
    for text in texts:
        if markdown._plain_blocks(text, text.split("\n")) is not None:
            plain_read.append(text)
    # limits below their floors (not from a configuration): blocks and cells cut in short documents
    small = Limits.model_construct(**{**Limits().model_dump(), "max_blocks": 7, "max_table_cells": 9})
    got = [(markdown.parse(t), markdown.parse(t, limits=small)) for t in plain_read]
    monkeypatch.setattr(markdown, "_plain_blocks", lambda text, lines: None)
    for text, (doc, doc_small) in zip(plain_read, got, strict=True):
        want = markdown.parse(text)
        assert doc == want and repr(doc) == repr(want), text
        assert doc_small == markdown.parse(text, limits=small), text
    assert len(plain_read) > 1000 and sum(t.count("|") > 3 for t in plain_read) > 300
    assert sum(bool(d.notices) for _, d in got) > 100
