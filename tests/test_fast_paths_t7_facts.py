"""The fast paths of round 7 in the cross-report facts, against what they replace: a report's paragraphs collected
(hashes, digits masked, places, previews, the whole-area search) in passes over all of them, the packed parts'
JSON in UTF-8, a figure's place read by its position, the base64 test of a packed text (what another process or the
cache sends: it must accept and refuse exactly what the pattern did) and a file result's fields read back."""

from __future__ import annotations

import base64
import itertools
import json
import random
import re
import tempfile
import zlib
from functools import cache
from pathlib import Path
from typing import Any

from disclosure_lint.api import Checker, FileResult
from disclosure_lint.batch import facts
from disclosure_lint.batch.findings import AT, NOT_OPEN, PACKED, Facts, Report, _base64, packed_ok
from disclosure_lint.model import Anchor, Block, Document
from disclosure_lint.readers import read_path
from disclosure_lint.report import interpret
from disclosure_lint.report.repeats import normalize_all

from .benchgen import generated

ROOT = Path(__file__).resolve().parent.parent


# -- the reports ---------------------------------------------------------------------------------------------------


@cache
def _reports() -> tuple[Any, ...]:
    """40 generated reports, the examples, the Markdown fixtures and documents made here (anchors on pages, several
    anchors, pointers, sections whose label is empty, Unicode digits, the whole-area words across paragraphs)."""
    with tempfile.TemporaryDirectory() as d:
        paths = []
        for name, text in generated(40):
            p = Path(d) / name
            p.write_text(text, encoding="utf-8")
            paths.append(p)
        # a paragraph over several lines (its block has an anchor per line)
        p = Path(d) / "multi.md"
        p.write_text("# 某市某局2024年政府信息公开工作年度报告\n\n## 一、总体情况\n\n2023年，我局全年共收到\n政府信息"
                     "公开申请12件，比上年增加3件。\n\n全市共收到\n\n申请5件，另有全区办理政府信息公开申请数件。\n",
                     encoding="utf-8")
        paths.append(p)
        paths += sorted(ROOT.glob("examples/*.md")) + sorted((ROOT / "tests" / "fixtures").rglob("*.md"))[:20]
        reps = [interpret(read_path(str(p))) for p in paths]
    made = [Block(index=0, kind="heading", text="某局2024年政府信息公开工作年度报告", line=1, column=1),
            Block(index=1, kind="paragraph", text="第一行２０２３年，我局收到申请１２件第二行", anchors=(
                Anchor(0, 3, 1, 2), Anchor(3, 4, 1, 2))),
            Block(index=2, kind="paragraph", text="全市共收到政府信息公开申请٣٤件，比上年多۵件", anchors=(Anchor(1, 7, 5),),
                  pointer="第2段"),
            Block(index=3, kind="heading", text="一、总体情况", line=8, column=1),
            Block(index=4, kind="paragraph", text="2023年度，本单位主动公开政府信息1796条，其中##条", line=9, column=4,
                  pointer="p"),
            Block(index=5, kind="paragraph", text="全区共有二十个部门。收到申请的部门有十个", pointer="第4段"),
            Block(index=6, kind="list_item", text="2023年以来，我委办理申请１２３件（全县）", pointer=""),
            Block(index=7, kind="paragraph", text="本报告所列数据统计期限为2024年1月1日至12月31日", anchors=(
                Anchor(0, 2, 3, 4),)),
            Block(index=8, kind="paragraph", text="短短", pointer="第9段"),
            Block(index=9, kind="paragraph", text="一行\t两格的表格内容，不算段落的正文", pointer="第10段"),
            Block(index=10, kind="paragraph", text="a | b | c 不算段落的正文内容呢", pointer="第11段"),
            Block(index=11, kind="paragraph", text="全省  收到  申请  十二件，这一段有空格 和　全角空格", anchors=(
                Anchor(0, 12, 1), Anchor(5, 12, 9))),
            Block(index=12, kind="heading", text="", line=20, column=1),
            Block(index=13, kind="paragraph", text="2023年，我局的一段在空标题之下的文字", line=21, column=1)]
    reps.append(interpret(Document(path="x.md", format="markdown", encoding="utf-8", text="", blocks=tuple(made))))
    return tuple(reps)


def _reference_paragraphs(rep: Any) -> tuple[list[list[Any]], list[list[Any]], bool]:
    """``facts._paragraphs`` as it was: paragraph by paragraph."""
    paras: list[list[Any]] = []
    own: list[list[Any]] = []
    whole_area = False
    last_year = str(rep.year - 1) if rep.year is not None else None
    skip = rep.statistics_blocks
    title = rep.title_block
    blocks = [b for b in rep.text_blocks
              if b.kind in ("paragraph", "list_item") and b.index not in skip and b is not title]
    for b, key in zip(blocks, normalize_all([b.text for b in blocks]), strict=True):
        if len(key) < facts.MIN_PARAGRAPH or "|" in key or "\t" in b.text:
            continue
        exact = facts._h(key)
        whole_area = whole_area or facts._WHOLE_AREA.search(b.text) is not None
        if rep.first_part is None or b.index >= rep.first_part:  # (not the opening above the first part)
            paras.append([facts._h(facts._DIGITS.sub("#", key)), exact, len(key), facts._block_place(rep, b),
                          facts._preview(b.text)])
        if last_year is None or last_year not in b.text:
            continue
        for m in facts._OWN_YEAR.finditer(b.text):
            if m.group(1) == last_year:
                start = m.start(1)
                stop = min(len(b.text), start + 60)
                end = next((i for i in range(start, stop) if b.text[i] in "。；！？"), stop)
                own.append([int(m.group(1)), exact, facts._place(rep, b, start=start, end=end), b.text[start:end]])
    return paras, own, whole_area


def test_paragraphs_as_one_by_one():
    n = areas = own = 0
    for rep in _reports():
        got, want = facts._paragraphs(rep), _reference_paragraphs(rep)
        assert got == want
        assert json.dumps(got, ensure_ascii=False) == json.dumps(want, ensure_ascii=False)
        n += len(got[0])
        areas += got[2]
        own += len(got[1])
    assert n > 500 and areas >= 2 and own >= 3


def test_block_places_as_block_place():
    n = 0
    for rep in _reports():
        blocks = [b for b in rep.blocks if b.kind != "table"]
        assert facts._block_places(rep, blocks) == [facts._block_place(rep, b) for b in blocks]
        n += len(blocks)
    assert n > 1000


def test_whole_area_is_not_found_across_paragraphs():
    made = [Block(index=0, kind="paragraph", text="全市政府信息公开工作平稳有序，共", line=1, column=1),
            Block(index=1, kind="paragraph", text="收到政府信息公开申请十二件，均已按期办结完毕", line=2, column=1)]
    rep = interpret(Document(path="x.md", format="markdown", encoding="utf-8", text="", blocks=tuple(made)))
    assert facts._paragraphs(rep) == _reference_paragraphs(rep)
    assert facts._paragraphs(rep)[2] is False


def test_hashes_as_each_text_hashed():
    rnd = random.Random(7)
    texts = ["", "a", "的", "全角１２３", "🙂", *("".join(rnd.choice("的是0123abc#") for _ in range(rnd.randint(0, 30)))
                                         for _ in range(300))]
    assert facts._hashes_of(texts) == [facts._h(t) for t in texts]
    assert facts._hashes_of([]) == []


def test_digits_masked_joined_as_each_masked():
    """The keys hold no whitespace: masked joined by newlines, each is masked as alone (Unicode digits too)."""
    rnd = random.Random(8)
    pool = "的是0123456789٣۵१１#abc"
    for _ in range(300):
        keys = ["".join(rnd.choice(pool) for _ in range(rnd.randint(0, 20))) for _ in range(rnd.randint(1, 8))]
        assert facts._DIGITS.sub("#", "\n".join(keys)).split("\n") == [facts._DIGITS.sub("#", k) for k in keys]


# -- the packed parts' JSON ------------------------------------------------------------------------------------------


@cache
def _collected() -> tuple[dict, ...]:
    with tempfile.TemporaryDirectory() as d:
        paths = []
        for name, text in generated(40):
            p = Path(d) / name
            p.write_text(text, encoding="utf-8")
            paths.append(str(p))
        checker = Checker()
        return tuple(r.facts for p in paths if (r := checker.check_file(p, True)).facts)


def _streams(text: bytes) -> list[bytes]:
    """The compressed streams of a packed text, each decompressed (the figures' part has two: round 11)."""
    out = []
    while text:
        d = zlib.decompressobj()
        out.append(d.decompress(text))
        text = d.unused_data
    return out


def test_parts_in_utf8_read_back_as_they_were():
    for f in _collected():
        held = Facts(f)
        raw = [r for t in held._texts for r in _streams(t)]
        assert all(b"\\u" not in r for r in raw) and any(re.search(rb"[\x80-\xff]", r) for r in raw)
        again = Facts.of(json.loads(json.dumps(held.pack())))
        assert json.dumps(again.as_dict()) == json.dumps(held.as_dict()) == json.dumps(Facts(f).as_dict())
    # parts escaped as before (a cache entry of the previous version) read the same
    f = _collected()[0]
    held = Facts(f)
    old = [b"".join(zlib.compress(json.dumps(json.loads(r), separators=(",", ":")).encode(), 1) for r in _streams(t))
           for t in held._texts]
    head, _texts, keys, values, hashes = held.pack()[PACKED]
    again = Facts.of({PACKED: [head, [base64.b64encode(t).decode("ascii") for t in old], keys, values, hashes]})
    assert json.dumps(again.as_dict()) == json.dumps(held.as_dict())


def test_a_text_with_a_lone_surrogate_is_escaped():
    place = [3, 1, 3, 2, "表三 › \ud800 › 自然人"]
    f = {"year": 2024, "cells": {"s3:new:total": [12, place]}, "paras": [["0123abcd", "ffff0000", 12, place, "\udfff"]]}
    held = Facts(f)
    assert all(any(b"\\u" in r for r in _streams(t)) for t in held._texts)
    for h in (held, Facts.of(json.loads(json.dumps(held.pack())))):
        assert h.as_dict() == f
        assert Report("a.md", h).cell("s3:new:total") == (12, place)


# -- a figure's place by its position --------------------------------------------------------------------------------


def _reference_cell(held: Facts, key: str) -> tuple[Any, Any] | None:
    """``Report.cell`` as it was: through the ``cells`` dict."""
    if held.value(key) is None:
        return None
    got = (held.get("cells") or {}).get(key)
    if not isinstance(got, list) or len(got) != 2 or not isinstance(got[0], (int, float)):
        return None
    return got[0], got[1]


def _tried(fn: Any, *args: Any) -> tuple[str, Any]:
    """What ``fn(*args)`` gives as JSON, or the type of what it raises (a part written by hand may make both
    forms fail, the same way)."""
    try:
        return "ok", json.dumps(fn(*args))
    except Exception as exc:  # noqa: BLE001 - compared
        return "raised", type(exc).__name__


def _same_cells(held: Facts, keys: list[str]) -> None:
    for key in [*keys, NOT_OPEN, "not_open", "s3:nothing", ""]:
        got = _tried(held.figure, key)
        assert got == _tried(_reference_cell, held, key)
        assert _tried(Report("a.md", held).cell, key) == got
        if got[0] == "ok":
            cell = held.figure(key)
            assert Report("a.md", held).place(key) == (None if cell is None else cell[1])
    held.release()
    assert held._where is None and all(p is None for p in held._rest)


def test_figures_read_by_position_as_through_the_cells():
    n = 0
    for f in _collected():
        keys = list(f["cells"])
        for held in (Facts(f), Facts.of(json.loads(json.dumps(Facts(f).pack())))):
            _same_cells(held, keys)
            n += 1
    assert n > 50


def _packed_with(first: Any, keys: str, values: list, raw: bool = False) -> dict:
    """Packed facts whose figures' part is the JSON of ``first`` (``raw``: the packed text ``first`` itself; a tuple:
    the JSON of its first, then its second's, or those bytes)."""
    base = Facts({"cells": {"s3:new:total": [12, [1, 2, 3, 4, None]]}, "paras": [], "z": 3}).pack()
    head, texts, _keys, _values, hashes = base[PACKED]
    if isinstance(first, tuple):
        more = first[1] if isinstance(first[1], bytes) else zlib.compress(json.dumps(first[1]).encode())
        text = base64.b64encode(zlib.compress(json.dumps(first[0]).encode()) + more).decode()
    else:
        text = first if raw else base64.b64encode(zlib.compress(json.dumps(first).encode())).decode()
    return {PACKED: [head, [text, texts[1]], keys, values, hashes]}


def test_figures_of_malformed_parts_as_through_the_cells():
    place = [1, 2, 3, 4, "表三"]
    keys = "s3:new:total\ns3:new:x\n" + NOT_OPEN
    # (the places form: the numbers, then the pointers in a stream of their own; round 11)
    firsts = [({AT: [*place[:4], 0, 0, 0, 0, 5, 5, 5, 5]}, ["表三", None, [5]]), ({AT: [*place[:4], 1, 2, 3, 4]}, [None, "x"]),
              ({AT: []}, []), ({AT: "x"}, []), ({AT: None}, []), ({AT: place[:4] * 4}, ["表三"] * 4),
              ({AT: place[:4] * 3}, "x"), ({AT: place[:4] * 3}, None), ({AT: place[:4] * 3}, b"not zlib"),
              ({AT: place[:4] * 3}, b""), {"cells": {"s3:new:total": [12, place]}},
              {"cells": {"s3:new:total": ["x", place], "s3:new:x": [1]}, "not_open": [4, place]},
              {"cells": "x"}, [], [[place], {}], "x", None, 12]
    for first, raw in [*((f, False) for f in firsts), ("", True), ("QUJD", True),
                       (base64.b64encode(b"not zlib").decode(), True)]:
        for k, values in [(keys, [12, 2.5, 4]), (keys, ["x", None, True]), ("s3:new:total\ns3:new:total", [1, 2]),
                          ("", []), ("s3:new:total", [12])]:
            packed = _packed_with(first, k, values, raw)
            assert packed_ok(packed) == all(isinstance(v, (int, float)) for v in values)
            _same_cells(Facts.of(packed), k.split("\n") if k else [])  # (values not numbers: Facts.of unchecked)
    # a plain dict whose figures are not all well formed (kept as it is, not as places)
    for cells in ({"s3:new:total": [12, place], "s3:bad": ["x", place]}, {"s3:new:total": [12, place], NOT_OPEN: [1, place]},
                  {"s3:a\nb": [5, place], "s3:new:total": [1.5, None]}):
        held = Facts({"year": 2024, "cells": cells, "not_open": [4, place]})
        _same_cells(held, list(cells))


def test_cross_year_places_as_before():
    """The places the pair checks put in their findings, each read both ways from the same packed facts."""
    for f in _collected()[:10]:
        packed = json.loads(json.dumps(Facts(f).pack()))
        for key in [*f["cells"], NOT_OPEN]:
            held = Facts.of(packed)
            assert Report("a.md", held).place(key) == (None if (c := _reference_cell(held, key)) is None else c[1])


# -- the base64 test of a packed text --------------------------------------------------------------------------------

_PATTERN = re.compile(r"(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?")  # the test it replaces


def _mutations(rnd: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        t = list(base64.b64encode(bytes(rnd.randrange(256) for _ in range(rnd.randrange(0, 40)))).decode())
        for _ in range(rnd.randrange(0, 4)):
            op = rnd.randrange(3)
            i = rnd.randrange(len(t) + 1)
            c = rnd.choice("=A/+\n \t\x00é-_.\u3000\ud800🙂")
            if op == 0:
                t.insert(i, c)
            elif t and op == 1:
                del t[min(i, len(t) - 1)]
            elif t:
                t[min(i, len(t) - 1)] = c
        out.append("".join(t))
    return out


def test_base64_as_the_pattern():
    n = 0
    for length in range(9):
        for chars in itertools.product("AB+/=\né", repeat=length) if length < 8 else ():
            t = "".join(chars)
            assert _base64(t) == (_PATTERN.fullmatch(t) is not None), t
            n += 1
    for t in _mutations(random.Random(1), 30_000) + ["====", "A===", "AA==", "AAA=", "AAAA", "AA=A", "=AAA", "",
                                                     "AAAA====", "AAAAA===", "AA==AA==", "AAAA\n", "ＡＡＡＡ"]:
        assert _base64(t) == (_PATTERN.fullmatch(t) is not None), t
        n += 1
    assert n > 400_000


def _reference_packed_ok(f: Any) -> bool:
    """``packed_ok`` as it was (the pattern for the texts, a generator for the values; since round 11 a text may be
    bytes, as a worker sends them: parallel.message)."""
    if not isinstance(f, dict) or PACKED not in f:
        return isinstance(f, dict) or f is None
    p = f[PACKED]
    if not (isinstance(p, list) and len(p) == 5 and len(f) == 1 and isinstance(p[0], dict)):
        return False
    _head, texts, keys, values, hashes = p
    return (isinstance(texts, list) and len(texts) == 2
            and all(isinstance(t, bytes) or (isinstance(t, str) and _PATTERN.fullmatch(t) is not None) for t in texts)
            and isinstance(keys, str) and isinstance(values, list)
            and len(values) == (keys.count("\n") + 1 if keys else 0)
            and all(isinstance(v, (int, float)) for v in values)
            and (hashes is None or (isinstance(hashes, list) and len(hashes) == 3
                                    and isinstance(hashes[0], str) and isinstance(hashes[1], str)
                                    and isinstance(hashes[2], list)
                                    and all(type(n) is int and 0 <= n < 2 ** 63 for n in hashes[2])
                                    and len(hashes[0]) == len(hashes[1]) == 8 * len(hashes[2]))))


def test_packed_ok_as_before_on_valid_and_malformed_inputs():
    rnd = random.Random(2)
    packs = [json.loads(json.dumps(Facts(f).pack())) for f in _collected()]
    inputs: list[Any] = [None, {}, [], "x", 3, {"a": 1}, {PACKED: None}, {PACKED: []}, {PACKED: [1, 2, 3, 4, 5]}]
    inputs += packs
    texts = _mutations(rnd, 3_000)
    for _ in range(6_000):
        head, ts, keys, values, hashes = json.loads(json.dumps(rnd.choice(packs)))[PACKED]
        what = rnd.randrange(9)
        if what == 0:
            ts[rnd.randrange(2)] = rnd.choice(texts)
        elif what == 1:
            ts = rnd.choice([ts[:1], [*ts, ts[0]], "x", None, [ts[0], 3], [b"QUJD", ts[1]]])
        elif what == 2 and values:
            values[rnd.randrange(len(values))] = rnd.choice([None, "1", True, [], {}, 1.5, -3, float("nan"), 10**30])
        elif what == 3:
            values = rnd.choice([values[:-1], [*values, 1], (), None])
        elif what == 4:
            keys = rnd.choice(["", keys + "\n", keys.replace("\n", "\r"), None, 3])
        elif what == 5 and hashes is not None:
            hashes[2] = [rnd.choice([0, -1, 2 ** 63, 2 ** 63 - 1, True, 1.0, "1"]) for _ in hashes[2]]
        elif what == 6 and hashes is not None:
            hashes = rnd.choice([None, hashes[:2], [hashes[0][1:], hashes[1], hashes[2]], "x", [1, 2, 3]])
        elif what == 7:
            head = rnd.choice([head, [], None, "x"])
        inputs.append({PACKED: [head, ts, keys, values, hashes]} if what != 8 else
                      {PACKED: [head, ts, keys, values, hashes], "x": 1})
    accepted = 0
    for f in inputs:
        got = packed_ok(f)
        assert got == _reference_packed_ok(f)
        accepted += got
    assert 500 < accepted < len(inputs) - 500


# -- a file result read back -----------------------------------------------------------------------------------------


def _reference_from_json(cls: type, data: Any) -> Any:
    """``FileResult.from_json`` as it was: the dataclass's fields read on each call."""
    from dataclasses import fields

    from disclosure_lint.api import _JSON_TYPES, _diagnostic

    if not isinstance(data, dict) or not isinstance(data.get("path"), str):
        raise ValueError("not a file result")
    path = data["path"]
    values: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in data:
            continue
        value = data[f.name]
        if f.name == "diagnostics":
            if not isinstance(value, list):
                raise ValueError("diagnostics")
            value = [_diagnostic(d, path) for d in value]
        elif not isinstance(value, _JSON_TYPES.get(str(f.type), object)):
            raise ValueError(f.name)
        values[f.name] = value
    return cls(**values)


def _outcome(fn: Any, *args: Any) -> Any:
    try:
        return ("ok", fn(*args))
    except ValueError as exc:
        return ("error", str(exc))


def test_file_results_read_back_as_before():
    rnd = random.Random(3)
    with tempfile.TemporaryDirectory() as d:
        paths = []
        for name, text in generated(12):
            p = Path(d) / name
            p.write_text(text, encoding="utf-8")
            paths.append(str(p))
        results = [Checker().check_file(p, True).to_json() for p in paths]
    odd: list[Any] = [None, [], {}, {"path": 3}, {"path": "a.md"}, {"path": "a.md", "extra": 1}]
    values = [None, 1, "x", [], {}, True, 1.5]
    for _ in range(400):
        r = dict(rnd.choice(results))
        r[rnd.choice([*r, "new"])] = rnd.choice(values)
        odd.append(r)
    for data in [*results, *odd]:
        assert _outcome(FileResult.from_json, data) == _outcome(_reference_from_json, FileResult, data)

    from dataclasses import dataclass

    @dataclass
    class More(FileResult):
        extra: str | None = None

    for data in [*results[:3], {"path": "a.md", "extra": "x"}, {"path": "a.md", "extra": 3}]:
        assert _outcome(More.from_json, data) == _outcome(_reference_from_json, More, data)
