"""A cross-report finding: a :class:`.Diagnostic` of a rule of the current report's configuration, placed at a
place of the report's facts (:mod:`.facts`), with the rule's message, severity and a stable fingerprint."""

from __future__ import annotations

import base64
import json
import os
import zlib
from array import array
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain, repeat
from typing import Any

from ..diagnostics import Diagnostic, fingerprint, new_diagnostic
from ..engine import ActiveRule
from ..memo import Kept
from ..packs import format_message
from ..report.agency import KIND_NAMES

PACKED = "~packed"  # the key of facts compressed by :meth:`Facts.pack`
NOT_OPEN = "~not_open"  # the key of the facts' ``not_open`` figure among :meth:`Facts.value`'s


def packed_ok(facts: Any) -> bool:
    """Whether ``facts`` (from another process) is a plain dict of facts or a well-formed :meth:`Facts.pack` (its
    parts as base64 text, or as bytes: :meth:`Facts.packed` ``raw``, from a worker)."""
    if not isinstance(facts, dict) or PACKED not in facts:
        return isinstance(facts, dict) or facts is None
    p = facts[PACKED]
    if not (isinstance(p, list) and len(p) == 5 and len(facts) == 1 and isinstance(p[0], dict)):
        return False
    _head, texts, keys, values, hashes = p
    return (isinstance(texts, list) and len(texts) == len(_PARTS)
            and all(isinstance(t, bytes) or (isinstance(t, str) and _base64(t)) for t in texts)
            and (isinstance(keys, str) or (isinstance(keys, bytes) and _keys_ok(keys))) and isinstance(values, list)
            and len(values) == (_lines(keys) if keys else 0)
            and all(map(isinstance, values, repeat((int, float))))
            and (hashes is None or (isinstance(hashes, list) and len(hashes) == 3
                                    and isinstance(hashes[0], str) and isinstance(hashes[1], str)
                                    and isinstance(hashes[2], list) and _sizes_ok(hashes[2])
                                    and len(hashes[0]) == len(hashes[1]) == HASH * len(hashes[2]))))


def _lines(keys: str | bytes) -> int:
    return keys.count(b"\n") + 1 if isinstance(keys, bytes) else keys.count("\n") + 1


def _keys_ok(keys: bytes) -> bool:
    """Whether the figures' keys as bytes (from a worker: :meth:`Facts.packed` ``raw``) are UTF-8 text (as
    :func:`_layout` reads them)."""
    if keys in _LAYOUTS:
        return True
    try:
        keys.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return False
    return True


_BASE64_ALPHABET = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _base64(t: str) -> bool:
    """Whether ``t`` is what b64encode writes: ``(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?``
    matched whole, here by C-level passes (that pattern's groups of four, a step of the regex engine's loop each,
    took ≈ 6× as long): a length that is a multiple of 4, ASCII, and but for one or two ``=`` at the end nothing but
    the alphabet (the end's ``=`` make the last group XX== or XXX=)."""
    if len(t) % 4 or not t.isascii():
        return False
    body = t[:-2] if t.endswith("==") else t[:-1] if t.endswith("=") else t
    return not body.encode("ascii").translate(None, _BASE64_ALPHABET)


def _figures(rest: dict[str, Any]) -> tuple[list[str], list[Any]]:
    """The keys and values of the figures a check compares: each well-formed cell's value (``[number, place]``)
    and the ``not_open`` figure's (under :data:`NOT_OPEN`).  (A key with a line break, which no check asks for,
    is left out: the keys travel joined by line breaks.)"""
    keys: list[str] = []
    values: list[Any] = []
    cells = rest.get("cells")
    if isinstance(cells, dict):
        for k, got in cells.items():
            if isinstance(got, list) and len(got) == 2 and isinstance(got[0], (int, float)) and "\n" not in k:
                keys.append(k)
                values.append(got[0])
    got = rest.get("not_open")
    if isinstance(got, list) and len(got) == 2 and isinstance(got[0], (int, float)):
        keys.append(NOT_OPEN)
        values.append(got[0])
    return keys, values


HASH = 8  # characters of a paragraph hash (:func:`.facts._h`)


def _size_ok(n: Any) -> bool:
    return type(n) is int and 0 <= n < 2 ** 63


def _sizes_ok(sizes: list[Any]) -> bool:
    """``all(_size_ok(n) for n in sizes)`` by C-level passes (a report has ≈ 16 paragraphs)."""
    return not sizes or (_INT.issuperset(map(type, sizes)) and min(sizes) >= 0 and max(sizes) < 2 ** 63)


_INT = frozenset({int})


def _hashes(paras: Any) -> tuple[str, str, list[int]] | None:
    """The paragraphs' masked and exact hashes (each joined into one string) and sizes, what the copy check compares
    (:meth:`Facts.hashes`); None unless every entry is well formed (the check then reads the paragraphs)."""
    if not isinstance(paras, list):
        return None
    masked: list[str] = []
    exact: list[str] = []
    sizes: list[int] = []
    for p in paras:
        if not (isinstance(p, list) and len(p) == 5 and isinstance(p[0], str) and isinstance(p[1], str)
                and len(p[0]) == len(p[1]) == HASH and _size_ok(p[2])):
            return None
        masked.append(p[0])
        exact.append(p[1])
        sizes.append(p[2])
    return "".join(masked), "".join(exact), sizes


# the position of each key in a report's values, one dict per distinct list of keys (most reports of a run share
# one or two), so that each report holds only a tuple of its values
_LAYOUTS: dict[str | bytes, dict[str, int]] = {}
_MAX_LAYOUTS = 256


def _layout(joined: str | bytes) -> dict[str, int]:
    """The layout of the keys ``joined`` by line breaks: as text, or as UTF-8 bytes (a worker's, which its answer
    carries as they are: :func:`..parallel.message`; no text made of them at each end)."""
    got = _LAYOUTS.get(joined)
    if got is None:
        text = joined.decode("utf-8", "surrogatepass") if isinstance(joined, bytes) else joined
        got = {k: i for i, k in enumerate(text.split("\n"))} if text else {}
        if len(_LAYOUTS) < _MAX_LAYOUTS:
            _LAYOUTS[joined] = got
    return got


# the parts the rest of the facts is compressed in, each decoded alone: the figures' places (read for a finding
# about a figure) and the rest (the paragraphs, read for a finding of the copy check)
_FIGURE_KEYS = frozenset({"cells", "not_open"})
_PARTS = (_FIGURE_KEYS, None)
# the key of the figures' part when it holds only their places' numbers, four per figure in the order of the figures'
# keys (:func:`_places`), their pointers (one per figure) in a second stream after it (:func:`_pointers_text`): their
# keys and values travel beside it already
AT = "~at"


def _places(part: dict[str, Any], keys: list[str]) -> list[Any] | None:
    """The places of the figures' part ``part`` (``cells`` and ``not_open``), in the order of ``keys`` (the keys
    :func:`_figures` found), when the figures are all of it: ``cells`` a dict whose every entry is a figure (as
    :func:`.facts.collect` makes them) and ``not_open``, when there, a figure after it; None otherwise (the part is
    kept as it is)."""
    cells = part.get("cells")
    if (type(cells) is not dict or len(keys) != len(cells) + ("not_open" in part) or NOT_OPEN in cells
            or next(iter(part)) != "cells"):  # (read back as cells, then not_open)
        return None
    # every cell is a figure (so keys begins with the cells' keys, in order) and so is not_open, when there (last)
    places = [got[1] for got in cells.values()]
    if "not_open" in part:
        places.append(part["not_open"][1])
    return places


# a report's figures' pointers compressed, kept by the pointers (a report's labels: the 300 first jobs reports have
# two lists), so that a report of a layout seen compresses only its places' numbers; at most 64 lists of at most
# 4,096 characters of JSON
_POINTER_TEXTS: Kept[tuple[str | None, ...], bytes] = Kept("cross-report facts: the figures' pointers compressed", 64)
_POINTERS_LONGEST = 4096


def _pointers_text(pointers: list[Any]) -> bytes:
    """``pointers`` as compressed JSON (the stream after the numbers' in the figures' part)."""
    if not _TEXT_TYPES.issuperset(map(type, pointers)):  # (kept only when each is a text or None: 1 == True == 1.0)
        return compress(_json(pointers))
    key = tuple(pointers)
    got = _POINTER_TEXTS.get(key)
    if got is None:
        text = _json(pointers)
        got = compress(text)
        if len(text) <= _POINTERS_LONGEST:
            _POINTER_TEXTS.keep(key, got)
    return got


_TEXT_TYPES = frozenset({str, type(None)})
# the pointers read back, kept by their compressed stream (most reports' are one of a few streams: the hook reads the
# places of ≈ ¾ of the reports of a run), at most 64 lists
_POINTERS_READ: Kept[bytes, list[Any]] = Kept("cross-report facts: the figures' pointers read back", 64)


def _figures_text(figures: dict[str, Any], places: list[Any] | None) -> bytes:
    """The figures' part compressed: when the figures are all of it (``places``, :func:`_places`) and each place is
    ``[line, column, end line, end column, pointer]``, their numbers (``{AT: [...]}``, four per figure) and then, in a
    second stream, their pointers (:func:`_pointers_text`: most reports' are a list seen, compressed once); else the
    part as it is."""
    if places is None or not (set(map(type, places)) <= _LIST and set(map(len, places)) <= _FIVE):
        return compress(_json(figures))
    flat = list(chain.from_iterable(places))
    pointers = flat[4::5]
    del flat[4::5]
    return compress(_json({AT: flat})) + _pointers_text(pointers)


_LIST = frozenset({list})
_FIVE = frozenset({5})


# zlib's memory level for the facts' streams: a hash table of 2 ** (4 + 7) entries (not the default level 8's 2 ** 15,
# which deflate clears for every stream: 64 KB set to 0 for a stream of ≈ 1.3 KB) and 1,024 symbols a block.  The
# same speed level 1 and window (any zlib stream reads back alike); over 200 jobs reports' streams 0.02 % more bytes
# than zlib.compress(…, 1), ≈ 55 k instructions a stream less (callgrind).
_MEM_LEVEL = 4
_compressor = zlib.compressobj


def compress(data: bytes) -> bytes:
    """``data`` compressed at level 1 as one zlib stream (what ``zlib.compress(data, 1)`` makes, but for its memory
    level: :data:`_MEM_LEVEL`; :func:`zlib.decompress` reads either)."""
    c = _compressor(1, zlib.DEFLATED, zlib.MAX_WBITS, _MEM_LEVEL)
    return c.compress(data) + c.flush()


def _read(text: bytes) -> tuple[Any, bytes]:
    """The JSON of the first compressed stream of ``text``, and what follows it (:class:`zlib.error` for a stream cut
    short, :class:`ValueError` for bad JSON)."""
    d = zlib.decompressobj()
    raw = d.decompress(text)
    if not d.eof:
        raise zlib.error("incomplete stream")
    return json.loads(raw), d.unused_data


def _split(facts: dict[str, Any], head_keys: frozenset[str]) -> tuple[dict[str, Any], list[str], list[Any],
                                                                     tuple[str, str, list[int]] | None,
                                                                     tuple[bytes, ...]]:
    """A report's facts as :class:`Facts` holds them: the head, the figures' keys and values, the paragraphs' hashes
    (joined) and sizes, and the two compressed parts."""
    head: dict[str, Any] = {}
    figures: dict[str, Any] = {}
    rest: dict[str, Any] = {}
    for k, v in facts.items():
        (head if k in head_keys else figures if k in _FIGURE_KEYS else rest)[k] = v
    keys, values = _figures(figures)
    places = _places(figures, keys)
    hashes = _hashes(rest.get("paras"))
    # ≈ ¼ of the JSON each; the figures' part as their places only (numbers, then pointers) and, when every paragraph
    # is well formed (and the first of the rest, as collect makes them), the rest as ``[paragraphs, the rest without
    # them]``, each paragraph ``[place, preview]`` without its hashes and size: the figures' keys and values, the
    # paragraphs' hashes and sizes are at hand
    texts = (_figures_text(figures, places), compress(_json(
        [[p[3:] for p in rest.pop("paras")], rest] if hashes is not None and next(iter(rest)) == "paras" else rest)))
    return head, keys, values, hashes, texts


class Facts:
    """A report's facts as the hook holds them until the end of a run: the few small keys every check groups by,
    the figures the checks compare (:meth:`value`) and the paragraph hashes (:meth:`hashes`) at hand, the rest
    (the figures' places, the paragraphs' places and previews) kept as compressed JSON in two parts, each decoded
    only when a check reads it — as Python objects the facts take ≈ 7× their JSON size, so a run of 10,000 reports
    would hold hundreds of MB.  :meth:`release` drops the decoded parts again once a check is done with them."""

    HEAD = frozenset({"v", "agency", "kind", "year", "format", "file_format", "body", "stat_hash", "stat_nonzero",
                      "whole_area", "own_year"})
    __slots__ = ("_hashes", "_head", "_index", "_rest", "_texts", "_values", "_where")

    def __init__(self, facts: dict[str, Any]):
        head, keys, values, hashes, self._texts = _split(facts, self.HEAD)
        self._head = head
        # (the sizes 8 bytes each, not an int object)
        self._hashes = None if hashes is None else (hashes[0], hashes[1], array("q", hashes[2]))
        self._rest: list[dict[str, Any] | None] = [None] * len(_PARTS)
        self._where: list[Any] | bool | None = None
        self._index = _layout("\n".join(keys))
        self._values = tuple(values)

    @classmethod
    def packed(cls, facts: dict[str, Any], raw: bool = False) -> dict[str, Any]:
        """``Facts(facts).pack()`` (what the result cache stores), made from the parts at once: no layout looked up,
        no tuple and array of the values and sizes made to be listed again.  ``raw``: the compressed parts as bytes, not
        base64 text, and the figures' keys as UTF-8 bytes (what a ``--jobs`` worker sends: :func:`..parallel.message` carries
        bytes as they are)."""
        head, keys, values, hashes, texts = _split(facts, cls.HEAD)
        joined = "\n".join(keys)
        if keys.count(NOT_OPEN) > 1 or (not joined and keys):  # (the layout holds a key once, and none for "")
            packed = cls(facts).pack()
            if raw:
                packed[PACKED][1] = [base64.b64decode(t) for t in packed[PACKED][1]]
            return packed
        if raw:  # (the keys as UTF-8 bytes too: a worker's answer carries them after its text, not as escaped JSON)
            return {PACKED: [head, list(texts), joined.encode("utf-8", "surrogatepass"), values,
                             None if hashes is None else list(hashes)]}
        return {PACKED: [head, [base64.b64encode(t).decode("ascii") for t in texts], joined, values,
                         None if hashes is None else list(hashes)]}

    @classmethod
    def of(cls, facts: dict[str, Any]) -> Facts:
        """The facts of a result: a plain dict, or the form :meth:`pack` made in a ``--jobs`` worker (compressed
        there: the parent neither parses the cells nor compresses them again)."""
        packed = facts.get(PACKED)
        if packed is None:
            return cls(facts)
        head, texts, keys, values, hashes = packed
        self = cls.__new__(cls)
        self._head = head
        self._texts = tuple(t if isinstance(t, bytes) else base64.b64decode(t) for t in texts)
        self._rest = [None] * len(_PARTS)
        self._where = None
        self._index = _layout(keys)
        self._values = tuple(values)
        self._hashes = None if hashes is None else (hashes[0], hashes[1], array("q", hashes[2]))
        return self

    def pack(self) -> dict[str, Any]:
        """These facts as plain JSON, still compressed (:meth:`of` takes them back)."""
        h = self._hashes
        return {PACKED: [self._head, [base64.b64encode(t).decode("ascii") for t in self._texts],
                         "\n".join(self._index), list(self._values), None if h is None else [h[0], h[1], list(h[2])]]}

    def get(self, key: str, default: Any = None) -> Any:
        if key in self.HEAD:
            return self._head.get(key, default)
        i = _part(key)
        rest = self._rest[i]
        if rest is None:
            rest = self._rest[i] = self._decode(i)
        return rest.get(key, default)

    def figure(self, key: str) -> tuple[Any, Any] | None:
        """``(value, place)`` of the cell ``key`` as :meth:`Report.cell` reads it from ``get("cells")`` (None: no such
        cell, or not a number); from the figures' places by the figure's position when the figures' part holds only
        their places (:data:`AT`, as :meth:`pack` writes it): no ``cells`` dict made, kept until :meth:`release`."""
        i = self._index.get(key)
        if i is None:
            return None
        value = self._values[i]
        if value is None:
            return None
        where = self._where
        if where is None:
            where = self._where = self._places()
        if not isinstance(where, list):  # (False: the part is not the places form: read as get() reads it)
            got = (self.get("cells") or {}).get(key)
            if not isinstance(got, list) or len(got) != 2 or not isinstance(got[0], (int, float)):
                return None
            return got[0], got[1]
        # as _unplace makes the cells (the not_open figure is not one of them) when the places fit the figures
        if key == NOT_OPEN or not where or not isinstance(value, (int, float)):
            return None
        return value, where[i]

    def _places(self) -> list[Any] | bool:
        """The places of the figures' part when it is the places form and they fit the figures (one each), else
        ``[]`` (no figures, as :meth:`_unplace` reads them); False when the part is not the places form."""
        places_form, places = self._figures_part()
        if not places_form:
            return False
        index, values = self._index, self._values
        return places if isinstance(places, list) and len(places) == len(values) == len(index) and places else []

    def _figures_part(self) -> tuple[bool, Any]:
        """The figures' part decoded: ``(True, places)`` in the places form (:func:`_figures_text`; the places ``[line,
        column, end line, end column, pointer]`` again, None when its numbers and pointers do not fit), else ``(False,
        what it holds)`` (None: not what :meth:`pack` wrote)."""
        try:
            got, more = _read(self._texts[0])
            if not (isinstance(got, dict) and AT in got):
                return False, got
            flat, pointers = got[AT], _POINTERS_READ.get(more)
            if pointers is None:
                pointers = json.loads(zlib.decompress(more))
                if isinstance(pointers, list) and len(more) <= _POINTERS_LONGEST:
                    _POINTERS_READ.keep(more, pointers)  # (never changed: the places are made anew from it)
        except (zlib.error, ValueError, RecursionError):  # not what pack() wrote (an entry written by hand): nothing
            return False, None
        if not (isinstance(flat, list) and isinstance(pointers, list) and len(flat) == 4 * len(pointers)):
            return True, None
        numbers = iter(flat)  # (four at a time, each place made by C-level calls)
        return True, list(map(list, zip(numbers, numbers, numbers, numbers, pointers)))

    def _decode(self, i: int) -> dict[str, Any]:
        """Part ``i`` decoded (the figures' places with their keys and values again: ``cells`` and ``not_open``)."""
        if i == 0:
            places_form, rest = self._figures_part()
            if places_form:
                return self._unplace(rest)
        else:
            try:
                rest = json.loads(zlib.decompress(self._texts[i]))
            except (zlib.error, ValueError, RecursionError):  # not what pack() wrote (an entry written by hand)
                return {}
        if isinstance(rest, list):
            return self._unslim(rest)
        return rest if isinstance(rest, dict) else {}

    def _unslim(self, rest: list[Any]) -> dict[str, Any]:
        """The rest's part ``[paragraphs, the rest without them]`` whole again: each paragraph's ``[place, preview]``
        after its masked hash, exact hash and size (:meth:`hashes`); anything else (from another process): the rest
        without paragraphs, or nothing."""
        if not (len(rest) == 2 and isinstance(rest[1], dict)):
            return {}
        slim, other = rest
        h = self._hashes
        if h is None or not (isinstance(slim, list) and len(slim) == len(h[2])
                             and all(isinstance(p, list) and len(p) == 2 for p in slim)):
            return other
        masked, exact, sizes = h
        return {"paras": [[masked[j:j + HASH], exact[j:j + HASH], n, *p]
                          for j, n, p in zip(range(0, len(masked), HASH), sizes, slim)], **other}

    def _unplace(self, places: Any) -> dict[str, Any]:
        """``cells`` and ``not_open`` as :func:`.facts.collect` made them, from the figures' keys and values and
        ``places`` (one per figure; anything else, from another process: no figures)."""
        index, values = self._index, self._values
        if not (isinstance(places, list) and len(places) == len(values) == len(index)):
            return {}
        cells: dict[str, Any] = {}
        out: dict[str, Any] = {"cells": cells}
        for (k, i), place in zip(index.items(), places):  # (the layout's keys in order: i counts 0, 1, …)
            if k == NOT_OPEN:
                out["not_open"] = [values[i], place]
            else:
                cells[k] = [values[i], place]
        return out

    def value(self, key: str) -> Any:
        """The value of the cell ``key`` (as :meth:`Report.cell` reads it) or of :data:`NOT_OPEN`; None when the
        facts have no such figure.  Nothing is decoded."""
        i = self._index.get(key)
        return None if i is None else self._values[i]

    def values_of(self, keys: tuple[str, ...]) -> list[Any]:
        """``[self.value(k) for k in keys]``, in one call."""
        index, values = self._index, self._values
        return [None if (i := index.get(k)) is None else values[i] for k in keys]

    def hashes(self) -> tuple[str, str, array[int]] | None:
        """The ``paras``' masked hashes and exact hashes, each joined (:data:`HASH` characters per paragraph), and
        their sizes; None when the facts' ``paras`` are not all well formed.  Nothing is decoded."""
        return self._hashes

    def release(self) -> None:
        self._rest = [None] * len(_PARTS)
        self._where = None

    def as_dict(self) -> dict[str, Any]:
        out = dict(self._head)
        for i in range(len(_PARTS)):
            out.update(self._decode(i))
        return out


def _json(obj: Any) -> bytes:
    """``obj`` as compact JSON in UTF-8: Chinese text is 3 bytes a character, not a 6-byte ``\\u`` escape (less to
    escape, compress, send and parse; :meth:`Facts._decode` reads either); escaped when a text holds a lone
    surrogate, which UTF-8 cannot hold."""
    try:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()
    except UnicodeEncodeError:
        return json.dumps(obj, separators=(",", ":")).encode()


def _part(key: str) -> int:
    """Which of :data:`_PARTS` holds ``key``."""
    return next(i for i, keys in enumerate(_PARTS) if keys is None or key in keys)


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class Report:
    """One report of the run as the cross-report checks see it: its path, its facts, whether it is only a reference
    (``--previous``: compared with, never reported on) and its body (the group key of :mod:`.identity`)."""

    path: str
    facts: Facts
    reference: bool = False
    body: str | None = None

    @cached_property
    def year(self) -> int | None:
        """The report's year (kept on first read: the cross-report checks group, sort and pair by it ≈ 15 times a
        report)."""
        y = self.facts.get("year")
        return y if isinstance(y, int) else None

    @property
    def name(self) -> str:
        return os.path.basename(self.path) or self.path

    @cached_property
    def shown(self) -> str:
        """The report's path as a message names it: as the run gives it (relative to the working directory when
        given so), an absolute path under the working directory made relative to it — not the file name alone
        (a portal's archive holds an ``index.html`` per year).  Kept on first read: each finding about an earlier
        year names it (``os.path.relpath`` asks the working directory each time)."""
        return shown_path(self.path)

    def cell(self, key: str) -> tuple[float, list[Any]] | None:
        """The value and place of the cell ``key`` (decodes the facts: :meth:`value` first, where the place is
        needed only for a finding)."""
        return self.facts.figure(key)

    def value(self, key: str) -> float | None:
        """``cell(key)[0]`` (None where the cell is None), without decoding the facts."""
        return self.facts.value(key)

    def place(self, key: str) -> list[Any] | None:
        """``cell(key)[1]``: where the cell ``key`` stands (decodes the facts; None where the cell is None)."""
        got = self.cell(key)
        return None if got is None else got[1]


def shown_path(path: str) -> str:
    """``path`` relative to the working directory when it is an absolute path under it, else as it is (a relative
    one without its ``./``)."""
    if not os.path.isabs(path):
        return os.path.normpath(path)
    try:
        rel = os.path.relpath(path)
    except ValueError:  # (another drive on Windows)
        return path
    return path if rel == os.pardir or rel.startswith(os.pardir + os.sep) else rel


@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class Found:
    """What a check found, before it becomes a diagnostic of rule ``rule``."""

    place: list[Any] | None
    params: dict[str, Any]
    evidence: dict[str, Any]
    key: str
    match: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def show(n: float) -> str:
    """A figure as a report writes it: 12, 3.5 (no trailing zeros)."""
    if float(n).is_integer():
        return str(int(n))
    return f"{n:.4f}".rstrip("0").rstrip(".")


def diagnostic(ar: ActiveRule, report: Report, found: Found) -> Diagnostic:
    spec = ar.rule.spec
    facts = report.facts
    params = {"match": found.match or "", "agency": facts.get("agency") or "本机关",
              "agency_kind": KIND_NAMES.get(facts.get("kind") or "", "未知类型"), "year": facts.get("year") or "",
              "format_version": facts.get("format") or "", **found.params}
    place = found.place if isinstance(found.place, list) and len(found.place) == 5 else [None] * 5
    line, column, end_line, end_column, pointer = place
    return new_diagnostic(report.path, spec.id, spec.name, spec.category, ar.severity,
                          format_message(spec.message, params), line, column, end_line, end_column, pointer,
                          found.match, found.evidence, None, fingerprint(spec.id, found.key, 1))
