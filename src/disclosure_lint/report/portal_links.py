"""A portal page's lists of linked pages (相关信息, 热点专题, a list whose label was dropped): a title with the CMS's
date after it, a date alone, a title whose date is on the next line — and the date with its clock time that ends such
an item (:func:`date_value`).  :mod:`.portal` reads them as the page's, not the report's."""

from __future__ import annotations

import re

from .. import page_lines as lines
from ..model import Block
from .dates import DATE_RE

_SP = r"[ \t\u3000]"
TIME_AFTER = re.compile(_SP + r"*\d{1,2}:\d{2}(?::\d{2})?")


def date_value(text: str, pos: int) -> int | None:
    """End of a date (and a clock time after it) starting at ``pos``, or None."""
    m = DATE_RE.match(text, pos)
    if m is None:
        return None
    end = m.end()
    if not m.group("it"):
        t = TIME_AFTER.match(text, end)
        if t is not None:
            end = t.end()
    return end



def _closing_date(text: str) -> re.Match[str] | None:
    """The date (with a clock time after it) that ends ``text``, or None."""
    last = None
    for last in DATE_RE.finditer(text):  # noqa: B007 - the last match is kept
        pass
    return last if last is not None and date_value(text, last.start()) == len(text) else None


def related_item(text: str, nxt: Block | None) -> bool:
    """A line of a list of linked pages: a title with its date, a date alone, a title whose date is on the
    next line, or another list label (热点专题)."""
    t = text.strip()
    if lines.RELATED_LINE.match(t):
        return True
    if len(t) > 100 or lines.NOT_ITEM.search(t):
        return False
    if _closing_date(t) is not None:
        return True
    if nxt is None:
        return False
    n = nxt.text.strip()
    return "，" not in t and date_value(n, 0) == len(n)


# a list item led by its date (- 2024-11-27 某某乡…注销登记公告: a sidebar's list of the latest notices)
_DATE_FIRST = re.compile(r"[-•·●*]?" + _SP + r"*(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}" + _SP + r"+(?=\S{4})")


def dated_title(text: str) -> bool:
    """A linked page's title with the CMS's date after it (某某局2023年…年度报告 2024-01-21) or before it (a list
    item, ``- 2024-11-27 某某乡…公告``): the date in the hyphen, slash or dot form (a 落款 ``某某局 2024年1月5日`` is
    not one)."""
    t = text.strip()
    first = _DATE_FIRST.match(t)
    if first is not None:
        return len(t) <= 100 and not lines.NOT_ITEM.search(t) and "，" not in t and ":" not in t[first.end():] \
            and "：" not in t[first.end():]
    if len(t) > 100 or not t[-1:].isdigit() or lines.NOT_ITEM.search(t) or "，" in t:
        return False  # a date in the hyphen, slash or dot form (with its clock time) ends in a digit
    last = _closing_date(t)
    if last is None or last.group("y") or last.group("cy"):
        return False
    head = t[:last.start()].strip()
    return len(head) >= 4 and not head.endswith((":", "："))  # (成文日期:2016-03-31: a field, not a title)


def dated_runs(blocks: list[Block]) -> set[int]:
    """Blocks of runs of two or more dated titles in a row (a list of links whose label was dropped)."""
    out: set[int] = set()
    run: list[int] = []
    for b in [*blocks, None]:
        if b is not None and not b.text.strip():
            continue
        if b is not None and b.kind != "table" and dated_title(b.text):
            run.append(id(b))
            continue
        if len(run) >= 2:
            out.update(run)
        run = []
    return out
