"""``site-address`` (DL507): the report gives a government website's address at a domain no government site uses —
``报告电子版可在泰州市政府门户网站(http://www.zwinkt.com)下载``, ``“四川省人民政府”门户网站(m.pouringspot.com)``: a copy
on another site (a mirror, a content farm) that put its own address for the government's, or a page tampered with.
Government websites use domains ending in ``.gov.cn`` (《政府网站发展指引》); the generic top-level domains
(.com, .net, .top …) are never one.

Only a site named as a government's or a government body's (政府网站, 门户网站 after a government's or a body's name:
…局网站, …厅门户网站) is judged, and only a generic top-level domain is taken: a ``.cn`` address of another form may
be a body's own older one, a school's (``.edu.cn``) or a company's site is not a government's.  Each address once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..report.site_hosts import foreign_sites
from . import register
from .base import Hit, Kind, KindOptions

if TYPE_CHECKING:  # pragma: no cover
    from ..report import AnnualReport


@register
class SiteAddress(Kind[KindOptions]):
    name = "site-address"
    params = frozenset({"site", "host"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        for f in foreign_sites(report):
            yield Hit(block=f.block, start=f.start, end=f.end, params={"site": f.site, "host": f.host},
                      evidence={"expected": "以 .gov.cn 结尾的政府网站域名", "actual": f.host}, key=f.host)
