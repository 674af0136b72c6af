"""Same findings before and after a change: ``check -f json`` over many inputs, byte for byte.

    python bench/same_findings.py -o /tmp/before.json                 # snapshot with this checkout
    python bench/same_findings.py -o /tmp/after.json --against /tmp/before.json
    python bench/same_findings.py --src /tmp/base/src -o /tmp/base.json   # another copy of src/
    python bench/same_findings.py --extra ../shared/corpus -o …      # more files or directories

The inputs: ``examples/``, every report under ``tests/fixtures/``, ``-n`` synthetic Markdown
reports of ``bench/generate.py`` (fixed seed, in ``bench/out/same/``) and the first ``--formats``
of them rendered by ``tests/render.py`` into .txt, .html, .docx and .pdf (the renderings are cached
under ``bench/out/same/formats/`` keyed on the Markdown and the renderer, so a later run — with
other reader code — checks the very same bytes), plus any ``--extra`` paths.  Each group is checked
by one ``python -m disclosure_lint check -f json`` process (result cache off); the snapshot is the
groups' JSON outputs, one after another.  ``--against`` compares with an earlier snapshot and
names the first file whose findings differ; the exit code is 1 when anything differs.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (bench/generate.py)
import run  # noqa: E402  (bench/run.py: the cached renderings)

READABLE = {".md", ".markdown", ".txt", ".html", ".htm", ".docx", ".pdf"}


def _fixtures() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests" / "fixtures").rglob("*")
                  if p.is_file() and p.suffix.lower() in READABLE)


def groups(n: int, formats: int, extra: list[str]) -> dict[str, list[str]]:
    out = HERE / "out" / "same"
    if not sorted(out.glob("*.md")) or len(list(out.glob("*.md"))) != n:
        for old in out.glob("*.md"):
            old.unlink()
        generate.generate(n, out, seed=20240601)
    md = sorted(str(p.relative_to(ROOT)) for p in out.glob("*.md"))
    paths, _spent = run.render_formats([str(ROOT / f) for f in md[:formats]], out / "formats")
    rel = {ext: [str(Path(p).relative_to(ROOT)) for p in ps] for ext, ps in paths.items()}
    g = {"examples": sorted(str(p.relative_to(ROOT)) for p in (ROOT / "examples").glob("*.md")),
         "fixtures": _fixtures(), "generated.md": md}
    for ext in (".txt", ".html", ".docx", ".pdf"):
        g[f"generated{ext}"] = rel[ext]
    if extra:
        g["extra"] = extra
    return g


def check(files: list[str], src: str | None) -> str:
    env = dict(os.environ, DISCLOSURE_LINT_NO_CACHE="1", NO_COLOR="1")
    if src:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(src).resolve()), env.get("PYTHONPATH")]))
    proc = subprocess.run([sys.executable, "-m", "disclosure_lint", "check", "-f", "json", *files],
                          capture_output=True, cwd=ROOT, env=env)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"check failed (exit {proc.returncode}): {proc.stderr.decode('utf-8', 'replace')[-800:]}")
    return proc.stdout.decode("utf-8")


def _first_difference(a: str, b: str) -> str:
    try:
        fa = {f["path"]: f for f in json.loads(a)["files"]}
        fb = {f["path"]: f for f in json.loads(b)["files"]}
    except (ValueError, KeyError):
        return "\n".join(list(difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm=""))[:40])
    for path in sorted(set(fa) | set(fb)):
        if fa.get(path) != fb.get(path):
            da = json.dumps(fa.get(path), ensure_ascii=False, indent=1).splitlines()
            db = json.dumps(fb.get(path), ensure_ascii=False, indent=1).splitlines()
            return f"{path}:\n" + "\n".join(list(difflib.unified_diff(da, db, "before", "after", lineterm=""))[:60])
    return "(same findings, other bytes: order or layout of the JSON)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="同一批输入在改动前后的检查结果（JSON）是否逐字节相同")
    ap.add_argument("-o", "--out", required=True, help="快照写入此文件")
    ap.add_argument("--against", help="与此前的快照比较，有差异时退出码为 1")
    ap.add_argument("-n", type=int, default=150, help="合成 Markdown 报告份数（默认 150）")
    ap.add_argument("--formats", type=int, default=40, help="其中前 N 份转换为 .txt/.html/.docx/.pdf（默认 40）")
    ap.add_argument("--src", help="用这份 src/ 目录中的 disclosure_lint（放在 PYTHONPATH 最前）")
    ap.add_argument("--extra", nargs="*", default=[], help="另外要检查的文件或目录")
    a = ap.parse_args(argv)
    snap = {name: check(files, a.src) for name, files in groups(a.n, a.formats, a.extra).items() if files}
    Path(a.out).write_text(json.dumps(snap, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")
    counts = {name: len(json.loads(out)["files"]) for name, out in snap.items()}
    print("files per group: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    if not a.against:
        return 0
    before = json.loads(Path(a.against).read_text(encoding="utf-8"))
    differ = [name for name in sorted(set(before) | set(snap)) if before.get(name) != snap.get(name)]
    if not differ:
        print(f"same findings as {a.against}: {sum(counts.values())} files, byte for byte")
        return 0
    for name in differ:
        print(f"DIFFERENT: group {name}")
        print(_first_difference(before.get(name, "{}"), snap.get(name, "{}")))
    return 1


if __name__ == "__main__":
    sys.exit(main())
