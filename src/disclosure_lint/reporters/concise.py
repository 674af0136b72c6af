"""``--format concise``: one line per finding, ``path:line:col: CODE [severity] message``.

A finding without a file line (a PDF or Word report, a table cell, the whole file) puts its pointer where
the line and column would be: ``report.pdf:第3页第14行: DL201 [error] …``,
``report.docx:三、… › 表三 › （七）总计 › 自然人: DL201 [error] …``, ``report.md:全文: DL101 [error] …``.
An unreadable file is ``path: 错误: <why>``.  Everything passes through :func:`~disclosure_lint.termsafe.terminal`
(one finding is always one line: a newline in a message is shown as ``\\n``).
"""

from __future__ import annotations

from typing import TextIO

from ..termsafe import terminal
from .summary import place, statistics_lines, summary_line


def lines(run) -> list[str]:
    out = [f"错误：{err}" for err in run.errors]
    for f in run.files:
        if f.error:
            out.append(f"{f.path}: 错误: {f.error}")
        for d in f.diagnostics:
            out.append(f"{f.path}:{place(d)}: {d.code} [{d.severity}] {d.message}")
    return out


def render(run, stream: TextIO, fail_on: str = "error", quiet: bool = False, statistics: bool = False,
           **_: object) -> None:
    encoding = getattr(stream, "encoding", None)
    body = lines(run)
    if not quiet:
        body.append(summary_line(run, fail_on))
    if statistics:
        body += statistics_lines(run)
    for line in body:
        stream.write(terminal(line, encoding=encoding) + "\n")
