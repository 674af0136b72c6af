"""--jobs: the process pool gives each file's result in input order, survives a worker that crashes, raises
or hangs on one file, and ``check`` prints the same with --jobs 2 as with --jobs 1."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from disclosure_lint.api import Checker
from disclosure_lint.failures import is_tool_failure
from disclosure_lint.parallel import MIN_POOL_FILES, choose_jobs, cpus, default_jobs, ordered

ROOT = Path(__file__).resolve().parent.parent


def _failed(path: str, exc: BaseException) -> dict:
    return {"failed": path, "why": f"{type(exc).__name__}: {exc}"}


def test_order_crash_raise_and_hang_each_one_result():
    names = ["a.md", "crash-1.md", "b.md", "raise.md", "hang.md", "c.md", "d.md", "crash-2.md", "e.md", "unsendable.md"]
    entries = [(f"/x/{n}", i % 2 == 0) for i, n in enumerate(names)]
    out = list(ordered(entries, 2, "tests.pool_helpers:worker", {"tag": "t"}, _failed, lambda p: 3.0, window=3))
    assert [r.get("path") or r.get("failed") for r in out] == [p for p, _w in entries]
    by_name = {os.path.basename(r.get("path") or r["failed"]): r for r in out}
    assert by_name["crash-1.md"]["why"].startswith("ChildProcessError: 检查进程意外退出（退出代码 3）")
    assert by_name["raise.md"]["why"] == "RuntimeError: ValueError: boom"
    assert by_name["unsendable.md"]["why"].startswith("RuntimeError: ValueError: ")  # (the worker goes on)
    assert by_name["hang.md"]["why"].startswith("TimeoutError: 检查本文件超过 3 秒的上限")
    assert by_name["e.md"] == {"path": "/x/e.md", "walked": True, "tag": "t", "pid": by_name["e.md"]["pid"]}
    assert len({r["pid"] for r in out if "pid" in r}) >= 2  # really other processes


def test_failed_file_is_one_tool_failure(tmp_path):
    result = Checker(isolated=True).failed_file(str(tmp_path / "a.md"), TimeoutError("超时"))
    assert [d.code for d in result.diagnostics] == ["DL000"] and is_tool_failure(result.diagnostics[0])
    assert "超时" in result.diagnostics[0].message


def test_default_jobs(monkeypatch):
    monkeypatch.setenv("DISCLOSURE_LINT_JOBS", "3")
    assert default_jobs() == 3 and choose_jobs(None, 2) == 3 and choose_jobs(5, 2) == 5
    monkeypatch.delenv("DISCLOSURE_LINT_JOBS")
    assert default_jobs() == cpus() >= 1
    assert choose_jobs(None, MIN_POOL_FILES - 1) == 1  # a few files: this process
    assert choose_jobs(None, MIN_POOL_FILES) == cpus() and choose_jobs(2, 1) == 2


def _mixed_dir(tmp_path: Path) -> Path:
    d = tmp_path / "reports"
    (d / "sub").mkdir(parents=True)
    for p in sorted((ROOT / "examples").glob("*.md")):
        shutil.copy(p, d / p.name)
    shutil.copy(ROOT / "examples" / "defective-2023.md", d / "sub" / "copy.txt")
    (d / "notes.txt").write_text("会议纪要\n", encoding="utf-8")  # skipped: not a report
    (d / "old.wps").write_bytes(b"\xd0\xcf\x11\xe0")  # skipped: a type that cannot be read
    (d / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")  # unreadable
    html = (ROOT / "tests" / "fixtures" / "html")
    for p in sorted(html.glob("*.htm*"))[:2]:
        shutil.copy(p, d / p.name)
    return d


def _check(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DISCLOSURE_LINT_NO_CACHE": "1"}
    return subprocess.run([sys.executable, "-m", "disclosure_lint", "check", *args], capture_output=True,
                          text=True, env=env, timeout=300)


def test_jobs_2_prints_what_jobs_1_prints(tmp_path):
    d = _mixed_dir(tmp_path)
    one, two = _check("-f", "json", "--jobs", "1", str(d)), _check("-f", "json", "--jobs", "2", str(d))
    assert one.returncode == two.returncode == 2  # the broken .docx
    assert one.stdout == two.stdout
    doc = json.loads(two.stdout)
    assert doc["summary"]["files"] >= 6 and doc["summary"]["files_skipped"] == 3  # README.md, notes.txt, old.wps
    assert _check("-f", "concise", "--jobs", "2", str(d)).stdout == _check("-f", "concise", "--jobs", "1", str(d)).stdout


def test_stats_jobs_2_exports_what_jobs_1_exports(tmp_path):
    d = _mixed_dir(tmp_path)
    env = {**os.environ, "DISCLOSURE_LINT_NO_CACHE": "1"}
    one, two = (subprocess.run([sys.executable, "-m", "disclosure_lint", "stats", "-f", "json", "--jobs", j, str(d)],
                               capture_output=True, text=True, env=env, timeout=300) for j in ("1", "2"))
    assert one.returncode == two.returncode == 2  # the broken .docx
    assert one.stdout == two.stdout and json.loads(two.stdout)["summary"]["records"] > 100


def test_workers_do_not_rerun_the_parent_script(tmp_path):
    """A run started from a script multiprocessing cannot import again (here ``<stdin>``) still works: the
    workers never import the parent's ``__main__``."""
    script = (
        "import sys\n"
        "from disclosure_lint.parallel import ordered\n"
        "out = list(ordered([('a.md', False), ('b.md', True)], 2, 'tests.pool_helpers:worker', {'tag': 's'},\n"
        "                   lambda p, e: {'failed': p}, lambda p: 30.0))\n"
        "print([r.get('path') or 'FAILED' for r in out])\n")
    res = subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert res.stdout.strip() == "['a.md', 'b.md']", res.stderr
    assert "Traceback" not in res.stderr


def test_jobs_left_over_recognise_scanned_pages_in_parallel():
    """``--jobs`` also sets how many scanned pages a process recognises at once: all of it for one file."""
    from disclosure_lint.cache import RunOptions
    from disclosure_lint.parallel import ocr_workers

    assert ocr_workers(2, 1) == 2 and ocr_workers(4, 1) == 4  # one scanned file: its pages two/four at a time
    assert ocr_workers(2, 10) is None and ocr_workers(1, 1) is None  # a process per file: one page each
    assert ocr_workers(8, 2) == 4
    checker = RunOptions(ocr_workers=3).checker()
    assert checker.ocr_workers == 3
    # how many pages at once does not change a result: not part of the cache key
    assert RunOptions(ocr_workers=3).key_fields() == RunOptions().key_fields()


def test_forked_workers_run_the_parents_function_and_end_promptly(tmp_path):
    """In a single-threaded process the workers are forks running ``inherit`` (what the parent built: its state
    is there, nothing is imported or built again), crashes and hangs still give one result each, and the pool
    ends without waiting for a worker that a sibling's inherited pipe end could keep alive."""
    script = (
        "import os, sys, time\n"
        "sys.path.insert(0, '.')\n"
        "from disclosure_lint import parallel\n"
        "from tests.pool_helpers import worker\n"
        "assert parallel._context(True)[1], 'expected fork'\n"
        "work = worker({'tag': 'parent-built'})\n"
        "names = ['a.md', 'crash-1.md', 'b.md', 'raise.md', 'c.md', 'd.md', 'hang.md', 'e.md']\n"
        "entries = [(f'/x/{n}', False) for n in names]\n"
        "t0 = time.monotonic()\n"
        "out = list(parallel.ordered(entries, 2, 'tests.pool_helpers:worker', {'tag': 'factory'},\n"
        "           lambda p, e: {'failed': p, 'why': type(e).__name__}, lambda p: 3.0, inherit=work))\n"
        "print(round(time.monotonic() - t0))\n"
        "print([r.get('why') or r['tag'] for r in out])\n"
        "print(len({r['pid'] for r in out if 'pid' in r} - {os.getpid()}))\n")
    res = subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True, cwd=ROOT, timeout=120)
    seconds, tags, pids = res.stdout.strip().splitlines()
    assert tags == str(["parent-built", "ChildProcessError", "parent-built", "RuntimeError", "parent-built",
                        "parent-built", "TimeoutError", "parent-built"]), res.stderr
    assert int(pids) >= 1  # handled in other processes
    assert int(seconds) < 10  # the 3 s hang, not a 1 s wait per worker stopped


def test_the_readers_a_run_needs_are_imported_before_the_workers_fork():
    """``readers.preload``: the readers of the run's files (and only those) imported in the parent, so that forked
    workers share their pages; a name without a known extension imports nothing."""
    import subprocess
    import sys

    code = ("import sys; from disclosure_lint.readers import preload; preload(['a.md', 'B.DOCX', 'c', 'd.xls']); "
            "print(*(f'disclosure_lint.readers.{m}' in sys.modules for m in ('markdown', 'docx', 'pdf', 'html')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True", "True", "False", "False"]
