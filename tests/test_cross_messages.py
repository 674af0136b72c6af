"""What the cross-report findings say: DL246 never "N倍 of a median of 0"; the other report named by its path in
the run (portal archives are full of index.html)."""

from __future__ import annotations

from .crossgen import check_batch, new_peers, s3_report

_NEW = "一、本年新收政府信息公开申请数量"


def _street(value: int) -> tuple[str, str]:
    return "jd.md", s3_report("青禾市云岭区朝阳街道办事处", 2023, {_NEW: value})


def test_no_ratio_to_a_median_of_zero(tmp_path):
    """Before: 本年新收136件，是…4个部门报告中位数（0件）的136倍."""
    res = check_batch(tmp_path, [*new_peers((0, 0, 1, 0)), _street(136)], select=["DL246"])
    assert [d.message for d in res["jd.md"].diagnostics] == []


def test_a_median_below_one_gives_the_true_ratio(tmp_path):
    """Departments 0, 0, 1, 1 (median 0.5): 136 is 272 times that, not 136 times."""
    res = check_batch(tmp_path, [*new_peers((0, 0, 1, 1)), _street(136)], select=["DL246"])
    (d,) = res["jd.md"].diagnostics
    assert "中位数（0.5件）的272倍" in d.message


def test_a_median_of_departments_that_received_requests_still_compares(tmp_path):
    res = check_batch(tmp_path, [*new_peers((0, 2, 3, 40)), _street(900)], select=["DL246"])
    (d,) = res["jd.md"].diagnostics
    assert "中位数（2.5件）的360倍" in d.message
