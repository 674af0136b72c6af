"""Statistics tables published as pictures: there is a table (no DL105), and DL002 says once that none of its
numbers was checked (``report.structure.image_tables``); the HTML reader keeps a captioned picture as a block."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from disclosure_lint.readers import html as html_reader

from .conftest import lint
from .render import to_html

ROOT = Path(__file__).resolve().parent.parent
REPORT = (ROOT / "examples" / "clean-2023.md").read_text(encoding="utf-8")
TABLE = re.compile(r"<table.*?</table>", re.S)


def _pictures(page: str, shape: str) -> str:
    """Each table of ``page`` replaced by a picture in the ``shape`` portals give it."""
    n = iter(range(1, 100))

    def one(_m: re.Match) -> str:
        i = next(n)
        return {
            "alone": f'<p style="text-align:center"><img src="/upload/t{i}.png" width="600"></p>',
            "caption": f'<p>统计表{i}<br><img src="/upload/t{i}.jpg"></p>',
            "caption-after": f'<p><img src="/upload/t{i}.jpg"></p><p>（表{i}）</p>',
            "layout-table": f'<table><tr><td><img src="/upload/t{i}.jpg"></td></tr></table>',
            # click to enlarge: a picture in a link to itself, sized by its style or its attributes
            "link-self": f'<p style="text-align:center"><a href="/upload/t{i}.png" target="_blank">'
                         f'<img src="/upload/t{i}.png" style="width:600px" border="0"></a></p>',
            "link-sized": f'<p><a href="/upload/t{i}.png" title="点击查看大图"><img src="/upload/t{i}.png" '
                          f'alt="主动公开情况" width="640" height="260"></a></p>',
            # a thumbnail leading to the full picture, its hint outside the link or inside it
            "thumb": f'<p><a href="/upload/t{i}.png"><img src="/upload/t{i}.png?thumb" width="60" height="40"></a>'
                     "（点击查看大图）</p>",
            "thumb-text": f'<p><a href="/upload/big{i}.jpg"><img src="/upload/small{i}.jpg" width="120"><br>点击查看原图'
                          "</a></p>",
            # a large picture whose link runs a script (a viewer), and one leading to a page beside its caption
            "link-script": f'<p><a href="javascript:void(0)"><img src="/upload/t{i}.png" width="600" height="400">'
                           "</a></p>",
            "link-page-caption": f'<p>表{i} 统计情况<br><a href="/art/2024/1/19/art_{i}.html"><img src="/upload/t{i}.png">'
                                 "</a></p>",
        }[shape]

    return TABLE.sub(one, page)


def _codes(diags) -> list[str]:
    return [d.code for d in diags]


@pytest.mark.parametrize("shape", ["alone", "caption", "caption-after", "layout-table", "link-self", "link-sized",
                                   "thumb", "thumb-text", "link-script", "link-page-caption"])
def test_tables_as_pictures_are_said_once_and_not_missing(shape):
    page = _pictures(to_html(REPORT), shape)
    diags = lint(page, fmt="html")
    codes = _codes(diags)
    assert "DL105" not in codes and "DL209" not in codes
    said = [d for d in diags if d.code == "DL002"]
    assert len(said) == 1, [d.message for d in said]
    assert said[0].message.startswith("表二、表三、表四以图片发布") and said[0].severity == "warning"
    assert said[0].evidence["tables"] == ["s2", "s3", "s4"]
    assert said[0].line is not None  # at the first picture


def test_only_the_tables_that_are_pictures_are_named():
    page = to_html(REPORT)
    tables = TABLE.findall(page)
    # table 二 only (the page's first four tables: 第二十条第（一）项, （五）, （六）, （八）) as a picture
    page = page.replace(tables[0], '<p><img src="/upload/t2.png"></p>', 1)
    for t in tables[1:4]:
        page = page.replace(t, "", 1)
    said = [d for d in lint(page, fmt="html") if d.code == "DL002"]
    assert [d.evidence["tables"] for d in said] == [["s2"]]
    assert said[0].message.startswith("表二以图片发布")


def test_text_tables_with_a_photo_are_not_pictures():
    page = to_html(REPORT).replace("</h2>", '</h2><p><img src="/upload/photo.jpg"></p>')
    assert "DL002" not in _codes(lint(page, fmt="html"))


def test_a_report_that_is_all_pictures_is_said_once():
    text = "# 某某县某某局2023年政府信息公开工作年度报告\n\n" + "".join(f"![](p{i}.jpg)\n\n" for i in range(1, 6))
    said = [d for d in lint(text) if d.code == "DL002"]
    assert len(said) == 1 and "正文只有图片" in said[0].message


def test_the_option_turns_it_off():
    page = _pictures(to_html(REPORT), "alone")
    diags = lint(page, fmt="html", config={"options": {"DL002": {"image_tables": False}}})
    assert "DL002" not in _codes(diags) and "DL105" not in _codes(diags)


@pytest.mark.parametrize("para", ['<p>表1 主动公开情况<br><img src="t1.png"></p>',
                                  '<p><img src="t1.png"><br>表1 主动公开情况</p>',
                                  '<p>表1 主动公开情况<br><span><img src="t1.png"></span><br></p>',
                                  # on the caption's line, before or after it
                                  '<p><img src="t1.png">表1 主动公开情况</p>', '<p>表1 主动公开情况<img src="t1.png"></p>'])
def test_a_captioned_picture_is_a_block_of_its_own(para):
    body = "2023年，本局全年主动公开政府信息120条。"
    page = f"<html><body>{para}<p>{body}</p></body></html>"
    kinds = [(b.kind, b.text) for b in html_reader.parse(page, path="a.html").blocks]
    assert kinds == [("paragraph", "表1 主动公开情况"), ("image", "<img>"), ("paragraph", body)]


@pytest.mark.parametrize("page", [
    # prose around a figure: one paragraph, no picture block
    '<html><body><p>2023年，本局通过政府网站主动公开政府信息120条，<img src="f.png">其中政策文件15条，'
    "解读材料8条，均在规定时限内公开。</p></body></html>",
    # a picture inside a short line of text
    '<html><body><p>2023年，本局全年主动公开政府信息120条。</p><p>正文<img src="f.png">文字。</p></body></html>',
    # an icon beside a caption (width under 80 pixels): not a picture
    '<html><body><p>2023年，本局全年主动公开政府信息120条。</p><p>说明<img src="i.gif" width="16"></p></body></html>',
    # a picture in a link (a thumbnail leading elsewhere)
    '<html><body><p>2023年，本局全年主动公开政府信息120条。</p><p><a href="x.html">附件<img src="t.png"></a></p>'
    "</body></html>",
])
def test_other_pictures_in_a_paragraph_are_not_blocks(page):
    assert "image" not in [b.kind for b in html_reader.parse(page, path="a.html").blocks]


@pytest.mark.parametrize("para", [
    # a banner or a logo leading to another page, large or not
    '<p><a href="/zt/2023/index.html"><img src="/upload/banner.jpg" width="900" height="120"></a></p>',
    '<p><a href="http://www.example.gov.cn/"><img src="/upload/logo.png" width="400" height="100"></a></p>',
    '<p><a href="/"><img src="/upload/home.png"></a></p>',
    # an icon linking to a picture, a picture of unknown size linking to nothing in particular
    '<p><a href="/upload/qr.png"><img src="/upload/wx.png" width="16" height="16"></a></p>',
    '<p><a href="#"><img src="/upload/x.png"></a></p>',
    # a picture linking to a page beside a short line that is no table's caption
    '<p><a href="/art/2024/1/19/art_1.html"><img src="/upload/t1.png"></a><br>专题报道</p>',
])
def test_linked_pictures_that_are_navigation_are_not_tables(para):
    # table 二 (the page's first four tables) is only that picture: a table missing, not one published as a picture
    page = to_html(REPORT)
    tables = TABLE.findall(page)
    page = page.replace(tables[0], para, 1)
    for t in tables[1:4]:
        page = page.replace(t, "", 1)
    codes = _codes(lint(page, fmt="html"))
    assert "DL105" in codes and "DL002" not in codes


def test_a_linked_picture_is_a_block_when_it_is_a_table():
    body = "<p>2023年，本局全年主动公开政府信息120条。</p>"
    kinds = [b.kind for b in html_reader.parse(
        "<html><body>" + body + '<p><a href="/u/t2.png"><img src="/u/t2.png" style="width:600px"></a></p>'
        + body + '<p><a href="/u/t3.jpg"><img src="/u/t3s.jpg" width="60" height="40"><br>点击查看大图</a></p>'
        + '<p><a href="/a/1.html"><img src="/u/t4.png" alt="表四 行政复议、行政诉讼情况"></a></p></body></html>',
        path="a.html").blocks]
    assert kinds == ["paragraph", "image", "paragraph", "paragraph", "image", "image"]


@pytest.mark.parametrize("picture", [
    "表2 主动公开政府信息情况\n![](t2.png)", "![](t2.png)\n表2 主动公开政府信息情况",
    "![表二](t2.png) 表二 主动公开政府信息情况", "主动公开情况统计表：![](t2.png)", '<img src="t2.png"> 表二'])
def test_a_markdown_picture_beside_its_caption_is_a_table_as_a_picture(picture):
    # Markdown keeps a picture in its paragraph's text: with a caption beside it (on its line or the next), the
    # paragraph is the table published as a picture — said once (DL002), never a missing table (DL105, an error)
    head, rest = REPORT.split("## 二、", 1)
    title, rest = rest.split("\n", 1)
    text = head + "## 二、" + title + "\n\n" + picture + "\n\n## 三、" + rest.split("## 三、", 1)[1]
    diags = lint(text)
    assert "DL105" not in _codes(diags)
    said = [d for d in diags if d.code == "DL002"]
    assert [d.evidence["tables"] for d in said] == [["s2"]]


def test_a_markdown_picture_in_a_sentence_is_not_a_table():
    head, rest = REPORT.split("## 二、", 1)
    title, rest = rest.split("\n", 1)
    prose = "本年度主动公开情况见下图![](t2.png)，各类信息均按规定时限公开，并及时更新了政府信息公开指南。"
    text = head + "## 二、" + title + "\n\n" + prose + "\n\n## 三、" + rest.split("## 三、", 1)[1]
    assert "DL105" in _codes(lint(text))


# -- Word: a table pasted as a picture ---------------------------------------------------------------------


def _png(width: int = 4, height: int = 3) -> bytes:
    """A small valid PNG (grey pixels)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\0" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _docx_with_pictures(md: str, tables: slice, size_cm: float = 15.0, caption: str | None = None) -> bytes:
    """The report as Word, its tables ``tables`` each replaced by a paragraph holding a picture."""
    import io

    import docx
    from docx.shared import Cm

    from .render import to_docx

    d = docx.Document(io.BytesIO(to_docx(md)))
    for tbl in list(d.tables)[tables]:
        para = d.add_paragraph()
        if caption:
            para.add_run(caption)
        para.add_run().add_picture(io.BytesIO(_png()), width=Cm(size_cm))
        tbl._element.addprevious(para._p)
        tbl._element.getparent().remove(tbl._element)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _check_docx(tmp_path, data: bytes):
    from disclosure_lint.api import Checker

    p = tmp_path / "report.docx"
    p.write_bytes(data)
    result = Checker(isolated=True).check_file(str(p))
    assert result.error is None, result.error
    return result.diagnostics


def test_word_tables_pasted_as_pictures_are_said_once_and_not_missing(tmp_path):
    diags = _check_docx(tmp_path, _docx_with_pictures(REPORT, slice(None)))
    codes = _codes(diags)
    assert "DL105" not in codes, [d.message for d in diags if d.code == "DL105"]
    said = [d for d in diags if d.code == "DL002"]
    assert len(said) == 1 and said[0].message.startswith("表二、表三、表四以图片发布")
    assert said[0].pointer and said[0].pointer.endswith("段后的图片")


def test_word_pictures_keep_the_paragraph_numbers(tmp_path):
    """A picture is a block but not a numbered paragraph: the findings' 第N段 are those of the text alone."""
    from disclosure_lint.readers import read_document

    from .render import to_docx

    plain = read_document("a.docx", to_docx(REPORT))
    pictured = read_document("a.docx", _docx_with_pictures(REPORT, slice(0, 1)))
    paras = [(b.pointer, b.text) for b in plain.blocks if b.kind != "table"]
    assert [(b.pointer, b.text) for b in pictured.blocks if b.kind not in ("table", "image")] == paras
    assert [b.kind for b in pictured.blocks].count("image") == 1


@pytest.mark.parametrize(("size_cm", "caption", "pictures"), [
    (0.5, None, 0),  # an icon (under 80 pixels)
    (15.0, "表1 主动公开情况", 0),  # a picture inside a line of text: not a block of its own
])
def test_word_pictures_that_are_not_tables(size_cm, caption, pictures):
    from disclosure_lint.readers import read_document

    doc = read_document("a.docx", _docx_with_pictures(REPORT, slice(0, 1), size_cm=size_cm, caption=caption))
    assert [b.kind for b in doc.blocks].count("image") == pictures


def test_a_word_file_of_pictures_only_is_still_refused():
    import io

    import docx

    d = docx.Document()
    d.add_paragraph().add_run().add_picture(io.BytesIO(_png()), width=__import__("docx.shared").shared.Cm(15))
    out = io.BytesIO()
    d.save(out)
    from disclosure_lint.errors import InputError
    from disclosure_lint.readers import read_document

    with pytest.raises(InputError, match="没有可读取的文字"):
        read_document("scan.docx", out.getvalue())


def test_word_copy_notes_the_pictured_tables_at_the_paragraph_before_them(tmp_path):
    """annotate: the DL002 of tables pasted as pictures is a comment on the paragraph before the first picture
    (its pointer 第N段后的图片), not one 'that cannot be placed'."""
    import docx
    from typer.testing import CliRunner

    from disclosure_lint.cli import app

    p = tmp_path / "report.docx"
    p.write_bytes(_docx_with_pictures(REPORT, slice(None)))
    out = tmp_path / "out.docx"
    r = CliRunner().invoke(app, ["annotate", str(p), "-o", str(out)])
    assert r.exit_code == 0, r.output
    texts = [c.text for c in docx.Document(str(out)).comments]
    mine = [t for t in texts if "以图片发布" in t]
    assert len(mine) == 1 and "位置：" not in mine[0]


@pytest.mark.parametrize("names", [("图片1.PNG", "图片2.png图片3.png", "图片4.jpg"),
                                   ("image002.jpeg", "image003.jpeg image004.jpeg", "image005.gif")])
def test_a_copy_that_kept_only_the_pictures_file_names(names):
    # a crawl of the page keeps each picture's file name where the picture was: the tables were pictures (DL002 once),
    # not missing (DL105, an error)
    text = ("某某县某某局2023年政府信息公开工作年度报告\n一、总体情况\n2023年，本局全年主动公开政府信息120条。\n"
            f"二、主动公开政府信息情况\n{names[0]}\n三、收到和处理政府信息公开申请情况\n{names[1]}\n"
            f"四、政府信息公开行政复议、行政诉讼情况\n{names[2]}\n五、存在的主要问题及改进情况\n无。\n"
            "六、其他需要报告的事项\n无。\n")
    diags = lint(text, fmt="text")
    assert "DL105" not in _codes(diags)
    said = [d for d in diags if d.code == "DL002"]
    assert [d.evidence["tables"] for d in said] == [["s2", "s3", "s4"]] and said[0].line == 5
    # a sentence naming a file is no picture: the table is still missing
    text2 = text.replace(names[0], "详见附件统计表.png中所列各项。")
    assert "DL105" in _codes(lint(text2, fmt="text"))
