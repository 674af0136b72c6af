"""The run's hooks (cross-report checks): observe() sees every result once, in input order; the findings of
finish() join their files in a whole-document format and follow the stream in a streaming one, and count in
the summary and the exit code."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

from disclosure_lint.api import Checker, FileResult, RunResult, merge_extras
from disclosure_lint.cache import RunOptions
from disclosure_lint.diagnostics import Diagnostic
from disclosure_lint.pipeline import Pipeline, StreamRun
from disclosure_lint.reporters import get_reporter

ROOT = Path(__file__).resolve().parent.parent


class Hook:
    def __init__(self):
        self.seen: list[str] = []

    def observe(self, result: FileResult) -> None:
        self.seen.append(result.path)

    def finish(self) -> dict[str, list[Diagnostic]]:
        first = self.seen[0]
        return {first: [Diagnostic(path=first, code="DL290", rule="cross-year", category="statistics",
                                   severity="error", message="上年结转与上年报告的结转下年度继续办理不符")]}


def _pipeline(tmp_path: Path, jobs: int = 1):
    for name in ("clean-2023.md", "defective-2023.md"):
        shutil.copy(ROOT / "examples" / name, tmp_path / name)
    entries = [(str(tmp_path / "clean-2023.md"), False), (str(tmp_path / "defective-2023.md"), False)]
    hook = Hook()
    options = RunOptions(isolated=True)
    return Pipeline(Checker(isolated=True), options, entries, jobs=jobs, hooks=[hook]), hook, entries


def test_whole_document_merges_the_findings(tmp_path):
    pipeline, hook, entries = _pipeline(tmp_path, jobs=2)
    files = merge_extras(list(pipeline.results()), pipeline.extras())
    assert hook.seen == [p for p, _w in entries]
    out = io.StringIO()
    run = RunResult(files=files)
    get_reporter("json")(run, out)
    doc = json.loads(out.getvalue())
    assert [d["code"] for d in doc["files"][0]["diagnostics"]] == ["DL290"]
    assert run.exit_code() == 1


def test_streaming_prints_them_after_the_stream(tmp_path):
    pipeline, hook, entries = _pipeline(tmp_path)
    run = StreamRun(pipeline.results(), pipeline.extras, [], [], [], on_file=lambda f: None)
    out = io.StringIO()
    get_reporter("concise")(run, out)
    lines = out.getvalue().splitlines()
    assert "DL290" in lines[-2] and lines[-2].startswith(entries[0][0])  # after every file's own lines
    assert not any("DL290" in line for line in lines[:-2])
    assert lines[-1].startswith("检查了 2 个文件：11 个错误")  # counted (10 + 1), but not as a third file
    assert run.exit_code() == 1
    assert hook.seen == [p for p, _w in entries]
