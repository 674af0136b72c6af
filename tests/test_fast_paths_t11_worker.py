"""The fast paths of round 11 around a worker's check of a file, against what they replace: the figures' places
packed as their numbers and then their pointers in a stream of their own, kept compressed by the pointers
(findings._figures_text, findings._POINTER_TEXTS), against round 7's places form (``{"~places": places}``, one
stream); the packed facts made at once (Facts.packed) against ``Facts(facts).pack()``; a worker's packed facts as bytes
(``raw``) against their base64 text.  (Round 13 replaced the answer's JSON text by marshal: test_fast_paths_t13_ipc.)"""

from __future__ import annotations

import base64
import json
import random
import zlib
from typing import Any

from disclosure_lint import memo
from disclosure_lint.api import FileResult
from disclosure_lint.batch import findings
from disclosure_lint.batch.findings import AT, NOT_OPEN, PACKED, Facts, Report, packed_ok
from disclosure_lint.parallel import answer, message

from .test_fast_paths_t7_facts import _collected, _reference_cell, _same_cells


def _old_places(f: dict[str, Any]) -> tuple[Any, Any]:
    """The places round 7's form held (``{"~places": places}`` as JSON, read back), None when it kept the figures'
    part as it is; and the places as collected."""
    figures = {k: f[k] for k in f if k in ("cells", "not_open")}
    keys, _values = findings._figures(figures)
    places = findings._places(figures, keys)
    return None if places is None else json.loads(json.dumps(places)), places


def _streams(text: bytes) -> list[Any]:
    out = []
    while text:
        d = zlib.decompressobj()
        out.append(json.loads(d.decompress(text)))
        assert d.eof
        text = d.unused_data
    return out


def _made_facts(rnd: random.Random, n: int) -> dict[str, Any]:
    """Facts of ``n`` random figures: places of 5 numbers and pointers, pointers None, with quotes, backslashes, line
    breaks, lone surrogates, astral characters; sometimes a place that is not a list of five, or a pointer that is a
    list (not kept), or no not_open."""
    pointers = ["表三 › （七）总计 › 自然人", None, 'a"b\\c', "x\ny", "\ud800", "𠮷", "", "表二 › 规章 › 本年制发件数"]

    def place() -> Any:
        r = rnd.random()
        if r < 0.02:
            return [1, 2, 3]
        if r < 0.03:
            return (1, 2, 3, 4, "t")
        if r < 0.04:
            return [1, 2, 3, 4, ["p"]]
        return [rnd.choice([None, rnd.randrange(10 ** 6), -1, 2 ** 40]), rnd.randrange(200), rnd.randrange(10 ** 6),
                rnd.randrange(200), rnd.choice(pointers)]

    cells = {f"s{rnd.randrange(2, 5)}:{i}:{rnd.choice('abc')}": [rnd.choice([0, 7, 2.5, -3]), place()] for i in range(n)}
    out: dict[str, Any] = {"year": 2024, "cells": cells, "paras": []}
    if rnd.random() < 0.7:
        out["not_open"] = [rnd.randrange(5), place()]
    return out


def _check_same(f: dict[str, Any]) -> None:
    held = Facts(f)
    old, raw = _old_places(f)
    first = _streams(held._texts[0])
    if raw is not None and all(type(p) is list and len(p) == 5 for p in raw):
        # the places form: the numbers, then the pointers (no pointer in the numbers' stream)
        assert len(first) == 2 and set(first[0]) == {AT}
        assert first[0][AT] == [x for p in old for x in p[:4]] and first[1] == [p[4] for p in old]
        places_form, places = held._figures_part()
        assert places_form and places == old
    else:
        assert len(first) == 1 and AT not in first[0]
    again = Facts.of(json.loads(json.dumps(held.pack())))
    plain = json.loads(json.dumps(f))
    assert again.as_dict() == Facts(f).as_dict() == plain
    for h in (held, again):
        _same_cells(h, list(f.get("cells", {})))
        for key in [*f.get("cells", {}), NOT_OPEN]:
            assert Report("a.md", h).cell(key) == _reference_cell(h, key)


def test_the_places_as_numbers_and_pointers_read_back_as_round_7s_places():
    for f in _collected():
        _check_same(f)
    rnd = random.Random(111)
    for i in range(600):
        _check_same(_made_facts(rnd, rnd.choice([0, 1, 2, 5, 40, 300])))
        if i % 100 == 0:
            memo.forget()


def test_the_pointers_kept_are_the_pointers_compressed():
    memo.forget()
    facts = _collected()
    for f in facts:
        Facts(f)
    kept = findings._POINTER_TEXTS
    assert 0 < len(kept) <= kept.limit
    for pointers, text in kept.items():
        assert zlib.decompress(text) == findings._json(list(pointers))
    # a report of a layout seen: its pointers' stream the bytes kept, the same as compressed afresh
    f = facts[0]
    held = Facts(f)
    kept_text = _streams(held._texts[0])
    memo.forget()
    assert _streams(Facts(f)._texts[0]) == kept_text
    # a list of pointers longer than the bound is not kept
    memo.forget()
    long = {"cells": {f"s3:{i}": [i, [i, 1, i, 2, "表" * 40]] for i in range(200)}}
    Facts(long)
    assert not findings._POINTER_TEXTS
    # pointers that are not texts are never kept (1, True and 1.0 are one key of a dict, three JSON texts)
    memo.forget()
    for pointer in (1, True, 1.0, "1", None):
        f = {"cells": {"s3:x": [1, [1, 1, 1, 2, pointer]]}}
        assert Facts(f).figure("s3:x") == (1, [1, 1, 1, 2, pointer])
        assert type(Facts(f).figure("s3:x")[1][4]) is type(pointer)
    assert set(findings._POINTER_TEXTS) == {("1",), (None,)}
    # the bound: emptied when full
    for i in range(kept.limit + 5):
        Facts({"cells": {"s3:x": [1, [1, 1, 1, 2, f"p{i}"]]}})
    assert len(findings._POINTER_TEXTS) <= kept.limit


def test_the_pointers_read_back_kept_are_the_pointers_read():
    memo.forget()
    facts = _collected()
    fresh = []
    for f in facts:
        memo.forget()
        fresh.append(Facts.of(json.loads(json.dumps(Facts(f).pack())))._figures_part())
    memo.forget()
    held = [Facts.of(json.loads(json.dumps(Facts(f).pack()))) for f in facts]
    assert [h._figures_part() for h in held] == fresh == [h._figures_part() for h in held]
    kept = findings._POINTERS_READ
    assert 0 < len(kept) < len(facts)
    for more, pointers in kept.items():
        assert json.loads(zlib.decompress(more)) == pointers
    # the places made from a kept list are lists of their own (a finding's place changed does not change another's)
    a, b = held[0]._figures_part()[1], held[0]._figures_part()[1]
    assert a == b and a is not b and all(x is not y for x, y in zip(a, b))
    # a stream that is not a list is not kept
    memo.forget()
    base = Facts({"cells": {"s3:new:total": [12, [1, 2, 3, 4, "表三"]]}, "paras": []}).pack()
    head, texts, keys, values, hashes = base[PACKED]
    first = zlib.compress(json.dumps({AT: [1, 2, 3, 4]}).encode()) + zlib.compress(b'"p"')
    Facts.of({PACKED: [head, [base64.b64encode(first).decode(), texts[1]], keys, values, hashes]})._figures_part()
    assert not findings._POINTERS_READ


def test_malformed_places_streams_read_as_no_places():
    """A figures' part in the places form whose pointers are missing, not zlib, or do not fit the numbers: no
    figure's place, as round 7's form read places that did not fit; the packed facts still pass packed_ok."""
    base = Facts({"cells": {"s3:new:total": [12, [1, 2, 3, 4, "表三"]]}, "paras": []}).pack()
    head, texts, keys, values, hashes = base[PACKED]
    for numbers, more in [([1, 2, 3, 4], b""), ([1, 2, 3, 4], b"x"), ([1, 2, 3], zlib.compress(b'["p"]')),
                          ([1, 2, 3, 4], zlib.compress(b'"p"')), ("x", zlib.compress(b"[]")),
                          ([1, 2, 3, 4, 5, 6, 7, 8], zlib.compress(b'["p", "q"]')),
                          ([1, 2, 3, 4], zlib.compress(b'["p"]')[:-2])]:
        first = zlib.compress(json.dumps({AT: numbers}).encode()) + more
        packed = {PACKED: [head, [base64.b64encode(first).decode(), texts[1]], keys, values, hashes]}
        assert packed_ok(packed)
        held = Facts.of(packed)
        assert held.figure("s3:new:total") is None and held.get("cells") is None
        assert held.value("s3:new:total") == 12
    good = zlib.compress(json.dumps({AT: [1, 2, 3, 4]}).encode()) + zlib.compress(b'["p"]')
    held = Facts.of({PACKED: [head, [base64.b64encode(good).decode(), texts[1]], keys, values, hashes]})
    assert held.figure("s3:new:total") == (12, [1, 2, 3, 4, "p"])


def test_packed_at_once_is_the_facts_packed():
    rnd = random.Random(112)
    odd = [{"cells": {NOT_OPEN: [1, [1, 2, 3, 4, "p"]]}, "not_open": [2, [1, 2, 3, 4, "q"]]},
           {"cells": {NOT_OPEN: [1, [1, 2, 3, 4, "p"]]}}, {"cells": {"": [1, [1, 2, 3, 4, "p"]]}},
           {"cells": {"": [1, [1, 2, 3, 4, "p"]], "x": [2, None]}}, {"cells": {}}, {}, {"paras": [["a", "b"]]},
           {"year": 2024, "paras": [["0123abcd", "ffff0000", 12, [1, 1, 1, 9, None], "x"]], "z": 1}]
    for f in [*_collected(), *odd, *(_made_facts(rnd, rnd.choice([0, 1, 3, 40])) for _ in range(300))]:
        assert Facts.packed(f) == Facts(f).pack()
        assert json.dumps(Facts.packed(f)) == json.dumps(Facts(f).pack())


# -- the answer's bytes ------------------------------------------------------------------------------------------------


def test_a_workers_facts_as_bytes_are_its_facts():
    odd = {"cells": {NOT_OPEN: [1, [1, 2, 3, 4, "p"]]}, "not_open": [2, [1, 2, 3, 4, "q"]]}  # (packed as Facts holds it)
    for f in [*_collected()[:10], odd]:
        raw = Facts.packed(f, raw=True)
        text = Facts.packed(f)
        assert [base64.b64encode(t).decode("ascii") for t in raw[PACKED][1]] == text[PACKED][1]
        keys = raw[PACKED][2]  # (round 12: the keys as UTF-8 bytes too, where the layout holds each key once)
        assert isinstance(keys, bytes) or f is odd
        keys = keys.decode("utf-8", "surrogatepass") if isinstance(keys, bytes) else keys
        assert {PACKED: [*raw[PACKED][:1], text[PACKED][1], keys, *raw[PACKED][3:]]} == text
        if f is odd:
            continue
        _index, sent = answer(message(0, {"path": "a.md", "facts": raw}))
        result = FileResult.from_json(sent)
        assert packed_ok(result.facts)
        held = Facts.of(result.facts or {})
        assert held.as_dict() == Facts.of(text).as_dict() == Facts(f).as_dict()
        _same_cells(held, list(f.get("cells", {})))
