"""The statistics tables' labels as they stand in prose (moved here from :mod:`.writing`, which reads them).

:data:`TABLE_LABEL_KEYS` are the tables' row, column and group labels (normalised): a doubled word that is one is
two merged cells run together, not a slip.  :data:`HEADER_PIECES` are the two-character pieces of the column labels of
tables 三 and 四 printed word by word.  :func:`starts_with_table_label` tells a row label of a table (一、本年新收…) from
an item of a list (:mod:`.enumeration`).
"""

from __future__ import annotations

import re

from .stats.schema import SCHEMAS, norm, strip_number


def _label_keys(rows_only: bool) -> frozenset[str]:
    keys: set[str] = set()
    for sch in SCHEMAS.values():
        for r in sch.rows:
            keys.update(k for k in r.keys if k)
        if rows_only:
            continue
        for c in sch.cols:
            keys.update(k for k in c.keys if k)
            if c.group:
                keys.add(norm(c.group))
    if not rows_only:
        keys.update({"申请人情况", "信息内容", "行政复议", "行政诉讼"})
    return frozenset(keys)


TABLE_LABEL_KEYS = _label_keys(rows_only=False)
_ROW_KEYS = _label_keys(rows_only=True)
_LONG_ROW_KEY = re.compile("|".join(re.escape(k) for k in sorted(_ROW_KEYS, key=lambda w: (-len(w), w)) if len(k) >= 4))
_SHORT_ROW_KEYS = frozenset(k for k in _ROW_KEYS if len(k) < 4)
_S2_ROW_KEYS = frozenset(k for (tid, _v), sch in SCHEMAS.items() if tid == "s2" for r in sch.rows for k in r.keys if k)
# a label's characters; single spaces between them too (a PDF's justified line copied as text: 大量反复 申请)
_LABEL_RUN = re.compile(r"[^\s\d|]+(?: [^\s\d|]+)*")
# the first characters (8 or more) of a long label: a label cut at the end of its line (要求行政机关确认或重 / 新出具)
_CELL_GAP = re.compile(r"(?: {2,}|\t|\u3000)\s*(?=\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,2}[）)])")
_LONG_ROW_HEADS = frozenset(k[:n] for k in _ROW_KEYS if len(k) >= 8 for n in range(8, len(k) + 1))


# the two-character pieces of the column labels of tables 三 and 四 (结果|维持, 科研|机构): a header whose labels were
# printed word by word over lines runs them together when the text loses its line breaks (结果结果其他结尚未维持纠正…)
HEADER_PIECES = frozenset(k[i:i + 2] for k in ("结果维持", "结果纠正", "其他结果", "尚未审结", "商业企业", "科研机构",
                                                "社会公益组织", "法律服务机构") for i in range(0, len(k), 2))


def starts_with_table_label(text: str) -> bool:
    """Does ``text`` (a number such as 一、 or 1. and what follows) begin with a row label of a
    statistics table (``一、本年新收…``, ``（七）总计``, ``1.属于国家秘密``)?  Short labels (总计,
    其他) must stand alone: ``3.其他 0 0`` is a row, ``3.其他工作…`` is prose.  A long label may have single
    spaces in it or be cut after its first 8 characters (a PDF's text copied with its layout)."""
    head = text[:80]
    label = strip_number(head)
    m = _LABEL_RUN.match(label)
    if not m:
        return False
    run = norm(m.group(0))
    long_key = _LONG_ROW_KEY.match(run)
    if long_key is not None and long_key.end() < len(run) and (run.endswith("情况") or long_key.group(0) in _S2_ROW_KEYS):
        # 2.不予公开政府信息办理情况: a sub-title that starts with a row's words (no row ends in 情况); 8.行政事业性收费项目…:
        # an item that starts with table 二's row (whose labels carry no number) and goes on
        return False
    if run in _SHORT_ROW_KEYS or long_key is not None or run in _LONG_ROW_HEADS:
        return True
    # a group's label broken down its merged cell (（五）不 / 予处理) with the next cell's sub-item after a run of
    # spaces on the same line: （五）不  3.要求提供公开出版物  0  0
    if len(run) > 3:
        return False
    rest = _CELL_GAP.match(text, len(head) - len(label) + m.end())
    return rest is not None and starts_with_table_label(text[rest.end():])
