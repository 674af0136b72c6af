"""Round 12 (the parent of ``check --jobs N``): fast paths pinned against the forms they replaced — the figures' keys
sent as bytes, the paragraph sizes checked by C-level passes, one poll object kept across the parent's wake-ups, and
the annotations' code kept by their text at start-up.  (Its answer decoded by one kept JSON decoder is gone: round 13
sends answers in marshal's format, test_fast_paths_t13_ipc.)"""

from __future__ import annotations

import multiprocessing
import random
import select
import typing
from multiprocessing.connection import wait
from typing import Any

import pytest

from disclosure_lint import cli_startup
from disclosure_lint.batch.findings import NOT_OPEN, PACKED, Facts, _layout, _size_ok, _sizes_ok, packed_ok
from disclosure_lint.parallel import _Waiter, answer, message

from .test_fast_paths_t7_facts import _collected

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
