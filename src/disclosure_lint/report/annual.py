"""The annual report: any :class:`Document` read as the same :class:`AnnualReport`.

Rules read the report through this object and never re-parse text: title, agency
and its kind, report year and statistics period, format version, publication and
signature dates, portal metadata, the sections mapped to canonical ids (s1…s6),
every date mention, the statistics tables keyed by canonical row and column ids
(:mod:`.stats`), and the analyses of the report's content (headings found inline,
truncation, prose claims and sums, writing, content safety), each a cached member
computed by its own module of this package.
"""

from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import accumulate

from ..lazy import cached_property
from ..model import Block, Document
from ..page_lines import chrome_or_navigation
from ..readers.script import search_unglossed, strip_glosses
from . import catalogue, stamps, title_lines
from . import hidden as _hidden
from . import promotions as _promotions
from . import structure as section_structure
from .agency import (
    Agency,
    classify,
    government_of,
    name_from_title,
    office_owner,
    speaks_for_area,
    usable_name,
)
from .agency_opening import opening_name, page_name
from .agency_place import placed_name
from .attachments import AttachmentPage, attachment_page
from .brackets import Brackets
from .brackets import analyse as analyse_brackets
from .candidate import Candidate
from .candidate import assess as assess_candidate
from .claim_context import self_masker
from .claims import ProseClaims
from .count_lists import CountList, find_count_lists
from .dates import DateMention, find_dates, text_dates
from .enumeration import EnumRun
from .enumeration import analyse as analyse_enumerations
from .inline import Inline
from .inline import find as find_inline
from .list_commas import ListComma, find_list_commas
from .metrics import Metrics
from .portal import PortalMetadata, find_metadata
from .proactive_claims import ProactiveClaims
from .prose_shares import Share, find_shares
from .prose_sums import ProseSum, find_sums
from .repeats import Repeats, find_repeats
from .sections import TEXT_KINDS, Section
from .self_refs import voice_kind
from .stats import extract as stats_extract
from .stats.deduped import Deduplicated
from .stats.deduped import find as find_deduplicated
from .stats.identities import IdentityChecks, check_identities
from .stats.label_typos import LabelTypo, find_label_typos
from .stats.model import StatTable
from .structure import Structure
from .title_field import catalogue_title, field_value
from .title_rows import split as split_title_rows
from .truncation import Truncation
from .truncation import analyse as analyse_truncation
from .unread import UnreadTable, find_unread
from .writing import Doubled, Piece, TablePieces, find_doubles, prose_pieces
from .year import OPENING_BLOCKS, YearDecision
from .year import decide as decide_year

HEAD_BLOCKS = 40  # prose blocks with content searched for the statistics period
SIGNATURE_SCAN = 60  # blocks at the end searched for the 落款 (portal lines after it skipped)
_SENTENCE = re.compile(r"[，。；;！？!?]")
# 一、总体情况: a part's heading; 一 概 述 (an old report's title spaced out, the numeral without its 、)
_PART_START = re.compile(r"[\s#*]*[一二三四五六七八九十]{1,2}(?:\s*[、.．]|[ \u3000]+(?:概\s*述|总\s*体\s*情\s*况)\s*$)")

# the words that introduce the statistics period (统计期限为2023年1月1日至12月31日); 时间段 only before a
# period that starts on 1月1日 (宣传活动时间段为3月1日至3月31日 is not the report's period)
# (…六部分组成，涵盖2020年1月1日至…: the period the report covers, said without 统计)
_PERIOD_WORDS = (r"统计期限|统计时限|统计时间|统计时段|统计周期|统计期间|统计区间|统计范围|统计日期|数据统计|统计数据|报告涵盖"
                 r"|报告[^。；;]{0,120}?[，,]涵盖")
# (年 or 月 or both may be lost in a portal's copy: 20231月1日, 2023年11日, 202311日, 20231231日; a line break may fall
# anywhere in a hard-wrapped paragraph: 统计周期⏎为 2024 年 1 月 1 日)
_PERIOD = re.compile(rf"(?:{_PERIOD_WORDS}|时间段)[^。；;]{{0,12}}?(?P<y>(?:19|20)\d{{2}})\s*年?\s*1\s*月?\s*1\s*日")
_PERIOD_SPAN = re.compile(
    rf"(?:{_PERIOD_WORDS})" + r"[^。；;，,]{0,12}?"
    r"(?P<start>(?P<y1>(?:19|20)\d{2})\s*年?\s*(?P<m1>\d{1,2})\s*月?\s*(?P<d1>\d{1,2})\s*日)"
    r"(?:\s*起)?\s*(?:至|到|—{1,2}|－|-|~|～)\s*"
    r"(?P<end>(?:(?P<y2>(?:19|20)\d{2})\s*年?\s*)?(?P<m2>\d{1,2})\s*月?\s*(?P<d2>\d{1,2})\s*日)"
)


@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class Overrides:
    """Facts given by the user (``--year``, config) that win over detection."""

    year: int | None = None
    agency: str | None = None
    agency_kind: str | None = None
    format_version: str | None = None


class AnnualReport:
    def __init__(self, document: Document, overrides: Overrides | None = None):
        self.source = document  # the reader's document
        self.overrides = overrides or Overrides()
        self._head_made: list[Block] = []  # the head blocks found so far (see _heads)
        self._head_pos = 0  # where in text_blocks the search for the next goes on

    # -- text access -------------------------------------------------------------------
    @cached_property
    def inline(self) -> Inline:
        """Headings found inside long blocks (text whose line breaks were lost), see :mod:`.inline`; read on the
        reader's document with the parts' titles merged over a row of their tables made headings (:mod:`.title_rows`)."""
        return find_inline(split_title_rows(self.source))

    @cached_property
    def document(self) -> Document:
        """The document as the report reads it: the reader's, with a part's title merged over a row of its table
        made a heading (:mod:`.title_rows`) and flattened blocks split at the headings found inside them
        (:attr:`inline`; the same object when there are neither)."""
        return self.inline.document

    @cached_property
    def blocks(self) -> tuple[Block, ...]:
        return self.document.blocks

    @cached_property
    def text_blocks(self) -> list[Block]:
        """Blocks with prose: headings, paragraphs, list items (not tables, comments, code)."""
        return [b for b in self.blocks if b.kind in TEXT_KINDS]

    @cached_property
    def lintable_blocks(self) -> list[Block]:
        """Prose and table blocks: everything a reader of the published report sees."""
        return [b for b in self.blocks if b.kind in TEXT_KINDS or b.kind == "table"]

    @cached_property
    def lintable_text(self) -> str:
        """The texts of :attr:`lintable_blocks` joined by NULs: a rule first asks whether a word is anywhere in the
        report (one search in C), and reads the blocks only when it is."""
        return "\0".join([b.text for b in self.lintable_blocks])

    @cached_property
    def prose_text(self) -> str:
        """:attr:`lintable_text` without the tables' texts (most of a report's text: a rule that reads no table asks
        it)."""
        return "\0".join([b.text for b in self.text_blocks])

    @cached_property
    def block_starts(self) -> tuple[list[int], list[int]]:
        """Where each of :attr:`lintable_blocks` starts in :attr:`lintable_text`, and each of :attr:`text_blocks` (the
        same without the tables) in :attr:`prose_text`; one more at the end (``bisect`` finds the block of a place)."""
        return tuple(list(accumulate([len(b.text) + 1 for b in blocks], initial=0))  # type: ignore[return-value]
                     for blocks in (self.lintable_blocks, self.text_blocks))

    # -- portal metadata ----------------------------------------------------------------
    @cached_property
    def portal(self) -> PortalMetadata:
        """Fields the portal wrote around the report (发布日期, 浏览次数, breadcrumbs …), see :mod:`.portal`."""
        return find_metadata(self.lintable_blocks)

    # -- title, agency, year -------------------------------------------------------------
    @cached_property
    def head_blocks(self) -> list[Block]:
        """The first :data:`HEAD_BLOCKS` prose blocks with content, where the title and the statistics period
        are looked for: portal metadata lines and page chrome (navigation items a crawler puts one per line
        before the report: 首页, ``|``, 无障碍浏览 …, see :func:`..page_lines.is_chrome`) are skipped."""
        return list(self._heads())

    def _heads(self) -> Iterator[Block]:
        """:attr:`head_blocks` one by one, each found only when a reader gets that far (the statistics period is most
        often in the first few); the blocks found are kept for the next reader."""
        made = self._head_made
        i = 0
        while i < len(made) or self._next_head():
            yield made[i]
            i += 1

    def _next_head(self) -> bool:
        """Find the next of :attr:`head_blocks` (appended to ``_head_made``); False when there is no more.  (A plain
        position, not a kept generator: that would hold the report in a reference cycle.)"""
        made = self._head_made
        if len(made) >= HEAD_BLOCKS:
            return False
        portal = self.portal
        blocks = self.text_blocks
        k = self._head_pos
        while k < len(blocks):
            b = blocks[k]
            k += 1
            if portal.is_line(b) or chrome_or_navigation(portal.text_without(b)):
                continue
            self._head_pos = k
            made.append(b)
            return True
        self._head_pos = k
        return False

    @cached_property
    def title_block(self) -> Block | None:
        """The report title among the first prose lines with content (:func:`.title_lines.find_title_block`)."""
        return title_lines.find_title_block(self)

    def above_title(self, block: Block) -> bool:
        """Is ``block`` above the report's title: the page's header (a greeting, a ticker of dated news), not the
        report's text (no title found: False)?"""
        title = self.title_block
        return title is not None and block.index < title.index

    @cached_property
    def title_suffix_block(self) -> Block | None:
        """The line that ends a title written over two lines (``…信息公开工作`` / ``年度报告``), or None."""
        return title_lines.find_suffix_block(self)

    @cached_property
    def title_prefix_block(self) -> Block | None:
        """The line before the title that holds the first part of a title written in two paragraphs
        (``某某市某某局`` / ``2023年政府信息公开工作年度报告``), or None."""
        return title_lines.find_prefix_block(self)

    @cached_property
    def title(self) -> str | None:
        """The title as written, without portal fields on its line (标题 发布日期：… → 标题); a title written in
        two paragraphs (agency / year and the rest) is joined."""
        if self.title_block is None:
            return None
        text = self._title_text(self.title_block)
        if self.title_suffix_block is not None:
            text += "".join(self.portal.text_without(self.title_suffix_block).lstrip("#").split())
        if self.title_prefix_block is not None:
            text = self.portal.text_without(self.title_prefix_block).lstrip("#").strip() + text
        return text

    @cached_property
    def block_title_facts(self) -> tuple[str | None, int | None]:
        """name_from_title of the title block's own text (the title when no prefix line joins it): read once."""
        assert self.title_block is not None
        return title_lines.title_names(self._title_text(self.title_block))  # (as find_title_block read it: kept)

    def _title_text(self, b: Block) -> str:
        """The title as the block ``b`` gives it: its text (a catalogue line's title field), or its 名称 cell."""
        if b.kind == "table":
            return catalogue_title(b) or ""
        return field_value(self.portal.text_without(b)).lstrip("#").strip()

    @cached_property
    def _title_facts(self) -> tuple[str | None, int | None]:
        if not self.title:
            return None, None
        if self.title_prefix_block is None and self.title_suffix_block is None:
            return self.block_title_facts  # the title is the title block's text (see title)
        return name_from_title(self.title)

    @cached_property
    def signature_agency(self) -> str | None:
        """The agency named in the 落款 (the line before the signature date, or the same line), or None."""
        d = self.signature_mention
        if d is None:
            return None
        before = d.block.text[:d.start].strip()
        if not before:
            k = next((i for i, b in enumerate(self.text_blocks) if b is d.block), None)
            prev = self.text_blocks[k - 1] if k else None
            if prev is None or self.portal.is_line(prev):
                return None
            before = prev.text.strip()
        before = before.lstrip("#").strip().strip("*_").strip()
        if not before or len(before) > 40 or _SENTENCE.search(before):
            return None
        return before if classify(before)[0] is not None else None

    @cached_property
    def agency(self) -> Agency:
        o = self.overrides
        name, source = o.agency, "config"
        if not name:
            name, source = self._title_facts[0], "title"
            if name is not None and classify(name)[0] is None and self.signature_agency is not None:
                name = None  # a title without a recognisable agency: the 落款 names it
        if not name:
            name, source = self._for_area(usable_name(self.signature_agency)), "signature"
        if not name:  # (由某某区人民政府办公室编制, the report about 全区: the area's, its office compiles it)
            name, source = usable_name(self._opening_agency), "opening"
            if name and any(f"{name}编制" in b.text or f"{name}联系" in b.text or f"联系:{name}" in b.text
                            or f"联系：{name}" in b.text for b in self.text_blocks[:OPENING_BLOCKS]):
                # (named as the maker or the contact only: 2023年，某某市人民政府办公室坚持… is the office's own)
                name = self._for_area(name)
        if not name:  # a page whose title and text name no body: its header's, when the report names it too
            name, source = self._page_agency, "page"
        if not name:
            source = "none"
            voice = None if o.agency_kind else voice_kind(self)  # (a body named nowhere: its one self-word, 我镇 …)
            if voice is not None:
                return Agency(name=None, kind=voice[0], word=voice[1], source="voice")
        elif source != "config":
            name = strip_glosses(name)  # (由國家機(jī)關(guān)…管理局…編制: a copy's pinyin is not the name's)
            # (区住建局2020年…, the page on the district's site: 龙湾区住建局 as the opening names it)
            name = placed_name(name, [b.text for b in self.text_blocks[:OPENING_BLOCKS]]) or name
        owner = office_owner(name) if name and source != "config" else None
        office, name = (name, owner) if owner else (None, name)  # 某某镇人民政府党政办公室: the town's report
        kind, word = classify(name) if name else (None, None)
        if o.agency_kind:
            kind = o.agency_kind
            source = "config"
        return Agency(name=name, kind=kind, word=word, source=source, office=office)

    def _for_area(self, name: str | None) -> str | None:
        """``name``, or its government where it is a government's office that speaks for the area (我县, 全县): the
        office signs or compiles the area's own report, due when a government's is."""
        gov = government_of(name) if name else None
        if gov is not None and speaks_for_area([b.text for b in self.text_blocks], classify(gov)[1] or ""):
            return gov
        return name

    @cached_property
    def _opening_agency(self) -> str | None:
        """The body the report's opening names (:func:`.agency_opening.opening_name`), when the page has no title line and no
        落款: a name of a known kind, else None."""
        return opening_name([b.text for b in self.text_blocks[:OPENING_BLOCKS]])

    @cached_property
    def _page_agency(self) -> str | None:
        """The body the page header names as publisher or source, when the report's own text names it too
        (:func:`.agency_opening.page_name`), else None."""
        sources = self.portal.header_sources
        if not sources:
            return None
        texts = [self.portal.text_without(b) for b in self.text_blocks if not self.portal.is_line(b)]
        return next((n for n in (page_name(s.value, texts) for s in sources) if n), None)

    @cached_property
    def title_year(self) -> int | None:
        return self._title_facts[1]

    @cached_property
    def title_name(self) -> str | None:
        """The body the title names, as written (区住建局: :attr:`agency` may give it its place)."""
        return self._title_facts[0]

    @cached_property
    def period_match(self) -> tuple[Block, re.Match[str]] | None:
        """The statistics period's statement (统计期限为2023年1月1日至12月31日) among :attr:`head_blocks`."""
        for b in self._heads():
            m = search_unglossed(_PERIOD, b.text)  # (統(tǒng)計(jì)期限…: a copy's pinyin glosses read past)
            if m:
                return b, m
        return None

    @cached_property
    def period_span(self) -> tuple[Block, re.Match[str]] | None:
        """The statistics period written in full, whatever its days (统计期限为2023年1月1日至12月31日; groups
        ``start`` y1 m1 d1, ``end`` y2 m2 d2 — y2 only when written) among :attr:`head_blocks`."""
        for b in self._heads():
            if "日" in b.text:
                m = search_unglossed(_PERIOD_SPAN, b.text)
                if m:
                    return b, m
        return None

    @cached_property
    def period_year(self) -> int | None:
        """The year of the statistics period (统计期限为2023年1月1日至12月31日)."""
        found = self.period_match
        return int(found[1].group("y")) if found is not None else None

    @cached_property
    def year_decision(self) -> YearDecision:
        """The report year and where it comes from (see :mod:`.year`)."""
        return decide_year(self)

    @cached_property
    def year(self) -> int | None:
        return self.year_decision.year

    @cached_property
    def year_source(self) -> str:
        """config | title | content (the title's year outvoted by the report's own content) | period | body (the
        opening naming the report's year) | none."""
        return self.year_decision.source

    @cached_property
    def format_version(self) -> str | None:
        return self.overrides.format_version or catalogue.format_version_for_year(self.year)

    # -- dates -------------------------------------------------------------------------
    @cached_property
    def dates(self) -> list[DateMention]:
        """The dates in the prose blocks (:attr:`text_blocks`, :attr:`lintable_blocks` but the tables)."""
        return text_dates(self.text_blocks, self.prose_text, self.block_starts[1])

    @cached_property
    def table_dates(self) -> list[DateMention]:
        """The dates in the table blocks (:attr:`dates` holds the others'), read once for the rules that look at
        tables too."""
        out: list[DateMention] = []
        for b in self.lintable_blocks:
            if b.kind == "table":
                out.extend(find_dates(b))
        return out

    @cached_property
    def published_mention(self) -> DateMention | None:
        """The date of the page header's publication-date field (发布日期：…), as on portal pages."""
        return self._field_mention(self.portal.published)

    @cached_property
    def written_mention(self) -> DateMention | None:
        """The date of the page header's 成文日期 field: the report was published on it or later."""
        return self._field_mention(self.portal.written)

    def _field_mention(self, span) -> DateMention | None:
        if span is None:
            return None
        mentions = find_dates(span.block) if span.block.kind == "table" else self.dates
        for d in mentions:
            if d.block is span.block and span.start <= d.start < span.end:
                return d
        return None

    @cached_property
    def signature_tail(self) -> list[Block]:
        """The last six text blocks, portal lines after them skipped: where a 落款 can be — never above the report's
        first part (a cover's ``某某局办公室 / 2017年3月`` under the title, in a short text cut off before its end)."""
        portal = self.portal
        tail = [b for b in self.text_blocks[-SIGNATURE_SCAN:] if not portal.is_line(b)][-6:]
        first = self.first_part
        if tail and first is not None and first <= tail[-1].index:
            return [t for t in tail if t.index > first]
        return tail

    @cached_property
    def first_part(self) -> int | None:
        """The index of the first text block that starts as a part's heading does (一、总体情况, 一、概述): where the
        report's own text begins, known before :attr:`sections` (the parts are found with the 落款 and the year known)."""
        return next((b.index for b in self.text_blocks if _PART_START.match(b.text)), None)

    @cached_property
    def signature_mention(self) -> DateMention | None:
        """The 落款 date: a block near the end (:attr:`signature_tail`) that holds nothing but a date, or the agency's
        name and the date (``某某局\n2024年3月9日`` in one paragraph, ``某某局　　2024年3月9日`` on one line), and is
        not a portal field."""
        portal = self.portal
        for b in reversed(self.signature_tail):
            ds = [d for d in self.dates if d.block is b]
            if len(ds) != 1 or portal.covering(b, ds[0].start, ds[0].end) is not None:
                continue
            d = ds[0]
            text = b.text
            after = portal.text_without(b, d.end)
            if len(after) > 2 or after.strip()[:1] in ("起", "以", "前", "后", "至", "止"):
                continue  # (the page's tools printed after it, 2024年1月5日【打印本页】【关闭窗口】, are not text after it;
                # 2004年5月1日起 on a line of its own is a sentence broken at its date, no 落款)
            before = text[:d.start].strip().lstrip("#").strip().strip("*_").strip()
            if not before or (len(before) <= 40 and not _SENTENCE.search(before)
                              and classify(before)[0] is not None):
                return d
        return None

    @cached_property
    def published(self) -> _dt.date | None:
        """Publication date: the 发布日期 line, else the page's ``<meta name=PubDate>``, else its date stamp near the
        title (:mod:`.stamps`), else the signature."""
        return self._publication[0]

    @cached_property
    def published_source(self) -> str | None:
        """Where :attr:`published` came from: 发布日期, 网页元数据, 页面日期 or 落款日期."""
        return self._publication[1]

    @cached_property
    def _publication(self) -> tuple[_dt.date | None, str | None]:
        m = self.published_mention
        if m is not None and m.date is not None:
            return m.date, "发布日期"
        meta = _meta_date(self.document.pubdate)
        if meta is not None:
            return meta, "网页元数据"
        for m, source in ((self.stamp_mention, "页面日期"), (self.signature_mention, "落款日期"),
                          (self.written_mention, "成文日期")):
            if m is not None and m.date is not None:
                return m.date, source  # (成文日期 last: the document's date, the publication's earliest)
        return None, None

    @cached_property
    def stamp_mention(self) -> DateMention | None:
        """The page's date stamp near the title (:func:`.stamps.stamp_mention`)."""
        return stamps.stamp_mention(self)

    # -- sections ----------------------------------------------------------------------
    @cached_property
    def structure(self) -> Structure:
        """The section analysis (see :mod:`.structure`)."""
        return section_structure.analyse(self)  # through the module: a test may replace it

    @cached_property
    def sections(self) -> list[Section]:
        """Top-level sections in document order (sub-item runs numbered 一、… excluded)."""
        return self.structure.mains


    @cached_property
    def stats(self) -> dict[str, StatTable]:
        """Statistics tables found in sections 二, 三, 四: ``{"s2"|"s3"|"s4": StatTable}``, without the flattened
        tables of a copy that lost its repeated lines (those are :attr:`deduplicated`, set here too)."""
        tables = stats_extract.extract(self)  # through the module: a test may replace it
        dd = self.__dict__["deduplicated"] = find_deduplicated(self, tables)
        if dd is None:
            return tables
        return {tid: t for tid, t in tables.items() if tid not in dd.tables}

    @cached_property
    def deduplicated(self) -> Deduplicated | None:
        """The flattened tables of a copy whose repeated lines were removed (:mod:`.stats.deduped`), not read as
        statistics; set when :attr:`stats` is read (None when ``stats`` was given)."""
        self.stats  # noqa: B018 -- reading it sets this one
        return self.__dict__.get("deduplicated")

    @cached_property
    def identity_checks(self) -> IdentityChecks:
        """The identities of tables 三 and 四 evaluated (ok, violated, blank total, skipped), with what explains the
        violated ones — a wrong cell, a row in the wrong columns — per ``min_identities`` (:mod:`.stats.identities`)."""
        return check_identities(self.stats, self.format_version)

    @cached_property
    def unread_tables(self) -> dict[str, UnreadTable]:
        """Tables of parts 二–四 in the text (a run of their labels and digits) that the statistics reader could
        not read at all: ``{"s2"|"s3"|"s4": UnreadTable}`` (see :mod:`.unread`)."""
        return find_unread(self)

    @cached_property
    def label_typos(self) -> list[LabelTypo]:
        """Row labels of the statistics tables written with a slip (see :mod:`.stats.label_typos`)."""
        return find_label_typos(self.stats)

    @cached_property
    def statistics_blocks(self) -> frozenset[int]:
        """Indexes of the blocks of the statistics tables: the prose readers (claims, sums, table-二 figures) skip
        them."""
        dd = self.deduplicated
        tables = [*(self.stats or {}).values(), *(dd.tables.values() if dd is not None else ())]
        return frozenset(b.index for t in tables for b in t.blocks)

    @cached_property
    def own_name_masker(self) -> Callable[[str], str]:
        """Blanks the words with which the reporting body names itself where they look like a scope qualifier
        (:func:`.claim_context.self_masker`)."""
        return self_masker(self)

    @cached_property
    def claims(self) -> ProseClaims:
        """Counts and statements the prose states about tables 三 and 四, per list of scope words (:mod:`.claims`)."""
        return ProseClaims(self)

    @cached_property
    def metrics(self) -> Metrics:
        """The values of tables 三 and 四 the prose can state, derived from their cells (:mod:`.metrics`)."""
        return Metrics(self.stats or {})

    @cached_property
    def prose_sums(self) -> list[ProseSum]:
        """Totals the prose states with the parts listed after (or before) them (see :mod:`.prose_sums`)."""
        return find_sums(self)

    @cached_property
    def prose_shares(self) -> list[Share]:
        """Counts the prose states with their shares (占比X%), with the numbers before them (see :mod:`.prose_shares`)."""
        return find_shares(self.lintable_blocks)

    @cached_property
    def proactive_claims(self) -> ProactiveClaims:
        """Figures of table 二 the prose names (现行有效, 制发, 废止, 处理决定, 收费金额; see :mod:`.proactive_claims`)."""
        return ProactiveClaims(self)

    @cached_property
    def attachment_page(self) -> AttachmentPage | None:
        """The attachment of a page that publishes the report only as one (see :mod:`.attachments`), or None."""
        return attachment_page(self)

    @cached_property
    def truncation(self) -> Truncation | None:
        """Where the document seems to end early (an excerpt, a page cut off), or None (see :mod:`.truncation`)."""
        return analyse_truncation(self)

    @cached_property
    def unchecked_parts(self) -> frozenset[str]:
        """The parts (s1…s6) a copy does not hold, so that nothing is said missing of them: those from where it is cut
        (:attr:`truncation`) and those before the part it starts with (:func:`.structure.late_start`)."""
        cut = self.truncation.unchecked if self.truncation is not None else frozenset()
        late = section_structure.late_start(self)
        if late is None or late.id is None:
            return cut
        ids = [spec.id for spec in catalogue.SECTIONS]
        return cut | frozenset(ids[:ids.index(late.id)])

    @cached_property
    def candidate(self) -> Candidate:
        """Does the file look like an annual report at all (see :mod:`.candidate`)?  Directory runs skip it if not."""
        return assess_candidate(self)

    @cached_property
    def sections_by_id(self) -> dict[str, Section]:
        """Canonical id → the section chosen for it (the first with a body; canonical titles first)."""
        return self.structure.by_id

    def section_of(self, block: Block) -> Section | None:
        """The top-level section a block belongs to (its heading counts as inside)."""
        k = bisect_right(self._section_starts, block.index) - 1
        return self.sections[k] if k >= 0 else None

    @cached_property
    def _section_starts(self) -> list[int]:
        return [s.heading.index for s in self.sections]

    # -- content safety ------------------------------------------------------------------
    @cached_property
    def hidden(self) -> list[_hidden.HiddenElement]:
        """What the web page hides from its readers, with off-site links decided (HTML only; :mod:`.hidden`)."""
        return _hidden.find(self.document)

    @cached_property
    def spam_blocks(self) -> list[Block]:
        """The prose and table blocks in which a promotion or a spam term may be (:func:`.promotions.gate_blocks`):
        one scan shared by the promotions and injected-spam's term search."""
        return _promotions.gate_blocks(self.lintable_blocks)

    @cached_property
    def promotions(self) -> list[_promotions.Promotion]:
        """Suspected injected promotion (gambling spam) phrases, visible or hidden (:mod:`.promotions`)."""
        return _promotions.find(self)

    # -- repeated passages -----------------------------------------------------------------
    @cached_property
    def repeats(self) -> Repeats:
        """Blocks and runs of blocks printed twice (:mod:`.repeats`)."""
        return find_repeats(self)

    # -- writing (see .writing, .enumeration, .brackets) ---------------------------------
    @cached_property
    def brackets(self) -> Brackets:
        """Bracket and quotation-mark pairs and the members left unmatched (:mod:`.brackets`)."""
        return analyse_brackets(self)

    @cached_property
    def doubles(self) -> list[Doubled]:
        """Doubled marks, function characters and words (:func:`.writing.find_doubles`)."""
        return find_doubles(self)

    @cached_property
    def list_commas(self) -> list[ListComma]:
        """Commas among the 顿号 of a list of parallel words (:func:`.list_commas.find_list_commas`)."""
        return find_list_commas(self.prose_pieces)

    @cached_property
    def prose_pieces(self) -> list[Piece]:
        """The prose blocks (headings, paragraphs, list items) as pieces, for the writing analyses (:mod:`.writing`)."""
        return prose_pieces(self.lintable_blocks)

    @cached_property
    def table_pieces(self) -> TablePieces:
        """The cells of the table blocks as pieces, each table read when first asked for (:mod:`.writing`)."""
        return TablePieces()

    @cached_property
    def enumerations(self) -> list[EnumRun]:
        """Runs of numbered items with the places their numbering breaks (:mod:`.enumeration`)."""
        return analyse_enumerations(self)

    @cached_property
    def count_lists(self) -> list[CountList]:
        """Lists of counts sharing a unit, with the items that lack their number (:mod:`.writing`)."""
        return find_count_lists(self)

    @cached_property
    def is_unified(self) -> bool:
        """Does the report follow a unified format (four of the six sections, not in the old style)?"""
        return self.structure.unified


def _meta_date(value) -> _dt.date | None:
    """2024-01-20, 2024-01-20 10:00:00, 2024/1/20, 20240120 → date."""
    if not value:
        return None
    m = re.match(r"\s*((?:19|20)\d{2})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})", str(value))
    if not m:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
