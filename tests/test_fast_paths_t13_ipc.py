"""Round 13: a ``--jobs`` worker's answer (and the parent's task) in :mod:`marshal`'s format instead of JSON text with
the packed facts' bytes after it — the same values come back, with the bytes as they are, and whatever else arrives
is a :class:`ValueError` (which the parent turns into the file's failure), never another exception."""

from __future__ import annotations

import json
import marshal
import random
from pathlib import Path
from typing import Any

import pytest

from disclosure_lint.api import FileResult
from disclosure_lint.cache import RunOptions
from disclosure_lint.parallel import answer, message
from disclosure_lint.pipeline import worker_for

ROOT = Path(__file__).resolve().parent.parent


def _value(rnd: random.Random, depth: int = 0) -> Any:
    kind = rnd.randrange(8 if depth < 4 else 4)
    if kind == 0:
        return rnd.randbytes(rnd.randrange(6)) + rnd.choice([b"", b"\0", b"\0\0{"])
    if kind == 1:
        return rnd.choice(["", "文字", "a\0b", "\ud800", "~bytes", '{"~bytes": 1}', "x" * 300])
    if kind == 2:
        return rnd.choice([0, -1, 7, 2 ** 70, -(2 ** 64), 1.5, float("inf"), True, False, None])
    if kind == 3:
        return rnd.choice([[], {}, ()])
    if kind in (4, 5):
        return [_value(rnd, depth + 1) for _ in range(rnd.randrange(4))]
    if kind == 6:
        return tuple(_value(rnd, depth + 1) for _ in range(rnd.randrange(3)))
    return {rnd.choice(["a", "b", "文", "\0"]): _value(rnd, depth + 1) for _ in range(rnd.randrange(4))}


def test_an_answer_is_what_the_worker_sent() -> None:
    rnd = random.Random(13)
    for i in range(3000):
        out = _value(rnd)
        index = rnd.choice([0, 1, i, 2 ** 40])
        got = answer(message(index, out))
        assert got == [index, out]
        assert repr(got[1]) == repr(out)  # (the same types: bytes stay bytes, a tuple a tuple, True not 1)


def test_an_answer_cut_short_or_of_another_shape_is_a_value_error() -> None:
    """(Only the worker's own answers are read: the pipe carries a message whole — ``send_bytes`` frames it — or
    none, when the worker died, and marshal's format is not read from anything else.)"""
    rnd = random.Random(131)
    for i in range(3000):
        raw = message(i, _value(rnd))
        with pytest.raises(ValueError):
            answer(raw[:rnd.randrange(len(raw))])
    for raw in (b"", b"[", marshal.dumps(["1", {}]), marshal.dumps([1]), marshal.dumps((1, {})), marshal.dumps({1: 2}),
                marshal.dumps([True, {}])):
        with pytest.raises(ValueError):
            answer(raw)
    with pytest.raises(ValueError):  # (no plain data: a worker answers the file's failure instead, test_parallel)
        message(0, {"x": object()})


def test_a_workers_result_reads_back_as_through_json() -> None:
    """What the parent builds from a worker's answer is what it built from the answer's JSON (a fix's edits come as
    the tuple ``to_json`` gives, not a list: both are read)."""
    options = RunOptions(isolated=True)
    checker = options.checker()
    work = worker_for(checker, options, None)
    paths = [str(p) for p in sorted((ROOT / "examples").rglob("*.md")) if "README" not in p.name]
    fixes = 0
    for path in paths:
        out = work(path, False)
        _index, sent = answer(message(0, out))
        got = FileResult.from_json(sent)
        facts = out.pop("facts")
        through_json = FileResult.from_json({**json.loads(json.dumps(out)), "facts": facts})
        assert got == through_json
        assert got.to_json() == through_json.to_json()
        fixes += sum(d.fix is not None for d in got.diagnostics)
    assert fixes  # (findings with fixes among the examples: their edits read back both ways)
