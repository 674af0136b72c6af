"""A portal's article split into pages, or one page of a flipbook, as the end of its text shows it: the pager
(``共3页 第1页 2 3 下一页 尾页``) and a flipbook page's header (``Page 9 - 某某局…``).  :mod:`.truncation` reads them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Block
    from .annual import AnnualReport

_PAGER_TOTAL = re.compile(r"共\s*(\d{1,4})\s*页")
_PAGER_NAV = re.compile(r"下一页|尾页|末页|上一页")
_PAGER_AT = re.compile(r"第\s*(\d{1,4})\s*页")
PAGER_BLOCKS = 20  # last blocks looked at for a pager
MAX_PAGER_CHARS = 160


def pager_line(report: AnnualReport) -> tuple[Block, int | None, int] | None:
    """The pager of an article a portal splits into pages, written as text near the end (``共3页 第1页 2 3 下一页
    尾页``): (its block, this page or None where it does not say, pages); None where there is none, or one page."""
    blocks = report.lintable_blocks
    for b in reversed(blocks[-PAGER_BLOCKS:]):
        t = b.text
        if b.kind == "table" or len(t) > MAX_PAGER_CHARS:
            continue
        m = _PAGER_TOTAL.search(t)
        if m is None or not _PAGER_NAV.search(t):
            continue
        total = int(m.group(1))
        at = _PAGER_AT.search(t)
        page = int(at.group(1)) if at is not None else None
        if total >= 2 and (page is None or 1 <= page <= total):
            return b, page, total
    return None


# the header of one page of a flipbook (an e-book viewer's page as a web page): Page 9 - 某某局2022年…年度报告
_FLIPBOOK = re.compile(r"\s*Page\s+(\d{1,4})\s*[-–—](?:\s*\S|\s*$)")  # (its title in the next block when a page's line breaks were lost)


def flipbook_page(report: AnnualReport) -> int | None:
    """The page number of a flipbook's page whose header the text starts with, or None."""
    first = next((b for b in report.text_blocks if b.text.strip() and not report.portal.is_line(b)), None)
    m = _FLIPBOOK.match(first.text) if first is not None else None
    return int(m.group(1)) if m is not None and int(m.group(1)) >= 1 else None
