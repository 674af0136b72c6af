"""Bytes to text: encoding detection for text-based reports.

Order: BOM (UTF-8, UTF-16, UTF-32) → strict UTF-8 → strict GB18030 (a superset of
GBK and GB2312, the usual legacy encoding of Chinese government pages) when the
result is mostly Chinese → charset-normalizer's best guess.

:func:`decode_lenient` (the Markdown, text and HTML readers) also takes, before charset-normalizer's guess, a text that
is plainly UTF-8 but for a few bytes (a download cut inside the last character, stray bytes, one phrase pasted
in GBK): each run of those bytes is read as one U+FFFD and :class:`Undecodable` says where the first is.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from html.entities import html5

from .common_chars import COMMON as _COMMON
from .errors import InputError
from .mojibake import refuse_mojibake

BOMS = (  # byte-order marks and the codec each means (the HTML reader uses them too)
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# whitespace and characters that show nothing (zero-width spaces and joiners, BOMs, soft hyphens)
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u180e\u3164\uffa0"
_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _plausible_chinese(text: str) -> bool:
    sample = text[:4000]
    non_ascii = sum(1 for ch in sample if ord(ch) > 127)
    if non_ascii == 0:
        return True
    return len(_CJK.findall(sample)) / non_ascii >= 0.8 and _chinese_words(sample)


def _chinese_words(text: str) -> bool:
    """Are the ideographs of ``text`` those of running Chinese (not garbage that decodes as Chinese)?
    Too few of them to judge: yes."""
    ideographs = _IDEOGRAPH.findall(text[:4000])
    if len(ideographs) < 50:
        return True
    return sum(ch in _COMMON for ch in ideographs) >= 0.3 * len(ideographs)


def line_starts(text: str) -> list[int]:
    """The offset where each ``\n``-separated line of ``text`` starts (the first is 0)."""
    starts = [0]
    find = text.find
    i = find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


# a character reference as HTML writes it, ended by its semicolon: &#44; &#x3001; or a name HTML knows (&nbsp;)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|([A-Za-z][A-Za-z0-9]{1,31}));")


def entity_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the well-formed character references in ``text`` (``&nbsp;`` ``&ldquo;`` ``&#44;`` ``&#x3001;``):
    markup in Markdown, a web page's leftovers in plain text; their ``;`` is not a mark of the sentence."""
    if "&" not in text:
        return []
    return [m.span() for m in _ENTITY.finditer(text) if m.group(1) is None or m.group(1) + ";" in html5]


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    # many control characters other than tab/newline/carriage return/form feed/escape (counted in C: the bytes
    # left after deleting them); a text has none (asked first, each byte by memchr: fewer instructions than the
    # deletion's look-up of every byte)
    if not any(map(head.__contains__, _CONTROL)):
        return False
    ctrl = len(head) - len(head.translate(None, _CONTROL))
    return ctrl > max(8, len(head) // 100)


_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def has_visible_text(text: str) -> bool:
    """Does ``text`` contain anything but whitespace and invisible characters?  (Stops at the first visible
    character, which is almost always the first one, instead of copying the text without the invisible ones.)"""
    return _VISIBLE.search(text) is not None


# ``\s`` of a str pattern is exactly ``str.isspace``: the text has a visible character iff this finds one
_VISIBLE = re.compile(f"[^\\s{_INVISIBLE}]")


@dataclass(frozen=True, slots=True)
class Undecodable:
    """The bytes of a text read as UTF-8 that UTF-8 cannot decode (each run of them read as one U+FFFD): how many
    (``count``, in ``runs`` places), where the first run is in the text read (``line`` and ``column``, 1-based,
    counted as the readers count them), and whether the only run is an incomplete character at the very end
    (``at_end``: a file cut short)."""

    line: int
    column: int
    count: int
    runs: int
    at_end: bool


# a text is "plainly UTF-8 but for a few bytes" when at most 1 in UNDECODABLE_SHARE of its bytes cannot be decoded,
# at least GOOD_PER_BAD characters beyond ASCII decode for each one that cannot, and what decodes reads as Chinese
UNDECODABLE_SHARE = 100
GOOD_PER_BAD = 10
_ESCAPED = re.compile("[\udc80-\udcff]+")  # the bytes errors="surrogateescape" could not decode, one each


def decode(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise :class:`InputError` (Chinese message).

    A file that decodes to nothing visible (a byte-order mark only, whitespace and zero-width
    characters) is refused as empty: there is nothing to check.
    """
    text, encoding, _ = _decode(data, lenient=False)
    return _visible(text), encoding


def decode_lenient(data: bytes) -> tuple[str, str, Undecodable | None]:
    """:func:`decode`, or a text plainly in UTF-8 but for a few bytes: ``(text, "utf-8", where those bytes are)``
    (the text is then not the file's: a file read so is never written back)."""
    text, encoding, bad = _decode(data, lenient=True)
    text = _visible(text)
    refuse_mojibake(text)  # a text saved after a wrong decoding (鏀垮簻 for 政府): one line saying so, not a report's findings
    return text, encoding, bad


def _visible(text: str) -> str:
    if not has_visible_text(text):
        raise InputError("文件没有内容（只有字节序标记、空白或不可见字符），没有可检查的文字")
    return text


def _decode(data: bytes, lenient: bool) -> tuple[str, str, Undecodable | None]:
    for bom, name in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name, None
            except UnicodeDecodeError as exc:
                if lenient and name == "utf-8-sig":
                    found = _mostly_utf8(data[len(bom):])
                    if found is not None:
                        return found[0], name, found[1]
                raise InputError(f"文件以 {name} 字节序标记开头，但内容无法按 {name} 解码（第 {exc.start} 字节）") from None
    if looks_binary(data):
        raise InputError("文件是二进制文件，不是文本报告")
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
        if _plausible_chinese(text):
            return text, "gb18030", None
    except UnicodeDecodeError:
        pass
    if lenient:
        found = _mostly_utf8(data)
        if found is not None:
            return found[0], "utf-8", found[1]
    from charset_normalizer import from_bytes  # a heavy reader loaded on demand: only for unusual files

    best = from_bytes(data).best()
    if best is None or not _chinese_words(str(best)):
        raise InputError("无法识别文件的字符编码：按常见编码解码都不是通顺的中文（可能是乱码或二进制文件；请另存为 UTF-8）")
    return str(best), best.encoding, None


def _mostly_utf8(data: bytes) -> tuple[str, Undecodable] | None:
    """``data`` read as UTF-8 with each run of undecodable bytes as one U+FFFD, when they are a few (see
    :data:`UNDECODABLE_SHARE`) in a text that reads as Chinese; else None.  Linear: the bytes are counted by the
    codec itself before any run is looked at."""
    bad = len(data) - len(data.decode("utf-8", "ignore").encode("utf-8"))
    if not bad or bad * UNDECODABLE_SHARE > len(data):
        return None
    escaped = data.decode("utf-8", "surrogateescape")
    good = len(escaped) - len(escaped.encode("ascii", "ignore")) - bad  # characters beyond ASCII that decode
    if good < GOOD_PER_BAD * bad:
        return None
    runs = list(_ESCAPED.finditer(escaped))
    text = _ESCAPED.sub("\ufffd", escaped)
    if not _plausible_chinese(text.replace("\ufffd", "")):
        return None
    first = runs[0].start()
    before = escaped[:first]
    line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
    column = first - max(before.rfind("\n"), before.rfind("\r"))
    at_end = len(runs) == 1 and runs[0].end() == len(escaped) and _incomplete(data[first - len(escaped):])
    return text, Undecodable(line, column, bad, len(runs), at_end)


def _incomplete(tail: bytes) -> bool:
    """Are ``tail`` (the last bytes of a file) the start of a UTF-8 character, cut before its end?"""
    try:
        tail.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.reason == "unexpected end of data" and exc.start == 0
    return False
