"""Content-safety kinds: what must never be on a published government page.

``injected-spam``
    Gambling / betting advertising injected into the page by an attacker (a configurable term
    list plus "<brand>体育/娱乐 + 官网/注册/APP…" patterns).  Ordinary words such as 体育局,
    文化体育, 体育场馆 and 体育彩票公益金 do not match; mentions in an enforcement context
    (打击、查处、非法… 六合彩) are exempt.
``template-placeholder``
    Template text left unfilled: XX / ××× / ＊＊ / ○○ / □□, 【填写…】, （文字描述…）, 此处填写, 20XX年.
``resident-id-number``
    18-digit resident identity numbers with a valid GB 11643 check digit, reported masked.
``mobile-number``
    Mainland mobile numbers (1[3-9] + 9 digits), reported masked.

Every kind scans prose blocks and, for tables, each cell (so the pointer names row and column).
Personal numbers never appear unmasked in messages, matches, evidence or fingerprints.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import Field

from . import register
from .base import FixEdit, Hit, Kind, KindOptions

_URL = re.compile(r"(?:https?|ftp)://[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’《》<>\"]+"
                  r"|www\.[A-Za-z0-9.-]+[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef<>\"]*"
                  r"|[\w.+-]+@[\w-]+\.[\w.-]+")
_SENTENCE_END = "。！？；!?;\n"
_TAG = re.compile(r"<[^<>]*>")


def _segments(report, gate: re.Pattern[str]) -> Iterator[tuple]:
    """(block, cell or None, text) for every prose block and every table cell in which ``gate``
    finds something.  A table is skipped at once when its whole text (cells joined by tabs)
    does not match, so long statistics tables cost one search, not one per cell."""
    for block in report.lintable_blocks:
        if not block.text or gate.search(block.text) is None:
            continue
        if block.kind == "table" and block.table is not None:
            for cell in block.table.cells():
                if cell.text and gate.search(cell.text) is not None:
                    yield block, cell, cell.text
        else:
            yield block, None, block.text


def _url_spans(text: str) -> list[tuple[int, int]]:
    if "://" not in text and "www." not in text and "@" not in text:
        return []
    return [m.span() for m in _URL.finditer(text)]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _hit(block, cell, start: int, end: int, **kw) -> Hit:
    if cell is not None:
        return Hit(block=block, cell=cell, start=start, end=end, **kw)
    return Hit(block=block, start=start, end=end, **kw)


# ---------------------------------------------------------------------------------------
# DL501 injected-spam
# ---------------------------------------------------------------------------------------

_SPAM_TERMS = [
    "博彩", "娱乐城", "百家乐", "真人娱乐", "真人视讯", "体育投注", "网上赌场", "在线赌场", "网络赌场",
    "六合彩", "时时彩", "北京赛车pk10", "棋牌娱乐", "华球体育", "开云体育", "皇冠体育", "皇冠娱乐",
    "澳门新葡京", "新葡京", "威尼斯人娱乐", "澳门威尼斯人", "亚博体育", "华体会", "乐鱼体育", "九游会",
    "雷竞技", "半岛体育", "星空体育", "必威体育", "米乐体育", "爱游戏体育", "bet365",
]
_SPAM_PATTERNS = [
    r"太阳城(?:娱乐|集团|申博|官网|网上|在线|亚洲|国际娱乐)",
]
_EXEMPT_BEFORE = ["打击", "整治", "查处", "取缔", "严打", "非法", "私彩", "跨境", "防范", "警惕", "远离",
                  "抵制", "严禁", "禁止", "涉赌", "反赌", "打掉", "侦破", "破获", "侦办", "举报"]
_EXEMPT_AFTER = ["案", "犯罪", "违法", "赌博", "诈骗", "团伙", "窝点"]

# Words that, before 体育/娱乐, form an ordinary phrase (文化体育, 智慧体育APP, 咪咕体育APP …).
_ORDINARY_PREFIX = """
文化 教育 智慧 全民 群众 竞技 公共 社区 校园 学校 少年 儿童 休闲 健身 广播 电视 新闻 大众 数字 网络
老年 职工 农民 民族 传统 青年 妇女 残疾 特殊 国家 中国 全国 省级 市级 县级 区级 乡村 城市 旅游 文旅
咪咕 腾讯 新浪 搜狐 网易 央视 五星 奇艺 优酷 虎扑 赛事 直播
""".split()
# ASCII words that are not brands (VR体育平台, 5G娱乐平台, KTV娱乐平台 …).
_ORDINARY_ASCII = frozenset({"vr", "ar", "ai", "5g", "4g", "it", "tv", "cctv", "nba", "cba", "led", "app",
                             "ktv", "esports", "e"})
_STRONG_SUFFIX = r"(?:官方网站|官网|注册|[Aa][Pp][Pp]|下载|登录|登陆|入口|网址|网页版|手机版)"
_ANY_SUFFIX = r"(?:官方网站|官网|平台|注册|[Aa][Pp][Pp]|下载|登录|登陆|入口|网址|网页版|手机版|投注|股份有限公司)"
_CHINA = r"[（(]\s*中国\s*[）)]"
_BRAND_KEY = re.compile(r"体育|娱乐|电竞|真人|棋牌|电子")
_ASCII_BEFORE = re.compile(r"(?<![A-Za-z0-9])(?P<brand>[A-Za-z][A-Za-z0-9]{1,9})\s?(?:综合)?$")
_CJK_BEFORE = re.compile(r"(?P<brand>[\u4e00-\u9fff]{2})$")
_ASCII_AFTER = re.compile(rf"\s?(?:{_CHINA}\s?{_ANY_SUFFIX}?|{_ANY_SUFFIX})")
_CJK_AFTER = re.compile(rf"(?:{_CHINA}\s?{_STRONG_SUFFIX}?|{_STRONG_SUFFIX})")


def _caseless(term: str) -> str:
    """A regex for ``term`` that ignores ASCII case (faster than re.IGNORECASE on Chinese text)."""
    out = []
    for ch in term:
        if ch.isascii() and ch.isalpha():
            out.append(f"[{ch.lower()}{ch.upper()}]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


class InjectedSpamOptions(KindOptions):
    terms: list[str] = Field(default_factory=lambda: list(_SPAM_TERMS),
                             description="赌博广告关键词（不区分大小写的字面匹配）")
    patterns: list[str] = Field(default_factory=lambda: list(_SPAM_PATTERNS),
                                description="额外的正则表达式")
    brand_patterns: bool = Field(default=True, description="检查“品牌+体育/娱乐+官网/注册/APP…”形式")
    ordinary_prefixes: list[str] = Field(default_factory=lambda: list(_ORDINARY_PREFIX),
                                         description="“体育/娱乐”前的两字正常用语（文化、智慧、咪咕等），不视为品牌")
    allow: list[str] = Field(default_factory=lambda: ["体育投注站", "棋牌娱乐室", "棋牌娱乐活动"],
                             description="包含命中词的正常用语；命中位于其中时不报告")
    exempt_before: list[str] = Field(default_factory=lambda: list(_EXEMPT_BEFORE),
                                     description="命中词前（同一句内）出现这些词时视为执法表述，不报告")
    exempt_after: list[str] = Field(default_factory=lambda: list(_EXEMPT_AFTER),
                                    description="命中词后紧接这些词时视为执法表述，不报告")
    context_window: int = Field(default=10, ge=0, le=60, description="执法表述的查找范围（字符数）")


@register
class InjectedSpam(Kind):
    name = "injected-spam"
    Options = InjectedSpamOptions
    params = frozenset({"term"})

    def __init__(self, rule, options, config):
        super().__init__(rule, options, config)
        o = self.options
        alts = [_caseless(t) for t in sorted(set(o.terms), key=len, reverse=True) if t]
        alts += [f"(?:{p})" for p in o.patterns if p]
        self._re = re.compile("|".join(alts)) if alts else None
        gate = alts + ([_BRAND_KEY.pattern] if o.brand_patterns else [])
        self._gate = re.compile("|".join(gate) if gate else r"(?!)")
        allow = sorted({a for a in o.allow if a}, key=len, reverse=True)
        self._allow = re.compile("|".join(map(re.escape, allow))) if allow else None
        self._ordinary = frozenset(o.ordinary_prefixes)
        self._before = re.compile("|".join(map(re.escape, o.exempt_before))) if o.exempt_before else None
        self._after = re.compile("|".join(map(re.escape, o.exempt_after))) if o.exempt_after else None

    def check(self, report) -> Iterator[Hit]:
        for block, cell, text in _segments(report, self._gate):
            spans = self._find(text)
            for start, end in spans:
                term = text[start:end]
                yield _hit(block, cell, start, end, params={"term": term},
                           evidence={"actual": term, "expected": "删除（疑似被植入的赌博广告）",
                                     "context": text[max(0, start - 12):end + 12]},
                           key=f"spam:{term}")

    def _find(self, text: str) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []
        if self._re is not None:
            found.extend(m.span() for m in self._re.finditer(text))
        if self.options.brand_patterns:
            for k in _BRAND_KEY.finditer(text):
                ks, ke = k.span()
                a = _ASCII_BEFORE.search(text, max(0, ks - 13), ks)
                if a and a.group("brand").lower() not in _ORDINARY_ASCII:
                    m = _ASCII_AFTER.match(text, ke)
                    if m:
                        found.append((a.start(), m.end()))
                        continue
                if k.group(0) in ("体育", "娱乐", "电竞") and ks >= 2:
                    c = _CJK_BEFORE.search(text, ks - 2, ks)
                    if c and c.group("brand") not in self._ordinary:
                        m = _CJK_AFTER.match(text, ke)
                        if m:
                            found.append((ks - 2, m.end()))
        if not found:
            return []
        found.sort(key=lambda s: (s[0], -s[1]))
        merged: list[tuple[int, int]] = []
        for s, e in found:
            if merged and s < merged[-1][1]:
                if e > merged[-1][1]:
                    merged[-1] = (merged[-1][0], e)
                continue
            merged.append((s, e))
        allowed = [m.span() for m in self._allow.finditer(text)] if self._allow is not None else []
        return [(s, e) for s, e in merged
                if not any(a < e and s < b for a, b in allowed) and not self._exempt(text, s, e)]

    def _exempt(self, text: str, start: int, end: int) -> bool:
        w = self.options.context_window
        if self._before is not None and w:
            lo = max(0, start - w)
            before = text[lo:start]
            cut = max(before.rfind(ch) for ch in _SENTENCE_END)
            if cut >= 0:
                before = before[cut + 1:]
            if self._before.search(before):
                return True
        if self._after is not None:
            if self._after.match(text, end) or self._after.match(text[end:end + 6].lstrip("”\"’'）)")):
                return True
        return False


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
    r"|(?P<md>(?<=[年月])[Xx×]{1,2}(?=[月日]))"
    r"|(?P<bracket>[【\[［〔]\s*(?:请|在此|此处)?\s*(?:填写|填报|填入|输入|待填|待补充|待定|文字描述)(?!说明|要求|指南)"
    r"[^【】\[\]［］〔〕\n]{0,40}[】\]］〕](?!\())"
    r"|(?P<paren>[（(]\s*(?:请|在此|此处)?\s*(?:(?:填写|填入|待填|待补充)(?:[^（）()\n]{0,20}?"
    r"(?:名称|数字|数据|数量|日期|时间|内容|情况|事项|全称|单位|金额))?|文字描述[^（）()\n]{0,60}?)\s*[）)])"
    r"|(?P<phrase>(?:此处|在此)(?:填写|填入|输入|录入|填报))"
    r"|(?P<x>[XxＸｘ]{2,})"
)
# Cheap first look: a block without any of these cannot hold a placeholder.
_TRIGGER_BASE = (r"[XxＸｘ]{2}|(?:19|20)\d?[Xx×＊*]|[年月][Xx×]|此处|在此"
                 r"|[【\[［〔（(]\s*(?:请|在此|此处)?\s*(?:填|输入|待|文字描述)")


class TemplatePlaceholderOptions(KindOptions):
    letters: bool = Field(default=True, description="检查 XX、XXX 形式的字母占位符")
    symbols: str = Field(default="×＊○□", description="连续出现两个及以上即视为占位符的符号")
    exempt_masked_names: bool = Field(
        default=True, description="“张××”“王＊＊”等姓氏后的脱敏姓名不报告（后接局、镇、年、条等时仍报告）")


@register
class TemplatePlaceholder(Kind):
    name = "template-placeholder"
    Options = TemplatePlaceholderOptions
    params = frozenset({"placeholder"})

    def __init__(self, rule, options, config):
        super().__init__(rule, options, config)
        syms = "".join(dict.fromkeys(self.options.symbols))
        sym_alt = "|".join(f"{re.escape(c)}{{2,}}" for c in syms)
        self._re = re.compile(_PH_BASE + (f"|(?P<sym>{sym_alt})" if syms else ""))
        self._trigger = re.compile(_TRIGGER_BASE + (f"|[{re.escape(syms)}]{{2}}" if syms else ""))

    def check(self, report) -> Iterator[Hit]:
        for block, cell, text in _segments(report, self._trigger):
            urls = None
            for m in self._re.finditer(text):
                kind = m.lastgroup
                s, e = m.span()
                if kind == "x":
                    if not self.options.letters:
                        continue
                    if urls is None:
                        urls = _url_spans(text)
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
                yield _hit(block, cell, s, e, params={"placeholder": ph},
                           evidence={"actual": ph, "expected": "实际内容",
                                     "context": text[max(0, s - 12):e + 12]},
                           key=f"ph:{text[max(0, s - 6):e + 6]}")

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
_DIGITS = re.compile(r"\d{17}")


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
class ResidentIdNumber(Kind):
    name = "resident-id-number"
    Options = ResidentIdOptions
    params = frozenset({"masked"})

    def check(self, report) -> Iterator[Hit]:
        for block, cell, text in _segments(report, _DIGITS):
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
_QUANTITY_AFTER = frozenset("元万亿条件次人个份篇项字户册页套台辆吨%‰余多")


def mask_mobile(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    return digits[:3] + "****" + digits[7:]


class MobileNumberOptions(KindOptions):
    allow: list[str] = Field(default_factory=list,
                             description="允许公开的号码（如对外公布的办公手机），写完整的11位号码")


@register
class MobileNumber(Kind):
    name = "mobile-number"
    Options = MobileNumberOptions
    params = frozenset({"masked"})

    def __init__(self, rule, options, config):
        super().__init__(rule, options, config)
        self._allow = {re.sub(r"\D", "", a) for a in self.options.allow}

    def check(self, report) -> Iterator[Hit]:
        for block, cell, text in _segments(report, _MOBILE_TRIGGER):
            urls = None
            for m in _MOBILE.finditer(text):
                s, e = m.span()
                if s and (text[s - 1].isdigit() or (s > 1 and text[s - 1] in "-—" and text[s - 2].isdigit())):
                    continue  # inside a longer digit run or after an area code
                if e < len(text) and text[e] in _QUANTITY_AFTER:
                    continue  # a quantity such as 13800000000元
                if urls is None:
                    urls = _url_spans(text)
                if _inside(urls, s, e):
                    continue
                digits = m.group(1) + m.group(3) + m.group(4)
                if digits in self._allow:
                    continue
                masked = mask_mobile(digits)
                yield _hit(block, cell, s, e, params={"masked": masked}, match=masked,
                           evidence={"actual": masked, "expected": "删除或脱敏个人手机号码"},
                           key=f"mobile:{masked}")
