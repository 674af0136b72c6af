"""The page footer in a page's text (:mod:`.portal` reads the page's fields): where a footer starts in a line
(网站地图 | 主办单位：… 网站标识码 … ICP备…), and the site's contact lines after the footer's first line."""

from __future__ import annotations

import re

from ..model import Block
from ..page_lines import footer_tail
from .portal_model import PortalMetadata, PortalSpan

_SP = r"[ \t\u3000]"
# below the page header a field has a colon, an arrow or a bracket, or is a footer mark (a cheap test first)
MARKS = re.compile(r"[:：>›»＞→【\[]|ICP|公网安备|版权|©|Copyright|今天是|相关|热点|推荐|最新|热门|猜你|延伸阅读", re.I)
# the page footer: a mark that only a footer has, and where the footer starts
_FOOTER_MARK = re.compile(r"网站标识码|ICP备|ICP证|公网安备|版权所有|Copyright|©|(?:主办|承办)单位" + _SP + r"*[:：]", re.I)
_FOOTER_START = re.compile(r"网站地图|联系我们|免责声明|隐私声明|网站标识码|[\u4e00-\u9fff]?ICP[备证]|[\u4e00-\u9fff]?公网安备"
                           r"|版权所有|(?:主办|承办)单位|技术支持|Copyright|©", re.I)


def footer_start(text: str) -> int | None:
    """Where the page footer starts in ``text`` (网站地图 | 主办单位：… 网站标识码 … ICP备…), or None.

    Only the text after the last sentence counts, and only when it carries a mark that only a footer
    has; the footer starts at its first item (a 联系电话 of the report before it stays the report's)."""
    if not MARKS.search(text):
        return None
    tail = max(text.rfind(c) for c in "。！？!?") + 1
    if not _FOOTER_MARK.search(text, tail):
        return None
    m = _FOOTER_START.search(text, tail)
    return m.start() if m is not None else None


def footer_tail_lines(blocks: list[Block], out: PortalMetadata) -> None:
    """The page footer's lines after the one with its mark (主办单位：… / 网站标识码 … ICP备 … / 联系电话：…
    值班手机：…): in the run of lines ending the text that are each all footer or a contact line of the site
    (``联系电话：``, ``值班手机：``, ``传真：``, ``地址：``, ``技术支持：`` …, no sentence) or a short technical note
    (建议使用…浏览器, 您是第…位访客), the contact lines and notes after the first footer line are the footer too:
    their phone numbers are the site's."""
    run: list[tuple[Block, bool]] = []  # (block, is a contact line not yet a field)
    for b in reversed(blocks):
        t = b.text.strip()
        if not t:
            continue
        if b.kind == "table":
            break
        lead = len(b.text) - len(b.text.lstrip())
        if any(s.kind == "footer" and s.start <= lead for s in out.in_block(b)):
            run.append((b, False))
        elif footer_tail(t) is not None:
            run.append((b, True))  # a contact line, or a note (建议使用IE9以上浏览器 / 您是第123456位访客)
        else:
            break
    run.reverse()
    first = next((k for k, (_, contact) in enumerate(run) if not contact), None)
    if first is None:
        return
    for b, contact in run[first + 1:]:
        if contact:
            lead = len(b.text) - len(b.text.lstrip())
            out._add(b, [PortalSpan(b, lead, len(b.text.rstrip()), "footer", "", b.text.strip())], line=True)
