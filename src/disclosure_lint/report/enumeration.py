"""Enumerations: runs of numbered items (一是、二是…, （一）（二）…, 1. 2. …) and where they break.

:func:`analyse` finds every item marker in the prose, groups the markers of one kind into
runs and records each item whose number does not follow the one before it (``一是…二是…
二是``, ``一是…三是``, ``（一）（二）（二）``, ``1. 2. 4.``) with the marker expected there.

Marker kinds (each its own run; full- and half-width brackets are one kind):

=========  ===================  =========================
family     markers              written as expected
=========  ===================  =========================
``shi``    一是 二是 …           一是
``cn``     一、 二、 …           一、
``pcn``    （一） （二） …        （一）
``ar``     1. 2. / 1、 2、        1. (the item's own separator)
``par``    （1） （2） …          （1）
``car``    1） 2） …             1）
``circ``   ① ② …               ①
=========  ===================  =========================

A marker counts only where an item can start: at the start of a paragraph, after
whitespace or after a clause mark (。；：，、 or a closing bracket), or after the dash of a
page number left in text whose line breaks were lost (``…予以答复。- 1 -（三）政府信息管理``).  So these are not
markers: citations (``第二十条第（一）项``, ``《条例》第十四条第（三）项`` — preceded by
第), decimals, dates and versions (``1.5``, ``2023.1.5``, ``1.2万`` — a digit follows or
precedes), ``统一是`` (统 precedes), ``一、二级`` (a numeral follows), ``（一）项``.

Runs follow the outline: a marker of a kind not yet open starts a deeper level, and a
marker of an open kind closes the levels below it (their runs end).  A marker numbered 1
always starts a new run, so lists restart within a paragraph, at a new heading, and per
group of a table's rows.  A new section (a section heading, or a numbered section title
inside flattened text) ends every run.  An item whose paragraph holds a list of the same kind (一是强化领导。一是…二是…)
hands on to that list; the outer list goes on in the next paragraph when the number says so — and, in text whose
paragraphs were joined (a crawl), after a sentence's end, when the list began right after the outer item's short title
(…三是推进公共服务公开。一是…四是…。四是推动监管公开。: the outer 四是, not a repeated one) — also when the outer
list's 一是 ran into the title before it and so is no marker of its own (…扎实推进信息公开一是推进清单公开。一是…).  The first item of a run is never reported (a list
may go on from before a heading, or start in text the tool does not see).  Each item is
compared with the number expected once the breaks before it are fixed, and a run that goes
on in step after a skipped or repeated number is one break (see :func:`breaks`), so one slip
gives one finding and applying the fixes gives a correct run.

Not taken: section headings (their order is DL102's), row labels of the statistics tables
(``一、本年新收…``, ``（三）不予公开``, ``1.属于国家秘密`` — the format fixes them) and table
blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..memo import LONGEST, Kept, held
from ..model import Block
from . import catalogue
from .label_text import starts_with_table_label
from .writing import Piece, Span

CN = "一二三四五六七八九十"
# "-": the page number of a PDF's text whose line breaks were lost (公开申请17件。- 1 -（三）政府信息管理情况)
_BEFORE = set("。；：，、！？;:,!?）)」』”’】*#>_|-") | set(" \t\n\u3000")
_MARKER = re.compile(
    rf"(?P<shi>[{CN}]{{1,3}})是"
    rf"|(?P<cn>[{CN}]{{1,3}})、(?![{CN}\d])"
    rf"|[（(]?(?P<pcn>[{CN}]{{1,3}})[）)][.．、]?(?![项款目条类号段])"  # (三)政府信息管理情况 with its （ left out too; (四).…, (四)、…
    rf"|[（(](?P<par>\d{{1,2}})[）)](?![项款目条类号段])"
    rf"|(?P<ar>\d{{1,2}})(?P<sep>[.．、])(?!(?!(?:19|20)\d{{2}}\s*年)[\d.．、])"  # 2.2020年，…: an item, not 2.2
    rf"|(?P<car>\d{{1,2}})[）)]"
    rf"|(?P<circ>[\u2460-\u2473])")
# A marker after a character an item can follow (the character taken with it).  The characters inside a
# marker are never of _BEFORE (only its last, ） or 、, may be), so these are exactly the markers of a
# left-to-right scan of _MARKER that pass the test of _items, and the regex engine skips ahead by the set
# of _BEFORE instead of trying every marker at every character.
# The look-ahead holds the first characters of _MARKER's branches: after the (frequent) lead characters, the
# seven branches are entered only where one of them can match.
_MARKER_FIRST = rf"[{CN}（(\d\u2460-\u2473]"
_AFTER_BEFORE = re.compile("[" + re.escape("".join(sorted(_BEFORE))) + "](?=" + _MARKER_FIRST + ")(?:"
                           + _MARKER.pattern + ")")
FAMILIES = ("shi", "cn", "pcn", "par", "ar", "car", "circ")
_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
_YEAR = re.compile(r"(?:19|20)\d{2}\s*年")
_REFERENCE_NEXT = set("（(、,，和与及至到-–—~～/）)")
_JOINING = frozenset("和与及至到")  # a reference only when another marker follows: （一）至（五）
_MARKER_NEXT = re.compile(r"\s*第?\s*[（(]?(?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)]")


@dataclass(frozen=True)
class EnumItem:
    """An item marker of an enumeration: where it is, its family, value and the marker as written."""

    span: Span
    family: str
    value: int
    marker: str  # as written

    @property
    def block(self) -> Block:
        return self.span.block


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class EnumBreak:
    """An item whose marker breaks its enumeration's order, and the marker that belongs there."""

    item: EnumItem
    previous: EnumItem
    expected: str  # the marker that belongs here
    previous_value: int = 0  # the number the previous item has once the breaks before it are fixed
    follow: tuple[tuple[EnumItem, str], ...] = ()  # later items renumbered with this one (一是…三是…四是)
    stray: EnumItem | None = None  # the next item, when it is the one expected here: this one is no item of the run

    @property
    def previous_marker(self) -> str:
        """The previous item's marker once the breaks before it are fixed (as written when it had none)."""
        return marker_text(self.previous.family, self.previous_value or self.previous.value, self.previous.marker)

    @property
    def kind(self) -> str:
        """repeated (二是…二是), skipped (一是…三是) or backwards (3. … 2.)."""
        v, p = self.item.value, self.previous_value or self.previous.value
        return "repeated" if v == p else ("skipped" if v > p else "backwards")


@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class EnumRun:
    """An enumeration: its items in order and the breaks in their numbering."""

    family: str
    items: list[EnumItem] = field(default_factory=list)
    breaks: list[EnumBreak] = field(default_factory=list)


def _cn(n: int) -> str:
    """1 → 一, 12 → 十二, 45 → 四十五, 120 → 一百二十 (a run of repeated markers renumbered may pass 九十九)."""
    if n < 1 or n >= 1000:
        return str(n)
    if n <= 10:
        return CN[n - 1]
    if n < 20:
        return "十" + CN[n - 11]
    if n < 100:
        tens, ones = divmod(n, 10)
        return CN[tens - 1] + "十" + (CN[ones - 1] if ones else "")
    hundreds, rest = divmod(n, 100)
    if not rest:
        tail = ""
    elif rest < 10:
        tail = "零" + CN[rest - 1]  # 一百零五
    else:
        tail = ("一" if rest < 20 else "") + _cn(rest)  # 一百一十五, 一百二十
    return CN[hundreds - 1] + "百" + tail


def marker_text(family: str, value: int, like: str = "") -> str:
    """The marker numbered ``value`` in the style of ``like`` (same brackets, same separator)."""
    half = like[:1] == "("
    if family == "shi":
        return f"{_cn(value)}是"
    if family == "cn":
        return f"{_cn(value)}、"
    if family == "pcn":
        return f"({_cn(value)})" if half else f"（{_cn(value)}）"
    if family == "par":
        return f"({value})" if half else f"（{value}）"
    if family == "ar":
        return f"{value}{like[-1:] or '.'}"
    if family == "car":
        return f"{value}{like[-1:] or '）'}"
    return chr(0x2460 + value - 1) if 1 <= value <= 20 else f"（{value}）"  # ① … ⑳ only


def _section_title_at(text: str, end: int) -> bool:
    """Is the text after a 一、 marker a section title (flattened text: titles inline)?"""
    head = re.split(r"[\s。，；：:;,（(]", text[end:end + 40], maxsplit=1)[0]
    if not head or len(head) > 30:
        return False
    spec, _ = catalogue.match_section(head)
    return spec is not None


_Found = tuple[tuple["str | None", int, int, int], ...]  # (family or None for a section title, start, end, number)
_ITEMS: Kept[tuple[str, bool], _Found] = Kept("enumerations: the markers of a piece", 4096)


def _items(piece: Piece, heading: bool) -> list[tuple[EnumItem | None, int]]:
    """Markers in one block, in order; ``(None, offset)`` marks a section title (ends every run).  What
    :func:`_found` reads is a pure function of the text and ``heading``, kept for the next report (the prose blocks
    recur from report to report); the items are made in ``piece``."""
    text = piece.text
    key = (text, heading)
    found = _ITEMS.get(key)
    if found is None:
        found = _found(text, heading)
        if len(text) <= LONGEST:
            _ITEMS.keep(key, found)
    return [(None, i) if fam is None else (EnumItem(Span(piece, i, end), fam, v, text[i:end]), i)
            for fam, i, end, v in found]


def _found(text: str, heading: bool) -> _Found:
    """(family, start, end, number) of each item marker of ``text``, (None, start, 0, 0) of a section title."""
    out: list[tuple[str | None, int, int, int]] = []
    for i, m in _markers(text):
        end = m.end()
        # the marker's family: the one branch that matched (ar's is the group before its separator's)
        fam = m.lastgroup or ""
        if fam == "sep":
            fam = "ar"
        elif fam == "pcn" and text[i] not in "（(" and i and text[i - 1] != "\n":
            if not _spaced_open(text, i):
                continue  # 三) without its （ only where a paragraph or line starts: elsewhere a slip of another kind
            i -= 2  # ( 二): a space typed after the bracket (the item is there, written loosely)
        after = text[end:end + 8].lstrip(" \t\u3000")
        chinese_marker = fam in _CHINESE
        if not after and fam == "pcn" and not text[:i].strip() and not text[end:].strip():
            pass  # （二） alone on its line, its title on the next: an item all the same
        elif not after or not (_CJK.match(after) or after[0] in "“‘《【〔「『"
                             or (after[0].isdigit() and (chinese_marker or _YEAR.match(after)))):
            # nothing, or not Chinese text, follows: not an item (Art. 49. / colspan 5)); a Chinese
            # marker may be followed by a number (二是3个栏目更新慢, （二）2024年，…), any by a year (2.2020年，…)
            continue
        if fam != "shi" and fam != "cn" and end < len(text) and text[end] in _REFERENCE_NEXT and (
                text[end] not in _JOINING or _MARKER_NEXT.match(text, end + 1) is not None):
            continue  # （一）（五）（六）, （一）至（五）, （一）、（二）项: items referred to, not written — but （二）与行政
            # 复议有关的费用 is an item whose text starts with 与
        v = _number(fam, m.group(fam))
        if v is None:
            continue
        if fam == "cn" and ((heading and i <= len(text) - len(text.lstrip(" \t\u3000*#>_")))
                            or _section_title_at(text, end)):
            out.append((None, i, 0, 0))
            continue
        if starts_with_table_label(text[i:i + 80]):
            continue
        if _TABLE_ROW_REST.match(text, end) is not None:
            continue  # 3.补   2   0   0   0   0   0   2: a table row's cut label and its numbers (a PDF's text)
        if fam == "car" and i > 0 and text[i - 1] in "（(":
            continue
        out.append((fam, i, end, v))
    return tuple(out)


_CHINESE = frozenset({"shi", "cn", "pcn"})
# what follows an item's marker in a table's row printed as text: a few characters of its label, then three or more
# numbers to the end of the line
_TABLE_ROW_REST = re.compile(r"[ \t\u3000]*[^\s\d]{1,16}(?:[ \t\u3000]+[\d.,]+){3,}[ \t\u3000]*(?:\n|$)")


def _spaced_open(text: str, i: int) -> bool:
    """Whether the marker at ``i`` (二) without its bracket) has its bracket and a space before it (``( 二)``, ``（ 二）``),
    where an item can start (the start of the text or after a character of _BEFORE)."""
    return (i >= 2 and text[i - 1] in " \u3000" and text[i - 2] in "（("
            and (i == 2 or text[i - 3] in _BEFORE))


def _number(fam: str, g: str) -> int | None:
    """The number a marker of family ``fam`` written ``g`` stands for (None: a Chinese numeral that is none)."""
    if fam in _CHINESE:
        return catalogue.cn_to_int(g) or None
    if fam == "circ":
        return ord(g) - 0x2460 + 1
    return int(g)


def _markers(text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """(start, match) of the markers where an item can start: at the start of the text or after a
    character of _BEFORE (every lead character is one), as a scan of _MARKER keeping only those."""
    m = _MARKER.match(text)
    if m is not None:
        yield 0, m
        pos = m.end() - 1
    else:
        pos = 0
    while (m := _AFTER_BEFORE.search(text, pos)) is not None:
        yield m.start() + 1, m
        pos = m.end() - 1


_MARKED: Kept[str, bool] = Kept("enumerations: whether a piece holds a marker", 4096)


def _with_markers(pieces: list[Piece]) -> set[int]:
    """The pieces in which :func:`_markers` finds something: a pure function of each piece's text, kept for
    the next report (the prose blocks recur); the pieces not kept by one scan of their texts joined by newlines (the
    newline before each is a character an item can follow, as the start of a text is; no marker holds a newline, and
    what a marker's look-aheads see at the end of a text they see at a newline).  A scan without overlaps may miss a
    marker right after another, never the first one of a piece."""
    known = held(_MARKED, [p.text for p in pieces], [_AFTER_BEFORE.finditer], lead=True)
    return {n for n, k in enumerate(known) if k}


def analyse(report) -> list[EnumRun]:
    runs: list[EnumRun] = []
    headings = {s.heading.index for s in report.sections}
    open_: list[EnumRun] = []  # the outline: one open run per level
    parked: dict[str, EnumRun] = {}  # a paragraph's list whose item holds a list of the same kind (一是…一是…二是)
    joined: set[str] = set()  # the families parked inside one paragraph of joined text (see below)
    scope = object()
    sections, k = report.sections, -1
    pieces = report.prose_pieces
    # a statistics table's lines read as text (a row's label on a line of its own, its numbers on the next: a PDF's
    # text) are the table's cells, not a numbered list (1.信访举报 / 投诉类申请 / 0 0 0 …)
    in_tables = {b.index for t in report.stats.values() for b in t.blocks if b.kind != "table"}
    # and so are the rows of a PDF table drawn without rules that the reader could not lay out (2.其0 0 0 0 0 0 0)
    in_tables.update(getattr(getattr(report, "document", None), "table_text", ()))
    # and so are the lines of a table printed one piece per line that the tool could not read (report.unread_tables,
    # shredded: 三、 （一）予 / （二）部 / （七）总 47 7 in a PDF's text) — DL001 says it could not read them
    for unread in report.unread_tables.values():
        in_tables.update(b.index for b in unread.blocks)
    # only the pieces with a marker hold items; the others only end the runs where a new section starts, which
    # the next piece with a marker sees as well (sections follow the document order: a piece is in the section of
    # the one before it or in a later one)
    for n in sorted(_with_markers(pieces)):
        piece = pieces[n]
        if piece.block.index in in_tables:
            continue
        # the section the block is in (as report.section_of, walking along in document order)
        while k + 1 < len(sections) and sections[k + 1].heading.index <= piece.block.index:
            k += 1
        sec = sections[k] if k >= 0 else None
        if sec is not scope:
            scope, open_, parked, joined = sec, [], {}, set()
        if piece.block.kind == "heading" and piece.block.index not in headings and _part_title(piece.text):
            # a part's own title numbered as an item ((二)主动公开政府信息的情况 after part 一's (一)…(四)): the part
            # begins, its number is no item of the list before it (the numbering is DL102's)
            open_, parked, joined = [], {}, set()
            continue
        for item, at in _items(piece, piece.block.index in headings):
            if item is None:
                open_, parked, joined = [], {}, set()
                continue
            leads = not piece.text[:at].strip(_LEAD_MARKS)  # the item opens its paragraph
            level = next((k for k, r in enumerate(open_) if r.family == item.family), None)
            glued = _GLUED_OUTER.search(piece.text, max(0, item.span.start - 40), item.span.start) \
                if item.value == 1 and item.family == "shi" and not leads else None
            if glued is not None:
                # (…扎实推进信息公开一是推进清单公开。一是按照…: the outer list's 一是 run into the title before it, so no
                # marker of its own — its list is parked, the inner one begins, and the outer goes on after it)
                outer_run = EnumRun("shi", [EnumItem(Span(piece, glued.start(1), glued.end(1)), "shi", 1, "一是")])
                runs.append(outer_run)
                parked["shi"] = outer_run
                joined.add("shi")
                if level is not None:
                    del open_[level:]
                open_.append(EnumRun("shi", [item]))
                runs.append(open_[-1])
                continue
            if level is None:
                run = EnumRun(item.family, [item])
                runs.append(run)
                open_.append(run)
                continue
            del open_[level + 1:]
            run = open_[level]
            if item.value == 1:
                last = run.items[-1]
                if not leads and last.span.piece is piece and last.span.start == _lead(piece.text):
                    parked[item.family] = run  # 一是…（a paragraph's item）…一是…二是 inside it: a list within the item
                elif not leads and last.span.piece is piece and _RUN_IN_TITLE.fullmatch(piece.text, last.span.end,
                                                                                         item.span.start):
                    # (text whose paragraphs were joined: …三是推进公共资源配置信息公开。一是大力推进…二是…四是推进…: the
                    # item's short title, then a list inside it; the outer list goes on after a sentence's end)
                    parked[item.family] = run
                    joined.add(item.family)
                elif leads and len(run.items) == 1 and len(last.span.piece.text.strip()) <= 16:
                    parked[item.family] = run  # (一)概述 / (一)加强…(四)… / (二)公开…: a list under the first item's title
                run = EnumRun(item.family, [item])
                runs.append(run)
                open_[level] = run
                continue
            outer = parked.get(item.family) if (leads and run.items[-1].span.piece is not piece) or (
                item.family in joined and _AFTER_SENTENCE.search(piece.text, max(0, item.span.start - 4), item.span.start)) else None
            if outer is not None and item.value == outer.items[-1].value + 1 != run.items[-1].value + 1:
                del parked[item.family]
                joined.discard(item.family)
                run = open_[level] = outer  # the next paragraph's item goes on with the list the inner one sat in
            elif outer is not None and len(outer.items) > 1 and item.family not in joined:
                del parked[item.family]  # (a paragraph's inner list: only the next paragraph's item may go on with it)
            run.items.append(item)
    lost: list[int] | None = None
    bare: list[tuple[int, int]] = []
    bare_shi: list[tuple[int, int]] = []
    for run in runs:
        values = [it.value for it in run.items]
        if values == list(range(values[0], values[0] + len(values))):
            continue  # numbered in step (most runs): no break, and the lines below are not asked for
        if lost is None:
            # lines whose item marker lost its opening half in the copy ()依申请公开情况: （二 lost): items, their numbers
            # unknown
            lost = [b.index for b in report.text_blocks if _LOST_OPENER.match(b.text)]
            # lines whose number lost its mark (2依申请公开情况…: 2、 lost its 、): (block index, number)
            bare = [(b.index, int(m.group(1))) for b in report.text_blocks if (m := _BARE_NUMBER.match(b.text))]
            # … and lines opening with a point's numeral that lost its 是 (二政府信息管理方面。…: 二是 with 是 lost): (index,
            # number)
            bare_shi = [(b.index, _CN_POINT.index(m.group(1)) + 2) for b in report.text_blocks
                        if (m := _BARE_POINT.match(b.text))]
        run.breaks = breaks(run.items, lost, bare, bare_shi)
    return runs


# an item's short title ending its sentence, right before the first item of a list inside it (一是推进…公开。|一是…)
_RUN_IN_TITLE = re.compile(r"[^。；：:;！？\n]{2,30}[。：:]\s*")
_AFTER_SENTENCE = re.compile(r"[。；！？]\s*$")
# an outer list's first marker run into the word before it, its short title, then the inner list's 一是 (at the end)
# (not after a character 一 makes a word with: 统一是…, 唯一是…, 第一是…)
_GLUED_OUTER = re.compile(r"(?<=[\u4e00-\u9fff])(?<![统唯第之同万逐单专归划合均整不如其某任每另惟纯齐])(一是)"
                          r"[^。；：:;！？\n一二三四五六七八九十]{2,30}[。：:]\s*$")
_LEAD_MARKS = " \t\u3000*#>_-"  # what may stand before a paragraph's first item (Markdown's marks, indentation)


def _lead(text: str) -> int:
    """Where a paragraph's text starts after :data:`_LEAD_MARKS`."""
    return len(text) - len(text.lstrip(_LEAD_MARKS))


_PART_NUMBERED = re.compile(r"\s*[（(][一二三四五六][）)]\s*")
_PART_TITLES: Kept[str, bool] = Kept("enumerations: whether a heading is a part's own title numbered as an item", 4096)


def _part_title(text: str) -> bool:
    """Whether a heading's ``text`` is a part's own title numbered as an item (``(二)主动公开政府信息的情况``): a pure
    function of the text, kept for the next report (the format's subheadings recur, each asked of in every report)."""
    got = _PART_TITLES.get(text)
    if got is None:
        got = _PART_NUMBERED.match(text) is not None and catalogue.exact_section(_PART_NUMBERED.sub("", text, 1)) is not None
        if len(text) <= LONGEST:
            _PART_TITLES.keep(text, got)
    return got
_LOST_OPENER = re.compile(r"\s*[)）][\u4e00-\u9fff][^\n]{0,30}$")
_BARE_NUMBER = re.compile(r"\s*([1-9])(?=[\u4e00-\u9fff]{4})(?!\d)")
_CN_POINT = "二三四五六七八九"
_BARE_POINT = re.compile(r"\s*([二三四五六七八九])(?![是、．.，,])(?=[\u4e00-\u9fff]{4})")


_GLUE_FAMILIES = frozenset({"shi", "par", "pcn", "circ"})  # markers no other text looks like (not 1. or 1、: 2021.1.)


def _glued(previous: EnumItem, item: EnumItem, marker: str) -> bool:
    """Whether an item's ``marker`` (一是, （1）, （一）, ①) stands between ``previous`` and ``item`` in their piece, run into the word before
    it (``便民服务等信息二是通过大屏幕…``: the 。 left out, so it was not taken for a marker)."""
    if item.family not in _GLUE_FAMILIES or previous.span.piece is not item.span.piece:
        return False
    return marker in item.span.piece.text[previous.span.end:item.span.start]


def breaks(items: list[EnumItem], lost: list[int] | None = None,
           bare: list[tuple[int, int]] | None = None, bare_shi: list[tuple[int, int]] | None = None) -> list[EnumBreak]:
    """The items that break the sequence, each with the marker it should have, blamed so that applying
    every fix gives a correct run (one slip, one finding):

    * an item is compared with the number expected *after* the fixes before it, not with the number
      written before it: 一是…四是…三是 has one break (四是 → 二是), and 三是 is then right;
    * an item alone out of step — the next item is the one expected after it, or there is none — is
      renumbered alone (一是…三是…三是: the first 三是 → 二是);
    * an item far ahead whose next item is the one expected here (一是…五是…二是: 5. of a list of its own written 五是) is
      no item of the run: reported as such (``stray``), nothing renumbered;
    * an item from which the run goes on in step (一是…三是…四是…五是: an item left out, or 一是…二是…
      二是…三是: one added) is one break whose fix renumbers it and the items that follow it in step;
    * an item after as many lines whose marker lost its opening half (``lost``: their blocks' indexes, ``)依申请公开情况``)
      as numbers are skipped is in step: （一）… / )… / )… / （四）…; so is one after a line opening with the number
      skipped, its mark lost (``bare``: (block index, number), ``2依申请公开情况…``): 1、… / 2依申请… / 3、…; so is a point
      after a line opening with its numeral without 是 (``bare_shi``: 一是… / 二政府信息管理方面… / 三是…).
    """
    out: list[EnumBreak] = []
    if not items:
        return out
    values = [it.value for it in items]
    expect = values[0] + 1
    i = 1
    while i < len(items):
        item, v = items[i], values[i]
        if v == expect:
            expect += 1
            i += 1
            continue
        if v == expect + 1 and _glued(items[i - 1], item, marker_text(item.family, expect, item.marker)):
            expect += 1  # 一是…信息二是…三是: the item is there, its marker run into the sentence before it
            continue
        if lost and v > expect and item.family in ("par", "pcn") and v - expect == sum(
                1 for x in lost if items[i - 1].block.index < x < item.block.index):
            expect = v + 1  # （一）… / )依申请公开… / )政府信息管理… / （四）…: the copy lost （二 and （三
            i += 1
            continue
        if bare and v > expect and item.family == "ar" and any(
                n == expect and items[i - 1].block.index < at < item.block.index for at, n in bare):
            expect += 1  # 1、… / 2依申请公开情况… / 3、…: item 2 is there, its number lost its mark
            continue
        if bare_shi and v > expect and item.family == "shi" and any(
                n == expect and items[i - 1].block.index < at < item.block.index for at, n in bare_shi):
            expect += 1  # 一是… / 二政府信息管理方面… / 三是…: point 二 is there, its 是 lost
            continue
        if v == 2 and _glued(items[i - 1], item, marker_text(item.family, 1, item.marker)):
            expect = 3  # …（3）…加大主动公开力度（1）深入推进…（2）: a new list, its first marker run into its heading
            i += 1
            continue
        if v > expect + 1 and i + 1 < len(items) and values[i + 1] == expect and items[i + 1].marker != item.marker:
            # 一是…（1.… 4.…）五是…二是…: the next item is the one expected here — this one belongs to no place of the run
            # (another list's, its kind of marker mistaken: 5. written 五是); no renumbering, the run goes on
            out.append(EnumBreak(item, items[i - 1], marker_text(item.family, expect, item.marker), expect - 1,
                                 stray=items[i + 1]))
            i += 1
            continue
        j = i + 1
        if j < len(items) and values[j] != expect + 1:
            while j < len(items) and values[j] == values[j - 1] + 1:
                j += 1  # the run goes on in step from the number written here
        else:
            j = i + 1
        follow = tuple((items[k], marker_text(items[k].family, expect + k - i, items[k].marker)) for k in range(i + 1, j))
        out.append(EnumBreak(item, items[i - 1], marker_text(item.family, expect, item.marker), expect - 1, follow))
        expect += j - i
        i = j
    return out
