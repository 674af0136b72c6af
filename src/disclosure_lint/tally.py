"""The counts of a run, kept as its files go by: the summary line, the count per rule and the exit code
need only these, so a run printed file by file (``check`` in the console, concise and github formats)
holds no list of its results.  :meth:`Tally.of` counts a finished list the same way; the one home of the
exit code's rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .diagnostics import SEVERITY_RANK, is_severity
from .failures import is_tool_failure


@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class BodyTally:
    """One body's reports in a run (grouped by ``FileResult.report["body"]``): its name as first seen, the
    years, the number of reports and their findings by severity."""

    agency: str
    years: set[int] = field(default_factory=set)
    reports: int = 0
    severities: dict[str, int] = field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})


@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class Tally:
    """The counts of a run: files checked, skipped and unreadable, findings by severity, rule and body."""

    errors: list[str] = field(default_factory=list)  # run-level problems
    files: int = 0
    skipped: int = 0  # found in a folder and not checked (not a report, or a type that cannot be read)
    unsupported: int = 0  # of those, a type that cannot be read (.wps, .xls …)
    unreadable: int = 0
    tool_failed: int = 0  # files with a DL000 from an exception
    severities: dict[str, int] = field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})
    rules: dict[tuple[str, str], int] = field(default_factory=dict)  # (code, rule name) → findings
    bodies: dict[str, BodyTally] = field(default_factory=dict)  # body key → its reports (one entry per body)

    @classmethod
    def of(cls, files: Iterable[Any], errors: Iterable[str] = ()) -> Tally:
        tally = cls(errors=list(errors))
        for f in files:
            tally.add(f)
        return tally

    def add(self, f: Any, new_file: bool = True, group: str | None = None) -> None:
        """Count a :class:`~disclosure_lint.api.FileResult`; ``new_file=False``: findings that belong to a file
        counted already (a cross-report check's, printed after the stream), of the body ``group``."""
        if new_file:
            self.files += 1
            if f.skipped:
                self.skipped += 1
                self.unsupported += f.report is None
            self.unreadable += bool(f.error)
        report = f.report if isinstance(f.report, dict) and not f.skipped else {}
        if group is not None:
            report = {**report, "body": group}
        body = self.bodies.get(report["body"]) if isinstance(report.get("body"), str) else None
        if body is None and isinstance(report.get("body"), str):
            body = self.bodies[report["body"]] = BodyTally(str(report.get("agency") or report["body"]))
        if body is not None and new_file:
            body.reports += 1
            if isinstance(report.get("year"), int):
                body.years.add(report["year"])
        failed = False
        for d in f.diagnostics:
            self.severities[d.severity] = self.severities.get(d.severity, 0) + 1
            if body is not None:
                body.severities[d.severity] = body.severities.get(d.severity, 0) + 1
            self.rules[(d.code, d.rule)] = self.rules.get((d.code, d.rule), 0) + 1
            failed = failed or is_tool_failure(d)
        self.tool_failed += failed and new_file

    def regroup(self, groups: dict[str, str]) -> None:
        """The bodies merged as the checks across reports grouped them (``groups``: a report's own body key → its
        group, :class:`~disclosure_lint.batch.identity.RunBodies`); the name kept is the first seen."""
        merged: dict[str, BodyTally] = {}
        for key, b in self.bodies.items():
            into = merged.get(groups.get(key, key))
            if into is None:
                merged[groups.get(key, key)] = b
                continue
            into.years |= b.years
            into.reports += b.reports
            for sev, n in b.severities.items():
                into.severities[sev] = into.severities.get(sev, 0) + n
        self.bodies = merged

    def count(self, severity: str) -> int:
        return self.severities.get(severity, 0)

    def exit_code(self, fail_on: str = "error") -> int:
        if self.errors or self.unreadable:
            return 2
        if self.tool_failed:
            return 2  # the tool failed on a file (DL000): not fully checked, never "no problems found"
        if not is_severity(fail_on):
            raise ValueError(f"unknown severity {fail_on!r}")
        threshold = SEVERITY_RANK[fail_on]
        if any(n and SEVERITY_RANK[sev] >= threshold for sev, n in self.severities.items() if is_severity(sev)):
            return 1
        return 0
