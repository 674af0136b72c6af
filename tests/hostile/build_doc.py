"""Hostile Word 97–2003 (.doc) files, built byte by byte: an OLE2 compound file holding a ``WordDocument`` stream
(a FIB, the text, one paragraph-property page) and a ``1Table`` stream (the piece table, the property page's index).

Only what the reader looks at is written; sizes far beyond a real report's are the point (a single paragraph of
millions of characters, millions of cell marks, a flood of field marks, pieces that all cover the same text).
"""

from __future__ import annotations

import struct

SECTOR = 512
END, FREE, FAT_SECT, DIF_SECT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFC
TEXT_AT = 1024  # where the text starts in WordDocument


def ole2(streams: dict[str, bytes]) -> bytes:
    """A version-3 compound file with these streams (each padded to 4096 bytes at least: no mini stream)."""
    names = list(streams)
    data = [streams[n] + b"\0" * max(0, 4096 - len(streams[n])) for n in names]
    chains: list[tuple[int, int]] = []  # (first sector, sector count) of each stream
    at = 0
    for blob in data:
        n = -(-len(blob) // SECTOR)
        chains.append((at, n))
        at += n
    dir_first, dir_n = at, -(-(len(names) + 1) // 4)
    used = at + dir_n
    nfat = ndif = 0
    while True:  # FAT sectors to map every sector, themselves and the DIFAT sectors included
        ndif = max(0, -(-(nfat - 109) // 127))
        if 128 * nfat >= used + nfat + ndif:
            break
        nfat += 1
    fat_first, dif_first = used, used + nfat
    fat = [FREE] * (128 * nfat)
    for first, n in [*chains, (dir_first, dir_n)]:
        for s in range(first, first + n):
            fat[s] = s + 1 if s < first + n - 1 else END
    for s in range(fat_first, fat_first + nfat):
        fat[s] = FAT_SECT
    for s in range(dif_first, dif_first + ndif):
        fat[s] = DIF_SECT
    fat_sectors = list(range(fat_first, fat_first + nfat))
    header = bytearray(SECTOR)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 40, 0, nfat, dir_first, 0, 0x1000, END, 0, dif_first if ndif else END, ndif)
    head_fat = fat_sectors[:109] + [FREE] * (109 - min(109, nfat))
    struct.pack_into("<109I", header, 76, *head_fat)
    entries = [_entry("Root Entry", 5, END, 0, child=1)]
    for k, (name, blob) in enumerate(zip(names, data, strict=True)):
        entries.append(_entry(name, 2, chains[k][0], len(streams[name]) if len(streams[name]) >= 4096 else len(blob),
                              right=k + 2 if k + 1 < len(names) else FREE))
    directory = b"".join(entries).ljust(dir_n * SECTOR, b"\0")
    # (an unused directory entry must be typed 0 with no siblings: zeros are read as such)
    difat = bytearray()
    rest = fat_sectors[109:]
    for k in range(ndif):
        part = rest[127 * k:127 * (k + 1)]
        nxt = dif_first + k + 1 if k + 1 < ndif else END
        difat += struct.pack("<127I", *(part + [FREE] * (127 - len(part)))) + struct.pack("<I", nxt)
    return (bytes(header) + b"".join(d.ljust(-(-len(d) // SECTOR) * SECTOR, b"\0") for d in data) + directory
            + struct.pack(f"<{len(fat)}I", *fat) + bytes(difat))


def _entry(name: str, kind: int, start: int, size: int, child: int = FREE, right: int = FREE) -> bytes:
    raw = name.encode("utf-16-le") + b"\0\0"
    e = bytearray(128)
    e[:len(raw)] = raw
    struct.pack_into("<HBBIII", e, 64, len(raw), kind, 1, FREE, right, child)
    struct.pack_into("<II", e, 116, start, size)
    return bytes(e)


def doc(text: str, sprms: bytes = b"", pieces: int = 1, before: str = "") -> bytes:
    """A .doc of ``before`` (plain paragraphs) then ``text`` (its paragraph marks, cell marks and field marks as
    given), every paragraph of ``text`` with the properties ``sprms`` (one run), its piece table ``pieces`` pieces
    that each cover the whole text (a real file has one per run of text; more is hostile)."""
    ccp = len(before) + len(text)
    body = (before + text).encode("utf-16-le")
    run_at = TEXT_AT + 2 * len(before)
    fkp_page = -(-(TEXT_AT + len(body)) // SECTOR)
    fib = bytearray(TEXT_AT)
    struct.pack_into("<HHHHH", fib, 0, 0xA5EC, 0x00C1, 0, 0x0804, 0)
    struct.pack_into("<H", fib, 10, 0x0200)  # fWhichTblStm: the table stream is 1Table
    struct.pack_into("<H", fib, 32, 14)  # csw, then fibRgW
    struct.pack_into("<H", fib, 62, 22)  # cslw, then fibRgLw: ccpText at index 3
    struct.pack_into("<i", fib, 64 + 12, ccp)
    struct.pack_into("<H", fib, 152, 93)  # cbRgFcLcb, then the (fc, lcb) pairs
    clx = bytes([2]) + struct.pack("<I", 4 * (pieces + 1) + 8 * pieces)
    clx += struct.pack(f"<{pieces + 1}i", 0, *([ccp] * pieces))
    clx += struct.pack("<HIH", 0, TEXT_AT, 0) * pieces
    plc = struct.pack("<III", run_at, TEXT_AT + len(body), fkp_page)
    struct.pack_into("<II", fib, 154 + 8 * 33, 0, len(clx))  # fcClx, lcbClx
    struct.pack_into("<II", fib, 154 + 8 * 13, len(clx), len(plc))  # fcPlcfBtePapx, lcbPlcfBtePapx
    page = bytearray(SECTOR)
    struct.pack_into("<II", page, 0, run_at, TEXT_AT + len(body))
    grpprl = b"\0\0" + sprms  # istd 0, then the sprms
    grpprl += b"\0" * (len(grpprl) % 2)
    papx = bytes([0, len(grpprl) // 2]) + grpprl
    page[256:256 + len(papx)] = papx
    page[8] = 128  # the run's PAPX at byte 256
    page[511] = 1
    word = bytes(fib) + body
    word = word.ljust(fkp_page * SECTOR, b"\0") + bytes(page)
    return ole2({"WordDocument": word, "1Table": clx + plc})


IN_TABLE = bytes([0x16, 0x24, 1])
ROW_END = bytes([0x17, 0x24, 1])


def itap(depth: int) -> bytes:
    return bytes([0x49, 0x66]) + struct.pack("<I", depth)
