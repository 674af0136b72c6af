"""Label matching for the statistics tables: split a label into its numbered parts and map each
part to a canonical row or column id.

Everything that depends only on the schema is computed once at import: the normalised keys of
every row, column and group label of both format versions, the distinctive labels that tell the
three tables apart, and the labels only one format version has.  Lookups of a given text are
cached, so a report costs one dictionary access per distinct label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .schema import (
    S2_EXTRA_ROWS,
    S3_COLS,
    S3_EXTRA_COLS,
    S4_BLOCKS,
    S4_COLS,
    S4_RESULTS,
    RowSpec,
    norm,
    schema,
    strip_number,
)

# -- splitting a label into numbered parts -------------------------------------------------------

_NOTE = re.compile(r"[（(]\s*区分处理的[^）)]*[）)]?")
_MARK = re.compile(
    r"(?P<cn>(?<![\u4e00-\u9fff\d])[一二三四五六七八九十]{1,3}\s*[、.．])"
    r"|(?P<paren>[（(]\s*(?P<pnum>[一二三四五六七八九十]{1,3}|\d{1,2})\s*[）)])"
    r"|(?P<ar>(?<![\d.．])(?P<anum>\d{1,2})\s*[.．、](?!\d))"
)
_S4_NOTE = re.compile(r"\s*(?:注|备注|附注|注释|说明)\s*[0-9０-９一二三四五六七八九十]?\s*[：:.．、]")
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def cn_number(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    if len(s) == 1:
        return _CN.get(s)
    if s.startswith("十"):
        return 10 + (_CN.get(s[1:], 0) if len(s) > 1 else 0)
    if len(s) == 2 and s[1] == "十":
        return _CN.get(s[0], 0) * 10
    if len(s) == 3 and s[1] == "十":
        return _CN.get(s[0], 0) * 10 + _CN.get(s[2], 0)
    return None


@dataclass(frozen=True, slots=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class Part:
    """A piece of a row label: its item marker and number, its text and normalised keys."""

    marker: str  # "", "cn" (一、), "paren" (（一） or （1）), "arabic" (1.)
    num: int | None
    paren_cn: bool  # （一） rather than （1）
    text: str  # the text after the marker, as written (stripped)
    key: str  # normalised text
    key2: str  # normalised text without bracketed notes


_TAG = re.compile(r"<[^>]*>|&nbsp;|&#160;")


def keys_of(text: str) -> tuple[str, str]:
    if "<" in text or "&" in text:
        text = _TAG.sub("", text)
    k = norm(text)
    k2 = norm(_BRACKETED.sub("", text)) if ("（" in text or "(" in text) else k
    return k, k2


@lru_cache(maxsize=8192)
def split_label(text: str) -> tuple[Part, ...]:
    """``（三）不予公开 1.属于国家秘密`` → two parts; ``三、本年度办理结果`` → one part numbered 三."""
    t = _NOTE.sub("", text).strip()
    if not t:
        return ()
    parts: list[Part] = []
    pos = 0
    marker, num, pcn = "", None, False
    for m in _MARK.finditer(t):
        seg = t[pos:m.start()].strip()
        if seg or marker:
            k, k2 = keys_of(seg)
            parts.append(Part(marker, num, pcn, seg, k, k2))
        if m.group("cn"):
            marker, num, pcn = "cn", cn_number(m.group("cn").rstrip("、.． ").strip()), False
        elif m.group("paren"):
            pn = m.group("pnum")
            marker, num, pcn = "paren", cn_number(pn), not pn.isdigit()
        else:
            marker, num, pcn = "arabic", int(m.group("anum")), False
        pos = m.end()
    seg = t[pos:].strip()
    if seg or marker:
        k, k2 = keys_of(seg)
        parts.append(Part(marker, num, pcn, seg, k, k2))
    # a part with neither marker nor text can appear between adjacent markers; drop it
    return tuple(p for p in parts if p.text or p.marker)


# -- the key index ---------------------------------------------------------------------------------

def _add(index: dict[str, str], label: str, ident: str) -> None:
    for k in keys_of(strip_number(label)):
        if k:
            index.setdefault(k, ident)
    for k in keys_of(label):
        if k:
            index.setdefault(k, ident)


def _build_rows(table: str, extra: tuple[RowSpec, ...] = ()) -> dict[str, str]:
    index: dict[str, str] = {}
    for version in ("2021", "2019"):
        for r in schema(table, version).rows:
            _add(index, r.label, r.id)
            for a in r.aliases:
                _add(index, a, r.id)
    for r in extra:
        _add(index, r.label, r.id)
        for a in r.aliases:
            _add(index, a, r.id)
    return index


S3_ROWS: dict[str, str] = _build_rows("s3")
S3_ROWS.update({k: v for k, v in {
    "本年新收申请": "new", "新收政府信息公开申请数量": "new", "上年结转申请": "carried_over",
    "结转下年度继续办理申请": "carried_forward", "结转下年度继续办理的": "carried_forward",
    "办理结果": "result", "本年办理结果": "result", "合计": "result.total",
}.items() if k not in S3_ROWS})
S3_ROW_SPECS: dict[str, RowSpec] = {r.id: r for v in ("2019", "2021") for r in schema("s3", v).rows}
S3_ROW_SPECS["result.other"] = schema("s3", "2021").row_by_id["result.other"]  # a group in 2021
S3_SUBGROUPS = ("result.not_open", "result.unavailable", "result.not_processed", "result.other")
S3_CHILDREN: dict[str, tuple[str, ...]] = {
    g: tuple(r.id for r in schema("s3", "2021").rows if r.group == g) for g in ("result", *S3_SUBGROUPS)
}
S3_TOP = ("new", "carried_over", "result", "carried_forward")
S3_2021_ONLY_ROWS = frozenset(S3_CHILDREN["result.other"])

S3_COL_INDEX: dict[str, str] = {}
for _c in (*S3_COLS, *S3_EXTRA_COLS):
    for _k in _c.keys:
        S3_COL_INDEX.setdefault(_k, _c.id)
S3_COL_INDEX.update({"法人或其他组织小计": "org_subtotal", "商业企业": "commercial", "合计": "total",
                     "其它": "other_org"})
S3_COL_GROUPS = {norm("法人或其他组织"): "org", norm("申请人情况"): "applicants"}
S3_CANONICAL_COLS = tuple(c.id for c in S3_COLS)
S3_ORG_CHILDREN = ("commercial", "research", "social_welfare", "legal_service", "other_org", "org_subtotal")

S4_RESULT_INDEX: dict[str, str] = {norm(label): rid for rid, label in S4_RESULTS}
S4_RESULT_INDEX.update({"维持": "upheld", "纠正": "corrected", "其他": "other", "结果其他": "other",
                        "未审结": "pending", "合计": "total", "小计": "total"})
S4_BLOCK_INDEX: dict[str, str] = {norm(label): bid for bid, label in S4_BLOCKS}
S4_BLOCK_INDEX.update({"直接起诉": "direct", "未经复议": "direct", "复议后": "after_review"})
S4_SUPER = {norm("行政诉讼"): "litigation"}
S4_ROW_KEYS = frozenset(norm(x) for x in ("数量", "件数", "案件数量", "案件数", "数据", "情况"))
S4_CANONICAL_COLS = tuple(c.id for c in S4_COLS)
S4_RESULT_ORDER = tuple(r for r, _ in S4_RESULTS)
S4_BLOCK_ORDER = tuple(b for b, _ in S4_BLOCKS)

S2_ROWS: dict[str, str] = _build_rows("s2", S2_EXTRA_ROWS)
S2_EXTRA_ROW_IDS = frozenset(r.id for r in S2_EXTRA_ROWS)
S2_COLS: dict[str, str] = {}
for _v in ("2021", "2019"):
    for _c in schema("s2", _v).cols:
        for _k in _c.keys:
            S2_COLS.setdefault(_k, _c.id)
        _k2 = keys_of(_c.label)[1]
        S2_COLS.setdefault(_k2, _c.id)
S2_COLS.update({norm("本年增（减）"): "change", norm("增减"): "change", norm("收费金额（万元）"): "amount",
                norm("本年收费金额（万元）"): "amount", norm("采购总金额（万元）"): "procurement_amount"})
S2_HEAD = norm("信息内容")
# the first three characters several columns' labels share, and those columns in the order the format prints them
# (本年新 → 本年新制作数量, 本年新公开数量): a header cell cut to its first line (table2._header_cols)
S2_SHARED_HEADS: dict[str, tuple[str, ...]] = {}
for _v in ("2021", "2019"):
    for _c in schema("s2", _v).cols:
        S2_SHARED_HEADS.setdefault(norm(_c.label[:3]), ())
        S2_SHARED_HEADS[norm(_c.label[:3])] += (_c.id,)
S2_SHARED_HEADS = {k: v for k, v in S2_SHARED_HEADS.items() if len(v) > 1}

# labels only one version has (detected_version)
S2_ONLY_2019 = frozenset({"new_made", "new_published", "total_published", "prev_count", "change",
                          "procurement_count", "procurement_amount", "other_services", "procurement"})
S2_ONLY_2021 = frozenset({"issued", "repealed", "in_force", "amount"})
S2_WEAK_2019 = norm("规范性文件")
S2_WEAK_2021 = norm("行政规范性文件")

# -- telling the tables apart ---------------------------------------------------------------------

_SHARED = {norm("总计"), norm("合计"), norm("其他"), norm("小计"), ""}


def _votes() -> dict[str, frozenset[str]]:
    s2 = set(S2_ROWS) | set(S2_COLS) | {S2_HEAD}
    s3 = set(S3_ROWS) | set(S3_COL_INDEX) | set(S3_COL_GROUPS)
    s4 = set(S4_RESULT_INDEX) | set(S4_BLOCK_INDEX) | set(S4_SUPER)
    s4 -= {norm("维持"), norm("纠正"), norm("其他"), norm("合计"), norm("小计")}
    out = {}
    for tid, keys, others in (("s2", s2, s3 | s4), ("s3", s3, s2 | s4), ("s4", s4, s2 | s3)):
        out[tid] = frozenset(k for k in keys - others - _SHARED if len(k) >= 2)
    return out


VOTE_KEYS = _votes()
TITLE_S2 = norm("第二十条")
NOTE_S3 = "勾稽关系"


@lru_cache(maxsize=8192)
def cell_vote(text: str) -> str | None:
    """Which table a single cell's label belongs to (None when it could be any or none)."""
    t = text.strip()
    if not t or len(t) > 80:
        return None
    if NOTE_S3 in t:
        return "s3"
    k = norm(t)
    if k.startswith(TITLE_S2):
        return "s2"
    parts = split_label(t)
    for p in reversed(parts):
        for key in (p.key, p.key2):
            for tid in ("s3", "s4", "s2"):
                if key in VOTE_KEYS[tid]:
                    return tid
    return None


# -- fuzzy matching (only for labels that no key matches exactly) -------------------------------------

def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)} if len(s) > 1 else {s}


def similarity(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    ba, bb = _bigrams(a), _bigrams(b)
    return len(ba & bb) / max(1, min(len(ba), len(bb)))


_S3_LONG_KEYS = tuple((k, v) for k, v in S3_ROWS.items() if len(k) >= 4)
_S2_LONG_KEYS = tuple((k, v) for k, v in S2_ROWS.items() if len(k) >= 2)


@lru_cache(maxsize=8192)
def match_s3_row(key: str, key2: str) -> str | None:
    """Row id for a normalised label part of table 三 (exact, then prefix either way)."""
    if not key:
        return None
    r = S3_ROWS.get(key) or S3_ROWS.get(key2)
    if r:
        return r
    if key.endswith("的") and key[:-1] in S3_ROWS:
        return S3_ROWS[key[:-1]]
    if len(key2) < 4:
        return None
    found = {v for k, v in _S3_LONG_KEYS if key2.startswith(k) or (k.startswith(key2) and len(key2) >= 6)}
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=4096)
def match_s2_row(key: str, key2: str) -> str | None:
    if not key:
        return None
    r = S2_ROWS.get(key) or S2_ROWS.get(key2)
    if r:
        return r
    # "规章（设区的市…应提供相关数据）" is handled by key2; also accept a label that merely starts
    # with a row name followed by 类/情况/信息
    for suffix in ("类", "情况", "信息", "事项", "类信息"):
        if key2.endswith(suffix) and key2[: -len(suffix)] in S2_ROWS:
            return S2_ROWS[key2[: -len(suffix)]]
    return None


@lru_cache(maxsize=4096)
def match_s2_col(text: str) -> str | None:
    k, k2 = keys_of(strip_number(text))
    r = S2_COLS.get(k) or S2_COLS.get(k2)
    if r:
        return r
    if k2.startswith(norm("本年增")):
        return "change"
    if k2.startswith((norm("本年收费金额"), norm("收费金额"))):
        return "amount"
    for key, cid in S2_COLS.items():
        if len(key) >= 4 and k2.startswith(key):
            return cid
    return None


@lru_cache(maxsize=4096)
def match_s3_col(text: str) -> tuple[str, str] | None:
    """("leaf", col id) or ("group", "org"/"applicants") for a header text of table 三."""
    k, k2 = keys_of(text)
    for key in (k, k2):
        if key in S3_COL_INDEX:
            return ("leaf", S3_COL_INDEX[key])
        if key in S3_COL_GROUPS:
            return ("group", S3_COL_GROUPS[key])
    if k2.startswith("法人或其他组织") and k2.endswith("小计"):
        return ("leaf", "org_subtotal")
    if k2.endswith("总计") and len(k2) <= 6:
        return ("leaf", "total")
    return None


@lru_cache(maxsize=4096)
def match_s4(text: str) -> tuple[str, str] | None:
    """("result", id) / ("block", id) / ("super", "litigation") / ("row", "cases") for a table-四 text; ``None``
    for a note under the table (注：行政复议“其他结果”1件为…, 备注：本表统计…): it names a block, it is not one."""
    if _S4_NOTE.match(text):
        return None
    k, k2 = keys_of(strip_number(text))
    for key in (k, k2):
        if key in S4_RESULT_INDEX:
            return ("result", S4_RESULT_INDEX[key])
        if key in S4_BLOCK_INDEX:
            return ("block", S4_BLOCK_INDEX[key])
        if key in S4_SUPER:
            return ("super", S4_SUPER[key])
        if key in S4_ROW_KEYS:
            return ("row", "cases")
    # "行政诉讼（未经复议直接起诉）", "行政诉讼-复议后起诉"
    for key, bid in S4_BLOCK_INDEX.items():
        if len(key) >= 4 and key in k and len(k) <= len(key) + 10:  # a label, not a sentence naming the block
            return ("block", bid)
    if k.startswith("行政复议") and len(k) <= 8:
        return ("block", "review")
    return None
