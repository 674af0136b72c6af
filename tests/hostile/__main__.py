"""``python -m tests.hostile [--all|--big] [--area AREA] [--json FILE] [NAME…]``: run cases, print one line per case.

Columns: verdict (ok / FAIL, and whether the case is marked xfail on main), area, name, seconds, peak
RSS (MB), exit code, and the problems found (the first line of a traceback among them).  Without names:
the default (small) cases; ``--all`` adds the slow ones; ``--big`` runs only the slow ones.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from .build import flatten
from .cases import CASES
from .run import execute, problems


def run_case(c, base: Path) -> dict:
    d = base / c.name
    d.mkdir()
    t0 = time.monotonic()
    try:
        inv = c.build(d)
    except Exception as exc:  # noqa: BLE001 - report a broken case, keep going
        return {"name": c.name, "area": c.area, "ok": False, "problems": [f"case did not build: {exc!r}"]}
    built = time.monotonic() - t0
    try:
        res = execute(d, inv)
        found = problems(d, inv, res, c.exit)
    except Exception as exc:  # noqa: BLE001
        return {"name": c.name, "area": c.area, "ok": False, "problems": [f"harness error: {exc!r}"]}
    return {"name": c.name, "area": c.area, "big": c.big, "extra": c.extra, "xfail": c.xfail,
            "ok": not found, "seconds": round(res.seconds, 2), "build_seconds": round(built, 2),
            "peak_mb": round(res.peak_mb), "exit": res.exit, "problems": found}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.hostile")
    ap.add_argument("names", nargs="*")
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--big", action="store_true")
    ap.add_argument("--area", action="append", help="only the cases of this part (out, conf, text, files)")
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    chosen = [c for c in CASES if (c.name in args.names if args.names else
                                   (args.all or (c.big or c.extra) == args.big))
              and (not args.area or c.area in args.area)]
    if os.geteuid() == 0:
        chosen = [c for c in chosen if not c.needs_non_root]
    base = Path(tempfile.mkdtemp(prefix="hostile-"))
    rows = []
    try:
        for c in chosen:
            row = run_case(c, base)
            rows.append(row)
            mark = "ok  " if row["ok"] else "FAIL"
            mark += " (xfail)" if c.xfail else "        "
            print(f"{mark} {c.area:5} {c.name:38} {row.get('seconds', '-'):>6}s {row.get('peak_mb', '-'):>5}MB "
                  f"exit={row.get('exit')}  {'; '.join(row['problems'])}", flush=True)
            flatten(base / c.name)
            shutil.rmtree(base / c.name, ignore_errors=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    bad = [r for r in rows if not r["ok"]]
    print(f"{len(rows) - len(bad)} ok, {len(bad)} failing of {len(rows)}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
