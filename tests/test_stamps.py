"""The page's date stamp near the title (report.stamps): a publication date of last resort, weaker than 发布日期."""

from __future__ import annotations

from disclosure_lint.readers import read_document
from disclosure_lint.report import AnnualReport


def _report(text: str, fmt: str = "text") -> AnnualReport:
    return AnnualReport(read_document("page.txt" if fmt == "text" else "draft.md", text.encode()))


def test_a_lone_date_under_the_title_is_the_pages_stamp() -> None:
    r = _report("某某市某某局2023年政府信息公开工作年度报告\n2024-02-07\n一、总体情况\n本局全年主动公开政府信息120条。\n")
    assert r.stamp_mention is not None and r.stamp_mention.raw == "2024-02-07"
    assert (str(r.published), r.published_source) == ("2024-02-07", "页面日期")


def test_the_unlabelled_date_leading_the_portals_line_of_fields() -> None:
    r = _report("某某市某某局2023年政府信息公开工作年度报告\n2024-02-07 18:07　　来源：某某市某某局\n一、总体情况\n正文。\n")
    assert (str(r.published), r.published_source) == ("2024-02-07", "页面日期")


def test_the_date_then_the_publishing_body_then_the_pages_font_switch() -> None:
    text = "某某镇2021年度政府信息公开工作年度报告\n2022-01-29 10:27:52 某某市人民政府办公室 字体:\n一、总体情况\n正文。\n"
    r = _report(text)
    assert (str(r.published), r.published_source) == ("2022-01-29", "页面日期")
    from .conftest import lint

    assert lint(text, fmt="text", select=["DL403"]) == []  # the page's, not the clerk's


def test_a_labelled_publication_date_comes_first() -> None:
    r = _report("某某市某某局2023年政府信息公开工作年度报告\n2024-02-07\n发布日期：2024-01-20\n一、总体情况\n正文。\n")
    assert (str(r.published), r.published_source) == ("2024-01-20", "发布日期")


def test_a_stamp_comes_before_the_signature() -> None:
    r = _report("某某市某某局2023年政府信息公开工作年度报告\n2024-02-07\n一、总体情况\n本局全年主动公开政府信息120条。\n"
                "某某市某某局\n2024年1月20日\n")
    assert (str(r.published), r.published_source) == ("2024-02-07", "页面日期")


def test_a_date_line_below_the_first_part_is_not_a_stamp() -> None:
    r = _report("某某市某某局2023年政府信息公开工作年度报告\n一、总体情况\n2024-02-07\n本局全年主动公开政府信息120条。\n")
    assert r.stamp_mention is None and r.published_source != "页面日期"


def test_a_date_under_a_drafts_title_is_not_a_posting() -> None:
    r = _report("# 某某市某某局2023年政府信息公开工作年度报告\n\n2024-02-07\n\n## 一、总体情况\n\n正文。\n", "markdown")
    assert r.stamp_mention is None and r.published_source is None


def test_a_date_in_a_sentence_near_the_title_is_not_a_stamp() -> None:
    r = _report("某某市某某局2023年政府信息公开工作年度报告\n本报告于2024年2月7日经局务会审议通过。\n一、总体情况\n正文。\n")
    assert r.stamp_mention is None


def test_the_date_on_the_pages_title_line_above_the_reports_title() -> None:
    # the page's title with its date, then the body's name and the report's title on two lines of their own
    text = ("2025年政府信息公开工作年度报告 ( 2026-01-30 )\n\n某某市住房和城乡建设管理委员会\n\n2025年政府信息公开工作年度报告\n"
            "一、总体情况\n正文。\n")
    r = _report(text)
    assert r.title == "某某市住房和城乡建设管理委员会2025年政府信息公开工作年度报告"
    assert (str(r.published), r.published_source) == ("2026-01-30", "页面日期")
    from .conftest import lint

    assert lint(text, fmt="text", select=["DL403", "DL404"]) == []


def test_more_shapes_of_the_pages_stamp_and_fields() -> None:
    from .conftest import lint

    for line, stamped in [("中国某某政府门户网站      2024-01-31 16:46:10  来源: 本网", "2024-01-31"),
                          ("市政府办公室  2024-01-23【打印该页】", "2024-01-23"),
                          ("【信息时间:2025-02-11   发布机构:某某县交通运输局 】", None)]:
        text = f"某某县某某局2024年政府信息公开工作年度报告\n{line}\n一、总体情况\n本局全年主动公开政府信息120条。\n"
        r = _report(text)
        assert (str(r.published) if r.published else None) == stamped, line
        assert lint(text, fmt="text", select=["DL403", "DL404"]) == [], line


def test_a_line_of_many_dates_is_not_searched_once_a_date(monkeypatch) -> None:
    """A line of a quarter megabyte with a date every 20 characters: each date's line was found by searching the whole
    line (twenty seconds for a megabyte); it is cut to a few hundred characters around the date (no timing here: the
    lines handed out are counted)."""
    from disclosure_lint.report import stamps

    seen: list[int] = []
    line = stamps._line

    def counted(d):
        got = line(d)
        seen.append(len(got[1]))
        return got

    monkeypatch.setattr(stamps, "_line", counted)
    r = _report("某某市某某局2011年政府信息公开工作年度报告\n" + "二○一二年二月二十日 附件1：" * 12_000 + "\n一、总体情况\n正文。\n")
    r.stamp_mention  # noqa: B018 - read for its work
    assert seen and max(seen) <= 2 * stamps._LINE_REACH + 20
