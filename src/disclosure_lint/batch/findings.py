"""A cross-report finding: a :class:`.Diagnostic` of a rule of the current report's configuration, placed at a
place of the report's facts (:mod:`.facts`), with the rule's message, severity and a stable fingerprint."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Diagnostic, fingerprint
from ..engine import ActiveRule
from ..packs import format_message
from ..report.agency import KIND_NAMES


@dataclass(frozen=True)
class Report:
    """One report of the run as the cross-report checks see it: its path, its facts, whether it is only a reference
    (``--previous``: compared with, never reported on) and its body (the group key of :mod:`.identity`)."""

    path: str
    facts: dict[str, Any]
    reference: bool = False
    body: str | None = None

    @property
    def year(self) -> int | None:
        y = self.facts.get("year")
        return y if isinstance(y, int) else None

    @property
    def name(self) -> str:
        return os.path.basename(self.path) or self.path

    def cell(self, key: str) -> tuple[float, list[Any]] | None:
        got = (self.facts.get("cells") or {}).get(key)
        if not isinstance(got, list) or len(got) != 2 or not isinstance(got[0], (int, float)):
            return None
        return got[0], got[1]


@dataclass
class Found:
    """What a check found, before it becomes a diagnostic of rule ``rule``."""

    place: list[Any] | None
    params: dict[str, Any]
    evidence: dict[str, Any]
    key: str
    match: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def show(n: float) -> str:
    """A figure as a report writes it: 12, 3.5 (no trailing zeros)."""
    if float(n).is_integer():
        return str(int(n))
    return f"{n:.4f}".rstrip("0").rstrip(".")


def diagnostic(ar: ActiveRule, report: Report, found: Found) -> Diagnostic:
    spec = ar.rule.spec
    facts = report.facts
    params = {"match": found.match or "", "agency": facts.get("agency") or "本机关",
              "agency_kind": KIND_NAMES.get(facts.get("kind") or "", "未知类型"), "year": facts.get("year") or "",
              "format_version": facts.get("format") or "", **found.params}
    place = found.place if isinstance(found.place, list) and len(found.place) == 5 else [None] * 5
    line, column, end_line, end_column, pointer = place
    return Diagnostic(
        path=report.path, code=spec.id, rule=spec.name, category=spec.category, severity=ar.severity,
        message=format_message(spec.message, params), line=line, column=column, end_line=end_line,
        end_column=end_column, pointer=pointer, match=found.match, evidence=found.evidence,
        fingerprint=fingerprint(spec.id, found.key, 1))
