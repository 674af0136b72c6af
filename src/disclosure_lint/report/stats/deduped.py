"""A copy whose repeated lines were removed: its flattened tables cannot be read.

Some stores of scraped pages keep each line of a page once: the second and later ``0`` of a table printed one
cell per line vanish, and so do the header labels that the unified format prints more than once (``信息内容``
over each 第二十条 block of table 二; ``结果维持`` … ``尚未审结`` and ``总计`` under 行政复议, 未经复议直接起诉
and 复议后起诉 in table 四).  What is left reads like a table published without numbers, or with a few numbers
in the wrong places; the tool must not call that an unfilled template (DL209) or an arithmetic error.

:func:`find` sees such a copy by two marks that a faithful copy cannot both have:

* no short line (a cell: :data:`.flat.MAX_CELL` characters or fewer) of the text appears twice, among at least
  :data:`MIN_LINES` of them; a table of 25 rows and 7 columns printed one cell per line repeats its ``0`` and its
  labels unless every one was removed;
* a label that the format prints several times is there once where the table goes on past it: ``信息内容`` with
  two or more 第二十条 captions; ``结果维持`` (or 结果纠正, 其他结果, 尚未审结) with a ``复议后起诉`` or
  ``未经复议直接起诉`` caption and more text after both; ``总计`` with both table 三 and table 四 flattened.

The flattened tables of such a copy are taken out of ``AnnualReport.stats`` (no statistics rule reads them) and
listed in ``AnnualReport.unread_tables`` (``why == "deduplicated"``): DL001 says once that the tool could not read
them and why; the part is not reported as missing its table.  Tables read as grids are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .flat import MAX_CELL
from .model import StatTable
from .schema import norm

if TYPE_CHECKING:  # pragma: no cover
    from ..annual import AnnualReport

MIN_LINES = 30  # short lines in the text for "none repeats" to mean something
_TEXT_KINDS = ("paragraph", "heading", "list_item")
_CAPTION = re.compile(r"第二十一?条第[一二三四五六七八九十]{1,3}项")  # normalised: no brackets
_S4_RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结")
_S4_LATER = ("复议后起诉", "未经复议直接起诉")


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class Deduplicated:
    """The flattened tables of a copy without repeated lines, and what shows it."""

    tables: dict[str, StatTable]  # s2 | s3 | s4 → the table as read (not used by any statistics rule)
    lines: int  # short lines in the text, none repeated
    once: tuple[str, ...]  # labels the format prints several times, found once


def find(report: AnnualReport, tables: dict[str, StatTable]) -> Deduplicated | None:
    """The flattened tables of ``tables`` when the text lost its repeated lines (see the module), else None."""
    flat = {tid: t for tid, t in tables.items() if t.layout == "flat"}
    if not flat:
        return None
    seen: set[str] = set()
    order: list[str] = []  # the short lines' normalised texts, in order
    for b in report.blocks:
        if b.kind not in _TEXT_KINDS:
            continue
        for line in b.text.split("\n"):
            s = line.strip()
            if not s or len(s) > MAX_CELL:
                continue
            if s in seen:
                return None  # a line printed twice: the copy kept its repeats
            seen.add(s)
            order.append(norm(s))
    if len(order) < MIN_LINES:
        return None
    once = _once(order, flat)
    if not once:
        return None
    return Deduplicated(tables=flat, lines=len(order), once=once)


def _once(order: list[str], flat: dict[str, StatTable]) -> tuple[str, ...]:
    """The labels printed several times by the format that the text has once where its table goes on."""
    found: list[str] = []
    if "s2" in flat and "信息内容" in order and sum(1 for s in order if _CAPTION.fullmatch(s)) >= 2:
        found.append("信息内容")
    if "s4" in flat:
        captions = [i for i, s in enumerate(order) if s in _S4_LATER]
        for w in _S4_RESULTS:
            # the table goes on past both the label and a later block's caption: its second copy is gone
            if w in order and captions and len(order) - 1 > max(order.index(w), captions[-1]):
                found.append(w)
    if "s3" in flat and "s4" in flat and order.count("总计") == 1:
        found.append("总计")
    return tuple(found)

