"""Plausibility across bodies of one kind in one run (statistics, information only).

* ``rate_outliers``: the four rates of tables 三 and 四 (:mod:`report.rates`: 公开率, 不予公开占比, 复议纠错率,
  诉讼败诉率) — outside the inter-quartile fence of the bodies of the same kind and year (Q1 − k·IQR, Q3 + k·IQR),
  only with enough bodies and a large enough denominator, and never when the quartiles coincide (most bodies
  with no review case at all: any case would be "outside");
* ``kind_figures``: a township, town or street office with 本年新收 a hundred times the median of the departments
  of the same year in the run.

(A street office or township with 规章 is DL207's, in the report itself.)
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator, Sequence
from typing import Any

from ..kinds.cross import KindFigureOptions, OutlierOptions
from ..report.agency import KIND_NAMES
from ..report.rates import RATES
from .findings import Found, Report, show

TOWNSHIP_KINDS = frozenset({"street_office", "town_government", "township_government"})
DEPARTMENT_KINDS = frozenset({"bureau", "commission", "office", "department", "government_office"})


def _term(r: Report, key: str) -> tuple[float, list[Any]] | None:
    """A term of a rate (:mod:`report.rates`): a compared cell, or the facts' ``not_open`` sum."""
    if key == "not_open":
        got = r.facts.get("not_open")
        return (got[0], got[1]) if isinstance(got, list) and len(got) == 2 else None
    return r.cell(key)


_BASIS = {rate.name: rate.basis for rate in RATES}


def _pct(x: float) -> str:
    return f"{show(round(100 * x, 1))}%"


def groups(reports: Sequence[Report]) -> dict[tuple[str, int], list[Report]]:
    """The reports checked (not references) by kind and year, one per body (its first)."""
    out: dict[tuple[str, int], dict[str, Report]] = {}
    for r in reports:
        kind = r.facts.get("kind")
        if r.reference or r.body is None or r.year is None or not isinstance(kind, str):
            continue
        out.setdefault((kind, r.year), {}).setdefault(r.body, r)
    return {k: list(v.values()) for k, v in out.items()}


def rate_outliers(group: Sequence[Report], kind: str, opts: OutlierOptions) -> Iterator[tuple[Report, Found]]:
    per_rate: dict[str, list[tuple[Report, float, list[Any]]]] = {}
    for r in group:
        for rate in RATES:
            terms = {k: _term(r, k) for k in (*rate.numerator, *rate.denominator, *rate.minus)}
            parts = rate.parts({k: None if got is None else got[0] for k, got in terms.items()}.get)
            if parts is None or parts[1] < opts.min_denominator or parts[0] > parts[1]:
                continue
            place = next(got[1] for k in rate.numerator if (got := terms[k]) is not None)
            per_rate.setdefault(rate.name, []).append((r, parts[0] / parts[1], place))
        r.facts.release()  # a large group is never held decoded all at once
    for name, values in per_rate.items():
        if len(values) < opts.min_bodies:
            continue
        q1, median, q3 = statistics.quantiles([v for _, v, _ in values], n=4, method="inclusive")
        iqr = q3 - q1
        if iqr <= 0:
            continue
        low, high = q1 - opts.fence * iqr, q3 + opts.fence * iqr
        for r, v, place in values:
            if low <= v <= high:
                continue
            params = {"rate": f"{name}（{_BASIS[name]}）", "value": _pct(v), "q1": _pct(q1), "median": _pct(median),
                      "q3": _pct(q3), "low": _pct(max(low, 0)), "high": _pct(min(high, 1)), "count": len(values),
                      "group": f"{KIND_NAMES.get(kind, kind)}（{r.year}年）"}
            yield r, Found(place, params, {"rate": name, "value": round(v, 4), "q1": round(q1, 4),
                                           "median": round(median, 4), "q3": round(q3, 4), "bodies": len(values)},
                           key=f"rate:{name}:{r.year}")


def kind_figures(reports: Sequence[Report], opts: KindFigureOptions) -> Iterator[tuple[Report, Found]]:
    """Townships, towns and street offices with 本年新收 far above the departments of the same year."""
    by_year: dict[int, list[Report]] = {}
    for r in reports:
        if r.year is not None and not r.reference and r.facts.get("kind") in DEPARTMENT_KINDS | TOWNSHIP_KINDS:
            by_year.setdefault(r.year, []).append(r)
    for year_reports in by_year.values():
        depts = []
        for r in year_reports:
            if r.facts.get("kind") in DEPARTMENT_KINDS and (got := r.cell("s3:new:total")) is not None:
                depts.append(got[0])
            r.facts.release()
        if len(depts) < opts.min_peers:
            continue
        median = statistics.median(depts)
        for r in year_reports:
            if r.facts.get("kind") not in TOWNSHIP_KINDS:
                continue
            got = r.cell("s3:new:total")
            r.facts.release()
            if got is None:
                continue
            if got[0] < opts.min_value or got[0] < opts.factor * max(median, 1):
                continue
            yield r, Found(got[1], {"value": show(got[0]), "median": show(median), "count": len(depts),
                                    "ratio": show(round(got[0] / max(median, 1)))},
                           {"actual": got[0], "median": median, "departments": len(depts), "factor": opts.factor},
                           key=f"kind:new:{r.year}")
