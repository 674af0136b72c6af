"""Checks of one body's report against its report of the previous year (both as facts, :mod:`.facts`).

* ``carryover``: table 三 二、上年结转 per column = last year's 四、结转下年度继续办理 (spec §4 I6);
* ``in_force``: table 二 现行有效件数 of 规章 and 行政规范性文件 = last year's + 本年制发 − 本年废止 (I7; both reports
  in the 2021 format, whose table 二 has these columns);
* ``copied``: last year's report published again — most paragraphs the same but for their numbers, the year's own
  figures of tables 二–四 the same number for number (:func:`.facts.flow_key`: not the stock columns, 上年结转 and the
  totals) with enough different figures other than 0 that the sameness is no coincidence of a small body, or a sentence of last year's report that opens with last year's year left
  unchanged (``2023年，我局…`` in the 2024 report);
* ``jumps``: 本年新收 and the table-二 figures that grew or shrank by a factor over the option's.

Each returns :class:`.findings.Found` items placed in the current report, naming the other file and its value.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from ..kinds.cross import CopyOptions, JumpOptions
from ..report.stats.schema import S3_COLS, schema
from .findings import HASH, Found, Report, show

_S3_COL_LABELS = {c.id: c.label for c in S3_COLS}
_IN_FORCE_ROWS = {"rules": "规章", "normative_docs": "行政规范性文件"}
# each row with its label and the keys of its 现行有效件数, 本年制发件数 and 本年废止件数 figures (made once)
_IN_FORCE_KEYS = tuple((row, label, f"s2:{row}:in_force", f"s2:{row}:issued", f"s2:{row}:repealed")
                       for row, label in _IN_FORCE_ROWS.items())


# bodies that make no 规章 (《立法法》: the State Council's departments and the governments of provinces and of cities
# with districts do): their 现行有效 规章 is 0, whatever a table of theirs said the year before
_NO_RULES = frozenset({"street_office", "town_government", "township_government", "county_government"})


def _other(prev: Report) -> dict[str, Any]:
    return {"other": prev.shown, "other_year": prev.year if prev.year is not None else "上一"}


# each column of table 三 with its label and the keys of its 二、上年结转 and 四、结转下年度继续办理 figures (made once: the
# check reads them for every pair of reports)
_CARRY_KEYS = tuple((col, label, f"s3:carried_over:{col}", f"s3:carried_forward:{col}")
                    for col, label in _S3_COL_LABELS.items())


def carryover(cur: Report, prev: Report) -> Iterator[Found]:
    for col, label, mine_key, theirs_key in _CARRY_KEYS:
        mine = cur.value(mine_key)
        theirs = prev.value(theirs_key)
        if mine is None or theirs is None or mine == theirs:
            continue
        yield Found(cur.place(mine_key),
                    {"column": label, "value": show(mine), "other_value": show(theirs), **_other(prev)},
                    {"expected": theirs, "actual": mine, "column": col, "other_path": prev.path,
                     "other_place": prev.place(theirs_key)},
                    key=f"carryover:{col}:{prev.year}")


def in_force(cur: Report, prev: Report) -> Iterator[Found]:
    if cur.facts.get("format") != "2021" or prev.facts.get("format") != "2021":
        return
    for row, label, in_force_key, issued_key, repealed_key in _IN_FORCE_KEYS:
        now = cur.value(in_force_key)
        before = prev.value(in_force_key)
        issued = cur.value(issued_key)
        repealed = cur.value(repealed_key)
        if now is None or before is None or issued is None or repealed is None:
            continue
        expected = before + issued - repealed
        if now == expected:
            continue
        if row == "rules" and now == 0 and cur.facts.get("kind") in _NO_RULES:
            continue  # 规章 2 last year, 0 now in a township's table: it makes none — last year's was the slip (DL207's)
        yield Found(cur.place(in_force_key),
                    {"row": label, "value": show(now), "expected": show(expected), "other_value": show(before),
                     "issued": show(issued), "repealed": show(repealed), **_other(prev)},
                    {"expected": expected, "actual": now, "row": row, "other_path": prev.path,
                     "other_value": before, "other_place": prev.place(in_force_key), "issued": issued,
                     "repealed": repealed},
                    key=f"in_force:{row}:{prev.year}")


def _where(place: list[Any]) -> str:
    line, _, _, _, pointer = place
    return f"第{line}行" if line is not None else (pointer or "")


def _split(joined: str) -> set[str]:
    """The hashes of :meth:`.Facts.hashes`' joined string."""
    return {joined[i:i + HASH] for i in range(0, len(joined), HASH)}


def _same_paragraphs(cur: Report, prev: Report, opts: CopyOptions) -> tuple[int, list[int]]:
    """How many of ``cur``'s paragraphs are long enough to compare, and the indexes (in ``cur``'s ``paras``) of
    those among them that ``prev`` has too but for their numbers (same masked hash): from the hashes at hand, or
    from the paragraphs themselves when the hashes are not at hand (malformed facts)."""
    mine, theirs = cur.facts.hashes(), prev.facts.hashes()
    if mine is None or theirs is None:
        paras = list(cur.facts.get("paras") or ())
        theirs_masked = {p[0] for p in prev.facts.get("paras") or ()}
        keep = [i for i, p in enumerate(paras) if p[2] >= opts.min_chars]
        return len(keep), [i for i in keep if paras[i][0] in theirs_masked]
    masked, _exact, sizes = mine
    their_masked = _split(theirs[0])
    keep = [i for i, n in enumerate(sizes) if n >= opts.min_chars]
    return len(keep), [i for i in keep if masked[i * HASH:(i + 1) * HASH] in their_masked]


def _exact_hashes(r: Report) -> set[str]:
    h = r.facts.hashes()
    return _split(h[1]) if h is not None else {p[1] for p in r.facts.get("paras") or ()}


def copied(cur: Report, prev: Report, opts: CopyOptions) -> Iterator[Found]:
    other = _other(prev)
    count, same_at = _same_paragraphs(cur, prev, opts)
    if count >= opts.min_paragraphs and same_at and len(same_at) / count >= opts.threshold:
        paras = cur.facts.get("paras")  # (decoded only for a finding: their places and previews)
        same = [paras[i] for i in same_at]
        listed = "；".join(f"{_where(p[3])}“{p[4]}…”" for p in same[:opts.max_listed])
        more = f"等{len(same)}段" if len(same) > opts.max_listed else ""
        detail = (f"本报告{count}段正文中有{len(same)}段（{round(100 * len(same) / count)}%）与上年报告"
                  f"只有数字不同或完全相同，如{listed}{more}")
        yield Found(same[0][3], {"detail": detail, **other},
                    {"share": round(len(same) / count, 3), "paragraphs": count, "copied": len(same),
                     "threshold": opts.threshold, "other_path": prev.path,
                     "passages": [{"place": p[3], "text": p[4]} for p in same]},
                    key=f"copy:paragraphs:{prev.year}")
    h = cur.facts.get("stat_hash")
    nonzero = cur.facts.get("stat_nonzero") or 0
    if h and h == prev.facts.get("stat_hash") and nonzero >= opts.min_nonzero:
        first = cur.cell("s3:new:total") or next(iter((cur.facts.get("cells") or {}).values()), None)
        yield Found(first[1] if first else None,
                    {"detail": f"统计表二、三、四中本年度的数字（不计现行有效件数等累计数、上年结转和合计）与上年报告完全相同，"
                               f"其中有{nonzero}个不同的非0数字", **other},
                    {"distinct_nonzero": nonzero, "other_path": prev.path}, key=f"copy:tables:{prev.year}")
    own = cur.facts.get("own_year") or ()
    theirs_exact = _exact_hashes(prev) if own else set()
    for year, exact, place, sentence in own:
        if exact not in theirs_exact:
            continue
        yield Found(place, {"detail": f"“{sentence}”写的是{year}年的情况，整段与上年报告相同，年份和数字没有改", **other},
                    {"year": year, "sentence": sentence, "other_path": prev.path},
                    key=f"copy:own_year:{sentence}", match=sentence)


def _figures(r: Report) -> dict[str, str]:
    """The figures whose jumps are reported: 本年新收 and the counts of table 二, with their labels."""
    return _figures_of("2019" if r.facts.get("format") == "2019" else "2021")


@cache
def _figures_of(fmt: str) -> dict[str, str]:
    out = {"s3:new:total": "表三“一、本年新收政府信息公开申请数量”（总计）"}
    sch = schema("s2", fmt)
    for row in sch.rows:
        for col in sch.cols_of(row.id):
            if sch.col_by_id[col].kind == "count" and col not in ("in_force", "total_published", "prev_count"):
                out[f"s2:{row.id}:{col}"] = f"表二“{row.label}”{sch.col_by_id[col].label}"
    return out


def jumps(cur: Report, prev: Report, older: Report | None, opts: JumpOptions) -> Iterator[Found]:
    """Figures that changed by ``opts.factor`` or more since the year before.  ``older``: the body's report of the year
    before that, when the run has it — where it is close to this year's (42 → 0 → 54), the odd figure is more likely
    last year's, and the finding says so."""
    theirs = _figures(prev)
    for key, label in _figures(cur).items():
        if key not in theirs:
            continue
        mine, before = cur.value(key), prev.value(key)
        if mine is None or before is None:
            continue
        hi, lo = max(mine, before), min(mine, before)
        if hi < opts.min_value or (lo > 0 and hi / lo < opts.factor):
            continue
        if before == 0:
            ratio = "一年之间由无到有"  # (the message has both figures: not "上年为0" once more)
        elif mine == 0:
            ratio = "一年之间由有到无"
        elif mine > before:
            ratio = f"是上年的{show(round(hi / lo, 1))}倍"
        else:
            ratio = f"只有上年的1/{show(round(hi / lo, 1))}"
        earlier = older.value(key) if older is not None else None
        if older is not None and earlier is not None and not _jump(mine, earlier, opts) and _jump(before, earlier, opts):
            # (前年42、上年0、本年54: this year's figure is in line with the year before last — last year's stands out)
            when = f"{older.year}年度" if older.year is not None else "前年"
            ratio += f"（{when}报告为{show(earlier)}，与本年相近：不正常的更可能是上年报告的数字）"
        yield Found(cur.place(key), {"figure": label, "value": show(mine), "other_value": show(before),
                                     "ratio": ratio, **_other(prev)},
                    {"actual": mine, "other_value": before, "factor": opts.factor, "other_path": prev.path,
                     "other_place": prev.place(key),
                     **({"year_before_value": earlier, "year_before_path": older.path}
                        if earlier is not None and older is not None else {})},
                    key=f"jump:{key}:{prev.year}")


def _jump(a: float, b: float, opts: JumpOptions) -> bool:
    """Whether two years' figures are as far apart as a reported jump (:func:`jumps`)."""
    hi, lo = max(a, b), min(a, b)
    return hi >= opts.min_value and (lo == 0 or hi / lo >= opts.factor)
