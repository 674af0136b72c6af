"""``disclosure-lint merge a.json b.json …``: the JSON results of several ``check -f json`` runs (schema
version 1) joined into one run, shown in any format of ``check``.

The files of parts of one sharded scan (``check --shard i/n``) are put back in the order one run would
have checked them (their ``shard.positions``); other results are joined in the order given.  Run-level
errors and the configurations that applied are listed once each; ``fail_on`` is the first result's unless
``--fail-on`` says otherwise; the exit code is computed again from the joined files, as one run computes it.
A baseline's outcome is joined too: findings hidden and entries pruned add up, and an entry is stale when it
is stale in every part (a part does not see the files of the others).

Every input is read bounded (:data:`MAX_BYTES`) and checked: a file that is not such a result is one Chinese
line naming it (exit 2), never a traceback.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .api import FileResult, RunResult
from .errors import DisclosureLintError
from .fsread import Refused, read_regular
from .reporters.json import SCHEMA_VERSION

MAX_BYTES = 2 * 1024 * 1024 * 1024


class MergeError(DisclosureLintError):
    pass


@dataclass
class Part:
    path: str
    doc: dict[str, Any]
    files: list[FileResult]


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
                                  and all(isinstance(k, int) and not isinstance(k, bool) for k in shard["positions"])
                                  and isinstance(shard.get("count"), int)):
        raise MergeError(f"{path}：shard 信息无效")
    return Part(path, doc, files)


def _ordered(parts: list[Part]) -> list[FileResult]:
    shards = [p.doc.get("shard") for p in parts]
    if not all(shards):
        return [f for p in parts for f in p.files]
    counts = {s["count"] for s in shards if s}
    if len(counts) != 1:
        raise MergeError("各部分的 --shard 总数不同，不能合并为一次检查")
    placed: dict[int, FileResult] = {}
    for p, s in zip(parts, shards, strict=True):
        assert s is not None
        for k, f in zip(s["positions"], p.files, strict=True):
            if k in placed:
                raise MergeError(f"{p.path}：与另一部分含有同一位置的文件（同一部分给了两次？）")
            placed[k] = f
    return [placed[k] for k in sorted(placed)]


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


def merge(paths: list[str]) -> tuple[RunResult, str]:
    """The joined run and its ``fail_on`` (the first part's)."""
    parts = [load(p) for p in paths]
    files = _ordered(parts)
    run = RunResult(files=files, errors=_unique([e for p in parts for e in p.doc.get("errors", [])]),
                    configs=_unique([c for p in parts for c in p.doc.get("configs", [])]),
                    baseline=_baseline(parts))
    fail_on = (parts[0].doc.get("summary") or {}).get("fail_on", "error")
    return run, fail_on if fail_on in ("error", "warning", "info") else "error"
