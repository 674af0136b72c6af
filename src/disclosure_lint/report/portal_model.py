"""The portal's fields found in a report (:class:`PortalMetadata`, each a :class:`PortalSpan`): what
:func:`.portal.find_metadata` returns and the rules ask (is a block a line of the page's own, which field covers a
character, the page header's publication date)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..model import Block

# A publication date is taken only from the page header (the first blocks with content).
PUBLISHED_HEAD = 12
ISSUED = ("发文", "印发")  # a publication-date label that gives the document's date: a 发布日期 field comes first
REPOST = ("转发", "转载", "转自")
# a county-or-higher government's general office (or its disclosure office) as the page's publisher (发布机构：某某县人民政府
# 办公室, 自治区政府办公厅, 来源：区府办, 信息来源：区政务公开办); not a bare 政府办 (a township's own office: 发布机构：政府办 on a town's page)
GOVERNMENT_OFFICE = re.compile(r"[省市州县区旗盟](?:人民)?政府办(?:公[室厅])?$|[区县市州旗]府办$"
                               r"|[省市州县区旗盟](?:人民政府)?政务公开办(?:公室)?$")  # (its disclosure office: 区政务公开办)


@dataclass(frozen=True)
class PortalSpan:
    """One field the portal wrote: ``block.text[start:end]``."""

    block: Block
    start: int
    end: int
    kind: str  # published | date | source | counter | font | index | tools | breadcrumb | today | related | footer
    # | attachment (a line linking to a file: the page's own line, and what a page without the report's text names)
    # | crawl (a line of the header a crawler wrote above the saved page: .portal_crawl)
    label: str  # the label as written (发布日期, 来源, 当前位置 …); "" for page tools and bare breadcrumbs
    value: str  # the value as written (a date, a name, a count …); "" when the field is empty

    @property
    def text(self) -> str:
        return self.block.text[self.start:self.end]


@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class PortalMetadata:
    """Every portal field of the report, by block."""

    spans: list[PortalSpan] = field(default_factory=list)
    _by_block: dict[int, list[PortalSpan]] = field(default_factory=dict, repr=False)
    _lines: set[int] = field(default_factory=set, repr=False)
    _index: dict[int, tuple[list[int], list[int]]] = field(default_factory=dict, repr=False)
    _head: dict[int, int] = field(default_factory=dict, repr=False)  # block → blocks with content before it

    def in_block(self, block: Block) -> list[PortalSpan]:
        return self._by_block.get(id(block), [])

    def covering(self, block: Block, start: int, end: int | None = None) -> PortalSpan | None:
        """The field holding ``block.text[start:end]``, or None (a binary search: a flattened page may
        hold thousands of fields on one line)."""
        end = start + 1 if end is None else end
        spans = self._by_block.get(id(block))
        if not spans:
            return None
        index = self._index.get(id(block))
        if index is None:
            spans.sort(key=lambda x: x.start)
            reach, far = [], -1
            for x in spans:
                far = max(far, x.end)
                reach.append(far)
            index = self._index[id(block)] = ([x.start for x in spans], reach)
        starts, reach = index
        i = bisect_right(starts, start) - 1
        while i >= 0 and reach[i] >= end:  # spans before it may reach further (they rarely overlap)
            if spans[i].end >= end:
                return spans[i]
            i -= 1
        return None

    def is_line(self, block: Block) -> bool:
        """Is the whole block portal metadata (nothing of the report on it)?"""
        return id(block) in self._lines

    def text_without(self, block: Block, start: int = 0) -> str:
        """The block's text (from ``start``) with its portal fields removed (spaces collapsed)."""
        spans = self._by_block.get(id(block))
        if not spans:
            return block.text[start:].strip()
        text = block.text
        parts, pos = [], start
        for s in sorted(spans, key=lambda x: x.start):
            if s.start > pos:
                parts.append(text[pos:s.start])
            pos = max(pos, s.end)
        parts.append(text[pos:])
        return " ".join(" ".join(parts).split())

    def _add(self, block: Block, spans: list[PortalSpan], line: bool) -> None:
        self.spans.extend(spans)
        self._by_block.setdefault(id(block), []).extend(spans)
        self._index.pop(id(block), None)
        if line:
            self._lines.add(id(block))

    @property
    def reposted(self) -> PortalSpan | None:
        """The page header's source field that says the page is a repost (来源：转发某某县人民政府, 转载自…), or None:
        its publication date is the repost's, not necessarily when the report was first published."""
        for s in self.spans:
            if s.kind == "source" and s.value.startswith(REPOST) \
                    and self._head.get(id(s.block), PUBLISHED_HEAD) < PUBLISHED_HEAD:
                return s
        return None

    @property
    def from_page(self) -> bool:
        """Whether the text carries a web page's own fields (a publication date, a source, an index number, a
        breadcrumb): a page of a site saved or copied as text, not a document of its own."""
        return any(s.kind in ("published", "source", "index", "breadcrumb") for s in self.spans)

    @property
    def posted_by_office(self) -> PortalSpan | None:
        """The page header's source field naming a government's general office (发布机构：自治区政府办公厅,
        来源：某某县人民政府办公室), or None: a page the office posted for a body may come later than the body's own
        publication (its date is the office's posting)."""
        for s in self.spans:
            if s.kind == "source" and GOVERNMENT_OFFICE.search(s.value) \
                    and self._head.get(id(s.block), PUBLISHED_HEAD) < PUBLISHED_HEAD:
                return s
        return None

    @property
    def header_sources(self) -> list[PortalSpan]:
        """The page header's source fields with a value (发布机构：…, 来源：…), repost notes left out (来源：转发…)."""
        return [s for s in self.spans if s.kind == "source" and s.value and not s.value.startswith(REPOST)
                and self._head.get(id(s.block), PUBLISHED_HEAD) < PUBLISHED_HEAD]

    @property
    def written(self) -> PortalSpan | None:
        """The page header's 成文日期 field (the document's own date: the report cannot be published before it), or
        None."""
        for s in self.spans:
            if s.value and s.label == "成文日期" and self._head.get(id(s.block), PUBLISHED_HEAD) < PUBLISHED_HEAD:
                return s
        return None

    @property
    def published(self) -> PortalSpan | None:
        """The first publication-date field of the page header (发布日期：…), else its first 日期/时间 field on a line of
        the page's fields (作者：… | 来源：… | 时间：2019-01-18: the time of the posting), or None."""
        plain = issued = None
        for s in self.spans:
            if s.value and self._head.get(id(s.block), PUBLISHED_HEAD) < PUBLISHED_HEAD:
                if s.kind == "published":
                    if not s.label.startswith(ISSUED):
                        return s
                    issued = issued or s  # 发文日期 / 印发日期: the document's date; 发布时间 below it is the posting's
                if plain is None and s.kind == "date" and s.label in ("日期", "时间"):
                    plain = s
        return issued or plain
