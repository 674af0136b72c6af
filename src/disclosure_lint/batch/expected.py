"""The bodies a supervising office expects reports of (the configuration's ``bodies:``): which body a report is
(``aliases`` too), which expected reports of a year are missing from the run, which came twice, and a
government's whole-area figures against the sum of its departments'.

Where a finding goes: on the parent's report of that year (a missing child, the whole-area comparison) or on the
second report of a body and year (a duplicate) — a finding always belongs to a file of the run, so a missing
report whose parent's report is not in the run is not reported (put the parent's report in the run).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..config import ExpectedBody
from ..report.stats.schema import S3_COLS
from .findings import Found, Report, show
from .identity import Grouping, body_key, key_text


def canonical(bodies: Iterable[ExpectedBody]) -> Grouping:
    """The expected bodies alone: a name or alias → the configured body's key text (a report's body is its group
    in the run, :class:`.identity.Grouping` with these bodies, which names a configured body by the same text)."""
    return Grouping((), [(b.name, b.aliases) for b in bodies])


def _key(name: str | None) -> str | None:
    k = body_key(name)
    return key_text(k) if k is not None else None


def _children(bodies: Sequence[ExpectedBody]) -> dict[str, list[ExpectedBody]]:
    out: dict[str, list[ExpectedBody]] = {}
    names = canonical(bodies)
    for b in bodies:
        parent = names.of_name(b.parent)
        if parent is not None:
            out.setdefault(parent, []).append(b)
    return out


def _by_body_year(reports: Sequence[Report]) -> dict[tuple[str, int], list[Report]]:
    out: dict[tuple[str, int], list[Report]] = {}
    for r in reports:
        if r.body is not None and r.year is not None and not r.reference:
            out.setdefault((r.body, r.year), []).append(r)
    return out


def missing(reports: Sequence[Report], bodies: Sequence[ExpectedBody]) -> Iterator[tuple[Report, Found]]:
    have = _by_body_year(reports)
    for parent, kids in _children(bodies).items():
        for (body, year), rs in have.items():
            if body != parent:
                continue
            absent = [k.name for k in kids if (_key(k.name) or "", year) not in have]
            if absent:
                yield rs[0], Found(None, {"children": "、".join(absent), "count": len(absent), "other_year": year},
                                   {"missing": absent, "year": year}, key=f"missing:{year}:{'|'.join(absent)}")


def duplicates(reports: Sequence[Report], bodies: Sequence[ExpectedBody]) -> Iterator[tuple[Report, Found]]:
    expected = {k for b in bodies if (k := _key(b.name)) is not None}
    for (body, year), rs in _by_body_year(reports).items():
        if body not in expected:
            continue
        for r in rs[1:]:
            yield r, Found(None, {"other": rs[0].name, "other_year": year},
                           {"other_path": rs[0].path, "year": year}, key=f"duplicate:{year}:{rs[0].name}")


_LABELS = {c.id: c.label for c in S3_COLS}


def whole_area(reports: Sequence[Report], bodies: Sequence[ExpectedBody]) -> Iterator[tuple[Report, Found]]:
    """A parent's report that states whole-area figures, with every expected child's report of the year in the run:
    its table 三 一、本年新收 per column against the sum of the children's (one finding per differing column)."""
    have = _by_body_year(reports)
    for parent, kids in _children(bodies).items():
        for (body, year), rs in have.items():
            r = rs[0]
            if body != parent or not r.facts.get("whole_area"):
                continue
            children = [have.get((_key(k.name) or "", year), [None])[0] for k in kids]
            if any(c is None for c in children):
                continue
            for col, label in _LABELS.items():
                mine = r.value(f"s3:new:{col}")
                parts = [c.value(f"s3:new:{col}") for c in children if c is not None]
                if mine is None or any(p is None for p in parts):
                    continue
                total = sum(p for p in parts if p is not None)
                if mine == total:
                    continue
                detail: dict[str, Any] = {c.name: p for c, p in zip(children, parts, strict=True)
                                          if c is not None and p is not None}
                yield r, Found(r.place(f"s3:new:{col}"),
                               {"column": label, "value": show(mine), "other_value": show(total),
                                "count": len(children), "difference": show(mine - total)},
                               {"actual": mine, "children_sum": total, "difference": mine - total,
                                "children": detail}, key=f"whole_area:{year}:{col}")
