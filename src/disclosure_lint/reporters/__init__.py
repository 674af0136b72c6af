"""Reporters format :class:`~disclosure_lint.api.RunResult` records; they never compute findings.

``REPORTERS`` maps an output format name to ``module:function``; each function takes
``(run, stream, **options)`` (``fail_on``, ``quiet``, ``statistics``; each takes what it needs).
:mod:`.emit` decides where the output and the human summary go.
"""

from __future__ import annotations

import importlib

REPORTERS: dict[str, str] = {
    "console": "console:render",
    "concise": "concise:render",
    "json": "json:render",
    "sarif": "sarif:render",
    "github": "github:render",
    "gitlab": "gitlab:render",
    "junit": "junit:render",
    "html": "html:render",
    "csv": "csv:render",
}


def get_reporter(name: str):
    module, func = REPORTERS[name].split(":")
    return getattr(importlib.import_module(f"{__name__}.{module}"), func)
