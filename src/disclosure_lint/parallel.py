"""``--jobs N``: files handled by N worker processes, results given back in input order.

Each worker is started once.  Where the system can ``fork`` and this process runs a single thread, a
worker is a fork of it and handles files with ``inherit`` — the function the caller built here, with its
rules already loaded and its configurations resolved: the worker imports nothing and loads nothing, and
the pages of the loaded rules stay shared with this process.  Otherwise (no ``fork``, or a thread that a
fork could leave holding a lock) it is started by a fork server, else ``spawn``, and builds its own state
once from plain options — the ``factory`` (``"module:function"``, imported in the worker) gets the options
and returns the function that handles one file.  A worker takes one file at a time over its own pipe;
what travels both ways is plain data in :mod:`marshal`'s format (the file's result as :meth:`FileResult.to_json`
makes it, a report's packed facts as bytes: :func:`message`), never a pickled report object.  The two ends are the
same interpreter (a fork, or ``sys.executable`` started again), which is all that format asks; reading it makes
plain values only and runs nothing, and the parent checks what it got as it checks a cached result.

* **Order and memory.**  Results are yielded in the order of ``entries``; at most ``window`` files
  (default 4 × jobs) are in flight or waiting for an earlier one, so memory does not grow with the
  number of files.
* **A worker that crashes** (killed, out of memory, a segfault in a library) gives the file it held one
  failure result (``failed``) and is replaced; **a worker that hangs** past ``timeout(path)`` seconds
  on one file (``limits.max_file_seconds``) is killed, the same.  The run goes on.
* Workers ignore Ctrl-C; the parent stops them when it is interrupted or done.
"""

from __future__ import annotations

import importlib
import marshal
import math
import os
import select
import signal
import sys
import time
import types
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from .failures import describe

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

WINDOW_PER_JOB = 4
MIN_POOL_FILES = 16  # below this a run without --jobs stays in one process
PREFETCH = 2  # files a worker holds at once: the next one is there when it finishes one
FAILED = "__failed__"  # a worker's answer when handling a file raised
CPU_SHARE_ENV = "DISCLOSURE_LINT_CPU_SHARE"  # set in a worker: the CPUs it may keep busy (read by readers.ocr)


def _env_jobs() -> int | None:
    env = os.environ.get("DISCLOSURE_LINT_JOBS", "").strip()
    return int(env) if env.isdigit() and int(env) > 0 else None


def cpus() -> int:
    """The CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on every system
        return max(1, os.cpu_count() or 1)


def default_jobs() -> int:
    """``DISCLOSURE_LINT_JOBS``, else the CPUs this process may run on."""
    return _env_jobs() or cpus()


def choose_jobs(explicit: int | None, files: int) -> int:
    """``--jobs N`` (or ``DISCLOSURE_LINT_JOBS``) as given; else all CPUs from :data:`MIN_POOL_FILES` files on,
    one process below that (starting the workers costs more than a few files take)."""
    if explicit:
        return explicit
    return _env_jobs() or (cpus() if files >= MIN_POOL_FILES else 1)


def ocr_workers(jobs: int, files: int) -> int | None:
    """Scanned pages recognised at once in each process: what ``--jobs`` leaves over after one process per file
    (``--jobs 2`` on one scanned file: two pages at a time; on a folder of reports: one page in each of two
    workers); None (the configuration's ``limits.ocr_workers``) when that is one."""
    processes = 1 if jobs == 1 or files <= 1 else min(jobs, files)
    spare = jobs // processes
    return spare if spare > 1 else None


def _single_thread() -> bool:
    """Whether this process runs one thread (``/proc`` counts native threads too — an OCR engine's pool — which
    :func:`threading.active_count` does not see)."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        import threading

        return threading.active_count() == 1


def _context(inherit: bool) -> tuple[Any, bool]:
    """The start method's context, and whether workers are forks of this process (``inherit``)."""
    # on demand: multiprocessing (≈ 12 ms with its connection module) only for a run that starts workers
    import multiprocessing

    if inherit and sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods() \
            and _single_thread():
        return multiprocessing.get_context("fork"), True
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        # the server imports these once; each worker forked from it starts with them loaded
        ctx.set_forkserver_preload(["disclosure_lint.pipeline"])
        return ctx, False
    return multiprocessing.get_context("spawn"), False


def serve(conn: Connection, factory: str, options: dict[str, Any], cpu_share: int = 0,
          work: Callable[[str, bool], Any] | None = None, others: tuple[Connection, ...] = ()) -> None:
    """A worker's loop: ``[index, path, walked]`` in, ``[index, result]`` out (:func:`message`).  ``cpu_share``:
    the CPUs this worker may keep busy (its share of the machine), told to the OCR engine (:data:`CPU_SHARE_ENV`)
    so that N workers recognising scans do not each start a thread per CPU.  ``work``: the parent's own function
    (a forked worker; else it is built from ``factory``); ``others``: the parent's ends of its own and the other
    workers' pipes, inherited by the fork and closed here (a copy held open keeps that worker from seeing EOF)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what an interrupt stops
    for other in others:
        other.close()
    if cpu_share > 0:
        os.environ[CPU_SHARE_ENV] = str(cpu_share)
    if work is None:
        module, name = factory.split(":")
        work = getattr(importlib.import_module(module), name)(options)
        assert work is not None
    while True:
        try:
            index, path, walked = marshal.loads(conn.recv_bytes())
        except (EOFError, OSError, ValueError, TypeError):  # (the parent gone, or what it never sends)
            return
        try:
            out = work(path, walked)
            raw = message(index, out)
        except Exception as exc:  # noqa: BLE001 - one file's failure is that file's result, not the worker's end
            raw = message(index, {FAILED: describe(exc)})
        conn.send_bytes(raw)


def message(index: int, out: Any) -> bytes:
    """A worker's answer: ``[index, out]`` in :mod:`marshal`'s format (``out`` as :meth:`FileResult.to_json` makes it:
    dicts, lists, tuples, text, bytes, numbers, None; :class:`ValueError` for what marshal cannot write, an object of
    a class of its own).  Its bytes (a report's packed facts) travel as they are, its text unescaped: ≈ ⅓ of the time
    that JSON took to write and read (≈ 27 µs a report where JSON took ≈ 82 µs, with the facts' bytes after its
    text)."""
    return marshal.dumps([index, out])


def answer(raw: bytes) -> list[Any]:
    """``[index, out]`` of a worker's :func:`message` (:class:`ValueError` for anything else: cut short, bad data,
    another shape)."""
    try:
        got = marshal.loads(raw)
    except (EOFError, TypeError) as exc:  # (bad data raises ValueError itself)
        raise ValueError(f"answer: {exc}") from None
    if type(got) is not list or len(got) != 2 or type(got[0]) is not int:
        raise ValueError("answer: not [index, result]")
    return got


@contextmanager
def _plain_main() -> Iterator[None]:
    """Start a worker without the parent's ``__main__``: multiprocessing would import the script that started
    this process in every worker (the console script, ``python -m``, a test runner, ``<stdin>``); the workers
    need only :func:`serve` and the factory's module."""
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


class _Worker:
    """One worker process and the files given to it, oldest first (it works on the first)."""

    def __init__(self, ctx: Any, factory: str, options: dict[str, Any], cpu_share: int = 0,
                 work: Callable[[str, bool], Any] | None = None, others: tuple[Connection, ...] = ()):
        self.conn, child = ctx.Pipe(duplex=True)
        if work is not None:  # a fork also inherits this end of its own pipe: closed there, else it never sees EOF
            others = (self.conn, *others)
        self.proc = ctx.Process(target=serve, args=(child, factory, options, cpu_share, work, others), daemon=True)
        if work is not None:  # a fork: what this process has buffered must not be written again by the worker
            sys.stdout.flush()
            sys.stderr.flush()
        with _plain_main():
            self.proc.start()
        child.close()
        self.tasks: deque[tuple[int, str, bool]] = deque()  # (index, path, walked) given, not answered
        self.since = 0.0  # when it began the first of them (as far as the parent can tell)
        self._limit = (-1, 0.0)  # (index, seconds): the first file's time limit, asked once per file

    def give(self, index: int, path: str, walked: bool) -> None:
        if not self.tasks:
            self.since = time.monotonic()
        self.tasks.append((index, path, walked))
        try:
            self.conn.send_bytes(marshal.dumps((index, path, walked)))
        except OSError:  # the worker is gone already: the wait sees its end and the file fails
            pass

    def limit(self, timeout: Callable[[str], float]) -> float:
        """The time limit of the file it works on (``timeout(path)`` resolves its configuration: once per file,
        not at every wake-up of the parent)."""
        index, path, _walked = self.tasks[0]
        if self._limit[0] != index:
            self._limit = (index, timeout(path))
        return self._limit[1]

    def answered(self) -> None:
        self.tasks.popleft()
        self.since = time.monotonic()

    def stop(self, kill: bool = False) -> int | None:
        try:
            self.conn.close()
        except OSError:
            pass
        if kill:
            self.proc.kill()
        self.proc.join(1 if not kill else 5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(5)
        return self.proc.exitcode


def ordered(entries: list[tuple[str, bool]], jobs: int, factory: str, options: dict[str, Any],
            failed: Callable[[str, BaseException], Any], timeout: Callable[[str], float],
            window: int | None = None, local: Callable[[str, bool], Any] | None = None,
            inherit: Callable[[str, bool], Any] | None = None) -> Iterator[Any]:
    """The worker's result for each of ``entries`` (``(path, walked)``), in their order; ``failed(path, exc)``
    stands in for a file whose worker raised, crashed or ran past ``timeout(path)`` seconds.  ``local(path,
    walked)``, when given, is asked first (the result cache): what it answers (not None) needs no worker, and
    workers are started only when the first file needs one.  ``inherit``: what a forked worker runs instead of the
    factory's function (built here, the same as the factory would build).  Each worker holds up to :data:`PREFETCH` files,
    so it never waits for the parent between two of them; when it dies, the files it held after the one that
    killed it go to its replacement."""
    if not entries:
        return
    ctx, forked = _context(inherit is not None)
    window = max(window or WINDOW_PER_JOB * jobs, jobs)
    slots = min(jobs, len(entries))
    share = max(1, cpus() // slots)  # each worker's CPUs (the OCR engine's threads)
    workers: list[_Worker] = []
    done: dict[int, Any] = {}
    again: deque[tuple[int, str, bool]] = deque()  # files held by a worker that died, not begun
    next_task = next_out = 0
    waiter = _Waiter()

    def start() -> _Worker:
        if not forked:
            return _Worker(ctx, factory, options, share)
        return _Worker(ctx, factory, options, share, inherit, tuple(w.conn for w in workers))

    def replace(i: int, exc: BaseException) -> None:
        w = workers[i]
        index, path, _walked = w.tasks.popleft()
        done[index] = failed(path, exc)
        again.extendleft(reversed(w.tasks))
        workers[i] = start()

    try:
        while next_out < len(entries):
            while again or (next_task < len(entries) and next_task < next_out + window):
                if again:
                    index, path, walked = again[0]
                else:
                    index, (path, walked) = next_task, entries[next_task]
                    here = local(path, walked) if local is not None else None
                    if here is not None:
                        done[index] = here
                        next_task += 1
                        continue
                free = min(workers, key=lambda w: len(w.tasks), default=None)
                if (free is None or free.tasks) and len(workers) < slots:
                    free = start()
                    workers.append(free)
                if free is None or len(free.tasks) >= PREFETCH:
                    break
                free.give(index, path, walked)
                if again:
                    again.popleft()
                else:
                    next_task += 1
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            busy = [w for w in workers if w.tasks]
            if not busy:
                continue
            deadline = min(w.since + w.limit(timeout) for w in busy)
            ready = waiter.ready([w.conn for w in busy], max(0.0, deadline - time.monotonic()))
            for i, w in enumerate(workers):
                if not w.tasks:
                    continue
                if w.conn in ready:
                    try:
                        _index, out = answer(w.conn.recv_bytes())
                    except (EOFError, OSError, ValueError):
                        replace(i, ChildProcessError(_died(w.stop(kill=True))))
                        continue
                    index, path, _walked = w.tasks[0]
                    w.answered()
                    done[index] = failed(path, RuntimeError(out[FAILED])) if isinstance(out, dict) and FAILED in out else out
                elif time.monotonic() >= w.since + w.limit(timeout):
                    seconds = w.limit(timeout)
                    w.stop(kill=True)
                    replace(i, TimeoutError(f"检查本文件超过 {seconds:g} 秒的上限（limits.max_file_seconds），已停止"))
    finally:
        for w in workers:
            w.stop(kill=bool(w.tasks))


class _Waiter:
    """The parent's wait for an answer of its busy workers: one poll object kept from one wake-up to the next, its
    pipes registered as the busy workers change (:func:`multiprocessing.connection.wait`, ≈ 9 µs, made a selector,
    registered each pipe and closed it again at each of the ≈ 1,100 wake-ups of a run over 1,200 reports); where
    there is no ``poll`` (Windows), that wait itself."""

    def __init__(self) -> None:
        self.poll = select.poll() if hasattr(select, "poll") else None
        self.fds: set[int] = set()

    def ready(self, conns: list[Connection], timeout: float) -> list[Connection]:
        """Those of ``conns`` with something to read (an answer, or their end) within ``timeout`` seconds (as
        multiprocessing's ``wait`` answers: none when the time is up)."""
        if self.poll is None:
            # on demand, as in _context
            from multiprocessing.connection import wait

            return wait(conns, timeout)  # type: ignore[return-value]
        by_fd = {c.fileno(): c for c in conns}
        for fd in self.fds - by_fd.keys():
            self.poll.unregister(fd)  # (a pipe closed since, or a worker idle now)
        for fd in by_fd.keys() - self.fds:
            self.poll.register(fd, select.POLLIN)
        self.fds = set(by_fd)
        # (any event is an answer or the pipe's end, as selectors reads it; the time in ms rounded up, as there)
        return [by_fd[fd] for fd, _event in self.poll.poll(math.ceil(timeout * 1000))]


def _died(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = str(-code)
        return f"检查进程被信号 {name} 终止" + ("（可能是内存不足）" if name == "SIGKILL" else "")
    return f"检查进程意外退出（退出代码 {code}）"
