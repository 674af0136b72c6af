"""annotate's Done-when (issue 11): the .docx rendering of examples/defective-2023.md and the real blank template
(../shared, skipped where absent) annotated — one comment per finding, read back with python-docx's comments API,
a tracked change for each safe fix, the original's bytes unchanged — and the copy converted to PDF by LibreOffice
headless without error (LibreOffice installed by the test where missing; skipped, saying why, where it cannot be)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from disclosure_lint.cli import app
from tests import render

from .annotate_xml import revisions
from .conftest import SHARED, shared_params

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "defective-2023.md"
runner = CliRunner()
TIMEOUT = 180
# PDF with the comments as PDF notes (LibreOffice ≥ 7.4 takes the filter's options as JSON)
EXPORT = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
NOTE = re.compile(rb"/Subtype\s*/Text\b")


def to_pdf(soffice: str, paths: list[Path], workdir: Path) -> list[Path]:
    """``paths`` converted by one LibreOffice headless run, with a fresh profile of its own; the PDFs, or the test
    fails."""
    outdir = workdir / "pdf"
    profile = workdir / "lo-profile"
    res = subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                          "--convert-to", EXPORT, "--outdir", str(outdir), *map(str, paths)],
                         capture_output=True, text=True, timeout=TIMEOUT)
    said = res.stdout + res.stderr
    assert res.returncode == 0, said
    assert "Error" not in said, said
    pdfs = [outdir / f"{p.stem}.pdf" for p in paths]
    for pdf in pdfs:
        assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000, said
    return pdfs


def _findings(path: Path) -> list[dict]:
    res = runner.invoke(app, ["check", "-f", "json", str(path)])
    return json.loads(res.stdout)["files"][0]["diagnostics"]


def _example_docx(tmp_path: Path) -> Path:
    return render.write(EXAMPLE.read_text(encoding="utf-8"), str(tmp_path / "defective-2023"), [".docx"])[".docx"]


def _template() -> list:
    return shared_params("corpus/docx/blank-template*.docx")


def _annotate(path: Path, out: Path) -> None:
    res = runner.invoke(app, ["annotate", str(path), "-o", str(out)])
    assert res.exit_code == 0, res.output


@pytest.mark.parametrize("source", [pytest.param(None, id="defective-2023.docx"), *_template()])
def test_annotated_copy(source: Path | None, tmp_path: Path) -> None:
    path = _example_docx(tmp_path) if source is None else source
    before = path.read_bytes()
    findings = _findings(path)
    out = tmp_path / "copy.审阅.docx"
    _annotate(path, out)
    assert path.read_bytes() == before  # the original's bytes unchanged
    comments = list(docx.Document(str(out)).comments)  # python-docx ≥ 1.2 comments API
    assert [c.text.splitlines()[0] for c in comments] == [f"[{d['code']}] {d['message']}" for d in findings]
    assert {c.author for c in comments} == {"disclosure-lint"}
    safe = [d for d in findings if d["fix"] and d["fix"]["applicability"] == "safe"]
    ins, dels = revisions(docx.Document(str(out)).element.body)
    assert len(dels) == len(safe)
    assert len(ins) == sum(1 for d in safe if any(e["replacement"] for e in d["fix"]["edits"]))
    if source is None:
        assert len(safe) == 7  # the example's four half-width marks, 落实落实, 2024.1.5 and 2024年03月15日
    after = {d["fingerprint"] for d in _findings(out)}  # the Word reader accepts the changes
    assert not after & {d["fingerprint"] for d in safe}


def test_copies_open_in_libreoffice(tmp_path: Path, soffice: str) -> None:
    """One LibreOffice run converts the annotated example and, where ../shared is there, the annotated template."""
    copies = []
    for source in [_example_docx(tmp_path), *sorted((SHARED / "corpus" / "docx").glob("blank-template*.docx"))]:
        out = tmp_path / f"{source.stem}.审阅.docx"
        _annotate(source, out)
        copies.append(out)
    for copy, pdf in zip(copies, to_pdf(soffice, copies, tmp_path)):
        # LibreOffice read it as a Word document with its comments (a file it cannot read as Word would be
        # imported as plain text, without error): one PDF note per comment
        assert len(NOTE.findall(pdf.read_bytes())) == len(list(docx.Document(str(copy)).comments))
    pdftotext = shutil.which("pdftotext")
    if pdftotext:  # the tracked changes are shown: the deleted "(" beside the inserted "（"
        shown = subprocess.run([pdftotext, str(tmp_path / "pdf" / f"{copies[0].stem}.pdf"), "-"],
                               capture_output=True, text=True, timeout=60).stdout
        assert "《中华人民共和国政府信息公开条例》(（" in shown and "江北市桐溪区农业农村局" in shown
