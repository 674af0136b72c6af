"""Decoding an HTML page's bytes: which charset it is really in.

A BOM decides; else the charset the page declares (``<meta charset>``, ``<meta http-equiv="Content-Type"
content="…charset=gbk">``, an XML declaration; GB2312 and GBK are read as their superset GB18030),
except that a page that is valid UTF-8 is read as UTF-8 whatever it declares (mis-declared pages are
common after CMS migrations) and a Chinese page declared Latin-1 is read as GB18030; else strict UTF-8;
else :func:`disclosure_lint.textio.decode` — or, for :func:`decode_page`, :func:`disclosure_lint.textio.decode_lenient`
(a page plainly in UTF-8 but for a few bytes is read, and says where they are).
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError
from ..mojibake import refuse_mojibake
from ..textio import BOMS, Undecodable, decode_lenient, looks_binary
from ..textio import decode as text_decode

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_DECLARED = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_\-:.]+)""", re.I)
_GB = frozenset({"gb2312", "gbk", "x-gbk", "cp936", "ms936", "windows-936", "gb_2312-80", "csgb2312", "euc-cn",
                 "x-euc-cn", "chinese", "iso-ir-58", "csiso58gb231280", "gb18030", "gb_2312"})

def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (meta tag or XML declaration), as written."""
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    raw = m.group(1) or m.group(2)
    try:
        return raw.decode("ascii").strip().lower()
    except UnicodeDecodeError:  # pragma: no cover - the pattern only matches ASCII
        return None


def codec_for(label: str) -> str | None:
    if label in _GB:
        return "gb18030"
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    name = info.name
    if not getattr(info, "_is_text_encoding", True) or not _ascii_compatible(name):
        return None  # rot13, base64 …; EBCDIC or UTF-7: a page that declares it in ASCII cannot be in it
    if name.startswith(("utf-16", "utf-32")):  # an ASCII-compatible page cannot be UTF-16 (HTML5 rule)
        return "utf-8"
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"  # what browsers do with these labels
    return name


def _ascii_compatible(name: str) -> bool:
    if name.startswith(("utf-16", "utf-32")):
        return True  # mapped to UTF-8 below
    try:
        return _PROBE.decode(name) == _PROBE.decode("ascii")
    except (UnicodeDecodeError, LookupError, TypeError, ValueError):
        return False


_PROBE = b'<meta charset="x"> <p>Aa 09 ~+-</p>'
_WESTERN = frozenset({"cp1252", "latin-1", "iso8859-1", "iso8859-15", "ascii"})


def _mostly_chinese(text: str) -> bool:
    non_ascii = [ch for ch in text[:20000] if ord(ch) > 127]
    return bool(non_ascii) and len(_CJK.findall("".join(non_ascii))) >= 0.8 * len(non_ascii)


def decode(data: bytes) -> tuple[str, str, str | None]:
    """``(text, encoding used, charset declared)`` or :class:`InputError`."""
    text, encoding, declared, _ = _decode(data, lenient=False)
    return text, encoding, declared


def decode_page(data: bytes) -> tuple[str, str, str | None, Undecodable | None]:
    """:func:`decode`, and a page plainly in UTF-8 but for a few bytes read with them as U+FFFD (where they are:
    the fourth value)."""
    decoded = _decode(data, lenient=True)
    refuse_mojibake(decoded[0])  # a page saved after a wrong decoding (鏀垮簻 for 政府): one line saying so
    return decoded


def _decode(data: bytes, lenient: bool) -> tuple[str, str, str | None, Undecodable | None]:
    if not data.strip():
        raise InputError("文件为空")
    for bom, name in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name, None, None
            except UnicodeDecodeError as exc:
                raise InputError(f"网页以 {name} 字节序标记开头，但内容无法按 {name} 解码（第 {exc.start} 字节）") from None
    if looks_binary(data):
        raise InputError("文件是二进制文件，不是网页")
    declared = declared_charset(data)
    codec = codec_for(declared) if declared else None
    is_ascii = data.isascii()
    if codec and codec != "utf-8" and not is_ascii:
        try:  # valid UTF-8 with non-ASCII text is UTF-8, whatever the page says
            return data.decode("utf-8"), "utf-8", declared, None
        except UnicodeDecodeError:
            pass
        if codec in _WESTERN:  # a Chinese page mis-declared as Latin-1 / Windows-1252
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError:
                text = None
            if text is not None and _mostly_chinese(text):
                return text, "gb18030", declared, None
    if codec:
        try:
            return data.decode(codec), codec, declared, None
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8", declared, None
    except UnicodeDecodeError:
        pass
    if lenient:
        text, enc, bad = decode_lenient(data)
        return text, enc, declared, bad
    text, enc = text_decode(data)
    return text, enc, declared, None
