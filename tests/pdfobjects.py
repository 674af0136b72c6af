"""A PDF file written from its objects' bodies, for the tests that need a PDF no drawing library writes: a hostile
structure (tests/hostile/build.py, test_hostile_files), a vertical CID font (test_pdf_vertical), fonts shared by pages
with programs of a chosen size (test_pdf_budget)."""

from __future__ import annotations


def pdf_of(objects: dict[int, bytes] | list[bytes], version: bytes = b"1.7") -> bytes:
    """The file: its header, the objects (by number, or a list numbered from 1; object 1 the catalog), the
    cross-reference table (a number left out marked free) and the trailer."""
    objs = objects if isinstance(objects, dict) else dict(enumerate(objects, 1))
    out = bytearray(b"%PDF-" + version + b"\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for n in sorted(objs):
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + objs[n] + b"\nendobj\n"
    size = max(objs) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for n in range(1, size):
        out += b"%010d 00000 n \n" % offsets[n] if n in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    """A stream object's body holding ``data`` (``extra``: more of its dictionary, such as a filter)."""
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra + b" " if extra else b"") + data + b"\nendstream"
