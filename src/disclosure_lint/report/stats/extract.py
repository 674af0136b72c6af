"""Statistics-table extraction: section blocks → :class:`StatTable` (to be implemented)."""

from __future__ import annotations

from .model import StatTable


def extract(report) -> dict[str, StatTable]:
    return {}
