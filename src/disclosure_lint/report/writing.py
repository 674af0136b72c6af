"""Writing facts: doubled text, and the pieces of prose the writing checks read.

Doubled text is a fact about the report's own prose, found once per report and read by the
``writing`` kind DL901; counts whose number is missing (DL903) are in :mod:`.count_lists`,
enumerations in :mod:`.enumeration`, bracket and quote pairs in :mod:`.brackets`; all share
:class:`Piece` (a run of visible text with its place in the source).

**Doubled text** (:func:`find_doubles`).  Chinese has no spaces, so a character that
ends one word and starts the next is everywhere and is correct (部门|门户网站, 工作|作风,
信息|息息相关, 规定|定期).  Only three sorts of double are taken:

* marks: ``，，`` ``。。`` ``、、`` ``；；`` ``：：`` (not ``……`` ``——``, which are one
  mark written with two characters); doubled brackets and quotes (``《《``, ``））``)
  only when the pair analysis shows that one of the two is left unmatched — ``））``
  closing two nested pairs is correct;
* a *function character* doubled (``的的`` ``了了`` ``在在`` …, :data:`FUNCTION_CHARS`):
  these rarely end one word and start the next, and each one's exceptions are listed
  (目的|的, 为了|了解, 参与|与, 以及|及时, 对|对象 …), as are reduplications
  (AABB: 实实在在, 的的确确; 不了了之);
* a word of two to six characters doubled (``落实落实``, ``公开公开``) when the pair
  cannot be two words: the copy is preceded by a clause boundary, or followed by one or
  by a function character; or, inside a sentence, a word of :mod:`.doubled_words` (verbs,
  adverbs, prepositions and the commonest nouns: ``认真贯彻贯彻落实``, ``进一步加强加强``,
  ``工作工作取得``) not followed by a noun compound it begins; or any word followed by a count (``民意征集民意征集8件``) or
  whose copy breaks a term of the format (``信息公开公开申请``).  ``…予以公开公开方式…`` is
  *not* reported: it reads as 予以公开 | 公开方式 (two noun phrases, or a boundary the writer
  left out), not as a doubled word.  Not
  taken: one character repeated (天天天天), numerals (二零二零), 一 + measure
  (一个一个, 一步一步), labels of the statistics tables (行政复议行政复议 is two merged
  cells run together) and pieces of them next to another piece (结果结果其他: a header printed
  word by word over lines, run together when the line breaks were lost), a word right after a numbered run-in title (``（一）主动公开主动
  公开政府信息…``: a bold title whose words the text repeats, the bold lost by the reader).

A double whose two copies lie on different source lines or in different table cells is
never taken.  ``certain`` says whether removing the copy is a safe fix: marks, the
characters in :data:`CERTAIN_CHARS`, and words followed by punctuation or the end of the
text; everything else gets an unsafe fix.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate, filterfalse
from operator import itemgetter

from ..memo import LONGEST, Kept
from ..model import Block, Cell
from . import doubled_words
from .alternation import holding
from .label_text import HEADER_PIECES, TABLE_LABEL_KEYS
from .label_text import starts_with_table_label as starts_with_table_label
from .stats.schema import norm

PROSE_KINDS = frozenset({"heading", "paragraph", "list_item"})
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_CHAR = re.compile(f"[{CJK}]")
# clause punctuation: a word cannot run on across it
BOUNDARY = set("，。、；：！？,.;:!?…—（）()【】〔〕《》〈〉“”‘’「」『』[]\"'*#>|\t\n \u3000")
CN_NUMERALS = set("〇零一二三四五六七八九十百千万亿两")


# -- pieces of text ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Piece:
    """A run of visible text: one prose block, or one table cell.

    ``base`` is the offset of :attr:`text` in ``block.text`` (None when a cell's text
    could not be placed there; such a finding gets a position but no fix)."""

    block: Block
    text: str
    base: int | None
    cell: Cell | None = None

    def place(self, offset: int) -> tuple:
        """(page, line) of a character: two characters on different lines are not adjacent."""
        loc = self.cell.locate(offset) if self.cell is not None else self.block.locate((self.base or 0) + offset)
        return (loc.page, loc.line)

    def block_offset(self, offset: int) -> int | None:
        return None if self.base is None else self.base + offset


@dataclass(frozen=True)
class Span:
    """``piece.text[start:end]``."""

    piece: Piece
    start: int
    end: int

    @property
    def block(self) -> Block:
        return self.piece.block

    @property
    def cell(self) -> Cell | None:
        return self.piece.cell

    @property
    def text(self) -> str:
        return self.piece.text[self.start:self.end]


def prose_pieces(blocks: list[Block]) -> list[Piece]:
    """The prose blocks (headings, paragraphs, list items) as pieces (``report.prose_pieces``)."""
    return [_piece(b, b.text) for b in blocks if b.kind in PROSE_KINDS]


def _piece(block: Block, text: str) -> Piece:
    """``Piece(block, text, 0)`` without the frozen dataclass's __init__ (one object.__setattr__ per field): the
    same fields in the instance's dict (tests/test_fast_paths_t3_para.py)."""
    p = _new(Piece)
    d = p.__dict__
    d["block"] = block
    d["text"] = text
    d["base"] = 0
    d["cell"] = None
    return p


_new = object.__new__


class TablePieces:
    """The cells of a report's table blocks as pieces (``report.table_pieces``), each table read when first
    asked for."""

    def __init__(self) -> None:
        self._by_block: dict[int, list[Piece]] = {}

    def of(self, block: Block) -> list[Piece]:
        got = self._by_block.get(block.index)
        if got is None:
            got = self._by_block[block.index] = table_pieces(block)
        return got


def table_pieces(block: Block) -> list[Piece]:
    """The cells of a table block in reading order; a merged cell's copies (the same text as
    the cell to the left or above) are left out."""
    out: list[Piece] = []
    if block.table is None:
        return out
    text = block.text
    pos = 0
    above: dict[int, str] = {}
    for row in block.table.rows:
        left = None
        for cell in row.cells:
            t = cell.text
            # readers join cells with one separator: the cell is usually right where expected
            at = pos if text.startswith(t, pos) else (text.find(t, pos) if t else -1)
            if at >= 0:
                pos = at + len(t) + 1
            # numbers hold no words and no brackets; a merged cell's copies are read once
            if t and not t.isdigit() and t != left and t != above.get(cell.col):
                out.append(Piece(block, t, at if at >= 0 else None, cell))
            left = t
            above[cell.col] = t
    return out


# ends of a sentence for the bounded look-arounds of several readers (promotions, gambling context, terminology)
SENTENCE_END = "。！？；!?;\n"


def sentence_span(text: str, start: int, end: int, reach: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``: between the nearest :data:`SENTENCE_END` marks, at most ``reach``
    characters either way (a crawled line without punctuation is cut there)."""
    lo = max(0, start - reach)
    a = max(lo, max(text.rfind(ch, lo, start) for ch in SENTENCE_END) + 1)
    hi = min(len(text), end + reach)
    ends = [i for i in (text.find(ch, end, hi) for ch in SENTENCE_END) if i >= 0]
    return a, (min(ends) if ends else hi)


_SEGMENT_BREAK = re.compile(
    r"(?<=[。！？])[ \t\n\u3000]+"
    r"|[ \t\n\u3000]+(?=[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、](?!\d))")


def segments(text: str) -> list[tuple[int, int]]:
    """Paragraphs inside one block: the whole text, split where flattened text joined
    paragraphs with a space (after a sentence end, or before a heading number)."""
    if " " not in text and "\u3000" not in text and "\n" not in text and "\t" not in text:
        # every break is a run of these (a search for one character each, where the pattern, led by a look-behind,
        # is tried at every character): one paragraph (most blocks)
        return [(0, len(text))] if text else []
    out = []
    pos = 0
    for m in _SEGMENT_BREAK.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


# -- doubled text ----------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class Doubled:
    """Two copies of ``unit`` side by side: ``span`` covers both."""

    span: Span
    unit: str
    kind: str  # mark | bracket | char | word | clause | wrap (a pair of marks twice around the same words: unit is the pair)
    certain: bool  # removing the second copy cannot change the meaning

    @property
    def copy_start(self) -> int:
        """Start (in the piece) of the second copy — the one a fix removes (a wrap's inner opening mark)."""
        return self.span.start + 1 if self.kind == "wrap" else self.span.end - len(self.unit)


# Function characters and what may stand on either side of a doubled one without an error:
# PRE — the character before the double, with which the first copy forms a word (目的|的);
# POST — the character after it, with which the second copy forms a word (为了|了解).
FUNCTION_CHARS: dict[str, tuple[str, str]] = {
    "的": ("目标端", "确士哥"),
    "了": ("为除明罢算", "解结然如却断之无当"),
    "在": ("实正存所现自潜内外好健尚旨志贵重意", "线场岗职编建读校押逃案于乎意望即世此册位家先握途库研办审售用谈营施运保管"),
    "和": ("温柔平缓调总共饱附暖祥随谐应讲中求议融亲人清", "谐平善睦解美蔼气顺畅衷煦约谈田声局好悦"),
    "与": ("参给赠授干相赋付施寄", "会时日否"),
    "及": ("以涉普危顾波提遍殃触企论推惠不累追所埃未", "时早格至第"),
    "并": ("合兼吞归一相火", "行联重列存购轨网案表发肩举入线户账档"),
    "对": ("针应面核比校反相绝作配查敌成派不一答无以结", "象方接照比应策外口标话待称立抗手岸联于付内账流表齐焦号症路头面折半调位开"),
    "将": ("即必武大老猛强主名干虎良上中少点调麻女战天爱小宿裨副骁悍败降守激终", "来近军领士帅就信心功相息"),
    "把": ("一火车扶拖刀头门两几话", "关握控手门持戏柄脉式守玩头尺子"),
    "被": ("棉盖植覆铺羽毛薄锦", "告子褥动迫害单套罩服"),
    "于": ("终对关由属至鉴基出等处位居过善勇急乐便敢易难归", "是此今法"),
    "是": ("求似", "否非"),
    "们": ("", ""),
    "着": ("", "力手眼重想落实装陆火急迷凉色笔墨意"),
    "而": ("", "且已今后是立言来"),
    "各": ("", ""),
    "都": ("首京古国建迁成故定旧帝陪大新边", "市城会督"),
    "也": ("", ""),
}
CERTAIN_CHARS = frozenset("的们")
# reduplications and fixed phrases that contain a doubled function character
LEGIT_PHRASES = ("不了了之", "的的确确", "实实在在", "了了分明", "和和气气", "和和美美", "是是非非",
                 "在在皆是", "对对碰", "将将就就", "都都平丈我")
# legitimate reduplication in general (documentation and the word check): never a typo
LEGIT_REDUPLICATION = frozenset(
    "常常 人人 一一 天天 看看 年年 谢谢 多多 层层 渐渐 往往 仅仅 纷纷 处处 时时 紧紧 牢牢 深深 等等 个个 "
    "家家 户户 事事 步步 项项 件件 条条 次次 月月 日日 刚刚 稍稍 微微 默默 悄悄 慢慢 好好 久久 大大 "
    "频频 屡屡 连连 匆匆 滔滔 茫茫 累累 历历 井井 区区 寥寥 欣欣 蒸蒸 熊熊 统统 通通 样样 代代 "
    "切切实实 扎扎实实 方方面面 的的确确 实实在在 踏踏实实 认认真真 清清楚楚 明明白白 干干净净 "
    "平平安安 整整齐齐 规规矩矩 家家户户 时时处处 里里外外 上上下下 前前后后 反反复复 点点滴滴 "
    "不了了之 很多很多 许多许多 好多好多 千万千万 彼此彼此 大批大批 大片大片 一点一点 一下一下 一阵一阵 一半一半 "
    # state adjectives and sound words that reduplicate ABAB (雪白雪白的墙, 滴答滴答地)
    "雪白 通红 冰凉 笔直 漆黑 滚烫 碧绿 蜡黄 煞白 金黄 火红 湛蓝 蔚蓝 乌黑 鲜红 雪亮 透亮 冰冷 滚圆 崭新 "
    "哗啦 滴答 嘀嗒 叮咚 扑通 轰隆 咕噜 噼啪 叮当 呼啦 哗哗 嘀嘀"
    .split())
_MEASURES = set("个项件条步次批点家户处层级天年月周位名人份种类样张本篇场起轮期回笔片块座所间栋把辆台套组支队遍趟代环下阵半刻两首部")
# after a doubled word, a character that cannot begin a compound with it
_WORD_NEXT = set("的了着过和与及等并或而是在对将把被于也都就又还以为向从给由其这该每各")
_RUN_IN_TITLE = re.compile(r"(?:^|[\s。；;])[（(]?(?:[一二三四五六七八九十]{1,3}|\d{1,2})(?:[）)]|[、.．])\s*$")
# a run of one mark (one group: a search led by a class skips ahead by it, an alternation of two is tried at
# every character)
_MARK_RUN = re.compile(r"([，。、；：,;])\1+")
_FUNC_DOUBLE = re.compile("([" + "".join(FUNCTION_CHARS) + r"])\1")
_WORD_DOUBLE = re.compile(f"([{CJK}]{{2,6}}?)\\1")
# the same, its first character apart: a search led by a class skips ahead by it in C (a group first is tried at
# every character, a table's digits and tabs too)
_WORD_DOUBLE_LED = re.compile(f"([{CJK}][{CJK}]{{1,5}}?)\\1")
# a UTF-16 code unit's high byte → 0 where the character may be one of CJK (0x4D holds others too), 0xFF elsewhere
_NOT_CJK_HIGH = bytes(0 if (0x34 <= x <= 0x9F or x in (0xF9, 0xFA)) else 0xFF for x in range(256))


_DENSE = 64  # _word_matches, _pair_starts: at most one place in this many characters to try a regex at, one by one
# a byte → 0 where it is the low byte of the UTF-16 code unit of a character a match of _MARK_RUN or _FUNC_DOUBLE is
# made of (of none of the digits, spaces, tabs and newlines), 0xFF elsewhere
_PAIR_LOW = bytes(0 if x in {ord(c) & 0xFF for c in "，。、；：,;" + "".join(FUNCTION_CHARS)} else 0xFF for x in range(256))


def _pair_starts(text: str) -> list[int] | None:
    """The places i, in order, where the low byte of text[i]'s UTF-16 code unit is that of text[i + 1] and that of a
    character of _MARK_RUN's or _FUNC_DOUBLE's class (:data:`_PAIR_LOW`): every place where a match of either starts
    (the character doubled), and a few more.  Each character's low byte as an 8-bit lane of an integer, XOR-ed with
    itself one lane on and ORed with the bytes' mask: zero bytes at those places, found by ``bytes.find`` (a handful
    of C-level operations over the text, where each pattern was tried at every mark of a report and its class at
    every character).  None for a text with a character outside the BMP, or with more such places than one in
    :data:`_DENSE` characters (the patterns' own searches are then cheaper)."""
    b = text.encode("utf-16-le", "surrogatepass")  # (a lone surrogate, as a reader may leave, is one code unit)
    n = len(text)
    if len(b) != 2 * n:
        return None
    low = b[0::2]
    x = int.from_bytes(low, "little")
    lanes = ((x ^ (x >> 8)) | int.from_bytes(low.translate(_PAIR_LOW), "little")).to_bytes(n, "little")
    out = []
    most = n // _DENSE + 64
    i = lanes.find(0, 0, n - 1)  # (the last lane is compared with nothing)
    while i >= 0:
        out.append(i)
        if len(out) > most:
            return None
        i = lanes.find(0, i + 1, n - 1)
    return out


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int] | None) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))``, the pattern (which matches nothing empty) matched only at ``starts`` (every
    place where a match of it may start, in order; None: searched as before), in order and after the last match:
    between two matches of finditer there is no place where the pattern matches, so the first of them after the
    last match at which it matches is finditer's next one."""
    if starts is None:
        return list(pattern.finditer(text))
    out = []
    pos = 0
    match = pattern.match
    for i in starts:
        if i >= pos:
            found = match(text, i)
            if found is not None:
                out.append(found)
                pos = found.end()
    return out


def _word_matches(text: str) -> list[re.Match[str]]:
    """``list(_WORD_DOUBLE.finditer(text))``, the regex tried only where a double may start.

    A word of L (2–6) characters doubled at i has text[i] == text[i + L] and text[i + 1] == text[i + L + 1], and
    text[i:i + L + 2] all of CJK.  Each character read as the low byte of its UTF-16 code unit (a text with a
    character outside the BMP is searched as before), the text as one integer of 8-bit lanes, XOR-ed with itself
    L lanes further on and ORed at each lane i with the not-CJK masks (from the high bytes) of text[i:i + L + 1],
    has two zero bytes at i: found by ``bytes.find``, for each L (a handful of C-level operations over the
    text, where the regex made five tries at every character).  At each such place, in order and after the last
    match, the regex is matched there: it finds there what the scan finds (it has no look-around), and nowhere
    else can it find anything."""
    b = text.encode("utf-16-le", "surrogatepass")  # (a lone surrogate, as a reader may leave, is one code unit)
    n = len(text)
    if len(b) != 2 * n:
        return list(_WORD_DOUBLE_LED.finditer(text))
    x = int.from_bytes(b[0::2], "little")
    m = int.from_bytes(b[1::2].translate(_NOT_CJK_HIGH), "little")
    cjk = m | (m >> 8)  # lane i: text[i:i + size + 1] not all of CJK
    starts: set[int] = set()
    most = n // _DENSE + 64  # more places than that (a text of one character repeated): the regex alone is cheaper
    for size in range(2, 7):
        cjk |= m >> (8 * size)
        lanes = ((x ^ (x >> (8 * size))) | cjk).to_bytes(n, "little")
        i = lanes.find(b"\0\0")
        while i >= 0:
            starts.add(i)
            if len(starts) > most:
                return list(_WORD_DOUBLE_LED.finditer(text))
            i = lanes.find(b"\0\0", i + 1)
    return _matches_at(_WORD_DOUBLE_LED, text, sorted(starts))


def _same_place(piece: Piece, start: int, end: int) -> bool:
    return piece.place(start) == piece.place(end - 1)


def _char_doubles(piece: Piece, found: list[_Match], check: bool = True) -> list[Doubled]:
    """``found``: _FUNC_DOUBLE's matches in the piece's text (:func:`_matches`)."""
    text = piece.text
    out = []
    for i, _, ch in found:
        prev = text[i - 1] if i else ""
        nxt = text[i + 2] if i + 2 < len(text) else ""
        if prev == ch or nxt == ch:
            continue  # three in a row: not a simple double
        pre, post = FUNCTION_CHARS[ch]
        if (prev and prev in pre) or (nxt and nxt in post):
            continue
        if i >= 2 and text[i - 2] == text[i - 1] != ch and _CJK_CHAR.match(text[i - 1]):
            continue  # AABB: 实实在在
        if i + 3 < len(text) and text[i + 2] == text[i + 3] and _CJK_CHAR.match(text[i + 2]):
            continue  # AABB: 的的确确
        window = text[max(0, i - 3):i + 5]
        if any(p in window and _covers(text, i, p) for p in LEGIT_PHRASES):
            continue
        if check and not _same_place(piece, i, i + 2):
            continue
        out.append(Doubled(Span(piece, i, i + 2), ch, "char", ch in CERTAIN_CHARS))
    return out


def _covers(text: str, i: int, phrase: str) -> bool:
    lo = max(0, i - len(phrase) + 2)
    k = text.find(phrase, lo, i + len(phrase))
    return 0 <= k <= i and k + len(phrase) >= i + 2


def _word_doubles(piece: Piece, found: list[_Match], check: bool = True) -> list[Doubled]:
    """``found``: _WORD_DOUBLE's matches in the piece's text (:func:`_matches`)."""
    text = piece.text
    out = []
    for i, j, w in found:
        if len(set(w)) == 1 or all(c in CN_NUMERALS for c in w):
            continue
        if w[0] == "一" and len(w) == 2 and w[1] in _MEASURES:
            continue  # 一个一个, 一步一步
        if w in LEGIT_REDUPLICATION or w + w in LEGIT_REDUPLICATION or norm(w) in TABLE_LABEL_KEYS:
            continue
        if w in HEADER_PIECES and (text[j:j + 2] in HEADER_PIECES or text[max(0, i - 2):i] in HEADER_PIECES):
            continue  # 结果结果其他: pieces of a table's header labels run together, not a doubled word
        prev = text[i - 1] if i else ""
        nxt = text[j] if j < len(text) else ""
        after_boundary = prev == "" or prev in BOUNDARY
        before_boundary = nxt == "" or nxt in BOUNDARY
        if doubled_words.spoken(text, i, j, w):
            continue  # reduplicated in speech: 再商量商量, 群众说：“……研究研究”, 学习学习再学习
        # a count right after the pair (民意征集民意征集8件), or the format's own term made whole again by taking the copy
        # out (信息公开公开申请 → 信息公开申请): the pair is no two words
        if not (after_boundary or before_boundary or nxt.isdigit() or _mends_term(text, i, j, w)):
            if nxt in _WORD_NEXT:
                if doubled_words.nominal(text, i):
                    continue  # 效率的提高|提高了: the noun, then the verb
            elif not doubled_words.slip(text, i, j, w):
                continue  # 予以公开|公开方式: may be two words with a boundary left out
        if _RUN_IN_TITLE.search(text, max(0, i - 10), i):
            continue  # （一）主动公开|主动公开政府信息…: a bold run-in title, then the text
        if check and not _same_place(piece, i, j):
            continue
        out.append(Doubled(Span(piece, i, j), w, "word", before_boundary))
    return out


# the rest of a block after a doubled word is the report's title (平城镇|平城镇2023年…年度报告): see _header_in_title
_TITLE_REST = re.compile(r"(?:19|20)\d{2}年度?[^。；，\n]{0,12}?信息公开[^。；，\n]{0,8}?年度?报告[ \t\u3000]*$")
_TERMS = ("信息公开申请", "依申请公开", "主动公开政府信息")  # the format's terms a doubled word was seen breaking


def _mends_term(text: str, i: int, j: int, w: str) -> bool:
    """Whether taking the second copy of ``w`` out of ``text[i:j]`` (``w`` twice) makes one of :data:`_TERMS` that the
    text around it does not hold as it stands."""
    before = text[max(0, i - 6):j + 6]
    after = text[max(0, i - 6):i + len(w)] + text[j:j + 6]
    return any(t in after and t not in before for t in _TERMS)


def _mark_doubles(piece: Piece, found: list[_Match]) -> list[Doubled]:
    """``found``: _MARK_RUN's matches in the piece's text (:func:`_matches`)."""
    text = piece.text
    out = []
    for s, e, ch in found:
        if e - s != 2:
            continue  # 。。。 is a makeshift ellipsis, not a double
        if ch in ",;":  # half-width ,, ;; only in Chinese text
            around = text[max(0, s - 1):s] + text[e:e + 1]
            if not _CJK_CHAR.search(around):
                continue
        out.append(Doubled(Span(piece, s, e), ch, "mark", True))
    return out


_Match = tuple[int, int, str]  # a match's start, end and group 1 (the mark, function character or word doubled)
_Found = tuple[list[_Match], list[_Match], list[_Match]]


def _matches(text: str) -> _Found:
    """The matches of _MARK_RUN, _FUNC_DOUBLE and _WORD_DOUBLE in ``text`` (as :data:`_Match`), in order."""
    pairs = _pair_starts(text)
    return ([(m.start(), m.end(), m.group(1)) for m in _matches_at(_MARK_RUN, text, pairs)],
            [(m.start(), m.end(), m.group(1)) for m in _matches_at(_FUNC_DOUBLE, text, pairs)],
            [(m.start(), m.end(), m.group(1)) for m in _word_matches(text)])


def _doubles_in(p: Piece, check: bool = True, found: _Found | None = None) -> list[Doubled]:
    """The doubles in ``p`` (``found``: :func:`_matches` of its text, when known)."""
    if found is None:
        if len(p.text) < 2:
            return []
        found = _matches(p.text)
    return [*_mark_doubles(p, found[0]), *_char_doubles(p, found[1], check), *_word_doubles(p, found[2], check)]


_PIECE_MATCHES: Kept[str, tuple[tuple[_Match, ...], ...]] = Kept("doubles: the matches in a prose piece", 4096)
_NONE: tuple[tuple[_Match, ...], ...] = ((), (), (), ())
_ProseFound = tuple[list[_Match], list[_Match], list[_Match], list[_Match]]


def _prose_matches(texts: list[str], starts: list[int]) -> _ProseFound:
    """:func:`_matches` and :func:`_clause_spans` of the texts joined by newlines (``texts[k]`` at ``starts[k]``), from
    each text's own: none holds a newline or reads past one, so what is found in the joined texts is what is found in
    each text, in turn: a pure function of the text, kept for the next report (the prose blocks recur from report to
    report; the searches and the cut at every comma cost half of this fact).  The texts not kept are searched joined
    by newlines, once."""
    get = _PIECE_MATCHES.get
    known = [get(t) for t in texts]
    todo = [k for k, f in enumerate(known) if f is None]
    if todo:
        sub = "\n".join([texts[k] for k in todo])
        at = list(accumulate([len(texts[k]) + 1 for k in todo], initial=0))  # where each text starts in ``sub``
        each: list[tuple[list[_Match], ...]] = [([], [], [], []) for _ in todo]
        for kind, found in enumerate((*_matches(sub), _clause_spans(sub))):
            for s, e, g in found:
                n = bisect_right(at, s) - 1
                each[n][kind].append((s - at[n], e - at[n], g))
        for n, k in enumerate(todo):
            got = known[k] = tuple(map(tuple, each[n])) if any(each[n]) else _NONE
            if len(texts[k]) <= LONGEST:
                _PIECE_MATCHES.keep(texts[k], got)
    out: _ProseFound = ([], [], [], [])
    for k, f in enumerate(known):
        if f is not _NONE:
            assert f is not None
            base = starts[k]
            for kind in range(4):
                if f[kind]:
                    out[kind].extend([(base + s, base + e, g) for s, e, g in f[kind]])
    return out


def _placed(found: list[Doubled], pieces: list[Piece], starts: list[int]) -> list[Doubled]:
    """Doubles found in joined text (``starts[k]`` = where ``pieces[k]`` begins in it), moved
    into their piece; a double outside every piece (a merged cell's copy) or across two
    source lines is dropped."""
    out = []
    for d in found:
        k = bisect_right(starts, d.span.start) - 1
        if k < 0:
            continue
        p, base = pieces[k], starts[k]
        s, e = d.span.start - base, d.span.end - base
        if e <= len(p.text) and _same_place(p, s, e):
            out.append(Doubled(Span(p, s, e), d.unit, d.kind, d.certain))
    return out


_PLAIN_CELLS: Kept[str, bool] = Kept("doubles: the table cells holding no match", 4096)


def _with_doubles(tables: list[Block]) -> list[Block]:
    """The tables, in order, whose text the three patterns of :func:`_doubles_in` find something in (in the others
    it finds nothing), found in their texts joined by newlines: no match holds a newline, so each finds in a
    table's part of the joined texts what it finds in the table's text alone."""
    if not tables:
        return []
    texts = [b.text for b in tables]
    joined = "\n".join(texts)
    # a match lies in one cell (none holds a tab or a newline, which end a table's cells and rows): the cells not known
    # to hold none (each looked up: set - memo.keys() walked all the memo, up to 4096) are searched, joined by newlines,
    # and when they hold none, nor does any table (most reports: most cells recur, the format's labels, the counts)
    cells = set(filterfalse(_PLAIN_CELLS.__contains__, joined.replace("\t", "\n").split("\n")))
    if not cells:
        return []
    if not any(_matches("\n".join(cells))):
        for c in cells:
            if len(c) <= LONGEST:
                _PLAIN_CELLS.keep(c, True)
        return []
    pairs = _pair_starts(joined)
    if pairs is None:
        hit = {*holding(texts, _MARK_RUN.search), *holding(texts, _FUNC_DOUBLE.search)}
        found = []
    else:  # (a match of either pattern at a place is one in that table's text)
        hit = set()
        found = [i for i in pairs if _MARK_RUN.match(joined, i) or _FUNC_DOUBLE.match(joined, i)]
    words = _word_matches(joined)
    if words or found:
        starts = list(accumulate([len(t) + 1 for t in texts], initial=0))
        hit.update(bisect_right(starts, i) - 1 for i in found)
        hit.update(bisect_right(starts, m.start()) - 1 for m in words)
    return [b for k, b in enumerate(tables) if k in hit]


_CLAUSE = re.compile(r"[^，,。；;！？!?：:\n]+")
_CLAUSE_MIN = 8  # characters of a clause written twice (及时、准确、全面地公开政府信息，及时、准确、全面地…)
_HEAD = itemgetter(slice(None, _CLAUSE_MIN))  # a text's first _CLAUSE_MIN characters


def _clauses_placed(prose: list[Piece], starts: list[int], spans: list[_Match]) -> list[Doubled]:
    """:func:`_clause_spans` of the pieces joined (each at its ``starts``) as doubles of their pieces."""
    out = []
    for s, e, unit in spans:
        n = bisect_right(starts, s) - 1
        p, base = prose[n], starts[n]
        out.append(Doubled(Span(p, s - base, e - base), unit, "clause", False))
    return out


def _clause_spans(text: str) -> list[_Match]:
    """(start, end, unit: the clause and the comma) of each clause of eight characters or more written twice in
    ``text``, one comma between the copies — the first copy the whole clause before or its end.  Whether the clause
    after a comma is its copy reads only the text from the newline before that comma (the clause holds none, and the
    text before the comma must end with it): a text's spans are those of each of its lines.

    The text is cut at its commas by ``str.split`` and a clause after a comma is read (by ``_CLAUSE``) only where the
    text before that comma holds its first eight characters (``map(str.__contains__, …)``: a search in C per comma):
    the second copy's clause starts them, and the first copy, ending at the comma, holds them.  Reading every clause
    with the regex engine cost more than all the rest of this fact."""
    cut = text.replace(",", "，").split("，")  # (one character for another: the places stay)
    heads = map(_HEAD, cut[1:])  # (what each part after a comma starts with; all in C, as is the test)
    held = list(map(str.__contains__, cut[:-1], heads))  # held[k]: the part before comma k holds the head after it
    out = []
    k, at = -1, -1
    done, upto = 0, 0  # the length of cut[:done] (so that each comma's place is worked out once: linear in the text)
    while True:
        try:
            k = held.index(True, k + 1)
        except ValueError:
            break
        upto += sum(map(len, cut[done:k + 1]))
        done = k + 1
        at = upto + k  # where comma k is in ``text``
        m = _CLAUSE.match(text, at + 1)
        if m is None:
            continue
        c = m.group()
        # (the first copy may end a clause that began before it: 本镇坚持及时准确地发布信息，及时准确地发布信息)
        if not cut[k].endswith(c) or len(c.strip()) < _CLAUSE_MIN or _CJK_IN.search(c) is None:
            continue
        out.append((at - len(c), m.end(), c + text[at]))
    return out


_CJK_IN = re.compile(r"[\u4e00-\u9fff]{4}")


def _header_in_title(report, d: Doubled) -> bool:
    """A word doubled where the rest of its block is the report's title, in a page whose line breaks were lost (its parts
    found inside lines), the word led by other text of its block or its block on the line of the one before: the site's
    or column's header (the body's name) run into a title that starts with the same name (平城镇 首页 平城镇|平城镇2023年…
    年度报告), not the clerk's slip."""
    b = d.span.block
    if d.kind != "word" or _TITLE_REST.match(d.span.piece.text, d.span.end) is None:
        return False
    if d.span.start > 0 and not d.span.piece.text[:d.span.start].isspace():
        return True  # (平城镇人民政府首页平城镇|平城镇…: joined with nothing, the header in the title's block)
    before = report.document.blocks[b.index - 1] if b.index else None
    return before is not None and b.line is not None and before.end_line == b.line


def _wrapped_twice(report) -> list[Doubled]:
    """Title marks or quotes written twice around the same words (《《中华人民共和国政府信息公开条例》》, ““…””): both pairs
    balance, so neither is unmatched, yet nothing stands between them — a slip of one pair, not a title inside a title
    (DL706 leaves it).  Asked for only when the joined prose holds 《《 or ““ (most reports hold none)."""
    out = []
    for p in report.prose_pieces:
        if "《《" not in p.text and "““" not in p.text:
            continue
        for m in _WRAPPED.finditer(p.text):
            out.append(Doubled(Span(p, m.start(), m.end()), m.group(0)[1] + m.group(0)[-1], "wrap", True))
    return out


# a run of words inside two pairs of the same marks, with no mark of the kind inside (《《…》》, ““…””)
_WRAPPED = re.compile(r"《《[^《》\n]{1,80}》》|““[^“”\n]{1,80}””")


def find_doubles(report) -> list[Doubled]:
    """Every doubled mark, function character and word in the prose and table cells, and the
    doubled brackets and quotes that leave one member unmatched (from :attr:`report.brackets`)."""
    # one pass over all the prose, joined by newlines (which no double crosses)
    prose = report.prose_pieces
    starts, pos = [], 0
    for p in prose:
        starts.append(pos)
        pos += len(p.text) + 1
    texts = [p.text for p in prose]
    joined = _piece(prose[0].block, "\n".join(texts)) if prose else None
    pf = _prose_matches(texts, starts) if joined else None
    out: list[Doubled] = _placed(_doubles_in(joined, False, pf[:3]), prose, starts) if joined and pf else []
    tables = [b for b in report.lintable_blocks if b.kind == "table"]
    for b in _with_doubles(tables):
        # one pass over the table's text (cells joined by tabs and newlines); merged copies are not among the cells
        found = _doubles_in(_piece(b, b.text), check=False)
        if found:
            cells = [c for c in report.table_pieces.of(b) if c.base is not None]
            out.extend(_placed(found, cells, [c.base for c in cells]))
    if pf is not None and pf[3]:
        out.extend(_clauses_placed(prose, starts, pf[3]))  # (clauses written twice: found with the matches)
    for u in report.brackets.unbalanced:
        if u.doubled:
            m = u.mark
            # the unmatched member and its twin next to it
            if m.start + 1 < len(m.piece.text) and m.piece.text[m.start + 1] == m.char:
                span = Span(m.piece, m.start, m.start + 2)
            else:
                span = Span(m.piece, m.start - 1, m.start + 1)
            out.append(Doubled(span, m.char, "bracket", True))
    if joined and ("《《" in joined.text or "““" in joined.text):  # (one search of all the prose: most reports hold none)
        out.extend(_wrapped_twice(report))
    if out and report.inline.found:
        out = [d for d in out if not _header_in_title(report, d)]
    out.sort(key=lambda d: (d.span.block.index, d.span.piece.base or 0, d.span.start))
    # one finding per place: a doubled word wins over the doubled character inside it
    seen: set[tuple[int, int | None, int]] = set()
    result = []
    for d in out:
        key = (d.span.block.index, id(d.span.piece.cell), d.span.start)
        if key in seen:
            continue
        seen.add(key)
        result.append(d)
    return result
