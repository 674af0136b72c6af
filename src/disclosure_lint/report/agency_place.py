"""The place of a body its title names by its kind only: ``区住建局2020年政府信息公开工作年度报告`` on the district's own
site, whose text names it in full (``2020年以来，龙湾区住建局围绕…``, ``请联系某某县交通运输局办公室``).

Such a name (a level's word for the place: 区, 县, 市 …) is every district's: two reports titled so are not one body's
on their name alone (:func:`..batch.identity.placeless`), and the statistics database cannot tell them apart.  When the
report's opening names the same body with its place, and names no other place so, that is the body's name.
"""

from __future__ import annotations

import re

LEVELS = "省市县区州盟旗"  # the words of a place's level that end its name (某某市, 某某县, 某某旗)
# a level's word standing for the place at the start of a name (区住建局, 县人民政府, 市政府办公室; not 市场监督管理局):
# the one home of "a name without its place" (:func:`..batch.identity.placeless` too)
BY_LEVEL = f"[{LEVELS}](?!场)"
_BARE = re.compile(BY_LEVEL + r"[\u4e00-\u9fff]{2,20}")
_RUN = re.compile(r"[\u4e00-\u9fff]{1,12}$")  # the characters right before the name, back to the last non-character
# what a sentence puts before a body's name (请联系某某县交通运输局, 通过某某县统计局…, 现公开某某市…, 2020年以来，…,
# 依托某某市财政局网站…): not
# its place; one character of them (由某某区…编制) only before a place of two characters at least (将乐县, 向阳区 are places)
_LEADS = re.compile(r"(?:请联系|联系|请与|可与|请向|可向|通过|经过|根据|依据|按照|围绕|结合|现将|现对|现公布|现公开|现发布|特编制|编制|重新对"
                    r"|公布|公开|发布|印发|以来|同时|其中|负责|依托|依靠|借助|利用|登录|访问)+")
_LEAD_CHAR = frozenset("由经与向在对将是为")
# a place of one character: a county's (沛县, 滑县); never a word of the sentence (全区, 我县, 本市, 各县 …)
_NOT_ONE = frozenset("全我本各该此其两多现特由经与向在对将是为")
# not a place's name: a sentence's words (本报告由, 全面梳理), a body's (…局, …委), a site's (公开平台)
_NOT_PLACE = re.compile(r"[的了和及或、年月日局委办厅院署站队]|报告|平台|网站|信息|政务|政府|部门|单位|中心|工作|梳理"
                        r"|有效|机构|来源|时间|日期|类别|分类|索引|文号|名称|主题")  # (a page's fields run into it: 是否有效县政府办)
_SCAN = 2000  # characters of each opening block looked at
_MAX_PLACE = 8


def placed_name(name: str, texts: list[str]) -> str | None:
    """The body ``name`` (a level's word for its place: 区住建局) with its place, as the opening ``texts`` name it
    (龙湾区住建局), when they name it so with one place only; else None."""
    if _BARE.fullmatch(name) is None:
        return None
    places = _places(name, texts)
    place = min(places, key=len, default="")
    if not place or not all(p.endswith(place) for p in places):
        return None  # (长乐 and 福州市长乐 are one place, 长乐区交通运输局 — a run back to an address's 楼三层 no part of it; two
        # places are none)
    return place + name if (len(place) > 1 or (name[0] == "县" and place not in _NOT_ONE)) else None


def place_named(name: str, texts: list[str]) -> str | None:
    """The body ``name`` named by its kind alone (审计局, 公安局) with the place the opening ``texts`` give it
    (金台区审计局), when they name it so with one place only, a place of a level (某某区, 某某县, 某某市); else None."""
    places = _places(name, texts)
    place = max(places, key=len, default="")  # (金台区审计局 and 区审计局: 金台区)
    if len(place) < 2 or place[-1] not in LEVELS or not all(place.endswith(p) for p in places):
        return None
    return place + name


def _places(name: str, texts: list[str]) -> set[str]:
    """The places the opening ``texts`` put before ``name``."""
    places = set()
    for text in texts:
        at = text.find(name, 0, _SCAN)
        while at >= 0:
            place = _place(text[max(0, at - 12):at]) if at else None  # (at the start: nothing before it)
            if place:
                places.add(place)
            at = text.find(name, at + len(name), _SCAN)
    return places


def _place(before: str) -> str | None:
    """The place's name at the end of ``before`` (the characters before the body's name), or None."""
    run = _RUN.search(before)
    if run is None:
        return None
    words = run.group(0)
    ends = [m.end() for m in _LEADS.finditer(words)]
    place = words[ends[-1]:] if ends else words  # (after the last of them)
    if len(place) >= 3 and place[0] in _LEAD_CHAR:
        place = place[1:]
    if not place or len(place) > _MAX_PLACE or place[-1] in _LEAD_CHAR or _NOT_PLACE.search(place):
        return None  # (…由区交通运输局编制: no place)
    return place


def office_speaks(texts: list[str], government: str | None) -> bool:
    """Whether the opening ``texts`` speak as the office of ``government`` (某某市人民政府) named without its place: a
    sentence that opens with the year and 市政府办公室 (市人民政府办公室, 市政府办) as its subject, not with another body
    (2024年，市政府办公室以…; not 2024年，市政府和市政府办公室…)."""
    place = re.sub(r"(?:人民)?政府$", "", government or "")
    if not place or place[-1] not in LEVELS:
        return False
    short = re.compile(r"(?:^|[。；;])\s*(?:19|20)\d{2}\s*年度?\s*[，,]\s*" + place[-1]
                       + r"(?:人民)?政府(?:办公[室厅]|办)(?![\u4e00-\u9fff]{0,2}[和及与、])")
    return any(short.search(t, 0, _SCAN) for t in texts)
