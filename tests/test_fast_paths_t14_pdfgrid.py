"""The fast path of round 14 in the PDF reader's tables drawn without rules (readers/pdf_layout.py), against what it
skips: ``find`` looks at a page's lines only when one of them has a digit half an em or more after the character
before it (``_hint``: a row of figures cannot be without one); without that look every page's lines are cut into
pieces and searched, and the tables found must be the same."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest.importorskip("reportlab")
pytest.importorskip("pdfplumber")

from disclosure_lint.readers import pdf_layout, read_path

from . import render
from .benchgen import generated


@dataclass
class Ch:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


def _shape(tables: list[pdf_layout.Laid], groups: list[list]) -> list:
    """The tables with their characters as positions in ``groups`` (ids differ between runs only by object)."""
    at = {id(c): (i, j) for i, g in enumerate(groups) for j, c in enumerate(g)}
    return [(t.bbox, t.xs, t.ys, t.cells, t.label_cols, sorted((at[k], v) for k, v in t.owner.items()),
             sorted(at[k] for k in t.chars)) for t in tables]


def _both(groups: list[list]) -> tuple[list, list, list, list]:
    fast_unsure: list = []
    fast = pdf_layout.find(groups, fast_unsure)
    saved = pdf_layout._hint
    pdf_layout._hint = lambda group: True  # type: ignore[assignment]
    try:
        plain_unsure: list = []
        plain = pdf_layout.find(groups, plain_unsure)
    finally:
        pdf_layout._hint = saved
    return _shape(fast, groups), _shape(plain, groups), fast_unsure, plain_unsure


def _pages(path: Path) -> list[list[list]]:
    """The lines of each page of a PDF as the reader hands them to ``find``."""
    seen: list[list[list]] = []
    saved = pdf_layout.find

    def keep(groups, unsure=None):
        seen.append([list(g) for g in groups])
        return saved(groups, unsure)

    pdf_layout.find = keep  # type: ignore[assignment]
    try:
        read_path(str(path))
    finally:
        pdf_layout.find = saved
    return seen


def test_hint_skips_only_pages_without_tables(tmp_path):
    """Every page of the examples and of generated reports, rendered ruled and without rules (tables, paragraphs,
    headings, the 落款 with its date): the same tables and the same unsure regions with the look and without."""
    reports = [("clean", (Path(__file__).parents[1] / "examples" / "clean-2023.md").read_text(encoding="utf-8"))]
    reports += list(generated(6))
    pages = 0
    for k, (_, md) in enumerate(reports):
        for rules in (True, False):
            path = tmp_path / f"{k}-{rules}.pdf"
            path.write_bytes(render.to_pdf(md, rules=rules))
            for groups in _pages(path):
                fast, plain, fu, pu = _both(groups)
                assert fast == plain and fu == pu
                pages += 1
    assert pages > 50


def test_hint_on_random_lines():
    """Random lines of digits, CJK and Latin characters at random gaps (half an em around the threshold), some in
    columns under a header: the same tables and unsure regions with the look and without."""
    rnd = random.Random(14)
    alphabet = "0123456789一二三计数件,.%-ab "
    for _ in range(1500):
        groups = []
        y = 50.0
        size = rnd.choice([9.0, 10.5, 12.0])
        for _ in range(rnd.randint(1, 8)):
            x = 80.0
            line = []
            for _ in range(rnd.randint(1, 12)):
                t = rnd.choice(alphabet).strip() or "0"
                w = size * (0.5 if t.isascii() else 1.0)
                line.append(Ch(t, x, x + w, y, y + size, size))
                x += w + rnd.choice([0.0, 0.0, 0.2, 0.45, 0.5, 0.55, 1.0, 3.0]) * size
            groups.append(line)
            y += size * rnd.choice([1.1, 1.2, 1.6, 2.0, 4.0])
        fast, plain, fu, pu = _both(groups)
        assert fast == plain and fu == pu
