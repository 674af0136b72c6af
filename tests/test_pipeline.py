"""The results of ``--jobs`` workers: a worker sends a report's cross-report facts compressed (``Facts.pack``),
and the parent's hook holds exactly what it would hold from the plain facts."""

from __future__ import annotations

import json
from pathlib import Path

from disclosure_lint.api import FileResult
from disclosure_lint.batch.findings import NOT_OPEN, PACKED, Facts, Report, packed_ok
from disclosure_lint.cache import RunOptions
from disclosure_lint.pipeline import worker_for

ROOT = Path(__file__).resolve().parent.parent


def _report() -> str:
    return str(next(p for p in sorted((ROOT / "examples").rglob("*.md")) if "README" not in p.name))


def test_a_workers_packed_facts_are_the_plain_facts():
    options = RunOptions(isolated=True)
    checker = options.checker()
    path = _report()
    plain = checker.check_file(path)
    assert plain.facts
    sent = json.loads(json.dumps(worker_for(checker, options, None)(path, False), ensure_ascii=True))
    assert set(sent["facts"]) == {PACKED} and packed_ok(sent["facts"])
    got = FileResult.from_json(sent)
    assert {**got.to_json(), "facts": None} == {**plain.to_json(), "facts": None}
    held = Facts.of(got.facts or {})
    assert held.as_dict() == Facts(plain.facts).as_dict() == plain.facts
    for key in plain.facts:
        assert held.get(key) == plain.facts[key]
    # the figures the checks compare are at hand without decoding, the same as the decoded cells'
    cells = plain.facts["cells"]
    assert cells
    for key, (value, _place) in cells.items():
        assert held.value(key) == Facts(plain.facts).value(key) == value
    assert held.value("s3:nothing:here") is None


def test_a_figure_is_what_the_cell_says_or_nothing():
    place = [3, 1, 3, 2, None]
    facts = Facts({"cells": {"s3:new:total": [12, place], "s3:new:natural": ["x", place], "s3:bad": [1],
                             "s3:a\nb": [5, place]}, "not_open": [4, place], "year": 2024})
    report = Report("a.md", facts)
    assert report.value("s3:new:total") == 12 and report.cell("s3:new:total") == (12, place)
    assert report.place("s3:new:total") == place
    for key in ("s3:new:natural", "s3:bad", "s3:a\nb", "s3:missing"):  # (a key with a line break: never asked)
        assert report.value(key) is None and report.cell(key) is None and report.place(key) is None
    assert facts.value(NOT_OPEN) == 4
    again = Facts.of(json.loads(json.dumps(facts.pack())))
    assert [again.value(k) for k in ("s3:new:total", "s3:new:natural", NOT_OPEN)] == [12, None, 4]


def test_malformed_packed_facts_are_refused():
    assert packed_ok(None) and packed_ok({"year": 2023})
    assert packed_ok({PACKED: [{}, "eA==", "", []]}) and packed_ok({PACKED: [{}, "eA==", "a\nb", [1, 2.5]]})
    for bad in ({PACKED: "x"}, {PACKED: [{}, 3]}, {PACKED: [[], "eA=="]}, {PACKED: [{}, "eA=="], "year": 1}, [],
                {PACKED: [{}, "eA=="]}, {PACKED: [{}, "eA==", "a", []]}, {PACKED: [{}, "eA==", "a", ["1"]]},
                {PACKED: [{}, "eA==", "a\nb", [1]]}, {PACKED: [{}, "eA==", 3, [1]]}):
        assert not packed_ok(bad)
