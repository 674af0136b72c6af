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


# -- look-ahead gates and necessary conditions of the prose readers ------------------------------------------

def _first_chars(pattern: str) -> set[object]:
    """Every character (or character category) a match of ``pattern`` can start with, read from its parse tree;
    fails on what it cannot enumerate (., [^…], an empty match), so a gate is only trusted where it is proven."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser as p  # type: ignore[attr-defined]

    def seq(items) -> tuple[set[object], bool]:  # (first characters, can the sequence match empty)
        out: set[object] = set()
        for op, av in items:
            got, empty = one(op, av)
            out |= got
            if not empty:
                return out, False
        return out, True

    def one(op, av) -> tuple[set[object], bool]:
        if op is c.LITERAL:
            return {chr(av)}, False
        if op is c.IN:
            got: set[object] = set()
            for iop, iav in av:
                if iop is c.LITERAL:
                    got.add(chr(iav))
                elif iop is c.RANGE:
                    got |= {chr(x) for x in range(iav[0], iav[1] + 1)}
                elif iop is c.CATEGORY:
                    got.add(iav)
                else:
                    raise AssertionError(f"cannot enumerate {iop}")
            return got, False
        if op is c.BRANCH:
            got, empty = set(), False
            for alt in av[1]:
                g, e = seq(alt)
                got |= g
                empty |= e
            return got, empty
        if op is c.SUBPATTERN:
            return seq(av[3])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            got, empty = seq(av[2])
            return got, empty or av[0] == 0
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            return set(), True  # zero-width
        raise AssertionError(f"cannot enumerate {op}")

    got, empty = seq(p.parse(pattern))
    assert not empty
    return got


def _gate_covers(gate: str, pattern: str) -> bool:
    allowed = _first_chars(f"[{gate}]")
    return _first_chars(pattern) <= allowed


def test_look_ahead_gates_name_every_first_character():
    from disclosure_lint.report import claim_context, prose_reading, prose_sums

    assert _gate_covers(claim_context._SCOPE_FIRST, "|".join(f"(?:{p})" for p in claim_context.DEFAULT_SCOPE))
    assert claim_context.scope_regex(list(claim_context.DEFAULT_SCOPE)).pattern.endswith(
        "|".join(f"(?:{p})" for p in claim_context.DEFAULT_SCOPE) + ")")
    assert _gate_covers(prose_sums._TOTAL_KW_FIRST, prose_sums._TOTAL_KW_ALTERNATION)
    gate, rest = prose_reading.PART_YEAR.pattern.split(")(?:", 1)
    assert _gate_covers(gate[len("(?=["):-1], rest[:-1])
    assert not _gate_covers("上下季截前", rest[:-1])  # the helper does see the digits
    from disclosure_lint.report import claims

    assert _gate_covers(claims._PREFILTER_FIRST, claims._PREFILTER_ALTERNATION)


def test_the_gated_patterns_find_what_the_plain_ones_find():
    import re
    from pathlib import Path

    from disclosure_lint.report import claim_context, prose_reading, prose_sums

    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "examples").glob("*.md"))]
    texts += [Path(__file__).read_text(encoding="utf-8"), "截至2023年9月，上半年收到申请12件；3-5月份2件。"]
    pairs = [
        (claim_context.scope_regex(list(claim_context.DEFAULT_SCOPE)),
         re.compile("|".join(f"(?:{p})" for p in claim_context.DEFAULT_SCOPE))),
        (prose_sums._TOTAL_KW, re.compile(prose_sums._TOTAL_KW_ALTERNATION)),
        (prose_reading.PART_YEAR, re.compile(prose_reading.PART_YEAR.pattern.split(")(?:", 1)[1][:-1])),
        (prose_reading.YEAR, re.compile(r"(?<!\d)(\d{4})\s*年")),
    ]
    for text in texts:
        for fast, plain in pairs:
            assert [(m.span(), m.lastgroup, m.groups()) for m in fast.finditer(text)] == \
                   [(m.span(), m.lastgroup, m.groups()) for m in plain.finditer(text)]


@pytest.mark.parametrize("text", ["12023年", "2023年", "a2023 年", "１２３４年", "2023年2024年", "０2023年", "2023"])
def test_year_written_from_its_first_digit(text):
    import re

    from disclosure_lint.report import prose_reading

    plain = re.compile(r"(?<!\d)(\d{4})\s*年")
    for pos in range(len(text) + 1):
        a, b = prose_reading.YEAR.match(text, pos), plain.match(text, pos)
        assert (a and (a.span(), a.group(1))) == (b and (b.span(), b.group(1)))
        a, b = prose_reading.YEAR.search(text, pos), plain.search(text, pos)
        assert (a and (a.span(), a.group(1))) == (b and (b.span(), b.group(1)))


def test_statements_need_the_words_their_prefilter_asks_for():
    """``claims._Reader._statements`` reads 均获维持 only in a sentence with 维持, and the statements of none only in one
    with 未, 无, 没有, 不存在, 为零 or 为0 (NONE_S4: also 复议 or 诉讼)."""
    from pathlib import Path

    from disclosure_lint.report import claim_context as cc

    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "examples").glob("*.md"))]
    texts += [Path(__file__).read_text(encoding="utf-8"), "申请数量为零；行政复议为0；无依申请公开事项。无结转下年度办理的申请"]
    none_words = ("未", "无", "没有", "不存在", "为零", "为0")
    seen = 0
    for text in texts:
        for m in cc.UPHELD.finditer(text):
            assert "维持" in m.group(0)
        for pattern in (cc.NONE_APP, cc.NONE_CARRIED, cc.NONE_S4):
            for m in pattern.finditer(text):
                seen += 1
                assert any(w in m.group(0) for w in none_words), m.group(0)
        for m in cc.NONE_S4.finditer(text):
            assert "复议" in m.group(0) or "诉讼" in m.group(0)
    assert seen >= 4


def _claim_reports():
    from pathlib import Path

    from disclosure_lint.readers import read_path
    from disclosure_lint.report import AnnualReport

    root = Path(__file__).resolve().parent.parent
    files = sorted((root / "examples").glob("*.md")) + sorted((root / "tests" / "fixtures").rglob("*.md"))
    bench = sorted((root / "bench" / "out").glob("*.md"))[:40]
    for f in [*files, *bench]:
        yield AnnualReport(read_path(str(f)))
    texts = ["本年新收政府信息公开申请35件，上年结转2件；全年办结36件，其中予以公开14件，部分公开4件。",
             "全年主动公开政府信息1796条，其中政策解读5篇，另有3件。未收到法人或其他组织的申请，公开率为50.0%。",
             "本年度未发生政府信息公开行政复议、行政诉讼，无结转下年度办理的申请，申请数量为零。",
             "被申请行政复议2件，被提起行政诉讼1件，均获维持；自然人、法人或其他组织提出申请58件。"]
    for t in texts:
        yield AnnualReport(markdown.parse("# 某某局2023年政府信息公开工作年度报告\n\n## 三、收到和处理政府信息公开申请情况\n\n"
                                          + t + "\n\n## 四、政府信息公开行政复议、行政诉讼情况\n\n" + t + "\n"))


def test_claim_reader_shortcuts_change_nothing(monkeypatch):
    from disclosure_lint.report import claims

    def read(report):
        got = claims.ProseClaims(report).read()
        return [repr(c) for c in got.claims], [repr(s) for s in got.statements]

    reports = list(_claim_reports())
    fast = [read(r) for r in reports]
    monkeypatch.setattr(claims._Reader, "shortcuts", False)
    slow = [read(r) for r in reports]
    assert fast == slow
    assert sum(len(c) + len(s) for c, s in fast) > 100


def test_table_two_figures_written_from_their_first_digit():
    import random
    import re

    from disclosure_lint.report import proactive_claims as pc

    plain = re.compile(r"(?<![\d.．,０-９])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d０-９%％])\s?"
                       r"(?P<unit>万元|亿元|元|件|个|部|份|起|宗|次|条|项)")
    rnd = random.Random(12)
    alphabet = list("0123456789,.．０９% 万元件个项a")
    for _ in range(20000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 14)))
        for pos in (0, 1, 2):
            assert [(m.span(), m.groupdict()) for m in pc._FIG.finditer(text, pos)] == \
                   [(m.span(), m.groupdict()) for m in plain.finditer(text, pos)], text
    assert _gate_covers("规行", pc._ROW_ALTERNATION)


def _must_hold(pattern: str, ch: str) -> bool:
    """Does every match of ``pattern`` contain the character ``ch``?  (Read from its parse tree; assertions do not
    count: they consume nothing.)"""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser as p  # type: ignore[attr-defined]

    def seq(items) -> bool:
        return any(one(op, av) for op, av in items)

    def one(op, av) -> bool:
        if op is c.LITERAL:
            return chr(av) == ch
        if op is c.IN:
            return all(iop is c.LITERAL and chr(iav) == ch for iop, iav in av)
        if op is c.BRANCH:
            return all(seq(alt) for alt in av[1])
        if op is c.SUBPATTERN:
            return seq(av[3])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            return av[0] >= 1 and seq(av[2])
        return False

    return seq(p.parse(pattern))


def test_lawsuit_keywords_hold_su():
    from disclosure_lint.report import prose_sums

    for name in ("direct", "after_review", "litigation"):
        assert _must_hold(prose_sums._KW[name], "诉"), name
    assert not _must_hold(prose_sums._KW["review"], "诉")
    assert _must_hold("(?:a|b诉)诉?x诉", "诉") and not _must_hold("a|b诉", "诉")
