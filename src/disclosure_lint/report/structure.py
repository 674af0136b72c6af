"""The top-level structure of a report: sections, sub-item runs, section bodies and tables.

This is the authoritative section analysis (``AnnualReport.structure``); rules and the
engine's pointers read it through ``report.sections`` / ``report.sections_by_id`` /
``report.is_unified``.

* **Sections.** Every short heading or paragraph numbered 一、… or carrying a known
  section title; Markdown emphasis (``**一、总体情况**``) counts like a ``##`` heading.  A
  numbered title of no part followed by a short block that completes a part's official title (``三、收到和处理政府信息``
  / ``公开申请情况``: an HTML ``<br>`` broke it) is that part's heading.
* **Sub-items numbered as sections.** A run ``一、二、三…`` that restarts inside a
  section (typically the five topics of 总体情况 written ``一、主动公开`` instead of
  ``（一）主动公开``) is not a run of top-level sections: it belongs to the body of
  the section before it.
* **Tables.** A statistics table is present in a section when its body holds a
  table block, an HTML ``<table>``, an image standing alone (a table published as a
  picture), or — in scraped text that prints one cell per line — at least three of
  that table's own labels as short lines; in a table flattened into one line (cells
  split by single spaces or run together: ``规章000``) two of its labels and a number
  are enough (:func:`has_table`).
* **Unified or free text.** The unified formats (2019 trial format, 2021 format)
  apply to report years from 2019.  A report counts as written in the unified format
  when at least four of the six parts are recognised and it is not a report in the
  old style (at least one of parts 二/三/四 missing *and* no statistics table at all).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

from ..memo import Kept
from ..model import Block
from ..readers.lines import CAPTION_MAX, PICTURE_MARK
from ..readers.script import strip_glosses
from . import catalogue as cat
from .sections import Section, heading_of
from .stats import labels as lb
from .stats import runs as flatline
from .year import OPENING_BLOCKS

if TYPE_CHECKING:  # pragma: no cover
    from .annual import AnnualReport

UNIFIED_VERSIONS = (cat.V2019, cat.V2021)
TABLE_SECTIONS = ("s2", "s3", "s4")
SPEC_INDEX = {s.id: i for i, s in enumerate(cat.SECTIONS)}

# Labels of each statistics table (2019 and 2021 formats), used to recognise a table
# printed one cell per line in scraped text.
TABLE_LABELS: dict[str, tuple[str, ...]] = {
    "s2": ("信息内容", "第二十条", "规章", "规范性文件", "行政规范性文件", "行政许可", "其他对外管理服务事项",
           "行政处罚", "行政强制", "行政事业性收费", "政府集中采购", "本年制发件数", "本年废止件数",
           "现行有效件数", "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减",
           "处理决定数量", "本年处理决定数量", "本年收费金额", "采购项目数量", "采购总金额"),
    "s3": ("申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构",
           "本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "本年度办理结果", "予以公开",
           "部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "总计", "结转下年度继续办理",
           "属于国家秘密", "重复申请", "信访举报投诉类申请"),
    "s4": ("行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
           "未经复议直接起诉", "复议后起诉"),
}

EMPHASIS = re.compile(r"\*+|__+|</?(?:strong|b)\s*>", re.I)
LEAD_NUMBER = re.compile(
    r"^\s*(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[.．、]"
    r"|[①-⑩])\s*")
NUMERAL = re.compile(r"^(?P<lead>[\s#*_]*(?:<(?:strong|b)\s*>)?\s*(?:第)?)(?P<num>[一二三四五六七八九十]{1,3})"
                      r"(?P<sep>\s*(?:、|，|,|\.|．|部分)?)")
PUNCT = re.compile(r"[\s　\W_]+", re.U)


def plain_at_least(text: str, n: int) -> bool:
    """``len(PUNCT.sub("", text)) >= n``, the head of a long text stripped first: stripping deletes each character
    alone (a category test per character, in C), so the head's plain text begins the whole one's, and a head that
    holds ``n`` is enough (a part of several hundred characters is not stripped whole to count ten)."""
    head = text[:4 * n + 64]
    if len(PUNCT.sub("", head)) >= n:
        return True
    return len(head) < len(text) and len(PUNCT.sub("", text)) >= n
# title qualities that name a section by its official title (a typo of it counts: it is still that title)
OFFICIAL = frozenset({"exact", "typo"})
_WORD = re.compile(r"[^\s]{1,40}")
_SPACE = re.compile(r"\s")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


# -- the shared analysis ----------------------------------------------------------------------

@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class SubRun:
    """A run of numbered sub-items under a main section."""

    parent: Section
    items: list[Section] = field(default_factory=list)


@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class Structure:
    """The report's sections as recognised: every heading, the main sections, their bodies and the sub-item runs."""

    applies: bool  # the report year calls for a unified format
    sections: list[Section]  # every recognised top-level-looking heading, in order
    mains: list[Section]  # top-level sections (sub-item runs removed)
    bodies: dict[int, list[Block]]  # heading block index → body blocks up to the next main section (its .blocks)
    by_id: dict[str, Section]  # canonical id → chosen main section
    subruns: list[SubRun]
    tables: dict[str, bool]  # s2/s3/s4 present → a statistics table was found in its body
    slots: dict[str, Section]  # missing canonical id → unrecognised section numbered in its place
    extras: list[Section]  # unrecognised main sections not filling a slot
    unified: bool

    def body(self, sec: Section) -> list[Block]:
        return self.bodies.get(sec.heading.index, [])

    @property
    def missing(self) -> list[cat.SectionSpec]:
        return [s for s in cat.SECTIONS if s.id not in self.by_id]


def _scan_sections(report) -> list[Section]:
    out: list[Section] = []
    title_block = report.title_block
    # a PDF table's rows the reader could not lay out (三、（一）予以公20 3 0 0 1 0 24本年开) are no part's title
    unlaid = frozenset(getattr(getattr(report, "document", None), "table_text", ()))
    for b in report.blocks:
        kind = b.kind
        if (kind != "heading" and kind != "paragraph" and kind != "list_item") or b.index in unlaid:
            continue
        text = b.text
        if len(text) > 120 or b is title_block:
            continue
        if kind == "list_item":
            # an item of a Markdown list that is a part's exact title, alone (总体情况): a report whose parts Word
            # numbered, converted by pandoc, which writes that numbering as an ordered list; any other item is no part
            found = heading_of(text, False)
            if found is not None and found[0] is not None and found[1] is None and found[4] == "exact":
                out.append(Section(found[0], None, None, found[3], b, quality="exact"))
            continue
        if "*" in text or "_" in text or "<" in text:
            cleaned = EMPHASIS.sub("", text).strip()
            if cleaned != text.strip():
                text = cleaned
        if "(" in text:
            text = strip_glosses(text)  # (二、主動(dòng)公開政府信息情況: a copy's pinyin is not the title's)
        if len(text) > 50 and len(text.strip().lstrip("#").strip().strip("*_").strip()) > 50:
            continue  # what heading_of reads first: no heading (a sentence of a report's own, not worth caching)
        # as_section(b, text), its answer read from the cached heading reading first: most blocks are no heading
        found = heading_of(text, kind == "heading")
        if found is not None and found[0] is None and found[1] is not None:
            found = _broken_title(report.blocks, b, text, found)
        if found is not None:
            sid, numeral, number, title, quality = found
            out.append(Section(sid, numeral, number, title, b, quality=quality))
    return out


def _broken_title(blocks, b: Block, text: str, found):
    """The heading a numbered title of no part makes with the short block right after it, when the two joined are
    a part's official title (or a typo of it) with the same numeral: a title an HTML ``<br>`` broke into two blocks
    (``三、收到和处理政府信息`` / ``公开申请情况``); else ``found`` as read."""
    i = b.index + 1
    if i >= len(blocks) or blocks[i].index != i:
        return found
    nxt = blocks[i]
    rest = nxt.text.strip()
    if nxt.kind not in ("heading", "paragraph") or not rest or len(rest) > 30:
        return found
    if "*" in rest or "_" in rest or "<" in rest:
        rest = EMPHASIS.sub("", rest).strip()
    joined = heading_of(text.strip() + rest, b.kind == "heading")
    if (joined is not None and joined[0] is not None and joined[1] == found[1]
            and joined[4] in OFFICIAL):
        return joined
    return found


def analyse(report: AnnualReport) -> Structure:
    sections = _scan_sections(report)
    mains: list[Section] = []
    subruns: list[SubRun] = []
    run: SubRun | None = None
    run_next = 0
    seen_ids: set[str] = set()
    for sec in sections:
        if mains and sec.number is not None and mains[-1].number == sec.number and (not sec.title or (
                sec.id is None and sec.heading.index > 0 and report.blocks[sec.heading.index - 1].kind == "table")):
            # the numeral alone, inside the part of that number: a table row's (三、本年度办理结果 broken over lines); or
            # an unknown title with it right after a table in that part (a PDF's row label split and joined with
            # another cell's words: 三、本 + 法提供 of （四）无法提供)
            continue
        # a part numbered in its own place that has not been seen yet is a part, not a sub-item
        # (and so is a canonical title, even a repeated one)
        fits = sec.id is not None and (sec.quality in OFFICIAL or (
            sec.id not in seen_ids and sec.number == SPEC_INDEX[sec.id] + 1))
        if run is not None:
            if sec.number == run_next and not fits:
                run.items.append(sec)
                run_next += 1
                continue
            run = None
        if sec.number == 1 and mains and not fits:
            run = SubRun(parent=mains[-1], items=[sec])
            subruns.append(run)
            run_next = 2
            continue
        mains.append(sec)
        if sec.id is not None:
            seen_ids.add(sec.id)

    blocks = report.blocks
    bodies: dict[int, list[Block]] = {}
    for i, sec in enumerate(mains):
        start = sec.heading.index + 1
        end = mains[i + 1].heading.index if i + 1 < len(mains) else len(blocks)
        bodies[sec.heading.index] = list(blocks[start:end])
    # the main sections come out with their bodies (sub-items keep none: their text is their parent's body); each
    # Section was made by _scan_sections for this analysis alone, so it is given its body in place (a copy, as
    # dataclasses.replace made, would be the same object to every reader: sections, mains and subruns hold only these)
    for sec in mains:
        sec.blocks = bodies[sec.heading.index]

    # one section per canonical id: the first with a body (a table of contents lists the titles with
    # nothing under them), preferring the official title (or a typo of it) over a key-word match
    by_id: dict[str, Section] = {}
    rank: dict[str, tuple[bool, bool]] = {}
    for sec in mains:
        if sec.id is None:
            continue
        r = (_has_content(bodies[sec.heading.index]), sec.quality in OFFICIAL)
        if sec.id not in by_id or r > rank[sec.id]:
            by_id[sec.id] = sec
            rank[sec.id] = r

    tables = {sid: has_table(bodies[by_id[sid].heading.index], sid) for sid in TABLE_SECTIONS if sid in by_id}

    # unrecognised sections numbered where a missing part should be
    slots: dict[str, Section] = {}
    unknown = [s for s in mains if s.id is None and s.number is not None]
    if unknown:
        for spec in cat.SECTIONS:
            if spec.id in by_id:
                continue
            k = SPEC_INDEX[spec.id]
            lo = max((by_id[s.id].heading.index for s in cat.SECTIONS[:k] if s.id in by_id), default=-1)
            hi = min((by_id[s.id].heading.index for s in cat.SECTIONS[k + 1:] if s.id in by_id),
                     default=len(blocks))
            for u in unknown:
                if u.number == k + 1 and lo < u.heading.index < hi and u not in slots.values():
                    slots[spec.id] = u
                    break
    taken = {id(s) for s in slots.values()}
    extras = [s for s in mains if s.id is None and id(s) not in taken]

    n = len(by_id)
    old_style = any(sid not in by_id for sid in TABLE_SECTIONS) and not any(tables.values())
    unified = n >= 4 and not old_style
    return Structure(
        applies=report.format_version in UNIFIED_VERSIONS, sections=sections, mains=mains, bodies=bodies,
        by_id=by_id, subruns=subruns, tables=tables, slots=slots, extras=extras, unified=unified,
    )


# a table of contents' page number under a title (its leader dots or spaces before it)
_TOC_PAGE = re.compile(r"[.…·．\s\u3000_-]*\d{1,4}")


def _has_content(body: list[Block]) -> bool:
    """Whether a section has a body; not a table of contents' entry: its page number alone (``……5``), or first
    (the last entry runs on to the cover's or report's first lines, up to the first section's title)."""
    if body and body[0].kind in ("paragraph", "list_item") and _TOC_PAGE.fullmatch(body[0].text.strip()):
        return False
    return any(b.kind in ("heading", "paragraph", "list_item", "table", "html", "image") for b in body)


def _label_of(text: str) -> str:
    t = EMPHASIS.sub("", text).strip().lstrip("#").strip()
    return LEAD_NUMBER.sub("", t, count=1).strip()


def unified_or_cut(report: AnnualReport, st: Structure) -> bool:
    """A report of a unified-format year written in the format: four of its parts found, or — a copy cut before
    part 四 — three and a statistics table, or three and the cut in part 四's title or later (二 and 三 read whole), or —
    a copy begun partway (:func:`late_start`) — three; or a draft of the format's parts with some left out
    (:func:`gapped_draft`)."""
    cut = report.truncation
    return st.applies and (st.unified or (cut is not None and len(st.by_id) >= 3 and (
        any(st.tables.values()) or (cut.section in ("s4", "s5", "s6") and {"s1", "s2", "s3"} <= st.by_id.keys())))
        # (a copy begun at part 三, the parts from there on in their places: the format's)
        or (len(st.by_id) >= 3 and late_start(report) is not None) or gapped_draft(report, st))


def gapped_draft(report: AnnualReport, st: Structure) -> bool:
    """Two or three of the six parts, part 一 among them, each by the format's own title and numeral (一、总体情况,
    三、收到和处理政府信息公开申请情况), every numbered part of the text one of them, but not the first two or three in a
    row (a copy cut after them: DL002 says so), in a text that is neither cut nor begun partway: a draft in the format
    with parts left out — they are missing (DL101), not a free text (four parts make a report the format's,
    :attr:`Structure.unified`)."""
    found = st.by_id
    if not (st.applies and 2 <= len(found) <= 3 and "s1" in found) \
            or sorted(found) == [s.id for s in cat.SECTIONS[:len(found)]]:
        return False  # (begun at a later part under the title: the second page of an article the portal paginates)
    if any(s.quality != "exact" or s.number != SPEC_INDEX[sid] + 1 for sid, s in found.items()):
        return False
    if any(s.number is not None and (s.id is None or found.get(s.id) is not s) for s in st.mains):
        return False  # another numbered part (一、概述, a part the tool does not know): free text, or a lost title
    return report.truncation is None and not report.unchecked_parts and report.candidate.plausible


def read_past_tables(report: AnnualReport, st: Structure) -> bool:
    """A copy cut in part 五 or 六 whose parts numbered 二, 三 and 四 were all read (by their own titles: 三、依申请公开政府
    信息情况), none with a statistics table: what the cut left out is not where the tables go (a free-text report of a
    unified year, cut near its end)."""
    cut = report.truncation
    return (cut is not None and cut.section in ("s5", "s6") and not report.stats and not any(st.tables.values())
            and {2, 3, 4} <= {s.number for s in st.mains})


def image_tables(report: AnnualReport) -> list[tuple[str, Block]]:
    """The statistics tables published as pictures, each with its picture: a part 二/三/四 whose body holds a
    picture standing alone (``image`` block) and its table in no form the tool reads or sees (not read, not
    unreadable, no table, no cells one a line).  A table there is (not missing, DL105), whose numbers nothing
    checks."""
    st = report.structure
    if not st.applies:
        return []
    out: list[tuple[str, Block]] = []
    for sid in TABLE_SECTIONS:
        sec = st.by_id.get(sid)
        if sec is None or report.stats.get(sid) is not None or sid in report.unread_tables:
            continue
        body = st.body(sec)
        picture = next((b for b in body if b.kind == "image" or _captioned_picture(b)), None)
        if picture is not None and not has_table(body, sid, accept_images=False):
            out.append((sid, picture))
    return out


def late_start(report: AnnualReport) -> Section | None:
    """The part a copy starts with when it is not part 一: the file's first text is the title of part 二 to 六, in its
    own place and words (三、收到和处理政府信息公开申请情况), with no report title before it — a copy that begins partway
    through a report, the parts before it not in the file (never reported missing, DL002 says so once); else None."""
    first = next((b for b in report.text_blocks if b.text.strip() and not report.portal.is_line(b)), None)
    if first is None or report.title_block is not None:
        return None
    sec = next((s for s in report.structure.sections if s.heading is first), None)
    if sec is None or sec.spec is None or sec.id == "s1" or sec.quality != "exact" \
            or sec.number != cat.SECTIONS.index(sec.spec) + 1:
        return None
    return sec


def lost_tables(report: AnnualReport) -> list[tuple[str, Block]]:
    """Parts 二/三/四 of a text copy with nothing at all under their titles (no table, no picture, no words), each
    with its heading: the copy lost the page's tables (a store that keeps text only), not the clerk — said once as
    what the tool could not read (DL002), never as a missing table (DL105)."""
    st = report.structure
    if report.document.format != "text" or not unified_or_cut(report, st):
        return []
    cut = report.unchecked_parts
    trunc = report.truncation
    # (the next part's title cut short where the file stops, 三、… then 四: not the part's content)
    title_cut = trunc.block if trunc is not None and trunc.where == "title" else None
    out: list[tuple[str, Block]] = []
    for sid in TABLE_SECTIONS:
        sec = st.by_id.get(sid)
        if sec is None or sid in cut or report.stats.get(sid) is not None or sid in report.unread_tables:
            continue
        if not any(b.text.strip() for b in st.body(sec) if b is not title_cut):
            out.append((sid, sec.heading))
    return out


_PICTURE_NAMES = re.compile(r"(?:[ \t\u3000]*[^\s。，,；;：:.]{1,40}\.(?:png|jpe?g|gif|bmp|webp))+", re.I)


def _captioned_picture(b: Block) -> bool:
    """A paragraph that is a picture with its caption (``表2 主动公开情况`` before, after or beside ``![](t2.png)``:
    Markdown keeps the picture in the paragraph's text; the HTML reader makes such a picture a block of its own): the
    text without its pictures is a caption at most, and no sentence."""
    if b.kind != "paragraph":
        return False
    if "![" not in b.text and "<img" not in b.text.lower():
        # a copy of the page kept only the pictures' file names (捕获2.PNG, 捕获3.PNG捕获4.PNG): pictures all the same
        return len(b.text) <= 300 and "." in b.text and _PICTURE_NAMES.fullmatch(b.text.strip()) is not None
    if len(b.text) > 2000:
        return False
    rest, n = PICTURE_MARK.subn("", b.text)
    rest = "".join(rest.split())
    return n > 0 and len(rest) <= CAPTION_MAX and "。" not in rest


def has_table(body: list[Block], sid: str, accept_images: bool = True, min_flat_labels: int = 3) -> bool:
    """Does a section body hold its statistics table (in any of the forms a report can take)?"""
    # a block that is a table by its kind answers yes wherever it is in the body, and the text tests below can only
    # answer yes too: one pass over the kinds first spares them (bodies hold their table block after a few paragraphs)
    for b in body:
        kind = b.kind
        if kind == "table" or (accept_images and (kind == "image" or _captioned_picture(b))) or (
                kind == "html" and "<table" in b.text.lower()):
            return True
    labels = TABLE_LABELS.get(sid, ())
    seen: set[str] = set()
    numbers = False
    for b in body:
        if b.kind == "table":
            return True
        text = b.text
        if b.kind == "html" and "<table" in text.lower():
            return True
        if accept_images and b.kind == "image":
            return True
        if b.kind not in ("heading", "paragraph", "list_item"):
            continue
        # one cell per line, or a table flattened into one line (cells split by spaces or run together)
        pieces = [(text, False)] if len(text) <= 40 else []
        if _SPACE.search(text) or len(text) > 40:
            # a table flattened into the line: its cells, split by spaces or run together (规章000)
            pieces += [(c, True) for w in _WORD.findall(text) for _, c in flatline.cells(w)]
        for piece, flat in pieces:
            lab = _label_of(piece)
            for label in labels:
                if lab.startswith(label):
                    seen.add(label)
                    break
            else:
                if flat and lb.cell_vote(piece) == sid:  # any other label of a flattened table
                    seen.add(lab)
                elif flat and _NUMBER.fullmatch(piece):
                    numbers = True
            # a flattened table (labels and numbers in one line) is there with fewer labels: it is a table
            # only when read as one, and reporting a table missing is an error
            if len(seen) >= min_flat_labels or (numbers and len(seen) >= min(2, min_flat_labels)):
                return True
    return False





# the six parts as an opening lists them (本报告由总体情况、主动公开政府信息情况、…、其他需要报告事项等六部分组成): a
# few characters of each title, as reports shorten them (存在的主要问题和改进措施, 其他需要汇报事项)
_PART_NAMES = ("总体情况", "主动公开政府信息", "收到和处理", "行政复议", "存在的主要问题", "其他需要")
DECLARED_PARTS = 4  # part names one paragraph names to declare the unified format


def declares_unified_parts(report: AnnualReport) -> bool:
    """Whether one of the first paragraphs lists the unified format's parts (four of the six at least): the report
    says it is written in the format, whatever a cut copy lets the tool see of its headings."""
    return any(len(b.text) >= 20 and sum(name in b.text for name in _PART_NAMES) >= DECLARED_PARTS
               and not _old_list(b.text) for b in report.text_blocks[:OPENING_BLOCKS])


def _old_list(text: str) -> list[str]:
    """The old format's part names a paragraph lists with 概述 (and not 收到和处理, part 三 of the unified format): the
    old parts share several titles with the unified ones (主动公开政府信息情况, 存在的主要问题…, 其他需要报告的事项)."""
    if "概述" in text and "收到和处理" not in text and _LISTS_PARTS.search(text):
        found = [name for name in _OLD_PARTS if name in text]
        if found:
            return ["概述", *found]
    return []


# the parts of the reports before the unified format (2018 and earlier) as an opening lists them: 概述 with the old
# parts 依申请公开…和不予公开…, 收费及减免, 因…申请行政复议、提起行政诉讼的情况 (本报告由概述、…等六部分组成)
# — and the parts of the provinces' templates of 2016–2018 (回应解读情况, 机构建设和保障经费情况, 会议和培训情况,
# 信息公开工作组织落实情况: real 2019 reports still list them)
_OLD_PARTS = ("收费及减免", "不予公开政府信息", "依申请公开政府信息情况", "依申请公开和不予公开", "提起行政诉讼的情况",
              "回应解读情况", "机构建设和保障经费", "会议和培训情况", "组织落实情况")
_LISTS_PARTS = re.compile(r"部分|组成|包括")


def declared_old_parts(report: AnnualReport) -> list[str]:
    """The old format's part names one of the first paragraphs lists with 概述 (and not 收到和处理, part 三 of the unified
    format): a report of 2019 or later that says it is written the old way, whatever a cut copy shows of its headings;
    [] when none does."""
    for b in report.text_blocks[:OPENING_BLOCKS]:
        found = _old_list(b.text)
        if found:
            return found
    return []



# An opening that names the parts and says how many (本报告由总体情况、…、其他需要报告的事项等六部分组成): the count, then
# the list before it, after its lead word (the last one before the count)
# (…等6个部分内容; a digit not inside a number: not after a digit or a point, not before one — the numeral first, in one
# class, and its conditions after it, so that re skips at once the characters that are no numeral: (?<![\d.])[2-9] as
# an alternative would be tried at every character of the opening)
_COUNT = re.compile(r"(?P<n>[二三四五六七八九2-9])(?<![\d.][2-9])(?!\d)\s*个?(?:部分|方面)")
_LIST_REACH = 240  # characters of the list before its count
_LEAD = re.compile(r"(?:由|包括|包含|分为|涵盖|(?<=重点)从)[:：]?")  # (重点从“…”六个部分组成: a real opening)
_ENDING = re.compile(r"(?:等|共|计|这|\s)+$")  # between the list and its count (…事项等六部分, …事项共六个部分)
_STOP = re.compile(r"[。；;！？\n]")  # the list is one sentence
# each item of the list: split at 、，, between two quoted items (…改进情况”“其他需要报告的事项”) and at 和/及/与 before the
# start of a part's title (…改进情况和其他需要报告的事项)
_ITEM_SPLIT = re.compile(r"[、，,；]|”\s*“|(?:和|及|以及|与)(?=其[他它]|存在|政府信息公开|主动|收到|因政府)")
# which part an item names, as openings shorten the titles (收到处理…, 其它需要报告事项, 其他报告的事项)
_ITEM_PART = (("s1", re.compile(r"总体情况|概述|基本情况|总体概况")), ("s2", re.compile(r"主动公开")),
              ("s3", re.compile(r"收到和处理|收到处理|依申请")), ("s4", re.compile(r"行政复议|行政诉讼")),
              ("s5", re.compile(r"问题")), ("s6", re.compile(r"其[他它][^、，,]{0,6}事项")))
_CN_COUNT = {c: k for k, c in enumerate("一二三四五六七八九", start=1)} | {str(k): k for k in range(1, 10)}


@dataclass(frozen=True)
class DeclaredParts:
    """An opening's list of the report's parts that does not hold as many parts as it says: ``block``, the count's span
    (``start`` … ``end``: 六个部分), the number it says and the parts (ids s1 … s6) it lists, in order."""

    block: Block
    start: int
    end: int
    count: str
    stated: int
    listed: tuple[str, ...]
    items: int = 0  # the list's items as written
    shared: tuple[str, ...] = ()  # items that name one part between them (行政复议、行政诉讼), the first such run


def _listed(items: str) -> list[str]:
    """The parts (s1 … s6) a list names in order, a part named in two items once (行政复议、行政诉讼情况); [] when an
    item names none or two."""
    listed: list[str] = []
    for item in _ITEM_SPLIT.split(items):
        item = item.strip(" \t“”\"'《》")
        if not item:
            continue
        parts = [sid for sid, rx in _ITEM_PART if rx.search(item)]
        if len(parts) != 1:
            return []
        if not listed or listed[-1] != parts[0]:
            listed.append(parts[0])
    return listed


_LISTS: Kept[str, list[str]] = Kept("declared parts", 1024)  # an opening's list, worded alike in many reports


def _shared(items: list[str]) -> tuple[str, ...]:
    """The first run of items side by side that name the same part (行政复议、行政诉讼), or ()."""
    run: list[str] = []
    last = None
    for item in items:
        part = next((sid for sid, rx in _ITEM_PART if rx.search(item)), None)
        if part is not None and part == last:
            run.append(item)
        elif len(run) >= 2:
            break
        else:
            run = [item]
        last = part
    return tuple(run) if len(run) >= 2 else ()


def miscounted_parts(report: AnnualReport) -> DeclaredParts | None:
    """The first of the opening paragraphs' lists of parts whose count is not the number of parts it lists — when
    every item of it names one part of the unified format, each once (a list holding anything else, the old format's
    收费及减免 or a part of the body's own, is not counted).  A list ended by 等 may stop early (``总体情况、主动公开…、
    收到和处理…等六个部分``): only one that leaves out a part in its middle, or lists more than it says, is returned —
    unless it says it names the main ones (``主要包括总体情况、主动公开…、存在的主要问题…等6个部分``)."""
    for b in report.text_blocks[:OPENING_BLOCKS]:
        t = b.text
        if "部分" not in t and "方面" not in t:
            continue
        for m in _COUNT.finditer(t):
            before = t[max(0, m.start() - _LIST_REACH):m.start()]
            leads = list(_LEAD.finditer(before))
            if not leads:
                continue
            items = before[leads[-1].end():]
            ending = _ENDING.search(items)
            cut_short = ending is not None and "等" in ending.group()
            items = items[:ending.start()] if ending is not None else items
            if len(items) < 8 or _STOP.search(items):
                continue
            listed = _LISTS.get(items)
            if listed is None:
                listed = _LISTS.keep(items, _listed(items))
            stated = _CN_COUNT[m.group("n")]
            ids = [s.id for s in cat.SECTIONS]
            lead = leads[-1].start()
            mainly = before[max(0, lead - 2):lead] in ("主要", "重点")  # 主要包括A、B、E等6个部分: a few of them, in order
            if len(listed) == stated == len(ids) - 1 == len(set(listed)) and not mainly:
                # 由总体情况…存在的主要问题及改进情况五部分组成: five parts said and listed, one of the six left out
                return DeclaredParts(b, m.start(), m.end(), m.group(), stated, tuple(listed), len(_written(items)))
            if len(listed) < 3 or len(set(listed)) != len(listed) or len(listed) == stated:
                continue
            if cut_short and len(listed) < stated and (
                    listed == ids[:len(listed)] or (mainly and listed == sorted(listed, key=ids.index))):
                continue  # the first parts (or, said to be the main ones, some in order), then 等: the rest left unsaid
            written = _written(items)
            return DeclaredParts(b, m.start(), m.end(), m.group(), stated, tuple(listed), len(written),
                                 _shared(written))
    return None


def _written(items: str) -> list[str]:
    """The list's items as written (split by :data:`_ITEM_SPLIT`, quotes stripped): only for a list that is returned
    (most agree with their count: not split)."""
    return [x.strip(" \t“”\"'《》") for x in _ITEM_SPLIT.split(items) if x.strip(" \t“”\"'《》")]


def in_order_positions(seq: list[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence (earliest-ending, n ≤ a dozen): the parts found in
    their order, the others out of place (DL102)."""
    n = len(seq)
    if all(a < b for a, b in pairwise(seq)):
        return set(range(n))  # in order (the common case): the whole sequence is its only longest one
    best = [1] * n
    prev = [-1] * n
    for i in range(n):
        for j in range(i):
            if seq[j] < seq[i] and best[j] + 1 > best[i]:
                best[i], prev[i] = best[j] + 1, j
    if not n:
        return set()
    i = max(range(n), key=lambda k: (best[k], -k))
    out = set()
    while i >= 0:
        out.add(i)
        i = prev[i]
    return out


# what part 五's content opens with (（一）2024年工作中存在问题的改进情况, 一是…存在的不足…整改): its problems and its remedies
_PART_FIVE_WORDS = re.compile(r"(?:问题|不足)[^。；;]{0,30}?(?:改进|整改|措施)|(?:改进|整改)[^。；;]{0,30}?(?:问题|不足)")


def untitled_part_five(report: AnnualReport, st: Structure) -> str | None:
    """The start of a text block between parts 四 and 六 (both found, 五 not) that reads as part 五's content — its
    problems and their remedies — whose title was lost, or None."""
    four, six = st.by_id.get("s4"), st.by_id.get("s6")
    if four is None or six is None or not four.heading.index < six.heading.index:
        return None
    for b in report.blocks[four.heading.index + 1:six.heading.index]:
        if b.kind in ("paragraph", "heading", "list_item") and _PART_FIVE_WORDS.search(b.text, 0, 40):
            return b.text[:30].strip()
    return None


# the topics the 2021 format's part 一 is written in (主动公开, 依申请公开, 政府信息管理, 平台建设, 监督保障) and those
# reports add to them (工作机制, 组织领导, 政策解读)
_OVERVIEW_TOPIC = re.compile(r"主动公开|依申请公开|公开申请|信息管理|平台建设|监督保障|工作机制|机制保障|组织领导|政策解读|回应关切")


def overview_topic(st: Structure, sec: Section) -> bool:
    """Whether an extra part ``sec`` is a topic of part 一 numbered as a part of its own: between 一、总体情况 and part
    二, titled as one of part 一's topics (二、工作机制保障, 五、政府信息管理: a real report's) — a sub-item of part 一, not
    content for parts 五 or 六 (DL107 says so)."""
    s1, s2 = st.by_id.get("s1"), st.by_id.get("s2")
    return (s1 is not None and s1.heading.index < sec.heading.index
            and (s2 is None or sec.heading.index < s2.heading.index) and _OVERVIEW_TOPIC.search(sec.title) is not None)

