"""Truncated documents: a file that ends before the report does (an excerpt, a page cut off).

``AnnualReport.truncation`` is a :class:`Truncation` when the end of the document says that the
text was cut, else ``None``.  Three endings count, judged on the last block of the report's text
(portal fields such as ``【打印】【关闭】`` and pictures after it are skipped):

* **inside a statistics table** (``where="table"``): the last block belongs to a table of
  ``report.stats`` (a grid, one cell per line, or a run of tokens at the end of a flattened line)
  whose rows stop before the schema's last row (table 四: whose columns stop before the last), and
  the text ends in a cell, a value or a label, not in a sentence; or the last piece of text is the
  beginning of a row label of a table (``三、本年度``, ``6.属于四类过程性信``);
* **inside or right after a part's title** (``where="title"``): ``五、存在的主`` (the beginning of a
  part's title) or a complete part title with nothing after it;
* **one page of a paginated article** (``where="pages"``): a pager near the end (``共3页 第1页 2 3 下一页 尾页``)
  or the page's script (:attr:`..model.Document.pager`, TRS ``createPageHTML``) says the report runs over
  several pages of which the file holds one: on page 1 the parts from the one the page ends in are not in the
  file, on a later page none is known to be;
* **inside a sentence** (``where="sentence"``): the last paragraph has sentence punctuation but
  stops on a Chinese character without its closing mark (``…对26个领域开展了全``) or on a mark a
  sentence never ends with (``，`` ``、`` ``；``) — unless the text has reached part 六 or carries a
  signature, where a forgotten final ``。`` is likelier.  A line ending in a digit (a phone number,
  ``其中维持1``) or a short numbered line (a sub-title) is not judged — but a sub-title of part 一 or 五 with nothing
  after it (``（四）平台建设``, ``2.依申请公开``, ``㈡``, ``（一）存在问题``: the parts after it all missing) is a cut, and so
  is a sentence begun with its year right under a part's title (``五、存在的主要问题及改进情况`` / ``2023年三河``, ``20``),
  a first point begun under a sub-title (``（三）政府信息管理`` / ``一是制定某某局``), a sub-title stopped on a word no title
  ends with (``（六）因政府信息公开申请行政``) and a year's range begun (``…提供2005-2``); in part 一 (all later parts
  missing) any sub-title or line without its end is (``（四）加强``, ``全力做好某某``), not 特此报告 or a 落款.

Not truncated: a document that ends after a complete sentence, a signature or a date (a report
missing its tail is the report's defect, told by the structure rules), and a complete table (a
report that ends with table 四 is rare, but it is not a cut one) — also a statistics table of the years before 2019
whose rows, indicator, unit and numbers, a crawl ran together at the end of the page (…行政复议数件00行政诉讼数件00).

``unchecked`` lists the parts whose absence or emptiness is not reported (the part the text ends in
and every later one); rules that report missing parts, missing tables, empty parts, unfilled tables
and missing rows read it, and ``unread-content`` (DL002) says once where the document ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..model import Block
from ..page_lines import FOOTER_LINK, RELATED_LINE
from ..readers.script import strip_glosses
from . import catalogue as cat
from .agency import classify
from .pager import flipbook_page, pager_line
from .stats.grid import is_value
from .stats.runs import tokens
from .stats.schema import SCHEMAS, norm
from .truncation_items import (
    LEAD_NUMBER,
    SENTENCE_LEAD,
    after_sentence_item,
    colon_list,
    first_item_only,
    old_sentence_cut,
    prev_block,
    sub_marker,
    without_last_gloss,
)
from .truncation_labels import (
    NUMERALS,
    S3_NOTE,
    TOP,
    begins_label_of,
    begins_table_label,
    is_table_label,
    row_fragment,
    row_keys,
    title_fragment,
)

if TYPE_CHECKING:  # pragma: no cover
    from .annual import AnnualReport
    from .stats.model import StatTable

SECTION_IDS = tuple(s.id for s in cat.SECTIONS)
TABLE_SECTIONS = ("s2", "s3", "s4")

_SENTENCE_MARK = re.compile(r"[，。；、,;]")
# a colon and the first numeral of the list it opens, nothing after (改进情况：一): cut as at the colon itself
_COLON_NUMERAL = re.compile(r"[：:][ \t\u3000]*[一1][是、.．]?$")
_CJK_END = re.compile(r"[\u4e00-\u9fff]$")
_OPEN_MARKS = ("，", "、", ",", "；", ";", "《", "“", "（", "(", "：", ":")  # marks a text never ends with
# a book title, a quotation or a bracket opened and not closed at the end of the text (按照《政府信息公, 本年收费金额(单位:万):
# the file is cut in it
# (not 《…。: a sentence ended, its mark left open is DL703's; a URL in brackets cut: （https://www.x.go)
_UNCLOSED = re.compile(r"[《“][^》”。！？；;!?]{0,40}$|[（(][^）)。！？；;!?]{0,20}$|[（(]\s*(?:https?://|www\.)[^）)\s]{0,60}$")
# what a part's text may be alone under its heading (六、其他需要报告的事项 / 无)
_ALONE_OK = frozenset({"无", "暂无", "略", "没有", "本年度无", "不涉及"})
# the note over table 三's rows, its words only (（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）)
_CLOSE_QUOTES = ("”", "’", "》", "」", "』")  # a quotation closed, the sentence not (…提出的“…不及时”)
_TEXT_KINDS = frozenset({"heading", "paragraph", "list_item", "html", "table"})  # not "image": a picture is no text
# (not a contact's label and its value: 3.联系人:王某)
_ITEM_NUMBER = r"(?:\d{1,2}[、.．]|[（(][一二三四五六七八九十\d]{1,2}[）)])\s*"  # an item's number: 1、 2. （三）
_ITEM_BEGUN = re.compile(_ITEM_NUMBER + r"(?!联系|电话|地址|邮|传真|网址|附件|注)[\u4e00-\u9fff“”]{2,16}[：:]\s*"
                         r"[\u4e00-\u9fff]{1,3}")
_ROW_NUMBER = re.compile(r"[一二三四五六][、.．]")  # a row's number alone (一、 of 一、本年新收…)
_MARKER = re.compile(r"^(?:\d{1,2}[.．、]|[（(](?:[一二三四五六七八九十]{1,2}|\d{1,2})[）)]?|[（(]|[㈠-㈩]|[二三四五六七八九十]是)$")
_UNIT = re.compile(r"^[（(]?单位[:：]?\s*(?:件|条|个|项|万元|元)?[）)]?$")
_DIGIT = re.compile(r"\d")
_SHI_ITEM = re.compile(r"[二三四五六七八九十]是")  # the second, third … point of a list (二是…)
# a number begun after a word at the end of the text (答复率100, 综合20): cut in it — not a telephone number or a code
# (…工作。20 / 。2024: the next year begun; …提供2005-2: a range begun; 信息18.86: a decimal without its unit)
_CUT_NUMBER = re.compile(r"[\u4e00-\u9fff》”]\d{1,6}(?:\.\d{1,4})?$|[。；！？](?:19|20)\d{0,2}$|[。；！？]2$"
                         r"|(?:19|20)\d{2}\s*[-–—~至]\s*\d{0,3}$")
# (…受理依申请公开信息总数条00…行政复议数件00行政诉讼数件00: the rows of a statistics table of the years before 2019 —
# indicator, unit, this year's and the running total — run together at the end of a flattened page, not a sentence cut)
_NOT_CUT_NUMBER = re.compile(r"电话|热线|传真|邮编|邮政编码|号码|编号|代码|QQ|qq"
                             r"|数[条件个次项]\d+[^\d]{1,30}?数[条件个次项]\d+$")
# a report's commonest words cut in the middle (本年度涉及政府信息公): no text ends so
_CUT_WORD = re.compile(r"(?:信息公|政务公|申请公|主动公|年度报|行政复|行政诉|统计期|》第[一二三四五六七八九十百]{1,4})$")
# what no sentence ends in: a conjunction, a preposition, the first half of a word (负 of 负责, 进一 of 进一步)
_DANGLING = re.compile(r"(?:[和与及把被或将负]|进一|以及|并且|同时)$")
_DATE_WORD = re.compile(r"\d\s*[年月日号]|[年月]\s*\d")
_BARE_YEAR = re.compile(r"(?:19|20)\d{2}\s*年度?")
# a sentence begun with its year and cut (20, 2023, 2023年三河): digits of a year, then at most its 年 and a few characters
_YEAR_ALONE = re.compile(r"(?:19|20)\d{0,2}(?:\s*年度?)?")
_YEAR_BEGUN = re.compile(r"(?:19|20)\d{0,2}|(?:19|20)\d{2}\s*年度?[，,]?[\u4e00-\u9fff]{1,4}")
# a sentence that starts with its year and goes on in words (2020年度纳入某某市镇街政务公开评): not a date, not a title
_YEAR_SENTENCE = re.compile(r"(?:19|20)\d{2}\s*年度?[，,]?[\u4e00-\u9fff]{4}[^。！？!?；;]*")
_CJK_START = re.compile(r"[\u4e00-\u9fff]")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
# how a sentence starts, never a body's name (我局, 依托区门户网站: classify reads 局 and 站 as bodies)
_CLAUSE_LEADS = ("我", "本", "依托", "通过", "按照", "根据", "围绕", "加强", "推进", "持续", "进一步", "严格", "坚持",
                 "认真", "积极", "不断", "切实", "全面", "及时", "利用", "结合", "做好", "抓好", "维护", "完善", "健全",
                 "规范", "落实", "开展")
_SENTENCE_LEADS = (*_CLAUSE_LEADS, "对", "在", "将", "把", "由", "对于", "针对")  # after a colon: a sentence, not a value
_COUNTED_TITLE = re.compile(r"[（(]\d{1,6}\s*[条件项篇个][）)]\s*[:：]$")  # 决策与文件公开(9条): a run-in title
# a sub-part's heading cut in its words ((四)平台建 of (四)平台建设): the beginning of one of the sub-titles reports
# commonly use, the text cut there — a complete sub-title at the end is left alone (a missing tail is the report's)
_SUB_HEADING = re.compile(r"^\s*[#*_]*\s*(?:[（(][一二三四五六七八九十]{1,2}[）)]|[㈠-㈩]|\d{1,2}[.．、])\s*"
                          r"(?P<title>(?:(?:19|20)\d{2}年)?[\u4e00-\u9fff“”]{1,16})\s*$")
# an item's run-in title alone ((五)回应关切方面。), and one with its text after it on its line
_RUN_IN = re.compile(r"\s*" + _ITEM_NUMBER + r"[\u4e00-\u9fff]{2,12}[。：:]\s*")
_RUN_IN_BEGUN = re.compile(_RUN_IN.pattern + r"\S")
# the last words of a sub-title cut in the middle ((六)因政府信息公开申请行政, (三)“不予公开”的政府信息涉及): no title ends so
_NO_TITLE_END = re.compile(r"(?:(?<!依法)行政|涉及|关于|(?<![目端])的|或|被|将|把)$")
# the words a sub-title of part 一 or 五 starts with (（二）依申请公开情况, （三）平台建设和监管情况, （一）存在问题 …): such a
# title with nothing after it, the parts after it all missing, ends no published report — an excerpt cut there
_SUB_STEMS = ("主动公开", "依申请", "政府信息", "平台建设", "政务公开", "监督保障", "教育培训", "依法依规", "存在",
              "主要问题", "改进", "信息公开平台", "公开平台")
_SUB_TITLES = tuple(t + end for t in ("主动公开", "依申请公开", "政府信息管理", "政府信息资源管理", "平台建设",
                                        "政府信息依申请公开", "政府信息主动公开", "主动公开政府信息", "依申请公开政府信息",
                                        "政府信息公开平台建设", "政务公开平台建设", "监督保障", "教育培训", "依法依规公开",
                                        "存在的主要问题", "改进措施", "改进情况", "其他需要报告的事项")
                    for end in ("", "情况", "工作"))
_COLON = re.compile(r"[：:]")
_ENUM_START = re.compile(r"\s*(?:[一二三四五六七八九十]是|[一二三四五六七八九十]{1,2}[、.．]|\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,2}[）)])")
_PIECE_SPLIT = re.compile(r"[\t\n|｜]+|[ \u3000]+")
MAX_PIECES = 12  # pieces of a block looked at when asking whether it is a piece of a table
MAX_PIECE_CHARS = 600
MAX_BACK = 40  # blocks of table pieces passed over looking back for the table (rows left blank one per line)
MIN_PUNCTUATED = 4  # characters a last piece with a comma (…2020年，我) needs to be judged
_CJK_BEFORE_MARK = re.compile(r"[\u4e00-\u9fff\d][，、,；;：:]$")
# the last sentence (after the last 。！？；) a few words and a quotation closed, with no mark of its own
_QUOTED_LAST = re.compile(r"(?:^|[。！？；;!?])[^。！？；;!?“”]{2,60}“[^“”。！？]{2,40}”$")
MIN_UNPUNCTUATED = 12  # characters a last paragraph without any punctuation needs to be taken for prose
MAX_CELL_LINE = 60  # a line of a table printed one cell per line (as report/stats/flat.py's MAX_CELL)
MAX_UNDER_HEADING = 10  # characters of a last paragraph under a heading taken for its first sentence's beginning


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class Truncation:
    """Where a cut-off document ends and what could therefore not be checked."""

    block: Block  # the last block of the report's text
    start: int  # the last piece of text: ``block.text[start:end]``
    end: int
    where: Literal["table", "title", "sentence", "pages"]
    section: str | None  # canonical id of the part the text ends in (s1…s6), None if unknown
    table: str | None = None  # s2 / s3 / s4 when it ends inside that statistics table
    last_row: str | None = None  # label of the last row of that table read (as written)
    rows_after: tuple[str, ...] = ()  # official labels of the table's rows (table 四: columns) after the cut
    page: int | None = None  # ``where="pages"``: this page of the paginated article (None: not said)
    pages: int | None = None  # … of so many
    subtitle: bool = False  # ``where="sentence"``: the text ends on a numbered sub-title, nothing under it ((四)平台建设)

    @property
    def tail(self) -> str:
        return self.block.text[self.start:self.end]

    @property
    def unchecked(self) -> frozenset[str]:
        """Parts whose absence, emptiness or missing table is not reported: this one and every later one."""
        if self.section is None:
            return frozenset(SECTION_IDS)
        return frozenset(SECTION_IDS[SECTION_IDS.index(self.section):])


# -- the analysis -------------------------------------------------------------------------------------


def _last_block(report: AnnualReport) -> Block | None:
    portal = report.portal
    for b in reversed(report.lintable_blocks):
        if b.kind not in _TEXT_KINDS or not b.text.strip(" \t\n\u3000|｜"):
            continue  # (a line of pipes only: a crawler's cell or row end, after the text)
        if portal.is_line(b):
            continue
        if b.kind == "html" and "<table" not in b.text.lower():
            continue
        if "(" in b.text and RELATED_LINE.match(strip_glosses(b.text)):
            continue  # 相关(guān)附件: — a content farm's glossed copy of the page's label (the portal reads it unglossed)
        if len(b.text) <= 12 and (RELATED_LINE.match(b.text) or FOOTER_LINK.match(b.text)):
            continue  # 相关词条 / 热门词条 / 联络我们: the page's links after the text, not its last words
        return b
    return None


def _tail_span(block: Block) -> tuple[int, int]:
    """The last piece of text of a block: its last cell, line or space-separated token (a character cut at the end
    of the file, read as U+FFFD by :func:`..textio.decode_lenient`, left out: the text ends before it)."""
    text = without_last_gloss(block.text.rstrip())
    text = text.rstrip("|｜ \t\ufffd")
    end = len(text)
    cut = max(text.rfind("\n"), text.rfind("\t"), text.rfind("|"), text.rfind("｜"))
    start = cut + 1
    piece = text[start:end]
    if block.kind != "table":  # flattened text: blocks joined by spaces
        k = max(piece.rfind(" "), piece.rfind("\u3000"))
        if k >= 0:
            # (a label a page's line wrap cut with a space, 本年新 公开数量: the label's two words, as stats.runs joins them)
            j = max(piece.rfind(" ", 0, k), piece.rfind("\u3000", 0, k))
            two = piece[j + 1:k] + piece[k + 1:]
            start += (j + 1) if piece[j + 1:k].strip() and is_table_label(two) else k + 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def six_parts(report: AnnualReport) -> bool:
    """Do the six parts of the unified formats apply (the year says so, or, year unknown, the text does)?"""
    st = report.structure
    return st.applies or (report.format_version is None and st.unified)


def _section_id(report: AnnualReport, block: Block) -> str | None:
    sec = report.section_of(block)
    if sec is None:
        return None
    if sec.id is not None:
        return sec.id
    for sid, slot in report.structure.slots.items():
        if slot is sec:
            return sid
    if sec.number is not None and 1 <= sec.number <= 6 and six_parts(report):
        return SECTION_IDS[sec.number - 1]  # numbered in a unified-format report: its place says which
    return None


def _is_value(text: str) -> bool:
    return is_value(text.strip())


def _cut_table(report: AnnualReport, block: Block, tail: str, header: bool = False) -> tuple[str, StatTable, int] | None:
    """(table id, table, index of the last row read) when ``block`` ends a table that stops early.

    A table with row labels the tool could not read (other than the cut piece itself) may go on past
    the last row read: it is not called cut — unless the text ends in a header's piece (``header``: a column's label,
    信息内容, 第二十条…), after which nothing of the table was read.
    """
    for tid in TABLE_SECTIONS:
        t = report.stats.get(tid)
        if t is None or t.layout == "image" or not any(b is block for b in t.blocks):
            continue
        if not header and any(u.what == "row" and u.label.strip() != tail.strip() for u in t.unmapped):
            continue
        if not t.cells and not t.loose:
            return tid, t, -1  # nothing but its labels before the end: the rows with the numbers were cut off
        if tid == "s4":  # one data row: the columns read (their labels, when no value was read at all)
            cols = [c.id for c in t.schema.cols]
            if not t.cells and 0 < len(t.loose) < len(cols):
                # a flattened row of values (read from the left) that stops before its fifteenth value
                return tid, t, len(t.loose) - 1
            seen = t.cols_found if t.cells else set(t.col_labels)
            last = max((i for i, c in enumerate(cols) if c in seen), default=-1)
            if last < len(cols) - 1:
                return tid, t, last
            continue
        rows = [r.id for r in t.schema.data_rows()]
        seen = t.rows_found | set(t.row_labels) | {c.row for c in t.loose if c.row}
        last = max((i for i, r in enumerate(rows) if r in seen), default=-1)
        if last < len(rows) - 1:
            return tid, t, last
    return None


def _pieces(text: str) -> list[str]:
    """The cells, lines or space-separated tokens of a block's text (the last :data:`MAX_PIECES`)."""
    return _PIECE_SPLIT.split(text.strip()[-MAX_PIECE_CHARS:])[-MAX_PIECES:]


def _label_prefix(text: str) -> bool:
    """Is ``text`` the beginning of a label of a statistics table (结 of 结果维持, 信息内 of 信息内容, 第 of
    第二十条)?  Only asked of the last piece of a document, after other pieces of a table."""
    k = norm(text)
    if not k or not re.search(r"[\u4e00-\u9fff]", k):
        return False
    return begins_table_label(k) or "第二十条".startswith(k) or S3_NOTE.startswith(k)


def _material(piece: str) -> bool:
    """A piece of a statistics table: a value, a label or caption, the beginning of a row label, an item number."""
    piece = piece.strip()
    return bool(piece) and (_is_value(piece) or is_table_label(piece) or row_fragment(piece) is not None
                            or bool(_MARKER.match(piece)) or bool(_UNIT.match(piece)))


def _material_block(block: Block) -> bool:
    """Does the block (its last pieces) hold nothing but pieces of a statistics table?"""
    if block.kind == "table":
        return True
    pieces = [x for x in _pieces(block.text) if x.strip()]
    return bool(pieces) and all(_material(x) for x in pieces)


def _table_before(report: AnnualReport, block: Block) -> Block | None:
    """The nearest block before ``block`` that belongs to a statistics table, when only pieces of a table
    (captions, header rows, labels of rows left blank) stand between them; else None."""
    blocks = report.lintable_blocks
    owned = {id(b) for t in report.stats.values() for b in t.blocks}
    k = next((i for i in range(len(blocks) - 1, -1, -1) if blocks[i] is block), None)
    if k is None:
        return None
    steps = 0
    for b in reversed(blocks[:k]):
        if not b.text.strip() or report.portal.is_line(b):
            continue
        if id(b) in owned:
            return b
        steps += 1
        if steps > MAX_BACK or not _material_block(b):
            return None
    return None


def _table_truncation(block: Block, start: int, end: int, cut: tuple[str, StatTable, int]) -> Truncation:
    tid, t, last = cut
    if tid == "s4":  # columns repeat their labels: name them with their group (未经复议直接起诉·结果纠正)
        cols = t.schema.cols
        last_label = f"{cols[last].group}·{cols[last].label}" if last >= 0 else None
        after = tuple(f"{c.group}·{c.label}" for c in cols[last + 1:])
        return Truncation(block, start, end, "table", tid, tid, last_label, after)
    rows = t.schema.data_rows()
    last_label = (t.row_labels.get(rows[last].id) or rows[last].label) if last >= 0 else None
    every = list(t.schema.rows)  # group rows too (三、本年度办理结果 before （一）予以公开)
    k = every.index(rows[last]) if last >= 0 else -1
    if last_label is not None and norm(last_label) == norm(block.text[start:end]):
        k -= 1  # the file ends on the row's label, none of its numbers: the row is not checked either
    after = tuple(r.label for r in every[k + 1:])
    return Truncation(block, start, end, "table", tid, tid, last_label, after)


def _unstarted(report: AnnualReport, block: Block, start: int, end: int) -> Truncation | None:
    """The text ends in part 二, 三 or 四 with pieces of its table whose numbers were not reached (a caption, a
    header row, the first labels): the table was cut off before its rows."""
    sid = _section_id(report, block)
    if sid not in TABLE_SECTIONS or _DIGIT.search(block.text) or report.format_version == "legacy":
        return None  # a table with numbers the tool could not read is not one whose numbers were cut off; a report of
        # 2018 or before has no unified tables (三、依申请公开政府信息情况 / (一) is prose begun)
    t = report.stats.get(sid)
    if t is not None and (t.cells or t.loose):
        return None
    version = report.format_version if report.format_version in ("2019", "2021") else "2021"
    sch = SCHEMAS[(sid, version)]
    if sid == "s4":
        after = tuple(f"{c.group}·{c.label}" for c in sch.cols)
    else:
        after = tuple(r.label for r in sch.rows)
    return Truncation(block, start, end, "table", sid, sid, None, after)


def cut_by_reader(report: AnnualReport) -> bool:
    """Did the reader stop before the end of the file (a notice in ``Document.notices``): ``limits.max_blocks``, the
    table cells (``max_table_cells``: every reader stops at the table they run out in), the read time (Word, PDF:
    ``max_read_seconds``, a page over its budget), the elements of a web page, the pages of a PDF?"""
    return any(n.kind in ("read-limit", "page-limit") for n in report.document.notices)


def analyse(report: AnnualReport) -> Truncation | None:
    found = _analyse(report)
    if found is not None:  # (a sentence cut in a table run together is the table's: it names the table)
        return (_cut_in_run(report, found.block) or found) if found.where == "sentence" else found
    block = _last_block(report)
    if block is None:
        return None
    return _cut_in_part_one(report, block, *_tail_span(block)) or _cut_in_run(report, block)


_SENTENCE_END = re.compile(r"[。！？!?；;]")
_RUN_REST = 400  # the most text after a run-together table's labels at a cut (第, 信息内, its rows 一、本年新收…31)


def _cut_in_run(report: AnnualReport, block: Block) -> Truncation | None:
    """A file that ends inside a statistics table whose labels and numbers run together (one line of a page's text
    nodes joined with nothing between them, :mod:`.unread`: ``…对外公开总数量规章555规范性文件141414第``): its
    rows cannot be told apart, so where it stops is not known, only that the part's table is the last thing of the
    file.  Table 四 counts only when a piece of a label follows its run (a report may end with table 四, its parts
    五 and 六 missing: DL101 says so); words after the run that close a sentence are prose, not the table's."""
    run = next((u for u in report.unread_tables.values() if u.why == "run" and u.block is block), None)
    if run is None or run.section != _section_id(report, block):
        return None
    text = block.text.rstrip()
    rest = text[run.end:].strip()
    if len(rest) > _RUN_REST or _SENTENCE_END.search(rest) or (run.section == "s4" and not _CJK_END.search(rest)):
        return None
    return Truncation(block, max(run.start, len(text) - 12), len(text), "table", run.section, run.section)


_ENDS = ("。", "！", "？", "!", "?", "…", "”", "）", ")", "》", "」", "』", "】", "]")


def _cut_in_part_one(report: AnnualReport, block: Block, start: int, end: int) -> Truncation | None:
    """A unified report's text that stops in part 一 (parts 二–六 all missing) on a line no report ends with: a
    sub-title (（四）加强, 2.健全工作制) or words without their sentence's end (…等精品专, 全力做好某某) — not a
    complete sentence, a date, the agency's name, 无 or a label line (附件：…)."""
    whole = without_last_gloss(block.text.strip()).rstrip("\ufffd")
    if (block.kind == "table" or start >= end or not whole or whole.endswith(_ENDS) or whole in _ALONE_OK
            or whole.startswith("特此") or whole[-1].isdigit()  # (特此报告: its 。 forgotten; digits: judged above)
            or report.signature_mention is not None or not six_parts(report) or _section_id(report, block) != "s1"
            or _DATE_WORD.search(block.text[max(start, end - 4):end]) or _label_line(whole)
            or (len(whole) <= 30 and classify(whole)[0] is not None and not whole.startswith(_CLAUSE_LEADS))):
        return None
    sub = _SUB_HEADING.match(whole)  # (1.2022年镇政府共受理政, a year after the number: a sentence begun)
    subtitle = (block.kind == "heading" and not _COLON.search(whole)) or (sub is not None and not sub["title"][0].isdigit())
    return Truncation(block, start if subtitle else max(start, end - 12), end, "sentence", "s1", subtitle=subtitle)


def _analyse(report: AnnualReport) -> Truncation | None:
    block = _last_block(report)
    if block is None:
        return None
    paged = _paginated(report, block)
    if paged is not None:
        return paged
    start, end = _tail_span(block)
    if start >= end:
        return None
    if block.kind != "table" and end - start > MAX_CELL_LINE and any(
            b is block for t in report.stats.values() if t.layout == "flat" for b in t.blocks):
        cells = tokens(block.text[:end])  # (a table whose cells ran together, 三安全一稳定”00: its last cell is the tail)
        if cells:
            start = max(start, cells[-1][0])
    if cut_by_reader(report):  # the parts after the last block read were not checked
        cut = _cut_table(report, block, "") if block.kind == "table" else None
        if cut is not None:  # it stopped in a statistics table: its rows not read are not missing (DL110, DL209)
            return _table_truncation(block, start, end, cut)
        return Truncation(block, start, end, "sentence", _section_id(report, block))
    tail = block.text[start:end]
    whole = without_last_gloss(block.text.strip()).rstrip("\ufffd")

    # 1. a part's title, cut or alone at the end (checked first: 五、存在的主 after a table is not a table row)
    frag = title_fragment(tail) or (title_fragment(whole) if block.kind != "table" else None)
    if frag is not None and (tail.strip() in NUMERALS or (
            # (一、 under table 三's header: a row's number — unless the tool took the line for a part's heading)
            _ROW_NUMBER.fullmatch(tail.strip()) and not any(s.heading is block for s in report.sections))):
        current = _section_id(report, block)  # 三 alone inside part 三 (after table 三's rows): a row label begun
        if current in SECTION_IDS and SECTION_IDS.index(current) + 1 >= frag[0]:
            frag = None
    if frag is not None:
        n, _complete = frag
        return Truncation(block, start, end, "title", SECTION_IDS[n - 1])
    if _ROW_NUMBER.fullmatch(tail.strip()) and (current := _section_id(report, block)) in TABLE_SECTIONS \
            and not any(s.heading is block for s in report.sections):
        return Truncation(block, start, end, "table", current, current)  # (一、 under table 三's header: its first row)

    # 2. inside a statistics table: the table stops early, or the text ends in the beginning of a row label;
    #    outside a grid the last piece must be a piece of a table (a value, a label), not a signature or prose
    value = _is_value(tail)
    row_tid = None if value else row_fragment(tail)
    if row_tid is not None:
        current = _section_id(report, block)  # 本年 in part 二: table 二's 本年新… begun, not table 三's 本年新收…
        if current in TABLE_SECTIONS and current != row_tid and begins_label_of(current, tail):
            row_tid = current
    marker = bool(_MARKER.match(tail)) or sub_marker(report, block, tail)  # 3. / （六 / 2.2: a number, nothing after
    header = is_table_label(tail) and norm(tail) not in row_keys()  # a column's label, 信息内容, 第二十条…
    cell_like = (block.kind == "table" or value or row_tid is not None or marker or is_table_label(tail)
                 # a label begun on a line of a table printed one cell per line (本年新 公, 政)
                 or (len(block.text) <= MAX_CELL_LINE and _label_prefix(re.sub(r"\s+", "", block.text.split("\n")[-1]))
                     and any(b is block for t in report.stats.values() for b in t.blocks))
                 # a word of a header printed a piece a line, cut (科研 / 机): in a table none of whose numbers was read
                 or (len(tail.strip()) <= 2 and _CJK_END.search(tail) is not None
                     and any(b is block for t in report.stats.values() if not t.cells for b in t.blocks)))
    if not cell_like:  # the beginning of a label (结, 信息内) counts after other pieces of a table
        before = _pieces(whole[:start - block.text.index(whole)] if block.kind != "table" else "")
        prev_piece = before[-1] if before and before[-1].strip() else None
        if prev_piece is None:
            prev = prev_block(report, block)
            for _ in range(3):  # past a crawler's line of pipes after a row (第二十条第(一)项 | / ||| / 信)
                if prev is None or prev.text.strip(" \t|｜") or prev.kind == "heading":
                    break
                prev = prev_block(report, prev)
            # after pieces of a table, or right under the heading of a part with a table (二、主动公开… / 第)
            after_table = prev is not None and (_material_block(prev) or (
                prev.kind == "heading" and _section_id(report, prev) in TABLE_SECTIONS))
        else:
            after_table = _material(prev_piece)
            prev = None
        # (a label printed a piece a line, its last piece: 尚未 / 审结 — the label is the two joined)
        joined = prev.text.strip() + tail.strip() if prev is not None and len(prev.text.strip()) <= 8 else ""
        cell_like = (after_table and _label_prefix(tail)) or (
            bool(joined) and is_table_label(joined) and _section_id(report, block) in TABLE_SECTIONS)
    cut = _cut_table(report, block, tail, header) if cell_like else None
    if cut is None and cell_like:  # a caption, a header or a label on lines of their own after the table
        prev = _table_before(report, block)
        cut = _cut_table(report, prev, "") if prev is not None else None
        if cut is not None and row_tid is not None and cut[0] != row_tid:
            cut = None
    if cut is not None:
        return _table_truncation(block, start, end, cut)
    if row_tid is not None:
        current = _section_id(report, block)
        if current in SECTION_IDS and current not in TABLE_SECTIONS and not any(
                b is block for t in report.stats.values() for b in t.blocks):
            # (政府 after part 一's prose: a sentence begun, not table 二's 政府集中采购 — no table in part 一)
            return Truncation(block, start, end, "sentence", current)
        return Truncation(block, start, end, "table", row_tid, row_tid)
    if cell_like and not value and not (marker and tail.strip() in "（("):  # a lone （ is an item begun, not a table
        unstarted = _unstarted(report, block, start, end)
        if unstarted is not None:
            return unstarted
    if marker:  # (a bracket alone is an item begun, not yet its number)
        return Truncation(block, start, end, "sentence", _section_id(report, block),
                          subtitle=tail.strip() not in ("（", "(") and not tail.strip().endswith("是"))  # (三是: a point)
    sub = _SUB_HEADING.match(whole) if block.kind != "table" else None
    if sub is None and block.kind == "paragraph" and tail.strip() != whole and not report.sections \
            and report.signature_mention is None and (last := _SUB_HEADING.match(tail)) is not None \
            and len(last.group("title")) >= 2:
        # the last piece of a flattened text in which no part was found (…提升。 3.严格落实日常): an item's title and
        # nothing after it, as on a line of its own below
        return Truncation(block, start, end, "sentence", None, subtitle=not last.group("title")[:1].isdigit())
    if sub is not None and report.signature_mention is None and (
            # (四)平台建: cut in its title; (四)平台建设 and nothing after it, in part 一 or 五
            (sub.group("title") not in _SUB_TITLES and any(t.startswith(sub.group("title")) for t in _SUB_TITLES))
            or _NO_TITLE_END.search(sub.group("title")) or len(sub.group("title")) == 1  # ((四)重: no title is one character)
            or (sub.group("title").startswith(_SUB_STEMS) and _section_id(report, block) in ("s1", "s5"))
            # (before the unified format, any item's title with nothing after it: (一)推进空气质量和水, (三)2017年政府信)
            or (not six_parts(report) and len(sub.group("title")) >= 2)):
        return Truncation(block, start, end, "sentence", _section_id(report, block),
                          subtitle=not sub.group("title")[:1].isdigit())  # (1.2022年镇政府共受理政: a sentence begun)
    run_in = _RUN_IN.fullmatch(whole) if block.kind == "paragraph" and report.signature_mention is None else None
    if run_in is not None and (prev := prev_block(report, block)) is not None and _RUN_IN_BEGUN.match(prev.text):
        # an item's run-in title and nothing after it, after items whose text follows their title on the same line
        # ((四)平台建设方面。充分运用… / (五)回应关切方面。): the text cut right after the title
        return Truncation(block, start, end, "sentence", _section_id(report, block), subtitle=True)

    # a year begun on a line of its own after a sentence or a title (…0件转结下年办结。 / 202): the next sentence, cut
    if block.kind == "paragraph" and _YEAR_ALONE.fullmatch(whole) and report.signature_mention is None:
        prev = prev_block(report, block)
        pt = prev.text.strip() if prev is not None and prev.kind != "table" else ""
        # (after a sentence, or under a title: a heading, or a short line without a sentence's marks — 政府信息管理)
        if pt and (pt.endswith(("。", "！", "？")) or (prev is not None and prev.kind == "heading")
                   or (len(pt) <= 20 and not _SENTENCE_MARK.search(pt) and not pt[-1].isdigit())):
            return Truncation(block, start, end, "sentence", _section_id(report, block))

    # 3. inside a sentence: sentence punctuation, then a Chinese character (or a comma) and the end
    #    (of the last piece: in flattened text the last line is the text after the last space)
    seg = tail
    if block.kind != "table" and (_UNCLOSED.search(seg) or seg.endswith(("：", ":")) or _COLON_NUMERAL.search(seg)
                                  or _under_heading(report, block, seg)):
        section = _section_id(report, block)
        # (in part 六 a forgotten final 。 is likelier — but one or two characters right under its title are a cut: 目)
        if (section != "s6" or len(seg.strip()) <= 2 or seg.endswith(("：", ":")) or _COLON_NUMERAL.search(seg)) \
                and report.signature_mention is None:
            return Truncation(block, max(start, end - 12), end, "sentence", section)
    punctuated = bool(_SENTENCE_MARK.search(seg[-60:-1]))
    comma = seg.endswith(_OPEN_MARKS) and _CJK_BEFORE_MARK.search(seg) is not None  # 2022年, : a sentence begun
    # (三是主动公开: a point begun; 在主动公开 in a report before the unified format: a sentence begun)
    short = MIN_PUNCTUATED if punctuated or comma or _SHI_ITEM.match(seg) or colon_list(block, seg) or (
        not six_parts(report) and SENTENCE_LEAD.match(seg.strip())) else 8
    if block.kind != "table" and _ITEM_BEGUN.fullmatch(whole) and report.signature_mention is None:
        # an item's run-in title and the first words of its text (1、 预决算公开:严): the sentence after the colon, cut
        return Truncation(block, max(start, end - 12), end, "sentence", _section_id(report, block))
    if block.kind == "table" or len(seg) < short or TOP.match(seg):
        return None
    # …力度。本年度在“调整…价格”: the last sentence, begun and quoting, has no end
    quoted = punctuated and seg.endswith(_CLOSE_QUOTES) and _QUOTED_LAST.search(seg) is not None
    if not (_CJK_END.search(seg) or seg.endswith(_OPEN_MARKS) or quoted
            or (not punctuated and seg.endswith(_CLOSE_QUOTES))
            or (_CUT_NUMBER.search(seg) and not _NOT_CUT_NUMBER.search(_last_clause(seg))
                and (punctuated or len(seg) >= MIN_UNPUNCTUATED))):
        return None  # (a paragraph without punctuation cut in a number: 本报告中所列数据的统计期限自202)
    section = _section_id(report, block)
    if report.signature_mention is not None or (section == "s6" and not (
            punctuated and (_DANGLING.search(seg) or _CUT_WORD.search(seg) or first_item_only(report, block)))):
        return None  # (in part 六 a forgotten final 。 is likelier — not after a word no sentence ends in: 安排人员负)
    if (not punctuated and not seg.endswith(_OPEN_MARKS) and not _CUT_WORD.search(seg)
            and not _unpunctuated_cut(report, block, seg, section)):
        return None  # (a text that ends in a comma is cut whatever came before: (三)健全文件管理机制，)
    return Truncation(block, max(start, end - 12), end, "sentence", section)


def _paginated(report: AnnualReport, last: Block) -> Truncation | None:
    """One page of a paginated article (a pager in the text, or the page's script: ``Document.pager``): the parts
    from where this page ends (page 1), or all of them (a later page), are not in the file."""
    if "s6" in report.sections_by_id and report.signature_mention is not None:
        return None  # the whole report, to its 落款: a pager is another list's (相关文章 …)
    found = pager_line(report)
    if found is not None:
        block, page, total = found
        if last is block:
            last = prev_block(report, block) or block
        start, end = 0, len(block.text)
    elif report.document.pager is not None:
        page, total = report.document.pager
        block = last
        start, end = _tail_span(block)
    else:
        page = flipbook_page(report)
        if page is None:
            return None
        total, block = None, last  # (a flipbook's page does not say how many there are)
        start, end = _tail_span(block)
    section = _section_id(report, last) if page == 1 else None
    return Truncation(block, start, end, "pages", section, page=page, pages=total)


_SELF_YEAR = re.compile(r"[我本][局委办镇乡街区县市厅部院馆署所站队]\s*(?:19|20)\d{2}\s*年度?")


def _under_heading(report: AnnualReport, block: Block, seg: str) -> bool:
    """A last paragraph of a few characters, without punctuation, right under a heading (（四）平台建设情况 / 积): the
    beginning of the part's first sentence, cut — not 无 or 略, a date, nor the agency's name under a part's title or in
    part 六 (a 落款)."""
    text = seg.strip()
    begun = _YEAR_BEGUN.fullmatch(text) is not None or _SELF_YEAR.fullmatch(text) is not None
    # (20, 2023, 2023年三河: the sentence's year, then nothing or a word; 我局2023年: its subject and year)
    named = classify(text)[0] is not None and not text.startswith(_CLAUSE_LEADS)  # a body's name (not 我局)
    if (block.kind != "paragraph" or seg != block.text.strip() or not 1 <= len(text) <= MAX_UNDER_HEADING
            or not (_CJK_END.search(text) or _CUT_NUMBER.search(text) or begun) or _SENTENCE_MARK.search(text)
            or text in _ALONE_OK or text.startswith(("详见", "见附", "附"))
            or (_DATE_WORD.search(text) and not _BARE_YEAR.fullmatch(text) and not begun)  # (2023年 alone: begun)
            or not (_CJK_START.match(text) or _BARE_YEAR.fullmatch(text) or begun)
            or (named and _section_id(report, block) in (None, "s6"))):
        return False  # (综合20: a number begun; 我局, 依托区门户网站: a sentence's beginning, not a 落款's name)
    prev = prev_block(report, block)
    # a body's name alone under a part's title may be a 落款 without its date (五、… / 某某局办公室); under a numbered
    # item's title in parts 一 to 五 it begins the item's first sentence ((三)政府信息管理方面 / 某某街道办事处): a 落款
    # comes after the parts, not inside one of them
    return prev is not None and prev.kind == "heading" and (not named or _SUB_HEADING.match(prev.text) is not None)


def _unpunctuated_cut(report: AnnualReport, block: Block, seg: str, section: str | None) -> bool:
    """A last paragraph without a single punctuation mark that still is a cut sentence: a unified report
    that has not reached part 六, a paragraph (not a heading, not numbered like a sub-title unless the items
    before it were sentences) long enough to be prose, not the agency's name (a 落款 without its date) and
    not a label line (附件：…)."""
    if block.kind == "paragraph" and _YEAR_SENTENCE.fullmatch(seg.strip()) and not _DATE_WORD.search(seg, 4):
        # a sentence begun with its year after sentences that end (…。 / 2020年度纳入某某市镇街政务公开评): cut, also in a copy
        # whose headings were lost
        prev = prev_block(report, block)
        if prev is not None and prev.kind == "paragraph" and prev.text.rstrip().endswith(("。", "！", "？")):
            return True
    if not six_parts(report):
        return old_sentence_cut(report, block, seg)  # (before the unified format: a sentence begun, else no cut)
    if section is None:
        # no part found (a copy that starts inside part 一): under one of part 一's items ((三)政府信息管理 / 建立健全公文
        # 公开属性审核和规), a paragraph is that item's text
        prev = prev_block(report, block)
        if prev is None or not cat.PART_ONE_ITEM.match(prev.text) or len(prev.text.strip()) > 30:
            return False
    if block.kind == "heading":  # a run-in title and its first sentence, cut: (五)监督保障方面：严格执行信息发布审核
        after = _COLON.split(seg, 1)
        return len(after) == 2 and len(_CJK_RUN.sub("", after[1])) <= 1 and len(after[1].strip()) >= 6
    text = seg.strip()
    shi = _SHI_ITEM.match(text)
    if shi is not None and len(text) >= 4:  # 三是主动公开, after 二是… ending in 。: the third point, cut
        return after_sentence_item(report, block, text, shi.group(0))
    if text.startswith("一是") and len(text) >= 4:  # (三)政府信息管理 / 一是制定某某局: the first point, cut
        if colon_list(block, text):
            return True
        prev = prev_block(report, block)
        return prev is not None and (prev.kind == "heading" or _SUB_HEADING.match(prev.text) is not None)
    if len(text) < MIN_UNPUNCTUATED or classify(text)[0] is not None or _label_line(text):
        return False  # short, the agency's name, or a label line (附件：…, 联系电话：…)
    lead = LEAD_NUMBER.match(text)
    return lead is None or after_sentence_item(report, block, text, lead.group(0))


def _last_clause(text: str) -> str:
    """The text after the last punctuation mark."""
    return re.split(r"[，。；、,;：:！？!?]", text)[-1]


def _label_line(text: str) -> bool:
    """附件：… / 联系电话：… — a label and its value; not 存在的主要问题：一是… (a list begins after the colon)."""
    if text.startswith(("附件", "注")):
        return True
    m = _COLON.search(text)
    # (档案留存规范有序:对已公开的…: a point's run-in title, then its sentence; 决策与文件公开(9条):公开以…: a run-in title
    # with its count)
    return (m is not None and _ENUM_START.match(text, m.end()) is None and not text.startswith(_SENTENCE_LEADS, m.end())
            and _COUNTED_TITLE.search(text, 0, m.start() + 1) is None)
