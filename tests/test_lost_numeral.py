"""A part's title that lost its numeral but kept the 、 (、主动公开政府信息情况, as real crawls show): DL102 says what it
should be and its fix adds the numeral alone; DL908 reports the heading only where DL102 does not (a copy cut too early
for DL102 to judge the parts)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from .conftest import codes, lint

CLEAN = (Path(__file__).resolve().parent.parent / "examples" / "clean-2023.md").read_text(encoding="utf-8")


def test_dl102_expected_title_and_fix(tmp_path):
    text = CLEAN.replace("## 二、主动公开政府信息情况", "、主动公开政府信息情况")
    diags = lint(text, select=["DL102", "DL908"])
    assert codes(diags) == ["DL102"]  # DL908 leaves the part's title to DL102
    d = diags[0]
    assert "部分标题“、主动公开政府信息情况”没有序号，应为“二、主动公开政府信息情况”" in d.message
    assert d.evidence["expected"] == "二、主动公开政府信息情况"
    path = tmp_path / "r.md"
    path.write_text(text, encoding="utf-8")
    from disclosure_lint.cli import app

    res = CliRunner().invoke(app, ["check", "--isolated", "--select", "DL102", "--fix", "--unsafe-fixes", str(path)])
    fixed = path.read_text(encoding="utf-8")
    assert res.exit_code == 0, res.output
    assert "\n二、主动公开政府信息情况\n" in fixed and "二、、" not in fixed


def test_dl908_on_a_copy_cut_in_part_two():
    text = ("某某镇人民政府2023年政府信息公开工作年度报告\n来源：某某镇人民政府 发布时间：2024-01-24 11:52\n"
            "一、总体情况\n2023年，本镇全面推进政务公开。\n（一）主动公开方面，及时发布政务信息。\n"
            "、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年制")
    diags = lint(text, select=["DL102", "DL908"], fmt="text")
    assert codes(diags) == ["DL908"], [d.message for d in diags]
    assert diags[0].line == 6 and "以“、”开头，其中没有序号" in diags[0].message
