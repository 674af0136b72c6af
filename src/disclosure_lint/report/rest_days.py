"""Rest days around the publication deadlines: whether a deadline (1月31日, 3月31日, a configured MM-DD) fell on a
weekend or a public holiday, and the first working day after it.

《条例》第四十九条 says only "每年1月31日前"; it does not say what happens when that day is a rest day.  The general
rule for reckoning a period (《民法典》第二百零三条, and the procedure laws' rules on 期间) moves a last day that is a
rest day to the first working day after it, but whether it governs a fixed date of an administrative regulation is not
settled: a report published on that working day is told so (a warning, never an error: spec, UNCONFIRMED).

Weekends are rest days unless the State Council made one a working day (调休); the holidays listed are the Spring
Festival holidays of 2012–2026 as the State Council set them (2020's extended to 2月2日 by its notice of 2020-01-26),
with their make-up working days: 1月31日 fell in those of 2014, 2017, 2020, 2022 and 2025, and a deadline set in the
configuration (乡镇 by 2月20日) may fall in others.  Qingming (4月4—6日) never takes in 3月31日.  A year not listed is
reckoned by its weekends only (its holiday schedule is published in the November before).
"""

from __future__ import annotations

import datetime as _dt

# (first day, last day, name): the Spring Festival holidays
_HOLIDAYS = tuple((_dt.date(*first), _dt.date(*last), "春节假期") for first, last in (
    ((2012, 1, 22), (2012, 1, 28)), ((2013, 2, 9), (2013, 2, 15)), ((2014, 1, 31), (2014, 2, 6)),
    ((2015, 2, 18), (2015, 2, 24)), ((2016, 2, 7), (2016, 2, 13)), ((2017, 1, 27), (2017, 2, 2)),
    ((2018, 2, 15), (2018, 2, 21)), ((2019, 2, 4), (2019, 2, 10)), ((2020, 1, 24), (2020, 2, 2)),
    ((2021, 2, 11), (2021, 2, 17)), ((2022, 1, 31), (2022, 2, 6)), ((2023, 1, 21), (2023, 1, 27)),
    ((2024, 2, 10), (2024, 2, 17)), ((2025, 1, 28), (2025, 2, 4)), ((2026, 2, 15), (2026, 2, 23)),
))
# weekend days made working days around them (调休上班)
_WORKING_WEEKENDS = frozenset(_dt.date(*d) for d in (
    (2012, 1, 21), (2012, 1, 29), (2013, 2, 16), (2013, 2, 17), (2014, 1, 26), (2014, 2, 8),
    (2015, 2, 15), (2015, 2, 28), (2016, 2, 6), (2016, 2, 14), (2017, 1, 22), (2017, 2, 4),
    (2018, 2, 11), (2018, 2, 24), (2019, 2, 2), (2019, 2, 3), (2020, 1, 19), (2021, 2, 7), (2021, 2, 20),
    (2022, 1, 29), (2022, 1, 30), (2023, 1, 28), (2023, 1, 29), (2024, 2, 4), (2024, 2, 18),
    (2025, 1, 26), (2025, 2, 8), (2026, 2, 14), (2026, 2, 28),
))
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
