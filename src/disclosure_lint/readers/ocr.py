"""Text recognition of scanned pages, offline (the optional extra ``pip install 'disclosure-lint[ocr]'``).

The extra installs ``rapidocr-onnxruntime``: PP-OCRv4's Chinese detection and recognition models ship
inside its wheel and run on onnxruntime; nothing is ever downloaded (:func:`engine` checks the model
files are the wheel's own before it loads them).  OpenCV (its dependency) finds the tables.

One page, as an image (:func:`recognise_page`):

1. **deskew** — the angle (±2°) that makes the rows of ink sharpest is found on a small copy and undone;
2. **binarise** — Otsu's threshold, specks smaller than a full stop removed (scan noise);
3. **tables** (:mod:`.ocr_tables`) — ruling lines, the grid, merged cells; each cell's text lines are cut
   out by their ink and recognised one by one (a lone ``0`` in a cell is read, however small);
4. **running text** — the text detector runs on the page with the tables blanked out (on a copy scaled to
   :data:`DET_SCALE`), each detected line is recognised on the full-resolution page;
5. **glyphs** — each recognised line becomes glyphs spread over its ink, in PDF points, with the line's
   recognition confidence, so that :mod:`.pdf` rebuilds lines, paragraphs, tables, page numbers and headers
   exactly as for a text PDF (:class:`ScanPage`).

Common confusions of the model are undone in the recognised text (:func:`normalise`): ``〇``/``O`` next to a
digit is ``0``, ``曰`` is ``日``, ``己`` before 经/于/有… is ``已``, ``〔2019]`` is ``〔2019〕``, and — as the model
cannot tell half- from full-width punctuation — brackets in Chinese text and ``,:;`` after a Chinese character
are full-width; so none of them is reported as the report's typo.  Pages are recognised ``workers`` at a time (threads: onnxruntime and OpenCV release the GIL), each
worker with its own engine and ``cpu_count // workers`` threads (in a worker process of ``--jobs``: its share of
the CPUs, divided the same way).
"""

from __future__ import annotations

import importlib.util
import os
import re
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

INSTALL_HINT = "pip install 'disclosure-lint[ocr]'"
RENDER_DPI = 200  # scanned PDF pages are rendered at this resolution (12 pt text ≈ 33 px: the recogniser's range)
DET_SCALE = 0.5  # the detector sees the page at 100 dpi: text lines are found as well (the same lines as at 120 dpi), in a quarter of the time
MIN_CONFIDENCE = 0.3  # a recognised line below this is noise, not text
MIN_INK, MAX_INK = 0.0005, 0.6  # the share of dark pixels of a page with text on it
SPECK = 5  # pixels: a full stop in small print at 200 dpi has 6 or more
MAX_PIXELS = 40_000_000  # pixels of one page image recognised (an A4 page at 600 dpi is 35 million)

_MODELS = ("ch_PP-OCRv4_det_infer.onnx", "ch_PP-OCRv4_rec_infer.onnx")


class OcrUnavailable(Exception):
    """The OCR extra is not installed (or its models are missing)."""


@dataclass(frozen=True, slots=True)
class Glyph:
    """One recognised character, in PDF points on its page, with its line's recognition confidence."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    conf: float


@dataclass(frozen=True, slots=True)
class RuledTable:
    """A table found in the image: ``bbox`` and ``cells`` (merged cells as one rectangle) in points, each
    ``(x0, top, x1, bottom)`` — the shape of a pdfplumber table that :mod:`.pdf` reads."""

    bbox: tuple[float, float, float, float]
    cells: tuple[tuple[float, float, float, float], ...]
    # ink in a cell the recogniser gave no accepted text for (below MIN_CONFIDENCE): that cell is not blank
    # but unread, and counts as read with confidence 0 (a finding resting on it is hedged: ocr_review)
    unread: tuple[tuple[float, float, float, float], ...] = ()


@dataclass(frozen=True, slots=True)
class ScanPage:
    number: int
    glyphs: tuple[Glyph, ...]
    tables: tuple[RuledTable, ...]


def available() -> bool:
    """Is the OCR extra installed?  (Looks for the packages without importing them.)"""
    return all(importlib.util.find_spec(m) is not None for m in ("rapidocr_onnxruntime", "cv2", "pypdfium2"))


# -- text --------------------------------------------------------------------------------------------------

_ZERO = re.compile(r"(?<=\d)[〇○OoＯ]|[〇○OoＯ](?=\d)")
_YI = re.compile(r"己(?=经|于|有|完成|将|在|按|向|对|被|过|达|超|全|基本|办结|答复|公开|受理|作出|提交|录入|报送|收到|停止|废止)")
_ALONE_ZERO = re.compile(r"^[〇○OoＯ]$")
# words of the statistics tables the model misreads in small print (白/自, 丁/厂/了/于, 末/未)
_WORDS = {"白然人": "自然人", "属丁": "属于", "属厂": "属于", "属了": "属于", "属干": "属于", "尚末": "尚未", "丶": "、"}
_SPECKS = "\\.,:;·'‘’`°~\"“”、。，：；"
_NUMBER_SPECK = re.compile(f"^[{_SPECKS}]*([0-9oO〇]*[0-9][0-9oO〇]*|[oO〇])[{_SPECKS}]+$|^[{_SPECKS}]+([0-9oO〇]+)$")
_EDGE_SPECK = re.compile(r"^[‘`°·]+|[‘`°·]+$|[，。、·.,:;：；”’]*·[，。、·.,:;：；”’]*$|[，。、.,:;：；”’]{3,}$")
_CJK = re.compile(r"[\u3400-\u9fff]")
_AFTER_CJK = re.compile(r"(?<=[\u3400-\u9fff）”])([,:;])")
_WIDE = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）"}
# a 文号's year bracket: 〔2019]、〔2020」; an opening 【 only before the number and 号 (【2021〕30号)
_DOCNO = re.compile(r"〔(\d{4})[\]】］)）」]|【(\d{4})[\]】］)）」〕](?=\d{1,5}号)")


def normalise(text: str) -> str:
    """Undo the model's common confusions (see the module docstring)."""
    text = _EDGE_SPECK.sub("", text.strip())
    if _ALONE_ZERO.match(text):
        return "0"
    number = _NUMBER_SPECK.match(text)
    if number:  # a count with a speck read as a dot or a quote beside it
        digits = number.group(1) or number.group(2)
        return "0" if _ALONE_ZERO.match(digits) else _ZERO.sub("0", digits)
    text = _ZERO.sub("0", text).replace("曰", "日").replace("自已", "自己")
    for wrong, right in _WORDS.items():
        text = text.replace(wrong, right)
    text = _DOCNO.sub(lambda m: f"〔{m.group(1) or m.group(2)}〕", _YI.sub("已", text))
    if _CJK.search(text):  # the model cannot tell half- from full-width punctuation: Chinese text has full
        text = _AFTER_CJK.sub(lambda m: _WIDE[m.group(1)], text).replace("(", "（").replace(")", "）")
    return text


# -- the engine ------------------------------------------------------------------------------------------

_local = threading.local()


def engine(threads: int = -1) -> Any:
    """This thread's RapidOCR engine (created once per thread), with the wheel's own models."""
    eng = getattr(_local, "engine", None)
    if eng is not None:
        return eng
    spec = importlib.util.find_spec("rapidocr_onnxruntime")
    if spec is None or spec.origin is None:
        raise OcrUnavailable(INSTALL_HINT)
    models = Path(spec.origin).parent / "models"
    if not all((models / m).is_file() for m in _MODELS):
        raise OcrUnavailable(f"文字识别模型缺失（{models}），请重新安装：{INSTALL_HINT}")
    from rapidocr_onnxruntime import RapidOCR  # heavy (onnxruntime, OpenCV): only when a scan is read

    eng = RapidOCR(intra_op_num_threads=threads, inter_op_num_threads=1, use_cls=False)
    _local.engine = eng
    return eng


def recognise_pages(images: Iterable[tuple[int, Any, float]], workers: int = 1) -> Iterator[ScanPage]:
    """Recognise ``(page number, grey image, points per pixel)`` in order, ``workers`` pages at a time."""
    workers = max(1, workers)
    # the CPUs this process may keep busy: its share in a pool of processes (--jobs on a folder: set by
    # parallel.serve), else all; each worker's engine gets its part (threads beyond the cores only spin)
    share = os.environ.get("DISCLOSURE_LINT_CPU_SHARE", "")
    cpus = int(share) if share.isdigit() and int(share) > 0 else 0
    threads = max(1, (cpus or os.cpu_count() or 1) // workers) if workers > 1 or cpus else -1
    if workers == 1:
        for number, gray, scale in images:
            yield recognise_page(number, gray, scale, threads)
        return
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ocr") as pool:
        # a window of pages in flight, not batches in lockstep: a worker done with a light page takes the next
        # one while the other still reads a table (at most ``workers + 1`` rendered pages in memory)
        pending: deque[Future[ScanPage]] = deque()
        for number, gray, scale in images:
            pending.append(pool.submit(recognise_page, number, gray, scale, threads))
            if len(pending) > workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


# -- one page --------------------------------------------------------------------------------------------


def recognise_page(number: int, gray: Any, scale: float, threads: int = -1) -> ScanPage:
    import cv2  # heavy: only when a scan is read
    import numpy as np

    from .ocr_tables import cell_lines, find_tables

    share = float((gray < 128).mean()) if gray.size else 0.0
    if not MIN_INK <= share <= MAX_INK:  # a blank page, or a solid picture: nothing to read
        return ScanPage(number, (), ())
    eng = engine(threads)
    gray = deskew(gray)
    raw = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)[1]
    ink = despeckle(raw)
    tables, rules = find_tables(ink)
    ink[rules > 0] = 0  # a rule's stub in a cell would be read as a dot or a colon
    clean = gray.copy()  # a cell's text is recognised without the specks and rules (read as dots and colons)
    clean[cv2.dilate(cv2.subtract(raw, ink), np.ones((3, 3), np.uint8)) > 0] = 255
    boxes: list[tuple[int, int, int, int]] = []  # text lines in pixels, tight around their ink
    owner: list[int] = []  # the table of each line found in a table's cells
    masked = gray.copy()
    for k, t in enumerate(tables):
        x0, top, x1, bottom = t.bbox
        masked[max(top - 3, 0):bottom + 4, max(x0 - 3, 0):x1 + 4] = 255
        for cell in t.cells:
            found_in = cell_lines(ink, cell)
            boxes.extend(found_in)
            owner.extend([k] * len(found_in))
    in_tables = len(boxes)
    h, w = gray.shape
    small = cv2.resize(masked, (max(int(w * DET_SCALE), 32), max(int(h * DET_SCALE), 32)),
                       interpolation=cv2.INTER_AREA)
    found, _elapsed = eng.text_det(cv2.cvtColor(small, cv2.COLOR_GRAY2BGR))
    for quad in (found if found is not None else ()):
        pts = np.asarray(quad) / DET_SCALE
        x0, top = int(max(pts[:, 0].min() - 2, 0)), int(max(pts[:, 1].min() - 2, 0))
        x1, bottom = int(min(pts[:, 0].max() + 2, w)), int(min(pts[:, 1].max() + 2, h))
        tight = _tighten(ink, (x0, top, x1, bottom))
        if tight is not None:
            boxes.append(tight)
    crops = [cv2.cvtColor(_pad((clean if i < in_tables else gray)[top:bottom, x0:x1]), cv2.COLOR_GRAY2BGR)
             for i, (x0, top, x1, bottom) in enumerate(boxes)]
    results, _elapsed = eng.text_rec(crops) if crops else ([], 0.0)
    lines: list[tuple[str, float, tuple[int, int, int, int]]] = []
    unread: list[list[tuple[float, float, float, float]]] = [[] for _t in tables]
    for i, ((text, conf), box) in enumerate(zip(results, boxes)):
        text = normalise(text)
        if text and conf >= MIN_CONFIDENCE:
            lines.append((text, float(conf), box))
        elif i < in_tables:
            unread[owner[i]].append(_pt(box, scale))
    return ScanPage(number, tuple(_glyphs(lines, scale)),
                    tuple(RuledTable(_pt(t.bbox, scale), tuple(_pt(c, scale) for c in t.cells), tuple(unread[k]))
                          for k, t in enumerate(tables)))


def despeckle(ink: Any) -> Any:
    """The binarised page without specks smaller than a full stop (:data:`SPECK` pixels at 200 dpi)."""
    import cv2  # heavy: only when a scan is read
    import numpy as np

    _n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    small = np.flatnonzero(stats[:, cv2.CC_STAT_AREA] < SPECK)
    small = small[small > 0]
    if small.size:
        ink = ink.copy()
        ink[np.isin(labels, small)] = 0
    return ink


def _pt(box: tuple[int, int, int, int], scale: float) -> tuple[float, float, float, float]:
    x0, top, x1, bottom = box
    return x0 * scale, top * scale, x1 * scale, bottom * scale


def _pad(crop: Any) -> Any:
    import cv2  # heavy: only when a scan is read

    return cv2.copyMakeBorder(crop, 4, 4, 6, 6, cv2.BORDER_CONSTANT, value=255)


def _tighten(ink: Any, box: tuple[int, int, int, int]) -> tuple[int, int, int, int] | None:
    """The box shrunk to the ink inside it (the detector's boxes are padded), or None when it holds none."""
    import numpy as np  # heavy: only when a scan is read

    x0, top, x1, bottom = box
    sub = ink[top:bottom, x0:x1]
    if sub.size == 0:
        return None
    rows = np.flatnonzero(sub.sum(axis=1) >= 255 * 2)
    cols = np.flatnonzero(sub.sum(axis=0) > 0)
    if rows.size == 0 or cols.size == 0:
        return None
    return x0 + int(cols[0]), top + int(rows[0]), x0 + int(cols[-1]) + 1, top + int(rows[-1]) + 1


def _glyphs(lines: list[tuple[str, float, tuple[int, int, int, int]]], scale: float) -> Iterator[Glyph]:
    """Each line's characters spread over its ink (an ASCII character half as wide as a CJK one); the font
    size from the ink height, sizes close to each other made equal (:func:`_snap`)."""
    if not lines:
        return
    # ink height → size: a CJK glyph's ink is ~0.9 em, digits' and Latin capitals' ~0.72 em
    raw = [(b[3] - b[1]) * scale / (0.9 if any(not ch.isascii() for ch in t) else 0.72) for t, _c, b in lines]
    snapped = _snap(raw)
    for (text, conf, (x0, top, x1, bottom)), size in zip(lines, snapped):
        mid = (top + bottom) / 2 * scale
        weights = [0.5 if ch.isascii() else 1.0 for ch in text]
        unit = (x1 - x0) * scale / sum(weights)
        x = x0 * scale
        for ch, wt in zip(text, weights):
            nx = x + wt * unit
            if not ch.isspace():
                yield Glyph(ch, x, nx, mid - size / 2, mid + size / 2, size, conf)
            x = nx


def _snap(sizes: list[float]) -> list[float]:
    """Sizes within 15 % of each other (a chain of them) made equal to their group's median: one font size
    measured from the ink of different words (brackets reach higher and lower than Chinese characters)."""
    order = sorted(range(len(sizes)), key=lambda i: sizes[i])
    out = list(sizes)
    group: list[int] = []
    for i in order + [-1]:
        if group and (i < 0 or sizes[i] > sizes[group[-1]] * 1.15):
            vals = sorted(sizes[j] for j in group)
            for j in group:
                out[j] = vals[len(vals) // 2]
            group = []
        if i >= 0:
            group.append(i)
    return out


def deskew(gray: Any) -> Any:
    """The page rotated so that its lines of text run level (a scan is rarely straight)."""
    import cv2  # heavy: only when a scan is read
    import numpy as np

    h, w = gray.shape
    f = 600 / max(w, 1)
    small = cv2.resize(gray, (600, max(int(h * f), 1)), interpolation=cv2.INTER_AREA)
    ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)[1]
    sh, sw = ink.shape
    centre = (sw / 2, sh / 2)

    def sharpness(angle: float) -> float:
        m = cv2.getRotationMatrix2D(centre, angle, 1.0)
        rot = cv2.warpAffine(ink, m, (sw, sh), flags=cv2.INTER_NEAREST, borderValue=0)
        prof = rot.sum(axis=1, dtype=np.float64)
        return float(np.square(np.diff(prof)).sum())

    best = max(np.arange(-2.0, 2.01, 0.2), key=sharpness)
    best = max(np.arange(best - 0.2, best + 0.21, 0.05), key=sharpness)
    if abs(best) < 0.05:
        return gray
    m = cv2.getRotationMatrix2D((w / 2, h / 2), float(best), 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


RED = 40  # a pixel whose red exceeds its green and its blue by this much is a seal's (red ink), not text


def without_red(rgb: Any) -> Any:
    """Grey pixels of an RGB image (height × width × 3) in which red ink — the seal stamped over the 落款 —
    is light: a reddish pixel takes its red channel (the seal on paper ≈ 230, text under the seal stays
    darker), any other its luminance.  Black text reads as in a grey rendering."""
    import cv2  # heavy: only when a scan is read
    import numpy as np

    rgb = np.ascontiguousarray(rgb, dtype=np.uint8)
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    r = rgb[:, :, 0].astype(np.int16)
    red = (r - rgb[:, :, 1] > RED) & (r - rgb[:, :, 2] > RED)
    gray[red] = rgb[:, :, 0][red]
    return gray


def render_pdf(data: bytes, numbers: list[int], dpi: int = RENDER_DPI,
               regions: list[tuple[float, float, float, float]] | None = None) -> Iterator[tuple[int, Any, float]]:
    """The given pages of a PDF as grey images (pypdfium2, pdfplumber's own dependency), one at a time; with
    ``regions`` (boxes in points), the page blank outside them (its pictures: the text layer is read already)."""
    import pypdfium2 as pdfium  # heavy: only when a scan is read

    doc = pdfium.PdfDocument(data)
    try:
        for number in numbers:
            page = doc[number - 1]
            try:
                w, h = page.get_size()
                scale = dpi / 72
                if w * h * scale * scale > MAX_PIXELS:
                    scale = (MAX_PIXELS / max(w * h, 1)) ** 0.5
                bitmap = page.render(scale=scale, rev_byteorder=True)  # in colour: a red seal is not ink
                pixels = bitmap.to_numpy()
                gray = without_red(pixels[:, :, :3]) if pixels.ndim == 3 else pixels.copy()
                del pixels, bitmap
                if regions:
                    keep = gray.copy()
                    gray[:] = 255
                    for x0, top, x1, bottom in regions:
                        a, b = int(top * scale), int(bottom * scale) + 1
                        c, d = int(x0 * scale), int(x1 * scale) + 1
                        gray[a:b, c:d] = keep[a:b, c:d]
                yield number, gray, 1 / scale
            finally:
                page.close()
    finally:
        doc.close()
