"""Claims of the prose about tables 三 and 四: the numbers and statements the text states.

A small deterministic reader (``AnnualReport.claims``, :class:`ProseClaims`) that the
text-against-table kinds (:mod:`disclosure_lint.kinds.text_vs_table`) compare with ``report.metrics``.  It reads
prose blocks only (never the blocks of a statistics table).  What it gives is :mod:`.claim_types`; the words it
looks for, :mod:`.claim_keywords` and :mod:`.claim_context`; how it reads a number in a sentence (shared with
:mod:`.prose_sums` and :mod:`.proactive_claims`), :mod:`.prose_reading`.

**Claims.**  Every number followed by a counting unit (件 起 宗 例 份 个 条; Arabic or Chinese
numerals) is tied to the nearest claim keyword before it in the same clause (clauses end at
，；：（ and the like), e.g. ``本年新收政府信息公开申请57件`` → 本年新收 57;
``予以公开及部分公开258件`` → 予以公开 + 部分公开; or, when the clause starts with the number,
to a keyword right after it (``另有4件顺延到下年度``).  ``予以公开、部分公开分别为22件、5件`` and
``行政复议、行政诉讼均为0件`` are understood.  Metrics:

* 表三: 本年新收; 收到/受理 (generic: either 新收 or 新收 + 上年结转 — both readings are
  accepted, see below); 上年结转; 共需办理/共计 after 新收 and 结转 in the same sentence
  (= 新收 + 上年结转); 办结/答复/办理完毕 (=（七）总计); 结转下年度/顺延/转入下年度
  (= 四、结转下年度继续办理); 予以公开; 部分公开; 不予公开, 无法提供, 不予处理 (sum of their
  sub-rows); 其他处理 (the 2019 row or the sum of the 2021 sub-rows).  Column 总计; when the
  总计 cell is blank the sum of the six applicant columns is used.  When the table's own 总计
  disagrees with its parts (six applicant columns; four results of table 四) — DL202/DL204 report
  that — a prose number equal to either is accepted: the table, not the prose, is inconsistent.
* 表四: 行政复议 (复议 总计); 行政诉讼 (直接起诉 总计 + 复议后起诉 总计); 直接起诉; 复议后起诉;
  结果维持/纠正/其他结果/尚未审结 of the block named last before them in the sentence (results after both
  lawsuit groups, not in a group's bracket, also fit the lawsuits as a whole: ``alt_s4_block``).
  A number written before its noun owns it: ``11件行政复议、9件行政诉讼``; ``尚有1件行政复议…尚未审结``
  counts pending cases; ``除1件尚未审结外`` counts the group's pending ones.
* Sub-items of （三）–（六）: a count with a reason names its row (``因属于行政执法案卷不予公开3件``,
  ``不予公开5件（含行政执法案卷3件）``, ``其中本机关不掌握相关政府信息12件``; metric ``not_open.enforcement_file``
  …, see ``SUB_ITEMS``); ``因…等原因`` is the whole group; a reason without a row is not compared.
* Units 件 起 宗 例 份 个 条 and 件次; a table-三 count in 条 counts items of information (予以公开的信息事项41条): not read.

**Readings of 共收到 N 件.**  "共收到/受理…申请N件" (also "…N件（含上年结转M件）") is read both as
新收 and as 新收 + 上年结转; it is flagged only when neither holds.  A "新收" number followed by
"含上年结转" is treated the same way.

**Skipped numbers** (never compared): another year than the report year (carry-over from the
previous year and carry-forward into the next are allowed for their own metrics); 上年/去年/往年; several years
(累计收到…, 自…施行以来, 2019年至2023年: :meth:`.prose_reading.SentenceTime.ok`); a part of a subset (本年新收的57件申请中，
已办结53件: :data:`.claim_context.SUBSET_OF`); another kind of application (受理行政许可申请: ``other_application``);
changes (同比, 较上年, 增加, 减少 …); part of a year (上半年, 季度, 截至9月); approximations
(约, 近, 余, 多, 以上); clauses about proposals, messages and hot-line calls (建议, 提案, 留言 …);
table-三 keywords in a clause about reviews or lawsuits (办理行政复议答复2件); 办结/受理 followed
by a noun other than 申请 (办结行政处罚案件120件).  Table 四 numbers are compared only in part 四
or in a sentence that mentions 信息公开/政府信息.  When the report year is unknown, a number in a
sentence that names a year is skipped.

**Scope.**  A number whose sentence names another scope — 代表, 本级, 各部门/各乡镇…,
全区/全市/全县…, 区政府办/政府办公室, 所属, 下属, 直属, 部门, 乡镇街道, applicants or channels
(自然人, 企业, 网上, 当面, 信函 …), 局属, 各…所/站/队, or a 其中 followed by a subject — is not reported as a
contradiction (naming every applicant, ``收到自然人、法人或其他组织提出的申请58件``, is not another
scope: that total is compared; nor is the reporting body naming itself — ``市政府办公厅`` in the 市政府办公厅's own
report, :func:`self_masker`): rule ``text-table-scope`` reports it as info with "口径可能不同".  Result counts about
the body's own documents (制发公文…其中主动公开98件…不予公开27件, 保密审查) are not read (:func:`doc_attr`).  Table 四 numbers
in a sentence about the agency handling reviews (受理/审理 行政复议) count as another scope too.

**Statements.**  "均获维持/全部维持/均维持原行政行为" is checked against 结果纠正, 其他结果 and 尚未审结
of every table-四 block named before it in the sentence; "未收到/没有收到…申请", "申请为零",
"无依申请公开事项" against 新收 总计; "未发生/没有…行政复议、行政诉讼", "未被提起行政诉讼" against the
totals of the blocks named; "无结转下年度办理的申请" against 四、结转下年度继续办理.  A "none" about a kind of
application (未收到涉及商业秘密的申请), another body (局属事业单位) or reviews (未发生因申请答复引发的行政复议) is not a
statement about all applications; 未收到法人或其他组织的申请 is compared with the 法人或其他组织 columns only.
"均获维持" is about the groups named in its own part of the sentence (after the last ；) and denies only the
outcomes the sentence does not count itself (1件尚未审结; 已审结的…均获维持 leaves the pending ones out).  "除…外未收到其他申请", "未收到补正材料", "未发生行政复议被纠错" are not
statements of none.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Literal, cast

from ..lazy import cached_property
from ..memo import LONGEST, Kept
from ..model import Block
from .claim_context import (
    ALL_APPLICANTS,
    CASES_AFTER,
    DEFAULT_SCOPE,
    OUTCOME_WORDS,
    REASON,
    REASON_LEAD,
    REVIEWER,
    SUB_ITEM_LABELS,
    SUB_ITEMS,
    WIDER,
    blank_out,
    doc_attr,
    has_none_words,
    in_subset,
    other_application,
    part_of_cases,
    scope_regex,
)
from .claim_kept import KEPT_LEN, keep, keep_shape, put_back, put_back_shape, shape
from .claim_keywords import (
    APPROX_PCT,
    EACH_PCT,
    FAMILIES,
    FAMILY_OF,
    HAS_COUNT,
    KEYWORD,
    PCT_AFTER,
    PCT_NUM,
    PCT_ONLY,
    RATE,
    RATE_CONTEXT,
    S4_BLOCKS_OF,
    block_keywords,
    keywords,
)
from .claim_statements import S4_WORDS, StatementReading
from .claim_sub_items import reason_items, sub_item_part
from .claim_types import Analysis, Claim, Statement
from .prose_reading import (
    APPROX_CLAUSE,
    BAD_AFTER,
    CHANGE,
    COUNT_TOKEN,
    OFF_TOPIC,
    PAST,
    YEAR,
    ProseView,
    Sentence,
    approximate_before,
    cn_int,
    group_name,
    match_end,
    sentences,
    year_key,
)

if TYPE_CHECKING:  # pragma: no cover
    from .annual import AnnualReport

_S4_BLOCK_KWS = frozenset(FAMILIES["s4block"])
_NO_POSITIONS: list[int] = []
_NO_S4_AT: dict[str, list[int]] = {b: [] for b in S4_BLOCKS_OF}
_STATEMENT_HINT = re.compile(r"维持|未|没有|无|为零|为0|不存在|%|％")
# what a block must hold to be read (a count or a statement's word), its first characters; searched as BLOCK_GATE
_PREFILTER_FIRST = r"\d零〇一二两三四五六七八九十百千维未没无为%％"
_PREFILTER_ALTERNATION = r"[\d零〇一二两三四五六七八九十百千]\s?[件起个宗例份条]|维持|未|没有|无|为零|为0|%|％"
_DIGIT = re.compile(r"[\d０-９]")

# -- context filters -----------------------------------------------------------------------------

_DISCLOSURE = re.compile(r"信息公开|政府信息|公开申请|依申请")
_OWN_NOUN = re.compile(r"\s?(?:的)?")  # between a number and the keyword it owns: 11件行政复议, 2件维持
_REASON_CLAUSE = re.compile(r"(?:因|由于)[^，。；;\d]{1,24}[，,]\s*(?:已|均|被|予以)?")
_LIST_FILL = re.compile(r"^[、，,和及与；;\s]*$")
_CHAIN_SEP = re.compile(r"^(?:的)?(?:[、/和及与]|或者?|以及)$")
_EACH = re.compile(r"均|各|都")
_QIZHONG_FILL = re.compile(r"^(?:[，,、：:\s]|的|本年度?|当年|今年|年内|全年|共|累计|依法|已|有)*")
_GAP_NOUN = re.compile(r"申请|答复|案件|事项")
_POST_PREFIX = re.compile(r"^(?:其中|另有?|有|除|共有?|尚有|还有|仍有|此外|并|且|[，,、\s])*$")
_POST_KW = re.compile(r"(?:申请)?(?:为|系|属于?|是|已|被|均|予以)?")
_INCL_CARRY = re.compile(r"(?:含|包括|包含|其中)[^。；]{0,10}?(?:上一?年度?|\d{4}年度?)(?:结转|转结)")


# -- the prose reader --------------------------------------------------------------------------------


class _Reader(StatementReading):
    shortcuts = True  # tests turn the sentence shortcuts off to show they change nothing

    def __init__(self, view: ProseView, scope_patterns: list[str]):
        self.view = view
        self.year = view.year
        self.masker = view.masker
        self.scope = scope_regex(scope_patterns)
        self.s4_blocks = view.s4
        self.skip = view.skip
        # the tool's own scope words only: a user's patterns run on a time budget that a kept reading would not spend
        self.kept = self.shortcuts and list(scope_patterns) == DEFAULT_SCOPE

    def run(self) -> Analysis:
        out = Analysis()
        read = self._sentence_kept if self.kept else self._sentence
        shortcuts = self.shortcuts
        for block in self.view.blocks:
            if block.index in self.skip:
                continue
            text = block.text
            got = _BLOCK_READ.get(text, _UNSEEN)  # (one lookup of a block's text, at C speed: most recur)
            if got is _UNSEEN:
                got = _block_reading(text)
            if got is None:  # no match of BLOCK_GATE
                continue
            kw_at, spans = got
            if not shortcuts:
                spans = sentences(text)
            elif not spans:  # only the sentences _sentence's first shortcut does not pass over (most are)
                continue
            self._has_app = "申请" in text  # APPLICATION (申请) once per block, not per sentence
            self._kw_at = kw_at  # a sentence without one of them holds no keyword
            self._in_s4 = block.index in self.s4_blocks
            for s0, s1 in spans:
                read(block, s0, s1, out)
        return out

    def _sentence_kept(self, block: Block, s0: int, s1: int, out: Analysis) -> None:
        """:meth:`_sentence`, what it gives kept across reports (:mod:`.claim_kept`: the key is all it depends on).
        Given only the sentences :func:`_live` lets through (the reader keeps with its shortcuts on)."""
        sent = block.text[s0:s1]
        if len(sent) > KEPT_LEN:
            self._sentence(block, s0, s1, out)
            return
        by_shape = shape(sent) if HAS_COUNT.search(sent) else None  # the template's sentences with other counts
        if by_shape is not None:
            canon, numbers = by_shape
            masked = self.masker(ALL_APPLICANTS.sub(blank_out, canon) if "法人" in canon else canon)
            key = (canon, masked, self._has_app, self._in_s4, year_key(canon, self.year))
            got = put_back_shape(key, block, s0, out, numbers, sent.strip())
            if got is False:
                read = Analysis()
                self._sentence(block, s0, s1, read, masked, canon)
                got = keep_shape(key, read, s0) and put_back_shape(key, block, s0, out, numbers, sent.strip())
            if got:
                return
        masked = self.masker(ALL_APPLICANTS.sub(blank_out, sent) if "法人" in sent else sent)
        key = (sent, masked, self._has_app, self._in_s4, year_key(sent, self.year))
        if not put_back(key, block, s0, out):
            nc, ns = len(out.claims), len(out.statements)
            self._sentence(block, s0, s1, out, masked)
            keep(key, out, nc, ns, s0)

    # -- helpers -------------------------------------------------------------------------------
    def _year_ok(self, upto: int, metric: str | None) -> bool:
        return self.ctx.time.ok(upto, self.year, metric)

    def _scope(self, sent: str, upto: int, clause_start: int, kw_start: int) -> str | None:
        if self.scope is not None:
            m = self.scope_ctx.search(self.scope, upto)
            if m:
                return m.group(0)
        q = sent.rfind("其中", clause_start, kw_start)  # 其中，青溪市场监管所收到…: the 其中 of the clause before
        if q >= 0 or sent.endswith(("其中，", "其中,", "其中：", "其中:"), 0, clause_start):
            rest = self.scope_ctx.text[q + 2 if q >= 0 else clause_start:upto].lstrip("　")
            rest = rest[match_end(_QIZHONG_FILL, rest):]
            # 其中因本机关不掌握…无法提供12件, 其中行政执法案卷3件: a reason, not another subject
            if not KEYWORD.match(rest) and not REASON_LEAD.match(rest) and not REASON.match(rest):
                return "其中" + rest[:6]
        return None

    # -- one sentence ----------------------------------------------------------------------------
    def _sentence(self, block: Block, s0: int, s1: int, out: Analysis, masked: str | None = None,
                  sent: str | None = None) -> None:
        if sent is None:  # (given by _sentence_kept: a sentence's shape, read in its place)
            sent = block.text[s0:s1]
        # Without a keyword in the sentence no count is read (every count is tied to a keyword before the number or
        # right after it, and KEYWORD.match finds none where KEYWORD.finditer found none), no 均获维持 either (it needs a
        # table-四 block named before it), and no percentage but a 公开率: what is left are the statements of none
        # (tests/test_fast_paths.py runs the reader with and without this shortcut).  So the keywords are looked for
        # first (most sentences have none), the counts only in a sentence with one
        if self.shortcuts:
            at = self._kw_at
            i = bisect_left(at, s0)
            kws = keywords(sent) if i < len(at) and at[i] < s1 else []
            tokens = list(COUNT_TOKEN.finditer(sent)) if kws and HAS_COUNT.search(sent) else []
            if kws and not tokens and not _STATEMENT_HINT.search(sent):
                return
            if not kws and "%" not in sent and "％" not in sent and not has_none_words(sent):
                return  # (a sentence that goes on holds 维持, a none word or %: _STATEMENT_HINT)
        else:  # as first written
            tokens, kws = list(COUNT_TOKEN.finditer(sent)), keywords(sent)
            if not tokens and not _STATEMENT_HINT.search(sent):
                return
        counts = bool(kws) or not self.shortcuts
        self.stripped = sent.strip()  # one copy per sentence, shared by its claims
        if kws:
            self.kw_ends = [k.end() for k in kws]  # increasing: the keywords do not overlap
            self.kw_starts = [k.start() for k in kws]
            self._s4_kws = [k for k in kws if k.lastgroup in _S4_BLOCK_KWS]
        else:
            self.kw_ends, self.kw_starts, self._s4_kws = [], [], []
        if self._s4_kws:
            self._s4_ends = [k.end() for k in self._s4_kws]
            self._s4_starts = [k.start() for k in self._s4_kws]
            self._s4_at = {b: [i for i, k in enumerate(self._s4_kws) if k.lastgroup == b] for b in S4_BLOCKS_OF}
        else:  # read only: shared
            self._s4_ends, self._s4_starts, self._s4_at = _NO_POSITIONS, _NO_POSITIONS, _NO_S4_AT
        self._wider = list(WIDER.finditer(sent)) if "其中" in sent else []
        self._wider_starts = [w.start() for w in self._wider]
        self.ctx = Sentence(sent)
        # 收到自然人、法人或其他组织提出的申请58件 names every applicant, 市政府办公厅 in that office's own
        # report names the reporting body: neither is a narrower scope (every ALL_APPLICANTS match holds 法人)
        if masked is None:  # (given by _sentence_kept: the same)
            masked = self.masker(ALL_APPLICANTS.sub(blank_out, sent) if "法人" in sent or not self.shortcuts else sent)
        self.scope_ctx = Sentence(masked) if masked != sent else self.ctx
        in_s4 = self._in_s4
        disclosure = in_s4 or bool(_DISCLOSURE.search(sent))
        has_app = self._has_app
        claims: list[Claim] = []
        seen: set[str] = set()  # the metrics of ``claims`` (共计 is a total only after 新收/收到 and 上年结转)
        consumed: set[int] = set()
        for ti in range(len(tokens) if counts else 0):
            if ti in consumed:
                continue
            made = self._claim_for(block, s0, sent, kws, tokens, ti, seen, consumed)
            for c in made:
                fam = FAMILY_OF[c.metrics[0]]
                if fam in ("s3flow", "s3res"):
                    if c.metrics[0] in ("handled", "received", "in_total", "new") and not has_app:
                        continue
                    if self.ctx.search(OFF_TOPIC, c.end - s0):
                        continue
                    if S4_WORDS.search(sent, self.ctx.clause_start(c.start - s0)[0], c.end - s0):
                        continue  # 办理行政复议答复2件: about a review, not an application
                    if fam == "s3res" and self._doc_attr(c.start - s0):
                        continue  # 制发公文156件，其中主动公开98件…不予公开27件: documents, not applications
                elif not disclosure:
                    continue
                claims.append(c)
                seen.update(c.metrics)
        out.claims.extend(claims)
        if "%" in sent or "％" in sent:
            self._percent_only(block, s0, sent, claims, out)
        self._statements(block, s0, sent, disclosure, out)

    def _s4_named(self, lo: int, hi: int) -> list[str]:
        """The table-四 blocks the s4 keywords ``lo``…``hi - 1`` of the sentence name, in order of first mention."""
        first = []
        for b, at in self._s4_at.items():
            i = bisect_left(at, lo)
            if i < len(at) and at[i] < hi:
                first.append((at[i], b))
        return [x for _, b in sorted(first) for x in S4_BLOCKS_OF[b]]

    def _doc_attr(self, upto: int) -> bool:
        return doc_attr(self.ctx.text, upto, self.ctx.search)

    def _percent_only(self, block, s0, sent, claims, out: Analysis) -> None:
        """予以公开的比例为39.3% / 予以公开和部分公开占比34.2%: a percentage without a count; 公开率为50.0%;
        予以公开18件，部分公开5件，分别占39.1%和10.9%."""
        res = [c for c in claims if FAMILY_OF[c.metrics[0]] == "s3res"]
        res_ends = [c.end - s0 for c in res]
        for m in EACH_PCT.finditer(sent):
            pcts = list(PCT_NUM.finditer(m.group("pcts")))
            n = bisect_right(res_ends, m.start())
            before = res[max(0, n - len(pcts)):n]
            if len(before) != len(pcts) or any(c.percent for c in before) or not all(
                    _LIST_FILL.match(sent[a.end - s0:b.start - s0]) or sent[a.end - s0:b.start - s0] in ("，", ",")
                    for a, b in zip(before, before[1:] + [None]) if b is not None):
                continue
            if not _LIST_FILL.match(sent[before[-1].end - s0:m.start()]):
                continue
            base = s0 + m.start("pcts")
            for c, pm in zip(before, pcts):
                c.percent = (Decimal(pm.group("pct")), base + pm.start(), base + pm.end())
        taken = {c.percent[1] for c in claims if c.percent}
        if "公开率" in sent and RATE_CONTEXT.search(sent) and not self._doc_attr(len(sent)):
            for m in RATE.finditer(sent):
                if m.group("pct") is None:
                    continue
                clause_start = self.ctx.clause_start(m.start())[0]
                if (CHANGE.search(sent, clause_start, m.start()) or not self._year_ok(m.start(), None)
                        or self._scope(sent, m.end(), clause_start, m.start())
                        or (not RATE_CONTEXT.search(sent, clause_start, m.start()) and clause_start > 0
                        and not re.match(r"[\s，,]*$", sent[clause_start:m.start()]))):
                    continue
                readings = (("open", "partial"),) if m.group("incl") else (("open",), ("open", "partial"))
                out.claims.append(Claim(metrics=readings[0], number=None, unit="件", block=block,
                                        start=s0 + m.start(), end=s0 + m.end("kw"), sentence=self.stripped,
                                        percent=(Decimal(m.group("pct")), s0 + m.start("pct"), s0 + m.end()),
                                        percent_readings=readings[1:]))
        for m in PCT_ONLY.finditer(sent):
            if s0 + m.start("pct") in taken or APPROX_PCT.search(m.group(0)):
                continue
            metrics = tuple(group_name(k) for k in KEYWORD.finditer(m.group("kws")))
            if not metrics or any(FAMILY_OF[x] != "s3res" for x in metrics) or self._doc_attr(m.start()):
                continue
            clause_start = self.ctx.clause_start(m.start())[0]
            clause = sent[clause_start:m.start()]
            if (CHANGE.search(clause) or PAST.search(clause) or self.ctx.part_year(m.start())
                    or not self._year_ok(m.start(), None) or in_subset(self.ctx, m.start())
                    or self._scope(sent, m.end(), clause_start, m.start())):
                continue
            out.claims.append(Claim(metrics=metrics, number=None, unit="件", block=block, start=s0 + m.start(),
                                    end=s0 + m.end("kws"), sentence=self.stripped,
                                    percent=(Decimal(m.group("pct")), s0 + m.start("pct"), s0 + m.end())))

    def _claim_for(self, block, s0, sent, kws, tokens, ti, seen, consumed) -> list[Claim]:
        tok = tokens[ti]
        t0, t1 = tok.start(), tok.end()
        after = sent[t1:t1 + 6]
        if BAD_AFTER.match(after):
            return []
        num, unit, cn, cunit = tok.group("num", "unit", "cn", "cunit")  # one call: the token's four groups
        unit = unit or cunit
        if cn:
            number = cn_int(cn)
            if number is None or (cn == "一" and unit == "起" and not re.match(r"^[，。；、,;）)]", after)):
                return []
        else:
            number = int(num.replace(",", ""))
        clause_start, bi = self.ctx.clause_start(t0)
        # 予以公开：22件 — the colon belongs to the claim
        if bi >= 0 and sent[clause_start - 1] in "：:" and not sent[clause_start:t0].strip():
            clause_start = self.ctx.bounds[bi - 1] + 1 if bi > 0 else 0
        prefix = sent[clause_start:t0]
        if approximate_before(prefix, not cn) or APPROX_CLAUSE.search(prefix):
            return []
        # the nearest keyword before the number, in the clause
        ki = bisect_right(self.kw_ends, t0) - 1
        kw = kws[ki] if ki >= 0 and kws[ki].start() >= clause_start else None
        if kw is not None and FAMILY_OF[kw.lastgroup] in ("s4block", "s4res") and any(
                t.end() <= kw.start() and _OWN_NOUN.fullmatch(sent, t.end(), kw.start()) for t in tokens[max(0, ti - 3):ti]):
            kw = None  # 11件行政复议、9件…, 2件维持、1件…: the keyword is the noun of the number before it
        except_ = kw is not None and sent[kw.end():t0].rstrip().endswith("除")  # 复议后起诉案件除1件尚未审结外
        metrics: tuple[str, ...]
        combine: Literal["sum", "each"] = "sum"
        start = t0
        if kw is not None and not except_:
            gap = sent[kw.end():t0]
            if len(gap) > 26 or _DIGIT.search(gap) or COUNT_TOKEN.search(gap):
                return []
            if gap.endswith(("：", ":")):
                gap = gap[:-1]
            metric = kw.lastgroup
            fam = FAMILY_OF[metric]
            if fam in ("s3flow", "s3res") and CASES_AFTER.match(after):
                return []  # 2022年结转的1件行政诉讼案件: cases of review or litigation, not applications
            chain = [kw]
            x = ki - 1  # the keywords before it, nearest first (not reversed(kws[:ki]): a copy per number)
            while x >= 0:
                k = kws[x]
                if k.start() < clause_start:
                    break
                if FAMILY_OF[k.lastgroup] == fam and _CHAIN_SEP.match(sent[k.end():chain[0].start()]):
                    chain.insert(0, k)
                else:
                    break
                x -= 1
            if "分别" in gap and len(chain) > 1:
                return self._list(block, s0, sent, kws, chain, tokens, ti, consumed, clause_start)
            if "分别" in gap:
                return []
            metrics = (metric,) if len(chain) == 1 else tuple(k.lastgroup for k in chain)
            if len(chain) > 1 and _EACH.search(gap):
                combine = "each"
            if CHANGE.search(gap) or PAST.search(gap):
                return []
            if fam == "s4block" and part_of_cases(sent, clause_start, kw.start()):
                return []  # 已审结行政诉讼2件, 尚未审结的行政诉讼1件: some of the cases, not all
            if metric in ("received", "handled") and gap.strip(" 的了共计达") and "申请" not in gap:
                return []  # 办结行政处罚案件120件, 受理网民留言60条: not applications
            if fam == "s3flow" and other_application(gap):
                return []  # 受理行政许可申请4930件, 办结信用修复申请89件: another kind of application
            if len(gap.strip()) > 8 and not _GAP_NOUN.search(gap):
                return []  # 予以公开的政府信息主要涉及……15条: not a count of applications
            start = chain[0].start()
            if len(metrics) == 1 and metrics[0] in SUB_ITEMS:
                sub = reason_items(self.ctx, sent, clause_start, kw.start(), metrics[0])
                if sub == ():
                    return []  # 因申请人撤回不予处理2件: a part of the group for a reason the table has no row for
                metrics = sub or metrics
        else:
            part = sub_item_part(sent, kws, self.kw_starts, self.kw_ends, tokens, ti, clause_start)
            if part is not None:  # 不予公开5件（含行政执法案卷3件）
                metrics, start = part
                return self._finish(block, s0, sent, metrics, number, unit, clause_start, start, t1, t0, "sum",
                                    seen, kws)
            return self._number_first(block, s0, sent, kws, number, unit, clause_start, prefix, t0, t1, seen,
                                      except_)
        return self._finish(block, s0, sent, metrics, number, unit, clause_start, start, t1, t0, combine,
                            seen, kws)

    def _number_first(self, block, s0, sent, kws, number, unit, clause_start, prefix, t0, t1, seen, except_):
        """The keyword after the number: 另有4件顺延到下年度, 其中2件为上年结转, 11件行政复议, 除1件尚未审结外."""
        j = _POST_KW.match(sent, t1).end()  # positions in ``sent``: the rest of a long sentence is not copied
        km = KEYWORD.match(sent, j)
        if km is None:  # 另有5件因申请人补正材料，转入下一年度办理
            rm = _REASON_CLAUSE.match(sent, j)
            km = KEYWORD.match(sent, rm.end()) if rm is not None else None
            if km is None or km.lastgroup != "carried_forward":
                return []
        metric = km.lastgroup
        kw_end = km.end()
        s4_block = None
        if FAMILY_OF[metric] == "s4block" and km.start() - j <= 1:
            # 11件行政复议、9件行政诉讼: the number counts the cases named after it; 尚有1件行政复议、3件行政诉讼尚未审结:
            # the pending ones
            tail = sent[kw_end:self.ctx.clause_end(kw_end)]
            if re.search(OUTCOME_WORDS["pending"], tail):
                metric, s4_block = "pending", metric
            elif re.search(r"维持|审结|" + OUTCOME_WORDS["corrected"] + "|" + OUTCOME_WORDS["other"], tail):
                return []
        elif except_ and FAMILY_OF[metric] == "s4res":
            pass  # 复议后起诉案件除1件尚未审结外: the group named before
        elif not _POST_PREFIX.match(prefix) or metric not in ("carried_forward", "carried_over", "open", "partial",
                                                              "not_open", "unavailable", "not_processed", "handled"):
            return []
        return self._finish(block, s0, sent, (metric,), number, unit, clause_start, t0, kw_end, t0, "sum",
                            seen, kws, s4_block=s4_block)

    def _finish(self, block, s0, sent, metrics, number, unit, clause_start, start, end, t0, combine, seen, kws,
                s4_block=None):
        metric = metrics[-1]
        if metric == "carried_over" and self.year is not None:
            ym = YEAR.match(sent, start) if start < t0 else None
            if ym and int(ym.group(1)) == self.year:
                metrics = ("carried_forward",)  # 2023年结转4件 in the 2023 report: carried into next year
                metric = "carried_forward"
            elif ym and int(ym.group(1)) != self.year - 1:
                return []
        clause = sent[clause_start:t0]
        # blanking the keywords adds no match of CHANGE (plain words, none with 　) and no 年 (every PAST match holds
        # one): a clause without either has none after it (tests/test_fast_paths_t4_claims.py)
        if CHANGE.search(clause) or "年" in clause:
            for k in kws[bisect_left(self.kw_starts, clause_start):bisect_left(self.kw_starts, t0)]:
                clause = clause.replace(k.group(0), "　" * len(k.group(0)))  # the keyword must not trip the filters
            if CHANGE.search(clause) or PAST.search(clause):
                return []
        if self.ctx.part_year(t0) or in_subset(self.ctx, t0):
            return []
        if not self._year_ok(t0, metric):
            return []
        kw_start = start if start < t0 else t0
        scope = self._scope(sent, end, clause_start, kw_start)
        if scope is not None and scope.startswith("其中") and all(m in SUB_ITEM_LABELS for m in metrics):
            scope = None  # 其中本机关不掌握相关政府信息12件: the sub-item of the group before, not another subject
        if scope is None and FAMILY_OF[metric] in ("s4block", "s4res") and self.ctx.search(REVIEWER, end):
            scope = self.ctx.search(REVIEWER, end).group(0)
        if scope is None:
            # 被申请行政复议3件，其中涉及政府信息公开2件: the first number is wider than the table
            wi = bisect_left(self._wider_starts, end)
            wm = self._wider[wi] if wi < len(self._wider) else None
            if wm:
                scope = wm.group(0)
        fam = FAMILY_OF[metric]
        if unit == "条" and fam in ("s3flow", "s3res"):
            return []  # 予以公开的信息事项41条: items of information, where table 三 counts applications (件)
        c = Claim(tuple(metrics), number, unit, block, s0 + start, s0 + end, self.stripped, combine, scope)
        if metric == "in_total":
            if not (seen & {"new", "received"} and "carried_over" in seen):
                return []
        if metric == "received" or (metric == "new" and _INCL_CARRY.match(sent[end:end + 24].lstrip("，,（( "))):
            c.ambiguous = True
        if fam == "s4res":
            hi = bisect_right(self._s4_ends, t0)
            named = {b for b, at in self._s4_at.items() if at and at[0] < hi}
            blk = s4_block
            if s4_block is None and hi:
                kb = self._s4_kws[hi - 1]
                blk = kb.lastgroup
            if blk is None:
                return []
            c.s4_block = blk
            # 被提起行政诉讼2件，其中直接起诉1件、复议后起诉1件，尚未审结1件: results after both lawsuit groups may be
            # about the lawsuits as a whole (unless they are in a bracket right after the group)
            if (s4_block is None and blk in ("direct", "after_review") and named & {"litigation", "direct", "after_review"}
                    - {blk} and not re.search(r"[（(][^）)]*$", sent[kb.end():t0])):
                c.alt_s4_block = "litigation"
        if fam == "s3res":
            pm = PCT_AFTER.match(sent, end)
            if pm and not APPROX_PCT.search(pm.group(0)):
                c.percent = (Decimal(pm.group("pct")), s0 + pm.start("pct"), s0 + pm.end())
        return [c]

    def _list(self, block, s0, sent, kws, chain, tokens, ti, consumed, clause_start) -> list[Claim]:
        seq = [tokens[ti]]
        j = ti + 1
        while len(seq) < len(chain) and j < len(tokens) and _LIST_FILL.match(sent[seq[-1].end():tokens[j].start()]):
            seq.append(tokens[j])
            j += 1
        if len(seq) != len(chain):
            return []
        out = []
        for k, tok in zip(chain, seq):
            if tok.group("cn"):
                n = cn_int(tok.group("cn"))
                if n is None:
                    return []
            else:
                n = int(tok.group("num").replace(",", ""))
            unit = tok.group("unit") or tok.group("cunit")
            made = self._finish(block, s0, sent, (k.lastgroup,), n, unit, clause_start, k.start(), tok.end(),
                                tok.start(), "sum", set(), kws)
            if made:
                made[0].start = s0 + chain[0].start()
                made[0].end = s0 + seq[-1].end()
                out.extend(made)
        consumed.update(range(ti, ti + len(seq)))
        return out

    # -- 均获维持 / 未收到申请 / 未发生复议诉讼 -----------------------------------------------------------

_Spans = tuple[tuple[int, int], ...]
_BLOCK_READ: Kept[str, tuple[list[int], _Spans] | None] = Kept("claims: a block's keywords and sentences to read", 4096)
_UNSEEN = cast("tuple[list[int], _Spans]", ([], ()))  # not kept yet (an answer is a new tuple or None): told by identity


def _block_reading(text: str) -> tuple[list[int], _Spans] | None:
    """(:func:`.claim_keywords.block_keywords`, :func:`_live`) of a block's text, None when it holds no match of
    BLOCK_GATE: pure functions of the text, kept for the next report (most prose blocks recur) in one entry, so
    that a block is looked up once.  Read only."""
    kw_at = block_keywords(text)
    got = None if kw_at is None else (kw_at, _live(text, kw_at))
    if len(text) <= LONGEST:
        _BLOCK_READ.keep(text, got)
    return got


# besides its none word, what a statement of none holds: NONE_APP 申请, NONE_CARRIED 结转, 转入 or 顺延, NONE_S4 复议 or 诉讼
_NONE_OF = ("申请", "结转", "转入", "顺延", "复议", "诉讼")


def _live(text: str, kw_at: list[int]) -> _Spans:
    """The sentences of a block (:func:`.prose_reading.sentences`) that hold a keyword (one of ``kw_at``, the block's
    :func:`.claim_keywords.block_keywords`), a percentage or a none word with what a statement of none holds besides
    (:data:`_NONE_OF`).  Any other gives nothing: without a keyword no count is read (_sentence's first shortcut) and
    no 均获维持 (the table-四 block named before it is one), without a percentage no share, and a none word without
    申请, 结转 … makes no statement (2023年，…全年未发生因公开不当引发的泄密事件: a template's sentence that recurs with
    other years and words, read afresh under each key).  So neither a call nor the key's masking nor a kept entry is
    spent on it, and most sentences are such (tests/test_fast_paths_t5_text.py)."""
    out = []
    for s0, s1 in sentences(text):
        i = bisect_left(kw_at, s0)
        if i < len(kw_at) and kw_at[i] < s1:
            out.append((s0, s1))
            continue
        sent = text[s0:s1]
        if "%" in sent or "％" in sent or (has_none_words(sent) and any(w in sent for w in _NONE_OF)):
            out.append((s0, s1))
    return tuple(out)


def table_blocks(report: AnnualReport) -> frozenset[int]:
    """Indexes of the blocks of the statistics tables (``report.statistics_blocks``): the prose readers (claims,
    sums, table-二 figures) skip them."""
    return report.statistics_blocks


class ProseClaims:
    """What the prose states about tables 三 and 四 (``report.claims``): read once per list of scope words
    (the rules' ``scope_patterns`` option; without one, the default list)."""

    def __init__(self, report: AnnualReport) -> None:
        self._view = ProseView.of(report)
        self._by_scope: dict[tuple[str, ...], Analysis] = {}

    def read(self, scope_patterns: Sequence[str] | None = None) -> Analysis:
        """All claims and statements, the sentences naming one of ``scope_patterns`` taken as another scope."""
        pats = tuple(DEFAULT_SCOPE if scope_patterns is None else scope_patterns)
        got = self._by_scope.get(pats)
        if got is None:
            got = self._by_scope[pats] = _Reader(self._view, list(pats)).run()
        return got

    @property
    def claims(self) -> list[Claim]:
        """The claims read with the default scope words."""
        return self.read().claims

    @property
    def statements(self) -> list[Statement]:
        """The statements read with the default scope words."""
        return self.read().statements

    @cached_property
    def single_counts(self) -> dict[tuple[int, int], Claim]:
        """The unscoped counts of one metric or one sum (default scope words) by (block index, end of the number):
        the figures a prose sum shares with the text-against-table checks."""
        return {(c.block.index, c.end): c for c in self.claims
                if c.number is not None and c.scope is None and c.combine == "sum"}
