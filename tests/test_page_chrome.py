"""A report as a crawler or a Ctrl+A copy delivers it: the page's navigation before it, its related-links list,
date greeting, font switch and footer around it.  Title, agency, year and publication date are still found,
and the page's own text is never blamed on the report (report/portal.py, report/__init__.py, report/inline.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_lint.report import interpret

from . import render
from .conftest import lint, parse

ROOT = Path(__file__).resolve().parents[1]
CLEAN_MD = (ROOT / "examples" / "clean-2023.md").read_text(encoding="utf-8")
CLEAN_TXT = render.to_text(CLEAN_MD)
CLEAN_FLAT = render.to_flat(CLEAN_MD)
TITLE = "江北市青溪区市场监督管理局2023年政府信息公开工作年度报告"
AGENCY = "江北市青溪区市场监督管理局"

TOP_BAR = ["今天是：", "无障碍浏览", "|", "长者模式", "|", "简体", "|", "繁體", "|", "手机版", "|", "登录"]
MENU = ["首页", "政务动态", "今日要闻", "部门动态", "通知公告", "政务公开", "政府信息公开指南", "政府信息公开制度",
        "法定主动公开内容", "政府信息公开年报", "依申请公开", "政务服务", "互动交流", "领导信箱", "在线访谈", "民意征集",
        "专题专栏", "当前位置：", "首页", ">", "政务公开", ">", "年度报告", ">", "部门年报"]


def findings(text: str, fmt: str = "text", **kw):
    return [(d.code, d.line, d.match) for d in lint(text, fmt=fmt, **kw) if d.code != "DL701"]


def report(text: str, fmt: str = "text"):
    return interpret(parse(text, fmt))


# -- navigation before the report -------------------------------------------------------------------------

class TestNavigationBeforeTheReport:
    def test_top_bar_one_item_per_line(self):
        rep = report("\n".join(TOP_BAR) + "\n" + CLEAN_TXT)
        assert rep.title == TITLE and rep.title_block.line == len(TOP_BAR) + 1
        assert rep.agency.name == AGENCY and rep.year == 2023 and rep.year_source == "title"
        assert findings("\n".join(TOP_BAR) + "\n" + CLEAN_TXT) == []

    def test_forty_navigation_lines_and_an_index_label(self):
        text = "\n".join(TOP_BAR + MENU + ["索 引 号："]) + "\n" + CLEAN_TXT
        rep = report(text)
        assert rep.title == TITLE and rep.agency.kind == "bureau"
        assert rep.period_year == 2023 and rep.format_version == "2021"
        assert findings(text) == []

    def test_a_wrong_period_after_the_navigation_is_still_found(self):
        text = "\n".join(TOP_BAR + MENU) + "\n" + CLEAN_TXT.replace("统计期限为2023年1月1日", "统计期限为2022年1月1日")
        got = [d for d in lint(text, fmt="text") if d.code == "DL406"]
        assert [(d.line, d.evidence["actual"]) for d in got] == [(len(TOP_BAR) + len(MENU) + 2, 2022)]
        assert "统计期限的年度2022年" in got[0].message

    def test_self_reference_after_the_navigation_is_still_checked(self):
        street = CLEAN_TXT.replace(AGENCY + "2023年", "江北市青溪区新桥街道办事处2023年")
        text = "\n".join(TOP_BAR + MENU) + "\n" + street
        rep = report(text)
        assert rep.agency.kind == "street_office"
        assert "DL301" in {c for c, _, _ in findings(text)}

    def test_navigation_bar_on_the_line_of_a_flattened_report(self):
        bar = " ".join(["今天是：", "无障碍浏览 | 长者模式 | 简体 | 繁體 | 手机版 | 登录 | 注册"] + MENU)
        text = bar + " " + CLEAN_FLAT
        rep = report(text)
        assert rep.title == TITLE and rep.agency.name == AGENCY
        assert rep.title_block.column == len(bar) + 2
        assert findings(text) == []

    def test_breadcrumb_line_then_a_flattened_report(self):
        text = "首页 > 政务公开 > 年度报告\n" + CLEAN_FLAT
        rep = report(text)
        assert rep.title == TITLE and rep.title_block.line == 2 and rep.agency.name == AGENCY
        assert findings(text) == []

    def test_a_menu_item_far_in_the_bar_is_not_the_title(self):
        """Far into a navigation bar only a title with its year is taken (a menu item 某某区政务公开年报 is not)."""
        bar = " ".join(MENU * 2 + ["青溪区政务公开年报"])
        rep = report(bar + " 本局认真贯彻《条例》，全年主动公开信息120条。 一、总体情况 正文。\n")
        assert rep.title is None

    def test_portal_category_value_is_not_the_title(self):
        rep = report("分类：\n政务公开 ; 年度报告\n名 称：\n" + CLEAN_TXT)
        assert rep.title == TITLE


# -- the page's dates ----------------------------------------------------------------------------------------

DATE_RULES = ["DL401", "DL403", "DL404", "DL407"]
RELATED = ("【打印本页】【关闭窗口】\n相关信息\n江北市青溪区财政局2023年政府信息公开工作年度报告 2024-01-21\n"
           "江北市青溪区教育局2023年政府信息公开工作年度报告 2024-01-22\n")


class TestPageDates:
    def test_related_list_after_the_report(self):
        assert findings(CLEAN_TXT + RELATED, select=DATE_RULES) == []
        rep = report(CLEAN_TXT + RELATED)
        assert str(rep.signature_mention.date) == "2024-01-18"
        assert [s.kind for s in rep.portal.spans][-3:] == ["related"] * 3

    def test_related_list_one_item_per_line_with_a_second_tab(self):
        items = ["相关信息", "热点专题", "江北市青溪区财政局2023年政府信息公开工作年度报告", "2024-01-21",
                 "优化营商环境", "2023-06-12", "政策解读", "2023-12-20"]
        assert findings(CLEAN_TXT + "\n".join(items) + "\n", select=DATE_RULES) == []

    def test_related_list_in_a_flattened_page(self):
        tail = (" 相关信息 热点专题 江北市青溪区财政局2023年政府信息公开工作年度报告 2024-01-21 优化营商环境 2023-06-12"
                " 网站地图 | 联系我们 主办单位：江北市青溪区人民政府办公室 网站标识码：3301040011")
        assert findings(CLEAN_FLAT + tail, select=DATE_RULES) == []

    def test_related_list_in_html_whose_label_the_reader_dropped(self):
        signature = '<p style="text-align:right">2024年1月18日</p>'
        html = render.to_html(CLEAN_MD)
        assert signature in html
        html = html.replace(signature, signature + (
            "<p>相关阅读：</p><ul><li><a href='/a.html'>江北市青溪区财政局2023年政府信息公开工作年度报告</a>"
            " 2024-01-20</li><li><a href='/b.html'>江北市青溪区教育局2023年政府信息公开工作年度报告</a> 2024-01-23</li>"
            "</ul>"))
        rep = report(html, "html")
        assert [b.text[-10:] for b in rep.lintable_blocks[-2:]] == ["2024-01-20", "2024-01-23"]
        assert findings(html, fmt="html", select=DATE_RULES) == []

    def test_date_greeting(self):
        text = "今天是2024年1月22日 星期一\n" + CLEAN_TXT
        assert findings(text, select=DATE_RULES) == []
        assert report(text).portal.spans[0].kind == "today"

    def test_label_and_value_on_two_lines_after_the_navigation(self):
        head = "\n".join(MENU + ["索 引 号：", "发布机构：", AGENCY, "发文日期：", "2024年01月18日"]) + "\n"
        rep = report(head + CLEAN_TXT)
        assert str(rep.published) == "2024-01-18" and rep.published_source == "发布日期"
        assert findings(head + CLEAN_TXT, select=DATE_RULES) == []

    def test_the_clerks_dates_are_still_checked(self):
        """A dated list inside the report's own prose is the clerk's: one line is not a list of links, and a
        date in a sentence is never one."""
        text = CLEAN_TXT.replace("全年提供查询服务约1.2万次。", "全年提供查询服务约1.2万次，2024-01-05上线新版。")
        got = findings(text + RELATED, select=DATE_RULES)
        assert ("DL403", text.split("\n").index(next(x for x in text.split("\n") if "2024-01-05" in x)) + 1,
                "2024-01-05") in got
        one = CLEAN_TXT.replace("江北市青溪区市场监督管理局\n2024年1月18日",
                                "江北市青溪区市场监督管理局\n2024年1月18日\n局长办公会议纪要 2024-02-20")
        assert {c for c, _, _ in findings(one, select=DATE_RULES)} >= {"DL403", "DL407"}


# -- font switch and footer ----------------------------------------------------------------------------------

class TestFontSwitchAndFooter:
    def test_font_switch_one_item_per_line(self):
        head = "发布时间：2024-01-19 15:20    来源：江北市青溪区市场监督管理局    浏览次数：128次    【字体：\n大\n中\n小\n】\n"
        assert findings(head + CLEAN_TXT, select=["DL703"]) == []

    def test_an_unclosed_bracket_of_the_clerk_is_still_reported(self):
        text = CLEAN_TXT.replace("全年提供查询服务约1.2万次。", "全年提供查询服务约1.2万次【含移动端。")
        got = findings("发布时间：2024-01-19 15:20 【字体：\n大\n中\n小\n】\n" + text, select=["DL703"])
        assert [c for c, _, m in got] == ["DL703"]

    def test_footer_mobile_number(self):
        footer = ("主办单位：江北市青溪区人民政府办公室 承办单位：青溪区大数据中心 联系电话：0571-86720000 "
                  "值班手机：13957123456 网站标识码：3301040011 浙ICP备10203040号-2 浙公网安备 33010402001234号\n")
        assert findings(CLEAN_TXT + footer, select=["DL504"]) == []
        rep = report(CLEAN_TXT + footer)
        assert rep.portal.spans[-1].kind == "footer"

    def test_footer_at_the_end_of_a_flattened_page(self):
        tail = " 网站地图 | 联系我们 主办单位：江北市青溪区人民政府办公室 值班手机：13957123456 网站标识码：3301040011"
        assert findings(CLEAN_FLAT + tail, select=["DL504"]) == []

    # the footer on lines of its own, its contact line last (a crawl of a page with no article container)
    FOOTER_LINES = ("网站地图 | 联系我们\n主办单位：江北市青溪区人民政府办公室\n"
                    "网站标识码：3301040011 浙ICP备10203040号-2\n联系电话：0571-86720000 值班手机：13957123456\n")

    NOTE = "建议使用IE9以上浏览器，1366×768分辨率浏览本站\n"

    @pytest.mark.parametrize("fmt", ["text", "md"])
    @pytest.mark.parametrize("note", ["", NOTE, "您是第123456位访客\n"])
    def test_the_footers_contact_line_under_its_marks(self, fmt, note):
        assert findings(CLEAN_TXT + self.FOOTER_LINES + note, fmt=fmt, select=["DL504"]) == []
        assert report(CLEAN_TXT + self.FOOTER_LINES + note, fmt=fmt).portal.spans[-1].kind == "footer"

    @pytest.mark.parametrize("note", ["", NOTE])
    def test_the_footers_contact_line_on_a_page_without_an_article_container(self, note):
        body = "".join(f"<p>{line}</p>" for line in CLEAN_TXT.splitlines() if line.strip())
        foot = "".join(f"<p>{line}</p>" for line in (self.FOOTER_LINES + note).splitlines())
        page = f"<html><head><meta charset='utf-8'></head><body><p>首页 | 政务公开</p>{body}{foot}</body></html>"
        assert findings(page, fmt="html", select=["DL504"]) == []
        # the same line above the footer, at the end of the report, is the report's
        page = page.replace(foot, "<p>联系电话：0571-86720000 值班手机：13957123456</p>" + foot)
        assert [(c, m) for c, _, m in findings(page, fmt="html", select=["DL504"])] == [("DL504", "139****3456")]

    def test_a_page_of_links_and_a_footer_is_not_emptied(self):
        # a column page (links only): its contact line is all the reader keeps; dropping it left "no text" (exit 2)
        links = "".join(f"<li><a href='/{y}.html'>江北市青溪区市场监督管理局{y}年政府信息公开工作年度报告</a></li>"
                        for y in range(2015, 2024))
        foot = "".join(f"<p>{line}</p>" for line in self.FOOTER_LINES.splitlines())
        doc = parse(f"<html><body><ul>{links}</ul>{foot}</body></html>", "html")
        assert "值班手机" in "".join(b.text for b in doc.blocks)

    @pytest.mark.parametrize("text", [
        # the clerk's own contact line before the footer's lines, or with a name (a person's number)
        CLEAN_TXT + "联系电话：0571-86720000 值班手机：13957123456\n" + FOOTER_LINES.rsplit("联系电话", 1)[0],
        CLEAN_TXT + FOOTER_LINES.replace("联系电话：", "联系人：张某 联系电话："),
        # a sentence after the footer: the lines before it are not known to end the page
        CLEAN_TXT + FOOTER_LINES + "如需帮助请致电以上号码。\n",
        # the clerk's own contact line, also when the page footer follows it on the same (flattened) line
        CLEAN_TXT + "联系人：张某 联系电话：13957123456\n",
        CLEAN_FLAT + " 联系人：张某 联系电话：13957123456 网站地图 | 主办单位：江北市青溪区人民政府办公室 网站标识码：3301040011",
        CLEAN_TXT.replace("请与我局办公室联系。", "请与我局办公室联系（13957123456）。"),
    ])
    def test_a_mobile_number_in_the_report_is_still_reported(self, text):
        got = findings(text, select=["DL504"])
        assert [(c, m) for c, _, m in got] == [("DL504", "139****3456")]


@pytest.mark.parametrize(("head", "title"), [
    # the page's headline without the place, its date line, then the article's own title with it
    ("区某某局2022年政府信息公开工作年度报告\n发布日期:2023-01-19 10:02:41 文章来源:本网\n",
     "某某市某某区某某局2022年政府信息公开工作年度报告"),
    # a diagram's headline before the title is not a place: the first title stays
    ("某某市某某区某某局2022年政府信息公开工作年度报告\n\n", "(图解)某某市某某区某某局2022年政府信息公开工作年度报告"),
])
def test_the_articles_own_title_below_the_headline(head, title):
    text = head + title + "\n一、总体情况\n2022年，本局认真贯彻《条例》。\n"
    rep = interpret(parse(text, "text"))
    expected = title if title.startswith("某某") else head.split("\n")[0]
    assert rep.title == expected
    assert [d.code for d in lint(text, fmt="text", select=["DL116"])] == []
