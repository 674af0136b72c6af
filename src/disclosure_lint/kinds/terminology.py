"""Terminology kinds: wording that was correct once and is outdated for the report's year.

``outdated-term``
    A configurable list of entries.  Each entry gives literal ``terms`` and/or regex ``patterns``,
    the report years it is outdated for (``since`` … ``until``), the ``replacement`` to suggest
    and the ``reason`` (short basis).  Optional ``near`` (a regex that must occur within
    ``window`` characters, e.g. 条例 near "2008年5月1日起施行") and ``unless`` (a regex whose
    presence nearby means the mention is historical, e.g. "以来") narrow a match; so does
    ``contrast``, a regex searched in the match's own sentence: text that names the old document
    as old (不再使用…60号印发的试行格式, 与原《条例》（国务院令第492号）相比).  An entry bounded by
    ``until`` can also name a document cited in a report for a year before it existed (国办公开办函〔2021〕30号 in a
    2020 report); its ``cites`` (the verb of the message, 仍引用 by default) then says 引用了.

The report year is :attr:`AnnualReport.year`; when it is unknown the kind stays silent,
because whether a citation is outdated depends on it.
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from ..report.alternation import rarest
from ..report.writing import sentence_span
from ..userregex import compile_pattern, read_parse
from . import register
from .base import FixEdit, Hit, Kind, KindOptions, PatternList, UserPattern
from .pattern_gates import LeadGate, LineGate, joined_gate

if TYPE_CHECKING:  # pragma: no cover
    from ..report import AnnualReport

# Between two matches of one entry, only brackets and spaces: they are one citation.
# the re module's own parser and opcodes (loaded with it; not in the type stubs)
_sre = importlib.import_module("re._constants")
_LITERAL, _SUBPATTERN, _BRANCH = _sre.LITERAL, _sre.SUBPATTERN, _sre.BRANCH
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT)
_GLUE = re.compile(r"[\s（）()〔〕\[\]【】]{0,3}")
_REACH = 80  # characters either side of a match searched for its sentence (``contrast``)


def required_words(pattern: re.Pattern[str]) -> list[str] | None:
    """Words one of which every match of ``pattern`` holds (read from its parse: runs of literal characters
    that no match can leave out), or None when none is certain (case ignored, an optional part …)."""
    tree = read_parse(pattern)
    if tree is None:
        return None
    words = _required(tree)
    return sorted(words) if words else None


def _required(seq) -> set[str] | None:
    """Words one of which every match of the parsed sequence ``seq`` holds, or None."""
    options: list[set[str]] = []
    run: list[str] = []
    for op, av in seq:
        if op is _LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append({"".join(run)})
            run = []
        got: set[str] | None = None
        if op is _SUBPATTERN and not av[1] and not av[2]:  # a group without flags of its own
            got = _required(av[3])
        elif op is _BRANCH:
            branches = [_required(b) for b in av[1]]
            got = set().union(*branches) if branches and all(branches) else None  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            got = _required(av[2])
        if got:
            options.append(got)
    if run:
        options.append({"".join(run)})
    # the most selective requirement: the one whose shortest word is longest
    return max(options, key=lambda o: min(map(len, o)), default=None)


def _gate_words(entries: list[_Compiled]) -> list[str] | None:
    """The words that every match of every entry holds one of, or None when some entry has none."""
    words: set[str] = set()
    for c in entries:
        got = required_words(c.regex) if isinstance(c.regex, re.Pattern) else None
        if got is None:
            return None
        words.update(got)
    return sorted(words) if words else None


def _words_gate(entries: list[_Compiled]) -> re.Pattern[str] | None:
    """A regex of the words that every match of every entry holds one of (searched first: one scan that
    skips ahead by their first characters), or None when some entry has none."""
    words = _gate_words(entries)
    return re.compile("|".join(map(re.escape, words))) if words else None


class TermEntry(KindOptions):
    terms: list[str] = Field(default_factory=list, description="字面匹配的过时用语")
    patterns: PatternList = Field(default_factory=list, description="正则表达式形式的过时用语")
    since: int = Field(description="从该报告年度起视为过时（含）")
    until: int | None = Field(default=None, description="到该报告年度为止（含）；不填表示一直过时")
    replacement: str = Field(description="建议改用的表述")
    reason: str = Field(default="", description="过时的依据（写入提示信息）")
    cites: str = Field(default="仍引用", description="消息中“{year}年度报告”之后的动词（{cites}）：默认“仍引用”；"
                                                   "报告年度早于所引文件时可写“引用了”")
    near: UserPattern | None = Field(default=None, description="命中前后 window 个字符内必须出现的正则")
    unless: UserPattern | None = Field(default=None, description="命中前后 window 个字符内出现即不报告的正则")
    contrast: UserPattern | None = Field(default=None, description="与命中在同一句中出现即不报告的正则：新旧对照的表述"
                                                           "（不再使用……、与原《条例》……相比）")
    window: int = Field(default=40, ge=0, le=200)
    fix: bool = Field(default=False, description="是否给出把命中的用语改为 replacement 的不安全修复（replacement 是"
                                                 "可以直接替换原文的表述时才开启）")


class OutdatedTermOptions(KindOptions):
    entries: list[TermEntry] = Field(default_factory=list, description="过时用语清单")


class _Compiled:
    __slots__ = ("contrast", "entry", "gate", "gated", "near", "regex", "unless", "words")
    gate: re.Pattern[str] | LineGate | LeadGate | None

    def __init__(self, entry: TermEntry):
        self.entry = entry
        alts = [re.escape(t) for t in sorted(entry.terms, key=lambda w: (-len(w), w)) if t]
        alts += [f"(?:{p})" for p in entry.patterns if p]
        # patterns from rule files and configurations: time-bounded unless the tool's own (..userregex)
        self.regex = compile_pattern("|".join(alts)) if alts else None
        # the words one of which every match holds (required_words), or None: a block holding none is not searched
        got = required_words(self.regex) if isinstance(self.regex, re.Pattern) else None
        self.words = tuple(got) if got else None
        self.near = compile_pattern(entry.near) if entry.near else None
        self.unless = compile_pattern(entry.unless) if entry.unless else None
        self.contrast = compile_pattern(entry.contrast) if entry.contrast else None
        # its pattern for the report's joined text (:func:`.pattern_gates.joined_gate`), made when a report first holds its
        # words (``gated``)
        self.gate = None
        self.gated = False

    def in_joined(self, joined: str) -> bool:
        """Whether the entry may match in a block of ``joined`` (the report's texts joined by NULs): its pattern
        made for the joined text finds something there (one search in C), or it has none."""
        if not self.gated:
            self.gate = joined_gate(self.regex) if isinstance(self.regex, re.Pattern) else None
            self.gated = True
        return self.gate is None or self.gate.search(joined) is not None


def _holding_words(report: AnnualReport, words: tuple[str, ...]) -> list[int]:
    """The indexes of the report's lintable blocks whose text holds one of ``words`` (none holds a NUL), in order:
    each word looked for by str's own search (faster than a regex of them) in the texts joined by NULs
    (:attr:`.AnnualReport.lintable_text`), going on from the next block after each hit (a report holds none of most
    lists' words: one search of each)."""
    joined = report.lintable_text
    found: set[int] = set()
    starts: list[int] | None = None
    for w in words:
        pos = joined.find(w)
        while pos >= 0:
            if starts is None:
                starts = report.block_starts[0]  # where each text starts
            k = bisect_right(starts, pos) - 1
            found.add(k)
            if k + 2 == len(starts):
                break
            pos = joined.find(w, starts[k + 1])
    return sorted(found)


@register
class OutdatedTerm(Kind[OutdatedTermOptions]):
    name = "outdated-term"
    Options = OutdatedTermOptions
    params = frozenset({"term", "replacement", "reason", "since", "cites"})

    def __init__(self, rule, options, config):
        super().__init__(rule, options, config)
        self._entries = [c for c in (_Compiled(e) for e in self.options.entries) if c.regex is not None]
        self._active: dict[int, list] = {}  # the entries in force in a year, by year (each with its regex)
        # one search per block decides whether any entry can match there (where more than two entries hold words the
        # block holds: fewer are searched each)
        self._gate = None
        if len(self._entries) > 1:
            try:
                self._gate = compile_pattern("|".join(f"(?:{c.regex.pattern})" for c in self._entries))
            except Exception:  # noqa: BLE001 - re.error or the regex module's error class  # e.g. the same group name in two entries: search entry by entry
                self._gate = None
        self._words = _words_gate(self._entries)
        # one or two words: looked for as substrings (str's own search, ≈5× faster than the regex over CJK text,
        # which stops at each of their first characters); more: the regex, one scan (the same blocks either way)
        few = _gate_words(self._entries)
        self._few = tuple(few) if few and len(few) <= 2 else None
        # more words (the regex path): the blocks that hold one found in the texts joined by NULs, by str's search of
        # each word (the words hold no NUL, so a word found there lies inside one block); one or two words: each
        # block's text searched for them is as fast
        self._all = tuple(few) if few and self._few is None and not any("\0" in w for w in few) else None
        self._rare = tuple(map(rarest, self._all)) if self._all is not None else ()  # (see .alternation.rarest)

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        year = report.year
        if year is None:
            return
        active = self._active.get(year)
        if active is None:  # (the entries of a year: asked once per year, not per report)
            active = self._active[year] = [c for c in self._entries
                                           if c.entry.since <= year and (c.entry.until is None or year <= c.entry.until)]
        if not active:
            return
        gate, words, few = self._gate, self._words, self._few
        blocks = report.lintable_blocks
        if self._all is not None:
            joined = report.lintable_text
            present = [w for w, rare in zip(self._all, self._rare) if rare in joined and w in joined]
            if not present:
                return
            # (the entries none of whose words the report holds are not tried in any block, nor those whose pattern
            # for the joined text finds nothing there: DL803's 新条例 and 以公开为原则 in a report that holds 条例 and
            # 以公开 in other words; the blocks searched are those holding the words of the entries left)
            held = set(present)
            active = [c for c in active if (c.words is None or not held.isdisjoint(c.words)) and c.in_joined(joined)]
            if not active:
                return
            present = [w for w in present if any(c.words is None or w in c.words for c in active)]
            blocks = [blocks[k] for k in _holding_words(report, tuple(present))]
            few = words = None  # each of these blocks holds one of the words
        for block in blocks:
            text = block.text
            if few is not None:
                for w in few:
                    if w in text:
                        break
                else:
                    continue  # none of the words every match holds
            elif words is not None and words.search(text) is None:
                continue
            # the entries whose words the block holds (str's search): the others cannot match there
            tried = []
            for c in active:
                if c.words is not None:
                    for w in c.words:
                        if w in text:
                            break
                    else:
                        continue
                tried.append(c)
            if not tried or (len(tried) > 2 and gate is not None and gate.search(text) is None):
                continue  # (the gate, one scan for all the entries, only where more than two are left to try)
            for c in tried:
                e = c.entry
                spans: list[tuple[int, int]] = []
                for m in c.regex.finditer(text):
                    s, t = m.span()
                    if spans and _GLUE.fullmatch(text, spans[-1][1], s):
                        # 《…格式（试行）》（国办公开办函〔2019〕60号）: one citation, one finding
                        spans[-1] = (spans[-1][0], t)
                    else:
                        spans.append((s, t))
                for s, t in spans:
                    around = text[max(0, s - e.window):t + e.window]
                    if c.near is not None and not c.near.search(around):
                        continue
                    if c.unless is not None and c.unless.search(around):
                        continue
                    if c.contrast is not None and c.contrast.search(text, *sentence_span(text, s, t, _REACH)):
                        continue  # 不再使用国办公开办函〔2019〕60号印发的试行格式: the old one, named as old
                    term = text[s:t]
                    yield Hit(block=block, start=s, end=t,
                              params={"term": term, "replacement": e.replacement, "reason": e.reason,
                                      "since": e.since, "cites": e.cites},
                              evidence={"actual": term, "expected": e.replacement, "report_year": year,
                                        "outdated_since": e.since,
                                        **({"outdated_until": e.until} if e.until is not None else {})},
                              key=f"term:{term}",
                              # (the characters it covers: a slip inside, DL909's 公开办涵, is left to it)
                              about=tuple(f"at:{block.index}:{i}" for i in range(s, t)),
                              fix=[FixEdit(block, s, t, e.replacement)] if e.fix else None, fix_safe=False,
                              fix_description=f"改为“{e.replacement}”" if e.fix else None)
