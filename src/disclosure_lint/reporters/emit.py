"""Where the results of ``check`` go: the chosen format to standard output or ``--output FILE``, and the
human lines (summary, ``--statistics``) where they do not spoil a machine format.

* ``console`` and ``concise`` are for people: the summary and the count per rule follow the findings on the
  same stream (``--quiet``: no summary).
* the machine formats (``json``, ``sarif``, ``github``, ``gitlab``, ``junit``) carry only their document; the
  summary (unless ``--quiet``) and the count per rule go to standard error, escaped like every stderr line.

``--output FILE`` is written through :func:`~disclosure_lint.output.write_to` (atomically: a temporary file,
then a rename), always UTF-8.  The exit code never depends on the format.
"""

from __future__ import annotations

import sys
from typing import TextIO

from ..output import write_to
from ..termsafe import terminal
from . import get_reporter
from .summary import statistics_lines, summary_line

HUMAN = ("console", "concise")


def _stderr(line: str) -> None:
    try:
        sys.stderr.write(terminal(line, encoding=getattr(sys.stderr, "encoding", None)) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):  # no standard error: the results are what matters
        pass


def emit(run, fmt: str, fail_on: str, *, output: str | None = None, quiet: bool = False,
         statistics: bool = False, group: bool = True) -> None:
    """Write the results; OSError / :class:`~disclosure_lint.output.OutputRefused` when they cannot be."""
    render = get_reporter(fmt)

    def produce(stream: TextIO) -> None:
        render(run, stream, fail_on=fail_on, quiet=quiet, statistics=statistics, group=group)

    if output is None:
        produce(sys.stdout)
    else:
        write_to(output, produce)
    if fmt in HUMAN:
        return
    sys.stdout.flush()
    if not quiet:
        _stderr(summary_line(run, fail_on))
    if statistics:
        for line in statistics_lines(run):
            _stderr(line)
