"""The XML parts of a Word file together are bounded (``limits.max_docx_xml_mb``) before python-docx opens it:
python-docx parses every XML part it knows (styles, numbering, comments, settings, headers, footers) and lxml's tree
takes about 13 times the XML, so a 30 MB .docx of four parts each just under the per-part bound took 2.7 GB.  The
sizes are read from the zip's directory, nothing is inflated; over the bound the file is one Chinese line (exit 2)
and the other files are still checked."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from disclosure_lint.cli import app
from disclosure_lint.errors import InputError
from disclosure_lint.limits import Limits
from disclosure_lint.readers import docx as docx_reader
from disclosure_lint.readers.docx_package import check_package

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
runner = CliRunner()


def _report_docx() -> bytes:
    """A small real-shaped Word report of our own (title, a part, a paragraph)."""
    d = docx.Document()
    d.add_paragraph("某某县人民政府2023年政府信息公开工作年度报告")
    d.add_paragraph("一、总体情况")
    d.add_paragraph("2023年，我县坚持以公开为常态、不公开为例外，全面推进政府信息公开工作。")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _padded(size: int, parts: tuple[str, ...] = ("word/styles.xml", "word/numbering.xml", "word/comments.xml",
                                                  "word/settings.xml"),
            compression: int = zipfile.ZIP_DEFLATED, extra: dict[str, bytes] | None = None) -> bytes:
    """The report with each of ``parts`` replaced (or added) by a well-formed part of about ``size`` bytes of
    incompressible XML (random ids: the zip-bomb ratio does not refuse it), ``extra`` members added."""
    src = zipfile.ZipFile(io.BytesIO(_report_docx()))
    roots = {"word/styles.xml": "styles", "word/numbering.xml": "numbering", "word/comments.xml": "comments",
             "word/settings.xml": "settings"}

    def big(name: str) -> bytes:
        head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{roots[name]} {W}>'.encode()
        tail = f"</w:{roots[name]}>".encode()
        n = max(0, size - len(head) - len(tail)) // 34  # <w:rsid w:val="…16 hex digits…"/>: 34 bytes
        if compression == zipfile.ZIP_STORED:  # (not compressed: no need for random ids)
            return head + b'<w:rsid w:val="00A1B2C300A1B2C3"/>' * n + tail
        return head + b"".join(b'<w:rsid w:val="%s"/>' % os.urandom(8).hex().encode() for _ in range(n)) + tail

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as out:
        for info in src.infolist():
            if info.filename not in parts:
                out.writestr(info.filename, src.read(info.filename))
        for name in parts:
            out.writestr(name, big(name))
        for name, data in (extra or {}).items():
            out.writestr(name, data)
    return buf.getvalue()


def test_default_bound_refuses_parts_that_together_are_too_large():
    """Four XML parts of 16.5 MB (each far below the per-part bound of 56 MB), 66 MB together: refused from the
    zip's directory (stored, so that the test builds it fast; a real one is deflated, which changes nothing here)."""
    data = _padded(int(16.5 * 1024 * 1024), compression=zipfile.ZIP_STORED)
    assert Limits().max_docx_xml_mb == 64
    with pytest.raises(InputError) as exc:
        check_package(data)
    msg = str(exc.value)
    assert "\n" not in msg and "limits.max_docx_xml_mb" in msg and "64 MB" in msg
    assert "XML 部分解压后合计 66." in msg and "word/settings.xml 16.5 MB" in msg  # (the largest three named)


def test_over_the_configured_bound_one_line_and_the_other_files_checked(tmp_path):
    (tmp_path / "big.docx").write_bytes(_padded(400 * 1024))  # 1.6 MB of XML in four parts
    (tmp_path / "report.md").write_text((EXAMPLES / "defective-2023.md").read_text(encoding="utf-8"), encoding="utf-8")
    cfg = tmp_path / "limits.yaml"
    cfg.write_text("limits:\n  max_docx_xml_mb: 1\n", encoding="utf-8")
    res = runner.invoke(app, ["check", "-f", "concise", "--no-cache", "--config", str(cfg),
                              str(tmp_path / "big.docx"), str(tmp_path / "report.md")])
    assert res.exit_code == 2, res.output
    (line,) = [x for x in res.stderr.splitlines() if "big.docx" in x]
    assert "超过 1 MB 的上限（limits.max_docx_xml_mb）" in line and "已拒绝读取" in line and "Traceback" not in res.output
    assert "report.md:" in res.stdout  # the other file is checked: its findings are listed


def test_within_the_bound_read_as_before():
    """Guard: under the bound the file reads as it did (the same blocks); pictures and other binary members do not
    count towards the XML's bound."""
    plain = docx_reader.read("r.docx", _report_docx())
    padded = _padded(300 * 1024, extra={"word/media/image9.png": os.urandom(3 * 1024 * 1024)})  # 1.7 MB of XML
    within = docx_reader.read("r.docx", padded, Limits(max_docx_xml_mb=2))
    assert [b.text for b in within.blocks] == [b.text for b in plain.blocks]
    assert [b.text for b in plain.blocks][:2] == ["某某县人民政府2023年政府信息公开工作年度报告", "一、总体情况"]
    with pytest.raises(InputError, match="max_docx_xml_mb"):
        docx_reader.read("r.docx", padded, Limits(max_docx_xml_mb=1))
