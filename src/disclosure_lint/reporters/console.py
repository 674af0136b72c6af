"""Default terminal output: a table per file (位置, 级别, 代码, 规则, 说明) and a summary line.

Colours follow rich's detection: off when NO_COLOR is set or output is not a terminal.
"""

from __future__ import annotations

from typing import TextIO

from ..diagnostics import SEVERITY_ZH

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _where(d) -> str:
    if d.line is not None:
        return f"{d.line}:{d.column or 1}"
    return d.pointer or "全文"


def _detail(d) -> str:
    parts = [d.message]
    ev = d.evidence or {}
    if "expected" in ev or "actual" in ev:
        parts.append(f"应为：{ev.get('expected', '')}；实际：{ev.get('actual', '')}")
    if d.fix is not None:
        parts.append(f"可修复：{d.fix.description}")
    return "\n".join(parts)


def render(run, stream: TextIO, fail_on: str = "error", **_: object) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=stream, highlight=False, soft_wrap=False)
    for err in run.errors:
        console.print(Text(f"错误：{err}", style="bold red"))
    for f in run.files:
        if f.error:
            console.print(Text(f"错误：{f.path}：{f.error}", style="bold red"))
            continue
        if not f.diagnostics:
            continue
        rep = f.report or {}
        facts = [v for v in (rep.get("agency"), f"{rep['year']}年度" if rep.get("year") else None,
                             f"{rep['format_version']}格式" if rep.get("format_version") else None) if v]
        title = f"{f.path}" + (f"（{'，'.join(facts)}）" if facts else "")
        table = Table(title=title, title_justify="left", show_lines=False, expand=False, pad_edge=False)
        table.add_column("位置", no_wrap=True)
        table.add_column("级别", no_wrap=True)
        table.add_column("代码", no_wrap=True)
        table.add_column("规则", no_wrap=True)
        table.add_column("说明", overflow="fold")
        for d in f.diagnostics:
            table.add_row(_where(d), Text(SEVERITY_ZH[d.severity], style=_STYLE[d.severity]), d.code, d.rule,
                          _detail(d))
        console.print(table)
    n_files = len(run.files)
    unreadable = sum(1 for f in run.files if f.error)
    e, w, i = run.count("error"), run.count("warning"), run.count("info")
    summary = f"检查了 {n_files} 个文件：{e} 个错误，{w} 个警告，{i} 个提示"
    if unreadable:
        summary += f"；{unreadable} 个文件无法读取"
    code = run.exit_code(fail_on)
    style = "bold red" if code else "bold green"
    if code == 0 and not (e or w or i):
        summary += "。未发现问题。"
    console.print(Text(summary, style=style))
