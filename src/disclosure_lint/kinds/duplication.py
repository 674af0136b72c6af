"""Duplication kinds: the same text printed twice in one report.

``repeated-paragraph`` (DL601): a paragraph or list item of some length that
appears again later in the same report.  The later copy is reported and points
at the first one.

``repeated-section`` (DL602): a run of consecutive blocks (a heading with its
body, several paragraphs, a whole body) that repeats an earlier run in the same
order — typically a scraped page where the portal printed the article twice.
One finding per run, from the start of the repeated run to its end.

Both kinds share one analysis per report (cached): every visible block is
normalised (whitespace and Markdown emphasis removed; full-width letters, digits
and punctuation folded to half width and 。、“”【】 to their ASCII counterparts, so a
scraped copy with half-width punctuation matches) and compared by that key.  The
folding maps one character to one, so only blocks of equal length are folded at
all.  Prose is never compared with tables or table-like lines (``a | b | c``).  Runs are found greedily from the start of
the document: at a block whose key occurred earlier, the run is extended over the
following blocks while they equal the blocks after the earlier copy; a few short
unmatched lines on either side (a "发布日期 … 浏览次数" line printed differently,
a navigation line) may be bridged.  Each block starts at most a few candidate
alignments and a run is skipped over once found, so the work is linear in the
number of blocks.

A paragraph inside a run that ``repeated-section`` reports is not also reported by ``repeated-paragraph``
when both run: each finding says which blocks it is about (``block:N``, :attr:`.base.Hit.about`) and the
rule file of DL601 names DL602 in ``covered_by`` (the engine resolves it; this module knows no rule code).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import Field

from ..model import Block
from ..userregex import compile_pattern
from . import register
from .base import Hit, Kind, KindOptions, UserPattern

if TYPE_CHECKING:  # pragma: no cover
    from ..report import AnnualReport

# -- normalisation ----------------------------------------------------------------------------

# One character for one character, so that a text and its width-folded form have the same
# length once whitespace is gone (used to skip normalising blocks that cannot have a twin).
_FOLD: dict[int, int | str] = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}  # full-width ASCII
_FOLD.update({ord(k): v for k, v in {
    "。": ".", "、": ",", "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "「": '"', "」": '"',
    "『": '"', "』": '"', "【": "[", "】": "]", "〔": "(", "〕": ")", "〈": "<", "〉": ">",
    "—": "-", "–": "-", "―": "-", "─": "-", "・": "·", "〜": "~", "￥": "¥",
}.items()})
_CELL_SPLIT = re.compile(r"\s*[|\t]\s*")
_WS = re.compile(r"\s+")


def _squeeze(text: str) -> str:
    """Whitespace and Markdown emphasis removed (cheap: C-level string methods only)."""
    s = "".join(text.split())
    if "*" in s or "`" in s:
        s = s.replace("*", "").replace("`", "")
    return s


def _fold(squeezed: str) -> str:
    return squeezed.translate(_FOLD).lower()


def normalize(text: str) -> str:
    """Comparison form of a text: no whitespace or emphasis, full/half width and 。、“” unified."""
    return _fold(_squeeze(text))


def _is_row_like(text: str) -> bool:
    """A line of table cells outside a table block (``a | b | c`` or tab-separated)."""
    return ("|" in text or "\t" in text) and len([c for c in _CELL_SPLIT.split(text.strip()) if c]) >= 2


# -- the shared analysis -----------------------------------------------------------------------

TEXT, HEADING, TABLE = "text", "heading", "table"


@dataclass(slots=True)
class _Item:
    pos: int  # position in the sequence
    block: Block
    key: str
    size: int  # characters without whitespace
    cat: str  # TEXT | HEADING | TABLE (table blocks and table-like lines)


@dataclass(slots=True)
class Run:
    pairs: list[tuple[int, int]]  # (later pos, earlier pos), both increasing
    items: list[_Item]  # the whole sequence, for convenience

    @property
    def later(self) -> tuple[_Item, _Item]:
        return self.items[self.pairs[0][0]], self.items[self.pairs[-1][0]]

    @property
    def earlier(self) -> tuple[_Item, _Item]:
        return self.items[self.pairs[0][1]], self.items[self.pairs[-1][1]]

    def later_blocks(self) -> list[Block]:
        a, b = self.pairs[0][0], self.pairs[-1][0]
        return [it.block for it in self.items[a:b + 1]]


@dataclass(frozen=True, slots=True)
class _RunParams:
    min_chars: int
    max_gap: int
    gap_chars: int
    compare_tables: bool


class _Analysis:
    def __init__(self, report):
        section_heads = {s.heading.index for s in report.structure.sections}
        items: list[_Item] = []
        by_len: dict[tuple[str, int], list[_Item]] = {}
        for b in report.lintable_blocks:
            if b.kind == "table":
                # cells joined by tabs, rows by newlines: squeezing drops the separators, which
                # is enough to tell whether two tables print the same cells in the same order
                cat, sq = TABLE, _squeeze(b.text)
            elif ("|" in b.text or "\t" in b.text) and _is_row_like(b.text):
                cat, sq = TABLE, _squeeze(b.text).replace("|", "")
            else:
                sq = _squeeze(b.text).lstrip("#")
                cat = HEADING if (b.kind == "heading" or b.index in section_heads) else TEXT
            if not sq:
                continue
            it = _Item(len(items), b, sq, len(sq), cat)
            items.append(it)
            by_len.setdefault(("T" if cat == TABLE else "P", len(sq)), []).append(it)
        # Folding maps one character to one, so only blocks of equal squeezed length can be
        # equal.  A block alone in its length gets a key of its own (most paragraphs); a group
        # whose texts are already identical needs no folding; otherwise each text is folded.
        for (prefix, _), group in by_len.items():
            if len(group) == 1:
                group[0].key = f"U\x00{group[0].pos}"
                continue
            raws = {it.key for it in group}
            folded = {r: f"{prefix}\x00{r}" for r in raws} if len(raws) == 1 else \
                {r: f"{prefix}\x00{_fold(r)}" for r in raws}
            for it in group:
                it.key = folded[it.key]
        self.items = items
        occ: dict[str, list[int]] = {}
        for it in items:
            occ.setdefault(it.key, []).append(it.pos)
        self.occ = occ
        self._runs: dict[_RunParams, list[Run]] = {}

    def first_of(self, item: _Item) -> _Item | None:
        first = self.occ[item.key][0]
        return self.items[first] if first < item.pos else None

    # -- runs ---------------------------------------------------------------------------------
    def runs(self, params: _RunParams) -> list[Run]:
        """Qualifying repeated runs (what DL602 reports), in document order."""
        if params not in self._runs:
            self._runs[params] = self._find_runs(params)
        return self._runs[params]

    def _find_runs(self, params: _RunParams) -> list[Run]:
        items, occ = self.items, self.occ
        n = len(items)
        out: list[Run] = []
        i = 0
        while i < n:
            it = items[i]
            positions = occ[it.key]
            if len(positions) < 2 or positions[0] >= i or (it.cat == TABLE and not params.compare_tables):
                i += 1
                continue
            idx = bisect_left(positions, i)
            candidates = sorted({positions[0], *positions[max(0, idx - 3):idx]})
            # the longest alignment wins (then the most text): jumping past it afterwards
            # bounds the work of every candidate tried here, which keeps the scan linear
            best: list[tuple[int, int]] = []
            best_score = (-1, -1)
            for k in candidates:
                pairs = self._extend(i, k, params)
                score = (len(pairs), sum(items[p].size for p, _ in pairs))
                if score > best_score:
                    best, best_score = pairs, score
            if len(best) >= 2 or (best and items[best[0][0]].cat == TABLE):
                if self._qualifies(best, params):
                    out.append(Run(best, items))
                i = best[-1][0] + 1
            else:
                i += 1
        return out

    def _extend(self, i: int, k: int, params: _RunParams) -> list[tuple[int, int]]:
        """Pairs (later, earlier) from the alignment of block ``i`` with earlier block ``k``."""
        items = self.items
        n = len(items)
        pairs = [(i, k)]
        p, q = i + 1, k + 1
        while True:
            while p < n and q < i and items[p].key == items[q].key and \
                    (params.compare_tables or items[p].cat != TABLE):
                pairs.append((p, q))
                p += 1
                q += 1
            if p >= n or q >= i or params.max_gap <= 0:
                break
            resync = self._resync(p, q, i, params)
            if resync is None:
                break
            p, q = resync
        return pairs

    def _resync(self, p: int, q: int, limit: int, params: _RunParams) -> tuple[int, int] | None:
        """Skip up to ``max_gap`` short unmatched blocks on either side to a common block."""
        items = self.items
        n = len(items)
        g = params.max_gap
        for total in range(1, 2 * g + 1):
            for gp in range(max(0, total - g), min(g, total) + 1):
                gq = total - gp
                pp, qq = p + gp, q + gq
                if pp >= n or qq >= limit:
                    continue
                target = items[pp]
                if target.key != items[qq].key or target.size < 6 or target.cat == TABLE:
                    continue
                if all(items[x].size <= params.gap_chars and items[x].cat != TABLE
                       for x in (*range(p, pp), *range(q, qq))):
                    return pp, qq
        return None

    def _qualifies(self, pairs: list[tuple[int, int]], params: _RunParams) -> bool:
        later = [self.items[p] for p, _ in pairs]
        substantial = [it for it in later if it.cat != HEADING and it.size >= params.min_chars]
        if any(it.cat == TABLE for it in substantial):
            return True  # a whole statistics table printed twice
        if len(substantial) >= 2:
            return True
        return bool(substantial) and any(it.cat == HEADING for it in later)  # a heading with its body


def analysis(report) -> _Analysis:
    a = report.cache.get("duplication")
    if a is None:
        a = report.cache["duplication"] = _Analysis(report)
    return a


# -- helpers -----------------------------------------------------------------------------------

def _where(block: Block, end: bool = False) -> str:
    line = block.end_line if end and block.end_line is not None else block.line
    if line is not None:
        return str(line)
    return block.pointer or f"第{block.index + 1}段"


def _range(first: Block, last: Block, one_line: bool = False) -> str:
    """第a–b行; on text whose line breaks were lost (``one_line``) also the columns: 第1行第12–340列."""
    if first.line is not None and last.line is not None:
        a, b = first.line, last.end_line or last.line
        if one_line and a == b and first.column is not None and last.end_column is not None:
            return f"第{a}行第{first.column}–{last.end_column - 1}列"
        return f"第{a}行" if a == b else f"第{a}–{b}行"
    a, b = _where(first), _where(last)
    return a if a == b else f"{a}至{b}"


def _at(block: Block, other: Block | None = None) -> str:
    """第n行, with the column when ``other`` (the repeat) sits on the same line (a flattened page)."""
    if block.line is None:
        return _where(block)
    if other is not None and other.line == block.line and block.column is not None:
        return f"第{block.line}行第{block.column}列"
    return f"第{block.line}行"


def _preview(text: str, n: int = 16) -> str:
    t = _WS.sub("", text)
    return t if len(t) <= n else t[:n] + "…"


# -- DL602 -------------------------------------------------------------------------------------

class RepeatedSectionOptions(KindOptions):
    min_chars: int = Field(default=30, ge=1, description="段落或表格达到此字数（规范化后）才算实质内容")
    max_gap: int = Field(default=3, ge=0, le=10, description="重复段内可跳过的不匹配短行数（每侧）")
    gap_chars: int = Field(default=40, ge=0, description="可跳过的不匹配行的最大字数")
    compare_tables: bool = Field(default=True, description="相同的表格也算重复内容")

    def params(self) -> _RunParams:
        return _RunParams(self.min_chars, self.max_gap, self.gap_chars, self.compare_tables)


@register
class RepeatedSection(Kind[RepeatedSectionOptions]):
    name = "repeated-section"
    Options = RepeatedSectionOptions
    params = frozenset({"lines", "first_lines", "titles", "blocks"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        an = analysis(report)
        heads = {s.heading.index: s.label for s in report.structure.sections}
        for run in an.runs(self.options.params()):
            first, last = run.later
            efirst, elast = run.earlier
            blocks = run.later_blocks()
            titles = [heads[b.index] for b in blocks if b.index in heads]
            if not titles:
                titles = [b.text.strip() for b in blocks if b.kind == "heading"]
            shown = "".join(f"“{t}”" for t in titles[:3])  # no 顿号 between quoted items (GB/T 15834)
            titles_param = ""
            if titles:
                titles_param = f"，包括{shown}" + (f"等{len(titles)}个标题" if len(titles) > 3 else "")
            one_line = first.block.line is not None and first.block.line == (elast.block.end_line or elast.block.line)
            lines = _range(first.block, last.block, one_line)
            first_lines = _range(efirst.block, elast.block, one_line)
            yield Hit(
                block=first.block, start=0, end_block=last.block, match=first.block.text,
                params={"lines": lines, "first_lines": first_lines, "titles": titles_param,
                        "blocks": len(run.pairs)},
                evidence={
                    "expected": "每部分内容只出现一次",
                    "actual": f"{lines}与{first_lines}相同",
                    "line": first.block.line, "end_line": last.block.end_line,
                    "end_column": last.block.end_column,
                    "first_line": efirst.block.line, "first_end_line": elast.block.end_line,
                    "blocks": len(run.pairs), "sections": titles,
                },
                key=f"run:{first.key[2:42]}",
                about=tuple(f"block:{i}" for i in range(first.block.index, last.block.index + 1)),
            )


# -- DL601 -------------------------------------------------------------------------------------

class RepeatedParagraphOptions(KindOptions):
    min_chars: int = Field(default=30, ge=1, description="段落达到此字数（去掉空白、统一全半角后）才检查")
    ignore: list[UserPattern] = Field(default_factory=list, description="允许重复的段落（正则表达式，匹配段落任意部分）")


_TITLE_WORDS = ("信息公开", "政务公开")


def _title_like(text: str) -> bool:
    t = text.strip()
    return "报告" in t and len(t) <= 80 and not t.endswith("。") and any(w in t for w in _TITLE_WORDS)


@register
class RepeatedParagraph(Kind[RepeatedParagraphOptions]):
    name = "repeated-paragraph"
    Options = RepeatedParagraphOptions
    params = frozenset({"first", "preview", "count"})

    def __init__(self, rule, options, config):
        super().__init__(rule, options, config)
        self._ignore = [compile_pattern(p) for p in options.ignore]  # user patterns are time-bounded

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        an = analysis(report)
        count: dict[str, int] = {}
        min_chars = self.options.min_chars
        for it in an.items:
            if it.cat != TEXT:
                continue
            count[it.key] = count.get(it.key, 0) + 1
            if count[it.key] < 2 or it.size < min_chars or it.block.kind not in ("paragraph", "list_item"):
                continue
            b = it.block
            if _title_like(b.text) or any(p.search(b.text) for p in self._ignore):
                continue
            first = an.first_of(it)
            if first is None:  # pragma: no cover - count >= 2 means an earlier copy exists
                continue
            sec = report.section_of(first.block)
            yield Hit(
                block=b, start=0, end=len(b.text),
                params={"first": _at(first.block, b), "preview": _preview(b.text), "count": count[it.key]},
                evidence={"first_line": first.block.line, "first_section": sec.label if sec else None,
                          "occurrence": count[it.key], "chars": it.size,
                          "expected": "同一段落只出现一次", "actual": f"第{count[it.key]}次出现"},
                key=f"para:{it.key[2:42]}",
                about=(f"block:{b.index}",),
            )
