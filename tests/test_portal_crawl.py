"""A crawler's header above a saved page's text (report/portal_crawl.py): ``label: value`` lines from the first line,
closed by a rule line.  None of it is the clerk's text (no half-width punctuation findings on it); the fields the
portal scan knows are still read (the publication date); the title field stays the title.  The texts are our own."""

from __future__ import annotations

from disclosure_lint.report import interpret
from disclosure_lint.report.portal import find_metadata

from .conftest import OVERVIEW_TOPICS, lint, parse

# the saved page's text as such a crawler gives it: one line, the breadcrumb and the page's byline before the report
BODY = ("当前位置： 首页政务公开政府信息公开年报 某某县某某局2023年政府信息公开工作年度报告 来源：某某县某某局 "
        "时间：2024-01-20 09:30 一、总体情况 2023年，我局认真贯彻《中华人民共和国政府信息公开条例》。" + OVERVIEW_TOPICS
        + " 二、主动公开政府信息情况 本年主动公开信息120条。\n")

HEADER = ("标题: 某某县某某局2023年政府信息公开工作年度报告\n"
          "发布时间: 2024-01-20 09:30\n"
          "文号: \n"
          "发布机构: 某某县某某局\n"
          "栏目: 政府信息公开年报\n"
          "原文链接: https://www.example.gov.cn/zwgk/ndbg/202401/t20240120_1.htm\n"
          "本地目录: zwgk/ndbg/202401/1_某某局年报\n"
          "页面附件另存 files(同目录)\n")
RULE = "==================== 正文 ====================\n"


def _ascii_punct_lines(text: str) -> list[int]:
    return [d.line for d in lint(text, select=["DL701"], fmt="text")]


def test_a_crawlers_header_is_not_the_clerks_text():
    assert _ascii_punct_lines(HEADER + RULE + BODY) == []
    # (without its rule line the header is not told apart: its own fields only, as before)
    assert _ascii_punct_lines(HEADER + BODY) == [5, 6, 7, 8, 8]


def test_its_fields_are_still_read_and_the_title_field_stays_the_title():
    doc = parse(HEADER + RULE + BODY, "text")
    meta = find_metadata(doc.blocks)
    crawl = [(s.block.line, s.label, s.value) for s in meta.spans if s.kind == "crawl"]
    assert crawl == [(5, "栏目", "政府信息公开年报"),
                     (6, "原文链接", "https://www.example.gov.cn/zwgk/ndbg/202401/t20240120_1.htm"),
                     (7, "本地目录", "zwgk/ndbg/202401/1_某某局年报"), (8, "", "页面附件另存 files(同目录)"),
                     (9, "", RULE.strip())]
    assert not meta.is_line(doc.blocks[0])  # 标题: … is left to the title
    report = interpret(doc)
    assert str(report.published) == "2024-01-20"
    assert report.year == 2023


def _crawl_lines(text: str) -> list[int]:
    return [s.block.line for s in find_metadata(parse(text, "text").blocks).spans if s.kind == "crawl"]


def test_what_is_not_a_crawlers_header():
    assert _crawl_lines(HEADER + RULE + BODY) == [5, 6, 7, 8, 9]
    # lines of label: value at the top with a rule below them, none of them a field a portal writes
    assert _crawl_lines("说明: 本稿为征求意见稿(内部)\n起草: 办公室\n联系: 张某\n" + RULE + BODY) == []
    # the rule more than 16 lines down
    assert _crawl_lines(HEADER + "".join(f"备注{i}: 无(空)\n" for i in range(10)) + RULE + BODY) == []
    # not from the first line (a report's own text above it)
    assert _crawl_lines("某某县某某局2023年政府信息公开工作年度报告\n" + HEADER + RULE + BODY) == []
    # too few field lines: two in three at least
    assert _crawl_lines("发布时间: 2024-01-20\n一行说明\n又一行说明\n再一行说明\n" + RULE + BODY) == []
    # a table before the rule
    assert _crawl_lines(HEADER + "| 栏目 | 数量 |\n|---|---|\n| 年报 | 1 |\n" + RULE + BODY) == []
