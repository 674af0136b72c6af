"""A deadline on a rest day (DL405, DL408): a report published on the first working day after it is a warning that says
so; a day later it is late as before.  The calendar (report/rest_days.py): weekends, the make-up working days, the
Spring Festival holidays that took in 1月31日."""

import datetime as dt

from disclosure_lint.report.rest_days import next_working_day, rest_day

from .conftest import lint

D = dt.date


def test_the_calendar():
    assert rest_day(D(2026, 1, 31)) == "星期六" and next_working_day(D(2026, 1, 31)) == D(2026, 2, 2)
    assert rest_day(D(2027, 1, 31)) == "星期日" and next_working_day(D(2027, 1, 31)) == D(2027, 2, 1)
    assert rest_day(D(2024, 1, 31)) is None  # a Wednesday
    assert rest_day(D(2025, 1, 31)) == "春节假期" and next_working_day(D(2025, 1, 31)) == D(2025, 2, 5)
    assert rest_day(D(2025, 2, 8)) is None  # a Saturday worked for the holiday (调休)
    assert next_working_day(D(2020, 1, 31)) == D(2020, 2, 3)  # the holiday extended to 2月2日
    assert next_working_day(D(2017, 1, 31)) == D(2017, 2, 3)
    assert next_working_day(D(2014, 1, 31)) == D(2014, 2, 7)
    assert rest_day(D(2022, 1, 31)) == "春节假期" and next_working_day(D(2022, 1, 31)) == D(2022, 2, 7)
    assert rest_day(D(2022, 1, 29)) is None  # (a Saturday worked)
    assert rest_day(D(2026, 2, 20)) == "春节假期" and next_working_day(D(2026, 2, 20)) == D(2026, 2, 24)  # 乡镇 02-20
    assert rest_day(D(2021, 2, 20)) is None  # (a Saturday worked)


def _late(text: str):
    return [d for d in lint(text, select=["DL405"], fmt="text") if d.code == "DL405"]


REPORT = "某某市某某局{year}年政府信息公开工作年度报告\n发布日期：{date}\n一、总体情况\n本局认真贯彻《条例》，全年主动公开政府信息120条。\n"


def test_published_on_the_first_working_day_after_a_rest_day_deadline_is_a_warning():
    found = _late(REPORT.format(year=2025, date="2026年2月2日"))
    assert [(d.severity, d.evidence["days_late"], d.evidence["next_working_day"]) for d in found] \
        == [("warning", 2, "2026-02-02")]
    assert "但2026年1月31日是星期六" in found[0].message and "请按本级政府信息公开工作主管部门的口径核对" in found[0].message
    holiday = _late(REPORT.format(year=2024, date="2025年2月5日"))
    assert [d.severity for d in holiday] == ["warning"]
    assert "2025年1月31日是春节假期（2025年1月28日至2025年2月4日放假）" in holiday[0].message


def test_a_day_after_that_working_day_or_a_deadline_on_a_working_day_stays_an_error():
    for year, date in ((2025, "2026年2月3日"), (2024, "2025年2月6日"), (2023, "2024年2月1日")):
        found = _late(REPORT.format(year=year, date=date))
        assert [d.severity for d in found] == ["error"], date
        assert "休息日" not in found[0].message and "deadline_rest_day" not in found[0].evidence


def test_a_governments_march_deadline_on_a_sunday():
    """2024年3月31日 was a Sunday: a county's report of 4月1日 is a warning, of 4月2日 an error."""
    gov = "某某县人民政府2023年政府信息公开工作年度报告\n发布日期：{date}\n一、总体情况\n本县全年主动公开政府信息3200条。\n"
    assert [d.severity for d in _late(gov.format(date="2024年4月1日"))] == ["warning"]
    assert [d.severity for d in _late(gov.format(date="2024年4月2日"))] == ["error"]
