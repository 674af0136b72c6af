"""A report exported to PDF by an office suite, as clerks publish it: the example reports rendered to .docx and
converted by LibreOffice headless (installed by the test where missing; skipped, saying why, where it cannot be).

Two things such an export does that the generated PDFs do not:

* Word and LibreOffice let a table row break across pages: ``1.本`` with the row's numbers ends one page,
  ``机关不掌握相关政府信息`` opens the next; the reader joins the two into one row;
* LibreOffice writes each glyph its fonts lack (every Chinese character, on a machine without Chinese fonts) as one
  and the same glyph of a simple subset font, with the character as ``/ActualText`` (with Chinese fonts it embeds
  them, and wraps a title too long for one line onto a centred second line). The text is PDFium's (the
  ActualText, as a reader copying from the page gets it), not pdfminer's (one character repeated for the page).

Either way the PDF gives the findings of the Markdown it was made from: none for the clean example, the same
codes for the defective one."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from disclosure_lint.cli import app
from disclosure_lint.readers import read_path
from tests import render

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
runner = CliRunner()


@pytest.fixture(scope="module")
def exported(soffice: str, tmp_path_factory) -> dict[str, Path]:
    work = tmp_path_factory.mktemp("office-pdf")
    docs = []
    for name in ("clean-2023", "defective-2023"):
        md = (EXAMPLES / f"{name}.md").read_text(encoding="utf-8")
        docs.append(render.write(md, str(work / name), [".docx"])[".docx"])
    docs.append(_padded(docs[0], work / "clean-padded.docx"))
    res = subprocess.run([soffice, f"-env:UserInstallation={(work / 'lo-profile').as_uri()}", "--headless",
                          "--norestore", "--convert-to", "pdf", "--outdir", str(work / "pdf"), *map(str, docs)],
                         capture_output=True, text=True, timeout=180)
    out = {p.stem: work / "pdf" / f"{p.stem}.pdf" for p in docs}
    assert res.returncode == 0 and all(p.is_file() for p in out.values()), res.stdout + res.stderr
    return out


def _padded(docx: Path, out: Path) -> Path:
    """The report with each number cell written " 12\u3000" (a space before, a full-width space after, as clerks
    align numbers): LibreOffice writes an empty text object of an embedded font at the cell's start."""
    with zipfile.ZipFile(docx) as z:
        files = {n: z.read(n) for n in z.namelist()}
    xml = files["word/document.xml"].decode("utf-8")
    files["word/document.xml"] = re.sub(r"<w:t>(\d+)</w:t>", '<w:t xml:space="preserve"> \\1\u3000</w:t>',
                                        xml).encode("utf-8")
    with zipfile.ZipFile(out, "w") as z:
        for n, b in files.items():
            z.writestr(n, b)
    return out


def _codes(path: Path) -> Counter:
    res = runner.invoke(app, ["check", "-f", "json", "--no-cache", str(path)])
    return Counter(d["code"] for d in json.loads(res.stdout)["files"][0]["diagnostics"])


def test_the_text_is_the_characters_on_the_page(exported):
    doc = read_path(str(exported["clean-2023"]))
    first = doc.blocks[0].text
    assert "政府信息公开工作年度报告" in first
    assert len(set(first)) > 10  # not one character repeated


def test_the_clean_example_exported_by_libreoffice_has_no_finding(exported):
    assert _codes(exported["clean-2023"]) == Counter()


def test_the_defective_example_exported_by_libreoffice_gives_the_markdowns_findings(exported):
    assert _codes(exported["defective-2023"]) == _codes(EXAMPLES / "defective-2023.md")


def test_table_rows_cut_by_page_breaks_are_whole(exported):
    t3 = next(b.table for b in read_path(str(exported["defective-2023"])).blocks
              if b.kind == "table" and "勾稽关系" in b.text)
    labels = [r.texts[2] for r in t3.rows if r.texts[2]]
    assert "1.本机关不掌握相关政府信息" in labels
    assert not any(label.startswith(("机关", "不计", "已获取")) for label in labels)


def test_number_cells_padded_with_spaces_are_read_from_the_page(exported):
    """A text object holding only spaces gives PDFium no character; the page is PDFium's all the same (its fonts
    are embedded), not pdfminer's one glyph repeated (江江江 for the whole page → DL101, DL110)."""
    doc = read_path(str(exported["clean-padded"]))
    text = "".join(b.text for b in doc.blocks)
    assert "4862" in text and "行政许可" in text
    t3 = next(b.table for b in doc.blocks if b.kind == "table" and "本年新收" in b.text)
    assert any(r.texts[2] == "1.本机关不掌握相关政府信息" for r in t3.rows)
    assert _codes(exported["clean-padded"]) == Counter()


def test_pages_read_as_one_glyph_repeated_are_named_not_checked(exported, monkeypatch):
    """Where pdfminer must read LibreOffice's pages (it ignores /ActualText: one glyph repeated, 江江江…), the
    pages have no usable text: DL002 names them, instead of the parts and table rows they hold being missing."""
    from disclosure_lint.readers import pdf

    real = pdf.page_objects
    monkeypatch.setattr(pdf, "page_objects", lambda doc, index, *a, **k: None if index >= 1 else real(doc, index, *a, **k))
    res = runner.invoke(app, ["check", "-f", "json", "--no-cache", "--ocr", "never", str(exported["clean-2023"])])
    found = json.loads(res.stdout)["files"][0]["diagnostics"]
    if _one_glyph_pages(exported["clean-2023"]):
        assert [d["code"] for d in found] == ["DL002"]
        assert "第2–" in found[0]["message"] and "没有可提取的文字" in found[0]["message"]
    else:  # LibreOffice had Chinese fonts and embedded them: pdfminer reads the very characters, nothing to name
        assert found == []


def _one_glyph_pages(path: Path) -> bool:
    """Did LibreOffice write the Chinese characters as one glyph of a substitute font (a machine without Chinese
    fonts), so that pdfminer reads one character repeated on page 2?"""
    from pdfminer.high_level import extract_text

    text = "".join(ch for ch in extract_text(str(path), page_numbers=[1]) if "\u4e00" <= ch <= "\u9fff")
    return len(text) > 20 and len(set(text)) <= 3
