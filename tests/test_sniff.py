"""A file is read as what its bytes are, whatever its name (``readers.sniff``, ``readers.reader_of``, DL004)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from disclosure_lint.api import Checker
from disclosure_lint.cli import app
from disclosure_lint.errors import InputError, UnsupportedType
from disclosure_lint.readers import read_document, read_path, reader_of
from disclosure_lint.readers.sniff import HEAD_BYTES, OLE2, sniff

from .render import to_docx, to_html, to_pdf, to_text

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
REPORT = (ROOT / "examples" / "defective-2023.md").read_text(encoding="utf-8")
runner = CliRunner()

WORD_XML = b'<?xml version="1.0"?>\n<?mso-application progid="Word.Document"?>\n<w:wordDocument>'
PAGE = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>报告</title></head>\n"
        "<body><p>某某县人民政府2023年政府信息公开工作年度报告</p></body></html>\n")


@pytest.mark.parametrize(("data", "content"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "pdf"),
    (b"\r\n\r\n" + b"x" * 500 + b"%PDF-1.4\n", "pdf"),  # a header after junk, within the first KiB
    (b"PK\x03\x04" + b"\0" * 40, "zip"),
    (OLE2 + b"\0" * 40, "ole"),
    (b"\xef\xbb\xbf{\\rtf1\\ansi\\ansicpg936 hello}", "rtf"),
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart\"\r\n", "mhtml"),
    (b'<?xml version="1.0"?>\n<?mso-application progid="Word.Document"?>\n<w:wordDocument>', "word-xml"),
    (PAGE.encode(), "html"),
    (b"\xef\xbb\xbf  <html lang=\"zh\"><body>x</body></html>", "html"),
    (b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN">\n<html>', "html"),
    (b"<!-- saved from url=(0052)http://www.example.gov.cn/ -->\r\n<html>\r\n<head>", "html"),
    (b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\n<p>x</p>", "html"),
    ("<html><body>报告</body></html>".encode("utf-16"), "html"),  # with its byte order mark
    ("<HTML><HEAD><TITLE>报告</TITLE></HEAD>".encode("gbk"), "html"),
    # Word's "save as web page": a <w:WordDocument> in a conditional comment, a page all the same
    (b'<html xmlns:w="urn:schemas-microsoft-com:office:word">\n<head>\n<!--[if gte mso 9]><xml>\n'
     b"<w:WordDocument><w:View>Print</w:View></w:WordDocument>\n</xml><![endif]-->", "html"),
])
def test_what_the_first_bytes_are(data, content):
    assert sniff(data) == content


@pytest.mark.parametrize("data", [
    "某某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n".encode(),
    "某某县人民政府2023年政府信息公开工作年度报告".encode("gbk"),
    b"<2023> annual report",  # a text starting with "<" that is no page
    b"<table><tr><td>1</td></tr></table>",  # a fragment: not a page (read as text, as before)
    b"<!-- a comment that never ends",
    b"<!-- c -->" * 100 + b"<html>",  # more comments than are looked through
    b"",
    b"PK",  # too short to be a zip
    b"%PD",
])
def test_text_is_nothing_else(data):
    assert sniff(data) is None


@pytest.mark.parametrize(("name", "data", "module", "notice"), [
    ("a.html", PAGE.encode(), "html", None),
    ("a.jsp", PAGE.encode(), "html", None),  # a server page's own extension: unknown, read by content, no finding
    ("download", PAGE.encode(), "html", None),
    ("a.pdf", PAGE.encode(), "html", "html"),
    ("a.docx", PAGE.encode(), "html", "html"),
    ("a.doc", PAGE.encode(), "html", "html"),
    ("a.txt", PAGE.encode(), "html", "html"),
    ("a.md", PAGE.encode(), "markdown", None),  # Markdown may hold HTML: never read as a page
    ("a.txt", b"%PDF-1.7\n", "pdf", "pdf"),
    ("a.html", b"%PDF-1.7\n", "pdf", "pdf"),
    ("download.do", b"%PDF-1.7\n", "pdf", None),
    ("a.doc", b"PK\x03\x04", "docx", "zip"),
    ("a.docx", OLE2, "doc", "ole"),  # a .doc renamed: read as one, and said
    ("a.doc", OLE2, "doc", None),
    ("a.wps", OLE2, "doc", None),  # WPS writes .wps in Word 97–2003's format
    ("a.txt", "报告".encode(), "text", None),
    # under another name than .pdf, a PDF starts as one: a text or page that quotes the header is what it says
    ("a.txt", "说明：文件头为 %PDF-1.7 的文件".encode(), "text", None),
    ("a.md", b"# notes\n\n`%PDF-1.4`\n", "markdown", None),
    ("a.html", PAGE.encode() + b"<p>%PDF-1.7</p>", "html", None),
    ("download", b"\xef\xbb\xbf\r\n%PDF-1.7\n", "pdf", None),
    ("a.txt", b"\r\n%PDF-1.7\n", "pdf", "pdf"),
    ("a.pdf", b"junk before\r\n%PDF-1.7\n", "pdf", None),  # named .pdf: the header anywhere in the first KiB
])
def test_the_reader_of_a_name_and_its_bytes(name, data, module, notice):
    assert reader_of(name, data) == (module, notice)


@pytest.mark.parametrize(("name", "data", "says"), [
    ("a.xls", OLE2 + b"\0" * 40, "Excel"),
    ("a.xlsx", b"PK\x03\x04", "Excel"),  # a spreadsheet package is not given to the Word reader
    ("a.doc", WORD_XML, "这是 Word 2003 XML 文档，只是扩展名为 .doc"),
    ("a.txt", WORD_XML, "这是 Word 2003 XML 文档，只是扩展名为 .txt"),
    ("a.doc", "一份纯文本".encode(), "文件扩展名为 .doc，内容却不是 Word 文档"),
])
def test_types_not_read_are_said_in_one_line(name, data, says):
    with pytest.raises(UnsupportedType) as exc:
        read_document(name, data)
    assert says in str(exc.value) and "\n" not in str(exc.value)


def test_an_ofd_is_read_and_a_broken_one_is_one_line():
    """An OFD (a zip holding OFD.xml) is read as OFD whatever its name (DL004 under a .pdf name); a broken zip named
    .ofd is the OFD reader's one line, not a Word document's."""
    data = (FIXTURES / "ofd" / "clean-2023-runs.ofd").read_bytes()
    assert reader_of("a.ofd", data) == ("ofd", None)
    assert reader_of("a.pdf", data) == ("ofd", "ofd")
    assert reader_of("a.ofd", data[:HEAD_BYTES]) == ("ofd", None)  # the first entry is OFD.xml
    with pytest.raises(InputError) as exc:
        read_document("a.ofd", b"PK\x03\x04")
    assert "OFD" in str(exc.value) and "Word" not in str(exc.value) and "\n" not in str(exc.value)


def test_a_docx_that_is_an_old_word_file_is_read_as_one():
    """A Word 97–2003 file renamed .docx is read as what it is (DL004 says so); a damaged or encrypted one is one
    line saying which."""
    result = Checker(isolated=True).check_file(str(_renamed(FIXTURES / "doc" / "clean-2023.doc", "a.docx")))
    assert result.error is None and [d.code for d in result.diagnostics] == ["DL004"]
    with pytest.raises(InputError, match=r"文件扩展名为 \.docx，Word 97–2003 文档（\.doc）的内部结构损坏"):
        read_document("a.docx", OLE2 + b"\0" * 600)
    with pytest.raises(InputError, match="加密"):  # encrypted: not a type the tool does not read
        read_document("a.docx", OLE2 + b"\0" * 100 + "EncryptedPackage".encode("utf-16-le"))


def _renamed(path: Path, name: str) -> Path:
    import tempfile

    target = Path(tempfile.mkdtemp()) / name
    target.write_bytes(path.read_bytes())
    return target


def _findings(path: Path) -> tuple[Counter, list]:
    result = Checker(isolated=True).check_file(str(path))
    assert result.error is None, result.error
    codes = Counter(d.code for d in result.diagnostics if d.code != "DL004")
    return codes, [d for d in result.diagnostics if d.code == "DL004"]


@pytest.mark.parametrize(("render", "right", "wrong", "content"), [
    (lambda md: to_html(md).encode("utf-8"), "report.html", "report.pdf", "网页（HTML）"),
    (lambda md: to_html(md).encode("utf-8"), "report.html", "report.txt", "网页（HTML）"),
    (lambda md: to_html(md).encode("utf-8"), "report.html", "report.doc", "网页（HTML）"),
    (lambda md: to_html(md).encode("gbk", "replace"), "report.html", "report.docx", "网页（HTML）"),
    (to_pdf, "report.pdf", "report.txt", "PDF 文件"),
    (to_docx, "report.docx", "report.doc", "Word 文档（.docx）"),
])
def test_a_misnamed_report_gets_its_own_findings_and_one_dl004(tmp_path, render, right, wrong, content):
    data = render(REPORT)
    (tmp_path / right).write_bytes(data)
    (tmp_path / wrong).write_bytes(data)
    expected, none = _findings(tmp_path / right)
    got, dl004 = _findings(tmp_path / wrong)
    assert got == expected and not none
    assert len(dl004) == 1 and dl004[0].severity == "info"
    assert f"扩展名为 {Path(wrong).suffix}，内容却是{content}" in dl004[0].message.replace("是 ", "是")


def test_a_page_read_by_its_name_gave_false_errors(tmp_path):
    """What a page saved under a server page's name or none gave before: the format 'not followed' (DL103) and
    a part 'repeated' (DL602), both errors, from its tags read as prose."""
    page = to_html(REPORT).encode("utf-8")
    for name in ("content.jsp", "art_2024_58888", "index.aspx"):
        (tmp_path / name).write_bytes(page)
        got, dl004 = _findings(tmp_path / name)
        assert not dl004 and "DL103" not in got and "DL602" not in got
    (tmp_path / "report.html").write_bytes(page)
    assert _findings(tmp_path / "content.jsp")[0] == _findings(tmp_path / "report.html")[0]


def test_a_pdf_without_an_extension_is_read_as_a_pdf(tmp_path):
    (tmp_path / "download").write_bytes(to_pdf(REPORT))
    (tmp_path / "report.pdf").write_bytes(to_pdf(REPORT))
    doc = read_path(str(tmp_path / "download"))
    assert doc.format == "pdf" and not doc.notices
    assert _findings(tmp_path / "download")[0] == _findings(tmp_path / "report.pdf")[0]


def test_a_directory_reads_every_kind_of_doc_and_names_a_damaged_one(tmp_path):
    """A .doc is read for what it is: a page, a .docx or an RTF file under the old name (each with DL004), a Word 97–2003 file
    (no DL004: it is what its name says); a damaged Word 97–2003 file is an input error, not skipped."""
    (tmp_path / "a.doc").write_bytes(to_html(REPORT).encode("utf-8"))
    (tmp_path / "b.doc").write_bytes(to_docx(REPORT))
    (tmp_path / "c.doc").write_bytes(OLE2 + b"\0" * 600)
    (tmp_path / "d.txt").write_bytes(WORD_XML)
    (tmp_path / "f.doc").write_bytes((FIXTURES / "rtf" / "defective-2023.rtf").read_bytes())  # Word's "save as RTF"
    (tmp_path / "e.doc").write_bytes((FIXTURES / "doc" / "clean-2023.doc").read_bytes())
    r = runner.invoke(app, ["check", "--isolated", "--no-cache", "-f", "json", str(tmp_path)])
    data = json.loads(r.stdout)
    by_name = {Path(f["path"]).name: f for f in data["files"]}
    for checked in ("a.doc", "b.doc", "f.doc"):
        f = by_name[checked]
        assert f["skipped"] is None and f["error"] is None
        assert [d["code"] for d in f["diagnostics"]].count("DL004") == 1
    assert by_name["e.doc"]["error"] is None and by_name["e.doc"]["diagnostics"] == []
    assert by_name["c.doc"]["skipped"] is None and "内部结构损坏" in by_name["c.doc"]["error"]
    assert "Word 2003 XML" in by_name["d.txt"]["skipped"]
    assert data["summary"]["files_skipped"] == 1
    assert r.exit_code == 2  # the damaged file


def test_fix_leaves_a_misnamed_file_alone(tmp_path):
    """`--fix` edits the text a file's name promises; a .txt holding a page is not that text."""
    page = to_html(REPORT.replace("。", "。", 1) + "\n我局全年受理申请3件,均已按时答复。\n").encode("utf-8")
    p = tmp_path / "report.txt"
    p.write_bytes(page)
    before = p.read_bytes()
    r = runner.invoke(app, ["check", "--isolated", "--no-cache", "--fix", str(p)])
    assert r.exit_code in (0, 1) and "Traceback" not in r.output
    assert p.read_bytes() == before
    # the same text named as the page it is gets its fix
    q = tmp_path / "report.html"
    q.write_bytes(page)
    runner.invoke(app, ["check", "--isolated", "--no-cache", "--fix", str(q)])
    assert q.read_bytes() != page


def test_the_text_of_a_text_report_is_unchanged():
    """Plain text is not sniffed into anything: a report's text reads the same."""
    text = to_text(REPORT).encode("utf-8")
    assert reader_of("r.txt", text) == ("text", None)
    assert read_document("r.txt", text).format == "text"


def test_the_console_does_not_offer_fix_for_a_misnamed_file(tmp_path):
    """The grouped console row says "可用 --fix 自动修正" only where --fix would write."""
    body = REPORT + "\n" + "\n".join(f"我局第{i}季度受理申请{i}件,均已按时答复。" for i in range(1, 9)) + "\n"
    page = to_html(body).encode("utf-8")
    (tmp_path / "a.html").write_bytes(page)
    (tmp_path / "b.txt").write_bytes(page)
    out = {n: runner.invoke(app, ["check", "--isolated", "--no-cache", str(tmp_path / n)], env={"COLUMNS": "200"}).output
           for n in ("a.html", "b.txt")}
    assert "可用 --fix 自动修正" in out["a.html"]
    assert "可用 --fix 自动修正" not in out["b.txt"] and "DL004" in out["b.txt"]


def test_a_directory_of_doc_files_that_are_no_word_document_checks_nothing(tmp_path):
    """.doc files that are neither Word documents nor pages (plain text under the name) are skipped, each named with
    why; one .doc that is a page is something to check."""
    (tmp_path / "a.doc").write_bytes("一份纯文本，不是 Word 文档".encode())
    r = runner.invoke(app, ["check", "--isolated", "--no-cache", str(tmp_path)])
    assert r.exit_code == 0 and "跳过" in r.output and "内容却不是 Word 文档" in r.output
    assert "检查了 0 个文件" in r.output
    (tmp_path / "b.doc").write_bytes(to_html(REPORT).encode("utf-8"))
    r = runner.invoke(app, ["check", "--isolated", "--no-cache", "-f", "json", str(tmp_path)])
    assert "目录中没有可检查的报告文件" not in r.output
    assert json.loads(r.stdout)["summary"]["files_skipped"] == 1


@pytest.mark.parametrize(("name", "data", "says"), [
    ("report.pdf", b"<!DOCTYPE html><html><body></body></html>", "文件扩展名为 .pdf，内容却是网页（HTML）：网页中没有正文文字"),
    ("report.txt", b"%PDF-1.7\ngarbage\n", "文件扩展名为 .txt，内容却是 PDF 文件：PDF 文件不完整"),
    ("report.doc", b"PK\x03\x04garbage", "文件扩展名为 .doc，内容却是 Word 文档（.docx）：文件已损坏或不完整"),
])
def test_a_misnamed_file_that_cannot_be_read_says_what_it_is_first(name, data, says):
    with pytest.raises(InputError) as exc:
        read_document(name, data)
    assert str(exc.value).startswith(says), str(exc.value)
