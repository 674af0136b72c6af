"""Bytes to text: encoding detection for text-based reports.

Order: BOM (UTF-8, UTF-16, UTF-32) → strict UTF-8 → strict GB18030 (a superset of
GBK and GB2312, the usual legacy encoding of Chinese government pages) when the
result is mostly Chinese → charset-normalizer's best guess.
"""

from __future__ import annotations

import codecs
import re

from .errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# whitespace and characters that show nothing (zero-width spaces and joiners, BOMs, soft hyphens)
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u180e\u3164\uffa0"
_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _plausible_chinese(text: str) -> bool:
    sample = text[:4000]
    non_ascii = sum(1 for ch in sample if ord(ch) > 127)
    if non_ascii == 0:
        return True
    return len(_CJK.findall(sample)) / non_ascii >= 0.8


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    # many control characters other than tab/newline/carriage return/form feed/escape
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return ctrl > max(8, len(head) // 100)


def has_visible_text(text: str) -> bool:
    """Does ``text`` contain anything but whitespace and invisible characters?"""
    return bool(text.translate(_HIDE).strip())


_HIDE = {ord(c): None for c in _INVISIBLE}


def decode(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise :class:`InputError` (Chinese message).

    A file that decodes to nothing visible (a byte-order mark only, whitespace and zero-width
    characters) is refused as empty: there is nothing to check.
    """
    text, encoding = _decode(data)
    if not has_visible_text(text):
        raise InputError("文件没有内容（只有字节序标记、空白或不可见字符），没有可检查的文字")
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise InputError(f"文件以 {name} 字节序标记开头，但内容无法按 {name} 解码（第 {exc.start} 字节）") from None
    if looks_binary(data):
        raise InputError("文件是二进制文件，不是文本报告")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
        if _plausible_chinese(text):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # lazy: only for unusual files

    best = from_bytes(data).best()
    if best is None:
        raise InputError("无法识别文件的字符编码（请另存为 UTF-8）")
    return str(best), best.encoding
