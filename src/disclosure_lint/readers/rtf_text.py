"""Text of an RTF file, for the RTF reader: its tokens, and the code page of each font.

**Tokens** (:data:`TOKEN`, RTF 1.9.1): a control word (letters, an optional signed parameter, the one space that may
delimit it), ``\\'hh`` (a byte in the current font's code page; a run of them is one token), a control symbol (``\\~``, ``\\-``, ``\\_``,
``\\\\``, ``\\{``, ``\\}``, ``\\*`` …), a brace, line ends (which mean nothing in RTF) and runs of other bytes (text;
some writers put raw bytes of the code page there, not ``\\'hh``); a run of ``\\uN`` each with one fallback character
(what Word and LibreOffice write for Chinese text) is one token too (runs of at most 4096: a regular expression's
repetition holds memory for each).

**Code pages** (:func:`codec_of`): a font's ``\\fcharset`` names its code page (134 GBK, 136 Big5, 128 Shift-JIS …);
0 and 1 (the default) mean the document's ``\\ansicpg``.  A symbol font's bytes (``\\fcharset2``: Symbol, Wingdings)
are private-use characters, dropped as the Word readers drop them, but for the check boxes (□ ☑ ☒ √).
"""

from __future__ import annotations

import codecs
import re

TOKEN = re.compile(rb"((?:\\u-?[0-9]{1,5} ?(?:\\'[0-9a-fA-F]{2}|[^\\{}\r\n])){1,4096})|\\([a-zA-Z]{1,32})(-?[0-9]{1,10})? ?"
                   rb"|((?:\\'[0-9a-fA-F]{2}){1,4096})|\\([^a-zA-Z'])|([{}])|[\r\n]+|([^\\{}\r\n]{1,1048576})|\\'?", re.S)
UNICODE, WORD, PARAM, HEX, SYMBOL, BRACE, TEXT = 1, 2, 3, 4, 5, 6, 7
# one \uN of a run of them (:data:`UNICODE`: each followed by one character or \'hh, its fallback with \uc1)
UNICODE_ITEM = re.compile(rb"\\u(-?[0-9]{1,5}) ?(\\'[0-9a-fA-F]{2}|.)", re.S)

CHARSETS = {77: "mac_roman", 128: "cp932", 129: "cp949", 130: "johab", 134: "gbk", 136: "cp950", 161: "cp1253",
            162: "cp1254", 163: "cp1258", 177: "cp1255", 178: "cp1256", 186: "cp1257", 204: "cp1251", 222: "cp874",
            238: "cp1250", 254: "cp437", 255: "cp437"}
SYMBOL_CHARSET = 2
SYMBOL_CODEC = "symbol"  # (not a Python codec: bytes read as private-use characters)
DEFAULT_CODEC = "cp1252"

# control characters dropped (a tab and a line break kept); a symbol font's character (U+F020–U+F0FF) dropped but
# for the check boxes, as in the Word readers
CLEAN = dict.fromkeys(range(32)) | {0x09: "\t", 0x0A: "\n", 0x7F: None}
CLEAN |= dict.fromkeys(range(0xF020, 0xF100)) | {0xF0A8: "□", 0xF06F: "□", 0xF0FE: "☑", 0xF0FD: "☒", 0xF0FC: "√"}

# control words that are characters
CHARS = {"tab": "\t", "line": "\n", "emdash": "\u2014", "endash": "\u2013", "emspace": "\u2003",
         "enspace": "\u2002", "qmspace": "\u2005", "bullet": "\u2022", "lquote": "\u2018", "rquote": "\u2019",
         "ldblquote": "\u201c", "rdblquote": "\u201d", "zwj": "", "zwnj": "", "zwbo": "", "zwnbo": "",
         "ltrmark": "", "rtlmark": "", "softline": "\n"}
SYMBOLS = {b"~": "\xa0", b"_": "\u2011", b"\\": "\\", b"{": "{", b"}": "}", b"-": "", b"|": "", b":": ""}


def codepage(number: int) -> str:
    """The Python codec of a Windows code page number (``\\ansicpgN``, ``\\cpgN``), or the default."""
    if number == 65001:
        return "utf-8"
    name = "gbk" if number == 936 else f"cp{number}"
    try:
        codecs.lookup(name)
    except LookupError:
        return DEFAULT_CODEC
    return name


def codec_of(charset: int | None, ansi: str) -> str:
    """The codec of a font's ``\\fcharset`` in a document whose ``\\ansicpg`` is ``ansi``."""
    if charset is None or charset in (0, 1):
        return ansi
    if charset == SYMBOL_CHARSET:
        return SYMBOL_CODEC
    return CHARSETS.get(charset, ansi)


def double_byte(codec: str) -> bool:
    return codec in ("gbk", "cp932", "cp949", "cp950", "johab")


def decode(data: bytes, codec: str) -> str:
    """``data`` in ``codec``; bytes it cannot decode are U+FFFD (never an error)."""
    if codec == SYMBOL_CODEC:
        return "".join(chr(0xF000 + b) if b >= 0x20 else "" for b in data)
    try:
        return data.decode(codec, "replace")
    except LookupError:
        return data.decode(DEFAULT_CODEC, "replace")


def unicode_char(n: int, high: int | None) -> tuple[str, int | None]:
    """The character of ``\\uN`` (a signed 16-bit number) after a high surrogate ``high`` (or None): ``(text, the
    high surrogate still waiting for its pair)``.  A surrogate without its pair is U+FFFD."""
    n &= 0xFFFF
    if 0xD800 <= n < 0xDC00:
        return ("\ufffd" if high is not None else ""), n
    if 0xDC00 <= n < 0xE000:
        if high is None:
            return "\ufffd", None
        return chr(0x10000 + ((high - 0xD800) << 10) + (n - 0xDC00)), None
    return ("\ufffd" if high is not None else "") + chr(n), None


_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TITLE_NAMES = frozenset({"title", "标题"})


def style_level(name: str, outline: int | None) -> int | None:
    """A paragraph style's heading level from its name ("heading 2", "标题 2", "Title") or its outline level."""
    name = name.strip().rstrip(";").strip()
    m = _HEADING_NAME.match(name)
    if m:
        return int(m.group(1))
    if name.lower() in _TITLE_NAMES:
        return 1
    if outline is not None and 0 <= outline < 9:
        return outline + 1
    return None
