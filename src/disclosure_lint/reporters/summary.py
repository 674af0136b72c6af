"""What every format shares: the one-line summary of a run, the count per rule (``--statistics``), and
where a finding is when it has no line (its pointer).

The console prints the summary after its tables; with a machine format on standard output the summary
goes to standard error (:mod:`.emit`), so both say the same thing in the same words.
"""

from __future__ import annotations

from ..tally import Tally


def tally_of(run) -> Tally:
    """The run's counts: kept while its files went by (a streamed run), or counted now."""
    kept = getattr(run, "tally", None)
    return kept if isinstance(kept, Tally) else Tally.of(run.files, run.errors)


def summary_line(run, fail_on: str = "error") -> str:
    """``检查了 N 个文件：E 个错误，W 个警告，I 个提示`` with the unreadable, failed and skipped files."""
    t = tally_of(run)
    e, w, i = t.count("error"), t.count("warning"), t.count("info")
    summary = f"检查了 {t.files - t.skipped} 个文件：{e} 个错误，{w} 个警告，{i} 个提示"
    if t.unreadable:
        summary += f"；{t.unreadable} 个文件无法读取"
    if t.tool_failed:
        summary += f"；{t.tool_failed} 个文件因工具出错未能完整检查（DL000，请反馈）"
    if t.skipped - t.unsupported:
        summary += f"；跳过 {t.skipped - t.unsupported} 个不像年度报告的文件"
    if t.unsupported:
        summary += f"；跳过 {t.unsupported} 个无法读取格式（.wps、.xls 等）的文件"
    if t.exit_code(fail_on) == 0 and not (e or w or i):
        summary += "。未发现问题。"
    return summary


MAX_BODY_LINES = 20


def body_lines(run) -> list[str]:
    """``按机关``: when one body has several reports in the run (its years side by side), one line per body —
    the most errors first — with its years and counts; at most :data:`MAX_BODY_LINES` (``-f csv`` has all)."""
    bodies = tally_of(run).bodies
    if not any(b.reports > 1 for b in bodies.values()):
        return []
    ranked = sorted(bodies.items(), key=lambda kv: (-kv[1].severities.get("error", 0),
                                                    -kv[1].severities.get("warning", 0), kv[0]))
    lines = ["按机关："]
    for _key, b in ranked[:MAX_BODY_LINES]:
        years = "、".join(str(y) for y in sorted(b.years))
        sev = b.severities
        lines.append(f"  {b.agency}（{b.reports} 份" + (f"：{years}年度" if years else "") + "）："
                     f"{sev.get('error', 0)} 个错误，{sev.get('warning', 0)} 个警告，{sev.get('info', 0)} 个提示")
    if len(ranked) > MAX_BODY_LINES:
        lines.append(f"  …及另外 {len(ranked) - MAX_BODY_LINES} 个机关（-f csv 列出每份报告）")
    return lines


def rule_counts(run) -> list[tuple[str, str, int]]:
    """(code, rule name, findings) for every rule that reported, the most frequent first."""
    counts = tally_of(run).rules
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
