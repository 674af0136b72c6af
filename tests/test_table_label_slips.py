"""Label slips in the statistics tables: a group label (（三）不予以公开 for （三）不予公开) is a DL904 slip like an item
label (it had none: group rows hold no numbers, so they were never among the labels compared); a number with its unit
in brackets (156(件)) is read like 156件 (it was a DL205 error, 不是数字, while 35件 passed)."""

from __future__ import annotations

from pathlib import Path

from disclosure_lint.api import Checker
from disclosure_lint.blank import Blank, markdown
from disclosure_lint.report.stats.model import parse_value

from .test_blank import AGENCY, fill

YEAR = 2023


def findings(md: str, tmp_path: Path, *codes: str):
    path = tmp_path / "r.md"
    path.write_text(md, encoding="utf-8")
    return [d for d in Checker().check_file(str(path)).diagnostics if not codes or d.code in codes]


def filled() -> str:
    return fill(markdown(Blank(YEAR, AGENCY)), YEAR)


def test_a_group_label_slip_is_reported_once(tmp_path):
    md = filled()
    assert md.count("| （三）不予公开 |") == 1
    d = findings(md.replace("| （三）不予公开 |", "| （三）不予以公开 |"), tmp_path)
    assert [(x.code, x.match) for x in d] == [("DL904", "（三）不予以公开")]
    assert "应为“（三）不予公开”" in d[0].message and d[0].fix is not None


def test_group_labels_as_written_or_with_a_note_pass(tmp_path):
    assert findings(filled(), tmp_path) == []
    md = filled().replace("| （三）不予公开 |", "| （三）不予公开（含部分） |")
    assert findings(md, tmp_path, "DL904") == []


def test_a_number_with_its_unit_in_brackets_is_a_number():
    for raw in ("156(件)", "156（件）", "156件"):
        v = parse_value(raw)
        assert (v.kind, v.number, v.unit) == ("int", 156, "件"), raw
    assert parse_value("12.5(万元)").unit == "万元"
    for raw in ("156(件数)", "156(", "(件)", "1(2)", "若干"):
        assert parse_value(raw).kind == "text", raw


def test_table_two_cell_with_a_bracketed_unit_passes_like_a_plain_unit(tmp_path):
    md = filled()
    row = next(ln for ln in md.splitlines() if ln.startswith("| 行政许可 |"))
    for cell in ("2(件)", "2件"):
        assert findings(md.replace(row, row.replace("| 2 |", f"| {cell} |", 1)), tmp_path) == [], cell
    d = findings(md.replace(row, row.replace("| 2 |", "| 若干 |", 1)), tmp_path, "DL205")
    assert len(d) == 1 and "不是数字" in d[0].message


def test_a_number_with_a_note_of_what_it_includes_is_that_number():
    """A clerk's note after the number (12（含修订2件）) is no text in place of a number: it was a DL205 error."""
    for raw, n in (("12（含修订2件）", 12), ("13(其中网上答复5件)", 13), ("7件（包括2件补正）", 7)):
        v = parse_value(raw)
        assert (v.kind, v.number) == ("int", n), raw
    for raw in ("12（详见附件）", "（含2件）", "12（含）", "含12件"):
        assert parse_value(raw).kind == "text", raw


def test_a_number_with_a_footnotes_mark_or_a_count_of_batches_is_that_number():
    """19① (a real county's table 二: the note under the table says what it counts) and 31批次 (a real town's 采购项目数量)
    are numbers: they were a DL205 error and a DL001 “column name” that hid table 二's checks."""
    for raw, n in (("19①", 19), ("19[1]", 19), ("31批次", 31), ("5批", 5)):
        v = parse_value(raw)
        assert (v.kind, v.number) == ("int", n), raw
    for raw in ("19①②", "1①0", "①", "批次"):
        assert parse_value(raw).kind == "text", raw


def test_a_cell_with_a_note_passes_and_a_cell_of_words_still_fails(tmp_path):
    md = filled()
    row = next(ln for ln in md.splitlines() if ln.startswith("| 行政许可 |"))
    assert findings(md.replace(row, row.replace("| 2 |", "| 2（含变更1件） |", 1)), tmp_path) == []
    d = findings(md.replace(row, row.replace("| 2 |", "| 2（详见附件） |", 1)), tmp_path, "DL205")
    assert len(d) == 1 and "不是数字" in d[0].message and "2（详见附件）" in d[0].message
