"""Statistics tables that are in the text but that the tool could not read at all.

A page whose text nodes were joined with nothing between them (a minified page's ``textContent``) prints a
table as one run of labels and digits: ``第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000
行政规范性文件5845546…`` (:mod:`.stats.runs` places what it can: 规章 0 0 0).  Where the statistics reader
(:mod:`.stats`) finds no table for part 二, 三 or 四 (table 三 whose empty cells vanished, its labels glued),
this module looks in the part's body for such a run: three or more labels of that table
(:data:`.structure.TABLE_LABELS`, and the 第二十条第（一）项 captions) one after another with nothing but
digits, spaces, commas, points or placeholders (/ — - 无) between them, and a row's marker （一） or 二、
before a label (:data:`_GAP`).  A sentence about the same things (``被申请行政复议3件，其中结果维持2件、尚未
审结1件``) has words and marks between its labels and is not a run.

``AnnualReport.unread_tables`` maps the part's id to an :class:`UnreadTable` (where the run is); the flattened
tables of a copy that lost its repeated lines (:mod:`.stats.deduped`) are listed too, with ``why == "deduplicated"``, and a
part whose body holds rows of a PDF table drawn without rules that the reader could not lay out (``Document.table_text``),
with ``why == "layout"``, when no table was read from its text either.  The table is
not missing (``missing-table`` stays silent) and the tool says it could not read it (``table-unreadable``,
DL001): what cannot be read is an input finding, never a structure error.  The scan is linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..model import Block
from .structure import TABLE_LABELS

if TYPE_CHECKING:  # pragma: no cover
    from .annual import AnnualReport

MIN_LABELS = 3  # labels in a run for it to be a table
_CAPTION = r"第二十一?条第[（(][一二三四五六七八九十]{1,3}[）)]项"
# (and a row's marker before the next label: …0000000（一）予以公开, …21二、上年结转…)
# (a crawler's cell separators | too: a table whose rows' breaks were lost, 信息内容 |本年制发件数 |…|规章 |/ |/ |)
_GAP = re.compile(r"[\s\d.,，／/—\-－无|｜]*(?:(?:[（(][一二三四五六七八九十]{1,2}[）)]|[一二三四五六七八九十]、)\s*)?")


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class UnreadTable:
    """A run of a table's labels in a part's text: ``block.text[start:end]``."""

    section: str  # s2 | s3 | s4
    block: Block
    start: int
    end: int
    labels: int  # labels in the run
    # run: its cells run together; deduplicated: the copy lost its repeated lines (.stats.deduped); layout: a PDF
    # table drawn without rules whose grid the reader was not sure of (``Document.table_text``: its rows' blocks)
    why: str = "run"
    # shredded: every line of the part read as the table's (its label pieces and its lines of numbers), whose item
    # markers (（一）予 / （二）部 / （七）总 47 7) are the table's cut labels, not a numbered list of the prose
    blocks: tuple[Block, ...] = ()


@cache
def _labels(sid: str) -> re.Pattern[str]:
    words = sorted(TABLE_LABELS[sid], key=lambda w: (-len(w), w))
    extra = [_CAPTION] if sid == "s2" else []
    return re.compile("|".join(extra + [re.escape(w) for w in words]))


def _run(sid: str, block: Block) -> UnreadTable | None:
    """The first run of :data:`MIN_LABELS` or more labels of table ``sid`` in the block, or None."""
    text = block.text
    first = last = None
    count = 0
    for m in _labels(sid).finditer(text):
        if last is not None and _GAP.fullmatch(text, last.end(), m.start()) is not None:
            count += 1
        else:
            if count >= MIN_LABELS:
                break
            first, count = m, 1
        last = m
    if first is None or last is None or count < MIN_LABELS:
        return None
    return UnreadTable(sid, block, first.start(), last.end(), count)


def find_unread(report: AnnualReport) -> dict[str, UnreadTable]:
    out: dict[str, UnreadTable] = {}
    stats = report.stats
    unlaid = frozenset(getattr(getattr(report, "document", None), "table_text", ()))
    dd = report.deduplicated
    for sid in ("s2", "s3", "s4"):
        if dd is not None and sid in dd.tables:
            first = dd.tables[sid].blocks[0] if dd.tables[sid].blocks else None
            if first is not None:
                out[sid] = UnreadTable(sid, first, 0, len(first.text.split("\n", 1)[0]), 0, "deduplicated")
                continue
        sec = report.sections_by_id.get(sid)
        t = stats.get(sid)
        if sec is None or (t is not None and (t.cells or t.loose or t.unmapped)):
            continue  # (a table read with nothing in it may be its labels run together with its numbers)
        laid = next((b for b in sec.blocks if b.index in unlaid), None)
        if laid is not None:  # a PDF table drawn without rules, its grid unsure: its rows are text
            out[sid] = UnreadTable(sid, laid, 0, len(laid.text), 0, "layout")
            continue
        for b in sec.blocks:
            if b.kind not in ("paragraph", "heading", "list_item"):
                continue
            found = _run(sid, b)
            if found is not None and (t is None or _NUMBER_AFTER_WORD.search(b.text, found.start, found.end)):
                out[sid] = found  # (a table read empty: only when numbers run into its words, not a blank template)
                break
        else:
            shredded = _shredded(sid, sec.blocks)
            if shredded is not None:
                out[sid] = shredded
    return out


# a number right after a word (规章000行政…), not a label's own number (1.属于国家秘密)
_NUMBER_AFTER_WORD = re.compile(r"[\u4e00-\u9fff][ \t]*\d+(?![.．、\d])")
MIN_SHREDS = 10  # lines holding only numbers in a part's body for its table to be there, shredded
_NUMBERS_ONLY = re.compile(r"[\d\s.,，%％/—\-－]+")
_SHRED = 12  # the longest line taken for a piece of a label


def _shredded(sid: str, blocks: list[Block]) -> UnreadTable | None:
    """A table printed one piece per line, its labels broken over several lines (``一、本年新收政`` / ``府信息公开申请``
    / ``数量``) and its numbers on lines of their own: a PDF's text (``pdftotext``) of a table with narrow columns.
    At least :data:`MIN_SHREDS` lines of numbers in the part, and :data:`MIN_LABELS` of its table's labels in its short
    lines joined — then the table is there, unreadable, not missing."""
    numbers = 0
    pieces: list[str] = []
    first: Block | None = None
    shreds: list[Block] = []
    for b in blocks:
        if b.kind not in ("paragraph", "heading", "list_item"):
            continue
        text = b.text.strip()
        if _NUMBERS_ONLY.fullmatch(text):
            numbers += 1
            shreds.append(b)
        elif len(text) <= _SHRED:
            pieces.append(text.replace(" ", ""))
            first = first or b
            shreds.append(b)
    if numbers < MIN_SHREDS or first is None:
        return None
    labels = len(_labels(sid).findall("".join(pieces)))
    if labels < MIN_LABELS:
        return None
    # the table's lines: from its first label piece to its last line of numbers (a short line of prose before or
    # after the table is not one of them)
    last = max(b.index for b in shreds if _NUMBERS_ONLY.fullmatch(b.text.strip()))
    inside = tuple(b for b in shreds if first.index <= b.index <= last)
    return UnreadTable(sid, first, 0, len(first.text), labels, "shredded", inside)
