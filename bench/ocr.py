"""Benchmark of OCR (issue 13): seconds per scanned page with 1 and 2 workers, and peak memory.

    python bench/ocr.py                  # examples/*.md rendered, rasterised at 150 dpi (tests/scans.py)
    python bench/ocr.py --dpi 300 --workers 1 2 4

Each example is rendered to a text PDF (tests/render.py), turned into an image-only PDF (150 dpi, 0.6°,
light noise), and read by the PDF reader with ``limits.ocr_workers`` = N, in a fresh process per N (so the
peak resident memory is that of one run: models, page images, the engine of each worker).  Reported: pages,
wall seconds, seconds per page (wall, and CPU time of all threads: the fairer figure on a shared machine), peak RSS.  Target (2-core machine): ≤ 1.5 s a page with 2 workers.
Nothing is asserted; speed is not tested elsewhere.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

_CHILD = """
import json, resource, sys, time
from disclosure_lint.limits import Limits
from disclosure_lint.readers import read_path
limits = Limits(ocr_workers=int(sys.argv[1]))
pages = 0
cpu0 = time.process_time()
started = time.perf_counter()
for path in sys.argv[2:]:
    pages += len(read_path(path, limits).ocr_pages)
seconds = time.perf_counter() - started
cpu = time.process_time() - cpu0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"pages": pages, "seconds": seconds, "cpu": cpu, "peak_mb": rss}))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dpi", type=int, default=150)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    from disclosure_lint.readers import ocr
    from tests import render, scans

    if not ocr.available():
        print("the ocr extra is not installed: pip install -e '.[ocr]'")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for md in sorted((ROOT / "examples").glob("*.md")):
            if md.name == "README.md":
                continue
            out = Path(tmp) / f"{md.stem}-scan.pdf"
            out.write_bytes(scans.scan(render.to_pdf(md.read_text(encoding="utf-8")), dpi=args.dpi, angle=0.6,
                                       noise=0.003))
            files.append(str(out))
        print(f"{len(files)} scanned reports at {args.dpi} dpi")
        for n in args.workers:
            started = time.perf_counter()
            run = subprocess.run([sys.executable, "-c", _CHILD, str(n), *files], capture_output=True, text=True,
                                 cwd=ROOT)
            if run.returncode:
                print(run.stderr)
                return 1
            r = json.loads(run.stdout)
            per_page = r["seconds"] / max(r["pages"], 1)
            verdict = "PASS" if per_page <= 1.5 or n < 2 else "FAIL"
            print(f"workers {n}: {r['pages']} pages in {r['seconds']:.1f} s = {per_page:.2f} s/page "
                  f"(CPU {r['cpu'] / max(r['pages'], 1):.2f} s/page; process {time.perf_counter() - started:.1f} s), peak RSS {r['peak_mb']:.0f} MB"
                  + (f"  [target ≤ 1.5 s/page with 2 workers: {verdict}]" if n == 2 else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
