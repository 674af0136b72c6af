"""The results of ``--jobs`` workers: a worker sends a report's cross-report facts compressed (``Facts.pack``),
and the parent's hook holds exactly what it would hold from the plain facts."""

from __future__ import annotations

import json
from pathlib import Path

from disclosure_lint.api import FileResult
from disclosure_lint.batch.findings import PACKED, Facts, packed_ok
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


def test_malformed_packed_facts_are_refused():
    assert packed_ok(None) and packed_ok({"year": 2023})
    for bad in ({PACKED: "x"}, {PACKED: [{}, 3]}, {PACKED: [[], "eA=="]}, {PACKED: [{}, "eA=="], "year": 1}, []):
        assert not packed_ok(bad)
