"""The derived rates of tables 三 and 四, one definition each.

The checks across bodies (``batch/peers.py``: DL245) and the statistics database's ``metrics`` view
(``stats_db_schema.py``) both use these; neither defines a rate of its own.  The spec names no formula, so
the usual reading is written here once:

* 公开率 = (予以公开 + 部分公开) / 办结 (表三 （七）总计);
* 不予公开占比 = 不予公开 (its eight sub-items) / 办结;
* 复议纠错率 = 行政复议 结果纠正 / 审结 (总计 − 尚未审结);
* 诉讼败诉率 = 行政诉讼 结果纠正 / 审结, 未经复议直接起诉 and 复议后起诉 together.

Terms are keys of ``batch.facts`` (``s3:<row>:<column>``, ``s4:cases:<column>``; ``not_open`` is the metric
of :mod:`report.metrics`).  A rate is undefined (``None``) when a term is missing or its denominator is 0.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class Rate:
    """A rate worked out from the statistics tables: its name, formula and the cells it sums."""

    id: str  # the metrics view's column
    name: str  # as messages and the README name it
    basis: str  # the formula in words
    numerator: tuple[str, ...]  # summed
    denominator: tuple[str, ...]  # summed …
    minus: tuple[str, ...] = ()  # … less these (cases not yet concluded)

    def parts(self, get: Callable[[str], float | None]) -> tuple[float, float] | None:
        """(numerator, denominator) from ``get(term) -> value or None``; None when a term is missing."""
        got = {k: get(k) for k in (*self.numerator, *self.denominator, *self.minus)}
        if any(v is None for v in got.values()):
            return None
        return (sum(got[k] or 0 for k in self.numerator),
                sum(got[k] or 0 for k in self.denominator) - sum(got[k] or 0 for k in self.minus))

    def value(self, get: Callable[[str], float | None]) -> float | None:
        """The rate; None when a term is missing or the denominator is not above 0."""
        p = self.parts(get)
        return p[0] / p[1] if p is not None and p[1] > 0 else None


_LAWSUIT = ("direct", "after_review")

RATES: tuple[Rate, ...] = (
    Rate("open_rate", "公开率", "（予以公开+部分公开）/办结",
         ("s3:result.open:total", "s3:result.partial:total"), ("s3:result.total:total",)),
    Rate("not_open_share", "不予公开占比", "不予公开/办结", ("not_open",), ("s3:result.total:total",)),
    Rate("review_correction_rate", "复议纠错率", "行政复议结果纠正/审结（总计−尚未审结）",
         ("s4:cases:review.corrected",), ("s4:cases:review.total",), ("s4:cases:review.pending",)),
    Rate("lawsuit_loss_rate", "诉讼败诉率", "行政诉讼结果纠正/审结（总计−尚未审结，含直接起诉和复议后起诉）",
         tuple(f"s4:cases:{b}.corrected" for b in _LAWSUIT), tuple(f"s4:cases:{b}.total" for b in _LAWSUIT),
         tuple(f"s4:cases:{b}.pending" for b in _LAWSUIT)),
)
