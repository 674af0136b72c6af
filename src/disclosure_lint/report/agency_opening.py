"""The body a report names in its own words where it has no title line and no 落款: its opening (现公布某某局2022年…年度报告,
由某某局编制, 2022年，某某区司法局认真履行…, 请与某某街道办事处联系), a page header's source (信息来源：某某市教育局), and the
body whose report a sentence says it publishes (DL303).  Every name is checked as a body's own (:func:`plausible`): of a
known kind (:func:`.agency.classify`), with its place, not a self-reference, a preposition's object or a website.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..readers.script import strip_glosses
from .agency import AREA_KINDS, ZONE, classify, government_of, is_zone_body, name_from_title, usable_name
from .agency_place import LEVELS, office_speaks

# -- the body the opening names (a page without a title line or a 落款) ------------------------------------------

# the report's title quoted in its opening (现发布《某某县某某局2021年政府信息公开工作年度报告》)…
_QUOTED_TITLE = re.compile(r"《([^《》\n]{4,60}?(?:政府信息公开|政务公开)[^《》\n]{0,12}?年度报告)》")
# …or named unquoted: 现发布某某区商务委员会2021年政府信息公开工作年度报告, 由某某区审计局编制, 本报告是某某区人民政府办公室
# 依据…编制, 根据《条例》的规定，某某市卫生健康委编制了…
# (its alternatives' tails, shared with _NAMED_BY_AFTER: the title after the verb; the maker after 由 and before its
# verb; the maker after 规定，and before 编制了; the maker before 向社会公布)
_T = (r"(?P<t>[^，。；《》,;\n]{0,60}?(?:19|20)\d{2}\s*年度?"
      r"[^，。；《》,;\n]{0,30}?(?:政府信息公开|政务公开|信息公开)[^，。；《》,;\n]{0,10}?(?:(?:年度)?报告|工作情况|情况"
      r"|工作(?=[，,。；;])))")  # (现公布某某局2022年度信息公开工作，报告主要分为六个部分)
_N = r"(?P<n>[^，。；《》,;\n的]{3,30}?)(?:依据|根据|按照|编制|制作|围绕|结合|汇总)"
_M = r"[，,](?P<m>[^，。；《》,;\n的]{3,30}?)编制了"
_K = (r"\s*(?P<k>[^，。；《》,;\n的]{3,30}?)[现特]?向社会(?:公开|公布|发布)(?:19|20)\d{2}\s*年度?"
      r"(?:本级|本机关)?(?:政府信息公开|政务公开|信息公开)")
_NAMED_BY = re.compile(
    r"(?:现(?:予以|予)?(?:发布|公布|公开)|[现特]?向社会(?:公开|公布|发布)|特(?:发布|公布|编制)|(?:编[制写]|制作|制定)了?|现将|总结"
    r"|[，,]发布)" + _T + r"|(?:由|本报告是|本报告由)" + _N + r"|(?:规定|要求)" + _M
    # the maker before 向社会公布 (…，某某区某某办事处向社会公布2021年度本级政府信息公开年度报告)
    + r"|(?:^|[，,。；;])" + _K)
# _NAMED_BY after the text's first character, in another shape: its first character first, in one class (every
# character an alternative of _NAMED_BY starts with), then the alternatives that start with it, told by a lookbehind,
# in _NAMED_BY's order — so that re skips at once the characters no match starts at (_NAMED_BY's alternatives open with
# groups and classes, and all of them are tried at every character of an opening: several times slower)
_NAMED_BY_AFTER = re.compile(
    r"[现特向编制总，,由本规要。；;]"
    r"(?:(?:(?<=现)(?:予以|予)?(?:发布|公布|公开)|(?<=[现特])向社会(?:公开|公布|发布)|(?<=向)社会(?:公开|公布|发布)"
    r"|(?<=特)(?:发布|公布|编制)|(?:(?<=编)[制写]|(?<=制)[作定])了?|(?<=现)将|(?<=总)结|(?<=[，,])发布)" + _T
    + r"|(?:(?<=由)|(?<=本)报告[是由])" + _N + r"|(?:(?<=规)定|(?<=要)求)" + _M + r"|(?<=[，,。；;])" + _K + ")")


def _named_by(text: str) -> Iterator[re.Match[str]]:
    """``_NAMED_BY.finditer(text)``, the same matches: at the text's start ``_NAMED_BY`` itself (its ``^``), after it
    :data:`_NAMED_BY_AFTER`."""
    m = _NAMED_BY.match(text)
    if m is not None:
        yield m
    yield from _NAMED_BY_AFTER.finditer(text, 1 if m is None else m.end())


# …，某某区水务局编制了2024年度… / 某某镇党政办公室编制了《…》: the maker, after a clause (its name checked: plausible)
_MADE_BY = re.compile(r"(?:^|[，,。；;])\s*(?P<n>[^，。；《》,;\s的]{3,30}?)(?:编制了|编制本|特编制|制定了?本)")
_ALIAS_NOTE = re.compile(r"[（(]以下简称[^（）()]{0,20}[）)]")
# what may come between 编制 and the title it names: 编制并向社会公开某某局…, 编制形成2021年某某…
_LEAD_WORDS = re.compile(r"^(?:并|和|及|同时)?(?:向社会)?(?:公开|公布|发布|形成|印发|报送|完成)?(?:(?:19|20)\d{2}\s*年度?)?(?=\D)")
# a paragraph that starts with the report's own title as the subject of its sentence (某某局2019年政府信息公开工作年度报告
# （以下简称年报）是根据…)
_TITLE_OPENS = re.compile(r"\s*(?P<t>[^，。；《》,;\n]{2,40}?(?:19|20)\d{2}\s*年度?[^，。；《》,;\n]{0,12}?"
                          r"(?:政府信息公开|政务公开)[^，。；《》,;\n]{0,10}?(?:年度报告|工作的?报告))"
                          r"\s?(?:[（(]以下简称|是|由|根据|依据|按照)")  # (…工作的报告 根据…: a title run into its text)
# a paragraph that starts with the year and the body doing something (2022年，某某区司法局认真履行…): the body is the
# words between the year and the first word of what it did
# (2022年以来，…; 今年以来，…; 在2024年，…; the superior's lead before the body: 2023年，在县委、县政府的领导下，某某镇…)
_LEAD = r"(?:在[^，,。；;\n]{2,30}?(?:领导|指导)下\s*[，,]\s*)?"
_YEAR_SUBJECT = re.compile(r"(?:^|(?<=[。；;：:]))\s*在?\s*(?:(?:19|20)\d{2}\s*年度?|今年)(?:以来)?\s*[，,]?\s*" + _LEAD
                           + r"(?P<n>[^\s，。；、《》“”,;:：]{3,40})")
# a paragraph that starts with the body's full name and what it did (某某市乡村振兴局认真贯彻…): the name ends in a body's
# word and the act follows it at once
_PARA_SUBJECT = re.compile(r"\s*" + _LEAD + r"(?P<n>[\u4e00-\u9fff]{2,30}?(?:局|委员会|管委会|办公室|中心|人民政府|街道办事处|街道|镇"
                           r"|乡|苏木|厅|署))(?=认真|严格|深入|坚持|坚决|高度重视|持续|进一步|全面|积极|始终|扎实|紧紧|紧扣|聚焦"
                           r"|切实|结合|根据|按照|通过|以习近平)")
_DOING = re.compile(r"认真|严格|深入|坚持|坚决|收到|未收取|高度|持续|进一步|全面|积极|紧紧|始终|扎实|按照|根据|依据|围绕|通过|依托|不断|切实|"
                    r"着力|聚焦|继续|加强|大力|主动|全力|贯彻|立足|结合|紧扣|牢牢|共计|共(?=[\d一二三四五六七八九十])|累计|政府信息公开|政务公开|信息公开|以习近平|在")


# the words a subject starts with when it is no body's own name: self-references (我局, 本镇, 全县), a date's rest
# (2007年12月成立以…的区政府…: the year read as the sentence's), and a kind's word without the place (县政府, 街道办事处,
# 区人民政府) or a thing (政府网站, 门户网站, 政务服务平台)
_GENERIC = re.compile(r"[我本全该各未无没\d０-９]|政府|网站|门户|政务|部门|单位|机关|街道|[省市县区镇乡縣區]"
                      r"|通过|通過|在|由|经|經|对|對|从|從|按照|依托|依据|根据|根據|截至|截止|于|於|向|为|為|将|將|把|以"
                      r"|国务院|國務院")
_NOT_A_BODY = re.compile(r"网站|網站|门户|門戶|平台|公众号|公眾號|栏目|欄目|专栏|專欄|网上|網上|网页|網頁|[（(]以下简称")


def opening_name(texts: list[str]) -> str | None:
    """:func:`_opening_name` — but a government office named as the maker (本报告由某某区人民政府办公室…编制) gives way to a
    department the report names as its contact (请联系某某区综合行政执法局): a template's opening left in a department's
    report (a real page: 我局 throughout), not the office's report."""
    texts = [strip_glosses(t) for t in texts]  # (現(xiàn)公布某某鎮(zhèn)人民政府…: a copy's pinyin is not the name's)
    name = _opening_name(texts)
    if name is None:
        return name
    joined = "".join(texts)
    if "公司" in joined or "集团" in joined:
        company = _company_of(joined, name)
        if company is not None:
            return company
    if classify(name)[0] != "government_office":
        return name
    if "我办" in joined or "本办" in joined:
        return name  # (the office speaks as itself: its contact is a unit of its own, 某某市电子政务中心)
    for text in texts:
        for m in _WORK_OF.finditer(text) if "联系" in text else ():
            contact = _ALIAS_NOTE.sub("", m.group("c") or "").strip()
            kind, word = classify(contact) if contact else (None, None)
            if (kind in ("bureau", "commission", "department") and word and plausible(contact)
                    and ("我" + word in joined or "本" + word in joined)):
                return contact  # (… and the report speaks as the contact: 我局)
    return name


# a company as the report's contact (请与某某城市投资发展集团有限责任公司办公室联系) and the report speaking as it (我公司, 本集团)
_COMPANY_CONTACT = re.compile(r"(?:[请可]与|[请可]?直接与|请联系[:：]?)\s*(?P<c>[^\s，。；、《》“”,;:：（(]{3,40}?(?:公司|集团))"
                              r"(?:[^\s，。；、《》“”,;:：（(]{0,10}?(?:办公室|部))?\s*(?:联系|[，,。；;（(])")
_COMPANY_SELF = re.compile(r"[我本](?:公司|集团)")


def _company_of(joined: str, name: str) -> str | None:
    """The company whose report it is, where the opening names another body as its maker (由某某区行政审批局编制: a
    template's words left in a state-owned company's report, a real page) but the report gives the company as its contact
    and speaks as it (我公司, 本集团) and never as the named body (我局); else None."""
    word = classify(name)[1]
    if not _COMPANY_SELF.search(joined) or (word and (f"我{word}" in joined or f"本{word}" in joined)):
        return None
    m = _COMPANY_CONTACT.search(joined)
    if m is None:
        return None
    rest = _COMPANY_TAIL.match(joined, m.end("c"))  # (某某集团有限责任公司: the whole name, not the group's word)
    return m.group("c") + rest.group() if rest is not None else m.group("c")


_COMPANY_TAIL = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|公司)")
# a report compiled from the area's governments' and departments' own (综合…各县（市、区）政府和市政府各部门…, 汇总全区各单位…)
_AREA_COMPILED = re.compile(r"(?:综合|汇总)[^。；\n]{0,20}?各(?:县|区|市|乡|镇|街道|部门|单位|地)")


def _sentence_end(text: str, at: int) -> int:
    end = text.find("。", at)
    return len(text) if end < 0 else end


def _opening_name(texts: list[str]) -> str | None:
    """The body the opening paragraphs ``texts`` name: in the report's title quoted (现发布《…年度报告》), named as its
    maker (现发布某某局2021年…年度报告, 由某某局编制, 某某市卫生健康委编制了…), as the subject of its own title (某某局2019年
    政府信息公开工作年度报告（以下简称年报）是根据…), or as the subject after the year or at a paragraph's start
    (2022年，某某区司法局认真履行…; 某某市乡村振兴局认真贯彻…) — a name of a known kind, not a self-reference (我局, 本镇, 全县), else None."""
    for text in texts:
        if "》" in text:
            for m in _QUOTED_TITLE.finditer(text):
                name = name_from_title(m.group(1))[0]
                if name and classify(name)[0] is not None:
                    return name
    for text in texts:
        named = next(_named_by(text), None) if ("编制" in text or "现" in text or "公布" in text or "总结" in text
                                          or "发布" in text or "编写" in text or "汇总" in text or "制作" in text
                                          or "制定" in text) else None
        if named is not None:
            t = _LEAD_WORDS.sub("", _ALIAS_NOTE.sub("", named.group("t") or ""))
            name = name_from_title(t)[0] if t else _ALIAS_NOTE.sub(
                "", named.group("n") or named.group("m") or named.group("k")).strip()
            name = (u.group(1) or u.group(2)) if name and not t and (u := _UNIT_IN.match(name)) else name  # (由某某局信息中心…编制)
            if name and classify(name)[0] is not None:  # (named as the maker: 由区统计局编制 gives the kind)
                if named.group("t"):
                    return _maker_over(text, name)
                if classify(name)[0] == "government_office" and (text.startswith("汇总", named.end() - 2) or (
                        _AREA_COMPILED.search(text, named.end(), _sentence_end(text, named.end())) is not None)):
                    # (由某某区人民政府办公室汇总编制; 由某某市人民政府办公室根据…并综合各县（市、区）政府和市政府各部门的
                    # 政府信息公开工作情况编制而成: the area's report, the office only compiles it)
                    return government_of(name) or name
                return _zone_compiled(text, named.end(), name) or name
    for text in texts:
        made = _MADE_BY.search(text) if ("编制" in text or "制定" in text) else None
        name = _ALIAS_NOTE.sub("", made.group("n")).strip() if made is not None else None
        if plausible(name):
            return name
    for text in texts:
        opens = _TITLE_OPENS.match(text) if "报告" in text else None
        if opens is not None:
            name = name_from_title(opens.group("t"))[0]
            if plausible(name):
                return name
    for text in texts:
        for subject in _YEAR_SUBJECT.finditer(_ALIAS_NOTE.sub("", text[:400])):  # (某某局（以下简称“市局”）以…)
            n = subject.group("n")
            doing = _DOING.search(n, 3)
            name = _ALIAS_NOTE.sub("", n[:doing.start()]).strip() if doing is not None else None
            name = name if name is None or plausible(name) else _longest_body(name)
            if name is not None and plausible(name) and _placed(name):
                return _fuller(name, texts)
    for text in texts:
        para = _PARA_SUBJECT.match(text)
        if para is not None and plausible(para.group("n")):
            return _fuller(para.group("n"), texts)
    return _work_or_contact(texts)


def _fuller(name: str, texts: list[str]) -> str:
    """The body's fuller name where a sentence's subject gave a short one (宗关街道 … 请联系:某某区人民政府宗关街道办事处;
    杜村乡 … 请与某某县杜村乡办公室联系): the contact's, of the same kind and holding the short name's core."""
    if len(name) > 8:
        return name
    other = _work_or_contact(texts)
    core = re.sub(r"(?:人民政府|政府|办事处)$", "", name)
    if (other is not None and len(other) > len(name) and core in other
            and classify(other)[0] == classify(name)[0]):
        return other
    return name


def _work_or_contact(texts: list[str]) -> str | None:
    """The body named as whose work the report sums up, as the owner of its leading group, or as its contact."""
    for text in texts:  # 结合2021年某某市公安局政府信息公开工作编制而成; 请与某某街道办事处联系, 请联系:某某区应急管理局
        for m in _WORK_OF.finditer(text) if ("结合" in text or "联系" in text or "涵盖" in text or "根据" in text
                                             or "领导小组" in text) else ():
            name = _ALIAS_NOTE.sub("", m.group("w") or m.group("r") or m.group("g") or m.group("c") or "").strip()
            kind = classify(name)[0] if m.group("c") else None
            if kind == "office" or (m.group("c") and _UNIT_IN.match(name)):
                # the contact is an office or a unit in the body: 某某镇政府综合督考办公室 → 某某镇政府, 某某县财政局信息中心 →
                # 某某县财政局 (its report speaks as 我局)
                owner = _OFFICE_IN.match(name) or _UNIT_IN.match(name)
                body = (owner.group(1) or owner.group(2)) if owner is not None else None
                name = body if body and (classify(body)[0] or is_zone_body(body)) else ""
            if m.group("c") and classify(name)[0] in AREA_KINDS:
                if classify(name)[0] == "government_office" and office_speaks(texts, government_of(name)):
                    return name  # (请与某某市人民政府办公室联系 … 2024年，市政府办公室以…: the office's own report)
                continue  # 请与某某县人民政府办公室联系, 某某市政府信息公开办公室: the office's own report, or the area's — unknown
            if m.group("c") and _speaks_as_another(texts, classify(name)[1]):
                continue  # 请与某某旗政务服务局办公室联系 in a report that says 我镇 throughout: a contact elsewhere, not the body
            if plausible(name):
                return name
    return None


_SELF_WORDS = ("局", "委", "办", "镇", "乡", "街道", "中心", "厅", "院", "站", "所")


def _speaks_as_another(texts: list[str], word: str | None) -> bool:
    """Whether ``texts`` call their body by another word (我镇, 本乡 …) more often than by ``word`` (我局): the body is
    not the one named as the contact."""
    joined = "".join(texts)
    counts = {w: len(re.findall(f"[我本]{w}(?![法理属事])", joined)) for w in _SELF_WORDS}  # (本办法, 我办理: no)
    own = counts.get(word or "", 0)
    return any(n > own for w, n in counts.items() if w != word)


_PUBLISHES = re.compile(r"(?:发布|公布|公开|现将|编制了?)\s*$")


def named_report(text: str) -> tuple[str, int | None, int, int] | None:
    """The body whose report a sentence says it publishes or compiles, its year and the name's span in ``text``
    (现公布某某县民族宗教事务局2025年度政府信息公开工作年度报告 → 某某县民族宗教事务局, 2025), or None: a name of a
    known kind, with its place."""
    if "年" not in text or "报告" not in text or not (
            "公布" in text or "发布" in text or "编制" in text or "现将" in text or "总结" in text or "编写" in text
            or "现公开" in text or "予公开" in text or "社会公开" in text):
        return None  # (a cheap test first: most paragraphs publish nothing)
    for m in _QUOTED_TITLE.finditer(text) if "》" in text else ():
        if not _PUBLISHES.search(text, max(0, m.start() - 6), m.start()):
            continue  # (现发布《某某旗2022年…年度报告》: the report it publishes, quoted)
        name, year = name_from_title(m.group(1))
        name = _ALIAS_NOTE.sub("", name or "").strip()
        if plausible(name):
            start = text.find(name, m.start(1), m.end(1))
            if start >= 0:
                return name, year, start, start + len(name)
    for m in _named_by(text):
        t = m.group("t")
        if not t:
            continue
        lead = _LEAD_WORDS.match(t)
        body = t[lead.end():] if lead is not None else t
        name, year = name_from_title(body)
        name = _ALIAS_NOTE.sub("", name or "").strip()
        if plausible(name):
            start = text.find(name, m.start("t"), m.end("t"))
            if start >= 0:
                return name, year, start, start + len(name)
    return None


def page_name(value: str, texts: list[str]) -> str | None:
    """The body a page header names as its publisher or source (发布机构：某某省生态环境厅), when the report's own ``texts``
    name it too, in full or from its level on (省生态环境厅), or a department's report speaks as it (我局), else None.  Never
    an area's government or its office: a page they post may carry another body's report (某某县人民政府门户网站)."""
    name = _ALIAS_NOTE.sub("", value).strip()
    if not plausible(name) or classify(name)[0] in AREA_KINDS:
        return None
    level = next((i for i in range(2, len(name) - 3) if name[i] in LEVELS), None)
    forms = (name,) if level is None else (name, name[level:])
    kind, word = classify(name)  # (信息来源:某某市教育局 over a report that says 我局: the bureau's own page, its report)
    own = kind in ("bureau", "commission", "department") and word and any(f"我{word}" in t for t in texts)
    return name if own or any(f in t for t in texts for f in forms) else None


# an office inside a town, a street or a bureau named as the report's contact: the body is its owner (某某区教育局局党政办公室:
# the bureau's own 局党政办公室, its word written again)
_OFFICE_IN = re.compile(r"(.{2,30}?(?:人民政府|政府|镇|乡|街道办事处|街道|局|委员会|委|厅|" + ZONE + r"))(?:局|委|厅)?"
                        r"[^镇乡局委厅]{0,12}?(?:办公室|党政办)$")  # (小河镇党政办, 某某经济技术开发区党政办公室)
# … or the body's own unit that does the work for it: its information centre, a 科 or 股, an office's or a 厅's 处
# (某某市人民政府外事办公室综合处) — not a centre of another kind (某某局不动产登记中心 may be a body of its own), not a
# 部's unit (中共某某市委宣传部宣传科: the 部 is not the 市委), not a bureau's 处 (某某水务局河道管理处: a body of its own)
_UNIT_IN = re.compile(r"(.{2,30}?(?:局|委员会|委))(?:信息中心|[^镇乡局委中心部]{1,8}?[科股])$"
                      r"|(.{2,30}?(?:办公室|办公厅|厅))(?:[^镇乡局委中心部室厅]{1,6}?处|(?:政府)?信息公开中心)$")


# the body named as whose work the report sums up, or as its contact (a page without a title or a 落款)
_WORK_OF = re.compile(r"(?:结合|涵盖了?)(?:19|20)\d{2}\s*年度?(?P<w>[^\s，。；、《》“”,;:：的]{3,30}?)(?:政府信息公开|政务公开)工作"
                      r"|根据(?:19|20)\d{2}\s*年度?(?P<r>[^\s，。；、《》“”,;:：的]{3,30}?)(?:政府信息公开|政务公开|信息公开)工作实际"
                      r"|(?:[请可]与|[请可]?直接与|请及时与|请联系[:：]?\s*|联系单位[:：]\s*)"
                      r"(?P<c>[^\s，。；、《》“”,;:：的（(]{3,30}?)(?:联系|[，,。；;（(]|$)"
                      # the body's own group for the work (成立了以局长为组长的某某县农业农村局政府信息公开工作领导小组)
                      r"|(?:成立了?|调整了?|的)(?P<g>[^\s，。；、《》“”,;:：的（(了]{3,30}?)(?:政府信息公开|政务公开|信息公开)"
                      r"(?:工作)?领导小组")


def _maker_over(text: str, named: str) -> str:
    """The body whose report it is, where ``text`` names both a maker and the body of the title it made (某某局编制了某某
    管委会办公室2022年…年度报告): the maker, whose voice the report speaks in (我局), unless the title's body is a government
    (某某县政府办公室编制了某某县2023年…年度报告: the county's report, its office compiles it)."""
    made = _MADE_BY.search(text) if "编制" in text else None
    maker = _ALIAS_NOTE.sub("", made.group("n")).strip() if made is not None else None
    if maker is None or maker == named or not plausible(maker) or (classify(named)[0] or "").endswith("_government"):
        return named
    return maker


def _zone_compiled(text: str, at: int, maker: str) -> str | None:
    """The zone whose whole report a department of its managing body compiles (由某某经济技术开发区政务服务局依据…以及全区各部门
    信息公开工作编制而成: the zone's report, the bureau only compiles it), else None."""
    zone = _ZONE_OF_DEPT.match(maker)
    if zone is None or _WHOLE_AREA.search(text, at, at + 120) is None:
        return None
    return zone.group(1) + "管委会"


_ZONE_OF_DEPT = re.compile(r"(.{2,30}?" + ZONE + r")(?:管理委员会|管委会)?[\u4e00-\u9fff]{2,16}?(?:局|办公室|中心)$")
_WHOLE_AREA = re.compile(r"(?:汇总|以及|和)?全区(?:各部门|各单位|各部门、各单位)[^。；\n]{0,30}?编制")


def plausible(name: str | None) -> bool:
    """Is ``name``, read from a sentence, a body's own name: of a known kind, with its place (not 县政府, 区人民政府),
    not a self-reference (我局, 全县), a preposition's object (通过县政府门户网站, 在区政府网站, 由某某局) or a website?"""
    if not name or len(name) < 3 or _GENERIC.match(name) or _NOT_A_BODY.search(name) or usable_name(name) is None:
        return False
    kind = classify(name)[0]
    if kind is None:  # a zone by its name (舒城经济开发区, 某某滨海湾新区): its managing body's report
        return len(name) >= 5 and is_zone_body(name)
    # a place's government may be named in three characters (耿马县, 淤上乡); a department needs its place (统计局 does not)
    return len(name) >= 5 or kind.endswith("_government") or kind == "street_office"


_KIND_END = re.compile(r"局|委员会|管委会|办公室|人民政府|街道办事处|镇|乡|苏木|厅")  # (not 区, 室, 署: 某某区供电公司)


_PLACE = re.compile(r"[省市县区州盟旗镇乡]|自治|苏木|街道|街$|^(?:国家|中国|中华)")  # (白云街; 国家卫生计生委: the nation's)


def _placed(name: str) -> bool:
    """Whether a subject read from a sentence names its place (某某市农业农村局, 某某坪镇, 某某经济开发区) — not a body's
    inner units (厅机关各处室) or words that end as a body's do (学校专题研究部署)."""
    return _PLACE.search(name) is not None


def _longest_body(words: str) -> str | None:
    """The longest start of ``words`` that is a body's name (佳木斯市生态环境局坚决 → 佳木斯市生态环境局: the subject read up
    to the first word of what it did, which was not one the list knows), or None."""
    for m in reversed(list(_KIND_END.finditer(words, 0, 40))):
        if plausible(words[:m.end()]):
            return words[:m.end()]
    return None
