"""The fast paths of the readers and the engine give what the slow ones gave (bench/same_findings.py
compares whole runs; these pin the edge cases each shortcut relies on)."""

from __future__ import annotations

import dataclasses

import pytest

from disclosure_lint import textio
from disclosure_lint.model import Anchor, Cell
from disclosure_lint.readers import markdown
from disclosure_lint.readers.lines import new_anchor, new_cell
from disclosure_lint.report.stats.model import StatCell, new_stat_cell, parse_value

TABLE = "| 项目 | 数量 |\n|---|---|\n| 甲 | 1 |\n"


@pytest.mark.parametrize("line, kind", [
    ("> 引用", "paragraph"), ("# 标题", "heading"), ("- 一项", "list_item"), ("+ 一项", "list_item"),
    ("* 一项", "list_item"), ("1. 一项", "list_item"), ("***", None), ("---", None), ("___", None),
    ("```\n代码\n```", "code"), ("~~~\n代码\n~~~", "code"), ("<div>网页</div>", "html"),
])
def test_a_block_start_ends_a_table(line, kind):
    doc = markdown.parse(TABLE + line + "\n")
    table = doc.blocks[0]
    assert table.kind == "table" and table.table is not None and len(table.table.rows) == 2
    if kind is not None:
        assert doc.blocks[1].kind == kind


@pytest.mark.parametrize("line", ["乙 | 2", "| 乙 | 2 |", "2 | 乙", "（一）| 3", "A | 4", "=== | 5"])
def test_other_lines_continue_a_table(line):
    doc = markdown.parse(TABLE + line + "\n")
    assert len(doc.blocks) == 1 and doc.blocks[0].table is not None and len(doc.blocks[0].table.rows) == 3


@pytest.mark.parametrize("line, cells", [
    ("| 甲 | 1 |", [("甲", 3, 4), ("1", 7, 8)]),
    ("甲|1", [("甲", 1, 2), ("1", 3, 4)]),
    ("|  | 　2　 |", [("", 2, 2), ("2", 7, 8)]),
    ("| a\\|b | c |", [("a\\|b", 3, 7), ("c", 10, 11)]),
])
def test_cell_columns(line, cells):
    doc = markdown.parse("| x | y |\n|---|---|\n" + line + "\n")
    row = doc.blocks[0].table.rows[1]
    assert [(c.text, c.column, c.end_column) for c in row.cells] == cells


def test_visible_text_and_binary_counts_as_before():
    hide = {ord(c): None for c in textio._INVISIBLE}
    for cp in [*range(0x3100), 0xFEFF, 0xFFA0, 0x3164, 0x180E]:
        ch = chr(cp)
        for text in (ch, " " + ch + "\u3000", ch * 3 + "\u200b"):
            assert textio.has_visible_text(text) == bool(text.translate(hide).strip()), repr(text)
    for data in (bytes(range(256)) * 40, b"\x01\x02" * 50 + b"abc" * 1000, b"\x1b\t\n\r\x0c" * 3000, b""):
        head = data[:8192]
        ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
        assert textio.looks_binary(data) == (b"\x00" in head or ctrl > max(8, len(head) // 100))


def test_cells_and_anchors_made_fast_are_the_same_objects():
    args = ("甲", 1, 2, 3, 4, 5, "第1页", True, (Anchor(0, 1, 1),))
    fast, slow = new_cell(*args), Cell(*args)
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert new_cell("乙", 0, 0) == Cell("乙", 0, 0)
    assert new_anchor(3, 4, 5) == Anchor(3, 4, 5) and new_anchor(3, 4, 5, 2) == Anchor(3, 4, 5, 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.text = "丙"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        new_anchor(0, 1, 1).line = 2  # type: ignore[misc]


def test_stat_cells_made_fast_are_the_same_objects():
    args = ("s3", "new", "natural_person", "12", parse_value("12"), "一、本年新收", "自然人", None, Cell("12", 1, 1))
    fast, slow = new_stat_cell(*args), StatCell(*args)
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow) and vars(fast) == vars(slow)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.raw = "13"  # type: ignore[misc]


def test_exact_section_is_match_sections_exact():
    """``catalogue.exact_section`` (the unnumbered heading's shortcut) is ``match_section``'s spec when its quality
    is "exact", else None: for every official title and variant, their near misses and other texts."""
    from disclosure_lint.report import catalogue as cat

    texts = ["", "。", "总体情况", "本年新收总体情况", "一、总体情况", "主动公开", "收到和处理政府信息公开申请的情况"]
    for spec in cat.SECTIONS:
        for t in (spec.title, *spec.variants):
            texts += [t, t + "。", "（" + t + "）", t[1:], t[:-1], t.replace("情况", "概况"), t + "的",
                      " ".join(t), t.replace("和", "与"), t[::-1]]
    for t in texts:
        spec, quality = cat.match_section(t)
        assert cat.exact_section(t) == (spec if quality == "exact" else None), t


def test_section_headings_read_once_are_fresh_sections():
    """``as_section`` caches what a heading's text says, never the Section: each call gives a new one."""
    from disclosure_lint.model import Block
    from disclosure_lint.report.sections import as_section

    b = Block(kind="heading", text="## 一、总体情况", index=3)
    a, c = as_section(b), as_section(b)
    assert a is not None and c is not None and a is not c and a == c and a.heading is b and a.id == "s1"
    assert as_section(Block(kind="paragraph", text="**二、主动公开政府信息情况**", index=4),
                      "二、主动公开政府信息情况").heading.index == 4  # type: ignore[union-attr]


def test_sections_with_their_bodies_are_built_field_by_field():
    """``structure.analyse`` builds each main section with its body by listing Section's fields (as
    dataclasses.replace would): a new field must be added there too."""
    from disclosure_lint.report.sections import Section

    assert [f.name for f in dataclasses.fields(Section)] == ["id", "numeral", "number", "title", "heading", "blocks",
                                                            "quality"]
    assert not any(f.init is False for f in dataclasses.fields(Section)) and not hasattr(Section, "__post_init__")
