"""Reporters format :class:`~disclosure_lint.api.RunResult` records; they never compute findings.

``REPORTERS`` maps an output format name to ``module:function``; each function takes
``(run, stream, **options)``.  New formats (SARIF, GitHub, GitLab, JUnit, HTML) slot in here.
"""

from __future__ import annotations

import importlib

REPORTERS: dict[str, str] = {
    "console": "console:render",
    "json": "json:render",
}


def get_reporter(name: str):
    module, func = REPORTERS[name].split(":")
    return getattr(importlib.import_module(f"{__name__}.{module}"), func)
