"""The fast paths of the readers and the engine give what the slow ones gave (bench/same_findings.py
compares whole runs; these pin the edge cases each shortcut relies on)."""

from __future__ import annotations

import dataclasses
import importlib
import random
from decimal import Decimal

import pytest

from disclosure_lint import textio
from disclosure_lint.model import Anchor, Block, Cell, Row, Table
from disclosure_lint.readers import markdown
from disclosure_lint.readers.lines import capped_rows, new_anchor, new_block, new_cell, new_row
from disclosure_lint.report.stats.identities import Check, check_identities, table_version
from disclosure_lint.report.stats.model import StatCell, StatTable, Unmapped, new_stat_cell, parse_value
from disclosure_lint.report.stats.schema import identities, schema

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


def test_rows_and_blocks_made_fast_are_the_same_objects():
    cells = (new_cell("甲", 0, 0, 1, 3, 4),)
    assert type(new_row(cells, 1, True)) is Row and new_row(cells, 1, True) == Row(cells, 1, True)
    assert repr(new_row(cells)) == repr(Row(cells)) and hash(new_row(cells)) == hash(Row(cells))
    args = (0, "table", "甲", 1, 1, 1, 5, (new_anchor(0, 1, 3),), None, Table(rows=(Row(cells),)))
    fast, slow = new_block(*args), Block(*args)
    assert type(fast) is Block and fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert new_block(3, "heading", "标题", level=2) == Block(3, "heading", "标题", level=2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.text = "乙"  # type: ignore[misc]


@pytest.mark.parametrize("line", ["| a | b |", "a\\|b", "\\|\\|", "\\\\|x", "|", "", "\\", "||\\||", "a|\\"])
def test_table_cells_counted_at_once(line):
    """A Markdown table's cells are counted as its pipes less its escaped pipes (``readers/markdown.py``)."""
    lines = [line, "|-|", line + "|" + line]
    for limit in (1, 2, 3, 5, 100):
        assert markdown._table_cells(lines, 0, 3, limit) == capped_rows(lines, 0, 3, markdown._PIPE, limit)


def test_stat_cells_made_fast_are_the_same_objects():
    args = ("s3", "new", "natural_person", "12", parse_value("12"), "一、本年新收", "自然人", None, Cell("12", 1, 1))
    fast, slow = new_stat_cell(*args), StatCell(*args)
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow) and type(fast) is StatCell
    # every field (StatCell has slots, no __dict__)
    assert [getattr(fast, f.name) for f in dataclasses.fields(StatCell)] == [getattr(slow, f.name) for f in
                                                                          dataclasses.fields(StatCell)]
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.raw = "13"  # type: ignore[misc]


# -- the identities: evaluated per table, once, as they were per identity and twice -----------------------------

ZERO = Decimal(0)


def _evaluate(ident, table, unknown=frozenset()):
    """One identity on one table, as check_identities evaluated each before it was compiled (twice when a
    table has a blank total: once without, once with the unknown totals)."""
    if table.layout == "image":
        return Check(ident, table, "skipped", reason="表格为图片")
    if table.loose:
        # values of a flattened table that could not be placed: some cells are unknown
        return Check(ident, table, "skipped", reason="有未能定位的数值")
    if any(u.what == "col" for u in table.unmapped):
        # an unrecognised column may have shifted the others: no arithmetic on this table
        return Check(ident, table, "skipped", reason="表中有未识别的列")
    if ident.id == "I3" and (table.unmapped_data or table.extra_rows):
        # the numbers of an unrecognised or local row may belong to the sum
        return Check(ident, table, "skipped", reason="表中有未识别或额外的行")
    cells = table.cells
    sums = [ZERO, ZERO]
    for side, keys in enumerate((ident.lhs, ident.rhs)):
        for k in keys:
            c = cells.get(k)
            if c is None:
                return Check(ident, table, "skipped", reason=f"未读到单元格 {k[0]} › {k[1]}")
            v = c.value
            if v.kind == "text":
                return Check(ident, table, "skipped", reason=f"单元格 {k[0]} › {k[1]} 不是数字")
            if v.number is not None:
                sums[side] += v.number
    lhs, rhs = sums
    if ident.id != "I1":
        total = table.cells[ident.lhs[0]]
        if not total.value.is_number and rhs != 0:
            # a blank 总计 whose parts are not all zero: not an arithmetic error (spec I13)
            return Check(ident, table, "blank_total", lhs, rhs)
    if any(k in unknown for k in (*ident.lhs, *ident.rhs)):
        # a blank total of another identity takes part: its value is unknown, not 0
        return Check(ident, table, "skipped", reason="涉及未填写的合计栏")
    if lhs == rhs:
        return Check(ident, table, "ok", lhs, rhs)
    return Check(ident, table, "violated", lhs, rhs)


def _reference_checks(stats, format_version):
    out = []
    for tid in ("s3", "s4"):
        table = stats.get(tid)
        if table is None or not table.cells:
            continue
        idents = identities(tid, table_version(table, format_version))
        first = [_evaluate(i, table) for i in idents]
        unknown = frozenset(c.total_key for c in first if c.status == "blank_total")
        out.extend(_evaluate(i, table, unknown) if unknown else c for i, c in zip(idents, first))
    return out


def _random_table(rnd: random.Random, tid: str, version: str) -> StatTable:
    sch = schema(tid, version)
    cells = {}
    for r in sch.data_rows():
        for c in sch.cols:
            if rnd.random() < 0.03:
                continue  # a cell not read
            raw = rnd.choice(["0", "0", "1", "2", "3", "", "/", "—", "若干", "1.5", "-1"])
            cells[(r.id, c.id)] = new_stat_cell(tid, r.id, c.id, raw, parse_value(raw), r.label, c.label)
    t = StatTable(id=tid, schema=sch, detected_version=rnd.choice([None, version]), cells=cells)
    roll = rnd.random()
    if roll < 0.04:
        t.layout = "image"
    elif roll < 0.08:
        t.loose.append(new_stat_cell(tid, "", "", "5", parse_value("5"), "", ""))
    elif roll < 0.12:
        t.unmapped.append(Unmapped("某列", "col"))
    elif roll < 0.16:
        t.unmapped.append(Unmapped("某行", "row"))
    elif roll < 0.2:
        t.extra_rows.append(("其他主动公开文件", None, None))
    return t


def _same(a, b) -> bool:
    return (a.ident, a.table, a.status, a.lhs, a.rhs, a.reason) == (b.ident, b.table, b.status, b.lhs, b.rhs, b.reason)


def test_identities_evaluated_once_per_table_as_one_by_one():
    rnd = random.Random(12)
    statuses: set[str] = set()
    for _ in range(1500):
        version = rnd.choice(["2019", "2021"])
        stats = {tid: _random_table(rnd, tid, version) for tid in ("s3", "s4") if rnd.random() < 0.9}
        fast = check_identities(stats, version).checks
        slow = _reference_checks(stats, version)
        assert len(fast) == len(slow) and all(_same(a, b) for a, b in zip(fast, slow))
        statuses.update(c.status for c in fast)
    assert statuses == {"ok", "violated", "blank_total", "skipped"}


def test_stat_value_skips_only_cells_it_would_not_report():
    from disclosure_lint.kinds.statistics import _NEVER_A_PROBLEM, StatValue, ValueOptions

    kind = StatValue.__new__(StatValue)
    kind.options = ValueOptions()
    raws = ["0", "12", "-3", "1.5", "-0", "0.0", "", "/", "—", "无", "不适用", "若干", "1,234", "５", "3件"]
    for sch in (schema("s2", "2019"), schema("s2", "2021"), schema("s3", "2021"), schema("s4", "2021")):
        t = StatTable(id=sch.id, schema=sch, detected_version=None)
        for col in sch.cols:
            for raw in raws:
                v = parse_value(raw)
                c = new_stat_cell(sch.id, "r", col.id, raw, v, "r", col.label)
                if v.kind in _NEVER_A_PROBLEM or (v.kind == "int" and v.number >= 0):
                    assert kind._problem(t, ("r", col.id), c) is None, (sch.id, col.id, raw)


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
    from disclosure_lint.report import claim_context, prose_reading, prose_sum_names

    assert _gate_covers(claim_context._SCOPE_FIRST, "|".join(f"(?:{p})" for p in claim_context.DEFAULT_SCOPE))
    # the default list runs as its literal-led twin, the same matches (tests/test_fast_paths_t4_claims.py)
    assert claim_context.scope_regex(list(claim_context.DEFAULT_SCOPE)).pattern == "|".join(claim_context._SCOPE_LED)
    assert _gate_covers(prose_sum_names.TOTAL_KW_FIRST, prose_sum_names.TOTAL_KW_ALTERNATION)
    gate, rest = prose_reading.PART_YEAR.pattern.split(")(?:", 1)
    assert _gate_covers(gate[len("(?=["):-1], rest[:-1])
    assert not _gate_covers("上下季截前", rest[:-1])  # the helper does see the digits
    from disclosure_lint.report import claims

    assert _gate_covers(claims._PREFILTER_FIRST, claims._PREFILTER_ALTERNATION)


def test_the_gated_patterns_find_what_the_plain_ones_find():
    import re
    from pathlib import Path

    from disclosure_lint.report import claim_context, prose_reading, prose_sum_names

    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "examples").glob("*.md"))]
    texts += [Path(__file__).read_text(encoding="utf-8"), "截至2023年9月，上半年收到申请12件；3-5月份2件。"]
    pairs = [
        (claim_context.scope_regex(list(claim_context.DEFAULT_SCOPE)),
         re.compile("|".join(f"(?:{p})" for p in claim_context.DEFAULT_SCOPE))),
        (prose_sum_names.TOTAL_KW, re.compile(prose_sum_names.TOTAL_KW_ALTERNATION)),
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
    assert sum(len(c) + len(s) for c, s in fast) > 80  # examples and fixtures alone (no bench/out, as in CI): 96


def test_prose_sums_read_with_kept_part_names_as_without(monkeypatch):
    """The part names are classified once (``prose_sum_names.classify`` is cached across reports): a pure function, so
    the sums read with a cold cache, a warm one and none at all are the same."""
    from disclosure_lint.report import prose_sum_names, prose_sums

    def read(report):
        return [repr((s.kind, s.total, s.parts, s.exhaustive, s.form, s.sentence, s.sentence_start, s.total_after))
                for s in prose_sums.find_sums(report)]

    from disclosure_lint import memo

    reports = list(_claim_reports())
    prose_sum_names.classify.cache_clear()
    # each pass reads every sentence: none put back from a shape an earlier pass (or test) kept
    memo.forget()
    cold = [read(r) for r in reports]
    memo.forget()
    warm = [read(r) for r in reports]
    assert prose_sum_names.classify.cache_info().hits > 0
    monkeypatch.setattr(prose_sums, "_classify", prose_sum_names.classify.__wrapped__)  # the name the reader calls
    memo.forget()
    plain = [read(r) for r in reports]
    assert cold == warm == plain
    assert sum(map(len, plain)) > 10


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
    from disclosure_lint.report import prose_sum_names

    for name in ("direct", "after_review", "litigation"):
        assert _must_hold(prose_sum_names.KW[name], "诉"), name
    assert not _must_hold(prose_sum_names.KW["review"], "诉")
    assert _must_hold("(?:a|b诉)诉?x诉", "诉") and not _must_hold("a|b诉", "诉")


# -- the report layer's scanners (issue 12): each fast regex finds what the slow form found -----------------

def _texts(alphabet: str, count: int, longest: int, seed: int) -> list[str]:
    import random

    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, longest))) for _ in range(count)]


def test_portal_prefilter_is_necessary():
    import re

    from disclosure_lint.model import Block
    from disclosure_lint.report import portal

    flat = re.compile("|".join(portal._MAY_HOLD_BRANCHES))
    samples = ["发布日期：2023-01-12", "来源：某某局", "浏览次数：35", "首页>政务公开", "今天是2024年1月22日", "【打印】【关闭】",
               "网站标识码 123 ICP备 1号", "ıcp备", "COPYRIGHT ©", "相关信息 标题 2024-01-21", "打印 关闭", "时间 ：",
               "字号：大 中 小", "上一篇：某某", "索引号 ABC-123", "当前位置：首页", "本年度时间安排", "一、总体情况"]
    for text in samples + _texts("发布日期时间来源：: 次数浏览首页>今天是【】[]打印关闭ICPicp备©相关信息2024-01", 20000, 12, 1):
        assert bool(flat.search(text)) == bool(portal._MAY_HOLD.search(text)), text
        if not portal._MAY_HOLD.search(text):
            assert portal._block_spans(Block(kind="paragraph", text=text, index=0)) == ([], []), text


def test_enumeration_markers_as_the_filtered_scan():
    from disclosure_lint.report import enumeration as e

    def slow(text):
        lead = len(text) - len(text.lstrip(" \t\u3000*#>_"))
        return [(m.start(), m.end()) for m in e._MARKER.finditer(text)
                if not (m.start() > lead and text[m.start() - 1] not in e._BEFORE)]

    class P:
        def __init__(self, text):
            self.text = text

    texts = _texts("一二三十是、（()）12.．①。；：，\n *#_项x", 20000, 12, 2)
    for text in texts:
        assert [(i, m.end()) for i, m in e._markers(text)] == slow(text), text
    for k in range(0, len(texts) - 3, 3):
        pieces = [P(t) for t in texts[k:k + 3]]
        assert e._with_markers(pieces) == {i for i, p in enumerate(pieces) if slow(p.text)}


def test_gates_find_what_the_alternations_find():
    import re

    from disclosure_lint.kinds import content_safety as cs
    from disclosure_lint.report import promotions as pr

    terms, slow_gate = re.compile(pr.TERMS_PATTERN), re.compile("|".join([*pr._CORE, pr.TERMS_PATTERN]))
    words = [*pr.SPAM_TERMS, "BET365", "bEt365", "注册送5元彩金", "首存即送 100 彩金", "太阳城娱乐", "体育",
             "12比分直播", "比分直播", "aG旗舰厅", "AG旗舰厅", "bOb登录", "BoB最新官网", "MANBETX", "uEdBet"]
    import random

    rnd = random.Random(3)
    for _ in range(20000):
        text = "".join(rnd.choice([*words, *"abcgG 注册送彩金就即元0123"]) for _ in range(rnd.randint(0, 4)))
        assert bool(terms.search(text)) == bool(pr.TERMS_GATE.search(text)), text
        assert bool(slow_gate.search(text)) == bool(pr._GATE.search(text)), text
    old = (r"[XxＸｘ]{2}|(?:19|20)\d?[Xx×＊*]|[年月][Xx×]|此处|在此"
           r"|[【\[［〔（(]\s*(?:请|在此|此处)?\s*(?:填|输入|待|文字描述|具体)|报告本机关"
           r"|\*\*(?=[*条件个次人项篇期户家万元份起批%％]|年度)"
           r"|[（(]\s*(?:请\s*)?(?:根据|按照|按|结合)\s*(?:实际|本单位|本机关)")
    for syms in ("×＊○□", "", "-]^\\"):
        slow = re.compile(old + (f"|[{re.escape(syms)}]{{2}}" if syms else ""))
        fast = re.compile("|".join([cs._TRIGGER_BASE, *cs._led(syms, f"[{re.escape(syms)}]")]))
        for text in _texts("XxＸｘ×＊*○□1920年月此处在【[（( 请填输入待文字描述-]^\\根据按照实际本机关", 20000, 8, 4):
            assert bool(slow.search(text)) == bool(fast.search(text)), (syms, text)


def test_the_spam_gate_is_led_by_literals():
    """Every branch of the promotions' block gate starts with a literal character: one led by a class ([Bb]ob…,
    \\d{2,4}比分…) made ``re`` try the whole tree at every character of a report (ten times slower)."""
    import re

    from disclosure_lint.report import promotions as pr
    from disclosure_lint.report.alternation import literal_led

    parser = importlib.import_module("re._parser")
    constants = importlib.import_module("re._constants")
    tree = parser.parse(pr._GATE.pattern)
    assert len(tree.data) == 1 and tree.data[0][0] is constants.BRANCH
    for branch in tree.data[0][1][1]:
        assert branch.data[0][0] is constants.LITERAL, branch
    assert literal_led("[Bb]ob官网") == ["Bob官网", "bob官网"]
    assert literal_led(r"\d{2,4}比分直播") == [r"比(?<=\d{2}比)分直播"]
    assert literal_led("[ab]c") == ["[ab]c"]  # not one letter's two cases
    gate = re.compile(literal_led(r"\d{2,4}比分直播")[0])
    assert [bool(gate.search(t)) for t in ("12比分直播", "1比分直播", "2024比分直播")] == [True, False, True]


def test_dates_headings_and_marks_as_before():
    import re

    from disclosure_lint.report import dates, inline, writing

    old_date = re.compile(r"(?<![\d.\-/])(?:" + dates.DATE_RE.pattern.split("[〇零○一二三四五六七八九])(?:", 1)[1])
    for text in _texts("0123456789年月日号-/. \t:〇零一二九十x", 20000, 16, 5):
        got = [m.groupdict() | {"span": m.span()} for m in dates.DATE_RE.finditer(text)]
        assert got == [m.groupdict() | {"span": m.span()} for m in old_date.finditer(text)], text
    old_cand = re.compile(rf"(?<![{inline._NUM}第])(?P<num>[{inline._NUM}])[ \u3000]?(?P<sep>[、.．])[ \u3000]?")
    for text in _texts(inline._NUM + "第、.． \u3000\nx", 20000, 10, 6):
        assert [m.span() for m in inline._CAND.finditer(text)] == [m.span() for m in old_cand.finditer(text)], text
    old_marks = re.compile(r"([，。、；：])\1+|([,;])\2+")
    for text in _texts("，。、；：,;x中", 20000, 8, 7):
        assert [m.span() for m in writing._MARK_RUN.finditer(text)] == [m.span() for m in old_marks.finditer(text)]


def test_count_list_clauses_and_row_fragments_as_before():
    from disclosure_lint.report import count_lists as writing
    from disclosure_lint.report import truncation_labels
    from disclosure_lint.report.stats.schema import norm

    for text in _texts("条件个篇次人场期项文事12 、，,；;：:。！？!?\n", 20000, 14, 8):
        found = [m.start() for m in writing._CANDIDATE.finditer(text)]
        pos = 0
        for cm in [*writing._CLAUSE_SPLIT.finditer(text), None]:
            end = cm.start() if cm else len(text)
            k = writing.bisect_left(found, pos)
            assert (k < len(found) and found[k] < end) == bool(writing._CANDIDATE.search(text, pos, end)), text
            pos = cm.end() if cm else end
        assert bool(writing._UNIT_CHAR.search(text)) == any(u in text for u in writing.UNITS)

    def slow(text):
        k = norm(text)
        if len(k) < 2 or not any("\u4e00" <= c <= "\u9fff" for c in k):
            return None
        hit = None
        for label, tid in truncation_labels.row_labels():
            if label == k:
                return None
            if label.startswith(k):
                hit = hit or tid
        return hit

    for label, _ in truncation_labels.row_labels():
        for a in range(len(label)):
            for b in range(a + 1, len(label) + 1):
                assert truncation_labels.row_fragment(label[a:b]) == slow(label[a:b])
                assert truncation_labels.row_fragment(label[a:b] + "的") == slow(label[a:b] + "的")


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


def test_outdated_term_words_are_held_by_every_match():
    import random
    import re

    from disclosure_lint.kinds.terminology import required_words

    assert required_words(re.compile(r"(?:(?:以)?科学发展观为(?:统领|指导|指引))")) == ["科学发展观为"]
    assert required_words(re.compile(r"国办\s*函|(?:《[^》]{0,4})?年度报告格式")) == ["国办", "年度报告格式"]
    assert required_words(re.compile("(?i)abc")) is None and required_words(re.compile("a|b?")) is None
    rnd = random.Random(9)
    atoms = ["a", "b", "ab", "(?:a|bc)", "x?", "(?:ab)+", "[ab]", "c{2}", "(?:a|b?)", r"\s*", "(?=a)", "(?<=b)",
             "(?i:a)", "a*?", r"(a)\1", "^", "$", r"\bab"]
    for _ in range(1500):
        pattern = "".join(rnd.choice(atoms) for _ in range(rnd.randint(1, 4)))
        if rnd.random() < 0.3:
            pattern += "|" + "".join(rnd.choice(atoms) for _ in range(rnd.randint(1, 3)))
        try:
            regex = re.compile(pattern)
        except re.error:
            continue
        words = required_words(regex)
        if words is None:
            continue
        for _ in range(50):
            text = "".join(rnd.choice("abcx AB") for _ in range(rnd.randint(0, 8)))
            for m in regex.finditer(text):
                assert any(w in m.group(0) for w in words), (pattern, words, text)


def _tables_seen(path):
    from disclosure_lint.readers import read_path
    from disclosure_lint.report import interpret
    from disclosure_lint.report.stats.extract import extract

    out = {}
    for tid, t in extract(interpret(read_path(path))).items():
        out[tid] = ([(k, c.raw, c.row_label, c.col_label, c.cell) for k, c in t.cells.items()],
                    list(t.col_labels.items()), list(t.row_labels.items()), t.unmapped, t.detected_version)
    return out


@pytest.mark.parametrize("name", ["clean-2023.md", "defective-2023.md"])
def test_memoised_row_votes_and_column_orders_read_the_same(name):
    """The memos of the statistics reader (row votes by their labels, table 四's column order by its header,
    table 三's row ids by their labels and context, and its whole tables by their shape)
    give what a first reading gave: read with the memos empty, then again with them filled."""
    from disclosure_lint.report.stats import segments, table2, table3, table4

    path = f"examples/{name}"
    segments._votes.clear()
    segments._SPLITS.clear()  # (a block of a shape seen before is not split row by row: its rows' votes are not asked)
    table4._ORDERS.clear()
    table4._S4_SHAPES.clear()  # (nor is table 四's column order asked of a table of a shape seen before)
    table3._ROWS.clear()
    table3._SHAPES.clear()  # (a table of a shape seen before is not read row by row: its row ids are not asked)
    table2._S2_SHAPES.clear()
    cold = _tables_seen(path)
    assert segments._votes and table3._ROWS
    assert _tables_seen(path) == cold


_MD_PIECES = ("", " ", "  ", "    ", "\t", " \t", "# ", "## ", "#", "###### x", "####### x", "> ", ">", "- ", "-",
              "* ", "+ ", "1. ", "2) ", "10. ", "1234567890. ", "---", "***", "___", "- - -", "===", "```", "~~~",
              "```py", "~~~ `x`", "[a]: /u", "[a]:", "[b]: <x> 'title'", "<div>", "</div>", "<!-- c -->", "<!--",
              "<table>", "<pre>", "<?php", "<![CDATA[", "| a | b |", "|---|---|", "a | b", "-|-", ":-:|", "|", "\\|",
              "文字", "政府信息公开", "x", "[", "<", "`", "~", "_", "=", ":", "1", "  1. a", "\u3000", "\u3000> a")


def _md_samples():
    import glob
    import random

    from tests.textshapes import SPECIAL, UNITS, shape, special

    for p in sorted(glob.glob("examples/*.md") + glob.glob("tests/fixtures/**/*.md", recursive=True)
                    + glob.glob("bench/out/*.md")[:40]):
        with open(p, encoding="utf-8", errors="replace") as f:
            yield f.read()
    for name in UNITS:
        yield shape(name, 4_000, "md")[1]
        yield shape(name, 4_000, "lines")[1]
    for name in SPECIAL:
        yield special(name, ".md", n=2_000, cols=20)
    rnd = random.Random(12)
    for _ in range(3000):
        lines = []
        for _ in range(rnd.randint(1, 14)):
            k = rnd.randint(1, 3)
            lines.append("".join(rnd.choice(_MD_PIECES) for _ in range(k)))
        yield "\n".join(lines) + rnd.choice(("", "\n", " ", "\t"))


def test_markdown_first_character_checks_give_the_same_tokens():
    """markdown-it's block rules behind the reader's first-character (and indent) checks give exactly the token
    stream of the plain rules, on the examples, the fixtures, bench reports, hostile shapes and random lines made of
    every block marker, indents and tabs."""
    from markdown_it import __version__

    from disclosure_lint.readers import markdown

    checked = markdown._parser(True).block.ruler.getRules("")
    plain = markdown._parser(False).block.ruler.getRules("")
    if __version__ in markdown._VERIFIED:
        assert checked != plain  # the checks are installed
    n = 0
    for text in _md_samples():
        a = markdown._block_tokens(text, True)
        b = markdown._block_tokens(text, False)
        assert a == b, text[:300]
        n += 1
    assert n > 3000


def test_markdown_line_marks_are_markdown_its():
    """The reader's line caches are those StateBlock computes, on the same samples plus tabs, blank last lines and
    lines of spaces."""
    from markdown_it.rules_block.state_block import StateBlock

    from disclosure_lint.readers import markdown

    md = markdown._parser(False)
    extra = ["a", " ", "\t", "a\n ", "a\n\t \t", "a\n", "\n", "\n\n", " \t a\n\t\tb\n  \t  c", "x\n \n\t\n",
             "\t\t\t\tcode\n    \tx\n", "\u3000a\n \u3000b"]
    for text in [*_md_samples(), *extra]:
        src = text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")
        if not src:
            continue
        sb = StateBlock(src, md, {}, [])
        begins, ends, shifts, counts = markdown._line_marks(src)
        assert (sb.bMarks, sb.eMarks, sb.tShift, sb.sCount) == (begins + [len(src)], ends + [len(src)],
                                                                  shifts + [0], counts + [0]), src[:200]
        assert sb.bsCount == [0] * len(sb.bMarks) and sb.lineMax == len(begins)


def _s3_is_header_reference(texts):
    """s3_is_header as it read each cell before its per-text memo."""
    from disclosure_lint.report.stats import labels as lb
    from disclosure_lint.report.stats.grid import is_value

    n_cols = 0
    for t in texts:
        if not t:
            continue
        if lb.NOTE_S3 in t:
            return True
        if is_value(t):
            return False
        m = lb.match_s3_col(t)
        if m is not None and (m[0] == "group" or m[1] not in ("total", "other_org")):
            n_cols += 1
    return n_cols >= 1


def test_table_three_header_rows_as_cell_by_cell():
    from disclosure_lint.model import Cell, Row
    from disclosure_lint.report.stats.table3 import s3_is_header

    pool = ["", "", "自然人", "法人或其他组织", "商业企业", "科研机构", "总计", "其他", "其他组织", "小计",
            "申请人情况", "（七）总计", "3.其他", "12", "0", "/", "—", "若干", "勾稽关系：第一项加第二项之和",
            "一、本年新收政府信息公开申请数量", "x" * 300, "自然人" + "y" * 250]
    rnd = random.Random(3)
    for _ in range(3000):
        texts = [rnd.choice(pool) for _ in range(rnd.randint(0, 6))]
        row = Row(cells=tuple(Cell(text=t, row=0, col=i, line=1) for i, t in enumerate(texts)))
        assert s3_is_header(row) == _s3_is_header_reference(texts), texts


def test_table_two_row_of_memoised_as_read():
    from disclosure_lint.report.stats import table2

    for t in ["规章", "1.规章", "（一）规章", "规范性文件", "行政许可", "行政处罚", "行政事业性收费", "信息内容",
              "本年制发件数", "其他对外管理服务事项", "", "12", "规章" + "z" * 300]:
        assert table2.s2_row_of(t) == table2._s2_row_of(t) == table2.s2_row_of(t)
    for t in ["", "（一）主动公开规章情况", "第二十条第（一）项", "规章", "12", "第二十条" + "z" * 300]:
        assert table2.s2_title(t) == table2._s2_title(t) == table2.s2_title(t)
        assert table2._first_label(t) == bool(t and not table2._s2_title(t))


def test_stat_value_table_prefilter_only_skips_tables_whose_every_cell_is_skipped():
    from disclosure_lint.kinds import statistics as st

    raws = ["0", "12", "-3", "1.5", "-0", "0.0", "", "/", "—", "无", "不适用", "若干", "1,234", "５", "3件", "-1"]
    rnd = random.Random(5)
    for _ in range(3000):
        values = [parse_value(rnd.choice(raws)) for _ in range(rnd.randint(0, 8))]
        prefilter = st._NEVER_OR_INT.issuperset(v.kind for v in values) and min(
            (v.number for v in values if v.number is not None), default=0) >= 0
        each = all(v.kind in st._NEVER_A_PROBLEM or (v.kind == "int" and v.number >= 0) for v in values)
        assert prefilter == each, [v.kind for v in values]
