"""Suppression comments: ``<!-- disclosure-lint-… -->`` in documents with lines (Markdown, text, HTML source).

Directives (codes or rule names separated by spaces or commas; none = every rule; an optional reason after
``--``, which must not contain a half-width ``>``):

* ``disable [codes]`` … ``enable [codes]`` — the lines between (to the end of the file when never enabled);
* ``disable-next-line [codes]`` — the next line that is not blank;
* ``disable-line [codes]`` — the comment's own line;
* ``disable-file [codes]`` — the whole file, wherever the comment stands, also findings without a line
  (a missing part, a statistics table).

Word and PDF have no comments: nothing is suppressed there.  With ``suppressions: {require_reason: true}``
a directive without a reason does not suppress; it is reported instead.  After every rule ran, the engine
asks :meth:`Suppressions.ineffective` which directives suppressed nothing (DL003, ``unused-suppression``):
a code is only judged when its rule ran to the end in this run (a ``disable DL301`` while DL301 is not
selected may well suppress something), a directive without codes only when every rule enabled by default ran.
Parsing, hiding and the final check are linear in the text and the findings (``O(log n)`` per finding).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from itertools import count

from .diagnostics import Diagnostic

UNUSED_CODE = "DL003"
UNUSED_NAME = "unused-suppression"

# ``<!--\s*disclosure-lint-(what)\b(codes: [^>]*?)-->`` — as one pattern, each unclosed directive scanned to
# the end of its line (a line of thousands of them was quadratic); func:`directives` finds the same matches.
_HEAD = re.compile(
    r"<!--\s*disclosure-lint-(?P<what>disable-next-line|disable-line|disable-file|disable|enable)\b")
_CODE_SEP = re.compile(r"[\s,，]+")
_WHOLE_FILE = 1 << 62  # the last line of a file-level directive's range


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class SuppressionPolicy:
    """What the engine knows about suppressions in one configuration (:func:`.engine.prepare`)."""

    require_reason: bool = False
    known: frozenset[str] | None = None  # codes and names of every loaded rule (None: not known, nothing unknown)
    every_default_rule: bool = False  # every rule enabled by default runs: a directive without codes can be judged


@dataclass(frozen=True, slots=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class Directive:
    """A suppression comment: what it disables, for which rules, with which reason, and the lines it covers."""

    what: str  # disable | disable-next-line | disable-line | disable-file
    line: int  # where the comment is (1-based line and column)
    column: int
    codes: frozenset[str] | None  # None: every rule
    reason: str = ""
    first: int = 0  # the lines it covers (a file-level directive: 0 … _WHOLE_FILE, findings without a line too)
    last: int = 0

    @property
    def shown(self) -> str:
        codes = " ".join(sorted(self.codes)) if self.codes is not None else ""
        return f"disclosure-lint-{self.what}{' ' if codes else ''}{codes}"


@dataclass(frozen=True, slots=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class Ineffective:
    """A directive that suppressed nothing (``unused``), named unknown rules or lacked a required reason."""

    directive: Directive
    unused: tuple[str, ...] = ()  # its codes that suppressed nothing ((): the directive has no codes)
    unknown: tuple[str, ...] = ()
    no_reason: bool = False

    @property
    def detail(self) -> str:
        d = self.directive
        where = f"抑制注释“{d.shown}”"
        if self.no_reason:
            return (f"{where}没有写明理由，未生效（配置 suppressions.require_reason 要求写明理由）；"
                    "请在规则代码后加“-- 理由”，如 disclosure-lint-disable-next-line DL301 -- 引用上级文件原文")
        out = where
        if self.unknown:
            out += (f"中的 {'、'.join(self.unknown)} 不是已知的规则代码或规则名称，不起作用"
                    "（应写规则代码如 DL701，或规则名称如 ascii-punctuation）")
        whole = not (self.unused and d.codes is not None and len(self.unused) < len(d.codes) - len(self.unknown))
        if not whole:
            out += f"{'；其' if self.unknown else ''}中的 {'、'.join(self.unused)} 没有抑制任何问题，可从注释中删去"
        elif self.unused or d.codes is None:
            out += f"{'；这条注释' if self.unknown else ''}没有抑制任何问题，可以删除"
        return out

    @property
    def key(self) -> str:
        d = self.directive
        codes = ",".join(sorted(d.codes)) if d.codes is not None else "*"
        state = "no-reason" if self.no_reason else f"{','.join(self.unknown)}|{','.join(self.unused)}"
        return f"{d.what}:{codes}:{state}"


class Suppressions:
    """The directives of one document: which findings they hide, and which of them hid nothing."""

    def __init__(self, directives: Collection[Directive] = (), refused: Collection[Directive] = ()):
        self.directives = list(directives)  # in the order their ranges close (a ``disable`` at its ``enable``)
        self.refused = list(refused)  # without a reason while one is required: not applied, reported
        # code (or rule name; None = every rule) → merged, sorted (first, last) line intervals
        by: dict[str | None, list[tuple[int, int]]] = {}
        self._file: set[str | None] = set()
        for d in self.directives:
            for c in (None,) if d.codes is None else d.codes:
                if d.what == "disable-file":
                    self._file.add(c)
                else:
                    by.setdefault(c, []).append((d.first, d.last))
        self._index: dict[str | None, tuple[list[int], list[int]]] = {}
        for c, spans in by.items():
            spans.sort()
            firsts: list[int] = []
            lasts: list[int] = []
            for a, b in spans:
                if lasts and a <= lasts[-1] + 1:
                    lasts[-1] = max(lasts[-1], b)
                else:
                    firsts.append(a)
                    lasts.append(b)
            self._index[c] = (firsts, lasts)
        self._hidden: set[tuple[str, str, int]] = set()  # (code, rule, line or 0) of every finding hidden

    def __bool__(self) -> bool:
        return bool(self.directives or self.refused)

    @property
    def ranges(self) -> list[tuple[int, int, frozenset[str] | None]]:
        """(first line, last line, codes) of the directives that apply to lines (not the file-level ones)."""
        return [(d.first, d.last, d.codes) for d in self.directives if d.what != "disable-file"]

    def hides(self, d: Diagnostic) -> bool:
        """Is ``d`` suppressed (a finding without a line: only by a file-level directive)?"""
        line = d.line or 0
        return None in self._file or self._covers(None, line) or self.hides_at(d.code, d.rule, line)

    def hides_at(self, code: str, rule: str, line: int) -> bool:
        """Is a finding of ``code``/``rule`` on ``line`` hidden by a directive that names it (not by one without
        codes)?"""
        if self._file and (code in self._file or rule in self._file):
            return True
        return self._covers(code, line) or self._covers(rule, line)

    def _covers(self, key: str | None, line: int) -> bool:
        spans = self._index.get(key)
        if spans is None:
            return False
        i = bisect_right(spans[0], line) - 1
        return i >= 0 and line <= spans[1][i]

    def take(self, d: Diagnostic) -> bool:
        """:meth:`hides`, remembering the finding for :meth:`ineffective`."""
        if not self.hides(d):
            return False
        self._hidden.add((d.code, d.rule, d.line or 0))
        return True

    def ineffective(self, policy: SuppressionPolicy, judged: Collection[str], bare: bool) -> list[Ineffective]:
        """The directives that suppressed nothing, named unknown rules or lack a required reason, in the order of
        the text.  ``judged``: the codes and names of the rules that ran to the end (only those are judged);
        ``bare``: a directive without codes is judged (every rule enabled by default ran to the end)."""
        lines: dict[str | None, list[int]] = {}
        for code, rule, line in self._hidden:
            for k in (None, code, rule):
                lines.setdefault(k, []).append(line)
        for v in lines.values():
            v.sort()

        def used(key: str | None, d: Directive) -> bool:
            got = lines.get(key)
            if not got:
                return False
            i = bisect_left(got, d.first)
            return i < len(got) and got[i] <= d.last

        known = policy.known
        out = [Ineffective(d, no_reason=True) for d in self.refused]
        for d in self.directives:
            if d.codes is None:
                if bare and not used(None, d):
                    out.append(Ineffective(d))
                continue
            unknown = tuple(sorted(c for c in d.codes if known is not None and c not in known))
            unused = tuple(sorted(c for c in d.codes if c in judged and not used(c, d)))
            if unknown or unused:
                out.append(Ineffective(d, unused, unknown))
        out.sort(key=lambda x: (x.directive.line, x.directive.column))
        return out


def directives(line: str) -> Iterator[tuple[int, str, str]]:
    """(start, what, codes) of each ``<!-- disclosure-lint-what codes -->`` in ``line``, left to right, in linear
    time.  The codes run from the head to the first ``>`` after it, which must close the comment (``-->``)."""
    pos = 0
    gt = -1  # the first '>' at or after the current head's end
    while (m := _HEAD.search(line, pos)) is not None:
        e = m.end()
        if gt < e:
            gt = line.find(">", e)
            if gt < 0:
                return  # no '>' on the rest of the line: no later directive closes either
        if gt - 2 >= e and line[gt - 2:gt] == "--":
            yield m.start(), m.group("what"), line[e:gt - 2]
            pos = gt + 1
        else:
            pos = m.start() + 1


def _codes_and_reason(raw: str) -> tuple[frozenset[str] | None, str]:
    """``" DL301, DL302 -- 理由 "`` → ({DL301, DL302}, "理由"); no codes → None (every rule)."""
    codes_part, sep, reason = raw.partition("--")
    codes = [c for c in _CODE_SEP.split(codes_part.strip()) if c]
    return (frozenset(codes) if codes else None), (" ".join(reason.split()) if sep else "")


@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class _Open:
    """A disable comment not yet closed by its enable comment."""

    line: int
    column: int
    order: int
    reason: str


def read_suppressions(text: str, require_reason: bool = False) -> Suppressions:
    """The directives of a document's text (linear in it).  ``require_reason``: a directive without a reason is
    not applied (:attr:`Suppressions.refused`)."""
    if "disclosure-lint-" not in text:
        return Suppressions()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    applied: list[Directive] = []
    refused: list[Directive] = []
    open_: dict[frozenset[str] | None, _Open] = {}  # open disables
    by_code: dict[str, set[frozenset[str]]] = {}  # code → the open disables naming it
    opened = count()
    for i, line in enumerate(lines, 1):
        if "disclosure-lint-" not in line:
            continue
        next_line = None  # the line a disable-next-line on this line applies to (found once per line)
        for start, what, raw in directives(line):
            codes, reason = _codes_and_reason(raw)
            if what != "enable" and require_reason and not reason:
                refused.append(Directive(what, i, start + 1, codes))
                continue
            if what == "disable-next-line":
                if next_line is None:
                    j = i + 1
                    while j <= len(lines) and not lines[j - 1].strip():
                        j += 1
                    next_line = j
                applied.append(Directive(what, i, start + 1, codes, reason, next_line, next_line))
            elif what == "disable-line":
                applied.append(Directive(what, i, start + 1, codes, reason, i, i))
            elif what == "disable-file":
                applied.append(Directive(what, i, start + 1, codes, reason, 0, _WHOLE_FILE))
            elif what == "disable":
                if codes not in open_:
                    open_[codes] = _Open(i, start + 1, next(opened), reason)
                    if codes is not None:
                        for c in codes:
                            by_code.setdefault(c, set()).add(codes)
            elif open_:  # enable: closes the matching disable (or all when no codes)
                if codes is None:
                    keys = list(open_)
                else:  # the open disables sharing a code with it, in the order they were opened
                    found = {k for c in codes for k in by_code.get(c, ())}
                    keys = sorted(found, key=lambda k: open_[k].order)
                for k in keys:
                    o = open_.pop(k)
                    applied.append(Directive("disable", o.line, o.column, k, o.reason, o.line, i))
                    for c in k or ():
                        by_code[c].discard(k)
    for k, o in open_.items():
        applied.append(Directive("disable", o.line, o.column, k, o.reason, o.line, len(lines)))
    return Suppressions(applied, refused)
