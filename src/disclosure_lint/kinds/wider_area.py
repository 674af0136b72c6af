"""``wider-area-work`` (DL304): a body's report says it organises the disclosure work of an area above its own — a
street office's heading ``（一）组织推动全省政府信息公开工作`` (the province's report's heading, kept in a template a
province handed down: four real towns and street offices of one province), a township's ``推动全县政务公开工作``.

Only the body itself may be the one acting: the words stand at the start of a heading or a clause (after its number,
or after 我镇, 本街道), so a sentence whose subject is another body (县政府多次召开会议部署全县…工作) is not read.
The areas above a body: for a township or a street office the province, its city, prefecture or league and its county;
for a county's or a city's government the province only (a county-level city's 全市 is its own).  The report's body
and its kind must be known; a department (its level is not in its kind) is judged by its name's place: for a county's
or a district's (辉南县卫生健康局, 某某区人民政府办公室) the province and its city, for a city's the province.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..report.agency import KIND_NAMES
from . import register
from .base import Hit, Kind, KindOptions

if TYPE_CHECKING:  # pragma: no cover
    from ..report import AnnualReport

# the areas above a body of each kind (全省 … 全县)
_ABOVE = {
    "street_office": "省市州盟县",
    "town_government": "省市州盟县",
    "township_government": "省市州盟县",
    "county_government": "省",
    "city_government": "省",
}
_CLAUSE_START = r"(?:^|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[.、．]|[，。；：:,;])"
_SELF = r"(?:我[镇乡]|我街道?|本[镇乡]|本街道|本机关|我单位)?[，,]?"
_ACT = r"(?P<act>(?:组织|引领|推动|指导|统筹|督促|部署|推进|带动|协调)+)[^，。；全\n]{0,4}"
_WORK = r"(?:各级|各地|各部门|范围内)?[^，。；\n]{0,10}?(?:政府信息公开|政务公开|信息公开)工作"


# each pattern's area (全省, 全县 …) alone: a block without one holds no match (a search led by 全, where the pattern,
# led by a clause's start, is tried at every character)
_AREA: dict[re.Pattern[str], re.Pattern[str]] = {}


def _pattern(levels: str) -> re.Pattern[str]:
    pattern = re.compile(_CLAUSE_START + r"\s*" + _SELF + _ACT + f"(?P<area>全[{levels}])" + _WORK)
    _AREA[pattern] = re.compile(f"全[{levels}]")
    return pattern


_PATTERNS = {kind: _pattern(levels) for kind, levels in _ABOVE.items()}
# a department (its kind says nothing of its level) whose name gives its place's level: a county's or a district's
# (辉南县卫生健康局, 某某区教育局: the province, the city above it) or a city's (某某市民政局: the province)
_DEPARTMENTS = frozenset({"bureau", "commission", "office", "department", "government_office"})
_COUNTY_NAME = re.compile(r"[县旗]|(?<![社小园])区(?!域)")
_CITY_NAME = re.compile(r"(?<![城都])市(?!场)")
_BY_NAME = {"county": _pattern("省市州盟"), "city": _pattern("省")}


def _department_pattern(name: str) -> re.Pattern[str] | None:
    """The pattern for a department of a county (district) or a city by its name, or None (a province's, or a name
    without its place's level)."""
    if "省" in name or "自治区" in name:
        return None
    if _COUNTY_NAME.search(name):
        return _BY_NAME["county"]
    return _BY_NAME["city"] if _CITY_NAME.search(name) else None


@register
class WiderAreaWork(Kind[KindOptions]):
    name = "wider-area-work"
    params = frozenset({"words", "area", "who", "kind_name"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        agency = report.agency
        pattern = _PATTERNS.get(agency.kind or "")
        if pattern is None and agency.kind in _DEPARTMENTS and agency.name:
            pattern = _department_pattern(agency.name)
        if pattern is None or not agency.name:
            return
        has_area = _AREA[pattern].search
        if has_area(report.lintable_text) is None:
            return
        portal = report.portal
        for b in report.text_blocks:
            if has_area(b.text) is None or portal.is_line(b):
                continue
            for m in pattern.finditer(b.text):
                start = m.start("act")
                words = b.text[start:m.end()]
                area = m.group("area")
                yield Hit(block=b, start=start, end=m.end(),
                          params={"words": words, "area": area, "who": agency.name,
                                  "kind_name": KIND_NAMES.get(agency.kind or "", "")},
                          evidence={"expected": "本机关的工作", "actual": words, "area": area,
                                    "agency_kind": agency.kind},
                          key=words)
