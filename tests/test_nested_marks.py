"""DL706 nested-marks: a 《》 pair right inside another, or a “” pair right inside another, takes the single form
(〈〉, ‘’).  Shapes of real reports, written anew: the format notice's full name quoting the format, a campaign's name
inside a column's name."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from .conftest import lint

NOTICE = "根据《国务院办公厅政府信息与政务公开办公室关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知》要求编制本报告。"


def _found(text: str):
    return lint("一、总体情况\n" + text + "\n", fmt="text", select=["DL706"])


@pytest.mark.parametrize("text, inner", [
    (NOTICE, "《中华人民共和国政府信息公开工作年度报告格式》"),
    ("本局不断优化“深化“放管服”改革优化营商环境”专栏。", "“放管服”"),
])
def test_a_pair_right_inside_a_pair_of_the_same_marks(text, inner):
    [d] = _found(text)
    assert f"（{inner}）" in d.message and d.fix is not None and d.fix.applicability == "safe"
    assert len(d.fix.edits) == 2 and [e.replacement for e in d.fix.edits] in (["〈", "〉"], ["‘", "’"])


@pytest.mark.parametrize("text", [
    NOTICE.replace("印发《", "印发〈").replace("格式》的", "格式〉的"),  # the single form inside
    "本局转发了《关于转发〈关于印发《某某办法》的通知〉的通知》。",  # a third level: the double form again
    "严格落实《条例》《规定》要求，推进“放管服”和“最多跑一次”改革。",  # side by side, not nested
    # a stray “ before a sentence's end, then a quotation: no nesting (a real town's opening)
    "现将工作报告如下。“所列数据统计期限为2023年1月1日至12月31日。本报告电子版可在“某某县政府网站年报栏目”查阅。”",
])
def test_what_is_not_nested_or_nested_right(text):
    assert _found(text) == []


def test_the_fix_puts_the_single_marks_in(tmp_path):
    from disclosure_lint.cli import app

    path = tmp_path / "r.txt"
    path.write_text("一、总体情况\n" + NOTICE + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["check", "--isolated", "--select", "DL706", "--fix", str(path)])
    assert res.exit_code == 0, res.output
    assert "关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》" in path.read_text(encoding="utf-8")
