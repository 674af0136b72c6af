"""What the claim reader reads besides counts: the *statements* of a sentence — "均获维持" (every review or lawsuit
named before it upheld: :data:`.claim_context.UPHELD`, checked against the outcomes it does not count itself) and the
statements of none ("未收到政府信息公开申请", "无结转下年度办理的申请", "未发生行政复议、行政诉讼": NONE_APP,
NONE_CARRIED, NONE_S4), each with the filters that make it about a part only (未收到涉及商业秘密的申请, 未发生被纠错的
行政复议) or about another year or scope.

:class:`StatementReading` is a part of the claim reader (``claims._Reader`` derives from it): it reads the reader's
per-sentence facts (``ctx``, ``stripped``, the table-四 keywords' positions) and asks it about the year and the scope
of a position (``_year_ok``, ``_scope``, ``_s4_named``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .claim_context import (
    NONE_APP,
    NONE_BAD_MID,
    NONE_CARRIED,
    NONE_MID_OK,
    NONE_S4,
    NONE_S4_BAD_AFTER,
    UPHELD,
    has_none_words,
    upheld_outcomes,
)
from .claim_types import Analysis, Statement
from .prose_reading import PAST, Sentence

S4_WORDS = re.compile(r"复议|诉讼|起诉|应诉")
_EXCEPT_WORD = re.compile("除")


class StatementReading:
    """The statements of a sentence (see the module): methods of the claim reader, which provides what is declared
    here."""

    shortcuts: bool
    ctx: Sentence
    stripped: str
    _s4_ends: list[int]
    _s4_starts: list[int]

    def _year_ok(self, upto: int, metric: str | None) -> bool:  # pragma: no cover - the reader's
        raise NotImplementedError

    def _scope(self, sent: str, upto: int, clause_start: int, kw_start: int) -> str | None:  # pragma: no cover
        raise NotImplementedError

    def _s4_named(self, lo: int, hi: int) -> list[str]:  # pragma: no cover - the reader's
        raise NotImplementedError

    def _statements(self, block, s0, sent, disclosure, out: Analysis) -> None:
        # necessary conditions, tested with ``in`` (most sentences state no none): every UPHELD match holds 维持; every
        # NONE_APP, NONE_CARRIED and NONE_S4 match holds 未, 无, 没有, 不存在, 为零 or 为0; every NONE_S4 match 复议 or 诉讼
        # (tests/test_fast_paths.py)
        if disclosure and ("维持" in sent or not self.shortcuts):
            self._upheld(block, s0, sent, out)
        if has_none_words(sent) or not self.shortcuts:
            self._nones(block, s0, sent, disclosure, out)

    def _upheld(self, block, s0, sent, out: Analysis) -> None:
        for m in UPHELD.finditer(sent):
            # the groups the statement is about: those named in its own part of the sentence (after the last ；
            # before it: ……结果纠正1件；被提起行政诉讼1件，均获维持 is about the lawsuit only), else all named before
            seg = self.ctx.time.semicolon_before(m.start()) + 1
            hi = bisect_right(self._s4_ends, m.start())
            lo = bisect_left(self._s4_starts, seg)
            blocks = self._s4_named(lo if lo < hi else 0, hi)
            if not blocks or not self._year_ok(m.start(), None) or self._scope(sent, m.start(), 0, 0):
                continue
            if self.ctx.search(PAST, m.start()) or self.ctx.part_year(m.start()):
                continue
            outcomes = upheld_outcomes(sent, m.start(), self.ctx.search)
            if not outcomes:
                continue
            out.statements.append(Statement("upheld", tuple(dict.fromkeys(blocks)), block, s0 + m.start(),
                                            s0 + m.end(), self.stripped, outcomes))

    def _nones(self, block, s0, sent, disclosure, out: Analysis) -> None:
        for m in NONE_APP.finditer(sent):
            mid = m.group("mid") or ""
            if NONE_BAD_MID.search(mid) or self.ctx.search(_EXCEPT_WORD, m.start()) or "复议" in mid or "诉讼" in mid:
                continue
            if S4_WORDS.search(sent, m.end(), self.ctx.clause_end(m.end())):
                continue  # 未发生因政府信息公开申请答复引发的行政复议: about reviews, not applications
            qm = NONE_MID_OK.fullmatch(mid)
            if qm is None:
                continue  # 未收到涉及商业秘密的政府信息公开申请: a kind of application, not all
            persons, orgs = bool(qm.group("persons")), bool(qm.group("orgs"))
            # a scope word before it (局属事业单位未收到…); the words in it were read above
            if (not self._year_ok(m.start(), None) or self._scope(sent, m.start(), 0, 0)
                    or self.ctx.search(PAST, m.end()) or self.ctx.part_year(m.end())):
                continue
            applicants = None if persons == orgs else ("natural_person" if persons else "org")
            out.statements.append(Statement("none_applications", (), block, s0 + m.start(), s0 + m.end(),
                                            self.stripped, applicants=applicants))
        for m in NONE_CARRIED.finditer(sent):  # 无结转下年度办理的申请
            if (not self._year_ok(m.start(), None) or self._scope(sent, m.start(), 0, 0)
                    or self.ctx.search(PAST, m.start()) or self.ctx.part_year(m.start())):
                continue
            out.statements.append(Statement("none_carried", (), block, s0 + m.start(), s0 + m.end(), self.stripped))
        if not disclosure or not ("复议" in sent or "诉讼" in sent or not self.shortcuts):
            return
        for m in NONE_S4.finditer(sent):
            mid = m.group("mid") or ""
            if NONE_BAD_MID.search(mid) or NONE_S4_BAD_AFTER.match(sent[m.end():m.end() + 4]):
                continue
            words = (m.group("what") or m.group("what2") or "") + (m.group("rest") or m.group("rest2") or "")
            blocks = []
            if "复议" in words:
                blocks.append("review")
            if "诉讼" in words:
                blocks += ["direct", "after_review"]
            if (not blocks or not self._year_ok(m.start(), None) or self._scope(sent, m.end(), 0, 0)
                    or self.ctx.search(PAST, m.end()) or self.ctx.part_year(m.end())):
                continue
            out.statements.append(Statement("none_s4", tuple(blocks), block, s0 + m.start(), s0 + m.end(),
                                            self.stripped))
