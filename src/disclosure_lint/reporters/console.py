"""Default terminal output: a table per file (位置, 级别, 代码, 规则, 说明) and a summary line.

A file skipped in a directory run (not an annual report) gets one line saying so and why.

Colours follow rich's detection: off when NO_COLOR is set or output is not a terminal.

Everything shown comes from outside the tool (file names, report text quoted in messages, rule and pack
names), so every piece goes to rich as a ``Text`` (never parsed as markup: ``[/]`` or ``[link=…]`` in a
report is shown as written) after :func:`~disclosure_lint.termsafe.terminal` has escaped control, format
and bidi characters and, on a non-UTF-8 terminal (GBK), what its encoding cannot show.
"""

from __future__ import annotations

import errno
import os
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..diagnostics import SEVERITY_ZH, Severity
from ..termsafe import terminal
from .summary import place, rule_counts, statistics_lines, summary_line

SEVERITY_STYLE: dict[Severity, str] = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _detail(d) -> str:
    parts = [d.message]
    ev = d.evidence or {}
    if "expected" in ev or "actual" in ev:
        expected, actual = str(ev.get("expected", "")), str(ev.get("actual", ""))
        if not (expected in d.message and actual in d.message):  # don't repeat what the message says
            parts.append(f"应为：{expected}；实际：{actual}")
    if d.fix is not None and d.fix.description not in d.message:
        kind = "建议修改" if d.fix.applicability == "safe" else "建议修改（需人工确认）"
        parts.append(f"{kind}：{d.fix.description}")
    return "\n".join(parts)


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # rich would exit with code 1 (the code for "findings"); the caller decides (cli: quietly, 141)
        self.quiet = True
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))


def make_console(stream: TextIO) -> Console:
    """A rich console; when the output is not a terminal, use a width that keeps tables readable."""
    console = _Console(file=stream, highlight=False, soft_wrap=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console = _Console(file=stream, highlight=False, soft_wrap=False, width=140)
    return console


def render(run, stream: TextIO, fail_on: str = "error", quiet: bool = False, statistics: bool = False,
           **_: object) -> None:
    """The tables; unless ``quiet``, the configurations applied and the summary (and the count per rule)."""
    console = make_console(stream)

    def show(text: object, style: str = "", newlines: bool = False) -> Text:
        return Text(terminal(text, newlines, console.encoding), style=style)

    configs = [] if quiet else getattr(run, "configs", None) or []
    for path in configs:  # every configuration that applied (issue 8: trust)
        console.print(show(f"配置：{path}", "dim"), soft_wrap=True)
    for err in run.errors:
        console.print(show(f"错误：{err}", "bold red"))
    for f in run.files:
        if f.error:
            console.print(show(f"错误：{f.path}：{f.error}", "bold red"))
            continue
        if f.skipped:
            if quiet:
                continue
            # a file read and found not to be a report can be checked when named; an unsupported type cannot
            tail = "；在命令行上直接指定该文件即可检查" if f.report is not None else ""
            console.print(show(f"提示：跳过 {f.path}（{f.skipped}{tail}）", "cyan"), soft_wrap=True)
            continue
        if not f.diagnostics:
            continue
        rep = f.report or {}
        facts = [v for v in (rep.get("agency"), f"{rep['year']}年度" if rep.get("year") else None,
                             f"{rep['format_version']}格式" if rep.get("format_version") else None) if v]
        title = f"{f.path}" + (f"（{'，'.join(facts)}）" if facts else "")
        table = Table(title=show(title), title_justify="left", show_lines=False, expand=False, pad_edge=False)
        table.add_column("位置", no_wrap=True)
        table.add_column("级别", no_wrap=True)
        table.add_column("代码", no_wrap=True, min_width=5)
        table.add_column("规则", overflow="fold", max_width=24)
        table.add_column("说明", overflow="fold")
        for d in f.diagnostics:
            table.add_row(show(place(d)), show(SEVERITY_ZH[d.severity], SEVERITY_STYLE[d.severity]), show(d.code),
                          show(d.rule), show(_detail(d), newlines=True))
        console.print(table)
    if not quiet:
        code = run.exit_code(fail_on)
        console.print(show(summary_line(run, fail_on), "bold red" if code else "bold green"))
    counts = rule_counts(run)
    if statistics:
        for line in statistics_lines(run):
            console.print(show(line), soft_wrap=True)
    elif not quiet and sum(n for _c, _r, n in counts) >= 10 and len(counts) > 1:
        by_rule = "，".join(f"{code} {rule} ×{n}" for code, rule, n in counts)
        console.print(show(f"按规则：{by_rule}", "dim"))
