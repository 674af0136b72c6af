"""Repeated passages: the blocks of a report printed twice (``report.repeats``).

Every visible block is normalised (whitespace and Markdown emphasis removed; full-width letters,
digits and punctuation folded to half width and 。、“”【】 to their ASCII counterparts, so a scraped
copy with half-width punctuation matches) and compared by that key.  The folding maps one character
to one, so only blocks of equal length are folded at all.  Prose is never compared with tables or
table-like lines (``a | b | c``).

:meth:`Repeats.runs` finds runs of consecutive blocks that repeat an earlier run in the same order
(what DL602 reports), for the run parameters a rule gives (cached per parameters): runs are found
greedily from the start of the document: at a block whose key occurred earlier, the run is extended
over the following blocks while they equal the blocks after the earlier copy; a few short unmatched
lines on either side (a "发布日期 … 浏览次数" line printed differently, a navigation line) may be
bridged.  Each block starts at most a few candidate alignments and a run is skipped over once found,
so the work is linear in the number of blocks.  :attr:`Repeats.items` with :meth:`Repeats.first_of`
give each block's earlier copy (what DL601 reports).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Block

if TYPE_CHECKING:  # pragma: no cover
    from .annual import AnnualReport

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


def _squeeze(text: str) -> str:
    """Whitespace and Markdown emphasis removed (cheap: C-level string methods only)."""
    s = "".join(text.split())
    if "*" in s or "`" in s:
        s = s.replace("*", "").replace("`", "")
    return s


_FOLD_STR = {chr(k): chr(v) if isinstance(v, int) else v for k, v in _FOLD.items()}
# Every folded character.  No character folds to one of them, so folding part of them first and the rest
# after gives what folding all at once gives.
_FOLDED = re.compile("[" + "".join(re.escape(c) for c in _FOLD_STR) + "]")
_MANY_KINDS = 12  # more distinct folded characters left than this: one translate, not one replace each


def _fold(squeezed: str) -> str:
    """``squeezed.translate(_FOLD).lower()``, faster: translate looks every character up in the table
    (≈50 ns a character, most of a report's normalising); ``str.replace`` scans in C and returns the same
    object when the mark is absent.  The commonest marks are replaced first, then each other folded
    character the text holds (a few at most; many: one translate).  Every target is one character."""
    s = (squeezed.replace("，", ",").replace("。", ".").replace("、", ",").replace("（", "(").replace("）", ")")
         .replace("；", ";").replace("：", ":").replace("“", '"').replace("”", '"'))
    # each other folded character: found by a search that goes on where the last one stopped (all of that
    # character replaced, every character before it is folded already: one linear scan in all, no list of
    # matches on a hostile text); the replacements keep the length, so the position stays valid
    m = _FOLDED.search(s)
    kinds = 0
    while m is not None:
        kinds += 1
        if kinds > _MANY_KINDS:
            return s.translate(_FOLD).lower()
        ch = m.group()
        s = s.replace(ch, _FOLD_STR[ch])
        m = _FOLDED.search(s, m.start())
    return s.lower()


def fold_all(squeezed: list[str]) -> list[str]:
    """``[_fold(s) for s in squeezed]`` for texts without a newline (squeezed: no whitespace at all), folded
    joined by newlines in one pass: folding maps characters one by one and ``lower`` reads no context across
    a newline (its only contextual rule, the final sigma, stops at a character neither cased nor
    case-ignorable)."""
    return _fold("\n".join(squeezed)).split("\n") if squeezed else []


def normalize(text: str) -> str:
    """Comparison form of a text: no whitespace or emphasis, full/half width and 。、“” unified."""
    return _fold(_squeeze(text))


def squeeze_all(texts: list[str]) -> list[str]:
    """``[_squeeze(t) for t in texts]`` in one pass over the texts joined by NULs (not whitespace: split keeps
    them; a text holding one is squeezed on its own).  Tabs and newlines (a table's cell and row separators: a split
    made a string per cell) are removed first by ``str.replace``, which copies the rest in runs, then the other
    whitespace by the split (to which tab and newline are whitespace: the same characters are removed)."""
    s = "".join("\0".join(texts).replace("\t", "").replace("\n", "").split())
    if "*" in s or "`" in s:
        s = s.replace("*", "").replace("`", "")
    out = s.split("\0")
    return out if len(out) == len(texts) else [_squeeze(t) for t in texts]


def normalize_all(texts: list[str]) -> list[str]:
    """``[normalize(t) for t in texts]``, squeezed and folded in one pass each (:func:`squeeze_all`, :func:`fold_all`)."""
    return fold_all(squeeze_all(texts))


def _is_row_like(text: str) -> bool:
    """A line of table cells outside a table block (``a | b | c`` or tab-separated)."""
    return ("|" in text or "\t" in text) and len([c for c in _CELL_SPLIT.split(text.strip()) if c]) >= 2


# -- the analysis ------------------------------------------------------------------------------

TEXT, HEADING, TABLE = "text", "heading", "table"


@dataclass(slots=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class Item:
    """One visible block with its comparison key."""

    pos: int  # position in the sequence
    block: Block
    key: str
    size: int  # characters without whitespace
    cat: str  # TEXT | HEADING | TABLE (table blocks and table-like lines)


@dataclass(slots=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class Run:
    """A run of consecutive blocks that repeats an earlier run in the same order."""

    pairs: list[tuple[int, int]]  # (later pos, earlier pos), both increasing
    items: list[Item]  # the whole sequence, for convenience

    @property
    def later(self) -> tuple[Item, Item]:
        return self.items[self.pairs[0][0]], self.items[self.pairs[-1][0]]

    @property
    def earlier(self) -> tuple[Item, Item]:
        return self.items[self.pairs[0][1]], self.items[self.pairs[-1][1]]

    def later_blocks(self) -> list[Block]:
        a, b = self.pairs[0][0], self.pairs[-1][0]
        return [it.block for it in self.items[a:b + 1]]


@dataclass(frozen=True, slots=True)
class RunParams:
    """What makes a repeated run (the options of the rule that reports runs)."""

    min_chars: int
    max_gap: int
    gap_chars: int
    compare_tables: bool


class Repeats:
    """The blocks of one report compared by their normalised text (see the module)."""

    def __init__(self, blocks: list[Block], section_heads: set[int]):
        items: list[Item] = []
        by_len: dict[tuple[str, int], list[Item]] = {}
        for b, sq in zip(blocks, squeeze_all([b.text for b in blocks]), strict=True):
            if b.kind == "table":
                # cells joined by tabs, rows by newlines: squeezing drops the separators, which
                # is enough to tell whether two tables print the same cells in the same order
                cat = TABLE
            elif ("|" in b.text or "\t" in b.text) and _is_row_like(b.text):
                cat, sq = TABLE, sq.replace("|", "")
            else:
                sq = sq.lstrip("#")
                cat = HEADING if (b.kind == "heading" or b.index in section_heads) else TEXT
                if not sq.strip("|｜-—=_"):
                    continue  # a line of separators only (a crawler's ||||: a table's row end), no paragraph
            if not sq:
                continue
            it = Item(len(items), b, sq, len(sq), cat)
            items.append(it)
            by_len.setdefault(("T" if cat == TABLE else "P", len(sq)), []).append(it)
        # Folding maps one character to one, so only blocks of equal squeezed length can be
        # equal.  A block alone in its length gets a key of its own (most paragraphs); a group
        # whose texts are already identical needs no folding; otherwise each text is folded.
        mixed = [g for g in by_len.values() if len(g) > 1 and any(it.key != g[0].key for it in g)]
        raws = list({it.key for g in mixed for it in g})
        folded = dict(zip(raws, fold_all(raws), strict=True))  # every text to fold, in one pass
        mixed_ids = {id(g) for g in mixed}
        for (prefix, _), group in by_len.items():
            if len(group) == 1:
                group[0].key = f"U\x00{group[0].pos}"
            elif id(group) in mixed_ids:
                for it in group:
                    it.key = f"{prefix}\x00{folded[it.key]}"
            else:
                key = f"{prefix}\x00{group[0].key}"  # already identical: no folding needed
                for it in group:
                    it.key = key
        self.items = items
        occ: dict[str, list[int]] = {}
        for it in items:
            occ.setdefault(it.key, []).append(it.pos)
        self.occ = occ
        self._runs: dict[RunParams, list[Run]] = {}

    def first_of(self, item: Item) -> Item | None:
        first = self.occ[item.key][0]
        return self.items[first] if first < item.pos else None

    # -- runs ---------------------------------------------------------------------------------
    def runs(self, params: RunParams) -> list[Run]:
        """Qualifying repeated runs (what DL602 reports), in document order."""
        if params not in self._runs:
            self._runs[params] = self._find_runs(params)
        return self._runs[params]

    def _find_runs(self, params: RunParams) -> list[Run]:
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

    def _extend(self, i: int, k: int, params: RunParams) -> list[tuple[int, int]]:
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

    def _resync(self, p: int, q: int, limit: int, params: RunParams) -> tuple[int, int] | None:
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

    def _qualifies(self, pairs: list[tuple[int, int]], params: RunParams) -> bool:
        later = [self.items[p] for p, _ in pairs]
        substantial = [it for it in later if it.cat != HEADING and it.size >= params.min_chars]
        if any(it.cat == TABLE for it in substantial):
            return True  # a whole statistics table printed twice
        if len(substantial) >= 2:
            return True
        return bool(substantial) and any(it.cat == HEADING for it in later)  # a heading with its body


def find_repeats(report: AnnualReport) -> Repeats:
    """The repeated-passages analysis of ``report``'s visible blocks (section headings count as headings)."""
    return Repeats(report.lintable_blocks, {s.heading.index for s in report.structure.sections})
