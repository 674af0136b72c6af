"""Diagnostics: the one immutable record every reporter formats.

A :class:`Diagnostic` says where (line/column, or a pointer such as
``三、收到和处理政府信息公开申请情况 › 第2个表格``), what (message), why (the rule's
basis, via its code), the expected and actual values (``evidence``), an optional
:class:`Fix`, and a stable ``fingerprint`` that survives edits elsewhere in the
file (for baselines and suppressions).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, TypeGuard, get_args

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
    description: str
    edits: tuple[Edit, ...]
    applicability: Literal["safe", "unsafe"] = "safe"


@dataclass(frozen=True, slots=True)
class Diagnostic:
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
        d = asdict(self)
        d.pop("path")
        if self.fix is None:
            d["fix"] = None
        return d

    @property
    def sort_key(self):
        return (self.line or 0, self.column or 0, self.code)


def fingerprint(code: str, key: str, occurrence: int) -> str:
    """A stable id: the rule, what was matched (and where, structurally), and which occurrence."""
    h = hashlib.sha1(f"{code}\x1f{key}\x1f{occurrence}".encode()).hexdigest()
    return h[:16]
