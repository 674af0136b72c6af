"""Agency name and kind, from the report title (or configuration; or the 落款 when the title names none).

Kinds (``agency_kind`` in the JSON output):

=====================  ===============================  ==========  =================
kind                   recognised by the name ending     self word   deadline class
=====================  ===============================  ==========  =================
street_office          街道办事处, 街道                  街道        township
town_government        镇人民政府, 镇                    镇          township
township_government    乡人民政府, 乡 (民族乡, 苏木)     乡          township
province_government    省/自治区/直辖市人民政府          省/区/市    government
city_government        市/州/盟人民政府                  市/州/盟    government
county_government      县/区/旗人民政府                  县/区/旗    government
government_office      人民政府办公室/办公厅             办/厅       department
bureau                 局                                局          department
commission             委员会, 管委会, 委                委          department
office                 办公室, 办                        办          department
department             厅, 部, 署, 中心, 院, 所, 社 …   (that word) department
vertical_branch        海关; 人民银行…分行/支行;          关/行/局/队 department (unsettled)
                       税务局, 气象局, 邮政管理局, 烟草专卖局, 调查队
enforcement_unit       支队, 大队, 总队                  (that word) department (unsettled)
=====================  ===============================  ==========  =================

The deadline class maps to 《条例》第四十九条: departments by 1月31日, governments by 3月31日;
townships and street offices are not named there (configurable).  A development zone's body (管委会) is a
commission here, but the article names it in neither class (:func:`is_zone_body`; DL405 hedges).  Neither does it
name a vertically managed body's branch (某某海关, 中国人民银行某某市中心支行) or a department's own enforcement unit
(某某市公安局交通警察支队): their deadline class is the department's, unsettled (:data:`UNSETTLED_DEADLINE`; DL405
warns, never errs, for them).

A body with two names (某某市人民政府办公室（某某市政务服务管理局）) keeps both (:func:`names`): the first that
classifies gives the kind.  A title about the whole area (某某县人民政府办公室关于2022年全县…) names the area's
government (:func:`government_of`), whose report its office publishes; so does a report signed by the office
whose prose speaks for the area (:func:`speaks_for_area`, used by ``AnnualReport.agency``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..readers.script import strip_glosses
from .promotions import has_spam_term

KIND_NAMES = {
    "street_office": "街道办事处",
    "town_government": "镇人民政府",
    "township_government": "乡人民政府",
    "province_government": "省级人民政府",
    "city_government": "市级人民政府",
    "county_government": "县级人民政府",
    "government_office": "人民政府办公室（厅）",
    "bureau": "局",
    "commission": "委员会",
    "office": "办公室",
    "department": "部门",
    "vertical_branch": "垂直管理机构",
    "enforcement_unit": "部门所属执法队伍",
}

DEADLINE_CLASS = {
    "street_office": "township",
    "town_government": "township",
    "township_government": "township",
    "province_government": "government",
    "city_government": "government",
    "county_government": "government",
}


# Kinds whose deadline class (the department's) 《条例》第四十九条 does not settle: not a 县级以上人民政府部门 by name
# (a branch of a vertically managed 国务院部门; a unit of a department), so a report later than the department's
# deadline is a warning (spec: UNCONFIRMED → a warning), with why.
UNSETTLED_DEADLINE = {
    "vertical_branch": "垂直管理机构（海关、人民银行分支机构等）不是该条列明的县级以上人民政府部门，其年度报告按上级机关的"
                       "部署编制公布，是否适用部门的期限未经核实",
    "enforcement_unit": "部门所属的执法队伍（支队、大队）不是该条列明的县级以上人民政府部门，是否适用部门的期限未经核实",
}
# a body named as a centre, a hall, a federation or a society (某某住房公积金管理中心, 档案馆, 残联, 供销社, 红十字会): a
# public institution or a people's organisation, not a government department — 第五十四、五十五条 apply the 条例 to
# it, its deadline is not settled
NOT_A_DEPARTMENT = re.compile(r"(?:中心|馆|院|所|站|社|会|联|协|管理处)$")  # (某某风景名胜区管理处: a public institution)
NOT_A_DEPARTMENT_NOTE = ("以“中心”“馆”“会”“社”等为名的机关多是事业单位、人民团体或公共企事业单位，不是该条列明的县级以上人民政府部门"
                         "（《条例》第五十四、五十五条参照适用），是否适用部门的期限未经核实")


def deadline_class(kind: str | None) -> str | None:
    if kind is None:
        return None
    return DEADLINE_CLASS.get(kind, "department")


@dataclass(frozen=True)
class Agency:
    """The body the report is about: its name, kind, the word it uses for itself, and where that was found."""

    name: str | None
    kind: str | None
    word: str | None  # the body word the agency uses for itself: 局, 委, 街道, 镇, 区 …
    source: str  # "title", "config", "signature" (the 落款), "opening" (its title quoted in the opening), "page" (the
    # page header's 发布机构 or 来源, named in the text too), "voice" (no name: the kind from the one word the report
    # calls itself by, 我镇 … 本镇, :func:`.self_refs.voice_kind`) or "none"
    office: str | None = None  # the body's office named instead of it (某某镇人民政府党政办公室): the report is the body's


# (pattern on the end of the name, kind, self word or None to take the matched group)
_RULES: tuple[tuple[re.Pattern[str], str, str | None], ...] = tuple(
    (re.compile(r"(?:" + p + r")$"), k, w)
    for p, k, w in (
        (r"人民政府办公[室厅]", "government_office", None),
        (r"政府办公[室厅]", "government_office", None),
        (r"街道办事处|街道办|街办事处|街办|街道", "street_office", "街道"),  # (某某街办事处: 街办 is 街道办's short form)
        # a street office named 某某街 (天津: 佳荣里街, 我街) — not a street of shops (步行街, 商业街, 大街, 老街)
        (r"(?<!步行)(?<!商业)(?<!美食)(?<![大老古])街", "street_office", "街"),
        # a district's street office named without 街道 (栖霞区人民政府燕子矶办事处) — not a government's liaison office
        # elsewhere (某某市人民政府驻北京办事处)
        (r"(?:区|县|市|旗)人民政府[^驻\s]{2,8}?办事处", "street_office", "街道"),
        (r"镇人民政府|镇政府|镇", "town_government", "镇"),
        (r"(?:乡|苏木)人民政府|乡政府|乡|苏木", "township_government", "乡"),
        (r"(?:省|自治区)人民政府|省政府", "province_government", "省"),
        (r"(?:北京|天津|上海|重庆)市人民政府", "province_government", "市"),
        (r"(?:市|州|盟)人民政府|市政府|州政府", "city_government", None),
        (r"(?:县|区|旗)人民政府|县政府|区政府|旗政府", "county_government", None),
        # vertically managed branches: 某某海关 (我关), 中国人民银行某某市中心支行 / 某某分行 (我行)
        (r"海关(?:关区)?", "vertical_branch", "关"),  # (某某海关关区: the customs district, its report the 海关's)
        (r"人民银行[^行]{0,30}?(?:分行|支行)", "vertical_branch", "行"),
        # … and those under a national body of their own: 国家税务总局某某税务局, 某某市气象局, 某某省邮政管理局,
        # 某某市烟草专卖局, 国家统计局某某调查总队 (a 地方税务局 of before 2018 was the local government's), 某某海事局 (交通
        # 运输部's; a 地方海事局 is the province's), a province's 地震局 (中国地震局's; a city's or county's is its government's)
        (r"(?<!地方)税务局|气象局|邮政管理局|烟草专卖局|(?<!地方)海事局"
         r"|(?:省|自治区|北京市|天津市|上海市|重庆市)地震局", "vertical_branch", "局"),
        (r"调查总队|调查队", "vertical_branch", "队"),
        # a department's enforcement unit: 某某市公安局交通警察支队, 某某交警大队 (我支队, 我大队, 我队)
        (r"(?:支队|大队|总队)", "enforcement_unit", None),
        (r"委员会|管委会|委", "commission", "委"),
        (r"局", "bureau", "局"),
        (r"办公室|办", "office", "办"),
        (r"(?:厅|部|署|中心|院|所|会|社|站|馆|处|室)", "department", None),
        # a people's organisation by its short name (市残联, 县科协: 残疾人联合会, 科学技术协会 — 我会)
        (r"(?:残|侨|文|妇|工商)联|科协", "department", "会"),
        # a bare place name stands for its government ("2022年上海市政府信息公开…" → 上海市)
        (r"(?:北京|天津|上海|重庆)市", "province_government", "市"),
        (r"自治区", "province_government", "区"),
        (r"省", "province_government", "省"),
        (r"(?:市|州|盟)", "city_government", None),
        (r"(?:县|区|旗)", "county_government", None),
    )
)

_GOV_WORD = re.compile(r"([省市州盟县区旗])(?:(?:人民)?政府)?$")
_OFFICE_WORD = re.compile(r"办公([室厅])$")
_DEPT_WORD = re.compile(r"(厅|部|署|中心|院|所|会|社|站|馆|处|室)$")
_UNIT_WORD = re.compile(r"(支队|大队|总队)$")


# Areas that are not governments (their reports are written by a 管委会 or similar body).
# (某某管理区: a county's or a township's; a 新区 is run by its 管委会 — 两江新区, 滨海湾新区, 徐圩新区 — but for the districts
# named so that have a people's government: 浦东新区, 天津的滨海新区, 清远的清新区)
ZONE = (r"(?:高新|开发|经开|工业|产业|园|保税|综保|景|示范|试验|合作|功能|投资|风景名胜|管理"
        r"|(?<!浦东)(?<!清)(?<!^滨海)(?<![津市]滨海)新)区")
_NOT_GOVERNMENT = re.compile(ZONE + "$")


# a bureau's whole line of work named as one body: 某某市气象部门, 某某省邮政管理系统, 某某市规划和自然资源系统
_SYSTEM = re.compile(r"(.{2,30}?)(?:系统|部门)")
_TWO_NAMES = re.compile(r"(.+?)[（(]([^（）()]+)[）)]")
# the body's own organs, not the units under it (某某市市场监督管理局机关, 某某局本级: a real city bureau's title): the body
_OWN_ORGANS = re.compile(r"(.+?[局委厅办室署院会府])(?:机关|本级)")


@lru_cache(maxsize=1024)
def classify(name: str) -> tuple[str | None, str | None]:
    """Return ``(kind, self word)`` for an agency name, or ``(None, None)`` (cached: the report asks about the
    same names several times)."""
    name = name.strip()
    # two names for one body: 某某市人民政府外事办公室（某某市港澳事务局） → the first, else the second
    m = _TWO_NAMES.fullmatch(name)
    if m:
        first = classify(m.group(1))
        return first if first[0] is not None else classify(m.group(2))
    if _NOT_GOVERNMENT.search(name):
        return None, None
    m = _OWN_ORGANS.fullmatch(name)
    if m:
        return classify(m.group(1))
    m = _SYSTEM.fullmatch(name)
    if m and not m.group(1).endswith("政府"):
        # 某某市气象部门, 某某省邮政管理系统: a vertically managed bureau with the units under it, its report the
        # bureau's (deadline unsettled as the bureau's is).  Not a local department's system (某某市规划和自然资源
        # 系统): whether its joint report keeps the department's deadline is not settled, so its kind stays unknown
        kind, word = classify(m.group(1) + "局")
        return (kind, word) if kind == "vertical_branch" else (None, None)
    for pattern, kind, word in _RULES:
        if pattern.search(name):
            if word is None:
                if kind == "government_office":
                    m = _OFFICE_WORD.search(name)
                    word = "办" if m and m.group(1) == "室" else "厅"
                elif kind in ("department", "enforcement_unit"):
                    m = (_DEPT_WORD if kind == "department" else _UNIT_WORD).search(name)
                    word = m.group(1) if m else None
                else:
                    m = _GOV_WORD.search(name)
                    word = m.group(1) if m else None
            return kind, word
    return None, None


# The year may be followed by the area the report covers (某某区2022年度全区政府信息公开…, 某某县人民政府办公室关于
# 2022年全县政府信息公开…): the whole area's report.
# (a year without its 年: before the name, 2018上海市公安局…; before 政府信息公开, 某某镇2020政府信息公开…)
_TITLE = re.compile(
    r"^(?:(?P<year1>(?:19|20)\d{2})(?:\s*年?度|\s*年|(?=[\u4e00-\u9fff])))?\s*(?P<name>.*?)\s*"
    r"(?:(?P<year2>(?:19|20)\d{2})(?:\s*年度?|\s*度年|(?=(?:政府|政务)?信息公开|政务公开))"  # (2020度年: a slip)
    r"(?:(?!全)[\u4e00-\u9fff]{1,4}?(?=信息公开))?)?\s*"  # (海关总署2010年海关信息公开…: a field's word before it)
    r"(?:全(?P<area>自治区|省|市|州|盟|县|区|旗))?(?:政府信息公开|政务信息公开|政务公开|信息公开)"
)
_OPENS, _CLOSES = "（(", "）)"


def _strip_name(name: str) -> str:
    """The name without the quotes and colons around it, and without a bracket left over from the title
    (（某某局）2023年… → 某某局), but with a second name in brackets kept whole (某某办公室（某某局）)."""
    quotes = "《》“”\"：:"
    opens = sum(name.count(c) for c in _OPENS)
    closes = sum(name.count(c) for c in _CLOSES)
    a, b = 0, len(name)  # the name is name[a:b]; each step moves one end (no copies: linear in the name)
    while a < b and (name[a] in quotes or (name[a] in _OPENS and opens > closes)):
        opens -= name[a] in _OPENS
        a += 1
    while a < b and (name[b - 1] in quotes or (name[b - 1] in _CLOSES and closes > opens)):
        closes -= name[b - 1] in _CLOSES
        b -= 1
    if b - a >= 2 and name[a] in _OPENS and name[b - 1] in _CLOSES and opens == closes == 1:
        return name[a + 1:b - 1].strip(quotes)  # the whole name in brackets
    return name[a:b]


# what a page puts before a title (removed, as often as it is repeated): a flipbook's page header (Page 9 -), a label
# (标题：, 名称), a bullet, a tag in lenticular brackets (【图文】, 【2019】), a listing's date (2013/3/1), or a hijacked page's
# prefix up to its last _ or @: (uedbet体育_…@:, 365bet官方网站大全_…), a domain (puroview.com), or the portal's name
# before a dash (某某县人民政府-某某管理处2020年…: the site's page title, the body's name after it), a list's export link
# (• 2021-02-07导出word某某委2020年…), a breadcrumb's last item, the column of reports (政府信息公开年报某某旗2020年…)
_TITLE_LEAD = re.compile(r"^(?:(?:Page|P\.)\d{1,4}[-–—]|(?:公报|文章|信息|文件)?标[ \t\u3000]?题[:：]?|名[ \t\u3000]?称[:：]?|[称题][:：]|附件\d?[:：]"
                         r"|[\u4e00-\u9fff]{2,16}?(?:人民政府|政府网|门户网站?)[-–—|｜](?=[\u4e00-\u9fff])"
                         r"(?!(?:政府|政务)?信息公开|政务公开)"
                         r"|[•·●]|-(?=\D)|【[^】]{1,16}】|点击(?:查看|下载)[^:：]{0,10}[:：]|导出(?i:word|pdf|wps)"
                         r"|(?:19|20)\d{2}[/.-]\d{1,2}[/.-]\d{1,2}|[^_@]*[A-Za-z][^_@]*(?:_|@[:：])"
                         r"|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org|cc)"
                         r"|(?:政府|政务)?信息公开(?:工作)?(?:年度报告|年报)(?=[\u4e00-\u9fff]{2,30}?(?:19|20)\d{2})"
                         # a page's navigation or a field's label run into the title (正文, 长者模式, 注册无障碍浏览, 文字解读:)
                         r"|(?:正文|注册|登录|长者(?:模式|版|专版)|关怀版|(?:网站)?支持IPv6|无障碍(?:浏览|阅读)?|今天是|专题专栏"
                         r"|选择阅读|服务对象|有效(?!期|性)|公文|市直部门|(?:部门)?公开年报|年度报告|[\u4e00-\u9fff]{2,6}[:：])"
                         r"(?=[\u4e00-\u9fff]{2,30}?(?:19|20)\d{2})"
                         # a page's tools before the title (【字体: 】 打印2022年度某某镇…: the lines joined)
                         r"|(?:打印|关闭|收藏|分享|返回)(?:本页|窗口|页面)?(?=[\u4e00-\u9fff]{0,30}?(?:19|20)\d{2}))+")


# (a street's 综合事务部 compiles its report; 某某乡人民政府政府办公室: the township government's 政府办公室)
_OFFICE_OF = re.compile(r"(?:党政|综合|政府)?办公[室厅]$|党政办$|综合事务部$")
_OWNS_ITS_OFFICE = frozenset({"town_government", "township_government", "street_office", "bureau", "commission", "department"})


def office_owner(name: str) -> str | None:
    """The body whose own office ``name`` is, where the office signs that body's report: a town's, a street's or a
    bureau's (某某镇人民政府党政办公室 → 某某镇人民政府, 某某区教育局办公室 → 某某区教育局); None for anything else (a county
    government's 办公室 is a department of its own, 第四十九条, and so is a zone's managing committee's: 某某开发区管委会办公室)."""
    d = _DISCLOSURE_OFFICE.search(name)
    if d is not None and d.start() >= 2 and not _ZONE_WORD.search(name[:d.start()]):
        # 某某县政务公开领导小组办公室 publishes nothing of its own: the county's (a zone's: its 管委会's, not told here)
        gov = name[:d.start()] + "人民政府"
        if (classify(gov)[0] or "").endswith("_government"):
            return gov
    m = _OFFICE_OF.search(name)
    if m is None or m.start() < 2:
        return None
    # (某某乡人民政府办公室: the 政府 is the owner's; 某某乡人民政府政府办公室: the office's)
    for owner in (name[:m.start()], name[:m.start() + 2]) if m.group().startswith("政府") else (name[:m.start()],):
        if owner.endswith("公署"):
            return None  # 某某盟行政公署办公室: a government's office (its own report), as 某某县人民政府办公室 is
        kind = classify(owner)[0]
        if kind == "commission" and _ZONE_HEAD.search(owner):
            return None  # 某某综合实验区管委会办公室: a zone's managing committee governs it, its office is a department
        if kind in _OWNS_ITS_OFFICE:
            unit = _BUREAU_UNIT.fullmatch(owner) if kind == "department" else None
            if unit is not None and classify(unit.group("b"))[0] in ("bureau", "commission"):
                return unit.group("b")  # 某某县公安局指挥中心办公室 compiles the bureau's report: a unit of the bureau's own
            return owner
    return None


# a bureau's own unit (某某县公安局指挥中心, 某某市统计局信息中心, 某某区财政局办公科): its office compiles the bureau's report
_BUREAU_UNIT = re.compile(r"(?P<b>.{2,30}?[局委厅])(?P<u>[^局委厅会]{0,6}(?:中心|科|股|室))")


_ZONE_WORD = re.compile(r"开发区|高新区|园区|新区|管委|管理委员会|试验区|示范区|合作区")
# a zone's managing committee (某某综合实验区管委会, 某某经济开发区管理委员会), as its government: its office is a department
_ZONE_HEAD = re.compile(r"(?:开发区|高新区|园区|新区|试验区|实验区|示范区|合作区)(?:党工委)?(?:管委会|管理委员会)$")
_DISCLOSURE_OFFICE = re.compile(r"(?:人民政府)?(?:政府信息公开|政务公开)(?:工作)?(?:领导小组)?办公室$")


def usable_name(name: str | None) -> str | None:
    """``name`` as a body's name, or None: not a self-reference (我乡, 本局), nor a site's name in Latin letters
    (365bet(中国)官方网站: a hijacked page's title), nor a year alone (年: a title's year split from its 年), nor a name
    holding a gambling site's term (:func:`.promotions.has_spam_term`)."""
    if not name or name[0] in "我本" or not name.strip("年度0123456789 、.．,，:：()（）"):
        return None  # (1、2022年…: a document viewer's chunk number before the title, no name)
    if len(name) == 1:
        return None  # 2022年市政府…: a level, not a name
    if name[:3].isdigit():
        return None  # (beat365…_mobile 365365051人民政府2021年…: a hijacked page's digits where the place was)
    if re.search(r"[A-Za-z]{2,}", name) and _SITE_WORD.search(name):
        return None
    if has_spam_term(name):
        return None  # a hijacked page's promotion put where the body's name was (美高梅娛樂城办公厅): DL501 says so
    if _SITE_NAME.search(name):
        return None  # 开云手机官网入口·(中国)官方网站卫生健康局: a site's name put where the place was
    if _KINDS_ONLY.fullmatch(name):
        return None  # (乡镇、街道)政府信息公开工作年度报告: a portal column's name, kinds of bodies, no body
    if kind_word_only(name):
        return None  # 编制管委会2022年度…报告: a kind's word without its place names no body (it matched another zone's)
    return name


def kind_word_only(name: str) -> bool:
    """Whether ``name`` is a kind's word alone, without a place (管委会, 人民政府, 办公室, 局): it names no one body."""
    return _KIND_WORD_ONLY.fullmatch(name) is not None


_KIND_WORD_ONLY = re.compile(r"(?:党工委)?(?:管委会|管理委员会|人民政府|政府|办公[室厅]|(?:街道)?办事处|委员会|局|厅|委|办"
                             r"|中心|党政办|政府办|本级|机关)")
_SITE_NAME = re.compile(r"官网|官方网站|网站入口|官方入口|手机版|[Aa][Pp][Pp]下载")
_KINDS_ONLY = re.compile(r"[（(]?(?:乡镇|乡|镇|街道|部门|单位|县直|市直|区直|机关|政府|、|和|及|/)+[）)]?")


_SITE_WORD = re.compile(r"官网|官方|网站|平台|娱乐|体育|下载|[Aa][Pp][Pp]")


_YEAR_AFTER = re.compile(r"[（(]\s*((?:19|20)\d{2})\s*年度?\s*[）)]\s*$")
_YEAR_BEFORE_REPORT = re.compile(r"工作\s*((?:19|20)\d{2})\s*年度\s*报告\s*$")  # 某某局政府信息公开工作2025年度报告


def name_from_title(title: str) -> tuple[str | None, int | None]:
    """Agency name and year from a title such as 某某区某某局2023年政府信息公开工作年度报告.  A title about the
    whole area (某某县人民政府办公室关于2022年全县政府信息公开工作年度报告) names the area's government, whose
    report the office publishes (《条例》第四十九条第二款)."""
    # (a flipbook's page header, a page's 标题： label, a list's bullet before the title)
    # (a copy's pinyin glosses, 乡(xiāng)人民政府: not the name's)
    t = _TITLE_LEAD.sub("", re.sub(r"\s+", "", strip_glosses(title))).lstrip("#").strip("《》")
    m = _TITLE.match(t)
    if not m:
        return None, None
    name = _strip_name(m.group("name").rstrip("-–—|｜"))  # (某某县人民政府-2020年…: the dash before the year)
    if name.endswith("人民") and t.startswith("政府", m.end("name")):
        name += "政府"  # 某某镇人民政府信息公开工作年度报告 (no year, 政府 taken with 信息公开): the body's name whole
    # the year before 政府信息公开 first: a year leading the title may be a hijacked page's (2024欧洲杯…#办公厅2020年…)
    year = m.group("year2") or m.group("year1")
    if not year:  # 某某局政府信息公开工作年度报告（2024年度）: the year in brackets after the title, or before 年度报告
        after = _YEAR_AFTER.search(t, m.end()) or _YEAR_BEFORE_REPORT.match(t, m.end())
        year = after.group(1) if after is not None else None
    # "关于…" and quoted titles; 某某局关于2023年… / 某某局的2023年…
    name = re.sub(r"^关于", "", name)
    # (…局关于印发2019年…年度报告的通知, …委关于报送《2020年…年度报告》的函)
    name = _strip_name(re.sub(r"(?:关于(?:印发|公布|发布|报送|上报|呈报|提交)?|的)$", "", name))
    # (某某市人民政府关于报送某某市2020年度…年度报告的函: the sender, before what it sends)
    name = re.sub(r"(?<=[\u4e00-\u9fff]{2})关于(?:印发|公布|发布|报送|上报|呈报|提交)[\u4e00-\u9fff]{2,20}$", "", name)
    area = m.group("area")
    if area and name:
        gov = government_of(name)
        if gov is not None and classify(gov)[1] == area:
            name = gov
    name = re.sub(r"及(?:其)?办公[室厅]$", "", name)  # 某某区人民政府及办公室: the government's report
    # a list's number before the title (1、某某局…, （二）某某县…), 年度 without its year (某某局年度政府信息公开…), a
    # school year (某某大学2020-2021学年信息公开…: a school's report, skipped): not the body's name
    name = _NOT_NAME.sub("", name) if name else name
    return usable_name(name), (int(year) if year else None)


_NOT_NAME = re.compile(r"^(?:\d{1,3}|[一二三四五六七八九十]{1,3})[、.．](?=[\u4e00-\u9fff])"
                       r"|^[（(](?:\d{1,3}|[一二三四五六七八九十]{1,3})[）)](?=[\u4e00-\u9fff])"
                       r"|(?:19|20)\d{2}\s*[-－—–~～至]\s*(?:19|20)\d{2}\s*学年度?$|(?<=[\u4e00-\u9fff])年度$")


def names(name: str) -> list[str]:
    """The names of a body: 某某市人民政府办公室（某某市政务服务管理局） → both; one name → itself."""
    m = _TWO_NAMES.fullmatch(name.strip())
    return [m.group(1).strip(), m.group(2).strip()] if m else [name.strip()]


# a government's office, or the office of its 政务公开 (领导小组): 某某市人民政府信息公开工作领导小组办公室 compiles the city's report
_OFFICE_SUFFIX = re.compile(r"(?:人民)?政府办公[室厅]$|(?:人民政府)?(?:政府信息公开|政务公开)(?:工作)?(?:领导小组)?办公室$")


def government_of(name: str) -> str | None:
    """The government whose office ``name`` is (某某县人民政府办公室 → 某某县人民政府; of two names, the first), or None."""
    first = names(name)[0]
    m = _OFFICE_SUFFIX.search(first)
    if m is None:
        return None
    gov = first[:m.start()] + "人民政府"
    return gov if (classify(gov)[0] or "").endswith("_government") else None


# How a report refers to the area as its own (我县, 本县, 全县) and to a government office as itself (我办, 本办公室,
# 我厅); the words that make 本办法, 我办理, 本区域 … other words are left out.
_OFFICE_SELF = re.compile(r"[我本](?:办公[室厅]|办(?![法理结件案好事公实学证照税班])|厅(?![局级]))")


def _area_self(word: str) -> re.Pattern[str]:
    return re.compile(r"[我本全]" + re.escape(word) + r"(?![域场长委级])")


def speaks_for_area(texts: list[str], word: str) -> bool:
    """Whether a report signed by a government office is the whole area's report rather than the office's own:
    it names the area as itself (我县, 本县, 全县: ``word`` is the area's, 县) at least twice and clearly more often
    than the office (我办, 本办公室: at most half as many)."""
    area_re = _area_self(word)
    area = office = 0
    for t in texts:
        area += len(area_re.findall(t))
        office += len(_OFFICE_SELF.findall(t))
    return area >= 2 and area > 2 * office


# A development zone's managing body (某某经济技术开发区管理委员会, 桃园开发区管委会) or the zone itself: 《条例》第四十九条
# names neither (not a 县级以上人民政府部门 by name, nor a 人民政府), so its deadline is not settled.
# a zone's managing body: 某某高新区管委会, 某某高新区（经开区）管委会, 某某汽车城管理委员会, 某某科技产业园管理委员会
# (or its office: 某某经济技术开发区管理委员会办公室); a new area's managing body (兰州新区管委会; a new area that is a district,
# 浦东新区, has a 人民政府 and is no zone)
_ZONE_BODY = re.compile(r"(?:" + ZONE + r"[)）]?(?:(?:管理委员会|管委会)(?:办公室)?|管委)?"
                        r"|新区(?:管理委员会|管委会)(?:办公室)?"
                        r"|(?:汽车|科技|科学|生态|物流|产业|工业|软件|文化|健康)(?:城|园)(?:管理委员会|管委会)(?:办公室)?)$")


# a department of a zone's managing body (某某经济技术开发区经济发展局, 某某高新区管委会财政局): as unsettled as its body
_ZONE_DEPT = re.compile(ZONE + r"(?:管理委员会|管委会)?[\u4e00-\u9fff]{2,12}?(?:局|办公室|中心)$")


def is_zone_body(name: str | None) -> bool:
    """Whether ``name`` (any of its names) is a development zone's, its managing body's or one of its departments'."""
    return bool(name) and any(_ZONE_BODY.search(n) or _ZONE_DEPT.search(n) for n in names(name or ""))


# an area's government and its office (named as the contact: whose report it is stays unknown; the office posting
# a page publishes its government's own report, kinds.dates)
AREA_KINDS = frozenset({"province_government", "city_government", "county_government", "government_office"})


def same_body(name: str, other: str) -> bool:
    """Whether ``other`` may be ``name``'s own body or a part of it, however written: the same kind (names of one
    body vary: 某某区行政审批局, 某某市某某区行政审批服务局), a government and its office, a body and its office or a unit
    in it (某某管委会 / 某某管委会办公室, 某某县 / 某某县政务公开领导小组办公室) — not a body of another kind that is not
    inside it (a town and its county's government, a town and a county bureau).  A body with two names
    (某某市人民政府（市人民政府办公室）) is either of them."""
    if len(both := names(name)) > 1:
        return any(same_body(n, other) for n in both)
    if classify(name)[0] == classify(other)[0]:
        return True
    # (a place's bare name is its government's: 某某市政府办公室 publishing 某某市2014年度…年度报告)
    if government_of(name) in (other, other + "人民政府") or government_of(other) in (name, name + "人民政府"):
        return True
    if office_owner(other) in (name, name + "人民政府") or office_owner(name) == other:
        return True
    core, other_core = _core(name), _core(other)
    return bool(core) and core in other_core


def _core(name: str) -> str:
    """A body's name without the words a government's or an office's name may leave out (人民政府, 委员会 …)."""
    return re.sub(r"人民政府|政府|办事处|委员会", "", name)
