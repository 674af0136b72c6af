"""The fast paths of round 16 against what they replace: a text's plain length judged by its head first (DL104's
lines, DL120's part 一), the texts a report holds found by one scan (DL909), a tree of branches one of them a choice
(the spam terms' gate)."""

from __future__ import annotations

import random

from disclosure_lint.report.structure import PUNCT, plain_at_least

_PIECES = ["无", "暂无", "。", "，", " ", "\u3000", "、", "——", "_", "（一）", "存在问题", "改进措施", "a", "1", "\n", "；",
           "《条例》", "…", "x" * 40, "！", "，" * 70]


def test_a_texts_plain_length_judged_by_its_head_as_by_the_whole_text():
    """Stripping punctuation deletes each character alone (a class of single characters): the head's plain text is a
    beginning of the whole text's, so a head long enough means a text long enough; else the whole text is read."""
    rnd = random.Random(16)
    for _ in range(4000):
        text = "".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 40)))
        head, whole = PUNCT.sub("", text[:64]), PUNCT.sub("", text)
        assert whole.startswith(head), text
        for n in (1, 10, 15, 40, 200):
            assert plain_at_least(text, n) == (len(whole) >= n), (text, n)


def test_the_texts_a_report_holds_found_by_one_scan_as_by_a_find_each():
    """The substitution kind's scan for many texts at once (DL909's: one regex of them all, searched again after each
    place it finds one) finds the same texts as ``in`` of each: overlapping ones, ones inside others, ones with a
    regex's special characters, ones at the edges of the text and of its blocks (NULs)."""
    from disclosure_lint.config import Config
    from disclosure_lint.kinds import get_kind
    from disclosure_lint.kinds.substitution import _NeedScan
    from disclosure_lint.packs import load_rules
    from disclosure_lint.userregex import trusted

    rule = next(r for r in load_rules() if r.code == "DL909")
    with trusted(True):  # the tool's own patterns (plain re), as the engine builds its rules
        kind = get_kind("substitution")(rule, get_kind("substitution").Options(**rule.spec.options), Config())
    texts = [n[0] for n in kind._needs if n] + ["公开", "开工", "(一)", "a.b", "政府", "府信"]
    scan = _NeedScan(texts)
    # (the texts of the format's part titles are looked for by a find each, the others by the scan: both ways tried)
    assert "府信息公开" in scan._common and "政府" in scan._common and "(一)" not in scan._common
    pieces = [*texts, "政", "府", "公", "开", "信息", "\0", "。", "x", "(", ")", "一"]
    rnd = random.Random(163)
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        assert scan.held(text) == {t for t in texts if t in text}, text


def test_a_tree_of_branches_one_of_them_a_choice_finds_something_in_the_same_texts():
    """alternation.trie takes a branch that is a choice of its own (``必发365|[Mm]obile365|28365-?365``, one of the spam
    patterns) as its alternatives: as one branch its other alternatives were put under its first one's characters
    (28365-365 was no longer found by DL501's gate)."""
    import re

    from disclosure_lint.report import promotions
    from disclosure_lint.report.alternation import top_level_branches, trie

    assert top_level_branches("a|[|]b|(c|d)|x\\|y") == ["a", "[|]b", "(c|d)", "x\\|y"]
    assert top_level_branches("[]|]a|b") == ["[]|]a", "b"] and top_level_branches("(?i)a|b") == ["(?i)a|b"]
    branches = ["必发365|[Mm]obile365|28365-?365|503-365", "澳门(?:\\d{2,4}年?)?资料大全|一码一肖", "开云体育", "体育"]
    tree, plain = re.compile(trie(branches)), re.compile("|".join(f"(?:{b})" for b in branches))
    pieces = ["必发", "365", "mobile", "Mobile", "28365", "-", "503", "澳门", "2024", "年", "资料大全", "一码一肖", "开云",
              "体育", "x", " "]
    rnd = random.Random(164)
    for _ in range(4000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 6)))
        assert bool(tree.search(text)) == bool(plain.search(text)), text
    assert promotions.TERMS_GATE.search("可在mobile.28365-365下载")


def test_an_outdated_terms_entry_is_tried_only_where_one_of_its_words_is():
    """outdated-term (DL801–DL803) tries an entry only in a block that holds one of the words every match of it holds
    (:func:`.terminology.required_words`), and only when the report holds one: every match found in random texts holds
    one of its entry's words, and the rules find in them what each entry's pattern finds."""
    from disclosure_lint.config import Config
    from disclosure_lint.kinds import get_kind
    from disclosure_lint.packs import load_rules
    from disclosure_lint.userregex import trusted

    rnd = random.Random(803)
    for code in ("DL801", "DL802", "DL803"):
        rule = next(r for r in load_rules() if r.code == code)
        with trusted(True):  # the tool's own patterns (plain re): their words are read
            kind = get_kind("outdated-term")(rule, get_kind("outdated-term").Options(**rule.spec.options), Config())
        entries = kind._entries
        assert all(c.words for c in entries), code  # the tool's own entries all have words
        words = sorted({w for c in entries for w in c.words})
        pieces = [*words, *(w[:-1] for w in words), "以", "为统领", "为指导", "、", "，", "公开", "原则", "例外", "x", "\n"]
        for _ in range(1500):
            text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
            for c in entries:
                if c.regex.search(text):
                    assert any(w in text for w in c.words), (code, text)
