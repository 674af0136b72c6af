"""The fast paths of round 14 (a ``--jobs`` worker's facts and the parent's cross-report findings) against the plain
ways they replace: the facts' streams compressed with a small hash table (findings.compress) against
``zlib.compress(…, 1)``; a body key kept by agency name (identity.body_key) against working it out; a finding made
by ``new_diagnostic`` (the cross-report checks' and a worker's findings read back) against ``Diagnostic(...)``.  Each
comparison is also run against a broken fast path, to show that it can fail."""

from __future__ import annotations

import json
import random
import string
import tempfile
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from disclosure_lint import memo, packs
from disclosure_lint.api import Checker, FileResult
from disclosure_lint.batch import findings, identity, peers
from disclosure_lint.batch.findings import Facts, Report
from disclosure_lint.diagnostics import Diagnostic, Edit, Fix, new_diagnostic
from disclosure_lint.packs import format_message

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


# -- a finding made by new_diagnostic -------------------------------------------------------------------------------


def _fields(rnd: random.Random) -> dict[str, Any]:
    pick = rnd.choice
    fix = pick([None, Fix("改", (Edit(1, 2, 1, 3, "，"),)), Fix("改", (Edit(None, None, None, None, "x", "p"),),
                                                                 "unsafe", True)])
    return {"path": pick(["a.md", "目录/报告.md", ""]), "code": pick(["DL242", "DL000"]), "rule": pick(["r", "规则"]),
            "category": pick(["statistics", "writing"]), "severity": pick(["error", "warning", "info"]),
            "message": pick(["m", "表三“二、上年结转”与上年不一致", ""]),
            "line": pick([None, 0, 1, 10 ** 6]), "column": pick([None, 1, 7]), "end_line": pick([None, 2, 3]),
            "end_column": pick([None, 4, 9]), "pointer": pick([None, "表三 › 自然人", ""]), "match": pick([None, "", "x"]),
            "evidence": pick([{}, {"expected": 1, "actual": 2}, {"other_place": [1, 2, 3, 4, "p"], "k": [{"a": None}]}]),
            "fix": fix, "fingerprint": pick(["", "0123456789abcdef"])}


def _made_checked(make: Callable[..., Diagnostic]) -> None:
    """``make(**fields)`` is the finding ``Diagnostic(**fields)`` is: equal, same repr, JSON and fields; frozen."""
    rnd = random.Random(1403)
    for _ in range(3000):
        f = _fields(rnd)
        got, want = make(**f), Diagnostic(**f)
        assert type(got) is Diagnostic
        assert got == want and repr(got) == repr(want)
        assert json.dumps(got.to_json()) == json.dumps(want.to_json())
        assert all(getattr(got, k) is v for k, v in f.items())
        with pytest.raises(AttributeError):
            got.line = 5  # type: ignore[misc]


def test_new_diagnostic_is_the_constructors_finding() -> None:
    _made_checked(new_diagnostic)


def test_a_wrong_maker_is_caught() -> None:
    def swapped(**f: Any) -> Diagnostic:
        f["end_line"], f["end_column"] = f["end_column"], f["end_line"]
        return new_diagnostic(**f)

    with pytest.raises(AssertionError):
        _made_checked(swapped)


def test_findings_read_back_as_the_constructor_made_them() -> None:
    """A finding read back (from a worker or the cache: Diagnostic.from_json) is the one the constructor makes of
    the same JSON, for each finding of the reports and random ones; and what from_json refuses it still refuses."""
    rnd = random.Random(1404)
    diags = [d for r in _results() for d in r.diagnostics]
    diags += [Diagnostic(**_fields(rnd)) for _ in range(500)]
    assert len(diags) > 540
    for d in diags:
        data = json.loads(json.dumps(d.to_json()))
        got = Diagnostic.from_json(data, d.path)
        fix = d.fix
        want = Diagnostic(path=d.path, **{**data, "evidence": data.get("evidence") or {}, "fix": fix})
        assert got == want == d and repr(got) == repr(want)
        short = {k: v for k, v in data.items() if k not in ("line", "pointer", "match", "evidence", "fix")}
        assert Diagnostic.from_json(short, "p") == Diagnostic(path="p", **short)
    for bad in ({}, {"code": 1}, {**diags[0].to_json(), "x": 1}, {**diags[0].to_json(), "line": True},
                {**diags[0].to_json(), "severity": "fatal"}):
        with pytest.raises(ValueError):
            Diagnostic.from_json(bad, "p")


# -- a message formatted by its % form -----------------------------------------------------------------------------


class _Shown:
    def __str__(self) -> str:
        return "显示"


class _Text(str):
    def __str__(self) -> str:
        return "子类"


class _Answers(dict):
    def __missing__(self, key: str) -> str:
        return "缺"


def _message_before(template: str, params: dict) -> str:
    """format_message of round 9: the pieces joined one by one."""
    out = []
    for literal, field_name, spec, conversion in string.Formatter().parse(template):
        out.append(literal)
        if field_name is None:
            continue
        if field_name in params and not spec and not conversion:
            out.append(str(params[field_name]))
        else:
            out.append("{" + field_name + "}")
    return "".join(out)


def _messages_checked(fmt: Callable[[str, dict], str]) -> None:
    rnd = random.Random(1405)
    pieces = ["{a}", "{b}", "{match}", "{c!r}", "{d:>3}", "{x.y}", "{}", "{0}", "{{", "}}", "%", "%s", "%%", "%(a)s",
              "表三", " ", "{ a }", "{a[0]}"]
    values = [1, 2.5, None, "文", "%s", "%", (1, 2), (), [1], {"k": 1}, True, _Shown(), _Text("t"), b"x", 0.1 + 0.2]
    for _ in range(4000):
        template = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(0, 8)))
        params = {k: rnd.choice(values) for k in rnd.sample(["a", "b", "match", "c", "d", "x"], rnd.randrange(0, 6))}
        for p in (params, _Answers(params)):
            try:
                want = _message_before(template, p)
            except ValueError:  # (a template Formatter cannot parse: refused alike)
                with pytest.raises(ValueError):
                    fmt(template, p)
                continue
            assert fmt(template, p) == want == fmt(template, p), (template, p)


def test_messages_formatted_by_their_percent_form_as_before() -> None:
    memo.forget()
    _messages_checked(format_message)


def test_a_wrong_percent_form_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    memo.forget()
    real = packs._pieces

    def unescaped(template: str) -> Any:  # a literal's % left as it is
        pieces, form, names = real(template)
        return pieces, None if form is None else "".join(
            lit + ("%s" if n is not None else "") for lit, n, _s in pieces), names

    monkeypatch.setattr(packs, "_pieces", unescaped)
    with pytest.raises((AssertionError, TypeError, ValueError)):
        _messages_checked(format_message)
    memo.forget()


# -- the rates' terms read at once ---------------------------------------------------------------------------------


def _terms_checked(values_of: Callable[[Facts, tuple[str, ...]], list[Any]]) -> None:
    """For each report and rate, the terms rate_outliers builds from ``values_of`` are the dict of round 13 (each term's
    ``_value``, in the rate's order)."""
    checked = 0
    for r in _results():
        if not r.facts:
            continue
        rep = Report(r.path, Facts(r.facts))
        values = values_of(rep.facts, peers._TERMS)
        for rate, at in peers._RATE_TERMS:
            old = {k: peers._value(rep, k) for k in (*rate.numerator, *rate.denominator, *rate.minus)}
            new = {k: values[i] for k, i in at}
            assert list(new.items()) == list(old.items())
            assert rate.parts(new.get) == rate.parts(old.get)
            checked += old.get("not_open") is not None
    assert checked > 20


def test_rate_terms_read_at_once_are_each_terms_value() -> None:
    _terms_checked(Facts.values_of)


def test_wrong_rate_terms_are_caught() -> None:
    with pytest.raises(AssertionError):
        _terms_checked(lambda facts, keys: [facts.value(k) for k in reversed(keys)])
