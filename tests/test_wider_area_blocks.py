"""DL304 over several blocks: each block is first searched for the area alone (全省, 全县 …), and every block whose
clause says the body organises a wider area's work is reported, not only the first."""

from __future__ import annotations

from .conftest import lint


def test_each_block_with_a_wider_areas_work_is_reported():
    text = ("某某县某某镇2022年政府信息公开工作年度报告\n一、总体情况\n（一）组织推动全省政府信息公开工作\n"
            "2022年，我镇主动公开政府信息86条，全镇干部参加培训。\n（二）推动全县政务公开工作\n本镇按要求做好公开。\n")
    found = lint(text, select=["DL304"], fmt="text")
    assert [d.line for d in found] == [3, 5], found
    assert "全省" in found[0].message and "全县" in found[1].message


def test_a_block_without_the_area_is_not_read():
    text = "某某县某某镇2022年政府信息公开工作年度报告\n一、总体情况\n（一）组织推动全镇政府信息公开工作\n"
    assert not lint(text, select=["DL304"], fmt="text")
