"""Government sites named with an address no government site uses (``报告电子版可在泰州市政府门户网站
(http://www.zwinkt.com)下载``): :func:`foreign_sites`, for DL507 (:mod:`..kinds.site_address`) and for DL501, whose
message says that a page with such an address is most likely another site's copy (a mirror, a content farm).

Government websites use domains ending in ``.gov.cn`` (《政府网站发展指引》); the generic top-level domains (.com, .net,
.top …) and the commercial ``.com.cn`` are never one.  Only a site named as a government's or a government body's
(政府网站, 门户网站 after a government's or a body's name: …局网站, …厅门户网站) is taken.  Each address once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..readers.script import strip_glosses

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Block
    from .annual import AnnualReport

# a site's name, then its address in brackets or after a colon: 门户网站(http://www.zwinkt.com, 网站：www.x.com
# (or with the pinyin a content farm's copy glossed 网 with before the bracket: 人民政府网(wǎng)(http://qyxwjj.com/))
# (or glossed inside 网站: 門戶網(wǎng)站(www.cnheaven.com)), or the site's column in quotes before its address
# (“…人民政府网站政府信息公开平台”(www.beivbo.com))
_ADDRESS = re.compile(r"(?P<net>网(?:\(wǎng\))?站?|平台)(?:\((?:wǎng|zhàn)\))?[”\"》]?\s*[（(：:]\s*(?:https?://)?"
                      r"(?P<host>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
# the generic top-level domains (no government's site is under one)
_GENERIC = frozenset({"com", "net", "top", "xyz", "cc", "info", "vip", "club", "site", "online", "shop", "icu", "fun",
                      "asia", "biz", "pro", "work", "live", "life", "ltd", "store", "tech", "wang", "ink", "cyou"})
# … and the commercial second-level domain under .cn (m.38966.com.cn): a company's, never a government's
_COMMERCIAL_CN = (".com.cn", ".net.cn")
_REACH = 24  # characters before the address's 网站 searched for the site's name
_CLAUSE = re.compile(r"[，。；;！？!?、\n]")
# what a sentence puts before the site's name (报告电子版可在…, 可从…, 登录…): not the name
_LEAD = re.compile(r"^.*(?:在|从|于|通过|登录|登陆|访问|浏览|查阅|至|到|见|经)")
# a gloss the window's start left without its character (…农(nóng)业|(yè)农村局…网站): not the name's
_CUT_GLOSS = re.compile(r"^[(（][a-zà-ǜü]{1,7}[)）]")
_MARKS = re.compile(r"[“”\"《》\s]")  # (“中国永嘉”县政府门户网站: the name in the message without its marks)
# a government's or a government body's site: its name holds one of these before 网站 (泰州市政府门户网站, 省教育厅网站,
# “中国永嘉”县政府门户网站, 税务总局门户网站)
_GOVERNMENT = re.compile(r"政府|人民政府|[局厅委署办]|总局|管委会|街道|[镇乡](?:人民)?")




@dataclass(frozen=True, eq=False)
class ForeignSite:
    """A government site's name and the address given for it at a domain no government site uses."""

    block: Block
    start: int  # the host's span in the block's text
    end: int
    site: str  # the site's name as the message quotes it (marks and glosses dropped)
    host: str


def foreign_sites(report: AnnualReport) -> list[ForeignSite]:
    """Every government site the report's prose names with an address at a non-government domain, each host once."""
    told: set[str] = set()
    out: list[ForeignSite] = []
    for b in report.lintable_blocks:
        if b.kind == "table":
            continue
        text = b.text
        if "网" not in text and "平台" not in text:
            continue
        for m in _ADDRESS.finditer(text):
            host = m.group("host").lower().rstrip(".")
            if (host.rsplit(".", 1)[-1] not in _GENERIC and not host.endswith(_COMMERCIAL_CN)) or host in told:
                continue
            before = text[max(0, m.start() - _REACH):m.start()]
            if ")" in before:  # (a copy's pinyin glosses, 农(nóng)业(yè): the name's characters counted without them)
                before = strip_glosses(text[max(0, m.start() - 4 * _REACH):m.start()])[-_REACH:]
            cut = [c.end() for c in _CLAUSE.finditer(before)]
            clause = before[cut[-1]:] if cut else before
            if "“" in clause:  # (可在“…网站政府信息公开平台”(www.x.com): the name in its quotes)
                clause = clause[clause.rfind("“") + 1:]
            site = _CUT_GLOSS.sub("", _LEAD.sub("", clause).strip()) + m.group("net")
            if _GOVERNMENT.search(site) is None:
                continue
            told.add(host)
            out.append(ForeignSite(b, m.start("host"), m.end("host"), _MARKS.sub("", strip_glosses(site)), host))
    return out


# what follows a promotion written in the place of the body's place name: a level's word (…官网市市场监管局, …官网区人民政府
# 北京街道办事处: not 市场), the report's year and name (…官方网站 2024年政府信息公开工作年度报告), a body's word
# (after the rest of the insertion, if any: 沙巴体育_大发体育娱乐在线¥投注官网市…, its term found as 沙巴体育)
_NAME_AFTER = re.compile(r"[^，。；：,;:\s]{0,24}?[ \u3000]*(?:[省市县区州](?!场)|(?:19|20)\d{2}\s*年度?政府|人民政府|街道办事处"
                         r"|电视台)")


def in_name_place(spans: Iterable[Iterable[tuple]]) -> str | None:
    """The first promotion (of DL501's spans: ``(start, end, block, cell, …)``) that is written where the body's place
    name goes, with the word after it (沙巴体育…官网市市场监管局), or None: a content farm's copy puts its brand in the
    place of the city's name throughout the page; an attack on the government's own site adds its text beside the
    report's."""
    for group in spans:
        for s, e, block, cell, *_ in group:
            text = cell.text if cell is not None else block.text
            m = _NAME_AFTER.match(text, e)
            if m is not None:
                return text[s:m.end()].strip()
    return None


def copy_note(report: AnnualReport, named: str | None = None) -> str:
    """For a spam finding (DL501): the signs that the checked file is another site's copy of the page — an address of a
    government site at a non-government domain (:func:`foreign_sites`), pinyin glossed after its characters (a content
    farm's copy: the ``traditional-script`` notice's example), a promotion in the place of the body's place name
    (``named``: :func:`in_name_place`) — said as the message's last clause; "" when it has none."""
    signs = []
    sites = foreign_sites(report)
    if sites:
        signs.append(f"报告给出的政府网站网址是“{sites[0].host}”")
    if any(n.kind == "traditional-script" and n.example for n in report.document.notices):
        signs.append("字后加注了拼音")
    if named:
        signs.append(f"推广词写在了机关名称或地名的位置上：“{named}”")
    if not signs:
        return ""
    return "；所查文件有其他网站转存的痕迹（" + "，".join(signs) + "）：推广内容多半是转存的网站加入的，请先从政府网站取得原文核对"
