"""The domain layer: any :class:`Document` → the same :class:`AnnualReport` (:mod:`.annual`).

The package front: :func:`interpret` builds the report; :class:`AnnualReport`, :class:`Overrides` and
:class:`Section` are re-exported from their modules (:mod:`.annual`, :mod:`.sections`).
"""

from __future__ import annotations

from dataclasses import replace

from ..limits import DEFAULT_LIMITS, Limits
from ..model import Document
from ..readers.lines import block_limit_notice
from .annual import AnnualReport, Overrides
from .sections import TEXT_KINDS, Section

__all__ = ["TEXT_KINDS", "AnnualReport", "Overrides", "Section", "interpret"]


def interpret(document: Document, overrides: Overrides | None = None, limits: Limits = DEFAULT_LIMITS) -> AnnualReport:
    """The report in ``document``: at most ``limits.max_blocks`` of its blocks are analysed (the Markdown and text
    readers stop there themselves; for the other formats the rest is cut here and said once, DL002)."""
    return AnnualReport(_within_limits(document, limits), overrides)


def _within_limits(doc: Document, limits: Limits) -> Document:
    if len(doc.blocks) <= limits.max_blocks:
        return doc
    nxt = doc.blocks[limits.max_blocks]
    notices = (*doc.notices, block_limit_notice(limits.max_blocks, nxt.line, pointer=nxt.pointer))
    return replace(doc, blocks=doc.blocks[:limits.max_blocks], notices=notices)
