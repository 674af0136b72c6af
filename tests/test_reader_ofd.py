"""The OFD reader (readers/ofd.py, readers/ofd_page.py): the examples written as OFD in the two shapes real files have
(tests/fixtures/ofd/make_ofd_fixtures.py: one TextObject per glyph with a scaling CTM, one per line run with DeltaX)
give the Markdown original's findings, paragraphs and statistics; pointers name pages; what is hidden, turned or a
watermark is left out; a damaged, encrypted or page-less file is one line."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")

from typer.testing import CliRunner

from disclosure_lint.api import Checker
from disclosure_lint.cli import app
from disclosure_lint.errors import InputError
from disclosure_lint.limits import Limits
from disclosure_lint.readers import read_document, read_path
from disclosure_lint.readers.ofd_page import deltas
from disclosure_lint.report import interpret

from .fixtures.ofd.make_ofd_fixtures import package

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "ofd"
EXAMPLES = {"clean": ROOT / "examples" / "clean-2023.md", "defective": ROOT / "examples" / "defective-2023.md"}
SHAPES = ("glyphs", "runs")
runner = CliRunner()


@cache
def checked(path: str):
    result = Checker(isolated=True).check_file(path)
    assert result.error is None, result.error
    report = interpret(read_path(path))
    findings = Counter((d.code, d.severity, d.match) for d in result.diagnostics)
    paragraphs = [b.text for b in report.document.blocks if b.kind in ("heading", "paragraph", "list_item")]
    stats = {tid: {key: cell.raw for key, cell in table.cells.items()} for tid, table in report.stats.items()}
    return result, findings, paragraphs, stats


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_the_examples_as_ofd_give_the_markdown_findings(example, shape):
    _, md_findings, md_paragraphs, md_stats = checked(str(EXAMPLES[example]))
    result, findings, paragraphs, stats = checked(str(FIXTURES / f"{example}-2023-{shape}.ofd"))
    assert result.format == "ofd"
    assert findings == md_findings, (findings - md_findings, md_findings - findings)
    assert paragraphs == md_paragraphs
    assert stats == md_stats and stats


@pytest.mark.parametrize("shape", SHAPES)
def test_pointers_name_pages_lines_and_table_cells(shape):
    result, *_ = checked(str(FIXTURES / f"defective-2023-{shape}.ofd"))
    d = next(d for d in result.diagnostics if d.code == "DL502")
    assert d.line is None and re.match(r"第\d+页第\d+行", d.pointer or ""), d.pointer
    doc = read_path(str(FIXTURES / f"clean-2023-{shape}.ofd"))
    assert doc.format == "ofd" and doc.meta["pages"] == doc.meta["pages_read"] >= 2
    s3 = next(b for b in doc.blocks if b.kind == "table" and b.text.startswith("（本列数据"))
    pages = {re.match(r"第(\d+)页表\d+第\d+行第\d+列", c.pointer).group(1) for c in s3.table.cells()}
    assert len(pages) >= 2  # 表三 runs over a page break, mended as in the PDF
    assert not any(re.fullmatch(r"[-—]\s*\d+\s*[-—]", b.text) for b in doc.blocks)  # the template's page numbers


def test_an_ofd_named_pdf_is_read_and_said(tmp_path):
    target = tmp_path / "report.pdf"
    target.write_bytes((FIXTURES / "clean-2023-runs.ofd").read_bytes())
    result = Checker(isolated=True).check_file(str(target))
    assert result.error is None and [d.code for d in result.diagnostics] == ["DL004"]
    assert "OFD" in result.diagnostics[0].message


def test_deltax_repeats_are_expanded_only_as_far_as_the_text_goes():
    assert deltas("g 3 4.5 1 g 2 2", 10) == [4.5, 4.5, 4.5, 1.0, 2.0, 2.0]
    assert deltas("g 1000000000 1", 4) == [1.0] * 4
    assert deltas("1 2 3", 2) == [1.0, 2.0]
    assert deltas("g 2", 5) is None and deltas("1 nan", 5) is None and deltas("x", 1) is None


def _text(text: str, x: float = 20, y: float = 40, attrs: str = "", ctm: str = "", size: float = 5.0,
          color: str = "") -> str:
    ctm_attr = f' CTM="{ctm}"' if ctm else ""
    return (f'<ofd:TextObject ID="9" Boundary="{x} {y} 170 10" Size="{size}"{ctm_attr} Font="2"{attrs}>{color}'
            f'<ofd:TextCode X="0" Y="{size}" DeltaX="g {len(text) - 1} {size}">{text}</ofd:TextCode></ofd:TextObject>')


def _read(*objects: str, **kw) -> list[str]:
    content = '<ofd:Layer ID="1">' + "".join(objects) + "</ofd:Layer>"
    doc = read_document("a.ofd", package([content], **kw))
    return [b.text for b in doc.blocks]


def test_hidden_turned_and_watermark_text_is_left_out():
    body = _text("本机关全年主动公开政府信息一百条。")
    assert _read(body) == ["本机关全年主动公开政府信息一百条。"]
    hidden = _text("隐藏的文字不应读出。", y=60, attrs=' Visible="false"')
    hidden_block = '<ofd:PageBlock ID="5" Visible="false">' + _text("隐藏块中的文字。", y=80) + "</ofd:PageBlock>"
    turned = _text("旋转的文字。", y=100, ctm="0 1 -1 0 0 0")
    slanted = _text("斜向水印文字", y=120, ctm="0.7 0.7 -0.7 0.7 0 0", size=15)
    faint = _text("浅色水印", y=150, size=15, color='<ofd:FillColor Value="200 200 200"/>')
    vertical = _text("竖排文字", y=180, attrs=' ReadDirection="90"')
    assert _read(body, hidden, hidden_block, turned, slanted, faint, vertical) == ["本机关全年主动公开政府信息一百条。"]


def test_a_composite_object_draws_its_unit_where_it_is_placed():
    """A CompositeObject draws the CompositeGraphicUnit of the resources through its boundary and CTM; one that names
    itself is drawn a few levels deep, not for ever."""
    unit = ('<ofd:CompositeGraphicUnit ID="30" Width="100" Height="10"><ofd:Content>'
            + _text("复合对象中的文字。", x=0, y=0) + "</ofd:Content></ofd:CompositeGraphicUnit>")
    placed = '<ofd:CompositeObject ID="31" Boundary="20 80 100 10" ResourceID="30"/>'
    assert _read(_text("本机关全年主动公开政府信息一百条。"), placed, units=unit) == [
        "本机关全年主动公开政府信息一百条。", "复合对象中的文字。"]
    loop = ('<ofd:CompositeGraphicUnit ID="40" Width="100" Height="10"><ofd:Content>' + _text("套", x=0, y=0)
            + '<ofd:CompositeObject ID="41" Boundary="10 0 100 10" ResourceID="40"/>' * 3
            + "</ofd:Content></ofd:CompositeGraphicUnit>")
    blocks = _read(_text("本机关全年主动公开政府信息一百条。"), '<ofd:CompositeObject ID="42" Boundary="20 80 100 10" '
                   'ResourceID="40"/>', units=loop)
    assert blocks[0] == "本机关全年主动公开政府信息一百条。" and set(blocks[1]) == {"套"}


def test_a_ruled_table_drawn_by_paths_is_a_table():
    rows = [("项目", "数量"), ("新收申请", "12"), ("办结", "10")]
    objs = []
    for r, (a, b) in enumerate(rows):
        y = 50 + r * 10
        objs.append(_text(a, x=32, y=y + 1, size=4))
        objs.append(_text(b, x=82, y=y + 1, size=4))
    rules = " ".join(f"M 0 {k * 10} L 100 {k * 10}" for k in range(4)) + " M 0 0 L 0 30 M 50 0 L 50 30 M 100 0 L 100 30"
    objs.append(f'<ofd:PathObject ID="50" Boundary="30 50 100 30"><ofd:AbbreviatedData>{rules}</ofd:AbbreviatedData>'
                "</ofd:PathObject>")
    doc = read_document("a.ofd", package(['<ofd:Layer ID="1">' + "".join(objs) + "</ofd:Layer>"]))
    table = next(b.table for b in doc.blocks if b.kind == "table")
    assert [[c.text for c in row.cells] for row in table.rows] == [list(r) for r in rows]
    assert table.rows[2].cells[1].pointer == "第1页表1第3行第2列"


def test_an_office_suites_page_shapes_paths_scaled_by_their_ctm_and_text_of_size_one():
    """As office suites write a page (seen in public OFD files): a filled background rectangle and the table's rules
    as paths whose AbbreviatedData is in points scaled to millimetres by the CTM (0.3528), curves (B) and closes (C);
    text at Size 1 scaled by its CTM (3.5 mm glyphs), DeltaX advances in the CTM's units."""
    pt = 0.3528
    background = ('<ofd:PathObject ID="60" CTM="0.3528 0 0 0.3528 0 0" Boundary="0 0 210 297" Stroke="false" '
                  'Fill="true"><ofd:FillColor Value="255 255 255"/><ofd:AbbreviatedData>M 0 841.9 L 595.3 841.9 '
                  "L 595.3 0 L 0 0 C</ofd:AbbreviatedData></ofd:PathObject>")
    mark = ('<ofd:PathObject ID="61" Boundary="10 10 6 6"><ofd:AbbreviatedData>M 0 3 B 0 1 1 0 3 0 B 5 0 6 1 6 3 C'
            "</ofd:AbbreviatedData></ofd:PathObject>")  # a drawn mark of curves: not a rule
    rows = [("项目", "数量"), ("新收申请", "12"), ("办结", "10")]
    objs = [background, mark]
    for r, (a, b) in enumerate(rows):
        y = 50 + r * 10
        for text, x in ((a, 32), (b, 82)):
            objs.append(f'<ofd:TextObject ID="70" CTM="3.5 0 0 3.5 0 0" Boundary="{x} {y + 1} 40 6" Font="3" Size="1">'
                        f'<ofd:TextCode X="0" Y="0.88" DeltaX="g {len(text) - 1} 1">{text}</ofd:TextCode>'
                        "</ofd:TextObject>")
    rules = " ".join(f"M 0 {k * 10 / pt:.3f} L {100 / pt:.3f} {k * 10 / pt:.3f}" for k in range(4)) + "".join(
        f" M {x / pt:.3f} 0 L {x / pt:.3f} {30 / pt:.3f}" for x in (0, 50, 100))
    objs.append(f'<ofd:PathObject ID="80" CTM="{pt} 0 0 {pt} 0 0" Boundary="30 50 100 30" LineWidth="0.25">'
                f"<ofd:AbbreviatedData>{rules}</ofd:AbbreviatedData></ofd:PathObject>")
    content = '<ofd:Layer ID="1">' + "".join(objs) + "</ofd:Layer>"
    doc = read_document("a.ofd", package([content]))
    table = next(b.table for b in doc.blocks if b.kind == "table")
    assert [[c.text for c in row.cells] for row in table.rows] == [list(r) for r in rows]


def test_a_page_over_the_limits_is_skipped_and_said():
    many = "".join(_text("字" * 20, y=10 + k) for k in range(10))
    content = '<ofd:Layer ID="1">' + many + "</ofd:Layer>"
    ok = '<ofd:Layer ID="1">' + _text("本机关全年主动公开政府信息一百条。") + "</ofd:Layer>"
    doc = read_document("a.ofd", package([ok, content]), Limits(max_pdf_page_chars=100))
    notice = next(n for n in doc.notices if n.kind == "read-limit")
    assert notice.format == "OFD 文件" and [s.page for s in notice.skipped] == [2]
    doc = read_document("a.ofd", package([ok, ok, ok]), Limits(max_pdf_pages=2))
    assert doc.meta == {"pages": 3, "pages_read": 2} and any(n.kind == "page-limit" for n in doc.notices)
    doc = read_document("a.ofd", package([ok, ok, ok]), Limits(max_read_seconds=1e-9))  # the first page is read
    notice = next(n for n in doc.notices if n.kind == "read-limit")
    assert notice.stopped == 2 and doc.meta == {"pages": 3, "pages_read": 1}


def test_templates_paths_and_page_area():
    """A template page drawn beneath (its ID from Document.xml); a signed file read all the same; locations relative
    and absolute; a location climbing out of the package names no part."""
    ok = '<ofd:Layer ID="1">' + _text("本机关全年主动公开政府信息一百条。") + "</ofd:Layer>"
    tpl = '<ofd:Layer ID="1">' + _text("模板中的文字在每页上。", y=100) + "</ofd:Layer>"
    assert _read(_text("本机关全年主动公开政府信息一百条。"), templates={"7": tpl}, page_templates=[["7"]]) == [
        "本机关全年主动公开政府信息一百条。", "模板中的文字在每页上。"]
    signed = package([ok], extra={"Doc_0/Signs/Signatures.xml": b'<ofd:Signatures xmlns:ofd="http://www.ofdspec.org/2016">'
                                  b'<ofd:Signature ID="1" BaseLoc="Sign_0/Signature.xml"/></ofd:Signatures>',
                                  "Doc_0/Signs/Sign_0/SignedValue.dat": b"\x30\x82"})
    assert [b.text for b in read_document("a.ofd", signed).blocks] == ["本机关全年主动公开政府信息一百条。"]
    data = package([ok], doc_root="/Doc_0/./Pages/../Document.xml")
    assert [b.text for b in read_document("a.ofd", data).blocks] == ["本机关全年主动公开政府信息一百条。"]
    for folder in ("/Doc_0/Pages", "Doc_0/Pages", "../Doc_0/Pages"):  # absolute, from the root without its slash
        data = package([ok], page_folder=folder)
        assert [b.text for b in read_document("a.ofd", data).blocks] == ["本机关全年主动公开政府信息一百条。"], folder
    with pytest.raises(InputError, match="不在压缩包中"):
        read_document("a.ofd", package([ok], page_folder="../../etc"))
    with pytest.raises(InputError, match="DocRoot"):
        read_document("a.ofd", package([ok], doc_root="../../etc/passwd"))


def _broken() -> dict[str, bytes]:
    good = (FIXTURES / "clean-2023-runs.ofd").read_bytes()
    encrypted = package(['<ofd:Layer ID="1"/>'], extra={"Encryptions.xml": b"<x/>"})
    no_pages = package([])
    buf = io.BytesIO()  # no OFD.xml
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("Doc_0/Document.xml", "<x/>")
    return {"cut.ofd": good[:len(good) // 2], "encrypted.ofd": encrypted, "empty.ofd": no_pages,
            "entry.ofd": buf.getvalue(), "text.ofd": "这不是压缩包".encode()}


def test_damaged_encrypted_and_page_less_files_are_one_line(tmp_path):
    for name, data in _broken().items():
        with pytest.raises(InputError) as exc:
            read_document(name, data)
        assert "\n" not in str(exc.value) and "OFD" in str(exc.value), (name, str(exc.value))
    with pytest.raises(InputError, match="已加密"):
        read_document("a.ofd", _broken()["encrypted.ofd"])


def test_check_on_the_command_line_broken_files_and_fix(tmp_path):
    """Broken .ofd files are one line each and exit code 2; the good one is checked all the same; --fix never writes
    an .ofd; annotate refuses it as it refuses a PDF."""
    for name, data in _broken().items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "report.ofd").write_bytes((FIXTURES / "defective-2023-glyphs.ofd").read_bytes())
    r = runner.invoke(app, ["check", "--isolated", "--no-cache", "-f", "json", str(tmp_path)])
    assert r.exit_code == 2, r.output
    by_name = {Path(f["path"]).name: f for f in json.loads(r.stdout)["files"]}
    for name in _broken():
        assert by_name[name]["error"] and "\n" not in by_name[name]["error"], name
    f = by_name["report.ofd"]
    assert f["format"] == "ofd" and f["error"] is None and f["diagnostics"]
    target = tmp_path / "report.ofd"
    before = target.read_bytes()
    r = runner.invoke(app, ["check", "--isolated", "--no-cache", "--fix", str(target)])
    assert target.read_bytes() == before and "OFD 文件（.ofd）不自动修复" in r.output
    r = runner.invoke(app, ["annotate", str(target), "-o", str(tmp_path / "x.docx")])
    assert r.exit_code != 0 and "annotate 只接受" in r.output


@pytest.mark.parametrize("cut", [100, 2000, 6000, 9000])
def test_a_truncated_file_is_one_line(cut):
    with pytest.raises(InputError) as exc:
        read_document("a.ofd", (FIXTURES / "defective-2023-runs.ofd").read_bytes()[:cut])
    assert "\n" not in str(exc.value)


def test_corrupted_parts_never_raise_anything_else():
    """Bytes of every part changed at random: a document or one line, never a traceback."""
    import random

    with zipfile.ZipFile(FIXTURES / "defective-2023-runs.ofd") as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    rng = random.Random(20261204)
    outcomes: Counter = Counter()
    for _ in range(120):
        name = rng.choice(sorted(parts))
        data = bytearray(parts[name])
        for _ in range(rng.randint(1, 30)):
            data[rng.randrange(len(data))] = rng.choice(b'<>&"/= 0-9.-gnaMLC:\xff')
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for other, content in parts.items():
                zf.writestr(other, bytes(data) if other == name else content)
        try:
            read_document("a.ofd", buf.getvalue())
            outcomes["read"] += 1
        except InputError as exc:
            assert "\n" not in str(exc)
            outcomes["refused"] += 1
    assert outcomes["refused"] and outcomes["read"]
