"""The ``existence`` kind's gate over the report's whole text (:func:`disclosure_lint.kinds.pattern_gates.joined_gate`):
it finds something in the blocks' texts joined by NULs wherever the rule's pattern finds something in one block, so
a report it finds nothing in is skipped without losing a finding — also where a match needs a block's edge (a
paragraph that starts with 我认真…, a line-led pattern, a negative look-behind at the block's start)."""

from __future__ import annotations

import importlib
import random
import re

import pytest

from disclosure_lint.kinds import pattern_gates
from disclosure_lint.kinds.pattern_gates import LeadGate, LineGate, joined_gate, unparse
from disclosure_lint.packs import load_rules
from disclosure_lint.userregex import BoundedPattern

from .conftest import lint


def _existence_patterns() -> list[str]:
    out = []
    for rule in load_rules():
        if rule.spec.kind != "existence":
            continue
        opts = rule.spec.options
        parts = [re.escape(t) for t in opts.get("terms", [])] + list(opts.get("patterns", []))
        if parts:
            out.append("|".join(f"(?:{p})" for p in parts))
        if 1 < len(parts) <= 4:  # (each given a gate of its own when the whole has none: DL118)
            out += parts
    return out


# patterns whose matches test a block's edge, led by a literal or a class (the gate is built for them)
_EDGE_PATTERNS = [
    r"我(?<![^，。\s]我)(?=认真|坚持)",  # a negative look-behind that a NUL satisfies: dropped in the gate
    r"[1-9](?<![\d.][1-9])\d*[1-9]余[条件]",  # one a NUL can't satisfy: kept
    r"[一二](?<!\S[一二])、(?=[^\n，。]{1,6}$)",
    r"[（(][）)](?!\S)",
    r"[a-c]\b",
    r"[a-c]\B[a-c]",
    r"x(?=y|$)",
    r"[xy]\Z",
    r"[xy](?!\n)",
    r"(?:ab|a)(?![^c])",
    r"[ab](?=\n|\Z)(?<!\Aa)",
    r"(?m:^)\s*、",  # led by a line's start: a LineGate
    r"(?m:^)[一二][，,](?=[^\s，,][^\n，,]{1,3}$)",
    r"^(?P<n>\d)、(?=\S)",
    r"\A[（(][）)]",
    # a line's start inside the pattern, by a (?m:…) around it or the pattern's own flag: after a line break too
    r"\n(?m:^)[xy]",
    r"(?m)\n^[abc]",
    r"\s+(?m:^)[ab]",
]

_PIECES = ["我", "认真", "坚持", "，", "。", " ", "\n", "1", "2", "5", "8", "0", ".", "余", "条", "一", "二", "、",
           "（", "）", "(", ")", "a", "b", "c", "x", "y", "\0", "信息", "26", "2023", ",", "；", "电话：", "网址:", "邮编：", "23余条", "网()",
           "共收到件", "发布信息条"]  # (DL918's patterns)


def _blocks(rnd: random.Random) -> list[str]:
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 7))) for _ in range(rnd.randint(1, 5))]


# (DL908, led by (?m:^) and a run of spaces, has a LineGate: searched after each line break and NUL)
_GATED = [p for p in _EDGE_PATTERNS + _existence_patterns() if joined_gate(re.compile(p)) is not None]


@pytest.mark.parametrize("source", _GATED)
def test_the_gate_finds_something_wherever_the_pattern_finds_something_in_a_block(source):
    pattern = re.compile(source)
    gate = joined_gate(pattern)
    rnd = random.Random(source)
    matched = 0
    for _ in range(3000):
        blocks = _blocks(rnd)
        if any(pattern.search(b) for b in blocks):
            matched += 1
            assert gate.search("\0".join(blocks)) is not None, blocks
    assert matched, "the random texts never matched: the test would prove nothing"


def test_a_gate_is_built_for_each_pattern_given_and_the_built_in_rules_led_by_a_literal_or_class():
    assert len(_GATED) >= len(_EDGE_PATTERNS) + 4, _GATED


def test_no_gate_for_a_user_pattern_under_the_time_bound_and_a_line_gate_for_one_led_by_a_line_start():
    assert joined_gate(BoundedPattern("我认真")) is None
    gate = joined_gate(re.compile(r"(?m:^)\s*、"))
    assert isinstance(gate, LineGate)
    assert gate.search("、a") and gate.search("x\0 、") and gate.search("x\n、") and not gate.search("x、")
    assert joined_gate(re.compile(r"(?<=x)、")) is None  # (led by a look-behind: not a line's start)
    assert joined_gate(re.compile("我认真", re.IGNORECASE)) is None
    gate = joined_gate(re.compile(r"[xy]$"))  # the anchor holds beside a NUL as at a block's end
    assert gate is not None and gate.search("x\0z") and not gate.search("xz")


def test_a_match_at_a_paragraph_start_is_still_reported():
    # the block's edge satisfies DL305's look-behind (nothing before 我); the gate drops it, so it still finds 我认真
    text = "一、总体情况\n\n我认真贯彻落实《条例》。\n\n二、主动公开政府信息情况\n\n本年度我未收到申请。\n"
    found = lint(text, select=["DL305"])
    assert [(d.line, d.column) for d in found] == [(3, 1), (7, 4)], found


def test_a_report_without_a_match_reports_nothing_and_one_with_reports_it():
    clean = "一、总体情况\n\n全年公开政府信息26条，办理申请5件。\n"
    assert not lint(clean, select=["DL916"])
    found = lint("一、总体情况\n\n全年公开政府信息26条，办理申请5。\n", select=["DL916"])
    assert [(d.code, d.line, d.column) for d in found] == [("DL916", 3, 15)]


def _rule_patterns() -> list[str]:
    out = _existence_patterns()
    for rule in load_rules():
        if rule.spec.kind == "substitution":
            out += list(rule.spec.options.get("swap", {}))
    return out


@pytest.mark.parametrize("source", _EDGE_PATTERNS + _rule_patterns()
                         + [r"(?P<l>ab)(?P=l)(?>x)a*+b{2,3}?[^a-c\d\s]\b(?(1)x|y)(?s:.)(?i:q)", r"\.x\n\t\u3000 #"])
def test_unparse_writes_a_pattern_that_matches_as_the_parsed_one(source):
    # (the gate is compiled from its source, so that the command line's cache of compiled patterns keeps it)
    parse = importlib.import_module("re._parser").parse
    pattern = re.compile(source)
    again = re.compile(unparse(parse(source)), pattern.flags)
    rnd = random.Random(source)
    pieces = [*_PIECES, "ab", "x", "q", "Q", "\t", "#", ".", "条", "件"]
    for _ in range(500):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        found, same = pattern.search(text), again.search(text)
        assert (found and found.span()) == (same and same.span()), (text, source)


def _example_texts() -> list[str]:
    """The texts of the substitution rules' examples (their fail examples hold a match of many swaps)."""
    out = []
    for rule in load_rules():
        if rule.spec.kind == "substitution" and rule.spec.docs is not None:
            out += [ex.text for ex in [*rule.spec.docs.fail, *rule.spec.docs.pass_]]
    return out


def test_a_swaps_gate_finds_something_wherever_the_swap_finds_something_in_a_block():
    """The substitution kind tries a swap whose texts a report holds only when its gate finds something in the
    report's joined text: over the examples cut into blocks at random places (so that matches meet a block's edge),
    wherever a swap finds something in a block its gate finds something in the blocks joined by NULs."""
    swaps = [re.compile(p) for p in _rule_patterns()[len(_existence_patterns()):]]
    gated = [(p, g) for p in swaps if (g := joined_gate(p)) is not None]
    assert len(gated) > 100, len(gated)
    rnd = random.Random(17)
    texts = _example_texts()
    matched: set[str] = set()
    for _ in range(300):
        text = rnd.choice(texts)
        cuts = sorted(rnd.sample(range(len(text) + 1), min(len(text) + 1, rnd.randint(0, 6))))
        blocks = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]
        joined = "\0".join(blocks)
        for pattern, gate in gated:
            if any(pattern.search(b) for b in blocks):
                matched.add(pattern.pattern)
                assert gate.search(joined) is not None, (pattern.pattern, blocks)
    assert len(matched) > 40, len(matched)


# patterns led by a choice of a few characters (a LeadGate: one pattern for each character)
_LEAD_PATTERNS = [
    r"(?:收到|接到|受理)[^，。]{0,4}?申请\d+条",
    r"(?P<a>行政|提起)拆讼",
    r"([县区镇乡])\1(?=人民政府)",
    r"[1-5](?<![\d.][1-5])\d*[余多]条",
    r"(?:办理|办结|答复)(?<=[^共]..)件",
    r"(?:ab|ac|b)(?=c|\Z)",
    r"(?s:(?:x|y).)z",
    r"(?:x|y)\b",
]


def test_a_lead_gate_finds_something_exactly_where_the_gate_of_the_whole_choice_does(monkeypatch):
    sources = _LEAD_PATTERNS + [p for p in _rule_patterns() if isinstance(joined_gate(re.compile(p)), LeadGate)]
    assert len(sources) >= len(_LEAD_PATTERNS) + 10, sources  # (DL907, DL916, DL918, DL118, DL909 …)
    gates = [joined_gate(re.compile(p)) for p in sources]
    assert all(isinstance(g, LeadGate) for g in gates), sources
    monkeypatch.setattr(pattern_gates, "_lead_split", lambda tree: None)
    wholes = [joined_gate(re.compile(p)) for p in sources]
    rnd = random.Random(23)
    for source, gate, whole in zip(sources, gates, wholes, strict=True):
        runs = re.findall(r"[\u4e00-\u9fffa-z]+", source)
        pieces = [*runs, *(r[i:i + k] for r in runs for k in (1, 2) for i in range(len(r))), *"0123456789，。,.\n\0 ",
                  "县县人民政府"]
        matched = 0
        for _ in range(2000):
            text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
            found = whole.search(text) is not None
            matched += found
            assert (gate.search(text) is not None) == found, (source, text)
        assert matched or source not in _LEAD_PATTERNS, source


@pytest.mark.parametrize("source", [r"(?:(a)b|c)d", r"(?i:[ab])c", r"[a-z]x", r"[^ab]x", r"(?:ab|[cd])e", r"\d(?:ab|c)"])
def test_no_lead_gate_for_a_choice_with_a_group_a_case_blind_one_a_wide_class_or_one_not_led_by_literals(source):
    assert not isinstance(joined_gate(re.compile(source)), LeadGate)


def test_a_rules_texts_are_looked_for_by_their_rarest_character_first_which_each_holds():
    # (a report without that character holds none of the text: one search at memchr's speed, see alternation.rarest)
    from disclosure_lint.report.alternation import rank, rarest

    assert rarest("") == ""
    assert rarest("2007") in "2007" and rarest("、公平、便民") in "公平便民"  # (a Chinese character before digits, marks)
    assert rarest("具体行政行为侵犯") == max("具体行政行为侵犯", key=rank)
    texts = [t for rule in load_rules() if rule.spec.kind == "substitution"
             for p in rule.spec.options.get("swap", {}) for t in pattern_gates.required_texts(re.compile(p))]
    assert len(texts) > 100
    assert all(rarest(t) in t for t in texts)


def test_a_rare_choice_holds_a_character_of_every_match():
    # (an existence rule's report that holds none of them is not searched: DL913's 余 or 多)
    from disclosure_lint.report.alternation import rare_choice

    assert rare_choice(re.compile(r"[1-9]\d*(?:余|多)[条件]")) == ("余", "多")
    assert rare_choice(re.compile(r"(?:余x|多y)z")) == ("余", "多")
    for source in (r"a|余", r"(?i:余)", r"(?=余)x", r"[^余]", r"信息\d+"):  # (a branch without one, case-blind, a look-ahead,
        assert rare_choice(re.compile(source)) is None, source  # a negated class, common characters: none)
    sources = [s for s in _rule_patterns() if rare_choice(re.compile(s)) is not None]
    assert len(sources) > 10
    rnd = random.Random(29)
    for source in sources:
        pattern, chars = re.compile(source), rare_choice(re.compile(source))
        runs = re.findall(r"[\u4e00-\u9fff]+", source)
        pieces = [*runs, *(r[i:i + k] for r in runs for k in (1, 2) for i in range(len(r))), *"0123456789，。,.\n "]
        for _ in range(500):
            text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
            assert not pattern.search(text) or any(c in text for c in chars), (source, text)
