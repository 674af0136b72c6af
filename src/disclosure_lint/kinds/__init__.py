"""Registry of check kinds: ``name → Kind subclass``.

Each module below registers its kinds with :func:`register`.  The modules are
imported on first use of :func:`get_kind` / :func:`all_kinds`.
"""

from __future__ import annotations

import importlib

from .base import Hit, Kind, KindOptions

_MODULES = (
    "structure",
    "overview_topics",
    "self_reference",
    "other_body",
    "wider_area",
    "dates",
    "year_checks",
    "signature",
    "report_name",
    "site_address",
    "old_parts",
    "content_safety",
    "injected_phrases",
    "duplication",
    "typography",
    "lookalikes",
    "writing",
    "terminology",
    "titles",
    "generic",
    "substitution",
    "tables",
    "table_unreadable",
    "statistics",
    "proactive_table",
    "text_vs_table",
    "prose_sums",
    "text_vs_proactive",
    "input",
    "cross",
)

_REGISTRY: dict[str, type[Kind]] = {}
_loaded = False


def register(cls: type[Kind]) -> type[Kind]:
    if cls.name in _REGISTRY and _REGISTRY[cls.name] is not cls:
        raise RuntimeError(f"kind {cls.name!r} registered twice")
    _REGISTRY[cls.name] = cls
    return cls


def _load() -> None:
    global _loaded
    if _loaded:
        return
    for mod in _MODULES:
        importlib.import_module(f"{__name__}.{mod}")
    _loaded = True


def get_kind(name: str) -> type[Kind] | None:
    _load()
    return _REGISTRY.get(name)


def all_kinds() -> dict[str, type[Kind]]:
    _load()
    return dict(_REGISTRY)


__all__ = ["Hit", "Kind", "KindOptions", "all_kinds", "get_kind", "register"]
