"""The domain layer: title, agency, kind, year, format version, sections, dates."""

from __future__ import annotations

import pytest

from disclosure_lint.report import Overrides, interpret
from disclosure_lint.report.agency import classify, name_from_title
from disclosure_lint.report.catalogue import cn_to_int, format_version_for_year, match_section

from .conftest import parse


@pytest.mark.parametrize(("name", "kind", "word"), [
    ("青石街道", "street_office", "街道"),
    ("某某街道办事处", "street_office", "街道"),
    ("某某镇人民政府", "town_government", "镇"),
    ("某某乡人民政府", "township_government", "乡"),
    ("某某县人民政府", "county_government", "县"),
    ("某某市某某区人民政府", "county_government", "区"),
    ("某某市人民政府", "city_government", "市"),
    ("某某省人民政府", "province_government", "省"),
    ("上海市人民政府", "province_government", "市"),
    ("某某县人民政府办公室", "government_office", "办"),
    ("某某市住房和城乡建设局", "bureau", "局"),
    ("某某市发展和改革委员会", "commission", "委"),
    ("某某市机关事务管理局", "bureau", "局"),
    ("某某省教育厅", "department", "厅"),
    ("某某市政务服务中心", "department", "中心"),
    ("某某", None, None),
])
def test_classify(name, kind, word):
    assert classify(name) == (kind, word)


@pytest.mark.parametrize(("title", "name", "year"), [
    ("青石街道2019年政府信息公开工作年度报告", "青石街道", 2019),
    ("某某市审计局2023年度政府信息公开工作年度报告", "某某市审计局", 2023),
    ("2022年某某县人民政府政府信息公开工作年度报告", "某某县人民政府", 2022),
    ("《某某区教育局2021年政府信息公开工作年度报告》", "某某区教育局", 2021),
])
def test_name_from_title(title, name, year):
    assert name_from_title(title) == (name, year)


def test_format_versions():
    assert [format_version_for_year(y) for y in (2008, 2018, 2019, 2020, 2021, 2025)] == \
        ["legacy", "legacy", "2019", "2019", "2021", "2021"]
    assert format_version_for_year(None) is None


def test_cn_numerals():
    assert [cn_to_int(s) for s in ("一", "十", "十一", "二十", "二十三", "x")] == [1, 10, 11, 20, 23, None]


@pytest.mark.parametrize(("title", "sid"), [
    ("总体情况", "s1"), ("主动公开政府信息情况", "s2"), ("收到和处理政府信息公开申请情况", "s3"),
    ("政府信息公开行政复议、行政诉讼情况", "s4"), ("因政府信息公开工作被申请行政复议、提起行政诉讼情况", "s4"),
    ("存在的主要问题及改进情况", "s5"), ("政府信息公开工作存在的主要问题及改进情况", "s5"), ("存在问题及改进情况", "s5"),
    ("其他需要报告的事项", "s6"), ("本年新收政府信息公开申请数量", None), ("结转下年度继续办理", None),
    ("下一步工作计划", None),
])
def test_match_section(title, sid):
    spec, _ = match_section(title)
    assert (spec.id if spec else None) == sid


REPORT = """# 某某市某某区审计局2023年政府信息公开工作年度报告

本报告中所列数据统计期限为2023年1月1日至12月31日。

## 一、总体情况

正文。

**二、主动公开政府信息情况**

| 信息内容 | 本年制发件数 |
|---|---|
| 规章 | 0 |

## 三、收到和处理政府信息公开申请情况

## 四、政府信息公开行政复议、行政诉讼情况

## 五、存在的主要问题及改进情况

## 六、其他需要报告的事项

某某市某某区审计局

2024年1月18日
"""


def test_interpret_markdown_report():
    rep = interpret(parse(REPORT))
    assert rep.title == "某某市某某区审计局2023年政府信息公开工作年度报告"
    assert rep.agency.name == "某某市某某区审计局" and rep.agency.kind == "bureau"
    assert rep.year == 2023 and rep.year_source == "title" and rep.period_year == 2023
    assert rep.format_version == "2021"
    assert [s.id for s in rep.sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert rep.is_unified
    s2 = rep.sections_by_id["s2"]
    assert len(s2.tables) == 1 and s2.numeral == "二"
    assert rep.signature_mention is not None and rep.signature_mention.raw == "2024年1月18日"
    assert str(rep.published) == "2024-01-18"


def test_overrides_win():
    rep = interpret(parse(REPORT), Overrides(year=2022, agency="某某街道办事处", format_version="2019"))
    assert rep.year == 2022 and rep.year_source == "config"
    assert rep.agency.kind == "street_office" and rep.format_version == "2019"


def test_text_report_with_flattened_table_labels():
    text = """某某乡2019年政府信息公开工作年度报告
一、总体情况
正文。
二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量
二、上年结转政府信息公开申请数量
三、本年度办理结果
四、结转下年度继续办理
四、政府信息公开行政复议、行政诉讼情况
"""
    rep = interpret(parse(text, fmt="text"))
    assert [s.id for s in rep.sections] == ["s1", "s2", "s3", "s4"]
    assert rep.agency.kind == "township_government"


def test_published_line_on_scraped_page():
    rep = interpret(parse("某某街道2019年政府信息公开工作年度报告\n发布日期: 2020-01-22 00:00:00 浏览次数:\n正文。\n",
                          fmt="text"))
    assert rep.published_mention.form == "iso" and rep.published_mention.has_time
    assert str(rep.published) == "2020-01-22"


def test_dates_forms():
    rep = interpret(parse("日期：2023年2月30日、2023年01月05日、二〇二三年十二月三十一日、2023.1.5、2023/1/5、23年1月5日。"))
    forms = [(d.form, d.valid) for d in rep.dates]
    assert forms == [("gbt", False), ("padded", True), ("cn", True), ("dotted", True), ("slashed", True),
                     ("short", True)]
    assert str(rep.dates[2].date) == "2023-12-31"


def test_two_name_agency_and_sentence_is_not_a_title():
    assert classify("某某市人民政府外事办公室（某某市港澳事务局）") == ("office", "办")
    assert classify("某某（某某市审计局）") == ("bureau", "局")
    rep = interpret(parse("按照《条例》规定，现将我局2014年政府信息公开情况报告如下。\n\n正文。\n"))
    assert rep.title is None and rep.agency.name is None


@pytest.mark.parametrize(("sentence", "year", "span"), [
    ("本报告统计期限为2023年1月1日至12月31日。", 2023, "2023年1月1日至12月31日"),
    # one word list for the period's year and for the period in full (统计范围 was known to DL409 only)
    ("本报告数据统计范围为2022年1月1日至2022年12月31日。", 2022, "2022年1月1日至2022年12月31日"),
    ("本报告统计时段：2023年1月1日—12月31日。", 2023, "2023年1月1日—12月31日"),
    # 时间段 names the period only when it starts on 1月1日
    ("本年度数据的时间段为2023年1月1日至12月31日。", 2023, None),
    ("宣传活动时间段为2023年3月1日至3月31日。", None, None),
    ("结合本区2025年工作实际编制本报告。报告涵盖2025年1月1日至12月31日期间本区政府信息公开工作情况。", 2025,
     "2025年1月1日至12月31日"),
    # a hard-wrapped paragraph (a PDF's text): the line may break anywhere in it
    ("本年度报告中所列数据的统计周期\n为 2024 年 1 月 1 日至 12 月 31 日。", 2024, "2024 年 1 月 1 日至 12 月 31 日"),
    ("本报告统计期限为2023年\n1月1日至12月31日。", 2023, "2023年\n1月1日至12月31日"),
])
def test_statistics_period_year_and_span(sentence, year, span):
    rep = interpret(parse(f"# 某某市某某区审计局政府信息公开工作年度报告\n\n{sentence}\n"))
    assert rep.period_year == year
    if span is None:
        assert rep.period_span is None
    else:
        b, m = rep.period_span
        assert b.text[m.start("start"):m.end("end")] == span
