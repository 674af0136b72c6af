"""Which body a report belongs to: a normalised key from the agency name, so that one body's reports of several
years (and its full name, its name without the region prefix, 人民政府 or 政府) fall into one group.

``body_key("青禾市云岭区人民政府办公室")`` → ``("云岭区", "政府办公室")``: the innermost region the name states and
the body within it.  A name without a region (``自然资源局``) has region ``""`` and matches a body of the same
run with a region only when exactly one such body has that body name (:func:`group_keys`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ..memo import Kept

# a region level at the start of a name: 某某省 / 某某自治区 / 某某市 / 某某自治州 / 某某县 / 某某区 / 某某旗 … (two
# characters at least before the level word, so that 广州市 is not 广州 + 市…; a one-character county: 沛县)
_REGION = re.compile(r"^(.县|.{2,8}?(?:自治区|自治州|自治县|自治旗|特别行政区|省|市|州|盟|地区|县|区|旗))")
# words ending like a region that are part of a body's name (城市管理局, 社区, 园区 …)
_NOT_REGION = re.compile(r"(?:城市|都市|超市|社区|园区|景区|小区|片区|林区|矿区|牧区|山区|城区|辖区|新区|街区|示范区)$")
_HAS_WORD = re.compile(r"\w")  # a key of punctuation only names no body
_SECOND_NAME = re.compile(r"[（(][^（）()]*[）)]$")


def normalise_name(name: str) -> str:
    """Whitespace, a second name in brackets and the usual long forms removed (人民政府 → 政府, 街道办事处 → 街道,
    某某镇人民政府 → 某某镇)."""
    s = "".join(unicodedata.normalize("NFKC", name).split()).strip("《》“”\"")
    s = _SECOND_NAME.sub("", s) or s
    s = s.replace("人民政府", "政府")
    s = re.sub(r"街道办事处$|街道办$", "街道", s)
    s = re.sub(r"([镇乡])政府$", r"\1", s)
    return s


# body_key's answers by name: a body's reports of several years name it alike, and each report asks twice (its
# summary's body, its cross-report facts).  At most 4,096 names of at most ``_KEPT_NAME`` characters.
_BODY_KEYS: Kept[str, tuple[tuple[str, str] | None]] = Kept("batch.identity: a body key by agency name", 4096)
_KEPT_NAME = 200


def body_key(name: str | None) -> tuple[str, str] | None:
    """``(region, body)`` for an agency name, None for no name.  The region is the innermost one stated at the
    start (``青禾市云岭区`` → ``云岭区``); the body is the rest, ``政府`` for a bare place name (a report titled
    ``云岭区2023年政府信息公开…`` is the district government's)."""
    if not name:
        return None
    got = _BODY_KEYS.get(name)
    if got is None:
        got = (_body_key(name),)
        if len(name) <= _KEPT_NAME:
            _BODY_KEYS.keep(name, got)
    return got[0]


def _body_key(name: str) -> tuple[str, str] | None:
    """:func:`body_key` of a name that is not empty, worked out."""
    s = normalise_name(name)
    region = ""
    while True:
        m = _REGION.match(s)
        if not m or _NOT_REGION.search(m.group(1)):
            break
        region, s = m.group(1), s[m.end():]
    body = s or "政府"
    if body == "政府" and not region:
        return None
    return region, body


def key_text(key: tuple[str, str]) -> str:
    return key[0] + key[1]


def body_name(name: str | None) -> str | None:
    """The body key as text (``云岭区政府办公室``), None for no name or one of punctuation only."""
    key = body_key(name)
    text = key_text(key) if key else ""
    return text if _HAS_WORD.search(text) else None


def group_keys(keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The body each key belongs to in one run: keys with a region are their own body; a key without one joins the
    only body with a region that has the same body name, else it is its own."""
    keys = set(keys)
    with_region: dict[str, list[tuple[str, str]]] = {}
    for k in keys:
        if k[0]:
            with_region.setdefault(k[1], []).append(k)
    out = {}
    for k in keys:
        if not k[0] and len(with_region.get(k[1], [])) == 1:
            out[k] = key_text(with_region[k[1]][0])
        else:
            out[k] = key_text(k)
    return out
