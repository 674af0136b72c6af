"""The container and the header of a Word 97–2003 (.doc) document, for the .doc reader.

:func:`streams` opens the OLE2 compound file (``olefile``) and returns its ``WordDocument``, table (``0Table`` or
``1Table``) and ``Data`` streams, or the one-line error saying what the file is instead (encrypted, Word 6.0/95, an
Excel workbook or an older WPS file, damaged); :func:`fib` reads the header (FIB) the reader needs.
"""

from __future__ import annotations

import struct

from ..errors import InputError, UnsupportedType
from .sniff import FIX_AS_DOCX

FIB_IDENT = 0xA5EC
WORD97_NFIB = 0x00C0  # Word 6.0/95 files have a smaller nFib (101–105) and another layout
DAMAGED = "Word 97–2003 文档（.doc）的内部结构损坏，无法读取"


def damaged(why: str = "") -> InputError:
    return InputError(f"{DAMAGED}{'（' + why + '）' if why else ''}；{FIX_AS_DOCX}")


def u16(b: bytes, i: int) -> int:
    return int.from_bytes(b[i:i + 2], "little")


def u32(b: bytes, i: int) -> int:
    return int.from_bytes(b[i:i + 4], "little")


def streams(data: bytes) -> tuple[bytes, bytes, bytes]:
    """``(WordDocument, table stream, Data)`` of an OLE2 file, or the error saying what the file is instead."""
    import olefile

    try:
        ole = olefile.OleFileIO(data)
    except Exception:  # noqa: BLE001 - olefile raises many kinds for a damaged container
        if "EncryptedPackage".encode("utf-16-le") in data[:1 << 20]:  # (its directory names the encrypted package)
            raise InputError(f"这是设置了打开密码的 Word 文档（已加密），无法读取；请去掉密码后{FIX_AS_DOCX[1:]}") from None
        raise damaged("复合文件结构无法解析，可能下载不完整") from None
    try:
        if ole.exists("EncryptedPackage"):
            raise InputError(f"这是设置了打开密码的 Word 文档（已加密），无法读取；请去掉密码后{FIX_AS_DOCX[1:]}")
        if not ole.exists("WordDocument"):
            what = "Excel 工作簿" if ole.exists("Workbook") or ole.exists("Book") else "旧版 Office 或 WPS 的二进制文件"
            raise UnsupportedType(f"这是{what}，不是 Word 97–2003 文档，无法直接读取；{FIX_AS_DOCX}")
        word = ole.openstream("WordDocument").read()
        if len(word) < 0x200 or u16(word, 0) != FIB_IDENT:
            raise UnsupportedType(f"这是 Word 6.0/95 或更早的文档，无法直接读取；{FIX_AS_DOCX}")
        flags = u16(word, 0x0A)
        if u16(word, 2) < WORD97_NFIB:
            raise UnsupportedType(f"这是 Word 6.0/95 或更早的文档，无法直接读取；{FIX_AS_DOCX}")
        if flags & 0x0100:
            raise InputError(f"这是设置了打开密码的 Word 文档（已加密），无法读取；请去掉密码后{FIX_AS_DOCX[1:]}")
        name = "1Table" if flags & 0x0200 else "0Table"
        if not ole.exists(name):
            raise damaged(f"缺少 {name} 数据流")
        table = ole.openstream(name).read()
        extra = ole.openstream("Data").read() if ole.exists("Data") else b""
        return word, table, extra
    except InputError:
        raise
    except Exception:  # noqa: BLE001 - a stream that olefile cannot follow
        raise damaged("复合文件结构无法解析，可能下载不完整") from None
    finally:
        ole.close()


def fib(word: bytes) -> tuple[int, dict[int, tuple[int, int]], tuple[int, int]]:
    """``ccpText``, the (fc, lcb) pairs of the FIB by their index in ``FibRgFcLcb97`` and (cp, length) of the text box
    story (after the main text, footnotes, headers, macros, comments and endnotes)."""
    csw = u16(word, 32)
    at = 34 + 2 * csw
    cslw = u16(word, at)
    lw = at + 2
    at = lw + 4 * cslw
    cb = u16(word, at)
    if cslw < 4 or cb < 34 or at + 2 + 8 * 34 > len(word):
        raise damaged("文件头不完整")
    ccp = int.from_bytes(word[lw + 12:lw + 16], "little", signed=True)
    if ccp < 0:
        raise damaged("文件头不完整")
    # fcStshf, fcPlcfBteChpx, fcPlcfBtePapx, fcClx, fcPlcSpaMom, fcPlcftxbxTxt, fcPlfLst, fcPlfLfo (a short FIB: 0, 0)
    pairs = {k: (u32(word, at + 2 + 8 * k), u32(word, at + 6 + 8 * k)) if 8 * (k + 1) <= 8 * cb else (0, 0)
             for k in (1, 12, 13, 33, 40, 56, 73, 74)}
    stories = struct.unpack_from("<8i", word, lw + 12) if cslw >= 11 else (ccp, 0, 0, 0, 0, 0, 0, 0)
    return ccp, pairs, (sum(max(n, 0) for n in stories[:6]), max(stories[6], 0))
