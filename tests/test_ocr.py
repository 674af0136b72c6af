"""OCR (the ``ocr`` extra): the fast part — what needs no recognition, and the honesty rule on a report whose cells
are marked as read with low confidence.  The recognition itself is in test_ocr_scans.py (slow: a scanned page
takes several seconds to recognise on a 2-core machine, more than the default run may spend)."""

from __future__ import annotations

import dataclasses
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from disclosure_lint.api import Checker
from disclosure_lint.errors import InputError
from disclosure_lint.limits import Limits
from disclosure_lint.model import Block, Table
from disclosure_lint.ocr_review import LOW_CONFIDENCE
from disclosure_lint.readers import ocr, read_path
from tests import render, scans

ROOT = Path(__file__).resolve().parent.parent
SMALL = "# 江北市桐溪区农业农村局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n2023年，我局认真贯彻落实《条例》。\n"


@pytest.mark.parametrize(("read", "meant"), [
    ("0.", "0"), ("o", "0"), ("25.", "25"), ("0°", "0"), ("2O23年", "2023年"), ("2023年1月5曰", "2023年1月5日"),
    ("工作己经完成", "工作已经完成"), ("自已", "自己"), ("〔2019]60号", "〔2019〕60号"),
    ("(一)予以公开", "（一）予以公开"), ("本年度:", "本年度："), ("1.属于国家秘密", "1.属于国家秘密"), ("2.5", "2.5"),
    ("尚末审结", "尚未审结"), ("1.属干国家秘密", "1.属于国家秘密"), ("总体情况丶主动公开", "总体情况、主动公开"),
    ("国办公开办函〔2020」109号", "国办公开办函〔2020〕109号"), ("国办公开办函【2021〕30号", "国办公开办函〔2021〕30号"),
    ("【2021】工作要点", "【2021】工作要点"), ("“2020」", "“2020」"), ("第二十条第（一）项，·。·。", "第二十条第（一）项"), ("他说：“好。”", "他说：“好。”"),
])
def test_common_confusions_are_undone(read: str, meant: str) -> None:
    assert ocr.normalise(read) == meant


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("scan") / "scan.pdf"
    path.write_bytes(scans.scan(render.to_pdf(SMALL), dpi=72))
    return path


def test_without_the_extra_dl002_says_how_to_install_it(scanned: Path, monkeypatch) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    result = Checker(isolated=True).check_file(str(scanned))
    [d] = [d for d in result.diagnostics if d.code == "DL002"]
    assert "pip install 'disclosure-lint[ocr]'" in d.message


def test_ocr_never_leaves_the_scan_unread(scanned: Path) -> None:
    result = Checker(isolated=True, ocr="never").check_file(str(scanned))
    [d] = [d for d in result.diagnostics if d.code == "DL002"]
    assert "没有可提取的文字" in d.message and "pip install" not in d.message


def _png_header(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))


@pytest.mark.skipif(not ocr.available(), reason="the ocr extra is not installed")
def test_a_decompression_bomb_is_refused_in_one_line(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(_png_header(100_000, 100_000))
    with pytest.raises(InputError) as err:
        read_path(str(bomb))
    assert "图片过大" in str(err.value) and "limits.max_image_pixels" in str(err.value)
    run = subprocess.run([sys.executable, "-m", "disclosure_lint", "check", "--isolated", str(bomb)],
                         capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 2 and "Traceback" not in run.stderr + run.stdout


def test_images_are_read_only_when_named(tmp_path: Path) -> None:
    from disclosure_lint.readers import WALK_EXTENSIONS

    assert ".png" not in WALK_EXTENSIONS and ".pdf" in WALK_EXTENSIONS


def test_the_cli_does_not_import_the_ocr_stack() -> None:
    code = ("import sys, disclosure_lint.cli, disclosure_lint.readers.pdf; "
            "print(sorted(m for m in ('cv2', 'onnxruntime', 'rapidocr_onnxruntime', 'numpy', 'PIL') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def _as_ocr(doc, confidence: float):
    """The document as if read by OCR, every table cell with ``confidence``."""
    blocks = []
    for b in doc.blocks:
        if b.table is not None:
            rows = tuple(dataclasses.replace(r, cells=tuple(dataclasses.replace(c, confidence=confidence) for c in r.cells))
                         for r in b.table.rows)
            b = dataclasses.replace(b, table=Table(rows=rows))
        blocks.append(b)
    return dataclasses.replace(doc, blocks=tuple(blocks), ocr_pages=(1,))


def _dl201(doc, limits: Limits | None = None) -> list:
    checker = Checker(isolated=True, select=["DL201"])
    lc = checker.config_for(doc.path)
    if limits is not None:
        lc = dataclasses.replace(lc, config=lc.config.model_copy(update={"limits": limits}))
    return checker.check_document(doc, lc).diagnostics


def test_an_identity_resting_on_a_low_confidence_cell_is_a_warning_naming_it() -> None:
    doc = read_path(str(ROOT / "examples" / "defective-2023.md"))
    [plain] = _dl201(doc)[:1]
    assert plain.severity == "error" and "ocr" not in plain.evidence
    found = _dl201(_as_ocr(doc, 0.5))
    assert found and all(d.severity == "warning" for d in found)
    d = found[0]
    assert d.message.endswith(LOW_CONFIDENCE) and "表三 ›" in d.message
    assert d.evidence["ocr"] is True and d.evidence["confidence"] == 0.5
    assert d.evidence["low_confidence_cells"][0]["confidence"] == 0.5
    sure = _dl201(_as_ocr(doc, 0.99))
    assert sure and all(d.severity == "error" and d.evidence["ocr"] is True for d in sure)
    lenient = _dl201(_as_ocr(doc, 0.5), Limits(ocr_min_confidence=0.4))
    assert all(d.severity == "error" for d in lenient)


def test_ocr_flags_are_json_values() -> None:
    doc = _as_ocr(read_path(str(ROOT / "examples" / "defective-2023.md")), 0.5)
    import json

    for d in _dl201(doc):
        json.dumps(d.to_json(), ensure_ascii=False)
    assert isinstance(doc.blocks[0], Block)


def _glyphs(text: str, x: float, top: float, size: float = 12.0, conf: float = 0.99) -> list[ocr.Glyph]:
    return [ocr.Glyph(ch, x + i * size, x + (i + 1) * size, top, top + size, size, conf) for i, ch in enumerate(text)]


def test_a_recognised_page_is_built_like_a_text_page() -> None:
    """The glue without the model: glyphs and a ruled table of a ScanPage become paragraphs and a table block whose
    cells carry the confidence, page numbers dropped, positions 第p页第l行."""
    from disclosure_lint.readers.pdf import scanned_document

    glyphs = _glyphs("一、总体情况", 72, 100) + _glyphs("本机关认真贯彻落实条例。", 96, 130)
    xs, ys = (72.0, 200.0, 300.0), (200.0, 230.0, 260.0)
    cells = tuple((xs[c], ys[r], xs[c + 1], ys[r + 1]) for r in range(2) for c in range(2))
    glyphs += _glyphs("规章", 80, 208) + _glyphs("7", 240, 208, conf=0.42)
    glyphs += _glyphs("行政许可", 80, 238) + _glyphs("12", 240, 238)
    glyphs += _glyphs("-1-", 280, 800)
    scan = ocr.ScanPage(1, tuple(glyphs), (ocr.RuledTable((72.0, 200.0, 300.0, 260.0), cells),))
    doc = scanned_document("scan.png", [(scan, 595.0, 842.0)], 1, Limits(), "image")
    assert doc.ocr_pages == (1,) and doc.format == "image"
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "table"]
    assert doc.blocks[1].pointer == "第1页第2行"
    table = doc.blocks[2].table
    assert table is not None and [r.texts for r in table.rows] == [["规章", "7"], ["行政许可", "12"]]
    assert table.rows[0].cells[1].confidence == pytest.approx(0.42)
    assert all("-1-" not in b.text for b in doc.blocks)


def test_a_cell_whose_ink_ocr_could_not_read_is_not_blank() -> None:
    """A line in a cell the recogniser read below MIN_CONFIDENCE (ocr.RuledTable.unread): the cell is empty but
    read with confidence 0, so a finding resting on it is hedged (before: confidence None, taken as a sure blank
    — DL208 on a cell holding 5); a cell with no ink stays a plain blank."""
    from disclosure_lint.readers.pdf import scanned_document

    xs, ys = (72.0, 200.0, 300.0, 400.0), (200.0, 230.0, 260.0)
    cells = tuple((xs[c], ys[r], xs[c + 1], ys[r + 1]) for r in range(2) for c in range(3))
    glyphs = _glyphs("规章", 80, 208) + _glyphs("7", 240, 208) + _glyphs("3", 340, 208)
    glyphs += _glyphs("行政许可", 80, 238) + _glyphs("12", 240, 238)
    table = ocr.RuledTable((72.0, 200.0, 400.0, 260.0), cells, ((336.0, 238.0, 348.0, 250.0),))  # row 2 col 3
    scan = ocr.ScanPage(1, tuple(glyphs), (table,))
    doc = scanned_document("scan.png", [(scan, 595.0, 842.0)], 1, Limits(), "image")
    [block] = [b for b in doc.blocks if b.kind == "table"]
    assert block.table is not None
    rows = block.table.rows
    assert [r.texts for r in rows] == [["规章", "7", "3"], ["行政许可", "12", ""]]
    assert rows[1].cells[2].confidence == 0.0 and rows[0].cells[2].confidence == pytest.approx(0.99)
    plain = scanned_document("scan.png", [(ocr.ScanPage(1, tuple(glyphs), (ocr.RuledTable(table.bbox, cells),)),
                                          595.0, 842.0)], 1, Limits(), "image")
    [block] = [b for b in plain.blocks if b.kind == "table"]
    assert block.table is not None and block.table.rows[1].cells[2].confidence is None


def test_the_page_cap_is_said_once(tmp_path: Path, monkeypatch) -> None:
    pdf = tmp_path / "three.pdf"
    pdf.write_bytes(scans.image_pdf(scans.raster_pages(render.to_pdf(SMALL), dpi=72) * 3, 72))
    seen: list[int] = []

    def fake(images, workers=1):
        for number, _gray, _scale in images:
            seen.append(number)
            yield ocr.ScanPage(number, tuple(_glyphs("一、总体情况", 72, 100)), ())

    monkeypatch.setattr(ocr, "available", lambda: True)
    monkeypatch.setattr(ocr, "recognise_pages", fake)
    doc = read_path(str(pdf), Limits(max_ocr_pages=2))
    assert seen == [1, 2] and doc.ocr_pages == (1, 2)
    [notice] = doc.notices
    assert notice.pages == (3,) and "limits.max_ocr_pages" in (notice.detail or "")


def test_the_engine_threads_are_this_process_share_of_the_cpus(monkeypatch) -> None:
    """A worker of ``--jobs`` on a folder recognises with its share of the CPUs (told by parallel.serve), not a
    thread per CPU in every worker (threads beyond the cores only spin); pages in order either way."""
    from disclosure_lint import parallel

    seen: list[int] = []

    def fake(number, gray, scale, threads=-1):
        seen.append(threads)
        return ocr.ScanPage(number, (), ())

    monkeypatch.setattr(ocr, "recognise_page", fake)
    monkeypatch.setattr(ocr.os, "cpu_count", lambda: 8)
    pages = [(n, None, 1.0) for n in range(1, 6)]
    monkeypatch.delenv(parallel.CPU_SHARE_ENV, raising=False)
    assert [p.number for p in ocr.recognise_pages(pages, 2)] == [1, 2, 3, 4, 5]
    assert set(seen) == {4}
    seen.clear()
    monkeypatch.setenv(parallel.CPU_SHARE_ENV, "2")
    assert [p.number for p in ocr.recognise_pages(pages, 1)] == [1, 2, 3, 4, 5]
    assert set(seen) == {2}
    seen.clear()
    assert [p.number for p in ocr.recognise_pages(pages, 2)] == [1, 2, 3, 4, 5]
    assert set(seen) == {1}


def _dl205(doc) -> list:
    return list(Checker(isolated=True, select=["DL205", "DL001"]).check_document(doc).diagnostics)


def test_a_table_ocr_could_not_read_gets_no_cell_value_findings(tmp_path: Path) -> None:
    """Table 三 read by OCR with a label it could not map (DL001: its checks skipped) and a label's piece in
    a number column (the grid split by a label's strokes): no DL205 “不是数字” — before, 20 errors on a correct
    scan.  The same table from a text layer, or read by OCR with every label mapped, still gets DL205."""
    text = (ROOT / "examples" / "clean-2023.md").read_text(encoding="utf-8")
    pieces = text.replace("| | （三）不予公开 | 1.属于国家秘密 | 0 |", "| | （三）不予公开 | 1.属于 | 国家秘密 |")
    assert pieces != text
    misread = pieces.replace("| 二、上年结转政府信息公开申请数量 |", "| 年结 |")  # a row label read in part
    for name, body in (("pieces.md", pieces), ("misread.md", misread)):
        (tmp_path / name).write_text(body, encoding="utf-8")
    scanned = _dl205(_as_ocr(read_path(str(tmp_path / "misread.md")), 0.9))
    assert any(d.code == "DL001" and "年结" in d.message for d in scanned)
    assert not [d for d in scanned if d.code == "DL205"]
    typed = _dl205(read_path(str(tmp_path / "misread.md")))  # a text layer: the cell holds that text
    assert [d.severity for d in typed if d.code == "DL205"] == ["error"]
    readable = _dl205(_as_ocr(read_path(str(tmp_path / "pieces.md")), 0.9))  # OCR, every label mapped
    assert [d.severity for d in readable if d.code == "DL205"] == ["error"]
