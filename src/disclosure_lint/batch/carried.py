"""What a part of a sharded scan (``check --shard i/n -f json``) carries so that ``merge`` runs the checks across
reports over every part's reports, as one run runs them: the JSON output's ``cross``.

A part sees only its own files: its checks across reports (a report against its body's report of the year before,
the bodies of one kind, the expected bodies of ``bodies:``) compare what it happens to hold, so its own findings
of those rules are partial (a pair split over two parts is missed, a body whose report is in another part is
"missing").  The part therefore writes, beside its findings::

    "cross": {"v": 1,
              "rule_sets": [{"rules": [{"id", "name", "kind", "category", "message", "severity", "options"}, …],
                             "bodies": [{"name", "kind", "parent", "aliases"}, …]}, …],
              "files": [{"rules": 0, "facts": {…}} | {"rules": null, "facts": null}, …],
              "previous": [{"path": "…", "rules": 0, "facts": {…}}, …]}

``rule_sets``: the cross-report rules of each configuration that applied (its selection, severities and options as
resolved, and its ``bodies:``), each distinct set once; ``files``: one entry per entry of ``files``, in the same
order — the set of the file's configuration and its facts (:mod:`.facts`, compressed as the result cache holds
them: :meth:`.findings.Facts.pack`), null for a file with none (unreadable, skipped, no cross-report rule);
``previous``: the reports given with ``--previous``, compared with and never reported on.

:func:`export` makes it (``check``); :func:`read` checks it field by field and rebuilds the rules (``merge``): a
part is data from anywhere, so every value is validated, each rule's options by its kind's model, the bodies by
the configuration's, every report's facts as the cache's are (:func:`.findings.packed_ok`) and their compressed
parts decompressed within :data:`MAX_FACTS_BYTES` and :data:`MAX_RATIO` times their size; nothing in it is run or evaluated (a rule's message is a
template filled by :func:`..packs.format_message`).
"""

from __future__ import annotations

import base64
import json
import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ..config import Config, ExpectedBody
from ..diagnostics import CATEGORIES, SEVERITIES, Diagnostic
from ..engine import ActiveRule
from ..failures import CODE as FAILURE_CODE
from ..kinds import get_kind
from ..packs import LoadedRule, RuleSpec
from .findings import PACKED, Facts, packed_ok
from .hook import configured_bodies

VERSION = 1
MAX_RULE_SETS = 1000
MAX_RULES = 200  # cross-report rules of one configuration (the tool ships nine)
MAX_TEXT = 10_000  # characters of a rule's message or name
MAX_BASELINE = 100_000  # a file's baseline entries of the rules across reports
MAX_FACTS_BYTES = 16 * 1024 * 1024  # one report's facts decompressed (a real report's: a few KB)
MAX_RATIO = 100  # how many times its size a compressed part of the facts may inflate to (real ones: ≈ 4)
_RULE_ID = re.compile(r"[A-Z]{1,6}\d{3}")
_PLAIN_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class CarriedError(ValueError):
    """A part's ``cross`` that is not what :func:`export` writes (the reason, in Chinese)."""


@dataclass(eq=False)
class _Result:
    """A file's result as the hook reads it (:class:`.hook.Result`)."""

    path: str
    facts: dict | None
    skipped: str | None = None
    error: str | None = None


# -- check: writing ------------------------------------------------------------------------------------------------

def _usable(r: Any) -> bool:
    return r.facts is not None and not r.skipped and not r.error


def export(files: Sequence[Any], previous: Sequence[Any], rules_for: Callable[[str], Sequence[ActiveRule]]) -> dict:
    """The ``cross`` of a part: ``files`` its results (in the order of its ``files``), ``previous`` the results of
    the ``--previous`` files, ``rules_for`` the active rules of a path (``Checker.active_for``)."""
    sets: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    by_list: dict[int, tuple[Sequence[ActiveRule], int]] = {}

    def rule_set(path: str) -> int | None:
        try:
            active = rules_for(path)
        except Exception:  # noqa: BLE001 - a configuration that failed for this file: its file says so already
            return None
        held = by_list.get(id(active))
        if held is not None and held[0] is active:
            return held[1]
        cross = [ar for ar in active if getattr(ar.kind, "cross_report", False)]
        entry = {"rules": [_rule(ar) for ar in cross], "bodies": _bodies(cross)}
        key = json.dumps(entry, sort_keys=True, ensure_ascii=False)
        k = index.get(key)
        if k is None:
            k = index[key] = len(sets)
            sets.append(entry)
        by_list[id(active)] = (active, k)
        return k

    def one(r: Any) -> dict[str, Any]:
        if not _usable(r):
            return {"rules": None, "facts": None}
        return {"rules": rule_set(r.path), "facts": Facts.of(r.facts).pack()}

    return {"v": VERSION, "rule_sets": sets, "files": [one(f) for f in files],
            "previous": [{"path": r.path, **one(r)} for r in previous if _usable(r)]}


def note_baseline(cross: dict, before: Sequence[Any], after: Sequence[Any],
                  entries_of: Callable[[str], list[tuple[str, str]]]) -> None:
    """A part that applied a baseline (``check --baseline``, ``--write-baseline``): each file entry with facts gets
    the baseline's entries of the file for its cross-report rules (``baseline``: ``[code, fingerprint]``; merge hides
    the findings it makes again that they list) and how many of the file's findings of those rules the baseline hid
    in the part (``hidden``: merge counts its own instead).  ``before``/``after``: the files before and after."""
    sets = cross["rule_sets"]
    for e, b, a in zip(cross["files"], before, after, strict=True):
        if e["facts"] is None:
            continue
        codes = frozenset(r["id"] for r in sets[e["rules"]]["rules"]) if e["rules"] is not None else frozenset()
        e["baseline"] = [[c, f] for c, f in entries_of(b.path) if c in codes]
        e["hidden"] = (sum(is_cross(d, codes) for d in b.diagnostics)
                       - sum(is_cross(d, codes) for d in a.diagnostics))


def _rule(ar: ActiveRule) -> dict[str, Any]:
    spec = ar.rule.spec
    return {"id": spec.id, "name": spec.name, "kind": spec.kind, "category": spec.category, "message": spec.message,
            "severity": ar.severity,
            # the options set (a default is left to the kind: 10 stays 10, as one run gives it, not 10.0)
            "options": ar.kind.options.model_dump(mode="json", exclude_unset=True)}


def _bodies(cross: list[ActiveRule]) -> list[dict[str, Any]]:
    out: dict[str, ExpectedBody] = {}
    configured_bodies(cross, set(), out)
    return [b.model_dump(mode="json") for b in out.values()]


# -- merge: reading ------------------------------------------------------------------------------------------------

@dataclass
class Entry:
    """A file's entry of ``cross.files`` read back: its facts (None: none), its cross-report rules and, when the part
    applied a baseline, the baseline's entries of the file for those rules and how many of its findings it hid."""

    facts: dict | None
    rules: list[ActiveRule]
    baseline: list[tuple[str, str]] | None = None
    hidden: int = 0

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(ar.rule.code for ar in self.rules)


@dataclass
class Carried:
    """A part's ``cross`` read back: each file's entry, the ``--previous`` reports."""

    files: list[Entry]
    previous: list[tuple[str, dict, list[ActiveRule]]]


def read(data: Any, n_files: int, source: str) -> Carried:
    """A part's ``cross`` (``n_files``: how many entries its ``files`` has; ``source``: the part's path, for the
    rules' ``source``); :class:`CarriedError` for anything :func:`export` does not write."""
    if not isinstance(data, dict) or data.get("v") != VERSION:
        raise CarriedError(f"cross 的版本应为 {VERSION}")
    sets, files, previous = data.get("rule_sets"), data.get("files"), data.get("previous")
    if not (isinstance(sets, list) and len(sets) <= MAX_RULE_SETS):
        raise CarriedError(f"cross.rule_sets 应为不超过 {MAX_RULE_SETS} 项的列表")
    if not (isinstance(files, list) and len(files) == n_files):
        raise CarriedError("cross.files 应与 files 一一对应")
    if not isinstance(previous, list):
        raise CarriedError("cross.previous 应为列表")
    rules = [_rule_set(s, source) for s in sets]

    def entry(e: Any) -> Entry:
        if not isinstance(e, dict):
            raise CarriedError("cross 的文件条目应为对象")
        facts, k = e.get("facts"), e.get("rules")
        if facts is None:
            return Entry(None, [])
        if not (type(k) is int and 0 <= k < len(rules)) and k is not None:
            raise CarriedError("cross 的文件条目的 rules 无效")
        return Entry(_facts(facts), rules[k] if k is not None else [], *_baseline(e))

    out_files = [entry(e) for e in files]
    out_previous = []
    for e in previous:
        if not (isinstance(e, dict) and isinstance(e.get("path"), str)):
            raise CarriedError("cross.previous 的条目无效")
        got = entry(e)
        if got.facts is not None:
            out_previous.append((e["path"], got.facts, got.rules))
    return Carried(out_files, out_previous)


def _baseline(e: dict[str, Any]) -> tuple[list[tuple[str, str]] | None, int]:
    """A file entry's ``baseline`` (``[code, fingerprint]`` pairs) and ``hidden`` (:func:`note_baseline`)."""
    if "baseline" not in e:
        return None, 0
    got, hidden = e["baseline"], e.get("hidden")
    if not (isinstance(got, list) and len(got) <= MAX_BASELINE and type(hidden) is int and hidden >= 0
            and all(isinstance(x, list) and len(x) == 2 and all(isinstance(y, str) and len(y) <= 200 for y in x)
                    for x in got)):
        raise CarriedError("cross 的文件条目的 baseline 无效")
    return [(c, f) for c, f in got], hidden


def _rule_set(data: Any, source: str) -> list[ActiveRule]:
    if not (isinstance(data, dict) and isinstance(data.get("rules"), list) and len(data["rules"]) <= MAX_RULES
            and isinstance(data.get("bodies"), list)):
        raise CarriedError("cross.rule_sets 的条目无效")
    try:
        config = Config.model_validate({"bodies": data["bodies"]})
    except ValidationError as exc:
        raise CarriedError(f"cross.rule_sets 的 bodies 无效（{exc.errors()[0]['msg']}）") from None
    return [_active(r, config, source) for r in data["rules"]]


def _active(data: Any, config: Config, source: str) -> ActiveRule:
    if not isinstance(data, dict):
        raise CarriedError("cross 的规则条目应为对象")
    rid, name, kind, message = data.get("id"), data.get("name"), data.get("kind"), data.get("message")
    category, severity, options = data.get("category"), data.get("severity"), data.get("options")
    kind_cls = get_kind(kind) if isinstance(kind, str) else None
    if not (isinstance(rid, str) and _RULE_ID.fullmatch(rid) and isinstance(name, str) and len(name) <= MAX_TEXT
            and _PLAIN_NAME.fullmatch(name) and isinstance(message, str) and len(message) <= MAX_TEXT
            and category in CATEGORIES and severity in SEVERITIES and isinstance(options, dict)
            and kind_cls is not None and getattr(kind_cls, "cross_report", False)):
        raise CarriedError(f"cross 的规则条目无效（{str(rid)[:20]}）")
    try:
        opts = kind_cls.Options.model_validate(options)
    except ValidationError as exc:
        raise CarriedError(f"规则 {rid} 的选项无效（{exc.errors()[0]['msg']}）") from None
    # (validated above, field by field; its docs are not needed to report)
    fields = {"id": rid, "name": name, "kind": kind, "category": category, "severity": severity, "message": message,
              "options": options}
    spec = RuleSpec.model_construct(**fields)
    return ActiveRule(LoadedRule(spec, "<merge>", source), kind_cls(spec, opts, config), severity)


def _facts(facts: Any) -> dict:
    """A report's facts as :meth:`.findings.Facts.pack` writes them, checked, their compressed parts within
    :data:`MAX_FACTS_BYTES` decompressed (a planted stream that would inflate to gigabytes is refused here,
    before any check reads it)."""
    if not (isinstance(facts, dict) and PACKED in facts and packed_ok(facts)):
        raise CarriedError("cross 的报告事实无效")
    head = facts[PACKED][0]
    if not all(isinstance(k, str) for k in head):
        raise CarriedError("cross 的报告事实无效")
    budget = MAX_FACTS_BYTES
    for text in facts[PACKED][1]:
        if not isinstance(text, str):  # (bytes come only from a worker, never from JSON)
            raise CarriedError("cross 的报告事实无效")
        data = base64.b64decode(text)  # (packed_ok: base64 text)
        # at most MAX_RATIO times its size (a report's facts inflate ≈ 4 times): the work of a part's facts is
        # bounded by the part's size, whatever the number of reports
        budget -= _inflated(data, min(budget, MAX_RATIO * len(data) + 16 * 1024))
    return facts


def _inflated(data: bytes, budget: int) -> int:
    """How many bytes the zlib streams of ``data`` (one after another) inflate to; :class:`CarriedError` beyond
    ``budget`` or for data that is not such streams."""
    total = 0
    for _ in range(4):  # (a part holds at most two streams)
        d = zlib.decompressobj()
        try:
            got = d.decompress(data, max(1, budget - total + 1))
        except zlib.error:
            raise CarriedError("cross 的报告事实无效（压缩数据损坏）") from None
        total += len(got)
        if total > budget or d.unconsumed_tail:
            raise CarriedError("cross 的报告事实过大")
        if not d.eof:
            raise CarriedError("cross 的报告事实无效（压缩数据不完整）")
        data = d.unused_data
        if not data:
            return total
    raise CarriedError("cross 的报告事实无效")


def is_cross(d: Diagnostic, codes: frozenset[str]) -> bool:
    """Whether ``d`` is a finding of the checks across reports (a rule of ``codes``, or a DL000 of one of them
    failing), which a part found over its own reports only."""
    return d.code in codes or (d.code == FAILURE_CODE and d.evidence.get("rule") in codes
                               and d.evidence.get("stage") == "检查")


def references(carried: Sequence[Carried]) -> tuple[list[_Result], dict[str, list[ActiveRule]]]:
    """The ``--previous`` reports of the parts (each path once: every part read the same) as results for the hook
    (their facts as plain dicts, as ``check`` hands them over), and their rules."""
    out: list[_Result] = []
    rules: dict[str, list[ActiveRule]] = {}
    for c in carried:
        for path, facts, active in c.previous:
            if path not in rules:
                rules[path] = active
                out.append(_Result(path, Facts.of(facts).as_dict()))
    return out, rules


def result(path: str, facts: dict) -> _Result:
    return _Result(path, facts)
