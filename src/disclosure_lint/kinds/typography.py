"""Typography kinds (GB/T 15834-2011 标点符号用法).

``unbalanced-brackets`` (DL703, at the end of this module): brackets and quotation marks
that do not pair up, read from the report fact :attr:`AnnualReport.brackets`; marks inside the fields
a portal writes (``report.portal``: a font switch ``【字体：`` / ``大`` / ``中`` / ``小`` / ``】`` split one item
per line) are not the clerk's.

``ascii-punctuation``: half-width , ; : ? ! ( ) " inside Chinese text, with a safe fix
to the full-width mark.  Not flagged: URLs and e-mail addresses, numbers (1,000;
3:2), times (15:08), list markers such as ``(1)`` at the start of a line, Markdown
link syntax, the ``;`` of a character reference (``&nbsp;`` ``&#44;``: markup, or a web page's leftovers),
punctuation between two non-Chinese characters (English text), and the fields a
portal writes around the report (``发布日期: …  浏览次数:``, ``report.portal``).  A text whose every comma,
colon, semicolon, bracket, question and exclamation mark is half-width while its 。 and 、 are full-width, and
which holds no full-width form NFKC would make half-width, is what a store that normalises text (NFKC, common when web
pages are copied) leaves: one finding stands for all of its half-width marks (option ``collapse_normalised``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from pydantic import Field

from ..limits import BLOCK_HITS_MAX
from ..readers.script import PINYIN_GLOSS, TONE, TONES
from ..report.dates import YEAR_RUN_IN, lossy_signs
from ..report.promotions import url_spans
from ..report.title_field import field_value
from ..textio import entity_spans
from . import register
from .base import CappedOptions, FixEdit, Hit, Kind, KindOptions

if TYPE_CHECKING:  # pragma: no cover
    from ..report import AnnualReport
    from ..report.portal import PortalSpan

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’《》]")
_MD_LINK = re.compile(r"\]\([^)\s\]]*\)|!\[|<[^<>\s]+>")  # a target stops at ] too: "](" repeated stays linear
# a Markdown table's alignment row written with full-width pipes (｜---｜---:｜, a Chinese input method's ｜): markup
_ALIGN = re.compile(r"(?<=[｜|])[ \t]*:?-{3,}:?[ \t]*(?=[｜|])")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)", re.S)  # Markdown inline code: no fix inside
_LIST_MARKER = re.compile(r"^\s*(?:\(\s*[0-9一二三四五六七八九十]{1,3}\s*\)|[0-9]{1,2}\))")

FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


# the marks NFKC makes half-width (，；：？！（） → , ; : ? ! ( )), each with its name in a message; “” it keeps
_NFKC_MARKS = {",": "逗号", ";": "分号", ":": "冒号", "?": "问号", "!": "叹号", "(": "括号", ")": "括号"}
COLLAPSE_MIN = 3  # fewer half-width marks than this are reported one by one whatever the text looks like
COLLAPSE_TEXT = 500  # characters of text at least: in less, a writer who uses full-width marks may have needed none
COLLAPSE_SHORT = 6  # ... unless the shorter text, a page's, holds this many half-width commas, brackets, colons, semicolons
COLLAPSE_MAX = 5_000  # more than this (a hostile text, not a report) are left to the engine's cap, one by one
_NOTE = ("；全文共{n}处半角{names}都是这样，没有一处用全角，而句号、顿号用的是全角：这是网页转存时兼容规范化（NFKC，"
         "全角标点转为半角）留下的特征，多半不是报告原文的问题，所以只作提示；所查若是转存件，请对照发布原文核实；"
         "若是原稿，请一并改为全角（本条代表全部{n}处）")


_QUOTES_NOTE = ("；全文共{n}处双引号都是半角，没有一处用全角引号：多为编辑器关闭了引号的自动替换，或转换工具（如 pandoc "
                "转出的 Markdown）把“”改成了直引号，请一并改为全角（本条代表全部{n}处）")


class AsciiPunctuationOptions(KindOptions):
    marks: str = Field(default=",;:?!()\"", description="要检查的半角标点")
    exempt_list_markers: bool = True
    collapse_normalised: bool = Field(
        default=True, description="全文呈现兼容规范化（NFKC）的特征时（逗号、冒号、括号等全是半角，句号、顿号是全角），"
                                  "只报告一条，代表全部半角标点；全文的双引号都是半角、没有一处全角引号时，也只报告"
                                  "一条；false：逐处报告")


@register
class AsciiPunctuation(Kind[AsciiPunctuationOptions]):
    name = "ascii-punctuation"
    Options = AsciiPunctuationOptions
    params = frozenset({"mark", "replacement", "note", "mark_name", "replacement_name"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        found = self._found(report)
        if not self.options.collapse_normalised:
            yield from found
            return
        head = list(islice(found, COLLAPSE_MAX + 1))
        if len(head) > COLLAPSE_MAX:
            yield from head
            yield from found
            return
        # the marks of a text that shows how it was made, each kind reported once for all: a normalised copy's , ; :
        # ( ) (NFKC), and the straight quotes of a text with no curly one (an editor's or a converter's)
        ones: dict[int, Hit] = {}
        folded: set[int] = set()
        nfkc = [h for h in head if h.params["mark"] in _NFKC_MARKS]
        if len(nfkc) >= COLLAPSE_MIN and normalised_copy(report):
            names = "、".join(dict.fromkeys(_NFKC_MARKS[h.params["mark"]] for h in nfkc))
            ones[id(nfkc[0])] = self._one(nfkc, _NOTE.format(n=len(nfkc), names=names), "normalised-copy",
                                          {"normalised": "NFKC"}, f"将全文{len(nfkc)}处半角标点改为全角")
            # (a Chinese input method switches every mark at once — 。 becomes . too: a writer does not leave this; the
            # store that copied the page does, so the finding is a note, not a warning against the report)
            ones[id(nfkc[0])].severity = "info"
            folded.update(map(id, nfkc))
        quotes = [h for h in head if h.params["mark"] == '"']
        if len(quotes) >= COLLAPSE_MIN and straight_quotes_only(report):
            ones[id(quotes[0])] = self._one(quotes, _QUOTES_NOTE.format(n=len(quotes)), "straight-quotes",
                                            {"straight_quotes": True}, f"将全文{len(quotes)}处半角双引号改为全角引号")
            folded.update(map(id, quotes))
        for h in head:  # in document order: each collapsed finding at its first mark, the others as they come
            if id(h) in ones:
                yield ones[id(h)]
            elif id(h) not in folded:
                yield h

    @staticmethod
    def _one(hits: list[Hit], note: str, key: str, extra: dict, fix_description: str) -> Hit:
        """One finding standing for ``hits`` (at the first of them in a text of sentences — not on a line of the
        page's fields the portal detection let through, 时间:… 点击:, nor beside a brand's letters, 某某app:), with
        their fixes, each applicable alone."""
        first = next((h for h in hits if h.block is not None and _prose_like(h.block.text) and not _by_letters(h)),
                     hits[0])
        by_mark: dict[str, int] = {}
        for h in hits:
            by_mark[h.params["mark"]] = by_mark.get(h.params["mark"], 0) + 1
        return Hit(block=first.block, start=first.start, end=first.end, params={**first.params, "note": note},
                   evidence={**first.evidence, "count": len(hits), "by_mark": by_mark, **extra}, key=key,
                   fix=[e for h in hits for e in h.fix or ()] or None, fix_description=fix_description,
                   fix_independent=True)

    def _found(self, report: AnnualReport) -> Iterator[Hit]:
        marks = set(self.options.marks)
        # the marks found anywhere in the prose (the blocks but the tables), each by str's own search over their texts
        # joined by NULs (:attr:`AnnualReport.prose_text`; a NUL, when it is a mark, found between them too: those
        # NULs are passed over below); most reports hold none, and are done with here, before their blocks are walked
        # (≈8 µs a report: the page's lines below asked of each).  A mark found only on the page's lines makes a
        # pattern that finds it only there: the blocks read are the same as with the marks of the rest alone
        text = report.prose_text
        present = "".join(sorted(m for m in marks if m in text))
        if not present:
            return  # no mark: _check_text finds nothing
        any_mark = _any_mark(present)  # built once, not per block
        portal = report.portal
        title = report.title_block
        blocks, starts = report.text_blocks, report.block_starts[1]
        pos = 0
        # the blocks that hold a mark (_check_text finds nothing in the others: most blocks), found by the search over
        # the joined text, resumed at the next block's start (not a search a block)
        while (m := any_mark.search(text, pos)) is not None:
            at = m.start()
            i = bisect_right(starts, at) - 1
            pos = starts[i + 1]
            if at == pos - 1:
                continue  # the NUL that joins the block to the next (a NUL a mark): not the block's
            block = blocks[i]
            # the page's own lines — its header above the report's title (您好,请登录; 欢迎您!) and its lines of fields
            # (文件编号: 所属机构: 归档时间:) — are the site's, not the clerk's text: neither reported nor counted
            if report.above_title(block) or portal.is_line(block):
                continue
            fields: list[PortalSpan | _Span] = [*portal.in_block(block)]
            if block is title and (value := field_value(block.text.strip())) != block.text.strip():
                # the title in a catalogue's title field (标题: 某某县…年度报告): the label is the page's
                fields = [*fields, _Span(0, block.text.find(value))]
            yield from self._check_text(block, block.text, marks, fields)

    def _check_text(self, block, text: str, marks: set[str], portal=()) -> Iterator[Hit]:
        if not marks or _any_mark("".join(sorted(marks))).search(text) is None:
            return  # none of the marks (one scan, not one per mark)
        skip = [False] * len(text)
        for span in portal:  # the portal's fields (发布日期: …), not the clerk's text
            for k in range(span.start, span.end):
                skip[k] = True
        aligns = [m.span() for m in _ALIGN.finditer(text)] if "---" in text else []
        glosses = [m.span() for m in PINYIN_GLOSS.finditer(text)] if TONE.search(text) else []
        for a, b in [*url_spans(text), *(m.span() for m in _MD_LINK.finditer(text)), *entity_spans(text), *aligns,
                     *glosses]:
            for k in range(a, b):
                skip[k] = True
        if self.options.exempt_list_markers:
            for line_m in re.finditer(r"[^\n]+", text):
                mm = _LIST_MARKER.match(line_m.group(0))
                if mm:
                    for k in range(line_m.start(), line_m.start() + mm.end()):
                        skip[k] = True
        code = [m.span() for m in _CODE_SPAN.finditer(text)] if "`" in text else []
        hits = list(islice(self._marks(block, text, marks, skip, code), BLOCK_HITS_MAX))
        yield from _with_partners(block, text, hits, skip, code) if ("(" in marks or ")" in marks) else hits

    @staticmethod
    def _marks(block, text: str, marks: set[str], skip: list[bool], code: list[tuple[int, int]]) -> Iterator[Hit]:
        quote_open = True
        seen = 0  # the text before it read for curly quotes (a straight one after “ closes it: “公开是原则…例外")
        nested: dict[int, str] = {}  # the closing one of a pair of straight quotes inside curly ones: its ’
        n = len(text)
        for i in _beside_chinese(text, "".join(sorted(marks))):
            ch = text[i]
            if skip[i]:
                continue
            prev = _neighbour(text, i, -1)
            nxt = _neighbour(text, i, 1)
            if ch in ",:" and prev.isdigit() and nxt.isdigit():
                continue  # 1,000 / 15:08 / 3:2
            if not (_CJK.match(prev) or _CJK.match(nxt)):
                continue  # English or numbers only: not Chinese text
            if ch == "?" and _lost_character(text, i):
                continue  # a character the copy could not encode (????根据《条例》…, 一、总体情况?): no question
            if ch in "?!" and (_GARBLE.match(text, i - (ch == "!")) or _GARBLE.search(text, max(0, i - 6), i)):
                continue  # a copy's text decoded out of step (“三審三?!敝贫?, ?。ㄒ唬┲鲃?): no mark of the clerk's
            if ch == '"' and i in nested:
                repl = nested.pop(i)
            elif ch == '"':
                last = max(text.rfind("“", seen, i), text.rfind("”", seen, i))
                if last >= 0:
                    quote_open = text[last] == "”"
                seen = i + 1
                partner = None if quote_open else _inner_pair(text, i)
                if partner is not None:  # “陕西省"互联网+监管"系统”: a quotation inside a quotation, ‘…’ (GB/T 15834)
                    repl, nested[partner] = "‘", "’"
                else:
                    repl = "“" if quote_open else "”"
                    quote_open = not quote_open
            else:
                repl = FULL[ch]
            end = i + 1
            # a space after the half-width mark is not needed after a full-width one
            while end < n and text[end] == " " and ch not in "(\"" and repl != "“":
                end += 1
            in_code = any(a <= i < b for a, b in code)  # still reported, but code is never rewritten
            yield Hit(block=block, start=i, end=i + 1,
                      params={"mark": ch, "replacement": repl, "note": "", **_names(ch, repl)},
                      evidence={"expected": repl, "actual": ch}, key=f"{ch}@{text[max(0, i - 8):i + 8]}",
                      about=(f"mark:{block.index}:{i}",),  # (DL703 leaves a mixed pair's half-width member to it)
                      fix=None if in_code else [FixEdit(block, i, end, repl)],
                      fix_description=(f"将“{ch}”改为“{repl}”" if ch != '"' else
                                       f"将半角双引号改为{_QUOTE_NAMES.get(repl, '全角引号')}"))


_PARTNER_REACH = 300  # characters searched for the other member of a half-width bracket pair, on the same line


def _partner(text: str, i: int) -> int | None:
    """Where the half-width bracket that pairs with the one at ``i`` is (``(`` … ``)``, nested pairs counted), on its
    line and within :data:`_PARTNER_REACH` characters; None when there is none there, or when a full-width one
    closes (opens) it already (``(…）``: the fix makes that pair whole)."""
    if text[i] == "(":
        step, same, other, full, stop = 1, "(", ")", "）", min(len(text), i + _PARTNER_REACH)
    else:
        step, same, other, full, stop = -1, ")", "(", "（", max(-1, i - _PARTNER_REACH)
    depth = 0
    for k in range(i + step, stop, step):
        c = text[k]
        if c == "\n":
            return None
        if c == same:
            depth += 1
        elif c == other:
            if depth == 0:
                return k
            depth -= 1
        elif c == full and depth == 0:
            return None
    return None


def _with_partners(block, text: str, hits: list[Hit], skip: list[bool], code: list[tuple[int, int]]) -> list[Hit]:
    """``hits``, a half-width bracket's fix also writing the other member of its pair full-width when that one is
    not a finding of its own (it stands beside letters or digits: 网站(http://www.example.gov.cn) 下载): one member
    made full-width alone would leave a mixed pair, （http://www.example.gov.cn) — DL703's.  When the other member
    cannot be rewritten (inside a web address, code, a Markdown link's syntax, a character reference), the bracket is
    still reported but gets no fix."""
    at = {h.start for h in hits}
    out = []
    for h in hits:
        i = h.start
        if h.fix is None or i is None or text[i] not in "()":
            out.append(h)
            continue
        j = _partner(text, i)
        if j is None or j in at:
            out.append(h)
            continue
        protected = skip[j] or any(a <= j < b for a, b in code)
        repl = FULL[text[j]]
        fix = None if protected else [*h.fix, FixEdit(block, j, j + 1, repl)]
        description = f"{h.fix_description}（与之配对的“{text[j]}”一并改为“{repl}”）" if fix else None
        out.append(replace(h, fix=fix, fix_description=description))
    return out


_SENTENCE_MARKS = re.compile("[。、]")  # what a normalised copy's prose keeps full-width and a line of fields lacks
_FIELD_START = re.compile(r"\s*[•·●▪■◆*-]?\s*[\u4e00-\u9fff ]{1,8}\s*[:：]")  # 时间: …, • 来源: … (a page's field)


def _prose_like(text: str) -> bool:
    """A text of sentences (a 。 or 、 in it), or a long line that does not open with a field's label."""
    return _SENTENCE_MARKS.search(text) is not None or (len(text.strip()) > 40 and not _FIELD_START.match(text))


def _by_letters(h: Hit) -> bool:
    """Whether the mark of ``h`` stands right after ASCII letters (体育彩票app:, 365bet(: an injected brand's)."""
    text, i = h.block.text if h.block is not None else "", h.start or 0
    return i > 0 and text[i - 1].isascii() and text[i - 1].isalpha()


_QUOTE_NAMES = {"“": "左引号", "”": "右引号", "‘": "左单引号", "’": "右单引号"}
_QUOTES = re.compile('["“”]')


def _inner_pair(text: str, i: int) -> int | None:
    """Where the straight quote that closes the one at ``i`` is, when the two stand inside an open curly quotation
    (“…"…"…”: the next quotation mark is straight and the one after it the curly ”), else None."""
    j = _QUOTES.search(text, i + 1, i + 200)
    if j is None or j.group() != '"':
        return None
    k = _QUOTES.search(text, j.end(), j.end() + 200)
    return j.start() if k is not None and k.group() == "”" else None
_QUESTION_WORDS = re.compile(r"吗|呢|什么|怎么|怎样|如何|是否|为何|为什么|哪|谁|几|多少")
_BLANK = " \t\u3000\xa0"


@dataclass(frozen=True)
class _Span:
    """A stretch of a block's text left out like a portal field's (its ``start`` and ``end``)."""

    start: int
    end: int


# what text decoded one byte out of step (a GBK page read from the wrong byte: （一）主动 → ?。ㄒ唬┲鲃?, “三审三校”制度 →
# “三審三?!敝贫?) leaves at a lost character: ?! or ?。, or a ? before the bopomofo of GBK's row A8
_OUT_OF_STEP = r"\?(?:[。!]|[\u3105-\u3129]|,[A-Z])"
_GARBLE_STEP = re.compile(_OUT_OF_STEP)
# (… and, for a ?, one for a glossed character's lost bracket: 鲃?dòng), 暾?qǐng))
_GARBLE = re.compile(_OUT_OF_STEP + r"|\?(?=[a-zü]{0,5}[" + TONES + r"])[a-zü" + TONES + r"]{1,6}\)")
_GARBLE_NEAR = 12  # characters around an unpaired quote or bracket in which such a trace makes it the garbling's


def _lost_character(text: str, i: int) -> bool:
    """Is the ``?`` at ``i`` a character a copy could not encode (a space, a symbol: ????根据…) rather than a question
    mark: two or more in a row (spaces between them or not), or one that starts its line, or one that ends a line without a question word?"""
    if text[max(0, i - 8):i].rstrip(_BLANK)[-1:] == "?" or text[i + 1:i + 9].lstrip(_BLANK)[:1] == "?":
        return True  # (? ?(二)…: spaces between them too)
    start = text.rfind("\n", 0, i) + 1
    end = text.find("\n", i)
    end = len(text) if end < 0 else end
    if not text[start:i].strip(_BLANK):
        return True
    return not text[i + 1:end].strip(_BLANK) and _QUESTION_WORDS.search(text, start, i) is None


def _names(mark: str, repl: str) -> dict[str, str]:
    """How the message names the mark and its replacement: ``标点“,”`` / ``“，”``; a quotation mark inside 「“”」 is
    unreadable (``“"”``, ``“““``), so it is named: ``双引号（"）`` / ``左引号（“）``."""
    if mark == '"':
        return {"mark_name": '双引号（"）', "replacement_name": f"{_QUOTE_NAMES.get(repl, '引号')}（{repl}）"}
    return {"mark_name": f"标点“{mark}”", "replacement_name": f"“{repl}”"}


# what NFKC makes half-width and a normalised copy therefore never holds: the full-width forms of ASCII (，（）：；！？
# ０–９ Ａ–Ｚ …) and the ideographic space.  Not …, ①, ㈠ or ㎡: stores that make the first half-width were seen keeping
# these (a text holding one is still such a copy)
_FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000]")


def normalised_copy(report: AnnualReport) -> bool:
    """Whether the report's text holds none of what NFKC normalisation makes half-width (:data:`_FULL_WIDTH`: no
    full-width comma, bracket, digit or letter, no ideographic space) while it has full-width 。 and 、 (at least three
    in all), which NFKC keeps: the marks of a copy whose store normalised it, or of a clerk who typed every comma and
    bracket half-width.  A text shorter than :data:`COLLAPSE_TEXT` says too little either way, unless it is a page's
    text (read as text or HTML: an excerpt, a copy) with :data:`COLLAPSE_SHORT` half-width commas, brackets, colons or
    semicolons (a clerk's short draft keeps them one by one)."""
    text = "\n".join([b.text for b in report.lintable_blocks])
    short_copy = report.document.format in ("text", "html") and sum(map(text.count, ",():;")) >= COLLAPSE_SHORT
    return (len(text) >= COLLAPSE_TEXT or short_copy) \
        and text.count("。") + text.count("、") >= COLLAPSE_MIN and _FULL_WIDTH.search(text) is None


def straight_quotes_only(report: AnnualReport) -> bool:
    """Whether the report's text, long enough to say (:data:`COLLAPSE_TEXT`), holds no curly double quote (“”): its
    straight ones are then all of them, typed so or made so by a converter, not a slip here and there."""
    text = "\n".join([b.text for b in report.lintable_blocks])
    return len(text) >= COLLAPSE_TEXT and "“" not in text and "”" not in text


_CJK_CHARS = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’《》"  # those of _CJK


@lru_cache(maxsize=8)
def _any_mark(marks: str) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(m) for m in marks) + "]")


@lru_cache(maxsize=8)
def _beside(marks: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    cls = "[" + "".join(re.escape(m) for m in marks) + "]"
    return (re.compile(rf"[{_CJK_CHARS}][ \t]*(?={cls})"), re.compile(rf"{cls}(?=[ \t]*[{_CJK_CHARS}])"))


def _beside_chinese(text: str, marks: str) -> list[int]:
    """Positions of the ``marks`` in ``text`` with a Chinese character or mark before or after them (spaces and
    tabs skipped) — the only ones the rule may report, found by two scans instead of a step per mark."""
    after, before = _beside(marks)
    return sorted({m.end() for m in after.finditer(text)} | {m.start() for m in before.finditer(text)})


def _neighbour(text: str, i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(text) and text[j] in " \t":
        j += step
    return text[j] if 0 <= j < len(text) else ""


_PROBLEM = {
    "unclosed": "“{mark}”在本段中没有对应的“{expected}”",
    "unopened": "“{mark}”前面没有对应的“{expected}”",
    "reversed": "此处的“{mark}”应为“{expected}”（前后引号用反）",
}


# a text with hundreds of unmatched marks is something the tool misread, not a report with slips: capped by the engine
UnbalancedBracketsOptions = CappedOptions


@register
class UnbalancedBrackets(Kind[UnbalancedBracketsOptions]):
    """``unbalanced-brackets`` (DL703): brackets and quotation marks that do not pair up.

    The analysis is a report fact (:attr:`AnnualReport.brackets`, see
    :mod:`disclosure_lint.report.brackets`).  Members next to an identical mark (《《, ““)
    are DL901's, mixed pairs around a document number's year DL702's.
    """

    name = "unbalanced-brackets"
    Options = UnbalancedBracketsOptions
    params = frozenset({"detail", "mark", "expected"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        return self._hits(report)

    def _hits(self, report) -> Iterator[Hit]:
        br = report.brackets
        lossy: list[str] | None = None
        for u in br.unbalanced:  # (not those left open where the file is cut off: report.brackets leaves them out)
            if u.doubled or _in_portal(report, u.mark) or _page_tool(u.mark):
                continue  # 【字体：/大/中/小/】 one per line: the portal's font switch, not the clerk's text
            if u.mark.char == ")" and _DAMAGED_GLOSS.search(u.mark.piece.text, max(0, u.mark.start - 8), u.mark.start):
                continue  # 欄目?jī)?nèi)容: a copy's pinyin gloss whose "(" the copy turned into "?", not the clerk's bracket
            if u.problem == "unopened" and u.mark.char == ")" and u.mark.piece.text[u.mark.start - 1:u.mark.start] == "?":
                continue  # ?。?)概況信息: a copy whose decoding put ? for the characters of （一） it could not read
            near = u.mark.piece.text[max(0, u.mark.start - _GARBLE_NEAR):u.mark.start + _GARBLE_NEAR]
            if _GARBLE_STEP.search(near):
                continue  # “三審三?!敝贫?: the closing ” lost with the text decoded out of step, not the clerk's quote
            m = u.mark
            detail = _PROBLEM[u.problem].format(mark=m.char, expected=u.expected)
            if m.char == "〔" and YEAR_RUN_IN.match(m.piece.text, m.start + 1):
                detail += _LOST_CLOSE  # 〔202137号: the year run into the number
            elif u.problem == "unopened" and m.char in ")）" and _opens_line(m.piece.text, m.start):
                detail += _LOST_OPENER  # )健全工作机制。: an item's marker （二） that lost its first half
            elif u.problem == "unclosed" or u.problem == "unopened":
                if lossy is None:
                    lossy = lossy_signs(report)
                if lossy:  # the copy lost 年, 月 or 〕 elsewhere: it may have lost this mark's pair too
                    detail += _LOST_MARK.format(signs="、".join(lossy))
            fix = None
            start = m.piece.block_offset(m.start)
            if u.problem == "reversed" and start is not None:
                fix = [FixEdit(m.piece.block, start, start + 1, u.expected)]
            yield _mark_hit(m, params={"detail": detail, "mark": m.char, "expected": u.expected},
                            evidence={"expected": u.expected, "actual": m.char, "problem": u.problem},
                            key=f"{u.problem}{m.char}@{m.piece.text[max(0, m.start - 8):m.start + 8]}",
                            fix=fix, fix_safe=False, fix_description=f"将“{m.char}”改为“{u.expected}”")
        for p in br.odd_pairs:
            o, c = p.open, p.close
            if p.mixed:
                detail = f"“{o.char}”与“{c.char}”全角半角混用，应成对使用“{o.char}{p.expected}”"
            else:
                detail = f"“{o.char}”与“{c.char}”不是同一种括号，应成对使用“{o.char}{p.expected}”"
                if o.char == "〔" and YEAR_RUN_IN.match(o.piece.text, o.start + 1):
                    detail += _LOST_CLOSE  # 〔202130号): the 〕 lost, the ) the outer bracket's
            fix = None
            start = c.piece.block_offset(c.start)
            if start is not None:
                fix = [FixEdit(c.piece.block, start, start + 1, p.expected)]
            # a mixed pair's half-width member that DL701 reports (its fix makes the pair one kind): that finding only
            about = (f"mark:{c.piece.block.index}:{start}",) if p.mixed and start is not None and c.piece.cell is None \
                else ()
            yield _mark_hit(c, about=about, params={"detail": detail, "mark": c.char, "expected": p.expected},
                            evidence={"expected": p.expected, "actual": c.char, "problem": "mixed" if p.mixed
                                      else "mismatched", "opening": o.char},
                            key=f"pair{o.char}{c.char}@{c.piece.text[max(0, c.start - 8):c.start + 8]}",
                            fix=fix, fix_safe=False, fix_description=f"将“{c.char}”改为“{p.expected}”")


_LOST_CLOSE = "（年份与序号连在一起：网页转存的文本常丢失“〕”，也可能是原文漏写，请对照发布原文）"


_LOST_MARK = "（本文别处有转存丢字的痕迹：{signs}，这里的另一半也可能是转存时丢失的，请对照发布原文）"


_LOST_OPENER = "（行首的“)”多是序号“（二）”一类丢了前半，可能是转存时丢失的，请对照发布原文）"


def _opens_line(text: str, i: int) -> bool:
    """Whether the mark at ``i`` starts its line (spaces before it) and a Chinese character follows it."""
    line = text.rfind("\n", 0, i) + 1
    return not text[line:i].strip() and i + 1 < len(text) and "\u4e00" <= text[i + 1] <= "\u9fff"


# a page's tools in brackets, their other half lost in the copy (【字号, 【打印此页】 【关闭, 【字体: 【下载Word】)
_PAGE_TOOL = re.compile(r"[ \t\u3000]*(?:字号|字体|打印|关闭|下载|收藏|分享|返回|大\s*中\s*小|默认|视力保护色|护眼|背景色)")


# … or whose label is before it, its sizes in brackets left empty (…15:19字体【, 字体:【】【】【)
_TOOL_BEFORE = re.compile(r"(?:字号|字体)(?:大小)?[ \t\u3000]*[:：]?[ \t\u3000]*(?:【[^【】\n]{0,4}】[ \t\u3000]*){0,4}$")


# the end of a pinyin gloss whose opening bracket a content farm's copy turned into a question mark (欄目?jī)?nèi)容)
_DAMAGED_GLOSS = re.compile(r"[?？](?=[a-zü]{0,5}[" + TONES + r"])[a-zü" + TONES + r"]{1,6}$")


def _page_tool(m) -> bool:
    """Is the unmatched mark a 【 that opens one of the page's tools (not the clerk's text)?"""
    return m.char == "【" and (_PAGE_TOOL.match(m.piece.text, m.start + 1) is not None
                              or _TOOL_BEFORE.search(m.piece.text[max(0, m.start - 40):m.start]) is not None)


def _in_portal(report, m) -> bool:
    """Is the mark inside a field the portal wrote (``report.portal``: font switch, page tools …), or on a line of the
    page's fields (【信息来源：某某局 【信息时间：…: the brackets around its fields)?"""
    start = m.piece.block_offset(m.start)
    return start is not None and m.piece.cell is None and (report.portal.is_line(m.piece.block)
                                                           or report.portal.covering(m.piece.block, start) is not None)


def _mark_hit(m, **kw) -> Hit:
    piece = m.piece
    if piece.cell is not None:
        return Hit(block=piece.block, cell=piece.cell, start=m.start, end=m.start + 1, **kw)
    return Hit(block=piece.block, start=piece.base + m.start, end=piece.base + m.start + 1, **kw)


# marks whose pair nested right inside a pair of the same marks takes the single form (GB/T 15834-2011): 《…〈…〉…》,
# “…‘…’…”; a third level takes the double form again (《…〈…《…》…〉…》), so only the pair whose nearest enclosing mark
# of its kind is the double one is reported
_NESTED = {"《": ("《〈", "〈", "〉", "书名号", "单书名号"), "“": ("“‘", "‘", "’", "双引号", "单引号")}
_SENTENCE_END = re.compile(r"[。；！？;!?]")
_MAY_NEST = re.compile(r"《[^》\n]*《|“[^”\n]*“")  # (a cheap test first: most reports nest nothing)
# ... and before it, its two branches apart, searched for over the prose joined by NULs (:attr:`AnnualReport.prose_text`),
# each led by its literal, which the engine skips ahead to as str.find does (the alternation is tried at every
# character, and a search a block costs a call: ≈9 µs a report, these ≈1): what either finds in a block's text it finds
# in the joined text, so when they find nothing (most reports) no block holds a match; when they do (it may be across
# two blocks: a quotation over paragraphs opens each with “), the blocks are searched as before
_MAY_NEST_TITLE = re.compile(r"《[^》\n]*《")
_MAY_NEST_QUOTE = re.compile(r"“[^”\n]*“")


@register
class NestedMarks(Kind[KindOptions]):
    """``nested-marks`` (DL706): a 《》 pair right inside another (《关于印发《…格式》的通知》) or a “” pair right inside
    another (“深化“放管服”改革”): the inner pair takes the single form, 〈〉 or ‘’, with a safe fix.  Read from the pairs
    of :attr:`AnnualReport.brackets`; a pair left open or mismatched is DL703's."""

    name = "nested-marks"
    params = frozenset({"inner", "kind", "single", "open", "close"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        prose = report.prose_text
        if ("《" not in prose or _MAY_NEST_TITLE.search(prose) is None) \
                and ("“" not in prose or _MAY_NEST_QUOTE.search(prose) is None):
            return
        if not any(_MAY_NEST.search(b.text) for b in report.text_blocks):
            return
        stack: list = []
        piece = None
        for p in sorted(report.brackets.pairs, key=lambda p: (id(p.open.piece), p.open.start)):
            o, c = p.open, p.close
            if o.piece is not piece:
                piece, stack = o.piece, []
            while stack and stack[-1].close.start < o.start:
                stack.pop()
            if p.mixed or p.mismatched or c.piece is not o.piece or (o.char not in _NESTED and o.char not in "〈‘"):
                continue  # (a quotation over paragraphs: not judged)
            group = _NESTED.get(o.char, _NESTED["《"] if o.char == "〈" else _NESTED["“"])[0]
            outer = next((q for q in reversed(stack) if q.open.char in group), None)
            stack.append(p)
            if outer is None or outer.open.char != o.char or o.char not in _NESTED \
                    or (outer.open.start == o.start - 1 and outer.close.start == c.start + 1
                        and outer.close.piece is c.piece) \
                    or _SENTENCE_END.search(o.piece.text, outer.open.start, outer.close.start):
                continue  # (《《…》》: one pair written twice, DL901's, not a title inside a title; an outer “ over a
                # sentence's end: a stray mark paired with a later one, not a quotation)
            _, single_open, single_close, kind, single = _NESTED[o.char]
            start, end = o.piece.block_offset(o.start), c.piece.block_offset(c.start)
            fix = None
            if start is not None and end is not None and o.piece.cell is None:
                fix = [FixEdit(o.piece.block, start, start + 1, single_open),
                       FixEdit(c.piece.block, end, end + 1, single_close)]
            inner = o.piece.text[o.start:c.start + 1]
            yield _mark_hit(o, params={"inner": inner if len(inner) <= 40 else inner[:39] + "…", "kind": kind,
                                       "single": single, "open": single_open, "close": single_close},
                            evidence={"expected": f"{single_open}…{single_close}", "actual": f"{o.char}…{c.char}",
                                      "outer": outer.open.char},
                            key=f"nested{o.char}@{inner[:20]}", fix=fix, fix_safe=True,
                            fix_description=f"将里层的“{o.char}{c.char}”改为“{single_open}{single_close}”")
