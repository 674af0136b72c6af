"""RTF reader: text, tables with merges, GBK and Unicode, what is left out, and damaged or hostile files in one line.

The fixtures in ``tests/fixtures/rtf/`` were saved by LibreOffice (``make_rtf_fixtures.py``) from the examples rendered
as Word and from the .doc fixtures' documents of features; where LibreOffice is installed, a test converts again and
compares with the ``.docx`` read by the Word reader.  What LibreOffice does not write (Word's GBK ``\\'hh`` pairs,
``\\pntext``, ``\\loch\\hich\\dbch``, bookmarks, a row defined after its cells …) is written by hand here. The examples' files give the
Markdown's findings and read block for block as the .docx: tests/test_formats_consistency.py."""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from disclosure_lint.api import Checker
from disclosure_lint.cli import app
from disclosure_lint.errors import InputError, UnsupportedType
from disclosure_lint.model import Document
from disclosure_lint.readers import read_document, read_path, reader_of
from disclosure_lint.readers import rtf as rtf_reader

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "rtf"
CLEAN, DEFECTIVE, FEATURES = (FIXTURES / f"{n}.rtf" for n in ("clean-2023", "defective-2023", "features"))
runner = CliRunner()

# Word's way: \ansicpg936, fonts of \fcharset134, Chinese as GBK byte pairs in \'hh
HEAD = ("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}"
        "{\\f13\\fnil\\fcharset134 \\'cb\\'ce\\'cc\\'e5;}{\\f14\\fnil\\fcharset2 Wingdings;}}"
        "{\\colortbl;\\red0\\green0\\blue0;}{\\stylesheet{\\s0 Normal;}{\\s1\\f13 \\'b1\\'ea\\'cc\\'e2 1;}"
        "{\\s2\\sbasedon1 mine;}{\\*\\cs10 Default Paragraph Font;}}{\\*\\generator Microsoft Word 11;}"
        "{\\info{\\title \\'b1\\'a8\\'b8\\'e6}{\\author x}}{\\*\\rsidtbl \\rsid1}\\sectd ")


def gbk(text: str) -> str:
    """``text`` as Word writes Chinese in RTF: each GBK byte a ``\\'hh``."""
    return "".join(f"\\'{b:02x}" for b in text.encode("gbk"))


def rtf(body: str, head: str = HEAD) -> Document:
    return rtf_reader.read("x.rtf", (head + body + "}").encode("ascii"))


def blocks(doc: Document) -> list[tuple[str, str | None, str]]:
    return [(b.kind, b.pointer, b.text) for b in doc.blocks]


def _findings(path: Path) -> Counter:
    result = Checker(isolated=True).check_file(str(path))
    assert result.error is None, result.error
    return Counter((d.code, d.message) for d in result.diagnostics)


# -- what is read ------------------------------------------------------------------------------------

def test_tracked_changes_fields_hidden_text_and_nested_tables():
    """The document of features LibreOffice also saved as tests/fixtures/doc/features.doc reads block for block as
    the .doc does (test_reader_doc.py pins those blocks: the deleted 75 left out and the inserted 57 kept, a field's
    result, hidden text left out, merged cells repeated, a nested table's row tab-separated)."""
    doc = read_path(str(FEATURES))
    assert blocks(doc) == blocks(read_path(str(ROOT / "tests" / "fixtures" / "doc" / "features.doc")))
    assert len(doc.blocks) == 9 and doc.blocks[5].table.rows[1].cells[0].pointer == "表1第2行第1列"


def test_layout_frames_are_read_as_the_body():
    """As in the Word readers: a one-column table that lays out a page is its paragraphs and tables; a number in a box,
    a one-column list and a two-column table holding a table stay tables."""
    doc = read_path(str(FIXTURES / "frames.rtf"))
    assert blocks(doc) == [
        ("paragraph", "第1段", "正文第一段。"), ("paragraph", "第2段", "框中第一段。"), ("paragraph", "第3段", "框中第二段。"),
        ("paragraph", "第4段", "二、主动公开政府信息情况"), ("table", "表1", "1,234件"), ("table", "表2", "序号\n1\n2"),
        ("table", "表3", "说明\t内"), ("paragraph", "第5段", "外框标题"), ("paragraph", "第6段", "内框段落。"),
        ("table", "表4", "项目\t数量\n许可\t12"), ("paragraph", "第7段", "正文末段。")]
    assert doc.meta["layout_tables"] == 4 and doc.meta["tables"] == 4
    framed = read_path(str(FIXTURES / "framed-2023.rtf"))
    assert [b.text for b in framed.blocks[:2]] == ["政务公开专栏", "发布时间：2024-01-18"]
    assert [(b.kind, b.text) for b in framed.blocks[2:]] == [(b.kind, b.text) for b in read_path(str(DEFECTIVE)).blocks]


def test_a_text_boxs_paragraphs_follow_its_anchor():
    """The 落款 in a text box ({\\shptxt …}) is read after its anchor, as in the Word readers: the late publication
    (DL405) and the zero-padded date (DL402) are found."""
    doc = read_path(str(FIXTURES / "boxed-2023.rtf"))
    assert blocks(doc)[-3:] == [
        ("paragraph", "第25段", "本报告已于2024.1.5经局务会议审议通过。"),
        ("paragraph", "第25段处文本框第1段", "江北市桐溪区农业农村局"), ("paragraph", "第25段处文本框第2段", "2024年03月15日")]
    codes = Counter(c for c, _m in _findings(FIXTURES / "boxed-2023.rtf").elements())
    assert codes == Counter(c for c, _m in _findings(DEFECTIVE).elements()) and codes["DL405"] and codes["DL402"]
    assert blocks(read_path(str(FIXTURES / "boxes.rtf"))) == [
        ("paragraph", "第1段", "首段"), ("paragraph", "第1段处文本框第1段", "首段的框"),
        ("paragraph", "第1段处文本框第1段", "空段的框"), ("paragraph", "第2段", "带表格的框"),
        ("paragraph", "第2段处文本框第1段", "框内说明"), ("table", "表1", "项目\t数量\n许可\t12"), ("paragraph", "第3段", "末段")]


def test_a_text_box_in_words_way():
    """Word writes the box twice: in the shape ({\\*\\shpinst … {\\shptxt …}}) and drawn for older readers
    ({\\shprslt …}); it is read once, after its anchor.  A box never closed (a cut file) is read all the same."""
    shape = ("{\\shp{\\*\\shpinst\\shpleft0\\shpright3000{\\sp{\\sn shapeType}{\\sv 202}}{\\shptxt \\pard "
             + gbk("框内第一段") + "\\par \\pard " + gbk("框内第二段") + "\\par}}{\\shprslt{\\*\\do\\dobxcolumn"
             "{\\dptxbx{\\dptxbxtext\\pard " + gbk("框内第一段") + "\\par}}}}}")
    doc = rtf("\\pard " + gbk("锚段") + shape + "\\par\\pard " + gbk("后段") + "\\par")
    assert blocks(doc) == [("paragraph", "第1段", "锚段"), ("paragraph", "第1段处文本框第1段", "框内第一段"),
                           ("paragraph", "第1段处文本框第2段", "框内第二段"), ("paragraph", "第2段", "后段")]
    assert doc.meta["text_boxes"] == 1
    cut = rtf_reader.read("x.rtf", (HEAD + "\\pard " + gbk("锚段") + shape[:shape.index("\\par \\pard")]).encode())
    assert blocks(cut) == [("paragraph", "第1段", "锚段"), ("paragraph", "第1段处文本框第1段", "框内第一段")]


def test_tables_pasted_as_pictures_are_pictures_not_missing_tables():
    """As in a .docx: a paragraph that is only a picture of a table's size is an image block (DL002 says the tables
    are pictures, no false DL105 "no table" errors); a small icon beside the text is not."""
    doc = read_path(str(FIXTURES / "pictures-2023.rtf"))
    images = [b for b in doc.blocks if b.kind == "image"]
    assert len(images) == 6 and images[0].pointer == "第16段后的图片"
    assert doc.blocks[1].kind == "paragraph"
    assert Counter(c for c, _m in _findings(FIXTURES / "pictures-2023.rtf").elements()) == Counter({"DL002": 1})


def test_numbering_and_headings_as_printed():
    """LibreOffice writes Word's automatic numbers as {\\listtext 一、\\tab}: drawn before the title, as the Word
    readers draw them, so the numbered example has no finding; heading styles give headings."""
    doc = read_path(str(FIXTURES / "numbered-2023.rtf"))
    assert doc.meta["auto_numbered"] == 18
    assert "一、总体情况" in [b.text for b in doc.blocks]
    assert _findings(FIXTURES / "numbered-2023.rtf") == Counter()
    doc = read_path(str(FIXTURES / "headings.rtf"))
    assert [(b.kind, b.level) for b in doc.blocks] == [
        ("heading", 1), ("paragraph", None), ("heading", 1), ("heading", 2), ("heading", 1),
        ("paragraph", None), ("paragraph", None)]  # (LibreOffice leaves out a paragraph's own outline level)


def test_word_style_gbk_text_styles_and_numbers():
    doc = rtf("\\pard\\plain\\s1{\\rtlch\\fcs1 \\af13 \\ltrch\\fcs0 \\f13\\hich\\af13\\dbch\\af13\\loch\\f13 "
              + gbk("某区2023年政府信息公开工作年度报告") + "}\\par"
              "\\pard\\plain{\\*\\bkmkstart _Toc1}{\\pntext\\f13 " + gbk("一、") + "\\tab}{\\*\\pn\\pnlvlbody{\\pntxta "
              + gbk("、") + "}}" + gbk("总体情况") + "{\\*\\bkmkend _Toc1}\\par"
              "\\pard\\outlinelevel1 " + gbk("（一）主动公开") + "\\par"
              "\\pard\\s2 " + gbk("基于标题样式") + "\\par"
              "\\pard{\\listtext \\'b7\\tab}" + gbk("项目符号不画") + "\\par")
    assert [(b.kind, b.level, b.text) for b in doc.blocks] == [
        ("heading", 1, "某区2023年政府信息公开工作年度报告"),  # style 1 is named 标题 1 (in GBK)
        ("paragraph", None, "一、总体情况"),
        ("heading", 2, "（一）主动公开"),  # an outline level of its own
        ("heading", 1, "基于标题样式"),  # through its base style
        ("paragraph", None, "项目符号不画"),  # a bullet is not drawn, as in the Word readers
    ]


def test_unicode_fallbacks_surrogates_and_symbols():
    doc = rtf("\\pard " + gbk("可见") + "{\\v " + gbk("隐藏") + "}{\\deleted " + gbk("删除") + "}"
              "\\uc1\\u27979?\\u-10179?\\u-8982?{\\uc2\\u25991\\'ce\\'c4}\\uc0\\u23383 a\\line b\\tab c\\~d\\-e\\_f"
              "{\\f14 \\'fe}\\emdash\\par"
              "\\pard\\uc1\\u24180\\'3f\\u20221?\\par")
    assert [b.text for b in doc.blocks] == ["可见测📪文字a\nb\tc\xa0de\u2011f☑\u2014", "年份"]
    assert doc.meta["deleted_runs"] == 1


def test_unicode_text_of_words_upr_is_read_once():
    doc = rtf("\\pard{\\upr{" + gbk("标题") + "}{\\*\\ud{\\u26631?\\u39064?}}}\\par")
    assert [b.text for b in doc.blocks] == ["标题"]


def test_undecodable_and_raw_bytes_never_fail():
    raw = "原始字节".encode("gbk")
    doc = rtf_reader.read("x.rtf", HEAD.encode() + b"\\pard\\f13 " + raw + b"\\'ff\\'\\par\\pard\\'81\\par}")
    assert [b.text for b in doc.blocks] == ["原始字节\ufffd", "\ufffd"]  # raw GBK bytes; a lone lead byte is U+FFFD
    doc = rtf_reader.read("x.rtf", b"{\\rtf1\\ansi\\ansicpg99999{\\fonttbl{\\f0\\fcharset250 X;}}\\f0 caf\\'e9\\par}")
    assert doc.blocks[0].text == "café"  # an unknown code page: Windows-1252


def test_a_western_code_page_with_a_double_byte_font():
    """\\ansicpg1252 with the double-byte characters' font named by \\dbch\\afN: GBK pairs are read by that font,
    accented letters by the document's code page."""
    head = ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}"
            "{\\f13\\fnil\\fcharset134 SimSun;}}\\pard\\plain \\rtlch\\af0 \\ltrch\\loch\\af0\\hich\\af0\\dbch\\af13 ")
    doc = rtf("{\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 " + gbk("中文") + "}caf\\'e9\\par", head)
    assert [b.text for b in doc.blocks] == ["中文café"]


def test_horizontal_and_vertical_merges_and_a_row_defined_after_its_cells():
    doc = rtf("\\trowd\\trleft0\\trhdr\\clmgf\\cellx1000\\clmrg\\cellx2000\\cellx3000"
              "\\pard\\intbl A\\cell \\cell B\\cell\\row"
              "\\trowd\\trleft0\\clvmgf\\cellx1000\\cellx2000\\cellx3000\\pard\\intbl C\\cell D\\cell E\\cell\\row"
              # Word's way: the row's properties again (here only) after its cells, before \row
              "\\pard\\intbl \\cell F\\cell G\\cell\\trowd\\trleft0\\clvmrg\\cellx1000\\cellx2000\\cellx3000\\row"
              "\\trowd\\trleft0\\cellx1000\\cellx3000\\pard\\intbl " + gbk("合计") + "\\cell 9\\cell\\row"
              "\\pard " + gbk("表后") + "\\par")
    assert blocks(doc) == [("table", "表1", "A\tA\tB\nC\tD\tE\nC\tF\tG\n合计\t9\t9"), ("paragraph", "第1段", "表后")]
    rows = doc.blocks[0].table.rows
    assert rows[0].header and not rows[1].header
    assert rows[3].cells[2].pointer == "表1第4行第3列"


def test_a_nested_table_in_words_way():
    doc = rtf("\\trowd\\cellx2000\\cellx4000\\pard\\intbl " + gbk("外") + "\\cell "
              "\\pard\\intbl\\itap2 1\\nestcell 2\\nestcell{\\*\\nesttableprops\\trowd\\cellx900\\cellx1800\\nestrow}"
              "{\\nonesttables\\par}\\pard\\intbl\\itap1 \\cell\\row\\pard x\\par")
    assert blocks(doc)[0] == ("table", "表1", "外\t1\t2")


def test_fields_pictures_objects_and_destinations_left_out():
    png = "89504e470d0a1a0a" * 50
    doc = rtf("{\\header\\pard " + gbk("页眉") + "\\par}{\\footnote\\pard " + gbk("脚注") + "\\par}"
              "\\pard{\\field{\\*\\fldinst HYPERLINK \"http://x\"}{\\fldrslt " + gbk("链接") + "}}"
              "{\\*\\unknowndest " + gbk("未知") + "}{\\object\\objemb{\\*\\objdata 0102}{\\result " + gbk("对象") + "}}"
              "\\par\\pard{\\*\\shppict{\\pict\\pngblip\\picwgoal9000\\pichgoal3000 " + png + "}}"
              "{\\nonshppict{\\pict\\wmetafile8 " + png + "}}\\par"
              "\\pard{\\pict\\pngblip\\picwgoal200\\pichgoal200 " + png + "}" + gbk("小图标后的文字") + "\\par"
              "\\pard a{\\pict\\bin4 }}{}}b\\par")  # (the 4 bytes after \\bin4 are data, braces or not)
    assert blocks(doc) == [("paragraph", "第1段", "链接对象"), ("image", "第1段后的图片", "<img>"),
                           ("paragraph", "第2段", "小图标后的文字"), ("paragraph", "第3段", "ab")]
    floating = ("{\\shp{\\*\\shpinst\\shpleft0\\shpright9000{\\sp{\\sn shapeType}{\\sv 75}}{\\sp{\\sn pib}{\\sv "
                "{\\pict\\pngblip\\picwgoal9000\\pichgoal3000 " + png + "}}}}{\\shprslt{\\pict\\wmetafile8 " + png + "}}}")
    doc = rtf("\\pard " + gbk("正文") + "\\par\\pard " + floating + "\\par")
    assert blocks(doc) == [("paragraph", "第1段", "正文"), ("image", "第1段后的图片", "<img>")]


def test_sniffed_whatever_the_name(tmp_path):
    assert reader_of("a.doc", b"{\\rtf1 x}") == ("rtf", "rtf")
    assert reader_of("a.wps", b"{\\rtf1 x}") == ("rtf", "rtf")
    assert reader_of("a.docx", b"{\\rtf1 x}") == ("rtf", "rtf")
    assert reader_of("a.rtf", b"{\\rtf1 x}") == ("rtf", None)
    assert reader_of("download.do", b"{\\rtf1 x}") == ("rtf", None)  # an unknown extension: no note
    with pytest.raises(UnsupportedType, match=r"文件扩展名为 \.rtf，内容却不是 RTF 格式"):
        read_document("a.rtf", "一份纯文本".encode())
    assert reader_of("a.rtf", b"%PDF-1.7\n") == ("pdf", "pdf")


@pytest.mark.parametrize("name", ["2023年报.doc", "2023年报.wps", "2023年报.docx"])
def test_an_rtf_file_under_a_word_name_is_read_and_said(tmp_path, name):
    p = tmp_path / name
    p.write_bytes(CLEAN.read_bytes())
    result = Checker(isolated=True).check_file(str(p))
    assert result.error is None and result.format == "rtf"
    assert [d.code for d in result.diagnostics] == ["DL004"]
    assert f"扩展名为 {p.suffix}，内容却是 RTF 格式文件，已按 RTF 文档读取" in result.diagnostics[0].message


def test_check_on_the_command_line_and_a_damaged_file(tmp_path):
    """A damaged RTF file is one line and exit code 2; the other files are checked all the same; --fix never writes
    an RTF file."""
    (tmp_path / "report.rtf").write_bytes(DEFECTIVE.read_bytes())
    (tmp_path / "cut.rtf").write_bytes(DEFECTIVE.read_bytes()[:3000])  # cut inside the style sheet
    r = runner.invoke(app, ["check", "--isolated", "--no-cache", "-f", "json", str(tmp_path)])
    assert r.exit_code == 2, r.output
    by_name = {Path(f["path"]).name: f for f in json.loads(r.stdout)["files"]}
    error = by_name["cut.rtf"]["error"]
    assert "RTF 文件已损坏或不完整" in error and "\n" not in error
    f = by_name["report.rtf"]
    assert f["format"] == "rtf" and f["error"] is None
    dl301 = [d for d in f["diagnostics"] if d["code"] == "DL301"]
    assert dl301 and all("段" in (d.get("pointer") or "") for d in dl301)
    target = tmp_path / "report.rtf"
    before = target.read_bytes()
    r = runner.invoke(app, ["check", "--isolated", "--no-cache", "--fix", str(target)])
    assert target.read_bytes() == before and "RTF 文档（.rtf）不自动修复" in r.output


def test_annotate_writes_a_word_copy_of_an_rtf_file(tmp_path):
    out = tmp_path / "审阅.docx"
    r = runner.invoke(app, ["annotate", str(DEFECTIVE), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert out.read_bytes()[:2] == b"PK" and "条批注" in r.output


# -- damaged and hostile input -------------------------------------------------------------------------

@pytest.mark.parametrize("cut", [10, 200, 3000, 20000, 60000, 120000])
def test_a_truncated_file_is_read_or_one_line(cut):
    try:
        doc = read_document("a.rtf", CLEAN.read_bytes()[:cut])
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert isinstance(doc, Document)


@pytest.mark.parametrize(("data", "says"), [
    (b"{\\rtf1\\ansi" + b"{" * 100_000 + b"deep" + b"}" * 100_000 + b" text\\par}", "嵌套超过 1000 层"),
    (b"{\\rtf1\\ansi\\pard\\intbl" + b" 1\\cell" * 200_000 + b"}", "max_table_cells"),
    (b"{\\rtf1\\ansi\\trowd" + b"\\cellx1" * 100_000 + b"\\pard\\intbl 1\\cell\\row\\pard text\\par}", None),
    (b"{\\rtf1\\ansi\\uc2147483647 \\u23383 " + b"a" * 1000 + b"} text\\par}", None),
    (b"{\\rtf1\\ansi text\\par\\bin99999999999 abc}", None),
    (b"{\\rtf1\\ansi text\\par\\bin-5 abc}", None),
    (b"{\\rtf1\\ansi " + b"\x00" * 100_000 + b"text\\par}", None),
    (b"{\\rtf1\\ansi text\\par" + b"{" * 500, None),  # never closed
    (b"{\\rtf1\\ansi\\u-1\\u99999 x\\'zz\\", None),
    # 10,000 styles, each based on the next: the base styles followed are bounded
    (b"{\\rtf1{\\stylesheet" + b"".join(b"{\\s%d\\sbasedon%d x;}" % (i, i + 1) for i in range(10_000))
     + b"}\\pard\\s5 text\\par}", None),
    (b"{\\rtf1\\ansi text\\par{" * 2000 + b"\\bin3 }}}" + b"}" * 5000, None),  # \\bin in groups past the bound
])
def test_hostile_input_is_bounded(data, says):
    started = time.monotonic()
    doc = read_document("a.rtf", data)
    assert time.monotonic() - started < 5
    if says:
        assert any(says in (n.detail or "") for n in doc.notices)


def test_corrupted_bytes_never_raise_anything_else():
    import random

    base = FEATURES.read_bytes()
    rng = random.Random(20261204)
    outcomes = Counter()
    for _ in range(150):
        data = bytearray(base)
        for _ in range(rng.randint(1, 40)):
            data[rng.randrange(len(data))] = rng.choice(b"{}\\'0a\x00\xff ")
        try:
            read_document("a.rtf", bytes(data))
            outcomes["read"] += 1
        except InputError as exc:
            assert "\n" not in str(exc)
            outcomes["refused"] += 1
    assert outcomes["read"]


def test_libreoffice_conversions_read_as_their_docx(soffice, tmp_path):
    """Converted again here, the RTF of each example and of the features document reads block for block as the
    .docx it came from (the features document's PAGE field is recalculated; LibreOffice leaves out a paragraph's own
    outline level)."""
    from disclosure_lint.readers import docx as docx_reader

    from .fixtures.rtf.make_rtf_fixtures import convert, sources

    made = sources()
    del made["headings"]  # (its own outline level is lost)
    convert(made, tmp_path, tmp_path / "out", soffice)
    for name, data in made.items():
        want = [(b.kind, b.text) for b in docx_reader.read("x.docx", data).blocks]
        got = [(b.kind, b.text) for b in read_path(str(tmp_path / "out" / f"{name}.rtf")).blocks]
        if name == "features":
            want = [(k, t.replace("第3页", "第1页")) for k, t in want]
        assert got == want, name
