"""The fast paths of round 14 (a ``--jobs`` worker's facts and the parent's cross-report findings) against the plain
ways they replace: the facts' streams compressed with a small hash table (findings.compress) against
``zlib.compress(…, 1)``; a body key kept by agency name (identity.body_key) against working it out.  Each comparison
is also run against a broken fast path, to show that it can fail."""

from __future__ import annotations

import json
import random
import tempfile
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from disclosure_lint import memo
from disclosure_lint.api import Checker, FileResult
from disclosure_lint.batch import findings, identity
from disclosure_lint.batch.findings import Facts

from .benchgen import generated

ROOT = Path(__file__).resolve().parent.parent


@cache
def _results() -> tuple[FileResult, ...]:
    """40 generated reports, the examples and the Markdown fixtures, checked (their facts and findings)."""
    with tempfile.TemporaryDirectory() as d:
        paths = []
        for name, text in generated(40):
            p = Path(d) / name
            p.write_text(text, encoding="utf-8")
            paths.append(str(p))
        paths += [str(p) for p in sorted(ROOT.glob("examples/*.md"))]
        paths += [str(p) for p in sorted((ROOT / "tests" / "fixtures").rglob("*.md"))[:30]]
        checker = Checker()
        return tuple(checker.check_file(p, True) for p in paths)


# -- the facts' streams: a small hash table ------------------------------------------------------------------------


def _payloads() -> list[bytes]:
    """What the facts compress: each stream of the packed facts of the reports, and random bytes and texts of every
    size (empty, one byte, over the 1,024 symbols of a block, over the window)."""
    rnd = random.Random(1401)
    out: list[bytes] = []
    for r in _results():
        if r.facts:
            for t in Facts(r.facts)._texts:
                while t:
                    d = zlib.decompressobj()
                    out.append(d.decompress(t))
                    t = d.unused_data
    out += [b"", b"x", b"\0" * 70_000, "表三 › （七）总计".encode() * 3000]
    for n in (1, 2, 100, 1023, 1024, 1025, 5000, 40_000):
        out.append(bytes(rnd.randrange(256) for _ in range(n)))
        out.append("".join(rnd.choice("0123456789,[]\"表三总计 ") for _ in range(n)).encode())
    return out


def _compress_checked(compress: Callable[[bytes], bytes], payloads: list[bytes]) -> None:
    """``compress`` makes one zlib stream that reads back as its data (as ``zlib.compress(…, 1)``'s does: whole, by
    :func:`zlib.decompress` and by a decompressobj that finds its end, nothing after it), and no more than 1 % and
    16 bytes longer than that."""
    for data in payloads:
        got, plain = compress(data), zlib.compress(data, 1)
        assert zlib.decompress(got) == zlib.decompress(plain) == data
        d = zlib.decompressobj()
        assert d.decompress(got + b"more") == data and d.eof and d.unused_data == b"more"
        assert len(got) <= len(plain) * 1.01 + 16


def test_facts_streams_compressed_with_a_small_table_read_back_as_zlib_compress() -> None:
    payloads = _payloads()
    assert len(payloads) > 150
    _compress_checked(findings.compress, payloads)
    # the same zlib header as zlib.compress(…, 1): level 1, a 32 KB window
    assert findings.compress(b"abc")[:2] == zlib.compress(b"abc", 1)[:2]


def test_a_broken_compress_is_caught() -> None:
    payloads = _payloads()

    def unflushed(data: bytes) -> bytes:
        c = zlib.compressobj(1, zlib.DEFLATED, zlib.MAX_WBITS, findings._MEM_LEVEL)
        return c.compress(data) + c.flush(zlib.Z_SYNC_FLUSH)  # (no end of stream)

    with pytest.raises((AssertionError, zlib.error)):
        _compress_checked(unflushed, payloads)
    with pytest.raises(AssertionError):
        _compress_checked(lambda data: zlib.compress(data, 0), payloads)  # (stored: far longer)


def test_packed_facts_read_back_as_before() -> None:
    """A worker's packed facts (raw bytes) and the cache's (base64) read back as the facts collected, every part."""
    checked = 0
    for r in _results():
        if not r.facts:
            continue
        plain = json.loads(json.dumps(Facts(r.facts).as_dict()))
        for raw in (True, False):
            held = Facts.of(json.loads(json.dumps(Facts.packed(r.facts)))) if not raw else Facts.of(
                Facts.packed(r.facts, raw=True))
            assert json.loads(json.dumps(held.as_dict())) == plain
            for key in plain.get("cells", {}):
                assert held.figure(key) == Facts(r.facts).figure(key)
        checked += 1
    assert checked >= 40


# -- a body key kept by agency name -------------------------------------------------------------------------------


def _names() -> list[str]:
    rnd = random.Random(1402)
    names = [r.report["agency"] for r in _results() if r.report and r.report.get("agency")]
    pieces = ["青禾市", "云岭区", "人民政府", "办公室", "街道办事处", "镇", "乡政府", "（原某局）", " ", "\u3000", "《", "”",
              "城市管理局", "自治县", "沛县", "社区", "政府", "ｓ", "", "x" * 150]
    names += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 6))) for _ in range(3000)]
    names += ["y" * 250, "z" * 201 + "局", "政府", "人民政府", " "]
    return names


def _keys_checked(key_of: Callable[[str | None], Any]) -> None:
    """``key_of`` gives what working the key out gives, for each name asked twice (then kept) and in another order."""
    names = _names()
    for name in [*names, *reversed(names), None, ""]:
        want = identity._body_key(name) if name else None
        assert key_of(name) == want, name
        text = identity.key_text(want) if want else ""
        assert identity.body_name(name) == (text if identity._HAS_WORD.search(text) else None)


def test_body_keys_kept_by_name_are_worked_out_keys() -> None:
    memo.forget()
    _keys_checked(identity.body_key)
    kept = identity._BODY_KEYS
    assert 0 < len(kept) <= kept.limit and all(len(n) <= identity._KEPT_NAME for n in kept)


def test_a_body_key_kept_by_a_wrong_key_is_caught() -> None:
    wrong: dict[str, Any] = {}

    def by_head(name: str | None) -> Any:  # kept by the name's first four characters: a wrong key
        if not name:
            return None
        if name[:4] not in wrong:
            wrong[name[:4]] = identity._body_key(name)
        return wrong[name[:4]]

    with pytest.raises(AssertionError):
        _keys_checked(by_head)
