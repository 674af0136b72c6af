"""Figures of table 二 (主动公开政府信息情况) that the prose names: ``AnnualReport.proactive_claims`` (:class:`ProactiveClaims`).

Read, in one clause (or, for the documents, a short clause that continues the one before):

* 规章 / 行政规范性文件: ``本年制发行政规范性文件3件``, ``废止1件``, ``现行有效12件``,
  ``现行有效的规章共5件``, ``行政规范性文件制发3件``; the verbs 制发 印发 出台 制定 新增 (what: issued),
  废止 宣布失效 (repealed; ``废止5件，宣布失效2件`` in one sentence is one figure, 7), 现行有效 (in_force),
  新制作 (issued, the 2019 column), 新公开 (new_published, 2019), 对外公开总数/累计公开/对外公开…总数
  (total_published, 2019); ``制发规章和行政规范性文件51件`` covers both rows (``also``).
  ``主动公开规章13件`` is not a figure of the table (公开 is not 制发).
* 行政许可 / 行政处罚 / 行政强制: ``作出行政处罚决定1257件``, ``行政许可决定4862件``,
  ``实施行政强制措施86件``, ``办理行政许可事项4862件`` (what: decisions) — 决定 or a verb of deciding
  (作出 办理 办结 实施 下达) must be there, or the row is a label the verb follows (``行政许可：共处理600件``); ``受理``, counts in 项 (a list of items) and what was published
  (``公示行政许可决定4862条``: some decisions may not be published) are not decisions.
* 行政事业性收费: ``行政事业性收费金额为7730.28万元``, ``收取行政事业性收费0元`` (what: amount;
  万元, 元 and 亿元 are kept as written and converted by the kind).  信息处理费 is not this row.

What is skipped follows the claim reader (:mod:`.claims`): another year, part of a year, changes
(同比, 较上年, 增加 …), approximations (约, 近, 余, 多, 以上 …), number ranges; an "issued" figure in a
sentence that also speaks of 修改/修订 (制发 may count amendments, spec identity I7).  A scope word in
the sentence before the number (本级, 全区, 各部门, 政府办, 所属, 其中 + a subject …; the
``scope_patterns`` of the claim reader) is kept in ``scope``: the kind reports such a figure as info only.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, overload

from ..memo import LONGEST, Kept, search_gate
from ..model import Block
from .claim_context import DEFAULT_SCOPE, scope_regex
from .prose_reading import (
    APPROX_CLAUSE,
    CHANGE,
    OFF_TOPIC,
    PAST,
    RANGE_BEFORE,
    ProseView,
    approximate_before,
    group_name,
    sentence_facts,
    sentences,
    year_key,
)

if TYPE_CHECKING:  # pragma: no cover
    from .annual import AnnualReport

ROW_LABELS = {"rules": "规章", "normative_docs": "行政规范性文件", "licensing": "行政许可", "penalty": "行政处罚",
              "coercion": "行政强制", "fees": "行政事业性收费"}
WHAT_LABELS = {"issued": "本年制发", "repealed": "本年废止", "in_force": "现行有效", "new_published": "本年新公开",
               "total_published": "对外公开总数", "decisions": "处理决定数量", "amount": "收费金额"}
DOC_ROWS = frozenset({"rules", "normative_docs"})
DECISION_ROWS = frozenset({"licensing", "penalty", "coercion"})


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class ProactiveClaim:
    """A number the prose states about one cell of table 二."""

    row: str  # rules | normative_docs | licensing | penalty | coercion | fees
    what: str  # issued | repealed | in_force | new_published | total_published | decisions | amount
    number: Decimal
    unit: str  # 件 个 部 … or 万元 元 亿元
    block: Block
    start: int  # offset in block.text where the claim's words begin
    end: int  # end of the unit
    num_start: int
    sentence: str
    scope: str | None = None  # the word that makes the scope possibly different
    also: tuple[str, ...] = ()  # further rows the number covers: 制发规章和行政规范性文件51件 (rules + normative_docs)

    @property
    def text(self) -> str:
        return self.block.text[self.start:self.end]


# the look-ahead names the first character of every alternative (规, 行): the other positions are passed over quickly
_ROW_ALTERNATION = (r"(?P<rules>规章(?!制度))|(?P<normative_docs>(?:行政)?规范性文件)|(?P<licensing>行政许可)"
                    r"|(?P<penalty>行政处罚)|(?P<coercion>行政强制)|(?P<fees>行政事业性收费)")
_ROW = re.compile(f"(?=[规行])(?:{_ROW_ALTERNATION})")
# a text holds a match of _ROW exactly when it holds a match of this (行政规范性文件 holds 规范性文件), every alternative led
# by a literal character: ``re`` scans for 规 and 行 in C instead of trying the look-ahead at every position
_HAS_ROW = re.compile("规章(?!制度)|规范性文件|行政(?:许可|处罚|强制|事业性收费)")
_DOC_WHAT = re.compile(r"(?P<total_published>对外公开总数量?|累计公开|公开总数量?|对外公开(?=[^，。；;\d]{1,12}总数))"
                       r"|(?P<new_published>新公开)|(?P<in_force>现行有效)|(?P<repealed>废止|宣布失效)"
                       r"|(?P<issued>新?(?:制发|印发|出台|制定|制作)|新增(?:公开)?)")
_ROW_JOIN = re.compile(r"^(?:和|及|与|、|以及)$")
_DECIDE_BEFORE = re.compile(r"(?:作出|做出|办理|办结|实施|下达)")
# ``(?<![\d.．,０-９])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)…`` written to start with its first digit (the
# lookbehind after it says the same, the alternatives try the same lengths in the same order): a pattern that starts
# with a character class is scanned for that class in C, not tried at every position (tests/test_fast_paths.py)
_FIG = re.compile(r"(?P<num>\d(?<![\d.．,０-９]\d)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?))(?![\d０-９%％])\s?"
                  r"(?P<unit>万元|亿元|元|件|个|部|份|起|宗|次|条|项)")
_FILL = r"(?:件数|数量|数)?(?:的)?(?:共计?|计|为|有|达|合计|总计|总数)?(?:为)?\s*$"
_GAP_ROW_NUM = re.compile(rf"^(?:（[^（）]{{0,12}}）)?(?:决定|处理决定|措施|案件|事项)?{_FILL}")
# the row as a label, the verb of deciding after it (行政许可：共处理600件, 行政处罚：作出处罚决定12件)
_LABEL_DECIDED = re.compile(rf"^[:：]\s*(?:共|全年|本年度?)?(?:作出|做出|办结|实施|下达|处理)(?:了)?"
                            rf"(?:行政)?(?:许可|处罚|强制)?(?:决定|处理决定|措施)?{_FILL}")
_GAP_WHAT_NUM = re.compile(rf"^(?:的)?{_FILL}")
_GAP_WHAT_ROW = re.compile(r"^[^\d０-９]{0,12}$")
_CONTINUE = re.compile(r"^\s*(?:并|同时|另|已|共|累计)?(?P<what>废止|宣布失效|现行有效|制发|印发|出台|新制定|制定|新制作|新公开)"
                       rf"(?:的)?{_FILL}")
_AMEND = re.compile(r"修改|修订|修正")
# 与区商务局联合制发, 会同区财政局印发: documents issued jointly, a part of the body's own (or another body's) count
_JOINT = re.compile(r"(?:联合|共同|会同[^，。；;、\d]{1,12}?)$")
_APPROX_AFTER = re.compile(r"\s*(?:以上|左右|多|余)")  # matched at the number's end, up to 3 characters on
_FEE_FILL = re.compile(rf"^(?:金额|收费金额|收入)?{_FILL}")
_PUBLISH = re.compile(r"公开|公示|公布|发布|推送|上传")
_QIZHONG = re.compile(r"其中")
_DOC_UNITS = frozenset("件个部份")
_DECISION_UNITS = frozenset("件个起宗次")
_MONEY = frozenset({"万元", "亿元", "元"})


_ZERO = str.maketrans("123456789", "000000000")
# a figure that names a cell: (place among the sentence's figures, row, what, start of its clause, start of its words,
# further rows)
_Figure = tuple[int, str, str, int, int, tuple[str, ...]]
# (the sentence's shape, the report's year when it may name one: prose_reading.year_key) → its figures that name a cell (_Reader._figures): the sentences recur from
# report to report with other numbers (本年制发行政规范性文件3件，废止1件，现行有效12件)
_SHAPES: Kept[tuple[str, int | None], tuple[_Figure, ...]] = Kept("proactive: a sentence's figures by its shape", 4096)


def _shape(sent: str, figs: list[re.Match[str]]) -> str:
    """``sent`` with the ASCII digits of its figures' numbers made 0 (the same length: every offset the same; points
    and commas kept; a sentence holding 12345, a hotline OFF_TOPIC names, as written).  What the reader finds depends
    on those digits only through the numbers it reads from its figures: the patterns it tries see them as ``\\d``, and
    the years and months it reads are no figures (tests/test_fast_paths_t10_sums.py)."""
    if "12345" in sent:
        return sent
    pieces = []
    pos = 0
    for f in figs:
        num = f.group(1)  # the number (group 1, ``num``), at the start of the match
        start = f.start()
        pieces.append(sent[pos:start])
        pieces.append(num.translate(_ZERO))
        pos = start + len(num)
    if not pieces:
        return sent
    pieces.append(sent[pos:])
    return "".join(pieces)


_BLOCK_ROW: Kept[str, bool] = Kept("proactive: whether a block names a row of table 二", 4096)
# whether _HAS_ROW finds something in a block's text, kept for the next report (72 % of the generated reports' prose
# blocks recur, most naming no row)
_names_row = search_gate(_BLOCK_ROW, _HAS_ROW.search)


class _Reader:
    def __init__(self, view: ProseView, scope_patterns: list[str]):
        self.view = view
        self.year = view.year
        self.masker = view.masker
        self.scope = scope_regex(scope_patterns)
        self.skip = view.skip

    def run(self) -> list[ProactiveClaim]:
        out: list[ProactiveClaim] = []
        for block in self.view.blocks:
            text = block.text
            named = _BLOCK_ROW.get(text)  # (_names_row's kept answer looked up here: no call for most blocks)
            if block.index in self.skip or not (_names_row(text) if named is None else named):
                continue
            for s0, s1 in sentences(text):
                self._sentence(block, s0, text[s0:s1], out)
        return out

    def _sentence(self, block: Block, s0: int, sent: str, out: list[ProactiveClaim]) -> None:
        if not _HAS_ROW.search(sent):
            return
        figs = list(_FIG.finditer(sent))
        key = (_shape(sent, figs), year_key(sent, self.year)) if len(sent) <= LONGEST else None
        kept = _SHAPES.get(key) if key is not None else None
        if kept is None:
            kept = self._figures(sent, figs)
            if key is not None:
                _SHAPES.keep(key, kept)
        if not kept:
            return
        stripped = sent.strip()
        scoped = self.masker(sent)  # 市政府办公厅 in that office's own report is no other scope
        scope_first = self.scope.search(scoped) if self.scope is not None else None
        qizhong = [m.start() for m in _QIZHONG.finditer(sent)]
        found: list[ProactiveClaim] = []
        for j, row, what, cs, start, also in kept:
            f = figs[j]
            scope = None
            if scope_first is not None and self.scope is not None and scope_first.start() < f.start():
                # the first scope word of the sentence (searched again only when it runs past the number)
                sm = scope_first if scope_first.end() <= f.end() else self.scope.search(scoped, 0, f.end())
                scope = sm.group(0) if sm is not None else None
            else:
                q = bisect_left(qizhong, cs)  # a 其中 in the clause, before the number
                if q < len(qizhong) and qizhong[q] + 2 <= f.start():
                    scope = "其中"
            number = Decimal(f.group("num").replace(",", ""))
            found.append(ProactiveClaim(row=row, what=what, number=number, unit=f.group("unit"), block=block,
                                        start=s0 + start, end=s0 + f.end(), num_start=s0 + f.start(),
                                        sentence=stripped, scope=scope, also=also))
        out.extend(_merge_repealed(found))

    def _figures(self, sent: str, figs: list[re.Match[str]]) -> tuple[_Figure, ...]:
        """The figures of a sentence that name a cell of table 二, as (place among ``figs``, row, what, start of its
        clause, start of its words, further rows): pure functions of the sentence's shape and the report's year (the
        scope, read from the sentence's own text and the rules' scope words, and the number are not)."""
        bounds, time = sentence_facts(sent)
        amend = bool(_AMEND.search(sent))
        cleanup = "清理" in sent
        last_doc_row: str | None = None
        found: list[_Figure] = []
        for j, f in enumerate(figs):
            i = bisect_left(bounds, f.start()) - 1
            cs = bounds[i] + 1 if i >= 0 else 0
            clause = sent[max(cs, f.start() - 40):f.start()]
            got, names_row, other_words = _clause_kept(clause, f.group("unit"))
            if got is None and cs > 0 and sent[cs - 1] in ":：":  # 行政许可：共处理600件: the row before the colon
                clause = sent[max(bounds[i - 1] + 1 if i >= 1 else 0, f.start() - 40):f.start()]
                got, names_row, other_words = _clause_kept(clause, f.group("unit"))
            c0 = f.start() - len(clause)
            if got is None and last_doc_row is not None:
                cm = _CONTINUE.match(clause)  # ，废止1件，现行有效12件: the documents of the clause before
                if cm is not None and f.group("unit") in _DOC_UNITS:
                    wm = _DOC_WHAT.match(cm.group("what"))
                    got = (last_doc_row, group_name(wm) if wm else None, cm.start("what"), ())
            what = got[1] if got is not None else None
            if got is None or what is None:
                if names_row:
                    last_doc_row = None
                continue
            row, _, wstart, also = got
            last_doc_row = row if row in DOC_ROWS else None
            before = sent[max(0, f.start() - 6):f.start()]
            if (other_words or approximate_before(before, bool(f.group("num"))) or RANGE_BEFORE.search(before)
                    or _APPROX_AFTER.match(sent, f.end(), f.end() + 3)
                    or not time.ok(f.start(), self.year, whole_year=True)):
                continue
            if what == "issued" and amend:
                continue  # 制发 may count amendments: 新制定5件，修改4件
            if what == "in_force" and cleanup:
                continue  # 清理并集中发布现行有效行政规范性文件393件: the stock when cleaned up, before the year's new ones
                # (a real report: 393, then 动态更新本年度制发的77件 — its table's 现行有效 470)
            if what == "issued" and _JOINT.search(sent, max(0, c0 + wstart - 16), c0 + wstart):
                continue  # 与区商务局联合制发行政规范性文件1件: a part of the year's count
            found.append((j, row, what, cs, c0 + wstart, also))
        return tuple(found)

    @staticmethod
    def _read(clause: str, unit: str) -> tuple[str, str | None, int, tuple[str, ...]] | None:
        """(row, what, start of the words in ``clause``, further rows) of the number that ends ``clause``."""
        got = _Reader._read_one(clause, unit)
        if got is None or got[1] is None:
            return None if got is None else (*got, ())
        row, what, start = got
        rows = list(_ROW.finditer(clause, 0, len(clause)))
        also: tuple[str, ...] = ()
        if len(rows) >= 2 and _ROW_JOIN.match(clause[rows[-2].end():rows[-1].start()]) \
                and (rows[-2].lastgroup in DOC_ROWS) == (row in DOC_ROWS) and rows[-2].lastgroup != row:
            also = (group_name(rows[-2]),)  # 制发规章和行政规范性文件51件: both rows
            start = min(start, rows[-2].start())
        return row, what, start, also

    @staticmethod
    def _read_one(clause: str, unit: str) -> tuple[str, str | None, int] | None:
        rm = None
        for rm in _ROW.finditer(clause):  # noqa: B007 - the last match is kept
            pass
        if rm is None:
            return None
        row = group_name(rm)
        after = clause[rm.end():]
        if row == "fees":
            if unit not in _MONEY or not _FEE_FILL.match(after):
                return None
            return row, "amount", rm.start()
        if unit in _MONEY:
            return None
        if row in DECISION_ROWS:
            decision = after.startswith(("决定", "处理决定"))
            if unit not in _DECISION_UNITS and not (unit == "条" and decision):
                return None
            if _LABEL_DECIDED.match(after):
                return row, "decisions", rm.start()  # 行政许可：共处理600件
            if not _GAP_ROW_NUM.match(after):
                return None
            verb = None
            for verb in _DECIDE_BEFORE.finditer(clause, max(0, rm.start() - 10), rm.start()):  # noqa: B007 - the last match is kept
                pass
            if _PUBLISH.search(clause, max(0, rm.start() - 10), rm.start()):
                return row, None, rm.start()  # 公示行政许可决定4862条 counts what was published, not decided
            if verb is not None and verb.group(0) == "办理" and after.startswith("案件"):
                return row, None, rm.start()  # 办理行政处罚案件120件: handled, maybe not yet decided
            if decision or verb is not None:  # 作出行政处罚决定1257件, 实施行政强制措施86件
                return row, "decisions", verb.start() if verb is not None else rm.start()
            return row, None, rm.start()
        # documents: 规章 / 行政规范性文件
        if unit not in _DOC_UNITS:
            return None
        wm = None
        for w in _DOC_WHAT.finditer(clause):  # the verb before: 本年制发行政规范性文件3件
            if w.end() > rm.start():
                break
            wm = w
        if wm is not None and _GAP_WHAT_ROW.match(clause[wm.end():rm.start()]) and _GAP_ROW_NUM.match(after):
            return row, group_name(wm), wm.start()
        wm = _DOC_WHAT.search(after)  # the verb after: 行政规范性文件现行有效12件
        if wm is not None and not after[:wm.start()].strip("的共") and _GAP_WHAT_NUM.match(after[wm.end():]):
            return row, group_name(wm), rm.start()
        return row, None, rm.start()


_Reading = tuple[tuple[str, "str | None", int, tuple[str, ...]] | None, bool, bool]
# (the clause before a figure, at most 40 characters; its unit) → :func:`_clause`: the clauses recur from report to
# report (本年制发行政规范性文件, 现行有效, 行政许可办理结果 …)
_CLAUSES: Kept[tuple[str, str], _Reading] = Kept("proactive: the clause before a figure", 4096)


def _clause_kept(clause: str, unit: str) -> _Reading:
    """:func:`_clause` of a clause and a unit, kept for the next sentence with that clause (boilerplate recurs)."""
    key = (clause, unit)
    kept = _CLAUSES.get(key)
    return kept if kept is not None else _CLAUSES.keep(key, _clause(*key))


def _clause(clause: str, unit: str) -> _Reading:
    """What the reader asks of the clause before a figure, pure functions of it and the figure's unit: its reading
    (:meth:`_Reader._read`), whether it names a row of table 二, whether it holds a change, past, approximation or
    off-topic word (the figure is then skipped)."""
    return (_Reader._read(clause, unit), _ROW.search(clause) is not None,
            bool(CHANGE.search(clause) or PAST.search(clause) or APPROX_CLAUSE.search(clause)
                 or OFF_TOPIC.search(clause)))


def _merge_repealed(claims: list[ProactiveClaim]) -> list[ProactiveClaim]:
    """``废止5件，宣布失效2件``: two repealed figures of one row next to each other, one with each word, are
    together the table's 本年废止 (7)."""
    out: list[ProactiveClaim] = []
    merged = False  # the last figure is already a pair
    for c in claims:
        prev = out[-1] if out else None
        if (prev is not None and not merged and c.what == prev.what == "repealed" and c.row == prev.row
                and not prev.also and ("宣布失效" in c.text) != ("宣布失效" in prev.text)):
            out[-1] = replace(prev, number=prev.number + c.number, end=c.end)
            merged = True
            continue
        out.append(c)
        merged = False
    return out


class ProactiveClaims(Sequence[ProactiveClaim]):
    """Every table-二 figure the prose names (``report.proactive_claims``; as a sequence: read with the default
    scope words), read once per list of scope words (the rules' ``scope_patterns`` option)."""

    def __init__(self, report: AnnualReport) -> None:
        self._view = ProseView.of(report)
        self._by_scope: dict[tuple[str, ...], list[ProactiveClaim]] = {}

    def read(self, scope_patterns: Sequence[str] | None = None) -> list[ProactiveClaim]:
        pats = tuple(DEFAULT_SCOPE if scope_patterns is None else scope_patterns)
        got = self._by_scope.get(pats)
        if got is None:
            got = self._by_scope[pats] = _Reader(self._view, list(pats)).run()
        return got

    @overload
    def __getitem__(self, i: int) -> ProactiveClaim: ...
    @overload
    def __getitem__(self, i: slice) -> list[ProactiveClaim]: ...

    def __getitem__(self, i: int | slice) -> ProactiveClaim | list[ProactiveClaim]:
        return self.read()[i]

    def __len__(self) -> int:
        return len(self.read())
