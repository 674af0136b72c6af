"""Gates made from a rule's regular expression, by reading its parse: what every match holds (a character, a
text, one of a few first characters), a form led by a literal that the regex engine skips ahead to (a look-behind of
one character taken in, a choice of leading characters split into one pattern each: :class:`LeadGate`, a line's
start: :class:`LineGate`), a replacement template read once, and the matches of a pattern led by a line's start.
Each answers exactly what the pattern would (the texts in which it finds something, or its matches), faster; the
property tests compare them with the pattern on random texts (tests/test_existence_gate.py,
tests/test_fast_paths_t9_gates.py).  Used by the generic kinds (:mod:`.generic`, :mod:`.substitution`) and DL801–803
(:mod:`.terminology`)."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator

from ..report.alternation import rank
from ..userregex import BoundedPattern, cased_parse, read_parse

_VERBOSE_FLAG = re.compile(r"\(\?[aiLmsux-]*x")  # an inline verbose flag: "#" may hide a ")"
_parser = importlib.import_module("re._parser")  # the re module's own parser (loaded with it; not in the type stubs)


def lookbehind_gate(pattern: re.Pattern[str] | BoundedPattern) -> re.Pattern[str] | None:
    """For a pattern led by a look-behind of one character, ``(?<=X)rest``: ``(?:X)rest``, which finds something in
    a text exactly when the pattern does (its match at ``s - 1`` is one of the pattern at ``s``, and back) and is
    led by that character: the regex engine skips ahead to it in C, where a pattern led by a look-behind is tried at
    every character.  None for other patterns (and those the time bound guards, :mod:`..userregex`)."""
    source = pattern.pattern
    if not isinstance(pattern, re.Pattern) or not source.startswith("(?<=") or pattern.flags & re.VERBOSE \
            or _VERBOSE_FLAG.search(source):
        return None
    for i in range(5, len(source)):
        if source[i] != ")":
            continue
        inner = source[4:i]
        try:  # the first ")" before which the look-behind's content compiles alone closes it (balanced, not escaped)
            alone = re.compile(inner, pattern.flags)
            if alone.groups or _parser.parse(inner, pattern.flags).getwidth() != (1, 1):
                return None
            return re.compile(f"(?:{inner}){source[i + 1:]}", pattern.flags)
        except re.error:
            continue
    return None


_sre = importlib.import_module("re._constants")  # its opcodes
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT)


def required_char(pattern: re.Pattern[str] | BoundedPattern) -> str | None:
    """A character every match of ``pattern`` holds, read from its parse: a literal of its sequence, or of a group
    or a repeat of at least once in it (not of a choice, a class, a look-around or a case-blind part) — the rarest
    of them (:data:`.alternation.COMMON`).  A text without it holds no match (``ch in text``: a search for one
    character in C, where a pattern led by a class tests every character).  None when there is none (and for the
    patterns the time bound guards, :mod:`..userregex`)."""
    tree = read_parse(pattern)
    if tree is None:
        return None
    found: list[str] = []

    def walk(seq) -> None:
        for op, av in seq:
            if op is _sre.LITERAL:
                found.append(chr(av))
            elif op is _sre.SUBPATTERN and not av[1] & re.IGNORECASE:  # a group (not one made case-blind)
                walk(av[3])
            elif op in _REPEATS and av[0] >= 1:
                walk(av[2])

    walk(tree)
    return max(found, key=rank, default=None)


def required_texts(pattern: re.Pattern[str] | BoundedPattern) -> list[str]:
    """The runs of literal characters a text holds wherever ``pattern`` finds something in it, read from its parse as
    :func:`required_char` reads it: those every match holds (a run of literals of its sequence, or of a group or a
    repeat of at least once in it, going on over a test of width 0: ``参(?<=知情权、参)加权`` holds 参加权, and
    ``(?m:^)`` or a look-ahead between two literals breaks nothing), and those of the look-arounds every match passes
    (``、(?=总体情况)``: 总体情况 stands beside the match, in the same text).  Longest first, of equally long ones the
    one whose commonest character is rarer (:func:`.alternation.rank`: ``常态`` before ``公开``), none inside another;
    empty when there is none (and for the patterns the time bound guards, :mod:`..userregex`).  A text that lacks any
    of them holds no match (``run in text``, one search in C)."""
    tree = read_parse(pattern)
    if tree is None:
        return []
    runs: list[str] = []

    def walk(seq) -> None:
        run: list[str] = []
        for op, av in seq:
            if op is _sre.LITERAL:
                run.append(chr(av))
                continue
            if op is _sre.AT or op is _sre.ASSERT_NOT:
                continue  # (width 0: the literals before and after it are side by side in the text)
            if op is _sre.ASSERT:
                walk(av[1])  # (its own runs: beside the match, not inside it)
                continue
            runs.append("".join(run))
            run = []
            if op is _sre.SUBPATTERN and not av[1] & re.IGNORECASE:
                walk(av[3])
            elif op in _REPEATS and av[0] >= 1:
                walk(av[2])
        runs.append("".join(run))

    walk(tree)
    kept: list[str] = []
    for r in sorted(runs, key=lambda r: (len(r), min(map(rank, r), default=0)), reverse=True):
        kept += [r] if r and not any(r in k for k in kept) else []  # (one inside a longer one says nothing more)
    return kept


def first_chars(pattern: re.Pattern[str] | BoundedPattern) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with, read from its parse (after zero-width assertions such as
    ``(?m:^)``): literals, classes of literals and small ranges, through groups, choices and repeats of at least once.
    None when that is not known (a negated class, a category such as ``\\d``, an optional lead, a case-blind part, a
    look-around, or a pattern the time bound guards): the pattern is then tried as it is."""
    tree = read_parse(pattern)
    if tree is None:
        return None

    def lead(seq) -> set[str] | None:
        for op, av in seq:
            if op is _sre.AT:
                continue  # ^ (or \\b, $: width 0; what follows leads)
            if op is _sre.LITERAL:
                return {chr(av)}
            if op is _sre.IN:
                out: set[str] = set()
                for iop, iav in av:
                    if iop is _sre.LITERAL:
                        out.add(chr(iav))
                    elif iop is _sre.RANGE and iav[1] - iav[0] < 64:
                        out.update(chr(c) for c in range(iav[0], iav[1] + 1))
                    else:
                        return None
                return out
            if op is _sre.SUBPATTERN:
                if av[1] & re.IGNORECASE:
                    return None
                if all(iop is _sre.AT for iop, _ in av[3]):
                    continue  # (?m:^): a group of zero width
                return lead(av[3])
            if op in _REPEATS:
                return lead(av[2]) if av[0] >= 1 else None
            if op is _sre.BRANCH:
                union: set[str] = set()
                for branch in av[1]:
                    got = lead(branch)
                    if got is None:
                        return None
                    union |= got
                return union
            return None
        return None

    found = lead(tree)
    return frozenset(found) if found else None


# zero-width tests that give the same answer at a block's edge, with nothing beside it, as beside the NUL that joins
# it to the next block in :attr:`AnnualReport.lintable_text` (a NUL is no word character)
# ``^`` and ``$`` under the multi-line flag (the compiler's own mapping, ``re._compiler``)
_MULTILINE_AT = {_sre.AT_BEGINNING: _sre.AT_BEGINNING_LINE, _sre.AT_END: _sre.AT_END_LINE}
_EDGE_SAME = frozenset({_sre.AT_BOUNDARY, _sre.AT_NON_BOUNDARY, _sre.AT_UNI_BOUNDARY, _sre.AT_UNI_NON_BOUNDARY})


def _edge(source: str):
    return _parser.parse(source)


# anchors as they hold in the joined text: beside a NUL as at a block's edge
_EDGE_AT = {_sre.AT_BEGINNING_LINE: _edge(r"(?:(?<=[\n\x00])|\A)"), _sre.AT_END_LINE: _edge(r"(?=[\n\x00]|\Z)"),
            _sre.AT_BEGINNING: _edge(r"(?:(?<=\x00)|\A)"), _sre.AT_BEGINNING_STRING: _edge(r"(?:(?<=\x00)|\A)"),
            _sre.AT_END: _edge(r"(?=[\n\x00]|\Z)"), _sre.AT_END_STRING: _edge(r"(?=\x00|\Z)")}


def _takes_nul(seq) -> bool:
    """Can a match of ``seq`` (a look-around's content) hold a NUL or test a block's edge?  (When unsure: yes.)  A
    negative look-around that can't gives the same answer at a block's edge as beside the NUL there."""
    for op, av in seq:
        if op is _sre.LITERAL:
            if av == 0:
                return True
        elif op is _sre.IN:
            for iop, iav in av:
                if iop is _sre.NEGATE or (iop is _sre.LITERAL and iav == 0) or (iop is _sre.RANGE and iav[0] == 0) \
                        or (iop is _sre.CATEGORY and "NOT" in str(iav)) \
                        or iop not in (_sre.LITERAL, _sre.RANGE, _sre.CATEGORY):
                    return True
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT, *_REPEATS):
            if _takes_nul(av[-1]):
                return True
        elif op is _sre.SUBPATTERN:
            if _takes_nul(av[3]):
                return True
        elif op is _sre.BRANCH:
            if any(_takes_nul(b) for b in av[1]):
                return True
        else:  # any character, an anchor, a back-reference, …
            return True
    return False


def _char_led(seq) -> bool:
    """Does a match of ``seq`` start with a literal or a class, through groups (or a choice of literals)?  The
    regex engine then skips ahead in C to where one is; a search for a pattern led otherwise (an optional or
    repeated part, a look-behind) tries it at every character, slower over a whole report than one block at a time
    for a pattern led by (?m:^) (DL908: 120 µs a report against 47)."""
    while seq.data and seq.data[0][0] is _sre.SUBPATTERN:
        seq = seq.data[0][1][3]
    if not seq.data:
        return False
    op, av = seq.data[0]
    if op is _sre.BRANCH:
        return all(branch.data and branch.data[0][0] is _sre.LITERAL for branch in av[1])
    return op in (_sre.LITERAL, _sre.IN)


_AT_SOURCE = {_sre.AT_BEGINNING: "^", _sre.AT_BEGINNING_STRING: r"\A", _sre.AT_END: "$", _sre.AT_END_STRING: r"\Z",
              _sre.AT_BOUNDARY: r"\b", _sre.AT_NON_BOUNDARY: r"\B", _sre.AT_BEGINNING_LINE: "(?m:^)",
              _sre.AT_END_LINE: "(?m:$)"}
_CATEGORY_SOURCE = {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_NOT_DIGIT: r"\D", _sre.CATEGORY_SPACE: r"\s",
                    _sre.CATEGORY_NOT_SPACE: r"\S", _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_NOT_WORD: r"\W"}
_FLAG_LETTERS = ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"), (re.VERBOSE, "x"))


def _char(code: int) -> str:
    """A character as it stands in a pattern's source: a letter or digit as it is, any other escaped by its code."""
    c = chr(code)
    if c.isalnum():
        return c
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def unparse(seq) -> str:
    """A regex source for a parse tree of :mod:`re._parser` (as the gates' trees are built): the same pattern, written
    with non-capturing groups and escapes, its capturing groups in the same order (their numbers kept, not their
    names).  ValueError for a node it does not know."""
    out = []
    for op, av in seq:
        if op is _sre.LITERAL:
            out.append(_char(av))
        elif op is _sre.NOT_LITERAL:
            out.append(f"[^{_char(av)}]")
        elif op is _sre.ANY:
            out.append(".")
        elif op is _sre.IN:
            items = []
            for iop, iav in av:
                if iop is _sre.NEGATE:
                    items.append("^")
                elif iop is _sre.LITERAL:
                    items.append(_char(iav))
                elif iop is _sre.RANGE:
                    items.append(f"{_char(iav[0])}-{_char(iav[1])}")
                elif iop is _sre.CATEGORY and iav in _CATEGORY_SOURCE:
                    items.append(_CATEGORY_SOURCE[iav])
                else:
                    raise ValueError(iop)
            out.append("[" + "".join(items) + "]")
        elif op is _sre.BRANCH:
            out.append("(?:" + "|".join(unparse(b) for b in av[1]) + ")")
        elif op is _sre.SUBPATTERN:
            group, add, remove, sub = av
            if group is not None:
                out.append("(" + unparse(sub) + ")")
            else:
                on = "".join(c for f, c in _FLAG_LETTERS if add & f)
                off = "".join(c for f, c in _FLAG_LETTERS if remove & f)
                out.append(f"(?{on}{'-' + off if off else ''}:" + unparse(sub) + ")")
        elif op in _REPEATS:
            low, high, sub = av
            count = f"{{{low},{'' if high is _sre.MAXREPEAT else high}}}"
            out.append("(?:" + unparse(sub) + ")" + count + ("?" if op is _sre.MIN_REPEAT else "+"
                                                              if op is _sre.POSSESSIVE_REPEAT else ""))
        elif op is _sre.AT and av in _AT_SOURCE:
            out.append(_AT_SOURCE[av])
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            direction, sub = av
            out.append("(?" + ("<" if direction < 0 else "") + ("=" if op is _sre.ASSERT else "!") + unparse(sub) + ")")
        elif op is _sre.GROUPREF:
            out.append(f"(?:\\{av})")
        elif op is _sre.GROUPREF_EXISTS:
            group, yes, no = av
            out.append(f"(?({group})" + unparse(yes) + ("|" + unparse(no) if no is not None else "") + ")")
        elif op is _sre.ATOMIC_GROUP:
            out.append("(?>" + unparse(av) + ")")
        else:
            raise ValueError(op)
    return "".join(out)


class LineGate:
    """The gate (:func:`joined_gate`) of a pattern led by a line's start (``(?m:^)…``, or ``^``/``\\A``): the rest
    of it, ``R``, matched at the joined text's start and searched after a NUL and after a line break (``\\x00R``,
    ``\\nR``: each led by one literal character, which the regex engine skips ahead to in C, where ``(?m:^)R`` is
    tried at every character and ``[\\n\\x00]R`` tests each character against the class: 2–3 times the instructions).  A
    line's start in a block is the joined text's start, or comes after the NUL before the block or a line break, so
    it finds something wherever the pattern does (DL704, DL705, DL908: most reports hold no line that starts so and
    are not read block by block)."""

    __slots__ = ("_after_break", "_after_nul", "_at_start")

    def __init__(self, source: str, flags: int):
        self._at_start = re.compile(source, flags).match
        self._after_nul = re.compile(f"\\x00(?:{source})", flags).search
        self._after_break = re.compile(f"\\n(?:{source})", flags).search

    def search(self, text: str) -> re.Match[str] | None:
        return self._at_start(text) or self._after_nul(text) or self._after_break(text)


class LeadGate:
    """The gate (:func:`joined_gate`) of a pattern led by a choice of a few literal characters, ``[收接]…``, or of
    branches each led by one, ``(?:收到|接到)…``: the pattern for each character, its choice narrowed to it (``收…``,
    ``接…``; ``(?:办理|办结)…`` stays whole), searched in turn.  The regex engine skips ahead in C to a leading literal
    (≈0.5 ns a character with this venv's Python; one led by a choice or a class it tries at every character, ≈5–13
    ns): a search each costs less up to about :data:`_LEAD_MOST` (DL118, DL707, DL907, DL918, DL909's …).  A match of
    the pattern takes one branch (one character) at its start, which that character's pattern holds, and each of those
    patterns' matches is one of the pattern's: together they find something exactly where the pattern does."""

    __slots__ = ("_searches",)

    def __init__(self, parts: list[tuple[str, str]], flags: int):
        self._searches = tuple((lead, re.compile(source, flags).search) for lead, source in parts)

    def search(self, text: str) -> re.Match[str] | None:
        """A match of the pattern in ``text`` (not the leftmost: a gate asks only whether there is one), or None.  Each
        character's pattern is searched from where the character first is (``str.find``, at ``memchr``'s speed; not at
        all in a text without it): a look-behind still sees the text before, where nothing starts with the character."""
        for lead, search in self._searches:
            at = text.find(lead)
            if at >= 0:
                found = search(text, at)
                if found is not None:
                    return found
        return None


_LEAD_MOST = 7  # LeadGate: at most this many characters (DL916's ten searched one by one cost more than the choice)


def _captures(seq) -> bool:
    """Does ``seq`` (a parse tree) hold a capturing group (or something not looked into: an atomic group …)?"""
    for op, av in seq:
        if op is _sre.SUBPATTERN:
            inner = [av[3]] if av[0] is None else None
        elif op is _sre.BRANCH:
            inner = av[1]
        elif op in _REPEATS or op is _sre.ASSERT or op is _sre.ASSERT_NOT:
            inner = [av[-1]]
        else:
            inner = [] if op in (_sre.LITERAL, _sre.NOT_LITERAL, _sre.ANY, _sre.IN, _sre.AT, _sre.GROUPREF) else None
        if inner is None or any(map(_captures, inner)):
            return True
    return False


def _lead_split(tree) -> list[tuple[str, str]] | None:
    """(leading character, source) of :class:`LeadGate`'s patterns for ``tree`` (a gate's parse, changed and put back)
    led, through groups not case-blind, by a class of 2 to :data:`_LEAD_MOST` literals or a choice of branches each led
    by one, as many in all, none holding a capturing group (the groups keep their numbers); None otherwise."""
    seq = tree
    while seq.data and seq.data[0][0] is _sre.SUBPATTERN:
        if seq.data[0][1][1] & re.IGNORECASE:
            return None
        seq = seq.data[0][1][3]
    if not seq.data:
        return None
    op, av = seq.data[0]
    parts: list[tuple[int, tuple[object, object]]] = []  # (the leading character's code, the choice narrowed to it)
    if op is _sre.BRANCH:
        by_char: dict[int, list] = {}
        for branch in av[1]:
            if not branch.data or branch.data[0][0] is not _sre.LITERAL or _captures(branch):
                return None
            by_char.setdefault(branch.data[0][1], []).append(branch)
        parts = [(code, (_sre.BRANCH, (None, branches))) for code, branches in by_char.items()]
    elif op is _sre.IN:
        codes: list[int] = []
        for iop, iav in av:
            if iop is _sre.LITERAL:
                codes.append(iav)
            elif iop is _sre.RANGE and iav[1] - iav[0] < _LEAD_MOST:
                codes.extend(range(iav[0], iav[1] + 1))
            else:
                return None
        parts = [(code, (_sre.LITERAL, code)) for code in dict.fromkeys(codes)]
    if not 2 <= len(parts) <= _LEAD_MOST:
        return None
    try:
        out = []
        for code, node in parts:
            seq.data[0] = node
            out.append((chr(code), unparse(tree)))
        return out
    finally:
        seq.data[0] = (op, av)


_LEADS = (_sre.AT_BEGINNING, _sre.AT_BEGINNING_STRING)  # ^ (a line's start under (?m)), \A


def _line_led(seq) -> bool:
    """Is ``seq`` led by a test of a line's or the text's start (``^``, ``\\A``, ``(?m:^)``: a group of nothing but
    those)?  It is then taken off ``seq`` (:class:`LineGate` tests it)."""
    if not seq.data:
        return False
    op, av = seq.data[0]
    if not (op is _sre.AT and av in _LEADS) and not (
            op is _sre.SUBPATTERN and av[0] is None and av[3].data
            and all(iop is _sre.AT and iav in _LEADS for iop, iav in av[3].data)):
        return False
    del seq.data[0]
    return True


def joined_gate(pattern: re.Pattern[str] | BoundedPattern) -> re.Pattern[str] | LineGate | LeadGate | None:
    """A pattern that finds something in the blocks' texts joined by NULs (:attr:`AnnualReport.lintable_text`)
    whenever ``pattern`` finds something in one of the blocks: ``pattern`` with its anchors holding beside a NUL as at
    a block's edge (``(?m:^)`` after a NUL too) and without the negative look-arounds that could test a block's edge
    (``(?<![^，。]我)`` is dropped, ``(?<![\\d.])`` kept), so that it matches wherever ``pattern`` does and more.  A
    report whose joined text it finds nothing in is not read block by block (one search in C).  A :class:`LineGate`
    for a pattern led by a line's start, a :class:`LeadGate` for one led by a choice of a few literal characters.
    None when not known (a case-blind pattern, one the time bound guards, one this Python cannot compile from its
    parse) or not faster (:func:`_char_led`)."""
    tree = cased_parse(pattern)
    if tree is None:
        return None

    def strip(seq, multiline: bool) -> None:
        # (``multiline``: ``^`` and ``$`` are a line's here, by the pattern's flags or a ``(?m:…)`` around them: the
        # parse writes them AT_BEGINNING / AT_END either way and the compiler makes them a line's)
        kept: list[tuple[object, object]] = []
        for op, av in seq.data:
            if op is _sre.AT and av not in _EDGE_SAME:
                at = _MULTILINE_AT.get(av, av) if multiline else av
                kept.extend(_EDGE_AT[at].data if at in _EDGE_AT else ())
                continue
            if op is _sre.ASSERT_NOT and _takes_nul(av[1]):
                continue
            if op in (_sre.ASSERT, *_REPEATS):
                strip(av[-1], multiline)
            elif op is _sre.SUBPATTERN:
                strip(av[3], (multiline or bool(av[1] & re.MULTILINE)) and not av[2] & re.MULTILINE)
            elif op is _sre.BRANCH:
                for branch in av[1]:
                    strip(branch, multiline)
            elif op is _sre.GROUPREF_EXISTS:
                for branch in av[1:]:
                    if branch is not None:
                        strip(branch, multiline)
            kept.append((op, av))
        seq.data[:] = kept

    try:
        led = _line_led(tree)
        strip(tree, bool(pattern.flags & re.MULTILINE))
        if led:
            return LineGate(unparse(tree), pattern.flags)
        split = _lead_split(tree)  # (led by a choice of a few characters: a search led by each)
        if split is not None:
            return LeadGate(split, pattern.flags)
        # (compiled from its source: the command line keeps compiled patterns from one run to the next by their source,
        # :mod:`..recache`; compiling the tree itself costs ≈1 ms a pattern at every start)
        return re.compile(unparse(tree), pattern.flags) if _char_led(tree) else None
    except Exception:  # noqa: BLE001 - a parse this Python's compiler does not take, or that unparse cannot write
        return None


_TEMPLATE_PART = re.compile(r"\\g<([^<>]*)>|[^\\]+")


def plain_template(pattern: re.Pattern[str] | BoundedPattern, template: str) -> tuple[str | int, ...] | None:
    """``template`` as its parts, literal text or a group's number, when it holds nothing but text without a
    backslash and ``\\g<name>`` / ``\\g<number>`` references to groups of ``pattern``: ``m.expand(template)`` is
    then those parts joined (an unmatched group gives ""), without parsing the template again per match as
    Python 3.11 does.  None for any other template (or a pattern the time bound guards): it is expanded as before."""
    if not isinstance(pattern, re.Pattern):
        return None
    parts: list[str | int] = []
    pos = 0
    while pos < len(template):
        m = _TEMPLATE_PART.match(template, pos)
        if m is None:
            return None
        ref = m.group(1)
        if ref is None:
            parts.append(m.group(0))
        elif ref in pattern.groupindex:
            parts.append(pattern.groupindex[ref])
        elif ref.isascii() and ref.isdecimal() and int(ref) <= pattern.groups:
            parts.append(int(ref))
        else:
            return None
        pos = m.end()
    return tuple(parts)



def at_line_starts(pattern: re.Pattern[str], text: str,
                    firsts: frozenset[str] | None = None) -> Iterator[re.Match[str]]:
    """The matches of a pattern led by ``(?m:^)`` in ``text``: ``pattern.match`` at the text's start and after each
    line break (what ``finditer`` finds, without trying the pattern at every character: the regex engine has no
    prefix to skip ahead to), only where the line starts with one of ``firsts`` when given (:func:`first_chars`).
    Line starts inside an earlier match are skipped, as ``finditer`` skips them; empty matches are not given (the
    caller skips them)."""
    at, end = 0, -1
    while at >= 0:
        if at >= end and (firsts is None or text[at:at + 1] in firsts):
            m = pattern.match(text, at)
            if m is not None and m.group(0):
                yield m
                end = m.end()
        at = text.find("\n", at) + 1 or -1
