"""A section of the report: its heading, its number and canonical id, and its body.

:func:`as_section` reads one block as a section heading (``一、总体情况``, ``## 二、主动公开政府信息情况``, or an
unnumbered heading carrying a section's exact title); the section analysis (:mod:`.structure`) decides which of
them are top-level sections and gives each its body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Block
from . import catalogue
from .stats import labels as lb

TEXT_KINDS = frozenset({"heading", "paragraph", "list_item", "html", "image"})

_TOP = re.compile(r"^\s*(?:第)?(?P<num>[一二三四五六七八九十]{1,3})\s*(?:、|，|,|\.|．|\s|部分)\s*(?P<title>.*)$")


# a part's title numbered with an Arabic numeral (1.总体情况, 2、主动公开政府信息情况): a clerk's numbering, or Word's
# automatic numbering that a converter (pandoc -t plain) printed in its own style
ARABIC_TOP = re.compile(r"^\s*(?P<num>[1-9])\s*(?:[、.．]|\s)\s*(?P<title>\S.*)$")
_DASH_ONE = re.compile(r"^\s*[—－–-]\s*[、.．]\s*(?P<title>\S.*)$")
_SUB_ITEM = re.compile(r"[（(][一二三四五六七八九十]{1,2}[）)]")  # （一） right after a part's numeral
_ROW_NUMBERS = re.compile(r"(?:\s+\d+){3,}\s*$")  # three or more numbers after spaces at the end: a table's row


@dataclass
class Section:
    """A section heading of the report (or a sub-item) and the blocks of its body."""

    id: str | None  # canonical id s1…s6, None when the title is not recognised
    numeral: str | None  # 一, 二 … as written (None when unnumbered)
    number: int | None
    title: str  # title without its number
    heading: Block
    blocks: list[Block] = field(default_factory=list)  # body blocks up to the next main section (none for a sub-item)
    quality: str = "none"  # exact | keywords | none

    @property
    def spec(self) -> catalogue.SectionSpec | None:
        return catalogue.SECTION_BY_ID.get(self.id) if self.id else None

    @property
    def label(self) -> str:
        return f"{self.numeral}、{self.title}" if self.numeral else self.title

    @property
    def tables(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "table"]

    @property
    def body_text(self) -> str:
        return "\n".join(b.text for b in self.blocks if b.kind in TEXT_KINDS or b.kind == "table")


def as_section(b: Block, text: str | None = None) -> Section | None:
    """The section whose heading ``b`` is, or None when ``b`` is not a section heading (``text``: its text with the
    emphasis removed, read instead of ``b.text``)."""
    found = _heading(b.text if text is None else text, b.kind == "heading")
    if found is None:
        return None
    sid, numeral, number, title, quality = found
    return Section(sid, numeral, number, title, b, quality=quality)


@lru_cache(maxsize=4096)
def _heading(raw: str, heading: bool) -> tuple[str | None, str | None, int | None, str, str] | None:
    """(id, numeral, number, title, quality) of a section heading written ``raw``, or None.  A function of the
    text and whether the block is a heading only: cached (the same headings recur from report to report)."""
    text = raw.strip().lstrip("#").strip().strip("*_").strip()
    if "\n" in text:
        # a title broken over two lines by a line break in its paragraph (三、收到和处理政府信息 / 公开申请情况): a part
        # when the lines joined are a part's official title (or a typo of it) with its numeral; anything else is read
        # as before
        found = _heading("".join(line.strip() for line in text.splitlines()), heading) if len(text) <= 60 else None
        if found is not None and found[0] is not None and found[1] is not None and found[4] in ("exact", "typo"):
            return found
    if text.endswith("。") and not text.endswith("。。"):
        # a title closed with a full stop (一、总体情况。): a part when what is before it is a part's title exactly; a
        # sentence ending in 。 (一、总体情况良好。) is prose, as before
        found = _heading(text[:-1], heading)
        if found is not None and found[1] is not None and found[4] == "exact":
            return found
        return None
    if not text or len(text) > 50 or text.endswith(("。", "；", ";")):
        return None
    m = _TOP.match(text)
    if m:
        numeral = m.group("num")
        title = m.group("title").strip()
        spec, quality = catalogue.match_section(title)
        if spec is None and any(lbl in "".join(title.split()) for lbl in catalogue.TABLE_ROW_LABELS):
            return None  # (letter-spaced too: 三 、本 年 度办 理 结果, table 三's vertical label as a PDF's text prints it)
        if spec is None and _SUB_ITEM.match(title):
            return None  # 三、（一）予…: a table row's group label run into its item's (a PDF's text), never a part
        if spec is None and " " in title and _table_label_after(title):
            return None  # 三、本年度 （一）予以公开: table 三's label cut in a PDF's text, the next cell's label after it
        if spec is None and _ROW_NUMBERS.search(title) is not None:
            # a label followed by a row of numbers: a table's row (三、本年度办理结果's numeral run into the next row's
            # label in a PDF's text), not a part of the report
            return None
        if spec is None and (not heading and len(title) > 30):
            return None
        return (spec.id if spec else None, numeral, catalogue.cn_to_int(numeral), title, quality)
    # A part's exact title numbered 1. to 6. in its own place: read as the part, unnumbered (DL102 says the numbering
    # is not the format's); 1.主动公开 under 总体情况 is no part's exact title
    arabic = ARABIC_TOP.match(text)
    if arabic is not None:
        spec = catalogue.exact_section(arabic.group("title").strip())
        if spec is not None and int(arabic.group("num")) == catalogue.SECTIONS.index(spec) + 1:
            return (spec.id, None, None, arabic.group("title").strip(), "exact")
        return None
    # 一 typed as a dash (—、总体情况): part 一's exact title read as the part, unnumbered (as 1.总体情况 above)
    dash = _DASH_ONE.match(text)
    if dash is not None:
        spec = catalogue.exact_section(dash.group("title").strip())
        if spec is not None and spec is catalogue.SECTIONS[0]:
            return (spec.id, None, None, dash.group("title").strip(), "exact")
        return None
    # An unnumbered heading whose title is a section title (match_section's "exact", without the typo and key-word
    # searches that could only give another quality).
    spec = catalogue.exact_section(text)
    if spec is not None and (heading or len(text) <= 20):
        return (spec.id, None, None, text, "exact")
    return None


def _table_label_after(title: str) -> bool:
    """Whether a word after the first of ``title`` (split at spaces) is a statistics table's label (（一）予以公开)."""
    return any(lb.cell_vote(w) is not None for w in title.split()[1:])


# what as_section reads, under a public name for a scan that makes the Section itself (the cached function, no wrapper)
heading_of = _heading
