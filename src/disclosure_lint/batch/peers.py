"""Plausibility across bodies of one kind in one run (statistics, information only).

* ``rate_outliers``: the four rates of tables 三 and 四 (:mod:`report.rates`: 公开率, 不予公开占比, 复议纠错率,
  诉讼败诉率) — outside the inter-quartile fence of the bodies of the same kind and year (Q1 − k·IQR, Q3 + k·IQR),
  only with enough bodies and a large enough denominator, and never when the quartiles coincide (most bodies
  with no review case at all: any case would be "outside");
* ``kind_figures``: a township, town or street office with 本年新收 a hundred times the median of the departments
  of the same year in the run (not judged when that median is 0: a ratio to 0 means nothing).

(A street office or township with 规章 is DL207's, in the report itself.)
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator, Sequence
from typing import Any

from ..kinds.cross import KindFigureOptions, OutlierOptions
from ..report.agency import KIND_NAMES
from ..report.rates import RATES
from .findings import NOT_OPEN, Found, Report, show

TOWNSHIP_KINDS = frozenset({"street_office", "town_government", "township_government"})
DEPARTMENT_KINDS = frozenset({"bureau", "commission", "office", "department", "government_office"})


def _value(r: Report, key: str) -> float | None:
    """A term of a rate (:mod:`report.rates`): a compared cell's value, or the facts' ``not_open`` sum."""
    return r.facts.value(NOT_OPEN) if key == "not_open" else r.value(key)


# the terms of every rate as the facts key them (not_open: NOT_OPEN, as :func:`_value` reads it), each once, and for
# each rate its terms' (key, position among them) in the order its dict of terms had them
_TERMS: tuple[str, ...] = tuple(dict.fromkeys(NOT_OPEN if k == "not_open" else k for rate in RATES
                                              for k in (*rate.numerator, *rate.denominator, *rate.minus)))
_RATE_TERMS = tuple((rate, tuple((k, _TERMS.index(NOT_OPEN if k == "not_open" else k))
                                 for k in (*rate.numerator, *rate.denominator, *rate.minus))) for rate in RATES)


def _place(r: Report, key: str) -> list[Any] | None:
    if key == "not_open":
        got = r.facts.get("not_open")
        return got[1] if isinstance(got, list) and len(got) == 2 else None
    return r.place(key)


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
    # each rate's (report, value, the key of its first numerator term with a value: the finding's place)
    per_rate: dict[str, list[tuple[Report, float, str]]] = {}
    for r in group:
        values = r.facts.values_of(_TERMS)  # (every rate's terms at once: _value of each)
        for rate, at in _RATE_TERMS:
            terms = {k: values[i] for k, i in at}
            parts = rate.parts(terms.get)
            if parts is None or parts[1] < opts.min_denominator or parts[0] > parts[1]:
                continue
            first = next(k for k in rate.numerator if terms[k] is not None)
            per_rate.setdefault(rate.name, []).append((r, parts[0] / parts[1], first))
    for name, values in per_rate.items():
        if len(values) < opts.min_bodies:
            continue
        q1, median, q3 = statistics.quantiles([v for _, v, _ in values], n=4, method="inclusive")
        iqr = q3 - q1
        if iqr <= 0:
            continue
        low, high = q1 - opts.fence * iqr, q3 + opts.fence * iqr
        for r, v, first in values:
            if low <= v <= high:
                continue
            place = _place(r, first)
            r.facts.release()
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
        depts = [got for r in year_reports
                 if r.facts.get("kind") in DEPARTMENT_KINDS and (got := r.value("s3:new:total")) is not None]
        if len(depts) < opts.min_peers:
            continue
        median = statistics.median(depts)
        if median <= 0:
            # most departments of the run received nothing: "N times a median of 0" means nothing, and a run of idle
            # departments says nothing of what a township receives — not compared
            continue
        for r in year_reports:
            if r.facts.get("kind") not in TOWNSHIP_KINDS:
                continue
            value = r.value("s3:new:total")
            if value is None:
                continue
            if value < opts.min_value or value < opts.factor * max(median, 1):
                continue
            place = r.place("s3:new:total")
            r.facts.release()
            yield r, Found(place, {"value": show(value), "median": show(median), "count": len(depts),
                                   "ratio": show(round(value / median))},
                           {"actual": value, "median": median, "departments": len(depts), "factor": opts.factor},
                           key=f"kind:new:{r.year}")
