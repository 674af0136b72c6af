"""Content-safety kinds: what must never be on a published government page.

``injected-spam``
    Gambling / betting promotion injected into the text by an attacker: a configurable term list,
    and the shapes of :mod:`disclosure_lint.report.promotions` (a brand — Latin letters, digits, a
    known gambling brand or a word that is no ordinary word — before 体育/娱乐/棋牌/彩票/电子/真人
    and a promotion tail such as 官网/APP/注册送/彩金, or a count in a list of counts).  Ordinary
    words such as 体育局, 文化体育, 体育场馆 and 体育彩票公益金 do not match; a term the sentence
    describes — enforcement (捣毁百家乐网络赌博平台), a warning (切勿点击“注册送彩金”) — is exempt
    (:mod:`disclosure_lint.report.gambling_context`).
``hidden-injection``
    A block of a web page hidden from its readers (:mod:`disclosure_lint.report.hidden`) that holds
    promotion text, or links to other sites when it is hidden inside the report body or the way only
    attackers hide (off-screen, a one-pixel marquee): the classic "暗链".
``template-placeholder``
    Template text left unfilled: XX / ××× / ＊＊ / ○○ / □□, 【填写…】, （文字描述…）, 此处填写, 20XX年.
``resident-id-number``
    18-digit resident identity numbers with a valid GB 11643 check digit, reported masked.
``mobile-number``
    Mainland mobile numbers (1[3-9] + 9 digits), reported masked.  Numbers inside the page footer a crawler
    kept (``report.portal``: 主办单位 … 值班手机 … 网站标识码 …) are the site's and not reported.

Every kind scans prose blocks and, for tables, each cell (so the pointer names row and column).
Personal numbers never appear unmasked in messages, matches, evidence or fingerprints.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from ..report import gambling_context, promotions
from ..report.alternation import AnyOf, holding
from ..report.hidden import ATTACKER_ONLY, covering, registrable
from ..report.promotions import url_spans
from ..report.site_hosts import copy_note, in_name_place
from ..report.spam_extent import term_extent
from ..userregex import BoundedPattern, compile_pattern
from . import register
from .base import CappedOptions, FixEdit, Hit, Kind, KindOptions, PatternList

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Block
    from ..report import AnnualReport

_TAG = re.compile(r"<[^<>]*>")


def _segments(report: AnnualReport, gate: re.Pattern[str] | BoundedPattern | AnyOf,
              blocks: list[Block] | None = None, no_nul: bool = False) -> Iterator[tuple]:
    """(block, cell or None, text) for every prose block and every table cell in which ``gate``
    finds something.  A table is skipped at once when its whole text (cells joined by tabs)
    does not match, so long statistics tables cost one search, not one per cell.  ``blocks``: the
    blocks to look in, when known to hold every one of the report's in which ``gate`` finds something.
    ``no_nul``: ``gate`` (one of the tool's) matches no NUL character and looks at none around a match."""
    if blocks is None:
        blocks = report.lintable_blocks
    joined = no_nul and isinstance(gate, (re.Pattern, AnyOf))
    if joined:
        # the blocks found by one search over their texts joined by NULs (a search per block cost more in calls
        # than in scanning)
        texts = [b.text for b in blocks]
        found = gate.holding(texts, "\0") if isinstance(gate, AnyOf) else holding(texts, gate.search, "\0")
        blocks = [blocks[k] for k in found]
    for block in blocks:
        if not joined and (not block.text or gate.search(block.text) is None):
            continue
        if block.kind == "table" and block.table is not None:
            for cell in block.table.cells():
                if cell.text and gate.search(cell.text) is not None:
                    yield block, cell, cell.text
        else:
            yield block, None, block.text


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _hit(block, cell, start: int, end: int, **kw) -> Hit:
    if cell is not None:
        return Hit(block=block, cell=cell, start=start, end=end, **kw)
    return Hit(block=block, start=start, end=end, **kw)


# ---------------------------------------------------------------------------------------
# DL501 injected-spam, DL505 hidden-injection
# ---------------------------------------------------------------------------------------

_HOW = {"display:none": "样式 display:none", "visibility:hidden": "样式 visibility:hidden",
        "hidden attribute": "hidden 属性", "opacity:0": "透明度为0", "off-screen": "定位到屏幕之外",
        "zero-size": "宽或高为0且超出部分隐藏", "font-size:0": "字号为0", "marquee": "1像素的滚动字幕（marquee）",
        "page-title": "网页标题 <title>，只显示在浏览器标签和搜索结果中",
        "meta-keywords": "网页关键词 <meta name=\"keywords\">，只供搜索引擎读取",
        "meta-description": "网页描述 <meta name=\"description\">，只供搜索引擎读取和在搜索结果中显示",
        "meta-title": "网页分享标题 <meta>，只供搜索引擎和社交平台读取",
        "script-written": "由脚本 document.write 写入，不在网页的正文文字中"}


def _reason(p) -> str:
    """Why a promotion is suspected, in words: what the brand is and what follows it."""
    sig = p.signals
    if "known-brand" in sig:
        what = f"赌博网站品牌“{p.brand}”加“{p.core}”"
    elif "latin-brand" in sig or "digit-brand" in sig:
        what = f"{'字母' if 'latin-brand' in sig else '数字'}品牌“{p.brand}”加“{p.core}”"
    elif "new-brand" in sig:
        what = f"非常用词“{p.brand}”加“{p.core}”"
    else:
        return "已知赌博推广用语"
    if p.tail:
        what += f"和推广用语“{p.tail}”"
    if "firm-name" in sig:
        what += "，连同公司名称的字样"
    if "count-list" in sig:
        what += "，夹在信息数量清单中，疑似替换了原文"
    if "body-after" in sig:
        what += "，后接机关名称（“办公厅”“人民政府”），疑似替换了发文机关的名称"
    if "issued-after" in sig:
        what += "，夹在发文机关和所印发文件的名称之间，疑似替换了“关于印发”"
    if "same-phrase" in sig:
        what += "，与本文别处已认定的植入内容相同"
    return what


class InjectedSpamOptions(CappedOptions):
    terms: list[str] = Field(default_factory=lambda: list(promotions.SPAM_TERMS),
                             description="赌博广告关键词（不区分大小写的字面匹配）")
    patterns: PatternList = Field(default_factory=lambda: list(promotions.SPAM_PATTERNS),
                                description="额外的正则表达式")
    brand_patterns: bool = Field(default=True,
                                 description="按形式查找新品牌：“品牌＋体育/娱乐/棋牌/彩票/电子/真人＋官网/APP/注册送/数量…”")
    ordinary_prefixes: list[str] = Field(default_factory=list,
                                         description="在内置常用词之外，不视为品牌的用语（如本地的“某某体育”）")
    allow: list[str] = Field(default_factory=lambda: list(promotions.SPAM_ALLOW),
                             description="包含命中词的正常用语；命中位于其中时不报告")
    exempt_before: list[str] = Field(default_factory=lambda: list(gambling_context.BEFORE),
                                     description="命中词前 context_window 个字符内（同一句）出现这些词时视为执法表述，不报告")
    exempt_after: list[str] = Field(default_factory=lambda: list(gambling_context.AFTER),
                                    description="命中词后紧接这些词时视为执法表述，不报告")
    exempt_warning: list[str] = Field(default_factory=lambda: list(gambling_context.WARNING),
                                      description="同一句中出现这些提醒、警示用语时不报告（推广从不提醒读者）")
    gambling_words: list[str] = Field(default_factory=lambda: list(gambling_context.GAMBLING),
                                      description="把赌博当作违法行为来叙述的用语（赌博、涉赌……）：与 enforcement_words 同句，"
                                                  "或命中词加引号、后接“等”时不报告")
    enforcement_words: list[str] = Field(default_factory=lambda: list(gambling_context.ENFORCEMENT),
                                         description="执法、案件用语（捣毁、破获、查处、犯罪……），与 gambling_words 同句时不报告")
    context_window: int = Field(default=10, ge=0, le=60, description="exempt_before 的查找范围（字符数）")


@register
class InjectedSpam(Kind[InjectedSpamOptions]):
    """Promotion phrases in the text readers see: the term list, and the shapes of :mod:`report.promotions`.

    Phrases inside content the web page hides are said to be about that element (``hidden:N``, :attr:`.base.Hit.about`):
    when ``hidden-injection`` runs and reports the element (DL501 names DL505 in ``covered_by``), they are left to it
    (one finding per hidden block); otherwise this rule reports them.
    """

    name = "injected-spam"
    any_page = True
    Options = InjectedSpamOptions
    params = frozenset({"term", "reason", "copy"})

    def __init__(self, rule, options, config):
        super().__init__(rule, options, config)
        o = self.options
        source = promotions.term_pattern(o.terms, o.patterns)  # user patterns: time-bounded (..userregex)
        self._re = compile_pattern(source) if source is not None else None
        self._gate = self._re if self._re is not None else re.compile(r"(?!)")
        if isinstance(self._re, re.Pattern) and source == promotions.TERMS_PATTERN:
            self._gate = promotions.TERMS_GATE  # the tool's own lists: the same blocks and cells, found faster
        allow = sorted({a for a in o.allow if a}, key=lambda w: (-len(w), w))
        self._allow = re.compile("|".join(map(re.escape, allow))) if allow else None
        self._ordinary = frozenset(o.ordinary_prefixes)
        self._exempt = gambling_context.Context(o.exempt_before, o.exempt_after, o.exempt_warning, o.gambling_words,
                                                o.enforcement_words, o.context_window)

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        # (block index, cell row, cell col) → [(start, end, block, cell, promotion, hidden element's index or None)]
        found: dict[tuple, list] = {}
        hidden = report.hidden
        index = {id(h): i for i, h in enumerate(hidden)} if hidden else {}
        with_terms: set[int] = set()  # hidden elements a term was found in (their visible copy)
        if self._re is not None:
            # the tool's own terms: only in the blocks where the promotions are looked for (TERMS_GATE is part of
            # that scan's pattern), not in every block again
            blocks = report.spam_blocks if self._gate is promotions.TERMS_GATE else None
            for block, cell, text in _segments(report, self._gate, blocks, self._gate is promotions.TERMS_GATE):
                for m in self._re.finditer(text):
                    if promotions.ordinary_term(text, m.start(), m.end()):
                        continue  # 彩金饰品, 儿童娱乐城, 注册送章, 星空体育用品商店
                    h = covering(hidden, cell if cell is not None else block, m.start()) if hidden else None
                    i = index[id(h)] if h is not None else None
                    if i is not None:
                        with_terms.add(i)
                    s, e = term_extent(text, m.start(), m.end())  # (…_beat365手机版客户端ios: the whole insertion)
                    found.setdefault(_where(block, cell), []).append((s, e, block, cell, None, i))
        if self.options.brand_patterns:
            for p in report.promotions:
                if set(p.signals) - {"term"} and p.brand not in self._ordinary:
                    i = index.get(id(p.hidden)) if p.hidden is not None else None
                    if i is not None and i in with_terms:
                        continue  # that hidden element is reported once already, where its copy is in the text
                    found.setdefault(_where(p.block, p.cell), []).append((p.start, p.end, p.block, p.cell, p, i))
        copy = copy_note(report, in_name_place(found.values())) if found else ""  # (a mirror's copy: most likely its spam)
        for key in sorted(found):  # the engine caps them (max_findings, else limits.max_findings_per_rule)
            yield from self._emit(found[key], copy)

    def _emit(self, spans: list, copy: str = "") -> Iterator[Hit]:
        """Merge the overlapping or adjoining spans of one block or cell (365bet(中国)官方网站: one insertion) and those
        one run apart (威廉希尔_威廉博彩app, 立博平台,立博官网: :func:`.promotions.one_insertion`), drop allowed and exempt ones, make
        hits."""
        spans.sort(key=lambda t: (t[0], -t[1]))
        merged: list[list] = []
        block, cell = spans[0][2], spans[0][3]
        text = cell.text if cell is not None else block.text
        for s, e, block, cell, p, h in spans:
            if merged and e - merged[-1][0] <= _MAX_INSERTION and (
                    s <= merged[-1][1] or promotions.one_insertion(text, merged[-1][0], merged[-1][1], s)):
                last = merged[-1]
                last[1] = max(last[1], e)
                last[4] = last[4] or p
                if h is not None:
                    last[5].add(h)
                continue
            merged.append([s, e, block, cell, p, set() if h is None else {h}])
        for span in merged:  # (金博·体育(中国)官方网站, 2024欧洲杯在哪投注, bet365亚洲官网: what beside a match belongs to it)
            span[0], span[1] = promotions.widened_start(text, span[0]), promotions.widened_end(text, span[1])
        allowed = [x.span() for x in self._allow.finditer(text)] if self._allow is not None else []
        k = 0
        for s, e, block, cell, p, hs in merged:
            while k < len(allowed) and allowed[k][1] <= s:
                k += 1
            if k < len(allowed) and allowed[k][0] < e:
                continue  # inside an allowed phrase (体育投注站)
            if self._exempt(text, s, e) is not None:
                continue
            term = text[s:e]
            evidence = {"actual": term, "expected": "删除（疑似被植入的赌博推广）",
                        "context": text[max(0, s - 12):e + 12]}
            if p is not None:
                evidence.update(brand=p.brand, trigger=p.trigger, signals=list(p.signals))
            yield _hit(block, cell, s, e, params={"term": term, "reason": _reason(p) if p else "已知赌博推广用语", "copy": copy},
                       evidence=evidence, key=f"spam:{term}",
                       about=tuple(f"hidden:{i}" for i in sorted(hs)))


# the longest insertion one finding quotes (a real hijacked title's chain is a few dozen characters): a line of a
# million promotion words is many findings, which the engine caps, not one message of a million characters
_MAX_INSERTION = 200


def _where(block, cell) -> tuple:
    return (block.index, id(block), cell.row if cell is not None else -1, cell.col if cell is not None else -1)


class HiddenInjectionOptions(CappedOptions):
    allow_hosts: list[str] = Field(default_factory=list,
                                   description="不视为站外的网站域名（如本单位的其他网站，写 example.com 形式）")
    chrome: bool = Field(default=False, description="用 display:none 等常见方式折叠的区块（菜单、选项卡、弹窗）"
                                                     "中的站外链接也报告（默认只报告含推广文字的）")


@register
class HiddenInjection(Kind[HiddenInjectionOptions]):
    """Hidden HTML content with promotion text or off-site links (see :mod:`report.hidden`).

    A hidden block is reported when it holds a promotion phrase; or when its links go off-site and it
    is hidden inside a sentence of the report body (a span, a link, a font element), or hidden the way
    only attackers hide (off-screen, a one-pixel marquee).  Menus, tabs, accordions and pop-ups folded
    with display:none and linking to other sites are ordinary and stay quiet unless ``chrome`` is set.
    """

    name = "hidden-injection"
    any_page = True
    Options = HiddenInjectionOptions
    params = frozenset({"how", "detail"})

    def __init__(self, rule, options, config):
        super().__init__(rule, options, config)
        self._allow = frozenset(registrable(h) for h in self.options.allow_hosts if h.strip())
        self._exempt = gambling_context.Context()

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        if not report.hidden:
            return
        promos: dict[int, list] = {}
        for p in report.promotions:
            if p.hidden is not None and self._exempt(p.block.text, p.start, p.end) is None:
                promos.setdefault(id(p.hidden), []).append(p)
        for i, h in enumerate(report.hidden):  # the engine caps them (max_findings, else limits.max_findings_per_rule)
            hit = self._hit(h, promos.get(id(h), []))
            if hit is not None:
                hit.about = (f"hidden:{i}",)  # what injected-spam leaves to this rule (covered_by in DL501's file)
                yield hit

    def _hit(self, h, found: list) -> Hit | None:
        off = [k for k in h.offsite_links if registrable(k.host) not in self._allow]
        if not found and not (off and (h.how in ATTACKER_ONLY or (h.in_body and h.inline) or self.options.chrome)):
            return None
        text = h.block.text
        hosts = list(dict.fromkeys(k.host for k in off))
        shown = "、".join(hosts[:3]) + (f"等{len(hosts)}个网站" if len(hosts) > 3 else "")
        if found:
            first = found[0]
            start, end = first.start, first.end
            detail = f"推广文字“{first.phrase}”"
            if len(found) > 1:
                detail += f"等{len(found)}处"
            if off:
                detail += f"，链接指向站外网站 {shown}"
        else:
            start, end = off[0].start, off[0].end
            label = text[start:end] or "（无文字）"
            detail = f"{len(off)}个链接指向站外网站 {shown}（链接文字“{label}”）"
        how = _HOW.get(h.how, h.how)
        if h.via == "script" and h.how != "script-written":
            how += "，由脚本 document.write 写入"
        return Hit(block=h.block, start=start, end=end, match=text[start:end] or None,
                   params={"how": how, "detail": detail},
                   evidence={"actual": detail, "expected": "删除隐藏内容并排查网站是否被篡改", "how": h.how,
                             "element": h.element, "in_body": h.in_body,
                             "phrases": [p.phrase for p in found],
                             "links": [{"href": k.href, "host": k.host, "text": text[k.start:k.end]} for k in off]},
                   pointer=f"<{h.element}>" if h.via == "head" else f"隐藏元素 <{h.element}>",
                   key=f"hidden:{h.how}:{found[0].phrase if found else '、'.join(hosts)}")


# ---------------------------------------------------------------------------------------
# DL502 template-placeholder
# ---------------------------------------------------------------------------------------

_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范廖贾夏韦付傅方白邹孟熊秦邱尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤")
# After these, an X run stands for a name of a place/body or a quantity, not a masked person.
_PLACEHOLDER_FOLLOW = frozenset("局镇区县市乡村街道办委厅处科室省州盟旗部署院所站队年月日号条件项个次万元亿人户家份篇期届批")
_CN_DIGITS = frozenset("一二三四五六七八九十〇零○百千")

_PH_BASE = (
    r"(?P<year>(?<![0-9A-Za-z])(?:19|20)(?:[Xx×＊*]{2}|[0-9][Xx×＊*])\s*年(?:\s*[Xx×]{1,2}\s*月"
    r"(?:\s*[Xx×]{1,2}\s*日)?)?)"
    r"|(?P<ymd>(?<![0-9])(?:19|20)[0-9]{2}\s*年\s*(?:[Xx×]{1,2}\s*月(?:\s*(?:[Xx×]{1,2}|[0-9]{1,2})\s*日)?"
    r"|[0-9]{1,2}\s*月\s*[Xx×]{1,2}\s*日))"
    r"|(?P<md>(?<=[年月])[Xx×]{1,2}(?=[月日]))"
    r"|(?P<blankdate>(?:(?<![0-9])(?:19|20)[0-9]{2})?[ \u3000\xa0]*年[ \u3000\xa0]{1,8}月[ \u3000\xa0]{1,8}日"
    r"|(?<![0-9])(?:19|20)[0-9]{2}[ \u3000\xa0]*年[ \u3000\xa0]{0,3}[0-9]{1,2}[ \u3000\xa0]{0,3}月[ \u3000\xa0]{1,8}日)"
    r"|(?P<bracket>[【\[［〔]\s*(?:请|在此|此处)?\s*(?:填写|填报|填入|输入|待填|待补充|待定|文字描述)(?!说明|要求|指南)"
    r"[^【】\[\]［］〔〕\n]{0,40}[】\]］〕](?!\())"
    r"|(?P<paren>[（(]\s*(?:请|在此|此处)?\s*(?:(?:填写|填入|待填|待补充)(?:[^（）()\n]{0,20}?"
    r"(?:名称|数字|数据|数量|日期|时间|内容|情况|事项|全称|单位|金额))?|文字描述[^（）()\n]{0,60}?)\s*[）)])"
    r"|(?P<asked>[（(]\s*(?:请\s*)?(?:根据|按照|按|结合)\s*(?:实际|本单位|本机关)[^（）()\n]{0,8}?(?:填写|填报|填入)\s*[）)])"
    r"|(?P<herefill>[【\[［〔（(]\s*(?:请\s*)?(?:在此处|在此|此处)\s*(?:填写|填入|输入|录入|填报)"
    r"[^【】\[\]［］〔〕（）()\n]{0,30}[】\]］〕）)])"
    r"|(?P<phrase>(?:此处|在此)(?:填写|填入|输入|录入|填报))"
    r"|(?P<num>(?<![0-9A-Za-z.])[0-9]{1,6}[XxＸｘ]{2,4}(?=\s*(?:件|条|个|次|人|项|篇|期|户|家|万|元|份|起|批)))"
    r"|(?P<x>[XxＸｘ]{2,})"
    # stars for a number not filled in (全年发布**条, 公示率***%, ****年度; not Markdown's **bold**: a unit after them)
    r"|(?P<stars>(?<![*])\*{2,4}(?=[条件个次人项篇期户家万元份起批%％]|年度))"
    # a bracketed note of what to write (《[具体地名]镇人民政府…》, 门户网站(具体网址)查阅)
    r"|(?P<what>[\[［【（(]\s*具体(?:地名|网址|名称|数字|数据|日期|时间|内容|单位|金额|事项)\s*[\]］】）)])"
    # the format's note on what part 一 reports, copied in as the part's text (主要报告本机关上一年度政府信息公开工作总体情况，
    # 重在聚焦主题主线，对本机关贯彻落实…情况进行综述): what to write, never what a body writes of itself
    r"|(?P<guide>(?:这一项|本项|此项|主要)报告本机关(?:上一?年度)?政府信息公开工作(?:总体)?情况"
    r"(?=[，,]\s*(?:重在聚焦|对本机关贯彻落实))"
    # … or its second half alone, with what it lists (主要本机关贯彻落实《条例》情况进行综述，主要包括主动公开、依申请公开…:
    # a clerk's own 对本机关贯彻落实…情况进行综述 does not go on so)
    r"|(?:对|主要)?本机关贯彻落实[^。；;，,\n]{0,40}?情况进行综述(?=[，,]\s*主要包括主动公开、依申请公开))"
    # what to write where the body's name goes (请与行政机关规范全称联系, （机关规范全称）): the template's note
    r"|(?P<fullname>[（(]\s*(?:行政)?机关规范全称\s*[）)]|(?<=请与)\s*(?:行政)?机关规范全称(?=\s*联系))"
    # a template's typesetting note left after a title (一、总体情况(宋体加粗小四号字)): how to print it, to be deleted
    r"|(?P<layout>[（(]\s*(?:宋体|黑体|仿宋|楷体|小标宋|方正[\u4e00-\u9fff]{1,8}?)(?:_?GB2312)?[^（）()\n]{0,10}?"
    r"(?:[初小]?[一二三四五六七八]号字?|加粗|字号)[^（）()\n]{0,8}[）)])"
)
# A sentence that says its XX / ×× masks a name (（小区名称已作脱敏处理）, 已隐去): masking, not a placeholder.
_MASKING = re.compile(r"脱敏|隐去|隐名|匿名处理|化名|已作技术处理|已做技术处理|隐藏处理")
_SENTENCE_STOP = re.compile(r"[。！？!?；;\n]")
_SENTENCE_REACH = 100


def _bold_marker(text: str, s: int, e: int) -> bool:
    """Whether the stars at ``s:e`` open or close a bold run (another ``**`` on the same line within a few words)."""
    line_start = text.rfind("\n", 0, s) + 1
    line_end = text.find("\n", e)
    line_end = len(text) if line_end < 0 else line_end
    return "**" in text[max(line_start, s - 40):s] or "**" in text[e:min(line_end, e + 30)]


def _led(chars: str, rest: str) -> list[str]:
    """``[chars]rest`` as one branch per character: each branch led by a literal, so that a search of their
    alternation skips ahead by the set of the leading characters (a leading class defeats that)."""
    return [re.escape(c) + rest for c in chars]


def _x_led(c: str) -> str:
    """The year's branch (19 or 20, a digit or not, then ``c``) and the month's or day's (年 or 月 then ``c``) led by
    their ``c``, what comes before it a look-behind (``\\d?`` as two, with the digit and without)."""
    x = re.escape(c)
    behind = [f"(?<=(?:19|20){x})", rf"(?<=(?:19|20)\d{x})", *([f"(?<=[年月]{x})"] if c in "Xx×" else [])]
    return x + "(?:" + "|".join(behind) + ")"


# Cheap first look: a block without any of these cannot hold a placeholder (written branch by branch, each led
# by a literal: ``[XxＸｘ]{2}|(?:19|20)\d?[Xx×＊*]|[年月][Xx×]|此处|在此|[【\[［〔（(]\s*(?:请|在此|此处)?\s*(?:填|…)``).
# The year and the month or day led by their X (what comes before it a look-behind: \d? as two, with and without
# the digit), 此处 and 在此 by 此: a search is tried at these rare characters, not at every 1, 2, 年, 月 and 在 of a
# report (finds something in the same texts, tests/test_fast_paths.py)
_TRIGGER_BASE = "|".join([*_led("XxＸｘ", "[XxＸｘ]"), *map(_x_led, "Xx×＊*"), "此(?:处|(?<=在此))",
                          *(f"{c}(?<=年{c})[ \u3000\xa0]{{0,7}}月[ \u3000\xa0]{{1,8}}日" for c in " \u3000\xa0"),
                          *(f"{c}(?<=月{c})[ \u3000\xa0]{{0,7}}日" for c in " \u3000\xa0"),
                          *_led("【[［〔（(", r"\s*(?:请|在此|此处)?\s*(?:填|输入|待|文字描述|具体)"), "报告本机关", "本机关贯彻落实",
                          *_led("（(", r"\s*(?:请\s*)?(?:根据|按照|按|结合)\s*(?:实际|本单位|本机关)"),
                          r"\*\*(?=[*条件个次人项篇期户家万元份起批%％]|年度)", "机关规范全称",
                          *_led("（(", r"\s*(?:宋体|黑体|仿宋|楷体|小标宋|方正)")])


# what may come before a bare 此处填写 / 在此填写 left by the template: the start of the text, a mark or a space, or 请
_PHRASE_LEFT = frozenset("。！？!?；;：:，,、（(【[［〔“\"'‘《 \u3000\t\n")


def _phrase_stands_alone(text: str, s: int) -> bool:
    """Whether the bare phrase at ``s`` (``此处填写``, ``在此填写``, not in brackets) is the template's instruction — at
    the start of the text or after a mark (``情况：此处填写``), or asked (``请在此处填写``) — and not words of a sentence
    about a form or a page (``公众可在此填写申请信息``, ``已在此处填写完毕``)."""
    k = s - 1 if s > 0 and text[s - 1] == "在" else s  # 在此处填写: the phrase matched from 此
    if k > 0 and text[k - 1] == "请":
        return True
    return k == 0 or text[k - 1] in _PHRASE_LEFT


class TemplatePlaceholderOptions(KindOptions):
    letters: bool = Field(default=True, description="检查 XX、XXX 形式的字母占位符")
    symbols: str = Field(default="×＊○□", description="连续出现两个及以上即视为占位符的符号")
    exempt_masked_names: bool = Field(
        default=True, description="“张××”“王＊＊”等姓氏后的脱敏姓名不报告（后接局、镇、年、条等时仍报告）")


@register
class TemplatePlaceholder(Kind[TemplatePlaceholderOptions]):
    name = "template-placeholder"
    Options = TemplatePlaceholderOptions
    params = frozenset({"placeholder", "what", "advice"})

    def __init__(self, rule, options, config):
        super().__init__(rule, options, config)
        syms = "".join(dict.fromkeys(self.options.symbols))
        sym_alt = "|".join(f"{re.escape(c)}{{2,}}" for c in syms)
        self._re = re.compile(_PH_BASE + (f"|(?P<sym>{sym_alt})" if syms else ""))
        self._trigger = re.compile("|".join([_TRIGGER_BASE, *_led(syms, f"[{re.escape(syms)}]")]))
        self._no_nul = "\0" not in syms  # _TRIGGER_BASE matches no NUL; a symbol may be one

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        markdown = report.document.format not in ("text", "html")  # (stars are markup only where markup is read)
        hits = self._hits(report, markdown)
        stars = [h for h in hits if h.params["placeholder"].strip("*") == ""]
        if len(stars) >= _MASKED_MIN and not markdown and _masked_numbering(report) and not _digit_in_prose(report):
            # no digit in the whole text, every count a run of stars (全年发布**条) and even a list's number (*.线下平台):
            # a reposting site masked the digits — one warning, not an error at each
            first = stars[0]
            yield Hit(block=first.block, start=first.start, end=first.end, cell=first.cell, severity="warning",
                      params={"placeholder": first.params["placeholder"], "what": "的数字都显示为星号，例如",
                              "advice": f"共{len(stars)}处，正文中没有一个阿拉伯数字：像是转载网站遮挡了数字，不是报告"
                                        "留下的占位符；请对照发布原文核实，若原文如此，应填写实际数字"},
                      evidence={"actual": f"{len(stars)}处星号，没有数字", "expected": "实际数字", "masked": len(stars)},
                      key="ph:masked-digits")
            masked = {id(h) for h in stars}
            hits = [h for h in hits if id(h) not in masked]
        yield from hits

    def _hits(self, report: AnnualReport, markdown: bool) -> list[Hit]:
        out: list[Hit] = []
        for block, cell, text in _segments(report, self._trigger, no_nul=self._no_nul):
            urls = None
            for m in self._re.finditer(text):
                kind = m.lastgroup
                s, e = m.span()
                if kind == "num" and not self.options.letters:
                    continue  # 20XX件: a count not filled in
                if kind == "phrase" and not _phrase_stands_alone(text, s):
                    continue  # 公众可在此填写申请信息, 已在此处填写完毕: what a sentence says, not a blank
                if kind == "stars" and markdown and _bold_marker(text, s, e):
                    continue  # **条例**规定, 公开信息**120**条: Markdown's bold, not a blank
                if kind in ("x", "sym") and _masking_said(text, s, e):
                    continue  # “XX小区消防验收情况”（小区名称已作脱敏处理）
                if kind == "x":
                    if not self.options.letters:
                        continue
                    if urls is None:
                        urls = url_spans(text)
                        if block.kind == "html" and cell is None:
                            urls += [t.span() for t in _TAG.finditer(text)]  # <div class="xx-nav">
                    if not self._x_ok(text, s, e, urls):
                        continue
                elif kind == "sym":
                    ch = text[s]
                    if ch == "○" and ((s > 0 and text[s - 1] in _CN_DIGITS)
                                      or (e < len(text) and text[e] in _CN_DIGITS)):
                        continue  # 二○○九年: ○ used as a zero
                    if ch in "×＊" and self._masked_name(text, s, e):
                        continue
                ph = m.group(0)
                layout = kind == "layout"
                out.append(_hit(block, cell, s, e, params={"placeholder": ph,
                                                           "what": "残留模板的排版说明" if layout else "残留模板占位符",
                                                           "advice": "应删除" if layout else "内容未填写完整，应替换为实际内容"},
                                evidence={"actual": ph, "expected": "实际内容", "context": text[max(0, s - 12):e + 12]},
                                key=f"ph:{text[max(0, s - 6):e + 6]}"))
        return out

    def _x_ok(self, text: str, s: int, e: int, urls) -> bool:
        prev = text[s - 1] if s > 0 else ""
        nxt = text[e] if e < len(text) else ""
        if (prev and prev.isascii() and (prev.isalnum() or prev in "_/.")) or \
                (nxt and nxt.isascii() and (nxt.isalnum() or nxt in "_/")):
            return False  # part of a word, number, path or roman numeral (XXI)
        if _inside(urls, s, e):
            return False
        if text.startswith("世纪", e):
            return False  # XX世纪 (roman numeral)
        p2 = _neighbour(text, s - 1, -1)
        n2 = _neighbour(text, e, 1)
        if p2 and n2 and p2.isascii() and p2.isalpha() and n2.isascii() and n2.isalpha():
            return False  # English text
        return not self._masked_name(text, s, e)

    def _masked_name(self, text: str, s: int, e: int) -> bool:
        if not self.options.exempt_masked_names or s == 0 or text[s - 1] not in _SURNAMES:
            return False
        nxt = text[e] if e < len(text) else ""
        return nxt not in _PLACEHOLDER_FOLLOW


_MASKED_MIN = 3  # counts written as stars, in a text without a digit, that make the digits masked, not blanks
_DIGIT = re.compile(r"[0-9０-９]")
_STAMP = re.compile(r"(?<!\d)(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?!\d)")


_STAR_NUMBER = re.compile(r"\*{1,3}\s*[.、．](?=[\u4e00-\u9fff])")  # *.线下平台: a list's number masked


def _masked_numbering(report: AnnualReport) -> bool:
    """Whether a paragraph of the report is numbered by stars (*.线下平台): no clerk's blank, a site's masked digit."""
    return any(_STAR_NUMBER.match(b.text) for b in report.lintable_blocks if b.text.startswith("*"))


def _digit_in_prose(report: AnnualReport) -> bool:
    """Whether any block of the report's own text holds a digit (not the page's lines, nor a site's date stamp
    浙江/杭州-2026-01-19 00:00:00: a reposting site's own)."""
    portal = report.portal
    return any(_DIGIT.search(_STAMP.sub("", b.text)) for b in report.lintable_blocks
               if not portal.is_line(b) and _DIGIT.search(b.text))


def _masking_said(text: str, s: int, e: int) -> bool:
    """Does the sentence holding ``text[s:e]`` say that it masks a name (脱敏, 隐去, 化名 …)?"""
    lo = max(0, s - _SENTENCE_REACH)
    start = max((m.end() for m in _SENTENCE_STOP.finditer(text, lo, s)), default=lo)
    stop = _SENTENCE_STOP.search(text, e, e + _SENTENCE_REACH)
    end = stop.end() if stop else min(len(text), e + _SENTENCE_REACH)
    return _MASKING.search(text, start, end) is not None


def _neighbour(text: str, i: int, step: int) -> str:
    j = i
    while 0 <= j < len(text) and text[j] in " \t":
        j += step
    return text[j] if 0 <= j < len(text) else ""


# ---------------------------------------------------------------------------------------
# DL503 resident-id-number
# ---------------------------------------------------------------------------------------

_ID = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
                 r"\d{3}[0-9Xx](?![0-9A-Za-z])")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_PROVINCES = frozenset({11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
                        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83})
# What every match of _ID holds at its seventh and eighth characters: 18 or 19, or 20, after a digit 1–9 and five
# digits (a necessary condition; \d as in _ID, so full-width and other digits too).  Two searches, each led by a
# literal (1, 20: skipped ahead to as str.find does), where ``\d\d{16}`` tested every character against \d
# (tests/test_fast_paths_t9_gates.py)
_ID_GATE = AnyOf([re.compile(r"1[89](?<=[1-9]\d{5}1[89])"), re.compile(r"20(?<=[1-9]\d{5}20)")])


def id_checksum_ok(number: str) -> bool:
    """GB 11643-1999 check digit (ISO 7064 MOD 11-2) of an 18-character ID number."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == number[17].upper()


def mask_id(number: str) -> str:
    return number[:6] + "*" * 8 + number[14:].upper()


class ResidentIdOptions(KindOptions):
    check_region: bool = Field(default=True, description="要求前两位是有效的省级行政区划代码")
    offer_fix: bool = Field(default=True, description="提供以脱敏号码替换的修复（不安全修复，需人工确认）")


@register
class ResidentIdNumber(Kind[ResidentIdOptions]):
    name = "resident-id-number"
    Options = ResidentIdOptions
    params = frozenset({"masked"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        for block, cell, text in _segments(report, _ID_GATE, no_nul=True):
            for m in _ID.finditer(text):
                num = m.group(0)
                if self.options.check_region and int(num[:2]) not in _PROVINCES:
                    continue
                if not id_checksum_ok(num):
                    continue
                masked = mask_id(num)
                fix = None
                if self.options.offer_fix and cell is None:
                    fix = [FixEdit(block, m.start(), m.end(), masked)]
                yield _hit(block, cell, m.start(), m.end(), params={"masked": masked}, match=masked,
                           evidence={"actual": masked, "expected": "删除或脱敏（不公开个人身份证号码）"},
                           key=f"id:{masked}", fix=fix, fix_description="以脱敏号码替换", fix_safe=False)


# ---------------------------------------------------------------------------------------
# DL504 mobile-number
# ---------------------------------------------------------------------------------------

_MOBILE = re.compile(r"(1[3-9]\d)([ -]?)(\d{4})\2(\d{4})(?![0-9])")
_MOBILE_TRIGGER = re.compile(r"1[3-9]\d[ -]?\d{4}")
_TABLE_LABEL_BEFORE = re.compile(r"(?:数量|总计|合计|件数|金额)$")
_QUANTITY_AFTER = frozenset("元万亿条件次人个份篇项字户册页套台辆吨%‰余多")


def mask_mobile(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    return digits[:3] + "****" + digits[7:]


# the report's own contact, a body's: 请与某某乡人民政府联系（地址：…，电话：152…） — a number the body gives for itself
# (not a person's: 请联系经办人张某，手机…; nor a bare 联系电话：, whose owner is not said)
_CONTACT_BEFORE = re.compile(r"(?:请与|可与|请联系[:：]?|联系单位[:：]?)[^。；;，,（(\s]{2,30}?"
                             r"(?:人民政府|政府|局|委员会|委|办公室|办事处|街道|乡|镇|中心)(?:联系)?"
                             r"(?![^。；;]{0,60}?(?:联系人|经办人|同志|先生|女士))[^。；;！!？?]{0,60}?(?:电话|手机)[:：]?\s*$")
_CONTACT_NOTE = "（这是报告写明的联系电话：机关对外公布的办公手机可登记在 allow 中；若是工作人员的个人手机，仍宜换成办公电话）"


class MobileNumberOptions(KindOptions):
    allow: list[str] = Field(default_factory=list,
                             description="允许公开的号码（如对外公布的办公手机），写完整的11位号码")


@register
class MobileNumber(Kind[MobileNumberOptions]):
    name = "mobile-number"
    Options = MobileNumberOptions
    params = frozenset({"masked", "note"})

    def __init__(self, rule, options, config):
        super().__init__(rule, options, config)
        self._allow = {re.sub(r"\D", "", a) for a in self.options.allow}

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        for block, cell, text in _segments(report, _MOBILE_TRIGGER, no_nul=True):
            urls = None
            for m in _MOBILE.finditer(text):
                s, e = m.span()
                if s and (text[s - 1].isdigit() or (s > 1 and text[s - 1] in "-—" and text[s - 2].isdigit())):
                    continue  # inside a longer digit run or after an area code
                if e < len(text) and (text[e] in _QUANTITY_AFTER or (text[e] == "." and text[e + 1:e + 2].isdigit())):
                    continue  # a quantity such as 13800000000元, 13575394432.52元
                if _TABLE_LABEL_BEFORE.search(text, max(0, s - 4), s):
                    continue  # a flattened table's cells run together after their label (申请数量15130000154二、…)
                if urls is None:
                    urls = url_spans(text)
                if _inside(urls, s, e):
                    continue
                if cell is None and report.portal.covering(block, s, e) is not None:
                    continue  # the site's footer (值班手机：…  网站标识码 …), not the report's text
                digits = m.group(1) + m.group(3) + m.group(4)
                if digits in self._allow:
                    continue
                masked = mask_mobile(digits)
                contact = cell is None and _CONTACT_BEFORE.search(text, max(0, s - 80), s) is not None
                # (请与某某乡人民政府联系（…电话：152…）: the number the report gives for itself — a note, not a warning)
                yield _hit(block, cell, s, e, params={"masked": masked, "note": _CONTACT_NOTE if contact else ""},
                           match=masked, evidence={"actual": masked, "expected": "删除或脱敏个人手机号码",
                                                   **({"contact": True} if contact else {})},
                           key=f"mobile:{masked}", severity="info" if contact else None)
