"""Word 97–2003's automatic list numbering, drawn as Word draws it, for the .doc reader.

A title Word numbers ("一、" from the list definition, not typed) holds no number in the text; read without it, a
report's six section titles are "not numbered" (DL102, an error the report does not have).  As
:mod:`.docx_numbering` does for a ``.docx``, the label is drawn from the list definitions in the table stream:

* ``PlfLst`` (FIB ``fcPlfLst``): the lists (``LSTF``: an id, whether it has one level or nine), each followed by its
  levels (``LVL``: start, number format ``nfc``, whether the numbers are all decimal ``fLegal``, what follows the
  number, the number text with a placeholder character 0–8 for each level's number, hidden by ``sprmCFVanish`` in
  its character properties);
* ``PlfLfo`` (FIB ``fcPlfLfo``): the list instances a paragraph points at (``sprmPIlfo``, counted from 1, with its
  level ``sprmPIlvl``), each naming its list and perhaps restarting levels (``LFOLVL.fStartAt``);
* a paragraph style's numbering (its ``sprmPIlfo``/``sprmPIlvl`` in the style sheet ``STSH``, through
  ``istdBase``) when the paragraph sets none.

The style sheet also gives each paragraph style's heading level (:attr:`Lists.levels`), as the Word reader takes it: a
style named "heading 1"…"标题 9" is level 1–9, "Title"/"标题" level 1, else its outline level (``sprmPOutLvl``), each
style's own or its base style's.

Counters are kept per list and level; numbering a level resets the deeper ones.  A format this module cannot draw
exactly (a bullet, an unknown ``nfc``) gives no label, as in the ``.docx`` reader.  Every offset is checked against
the table stream, and the numbers of lists, instances and styles read are bounded.
"""

from __future__ import annotations

import re

from .docx_numbering import format_number, through_bases

MAX_LEVELS = 9
MAX_DEFINITIONS = 5000
MAX_LABEL = 64
_END_PUNCT = frozenset("、.．。，,：:)）")
P_ILFO, P_ILVL, C_VANISH, P_OUTLINE = 0x460B, 0x260A, 0x083C, 0x2640
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TITLE_NAMES = frozenset({"title", "标题"})

# nfc → the name of the same format in WordprocessingML (what format_number draws)
NFC = {0x00: "decimal", 0x01: "upperRoman", 0x02: "lowerRoman", 0x03: "upperLetter", 0x04: "lowerLetter",
       0x0A: "ideographDigital", 0x0E: "decimalFullWidth", 0x12: "decimalEnclosedCircle", 0x13: "decimalFullWidth",
       0x16: "decimalZero", 0x17: "bullet", 0x1A: "decimalEnclosedFullstop", 0x1B: "decimalEnclosedParen",
       0x1C: "decimalEnclosedCircleChinese", 0x1E: "ideographTraditional", 0x21: "taiwaneseCounting",
       0x23: "taiwaneseCountingThousand", 0x25: "chineseCounting", 0x26: "chineseLegalSimplified",
       0x27: "chineseCountingThousand", 0xFF: "none"}


def _u16(b: bytes, i: int) -> int:
    return int.from_bytes(b[i:i + 2], "little")


def _i32(b: bytes, i: int) -> int:
    return int.from_bytes(b[i:i + 4], "little", signed=True)


class _Level:
    __slots__ = ("fmt", "hidden", "legal", "start", "suff", "text")

    def __init__(self, start: int, fmt: str | None, legal: bool, suff: int, text: str, hidden: bool) -> None:
        self.start, self.fmt, self.legal, self.suff, self.text, self.hidden = start, fmt, legal, suff, text, hidden


def _lvl(table: bytes, at: int, sprms) -> tuple[_Level, int] | None:
    """The LVL at ``at`` and where the next one starts, or None where it runs past the stream."""
    if at + 28 > len(table):
        return None
    start, nfc, flags, follow = _i32(table, at), table[at + 4], table[at + 5], table[at + 15]
    cb_chpx, cb_papx = table[at + 24], table[at + 25]
    chpx = at + 28 + cb_papx
    at = chpx + cb_chpx
    if at + 2 > len(table):
        return None
    hidden = any(s == C_VANISH and table[a] in (1, 0x81) for s, a, _b in sprms(table, chpx, at))
    cch = _u16(table, at)
    end = at + 2 + 2 * cch
    if end > len(table):
        return None
    text = table[at + 2:end].decode("utf-16-le", "replace")
    return _Level(start, NFC.get(nfc), bool(flags & 4), follow, text, hidden), end


class Lists:
    """The labels Word draws for numbered paragraphs of a .doc, in document order."""

    def __init__(self, table: bytes, plf_lst: tuple[int, int], plf_lfo: tuple[int, int], sprms) -> None:
        self.lists: dict[int, list[_Level]] = {}
        self.lfos: list[tuple[int, dict[int, int]]] = []  # (list id, {level: start override})
        self.counters: dict[int, list[int | None]] = {}
        self.used: set[int] = set()
        self.styles: dict[int, tuple[int, int]] = {}  # paragraph style → (ilfo, ilvl)
        self.levels: dict[int, int] = {}  # paragraph style → its heading level (1–9)
        try:
            self._read_lists(table, *plf_lst, sprms)
            self._read_lfos(table, *plf_lfo, sprms)
        except (IndexError, ValueError):  # a definition cut short: what was read before it stays
            pass

    def _read_lists(self, table: bytes, fc: int, lcb: int, sprms) -> None:
        if lcb < 2 or fc + lcb > len(table):
            return
        n = int.from_bytes(table[fc:fc + 2], "little", signed=True)
        heads = []
        for k in range(min(max(n, 0), MAX_DEFINITIONS)):
            at = fc + 2 + 28 * k
            if at + 28 > len(table):
                return
            heads.append((_i32(table, at), bool(table[at + 26] & 1)))
        at = fc + 2 + 28 * len(heads)
        for lsid, simple in heads:
            levels: list[_Level] = []
            for _ in range(1 if simple else MAX_LEVELS):
                got = _lvl(table, at, sprms)
                if got is None:
                    return
                level, at = got
                levels.append(level)
            self.lists[lsid] = levels

    def _read_lfos(self, table: bytes, fc: int, lcb: int, sprms) -> None:
        if lcb < 4 or fc + lcb > len(table):
            return
        n = min(max(_i32(table, fc), 0), MAX_DEFINITIONS)
        heads = []
        for k in range(n):
            at = fc + 4 + 16 * k
            if at + 16 > len(table):
                return
            heads.append((_i32(table, at), table[at + 12]))
        at = fc + 4 + 16 * n
        for lsid, count in heads:
            starts: dict[int, int] = {}
            at += 4  # LFOData.cp
            for _ in range(min(count, MAX_LEVELS)):
                if at + 8 > len(table):
                    break
                start, flags = _i32(table, at), int.from_bytes(table[at + 4:at + 8], "little")
                at += 8
                if flags & 0x10:
                    starts[flags & 0xF] = start
                if flags & 0x20:  # a whole LVL replaces the list's: skipped over (its start is the override's)
                    got = _lvl(table, at, sprms)
                    if got is None:
                        break
                    at = got[1]
            self.lfos.append((lsid, starts))

    def numbering_of(self, ilfo: int | None, ilvl: int | None, istd: int | None) -> tuple[int, int] | None:
        """The paragraph's (ilfo, ilvl), its own or its style's; None when Word does not number it."""
        if ilfo is None and istd is not None:
            got = self.styles.get(istd)
            if got is not None:
                ilfo, style_lvl = got
                ilvl = style_lvl if ilvl is None else ilvl
        if not ilfo or ilfo > len(self.lfos):  # 0 (and 0xF801: numbering switched off) number nothing
            return None
        return ilfo, min(ilvl or 0, MAX_LEVELS - 1)

    def label(self, ilfo: int, ilvl: int) -> str | None:
        """The label Word draws for a paragraph of list instance ``ilfo`` (from 1) at level ``ilvl``, or None when it
        cannot be drawn here; counts the paragraph: call once per numbered paragraph, in document order."""
        lsid, starts = self.lfos[ilfo - 1]
        levels = self.lists.get(lsid)
        if not levels:
            return None
        if len(levels) == 1:
            ilvl = 0
        if ilvl >= len(levels):
            return None
        cur = self.counters.setdefault(lsid, [None] * MAX_LEVELS)
        if ilfo not in self.used:
            self.used.add(ilfo)
            for k, start in starts.items():
                if k < MAX_LEVELS:
                    cur[k] = start - 1
        lvl = levels[ilvl]
        n = cur[ilvl]
        cur[ilvl] = lvl.start if n is None else n + 1
        for k in range(ilvl + 1, MAX_LEVELS):
            cur[k] = None
        return self._draw(lvl, levels, cur)

    def _draw(self, lvl: _Level, levels: list[_Level], cur: list[int | None]) -> str | None:
        if lvl.fmt is None or lvl.fmt == "bullet" or len(lvl.text) > MAX_LABEL:
            return None
        if lvl.hidden:
            return ""
        out: list[str] = []
        for ch in lvl.text:
            k = ord(ch)
            if k >= MAX_LEVELS:
                out.append(ch)
                continue
            if k >= len(levels):
                return None
            other = levels[k]
            n = cur[k] if cur[k] is not None else other.start
            if other.fmt == "none":
                continue
            drawn = format_number(n, "decimal" if lvl.legal else (other.fmt or "")) if n is not None else None
            if drawn is None or other.fmt is None:
                return None
            out.append(drawn)
        text = "".join(out).strip()
        if text and lvl.suff != 2 and text[-1] not in _END_PUNCT:  # a tab or a space after the number
            text += " "
        return text

    def read_styles(self, table: bytes, fc: int, lcb: int, sprms) -> None:
        """The paragraph styles' numbering and heading levels (``STSH`` at ``fcStshf``), each style's own or its base
        style's."""
        if lcb < 4 or fc + lcb > len(table):
            return
        end = fc + lcb
        cb_stshi = _u16(table, fc)
        if cb_stshi < 4 or fc + 2 + cb_stshi > end:
            return
        cstd, cb_base = _u16(table, fc + 2), _u16(table, fc + 4)
        at = fc + 2 + cb_stshi
        own: dict[int, tuple[int | None, int | None, int | None]] = {}
        heads: dict[int, tuple[int | None, None, int | None]] = {}  # style → (its own heading level, 0 for none), base
        for istd in range(min(cstd, MAX_DEFINITIONS)):
            if at + 2 > end:
                break
            cb = _u16(table, at)
            std, at = at + 2, at + 2 + cb
            if cb < 10 or at > end:
                continue
            info = _u16(table, std + 2)
            sgc, base = info & 0xF, info >> 4
            if sgc != 1:  # not a paragraph style
                continue
            p = std + cb_base
            cch = _u16(table, p)
            name = table[p + 2:min(p + 2 + 2 * cch, at)].decode("utf-16-le", "replace").strip()
            p += 2 + 2 * cch + 2  # the name and its terminating zero
            if p + 2 > at:
                continue
            cb_upx = _u16(table, p)  # the paragraph UPX first: istd, then its sprms
            ilfo = ilvl = outline = None
            for s, a, b in sprms(table, p + 4, min(p + 2 + cb_upx, at)):
                if s == P_ILFO and b - a == 2:
                    ilfo = _u16(table, a)
                elif s == P_ILVL:
                    ilvl = table[a]
                elif s == P_OUTLINE:
                    outline = table[a] + 1 if table[a] < 9 else 0
            base_style = base if base != 0xFFF else None
            own[istd] = (ilfo, ilvl, base_style)
            m = _HEADING_NAME.match(name)
            heads[istd] = (int(m.group(1)) if m else 1 if name.lower() in _TITLE_NAMES else outline, None, base_style)
        self.styles = {istd: (ilfo, ilvl or 0) for istd, (ilfo, ilvl) in through_bases(own).items() if ilfo}
        self.levels = {istd: level for istd, (level, _none) in through_bases(heads).items() if level}
