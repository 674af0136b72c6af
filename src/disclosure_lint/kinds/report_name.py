"""The title's names: ``report-name`` (DL115), the report named otherwise than the 条例 does (in its title, or where
its opening announces it: 现公布某某镇2025年政府信息公开年度报告), and ``title-body-place`` (DL116), the body named
without its place.

《条例》第四十九条、第五十条 name the document 政府信息公开工作年度报告; titles often leave a word out
(``某某镇2023年政府信息公开年度报告``, ``…政府信息公开工作报告``), shorten it (``…工作年报``) or add one
(``…工作的年度报告``).  The title is compared with that name after its spaces and the digits of its year are
dropped (``…政府信息公开工作2023年度报告`` is the name with the year inside it), and after a note in brackets at its
end (``（全文）``).  Only a title that ends with 报告 or 年报 and holds 信息公开 or 政务公开 is judged: a notice about
the reports (``关于印发…年度报告格式的通知``), an evaluation (``…第三方评估报告``), a page of text samples (``范文``)
or a reading of the report (``…年度报告解读``) is another document.  Another regime's report (a school's, a public
enterprise's: :func:`..report.regime.other_regime`) has another name and is not judged, nor is a school's or a
hospital's titled by its own name (``某某职业技术学院2022年信息公开工作年度报告``), even one compiled after the 条例's format.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from ..report.agency import classify
from ..report.agency_place import BY_LEVEL, LEVELS, place_named
from ..report.regime import other_regime
from ..report.year import OPENING_BLOCKS
from . import register
from .base import FixEdit, Hit, Kind, KindOptions

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Block
    from ..report import AnnualReport

NAME = "政府信息公开工作年度报告"
_NOTE_AT_END = re.compile(r"[（(【\[][^（）()【】\[\]]{0,12}[）)】\]]$")
_NOT_A_REPORT = re.compile(r"通知|格式|评估|范文|模板|学年|汇总|目录|指南|解读|通报")
# the report's name in the title: from 政府/政务 信息公开 (or 政务公开) to the end, ending 报告 or 年报
_NAME_IN_TITLE = re.compile(r"(?:(?:政府|政务)?信息公开|政务公开)[^，。；：:]{0,14}?(?:报告|年报)$")


_WORDS = re.compile(r"政府|政务|信息|公开|工作|年度|报告|情况|开展|.")


def _difference(name: str) -> str:
    """What the name lacks or adds against :data:`NAME`, word by word (``少了“工作”``, ``“政务”应为“政府”``), or "" when
    that takes more than two changes."""
    said = []
    text = name
    if text.endswith("年报"):
        said.append("“年报”应写作“年度报告”")
        text = text[:-2] + "年度报告"
    if sorted(text) == sorted(NAME) and text != NAME:  # the same words in another order (年度工作报告)
        i = next(k for k in range(len(text)) if text[k] != NAME[k])
        j = next(k for k in range(1, len(text) + 1) if text[-k] != NAME[-k])
        return f"：“{text[i:len(text) - j + 1]}”应为“{NAME[i:len(NAME) - j + 1]}”"
    have, want = _WORDS.findall(text), _WORDS.findall(NAME)
    ops = [op for op in SequenceMatcher(None, have, want, autojunk=False).get_opcodes() if op[0] != "equal"]
    if len(ops) + len(said) > 2:
        return ""
    for tag, i1, i2, j1, j2 in ops:
        if tag == "insert":
            said.append(f"少了“{''.join(want[j1:j2])}”")
        elif tag == "delete":
            said.append(f"多了“{''.join(have[i1:i2])}”")
        else:
            said.append(f"“{''.join(have[i1:i2])}”应为“{''.join(want[j1:j2])}”")
    return "：" + "、".join(said) if said else ""


# a school's or a hospital's name (某某职业技术学院, 某某县中医院, 某某镇卫生院): a public institution (《条例》第五十五条),
# whose report is named and whose name is written after its own rules, not a government body's
_INSTITUTION = re.compile(r"(?:大学|学院|学校|中学|小学|幼儿园|医院|卫生院)$")


_WITHOUT_NIANDU = "政府信息公开工作报告"


_NOTE_AFTER = re.compile(r"[（(][^（）()]{1,6}[）)]$")  # a note on the body's name: 某某镇政府(机关)


def _judged(before: str, name: str) -> tuple[str, str] | None:
    """The name as judged (``name``: from 政府/政务 信息公开 or 政务公开 to 报告 or 年报; ``before``: what precedes it,
    its spaces and year digits dropped) and the name it is compared with, or None when it is the 条例's: the body's
    政府 is the name's too (某某县人民政府信息公开…); 年度 written after the year counts as the name's
    (某某区2024年度政府信息公开工作报告 is not reported; 衡龙桥镇2020年度信息公开工作报告 is compared as
    信息公开工作年度报告)."""
    if name.startswith("信息公开") and _NOTE_AFTER.sub("", before).endswith("政府"):
        name = "政府" + name  # 某某县人民政府信息公开…, 某某镇政府(机关)信息公开…: the body's 政府 is the name's too
    if name == NAME or (name == _WITHOUT_NIANDU and before.endswith("年度")):
        return None  # 某某区2024年度政府信息公开工作报告: the name's 年度 written after the year, before the rest of it
    compared = name
    if before.endswith("年度") and name.endswith("报告") and "年度" not in name:
        compared = name[:-2] + "年度报告"  # 衡龙桥镇2020年度信息公开工作报告: its 年度 is there, before the name
    return name, compared


# the opening announcing the report: a verb of publishing or compiling, then in the same clause the report's year and
# its name (现公布某某镇2025年政府信息公开年度报告; 编制了…; 现将…年度报告向社会公开); not 报告 as a verb (现将2024年度
# 政府信息公开工作情况报告如下), nor a document about the reports (…年度报告编制工作的通知, …报告格式)
_NAME_IN_PROSE = re.compile(
    r"(?:公布|发布|公开|编制|制定|形成|编写|完成|现将)[了]?[^，,。；;：:\n《》“”]{0,24}?"
    r"(?P<pre>(?<!\d)(?P<y>(?:19|20)\d{2})\s*年度?[^，,。；;：:\n《》“”\d]{0,20}?)"
    r"(?P<name>(?:(?:(?:政府|政务)\s*)?信\s*息\s*公\s*开|政\s*府\s*信\s*息(?=[^，,。；;：:\n《》“”]{0,4}?年\s*度\s*报\s*告))"
    r"[^，,。；;：:\n《》“”、（）()报]{0,10}?(?:报\s*告|年\s*报))"
    r"(?!\s?如下|[^，,。；;\n]{0,3}(?:工作的?通知|格式|模板|解读))")
# a document cited before the name: an open 《 whose title is a notice, or a notice's 关于 in the same clause (关于做好…年度
# 报告编制发布工作的通知) — not the body's own account of its work on the report (现将我乡2020年政府信息公开年度报告编制和
# 公布工作有关情况报告如下: the report's name, wrong)
_CITED = re.compile(r"《[^》]*关于[^》]*$|关于[^，,。；;：:\n《》]*$")
# how far into each opening block the announcement is looked for: it is said in the opening's first sentences, and a
# page flattened into one block holds the whole report after them (bounded: a megabyte-long line costs no more)
_REACH = 4000


def _this_regime(report: AnnualReport) -> bool:
    """Whether the report is a government body's under the 条例: not a school's or an enterprise's (another regime's
    report has another name), nor a college's or a hospital's titled by its own name, even one compiled after the
    条例's format."""
    return other_regime(report) is None and not _INSTITUTION.search(report.title_name or "")


def _own_title(report: AnnualReport) -> tuple[str, Block] | None:
    """The report's title and its block, when it is a line of prose of a report of this regime (not a catalogue
    table's 名称 cell: :func:`_this_regime`), else None."""
    title, block = report.title, report.title_block
    if not title or block is None or block.kind == "table" or not _this_regime(report):
        return None
    return title, block


@register
class ReportName(Kind[KindOptions]):
    """The report's name in its title and in its opening's announcement against the 条例's 政府信息公开工作年度报告."""

    name = "report-name"
    Options = KindOptions
    params = frozenset({"name", "difference", "where"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        if not _this_regime(report):
            return
        said: set[str] = set()  # each wrong name once: the title's first, then the opening's others
        own = _own_title(report)
        if own is not None:
            yield from self._title(*own, said)
        yield from self._in_opening(report, said)

    def _title(self, title: str, block: Block, said: set[str]) -> Iterator[Hit]:
        inside = _YEAR_INSIDE.search(block.text)
        if inside is not None:  # 某某支队政府信息公开工作2025年度报告: the year written inside the name
            yield self._year_inside(block, inside)
            return
        flat = re.sub(r"\s+|(?:19|20)\d{2}(?=\s*年)", "", title)
        flat = _NOTE_AT_END.sub("", flat)
        if NAME in flat or _NOT_A_REPORT.search(flat):
            return
        m = _NAME_IN_TITLE.search(flat)
        judged = _judged(flat[:m.start()], m.group(0)) if m is not None else None
        if judged is None:
            return
        name, compared = judged
        said.add(name)
        at = block.text.find(name)
        start, end = (at, at + len(name)) if at >= 0 else (0, len(block.text))
        yield self._hit(block, start, end, name, compared, "标题中", {"title": title}, at >= 0)

    def _in_opening(self, report: AnnualReport, said: set[str]) -> Iterator[Hit]:
        """The report's name where the opening announces the report (现公布某某镇2025年政府信息公开年度报告, 编制了…,
        现将…报告向社会公开), each wrong name once and not again when the title wrote it so: the name of the report
        of the report's own year, after a verb of publishing or compiling in the same clause."""
        year = report.year
        if year is None:
            return
        said_year = str(year)
        for block in report.text_blocks[:OPENING_BLOCKS]:
            if block is report.title_block or block.kind == "table" or said_year not in block.text \
                    or "报" not in block.text:
                continue  # (every name ends in 报告 or 年报: a block without 报 is not scanned)
            for m in _NAME_IN_PROSE.finditer(block.text, 0, _REACH):
                if m.group("y") != said_year or _CITED.search(block.text, max(0, m.start("y") - 60), m.start("y")):
                    continue  # (another year's report; 《关于做好2025年…年度报告编制…的通知》: another document)
                before = re.sub(r"\s+", "", m.group("pre"))
                judged = _judged(before, re.sub(r"\s+", "", m.group("name")))
                if judged is None or judged[0] in said:
                    continue
                said.add(judged[0])
                name, compared = judged
                start, end = m.span("name")  # (the name's 政府 is in it: the name is tried before the text before it)
                yield self._hit(block, start, end, name, compared, "正文中", {"sentence": m.group(0)},
                                not re.search(r"\s", m.group("name")))

    def _hit(self, block: Block, start: int, end: int, name: str, compared: str, where: str,
             more: dict[str, str], exact: bool) -> Hit:
        """The finding for ``name`` at ``start``–``end`` of ``block`` (``exact``: the text there is the name: a fix)."""
        fix = [FixEdit(block, start, end, NAME)] if exact and name.startswith("政府信息公开") else None
        return Hit(block=block, start=start, end=end, match=block.text[start:end],
                   params={"name": name, "difference": _difference(compared), "where": where},
                   evidence={"expected": NAME, "actual": name, **more},
                   key=f"report-name:{name}", fix=fix, fix_safe=False, fix_description=f"改为“{NAME}”")


    @staticmethod
    def _year_inside(block: Block, m: re.Match[str]) -> Hit:
        year = m.group("y")
        better = f"{year}年{NAME}"
        return Hit(block=block, start=m.start(), end=m.end(), match=m.group(0),
                   params={"name": m.group(0), "difference": f"：年份写在了名称中间，宜写在名称之前（“{better}”）",
                           "where": "标题中"},
                   evidence={"expected": better, "actual": m.group(0), "title": block.text.strip()},
                   key=f"report-name:{m.group(0)}", fix=[FixEdit(block, m.start(), m.end(), better)], fix_safe=False,
                   fix_description=f"改为“{better}”")


# the year written inside the report's name, between 政府信息公开(工作) and 年度报告 (政府信息公开工作2025年度报告)
_YEAR_INSIDE = re.compile(r"(?:政府|政务)信息公开(?:工作)?\s*(?P<y>(?:19|20)\d{2})\s*年度?\s*(?:工作)?报告")


# -- DL116 -------------------------------------------------------------------------------------------

# a name that says where its body is: a place's level word (某某市, 某某县, 某某镇 …; not 城市管理局, 市场监督管理局), a
# zone, customs office or bank branch named after its place without one (五华科技产业园管理委员会, 江北海关), or a nation's body (水利部, 海关总署, 国家统计局, 全国海关:
# no place to name)
_PLACED = re.compile(r"[省县区州盟旗镇乡]|自治|苏木|街道|(?<!^城)市(?!场)|园|开发|高新|新区|经开|保税|试验|合作|海关|银行"
                     r"|部$|署$|总局$|^(?:国家|中国|中华|国务院|全国)")
_NOT_A_TITLE = re.compile(r"[A-Za-z]|^\s*\d+\s*[、.．]")
_NOTE = re.compile(r"[（(][^（）()]*[）)]$")  # (海关总署(本级机关): a note on the name)
_KINDS = frozenset({"bureau", "commission", "office", "department", "government_office", "enforcement_unit",
                    "vertical_branch"})


@register
class TitleBodyPlace(Kind[KindOptions]):
    """``title-body-place`` (DL116): the title names its body without the place it belongs to (``民政局2020年…``,
    ``区教育局2022年…``: every county has one), where GB/T 9704-2012 7.3.1 wants the issuing body's full name."""

    name = "title-body-place"
    Options = KindOptions
    params = frozenset({"name", "full"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        own = _own_title(report)
        if own is None:
            return
        title, block = own
        name = report.title_name
        if not name or classify(name)[0] not in _KINDS:
            return
        rest = re.sub(f"^{BY_LEVEL}", "", _NOTE.sub("", name))  # (区教育局: the level's word is every district's)
        if _PLACED.search(rest) is not None or len(rest) < 2:
            return
        if _NOT_A_TITLE.search(title[:max(title.find(name), 0)]):
            return  # (Page 2 - 省交通运输厅…, puroview.com交通运输局…, 1、环保局…: a viewer's caption, a copy, a list item)
        agency = report.agency.name
        full = agency if agency and agency != name and agency.endswith(name.lstrip(LEVELS)) else None
        if full is None and name[0] not in LEVELS:  # (审计局2024年…, the text saying 金台区审计局)
            full = place_named(name, [b.text for b in report.text_blocks[:OPENING_BLOCKS]])
        at = block.text.find(name)
        start, end = (at, at + len(name)) if at >= 0 else (0, len(block.text))
        fix = [FixEdit(block, start, end, full)] if full and at >= 0 else None
        yield Hit(block=block, start=start, end=end, match=block.text[start:end],
                  params={"name": name, "full": f"（报告正文写作“{full}”）" if full else ""},
                  evidence={"expected": full or "机关全称（含所属地方）", "actual": name, "title": title},
                  key=f"title-body-place:{name}", fix=fix, fix_safe=False,
                  fix_description=f"改为“{full}”" if full else None)
