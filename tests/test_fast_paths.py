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
    words = [*pr.SPAM_TERMS, "BET365", "bEt365", "注册送5元彩金", "首存即送 100 彩金", "太阳城娱乐", "体育"]
    import random

    rnd = random.Random(3)
    for _ in range(20000):
        text = "".join(rnd.choice([*words, *"abc 注册送彩金就即元0123"]) for _ in range(rnd.randint(0, 4)))
        assert bool(terms.search(text)) == bool(pr.TERMS_GATE.search(text)), text
        assert bool(slow_gate.search(text)) == bool(pr._GATE.search(text)), text
    old = (r"[XxＸｘ]{2}|(?:19|20)\d?[Xx×＊*]|[年月][Xx×]|此处|在此"
           r"|[【\[［〔（(]\s*(?:请|在此|此处)?\s*(?:填|输入|待|文字描述)")
    for syms in ("×＊○□", "", "-]^\\"):
        slow = re.compile(old + (f"|[{re.escape(syms)}]{{2}}" if syms else ""))
        fast = re.compile("|".join([cs._TRIGGER_BASE, *cs._led(syms, f"[{re.escape(syms)}]")]))
        for text in _texts("XxＸｘ×＊*○□1920年月此处在【[（( 请填输入待文字描述-]^\\", 20000, 8, 4):
            assert bool(slow.search(text)) == bool(fast.search(text)), (syms, text)


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
    from disclosure_lint.report import truncation, writing
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
        for label, tid in truncation._row_labels():
            if label == k:
                return None
            if label.startswith(k):
                hit = hit or tid
        return hit

    for label, _ in truncation._row_labels():
        for a in range(len(label)):
            for b in range(a + 1, len(label) + 1):
                assert truncation._row_fragment(label[a:b]) == slow(label[a:b])
                assert truncation._row_fragment(label[a:b] + "的") == slow(label[a:b] + "的")


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
