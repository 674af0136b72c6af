"""The fast paths of the rules' own scans (t3-rules) give what the slow forms gave: bench/same_findings.py
compares whole runs; these pin the edge cases each shortcut relies on."""

from __future__ import annotations

import random
import re

from disclosure_lint.kinds.self_reference import (
    DEFAULT_PRONOUNS,
    InconsistentOptions,
    MismatchOptions,
    SelfReferenceInconsistent,
    SelfReferenceMismatch,
)


def _slow_pronouns(pronouns: dict[str, str]) -> str:
    """The former pattern: each pronoun led by its look-behind."""
    return "|".join((f"(?<![{re.escape(x)}])" if x else "") + re.escape(p) for p, x in sorted(pronouns.items()))



def test_self_reference_pronoun_led_pattern_matches_as_the_look_behind_led_one():
    rng = random.Random(12)
    alphabet = "我本局委员会街道办法自基成你们^]-\\x 。"
    texts = ["我局", "自我局", "基本局", "本局我委", "我们局", "自我们局", "^我局", "]本局", ""]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    for pronouns in (DEFAULT_PRONOUNS, {"我": "", "本": "基"}, {"我们": "自", "我": "你", "本": ""},
                     {"我": "]^-\\", "本": "成"}):
        fast = SelfReferenceMismatch(None, MismatchOptions(pronouns=pronouns), None)._re
        assert fast is not None
        words = fast.pattern[fast.pattern.index("(?P<w>"):]
        slow = re.compile(f"(?P<p>{_slow_pronouns(pronouns)}){words}")
        for t in texts:
            assert [(m.span(), m.group("p"), m.group("w")) for m in slow.finditer(t)] == \
                [(m.span(), m.group("p"), m.group("w")) for m in fast.finditer(t)], (pronouns, t)


def test_self_references_are_scanned_once_per_report_and_options():
    from disclosure_lint.model import Block, Document
    from disclosure_lint.report import AnnualReport

    doc = Document(path="x.md", format="markdown", encoding="utf-8", text="", blocks=(
        Block(index=0, kind="paragraph", text="我局和我委、本街道（《我局办法》）"),))
    report = AnnualReport(doc)
    a = SelfReferenceMismatch(None, MismatchOptions(), None)
    b = SelfReferenceInconsistent(None, InconsistentOptions(), None)
    other = SelfReferenceMismatch(None, MismatchOptions(pronouns={"我": ""}), None)
    first = a.refs(report)
    assert b.refs(report) is first and [r.text for r in first] == ["我局", "我委", "本街道"]
    assert first == a._scan(AnnualReport(doc))
    assert other.refs(report) is not first and [r.text for r in other.refs(report)] == ["我局", "我委"]  # in 《》: not


def test_dates_found_where_they_may_start_are_the_dates_of_the_whole_scan():
    from disclosure_lint.report.dates import DATE_RE, date_matches

    rng = random.Random(401)
    alphabet = "0123456789２٣一二三四五六七八九十〇零○Ｏ年月日号-/.: \u3000\n甲"
    texts = ["2024年1月20日", "12024年1月2日", "二〇二四年一月二十日", "一二〇二四年十二月三十一日", "2024-01-20 17:12",
             "2024-01-200", "2024/1/2/", "2024.1.2.", "24 年 1 月 2 号", "１２٣٤年1月1日", "", "年月日"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(20000)]

    texts += ["2023年2月20日-2023年2月30日", "2023.6.18-2023.6.20-2023.6.21", "GB/T 9704-2012", "2023-06-18-2023-06-20",
              "2023年1月1日-二〇二三年一月二日", "2023年1月1日--2023年1月2日",
              "自20231月1日起至202312月31日止", "1202312月31日", "21001月1日", "019991月1日", "20231月1日-202312月31日",
              "2023012月1日", "202301月01日", "自202311日起至20231231日止", "1202311日", "2023119日", "2023210日",
              "20231231日-20240101日", "21001231日", "2023010日", "202311日号"]

    def spans(ms):
        return [(m.span(), m.groupdict()) for m in ms]

    def plain(t):
        """Every date of the whole scan, and the date right after a date and a hyphen (a range)."""
        found = list(DATE_RE.finditer(t))
        for m in found:  # grows while it is walked: the range's third date after its second
            if t.startswith("-", m.end()):
                m2 = re.compile(DATE_RE.pattern.replace(r"(?<![\d.\-/])", "", 1)).match(t, m.end() + 1)
                if m2 is not None:
                    found.append(m2)
        return sorted(found, key=lambda m: m.start())

    for t in texts:
        assert spans(plain(t)) == spans(date_matches(t)), t


def test_a_lookbehind_led_pattern_and_its_gate_find_something_in_the_same_texts():
    from disclosure_lint.kinds.pattern_gates import lookbehind_gate

    dl702 = r"(?<=[发函字办令])\s*[\[［(（【〔{｛](?P<y>(?:19|20)\d{2})[\]］)）】〕}｝](?P<n>第?\d{1,4}号)"
    patterns = [dl702, r"(?<=\))x", r"(?<=a|b)c", r"(?<=[)])c+", r"(?<=\d)(?=x)", r"(?<=a(?=b))b"]
    rng = random.Random(702)
    alphabet = "发函字办令 [（【〔2019０3号第)abcx\n"
    texts = ["国办公开办函[2021]30号", "办（2019）第3号", "办 【2020】3号", "x)x", "a", "1x", "ab", ""]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24))) for _ in range(20000)]
    for source in patterns:
        pattern = re.compile(source)
        gate = lookbehind_gate(pattern)
        assert gate is not None and not gate.pattern.startswith("(?<="), source
        for t in texts:
            assert (gate.search(t) is None) == (pattern.search(t) is None), (source, t)
    for source in [r"(?<=ab)c", r"(?<=(a))b", r"abc", r"(?<=(?#x))c", "(?<=(?x:a # )\n))b"]:
        assert lookbehind_gate(re.compile(source)) is None, source
    assert lookbehind_gate(re.compile("(?<=a # )\n)b", re.VERBOSE)) is None  # a ")" in a comment


def test_the_spam_blocks_hold_every_block_with_a_spam_term():
    from disclosure_lint.model import Block
    from disclosure_lint.report import promotions

    rng = random.Random(501)
    words = [*promotions.SPAM_TERMS[:40], "体育", "电子", "bet365", "BET365", "注册送", "彩金", "甲", "乙", " "]
    texts = ["".join(rng.choice(words) for _ in range(rng.randint(0, 5))) for _ in range(5000)]
    blocks = [Block(index=i, kind="paragraph", text=t) for i, t in enumerate(texts)]
    kept = promotions.gate_blocks(blocks)
    assert [b for b in blocks if b.text and promotions.TERMS_GATE.search(b.text)] == \
        [b for b in kept if promotions.TERMS_GATE.search(b.text)]


def test_locations_and_refs_made_fast_are_the_same_objects():
    import dataclasses

    import pytest

    from disclosure_lint.model import Block, Location, new_location
    from disclosure_lint.report.self_refs import Ref
    from disclosure_lint.report.self_refs import new_ref as _new_ref

    assert tuple(f.name for f in dataclasses.fields(Location)) == ("line", "column", "page")
    assert tuple(f.name for f in dataclasses.fields(Ref)) == ("block", "start", "end", "text", "pronoun", "word", "generic")
    for args in [(1, 2, 3), (None, None), (4, 5)]:
        fast, slow = new_location(*args), Location(*args)
        assert type(fast) is Location and fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    with pytest.raises(dataclasses.FrozenInstanceError):
        new_location(1, 2).line = 3  # type: ignore[misc]
    block = Block(index=0, kind="paragraph", text="我局")
    args = (block, 0, 2, "我局", "我", "局", False)
    fast_ref, slow_ref = _new_ref(*args), Ref(*args)
    assert type(fast_ref) is Ref and fast_ref == slow_ref and hash(fast_ref) == hash(slow_ref)
    assert repr(fast_ref) == repr(slow_ref) and fast_ref.form == "我局"
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast_ref.start = 1  # type: ignore[misc]


def test_every_date_holds_a_year_mark_or_a_separator():
    from disclosure_lint.report.dates import DATE_RE

    rng = random.Random(4)
    alphabet = "0123456789一二三四五六七八九十〇年月日号-/. "
    for _ in range(20000):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        for m in DATE_RE.finditer(t):
            # (or 月 or 日 right after the digits: the 年, or the 年 and the 月, left out)
            assert any(c in m.group(0) for c in "年-/.") or re.fullmatch(r"\d{5,6}月\d{1,2}日|\d{6,8}日", m.group(0)), t


def test_plain_templates_expand_as_match_expand_does():
    from disclosure_lint.kinds.pattern_gates import plain_template

    pattern = re.compile(r"(?P<y>\d{4})(?P<opt>x)?(?P<n>第?\d号)|(z)")
    texts = ["2021第3号", "2021x3号", "z", "1999x第12号"]
    good = ["〔\\g<y>〕\\g<n>", "\\g<0>", "\\g<opt>-\\g<1>", "", "纯文字", "\\g<4>\\g<3>", "a\\g<y>b\\g<y>"]
    for template in good:
        parts = plain_template(pattern, template)
        assert parts is not None, template
        for t in texts:
            for m in pattern.finditer(t):
                assert "".join(p if isinstance(p, str) else (m.group(p) or "") for p in parts) == m.expand(template)
    for template in ["\\1", "\\n", "\\g<nope>", "\\g<9>", "\\g<>", "a\\", "\\g<y"]:
        assert plain_template(pattern, template) is None, template


def test_official_titles_read_through_the_memo_as_afresh():
    from disclosure_lint.report import inline

    rng = random.Random(166)
    pieces = ["一、", "总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "以及", "以", "及", "和", " ",
              "，", "的", "政府信息公开", "行政复议", "存在的主要问题及改进情况", "其他需要报告的事项", "甲"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    texts += ["一、总体情况", "x" * 47 + "以及", "二、主动公开政府信息情况以及"]
    for t in texts:
        for p in range(len(t) + 1):
            assert inline._official_end(t, p) == inline._official_end_at(t, p), (t, p)


def test_outdated_term_words_as_substrings_select_the_blocks_the_regex_does():
    from disclosure_lint.kinds.terminology import OutdatedTerm, OutdatedTermOptions
    from disclosure_lint.userregex import trusted

    entries = [{"terms": ["国办公开办函〔2010〕5号"], "since": 2020, "replacement": "新"},
               {"patterns": ["年度报告格式（试行）"], "since": 2020, "replacement": "新"}]
    with trusted(True):  # the tool's own patterns (plain re): their words are read
        kind = OutdatedTerm(None, OutdatedTermOptions(entries=entries), None)
    assert kind._few is not None and kind._words is not None and 1 <= len(kind._few) <= 2
    rng = random.Random(801)
    pieces = ["国办公开办函", "年度报告格式", "国办", "年度", "格式", "〔2010〕5号", "甲", "|"]
    for _ in range(3000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        assert any(w in t for w in kind._few) == (kind._words.search(t) is not None), t
