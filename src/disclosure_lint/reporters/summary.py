"""What every format shares: the one-line summary of a run, the count per rule (``--statistics``), and
where a finding is when it has no line (its pointer).

The console prints the summary after its tables; with a machine format on standard output the summary
goes to standard error (:mod:`.emit`), so both say the same thing in the same words.
"""

from __future__ import annotations

from ..failures import is_tool_failure


def summary_line(run, fail_on: str = "error") -> str:
    """``检查了 N 个文件：E 个错误，W 个警告，I 个提示`` with the unreadable, failed and skipped files."""
    skipped = len(run.skipped)
    n_files = len(run.files) - skipped
    unreadable = sum(1 for f in run.files if f.error)
    e, w, i = run.count("error"), run.count("warning"), run.count("info")
    summary = f"检查了 {n_files} 个文件：{e} 个错误，{w} 个警告，{i} 个提示"
    if unreadable:
        summary += f"；{unreadable} 个文件无法读取"
    tool_failed = sum(1 for f in run.files if any(map(is_tool_failure, f.diagnostics)))
    if tool_failed:
        summary += f"；{tool_failed} 个文件因工具出错未能完整检查（DL000，请反馈）"
    unsupported = sum(1 for f in run.skipped if f.report is None)
    if skipped - unsupported:
        summary += f"；跳过 {skipped - unsupported} 个不像年度报告的文件"
    if unsupported:
        summary += f"；跳过 {unsupported} 个无法读取格式（.doc、.wps 等）的文件"
    if run.exit_code(fail_on) == 0 and not (e or w or i):
        summary += "。未发现问题。"
    return summary


def rule_counts(run) -> list[tuple[str, str, int]]:
    """(code, rule name, findings) for every rule that reported, the most frequent first."""
    counts: dict[tuple[str, str], int] = {}
    for f in run.files:
        for d in f.diagnostics:
            counts[(d.code, d.rule)] = counts.get((d.code, d.rule), 0) + 1
    return [(code, rule, n) for (code, rule), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def statistics_lines(run) -> list[str]:
    """``--statistics``: one line per rule, ``  12  DL701  ascii-punctuation``, then the total."""
    rows = rule_counts(run)
    width = max((len(str(n)) for _c, _r, n in rows), default=1)
    lines = [f"{n:>{width}}  {code:<6} {rule}" for code, rule, n in rows]
    lines.append(f"共 {sum(n for _c, _r, n in rows)} 个问题，涉及 {len(rows)} 条规则")
    return lines


def place(d) -> str:
    """Where a finding is, for formats that take one string: ``line:col``, else its pointer (``第3页第14行``,
    ``三、… › 表三 › （七）总计 › 自然人``), else ``全文`` (a finding about the whole file)."""
    if d.line is not None:
        return f"{d.line}:{d.column or 1}"
    return d.pointer or "全文"
