"""Honesty about text read by OCR: a finding that rests on a cell read with low confidence is not an error.

Called by the engine for every finding of a document with pages read by OCR (``Document.ocr_pages``).  The
cells a finding depends on are its own cell and every cell its evidence names (``pointer`` in the evidence's
``position`` and ``cells``: an identity names all its terms).  A finding about OCR'd text carries
``evidence.ocr = true`` and, when it depends on cells, ``evidence.confidence`` (the lowest of them); when one
of them was read below ``limits.ocr_min_confidence``, an *error* becomes a *warning*, its message names the
cells and adds ``（识别置信度较低，请核对原件）``, and ``evidence.low_confidence_cells`` lists them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .diagnostics import Diagnostic
from .kinds.base import Hit
from .model import Cell
from .report.stats.wording import cell_pointer

if TYPE_CHECKING:
    from .report import AnnualReport

LOW_CONFIDENCE = "（识别置信度较低，请核对原件）"


def review(report: AnnualReport, hit: Hit, diag: Diagnostic, threshold: float) -> Diagnostic:
    pages = report.document.ocr_pages
    cells = _cells(report, hit, diag.evidence)
    page = hit.block.locate(hit.start or 0).page if hit.block is not None and hit.cell is None else None
    if not any(c.confidence is not None for _p, c in cells) and page not in pages:
        return diag
    evidence = dict(diag.evidence)
    evidence["ocr"] = True
    read = [(p, c.confidence) for p, c in cells if c.confidence is not None]
    if read:
        evidence["confidence"] = round(min(v for _p, v in read), 3)
    low = [(p, v) for p, v in read if v < threshold]
    if not low:
        return replace(diag, evidence=evidence)
    evidence["low_confidence_cells"] = [{"pointer": p, "confidence": round(v, 3)} for p, v in low]
    names = "、".join(f"“{p}”" for p, _v in low[:3]) + (f"等{len(low)}格" if len(low) > 3 else "")
    return replace(diag, severity="warning" if diag.severity == "error" else diag.severity,
                   message=f"{diag.message}；其中{names}由文字识别读出{LOW_CONFIDENCE}", evidence=evidence)


def _cells(report: AnnualReport, hit: Hit, evidence: dict[str, Any]) -> list[tuple[str, Cell]]:
    """The cells the finding depends on, each with the pointer that names it."""
    out: list[tuple[str, Cell]] = []
    if hit.cell is not None:
        name = hit.pointer or hit.cell.pointer or hit.cell.text
        out.append((name[name.index(" › 表") + 3:] if " › 表" in name else name, hit.cell))
    named = set(_pointers(evidence))
    if named:
        for table in report.stats.values():
            for key, sc in table.cells.items():
                if sc.cell is None or sc.cell is hit.cell:
                    continue
                p = cell_pointer(table, key)
                if p in named or sc.pointer in named:
                    out.append((p, sc.cell))
    return out


def _pointers(value: Any, depth: int = 0) -> list[str]:
    if depth > 4:
        return []
    if isinstance(value, dict):
        found = [value["pointer"]] if isinstance(value.get("pointer"), str) else []
        for v in value.values():
            found.extend(_pointers(v, depth + 1))
        return found
    if isinstance(value, list):
        return [p for v in value[:200] for p in _pointers(v, depth + 1)]
    return []
