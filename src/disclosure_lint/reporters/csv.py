"""``--format csv``: one row per report, for a supervising office's spreadsheet; and the one home of
"CSV for Excel" that ``stats`` shares.

Each row (:data:`FIELDS`): the path, the report's agency, its body (the key reports are grouped by), its kind and year, the file format, the per-file
exit status (0: nothing at or above ``--fail-on``; 1: findings at or above it; 2: unreadable or not fully
checked — DL000), the ``reason`` when unreadable or skipped, the number of findings, the counts by severity
(``error``, ``warning``, ``info``) and by category (``structure`` … ``input``, the categories of
:mod:`..diagnostics`, always all of them, in that order).  A run-level problem (an empty directory) is a row
of its own with an empty path and exit status 2.

Like the ``stats`` CSV it is UTF-8 with a byte-order mark and CRLF line ends, so Excel (Chinese Windows
included) opens it with the Chinese intact (on a standard output whose encoding is not UTF-8, such as GBK,
there is no byte-order mark and the stream's own encoding applies).  Cells pass through
:func:`spreadsheet_cell`: control, format and bidi characters escaped (:func:`..termsafe.terminal`), and a
cell that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@`` or a tab, and not a
plain number) prefixed with ``'`` (OWASP's advice against CSV injection): a file named ``=HYPERLINK(…).md``
or a cell written ``=1+2`` is shown, never evaluated.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any, TextIO

from ..diagnostics import CATEGORIES, SEVERITIES, SEVERITY_RANK
from ..failures import is_tool_failure
from ..termsafe import is_utf, terminal

BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")

FIELDS: tuple[str, ...] = (
    "path", "agency", "body", "agency_kind", "year", "format", "exit_status", "reason", "findings",
    *SEVERITIES, *CATEGORIES,
)


def spreadsheet_cell(value: Any) -> str:
    """A value as a CSV cell that a spreadsheet shows and never runs: empty for None, unsafe characters escaped
    (newlines kept), a formula-like start quoted with ``'`` — except a plain number such as ``-8``."""
    if value is None:
        return ""
    text = terminal(value, newlines=True)
    if text.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def write_rows(stream: TextIO, header: Iterable[str], rows: Iterable[Iterable[Any]]) -> None:
    """The header and the rows, each cell through :func:`spreadsheet_cell`, CRLF line ends, a byte-order mark
    first when ``stream`` is UTF-8 (or says no encoding: a file ``output.write_to`` opened as UTF-8).
    ``stream`` must not translate line ends (a file opened with ``newline=""``, or standard output)."""
    encoding = getattr(stream, "encoding", None)
    if encoding is None or is_utf(encoding):
        stream.write(BOM)
    w = csv.writer(stream, lineterminator="\r\n")
    w.writerow(list(header))
    for row in rows:
        w.writerow([spreadsheet_cell(v) for v in row])


def _exit_status(f, threshold: int) -> int:
    if f.error or any(map(is_tool_failure, f.diagnostics)):
        return 2
    return 1 if any(SEVERITY_RANK[d.severity] >= threshold for d in f.diagnostics) else 0


def rows(run, fail_on: str = "error") -> list[dict[str, Any]]:
    """One dict per report (keys :data:`FIELDS`), then one per run-level error."""
    threshold = SEVERITY_RANK[fail_on]  # type: ignore[index]
    out: list[dict[str, Any]] = []
    for f in run.files:
        rep = f.report or {}
        row: dict[str, Any] = {
            "path": f.path, "agency": rep.get("agency"), "body": rep.get("body"), "agency_kind": rep.get("agency_kind"),
            "year": rep.get("year"), "format": f.format, "exit_status": _exit_status(f, threshold),
            "reason": f.error or (f"已跳过：{f.skipped}" if f.skipped else None), "findings": len(f.diagnostics),
        }
        row.update(dict.fromkeys(SEVERITIES, 0))
        row.update(dict.fromkeys(CATEGORIES, 0))
        for d in f.diagnostics:
            row[d.severity] += 1
            row[d.category] += 1
        out.append(row)
    for err in run.errors:
        out.append({**dict.fromkeys(FIELDS), "exit_status": 2, "reason": err, "findings": 0})
    return out


def render(run, stream: TextIO, fail_on: str = "error", **_: object) -> None:
    write_rows(stream, FIELDS, ([r[k] for k in FIELDS] for r in rows(run, fail_on)))
