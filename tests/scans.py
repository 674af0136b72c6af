"""Image-only ("scanned") PDFs and page images made from a text PDF, for the OCR tests and bench/ocr.py.

Each page of the text PDF is rasterised with pypdfium2 at ``dpi``, turned by ``angle`` degrees (a scan is
rarely straight), sprinkled with ``noise`` (the fraction of pixels flipped to grey specks), and written as
one JPEG-free greyscale image per page into a new PDF with no text layer (Pillow), at the page's size.
"""

from __future__ import annotations

import io

import numpy as np


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
