"""What became of the reports given with ``--previous`` (DL006, ``previous-notice``): one note on a checked report
for a ``--previous`` report that no report of the run was compared with (its year is not the year before, or it is
not known; no report of its body of the year after it in the run), and one for a ``--previous`` report compared
with a checked report of another body (with a single checked report, the ``--previous`` report of the year before
is its pair whatever its name says: the user's word that it is the same body — the note says the names differ).

Before, a ``--previous`` report of the wrong year was left out without a word (``未发现问题``), and one of another
body compared without one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .findings import Found, Report

_CHECKS = "上年结转、现行有效件数、照搬上年、数字突变"


def _agency(r: Report) -> str | None:
    a = r.facts.get("agency")
    return a if isinstance(a, str) and a else None


def _year(y: int | None) -> str:
    return f"{y}年度" if y is not None else "年度不明"


def notes(reports: Sequence[Report], pairs: Sequence[tuple[Report, Report]]) -> Iterator[tuple[Report, Found]]:
    """The notes on the ``--previous`` reports (``reports``: the run's, references among them; ``pairs``: each
    checked report with the report it was compared with)."""
    checked = [r for r in reports if not r.reference]
    if not checked:
        return
    used = {id(prev) for _, prev in pairs}
    for ref in (r for r in reports if r.reference):
        if id(ref) in used:
            continue
        same_body = [r for r in checked if ref.body is not None and r.body == ref.body]
        target = same_body[0] if same_body else checked[0]
        reason, advice = _unused_reason(ref, checked, same_body, pairs)
        yield target, Found(None, {"detail": f"--previous 给出的 {ref.shown} 没有用作上年报告对照：{reason}",
                                   "advice": advice},
                            {"other_path": ref.path, "other_year": ref.year, "used": False},
                            key=f"previous:unused:{ref.shown}")
    for cur, prev in pairs:
        if not prev.reference or cur.body is None or prev.body is None or cur.body == prev.body:
            continue
        theirs, mine = _agency(prev), _agency(cur)
        if theirs is None or mine is None:
            continue
        yield cur, Found(None, {"detail": f"--previous 给出的 {prev.shown}（{_year(prev.year)}）是{theirs}的报告，"
                                          f"与本报告的机关（{mine}）名称不同；已按指定作为本报告的上年报告对照",
                                "advice": f"{_CHECKS}的结果以两者是同一机关为前提，如不是同一机关请忽略这些结果"},
                         {"other_path": prev.path, "other_year": prev.year, "other_agency": theirs, "used": True},
                         key=f"previous:other-body:{prev.shown}")


def _unused_reason(ref: Report, checked: list[Report], same_body: list[Report],
                   pairs: Sequence[tuple[Report, Report]]) -> tuple[str, str]:
    """Why ``ref`` was compared with no report, and what to do."""
    single = len(checked) == 1
    advice = (f"本报告跨年度的检查（{_CHECKS}）因此没有做：请用 --previous 给出本报告上一年度的报告" if single
              else f"跨年度的检查（{_CHECKS}）只比较同一机关相邻两个年度的报告")
    year = ref.year
    if year is None:
        return "未能识别它的报告年度", advice
    other = next((prev for cur, prev in pairs if prev.year == year and (single or cur.body == ref.body)), None)
    if other is not None:
        return (f"同一年度（{year}年度）的 {other.shown} 已用作上年报告",
                "一个年度只用一份上年报告，多给的 --previous 文件可以去掉")
    if single:
        cur = checked[0]
        if cur.year is None:
            return "未能识别本报告的年度", advice
        if year >= cur.year:
            return f"它是{year}年度的报告，不早于本报告（{cur.year}年度）", advice
        return f"它是{year}年度的报告，不是本报告的上一年度（{cur.year - 1}年度）", advice
    agency = _agency(ref) or "同一机关"
    if same_body:
        years = "、".join(str(y) for y in sorted({r.year for r in same_body if r.year is not None})) or "年度不明"
        return f"本次检查中{agency}的报告是{years}年度的，没有{year + 1}年度的", advice
    return f"本次检查的文件中没有{agency}（它的机关）{year + 1}年度的报告", advice
