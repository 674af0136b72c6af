"""Totals stated in the prose and the parts listed with them: ``AnnualReport.prose_sums``.

A clerk who writes ``办结申请56件，其中予以公开22件、部分公开5件、…`` states a total and its parts;
the parts are facts about the report that rules can add up (:mod:`disclosure_lint.kinds.prose_sums`)
or compare with table 三 (:mod:`disclosure_lint.kinds.text_vs_table`).  A :class:`ProseSum` holds
the total and every part as a :class:`Figure` (block, offsets, number, unit, category).

**Forms read** (one sentence; ``；`` does not end it):

* total first: ``<keyword>…N<unit>`` then, after ``，`` or ``；`` (or inside brackets), an optional
  marker (其中, 其中包括, 包括, 含, 具体包括, 主要有, 分别为 …) and the parts ``<name>a<unit>、<name>b<unit>…``;
  a change clause between them (``57件，同比增长16.3%，其中…``) is skipped when a marker follows it;
* ``在办结的56件申请中，予以公开…``; and a sentence that starts with ``其中，`` or ``在办结的申请中，``
  whose total is the last number of the sentence before (in the same block);
* total last: ``自然人申请50件、法人或其他组织申请8件，共计58件`` (typed parts only).

**Breakdowns** (``ProseSum.kind``) and when they are *exhaustive* (the parts must add up to the total):

* ``results`` — total 办结/答复/办理完毕 (never 收到 or 共需办理, which include carried-over or unfinished
  applications); parts 予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理.  Exhaustive when all six
  are listed, or 予以公开及部分公开 as one part and the other four.
* ``applicants`` — total 收到/新收/受理/办结 … 申请; parts 自然人 (公民, 个人), 法人或其他组织 (法人), or
  its five kinds 商业企业 (企业), 科研机构, 社会公益组织, 法律服务机构, 其他组织.  Exhaustive when
  自然人 and 法人或其他组织 are listed, or 自然人 and all five kinds.
* ``flow`` — total 收到/受理/处理/共需办理; parts 本年新收, 上年结转.  Exhaustive when both are listed.
* ``review`` / ``litigation`` — total 行政复议 / 行政诉讼 (起诉); parts 结果维持, 结果纠正, 其他结果,
  尚未审结.  Exhaustive when all four are listed.
* ``disclosed`` — total 主动公开 / 公开…信息 / 公布…信息 / 发布…信息; parts any categories of information.
  Exhaustive only when three parts or more end with one that takes in the rest (其他应主动公开政府信息, 其他信息)
  and they add up to less than the total (more is DL237's, as for any list).  Without a marker the parts must be at least two bare noun phrases (not led by a verb
  such as 发布, 通过, 开展); a part naming a channel (网站, 微信, 公众号, 专栏 …: another dimension) or a way of
  disclosing (依申请公开, 不予公开 …: the total's siblings) ends the list.

**A part** is a short name, its number and the total's unit (件/起/宗/例 count as one unit for typed
breakdowns; 条 and 件 differ for ``disclosed``, but for documents counted in 件 among information in 条:
``规范性文件2件``), followed by a separator, optionally with a bracket
(opaque) or a percentage (``，占33.9%``).  A subtotal of two parts already listed (``予以公开和部分公开共26件``
after both) is skipped, not counted again.  ``disclosed`` parts may be separated by ``；`` (``其中：①…；②…``) unless
what follows the ``；`` is a clause of its own (a verb, 全年, 累计 …).  After a list of lawsuit groups (直接起诉2件、
复议后起诉1件，结果维持…) the results are not the last group's parts.  The list ends at the first thing that is not such a part:
a clause with other words after the unit (``行政处罚决定1257件逐案公开``), another unit, a category of
another breakdown, a scope or channel word, a proposal or message count (建议, 提案, 留言 …).

**Skipped sums** (never reported): a total of another year (the rules of :mod:`.claims`), of a part of
the year, a change (同比, 较上年, 增加 …), an approximation (约, 近, 余, 多, 以上, 超过 …), a number range
(``5-10件``); a part with any of these, or with a year other than the carried-over year (a part that is one
document named with its year, last year's annual report published this year, is a part); a nested
breakdown (a second ``其中`` inside the list).  Work is linear in the text: every look-back is bounded.

The keywords of a total and the names of the parts, with how a part's name is classified, are in
:mod:`.prose_sum_names`; the model (:class:`ProseSum`, :class:`Figure`) in :mod:`.prose_sum_model`.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..memo import Kept, search_gate
from . import prose_sum_shapes as shapes
from .claim_keywords import RESULT_IN_GAP as _RESULT_IN_GAP
from .claims import table_blocks
from .prose_reading import APPROX_CLAUSE as _APPROX_CLAUSE
from .prose_reading import CHANGE as _CHANGE
from .prose_reading import OFF_TOPIC as _OFF_TOPIC
from .prose_reading import PART_YEAR as _PART_YEAR
from .prose_reading import PAST as _PAST
from .prose_reading import RANGE_BEFORE as _RANGE_BEFORE
from .prose_reading import YEAR as _YEAR
from .prose_reading import approximate_before, cn_int, sentence_facts, sentences
from .prose_sum_model import CATEGORY_LABELS as CATEGORY_LABELS
from .prose_sum_model import EXHAUSTIVE as EXHAUSTIVE
from .prose_sum_model import KIND_LABELS as KIND_LABELS
from .prose_sum_model import KINDS as KINDS
from .prose_sum_model import TYPED as TYPED
from .prose_sum_model import Figure as Figure
from .prose_sum_model import ProseSum as ProseSum
from .prose_sum_model import new_figure as _figure
from .prose_sum_names import TOTAL_KW as _TOTAL_KW
from .prose_sum_names import VERB_LED as _VERB_LED
from .prose_sum_names import YEAR_REPORT as _YEAR_REPORT
from .prose_sum_names import classify as _classify

# -- numbers ---------------------------------------------------------------------------------------------

_FIG = re.compile(
    r"(?=[\d零〇一二两三四五六七八九十百千])(?:"
    r"(?<![\d.．,０-９])(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?![\d.．０-９%％])\s?(?P<unit>[件条个项篇份起宗例])"
    r"|(?<![零〇一二两三四五六七八九十百千第])(?P<cn>[零〇一二两三四五六七八九十百千]{1,6})(?P<cunit>[件起宗例]))")
_COUNT_UNITS = frozenset("件起宗例")
# the last character (spaces and newlines stripped) of every text that RANGE_BEFORE or approximate_before finds a match
# at the end of (5-, 5至, 约, 超过, 不足, 不到, 上百, 数 …): a number after none of them is neither (one set test first)
_BEFORE_LAST = frozenset("-—–~～至到约近逾过超足百数")
# every match of _FIG holds one of its units: a text without any has no figure, and this class search is several times
# faster than _FIG's own (which stops at every numeral: 一、, 十 …)
_ANY_UNIT = re.compile("[件条个项篇份起宗例]")
# a unit right after a digit (or a digit and a space), or a count unit right after a Chinese numeral: where every match
# of _FIG ends (tests/test_fast_paths_t4_struct).  It starts with a plain class, so the engine skips to the units in C
# and tests the look-behinds only there; _FIG, which starts with a look-ahead (and \d is a Unicode category), is tried at
# every character of the text.  《条例》, 事项, 文件 have units but no figure: the gate is several times faster than
# _FIG's own search on them
_FIG_GATE = re.compile(r"[件条个项篇份起宗例](?:(?<=\d.)|(?<=\d\s.)|(?<=[零〇一二两三四五六七八九十百千][件起宗例]))")
# what a figure holds before its unit: digits (\d: str.isdecimal), commas, a space (\s: str.isspace), Chinese numerals
_FIG_BODY = frozenset(",零〇一二两三四五六七八九十百千")
# _FIG's Arabic branch led by its first digit (the look-behind after it says what _FIG's says before it), with _FIG's
# groups in its order (cn and cunit never take part): the same matches, groups and spans in a sentence without a match of
# _CN_GATE (where a figure in Chinese numerals ends: its unit after a numeral), which holds no match of the other branch.
# Led by a group whose first item is a class, ``re`` scans for a digit in C, where _FIG's look-ahead is tried at every
# character (and no start need be worked out: :func:`figures_from`).  tests/test_fast_paths_t13_stats.py
_FIG_ARABIC = re.compile(
    r"(?P<num>\d(?<![\d.．,０-９]\d)(?:\d{0,2}(?:,\d{3})+|\d*))(?![\d.．０-９%％])\s?(?P<unit>[件条个项篇份起宗例])"
    r"(?:(?P<cn>(?!))(?P<cunit>))?")
_CN_GATE = re.compile(r"[件起宗例](?<=[零〇一二两三四五六七八九十百千].)")


def figures_from(sent: str, unit: int) -> int:
    """Where _FIG's search of ``sent`` may start when the first match of _FIG_GATE is at ``unit``: the start of the run
    of characters a figure holds before its unit (:data:`_FIG_BODY`, digits, spaces) that ends there.  Every match of
    _FIG ends at a match of the gate (a unit), its other characters all of that run: no match starts before it, and
    the look-behinds see the text before it (``finditer(sent, pos)`` keeps the whole string), so the matches from there
    are _FIG's matches of the whole sentence; _FIG, led by a look-ahead, is tried at every character it is given
    (tests/test_fast_paths_t13_stats.py)."""
    i = unit
    while i and ((c := sent[i - 1]) in _FIG_BODY or c.isdecimal() or c.isspace()):
        i -= 1
    return i


# -- totals ----------------------------------------------------------------------------------------------

_KINDS_OF_TOTAL = {
    "handled": ("results", "applicants"), "new": ("applicants",), "received": ("applicants", "flow"),
    "in_total": ("flow", "applicants"), "review": ("review",), "litigation": ("litigation", "litigation_routes"),
    "direct": ("litigation",), "after_review": ("litigation",), "disclosed": ("disclosed",),
}
_LOOKBACK = 32  # a total's keyword is at most this far before its number
_TOTAL_GAP = re.compile(r"^[^\d０-９，,；;。：:]{0,22}$")
_CONNECT = re.compile(
    r"\s*(?P<open>[（(])?\s*(?P<semi>[，,；;]\s*)?(?P<late>[（(](?=\s*其中))?"  # (…2599条，(其中…856条): 其中 bracketed
    r"(?P<marker>其中(?:包括|包含|有)?|具体(?:包括|包含|为|是|有)|主要(?:包括|包含|有|为|是)|包括|包含|含|涵盖)?"
    r"\s*[：:，,]?\s*")

# the last category of a list of information that takes in the rest (其他应主动公开政府信息, 其他类信息, 其他信息)
_CATCH_ALL = re.compile(r"其[他它](?:类|应|信息|方面|事项|政府信息|政务信息|公开信息|工作信息|各类|(?=\d))")  # (其他15条)


def _opens(con: re.Match[str]) -> bool:
    """Whether a :data:`_CONNECT` match opens a bracket around the list (before its comma or after it)."""
    return bool(con.group("open") or con.group("late"))


_IN_TOTAL = re.compile(r"\s*(?:政府信息公开|依申请公开)?(?:申请|事项)?中\s*[，,：:]?\s*")  # 在办结的56件申请中，
_BACKREF = re.compile(r"\s*(?:其中\s*[，,：:]?|(?:在|对)?(?:已|本年度?|全年)?(?P<handled>办结|答复|办理完毕|处理完毕)的?"
                      r"(?:政府信息公开)?(?:申请|事项)?(?:中|里)\s*[，,：:]?)\s*")
# a rate of the whole after the total (…116条，全文电子化率达100%。其中…): not a figure of its own
_RATE_CLAUSE = re.compile(r"\s*[，,]\s*[^，,；;。\d]{0,12}?(?:率|比例|占比)(?:达到|达|为|是)?\s*\d+(?:\.\d+)?\s*[%％]")
_SUM_WORD = re.compile(r"共|合计|总计")
_OBJECT_AFTER = re.compile(r"(?:各类|各项)?(?:政府|政务)?信息(?=\s*(?:[，,；;（(：:]|其中))")
_LED_BY_OF_WHICH = re.compile(r"\s*其中\s*[，,：:]?\s*(?:已|均)?")  # a clause that opens with 其中 before its keyword
_FILES = re.compile(r"(?:文件|公文)\s*$")  # a part of documents, counted in 件 where the information is in 条
_DOCUMENTS = re.compile(r"(?:答复函|答复件|答复文件|办理结果|复文)$")  # a proposal's answers, published: information
_ENUM_MARKS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳ "
_SEMI_STOP = re.compile(r"全年|本年|今年|当年|累计|共计|合计|总计|另|此外|同时")
_CHANGE_CLAUSE = re.compile(r"\s*[，,]\s*(?:同比|环比|较上一?年度?|比上一?年度?|较去年|比去年)[^，,；;。\d]{0,8}"
                            r"(?:\d+(?:\.\d+)?\s*[%％]|\d+\s*[件条个项篇份起宗例]|[^，,；;。\d]{0,4})(?=\s*(?:[，,；;]|$))")
_NOT_TOTAL = re.compile("|".join(f"(?:{p.pattern})" for p in (_CHANGE, _PAST, _APPROX_CLAUSE, _OFF_TOPIC)))
_AFTER_TOTAL = re.compile(r"\s*(?:[，,；;]\s*)?(?:以上)?(?:共计|合计|总计|总共|一共|共需办理|共)(?:为|达|有)?\s*$")

# -- parts -----------------------------------------------------------------------------------------------

_GENERIC_OBJECT = re.compile(r"^(?:了)?(?:各类|各项|各种)?(?:政府|政务)?信息(?:数量?)?(?:共计?|计|达|为|合计|总计)?$")
_ITEM_SEP = re.compile(r"\s*(?:(?P<p>[，,、；;])\s*(?:以及|和|及|与)?|以及|和|及|与)\s*")
_TAIL = re.compile(r"(?:\s*[（(][^（()）。]{0,160}[）)])?"  # a bracket, then a percentage: （…），占33.9%
                   r"(?:\s*[，,]?\s*[（(]?\s*(?:约|近)?(?:占(?:比)?(?:为)?|比例为|占比为?)[^，,。；;\d%％]{0,10}?"
                   r"\d+(?:\.\d+)?\s*[%％]\s*[）)]?)?")
_DIGIT = re.compile(r"[\d０-９]")
_CARRY = re.compile(r"结转|转结|转入|遗留")
_PART_END = re.compile(r"\s*(?:[，,、；;。）)]|以及|和|及|与|$)")
# a part's name matches none of _DIGIT, _CHANGE, _PART_YEAR, _APPROX_CLAUSE, _PAST, _OFF_TOPIC unless their union finds
# something in it: one search (a short name most often holds none) instead of six
_NAME_FLAGS = re.compile("|".join(f"(?:{p.pattern})" for p in (_DIGIT, _CHANGE, _PART_YEAR, _APPROX_CLAUSE, _PAST,
                                                                  _OFF_TOPIC)))
# searched as two: a digit, or _NAME_WORDS — every alternative of the union but _DIGIT led by a literal character (of
# the part-of-year words those without a digit, 前三个月 cut to its first characters), so that ``re``
# scans for those characters in C where the union, one of whose alternatives starts with a look-ahead, is tried at every
# position.  The two find something wherever the union does; where they find something the union does not, the tests
# they gate find nothing, as when they are passed over (tests/test_fast_paths_t5_text.py)
_NAME_WORDS = re.compile("|".join(p.pattern for p in (_CHANGE, _APPROX_CLAUSE, _PAST, _OFF_TOPIC))
                         + r"|上半年|下半年|季度|前[一二三四五六七八九十]")


def _number(m: re.Match[str]) -> int | None:
    cn = m.group("cn")
    return cn_int(cn) if cn else int(m.group("num").replace(",", ""))


def _count(m: re.Match[str]) -> int:
    """The number of a figure :meth:`_Reader._fig_ok` accepted (which it checked is not None)."""
    n = _number(m)
    assert n is not None
    return n


def _always(m: re.Match[str] | None) -> re.Match[str]:
    """The match of a pattern that matches the empty string (``_CONNECT``, ``_TAIL``): it never fails."""
    assert m is not None
    return m


def _unit(m: re.Match[str]) -> str:
    return m.group("unit") or m.group("cunit")


def _same_unit(kind: str | None, a: str, b: str) -> bool:
    if a == b:
        return True
    return kind in TYPED and a in _COUNT_UNITS and b in _COUNT_UNITS


_WINDOW_KW: Kept[str, tuple[str, int, int] | None] = Kept("prose sums: the keyword before a figure", 8192)
_UNSEEN = ("", -1, -1)  # not kept yet (an answer is a keyword's (metric, start, end) or None)


def _window_keyword(window: str) -> tuple[str, int, int] | None:
    """(metric, start, end) of the last total keyword of ``window`` (the clause before a figure, ≤ _LOOKBACK characters)
    when a short gap without a result's name follows it and no change, past, approximation or off-topic word is in the
    window with the keyword blanked (行政复议案件 is no 议案); else None.  Kept for the next report (a pure function of
    the window's text; the words before a figure recur: 被申请行政复议, 全年共办结 …); bounded: cleared when full."""
    got = _WINDOW_KW.get(window, _UNSEEN)
    if got is not _UNSEEN:
        return got
    kw: re.Match[str] | None = None
    before: re.Match[str] | None = None
    for m in _TOTAL_KW.finditer(window):
        before, kw = kw, m  # the last match is kept, and the one before it
    if (kw is not None and before is not None and kw.lastgroup == "in_total" and before.lastgroup == "disclosed"
            and kw.start() - before.end() <= 6):
        kw = before  # 发布及公开的信息全年共计538条: the information's total, 共计 its sum word
    if kw is None or not _TOTAL_GAP.match(window[kw.end():]) or _RESULT_IN_GAP.search(window, kw.end()):
        got = None  # (办结的申请中同意公开答复9件: that result's count)
    elif _NOT_TOTAL.search(window[:kw.start()] + "　" * (kw.end() - kw.start()) + window[kw.end():]):
        got = None  # one search of the union
    else:
        metric = kw.lastgroup
        assert metric is not None  # every alternative of _TOTAL_KW is a named group
        got = (metric, kw.start(), kw.end())
    return _WINDOW_KW.keep(window, got)


_BLOCK_FIG: Kept[str, bool] = Kept("prose sums: whether a block may hold a figure", 4096)
# whether _FIG_GATE finds something in a block's text, kept for the next report (72 % of the generated reports' prose
# blocks recur, most without a figure)
_has_figure = search_gate(_BLOCK_FIG, _FIG_GATE.search)


class _Reader:
    def __init__(self, report):
        self.report = report
        self.year = report.year
        self.skip = table_blocks(report)
        self.by_value = False  # the sentence being read had a list ended by its numbers (not kept by its shape)

    def run(self) -> list[ProseSum]:
        out: list[ProseSum] = []
        for block in self.report.text_blocks:
            if block.index in self.skip:
                continue
            text = block.text
            has = _BLOCK_FIG.get(text)  # (_has_figure's kept answer looked up here: no call for most blocks)
            if not (_has_figure(text) if has is None else has):
                continue  # no figure in the block
            prev: tuple[int, str, list[re.Match[str]]] | None = None
            for s0, s1 in sentences(text):
                sent = text[s0:s1]
                g = _FIG_GATE.search(sent)
                if g is None:
                    figs = []
                elif _CN_GATE.search(sent, g.start()) is None:  # no figure in Chinese numerals (most sentences)
                    figs = list(_FIG_ARABIC.finditer(sent))
                else:
                    figs = list(_FIG.finditer(sent, figures_from(sent, g.start())))
                if figs:
                    self._sentence(block, s0, sent, figs, prev, out)
                prev = (s0, sent, figs)
        return out

    # -- one sentence ----------------------------------------------------------------------------
    def _sentence(self, block, s0, sent, figs, prev, out: list[ProseSum]) -> None:
        back = _BACKREF.match(sent)
        if len(figs) < 2 and not back:
            return  # a sum needs a total and a part
        if not (back and prev is not None and prev[2] and figs[0].start() > back.end() - 1):
            prev = None  # no 其中 referring to the sentence before (_backref's test)
        key = shapes.key(sent, figs, prev, self.year)
        kept = shapes.SHAPES.get(key) if key is not None else None
        if kept is not None:  # a sentence of this shape read before (prose_sum_shapes)
            out += shapes.rebuild(kept, block, s0, sent, figs, prev)
            return
        n = len(out)
        self.by_value = False
        self._read(block, s0, sent, figs, prev, back, out)
        if key is not None and not self.by_value:  # (a list ended by what its numbers add up to: read afresh)
            shapes.SHAPES.keep(key, shapes.templates(out[n:], s0, figs, prev))

    def _read(self, block, s0, sent, figs, prev, back, out: list[ProseSum]) -> None:
        self.sent = sent
        self.stripped = sent.strip()  # one copy per sentence, shared by its sums
        self.figs = figs
        self.clause_bounds, self.time = sentence_facts(sent)
        self.has_app = "申请" in sent  # _APPLICATION
        self.items = back is not None  # a sentence led by 其中: its figures are the parts of a total before it
        sum_words = self.sum_words = [m.start() for m in _SUM_WORD.finditer(sent)]  # where a total-last total may be
        self.lawsuit_ends: dict[str, int] = {}  # end of the first 直接起诉 / 复议后起诉 / 行政诉讼 keyword
        if "诉" in sent:  # every match of those three alternatives holds 诉 (起诉, 诉讼, 应诉)
            for k in _TOTAL_KW.finditer(sent):
                if k.lastgroup in ("direct", "after_review", "litigation"):
                    self.lawsuit_ends.setdefault(k.lastgroup, k.end())
        used: set[int] = set()
        if prev is not None:
            self._backref(block, s0, back, prev, out, used)
        last = len(figs) - 1
        for i in range(len(figs)):
            # a part may itself be broken down (未经复议直接起诉2件（结果维持1件、尚未审结1件）)
            # (the last figure has no figure after it to list: _total_first would find no part)
            got = self._total_first(block, s0, i) if i < last else None
            if got is None and sum_words and i not in used:  # no 共/合计/总计: no total-last list (_total_last's test)
                got = self._total_last(block, s0, i)
            if got is not None:
                s, idx = got
                out.append(s)
                used.update(idx)

    def _clause_start(self, pos: int) -> int:
        i = bisect_left(self.clause_bounds, pos) - 1
        return self.clause_bounds[i] + 1 if i >= 0 else 0

    def _fig_ok(self, f: re.Match[str]) -> bool:
        """Not an approximation nor a range (约50件, 数十件, 5-10件), and a number that reads (二三件 does not)."""
        sent = self.sent
        before = sent[max(0, f.start() - 6):f.start()]
        if before.rstrip()[-1:] in _BEFORE_LAST and (
                _RANGE_BEFORE.search(before) or approximate_before(before, bool(f.group("num")))):
            return False  # 约50件, 5-10件, 数十件 (but 申请数15件 is a count)
        # (prose_reading.BAD_AFTER is ^-anchored: matched from f.end() > 0 it never matched, and was dropped; a number
        # before 以上/余/多 … is left out by the tests of the clause around it)
        cn = f.group("cn")  # _number(f) is not None: an Arabic number always reads
        return not cn or cn_int(cn) is not None

    # -- totals ----------------------------------------------------------------------------------
    def _total_kw(self, i: int) -> tuple[str, int, int] | None:
        """(metric, keyword start, keyword end) of the keyword naming figure ``i`` as a total, or None."""
        sent, f = self.sent, self.figs[i]
        fs = f.start()
        k = bisect_left(self.clause_bounds, fs) - 1  # _clause_start, in line
        cs = max(self.clause_bounds[k] + 1 if k >= 0 else 0, fs - _LOOKBACK)
        kw = _window_keyword(sent[cs:fs])
        if kw is None or not self._fig_ok(f):
            return None
        metric, ks, ke = kw
        if not self.time.ok(fs, self.year, whole_year=True):
            return None
        return metric, cs + ks, cs + ke

    def _total_figure(self, block, s0, i: int, metric: str, start: int) -> Figure:
        f = self.figs[i]
        return _figure(block, s0 + start, s0 + f.end(), s0 + f.start(), _count(f), _unit(f), metric)

    def _kinds_for(self, metric: str, word: str = "") -> tuple[str, ...]:
        kinds = _KINDS_OF_TOTAL[metric]
        # 本年新收57件 names applications without the word 申请 (本年新增57件 does not)
        if not self.has_app and not (metric == "new" and "增" not in word):
            kinds = tuple(k for k in kinds if k not in ("applicants", "flow"))
        return kinds

    def _total_first(self, block, s0, i: int):
        kw = self._total_kw(i)
        if kw is None:
            return None
        metric, kstart, kend = kw
        kinds = self._kinds_for(metric, self.sent[kstart:kend])
        if not kinds:
            return None
        f = self.figs[i]
        pos = f.end()
        if metric == "disclosed":
            noun = _OBJECT_AFTER.match(self.sent, pos)
            if noun is not None:
                pos = noun.end()  # 总共发布12条信息，其中…: the object after the count, before the list
        if metric in ("direct", "after_review") and any(
                end <= kstart for g, end in self.lawsuit_ends.items() if g != metric):
            # 直接起诉2件、复议后起诉1件，结果维持2件、尚未审结1件: the results after a list of lawsuit groups may be
            # about the lawsuits as a whole; only a bracket right after the group is its own
            if not _opens(_always(_CONNECT.match(self.sent, pos))):
                kinds = tuple(k for k in kinds if k != "litigation")
                if not kinds:
                    return None
        chg = _CHANGE_CLAUSE.match(self.sent, pos)
        if chg is not None and _always(_CONNECT.match(self.sent, chg.end())).group("marker"):
            pos = chg.end()  # 共收到申请57件，同比增长16.3%，其中自然人49件…: the change is skipped, not the list
        con = _IN_TOTAL.match(self.sent, pos) if self.sent[kstart:f.start()].endswith("的") else None
        if con is not None and con.end() > pos:
            marker, paren = True, False
        else:
            con = _always(_CONNECT.match(self.sent, pos))
            marker, paren = bool(con.group("marker")), _opens(con)
            if not (con.group("semi") or paren or con.group("marker")):
                return None  # 办结56件予以公开… is not a list
            if not marker:  # 收到申请132件，上年结转2件，共计134件: siblings, not parts
                kinds = tuple(k for k in kinds if k != "flow")
                if metric == "handled" and not paren and _LED_BY_OF_WHICH.fullmatch(
                        self.sent, self._clause_start(kstart), kstart):
                    return None  # 收到申请5件，其中答复1件，无法提供4件: 答复 is one of the parts, beside the others
            if "disclosed" in kinds and not marker and ((con.group("semi") and con.group("semi")[0] in "；;")
                                                         or not _GENERIC_OBJECT.match(self.sent[kend:f.start()])
                                                         or self.items):
                # without 其中 only a total of "信息" in general has its kinds listed after it:
                # 主动公开规范性文件42件，人事任免文件106件 lists siblings, not parts; nor in a sentence of parts
                # (…117条。其中，政策文件9件，…预决算等法定主动公开信息23条，工作动态25条: one item among the others)
                kinds = tuple(k for k in kinds if k != "disclosed")
                if not kinds:
                    return None
        got = self._list(i + 1, con.end(), kinds, marker, paren, unit=_unit(f), total=_count(f))
        if got is None:
            return None
        kind, parts, idx = got
        total = self._total_figure(block, s0, i, metric, kstart)
        return self._make(kind, total, parts, block, s0), idx

    def _backref(self, block, s0, back, prev, out, used) -> None:
        """其中，予以公开… / 在办结的申请中，…: the total is in the sentence before (same block)."""
        p0, psent, pfigs = prev
        saved = (self.sent, self.figs, self.time, self.clause_bounds)
        self.sent, self.figs = psent, pfigs
        self.clause_bounds, self.time = sentence_facts(psent)
        saved_app, self.has_app = self.has_app, "申请" in psent
        tfig: Figure | None = None
        kinds: tuple[str, ...] = ()
        unit: str | None = None
        if back.group("handled"):  # the last 办结/答复 total of the sentence before
            for j in range(len(pfigs) - 1, max(-1, len(pfigs) - 8), -1):
                kw = self._total_kw(j)
                if kw is not None and kw[0] == "handled":
                    tfig, kinds = self._total_figure(block, p0, j, *kw[:2]), ("results", "applicants")
                    unit = _unit(pfigs[j])
                    break
        else:  # 其中 refers to the last number, when nothing but its percentage follows it
            j = len(pfigs) - 1
            kw = self._total_kw(j)
            after = _always(_TAIL.match(psent, pfigs[j].end())).end()
            chg = _CHANGE_CLAUSE.match(psent, after)  # …894条，同比增长6.3%。其中：①…
            if chg is not None:
                after = chg.end()
            rate = _RATE_CLAUSE.match(psent, after)  # …116条，全文电子化率达100%。其中，…
            if rate is not None:
                after = rate.end()
            if kw is not None and not psent[after:].strip():
                tfig, kinds = self._total_figure(block, p0, j, *kw[:2]), self._kinds_for(kw[0], psent[kw[1]:kw[2]])
                unit = _unit(pfigs[j])
        self.sent, self.figs, self.time, self.clause_bounds = saved
        self.has_app = saved_app
        if tfig is None or not kinds:
            return
        got = self._list(0, back.end(), kinds, True, False, unit=unit)
        if got is None:
            return
        kind, parts, idx = got
        out.append(self._make(kind, tfig, parts, block, s0, p0))
        used.update(idx)

    def _total_last(self, block, s0, i: int):
        """自然人申请50件、法人或其他组织申请8件，共计58件."""
        k = bisect_left(self.sum_words, self.figs[i].end())
        if k == len(self.sum_words) or self.sum_words[k] - self.figs[i].end() > 1000:
            return None  # no 共计 ahead: cannot be the parts of a total-last list
        got = self._list(i, self._clause_start(self.figs[i].start()), tuple(TYPED), False, False, first_free=True)
        if got is None:
            return None
        kind, parts, idx = got
        j = idx[-1] + 1
        if j >= len(self.figs) or len(parts) < 2:
            return None
        f = self.figs[j]
        last_end = self.figs[idx[-1]].end()
        tail = _always(_TAIL.match(self.sent, last_end)).end()
        m = _AFTER_TOTAL.match(self.sent[tail:f.start()])
        if m is None or not self._fig_ok(f) or not _same_unit(kind, _unit(f), _unit(self.figs[idx[0]])):
            return None
        if not self.time.ok(self.figs[i].start(), self.year, whole_year=True):
            return None
        if _PART_END.match(self.sent, f.end()) is None:
            return None
        metric = {"results": "handled", "review": "review", "litigation": "litigation"}.get(kind, "in_total")
        if kind == "applicants":
            ctx = _TOTAL_KW.search(self.sent, self._clause_start(self.figs[i].start()), self.figs[i].start())
            metric = ctx.lastgroup if ctx and ctx.lastgroup in ("new", "received", "handled") else "in_total"
        lead = len(m.group(0)) - len(m.group(0).lstrip(" ，,；;\u3000"))
        total = _figure(block, s0 + tail + lead, s0 + f.end(), s0 + f.start(), _count(f), _unit(f), metric)
        s = self._make(kind, total, parts, block, s0)
        s.total_after = True
        return s, idx + [j]

    # -- the list of parts -------------------------------------------------------------------------
    def _list(self, i: int, pos: int, kinds: tuple[str, ...], marker: bool, paren: bool, first_free: bool = False,
              unit: str | None = None, total: int | None = None):
        """Read parts from figure ``i`` on, the first name starting at ``pos`` (``total``: the total's number, when it
        is before the list).

        Returns (kind, [(category, figure index, name start)], [figure indexes]) or None when there is
        no list or the sum must be skipped (an approximation, a change, a nested 其中 …)."""
        sent, figs = self.sent, self.figs
        kind: str | None = None
        parts: list[tuple[str, int, int]] = []  # (category, figure index, name start)
        pending: list[str] = []  # categories of a 分别 list still to be given numbers
        j = i
        while j < len(figs) and len(parts) < 40:
            f = figs[j]
            if f.start() < pos:  # inside the bracket of the part before: 予以公开22件（其中自然人18件）
                j += 1
                continue
            name_start = pos
            name = sent[pos:f.start()]
            if len(name) > 40:
                break
            if parts or pending:
                sep = _ITEM_SEP.match(name)
                if sep is None:
                    break
                name_start = pos + sep.end()
                name = name[sep.end():]
                verb = _VERB_LED.match(name.lstrip(_ENUM_MARKS)) is not None
                semi = sep.group("p") in ("；", ";")
                if semi and kind == "disclosed" and (verb or _SEMI_STOP.search(name)):
                    break  # after ； a clause of its own: 其中政策文件15条；全年累计发布…
                if kind == "disclosed" and total is not None and (semi or verb or "以及" in sep.group(0)):
                    # the total's siblings after parts that already make it: after ； when one part does (发文4条，
                    # 其中业务工作4条；动态类信息51条；…), after a verb or 以及 when they do (…其中动态192条、通知8条，
                    # 公开财政信息81条 / 内容1条，包括机构概况1条，以及“三公”经费信息2条).  Decided by the numbers:
                    # the sentence is not kept by its shape (prose_sum_shapes)
                    self.by_value = True
                    made = sum(_count(figs[k]) for k in {p[1] for p in parts}) == total
                    if made and (not semi or len({p[1] for p in parts}) == 1 or verb):
                        break
            if parts and ("其中" in name or "包括" in name or "包含" in name):
                return None  # nested: 其中…，其中… / 其中公开政府信息29条，包括机构职能13条…
            if _DIGIT.search(name) is not None or _NAME_WORDS.search(name) is not None:  # else none of these holds
                if _DIGIT.search(name) and not (kind in (None, "flow") and _YEAR.search(name)) \
                        and not (kind == "disclosed" and _YEAR_REPORT.search(name)):
                    break  # (a part named by a report of a year, 某某局2021年度政府信息公开工作年度报告1条: a document)
                if _CHANGE.search(name) or _PART_YEAR.search(name) or _APPROX_CLAUSE.search(name):
                    return None
                if _PAST.search(name) and not _CARRY.search(name):
                    return None
                if _OFF_TOPIC.search(name) and not (_DOCUMENTS.search(name) and "disclosed" in (kinds if kind is None
                                                                                              else (kind,))):
                    break  # (建议提案答复函11条 among kinds of information disclosed: the documents, a kind)
            if pending:
                if name.strip():
                    break
                k, cats = kind, [pending.pop(0)]
            else:
                got = _classify(name, kinds if kind is None else (kind,), marker or bool(parts),
                                     first_free and not parts, bool(parts))
                if got is None:
                    break
                k, cats, each, skip = got
                name_start += skip
                if len(cats) > 1 and not each:  # 分别为22件、5件
                    pending = cats[1:]
                    cats = cats[:1]
            if kind is not None and k != kind:
                break
            u = _unit(f)
            if unit is not None and not _same_unit(k, u, unit) \
                    and not (k == "disclosed" and unit == "条" and u == "件" and _FILES.search(name)):
                break  # (but documents counted in 件 among information in 条: 121条，含规范性文件2件、政务动态51条…)
            tail_end = _always(_TAIL.match(sent, f.end())).end()
            if _PART_END.match(sent, tail_end) is None:
                break  # 行政处罚决定1257件逐案公开: more words after the unit
            if not self._fig_ok(f):
                return None  # an approximate part: the sum cannot be checked
            if k == "flow" and "carried_over" in cats:
                ym = _YEAR.search(name)
                if ym and self.year is not None and int(ym.group(1)) != self.year - 1:
                    return None
            kind, unit = k, unit or u
            if k == "results" and cats == ["open_partial"] and {"open", "partial"} <= {p[0] for p in parts}:
                pos = tail_end  # 予以公开20件、部分公开6件，予以公开和部分公开共26件: a subtotal, not one more part
                j += 1
                continue
            for c in cats:
                parts.append((c, j, name_start))
            pos = tail_end
            j += 1
            if paren and sent[pos:pos + 1] in ("）", ")"):
                break
        if pending or not parts:
            return None
        idx = sorted({p[1] for p in parts})
        if kind == "disclosed" and not marker and len(idx) < 2:
            return None
        return kind, parts, idx

    def _make(self, kind: str, total: Figure, parts, block, s0, sentence_start: int | None = None) -> ProseSum:
        figs = []
        for cat, j, name_start in parts:
            f = self.figs[j]
            figs.append(_figure(block, s0 + name_start, s0 + f.end(), s0 + f.start(), _count(f), _unit(f), cat))
        cats = [p.category for p in figs]
        form = None
        if len(set(cats)) == len(cats):
            for need, words in EXHAUSTIVE.get(kind, []):
                if set(cats) == need:
                    form = words
        if (kind == "disclosed" and len(figs) >= 3 and _CATCH_ALL.match(block.text, figs[-1].start)
                and sum(f.number for f in figs) < total.number and all(f.unit == total.unit for f in figs)):
            # (…，其他应主动公开政府信息856条: the list takes in the rest — fewer is a contradiction too; more stays
            # DL237's, as for any list; not with documents counted in 件 among the parts: they may be counted apart)
            form = "以“其他”类收尾的各类信息"
        return ProseSum(kind=kind, total=total, parts=figs, exhaustive=form is not None, form=form,
                        sentence=self.stripped, sentence_start=s0 if sentence_start is None else sentence_start)


def find_sums(report) -> list[ProseSum]:
    """Every total the prose states with its listed parts (see the module docstring)."""
    return _Reader(report).run()
