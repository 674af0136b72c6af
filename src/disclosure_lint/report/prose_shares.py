"""Shares the prose states for the parts it lists: ``AnnualReport.prose_shares``.

A clerk who writes ``累计公开信息80条。其中，信息公开年报1条，占比1.1%；部门工作动态信息54条，占比67.5%；…``
states, for each part, a count and its share of a total written just before.  This module only *reads*: each
:class:`Share` is a count followed by its percentage (``N<unit>，占X%``, ``N<unit>（占比X%）``, ``比例为X%``,
``占全部申请的X%``), with the numbers that may be its base (:class:`Base`: the counts written before it in its
sentence and in the two sentences before, also at the end of the paragraph just before).  Which base the shares
of one sentence have in common, and whether a share agrees with it, the rule decides
(:class:`~disclosure_lint.kinds.prose_sums.ProseShareKind`, DL248).

**Not read**: an approximate share (约, 近, 超过, 不足, 以上), a share of a named other whole (``占全市的12%``:
only 全部, 总数, 总量, 申请, 信息 and the like may stand between 占 and the number), a count led by 第 (an
article), a count with a decimal point.  Work is linear in the text: each share looks back at most
:data:`LOOK_BACK` characters and keeps at most :data:`MAX_BASES` numbers; at most :data:`MAX_GROUP` shares of a
sentence are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..model import Block
from .prose_reading import sentences
from .writing import PROSE_KINDS

LOOK_BACK = 600  # characters before a share in which its base may be written
MAX_GROUP = 60  # shares read in one sentence
MAX_BASES = 40  # the last numbers before a share kept as its possible bases

_UNIT = r"[件条个项篇份起宗例次家]"
# a count, then its share: 1条，占比1.1%  |  862件（占82.4%）  |  6件，比例为50%  |  101件，占全部申请的9%
_SHARE = re.compile(
    r"(?<![\d.．第])(?<!\d,)(?P<num>\d{1,3}(?:,\d{3})+|\d+)\s?(?P<unit>" + _UNIT + r")"
    r"\s*[，,]?\s*[（(]?\s*(?P<lead>约|近|超过|不足|大约)?(?:占比|比例|占)(?P<mid>[^，,。；;：:\d%％（）()]{0,10}?)"
    r"(?P<pct>\d{1,3}(?:\.\d{1,4})?)\s?[%％](?P<tail>以上|左右|多)?")
# what may stand between 占 and the number: 占比为, 占全部申请的, 占总数的, 达, 是
_PLAIN_MID = re.compile(r"[为达是全部总数量的申请件条信息政府公开项]*")
# a heading's number opening a sentence: （二） (二) 二、 (the heading of another part or item, its lines joined)
_HEADING = re.compile(r"\s*(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)")
# a number that may be the base: a count with a unit, not a percentage
_NUMBER = re.compile(r"(?<![\d.．第])(?<!\d,)(\d{1,3}(?:,\d{3})+|\d+)\s?" + _UNIT + r"(?![%％])")


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class Base:
    """A count written before a share, that may be the whole the share is of."""

    block: Block
    start: int  # where the number begins, offset in block.text
    end: int  # end of its unit
    number: int

    @property
    def text(self) -> str:
        return self.block.text[self.start:self.end]

    @property
    def key(self) -> tuple[int, int]:
        return (self.block.index, self.start)


@dataclass(frozen=True, eq=False)
class Share:
    """A count the prose states with its share: ``信息公开年报1条，占比1.1%``."""

    block: Block
    start: int  # where the part's name begins (after the separator before it), offset in block.text
    num_start: int  # where the count begins
    end: int  # end of the percentage (after %)
    pct_start: int  # where the percentage's number begins
    count: int
    stated: Decimal  # the percentage as written (1.1 → Decimal("1.1"))
    group: tuple[int, int]  # (block index, sentence start): the shares of one sentence share a base
    sentence: str  # the sentence holding the share
    sentence_start: int  # its offset in block.text
    bases: tuple[Base, ...]  # the counts before it, nearest last (its own count not among them)

    @property
    def text(self) -> str:
        return self.block.text[self.start:self.end]

    @property
    def key(self) -> str:
        """What a finding about this percentage is about (``Hit.about``), as DL235 names the same percentage."""
        return percent_key(self.block.index, self.end)


def percent_key(block_index: int, end: int) -> str:
    """What a finding about the percentage ending at ``end`` of block ``block_index`` is about (``Hit.about``)."""
    return f"percent:{block_index}:{end}"


_NAME_START = re.compile(r"[，,；;：:、。！？!?（(）)\n]")


NAME_MAX = 40  # characters of a part's name looked back at for the separator before it


def _name_start(text: str, lo: int, num_start: int) -> int:
    """Where the part's name begins: after the last separator before the count (not before ``lo``, nor more than
    :data:`NAME_MAX` characters back)."""
    lo = max(lo, num_start - NAME_MAX)
    i = num_start
    while i > lo and not _NAME_START.match(text, i - 1):
        i -= 1
    return i + 2 if text.startswith("其中", i) and i + 2 < num_start else i


def _numbers(block: Block, lo: int, hi: int) -> list[Base]:
    return [Base(block, m.start(), m.end(), int(m.group(1).replace(",", "")))
            for m in _NUMBER.finditer(block.text, lo, hi)]


def _shares_in(block: Block, tail: list[Base]) -> list[Share]:
    """The shares of one prose block; ``tail``: the counts of the paragraph just before (its last sentences)."""
    text = block.text
    spans = sentences(text)
    out: list[Share] = []
    for k, (s0, s1) in enumerate(spans):
        if text.find("%", s0, s1) < 0 and text.find("％", s0, s1) < 0:
            continue
        sentence = text[s0:s1]  # (one string for the sentence's shares)
        first = spans[max(0, k - 2)][0]
        # not before the heading of a new part or item that opens one of these sentences (a page whose lines were
        # joined: …376条，占全部公开信息的82%。(二)公开的内容…: 376 is the count of the item before), nor in the
        # paragraph before it
        cut = next((a for a, _ in reversed(spans[max(0, k - 2):k + 1]) if a > first and _HEADING.match(text, a)), None)
        first = cut if cut is not None else first
        count = 0
        for m in _SHARE.finditer(text, s0, s1):
            if m["lead"] or m["tail"] or not _PLAIN_MID.fullmatch(m["mid"]):
                continue
            count += 1
            if count > MAX_GROUP:
                break  # (no sentence lists so many: text whose sentence ends were lost)
            num_start = m.start("num")
            lo = max(first, num_start - LOOK_BACK)
            bases = (tail if k < 2 and lo == first and cut is None else []) + _numbers(block, lo, num_start)
            pct = m["pct"]
            out.append(Share(block, _name_start(text, s0, num_start), num_start, m.end(), m.start("pct"),
                             int(m["num"].replace(",", "")), Decimal(pct), (block.index, s0), sentence, s0,
                             tuple(bases[-MAX_BASES:])))
    return out


def find_shares(blocks: list[Block]) -> list[Share]:
    """Every share the prose blocks state, in order (``report.prose_shares``)."""
    out: list[Share] = []
    prev: Block | None = None
    for b in blocks:
        if b.kind not in PROSE_KINDS:
            prev = None
            continue
        text = b.text
        if ("%" in text or "％" in text) and ("占" in text or "比例" in text):
            tail: list[Base] = []
            if prev is not None and prev.index == b.index - 1:
                spans = sentences(prev.text)
                if spans:
                    lo = max(spans[max(0, len(spans) - 2)][0], len(prev.text) - LOOK_BACK)
                    tail = _numbers(prev, lo, len(prev.text))
            out.extend(_shares_in(b, tail))
        prev = b
    return out
