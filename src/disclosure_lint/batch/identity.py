"""Which body a report belongs to: a normalised key from the agency name, so that one body's reports of several
years (and its full name, its name without the region prefix, 人民政府 or 政府) fall into one group.

``body_key("青禾市云岭区人民政府办公室")`` → ``("云岭区", "政府办公室")``: the innermost region the name states and
the body within it.  A name without a region (``自然资源局``) has region ``""`` and matches a body of the same
run with a region only when exactly one such body has that body name (:class:`Grouping`, which also reads the
configuration's expected bodies and their aliases: the one home of "which reports are one body's").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..memo import Kept
from ..report.agency import kind_word_only
from ..report.agency_place import BY_LEVEL

# a region level at the start of a name: 某某省 / 某某自治区 / 某某市 / 某某自治州 / 某某县 / 某某区 / 某某旗 … (two
# characters at least before the level word, so that 广州市 is not 广州 + 市…; a one-character county: 沛县)
_REGION = re.compile(r"^(.县|.{2,8}?(?:自治区|自治州|自治县|自治旗|特别行政区|省|市|州|盟|地区|县|区|旗))")
# words ending like a region that are part of a body's name (城市管理局, 社区, 园区 …)
_NOT_REGION = re.compile("(?:城市|都市|超市|社区|园区|景区|小区|片区|林区|矿区|牧区|山区|辖区|新区|街区|示范区"
                         "|主城区|中心城区|老城区|旧城区|新城区)$")
# (西城区, 东城区, 历城区 … are districts: only the town-planning words ending in 城区 are not; 老城区 and 新城区,
# districts too in a few cities, stay words here — a name that states them still matches itself)
_ZONE_END = re.compile(r"(?:高新|开发|经开|工业|产业|保税|综保|示范|试验|实验|合作|功能)区$")
_HAS_WORD = re.compile(r"\w")  # a key of punctuation only names no body
_SECOND_NAME = re.compile(r"[（(][^（）()]*[）)]$")
# 政府 between the region and a street office or a town (青禾市云岭区人民政府青石街道办事处): the district's government
# the office belongs to, not a part of the office's name
_GOV_BEFORE_TOWN = re.compile(r"^政府(?=.+(?:街道|镇|乡)$)")
# short forms of a body name: 政府办 is 政府办公室
_SHORT_BODY = {"政府办": "政府办公室"}


def normalise_name(name: str) -> str:
    """Whitespace, a second name in brackets and the usual long forms removed (人民政府 → 政府, a zone's 管理委员会 → 管委会,
    街道办事处 → 街道, 某某镇人民政府 → 某某镇)."""
    s = "".join(unicodedata.normalize("NFKC", name).split()).strip("《》“”\"")
    s = _SECOND_NAME.sub("", s) or s
    s = re.sub(r"(?<=[区园城])管理委员会", "管委会", s.replace("人民政府", "政府"))  # (a zone's: not 国有资产监督管理委员会)
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
    # (a zone named bare, 某某经济开发区: its managing body's, no government's)
    body = _GOV_BEFORE_TOWN.sub("", s) or ("管委会" if _ZONE_END.search(region) else "政府")
    body = _SHORT_BODY.get(body, body)
    if body == "政府" and not region:
        return None
    return region, body


# a body's name that says which kind of body it is but not where: a level's word for the place (区住建局, 县政府, 市政府办公室
# — the title of a page on the district's own site), or a township or street without its name
_PLACELESS = re.compile(BY_LEVEL + r".*|[镇乡]|街道")


def placeless(key: tuple[str, str] | None) -> bool:
    """Whether ``key`` names a kind of body but no place (``("", "区住建局")``, ``("", "县政府")``, ``("", "镇")``, a
    kind's word alone): every district's housing bureau may title its report so, so two such reports are one body's
    only where something else says so (the same folder, ``--previous``)."""
    return key is not None and not key[0] and (_PLACELESS.fullmatch(key[1]) is not None or kind_word_only(key[1]))


def key_text(key: tuple[str, str]) -> str:
    return key[0] + key[1]


def body_name(name: str | None) -> str | None:
    """The body key as text (``云岭区政府办公室``), None for no name or one of punctuation only."""
    key = body_key(name)
    text = key_text(key) if key else ""
    return text if _HAS_WORD.search(text) else None


Key = tuple[str, str]


class Grouping:
    """The bodies of one run: each body key → the text of the body it is grouped under.

    * An expected body of the configuration (``bodies``: ``(name, aliases)``) is the group of its name's key and of
      its aliases' keys, under its name's key text (an alias that is another body's name stays that body's).
    * A key without a region joins the one group with a region and the same body name (a report's or an expected
      body's name or alias), if there is exactly one; else it is its own.
    * The other way round: an expected body none of whose names states a region takes in the one key of the run
      with a region and one of its body names, if there is exactly one (and it is no other expected body's).
    * Any other key is its own group.
    """

    def __init__(self, keys: Iterable[Key], bodies: Iterable[tuple[str, Sequence[str]]] = ()):
        bodies = list(bodies)
        label: dict[Key, str] = {}
        configured: dict[str, list[Key]] = {}  # an expected body's text → the keys of its name and aliases
        for name, _aliases in bodies:
            own = body_key(name)
            if own is not None and own not in label:
                label[own] = key_text(own)
                configured[key_text(own)] = [own]
        for name, aliases in bodies:
            own = body_key(name)
            for alias in aliases if own is not None else ():
                k = body_key(alias)
                if own is not None and k is not None and k not in label:
                    label[k] = label[own]
                    configured[label[own]].append(k)
        every = set(keys) | label.keys()
        with_region: dict[str, list[Key]] = {}  # body name → the keys with a region
        for k in every:
            if k[0]:
                with_region.setdefault(k[1], []).append(k)

        def groups(name: str) -> set[str]:
            return {label.get(k) or key_text(k) for k in with_region.get(name, ())}

        for text, ks in configured.items():
            if any(k[0] for k in ks):
                continue
            found = [k for n in {k[1] for k in ks} for k in with_region.get(n, ()) if k not in label]
            if len(found) == 1 and not any(groups(k[1]) - {key_text(found[0])} for k in ks):
                label[found[0]] = text
        for k in every:
            if k not in label:
                # (a kind's word alone, 管委会 or 政府办公室, is no body's short name: not joined to the one zone's)
                near = groups(k[1]) if not k[0] and not kind_word_only(k[1]) else set()
                label[k] = near.pop() if len(near) == 1 else key_text(k)
        self._label = label

    def of(self, key: Key) -> str:
        """The text of the body ``key`` is grouped under."""
        return self._label.get(key) or key_text(key)

    def of_name(self, name: str | None) -> str | None:
        """The body an agency name is grouped under, None for no name."""
        k = body_key(name)
        return self.of(k) if k is not None else None


@dataclass
class RunBodies:
    """The bodies of a run's reports as the checks across reports group them: by path, and by the text of each
    report's own body key (``FileResult.report["body"]``)."""

    by_path: dict[str, str] = field(default_factory=dict)
    by_key: dict[str, str] = field(default_factory=dict)

    def update(self, other: RunBodies) -> None:
        self.by_path.update(other.by_path)
        self.by_key.update(other.by_key)


def group_keys(keys: Iterable[Key]) -> dict[Key, str]:
    """The body each key belongs to in one run, without expected bodies (:class:`Grouping`)."""
    keys = set(keys)
    g = Grouping(keys)
    return {k: g.of(k) for k in keys}
