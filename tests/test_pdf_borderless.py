"""PDF tables drawn without ruling lines (readers/pdf_layout.py): read like the same tables ruled.

Generated reports and the two examples are rendered by tests/render.py with ``rules=False`` (a Word table with
its borders removed: only the cells' text, where the ruled table puts it — 表三 cut by a page break with its merged
labels, 表三's and 表二's headers over several lines, 表四's three header rows), the cells' text in their middle or
at their top, numbers left-aligned or centred, and must give the findings, the paragraphs and the statistics of their Markdown original, as the
ruled PDF does (test_formats_consistency.py).  Not read (left as text, DL001): text set at the bottom of its cells,
and text in the middle of unmerged cells under a group's label (``merge=False``: which rows the label heads
cannot be told from a label centred on several rows).
Before pdf_layout, such a PDF got DL001 and false DL107/DL901/DL902 from the header words read as paragraphs.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

pytest.importorskip("reportlab")
pytest.importorskip("pdfplumber")

from disclosure_lint.api import Checker
from disclosure_lint.readers import read_path
from disclosure_lint.report import interpret

from . import render
from .benchgen import generated

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = [("clean-2023.md", (ROOT / "examples" / "clean-2023.md").read_text(encoding="utf-8")),
            ("defective-2023.md", (ROOT / "examples" / "defective-2023.md").read_text(encoding="utf-8"))]
REPORTS = EXAMPLES + list(generated(10))


def _outcome(checker: Checker, path: Path) -> tuple[Counter, list[str], dict]:
    result = checker.check_file(str(path))
    assert result.error is None
    doc = read_path(str(path))
    stats = {tid: {key: cell.raw for key, cell in t.cells.items()} for tid, t in interpret(doc).stats.items()}
    return (Counter((d.code, d.severity, d.match) for d in result.diagnostics),
            [b.text for b in doc.blocks if b.kind in ("heading", "paragraph", "list_item")], stats)


VARIANTS = [{"repeat_header": True}, {"valign": "TOP"}, {"valign": "TOP", "merge": False},
            {"valign": "MIDDLE+CENTRED"}, {"valign": "TOP+CENTRED", "repeat_header": True}]
CASES = [(n, md, {}) for n, md in REPORTS] + [(n, md, o) for o in VARIANTS for n, md in REPORTS[:2] + REPORTS[4:6]]


@pytest.mark.parametrize("name,md,options", CASES,
                         ids=[n + "".join(f"-{k}={v}" for k, v in o.items()) for n, _, o in CASES])
def test_borderless_pdf_reads_like_markdown(tmp_path, name, md, options):
    """(``repeat_header``: 表三's header printed again on the page it runs onto; ``valign="TOP"``: every cell's
    text at its top, Word's default, merged labels too; with ``merge=False`` a group's label in its first row and
    the rows below it empty; ``+CENTRED``: the numbers centred in their cells, the header words not over them.)"""
    checker = Checker()
    src = tmp_path / name
    src.write_text(md, encoding="utf-8")
    pdf = tmp_path / (Path(name).stem + ".pdf")
    pdf.write_bytes(render.to_pdf(md, rules=False, **options))
    want, got = _outcome(checker, src), _outcome(checker, pdf)
    assert got[0] == want[0], f"extra {got[0] - want[0]}, missing {want[0] - got[0]}"
    assert got[2] == want[2]
    assert got[1] == want[1]
    tables = [b for b in read_path(str(pdf)).blocks if b.kind == "table"]
    assert tables  # read as tables, not left as text


def test_borderless_tables_match_ruled_cells(tmp_path):
    """The clean example's tables: the same cells as its ruled PDF, merged labels expanded alike."""
    md = EXAMPLES[0][1]
    (tmp_path / "ruled.pdf").write_bytes(render.to_pdf(md))
    (tmp_path / "bare.pdf").write_bytes(render.to_pdf(md, rules=False))

    def cells(name: str) -> list:
        doc = read_path(str(tmp_path / name))
        return [[[c.text for c in row.cells] for row in b.table.rows if not row.header]
                for b in doc.blocks if b.kind == "table" and b.table is not None]

    assert cells("bare.pdf") == cells("ruled.pdf")


def test_half_a_table_is_not_read(tmp_path):
    """表三 runs over a page break; a word among the numbers of a row on the second page makes that part unsure, so
    the first part is not read either (half a table would give false sums): DL001 and no error, as before tables
    without rules were read (the text then read as flattened cells can still give warnings)."""
    md = EXAMPLES[0][1].replace("| | （七）总计 | | 47 |", "| | （七）总计 | | 无 |")
    assert "| 无 |" in md
    (tmp_path / "bare.pdf").write_bytes(render.to_pdf(md, rules=False))
    doc = read_path(str(tmp_path / "bare.pdf"))
    assert not any("自然人" in b.text for b in doc.blocks if b.kind == "table")
    result = Checker().check_file(str(tmp_path / "bare.pdf"))
    assert "DL001" in {d.code for d in result.diagnostics}
    assert not [d for d in result.diagnostics if d.severity == "error"]


def test_unsure_header_stays_text(tmp_path):
    """A label in the middle of the number columns (a note under 表二's header) leaves that table as text."""
    md = EXAMPLES[0][1].replace("| 规章 | 0 | 0 | 0 |", "| 规章 | 0 | 见附件说明 | 0 |")
    assert "见附件说明" in md
    (tmp_path / "bare.pdf").write_bytes(render.to_pdf(md, rules=False))
    doc = read_path(str(tmp_path / "bare.pdf"))
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert not any("规章" in b.text for b in tables)
    assert any("见附件说明" in b.text for b in doc.blocks if b.kind == "paragraph")


@pytest.fixture
def narrow_labels(monkeypatch):
    """Table 三's three label columns 36, 26 and 26 pt wide, the cells' text 10.5 pt (a Word table whose label columns
    were made narrow: its labels wrap two characters a line).  (Patched here, not an option of render.to_pdf: the
    benchmark's renderings are cached on the renderer's source.)"""
    widths, styles = render._col_widths, render._pdf_styles

    def narrow(grid, frame_w, size):
        if len(grid[0]) == 10:
            return [36.0, 26.0, 26.0] + [(frame_w - 88.0) / 7] * 7
        return widths(grid, frame_w, size)

    def bigger():
        st = dict(styles())
        st["cell"] = st["cell"].clone("cell_narrow", fontSize=10.5, leading=13)
        return st

    monkeypatch.setattr(render, "_col_widths", narrow)
    monkeypatch.setattr(render, "_pdf_styles", bigger)


@pytest.mark.usefixtures("narrow_labels")
def test_narrow_label_columns_one_dl001(tmp_path):
    """表三 with label columns so narrow that its labels wrap a character or two a line (三、 / 本年 / 度办 …, 2.其 / 他法
    / 律行 …): its grid is not sure, so it stays text — and that text is the table's, not the report's: one DL001
    saying the table was not read, no 'part without its table' (DL105), no missing rows (DL110), no part titles
    (DL107) or numbered list (DL902) made of its rows."""
    md = EXAMPLES[0][1]
    (tmp_path / "narrow.pdf").write_bytes(render.to_pdf(md, rules=False))
    doc = read_path(str(tmp_path / "narrow.pdf"))
    assert doc.table_text  # rows of a table drawn without rules that was not read
    assert not any(b.kind == "heading" and any(ch.isdigit() for ch in b.text[-3:]) for b in doc.blocks)
    result = Checker().check_file(str(tmp_path / "narrow.pdf"))
    s3 = [d for d in result.diagnostics if d.code == "DL001" and "表三" in d.message]
    assert len(s3) == 1 and "没有表格线" in s3[0].message
    assert not {"DL105", "DL110", "DL107", "DL902"} & {d.code for d in result.diagnostics}
    assert not [d for d in result.diagnostics if d.severity == "error"]


@pytest.mark.usefixtures("narrow_labels")
def test_narrow_label_columns_ruled_still_read(tmp_path):
    """The same narrow columns with their ruling lines: a grid, read; nothing listed as a table's unread text."""
    md = EXAMPLES[0][1]
    (tmp_path / "ruled.pdf").write_bytes(render.to_pdf(md, rules=True))
    doc = read_path(str(tmp_path / "ruled.pdf"))
    assert getattr(doc, "table_text", ()) == ()
    assert "s3" in interpret(doc).stats
