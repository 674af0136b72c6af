"""Half-filled 落款 dates: ``2024年1月  日`` (day blank) and ``2024年X月X日`` are one DL502 placeholder each;
``2024年1月20`` (no 日) is a DL402 date form.  Before, the first and the last passed silently and the X form gave two
findings, each quoting just ``X``."""

from __future__ import annotations

import pytest

from .conftest import lint

BODY = ("# 青禾市某某局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n"
        "2023年，本局全年主动公开政府信息132条。本报告中所列数据统计期限为2023年1月1日至12月31日。\n\n"
        "## 六、其他需要报告的事项\n\n本年度未收取信息处理费。\n\n青禾市某某局\n\n")


def found(tail: str, *codes: str):
    return [(d.code, d.match) for d in lint(BODY + tail + "\n") if d.code in codes]


@pytest.mark.parametrize("date", ["2024年1月  日", "2024年1月\u3000\u3000日", "2024年  月  日", "2024年X月X日",
                                  "2024年1月X日", "2024年XX月XX日"])
def test_a_date_left_partly_blank_is_one_placeholder(date):
    assert found(date, "DL502", "DL402", "DL410") == [("DL502", date)]


def test_a_day_without_its_ri_is_a_signature_date_form():
    d = [x for x in lint(BODY + "2024年1月20\n") if x.code in ("DL402", "DL502", "DL410")]
    assert [(x.code, x.match) for x in d] == [("DL402", "2024年1月20")]
    assert "应写作“2024年1月20日”" in d[0].message and "漏写“日”" in d[0].message
    assert d[0].fix is not None


def test_complete_dates_stay_quiet():
    assert found("2024年1月20日", "DL502", "DL402", "DL410") == []
    assert found("2024年1月 20日", "DL502", "DL410") == []  # a space (DL402 says so), no blank day
    assert found("2024年1月", "DL402") == [("DL402", "2024年1月")]  # month only: as before
    assert found("2024年1月32", "DL402", "DL502") == []  # no day of January: not read as a date
    # prose: a filled date with PDF spaces, and a month and day without a year, are no placeholders
    assert [d for d in lint(BODY.replace("132条。", "132条，于2024年 1 月 20 日召开会议，每年1月 日……")) if d.code == "DL502"] == []
