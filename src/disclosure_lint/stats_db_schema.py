"""The tables, indexes and views of the ``stats`` SQLite database, as SQL (:mod:`.stats_db` writes it), and which
``stats -o`` targets are databases (:func:`is_database_target`: the CLI asks without importing :mod:`sqlite3`).

* ``schema_version`` — one row per version the file's structure has had (:data:`SCHEMA_VERSION` the newest;
  an older database is brought up to it, :data:`MIGRATIONS`): the version, when and by which tool version.  ``PRAGMA application_id`` is :data:`APPLICATION_ID` as well, so a
  database of another program is recognised and refused before anything is written.
* ``reports`` — one row per report file: ``path`` (unique), ``agency``, ``body_key`` (the agency name
  normalised and grouped as the checks across reports group it, to group a body's reports across years and
  spellings), ``agency_kind``, ``year``,
  ``format_version`` (2019 / 2021), ``file_format`` (markdown, text, html, mhtml, docx, doc, pdf, image), ``encoding``,
  ``title``, ``sha256`` of the file's bytes, ``settings`` (a digest of the configuration, ``--year`` and the
  rules that ran), ``error`` (why the file could not be read; then it has no cells and no findings),
  ``checked_at`` (UTC, ISO 8601), ``tool_version`` and ``facts`` (the compact facts the checks across reports
  read, :mod:`.batch.facts`, as zlib-compressed JSON: the database's reports are compared with each other at
  the end of every run without reading their files again).
* ``cells`` — one row per statistics-table cell: ``report_id``, ``table_id`` (s2 / s3 / s4), ``row_id``,
  ``col_id`` (the canonical ids of ``report/stats/schema.py``), ``value`` (the number, or NULL when the
  cell holds none), ``value_kind`` (int, decimal, worded, blank, slash, dash, none, na, text — so 0, an empty cell
  and 不适用 stay apart), ``unit``, ``raw`` (as written), ``line``, ``column``, ``pointer``.
* ``findings`` — one row per finding of ``check``: ``report_id``, ``code``, ``name``, ``category``,
  ``severity``, ``message``, ``line``, ``column``, ``pointer``, ``fingerprint`` and ``scope``: ``report``
  for the report's own findings (replaced when its file changes), ``run`` for the findings of the checks
  across reports (a year against the year before, a body against its peers, the expected bodies), which
  are computed again over every report of the database at the end of each run.
* ``metrics`` (a view) — one row per report with the figures of tables 三 and 四 and the rates derived
  from them (see :data:`METRICS_DOC`).
"""

from __future__ import annotations

import os

from .report.catalogue import TABLE_IDS
from .report.rates import RATES

SUFFIXES = (".sqlite", ".sqlite3", ".db")  # ``stats -o`` targets written as a database without ``-f``
SCHEMA_VERSION = 2
APPLICATION_ID = 0x444C5342  # "DLSB" in the file header: a disclosure-lint statistics database

TABLES = ("schema_version", "reports", "cells", "findings")
VIEWS = ("s3_rows", "s4_blocks", "metrics")

DDL: tuple[str, ...] = (
    """CREATE TABLE schema_version (
        version INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
    )""",
    """CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        agency TEXT,
        body_key TEXT,
        agency_kind TEXT,
        year INTEGER,
        format_version TEXT,
        file_format TEXT,
        encoding TEXT,
        title TEXT,
        sha256 TEXT NOT NULL,
        settings TEXT NOT NULL,
        error TEXT,
        checked_at TEXT NOT NULL,
        tool_version TEXT NOT NULL,
        facts BLOB
    )""",
    f"""CREATE TABLE cells (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        table_id TEXT NOT NULL CHECK (table_id IN ({", ".join(f"'{t}'" for t in TABLE_IDS)})),
        row_id TEXT NOT NULL,
        col_id TEXT NOT NULL,
        value NUMERIC,
        value_kind TEXT NOT NULL,
        unit TEXT,
        raw TEXT NOT NULL,
        line INTEGER,
        column INTEGER,
        pointer TEXT
    )""",
    """CREATE TABLE findings (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        category TEXT NOT NULL,
        severity TEXT NOT NULL,
        message TEXT NOT NULL,
        line INTEGER,
        column INTEGER,
        pointer TEXT,
        fingerprint TEXT NOT NULL,
        scope TEXT NOT NULL DEFAULT 'report' CHECK (scope IN ('report', 'run'))
    )""",
    "CREATE INDEX cells_report ON cells(report_id)",
    "CREATE INDEX cells_key ON cells(table_id, row_id, col_id)",
    "CREATE INDEX findings_report ON findings(report_id)",
    "CREATE INDEX findings_code ON findings(code)",
    "CREATE INDEX reports_body_year ON reports(body_key, year)",
    "CREATE INDEX reports_kind_year ON reports(agency_kind, year)",
)

# From each older structure to the next, in one transaction with the new version's row.  Version 1 had no
# ``reports.facts`` and no ``findings.scope``: its reports are checked again on the next run (their ``settings``
# emptied) so that their facts are stored and they take part in the checks across reports.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: ("ALTER TABLE reports ADD COLUMN facts BLOB",
        "ALTER TABLE findings ADD COLUMN scope TEXT NOT NULL DEFAULT 'report' CHECK (scope IN ('report', 'run'))",
        "UPDATE reports SET settings = ''"),
}

_APPLICANTS = "('natural_person', 'commercial', 'research', 'social_welfare', 'legal_service', 'other_org')"

# A blank 总计 is the sum of its parts; a row (block) with no number at all is 0 when its cells are blank or
# placeholders and NULL (unknown) when one of them is text — as report/metrics.py reads the tables.
VIEW_DDL: tuple[str, ...] = (
    f"""CREATE VIEW s3_rows AS
    SELECT report_id, row_id,
        COALESCE(MAX(CASE WHEN col_id = 'total' THEN value END),
                 SUM(CASE WHEN col_id IN {_APPLICANTS} THEN value END),
                 CASE WHEN SUM(value_kind = 'text') > 0 THEN NULL ELSE 0 END) AS value
    FROM cells WHERE table_id = 's3' GROUP BY report_id, row_id""",
    """CREATE VIEW s4_blocks AS
    SELECT report_id, substr(col_id, 1, instr(col_id, '.') - 1) AS block,
        COALESCE(MAX(CASE WHEN col_id GLOB '*.total' THEN value END),
                 SUM(CASE WHEN col_id NOT GLOB '*.total' THEN value END),
                 CASE WHEN SUM(value_kind = 'text') > 0 THEN NULL ELSE 0 END) AS total,
        COALESCE(SUM(CASE WHEN col_id GLOB '*.corrected' THEN value END), 0) AS corrected,
        COALESCE(SUM(CASE WHEN col_id GLOB '*.pending' THEN value END), 0) AS pending
    FROM cells WHERE table_id = 's4' AND row_id = 'cases' GROUP BY report_id, block""",
    """CREATE VIEW metrics AS
    SELECT r.id AS report_id, r.path, r.agency, r.body_key, r.agency_kind, r.year,
        s.new_requests, s.carried_over, s.handled, s.opened, s.partly_opened, s.not_opened,
        s.unavailable, s.not_processed, s.carried_forward,
        ROUND(1.0 * (s.opened + s.partly_opened) / NULLIF(s.handled, 0), 4) AS open_rate,
        ROUND(1.0 * s.not_opened / NULLIF(s.handled, 0), 4) AS not_open_share,
        v.total AS reviews, v.corrected AS reviews_corrected, v.pending AS reviews_pending,
        ROUND(1.0 * v.corrected / NULLIF(v.total - v.pending, 0), 4) AS review_correction_rate,
        l.total AS lawsuits, l.corrected AS lawsuits_lost, l.pending AS lawsuits_pending,
        ROUND(1.0 * l.corrected / NULLIF(l.total - l.pending, 0), 4) AS lawsuit_loss_rate
    FROM reports r
    LEFT JOIN (
        SELECT report_id,
            MAX(CASE WHEN row_id = 'new' THEN value END) AS new_requests,
            MAX(CASE WHEN row_id = 'carried_over' THEN value END) AS carried_over,
            MAX(CASE WHEN row_id = 'result.total' THEN value END) AS handled,
            MAX(CASE WHEN row_id = 'result.open' THEN value END) AS opened,
            MAX(CASE WHEN row_id = 'result.partial' THEN value END) AS partly_opened,
            SUM(CASE WHEN row_id GLOB 'result.not_open.*' THEN value END) AS not_opened,
            SUM(CASE WHEN row_id GLOB 'result.unavailable.*' THEN value END) AS unavailable,
            SUM(CASE WHEN row_id GLOB 'result.not_processed.*' THEN value END) AS not_processed,
            MAX(CASE WHEN row_id = 'carried_forward' THEN value END) AS carried_forward
        FROM s3_rows GROUP BY report_id
    ) s ON s.report_id = r.id
    LEFT JOIN s4_blocks v ON v.report_id = r.id AND v.block = 'review'
    LEFT JOIN (
        SELECT report_id, SUM(total) AS total, SUM(corrected) AS corrected, SUM(pending) AS pending
        FROM s4_blocks WHERE block IN ('direct', 'after_review') GROUP BY report_id
    ) l ON l.report_id = r.id""",
)

# The columns of ``metrics`` and what they mean (README and the module docs say the same).
_RATE_DOC = {rate.id: f"{rate.name} = {rate.basis}" for rate in RATES}
METRICS_DOC: dict[str, str] = {
    "new_requests": "表三 一、本年新收（总计）",
    "carried_over": "表三 二、上年结转",
    "handled": "表三 （七）总计（本年办结）",
    "opened": "（一）予以公开",
    "partly_opened": "（二）部分公开",
    "not_opened": "（三）不予公开 1–8 之和",
    "unavailable": "（四）无法提供 1–3 之和",
    "not_processed": "（五）不予处理 1–5 之和",
    "carried_forward": "四、结转下年度继续办理",
    "open_rate": _RATE_DOC["open_rate"],
    "not_open_share": _RATE_DOC["not_open_share"],
    "reviews": "表四 行政复议 总计",
    "review_correction_rate": _RATE_DOC["review_correction_rate"],
    "lawsuits": "表四 行政诉讼（未经复议直接起诉 + 复议后起诉）总计",
    "lawsuit_loss_rate": _RATE_DOC["lawsuit_loss_rate"],
}


def is_database_target(target: str | None) -> bool:
    return bool(target) and os.path.splitext(str(target))[1].lower() in SUFFIXES
