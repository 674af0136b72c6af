"""What the prose-sum reader (:mod:`.prose_sums`) gives: a :class:`ProseSum` (a total and its parts, each a
:class:`Figure`), the breakdowns it knows, their parts' names in words, and the sets of parts that make a breakdown
exhaustive (the parts must add up to the total)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Block

KINDS = ("results", "applicants", "flow", "review", "litigation", "litigation_routes", "disclosed")
TYPED = frozenset(KINDS) - {"disclosed"}

CATEGORY_LABELS = {
    "open": "予以公开", "partial": "部分公开", "open_partial": "予以公开及部分公开", "not_open": "不予公开",
    "unavailable": "无法提供", "not_processed": "不予处理", "other": "其他处理",
    "natural_person": "自然人", "org": "法人或其他组织", "commercial": "商业企业", "research": "科研机构",
    "social_welfare": "社会公益组织", "legal_service": "法律服务机构", "other_org": "其他组织",
    "new": "本年新收", "carried_over": "上年结转",
    "upheld": "结果维持", "corrected": "结果纠正", "other_result": "其他结果", "pending": "尚未审结",
    "direct": "未经复议直接起诉", "after_review": "复议后起诉", "item": "分项",
}
KIND_LABELS = {"results": "办理结果", "applicants": "申请人", "flow": "新收和上年结转", "review": "行政复议结果",
               "litigation": "行政诉讼结果", "litigation_routes": "行政诉讼类别", "disclosed": "主动公开信息"}

EXHAUSTIVE: dict[str, list[tuple[frozenset[str], str]]] = {  # of each breakdown, with the words a message uses
    "results": [(frozenset({"open", "partial", "not_open", "unavailable", "not_processed", "other"}), "全部六类办理结果"),
                (frozenset({"open_partial", "not_open", "unavailable", "not_processed", "other"}),
                 "予以公开及部分公开合写在内的全部办理结果")],
    "applicants": [(frozenset({"natural_person", "org"}), "自然人和法人或其他组织两类申请人"),
                   (frozenset({"natural_person", "commercial", "research", "social_welfare", "legal_service",
                               "other_org"}), "全部六类申请人")],
    "flow": [(frozenset({"new", "carried_over"}), "本年新收和上年结转")],
    "review": [(frozenset({"upheld", "corrected", "other_result", "pending"}), "全部四种审理结果")],
    "litigation": [(frozenset({"upheld", "corrected", "other_result", "pending"}), "全部四种审理结果")],
    "litigation_routes": [(frozenset({"direct", "after_review"}), "未经复议直接起诉和复议后起诉")],
}


@dataclass(frozen=True)
class Figure:
    """A number the prose states: a total or one of its parts."""

    block: Block
    start: int  # where its words begin (the total's keyword, the part's name), offset in block.text
    end: int  # end of the unit
    num_start: int  # where the number begins
    number: int
    unit: str
    category: str  # part: open, natural_person …; total: the metric its keyword names (handled, new, review …)

    @property
    def text(self) -> str:
        return self.block.text[self.start:self.end]

    @property
    def label(self) -> str:
        return CATEGORY_LABELS.get(self.category, self.category)


_new = object.__new__


def new_figure(block: Block, start: int, end: int, num_start: int, number: int, unit: str, category: str) -> Figure:
    """``Figure(block, start, end, num_start, number, unit, category)`` without the frozen dataclass's per-field
    ``object.__setattr__``: its fields written to the instance dict at once (tests pin it equal)."""
    f = _new(Figure)
    f.__dict__.update(block=block, start=start, end=end, num_start=num_start, number=number, unit=unit,
                      category=category)
    return f


@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class ProseSum:
    """A total and the parts the prose lists with it."""

    kind: str  # one of KINDS
    total: Figure
    parts: list[Figure]
    exhaustive: bool
    form: str | None  # the exhaustive set listed, in words (None when not exhaustive)
    sentence: str  # the sentence of the parts
    sentence_start: int = 0  # offset in block.text of the sentence holding the total
    total_after: bool = False  # the parts come first: 自然人50件、法人8件，共计58件

    @property
    def block(self) -> Block:
        return self.total.block

    @property
    def start(self) -> int:
        return min(self.total.start, self.parts[0].start)

    @property
    def end(self) -> int:
        return max(self.total.end, self.parts[-1].end)

    @property
    def parts_sum(self) -> int:
        return sum(p.number for p in self.parts)

    @property
    def difference(self) -> int:
        """Sum of the parts minus the total (positive: the parts exceed it)."""
        return self.parts_sum - self.total.number
