"""Counts whose number is missing (DL903): a list of counts with a common unit in which an item has no number.

In a list of counts (items separated by 、，；) where at least two items carry a number and the same unit
(``政策文件15条、备案信息条、许可信息25条``), an item next to one of them that ends in the unit with no number
before it is reported.  Not taken: words that end in a unit character (文件 案件 条件 附件 事项 个人 层次 …,
:data:`UNIT_WORDS`) and numerals or quantifiers before the unit (一条 多条 逐条 每件 若干项).  The pieces of
prose read are :mod:`.writing`'s.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from .alternation import holding
from .writing import CJK, Piece, Span

UNITS = ("人次", "条", "件", "个", "篇", "次", "场", "期", "项", "家", "份", "批", "封")
# words that end in a unit character: never a count without its number
UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "条": ("萧条", "金条", "面条", "纸条", "便条", "链条", "教条", "头条", "线条", "收条", "借条", "白条", "封条",
          "发条", "油条", "枝条", "柳条", "苗条", "信条", "专条", "欠条"),
    "件": ("文件", "案件", "事件", "条件", "附件", "证件", "稿件", "邮件", "软件", "硬件", "部件", "零件", "配件",
          "物件", "信件", "要件", "函件", "快件", "急件", "原件", "复印件", "扫描件", "组件", "构件", "插件",
          "工件", "来件", "批件", "密件", "卷件", "办件", "案卷件", "答复件", "申请件", "公开件"),
    "个": ("各个", "整个", "单个", "某个", "哪个", "这个", "那个", "真个"),
    "篇": ("诗篇", "开篇", "通篇", "长篇", "短篇", "全篇", "篇篇"),
    "次": ("层次", "名次", "档次", "班次", "批次", "车次", "场次", "架次", "航次", "频次", "依次", "其次", "再次",
          "首次", "此次", "本次", "该次", "每次", "多次", "屡次", "历次", "初次", "上次", "下次", "逐次", "渐次",
          "位次", "席次", "轮次", "序次", "主次", "人次"),
    "场": ("市场", "现场", "广场", "会场", "立场", "农场", "机场", "考场", "战场", "赛场", "商场", "登场", "在场",
          "到场", "专场", "官场", "下场", "剧场", "卖场", "牧场", "林场", "渔场", "秀场", "主场", "全场", "当场",
          "出场", "入场", "退场", "开场", "收场", "捧场", "冷场", "赶场", "菜场", "操场", "球场"),
    "期": ("定期", "按期", "逾期", "如期", "限期", "长期", "短期", "同期", "近期", "周期", "时期", "日期", "到期",
          "过期", "预期", "中期", "初期", "后期", "末期", "学期", "分期", "假期", "工期", "刑期", "租期", "延期",
          "星期", "届期", "任期", "汛期", "上期", "本期", "当期", "每期", "各期", "首期", "早期", "晚期", "前期",
          "试用期", "有效期", "考察期", "窗口期", "过渡期", "攻坚期", "关键期"),
    "项": ("事项", "款项", "专项", "单项", "选项", "强项", "弱项", "立项", "逐项", "每项", "各项", "多项", "该项",
          "本项", "分项", "子项", "大项", "小项", "主项", "缺项", "漏项", "列项", "条项", "此项", "这项"),
    "家": ("国家", "专家", "大家", "人家", "自家", "农家", "商家", "厂家", "行家", "买家", "卖家", "东家", "作家",
          "画家", "管家", "各家", "每家", "多家", "独家", "回家", "居家", "安家", "成家", "当家", "全家", "住家",
          "娘家", "老家", "店家", "船家", "庄家", "儒家", "道家", "法家", "名家", "皇家", "婆家", "亲家"),
    "份": ("身份", "股份", "年份", "月份", "省份", "部份", "成份", "备份", "每份", "各份", "这份", "该份"),
    "人次": (),
    "批": ("审批", "报批", "获批", "核批", "分批", "成批", "大批", "每批", "首批", "该批", "这批", "同批", "上批",
          "下批", "逐批", "签批", "呈批", "送批", "待批", "已批", "特批", "请批"),
    "封": ("信封", "密封", "查封", "冰封", "尘封", "启封", "开封", "拆封", "解封", "原封", "加封", "封封", "铅封",
          "塑封", "自封", "敕封", "册封"),
}
# before the unit, these say how many already (一条, 多条, 逐条, 每件, 若干项, 数十条)
_QUANTIFIER = set("〇零一二三四五六七八九十百千万亿两几数多余若干每各逐该本此这那首全整单某上下前后同批诸")
_ITEM_SPLIT = re.compile(r"[、，,；;：:]")
_CLAUSE_SPLIT = re.compile(r"[。！？!?\n]")
# (?<!\d): a search is not restarted inside a long run of digits (quadratic)
_NUMBERED = re.compile(r"(?<!\d)\d+(?:\.\d+)?\s*(?:万|余|多)?\s*(" + "|".join(UNITS) + r")$")
# a number and its unit at an item's end (spaces, then a separator, a clause's end or the text's): what every match of
# _NUMBERED in an item ends in, from its last digit on.  A list holds two items that have their number, each holding a
# match in its own text (no separator is among the characters a match holds), so a piece with fewer than two matches
# holds no list (:func:`_counts`); most pieces with a candidate have none (2023年，…全年未发生…泄密事件) or one
# (行政许可办理结果220件、行政处罚决定113件均已按规定向社会公开，…政策文件)
_COUNTED = re.compile(r"\d\s*(?:万|余|多)?\s*(?:" + "|".join(UNITS) + r")(?=\s*(?:[、，,；;：:。！？!?\n]|$))")
# any unit (one search led by their first characters, not one substring search per unit)
_UNIT_CHAR = re.compile("|".join(map(re.escape, UNITS)))
_BARE = re.compile(f"[{CJK}](" + "|".join(UNITS) + r")$")
# an item that ends in a unit right after a Chinese character: the only kind that can lack its number
_CANDIDATE = re.compile(f"[{CJK}](?:" + "|".join(UNITS) + r")(?=[、，,；;：:。！？!?\n]|$)")
# the same, led by the unit's last character (the Chinese character before it a look-behind; every unit's last
# character is a unit of one character, 人次's 次, whose Chinese character before it is 人): found in the same texts,
# and a search skips ahead by that class instead of trying every Chinese character; one class, where an alternation
# of the units (led by the same characters) tried each branch at each of them, and the look-ahead (which most units
# fail: 件数, 条例) before the look-behind
_UNIT_ENDS = "".join(sorted({u[-1] for u in UNITS}))
_CANDIDATE_GATE = re.compile(f"[{_UNIT_ENDS}](?=[、，,；;：:。！？!?\n]|$)(?<=[{CJK}].)")


@dataclass(frozen=True)
class CountItem:
    """An item of a list of counts: its text, its unit and whether it has its number."""

    span: Span  # the item's text (without the separators)
    unit: str
    has_number: bool


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class CountList:
    """Items of one list of counts (``政策文件15条、备案信息条、许可信息25条``) that share a unit."""

    unit: str
    items: tuple[CountItem, ...]

    @property
    def missing(self) -> list[CountItem]:
        """Items without their number, each next to an item that has one."""
        out = []
        for k, it in enumerate(self.items):
            if it.has_number:
                continue
            nbrs = [self.items[j] for j in (k - 1, k + 1) if 0 <= j < len(self.items)]
            if any(n.has_number for n in nbrs):
                out.append(it)
        return out


def _bare_item(item: str, unit: str) -> bool:
    """``备案信息条``: ends in the unit after a character that is neither a numeral nor a quantifier,
    and is not a word that ends in the unit character (文件, 事项 …)."""
    label = item[: -len(unit)]
    if not label or label[-1] in _QUANTIFIER or label[-1].isdigit() or label.startswith(("无", "没有", "未", "暂无")):
        return False  # (无转结下年度继续办理件: none, not a count left out)
    if unit in label and re.search(r"\d\s*(?:万|余|多)?\s*" + re.escape(unit), label):
        return False  # its number given before a noun that ends in the unit: 收到7件依申请公开件
    if any(item.endswith(w) for w in UNIT_WORDS.get(unit, ())):
        return False
    return len(label) >= 2


def _lists_in(piece: Piece) -> list[CountList]:
    out: list[CountList] = []
    text = piece.text
    # where the candidates are, found in one pass: a candidate never holds a clause end, and at a clause's
    # end the text holds one of the marks its look-ahead asks for, so the clauses with a candidate are those
    # in which one of these is; _CANDIDATE_GATE's matches (a candidate's unit, led by it) lie in the clauses of
    # _CANDIDATE's (led by a class of every Chinese character: tried at each), and no match of either holds a
    # clause end, so the clauses with one of its matches are the same (tests/test_fast_paths_t9_gates.py)
    found = [m.start() for m in _CANDIDATE_GATE.finditer(text)]
    if not found:
        return out
    cpos = 0
    for cm in [*_CLAUSE_SPLIT.finditer(text), None]:
        cend = cm.start() if cm else len(text)
        k = bisect_left(found, cpos)
        if k == len(found) or found[k] >= cend or not _counts(text, cpos, cend):
            cpos = cm.end() if cm else cend
            continue  # no item here can lack its number, or fewer than two have one: no list
        items: list[CountItem] = []
        ipos = cpos
        for im in [*_ITEM_SPLIT.finditer(text, cpos, cend), None]:
            iend = im.start() if im else cend
            raw = text[ipos:iend]
            s = ipos + (len(raw) - len(raw.lstrip()))
            e = iend - (len(raw) - len(raw.rstrip()))
            item = text[s:e]
            # both patterns end in a unit at the end ($: the item holds no trailing newline), so an item that does
            # not end in one (most; nor does its last word) is neither (str.endswith, not two searches tried at
            # every character)
            unit_end = item.endswith(UNITS)
            nm = _NUMBERED.search(item) if unit_end else None
            if nm:
                items.append(CountItem(Span(piece, s, e), nm.group(1), True))
            else:
                # flattened text: a heading run into the item is not part of it
                tail = item.rsplit(None, 1)[-1] if item else item
                s_tail = e - len(tail)
                bm = _BARE.search(tail) if unit_end else None
                if bm and len(tail) <= 16 and _bare_item(tail, bm.group(1)):
                    items.append(CountItem(Span(piece, s_tail, e), bm.group(1), False))
                else:
                    items.append(CountItem(Span(piece, s, e), "", False))
            ipos = im.end() if im else iend
        by_unit: dict[str, list[int]] = {}
        for k, it in enumerate(items):
            if it.unit:
                by_unit.setdefault(it.unit, []).append(k)
        for unit, idx in by_unit.items():
            if sum(items[k].has_number for k in idx) < 2:
                continue
            # consecutive items of this unit (an unrelated item in between ends the list)
            run: list[CountItem] = []
            for k in range(idx[0], idx[-1] + 1):
                if items[k].unit == unit:
                    run.append(items[k])
                else:
                    if len(run) >= 2:
                        out.append(CountList(unit, tuple(run)))
                    run = []
            if len(run) >= 2:
                out.append(CountList(unit, tuple(run)))
        cpos = cm.end() if cm else cend
    return out


def _counts(text: str, pos: int = 0, endpos: int | None = None) -> bool:
    """Whether ``text[pos:endpos]`` (a piece, or a clause of it) holds two matches of :data:`_COUNTED` (the second
    searched after the first: two in items of their own are found so, a match never running past an item's end)."""
    end = len(text) if endpos is None else endpos
    m = _COUNTED.search(text, pos, end)
    return m is not None and _COUNTED.search(text, m.end(), end) is not None


def find_count_lists(report) -> list[CountList]:
    """Lists of counts with a common unit in the prose (two or more items with numbers) in clauses
    where some item ends in a unit with no number before it — the lists DL903 has to look at."""
    out: list[CountList] = []
    pieces = report.prose_pieces
    # only a piece with a candidate (an item that may lack its number) holds such a list (_lists_in finds none in
    # the others; a candidate holds a unit): found by one search over the texts joined by newlines — a candidate
    # holds no newline, and its look-ahead sees at a newline what it sees at the end of a text
    for k in holding([p.text for p in pieces], _CANDIDATE_GATE.search):
        p = pieces[k]
        if _counts(p.text):
            out.extend(_lists_in(p))
    return out
