"""The report fact ``AnnualReport.identity_checks`` (report/stats/identities.py): the identities of tables 三 and
四 evaluated once per report, and what explains the violated ones, per ``min_identities``.

The rules on top of it (DL201–DL210) are tested end to end in test_statistics.py; here the fact itself."""

from __future__ import annotations

from disclosure_lint.report import Overrides, interpret
from disclosure_lint.report.stats.identities import IdentityChecks, check_identities, table_version

from .conftest import parse
from .test_statistics import SKELETON, s3_rows, s3_table, s4_table


def _statuses(ic: IdentityChecks) -> dict[str, int]:
    out: dict[str, int] = {}
    for ch in ic.checks:
        out[ch.status] = out.get(ch.status, 0) + 1
    return out


def test_consistent_tables_hold_everywhere():
    ic = check_identities({"s3": s3_table(), "s4": s4_table()}, "2021")
    assert _statuses(ic) == {"ok": len(ic.checks)}
    assert {ch.table.id for ch in ic.checks} == {"s3", "s4"}
    assert [ch.table.id for ch in ic.checks] == sorted(ch.table.id for ch in ic.checks)  # 三 before 四
    ex = ic.explain()
    assert not ex.blames and not ex.moves and not ex.hints and not ex.blamed


def test_no_tables_no_checks():
    assert check_identities(None, "2021").checks == []
    assert check_identities({"s2": s3_table()}, "2021").checks == []  # only tables 三 and 四 have identities


def test_one_wrong_cell_is_blamed_with_its_value():
    ic = check_identities({"s3": s3_table(s3_rows(new={0: 4}))}, "2021")  # 本年新收 自然人 4 instead of 3
    violated = [ch for ch in ic.checks if ch.status == "violated"]
    assert sorted(ch.ident.id for ch in violated) == ["I1", "I2"]
    ex = ic.explain()
    assert len(ex.blames) == 1
    blame = ex.blames[0]
    assert blame.key == ("new", "natural_person")
    assert (blame.actual, blame.expected) == (4, 3)
    assert set(blame.checks) == set(violated) == ex.blamed


def test_explanation_is_cached_per_min_identities():
    ic = check_identities({"s3": s3_table(s3_rows(new={0: 4}))}, "2021")
    assert ic.explain() is ic.explain(2)
    strict = ic.explain(3)  # the cell breaks two identities only: not enough for three
    assert strict is not ic.explain() and strict is ic.explain(3)
    assert not strict.blames and not strict.blamed


def test_blank_total_is_not_violated():
    rows = s3_rows()
    rows["new"][6] = None  # 本年新收 总计 left blank while its parts are not all zero
    ic = check_identities({"s3": s3_table(rows)}, "2021")
    blank = [ch for ch in ic.checks if ch.status == "blank_total"]
    assert [(ch.ident.id, ch.total_key) for ch in blank] == [("I2", ("new", "total"))]
    assert not [ch for ch in ic.checks if ch.status == "violated"]
    # the identity that uses that blank total as a part is skipped, not violated
    assert any(ch.status == "skipped" and ("new", "total") in ch.ident.lhs for ch in ic.checks)


def test_image_table_is_skipped():
    ic = check_identities({"s3": s3_table(s3_rows(new={0: 4}), layout="image")}, "2021")
    assert {ch.status for ch in ic.checks} == {"skipped"}
    assert {ch.reason for ch in ic.checks} == {"表格为图片"}


def test_table_version_prefers_the_labels():
    t = s3_table(version="2019")
    assert table_version(t, "2021") == "2019"


def test_member_of_the_report_is_cached():
    report = interpret(parse(SKELETON), Overrides(year=2023))
    report.__dict__["stats"] = {"s3": s3_table(s3_rows(new={0: 4}))}
    ic = report.identity_checks
    assert isinstance(ic, IdentityChecks)
    assert report.identity_checks is ic
    assert [b.key for b in ic.explain().blames] == [("new", "natural_person")]
