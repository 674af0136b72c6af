"""Single-file web pages (.mht): Word's “单个文件网页”, Internet Explorer's and Chrome's saved pages."""

from __future__ import annotations

import base64
import quopri
from pathlib import Path

import pytest

from disclosure_lint.api import check_paths
from disclosure_lint.errors import InputError
from disclosure_lint.readers import read_path, reader_of
from disclosure_lint.readers.sniff import sniff

from . import render

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(64)).decode()


def mht(page: str, style: str = "word", charset: str = "gb2312", encoding: str = "quoted-printable",
        start: bool = False, declared: bool = True) -> bytes:
    """A single-file web page holding ``page`` (HTML) and a picture, as Word, Internet Explorer or Chrome save one
    (CRLF line ends, a boundary of their kind, the page quoted-printable or base64 in ``charset``)."""
    body = page.encode(charset)
    if encoding == "base64":
        payload = base64.encodebytes(body).decode("ascii")
    else:
        payload = quopri.encodestring(body).decode("ascii")
    b = {"word": "----=_NextPart_01DA4F2B.7D1E6A20", "ie": "----=_NextPart_000_0000_01DA4F2B.7D1E6A20",
         "chrome": "----MultipartBoundary--Wq8gFzT1oUe2bN3cLr6YhJvKmP0sA9dXiE7tQ4wZ--"}[style]
    if style == "word":
        head = ["MIME-Version: 1.0", f'Content-Type: multipart/related; boundary="{b}"', "",
                "此文档为“单个文件网页”，也称为“Web 档案”文件。".encode(charset).decode("latin-1")]
    elif style == "ie":
        head = ["From: <Saved by Windows Internet Explorer 8>", "Subject: =?gb2312?B?xOq2yLGozbg=?=",
                "Date: Thu, 18 Jan 2024 09:30:00 +0800", "MIME-Version: 1.0",
                "Content-Type: multipart/related;", '\ttype="text/html";', f'\tboundary="{b}"',
                "X-MimeOLE: Produced By Microsoft MimeOLE V6.1.7601.24158", "",
                "This is a multi-part message in MIME format."]
    else:
        head = ["From: <Saved by Blink>", "Snapshot-Content-Location: https://www.example.gov.cn/art/2024/1/18/art_1.html",
                "Subject: =?utf-8?Q?2023=E5=B9=B4=E6=8A=A5?=", "Date: Thu, 18 Jan 2024 01:30:00 -0000",
                "MIME-Version: 1.0", "Content-Type: multipart/related;", '\ttype="text/html";',
                f'\tboundary="{b}"' + ('; start="<page@mhtml.blink>"' if start else ""), ""]
    picture = [f"--{b}", "Content-Type: image/png", "Content-Transfer-Encoding: base64",
               "Content-Location: https://www.example.gov.cn/images/logo.png", "", PNG]
    root = [f"--{b}", f'Content-Type: text/html; charset="{charset}"' if declared else "Content-Type: text/html",
            f"Content-Transfer-Encoding: {encoding}",
            "Content-Location: https://www.example.gov.cn/art/2024/1/18/art_1.html"]
    if start:
        root.append("Content-ID: <page@mhtml.blink>")
    root += ["", payload]
    parts = picture + root if start else root + picture  # start= names a root that is not the first part
    text = "\r\n".join(head + parts + [f"--{b}--", ""])
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode("latin-1")


def _page(name: str = "clean-2023.md") -> str:
    return render.to_html((EXAMPLES / name).read_text(encoding="utf-8"))


def _findings(path: Path) -> list[tuple[str, str]]:
    run = check_paths([str(path)])
    (fr,) = run.files
    assert fr.error is None, fr.error
    return sorted((d.code, d.message) for d in fr.diagnostics)


@pytest.mark.parametrize("style,charset,encoding", [
    ("word", "gb2312", "quoted-printable"), ("ie", "gbk", "quoted-printable"), ("chrome", "utf-8", "quoted-printable"),
    ("chrome", "utf-8", "base64"),
])
def test_saved_pages_are_read_as_the_page_inside(tmp_path: Path, style: str, charset: str, encoding: str) -> None:
    page = _page("defective-2023.md")
    html = tmp_path / "report.html"
    html.write_text(page, encoding="utf-8")
    saved = tmp_path / "report.mht"
    saved.write_bytes(mht(page, style, charset, encoding))
    assert sniff(saved.read_bytes()) == "mhtml"
    doc, ref = read_path(str(saved)), read_path(str(html))
    assert doc.format == "html" and [b.text for b in doc.blocks] == [b.text for b in ref.blocks]
    assert doc.encoding == ("gb18030" if charset != "utf-8" else "utf-8")
    want = _findings(html)
    assert _findings(saved) == want and any(code == "DL301" for code, _ in want)


def test_a_page_part_without_a_charset_is_decoded_as_a_page(tmp_path: Path) -> None:
    # Chrome writes the page part as text/html without a charset: the page's own <meta charset> (or UTF-8) decides
    page = _page().replace("<head>", '<head><meta charset="gbk">', 1)
    for charset in ("utf-8", "gbk"):
        saved = tmp_path / f"{charset}.mht"
        saved.write_bytes(mht(page, "chrome", charset, declared=False))
        doc = read_path(str(saved))
        assert any("政府信息公开工作年度报告" in b.text for b in doc.blocks), charset
        assert doc.encoding == ("utf-8" if charset == "utf-8" else "gb18030")


def test_the_start_parameter_names_the_page(tmp_path: Path) -> None:
    saved = tmp_path / "page.mhtml"
    saved.write_bytes(mht(_page(), "chrome", "utf-8", start=True))
    doc = read_path(str(saved))
    assert any("政府信息公开工作年度报告" in b.text for b in doc.blocks)
    assert _findings(saved) == []


def test_a_report_word_saved_as_a_single_file_page_named_doc(tmp_path: Path) -> None:
    # Word's “单个文件网页” saved (or renamed) as .doc: read as the page, and the name noted once (DL004)
    saved = tmp_path / "2023年报.doc"
    saved.write_bytes(mht(_page(), "word"))
    module, misnamed = reader_of(str(saved), saved.read_bytes())
    assert (module, misnamed) == ("mhtml", "mhtml")
    found = _findings(saved)
    assert found == [("DL004", "文件扩展名为 .doc，内容却是单个文件网页（.mht），已按网页读取；"
                               "文件名与内容不符，多为另存或改名时弄错了扩展名，请改正扩展名")]


def test_directory_walk_picks_up_mht_files(tmp_path: Path) -> None:
    (tmp_path / "a.mht").write_bytes(mht(_page(), "ie", "gbk"))
    run = check_paths([str(tmp_path)])
    assert [Path(f.path).name for f in run.files] == ["a.mht"] and run.files[0].error is None


@pytest.mark.parametrize("data,message", [
    # only a picture: no page
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
     b"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n" + PNG.encode() + b"\r\n--b--\r\n",
     "没有找到网页正文"),
    # a page part with nothing in it
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
     b"Content-Type: text/html; charset=\"utf-8\"\r\n\r\n   \r\n--b--\r\n", "网页正文为空"),
    # the headers and nothing else
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n", "没有找到网页正文"),
])
def test_single_file_pages_without_a_page_give_one_line(tmp_path: Path, data: bytes, message: str) -> None:
    p = tmp_path / "bad.mht"
    p.write_bytes(data)
    with pytest.raises(InputError, match=message):
        read_path(str(p))
    (fr,) = check_paths([str(p)]).files
    assert fr.error and message in fr.error


def test_deeply_nested_multiparts_are_bounded(tmp_path: Path) -> None:
    depth = 3000
    head = b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b0\"\r\n\r\n"
    parts = b"".join(b"--b%d\r\nContent-Type: multipart/related; boundary=\"b%d\"\r\n\r\n" % (i, i + 1)
                     for i in range(depth))
    p = tmp_path / "deep.mht"
    p.write_bytes(head + parts)
    (fr,) = check_paths([str(p)]).files
    assert fr.error  # one line (nested too deep, or no page), never a traceback


def test_headers_that_are_not_a_single_file_page() -> None:
    assert sniff(b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhello") is None  # not multipart/related
    assert sniff("# 2023年报\n\nMIME-Version: 1.0\nContent-Type: multipart/related\n".encode()) is None
    assert sniff("Content-Type: multipart/related\n\n正文".encode()) is None  # no MIME-Version
    assert sniff("标题：某某局\nMIME-Version: 1.0\nContent-Type: multipart/related\n".encode()) is None
    # a header line folded over two lines
    assert sniff(b"MIME-Version: 1.0\nContent-Type:\n multipart/related; boundary=b\n\n--b") == "mhtml"


def test_parts_parsed_are_bounded(tmp_path: Path) -> None:
    from disclosure_lint.readers import mhtml

    picture = (b"--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n" + PNG.encode() + b"\r\n")
    page = (b"--b\r\nContent-Type: text/html; charset=\"utf-8\"\r\n\r\n" + _page().encode() + b"\r\n")
    head = b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n"
    first = tmp_path / "first.mht"  # the page first, then more pictures than are parsed
    first.write_bytes(head + page + picture * (mhtml.MAX_PARTS + 500) + b"--b--\r\n")
    assert _findings(first) == []
    last = tmp_path / "last.mht"  # the page after the parts parsed: not found, said in one line
    last.write_bytes(head + picture * (mhtml.MAX_PARTS + 500) + page + b"--b--\r\n")
    (fr,) = check_paths([str(last)]).files
    assert fr.error and "没有找到网页正文" in fr.error


def test_a_content_type_field_too_long_is_refused_before_parsing(tmp_path: Path) -> None:
    # the standard library reads a field's parameters in quadratic time: a field of 400,000 semicolons took minutes
    field = b'Content-Type: multipart/related; boundary="b"; x="' + b";" * 400_000 + b'"'
    p = tmp_path / "type.mht"
    p.write_bytes(b"MIME-Version: 1.0\r\n" + field + b"\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n--b--\r\n")
    (fr,) = check_paths([str(p)]).files
    assert fr.error and "Content-Type" in fr.error and "已拒绝读取" in fr.error


def test_fix_leaves_a_single_file_page_as_it_is(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from disclosure_lint.cli import app

    p = tmp_path / "r.mht"
    data = mht(_page("defective-2023.md"), "word")
    p.write_bytes(data)
    res = CliRunner().invoke(app, ["check", "--fix", "-q", "--isolated", str(p)])
    assert res.exit_code == 1 and p.read_bytes() == data  # findings remain; the file is never rewritten
    assert "单个文件网页（.mht）不自动修复" in res.stderr
