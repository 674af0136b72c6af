"""OpenDocument text reader: paragraphs, headings, lists' numbers, tables with merges, text boxes, what is left out,
and damaged, misnamed or hostile files in one line.

The fixtures in ``tests/fixtures/odt/`` were saved by LibreOffice (``make_odt_fixtures.py``) from the examples rendered
as Word and from the .doc fixtures' documents of features; what LibreOffice does not write (repeated and covered cells
by hand, footnotes, comments, a stored ``text:number``, hostile files) is written by hand here. The examples' files give the
Markdown's findings and read block for block as the .docx: tests/test_formats_consistency.py."""

from __future__ import annotations

import io
import json
import time
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from disclosure_lint.api import Checker
from disclosure_lint.cli import app
from disclosure_lint.errors import InputError, UnsupportedType
from disclosure_lint.model import Document
from disclosure_lint.readers import WALK_EXTENSIONS, read_document, read_path, reader_of
from disclosure_lint.readers import docx as docx_reader

from . import render

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "odt"
CLEAN, DEFECTIVE, FEATURES = (FIXTURES / f"{n}.odt" for n in ("clean-2023", "defective-2023", "features"))
runner = CliRunner()

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/"')
MIMETYPE = b"application/vnd.oasis.opendocument.text"


def package(content: bytes, mimetype: bytes = MIMETYPE, manifest: bytes | None = None, **parts: bytes) -> bytes:
    """An OpenDocument package: ``mimetype`` first and stored, as ODF asks, then the parts."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", content)
        if manifest is not None:
            zf.writestr("META-INF/manifest.xml", manifest)
        for name, data in parts.items():
            zf.writestr(name.replace("_", "."), data)
    return buf.getvalue()


def content(body: str, styles: str = "", prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<office:document-content {NS}>'
            f"<office:automatic-styles>{styles}</office:automatic-styles>"
            f"<office:body><office:text>{body}</office:text></office:body></office:document-content>").encode()


def odt(body: str, styles: str = "") -> Document:
    return read_document("x.odt", package(content(body, styles)))


def blocks(doc: Document) -> list[tuple[str, str | None, str]]:
    return [(b.kind, b.pointer, b.text) for b in doc.blocks]


def _findings(path: Path) -> Counter:
    result = Checker(isolated=True).check_file(str(path))
    assert result.error is None, result.error
    return Counter((d.code, d.message) for d in result.diagnostics)


# -- what is read ------------------------------------------------------------------------------------

def test_tracked_changes_fields_hidden_text_and_nested_tables():
    doc = read_path(str(FEATURES))
    assert blocks(doc) == [
        ("paragraph", "第1段", "本年新收申请57件。"),  # the deleted 75 (in text:tracked-changes) left out
        ("paragraph", "第2段", "整段都是插入的。"),
        ("paragraph", "第3段", "第0页"),  # the field's shown text, as LibreOffice stored it
        ("paragraph", "第4段", "可见也可见"),  # hidden text (text:display="none") left out
        ("paragraph", "第5段", "甲\t乙\n丙"),
        ("table", "表1", "项目\t行政复议\t行政复议\t行政诉讼\n项目\t维持\t纠正\t维持\n数量\t1\t2\t3"),
        ("paragraph", "第6段", "两表之间的段落。"),
        ("table", "表2", "商业\n企业\t12\n内\t表"),  # a cell's paragraphs on lines, a nested table's row tab-separated
        ("paragraph", "第7段", "表后的段落。"),
    ]
    assert doc.blocks[5].table.rows[1].cells[0].pointer == "表1第2行第1列"
    assert doc.meta["hidden_runs"] == 1


def test_footnotes_comments_bookmarks_and_inline_marks():
    doc = odt('<text:p>正文<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
              "<text:note-body><text:p>脚注文字</text:p></text:note-body></text:note>继续"
              "<office:annotation><dc:creator>某</dc:creator><text:p>批注文字</text:p></office:annotation>"
              '<text:bookmark text:name="b"/><text:soft-page-break/>甲<text:s text:c="3"/>乙<text:s/>丙'
              '<text:a xlink:href="http://x" xmlns:xlink="http://www.w3.org/1999/xlink">链接</text:a>'
              '<text:span text:style-name="x"><text:span>套</text:span></text:span></text:p>'
              '<text:section text:name="s"><text:p>节中段落</text:p></text:section>'
              "<text:p>第一行<text:line-break/>第二行<text:tab/>末</text:p>")
    assert blocks(doc) == [("paragraph", "第1段", "正文继续甲   乙 丙链接套"), ("paragraph", "第2段", "节中段落"),
                           ("paragraph", "第3段", "第一行\n第二行\t末")]
    assert doc.meta["footnotes"] == 1


def test_numbering_and_headings_as_printed():
    """A list's numbers are drawn from its list style as the Word readers draw Word's (the numbered example has no
    finding); a label stored in text:number is drawn as stored; text:h and heading styles give headings."""
    doc = read_path(str(FIXTURES / "numbered-2023.odt"))
    assert doc.meta["auto_numbered"] == 18
    texts = [b.text for b in doc.blocks]
    assert "一、总体情况" in texts and "（一）主动公开" in texts and "二、主动公开政府信息情况" in texts
    assert _findings(FIXTURES / "numbered-2023.odt") == Counter()
    # the titles in Word's heading styles too: text:h in the list, numbered and at their levels, as the .docx reads
    headed = read_path(str(FIXTURES / "numbered-headings-2023.odt"))
    levels = {b.text: b.level for b in headed.blocks}
    assert levels["一、总体情况"] == 1 and levels["（一）主动公开"] == 2 and headed.meta["auto_numbered"] == 18
    assert _findings(FIXTURES / "numbered-headings-2023.odt") == _findings(FIXTURES / "numbered-2023.odt")
    doc = read_path(str(FIXTURES / "headings.odt"))
    assert [(b.kind, b.level) for b in doc.blocks] == [
        ("heading", 1), ("paragraph", None), ("heading", 1), ("heading", 2), ("heading", 1), ("heading", 1),
        ("paragraph", None)]
    stored = odt("<text:list><text:list-item><text:p><text:number>三、</text:number>标题</text:p></text:list-item>"
                 '</text:list><text:h text:outline-level="2"><text:number>（二）</text:number>小标题</text:h>')
    assert [(b.kind, b.level, b.text) for b in stored.blocks] == [("paragraph", None, "三、标题"),
                                                                 ("heading", 2, "（二）小标题")]


def test_chapter_numbering_of_headings():
    """A document numbered with LibreOffice's chapter numbering (text:outline-style in styles.xml): each text:h outside
    a list drawn with the number of its outline level; an empty format (LibreOffice's default) draws nothing."""
    styles = (f'<office:document-styles {NS}><office:styles><text:outline-style style:name="Outline">'
              '<text:outline-level-style text:level="1" style:num-format="一, 二, 三, ..." style:num-suffix="、"/>'
              '<text:outline-level-style text:level="2" style:num-prefix="（" style:num-suffix="）" '
              'style:num-format="一, 二, 三, ..."/><text:outline-level-style text:level="3" style:num-format=""/>'
              "</text:outline-style></office:styles></office:document-styles>").encode()
    h = '<text:h text:outline-level="{}"{}>{}</text:h>'
    body = "".join(h.format(level, extra, text) for level, extra, text in (
        (1, "", "总体情况"), (2, "", "主动公开"), (2, "", "依申请公开"), (3, "", "小节"),
        (1, ' text:is-list-header="true"', "未编号"), (1, "", "主动公开政府信息情况"),
        (2, ' text:restart-numbering="true" text:start-value="5"', "第五项")))
    doc = read_document("x.odt", package(content(body), styles_xml=styles))
    assert [b.text for b in doc.blocks] == ["一、总体情况", "（一）主动公开", "（二）依申请公开", "小节", "未编号",
                                            "二、主动公开政府信息情况", "（五）第五项"]
    assert doc.meta["auto_numbered"] == 5


def test_a_text_boxs_paragraphs_follow_its_anchor():
    """The 落款 in a text box is read after its anchor, as in the Word readers: the late publication (DL405) and the
    zero-padded date (DL402) are found."""
    doc = read_path(str(FIXTURES / "boxed-2023.odt"))
    assert blocks(doc)[-3:] == [
        ("paragraph", "第25段", "本报告已于2024.1.5经局务会议审议通过。"),
        ("paragraph", "第25段处文本框第1段", "江北市桐溪区农业农村局"), ("paragraph", "第25段处文本框第2段", "2024年03月15日")]
    codes = Counter(c for c, _m in _findings(FIXTURES / "boxed-2023.odt").elements())
    assert codes == Counter(c for c, _m in _findings(DEFECTIVE).elements()) and codes["DL405"] and codes["DL402"]
    framed = odt('<text:p>锚段<draw:frame svg:width="5cm" svg:height="2cm"><draw:text-box><text:p>框内</text:p>'
                 "</draw:text-box></draw:frame></text:p><text:p>后段</text:p>")
    assert blocks(framed) == [("paragraph", "第1段", "锚段"), ("paragraph", "第1段处文本框第1段", "框内"),
                              ("paragraph", "第2段", "后段")]


def test_a_picture_of_a_tables_size_is_an_image_block():
    picture = '<draw:frame svg:width="{w}" svg:height="8cm"><draw:image xlink:href="Pictures/1.png" ' \
              'xmlns:xlink="http://www.w3.org/1999/xlink"/></draw:frame>'
    doc = odt(f"<text:p>首段</text:p><text:p>{picture.format(w='15cm')}</text:p>"
              f"<text:p>图标{picture.format(w='0.5cm')}旁</text:p>")
    assert blocks(doc) == [("paragraph", "第1段", "首段"), ("image", "第1段后的图片", "<img>"),
                           ("paragraph", "第2段", "图标旁")]


def test_merges_both_ways_header_rows_and_repeated_cells():
    cell = '<table:table-cell{a}><text:p>{t}</text:p></table:table-cell>'
    doc = odt("<table:table><table:table-column table:number-columns-repeated=\"3\"/><table:table-header-rows>"
              "<table:table-row>" + cell.format(a=' table:number-rows-spanned="2"', t="项目")
              + cell.format(a=' table:number-columns-spanned="2"', t="行政复议") + "<table:covered-table-cell/>"
              "</table:table-row></table:table-header-rows><table:table-row><table:covered-table-cell/>"
              + cell.format(a="", t="维持") + cell.format(a="", t="纠正") + "</table:table-row>"
              '<table:table-row table:number-rows-repeated="2">' + cell.format(a=' table:number-columns-repeated="3"',
                                                                                 t="0") + "</table:table-row>"
              "</table:table>")
    (table,) = doc.blocks
    assert table.text == "项目\t行政复议\t行政复议\n项目\t维持\t纠正\n0\t0\t0\n0\t0\t0"
    assert [r.header for r in table.table.rows] == [True, False, False, False]
    assert table.table.rows[2].cells[2].pointer == "表1第3行第3列"


def test_a_one_cell_frame_is_read_as_the_body():
    doc = odt("<table:table><table:table-row><table:table-cell><text:p>框中第一段。</text:p><text:p>框中第二段。</text:p>"
              "</table:table-cell></table:table-row></table:table><table:table><table:table-row><table:table-cell>"
              "<text:p>1,234件</text:p></table:table-cell></table:table-row></table:table>")
    assert blocks(doc) == [("paragraph", "第1段", "框中第一段。"), ("paragraph", "第2段", "框中第二段。"),
                           ("table", "表1", "1,234件")]
    assert doc.meta["layout_tables"] == 1


def test_sniffed_whatever_the_name():
    data = CLEAN.read_bytes()
    assert reader_of("a.odt", data) == ("odt", None)
    assert reader_of("a.docx", data) == ("odt", "odt")
    assert reader_of("download.do", data) == ("odt", None)
    assert ".odt" in WALK_EXTENSIONS
    word = render.to_docx((ROOT / "examples" / "clean-2023.md").read_text(encoding="utf-8"))
    assert reader_of("a.odt", word) == ("docx", "zip")  # a .docx named .odt: read as Word, DL004
    for mimetype, name in ((b"application/vnd.oasis.opendocument.spreadsheet", "a.ods"),
                           (b"application/vnd.oasis.opendocument.presentation", "a.docx")):
        with pytest.raises(UnsupportedType, match="OpenDocument 表格、演示文稿"):
            reader_of(name, package(content("<text:p>x</text:p>"), mimetype))


def test_an_odt_named_docx_is_read_and_said(tmp_path):
    p = tmp_path / "2023年报.docx"
    p.write_bytes(CLEAN.read_bytes())
    result = Checker(isolated=True).check_file(str(p))
    assert result.error is None and result.format == "odt"
    assert [d.code for d in result.diagnostics] == ["DL004"]
    assert "扩展名为 .docx，内容却是 OpenDocument 文本（.odt），已按 OpenDocument 文本读取" in result.diagnostics[0].message


def test_check_on_the_command_line_a_damaged_file_and_fix(tmp_path):
    """A damaged .odt is one line and exit code 2; the other files are checked all the same; --fix never writes
    an .odt."""
    (tmp_path / "report.odt").write_bytes(DEFECTIVE.read_bytes())
    (tmp_path / "cut.odt").write_bytes(DEFECTIVE.read_bytes()[:20000])
    r = runner.invoke(app, ["check", "--isolated", "--no-cache", "-f", "json", str(tmp_path)])
    assert r.exit_code == 2, r.output
    by_name = {Path(f["path"]).name: f for f in json.loads(r.stdout)["files"]}
    error = by_name["cut.odt"]["error"]
    assert "已损坏" in error and "\n" not in error
    f = by_name["report.odt"]
    assert f["format"] == "odt" and f["error"] is None
    dl301 = [d for d in f["diagnostics"] if d["code"] == "DL301"]
    assert dl301 and all("段" in (d.get("pointer") or "") for d in dl301)
    target = tmp_path / "report.odt"
    before = target.read_bytes()
    r = runner.invoke(app, ["check", "--isolated", "--no-cache", "--fix", str(target)])
    assert target.read_bytes() == before and "OpenDocument 文本（.odt）不自动修复" in r.output


def test_annotate_writes_a_word_copy_of_an_odt_file(tmp_path):
    out = tmp_path / "审阅.docx"
    r = runner.invoke(app, ["annotate", str(DEFECTIVE), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert out.read_bytes()[:2] == b"PK" and "条批注" in r.output


# -- damaged and hostile input -------------------------------------------------------------------------

def test_encrypted_and_other_packages_are_one_line():
    manifest = b'<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">' \
               b"<manifest:file-entry><manifest:encryption-data/></manifest:file-entry></manifest:manifest>"
    with pytest.raises(InputError, match="已加密"):
        read_document("a.odt", package(b"\x00garbled", manifest=manifest))
    with pytest.raises(InputError, match=r"不是有效的 \.odt"):
        read_document("a.odt", b"just text, not a zip")
    with pytest.raises(InputError, match="没有 OpenDocument 正文"):
        read_document("a.odt", package(b"<x/>").replace(b"content.xml", b"contents.xm"))
    with pytest.raises(InputError, match="XML 已损坏"):
        read_document("a.odt", package(b"<office:document-content"))


@pytest.mark.parametrize("cut", [100, 3000, 20000, 40000])
def test_a_truncated_file_is_one_line(cut):
    with pytest.raises(InputError) as exc:
        read_document("a.odt", CLEAN.read_bytes()[:cut])
    assert "\n" not in str(exc.value)


def test_corrupted_xml_never_raises_anything_else():
    import random

    with zipfile.ZipFile(FEATURES) as zf:
        base = zf.read("content.xml")
    rng = random.Random(20261204)
    outcomes = Counter()
    for _ in range(150):
        data = bytearray(base)
        for _ in range(rng.randint(1, 40)):
            data[rng.randrange(len(data))] = rng.choice(b'<>&"/= 0-9:\xff')
        try:
            read_document("a.odt", package(bytes(data)))
            outcomes["read"] += 1
        except InputError as exc:
            assert "\n" not in str(exc)
            outcomes["refused"] += 1
    assert outcomes["refused"]


LAUGHS = ('<!DOCTYPE d [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">' + "".join(
    f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]>")


@pytest.mark.parametrize(("data", "says"), [
    (package(content("<text:p>&j;</text:p><text:p>正文</text:p>", prolog=LAUGHS)), None),
    (package(content('<text:p>&x;</text:p><text:p>正文</text:p>',
                     prolog='<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>')), None),
    (package(content("<table:table><table:table-row>" + '<table:table-cell table:number-columns-repeated='
                     '"1000000000"><text:p>1</text:p></table:table-cell>' + "</table:table-row></table:table>")), None),
    (package(content('<table:table><table:table-row table:number-rows-repeated="1000000000"><table:table-cell>'
                     "<text:p>1</text:p></table:table-cell></table:table-row></table:table>")), "max_table_cells"),
    (package(content('<table:table><table:table-row><table:table-cell table:number-rows-spanned="1000000000" '
                     'table:number-columns-spanned="1000000000"><text:p>1</text:p></table:table-cell>'
                     "</table:table-row>" + "<table:table-row><table:covered-table-cell/></table:table-row>" * 3
                     + "</table:table><text:p>正文</text:p>")), None),
    (package(content("<text:p>" + "<text:span>" * 200 + "深" + "</text:span>" * 200 + "</text:p>")), None),
    (package(content('<text:p>甲<text:s text:c="2000000000"/>乙</text:p>')), None),
])
def test_hostile_input_is_bounded(data, says):
    started = time.monotonic()
    try:
        doc = read_document("a.odt", data)
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert "root:" not in "".join(b.text for b in doc.blocks)  # an external entity is never fetched
        if says:
            assert any(says in (n.detail or "") for n in doc.notices)
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("nest", [
    lambda n: "<text:p>" + "<text:span>" * n + "深处" + "</text:span>" * n + "</text:p>",
    lambda n: "<text:section>" * n + "<text:p>深处</text:p>" + "</text:section>" * n,
    lambda n: ("<table:table><table:table-row><table:table-cell>" * n + "<text:p>深处</text:p>"
               + "</table:table-cell></table:table-row></table:table>" * n),
])
def test_content_nested_past_the_depth_followed_is_said_not_dropped_silently(nest):
    doc = odt("<text:p>正文</text:p>" + nest(60))
    assert "深处" not in "".join(b.text for b in doc.blocks)
    assert [n.detail for n in doc.notices if n.kind == "read-limit"] == ["表格、文本框、列表等嵌套超过 40 层，更深处的内容未读取"]
    shallow = odt("<text:p>正文</text:p>" + nest(3))
    assert "深处" in "".join(b.text for b in shallow.blocks) and not shallow.notices


def test_depth_past_libxml2s_bound_and_a_zip_bomb_are_one_line():
    with pytest.raises(InputError, match="嵌套过深"):
        read_document("a.odt", package(content("<text:p>" + "<text:span>" * 10_000 + "深" + "</text:span>" * 10_000
                                               + "</text:p>")))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", b"<a>" + b" " * 80_000_000 + b"</a>")
    with pytest.raises(InputError, match=r"解压后|上限"):
        read_document("a.odt", buf.getvalue())


def test_libreoffice_conversions_read_as_their_docx(soffice, tmp_path):
    """Converted again here, the .odt of each source reads block for block as the .docx it came from (levels too; the
    features document's PAGE field keeps the 0 LibreOffice stores)."""
    from .fixtures.odt.make_odt_fixtures import convert, sources

    made = sources()
    convert(made, tmp_path, tmp_path / "out", soffice)
    for name, data in made.items():
        want = [(b.kind, b.level, b.pointer, b.text) for b in docx_reader.read("x.docx", data).blocks]
        got = [(b.kind, b.level, b.pointer, b.text) for b in read_path(str(tmp_path / "out" / f"{name}.odt")).blocks]
        if name == "features":
            want = [(k, lv, p, t.replace("第3页", "第0页")) for k, lv, p, t in want]
        assert got == want, name


def test_package_messages_name_an_opendocument_file_not_a_word_one():
    from disclosure_lint.limits import Limits

    small = Limits(max_docx_xml_mb=0.01)  # the XML parts' total limit (about 10 KB here)
    big = package(content("<text:p>" + "正文" * 20_000 + "</text:p>"))
    with pytest.raises(InputError) as exc:
        read_document("a.odt", big, small)
    assert "OpenDocument 文档中的 XML 部分" in str(exc.value) and "Word" not in str(exc.value)
    damaged = package(content("<text:p>正文</text:p>"))
    damaged = damaged[:-30]  # the zip's central directory cut short: PK at the start, no directory
    with pytest.raises(InputError) as exc:
        read_document("a.odt", damaged)
    assert "已损坏或不完整" in str(exc.value) and ".docx" not in str(exc.value)
