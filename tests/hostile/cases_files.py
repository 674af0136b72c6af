"""Hostile cases for files (issue 8): FIFOs and device symlinks, deep and odd folders, empty and garbage
files, PDF/Word/HTML bombs."""

from __future__ import annotations

import os
from pathlib import Path

from . import build as b
from .build import good, write
from .catalogue import case, check, check_folder, link
from .run import Invocation


@case("files", exit=(1, 2))
def fifo_in_folder(d):
    """A FIFO named ``x.md`` in a checked folder."""
    b.fifo(d, "folder/x.md")
    return check_folder(d)


@case("files", extra=True, exit=2)
def fifo_named(d):
    """A FIFO named on the command line."""
    return check(d, b.fifo(d, "x.md"), literal=("x.md",))


@case("files", exit=(1, 2))
def dev_zero_symlink_in_folder(d):
    """A symlink ``zero.txt`` → /dev/zero in a checked folder (``st_size`` is 0)."""
    os.makedirs(d / "folder")
    link(d, "folder/zero.txt", "/dev/zero")
    return check_folder(d)


@case("files", exit=2, extra=True)
def dev_zero_named(d):
    """A symlink to /dev/zero named on the command line."""
    return check(d, link(d, "zero.md", "/dev/zero"), literal=("zero.md",))


@case("files", exit=2, extra=True)
def dev_urandom_named(d):
    """A symlink to /dev/urandom named on the command line."""
    return check(d, link(d, "rand.txt", "/dev/urandom"), literal=("rand.txt",))


@case("files", exit=2, extra=True)
def symlink_loop(d):
    """Two symlinks pointing at each other."""
    link(d, "b.md", "a.md")
    return check(d, link(d, "a.md", "b.md"), literal=("a.md",))


@case("files", exit=(1, 2), extra=True)
def dangling_symlink_in_folder(d):
    """A dangling symlink in a folder."""
    os.makedirs(d / "folder")
    link(d, "folder/gone.md", "nowhere.md")
    return check_folder(d)


@case("files", exit=(1, 2), extra=True)
def dir_symlink_loop_in_folder(d):
    """A symlink to its own folder inside the folder."""
    os.makedirs(d / "folder")
    link(d, "folder/loop", ".")
    return check_folder(d)


@case("files", exit=(1, 2))
def deep_folders(d):
    """A report 1,100 folders deep."""
    (d / "folder").mkdir()
    rel = b.deep_dirs(d, "folder", 1100)
    b.write_at_depth(d, rel, "deep-2023.md", b.example())
    return check_folder(d)


@case("files", exit=(1, 2), extra=True)
def deep_path_named(d):
    """A path named on the command line longer than PATH_MAX (ENAMETOOLONG)."""
    return check(d, "/".join(["d"] * 3000) + "/r.md")


@case("files", exit=2)
def long_name_component(d):
    """A 10,000-character file name component (NAME_MAX is 255)."""
    return check(d, "报" * 10_000 + ".md")


@case("files", exit=(1, 2))
def doc_wps_in_folder(d):
    """``.doc`` and ``.wps`` files in a checked folder: one line each."""
    write(d, "folder/old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    write(d, "folder/old.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    return check_folder(d, literal=("old.doc", "old.wps"))


@case("files", exit=(1, 2), needs_non_root=True)
def unreadable_subfolder(d):
    """A sub-folder without read permission: one line."""
    os.makedirs(d / "folder/locked")
    write(d, "folder/locked/r.md", b.example())
    os.chmod(d / "folder/locked", 0)
    return check_folder(d, literal=("locked",))


def _empty_case(d: Path, name: str, data: bytes) -> Invocation:
    """With the clean example beside (no findings): the exit code then says what happened to ``name``."""
    c = b.clean(d)
    return Invocation(["check", "-f", "json", c, write(d, name, data)], good=(c,), forbid=("未发现问题",))


@case("files", extra=True, exit=2)
def empty_file(d):
    """A 0-byte file."""
    return _empty_case(d, "empty.md", b"")


@case("files", exit=2)
def bom_only(d):
    """A file that is only a UTF-8 BOM."""
    return _empty_case(d, "bom.md", b"\xef\xbb\xbf")


@case("files", exit=2, extra=True)
def bom_utf16_only(d):
    """A file that is only a UTF-16 BOM."""
    return _empty_case(d, "bom16.txt", b"\xff\xfe")


@case("files", exit=2, extra=True)
def bom_and_whitespace(d):
    """BOM, blank lines and ideographic spaces."""
    return _empty_case(d, "blank.md", "\ufeff\n\n\u3000\u3000\n \n".encode())


@case("files", extra=True, exit=(1, 2))
def title_only(d):
    """A file that is only a report title."""
    return _empty_case(d, "title.md", "# 某某市某某区审计局2023年政府信息公开工作年度报告\n".encode())


@case("files", exit=(1, 2))
def garbage_text(d):
    """Bytes that decode as some legacy encoding but are garbage."""
    data = bytes((i * 131 + 71) % 94 + 161 for i in range(20_000))
    return _empty_case(d, "garbage.txt", data)


@case("files", exit=2, extra=True)
def binary_garbage(d):
    """Binary bytes with NULs in a .md."""
    return _empty_case(d, "bin.md", bytes(range(256)) * 40)


@case("files", exit=(1, 2), extra=True)
def nul_after_8k(d):
    """A report with NUL bytes after the first 8 KB (past the binary sniff)."""
    return check(d, write(d, "nul-2023.md", b.example().encode() + b"\0" * 100 + "我局。\n".encode() * 10))


@case("files", exit=(1, 2), extra=True)
def utf16_without_bom(d):
    """The report in UTF-16-LE without a BOM."""
    return check(d, write(d, "u16-2023.txt", b.example().encode("utf-16-le")))


@case("files", exit=2, extra=True)
def utf32_bom_truncated(d):
    """A UTF-32 BOM followed by an odd number of bytes."""
    return check(d, write(d, "u32.txt", b"\xff\xfe\x00\x00" + "我".encode("utf-32-le") + b"\x01"))


@case("files", exit=(1, 2), extra=True)
def encoded_surrogates(d):
    """UTF-8-encoded lone surrogates (CESU) inside the report."""
    return check(d, write(d, "s-2023.md", b.example().encode() + b"\xed\xa0\x80\xed\xb0\x80\n"))


# -- PDF --


@case("files", exit=(1, 2))
def pdf_many_rects(d):
    """A PDF page with 100,000 filled rectangles."""
    ops = b"".join(b"%d %d 2 2 re f\n" % (i % 590, (i // 590) % 840) for i in range(100_000))
    return check(d, write(d, "rects.pdf", b.pdf_page(ops)))


@case("files", exit=(1, 2), big=True)
def pdf_million_rects(d):
    """A PDF page with 1,000,000 line segments."""
    ops = b"".join(b"%d 0 m %d 842 l S\n" % (i % 595, i % 595) for i in range(1_000_000))
    return check(d, write(d, "lines.pdf", b.pdf_page(ops)))


@case("files", extra=True, exit=(1, 2))
def pdf_many_chars(d):
    """A PDF page with 200,000 characters."""
    glyphs = b"".join(b"1 0 0 1 %d %d Tm (XYZWV) Tj\n" % (i % 590, i % 840) for i in range(40_000))
    ops = b"BT /F1 1 Tf " + glyphs + b"ET"
    return check(d, write(d, "chars.pdf", b.pdf_page(ops)))


@case("files", extra=True, exit=(1, 2))
def pdf_xobject_cycle(d):
    """Form XObjects X1 → X2 → X1 (a cycle)."""
    extra = {6: b.form_xobject(b"BT /F1 9 Tf (a) Tj ET /X2 Do", {"X2": 7}),
             7: b.form_xobject(b"/X1 Do", {"X1": 6})}
    return check(d, write(d, "cycle.pdf", b.pdf_page(b"/X1 Do", {"X1": 6}, extra)))


@case("files", exit=(1, 2), extra=True)
def pdf_xobject_self(d):
    """A Form XObject that draws itself."""
    extra = {6: b.form_xobject(b"BT /F1 9 Tf (a) Tj ET /X1 Do", {"X1": 6})}
    return check(d, write(d, "self.pdf", b.pdf_page(b"/X1 Do", {"X1": 6}, extra)))


@case("files", exit=(1, 2))
def pdf_xobject_fanout(d):
    """Eight levels of Form XObjects each drawing the next ten times (10^8 glyphs)."""
    extra = {}
    for level in range(8):
        obj = 6 + level
        if level == 7:
            extra[obj] = b.form_xobject(b"BT /F1 9 Tf (ab) Tj ET", {})
        else:
            extra[obj] = b.form_xobject(b"/N Do " * 10, {"N": obj + 1})
    return check(d, write(d, "fan.pdf", b.pdf_page(b"/N Do", {"N": 6}, extra)))


@case("files", exit=(1, 2), big=True)
def pdf_flate_bomb(d):
    """A page content stream that inflates to 1 GB of spaces."""
    return check(d, write(d, "bomb.pdf", b.pdf_page(compressed=b.deflate_bomb(1 << 30))))


@case("files", exit=(1, 2), extra=True)
def pdf_flate_bomb_small(d):
    """A page content stream that inflates to 128 MB of spaces."""
    return check(d, write(d, "bomb.pdf", b.pdf_page(compressed=b.deflate_bomb(128 << 20))))


@case("files", exit=(1, 2), big=True)
def pdf_many_pages(d):
    """A PDF of 10,000 pages."""
    return check(d, write(d, "pages.pdf", b.pdf_pages(10_000)))


@case("files", exit=(1, 2), extra=True)
def pdf_deep_page_tree(d):
    """A page tree 5,000 levels deep."""
    return check(d, write(d, "deep.pdf", b.pdf_deep_page_tree(5_000)))


@case("files", exit=(1, 2), extra=True)
def pdf_deep_arrays(d):
    """A content stream of 100,000 nested arrays."""
    return check(d, write(d, "arr.pdf", b.pdf_page(b"[" * 100_000 + b"]" * 100_000)))


@case("files", exit=2, extra=True)
def pdf_truncated(d):
    """The good report's PDF cut in half."""
    return check(d, write(d, "cut.pdf", b.pdf_page(b"BT /F1 12 Tf (x) Tj ET")[:300]), literal=("cut.pdf",))


# -- Word --


@case("files", exit=(1, 2), big=True)
def docx_zip_bomb(d):
    """A .docx whose document.xml inflates to 1 GB."""
    return check(d, write(d, "bomb.docx", b.docx(b.para("我" * 1000), chunks=350_000)))


@case("files", exit=(1, 2), extra=True)
def docx_entity_expansion(d):
    """A .docx whose document.xml declares a billion-laughs DTD."""
    ents = "".join(f'<!ENTITY l{i} "' + f"&l{i - 1};" * 10 + '">' for i in range(1, 10))
    doc = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "哈">{ents}]>'
           f'<w:document {b.W}><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>')
    return check(d, write(d, "laughs.docx", b.docx(document=doc.encode())))


@case("files", exit=(1, 2))
def docx_huge_gridspan(d):
    """A table cell with ``gridSpan`` 100,000,000."""
    body = ("<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"100000000\"/></w:tcPr>" + b.para("一") +
            "</w:tc></w:tr></w:tbl>" + b.para("正文"))
    return check(d, write(d, "span.docx", b.docx(body)))


@case("files", exit=(1, 2), extra=True)
def docx_vmerge_rows(d):
    """A table of 20,000 rows × 20 cells all vertically merged."""
    cell = "<w:tc><w:tcPr><w:vMerge/></w:tcPr>" + b.para("1") + "</w:tc>"
    body = "<w:tbl>" + ("<w:tr>" + cell * 20 + "</w:tr>") * 20_000 + "</w:tbl>"
    return check(d, write(d, "vm.docx", b.docx(body)))


@case("files", exit=(1, 2), extra=True)
def docx_nested_tables(d):
    """Tables nested 200 deep (a table in a cell of a table …)."""
    body = "<w:tbl><w:tr><w:tc>" * 200 + b.para("我") + "</w:tc></w:tr></w:tbl>" * 200 + b.para("正文")
    return check(d, write(d, "nest.docx", b.docx(body)))


@case("files", exit=(1, 2), big=True)
def docx_many_paragraphs(d):
    """A .docx of 100,000 paragraphs."""
    return check(d, write(d, "many.docx", b.docx(b.para("本机关全年主动公开政府信息一百二十条。"), chunks=100_000)))


@case("files", exit=(1, 2), big=True)
def docx_45mb(d):
    """A 45 MB .docx of varied text (little compression)."""
    import random

    rnd = random.Random(8)
    chars = [chr(c) for c in range(0x4E00, 0x9FA5)]
    paras = "".join(b.para("".join(rnd.choices(chars, k=400)) + "。") for _ in range(25_600))
    return check(d, write(d, "big.docx", b.docx(paras, chunks=2)))


@case("files", exit=2, extra=True)
def docx_not_a_zip(d):
    """A .docx that is not a zip file."""
    return check(d, write(d, "fake.docx", b"PK\x03\x04 not really"), literal=("fake.docx",))


# -- files named as another type (readers.sniff) --


@case("files", exit=(1, 2))
def fifo_named_doc_in_folder(d):
    """A FIFO named ``x.doc`` in a checked folder: its first bytes are looked at to see whether it is a page."""
    b.fifo(d, "folder/x.doc")
    return check_folder(d)


@case("files", exit=(1, 2), big=True)
def page_named_pdf_big(d):
    """A 30 MB web page named ``report.pdf`` (read as the page it is, within the page's limits)."""
    paras = "".join(f"<p>第{i}段：本机关全年主动公开政府信息{i}条。</p>" for i in range(480_000))
    return check(d, write(d, "report.pdf", f"<!DOCTYPE html><html><body>{paras}</body></html>"))


@case("files", exit=(1, 2), extra=True)
def deep_page_named_doc(d):
    """A page of 200,000 nested ``<div>`` named ``x.doc``."""
    return check(d, write(d, "x.doc", "<html><body>" + "<div>" * 200_000 + "报告" + "</div>" * 200_000
                           + "</body></html>"), literal=("x.doc",))


# -- HTML --


@case("files", exit=(1, 2), big=True)
def html_table_small(d):
    """An HTML table of 1,000 × 100 cells (1 MB)."""
    rows = ("<tr>" + "<td>1</td>" * 100 + "</tr>") * 1000
    return check(d, write(d, "t.html", f"<html><body><h1>报告</h1><table>{rows}</table></body></html>"))


@case("files", exit=(1, 2), big=True)
def html_table_big(d):
    """An HTML table of 10,000 × 100 cells (10 MB)."""
    rows = ("<tr>" + "<td>1</td>" * 100 + "</tr>") * 10_000
    return check(d, write(d, "t.html", f"<html><body><table>{rows}</table></body></html>"))


@case("files", exit=(1, 2))
def html_huge_spans(d):
    """A cell with ``rowspan=65534 colspan=1000``."""
    return check(d, write(d, "span.html", '<html><body><table><tr><td rowspan="65534" colspan="1000">一</td>'
                                           "</tr><tr><td>2</td></tr></table><p>正文</p></body></html>"))


@case("files", extra=True, exit=(1, 2))
def html_deep_nesting(d):
    """100,000 nested ``<div>``."""
    return check(d, write(d, "deep.html", "<html><body>" + "<div>" * 100_000 + "我" + "</div>" * 100_000 + "</body></html>"))


@case("files", exit=(1, 2), extra=True)
def html_entity_expansion(d):
    """An .xhtml with a billion-laughs DTD."""
    ents = "".join(f'<!ENTITY l{i} "' + f"&l{i - 1};" * 10 + '">' for i in range(1, 10))
    return check(d, write(d, "laughs.xhtml", f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY l0 "哈">{ents}]>'
                                             '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>&l9;</p></body></html>'))


@case("files", extra=True, exit=(1, 2))
def html_css_rules_by_elements(d):
    """5,000 ``<style>`` rules hiding classes and 5,000 elements using them."""
    css = "".join(f".c{i} {{display:none}}\n" for i in range(5000))
    body = "".join(f'<p class="c{i} x{i}">第{i}段</p>' for i in range(5000))
    return check(d, write(d, "css.html", f"<html><head><style>{css}</style></head><body>{body}</body></html>"))


@case("files", exit=(1, 2), extra=True)
def html_many_hidden(d):
    """50,000 elements hidden with inline styles."""
    body = '<span style="display:none">博彩</span>' * 50_000
    return check(d, write(d, "hid.html", f"<html><body><p>正文</p>{body}</body></html>"))


@case("files", exit=(1, 2), extra=True)
def html_nested_document_write(d):
    """``document.write`` of ``document.write`` 500 deep."""
    js = "x"
    for _ in range(500):
        js = "document.write('" + js.replace("\\", "\\\\").replace("'", "\\'")[:2000] + "')"
    return check(d, write(d, "dw.html", f"<html><body><script>{js}</script><p>正文</p></body></html>"))


@case("files", exit=(1, 2), extra=True)
def html_long_text_node(d):
    """A 1 MB text node of Chinese with commas in a ``<p>``."""
    return check(d, write(d, "long.html", "<html><body><p>" + "本机关全年主动公开政府信息，" * 25_000 + "</p></body></html>"))


# -- odd command lines --


@case("files", exit=(1, 2), extra=True)
def include_glob_backtracking(d):
    """``--include`` with twelve stars against 250-character names."""
    write(d, "folder/" + "a" * 240 + ".md", "我")
    g = good(d, "folder")
    return Invocation(["check", "--include", "*a*a*a*a*a*a*a*a*a*a*a*b*", "--include", "good*", "folder"], good=(g,))


_MIME = b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n"


@case("files", exit=2, extra=True)
def mht_many_parts(d):
    """A single-file web page of 200,000 tiny picture parts and no page (≈ 25 MB: the parser keeps an object per
    part; it is given the first 5,000)."""
    part = b"--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n"
    return check(d, write(d, "parts.mht", _MIME + part * 200_000))


@case("files", exit=2, extra=True)
def mht_deep_multiparts(d):
    """A single-file web page of multiparts nested 20,000 deep."""
    nested = b"".join(b"--b%d\r\nContent-Type: multipart/related; boundary=\"b%d\"\r\n\r\n" % (i, i + 1)
                      for i in range(20_000))
    return check(d, write(d, "deep.mht", _MIME.replace(b'"b"', b'"b0"') + nested))


@case("files", exit=2, extra=True)
def mht_long_content_type(d):
    """A single-file web page whose Content-Type holds 400,000 semicolons in a quoted parameter (the standard
    library reads parameters in quadratic time: minutes)."""
    field = b'Content-Type: multipart/related; boundary="b"; x="' + b";" * 400_000 + b'"'
    return check(d, write(d, "type.mht", b"MIME-Version: 1.0\r\n" + field + b"\r\n\r\n--b\r\n"
                                          b"Content-Type: text/html\r\n\r\n<p>x</p>\r\n--b--\r\n"))
