"""``--format concise``: one line per finding, ``path:line:col: CODE [severity] message``.

A finding without a file line (a PDF or Word report, a table cell, the whole file) puts its pointer where
the line and column would be: ``report.pdf:第3页第14行: DL201 [error] …``,
``report.docx:三、… › 表三 › （七）总计 › 自然人: DL201 [error] …``, ``report.md:全文: DL101 [error] …``.
An unreadable file is ``path: 错误: <why>``, a file a directory run skipped (not a report, an unsupported type)
``path: 跳过: <why>`` (not with ``--quiet``).  Everything passes through :func:`~disclosure_lint.termsafe.terminal`
(one finding is always one line: a newline in a message is shown as ``\\n``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TextIO

from ..termsafe import terminal
from .summary import place, statistics_lines, summary_line


def lines(run, quiet: bool = False) -> Iterator[str]:
    """The lines, file by file (a streamed run's files are read once, as they come); a file a directory run skipped
    says so and why, unless ``quiet``."""
    for err in run.errors:
        yield f"错误：{err}"
    for f in run.files:
        if f.error:
            yield f"{f.path}: 错误: {f.error}"
        elif f.skipped and not quiet:
            named = "；在命令行上直接指定该文件即可检查" if f.report is not None else ""
            yield f"{f.path}: 跳过: {f.skipped}{named}"
        for d in f.diagnostics:
            yield f"{f.path}:{place(d)}: {d.code} [{d.severity}] {d.message}"


def render(run, stream: TextIO, fail_on: str = "error", quiet: bool = False, statistics: bool = False,
           **_: object) -> None:
    encoding = getattr(stream, "encoding", None)
    for line in lines(run, quiet):
        stream.write(terminal(line, encoding=encoding) + "\n")
    tail = [] if quiet else [summary_line(run, fail_on)]
    if statistics:
        tail += statistics_lines(run)
    for line in tail:
        stream.write(terminal(line, encoding=encoding) + "\n")
