"""Statistics-table row labels written with a slip (report/stats/label_typos.py, rule DL904)."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_lint.config import Config
from disclosure_lint.engine import prepare, run
from disclosure_lint.packs import load_rules
from disclosure_lint.readers import html as html_reader
from disclosure_lint.report import interpret
from disclosure_lint.report.stats.label_typos import _slip

from .conftest import lint
from .render import to_flat, to_html

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "clean-2023.md"
OFFICIAL = "2.其他法律行政法规禁止公开"
SLIP = "2.其他法律行政止公开"  # the real slip of a published report: 法规禁 left out


@pytest.mark.parametrize(("written", "expected"), [
    (SLIP, 3),
    ("2.其他法律行政法规禁至公开", 1),  # a wrong character
    ("2.其他法律法律行政法规禁止公开", 2),  # a repeated word
])
def test_slips_are_found_with_their_size(written, expected):
    assert _slip(written, [OFFICIAL]) == (OFFICIAL, expected)


@pytest.mark.parametrize("written", [
    OFFICIAL, "其他法律行政法规禁止公开", "（2）其他法律行政法规禁止公开",  # the official label, other numbering
    "2.其他法律行政法规禁",  # cut short at the end: an excerpt, or a cell line the tool did not read
    "2.其他法律行政法规禁止公开（含涉密）",  # a local note added after it
    "其中：其他法律行政法规禁止公开",  # or before it
    "2.法律法规禁止公开的其他情形",  # local wording far from the official one
    "2.其它",  # too short to judge
])
def test_accepted_cut_or_reworded_labels_are_not_slips(written):
    assert _slip(written, [OFFICIAL]) is None


def _example(slip: bool = True) -> str:
    md = EXAMPLE.read_text(encoding="utf-8")
    assert OFFICIAL in md
    return md.replace(OFFICIAL, SLIP) if slip else md


def test_dl904_in_markdown_points_at_the_label_cell_with_an_unsafe_fix():
    md = _example()
    ds = [d for d in lint(md) if d.code == "DL904"]
    assert len(ds) == 1
    d = ds[0]
    line = next(i for i, ln in enumerate(md.split("\n"), 1) if SLIP in ln)
    assert (d.line, d.column) == (line, md.split("\n")[line - 1].index(SLIP) + 1)
    assert d.severity == "warning" and f"“{SLIP}”" in d.message and f"应为“{OFFICIAL}”" in d.message
    assert d.evidence["expected"] == OFFICIAL and d.evidence["actual"] == SLIP
    (e,) = d.fix.edits
    assert d.fix.applicability == "unsafe" and e.replacement == OFFICIAL
    assert (e.line, e.column, e.end_column) == (d.line, d.column, d.column + len(SLIP))


def test_dl904_in_flattened_text_and_html():
    flat = to_flat(_example())
    ds = [d for d in lint(flat, fmt="text") if d.code == "DL904"]
    assert len(ds) == 1 and ds[0].line == 1 and ds[0].column == flat.index(SLIP) + 1
    doc = html_reader.parse(to_html(_example()), path="r.html")
    active = prepare(load_rules(), Config(select=["DL904"]))
    assert [d.code for d in run(interpret(doc), active)] == ["DL904"]


def test_clean_example_and_a_truncated_label_are_quiet():
    assert [d for d in lint(_example(slip=False)) if d.code == "DL904"] == []
    md = _example(slip=False)
    cut = md[: md.index(OFFICIAL) + len("2.其他法律行政法规")]  # the file ends inside the label
    assert [d for d in lint(cut) if d.code == "DL904"] == []


def test_a_column_label_written_wrong_is_said_to_be_the_reports_slip():
    # a column's label one character off (绝对 for 决定): the tool cannot read the column (DL001), and says the label
    # looks like the report's slip of the format's label, not only "the tool's reading"
    clean = EXAMPLE.read_text(encoding="utf-8")
    text = clean.replace("本年处理决定数量", "本年处理绝对数量", 1)
    said = [d for d in lint(text, select=["DL001"]) if "本年处理绝对数量" in d.message]
    assert len(said) == 1 and "疑为报告把“本年处理决定数量”写错了字" in said[0].message
    assert said[0].evidence["slips"] == {"本年处理绝对数量": "本年处理决定数量"}
    # a label of the report's own, far from every label of the format: no such note
    other = lint(clean.replace("本年处理决定数量", "本年办理各类事项情况", 1), select=["DL001"])
    assert other and all("疑为" not in d.message and "slips" not in d.evidence for d in other)
