"""A browser's print header and footer: the lines Chrome or Edge adds to every page it prints to PDF.

Printing a web page with "headers and footers" on (the default of ``chromium --print-to-pdf``) puts two lines of
small type on every page: at the top the date and time of printing, then the page's title
(``12/4/26, 8:43 AM 某某县自然资源局2022年政府信息公开工作年度报告``, ``2026/12/4 08:43 …``); at the bottom the page's
address, then the page number and the page count (``file:///D:/报告/2022.html 3/5``, ``https://www.example.gov.cn/…
3/5``).  They are not the report's text: a table broken by a page is joined only once they are gone, and the title
line is not the report's title.

:func:`is_header` and :func:`is_footer` recognise one such line; :func:`is_address` an address printed on its own
(``pdftotext`` without ``-layout`` puts the page number on the next line).  The readers drop them only where a
browser printed them: a footer of this shape on most pages (:func:`printed_by_browser`), in the page margins.
Each test is one anchored regular expression over one line of at most :data:`MAX_LINE` characters, with no
nested repetition (no backtracking to speak of).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

MAX_LINE = 300  # a longer line is never a print header or footer (an address is cut short by the browser)

# the date and time of printing in the browser's locale: 12/4/26, 8:43 AM · 2026/12/4 08:43 · 2026/12/4 上午8:43 ·
# 04/12/2026, 08:43 · 2026-12-04 08:43:05
_DATE_TIME = (r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}[,，]?\s*(?:上午|下午|中午|晚上|凌晨)?\s*\d{1,2}:\d{2}(?::\d{2})?"
              r"(?:\s*[AaPp]\.?\s?[Mm]\.?)?")
_HEADER = re.compile(r"^" + _DATE_TIME + r"(?![\d:A-Za-z])")  # (the title may follow with no space in the PDF's text)
_HEADER_ALONE = re.compile(r"^" + _DATE_TIME + r"$")  # (the title went to a line of its own)
_ADDRESS = r"(?:(?:https?|file|ftp)://|about:|[A-Za-z]:[\\/])\S*"
_PAGE_OF = r"\d{1,4}\s*[/／]\s*\d{1,4}"
_FOOTER = re.compile(r"^" + _ADDRESS + r"\s+" + _PAGE_OF + r"$")
_LONE_ADDRESS = re.compile(r"^" + _ADDRESS + r"$")


def _norm(text: str) -> str:
    """NFKC (a ligature ﬁ in ``ﬁle://`` as Chrome's PDF sometimes holds it), outer spaces off."""
    return unicodedata.normalize("NFKC", text).strip() if len(text) <= MAX_LINE else ""


def is_header(text: str) -> bool:
    """Whether ``text`` is a browser's print header: the date and time of printing, then the page's title."""
    return bool(_HEADER.match(_norm(text)))


def is_footer(text: str) -> bool:
    """Whether ``text`` is a browser's print footer: the page's address, then ``N/M``."""
    return bool(_FOOTER.match(_norm(text)))


def is_address(text: str) -> bool:
    """Whether ``text`` is a web address or a file's path alone (a footer whose page number went to another line)."""
    return bool(_LONE_ADDRESS.match(_norm(text)))


def is_page_of(text: str) -> bool:
    """Whether ``text`` is ``N/M`` alone (a footer's page number on a line of its own)."""
    return bool(re.fullmatch(_PAGE_OF, _norm(text)))


def printed_by_browser(pages_with_footer: int, pages: int) -> bool:
    """A browser printed the file when its footer stands on at least half of the pages (on the one page of one)."""
    return pages_with_footer >= max(1, (pages + 1) // 2)


EDGE_LINES = 3  # the lines at the top and at the bottom of a page (not blank) looked at


def blank_in_text(lines: list[str]) -> None:
    """Blank (in place, line numbers kept) a browser's print header and footer in the text ``pdftotext`` made of a
    PDF Chrome printed: pages parted by a form feed, with the date and time of printing among the first lines of most
    pages and the page's address on most pages.  ``-layout`` keeps each on one line at the page's top and bottom;
    without it the title comes on a line before the date and time, and the address on a line of its own wherever
    the PDF holds it (before a table's last figures), ``N/M`` among the page's last lines.  Then on each page: the
    date and time (and the title alone on the first line right before it), the address (the one most pages hold,
    alone or with ``N/M``), and ``N/M`` alone among its last lines."""
    starts = [0] + [k for k, ln in enumerate(lines) if "\f" in ln and k]
    pages: list[tuple[list[int], list[int], list[int]]] = []  # first lines, last lines, lines of an address alone
    for a, b in zip(starts, [*starts[1:], len(lines)]):
        filled = [k for k in range(a, b) if _body(lines[k])]
        if filled:
            pages.append((filled[:EDGE_LINES], filled[-EDGE_LINES:],
                          [k for k in filled if is_address(_body(lines[k])) or is_footer(_body(lines[k]))]))
    if len(pages) < 2:
        return
    headed = sum(any(is_header(_body(lines[k])) for k in heads) for heads, _, _ in pages)
    addresses = Counter(_address(_body(lines[k])) for _, _, found in pages for k in set(found))
    address, footed = addresses.most_common(1)[0] if addresses else ("", 0)
    if not (printed_by_browser(headed, len(pages)) and printed_by_browser(footed, len(pages))):
        return
    drop: set[int] = set()
    for heads, tails, found in pages:
        drop.update(k for k in found if _address(_body(lines[k])) == address)
        drop.update(k for k in tails if is_page_of(_body(lines[k])))
        for i, k in enumerate(heads):
            if is_header(_body(lines[k])):
                drop.add(k)
                if i == 1 and _HEADER_ALONE.match(_norm(_body(lines[k]))):
                    drop.add(heads[0])  # the title, printed before the date and time
    for k in drop:
        lines[k] = "\f" if "\f" in lines[k] else ""


def _address(text: str) -> str:
    """The address of a footer or of an address alone (``N/M`` off)."""
    return (_norm(text).split() or [""])[0]


def _body(line: str) -> str:
    return line.replace("\f", " ").strip(" \t\u3000")
