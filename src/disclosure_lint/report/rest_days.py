"""Rest days around the publication deadlines: whether a deadline (1月31日, 3月31日, a configured MM-DD) fell on a
weekend or a public holiday, and the first working day after it.

《条例》第四十九条 says only "每年1月31日前"; it does not say what happens when that day is a rest day.  The general
rule for reckoning a period (《民法典》第二百零三条, and the procedure laws' rules on 期间) moves a last day that is a
rest day to the first working day after it, but whether it governs a fixed date of an administrative regulation is not
settled: a report published on that working day is told so (a warning, never an error: spec, UNCONFIRMED).

Weekends are rest days unless the State Council made one a working day (调休); the holidays listed are the national
ones that took in a deadline: the Spring Festival of 2014, 2017, 2020 (extended to 2月2日 by the State Council's notice
of 2020-01-26) and 2025, with their make-up working days.  Qingming (4月4—6日) never takes in 3月31日.  A year not
listed is reckoned by its weekends only (its holiday schedule is published in the November before).
"""

from __future__ import annotations

import datetime as _dt

# (first day, last day, name): national holidays that took in 1月31日
_HOLIDAYS = (
    (_dt.date(2014, 1, 31), _dt.date(2014, 2, 6), "春节假期"),
    (_dt.date(2017, 1, 27), _dt.date(2017, 2, 2), "春节假期"),
    (_dt.date(2020, 1, 24), _dt.date(2020, 2, 2), "春节假期"),
    (_dt.date(2025, 1, 28), _dt.date(2025, 2, 4), "春节假期"),
)
# weekend days made working days around those holidays (调休上班)
_WORKING_WEEKENDS = frozenset({
    _dt.date(2014, 1, 26), _dt.date(2014, 2, 8),
    _dt.date(2017, 1, 22), _dt.date(2017, 2, 4),
    _dt.date(2020, 1, 19),
    _dt.date(2025, 1, 26), _dt.date(2025, 2, 8),
})
_WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")


def rest_day(day: _dt.date) -> str | None:
    """Why ``day`` is a rest day (``星期六``, ``星期日``, ``春节假期``), or None for a working day."""
    for first, last, name in _HOLIDAYS:
        if first <= day <= last:
            return name
    if day.weekday() >= 5 and day not in _WORKING_WEEKENDS:
        return _WEEKDAYS[day.weekday()]
    return None


def holiday_span(day: _dt.date) -> tuple[_dt.date, _dt.date] | None:
    """The first and last day of the listed holiday that takes in ``day``, or None."""
    return next(((first, last) for first, last, _ in _HOLIDAYS if first <= day <= last), None)


def next_working_day(day: _dt.date) -> _dt.date:
    """The first working day after ``day``."""
    day += _dt.timedelta(days=1)
    while rest_day(day) is not None:
        day += _dt.timedelta(days=1)
    return day
