"""The ``substitution`` kind: a list of swaps (a pattern and what it should be written as), each a finding with a fix
where it matches — the generic kind of most writing rules (DL411, DL704, DL909 …).

A report is searched swap by swap, each only where it can match: in the blocks that hold the literal texts every
match of it holds (:func:`.pattern_gates.required_texts`, found in the report's joined text), for a swap found there only
when its pattern made for the joined text (:func:`.pattern_gates.joined_gate`) finds something in it too; a swap without
such a text, when that pattern finds something in the joined text, in the blocks holding its rarest character
(:func:`.pattern_gates.required_char`), one led by a line's start at the lines that start with its characters
(:func:`.pattern_gates.first_chars`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..model import Block
from ..report.alternation import rarest, trie, trie_place
from ..report.catalogue import SECTIONS
from ..userregex import compile_pattern
from . import register
from .base import FixEdit, Hit
from .generic import Scanner, SubstitutionOptions, cut_after, in_years
from .pattern_gates import (
    LeadGate,
    LineGate,
    at_line_starts,
    first_chars,
    joined_gate,
    lookbehind_gate,
    plain_template,
    required_char,
    required_texts,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..report import AnnualReport


def _makes_number(replacement: str, text: str, end: int) -> bool:
    """A replacement ending in a full stop before a digit (DL704's ``1、2023年`` → ``1.2023年``) would write a decimal
    number: the finding stays, without a fix (the writer chooses between ``1. 2023年`` and rewording)."""
    return replacement[-1:] in ".．" and end < len(text) and text[end].isdigit()


@register
class Substitution(Scanner[SubstitutionOptions]):
    name = "substitution"
    Options = SubstitutionOptions
    params = frozenset({"replacement"})

    def __init__(self, rule, options, config):
        super().__init__(rule, options, config)
        flags = re.IGNORECASE if options.ignore_case else 0
        self._swaps = [(compile_pattern(p, flags), r) for p, r in options.swap.items()]
        # a block where a swap's gate finds nothing holds no match of it (see lookbehind_gate), nor one without its
        # character (required_char)
        self._gates = [lookbehind_gate(pat) for pat, _ in self._swaps]
        self._chars = [required_char(pat) for pat, _ in self._swaps]
        # the texts a block holds where a swap matches (required_texts), the longest first: a report whose blocks
        # hold the texts of none has no match of any (split at a NUL, which the blocks' joined texts put between them)
        # (a swap without one is tried in the blocks that hold its character)
        needs = [[part for t in required_texts(pat) for part in t.split("\0") if part] for pat, _ in self._swaps]
        # (with the rarest character of the first: a report without it holds no such text)
        self._needs = [(need[0], rarest(need[0]), tuple(need[1:])) if need else None for need in needs]
        self._held = _NeedScan([n[0] for n in self._needs if n]) if sum(map(bool, needs)) >= _SCANNED else None
        unneeded = [i for i, need in enumerate(needs) if not need]
        self._templates = [plain_template(pat, r) for pat, r in self._swaps]
        # a swap that only matches at a line's start ("(?m:^)…"): tried there, not at every character
        self._line_led = [isinstance(pat, re.Pattern) and pat.pattern.startswith("(?m:^)") for pat, _ in self._swaps]
        # the characters a line-led swap's match starts with: a line led by any other is not tried
        self._firsts = [first_chars(pat) if led else None for (pat, _), led in zip(self._swaps, self._line_led)]
        self._exc = compile_pattern("|".join(f"(?:{p})" for p in options.exceptions), flags) \
            if options.exceptions else None
        # each swap's pattern for the report's joined text (joined_gate), made when a report first holds its texts
        self._joined: dict[int, re.Pattern[str] | LineGate | LeadGate | None] = {}
        # each swap without a text: its character, and for one that matches only at a line's start the characters it
        # starts with
        self._char_tests = [(i, self._chars[i], self._firsts[i] if self._line_led[i] else None) for i in unneeded]

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        if not self._swaps or not in_years(self.options.years, report.year):
            return
        own_year = str(report.year) if self.options.report_year else None
        if self.options.report_year and (report.year is None or (
                report.year_source == "body" and report.prose_text.count(f"{own_year}年") < 2)):
            return  # (a year read from the opening alone may be read from the very words matched: 2022年以来，…)
        tables = self.options.tables
        for b, tried in self._work(report):
            if b.kind == "table" and not tables:
                continue
            exc: list[tuple[int, int]] | None = None
            for i in tried:
                gate = self._gates[i]
                if gate is not None and gate.search(b.text) is None:
                    continue
                for m in self._found(i, b.text):
                    if not m.group(0):
                        continue
                    if exc is None:
                        exc = self._exception_spans(b.text)
                    if any(s <= m.start() and m.end() <= e for s, e in exc):
                        continue
                    if own_year is not None and m.groupdict().get("year") not in (None, own_year):
                        continue
                    if m.end() >= len(b.text.rstrip()) and cut_after(report, b):
                        continue  # (…推广“某某公安”微信公众 and the file's end: what came after the match was cut off)
                    yield from self._hit(i, b, m, own_year)

    def _work(self, report: AnnualReport) -> Iterable[tuple[Block, Iterable[int]]]:
        """The blocks to search, in order, each with the swaps (their indices, in order) that can match there: those
        whose required texts (:func:`required_texts`) the block holds, found per swap over the report's texts (most
        reports hold none of them, most blocks none of the rest; a rule with many swaps asks which of its texts the
        report holds by one scan, :class:`_NeedScan`) when the swap's pattern for the joined text finds something there
        too, and those without a required text whose character (:func:`required_char`) it holds, when their pattern
        for the joined text finds something there."""
        tables = self.options.tables
        held = report.lintable_blocks if tables else report.text_blocks
        joined = report.lintable_text if tables else report.prose_text
        starts: list[int] = []  # where each block of ``held`` starts in ``joined``
        todo: dict[int, list[int]] = {}
        held_texts = self._held.held(joined) if self._held is not None else None
        for i, need in enumerate(self._needs):
            if need is None:
                continue
            t, rare, rest = need
            if held_texts is not None:
                if t not in held_texts:
                    continue
            elif rare not in joined:
                continue  # (:func:`.alternation.rarest`: most reports hold none of most swaps' texts)
            at = joined.find(t)
            if at < 0 or any(r not in joined for r in rest) or not self._in_joined(i, joined):
                continue
            if not starts:
                starts = report.block_starts[0 if tables else 1]
            while at >= 0:  # (the blocks holding the longest text, found where it is: not an "in" per block)
                k = bisect_right(starts, at) - 1
                if not rest or all(r in held[k].text for r in rest):
                    todo.setdefault(k, []).append(i)
                at = joined.find(t, starts[k + 1])
        # (those whose pattern for the joined text finds nothing in it are not: DL705's, led by a line's start)
        tests = [t for t in self._char_tests if self._in_joined(t[0], joined)] if self._char_tests else None
        if tests:
            for k, b in enumerate(held):
                text = b.text
                head = text[:1] if "\n" not in text else None  # (a one-line block: a line-led swap must start it)
                tried = [i for i, ch, first in tests
                         if (ch is None or ch in text) and (first is None or head is None or head in first)]
                if tried:
                    todo[k] = sorted(todo[k] + tried) if k in todo else tried
        return [(held[k], todo[k]) for k in sorted(todo)]

    def _in_joined(self, i: int, joined: str) -> bool:
        """Whether swap ``i`` may match in a block of ``joined`` (the report's texts joined by NULs): its pattern made
        for the joined text finds something in it (one search in C, not one per block holding its texts), or it has
        none."""
        if i in self._joined:
            gate = self._joined[i]
        else:
            gate = self._joined[i] = joined_gate(self._swaps[i][0])
        return gate is None or gate.search(joined) is not None

    def _found(self, i: int, text: str) -> Iterable[re.Match[str]]:
        """The matches of swap ``i`` in ``text``."""
        pat = self._swaps[i][0]
        if not self._line_led[i]:
            return pat.finditer(text)
        first = self._firsts[i]
        if "\n" in text:
            return at_line_starts(pat, text, first)
        # (most blocks are one line: one match at their start, no generator)
        if (first is not None and text[:1] not in first) or (one := pat.match(text)) is None:
            return ()
        return (one,)

    def _hit(self, i: int, b: Block, m: re.Match[str], own_year: str | None = None) -> Iterator[Hit]:
        """Swap ``i``'s finding for its match ``m`` in ``b`` (none when the replacement is what is written); with
        ``report_year``, ``{report_year}`` in the replacement is the report's year."""
        parts = self._templates[i]
        if parts is not None:
            replacement = "".join(p if isinstance(p, str) else (m.group(p) or "") for p in parts)
        else:
            try:
                replacement = m.expand(self._swaps[i][1])
            except Exception:  # noqa: BLE001 - re.error, IndexError, or the regex module's own error class
                replacement = self._swaps[i][1]
        if own_year is not None:
            replacement = replacement.replace("{report_year}", own_year)
        if replacement == m.group(0):
            return
        fix = None if self.options.fix == "none" or _makes_number(replacement, b.text, m.end()) else [
            FixEdit(b, m.start(), m.end(), replacement)]
        # (about: a table label written so, which DL001 says it could not read for that slip, is left to it)
        yield Hit(block=b, start=m.start(), end=m.end(), params={"replacement": replacement},
                  evidence={"expected": replacement, "actual": m.group(0)}, fix=fix,
                  fix_description=f"改为“{replacement}”", fix_safe=self.options.fix == "safe",
                  about=(f"slip:{b.index}:{m.group(0)}", f"at:{b.index}:{m.start()}"))


_SCANNED = 16  # a rule with this many swaps holding a text looks for them in one scan (_NeedScan), not one by one
_TITLES = tuple(title for s in SECTIONS for title in (s.title, *s.variants))  # the format's part titles


class _NeedScan:
    """Which of many plain texts a report holds, by one scan of its text: a regex of them all as a tree led by each
    one's rarest character (:func:`.alternation.trie`), searched again from the character after each place it finds
    one (so texts that overlap are all found), where the texts each hold; at a place, the texts whose rarest character
    stands there are checked with ``startswith``.  DL909's hundred-odd texts: half the time of a ``find`` each (most
    reports hold a few)."""

    def __init__(self, texts: list[str]):
        # a text of the format's own part titles (府信息公开, 政府信息公开申请) is in nearly every report, a dozen times:
        # each place the scan would stop at and start again from (most of the scan's time); looked for by a ``find``
        self._common = tuple(t for t in texts if any(t in title for title in _TITLES))
        scanned = [t for t in texts if t not in self._common]
        self._search = re.compile(trie([re.escape(t) for t in scanned])).search if scanned else None
        self._at: dict[str, list[tuple[str, int]]] = {}  # a text's rarest character → (text, its place in the text)
        for t in scanned:
            k = trie_place(t)
            self._at.setdefault(t[k], []).append((t, k))

    def held(self, joined: str) -> set[str]:
        out = {t for t in self._common if t in joined}
        search, at = self._search, self._at
        if search is None:
            return out
        m = search(joined)
        while m is not None:
            p = m.start()
            for t, k in at.get(joined[p], ()):
                if joined.startswith(t, p - k):
                    out.add(t)
            m = search(joined, p + 1)
        return out
