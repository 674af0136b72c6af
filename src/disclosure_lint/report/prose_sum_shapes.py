"""The prose sums of a sentence kept by its shape (:mod:`.prose_sums`): a sentence read before but for the digits of its
figures' numbers is not read again.

Generated and real reports alike repeat their sentences with other numbers (``…被申请行政复议0件，被提起行政诉讼1件``,
``本年新收政府信息公开申请12件，上年结转0件；…``).  What the sums reader finds in a sentence depends on the figures'
numbers only through the figures it gives: where a figure is, whether it is one, the words around it and the patterns
it tries (``\\d`` classes, the years and months it reads, which are no figures: a figure's digits are followed by its
unit) are the same when those digits are zeros.  So the sums found in a sentence are kept by its **shape** — the text
with every digit of its figures' Arabic numbers made ``0`` (the same length: every offset is the same), the shape of
the sentence before when a ``其中`` refers to it, the report's year when either names a year
(:func:`~.prose_reading.year_key`) — as *templates*: each figure by its place among the
sentence's figures, where its words start and its category.  A sentence of a kept shape gets its sums from them, each
number read from its own figure.  A sentence holding a comma (a number's thousands) or ``12345`` (a hotline that
:data:`~.prose_reading.OFF_TOPIC` names) is its own shape; sentences longer than
:data:`~disclosure_lint.memo.LONGEST` are read, never kept.  tests/test_fast_paths_t10_sums.py pins it against the
sentences read afresh.
"""

from __future__ import annotations

import re

from ..memo import LONGEST, Kept
from ..model import Block
from .prose_reading import cn_int, year_key
from .prose_sum_model import ProseSum, new_figure

# (a figure's place among the sentence's figures, where its words start in the sentence, its category)
_FigTpl = tuple[int, int, str]
# (kind, whether the total is in the sentence before, total, parts, exhaustive, form, total after the parts)
_SumTpl = tuple[str, bool, _FigTpl, tuple[_FigTpl, ...], bool, "str | None", bool]
_Key = tuple[str, "str | None", "int | None"]

SHAPES: Kept[_Key, tuple[_SumTpl, ...]] = Kept("prose sums: a sentence's sums by its shape", 4096)


def shape(sent: str, figs: list[re.Match[str]]) -> str:
    """``sent`` with every digit of its figures' Arabic numbers made ``0`` (a sentence holding a comma — a number's
    thousands — or ``12345`` as written)."""
    if "," in sent or "12345" in sent:
        return sent
    pieces = []
    pos = 0
    for f in figs:
        end = f.end(1)  # the end of the Arabic number (group 1, ``num``), -1 for one in Chinese numerals
        if end > 0:
            start = f.start()  # _FIG's Arabic branch begins with the number
            pieces.append(sent[pos:start])
            pieces.append("0" * (end - start))
            pos = end
    if not pieces:
        return sent
    pieces.append(sent[pos:])
    return "".join(pieces)


def key(sent: str, figs: list[re.Match[str]], prev: tuple[int, str, list[re.Match[str]]] | None,
        year: int | None) -> _Key | None:
    """The key of a sentence's sums (``prev``: the sentence before when a 其中 of this one refers to it), or None
    when the sentence is read and not kept (a sentence longer than :data:`~disclosure_lint.memo.LONGEST`)."""
    if len(sent) > LONGEST or (prev is not None and len(prev[1]) > LONGEST):
        return None
    if prev is None:
        return shape(sent, figs), None, year_key(sent, year)
    # the year when either sentence may name one (the total of a 其中 is read in the sentence before)
    y = year_key(sent, year)
    return shape(sent, figs), shape(prev[1], prev[2]), y if y is not None else year_key(prev[1], year)


def _number(f: re.Match[str]) -> int:
    num = f.group("num")
    if num is not None:
        return int(num.replace(",", ""))
    n = cn_int(f.group("cn"))
    assert n is not None  # the reader kept a figure whose number reads; the kept shape holds it as written
    return n


def templates(sums: list[ProseSum], s0: int, figs: list[re.Match[str]],
              prev: tuple[int, str, list[re.Match[str]]] | None) -> tuple[_SumTpl, ...]:
    """The sums found in the sentence at ``s0`` (figures ``figs``; ``prev``: the sentence before, (start, text,
    figures)) as templates."""
    at = {f.start(): j for j, f in enumerate(figs)}
    out = []
    for s in sums:
        before = s.sentence_start != s0  # a total in the sentence before: 其中，予以公开…
        if before:
            assert prev is not None
            p0 = prev[0]
            tat = {f.start(): j for j, f in enumerate(prev[2])}
        else:
            p0, tat = s0, at
        t = s.total
        total = (tat[t.num_start - p0], t.start - p0, t.category)
        parts = tuple((at[p.num_start - s0], p.start - s0, p.category) for p in s.parts)
        out.append((s.kind, before, total, parts, s.exhaustive, s.form, s.total_after))
    return tuple(out)


def rebuild(kept: tuple[_SumTpl, ...], block: Block, s0: int, sent: str, figs: list[re.Match[str]],
            prev: tuple[int, str, list[re.Match[str]]] | None) -> list[ProseSum]:
    """The sums of the sentence at ``s0`` from the templates kept for its shape, numbers read from its figures."""
    stripped = sent.strip()
    out = []
    for kind, before, (tj, ts, tcat), parts, exhaustive, form, after in kept:
        if before:
            assert prev is not None
            p0, tfigs = prev[0], prev[2]
        else:
            p0, tfigs = s0, figs
        f = tfigs[tj]
        total = new_figure(block, p0 + ts, p0 + f.end(), p0 + f.start(), _number(f), f.group("unit") or f.group("cunit"),
                           tcat)
        pfigs = []
        for j, start, cat in parts:
            f = figs[j]
            pfigs.append(new_figure(block, s0 + start, s0 + f.end(), s0 + f.start(), _number(f),
                                    f.group("unit") or f.group("cunit"), cat))
        out.append(ProseSum(kind=kind, total=total, parts=pfigs, exhaustive=exhaustive, form=form, sentence=stripped,
                            sentence_start=p0, total_after=after))
    return out
