"""A prose figure read against the tables: does table 三 or 四 agree with what the sentence states?

The prose side is ``report.claims`` (:mod:`.claims`), the table side ``report.metrics`` (:mod:`.metrics`).
:func:`disagreements` gives the readings of one claim the table contradicts (a 收到 number both as 本年新收 and as
新收 + 上年结转: wrong only when both are); :func:`shares_of_the_table` finds scoped counts of one sentence that
together make the table's number (其中区政府52件，各部门118件，各街道17件 = 表三新收187); :func:`sum_explanation`
tells which figures of a prose sum (:mod:`.prose_sums`) the table contradicts when their table values make the
sum right — one wrong number, one finding: the sum's finding names those figures (:func:`figure_key`) in its
``about``, and the rule file of the sum's rules defers to the text-against-table rules (``covered_by``).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from itertools import product
from typing import TYPE_CHECKING

from .claim_types import Claim
from .metrics import PART_COLS, READINGS, Metrics, TableValue, agrees

if TYPE_CHECKING:  # pragma: no cover
    from .annual import AnnualReport
    from .prose_sums import Figure, ProseSum

_MAX_COMBINATIONS = 64


def figure_key(block_index: int, end: int) -> str:
    """What a finding about the prose figure ending at ``end`` of block ``block_index`` is about (``Hit.about``)."""
    return f"figure:{block_index}:{end}"


def disagreements(metrics: Metrics, claim: Claim) -> list[tuple[tuple[str, ...], TableValue, Decimal]]:
    """[(metrics, table value, stated)] that disagree; [] when consistent or not comparable (or no count)."""
    if claim.number is None:
        return []
    n = Decimal(claim.number)
    if claim.ambiguous:
        a = metrics.value("new")
        b = metrics.value("in_total")
        if a is None or b is None:
            return []
        if agrees(a, n) or agrees(b, n):
            return []
        if a.value == b.value:  # nothing carried over: one reading
            return [(("new",), a, n)]
        return [(("new",), a, n), (("in_total",), b, n)]
    if claim.combine == "each":
        bad: list[tuple[tuple[str, ...], TableValue, Decimal]] = []
        for m in claim.metrics:
            tv = metrics.value(m, claim.s4_block)
            if tv is None:
                return []
            if not agrees(tv, n):
                bad.append(((m,), tv, n))
        return bad
    tv = metrics.total(claim.metrics, claim.s4_block)
    if tv is None or agrees(tv, n):
        return []
    if claim.alt_s4_block is not None:  # results after both lawsuit groups: the lawsuits as a whole also fit
        alt = metrics.total(claim.metrics, claim.alt_s4_block)
        if alt is not None and agrees(alt, n):
            return []
    return [(claim.metrics, tv, n)]


def shares_of_the_table(metrics: Metrics, claims: list[Claim]) -> set[int]:
    """Scoped counts of one sentence that together make the table's number (其中区政府52件，各部门118件，各街道17件
    = 表三新收187): each is a share of the whole, not a different count of it (ids of those claims)."""
    groups: dict[tuple[object, ...], list[tuple[Claim, int]]] = {}
    for c in claims:
        if c.number is not None and c.scope is not None and c.combine == "sum":
            groups.setdefault((c.block.index, c.sentence, c.metrics, c.s4_block, c.ambiguous), []).append((c, c.number))
    out: set[int] = set()
    for cs in groups.values():
        total = sum(n for _, n in cs)
        # 全区共收到57件，其中区政府20件，各部门30件，各街道7件: the first is the total of the others
        stated = [c for c, n in cs if 2 * n == total and len(cs) > 2]
        shares = [(c, n) for c, n in cs if c is not stated[0]] if stated else cs
        if len(shares) < 2:
            continue
        whole = replace(shares[0][0], number=sum(n for _, n in shares))
        if not disagreements(metrics, whole):
            out.update(id(c) for c, _ in shares)
    return out


def sum_explanation(report: AnnualReport, s: ProseSum, mode: str) -> tuple[str, ...]:
    """The figures of the prose sum ``s`` that the table contradicts (their :func:`figure_key`), when replacing each by
    the table's value makes the sum right (``exhaustive``: equal; ``exceeds``: not more); () when no figure is
    contradicted or the table's values do not explain the difference.  The contradicted figures are the ones the
    text-against-table checks (DL230–DL232, DL241) report."""
    stats = report.stats or {}
    if not ({"s3", "s4"} & set(stats)):
        return ()
    metrics = report.metrics
    claims = report.claims.single_counts
    readings = READINGS.get(s.total.category) if s.kind == "applicants" else None

    def candidates(fig: Figure, col: str | None) -> list[Decimal]:
        n = Decimal(fig.number)
        c = claims.get((fig.block.index, fig.end))
        if c is not None:
            bad = disagreements(metrics, c)
            return [tv.value for _, tv, _ in bad] or [n]
        if readings is not None:
            vals = [metrics.applicant_columns(rows, PART_COLS.get(col or "total", ("total",))) for rows in readings]
            if all(v is not None for v in vals) and not any(agrees(v, n) for v in vals if v is not None):
                return [v.value for v in vals if v is not None]
        return [n]

    total = candidates(s.total, None)
    parts = [candidates(p, p.category) for p in s.parts]
    contradicted = [fig for fig, c in zip([s.total, *s.parts], [total, *parts]) if c != [Decimal(fig.number)]]
    if not contradicted:
        return ()  # no figure is contradicted by the table: the sum's own error is the only finding
    size = len(total)
    for p in parts:
        size *= len(p)
    if size > _MAX_COMBINATIONS:
        return ()
    for t in total:
        for combo in product(*parts):
            got = sum(combo, Decimal(0))
            if got == t if mode == "exhaustive" else got <= t:
                return tuple(dict.fromkeys(figure_key(f.block.index, f.end) for f in contradicted))
    return ()
