"""One regular expression that finds where any of many words is, shaped for Python's regex engine (``re``).

``re`` tries the branches of an alternation one after another.  A gate such as ``发布日期|发布时间|公开方式|…``
searched over a report is entered at every character that begins a branch (公, 发, 信, 时, 日, 主 … are among the
commonest characters of a report) and then tries every branch there: most of a report's scans went to that.
:func:`trie` writes the same words as a tree of their characters (``公开(?:方式|范围|时限|…)|发(?:布(?:日期|…)|文…)``),
the commoner characters first (:data:`COMMON`), so a character that begins no word is passed over by the search's
first-character test, and one that begins a few is told apart by a test or two.

Only where a match *starts* and whether there is one are kept: a word that ends where a longer one goes on makes
the longer one unnecessary (``体育`` before ``体育投注``), so the match found may be shorter than with the plain
alternation, never elsewhere.  Use it for gates (a necessary condition), not to read what a match holds.
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate

from ..userregex import read_parse

_sre = importlib.import_module("re._constants")  # the parser's opcodes (not in the type stubs)

# Chinese characters by how often they occur in annual reports (the examples, fixtures and excerpts of real
# reports), commonest first.
COMMON = ("政公开信息府年行的件情理况和条请申作一工本复报度人办务告结第主处项发中要二全市其议数局诉动三规不区关制法内定在网文计机民"
          "我他国日新收总月果布体以有容例站及提等管量事据共分未期于为类讼部审起问进依实业室监下对重题门通个号四会查求加十改解栏范性"
          "保答目费组户建设时构予止过领确到现持华读格场上大统策是众按安督点社专编决列由落五自需责系方正与导强属无平各服转后出可罚程"
          "限式织合六科供江明维根所电任简称溪完成之形权经存高台化并用核北案已检表知品面推次育青取生接至效整标联展省教抽相如同围能更"
          "前食负力版废县好了直镇示步群或律当续向因子准微州地企益密括态职道均单清入贵集询具尚包指篇绕照严位障阅训字置许商执投域做质"
          "书记补疑话真应季函然护没认继何街回受修院纳基登口每章举获邮视常调录培考引农逾外八金只稳被坚善员序代委心将概万来印够贯彻媒"
          "近送增勾稽研七纠深层协写厅海路流说级再份额这家载址传抓元精神闻参产武码秘禁危掌握别互意际从财述署累疫荆图侯志访特积极小间"
          "充官留城优健运满资达立洋阳注营两逐频采卷仍山则促切博档缺防浦打习头汇措施附闽遮蔽较另物反泰配渠断透究宣多足承源升创型紧手"
          "夏消令订预停名错村半贴减购首原截见都咨种")
_RANK = {ch: k for k, ch in enumerate(COMMON)}
_META = frozenset("\\.^$*+?{}[]|()")
_QUANTIFIERS = frozenset("*+?{")


def _literal_prefix(branch: str) -> tuple[str, str]:
    """(the characters a branch starts with that are plain text, the rest of the branch's regex)."""
    i = 0
    while i < len(branch) and branch[i] not in _META:
        if i + 1 < len(branch) and branch[i + 1] in _QUANTIFIERS:
            break  # a character with a quantifier after it (是?) is not plain text
        i += 1
    return branch[:i], branch[i:]


def rank(ch: str) -> int:
    """How common ``ch`` is: its place in :data:`COMMON` (a character not in it after them all)."""
    return _RANK.get(ch, len(_RANK))


def rarest(text: str) -> str:
    """The character of ``text`` a report holds least often (by :data:`COMMON`; digits, Latin letters and marks, which
    it holds anywhere, last): a report without it holds no ``text``.  ``ch in report_text`` for one character runs at
    ``memchr``'s speed (≈0.1 µs a report), where ``str.find`` of a text of several Chinese characters that is not
    there reads the whole report at ≈3 ns a character (≈7 µs): most reports hold none of most rules' texts."""
    return max(text, key=lambda ch: rank(ch) if ch.isalpha() and not ch.isascii() else -1, default="")


_RARE_FROM = 300  # rare_choice: characters past this place in COMMON (or not in it): most reports hold none


def rare_choice(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Characters one of which every match of ``pattern`` holds, read from its parse (``userregex.read_parse``): of a
    literal, a class of a few literals, or a choice (one of each branch's), through groups and repeats of at least once
    (not look-arounds) — the set whose commonest character is rarest, when all are past the first :data:`_RARE_FROM`
    of :data:`COMMON` (DL913's 余 or 多); else None (and for a case-blind pattern).  A report holding none of them holds
    no match (``ch in text``: a search at ``memchr``'s speed each, where the pattern's is at every character)."""
    tree = read_parse(pattern)

    def score(ch: str) -> int:
        return rank(ch) if ch.isalpha() and not ch.isascii() else -1  # (digits, Latin letters, marks: anywhere)

    def best(sets: list[frozenset[str]]) -> frozenset[str] | None:
        return max(sets, key=lambda chars: (min(map(score, chars)), -len(chars)), default=None)

    def sets(seq) -> list[frozenset[str]]:
        found: list[frozenset[str]] = []
        for op, av in seq:
            if op is _sre.LITERAL:
                found.append(frozenset(chr(av)))
            elif op is _sre.IN and all(iop is _sre.LITERAL for iop, _ in av):
                found.append(frozenset(chr(iav) for _, iav in av))
            elif op is _sre.BRANCH:
                each = [best(sets(branch)) for branch in av[1]]
                if each and None not in each:
                    found.append(frozenset().union(*each))  # type: ignore[arg-type]
            elif op is _sre.SUBPATTERN and not av[1] & re.IGNORECASE:
                found += sets(av[3])
            elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
                found += sets(av[2])
        return found

    chosen = best(sets(tree)) if tree is not None else None
    return tuple(sorted(chosen)) if chosen and min(map(score, chosen)) >= _RARE_FROM else None


def _order(ch: str) -> tuple[int, str]:
    return _RANK.get(ch, len(_RANK)), ch


def _rare_place(plain: str) -> int:
    """Where the rarest character of a plain text is (by :data:`COMMON`; the first of equally rare ones), 0 for a text
    shorter than two."""
    return 0 if len(plain) < 2 else max(range(len(plain)), key=lambda k: (_order(plain[k])[0], -k))


def trie_place(text: str) -> int:
    """Where :func:`trie` finds a plain ``text`` given as ``re.escape(text)``: the place in it of the character its
    match starts at (the rarest of its plain start)."""
    return _rare_place(_literal_prefix(re.escape(text))[0])


def _rare_led(branch: str) -> str:
    """The branch led by the rarest character of its plain start (by :data:`COMMON`; the first of equally rare
    ones), what comes before it checked by a look-behind: ``公开方式`` → ``式(?<=公开方式)``."""
    plain, rest = _literal_prefix(branch)
    i = _rare_place(plain)
    if i == 0:
        return branch
    return re.escape(plain[i]) + "(?<=" + re.escape(plain[:i + 1]) + ")" + re.escape(plain[i + 1:]) + rest


def _alternatives(node: dict) -> list[str]:
    rests: list[str] = node.get("", [])
    if "" in rests:
        return [""]  # a word ends here: whatever the longer ones need, the search has found a match at this start
    children = sorted(((k, v) for k, v in node.items() if k), key=lambda kv: _order(kv[0]))
    return [re.escape(ch) + _render(child) for ch, child in children] + rests


def _render(node: dict) -> str:
    alts = _alternatives(node)
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


_CASE_PAIR = re.compile(r"\[([A-Za-z])([A-Za-z])\]")
_DIGITS = re.compile(r"\\d(?:\{(\d+)(?:,\d*)?\})?")


def literal_led(branch: str) -> list[str]:
    """``branch`` as branches that find something in the same texts, each led by a literal character where it was
    led by a letter in either case (``[Bb]ob…`` → ``Bob…``, ``bob…``) or by digits before plain text
    (``\\d{2,4}比分`` → ``比(?<=\\d{2}比)分``: at least as many digits before it).  One branch led by a class makes
    ``re`` try the whole alternation at every character of a text (it can tell the first characters of an
    alternation only when every branch has a literal one): a gate of many words five times slower."""
    m = _CASE_PAIR.match(branch)
    if m and m.group(1) != m.group(2) and m.group(1).lower() == m.group(2).lower():
        return [m.group(1) + branch[m.end():], m.group(2) + branch[m.end():]]
    m = _DIGITS.match(branch)
    if m:
        plain, rest = _literal_prefix(branch[m.end():])
        if plain:
            c = re.escape(plain[0])
            return [f"{c}(?<=\\d{{{m.group(1) or 1}}}{c}){re.escape(plain[1:])}{rest}"]
    return [branch]


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def top_level_branches(pattern: str) -> list[str]:
    """``pattern``'s alternatives: split at each ``|`` outside its groups and character classes (``a|[|]b|(c|d)`` →
    ``a``, ``[|]b``, ``(c|d)``); the whole pattern when it starts with flags for all of it (``(?i)…``)."""
    if _GLOBAL_FLAGS.match(pattern):
        return [pattern]
    out: list[str] = []
    start = depth = i = 0
    in_class = False
    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            j = i + 1 + (pattern[i + 1:i + 2] == "^")
            if pattern[j:j + 1] == "]":
                i = j  # (a ] first in a class is one of its characters)
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def trie(branches: list[str]) -> str:
    """A regex that matches at exactly the positions where one of ``branches`` (regexes, each best led by plain
    text; one that is a choice of its own, ``a|b``, taken as its alternatives) matches, written as a tree of their
    leading characters (see the module).  A branch led by a letter's two cases or by digits is led by a literal first
    (:func:`literal_led`): where its match starts may move, not in which texts there is one."""
    root: dict = {}
    for b in map(_rare_led, (x for branch in branches for part in top_level_branches(branch)
                             for x in literal_led(part))):
        plain, rest = _literal_prefix(b)
        node = root
        for ch in plain:
            node = node.setdefault(ch, {})
        node.setdefault("", []).append(rest)
    return "|".join(_alternatives(root))  # the top level without a group around it


def holding(texts: list[str], search: Callable[[str, int], re.Match[str] | None], sep: str = "\n") -> list[int]:
    """The indexes of the texts in which ``search`` (a pattern's ``search``) finds something, in order, by one
    search over the texts joined by ``sep``, going on from the next text after each match (a search per text cost
    more in calls than in scanning).  The pattern must match no ``sep`` (nor see it in a look-around: then every
    match lies in one text, and what it finds in a text it finds there in the joined texts)."""
    return _holding(texts, sep.join(texts), search, sep)


def _holding(texts: list[str], joined: str, search: Callable[[str, int], re.Match[str] | None], sep: str) -> list[int]:
    """:func:`holding` with the texts joined by ``sep`` at hand."""
    m = search(joined, 0)
    if m is None:
        return []
    starts = list(accumulate([len(t) + len(sep) for t in texts], initial=0))  # where each text starts in joined
    out = []
    while m is not None:
        k = bisect_right(starts, m.start()) - 1
        out.append(k)
        if k + 1 == len(texts):
            break
        m = search(joined, starts[k + 1])
    return out


class AnyOf:
    """A few patterns standing for their alternation where only whether, or in which texts, it finds something is
    asked (a gate), each searched on its own.  A pattern led by one literal character is searched as str.find
    searches (≈0.4 ns a character here); one led by a choice of characters, as an alternation of such patterns is,
    tests every character against their set (≈6 ns, ``\\d`` ≈10): a few searches of the first kind cost less than
    one of the second."""

    __slots__ = ("patterns",)

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        self.patterns = tuple(patterns)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """The first match from ``pos`` of any of the patterns (the one that starts first; the earlier pattern's at
        a tie), as the alternation's search finds one there when its matches are the patterns' (which of them it
        returns and how far it reaches is not asked of a gate)."""
        first = None
        for p in self.patterns:
            m = p.search(text, pos)
            if m is not None and (first is None or m.start() < first.start()):
                first = m
        return first

    def holding(self, texts: list[str], sep: str = "\n") -> list[int]:
        """:func:`holding` of the alternation (the union of the patterns' texts, in order; the texts joined once)."""
        joined = sep.join(texts)
        found: set[int] = set()
        for p in self.patterns:
            found.update(_holding(texts, joined, p.search, sep))
        return sorted(found)
