"""Single-file web pages (``.mht``, ``.mhtml``: MHTML, RFC 2557) — a portal page saved by a browser (Internet
Explorer's “网页，单个文件”, Chrome's “网页，单个文件”), or a report Word saved as a “单个文件网页” (often
named ``.doc``).

The file is a MIME message (``multipart/related``): the page itself is one part, its pictures and style sheets
the others, each part encoded (quoted-printable, base64) for mail.  The standard library's :mod:`email` parser
reads it; the **root part** is the one the message's ``start`` parameter names by its ``Content-ID``, else the
first part of the message's ``type`` (``text/html``), else the first part (RFC 2557 §5; a ``multipart/alternative``
root gives its HTML part).  Its bytes, decoded from the transfer encoding, are read by the HTML reader
(:mod:`.html`): in the part's declared charset when it decodes them (GB2312 and GBK as GB18030), else as the
HTML reader decodes a page (what the page declares, UTF-8, detection).  A root part of plain text is read by
the text reader.  Pictures and style sheets are not read.

**Positions.**  Lines and columns are those of the page inside the file (the root part, decoded): a
quoted-printable part's lines are not the file's.  The fixer does not change these files.

**Hostile input.**  The file's size is bounded before it is read (``limits.max_bytes``); the parser is given the
message up to its 5,000th part (:data:`MAX_PARTS`: an object per part); a ``Content-Type`` field over 8 KB or of
more than 64 parameters is refused before parsing (the parser reads parameters in quadratic time); a message nested
too deep (a ``RecursionError`` of the parser) is refused with one line, like a malformed message without a page.
"""

from __future__ import annotations

import email
import email.errors
import re
from email.message import Message

from ..errors import InputError
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Document
from . import html
from .html_decode import codec_for, decode

MAX_PARTS = 5_000  # parts parsed (a saved page has tens to hundreds: its pictures, style sheets and scripts)
# a Content-Type field, folded lines included: the standard library reads its parameters in time that grows with
# their number times the field's length (a 400 KB field of semicolons: minutes); a saved page's are under 200 bytes
MAX_TYPE_FIELD = 8192
MAX_TYPE_PARAMS = 64
_TYPE_FIELD = re.compile(rb"^content-type:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*", re.I | re.M)


def _parts(msg: Message) -> list[Message]:
    """The parts of a multipart message (its first :data:`MAX_PARTS`)."""
    payload = msg.get_payload()
    if not isinstance(payload, list):
        return []
    return [p for p in payload[:MAX_PARTS] if isinstance(p, Message)]


def _root(msg: Message) -> Message | None:
    """The part that is the page (RFC 2557 §5), or None."""
    if not msg.is_multipart():
        return msg if msg.get_content_maintype() == "text" else None
    parts = _parts(msg)
    if not parts:
        return None
    start = (msg.get_param("start") or "")
    if isinstance(start, str) and start.strip("<> "):
        want = start.strip("<> ")
        for p in parts:
            if (p.get("Content-ID") or "").strip("<> ") == want:
                return _page_of(p)
    kind = msg.get_param("type")
    if isinstance(kind, str) and kind:
        for p in parts:
            if p.get_content_type() == kind.strip().lower():
                return _page_of(p)
    return _page_of(parts[0])


def _page_of(part: Message) -> Message | None:
    """A root part, or the HTML (else plain text) alternative of a ``multipart/alternative`` root."""
    if not part.is_multipart():
        return part
    subs = _parts(part)
    for kind in ("text/html", "text/plain"):
        for p in subs:
            if not p.is_multipart() and p.get_content_type() == kind:
                return p
    return None


def _after_parts(data: bytes, n: int) -> int | None:
    """Where the ``n``-th line starting with ``--`` (a boundary line: one per part, at most) starts, or None: the
    parser keeps an object per part (≈ 2.4 KB each: a 20 MB file of tiny parts held 290 MB), so a message of more
    parts is parsed up to there (the page is a saved page's first part, or one its headers name near it)."""
    at = -1
    for _ in range(n):
        at = data.find(b"\n--", at + 1)
        if at < 0:
            return None
    return at


def page_of(data: bytes) -> tuple[str, bytes, str | None]:
    """``(content type, bytes, declared charset)`` of the page a single-file web page holds, or
    :class:`InputError`."""
    cut = _after_parts(data, MAX_PARTS)
    if cut is not None:
        data = data[:cut]
    for m in _TYPE_FIELD.finditer(data):
        field = m.group()
        if len(field) > MAX_TYPE_FIELD or field.count(b";") > MAX_TYPE_PARAMS:
            raise InputError(f"单个文件网页（.mht）的“Content-Type”头部异常（{len(field)}字节，{field.count(b';')}个参数），"
                             "可能是恶意构造的文件，已拒绝读取")
    try:
        msg = email.message_from_bytes(data)
        root = _root(msg)
        if root is None or root.get_content_maintype() != "text":
            raise InputError("单个文件网页（.mht）中没有找到网页正文（只有图片或其他附件）")
        payload = root.get_payload(decode=True)
        charset = root.get_content_charset()
    except InputError:
        raise
    except RecursionError:
        raise InputError("单个文件网页（.mht）的结构嵌套过深，可能是恶意构造的文件，已拒绝读取") from None
    except (email.errors.MessageError, LookupError, ValueError, TypeError, AttributeError) as exc:
        raise InputError(f"单个文件网页（.mht）的结构异常，无法读取（{type(exc).__name__}）；"
                         "请在浏览器中打开后另存为 .html 再检查") from None
    if not isinstance(payload, bytes) or not payload.strip():
        raise InputError("单个文件网页（.mht）中的网页正文为空")
    return root.get_content_type(), payload, charset


def _decoded(payload: bytes, charset: str | None) -> tuple[str, str, str | None]:
    """The page's text, the codec used and the charset declared: the part's charset when it decodes the bytes,
    else as the HTML reader decodes a page."""
    codec = codec_for(charset.lower()) if charset else None
    if codec:
        try:
            return payload.decode(codec), codec, charset
        except UnicodeDecodeError:
            pass
    return decode(payload)


def read(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    kind, payload, charset = page_of(data)
    if kind != "text/html":
        from . import text as text_reader

        return text_reader.read(path, payload, limits=limits)
    text, encoding, declared = _decoded(payload, charset)
    return html.read_text(path, text, encoding, declared, limits)
