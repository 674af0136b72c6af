"""The fast paths of round 5 in a ``--jobs`` worker's per-report serialisation and cross-report facts, against what
they replace (the same dicts, in the same order, the same JSON)."""

from __future__ import annotations

import base64
import json
import tempfile
import zlib
from collections import namedtuple
from dataclasses import asdict, dataclass, replace
from functools import cache
from pathlib import Path

from disclosure_lint.api import Checker, FileResult
from disclosure_lint.batch.findings import AT, NOT_OPEN, PACKED, Facts, Report, packed_ok
from disclosure_lint.diagnostics import Diagnostic, Edit, Fix

from .benchgen import generated

ROOT = Path(__file__).resolve().parent.parent


def _generated() -> tuple[tuple[str, str], ...]:
    """40 reports of the benchmark's generator, its default seed."""
    return generated(40)


@cache
def _results() -> tuple[FileResult, ...]:
    """The generated reports checked (with their cross-report facts) and the examples."""
    with tempfile.TemporaryDirectory() as d:
        paths = []
        for name, text in _generated():
            p = Path(d) / name
            p.write_text(text, encoding="utf-8")
            paths.append(str(p))
        paths += sorted(str(p) for p in (ROOT / "examples").glob("*.md"))
        checker = Checker()
        return tuple(checker.check_file(p, True) for p in paths)


# -- Diagnostic.to_json ----------------------------------------------------------------------------------------


def _reference_to_json(d: Diagnostic) -> dict:
    """``Diagnostic.to_json`` as it was: ``asdict`` without the path (and without the fix's ``independent`` unless it
    is set: the output of every other fix is as it was before the field)."""
    out = asdict(d)
    out.pop("path")
    if d.fix is None:
        out["fix"] = None
    elif not d.fix.independent:
        out["fix"].pop("independent")
    return out


Pair = namedtuple("Pair", "a b")


@dataclass
class Inner:
    x: int
    y: list


def _same(d: Diagnostic) -> None:
    got, want = d.to_json(), _reference_to_json(d)
    assert got == want
    assert list(got) == list(want)
    assert json.dumps(got, ensure_ascii=False) == json.dumps(want, ensure_ascii=False)
    assert repr(got) == repr(want)  # the same types (tuples stay tuples, a named tuple stays one)


def test_diagnostic_to_json_as_asdict():
    fix = Fix("改", (Edit(1, 2, 1, 3, "，"), Edit(None, None, None, None, "", "第3段")), "unsafe")
    evidences = [
        {}, {"a": 1, "b": "x", "c": None, "d": True, "e": 1.5},
        {"cells": [["s3:new:total", 3, [1, 2, 3, 4, "表三"]]], "n": 2},
        {"t": (1, ("a", [2])), "m": {"k": [1, {"z": (3,)}]}, 1: "int key"},
        {"pair": Pair(1, [2])}, {"inner": Inner(1, [2, (3,)])}, {"nested": [Inner(2, [])]},
    ]
    for evidence in evidences:
        for f in (None, fix):
            d = Diagnostic(path="a.md", code="DL101", rule="r", category="structure", severity="error",
                           message="消息", line=1, column=2, end_line=1, end_column=5, pointer="一、总体情况", match="x",
                           evidence=evidence, fix=f, fingerprint="abc")
            _same(d)


def test_diagnostic_to_json_copies_the_evidence():
    ev = {"cells": [[1, 2]], "d": {"k": [3]}, "flat": {"a": 1}}
    d = Diagnostic(path="a.md", code="DL101", rule="r", category="structure", severity="error", message="m",
                   evidence=ev)
    got = d.to_json()
    got["evidence"]["cells"][0].append(9)
    got["evidence"]["d"]["k"].append(9)
    got["evidence"]["flat"]["b"] = 2
    got["evidence"]["new"] = 1
    assert ev == {"cells": [[1, 2]], "d": {"k": [3]}, "flat": {"a": 1}}


def test_reports_to_json_as_before():
    """Every finding of the generated reports and the examples, and each file's result as it was built (its fields in
    order, a finding of another path with its path)."""
    n = 0
    for r in _results():
        for d in r.diagnostics:
            _same(d)
            n += 1
        want = {f: getattr(r, f) for f in r.__dataclass_fields__}
        want["diagnostics"] = [_reference_to_json(d) for d in r.diagnostics]
        assert json.dumps(r.to_json(), ensure_ascii=False) == json.dumps(want, ensure_ascii=False)
    assert n > 20
    mine = Diagnostic(path="b.md", code="DL101", rule="r", category="structure", severity="error", message="m")
    other = FileResult(path="b.md", diagnostics=[mine, replace(mine, path="c.md")])
    assert [d.get("path") for d in other.to_json()["diagnostics"]] == [None, "c.md"]


# -- the figures' part packed as their places ----------------------------------------------------------------


def _reference_parts(facts: dict) -> list[dict]:
    """The two parts the facts were compressed in before: the figures (``cells``, ``not_open``) and the rest."""
    rest = {k: v for k, v in facts.items() if k not in Facts.HEAD}
    return [{k: v for k, v in rest.items() if k in ("cells", "not_open")},
            {k: v for k, v in rest.items() if k not in ("cells", "not_open")}]


PLACES = "~places"  # the key of round 5's places form (round 11: the places' numbers under AT, then their pointers)


def _five(facts: dict) -> bool:
    """Whether every figure's place is ``[line, column, end line, end column, pointer]`` (round 11's places form)."""
    cells = facts.get("cells") if isinstance(facts.get("cells"), dict) else {}
    return all(isinstance(got, list) and len(got) == 2 and type(got[1]) is list and len(got[1]) == 5
               for got in [*cells.values(), *([facts["not_open"]] if "not_open" in facts else [])])


def _same_facts(facts: dict, places: bool, paras: bool | None = None) -> None:
    """``facts`` held (here and as a worker sends them) give back every key as before: the same dicts in the same
    order; the figures' part is their places exactly when ``places`` (and, since round 11, every place is a list of
    five), the paragraphs are held without their hashes exactly when ``paras`` (when given)."""
    plain = json.loads(json.dumps(facts))
    for held in (Facts(facts), Facts.of(json.loads(json.dumps(Facts(facts).pack())))):
        assert held.as_dict() == plain
        assert json.dumps(held.as_dict()) == json.dumps({**{k: v for k, v in plain.items() if k in Facts.HEAD},
                                                         **_reference_parts(plain)[0], **_reference_parts(plain)[1]})
        for key in [*plain, "cells", "not_open", "nothing"]:
            assert json.dumps(held.get(key)) == json.dumps(plain.get(key))
        held.release()
        assert (AT in json.loads(zlib.decompress(held._texts[0]))) is (places and _five(facts))
        if paras is not None:
            assert isinstance(json.loads(zlib.decompress(held._texts[1])), list) is paras


def test_collected_facts_read_back_as_they_were():
    n = 0
    for r in _results():
        if r.facts:
            _same_facts(r.facts, True, True)
            n += "not_open" in r.facts
    assert n > 10


def test_facts_that_are_not_all_figures_keep_their_part():
    place = [3, 1, 3, 2, "表三"]
    good = {"s3:new:total": [12, place], "s3:new:x": [2.5, None]}
    _same_facts({"year": 2024, "cells": good, "not_open": [4, place], "paras": []}, True)
    _same_facts({"year": 2024, "cells": good}, True)
    _same_facts({"year": 2024, "cells": {}}, True)
    _same_facts({"cells": {}, "not_open": [1, place]}, True)
    for cells, not_open in [({**good, "s3:bad": ["x", place]}, None), ({**good, "s3:a\nb": [5, place]}, None),
                            ({**good, "s3:short": [1]}, None), ({**good, NOT_OPEN: [1, place]}, None),
                            (good, [4]), (good, "x"), ([], [4, place]), (None, [4, place])]:
        facts = {"year": 2024, "cells": cells, **({} if not_open is None else {"not_open": not_open})}
        _same_facts(facts, False)
    _same_facts({"year": 2024, "not_open": [4, place]}, False)  # (no cells: kept as it is)
    _same_facts({"not_open": [4, place], "cells": good}, False)  # (not_open first: kept in its order)


def test_a_malformed_places_part_from_another_process_is_no_figures():
    """A packed result whose places do not fit its figures (written by hand): no cells, never a failure."""
    facts = Facts({"cells": {"s3:new:total": [12, [1, 2, 3, 4, None]]}, "not_open": [4, None]})
    packed = facts.pack()
    head, _texts, keys, values, hashes = packed[PACKED]
    for places in ([], [None], [1, 2, 3], "x", {"a": 1}, None):
        text = base64.b64encode(zlib.compress(json.dumps({PLACES: places}).encode())).decode("ascii")
        bad = {PACKED: [head, [text, _texts[1]], keys, values, hashes]}
        assert packed_ok(bad)
        held = Facts.of(bad)
        assert held.get("cells") is None and held.get("not_open") is None
        assert held.value("s3:new:total") == 12
        assert Report("a.md", held).cell("s3:new:total") is None
    for keys_, values_ in [("s3:new:total\ns3:new:total", [1, 2])]:  # a key twice: no figures from the places
        text = base64.b64encode(zlib.compress(json.dumps({PLACES: [None, None]}).encode())).decode("ascii")
        held = Facts.of({PACKED: [head, [text, _texts[1]], keys_, values_, hashes]})
        assert held.get("cells") is None


def _p(masked: str = "0123abcd", exact: str = "ffff0000", size: int = 12) -> list:
    return [masked, exact, size, [3, 1, 3, size, "一、总体情况"], "本报告根据"]


def test_paragraphs_not_all_well_formed_keep_their_hashes():
    _same_facts({"year": 2024, "cells": {}, "paras": [_p(), _p("aaaa0000", "bbbb1111", 40)], "x": 1}, True, True)
    _same_facts({"paras": [], "cells": {}}, True, True)
    _same_facts({"paras": [_p()], "x": 1, "y": [2]}, False, True)  # (no cells: the figures kept as they are)
    _same_facts({"x": 1, "paras": [_p()]}, False, False)  # (not the first of the rest: kept in its order)
    for bad in ([_p(), _p("short")], [_p(), _p(size=-1)], [_p(), _p(size=True)], [_p()[:4]], [_p(), "x"], "x", None):
        _same_facts({"year": 2024, "paras": bad}, False, False)
    _same_facts({"year": 2024, "paras": [_p()], "~paras": [1], "~places": [2]}, False, True)


def test_a_malformed_paragraph_part_from_another_process_is_no_paragraphs():
    """A packed result whose paragraphs do not fit its hashes (written by hand): no paragraphs, never a failure."""
    facts = Facts({"paras": [_p(), _p("aaaa0000", "bbbb1111", 40)], "z": 3})
    head, texts, keys, values, hashes = facts.pack()[PACKED]
    for slim in ([], [[None, "x"]], [[1, 2], [3]], [[1, 2], [3, 4], [5, 6]], "x", None, [[1, 2], "ab"]):
        for part, z in (([slim, {"z": 3}], 3), ([slim, {"z": 3}, 1], None), ([slim], None), ([slim, 3], None),
                        ([], None)):
            text = base64.b64encode(zlib.compress(json.dumps(part).encode())).decode("ascii")
            for h in (hashes, None):
                bad = {PACKED: [head, [texts[0], text], keys, values, h]}
                assert packed_ok(bad)
                held = Facts.of(bad)
                assert held.get("paras") is None and held.get("z") == z
    held = Facts.of({PACKED: [head, texts, keys, values, None]})  # (places at hand but no hashes: no paragraphs)
    assert held.get("paras") is None and held.get("z") == 3


def test_packed_texts_that_are_not_base64_zlib_json_are_refused_or_read_as_nothing():
    """A packed text that is not base64 is refused (a cache entry: a miss); one that is base64 of something else
    than zlib-compressed JSON of a dict or list reads as nothing — never a failure."""
    facts = Facts({"cells": {"s3:new:total": [12, [1, 2, 3, 4, None]]}, "paras": [_p()], "z": 3})
    head, texts, keys, values, hashes = facts.pack()[PACKED]
    for text in ("abc", "e A==", "eA=", "é===", "eA==\n"):
        assert not packed_ok({PACKED: [head, [text, texts[1]], keys, values, hashes]})
        assert not packed_ok({PACKED: [head, [texts[0], text], keys, values, hashes]})
    assert packed_ok({PACKED: [head, ["", "QUJD"], keys, values, hashes]})
    broken = [base64.b64encode(b).decode("ascii") for b in (b"x", b"", zlib.compress(b"{not json"),
                                                             zlib.compress(b"[" * 100_000), zlib.compress(b"12"),
                                                             zlib.compress(b'"text"'), zlib.compress(b"null"))]
    for text in broken:
        for i in (0, 1):
            parts = [texts[0], texts[1]]
            parts[i] = text
            held = Facts.of({PACKED: [head, parts, keys, values, hashes]})
            assert held.value("s3:new:total") == 12  # (the values travel beside the parts)
            assert (held.get("cells") is None) == (i == 0) and (held.get("z") is None) == (i == 1)
            assert held.as_dict()["cells" if i == 1 else "z"] is not None  # (the other part is whole)
    assert packed_ok({PACKED: [head, ["A" * 4_000_000, texts[1]], keys, values, hashes]})  # (a long text: no recursion)
