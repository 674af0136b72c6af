"""The result cache: a file whose bytes, configuration and tool are unchanged is not checked again.

``.disclosure-lint-cache/`` in the current directory (``--cache-dir DIR``, ``cache_dir:`` in the
configuration given with ``--config`` or found for the current directory), off with ``--no-cache`` or
``DISCLOSURE_LINT_NO_CACHE=1``.  One entry per checked file: ``<key[:2]>/<key>.json``, where the key is
the sha256 of

* the file's bytes, its absolute path and whether it was found by walking a directory;
* the effective configuration of the file: the configuration model dumped canonically, the file it came
  from, every rule file of its ``packs:`` (name, size, modification time), ``--select/--ignore/--year``,
  ``--isolated``, ``--agency`` and whether the report's view is wanted (:class:`RunOptions`);
* the tool: its version and every source and rule file of the installed package (size, modification
  time), so an edited checkout never reads a stale result;
* the libraries beside it: the names (with versions) of the distributions installed where its dependencies are
  (:func:`dependencies_fingerprint`), so a reader library upgraded or removed in place reads every file again.

An entry is JSON (:meth:`FileResult.to_json`) — plain data that cannot run code — read back only from a
regular file of this user that no one else may write (:func:`.fsread.read_regular`, ``private``), at most
:data:`MAX_ENTRY_BYTES`, its stored key compared and every field checked again (:meth:`FileResult.from_json`):
anything else (a planted file, a half-written one, bad JSON) is a miss, and the file is checked again.
Entries are written to a temporary file and renamed into place (``os.replace``), so concurrent runs
never see half an entry.  Results that depend on more than the bytes are never stored: an unreadable
file, a tool failure or a time limit met (DL000, a reader stopped by ``limits.max_read_seconds``).  After
a run the cache is trimmed to :data:`MAX_CACHE_BYTES`, the entries unused the longest first (a hit
touches its entry).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import __version__
from .api import Checker, FileResult
from .batch.findings import PACKED, Facts, packed_ok
from .config import ConfigResolver, LoadedConfig
from .errors import DisclosureLintError
from .fsread import Refused, read_regular

DEFAULT_DIR = ".disclosure-lint-cache"
FORMAT = 4  # 2: a result's cross-report facts stored packed (batch.findings.Facts.pack); 3: the packed facts'
# figures as their places only, their paragraphs without hashes and sizes; 4: the places' numbers, then their
# pointers in a stream of their own (batch.findings.AT)
MAX_ENTRY_BYTES = 8 * 1024 * 1024  # one result (a report with thousands of findings is ~2 MB)
MAX_CACHE_BYTES = 512 * 1024 * 1024  # the whole cache, trimmed after a run
_PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class RunOptions:
    """What a :class:`Checker` is built from: the same in this process and in every worker of ``--jobs``."""

    config: str | None = None
    year: int | None = None
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    isolated: bool = False
    agency: str | None = None  # --agency (issue 12's report identity)
    keep_view: bool = False  # the report's text and tables are wanted (-f html)
    ocr: str | None = None  # --ocr auto|never|always (None: the configuration's limits.ocr)
    ocr_workers: int | None = None  # scanned pages recognised at once (from --jobs; None: limits.ocr_workers)

    def checker(self) -> Checker:
        return Checker(self.config, year=self.year, select=self.select, ignore=self.ignore, isolated=self.isolated,
                       agency=self.agency, keep_view=self.keep_view, ocr=self.ocr,
                       ocr_workers=self.ocr_workers)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def key_fields(self) -> dict[str, Any]:
        """What changes a result (the cache key): all but how many pages are recognised at once."""
        return {k: v for k, v in asdict(self).items() if k != "ocr_workers"}


def disabled_by_env() -> bool:
    return bool(os.environ.get("DISCLOSURE_LINT_NO_CACHE"))


def cache_dir(options: RunOptions, explicit: str | None) -> str:
    """``--cache-dir``, else ``cache_dir:`` of the configuration for the current directory (relative to that
    file), else :data:`DEFAULT_DIR` in the current directory.  (A configuration inside a checked folder never
    chooses where the tool writes.)"""
    if explicit:
        return explicit
    try:
        lc = ConfigResolver(Path(options.config) if options.config else None,
                            isolated=options.isolated).for_path(Path.cwd())
    except (DisclosureLintError, OSError, ValueError):
        return DEFAULT_DIR
    configured = lc.config.cache_dir
    if configured:
        return str(lc.base_dir / configured)
    return DEFAULT_DIR


@lru_cache(maxsize=1)
def tool_fingerprint() -> str:
    """The tool's version and every file of the installed package (size and modification time)."""
    h = hashlib.sha256(__version__.encode())
    roots = [_PACKAGE]
    rules = _PACKAGE.parent.parent / "rules"  # an editable install keeps the built-in rules beside src/
    if rules.is_dir():
        roots.append(rules)
    for root in roots:
        for d, dirs, names in os.walk(root):
            dirs[:] = sorted(x for x in dirs if x != "__pycache__")
            # a file's name relative to the root: its directory's, made once (os.path.relpath per file was most of
            # this walk over ≈ 240 files, a part of every run's start)
            rel = os.path.relpath(d, root)
            prefix = "" if rel == os.curdir else rel + os.sep
            for n in sorted(names):
                if n.endswith((".py", ".yaml", ".yml", ".json")):
                    try:
                        st = os.stat(os.path.join(d, n))
                    except OSError:
                        continue
                    h.update(f"|{prefix}{n}|{st.st_size}|{st.st_mtime_ns}".encode())
    return h.hexdigest()


@lru_cache(maxsize=4)
def dependencies_fingerprint(site: str | None = None) -> str:
    """The distributions installed in the directory of the tool's dependencies (``site``: pydantic's, which the
    configuration has imported), by their ``*.dist-info`` / ``*.egg-info`` entries — a name and a version each: one
    directory listing, no package imported.  A library upgraded in place (markdown-it-py, lxml, opencc …) may read a
    file otherwise."""
    if site is None:
        import pydantic  # (already imported: the configuration is a pydantic model)

        site = str(Path(pydantic.__file__).resolve().parent.parent)
    try:
        names = sorted(n for n in os.listdir(site) if n.endswith((".dist-info", ".egg-info")))
    except OSError:
        names = []
    return hashlib.sha256("|".join(names).encode("utf-8", "surrogateescape")).hexdigest()


class ResultCache:
    """The cache of one run (built once per process: the configuration keys are kept per configuration)."""

    def __init__(self, directory: str, options: RunOptions):
        self.dir = directory
        self.options = options
        self._config_keys: dict[str, str] = {}
        self.hits = 0
        self.stored = 0
        self._marked = False

    def _config_key(self, lc: LoadedConfig) -> str:
        name = str(lc.path)
        if name not in self._config_keys:
            packs = []
            for p in lc.pack_paths():
                for d, dirs, names in os.walk(p):
                    dirs.sort()
                    for n in sorted(names):
                        st = os.stat(os.path.join(d, n))
                        packs.append([os.path.join(d, n), st.st_size, st.st_mtime_ns])
            material = {"config": lc.config.model_dump(mode="json"), "from": name, "packs": packs,
                        "options": self.options.key_fields(), "tool": tool_fingerprint(),
                        "libraries": dependencies_fingerprint(), "format": FORMAT}
            self._config_keys[name] = hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()
        return self._config_keys[name]

    def key(self, checker: Checker, path: str, walked: bool) -> str | None:
        """The entry's key for ``path``, or None when the file or its configuration cannot be read (the check
        says why)."""
        try:
            lc = checker.config_for(path)
            data = read_regular(path, lc.config.limits.max_bytes)
            config_key = self._config_key(lc)
        except (DisclosureLintError, Refused, OSError, ValueError):
            return None
        h = hashlib.sha256(data)
        h.update(f"\x00{os.path.abspath(path)}\x00{walked}\x00{config_key}".encode("utf-8", "surrogateescape"))
        return h.hexdigest()

    def _entry(self, key: str) -> str:
        return os.path.join(self.dir, key[:2], key + ".json")

    def get(self, key: str, path: str) -> FileResult | None:
        try:
            data = read_regular(self._entry(key), MAX_ENTRY_BYTES, follow_links=False, private=True)
            doc = json.loads(data)
            if not (isinstance(doc, dict) and doc.get("format") == FORMAT and doc.get("key") == key):
                return None
            result = FileResult.from_json(doc.get("result"))
        except (Refused, ValueError, RecursionError, MemoryError):  # json.JSONDecodeError is a ValueError
            return None
        if not packed_ok(result.facts):  # (an entry written by hand: the hook would fail on it)
            return None
        self.hits += 1
        try:  # used now: the trimming after a run removes the entries unused the longest
            os.utime(self._entry(key))
        except OSError:
            pass
        # the path as given in this run (the stored entry has none)
        return replace(result, path=path, diagnostics=[replace(d, path=path) if d.path == "" else d
                                                       for d in result.diagnostics])

    def put(self, key: str, result: FileResult) -> FileResult:
        """Store ``result`` (when :func:`cacheable`); the result with its facts packed as stored
        (:meth:`.Facts.pack`: compressed once, here, and read back by the hook without compressing them again)."""
        if not cacheable(result):
            return result
        if result.facts is not None and not _is_packed(result.facts):
            result = replace(result, facts=Facts.packed(result.facts))
        stored = replace(result, path="", diagnostics=[replace(d, path="") if d.path == result.path else d
                                                       for d in result.diagnostics])
        text = json.dumps({"format": FORMAT, "key": key, "result": stored.to_json()}, ensure_ascii=True,
                          separators=(",", ":"))
        if len(text) > MAX_ENTRY_BYTES:
            return result
        target = self._entry(key)
        tmp = None
        try:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            if not self._marked:
                _mark(self.dir)
                self._marked = True
            fd, tmp = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="ascii") as fh:
                fh.write(text)
            os.replace(tmp, target)
            tmp = None
            self.stored += 1
        except OSError:  # a read-only directory, a full disk: the run goes on without the cache
            pass
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
        return result

    def lookup(self, checker: Checker, path: str, walked: bool = False) -> FileResult | None:
        """The cached result for ``path``, or None."""
        key = self.key(checker, path, walked)
        return None if key is None else self.get(key, path)

    def check(self, checker: Checker, path: str, walked: bool = False) -> FileResult:
        """:meth:`Checker.check_file`, from the cache when the entry is there."""
        key = self.key(checker, path, walked)
        if key is not None:
            hit = self.get(key, path)
            if hit is not None:
                return hit
        result = checker.check_file(path, walked)
        if key is not None:
            result = self.put(key, result)
        return result


def _is_packed(facts: dict) -> bool:
    return PACKED in facts


def cacheable(result: FileResult) -> bool:
    """Only what the bytes and the configuration decide: not an unreadable file, a tool failure or a time
    limit met."""
    if result.error is not None:
        return False
    return not any(d.code == "DL000" or (d.code == "DL002" and "max_read_seconds" in d.message)
                   for d in result.diagnostics)


def _mark(directory: str) -> None:
    """A new cache directory says what it is and keeps itself out of version control."""
    tag = os.path.join(directory, "CACHEDIR.TAG")
    if os.path.exists(tag):
        return
    for name, text in (("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n"
                                        "# disclosure-lint result cache (safe to delete)\n"),
                       (".gitignore", "*\n")):
        try:
            with open(os.path.join(directory, name), "x", encoding="ascii") as fh:
                fh.write(text)
        except OSError:
            pass


def trim(directory: str, limit: int = MAX_CACHE_BYTES) -> None:
    """Remove the oldest entries until the cache holds at most ``limit`` bytes (three quarters of it)."""
    entries = []
    total = 0
    try:
        subdirs = [e for e in os.scandir(directory) if e.is_dir(follow_symlinks=False) and len(e.name) == 2]
    except OSError:
        return
    for sub in subdirs:
        try:
            for e in os.scandir(sub.path):
                if e.name.endswith(".json") and e.is_file(follow_symlinks=False):
                    st = e.stat(follow_symlinks=False)
                    entries.append((st.st_mtime_ns, st.st_size, e.path))
                    total += st.st_size
        except OSError:
            continue
    if total <= limit:
        return
    for _mtime, size, path in sorted(entries):
        try:
            os.unlink(path)
        except OSError:
            continue
        total -= size
        if total <= limit * 3 // 4:
            break
