"""Answers kept from one report to the next: the one home of the bounded memos across reports.

Much of what the report layer works out is a pure function of a short text or of a table row's labels — the
official title at the start of a heading, the keyword before a figure, the clause ends of a sentence, what a
sentence claims, the part a table-三 row plays, table 四's column order — and the same texts come back in report
after report (the national formats' labels, boilerplate sentences).  Each such function keeps its answers in a
:class:`Kept`: a ``dict`` (``get`` is the dict's own, at C speed) whose :meth:`Kept.keep` empties it first when it
holds ``limit`` entries, so a run of 10,000 reports holds no more than the limits (each key is also bounded in
size by its caller: a hostile 1 MB line is worked out, never kept).

What is kept only saves time: an answer is the function's whatever was kept, so results do not depend on it.
:func:`forget` empties every one (tests, and a benchmark that must not be helped by files it has seen).  Tables that
intern objects rather than keep answers (``stats.model.cell_key``'s tuples, ``batch.findings``' layouts) are not
memos and live with their module.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")

LONGEST = 2000  # characters: the answer for a longer text (a block, a sentence, a piece) is worked out, never kept

_ALL: list[Kept] = []


class Kept(dict[K, V]):
    """A memo across reports named ``name`` (for :func:`sizes`), of at most ``limit`` entries."""

    __slots__ = ("limit", "name")

    def __init__(self, name: str, limit: int):
        super().__init__()
        self.name = name
        self.limit = limit
        _ALL.append(self)

    def keep(self, key: K, value: V) -> V:
        """Keep ``value`` for ``key`` (the memo emptied first when full) and return it."""
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value


def search_gate(kept: Kept[str, bool], search: Callable[[str], object]) -> Callable[[str], bool]:
    """Whether ``search`` finds something in a text, the answer kept in ``kept`` for texts of at most :data:`LONGEST`
    characters: the gate of a prose reader, asked of every block of every report (most blocks recur)."""

    def gate(text: str) -> bool:
        got = kept.get(text)
        if got is None:
            got = search(text) is not None
            if len(text) <= LONGEST:
                kept.keep(text, got)
        return got

    return gate


def held(kept: Kept[str, bool], texts: list[str], finders: Iterable[Callable[[str], Iterator[re.Match[str]]]],
         lead: bool = False) -> list[bool]:
    """For each of ``texts``, whether one of ``finders`` (``finditer`` methods) finds something in it: a pure function
    of the text, kept in ``kept`` for the next report (texts of at most :data:`LONGEST` characters: the prose pieces
    recur from report to report).  The texts not kept are searched once, joined by newlines, not one by one: so each
    finder must match nothing across a newline.  With ``lead`` the joined text starts with a newline too and a match
    that starts at the newline before a text counts for that text (a finder that looks at the character before)."""
    get = kept.get
    known = [get(t) for t in texts]
    todo = [n for n, k in enumerate(known) if k is None]
    if todo:
        shift = 1 if lead else 0
        starts, pos = [], shift
        for n in todo:
            starts.append(pos)
            pos += len(texts[n]) + 1
        joined = ("\n" if lead else "") + "\n".join([texts[n] for n in todo])
        hit = {bisect_right(starts, m.start() + shift) - 1 for finditer in finders for m in finditer(joined)}
        for k, n in enumerate(todo):
            text = texts[n]
            known[n] = found = k in hit
            if len(text) <= LONGEST:
                kept.keep(text, found)
    return known  # type: ignore[return-value]  # (every None replaced)


def forget() -> None:
    """Empty every memo across reports."""
    for kept in _ALL:
        kept.clear()


def sizes() -> dict[str, int]:
    """How many answers each memo holds, by name."""
    return {kept.name: len(kept) for kept in _ALL}
