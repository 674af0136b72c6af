"""The results of ``--jobs`` workers: a worker sends a report's cross-report facts compressed (``Facts.pack``),
and the parent's hook holds exactly what it would hold from the plain facts."""

from __future__ import annotations

import json
from pathlib import Path

from disclosure_lint.api import FileResult
from disclosure_lint.batch.findings import NOT_OPEN, PACKED, Facts, Report, packed_ok
from disclosure_lint.cache import RunOptions
from disclosure_lint.parallel import answer, message
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
    _index, sent = answer(message(0, worker_for(checker, options, None)(path, False)))
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
    ok = [{}, ["eA==", "eA=="], "a\nb", [1, 2.5], ["0123abcd", "ffff0000", [12]]]
    assert packed_ok({PACKED: ok}) and packed_ok({PACKED: [{}, ["eA==", "eA=="], "", [], None]})
    bad_parts = ([{}, "eA==", "a\nb", [1, 2.5], None],  # the rest in one text (the old form)
                 [{}, ["eA=="], "a\nb", [1, 2.5], None],
                 [{}, ["eA==", "eA=="], "a", [], None],  # a key without its value
                 [{}, ["eA==", "eA=="], "a", ["1"], None],  # a value that is not a number
                 [{}, ["eA==", "eA=="], "a\nb", [1], None],
                 [{}, ["eA==", "eA=="], 3, [1], None],
                 [{}, ["eA==", "eA=="], "", [], ["0123abcd", "ffff0000", [12, 3]]],  # sizes and hashes differ
                 [{}, ["eA==", "eA=="], "", [], ["0123abcd", "ffff0000", [True]]],
                 [{}, ["eA==", "eA=="], "", [], ["0123abcd", 7, [1]]],
                 [[], ["eA==", "eA=="], "", [], None])
    for bad in ({PACKED: "x"}, {PACKED: [{}, 3]}, {PACKED: [[], "eA=="]}, {PACKED: [{}, "eA=="], "year": 1}, [],
                {PACKED: ok, "year": 1}, *({PACKED: b} for b in bad_parts)):
        assert not packed_ok(bad)


def _para(masked: str, exact: str, size: int, line: int) -> list:
    return [masked, exact, size, [line, 1, line, size, None], f"第{line}段"]


def test_the_copy_check_from_the_hashes_at_hand_is_the_check_from_the_paragraphs():
    """The copy check reads the paragraph hashes held at hand (:meth:`Facts.hashes`) and decodes the paragraphs only
    for a finding; with facts whose paragraphs are not well formed it reads the paragraphs: both say the same."""
    from disclosure_lint.batch.cross_year import copied
    from disclosure_lint.kinds.cross import CopyOptions

    prev = {"year": 2023, "paras": [_para(f"{i:08x}", f"{i + 100:08x}", 40, i) for i in range(10)],
            "own_year": []}
    cur = {"year": 2024, "paras": [_para(f"{i:08x}", f"{i + 200:08x}", 40 if i % 3 else 5, i) for i in range(2, 12)],
           "own_year": [[2023, f"{105:08x}", [7, 1, 7, 9, None], "2023年，我局…"]]}
    opts = CopyOptions(threshold=0.3, min_paragraphs=3, min_chars=10)

    def found(c: dict, p: dict) -> list:
        return [(f.key, f.place, f.params, f.evidence) for f in copied(Report("b.md", Facts(c)), Report("a.md", Facts(p)), opts)]

    fast = found(cur, prev)
    assert Facts(cur).hashes() is not None and [k for k, *_ in fast] == ["copy:paragraphs:2023", "copy:own_year:2023年，我局…"]
    # a paragraph entry not well formed: no hashes at hand, the paragraphs are read — the same findings
    slow_cur = {**cur, "paras": [*cur["paras"], [1, 2]]}
    assert Facts(slow_cur).hashes() is None
    fast_more = found({**cur, "paras": [*cur["paras"], _para("zzzzzzzz", "yyyyyyyy", 1, 99)]}, prev)
    assert fast_more == fast
    slow_prev = {**prev, "paras": [*prev["paras"], ["zzzzzzzz", "yyyyyyyy", "x", None, ""]]}
    assert Facts(slow_prev).hashes() is None and found(cur, slow_prev) == fast
