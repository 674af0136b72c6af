"""Default terminal output: a table per file (位置, 级别, 代码, 规则, 说明) and a summary line.  Below 100
columns the 规则 column is left out so that messages have room (the code names the rule).

Each table's title names the file, its agency, year and format and its counts.  Repeated findings of one
rule in a file are grouped (unless ``group=False``, ``check --no-group``): the first three are shown, the
rest in one row ``…及另外N处`` (with ``，可用 --fix 自动修正`` when every one of them has a safe fix and the
file is of a type ``--fix`` writes).  Only this console view groups; every other format lists each finding.

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

from ..diagnostics import SEVERITY_ZH, Diagnostic, Severity
from ..fixspan import FIXABLE_EXTENSIONS
from ..termsafe import terminal
from .evidence import expected_actual, expected_actual_line
from .summary import body_lines, place, rule_counts, statistics_lines, summary_line

SEVERITY_STYLE: dict[Severity, str] = {"error": "bold red", "warning": "yellow", "info": "cyan"}
NARROW = 100  # below this width the table has no 规则 column
SHOWN_PER_RULE = 3  # grouped view: the findings of one rule shown in a file before "…及另外N处"


def _detail(d) -> str:
    parts = [d.message]
    line = expected_actual_line(d.evidence)
    if line is not None and not all(x is None or x in d.message for x in expected_actual(d.evidence)):
        parts.append(line)  # unless the message says it already
    if d.fix is not None and d.fix.description not in d.message:
        kind = "建议修改" if d.fix.applicability == "safe" else "建议修改（需人工确认）"
        parts.append(f"{kind}：{d.fix.description}")
    return "\n".join(parts)


def grouped(diagnostics: list[Diagnostic], fixable_file: bool) -> list[tuple[Diagnostic, str | None]]:
    """The rows of the grouped view, in the findings' order: ``(finding, None)`` for a finding shown,
    ``(first hidden finding, "…及另外N处…")`` in place of the fourth and later findings of a rule.

    A rule with exactly four findings shows all four: the summary row would take the place of one row."""
    by_code: dict[str, list[Diagnostic]] = {}
    for d in diagnostics:
        by_code.setdefault(d.code, []).append(d)
    rows: list[tuple[Diagnostic, str | None]] = []
    seen: dict[str, int] = {}
    for d in diagnostics:
        same = by_code[d.code]
        index = seen[d.code] = seen.get(d.code, -1) + 1
        if len(same) <= SHOWN_PER_RULE + 1 or index < SHOWN_PER_RULE:
            rows.append((d, None))
        elif index == SHOWN_PER_RULE:
            rest = same[SHOWN_PER_RULE:]
            # the engine's own cap (limits.max_findings_per_rule) ends with one finding standing for the rest
            listed = [x for x in rest if "omitted" not in (x.evidence or {})]
            n = sum(int((x.evidence or {}).get("omitted", 1)) for x in rest)
            note = f"…及另外{'至少' if any((x.evidence or {}).get('omitted_at_least') for x in rest) else ''}{n}处"
            if fixable_file and listed and all(x.fix is not None and x.fix.applicability == "safe" for x in listed):
                note += "，可用 --fix 自动修正"
            rows.append((d, note))
    return rows


def counts_text(diagnostics: list) -> str:
    """``3个错误，9个警告`` (the severities that occur, most severe first; no space, so that a wrapped header
    never parts a number from its word)."""
    return "，".join(f"{n}个{SEVERITY_ZH[sev]}" for sev in ("error", "warning", "info")
                    if (n := sum(1 for d in diagnostics if d.severity == sev)))


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # rich would exit with code 1 (the code for "findings"); the caller decides (cli: quietly, 141)
        self.quiet = True
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))


def make_console(stream: TextIO) -> Console:
    """A rich console; when the output is not a terminal, use a width that keeps tables readable."""
    console = _Console(file=stream, highlight=False, soft_wrap=False, emoji=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console = _Console(file=stream, highlight=False, soft_wrap=False, emoji=False, width=140)
    return console


def render(run, stream: TextIO, fail_on: str = "error", quiet: bool = False, statistics: bool = False,
           group: bool = True, **_: object) -> None:
    """The tables (repeated findings of a rule grouped unless ``group`` is false); unless ``quiet``, the
    configurations applied and the summary (and the count per rule)."""
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
        title = f"{f.path}" + (f"（{'，'.join(facts)}）" if facts else "") + f" {counts_text(f.diagnostics)}"
        console.print(show(title, "bold"))  # its own line, wrapped at the width (a table title would be cut)
        table = Table(show_lines=False, expand=False, pad_edge=False)
        # below 100 columns the rule's name gives its room to the message (the code names the rule; the
        # count per rule after the summary names both), and a long pointer folds instead of being cut
        narrow = console.width < NARROW
        table.add_column("位置", overflow="fold", max_width=16 if narrow else None)
        table.add_column("级别", no_wrap=True)
        table.add_column("代码", no_wrap=True, min_width=5)
        if not narrow:
            table.add_column("规则", overflow="fold", max_width=24)
        table.add_column("说明", overflow="fold")
        # (a file read as another type than its name says, DL004, is not fixed: fixer.fix_file)
        fixable = os.path.splitext(f.path)[1].lower() in FIXABLE_EXTENSIONS and all(d.code != "DL004"
                                                                                    for d in f.diagnostics)
        rows: list[tuple[Diagnostic, str | None]] = (grouped(f.diagnostics, fixable) if group
                                                      else [(d, None) for d in f.diagnostics])
        for d, note in rows:
            severity = show(SEVERITY_ZH[d.severity], SEVERITY_STYLE[d.severity])
            rule = [] if narrow else [show(d.rule)]
            if note is None:
                table.add_row(show(place(d)), severity, show(d.code), *rule, show(_detail(d), newlines=True))
            else:
                table.add_row(show("…", "dim"), severity, show(d.code), *rule, show(note, "dim"))
        console.print(table)
    if not quiet:
        code = run.exit_code(fail_on)
        console.print(show(summary_line(run, fail_on), "bold red" if code else "bold green"))
        for line in body_lines(run):  # one body's reports of several years side by side
            console.print(show(line), soft_wrap=True)
    counts = rule_counts(run)
    if statistics:
        for line in statistics_lines(run):
            console.print(show(line), soft_wrap=True)
    elif not quiet and sum(n for _c, _r, n in counts) >= 10 and len(counts) > 1:
        by_rule = "，".join(f"{code} {rule} ×{n}" for code, rule, n in counts)
        console.print(show(f"按规则：{by_rule}", "dim"))
