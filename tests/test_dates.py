"""Date rules DL401–DL409: invalid dates, date forms, deadlines, year consistency."""

from __future__ import annotations

import textwrap

import pytest

from disclosure_lint.report import interpret

from .conftest import NO_SHARED, SHARED, codes, lint, parse

SEED = (SHARED / "seed/shangtang-2019.txt")


def only(diags, code):
    return [d for d in diags if d.code == code]


def apply_fix(text: str, diag) -> str:
    """Apply a diagnostic's (single-line) edits to ``text`` (already dedented)."""
    lines = text.split("\n")
    for e in sorted(diag.fix.edits, key=lambda e: (e.line, e.column), reverse=True):
        assert e.line == e.end_line
        s = lines[e.line - 1]
        lines[e.line - 1] = s[:e.column - 1] + e.replacement + s[e.end_column - 1:]
    return "\n".join(lines)


def md_report(body: str, title: str = "# 某某区某某局2023年政府信息公开工作年度报告", tail: str = "") -> str:
    out = f"{title}\n\n{textwrap.dedent(body).strip()}\n"
    if tail:
        out += f"\n某某区某某局\n\n{tail}\n"
    return out


def txt_report(first: str, body: str = "一、总体情况\n本机关认真贯彻《条例》。",
               title: str = "某某区某某局2023年政府信息公开工作年度报告") -> str:
    return f"{title}\n{first}\n{body}\n"


# a text report copied from a PDF by pdftotext: every run of digits set off from Chinese by spaces
PDF_COPY = """\
某某区某某局2023年政府信息公开工作年度报告
本报告所列数据统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止。
一、总体情况
2023 年，本机关主动公开政府信息 356 条，收到政府信息公开申请 17 件，均按期答复。
二、存在的主要问题及改进情况
本机关将加强培训。
某某区某某局
{sig}
"""


# -- DL401 invalid-date -----------------------------------------------------------------------

class TestInvalidDate:
    @pytest.mark.parametrize(("text", "reason"), [
        ("本机关于2023年2月30日召开会议。", "2023年2月只有28天"),
        ("2023年13月1日起施行。", "月份“13”不在1至12之间"),
        ("本机关于2023年4月31日召开会议。", "2023年4月只有30天"),
        ("本机关于二〇二三年二月二十九日召开会议。", "2023年2月只有28天"),
        ("本机关于2023年0月5日召开会议。", "月份“0”不在1至12之间"),
        ("会议时间：2022-06-31。", "2022年6月只有30天"),
        # the second date of a range written with a hyphen (red team, round 17)
        ("本机关于2023年2月1日-2023年2月30日开展自查。", "2023年2月只有28天"),
        ("本机关于2023.11.1-2023.11.31开展整改。", "2023年11月只有30天"),
        # a year typed with digits too many (a real town's period: 至202020年12月31日止)
        ("统计期限自2020年1月1日起至202020年12月31日止。", "年份“202020”多了2位数字，疑为“2020年12月31日”"),
        ("本机关于20231年5月8日召开会议。", "年份“20231”多了1位数字，疑为“2023年5月8日”"),
    ])
    def test_fires(self, text, reason):
        ds = only(lint(text, select=["DL401"]), "DL401")
        assert len(ds) == 1
        assert ds[0].severity == "error"
        assert reason in ds[0].message
        assert ds[0].evidence["actual"] in text

    @pytest.mark.parametrize("text", [
        "本机关于2024年2月29日召开会议。",  # leap year
        "本机关于2023年12月31日召开会议。",
        "系统升级至2023.15.2版本。",  # dotted with month 15: not a date
        "编码9999-02-30不是日期。",  # year out of range in hyphen form
        "详见 https://www.example.gov.cn/list?d=2023-02-30 。",
        "依据GB/T 9704-2012执行，于2023年2月1日-2023年2月28日开展自查。",
        "版本号1.2-2023.15.2。",  # after a number that is no date: not a range
        "编号12020年5月8日登记。",  # digits before it: no year of its own to have too many
        "本机关于202020年13月1日前后开展自查。",  # no month 13 either: not a date read at all
    ])
    def test_quiet(self, text):
        assert only(lint(text, select=["DL401"]), "DL401") == []

    def test_text_format_position(self):
        text = "某某局2023年政府信息公开工作年度报告\n发布日期：2024年2月30日\n"
        ds = only(lint(text, select=["DL401"], fmt="text"), "DL401")
        assert [(d.line, d.column, d.match) for d in ds] == [(2, 6, "2024年2月30日")]

    def test_table_cells_checked(self):
        text = md_report("""
            | 会议 | 日期 |
            | --- | --- |
            | 专题会议 | 2023年2月30日 |
        """)
        ds = only(lint(text, select=["DL401"]), "DL401")
        assert len(ds) == 1
        assert ds[0].match == "2023年2月30日"
        assert ds[0].line == 5

    def test_tables_option_off(self):
        text = md_report("""
            | 会议 | 日期 |
            | --- | --- |
            | 专题会议 | 2023年2月30日 |
        """)
        ds = lint(text, select=["DL401"], config={"options": {"DL401": {"tables": False}}})
        assert only(ds, "DL401") == []


# -- DL402 signature-date-form ----------------------------------------------------------------

class TestSignatureDateForm:
    @pytest.mark.parametrize(("sig", "expected", "safe"), [
        ("2024年01月20日", "2024年1月20日", True),
        ("二〇二四年一月二十日", "2024年1月20日", True),
        ("2024-01-20", "2024年1月20日", True),
        ("2024.1.20", "2024年1月20日", True),
        ("2024/1/20", "2024年1月20日", True),
        ("24年1月20日", "2024年1月20日", True),
        ("2024年1月20号", "2024年1月20日", True),
        ("2024 年 1 月 20 日", "2024年1月20日", True),
    ])
    def test_fires_with_fix(self, sig, expected, safe):
        text = md_report("一、总体情况\n\n本机关认真贯彻《条例》。", tail=sig)
        ds = only(lint(text, select=["DL402"]), "DL402")
        assert len(ds) == 1, ds
        d = ds[0]
        assert d.severity == "warning"
        assert d.evidence == {"expected": expected, "actual": sig, "form": d.evidence["form"]}
        assert d.fix.applicability == ("safe" if safe else "unsafe")
        fixed = apply_fix(text, d)
        assert fixed.rstrip().endswith(expected)
        assert only(lint(fixed, select=["DL402"]), "DL402") == []

    def test_gbt_quiet(self):
        text = md_report("一、总体情况\n\n本机关认真贯彻《条例》。", tail="2024年1月20日")
        assert only(lint(text, select=["DL402"]), "DL402") == []

    def test_text_format(self):
        text = "某某街道2023年政府信息公开工作年度报告\n一、总体情况\n本街道认真贯彻《条例》。\n某某街道办事处\n2024年01月08日\n"
        ds = only(lint(text, select=["DL402"], fmt="text"), "DL402")
        assert [(d.line, d.evidence["expected"]) for d in ds] == [(5, "2024年1月8日")]

    def test_full_width_digits_have_their_own_form(self):
        text = md_report("一、总体情况\n\n本机关认真贯彻《条例》。", tail="２０２４年１月１８日")
        ds = only(lint(text, select=["DL402"]), "DL402")
        assert [(d.evidence["form"], d.evidence["expected"]) for d in ds] == [("fullwidth", "2024年1月18日")]
        assert "全角数字" in ds[0].message and "空格" not in ds[0].message

    def test_spaced_full_width_digits_are_spaced(self):
        text = md_report("一、总体情况\n\n本机关认真贯彻《条例》。", tail="２０２４ 年 １ 月 １８ 日")
        assert [d.evidence["form"] for d in only(lint(text, select=["DL402"]), "DL402")] == ["spaced"]

    def test_pdf_copy_spaces_are_not_the_reports(self):
        # pdftotext puts a space between every run of digits and Chinese: the 落款's spaces are the copy's
        body = PDF_COPY.format(sig="2024 年 1 月 9 日")
        assert only(lint(body, select=["DL402"], fmt="text"), "DL402") == []
        # the same copy with a 落款 in another wrong form is still reported
        ds = only(lint(PDF_COPY.format(sig="2024年01月09日"), select=["DL402"], fmt="text"), "DL402")
        assert [d.evidence["form"] for d in ds] == ["padded"]

    def test_spaced_signature_in_an_unspaced_report_still_fires(self):
        text = PDF_COPY.replace(" ", "").format(sig="2024 年 1 月 9 日")
        ds = only(lint(text, select=["DL402"], fmt="text"), "DL402")
        assert [d.evidence["form"] for d in ds] == ["spaced"]
        # spaced runs beside as many unspaced ones (under 80 %) are the report's own
        half = PDF_COPY.replace("申请 17 件", "申请17件").replace(
            "本机关将加强培训。", "全年召开会议3次，培训12人次，更新栏目5个，答复咨询40次，办理建议6件。")
        ds = only(lint(half.format(sig="2024 年 1 月 9 日"), select=["DL402"], fmt="text"), "DL402")
        assert [d.evidence["form"] for d in ds] == ["spaced"]
        # and so are fewer than five spaced runs
        few = PDF_COPY.replace("自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止", "自2023年1月1日起至2023年12月31日止")
        ds = only(lint(few.format(sig="2024 年 1 月 9 日"), select=["DL402"], fmt="text"),
                  "DL402")
        assert [d.evidence["form"] for d in ds] == ["spaced"]

    def test_signature_not_reported_by_dl403(self):
        text = md_report("一、总体情况\n\n本机关认真贯彻《条例》。", tail="2024年01月20日")
        assert only(lint(text, select=["DL403"]), "DL403") == []

    def test_no_signature_quiet(self):
        text = md_report("一、总体情况\n\n本机关于2023年06月18日召开会议，认真贯彻《条例》。")
        assert only(lint(text, select=["DL402"]), "DL402") == []

    # a cover under the title (body, then month): in a short text cut off before its 落款, it is not the 落款
    COVER = ("某某市人民政府2016年\n政府信息公开工作年度报告\n某某市人民政府办公室\n2017年3月\n"
             "本报告根据《中华人民共和国政府信息公开条例》编制。\n一、概述\n2016年，我市政府信息公开工作稳步推进，")

    def test_cover_date_above_the_first_part_is_not_the_signature(self):
        assert lint(self.COVER, select=["DL402"], fmt="text") == []

    def test_cover_date_above_a_spaced_out_first_title(self):
        """An old report's first title spaced out without its 、 (一 概 述) is the first part all the same: the
        cover's month above it is no 落款 (a real 2018 report, six lines of a mirror's copy)."""
        text = self.COVER.replace("一、概述", "一 概 述")
        assert lint(text, select=["DL402"], fmt="text") == []

    def test_month_only_signature_after_the_parts_still_fires(self):
        text = self.COVER + "取得了良好成效。\n某某市人民政府办公室\n2017年3月\n"
        ds = lint(text, select=["DL402"], fmt="text")
        assert [(d.code, d.line, d.match) for d in ds] == [("DL402", 9, "2017年3月")]


# -- DL403 date-form --------------------------------------------------------------------------

class TestDateForm:
    @pytest.mark.parametrize(("raw", "form", "expected"), [
        ("2023-06-18", "iso", "2023年6月18日"),
        ("2023.6.18", "dotted", "2023年6月18日"),
        ("2023/6/18", "slashed", "2023年6月18日"),
        ("2023年06月08日", "padded", "2023年6月8日"),
        ("23年6月18日", "short", "2023年6月18日"),
        ("二〇二三年六月十八日", "cn", "2023年6月18日"),
        ("2023年6月18号", "hao", "2023年6月18日"),
        ("20236月18日", "no_year_mark", "2023年6月18日"),
        ("202312月8日", "no_year_mark", "2023年12月8日"),
    ])
    def test_forms_markdown(self, raw, form, expected):
        text = md_report(f"一、总体情况\n\n本机关于{raw}召开政务公开专题会议。")
        ds = only(lint(text, select=["DL403"]), "DL403")
        assert len(ds) == 1
        d = ds[0]
        assert d.severity == ("info" if form == "no_year_mark" else "warning")  # (a copy's loss, most likely)
        assert (d.evidence["form"], d.evidence["expected"], d.evidence["actual"]) == (form, expected, raw)
        assert d.fix.applicability == "safe"
        assert f"于{expected}召开" in apply_fix(text, d)

    @pytest.mark.parametrize("sentence", [
        "全年办理依申请公开事项1件，为申请公开“社区23年9月3日就某小区加装电梯的公示材料”。",
        "转发《关于2023.6.18暴雨灾害应急响应的通知》1件。",
        "全年办理依申请公开事项1件，为申请公开“社区23年9月3日就某小区",  # a copy cut inside the quotation
    ])
    def test_a_date_inside_a_quotation_or_a_title_is_not_the_clerks(self, sentence):
        # the name of the information asked for, or a document's title, as written by others: not rewritten
        assert only(lint(txt_report("一、总体情况", body=sentence), select=["DL403"], fmt="text"), "DL403") == []
        # the same date in the clerk's own sentence is
        own = sentence.replace("“", "").replace("”", "").replace("《", "").replace("》", "")
        assert len(only(lint(txt_report("一、总体情况", body=own), select=["DL403"], fmt="text"), "DL403")) == 1

    def test_year_without_its_mark_in_the_statistics_period(self):
        # a clerk typing over the template's 年 (seen on real portals): the period's two dates, each with its fix;
        # a longer number before 月 (an index number, a count) is no date, nor is a year outside 1900–2099
        text = txt_report("一、总体情况", body="本报告所列数据的统计期限自20231月1日起至202312月31日止。"
                                              "编号1202312月31日作废；另有21001月1日。")
        ds = only(lint(text, select=["DL403"], fmt="text"), "DL403")
        assert [(d.match, d.evidence["expected"]) for d in ds] == [("20231月1日", "2023年1月1日"),
                                                                   ("202312月31日", "2023年12月31日")]
        assert all(d.fix.applicability == "safe" and "漏写“年”字" in d.message for d in ds)
        assert all(d.severity == "info" for d in ds)  # most likely the copy's loss: a note
        # one slip is no second way of writing dates (DL404 stays quiet)
        assert only(lint(text.replace("本报告", "本局于2023年3月1日更新指南。本报告"), select=["DL404"], fmt="text"),
                    "DL404") == []

    def test_year_and_month_marks_both_left_out(self):
        # the portal copies of many reports: 年 and 月 gone, the digits run together before 日; read where one split
        # into a month and a day is a real date (2023119日: 1月19日 or 11月9日, not read); a longer run of digits
        # (an index number) is no date, and a year outside 1900–2099 neither
        text = txt_report("一、总体情况", body="本报告所列数据的统计期限自202311日起至20231231日止。"
                                              "另于2023210日、2023119日两次更新；编号1202311日；21001231日。")
        ds = only(lint(text, select=["DL403"], fmt="text"), "DL403")
        assert [(d.match, d.evidence["expected"]) for d in ds] == [
            ("202311日", "2023年1月1日"), ("20231231日", "2023年12月31日"), ("2023210日", "2023年2月10日")]
        assert all(d.fix.applicability == "safe" and "漏写“年”“月”二字" in d.message and "转存" in d.message
                   for d in ds)
        assert all(d.severity == "info" for d in ds)
        assert "统计期限自2023年1月1日起至2023年12月31日止" in apply_fix(apply_fix(text, ds[1]), ds[0])
        # slips, not a second way of writing dates (DL404 stays quiet)
        assert only(lint(text.replace("本报告", "本局于2023年3月1日更新指南。本报告"), select=["DL404"], fmt="text"),
                    "DL404") == []

    def test_a_page_field_inside_a_flattened_page_is_the_pages(self):
        # a page flattened into one line: breadcrumb, title, 来源：… 时间：2022-02-08 16:34, then the report
        text = ("标题: 某某区2021年度政府信息公开工作年度报告\n发布时间: 2022-02-08 16:34\n文号: \n发布机构: \n"
                "栏目: 政府信息公开年报\n原文链接: https://www.example.gov.cn/t20220208_80613.htm\n"
                "==================== 正文 ====================\n"
                "当前位置： 首页政务公开政府信息公开年报 某某区2021年度政府信息公开工作年度报告 来源：某某县人民政府 "
                "时间：2022-02-08 16:34 一、总体情况 2021年，本区于2021-06-18召开专题会议。\n")
        ds = only(lint(text, select=["DL403"], fmt="text"), "DL403")
        assert [d.match for d in ds] == ["2021-06-18"]

    @pytest.mark.parametrize("page", [
        "首页>政务公开>年报 某某局2022年政府信息公开工作年度报告来源:    时间:2021年04月12日    根据《条例》",
        "某某街道2021年政府信息公开工作年度报告某某街道办事处2022年01月18日来源:1[字体: ]根据《条例》",
        "[ 索引号 ] | 115000/2023-00004 | [ 成文日期 ] | 2023-01-28 | [ 发布日期 ] | 2023-01-28 |某某局2022年政府信息公开工作年度报告根据《条例》",
        "某某街道2025年政府信息公开工作年度报告发表日期:2026-01-26    文章来源:某某街道根据《条例》",
        # a table of fields (公开日期: | …), bullets (• 2025-01-10 15:04 • 来源:), a field's date and time then the page's
        # stamp, a label followed by spaces only, a bracketed stamp after the title (real pages joined by spaces)
        "索引号: | 113308/2023-00293 | 成文日期: | 2023-01-14 | 公开方式: | 主动公开 | 组配分类: | 2022年度 | || 根据《条例》",
        "主题词: 某某局2022年政府信息公开工作年度报告   • 2023-01-10 15:04   • 来源:本网   • 发布机构:   根据《条例》",
        "索引号:430S00/2023-69063 公开方式:政府网站 发文日期:2023-03-31 00:00:00  2023-03-31 00:00    本年度报告根据《条例》",
        "公开目录 政府信息公开年报 文      号 浏览量 日期 2023-01-31     本报告根据《条例》",
        "某某委员会2022年政府信息公开工作年度报告 ( 2023-01-30 ) 某某委员会根据《条例》",
        "發(fā)布時間: 2023-01-31 17:45:13 本报告根据《条例》",  # a traditional-script mirror's field
        # a list page's stamp with its clock time glued before the title (首页 … 某某局2023-01-28 10:06某某局…年度报告)
        "首页 > 政务公开 > 年度报告 某某市某某局2023-01-28 10:06某某市某某局2022年政府信息公开工作年度报告 根据《条例》",
    ])
    def test_the_pages_fields_glued_into_one_line_are_the_pages(self, page):
        """Real pages joined with nothing: their date fields (a padded one after 时间:, a byline's before 来源:, a
        dashed one after [ 成文日期 ] |) are the page's, neither a slip of the report (DL403) nor its second way of
        writing dates (DL404)."""
        text = page + "编制本报告。本报告统计期限为2022年1月1日至12月31日。2022年，本局于2022年3月1日更新指南。"
        assert [d.code for d in lint(text, select=["DL403", "DL404"], fmt="text")] == []
        # the same dates in the report's sentences are still its own
        assert only(lint(text + "活动时间：2022年04月12日。", select=["DL403"], fmt="text"), "DL403") != []

    def test_a_stamp_with_its_time_is_the_pages_only_before_the_title(self):
        """A dashed date with its clock time is the page's stamp where the report's title follows it; in a sentence
        it is the report's own (DL403)."""
        text = txt_report("一、总体情况", body="本局于2024-01-22 09:30召开会议，部署2024年政府信息公开工作年度报告编制。")
        assert [d.match for d in only(lint(text, select=["DL403"], fmt="text"), "DL403")] == ["2024-01-22 09:30"]

    def test_time_part_makes_fix_unsafe(self):
        text = txt_report("一、总体情况", body="本局于2024-01-22 09:30:00召开政务公开专题会议。")
        ds = only(lint(text, select=["DL403"], fmt="text"), "DL403")
        assert len(ds) == 1
        d = ds[0]
        assert (d.line, d.column, d.match) == (3, 4, "2024-01-22 09:30:00")
        assert d.evidence["has_time"] is True
        assert d.fix.applicability == "unsafe"
        assert apply_fix(text, d).split("\n")[2] == "本局于2024年1月22日召开政务公开专题会议。"

    def test_time_after_padded_date(self):
        text = txt_report("一、总体情况", body="本局于2024年01月12日 17:12召开专题会议。")
        ds = only(lint(text, select=["DL403"], fmt="text"), "DL403")
        assert len(ds) == 1
        assert ds[0].fix.applicability == "unsafe"
        assert apply_fix(text, ds[0]).split("\n")[2] == "本局于2024年1月12日召开专题会议。"

    def test_portal_metadata_not_reported(self):
        # the portal's fields, as a line, a label line + value line, and inline in a flattened line
        for text in (txt_report("发布日期: 2024-01-22 00:00:00 浏览次数:"),
                     txt_report("撰写时间", body="2024年01月12日 17:12:21\n一、总体情况"),
                     "某某区某某局2023年政府信息公开工作年度报告 发布时间:2024-01-09 15:20 浏览次数：35 "
                     "一、总体情况 本局于2023年6月18日召开会议。\n"):
            assert only(lint(text, select=["DL403"], fmt="text"), "DL403") == [], text

    @pytest.mark.parametrize("line", ["2012年04月18日17:36 | 某某发展门户网 www.example.cn | 给编辑写信 字号:T|T",
                                      "生活百科 2023-01-26 17:49生活百科www.example.com"])
    def test_an_aggregators_posting_line_is_the_pages(self, line):
        """A reposting site's date, time and name (real aggregator pages of 2011 and 2016 reports): the page's, not the
        report's — no DL403 on its form, and no publication date taken from it (DL405: a repost years later)."""
        text = f"某某省2011年度政府信息公开工作报告\n{line}\n一、概述\n2011年，本省认真贯彻《条例》，于2011年6月18日召开会议。\n"
        assert lint(text, select=["DL403", "DL404", "DL405"], fmt="text") == []
        assert interpret(parse(text, "text")).published is None
        # a sentence about a website with a date in it is the report's own
        prose = text.replace(line, "2023年5月8日起在门户网站公开全部规范性文件，共12件。")
        assert interpret(parse(prose, "text")).published is None

    @pytest.mark.parametrize("head, published", [
        # the page's 时间: field run into the text (来源: of the page before it, a clock time after the date)
        ("某某区某某局2020年政府信息公开工作年度报告来源:区某某局 时间:2021-02-05 10:01本报告根据《条例》编制。",
         "2021-02-05"),
        # the page's 来源: and 时间: one after the other, run into the text (the date in the clerk's form, padded)
        ("首页 > 政府信息公开 > 年报 某某区某某局2020年政府信息公开工作年度报告 来源:    时间:2021年02月05日      "
         "根据《中华人民共和国政府信息公开条例》和县政府办《通知》精神,将我局2020年度政府信息公开工作报告如下:", "2021-02-05"),
        # the page's table of fields run into one line: each label's value in the next cell
        ("索 引 号: | 0000/2021-00012 | 发布机构 | 某某区某某局 | 发文日期 | 2021-02-05 |文 号 | |根据《条例》编制。",
         "2021-02-05"),
        ("索 引 号: | 0000/2021-00012 | 发布时间: | 2021年02月05日 14:17 |来 源: | 某某区某某局 |根据《条例》编制。",
         "2021-02-05"),
        # the page's stamp with its clock time right after the title
        ("某某区某某局2020年政府信息公开工作年度报告2021-02-05 08:37今年以来，本局认真贯彻《条例》。", "2021-02-05"),
        # the site's name and address, then the page's date, between the title and the text
        ("某某区某某局2020年政府信息公开工作年度报告某某区人民政府门户网站 www.mouqu.gov.cn 2021-02-05根据《条例》编制。",
         "2021-02-05"),
        # the page's stamp right after the title, the page's font switch right after it
        ("某某区某某局2020年政府信息公开工作年度报告2021-02-05【字体:大 中 小】根据《条例》编制。", "2021-02-05"),
        # 时间: glued to the title, the page's counter right after it (a real converted 繁體 page)
        ("某某区某某局关于2020年政府信息公开工作年度报告的公告时间:2021年02月05日 点击次数:13460根据《条例》编制。",
         "2021-02-05"),
    ])
    def test_fields_of_a_page_whose_lines_were_joined(self, head, published):
        """Text taken from a page with no line breaks (real crawls of county and city pages): the page's date is
        still its publication date (DL405 on late ones, as on the page's own lines) and no date the clerk wrote
        (DL403 says nothing of the page's form)."""
        text = head + "一、总体情况2020年，本局于2020年6月18日召开会议。\n"
        report = interpret(parse(text, "text"))
        assert str(report.published) == published
        ds = lint(text, select=["DL403", "DL404", "DL405"], fmt="text", year=2020, agency="某某区某某局")
        assert [d.code for d in ds] == ["DL405"]  # a department's: after 2021-01-31
        assert "2021年2月5日" in ds[0].message

    def test_a_time_glued_to_a_word_without_a_pages_field_after_it_is_the_clerks(self):
        text = ("某某区某某局2020年政府信息公开工作年度报告\n一、总体情况\n本局召开专题会议，会议时间:2020年06月18日，"
                "会上部署了政府信息公开工作。\n")
        assert interpret(parse(text, "text")).published is None
        assert [d.code for d in lint(text, select=["DL403"], fmt="text")] == ["DL403"]

    @pytest.mark.parametrize("when", ["2020-06-18 09:30", "2020-06-18【打印】"])
    def test_a_date_with_its_clock_time_in_the_body_is_the_clerks(self, when):
        text = f"某某区某某局2020年政府信息公开工作年度报告\n一、总体情况\n本局于{when}召开会议。\n"
        assert interpret(parse(text, "text")).published is None
        assert [d.code for d in lint(text, select=["DL403"], fmt="text")] == ["DL403"]

    def test_a_pages_unlabelled_date_years_late_is_no_publication(self):
        """An aggregator's summary of a 2017 report dated 2025 beside its title (a real page): the page's date, not the
        report's publication — no DL405 for it."""
        text = ("某某部2017年政府信息公开工作年度报告\n某某网站·2025-12-02 16:33\n一、总体情况\n"
                "2017年，本部认真贯彻《条例》，主动公开政府信息120条。\n")
        assert lint(text, select=["DL403", "DL405"], fmt="text") == []

    def test_include_metadata_option(self):
        text = txt_report("发布日期: 2024-01-22 00:00:00 浏览次数:")
        cfg = {"options": {"DL403": {"include_metadata": True}}}
        ds = only(lint(text, select=["DL403"], fmt="text", config=cfg), "DL403")
        assert [(d.line, d.column, d.match) for d in ds] == [(2, 7, "2024-01-22 00:00:00")]

    def test_seed(self):
        if not SEED.is_file():
            pytest.skip(NO_SHARED)
        from disclosure_lint.config import Config
        from disclosure_lint.engine import prepare, run
        from disclosure_lint.packs import load_rules
        from disclosure_lint.readers import text as text_reader
        from disclosure_lint.report import interpret

        doc = text_reader.parse(SEED.read_text(encoding="utf-8"), path=str(SEED))
        rep = interpret(doc)
        ds = run(rep, prepare(load_rules(), Config(select=["DL4"])))
        # "发布日期: 2020-01-22 00:00:00 浏览次数:" (line 2, and again in the page copy at line 38) is the
        # portal's field: not the clerk's date form, but still the publication date
        assert only(ds, "DL403") == [] and only(ds, "DL404") == []
        assert str(rep.published) == "2020-01-22" and rep.published_mention.block.line == 2
        assert only(ds, "DL405") == [] and only(ds, "DL408") == []
        assert only(ds, "DL401") == [] and only(ds, "DL406") == [] and only(ds, "DL407") == []

    def test_allow_option(self):
        text = md_report("一、总体情况\n\n本机关于2023-06-18召开会议，于2023.7.1开展培训。")
        ds = only(lint(text, select=["DL403"], config={"options": {"DL403": {"allow": ["iso"]}}}), "DL403")
        assert [d.match for d in ds] == ["2023.7.1"]

    def test_bad_allow_value_rejected(self):
        from disclosure_lint.errors import ConfigError

        with pytest.raises(ConfigError):
            lint("x", select=["DL403"], config={"options": {"DL403": {"allow": ["hyphen"]}}})

    @pytest.mark.parametrize("text", [
        "本机关于2023年6月18日召开会议。",
        "详见门户网站（https://www.example.gov.cn/list?date=2023-6-18）。",
        "详见 www.example.gov.cn/x?d=2023.6.18 。",
        "索引号：ZJ001-2023.01.05。",
        "文号：某办〔2023〕2023-1-5号。",
        "本机关于2023年2月30日召开会议。",  # invalid: DL401's business
    ])
    def test_quiet(self, text):
        assert only(lint(text, select=["DL403"]), "DL403") == []

    def test_label_exemption_stops_at_punctuation(self):
        ds = only(lint("索引号：A1，会议于2023-06-18召开。", select=["DL403"]), "DL403")
        assert [d.match for d in ds] == ["2023-06-18"]

    def test_tables_exempt_by_default(self):
        text = md_report("""
            | 事项 | 日期 |
            | --- | --- |
            | 专题会议 | 2023-06-18 |
        """)
        assert only(lint(text, select=["DL403"]), "DL403") == []
        ds = only(lint(text, select=["DL403"], config={"options": {"DL403": {"tables": True}}}), "DL403")
        assert [(d.match, d.line) for d in ds] == [("2023-06-18", 5)]

    def test_short_year_other_century_unsafe(self):
        ds = only(lint("早在98年5月1日本机关即设立公开栏。", select=["DL403"], year=2023), "DL403")
        assert len(ds) == 1
        assert ds[0].evidence["expected"] == "1998年5月1日"
        assert ds[0].fix.applicability == "unsafe"

    def test_fingerprints_stable_across_edits(self):
        a = md_report("一、总体情况\n\n本机关于2023-06-18召开会议。")
        b = md_report("一、总体情况\n\n新增一段。\n\n本机关于2023-06-18召开会议。")
        fa = [d.fingerprint for d in only(lint(a, select=["DL403"]), "DL403")]
        fb = [d.fingerprint for d in only(lint(b, select=["DL403"]), "DL403")]
        assert fa == fb and len(fa) == 1


# -- DL404 mixed-date-forms -------------------------------------------------------------------

class TestMixedDateForms:
    def test_fires_once_at_first_minority(self):
        text = md_report("""
            一、总体情况

            本机关于2023年3月1日更新指南，2023年5月8日召开会议。

            2023-06-18开展培训，2023.7.1再次培训，2023年9月5日检查。
        """)
        ds = only(lint(text, select=["DL404"]), "DL404")
        assert len(ds) == 1
        d = ds[0]
        assert d.severity == "info"
        assert d.match == "2023-06-18"
        assert d.evidence["counts"] == {"gbt": 3, "iso": 1, "dotted": 1}
        assert "3种" in d.message and "短横线式1处" in d.message

    def test_single_form_quiet(self):
        text = md_report("一、总体情况\n\n本机关于2023-03-01更新指南，2023-06-18召开会议。")
        assert only(lint(text, select=["DL404"]), "DL404") == []

    def test_metadata_excluded(self):
        text = txt_report("发布日期：2024-01-22 10:00", body="本机关于2023年3月1日更新指南。")
        assert only(lint(text, select=["DL404"], fmt="text"), "DL404") == []
        cfg = {"options": {"DL404": {"include_metadata": True}}}
        ds = only(lint(text, select=["DL404"], fmt="text", config=cfg), "DL404")
        assert len(ds) == 1 and ds[0].line == 2

    def test_tie_prefers_gbt_as_majority(self):
        ds = only(lint("2023-03-01更新指南，2023年6月18日召开会议。", select=["DL404"]), "DL404")
        assert len(ds) == 1 and ds[0].match == "2023-03-01"

    def test_standard_form_in_the_minority_is_still_the_one_to_unify_on(self):
        # the statistics period in the standard form, two padded dates and a dotted one: the finding points at the
        # first padded date, not at the correct period (it did), and names the standard form by its pattern
        text = md_report("""
            一、总体情况

            本报告中所列数据统计期限为2023年1月1日至12月31日。

            于2023年06月05日、2023.9.8开展业务培训，2023年07月15日检查。
        """)
        ds = only(lint(text, select=["DL404"]), "DL404")
        assert len(ds) == 1 and ds[0].match == "2023年06月05日"
        assert ("（补零式2处、标准“年月日”式1处、圆点式1处），此处“2023年06月05日”为补零式；"
                "日期写法应全文统一为标准“年月日”式") in ds[0].message
        assert "2024年1月20日" not in ds[0].message

    def test_not_on_the_signature_that_dl402_reports(self):
        text = md_report("一、总体情况\n\n本机关于2023年3月1日更新指南。\n\n某某市某某局\n\n2024年01月20日")
        ds = lint(text, select=["DL402", "DL404"])
        assert [d.code for d in ds] == ["DL402"]  # only the 落款 differs: DL402 says so, once
        text = md_report("一、总体情况\n\n本机关于2023年3月1日、2023.5.8更新指南。\n\n某某市某某局\n\n2024年01月20日")
        ds = only(lint(text, select=["DL404"]), "DL404")
        assert len(ds) == 1 and ds[0].match == "2023.5.8"

    def test_min_minority(self):
        text = "本机关于2023年3月1日、2023年5月8日、2023-06-18分别召开会议。"
        cfg = {"options": {"DL404": {"min_minority": 2}}}
        assert only(lint(text, select=["DL404"], config=cfg), "DL404") == []


# -- DL405 / DL408 late-publication -----------------------------------------------------------

def _late(kind_title: str, published: str, year: int = 2023, fmt: str = "text", config=None,
          agency_kind=None, select=("DL405", "DL408")):
    text = f"{kind_title}{year}年政府信息公开工作年度报告\n发布日期：{published}\n一、总体情况\n本机关认真贯彻《条例》。\n"
    return lint(text, select=list(select), fmt=fmt, config=config, agency_kind=agency_kind)


class TestLatePublication:
    @pytest.mark.parametrize("body", ["某某县档案馆", "某某县残疾人联合会", "某某市住房公积金管理中心", "某某县供销合作社",
                                      "某某风景名胜区管理处"])
    def test_a_public_institution_or_a_peoples_organisation_is_late_only_with_a_warning(self, body):
        """A centre, a hall, a federation, a society: not a government department (第五十四、五十五条 apply the 条例 to
        them), whose deadline is not settled — late by the department's, said in a warning that says so."""
        [d] = only(_late(body, "2024年2月20日"), "DL405")
        assert d.severity == "warning" and "不是该条列明的县级以上人民政府部门" in d.message
        [d] = only(_late("某某县某某局", "2024年2月20日"), "DL405")
        assert d.severity == "error"

    def test_reports_before_the_revision_were_due_by_march_31(self):
        # the 2007 《条例》 第三十一条: 3月31日 for every body; a department's 2016 report in February is in time
        assert only(_late("某某市某某局", "2017年2月23日", year=2016), "DL405") == []
        ds = only(_late("某某市某某局", "2019年4月2日", year=2018), "DL405")
        assert [d.evidence["days_late"] for d in ds] == [2]
        assert "2019年修订前的《条例》第三十一条" in ds[0].message
        ds = only(_late("某某市某某局", "2020年2月3日", year=2019), "DL405")  # the first year under the revision
        assert [d.evidence["days_late"] for d in ds] == [3] and "（《条例》第四十九条）" in ds[0].message

    @pytest.mark.parametrize(("title", "published", "code", "days"), [
        ("某某区某某局", "2024年2月1日", "DL405", 1),
        ("某某市人民政府办公室", "2024年2月10日", "DL405", 10),
        ("某某县人民政府", "2024年4月2日", "DL405", 2),  # (3月31日 a Sunday: 4月1日 only a warning, tests/test_rest_days.py)
        ("某某省人民政府", "2024年5月1日", "DL405", 31),
        ("某某街道", "2024年4月1日", "DL408", 1),
        ("某某镇", "2024-04-02", "DL408", 2),
        ("某某乡", "2024年6月1日", "DL408", 62),
    ])
    def test_late(self, title, published, code, days):
        ds = only(_late(title, published), "DL405") + only(_late(title, published), "DL408")
        assert [d.code for d in ds] == [code]
        d = ds[0]
        assert d.severity == ("error" if code == "DL405" else "warning")
        assert d.evidence["days_late"] == days
        assert d.evidence["source"] == "发布日期"
        assert d.line == 2
        assert f"迟了{days}天" in d.message

    @pytest.mark.parametrize(("title", "published"), [
        ("某某区某某局", "2024年1月31日"),
        ("某某县人民政府", "2024年3月31日"),
        ("某某街道", "2024年3月31日"),
        ("某某区某某局", "2024年1月5日"),
    ])
    def test_on_time(self, title, published):
        assert _late(title, published) == []

    def test_government_deadline_is_not_department_deadline(self):
        assert _late("某某县人民政府", "2024年2月20日") == []

    def test_signature_fallback(self):
        text = md_report("一、总体情况\n\n本机关认真贯彻《条例》。", tail="2024年2月5日")
        ds = only(lint(text, select=["DL405"]), "DL405")
        assert len(ds) == 1
        assert ds[0].evidence["source"] == "落款日期"
        assert "落款日期" in ds[0].message

    def test_township_config_override(self):
        cfg = {"deadlines": {"township": "02-20"}}
        ds = _late("某某街道", "2024年2月21日", config=cfg)
        assert [d.code for d in ds] == ["DL408"]
        assert ds[0].evidence["deadline"] == "2024-02-20"
        assert _late("某某街道", "2024年2月20日", config=cfg) == []

    def test_department_config_override(self):
        cfg = {"deadlines": {"department": "02-15"}}
        assert _late("某某区某某局", "2024年2月10日", config=cfg) == []
        assert [d.code for d in _late("某某区某某局", "2024年2月16日", config=cfg)] == ["DL405"]

    def test_severity_override(self):
        ds = _late("某某街道", "2024年4月1日", config={"severity": {"DL408": "error"}})
        assert [(d.code, d.severity) for d in ds] == [("DL408", "error")]

    def test_unknown_kind_silent(self):
        text = "2023年政府信息公开工作年度报告\n发布日期：2024年6月1日\n一、总体情况\n"
        assert lint(text, select=["DL405", "DL408"], fmt="text") == []

    def test_agency_kind_override(self):
        # the title says 局 (department) but the user says it is a county government
        ds = _late("某某区某某局", "2024年3月1日", agency_kind="county_government")
        assert ds == []

    def test_no_year_silent(self):
        text = "某某区某某局政府信息公开工作年度报告\n发布日期：2024年6月1日\n一、总体情况\n"
        assert lint(text, select=["DL405"], fmt="text") == []

    def test_year_from_config(self):
        text = "某某区某某局政府信息公开工作年度报告\n发布日期：2024年6月1日\n一、总体情况\n"
        ds = lint(text, select=["DL405"], fmt="text", year=2023)
        assert [d.evidence["days_late"] for d in ds] == [122]

    def test_markdown(self):
        text = "# 某某县人民政府2023年政府信息公开工作年度报告\n\n发布日期：2024年4月10日\n\n一、总体情况\n"
        ds = only(lint(text, select=["DL405"]), "DL405")
        assert [d.evidence["days_late"] for d in ds] == [10]


# -- DL406 year-mismatch ----------------------------------------------------------------------

class TestYearMismatch:
    def test_period_year_differs_from_title(self):
        text = md_report("本报告中所列数据统计期限为2022年1月1日至12月31日。")
        ds = only(lint(text, select=["DL406"]), "DL406")
        assert len(ds) == 1
        d = ds[0]
        assert d.severity == "error"
        assert d.match == "2022"
        assert (d.evidence["expected"], d.evidence["actual"], d.evidence["where"]) == (2023, 2022, "period")

    def test_period_with_shixian(self):
        text = txt_report("本报告所列数据统计时限自2022年1月1日起至2022年12月31日止。")
        ds = only(lint(text, select=["DL406"], fmt="text"), "DL406")
        assert [d.evidence["actual"] for d in ds] == [2022]

    def test_period_whose_marks_were_lost(self):
        # 年 and 月 lost in a portal's copy (统计期限自202211日起至20221231日): still the period's year
        text = md_report("本报告中所列数据统计期限自202211日起至20221231日止。")
        ds = only(lint(text, select=["DL406"]), "DL406")
        assert [(d.evidence["actual"], d.evidence["where"]) for d in ds] == [(2022, "period")]

    def test_title_differs_from_config_year(self):
        text = md_report("本报告中所列数据统计期限为2023年1月1日至12月31日。")
        ds = only(lint(text, select=["DL406"], year=2024), "DL406")
        assert sorted(d.evidence["where"] for d in ds) == ["period", "title"]

    def test_published_within_report_year(self):
        text = "某某区某某局2024年政府信息公开工作年度报告\n发布日期：2024年1月20日\n"
        ds = only(lint(text, select=["DL406"], fmt="text"), "DL406")
        assert len(ds) == 1 and ds[0].evidence["where"] == "published"
        assert "2025年1月1日以后" in ds[0].message

    @pytest.mark.parametrize("text", [
        "# 某某区某某局2023年政府信息公开工作年度报告\n\n本报告中所列数据统计期限为2023年1月1日至12月31日。\n",
        "# 某某区某某局政府信息公开工作年度报告\n\n本报告中所列数据统计期限为2022年1月1日至12月31日。\n",
        "# 某某区某某局2023年政府信息公开工作年度报告\n\n发布日期：2024年1月20日\n",
    ])
    def test_quiet(self, text):
        assert only(lint(text, select=["DL406"]), "DL406") == []

    def test_options_off(self):
        text = md_report("本报告中所列数据统计期限为2022年1月1日至12月31日。")
        cfg = {"options": {"DL406": {"check_period": False}}}
        assert only(lint(text, select=["DL406"], config=cfg), "DL406") == []


# -- DL409 statistics-period ------------------------------------------------------------------

class TestStatisticsPeriod:
    @pytest.mark.parametrize(("sentence", "period"), [
        ("统计期限为2023年1月1日至2023年11月30日。", "2023年1月1日至2023年11月30日"),
        ("统计期限为2023年2月1日至12月31日。", "2023年2月1日至12月31日"),
        ("统计时间为2022年1月1日—2023年12月31日。", "2022年1月1日至2023年12月31日"),
        # 年 and 月 lost in a portal's copy: the period is read all the same
        ("统计期限自202311日起至20231230日止。", "202311日至20231230日"),
    ])
    def test_fires(self, sentence, period):
        ds = only(lint(md_report("本报告所列数据" + sentence), select=["DL409"]), "DL409")
        assert len(ds) == 1
        assert ds[0].severity == "warning"
        assert ds[0].evidence["actual"] == period

    @pytest.mark.parametrize("sentence", [
        "本报告中所列数据统计期限为2023年1月1日至12月31日。",
        "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。",
        "本报告数据统计时限为2023年1月1日到12月31日。",
        "本报告所列数据的统计期限自202311日起至20231231日止。",
        # a body set up during the year: its period starts on that day
        "因本街道办事处于2023年5月28日成立，故本报告所列数据的统计期限自2023年5月28日起至2023年12月31日止。",
        "本报告所列数据的统计期限自20231月1日起至202312月31日止。",
        "截至2023年11月30日，本机关主动公开信息120条。",
        "宣传活动时间段为2023年3月1日至3月31日。",
        "统计数据显示，2023年3月1日至3月31日共受理咨询20次。",
        "本报告由总体情况等六部分组成，涵盖2023年1月1日至12月31日本机关政府信息公开工作情况。",
        "本报告由总体情况等六部分组成。专项检查涵盖2023年1月1日至6月30日的信息。",  # not the report's period
    ])
    def test_quiet(self, sentence):
        assert only(lint(md_report(sentence), select=["DL409"]), "DL409") == []

    def test_the_period_the_report_covers(self):
        # 本报告由……组成，涵盖…至…: the period said without 统计 (a real county's report, written anew)
        text = md_report("本报告由总体情况等六部分组成，涵盖2023年1月1日至12月21日本机关政府信息公开工作情况。")
        ds = only(lint(text, select=["DL409"]), "DL409")
        assert [d.evidence["actual"] for d in ds] == ["2023年1月1日至12月21日"]

    def test_text_format(self):
        text = txt_report("本年报中所列数据的统计期限从2023年1月1日起至2023年12月30日止。")
        ds = only(lint(text, select=["DL409"], fmt="text"), "DL409")
        assert len(ds) == 1 and ds[0].line == 2


# -- DL407 date-after-publication -------------------------------------------------------------

class TestDateAfterPublication:
    def test_fires(self):
        text = txt_report("发布日期：2024年1月20日", body="截至2024年3月5日，本机关共受理申请12件。")
        ds = only(lint(text, select=["DL407"], fmt="text"), "DL407")
        assert len(ds) == 1
        d = ds[0]
        assert d.severity == "warning"
        assert (d.line, d.match) == (3, "2024年3月5日")
        assert d.evidence["published"] == "2024-01-20"

    def test_signature_source(self):
        text = md_report("一、总体情况\n\n2024年2月1日，本机关召开会议。", tail="2024年1月20日")
        ds = only(lint(text, select=["DL407"]), "DL407")
        assert len(ds) == 1 and ds[0].evidence["source"] == "落款日期"

    @pytest.mark.parametrize("body", [
        "截至2023年12月31日，本机关共受理申请12件。",
        "本机关将于2024年6月30日召开专题会议。",
        "力争在2024年6月30日完成目录梳理。",
        "相关目录梳理于2024年6月30日前完成。",
        "新修订的指南自2024年3月1日起施行。",
        "本机关于2024年1月20日发布本报告。",
        "修订后的工作规程已经2024年1月12日局务会审议通过，定于2024年2月1日施行。",
        "新版办事指南拟于2024年3月1日上线。",
        "修订后的目录于2024年2月1日实施。",
    ])
    def test_quiet(self, body):
        text = txt_report("发布日期：2024年1月20日", body=body)
        assert only(lint(text, select=["DL407"], fmt="text"), "DL407") == []

    @pytest.mark.parametrize("body", [
        "2024年2月5日实施行政检查12次，结果已公开。",  # a verb with an object: a fact, not a schedule
        "工作规程已于2024年2月1日审议通过并施行。",
        "规程于2024年2月1日施行情况良好。",
    ])
    def test_fires_on_a_fact_dated_after_publication(self, body):
        text = txt_report("发布日期：2024年1月20日", body=body)
        assert len(only(lint(text, select=["DL407"], fmt="text"), "DL407")) == 1

    def test_metadata_lines_not_reported(self):
        text = txt_report("发布日期：2024年1月20日", body="更新时间：2024年3月1日\n本机关认真贯彻《条例》。")
        assert only(lint(text, select=["DL407"], fmt="text"), "DL407") == []

    def test_no_publication_date_quiet(self):
        text = txt_report("本机关认真贯彻《条例》。", body="截至2030年3月5日，本机关共受理申请12件。")
        assert only(lint(text, select=["DL407"], fmt="text"), "DL407") == []

    def test_future_words_option(self):
        text = txt_report("发布日期：2024年1月20日", body="本机关将于2024年6月30日召开专题会议。")
        cfg = {"options": {"DL407": {"future_words": []}}}
        assert len(only(lint(text, select=["DL407"], fmt="text", config=cfg), "DL407")) == 1


def test_all_date_rules_quiet_on_clean_report():
    text = md_report("""
        本报告中所列数据统计期限为2023年1月1日至12月31日。

        ## 一、总体情况

        本机关于2023年3月1日更新政府信息公开指南，于2023年6月18日召开专题会议。
        下一步，本机关将于2024年6月30日前完成目录梳理。
    """, tail="2024年1月20日")
    assert [d.message for d in lint(text, select=["DL4"])] == []


def test_township_severity_from_config_and_per_rule_override():
    text = "某某街道2023年政府信息公开工作年度报告\n发布日期：2024-04-15\n正文。\n"
    diags = [d for d in lint(text, select=["DL408"], fmt="text") if d.code == "DL408"]
    assert [d.severity for d in diags] == ["warning"]
    cfg = {"deadlines": {"township_severity": "error"}}
    diags = [d for d in lint(text, select=["DL408"], fmt="text", config=cfg) if d.code == "DL408"]
    assert [d.severity for d in diags] == ["error"]
    cfg = {"deadlines": {"township_severity": "error"}, "severity": {"DL408": "info"}}
    diags = [d for d in lint(text, select=["DL408"], fmt="text", config=cfg) if d.code == "DL408"]
    assert [d.severity for d in diags] == ["info"]


def test_page_meta_pubdate_is_the_publication_date():
    from disclosure_lint.model import Document
    from disclosure_lint.readers.markdown import parse as md_parse
    from disclosure_lint.report import interpret

    doc = md_parse("# 某某市审计局2023年政府信息公开工作年度报告\n\n正文。\n\n某某市审计局\n\n2024年1月18日\n")
    doc = Document(path=doc.path, format="html", encoding="utf-8", text=doc.text, blocks=doc.blocks,
                   pubdate="2024-02-20 09:30:00")
    rep = interpret(doc)
    assert str(rep.published) == "2024-02-20" and rep.published_source == "网页元数据"


def test_publication_date_from_page_meta_in_year_and_date_rules():
    """A publication date read from the page's ``<meta name=PubDate>`` (no 发布日期 field, no 落款) has no place
    in the text: DL406 reports it without a position (it crashed on the missing mention) and names the source;
    DL407 names the same source (it said 落款日期)."""
    from disclosure_lint.config import Config
    from disclosure_lint.engine import prepare, run
    from disclosure_lint.packs import load_rules
    from disclosure_lint.readers.html import parse as html_parse
    from disclosure_lint.report import interpret

    page = ('<html><head><meta name="PubDate" content="2023-06-01"></head><body>'
            "<h1>某某市某某局2023年政府信息公开工作年度报告</h1>"
            "<p>本报告根据《中华人民共和国政府信息公开条例》编制。</p>"
            "<h2>一、总体情况</h2><p>2023年，我局认真贯彻落实《条例》，于2023年9月1日召开专题会议。</p>"
            "</body></html>")
    rep = interpret(html_parse(page, path="x.html"))
    assert rep.published_source == "网页元数据" and rep.signature_mention is None
    active = prepare(load_rules(), Config(select=["DL406", "DL407"]))
    diags = run(rep, active)
    assert "DL000" not in codes(diags)
    dl406 = only(diags, "DL406")
    assert len(dl406) == 1 and dl406[0].line is None
    assert "网页元数据中的发布日期2023年6月1日" in dl406[0].message
    assert not only(diags, "DL407")  # (a publication date inside the report year is the slip: DL406's alone)
    later = page.replace("2023-06-01", "2024-01-10").replace("于2023年9月1日召开", "于2024年3月1日召开")
    rep = interpret(html_parse(later, path="x.html"))
    dl407 = only(run(rep, active), "DL407")
    assert len(dl407) == 1 and "2024年3月1日" in dl407[0].message and "网页元数据中的发布日期" in dl407[0].message


# -- DL406: the opening of last year's report left in place (red team, round 17) --------------------------------

_OPENING_REPORT = """# 某某区某某局2023年政府信息公开工作年度报告

本报告中所列数据统计期限为2023年1月1日至12月31日。

## 一、总体情况

{opening}

## 二、主动公开政府信息情况
"""


@pytest.mark.parametrize("opening", [
    "2022年，我局围绕重点领域推进政府信息公开，全年主动公开政府信息421条。",
    "2022年度，全区各级行政机关共主动公开政府信息3.2万条，办理申请116件。",
    "（一）主动公开情况。2022年，本机关全年主动公开政府信息421条。",
])
def test_an_opening_with_last_years_year_is_a_warning(opening):
    ds = lint(_OPENING_REPORT.format(opening=opening), select=["DL406"])
    assert [(d.severity, d.evidence["where"]) for d in ds] == [("warning", "opening")]


@pytest.mark.parametrize("opening", [
    "2023年，我局围绕重点领域推进政府信息公开，全年主动公开政府信息421条。",
    "2022年，我局主动公开政府信息380条；2023年，全年主动公开政府信息421条。",
    "与2022年相比，全年主动公开政府信息增加41条，达421条。",
    "2021年，我局被确定为政务公开标准化试点单位，此后持续推进相关工作。",
])
def test_an_opening_with_the_reports_year_or_another_is_quiet(opening):
    assert lint(_OPENING_REPORT.format(opening=opening), select=["DL406"]) == []


def test_a_page_date_years_after_the_deadline_is_a_warning_that_says_why():
    # a 2008 report on a page dated 2020: most likely the date the site moved the page, not its first publication
    text = "某某县人民政府2008年政府信息公开工作年度报告\n发布日期：2020-07-21\n一、概述\n本县认真贯彻《条例》。\n"
    [d] = [d for d in lint(text, fmt="text") if d.code == "DL405"]
    assert d.severity == "warning" and "网站改版、迁移" in d.message


def test_chinese_numeral_dates_before_gbt_9704_2012_are_the_form_then_asked_for():
    # a report of 2009, signed 二〇一〇年一月十九日 (a real county's page): GB/T 9704-1999 asked for that form
    text = ("某某县人民政府办公室2009年政府信息公开工作年度报告\n一、概述\n2009年，本县主动公开政府信息120条，"
            "于二〇〇九年三月五日召开会议。\n某某县人民政府办公室\n二〇一〇年一月十九日\n")
    assert lint(text, fmt="text", select=["DL402", "DL403"]) == []
    later = text.replace("2009年", "2013年").replace("二〇〇九年", "二〇一三年").replace("二〇一〇年", "二〇一四年")
    assert sorted(d.code for d in lint(later, fmt="text", select=["DL402", "DL403"])) == ["DL402", "DL403"]


def test_chinese_numeral_dates_before_gbt_9704_2012_are_no_mixing():
    """A real 2009 report's notice dated 二〇一〇年一月十九日 above its text's Arabic dates: GB/T 9704-1999 wrote the
    成文日期 so (DL404 quiet); in a 2023 report the same mixing is reported."""
    old = ("某某市2009年度政府信息公开工作年度报告\n现予公布。\n二〇一〇年一月十九日\n一、概述\n"
           "本报告统计期限为2009年1月1日至2009年12月31日，全年主动公开信息120条，2009年3月2日更新指南。\n")
    assert only(lint(old, select=["DL404"], fmt="text"), "DL404") == []
    new = old.replace("2009", "2023").replace("二〇一〇年一月十九日", "二〇二四年一月十九日")
    assert [d.code for d in only(lint(new, select=["DL404"], fmt="text"), "DL404")] == ["DL404"]
