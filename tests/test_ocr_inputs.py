"""What a scan or photo holds besides black text, and how big it is: a red seal over the 落款 is not ink, a
photo's pixels are brought to the recogniser's budget, a cell whose ink OCR could not read is not blank.
One small page recognised per test (a few seconds); skipped without the ``ocr`` extra."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from disclosure_lint.readers import ocr, read_path
from tests import render, scans

pytestmark = pytest.mark.skipif(not ocr.available(), reason="the ocr extra is not installed")

AGENCY = "江北市桐溪区农业农村局"
SIGNED = (f"# {AGENCY}2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n2023年，我局认真贯彻落实《条例》。\n\n"
          f"{AGENCY}\n\n2024年1月18日\n")


def _lines(gray: np.ndarray) -> list[tuple[int, int]]:
    """(top, bottom) of each line of ink on a page, in pixels."""
    rows = np.flatnonzero((gray < 128).any(axis=1))
    cuts = [i for i in range(1, len(rows)) if rows[i] - rows[i - 1] > 5]
    return [(int(rows[a]), int(rows[b - 1])) for a, b in zip([0, *cuts], [*cuts, len(rows)])]


def _signed_page(seal: bool):
    reason = scans.generated_scans_unlike_expected()  # (no CJK font: PDFium draws the Chinese of the page as nothing)
    if reason:
        pytest.skip(reason)
    [page] = scans.raster_pages(render.to_pdf(SIGNED), dpi=200)
    gray = np.asarray(page)
    top, bottom = _lines(gray)[-2]  # the date: the last line above the page number
    cols = np.flatnonzero((gray[top:bottom + 1] < 128).any(axis=0))
    return scans.sealed(page, int((cols[0] + cols[-1]) / 2), (top + bottom) // 2 - 30, AGENCY) if seal else page


@pytest.mark.parametrize("seal", [True, False])
def test_a_red_seal_over_the_date_is_not_read_as_ink(tmp_path: Path, seal: bool) -> None:
    path = tmp_path / "signed.png"
    _signed_page(seal).save(path, dpi=(200, 200))
    texts = [b.text for b in read_path(str(path)).blocks]
    # before: the seal's strokes were dark in the grey image — "2024年1月18年" and a stray "亚" from the seal
    assert texts[-2:] == [AGENCY, "2024年1月18日"]
    assert texts[-3] == "2023年，我局认真贯彻落实《条例》。"


def test_red_ink_is_light_and_black_text_is_unchanged() -> None:
    rgb = np.array([[[0, 0, 0], [255, 255, 255], [228, 104, 107], [144, 20, 23], [90, 90, 200], [120, 120, 120]]],
                   dtype=np.uint8)
    gray = ocr.without_red(rgb)[0].tolist()
    assert gray[0] == 0 and gray[1] == 255 and gray[4] < 128 and gray[5] == 120  # black, paper, blue ink, grey
    assert gray[2] >= 200  # the seal on paper: light
    assert gray[3] < gray[2]  # text under the seal stays darker than the seal


def test_a_phone_photo_is_brought_to_the_recognisers_resolution() -> None:
    from PIL import Image

    from disclosure_lint.limits import DEFAULT_LIMITS
    from disclosure_lint.readers import image

    photo = Image.new("L", (6000, 8485), 255)  # 51 MP, "72 dpi" as cameras state: not a page 83 inches wide
    photo.info["dpi"] = (72, 72)
    _n, gray, _scale, width, _height = image._prepared(1, photo, DEFAULT_LIMITS)
    assert gray.size <= 1700 * 2400 and abs(width - 8.27 * 72) < 2  # before: kept whole (51 MP, 2.6 GB read)
    big = Image.new("L", (9000, 9000), 255)  # a stated 1200 dpi page 7.5 inches wide: within the pixel budget
    big.info["dpi"] = (1200, 1200)
    assert image._prepared(1, big, DEFAULT_LIMITS)[1].size <= ocr.MAX_PIXELS
    page = Image.new("L", (1654, 2339), 255)  # an A4 page at 200 dpi: as it is
    page.info["dpi"] = (200, 200)
    assert image._prepared(1, page, DEFAULT_LIMITS)[1].shape == (2339, 1654)


def test_the_frames_of_a_tiff_are_decoded_one_at_a_time(tmp_path: Path, monkeypatch) -> None:
    from PIL import Image

    from disclosure_lint.readers import image

    path = tmp_path / "scan.tif"
    frames = [Image.new("L", (827, 1169), 255) for _ in range(4)]
    frames[0].save(path, save_all=True, append_images=frames[1:], dpi=(100, 100))
    prepared, seen = [], []
    real = image._prepared
    monkeypatch.setattr(image, "_prepared", lambda *a: prepared.append(a[0]) or real(*a))

    def recognise(pages, workers=1):
        for number, _gray, _scale in pages:
            seen.append((number, len(prepared)))  # before: all four decoded before the first was recognised
            yield ocr.ScanPage(number, (), ())

    monkeypatch.setattr(ocr, "recognise_pages", recognise)
    doc = read_path(str(path))
    assert seen == [(1, 1), (2, 2), (3, 3), (4, 4)] and doc is not None
