"""Compact per-report facts for the checks across reports (``FileResult.facts``): plain JSON, a few KB.

What the cross-report rules need of a report and nothing more, each figure with the place it stands in the report
(so that a finding about it points into the report even when the report itself is no longer at hand — a result
from the cache or from another process):

* ``agency``, ``kind``, ``year``, ``format`` and ``body`` (the body key of :mod:`.identity`, ``[region, body]``);
* ``cells``: ``"s3:carried_over:total" → [value, place]`` for the statistics cells the rules compare (table 二
  every count; table 三 一、二 and 四 per column, 予以公开、部分公开、（七）总计 in the 总计 column; table 四 结果纠正
  and 总计 of its three blocks);
* ``whole_area``: the prose states figures for the whole area (``全区共收到政府信息公开申请…``): a government's
  report whose table 三 may be compared with the sum of its departments';
  ``not_open``: table 三's 不予公开 (the sum of its eight sub-items), ``[value, place]``;
* ``stat_hash`` / ``stat_nonzero``: a hash of the values of the year's own figures among ``cells`` (the *flows*
  of tables 二–四: :func:`flow_key`, without the stock columns, 上年结转 and the totals that repeat other cells) and how
  many *different* values other than 0 they hold (DL603's identity of the tables: 3 requests counted under 新收,
  予以公开 and （七）总计, in the 自然人 and 总计 columns, are one figure, not five);
* ``paras``: one entry per prose paragraph of 10+ characters, ``[masked, exact, size, place, preview]``: hashes of
  its comparison form with digits masked and kept (:func:`.report.repeats.normalize`, all of a report's at once);
  not the opening above the report's first part (the format's own words, the same every year but for the year);
* ``own_year``: sentences that open with the previous year and the body speaking of itself (``2023年，我局…`` in
  a 2024 report), ``[year, exact paragraph hash, place, sentence]``.

A place is ``[line, column, end_line, end_column, pointer]`` (line and column None for Word/PDF, where the pointer
says 第N段 or 第N页第M行), computed as the engine computes a finding's.
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_right
from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import Any

from ..memo import Kept
from ..model import Block, Cell, beside_table_name
from ..report import AnnualReport
from ..report.repeats import normalize_all
from ..report.stats.model import StatCell, StatTable
from ..report.stats.schema import S3_COLS
from .identity import body_key

FACTS_VERSION = 1
MIN_PARAGRAPH = 10  # characters (without whitespace) of a paragraph kept for the copy check
PREVIEW = 30  # characters of a paragraph kept to show it

_S3_ROWS_ALL_COLS = ("new", "carried_over", "carried_forward")
_S3_ROWS_TOTAL = ("result.open", "result.partial", "result.total")
S3_COL_IDS = tuple(c.id for c in S3_COLS)
_S4_COLS = tuple(f"{b}.{r}" for b in ("review", "direct", "after_review") for r in ("corrected", "pending", "total"))
# a run of digits: \d\d* rather than \d+, the same matches, because SRE scans for a pattern's first character only when
# it is a set (a repeat first is tried as a match at every position: most of the masking's time on a text of Chinese)
_DIGITS = re.compile(r"\d\d*")
_WHOLE_AREA = re.compile(r"全(?:省|市|州|盟|区|县|旗)[^。；]{0,30}?(?:收到|受理|新收|办理)[^。；]{0,20}?申请")
_OWN_YEAR = re.compile(r"(?:^|[。；！？])\s*((?:19|20)\d{2})\s*年度?\s*[，,、]?\s*(?:以来)?\s*[我本](?:[^，。；]{0,6}?)"
                       r"(?:局|委|办|机关|单位|部门|区|县|市|镇|乡|街道|院|厅|中心|政府)")

Place = list[Any]


def _num(d: Decimal) -> int | float:
    return int(d) if d == d.to_integral_value() else float(d)


def _place(rep: AnnualReport, block: Block | None, cell: Cell | None = None, start: int = 0,
           end: int | None = None, pointer: str | None = None) -> Place:
    """``[line, column, end_line, end_column, pointer]`` of a cell or a stretch of a block, as the engine places a
    finding (paged formats: a 第N页第M行 pointer and no line)."""
    a = b = None
    if cell is not None:
        a, b = cell.locate(start), cell.locate(len(cell.text) if end is None else end)
    elif block is not None:
        a, b = block.span(start, len(block.text) if end is None else end)
    parts: list[str] = []
    line = column = end_line = end_column = None
    if a is not None and b is not None:
        if a.page is not None:
            parts.append(f"第{a.page}页第{a.line}行")
        else:
            line, column, end_line, end_column = a.line, a.column, b.line, b.column
    if pointer:
        parts.append(pointer)
    elif block is not None:
        sec = rep.section_of(block)
        if sec is not None:
            parts.append(sec.label)
        if block.pointer and a is not None and a.page is None:
            parts.append(block.pointer)
    return [line, column, end_line, end_column, " › ".join(parts) or None]


_OFFSET = attrgetter("offset")
_NUMBERS = frozenset({int, float})
_STRS = frozenset({str})
_FIRST = itemgetter(0)


def _block_place(rep: AnnualReport, block: Block) -> Place:
    """``_place(rep, block)`` (a whole block), without its Location objects: the block's start and end located
    as :meth:`.Block.locate` does (the anchor at or before the offset; no anchors: the block's line, column)."""
    anchors = block.anchors
    page: int | None
    line: int | None
    column: int | None
    end_line: int | None
    end_column: int | None
    if anchors:
        a = anchors[max(0, bisect_right(anchors, 0, key=_OFFSET) - 1)]
        end = len(block.text)
        b = anchors[max(0, bisect_right(anchors, end, key=_OFFSET) - 1)]
        page, line, column = a.page, a.line, a.column - a.offset
        end_line, end_column = b.line, b.column + (end - b.offset)
    else:
        page, line, column = None, block.line, block.column
        end_line, end_column = line, column
    parts: list[str] = []
    if page is not None:
        parts.append(f"第{page}页第{line}行")
        line = column = end_line = end_column = None
    sec = rep.section_of(block)
    if sec is not None:
        parts.append(sec.label)
    if block.pointer and page is None:
        parts.append(block.pointer)
    return [line, column, end_line, end_column, " › ".join(parts) or None]


def _cell_fact(rep: AnnualReport, c: StatCell, has_lines: bool, has_numbers: bool) -> list[Any] | None:
    """``[value, place]`` of a statistics cell (None: text, or a blank in a table without numbers);
    ``has_lines`` is ``rep.document.has_lines``, ``has_numbers`` the table's (read once per report, not per cell)."""
    v = c.value
    kind = v.kind
    if kind == "int":
        value: int | float = int(v.number)  # type: ignore[arg-type]  # an "int" value is a whole number
    elif kind == "decimal":
        value = _num(v.arithmetic)
    elif kind == "text" or not has_numbers:
        return None
    else:
        value = 0  # blank or placeholder in a table with numbers: 0, as in the identities
    ptr = c.pointer
    cell = c.cell
    if cell is not None and cell.pointer and not has_lines:
        ptr += f"（{beside_table_name(cell.pointer)}）"
    if cell is not None and not cell.anchors:
        # _place of a grid cell without anchors (Cell.locate inlined: the cells of tables 二–四, every report)
        if cell.line is None:
            return [value, [None, None, None, None, ptr]]
        column = cell.column or 1
        return [value, [cell.line, column, cell.line, column + len(cell.text), ptr]]
    return [value, _place(rep, c.block, cell, pointer=ptr)]


def _wanted(tid: str, t: StatTable | None) -> Iterator[tuple[str, str]]:
    """The (row, column) keys of table ``tid`` that the facts keep (of tables 三 and 四 whatever ``t``)."""
    if tid == "s3":
        for row in _S3_ROWS_ALL_COLS:
            for col in S3_COL_IDS:
                yield row, col
        for row in _S3_ROWS_TOTAL:
            yield row, "total"
    elif tid == "s4":
        for col in _S4_COLS:
            yield "cases", col
    elif t is not None:
        yield from (k for k in t.cells if k[1] not in ("amount", "procurement_amount"))


# (cell key, fact key) of tables 三 and 四, in :func:`_wanted`'s order: made once, not per report
_FIXED_KEYS = {tid: tuple(((row, col), f"{tid}:{row}:{col}") for row, col in _wanted(tid, None))
               for tid in ("s3", "s4")}


# (cell key, fact key) of a table other than 三 and 四 (:func:`_wanted`: its cells' keys, but the amounts), kept by
# the table and its cells' keys in order (the jobs reports' tables 二 have a few layouts): the fact keys made once and
# shared by the reports.  At most 64 layouts of at most 256 cells.
_OTHER_KEYS: Kept[tuple[str, tuple[tuple[str, str], ...]], tuple[tuple[tuple[str, str], str], ...]] = Kept(
    "facts: a table's fact keys by its cells' keys", 64)


def _cells(rep: AnnualReport) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    has_lines = rep.document.has_lines
    for tid, t in rep.stats.items():
        if not t.comparable:  # a picture, or a column that may have shifted the others: not compared across reports
            continue
        cells = t.cells
        has_numbers = t.has_numbers
        keys = _FIXED_KEYS.get(tid)
        if keys is None:  # (table 二: its keys are its cells')
            layout = (tid, tuple(cells))
            keys = _OTHER_KEYS.get(layout)
            if keys is None:
                keys = tuple(((row, col), f"{tid}:{row}:{col}") for row, col in _wanted(tid, t))
                if len(cells) <= _HASH_KEYS:
                    _OTHER_KEYS.keep(layout, keys)
        for rc, name in keys:
            c = cells.get(rc)
            if c is None:
                continue
            # _cell_fact of a whole number in a grid cell with a line and no anchors (a Markdown table's), in line
            v = c.value
            cell = c.cell
            if (v.kind == "int" and cell is not None and not cell.anchors and cell.line is not None
                    and (has_lines or not cell.pointer)):
                column = cell.column or 1
                value = int(v.number)  # type: ignore[arg-type]  # an "int" value is a whole number
                out[name] = [value, [cell.line, column, cell.line, column + len(cell.text), c.pointer]]
            elif (got := _cell_fact(rep, c, has_lines, has_numbers)) is not None:
                out[name] = got
    return out


# The text _stat_hash hashes as a format of the values, kept by the figures' keys in their order (a report's layout:
# the 300 jobs reports have two): the keys' order sorted and the text with a %r for each value in that order, so
# that a report's text is one % of its values instead of sorting its (key, value) pairs and a repr of each.  At most
# 64 layouts of at most 256 keys.
_HASH_TEXTS: Kept[tuple[str, ...], tuple[Callable[[list[Any]], Any], str]] = Kept(
    "facts: the stat hash's text as a format by the figures' keys", 64)
_HASH_KEYS = 256


def _hash_text(keys: tuple[str, ...]) -> tuple[Callable[[list[Any]], Any], str]:
    """``(pick, form)``: ``form % pick(values)`` is ``repr(sorted(zip(keys, values)))`` for figures' ``keys`` (str,
    none twice) and their ``values`` (int or float) in the same order."""
    order = sorted(range(len(keys)), key=keys.__getitem__)
    # each pair as a tuple's repr writes it, its value's repr left to %r (a % in a key's repr written %%)
    form = "[" + ", ".join([("(%r, " % (keys[i],)).replace("%", "%%") + "%r)" for i in order]) + "]"  # noqa: UP031
    pick: Callable[[list[Any]], Any] = itemgetter(*order) if len(order) > 1 else _one_of(order[0])
    return pick, form


def _one_of(i: int) -> Callable[[list[Any]], tuple[Any]]:
    return lambda values: (values[i],)


def _stat_hash(cells: dict[str, list[Any]]) -> tuple[str | None, int]:
    """A hash of the compared cells' values (50-odd figures of tables 二–四) and how many are not 0."""
    if not cells:
        return None, 0
    values = list(map(_FIRST, cells.values()))
    keys = tuple(cells)
    if len(keys) <= _HASH_KEYS and _NUMBERS.issuperset(map(type, values)):
        got = _HASH_TEXTS.get(keys)
        if got is None and _STRS.issuperset(map(type, keys)):
            got = _HASH_TEXTS.keep(keys, _hash_text(keys))
        if got is not None:
            return _h(got[1] % got[0](values)), len(values) - values.count(0)
    # the same text as repr(sorted((k, v[0]) for k, v in cells.items())) (keys are unique: sorted by key), built
    # by C-level passes; values != 0 counted as len - count(0) (== 0 is the negation of != 0 for ints and floats)
    return _h(repr(sorted(zip(cells, values)))), len(values) - values.count(0)


# the columns of table 二 that hold a stock carried from year to year (unchanged when nothing was issued), not what
# the body did in the year: 现行有效件数 (2021 format), 对外公开总数量 and 上一年项目数量 (2019 format)
STOCK_COLS = frozenset({"in_force", "total_published", "prev_count"})
_SUMMED_S3_ROWS = frozenset(_S3_ROWS_ALL_COLS)


@lru_cache(maxsize=1024)
def flow_key(key: str) -> bool:
    """Whether the figure ``key`` (``"s3:new:natural_person"``) says what the body did in the year, as DL603 compares
    the tables: not a stock column of table 二 (:data:`STOCK_COLS`), not table 三's 上年结转 (last year's 结转下年度),
    its 总计 column of the rows given per column, its （七）总计, nor table 四's 总计 of a block."""
    tid, _, rest = key.partition(":")
    row, _, col = rest.rpartition(":")
    if tid == "s2":
        return col not in STOCK_COLS
    if tid == "s3":
        return not (row == "carried_over" or row == "result.total" or (col == "total" and row in _SUMMED_S3_ROWS))
    if tid == "s4":
        return not col.endswith(".total")
    return True


def _flow_hash(cells: dict[str, list[Any]]) -> tuple[str | None, int]:
    """:func:`_stat_hash` of the year's own figures among ``cells`` (:func:`flow_key`), and how many different values
    other than 0 they hold."""
    flows = {k: v for k, v in cells.items() if flow_key(k)}
    got, _nonzero = _stat_hash(flows)
    return got, len({v[0] for v in flows.values()} - {0})


def _h(text: str) -> str:
    """A short hash of a text (CRC-32: compared between the reports of one run, not a defence)."""
    return "%08x" % zlib.crc32(text.encode())  # noqa: UP031 - what format(…, "08x") gives, without its call


def _preview(text: str) -> str:
    """``" ".join(text.split())[:PREVIEW]``, from the text's head when that gives the preview's characters: the
    head's words joined are a beginning of the whole text's (its last word perhaps cut short)."""
    head = " ".join(text[:2 * PREVIEW].split())
    return head[:PREVIEW] if len(head) >= PREVIEW else " ".join(text.split())[:PREVIEW]


def _hashes_of(texts: list[str]) -> list[str]:
    """``[_h(t) for t in texts]``, by C-level passes (no Python call per text)."""
    return list(map(_HEX, map(zlib.crc32, map(str.encode, texts))))


_HEX = "%08x".__mod__


def _block_places(rep: AnnualReport, blocks: list[Block]) -> list[Place]:
    """``[_block_place(rep, b) for b in blocks]``, each section's label made once; a block of one anchor (a Markdown
    paragraph's) or none placed here, others (anchors on pages, several) by :func:`_block_place`."""
    sections = rep.sections
    starts = [s.heading.index for s in sections]  # (as rep.section_of finds a block's section)
    labels = [s.label for s in sections]
    out: list[Place] = []
    line: int | None
    column: int | None
    end_line: int | None
    end_column: int | None
    for b in blocks:
        anchors = b.anchors
        if anchors:
            if len(anchors) != 1 or anchors[0].page is not None:
                out.append(_block_place(rep, b))
                continue
            a = anchors[0]  # (both ends located at it: the anchor at or before any offset, else the first)
            line = end_line = a.line
            column, end_column = a.column - a.offset, a.column + (len(b.text) - a.offset)
        else:
            line = end_line = b.line
            column = end_column = b.column
        k = bisect_right(starts, b.index) - 1
        ptr = b.pointer
        if k >= 0:
            ptr = f"{labels[k]} › {ptr}" if ptr else labels[k]
        out.append([line, column, end_line, end_column, ptr or None])
    return out


# What a paragraph's facts hold of its text alone, kept by the text (:func:`_text_facts`): ``(masked hash, exact hash,
# size, preview)``, or ``()`` for a text the facts leave out (short, a row of cells).  Most paragraphs recur (the
# template's sentences: 58 % of the 400 first jobs reports' paragraphs were in one before); one recurring costs a
# lookup instead of its share of the report's normalisation, digit masking, two hashes and preview.  At most 4,096
# texts of at most ``_KEPT_TEXT`` characters (the jobs reports' longest paragraph has 226).
_TEXT_FACTS: Kept[str, tuple[Any, ...]] = Kept("facts: a paragraph's hashes, size and preview by its text", 4096)
_KEPT_TEXT = 400


def _text_facts(texts: list[str]) -> list[tuple[Any, ...]]:
    """For each text, ``(masked, exact, size, preview)`` of its paragraph's facts, or ``()`` when the facts leave the
    paragraph out: the texts not kept worked out at once, in C-level passes over them all."""
    got: list[tuple[Any, ...] | None] = list(map(_TEXT_FACTS.get, texts))
    if None not in got:
        return got  # type: ignore[return-value]  # (no None in it)
    todo = [t for t, g in zip(texts, got, strict=True) if g is None]
    keys = normalize_all(todo)
    # the keys hold no whitespace (normalize drops it): their digits masked by one pass over them joined by newlines
    masked = _hashes_of(_DIGITS.sub("#", "\n".join(keys)).split("\n"))
    made = iter([(m, e, len(k), _preview(t)) if len(k) >= MIN_PARAGRAPH and "|" not in k and "\t" not in t else ()
                 for t, k, m, e in zip(todo, keys, masked, _hashes_of(keys), strict=True)])
    out: list[tuple[Any, ...]] = []
    for t, g in zip(texts, got, strict=True):
        if g is None:
            g = next(made)
            if len(t) <= _KEPT_TEXT:
                _TEXT_FACTS.keep(t, g)
        out.append(g)
    return out


def _paragraphs(rep: AnnualReport) -> tuple[list[list[Any]], list[list[Any]], bool]:
    skip = rep.statistics_blocks
    title = rep.title_block
    blocks = [b for b in rep.text_blocks
              if b.kind in ("paragraph", "list_item") and b.index not in skip and b is not title]
    got = _text_facts([b.text for b in blocks])
    kept = [b for b, g in zip(blocks, got, strict=True) if g]
    facts = [g for g in got if g]
    texts = [b.text for b in kept]
    exact = [g[1] for g in facts]
    # the opening above the first part (依据《条例》第五十条…特向社会公布…统计期限自…如对本报告有任何疑问…) is the
    # format's own text, the same every year but for its year: it is not a paragraph copied from last year's report
    first = rep.first_part
    body = [i for i, b in enumerate(kept) if first is None or b.index >= first]
    paras = [[*facts[i][:3], place, facts[i][3]] for i, place in zip(body, _block_places(rep, [kept[i] for i in body]))]
    # one search over the texts joined by 。: a match holds no 。 (its gaps are [^。；]), so it falls in one text
    whole_area = _WHOLE_AREA.search("。".join(texts)) is not None
    own: list[list[Any]] = []
    if rep.year is None:
        return paras, own, whole_area
    last_year = str(rep.year - 1)
    for b, h in zip(kept, exact):
        text = b.text
        if last_year not in text:
            continue
        for m in _OWN_YEAR.finditer(text):
            if m.group(1) == last_year:
                start = m.start(1)
                stop = min(len(text), start + 60)
                end = next((i for i in range(start, stop) if text[i] in "。；！？"), stop)
                own.append([int(m.group(1)), h, _place(rep, b, start=start, end=end), text[start:end]])
    return paras, own, whole_area


def collect(rep: AnnualReport, file_format: str | None = None) -> dict[str, Any]:
    """The facts of one interpreted report (see the module's docstring)."""
    key = body_key(rep.agency.name)
    cells = _cells(rep)
    stat_hash, nonzero = _flow_hash(cells)
    paras, own, whole_area = _paragraphs(rep)
    facts: dict[str, Any] = {
        "v": FACTS_VERSION, "agency": rep.agency.name, "kind": rep.agency.kind, "year": rep.year,
        "format": rep.format_version, "file_format": file_format, "body": list(key) if key else None,
        "cells": cells, "stat_hash": stat_hash, "stat_nonzero": nonzero, "paras": paras, "own_year": own,
        "whole_area": whole_area,
    }
    not_open = rep.metrics.value("not_open")
    if not_open is not None and not_open.cells:
        c = not_open.cells[0]
        facts["not_open"] = [_num(not_open.value), _place(rep, c.block, c.cell, pointer=c.pointer)]
    return facts
