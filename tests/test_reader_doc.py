"""Word 97–2003 (.doc) reader: text, tables, tracked changes, and every damaged or hostile file in one line.

The fixtures in ``tests/fixtures/doc/`` were saved by LibreOffice (``make_doc_fixtures.py``) from the examples
rendered as Word and from a small document of features; where LibreOffice is installed, a test converts again
and compares with the ``.docx`` read by the Word reader. The examples' files give the
Markdown's findings and read block for block as the .docx: tests/test_formats_consistency.py."""

from __future__ import annotations

import json
import random
import struct
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from disclosure_lint.api import Checker
from disclosure_lint.cli import app
from disclosure_lint.errors import InputError, UnsupportedType
from disclosure_lint.model import Document
from disclosure_lint.readers import doc as doc_reader
from disclosure_lint.readers import doc_tables, read_document, read_path
from disclosure_lint.readers.doc_text import field_codes

from . import render

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "doc"
CLEAN, DEFECTIVE, FEATURES = (FIXTURES / f"{n}.doc" for n in ("clean-2023", "defective-2023", "features"))
runner = CliRunner()


def _word_stream_at(data: bytes) -> int:
    """Where the WordDocument stream starts in the fixture (its FIB's magic number on a sector boundary)."""
    return next(i for i in range(0, len(data), 512) if data[i:i + 2] == b"\xec\xa5")


def _findings(path: Path) -> Counter:
    result = Checker().check_file(str(path))
    assert result.error is None, result.error
    return Counter((d.code, d.severity) for d in result.diagnostics)


# -- what is read ------------------------------------------------------------------------------------

def test_tracked_changes_fields_hidden_text_and_nested_tables():
    doc = read_path(str(FEATURES))
    assert [(b.kind, b.pointer, b.text) for b in doc.blocks] == [
        ("paragraph", "第1段", "本年新收申请57件。"),  # the deleted 75 left out, the inserted 57 kept
        ("paragraph", "第2段", "整段都是插入的。"),
        ("paragraph", "第3段", "第1页"),  # the field's result, not its code " PAGE "
        ("paragraph", "第4段", "可见也可见"),  # hidden text left out
        ("paragraph", "第5段", "甲\t乙\n丙"),
        ("table", "表1", "项目\t行政复议\t行政复议\t行政诉讼\n项目\t维持\t纠正\t维持\n数量\t1\t2\t3"),
        ("paragraph", "第6段", "两表之间的段落。"),
        ("table", "表2", "商业\n企业\t12\n内\t表"),  # a cell's paragraphs on lines, a nested table's row tab-separated
        ("paragraph", "第7段", "表后的段落。"),
    ]
    assert doc.meta["deleted_runs"] == 2 and doc.meta["tables"] == 2
    assert doc.blocks[5].table.rows[1].cells[0].pointer == "表1第2行第1列"


def test_layout_frames_are_read_as_the_body():
    """A one-column table that lays out a page (a box of two paragraphs, a section title in a banner box, a frame in a
    frame) is its paragraphs and tables, as in the Word reader; a number in a box, a one-column list and a two-column
    table holding a table stay tables."""
    doc = read_path(str(FIXTURES / "frames.doc"))
    assert [(b.kind, b.pointer, b.text) for b in doc.blocks] == [
        ("paragraph", "第1段", "正文第一段。"), ("paragraph", "第2段", "框中第一段。"), ("paragraph", "第3段", "框中第二段。"),
        ("paragraph", "第4段", "二、主动公开政府信息情况"), ("table", "表1", "1,234件"), ("table", "表2", "序号\n1\n2"),
        ("table", "表3", "说明\t内"), ("paragraph", "第5段", "外框标题"), ("paragraph", "第6段", "内框段落。"),
        ("table", "表4", "项目\t数量\n许可\t12"), ("paragraph", "第7段", "正文末段。")]
    assert doc.meta["layout_tables"] == 4 and doc.meta["tables"] == 4
    assert doc.blocks[9].table.rows[1].cells[1].pointer == "表4第2行第2列"


def test_a_report_in_a_portal_pages_frame_gives_the_reports_findings():
    # the defective example in a frame (a blank margin column, a column name and a date above the body) was one table
    # of three rows: no part, no statistics table found, and one DL005 warning ("not a report") instead of its errors
    framed = read_path(str(FIXTURES / "framed-2023.doc"))
    plain = read_path(str(DEFECTIVE))
    assert [b.text for b in framed.blocks[:2]] == ["政务公开专栏", "发布时间：2024-01-18"]
    assert [(b.kind, b.text) for b in framed.blocks[2:]] == [(b.kind, b.text) for b in plain.blocks]
    got, want = _findings(FIXTURES / "framed-2023.doc"), _findings(DEFECTIVE)
    del want[("DL405", "error")]  # published late by its 落款; the page's date (2024-01-18) is in time
    assert got == want and ("DL101", "error") in got and ("DL005", "warning") not in got


def test_a_text_boxs_paragraphs_follow_its_anchor_and_count():
    # the 落款 of the defective example in a text box was lost (and the box read as a picture "第25段后的图片"): the
    # report's late publication (DL405, an error) and its zero-padded date (DL402) were not found
    doc = read_path(str(FIXTURES / "boxed-2023.doc"))
    assert [(b.kind, b.pointer, b.text) for b in doc.blocks[-3:]] == [
        ("paragraph", "第25段", "本报告已于2024.1.5经局务会议审议通过。"),
        ("paragraph", "第25段处文本框第1段", "江北市桐溪区农业农村局"), ("paragraph", "第25段处文本框第2段", "2024年03月15日")]
    assert doc.meta["text_boxes"] == 1 and not any(b.kind == "image" for b in doc.blocks)
    got = _findings(FIXTURES / "boxed-2023.doc")
    assert got == _findings(DEFECTIVE) and ("DL405", "error") in got and ("DL402", "warning") in got
    # a text box's table is a table of the report, counted as in the Word reader; a box anchored at an empty paragraph
    # follows the paragraph before
    doc = read_path(str(FIXTURES / "boxes.doc"))
    assert [(b.kind, b.pointer, b.text) for b in doc.blocks] == [
        ("paragraph", "第1段", "首段"), ("paragraph", "第1段处文本框第1段", "首段的框"),
        ("paragraph", "第1段处文本框第1段", "空段的框"), ("paragraph", "第2段", "带表格的框"),
        ("paragraph", "第2段处文本框第1段", "框内说明"), ("table", "表1", "项目\t数量\n许可\t12"), ("paragraph", "第3段", "末段")]
    assert doc.meta["text_boxes"] == 3 and doc.meta["tables"] == 1
    # without its text box records the box is left out, never the document
    from disclosure_lint.readers.doc_boxes import box_ranges, shape_ids

    assert box_ranges(b"\0" * 10, 0, 52, 100) == {} and shape_ids(b"\0" * 10, 0, 60) == {}
    table = struct.pack("<4i", 0, 5, 40, 41) + struct.pack("<iiHiii", 1, 0, 0, -1, 1026, 0) * 2 \
        + struct.pack("<iiHiii", 0, 0, 1, 0, 7, 0)
    assert box_ranges(table, 0, len(table), 30) == {1026: (0, 5)}  # (the second cut to the story, the last reusable)


@pytest.mark.parametrize("name", ["boxed-2023", "boxes", "frames", "framed-2023"])
def test_corrupted_frames_and_text_boxes_never_raise_anything_else(name):
    """Bytes overwritten anywhere in a document of frames or text boxes (flags, offsets, nesting depths): read or
    refused in one line, quickly."""
    base = (FIXTURES / f"{name}.doc").read_bytes()
    rng = random.Random(name)
    started = time.monotonic()
    for k in range(80):
        data = bytearray(base)
        for _ in range(rng.randint(1, 30)):
            at = rng.randrange(len(data) - 4)
            if k % 2:
                data[at] = rng.randrange(256)
            else:
                data[at:at + 4] = rng.choice([b"\xff\xff\xff\x7f", b"\x00\x00\x00\x80", b"\x49\x66\x40\x00"])
        try:
            read_document("a.doc", bytes(data))
        except InputError as exc:
            assert "\n" not in str(exc)
    assert time.monotonic() - started < 30


def test_symbol_font_characters_are_check_boxes_or_dropped():
    # a Wingdings check box read as a private-use code: "\uf0fe是\uf0a3否" where the .docx reads "☑是否"
    doc = read_path(str(FIXTURES / "symbols.doc"))
    assert [r.texts for r in doc.blocks[0].table.rows] == [["是否公开", "☑是否"], ["公开方式", "□是否"]]
    assert doc.blocks[1].text == "乘号与对勾√"
    assert "\uf0fe\uf06f\uf041".translate(doc_reader._CLEAN) == "☑□"


def test_check_on_the_command_line(tmp_path):
    target = tmp_path / "2023年报.doc"
    target.write_bytes(DEFECTIVE.read_bytes())
    r = runner.invoke(app, ["check", "--isolated", "--no-cache", "-f", "json", str(target)])
    assert r.exit_code == 1, r.output
    data = json.loads(r.stdout)
    f = data["files"][0]
    assert f["format"] == "doc" and f["error"] is None
    assert "DL004" not in [d["code"] for d in f["diagnostics"]]  # it is what its name says
    dl301 = [d for d in f["diagnostics"] if d["code"] == "DL301"]
    assert dl301 and all("段" in (d.get("pointer") or "") for d in dl301)
    before = target.read_bytes()
    r = runner.invoke(app, ["check", "--isolated", "--no-cache", "--fix", str(target)])
    assert target.read_bytes() == before and "不自动修复" in r.output  # a binary file is never written


def test_a_word_97_file_under_another_name_is_read_and_said(tmp_path):
    p = tmp_path / "download.pdf"
    p.write_bytes(CLEAN.read_bytes())
    result = Checker().check_file(str(p))
    assert result.error is None and [d.code for d in result.diagnostics] == ["DL004"]
    assert "已按 Word 97–2003 文档读取" in result.diagnostics[0].message


def test_a_wps_file_in_word_97_format_is_read_without_a_note(tmp_path):
    """WPS 文字 saves .wps in Word 97–2003's format: read as such, its name is no lie (no DL004); a .wps in WPS's own
    older format is a type the tool does not read (skipped in a folder, one line on the command line)."""
    p = tmp_path / "2023年报.wps"
    p.write_bytes(CLEAN.read_bytes())
    result = Checker().check_file(str(p))
    assert result.error is None and result.format == "doc" and result.diagnostics == []
    with pytest.raises(UnsupportedType, match="WPS 的早期格式"):
        read_document("old.wps", b"WPS old format bytes \x00\x01")


def test_annotate_writes_a_word_copy_of_a_doc(tmp_path):
    out = tmp_path / "审阅.docx"
    r = runner.invoke(app, ["annotate", str(DEFECTIVE), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert out.read_bytes()[:2] == b"PK" and "条批注" in r.output


def test_automatic_numbering_is_drawn_as_printed():
    """The clean example with its section titles and （一） items numbered by Word's list, not typed: read as printed,
    it has no finding (without the numbers: six titles "not numbered", a DL102 error the report does not have)."""
    doc = read_path(str(FIXTURES / "numbered-2023.doc"))
    texts = [b.text for b in doc.blocks if b.kind != "table"]
    assert "一、总体情况" in texts and "六、其他需要报告的事项" in texts and "（一）主动公开" in texts
    assert doc.meta["auto_numbered"] == 18
    assert _findings(FIXTURES / "numbered-2023.doc") == Counter()


def test_list_formats_levels_and_hidden_numbers():
    """Chinese counting with （一） below it, decimal 1. with 1.1 below it, a bullet (not drawn), a hidden first level
    (nothing drawn), and a list LibreOffice saved as two lists (each counting from 一), as the .doc says."""
    texts = [b.text for b in read_path(str(FIXTURES / "lists.doc")).blocks]
    assert texts[1:7] == ["一、第0项（列表1）", "（一）子项（列表1）", "二、第1项（列表1）", "（一）子项（列表1）",
                          "三、第2项（列表1）", "（一）子项（列表1）"]
    assert texts[8:11] == ["1.第0项（列表4）", "1.1子项（列表4）", "2.第1项（列表4）"]
    assert texts[15] == "第0项（列表2）"  # a bullet is not a number
    assert texts[22:24] == ["第0项（列表5）", "一.一子项（列表5）"]  # the hidden level draws nothing


def test_tables_pasted_as_pictures_are_pictures_not_missing_tables():
    """As in a .docx: a paragraph that is only a picture of a table's size is an image block (DL002 says the tables
    are pictures: no false DL105 "no table" errors); a small icon beside the text is not."""
    doc = read_path(str(FIXTURES / "pictures-2023.doc"))
    images = [b for b in doc.blocks if b.kind == "image"]
    assert len(images) == 6 and images[0].pointer == "第16段后的图片"
    assert doc.blocks[1].kind == "paragraph"  # the paragraph with the icon is its text
    assert _findings(FIXTURES / "pictures-2023.doc") == Counter({("DL002", "warning"): 1})


def test_picture_sizes_from_their_records():
    from disclosure_lint.readers.doc_pictures import floating_sizes, inline_size, is_big

    picf = bytearray(40)
    picf[28:36] = struct.pack("<hhHH", 8000, 4000, 500, 1000)  # 8000 × 4000 twips scaled to 50 % wide
    assert inline_size(bytes(picf), 0) == (4000, 4000) and is_big((4000, 4000))
    assert inline_size(bytes(picf), 10) is None  # runs past the stream
    assert not is_big((4000, 300)) and not is_big(None)
    cps = struct.pack("<3i", 5, 9, 100)  # two shapes anchored at cp 5 and 9
    fspa = b"".join(struct.pack("<i4ihi", k, 0, 0, w, h, 0, 0) for k, (w, h) in enumerate([(9000, 6000), (300, 300)]))
    table = b"\0" * 7 + cps + fspa
    assert floating_sizes(table, 7, len(cps) + len(fspa)) == {5: (9000, 6000), 9: (300, 300)}
    assert floating_sizes(table, 7, 31) == {}  # not a whole number of shapes


def _stsh(*styles: bytes) -> bytes:
    """A style sheet: its header (cstd, a 10-byte StdfBase), then each style's STD after its length."""
    out = (4).to_bytes(2, "little") + len(styles).to_bytes(2, "little") + (10).to_bytes(2, "little")
    return out + b"".join(len(s).to_bytes(2, "little") + s for s in styles)


def _paragraph_style(base: int, sprms_: bytes, name: str = "标题") -> bytes:
    upx = (0).to_bytes(2, "little") + sprms_  # istd, then the sprms
    return (b"\0\0" + (1 | base << 4).to_bytes(2, "little") + b"\0" * 6 + len(name).to_bytes(2, "little")
            + name.encode("utf-16-le") + b"\0\0"
            + len(upx).to_bytes(2, "little") + upx)


def test_a_paragraph_styles_numbering_through_its_base_style():
    from disclosure_lint.readers.doc_lists import Lists

    numbered = _paragraph_style(0xFFF, bytes([0x0B, 0x46, 0x01, 0x00, 0x0A, 0x26, 0x01]))  # ilfo 1, ilvl 1
    based = _paragraph_style(0, b"")  # no numbering of its own: its base style's
    off = _paragraph_style(0xFFF, bytes([0x0B, 0x46, 0x00, 0x00]))  # ilfo 0: numbering switched off
    table = _stsh(numbered, based, off)
    lists = Lists(table, (0, 0), (0, 0), doc_reader.sprms)
    lists.read_styles(table, 0, len(table), doc_reader.sprms)
    assert lists.styles == {0: (1, 1), 1: (1, 1)}
    lists.lfos = [(7, {})]
    assert lists.numbering_of(None, None, 1) == (1, 1) and lists.numbering_of(0, None, 1) is None
    assert lists.numbering_of(None, None, 2) is None


def test_heading_styles_give_headings_as_in_the_word_reader():
    # a report whose titles are in Word's heading styles read them as plain paragraphs (kind "paragraph", no level),
    # where the .docx of the same report gives headings of levels 1 and 2
    doc = read_path(str(FIXTURES / "headings.doc"))
    assert [(b.kind, b.level) for b in doc.blocks] == [
        ("heading", 1), ("paragraph", None), ("heading", 1), ("heading", 2), ("heading", 1), ("heading", 1),
        ("paragraph", None)]
    from disclosure_lint.readers.doc_lists import Lists

    table = _stsh(_paragraph_style(0xFFF, b"", "Normal"), _paragraph_style(0xFFF, b"", "heading 2"),
                  _paragraph_style(1, b"", "正文标题"), _paragraph_style(1, bytes([0x40, 0x26, 0x09]), "正文"),
                  _paragraph_style(0, bytes([0x40, 0x26, 0x00]), "一级"), _paragraph_style(0xFFF, b"", "Title"))
    lists = Lists(table, (0, 0), (0, 0), doc_reader.sprms)
    lists.read_styles(table, 0, len(table), doc_reader.sprms)
    assert lists.levels == {1: 2, 2: 2, 4: 1, 5: 1}  # by name, by its base, not as body text, by outline level


# -- units -----------------------------------------------------------------------------------------

def test_files_built_byte_by_byte_are_read_and_bounded():
    """tests/hostile/build_doc.py writes .doc files from scratch: a plain one reads; a field never separated ends
    at its paragraph's end (the next paragraph is read, as in a .docx); a flood of empty table rows is cut at the
    cell limit, not read for ever."""
    from disclosure_lint.limits import Limits

    from .hostile.build_doc import IN_TABLE, ROW_END, doc

    plain = read_document("a.doc", doc("某某局2023年政府信息公开工作年度报告\r一、总体情况\r正文。\r"))
    assert [b.text for b in plain.blocks] == ["某某局2023年政府信息公开工作年度报告", "一、总体情况", "正文。"]
    broken = read_document("a.doc", doc("前\x13 坏字段\r后面的段落照常读取。\r"))
    assert [b.text for b in broken.blocks] == ["前", "后面的段落照常读取。"]
    rows = read_document("a.doc", doc("\x07" * 300, IN_TABLE + ROW_END, before="正文。\r"),
                         limits=Limits(max_table_cells=100))
    assert [b.text for b in rows.blocks] == ["正文。"]
    assert rows.notices and "limits.max_table_cells" in rows.notices[0].detail


@pytest.mark.parametrize(("text", "shown"), [
    ("前\x13 PAGE \x143\x15后", "前3后"),
    ("前\x13 IF \x13 MERGEFIELD x \x14内\x15\x14结果\x15后", "前结果后"),  # nested: only the outer result
    ("前\x13 TOC \x15后", "前后"),  # a field without a result
    ("前\x13 坏字段没有结尾", "前"),  # never closed: its code runs to the end
    ("前\x13 坏字段\r后", "前后"),  # ... or to its paragraph's end (the mark stays: dropped by the cleaning here)
    ("\x13\x13\x13 套\r后", "后"),  # nested codes open at the end: dropped once
    ("\x15\x14无开头的标记", "无开头的标记"),
])
def test_field_codes_are_left_out(text, shown):
    drop = field_codes(text)
    kept = "".join(ch for i, ch in enumerate(text) if not any(a <= i < b for a, b in drop))
    assert kept.translate(doc_reader._CLEAN) == shown


def test_sprms_stop_at_an_operand_past_the_end():
    buf = bytes([0x16, 0x24, 0x01,  # sprmPFInTable 1
                 0x08, 0xD6, 0xFF, 0x7F])  # sprmTDefTable claiming 32 KB
    assert [s for s, _a, _b in doc_reader.sprms(buf, 0, len(buf))] == [0x2416]
    assert list(doc_reader.sprms(b"\x16", 0, 1)) == []


def test_a_row_of_merged_cells_on_the_tables_grid():
    row1, row2 = doc_reader._Para(), doc_reader._Para()
    row1.edges, row2.edges = (0, 1000, 3000), (0, 1000, 2000, 3000)
    row2.merges = {0: (0, 1)}  # under the first cell of a vertical merge
    grid = doc_tables.grid_of([(["项目", "行政复议"], row1), (["", "维持", "纠正"], row2)])
    assert grid == [["项目", "行政复议", "行政复议"], ["项目", "维持", "纠正"]]
    plain = doc_tables.grid_of([(["a", "b"], doc_reader._PLAIN), (["c"], doc_reader._PLAIN)])
    assert plain == [["a", "b"], ["c", ""]]  # no row definition: a cell a column


# -- what is not a readable Word 97–2003 file: one line each --------------------------------------------

def _patched(offset: int, value: bytes) -> bytes:
    data = bytearray(CLEAN.read_bytes())
    data[offset:offset + len(value)] = value
    return bytes(data)


def test_encrypted_old_and_other_binary_files_are_named():
    data = CLEAN.read_bytes()
    fib = _word_stream_at(data)
    flags = int.from_bytes(data[fib + 10:fib + 12], "little")
    with pytest.raises(InputError, match="打开密码"):
        read_document("a.doc", _patched(fib + 10, (flags | 0x0100).to_bytes(2, "little")))
    with pytest.raises(UnsupportedType, match=r"Word 6\.0/95"):
        read_document("a.doc", _patched(fib + 2, (0x65).to_bytes(2, "little")))
    entry = data.find("WordDocument".encode("utf-16-le"))
    with pytest.raises(UnsupportedType, match="不是 Word 97–2003 文档"):
        read_document("a.doc", _patched(entry, "WordDocumenX".encode("utf-16-le")))
    with pytest.raises(InputError, match="内部结构损坏"):
        read_document("a.doc", _patched(fib + 10, (flags ^ 0x0200).to_bytes(2, "little")))  # the other table stream


@pytest.mark.parametrize("cut", [600, 4096, 20000, 40000, 60000, 70000])
def test_a_truncated_doc_is_one_line(cut):
    try:
        doc = read_document("a.doc", CLEAN.read_bytes()[:cut])
    except InputError as exc:
        assert "\n" not in str(exc) and "Traceback" not in str(exc)
    else:
        assert isinstance(doc, Document)


def test_corrupted_bytes_never_raise_anything_else():
    """A few hundred files with random bytes overwritten (in the header, the property pages, the text, the OLE
    directory): each is read or refused in one line, quickly."""
    base = CLEAN.read_bytes()
    fib = _word_stream_at(base)
    rng = random.Random(20261204)
    started = time.monotonic()
    outcomes = Counter()
    for k in range(300):
        data = bytearray(base)
        zone = (fib, fib + 0x400) if k % 3 == 0 else (0, len(data))
        for _ in range(rng.randint(1, 40)):
            data[rng.randrange(*zone)] = rng.randrange(256)
        try:
            read_document("a.doc", bytes(data))
            outcomes["read"] += 1
        except InputError as exc:
            assert "\n" not in str(exc)
            outcomes["refused"] += 1
    assert outcomes["read"] and outcomes["refused"]
    assert time.monotonic() - started < 60


def test_hostile_lengths_are_bounded():
    """A text length (ccpText) and property pages pointing far past the file are cut to what the file holds."""
    data = CLEAN.read_bytes()
    fib = _word_stream_at(data)
    csw = int.from_bytes(data[fib + 32:fib + 34], "little")
    lw = fib + 34 + 2 * csw + 2
    huge = _patched(lw + 12, (0x7FFFFFFF).to_bytes(4, "little"))
    try:
        doc = read_document("a.doc", huge)
        assert isinstance(doc, Document)
    except InputError as exc:
        assert "\n" not in str(exc)


def test_libreoffice_conversions_read_as_their_docx(soffice, tmp_path):
    """Converted again here, the .doc of each example and of the features document reads block for block as the
    .docx it came from (what LibreOffice keeps: the features document's PAGE field is recalculated)."""
    from disclosure_lint.readers import docx as docx_reader

    from .fixtures.doc.make_doc_fixtures import boxed, boxes, features, frames, headings, symbols
    from .test_docx_numbering import autonumbered

    sources = {n: render.to_docx((ROOT / "examples" / f"{n}.md").read_text(encoding="utf-8"))
               for n in ("clean-2023", "defective-2023")}
    sources["features"] = features()
    sources["frames"] = frames()
    sources["framed-2023"] = render.framed(sources["defective-2023"], rows=3, margin=True)
    sources["boxed-2023"] = boxed(sources["defective-2023"])
    sources["headings"] = headings()
    sources["boxes"] = boxes()
    sources["symbols"] = symbols()
    sources["numbered-2023"] = autonumbered(sources["clean-2023"], subs=True)
    for name, data in sources.items():
        (tmp_path / f"{name}.docx").write_bytes(data)
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "doc:MS Word 97", "--outdir", str(tmp_path / "out"),
                    *sorted(str(p) for p in tmp_path.glob("*.docx"))], check=True, capture_output=True, timeout=240)
    for name, data in sources.items():
        want = [(b.kind, b.text) for b in docx_reader.read("x.docx", data).blocks]
        got = [(b.kind, b.text) for b in read_path(str(tmp_path / "out" / f"{name}.doc")).blocks]
        if name == "features":
            want = [(k, t.replace("第3页", "第1页")) for k, t in want]
        assert got == want, name
