"""``disclosure-lint stats … -o stats.sqlite``: the SQLite database of cells, findings and rates
(stats_db.py, stats_db_schema.py; issue 12 item 5).

The reports are generated from chosen numbers (tests/statsgen.py's renderer), so the five README queries
can be asserted exactly: the queries are taken from the README itself, so what the README shows is what
is tested.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from disclosure_lint import stats_db
from disclosure_lint.api import check_paths
from disclosure_lint.cli import app
from disclosure_lint.report.stats.schema import schema
from disclosure_lint.stats_db_schema import APPLICATION_ID, SCHEMA_VERSION

from .statsgen import Layout, StatsData, render, s3_data_rows

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
CROSS_REPORT = {"DL113", "DL242", "DL243", "DL244", "DL245", "DL246", "DL247", "DL603", "DL604"}


def invoke(*args: object):
    res = CliRunner().invoke(app, [str(a) for a in args], env={"DISCLOSURE_LINT_NO_CACHE": "1"})
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    return res


# -- generated reports ---------------------------------------------------------------------------------


def make_data(agency: str, year: int, results: dict[str, int], review: tuple[int, int, int, int] = (0, 0, 0, 0),
              lawsuit: tuple[int, int, int, int] = (0, 0, 0, 0), carried_over: int = 0,
              carried_forward: int = 0) -> StatsData:
    """Consistent tables: table 三's numbers all from natural persons (``results``: result row id → count),
    table 四's 行政复议 and 未经复议直接起诉 blocks (维持, 纠正, 其他, 尚未审结), table 二 with a few numbers."""
    version = "2021" if year >= 2021 else "2019"
    per = dict.fromkeys(s3_data_rows(version), 0)
    per.update(results)
    total = sum(results.values())
    per.update({"result.total": total, "carried_over": carried_over, "carried_forward": carried_forward,
                "new": total + carried_forward - carried_over})
    s3 = {r: [v, 0, 0, 0, 0, 0, v] for r, v in per.items()}
    s4 = [*review, sum(review), *lawsuit, sum(lawsuit), 0, 0, 0, 0, 0]
    s2: dict[str, dict[str, str]] = {}
    for row in schema("s2", version).rows:
        s2[row.id] = dict.fromkeys(schema("s2", version).cols_of(row.id), "0")
    s2["normative_docs"].update({"issued": "2", "in_force": "5"})
    s2["licensing"]["decisions"] = "3"
    return StatsData(version, year, agency, s2, s3, s4)


A, B, C, D = "青禾市生态环境局", "临泽县市场监督管理局", "白岩市人民政府", "青禾市云岭区自然资源局"
NA_LAYOUT = Layout(blank="all", blank_text="不适用")

REPORTS: dict[str, tuple[StatsData, Layout]] = {
    "a-2022.md": (make_data(A, 2022, {"result.open": 8, "result.partial": 1, "result.not_open.state_secret": 1}),
                  Layout()),
    "a-2023.md": (make_data(A, 2023, {"result.open": 12, "result.partial": 4, "result.not_open.third_party": 2,
                                      "result.unavailable.not_held": 2}), Layout()),
    "a-2024.md": (make_data(A, 2024, {"result.open": 150, "result.partial": 10, "result.not_open.state_secret": 20,
                                      "result.unavailable.not_held": 20}, review=(1, 1, 0, 0)), Layout()),
    "b-2022.md": (make_data(B, 2022, {"result.open": 5}), Layout()),
    "b-2024.md": (make_data(B, 2024, {"result.open": 2, "result.partial": 1, "result.unavailable.not_held": 1}),
                  Layout()),
    "c-2023.md": (make_data(C, 2023, {"result.open": 30, "result.partial": 5, "result.not_open.state_secret": 5},
                            review=(2, 1, 0, 1), lawsuit=(1, 1, 0, 0)), NA_LAYOUT),
    # table 三 broken: one cell of （一）予以公开 no longer adds up (identity errors)
    "d-2023.md": (make_data(D, 2023, {"result.open": 6, "result.partial": 2}).with_value(
        "s3", "result.open", "natural_person", 9), Layout()),
}


def write_reports(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for name, (data, layout) in REPORTS.items():
        text, _fmt = render(data, layout)
        (directory / name).write_text(text, encoding="utf-8")


def connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("db")
    write_reports(base / "reports")
    db = base / "stats.sqlite"
    res = invoke("stats", base / "reports", "-o", db)
    assert res.exit_code == 0, res.stderr
    assert "新增 7 份报告" in res.stderr
    return base / "reports", db


# -- schema --------------------------------------------------------------------------------------------


def test_schema_tables_views_indexes_and_version(built):
    _reports, db = built
    con = connect(db)
    objects = {(t, n) for t, n in con.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")}
    assert {("table", t) for t in ("schema_version", "reports", "cells", "findings")} <= objects
    assert {("view", v) for v in ("metrics", "s3_rows", "s4_blocks")} <= objects
    assert {("index", i) for i in ("cells_report", "cells_key", "findings_report", "findings_code",
                                   "reports_body_year", "reports_kind_year")} <= objects
    assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert con.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]

    def cols(table: str) -> list[str]:
        return [r[1] for r in con.execute(f"PRAGMA table_info({table})")]

    assert cols("reports") == ["id", "path", "agency", "body_key", "agency_kind", "year", "format_version",
                               "file_format", "encoding", "title", "sha256", "settings", "error", "checked_at",
                               "tool_version", "facts"]
    assert cols("cells") == ["report_id", "table_id", "row_id", "col_id", "value", "value_kind", "unit", "raw",
                             "line", "column", "pointer"]
    assert cols("findings") == ["report_id", "code", "name", "category", "severity", "message", "line", "column",
                                "pointer", "fingerprint", "scope"]
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []


def test_reports_cells_and_findings_match_the_files_and_check(built):
    reports, db = built
    con = connect(db)
    rows = con.execute("SELECT path, agency, body_key, year, format_version, file_format, sha256 FROM reports "
                       "ORDER BY path").fetchall()
    assert [Path(r[0]).name for r in rows] == sorted(REPORTS)
    for path, agency, key, year, version, fmt, sha in rows:
        data, _layout = REPORTS[Path(path).name]
        assert (agency, key, year, version, fmt) == (data.agency, stats_db.body_key(data.agency), data.year, data.version, "markdown")
        assert sha == hashlib.sha256(Path(path).read_bytes()).hexdigest()
    # the findings are check's, field by field: each report's own (scope 'report') and those of the checks
    # across reports (scope 'run')
    run = check_paths([str(reports)])
    expected = sorted((f.path, d.code, d.rule, d.category, d.severity, d.message, d.line, d.column, d.fingerprint,
                       "run" if d.code in CROSS_REPORT else "report")
                      for f in run.files for d in f.diagnostics)
    got = sorted(con.execute("SELECT r.path, code, name, category, severity, message, f.line, f.column, fingerprint, "
                             "scope FROM findings f JOIN reports r ON r.id = f.report_id"))
    assert got == expected and any(e[4] == "error" for e in expected)
    assert {e[1] for e in expected} & CROSS_REPORT  # the fixture has a body over two years: a cross-year finding
    # cells: every cell of the three tables, typed values
    cells = {(t, r, c): (v, k, raw) for t, r, c, v, k, raw in con.execute(
        "SELECT table_id, row_id, col_id, value, value_kind, raw FROM cells JOIN reports ON reports.id = report_id "
        "WHERE path LIKE '%a-2024.md'")}
    assert cells[("s3", "new", "natural_person")] == (200, "int", "200")
    assert cells[("s3", "result.open", "total")] == (150, "int", "150")
    assert cells[("s4", "cases", "review.corrected")] == (1, "int", "1")
    assert cells[("s2", "normative_docs", "in_force")] == (5, "int", "5")
    na = {k for (_t, _r, _c), (v, k, raw) in _cells_of(con, "c-2023.md").items() if raw == "不适用"}
    assert na == {"na"}  # 不适用: no value, its own kind, never 0
    assert all(v is None for v, k, _raw in _cells_of(con, "c-2023.md").values() if k == "na")


def _cells_of(con: sqlite3.Connection, name: str) -> dict:
    return {(t, r, c): (v, k, raw) for t, r, c, v, k, raw in con.execute(
        "SELECT table_id, row_id, col_id, value, value_kind, raw FROM cells JOIN reports ON reports.id = report_id "
        "WHERE path LIKE ?", (f"%{name}",))}


def test_metrics_view_derives_the_rates(built):
    _reports, db = built
    con = connect(db)
    con.row_factory = sqlite3.Row
    m = {Path(r["path"]).name: r for r in con.execute("SELECT * FROM metrics")}
    a = m["a-2024.md"]
    assert (a["new_requests"], a["handled"], a["opened"], a["partly_opened"], a["not_opened"], a["unavailable"]) == \
        (200, 200, 150, 10, 20, 20)
    assert a["open_rate"] == pytest.approx(0.8) and a["not_open_share"] == pytest.approx(0.1)
    assert (a["reviews"], a["reviews_corrected"], a["review_correction_rate"]) == (2, 1, 0.5)
    c = m["c-2023.md"]  # zeros written 不适用 count as 0 in the sums
    assert (c["new_requests"], c["handled"], c["open_rate"]) == (40, 40, 0.875)
    assert (c["reviews"], c["reviews_pending"], c["review_correction_rate"]) == (4, 1, pytest.approx(0.3333))
    assert (c["lawsuits"], c["lawsuits_lost"], c["lawsuit_loss_rate"]) == (2, 1, 0.5)
    b = m["b-2022.md"]  # no case at all: no rate rather than a division by zero
    assert b["reviews"] == 0 and b["review_correction_rate"] is None


# -- the five README queries ------------------------------------------------------------------------------


def readme_queries() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("### The statistics database", 1)[1].split("\n### ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, re.S)


def test_the_five_readme_queries(built):
    reports, db = built
    queries = readme_queries()
    assert len(queries) == 5 and all(q.lstrip().startswith(f"-- {i}.") for i, q in enumerate(queries, 1))
    con = connect(db)
    worst, by_kind, yoy, missing, na_zero = (con.execute(q).fetchall() for q in queries)

    # 1. worst bodies by error count: check's own error counts, the broken report first
    run = check_paths([str(reports)])
    agency_of = {Path(n).name: d.agency for n, (d, _l) in REPORTS.items()}
    errors = Counter({agency_of[Path(f.path).name]: 0 for f in run.files})
    reports_of = Counter(agency_of[Path(f.path).name] for f in run.files)
    for f in run.files:
        errors[agency_of[Path(f.path).name]] += sum(d.severity == "error" for d in f.diagnostics)
    assert worst[0][1] == D and worst[0][3] > 0
    assert sorted(worst) == sorted((stats_db.body_key(k), k, reports_of[k], n) for k, n in errors.items())
    assert [r[3] for r in worst] == sorted((r[3] for r in worst), reverse=True)

    # 2. 公开率 by kind of body, 2023
    got = {kind: row for kind, *row in by_kind}
    c, a, d = (REPORTS[n][0] for n in ("c-2023.md", "a-2023.md", "d-2023.md"))

    def s3(data: StatsData, row: str) -> int:
        return data.s3[row][6]

    bureaus = [a, d]
    opened = sum(s3(x, "result.open") + s3(x, "result.partial") for x in bureaus)
    handled = sum(s3(x, "result.total") for x in bureaus)
    kinds = dict(con.execute("SELECT agency, agency_kind FROM reports"))
    assert kinds[A] == kinds[D] != kinds[C]
    assert got[kinds[A]] == [2, opened, handled, round(opened / handled, 4),
                             round(sum((s3(x, "result.open") + s3(x, "result.partial")) / s3(x, "result.total")
                                       for x in bureaus) / 2, 4)]
    assert got[kinds[C]] == [1, 35, 40, 0.875, 0.875]
    assert [r[0] for r in by_kind] == sorted(got, key=lambda k: -got[k][3])

    # 3. year-over-year change of 新收 per body (consecutive years only: B has no 2023)
    assert yoy == [(A, 2024, 20, 200, 180, 10.0), (A, 2023, 10, 20, 10, 2.0)]

    # 4. bodies missing a year (among the years of the database)
    k = stats_db.body_key
    assert missing == sorted([(k(C), C, 2022), (k(C), C, 2024), (k(B), B, 2023), (k(D), D, 2022), (k(D), D, 2024)],
                             key=lambda r: (r[0].encode(), r[2]))  # SQLite compares the UTF-8 bytes

    # 5. cells written 不适用 vs 0: C wrote every zero as 不适用, the others wrote 0
    def zeros(data: StatsData) -> int:
        return (sum(v == "0" for row in data.s2.values() for v in row.values())
                + sum(v == 0 for row in data.s3.values() for v in row) + sum(v == 0 for v in data.s4))

    rows = {(k, y): (na, zero) for k, y, na, zero, _empty in na_zero}
    assert na_zero[0][:2] == (k(C), 2023)
    assert rows[(k(C), 2023)] == (zeros(c), 0)
    for name, (data, _layout) in REPORTS.items():
        if name != "c-2023.md":
            assert rows[(k(data.agency), data.year)] == (0, zeros(data)), name


def test_the_readme_queries_on_what_real_collections_hold(tmp_path):
    """A real collection (1,496 harvested pages) gave query 1 a first row for 356 reports of no known body, query 2
    a county rate of 17 % for 52 % (one copy of a report whose 予以公开 row was unread still counted its 81 办结), and
    query 3 nine rows for one body and year (the same report kept as .txt and .html, each pair of copies joined)."""
    reports = tmp_path / "reports"
    write_reports(reports)
    text = (reports / "a-2024.md").read_text(encoding="utf-8")
    (reports / "a-2024-copy.md").write_text(text + "\n（转载）\n", encoding="utf-8")  # the same report, kept twice
    lines = [ln for ln in (reports / "a-2023.md").read_text(encoding="utf-8").splitlines()
             if "（一）予以公开" not in ln and "（二）部分公开" not in ln]  # table 三 read but for these rows
    assert len(lines) == len((reports / "a-2023.md").read_text(encoding="utf-8").splitlines()) - 2
    (reports / "e-2023.md").write_text("\n".join(lines).replace("青禾市生态环境局", "白岩市交通运输局") + "\n",
                                       encoding="utf-8")
    (reports / "f-2023.md").write_text(text.replace("青禾市生态环境局", "").replace("2024", "2023"), encoding="utf-8")
    db = tmp_path / "stats.sqlite"
    assert invoke("stats", reports, "-o", db).exit_code == 0
    con = connect(db)
    e, f = (con.execute("SELECT body_key, year, handled, opened FROM metrics WHERE path LIKE ?", (f"%{n}",)).fetchone()
            for n in ("e-2023.md", "f-2023.md"))
    assert e[1:] == (2023, 20, None) and f[0] is None  # (the cases are what they are meant to be)
    worst, by_kind, yoy, _missing, _na_zero = (con.execute(q).fetchall() for q in readme_queries())
    assert None not in [r[0] for r in worst] and len(worst) == 5
    a, d = (REPORTS[n][0] for n in ("a-2023.md", "d-2023.md"))
    bureau = {kind: row for kind, *row in by_kind}[con.execute(
        "SELECT agency_kind FROM reports WHERE agency = ?", (A,)).fetchone()[0]]
    assert bureau[:3] == [2, sum(x.s3[r][6] for x in (a, d) for r in ("result.open", "result.partial")),
                          sum(x.s3["result.total"][6] for x in (a, d))]  # not e's 20 办结 without its 公开
    assert yoy == [(A, 2024, 20, 200, 180, 10.0), (A, 2023, 10, 20, 10, 2.0)]


# -- update in place -------------------------------------------------------------------------------------


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_rerun_changes_nothing_and_a_changed_file_is_replaced(tmp_path):
    write_reports(tmp_path / "r")
    db = tmp_path / "s.sqlite"
    assert invoke("stats", tmp_path / "r", "-o", db).exit_code == 0
    con = connect(db)
    before = dict(con.execute("SELECT path, id FROM reports"))
    stamps = dict(con.execute("SELECT path, checked_at FROM reports"))
    con.close()
    digest = _digest(db)
    res = invoke("stats", tmp_path / "r", "-o", db)
    assert res.exit_code == 0 and "新增 0 份报告，更新 0 份，未变 7 份" in res.stderr
    assert _digest(db) == digest  # not one byte rewritten
    # one file changes: only its row is rewritten, under the same id
    target = tmp_path / "r" / "b-2022.md"
    data = REPORTS["b-2022.md"][0]
    target.write_text(render(make_data(B, 2022, {"result.open": 7}), Layout())[0], encoding="utf-8")
    assert data.s3["new"][6] == 5
    res = invoke("stats", tmp_path / "r", "-o", db)
    assert res.exit_code == 0 and "新增 0 份报告，更新 1 份，未变 6 份" in res.stderr
    con = connect(db)
    assert dict(con.execute("SELECT path, id FROM reports")) == before
    assert con.execute("SELECT new_requests FROM metrics WHERE path = ?", (str(target),)).fetchone() == (7,)
    assert con.execute("SELECT COUNT(*) FROM cells WHERE report_id = ? AND row_id = 'new'",
                       (before[str(target)],)).fetchone() == (7,)  # the old cells are gone, not doubled
    after = dict(con.execute("SELECT path, checked_at FROM reports"))
    assert {p for p in after if after[p] != stamps[p]} <= {str(target)}
    assert con.execute("SELECT sha256 FROM reports WHERE path = ?", (str(target),)).fetchone() == (_digest(target),)
    con.close()
    # a new file is added, the others stay; a file gone from the run stays in the database
    (tmp_path / "r2").mkdir()
    (tmp_path / "r2" / "e-2023.md").write_text(render(make_data(A, 2023, {"result.open": 1}), Layout())[0],
                                             encoding="utf-8")
    res = invoke("stats", tmp_path / "r2", "-o", db)
    assert res.exit_code == 0 and "新增 1 份报告，更新 0 份，未变 0 份" in res.stderr
    assert connect(db).execute("SELECT COUNT(*) FROM reports").fetchone() == (8,)


def test_one_report_however_its_path_is_written_and_after_a_move(tmp_path, monkeypatch):
    write_reports(tmp_path / "r")
    db = tmp_path / "s.sqlite"
    monkeypatch.chdir(tmp_path)
    assert invoke("stats", "r", "-o", "s.sqlite").exit_code == 0
    ids = dict(connect(db).execute("SELECT path, id FROM reports"))
    assert set(ids) == {str(tmp_path / "r" / n) for n in REPORTS}  # stored absolute
    res = invoke("stats", "./r/", tmp_path / "r" / "a-2023.md", "-o", db)
    assert res.exit_code == 0 and "新增 0 份报告，更新 0 份，未变 7 份" in res.stderr  # a-2023.md once
    digest = _digest(db)
    (tmp_path / "r" / "a-2023.md").rename(tmp_path / "r" / "a-2023-renamed.md")
    (tmp_path / "r2").mkdir()
    (tmp_path / "r" / "b-2022.md").rename(tmp_path / "r2" / "b-2022.md")
    res = invoke("stats", "r", "r2", "-o", db)
    assert res.exit_code == 0 and "未变 5 份，2 份改了路径（内容未变）" in res.stderr and "新增 0 份" in res.stderr
    now = dict(connect(db).execute("SELECT path, id FROM reports"))
    assert now[str(tmp_path / "r" / "a-2023-renamed.md")] == ids[str(tmp_path / "r" / "a-2023.md")]
    assert now[str(tmp_path / "r2" / "b-2022.md")] == ids[str(tmp_path / "r" / "b-2022.md")]
    assert len(now) == 7 and _digest(db) != digest
    # a copy next to a file that is still there is a report of its own
    (tmp_path / "r" / "copy.md").write_bytes((tmp_path / "r" / "c-2023.md").read_bytes())
    res = invoke("stats", "r", "-o", db)
    assert res.exit_code == 0 and "新增 1 份报告" in res.stderr


def test_changed_settings_rewrite_the_findings(tmp_path):
    write_reports(tmp_path / "r")
    db = tmp_path / "s.db"  # .db is a database target too
    assert invoke("stats", tmp_path / "r" / "d-2023.md", "-o", db).exit_code == 0
    errors = connect(db).execute("SELECT COUNT(*) FROM findings WHERE severity = 'error'").fetchone()[0]
    assert errors > 0
    cfg = tmp_path / "cfg.yaml"
    cfg.write_text("ignore: [statistics]\n", encoding="utf-8")
    res = invoke("stats", tmp_path / "r" / "d-2023.md", "-o", db, "--config", cfg)
    assert res.exit_code == 0 and "更新 1 份" in res.stderr
    assert connect(db).execute("SELECT COUNT(*) FROM findings WHERE category = 'statistics'").fetchone() == (0,)


def test_unreadable_file_is_a_row_with_its_error_and_exit_2(tmp_path):
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "empty.md").write_bytes(b"")
    (tmp_path / "r" / "ok.md").write_text(render(make_data(A, 2023, {"result.open": 1}), Layout())[0],
                                          encoding="utf-8")
    db = tmp_path / "s.sqlite"
    digests = []
    for _ in range(2):  # the error is said again when nothing changed, and nothing is rewritten
        res = invoke("stats", tmp_path / "r", "-o", db)
        assert res.exit_code == 2 and "empty.md：文件为空" in res.stderr and "Traceback" not in res.output
        digests.append(_digest(db))
    assert digests[0] == digests[1] and "未变 2 份" in res.stderr
    rows = dict(connect(db).execute("SELECT path, error FROM reports"))
    assert rows == {str(tmp_path / "r" / "empty.md"): "文件为空", str(tmp_path / "r" / "ok.md"): None}


# -- refusing what is not ours ----------------------------------------------------------------------------


def _refused(tmp_path: Path, db: Path, fragment: str) -> None:
    write_reports(tmp_path / "r")
    before = db.read_bytes() if db.is_file() else None
    res = invoke("stats", tmp_path / "r" / "a-2023.md", "-o", db)
    assert res.exit_code == 2 and "Traceback" not in res.output
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"disclosure-lint: 无法写入 {db}：") and fragment in lines[0], lines
    if before is not None:
        assert db.read_bytes() == before  # never damaged
    if db.parent.is_dir():
        assert sorted(p.name for p in db.parent.iterdir() if p.name.startswith(db.name)) == \
            ([db.name] if before is not None else [])  # no journal left beside it


def test_foreign_sqlite_database_is_refused_untouched(tmp_path):
    db = tmp_path / "other.sqlite"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE customers (name TEXT)")
    con.execute("INSERT INTO customers VALUES ('x')")
    con.commit()
    con.close()
    _refused(tmp_path, db, "其他程序的 SQLite 数据库")


def test_corrupt_database_is_refused_untouched(tmp_path):
    write_reports(tmp_path / "r")
    db = tmp_path / "s.sqlite"
    assert invoke("stats", tmp_path / "r", "-o", db).exit_code == 0
    data = bytearray(db.read_bytes())
    page = 4096
    for i in range(page, len(data), 7):  # every page after the first scribbled over
        data[i] = (data[i] * 31 + 7) % 256
    db.write_bytes(bytes(data))
    _refused(tmp_path, db, "损坏")


@pytest.mark.parametrize("content", [b"name,value\r\n1,2\r\n", b"SQLite format 2\x00" + b"\x00" * 200,
                                     b"\x00" * 5000], ids=["csv", "other-header", "zeros"])
def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path, content):
    db = tmp_path / "s.db"
    db.write_bytes(content)
    _refused(tmp_path, db, "不是 SQLite 数据库文件")


def test_a_database_of_ours_with_a_trigger_planted_is_refused_untouched(tmp_path):
    """A trigger would run the file's own SQL inside our writes: a loop over the cells, a huge blob, writes to a
    table of its own (red team, round 17)."""
    write_reports(tmp_path / "r")
    db = tmp_path / "s.sqlite"
    assert invoke("stats", tmp_path / "r" / "a-2022.md", "-o", db).exit_code == 0
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE loot (x)")
    con.execute("CREATE TRIGGER t AFTER INSERT ON cells BEGIN INSERT INTO loot VALUES (NEW.value); END")
    con.commit()
    con.close()
    _refused(tmp_path, db, "触发器")


def test_stored_facts_that_inflate_beyond_any_report_are_not_read(tmp_path):
    """A planted row whose compressed facts inflate to hundreds of MB is read as no facts, in bounded memory."""
    import zlib

    from disclosure_lint import stats_db

    bomb = zlib.compress(b"{" + b" " * (stats_db.FACTS_MAX + 10) + b"}", 9)
    assert len(bomb) < 100_000
    assert stats_db._unpack_facts(bomb) is None
    assert stats_db._unpack_facts(zlib.compress(b'{"a": 1}')) == {"a": 1}


def test_newer_schema_is_refused(tmp_path):
    write_reports(tmp_path / "r")
    db = tmp_path / "s.sqlite"
    assert invoke("stats", tmp_path / "r" / "a-2022.md", "-o", db).exit_code == 0
    con = sqlite3.connect(db)
    con.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
    con.commit()
    con.close()
    _refused(tmp_path, db, f"第 {SCHEMA_VERSION + 1} 版")


def _run_findings(db: Path) -> list[tuple[str, str]]:
    con = connect(db)
    try:
        return sorted((Path(p).name, c) for p, c in con.execute(
            "SELECT r.path, f.code FROM findings f JOIN reports r ON r.id = f.report_id WHERE f.scope = 'run'"))
    finally:
        con.close()


def test_checks_across_reports_span_the_database_not_only_the_run(tmp_path):
    """A year added in a later run is compared with the year before already in the database; a rerun over unchanged
    files rewrites nothing; the cross findings are recomputed when a report they compare changes."""
    for name in ("a-2023.md", "a-2024.md"):
        (tmp_path / name[2:6]).mkdir()
        data, layout = REPORTS[name]
        (tmp_path / name[2:6] / name).write_text(render(data, layout)[0], encoding="utf-8")
    db = tmp_path / "s.sqlite"
    res = invoke("stats", tmp_path / "2023", "-o", db)
    assert res.exit_code == 0 and "跨报告" not in res.stderr
    assert _run_findings(db) == []
    res = invoke("stats", tmp_path / "2024", "-o", db)
    assert res.exit_code == 0 and "跨报告比对的问题共 2 个" in res.stderr, res.stderr
    assert _run_findings(db) == [("a-2024.md", "DL243"), ("a-2024.md", "DL244")]
    con = connect(db)
    message = con.execute("SELECT message FROM findings WHERE code = 'DL244'").fetchone()[0]
    con.close()
    # (the other report named by its path: outside the working directory, as given)
    assert f"上年报告（{tmp_path / '2023' / 'a-2023.md'}）" in message and "为200" in message
    # the same as check over both files
    run = check_paths([str(tmp_path / "2023"), str(tmp_path / "2024")])
    assert sorted((Path(f.path).name, d.code) for f in run.files for d in f.diagnostics
                  if d.code in CROSS_REPORT) == _run_findings(db)
    digest = _digest(db)
    assert invoke("stats", tmp_path / "2024", "-o", db).exit_code == 0
    assert _digest(db) == digest  # nothing changed: not one byte rewritten
    # last year's report changes (its 本年新收 now close to this year's): the jump is gone
    (tmp_path / "2023" / "a-2023.md").write_text(render(make_data(A, 2023, {"result.open": 150}), Layout())[0],
                                                 encoding="utf-8")
    assert invoke("stats", tmp_path / "2023", "-o", db).exit_code == 0
    assert ("a-2024.md", "DL244") not in _run_findings(db)


def test_a_version_1_database_is_brought_up_to_date(tmp_path):
    write_reports(tmp_path / "r")
    db = tmp_path / "s.sqlite"
    assert invoke("stats", tmp_path / "r", "-o", db).exit_code == 0
    con = sqlite3.connect(db)  # as version 1 wrote it: no facts, no scope, no findings across reports
    con.execute("DELETE FROM findings WHERE scope = 'run'")
    con.execute("ALTER TABLE findings DROP COLUMN scope")
    con.execute("ALTER TABLE reports DROP COLUMN facts")
    con.execute("UPDATE schema_version SET version = 1")
    con.commit()
    con.close()
    res = invoke("stats", tmp_path / "r", "-o", db)
    assert res.exit_code == 0 and "新增 0 份报告，更新 7 份，未变 0 份" in res.stderr, res.stderr
    con = connect(db)
    assert [v for (v,) in con.execute("SELECT version FROM schema_version ORDER BY version")] == [1, SCHEMA_VERSION]
    assert con.execute("SELECT COUNT(*) FROM reports WHERE facts IS NULL").fetchone() == (0,)
    con.close()
    assert ("a-2024.md", "DL244") in _run_findings(db)
    digest = _digest(db)
    assert invoke("stats", tmp_path / "r", "-o", db).exit_code == 0
    assert _digest(db) == digest


def test_stored_facts_that_cannot_be_read_leave_the_report_out(tmp_path):
    write_reports(tmp_path / "r")
    db = tmp_path / "s.sqlite"
    assert invoke("stats", tmp_path / "r", "-o", db).exit_code == 0
    con = sqlite3.connect(db)
    con.execute("UPDATE reports SET facts = X'00ff' WHERE path LIKE '%a-2023.md'")  # edited by hand
    con.commit()
    con.close()
    res = invoke("stats", tmp_path / "r", "-o", db)
    assert res.exit_code == 0, res.stderr
    found = _run_findings(db)
    assert ("a-2024.md", "DL244") not in found  # no previous year to compare with
    assert all(name != "a-2023.md" for name, _code in found)


def test_targets_that_are_not_regular_files_are_refused(tmp_path):
    _refused(tmp_path, tmp_path / "missing" / "s.sqlite", "所在目录不存在")
    (tmp_path / "dir.sqlite").mkdir()
    res = invoke("stats", ROOT / "examples" / "clean-2023.md", "-o", tmp_path / "dir.sqlite")
    assert res.exit_code == 2 and "这是一个目录" in res.stderr
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    res = invoke("stats", ROOT / "examples" / "clean-2023.md", "-o", fifo)
    assert res.exit_code == 2 and "不是普通文件" in res.stderr
    res = invoke("stats", ROOT / "examples" / "clean-2023.md", "-f", "sqlite")
    assert res.exit_code == 2 and "须用 -o 指定文件" in res.stderr


def test_a_database_locked_by_another_program_is_waited_for_then_refused(tmp_path, monkeypatch):
    write_reports(tmp_path / "r")
    db = tmp_path / "s.sqlite"
    assert invoke("stats", tmp_path / "r" / "a-2022.md", "-o", db).exit_code == 0
    monkeypatch.setattr(stats_db, "BUSY_TIMEOUT", 0.2)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        before = db.read_bytes()
        res = invoke("stats", tmp_path / "r" / "a-2023.md", "-o", db)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert res.exit_code == 2 and "数据库正被其他程序使用" in res.stderr and "损坏" not in res.stderr
    assert db.read_bytes() == before
    assert invoke("stats", tmp_path / "r" / "a-2023.md", "-o", db).exit_code == 0  # free again: written


def test_empty_file_and_symlink_are_written(tmp_path):
    write_reports(tmp_path / "r")
    real = tmp_path / "real.sqlite"
    real.write_bytes(b"")  # an empty file is an empty database
    link = tmp_path / "link.sqlite"
    link.symlink_to(real)
    res = invoke("stats", tmp_path / "r" / "a-2023.md", "-o", link)
    assert res.exit_code == 0, res.stderr
    assert link.is_symlink() and connect(real).execute("SELECT COUNT(*) FROM reports").fetchone() == (1,)


def test_explicit_format_wins_over_the_suffix(tmp_path):
    out = tmp_path / "cells.db"
    res = invoke("stats", ROOT / "examples" / "clean-2023.md", "-f", "csv", "-o", out)
    assert res.exit_code == 0 and out.read_bytes().startswith(b"\xef\xbb\xbfpath,")


# -- transactions ---------------------------------------------------------------------------------------------


def test_a_failure_mid_run_keeps_whole_batches_only(tmp_path, monkeypatch):
    write_reports(tmp_path / "r")
    db = tmp_path / "s.sqlite"
    monkeypatch.setattr(stats_db, "BATCH_SIZE", 3)
    real_store = stats_db.store
    calls = []

    def failing_store(con, entry):
        calls.append(entry.path)
        if len(calls) == 5:  # in the middle of the second batch, after writing one of its reports
            raise sqlite3.OperationalError("database or disk is full")
        return real_store(con, entry)

    monkeypatch.setattr(stats_db, "store", failing_store)
    res = invoke("stats", tmp_path / "r", "-o", db)
    assert res.exit_code == 2 and "无法写入" in res.stderr and "磁盘空间不足" in res.stderr and "已写入的报告保留" in res.stderr
    con = connect(db)
    kept = [Path(p).name for (p,) in con.execute("SELECT path FROM reports ORDER BY id")]
    assert kept == sorted(REPORTS)[:3]  # the first batch; the second rolled back whole
    assert con.execute("SELECT COUNT(DISTINCT report_id) FROM cells").fetchone() == (3,)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    monkeypatch.setattr(stats_db, "store", real_store)
    res = invoke("stats", tmp_path / "r", "-o", db)  # run again: the rest is added, the first three skipped
    assert res.exit_code == 0 and "新增 4 份报告，更新 0 份，未变 3 份" in res.stderr


# -- hostile names and cell text -----------------------------------------------------------------------------


def test_hostile_file_names_and_cell_text_are_data_never_sql(tmp_path):
    (tmp_path / "r").mkdir()
    data = make_data(A, 2023, {"result.open": 3})
    text = render(data, Layout())[0]
    # a cell of table 二 written as SQL and as a formula; the agency name with a quote
    evil_cell = "0'); DROP TABLE reports; --"
    assert "| 2 |" in text
    text = text.replace("| 2 |", f"| {evil_cell} |", 1)
    cfg = tmp_path / "cfg.yaml"  # the agency name as configured, with a quote
    cfg.write_text("agency:\n  name: \"青禾市'; DELETE FROM cells; --局\"\n", encoding="utf-8")
    names = [b"x'); DROP TABLE reports; --.md", b"\xff\xfe.md", b"\x1b[31mred.md", "\u202egnp.md".encode()]
    for n in names:
        with open(os.path.join(os.fsencode(tmp_path / "r"), n), "wb") as fh:
            fh.write(text.encode("utf-8"))
    db = tmp_path / "s.sqlite"
    res = invoke("stats", tmp_path / "r", "-o", db, "-c", cfg)
    assert res.exit_code == 0, res.stderr
    con = connect(db)
    paths = {p.rsplit("/", 1)[1] for (p,) in con.execute("SELECT path FROM reports")}
    assert paths == {"x'); DROP TABLE reports; --.md", "\\xff\\xfe.md", "\x1b[31mred.md", "\u202egnp.md"}
    assert {a for (a,) in con.execute("SELECT DISTINCT agency FROM reports")} == {"青禾市'; DELETE FROM cells; --局"}
    raws = {r for (r,) in con.execute("SELECT raw FROM cells WHERE table_id = 's2' AND value_kind = 'text'")}
    assert raws == {evil_cell}
    assert con.execute("SELECT COUNT(*) FROM cells").fetchone()[0] > 4 * 180
    # unchanged on a second run: the names with escaped bytes are found again
    res = invoke("stats", tmp_path / "r", "-o", db, "-c", cfg)
    assert res.exit_code == 0 and "未变 4 份" in res.stderr, res.stderr


def test_body_key_is_one_normalisation():
    assert stats_db.body_key("青禾市 生态环境局") == stats_db.body_key("青禾市生态环境局") == "青禾市生态环境局"
    # the key the checks across reports group by: the innermost region and the body, long forms shortened
    assert stats_db.body_key("青禾市云岭区人民政府办公室") == stats_db.body_key("云岭区政府办公室") == "云岭区政府办公室"
    assert stats_db.body_key("ＡＢ市局") == "AB市局" and stats_db.body_key(None) is None
    assert stats_db.body_key(" 、") is None


def test_stats_csv_quotes_formula_cells(tmp_path):
    data = make_data(A, 2023, {"result.open": 3})
    text = render(data, Layout())[0].replace("| 2 |", "| =1+2 |", 1)
    (tmp_path / "r.md").write_text(text, encoding="utf-8")
    res = invoke("stats", tmp_path / "r.md")
    body = res.stdout_bytes.decode("utf-8-sig")
    assert "'=1+2" in body and ",=1+2" not in body


def test_metrics_view_agrees_with_the_one_definition_of_each_rate(built):
    """report/rates.py defines each rate once; the view's SQL and the cross-report facts must agree with it."""
    from disclosure_lint.api import Checker
    from disclosure_lint.report.rates import RATES

    reports, db = built
    con = connect(db)
    con.row_factory = sqlite3.Row
    view = {Path(r["path"]).name: r for r in con.execute("SELECT * FROM metrics")}
    checker = Checker(select=["DL245"], isolated=True)  # a cross-report rule: the facts are gathered
    compared = 0
    for name in ("a-2024.md", "c-2023.md", "b-2022.md"):
        facts = checker.check_file(str(reports / name)).facts
        assert facts is not None

        def term(key: str, facts: dict = facts) -> float | None:
            got = facts.get("not_open") if key == "not_open" else facts["cells"].get(key)
            return got[0] if got else None

        for rate in RATES:
            expected = rate.value(term)
            got = view[name][rate.id]
            assert (got is None) == (expected is None), (name, rate.id)
            if expected is not None:
                assert got == pytest.approx(expected, abs=1e-4), (name, rate.id)
                compared += 1
    assert compared >= 7


def test_a_doc_that_is_a_page_is_stored_and_a_text_doc_skipped(tmp_path):
    """As in check (readers.reader_of): a .doc found in a folder is read for what its bytes are."""
    from tests.render import to_html

    d = tmp_path / "r"
    d.mkdir()
    (d / "page.doc").write_text(to_html((ROOT / "examples" / "clean-2023.md").read_text(encoding="utf-8")),
                                encoding="utf-8")
    (d / "old.doc").write_bytes("纯文本，不是 Word 文档".encode())
    db = tmp_path / "s.sqlite"
    res = invoke("stats", d, "-o", db)
    assert res.exit_code == 0, res.output
    rows = connect(db).execute("SELECT path, file_format FROM reports").fetchall()
    assert rows == [(str(d / "page.doc"), "html")]
    res = invoke("stats", d / "old.doc", "-o", db)  # named: an error naming the type
    assert res.exit_code == 2 and "内容却不是 Word 文档" in res.output
