"""Fast paths of round 12 in the statistics tables (t12-tables): each pinned equal to the form it replaced."""

from __future__ import annotations

import random
from dataclasses import replace

from disclosure_lint.readers import markdown
from disclosure_lint.report import interpret
from disclosure_lint.report.stats import identities as ids
from disclosure_lint.report.stats.grid import value_of
from disclosure_lint.report.stats.model import new_stat_cell

from .benchgen import generated

_RAWS = ("0", "1", "12", "-0", "-3", "+4", "", "/", "／", "—", "-", "无", "不适用", "1,234", "１２", "3件", "4 863", "2.5",
         "0.0", "abc", "**7**", "9" * 14, "9" * 15, "-" + "9" * 14, "9" * 30, "1e3")


def _fields(checks: list[ids.Check]) -> list[tuple]:
    return [(ch.ident.id, ch.ident.lhs, ch.ident.rhs, ch.table.id, ch.status, repr(ch.lhs), repr(ch.rhs), ch.reason)
            for ch in checks]


def _both(table, version) -> tuple[list[tuple], list[tuple]]:
    plan = ids._plan(table.id, version)
    skip, skip_i3 = ids._table_skip(table)
    new = _fields(ids._evaluate_all(plan, table))
    if skip is not None:
        return new, new
    old = _fields(ids._evaluate_values(plan, table, skip_i3, list(map(table.cells.get, plan.keys))))
    return new, old


def test_identities_summed_as_ints_as_decimals():
    """_evaluate_all (its sides summed as ints when every cell is a short whole number or a blank) gives the checks
    _evaluate_values gives (Decimals added from 0): status, both sums (repr) and reason, on the generated reports'
    tables 三 and 四 as read and with their cells' texts replaced at random (numbers with signs, units, separators
    and full-width digits, placeholders, decimals, text, numbers too long, cells removed)."""
    rnd = random.Random(12)
    n = fast = 0
    for _name, text in generated(25, seed=12):
        rep = interpret(markdown.parse(text))
        for tid in ("s3", "s4"):
            table = rep.stats.get(tid)
            if table is None or not table.cells:
                continue
            for version in ("2019", "2021"):
                new, old = _both(table, version)
                assert new == old
                n += 1
                for _ in range(12):
                    cells = {}
                    for key, c in table.cells.items():
                        if rnd.random() < 0.01:
                            continue  # a cell not read
                        raw = rnd.choice(_RAWS) if rnd.random() < 0.3 else c.raw
                        cells[key] = new_stat_cell(c.table, c.row, c.col, raw, value_of(raw), c.row_label, c.col_label,
                                                   c.block, c.cell)
                    t = replace(table, cells=cells)
                    plan = ids._plan(tid, version)
                    try:
                        list(map(ids._INT_OF, [c.raw for c in map(cells.get, plan.keys)]))  # type: ignore[union-attr]
                        fast += 1
                    except (AttributeError, KeyError):
                        pass
                    new, old = _both(t, version)
                    assert new == old, (tid, version)
                    n += 1
    assert n > 500 and fast > 50


def test_int_memo_is_the_values_number():
    """_INT_OF: a text's whole number (value_of's kind int, fewer than 15 digits) as an int, False for a blank or a
    placeholder, KeyError for any other text; _DEC_OF the Decimal of an int."""
    for raw in _RAWS:
        v = value_of(raw)
        try:
            got = ids._INT_OF(raw)
        except KeyError:
            assert v.kind not in ("int", "blank", "slash", "dash", "none", "na") or len(str(abs(int(v.number)))) > 14
            continue
        if got is False:
            assert v.number is None
        else:
            assert v.kind == "int" and got == int(v.number)
            assert repr(ids._DEC_OF[got]) == repr(ids.ZERO + v.number)
