"""What a portal page says of the report being elsewhere: the page of an article a script paginates, and the
documents the page shows in a frame instead of its text.

* ``pager``: TRS WCM pages split a long article into ``t…_1.html``, ``t…_2.html`` and write the pager with
  ``createPageHTML(countPage, currentPage, prefix, suffix)`` (``currentPage`` from 0); a file saved from such a page
  holds one page of the report.  The pager written as text (``共3页 第1页 下一页 尾页``) is in the blocks and told
  by the report layer (:mod:`..report.truncation`).
* ``embedded``: ``<embed src>``, ``<object data>`` and ``<iframe src>`` whose address is a document (``.pdf``,
  ``.doc(x)``, ``.wps``, ``.ofd``) or a PDF viewer (``pdfjs/web/viewer.html?file=…``).

Scripts are never run: the call is only recognised in the script's text.  Bounded: the first
:data:`MAX_SCRIPTS` scripts, the first :data:`MAX_SCRIPT_CHARS` characters of each, :data:`MAX_EMBEDS` addresses.
"""

from __future__ import annotations

import re
from itertools import islice

MAX_SCRIPTS = 200
MAX_SCRIPT_CHARS = 20_000
MAX_EMBEDS = 10
MAX_ADDRESS = 300

_PAGER_CALL = re.compile(r"createPageHTML\s*\(\s*['\"]?(\d{1,4})['\"]?\s*,\s*['\"]?(\d{1,4})['\"]?\s*[,)]")
_COUNT_VAR = re.compile(r"\bcountPage\s*=\s*(\d{1,4})\s*;")
_CURRENT_VAR = re.compile(r"\bcurrentPage\s*=\s*(\d{1,4})\s*;")
_DOCUMENT = re.compile(r"\.(?:pdf|docx?|wps|ofd)(?:$|[?#&])|pdfjs|pdf\.js|/viewer\.html\?file=", re.I)


def pager(doc) -> tuple[int, int] | None:
    """(this page from 1, pages) of a TRS-paginated article, when it has two pages or more."""
    for el in islice(doc.iter("script"), MAX_SCRIPTS):
        text = (el.text or "")[:MAX_SCRIPT_CHARS]
        if "createPageHTML" not in text:
            continue
        m = _PAGER_CALL.search(text)
        if m is not None:
            total, current = int(m.group(1)), int(m.group(2))
        else:  # createPageHTML(countPage, currentPage, …) with the two set just before
            c, k = _COUNT_VAR.search(text), _CURRENT_VAR.search(text)
            if c is None or k is None:
                continue
            total, current = int(c.group(1)), int(k.group(1))
        if total >= 2 and 0 <= current < total:
            return current + 1, total
    return None


def embedded(doc) -> tuple[str, ...]:
    """The addresses of the documents the page shows in a frame or a viewer (at most :data:`MAX_EMBEDS`)."""
    out: list[str] = []
    for el in doc.iter("embed", "object", "iframe"):
        src = (el.get("src") or el.get("data") or "").strip()
        if src and _DOCUMENT.search(src[:MAX_ADDRESS]):
            out.append(src[:MAX_ADDRESS])
            if len(out) >= MAX_EMBEDS:
                break
    return tuple(out)
