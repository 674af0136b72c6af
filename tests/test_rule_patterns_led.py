"""The built-in rules' patterns are not led by a look-behind: the regex engine cannot skip ahead to where such a
pattern may match and tries it at every character of a report (DL912 as first written: 131 µs a report instead of
28; DL411 twice its cost).  A pattern is led by what it matches first, the characters before looked behind from
there (``党(?<![产的]党)二十大``).  A single character's positive look-behind is let through: the substitution kind
searches it by that character first (:func:`disclosure_lint.kinds.pattern_gates.lookbehind_gate`)."""

from __future__ import annotations

import re

from disclosure_lint.kinds.pattern_gates import lookbehind_gate
from disclosure_lint.packs import load_rules


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)
    elif hasattr(value, "model_dump"):
        yield from _strings(value.model_dump())


def test_no_built_in_pattern_is_led_by_a_look_behind():
    led = []
    for rule in load_rules():
        for text in _strings(rule.spec.options if hasattr(rule.spec, "options") else {}):
            if not text.startswith(("(?<!", "(?<=")):
                continue
            try:
                pattern = re.compile(text)
            except re.error:
                continue
            if text.startswith("(?<=") and lookbehind_gate(pattern) is not None:
                continue  # (a single character looked behind: searched by it first)
            led.append(f"{rule.code}: {text[:60]}")
    assert not led, led


def test_the_rewritten_patterns_match_as_before():
    """DL803's 科学发展观 entries, DL909's 党二十大 and 不公开为例外 slips, DL411's date, DL912's year: the same matches as
    the look-behind-led forms they replaced, on texts around their boundaries."""
    pairs = [
        (r"(?<![和、及与])(?:以)?科学发展观为(?:统领|指导|指引)",
         r"以(?<![和、及与]以)科学发展观为(?:统领|指导|指引)|科(?<![和、及与]科)学发展观为(?:统领|指导|指引)"),
        (r"(?<=[和、及与])科学发展观为(?:统领|指导|指引)", r"科(?<=[和、及与]科)学发展观为(?:统领|指导|指引)"),
        (r"(?<![产的])党二十大", r"党(?<![产的]党)二十大"),
        (r"(?:(?<=常态[、，,])|(?<=常态[、，,]以))不[^公\W\d]开为例外", r"不(?:(?<=常态[、，,]不)|(?<=常态[、，,]以不))[^公\W\d]开为例外"),
        (r"(?<![\d年\-/])((?:20[0-3])\d)(?=全年|我镇)", r"(20[0-3](?<![\d年\-/]\d{3})\d)(?=全年|我镇)"),
        # (the report layer's: kinds/dates._LONG_YEAR, report/year._YEAR)
        (r"(?<![\d.\-/])(?P<y>(?:19|20)\d{2})(?P<extra>\d{1,2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日",
         r"(?P<y>(?:19|20)(?<![\d.\-/]\d\d)\d{2})(?P<extra>\d{1,2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
        (r"(?<![\d.\-/])((?:19|20)\d{2})\s*年", r"((?:19|20)(?<![\d.\-/]\d\d)\d{2})\s*年"),
    ]
    texts = ["坚持以科学发展观为指导，", "理论和科学发展观为指导", "和以科学发展观为指导", "要以科学发展观为统领", "科学发展观为指引",
             "学习党二十大精神", "共产党二十大", "党的二十大", "以公开为常态、不会开为例外", "以公开为常态、以不会开为例外",
             "2024我镇", "12024我镇", "年2024我镇", "2023全年", "〔2024〕", "2024-2025全年",
             "至202020年12月31日止", "2020年1月1日", "1.2020年", "-2019年", "12019年", "2019 年", "/20201年2月3日"]
    for old, new in pairs:
        for t in texts:
            assert [m.span() for m in re.finditer(old, t)] == [m.span() for m in re.finditer(new, t)], (old, t)


def test_the_year_patterns_run_over_whole_texts_are_not_led_by_a_look_behind():
    from disclosure_lint.kinds.dates import _LONG_YEAR
    from disclosure_lint.report.year import _YEAR

    assert not _LONG_YEAR.pattern.startswith("(?<") and not _YEAR.pattern.startswith("(?<")


def test_every_built_in_substitution_swap_holds_a_literal_text():
    """A swap whose match needs no literal text (``([镇乡局])\\1…``) is tried in every block holding its character, or
    in every block when it has none: one such swap among DL909's hundred cost the rule half its time. Each built-in
    swap holds one (a run of literal characters, :func:`.required_texts`) and is tried only where a report has it;
    the swaps led by a line's start, tried only at lines that start with their characters, are let through."""
    from disclosure_lint.kinds.pattern_gates import required_texts

    bare = []
    for rule in load_rules():
        if rule.spec.kind != "substitution":
            continue
        for pattern in rule.spec.options.get("swap", {}):
            if pattern.startswith("(?m:^)"):
                continue
            if not required_texts(re.compile(pattern)):
                bare.append(f"{rule.code}: {pattern[:60]}")
    assert not bare, bare
