"""Fast paths of round 6 in the text-against-table layer (metrics, claims, prose sums) against the forms they replace."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal

import pytest

from disclosure_lint.report import metrics
from disclosure_lint.report.claim_keywords import FAMILY_OF, S4_BLOCKS_OF

from .test_fast_paths_t3_stats import _RAWS, _table  # random tables 三/四 (blanks, text, numbers past the precision)

# -- metrics: the values as computed before their alt was left to its first read ------------------------------------

@dataclass
class _RefValue:
    """metrics.TableValue as the dataclass it was."""

    value: Decimal
    cells: list
    notes: list[str] = field(default_factory=list)
    alt: Decimal | None = None


def _ref_row(table, row):
    """metrics._s3_row before: the six applicant columns read and summed with the 总计, for alt."""
    cells = table.cells
    c = cells.get((row, "total"))
    parts = [p for col in metrics.APPLICANT_COLS if (p := cells.get((row, col))) is not None and p.value.kind != "text"]
    parts_ok = len(parts) == len(metrics.APPLICANT_COLS)
    if c is not None and c.value.is_number:
        alt = sum((p.value.arithmetic for p in parts), Decimal(0)) if parts_ok else None
        return _RefValue(c.value.arithmetic, [c], alt=alt if alt != c.value.arithmetic else None)
    if c is not None and c.value.kind == "text":
        return None
    if not parts_ok or not table.has_numbers:
        return None
    total = sum((p.value.arithmetic for p in parts), Decimal(0))
    label = c.pointer if c is not None else f"表三 › {table.row_labels.get(row, row)} › 总计"
    return _RefValue(total, [p for p in parts if p.value.is_number] or parts[:1], [f"{label}为空，按六类申请人之和计算"])


def _ref_sum(parts):
    """metrics.sum_values before: alt summed with the value."""
    present = [p for p in parts if p is not None]
    if len(present) != len(parts):
        return None
    out = _RefValue(Decimal(0), [])
    alt = Decimal(0)
    for p in present:
        out.value += p.value
        out.cells += p.cells
        out.notes += p.notes
        alt += p.alt if p.alt is not None else p.value
    out.alt = alt if alt != out.value else None
    return out


def _ref_s4(t, block, res):
    """metrics.s4_cell before: the four results read and summed with a 总计 that is a number, for alt."""
    notes: list[str] = []
    got = metrics.cell_value(t, "cases", f"{block}.{res}", notes)
    if got is None:
        return None
    v, c = got
    results = ("upheld", "corrected", "other", "pending")
    if res == "total" and c.value.is_number:
        parts = [p for r in results if (p := metrics.cell_value(t, "cases", f"{block}.{r}", [])) is not None]
        alt = sum((p[0] for p in parts), Decimal(0)) if len(parts) == len(results) else None
        return _RefValue(v, [c], notes, alt=alt if alt != v else None)
    if res == "total" and not c.value.is_number:
        parts = [p for r in results if (p := metrics.cell_value(t, "cases", f"{block}.{r}", [])) is not None]
        if len(parts) != len(results):
            return None
        return _RefValue(sum((p[0] for p in parts), Decimal(0)), [p[1] for p in parts], [f"{c.pointer}为空，按四种结果之和计算"])
    return _RefValue(v, [c], notes)


def _ref_group(t, group):
    rows = [r.id for r in t.schema.rows if r.group == group and r.data]
    return _ref_sum([_ref_row(t, r) for r in rows]) if rows else None


_S4_RES = {"upheld": "upheld", "corrected": "corrected", "other_result": "other", "pending": "pending"}


def _ref_value(stats, metric, s4_block=None):
    """metrics.table_value before (no per-report memo of rows: the values are the same)."""
    fam = FAMILY_OF.get(metric)
    if fam in ("s3flow", "s3res"):
        t = stats.get("s3")
        if t is None:
            return None
        rows = {"new": "new", "carried_over": "carried_over", "handled": "result.total",
                "carried_forward": "carried_forward", "open": "result.open", "partial": "result.partial"}
        groups = {"not_open": "result.not_open", "unavailable": "result.unavailable",
                  "not_processed": "result.not_processed"}
        if metric in rows:
            return _ref_row(t, rows[metric])
        if metric in groups:
            return _ref_group(t, groups[metric])
        if metric in metrics.SUB_ITEM_LABELS:
            return _ref_row(t, f"result.{metric}")
        if metric == "other":
            if t.get("result.other", "total") is not None or t.get("result.other", "natural_person") is not None:
                return _ref_row(t, "result.other")
            return _ref_group(t, "result.other")
        if metric == "in_total":
            return _ref_sum([_ref_value(stats, "new"), _ref_value(stats, "carried_over")])
        return None
    t = stats.get("s4")
    if t is None:
        return None
    if fam == "s4block":
        return _ref_sum([_ref_s4(t, b, "total") for b in S4_BLOCKS_OF[metric]])
    if fam == "s4res" and s4_block:
        return _ref_sum([_ref_s4(t, b, _S4_RES[metric]) for b in S4_BLOCKS_OF[s4_block]])
    return None


def _tv(v):
    if v is None:
        return None
    return str(v.value), [id(c) for c in v.cells], v.notes, None if v.alt is None else str(v.alt)


def test_metric_values_with_alt_on_first_read_as_computed_at_once():
    """Every metric (and table-四 block) of random tables 三 and 四 (blanks, placeholders, text, missing cells, numbers
    beyond the decimal context's precision): the value, cells, notes and alt the eager form gives, whether ``alt`` is
    read before the values summed into it are read or after (Metrics and table_value with and without the row memo;
    a group of rows whose 总计 are all numbers summed without a value per row)."""
    rnd = random.Random(12)
    names = sorted(FAMILY_OF)
    deferred = grouped = 0
    for n in range(700):
        version = rnd.choice(["2019", "2021"])
        raws = ["0", "1", "2", "5", "-0", "12"] if n % 3 == 0 else _RAWS
        missing = 0.0 if n % 2 else 0.05
        stats = {tid: _table(rnd, tid, version, raws, missing) for tid in ("s3", "s4")}
        m = metrics.Metrics(stats)
        for metric in rnd.sample(names, len(names)):
            for s4 in (None, *S4_BLOCKS_OF):
                ref = _tv(_ref_value(stats, metric, s4))
                fast = m.value(metric, s4)
                deferred += fast is not None and "alt" not in vars(fast)
                grouped += fast is not None and vars(fast).get("_alt_of", (None,))[0] is metrics._group_alt
                if rnd.random() < 0.5:  # a value summed into another read first
                    assert _tv(metrics.table_value(stats, metric, s4)) == ref
                assert _tv(fast) == ref
                assert _tv(metrics.table_value(stats, metric, s4, {})) == ref
        for rows in (("new",), ("new", "carried_over"), ("result.total",)):
            got = metrics.columns_value(stats["s3"], rows, ("total",))
            assert _tv(got) == _tv(_ref_sum([_ref_row(stats["s3"], r) for r in rows]))
        for block in ("review", "direct", "after_review"):
            for res in ("total", "upheld", "corrected", "other", "pending"):
                assert _tv(m.s4_cell(block, res)) == _tv(_ref_s4(stats["s4"], block, res))
    assert deferred > 1000 and grouped > 300  # (a group whose rows' 总计 are all numbers: its sum made at once)


def test_table_value_is_the_dataclass_it_was():
    """TableValue, written by hand for its alt on first read: the dataclass's constructor, defaults, repr, equality
    (alt included, worked out when compared) and no hash."""
    cell = object()
    for args, kw in [((Decimal(3), [cell]), {}), ((Decimal(3), [cell], ["n"]), {}), ((Decimal(3), []), {"alt": Decimal(4)}),
                     ((Decimal("1.50"), [cell], []), {"alt": None})]:
        new, ref = metrics.TableValue(*args, **kw), _RefValue(*args, **kw)
        assert repr(new) == repr(ref).replace("_RefValue", "TableValue")
        assert vars(new) == vars(ref)
        assert new == metrics.TableValue(*args, **kw)
        assert new != ref and new != (new.value, new.cells, new.notes, new.alt)
        with pytest.raises(TypeError):
            hash(new)
    assert metrics.TableValue(Decimal(1), []).notes is not metrics.TableValue(Decimal(1), []).notes
    a = metrics.sum_values([metrics.TableValue(Decimal(1), [], alt=Decimal(2)), metrics.TableValue(Decimal(3), [])])
    b = metrics.sum_values([metrics.TableValue(Decimal(1), [], alt=Decimal(2)), metrics.TableValue(Decimal(3), [])])
    assert a is not None and b is not None and "alt" not in vars(a)
    assert a == b and a != metrics.TableValue(Decimal(4), [], [], None)
    assert vars(a) == {"value": Decimal(4), "cells": [], "notes": [], "alt": Decimal(5)}
    assert repr(b) == "TableValue(value=Decimal('4'), cells=[], notes=[], alt=Decimal('5'))"


# -- table-二 figures: the clause before a figure read once across reports ------------------------------------------

def _proactive_texts() -> list[str]:
    from .benchgen import generated

    texts = [text for _name, text in generated(60, seed=6)]
    rng = random.Random(6)
    # clauses with and without a row, a verb, a change, past, approximation, scope or off-topic word, joined
    lead = ["", "", "本年", "全年", "本年度", "同比", "上年", "约", "近", "全区", "其中", "2022年", "建议", "共", "累计", "并"]
    verb = ["", "制发", "印发", "新制定", "废止", "宣布失效", "作出", "办理", "实施", "公示", "修订", "对外公开", "新公开"]
    row = ["行政规范性文件", "规范性文件", "规章", "规章和行政规范性文件", "行政许可", "行政处罚", "行政强制",
           "行政事业性收费", "规章制度", ""]
    fill = ["", "", "决定", "处理决定", "措施", "案件", "现行有效", "的", "共计", "金额为", "为", "总数", "增加", "以上"]
    num = ["3", "0", "12", "1,257", "7730.28", "5", "二"]
    unit = ["件", "件", "个", "部", "万元", "元", "条", "项", "次"]
    sep = ["，", "、", "；", "，", "和"]

    def clause() -> str:
        return "".join(rng.choice(x) for x in (lead, verb, row, fill, num, unit))

    body = ["".join(clause() + rng.choice(sep) for _ in range(rng.randint(1, 5))) + "。" for _ in range(4000)]
    texts += ["# 某某局2023年政府信息公开工作年度报告\n\n" + "\n\n".join(body[i:i + 40]) for i in range(0, 4000, 40)]
    return texts


def test_proactive_clauses_kept_read_as_read_afresh(monkeypatch):
    """The reading of the clause before a table-二 figure (its row and what, whether it names a row, whether a change,
    past, approximation or off-topic word is in it) is a pure function of the clause and the unit: the figures read
    with the readings kept across reports are those read with none kept, and each kept reading is the clause's."""
    from disclosure_lint import memo
    from disclosure_lint.readers import markdown
    from disclosure_lint.report import proactive_claims as pc
    from disclosure_lint.report.annual import AnnualReport
    from disclosure_lint.report.prose_reading import APPROX_CLAUSE, CHANGE, OFF_TOPIC, PAST

    texts = _proactive_texts()

    def claims() -> list[list[str]]:
        return [[repr(c) for c in AnnualReport(markdown.parse(t)).proactive_claims.read()] for t in texts]

    memo.forget()
    kept = claims()
    assert sum(map(len, kept)) > 800
    again = claims()  # every clause read before
    seen = dict(pc._CLAUSES)
    assert len(seen) > 500
    for (clause, unit), (got, names_row, other) in seen.items():
        assert got == pc._Reader._read(clause, unit)
        assert names_row == bool(pc._ROW.search(clause))
        assert other == bool(CHANGE.search(clause) or PAST.search(clause) or APPROX_CLAUSE.search(clause)
                             or OFF_TOPIC.search(clause))
    monkeypatch.setattr(pc._CLAUSES, "limit", 0)  # emptied before each keep: nothing read back
    memo.forget()
    assert claims() == kept == again


def test_alt_that_raises_is_worked_out_again_on_the_next_read():
    """A deferred alt whose computation raises leaves the value as it was: the next read computes it again (not a
    KeyError for what the first read took away)."""
    calls = []

    def how(value, arg):
        calls.append(arg)
        if len(calls) == 1:
            raise ArithmeticError("first read")
        return value + arg

    tv = metrics._deferred(Decimal(3), [], [], how, Decimal(2))
    with pytest.raises(ArithmeticError):
        _ = tv.alt
    assert tv.alt == Decimal(5)
    assert tv.alt == Decimal(5) and len(calls) == 2  # held once worked out
