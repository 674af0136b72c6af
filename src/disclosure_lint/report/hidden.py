"""Content a web page hides from its readers: a report fact (HTML pages only).

An attacker's classic search-engine injection ("暗链") is a block the visitor never sees — ``display:none``,
``visibility:hidden``, positioned off-screen, zero-size with ``overflow:hidden``, ``font-size:0``, a
one-pixel ``<marquee>`` — holding links to gambling or other sites, or promotion text; or text only
search engines read: a rewritten ``<title>``, keywords or description ``<meta>``, markup written by
``document.write`` (``Document.seo``, :mod:`disclosure_lint.readers.html_seo`; ``via`` says
which).  The HTML reader lists every outermost hidden element of the page in ``Document.hidden`` (its text
with source anchors as a :class:`~disclosure_lint.model.Block` that is *not* one of the document's
blocks, how it is hidden, whether it sits inside the report body, and its links), the page's own
addresses in ``Document.site_urls`` (canonical link, ``og:url``, ``<base>``) and the hosts of the
visible links in ``Document.link_hosts``.  This module decides which links point
*off-site*: to a host that is neither the site's own nor a government host (``*.gov.cn``, ``*.gov``).

The site's own domain is the registrable domain (``www.example.gov.cn`` → ``example.gov.cn``) of the
page's declared addresses and of the host most of its visible absolute links point to.  Without a
public-suffix list the registrable domain is the last two labels, or three under a two-letter country
code with a generic second level (``com.cn``, ``gov.cn``, ``org.hk`` …).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..model import Block, Cell, Document, Location

# How a block is hidden.  Legitimate pages fold menus, tabs, pop-ups and accordions with
# display:none, visibility:hidden, the hidden attribute, opacity:0, zero size and font-size:0 (also
# to remove the gaps between inline blocks whose children set their own size); text positioned far
# off-screen and a one-pixel <marquee> are used by almost nobody but attackers.
ATTACKER_ONLY = frozenset({"off-screen", "marquee"})
# Elements that live inside a sentence: hidden inside the report body, they are never a tab or a menu.
INLINE = frozenset({"a", "span", "font", "b", "strong", "i", "em", "u", "s", "small", "big", "sub", "sup", "label",
                    "abbr", "cite", "code", "mark", "q", "time", "var", "del", "ins", "marquee"})

_SLD = frozenset({"com", "net", "org", "gov", "edu", "ac", "mil", "co", "or", "ne", "go"})
_GOV = re.compile(r"(?:^|\.)gov(?:\.[a-z]{2})?$")


def registrable(host: str) -> str:
    """``www.luqiao.gov.cn`` → ``luqiao.gov.cn``; ``a.b.example.com`` → ``example.com``."""
    labels = host.lower().rstrip(".").split(".")
    if len(labels) >= 3 and labels[-2] in _SLD and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def host_of(href: str | None) -> str | None:
    """The lower-cased host of an absolute http(s) or protocol-relative link; None otherwise."""
    if not href:
        return None
    h = href.strip()
    low = h[:8].lower()
    if not (low.startswith(("http://", "https://")) or h.startswith("//")):
        return None
    try:
        host = urlsplit(h).hostname
    except ValueError:
        return None
    return host.rstrip(".") if host else None


def is_government(host: str) -> bool:
    return bool(_GOV.search(host.lower()))


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class HiddenLink:
    """A link inside a hidden element: its target, its host and where its text is."""

    href: str
    host: str | None  # None: a relative, javascript: or mailto: link (on-site or no site)
    offsite: bool  # to a host that is neither the site's own nor a government host
    start: int  # the link text in ``HiddenElement.block.text``
    end: int


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class HiddenElement:
    """An element of a web page that a reader does not see, with its text and links."""

    block: Block  # the element's text with source anchors (kind "html", not one of Document.blocks)
    how: str  # display:none visibility:hidden, hidden attribute, opacity:0, off-screen, zero-size, font-size:0, marquee
    element: str  # tag#id.class as in the page
    tag: str
    in_body: bool  # inside the report body the reader chose (not the page chrome, not a container of the body)
    links: tuple[HiddenLink, ...]
    start: tuple[int, int] | None  # source (line, column) of its first and past its last character
    end: tuple[int, int] | None
    via: str = ""  # "": hidden by CSS or an attribute; "head": the title or a meta value; "script": document.write

    @property
    def inline(self) -> bool:
        """An element inside a sentence (span, a, font …), not a block (div, ul …) that may be a tab or menu."""
        return self.tag in INLINE

    @property
    def offsite_links(self) -> list[HiddenLink]:
        return [k for k in self.links if k.offsite]

    def covers(self, loc: Location) -> bool:
        """Is the source position ``loc`` inside this element's text?"""
        if self.start is None or self.end is None or loc.line is None or loc.column is None or loc.page is not None:
            return False
        return self.start <= (loc.line, loc.column) < self.end


def covering(hidden: list[HiddenElement], where: Block | Cell, offset: int) -> HiddenElement | None:
    """The hidden element holding ``where.text[offset]`` (a visible block's copy of hidden text), if any.

    :func:`find` lists outermost elements sorted by their start, so their extents are sorted and disjoint."""
    if not hidden:
        return None
    loc = where.locate(offset)
    if loc.line is None or loc.column is None or loc.page is not None:
        return None
    i = bisect_right(hidden, (loc.line, loc.column), key=_start) - 1
    return hidden[i] if i >= 0 and hidden[i].covers(loc) else None


def _start(h: HiddenElement) -> tuple[int, int]:
    return h.start or (0, 0)


def own_domains(site_urls: Iterable[str], link_hosts: Mapping[str, int]) -> frozenset[str]:
    """Registrable domains of the page's own site: declared addresses, and the host most visible links go to."""
    out = set()
    for url in site_urls:
        h = host_of(url)
        if h:
            out.add(registrable(h))
    counts: dict[str, int] = {}
    for host, n in link_hosts.items():
        if not is_government(host):
            d = registrable(host)
            counts[d] = counts.get(d, 0) + n
    if counts:
        best = max(counts, key=lambda d: counts[d])
        if counts[best] >= 2:
            out.add(best)
    return frozenset(out)


def find(document: Document) -> list[HiddenElement]:
    """The hidden elements the reader listed, with off-site links decided (empty for other formats)."""
    raw = document.hidden + document.seo
    if not raw:
        return []
    own = own_domains(document.site_urls, document.link_hosts)
    out = []
    for h in raw:
        block = h.block
        links = []
        for k in h.links:
            host = host_of(k.href)
            off = host is not None and not is_government(host) and registrable(host) not in own
            links.append(HiddenLink(k.href, host, off, k.start, k.end))
        start = end = None
        if block.anchors:
            a, b = block.span(0, len(block.text))
            if a.line is not None and a.column is not None and b.line is not None and b.column is not None:
                start, end = (a.line, a.column), (b.line, b.column)
        tag = h.tag or re.split(r"[#.]", h.element, maxsplit=1)[0]
        out.append(HiddenElement(block, h.how, h.element, tag, h.in_body, tuple(links), start, end, h.via))
    out.sort(key=_start)  # document order; elements without a source position first (they cover nothing)
    return out
