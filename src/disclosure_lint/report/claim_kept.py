"""What the claim reader (:mod:`.claims`) read in a sentence, kept across reports: boilerplate recurs from report to
report (``本年度未收到政府信息公开申请``, ``全年共收到政府信息公开申请5件``…), and reading a sentence again costs ten times
as much as putting its claims back.

What a sentence gives is a pure function of the key the reader makes (:meth:`.claims._Reader._sentence_kept`): its
text, its masked text (the only use of the report's own names), whether its block names 申请 and is in part 四, and the
report's year.  The block and the sentence's offset in it only place what it gives: the claims and statements are kept
relative to the sentence (:func:`keep`) and put back, as new objects, at the offset of the block they are read in
(:func:`put_back`).  Kept for the default scope words only (a user's patterns run on a time budget that a kept reading
would not spend), for sentences of at most :data:`KEPT_LEN` characters and at most :data:`KEPT_MAX` sentences.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from ..memo import Kept
from ..model import Block
from .claim_types import Analysis, Claim, Statement

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
