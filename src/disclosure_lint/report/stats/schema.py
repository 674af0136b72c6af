"""Canonical schema of the three statistics tables (sections 二, 三, 四), both format versions.

Every row and column has a stable id (used in JSON/CSV exports, pointers and rule
evidence) and its official label.  Labels were rebuilt from real reports and faithful
copies (spec §3.3–3.5); ``aliases`` hold variants seen in practice.  Matching is done
on normalised text (see :func:`norm`), so brackets, quotes, spaces and line breaks do
not matter.

Identities (spec §4) are declared here as data, so that rules, the ``stats`` export
and the tests share one definition.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ...readers.script import strip_glosses

# -- normalisation ----------------------------------------------------------------------------

_DROP = re.compile(r"[\s　\u00a0“”\"'‘’「」『』()（）［］\[\]【】〔〕<>《》:：,，、;；.．。·•*_\-—–]+")
_NOTE = re.compile(r"[（(]区分处理的[^）)]*[）)]")


def _norm(label: str) -> str:
    s = _NOTE.sub("", strip_glosses(label))  # (信息内(nèi)容: a copy's pinyin after a character, not the label's)
    s = s.replace("／", "/").replace("\\", "/")
    s = _DROP.sub("", s)
    return s


class _NormMemo(dict[str, str]):
    """:func:`norm` memoised: the same few hundred labels are normalised again and again (each reader and rule
    asks); a hit is one C-level ``dict.__getitem__``.  Labels, not paragraphs: texts over ``_MEMO_LEN``
    characters are not kept, nor more than ``_MEMO_MAX`` entries (hostile inputs must not grow it)."""

    def __missing__(self, label: str) -> str:
        s = _norm(label)
        if len(label) <= _MEMO_LEN and len(self) < _MEMO_MAX:
            self[label] = s
        return s


_MEMO_LEN = 200
_MEMO_MAX = 20000
_norms = _NormMemo()
#: Normalise a label for matching: drop the 区分处理 note, brackets, quotes, spaces, punctuation.
norm: Callable[[str], str] = _norms.__getitem__


_LEAD = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}(?:[.．、]|\s)|"
                   r"[（(]\d{1,2}[）)]|第[一二三四五六七八九十]+[项条])\s*")


def strip_number(label: str) -> str:
    """``（三）不予公开`` → ``不予公开``; ``1.属于国家秘密`` → ``属于国家秘密``."""
    # _LEAD.sub("", label, count=1): the pattern is anchored at the start and never empty, so the one match
    # sub can replace is match's (sub's replacement machinery cost a microsecond a call)
    m = _LEAD.match(label)
    return label[m.end():] if m is not None else label


# -- schema types ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RowSpec:
    """A row of a statistics table's schema: its id, official label, group and other wordings."""

    id: str
    label: str  # official label, with its number
    group: str | None = None  # id of the group row it belongs to (e.g. result.not_open)
    aliases: tuple[str, ...] = ()
    data: bool = True  # False for group rows without numbers (（三）不予公开 …)

    @property
    def key(self) -> str:
        return norm(strip_number(self.label))

    @property
    def keys(self) -> tuple[str, ...]:
        return (self.key, *(norm(strip_number(a)) for a in self.aliases))


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class ColSpec:
    """A column of a statistics table's schema: its id, official label, group, other wordings and kind of value."""

    id: str
    label: str
    group: str | None = None  # e.g. 法人或其他组织, 行政复议, 未经复议直接起诉
    aliases: tuple[str, ...] = ()
    kind: str = "count"  # count | amount | change (may be negative)

    @property
    def keys(self) -> tuple[str, ...]:
        return (norm(self.label), *(norm(a) for a in self.aliases))


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class TableSchema:
    """The schema of one statistics table in one format version: its rows and columns."""

    id: str  # s2 | s3 | s4
    version: str  # "2019" | "2021" | "both"
    title: str
    rows: tuple[RowSpec, ...]
    cols: tuple[ColSpec, ...]
    # which columns each row has (s2: blocks with their own columns); None = every column
    row_cols: dict[str, tuple[str, ...]] | None = None
    row_by_id: dict[str, RowSpec] = field(init=False, repr=False, compare=False)
    col_by_id: dict[str, ColSpec] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "row_by_id", {r.id: r for r in self.rows})
        object.__setattr__(self, "col_by_id", {c.id: c for c in self.cols})

    def data_rows(self) -> list[RowSpec]:
        return [r for r in self.rows if r.data]

    def cols_of(self, row_id: str) -> tuple[str, ...]:
        if self.row_cols is None:
            return tuple(c.id for c in self.cols)
        return self.row_cols.get(row_id, ())


# -- table 三: applications ---------------------------------------------------------------------

S3_COLS = (
    ColSpec("natural_person", "自然人"),
    ColSpec("commercial", "商业企业", "法人或其他组织"),
    ColSpec("research", "科研机构", "法人或其他组织"),
    ColSpec("social_welfare", "社会公益组织", "法人或其他组织"),
    ColSpec("legal_service", "法律服务机构", "法人或其他组织"),
    ColSpec("other_org", "其他", "法人或其他组织"),
    ColSpec("total", "总计", aliases=("合计",)),
)
S3_APPLICANT_COLS = tuple(c.id for c in S3_COLS if c.id != "total")
S3_EXTRA_COLS = (ColSpec("org_subtotal", "小计", "法人或其他组织", aliases=("法人或其他组织小计",)),)


def _s3_rows(version: str) -> tuple[RowSpec, ...]:
    rows = [
        RowSpec("new", "一、本年新收政府信息公开申请数量", aliases=("本年新收申请数量", "本年新收政府信息公开申请")),
        RowSpec("carried_over", "二、上年结转政府信息公开申请数量", aliases=("上年结转申请数量",)),
        RowSpec("result", "三、本年度办理结果", data=False),
        RowSpec("result.open", "（一）予以公开", "result"),
        RowSpec("result.partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "result",
                aliases=("部分公开",)),
        RowSpec("result.not_open", "（三）不予公开", "result", data=False),
        RowSpec("result.not_open.state_secret", "1.属于国家秘密", "result.not_open"),
        RowSpec("result.not_open.law_prohibited", "2.其他法律行政法规禁止公开", "result.not_open",
                aliases=("其他法律、行政法规禁止公开",)),
        RowSpec("result.not_open.security_stability", "3.危及“三安全一稳定”", "result.not_open"),
        RowSpec("result.not_open.third_party", "4.保护第三方合法权益", "result.not_open"),
        RowSpec("result.not_open.internal_affairs", "5.属于三类内部事务信息", "result.not_open"),
        RowSpec("result.not_open.process_info", "6.属于四类过程性信息", "result.not_open"),
        RowSpec("result.not_open.enforcement_file", "7.属于行政执法案卷", "result.not_open"),
        RowSpec("result.not_open.admin_query", "8.属于行政查询事项", "result.not_open"),
        RowSpec("result.unavailable", "（四）无法提供", "result", data=False),
        RowSpec("result.unavailable.not_held", "1.本机关不掌握相关政府信息", "result.unavailable"),
        RowSpec("result.unavailable.need_creation", "2.没有现成信息需要另行制作", "result.unavailable"),
        RowSpec("result.unavailable.unclear", "3.补正后申请内容仍不明确", "result.unavailable"),
        RowSpec("result.not_processed", "（五）不予处理", "result", data=False),
        RowSpec("result.not_processed.petition", "1.信访举报投诉类申请", "result.not_processed"),
        RowSpec("result.not_processed.repeated", "2.重复申请", "result.not_processed"),
        RowSpec("result.not_processed.publication", "3.要求提供公开出版物", "result.not_processed"),
        RowSpec("result.not_processed.excessive", "4.无正当理由大量反复申请", "result.not_processed"),
        RowSpec("result.not_processed.confirm", "5.要求行政机关确认或重新出具已获取信息", "result.not_processed"),
    ]
    if version == "2019":
        rows.append(RowSpec("result.other", "（六）其他处理", "result"))
    else:
        rows += [
            RowSpec("result.other", "（六）其他处理", "result", data=False),
            RowSpec("result.other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                    "result.other"),
            RowSpec("result.other.no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                    "result.other"),
            RowSpec("result.other.other", "3.其他", "result.other"),
        ]
    rows += [
        RowSpec("result.total", "（七）总计", "result"),
        RowSpec("carried_forward", "四、结转下年度继续办理", aliases=("结转下年度继续办理的申请数量",)),
    ]
    return tuple(rows)


# -- table 四: review and litigation -----------------------------------------------------------

S4_BLOCKS = (("review", "行政复议"), ("direct", "未经复议直接起诉"), ("after_review", "复议后起诉"))
S4_RESULTS = (("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结"),
              ("total", "总计"))
S4_COLS = tuple(ColSpec(f"{b}.{r}", rl, bl) for b, bl in S4_BLOCKS for r, rl in S4_RESULTS)
S4_ROWS = (RowSpec("cases", "数量"),)

# -- table 二: proactive disclosure ------------------------------------------------------------

S2_2021_ROWS = (
    RowSpec("rules", "规章"),
    RowSpec("normative_docs", "行政规范性文件", aliases=("规范性文件",)),
    RowSpec("licensing", "行政许可"),
    RowSpec("penalty", "行政处罚"),
    RowSpec("coercion", "行政强制"),
    RowSpec("fees", "行政事业性收费"),
)
S2_2021_COLS = (
    ColSpec("issued", "本年制发件数", aliases=("本年制发件", "本年制发数量", "本年发件", "本年发件数", "本年度发件数")),
    ColSpec("repealed", "本年废止件数", aliases=("本年废止件", "本年废止数量")),
    ColSpec("in_force", "现行有效件数", aliases=("现行有效件", "现行有效数量")),
    ColSpec("decisions", "本年处理决定数量", aliases=("处理决定数量",)),
    ColSpec("amount", "本年收费金额（单位：万元）", aliases=("本年收费金额", "本年收费金额万元", "收费金额"),
            kind="amount"),
)
S2_2021_ROW_COLS = {
    "rules": ("issued", "repealed", "in_force"),
    "normative_docs": ("issued", "repealed", "in_force"),
    "licensing": ("decisions",),
    "penalty": ("decisions",),
    "coercion": ("decisions",),
    "fees": ("amount",),
}

S2_2019_ROWS = (
    RowSpec("rules", "规章"),
    RowSpec("normative_docs", "规范性文件", aliases=("行政规范性文件",)),
    RowSpec("licensing", "行政许可"),
    RowSpec("other_services", "其他对外管理服务事项"),
    RowSpec("penalty", "行政处罚"),
    RowSpec("coercion", "行政强制"),
    RowSpec("fees", "行政事业性收费"),
    RowSpec("procurement", "政府集中采购"),
)
S2_2019_COLS = (
    ColSpec("new_made", "本年新制作数量", aliases=("本年新制作",)),
    ColSpec("new_published", "本年新公开数量", aliases=("本年新公开",)),
    ColSpec("total_published", "对外公开总数量", aliases=("对外公开数量", "对外公开总数")),
    ColSpec("prev_count", "上一年项目数量", aliases=("上一年项目数",)),
    ColSpec("change", "本年增/减", aliases=("本年增减", "本年增加/减少"), kind="change"),
    ColSpec("decisions", "处理决定数量", aliases=("本年处理决定数量",)),
    ColSpec("procurement_count", "采购项目数量"),
    ColSpec("procurement_amount", "采购总金额", kind="amount"),
)
S2_2019_ROW_COLS = {
    "rules": ("new_made", "new_published", "total_published"),
    "normative_docs": ("new_made", "new_published", "total_published"),
    "licensing": ("prev_count", "change", "decisions"),
    "other_services": ("prev_count", "change", "decisions"),
    "penalty": ("prev_count", "change", "decisions"),
    "coercion": ("prev_count", "change", "decisions"),
    "fees": ("prev_count", "change"),
    "procurement": ("procurement_count", "procurement_amount"),
}
# Local rows seen in real reports: accepted, reported as info.
S2_EXTRA_ROWS = (RowSpec("other_docs", "其他主动公开文件", aliases=("其他", "其他主动公开信息", "其他信息")),)

SCHEMAS: dict[tuple[str, str], TableSchema] = {
    ("s2", "2019"): TableSchema("s2", "2019", "主动公开政府信息情况", S2_2019_ROWS, S2_2019_COLS, S2_2019_ROW_COLS),
    ("s2", "2021"): TableSchema("s2", "2021", "主动公开政府信息情况", S2_2021_ROWS, S2_2021_COLS, S2_2021_ROW_COLS),
    ("s3", "2019"): TableSchema("s3", "2019", "收到和处理政府信息公开申请情况", _s3_rows("2019"), S3_COLS),
    ("s3", "2021"): TableSchema("s3", "2021", "收到和处理政府信息公开申请情况", _s3_rows("2021"), S3_COLS),
    ("s4", "2019"): TableSchema("s4", "both", "政府信息公开行政复议、行政诉讼情况", S4_ROWS, S4_COLS),
    ("s4", "2021"): TableSchema("s4", "both", "政府信息公开行政复议、行政诉讼情况", S4_ROWS, S4_COLS),
}



def schema(table: str, version: str) -> TableSchema:
    return SCHEMAS[(table, "2019" if version == "2019" else "2021")]


def labelled_rows(table: str, version: str) -> list[tuple[str, str]]:
    """Every data row as printed: ``(group label, item label)`` for an item under a group row
    (``("（三）不予公开", "1.属于国家秘密")``), ``(label, "")`` for a row of its own."""
    sch = schema(table, version)
    out = []
    for r in sch.data_rows():
        group = sch.row_by_id.get(r.group) if r.group else None
        out.append((group.label, r.label) if group is not None and not group.data and r.group != "result"
                   else (r.label, ""))
    return out


# -- identities as data ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Identity:
    """``sum(lhs) == sum(rhs)`` over cells of one table, for one column (or one row)."""

    id: str  # I1 … I4
    table: str
    name: str  # Chinese name used in messages
    lhs: tuple[tuple[str, str], ...]  # (row id, col id)
    rhs: tuple[tuple[str, str], ...]


def s3_result_rows(version: str) -> tuple[str, ...]:
    return tuple(r.id for r in schema("s3", version).data_rows()
                 if r.id.startswith("result.") and r.id != "result.total")


def identities(table: str, version: str) -> list[Identity]:
    out: list[Identity] = []
    if table == "s3":
        for c in S3_COLS:
            out.append(Identity("I1", "s3", "勾稽关系（第一项加第二项之和等于第三项加第四项之和）",
                                (("new", c.id), ("carried_over", c.id)),
                                (("result.total", c.id), ("carried_forward", c.id))))
        for c in S3_COLS:
            out.append(Identity("I3", "s3", "办理结果合计（（七）总计等于各项办理结果之和）",
                                (("result.total", c.id),),
                                tuple((r, c.id) for r in s3_result_rows(version))))
        for r in schema("s3", version).data_rows():
            out.append(Identity("I2", "s3", "申请人合计（总计等于六类申请人之和）",
                                ((r.id, "total"),), tuple((r.id, c) for c in S3_APPLICANT_COLS)))
    elif table == "s4":
        for b, _ in S4_BLOCKS:
            out.append(Identity("I4", "s4", "复议、诉讼合计（总计等于维持、纠正、其他、尚未审结之和）",
                                (("cases", f"{b}.total"),),
                                tuple(("cases", f"{b}.{r}") for r, _ in S4_RESULTS if r != "total")))
    return out


# The 第二十条 items table 二 is divided into, with the rows (above) under each caption, per format version.
S2_ITEMS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "2021": (("第二十条第（一）项", ("rules", "normative_docs")), ("第二十条第（五）项", ("licensing",)),
             ("第二十条第（六）项", ("penalty", "coercion")), ("第二十条第（八）项", ("fees",))),
    "2019": (("第二十条第（一）项", ("rules", "normative_docs")),
             ("第二十条第（五）项", ("licensing", "other_services")),
             ("第二十条第（六）项", ("penalty", "coercion")), ("第二十条第（八）项", ("fees",)),
             ("第二十条第（九）项", ("procurement",))),
}
