"""Truncated documents: a file that ends before the report does (an excerpt, a page cut off).

``AnnualReport.truncation`` is a :class:`Truncation` when the end of the document says that the
text was cut, else ``None``.  Three endings count, judged on the last block of the report's text
(portal fields such as ``【打印】【关闭】`` and pictures after it are skipped):

* **inside a statistics table** (``where="table"``): the last block belongs to a table of
  ``report.stats`` (a grid, one cell per line, or a run of tokens at the end of a flattened line)
  whose rows stop before the schema's last row (table 四: whose columns stop before the last), and
  the text ends in a cell, a value or a label, not in a sentence; or the last piece of text is the
  beginning of a row label of a table (``三、本年度``, ``6.属于四类过程性信``);
* **inside or right after a part's title** (``where="title"``): ``五、存在的主`` (the beginning of a
  part's title) or a complete part title with nothing after it;
* **inside a sentence** (``where="sentence"``): the last paragraph has sentence punctuation but
  stops on a Chinese character without its closing mark (``…对26个领域开展了全``) or on a mark a
  sentence never ends with (``，`` ``、`` ``；``) — unless the text has reached part 六 or carries a
  signature, where a forgotten final ``。`` is likelier.  A line ending in a digit (a phone number,
  ``其中维持1``) or a short numbered line (a sub-title) is not judged.

Not truncated: a document that ends after a complete sentence, a signature or a date (a report
missing its tail is the report's defect, told by the structure rules), and a complete table (a
report that ends with table 四 is rare, but it is not a cut one).

``unchecked`` lists the parts whose absence or emptiness is not reported (the part the text ends in
and every later one); rules that report missing parts, missing tables, empty parts, unfilled tables
and missing rows read it, and ``unread-content`` (DL002) says once where the document ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from ..model import Block
from . import catalogue as cat
from .stats.schema import SCHEMAS, norm, strip_number

if TYPE_CHECKING:  # pragma: no cover
    from . import AnnualReport
    from .stats.model import StatTable

SECTION_IDS = tuple(s.id for s in cat.SECTIONS)
TABLE_SECTIONS = ("s2", "s3", "s4")

_TOP = re.compile(r"^\s*[#*_]*\s*(?:第)?(?P<num>[一二三四五六七八九十]{1,2})\s*[、.．]\s*(?P<title>[^\s]*)\s*[*_]*\s*$")
_SENTENCE_MARK = re.compile(r"[，。；、,;]")
_CJK_END = re.compile(r"[\u4e00-\u9fff]$")
_OPEN_MARKS = ("，", "、", ",", "；", ";")  # marks a sentence never ends with
_IMAGE = re.compile(r"^\s*(?:!\[[^\]]*\]\([^)]*\)\s*)+$|^\s*<img\b[^>]*>\s*$", re.I)
_TEXT_KINDS = frozenset({"heading", "paragraph", "list_item", "html", "table"})


@dataclass(frozen=True)
class Truncation:
    """Where a cut-off document ends and what could therefore not be checked."""

    block: Block  # the last block of the report's text
    start: int  # the last piece of text: ``block.text[start:end]``
    end: int
    where: Literal["table", "title", "sentence"]
    section: str | None  # canonical id of the part the text ends in (s1…s6), None if unknown
    table: str | None = None  # s2 / s3 / s4 when it ends inside that statistics table
    last_row: str | None = None  # label of the last row of that table read (as written)
    rows_after: tuple[str, ...] = ()  # official labels of the table's rows (table 四: columns) after the cut

    @property
    def tail(self) -> str:
        return self.block.text[self.start:self.end]

    @property
    def unchecked(self) -> frozenset[str]:
        """Parts whose absence, emptiness or missing table is not reported: this one and every later one."""
        if self.section is None:
            return frozenset(SECTION_IDS)
        return frozenset(SECTION_IDS[SECTION_IDS.index(self.section):])


# -- label vocabularies --------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _row_labels() -> tuple[tuple[str, str], ...]:
    """(normalised label with and without its number, table id) of every row label of both versions."""
    out: set[tuple[str, str]] = set()
    for (tid, _version), sch in SCHEMAS.items():
        for r in sch.rows:
            for lbl in (r.label, *r.aliases):
                out.add((norm(lbl), tid))
                out.add((norm(strip_number(lbl)), tid))
    return tuple(sorted(x for x in out if x[0]))


@lru_cache(maxsize=1)
def _table_labels() -> frozenset[str]:
    """Every row, column and header label of the three tables (normalised), for "is this a piece of a table"."""
    from .structure import TABLE_LABELS

    out = {k for k, _ in _row_labels()}
    for sch in SCHEMAS.values():
        for c in sch.cols:
            out.update(norm(x) for x in (c.label, *c.aliases, c.group or ""))
    for labels in TABLE_LABELS.values():
        out.update(norm(x) for x in labels)
    return frozenset(x for x in out if x)


def _is_table_label(text: str) -> bool:
    k = norm(text)
    return k in _table_labels() or k.startswith(("第二十条", "第二十一条"))


def _row_fragment(text: str) -> str | None:
    """The table whose row label ``text`` begins without completing (三、本年度 → s3), or None."""
    k = norm(text)
    if len(k) < 2 or not re.search(r"[\u4e00-\u9fff]", k):
        return None
    hit = None
    for label, tid in _row_labels():
        if label == k:
            return None  # a complete label
        if label.startswith(k):
            hit = hit or tid
    return hit


@lru_cache(maxsize=1)
def _section_titles() -> dict[int, tuple[str, ...]]:
    return {i + 1: tuple(cat.normalise_title(t) for t in (s.title, *s.variants)) for i, s in enumerate(cat.SECTIONS)}


def _title_fragment(text: str) -> tuple[int, bool] | None:
    """(part number, complete title) for ``五、存在的主`` / ``五、存在的主要问题及改进情况``, else None."""
    m = _TOP.match(text)
    if m is None:
        return None
    n = cat.cn_to_int(m.group("num"))
    if n is None or n > 6:
        return None
    title = m.group("title")
    spec, quality = cat.match_section(title) if title else (None, "none")
    if spec is not None and quality == "exact":
        return n, True
    key = cat.normalise_title(title)
    if any(t.startswith(key) and t != key for t in _section_titles()[n]):
        return n, False
    return None


# -- the analysis -------------------------------------------------------------------------------------


def _last_block(report: AnnualReport) -> Block | None:
    portal = report.portal
    for b in reversed(report.lintable_blocks):
        if b.kind not in _TEXT_KINDS or not b.text.strip():
            continue
        if portal.is_line(b) or _IMAGE.match(b.text):
            continue
        if b.kind == "html" and "<table" not in b.text.lower():
            continue
        return b
    return None


def _tail_span(block: Block) -> tuple[int, int]:
    """The last piece of text of a block: its last cell, line or space-separated token."""
    text = block.text.rstrip()
    text = text.rstrip("|｜ \t")
    end = len(text)
    cut = max(text.rfind("\n"), text.rfind("\t"), text.rfind("|"), text.rfind("｜"))
    start = cut + 1
    piece = text[start:end]
    if block.kind != "table":  # flattened text: blocks joined by spaces
        k = max(piece.rfind(" "), piece.rfind("\u3000"))
        if k >= 0:
            start += k + 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def six_parts(report: AnnualReport) -> bool:
    """Do the six parts of the unified formats apply (the year says so, or, year unknown, the text does)?"""
    st = report.structure
    return st.applies or (report.format_version is None and st.unified)


def _section_id(report: AnnualReport, block: Block) -> str | None:
    sec = report.section_of(block)
    if sec is None:
        return None
    if sec.id is not None:
        return sec.id
    for sid, slot in report.structure.slots.items():
        if slot is sec:
            return sid
    if sec.number is not None and 1 <= sec.number <= 6 and six_parts(report):
        return SECTION_IDS[sec.number - 1]  # numbered in a unified-format report: its place says which
    return None


def _is_value(text: str) -> bool:
    from .stats.extract import is_value

    return is_value(text.strip())


def _cut_table(report: AnnualReport, block: Block, tail: str) -> tuple[str, StatTable, int] | None:
    """(table id, table, index of the last row read) when ``block`` ends a table that stops early.

    A table with row labels the tool could not read (other than the cut piece itself) may go on past
    the last row read: it is not called cut.
    """
    for tid in TABLE_SECTIONS:
        t = report.stats.get(tid)
        if t is None or t.layout == "image" or not any(b is block for b in t.blocks):
            continue
        if any(u.what == "row" and u.label.strip() != tail.strip() for u in t.unmapped):
            continue
        if tid == "s4":  # one data row: the columns read (their labels, when no value was read at all)
            cols = [c.id for c in t.schema.cols]
            if not t.cells and 0 < len(t.loose) < len(cols):
                # a flattened row of values (read from the left) that stops before its fifteenth value
                return tid, t, len(t.loose) - 1
            seen = t.cols_found if t.cells else set(t.col_labels)
            last = max((i for i, c in enumerate(cols) if c in seen), default=-1)
            if last < len(cols) - 1:
                return tid, t, last
            continue
        rows = [r.id for r in t.schema.data_rows()]
        seen = t.rows_found | set(t.row_labels) | {c.row for c in t.loose if c.row}
        last = max((i for i, r in enumerate(rows) if r in seen), default=-1)
        if last < len(rows) - 1:
            return tid, t, last
    return None


def _previous(report: AnnualReport, block: Block) -> Block | None:
    prev = None
    for b in report.lintable_blocks:
        if b is block:
            return prev
        if b.text.strip():
            prev = b
    return None


def analyse(report: AnnualReport) -> Truncation | None:
    block = _last_block(report)
    if block is None:
        return None
    start, end = _tail_span(block)
    if start >= end:
        return None
    tail = block.text[start:end]
    whole = block.text.strip()

    # 1. a part's title, cut or alone at the end (checked first: 五、存在的主 after a table is not a table row)
    frag = _title_fragment(tail) or (_title_fragment(whole) if block.kind != "table" else None)
    if frag is not None:
        n, _complete = frag
        return Truncation(block, start, end, "title", SECTION_IDS[n - 1])

    # 2. inside a statistics table: the table stops early, or the text ends in the beginning of a row label;
    #    outside a grid the last piece must be a piece of a table (a value, a label), not a signature or prose
    value = _is_value(tail)
    row_tid = None if value else _row_fragment(tail)
    cell_like = block.kind == "table" or value or row_tid is not None or _is_table_label(tail)
    cut = _cut_table(report, block, tail) if cell_like else None
    if cut is None and row_tid is not None:  # a cut row on a line of its own after the table
        prev = _previous(report, block)
        cut = _cut_table(report, prev, "") if prev is not None else None
        if cut is not None and cut[0] != row_tid:
            cut = None
    if cut is not None:
        tid, t, last = cut
        if tid == "s4":  # columns repeat their labels: name them with their group (未经复议直接起诉·结果纠正)
            cols = t.schema.cols
            last_label = f"{cols[last].group}·{cols[last].label}" if last >= 0 else None
            after = tuple(f"{c.group}·{c.label}" for c in cols[last + 1:])
        else:
            rows = t.schema.data_rows()
            last_label = (t.row_labels.get(rows[last].id) or rows[last].label) if last >= 0 else None
            every = list(t.schema.rows)  # group rows too (三、本年度办理结果 before （一）予以公开)
            k = every.index(rows[last]) if last >= 0 else -1
            after = tuple(r.label for r in every[k + 1:])
        return Truncation(block, start, end, "table", tid, tid, last_label, after)
    if row_tid is not None:
        return Truncation(block, start, end, "table", row_tid, row_tid)

    # 3. inside a sentence: sentence punctuation, then a Chinese character (or a comma) and the end
    #    (of the last piece: in flattened text the last line is the text after the last space)
    seg = tail
    if block.kind == "table" or len(seg) < 8 or _TOP.match(seg):
        return None
    if not (_CJK_END.search(seg) or seg.endswith(_OPEN_MARKS)):
        return None
    if not _SENTENCE_MARK.search(seg[-60:-1]):
        return None
    section = _section_id(report, block)
    if section == "s6" or report.signature_mention is not None:
        return None
    return Truncation(block, max(start, end - 12), end, "sentence", section)
