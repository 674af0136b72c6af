"""Shared test helpers: lint a string as a report with chosen rules and facts."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import textwrap
from pathlib import Path

import pytest

from disclosure_lint.config import Config
from disclosure_lint.engine import prepare, run
from disclosure_lint.packs import load_rules
from disclosure_lint.readers import html as html_reader
from disclosure_lint.readers import markdown as md_reader
from disclosure_lint.readers import text as text_reader
from disclosure_lint.report import Overrides, interpret

# Tests never write to the user's cache directory: the rule cache of every in-process and child run of this
# session goes to a temporary folder (tests of the cache itself set their own XDG_CACHE_HOME).
_CACHE_HOME = tempfile.mkdtemp(prefix="disclosure-lint-tests-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE_HOME
atexit.register(shutil.rmtree, _CACHE_HOME, True)

# the workplace's shared material (real reports), beside the project root; absent in a user's clone
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def parse(text: str, fmt: str = "markdown", path: str | None = None):
    text = textwrap.dedent(text)
    if fmt == "markdown":
        return md_reader.parse(text, path=path or "test.md")
    if fmt == "html":
        return html_reader.parse(text, path=path or "test.html")
    return text_reader.parse(text, path=path or "test.txt")


def lint(text: str, select: list[str] | None = None, fmt: str = "markdown", year: int | None = None,
         agency: str | None = None, agency_kind: str | None = None, config: Config | dict | None = None,
         format_version: str | None = None):
    """Run rules on ``text`` (dedented) and return the diagnostics."""
    if isinstance(config, dict):
        config = Config.model_validate(config)
    config = config or Config()
    if select is not None:
        config = config.model_copy(update={"select": select})
    active = prepare(load_rules(), config)
    doc = parse(text, fmt)
    ov = Overrides(year=year or config.year, agency=agency or config.agency.name,
                   agency_kind=agency_kind or config.agency.kind,
                   format_version=format_version or config.format_version)
    return run(interpret(doc, ov), active, config.limits)


def codes(diags) -> list[str]:
    return [d.code for d in diags]


@pytest.fixture
def lint_fn():
    return lint
