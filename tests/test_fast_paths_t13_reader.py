"""The fast paths of round 13 in the Markdown reader, against what they replace: a source none of whose lines starts
with a space or a tab given its line caches' indents as zeros (markdown._line_marks) against the indents measured line
by line (its general form) and StateBlock's own caches."""

from __future__ import annotations

import random

from markdown_it.rules_block.state_block import StateBlock

from disclosure_lint.readers import markdown

from .benchgen import generated


def _general(src: str):
    """markdown._line_marks with every line's indent measured (as before this round)."""
    saved = markdown._INDENTED
    markdown._INDENTED = lambda text: True  # type: ignore[assignment,return-value]
    try:
        return markdown._line_marks(src)
    finally:
        markdown._INDENTED = saved


def test_line_marks_without_indents_as_measured():
    """Random sources of lines with and without leading spaces, tabs, ideographic spaces and other whitespace, blank
    lines, a last line of spaces with or without a line break, and the generated reports: the same line caches as
    the general form and as StateBlock; the sources with no line starting with a space or a tab take the fast
    branch."""
    rnd = random.Random(13)
    starts = ["", "", "", " ", "  ", "   ", "    ", "\t", " \t", "\u3000", "\xa0", "\u2003", "\v", "\f"]
    bodies = ["", "a", "| 0 | 1 |", "# 标题", "属于国家秘密", " ", "\t", "x \t", "1. 项", "> 引", "`"]
    samples = []
    for _ in range(6000):
        lines = [rnd.choice(starts) + rnd.choice(bodies) for _ in range(rnd.randint(1, 12))]
        src = "\n".join(lines)
        if rnd.random() < 0.5:
            src += "\n"
        elif rnd.random() < 0.3:
            src += "\n" + rnd.choice(["", " ", "\t", "  \t"])
        samples.append(src)
    samples += [text for _name, text in generated(20)]
    md = markdown._parser(False)
    fast = 0
    for src in samples:
        if not src:
            continue
        got = markdown._line_marks(src)
        assert got == _general(src), src
        sb = StateBlock(src, md, {}, [])
        assert (sb.bMarks, sb.eMarks, sb.tShift, sb.sCount) == tuple(x + [y] for x, y in zip(
            got, (len(src), len(src), 0, 0), strict=True)), src
        lines = src.split("\n")
        assert got == markdown._line_marks(src, lines) and lines == src.split("\n")  # the caller's lines kept
        if not any(line[:1] in (" ", "\t") for line in lines):
            fast += 1
            assert not any(got[2]) and not any(got[3]) and got[2] is not got[3]
    assert fast > 400


def test_table_cells_counted_as_with_escaped_pipes():
    """markdown._table_cells (the escaped pipes counted only in a table with a backslash) gives what counting them in
    every table gave, and lines.capped_rows' answer where the table is over the limit: random tables of pipes,
    backslashes, escaped pipes, spaces and text, under several limits, and the generated reports' tables."""
    from disclosure_lint.readers import lines as lines_mod

    def counted(src_lines, start, end, limit):
        joined = "\n".join(src_lines[start:end])
        total = joined.count("|") - joined.count("\\|") + (end - start)
        if total <= limit:
            return end, 0, total
        return lines_mod.capped_rows(src_lines, start, end, markdown._PIPE, limit)

    rnd = random.Random(131)
    pieces = ["|", "|", "|", " ", "0", "12", "属于", "\\", "\\|", "\\\\|", "a", "-"]
    tables = [["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 16))) for _ in range(rnd.randint(1, 8))]
              for _ in range(4000)]
    for _name, text in generated(10):
        src = text.split("\n")
        tables += [src[i:i + 30] for i in range(0, len(src), 30)]
    escaped = 0
    for src in tables:
        escaped += any("\\|" in line for line in src)
        for limit in (1, 5, 40, 10_000):
            start = rnd.randrange(len(src))
            end = rnd.randint(start + 1, len(src))
            assert markdown._table_cells(src, start, end, limit) == counted(src, start, end, limit), src
    assert escaped > 1000
