"""Scanned pages given as images (.png, .jpg, .tif — a multi-page TIFF page by page), read by OCR.

The image is opened with Pillow (a dependency of the OCR extra), its size checked against
``limits.max_image_pixels`` before a pixel is decoded (a decompression bomb is refused with one line),
scaled to the resolution the recogniser wants (:data:`.ocr.RENDER_DPI`; the image's own dpi when it states a
plausible one, else the width of an A4 page), recognised (:mod:`.ocr`) and rebuilt into a document exactly
as a scanned PDF page is (:func:`.pdf.scanned_document`).  Images are read only when named on the command
line: the directory walk does not pick them up.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Document
from . import ocr
from .pdf import scanned_document

A4_WIDTH_IN = 8.27  # a scan without a stated resolution is taken for an A4 page across its width
MAX_WIDTH_IN = 17.0  # a stated resolution making the page wider than an A3 page turned is not believed
GREY_MODES = {"1", "L", "LA", "I", "I;16", "I;16B", "I;16L", "F"}


def read(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    if not ocr.available():
        raise InputError(f"图片需要文字识别后才能检查，请先安装文字识别组件：{ocr.INSTALL_HINT}")
    from PIL import Image, ImageSequence  # heavy: only when an image is read

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            img = Image.open(io.BytesIO(data))
            w, h = img.size
        except Image.DecompressionBombError:  # Pillow's own bound (a stated size far beyond ours)
            raise InputError(f"图片过大（超过 {limits.max_image_pixels} 像素的上限，可在配置的 limits.max_image_pixels "
                             "中调整），不读取") from None
        except Exception:  # noqa: BLE001 - every decoder failure becomes one sentence
            raise InputError("图片文件已损坏或格式不受支持，无法读取") from None
        if w * h > limits.max_image_pixels:
            raise InputError(f"图片过大（{w}×{h} 像素，超过 {limits.max_image_pixels} 像素的上限，"
                             "可在配置的 limits.max_image_pixels 中调整），不读取")
    sizes: dict[int, tuple[float, float]] = {}  # page width and height in points, by page number
    counted = [0]

    def frames() -> Iterator[tuple[int, Any, float]]:
        """One frame decoded and prepared at a time (a 50-frame TIFF is not held whole in memory)."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                for number, frame in enumerate(ImageSequence.Iterator(img), start=1):
                    counted[0] = number
                    if number > limits.max_ocr_pages:
                        continue
                    fw, fh = frame.size
                    if fw * fh > limits.max_image_pixels:
                        raise InputError(f"图片第{number}页过大（{fw}×{fh} 像素），不读取")
                    _n, gray, scale, width, height = _prepared(number, frame, limits)
                    sizes[number] = (width, height)
                    yield number, gray, scale
            except InputError:
                raise
            except Exception:  # noqa: BLE001 - a truncated or corrupt image
                raise InputError("图片文件已损坏或不完整，无法读取") from None

    scans = [(scan, *sizes[scan.number]) for scan in ocr.recognise_pages(frames(), limits.ocr_workers)]
    total = counted[0]
    advice = None
    if total > limits.max_ocr_pages:
        advice = f"图片共{total}页，只识别了前{limits.max_ocr_pages}页（文字识别页数上限 limits.max_ocr_pages）"
    return scanned_document(path, scans, total, limits, "image", advice)


def _prepared(number: int, frame: Any, limits: Limits) -> tuple[int, Any, float, float, float]:
    """(page number, grey pixels at the recogniser's resolution, points per pixel, page width, height in points)."""
    import numpy as np  # heavy: only when an image is read
    from PIL import Image

    dpi = frame.info.get("dpi")
    try:
        res = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        res = 0.0
    if not 50 <= res <= 1200 or frame.size[0] / res > MAX_WIDTH_IN:  # no dpi, or one no paper has (a
        res = frame.size[0] / A4_WIDTH_IN  # phone photo of 6000 pixels "at 72 dpi" is not 83 inches wide)
    w, h = frame.size
    f = ocr.RENDER_DPI / res
    if w * h * f * f > ocr.MAX_PIXELS:  # to the pixel budget, never above it (full size took 2.6 GB)
        f = (ocr.MAX_PIXELS / (w * h)) ** 0.5
    grey = frame.mode in GREY_MODES  # else in colour: a red seal over the 落款 is not ink (ocr.without_red)
    pic = frame.convert("L" if grey else "RGB")
    if abs(f - 1) > 0.05:
        pic = pic.resize((max(int(w * f), 1), max(int(h * f), 1)), Image.Resampling.LANCZOS)
    else:
        f = 1.0
    arr = np.asarray(pic, dtype=np.uint8).copy() if grey else ocr.without_red(np.asarray(pic, dtype=np.uint8))
    scale = 72 / (res * f)  # points per pixel
    return number, arr, scale, arr.shape[1] * scale, arr.shape[0] * scale
