"""Where the workplace's shared material (real reports) is: ``../shared`` beside the repository root, absent in a
user's clone — every test that reads it skips then, saying why (``-rs`` in addopts shows the reason in the summary),
and ``bench/run.py`` leaves out its figures for the published PDFs.  ``DISCLOSURE_LINT_TEST_SHARED`` points elsewhere
(a path that does not exist shows what a user's clone skips).  A module of its own, with no side effects, so that the
benchmark can import it (conftest sets the tests' environment when imported)."""

from __future__ import annotations

import os
from pathlib import Path

SHARED = Path(os.environ.get("DISCLOSURE_LINT_TEST_SHARED")
              or Path(__file__).resolve().parent.parent.parent / "shared")
NO_SHARED = "../shared (the real reports beside the repository) is not available"
