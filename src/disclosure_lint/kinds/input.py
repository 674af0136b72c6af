"""Input kinds: what the reader could not read, said as findings about the file (not the report).

``reader-notice``: a reader leaves notices in ``Document.notices``
(:class:`~disclosure_lint.model.ReaderNotice`, a ``kind`` and its details) for content it could not read.
The PDF reader writes:

* ``no-text-layer`` (``total`` pages) — no page has a usable text layer (a scan, or glyphs
  without a Unicode mapping): nothing could be checked;
* ``pages-without-text`` (``pages`` (3, 4), ``total``) — some pages are pictures;
* ``page-limit`` (``total``, ``read``) — only the first ``read`` pages were read;
* ``read-limit`` (format "PDF", ``skipped`` pages with a reason, ``stopped`` 40, ``seconds`` 8, ``page_limit``,
  ``total``) — a tool limit (``limits.py``) cut the reading: pages
  over a per-page bound were skipped, reading stopped at page ``stopped`` when the time ran out.
  The Word and HTML readers write ``read-limit`` with a ``format`` and a ``detail``.

The Markdown and text readers (and ``report.interpret`` for the other formats' blocks) write the same kind
with the ``limit`` ("max_blocks" | "max_table_cells"), its ``value``, the ``line`` and a ``detail``.
Several read-limit notices of one file are one finding.

Each rule using this kind picks the notice kinds it reports (option ``notices``).  With
``image_only_documents`` the kind also reports a Markdown/text/HTML report whose body is nothing
but pictures (a report published as scanned images on a web page): the same problem, the text
must be recognised (OCR) before it can be checked.  With ``truncated_documents`` it says once that
the document seems to end early (``report.truncation``: inside a statistics table, a part's title or
a sentence), where, and what is therefore not checked — the structure and table rules stay silent
about the parts and rows that were cut off.  With ``image_tables`` it says once which statistics tables are
pictures (:func:`..report.structure.image_tables`): there is a table (not missing, DL105), and none of its
numbers was checked.

``misnamed-file`` (DL004): a file read as another type than its name says (a ``content-type`` notice of
:func:`..readers.read_document`).

``converted-script`` (DL008): a text in traditional script read as converted to simplified script (a
``traditional-script`` notice of :mod:`..readers.script`).

``unrecognised-report`` (DL005): a file named on the command line that does not look like a report
(:mod:`..report.candidate`), or a report whose year is not known, so that the year's format checks did not run.

``unknown-agency-kind`` (DL007): a report whose body is named (title, 落款 or configuration) but of no kind the tool
knows (:func:`..report.agency.classify`), so that the checks that depend on the kind did not run.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from pydantic import Field

from ..model import PAGED_FORMATS
from ..model import ReaderNotice as Notice  # the kind below is called ReaderNotice
from ..readers.script import traditional_words
from ..readers.sniff import READ_AS
from ..report import catalogue as cat
from ..report.agency import is_zone_body
from ..report.attachments import AttachmentPage
from ..report.catalogue import NUMERALS, TABLE_SHORT_NAMES, TABLE_TITLES
from ..report.structure import declared_old_parts, declares_unified_parts, image_tables, late_start, lost_tables
from ..report.truncation import SECTION_IDS, Truncation, six_parts
from . import register
from .base import Hit, Kind, KindOptions

if TYPE_CHECKING:  # pragma: no cover
    from ..report import AnnualReport


def _pages(nums: list[int]) -> str:
    """[3, 4, 5, 9] → "第3–5、9页"."""
    nums = sorted({int(n) for n in nums})
    spans: list[str] = []
    i = 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        spans.append(str(nums[i]) if i == j else f"{nums[i]}–{nums[j]}")
        i = j + 1
    if len(spans) > 12:
        spans = spans[:12] + ["…"]
    return "第" + "、".join(spans) + "页"


_OCR_ALL = "工具无法读取其中的内容，各项检查均未进行；请先进行文字识别（OCR），或改用带文字的 PDF、Word 原件后再检查"
_OCR_PAGES = ("这些页面上的内容未检查（统计表在这些页上时，相关统计检查已跳过）；请先进行文字识别（OCR），"
              "或改用带文字的原件后再检查")
_LIMIT = "后面的内容未检查；年度报告一般只有几页到几十页，请确认文件是否正确，或拆分后分别检查"
_TITLE_ONLY_CHARS = 10  # "详见附件。", "（全文）": a title with a word or two is still a title only
_EMPTY = "各项检查均未进行（没有可检查的内容）；请确认文件是否完整，或用完整的报告原件再检查"
_CUT = "（不报告其中缺少的部分、统计表或栏目）；请用完整的报告原件再检查"
_PAGES = ("（不报告其中缺少的部分、统计表或栏目）；请打开网页的各页，把全文合在一起（或用网站提供的全文、附件或打印版）"
          "再检查")
_PICTURE_TABLES = ("请用文字形式的表格（Word 表格、网页表格或带文字的 PDF）再检查；以图片发布的统计表也无法检索、"
                   "复制，读屏软件读不出")


_READ_LIMIT = "未读取的内容没有检查；请确认文件是否正确，如确需检查，可在配置文件的 limits 中调高相应上限后再检查"


def _ocr_advice(default: str, reader: str | None) -> str:
    """The reader's advice on scanned pages (how to install the OCR extra; the OCR page cap) before the usual."""
    if not reader:
        return default
    head = default.split("；")[0]
    return f"{head}；{reader}"


def _read_limit(n: Notice) -> Hit:
    """One finding for everything a reading limit cut from a file (pages skipped, time, page count)."""
    what = n.format or "文件"
    parts: list[str] = []
    if n.detail:
        parts.append(n.detail)
    skipped = n.skipped
    for s in skipped[:5]:
        parts.append(f"第{s.page}页的{s.reason}，超出读取上限，未读取")
    if len(skipped) > 5:
        parts.append(f"另有{len(skipped) - 5}页同样未读取（{_pages([s.page for s in skipped[5:]])}）")
    total = n.total
    if n.stopped:
        parts.append(f"读取时间超过 {n.seconds} 秒的上限（limits.max_read_seconds），第{n.stopped}页起"
                     + (f"（共{total}页）" if total else "") + "未读取")
    if n.page_limit:
        parts.append(f"共{total}页，只读取了前{n.page_limit}页（limits.max_pdf_pages）")
    if not parts:
        detail = f"{what}超出读取上限，只读取了一部分"
    else:
        detail = (f"{what}：" if n.format else "") + "；".join(parts)
    return Hit(params={"detail": detail, "advice": _READ_LIMIT},
               evidence={"expected": "在读取上限之内", "actual": "超出读取上限", "limit": n.limit,
                         "line": n.line,
                         "skipped_pages": [s.page for s in skipped], "stopped_at_page": n.stopped},
               key="read-limit")


_UNDECODABLE = ("这些字节处的文字没有检查，其余内容照常检查；多为下载不完整、传输出错或粘贴了其他编码（如 GBK）的文字，"
                "请用原件核对这几处，或另存为 UTF-8 后再检查；文件中有这样的字节时不自动修复、不生成批注副本（写回会丢失这些字节）")
_CUT_CHAR = ("文件末尾以后的内容不在文件中，未检查；多为下载或保存时中断，请用完整的报告原件再检查；"
             "文件中有这样的字节时不自动修复、不生成批注副本（写回会丢失这些字节）")


def _undecodable(n: Notice) -> Hit:
    """A text read as UTF-8 but for a few bytes (:func:`..textio.decode_lenient`): where the first ones are, how many."""
    where = f"第{n.line}行第{n.column}列"
    count, runs = n.value or 0, n.total or 0
    if n.detail == "end":
        detail = (f"文件似乎没有完整结束：在{where}处中断，最后一个字符不完整（只有{count}个字节），"
                  "已按替换字符“\ufffd”读取")
        advice = _CUT_CHAR
    else:
        more = f"，共{runs}处" if runs > 1 else ""
        detail = f"文件按 UTF-8 编码读取，但有{count}个字节无法解码（{where}起{more}），已按替换字符“\ufffd”读取"
        advice = _UNDECODABLE
    return Hit(params={"detail": detail, "advice": advice},
               evidence={"expected": "有效的 UTF-8 文本", "actual": f"{count}个字节无法解码", "line": n.line,
                         "column": n.column, "bytes": count, "places": runs, "cut": n.detail == "end"},
               key="undecodable-bytes")


_PLACES_LOOKED_AT = 1000  # U+FFFD characters looked at to find the block of the first bytes not decoded


def _placed(hit: Hit, blocks, line: int | None, column: int | None) -> Hit:
    """``hit`` on the U+FFFD the reader put at ``line``/``column`` (else about the whole file, which it names)."""
    looked = 0
    for b in blocks:
        i = b.text.find("\ufffd")
        while i >= 0 and looked < _PLACES_LOOKED_AT:
            looked += 1
            loc = b.locate(i)
            if loc.line == line and loc.column == column:
                return replace(hit, block=b, start=i, end=i + 1)
            i = b.text.find("\ufffd", i + 1)
        if looked >= _PLACES_LOOKED_AT:
            break
    return hit


def _parts(ids: list[str]) -> str:
    """["s4", "s5", "s6"] → "第四至六部分"; ["s6"] → "第六部分"."""
    nums = [cat.SECTION_BY_ID[i].numeral for i in ids]
    if not nums:
        return ""
    if len(nums) >= 3:
        return f"第{nums[0]}至{nums[-1]}部分"
    return "第" + "、".join(nums) + "部分"


def _quote_tail(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 24 else "…" + text[-20:]


def _part_one_only(report: AnnualReport) -> Hit | None:
    """A unified report whose only part is part 一, its text ending on a complete sentence of it — or whose only parts
    are 一 to 二 or 三, its text ending with the last one's statistics table (the cut rules find no cut: not 特此报告, a
    落款 or a page of attachments): the later parts are not in the file — a copy cut there, or a report without them.
    Said once at the last block, never judged (no part is reported missing, none is free text)."""
    st = report.structure
    k = len(st.by_id)
    if (report.truncation is not None or report.signature_mention is not None or report.attachment_page is not None
            or not six_parts(report) or not 1 <= k <= 3 or set(st.by_id) != set(SECTION_IDS[:k]) or not st.mains
            or st.mains[-1].id != SECTION_IDS[k - 1]):
        return None
    portal = report.portal
    last = next((b for b in reversed(report.lintable_blocks) if b.text.strip() and not portal.is_line(b)), None)
    if last is None or last is st.mains[-1].heading:
        return None
    sid = SECTION_IDS[k - 1]
    table = report.stats.get(sid)
    text = last.text.rstrip()
    if k > 1 and table is not None and any(b is last for b in table.blocks):  # ends with its table
        data = [r for r in table.schema.rows if r.data]
        read = [r for r in data if r.id in table.row_labels]
        name = f"{TABLE_SHORT_NAMES[sid]}（{TABLE_TITLES[sid]}）"
        where = (f"在{name}之后结束" if not read or read[-1] is data[-1] else  # (after its last row, or none read)
                 f"在{name}的“{table.row_labels[read[-1].id]}”行之后结束（此后各行不在本文件中）")
    elif last.kind == "table" or not text.endswith(("。", "！", "？")) or text.lstrip().startswith("特此"):
        return None
    else:  # (a copy cut after a sentence, or a report without its later parts: no other rule can tell, DL101 needs
        # four parts — said here, or the text passed with no finding at all)
        where = f"在{'它' if k == 1 else '第' + NUMERALS[k - 1] + '部分'}的一句完整的话（“{_quote_tail(text)}”）处结束"
    later = list(SECTION_IDS[k:])
    first = _parts(list(SECTION_IDS[:k]))
    have = f"第一部分“{st.by_id['s1'].label}”" if k == 1 else first
    return Hit(block=last, start=max(0, len(text) - 12), end=len(text),
               params={"detail": f"本文件只有{have}，{where}，{_parts(later)}都不在本文件中：可能是截取或转存不全的副本，"
                                 "也可能是报告本身缺少这些部分（《条例》第五十条）",
                       "advice": _parts(later) + "未检查" + _CUT},
               evidence={"expected": "完整的报告", "actual": f"只有{first}",
                         "where": "part-one" if k == 1 else "first-parts", "section_id": sid,
                         "sections_not_checked": later},
               key="part-one-only" if k == 1 else f"first-parts:{k}")


def truncation_hit(t: Truncation, unified: bool = True, cut_char: Notice | None = None,
                   tables_read: Collection[str] = ()) -> Hit:
    """The one finding for a document that seems to end early (``unified``: the six parts apply; ``cut_char``: its
    last character was cut too, an ``undecodable-bytes`` notice, said with it; ``tables_read``: the statistics tables
    read, by part: a cut in a part's prose before its table leaves the table unchecked too, said with the parts)."""
    # (a cut inside a statistics table of the format: the parts after its part are the format's, year known or not)
    later = list(SECTION_IDS[SECTION_IDS.index(t.section) + 1:]) if t.section and (unified or t.table) else []
    # (…三、收到和处理政府信息公开申请情况⏎( — cut before table 三: 表三、第四至六部分未检查)
    own_table = ([TABLE_SHORT_NAMES[t.section]] if unified and t.section in TABLE_SHORT_NAMES
                 and t.section not in tables_read and t.where in ("sentence", "title") else [])
    tail = _quote_tail(t.tail)
    if t.where == "table":
        assert t.table is not None  # a cut inside a table names the table
        table = f"{TABLE_SHORT_NAMES[t.table]}（{TABLE_TITLES[t.table]}）"
        detail = f"文件似乎没有完整结束：在{table}中中断，最后的文字是“{tail}”"
        if t.last_row and t.last_row.strip() != t.tail.strip():
            detail += f"（最后读到“{t.last_row}”{'栏' if t.table == 's4' else '行'}）"
        what = []
        if t.rows_after:
            what.append(f"{TABLE_SHORT_NAMES[t.table]}“{t.rows_after[0]}”及以后各{'栏' if t.table == 's4' else '行'}")
        elif not t.last_row:
            what.append(f"{TABLE_SHORT_NAMES[t.table]}中断处以后的内容")
        if later:
            what.append(_parts(later))
    elif t.where == "title":
        assert t.section is not None  # a cut at a part's title names the part
        spec = cat.SECTION_BY_ID[t.section]
        # (a report numbering its parts otherwise, 六、存在的主要问题及改进措施: the part its title names, by its title)
        part = f"第{spec.numeral}部分" if t.tail.lstrip().startswith(spec.numeral) else f"“{spec.title}”部分"
        detail = f"文件似乎没有完整结束：在{part}的标题处中断，最后的文字是“{tail}”"
        what = [_parts([t.section, *later]) if unified else "此后的内容"]
    elif t.where == "pages":
        which = f"第{t.page}页" if t.page else "其中一页"
        said = f"（分页栏“{tail}”）" if "共" in t.tail and "页" in t.tail else "（页面的分页脚本如此）"
        detail = (f"网页分页发布（共{t.pages}页），本文件只有{which}{said}，其余各页不在本文件中" if t.pages else
                  f"这是翻页版（电子书式）网页中的{which}（页眉“Page {t.page}”），其余各页不在本文件中")
        what = ([_parts([t.section, *later]) if unified else "此后的内容"] if t.page == 1 and t.section
                else ["其他各页的内容"])
    elif t.subtitle:
        detail = f"文件似乎没有完整结束：在小标题“{tail}”处中断，其下没有内容"
        what = [*own_table, _parts(later)] if later or own_table else ["此后的内容"]
    else:
        detail = f"文件似乎没有完整结束：最后一段在句子中间中断（“{tail}”）"
        what = [*own_table, _parts(later)] if later or own_table else ["此后的内容"]
    cut = _PAGES if t.where == "pages" else _CUT
    advice = "、".join(w for w in what if w) + "未检查" + cut
    bytes_cut = {}
    if cut_char is not None:
        detail += (f"；最后一个字符不完整（第{cut_char.line}行第{cut_char.column}列，只有{cut_char.value}个字节，"
                   "已按替换字符“\ufffd”读取）")
        advice += "；文件中有这样的字节时不自动修复、不生成批注副本（写回会丢失这些字节）"
        bytes_cut = {"line": cut_char.line, "column": cut_char.column, "bytes": cut_char.value, "cut": True}
    return Hit(block=t.block, start=t.start, end=t.end, params={"detail": detail, "advice": advice},
               evidence={"expected": "完整的报告", "actual": f"文件中断于“{tail}”", "where": t.where, **bytes_cut,
                         "section_id": t.section, "table": t.table, "last_row": t.last_row,
                         "rows_not_checked": list(t.rows_after),
                         **({"page": t.page, "pages": t.pages} if t.where == "pages" else {}),
                         "sections_not_checked": sorted(t.unchecked)},
               key=f"truncated:{t.where}:{t.table or t.section or ''}")


class ReaderNoticeOptions(KindOptions):
    notices: list[str] = Field(default_factory=lambda: ["no-text-layer", "pages-without-text", "page-limit",
                                                        "read-limit", "undecodable-bytes"],
                               description="要报告的读取提示种类")
    image_only_documents: bool = Field(default=True, description="正文只有图片的网页/文本报告也报告")
    max_text_chars: int = Field(default=100, ge=0, description="除标题外的文字不超过这么多字时，才算“只有图片”")
    image_tables: bool = Field(default=True, description="统计表（表二至表四）以图片发布、工具读不出数字时报告一次")
    lost_tables: bool = Field(default=True, description="文本副本中第二、三、四部分的标题下没有任何内容（转存时丢失了网页中的表格）时"
                                                        "报告一次，不按缺少统计表（DL105）报告")
    truncated_documents: bool = Field(default=True, description="文件似乎提前结束（在统计表、标题或句子中间中断）时报告一次")
    attachment_pages: bool = Field(default=True, description="网页上没有报告正文、只有报告的附件（“详见附件”、附件链接、"
                                                             "页面内嵌的 PDF）时报告一次")
    empty_documents: bool = Field(default=True, description="文件只有报告标题、没有正文时报告一次（各项检查都无从进行）")
    part_one_only: bool = Field(default=True, description="统一格式的报告只有第一部分、在其完整句子处结束，或只有前两、三部分、在最后一部分的统计表之后结束时报告一次"
                                                          "（截取不全的副本，或缺少第二至六部分的报告）")


@register
class ReaderNotice(Kind[ReaderNoticeOptions]):
    name = "reader-notice"
    Options = ReaderNoticeOptions
    params = frozenset({"detail", "advice"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        doc = report.document
        wanted = set(self.options.notices)
        notices = list(doc.notices)
        fired = False
        cut = None  # the one character the file ends with is cut (an undecodable-bytes notice)
        limits = [n for n in notices if n.kind == "read-limit"]
        if len(limits) > 1:  # several limits cut one file: one finding
            merged = replace(limits[0], detail="；".join(n.detail for n in limits if n.detail),
                             limit=",".join(n.limit for n in limits if n.limit) or None)
            notices = [n for n in notices if n not in limits] + [merged]
        for n in notices:
            if n.kind not in wanted:
                continue
            if n.kind == "undecodable-bytes":  # about some bytes: what else is said of the file still is
                if n.detail == "end":
                    cut = n
                else:
                    yield _placed(_undecodable(n), doc.blocks, n.line, n.column)
                continue
            hit = self._notice(n, doc.format)
            if hit is not None:
                fired = True
                yield hit
        if not fired and self.options.attachment_pages and report.attachment_page is not None:
            fired = True
            yield _attachment_hit(report.attachment_page)
        if not fired and self.options.empty_documents:
            hit = self._title_only(report)
            if hit is not None:
                fired = True
                yield hit
        whole = False  # the whole document is pictures: its tables with it
        if not fired and self.options.image_only_documents and doc.format not in PAGED_FORMATS:
            hit = self._image_only_document(report)
            if hit is not None:
                fired = whole = True
                yield hit
        if not fired and self.options.truncated_documents and report.truncation is not None:
            # (an opening that lists the old format's parts: its later parts are not the six, 此后的内容 is said)
            six = six_parts(report) and (not declared_old_parts(report) or declares_unified_parts(report))
            yield truncation_hit(report.truncation, six, cut, report.stats)
        elif not fired and cut is None and self.options.part_one_only and (one := _part_one_only(report)) is not None:
            yield one
        elif cut is not None:  # the file ends early: said once, the last character's bytes with it
            yield _placed(_undecodable(cut), doc.blocks, cut.line, cut.column)
        if self.options.image_tables and not whole:
            hit = self._image_tables(report)
            if hit is not None:
                yield hit
        if self.options.truncated_documents and (late := late_start(report)) is not None and late.spec is not None:
            before = [sid for sid in SECTION_IDS if sid in report.unchecked_parts and sid < late.spec.id]
            yield Hit(block=late.heading, start=0, end=len(late.heading.text),
                      params={"detail": f"文件似乎不是从头开始：第一段就是第{late.spec.numeral}部分的标题“{late.label}”，"
                                        f"前面没有报告标题，{_parts(before)}不在本文件中",
                              "advice": _parts(before) + "未检查" + _CUT},
                      evidence={"expected": "完整的报告", "actual": f"从第{late.spec.numeral}部分开始",
                                "where": "start", "section_id": late.spec.id, "sections_not_checked": before},
                      key=f"late-start:{late.spec.id}")
        if self.options.lost_tables and (lost := lost_tables(report)):
            names = "、".join(TABLE_SHORT_NAMES[sid] for sid, _ in lost)
            parts = "、".join(cat.SECTION_BY_ID[sid].numeral for sid, _ in lost)
            first = lost[0][1]
            yield Hit(block=first, start=0, end=len(first.text),
                      params={"detail": f"第{parts}部分的标题下没有任何内容，{names}不在本文件中：转存的文本常丢失网页中的表格和图片，"
                                        "也可能是报告本身缺少这些表格（《条例》第五十条）",
                              "advice": f"{names}的检查（是否缺表、勾稽关系、与正文的对照）都没有做；请用发布原文再检查"},
                      evidence={"expected": "统计表", "actual": "部分标题下没有任何内容",
                                "tables": [sid for sid, _ in lost]},
                      key="lost-tables:" + ",".join(sid for sid, _ in lost))

    def _notice(self, n: Notice, fmt: str) -> Hit | None:
        kind = n.kind
        what = {"pdf": "PDF 文件", "ofd": "OFD 文件"}.get(fmt, "文件")
        if kind == "no-text-layer":
            n_pages = n.total or 0
            detail = (f"{what}没有可提取的文字（全部{n_pages}页都是图片或扫描件，或文字无法解码）" if n_pages
                      else f"{what}没有可提取的文字（可能是扫描件）")
            return Hit(params={"detail": detail, "advice": _ocr_advice(_OCR_ALL, n.detail)},
                       evidence={"expected": "带文字层的文件", "actual": "没有文字层", "pages": n_pages},
                       key="no-text-layer")
        if kind == "pages-without-text":
            pages = list(n.pages)
            if not pages:
                return None
            total = n.total
            detail = f"{what}{_pages(pages)}没有可提取的文字（是图片或扫描页，或文字无法解码）"
            if total:
                detail += f"，共{total}页"
            return Hit(params={"detail": detail, "advice": _ocr_advice(_OCR_PAGES, n.detail)},
                       evidence={"expected": "每页都有文字层", "actual": f"{len(pages)}页没有文字层", "pages": pages},
                       key="pages-without-text:" + ",".join(map(str, pages)))
        if kind == "page-limit":
            total, read = n.total, n.read
            detail = f"{what}共{total}页，只读取了前{read}页（读取上限，见配置的 limits.max_pdf_pages）"
            return Hit(params={"detail": detail, "advice": _LIMIT},
                       evidence={"expected": f"不超过{read}页", "actual": f"{total}页", "pages": total, "read": read},
                       key="page-limit")
        if kind == "read-limit":
            return _read_limit(n)
        return None

    def _title_only(self, report) -> Hit | None:
        """A report title and (almost) nothing else: the candidate's only sign is the title
        (no part, no statistics table, nothing unread) and the text besides it a few characters at most
        (``详见附件。``)."""
        if report.candidate.signs != ("title",):
            return None
        title = report.title_block
        portal = report.portal
        body = 0
        for b in report.lintable_blocks:
            if b is title or portal.is_line(b):
                continue
            body += len("".join(portal.text_without(b).split()))
            if body > _TITLE_ONLY_CHARS:
                return None
        detail = "文件只有报告标题，没有正文" if not body else f"文件除报告标题外只有{body}个字，没有报告正文"
        # an error, not a warning: nothing was checked, and a gate must not pass such a file
        return Hit(severity="error", params={"detail": detail, "advice": _EMPTY},
                   evidence={"expected": "完整的报告正文", "actual": "只有标题", "body_chars": body},
                   key="title-only")

    def _image_tables(self, report) -> Hit | None:
        """The statistics tables published as pictures (:func:`..report.structure.image_tables`), said once at
        the first: there is a table (not missing, DL105), and nothing of it was checked."""
        found = image_tables(report)
        if not found:
            return None
        names = "、".join(TABLE_SHORT_NAMES[sid] for sid, _ in found)
        first = found[0][1]
        detail = f"{names}以图片发布，其中的数字工具无法读取，相关检查（勾稽关系、与正文的对照等）都没有做"
        return Hit(block=first, start=0, end=len(first.text), params={"detail": detail, "advice": _PICTURE_TABLES},
                   evidence={"expected": "文字形式的统计表", "actual": f"{names}为图片",
                             "tables": [sid for sid, _ in found]},
                   key="image-tables:" + ",".join(sid for sid, _ in found))

    def _image_only_document(self, report) -> Hit | None:
        images = 0
        text_chars = 0
        title = report.title_block
        for b in report.lintable_blocks:
            t = b.text.strip()
            if not t:
                continue
            if b.kind == "table":
                return None  # a table is text to check
            if b.kind == "image":
                images += max(t.count("!["), t.lower().count("<img"), 1)
                continue
            if b is title:
                continue
            text_chars += len(t)
            if text_chars > self.options.max_text_chars:
                return None
        if not images or report.sections:
            return None
        detail = f"报告正文只有图片（{images}张），没有可检查的文字"
        return Hit(params={"detail": detail, "advice": _OCR_ALL},
                   evidence={"expected": "正文为文字", "actual": f"{images}张图片", "images": images},
                   key="image-only")


def _attachment_hit(page: AttachmentPage) -> Hit:
    """A page with the report's attachment and no report text: nothing was checked (an error, as a title alone)."""
    shown = "、".join(f"“{n}”" for n in page.names[:3])
    if page.block is None:
        detail = f"网页上没有报告正文，只在页面中内嵌显示文件（{shown}），本文件中没有可检查的报告内容"
    else:
        detail = ("网页上没有报告正文，报告以附件发布" + (f"（{shown}）" if shown else "（正文写“详见附件”）")
                  + "，本文件中没有可检查的报告内容")
    advice = "各项检查均未进行；请下载附件，检查附件文件本身（例如 disclosure-lint check 下载的附件.pdf）"
    block = page.block
    return Hit(block=block, start=0 if block is not None else None, end=len(block.text) if block is not None else None,
               severity="error", params={"detail": detail, "advice": advice},
               evidence={"expected": "网页上的报告正文", "actual": "只有附件", "attachments": list(page.names)},
               key="attachment-page")


def _content_type(n: Notice) -> Hit | None:
    """A file whose name says one type and its bytes another (:mod:`..readers.sniff`), read as its bytes say."""
    content = n.format or ""
    if content not in READ_AS:
        return None
    what, read_as = READ_AS[content]
    ext = n.detail or ""
    named = f"文件扩展名为 {ext}" if ext else "文件没有扩展名"
    advice = ("从网站下载的文件若是网页，下载得到的可能是出错页或报告所在的页面，而不是发布的原文件，请核对链接"
              if content == "html" else "文件名与内容不符，多为另存或改名时弄错了扩展名，请改正扩展名")
    return Hit(params={"detail": f"{named}，内容却是{what}，已按{read_as}读取", "advice": advice},
               evidence={"expected": f"{ext}文件", "actual": what, "extension": ext, "content": content},
               key=f"content-type:{content}")


@register
class MisnamedFile(Kind[KindOptions]):
    """DL004: a file read as another type than its name says (a ``content-type`` notice, :mod:`..readers.sniff`)."""

    name = "misnamed-file"
    params = frozenset({"detail", "advice"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        for n in report.document.notices:
            if n.kind == "content-type":
                hit = _content_type(n)
                if hit is not None:
                    yield hit


@register
class ConvertedScript(Kind[KindOptions]):
    """DL008: a page in traditional script (a portal's 繁體 view, a mirror) read as converted to simplified script
    (a ``traditional-script`` notice, :mod:`..readers.script`): the findings quote the converted text."""

    name = "converted-script"
    params = frozenset({"detail", "advice"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        n = next((n for n in report.document.notices if n.kind == "traditional-script"), None)
        if n is None:
            return
        words = f"（如“{n.detail}”）" if n.detail else ""
        count = f"（转换了{n.value}个字）" if n.value else ""
        kept = f"；有{n.total}行按原样读取（转换会改变其长度）" if n.total else ""
        gloss = (f"；页面在字后加注了拼音（如第{n.line}行第{n.column}列的“{n.example}”），这不是政府网站的繁体版，而是其他网站"
                 "（多为内容农场）的转存，其中括号、栏目名一类的问题可能是加注造成的") if n.example else ""
        yield Hit(params={"detail": f"文件是繁体字{words}，已转为简体字检查{count}{kept}{gloss}",
                          "advice": "各条发现引用转换后的文字，位置仍是本文件的行列；繁体字页面多是网站的繁体版或镜像网站的转存，"
                                    "转换可能与发布原文有个别字的出入，请以发布原文（简体字）为准核对；本文件不做自动修复"},
                  evidence={"expected": "简体字", "actual": "繁体字", "converted": n.value, "kept_lines": n.total,
                            **({"pinyin_gloss": n.example} if n.example else {})},
                  key="traditional-script")


@register
class InternalError(Kind[KindOptions]):
    """DL000: the tool's own failures on a file.  Never a check of the report: the engine and
    :meth:`.api.Checker.check_document` give these findings when an exception occurs (:mod:`..failures`);
    the kind exists so that the rule has a file, docs, ``explain`` and can be ignored."""

    name = "internal-error"
    params = frozenset({"detail"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        return iter(())


@register
class UnusedSuppression(Kind[KindOptions]):
    """DL003: suppression comments that suppressed nothing, name an unknown rule or lack a required reason.  The
    engine gives these findings after every rule ran (:mod:`..suppressions`); the kind exists so that the rule has
    a file, docs, ``explain`` and can be selected or ignored like any rule."""

    name = "unused-suppression"
    params = frozenset({"detail"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        return iter(())


_NOT_CHECKED = "按报告年度适用的检查（统一格式的六个部分和统计表、格式版本、发布期限等）没有做"


@register
class UnrecognisedReport(Kind[KindOptions]):
    """DL005: a file checked as a report that the tool could not take for one — no sign of an annual report
    (:mod:`..report.candidate`: a file named on the command line is checked all the same) — or a report whose
    year it could not tell (no year in the title, the text or the configuration), so that the checks that depend
    on the year's format did not run.  Said once; not for a file DL002 already says was not read in full
    (reader notices, pictures, a file that ends early)."""

    name = "unrecognised-report"
    params = frozenset({"detail", "advice"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        candidate = report.candidate
        if not candidate.plausible:
            yield Hit(params={"detail": f"未能识别为政府信息公开工作年度报告（{_without_lead(candidate.reason)}）",
                              "advice": _NOT_CHECKED + "；如果这确是年度报告，请核对文件是否是报告正文且完整"},
                      evidence={"expected": "年度报告的标题、部分标题或统计表", "actual": "都没有找到"},
                      key="not-a-report")
            return
        if report.year is not None or report.overrides.format_version is not None:
            return
        if "unread" in candidate.signs or report.truncation is not None:
            return  # DL002 says what was not read
        named = _year_in_name(report.document.path)
        hint = f"（文件名中有“{named}”，若是报告年度：--year {named}）" if named else ""
        traditional = traditional_words(report.document.text)
        # (a mirror's copy in traditional script: 政府信息公開工作年度報告 is not read as the report's title)
        script = (f"；文字是繁体字（如“{'”“'.join(traditional)}”），工具按简体字识别报告的标题和年度，繁体字的转存页面"
                  "请对照发布原文检查") if traditional else ""
        yield Hit(params={"detail": "未能确定报告年度（工具没有从标题和正文读出是哪一年，配置和 --year 也没有指定）" + script,
                          "advice": _NOT_CHECKED + f"；可用 --year 指定年度{hint}，或在配置的 reports 中按文件名指定"},
                  evidence={"expected": "报告年度", "actual": "未找到", **({"year_in_name": named} if named else {})},
                  key="no-year")


_NOT_A_NAME = re.compile(r"[我本《》，,。：:；;！!？?]")  # a sentence taken for the title's name (现将我局…报告如下。)
_SOURCE_NAMES = {"title": "标题", "signature": "落款", "config": "配置或 --agency",
                 "opening": "报告开头的文字（引用的标题、编制机关、第一句的主语或联系单位）", "page": "网页的发布机构或来源"}


@register
class UnknownAgencyKind(Kind[KindOptions]):
    """DL007: the report's body is named (in the title, the 落款, the configuration or ``--agency``) but its kind
    is not one the tool knows (某某开发区, an unusual body's name): the kind's checks — self-words (DL301), the
    publication deadline (DL405, DL408), 规章 (DL207) — did not run.  Said once, with how to set the kind.  Not for
    a file that is no report (DL005), nor for a report that names no body at all (nothing to tell the kind by)."""

    name = "unknown-agency-kind"
    params = frozenset({"name", "source", "skipped"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        agency = report.agency
        name = (agency.name or "").strip()
        if agency.kind is not None or not name or _NOT_A_NAME.search(name) or not report.candidate.plausible:
            return
        # (a zone named bare is checked against its managing body's deadline: DL405 did run)
        skipped = "自称 DL301、规章 DL207" if is_zone_body(name) else "自称 DL301、发布期限 DL405/DL408、规章 DL207"
        yield Hit(params={"name": name, "source": _SOURCE_NAMES.get(agency.source, agency.source), "skipped": skipped},
                  evidence={"expected": "机关类型", "actual": "未识别", "agency": name, "agency_source": agency.source},
                  key="unknown-kind")


_NAME_YEAR = re.compile(r"(?<!\d)(20[12]\d)(?!\d)")


def _year_in_name(path: str) -> int | None:
    """A report year (2010–2029) the file's name holds alone (2023年报.docx, report_2023.md), when it holds one: the
    year is not taken from it (a name may carry the publication year, or a date), only offered."""
    years = set(_NAME_YEAR.findall(os.path.basename(path)[:200]))
    return int(years.pop()) if len(years) == 1 else None


def _without_lead(reason: str | None) -> str:
    """The candidate's reason without its lead-in (“不像…年度报告：”)."""
    text = reason or ""
    return text.split("：", 1)[1] if "：" in text else text
