"""The fast paths of round 11 in the Markdown reader and the statistics tables, against what they replace: a plain
heading's or paragraph's block kept by its line and place (markdown._LINE_BLOCKS) against the block made afresh (the
reader's markdown-it path, which makes every block)."""

from __future__ import annotations

import random

import pytest

from disclosure_lint import memo
from disclosure_lint.readers import markdown

from .benchgen import generated


def _reports() -> list[str]:
    return [text for _name, text in generated(40)]


def _shuffled(rnd: random.Random, text: str) -> str:
    """``text`` with its paragraphs and headings moved about, blank lines put in or taken out, pictures, long lines
    and lines with leading spaces or closing #s put in: the same lines at other places and numbers."""
    parts = text.split("\n\n")
    extra = ["![图](a.png)", "![图](a.png) ![图2](b.png)", "## 三、收到和处理政府信息公开申请情况 ##", "   段落前有空格",
             "本年" + "很长的一段话，" * 80 + "完。", "#", "### ", "段落\u3000", "数字 12345"]
    for _ in range(rnd.randint(0, 6)):
        parts.insert(rnd.randrange(len(parts) + 1), rnd.choice(extra))
    if rnd.random() < 0.5:
        head = parts[:3]
        rnd.shuffle(head)
        parts[:3] = head
    sep = ["\n\n", "\n\n\n"]
    return parts[0] + "".join(rnd.choice(sep) + p for p in parts[1:])


def _fresh(text: str):
    """The document as the markdown-it path reads it (every block made by _line_block)."""
    saved = markdown._plain_blocks
    markdown._plain_blocks = lambda text, lines: None  # type: ignore[assignment]
    try:
        return markdown.parse(text)
    finally:
        markdown._plain_blocks = saved


def test_line_blocks_kept_as_made_afresh():
    """Each report read with nothing kept, with its blocks seen once, kept and shared, and with the memo emptied at
    random: the same document (equal and printed alike) as the markdown-it path makes; a block is kept only the
    second time its key is seen, only for a line of at most _LINE_KEPT characters, and shared by the reports."""
    rnd = random.Random(11)
    texts = _reports()
    texts += [_shuffled(rnd, rnd.choice(texts)) for _ in range(80)]
    memo.forget()
    shared = 0
    for text in texts:
        want = _fresh(text)
        if rnd.random() < 0.1:
            memo.forget()
        for _ in range(3):
            got = markdown.parse(text)
            assert got == want and repr(got) == repr(want)
        again = markdown.parse(text)
        for b, w in zip(again.blocks, want.blocks, strict=True):
            if b.kind in ("heading", "paragraph", "image") and b.text:
                line = text.split("\n")[b.line - 1]
                key = (line, b.line - 1, b.index, b.level or 0)
                if len(line) > markdown._LINE_KEPT:
                    assert key not in markdown._LINE_BLOCKS
                elif key in markdown._LINE_BLOCKS:
                    assert markdown._LINE_BLOCKS[key] is b and b == w
                    shared += 1
    assert shared > 1000
    assert len(markdown._LINE_BLOCKS) <= 1024 and len(markdown._LINE_SEEN) <= 4096


def test_line_block_kept_on_second_sight():
    memo.forget()
    text = "# 标题\n\n一段话。\n"
    markdown.parse(text)
    assert not markdown._LINE_BLOCKS and len(markdown._LINE_SEEN) == 2
    first = markdown.parse(text)
    assert len(markdown._LINE_BLOCKS) == 2
    second = markdown.parse(text)
    assert all(a is b for a, b in zip(first.blocks, second.blocks, strict=True))
    # the same line at another place or line number: another block
    moved = markdown.parse("\n" + text)
    assert moved.blocks[0].line == 2 and moved.blocks[0] is not first.blocks[0]
    memo.forget()


@pytest.mark.parametrize("limit", [1, 2])
def test_line_blocks_under_a_block_limit(limit):
    from disclosure_lint.limits import DEFAULT_LIMITS
    limits = DEFAULT_LIMITS.model_copy(update={"max_blocks": limit})
    text = "# 标题\n\n一段话。\n\n另一段话。\n"
    memo.forget()
    for _ in range(3):
        got = markdown.parse(text, limits=limits)
        saved = markdown._plain_blocks
        markdown._plain_blocks = lambda text, lines: None  # type: ignore[assignment]
        try:
            want = markdown.parse(text, limits=limits)
        finally:
            markdown._plain_blocks = saved
        assert got == want and repr(got) == repr(want)
    memo.forget()


def test_printable_whitespace_is_the_space():
    """What lines._row_cells' fast path rests on: the ASCII space is the one whitespace character (what str.strip()
    strips) that is printable."""
    assert [c for c in map(chr, range(0x110000)) if c.isspace() and c.isprintable()] == [" "]


def test_row_cells_as_spaced_row_cells():
    """lines._row_cells (a printable line without an escaped pipe split and stripped by str's own methods) gives the
    cells and text the general reading gives, on random lines of pipes, spaces, tabs, ideographic and other
    spaces, backslashes, digits and Chinese, and on the generated reports' table lines."""
    from disclosure_lint.readers import lines
    rnd = random.Random(7)
    pieces = ["|", "|", "|", " ", " ", "  ", "\t", "\u3000", "\xa0", "\u2003", "\\", "\\|", "0", "12", "3.5", "属于国家秘密",
              "（一）", "a", "-", ":", "\x0b", "\x85", "", "\u200b"]
    samples = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 24))) for _ in range(20000)]
    samples += [line for text in _reports() for line in text.split("\n") if "|" in line]
    fast = 0
    for line in samples:
        assert lines._row_cells(line, markdown._PIPE) == lines._spaced_row_cells(line, markdown._PIPE), line
        fast += "\\|" not in line and line.isprintable()
    assert fast > 3000
