"""The run of ``check``: the files' results one by one, in input order, from this process or from
``--jobs`` worker processes (:mod:`.parallel`), through the result cache (:mod:`.cache`), each shown to the
run's hooks.

* ``jobs == 1`` (or a single file) is the in-process path: :meth:`Checker.check_file` file after file.
* Otherwise each worker builds its own :class:`Checker` from the same :class:`RunOptions` and sends each
  result back as JSON; the parent has resolved every file's configuration and loaded its rules before
  the first file (:meth:`Checker.prepare`), so the configurations named, the rules listed (SARIF) and a
  bad ``--select`` are the same on both paths.
* **Hooks** (cross-report checks): an object with ``observe(result)`` — called once per file, in input
  order, as results arrive — and ``finish()`` → extra findings per path, called once after the last file.
  Whole-document formats merge those findings into their files (:func:`.api.merge_extras`); streaming formats
  print them after the stream (:class:`StreamRun`).

:class:`StreamRun` is the run a streaming reporter (console, concise, github) gets: its ``files`` can be
iterated once and are counted (:class:`~disclosure_lint.tally.Tally`) as they go by, so no list of
results is held.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any, Protocol

from . import cache as result_cache
from .api import Checker, FileResult
from .batch.findings import PACKED, Facts, packed_ok
from .batch.identity import RunBodies
from .cache import ResultCache, RunOptions
from .diagnostics import Diagnostic
from .limits import DEFAULT_LIMITS
from .parallel import ordered
from .readers import preload as preload_readers
from .tally import Tally

WORKER = "disclosure_lint.pipeline:check_worker"


class RunHook(Protocol):
    def observe(self, result: FileResult) -> None: ...

    def finish(self) -> dict[str, list[Diagnostic]]: ...

    # optional: ``bodies()`` → :class:`.batch.identity.RunBodies` after ``finish`` (how the hook grouped the
    # reports by body: the by-body counts and the reports' ``body`` follow it)


def check_worker(options: dict[str, Any]) -> Callable[[str, bool], dict[str, Any]]:
    """A worker's state, built once: the checker (and cache) from the run's options."""
    run_options = RunOptions(**options["run"])
    return worker_for(run_options.checker(), run_options, options.get("cache"))


def worker_for(checker: Checker, options: RunOptions, cache_dir: str | None) -> Callable[[str, bool], dict[str, Any]]:
    """What a worker does with one file, with ``checker`` (built in the worker, or this process's own, prepared,
    in a worker forked from it)."""
    cache = ResultCache(cache_dir, options) if cache_dir else None

    def work(path: str, walked: bool) -> dict[str, Any]:
        out = (cache.check(checker, path, walked) if cache else checker.check_file(path, walked)).to_json()
        facts = out.get("facts")
        if facts is not None and PACKED not in facts:  # (a result from the cache has them packed already)
            # compressed here, as the cross-report hook holds them (batch.findings.Facts): ≈ ¼ of the bytes to
            # send, and the parent neither parses the cells nor compresses them again; as bytes, which the answer
            # carries as they are (parallel.message)
            out["facts"] = Facts.packed(facts, raw=True)
        return out

    return work


class Pipeline:
    """One ``check`` run over ``entries`` (``(path, found by walking)``).  Made before any output: resolving
    the configurations and loading the rules may raise :class:`~disclosure_lint.errors.ConfigError`."""

    def __init__(self, checker: Checker, options: RunOptions, entries: list[tuple[str, bool]], jobs: int = 1,
                 cache_dir: str | None = None, hooks: Iterable[RunHook] = ()):
        self.checker = checker
        self.options = options
        self.entries = entries
        self.jobs = max(1, jobs)
        self.cache_dir = cache_dir
        self.hooks = list(hooks)
        self.bodies = RunBodies()  # the reports' bodies as the hooks grouped them (after extras)
        checker.prepare(entries)

    def _timeout(self, path: str) -> float:
        try:
            return self.checker.config_for(path).config.limits.max_file_seconds
        except Exception:  # noqa: BLE001 - a malformed configuration is the file's error, reported by the worker
            return DEFAULT_LIMITS.max_file_seconds

    def _decode(self, path: str, data: Any) -> FileResult:
        if isinstance(data, FileResult):
            return data
        try:
            result = FileResult.from_json(data)
            if not packed_ok(result.facts):
                raise ValueError("facts")
            return result
        except ValueError as exc:
            return self.checker.failed_file(path, exc)

    def _produce(self) -> Iterator[FileResult]:
        if self.jobs == 1 or len(self.entries) <= 1:
            cache = ResultCache(self.cache_dir, self.options) if self.cache_dir else None
            for path, walked in self.entries:
                yield cache.check(self.checker, path, walked) if cache else self.checker.check_file(path, walked)
            return
        options = {"run": self.options.to_json(), "cache": self.cache_dir}
        # cache hits are answered here, only the misses go to a worker (which stores their results)
        cache = ResultCache(self.cache_dir, self.options) if self.cache_dir else None
        local = partial(cache.lookup, self.checker) if cache else None
        # a worker forked from here runs this process's checker: its rules are loaded and its configurations
        # resolved already (prepare), nothing is built again in the worker; the readers the files need are imported
        # here too, so that the workers share their pages instead of each importing its own copy
        preload_readers([path for path, _walked in self.entries])
        results = ordered(self.entries, self.jobs, WORKER, options, self.checker.failed_file, self._timeout,
                          local=local, inherit=worker_for(self.checker, self.options, self.cache_dir))
        for (path, _walked), data in zip(self.entries, results):
            yield self._decode(path, data)

    def results(self) -> Iterator[FileResult]:
        """Each file's result in input order, shown to every hook as it passes."""
        for result in self._produce():
            for hook in self.hooks:
                hook.observe(result)
            yield result
        if self.cache_dir:
            result_cache.trim(self.cache_dir)

    def extras(self) -> dict[str, list[Diagnostic]]:
        """The hooks' findings after the last file (call once, after :meth:`results` is exhausted)."""
        out: dict[str, list[Diagnostic]] = {}
        for hook in self.hooks:
            for path, found in hook.finish().items():
                out.setdefault(path, []).extend(found)
            bodies = getattr(hook, "bodies", None)
            if bodies is not None:
                self.bodies.update(bodies())
        return out


class StreamRun:
    """A run printed as it goes: ``files`` yields each result once (``on_file`` sees it first), then one entry
    per path with findings of the hooks; the counts are kept in :attr:`tally`."""

    def __init__(self, results: Iterator[FileResult], extras: Callable[[], dict[str, list[Diagnostic]]],
                 errors: list[str], configs: list[str], rules: list, on_file: Callable[[FileResult], None],
                 bodies: Callable[[], RunBodies] = RunBodies):
        self._results = results
        self._extras = extras
        self._bodies = bodies
        self._on_file = on_file
        self.errors = errors
        self.configs = configs
        self.rules = rules
        self.baseline = None
        self.tally = Tally(errors=list(errors))

    @property
    def files(self) -> Iterator[FileResult]:
        for f in self._results:
            self.tally.add(f)
            self._on_file(f)
            yield f
        extras = self._extras()
        bodies = self._bodies()  # (known once the hooks have finished)
        self.tally.regroup(bodies.by_key)
        for path, found in extras.items():
            if found:
                extra = FileResult(path=path, diagnostics=list(found))
                self.tally.add(extra, new_file=False, group=bodies.by_path.get(path))
                yield extra

    def count(self, severity: str) -> int:
        return self.tally.count(severity)

    def exit_code(self, fail_on: str = "error") -> int:
        return self.tally.exit_code(fail_on)


def cache_location(options: RunOptions, no_cache: bool, explicit: str | None) -> str | None:
    """Where the result cache is for this run, or None when it is off."""
    if no_cache or result_cache.disabled_by_env():
        return None
    return os.fspath(result_cache.cache_dir(options, explicit))
