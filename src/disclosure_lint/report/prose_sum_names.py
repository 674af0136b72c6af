"""The words of the prose sums (:mod:`.prose_sums`): a total's keywords, and the names of the parts listed with it.

``TOTAL_KW`` finds the keyword that makes a number a total (办结, 收到, 行政复议, 主动公开 …) and names its
kind; :func:`classify` says which breakdown and which categories a part's name belongs to (``予以公开``,
``自然人``, ``本年新收``, ``结果维持`` …), or ``disclosed`` for a category of information, or None.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .claim_context import OUTCOME_WORDS as _OUTCOME_WORDS
from .claim_keywords import KEYWORDS as _KEYWORDS
from .prose_reading import YEAR_NUMERAL as _Y

# -- totals ----------------------------------------------------------------------------------------------
KW = dict(_KEYWORDS)
# the first character of every alternative of TOTAL_KW (tests/test_fast_paths.py checks it): the look-ahead lets the
# regex engine pass over the other positions quickly; what matches is the same
TOTAL_KW_FIRST = "办处完答本新共需合总累收受接行复未直被起应诉主公发编推各"
TOTAL_KW_ALTERNATION = "|".join([
    f"(?P<handled>{KW['handled']})", f"(?P<new>{KW['new']})",
    r"(?P<in_total>共需办理|需办理|共需处理|共计|合计|总计|共有|(?:共|累计)?(?:处理|办理)(?!完毕|结果|情况))",
    f"(?P<received>{KW['received']})",
    f"(?P<after_review>{KW['after_review']})",
    f"(?P<direct>{KW['direct']})",
    f"(?P<review>{KW['review']}|复议(?!后|决定|机关|机构|委员))",
    f"(?P<litigation>{KW['litigation']})",
    # (发布及公开的信息全年共计538条: 的 before the object)
    # (公开全市各类政府信息共计3437条: the area the government's report covers before the object)
    # (共公开发布197条，其中…: the verb before the figure, its object left out; 发布数据3105条, 数据 for 信息)
    r"(?P<disclosed>主动公开|(?:公开|公布|发布|编发|推送)(?:(?<!予公开)(?<!分公开)(?<!请公开)的)?(?:全[市县区旗州盟])?(?:各类|各项)?"
    r"(?:政府)?(?:信息|文件|数据)|(?:公开)?发布(?:了)?(?:共计?|总计|合计)?(?=\d|$)"
    # (…工作总结等各类信息5条，其中…: the kinds of information as the total, its verb far before it)
    r"|(?<=等)各类(?:政府)?信息(?=\d|$))",
])
TOTAL_KW = re.compile(f"(?=[{TOTAL_KW_FIRST}])(?:{TOTAL_KW_ALTERNATION})")

# -- parts -----------------------------------------------------------------------------------------------

_FILL_END = r"(?:的)?(?:有|为|是|共计?|计|达)?"
_CATS: dict[str, list[tuple[str, str]]] = {
    "results": [
        ("open_partial", r"(?:予以|全部)?公开(?:及|和|与|、|以及)(?:予以)?部分公开|(?:予以)?部分公开(?:及|和|与|、)(?:予以|全部)?公开"),
        ("partial", r"(?:予以)?部分公开"),
        ("not_open", r"不予(?:以)?公开"),
        ("unavailable", r"无法提供|(?:政府)?信息不存在"),
        ("not_processed", r"不予(?:以)?处理"),
        ("other", r"其[他它](?:处理|情形|情况)?"),
        ("open", r"予以公开|全部公开|同意公开|准予公开"),
    ],
    "applicants": [
        ("org", r"法人(?:或者?|和|及|与|、|以及)?(?:其[他它])?组织|法人(?:单位)?"),
        ("natural_person", r"自然人|公民|个人"),
        ("commercial", r"商业企业|企业"),
        ("research", r"科研机构"),
        ("social_welfare", r"(?:社会)?公益组织"),
        ("legal_service", r"法律服务机构|律师事务所|律师"),
        ("other_org", r"其[他它](?:组织|申请人|单位|机构|类)?"),
    ],
    "flow": [
        ("new", r"(?:本年度?|今年|当年|年内)?(?:新(?:收到?|接收|受理|接到|增)|共?(?:收到|受理|接收|接到))"),
        ("carried_over", rf"(?:上一?年度?|{_Y}年度?|往年|以前年度)(?:结转|转结|转入|遗留)(?:办理)?|结转上一?年度?"),
    ],
    "review": [
        ("upheld", r"(?:结果)?(?:被)?维持(?:原?(?:具体)?行政行为|原决定|原判|原答复)?"),
        ("corrected", r"(?:结果)?(?:纠正|纠错)|被?撤销|确认违法"),
        ("other_result", r"其[他它](?:结果)?"),
        ("pending", _OUTCOME_WORDS["pending"]),
    ],
}
_CATS["litigation"] = _CATS["review"]
_CATS["litigation_routes"] = [("direct", KW["direct"]), ("after_review", KW["after_review"])]
_FRAME = {  # what may stand around a category in a part's name
    "results": (r"(?P<pre>[^\d，,；;。]{0,16}?)", rf"(?:的)?(?:类)?(?:申请|答复|事项|情形)?(?:件数|数量)?{_FILL_END}"),
    "applicants": (r"(?P<pre>(?:其中|来自|由|属于)?)",
                   rf"(?:提出|提交)?(?:的)?(?:政府信息公开|信息公开|依申请公开)?(?:申请人?)?(?:数量?|件数)?{_FILL_END}"),
    "flow": (r"(?P<pre>(?:其中)?)", rf"(?:的)?(?:政府信息公开|依申请公开)?(?:申请)?(?:数量?)?{_FILL_END}"),
    "review": (r"(?P<pre>(?:其中|经审理|审理)?(?:结果)?(?:为)?)", rf"(?:的)?(?:案件)?{_FILL_END}"),
}
_FRAME["litigation"] = _FRAME["review"]
_FRAME["litigation_routes"] = (r"(?P<pre>(?:其中|被)?)", rf"(?:的)?(?:案件)?{_FILL_END}")
_MULTI_END = r"(?P<multi>分别(?:为|是)?|均(?:为|是)?|都(?:为|是)?|各)"


def _cat_regex(kind: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    cats = "|".join(f"(?P<{c}>{p})" for c, p in _CATS[kind])
    pre, post = _FRAME[kind]
    one = re.compile(f"{pre}(?:{cats}){post}")
    seq = re.compile("|".join(f"(?P<{c}>{p})" for c, p in _CATS[kind] if c != "open_partial"))
    return one, seq


_CAT_RE = {k: _cat_regex(k) for k in _CATS}
_ANY_CAT = re.compile("|".join(p for k in _CATS for _, p in _CATS[k]))  # a quick no for names of no category
_MULTI = re.compile(rf"^(?P<cats>[^\d，,；;。]{{2,40}}?)(?:的)?(?:申请|案件)?(?:数量?)?{_MULTI_END}$")
_MULTI_SEP = re.compile(r"^(?:[、/和及与]|或者?|以及)$")
# (a short bracket inside the name is part of it: 乡村振兴(试点)信息41条)
_GENERIC = re.compile(r"^(?P<name>(?:[^\d０-９，,；;。：:（()）]|[（(][^\d０-９，,；;。：:（()）]{1,10}[）)]){1,30}?)(?:的)?(?:信息)?"
                      r"(?:数量?)?(?:共计?|计|为|有|达)?$")
# a part that is one document named with its year (某某局2021年度政府信息公开工作年度报告1条: last year's report, published
# this year): a kind of information disclosed, its year no figure of another year
YEAR_REPORT = re.compile(r"^[^\d０-９]{0,20}?(?:19|20)\d{2}年度?[^\d０-９，,；;。：:]{0,24}?(?:年度报告|工作报告|年报)$")
_YEAR_DIGITS = re.compile(r"(?:19|20)\d{2}(?=年)")
_CHANNEL = re.compile(r"网站|网页|门户|微信|微博|公众号|新媒体|客户端|[Aa][Pp][Pp]|抖音|头条|快手|视频号|公报|公开栏|公示栏|宣传栏"
                      r"|电子屏|显示屏|LED|平台|专栏|栏目|报刊|报纸|电视|广播|短信|政务号|热线|网(?!格)|依申请公开|不予公开|部分公开|予以公开")
VERB_LED = re.compile(r"^(?:发布|公开|主动公开|通过|在|于|利用|依托|转载|转发|推送|更新|开展|召开|举办|举行|组织|制作|编制|印发"
                       r"|制定|出台|制发|解读|回应|办理|受理|答复|收到|接到|接收|新增|梳理|报送|上报|录入|维护|处理|办结|完成|推出"
                       r"|开设|设置|征集|收集|审核|提供|接待|参加|培训|清理|修订|废止|编发|刊发|刊登|撰写|上传|归集|发送|印制|张贴"
                       r"|播放|累计|共|另|还|并|同时)")
_SCOPE_WORDS = re.compile(r"(?<!人大)(?<!党)代表(?!建议|大会|性|团|委员)|本级|各(?:部门|单位|乡镇|街道|镇|区县|县区|地|级|园区|镇街|区|县|市)"
                          r"|全(?:区|市|县|省|州|盟|旗|系统)|政府办|办公室|所属|下属|直属|乡镇|镇街|网上|网络|在线|当面|现场|信函|邮寄"
                          r"|传真|电子邮件|(?<!及其)部门(?!文件|规范性文件|动态|工作动态|预决算|预算|决算)")
# (区政府及其部门规范性文件, 部门文件5篇, 部门预决算: a kind of document, not another scope)


@lru_cache(maxsize=4096)  # a pure function, and part names recur from report to report: the answer is shared, read only
def classify(name: str, kinds: tuple[str, ...], marked: bool, first_free: bool, later: bool):
    """(kind, [categories], each, skip) of a part's name, or None; ``each``: 均为0件 gives every category
    the number; ``skip``: characters of context before the part's own name (first part of a total-last list)."""
    lead = len(name) - len(name.lstrip())
    name = name.strip()
    got = _classify_one(name, kinds, marked, later)
    if got is not None:
        return (*got, lead)
    if first_free:  # the first part of a total-last list may carry its context
        ctx = None
        for ctx in TOTAL_KW.finditer(name):  # noqa: B007 - the last match is kept
            pass
        if ctx is not None:  # 依申请公开 本年新收… → 本年新收…; 本年共收到自然人申请 → 自然人申请
            got = _classify_one(name[ctx.start():], kinds, marked, later)
            if got is not None:
                return (*got, lead + ctx.start())
            rest = name[ctx.end():]
            skip = ctx.end() + len(rest) - len(rest.lstrip("了到的"))
            got = _classify_one(name[skip:], kinds, marked, later)
            if got is not None:
                return (*got, lead + skip)
    return None


def _classify_one(name: str, kinds: tuple[str, ...], marked: bool, later: bool):
    if "disclosed" not in kinds and not _ANY_CAT.search(name):
        return None
    for k in kinds:
        if k == "disclosed":
            continue
        one, seq = _CAT_RE[k]
        m = one.fullmatch(name)
        if m is not None:
            cat = m.lastgroup
            if cat in ("other", "other_org", "other_result") and (m.group("pre") or not later):
                continue  # 其他 alone is a category only after another part of the same list
            if k == "results" and _SCOPE_WORDS.search(m.group("pre") or ""):
                return None
            if k == "results" and re.search(r"自然人|法人|企业|申请人", m.group("pre") or ""):
                return None
            return k, [cat], False
        mm = _MULTI.match(name)
        if mm is not None:
            cats = []
            rest = mm.group("cats")
            pos = 0
            ok = True
            for c in seq.finditer(rest):
                if pos and not _MULTI_SEP.match(rest[pos:c.start()]):
                    ok = False
                    break
                if not pos and rest[:c.start()].strip("其中 "):
                    ok = False
                    break
                cats.append(c.lastgroup)
                pos = c.end()
            if ok and len(cats) > 1 and not rest[pos:].strip():
                return k, cats, mm.group("multi")[0] in "均都各"
    if "disclosed" in kinds:
        m = _GENERIC.match(name)
        if m is None and YEAR_REPORT.match(name):
            m = _GENERIC.match(_YEAR_DIGITS.sub("", name, 1))
        if m is None or not name:
            return None
        if _CHANNEL.search(name) or _SCOPE_WORDS.search(name):
            return None
        if not marked and VERB_LED.match(name):
            return None
        return "disclosed", ["item"], False
    return None
