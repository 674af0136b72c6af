"""Generic kinds for rules written without Python (Vale's ``existence`` and ``substitution``).

``existence``: report every occurrence of listed terms or regular expressions.

    kind: existence
    options:
      terms: [某某用语]                 # literal strings
      patterns: ['本(?:单位|机关)领导']   # regular expressions (Python syntax)
      exceptions: ['某某用语库']         # matches inside these are not reported
      tables: true                      # also look inside table cells
      years: {from: 2021}               # only for these report years (from/to, both optional)
      lossy_note: '（…{signs}…）'        # {lossy} in the message on a copy that lost 年/月/〕 elsewhere

``substitution``: report a wording and suggest its replacement (with a fix).

    kind: substitution
    options:
      swap: {'国办公开办函\\[(\\d{4})\\]': '国办公开办函〔\\1〕'}   # pattern → replacement (\\1 = group 1)
      fix: safe                         # safe | unsafe | none
      report_year: true                 # only matches whose group (?P<year>…), when set, is the report's year;
                                        # {report_year} in a replacement is that year

Message placeholders: ``{match}``; existence also ``{repeated}`` and ``{lossy}``; substitution also ``{replacement}``.

Patterns are Python syntax; those from user packs and configurations run with a time bound
(:mod:`..userregex`): a pattern that backtracks for ever stops its rule for that file in one line.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal, TypeVar

from pydantic import Field

from ..model import Block
from ..report.alternation import rare_choice
from ..report.dates import lossy_signs
from ..userregex import BoundedPattern, compile_pattern
from . import register
from .base import Hit, Kind, KindOptions, PatternList, UserPattern
from .pattern_gates import LeadGate, LineGate, at_line_starts, first_chars, joined_gate

if TYPE_CHECKING:  # pragma: no cover
    from ..report import AnnualReport


class Years(KindOptions):
    from_: int | None = Field(default=None, alias="from")
    to: int | None = None


class ExistenceOptions(KindOptions):
    terms: list[str] = Field(default_factory=list)
    patterns: PatternList = Field(default_factory=list)
    exceptions: PatternList = Field(default_factory=list)
    ignore_case: bool = False
    tables: bool = True
    years: Years | None = None
    # one written form found this many times or more in a report is reported once, at its first place, with the
    # count in ``{repeated}`` (a copy's conversion that put ,、 for every 、: one finding, not a page of them); the
    # other findings' ``{repeated}`` is empty
    once_from: int | None = Field(default=None, ge=2)
    # on a copy of a web page that lost characters elsewhere (dates without 年 or 月, 〔202130号:
    # :func:`..report.dates.lossy_signs`), this text in the message's ``{lossy}`` ({signs}: what was lost) — what a
    # match lacks may be the copy's loss too; ``{lossy}`` is empty on other texts
    lossy_note: str | None = None


class SubstitutionOptions(KindOptions):
    swap: dict[UserPattern, str] = Field(default_factory=dict)
    exceptions: PatternList = Field(default_factory=list)
    ignore_case: bool = False
    tables: bool = True
    years: Years | None = None
    fix: Literal["safe", "unsafe", "none"] = "safe"
    # only the matches whose group named ``year`` is the report's year (2024年以来 in the report on 2024)
    report_year: bool = False


def in_years(years: Years | None, year: int | None) -> bool:
    if years is None:
        return True
    if year is None:
        return False
    return (years.from_ is None or year >= years.from_) and (years.to is None or year <= years.to)


_ScanOptions = TypeVar("_ScanOptions", ExistenceOptions, SubstitutionOptions)


class Scanner(Kind[_ScanOptions]):
    _exc: BoundedPattern | re.Pattern[str] | None

    def _blocks(self, report: AnnualReport) -> Iterator[Block]:
        for b in report.lintable_blocks:
            if b.kind == "table" and not self.options.tables:
                continue
            yield b

    def _exception_spans(self, text: str) -> list[tuple[int, int]]:
        return [m.span() for m in self._exc.finditer(text)] if self._exc is not None else []


_GATED_PARTS = 4  # the parts of an existence rule's pattern given a gate each, at most


@register
class Existence(Scanner[ExistenceOptions]):
    name = "existence"
    Options = ExistenceOptions
    params = frozenset({"repeated", "lossy"})
    _gates: list[re.Pattern[str] | LineGate | LeadGate] | None

    def __init__(self, rule, options, config):
        super().__init__(rule, options, config)
        flags = re.IGNORECASE if options.ignore_case else 0
        parts = [re.escape(t) for t in sorted(options.terms, key=lambda w: (-len(w), w)) if t] + list(options.patterns)
        self._re = compile_pattern("|".join(f"(?:{p})" for p in parts), flags) if parts else None
        self._exc = compile_pattern("|".join(f"(?:{p})" for p in options.exceptions), flags) \
            if options.exceptions else None
        # patterns that all match only at a line's start ("(?m:^)…", no terms): tried there, not at every character
        self._line_led = isinstance(self._re, re.Pattern) and all(
            isinstance(p, str) and p.startswith("(?m:^)") for p in parts)
        self._firsts = first_chars(self._re) if self._line_led and self._re is not None else None
        # a report whose joined text the gates find nothing in holds no match in a block (a search or two, not one a
        # block): one gate for the pattern, or one for each of its few parts when they are led by their own words
        # (a choice between parts led by groups has no leading character the engine could skip ahead to)
        self._gates = None
        if self._re is not None:
            gate = joined_gate(self._re)
            if gate is None and 1 < len(parts) <= _GATED_PARTS:
                each = [joined_gate(compile_pattern(p, flags)) for p in parts]
                self._gates = [g for g in each if g is not None] if None not in each else None
            elif gate is not None:
                self._gates = [gate]
        self._any = rare_choice(self._re) if isinstance(self._re, re.Pattern) else None  # (none in the report: no match)

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        if self._re is None or not in_years(self.options.years, report.year):
            return
        if self._gates is not None:
            joined = report.lintable_text if self.options.tables else report.prose_text
            if (self._any is not None and not any(map(joined.__contains__, self._any))) or all(
                    g.search(joined) is None for g in self._gates):
                return
        once_from = self.options.once_from
        hits = self._hits(report) if once_from is None else self._once(report, once_from)
        note = self.options.lossy_note
        if note is None:
            yield from hits
            return
        lossy: str | None = None
        for h in hits:
            if lossy is None:  # (asked once, at the first match: most reports have none)
                signs = lossy_signs(report)
                lossy = note.format(signs="、".join(signs)) if signs else ""
            h.params["lossy"] = lossy
            yield h

    def _once(self, report: AnnualReport, once_from: int) -> Iterator[Hit]:
        """The matches, one written form found ``once_from`` times or more reported once (the option's)."""
        hits = list(self._hits(report))  # (as many as the matches: the text bounds them)
        counts = Counter(h.evidence["actual"] for h in hits)
        told: set[str] = set()
        for h in hits:
            written = h.evidence["actual"]
            n = counts[written]
            if n < once_from:
                h.params = {"repeated": ""}
            elif written in told:
                continue
            else:
                told.add(written)
                h.params = {"repeated": f"（全文共{n}处“{written}”，只报告第一处）"}
                h.evidence["count"] = n
            yield h

    def _hits(self, report: AnnualReport) -> Iterator[Hit]:
        for b in self._blocks(report):
            exc = None
            found = at_line_starts(self._re, b.text, self._firsts) if self._line_led else self._re.finditer(b.text)
            for m in found:
                if not m.group(0):
                    continue
                if exc is None:
                    exc = self._exception_spans(b.text)
                if any(s <= m.start() and m.end() <= e for s, e in exc):
                    continue
                yield Hit(block=b, start=m.start(), end=m.end(), evidence={"actual": m.group(0)},
                          about=(f"block:{b.index}",))  # (left to a rule it is covered_by that reports the block)


def cut_after(report: AnnualReport, block: Block) -> bool:
    """Does the file seem to be cut off at the end of ``block`` (DL002's :attr:`AnnualReport.truncation`)?  A match
    there is judged without the words that followed it (微信公众 at the cut may be 微信公众号): not reported."""
    cut = report.truncation
    return cut is not None and cut.block is block
