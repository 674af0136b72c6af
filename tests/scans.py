"""Image-only ("scanned") PDFs and page images made from a text PDF, for the OCR tests and bench/ocr.py.

Each page of the text PDF is rasterised with pypdfium2 at ``dpi``, turned by ``angle`` degrees (a scan is
rarely straight), sprinkled with ``noise`` (the fraction of pixels flipped to grey specks), and written as
one JPEG-free greyscale image per page into a new PDF with no text layer (Pillow), at the page's size.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from functools import cache

import numpy as np

from .apt import apt_install

# The tests' expected OCR readings were set on scans drawn with Noto CJK (Debian's fonts-noto-cjk).
CJK_FONT_HINT = "apt-get install fonts-noto-cjk"


@cache
def generated_scans_unlike_expected() -> str | None:
    """Why scans of the tests' generated PDFs would not look as the OCR tests expect, or None.

    tests/render.py writes Chinese in reportlab's STSong-Light, which is not embedded: PDFium draws it with a
    CJK font of the machine's. With none, the scanned pages carry no Chinese at all; with another family
    (WenQuanYi, AR PL UMing) the recogniser misreads a few strokes that it reads right in Noto CJK.  Where Noto CJK
    is not installed, it is installed first where ``apt-get`` can (:func:`_install_noto_cjk`), before PDFium maps a
    font (it lists the machine's fonts once per process)."""
    _install_noto_cjk()
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("STSong-Light", 24)
    c.drawString(72, 760, "政府信息公开工作年度报告")
    c.showPage()
    c.save()
    page = np.array(raster_pages(buf.getvalue(), dpi=72)[0])
    if int((page < 128).sum()) < 200:
        return f"this machine has no CJK font: PDFium draws nothing for STSong-Light ({CJK_FONT_HINT})"
    if _noto_cjk_installed() is False:
        return f"PDFium draws STSong-Light with a CJK font other than Noto CJK ({CJK_FONT_HINT})"
    return None


def _noto_cjk_installed() -> bool | None:
    """Whether fontconfig lists a Noto CJK family for Chinese (None: no ``fc-list`` to ask)."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return None
    try:
        families = subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    return "Noto" in families


def _install_noto_cjk() -> None:
    """``apt-get install -y fonts-noto-cjk`` where fontconfig lists no Noto CJK family (:func:`.apt.apt_install`, as
    :func:`.conftest.installed` installs LibreOffice); the tests skip, saying why, where that fails."""
    if _noto_cjk_installed() is False:
        apt_install("fonts-noto-cjk")


def raster_pages(pdf: bytes, dpi: int = 150, angle: float = 0.0, noise: float = 0.0, seed: int = 1) -> list:
    """The pages of ``pdf`` as scanned greyscale PIL images."""
    import pypdfium2 as pdfium
    from PIL import Image

    rng = np.random.default_rng(seed)
    doc = pdfium.PdfDocument(pdf)
    out = []
    try:
        for i in range(len(doc)):
            page = doc[i]
            img = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            page.close()
            if angle:
                img = img.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255, expand=False)
            if noise:
                arr = np.array(img)
                mask = rng.random(arr.shape) < noise
                arr[mask] = rng.integers(0, 180, int(mask.sum()), dtype=np.uint8)
                img = Image.fromarray(arr)
            img.info["dpi"] = (dpi, dpi)
            out.append(img)
    finally:
        doc.close()
    return out


def image_pdf(pages: list, dpi: int) -> bytes:
    """A PDF whose pages are only these images (no text layer), each page the image's size at ``dpi``."""
    buf = io.BytesIO()
    pages[0].save(buf, format="PDF", save_all=True, append_images=pages[1:], resolution=float(dpi))
    return buf.getvalue()


def scan(pdf: bytes, dpi: int = 150, angle: float = 0.0, noise: float = 0.0, seed: int = 1) -> bytes:
    """``pdf`` as an image-only PDF (see the module docstring)."""
    return image_pdf(raster_pages(pdf, dpi, angle, noise, seed), dpi)


def sealed(page, cx: int, cy: int, name: str, r: int = 180):
    """``page`` (a greyscale PIL image) in colour with a red seal centred at (cx, cy) in pixels — a ring, a star
    and ``name`` round the top, two-thirds opaque as printed ink: the 落款 of a scanned report stamped over."""
    import math

    import pypdfium2 as pdfium
    from PIL import Image
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    w, h = page.size
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(w, h))
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c.setFillColorRGB(0.84, 0.12, 0.14, alpha=0.67)
    c.setStrokeColorRGB(0.84, 0.12, 0.14, alpha=0.67)
    y = h - cy
    c.setLineWidth(r / 18)
    c.circle(cx, y, r, stroke=1, fill=0)
    star = c.beginPath()
    pts = [(cx + (0.3 if k % 2 == 0 else 0.12) * r * math.cos(math.pi / 2 + k * math.pi / 5),
            y + (0.3 if k % 2 == 0 else 0.12) * r * math.sin(math.pi / 2 + k * math.pi / 5)) for k in range(10)]
    star.moveTo(*pts[0])
    for q in pts[1:]:
        star.lineTo(*q)
    star.close()
    c.drawPath(star, stroke=0, fill=1)
    c.setFont("STSong-Light", r * 0.22)
    for k, ch in enumerate(name):
        ang = math.radians(210 - 240 * k / max(len(name) - 1, 1))
        c.saveState()
        c.translate(cx + 0.75 * r * math.cos(ang), y + 0.75 * r * math.sin(ang))
        c.rotate(math.degrees(ang) - 90)
        c.drawCentredString(0, -r * 0.08, ch)
        c.restoreState()
    c.save()
    doc = pdfium.PdfDocument(buf.getvalue())
    try:
        ink = doc[0].render(scale=1, fill_color=(0, 0, 0, 0)).to_pil().convert("RGBA")
    finally:
        doc.close()
    out = Image.alpha_composite(page.convert("RGBA"), ink).convert("RGB")
    out.info["dpi"] = page.info.get("dpi")
    return out
