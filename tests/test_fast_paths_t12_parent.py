"""Round 12 (the parent of ``check --jobs N``): fast paths pinned against the forms they replaced — a worker's answer
decoded by one kept decoder, the figures' keys sent as bytes, the paragraph sizes checked by C-level passes, one poll
object kept across the parent's wake-ups, and the annotations' code kept by their text at start-up."""

from __future__ import annotations

import json
import multiprocessing
import random
import select
import threading
import typing
from multiprocessing.connection import wait
from typing import Any

import pytest

from disclosure_lint import cli_startup, parallel
from disclosure_lint.batch.findings import NOT_OPEN, PACKED, Facts, _layout, _size_ok, _sizes_ok, packed_ok
from disclosure_lint.parallel import BYTES, _Waiter, answer, message

from .test_fast_paths_t7_facts import _collected

# -- the answer decoded by one kept decoder ---------------------------------------------------------------------------


def _answer_before(raw: bytes) -> Any:
    """parallel.answer as round 11 wrote it: a decoder (and its hook) made for every answer."""
    cut = raw.find(b"\0")
    if cut < 0:
        return json.loads(raw)
    at = cut + 1

    def blob(d: dict[str, Any]) -> Any:
        nonlocal at
        n = d.get(BYTES) if len(d) == 1 else None
        if type(n) is not int:
            return d
        if n < 0 or at + n > len(raw):
            raise ValueError("answer: bytes cut short")
        at += n
        return raw[at - n:at]

    got = json.loads(raw[:cut], object_hook=blob)
    if at != len(raw):
        raise ValueError("answer: bytes left over")
    return got


def _random_value(rnd: random.Random, depth: int = 0) -> Any:
    kind = rnd.randrange(9 if depth < 4 else 5)
    if kind == 0:
        return rnd.randbytes(rnd.randrange(6)) + rnd.choice([b"", b"\0", b"\0\0{"])
    if kind == 1:
        return rnd.choice(["", "文字", "a\0b", "\ud800", "~bytes", '{"~bytes": 1}'])
    if kind == 2:
        return rnd.choice([0, -1, 7, 2 ** 70, 1.5, True, None])
    if kind == 3:
        return {BYTES: rnd.choice([0, 1, 3, -1, True, "1"])}  # (data that looks like a placeholder)
    if kind == 4:
        return {BYTES: 1, "x": 2}
    if kind in (5, 6):
        return [_random_value(rnd, depth + 1) for _ in range(rnd.randrange(4))]
    return {rnd.choice(["a", "b", BYTES, "文"]): _random_value(rnd, depth + 1) for _ in range(rnd.randrange(4))}


def _same(raw: bytes) -> None:
    try:
        want: Any = _answer_before(raw)
    except ValueError as exc:
        with pytest.raises(ValueError) as got:
            answer(raw)
        assert type(got.value) is type(exc)
        return
    assert answer(raw) == want


def test_answers_decoded_by_the_kept_decoder_as_before() -> None:
    rnd = random.Random(12)
    for i in range(3000):
        out = _random_value(rnd)
        try:
            raw = message(i, out)
        except TypeError:
            continue
        _same(raw)
        for _ in range(2):  # cut, grown, bytes taken away or added after the NUL
            j = rnd.randrange(len(raw) + 1)
            _same(raw[:j] + rnd.choice([b"", b"\0", b"x", b"\0\0", rnd.randbytes(3)]) + raw[j:])
        _same(raw + rnd.randbytes(rnd.randrange(3)))
    for raw in (b"[0, {}\0", b"\0", b'[0, {"~bytes": 2}]\0ab', b'[0, {"~bytes": 2}]\0a', b'\xef\xbb\xbf[1]\0',
                '[0, "\u6587"]'.encode("utf-16"), b'[0, "\xed\xa0\x80"]\0', b'[0, {"~bytes": 0}]\0'):
        _same(raw)


def test_an_answer_decoded_while_another_thread_holds_the_kept_decoder() -> None:
    raw = message(5, {"facts": [b"\0ab", b"", b"c"], "x": "文"})
    with parallel._READER.lock:  # (as if another thread were decoding with it)
        got: list[Any] = []
        t = threading.Thread(target=lambda: got.append(answer(raw)))
        t.start()
        t.join()
    assert got == [_answer_before(raw)] == [[5, {"facts": [b"\0ab", b"", b"c"], "x": "文"}]]
    assert answer(raw) == got[0] and not parallel._READER.raw  # (the kept decoder holds no answer after it)


# -- the figures' keys as bytes, the sizes' check ---------------------------------------------------------------------


def _facts(n: int = 6) -> list[dict[str, Any]]:
    return list(_collected()[:n])


def test_a_workers_keys_as_bytes_read_as_their_text() -> None:
    odd = {"cells": {NOT_OPEN: [1, [1, 2, 3, 4, "p"]]}, "not_open": [2, [1, 2, 3, 4, "q"]]}
    for f in [*_facts(), odd, {"cells": {"键\ud800": [1, [1, 2, 3, 4, None]]}}, {}]:
        raw, text = Facts.packed(f, raw=True), Facts.packed(f)
        keys = raw[PACKED][2]
        if isinstance(keys, bytes):
            assert keys.decode("utf-8", "surrogatepass") == text[PACKED][2]
        _index, sent = answer(message(0, {"facts": raw}))
        assert packed_ok(sent["facts"]) == packed_ok(text)  # (the odd layout's pack is refused both ways)
        if packed_ok(text):
            assert Facts.of(sent["facts"]).as_dict() == Facts.of(text).as_dict() == Facts(f).as_dict()
        assert _layout(keys) == _layout(text[PACKED][2])


def test_keys_as_bytes_checked_as_their_text() -> None:
    f = _facts(1)[0]
    raw = Facts.packed(f, raw=True)
    for keys, ok in ((raw[PACKED][2], True), (b"\xff\xfe" + raw[PACKED][2][2:], False), (b"a\nb", False),
                     (b"\n".join([b"k"] * len(raw[PACKED][3])), True), (b"", False)):
        bad = {PACKED: [*raw[PACKED][:2], keys, *raw[PACKED][3:]]}
        assert packed_ok(bad) is ok
        text = {PACKED: [*raw[PACKED][:2], keys.decode("utf-8", "replace"), *raw[PACKED][3:]]}
        if ok:
            assert packed_ok(text)


def test_sizes_checked_as_each_size_was() -> None:
    rnd = random.Random(12)
    atoms = [0, 1, 5, -1, 2 ** 63 - 1, 2 ** 63, -(2 ** 63), True, False, 1.0, None, "1", 2 ** 80]
    for _ in range(20000):
        sizes = [rnd.choice(atoms) if rnd.random() < 0.3 else rnd.randrange(400) for _ in range(rnd.randrange(6))]
        assert _sizes_ok(sizes) == all(_size_ok(n) for n in sizes), sizes


# -- one poll object across the parent's wake-ups ---------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(select, "poll"), reason="no poll here")
def test_the_waiter_answers_as_multiprocessing_wait() -> None:
    waiter = _Waiter()
    pipes = [multiprocessing.Pipe() for _ in range(3)]
    mine = [a for a, _b in pipes]
    try:
        assert waiter.ready(mine, 0.01) == [] == wait(mine, 0.01)
        pipes[1][1].send_bytes(b"x")
        assert waiter.ready(mine, 1) == [mine[1]] == wait(mine, 1)
        assert waiter.ready([mine[0], mine[2]], 0.01) == []  # (a pipe left out is not waited for)
        pipes[2][1].close()  # its end: ready, as wait says
        assert set(map(id, waiter.ready(mine, 1))) == {id(mine[1]), id(mine[2])} == set(map(id, wait(mine, 1)))
        mine[1].recv_bytes()
        # a pipe closed and another made in its place (perhaps with its number)
        mine[2].close()
        again = multiprocessing.Pipe()
        pipes[2] = again
        mine[2] = again[0]
        assert waiter.ready(mine, 0.01) == [] == wait(mine, 0.01)
        again[1].send_bytes(b"y")
        assert waiter.ready(mine, 1) == [mine[2]] == wait(mine, 1)
    finally:
        for a, b in pipes:
            a.close()
            b.close()


# -- annotations compiled once per text ---------------------------------------------------------------------------------


def test_annotations_code_kept_by_text_as_typing_compiles_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_startup, "_KEPT_CODE", {})
    texts = ["bool", "str | None", "dict[str, Any]", "list['Text']", "x" * 300, "a.b[c]"]
    for text in texts * 2:
        before = typing.ForwardRef(text).__forward_code__  # (typing's own compile)
        monkeypatch.setattr(typing, "compile", cli_startup._kept_compile, raising=False)
        ref = typing.ForwardRef(text)
        monkeypatch.delattr(typing, "compile")
        assert ref.__forward_code__ == before and ref.__forward_code__.co_flags == before.co_flags
        assert ref == typing.ForwardRef(text)
    assert set(cli_startup._KEPT_CODE) == set(texts) - {"x" * 300}
    monkeypatch.setattr(typing, "compile", cli_startup._kept_compile, raising=False)
    with pytest.raises(SyntaxError):
        typing.ForwardRef("a b")
    assert "a b" not in cli_startup._KEPT_CODE
    # any other call is compile's own, without this module's __future__ flags
    assert cli_startup._kept_compile("x: int = 1", "<string>", "exec").co_flags == 0  # (no CO_FUTURE_ANNOTATIONS)
    assert cli_startup._kept_compile("1", "<string>", "eval", 0).co_flags == 0
    assert cli_startup._kept_compile("1", "f.py", "eval") == compile("1", "f.py", "eval", dont_inherit=True)


def test_the_command_line_keeps_annotations_code(monkeypatch: pytest.MonkeyPatch) -> None:
    import disclosure_lint.cli as cli
    from disclosure_lint import recache

    monkeypatch.setattr(cli, "main", lambda: None)
    monkeypatch.setattr(recache, "install", lambda: None)
    monkeypatch.setattr(typing, "compile", compile, raising=False)
    cli_startup.main()
    assert typing.compile is cli_startup._kept_compile  # type: ignore[attr-defined]
