"""What the end of a cut text is compared with (:mod:`.truncation`): the row, column and header labels of the three
statistics tables in both formats (is the last piece of text a table's label, or the beginning of one?), and the
parts' titles (is it a part's title, or the beginning of one: ``五、存在的主``)."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from . import catalogue as cat
from .stats.schema import SCHEMAS, norm, strip_number
from .structure import TABLE_LABELS

TOP = re.compile(r"^\s*[#*_]*\s*(?:第)?(?P<num>[一二三四五六七八九十]{1,2})\s*[、.．]\s*(?P<title>[^\s]*)\s*[*_]*\s*$")
NUMERALS = {"二": 2, "三": 3, "四": 4, "五": 5, "六": 6}
S3_NOTE = "本列数据的勾稽关系为第一项加第二项之和等于第三项加第四项之和"


@lru_cache(maxsize=1)
def row_labels() -> tuple[tuple[str, str], ...]:
    """(normalised label with and without its number, table id) of every row label of both versions."""
    out: set[tuple[str, str]] = set()
    for (tid, _version), sch in SCHEMAS.items():
        for r in sch.rows:
            for lbl in (r.label, *r.aliases):
                out.add((norm(lbl), tid))
                out.add((norm(strip_number(lbl)), tid))
    return tuple(sorted(x for x in out if x[0]))


@lru_cache(maxsize=1)
def table_labels() -> frozenset[str]:
    """Every row, column and header label of the three tables (normalised), for "is this a piece of a table"."""
    out = {k for k, _ in row_labels()}
    for sch in SCHEMAS.values():
        for c in sch.cols:
            out.update(norm(x) for x in (c.label, *c.aliases, c.group or ""))
    for labels in TABLE_LABELS.values():
        out.update(norm(x) for x in labels)
    return frozenset(x for x in out if x)


@lru_cache(maxsize=1)
def sorted_table_labels() -> tuple[str, ...]:
    """:func:`table_labels` sorted (:func:`begins_table_label` finds by bisection the labels that begin with a text)."""
    return tuple(sorted(table_labels()))


def begins_table_label(k: str) -> bool:
    """Whether a label of :func:`table_labels` begins with ``k`` (itself one, too): ``any(x.startswith(k) for x in
    table_labels())`` by bisection — a label that begins with ``k`` is at least ``k``, and no label that does not lies
    between ``k`` and one that does (it would differ from ``k`` at a place where it is the greater), so one begins with
    ``k`` when the first label at least ``k`` does."""
    labels = sorted_table_labels()
    i = bisect_left(labels, k)
    return i < len(labels) and labels[i].startswith(k)


@lru_cache(maxsize=1)
def row_keys() -> frozenset[str]:
    return frozenset(k for k, _ in row_labels())


def is_table_label(text: str) -> bool:
    k = norm(text)
    return k in table_labels() or k.startswith(("第二十条", "第二十一条"))


_OPEN_BRACKET = re.compile(r"[（(]([^（()）]*)$")
_NOTE_REACH = 120  # characters of a row label's note looked back over (the longest note is ≈ 60)
_GLOSS_CUTS = 3  # brackets at the very end dropped (a pinyin gloss cut: one)


def row_fragment(text: str) -> str | None:
    """The table whose row label ``text`` begins without completing (三、本年度 → s3; （二）部分公开（区分处理的，只 →
    s3, 其他对外管理服务事项（指行政许可以 → s2: cut inside its note; （本列数据的勾稽关 → s3), or None."""
    for _ in range(_GLOSS_CUTS):  # (bounded, and each search over the label's reach: a line of 300,000 （ took minutes)
        if not (text[-1:] in ("（", "(")
                and _OPEN_BRACKET.search(text, max(0, len(text) - 1 - _NOTE_REACH), len(text) - 1) is not None):
            break
        text = text[:-1]  # cut just after a bracket opened inside a note left open (a mirror's pinyin: 部分公開(區(qū)…)
    m = _OPEN_BRACKET.search(text, max(0, len(text) - _NOTE_REACH))
    if m is not None and m.start() > 0:  # a complete label and its bracket left open: its note cut
        label = norm(text[:m.start()])
        rows = row_labels()
        i = bisect_left(rows, (label,))
        if i < len(rows) and rows[i][0] == label:
            return rows[i][1]
    k = norm(text)
    if len(k) >= 4 and S3_NOTE.startswith(k):
        return "s3"  # the note over table 三's rows, begun
    if len(k) < 2 or not re.search(r"[\u4e00-\u9fff]", k):
        return None
    # the labels are sorted: those that begin with ``k`` follow one another from the first label >= k,
    # k itself (a complete label) first
    rows = row_labels()
    i = bisect_left(rows, (k,))
    if i == len(rows) or rows[i][0] == k or not rows[i][0].startswith(k):
        return None  # a complete label, or none begins so
    return rows[i][1]


@lru_cache(maxsize=8)
def labels_of(tid: str) -> tuple[str, ...]:
    """The row and column labels of table ``tid`` in both formats, normalised."""
    rows = {norm(strip_number(r.label)) for v in ("2019", "2021") for r in SCHEMAS[(tid, v)].rows}
    return tuple(rows | {norm(c.label) for v in ("2019", "2021") for c in SCHEMAS[(tid, v)].cols})


def begins_label_of(tid: str, text: str) -> bool:
    k = norm(text)
    return len(k) >= 2 and any(label.startswith(k) and label != k for label in labels_of(tid))


@lru_cache(maxsize=1)
def section_titles() -> dict[int, tuple[str, ...]]:
    return {i + 1: tuple(cat.normalise_title(t) for t in (s.title, *s.variants)) for i, s in enumerate(cat.SECTIONS)}


_OLD_TITLES = ("依申请公开政府信息情况", "依申请公开政府信息和不予公开政府信息的情况", "政府信息公开的收费及减免情况",
               "因政府信息公开申请行政复议、提起行政诉讼的情况", "政府信息公开工作存在的主要问题及改进措施",
               "政务公开工作存在的主要问题及改进措施")


@lru_cache(maxsize=1)
def old_titles() -> tuple[str, ...]:
    return tuple(cat.normalise_title(t) for t in _OLD_TITLES)


_CLAUSE_MARK = re.compile(r"[，,。；;！？]")


def title_fragment(text: str) -> tuple[int, bool] | None:
    """(part number, complete title) for ``五、存在的主`` / ``五、存在的主要问题及改进情况``, else None."""
    if text.strip() in NUMERALS:  # 二 alone at the end: the next part's title cut after its number
        return NUMERALS[text.strip()], False
    m = TOP.match(text)
    if m is None:
        return None
    n = cat.cn_to_int(m.group("num"))
    if n is None or n > 6:
        return None
    title = m.group("title")
    spec, quality = cat.match_section(title) if title else (None, "none")
    if spec is not None and quality == "exact":
        return n, True
    if spec is not None and quality in ("typo", "keywords") and len(title) <= 40 and not _CLAUSE_MARK.search(title):
        # a part's title worded otherwise (六、存在的主要问题及改进措施 in a report of 2017): that part, by its words —
        # not a paragraph numbered like a part (一、为做好…工作，…依申请公开受理等具体工作，为…: a sentence)
        return int(spec.id[1]), True
    key = cat.normalise_title(title)
    if key.startswith("行政机关") and len(key) > 6:
        key = key[4:]  # 二、行政机关主动公开政府: the format's title with 行政机关 before it (DL106)
    if any(t.startswith(key) and t != key for t in section_titles()[n]):
        return n, False
    # a title of the format before the unified ones (四、依申请公开政府信, 六、政务公开工作存在的主要问题及改)
    if len(key) >= 4 and any(t.startswith(key) and t != key for t in old_titles()):
        return n, False
    # another part's title under this number (五、因政: a report before the unified format numbered its parts otherwise)
    if len(key) >= 2 and any(t.startswith(key) and t != key for ts in section_titles().values() for t in ts):
        return n, False
    return None
