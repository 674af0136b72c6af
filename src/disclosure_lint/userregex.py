"""Regular expressions written by users (rule packs, ``options:`` in a configuration), run with a time bound.

A pattern from a rule file or a configuration found in a checked folder is untrusted: ``(a+)+$`` on a
long line backtracks for ever in :mod:`re`.  Such patterns are compiled with the ``regex`` module
(the same syntax and meaning as :mod:`re` for every pattern :mod:`re` accepts) and every search gets
a timeout: the time left of the rule's budget for the current file (``limits.pattern_timeout_ms``,
started by the engine with :func:`budget`).  When it runs out, :class:`PatternTimeout` stops that
rule for that file; the engine reports it in one line and the other rules and files go on.

Why not a linear-time engine (google-re2)?  Its ``\\d``, ``\\w``, ``\\s`` and ``\\b`` are ASCII only, so
a pattern written for Chinese text (``\\d`` for ``２０２３``, ``\\w`` for 汉字) would silently mean
something else; it refuses look-behind (used by a built-in rule) and back-references; and its Python
binding's ``Match.expand`` garbles non-ASCII replacements.

The tool's own rule files are trusted: while the engine builds a built-in rule whose patterns no
configuration changed (:func:`trusted`), :func:`compile_pattern` returns a plain :mod:`re` pattern, so
the ``regex`` module (≈40 ms to import) is loaded only when a user pattern exists.
"""

from __future__ import annotations

import importlib
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from .memo import Kept

DEFAULT_TIMEOUT_MS = 1000
MAX_PATTERN_CHARS = 10_000
MAX_EXPANDED = 100_000  # ``(a{60000}){60000}``: the regex module writes counted repeats out when compiling

_trusted: ContextVar[bool] = ContextVar("disclosure_lint_trusted_patterns", default=False)


class _Budget:
    """Time spent inside one rule's user patterns on one file (only time in the matcher counts)."""

    __slots__ = ("ms", "spent")

    def __init__(self, ms: int):
        self.ms = ms
        self.spent = 0.0

    def left(self) -> float:
        return max(self.ms / 1000 - self.spent, 0.001)


_budget: ContextVar[_Budget | None] = ContextVar("disclosure_lint_pattern_budget", default=None)


class PatternTimeout(Exception):
    """A user pattern did not finish within the rule's time budget for one file."""

    def __init__(self, pattern: str, ms: int):
        self.pattern = pattern
        self.ms = ms
        shown = pattern if len(pattern) <= 60 else pattern[:59] + "…"
        super().__init__(f"正则表达式 {shown!r} 在 {ms} 毫秒内未完成匹配")


@contextmanager
def trusted(flag: bool = True):
    """Patterns compiled inside come from the tool's own rule files (plain :mod:`re`)."""
    token = _trusted.set(flag)
    try:
        yield
    finally:
        _trusted.reset(token)


class budget:
    """One rule's time budget for its user patterns on one file (a class, not ``@contextmanager``: a
    generator-based context manager costs several times more).  The engine enters it once per file and calls
    :meth:`renew` before each rule: a fresh budget without setting the context variable again."""

    __slots__ = ("_current", "_ms", "_token")

    def __init__(self, ms: int):
        self._ms = ms

    def __enter__(self) -> budget:
        self._current = _Budget(self._ms)
        self._token = _budget.set(self._current)
        return self

    def renew(self) -> None:
        """The next rule's budget: nothing spent yet."""
        self._current.spent = 0.0

    def __exit__(self, *exc: object) -> None:
        _budget.reset(self._token)


# The patterns found valid (a pure function of the text): every rule's options are validated when its pack is loaded and
# again when a configuration's rules are prepared, each pattern parsed twice at every start (≈ 480 parses)
_VALID: Kept[str, bool] = Kept("userregex: patterns found valid", 4096)


def validate(pattern: str) -> None:
    """ValueError (Chinese) if ``pattern`` is not a valid regular expression (Python syntax), is longer than
    :data:`MAX_PATTERN_CHARS`, or its counted repeats (``{m,n}``) written out exceed :data:`MAX_EXPANDED` elements."""
    if pattern in _VALID:
        return
    shown = pattern[:80] + ("…" if len(pattern) > 80 else "")
    if len(pattern) > MAX_PATTERN_CHARS:
        raise ValueError(f"正则表达式 {shown!r} 过长（上限 {MAX_PATTERN_CHARS} 个字符）")
    try:
        re.compile(pattern)
        size = _expanded_size(_sre_parse(pattern))
    except (re.error, RecursionError, OverflowError) as exc:
        raise ValueError(f"正则表达式 {shown!r} 无效：{exc}") from None
    if size > MAX_EXPANDED:
        raise ValueError(f"正则表达式 {shown!r} 的计数重复（{{m,n}}）展开后超过 {MAX_EXPANDED} 个元素，请简化")
    _VALID.keep(pattern, True)


def validate_alternation(patterns: list[str]) -> None:
    """ValueError (Chinese) if ``patterns``, each valid, cannot be searched as one ``(?:a)|(?:b)|…`` (the
    same group name in two of them, a global flag such as ``(?i)`` not at the start)."""
    alts = [p for p in patterns if p]
    if len(alts) < 2:
        return
    try:
        re.compile("|".join(f"(?:{p})" for p in alts))
    except (re.error, RecursionError, OverflowError) as exc:
        raise ValueError(f"这些正则表达式不能合为一个“或”表达式：{exc}") from None


# The parser behind ``re.compile`` (private modules of the standard library, Python ≥ 3.11: typeshed does
# not describe them, hence looked up by name): counted repeats are read from the parsed pattern.
_sre_parser: Any = importlib.import_module("re._parser")
_sre_constants: Any = importlib.import_module("re._constants")


def _sre_parse(pattern: str) -> Any:
    return _sre_parser.parse(pattern)


def _expanded_size(seq: Any) -> int:
    """How many elements ``seq`` (a parsed pattern) becomes once counted repeats are written out."""
    c = _sre_constants
    repeats = {c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)}
    groups = {c.SUBPATTERN, getattr(c, "ATOMIC_GROUP", c.SUBPATTERN)}
    total = 0
    for op, av in seq:
        if op in repeats:
            lo, hi, sub = av
            count = lo if hi == c.MAXREPEAT else hi
            total += max(count, 1) * _expanded_size(sub)
        elif op in groups:
            total += _expanded_size(av[-1])
        elif op == c.BRANCH:
            total += sum(_expanded_size(b) for b in av[1])
        elif op in (c.ASSERT, c.ASSERT_NOT):
            total += _expanded_size(av[1])
        elif op == c.GROUPREF_EXISTS:
            total += sum(_expanded_size(b) for b in av[1:] if b is not None)
        else:
            total += 1
        if total > MAX_EXPANDED:
            return total
    return total


def compile_pattern(pattern: str, flags: int = 0) -> Any:
    """A compiled pattern: :mod:`re` when trusted, else a :class:`BoundedPattern`."""
    if _trusted.get():
        return re.compile(pattern, flags)
    return BoundedPattern(pattern, flags)


def _current() -> _Budget:
    b = _budget.get()
    return b if b is not None else _Budget(DEFAULT_TIMEOUT_MS)  # outside the engine: a bound per call


class BoundedPattern:
    """The part of :class:`re.Pattern` the kinds use, each call bounded by the current budget."""

    __slots__ = ("_re", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0):
        import regex  # loaded on demand: ≈40 ms, only when a user pattern exists (see the module docstring)

        self.pattern = pattern
        self.flags = flags
        rflags = regex.V0 | (regex.IGNORECASE if flags & re.IGNORECASE else 0) \
            | (regex.MULTILINE if flags & re.MULTILINE else 0) | (regex.DOTALL if flags & re.DOTALL else 0)
        self._re = regex.compile(pattern, rflags)

    def _call(self, name: str, *args: Any) -> Any:
        b = _current()
        t = time.monotonic()
        try:
            return getattr(self._re, name)(*args, timeout=b.left())
        except TimeoutError:
            raise PatternTimeout(self.pattern, b.ms) from None
        finally:
            b.spent += time.monotonic() - t

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._call("search", string, pos, len(string) if endpos is None else endpos)

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._call("match", string, pos, len(string) if endpos is None else endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._call("fullmatch", string, pos, len(string) if endpos is None else endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator[Any]:
        b = _current()
        it = self._re.finditer(string, pos, len(string) if endpos is None else endpos, timeout=b.left())
        while True:
            t = time.monotonic()
            try:
                m = next(it)
            except StopIteration:
                return
            except TimeoutError:
                raise PatternTimeout(self.pattern, b.ms) from None
            finally:
                b.spent += time.monotonic() - t
            if b.spent > b.ms / 1000:  # many slow matches in one text: the budget is for all of them
                raise PatternTimeout(self.pattern, b.ms)
            yield m

    def findall(self, string: str, pos: int = 0, endpos: int | None = None) -> list[Any]:
        return self._call("findall", string, pos, len(string) if endpos is None else endpos)

    def __repr__(self) -> str:
        return f"BoundedPattern({self.pattern!r})"


_sre_parser = importlib.import_module("re._parser")  # the re module's own parser (loaded with it; not in the stubs)


# The parse trees read (never changed) by the kinds' analyses of a pattern, by its source and flags: each built-in
# pattern is read for its required character, its required texts, its first characters … (≈ 435 parses of ≈ 210
# patterns at every start, half of them again)
_READ: Kept[tuple[str, int], Any] = Kept("userregex: a pattern's parse tree, read only", 512)


def read_parse(pattern: Any) -> Any | None:
    """:func:`cased_parse` of ``pattern``, shared by every caller that reads the tree and never changes it (a caller
    that rewrites the tree, as ``pattern_gates.joined_gate`` does, takes its own from :func:`cased_parse`)."""
    if not isinstance(pattern, re.Pattern):
        return None
    key = (pattern.pattern, pattern.flags)
    if key in _READ:
        return _READ[key]
    return _READ.keep(key, cased_parse(pattern))


def cased_parse(pattern: Any) -> Any | None:
    """The parse tree of a compiled standard-library pattern (``re._parser``), for reading what every match holds or
    starts with; None for a pattern that ignores case (anywhere it says so), one it cannot parse, or one the time
    bound guards (not a ``re.Pattern``)."""
    if not isinstance(pattern, re.Pattern) or pattern.flags & re.IGNORECASE:
        return None
    try:
        tree = _sre_parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - whatever it cannot read: no tree
        return None
    if tree.state.flags & re.IGNORECASE:
        return None
    return tree
