"""The fast paths of round 5 in a ``--jobs`` worker's per-report serialisation and cross-report facts, against what
they replace (the same dicts, in the same order, the same JSON)."""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from collections import namedtuple
from dataclasses import asdict, dataclass, replace
from functools import cache
from pathlib import Path

from disclosure_lint.api import Checker, FileResult
from disclosure_lint.diagnostics import Diagnostic, Edit, Fix

ROOT = Path(__file__).resolve().parent.parent


@cache
def _generated() -> tuple[tuple[str, str], ...]:
    """40 reports of the benchmark's generator (``bench/generate.py``, its default seed), made here: ``bench/out`` is
    not in a fresh clone."""
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = gen  # (its dataclasses look their module up there)
    spec.loader.exec_module(gen)
    with tempfile.TemporaryDirectory() as d:
        gen.generate(40, d)
        return tuple((p.name, p.read_text(encoding="utf-8")) for p in sorted(Path(d).glob("*.md")))


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
    """``Diagnostic.to_json`` as it was: ``asdict`` without the path."""
    out = asdict(d)
    out.pop("path")
    if d.fix is None:
        out["fix"] = None
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
