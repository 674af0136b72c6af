"""What the claim reader (:mod:`.claims`) read in a sentence, kept across reports: boilerplate recurs from report to
report (``本年度未收到政府信息公开申请``, ``全年共收到政府信息公开申请5件``…), and reading a sentence again costs ten times
as much as putting its claims back.

What a sentence gives is a pure function of the key the reader makes (:meth:`.claims._Reader._sentence_kept`): its
text, its masked text (the only use of the report's own names), whether its block names 申请 and is in part 四, and the
report's year (when the sentence may name a year: :func:`.prose_reading.year_key`).  The block and the sentence's
offset in it only place what it gives: the claims and statements are kept relative to the sentence (:func:`keep`) and
put back, as new objects, at the offset of the block they are read in
(:func:`put_back`).  Kept for the default scope words only (a user's patterns run on a time budget that a kept reading
would not spend), for sentences of at most :data:`KEPT_LEN` characters and at most :data:`KEPT_MAX` sentences.

**Shapes.**  Most sentences read afresh are the template's with other counts (``本年新收政府信息公开申请57件，上年结转3件…``:
300 generated reports read after 100 others read 978 sentences afresh, 76 texts but for their digits, 227 shapes).
What the reader gives does not depend on the digits of a count (:data:`.prose_reading.COUNT_TOKEN`'s ``num``) but
through the number it gives a claim: the patterns it runs on a sentence and its masked text test a digit by ``\\d`` or
a class of them, save ``为0``/``为[零0]`` (a zero after a non-digit: a count's first digit, zero or not, is kept),
``12345`` (OFF_TOPIC: a sentence holding it has no shape) and PART_YEAR's months and days (followed by 月, 日 or 号,
never by a count's unit); a year (followed by 年) and a percentage (by %) are other runs, kept as they are.  So a sentence whose counts are
plain ASCII digits without a leading zero (or a lone 0), none in Chinese numerals, is read by its :func:`shape`: each
such count's digits replaced by the same number of digits naming its place (1…9 for one digit, 10… for two), so the
positions stay.  Its reading is kept by the shape (:func:`keep_shape`: a claim's number as the place of its count) and
put back with the sentence's own numbers and text (:func:`put_back_shape`); a reading whose scope words hold a digit
(其中12件…) is not kept by shape.  tests/test_fast_paths_t10_claims.py
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal, cast

from ..memo import Kept
from ..model import Block
from .claim_types import Analysis, Claim, Statement
from .prose_reading import COUNT_TOKEN

KEPT_LEN = 400  # characters: a longer sentence (text whose sentence ends were lost) is read, not kept
KEPT_MAX = 4096  # sentences; then the store is emptied (a batch of 10,000 reports does not grow it)

_Key = tuple[str, str, bool, bool, "int | None"]
# a claim's and a statement's fields but the block, their positions relative to the sentence
_ClaimShape = tuple[tuple[str, ...], "int | None", str, int, int, str, Literal["sum", "each"], "str | None", bool,
                    "str | None", "tuple[Decimal, int, int] | None", "str | None", tuple[tuple[str, ...], ...]]
_StatementShape = tuple[Literal["upheld", "none_applications", "none_s4", "none_carried"], tuple[str, ...], int, int, str,
                        tuple[str, ...], "str | None"]
_kept: Kept[_Key, tuple[tuple[_ClaimShape, ...], tuple[_StatementShape, ...]]] = Kept("claims: a sentence's reading",
                                                                                      KEPT_MAX)


def clear() -> None:
    """Forget every kept reading (tests; a benchmark pass that must read every sentence)."""
    _kept.clear()
    _by_shape.clear()


def keep(key: _Key, out: Analysis, claims_from: int, statements_from: int, s0: int) -> None:
    """Keep what the sentence at ``s0`` added to ``out`` (its claims from ``claims_from``, its statements from
    ``statements_from``) under ``key``."""
    shapes = (tuple((c.metrics, c.number, c.unit, c.start - s0, c.end - s0, c.sentence, c.combine, c.scope, c.ambiguous,
                     c.s4_block, None if c.percent is None else (c.percent[0], c.percent[1] - s0, c.percent[2] - s0),
                     c.alt_s4_block, c.percent_readings) for c in out.claims[claims_from:]),
              tuple((st.what, st.blocks, st.start - s0, st.end - s0, st.sentence, st.outcomes, st.applicants)
                    for st in out.statements[statements_from:]))
    _kept.keep(key, shapes)


def put_back(key: _Key, block: Block, s0: int, out: Analysis) -> bool:
    """Add to ``out`` what was kept under ``key``, placed at ``s0`` of ``block``; False when nothing was kept."""
    got = _kept.get(key)
    if got is None:
        return False
    claims, statements = got
    for (metrics, number, unit, start, end, sentence, combine, scope, ambiguous, s4_block, percent, alt,
         readings) in claims:
        out.claims.append(Claim(metrics, number, unit, block, s0 + start, s0 + end, sentence, combine, scope, ambiguous,
                                s4_block, None if percent is None else (percent[0], s0 + percent[1], s0 + percent[2]),
                                alt, readings))
    for what, blocks, start, end, sentence, outcomes, applicants in statements:
        out.statements.append(Statement(what, blocks, block, s0 + start, s0 + end, sentence, outcomes, applicants))
    return True


# -- readings kept by a sentence's shape -------------------------------------------------------------------------

_ShapeKey = tuple[str, str, bool, bool, "int | None"]
# a claim's shape with its number as ~place of its count (a negative int) or as read (0, None), no sentence
_ClaimByShape = tuple[tuple[str, ...], "int | None", str, int, int, Literal["sum", "each"], "str | None", bool,
                      "str | None", "tuple[Decimal, int, int] | None", "str | None", tuple[tuple[str, ...], ...]]
_StatementByShape = tuple[Literal["upheld", "none_applications", "none_s4", "none_carried"], tuple[str, ...], int, int,
                          tuple[str, ...], "str | None"]
_ByShape = tuple[tuple[_ClaimByShape, ...], tuple[_StatementByShape, ...]]
# a reading that cannot be put back by shape (read by the exact key), told apart by identity (a reading is a tuple built
# at run time, never this constant); of the declared shape, not object(), so that the declared type is true
_NOT_BY_SHAPE = cast(_ByShape, ((), ()))
_by_shape: Kept[_ShapeKey, _ByShape] = Kept("claims: a sentence's reading by its shape", KEPT_MAX)
_DIGITS = frozenset("0123456789")


# COUNT_TOKEN's branch of digits (its numbers: the same matches, the same ``num``), led by the digit (the look-behind
# after it says what COUNT_TOKEN's says before it: ``re`` scans for a digit in C) and the unit looked ahead for, so that
# ``split`` gives the text between the numbers
_NUM = re.compile(r"(\d(?<![\d.．,０-９第]\d)(?<!第\s\d)(?:\d{0,2}(?:,\d{3})+|\d*))(?![\d.．０-９%％])(?=\s?(?:件次|件|起|个|宗|例|份|条))")


def shape(sent: str) -> tuple[str, list[int]] | None:
    """(the sentence with each count's digits naming its place, the counts' numbers by place), or None when the
    sentence has no shape (a count of other digits, with a leading zero or a comma, too many counts before one of one
    digit, 12345).  A lone 0 is kept as it is (no place); so are counts in Chinese numerals (a shape holding one is not
    read by shape: :func:`keep_shape`)."""
    if "12345" in sent:
        return None
    pieces = _NUM.split(sent)
    numbers: list[int] = []
    for k in range(1, len(pieces), 2):
        num = pieces[k]
        if num == "0":
            continue
        n = len(num)
        place = str(len(numbers) + 1) if n == 1 else str(10 ** (n - 1) + len(numbers))
        if num[0] == "0" or len(place) != n or not num.isascii() or not num.isdigit():
            return None  # (a comma, other digits; a tenth count of one digit, the ninety-first of two …)
        pieces[k] = place
        numbers.append(int(num))
    if not numbers:
        return sent, numbers
    canon = "".join(pieces)
    return (canon, numbers) if "12345" not in canon else None


def keep_shape(key: _ShapeKey, read: Analysis, s0: int) -> bool:
    """Keep under ``key`` what the reader gave (``read``) for the shape at ``s0`` (``key[0]``); False (kept as not by
    shape) when the shape holds a count in Chinese numerals, a claim's number is not one of its counts' or its scope
    holds a digit."""
    places: dict[int, int] = {}
    for m in COUNT_TOKEN.finditer(key[0]):
        num = m.group("num")
        if num is None:  # a count in Chinese numerals: its number might be a place's
            _by_shape.keep(key, _NOT_BY_SHAPE)
            return False
        if num != "0":
            places[int(num)] = ~len(places)
    claims = []
    for c in read.claims:
        number = c.number
        if number is not None and number != 0:
            number = places.get(number)
            if number is None:
                _by_shape.keep(key, _NOT_BY_SHAPE)
                return False
        if c.scope is not None and not _DIGITS.isdisjoint(c.scope):
            _by_shape.keep(key, _NOT_BY_SHAPE)
            return False
        claims.append((c.metrics, number, c.unit, c.start - s0, c.end - s0, c.combine, c.scope, c.ambiguous,
                       c.s4_block, None if c.percent is None else (c.percent[0], c.percent[1] - s0, c.percent[2] - s0),
                       c.alt_s4_block, c.percent_readings))
    _by_shape.keep(key, (tuple(claims), tuple((st.what, st.blocks, st.start - s0, st.end - s0, st.outcomes,
                                                st.applicants) for st in read.statements)))
    return True


def put_back_shape(key: _ShapeKey, block: Block, s0: int, out: Analysis, numbers: list[int], sentence: str) -> bool | None:
    """Add to ``out`` what was kept under the shape ``key``, placed at ``s0`` of ``block``, the counts' ``numbers`` by
    place and ``sentence`` (stripped) its text; False when nothing was kept, None when the shape is not read by shape."""
    got = _by_shape.get(key)
    if got is None:
        return False
    if got is _NOT_BY_SHAPE:
        return None
    claims, statements = got
    for (metrics, number, unit, start, end, combine, scope, ambiguous, s4_block, percent, alt, readings) in claims:
        out.claims.append(Claim(metrics, numbers[~number] if number is not None and number < 0 else number, unit, block,
                                s0 + start, s0 + end, sentence, combine, scope, ambiguous, s4_block,
                                None if percent is None else (percent[0], s0 + percent[1], s0 + percent[2]), alt,
                                readings))
    for what, blocks, start, end, outcomes, applicants in statements:
        out.statements.append(Statement(what, blocks, block, s0 + start, s0 + end, sentence, outcomes, applicants))
    return True
