"""Export the statistics tables (sections 二, 三, 四) of many reports as CSV or JSON.

``disclosure-lint stats PATH... --format csv|json [--output FILE]`` is for offices that
collect the annual reports of many bodies and want the numbers in one spreadsheet or
one data file: one *record* per report file and table cell, keyed by the canonical row
and column ids of :mod:`disclosure_lint.report.stats.schema`, so records from reports
that word their labels differently still line up.

* **Records** (CSV rows; JSON ``records``) have the fixed fields of :data:`FIELDS`, in
  that order.  ``value`` is the number as written without thousands separators
  (``"1250"``, ``"3.5"``, ``"-8"``) and empty for blanks and placeholders (``/``, ``—``,
  ``无``); ``value_kind`` says which (``int``, ``decimal``, ``worded`` — a 本年增/减 written in words, 减4 or
  未增未减, exported as −4 or 0 —, ``blank``, ``slash``, ``dash``, ``none``, ``na``, ``text``) and ``raw`` keeps the
  cell text.  ``line``/``column`` point at
  the cell in the source file (1-based; column counts characters).
* **CSV** is UTF-8 *with* a byte-order mark and CRLF line ends, so Excel (Chinese Windows
  included) opens it with the Chinese intact; the first row is the header.
* **JSON** (``version`` 1) adds one entry per file with the report facts, any read
  error, and per table its layout, versions, a ``values`` matrix (row id → column id →
  number or null), and what could not be placed (missing, unrecognised and extra rows and
  columns), so an aggregator can tell "reported 0" from "not readable".

Files are found and read exactly as ``check`` does (:func:`disclosure_lint.api.discover`,
the same configuration, size limit and one-line Chinese read errors); a file that cannot
be read is listed with its ``error`` and the others are still exported.  ``--output``
goes through :func:`disclosure_lint.output.write_to`: a regular file (or one a symlink points
to) is replaced atomically, only by a complete export; a character device is streamed to;
a directory, FIFO, socket or block device is refused.

Text from outside (file names, cell text) may hold control, format or bidi characters: CSV
cells show them escaped (:func:`disclosure_lint.termsafe.terminal`, ``\\x1b``; a file-name byte
that is not UTF-8 as ``\\xff``), JSON ``\\u``-escapes them, so neither can drive a terminal.  A CSV cell
that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` first, not a plain number like ``-8``)
is prefixed with ``'`` (:func:`disclosure_lint.reporters.csv.spreadsheet_cell`).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import IO, Any, TextIO

from . import __version__
from .api import discover
from .cache import RunOptions
from .failures import describe
from .limits import DEFAULT_LIMITS
from .output import write_to
from .parallel import choose_jobs, ordered
from .report import interpret
from .report.stats.model import StatCell, StatTable, worded_change
from .report.stats.schema import S2_EXTRA_ROWS, S3_EXTRA_COLS, SCHEMAS
from .reporters.csv import write_rows
from .termsafe import json_dumps

SCHEMA_VERSION = 1
TABLE_ORDER = ("s2", "s3", "s4")

FIELDS: tuple[str, ...] = (
    "path",  # the report file, as given or found by the directory walk
    "agency",  # agency name (from the title, or the configuration)
    "agency_kind",  # government | department | … (see report/agency.py)
    "year",  # report year
    "format_version",  # unified format the report year calls for: 2019 (试行) or 2021
    "table",  # s2 | s3 | s4
    "table_title",  # 主动公开政府信息情况 …
    "detected_version",  # format version betrayed by the table's own labels (empty: undecidable)
    "row_id",  # canonical row id, e.g. result.not_open.state_secret
    "row_label",  # the official label of that row
    "row_label_written",  # the label as written in the report
    "col_id",  # canonical column id, e.g. natural_person
    "col_group",  # column group (法人或其他组织, 行政复议 …), empty if none
    "col_label",  # the official column label
    "col_label_written",  # the column label as written
    "value",  # the number (no thousands separators); empty when the cell holds no number
    "value_kind",  # int | decimal | worded | blank | slash | dash | none | na | text
    "unit",  # unit written in the cell (万元, 元, 件 …), empty if none
    "raw",  # the cell text as written
    "line",  # 1-based source line of the cell (empty for formats without lines)
    "column",  # 1-based source column of the cell
    "pointer",  # where the cell is in formats without lines (Word, PDF), e.g. 表格1第3行第2列
)


# -- data ------------------------------------------------------------------------------------------


@dataclass
class FileExport:
    path: str
    error: str | None = None
    format: str | None = None
    encoding: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)  # agency, agency_kind, year, format_version, title
    tables: dict[str, dict[str, Any]] = field(default_factory=dict)  # JSON summary per table
    records: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ExportRun:
    files: list[FileExport]
    errors: list[str] = field(default_factory=list)  # run-level problems (e.g. an empty directory)

    @property
    def records(self) -> Iterable[dict[str, Any]]:
        for f in self.files:
            yield from f.records

    @property
    def exit_code(self) -> int:
        return 2 if self.errors or any(f.error for f in self.files) else 0


# -- from a report to records ----------------------------------------------------------------------


def _number_text(n: Decimal | None) -> str | None:
    if n is None:
        return None
    return format(n, "f")


def _number(sc: StatCell) -> tuple[Decimal | None, str]:
    """The cell's number and its kind as exported: a 本年增/减 written in words (减4, 增加3, 未增未减: a real page's
    whole column) is its signed number, of kind ``worded``; any other text has none."""
    v = sc.value
    if v.is_number:
        return v.number, v.kind
    if v.kind == "text" and sc.col == "change":
        n = worded_change(sc.raw)
        if n is not None:
            return n, "worded"
    return None, v.kind


def _json_number(n: Decimal | None) -> int | float | None:
    if n is None:
        return None
    exponent = n.as_tuple().exponent  # 'n', 'N', 'F' for NaN and infinity
    if n == n.to_integral_value() and isinstance(exponent, int) and exponent >= 0:
        return int(n)
    return float(n)


def _position(sc) -> tuple[int | None, int | None]:
    if sc.cell is not None and sc.cell.line is not None:
        return sc.cell.line, sc.cell.column
    if sc.block is not None:
        return sc.block.line, sc.block.column
    return None, None


def _pointer(sc) -> str | None:
    if sc.cell is not None and sc.cell.pointer:
        return sc.cell.pointer
    return sc.block.pointer if sc.block is not None else None


def _label_line(block, cell) -> int | None:
    if cell is not None and cell.line is not None:
        return cell.line
    return block.line if block is not None else None


class _Labels:
    """Official labels and order of a table's rows and columns, the report's version first."""

    def __init__(self, table: StatTable):
        versions = [table.schema]
        versions += [s for (tid, _v), s in SCHEMAS.items() if tid == table.id and s is not table.schema]
        self.rows: dict[str, tuple[int, str]] = {}
        self.cols: dict[str, tuple[int, str, str | None]] = {}
        for k, sch in enumerate(versions):
            for i, r in enumerate(sch.rows):
                self.rows.setdefault(r.id, (k * 1000 + i, r.label))
            for i, c in enumerate(sch.cols):
                self.cols.setdefault(c.id, (k * 1000 + i, c.label, c.group))
        if table.id == "s2":
            for i, r in enumerate(S2_EXTRA_ROWS):
                self.rows.setdefault(r.id, (5000 + i, r.label))
        if table.id == "s3":
            for i, c in enumerate(S3_EXTRA_COLS):
                self.cols.setdefault(c.id, (5000 + i, c.label, c.group))


def table_records(path: str, facts: dict[str, Any], table) -> list[dict[str, Any]]:
    """One record per cell of ``table`` (a :class:`StatTable`), rows and columns in schema order."""
    labels = _Labels(table)
    far = 10**9

    def order(item):
        (row, col), sc = item
        line, column = _position(sc)
        return (labels.rows.get(row, (far,))[0], labels.cols.get(col, (far,))[0], line or 0, column or 0)

    out = []
    for (row, col), sc in sorted(table.cells.items(), key=order):
        line, column = _position(sc)
        row_label = labels.rows.get(row, (0, sc.row_label))[1]
        _, col_label, col_group = labels.cols.get(col, (0, sc.col_label, None))
        v = sc.value
        number, kind = _number(sc)
        out.append({
            "path": path,
            "agency": facts.get("agency"),
            "agency_kind": facts.get("agency_kind"),
            "year": facts.get("year"),
            "format_version": facts.get("format_version"),
            "table": table.id,
            "table_title": table.schema.title,
            "detected_version": table.detected_version,
            "row_id": row,
            "row_label": row_label,
            "row_label_written": sc.row_label,
            "col_id": col,
            "col_group": col_group,
            "col_label": col_label,
            "col_label_written": sc.col_label,
            "value": _number_text(number),
            "value_kind": kind,
            "unit": v.unit,
            "raw": sc.raw,
            "line": line,
            "column": column,
            "pointer": _pointer(sc),
        })
    return out


def table_summary(table) -> dict[str, Any]:
    """The JSON description of one table: versions, layout, values matrix, what was not placed."""
    labels = _Labels(table)
    values: dict[str, dict[str, int | float | None]] = {}
    for rec in sorted(table.cells.items(),
                      key=lambda it: (labels.rows.get(it[0][0], (10**9,))[0], labels.cols.get(it[0][1], (10**9,))[0])):
        (row, col), sc = rec
        values.setdefault(row, {})[col] = _json_number(_number(sc)[0])
    sch = table.schema
    return {
        "title": sch.title,
        "schema_version": sch.version,
        "detected_version": table.detected_version,
        "layout": table.layout,
        "readable": table.readable,
        "cells": len(table.cells),
        "values": values,
        "missing_rows": [{"id": r, "label": sch.row_by_id[r].label} for r in table.missing_rows],
        "missing_cols": [{"id": c, "label": sch.col_by_id[c].label} for c in table.missing_cols],
        "unmapped": [{"label": u.label, "what": u.what, "line": _label_line(u.block, u.cell)}
                     for u in table.unmapped],
        "extra_rows": [{"label": lbl, "line": _label_line(b, c)} for lbl, b, c in table.extra_rows],
        "extra_cols": [{"label": lbl, "line": _label_line(b, c)} for lbl, b, c in table.extra_cols],
        # numbers of a table printed one cell per line that could not be placed in a row and column
        "loose": [{"raw": sc.raw, "line": _position(sc)[0]} for sc in getattr(table, "loose", ())],
    }


def report_facts(report) -> dict[str, Any]:
    return {
        "title": report.title,
        "agency": report.agency.name,
        "agency_kind": report.agency.kind,
        "year": report.year,
        "format_version": report.format_version,
    }


def export_report(path: str, report, fmt: str | None = None, encoding: str | None = None,
                  summaries: bool = True) -> FileExport:
    """Records and (unless ``summaries`` is false: the database needs only the records) table summaries of one
    interpreted report."""
    facts = report_facts(report)
    fe = FileExport(path=path, format=fmt, encoding=encoding, facts=facts)
    stats = report.stats
    for tid in TABLE_ORDER:
        table = stats.get(tid)
        if table is None:
            continue
        if summaries:
            fe.tables[tid] = table_summary(table)
        fe.records.extend(table_records(path, facts, table))
    return fe


# -- reading files like ``check`` ------------------------------------------------------------------


def export_file(checker, path: str) -> FileExport:
    """Read and interpret one file with ``checker``'s configuration (as ``Checker.check_file`` does)."""
    doc, lc, error = checker.read(path)
    if doc is None:
        return FileExport(path=path, error=error)
    try:
        report = interpret(doc, checker.overrides(lc), lc.config.limits)
    except Exception as exc:  # noqa: BLE001 - the report layer's bug is the tool's problem, not the file's
        return FileExport(path=path, format=doc.format, encoding=doc.encoding,
                          error=f"解读报告时出错，已跳过（{type(exc).__name__}: {exc}）。这是工具的问题，请反馈。")
    try:
        return export_report(doc.path, report, doc.format, doc.encoding)
    except Exception as exc:  # noqa: BLE001 - an extractor bug is the tool's problem, not the file's
        return FileExport(path=path, format=doc.format, encoding=doc.encoding, facts=report_facts(report),
                          error=f"统计表读取出错，已跳过（{type(exc).__name__}: {exc}）。这是工具的问题，请反馈。")


def export_paths(paths: list[str], config_path: str | None = None, year: int | None = None,
                 include: list[str] | None = None, exclude: list[str] | None = None,
                 jobs: int | None = 1) -> ExportRun:
    """Find report files under ``paths`` (as ``check`` does) and export their tables; ``jobs`` > 1: in that
    many worker processes (:mod:`.parallel`; each file's export comes back as JSON, in input order); None: as
    many as :func:`.parallel.choose_jobs` says for the number of files.

    Raises ConfigError for a bad configuration.
    """
    options = RunOptions(config_path, year=year)
    checker = options.checker()
    files, errors = discover(paths, include=include, exclude=exclude)
    jobs = choose_jobs(jobs, len(files))
    if jobs <= 1 or len(files) <= 1:
        return ExportRun(files=[export_file(checker, f) for f in files], errors=errors)

    def failed(path: str, exc: BaseException) -> dict[str, Any]:
        return asdict(FileExport(path=path, error=f"导出时出错（{describe(exc)}），已跳过。这是工具的问题，请反馈。"))

    def timeout(path: str) -> float:
        try:
            return checker.config_for(path).config.limits.max_file_seconds
        except Exception:  # noqa: BLE001 - a malformed configuration is the file's error, reported by the worker
            return DEFAULT_LIMITS.max_file_seconds

    exported = ordered([(f, False) for f in files], jobs, "disclosure_lint.stats_export:export_worker",
                       options.to_json(), failed, timeout)
    return ExportRun(files=[FileExport(**data) for data in exported], errors=errors)


def export_worker(options: dict[str, Any]) -> Callable[[str, bool], dict[str, Any]]:
    """A worker of ``stats --jobs``: its checker, built once; each file's export as plain JSON."""
    checker = RunOptions(**options).checker()
    return lambda path, _walked: asdict(export_file(checker, path))


# -- writers ---------------------------------------------------------------------------------------


def write_csv(run: ExportRun, stream: TextIO) -> None:
    """CSV with a BOM and a header row (:func:`.reporters.csv.write_rows`: cells escaped, formulas quoted);
    ``stream`` must be opened with ``newline=""``."""
    write_rows(stream, FIELDS, ([rec[k] for k in FIELDS] for rec in run.records))


def as_dict(run: ExportRun) -> dict[str, Any]:
    files = []
    for f in run.files:
        files.append({
            "path": f.path,
            "format": f.format,
            "encoding": f.encoding,
            "title": f.facts.get("title"),
            "agency": f.facts.get("agency"),
            "agency_kind": f.facts.get("agency_kind"),
            "year": f.facts.get("year"),
            "format_version": f.facts.get("format_version"),
            "tables": f.tables,
            "record_count": len(f.records),
            "error": f.error,
        })
    records = [dict(r) for r in run.records]
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "disclosure-lint", "version": __version__},
        "fields": list(FIELDS),
        "files": files,
        "errors": list(run.errors),
        "records": records,
        "summary": {
            "files": len(run.files),
            "files_with_errors": sum(1 for f in run.files if f.error),
            "files_with_tables": sum(1 for f in run.files if f.tables),
            "tables": sum(len(f.tables) for f in run.files),
            "records": len(records),
            "exit_code": run.exit_code,
        },
    }


def write_json(run: ExportRun, stream: TextIO) -> None:
    """Indented JSON, except that each record takes one line (exports run to many thousands)."""
    doc = as_dict(run)
    records = doc.pop("records")
    head = json_dumps(doc, indent=2)
    stream.write(head[:-2])
    stream.write(',\n  "records": [')
    for i, rec in enumerate(records):
        stream.write(("\n    " if i == 0 else ",\n    ") + json_dumps(rec))
    stream.write("\n  ]\n}\n" if records else "]\n}\n")


WRITERS: dict[str, Callable[[ExportRun, TextIO], None]] = {"csv": write_csv, "json": write_json}


def write_stream(run: ExportRun, fmt: str, binary: IO[bytes]) -> None:
    """Write the export as UTF-8 to a binary stream (stdout's buffer), leaving it open."""
    text = io.TextIOWrapper(binary, encoding="utf-8", errors="backslashreplace", newline="", write_through=False)
    try:
        WRITERS[fmt](run, text)
        text.flush()
    finally:
        text.detach()


def write_file(run: ExportRun, fmt: str, target: str) -> None:
    """Write the export to ``target`` (see :func:`disclosure_lint.output.write_to`).

    Raises :class:`~disclosure_lint.output.OutputRefused` for a target that is not written (a
    directory, FIFO, socket, block device) and OSError when writing fails; a regular file is then
    left as it was.
    """
    write_to(target, lambda stream: WRITERS[fmt](run, stream))
