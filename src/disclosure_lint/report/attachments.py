"""A page that publishes the report as an attachment: the portal's article holds the title, a sentence (``现将…年度报告
予以公布，详见附件。``) and the attachment's link (``附件：…年度报告.pdf``), or shows the document in a viewer
(:attr:`..model.Document.embedded`) — and no report text.  Checked as a report, such a page is "not in the unified
format" or, worse, passes; nothing of the report was checked.

:func:`attachment_page` is the page's attachment when the page has no report body: no part (not even written
inline), no statistics table, no paragraph of report prose (each at most :data:`MAX_PROSE_BLOCK` characters, the
text besides the title at most :data:`MAX_BODY`, portal fields not counted), and it names an attachment (``详见附件``,
``附件：…``, a document's file name) or shows a document in a frame.  A document-sharing site's page (``《…年度报告.docx》
由会员分享，可在线阅读``) shows the document's text under the file's name: no attachment page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Block

if TYPE_CHECKING:  # pragma: no cover
    from .annual import AnnualReport

MAX_PROSE_BLOCK = 150  # characters: a paragraph of a report's text is longer
MAX_BODY = 800  # characters of text besides the title and the portal's fields
MAX_NAMES = 5

_ATTACHED = re.compile(r"(?:详见|请见|见|查看|下载|点击)[^。；\n]{0,8}附件|附件\s*\d{0,2}\s*[：:](?!\s*(?:无|暂无|没有)\s*(?:$|[^\u4e00-\u9fff]))"
                       r"|附件下载|相关附件")  # (not a portal's field 附件:无: no attachment)
_SHARED = re.compile(r"由会员分享|可在线阅读|页珍藏版|文档分享平台")
_FILE_NAME = re.compile(r"[^\s/\\:：“”\"'<>|]{1,80}\.(?:pdf|docx?|wps|ofd|xlsx?|et|zip|rar|7z)(?![A-Za-z0-9])", re.I)


@dataclass(frozen=True, eq=False)
class AttachmentPage:
    """Where the page names its attachment (None: only a document shown in a frame) and the attachments' names."""

    block: Block | None
    names: tuple[str, ...]


def attachment_page(report: AnnualReport) -> AttachmentPage | None:
    if report.sections_by_id or report.stats or "inline-section" in report.candidate.signs:
        return None
    title = report.title_block
    portal = report.portal
    where: Block | None = None
    names: list[str] = []
    body = 0
    for b in report.lintable_blocks:
        if b is title:
            continue
        if portal.is_line(b):
            if not any(s.kind == "attachment" for s in portal.in_block(b)):
                continue
            text = b.text.strip()  # (附件：某某局…年度报告.pdf: the page's line, naming the attachment)
        else:
            text = portal.text_without(b)
        if _SHARED.search(text):
            return None  # a document-sharing site's banner (《…docx》由会员分享，可在线阅读): the document is on the page
        names_here = [m.group() for m in _FILE_NAME.finditer(text[:2000])]
        named = bool(names_here) or _ATTACHED.search(text) is not None
        if b.kind != "table" and len(text) > MAX_PROSE_BLOCK and not named:
            return None  # report prose
        body += len("".join(text.split()))
        if body > MAX_BODY:
            return None
        if named:
            where = where or b
            names += names_here
    embedded = report.document.embedded
    if where is None and not embedded:
        return None
    return AttachmentPage(where, tuple(dict.fromkeys(names + list(embedded)))[:MAX_NAMES])
