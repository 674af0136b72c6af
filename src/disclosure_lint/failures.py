"""The tool's own failures on one file: one DL000 finding each, never a traceback that stops the run.

Three places catch an unexpected exception while one file is handled:

* :meth:`.api.Checker.check_document` around each stage (interpreting the document, deciding whether a
  walked file is a report, running the rules, summarising the report): the file gets one DL000 naming
  the stage and the exception type, the other files of the run are still checked;
* :func:`.engine.run` around each rule: a kind's own bug gives one DL000 naming that rule; an exception
  raised inside the report layer (``report/``: a shared fact such as the statistics tables, reached by
  several rules) gives one DL000 for the file naming the fact and the rules that were skipped because of
  it — not one per rule.

A DL000 from an exception carries ``evidence["exception"]`` (the exception's type) and
``evidence["stage"]``: :meth:`.api.RunResult.exit_code` returns 2 when a file has one (the file was not
fully checked; a tool failure is never "no problems found").  A DL000 for a user pattern that ran out of
time (``limits.pattern_timeout_ms``) has no ``exception``: it is the rule's problem, reported, not exit 2.

DL000 has a rule file (``rules/input/DL000-internal-error.yaml``) so that ``explain DL000`` works and
``ignore: [DL000]`` / ``--ignore DL000`` hides these findings (and their exit code 2).  A ``select`` list
that does not name DL000 does not hide it: a tool failure on a rule one selected must not pass silently.
"""

from __future__ import annotations

import os
from dataclasses import replace
from types import TracebackType

from .diagnostics import Diagnostic, fingerprint

CODE = "DL000"
NAME = "internal-error"
FEEDBACK = "这是工具的问题，不是报告的问题，请反馈。"
_REPORT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "report") + os.sep


def describe(exc: BaseException) -> str:
    """``TypeName: message`` with the message bounded (one line)."""
    text = " ".join(str(exc).split())
    if len(text) > 200:
        text = text[:199] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def internal_error(path: str, stage: str, exc: BaseException, message: str, **evidence: object) -> Diagnostic:
    """One DL000 finding for ``path`` (no position: it is about the file)."""
    return Diagnostic(
        path=path, code=CODE, rule=NAME, category="input", severity="warning", message=message,
        evidence={"stage": stage, "exception": type(exc).__name__, **evidence},
        fingerprint=f"{stage}:{type(exc).__name__}:{evidence.get('rule') or evidence.get('fact') or ''}",
    )


def stage_failure(path: str, stage: str, exc: BaseException, consequence: str) -> Diagnostic:
    """A stage of handling the file failed (``stage``: 解读报告, 检查, …); ``consequence`` says what was not done.
    Its fingerprint is final (the engine finalises the others)."""
    d = internal_error(path, stage, exc, f"{stage}时出错（{describe(exc)}），{consequence}。{FEEDBACK}")
    return replace(d, fingerprint=fingerprint(CODE, d.fingerprint, 1))


def rule_failure(path: str, rule_code: str, rule_name: str, exc: BaseException) -> Diagnostic:
    """A kind's own bug: one finding naming the rule (the other rules still ran)."""
    return internal_error(path, "检查", exc,
                          f"规则 {rule_code}（{rule_name}）运行出错，已跳过：{describe(exc)}。{FEEDBACK}", rule=rule_code)


def report_fact(tb: TracebackType | None) -> str | None:
    """The report fact an exception was raised while building: the innermost ``AnnualReport`` member on the
    traceback (``"AnnualReport.stats"``: the same for every rule that reached it, directly or through another
    fact), else where it entered the report layer (``"report/dates.py find_dates"``); None when no frame of the
    report layer is on it (a kind's own code)."""
    entry = member = None
    while tb is not None:
        code = tb.tb_frame.f_code
        path = os.path.abspath(code.co_filename)
        if path.startswith(_REPORT_DIR):
            name = getattr(code, "co_qualname", code.co_name)
            if entry is None:
                entry = f"report/{path[len(_REPORT_DIR):].replace(os.sep, '/')} {name}"
            if name.startswith("AnnualReport."):
                member = name
        tb = tb.tb_next
    return member or entry


def raise_site(tb: TracebackType | None) -> str:
    """The innermost frame of a traceback (file and line), to tell two failures of one fact apart."""
    last = None
    while tb is not None:
        last = tb
        tb = tb.tb_next
    return "" if last is None else f"{last.tb_frame.f_code.co_filename}:{last.tb_lineno}"


def fact_failure(path: str, fact: str, exc: BaseException, rules: list[str]) -> Diagnostic:
    """A shared report fact raised: one finding naming the fact and every rule skipped because of it."""
    shown = "、".join(rules[:8]) + (f" 等 {len(rules)} 条规则" if len(rules) > 8 else "")
    return internal_error(
        path, "分析报告", exc,
        f"分析报告时出错（{fact}：{describe(exc)}），依赖这一分析的规则 {shown} 已跳过。{FEEDBACK}",
        fact=fact, rules=list(rules))


def pattern_timeout(path: str, rule_code: str, rule_name: str, source: object, exc: BaseException) -> Diagnostic:
    """A user rule's pattern ran out of its time (``limits.pattern_timeout_ms``): the rule's problem, not the
    tool's — no ``exception`` in the evidence, so the exit code is not 2."""
    return Diagnostic(
        path=path, code=CODE, rule=NAME, category="input", severity="warning",
        message=f"规则 {rule_code}（{rule_name}）的{exc}，已停止该规则对本文件的检查"
                f"（规则文件 {source}；这是规则的问题，不是报告的问题；"
                "可简化该正则表达式，或在配置 limits.pattern_timeout_ms 中调高时限）。",
        evidence={"stage": "检查", "rule": rule_code, "timeout": True},
        fingerprint=f"{CODE}:{rule_code}",
    )


def is_tool_failure(d: Diagnostic) -> bool:
    """A DL000 from an exception (not from a user pattern's time limit): the file was not fully checked."""
    return d.code == CODE and "exception" in d.evidence
