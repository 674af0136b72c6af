"""The cross-report hook: ``observe(result)`` once per file in input order, ``finish()`` → extra findings per path.

It keeps each checked report's facts (``FileResult.facts``, a few KB; nothing else of the result), groups the
reports by body (:class:`.identity.Grouping`, with the configuration's expected bodies), pairs each report with its body's report of the previous year (a
report given with ``--previous`` first, else one of the run), and runs the checks of :mod:`.cross_year` and
:mod:`.peers` with the rules of the current report's configuration whose kind is a cross-report kind
(:mod:`..kinds.cross`): selection, severity and options as for any rule.  A check that raises becomes one DL000
for the report (the others still run).  Reports given with ``--previous`` are only compared with, never reported on;
one not compared with, or compared with another body's report, is a note on a checked report (:mod:`.previous`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol

from ..config import ExpectedBody
from ..diagnostics import Diagnostic
from ..engine import ActiveRule
from ..failures import rule_failure
from . import cross_year, expected, peers, previous
from .findings import Facts, Found, Report, diagnostic
from .identity import Grouping, RunBodies, key_text, placeless


class Result(Protocol):
    """What the hook reads of a :class:`..api.FileResult`."""

    path: str
    facts: dict | None
    skipped: str | None
    error: str | None


RulesFor = Callable[[str], Sequence[ActiveRule]]

# the checks of a report against its body's report of the year before, by kind: (current, previous, the body's report
# of the year before that or None, options)
PAIR_CHECKS: dict[str, Callable[[Report, Report, Report | None, Any], Iterator[Found]]] = {
    "cross-year-carryover": lambda cur, prev, _before, _opts: cross_year.carryover(cur, prev),
    "cross-year-in-force": lambda cur, prev, _before, _opts: cross_year.in_force(cur, prev),
    "cross-year-copy": lambda cur, prev, _before, opts: cross_year.copied(cur, prev, opts),
    "cross-year-jump": cross_year.jumps,
}


class CrossReport:
    """The hook of one run.  ``rules_for(path)``: the active rules of a file (``Checker.active_for``); ``previous``:
    the results of ``--previous`` files (references).  Holds only the reports' facts until :meth:`finish`."""

    def __init__(self, rules_for: RulesFor, previous: Sequence[Result] = ()):
        self._rules_for = rules_for
        self._reports: list[Report] = [Report(r.path, Facts(r.facts), reference=True)
                                       for r in previous if r.facts is not None and _usable(r)]
        self._checked = 0
        self._by_kind: dict[int, tuple[Sequence[ActiveRule], dict[str | None, list[ActiveRule]]]] = {}
        self._bodies_found = RunBodies()

    def observe(self, result: Result) -> None:
        if _usable(result):
            assert result.facts is not None
            self._reports.append(Report(result.path, Facts.of(result.facts)))
            self._checked += 1

    def finish(self) -> dict[str, list[Diagnostic]]:
        reports = self._grouped()
        out: dict[str, list[Diagnostic]] = {}
        # a body's reports by year, each list in the run's order (a body may have many reports: a report looks up
        # the year before its own, not every report of its body)
        by_body_year: dict[tuple[str, int | None], list[Report]] = {}
        for r in reports:
            if r.body is not None:
                by_body_year.setdefault((r.body, r.year), []).append(r)
        references = [r for r in reports if r.reference]
        pairs: list[tuple[Report, Report]] = []
        for r in reports:
            if r.reference:
                continue
            year = r.year
            prev = self._previous(r, by_body_year.get((r.body or "", year - 1), []) if year is not None else [],
                                  references)
            if prev is not None:
                pairs.append((r, prev))
        # what became of the --previous reports (not compared with, or compared with another body's report): first
        # among a report's findings, as it says what the cross-year findings rest on
        if references:
            self._run([r for r in reports if not r.reference], "previous-notice", out,
                      lambda _opts: previous.notes(reports, pairs))
        # checked along each body's years (a report is the later one of a pair, then at once the earlier one of the
        # next: its figures' places are decoded once, not once per pair), findings kept in the run's order
        order = sorted(range(len(pairs)), key=lambda i: (pairs[i][0].body or "", pairs[i][0].year or 0, i))
        found: list[dict[str, list[Diagnostic]]] = [{} for _ in pairs]
        prev_of = {id(cur): prev for cur, prev in pairs}  # (a pair's earlier report's own earlier one: its figures only)
        for n, i in enumerate(order):
            cur, prev = pairs[i]
            self._pair(cur, prev, prev_of.get(id(prev)), found[i])
            after = pairs[order[n + 1]] if n + 1 < len(order) else ()
            _release([o for o in pairs[i] if not any(o is a for a in after)])
        for diags_of in found:
            for path, diags in diags_of.items():
                out.setdefault(path, []).extend(diags)
        for (kind, _year), group in peers.groups(reports).items():
            self._run(group, "peer-rate-outlier", out, _outliers(group, kind))
            _release(group)
        checked = [r for r in reports if not r.reference]
        self._run(checked, "peer-kind-figure", out, lambda opts: peers.kind_figures(checked, opts))
        _release(checked)
        bodies = self._bodies()
        if bodies:
            for kind, check in EXPECTED_CHECKS.items():
                self._run(checked, kind, out, _expected(check, checked, bodies))
                _release(checked)
        return out

    # -- grouping -----------------------------------------------------------------------------------------------

    def _bodies(self) -> list[ExpectedBody]:
        """The expected bodies of the configurations of the run's reports (``bodies:``), each once."""
        out: dict[str, ExpectedBody] = {}
        seen: set[int] = set()
        lists: dict[int, list[ActiveRule]] = {}  # the lists of rules walked (held: an id is not reused meanwhile)
        for r in self._reports:
            rules = self._rules(r.path, None)
            if lists.get(id(rules)) is rules:  # (one list per configuration: its rules' configurations seen already)
                continue
            lists[id(rules)] = rules
            configured_bodies(rules, seen, out)
        return list(out.values())

    def bodies(self) -> RunBodies:
        """After :meth:`finish`: each checked report's body as the checks grouped it (the by-body counts of the
        console, the ``body`` of the report summaries and of the statistics database say the same)."""
        return self._bodies_found

    def _grouped(self) -> list[Report]:
        keys = {r.path: k for r in self._reports if (k := _key(r.facts)) is not None}
        groups = Grouping(keys.values(), [(b.name, b.aliases) for b in self._bodies()])
        found = self._bodies_found = RunBodies()
        for r in self._reports:
            if not r.reference and (k := keys.get(r.path)) is not None:
                found.by_path[r.path] = found.by_key[key_text(k)] = groups.of(k)
        return [Report(r.path, r.facts, r.reference, groups.of(k) if (k := keys.get(r.path)) is not None else None)
                for r in self._reports]

    def _previous(self, r: Report, year_before: list[Report], references: list[Report]) -> Report | None:
        """The body's report of the year before ``r``'s (``year_before``: the body's reports of that year, in the
        run's order): a ``--previous`` one first; with a single checked report, the ``--previous`` report of the
        year before whatever its name says."""
        if r.year is None:
            return None
        candidates = [o for o in year_before if o is not r]
        if placeless(_key(r.facts)):
            # (区住建局2023年… here and 区住建局2022年… elsewhere may be two districts' bureaus: a pair in one folder)
            folder = os.path.dirname(os.path.abspath(r.path))
            candidates = [o for o in candidates if o.reference or os.path.dirname(os.path.abspath(o.path)) == folder]
        if not candidates and self._checked == 1:
            candidates = [o for o in references if o.year == r.year - 1]
        candidates.sort(key=lambda o: not o.reference)
        return candidates[0] if candidates else None

    # -- running the checks ---------------------------------------------------------------------------------------

    def _pair(self, cur: Report, prev: Report, before: Report | None, out: dict[str, list[Diagnostic]]) -> None:
        for kind, check in PAIR_CHECKS.items():
            for ar in self._rules(cur.path, kind):
                self._emit(ar, cur, check(cur, prev, before, ar.kind.options), out)

    def _run(self, group: list[Report], kind: str, out: dict[str, list[Diagnostic]],
             check: Callable[[Any], Iterator[tuple[Report, Found]]]) -> None:
        """A check over a group of reports, with the options of the first report's rule (the group's members are
        reported with their own rule's severity; a member whose configuration does not run it is left out)."""
        if not group:
            return
        rules = self._rules(group[0].path, kind)
        if not rules:
            return
        ar = rules[0]
        try:
            found = list(check(ar.kind.options))
        except Exception as exc:  # noqa: BLE001 - a check's bug must not stop the run
            out.setdefault(group[0].path, []).append(rule_failure(group[0].path, ar.rule.code, ar.rule.spec.name, exc))
            return
        for r, f in found:
            for mine in self._rules(r.path, kind):
                out.setdefault(r.path, []).append(diagnostic(mine, r, f))

    def _emit(self, ar: ActiveRule, cur: Report, check: Iterator[Found], out: dict[str, list[Diagnostic]]) -> None:
        try:
            found = list(check)  # a generator: the check runs here
        except Exception as exc:  # noqa: BLE001 - a check's bug must not stop the run
            out.setdefault(cur.path, []).append(rule_failure(cur.path, ar.rule.code, ar.rule.spec.name, exc))
            return
        out.setdefault(cur.path, []).extend(diagnostic(ar, cur, f) for f in found)

    def _rules(self, path: str, kind: str | None) -> list[ActiveRule]:
        """The active rules of ``kind`` for ``path`` (None: every cross-report rule)."""
        try:
            active = self._rules_for(path)
        except Exception:  # noqa: BLE001 - a configuration that failed for this file: its file says so already
            return []
        held = self._by_kind.get(id(active))
        if held is None or held[0] is not active:
            # per list of active rules (one per configuration: the same list for each file under it)
            if len(self._by_kind) >= 64:  # a rules_for that makes a new list per call: keep no more than a few
                self._by_kind.clear()
            held = self._by_kind[id(active)] = (active, {})
        got = held[1].get(kind)
        if got is None:
            got = held[1][kind] = ([ar for ar in active if getattr(ar.kind, "cross_report", False)] if kind is None
                                   else [ar for ar in active if ar.rule.spec.kind == kind])
        return got


# the checks of the configuration's expected bodies (``bodies:``), by kind: (reports, bodies)
EXPECTED_CHECKS: dict[str, Callable[[Sequence[Report], Sequence[ExpectedBody]], Iterator[tuple[Report, Found]]]] = {
    "expected-missing": expected.missing,
    "expected-duplicate": expected.duplicates,
    "expected-whole-area": expected.whole_area,
}


def _expected(check: Callable[[Sequence[Report], Sequence[ExpectedBody]], Iterator[tuple[Report, Found]]],
              reports: list[Report], bodies: list[ExpectedBody]) -> Callable[[Any], Iterator[tuple[Report, Found]]]:
    return lambda _opts: check(reports, bodies)


def _outliers(group: list[Report], kind: str) -> Callable[[Any], Iterator[tuple[Report, Found]]]:
    return lambda opts: peers.rate_outliers(group, kind, opts)


def _usable(r: Result) -> bool:
    return r.facts is not None and not r.skipped and not r.error


def _release(reports: Sequence[Report]) -> None:
    for r in reports:
        r.facts.release()


def _key(facts: Facts | dict) -> tuple[str, str] | None:
    k = facts.get("body")
    return (str(k[0]), str(k[1])) if isinstance(k, list) and len(k) == 2 else None


def body_of(facts: dict | None) -> str | None:
    """The body key of one report's facts, alone (without the run's grouping)."""
    k = _key(facts or {})
    return key_text(k) if k is not None else None


def read_previous(paths: Sequence[str], checker: Any, fail: Callable[[str], None]) -> list[Any]:
    """The results of the ``--previous`` files (checked for their facts — none when no cross-report rule runs —;
    their findings are not listed); a file that cannot be read stops the run (``fail``: one line, exit 2)."""
    out = []
    for p in paths:
        r = checker.check_file(p)
        if r.error:
            fail(f"--previous {p}：{r.error}")
        out.append(r)
    return out


def configured_bodies(rules: list[ActiveRule], seen: set[int], out: dict[str, ExpectedBody]) -> None:
    """Add to ``out`` (by name, the first kept) the expected bodies (``bodies:``) of the configurations of ``rules``
    not in ``seen`` (their ids, added to it): each configuration read once."""
    for ar in rules:
        cfg = ar.kind.config
        if id(cfg) in seen:
            continue
        seen.add(id(cfg))
        for b in cfg.bodies:
            out.setdefault(b.name, b)
