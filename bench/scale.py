"""Scale benchmark: ``disclosure-lint check`` on 10,000 generated reports of mixed formats.

    python bench/scale.py                  # 10,000 reports into bench/out/scale/ (cached), then measure
    python bench/scale.py -n 2000          # fewer
    python bench/scale.py --generate-only  # only build (or reuse) the set

The set: reports of :mod:`generate` (fixed seed), about 70 % Markdown, 12 % text, 10 % HTML, 6 % Word and
2 % PDF (rendered by ``tests/render.py``, in parallel on every CPU), and among them one body's reports for
every year 2019–2024 in several formats.  The set is cached: ``stamp.json`` holds the count, seed, mix and the
hashes of the generator and the renderers; a run with the same stamp reuses the files.

Measured, each in a fresh ``python -m disclosure_lint check -f concise -q DIR`` process (output hashed, not
kept): wall time, reports per second, CPU seconds of the process and its workers (reports per CPU second
does not depend on what else the machine runs; wall time does) and the peak memory, two ways: resident
(RSS), the larger of the process's own peak (``wait4``'s ``ru_maxrss``) and the peak of the summed resident
memory of the process and all its descendants, and proportional (PSS, ``/proc/PID/smaps_rollup``: a page
shared by k processes counts 1/k in each — the fair figure for workers forked from the parent, whose
shared pages RSS counts again in every process), both sampled from ``/proc`` every 0.1 s (pool workers can
be grandchildren), for

* one job, cold cache (``--jobs 1`` where the CLI has ``--jobs``);
* all CPUs (``--jobs N``), cold cache — "not available" without ``--jobs``;
* all CPUs, warm cache: the same run again — "not available" without a result cache (``--no-cache``).

"Cold" means the result cache directory (``.disclosure-lint-cache/`` in the working directory and in the
report directory) is removed first.  Every run's output is compared with the first: the same findings
whatever the number of jobs or the cache.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (bench/generate.py)
from run import interpreter, machine_speed  # noqa: E402  (bench/run.py: the machine line of both benchmarks)

MIX = ((".md", 0.70), (".txt", 0.12), (".html", 0.10), (".docx", 0.06), (".pdf", 0.02))
SERIES_YEARS = (2019, 2020, 2021, 2022, 2023, 2024)
SERIES_FORMATS = (".md", ".docx", ".html", ".txt", ".pdf", ".md")
CACHE_DIR = ".disclosure-lint-cache"

TARGET_ONE = 300.0  # Markdown reports/s in one process (the Markdown-only figure is bench/run.py's)
TARGET_ALL = 550.0  # with 2 jobs, cold cache
TARGET_WARM = 10.0  # warm cache at least this many times faster than cold
TARGET_MB = 300.0  # peak memory for 10,000 files


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _plan(n: int, seed: int) -> list[tuple[str, str, int | None, bool]]:
    """(file stem, extension, fixed year or None, is the series) for each report, in a fixed order."""
    rng = random.Random(seed)
    exts: list[str] = []
    for ext, share in MIX:
        exts += [ext] * round(n * share)
    exts = (exts + [".md"] * n)[:n]
    rng.shuffle(exts)
    plan = []
    series = min(len(SERIES_YEARS), n)
    for i in range(n):
        if i < series:
            plan.append((f"{i:05d}-series-{SERIES_YEARS[i]}", SERIES_FORMATS[i], SERIES_YEARS[i], True))
        else:
            plan.append((f"{i:05d}", exts[i], None, False))
    return plan


def _render_one(job: tuple[str, str, str]) -> None:
    md, ext, target = job
    from tests import render  # in the worker process (tests/render.py: the one copy of the renderers)

    Path(target).write_bytes(render.render(md, ext))


def build(n: int, out: Path, seed: int = 20250101) -> tuple[list[Path], float, bool]:
    """The set of ``n`` reports in ``out`` (reused when ``stamp.json`` matches); returns (files, seconds spent
    building, reused)."""
    stamp = {"n": n, "seed": seed, "mix": MIX, "generator": _sha(HERE / "generate.py"),
             "render": _sha(ROOT / "tests" / "render.py")}
    stamp_file = out / "stamp.json"
    if stamp_file.exists():
        try:
            old = json.loads(stamp_file.read_text(encoding="utf-8"))
        except ValueError:
            old = None
        if old is not None and old.get("stamp") == json.loads(json.dumps(stamp)):
            files = [out / f for f in old["files"]]
            if all(f.exists() for f in files):
                return files, 0.0, True
    t0 = time.perf_counter()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rng = random.Random(seed)
    body = generate.pick_body(rng)
    files: list[Path] = []
    jobs: list[tuple[str, str, str]] = []
    manifest = {}
    for stem, ext, year, series in _plan(n, seed):
        text, facts = generate.make_report(rng, rng.random() < 1 / 3, body if series else None, year)
        name = f"{stem}-{facts.year}{ext}" if not series else f"{stem}{ext}"
        target = out / name
        if ext == ".md":
            target.write_text(text, encoding="utf-8")
        else:
            jobs.append((text, ext, str(target)))
        files.append(target)
        manifest[name] = {"agency": facts.agency, "year": facts.year, "defects": facts.defects}
    root = str(ROOT)
    if root not in sys.path:
        sys.path.insert(0, root)
    with ProcessPoolExecutor(os.cpu_count() or 1) as pool:
        list(pool.map(_render_one, jobs, chunksize=16))
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=0), encoding="utf-8")
    stamp_file.write_text(json.dumps({"stamp": stamp, "files": [f.name for f in files]}), encoding="utf-8")
    return files, time.perf_counter() - t0, False


def cli_features() -> dict[str, bool]:
    """Which of ``--jobs`` and the result cache (``--no-cache``) this checkout's ``check`` has."""
    proc = subprocess.run([sys.executable, "-m", "disclosure_lint", "check", "--help"], capture_output=True,
                          env=dict(os.environ, COLUMNS="200"), cwd=ROOT)
    text = proc.stdout.decode("utf-8", "replace")
    return {"jobs": "--jobs" in text, "cache": "--no-cache" in text}


def _clear_cache(*dirs: Path) -> None:
    for d in dirs:
        shutil.rmtree(d / CACHE_DIR, ignore_errors=True)


class TreeWatch:
    """Samples ``/proc`` every 0.1 s for a process and all its descendants (workers of a pool may be
    grandchildren, e.g. of a fork server, which ``wait4`` does not count): the peak of their summed resident
    memory, the peak of their summed proportional set size (``Pss`` of ``/proc/PID/smaps_rollup``: a page
    shared by k processes — a forked worker's pages still shared with its parent — counts 1/k in each, so the
    sum is the memory the tree really takes; read at each new high of the resident sum and every 0.5 s) and the CPU
    time each used.  Where ``/proc`` is missing it records nothing."""

    def __init__(self, root: int):
        self.root = root
        self.peak_sum_mb = 0.0
        self.peak_pss_mb = 0.0
        self.cpu: dict[int, float] = {}
        # each process's own peak resident size (VmHWM of /proc/PID/status), the largest seen: unlike wait4's
        # ru_maxrss it starts afresh at exec — Linux hands a child the RSS its parent had when it forked, so a
        # benchmark process that has grown (rendering PDFs, say) would be reported as the checker's peak
        self.hwm: dict[int, float] = {}
        self._stop = threading.Event()
        self._tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
        self._page = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
        self._ticks = 0
        self._children: bool | None = None  # whether /proc/PID/task/TID/children exists (None: not yet known)
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> TreeWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _loop(self) -> None:
        while not self._stop.wait(0.1):
            self.sample()

    def sample(self) -> None:
        procs = self._tree_procs()
        if procs is None:
            procs = self._all_procs()
        tree = {self.root}
        grew = True
        while grew:
            grew = False
            for pid, (parent, _cpu, _rss) in procs.items():
                if parent in tree and pid not in tree:
                    tree.add(pid)
                    grew = True
        self._account(tree, procs)

    def _tree_procs(self) -> dict[int, tuple[int, float, int]] | None:
        """The tree's processes found from the root down through each thread's ``children`` file: a few reads
        instead of every process's ``stat`` (the watcher runs beside the checker on the same cores, and a scan of
        the whole of ``/proc`` ten times a second took ≈ 2 % of a core here).  None where the system has no
        ``children`` files (then :meth:`_all_procs`)."""
        if self._children is False:
            return None
        procs: dict[int, tuple[int, float, int]] = {}
        todo = [self.root]
        while todo:
            pid = todo.pop()
            if pid in procs:
                continue
            stat = self._stat(pid)
            if stat is None:
                continue
            procs[pid] = stat
            try:
                tids = os.listdir(f"/proc/{pid}/task")
            except OSError:
                continue
            for tid in tids:
                try:
                    with open(f"/proc/{pid}/task/{tid}/children", "rb") as fh:
                        kids = fh.read().split()
                except FileNotFoundError:
                    if self._children is None and pid == self.root:
                        self._children = False  # no such files on this system
                        return None
                    continue
                except OSError:
                    continue
                self._children = True
                todo.extend(int(k) for k in kids)
        return procs

    def _stat(self, pid: int) -> tuple[int, float, int] | None:
        """(parent, CPU seconds, resident pages) of a process, from ``/proc/PID/stat``; None when it is gone."""
        try:
            with open(f"/proc/{pid}/stat", "rb") as fh:
                stat = fh.read().decode("ascii", "replace")
        except OSError:
            return None
        rest = stat[stat.rfind(")") + 2:].split()  # after "pid (comm) "
        try:
            return int(rest[1]), (int(rest[11]) + int(rest[12])) / self._tick, int(rest[21])
        except (IndexError, ValueError):
            return None

    def _all_procs(self) -> dict[int, tuple[int, float, int]]:
        procs: dict[int, tuple[int, float, int]] = {}  # pid → (parent, CPU seconds, resident pages)
        try:
            names = os.listdir("/proc")
        except OSError:
            return procs
        for name in names:
            if name.isdigit():
                stat = self._stat(int(name))
                if stat is not None:
                    procs[int(name)] = stat
        return procs

    def _account(self, tree: set[int], procs: dict[int, tuple[int, float, int]]) -> None:
        total = 0
        members = [pid for pid in tree if pid in procs]
        for pid in members:
            _parent, cpu, rss = procs[pid]
            total += rss
            self.cpu[pid] = max(cpu, self.cpu.get(pid, 0.0))
            self.hwm[pid] = max(_hwm_mb(pid), self.hwm.get(pid, 0.0))
        total_mb = total * self._page / 1024 / 1024
        # Pss costs the kernel a walk of every mapped page (≈ 1 ms a process of 100 MB here, 3–4 % of a core at ten
        # samples a second, taken from the checker it measures): read when the summed resident size is at a new high
        # (where the tree's peak is) and otherwise every fifth sample
        self._ticks += 1
        if total_mb >= self.peak_sum_mb or self._ticks % 5 == 0:
            pss = sum(_pss_kb(pid) for pid in members)
            self.peak_pss_mb = max(self.peak_pss_mb, pss / 1024)
        self.peak_sum_mb = max(self.peak_sum_mb, total_mb)


def _hwm_mb(pid: int) -> float:
    """A process's peak resident set size in MiB (``VmHWM``; 0 where the system does not tell)."""
    try:
        with open(f"/proc/{pid}/status", "rb") as fh:
            for line in fh:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0.0


def _pss_kb(pid: int) -> int:
    """A process's proportional set size in KiB (0 where the system does not tell)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def run_check(target: Path | list[str], cwd: Path, extra: list[str]) -> dict:
    """One ``check`` process over ``target`` (a directory, or a list of files): seconds, CPU seconds and peak
    memory of it and its workers, output hash."""
    env = {k: v for k, v in os.environ.items() if k != "DISCLOSURE_LINT_NO_CACHE"}
    env["NO_COLOR"] = "1"
    targets = [str(target)] if isinstance(target, Path) else list(target)
    cmd = [sys.executable, "-m", "disclosure_lint", "check", "-f", "concise", "-q", *extra, *targets]
    digest = hashlib.sha256()
    lines = 0
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, cwd=cwd, env=env)
        assert proc.stdout is not None
        with TreeWatch(proc.pid) as watch:
            for chunk in iter(lambda: proc.stdout.read(1 << 16), b""):  # type: ignore[union-attr]
                digest.update(chunk)
                lines += chunk.count(b"\n")
            _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        tail = err.read().decode("utf-8", "replace").strip().splitlines()
    rss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    # CPU: the process and the workers it waited for (wait4), or all it and its descendants were seen to use;
    # memory: the largest single process (wait4) or the largest sum over the tree at one moment (/proc)
    cpu = max(usage.ru_utime + usage.ru_stime, sum(watch.cpu.values()))
    if watch.hwm:  # /proc seen: each process's own peak (wait4's ru_maxrss counts what the parent had at fork)
        rss = max(watch.hwm.values())
    return {"seconds": seconds, "cpu": cpu, "rss_mb": max(rss, watch.peak_sum_mb), "pss_mb": watch.peak_pss_mb,
            "exit": proc.returncode, "hash": digest.hexdigest()[:16], "lines": lines,
            "stderr": tail[-1] if tail else ""}


def measure(files: list[Path], out: Path) -> list[dict]:
    feats = cli_features()
    cpus = os.cpu_count() or 1
    work = out.parent / "scale-cwd"
    work.mkdir(exist_ok=True)
    runs: list[dict] = []

    def one(label: str, extra: list[str] | None, clear: bool) -> None:
        if extra is None:
            runs.append({"label": label, "na": True})
            return
        if clear:
            _clear_cache(work, out)
        r = run_check(out, work, extra)
        r["label"] = label
        runs.append(r)

    one("1 job, cold cache", ["--jobs", "1"] if feats["jobs"] else [], True)
    one(f"{cpus} jobs, cold cache", ["--jobs", str(cpus)] if feats["jobs"] else None, True)
    warm_extra = (["--jobs", str(cpus)] if feats["jobs"] else []) if feats["cache"] else None
    one(f"{cpus if feats['jobs'] else 1} job(s), warm cache", warm_extra, False)
    _clear_cache(work, out)
    return runs


def report(files: list[Path], runs: list[dict], built: float, reused: bool) -> str:
    by_ext: dict[str, int] = {}
    for f in files:
        by_ext[f.suffix] = by_ext.get(f.suffix, 0) + 1
    n = len(files)
    size = sum(f.stat().st_size for f in files) / 1e6
    lines = [
        "disclosure-lint scale benchmark",
        "=" * 64,
        f"machine : {os.cpu_count()} CPU(s), {interpreter()}, {sys.platform}; reference work "
        f"{machine_speed() * 1000:.0f} ms (best of 5 by CPU time; the figures below scale with it)",
        f"set     : {n} reports, {size:.1f} MB ("
        + ", ".join(f"{ext} {k}" for ext, k in by_ext.items())
        + f"; one body over {len(SERIES_YEARS)} years among them)"
        + ("; reused from the cache" if reused else f"; built in {built:.0f} s"),
    ]
    first = next((r for r in runs if not r.get("na")), None)
    cold = None
    for r in runs:
        if r.get("na"):
            lines.append(f"  {r['label']:<24} not available (this checkout's check has no such option)")
            continue
        rate = n / r["seconds"]
        same = "same output" if first is None or r["hash"] == first["hash"] else "OUTPUT DIFFERS from the first run"
        extra = ""
        if "cold" in r["label"] and cold is None:
            cold = r
        if "warm" in r["label"] and cold is not None:
            factor = cold["seconds"] / r["seconds"]
            extra = f"; {factor:.1f}× the cold one-job run (target ≥{TARGET_WARM:.0f}×)"
        lines.append(f"  {r['label']:<24} {r['seconds']:7.1f} s  {rate:6.0f} reports/s  (CPU {r['cpu']:6.1f} s: "
                     f"{n / max(r['cpu'], 1e-9):4.0f}/CPU-s)  peak {r['rss_mb']:6.0f} MiB RSS, "
                     f"{r.get('pss_mb', 0.0):6.0f} MiB PSS"
                     f"  exit {r['exit']}, {r['lines']} lines, {same}{extra}")
        if r["exit"] not in (0, 1):
            lines.append(f"    failed: {r['stderr']}")
    peak = max((r["rss_mb"] for r in runs if not r.get("na")), default=0.0)
    pss = max((r.get("pss_mb", 0.0) for r in runs if not r.get("na")), default=0.0)
    verdict = f"RSS {'PASS' if peak <= TARGET_MB else 'FAIL'}"
    shown = ""
    if pss:  # (0: /proc has no smaps_rollup here)
        verdict = f"PSS {'PASS' if pss <= TARGET_MB else 'FAIL'}, {verdict}"
        shown = (f", {pss:.0f} MiB PSS (summed proportional set size: pages shared by a forked worker and its "
                 f"parent counted once — the fair figure)")
    lines.append(f"peak memory of any run: {peak:.0f} MiB RSS (summed over the process tree: shared pages counted "
                 f"in every process — an upper bound){shown}; target ≤{TARGET_MB:.0f} MiB for 10,000 files: {verdict}")
    lines.append("=" * 64)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="disclosure-lint 大批量性能测试（混合格式的合成报告）")
    ap.add_argument("-n", type=int, default=10_000, help="报告份数（默认 10000）")
    ap.add_argument("--out", default=str(HERE / "out" / "scale"), help="报告目录（默认 bench/out/scale/，已被 git 忽略）")
    ap.add_argument("--seed", type=int, default=20250101)
    ap.add_argument("--generate-only", action="store_true", help="只生成（或复用）报告集")
    a = ap.parse_args(argv)
    out = Path(a.out).resolve()
    files, built, reused = build(a.n, out, a.seed)
    if a.generate_only:
        print(f"{len(files)} reports in {out} ({'reused' if reused else f'built in {built:.0f} s'})")
        return 0
    print(report(files, measure(files, out), built, reused))
    return 0


if __name__ == "__main__":
    sys.exit(main())
