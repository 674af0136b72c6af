"""Text whose line breaks were lost: headings found inside long blocks, and those blocks split there.

Crawlers and some portals keep only the text nodes of a page, so a report arrives as one or a few
very long lines: blocks joined by a space or by nothing, the report title at the very start followed
by the body, the six section titles inline (``…依法公开。 二、主动公开政府信息情况 第二十条第（一）项 …``),
table cells separated by single spaces or run together.  Every reader can produce such a block (a
.txt line, an HTML page whose body is one text node, a Word paragraph, a PDF paragraph), so this is
done here, on the :class:`~disclosure_lint.model.Document`, for all of them.

``find(document) -> Inline`` finds:

* **Section titles** numbered 一、 (or 一. 一．) inside a block —
  the official title or an accepted variant (:mod:`.catalogue`), matched on the title's normalised
  text, so it may be followed by a space or by nothing (``二、主动公开政府信息情况第二十条…``); or a
  title bounded by whitespace (``五、存在的主要问题及改进措施 本年度…``) that is a typo of an official
  title, or carries the section's key words and its own numeral; or an unknown title bounded by
  whitespace and followed by a sentence, when it continues the numbering of the titles found (an
  extra part ``七、…``; at the very end of a block also without a sentence after it: a title cut off)
  or starts a run 一、二、… (the parts of a free-text report, or sub-items numbered like sections).
  The structure analysis and its rules (DL102, DL106–DL108, DL112) judge them as they judge heading
  lines.
  Kept out: statistics-table row labels (一、本年新收…, 三、本年度办理结果, 四、结转下年度继续办理),
  a title in quotation marks (“二、…”), a title followed by ，；、 or by 等/的/部分 (a sentence or a
  list: 本报告分为一、总体情况；二、…), three or more titles following each other with only spaces,
  punctuation or page numbers between them (a table of contents), a numeral after 第 or inside a
  number, a title inside a block when the same part has a heading line of its own.  A title glued to
  the text before it (``…监督保障二、主动公开政府信息情况``) is taken only when it is an official title
  with its own numeral, followed by what starts a part (a space, a number, 第二十条, 本年…, the first words of the part's
  table: ``…继续办理四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持…``, ``…行政事业性收费三、收到和处理
  政府信息公开申请情况申请人情况…``), and the
  document has titles found with a clear boundary; an official title glued so with a numeral not its own is the part
  too (DL102 reports the numeral) when its own table starts right after it and it follows the part taken before it,
  numbered as that part again or as the next (``…收费000二、收到和处理政府信息公开申请情况（本列数据…`` after 二).
* **The report title** at the very start of a long first block (``…政府信息公开工作年度报告`` followed
  by a space, by the start of the body or by the portal's 发布日期 line), also after the page's navigation
  bar and breadcrumb on the same line (``今天是： 无障碍浏览 | … 当前位置： 首页 > … > 年度报告 某某局2023年…``)
  or on lines of their own before it.
* Inside a block split for these reasons (a *flattened* block) also: **sub-item headings** （一）…
  bounded by spaces and followed by a sentence (never a table label such as （一）予以公开);
  **paragraphs** (a space after 。！？； ends one, as the joined blocks did); the **落款** (the agency's
  name and the date at the very end of the document, after a space or a sentence; what the page prints after it on
  the same line — the 版记 ``抄送：… 某某办公室 2020年1月13日印发``, the ``来源：`` field, ``附件下载`` — a block of its own).

Each piece becomes a :class:`Block` whose anchors are sliced from the original block, so a finding
inside it points at the exact source line and column (or page line, or Word pointer).  Table blocks
are never split; a table flattened into a paragraph is read by :mod:`.stats.flat`.

The work is linear in the text: one regular-expression pass per kind of split, every candidate
examined within a bounded window, and at most :data:`MAX_CANDIDATES` numbered candidates per document.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from dataclasses import replace as dc_replace
from itertools import accumulate, islice, pairwise

from ..memo import Kept
from ..model import Anchor, Block, Document
from ..page_lines import is_chrome, is_navigation
from . import catalogue as cat
from .stats import labels as lb

TITLE_REACH = 2000  # characters of a long first block searched for the report title (after the navigation)
TITLE_WORDS = 200  # words of it
TITLE_NEAR = 30  # words after which only a title with its year is taken
TITLE_SCAN = 400  # lines scanned for the first long block (navigation items one per line skipped)
MAX_CANDIDATES = 5000  # numbered candidates examined per document (a report has a few dozen)
_SPLITTABLE = frozenset({"paragraph", "heading", "list_item"})
_NUM = "一二三四五六七八九十"

# a numeral 一…十 with its separator, not after 第 or another numeral (十一、 and 第一、 are never candidates)
# the numeral first, then the look-behind at the character before it: a pattern led by a class lets the
# regex engine skip ahead to the numerals (the same matches as a look-behind first)
_CAND = re.compile(rf"(?P<num>[{_NUM}])(?<![{_NUM}第].)[ \u3000]?(?P<sep>[、.．])[ \u3000]?")
_SUB = re.compile(rf"[（(][{_NUM}]{{1,2}}[）)]")
# what a page prints after the 落款 on the same text line once its breaks are lost: the 版记 (抄送：… 某某办公室
# 2020年1月13日印发), the page's 来源 field, its 附件下载 link
_TAIL = (r"(?:[（(]此件[^\s（）()]{1,8}[）)]\s*)?"  # the document's disclosure note: （此件主动公开）, （此件公开发布）
         r"(?:抄送[:：][^\s]{1,80}?\s*[^\s。，；;：:]{2,30}?\s*(?:19|20)\d{2}年\d{1,2}月\d{1,2}日印发\s*)?"
         r"(?:来源[:：]\s*[^\s。，；;]{2,40}\s*)?(?:附件下载\s*)?")
_PARA = re.compile(r"(?<=[。！？；!?;])\s+(?=\S)")
_SIGNATURE = re.compile(
    r"(?:^|(?<=[\s。！？；!?;]))(?P<org>[^\s。，；;：:、0-9]{2,30}?\s*)?"
    r"(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)(?!\s*印发)\s*(?P<tail>\s" + _TAIL + r")?$")
_WS = re.compile(r"\s+")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_NAV = re.compile(r"[>›»＞→|｜]|当前位置|您现在的位置|所在位置|首页")
_CRUMB = re.compile(r"[>›»＞]+\s*")
_PIECE = re.compile(r"\S{1,40}")
_TITLE_CHARS = r"[^\s。，；;：:>›»|《》<>“”]"
_TITLE = re.compile(
    rf"(?![-–—]){_TITLE_CHARS}{{2,60}}?(?:政府信息公开|政务公开|信息公开工作){_TITLE_CHARS}{{0,30}}?(?:年度报告|工作报告|年报)"
    r"(?:[（(][^（）()\s]{1,12}[）)])?"
    r"(?=\s|$|本报告|本年度|根据|按照|依据|依照|发布|发表|来源|日期|时间|信息来源|浏览|访问|点击|阅读|作者|索引|字体|字号|【|P\.\s?\d|"
    # (…年度报告2021年,某某镇认真贯彻…: the opening's year right after the title, in a page joined with nothing)
    rf"(?:19|20)\d{{2}}年[,，]|[{_NUM}][、.．]|[（(][{_NUM}][）)])")
_LEFT_STRONG = frozenset("。！？!?；;：:）)】」』”\"…—|%")
_LEFT_NEVER = frozenset("“‘《「『（(〔[【<")
# what may not follow a section title: it is then inside a sentence or a list of titles
_BAD_RIGHT = re.compile(rf"[ \u3000]*(?:[；;，,、”’》」』)）。.．:：]|等|的|中|部分|方面|和|及|与|[{_NUM}\d]+个部分)")
_PART_START = re.compile(r"\d|[（(]|第二十条|信息内容|本年|本机关|本单位|我[局委办院厅部会署镇乡街区县市]|[二三四五六][、.．]")
# the first words of a part's own table, right after its title in text with nothing between the nodes: its header's
# (cat.TABLE_HEAD_WORDS), or looser words there — table 三's first column label, table 四's 行政复议 alone
_HEAD = cat.TABLE_HEAD_WORDS
_TABLE_START = {"s2": re.compile(_HEAD["s2"]), "s3": re.compile(_HEAD["s3"] + "|自然人"),
                "s4": re.compile(_HEAD["s4"] + "|行政复议|政府信息公开行政复议")}
_ORDER = {spec.id: i for i, spec in enumerate(cat.SECTIONS)}
_SENTENCE_MARK = re.compile(r"[，。；;,！？]")
_TOC_WORD = re.compile(r"目\s*录|目\s*次")
_TOC_GAP = re.compile(r"[\s\d.…·．、，,；;。:：\-—]*")
_ROW_MARKER = re.compile(r"\d{1,2}\s*[.．、]")
_SKIP = frozenset(" \t\u3000\n、，,。：:；;“”\"'‘’（）()《》的和及与")
_MAX_TITLE = 48  # raw characters an official title may take (with spaces and connectives)


def _title_index() -> tuple[dict[str, str], frozenset[str]]:
    full: dict[str, str] = {}
    for spec in cat.SECTIONS:
        for t in cat.CANONICAL_NORMALISED[spec.id]:
            full[t] = spec.id
    prefixes = frozenset(t[:k] for t in full for k in range(1, len(t) + 1))
    return full, prefixes


_FULL, _PREFIXES = _title_index()


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class InlineHeading:
    """A heading found inside a block of the reader's document."""

    kind: str  # "title" | "section" | "subitem"
    block: Block  # the reader's block it was found in
    start: int  # span of the heading in ``block.text``
    end: int
    numeral: str | None = None  # 一… for sections, as written
    section_id: str | None = None  # s1…s6 when the title names one
    quality: str = "none"  # exact | typo | keywords | none (catalogue.match_section), "exact" for a title

    @property
    def text(self) -> str:
        return self.block.text[self.start:self.end]


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class Inline:
    """Headings found inside blocks and the document with those blocks split."""

    headings: tuple[InlineHeading, ...]
    document: Document  # the reader's document, flattened blocks split, block indices renumbered
    split_blocks: tuple[int, ...]  # indices (in the reader's document) of the blocks that were split

    @property
    def found(self) -> bool:
        return bool(self.headings)

    @property
    def sections(self) -> list[InlineHeading]:
        return [h for h in self.headings if h.kind == "section"]


@dataclass(slots=True)
class _Cand:
    """A section title written inside a paragraph: where it is, its numeral and the section it names."""

    block: Block
    start: int
    end: int
    numeral: str
    number: int
    section_id: str | None
    quality: str
    strong: bool  # a clear boundary on the left (start, space, sentence end, digit)
    known: bool  # an official title, or a title with the section's key words and numeral
    bounded: bool  # followed by whitespace or the end of the block
    prose_after: bool


# -- section titles ----------------------------------------------------------------------------------

_OFFICIAL: Kept[str, tuple[int, str] | None] = Kept("inline: official titles", 4096)  # _official_end's answers
_MISSING = object()


def _official_end(text: str, p: int) -> tuple[int, str] | None:
    """End of the longest official title (normalised match) starting at ``p``, and its section id.

    What it reads is ``text[p:p + _MAX_TITLE + 1]`` (the characters a title may take, and the 及 of a 以及 that
    starts at the last of them): its answer is kept by that text, as the same headings come back in report
    after report (a bounded memo)."""
    window = text[p:p + _MAX_TITLE + 1]
    got = _OFFICIAL.get(window, _MISSING)
    if got is _MISSING:
        got = _OFFICIAL.keep(window, _official_end_at(window, 0))
    if got is None:
        return None
    assert isinstance(got, tuple)
    return p + got[0], got[1]


def _official_end_at(text: str, p: int) -> tuple[int, str] | None:
    """:func:`_official_end`, read afresh."""
    norm = ""
    best = None
    i, n = p, min(len(text), p + _MAX_TITLE)
    while i < n:
        ch = text[i]
        if ch in _SKIP:
            if not norm:
                return None
            i += 1
            continue
        if ch == "以" and text.startswith("以及", i):
            i += 2
            continue
        nn = norm + ch
        if nn not in _PREFIXES:
            break
        norm = nn
        i += 1
        sid = _FULL.get(norm)
        if sid is not None:
            best = (i, sid)
    return best


_RUN_IN = re.compile(r"[ \u3000]*[：:。．.]")


def _run_in_end(text: str, e: int) -> int | None:
    """Where the text of a paragraph that begins with a section title run in (``一、总体情况：2023年，我局…``,
    ``一、总体情况。本年度…``: the title closed by a colon or a full stop, the part's text after it) starts, the title
    ending at ``e``; None when what follows the mark is not a sentence (``一、总体情况：`` alone, a list)."""
    m = _RUN_IN.match(text, e)
    if m is None or not _prose_at(text, m.end()) or _CAND.match(text, m.end()) is not None:
        return None  # (一、总体情况：二、主动公开…: a list of the titles)
    return m.end()


def _left(text: str, s: int) -> str | None:
    """Boundary on the left of a heading at ``s``: "strong", "weak" (glued to a word) or None (quoted)."""
    if s == 0:
        return "strong"
    ch = text[s - 1]
    if ch.isspace() or ch in _LEFT_STRONG or ch.isdigit():
        return "strong"
    if ch in _LEFT_NEVER:
        return None
    return "weak"


def _prose_at(text: str, p: int) -> bool:
    """Does a sentence (not a number, table label or list marker) start at ``p`` (after spaces)?"""
    m = _WS.match(text, p)
    if m:
        p = m.end()
    piece = _PIECE.match(text, p)
    if not piece:
        return False
    w = piece.group(0)
    if _ROW_MARKER.match(w) or (w[0].isdigit() and len(w) < 8):
        return False
    return len(w) >= 10 or bool(_SENTENCE_MARK.search(w))


def _is_table_label(title: str, rows: bool = True) -> bool:
    """A label of a statistics table (``rows``: also the numbered row labels 一、本年新收… of table 三)."""
    return lb.cell_vote(title) is not None or (rows and any(x in title for x in cat.TABLE_ROW_LABELS))


def _candidates(blocks: list[Block]) -> list[_Cand]:
    out: list[_Cand] = []
    # one scan of the texts (of 4 characters or more) joined by newlines: no match of _CAND holds one, and its
    # look-behind sees at a newline what it sees at the start of a text (nothing before, or no numeral before)
    blocks = [b for b in blocks if len(b.text) >= 4]
    joined = "\n".join([b.text for b in blocks])
    starts: list[int] | None = None
    for seen, m in enumerate(_CAND.finditer(joined), 1):
        if seen > MAX_CANDIDATES:
            return out
        if starts is None:
            starts = list(accumulate([len(b.text) + 1 for b in blocks], initial=0))  # where each text starts
        k = bisect_right(starts, m.start()) - 1
        b, base = blocks[k], starts[k]
        text = b.text
        s = m.start() - base
        key = (text, s)
        got = _READ_AT.get(key)
        if got is None:
            got = _read_at(b, text, s, m.end() - base, m.group("num"))
            if len(text) <= _KEPT_TEXT:
                _READ_AT.keep(key, got)
        if got:
            out.append(_Cand(b, *got))  # (its fields after the block, in order)
    return out


# What a candidate at a place of a text reads (:func:`_read_at`), kept by the text and the place: a function of the
# text alone (the match at the place, its left boundary, the title after it), and the same headings (一、总体情况 …)
# come back in report after report.  At most 4,096 places in texts of at most ``_KEPT_TEXT`` characters.
_Read = tuple[int, int, str, int, str | None, str, bool, bool, bool, bool]
_READ_AT: Kept[tuple[str, int], _Read | tuple[()]] = Kept("inline: a candidate by its text and place", 4096)
_KEPT_TEXT = 400


def _read_at(b: Block, text: str, s: int, p: int, num: str) -> _Read | tuple[()]:
    """The fields of the candidate (:func:`_section_at`) after its block, for a match of :data:`_CAND` at ``s`` to
    ``p`` in ``text`` (``b``'s), or ``()``: none there."""
    left = _left(text, s)
    if left is None:
        return ()
    c = _section_at(b, text, s, p, num, cat.cn_to_int(num) or 0, left == "strong")
    if c is None:
        return ()
    return (c.start, c.end, c.numeral, c.number, c.section_id, c.quality, c.strong, c.known, c.bounded, c.prose_after)


def _section_at(b: Block, text: str, s: int, p: int, num: str, number: int, strong: bool) -> _Cand | None:
    official = _official_end(text, p)
    if official is not None:
        e, sid = official
        if _BAD_RIGHT.match(text, e) and not (s == 0 and _run_in_end(text, e) is not None):
            return None
        bounded = e == len(text) or text[e].isspace()
        return _Cand(b, s, e, num, number, sid, "exact", strong, True, bounded, _prose_at(text, e))
    if not strong:
        return None
    piece = _PIECE.match(text, p)
    if piece is None:
        return None
    e = piece.end()
    title = piece.group(0)
    # a part's title worded otherwise, glued to its text (…。六、其他需报告的事项本年度未…, …情况行政复议 行政诉讼…): it ends at
    # one of its last words, with its own numeral and what starts a part after it
    glued = _glued_worded(b, text, s, p, title, num, number)
    if glued is not None:
        return glued
    if (e < len(text) and not text[e].isspace()) or _SENTENCE_MARK.search(title):
        return None  # longer than a title
    if _SENTENCE_MARK.search(title) or title[0] in _NUM or _is_table_label(title):
        return None
    spec, quality = cat.match_section(title)
    known = spec is not None and (quality in ("exact", "typo") or spec.numeral == num)
    if not known and len(title) > 20:
        return None
    return _Cand(b, s, e, num, number, spec.id if spec is not None and known else None, quality if known else "none", True, known,
                 True, _prose_at(text, e))


# the words a part's title ends in (存在的主要问题及改进措施, 其他需报告的事项, 需要说明的其他事项与附表, …行政诉讼情况),
# and what may follow such a title glued to its part's text: a year, 本年…, a body's 我局…, 按照/根据…, 无, or the first words of
# the part's own table (_TABLE_START)
_TITLE_END = re.compile(r"情况|事项|措施|附表")
_GLUED_NEXT = re.compile(r"(?:19|20)\d{2}\s*年|本年|本机关|本单位|我[局委办院厅部会署镇乡街区县市]|按照|根据|依据|无[。.，,]?")


def _glued_worded(b: Block, text: str, s: int, p: int, piece: str, num: str, number: int) -> _Cand | None:
    """A title after a strong boundary (``。``, a table's last digit) not bounded on its right and not official: the
    first end at one of :data:`_TITLE_END`'s words where the title names a part by its key words (or misspells an
    official title), with its own numeral, and :data:`_GLUED_NEXT` follows (``五、存在的主要问题及改进措施2025年，…``,
    ``四、政府信息公开行政法复议、行政诉讼情况行政复议…``); else None."""
    if _SENTENCE_MARK.search(piece) is None and _TITLE_END.search(piece) is None:
        return None
    for m in _TITLE_END.finditer(piece):
        title = piece[:m.end()]
        if _SENTENCE_MARK.search(title) or title[0] in _NUM or _is_table_label(title):
            return None
        e = p + m.end()
        table = None
        if not _GLUED_NEXT.match(text, e):
            table = next((sid for sid, start in _TABLE_START.items() if start.match(text, e)), None)
            if table is None:
                continue
        spec, quality = cat.match_section(title)
        if spec is not None and spec.numeral == num and quality in ("exact", "typo", "keywords") \
                and table in (None, spec.id):
            return _Cand(b, s, e, num, number, spec.id, quality, True, True, False, _prose_at(text, e))
    return None


def _toc(cands: list[_Cand]) -> set[int]:
    """Three or more candidates listed one after another in rising order with nothing but spaces, numbers or
    punctuation between them: a table of contents when it says so (目录 before it) or when one of its parts comes
    again later in the document.  Otherwise they are parts left empty — a crawl drops the statistics
    tables published as pictures, leaving ``二、… 三、… 四、…`` back to back — and stay parts (two in a
    row are always a part left empty and the next part)."""
    drop: set[int] = set()
    # the candidates after index i name these parts (a suffix union, so the whole pass stays linear)
    later: list[frozenset[str]] = [frozenset()] * (len(cands) + 1)
    for i in range(len(cands) - 1, -1, -1):
        sid = cands[i].section_id
        later[i] = later[i + 1] | {sid} if sid is not None and sid not in later[i + 1] else later[i + 1]
    run = [0] if cands else []
    for i in range(1, len(cands) + 1):
        if i < len(cands):
            a, b = cands[i - 1], cands[i]
            if a.block is b.block and b.number > a.number and _TOC_GAP.fullmatch(a.block.text, a.end, b.start):
                run.append(i)
                continue
        if len(run) >= 3:
            first = cands[run[0]]
            named = _TOC_WORD.search(first.block.text, max(0, first.start - 8), first.start) is not None
            again = any(cands[k].section_id in later[run[-1] + 1] for k in run)
            if named or again:
                drop.update(run)
        run = [i]
    return drop


def _own_numeral(c: _Cand) -> bool:
    sid = c.section_id
    assert sid is not None, c  # asked only of candidates taken for a part's title
    return cat.SECTION_BY_ID[sid].numeral == c.numeral


def _glued_ok(c: _Cand) -> bool:
    """A title glued to the word before it (``…监督保障二、主动公开政府信息情况``) is a title only with its own
    numeral and followed by what starts a part: a space, the end, a number, a bracket, 第二十条, 信息内容, 本…"""
    if not _own_numeral(c):
        return False
    sid = c.section_id
    assert sid is not None
    start = _TABLE_START.get(sid)
    return (c.bounded or bool(_PART_START.match(c.block.text, c.end))
            or (start is not None and start.match(c.block.text, c.end) is not None))


def _misnumbered_ok(c: _Cand, prev: _Cand | None) -> bool:
    """A title glued to the word before it whose numeral is not its own (``…收费000二、收到和处理政府信息公开申请情况
    （本列数据…`` after part 二): still the part when its own table starts right after it and it follows the part
    taken before it in the format's order, numbered as that part again or as the next; DL102 reports the numeral."""
    sid = c.section_id
    if sid is None or prev is None or prev.section_id is None or _own_numeral(c):
        return False
    if c.number not in (prev.number, prev.number + 1) or _ORDER[sid] <= _ORDER[prev.section_id]:
        return False
    start = _TABLE_START.get(sid)
    return start is not None and start.match(c.block.text, c.end) is not None


def _accept(cands: list[_Cand]) -> list[_Cand]:
    drop = _toc(cands)
    # a part whose title stands as a heading line of its own elsewhere: a mention inside a block is not it
    lines = {c.section_id for c in cands
             if c.section_id is not None and c.start == 0 and not c.block.text[c.end:].strip()}
    cands = [c for i, c in enumerate(cands) if i not in drop and not (c.start > 0 and c.section_id in lines)]
    strong_known = any(c.known and c.strong for c in cands)
    kept: list[_Cand] = []
    for i, c in enumerate(cands):
        if c.known:
            if c.strong or (c.section_id is not None and (
                    (strong_known and (_glued_ok(c) or _misnumbered_ok(c, kept[-1] if kept else None)))
                    or ((_after_title(c) or _after_page_date(c) or _after_page_header(c)) and _own_numeral(c))
                    # (…四、…诉讼情况五、存在的主要问题及改进情况由于…: glued to the title of the part before, kept empty)
                    or (strong_known and kept and kept[-1].section_id is not None and kept[-1].number == c.number - 1
                        and kept[-1].block is c.block and kept[-1].end == c.start and _own_numeral(c)))):
                kept.append(c)
            continue
        if not c.bounded:
            continue
        prev = kept[-1] if kept else None
        at_end = not c.block.text[c.end:].strip()
        if prev is not None and prev.number == c.number - 1 and (c.prose_after or at_end):
            kept.append(c)  # continues the numbering: a further part, the next item of a run, a cut-off title
        elif c.number == 1 and c.prose_after:
            # a run 一、二、… of headings none of which is a section title: the parts of a free-text report,
            # or sub-items numbered like sections right after a section title (DL108)
            nxt = next((d for d in cands[i + 1:] if d.known or d.number in (1, 2)), None)
            if nxt is not None and not nxt.known and nxt.number == 2 and nxt.bounded and nxt.prose_after:
                kept.append(c)
    return kept


def _after_title(c: _Cand) -> bool:
    """Is the title glued to the report title at the start of its block (``…工作年度报告一、总体情况根据《条例》…``: an
    excerpt of a page whose text nodes were joined with nothing, cut before part 二)?  The report title is the
    boundary the glued title lacks (its own numeral is still asked, not what follows it)."""
    span = _title(c.block)
    if span is not None and span[1] == c.start:
        return True
    # (the page's title, its fields, then the title again glued to part 一: 某局2024年 政府信息公开工作年度报告发布时间:…
    # 某局2024年政府信息公开工作年度报告一、总体情况)
    text = c.block.text
    return span is not None and span[1] < c.start and any(
        m.end() == c.start for m in _TITLE.finditer(text, max(span[1], c.start - 120), c.start + 2))


# the page's date field ending right before a glued title (来源: 区住建局 发布日期: 2021年05月13日|一、总体情况)
_PAGE_DATE_END = re.compile(r"(?:日期|时间)\s*[:：]?\s*(?:19|20)\d{2}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*日?"
                            r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*$")


def _after_page_date(c: _Cand) -> bool:
    """Is the title glued to the page's date field that follows the report title in its block (``…年度报告来源: 某局
    发布日期: 2021年05月13日一、总体情况2020年,…``: a page joined with nothing)?  As for :func:`_after_title`."""
    if c.start == 0 or (not c.block.text[c.start - 1].isdigit() and c.block.text[c.start - 1] != "日"):
        return False
    span = _title(c.block)
    return (span is not None and span[1] <= c.start
            and _PAGE_DATE_END.search(c.block.text, max(span[1], c.start - 40), c.start) is not None)


# a page's header fields and nothing else before a glued title (发布时间:2026-01-22 10:58信息来源:某局|一、总体情况)
_PAGE_HEADER = re.compile(r"(?:\s*(?:发布时间|发布日期|信息来源|来源|发布机构|作者|浏览次数|点击数|字号|【字体)\s*[:：]"
                          r"(?:[^:：。，,；;\n]|(?<=\d)[:：](?=\d)){0,40}?)+")  # (a time's colon: 10:58)


def _after_page_header(c: _Cand) -> bool:
    """Is the title glued to the page's header fields that open its block, with no report title (``发布时间:2026-01-22
    10:58信息来源:某局一、总体情况(一)…``: a page joined with nothing, its title not copied)?  As for :func:`_after_title`."""
    return 0 < c.start <= 120 and _PAGE_HEADER.fullmatch(c.block.text, 0, c.start) is not None


# -- the report title, sub-items, paragraphs ---------------------------------------------------------

def _title(b: Block) -> tuple[int, int] | None:
    """Span of the report title at the start of ``b`` (after a breadcrumb or the page's navigation bar), when
    more text follows it.  Far into the navigation (after :data:`TITLE_NEAR` words) only a title with its
    year counts: a menu item may read 某某区政务公开年报."""
    text = b.text
    # (after a space, or after a breadcrumb's arrow in a page joined with nothing: 首页>>年报>>某局2019年…年度报告字体:)
    starts = sorted({0, *(m.end() for m in islice(_WS.finditer(text, 0, TITLE_REACH), TITLE_WORDS)),
                     *(m.end() for m in islice(_CRUMB.finditer(text, 0, TITLE_REACH), TITLE_WORDS))})
    for k, p in enumerate(starts):
        m = _TITLE.match(text, p)
        if m and text[m.end():].strip() and (k <= TITLE_NEAR or _YEAR.search(m.group(0))):
            return m.start(), m.end()
    return None


def _title_line(b: Block) -> bool:
    """A line that is the report title itself (not a breadcrumb or menu naming the 年度报告 page)."""
    t = b.text.strip()
    return ("报告" in t and len(t) <= 80 and ("信息公开" in t or "政务公开" in t) and "。" not in t
            and not _NAV.search(t))


def _subitems(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in _SUB.finditer(text, lo, hi):
        s = m.start()
        if s > 0 and not (text[s - 1].isspace() or text[s - 1] in "。！？；!?;"):
            continue
        piece = _PIECE.match(text, s)
        e = piece.end() if piece else s
        if e >= hi or not text[e].isspace() or e - m.end() < 2:
            continue
        title = text[m.end():e]
        if _SENTENCE_MARK.search(title) or len(title) > 25 or _is_table_label(title, rows=False):
            continue
        if _prose_at(text, e):
            out.append((s, e))
    return out


def _signature(text: str, lo: int) -> list[int]:
    m = _SIGNATURE.search(text, lo)
    if m is None:
        return []
    cuts = [m.start("date")]
    if m.group("org"):
        cuts.append(m.start("org"))
    if m.group("tail") and m.group("tail").strip():
        cuts.append(m.start("tail"))
    return cuts


# -- splitting -----------------------------------------------------------------------------------------

def _slice(block: Block, s: int, e: int, kind: str, level: int | None, offsets: list[int]) -> Block:
    """``block.text[s:e]`` as a block of its own, its anchors sliced from the block's (``offsets``: theirs)."""
    anchors: list[Anchor] = []
    if block.anchors:
        i = max(0, bisect_right(offsets, s) - 1)
        a = block.anchors[i]
        anchors.append(Anchor(0, a.line, a.column + max(0, s - a.offset), a.page))
        for a in block.anchors[i + 1:bisect_left(offsets, e)]:
            anchors.append(Anchor(a.offset - s, a.line, a.column, a.page))
    line, column, end_line, end_column = block.line, block.column, block.end_line, block.end_column
    if block.anchors:
        line, column = anchors[0].line, anchors[0].column
        z = block.anchors[max(0, bisect_right(offsets, e) - 1)]
        end_line, end_column = z.line, z.column + (e - z.offset)
    return Block(index=0, kind=kind, text=block.text[s:e], line=line, column=column,  # type: ignore[arg-type]
                 end_line=end_line, end_column=end_column, anchors=tuple(anchors), level=level,
                 pointer=block.pointer)


def _pieces(block: Block, heads: list[tuple[int, int, str, int | None]], cuts: list[int]) -> list[Block]:
    text = block.text
    out: list[Block] = []
    marks = sorted(set(cuts))
    offsets = [a.offset for a in block.anchors]

    def region(lo: int, hi: int) -> None:
        bounds = [lo, *marks[bisect_right(marks, lo):bisect_left(marks, hi)], hi]
        for a, z in pairwise(bounds):
            while a < z and text[a].isspace():
                a += 1
            while z > a and text[z - 1].isspace():
                z -= 1
            if a < z:
                out.append(_slice(block, a, z, "paragraph", None, offsets))

    pos = 0
    for s, e, kind, level in sorted(heads):
        region(pos, s)
        out.append(_slice(block, s, e, kind, level, offsets))
        pos = e
        if s == 0 and kind == "heading" and level == 1:
            pos = _run_in_end(text, e) or e  # the mark closing a title run in belongs to neither piece
    region(pos, len(text))
    return out


def find(document: Document) -> Inline:
    blocks = list(document.blocks)
    texts = [b for b in blocks if b.kind in _SPLITTABLE]
    cands = _accept(_candidates(texts))
    heads: dict[int, list[InlineHeading]] = {}
    for c in cands:
        if c.start == 0 and not c.block.text[c.end:].strip():
            continue  # a heading line already
        heads.setdefault(c.block.index, []).append(InlineHeading(
            "section", c.block, c.start, c.end, c.numeral, c.section_id, c.quality))
    # the report title at the start of the first long block, unless a title line comes before it
    # (navigation items on lines of their own before it are passed over)
    for b in islice((x for x in texts[:TITLE_SCAN] if not (is_chrome(x.text) or is_navigation(x.text))), 3):
        if _title_line(b):
            break
        span = _title(b)
        if span is not None:
            first = min((h.start for h in heads.get(b.index, [])), default=len(b.text))
            if span[1] <= first:
                heads.setdefault(b.index, []).insert(0, InlineHeading("title", b, span[0], span[1], quality="exact"))
            break
    if not heads:
        return Inline((), document, ())
    found: list[InlineHeading] = []
    new_blocks: list[Block] = []
    index_map: dict[int, int] = {}
    for b in blocks:
        hs = heads.get(b.index)
        if not hs:
            index_map[b.index] = len(new_blocks)
            new_blocks.append(b)
            continue
        hs.sort(key=lambda h: h.start)
        spans: list[tuple[int, int, str, int | None]] = [(h.start, h.end, "heading", 1) for h in hs]
        starts = [h.start for h in hs]
        subs: list[InlineHeading] = []
        for s, e in _subitems(b.text, 0, len(b.text)):
            k = bisect_left(starts, e) - 1  # the last heading starting before this sub-item ends
            if k < 0 or hs[k].end <= s:
                spans.append((s, e, "heading", 2))
                subs.append(InlineHeading("subitem", b, s, e))
        cuts = [m.end() for m in _PARA.finditer(b.text)]
        if b is texts[-1]:  # the 落款 ends the document
            cuts += _signature(b.text, hs[-1].end)
        found.extend(sorted(hs + subs, key=lambda h: h.start))
        new_blocks.extend(_pieces(b, spans, cuts))
    new_blocks = [dc_replace(b, index=i) if b.index != i else b for i, b in enumerate(new_blocks)]
    gaps = tuple(index_map[i] for i in document.space_separated_tables if i in index_map)
    unread = tuple(index_map[i] for i in document.table_text if i in index_map)
    return Inline(tuple(found), dc_replace(document, blocks=tuple(new_blocks), space_separated_tables=gaps,
                                           table_text=unread),
                  tuple(sorted(heads)))
