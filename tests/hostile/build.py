"""Helpers that write hostile inputs: reports, raw PDFs, Word files, special files, deep nesting.

Everything is generated (deterministic, no randomness without a fixed seed); the only report text
used is the project's own synthetic examples (``examples/*.md``).
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from pathlib import Path

from ..pdfobjects import pdf_of

ROOT = Path(__file__).resolve().parents[2]
GOOD = "good-2023.md"        # the defective example: always has findings, so its path is always shown
CLEAN = "clean-2023.md"      # the clean example: no findings (use with -f json to see it was checked)
AGENCY = "江北市桐溪区"        # in the defective example's title: the agency shown in the console header


def example(name: str = "defective-2023.md") -> str:
    return (ROOT / "examples" / name).read_text(encoding="utf-8")


def write(d: Path, rel: str | bytes, data: str | bytes) -> str:
    """Write ``data`` at ``d/rel`` (parents created); return ``rel`` as the CLI argument."""
    path = os.path.join(os.fsencode(d), rel if isinstance(rel, bytes) else os.fsencode(rel))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data.encode("utf-8") if isinstance(data, str) else data)
    return os.fsdecode(rel)


def good(d: Path, where: str = "") -> str:
    return write(d, os.path.join(where, GOOD), example())


def clean(d: Path, where: str = "") -> str:
    return write(d, os.path.join(where, CLEAN), example("clean-2023.md"))


def titled(agency: str) -> str:
    """The defective example with ``agency`` in place of the agency name in its title (and everywhere)."""
    return example().replace(AGENCY, agency)


def fifo(d: Path, rel: str) -> str:
    os.makedirs(os.path.dirname(d / rel), exist_ok=True)
    os.mkfifo(d / rel)
    return rel


def symlink(d: Path, rel: str, target: str) -> str:
    os.makedirs(os.path.dirname(d / rel), exist_ok=True)
    os.symlink(target, d / rel)
    return rel


def deep_dirs(d: Path, rel: str, depth: int, name: str = "d") -> Path:
    """``rel/d/d/…`` ``depth`` levels deep (created with relative mkdir so no path gets too long)."""
    fd = os.open(d, os.O_RDONLY)
    try:
        cur = os.open(rel, os.O_RDONLY, dir_fd=fd) if rel else os.dup(fd)
        for _ in range(depth):
            os.mkdir(name, dir_fd=cur)
            nxt = os.open(name, os.O_RDONLY, dir_fd=cur)
            os.close(cur)
            cur = nxt
        os.close(cur)
    finally:
        os.close(fd)
    return Path(rel, *([name] * depth))


def write_at_depth(d: Path, rel_dir: Path, name: str, data: str) -> None:
    """Write a file in a directory whose path may be longer than PATH_MAX (walks with dir fds)."""
    cur = os.open(d, os.O_RDONLY)
    for part in rel_dir.parts:
        nxt = os.open(part, os.O_RDONLY, dir_fd=cur)
        os.close(cur)
        cur = nxt
    fd = os.open(name, os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=cur)
    os.write(fd, data.encode("utf-8"))
    os.close(fd)
    os.close(cur)


def rule_yaml(rule_id: str = "XY001", kind: str = "existence", options: str = "{terms: [落实]}",
              message: str = "本单位规定：不得使用“{match}”") -> str:
    return (f"id: {rule_id}\nname: {rule_id.lower()}-rule\nkind: {kind}\ncategory: writing\nseverity: warning\n"
            f"message: {message!r}\noptions: {options}\ndocs: {{what: 测试, why: 测试, basis: 测试}}\n")


def nested_yaml(depth: int, flow: str = "[") -> str:
    close = {"[": "]", "{": "}"}[flow]
    inner = "a" if flow == "[" else "a: 1"
    return flow * depth + inner + close * depth + "\n"


# -- PDF (written by hand: the hostile structure is the point) -------------------------------------


def stream(data: bytes, extra: bytes = b"", compressed: bytes | None = None) -> bytes:
    body = zlib.compress(data, 9) if compressed is None else compressed
    return b"<< /Length %d /Filter /FlateDecode %s>>\nstream\n" % (len(body), extra) + body + b"\nendstream"


def pdf_page(content: bytes | None = None, xobjects: dict[str, int] | None = None,
             extra: dict[int, bytes] | None = None, compressed: bytes | None = None) -> bytes:
    """One A4 page: object 4 is its content stream, 5 a Helvetica font, ``extra`` more objects (6…)."""
    xo = b"".join(b"/%s %d 0 R " % (k.encode(), v) for k, v in (xobjects or {}).items())
    objs = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
           b"/Resources << /Font << /F1 5 0 R >> /XObject << " + xo + b">> >> >>",
        4: stream(content or b"", compressed=compressed),
        5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    objs.update(extra or {})
    return pdf_of(objs)


def form_xobject(content: bytes, xobjects: dict[str, int]) -> bytes:
    xo = b"".join(b"/%s %d 0 R " % (k.encode(), v) for k, v in xobjects.items())
    return stream(content, extra=b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << "
                                 + xo + b">> /Font << /F1 5 0 R >> >> ")


def pdf_pages(n: int) -> bytes:
    kids = b" ".join(b"%d 0 R" % (10 + i) for i in range(n))
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n,
            4: stream(b"BT /F1 12 Tf 72 720 Td (page) Tj ET"),
            5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
    for i in range(n):
        objs[10 + i] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                        b"/Resources << /Font << /F1 5 0 R >> >> >>")
    return pdf_of(objs)


def pdf_deep_page_tree(depth: int) -> bytes:
    objs = {1: b"<< /Type /Catalog /Pages 10 0 R >>", 4: stream(b"BT /F1 12 Tf 72 720 Td (deep) Tj ET"),
            5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
    for i in range(depth):
        parent = b"/Parent %d 0 R " % (9 + i) if i else b""
        objs[10 + i] = b"<< /Type /Pages " + parent + b"/Kids [%d 0 R] /Count 1 >>" % (11 + i)
    objs[10 + depth] = (b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                        b"/Resources << /Font << /F1 5 0 R >> >> >>" % (9 + depth))
    return pdf_of(objs)


def deflate_bomb(size: int, byte: bytes = b" ") -> bytes:
    comp = zlib.compressobj(9)
    chunk = byte * (16 << 20)
    parts = [comp.compress(chunk) for _ in range(size // len(chunk))]
    parts.append(comp.flush())
    return b"".join(parts)


# -- Word -----------------------------------------------------------------------------------------

_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/word/document.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="word/document.xml"/></Relationships>')
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(body: str | bytes | None = None, document: bytes | None = None, extra: dict[str, bytes] | None = None,
         chunks: int = 1) -> bytes:
    """A minimal .docx: ``body`` (WordprocessingML inside ``<w:body>``) or a whole ``document`` part;
    ``chunks`` > 1 repeats ``body`` that many times (streamed into the zip, for big files)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        if document is not None:
            z.writestr("word/document.xml", document)
        else:
            part = body.encode("utf-8") if isinstance(body, str) else (body or b"")
            with z.open("word/document.xml", "w", force_zip64=True) as fh:
                fh.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>'.encode())
                for _ in range(chunks):
                    fh.write(part)
                fh.write(b"</w:body></w:document>")
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def flatten(root: Path) -> None:
    """Move every directory below ``root`` up to ``root`` itself, so that a tree 1,100 deep can be removed
    by ``shutil.rmtree`` (recursive in Python 3.11) and pytest's own clean-up."""
    todo, n = [root], 0
    while todo:
        cur = todo.pop()
        for entry in list(os.scandir(cur)):
            if entry.is_dir(follow_symlinks=False):
                if cur == root:
                    todo.append(Path(entry.path))
                else:
                    n += 1
                    dest = root / f".flat{n}"
                    os.rename(entry.path, dest)
                    todo.append(dest)
