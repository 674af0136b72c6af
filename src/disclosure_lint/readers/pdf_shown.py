"""The strings a page's content stream shows, in order, for the characters PDFium drops.

On a machine with no CJK font, PDFium gives no character at all for a text object that shows one character of a
font the PDF does not embed, through a predefined CMap (``STSong-Light`` with ``UniGB-UCS2-H``: what iText and
reportlab write; its glyph box is empty, and its text page leaves such an object out).  Rather than read the whole
page again with pdfminer (two to three times slower), :mod:`.pdf_pdfium` takes those characters from here: the
text-showing operators of the page's content stream (``Tj``, ``TJ``, ``'``, ``"``), each with the font set by the
last ``Tf`` and the bytes of its strings, in the order PDFium makes its text objects (one per operator that shows at
least one byte); :mod:`.pdf_pdfium` reads their bytes by the font's CMap as pdfminer does.

Only what that needs is read, in C where it can be (one regular expression finds the next token that matters:
numbers and other operators are passed over): literal and hexadecimal strings, arrays, dictionaries (a string in a
marked-content property list shows nothing), comments, and the font name and size before ``Tf`` (other names are
passed over: they hold no string).  ``None`` — the page is then
read by pdfminer, as before — for what this does not follow: a literal string with a nested parenthesis, an inline
image (its data may hold anything), a dictionary left open.
"""

from __future__ import annotations

import re

_DELIM = rb"\s()<>\[\]{}/%"
_TOKEN = re.compile(
    rb"(?P<lit>\((?:[^()\\]++|\\.)*+\))"
    rb"|(?P<bad>\()"
    rb"|(?P<hex><(?!<)[0-9A-Fa-f\s]*+>)"
    rb"|(?P<open><<)|(?P<close>>>)"
    rb"|(?P<comment>%[^\r\n]*+)"
    # the font and size of Tf (a name elsewhere is passed over in C: it holds no string, and the operators below are
    # not taken after its slash)
    rb"|/(?P<font>[^" + _DELIM + rb"]*+)\s++[-+]?(?:\d++\.?\d*+|\.\d++)\s++Tf(?![^" + _DELIM + rb"])"
    rb"|(?<![^" + _DELIM + rb"])(?<!/)(?P<op>Tj|TJ|'|\"|BI)(?![^" + _DELIM + rb"])",
    re.S)
MAX_PENDING = 100_000  # strings before the operator that shows them (a TJ of one string per glyph has thousands)
MAX_SHOWN = 200_000  # operators that show something (the page's budget, pdf_budget, allows 20,000 by default)
_ESCAPE = re.compile(rb"\\(?:([0-7]{1,3})|(\r\n|\r|\n)|(.))", re.S)
_ESCAPED = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
_SPACE = re.compile(rb"\s+")


def _escape(m: re.Match[bytes]) -> bytes:
    if m.group(1):
        return bytes([int(m.group(1), 8) & 0xFF])
    if m.group(2):
        return b""  # a line continued
    c = m.group(3)
    return _ESCAPED.get(c, c)


def _literal(body: bytes) -> bytes:
    """A literal string's bytes (PDF 32000-1 §7.3.4.2): its escapes read, an end of line in it one ``\\n``."""
    if b"\\" not in body and b"\r" not in body:
        return body
    # (an escaped end of line, however written, is a continuation: read before the bare ones are unified)
    return _ESCAPE.sub(_escape, body).replace(b"\r\n", b"\n").replace(b"\r", b"\n")


def shown(data: bytes) -> list[tuple[bytes | None, bytes]] | None:
    """``(font resource name, bytes shown)`` of each text-showing operator of ``data`` that shows at least one byte,
    in order; ``None`` where the stream holds what this does not follow (see the module)."""
    out: list[tuple[bytes | None, bytes]] = []
    pending: list[bytes] = []
    depth = 0
    font: bytes | None = None
    for m in _TOKEN.finditer(data):
        kind = m.lastgroup
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth < 0:
                return None
        elif kind == "bad":
            return None
        elif depth or kind == "comment":
            continue
        elif kind == "lit":
            if len(pending) >= MAX_PENDING:
                return None
            pending.append(_literal(m.group()[1:-1]))
        elif kind == "hex":
            if len(pending) >= MAX_PENDING:
                return None
            digits = _SPACE.sub(b"", m.group()[1:-1])
            pending.append(bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii")))
        elif kind == "font":
            font = m.group("font")
            pending = []
        elif kind == "op":
            if m.group() == b"BI":
                return None
            text = b"".join(pending)
            if text:
                if len(out) >= MAX_SHOWN:
                    return None
                out.append((font, text))
            pending = []
    return out if depth == 0 else None
