"""Baselines: record today's findings once, then report only new ones (``check --baseline``).

A baseline file is JSON, version 1::

    {
      "version": 1,
      "tool": "disclosure-lint",
      "files": {
        "reports/2023.md": [
          {"code": "DL701", "fingerprint": "3f0c…", "rule": "ascii-punctuation", "match": ","}
        ]
      }
    }

An entry is a finding's :attr:`~.diagnostics.Diagnostic.fingerprint` (the rule, the section, the normalised
matched text and its occurrence among the same text in that section; never a line number), so an edit
elsewhere in the file keeps it; ``rule`` and ``match`` are there for the people reading the file and are
not compared.  Paths are relative to the directory of the baseline file, with ``/``, so a baseline checked
into a repository works from its root, from a sub-directory and in CI.  Files, and the entries of each,
are sorted: writing the same findings again gives the same bytes.  The file is written atomically.

Applying a baseline drops the findings it lists (they are counted: ``Outcome.ignored``); an entry that
matches no finding of a file that was checked, by a rule that ran on it, is *stale* (the finding was
fixed), as is every entry of a file that no longer exists.  Entries of files not checked in this run, of
files that could not be read or were not fully checked (DL000), and of rules not selected are kept as
they are.  Tool failures (DL000) are never recorded nor hidden.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from typing import Any, TextIO

from . import failures
from .api import FileResult, RunResult
from .errors import DisclosureLintError
from .fsread import Refused, read_regular
from .output import OutputRefused, describe, write_to
from .termsafe import json_dumps

VERSION = 1
TOOL = "disclosure-lint"
MAX_BYTES = 64 * 1024 * 1024  # about 300,000 entries; a baseline larger than that is not one this tool wrote
MATCH_CHARS = 80  # the matched text kept for readers of the file (not compared)


class BaselineError(DisclosureLintError):
    """A baseline that cannot be read or written, or options that do not go together (one Chinese line)."""


@dataclass(frozen=True, order=True)
class Entry:
    """A finding recorded in a baseline: its code, fingerprint, rule and matched text."""

    code: str
    fingerprint: str
    rule: str = ""
    match: str = ""

    def to_json(self) -> dict[str, str]:
        return {"code": self.code, "fingerprint": self.fingerprint, "rule": self.rule, "match": self.match}


@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class Baseline:
    """A baseline: the recorded findings of each file."""

    files: dict[str, list[Entry]] = field(default_factory=dict)  # relative path → entries

    def to_text(self) -> str:
        files = {p: [e.to_json() for e in sorted(es)] for p, es in sorted(self.files.items()) if es}
        return json_dumps({"version": VERSION, "tool": TOOL, "files": files}, indent=2) + "\n"

    @property
    def size(self) -> int:
        return sum(len(es) for es in self.files.values())


@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class Outcome:
    """What applying a baseline did: findings hidden, entries gone stale, entries pruned from the file."""

    file: str
    ignored: int = 0
    stale: list[tuple[str, Entry]] = field(default_factory=list)
    pruned: int = 0
    written: int | None = None  # entries written by --write-baseline

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "ignored": self.ignored, "pruned": self.pruned, "written": self.written,
                "stale": [{"path": p, **e.to_json()} for p, e in self.stale]}

    def notes(self) -> list[str]:
        """The lines for standard error (Chinese)."""
        out = []
        if self.written is not None:
            out.append(f"已将 {self.written} 处问题写入基线 {self.file}")
        if self.ignored:
            out.append(f"已忽略基线中的{self.ignored}处问题（{self.file}）")
        if self.pruned:
            out.append(f"已从基线 {self.file} 删除 {self.pruned} 条不再出现的条目")
        elif self.stale:
            out.append(f"基线 {self.file} 中有 {len(self.stale)} 条已不再出现（问题已改正或文件已删除），"
                       "可用 --prune-baseline 删除（-f json 列出这些条目）")
        return out


def _root(baseline_path: str) -> str:
    return os.path.dirname(os.path.abspath(baseline_path))


def key_path(path: str, root: str) -> str:
    """A checked file's path as a baseline names it: relative to ``root`` (the baseline's directory), ``/``."""
    full = os.path.abspath(path)
    try:
        rel = os.path.relpath(full, root)
    except ValueError:  # Windows: another drive than the baseline's
        rel = full
    return rel.replace(os.sep, "/")


def _examined(f: FileResult) -> bool:
    """Fully checked: its findings are all there is (an unreadable, skipped or DL000 file says nothing)."""
    return f.error is None and f.skipped is None and not any(map(failures.is_tool_failure, f.diagnostics))


def record(run: RunResult, root: str) -> Baseline:
    """Every finding of the run but tool failures, as a baseline whose paths are relative to ``root``."""
    files: dict[str, list[Entry]] = {}
    for f in run.files:
        entries = [Entry(d.code, d.fingerprint, d.rule, (d.match or "")[:MATCH_CHARS])
                   for d in f.diagnostics if not failures.is_tool_failure(d)]
        if entries:
            files.setdefault(key_path(f.path, root), []).extend(entries)
    return Baseline(files)


def _fail(path: str, cause: str) -> BaselineError:
    return BaselineError(f"基线文件 {path} 无法使用：{cause}")


def load(path: str) -> Baseline:
    """Read a baseline file, else :class:`BaselineError` naming the file and the cause."""
    try:
        data = read_regular(path, MAX_BYTES)
    except Refused as exc:
        raise _fail(path, str(exc)) from None
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise _fail(path, "不是 UTF-8 编码的文本") from None
    except json.JSONDecodeError as exc:
        raise _fail(path, f"不是有效的 JSON（第{exc.lineno}行第{exc.colno}列：{exc.msg}）") from None
    except RecursionError:
        raise _fail(path, "JSON 嵌套过深") from None
    if not isinstance(doc, dict) or doc.get("tool") != TOOL or not isinstance(doc.get("files"), dict):
        raise _fail(path, "不是 disclosure-lint 的基线文件（应为含 version、tool、files 的 JSON 对象，"
                          "用 --write-baseline 生成）")
    if doc.get("version") != VERSION:
        raise _fail(path, f"版本为 {doc.get('version')!r}，本工具只支持版本 {VERSION}")
    files: dict[str, list[Entry]] = {}
    for rel, entries in doc["files"].items():
        if not isinstance(entries, list):
            raise _fail(path, f"files 中 {rel} 的值应为条目列表")
        out = files.setdefault(rel, [])
        for i, e in enumerate(entries, 1):
            if not (isinstance(e, dict) and isinstance(e.get("code"), str) and isinstance(e.get("fingerprint"), str)
                    and all(isinstance(e.get(k, ""), str) for k in ("rule", "match"))):
                raise _fail(path, f"{rel} 的第{i}个条目应为含字符串 code 和 fingerprint 的对象")
            out.append(Entry(e["code"], e["fingerprint"], e.get("rule", ""), e.get("match", "")))
    return Baseline(files)


def save(baseline: Baseline, path: str) -> None:
    """Write ``baseline`` to ``path`` atomically (:func:`.output.write_to`), else :class:`BaselineError`."""
    text = baseline.to_text()

    def produce(stream: TextIO) -> None:
        stream.write(text)

    try:
        write_to(path, produce)
    except OutputRefused as exc:
        raise BaselineError(f"无法写入基线文件 {path}：{exc}，未写入") from None
    except OSError as exc:
        raise BaselineError(f"无法写入基线文件 {path}：{describe(exc)}") from None


def apply(run: RunResult, baseline: Baseline, root: str, rule_codes: Callable[[str], Collection[str]],
          outcome: Outcome) -> RunResult:
    """``run`` without the findings ``baseline`` lists; ``outcome`` counts them and collects the stale entries.

    ``rule_codes(path)``: the rules that ran on a checked file (an entry of a rule not run is not stale)."""
    checked: set[str] = set()
    files = []
    for f in run.files:
        rel = key_path(f.path, root)
        checked.add(rel)
        entries = baseline.files.get(rel, [])
        if not entries:
            files.append(f)
            continue
        left = Counter((e.code, e.fingerprint) for e in entries)
        kept = []
        for d in f.diagnostics:
            k = (d.code, d.fingerprint)
            if left[k] > 0 and not failures.is_tool_failure(d):
                left[k] -= 1
                outcome.ignored += 1
            else:
                kept.append(d)
        if _examined(f):
            ran = rule_codes(f.path)
            for e in entries:
                k = (e.code, e.fingerprint)
                if left[k] > 0:
                    left[k] -= 1
                    if e.code in ran:
                        outcome.stale.append((rel, e))
        files.append(replace(f, diagnostics=kept))
    for rel, entries in baseline.files.items():
        if rel not in checked and not os.path.lexists(os.path.join(root, rel)):
            outcome.stale.extend((rel, e) for e in entries)  # the file is gone
    outcome.stale.sort()
    return replace(run, files=files, baseline=outcome.to_json())


def entries_of(gate: Gate, path: str) -> list[tuple[str, str]]:
    """The ``(code, fingerprint)`` of the entries of ``path`` in the baseline ``gate`` applied (none: none applied)."""
    if gate.applied is None:
        return []
    base, root = gate.applied
    return [(e.code, e.fingerprint) for e in base.files.get(key_path(path, root), [])]


def pruned(baseline: Baseline, stale: list[tuple[str, Entry]]) -> Baseline:
    """``baseline`` without the ``stale`` entries (each removed once)."""
    drop = Counter(stale)
    files: dict[str, list[Entry]] = {}
    for rel, entries in baseline.files.items():
        for e in entries:
            if drop[(rel, e)] > 0:
                drop[(rel, e)] -= 1
            else:
                files.setdefault(rel, []).append(e)
    return Baseline(files)


class Gate:
    """The command line's ``--baseline``/``--write-baseline``/``--prune-baseline``.

    Made before the files are checked: options that do not go together, and a ``--baseline`` that cannot be
    read, stop the run at once (:class:`BaselineError`).  Called with the run, it gives the run the reporters
    get (the findings in the baseline removed) and the lines for standard error."""

    def __init__(self, use: str | None, write: str | None, prune: bool):
        if use is not None and write is not None:
            raise BaselineError("参数错误：--baseline 与 --write-baseline 不能同时使用（重写基线只用 --write-baseline）")
        if prune and use is None:
            raise BaselineError("参数错误：--prune-baseline 需要与 --baseline 一起使用")
        self.use, self.write, self.prune = use, write, prune
        self.base = load(use) if use is not None else None
        self.applied: tuple[Baseline, str] | None = None  # the baseline applied to the run and its root

    @property
    def active(self) -> bool:
        """A baseline is read or written: the whole run is needed before anything is shown."""
        return self.use is not None or self.write is not None

    def __call__(self, run: RunResult, rule_codes: Callable[[str], Collection[str]]) -> tuple[RunResult, list[str]]:
        if self.write is not None:
            root = _root(self.write)
            base = record(run, root)
            save(base, self.write)
            self.applied = (base, root)
            outcome = Outcome(file=self.write, written=base.size)
            return apply(run, base, root, rule_codes, outcome), outcome.notes()
        if self.use is None or self.base is None:
            return run, []
        outcome = Outcome(file=self.use)
        self.applied = (self.base, _root(self.use))
        run = apply(run, self.base, _root(self.use), rule_codes, outcome)
        if self.prune and outcome.stale:
            save(pruned(self.base, outcome.stale), self.use)
            outcome.pruned = len(outcome.stale)
            run = replace(run, baseline=outcome.to_json())
        return run, outcome.notes()
