"""Compiled regular expressions kept from one run of the command line to the next.

The report layer and the rules compile about 400 patterns when a run starts, and :mod:`re` compiles each
one from its source in every process: its parser and code generator are Python, ≈0.1 s of a 0.35 s
one-file check.  What they produce is small — the pattern, its final flags, a list of integers (the
matcher's code) and the group names — and ``_sre.compile`` turns exactly that back into the pattern
object :mod:`re` would have made (equal to it: pattern objects compare their code).  So the command line
(:func:`install`, called before the report layer is imported) keeps them in a JSON file next to the rule
cache and hands them straight to ``_sre.compile`` on the next run; a pattern not in the file is compiled
as usual and added when the run ends.

A pattern whose source changes from run to run could never be found there, and each run would rewrite the
file to add one more: the tool's own alternations are built from sets in a fixed order (longest first,
then by text), and the libraries' such patterns seen here (:mod:`tokenize`'s, built from a set of string
prefixes, compiled when pydantic reads a signature; markdown-it's inline terminators) are not kept.  The file is written when a run
added a pattern or found more than :data:`MAX_UNUSED` it did not use; it then holds the patterns this run used
and, after them, at most :data:`MAX_UNUSED` of earlier runs' (most recent first: another format's reader
uses its own), so what no run uses any more falls out.

The file is plain data that cannot run code, read only when it is a regular file of this user that no
one else can write (as the rule cache, :mod:`.packs`), each entry's shape checked and its code checked
again by ``_sre`` itself (an entry it refuses is compiled afresh); its name carries the Python build
(the code's format belongs to it).  ``DISCLOSURE_LINT_NO_CACHE=1`` turns it off, as it does the rule cache.
The library (:mod:`.api`) never installs it: only the command line, whose process is its own.
"""

from __future__ import annotations

import atexit
import hashlib
import importlib
import json
import os
import sys
import threading
from array import array
from pathlib import Path
from typing import Any

from .fsread import Refused, read_regular
from .output import write_cache_json

# ``re``'s compiler and the C matcher behind it (private modules of the standard library: typeshed does not
# describe them, hence looked up by name, as userregex does for the parser)
_compiler: Any = importlib.import_module("re._compiler")
_sre: Any = importlib.import_module("_sre")

MAX_ENTRIES = 1500  # patterns made from input (names, user rules) cannot grow the file for ever: ≈430 are the tool's own, ≈1 MB
# modules whose patterns change from run to run (see above): each builds one from a set, in the set's order
_SKIP_CALLERS = frozenset({"tokenize", "markdown_it.parser_inline"})
MAX_UNUSED = 500  # patterns of earlier runs kept beside this run's (the other readers' ≈100)
MAX_BYTES = 32 * 1024 * 1024
_DEBUG = 128  # re.DEBUG: printed while compiling, never cached

# An entry as stored: [pattern, flags, final flags, code (hex, native 4-byte words), groups, group index,
# group names].  Read as the JSON gives it and turned into a pattern only when that pattern is asked for: a
# run uses a part of them, and each is checked then (its shape here, its code by _sre).
_Entry = list[Any]
_WORD = "I" if array("I").itemsize == _sre.CODESIZE else "L"


class _State:
    def __init__(self, path: Path):
        self.path = path
        self.entries: dict[tuple[str, int], _Entry] = {}
        self.used: dict[tuple[str, int], None] = {}  # the keys this run found or added, in that order
        self.added = 0
        self.lock = threading.Lock()


_state: _State | None = None
_original = _compiler.compile


class _Recorder:
    """Stands in for ``_sre`` inside ``re._compiler`` while one pattern is compiled, to keep what it was made of."""

    def __init__(self) -> None:
        self.args: tuple[Any, ...] | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(_sre, name)

    def compile(self, *args: Any) -> Any:
        self.args = args
        return _sre.compile(*args)


def _from_entry(pattern: str, entry: _Entry) -> Any:
    """The pattern object an entry describes; ValueError, TypeError or RuntimeError (_sre) when it is malformed."""
    _, _, final, code, groups, index, names = entry
    if not (type(final) is int and type(code) is str and type(groups) is int and type(index) is dict
            and type(names) is list and all(type(k) is str and type(v) is int for k, v in index.items())
            and all(n is None or type(n) is str for n in names)):
        raise TypeError("malformed entry")
    return _sre.compile(pattern, final, array(_WORD, bytes.fromhex(code)).tolist(), groups, index, tuple(names))


def _compile(pattern: Any, flags: int = 0) -> Any:
    """``re._compiler.compile``, from the cache when the pattern is in it."""
    state = _state
    if state is None or type(pattern) is not str or type(flags) is not int or flags & _DEBUG:
        return _original(pattern, flags)
    key = (pattern, flags)
    entry = state.entries.get(key)
    if entry is not None:
        try:
            compiled = _from_entry(pattern, entry)
        except Exception:  # noqa: BLE001 - a malformed entry, code _sre refuses: compile the pattern afresh
            state.entries.pop(key, None)
        else:
            state.used[key] = None
            return compiled
    with state.lock:  # one recording at a time (the compiler's module is patched while it runs)
        recorder = _Recorder()
        _compiler._sre = recorder
        try:
            compiled = _original(pattern, flags)
        finally:
            _compiler._sre = _sre
    args = recorder.args
    if args is not None and args[0] == pattern and len(state.used) < MAX_ENTRIES and not _from_skipped():
        code = array(_WORD, args[2]).tobytes().hex()
        state.entries[key] = [pattern, flags, args[1], code, args[3], dict(args[4]), list(args[5])]
        state.used[key] = None
        state.added += 1
    return compiled


def _from_skipped() -> bool:
    """Whether the pattern being compiled was asked for by a module of :data:`_SKIP_CALLERS` (the first frame
    outside :mod:`re` and this module, a few frames up)."""
    frame: Any = sys._getframe(2)
    for _ in range(6):
        if frame is None:
            return False
        name = frame.f_globals.get("__name__", "")
        if name != "re" and not name.startswith("re.") and name != __name__:
            return name in _SKIP_CALLERS
        frame = frame.f_back
    return False


def _cache_file() -> Path | None:
    if os.environ.get("DISCLOSURE_LINT_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    build = f"{sys.version}|{sys.implementation.cache_tag}|{sys.byteorder}|{_sre.MAGIC}|{_sre.CODESIZE}"
    return Path(base) / "disclosure-lint" / f"regex-{hashlib.sha1(build.encode()).hexdigest()[:16]}.json"


def _load(path: Path) -> dict[tuple[str, int], _Entry]:
    try:
        data = json.loads(read_regular(str(path), MAX_BYTES, follow_links=False, private=True).decode("utf-8"))
    except (OSError, Refused, ValueError):
        return {}
    if not isinstance(data, list):
        return {}
    return {(it[0], it[1]): it for it in data
            if type(it) is list and len(it) == 7 and type(it[0]) is str and type(it[1]) is int}


def _save() -> None:
    state = _state
    if state is None:
        return
    unused = [e for k, e in state.entries.items() if k not in state.used]
    if not state.added and len(unused) <= MAX_UNUSED:
        return
    # this run's patterns first, then earlier runs' (most recent first, as the file had them)
    kept = [state.entries[k] for k in state.used if k in state.entries] + unused[:MAX_UNUSED]
    # ASCII: a pattern may hold a lone surrogate
    write_cache_json(state.path, kept[:MAX_ENTRIES], ("regex-*.json",), ensure_ascii=True)


def install() -> None:
    """Take compiled patterns from the cache file from now on, and write the new ones when the process ends."""
    global _state
    if _state is not None:
        return
    path = _cache_file()
    if path is None:
        return
    state = _State(path)
    state.entries = _load(path)
    _state = state
    _compiler.compile = _compile
    atexit.register(_save)
