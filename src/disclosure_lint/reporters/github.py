"""``--format github``: GitHub Actions workflow commands, one per finding, shown as annotations on the pull
request::

    ::error file=report.md,line=22,col=7,endLine=22,endColumn=9,title=DL301 wrong-self-reference::…

error → ``error``, warning → ``warning``, info → ``notice``.  A finding without a line (PDF, Word, a table
cell) is annotated on the file, its pointer leading the message; an unreadable file is an ``error`` on the
file.  Text first passes through :func:`~disclosure_lint.termsafe.terminal` (newlines kept), then GitHub's
escaping: ``%``, ``\\r`` and ``\\n`` in the message; those and ``:`` and ``,`` in property values.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TextIO

from ..termsafe import terminal

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str, encoding: str | None = None) -> str:
    return terminal(text, newlines=True, encoding=encoding).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str, encoding: str | None = None) -> str:
    return escape_data(text, encoding).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, encoding: str | None = None, **props: object) -> str:
    shown = ",".join(f"{k}={escape_property(str(v), encoding)}" for k, v in props.items() if v is not None)
    return f"::{name}{' ' + shown if shown else ''}::{escape_data(message, encoding)}"


def lines(run, encoding: str | None = None) -> Iterator[str]:
    """The commands, file by file (a streamed run's files are read once, as they come)."""
    for err in run.errors:
        yield command("error", err, encoding, title="disclosure-lint")
    for f in run.files:
        if f.error:
            yield command("error", f.error, encoding, file=f.path, title="disclosure-lint：无法读取")
        for d in f.diagnostics:
            message = d.message if d.line is not None or not d.pointer else f"{d.pointer}：{d.message}"
            if d.fix is not None and d.fix.description not in message:
                message += f"\n建议修改：{d.fix.description}"
            yield command(COMMAND[d.severity], message, encoding, file=f.path, line=d.line, col=d.column,
                          endLine=d.end_line, endColumn=d.end_column, title=f"{d.code} {d.rule}")


def render(run, stream: TextIO, **_: object) -> None:
    encoding = getattr(stream, "encoding", None)
    for line in lines(run, encoding):
        stream.write(line + "\n")
