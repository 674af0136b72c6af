"""``overview-topics`` (DL120): part 一 (总体情况) of a report in the 2021 format that does not touch one of the topics
the format names for it.

The format's instruction for （一）总体情况: 对本机关贯彻落实《条例》情况进行综述，主要包括主动公开、依申请公开、政府信息
管理、政府信息公开平台建设、监督保障.  Each topic is looked for by the words any account of it uses (a topic is
counted as touched when one of them appears anywhere in the part: 申请 for 依申请公开, 网站 or 公众号 for the
platforms, 培训 or 考核 for 监督保障 …), so only an overview that says nothing at all of a topic is reported — one
finding naming every topic missing.  Not judged: a part 一 the file stops in or before (DL002), a part of fewer
than ``min_chars`` characters (DL114's), a report of another format or year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from ..report.structure import EMPHASIS, plain_at_least
from ..userregex import compile_pattern
from . import register
from .base import Hit, Kind, KindOptions, UserPattern
from .structure import heading_rest

if TYPE_CHECKING:  # pragma: no cover
    from ..report import AnnualReport

# each topic's name (as the format writes it) and the words an account of it cannot do without
_TOPICS: dict[str, str] = {
    "主动公开": r"主动公开|主动发布|(?:公开|发布|推送)[^，。；,;]{0,8}?(?:信息|政策|文件|解读|动态|通知|公告)"
                r"|(?:公开|发布|推送|更新)[^，。；,;]{0,12}?\d+\s*[条篇件次期个]",
    "依申请公开": r"申请",
    "政府信息管理": r"管理|审核|审查|保密|清理|规范性文件|源头|三审三校|发布前|更新|维护|归档|目录|台账",
    "政府信息公开平台建设": r"平台|网站|网页|专栏|新媒体|公众号|微信|微博|公开栏|公示栏|公告栏|政务公开区|专区|[Aa][Pp][Pp]|客户端|抖音|视频号|门户|电子屏|显示屏",
    # (not the public's 监督权 nor 保障人民群众的知情权 of every opening: the public's rights, not the body's own checks)
    "监督保障": r"监督(?!权)|考核|培训|(?:监督|组织|工作|制度|机制)保障|保障(?:机制|措施|体系)|领导小组|责任|评议|问责"
                r"|督查|督导|检查|组织领导|工作要点",  # (not 制度, 机制 alone: 信息发布审核制度 is 政府信息管理)
}


# the default patterns as re runs them: the same texts match, but each alternative starts with a literal character
# (公开(?:…)|发布(?:…), not (?:公开|发布)…; A[Pp][Pp]|a[Pp][Pp], not [Aa][Pp][Pp]; 监督保障|组织保障…, not (?:监督|组织…)保障)
# so that re skips at once the characters none of them starts with — with one alternative opening with a group or a
# class, every alternative is tried at every character of a part that does not touch the topic early, several times
# slower.  (The defaults above stay as written: what the documentation and a configuration show.)
_WHAT = r"[^，。；,;]{0,8}?(?:信息|政策|文件|解读|动态|通知|公告)"
_COUNTED = r"[^，。；,;]{0,12}?\d+\s*[条篇件次期个]"
_AS_RUN: dict[str, str] = {
    _TOPICS["主动公开"]: r"主动公开|主动发布" + "".join(f"|{verb}(?:{_WHAT}|{_COUNTED})" for verb in ("公开", "发布", "推送"))
                     + f"|更新{_COUNTED}",
    _TOPICS["政府信息公开平台建设"]: _TOPICS["政府信息公开平台建设"].replace("[Aa][Pp][Pp]", "A[Pp][Pp]|a[Pp][Pp]"),
    _TOPICS["监督保障"]: _TOPICS["监督保障"].replace("(?:监督|组织|工作|制度|机制)保障", "监督保障|组织保障|工作保障|制度保障|机制保障"),
}


# where a sentence ends: one naming part 一's title among the others is the opening's list of the parts
_SENTENCE_END = re.compile(r"[。；;\n]")


class OverviewTopicsOptions(KindOptions):
    topics: dict[str, UserPattern] = Field(default_factory=lambda: dict(_TOPICS),
                                   description="总体情况应写到的各项（名称 → 写到这一项时必然出现的词，正则表达式）")
    min_chars: int = Field(default=10, ge=1, description="总体情况少于多少字时不检查（由 DL114 报告）")


@register
class OverviewTopics(Kind[OverviewTopicsOptions]):
    name = "overview-topics"
    Options = OverviewTopicsOptions
    params = frozenset({"section", "missing", "count"})

    def __init__(self, rule, options, config):
        super().__init__(rule, options, config)
        # (a configuration's patterns run with a time bound, the tool's own as plain re: ..userregex; a default
        # pattern as re runs it best: _AS_RUN)
        self._topics = [(name, compile_pattern(_AS_RUN.get(words, words))) for name, words in options.topics.items()]

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        if report.format_version != "2021" or report.year is None or report.year < 2021:
            return
        st = report.structure
        sec = st.by_id.get("s1")
        if sec is None or "s2" not in st.by_id or sec.id in report.unchecked_parts:
            return  # (a part 一 the file stops in, or the only part read: what it lacks may have been cut off)
        cut = report.truncation
        if cut is not None and cut.section in (None, "s1"):
            return
        # (the words after the title on its own line, 一、总体情况：2023年，本局…, are the part's, as for DL114)
        texts = [heading_rest(sec), *(b.text for b in st.body(sec) if b.kind in ("heading", "paragraph", "list_item"))]
        # (not the opening's list of the six parts, when part 一 holds it: 由总体情况、主动公开政府信息情况、收到和处理
        # 政府信息公开申请情况…组成 names the parts, it gives no account of them)
        # (split, not a pattern around 总体情况: a run of text without a full stop would be scanned once per character)
        # (emphasis marks are looked for first: a part without any, the common case, is not run through EMPHASIS — a
        # pattern of no literal first character, tried at every position)
        text = "\n".join(texts)
        if "*" in text or "_" in text or "<" in text:
            text = "\n".join(EMPHASIS.sub("", t) for t in texts)
        text = "\n".join(x for x in _SENTENCE_END.split(text) if "总体情况" not in x)
        if not plain_at_least(text, self.options.min_chars):
            return  # nothing or next to nothing: DL114's
        missing = [name for name, words in self._topics if words.search(text) is None]
        if not missing:
            return
        heading = sec.heading
        yield Hit(block=heading, start=0, end=len(heading.text), match=heading.text,
                  params={"section": sec.label, "missing": "、".join(missing), "count": len(missing)},
                  evidence={"expected": "、".join(name for name, _ in self._topics), "actual": "缺少：" + "、".join(missing),
                            "missing": missing},
                  key="overview-topics")
