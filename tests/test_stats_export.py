"""``disclosure-lint stats``: CSV/JSON export of the statistics tables (stats_export.py)."""

from __future__ import annotations

import csv
import io
import json
import os
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from disclosure_lint import stats_export as sx
from disclosure_lint.cli import app
from disclosure_lint.model import Block, Cell
from disclosure_lint.report.stats import extract as extract_mod
from disclosure_lint.report.stats.model import StatCell, StatTable, Unmapped, parse_value
from disclosure_lint.report.stats.schema import S3_COLS, schema

runner = CliRunner()


# -- hand-built tables ---------------------------------------------------------------------------


def make_table(tid: str, version: str, values: dict[tuple[str, str], str], *, detected: str | None = "same",
               layout: str = "grid", unmapped: list[tuple[str, str]] = (), extra_rows: list[str] = (),
               extra_cols: list[str] = (), first_line: int = 10, row_written: dict[str, str] | None = None,
               col_written: dict[str, str] | None = None, block_index: int = 2) -> StatTable:
    """A StatTable as the extractor would build it from a grid that starts at ``first_line``.

    ``values`` maps (row id, col id) to the raw cell text; each row id gets one source line
    (in schema order), each column one column number.
    """
    sch = schema(tid, version)
    block = Block(index=block_index, kind="table", text=f"| {sch.title} |\n|---|", line=first_line, column=1,
                  end_line=first_line + 40)
    row_ids = [r.id for r in sch.rows]
    col_ids = [c.id for c in sch.cols]
    t = StatTable(id=tid, schema=sch, detected_version=version if detected == "same" else detected,
                  blocks=[block], layout=layout)
    row_written = row_written or {}
    col_written = col_written or {}
    for (row, col), raw in values.items():
        ri = row_ids.index(row) if row in row_ids else len(row_ids)
        ci = col_ids.index(col) if col in col_ids else len(col_ids)
        rl = row_written.get(row) or (sch.row_by_id[row].label if row in sch.row_by_id else row)
        cl = col_written.get(col) or (sch.col_by_id[col].label if col in sch.col_by_id else col)
        cell = Cell(text=raw, row=ri + 2, col=ci + 1, line=first_line + 2 + ri, column=20 + 4 * ci)
        t.cells[(row, col)] = StatCell(tid, row, col, raw, parse_value(raw), rl, cl, block=block, cell=cell)
        t.row_labels.setdefault(row, rl)
        t.col_labels.setdefault(col, cl)
    for i, (label, what) in enumerate(unmapped):
        t.unmapped.append(Unmapped(label, what, block, Cell(text=label, row=30 + i, col=0, line=first_line + 30 + i,
                                                            column=3)))
    for i, label in enumerate(extra_rows):
        t.extra_rows.append((label, block, Cell(text=label, row=40 + i, col=0, line=first_line + 35 + i, column=3)))
    for i, label in enumerate(extra_cols):
        t.extra_cols.append((label, block, Cell(text=label, row=0, col=9 + i, line=first_line, column=60 + i)))
    return t


def full_s3(version: str = "2021", fill: str = "0", **over: str) -> dict[tuple[str, str], str]:
    """Every data cell of table 三 with ``fill``; ``over`` sets '<row>|<col>' cells."""
    vals = {(r.id, c.id): fill for r in schema("s3", version).data_rows() for c in S3_COLS}
    for k, v in over.items():
        row, col = k.split("|")
        vals[(row, col)] = v
    return vals


# -- whole reports with tables 二/三/四 (Markdown, pipe text, one cell per line) ---------------------

S2_BLOCKS = {
    "2021": [("第二十条第（一）项", ["rules", "normative_docs"], ["issued", "repealed", "in_force"]),
             ("第二十条第（五）项", ["licensing"], ["decisions"]),
             ("第二十条第（六）项", ["penalty", "coercion"], ["decisions"]),
             ("第二十条第（八）项", ["fees"], ["amount"])],
    "2019": [("第二十条第（一）项", ["rules", "normative_docs"], ["new_made", "new_published", "total_published"]),
             ("第二十条第（五）项", ["licensing", "other_services"], ["prev_count", "change", "decisions"]),
             ("第二十条第（六）项", ["penalty", "coercion"], ["prev_count", "change", "decisions"]),
             ("第二十条第（八）项", ["fees"], ["prev_count", "change"]),
             ("第二十条第（九）项", ["procurement"], ["procurement_count", "procurement_amount"])],
}


def _md_row(cells) -> str:
    return "| " + " | ".join(cells) + " |"


def md_t2(version: str, drop_rows=(), extra_rows=(), values: dict | None = None) -> str:
    """Table 二 as one GFM table, the article lines and 信息内容 headers as rows (4 columns)."""
    sch = schema("s2", version)
    values = values or {}
    out = []
    for k, (art, rows, cols) in enumerate(S2_BLOCKS[version]):
        out.append(_md_row([art, "", "", ""]))
        if k == 0:
            out.append("|---|---|---|---|")
        pad = [""] * (3 - len(cols))
        out.append(_md_row(["信息内容"] + [sch.col_by_id[c].label for c in cols] + pad))
        for r in rows:
            if r not in drop_rows:
                out.append(_md_row([sch.row_by_id[r].label] + [values.get((r, c), "0") for c in cols] + pad))
        if k == 0:
            out += [_md_row([e] + ["0"] * len(cols) + pad) for e in extra_rows]
    return "\n".join(out)


def md_t3(version: str, drop_rows=(), extra_cols=(), unknown_rows=(), values: dict | None = None) -> str:
    """Table 三 with one label column: group rows blank, sub-items numbered 1. 2. …"""
    sch = schema("s3", version)
    values = values or {}
    hdr = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"] + [c.label for c in S3_COLS]
    hdr += list(extra_cols)
    out = [_md_row(hdr), "|" + "---|" * len(hdr)]
    cols = [c.id for c in S3_COLS] + [f"x{i}" for i in range(len(extra_cols))]
    for r in sch.rows:
        if r.id in drop_rows:
            continue
        cells = [values.get((r.id, c), "0") if r.data else "" for c in cols]
        out.append(_md_row([r.label] + cells))
        if r.id == "result.open":
            out += [_md_row([u] + ["0"] * len(cols)) for u in unknown_rows]
    return "\n".join(out)


def md_t4(values: dict | None = None) -> str:
    from disclosure_lint.report.stats.schema import S4_COLS, S4_RESULTS

    values = values or {}
    return "\n".join([
        _md_row(["行政复议", "", "", "", "", "行政诉讼"] + [""] * 9), "|" + "---|" * 15,
        _md_row(["", "", "", "", "", "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""]),
        _md_row([label for _ in range(3) for _r, label in S4_RESULTS]),
        _md_row([values.get(c.id, "0") for c in S4_COLS]),
    ])


def md_report(year: int = 2023, s2: str | None = None, s3: str | None = None, s4: str | None = None,
              agency: str = "某某市某某局") -> str:
    v = "2021" if year >= 2021 else "2019"
    return "\n".join([
        f"# {agency}{year}年政府信息公开工作年度报告", "",
        "## 一、总体情况", "", "本局全年主动公开政府信息120条。", "",
        "## 二、主动公开政府信息情况", "", md_t2(v) if s2 is None else s2, "",
        "## 三、收到和处理政府信息公开申请情况", "", md_t3(v) if s3 is None else s3, "",
        "## 四、政府信息公开行政复议、行政诉讼情况", "", md_t4() if s4 is None else s4, "",
        "## 五、存在的主要问题及改进情况", "", "一是公开内容不够全面，二是解读形式较为单一。", "",
        "## 六、其他需要报告的事项", "", "本年度未收取信息处理费。", ""])


def as_text(md: str) -> str:
    """The same report as scraped text: headings unmarked, table rows as ``a | b | c``."""
    out = []
    for ln in md.splitlines():
        if ln.startswith("|") and set(ln) <= set("|-"):
            continue
        if ln.startswith("#"):
            ln = ln.lstrip("#").strip()
        elif ln.startswith("|"):
            ln = " | ".join(c.strip() for c in ln.strip("|").split("|"))
        out.append(ln)
    return "\n".join(out)


def as_flat(md: str) -> str:
    """The same report printed one table cell per line (empty cells vanish), as scraped pages do."""
    out = []
    for ln in md.splitlines():
        if ln.startswith("|") and set(ln) <= set("|-"):
            continue
        if ln.startswith("#"):
            out.append(ln.lstrip("#").strip())
        elif ln.startswith("|"):
            out += [c.strip() for c in ln.strip("|").split("|") if c.strip()]
        elif ln.strip():
            out.append(ln)
    return "\n".join(out)


class FakeReport:
    def __init__(self, stats, year=2023, format_version="2021", agency="某某市某某局", kind="bureau"):
        from disclosure_lint.report.agency import Agency

        self.stats = stats
        self.year = year
        self.format_version = format_version
        self.title = f"{agency}{year}年政府信息公开工作年度报告"
        self.agency = Agency(name=agency, kind=kind, word=None, source="title")


# -- records from tables -------------------------------------------------------------------------


def test_records_follow_schema_order_and_carry_labels_and_positions():
    vals = full_s3()
    vals[("new", "natural_person")] = "1,250"
    vals[("result.open", "total")] = ""
    vals[("result.partial", "commercial")] = "/"
    t = make_table("s3", "2021", vals, row_written={"new": "一、本年新收政府信息公开申请数量"})
    fe = sx.export_report("a.md", FakeReport({"s3": t}), "markdown", "utf-8")
    recs = fe.records
    assert len(recs) == 25 * 7
    assert [r["row_id"] for r in recs[:8]] == ["new"] * 7 + ["carried_over"]
    assert [r["col_id"] for r in recs[:7]] == [c.id for c in S3_COLS]
    first = recs[0]
    assert first["value"] == "1250" and first["value_kind"] == "int" and first["raw"] == "1,250"
    assert first["row_label"] == "一、本年新收政府信息公开申请数量"
    assert first["col_label"] == "自然人" and first["col_group"] is None
    assert recs[1]["col_group"] == "法人或其他组织"
    assert first["line"] == 12 and first["column"] == 20
    assert first["agency"] == "某某市某某局" and first["year"] == 2023 and first["format_version"] == "2021"
    assert first["table"] == "s3" and first["detected_version"] == "2021"
    blank = next(r for r in recs if r["row_id"] == "result.open" and r["col_id"] == "total")
    assert blank["value"] is None and blank["value_kind"] == "blank"
    slash = next(r for r in recs if r["row_id"] == "result.partial" and r["col_id"] == "commercial")
    assert slash["value"] is None and slash["value_kind"] == "slash" and slash["raw"] == "/"
    assert set(recs[0]) == set(sx.FIELDS) and first["pointer"] is None


def test_canonical_label_differs_from_written_label():
    vals = {("normative_docs", "issued"): "2", ("fees", "amount"): "1.50万元"}
    t = make_table("s2", "2021", vals, row_written={"normative_docs": "规范性文件"},
                   col_written={"issued": "本年制发件"})
    recs = sx.table_records("a.md", {"year": 2023}, t)
    assert recs[0]["row_label"] == "行政规范性文件" and recs[0]["row_label_written"] == "规范性文件"
    assert recs[0]["col_label"] == "本年制发件数" and recs[0]["col_label_written"] == "本年制发件"
    fee = recs[1]
    assert fee["row_id"] == "fees" and fee["value"] == "1.50" and fee["value_kind"] == "decimal"
    assert fee["unit"] == "万元"


def test_negative_and_decimal_values_keep_their_text():
    vals = {("licensing", "change"): "-8", ("procurement", "procurement_amount"): "251000元"}
    t = make_table("s2", "2019", vals)
    recs = {r["col_id"]: r for r in sx.table_records("a.md", {}, t)}
    assert recs["change"]["value"] == "-8"
    assert recs["procurement_amount"]["value"] == "251000" and recs["procurement_amount"]["unit"] == "元"


def test_a_change_written_in_words_is_its_number():
    """A real page's 本年增/减 column written 减4 and 未增未减: its numbers, of kind ``worded`` (the raw text kept); a
    worded text in another column is no number."""
    vals = {("licensing", "change"): "减4", ("penalty", "change"): "未增未减", ("coercion", "change"): "增加3",
            ("licensing", "decisions"): "减4", ("fees", "change"): "有所减少"}
    t = make_table("s2", "2019", vals)
    recs = {(r["row_id"], r["col_id"]): r for r in sx.table_records("a.md", {}, t)}
    assert [(recs[k]["value"], recs[k]["value_kind"], recs[k]["raw"]) for k in vals] == [
        ("-4", "worded", "减4"), ("0", "worded", "未增未减"), ("3", "worded", "增加3"), (None, "text", "减4"),
        (None, "text", "有所减少")]
    values = sx.table_summary(t)["values"]
    assert values["licensing"]["change"] == -4 and values["penalty"]["change"] == 0
    assert values["licensing"]["decisions"] is None


def test_cells_outside_the_schema_come_last_with_their_written_labels():
    vals = {("new", "natural_person"): "1", ("new", "org_subtotal"): "0", ("other_docs", "total"): "4"}
    t = make_table("s3", "2021", vals, col_written={"org_subtotal": "小计"}, row_written={"other_docs": "其他文件"})
    recs = sx.table_records("a.md", {}, t)
    assert [(r["row_id"], r["col_id"]) for r in recs] == [("new", "natural_person"), ("new", "org_subtotal"),
                                                          ("other_docs", "total")]
    assert recs[1]["col_label"] == "小计" and recs[1]["col_group"] == "法人或其他组织"
    assert recs[2]["row_label"] == "其他文件"


def test_other_version_rows_get_their_own_official_label():
    # a 2019 row read into a 2021 report's table keeps the 2019 label, not a blank
    t = make_table("s2", "2021", {("rules", "issued"): "0"}, detected="2019")
    t.cells[("procurement", "procurement_count")] = StatCell("s2", "procurement", "procurement_count", "3",
                                                              parse_value("3"), "政府集中采购", "采购项目数量")
    recs = sx.table_records("a.md", {}, t)
    proc = recs[-1]
    assert proc["row_label"] == "政府集中采购" and proc["col_label"] == "采购项目数量"
    assert proc["line"] is None and proc["column"] is None


def test_flat_cell_position_falls_back_to_the_block():
    blk = Block(index=3, kind="paragraph", text="4", line=33, column=1)
    t = StatTable("s4", schema("s4", "2021"), None, blocks=[blk], layout="flat")
    t.cells[("cases", "review.total")] = StatCell("s4", "cases", "review.total", "4", parse_value("4"), "数量", "总计",
                                                  block=blk)
    (rec,) = sx.table_records("a.txt", {}, t)
    assert rec["line"] == 33 and rec["column"] == 1 and rec["col_group"] == "行政复议"
    assert rec["detected_version"] is None


def test_table_summary_values_matrix_and_problems():
    vals = full_s3()
    del vals[("carried_forward", "total")]
    vals[("new", "total")] = "12"
    vals[("result.open", "natural_person")] = "—"
    t = make_table("s3", "2021", vals, unmapped=[("不知道什么栏目", "row")], extra_rows=["其他主动公开文件"])
    s = sx.table_summary(t)
    assert s["values"]["new"]["total"] == 12 and isinstance(s["values"]["new"]["total"], int)
    assert s["values"]["result.open"]["natural_person"] is None
    assert s["schema_version"] == "2021" and s["detected_version"] == "2021" and s["layout"] == "grid"
    assert s["readable"] is False  # an unmapped row label
    assert {"id": "total", "label": "总计"} not in s["missing_cols"]
    assert s["missing_rows"] == []
    assert s["unmapped"] == [{"label": "不知道什么栏目", "what": "row", "line": 40}]
    assert s["extra_rows"] == [{"label": "其他主动公开文件", "line": 45}]
    json.dumps(s)  # serialisable


def test_json_numbers():
    assert sx._json_number(Decimal("3")) == 3
    assert sx._json_number(Decimal("1.50")) == 1.5
    assert sx._json_number(Decimal("-8")) == -8
    assert sx._json_number(None) is None
    assert sx._number_text(Decimal("1E+2")) == "100"


# -- writers -------------------------------------------------------------------------------------


def _run_with(tables: dict, path: str = "a.md") -> sx.ExportRun:
    return sx.ExportRun(files=[sx.export_report(path, FakeReport(tables), "markdown", "utf-8")])


def test_csv_has_bom_header_and_stable_columns():
    run = _run_with({"s3": make_table("s3", "2021", full_s3())})
    buf = io.BytesIO()
    sx.write_stream(run, "csv", buf)
    data = buf.getvalue()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == sx.FIELDS
    assert len(rows) == 1 + 25 * 7
    assert rows[1][sx.FIELDS.index("row_label")] == "一、本年新收政府信息公开申请数量"
    assert rows[1][sx.FIELDS.index("value")] == "0"


def test_csv_of_nothing_is_just_the_header():
    buf = io.BytesIO()
    sx.write_stream(sx.ExportRun(files=[]), "csv", buf)
    assert buf.getvalue().decode("utf-8-sig") == ",".join(sx.FIELDS) + "\r\n"


def test_csv_quotes_commas_and_newlines_in_raw_text():
    t = make_table("s3", "2021", {("new", "natural_person"): "1,2\n3"})
    buf = io.BytesIO()
    sx.write_stream(_run_with({"s3": t}), "csv", buf)
    rows = list(csv.reader(io.StringIO(buf.getvalue().decode("utf-8-sig"))))
    assert rows[1][sx.FIELDS.index("raw")] == "1,2\n3"
    assert rows[1][sx.FIELDS.index("value_kind")] == "text"


def test_json_document_shape():
    run = _run_with({"s2": make_table("s2", "2021", {("rules", "issued"): "0"}),
                     "s4": make_table("s4", "2021", {("cases", "review.total"): "2"}, detected=None)})
    run.files.append(sx.FileExport(path="bad.md", error="文件不存在"))
    run.errors.append("空目录")
    buf = io.BytesIO()
    sx.write_stream(run, "json", buf)
    doc = json.loads(buf.getvalue().decode("utf-8"))
    assert doc["version"] == 1 and doc["tool"]["name"] == "disclosure-lint"
    assert doc["fields"] == list(sx.FIELDS)
    good, bad = doc["files"]
    assert good["agency"] == "某某市某某局" and good["year"] == 2023 and good["format_version"] == "2021"
    assert list(good["tables"]) == ["s2", "s4"] and good["error"] is None and good["record_count"] == 2
    assert good["tables"]["s4"]["values"] == {"cases": {"review.total": 2}}
    assert bad["error"] == "文件不存在" and bad["tables"] == {}
    assert [r["table"] for r in doc["records"]] == ["s2", "s4"]
    assert doc["records"][0]["value"] == "0"
    assert doc["errors"] == ["空目录"]
    assert doc["summary"] == {"files": 2, "files_with_errors": 1, "files_with_tables": 1, "tables": 2,
                              "records": 2, "exit_code": 2}


def test_write_file_is_atomic_and_keeps_the_old_file_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")
    run = _run_with({"s3": make_table("s3", "2021", full_s3())})

    def boom(run, stream):
        stream.write("partial")
        raise RuntimeError("disk full")

    monkeypatch.setitem(sx.WRITERS, "csv", boom)
    with pytest.raises(RuntimeError):
        sx.write_file(run, "csv", str(target))
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]  # no temp file left
    monkeypatch.setitem(sx.WRITERS, "csv", sx.write_csv)
    sx.write_file(run, "csv", str(target))
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_write_file_mode_follows_umask_not_mkstemp(tmp_path):
    target = tmp_path / "new.json"
    sx.write_file(sx.ExportRun(files=[]), "json", str(target))
    mask = os.umask(0)
    os.umask(mask)
    assert (target.stat().st_mode & 0o777) == (0o666 & ~mask)


# -- the command ---------------------------------------------------------------------------------

REPORT = """# 某某市某某局2023年政府信息公开工作年度报告

## 一、总体情况

本局全年主动公开政府信息120条。

## 三、收到和处理政府信息公开申请情况

| 申请人情况 | 自然人 |
|---|---|
| 一、本年新收政府信息公开申请数量 | 3 |
"""


@pytest.fixture
def fake_extract(monkeypatch):
    """Make every report's stats a hand-built table 三 (independent of the extractor)."""

    def fake(report):
        vals = full_s3()
        vals[("new", "natural_person")] = str(len(report.document.text) % 7)
        return {"s3": make_table("s3", report.format_version or "2021", vals)}

    monkeypatch.setattr(extract_mod, "extract", fake)


def invoke(*args: str):
    return runner.invoke(app, list(args))


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_cli_csv_to_stdout(tmp_path, fake_extract):
    f = tmp_path / "r.md"
    f.write_text(REPORT, encoding="utf-8")
    res = invoke("stats", str(f))
    assert res.exit_code == 0, res.output
    rows = _csv_rows(res.stdout_bytes)
    assert tuple(rows[0]) == sx.FIELDS and len(rows) == 1 + 25 * 7
    assert rows[1][0] == str(f) and rows[1][sx.FIELDS.index("agency")] == "某某市某某局"


def test_cli_directory_with_unreadable_file_exports_the_others(tmp_path, fake_extract):
    d = tmp_path / "reports"
    d.mkdir()
    (d / "a.md").write_text(REPORT, encoding="utf-8")
    (d / "b.md").write_text(REPORT.replace("2023", "2020"), encoding="utf-8")
    (d / "empty.md").write_bytes(b"")
    (d / "notes.csv").write_text("x", encoding="utf-8")  # not a report: not walked
    res = invoke("stats", str(d), "-f", "json")
    assert res.exit_code == 2
    doc = json.loads(res.stdout_bytes.decode("utf-8"))
    paths = [Path(f["path"]).name for f in doc["files"]]
    assert paths == ["a.md", "b.md", "empty.md"]
    assert doc["files"][2]["error"] == "文件为空"
    assert {r["year"] for r in doc["records"]} == {2023, 2020}
    assert {r["format_version"] for r in doc["records"]} == {"2021", "2019"}
    # the same one-line error as `check`
    chk = invoke("check", str(d / "empty.md"))
    assert res.stderr.strip().splitlines() == chk.stderr.strip().splitlines()
    assert "empty.md：文件为空" in res.stderr and "Traceback" not in res.output


def test_cli_output_file_atomic_and_quiet_stdout(tmp_path, fake_extract):
    f = tmp_path / "r.md"
    f.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out" / "stats.csv"
    out.parent.mkdir()
    res = invoke("stats", str(f), "--output", str(out))
    assert res.exit_code == 0, res.output
    assert res.stdout_bytes == b""
    assert "已导出 1 个文件的 1 张统计表（175 个单元格）" in res.stderr
    rows = _csv_rows(out.read_bytes())
    assert len(rows) == 176
    assert sorted(p.name for p in out.parent.iterdir()) == ["stats.csv"]


def test_cli_output_into_missing_directory_fails_cleanly(tmp_path, fake_extract):
    f = tmp_path / "r.md"
    f.write_text(REPORT, encoding="utf-8")
    res = invoke("stats", str(f), "-o", str(tmp_path / "nope" / "x.json"), "-f", "json")
    assert res.exit_code == 2
    assert "无法写入" in res.stderr and "Traceback" not in res.output
    assert not (tmp_path / "nope").exists()


def test_cli_year_option_and_missing_file(tmp_path, fake_extract):
    f = tmp_path / "r.txt"
    f.write_text("某某乡人民政府政府信息公开工作年度报告\n一、总体情况\n本乡全年主动公开信息20条。\n", encoding="utf-8")
    res = invoke("stats", str(f), str(tmp_path / "missing.md"), "--year", "2022", "-f", "json")
    assert res.exit_code == 2
    doc = json.loads(res.stdout_bytes)
    assert doc["files"][0]["year"] == 2022 and doc["files"][0]["format_version"] == "2021"
    assert doc["files"][1]["error"] == "文件不存在"
    assert "missing.md：文件不存在" in res.stderr


def test_cli_empty_directory_is_a_run_error(tmp_path):
    res = invoke("stats", str(tmp_path))
    assert res.exit_code == 2 and "没有可检查的报告文件" in res.stderr
    assert _csv_rows(res.stdout_bytes) == [list(sx.FIELDS)]


def test_cli_bad_config_is_exit_2(tmp_path):
    cfg = tmp_path / "c.yaml"
    cfg.write_text("year: [oops\n", encoding="utf-8")
    f = tmp_path / "r.md"
    f.write_text(REPORT, encoding="utf-8")
    res = invoke("stats", str(f), "--config", str(cfg))
    assert res.exit_code == 2 and "配置错误" in res.stderr


def test_cli_extractor_crash_is_a_file_error_not_a_traceback(tmp_path, monkeypatch):
    def broken(report):
        raise ValueError("bad grid")

    monkeypatch.setattr(extract_mod, "extract", broken)
    f = tmp_path / "r.md"
    f.write_text(REPORT, encoding="utf-8")
    res = invoke("stats", str(f), "-f", "json")
    assert res.exit_code == 2
    doc = json.loads(res.stdout_bytes)
    assert "这是工具的问题" in doc["files"][0]["error"] and doc["files"][0]["agency"] == "某某市某某局"


def test_cli_help_mentions_bom_and_excel():
    res = invoke("stats", "--help")
    assert res.exit_code == 0
    assert "BOM" in res.output and "Excel" in res.output


# -- through the real reader and extractor ---------------------------------------------------------


def _export_text(tmp_path, name: str, text: str) -> dict:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    res = invoke("stats", str(f), "-f", "json")
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout_bytes)


@pytest.mark.parametrize("form", ["markdown", "text", "flat"])
def test_export_of_a_full_2021_report(tmp_path, form):
    md = md_report(2023, s3=md_t3("2021", values={("new", "natural_person"): "3", ("new", "total"): "3",
                                                  ("result.open", "natural_person"): "3",
                                                  ("result.open", "total"): "3",
                                                  ("result.total", "natural_person"): "3",
                                                  ("result.total", "total"): "3"}),
                   s2=md_t2("2021", values={("fees", "amount"): "1.25", ("normative_docs", "in_force"): "1,024"}))
    text, name = {"markdown": (md, "r.md"), "text": (as_text(md), "r.txt"), "flat": (as_flat(md), "r.txt")}[form]
    doc = _export_text(tmp_path, name, text)
    (fe,) = doc["files"]
    assert fe["error"] is None and fe["year"] == 2023 and fe["format_version"] == "2021"
    assert set(fe["tables"]) == {"s2", "s3", "s4"}
    assert fe["tables"]["s3"]["layout"] == ("flat" if form == "flat" else "grid")
    assert fe["tables"]["s2"]["detected_version"] == "2021"
    counts = {t: sum(1 for r in doc["records"] if r["table"] == t) for t in ("s2", "s3", "s4")}
    assert counts == {"s2": 10, "s3": 25 * 7, "s4": 15}
    recs = {(r["table"], r["row_id"], r["col_id"]): r for r in doc["records"]}
    new = recs[("s3", "new", "natural_person")]
    assert new["value"] == "3" and new["row_label"] == "一、本年新收政府信息公开申请数量"
    lines = text.splitlines()
    assert new["line"] is not None and "3" in lines[new["line"] - 1]
    assert "本年新收" in lines[new["line"] - 1] or form == "flat"
    fee = recs[("s2", "fees", "amount")]
    assert fee["value"] == "1.25" and fee["value_kind"] == "decimal"
    assert fee["col_label"] == "本年收费金额（单位：万元）"
    assert recs[("s2", "normative_docs", "in_force")]["value"] == "1024"
    assert fe["tables"]["s2"]["values"]["normative_docs"]["in_force"] == 1024
    assert fe["tables"]["s3"]["missing_rows"] == [] and fe["tables"]["s3"]["unmapped"] == []
    assert recs[("s4", "cases", "after_review.total")]["col_group"] == "复议后起诉"


def test_export_of_a_2019_table_in_a_2023_report_keeps_2019_ids(tmp_path):
    doc = _export_text(tmp_path, "r.md", md_report(2023, s2=md_t2("2019"), s3=md_t3("2019")))
    (fe,) = doc["files"]
    assert fe["format_version"] == "2021"
    assert fe["tables"]["s2"]["detected_version"] == "2019"
    rows = {r["row_id"] for r in doc["records"] if r["table"] == "s2"}
    assert {"procurement", "other_services"} <= rows
    proc = next(r for r in doc["records"] if r["row_id"] == "procurement" and r["col_id"] == "procurement_amount")
    assert proc["row_label"] == "政府集中采购" and proc["col_label"] == "采购总金额"
    assert proc["detected_version"] == "2019"


def test_export_keeps_local_rows_and_columns(tmp_path):
    doc = _export_text(tmp_path, "r.md", md_report(2020, s2=md_t2("2019", extra_rows=["其他主动公开文件"]),
                                                   s3=md_t3("2019", extra_cols=["小计"])))
    (fe,) = doc["files"]
    assert [x["label"] for x in fe["tables"]["s2"]["extra_rows"]] == ["其他主动公开文件"]
    assert [x["label"] for x in fe["tables"]["s3"]["extra_cols"]] == ["小计"]
    other = [r for r in doc["records"] if r["row_id"] == "other_docs"]
    assert other and other[0]["row_label"] == "其他主动公开文件"
    sub = [r for r in doc["records"] if r["col_id"] == "org_subtotal"]
    assert sub and sub[0]["col_label"] == "小计" and sub[0]["col_group"] == "法人或其他组织"


def test_export_of_a_report_without_tables_has_no_records(tmp_path):
    doc = _export_text(tmp_path, "r.md", "# 某某市某某局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n正文。\n")
    assert doc["files"][0]["tables"] == {} and doc["records"] == []
    assert doc["summary"]["files_with_tables"] == 0


def test_csv_of_many_reports_in_a_directory(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.md").write_text(md_report(2023, agency="某某市甲局"), encoding="utf-8")
    (d / "b.txt").write_text(as_text(md_report(2022, agency="某某市乙局")), encoding="utf-8")
    out = tmp_path / "all.csv"
    res = invoke("stats", str(d), "-o", str(out))
    assert res.exit_code == 0, res.stderr
    rows = _csv_rows(out.read_bytes())
    header, body = rows[0], rows[1:]
    agencies = {r[header.index("agency")] for r in body}
    assert agencies == {"某某市甲局", "某某市乙局"}
    assert len(body) == 2 * (10 + 175 + 15)
    # every row has every column, in the header's order
    assert all(len(r) == len(sx.FIELDS) for r in body)


def test_cli_include_and_exclude_filter_the_directory_walk(tmp_path):
    d = tmp_path / "in"
    (d / "drafts").mkdir(parents=True)
    (d / "a-2023.md").write_text(md_report(2023, agency="某某市甲局"), encoding="utf-8")
    (d / "b-2022.md").write_text(md_report(2022, agency="某某市乙局"), encoding="utf-8")
    (d / "drafts" / "c-2023.md").write_text(md_report(2023, agency="某某市丙局"), encoding="utf-8")
    res = invoke("stats", str(d), "-f", "json", "--include", "*2023*", "--exclude", "drafts/*")
    assert res.exit_code == 0, res.stderr
    doc = json.loads(res.stdout_bytes)
    assert [Path(f["path"]).name for f in doc["files"]] == ["a-2023.md"]
