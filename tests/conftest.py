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
from disclosure_lint.readers import read_document
from disclosure_lint.readers import text as text_reader
from disclosure_lint.report import Overrides, interpret

from .apt import apt_install
from .shared_path import NO_SHARED, SHARED  # (the tests import them from here)

# Tests never write to the user's cache directory: the rule cache of every in-process and child run of this
# session goes to a temporary folder (tests of the cache itself set their own XDG_CACHE_HOME).
_CACHE_HOME = tempfile.mkdtemp(prefix="disclosure-lint-tests-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE_HOME
atexit.register(shutil.rmtree, _CACHE_HOME, True)
# Every run of the tests is checked in its own process (the pool of --jobs would not see a test's monkeypatching)
# and without the result cache (.disclosure-lint-cache in the current directory); the tests of the pool and of
# the cache ask for them.  DISCLOSURE_LINT_NO_CACHE also turns off the rule cache: loading the rules without it
# costs no measurable time (both ≈0.45 s per process).
os.environ["DISCLOSURE_LINT_JOBS"] = "1"
os.environ["DISCLOSURE_LINT_NO_CACHE"] = "1"
# Console output wraps at the terminal's width (80 when it is not a terminal): a wide one, so that no test's
# text is cut by a long temporary path (pytest-xdist's workers add a folder to it; a user's TMPDIR may be long).
os.environ["COLUMNS"] = "200"


# Words that touch the five topics the 2021 format names for part 一 (DL120), with no figure a table could contradict:
# a test report whose overview is one sentence on something else adds them to stay a complete report
OVERVIEW_TOPICS = "按时主动公开政府信息，依法办理政府信息公开申请，严格落实信息发布保密审查，维护政府网站公开专栏，将政务公开纳入年度考核。"


def shared_params(*globs: str) -> list:
    """``pytest.param`` for each file of ``SHARED`` matching the globs (ids: the file names), or one skipped
    param saying why when there is none — so a corpus test is reported as skipped, never silently absent."""
    files = [p for g in globs for p in sorted(SHARED.glob(g))]
    if not files:
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{NO_SHARED}: no {', '.join(globs)}"))]
    return [pytest.param(p, id=p.name) for p in files]


def parse(text: str, fmt: str = "markdown", path: str | None = None):
    text = textwrap.dedent(text)
    if fmt == "markdown":
        return md_reader.parse(text, path=path or "test.md")
    if fmt == "html":
        return html_reader.parse(text, path=path or "test.html")
    return text_reader.parse(text, path=path or "test.txt")


def lint(text: str, select: list[str] | None = None, fmt: str = "markdown", year: int | None = None,
         agency: str | None = None, agency_kind: str | None = None, config: Config | dict | None = None,
         format_version: str | None = None, file: str | None = None):
    """Run rules on ``text`` (dedented) and return the diagnostics; ``file``: read from its UTF-8 bytes as a file of
    that name (the rules about the file, DL004)."""
    if isinstance(config, dict):
        config = Config.model_validate(config)
    config = config or Config()
    if select is not None:
        config = config.model_copy(update={"select": select})
    active = prepare(load_rules(), config)
    doc = read_document(file, textwrap.dedent(text).encode("utf-8")) if file else parse(text, fmt)
    ov = Overrides(year=year or config.year, agency=agency or config.agency.name,
                   agency_kind=agency_kind or config.agency.kind,
                   format_version=format_version or config.format_version)
    return run(interpret(doc, ov), active, config.limits)


def codes(diags) -> list[str]:
    return [d.code for d in diags]


def check_gbk_page(tmp_path: Path, paragraphs: list[str], select: str) -> tuple[int, str]:
    """``check -f concise --select`` on a web page saved in GBK (declared so), titled as a town's 2023 report, with
    ``paragraphs`` after part 一's title: (exit code, output)."""
    from typer.testing import CliRunner

    from disclosure_lint.cli import app

    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = ("<html><head><meta charset=\"gbk\"><title>年报</title></head><body>"
            f"<h1>某某镇2023年政府信息公开工作年度报告</h1><p>一、总体情况</p>{body}</body></html>")
    path = tmp_path / "report.html"
    path.write_bytes(page.encode("gbk"))
    res = CliRunner().invoke(app, ["check", "--isolated", "--select", select, "-f", "concise", str(path)])
    return res.exit_code, res.output


def pytest_configure(config: pytest.Config) -> None:
    """Before any test runs (in the one process, or in xdist's controller before it starts its workers): Noto CJK
    installed where the OCR extra is and the font is not (:func:`.scans._install_noto_cjk`).  PDFium lists the
    machine's fonts once per process: installed by the first OCR test that needs it, the font came too late for that
    test's process, and the OCR tests skipped on the first run of a new machine (2026-12-08's CI)."""
    if hasattr(config, "workerinput"):
        return
    from disclosure_lint.readers import ocr

    if ocr.available():
        from .scans import _install_noto_cjk

        _install_noto_cjk()


@pytest.fixture
def lint_fn():
    return lint


def first_fast(values) -> list:
    """A parametrized test's variants with the first in the default run and the others under ``-m slow`` — for
    tests where each variant starts the CLI in a subprocess (about a second each): the default run keeps one.
    A tuple is the values of several argument names, as in ``parametrize``."""
    out = []
    for i, v in enumerate(values):
        p = v if isinstance(v, type(pytest.param(None))) else pytest.param(*v) if isinstance(v, tuple) else pytest.param(v)
        out.append(p if i == 0 else pytest.param(*p.values, marks=[*p.marks, pytest.mark.slow], id=p.id))
    return out


def installed(commands: tuple[str, ...], package: str, what: str) -> str:
    """The first of ``commands`` on the PATH, installed with ``apt-get install -y package`` where none is; the test
    is skipped, saying why, where it cannot be had (``what``: the program's name in the message)."""
    def find() -> str | None:
        return next((p for p in map(shutil.which, commands) if p), None)

    found = find()
    if found is None:
        apt_install(package)
        found = find()
    if found is None:
        pytest.skip(f"{what}未安装，且 apt-get install -y {package} 未能安装（无 apt、无权限或无网络）")
    return found


@pytest.fixture(scope="session")
def soffice() -> str:
    """LibreOffice's ``soffice`` (see :func:`installed`)."""
    return installed(("soffice", "libreoffice"), "libreoffice-writer-nogui", "LibreOffice（soffice）")
