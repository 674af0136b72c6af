"""Fast paths of the statistics-table layer (tables 二–四, their identities, the metrics): each pinned equal to the
slower form it replaced, on random and hostile inputs."""

from __future__ import annotations

import random

from disclosure_lint.report.stats.identities import _sums, check_identities, table_version
from disclosure_lint.report.stats.model import StatTable, new_stat_cell, parse_value
from disclosure_lint.report.stats.schema import identities, schema

_RAWS = ["0", "0", "1", "2", "3", "17", "", "", "/", "—", "若干", "1.5", "-1", "-0", "0.0", "2.50",
         "1234567890123456789012345678901", "99999999999999999999999999999", "-99999999999999999999999999999"]


def _table(rnd: random.Random, tid: str, version: str, raws: list[str], missing: float) -> StatTable:
    sch = schema(tid, version)
    cells = {}
    for r in sch.data_rows():
        for c in sch.cols:
            if rnd.random() < missing:
                continue
            raw = rnd.choice(raws)
            cells[(r.id, c.id)] = new_stat_cell(tid, r.id, c.id, raw, parse_value(raw), r.label, c.label)
    return StatTable(id=tid, schema=sch, detected_version=rnd.choice([None, version]), cells=cells)


def test_identities_summed_per_table_as_per_identity():
    """check_identities (cells fetched once per table, sides summed by itemgetter, no filter without blanks) gives
    each identity what _sums gives it alone: same status, reason and Decimals (sign and exponent too: str)."""
    rnd = random.Random(3)
    seen: set[str] = set()
    for n in range(1200):
        version = rnd.choice(["2019", "2021"])
        # some tables of numbers only (the path without blanks), some with blanks, text, missing cells, huge numbers
        raws = ["0", "1", "2", "5", "-0", "12"] if n % 3 == 0 else _RAWS
        missing = 0.0 if n % 2 else 0.02
        stats = {tid: _table(rnd, tid, version, raws, missing) for tid in ("s3", "s4")}
        fast = check_identities(stats, version).checks
        ref = []
        for tid in ("s3", "s4"):
            t = stats[tid]
            ref.extend(_sums(i, t, t.cells) for i in identities(tid, table_version(t, version)))
        assert len(fast) == len(ref)
        for a, b in zip(fast, ref):
            if a.status == "skipped" and a.reason == "涉及未填写的合计栏":
                assert b.status in ("ok", "violated")
                continue
            assert (a.ident, a.status, str(a.lhs), str(a.rhs), a.reason) == (b.ident, b.status, str(b.lhs), str(b.rhs),
                                                                              b.reason)
            seen.add(a.status)
    assert seen == {"ok", "violated", "blank_total", "skipped"}


# -- metrics: a row of table 三 --------------------------------------------------------------------------------

def _reference_s3_row(table, row):
    """metrics._s3_row as it was written before its fast path (one dict lookup and one property per cell)."""
    from decimal import Decimal

    from disclosure_lint.report.metrics import APPLICANT_COLS, TableValue

    notes: list[str] = []
    cells = table.cells
    c = cells.get((row, "total"))
    parts = [p for col in APPLICANT_COLS if (p := cells.get((row, col))) is not None and p.value.kind != "text"]
    parts_ok = len(parts) == len(APPLICANT_COLS)
    if c is not None and c.value.is_number:
        alt = sum((p.value.arithmetic for p in parts), Decimal(0)) if parts_ok else None
        return TableValue(c.value.arithmetic, [c], alt=alt if alt != c.value.arithmetic else None)
    if c is not None and c.value.kind == "text":
        return None
    if not parts_ok or not table.has_numbers:
        return None
    total = sum((p.value.arithmetic for p in parts), Decimal(0))
    label = c.pointer if c is not None else f"表三 › {table.row_labels.get(row, row)} › 总计"
    notes.append(f"{label}为空，按六类申请人之和计算")
    return TableValue(total, [p for p in parts if p.value.is_number] or parts[:1], notes)


def _tv(v):
    if v is None:
        return None
    return (str(v.value), [id(c) for c in v.cells], v.notes, None if v.alt is None else str(v.alt), type(v), vars(v).keys())


def test_metrics_rows_of_table_3_as_before():
    from disclosure_lint.report import metrics

    rnd = random.Random(5)
    for n in range(800):
        version = rnd.choice(["2019", "2021"])
        raws = ["0", "1", "2", "5", "-0", "12"] if n % 3 == 0 else _RAWS
        t = _table(rnd, "s3", version, raws, 0.0 if n % 2 else 0.05)
        for r in t.schema.rows:
            assert _tv(metrics._s3_row(t, r.id)) == _tv(_reference_s3_row(t, r.id))
        for g in ("result.not_open", "result.unavailable", "result.not_processed", "result.other", "nothing"):
            fast = metrics._s3_group(t, g, {})
            rows = [r.id for r in t.schema.rows if r.group == g and r.data]
            slow = metrics.sum_values([_reference_s3_row(t, r) for r in rows]) if rows else None
            assert _tv(fast) == _tv(slow)
