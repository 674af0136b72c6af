"""The gates of round 9 (t9-gates) against the forms they replace: each finds something wherever what it guards
does (a necessary condition), so the rules read the same blocks' matches and report the same findings."""

from __future__ import annotations

import random
import re
from bisect import bisect_left

import pytest

from disclosure_lint.kinds import content_safety as cs
from disclosure_lint.report.alternation import AnyOf, holding

from .benchgen import generated
from .conftest import lint

# digits \d reads that are not ASCII: full-width, Arabic-Indic, Devanagari; and ² (a digit, not a decimal: not \d)
_OTHER_DIGITS = "０１２８９٠١٩०१²"


def _texts(pieces: list[str], count: int, longest: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, longest))) for _ in range(count)]


def _id_number(rnd: random.Random, digits: str = "") -> str:
    """An 18-character number of the ID's form (its check digit right), some of the places _ID reads with \\d
    written with ``digits`` (full-width …) when given."""
    body = (f"{rnd.choice(sorted(cs._PROVINCES))}{rnd.randint(0, 9999):04d}{rnd.choice(['18', '19', '20'])}"
            f"{rnd.randint(0, 99):02d}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}{rnd.randint(0, 999):03d}")
    total = sum(int(d) * w for d, w in zip(body, cs._ID_WEIGHTS))
    number = body + cs._ID_CHECK[total % 11]
    if digits:
        chars = list(number)
        for k in (1, 2, 3, 4, 5, 8, 9, 14, 15, 16):  # the places _ID reads with \d
            if rnd.random() < 0.3:
                chars[k] = rnd.choice([c for c in digits if c.isdecimal()])
        number = "".join(chars)
    return number


def _id_texts(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    pieces = [*"0123456789Xx", *_OTHER_DIGITS, "18", "19", "20", "1", "2", "中", "年", "号", "-", " ", "\n", "\t", "\0",
              "a", "（"]
    out = []
    for _ in range(count):
        parts = [rnd.choice(pieces) for _ in range(rnd.randint(0, 6))]
        if rnd.random() < 0.6:
            number = _id_number(rnd, _OTHER_DIGITS if rnd.random() < 0.5 else "")
            if rnd.random() < 0.3:  # cut, or a digit changed: near misses
                k = rnd.randrange(18)
                number = number[:k] + rnd.choice(["", rnd.choice("0123456789X０"), "\0", "\n"]) + number[k + 1:]
            parts.insert(rnd.randint(0, len(parts)), number)
        out.append("".join(parts))
    return out


# -- alternation.AnyOf -------------------------------------------------------------------------------------------


def test_any_of_finds_where_the_alternation_does():
    patterns = [re.compile(p) for p in (r"1[89](?<=[1-9]\d{5}1[89])", r"20(?<=[1-9]\d{5}20)", "ab", "b(?<=[ab]b)")]
    alternation = re.compile("|".join(p.pattern for p in patterns))
    gate = AnyOf(patterns)
    texts = _texts([*"12089ab\n\0", "19", "20", "123456"], 20000, 8, 91)
    for text in texts:
        for pos in range(0, len(text) + 1, 3):
            m, g = alternation.search(text, pos), gate.search(text, pos)
            assert (m and m.start()) == (g and g.start()), (text, pos)
    rnd = random.Random(92)
    for _ in range(3000):
        group = [rnd.choice(texts) for _ in range(rnd.randint(0, 6))]
        for sep in ("\n", "\0"):
            if any(sep in t for t in group):
                continue
            assert gate.holding(group, sep) == holding(group, alternation.search, sep) == \
                [k for k, t in enumerate(group) if alternation.search(t)], group


# -- DL503: the ID number's gate -----------------------------------------------------------------------------------


def test_id_gate_is_a_necessary_condition_of_the_id_pattern():
    """Wherever _ID matches (ASCII, full-width and other digits where it reads \\d, cut and changed numbers, NULs and
    newlines beside them), _ID_GATE finds something; the old gate (17 digits) did too."""
    old = re.compile(r"\d\d{16}")
    found = 0
    for text in _id_texts(40000, 93):
        m = cs._ID.search(text)
        if m is not None:
            found += 1
            assert cs._ID_GATE.search(text) is not None, text
            assert old.search(text) is not None, text
            # the gate finds the match's own 18/19/20 (at its seventh character): in a text cut around it too
            assert cs._ID_GATE.search(text[m.start():m.end()]) is not None, text
    assert found > 8000


def test_id_gate_blocks_joined_by_nuls_are_those_found_one_by_one():
    texts = [*_id_texts(6000, 94), ""]
    rnd = random.Random(95)
    for _ in range(3000):
        group = [rnd.choice(texts).replace("\0", "") for _ in range(rnd.randint(0, 8))]
        assert cs._ID_GATE.holding(group, "\0") == [k for k, t in enumerate(group) if cs._ID_GATE.search(t)], group


def _with_numbers(seed: int, count: int) -> list[str]:
    """Generated reports with ID-like numbers (right, near misses, other digits) put into paragraphs and cells."""
    rnd = random.Random(seed)
    out = []
    for _name, text in generated(count, seed=seed):
        lines = text.split("\n")
        for _ in range(6):
            k = rnd.randrange(len(lines))
            number = _id_texts(1, rnd.randrange(10 ** 6))[0].replace("\n", "").replace("\0", "").replace("|", "")
            line = lines[k]
            if line.startswith("|") and line.count("|") > 2:  # into a cell
                cells = line.split("|")
                c = rnd.randrange(1, len(cells) - 1)
                cells[c] = cells[c] + number
                lines[k] = "|".join(cells)
            elif line and not line.startswith("#"):
                at = rnd.randint(0, len(line))
                lines[k] = line[:at] + "身份证号" + number + line[at:]
        out.append("\n".join(lines))
    return out


def _findings(diags) -> list[tuple]:
    return [(d.code, d.line, d.column, d.match, d.message) for d in diags]


def test_dl503_findings_as_with_the_old_gate(monkeypatch):
    texts = _with_numbers(96, 12) + [f"申请人（身份证号{_id_number(random.Random(k))}）" for k in range(40)]
    new = [_findings(lint(t, select=["DL503"])) for t in texts]
    assert sum(map(len, new)) > 20
    monkeypatch.setattr(cs, "_ID_GATE", re.compile(r"\d\d{16}"))
    assert [_findings(lint(t, select=["DL503"])) for t in texts] == new


# -- DL502: the placeholder trigger --------------------------------------------------------------------------------

_OLD_TRIGGER = "|".join([*cs._led("XxＸｘ", "[XxＸｘ]"), r"19\d?[Xx×＊*]", r"20\d?[Xx×＊*]", *cs._led("年月", "[Xx×]"),
                         "此处", "在此", *cs._led("【[［〔（(", r"\s*(?:请|在此|此处)?\s*(?:填|输入|待|文字描述|具体)"),
                         "报告本机关", r"\*\*(?=[*条件个次人项篇期户家万元份起批%％]|年度)",  # round 29
                         "年[ \u3000\xa0]{1,8}月[ \u3000\xa0]{1,8}日",  # a date left blank (2024年  月  日), round 17
                         "月[ \u3000\xa0]{1,8}日"])  # its day left blank (2024年1月  日), round 18
_TRIGGER_PIECES = [*"XxＸｘ×＊*○□1920年月此处在【[［〔（( \t\n\0请填输入待文字描述-]^\\", "19", "20", "１９", "２０", "٢٠",
                   "5", "X年", "年X", "月×", "19X", "20１X", "此处", "在此", "（请填写", "中", "日", "　", "\xa0", "年  月"]


@pytest.mark.parametrize("syms", ["×＊○□", "", "-]^\\", "X*"])
def test_placeholder_trigger_finds_what_the_digit_led_one_found(syms):
    sym = cs._led(syms, f"[{re.escape(syms)}]")
    old, new = re.compile("|".join([_OLD_TRIGGER, *sym])), re.compile("|".join([cs._TRIGGER_BASE, *sym]))
    found = 0
    for text in _texts(_TRIGGER_PIECES, 30000, 6, 97):
        m = old.search(text)
        found += m is not None
        assert (m is not None) == (new.search(text) is not None), (syms, text)
    assert 8000 < found < 25000


_PLACEHOLDERS = ["", "2024年  月  日", "　　年　　月　　日", "20XX年", "19X5年", "2023年X月X日", "XX局", "（填写单位名称）", "（ 请 待补充）", "此处填写", "在此输入",
                 "张××", "××局", "＊＊", "○○", "二○○九年", "□□", "【填写数据】", "[待定]", "ｘｘ", "XXI"]


def test_dl502_findings_as_with_the_old_trigger(monkeypatch):
    rnd = random.Random(98)
    texts = []
    for _name, text in generated(12, seed=98):
        lines = text.split("\n")
        for _ in range(8):
            k = rnd.randrange(len(lines))
            if lines[k] and not lines[k].startswith(("#", "|")):
                piece = "".join(rnd.choice(_TRIGGER_PIECES) for _ in range(4)).replace("\n", "").replace("\0", "")
                lines[k] = lines[k] + piece + rnd.choice(_PLACEHOLDERS)
        texts.append("\n".join(lines))
    texts += [f"本机关{p}公开" for p in _PLACEHOLDERS] + ["２０１X年", "19０X年"]
    new = [_findings(lint(t, select=["DL502"])) for t in texts]
    assert sum(map(len, new)) > 20
    monkeypatch.setattr(cs, "_TRIGGER_BASE", _OLD_TRIGGER)
    assert [_findings(lint(t, select=["DL502"])) for t in texts] == new


# -- substitution (DL702): a swap's required character --------------------------------------------------------------


def test_required_char_is_in_every_match():
    from disclosure_lint.kinds.pattern_gates import required_char

    dl702 = r"(?<=[发函字办令])\s*[\[［(（【〔{｛](?P<y>(?:19|20)\d{2})[\]］)）】〕}｝](?P<n>第?\d{1,4}号)"
    cases = {dl702: "号", "abc": "a", "(?i)abc": None, "a|b": None, "x+y?": "x", "(?i:号)文": "文", "[ab]c*": None,
             "(?:ab|ac)d{0}": "a", "ab|cd": None, "(?=号)x": "x", "(?>号)": None, "号{2,}文": "号"}
    pieces = [*"号文abcdxy函〔〕[]（）发 ", "2021", "19", "30", "第", "号"]
    texts = _texts(pieces, 20000, 8, 99)
    for source, want in cases.items():
        pattern = re.compile(source)
        ch = required_char(pattern)
        assert ch == want, source
        if ch is None:
            continue
        for text in texts:
            if pattern.search(text):
                assert ch in text, (source, text)
    assert required_char(re.compile("abc", re.I)) is None


_DOC_NUMBERS = ["国办公开办函[2021]30号", "国办公开办函（2021）30号", "国办公开办函【2021】第30号", "国办公开办函〔2021〕30号",
                "国办发 (2019) 5号", "某政办函｛2023｝12号", "办[2023]号", "令[1999]1234号", "字(2020)30", "函[ 2021]30号"]


def test_dl702_findings_as_without_the_character_test(monkeypatch):
    from disclosure_lint.kinds import substitution

    rnd = random.Random(100)
    texts = []
    for _name, text in generated(12, seed=100):
        lines = text.split("\n")
        for _ in range(6):
            k = rnd.randrange(len(lines))
            if lines[k] and not lines[k].startswith("#"):
                lines[k] = lines[k].replace("|", "|" + rnd.choice(_DOC_NUMBERS), 1) if lines[k].startswith("|") \
                    else lines[k] + rnd.choice(_DOC_NUMBERS)
        texts.append("\n".join(lines))
    texts += [f"依据{n}编制" for n in _DOC_NUMBERS]
    new = [_findings(lint(t, select=["DL702"])) for t in texts]
    assert sum(map(len, new)) > 20
    asked: list[object] = []  # (the name substitution calls: every swap then tried without its character test)
    monkeypatch.setattr(substitution, "required_char", lambda pattern: asked.append(pattern))
    assert [_findings(lint(t, select=["DL702"])) for t in texts] == new
    assert asked


# -- ascii-punctuation (DL701): the marks looked for in the prose joined ---------------------------------------------


def _old_ascii_check(self, report):
    """AsciiPunctuation.check before round 9: each prose block searched for a mark."""
    from disclosure_lint.kinds import typography

    marks = set(self.options.marks)
    any_mark = typography._any_mark("".join(sorted(marks))) if marks else None
    portal = None
    for block in report.lintable_blocks:
        if block.kind == "table":
            continue
        if portal is None:
            portal = report.portal
        if any_mark is None or any_mark.search(block.text) is None:
            continue
        yield from self._check_text(block, block.text, marks, portal.in_block(block))


@pytest.mark.parametrize("marks", [None, ",;:?!()\"", "", "\0,", ",\n", "|("])
def test_dl701_findings_as_block_by_block(monkeypatch, marks):
    from disclosure_lint.config import Config
    from disclosure_lint.kinds import typography

    rnd = random.Random(101)
    texts = []
    for _name, text in generated(10, seed=101):
        lines = text.split("\n")
        for _ in range(rnd.randrange(0, 8)):
            k = rnd.randrange(len(lines))
            if lines[k] and not lines[k].startswith("#"):
                at = rnd.randint(0, len(lines[k]))
                lines[k] = lines[k][:at] + rnd.choice([",", ";", ":", "?", "!", "(", ")", "\"", "\0", "|", ", "]) + \
                    lines[k][at:]
        texts.append("\n".join(lines))
    texts += ["本机关,依法公开。", "发布日期: 2024-01-02", "共3,000件(含)", "", "（一）", "abc, def"]
    config = Config.model_validate({"options": {"DL701": {"marks": marks}}} if marks is not None else {})
    new = [_findings(lint(t, select=["DL701"], config=config)) for t in texts]
    if marks is None:
        assert sum(map(len, new)) >= 10
    monkeypatch.setattr(typography.AsciiPunctuation, "check", _old_ascii_check)
    assert [_findings(lint(t, select=["DL701"], config=config)) for t in texts] == new


# -- doubled marks and function characters (DL901): where a double may start, from the UTF-16 code units -----------

# the marks and function characters, characters sharing their code unit's low byte (而 U+800C and ， U+FF0C; ( and 在;
# / and 是 …), digits, spaces, a NUL, a lone surrogate, a character outside the BMP
_PAIR_PIECES = [*"，。、；：,;的了在和与及并对将把被于是们着而各都也", *"(/@_0 \t\n\0x中年确", "\ud800", "𠮷", "，，", "的的", "。。。",
                "了了之", "在在"]


def test_pair_starts_find_what_the_patterns_find():
    from disclosure_lint.report import writing as w

    texts = _texts(_PAIR_PIECES, 30000, 10, 102) + _texts([*_PAIR_PIECES[:26], "中"], 3000, 40, 103)
    found = dense = 0
    for text in texts:
        starts = w._pair_starts(text)
        dense += starts is None
        for pattern in (w._MARK_RUN, w._FUNC_DOUBLE):
            old = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in w._matches_at(pattern, text, starts)] == old, text
            if starts is not None:
                assert {s for s, _ in old} <= set(starts), text
            found += len(old)
    assert found > 15000 and dense > 100  # (texts with 𠮷 are searched by the patterns)
    for text in ("，" * 9000, "的的" * 4000, "而，" * 5000):  # a double may start everywhere: the patterns' own searches
        assert w._pair_starts(text) is None


def test_find_doubles_as_with_the_patterns_searched(monkeypatch):
    from disclosure_lint.readers import markdown
    from disclosure_lint.report import writing as w
    from disclosure_lint.report.annual import AnnualReport

    rnd = random.Random(104)
    sources = []
    for _name, text in generated(12, seed=104):
        lines = text.split("\n")
        for _ in range(10):
            k = rnd.randrange(len(lines))
            if not lines[k] or lines[k].startswith("#"):
                continue
            at = rnd.randint(0, len(lines[k]))
            piece = rnd.choice(["，，", "。。", "、、", ";;", ",,", "的的", "了了", "在在", "和和", "公开公开", "而，", "((", "。。。"])
            lines[k] = lines[k][:at] + piece + lines[k][at:]
        sources.append("\n".join(lines))

    def doubles() -> list[list[tuple]]:
        return [[(d.span.block.index, d.span.piece.base, d.span.piece.cell is not None and d.span.piece.cell.col,
                  d.span.start, d.span.end, d.span.text, d.unit, d.kind, d.certain)
                 for d in w.find_doubles(AnnualReport(markdown.parse(s)))] for s in sources]

    new = doubles()
    kinds = [d[7] for got in new for d in got]
    assert kinds.count("mark") > 10 and kinds.count("char") > 10
    assert any(d[2] is not False and d[7] in ("mark", "char") for got in new for d in got)  # in table cells too
    monkeypatch.setattr(w, "_pair_starts", lambda text: None)
    assert doubles() == new


# -- count lists (DL903): the candidates' gate -----------------------------------------------------------------------


def test_candidate_gate_finds_in_the_clauses_the_candidate_pattern_does():
    """_CANDIDATE_GATE (a unit's last character, the Chinese character before it a look-behind) finds something in
    the same texts as _CANDIDATE, and its matches lie in the same clauses (what _lists_in asks of them); the round-4
    gate (an alternation of the units) found something in the same texts."""
    from disclosure_lint.report import count_lists as w
    from disclosure_lint.report.alternation import trie

    assert all(c in w.UNITS for c in w._UNIT_ENDS)
    old_gate = re.compile(trie([re.escape(u[0]) + f"(?<={'[' + w.CJK + ']'}{re.escape(u[0])})" + re.escape(u[1:])
                                + r"(?=[、，,；;：:。！？!?\n]|$)" for u in w.UNITS]))
    pieces = [*"条件个篇次场期项家份批封人文事a1 、，,；;：:。！？!?\n", "人次", "文件", "5条", "𠮷", "\ud800"]
    found = 0
    for text in _texts(pieces, 40000, 10, 105):
        has = w._CANDIDATE.search(text) is not None
        found += has
        assert has == (w._CANDIDATE_GATE.search(text) is not None) == (old_gate.search(text) is not None), text
        ends = [m.start() for m in w._CLAUSE_SPLIT.finditer(text)]  # a place's clause: the clause ends before it
        assert {bisect_left(ends, m.start()) for m in w._CANDIDATE.finditer(text)} == \
            {bisect_left(ends, m.start()) for m in w._CANDIDATE_GATE.finditer(text)}, text
    assert found > 10000


def test_count_lists_as_with_the_candidate_pattern(monkeypatch):
    from disclosure_lint.readers import markdown
    from disclosure_lint.report import count_lists as w
    from disclosure_lint.report.annual import AnnualReport

    rnd = random.Random(106)
    sources = []
    for _name, text in generated(12, seed=106):
        lines = text.split("\n")
        for _ in range(20):
            k = rnd.randrange(len(lines))
            if lines[k] and not lines[k].startswith(("#", "|")):
                lines[k] += rnd.choice(["政策文件15条、备案信息条、许可信息25条。", "培训3场、会议场、活动5场；", "共10件，其中件",
                                        "受理12人次、人次、3人次\n", "文件、条件、事项"])
        sources.append("\n".join(lines))

    def lists() -> list[list[tuple]]:
        return [[(c.unit, [(i.span.block.index, i.span.start, i.span.end, i.unit, i.has_number) for i in c.items])
                 for c in w.find_count_lists(AnnualReport(markdown.parse(s)))] for s in sources]

    new = lists()
    assert sum(map(len, new)) > 10
    monkeypatch.setattr(w, "_CANDIDATE_GATE", w._CANDIDATE)  # the candidates themselves, as _lists_in read them
    assert lists() == new


def test_count_lists_without_two_counts_find_no_list(monkeypatch):
    """_lists_in reads a clause only when it holds two matches of _COUNTED (find_count_lists: a piece): a number and
    its unit at an item's end, as every item with its number has; the lists are those read in every clause."""
    from disclosure_lint.report import count_lists as w
    from disclosure_lint.report.writing import _piece

    rnd = random.Random(107)
    words = ["信息", "备案", "文件", "年", "均已", "x", "1", "25", "1.5", "２", "万", "余", " ", "\u3000", "\n"]
    seps = ["、", "，", "；", "：", "。", "\n", " ", ""]
    texts = ["".join(rnd.choice(words) + rnd.choice(words) + rnd.choice(["", *w.UNITS]) + rnd.choice(seps)
                     for _ in range(rnd.randint(0, 7))) for _ in range(30000)]

    def lists() -> list[list[tuple]]:
        return [[(c.unit, [(i.span.start, i.span.end, i.unit, i.has_number) for i in c.items])
                 for c in w._lists_in(_piece(None, t))] if w._counts(t) else [] for t in texts]  # type: ignore[arg-type]

    new = lists()
    assert sum(map(len, new)) > 100
    monkeypatch.setattr(w, "_counts", lambda *a: True)
    assert lists() == new


def test_line_led_swaps_tried_at_line_starts_find_what_finditer_finds():
    """A substitution led by ``(?m:^)`` (DL705's) is tried at the text's start and after each line break only
    (pattern_gates.at_line_starts): the same matches as ``finditer`` (non-empty), also for a pattern spanning lines."""
    from disclosure_lint.kinds.pattern_gates import at_line_starts

    patterns = [re.compile(r"(?m:^)(?P<n>[一二三四五六七八九十]{1,3})[．.](?=[^\d\s．.])"),
                re.compile(r"(?m:^)(?P<p>[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)])[、，,.．](?=[^\s\d（(])"),
                re.compile(r"(?m:^)一\n?二"), re.compile(r"(?m:^)x*")]
    for text in _texts(list("一二.．（）、，\n 五x1"), 4000, 30, 20261204):
        for p in patterns:
            assert [m.span() for m in at_line_starts(p, text)] == [m.span() for m in p.finditer(text) if m.group(0)]


def test_first_chars_lead_every_match():
    """pattern_gates.first_chars: the characters a match can start with, or None where not known; a line led by another
    character is not tried (the gated line starts find what finditer finds)."""
    from disclosure_lint.kinds.pattern_gates import at_line_starts, first_chars

    cases = {r"(?m:^)(?P<n>[一二三四五六七八九十]{1,3})[．.](?=[^\d\s．.])": set("一二三四五六七八九十"),
             r"(?m:^)(?P<p>[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)])[、，,.．]": set("（("),
             r"(?m:^)(?P<n>\d{1,2})、": None, r"(?m:^)(?:一|二[三四])x": set("一二"), r"(?m:^)x?y": None,
             r"(?i:^)a": None, r"(?i)a": None, r"(?m:^)[^a]": None, r"(?m:^)(?=一)一": None, r"(?m:^)x*": None,
             r"(?m:^)[a-c]+": set("abc"), r"(?m:^).": None, r"(?m:^)(?:)一": set("一")}
    for source, want in cases.items():
        got = first_chars(re.compile(source))
        assert (set(got) if got is not None else None) == want, source
    assert first_chars(re.compile("a", re.I)) is None
    patterns = [re.compile(p) for p, want in cases.items() if want is not None]
    for text in _texts(list("一二三.．（(）)、，\n 五xabc1"), 4000, 30, 20261205):
        for p in patterns:
            firsts = first_chars(p)
            assert [m.span() for m in at_line_starts(p, text, firsts)] == \
                [m.span() for m in p.finditer(text) if m.group(0)], (p.pattern, text)


def test_line_led_existence_finds_what_finditer_finds(monkeypatch):
    """An existence rule whose patterns all start with ``(?m:^)`` (DL908's two, searched as one alternation) is tried at
    line starts only: the same findings as its pattern's ``finditer`` over each block."""
    from disclosure_lint.kinds import generic

    lines = ["（）主动公开", "( )依申请公开", "、主动公开政府信息情况", "、", "一、总体情况", "（一）主动公开", "本局、本机关（）",
             "全年公开120条。", "  （ ）监督保障", "、政府信息管理，", ""]
    rnd = random.Random(20261206)
    texts = ["某某局2023年政府信息公开工作年度报告\n" + "\n".join(rnd.choice(lines) for _ in range(rnd.randint(1, 12)))
             for _ in range(300)]

    def found() -> list:
        return [[(d.line, d.column, d.message) for d in lint(t, select=["DL908"], fmt="text")] for t in texts]

    new = found()
    assert any(new), "the texts should give DL908 something to find"
    # the line-led path made to search as finditer does: every non-empty match, wherever it starts
    calls = []

    def everywhere(pattern, text, firsts=None):
        calls.append(text)
        return (m for m in pattern.finditer(text) if m.group(0))

    monkeypatch.setattr(generic, "at_line_starts", everywhere)
    assert found() == new
    assert calls, "DL908's patterns are tried at line starts (the path this test compares)"
