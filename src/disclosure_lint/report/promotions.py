"""Suspected injected promotion (gambling spam) in the report's text: a report fact.

Attackers who get into a portal insert gambling promotion into published pages.  They replace a
word or a count of the report with a brand (``…主动公开政府信息58条，街道…华球体育120条``), or add
``<brand>体育官网``, ``<brand>娱乐APP下载``, ``注册送彩金``.  The brands are ever new, so a word
list cannot keep up; the *shape* of the phrase can::

    brand  +  core word(s)                     +  ending
    华球       体育 / 娱乐 / 棋牌 / 彩票 / 电子 / 真人   官网 官方网站 APP(下载) 登录入口 注册送 彩金
    BOB        (chained: 体育彩票, 真人娱乐 …)         投注 开户 网址 …   |  a count (120条)  |  nothing

A phrase is listed only when its brand is plainly a brand, because every finding is an error:

========================================  ===================================================
brand                                      ending needed
========================================  ===================================================
Latin letters or digits (BOB, kok, xyz,    any ending that closes the phrase: a tail, a count,
777, 8868), not an ordinary token (VR,     punctuation, a space, the end of the text; never a
5G, KTV, NBA, CCTV, WeChat, Sports …) and  compound (``BOB体育馆`` is a building, ``LG电子``
not part of a URL or of English text        needs a promotion tail: firms are named 电子)
a known gambling brand root (金沙, 永利,    the same
开云, 葡京 …)
two Chinese characters that are not an     a promotion tail (官网, 官方网站, APP, 登录入口,
ordinary word (文化, 教育, 全民, 智慧,      注册送, 彩金, 投注, 开户, 网址 …); or a count where
咪咕 …, a sport: 足球, 龙舟, 电竞 …), a     the same sentence already lists a count before it
province, part of the agency name, not     (the replaced-count shape of the seed report)
a group of people (X人: 军人, 残疾人),
not the end of a word cut in the middle
(残|疾人: 残疾 is a word), and hold no
function, verb, place or agency
character (的 和 市 县 局 办 …)
========================================  ===================================================

The core word must end the phrase or be followed by a tail or count: ``体育局``, ``体育场馆``,
``彩票管理中心``, ``电子政务``, ``娱乐场所`` and ``棋牌室`` are compounds and never a phrase.
``电子`` is weak (``LG电子``, ``三星电子`` are firms; 电子开户, 电子投注, 电子导航 are ordinary): it
needs a known root or a tail that only gambling uses after it (注册送, 彩金, 登录入口).

Known gambling terms (:data:`SPAM_TERMS`, e.g. 百家乐, 开云体育, 注册送彩金) are listed as well, unless the term is an
ordinary word where it stands (彩金饰品, 儿童娱乐城, 注册送章, 星空体育用品商店: :func:`ordinary_term`).
Enforcement context (打击非法彩票, 查处网络赌博) is *not* judged here: the kinds decide
that with their configurable exemptions.  Every scan is linear in the text: one pass of one
regular expression for core words and one for terms, with fixed-size windows around each hit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..model import Block, Cell
from .alternation import holding, top_level_branches, trie
from .hidden import HiddenElement, covering
from .spam_extent import term_extent
from .spam_lexicon import KNOWN_BRANDS as KNOWN_BRANDS
from .spam_lexicon import NOT_BRAND_CHARS as NOT_BRAND_CHARS
from .spam_lexicon import ORDINARY as ORDINARY
from .spam_lexicon import ORDINARY_ASCII as ORDINARY_ASCII
from .spam_lexicon import PLACES as PLACES
from .spam_lexicon import SPAM_ALLOW as SPAM_ALLOW
from .spam_lexicon import SPAM_PATTERNS as SPAM_PATTERNS
from .spam_lexicon import SPAM_TERMS as SPAM_TERMS
from .writing import SENTENCE_END


def _caseless_app(word: str) -> str:
    """A tail word as a regex: ``app`` in any case and not followed by a letter (APP, App; not Apple)."""
    return re.escape(word).replace("app", "[Aa][Pp][Pp](?![A-Za-z])")


# -- lexicon (.spam_lexicon: the terms, brands and ordinary words) ----------------------------------------

_CORE = ("体育", "娱乐", "棋牌", "彩票", "电子", "真人")
_CORE_RUN = re.compile(r"(?:体育|娱乐|棋牌|彩票|电子|真人)+")

# Phrase endings after the core word(s).  Definite tails close the phrase whatever follows; the others
# only when the phrase ends there (投注站, 开户行, 注册资本, 平台建设 are compounds).
_DEFINITE = frozenset({"官方网站", "官方平台", "官方入口", "官方下载", "官方版", "官方app", "官网", "下载地址",
                       "app下载", "登录入口", "登陆入口", "注册送", "注册就送", "注册即送", "彩金", "网址",
                       "手机版", "网页版", "电脑版", "客户端", "导航"})
_WEAK = frozenset({"app", "投注", "开户", "注册", "登录", "登陆", "入口", "下载", "平台", "在线", "网站", "首页",
                   "主页"})
_TAIL_WORDS = sorted(_DEFINITE | _WEAK, key=lambda w: (-len(w), w))  # longest first: 注册送 before 注册
_TAIL_ALT = "|".join(_caseless_app(w) for w in _TAIL_WORDS)
_TAILS = re.compile(rf"(?:\s?(?:{_TAIL_ALT})){{1,4}}")
_CHINA = re.compile(r"\s?[（(]\s*中国\s*[）)]")
# A firm's name around the brand, as gambling sites style themselves (华球体育（中国）股份有限公司; 中国股份有限华球体育
# where the insertion cut and turned it): part of what was inserted, to be deleted with it — no report's own firm is
# named 股份有限 straight before another name without its 公司.
_FIRM_AFTER = re.compile(r"\s?(?:股份)?有限(?:责任)?公司")
_FIRM_BEFORE = re.compile(r"(?:[（(]\s*中国\s*[）)]|中国)?股份有限(?:责任)?\Z")
# Tails that gambling sites use and firms or apps of legitimate bodies do not.
_GAMBLING_TAILS = frozenset({"注册送", "注册就送", "注册即送", "彩金", "投注", "开户", "登录入口", "登陆入口", "网址",
                             "导航"})
# ... and of them those that never follow 电子 in ordinary text (电子开户, 电子投注, 电子导航 do).
_ELECTRONIC_TAILS = frozenset({"注册送", "注册就送", "注册即送", "彩金", "登录入口", "登陆入口"})
# Tails that make a promotion of any core word with a new (Chinese) brand.
_PROMO_TAILS = _GAMBLING_TAILS | frozenset({"官方网站", "官方平台", "官方入口", "官方下载", "官方版", "官方app", "官网",
                                             "下载地址", "app下载", "app", "手机版", "网页版", "电脑版", "客户端"})
_BONUS = re.compile(r"\s?\d{1,6}\s?元?(?:彩金)?|彩金")
_COUNT_AFTER = re.compile(r"\s?\d{1,7}\s?(?:条|篇|件|期|个|项)")
_COUNT = re.compile(r"\d{1,7}\s?(?:条|篇|件|期|个|项)")
_LATIN_BEFORE = re.compile(r"(?<![A-Za-z0-9_.\-/@:=%&?#])(?P<b>[A-Za-z0-9]{2,12})(?P<sp>\s?)$")
_ENGLISH_BEFORE = re.compile(r"[A-Za-z]{2,}\s$")
_PLACE_BEFORE = re.compile("(?:" + "|".join(sorted(PLACES, key=lambda w: (-len(w), w))) + ")$")
_KNOWN_BEFORE = re.compile("(?:" + "|".join(sorted(map(re.escape, KNOWN_BRANDS), key=lambda w: (-len(w), w))) + ")$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# A web address or an e-mail address in Chinese text: it ends at a space or at the first Chinese character or
# full-width mark (``详见www.example.com开云体育官网``: the phrase after it is not part of the address).
_WEB = (r"(?:https?|ftp)://[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’《》<>\"]+"
        r"|www\.[A-Za-z0-9.-]+[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef<>\"]*")
_EMAIL = r"[\w.+-]+@[\w-]+\.[\w.-]+"
URL = re.compile(f"{_WEB}|{_EMAIL}")
# ``\w`` matches Chinese: tried from every character of a long run, the e-mail pattern scans the run again each
# time (quadratic — 80,000 characters took a minute).  Searching, an address starts only where its run of
# [\w.+-] starts; :func:`url_spans` tries the plain pattern at the end of the address before: the spans are URL's.
_URL_SEARCH = re.compile(f"{_WEB}|(?<![\\w.+-]){_EMAIL}")


def url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the web and e-mail addresses in ``text`` — those of ``URL.finditer(text)``, in linear time — each
    without the half-width marks a sentence puts after it (:func:`_address_end`)."""
    if "://" not in text and "www." not in text and "@" not in text:
        return []
    out: list[tuple[int, int]] = []
    pos = 0
    while pos <= len(text):
        m = URL.match(text, pos) if out and pos == out[-1][1] else None  # right after an address
        if m is None or m.end() == m.start():
            m = _URL_SEARCH.search(text, pos)
            if m is None:
                break
        out.append(m.span())
        pos = m.end()
    return [(a, _address_end(text, a, b)) for a, b in out]


_TRAILING = ",.;:!?'"


def _address_end(text: str, a: int, b: int) -> int:
    """Where the address ``text[a:b]`` ends once the half-width marks after it that are the sentence's are left out,
    as autolinks read them (GitHub's): a trailing , . ; : ! ? ' (网站www.example.gov.cn,公众可… — a page stored with
    half-width marks), and a ) that closes a bracket opened before the address (网站(http://www.example.gov.cn)下载) —
    not one whose ( is in the address (…/a(b))."""
    while b > a:
        c = text[b - 1]
        if not (c in _TRAILING or (c == ")" and text.count(")", a, b) > text.count("(", a, b))):
            break
        b -= 1
    return b


_YEAR = re.compile(r"(?:19|20)\d\d")


def _caseless(term: str) -> str:
    out = []
    for ch in term:
        out.append(f"[{ch.lower()}{ch.upper()}]" if ch.isascii() and ch.isalpha() else re.escape(ch))
    return "".join(out)


def term_pattern(terms: Iterable[str], patterns: Iterable[str] = ()) -> str | None:
    """One regular expression (its source) for a term list (ASCII case ignored) and extra patterns; None when
    both are empty.  Rule DL501 compiles it through :func:`..userregex.compile_pattern` (user patterns)."""
    # the patterns first: where one matches, it is the longer reading (澳[門门]賭場推[薦荐] over the term 澳門賭場)
    alts = [f"(?:{p})" for p in patterns if p]
    alts += [_caseless(t) for t in sorted({t for t in terms if t}, key=lambda w: (-len(w), w))]
    return "|".join(alts) if alts else None


def term_regex(terms: Iterable[str], patterns: Iterable[str] = ()) -> re.Pattern[str] | None:
    """:func:`term_pattern` compiled (the tool's own lists)."""
    source = term_pattern(terms, patterns)
    return re.compile(source) if source is not None else None


_TERMS = term_regex(SPAM_TERMS, SPAM_PATTERNS)
_ALLOW = re.compile("|".join(map(re.escape, SPAM_ALLOW)))

# -- a term that is an ordinary word where it stands ----------------------------------------------
# A few terms are also ordinary words: 彩金 is an alloy (黄金、铂金、彩金饰品), 娱乐城 a playground
# (欢乐谷儿童娱乐城), 注册送 a registration slogan (注册送章: a new firm gets its seals for free), and a brand of
# the list is also a registered firm's name (星空体育用品商店, 半岛体育文化传播有限公司).  What follows (or, for
# 娱乐城, what precedes) says so; a promotion word near the term says it is a promotion after all.
_ORDINARY_AFTER = (
    (re.compile(r"(?:^|[^送])彩金$"), re.compile(r"\s?(?:饰品|首饰|珠宝|制品|产品|戒指|项链|手镯|手链|耳环|耳饰|耳钉|吊坠|摆件|工艺品)")),
    (re.compile(r"^注册送$"), re.compile(r"(?:印章|公章|刻章|章|营业执照|执照|证照|照|税控|发票|上门)")),
    (re.compile(r"(?:体育|娱乐|娛樂|體育)$"),
     re.compile(r"(?:用品|器材|服饰|服装|文化|科技|发展|传播|健身|培训|俱乐部|有限|股份|商店|商行|经营部|门市部|工作室|"
                r"公司|中心|场馆|馆|产业|设施|设备|运动)")),
    (re.compile(r"^(?:娱乐城|娛樂城)$"), re.compile(r"(?:有限|股份|公司|商店|经营部)")),
    # the gaming industry and its regulator in Macao's government news (博彩業停運, 六間博彩企業, 修改博彩法, 博彩監察協調局)
    (re.compile(r"^博彩$"), re.compile(r"(?:业|業|企业|企業|公司|活动|活動|法|经营|經營|监察|監察|监管|監管|中介|税|稅|"
                                      r"毛收入|收入|行业|行業|政策|旅游|旅遊|场所|場所|桌|条例|條例|牌照|专营|專營)")),
)
_ORDINARY_BEFORE = (
    # a word ending in 彩 before a name beginning with 金 (“多彩金平”: 多彩 + 金平, a county's account; 精彩金秋)
    (re.compile(r"^彩金$"), re.compile(r"(?:多|五|光|色|精|出|异|喝|水|油|溢|云|重|华|文|剪|风)$")),
    (re.compile(r"^(?:娱乐城|娛樂城)$"),
     re.compile(r"(?:儿童|少儿|幼儿|亲子|青少年|家庭|室内|水上|电玩|动漫|游乐|欢乐|游艺|社区|商场|广场|乐园)$")),
    (re.compile(r"^博彩$"), re.compile(r"(?:幸运|幸運|旅游|旅遊)$")),  # 娛樂場幸運博彩經營: Macao's legal term
)
# Words of a promotion near a term (on either side, 20 characters): the term is a promotion after all.
_PROMO_NEAR = re.compile(r"官网|官方网站|网址|注册|开户|彩金|投注|下注|首存|充值|返水|下载|[Aa][Pp][Pp]|登录|登陆|入口|"
                         r"客服|平台|博彩|赌")
_NEAR = 20


def ordinary_term(text: str, start: int, end: int) -> bool:
    """Is the term ``text[start:end]`` (a match of the term list) an ordinary word where it stands: 彩金饰品,
    儿童娱乐城, 注册送章, 星空体育用品商店 — with no promotion word within 20 characters of it?"""
    term = text[start:end]
    if not any(t.search(term) and a.match(text, end) for t, a in _ORDINARY_AFTER) and not any(
            t.search(term) and b.search(text, max(0, start - 4), start) for t, b in _ORDINARY_BEFORE):
        return False
    # (the term's own repetitions are no promotion word: 博彩 in news of the 博彩業 says 博彩 again and again)
    near = (text[max(0, start - _NEAR):start] + "\n" + text[end:end + _NEAR]).replace(term, "\n")
    return _PROMO_NEAR.search(near) is None


# a brand's name right before a gambling site's generic tail (金博·体育(中国)官方网站, a real mirror's header), a token
# of its own (after a line's start, a space or a mark): quoted with the tail, not the tail alone
_BRAND_BEFORE = re.compile(r"(?:^|(?<=[\s|｜，,。；;：:、\-—_>》】\]]))[\u4e00-\u9fffA-Za-z0-9·]{2,10}$")
# a year that leads a betting search phrase (召开2024欧洲杯在哪投注、…: put where 新闻发布会 was)
_YEAR_BEFORE = re.compile(r"(?<!\d)20\d\d$")
_TOURNAMENTS = ("欧洲杯", "世界杯", "亚洲杯", "欧冠")


def widened_start(text: str, start: int) -> int:
    """Where a promotion found at ``start`` in ``text`` begins, with what before it belongs to it: the brand before a
    site's generic tail (金博·体育 before (中国)官方网站) and the year before a tournament's betting phrase (2024 before
    欧洲杯在哪投注), so that the finding quotes, and its deletion takes, the whole insertion."""
    if text.startswith(("(中国", "（中国"), start) and (brand := _BRAND_BEFORE.search(text, max(0, start - 12), start)):
        return brand.start()
    if text.startswith(_TOURNAMENTS, start) and (year := _YEAR_BEFORE.search(text, max(0, start - 5), start)):
        return year.start()
    return start


# a site's generic tail right after a brand's term (bet365亚洲官网 put before a bureau's title) — not 平台, 网址 or 入口
# alone, which may be the sentence's own words after an insertion that replaced the ones before them
# (部门澳門賭場推薦平台共发布…: …部门的政务平台 before the spam)
_TAIL_AFTER = re.compile(r"(?:亚洲|中国|国际)?(?:官网|官方网站)(?:登录|登陆|首页|入口)?")


def widened_end(text: str, end: int) -> int:
    """Where a promotion found to end at ``end`` in ``text`` ends, with a site's generic tail after it (亚洲官网 after
    bet365): quoted, and deleted, with it."""
    tail = _TAIL_AFTER.match(text, end)
    return tail.end() if tail is not None else end


def has_spam_term(text: str) -> bool:
    """Does ``text`` hold a term of the list where it is no ordinary word (a name a hijacked page put in place of the
    body's: 美高梅娛樂城办公厅, 欧洲杯在哪投注#办公厅)?"""
    if _TERMS is None or TERMS_GATE.search(text) is None:
        return False  # (the gate first: the terms' alternation is tried at every character, the gate's tree is not)
    return any(not ordinary_term(text, m.start(), m.end()) and not _ALLOW.search(text, max(0, m.start() - 4), m.end() + 4)
               for m in _TERMS.finditer(text))


# -- the fact ---------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class Phrase:
    """A suspected promotion phrase in one text: ``text[start:end]``."""

    start: int
    end: int
    phrase: str
    brand: str | None  # BOB, 华球, 金沙 … (None for a known term such as 百家乐)
    trigger: str  # what follows the brand as written: 体育, 娱乐官网, 棋牌app下载; or the known term
    signals: tuple[str, ...]  # latin-brand digit-brand known-brand new-brand term tail:… count-after count-list (中国)
    #                           firm-name
    core: str = ""  # the core word(s): 体育, 真人娱乐
    tail: str = ""  # the promotion tail as written: 官网, APP下载, 官方网站 ("" when none)


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class Promotion:
    """A suspected insertion in the report: where it is, what it says and why it is suspected."""

    block: Block  # the block (for hidden HTML content: the hidden element's own block)
    cell: Cell | None  # the table cell holding it, if any
    start: int  # offsets in ``cell.text`` when ``cell`` is set, else in ``block.text``
    end: int
    phrase: str
    brand: str | None
    trigger: str
    signals: tuple[str, ...]
    core: str = ""
    tail: str = ""
    hidden: HiddenElement | None = None  # the hidden HTML element holding it

    @property
    def text(self) -> str:
        return self.cell.text if self.cell is not None else self.block.text


# -- finding phrases in one text ----------------------------------------------------------------


def _closes(text: str, i: int) -> bool:
    """Does the phrase end at ``i`` (end of text, a space, punctuation, a digit or a Latin letter)?"""
    if i >= len(text):
        return True
    ch = text[i]
    return not _CJK.match(ch)


def _latin_brand(text: str, s: int, urls) -> tuple[str, int, str] | None:
    """(brand, start, signal) for a Latin/digit token right before ``s`` (one space allowed)."""
    m = _LATIN_BEFORE.search(text, max(0, s - 14), s)
    if m is None:
        return None
    b = m.group("b")
    bs = m.start("b")
    if any(a <= bs < z for a, z in urls):
        return None
    low = b.lower()
    if low in ORDINARY_ASCII or low.rstrip("0123456789-") in ORDINARY_ASCII:
        return None
    if b.isdigit():
        if len(b) < 3 or (len(b) == 4 and _YEAR.fullmatch(b)) or (bs and text[bs - 1] in "第约近共计"):
            return None
        return b, bs, "digit-brand"
    if b.isalpha() and (_ENGLISH_BEFORE.search(text, max(0, bs - 24), bs) or (m.group("sp") and len(b) >= 5)):
        return None  # English text (China Sports …), not a brand
    return b, bs, "latin-brand"


def _digit_before(text: str, s: int) -> bool:
    """A digit right before ``s``, or before the one space there (what a number's brand needs; a cheap test first)."""
    return s > 0 and (text[s - 1].isdigit() or (text[s - 1] == " " and s > 1 and text[s - 2].isdigit()))


def _digit_brand(text: str, s: int, urls) -> bool:
    """Is the token right before ``s`` a number's brand (188, 365: three digits or more, no year, no 第/约/共计)?"""
    lat = _latin_brand(text, s, urls)
    return lat is not None and lat[2] == "digit-brand"


# what makes a compound with the core word after it (188体育场, 365体育馆, …体育彩票): a thing, not a brand's name
_CORE_COMPOUND = re.compile(r"场|馆|局|中心|公园|设施|产业|事业|运动|活动|器材|用品|彩票|课|赛|健身|项目|工作|教育|总局|委员会"
                            r"|学院|学校|协会|科|处|股|组|队|俱乐部|文化|旅游|频道|新闻|大学|类|方面|领域|社会|社团|人口|消费|培训")
_BODY_AFTER = re.compile(r"办公厅|人民政府|关于印发")
_ISSUED = re.compile(r"[<〈＜]")  # the inner title of the document a notice issues (关于印发〈…〉的通知)
_ISSUER_BEFORE = re.compile(r"(?:办公室|办公厅|人民政府|局|委员会|厅)$")


def _cjk_brand(text: str, s: int, ordinary: frozenset[str]) -> str | None:
    """The two Chinese characters before ``s`` when they may be a brand (not an ordinary word)."""
    if s < 2:
        return None
    cand = text[s - 2:s]
    if not (_CJK.match(cand[0]) and _CJK.match(cand[1])):
        return None
    if cand in ORDINARY or cand in ordinary or cand[0] in NOT_BRAND_CHARS or cand[1] in NOT_BRAND_CHARS:
        return None
    if cand[1] == "人":
        return None  # a group of people (残疾人, 军人, 工人, 老年人体育), never a brand
    if s >= 3 and _CJK.match(text[s - 3]) and (text[s - 3:s - 1] in ORDINARY or text[s - 3:s - 1] in ordinary):
        return None  # cut in the middle of a word: 残|疾人 (残疾 is a word), so 疾人 is no brand
    if _PLACE_BEFORE.search(text, max(0, s - 5), s):
        return None
    return cand


def _count_before(text: str, s: int) -> bool:
    """Does the sentence already list a count (46条, 12篇) before ``s``?"""
    window = text[max(0, s - 80):s]
    cut = max(window.rfind(ch) for ch in SENTENCE_END)
    if cut >= 0:
        window = window[cut + 1:]
    return _COUNT.search(window) is not None


def _tail_words(tail: str) -> list[str]:
    """The words of a matched tail run, lower-cased (APP下载 → app下载)."""
    words = []
    t = tail.replace(" ", "").lower()
    i = 0
    while i < len(t):
        w = next((w for w in _TAIL_WORDS if t.startswith(w, i)), None)
        if w is None:  # pragma: no cover - the regex matched only tail words
            break
        words.append(w)
        i += len(w)
    return words


def find_phrases(text: str, ordinary: frozenset[str] = frozenset(), terms: bool = True) -> list[Phrase]:
    """Suspected promotion phrases in ``text`` (see the module docstring), in text order, not overlapping.

    ``ordinary``: more words that are not brands (the agency's own name, words a user allows).
    ``terms``: also list the known terms of :data:`SPAM_TERMS`.
    """
    found: list[Phrase] = []
    if terms and _TERMS is not None and TERMS_GATE.search(text) is not None:  # (the gate first, as has_spam_term)
        allowed = None
        for m in _TERMS.finditer(text):
            if allowed is None:
                allowed = [a.span() for a in _ALLOW.finditer(text)]
            if not any(a < m.end() and m.start() < z for a, z in allowed) and not ordinary_term(text, *m.span()):
                s, e = term_extent(text, m.start(), m.end())  # (…_beat365手机版客户端ios: the whole insertion)
                found.append(Phrase(s, e, text[s:e], None, m.group(0), ("term",)))
    urls = None
    for m in _CORE_RUN.finditer(text):
        if urls is None:
            urls = url_spans(text)
        p = _shape(text, m, ordinary, urls)
        if p is not None:
            found.append(p)
    return _merge(text, found)


def _shape(text: str, m: re.Match[str], ordinary: frozenset[str], urls) -> Phrase | None:
    """The phrase around one run of core words ``m``, or None when it is not a promotion."""
    s, e = m.span()
    core = m.group(0)
    if any(a <= s < z for a, z in urls):
        return None
    end = e
    china = _CHINA.match(text, end)
    if china:
        end = china.end()
    firm = _FIRM_AFTER.match(text, end)
    known = _KNOWN_BEFORE.search(text, max(0, s - 4), s)
    if firm and known:  # a gambling brand's firm name (a new brand's may be a real firm's: 舒华体育股份有限公司)
        end = firm.end()
    else:
        firm = None
    t = _TAILS.match(text, end)
    tails = _tail_words(t.group(0)) if t else []
    stop = t.end() if t else end
    if tails and not any(w in _DEFINITE for w in tails) and not _closes(text, stop):
        tails, stop = [], end  # 投注站, 开户行, 注册资本, 平台建设: a compound, not a tail
    if tails and tails[-1].endswith("送"):
        bonus = _BONUS.match(text, stop)  # 注册即送888元彩金
        if bonus:
            stop = bonus.end()
    count = None if tails else _COUNT_AFTER.match(text, end)
    # a government's name right after it (《盛京棋牌办公厅…》, …棋牌人民政府): the phrase took the place of 国务院 in a title;
    # or a body's name before it and the title it issued after it (…局办公室盛京棋牌<…模板>的通知): of 关于印发
    body_after = None if tails or count is not None else (
        _BODY_AFTER.match(text, end) or (_ISSUED.match(text, end) if _ISSUER_BEFORE.search(text, max(0, s - 8), s - 2)
                                         else None))
    if not tails and count is None and body_after is None and not _closes(text, end) and not (
            not known and _digit_before(text, s) and _digit_brand(text, s, urls) and not _CORE_COMPOUND.match(text, end)):
        return None  # 体育局, 彩票管理中心, 电子政务, 娱乐场所, 棋牌室 (188体育加强…: a number's brand in a sentence)
    promo = any(w in _PROMO_TAILS for w in tails)
    electronic_ok = any(w in _ELECTRONIC_TAILS for w in tails)
    signals: list[str] = []
    k = known
    lat = None if k else _latin_brand(text, s, urls)
    brand: str | None
    if k:
        brand, bs = k.group(0), k.start()
        signals.append("known-brand")
    elif lat:
        brand, bs, kind = lat
        if core == "电子" and not electronic_ok:
            return None  # LG电子, TCL电子官网: firms
        signals.append(kind)
    else:
        brand = _cjk_brand(text, s, ordinary)
        if brand is None or (core == "电子" and not electronic_ok):
            return None
        if not promo and body_after is None and (count is None or not _count_before(text, s - 2)):
            return None
        bs = s - 2
        signals.append("new-brand")
    if body_after is not None:
        signals.append("body-after" if body_after.group() not in "<〈＜" else "issued-after")
    if tails:
        signals.append("tail:" + "+".join(tails))
    if count is not None:
        signals.append("count-after")
        if _count_before(text, bs):
            signals.append("count-list")
    if china:
        signals.append("(中国)")
    cut = _FIRM_BEFORE.search(text, max(0, bs - 12), bs)
    if cut:
        bs = cut.start()
    if firm or cut:
        signals.append("firm-name")
    tail_text = text[end:stop].strip() if tails else ""
    return Phrase(bs, stop, text[bs:stop], brand, text[s:stop].strip(), tuple(signals), core, tail_text)


# What may stand between two spam phrases of one insertion:
# - a few characters with no space and no sentence mark (威廉希尔_威廉博彩app, 体育365网投_365bet365用址);
# - a _ or a dash between two names of a site (uedbet体育 _ uedbet官网; 188博金宝app_188博金宝体育: a tail and the next
#   brand's number around the _);
# - a spam title's run joined by _ with no sentence's mark (365bet亚洲官方网站_365电竞比分_beat365: prose has no _);
# - one comma between two names of the same site (立博平台,立博官网 put in place of 政务公开; ibet国际平台,ibet国际集团).
# Otherwise a sentence's mark parts two (开云体育官网，注册送彩金: each reported).
_RUN_GAP = re.compile(r"[^\s。，；！？、：,;!?:]{1,6}|(?:[A-Za-z]{1,8})?[ \t]?[_\-—][ \t]?\d{0,4}")
_TITLE_RUN = re.compile(r"[^。，；！？、：,;!?:\n]{1,24}")
_WORDS = re.compile(r"[\u4e00-\u9fff]+")
_SITE_WORD = re.compile(r"官网|官方|网站|网址|平台|下载|入口|登录|登陆|注册|彩金|投注|开户")


_CJK_GAP = re.compile(r"[\u4e00-\u9fff]{1,4}")
_RANKING = re.compile(r"(?:十大|正规|知名|靠谱)博彩")


def one_insertion(text: str, first: int, start: int, end: int) -> bool:
    """Whether the text between two spam phrases (``start``–``end``; the first phrase begins at ``first``) makes them
    one insertion (one finding)."""
    if (start < end and _CJK_GAP.fullmatch(text, start, end) and not _SITE_WORD.search(text, start, end)
            and start - first <= 64 and text.startswith(text[first:start], end)):
        return False  # (中国体育彩票印发中国体育彩票: one name put in two places, the report's 印发 between them)
    if _RUN_GAP.fullmatch(text, start, end) is not None and (
            end - start <= 2 or not _WORDS.fullmatch(text, start, end) or _SITE_WORD.search(text, start, end)):
        return True  # (星空体育用品官网注册送: one; not over the report's own words: 即时比分制度和政务足球比分网 is two)
    if "_" in text[start:end]:
        return _TITLE_RUN.fullmatch(text, start, end) is not None
    # two names of one site one comma apart (立博平台,立博官网), or a site and its ranking (英国威廉希尔公司,十大博彩公司 in place
    # of a city's name): one insertion
    return end - start == 1 and text[start] in ",，、" and (
        text[first:first + 2] == text[end:end + 2] or _RANKING.match(text, end) is not None)


def _merge(text: str, found: list[Phrase]) -> list[Phrase]:
    """Overlapping phrases become one — and phrases a spam title chains with _ (uedbet体育_uedbet官网: one
    insertion) —: the union of the spans, brand and trigger of the longer, all signals."""
    if len(found) < 2:
        return found
    found.sort(key=lambda p: (p.start, -p.end))
    out: list[Phrase] = []
    q: Phrase | None = None  # the phrase being merged into, its text made once it is whole (not at each merge)
    for p in [*found, None]:
        if q is not None and p is not None and (p.start < q.end or one_insertion(text, q.start, q.end, p.start)):
            main, shape = q if (q.end - q.start) >= (p.end - p.start) else p, q if q.core else p
            q = Phrase(q.start, max(q.end, p.end), "", main.brand or q.brand or p.brand, main.trigger,
                       tuple(dict.fromkeys(q.signals + p.signals)), shape.core, shape.tail)
            continue
        if q is not None:
            out.append(q if q.phrase else replace(q, phrase=text[q.start:q.end]))
        q = p
    return out


# -- the report ----------------------------------------------------------------------------------

def _gate_branches() -> list[str]:
    """The branches of :data:`TERMS_PATTERN` (the terms and the patterns of the tool's own lists), each led by
    one literal character, so that a search skips ahead by the set of those characters: a term led by a
    letter (bet365, any case) is its last character and a look-behind; a pattern led by a choice of words is
    one branch per word.  A text holds a match of these iff it holds one of :data:`TERMS_PATTERN`."""
    out = []
    for term in sorted({t for t in SPAM_TERMS if t}, key=lambda w: (-len(w), w)):
        if term[0].isascii() and term[0].isalpha() and not (term[-1].isascii() and term[-1].isalpha()):
            out.append(re.escape(term[-1]) + f"(?<={_caseless(term)})")
        else:
            out.append(_caseless(term))
    for pattern in SPAM_PATTERNS:
        lead = re.match(r"\(\?:((?:[^()|\\]+\|)+[^()|\\]+)\)(?![?*+{])", pattern)
        out += [w + pattern[lead.end():] for w in lead.group(1).split("|")] if lead else [pattern]
    return out


def _ascii_lower(word: str) -> str:
    return "".join(c.lower() if c.isascii() else c for c in word)


def _top_level_choice(pattern: str) -> bool:
    """Does ``pattern`` hold a ``|`` outside every group (a choice of the whole pattern)?"""
    return len(top_level_branches(pattern)) > 1


def _block_gate_branches() -> list[str]:
    """The branches of a regex that finds something in exactly the texts in which ``_CORE | TERMS_PATTERN`` does,
    each a fixed word that holds no whitespace (a match never runs from one line into the next):

    * a word that holds another one (开云体育 holds 体育, 注册送彩金 holds 彩金; ASCII case ignored) is left out:
      wherever it is, the other one is;
    * a pattern that ends in a word kept, outside any choice (``(?:注册|首存|充值)…送\\s?\\d{1,6}\\s?元?彩金`` ends in
      彩金), is left out for the same reason (the only patterns that hold whitespace);
    * a word led by an ASCII letter is its last character and a look-behind (as in :data:`TERMS_GATE`)."""
    words: dict[str, str] = {}
    for w in [*_CORE, *SPAM_TERMS]:
        if w:
            words.setdefault(_ascii_lower(w), w)
    kept = [w for low, w in words.items() if not any(other != low and other in low for other in words)]
    out = []
    for term in sorted(kept, key=lambda w: (-len(w), w)):
        if term[0].isascii() and term[0].isalpha() and not (term[-1].isascii() and term[-1].isalpha()):
            out.append(re.escape(term[-1]) + f"(?<={_caseless(term)})")
        else:
            out.append(_caseless(term))
    for pattern in SPAM_PATTERNS:
        if not _top_level_choice(pattern) and any(pattern.endswith(re.escape(w)) for w in kept if w.isalpha()):
            continue
        lead = re.match(r"\(\?:((?:[^()|\\]+\|)+[^()|\\]+)\)(?![?*+{])", pattern)
        out += [w + pattern[lead.end():] for w in lead.group(1).split("|")] if lead else [pattern]
    return out


# the source of _TERMS (DL501's default), and a regex that finds something in the same texts, fast (a gate)
TERMS_PATTERN = term_pattern(SPAM_TERMS, SPAM_PATTERNS)
TERMS_GATE = re.compile(trie(_gate_branches()))  # (as a tree: the plain alternation cost ≈ 0.3 µs a character)
# whether a block may hold a promotion at all (only blocks with a core word or a term are read): finds something
# in the same texts as ``_CORE | TERMS_GATE`` (tests/test_fast_paths.py, tests/test_fast_paths_t4_scan.py)
_GATE_BRANCHES = _block_gate_branches()
_GATE = re.compile(trie(_GATE_BRANCHES))  # a tree of the words: see .alternation
# no branch can match a newline (what :func:`gate_blocks`' one search over the joined texts needs); a pattern
# added to SPAM_PATTERNS that might is searched block by block
_ONE_LINE = not any(x in b for b in _GATE_BRANCHES for x in ("\\s", "\\S", "\\D", "\\W", "\\n", "[^", "."))


def _own_words(report) -> frozenset[str]:
    """Two-character pieces of the agency's name and the title: never a brand (杭州体育…)."""
    words: set[str] = set()
    for name in (report.agency.name, report.title):
        if name:
            words.update(name[i:i + 2] for i in range(len(name) - 1))
    return frozenset(words)


def gate_blocks(blocks: list[Block]) -> list[Block]:
    """The blocks with text in which :data:`_GATE` finds something: a core word or a match of :data:`TERMS_GATE`
    (so also every block in which TERMS_GATE finds something)."""
    # one search over the texts joined by newlines (no match of _GATE holds one, see _ONE_LINE)
    if not _ONE_LINE:  # pragma: no cover - the tool's own lists hold no such pattern
        return [b for b in blocks if b.text and _GATE.search(b.text) is not None]
    return [blocks[k] for k in holding([b.text for b in blocks], _GATE.search)]


def find(report) -> list[Promotion]:
    """Every suspected promotion in the report: prose blocks, table cells and hidden HTML content."""
    ordinary = _own_words(report)
    hidden = report.hidden
    out: list[Promotion] = []
    for block in report.spam_blocks:
        if block.kind == "table" and block.table is not None:
            segs = [(c, c.text) for c in block.table.cells() if c.text and _GATE.search(c.text)]
        else:
            segs = [(None, block.text)]
        for cell, text in segs:
            for p in find_phrases(text, ordinary):
                where = cell if cell is not None else block
                if hidden and covering(hidden, where, p.start) is not None:
                    continue  # listed below, with the hidden element that holds it
                out.append(_promotion(block, cell, text, p))
    for h in hidden:
        text = h.block.text
        found = find_phrases(text, ordinary)
        for k in h.links:  # link texts run together (<a>金沙电子</a><a>永利棋牌</a>): each is a phrase of its own
            if k.end > k.start:
                found += [Phrase(p.start + k.start, p.end + k.start, p.phrase, p.brand, p.trigger, p.signals, p.core,
                                 p.tail) for p in find_phrases(text[k.start:k.end], ordinary)]
        for p in _merge(text, found) if h.links else found:
            out.append(_promotion(h.block, None, text, p, hidden=h))
    return out + _echoes(report, out)


def _echoes(report, found: list[Promotion]) -> list[Promotion]:
    """The same new brand's phrase elsewhere in the prose, where its shape alone says nothing (盛京棋牌 put in place of
    国务院 in four titles, one of them before 办公厅): one insertion repeated by the hijacker, each a finding."""
    phrases = {p.phrase for p in found if "new-brand" in p.signals and p.brand and p.phrase == p.brand + p.core}
    if not phrases:
        return []
    taken = {(id(p.block), p.start) for p in found if p.cell is None}
    out = []
    for block in report.spam_blocks:
        if block.kind == "table":
            continue
        for phrase in phrases:
            at = block.text.find(phrase)
            while at >= 0:
                if (id(block), at) not in taken:
                    out.append(Promotion(block=block, cell=None, start=at, end=at + len(phrase), phrase=phrase,
                                         brand=phrase[:2], trigger=phrase[2:], signals=("new-brand", "same-phrase"),
                                         core=phrase[2:], tail=""))
                at = block.text.find(phrase, at + len(phrase))
    return out


def _promotion(block, cell, text, p: Phrase, hidden=None) -> Promotion:
    return Promotion(block=block, cell=cell, start=p.start, end=p.end, phrase=text[p.start:p.end], brand=p.brand,
                     trigger=p.trigger, signals=p.signals, core=p.core, tail=p.tail, hidden=hidden)
