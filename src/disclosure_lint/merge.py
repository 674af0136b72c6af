"""``disclosure-lint merge a.json b.json …``: the JSON results of several ``check -f json`` runs (schema
version 1) joined into one run, shown in any format of ``check``.

The files of parts of one sharded scan (``check --shard i/n``) are put back in the order one run would
have checked them (their ``shard.positions``); other results are joined in the order given.  The parts must be
complete: every ``i`` of ``1..n`` once, one ``n`` for all — a part missing or given twice is one error line
naming it (exit 2), never a merge that passes for the whole scan.  Run-level
errors and the configurations that applied are listed once each; ``fail_on`` is the first result's unless
``--fail-on`` says otherwise; the exit code is computed again from the joined files, as one run computes it.
A baseline's outcome is joined too: findings hidden and entries pruned add up, and an entry is stale when it
is stale in every part (a part does not see the files of the others).

The checks across reports (a body's report against its report of the year before, the bodies of one kind, the
expected bodies of ``bodies:``) are run again over the reports of every part, from the facts and rules each part
carries (its ``cross``: :mod:`.batch.carried`), in one run's order; each part's own findings of those rules, made
over its own reports only, are dropped.  A part of a sharded scan without ``cross`` (written by an older version)
keeps its findings, and the merge says in one run-level error line (exit code 2) that the checks across reports
could not be run again for its files.

Every input is read bounded (:data:`MAX_BYTES`) and checked: a file that is not such a result is one Chinese
line naming it (exit 2), never a traceback.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .api import FileResult, RunResult, merge_extras
from .batch import carried as cross
from .batch.hook import CrossReport
from .batch.identity import RunBodies
from .diagnostics import Diagnostic
from .engine import ActiveRule
from .errors import DisclosureLintError
from .failures import is_tool_failure
from .fsread import Refused, read_regular
from .pipeline import StreamRun
from .reporters.json import SCHEMA_VERSION

MAX_BYTES = 2 * 1024 * 1024 * 1024
MAX_SHARDS = 999_999  # the largest n of --shard i/n (shard.parse: six digits)


class MergeError(DisclosureLintError):
    pass


@dataclass
class Part:
    path: str
    doc: dict[str, Any]
    files: list[FileResult]
    carried: cross.Carried | None = None  # the facts and rules of the checks across reports (a --shard part's)


def load(path: str) -> Part:
    try:
        doc = json.loads(read_regular(path, MAX_BYTES))
    except Refused as exc:
        raise MergeError(f"{path}：{exc}") from None
    except (ValueError, RecursionError):
        raise MergeError(f"{path}：不是 JSON 文件（应为 disclosure-lint check -f json 的输出）") from None
    if not isinstance(doc, dict) or doc.get("version") != SCHEMA_VERSION or not isinstance(doc.get("files"), list):
        raise MergeError(f"{path}：不是 disclosure-lint check -f json 的输出（第 {SCHEMA_VERSION} 版格式）")
    try:
        files = [FileResult.from_json(f) for f in doc["files"]]
    except ValueError as exc:
        raise MergeError(f"{path}：文件条目无效（{exc}）") from None
    if not all(isinstance(x, str) for x in [*doc.get("errors", []), *doc.get("configs", [])]):
        raise MergeError(f"{path}：errors 或 configs 无效")
    shard = doc.get("shard")
    if shard is not None and not (isinstance(shard, dict) and isinstance(shard.get("positions"), list)
                                  and len(shard["positions"]) == len(files)
                                  and all(type(k) is int for k in shard["positions"])
                                  and type(shard.get("count")) is int and type(shard.get("index")) is int
                                  and 1 <= shard["index"] <= shard["count"] <= MAX_SHARDS):
        raise MergeError(f"{path}：shard 信息无效")
    carried = None
    if "cross" in doc:
        try:
            carried = cross.read(doc["cross"], len(files), path)
        except cross.CarriedError as exc:
            raise MergeError(f"{path}：{exc}") from None
    return Part(path, doc, files, carried)


def _sharded(parts: list[Part]) -> bool:
    return all(p.doc.get("shard") for p in parts)


def _complete(parts: list[Part]) -> None:
    """The parts of a sharded scan (``--shard i/n``) are all there, each once, all of the same ``n``; else one line
    naming the parts missing or given twice (a CI job that failed to upload, a part copied twice), before the
    merge would pass an incomplete scan as a whole one.  Results without ``shard`` are not parts: not counted."""
    sharded = [(p.path, p.doc["shard"]["index"], p.doc["shard"]["count"]) for p in parts if p.doc.get("shard")]
    if not sharded:
        return
    counts = {n for _, _, n in sharded}
    if len(counts) > 1:
        said = "、".join(f"{path} 为 {i}/{n}" for path, i, n in sharded[:10])
        raise MergeError(f"各部分的 --shard 总数不同（{said}），不能合并为一次检查；请合并同一次检查的各部分")
    n = counts.pop()
    given: dict[int, list[str]] = {}
    for path, i, _ in sharded:
        given.setdefault(i, []).append(path)
    problems = []
    missing = [i for i in range(1, n + 1) if i not in given]
    if missing:
        shown = "、".join(f"{i}/{n}" for i in missing[:20]) + (f" 等 {len(missing)} 个" if len(missing) > 20 else "")
        problems.append(f"缺少第 {shown} 部分")
    twice = [(i, paths) for i, paths in sorted(given.items()) if len(paths) > 1]
    for i, paths in twice[:5]:
        problems.append(f"第 {i}/{n} 部分给了 {len(paths)} 次（{'、'.join(paths[:3])}{'等' if len(paths) > 3 else ''}）")
    if len(twice) > 5:
        problems.append(f"另有 {len(twice) - 5} 个部分重复")
    if problems:
        raise MergeError(f"--shard 的各部分不完整：{'；'.join(problems)}；合并需要同一次检查的全部 {n} 个部分各一次")


def _ordered(parts: list[Part]) -> list[tuple[Part, int]]:
    """Each file as (its part, its number in the part), in one run's order."""
    if not _sharded(parts):
        return [(p, k) for p in parts for k in range(len(p.files))]
    shards = [p.doc["shard"] for p in parts]  # (one n, each part once: _complete)
    placed: dict[int, tuple[Part, int]] = {}
    for p, s in zip(parts, shards, strict=True):
        for n, k in enumerate(s["positions"]):
            if k in placed:
                raise MergeError(f"{p.path}：与另一部分含有同一位置的文件（同一部分给了两次？）")
            placed[k] = (p, n)
    order = sorted(placed)
    gap = next((k for k, at in enumerate(order) if k != at), None)  # every part there: positions 0 … N-1
    if gap is not None:
        raise MergeError(f"各部分的文件位置不连续（全部文件中的第 {gap + 1} 个不在任何部分中）：这些部分不是同一次检查"
                         "（同样的检出文件和参数）的结果，不能合并为一次检查")
    return [placed[k] for k in order]


def _cross(parts: list[Part], placed: list[tuple[Part, int]],
           baseline: dict[str, Any] | None) -> tuple[dict[str, list[Diagnostic]], list[str], RunBodies]:
    """The checks across reports run again over every part's reports (in one run's order), each part's own
    findings of them dropped from its files; and one line for each part that carries no facts for them."""
    notes = [f"{p.path}：此部分没有跨报告检查所需的报告事实（由旧版本的 check --shard 生成？），合并时未能对其中的文件"
             f"重新运行跨报告检查（与上年报告对照、同类机关比较、下级机关缺报等），这些问题可能缺失或不全；"
             f"请用当前版本重新生成各部分" for p in parts if p.carried is None]
    carried = [p.carried for p in parts if p.carried is not None]
    if not carried:
        return {}, notes, RunBodies()
    previous, rules = cross.references(carried)
    hook = CrossReport(lambda path: rules.get(path, []), previous)
    based: list[tuple[str, cross.Entry]] = []
    for p, k in placed:
        if p.carried is None:
            continue
        e = p.carried.files[k]
        if e.facts is None:
            continue
        f = p.files[k]
        codes = e.codes
        f.diagnostics = [d for d in f.diagnostics if not cross.is_cross(d, codes)]
        rules.setdefault(f.path, e.rules)
        hook.observe(cross.result(f.path, e.facts))
        if e.baseline is not None:
            based.append((f.path, e))
    extras = hook.finish()
    if based:
        _hide(extras, based, baseline)
    return extras, notes, hook.bodies()  # the bodies as one run groups them (by-body lines, the reports' body)


def _hide(extras: dict[str, list[Diagnostic]], based: list[tuple[str, cross.Entry]],
          baseline: dict[str, Any] | None) -> None:
    """The findings across reports that the parts' baseline lists, hidden as ``check --baseline`` hides them; the
    baseline's count of hidden findings is one run's (the parts' own hidden findings of those rules replaced)."""
    hidden = 0
    for path, e in based:
        left = Counter(e.baseline or ())
        kept = []
        for d in extras.get(path, []):
            k = (d.code, d.fingerprint)
            if left[k] > 0 and not is_tool_failure(d):
                left[k] -= 1
                hidden += 1
            else:
                kept.append(d)
        if path in extras:
            extras[path] = kept
        hidden -= e.hidden
    if baseline is not None:
        baseline["ignored"] = max(0, baseline["ignored"] + hidden)


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _baseline(parts: list[Part]) -> dict[str, Any] | None:
    found = [p.doc["baseline"] for p in parts if isinstance(p.doc.get("baseline"), dict)]
    if not found:
        return None

    def total(key: str) -> int | None:
        values = [b.get(key) for b in found if isinstance(b.get(key), int)]
        return sum(values) if values else None

    stale_sets = [[json.dumps(e, sort_keys=True) for e in b.get("stale") or []] for b in found]
    common = set(stale_sets[0]).intersection(*map(set, stale_sets[1:]))
    return {"file": found[0].get("file"), "ignored": total("ignored") or 0, "pruned": total("pruned") or 0,
            "written": total("written"), "stale": [json.loads(e) for e in _unique(stale_sets[0]) if e in common]}


@dataclass
class Merged:
    """The joined parts: their files in one run's order (without the findings across reports), the findings of the
    checks across reports run again (by path), the run's errors, configurations and baseline, and ``fail_on``."""

    files: list[FileResult]
    extras: dict[str, list[Diagnostic]]
    errors: list[str]
    configs: list[str]
    baseline: dict[str, Any] | None
    fail_on: str
    bodies: RunBodies = field(default_factory=RunBodies)

    def whole(self, rules: list[ActiveRule]) -> RunResult:
        """The run as ``check`` gives it to a whole-document format: the findings across reports among their
        files' (:func:`.api.merge_extras`)."""
        return RunResult(files=merge_extras(list(self.files), self.extras, self.bodies.by_path), errors=self.errors,
                         configs=self.configs,
                         baseline=self.baseline, rules=rules)

    def streamed(self, rules: list[ActiveRule]) -> StreamRun:
        """The run as ``check`` streams it (console, concise, github): every file, then the findings across
        reports of each path."""
        return StreamRun(iter(self.files), lambda: self.extras, self.errors, self.configs, rules, lambda _f: None,
                         lambda: self.bodies)


def merge(paths: list[str]) -> Merged:
    """The joined run (``fail_on``: the first part's)."""
    parts = [load(p) for p in paths]
    _complete(parts)
    placed = _ordered(parts)
    baseline = _baseline(parts)
    extras, notes, bodies = _cross(parts, placed, baseline) if _sharded(parts) else ({}, [], RunBodies())
    fail_on = (parts[0].doc.get("summary") or {}).get("fail_on", "error")
    return Merged([p.files[k] for p, k in placed], extras,
                  _unique([e for p in parts for e in p.doc.get("errors", [])] + notes),
                  _unique([c for p in parts for c in p.doc.get("configs", [])]), baseline,
                  fail_on if fail_on in ("error", "warning", "info") else "error", bodies)
