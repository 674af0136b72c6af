"""Hostile files (issue 8): special files, folder walks, files with no content, and readers bounded.

Each case is checked through the CLI or the API and must give one clear Chinese line (exit 2) or an
input finding (DL002), never a hang, a traceback or "未发现问题".  Small cases run by default; the
full-size ones (tens of MB, seconds) run with ``-m slow``.  Time targets are not asserted here; they
are measured by hand (see the issue's report).
"""

from __future__ import annotations

import os
import socket
import stat
import sys

import pytest
from typer.testing import CliRunner

from disclosure_lint.api import Checker, check_paths, discover, discover_entries
from disclosure_lint.cli import app
from disclosure_lint.errors import InputError
from disclosure_lint.model import ReaderNotice
from disclosure_lint.readers import read_bytes, read_path

from .pdfobjects import pdf_of

runner = CliRunner()

GOOD = """# 某某县人民政府办公室2023年政府信息公开工作年度报告

## 一、总体情况

2023年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息120条。
"""

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")


def _check(*paths: str, fmt: str = "console"):
    return runner.invoke(app, ["check", "-f", fmt, *map(str, paths)])


# -- special files ---------------------------------------------------------------------------------


@posix_only
def test_fifo_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="命名管道"):
        read_bytes(str(fifo))


@posix_only
def test_symlink_to_dev_zero_is_refused(tmp_path):
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(InputError, match="设备文件"):
        read_bytes(str(link))


@posix_only
def test_socket_is_refused(tmp_path):
    path = tmp_path / "s.txt"
    if len(str(path)) > 100:  # AF_UNIX path limit
        pytest.skip("temporary path too long for a unix socket")
    s = socket.socket(socket.AF_UNIX)
    try:
        s.bind(str(path))
        with pytest.raises(InputError, match="套接字"):
            read_bytes(str(path))
    finally:
        s.close()


@posix_only
def test_symlink_loop_and_dangling_link(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to("loop.txt")
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to("nothere.txt")
    with pytest.raises(InputError, match="符号链接循环"):
        read_bytes(str(loop))
    with pytest.raises(InputError, match="符号链接指向的文件不存在"):
        read_bytes(str(dangling))


def test_directory_nul_and_overlong_names(tmp_path):
    d = tmp_path / "dir.txt"
    d.mkdir()
    with pytest.raises(InputError, match="目录"):
        read_bytes(str(d))
    with pytest.raises(InputError, match="空字符"):
        read_bytes(str(tmp_path / "a\x00b.txt"))
    with pytest.raises(InputError, match="过长"):
        read_bytes(str(tmp_path / ("长" * 300 + ".txt")))


def test_read_is_bounded_whatever_st_size_says(tmp_path, monkeypatch):
    """A file that grows while read (or a st_size that lies) stops at max_bytes + 1."""
    path = tmp_path / "r.txt"
    path.write_bytes(b"x" * 100)
    real_fstat = os.fstat

    class _Lying:
        def __init__(self, st):
            self._st = st

        def __getattr__(self, name):
            return 0 if name == "st_size" else getattr(self._st, name)

    monkeypatch.setattr(os, "fstat", lambda fd: _Lying(real_fstat(fd)))
    with pytest.raises(InputError, match="文件过大"):
        read_bytes(str(path), max_bytes=50)
    assert read_bytes(str(path), max_bytes=100) == b"x" * 100


@posix_only
def test_special_files_in_a_folder_one_line_each_good_file_checked(tmp_path):
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "fifo.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "loop.md").symlink_to("loop.md")
    (tmp_path / "gone.html").symlink_to("nothere.html")
    (tmp_path / "dir.txt").mkdir()  # a directory named like a file is walked, not read
    result = _check(tmp_path, fmt="json")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    import json

    out = json.loads(result.stdout)
    errors = {os.path.basename(f["path"]): f["error"] for f in out["files"] if f["error"]}
    assert set(errors) == {"fifo.txt", "zero.txt", "loop.md", "gone.html"}
    assert "命名管道" in errors["fifo.txt"] and "设备文件" in errors["zero.txt"]
    good = [f for f in out["files"] if f["path"].endswith("good.md")]
    assert good and good[0]["error"] is None and good[0]["report"]["title"]


@posix_only
def test_fifo_named_on_the_command_line(tmp_path):
    fifo = tmp_path / "fifo.md"
    os.mkfifo(fifo)
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    result = _check(fifo, tmp_path / "good.md")
    assert result.exit_code == 2
    assert "命名管道" in result.output and "检查了 2 个文件" in result.output


# -- folder runs -----------------------------------------------------------------------------------


def test_unsupported_types_in_a_folder_are_named(tmp_path):
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    for name in ("old.doc", "b.wps", "c.et", "d.xls"):
        (tmp_path / name).write_bytes(b"\xd0\xcf\x11\xe0")
    run = check_paths([str(tmp_path)])
    skipped = {os.path.basename(f.path): f.skipped for f in run.files if f.skipped}
    assert set(skipped) == {"old.doc", "b.wps", "c.et", "d.xls"}
    assert ".doc" in skipped["old.doc"] and "另存为" in skipped["old.doc"]
    assert run.exit_code("error") in (0, 1)  # an info line, not an input error
    result = _check(tmp_path)
    assert "提示：跳过" in result.output and "old.doc" in result.output
    assert "无法读取格式" in result.output
    assert "在命令行上直接指定该文件即可检查" not in result.output.split("old.doc")[1].split("\n")[0]
    # `stats` (discover) leaves out the types it does not read; a .doc is read for what it is, then skipped
    files, _ = discover([str(tmp_path)])
    assert [os.path.basename(f) for f in files] == ["good.md", "old.doc"]


def test_folder_with_only_unread_files_is_an_error(tmp_path):
    (tmp_path / "old.wps").write_bytes(b"\xd0\xcf\x11\xe0")
    _entries, errors = discover_entries([str(tmp_path)])
    assert errors and "没有可检查的报告文件" in errors[0]


def test_unreadable_subdirectory_is_named(tmp_path, monkeypatch):
    """Simulated (root reads a chmod 000 directory anyway): listing the directory fails."""
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "r.md").write_text(GOOD, encoding="utf-8")
    real = os.scandir

    def scandir(path):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    entries, errors = discover_entries([str(tmp_path)])
    assert [os.path.basename(f) for f, _ in entries] == ["good.md"]
    assert len(errors) == 1 and "locked" in errors[0] and "没有权限" in errors[0]


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="root can read a chmod 000 directory (the simulated test above covers it)")
def test_unreadable_subdirectory_for_real(tmp_path):
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "r.md").write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        result = _check(tmp_path)
    finally:
        locked.chmod(stat.S_IRWXU)
    assert result.exit_code == 2 and "没有权限" in result.output


def _remove_deep(top, depth: int) -> None:
    """Remove a chain of ``d`` directories without recursion (Python 3.11's rmtree, and so pytest's
    clean-up of old temporary directories, would overflow the stack on it)."""
    cwd = os.getcwd()
    try:
        os.chdir(top)
        for _ in range(depth):
            os.chdir("d")
        for name in os.listdir("."):
            os.remove(name)
        for _ in range(depth):
            os.chdir("..")
            os.rmdir("d")
    finally:
        os.chdir(cwd)


def test_deeply_nested_folders_no_recursion_error(tmp_path):
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(tmp_path)  # relative mkdir: the absolute path would pass PATH_MAX
    try:
        for _ in range(1100):
            os.mkdir("d")
            os.chdir("d")
        with open("deep.md", "w", encoding="utf-8") as f:
            f.write(GOOD)
    finally:
        os.chdir(cwd)
    try:
        entries, errors = discover_entries([str(tmp_path)])
        assert [os.path.basename(f) for f, _ in entries] == ["good.md"]
        assert len(errors) == 1 and "目录层级过深" in errors[0]
        result = _check(tmp_path)
        assert result.exit_code == 2 and "Traceback" not in result.output and "目录层级过深" in result.output
    finally:
        _remove_deep(tmp_path, 1100)


@posix_only
def test_symlink_back_to_a_parent_does_not_loop(tmp_path):
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (sub / "good.md").write_text(GOOD, encoding="utf-8")
    (sub / "up").symlink_to("../..")
    (sub / "up.md").symlink_to("..")  # a link to a directory named like a report
    entries, errors = discover_entries([str(tmp_path)])
    assert [os.path.relpath(f, tmp_path) for f, _ in entries] == [os.path.join("a", "b", "good.md")]
    assert not errors


def test_walk_order_is_unchanged(tmp_path):
    for rel in ("b.md", "a/z.md", "a/c/x.md", "a/b.md", "c.md", ".hidden/h.md", "node_modules/n.md"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(GOOD, encoding="utf-8")
    files, _ = discover([str(tmp_path)])
    assert [os.path.relpath(f, tmp_path).replace(os.sep, "/") for f in files] == \
        ["b.md", "c.md", "a/b.md", "a/z.md", "a/c/x.md"]


def test_a_browser_saved_pages_resource_folder_is_not_walked(tmp_path):
    # "网页，全部": 年报.html with 年报_files/ holding the page's frames (a share widget with no text),
    # scripts and styles. Walked, the empty frame was "无法读取" (exit 2) on a folder holding one good page.
    page = tmp_path / "东湖区交通运输局年报.html"
    page.write_text("<html><body><p>" + GOOD.replace("\n", "<br>") + "</p></body></html>", encoding="utf-8")
    parts = tmp_path / "东湖区交通运输局年报_files"
    parts.mkdir()
    (parts / "saved_resource.html").write_text("<html><body><script>var n=1</script></body></html>", encoding="utf-8")
    (parts / "share.htm").write_text("<html><body><div>分享到</div></body></html>", encoding="utf-8")
    word = tmp_path / "草稿.files"  # Word's "网页" folder, beside 草稿.htm
    word.mkdir()
    (tmp_path / "草稿.htm").write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    (word / "header.htm").write_text("<html><body></body></html>", encoding="utf-8")
    # a folder merely named like one, with no page beside it, is walked
    lone = tmp_path / "旧年报_files"
    lone.mkdir()
    (lone / "a.md").write_text(GOOD, encoding="utf-8")
    files, errors = discover([str(tmp_path)])
    assert sorted(os.path.relpath(f, tmp_path).replace(os.sep, "/") for f in files) == \
        ["东湖区交通运输局年报.html", "旧年报_files/a.md", "草稿.htm"]
    assert not errors
    result = _check(tmp_path)
    assert result.exit_code != 2, result.output
    assert "saved_resource" not in result.output and "无法读取" not in result.output


# -- files with no content -------------------------------------------------------------------------


@pytest.mark.parametrize("name,data", [
    ("bom.txt", b"\xef\xbb\xbf"),
    ("bom.md", b"\xef\xbb\xbf\n\n"),
    ("utf16.txt", b"\xff\xfe \x00\n\x00"),
    ("zw.txt", "\u200b\u200b\n\u3000\u200d\n".encode()),
    ("zw.md", "\ufeff\u2060 \n".encode()),
    ("spaces.txt", b" \n\t\n"),
    ("empty.docx", b""),
    ("empty.pdf", b""),
    ("noise.txt", bytes(range(256)) * 4),
])
def test_empty_or_undecodable_file_is_an_input_error(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    result = _check(path)
    assert result.exit_code == 2, result.output
    assert "未发现问题" not in result.output and "Traceback" not in result.output


def test_empty_word_document_is_an_input_error(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("")
    d.add_paragraph("   ")
    path = tmp_path / "empty.docx"
    d.save(path)
    with pytest.raises(InputError, match="没有可"):
        read_path(str(path))


@pytest.mark.parametrize("name,text", [
    ("title.md", "# 某某县人民政府2023年政府信息公开工作年度报告\n"),
    ("title.txt", "某某县人民政府2023年政府信息公开工作年度报告\n"),
    ("title2.txt", "某某县人民政府2023年政府信息公开工作年度报告\n\n详见附件。\n"),
])
def test_title_only_is_an_input_finding(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    fr = Checker().check_file(str(path))
    assert [d.code for d in fr.diagnostics] == ["DL002"]
    assert "没有" in fr.diagnostics[0].message and "正文" in fr.diagnostics[0].message
    assert fr.diagnostics[0].severity == "error"  # nothing was checked: a gate must not pass it


def test_title_and_a_part_is_not_title_only(tmp_path):
    path = tmp_path / "r.md"
    path.write_text(GOOD, encoding="utf-8")
    fr = Checker().check_file(str(path))
    assert all("只有报告标题" not in d.message for d in fr.diagnostics)


# -- PDF: bounds checked before pdfminer interprets a page ------------------------------------------


def _raw_pdf(contents: list, forms: dict[str, bytes] | None = None) -> bytes:
    """A PDF of one page per content stream (Helvetica as /F1; ``(data, "flate")`` for a compressed
    stream); ``forms``: name → content of a Form XObject every page and every form may draw."""
    forms = forms or {}
    objs: dict[int, bytes] = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
                              3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
    form_ids = {name: 4 + i for i, name in enumerate(forms)}
    n = 4 + len(forms)
    xobj = b"<< " + b" ".join(b"/%s %d 0 R" % (k.encode(), v) for k, v in form_ids.items()) + b" >>"
    res = b"<< /Font << /F1 3 0 R >> /XObject " + xobj + b" >>"
    for name, body in forms.items():
        objs[form_ids[name]] = (b"<< /Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources " + res
                                + b" /Length %d >>\nstream\n" % len(body) + body + b"\nendstream")
    kids = []
    for body in contents:
        cid, pid = n, n + 1
        n += 2
        if isinstance(body, tuple):
            objs[cid] = (b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body[0]) + body[0]
                         + b"\nendstream")
        else:
            objs[cid] = b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream"
        objs[pid] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources " + res
                     + b" /Contents %d 0 R >>" % cid)
        kids.append(pid)
    objs[2] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids)
    return pdf_of(objs, b"1.4")


def _text(text: str) -> bytes:
    return b"BT /F1 12 Tf 72 700 Td (" + text.encode("latin-1") + b") Tj ET"


def _rects(n: int) -> bytes:
    return b"".join(b"%d %d 1 1 re f\n" % (i % 500, (i // 500) % 700) for i in range(n))


def _chars(n: int) -> bytes:
    return b"BT /F1 1 Tf 0 0 Td\n" + b"".join(b"(" + b"x" * 100 + b") Tj 0 1 Td\n" for _ in range(n // 100)) + b"ET"


def _bomb(n_bytes: int) -> tuple[bytes, str]:
    import zlib

    c = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    return b"".join([c.compress(chunk) for _ in range(n_bytes >> 20)] + [c.flush()]), "flate"


def _read_pdf(tmp_path, data: bytes, **limits):
    from disclosure_lint.limits import Limits
    from disclosure_lint.readers import pdf as pdf_reader

    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    return pdf_reader.read(str(path), data, limits=Limits(**limits))


def _limit_notice(doc) -> ReaderNotice:
    notices = [n for n in doc.notices if n.kind == "read-limit"]
    assert len(notices) == 1, doc.notices
    return notices[0]


def _texts(doc) -> str:
    return " ".join(b.text for b in doc.blocks)


def test_pdf_page_over_the_object_limit_is_skipped_other_pages_read(tmp_path):
    doc = _read_pdf(tmp_path, _raw_pdf([_text("First page text"), _rects(500), _text("Third page text")]),
                    max_pdf_page_objects=100)
    n = _limit_notice(doc)
    assert [s.page for s in n.skipped] == [2] and "max_pdf_page_objects" in n.skipped[0].reason
    assert "First page text" in _texts(doc) and "Third page text" in _texts(doc)


def test_pdf_page_over_the_character_limit(tmp_path):
    doc = _read_pdf(tmp_path, _raw_pdf([_text("First page text"), _chars(1000)]), max_pdf_page_chars=200)
    n = _limit_notice(doc)
    assert [s.page for s in n.skipped] == [2] and "字符" in n.skipped[0].reason


def test_pdf_forms_drawing_each_other(tmp_path):
    doc = _read_pdf(tmp_path, _raw_pdf([_text("First page text"), b"/A Do"], forms={"A": b"/B Do", "B": b"/A Do"}))
    n = _limit_notice(doc)
    assert "相互引用" in n.skipped[0].reason and "First page text" in _texts(doc)


def test_pdf_forms_drawn_two_to_the_thirty_times(tmp_path):
    forms = {f"X{i}": (b"/X%d Do /X%d Do 0 0 1 1 re f" % (i + 1, i + 1) if i < 29 else b"0 0 1 1 re f")
             for i in range(30)}
    doc = _read_pdf(tmp_path, _raw_pdf([_text("First page text"), b"/X0 Do"], forms=forms))
    assert "max_pdf_page_objects" in _limit_notice(doc).skipped[0].reason


def test_pdf_flate_bomb_is_not_inflated(tmp_path):
    doc = _read_pdf(tmp_path, _raw_pdf([_text("First page text"), _bomb(4 << 20)]), max_pdf_page_content_mb=1)
    assert "解压后超过 1 MB" in _limit_notice(doc).skipped[0].reason
    assert "First page text" in _texts(doc)


def test_pdf_page_count_limit(tmp_path):
    doc = _read_pdf(tmp_path, _raw_pdf([_text(f"Text of page {i}") for i in range(10)]), max_pdf_pages=3)
    assert ReaderNotice("page-limit", total=10, read=3) in doc.notices


def test_pdf_time_budget_stops_reading_after_the_first_page(tmp_path):
    doc = _read_pdf(tmp_path, _raw_pdf([_text(f"Text of page {i}") for i in range(4)]), max_read_seconds=1e-9)
    n = _limit_notice(doc)
    assert n.stopped == 2 and n.total == 4 and "Text of page 0" in _texts(doc)


def test_pdf_limit_reported_once_as_dl002_through_the_config(tmp_path):
    (tmp_path / ".disclosure-lint.yaml").write_text("limits:\n  max_pdf_page_objects: 100\n", encoding="utf-8")
    path = tmp_path / "r.pdf"
    path.write_bytes(_raw_pdf([_text("First page text"), _rects(300), _rects(300)]))
    result = _check(path)
    assert "Traceback" not in result.output
    fr = Checker().check_file(str(path))
    dl002 = [d for d in fr.diagnostics if d.code == "DL002"]
    assert len(dl002) == 1, [d.message for d in fr.diagnostics]
    assert "第2页" in dl002[0].message and "第3页" in dl002[0].message and "未读取" in dl002[0].message


@pytest.mark.slow
@pytest.mark.parametrize("case", ["objects", "chars", "bomb", "forms", "pages"])
def test_pdf_full_size_hostile_cases(tmp_path, case):
    body = {"objects": lambda: [_text("First page text"), _rects(1_000_000)],
            "chars": lambda: [_text("First page text"), _chars(1_000_000)],
            "bomb": lambda: [_text("First page text"), _bomb(2 << 30)],
            "forms": lambda: [_text("First page text")] + [b"/A Do"] * 50,
            "pages": lambda: [_chars(19_000)] * 300}[case]()
    forms = {"A": b"/B Do", "B": b"/A Do"} if case == "forms" else None
    path = tmp_path / f"{case}.pdf"
    path.write_bytes(_raw_pdf(body, forms=forms))
    import subprocess

    proc = subprocess.run([sys.executable, "-m", "disclosure_lint", "check", "-f", "json", str(path)],
                          capture_output=True, timeout=120, env={**os.environ, "DISCLOSURE_LINT_NO_CACHE": "1"})
    assert b"Traceback" not in proc.stderr
    import json

    diags = json.loads(proc.stdout)["files"][0]["diagnostics"]
    assert any(d["code"] == "DL002" and ("上限" in d["message"]) for d in diags)


# -- Word: paragraphs, table cells and time bounded ------------------------------------------------

_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(body_xml: str) -> bytes:
    import io
    import zipfile

    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
          'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
          'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
          '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
          'document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W_NS}><w:body>'
                                        f'{body_xml}</w:body></w:document>')
    return buf.getvalue()


def _wp(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


_TITLE_XML = _wp("某某县人民政府2023年政府信息公开工作年度报告") + _wp("一、总体情况")


def _wtable(rows: int, cols: int) -> str:
    cell = "<w:tc>" + _wp("0") + "</w:tc>"
    return "<w:tbl>" + ("<w:tr>" + cell * cols + "</w:tr>") * rows + "</w:tbl>"


def _read_docx(tmp_path, data: bytes, **limits):
    from disclosure_lint.limits import Limits
    from disclosure_lint.readers import docx as docx_reader

    return docx_reader.read(str(tmp_path / "r.docx"), data, limits=Limits(**limits))


def test_docx_paragraph_limit(tmp_path):
    doc = _read_docx(tmp_path, _docx(_TITLE_XML + "".join(_wp(f"第{i}段文字。") for i in range(300))),
                     max_blocks=100)
    n = _limit_notice(doc)
    assert "limits.max_blocks" in n.detail and "第101段起未读取" in n.detail
    assert doc.meta["paragraphs"] == 100


def test_docx_table_cell_limit_keeps_the_rows_read(tmp_path):
    doc = _read_docx(tmp_path, _docx(_TITLE_XML + _wtable(100, 10) + _wp("表后的段落。")), max_table_cells=200)
    n = _limit_notice(doc)
    assert "limits.max_table_cells" in n.detail and "表1第21行起未读取" in n.detail
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 1 and len(tables[0].table.rows) == 20


def test_docx_time_limit(tmp_path):
    doc = _read_docx(tmp_path, _docx(_TITLE_XML + "".join(_wp(f"第{i}段文字。") for i in range(300))),
                     max_read_seconds=1e-9)
    assert "limits.max_read_seconds" in _limit_notice(doc).detail


def test_docx_limit_is_one_dl002(tmp_path):
    (tmp_path / ".disclosure-lint.yaml").write_text("limits:\n  max_blocks: 100\n", encoding="utf-8")
    path = tmp_path / "r.docx"
    path.write_bytes(_docx(_TITLE_XML + "".join(_wp(f"第{i}段文字。") for i in range(300))))
    fr = Checker().check_file(str(path))
    dl002 = [d for d in fr.diagnostics if d.code == "DL002"]
    assert len(dl002) == 1 and "段落超过 100 段" in dl002[0].message


@pytest.mark.slow
@pytest.mark.parametrize("case", ["paragraphs", "table"])
def test_docx_full_size(tmp_path, case):
    import random

    rng = random.Random(1)
    han = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行"
    if case == "paragraphs":  # ~50 MB of document.xml, ~25 MB compressed
        body = _TITLE_XML + "".join(_wp("".join(rng.choice(han) for _ in range(150)) + "。") for _ in range(100_000))
    else:  # 10,000 x 40 cells (~36 MB of document.xml; 100 columns pass the 56 MB part limit: refused)
        body = _TITLE_XML + "<w:tbl>" + "".join(
            "<w:tr>" + "".join("<w:tc>" + _wp("".join(rng.choice(han) for _ in range(4))) + "</w:tc>"
                               for _ in range(40)) + "</w:tr>" for _ in range(10_000)) + "</w:tbl>"
    path = tmp_path / "big.docx"
    path.write_bytes(_docx(body))
    import json
    import subprocess

    proc = subprocess.run([sys.executable, "-m", "disclosure_lint", "check", "-f", "json", str(path)],
                          capture_output=True, timeout=120, env={**os.environ, "DISCLOSURE_LINT_NO_CACHE": "1"})
    assert b"Traceback" not in proc.stderr
    diags = json.loads(proc.stdout)["files"][0]["diagnostics"]
    assert sum(d["code"] == "DL002" and "上限" in d["message"] for d in diags) == 1


# -- HTML: tags, table cells, nesting, charset lies --------------------------------------------------

_HEAD = '<html><head><meta charset="utf-8"><title>t</title></head><body>'
_BODY = ("<h1>某某县人民政府2023年政府信息公开工作年度报告</h1><p>一、总体情况</p>"
         "<p>2023年，本机关全年主动公开政府信息120条。</p>")


def _read_html(tmp_path, html: str, **limits):
    from disclosure_lint.limits import Limits
    from disclosure_lint.readers import html as html_reader

    return html_reader.read(str(tmp_path / "r.html"), html.encode("utf-8"), limits=Limits(**limits))


def test_html_many_empty_tags_cut(tmp_path):
    doc = _read_html(tmp_path, _HEAD + _BODY + "<b></b>" * 3000 + "<p>之后的段落。</p></body></html>",
                     max_html_elements=1000)
    assert "limits.max_html_elements" in _limit_notice(doc).detail
    assert "本机关全年主动公开政府信息120条" in _texts(doc) and "之后的段落" not in _texts(doc)


def test_html_table_cells_cut_rows_kept(tmp_path):
    rows = "".join("<tr>" + "<td>1</td>" * 10 + "</tr>" for _ in range(100))
    doc = _read_html(tmp_path, _HEAD + _BODY + "<table>" + rows + "</table></body></html>", max_table_cells=200)
    assert "limits.max_table_cells" in _limit_notice(doc).detail
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 1 and len(tables[0].table.rows) == 20


def test_html_deep_nesting_and_huge_attribute(tmp_path):
    html = _HEAD + _BODY + "<div>" * 20_000 + "深处" + "</div>" * 20_000 + '<p title="' + "x" * 1_000_000 + '">尾</p>'
    doc = _read_html(tmp_path, html + "</body></html>")
    assert "本机关全年主动公开政府信息120条" in _texts(doc)


def test_html_two_limits_one_finding(tmp_path):
    (tmp_path / ".disclosure-lint.yaml").write_text("limits:\n  max_html_elements: 1000\n  max_table_cells: 100\n",
                                                    encoding="utf-8")
    rows = "".join("<tr>" + "<td>1</td>" * 10 + "</tr>" for _ in range(200))
    path = tmp_path / "r.html"
    path.write_text(_HEAD + _BODY + "<table>" + rows + "</table></body></html>", encoding="utf-8")
    fr = Checker().check_file(str(path))
    dl002 = [d for d in fr.diagnostics if d.code == "DL002"]
    assert len(dl002) == 1 and "max_table_cells" in dl002[0].message and "max_html_elements" in dl002[0].message


@pytest.mark.parametrize("charset", ["rot13", "cp037", "utf-7", "base64", "x-user-defined", "utf-16"])
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_html_charset_lies(tmp_path, charset, encoding):
    path = tmp_path / "r.html"
    path.write_bytes((_HEAD.replace("utf-8", charset) + _BODY + "</body></html>").encode(encoding))
    fr = Checker().check_file(str(path))
    assert fr.error is None and fr.report["title"] == "某某县人民政府2023年政府信息公开工作年度报告"


@pytest.mark.slow
@pytest.mark.parametrize("case", ["empty", "br", "table", "nest"])
def test_html_full_size(tmp_path, case):
    body = {"empty": "<b></b>" * 1_000_000, "br": "<p>" + "<br>" * 1_000_000 + "</p>",
            "table": "<table>" + ("<tr>" + "<td>1</td>" * 100 + "</tr>") * 10_000 + "</table>",
            "nest": "<div>" * 100_000 + "深处" + "</div>" * 100_000}[case]
    path = tmp_path / "big.html"
    path.write_text(_HEAD + _BODY + body + "</body></html>", encoding="utf-8")
    import json
    import subprocess

    proc = subprocess.run([sys.executable, "-m", "disclosure_lint", "check", "-f", "json", str(path)],
                          capture_output=True, timeout=120, env={**os.environ, "DISCLOSURE_LINT_NO_CACHE": "1"})
    assert b"Traceback" not in proc.stderr
    diags = json.loads(proc.stdout)["files"][0]["diagnostics"]
    assert sum(d["code"] == "DL002" and "上限" in d["message"] for d in diags) == 1


def test_overlong_name_with_a_good_file_one_line(tmp_path):
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    long = tmp_path / ("报" * 10_000 + ".md")
    result = _check(long, tmp_path / "good.md")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "过长" in result.output and "检查了 2 个文件" in result.output


def test_garbage_that_decodes_as_chinese_is_refused(tmp_path):
    """Bytes that GB18030 decodes into random ideographs (no running Chinese): not a report to check."""
    path = tmp_path / "garbage.txt"
    path.write_bytes(bytes((i * 131 + 71) % 94 + 161 for i in range(20_000)))
    result = _check(path)
    assert result.exit_code == 2 and "编码" in result.output and "未发现问题" not in result.output


def test_gbk_report_still_read(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(GOOD.replace("# ", "").encode("gb18030"))
    fr = Checker().check_file(str(path))
    assert fr.error is None and fr.encoding == "gb18030"
