"""Benchmark: throughput, peak memory and cold start of ``disclosure-lint check``.

    python bench/run.py                 # 300 synthetic reports into bench/out/, then measure
    python bench/run.py -n 1000         # more reports
    python bench/run.py --profile       # cProfile of the check loop, top 25 by cumulative time
    python bench/run.py --breakdown     # ms per report: decode, parse, report layer, each rule
    python bench/run.py --hostile       # 1 MB hostile text shapes: seconds and peak MB each (bench/hostile.py)

Measured (all default rules, one process, through :class:`disclosure_lint.api.Checker`):

* throughput (new): Markdown reports checked per second (reading, parsing, interpreting and all rules) in one
  pass over the ``--jobs-files`` reports of ``bench/out/jobs/``, in a fresh process that has checked only one
  other file before (the target's figure: what the checker keeps across reports helps only as much as these
  files repeat one another, not because the same files are checked again);
* throughput (again): the same over the 300 reports, best of ``--repeat`` passes in one process (the first
  file, which loads the rule packs, timed separately as "warm-up"): from the second pass on every file has
  been seen, so it is faster than new files — for comparing before and after, not for the target;
* peak memory: the process's maximum resident set size (``ru_maxrss``) and the peak of
  Python allocations during the check loop (``tracemalloc``, in a separate pass because
  tracing slows Python down);
* cold start: wall time of ``python -m disclosure_lint check one.md`` in a fresh
  subprocess, median of 5 runs;
* ``--jobs``: ``--jobs-files`` (default 1,200) reports of the same generator (same seed, in
  ``bench/out/jobs/``) through the command line, ``check -q -f concise --no-cache --jobs N`` with 1 and 2
  jobs (best of ``--jobs-repeat`` runs each, by CPU time): wall time, CPU time of the process and its workers
  (:func:`scale.run_check`), reports per second by wall time and, for N jobs, by CPU time on N CPUs (N ×
  reports / CPU seconds: what an otherwise idle N-core machine would give), the rate after start-up (wall
  time less the one-file cold start), and whether the outputs are the same.  More files than the
  throughput set because the command line's fixed start-up (≈0.3 s) would otherwise be most of a 300-file
  run with 2 jobs: what a scan of many reports gets is the rate after it;
* per format: the first ``--formats`` (default 60) reports rendered by ``tests/render.py``
  into .txt, .html, .docx and .pdf, the .pdf written as OFD (the OFD fixtures' writer), and the .docx saved as .doc, .rtf and .odt by LibreOffice where it is installed (cached in
  ``bench/out/formats/``), each set checked with
  ``Checker.check_file`` and timed like the Markdown set; the findings of every rendered file
  are compared with those of its Markdown original (they should be identical).

Targets (2-core machine): ≥300 Markdown reports/s and ≥18 PDF reports/s in one process, ≥550/s with
2 jobs; one-file cold start ≤0.4 s.  Throughput is wall time and, beside it, process CPU time (``time.process_time``),
which does not count the time other programs on a shared machine take from this one.
PASS/FAIL is printed beside each target; nothing is asserted.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (bench/generate.py, next to this file)

if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))
from tests.machine import machine_speed  # noqa: E402  (shared with the hostile suite's hang detector)
from tests.shared_path import SHARED  # noqa: E402  (the published reports: their PDFs are timed too)

FORMATS = (".md", ".txt", ".html", ".docx", ".pdf")

TARGET_RATE = 300.0  # Markdown reports per second, one process (issue 12)
TARGET_COLD = 0.4  # seconds, one file in a fresh process
TARGET_PDF = 18.0  # PDF reports per second, one process
TARGET_JOBS = 550.0  # Markdown reports per second with 2 jobs, through the command line
WARMUP = "clean-2023.md"  # examples/: the file a fresh process checks before it is timed


def _files(outdir: Path) -> list[str]:
    return sorted(str(p) for p in outdir.glob("*.md"))


def _checker():
    from disclosure_lint.api import Checker

    return Checker()


def measure_throughput(files: list[str], repeat: int) -> dict:
    t0 = time.perf_counter()
    checker = _checker()
    first = checker.check_file(files[0])  # imports, rule packs, kinds: paid once
    warmup = time.perf_counter() - t0
    best = None
    best_cpu = None
    results = None
    rss_after = []  # peak RSS after each pass: growth from pass to pass means memory is kept per report
    for _ in range(repeat):
        results = None  # the last pass's results are let go first: held while the next pass builds its own,
        # they doubled the peak and read as "memory kept per report"
        t0, c0 = time.perf_counter(), time.process_time()
        results = [checker.check_file(f) for f in files]
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        best = elapsed if best is None else min(best, elapsed)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
        rss_after.append(_maxrss_mb())
    assert results is not None and best is not None and best_cpu is not None
    sizes = [os.path.getsize(f) for f in files]
    codes = Counter(d.code for r in results for d in r.diagnostics)
    errors = [r for r in results if r.error]
    clean_with_findings = [r.path for r in results if "-clean" in os.path.basename(r.path) and r.diagnostics]
    return {
        "n": len(files), "seconds": best, "rate": len(files) / best, "warmup": warmup,
        "cpu_rate": len(files) / max(best_cpu, 1e-9),
        "mb_per_s": sum(sizes) / best / 1e6, "mean_kb": sum(sizes) / len(sizes) / 1024,
        "findings": sum(codes.values()), "codes": codes, "read_errors": len(errors),
        "clean_with_findings": clean_with_findings, "first_ok": first.error is None,
        "rss_after": rss_after,
    }


def one_pass(files: list[str]) -> dict:
    """One ``check_file`` per file in this (fresh) process, after one warm-up file that is not among them: seconds
    and CPU seconds.  Nothing of these files has been seen by the process, so what the checker keeps across
    reports (headings, table rows, sentences read before) helps only as much as the files repeat one another."""
    checker = _checker()
    checker.check_file(str(HERE.parent / "examples" / WARMUP))  # imports, rule packs, kinds: paid once
    t0, c0 = time.perf_counter(), time.process_time()
    for f in files:
        checker.check_file(f)
    return {"n": len(files), "seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0}


def measure_unseen(files: list[str], repeat: int) -> dict:
    """:func:`one_pass` over ``files`` in a fresh process, ``repeat`` times (each a new process): the run with the
    least CPU time."""
    runs = []
    for _ in range(repeat):
        with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as lst:
            lst.write("\n".join(files))
            lst.flush()
            done = subprocess.run([sys.executable, str(HERE / "run.py"), "--one-pass", lst.name], cwd=HERE.parent,
                                  capture_output=True, text=True, check=True)
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return min(runs, key=lambda r: r["cpu"])


def _maxrss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    return rss / 1024 / 1024 if sys.platform == "darwin" else rss / 1024


def measure_memory(files: list[str]) -> dict:
    """Peak of Python allocations while checking every file once (run after the throughput
    passes, whose max RSS is read before tracemalloc adds its own overhead)."""
    checker = _checker()
    checker.check_file(files[0])
    tracemalloc.start()
    for f in files:
        checker.check_file(f)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"traced_peak_mb": peak / 1024 / 1024}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure_cold_start(one: str, runs: int = 5) -> dict:
    cmd = [sys.executable, "-m", "disclosure_lint", "check", one]
    env = dict(os.environ, NO_COLOR="1")
    times = []
    rcs = set()
    failure = None
    cpu = []  # user + system time of the process: what a busy shared machine does not inflate
    subprocess.run(cmd, capture_output=True, env=env)  # fill the OS page cache / .pyc files first
    before = _children_cpu()
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        _out, err = proc.communicate()
        times.append(time.perf_counter() - t0)
        now = _children_cpu()
        cpu.append(now - before)  # this child's share of the waited-for children's total
        before = now
        rcs.add(proc.returncode)
        if proc.returncode not in (0, 1) and failure is None:
            tail = err.decode("utf-8", "replace").strip().splitlines()
            failure = tail[-1] if tail else f"exit {proc.returncode}"
    base = []
    for _ in range(runs):  # the interpreter alone, for reference
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], capture_output=True)
        base.append(time.perf_counter() - t0)
    return {"median": statistics.median(times), "min": min(times), "max": max(times), "runs": runs,
            "cpu_median": statistics.median(cpu),
            "exit_codes": sorted(rcs), "python_only": statistics.median(base), "failure": failure}


def profile(files: list[str], top: int, sort: str, include_startup: bool) -> str:
    prof = cProfile.Profile()
    if include_startup:
        prof.enable()
        checker = _checker()
    else:
        checker = _checker()
        checker.check_file(files[0])
        prof.enable()
    for f in files:
        checker.check_file(f)
    prof.disable()
    buf = io.StringIO()
    st = pstats.Stats(prof, stream=buf)
    st.strip_dirs().sort_stats(sort).print_stats(top)
    return buf.getvalue()


# Cached properties of AnnualReport that many rules share; computed in the "report layer" stage.
_REPORT_FACTS = ("title", "agency", "year", "format_version", "text_blocks", "lintable_blocks", "sections",
                 "sections_by_id", "dates", "published", "is_unified", "structure", "stats")


def breakdown(files: list[str], top: int) -> str:
    """Time per stage (decode, parse, report layer, each rule) over all files, in ms per report.

    The report layer's cached properties are computed once before the rules run, so a rule's
    time is its own work (plus any analysis it shares with rules of the same kind module: the
    first such rule pays for it)."""
    from disclosure_lint.readers import markdown as md
    from disclosure_lint.report import interpret
    from disclosure_lint.textio import decode

    checker = _checker()
    lc = checker.config_for(files[0])
    active = checker._rules_for(lc)  # a benchmark may look inside
    ov = checker.overrides(lc)
    n = len(files)
    t0 = time.perf_counter()
    texts = [decode(Path(f).read_bytes())[0] for f in files]
    t_decode = time.perf_counter() - t0
    t0 = time.perf_counter()
    docs = [md.parse(t, path=f) for t, f in zip(texts, files)]
    t_parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    reps = []
    for d in docs:
        r = interpret(d, ov)
        for name in _REPORT_FACTS:
            if hasattr(type(r), name):  # facts added to the report layer later are timed here too
                getattr(r, name)
        reps.append(r)
    t_report = time.perf_counter() - t0
    per_rule: dict[str, float] = {ar.rule.code: 0.0 for ar in active}
    kinds = {ar.rule.code: ar.rule.spec.kind for ar in active}
    for r in reps:
        for ar in active:
            t0 = time.perf_counter()
            try:
                for _hit in ar.kind.check(r):
                    pass
            except Exception:  # noqa: BLE001 - a broken rule is the engine's DL000, not ours
                pass
            per_rule[ar.rule.code] += time.perf_counter() - t0
    t_rules = sum(per_rule.values())
    ms = 1000 / n
    lines = [f"time per report, averaged over {n} reports (ms)",
             f"  decode          {t_decode * ms:7.3f}",
             f"  parse (Markdown){t_parse * ms:7.3f}",
             f"  report layer    {t_report * ms:7.3f}",
             f"  all {len(active):3d} rules    {t_rules * ms:7.3f}",
             f"  sum             {(t_decode + t_parse + t_report + t_rules) * ms:7.3f}"
             f"  (≈ {n / (t_decode + t_parse + t_report + t_rules):.0f} reports/s before engine overhead)",
             "slowest rules (ms per report):"]
    for code, t in sorted(per_rule.items(), key=lambda kv: -kv[1])[:top]:
        lines.append(f"  {code}  {t * ms:7.3f}  {kinds[code]}")
    return "\n".join(lines)


def _render_module():
    """tests/render.py: the one copy of the Markdown → .txt/.html/.docx/.pdf renderers."""
    root = str(HERE.parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    from tests import render

    return render


def render_formats(files: list[str], outdir: Path) -> tuple[dict[str, list[str]], dict[str, float]]:
    """Render every Markdown file into each format, once: a file is named after the hash of its
    Markdown and of tests/render.py, so a re-run with the same seed and renderers reuses it.
    Returns ({ext: paths}, {ext: seconds spent rendering in this run})."""
    import hashlib

    render = _render_module()
    renderer = Path(render.__file__).read_bytes()
    outdir.mkdir(parents=True, exist_ok=True)
    paths: dict[str, list[str]] = {ext: [] for ext in FORMATS}
    spent: dict[str, float] = dict.fromkeys(FORMATS[1:], 0.0)
    keep = set()
    for f in files:
        md = Path(f).read_text(encoding="utf-8")
        paths[".md"].append(f)
        key = hashlib.sha1(renderer + md.encode("utf-8")).hexdigest()[:10]
        for ext in FORMATS[1:]:
            target = outdir / f"{Path(f).stem}.{key}{ext}"
            keep.add(target.name)
            if not target.exists():
                t0 = time.perf_counter()
                target.write_bytes(render.render(md, ext))
                spent[ext] += time.perf_counter() - t0
            paths[ext].append(str(target))
    keep |= _as_doc(paths, outdir, spent)
    keep |= _as_ofd(paths, outdir, spent)
    for old in outdir.iterdir():  # renderings of reports that are gone
        if old.is_file() and old.name not in keep:
            old.unlink()
    return paths, spent


def _as_doc(paths: dict[str, list[str]], outdir: Path, spent: dict[str, float]) -> set[str]:
    """The .docx renderings saved by LibreOffice as Word 97–2003 .doc, as RTF and as OpenDocument text (one
    ``soffice`` run per format for those not yet converted), as the ``.doc``, ``.rtf`` and ``.odt`` formats; nothing
    where LibreOffice is not installed.
    Returns the files' names."""
    import shutil

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return set()
    names: set[str] = set()
    for ext, target in ((".doc", "doc:MS Word 97"), (".rtf", "rtf"), (".odt", "odt")):
        want = [p[:-len(".docx")] + ext for p in paths[".docx"]]
        todo = [p for p, w in zip(paths[".docx"], want) if not os.path.exists(w)]
        if todo:
            t0 = time.perf_counter()
            with tempfile.TemporaryDirectory() as tmp:
                subprocess.run([soffice, f"-env:UserInstallation={Path(tmp).as_uri()}", "--headless", "--convert-to",
                                target, "--outdir", str(outdir), *todo], capture_output=True, timeout=900)
            spent[ext] = time.perf_counter() - t0
        if all(os.path.exists(w) for w in want):  # a conversion failed: no row rather than a partial one
            paths[ext] = want
            names |= {os.path.basename(w) for w in want}
    return names


def _as_ofd(paths: dict[str, list[str]], outdir: Path, spent: dict[str, float]) -> set[str]:
    """The PDF renderings written as OFD in a converter's shape (one TextObject per glyph: the OFD fixtures' writer,
    ``tests/fixtures/ofd/make_ofd_fixtures.py``, whose source is in the name's hash with the PDF's), as the ``.ofd``
    format.  Returns the files' names."""
    import hashlib

    _render_module()  # (the repository's root on sys.path)
    from tests.fixtures.ofd import make_ofd_fixtures as writer

    code = hashlib.sha1(Path(writer.__file__).read_bytes()).hexdigest()[:6]
    ofd: list[str] = []
    for pdf in paths[".pdf"]:
        target = Path(f"{pdf[:-len('.pdf')]}.{code}.ofd")
        if not target.exists():
            t0 = time.perf_counter()
            try:
                data = writer.from_pdf(Path(pdf).read_bytes(), "glyphs")
            except AssertionError as exc:  # PDFium drops the glyphs of a font this machine lacks (no CJK font)
                print(f"  (no .ofd row: {os.path.basename(pdf)}: {exc}; is a Chinese font installed?)", file=sys.stderr)
                return set()
            target.write_bytes(data)
            spent[".ofd"] = spent.get(".ofd", 0.0) + time.perf_counter() - t0
        ofd.append(str(target))
    paths[".ofd"] = ofd
    return {os.path.basename(p) for p in ofd}


def measure_formats(paths: dict[str, list[str]], repeat: int) -> dict:
    """Throughput of ``check_file`` per format (best of ``repeat`` passes; the first file of each
    format, which imports its reader's libraries, is checked before timing), and how many rendered
    files give other findings than their Markdown original."""
    checker = _checker()
    checker.check_file(paths[".md"][0])
    out: dict[str, dict] = {}
    md_findings = None
    for ext, files in paths.items():
        t0 = time.perf_counter()
        checker.check_file(files[0])
        warm = time.perf_counter() - t0
        best = None
        best_cpu = None
        results = None
        for _ in range(repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            results = [checker.check_file(f) for f in files]
            elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
            best = elapsed if best is None else min(best, elapsed)
            best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
        assert results is not None and best is not None and best_cpu is not None
        findings = [Counter((d.code, d.match) for d in r.diagnostics) for r in results]
        if md_findings is None:
            md_findings = findings
        differ = [os.path.basename(f) for f, a, b in zip(files, findings, md_findings) if a != b]
        sizes = [os.path.getsize(f) for f in files]
        out[ext] = {"n": len(files), "seconds": best, "rate": len(files) / best, "warmup": warm,
                    "cpu_rate": len(files) / max(best_cpu, 1e-9),
                    "mean_kb": sum(sizes) / len(sizes) / 1024, "errors": sum(1 for r in results if r.error),
                    "differ": differ, "findings": sum(sum(c.values()) for c in findings)}
    return out


def report_formats(fm: dict, spent: dict[str, float]) -> list[str]:
    n = fm[".md"]["n"]
    lines = [f"per format ({n} reports each, rendered by tests/render.py; check_file = read + parse + all rules):"]
    for ext, m in fm.items():
        same = "—" if ext == ".md" else (
            f"{m['n'] - len(m['differ'])}/{m['n']} same findings as .md"
            + (f" (differ: {', '.join(m['differ'][:3])}{' …' if len(m['differ']) > 3 else ''})" if m["differ"] else ""))
        target = ""
        if ext == ".pdf":
            target = f"   target ≥{TARGET_PDF:.0f}/s {_verdict(m['rate'] >= TARGET_PDF)}"
        lines.append(f"  {ext:<6}{m['rate']:7.0f} reports/s  ({m['seconds'] * 1000 / m['n']:6.1f} ms each; "
                     f"{m['cpu_rate']:.0f}/s by CPU time; mean {m['mean_kb']:6.1f} KiB; first file "
                     f"{m['warmup'] * 1000:5.0f} ms)   {same}{target}"
                     + (f"   {m['errors']} unreadable" if m["errors"] else ""))
    if any(spent.values()):
        lines.append("  rendering (this run, cached afterwards): "
                     + ", ".join(f"{ext} {t:.1f} s" for ext, t in spent.items() if t))
    return lines


def measure_real_pdfs(repeat: int) -> dict | None:
    """``check_file`` over the published PDFs of ``../shared/corpus/pdf`` (each checked once first, then the best of
    ``repeat`` passes by CPU time); None where there are none."""
    files = sorted(str(p) for p in (SHARED / "corpus" / "pdf").glob("*.pdf"))
    if not files:
        return None
    checker = _checker()
    for f in files:
        checker.check_file(f)
    best = None
    for _ in range(repeat):
        c0 = time.process_time()
        for f in files:
            checker.check_file(f)
        cpu = time.process_time() - c0
        best = cpu if best is None else min(best, cpu)
    assert best is not None
    return {"n": len(files), "ms": best * 1000 / len(files), "rate": len(files) / max(best, 1e-9)}


def report_real_pdfs(real: dict | None) -> list[str]:
    if real is None:
        return [f"  real PDFs: none ({SHARED / 'corpus' / 'pdf'} is not there)"]
    return [f"  real PDFs (../shared/corpus/pdf, {real['n']} published reports): {real['rate']:.0f} reports/s by CPU time "
            f"({real['ms']:.1f} ms each)"]


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def jobs_files(out: Path, n: int, seed: int) -> list[str]:
    """``n`` generated reports in ``out/jobs/`` (made again only when ``n`` or the seed changed)."""
    where = out / "jobs"
    stamp = where / "stamp.txt"
    want = f"{n} {seed}\n"
    if not (stamp.is_file() and stamp.read_text(encoding="utf-8") == want and len(_files(where)) == n):
        generate.generate(n, where, seed=seed)
        stamp.write_text(want, encoding="utf-8")
    return _files(where)


def measure_jobs(files: list[str], repeat: int, jobs: tuple[int, ...] = (1, 2)) -> list[dict]:
    """``check -q -f concise --no-cache --jobs N`` over ``files`` in a fresh process, for each N: the run with
    the least CPU time of ``repeat`` (CPU time is what a shared machine inflates least)."""
    import scale  # bench/scale.py: the process-tree watcher

    out = []
    for n in jobs:
        runs = [scale.run_check(files, HERE.parent, ["--no-cache", "--jobs", str(n)]) for _ in range(repeat)]
        best = min(runs, key=lambda r: r["cpu"])
        best["jobs"] = n
        best["hashes"] = {r["hash"] for r in runs}
        out.append(best)
    return out


def report_jobs(runs: list[dict], n: int, start: float | None) -> list[str]:
    """Lines for the ``--jobs`` runs over ``n`` files; ``start``: the one-file cold start (seconds), taken off
    the wall time for the rate after start-up."""
    lines = []
    first = runs[0]
    for r in runs:
        wall = n / r["seconds"]
        by_cpu = r["jobs"] * n / max(r["cpu"], 1e-9)
        same = "same output" if r["hashes"] == first["hashes"] and len(r["hashes"]) == 1 else "OUTPUT DIFFERS"
        after = f", {n / max(r['seconds'] - start, 1e-9):.0f}/s after start-up" if start else ""
        line = (f"--jobs {r['jobs']} (CLI, {n} files): {wall:.0f} reports/s ({r['seconds']:.2f} s{after}; CPU "
                f"{r['cpu']:.2f} s over the process and its workers: {by_cpu:.0f}/s on {r['jobs']} CPU(s)); peak "
                f"{r['rss_mb']:.0f} MiB RSS, {r['pss_mb']:.0f} MiB PSS; exit {r['exit']}, {same}")
        if r["jobs"] == 2:
            ratio = by_cpu / (n / max(first["cpu"], 1e-9))
            line += (f"; {ratio:.2f}× the 1-job rate by CPU time   target ≥{TARGET_JOBS:.0f}/s with 2 jobs  "
                     f"{_verdict(wall >= TARGET_JOBS)} (by CPU time {_verdict(by_cpu >= TARGET_JOBS)})")
        lines.append(line)
    return lines


def interpreter() -> str:
    """The Python build this benchmark runs on (a virtual environment's ``python`` resolved to the interpreter it was
    made from): builds differ by 10–20 % on the same machine — a source build without profile-guided and
    link-time optimisation (pyenv's default) is slower than a distribution's or python.org's (README, Speed)."""
    return f"Python {sys.version.split()[0]} ({os.path.realpath(sys.executable)})"


def report(tp: dict, mem: dict, cold: dict | None, cpu: int | None, fmt_lines: list[str] | None = None,
           unseen: dict | None = None, speed: float | None = None) -> str:
    lines = [
        "disclosure-lint benchmark",
        "=" * 64,
        f"machine            : {cpu} CPU(s), {interpreter()}, {sys.platform}"
        + (f"; reference work {speed * 1000:.0f} ms (best of 5 by CPU time; the figures below scale with it)"
           if speed is not None else ""),
        f"corpus             : {tp['n']} synthetic Markdown reports, mean {tp['mean_kb']:.1f} KiB",
        f"warm-up            : {tp['warmup'] * 1000:.0f} ms (imports, rule packs, first file)",
        f"throughput (again) : {tp['rate']:.0f} reports/s  ({tp['seconds']:.2f} s for {tp['n']}, best of "
        f"{len(tp['rss_after'])} passes over the same files; {tp['mb_per_s']:.2f} MB/s; {tp['cpu_rate']:.0f}/s by "
        f"process CPU time) — files seen before: what is kept across reports hits more than on new files",
        f"peak memory        : {tp['rss_after'][-1]:.1f} MiB max RSS (whole process, after the timed passes); "
        f"{mem['traced_peak_mb']:.1f} MiB traced Python peak during one pass",
    ]
    if unseen:
        n, sec, cpu_s = unseen["n"], unseen["seconds"], unseen["cpu"]
        lines.insert(5, f"throughput (new)   : {n / sec:.0f} reports/s  ({sec:.2f} s for {n} files not seen before, one "
                        f"pass in a fresh process, best of {unseen['runs']} by CPU time; {n / max(cpu_s, 1e-9):.0f}/s by "
                        f"process CPU time)   target ≥{TARGET_RATE:.0f}/s  {_verdict(n / sec >= TARGET_RATE)} "
                        f"(by CPU time {_verdict(n / max(cpu_s, 1e-9) >= TARGET_RATE)})")
    growth = tp["rss_after"][-1] - tp["rss_after"][0]
    if len(tp["rss_after"]) > 1 and growth > 5:
        lines.append(f"memory growth      : max RSS grew {growth:.1f} MiB between the first and last pass "
                     f"({', '.join(f'{x:.0f}' for x in tp['rss_after'])} MiB) — something keeps reports alive")
    if cold:
        lines.append(
            f"cold start (1 file): {cold['median']:.3f} s median of {cold['runs']} "
            f"(min {cold['min']:.3f}, max {cold['max']:.3f}; CPU {cold['cpu_median']:.3f} s; "
            f"bare python {cold['python_only']:.3f} s; "
            f"exit {','.join(map(str, cold['exit_codes']))})   target ≤{TARGET_COLD} s  "
            f"{_verdict(cold['median'] <= TARGET_COLD)}")
        if cold["failure"]:
            lines.append(f"cold start FAILED to run the check (timing is meaningless): {cold['failure']}")
    top = ", ".join(f"{c}×{n}" for c, n in tp["codes"].most_common(12)) or "none"
    lines += [
        f"findings           : {tp['findings']} in total; by rule: {top}",
        f"clean reports with findings: {len(tp['clean_with_findings'])}"
        + (f" (e.g. {os.path.basename(tp['clean_with_findings'][0])})" if tp["clean_with_findings"] else ""),
    ]
    if tp["read_errors"]:
        lines.append(f"files that could not be read: {tp['read_errors']}")
    if fmt_lines:
        lines += fmt_lines
    lines.append("=" * 64)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="disclosure-lint 性能测试")
    ap.add_argument("-n", type=int, default=300, help="合成报告份数（默认 300）")
    ap.add_argument("--out", default=str(HERE / "out"), help="报告目录（默认 bench/out/）")
    ap.add_argument("--seed", type=int, default=20240118)
    ap.add_argument("--no-generate", action="store_true", help="不重新生成，直接测 --out 中已有的 .md 文件")
    ap.add_argument("--repeat", type=int, default=3, help="吞吐量测量重复次数，取最快一次（默认 3）")
    ap.add_argument("--cold-runs", type=int, default=5, help="冷启动测量次数（默认 5，取中位数）")
    ap.add_argument("--no-cold", action="store_true", help="跳过冷启动测量")
    ap.add_argument("--jobs-repeat", type=int, default=2,
                    help="经命令行以 --jobs 1、--jobs 2 检查的次数，各取 CPU 时间最少的一次（默认 2，0 为跳过）")
    ap.add_argument("--jobs-files", type=int, default=1200,
                    help="--jobs 测量所用的合成报告份数（默认 1200，生成到 --out 下的 jobs/）")
    ap.add_argument("--profile", action="store_true", help="只做 cProfile 分析（按累计时间列出前 25 项）")
    ap.add_argument("--top", type=int, default=25, help="--profile 列出的函数数")
    ap.add_argument("--sort", default="cumulative", help="--profile 排序方式（cumulative、tottime …）")
    ap.add_argument("--include-startup", action="store_true", help="--profile 时把加载规则也计入")
    ap.add_argument("--breakdown", action="store_true", help="分阶段计时：解码、解析、报告解读、每条规则")
    ap.add_argument("--formats", type=int, default=60, metavar="N",
                    help="取前 N 份报告转换为 .txt/.html/.docx/.pdf 分格式测吞吐量（默认 60，0 为跳过）")
    ap.add_argument("--formats-only", action="store_true", help="只做分格式测量")
    ap.add_argument("--format-repeat", type=int, default=2, help="分格式测量重复次数，取最快一次（默认 2）")
    ap.add_argument("--unseen-repeat", type=int, default=3,
                    help="一遍检查 --jobs-files 份未见过的报告（每次一个新进程）的次数，取 CPU 时间最少的一次（默认 3，0 为跳过）")
    ap.add_argument("--one-pass", metavar="LIST", help=argparse.SUPPRESS)  # (measure_unseen's child process)
    ap.add_argument("--hostile", action="store_true",
                    help="只测恶意构造的 1 MB 文本（bench/hostile.py：每种形状、排布一个进程，超时 60 秒）")
    a = ap.parse_args(argv)

    if a.one_pass:
        print(json.dumps(one_pass(Path(a.one_pass).read_text(encoding="utf-8").splitlines())))
        return 0

    if a.hostile:
        import hostile  # bench/hostile.py, next to this file

        hostile.measure()
        return 0

    out = Path(a.out)
    if not a.no_generate:
        generate.generate(a.n, out, seed=a.seed)
    files = _files(out)
    if not files:
        print(f"no .md files in {out}", file=sys.stderr)
        return 2

    if a.profile:
        print(f"cProfile over {len(files)} reports (sorted by {a.sort}, top {a.top})")
        print(profile(files, a.top, a.sort, a.include_startup))
        return 0

    if a.breakdown:
        print(breakdown(files, a.top))
        return 0

    fmt_lines = None
    if a.formats_only:
        paths, spent = render_formats(files[: max(1, a.formats)], out / "formats")
        # the machine line too: a format's figures are compared between runs together with the reference work
        print(f"machine            : {interpreter()}; reference work {machine_speed() * 1000:.0f} ms")
        print("\n".join(report_formats(measure_formats(paths, max(1, a.format_repeat)), spent)))
        print("\n".join(report_real_pdfs(measure_real_pdfs(max(1, a.format_repeat)))))
        return 0

    # the Markdown passes first: the process's peak memory after them is theirs, not that of the other formats'
    # readers and renderers (a PDF or Word file takes more; the formats come next)
    tp = measure_throughput(files, max(1, a.repeat))
    mem = measure_memory(files)
    if a.formats > 0:
        paths, spent = render_formats(files[: a.formats], out / "formats")
        fmt_lines = report_formats(measure_formats(paths, max(1, a.format_repeat)), spent)
        fmt_lines += report_real_pdfs(measure_real_pdfs(max(1, a.format_repeat)))
    cold = None
    if not a.no_cold:
        one = next((f for f in files if "-clean" in os.path.basename(f)), files[0])
        cold = measure_cold_start(one, a.cold_runs)
    unseen = None
    if a.jobs_repeat > 0 or a.unseen_repeat > 0:
        many = jobs_files(out, max(1, a.jobs_files), a.seed)
        if a.unseen_repeat > 0:
            unseen = {**measure_unseen(many, a.unseen_repeat), "runs": a.unseen_repeat}
        if a.jobs_repeat > 0:
            start = cold["median"] if cold and not cold.get("failure") else None
            fmt_lines = [*(fmt_lines or []), *report_jobs(measure_jobs(many, a.jobs_repeat), len(many), start)]
    print(report(tp, mem, cold, os.cpu_count(), fmt_lines, unseen, machine_speed()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
