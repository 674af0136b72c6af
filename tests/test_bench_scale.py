"""bench/scale.py: the mixed set of many reports (one body over several years among them), its cache, and
the report of a measurement when the CLI has no --jobs or result cache."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _scale():
    name = "disclosure_lint_bench_scale"
    if name not in sys.modules:
        bench = str(ROOT / "bench")
        if bench not in sys.path:
            sys.path.insert(0, bench)  # scale.py imports generate.py next to it
        spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / "scale.py")
        assert spec is not None and spec.loader is not None
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)
    return sys.modules[name]


def test_mix_and_series():
    scale = _scale()
    plan = scale._plan(1000, seed=3)
    exts = [ext for _stem, ext, _year, _series in plan]
    assert len(plan) == 1000 and {e: exts.count(e) for e in set(exts)}[".md"] in range(690, 710)
    assert {".txt", ".html", ".docx", ".pdf"} <= set(exts)
    series = [p for p in plan if p[3]]
    assert [y for _s, _e, y, _ in series] == list(scale.SERIES_YEARS)
    assert {e for _s, e, _y, _ in series} == {".md", ".txt", ".html", ".docx", ".pdf"}


def test_build_is_cached_and_one_body_spans_the_years(tmp_path):
    scale = _scale()
    files, _spent, reused = scale.build(8, tmp_path / "set", seed=5)
    assert not reused and len(files) == 8 and all(f.exists() and f.stat().st_size > 0 for f in files)
    manifest = json.loads((tmp_path / "set" / "manifest.json").read_text(encoding="utf-8"))
    series = [m for name, m in manifest.items() if "-series-" in name]
    assert len(series) == 6 and len({m["agency"] for m in series}) == 1
    assert sorted(m["year"] for m in series) == list(range(2019, 2025))
    again, spent, reused = scale.build(8, tmp_path / "set", seed=5)
    assert reused and spent == 0.0 and again == files


def test_report_says_not_available():
    scale = _scale()
    runs = [{"label": "1 job, cold cache", "seconds": 2.0, "cpu": 1.5, "rss_mb": 90.0, "exit": 1, "hash": "a",
             "lines": 3, "stderr": ""},
            {"label": "2 jobs, cold cache", "na": True}, {"label": "1 job(s), warm cache", "na": True}]
    files = [Path(__file__)] * 4
    text = scale.report(files, runs, 1.0, False)
    assert text.count("not available") == 2 and "2 reports/s" in text and "peak memory of any run: 90 MiB" in text
