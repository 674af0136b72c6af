"""What the prose states about tables 三 and 四: the claims and statements the claim reader (:mod:`.claims`) gives.

A :class:`Claim` is a number stated about one metric (or the sum of several, or each of several) with where it is
written and how it is scoped; a :class:`Statement` is a sentence that says a table's figures are zero or that every
case was upheld (均获维持, 未收到申请, 未发生行政复议、行政诉讼, 无结转).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from ..model import Block


@dataclass
class Claim:
    """A number the prose states about one metric (or the sum of several)."""

    metrics: tuple[str, ...]
    number: int | None  # None: only a percentage was stated (予以公开的比例为39.3%)
    unit: str
    block: Block
    start: int  # keyword (or number) start in block.text
    end: int  # unit end
    sentence: str
    combine: Literal["sum", "each"] = "sum"
    scope: str | None = None  # qualifier found in the sentence
    ambiguous: bool = False  # 收到/受理: new, or new + carried over
    s4_block: str | None = None  # for s4 result metrics: the block they belong to
    percent: tuple[Decimal, int, int] | None = None  # stated %, start, end in block.text
    alt_s4_block: str | None = None  # s4 results: another block they may be about (both lawsuit groups together)
    percent_readings: tuple[tuple[str, ...], ...] = ()  # 公开率: other metrics the percentage may be of

    @property
    def text(self) -> str:
        return self.block.text[self.start:self.end]


@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class Statement:
    """A sentence stating 均获维持 or 未收到申请 / 未发生复议诉讼."""

    what: Literal["upheld", "none_applications", "none_s4", "none_carried"]
    blocks: tuple[str, ...]  # s4 blocks concerned (review, direct, after_review)
    block: Block
    start: int
    end: int
    sentence: str
    # upheld: the outcomes of table 四 that must be 0 (the sentence may state some itself: 1件尚未审结)
    outcomes: tuple[str, ...] = ("corrected", "other", "pending")
    # none_applications: the applicant columns of table 三 the statement is about (None: all)
    applicants: str | None = None

    @property
    def text(self) -> str:
        return self.block.text[self.start:self.end]


@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class Analysis:
    """The claims and statements of one report, read with one list of scope words."""

    claims: list[Claim] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
