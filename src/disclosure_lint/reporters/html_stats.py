"""The HTML report's statistics tables 二, 三 and 四, redrawn from the cells the tool read (``view["tables"]``,
canonical row and column ids with their official labels), every cell a finding is about marked: the failing
cell in red with the expected value against the one written, the other cells of its sum or identity in
yellow, each with the finding's number.

Which cells a statistics finding is about comes from its evidence (:mod:`disclosure_lint.report.stats.wording`
and the statistics kinds): ``position`` (the total cell of an identity: ``total_cell_expected`` /
``total_cell_actual``), ``row``/``column`` (the blamed or checked cell: ``expected`` / ``actual``; a moved row
gives both per column), ``cells`` (the identity's sides; a blank total with its ``expected``) and
``cell_positions`` (the cells a sentence is compared with, by pointer).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import partial
from typing import Any

from .evidence import value_text
from .html_text import esc, ref


@dataclass(frozen=True)
class CellNote:
    n: int  # the finding's number
    failing: bool
    expected: object = None
    actual: object = None


def _scalar(v: object) -> bool:
    return isinstance(v, (int, float, str)) and not isinstance(v, bool)


def _table_id(ev: dict[str, Any], tables: dict[str, Any]) -> str | None:
    t = ev.get("table")
    if isinstance(t, str):
        if t in tables:
            return t
        for tid, tv in tables.items():
            if tv.get("name") == t:
                return tid
    return None


def _put(notes: dict[tuple[str, str, str], CellNote], key: tuple[str, str, str], note: CellNote) -> None:
    """One note per cell and finding: failing wins over merely involved."""
    if key not in notes or (note.failing and not notes[key].failing):
        notes[key] = note


def cell_notes(numbered: list[tuple[int, Any]], tables: dict[str, Any]) -> dict[tuple[str, str, str], list[CellNote]]:
    """(table, row, col) → the findings about that cell."""
    pointers = {c.get("pointer"): (tid, row, col) for tid, t in tables.items()
                for row, cols in (t.get("cells") or {}).items() for col, c in cols.items() if c.get("pointer")}
    out: dict[tuple[str, str, str], list[CellNote]] = defaultdict(list)
    for n, d in numbered:
        ev = d.evidence if isinstance(d.evidence, dict) else {}
        tid = _table_id(ev, tables)
        notes: dict[tuple[str, str, str], CellNote] = {}
        put = partial(_put, notes)
        if tid is not None:
            pos = ev.get("position")
            if isinstance(pos, dict) and isinstance(pos.get("row"), str) and isinstance(pos.get("column"), str):
                put((tid, pos["row"], pos["column"]), CellNote(n, True, ev.get("total_cell_expected"),
                                                              ev.get("total_cell_actual")))
            row, col = ev.get("row"), ev.get("column")
            exp, act = ev.get("expected"), ev.get("actual")
            if isinstance(row, str) and isinstance(exp, dict) and isinstance(act, dict):  # a moved row
                for c in exp:
                    put((tid, row, str(c)), CellNote(n, exp[c] != act.get(c), exp[c], act.get(c)))
            elif isinstance(row, str) and isinstance(col, str):
                put((tid, row, col), CellNote(n, True, exp if _scalar(exp) else None, act if _scalar(act) else None))
            for item in ev.get("cells") or []:
                if isinstance(item, dict) and isinstance(item.get("row"), str) and isinstance(item.get("column"), str):
                    failing = "identity" in item or item.get("expected") is not None
                    put((tid, item["row"], item["column"]),
                        CellNote(n, failing, item.get("expected"), item.get("raw") if failing else None))
        for item in ev.get("cell_positions") or []:
            key = pointers.get(item.get("pointer")) if isinstance(item, dict) else None
            if key is not None:
                put(key, CellNote(n, False))
        for key, note in notes.items():
            out[key].append(note)
    return out


def _header(cols: list[dict[str, Any]]) -> str:
    """One header row, or two when columns are grouped (法人或其他组织, 行政复议 …)."""
    if not any(c.get("group") for c in cols):
        return "<tr><th>项目</th>" + "".join(f"<th>{esc(c['label'])}</th>" for c in cols) + "</tr>"
    top, sub = ["<th rowspan=\"2\">项目</th>"], []
    i = 0
    while i < len(cols):
        g = cols[i].get("group")
        if not g:
            top.append(f"<th rowspan=\"2\">{esc(cols[i]['label'])}</th>")
            i += 1
            continue
        j = i
        while j < len(cols) and cols[j].get("group") == g:
            sub.append(f"<th>{esc(cols[j]['label'])}</th>")
            j += 1
        top.append(f"<th colspan=\"{j - i}\">{esc(g)}</th>")
        i = j
    return "<tr>" + "".join(top) + "</tr><tr>" + "".join(sub) + "</tr>"


def _depth(rows: dict[str, dict[str, Any]], rid: str) -> int:
    depth, seen = 0, set()
    g = rows[rid].get("group")
    while g in rows and g not in seen:
        seen.add(g)
        depth += 1
        g = rows[g].get("group")
    return depth


def _cell(tid: str, t: dict[str, Any], row: str, col: str, notes, file_id: str) -> str:
    row_cols = t.get("row_cols")
    if row_cols is not None and col not in (row_cols.get(row) or []):
        return "<td class=\"na\"></td>"
    c = (t.get("cells") or {}).get(row, {}).get(col)
    here = notes.get((tid, row, col), [])
    raw = esc(c.get("raw")) if c else "<span class=\"muted\">未读到</span>"
    cls = "fail" if any(x.failing for x in here) else ("part" if here else "")
    extra = []
    for x in here:
        if x.failing and x.expected is not None:
            extra.append(f"<div class=\"exp\">应为 {esc(value_text(x.expected))}"
                         + (f"，实为 {esc(value_text(x.actual))}" if x.actual is not None else "") + "</div>")
    refs = "".join(ref(file_id, k) for k in sorted({x.n for x in here}))
    attr = f" class=\"{cls}\"" if cls else ""
    return f"<td{attr}>{raw}{refs}{''.join(extra)}</td>"


def _table(tid: str, t: dict[str, Any], notes, file_id: str) -> str:
    cols = [c for c in t.get("cols") or [] if isinstance(c, dict)]
    rows = [r for r in t.get("rows") or [] if isinstance(r, dict)]
    by_id = {r["id"]: r for r in rows}
    written = t.get("written_rows") or {}
    out = [f"<h4>{esc(t.get('title') or t.get('name') or tid)}</h4>"]
    if t.get("layout") == "image":
        out.append("<p class=\"muted\">此表以图片发布，未能读取其中的数字。</p>")
    out.append(f"<table class=\"stat\" data-table=\"{esc(tid)}\">{_header(cols)}")
    for r in rows:
        label = written.get(r["id"]) or r["label"]
        pad = f" class=\"ind{min(_depth(by_id, r['id']), 3)}\""
        if not r.get("data", True):
            out.append(f"<tr class=\"grp\"><th colspan=\"{len(cols) + 1}\"{pad}>{esc(label)}</th></tr>")
            continue
        out.append(f"<tr><th{pad}>{esc(label)}</th>"
                   + "".join(_cell(tid, t, r["id"], c["id"], notes, file_id) for c in cols) + "</tr>")
    out.append("</table>")
    unmapped = [u for u in t.get("unmapped") or [] if isinstance(u, str)]
    if unmapped:
        out.append(f"<p class=\"muted\">未能识别的行（其数字未列入上表）：{esc('、'.join(unmapped))}</p>")
    return "".join(out)


def tables_html(view: dict[str, Any], numbered: list[tuple[int, Any]], file_id: str) -> str:
    """The three tables as read, with the findings' cells marked; a table not found is said so."""
    tables = view.get("tables") or {}
    notes = cell_notes(numbered, tables)
    out = [f"<div class=\"stats\" id=\"{file_id}-stats\"><h3>统计表（按读取的数字重绘）</h3>",
           "<p class=\"legend\"><span class=\"swatch fail\"></span>有误的单元格（应为／实为）"
           "<span class=\"swatch part\"></span>相关的单元格（同一合计关系或被引用）"
           "<span class=\"swatch na\"></span>统一格式中此栏不填</p>"]
    names = view.get("table_names") or {tid: tid for tid in tables}
    for tid, name in names.items():
        t = tables.get(tid)
        if isinstance(t, dict):
            out.append(_table(tid, t, notes, file_id))
        else:
            out.append(f"<h4>{esc(name)}</h4><p class=\"muted\">报告中未找到{esc(name)}。</p>")
    out.append("</div>")
    return "".join(out)
