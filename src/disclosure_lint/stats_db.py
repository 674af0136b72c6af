"""``disclosure-lint stats PATH... -o stats.sqlite``: the statistics tables *and* the findings of many reports in
one SQLite database (standard library :mod:`sqlite3`), updated in place run after run.

The tables and views are :mod:`.stats_db_schema`'s.  Each file is read, checked with the same
:class:`~disclosure_lint.api.Checker` as ``check`` (its findings) and exported as ``stats`` exports it (its
cells, :func:`.stats_export.export_report`).

**Update in place.**  A report is keyed on its absolute path (:func:`report_key`).  Its row remembers the
SHA-256 of the file's bytes and a digest of the settings that shaped its findings (the configuration,
``--year``, the rules that ran, the tool version): when both are unchanged the file is not even checked again
and nothing is written; when the file changed, its row is updated (same ``id``) and its cells and findings
replaced.  A file at a new path with the bytes and settings of a stored report whose file is gone (renamed,
moved) only gets its path updated.  Reports of earlier runs that are not in this one stay (a database collects
years).  A run in which nothing changed leaves the file byte-for-byte as it was.

**Checks across reports over the whole database.**  Each report's row keeps the compact facts the cross-report
hook reads (``reports.facts``, :func:`pack_facts`).  After the files are written, :func:`cross_findings` runs the
hook (:class:`.batch.hook.CrossReport`, as ``check`` does) over every report of the database, so a year added
later is compared with the years already stored; :func:`store_cross` replaces the findings of scope ``run`` in
one transaction, and only when they differ from those stored; :func:`store_bodies` sets each report's
``body_key`` to the body the hook grouped it under (the rows that change only).

**Transactions, not a temporary copy.**  The reports are written in batches of :data:`BATCH_SIZE`, each batch
one ``BEGIN IMMEDIATE … COMMIT`` transaction (SQLite's rollback journal: a crash, a full disk or Ctrl-C in the
middle rolls the batch back, the next open finishes the rollback).  So every report in the database is whole
— its row, cells and findings from one run — and an interrupted run is resumed by running it again (what was
committed is skipped by its hash).  A temporary copy replaced at the end would give all-or-nothing runs, but
it copies the whole database (hundreds of MB for a province over years) on every run, doubles the disk
needed, and loses the work of a long run stopped near its end; the files are checked outside the
transactions, so the database is locked only while a batch is written.

**Refusals** (:class:`DatabaseRefused`, one Chinese sentence; the CLI prints it and exits 2), checked before
anything is written: a target that is not a regular file (a directory, a FIFO, a device); a file that is not
SQLite (its first 16 bytes); a SQLite file that is corrupt (``PRAGMA quick_check``) or belongs to another
program (tables but not our ``application_id`` and ``schema_version``); a database of a newer structure.  An
empty file or an empty SQLite database is initialised.

**Bound.**  Report content (file names, agency names, cell text, messages) only ever reaches SQLite as a bound
parameter, never as SQL text; a file name whose bytes are not UTF-8 is stored with them escaped (``\\xff``).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from . import __version__, failures
from .api import Checker, FileResult, discover_entries
from .batch import identity
from .batch.hook import CrossReport
from .config import LoadedConfig
from .errors import ConfigError, DisclosureLintError, UnsupportedType
from .output import describe
from .readers import read_bytes, read_document, reader_for
from .report import interpret
from .stats_db_schema import APPLICATION_ID, DDL, MIGRATIONS, SCHEMA_VERSION, TABLES, VIEW_DDL
from .stats_export import export_report

BATCH_SIZE = 200  # reports per transaction
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT = 30.0  # seconds to wait for another program's lock


class DatabaseRefused(Exception):
    """The target is not written: ``str(exc)`` says why in one Chinese sentence."""


class DatabaseWriteError(Exception):
    """Writing failed part-way (a full disk, a lock held too long): the batch being written was rolled back, the
    batches before it are kept.  ``str(exc)`` is the reason, in Chinese where it is a common one."""


_SQLITE_REASONS = {
    "database or disk is full": "磁盘空间不足",
    "database is locked": "数据库正被其他程序使用（等待后仍未释放），请稍后再试",
    "attempt to write a readonly database": "没有写入权限（数据库文件或所在目录为只读）",
    "disk I/O error": "输入输出错误",
    "unable to open database file": "无法打开数据库文件",
}


def describe_sqlite(exc: sqlite3.Error) -> str:
    return _SQLITE_REASONS.get(str(exc), str(exc))


# -- the one normalisation of a body's name (to be replaced by the report-identity module) ---------------

def body_key(agency: str | None) -> str | None:
    """The body a report belongs to alone: :func:`batch.identity.body_name` (the one normalisation of agency names,
    the one the checks across reports group by), e.g. ``云岭区政府办公室``; :func:`store_bodies` then groups it with
    the database's other reports."""
    return identity.body_name(agency)


# -- text as SQLite takes it -------------------------------------------------------------------------

_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _surrogate(m: re.Match) -> str:
    c = ord(m.group())
    return f"\\x{c - 0xDC00:02x}" if 0xDC80 <= c <= 0xDCFF else f"\\u{c:04x}"


def db_text(value: Any) -> Any:
    """A text parameter SQLite can store: lone surrogates (a file-name byte that is not UTF-8) escaped."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return _SURROGATE.sub(_surrogate, value)
    return value


def _number(text: str | None) -> int | float | None:
    if text is None:
        return None
    d = Decimal(text)
    return int(d) if d == d.to_integral_value() and "." not in text else float(d)


# -- opening: refuse what is not ours, before writing anything ------------------------------------------


def _refuse_path(target: str) -> bool:
    """Why ``target`` cannot hold the database (raised), else whether it exists."""
    try:
        st = os.stat(target)
    except FileNotFoundError:
        directory = os.path.dirname(os.path.abspath(target))
        if not os.path.isdir(directory):
            raise DatabaseRefused("所在目录不存在") from None
        if not os.access(directory, os.W_OK | os.X_OK):
            raise DatabaseRefused("所在目录没有写入权限") from None
        return False
    except (OSError, ValueError) as exc:
        raise DatabaseRefused(describe(exc) if isinstance(exc, OSError) else str(exc)) from None
    if stat.S_ISDIR(st.st_mode):
        raise DatabaseRefused("这是一个目录")
    if not stat.S_ISREG(st.st_mode):
        raise DatabaseRefused("这不是普通文件（SQLite 数据库只能写入普通文件，不能写入管道、设备或标准输出）")
    if not os.access(target, os.W_OK):
        raise DatabaseRefused("没有写入权限")
    if not os.access(os.path.dirname(os.path.realpath(target)), os.W_OK | os.X_OK):
        raise DatabaseRefused("所在目录没有写入权限（SQLite 写入时要在数据库旁建立日志文件）")
    try:
        with open(target, "rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseRefused(describe(exc)) from None
    if head and head != SQLITE_HEADER:
        raise DatabaseRefused("这不是 SQLite 数据库文件（文件头不符），为免损坏其内容，未写入")
    return True


def _check_ours(con: sqlite3.Connection) -> int:
    """The structure's version of the open database when it is ours, 0 when it is empty; raises
    :class:`DatabaseRefused`."""
    try:
        problems = [row[0] for row in con.execute("PRAGMA quick_check")]
        app_id = con.execute("PRAGMA application_id").fetchone()[0]
        names = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        triggers = con.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        if str(exc) in _SQLITE_REASONS:  # locked by another program, unreadable: not a verdict on the file
            raise DatabaseRefused(f"{describe_sqlite(exc)}，未写入") from None
        raise DatabaseRefused(f"数据库已损坏或不是 SQLite 数据库（{exc}），未写入") from None
    if problems != ["ok"]:
        detail = "；".join(" ".join(str(p).split()) for p in problems[:3])
        raise DatabaseRefused(f"数据库已损坏（{detail}），未写入；请换一个文件名重建")
    if triggers:  # SQL of the file's own that would run inside our writes (a loop, a memory hog, writes elsewhere)
        raise DatabaseRefused(f"数据库中有{triggers}个触发器，不是 disclosure-lint "
                              "写的结构，写入时会运行其中的 SQL，为免失控未写入；请换一个文件名")
    if not names and app_id in (0, APPLICATION_ID):
        return 0
    if app_id != APPLICATION_ID or not set(TABLES) <= names:
        raise DatabaseRefused("这是其他程序的 SQLite 数据库，不是 disclosure-lint 写的统计数据库，为免损坏未写入；"
                              "请换一个文件名")
    try:
        version = con.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise DatabaseRefused(f"数据库的版本表无法读取（{exc}），未写入") from None
    if not isinstance(version, int) or version > SCHEMA_VERSION or version < min(MIGRATIONS, default=1):
        raise DatabaseRefused(f"数据库结构为第 {version} 版，本工具（{__version__}）只能写第 {SCHEMA_VERSION} 版；"
                              "请升级 disclosure-lint 或换一个文件名")
    return version


def open_database(target: str) -> sqlite3.Connection:
    """A connection to ``target``, created and initialised when new or empty; :class:`DatabaseRefused` for a
    target that is not ours (nothing written to it)."""
    _refuse_path(target)
    path = os.path.realpath(target)  # a symlink is written through
    uri = "file:" + quote(os.fsencode(path)) + "?mode=rwc"
    try:
        con = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT)
    except sqlite3.Error as exc:
        raise DatabaseRefused(f"无法打开数据库（{describe_sqlite(exc)}）") from None
    try:
        version = _check_ours(con)
        if not version:
            _initialise(con)
        elif version < SCHEMA_VERSION:
            _migrate(con, version)
        con.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as exc:
        con.close()
        raise DatabaseRefused(f"无法初始化数据库（{describe_sqlite(exc)}）") from None
    except BaseException:
        con.close()
        raise
    return con


def _initialise(con: sqlite3.Connection) -> None:
    with transaction(con):
        if con.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]:  # someone else got there first
            raise DatabaseRefused("数据库在检查期间被其他程序改动，未写入；请重试")
        con.execute(f"PRAGMA application_id = {APPLICATION_ID:d}")  # an int constant: PRAGMA takes no parameter
        for statement in (*DDL, *VIEW_DDL):
            con.execute(statement)
        con.execute("INSERT INTO schema_version (version, created_at, created_by) VALUES (?, ?, ?)",
                    (SCHEMA_VERSION, _now(), f"disclosure-lint {__version__}"))


def _migrate(con: sqlite3.Connection, version: int) -> None:
    """An older structure brought up to :data:`SCHEMA_VERSION`, each step in one transaction with its version row."""
    for v in range(version, SCHEMA_VERSION):
        with transaction(con):
            for statement in MIGRATIONS[v]:
                con.execute(statement)
            con.execute("INSERT INTO schema_version (version, created_at, created_by) VALUES (?, ?, ?)",
                        (v + 1, _now(), f"disclosure-lint {__version__}"))


@contextmanager
def transaction(con: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``; any exception (Ctrl-C, a failed COMMIT included) rolls back and is raised
    again.  IMMEDIATE takes the write lock at the start, so two runs on one file wait for each other instead of
    failing half-way."""
    con.execute("BEGIN IMMEDIATE")
    try:
        yield con
        con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# -- one file: read, hash, check, export --------------------------------------------------------------


@dataclass
class Entry:
    """What is stored for one report file."""

    path: str
    sha256: str
    settings: str
    result: FileResult | None = None
    facts: dict[str, Any] = field(default_factory=dict)
    file_format: str | None = None
    encoding: str | None = None
    records: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None


@dataclass
class Stored:
    """What the database holds for a path: enough to tell whether the file changed."""

    id: int
    sha256: str
    settings: str
    error: str | None
    path: str = ""


@dataclass
class Moved:
    """A file already stored under another path that no longer exists (renamed, moved): only its path changes."""

    id: int
    key: str


UNCHANGED = "unchanged"
SKIPPED = "skipped"


class Lookup:
    """What the database already holds, asked while files are checked (outside the write transactions)."""

    def __init__(self, con: sqlite3.Connection):
        self.con = con
        self.claimed: set[int] = set()  # rows found on disk in this run: not moved elsewhere

    def stored(self, key: str) -> Stored | None:
        row = self.con.execute("SELECT id, sha256, settings, error, path FROM reports WHERE path = ?",
                               (db_text(key),)).fetchone()
        if row is None:
            return None
        self.claimed.add(row[0])
        return Stored(*row)

    def moved(self, digest: str, settings: str) -> Stored | None:
        """A row with these bytes and settings whose file is gone (a path with escaped bytes cannot be tested)."""
        for row in self.con.execute("SELECT id, sha256, settings, error, path FROM reports "
                                    "WHERE sha256 = ? AND settings = ? ORDER BY id", (digest, settings)):
            old = Stored(*row)
            if old.id in self.claimed or "\\x" in old.path or os.path.lexists(old.path):
                continue
            self.claimed.add(old.id)
            return old
        return None


def _settings(checker: Checker, lc: LoadedConfig, path: str, memo: dict[str, str]) -> str:
    """A digest of what shapes a file's findings besides its bytes, once per configuration."""
    key = str(lc.path)
    if key not in memo:
        blob = json.dumps({"config": lc.config.model_dump(mode="json"), "year": checker.year,
                           "rules": sorted(checker.rule_codes(path)), "tool": __version__},
                          sort_keys=True, ensure_ascii=True, default=str)
        memo[key] = hashlib.sha256(blob.encode()).hexdigest()[:32]
    return memo[key]


def _unreadable(key: str, settings: str, error: str, db: Lookup) -> Entry | str:
    """A file that could not be read: an entry with its error, or :data:`UNCHANGED` when that is what is stored."""
    known = db.stored(key)
    if known is not None and known.sha256 == "" and known.error == error and known.settings == settings:
        return UNCHANGED
    return Entry(key, "", settings, error=error)


def report_key(path: str) -> str:
    """The path a report is stored under: absolute and normalised, so ``reports/a.md``, ``./reports/a.md`` and
    ``/home/…/reports/a.md`` are one report."""
    return os.path.abspath(path)


def gather(checker: Checker, path: str, walked: bool, db: Lookup, explicit_config: bool,
           memo: dict[str, str] | None = None) -> Entry | Moved | str:
    """The entry to store for ``path``, or :data:`UNCHANGED` (same bytes, same settings as stored), a
    :class:`Moved` (stored under a path that is gone) or :data:`SKIPPED` (found in a directory and not an annual
    report, or of a type the tool cannot read)."""
    key = report_key(path)
    try:
        lc = checker.config_for(path)
        settings = _settings(checker, lc, path, {} if memo is None else memo)
    except ConfigError as exc:
        if explicit_config or exc.path == "命令行参数":
            raise
        return _unreadable(key, "", f"未检查：{exc}", db)
    except (OSError, ValueError) as exc:  # a name too long for the file system, a NUL byte
        return _unreadable(key, "", str(exc), db)
    try:
        data = read_bytes(path, lc.config.limits.max_bytes)
    except (DisclosureLintError, OSError, ValueError) as exc:
        why = str(exc)
        try:
            reader_for(path)  # a .xls that cannot be read: its type is what to say (as readers.read_path does)
        except UnsupportedType as unsupported:
            if walked:
                return SKIPPED
            why = str(unsupported)
        return _unreadable(key, settings, why, db)
    digest = hashlib.sha256(data).hexdigest()
    known = db.stored(key)
    if known is not None and known.sha256 == digest and known.settings == settings:
        return UNCHANGED
    if known is None:
        old = db.moved(digest, settings)
        if old is not None and not old.error:
            return Moved(old.id, key)
    entry = Entry(key, digest, settings)
    try:
        doc = read_document(path, data, lc.config.limits)
    except UnsupportedType as exc:  # a .doc, .xls … by its name and its bytes
        if walked:
            return SKIPPED
        entry.error = str(exc)
        return entry
    except DisclosureLintError as exc:
        entry.error = str(exc)
        return entry
    except Exception as exc:  # noqa: BLE001 - the reader's bug is the tool's problem: one DL000, as in check
        entry.result = FileResult(path=path, diagnostics=[failures.stage_failure(path, "读取", exc, "本文件未检查")])
        return entry
    entry.file_format, entry.encoding = doc.format, doc.encoding
    entry.result = checker.check_document(doc, lc, walked=walked)
    if entry.result.skipped:
        return SKIPPED
    entry.facts = dict(entry.result.report or {})
    try:
        report = interpret(doc, checker.overrides(lc), lc.config.limits)
        exported = export_report(doc.path, report, doc.format, doc.encoding, summaries=False)
        entry.facts.update(exported.facts)
        entry.records = exported.records
    except Exception as exc:  # noqa: BLE001 - the extractor's bug is the tool's problem, not the file's
        entry.error = f"统计表读取出错，已跳过（{type(exc).__name__}: {exc}）。这是工具的问题，请反馈。"
    return entry


# -- writing -------------------------------------------------------------------------------------------


def _stored(con: sqlite3.Connection, key: str) -> Stored | None:
    row = con.execute("SELECT id, sha256, settings, error, path FROM reports WHERE path = ?",
                      (db_text(key),)).fetchone()
    return Stored(*row) if row else None


_REPORT_COLS = ("path", "agency", "body_key", "agency_kind", "year", "format_version", "file_format", "encoding",
                "title", "sha256", "settings", "error", "checked_at", "tool_version", "facts")
_CELL_COLS = ("report_id", "table_id", "row_id", "col_id", "value", "value_kind", "unit", "raw", "line", "column",
              "pointer")
_FINDING_COLS = ("report_id", "code", "name", "category", "severity", "message", "line", "column", "pointer",
                 "fingerprint", "scope")


def _insert(table: str, cols: Sequence[str]) -> str:
    # identifiers from the constants above, never from report content; the values are bound parameters
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"


def store(con: sqlite3.Connection, entry: Entry) -> bool:
    """Write one report (inside the caller's transaction); True when it replaced an earlier row."""
    f = entry.facts
    year = f.get("year")
    values = {
        "path": entry.path, "agency": f.get("agency"), "body_key": body_key(f.get("agency")),
        "agency_kind": f.get("agency_kind"), "year": year if isinstance(year, int) else None,
        "format_version": f.get("format_version"), "file_format": entry.file_format, "encoding": entry.encoding,
        "title": f.get("title"), "sha256": entry.sha256, "settings": entry.settings, "error": entry.error,
        "checked_at": _now(), "tool_version": __version__,
    }
    params: list[Any] = [db_text(values[c]) for c in _REPORT_COLS[:-1]]
    params.append(pack_facts(entry.result.facts) if entry.result is not None and not entry.error else None)
    known = _stored(con, entry.path)
    report_id: int | None
    if known is not None:
        con.execute(f"UPDATE reports SET {', '.join(f'{c} = ?' for c in _REPORT_COLS)} WHERE id = ?",
                    (*params, known.id))
        con.execute("DELETE FROM cells WHERE report_id = ?", (known.id,))
        con.execute("DELETE FROM findings WHERE report_id = ?", (known.id,))
        report_id = known.id
    else:
        report_id = con.execute(_insert("reports", _REPORT_COLS), params).lastrowid
    con.executemany(_insert("cells", _CELL_COLS), (
        (report_id, r["table"], db_text(r["row_id"]), db_text(r["col_id"]), _number(r["value"]), r["value_kind"],
         db_text(r["unit"]), db_text(r["raw"]), r["line"], r["column"], db_text(r["pointer"]))
        for r in entry.records))
    diagnostics = entry.result.diagnostics if entry.result is not None else []
    con.executemany(_insert("findings", _FINDING_COLS), (
        _finding_row(report_id, d, "report") for d in diagnostics))
    return known is not None


def _finding_row(report_id: int | None, d: Any, scope: str) -> tuple[Any, ...]:
    return (report_id, d.code, db_text(d.rule), d.category, d.severity, db_text(d.message), d.line, d.column,
            db_text(d.pointer), d.fingerprint, scope)


def pack_facts(facts: dict | None) -> bytes | None:
    """A report's facts for the checks across reports as stored in ``reports.facts``: compressed JSON."""
    if facts is None:
        return None
    return zlib.compress(json.dumps(facts, ensure_ascii=False, separators=(",", ":")).encode(), 6)


FACTS_MAX = 16 * 1024 * 1024  # bytes: a report's facts are a few KB


def _unpack_facts(blob: Any) -> dict | None:
    """The stored facts, or None when there are none or they cannot be read (a database edited by hand)."""
    if not isinstance(blob, bytes):
        return None
    try:
        d = zlib.decompressobj()
        raw = d.decompress(blob, FACTS_MAX)  # a planted row must not inflate without bound
        if not d.eof:
            return None  # larger than any report's facts, or cut short
        facts = json.loads(raw)
    except (zlib.error, ValueError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        return None
    return facts if isinstance(facts, dict) else None


@dataclass
class _Held:
    """A stored report as the cross-report hook reads a result (:class:`.hook.Result`)."""

    path: str
    facts: dict | None
    skipped: str | None = None
    error: str | None = None


def cross_findings(con: sqlite3.Connection, checker: Checker,
                   hook: CrossReport | None = None) -> tuple[list[tuple[Any, ...]], set[str]]:
    """The findings of the checks across reports over every report of the database (in the order they were first
    stored), as ``findings`` rows of scope ``run``; and the paths given a DL000 by a check that failed.  (``hook``:
    the hook to run, whose :meth:`~.batch.hook.CrossReport.bodies` then say how it grouped the reports.)"""
    hook = hook or CrossReport(checker.active_for)
    ids: dict[str, int] = {}
    for report_id, path, blob in con.execute(
            "SELECT id, path, facts FROM reports WHERE error IS NULL AND facts IS NOT NULL ORDER BY id"):
        facts = _unpack_facts(blob)
        if facts is not None:
            hook.observe(_Held(path, facts))
            ids[path] = report_id
    rows: list[tuple[Any, ...]] = []
    failed: set[str] = set()
    for path, found in hook.finish().items():
        for d in found:
            rows.append(_finding_row(ids.get(path), d, "run"))
            if failures.is_tool_failure(d):
                failed.add(path)
    return [r for r in rows if r[0] is not None], failed


def store_cross(con: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> bool:
    """Replace the stored findings of scope ``run`` with ``rows`` (one transaction); nothing is written when they
    are the same, so a run in which nothing changed leaves the file as it was.  True when written."""
    cols = ", ".join(_FINDING_COLS)
    old = sorted(con.execute(f"SELECT {cols} FROM findings WHERE scope = 'run'"), key=repr)
    if old == sorted(rows, key=repr):
        return False
    with transaction(con):
        con.execute("DELETE FROM findings WHERE scope = 'run'")
        con.executemany(_insert("findings", _FINDING_COLS), rows)
    return True


# -- a run ---------------------------------------------------------------------------------------------


@dataclass
class DbRun:
    target: str
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: int = 0
    moved: int = 0  # unchanged files found under a new path (the old one gone): only the path updated
    cells: int = 0  # written in this run
    findings: int = 0
    cross: int = 0  # findings of the checks across reports now stored (over the whole database)
    errors: list[str] = field(default_factory=list)  # run-level (an empty directory)
    file_errors: list[tuple[str, str]] = field(default_factory=list)  # (path, why it could not be read)
    tool_failures: list[str] = field(default_factory=list)  # paths with a DL000: not fully checked

    @property
    def exit_code(self) -> int:
        """2 when a file could not be read or fully checked (as ``check`` and ``stats`` say), else 0: the
        database records the findings, it does not judge them."""
        return 2 if self.errors or self.file_errors or self.tool_failures else 0

    def summary(self) -> str:
        return (f"数据库 {self.target}：新增 {self.added} 份报告，更新 {self.replaced} 份，未变 {self.unchanged} 份"
                + (f"，{self.moved} 份改了路径（内容未变）" if self.moved else "")
                + (f"，跳过 {self.skipped} 个不像年度报告的文件" if self.skipped else "")
                + f"（本次写入 {self.cells} 个单元格、{self.findings} 个问题）"
                + (f"；跨报告比对的问题共 {self.cross} 个" if self.cross else ""))


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def store_bodies(con: sqlite3.Connection, by_path: dict[str, str]) -> None:
    """Each report's ``body_key`` as the checks across reports grouped it over the whole database (a report
    titled without its region joins its body's other years); only the rows that change are written."""
    if not by_path:
        return
    changed = [(db_text(by_path[path]), report_id) for report_id, path, key in
               con.execute("SELECT id, path, body_key FROM reports") if path in by_path and by_path[path] != key]
    if changed:
        with transaction(con):
            con.executemany("UPDATE reports SET body_key = ? WHERE id = ?", changed)


def update_database(target: str, paths: list[str], config_path: str | None = None, year: int | None = None,
                    include: list[str] | None = None, exclude: list[str] | None = None,
                    track: Callable[[Sequence[tuple[str, bool]]], Iterable[tuple[str, bool]]] = iter) -> DbRun:
    """Check and export the reports under ``paths`` into the database ``target`` (see the module docstring).

    Raises :class:`DatabaseRefused` before anything is written, ConfigError for a bad configuration,
    :class:`DatabaseWriteError` when writing fails (the batch being written is rolled back, those before it kept).
    """
    checker = Checker(config_path, year=year)
    entries, errors = discover_entries(paths, include=include, exclude=exclude)
    run = DbRun(target=target, errors=errors)
    con = open_database(target)
    memo: dict[str, str] = {}
    try:
        _write_batches(con, checker, track(entries), run, config_path is not None, memo)
        hook = CrossReport(checker.active_for)
        rows, failed = cross_findings(con, checker, hook)
        store_cross(con, rows)
        store_bodies(con, hook.bodies().by_path)
        run.cross = len(rows)
        run.tool_failures.extend(p for p in sorted(failed) if p not in run.tool_failures)
    except sqlite3.Error as exc:
        raise DatabaseWriteError(describe_sqlite(exc)) from None
    finally:
        con.close()
    return run


def _write_batches(con: sqlite3.Connection, checker: Checker, entries: Iterable[tuple[str, bool]], run: DbRun,
                   explicit_config: bool, memo: dict[str, str]) -> None:
    """Check the files a batch at a time outside any transaction, then write each batch in one."""
    db = Lookup(con)
    seen: set[str] = set()
    for batch in _batches(entries, BATCH_SIZE):
        gathered: list[Entry] = []
        moves: list[Moved] = []
        for path, walked in batch:
            if report_key(path) in seen:  # named twice (a file and its directory): one report
                continue
            seen.add(report_key(path))
            got = gather(checker, path, walked, db, explicit_config, memo)
            if isinstance(got, Moved):
                moves.append(got)
            elif got == SKIPPED:
                run.skipped += 1
            elif got == UNCHANGED:
                run.unchanged += 1
                known = _stored(con, report_key(path))
                if known is not None and known.error:
                    run.file_errors.append((path, known.error))
                elif known is not None and con.execute(
                        "SELECT 1 FROM findings WHERE report_id = ? AND code = ?",
                        (known.id, failures.CODE)).fetchone():
                    run.tool_failures.append(path)
            else:
                assert isinstance(got, Entry)
                gathered.append(got)
                if got.error:
                    run.file_errors.append((path, got.error))
                elif got.result is not None and any(map(failures.is_tool_failure, got.result.diagnostics)):
                    run.tool_failures.append(path)
        if not gathered and not moves:
            continue
        with transaction(con):
            for move in moves:
                con.execute("UPDATE reports SET path = ? WHERE id = ?", (db_text(move.key), move.id))
            for entry in gathered:
                if store(con, entry):
                    run.replaced += 1
                else:
                    run.added += 1
        run.moved += len(moves)
        run.cells += sum(len(e.records) for e in gathered)
        run.findings += sum(len(e.result.diagnostics) for e in gathered if e.result is not None)
