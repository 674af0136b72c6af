"""Diagnostics: the one immutable record every reporter formats.

A :class:`Diagnostic` says where (line/column, or a pointer such as
``三、收到和处理政府信息公开申请情况 › 第2个表格``), what (message), why (the rule's
basis, via its code), the expected and actual values (``evidence``), an optional
:class:`Fix`, and a stable ``fingerprint`` that survives edits elsewhere in the
file (for baselines and suppressions).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal, TypeGuard, get_args

from .model import slots_twin

# The one home of the severities and the rule categories: rule files, configurations, the engine, the reporters
# and the rule docs all take them from here.
Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = get_args(Severity)
SEVERITY_RANK: dict[Severity, int] = {"info": 0, "warning": 1, "error": 2}
SEVERITY_ZH: dict[Severity, str] = {"error": "错误", "warning": "警告", "info": "提示"}

Category = Literal[
    "structure", "statistics", "self-reference", "date", "content-safety",
    "duplication", "typography", "terminology", "writing", "input",
]
CATEGORIES: tuple[Category, ...] = get_args(Category)
CATEGORY_ZH: dict[Category, str] = {
    "structure": "结构", "statistics": "统计数据", "self-reference": "自称", "date": "日期",
    "content-safety": "内容安全", "duplication": "重复", "typography": "标点格式", "terminology": "用语",
    "writing": "文字", "input": "输入",
}


def is_severity(value: str) -> TypeGuard[Severity]:
    return value in SEVERITIES


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text from (line, column) to (end_line, end_column) — end exclusive, 1-based."""

    line: int | None
    column: int | None
    end_line: int | None
    end_column: int | None
    replacement: str
    pointer: str | None = None


@dataclass(frozen=True, slots=True)
class Fix:
    """A finding's fix.  Its edits are applied together or not at all, unless ``independent``: the finding stands
    for many places (DL701 on a text whose every comma is half-width) and each edit may be applied on its own
    (one that cannot be applied, say in protected text, leaves the others)."""

    description: str
    edits: tuple[Edit, ...]
    applicability: Literal["safe", "unsafe"] = "safe"
    independent: bool = False

    def to_json(self) -> dict[str, Any]:
        """What ``asdict`` gives, without ``independent`` unless it is set (the output of every other fix is as
        it was before the field)."""
        out = asdict(self)
        if not self.independent:
            del out["independent"]
        return out


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding of a rule in a file: the rule, its severity, message and place, and perhaps a fix."""

    path: str
    code: str
    rule: str
    category: Category
    severity: Severity
    message: str
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    pointer: str | None = None
    match: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    fix: Fix | None = None
    fingerprint: str = ""

    def to_json(self) -> dict[str, Any]:
        """Every field but ``path`` as plain JSON: what ``asdict`` gives (evidence and fix copied), built field by field
        when the evidence is plain JSON (dicts, lists, tuples, str, int, float, bool, None: what it always is) —
        ``asdict`` walks every field and value through its recursive helper (most of a finding's ``to_json``)."""
        try:
            evidence = _plain(self.evidence)
        except _NotPlain:
            d = asdict(self)
            d.pop("path")
            if self.fix is not None:
                d["fix"] = self.fix.to_json()
            return d
        fix = self.fix
        return {"code": self.code, "rule": self.rule, "category": self.category, "severity": self.severity,
                "message": self.message, "line": self.line, "column": self.column, "end_line": self.end_line,
                "end_column": self.end_column, "pointer": self.pointer, "match": self.match, "evidence": evidence,
                "fix": None if fix is None else fix.to_json(), "fingerprint": self.fingerprint}

    @classmethod
    def from_json(cls, data: Any, path: str) -> Diagnostic:
        """The finding :meth:`to_json` gave (for ``path``), checked field by field: :class:`ValueError` for
        anything else (a result read back from the cache or from another process is data, never trusted).  A fix's
        edits are a list (JSON: the cache) or the tuple :meth:`to_json` gives (a ``--jobs`` worker's answer)."""
        if not isinstance(data, dict) or set(data) - _JSON_FIELDS:
            raise ValueError("not a diagnostic")
        for key, types in _JSON_TYPES.items():
            if not isinstance(data.get(key), types) or isinstance(data.get(key), bool):
                raise ValueError(f"diagnostic field {key}")
        if data["severity"] not in SEVERITIES or data["category"] not in CATEGORIES:
            raise ValueError("diagnostic severity or category")
        fix = data.get("fix")
        if fix is not None:
            if not (isinstance(fix, dict) and isinstance(fix.get("description"), str)
                    and fix.get("applicability") in ("safe", "unsafe") and isinstance(fix.get("edits"), list | tuple)
                    and isinstance(fix.get("independent", False), bool)):
                raise ValueError("diagnostic fix")
            edits = []
            for e in fix["edits"]:
                if not (isinstance(e, dict) and set(e) <= _EDIT_FIELDS and isinstance(e.get("replacement"), str)
                        and all(isinstance(e.get(k), int | None) and not isinstance(e.get(k), bool)
                                for k in ("line", "column", "end_line", "end_column"))
                        and isinstance(e.get("pointer"), str | None)):
                    raise ValueError("diagnostic fix edit")
                edits.append(Edit(**e))
            fix = Fix(fix["description"], tuple(edits), fix["applicability"], fix.get("independent", False))
        if cls is not Diagnostic:
            return cls(path=path, **{**data, "evidence": data.get("evidence") or {}, "fix": fix})
        get = data.get
        return new_diagnostic(path, data["code"], data["rule"], data["category"], data["severity"], data["message"],
                              get("line"), get("column"), get("end_line"), get("end_column"), get("pointer"),
                              get("match"), get("evidence") or {}, fix, data["fingerprint"])

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.line or 0, self.column or 0, self.code)


_DiagnosticSlots = slots_twin(Diagnostic)


def new_diagnostic(path: str, code: str, rule: str, category: Category, severity: Severity, message: str,
                   line: int | None, column: int | None, end_line: int | None, end_column: int | None,
                   pointer: str | None, match: str | None, evidence: dict[str, Any], fix: Fix | None,
                   fingerprint: str) -> Diagnostic:
    """``Diagnostic(path, code, …, fingerprint)`` with every field given, made faster (see :func:`.model.slots_twin`:
    the frozen dataclass's ``__init__`` calls ``object.__setattr__`` once per field, ≈ 10 µs a finding on the slow
    instance; the cross-report checks make ≈ 2 findings a report in the parent, after the last worker's answer)."""
    d: Any = _DiagnosticSlots()
    d.path = path
    d.code = code
    d.rule = rule
    d.category = category
    d.severity = severity
    d.message = message
    d.line = line
    d.column = column
    d.end_line = end_line
    d.end_column = end_column
    d.pointer = pointer
    d.match = match
    d.evidence = evidence
    d.fix = fix
    d.fingerprint = fingerprint
    d.__class__ = Diagnostic
    return d


class _NotPlain(Exception):
    """A value :func:`_plain` leaves to ``asdict``."""


_ATOMIC = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    """What ``asdict``'s helper makes of ``value`` when it is plain JSON (the same types, copied; an atom itself, as
    its ``copy.deepcopy`` is), :class:`_NotPlain` for anything else (a dataclass, a named tuple, a subclass)."""
    t = type(value)
    if t in _ATOMIC:
        return value
    if t is dict:
        if _ATOMIC.issuperset(map(type, value.values())) and _ATOMIC.issuperset(map(type, value)):
            return dict(value)  # (a flat dict: one C-level copy)
        return {_plain(k): _plain(v) for k, v in value.items()}
    if t is list:
        return [_plain(v) for v in value]
    if t is tuple:
        return tuple(_plain(v) for v in value)
    raise _NotPlain


_TO_JSON_FIELDS = ("code", "rule", "category", "severity", "message", "line", "column", "end_line", "end_column",
                   "pointer", "match", "evidence", "fix", "fingerprint")  # to_json's keys, in the fields' order
if tuple(f.name for f in fields(Diagnostic))[1:] != _TO_JSON_FIELDS:
    raise RuntimeError("Diagnostic changed its fields: update Diagnostic.to_json, from_json and new_diagnostic")
_JSON_FIELDS = frozenset(f.name for f in fields(Diagnostic)) - {"path"}
_EDIT_FIELDS = frozenset(f.name for f in fields(Edit))
_POSITION = (int, type(None))
_TEXT = (str, type(None))
_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "code": (str,), "rule": (str,), "category": (str,), "severity": (str,), "message": (str,),
    "line": _POSITION, "column": _POSITION, "end_line": _POSITION, "end_column": _POSITION,
    "pointer": _TEXT, "match": _TEXT, "evidence": (dict, type(None)), "fingerprint": (str,),
}


def fingerprint(code: str, key: str, occurrence: int) -> str:
    """A stable id: the rule, what was matched (and where, structurally), and which occurrence."""
    h = hashlib.sha1(f"{code}\x1f{key}\x1f{occurrence}".encode()).hexdigest()
    return h[:16]
