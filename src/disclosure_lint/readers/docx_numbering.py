"""Word's automatic list numbering (``w:numPr``), drawn as Word draws it, for the Word reader.

A paragraph numbered by Word ("一、" from the numbering definition, not typed) shows its number in print but holds
none in its text.  :class:`Numbering` follows the paragraphs in document order and gives, for each one Word numbers,
the label Word draws in front of it: the level's ``lvlText`` ("%1、", "（%2）", "%1.") with each ``%n`` the counter of
level n in that level's ``numFmt``, followed by its ``suff`` (a tab or a space, drawn here as one space; none when
the label ends in punctuation).  Counters are kept per abstract numbering (two ``w:num`` sharing one continue the
same list, as in Word), start at the level's ``start``, restart deeper levels when a shallower one counts, and a
``w:num``'s ``lvlOverride``/``startOverride`` restarts its level the first time that ``w:num`` is used.  The
numbering of a paragraph is its own ``w:numPr``, else its style's (through ``basedOn``); ``numId`` 0 switches it off.

The formats rendered: decimal (and its full-width, zero-padded, enclosed-in-parentheses, enclosed-in-a-circle
and dotted forms), the Chinese counting forms (一、二 … 九十九, also under their Taiwanese and Japanese
names; 〇一二 digit by digit), the heavenly stems (甲乙丙 …), Latin letters and Roman numerals; ``none`` draws
only the level text.  Anything else — a bullet, a picture bullet, a format not listed, a number beyond what the
format spells here — cannot be drawn exactly: :meth:`Numbering.label` gives ``None`` (with ``numbered`` true) and the
paragraph keeps its text as written.  A level whose number is hidden (``w:vanish``) draws nothing; ``isLgl`` draws
every number of the label in decimal.
"""

from __future__ import annotations

import re

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
VAL = _W + "val"
MAX_LEVELS = 9
MAX_LABEL = 24  # a level text longer than this is not a section number: not drawn
MAX_DEFINITIONS = 5000  # abstract numberings and numbering instances read (a hostile file may hold millions)
_STYLE_DEPTH = 20

_CN = "一二三四五六七八九"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
# the counting forms that spell 1 … 99 alike (一 … 十、十一 … 九十九); LibreOffice writes the Taiwanese names
_CHINESE_COUNTING = frozenset({"chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
                               "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting"})
_PLACEHOLDER = re.compile(r"%([1-9])")
_END_PUNCT = frozenset("、.．)）:：,，]】」")


def _chinese(n: int) -> str | None:
    if 1 <= n <= 9:
        return _CN[n - 1]
    if 10 <= n <= 99:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _CN[tens - 1]) + "十" + (_CN[ones - 1] if ones else "")
    return None


def _roman(n: int) -> str | None:
    if not 1 <= n <= 3999:
        return None
    out = []
    for v, s in _ROMAN:
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def _letter(n: int) -> str | None:
    if n < 1 or n > 26 * 10:
        return None
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str | None:
    """``n`` in Word's number format ``fmt``, or None when it cannot be drawn exactly here."""
    if fmt in ("decimal", "") and n >= 0:
        return str(n)
    if fmt == "decimalZero" and n >= 0:
        return f"{n:02d}"
    if fmt == "decimalFullWidth" and n >= 0:
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "decimalEnclosedParen" and n >= 0:
        return f"({n})"
    if fmt == "decimalEnclosedFullstop" and n >= 0:
        return f"{n}."
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else None
    if fmt == "ideographDigital" and n >= 0:
        return "".join("〇一二三四五六七八九"[int(c)] for c in str(n))
    if fmt in _CHINESE_COUNTING:
        s = _chinese(n)
        if s is not None and fmt == "chineseLegalSimplified":
            s = s.translate(str.maketrans("一二三四五六七八九十", "壹贰叁肆伍陆柒捌玖拾"))
        return s
    if fmt == "ideographTraditional":
        return _STEMS[n - 1] if 1 <= n <= len(_STEMS) else None
    if fmt in ("upperLetter", "lowerLetter"):
        s = _letter(n)
        return s if s is None or fmt == "upperLetter" else s.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        s = _roman(n)
        return s if s is None or fmt == "upperRoman" else s.lower()
    return None


class _Level:
    __slots__ = ("fmt", "hidden", "legal", "start", "style", "suff", "text")

    def __init__(self, lvl) -> None:
        self.start = int_val(lvl.find(_W + "start"), 1)
        fmt = lvl.find(_W + "numFmt")
        self.fmt = (fmt.get(VAL) or "decimal") if fmt is not None else "decimal"
        text = lvl.find(_W + "lvlText")
        self.text: str | None = text.get(VAL) if text is not None else None
        suff = lvl.find(_W + "suff")
        self.suff = (suff.get(VAL) or "tab") if suff is not None else "tab"
        ps = lvl.find(_W + "pStyle")
        self.style = ps.get(VAL) if ps is not None else None
        self.legal = switched_on(lvl.find(_W + "isLgl"))  # every number of the label in decimal
        self.hidden = switched_on(lvl.find(f"{_W}rPr/{_W}vanish"))  # a number Word does not show


def switched_on(el) -> bool:
    """A boolean property element (<w:vanish/>, <w:tblHeader w:val="0"/> …) that is switched on."""
    return el is not None and (el.get(VAL) or "1").lower() not in ("0", "false", "off")


def int_val(el, default: int) -> int:
    """An element's integer ``w:val`` (``default`` where it is absent or not an integer)."""
    if el is None:
        return default
    try:
        return int(el.get(VAL) or default)
    except ValueError:
        return default


def _levels(parent) -> dict[int, _Level]:
    out: dict[int, _Level] = {}
    for lvl in parent.iterchildren(_W + "lvl"):
        il = _ilvl(lvl.get(_W + "ilvl"))
        if il is not None:
            out[il] = _Level(lvl)
    return out


def _ilvl(val: str | None) -> int | None:
    try:
        n = int(val or "0")
    except ValueError:
        return None
    return n if 0 <= n < MAX_LEVELS else None


class Numbering:
    """The labels Word draws for numbered paragraphs, in document order (see the module docstring)."""

    def __init__(self, document) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int | None], dict[int, _Level]]] = {}
        self.style_num: dict[str, tuple[str | None, int | None]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.used: set[str] = set()
        try:
            root = document.part.numbering_part.element
        except Exception:  # noqa: BLE001 - no numbering part: nothing is numbered
            return
        for i, an in enumerate(root.iterchildren(_W + "abstractNum")):
            if i >= MAX_DEFINITIONS:
                break
            self.abstract[an.get(_W + "abstractNumId") or ""] = _levels(an)
        for i, num in enumerate(root.iterchildren(_W + "num")):
            if i >= MAX_DEFINITIONS:
                break
            aid = num.find(_W + "abstractNumId")
            starts: dict[int, int | None] = {}
            own: dict[int, _Level] = {}
            for ov in num.iterchildren(_W + "lvlOverride"):
                il = _ilvl(ov.get(_W + "ilvl"))
                if il is None:
                    continue
                so = ov.find(_W + "startOverride")
                starts[il] = int_val(so, 1) if so is not None else None
                lvl = ov.find(_W + "lvl")
                if lvl is not None:
                    own[il] = _Level(lvl)
            self.nums[num.get(_W + "numId") or ""] = (aid.get(VAL) or "" if aid is not None else "", starts, own)
        self._styles(document)

    def _styles(self, document) -> None:
        try:
            root = document.part.styles.element
        except Exception:  # noqa: BLE001 - a package without a styles part
            return
        own: dict[str, tuple[str | None, int | None, str | None]] = {}
        for st in root.iterchildren(_W + "style"):
            sid = st.get(_W + "styleId")
            if sid is None:
                continue
            num_id, il = _num_pr(st.find(f"{_W}pPr/{_W}numPr"))
            based = st.find(_W + "basedOn")
            own[sid] = (num_id, il, based.get(VAL) if based is not None else None)
        self.style_num = through_bases(own)

    def label(self, p) -> tuple[str | None, bool]:
        """(the label Word draws before paragraph ``p`` or None when it cannot be drawn here, whether Word numbers
        ``p`` at all); counts ``p``: call it once per paragraph, in document order."""
        if not self.nums:
            return None, False
        ppr = p.find(_W + "pPr")
        if ppr is None:
            return None, False
        num_id, il = _num_pr(ppr.find(_W + "numPr"))
        ps = ppr.find(_W + "pStyle")
        style = ps.get(VAL) if ps is not None else None
        if (num_id is None or il is None) and style in self.style_num:
            s_num, s_il = self.style_num[style]
            num_id = s_num if num_id is None else num_id
            il = s_il if il is None else il
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None, False
        aid, starts, own = self.nums[num_id]
        levels = {**self.abstract.get(aid, {}), **own}
        if il is None:  # a style linked to a level of the list (w:lvl/w:pStyle)
            il = next((k for k, lv in levels.items() if style is not None and lv.style == style), 0)
        lvl = levels.get(il)
        if lvl is None:
            return None, False
        cur = self.counters.setdefault(aid, [None] * MAX_LEVELS)
        if num_id not in self.used:
            self.used.add(num_id)
            for k, start in starts.items():
                cur[k] = None if start is None else start - 1
        cur[il] = (lvl.start if cur[il] is None else cur[il] + 1)  # type: ignore[operator]
        for k in range(il + 1, MAX_LEVELS):
            cur[k] = None
        return self._draw(lvl, levels, cur, starts), True

    def _draw(self, lvl: _Level, levels: dict[int, _Level], cur: list[int | None],
              starts: dict[int, int | None]) -> str | None:
        if lvl.fmt == "bullet" or lvl.text is None or len(lvl.text) > MAX_LABEL:
            return None
        if lvl.hidden:
            return ""
        failed = False

        def one(m: re.Match) -> str:
            nonlocal failed
            k = int(m.group(1)) - 1
            other = levels.get(k)
            if other is None:
                failed = True
                return ""
            n = cur[k]
            if n is None:
                s = starts.get(k)
                n = s if s is not None else other.start
            if other.fmt == "none":
                return ""
            drawn = format_number(n, "decimal" if lvl.legal else other.fmt)
            if drawn is None:
                failed = True
                return ""
            return drawn

        text = _PLACEHOLDER.sub(one, lvl.text)
        if failed:
            return None
        text = text.strip()
        if text and lvl.suff != "nothing" and text[-1] not in _END_PUNCT:
            text += " "
        return text


def through_bases(own: dict) -> dict:
    """Each style's ``(numbering, level)``: its own, else its base style's, and so on (``own``: style → (numbering or
    None, level, base style or None)), at most ``_STYLE_DEPTH`` styles deep; a style whose chain sets none is left
    out.  (Word's and Word 97–2003's style sheets alike.)"""
    out = {}
    for sid in own:
        cur = sid
        for _ in range(_STYLE_DEPTH):
            if cur not in own:
                break
            num, level, base = own[cur]
            if num is not None:
                out[sid] = (num, level)
                break
            cur = base
    return out


def _num_pr(num_pr) -> tuple[str | None, int | None]:
    if num_pr is None:
        return None, None
    ni = num_pr.find(_W + "numId")
    il = num_pr.find(_W + "ilvl")
    return (ni.get(VAL) if ni is not None else None), (_ilvl(il.get(VAL)) if il is not None else None)
