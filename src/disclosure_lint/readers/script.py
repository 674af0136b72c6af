"""A page in traditional script read as the simplified text it was made from.

Government portals on the mainland publish in simplified script; many offer a 繁體 view made by converting the page
character by character, and crawls and mirror sites keep that view (about one real page in ten that evaluators'
searches return).  The tool recognises a report by its simplified words (标题、六个部分、统计表的栏目), so such a page
was not recognised at all.  The readers of text, Markdown and web pages (:mod:`.text`, :mod:`.markdown`,
:mod:`.html`) therefore convert a text written in traditional script back with OpenCC's ``t2s`` conversion (phrases
first, then characters; a well-kept library, ``opencc``), before they read it, and leave a
``traditional-script`` notice (DL008 says that the text was converted, and that quotations are of the converted
text).

* **Positions stay the file's.**  The conversion maps a character to one character; a line whose conversion would
  change its length (none among 1,101 real pages) is kept as it was, so every line and column is the file's.
* **Only a text written in traditional script** is converted: at least 20 of the characters below that only
  traditional script writes, one in forty of its Chinese characters at least, and their simplified forms at most a
  quarter as many (a simplified report with a block of traditional-script spam injected is a simplified report).
  A simplified text is never converted: one search for those characters passes it (almost every text).
* **Bounded**: the conversion is linear (10 million characters in well under a second); the counts look at the first
  :data:`SAMPLE` characters.
* A copy that glosses its characters with their pinyin (``數(shù)``: content farms' copies of portals' pages do so,
  a portal's own 繁體 view does not) is converted all the same; the notice names a gloss (``example``), and DL008
  says that the page is no portal's and that its brackets and labels may be the glosses'.
* A page converted with Taiwan's words (``中華人民共和國政府資訊公開條例``: 信息 written 資訊) has its 资讯 read as 信息,
  the report's word; so are 規範性檔案 (规范性文件), 入口網站 (门户网站) and 人民民眾 (人民群众); no other word is turned
  back (those conversions are not one-to-one: a bare 檔案 may be archives).
* Without the library (an installation that could not build it), nothing is converted, and the report layer says
  the text is in traditional script (:func:`traditional_words`), as before.

Word, PDF and the other paged formats are not converted: a body's own document is in simplified script.
"""

from __future__ import annotations

import re

from ..model import ReaderNotice

# characters only traditional script writes (their simplified forms differ), common in a report's words; and those
# simplified forms (without 于 体 据, which traditional script writes too)
_TRADITIONAL_CHARS = "報總體條開據規處關於發數統計時間網門務縣區鄉鎮辦請應實現結轉複議訟審說義資訊構狀況"
TRADITIONAL = re.compile(f"[{_TRADITIONAL_CHARS}]")
_SIMPLIFIED = re.compile("[报总条开规处关发数统计时间网门务县区乡镇办请应实现结转议讼审说义资讯构状况]")
_CJK = re.compile("[\u4e00-\u9fff]")
_WORDS = ("總體情況", "年度報告", "政府信息公開", "條例", "統計")
# a character glossed with its pinyin (數(shù), 據(jù)): copies on content farms do so, a portal's 繁體 view does not
_GLOSS = re.compile(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")
MIN_GLOSSES = 5
# such a gloss with a tone mark (the brackets a page added after a character, not a clerk's note): the one pattern
# typography skips (DL701) and labels and names are read without (:func:`strip_glosses`)
TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
TONE = re.compile(f"[{TONES}]")
PINYIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\((?=[a-zü]{0,5}[" + TONES + r"])[a-zü" + TONES + r"]{1,6}\)")
SAMPLE = 200_000  # characters counted (a page's markup and scripts come first)
# the mainland regulation's name with 信息 written 資訊: a page converted with Taiwan's words (OpenCC's s2twp: 信息 →
# 資訊), not character by character; its 資訊 are the report's 信息 (t2s keeps them 资讯).  Only that word is turned
# back: the other words such a conversion swaps are not one-to-one (数据 and 资料 both become 資料, 运行 and 执行 執行)
_TAIWAN_PHRASES = "人民共和國政府資訊公開"
# … and, after t2s, the words of such a conversion that stand for one mainland word only in a report (文件 written 檔案 in
# 规范性文件, 门户网站 written 入口網站, 人民群众 written 人民民眾): a bare 档案 may be the archives a report speaks of, and is kept
_TAIWAN_WORDS = {"规范性档案": "规范性文件", "入口网站": "门户网站", "人民民众": "人民群众"}


def strip_glosses(text: str) -> str:
    """``text`` without the pinyin a copy glossed its characters with (信息内(nèi)容 → 信息内容, 乡(xiāng)人民政府 →
    乡人民政府); the same text when it holds none."""
    return PINYIN_GLOSS.sub("", text) if "(" in text and TONE.search(text) else text


class UnglossedMatch:
    """A match found in a text with its pinyin glosses stripped (統(tǒng)計(jì)期限 → 统计期限): its groups those of the
    stripped text, its positions those of the text as written (a finding points where the words are in the file)."""

    __slots__ = ("_m", "_orig")

    def __init__(self, m: re.Match[str], orig: list[int]) -> None:
        self._m = m
        self._orig = orig  # the written text's offset of each character of the stripped text, and its length last

    def group(self, *groups):
        return self._m.group(*groups)

    def __getitem__(self, g):
        return self._m[g]

    def groups(self, default=None):
        return self._m.groups(default)

    def groupdict(self, default=None):
        return self._m.groupdict(default)

    def start(self, g=0) -> int:
        s = self._m.start(g)
        return s if s < 0 else self._orig[s]

    def end(self, g=0) -> int:
        s, e = self._m.span(g)
        if e < 0:
            return e
        return self._orig[e - 1] + 1 if e > s else self._orig[e]

    def span(self, g=0) -> tuple[int, int]:
        return self.start(g), self.end(g)

    @property
    def string(self) -> str:
        return self._m.string


def search_unglossed(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """``pattern`` searched in ``text``, and when it finds nothing there and the text glosses its characters with their
    pinyin, in the text without them (:class:`UnglossedMatch`, read as a match); else None."""
    m = pattern.search(text)
    if m is not None or "(" not in text or TONE.search(text) is None:
        return m
    orig: list[int] = []
    last = 0
    for g in PINYIN_GLOSS.finditer(text):
        orig.extend(range(last, g.start()))
        last = g.end()
    orig.extend(range(last, len(text)))
    if len(orig) == len(text):
        return None
    stripped = "".join(text[i] for i in orig)
    orig.append(len(text))
    m = pattern.search(stripped)
    return UnglossedMatch(m, orig) if m is not None else None  # type: ignore[return-value]


def traditional_words(text: str) -> list[str]:
    """Words of a report written in traditional script that ``text`` holds, when it is written so (at least 20 of its
    characters only traditional script writes, one in forty of its Chinese characters at least, their simplified forms
    a quarter as many at most); else []."""
    # (on a text of at most SAMPLE characters, str's search for each character, which skips to each candidate with
    # memchr, asks fewer instructions than the pattern's test of the character class at every character)
    if (not any(map(text.__contains__, _TRADITIONAL_CHARS)) if len(text) <= SAMPLE
            else TRADITIONAL.search(text, 0, SAMPLE) is None):
        return []
    head = text[:SAMPLE]
    found = len(TRADITIONAL.findall(head))
    if found < 20 or found * 40 < len(_CJK.findall(head)) or len(_SIMPLIFIED.findall(head)) * 4 > found:
        return []
    return [w for w in _WORDS if w in head][:3] or [m.group() for m in TRADITIONAL.finditer(head)][:3]


_CONVERTER = None


def _converter():
    """OpenCC's traditional → simplified converter (made once), or None without the library."""
    global _CONVERTER
    if _CONVERTER is None:
        try:
            import opencc
        except ImportError:
            return None
        _CONVERTER = opencc.OpenCC("t2s.json")
    return _CONVERTER


def simplified(text: str) -> tuple[str, ReaderNotice | None]:
    """``text`` converted to simplified script with the notice saying so, when it is written in traditional script
    (:func:`traditional_words`) and the converter is there; else ``(text, None)``."""
    words = traditional_words(text)
    if not words:
        return text, None
    cc = _converter()
    if cc is None:
        return text, None
    try:
        out = cc.convert(text)
    except (UnicodeError, ValueError, RuntimeError):  # a lone surrogate (the library takes UTF-8): line by line
        out = ""
    kept = 0
    if len(out) != len(text) or out.count("\n") != text.count("\n"):
        lines = text.split("\n")
        done = []
        for piece in lines:
            try:
                new = cc.convert(piece)
            except (UnicodeError, ValueError, RuntimeError):
                new = ""
            if len(new) == len(piece):
                done.append(new)
            else:
                done.append(piece)
                kept += 1
        out = "\n".join(done)
    if _TAIWAN_PHRASES in text:
        out = out.replace("资讯", "信息")  # (same length: positions stay the file's)
    if any(w in out for w in _TAIWAN_WORDS):  # (each the same length as the word it stands for)
        for taiwan, mainland in _TAIWAN_WORDS.items():
            out = out.replace(taiwan, mainland)
    changed = sum(1 for a, b in zip(text, out) if a != b) if len(text) <= 2 * SAMPLE else None
    if changed == 0:
        return text, None
    glosses = _GLOSS.finditer(text, 0, SAMPLE)
    first = next(glosses, None)
    if first is None or sum(1 for _ in zip(range(MIN_GLOSSES - 1), glosses)) < MIN_GLOSSES - 1:
        return out, ReaderNotice("traditional-script", detail="”“".join(words), value=changed, total=kept or None)
    start = first.start()
    return out, ReaderNotice("traditional-script", detail="”“".join(words), value=changed, total=kept or None,
                             example=first.group(), line=text.count("\n", 0, start) + 1,
                             column=start - (text.rfind("\n", 0, start) + 1) + 1)
