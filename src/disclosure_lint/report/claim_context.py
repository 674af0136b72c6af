"""What a sentence of the prose is about: the words the claim reader (:mod:`.claims`) uses to tell whose numbers
a sentence gives and which part of a table they are about.

* **Sub-items** of table 三's groups （三）–（六） and the reasons that name them (``因属于行政执法案卷`` → row 7);
* **the reporting body naming itself** (``市政府办公厅`` in that office's own report is no other scope);
* **documents, not applications** (``制发公文…其中主动公开98件…不予公开27件``, 保密审查);
* **statements**: ``均获维持`` and the outcomes a sentence counts itself, ``未收到…申请`` and what may stand in it,
  ``未发生…行政复议、行政诉讼``, ``无结转下年度办理的申请``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from ..userregex import BoundedPattern, compile_pattern, trusted

if TYPE_CHECKING:  # pragma: no cover
    from .annual import AnnualReport
    from .prose_reading import Sentence


def _search_in(sent: str):
    return lambda pattern, upto: pattern.search(sent, 0, upto)

# -- scope: words that make a number possibly another body's or another kind's -----------------------------

REVIEWER = re.compile(r"(?:受理|审理|办理|审结|作出|承办)[^，。；]{0,12}(?:行政复议|复议)")
WIDER = re.compile(r"其中[^，,。；;]{0,8}?(?:涉及|属于|因|为|是)?(?:政府)?信息公开")
# naming every applicant is not a narrower scope
ALL_APPLICANTS = re.compile(r"(?:自然人|公民)(?:[、，,和及与]|以及)?法人(?:[、，,和及与或]|或者|以及)*(?:其[他它])?组织")
# 受理食品经营许可申请, 办结行政许可申请, 受理投诉举报申请, 信用修复申请: the word right before 申请 names another
# kind of application than table 三's (政府信息公开申请, 依申请公开申请, 公开申请; 涉及投诉举报处理结果的申请 is one)
_OTHER_KIND = re.compile(r"许可|审批|核准|备案|登记|注册|注销|变更|年检|年报|认证|认定|投诉|举报|信访|复议|诉讼|修复|补贴|补助"
                         r"|救助|资助|赔偿|补偿|减免|退税|仲裁|调解|鉴定|检验|检测|听证|复核|专利|商标")
_QUALIFIER_END = re.compile(r"[的、，,和及与或]")


def other_application(gap: str) -> bool:
    """Does the 申请 named last in ``gap`` (the words between a flow keyword and its number, at most a clause) name
    another kind of application than 政府信息公开: 受理行政许可申请, 办结信用修复申请 — not 政府信息公开申请,
    依申请公开申请, 涉及行政许可的政府信息公开申请, 收到自然人、法人或其他组织提出的申请."""
    i = gap.rfind("申请")
    if i <= 0:
        return False
    qualifier = _QUALIFIER_END.split(gap[:i])[-1]
    return not qualifier.endswith("公开") and _OTHER_KIND.search(qualifier) is not None


# 本年新收的57件申请中，已办结53件; 上年结转的3件申请中，予以公开1件; 本年新收申请中，予以公开21件: the counts after it
# (in the same part of the sentence) are parts of that subset, not the year's totals (在办结的56件申请中 names them all)
SUBSET_OF = re.compile(r"(?:新(?:收到?|受理|接收|接到)|结转|转结|遗留|转来)(?:至|到)?(?:下一?年度?)?"
                       r"(?:(?:的|了的)\s*(?:[\d零〇一二两三四五六七八九十百千]+\s*件)?(?:政府信息公开|依申请公开)?(?:申请|事项)?"
                       r"|\s*[\d零〇一二两三四五六七八九十百千]+\s*件的?(?:政府信息公开|依申请公开)?(?:申请|事项)?"
                       r"|(?:政府信息公开|依申请公开)?(?:申请|事项))(?:中|当中|之中)(?![心央])")


def in_subset(sent: Sentence, pos: int) -> bool:
    """Is ``pos`` after a :data:`SUBSET_OF` (本年新收的57件申请中, 上年结转的3件申请中) in its part of the sentence (after the
    last ；): a count there is a part of that subset."""
    m = sent.search(SUBSET_OF, pos) if "中" in sent.text else None
    return m is not None and m.start() > sent.time.semicolon_before(pos)


def scope_regex(patterns: list[str]) -> re.Pattern[str] | BoundedPattern | None:
    """One regex for a list of scope patterns (a rule's ``scope_patterns``); None when the list is empty.

    The tool's own list (:data:`DEFAULT_SCOPE`, what every built-in rule uses) is plain :mod:`re`; any other list
    comes from a user's configuration or rule pack and runs with the rule's time budget (:mod:`..userregex`)."""
    if not patterns:
        return None
    if list(patterns) == DEFAULT_SCOPE:
        return _default_scope()
    with trusted(False):
        return compile_pattern("|".join(f"(?:{p})" for p in patterns))


DEFAULT_SCOPE = [
    r"(?<!人大)(?<!党)代表(?!建议|大会|性|团|委员)",
    r"本级",
    r"各(?:部门|单位|乡镇|街道|镇|区县|县区|县市区|地|级|园区|镇街|区(?!域)|县|市(?!场|民))",
    r"各[\u4e00-\u9fff]{0,6}?(?:分局|所|站|队|科室)(?![有在属])",  # 各市场监管所, 各派出所, 各执法大队
    r"全(?:区(?!域)|市(?!场|民)|县|省|州|盟|旗|系统)",
    r"(?:区|市|县|州|旗)(?:人民)?政府办(?:公室)?|政府办公室",
    r"所属|下属|直属|二级单位|[局委厅办院署]属(?!于)",
    r"(?<!本)(?<!业务)(?<!相关)部门",
    r"乡镇|镇街|镇（街道）",
    r"自然人|企业|网上|网络|在线|当面|现场|信函|邮寄|传真|电子邮件",
]

# the first character of every pattern of DEFAULT_SCOPE (tests/test_fast_paths.py checks it)
_SCOPE_FIRST = "代本各全区市县州旗政所下直二局委厅办院署部乡镇自企网在当现信邮传电"
# DEFAULT_SCOPE's alternatives in their order, each led by one literal character (a look-behind moved after the
# character it stands before: 代(?<!党代)表 is (?<!党)代表): ``re`` scans for those characters in C and tries the
# alternatives in the same order, where ``(?=[_SCOPE_FIRST])(?:…)`` tried its look-ahead at every position — the same
# matches (tests/test_fast_paths_t4_claims.py), several times faster
_SCOPE_LED = [
    r"代(?<!人大代)(?<!党代)表(?!建议|大会|性|团|委员)",
    r"本级",
    r"各(?:部门|单位|乡镇|街道|镇|区县|县区|县市区|地|级|园区|镇街|区(?!域)|县|市(?!场|民))",
    r"各[\u4e00-\u9fff]{0,6}?(?:分局|所|站|队|科室)(?![有在属])",
    r"全(?:区(?!域)|市(?!场|民)|县|省|州|盟|旗|系统)",
    *(f"{c}(?:人民)?政府办(?:公室)?" for c in "区市县州旗"), "政府办公室",
    "所属", "下属", "直属", "二级单位", *(f"{c}属(?!于)" for c in "局委厅办院署"),
    r"部(?<!本部)(?<!业务部)(?<!相关部)门",
    "乡镇", "镇街", "镇（街道）",
    "自然人", "企业", "网上", "网络", "在线", "当面", "现场", "信函", "邮寄", "传真", "电子邮件",
]


@cache
def _default_scope() -> re.Pattern[str]:
    """The tool's own scope words as one plain pattern, compiled once (not at import: start-up stays fast)."""
    return re.compile("|".join(_SCOPE_LED))


# the numbered sub-items of table 三's groups （三）–（六）, with the words a sentence names their reason by
# (``因属于行政执法案卷不予公开3件`` counts sub-item 7 only); metric ``<group>.<sub-item>``, row ``result.<metric>``
SUB_ITEMS: dict[str, list[tuple[str, str, str]]] = {
    "not_open": [
        ("state_secret", "1.属于国家秘密", r"国家秘密|涉密"),
        ("law_prohibited", "2.其他法律行政法规禁止公开", r"法律(?:、|和|及)?(?:行政)?法规(?:明确)?禁止公开"),
        ("security_stability", "3.危及“三安全一稳定”", r"三安全一稳定|国家安全|公共安全|经济安全|社会稳定"),
        ("third_party", "4.保护第三方合法权益", r"第三方|商业秘密|个人隐私"),
        ("internal_affairs", "5.属于三类内部事务信息", r"内部事务"),
        ("process_info", "6.属于四类过程性信息", r"过程性"),
        ("enforcement_file", "7.属于行政执法案卷", r"执法案卷"),
        ("admin_query", "8.属于行政查询事项", r"查询事项"),
    ],
    "unavailable": [
        ("not_held", "1.本机关不掌握相关政府信息", r"不掌握|信息不存在|未制作(?:或|、)?(?:获取)?|没有制作"),
        ("need_creation", "2.没有现成信息需要另行制作", r"另行制作|现成信息|加工"),
        ("unclear", "3.补正后申请内容仍不明确", r"不明确"),
    ],
    "not_processed": [
        ("petition", "1.信访举报投诉类申请", r"信访|举报|投诉"),
        ("repeated", "2.重复申请", r"重复申请|重复提出"),
        ("publication", "3.要求提供公开出版物", r"出版物"),
        ("excessive", "4.无正当理由大量反复申请", r"大量反复|反复申请"),
        ("confirm", "5.要求行政机关确认或重新出具已获取信息", r"重新出具|要求(?:行政机关)?确认"),
    ],
    "other": [
        ("no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", r"不补正|未补正|未按要求补正"),
        ("no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", r"缴纳费用|收费通知|缴费"),
    ],
}
SUB_ITEM_LABELS = {f"{g}.{k}": label for g, items in SUB_ITEMS.items() for k, label, _ in items}
REASON = re.compile("|".join(f"(?P<{g}__{k}>{p})" for g, items in SUB_ITEMS.items() for k, _, p in items))
REASON_ETC = re.compile(r"等(?:原因|情形|情况|理由|事由)?")
REASON_LEAD = re.compile(r"因|由于|属于|涉及|以[^，。；]{0,12}为由|系")

def base_metric(metric: str) -> str:
    """The metric of a table-三 group for one of its sub-items (``unavailable.not_held`` → ``unavailable``)."""
    return metric.split(".", 1)[0]


# the body's own documents classified by disclosure attribute, or its secrecy review: their 不予公开 is not table 三's
_DOC_ATTR = re.compile(r"公文|发文|文件公开属性|公开属性|保密审查|拟公开|拟发布|属性认定|源头认定")
# (…其中主动公开380份，依申请公开及不予公开319份: the attributes of the documents published, 依申请公开 counted with 不予公开)
_ATTR_SIBLINGS = re.compile(r"主动公开\s*\d+\s*[件条个份]\s*[、，,；;]\s*依申请公开\s*(?:\d+\s*[件条个份]|[及和与、])")




def doc_attr(sent: str, upto: int, search=None) -> bool:
    """Is the result word before ``upto`` about documents (公文, 发文, 公开属性, 保密审查) rather than applications?
    Also when it follows 主动公开N件、依申请公开M件 or 主动公开N件，依申请公开及 (the disclosure attributes of documents)."""
    search = search or _search_in(sent)
    return bool(search(_DOC_ATTR, upto) or search(_ATTR_SIBLINGS, upto))


UPHELD = re.compile(r"(?:均|全部|都|皆)(?:已)?(?:获得?|被|予以|为|是)?(?:法院|人民法院|复议机关)?(?:判决|决定)?(?:结果)?"
                     r"维持(?:原?(?:具体)?行政行为|原决定|原判|原答复)?|结果均为维持")
NONE_APP = re.compile(
    r"(?:(?<!尚)未|没有|(?<![有并])无)(?:收到|接到|受理|接收|发生|产生)(?:过|到)?(?P<mid>[^，。；;\d]{0,30}?)"
    # (not when the applications only qualify what was not received: 未收到政府信息公开申请的投诉举报, …申请以外的)
    r"(?:依申请公开|公开申请|申请)(?!人|材料|补正|延期|行政复议|复议|提起|以外|之外|(?:方面)?的?(?:投诉|举报|信访|咨询))"
    r"|(?<!复议)(?<!诉讼)(?:依申请公开|申请)(?!人)(?:[^，。；;\d]{0,8}?)(?:数量?)?(?:均)?为(?:零|0|无)(?![\d.件个条])"
    r"|(?<![有并])无(?:政府信息)?(?:依申请公开|公开申请)(?:事项|申请|情况)?(?=[，。；,;]|$)")
NONE_S4 = re.compile(
    r"(?:(?<!尚)未(?!经|审|结|办|予|被纠)|没有|(?<![有并])无(?!论|法|正当)|不存在)"
    r"(?:发生|出现|产生|收到|接到|涉及|有|被申请|被提起|被)?(?:过)?(?P<mid>[^，。；;\d]{0,30}?)"
    r"(?P<what>行政复议|行政诉讼|复议|诉讼)(?P<rest>(?:(?:[、和及与或]|或者)(?:被)?(?:提起)?(?:行政复议|行政诉讼|复议|诉讼))?)"
    r"|(?P<what2>行政复议|行政诉讼)(?P<rest2>(?:[、和及与或](?:行政复议|行政诉讼))?)(?:案件)?(?:数量?)?(?:均|都)?为(?:零|0|无)"
    r"(?![\d.件起])")
NONE_CARRIED = re.compile(r"(?:(?<![有并])无|没有|未有|不存在)(?:需要|需)?(?:结转|转入|顺延)(?:至|到)?下一?年度?(?:继续)?(?:办理)?"
                           r"(?:的)?(?:政府信息公开|依申请公开)?(?:申请|情况|事项|情形)")
def has_none_words(sent: str) -> bool:
    """Every match of NONE_APP, NONE_CARRIED and NONE_S4 holds one of these words (tests/test_fast_paths.py)."""
    return "未" in sent or "无" in sent or "没有" in sent or "不存在" in sent or "为零" in sent or "为0" in sent


# what may stand between 未收到 and 申请 in a statement of none (任何, 向本机关提出的, 政府信息公开 …); an applicant
# kind narrows it to that kind's columns; anything else (涉及商业秘密的) makes it a statement about a subset
NONE_MID_OK = re.compile(
    r"(?:任何|过|到|一件|一起|有关|相关|书面|正式|的|(?:向)?(?:本|我)(?:机关|单位|局|委|办|厅|部门|镇|街道|乡|院|署|中心)"
    r"|(?:提出|提交|递交)|政府信息公开|政府信息|信息公开|公开|依申请公开|[、，和及与或者]"
    r"|(?P<persons>自然人|公民|个人)|(?P<orgs>法人|其他组织|其[他它]组织|组织|企业))*")
# 2022年结转的1件行政诉讼案件已审结: the number after an application keyword counts cases of review or litigation
CASES_AFTER = re.compile(r"^(?:行政)?(?:复议|诉讼|起诉)|^案件")
NONE_S4_BAD_AFTER = re.compile(r"^(?:案件)?(?:被|败诉|纠错|决定|机关|机构|后|结果|中败诉|中被|申请人)")
# (a statement about a subset of the cases: 未发生被纠错的行政复议, 未发生因答复错误引起的行政诉讼)
NONE_BAD_MID = re.compile(r"^(?:其他|另外|此外)|补正|异议|延期|收费|减免|处理费|纠正|纠错|错误|违法|败诉|撤销|维持|审结")


# outcomes a sentence states with their own count (1件尚未审结, 结果纠正1件, 除1件尚未审结外): a 均获维持 in it is
# about the other cases; 已审结的…均获维持 is about the concluded ones
OUTCOME_WORDS = {
    "pending": r"尚未审结|未审结|正在审理|审理中|尚在审理|未结案",
    "corrected": r"结果纠正|被纠正|纠正|被撤销|撤销|确认违法|纠错",
    "other": r"其他结果|撤回|终止审理|终止|驳回",
}
_OUTCOME_COUNTED = {o: re.compile(rf"(?:[\d零〇一二两三四五六七八九十]+\s?[件起宗例][^，。；;\d]{{0,4}}?(?:{p})"
                                  rf"|(?:{p})[^，。；;\d]{{0,3}}?[\d零〇一二两三四五六七八九十]+\s?[件起宗例])")
                    for o, p in OUTCOME_WORDS.items()}
# 已审结的…均获维持, 已审结2件，均获维持, 已审结行政诉讼2件，均获维持 (but not 均已审结: all of them)
_CONCLUDED = re.compile(r"(?:已|经)?(?:审结|结案|判决|裁决|作出(?:复议)?决定)(?:的|了的)"
                        r"|(?<![均都部])已(?:审结|结案|判决)(?=(?:行政)?(?:复议|诉讼|起诉)?(?:案件)?"
                        r"[\d零〇一二两三四五六七八九十]+\s?[件起宗例])")
# before a review or lawsuit keyword in its clause: the count is of the concluded (已审结行政诉讼2件, 年内结案的…, 全年共
# 办结行政复议3件、行政诉讼2件) or the pending cases (尚未审结的行政诉讼1件), not of all of them
_PART_OF_CASES = re.compile(r"审结|结案|办结|未结|审理终结")


def part_of_cases(sent: str, start: int, end: int) -> bool:
    """Does ``sent[start:end]`` (the clause before a table-四 group's keyword) say the count is of some cases only?"""
    return _PART_OF_CASES.search(sent, start, end) is not None
_EXCEPT = re.compile(r"除[^，。；;]{0,20}?外|其余|其他(?:案件|的)")


def upheld_outcomes(sent: str, pos: int, search=None) -> tuple[str, ...]:
    """The outcomes a 均获维持 statement at ``pos`` denies: all three, less those the sentence counts itself and,
    after 已审结的, 尚未审结; () when it is about an unnamed remainder (除1件外，其余均获维持).  ``search(pattern,
    upto)`` finds the first match before ``upto`` (the claim reader answers it from one scan per sentence)."""
    search = search or _search_in(sent)
    outcomes = [o for o in ("corrected", "other", "pending") if not search(_OUTCOME_COUNTED[o], len(sent))]
    if search(_CONCLUDED, pos) and "pending" in outcomes:
        outcomes.remove("pending")
    if search(_EXCEPT, pos) and len(outcomes) == 3:
        return ()  # 除1件外其余均获维持: the exception is not named
    return tuple(outcomes)


def blank_out(m: re.Match[str]) -> str:
    return "　" * len(m.group(0))


_GOV_OFFICE = re.compile(r"(?P<level>[省市区县州旗盟])?(?:人民)?政府办公[厅室]$")


def self_masker(report: AnnualReport) -> Callable[[str], str]:
    """A function that blanks the words with which the reporting body names itself when they look like a
    scope qualifier: in the report of a 人民政府办公厅/办公室, ``市政府办公厅`` / ``市政府办`` of its own level is
    the reporting body, not another scope (``区政府办`` in a 市政府办公厅 report, or in a 区政府 report, still is).
    The report's own is ``report.own_name_masker``."""
    agency = getattr(report, "agency", None)
    m = _GOV_OFFICE.search(agency.name or "") if agency is not None and agency.kind == "government_office" else None
    if m is None:
        return lambda text: text
    level = re.escape(m.group("level")) if m.group("level") else ""
    pat = re.compile(rf"(?<![全各])(?:{level}(?:人民)?政府办(?:公厅|公室)?|(?<![区市县州旗省盟])政府办公[厅室])"
                     if level else r"(?<![区市县州旗省盟全各])(?:人民)?政府办(?:公厅|公室)?")
    return lambda text: pat.sub(blank_out, text)
