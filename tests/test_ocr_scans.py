"""Scanned reports read by OCR give what their text PDF gives (issue 13, Done-when).

The examples are rendered to a text PDF (tests/render.py), rasterised to image-only PDFs (tests/scans.py: 150
and 300 dpi, turned by under a degree, with scan noise) and checked: the same sections, the same three tables
cell for cell, the same findings — except half-/full-width punctuation (DL701–DL703), which OCR cannot tell
apart (readers/ocr.normalise takes Chinese text as full-width), and with an OCR-flagged warning allowed in place
of an error.  The real PDFs of ../shared/corpus/pdf, rasterised the same way, give the same table-三 cells as
their text layer in at least 98 % of cells and no arithmetic error their text layer does not give.

Slow: recognising a page takes seconds on a 2-core machine.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from disclosure_lint.api import Checker
from disclosure_lint.readers import ocr, read_path
from disclosure_lint.report import interpret
from tests import render, scans
from tests.conftest import shared_params

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not ocr.available(), reason="the ocr extra is not installed")]

ROOT = Path(__file__).resolve().parent.parent
WIDTH_RULES = {"DL701", "DL702", "DL703"}  # half- or full-width punctuation: OCR cannot tell them apart
SHAPES = {"150dpi": (150, 0.6, 0.003), "300dpi": (300, -0.8, 0.002)}


def _skip_unless_scans_drawn_as_expected() -> None:
    reason = scans.generated_scans_unlike_expected()
    if reason:
        pytest.skip(reason)


@cache
def _text_pdf(name: str) -> bytes:
    return render.to_pdf((ROOT / "examples" / name).read_text(encoding="utf-8"))


def _facts(path: Path):
    doc = read_path(str(path))
    rep = interpret(doc)
    tables = {t: {k: c.raw for k, c in rep.stats[t].cells.items()} for t in ("s2", "s3", "s4") if t in rep.stats}
    result = Checker(isolated=True).check_file(str(path))
    return doc, [s.id for s in rep.sections], tables, result.diagnostics


def _findings(diagnostics) -> Counter:
    return Counter((d.code, "error" if d.evidence.get("low_confidence_cells") else d.severity)
                   for d in diagnostics if d.code not in WIDTH_RULES)


@pytest.mark.parametrize("shape", list(SHAPES))
@pytest.mark.parametrize("name", ["clean-2023.md", "defective-2023.md"])
def test_a_scanned_example_reads_like_its_text_pdf(tmp_path: Path, name: str, shape: str) -> None:
    _skip_unless_scans_drawn_as_expected()
    text, scanned = tmp_path / "text.pdf", tmp_path / "scan.pdf"
    text.write_bytes(_text_pdf(name))
    dpi, angle, noise = SHAPES[shape]
    scanned.write_bytes(scans.scan(_text_pdf(name), dpi=dpi, angle=angle, noise=noise))
    tdoc, tsections, ttables, tfound = _facts(text)
    sdoc, ssections, stables, sfound = _facts(scanned)
    assert sdoc.ocr_pages and not tdoc.ocr_pages
    assert ssections == tsections
    assert set(stables) == set(ttables) and {"s2", "s3"} <= set(ttables)
    for t in ttables:
        assert stables[t] == ttables[t], t
    assert _findings(sfound) == _findings(tfound)
    assert all(d.evidence.get("ocr") for d in sfound if d.code.startswith("DL2"))


@pytest.mark.parametrize("path", shared_params("corpus/pdf/*.pdf"))
def test_a_rasterised_real_report_gives_its_text_layers_table_three(tmp_path: Path, path: Path) -> None:
    scanned = tmp_path / "scan.pdf"
    scanned.write_bytes(scans.scan(path.read_bytes(), dpi=150, angle=0.5, noise=0.002))
    _d, _s, ttables, tfound = _facts(path)
    _d, _s, stables, sfound = _facts(scanned)
    cells = ttables.get("s3", {})
    assert cells, "the text layer has a table 三"
    same = sum(1 for k, raw in cells.items() if stables.get("s3", {}).get(k) == raw)
    assert same >= 0.98 * len(cells), f"{same}/{len(cells)} cells of 表三 read alike"
    text_errors = {d.code for d in tfound if d.category == "statistics" and d.severity == "error"}
    new = [d for d in sfound if d.category == "statistics" and d.severity == "error" and d.code not in text_errors]
    assert not new, [d.message for d in new]


def test_a_table_pasted_as_a_picture_on_a_text_page_is_read(tmp_path: Path) -> None:
    """An image-only region of a page with a text layer (table 三 pasted as a scan under a typed heading)."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    _skip_unless_scans_drawn_as_expected()
    text_pdf = _text_pdf("defective-2023.md")
    picture = scans.raster_pages(text_pdf, dpi=150, noise=0.002)[2]  # the page with table 三
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("STSong-Light", 12)
    c.drawString(72, 800, "江北市桐溪区农业农村局2023年政府信息公开工作年度报告附表：见下图，表中数字以原件为准。")
    width, _height = A4
    c.drawImage(ImageReader(picture), 30, 20, width=width - 60, height=(width - 60) * picture.size[1] / picture.size[0])
    c.showPage()
    c.save()
    mixed = tmp_path / "mixed.pdf"
    mixed.write_bytes(buf.getvalue())
    doc = read_path(str(mixed))
    assert doc.ocr_pages == (1,)
    tables = [b.table for b in doc.blocks if b.table is not None]
    assert tables and not [b for b in doc.blocks if b.kind == "image"]
    text = tmp_path / "text.pdf"
    text.write_bytes(text_pdf)
    expected = [r.texts[3:] for b in read_path(str(text)).blocks if b.table is not None
                for r in b.table.rows if r.texts[0].startswith("三、")]
    assert expected
    got = [r.texts[3:] for t in tables for r in t.rows if r.texts[0].startswith("三、")]
    assert got == expected
