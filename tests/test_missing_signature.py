"""DL410 missing-signature: a report that ends without its 落款 (the agency's name and the date).

With no 落款 date and no publication date on the page, DL405 (the deadline) cannot run and nothing said so: the
report passed as 未发现问题.  Kept quiet: a 落款 the date rules read, a date-like ending other rules report (DL402
month-only or without 日, DL502 blank), a 落款 a flattened crawl joined to the last sentence, a file cut off (DL002),
a report ending with a picture (a seal)."""

from __future__ import annotations

from .conftest import lint

T2 = "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n| 规章 | 0 | 0 | 0 |"
T3 = "| 申请人情况 | 自然人 |\n|---|---|\n| 一、本年新收政府信息公开申请数量 | 3 |"
T4 = "| 行政复议 | 结果维持 |\n|---|---|\n| 总计 | 0 |"


def report(tail: str, *, head: str = "") -> str:
    lines = [
        "# 青禾市某某局2023年政府信息公开工作年度报告", "", *([head, ""] if head else []),
        "## 一、总体情况", "", "2023年，本局认真贯彻落实《条例》，全年主动公开政府信息132条。", "",
        "## 二、主动公开政府信息情况", "", T2, "",
        "## 三、收到和处理政府信息公开申请情况", "", T3, "",
        "## 四、政府信息公开行政复议、行政诉讼情况", "", T4, "",
        "## 五、存在的主要问题及改进情况", "", "一是政策解读形式较为单一。下一步将丰富解读形式，按季度检查目录。", "",
        "## 六、其他需要报告的事项", "", "本年度未收取信息处理费。2023年政务公开工作要点已全部落实。", "",
    ]
    return "\n".join(lines) + tail


def dl410(text: str, fmt: str = "markdown"):
    return [d for d in lint(text, fmt=fmt) if d.code == "DL410"]


def test_no_signature_at_all_is_one_note_that_says_the_deadline_is_unchecked():
    d = dl410(report(""))
    assert len(d) == 1 and d[0].severity == "info"
    assert d[0].message.startswith("未找到落款（机关名称和成文日期）")
    assert "无法核对是否按期公布" in d[0].message and "DL405 未检查" in d[0].message
    assert d[0].match.startswith("本年度未收取信息处理费")


def test_agency_without_its_date():
    d = dl410(report("\n青禾市某某局\n"))
    assert len(d) == 1 and d[0].message.startswith("落款只有机关名称“青禾市某某局”，未找到成文日期")


def test_with_a_publication_date_on_the_page_only_what_is_missing_is_said():
    d = dl410(report("", head="发布日期：2024-01-22"))
    assert len(d) == 1 and "DL405" not in d[0].message and "按期公布" not in d[0].message
    assert d[0].evidence["published_source"] == "发布日期"


def test_a_signature_or_a_date_other_rules_report_is_no_missing_signature():
    for tail in ("\n青禾市某某局\n\n2024年1月20日\n", "\n青禾市某某局　　2024年1月20日\n", "\n2024年1月20日\n",
                 "\n青禾市某某局\n\n二〇二四年一月二十日\n", "\n青禾市某某局\n\n2024年1月\n",
                 "\n青禾市某某局\n\n2024年1月20\n", "\n青禾市某某局\n\n2024年  月  日\n",
                 "\n青禾市某某局\n\n2024年1月  日\n", "\n青禾市某某局\n\n2024年X月X日\n",
                 "\n青禾市某某局\n\n2024.1.20\n", "\n青禾市某某局\n\n![公章](seal.png)\n"):
        assert dl410(report(tail)) == [], tail


def test_a_signature_joined_to_the_last_sentence_by_a_crawl():
    text = report("").replace("已全部落实。", "已全部落实。青禾市某某局2024年1月20日")
    assert dl410(text) == []



FLAT = ("青禾市某某局2023年政府信息公开工作年度报告 一、总体情况 2023年，本局认真贯彻落实《条例》，全年主动公开政府信息132条。"
        " 二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 0"
        " 三、收到和处理政府信息公开申请情况 本年未收到政府信息公开申请。 四、政府信息公开行政复议、行政诉讼情况 本年未发生行政复议。"
        " 五、存在的主要问题及改进情况 一是政策解读形式较为单一。下一步将丰富解读形式。 六、其他需要报告的事项 本年度未收取信息处理费。")


def test_a_whole_report_on_one_line():
    assert len(dl410(FLAT, fmt="text")) == 1
    assert dl410(FLAT + " 青禾市某某局 2024年1月20日", fmt="text") == []
    assert dl410(FLAT + "青禾市某某局2024年1月20日", fmt="text") == []


def test_a_file_cut_off_is_not_missing_its_signature():
    text = report("").split("## 六、")[0] + "## 六、其他需要报告的事项\n"
    assert dl410(text) == []
    assert dl410(report("").split("## 五、")[0]) == []  # ends in 四's table: the rest was not read


def test_a_copy_that_stops_inside_a_clause_of_part_six_is_not_missing_its_signature():
    # (a cut in part 六 is not DL002's — part 六 may end without a mark — but one inside a clause says the copy was cut)
    text = report("").replace("2023年政务公开工作要点已全部落实。", "设立便民服务热线账号，安排人员负")
    assert dl410(text) == []


def test_a_copy_cut_after_a_long_clause_of_part_six_is_not_missing_its_signature():
    # (real: a mirror cut at …、开阳高速开平段扩建工程主线及月山互通连接线工程全面 — 26 characters after the last 、)
    text = report("").replace("2023年政务公开工作要点已全部落实。",
                              "一是高速公路项目进展顺利。北环段、南环段、东环高速扩建工程主线及互通连接线工程全面")
    assert dl410(text) == []
    # a long clause that is an agency's name is the 落款's first half, not a cut
    from disclosure_lint.kinds.signature import _long_clause_cut

    assert not _long_clause_cut("欢迎社会各界监督，青禾市某某区人民政府办公室")
    assert _long_clause_cut("北环段、南环段、东环高速扩建工程主线及互通连接线工程全面")


def test_a_signature_with_the_pages_tools_printed_after_its_date_is_found():
    """A portal page printed to PDF (Chrome's print): the date of the 落款 and the page's 【打印本页】【关闭窗口】
    on one line, the related links and the site footer after it — the 落款 is there, its date is the publication's."""
    from disclosure_lint.readers import text as text_reader
    from disclosure_lint.report import interpret

    tail = "\n\n".join(["", "青禾市某某局", "2024年1月19日【打印本页】【关闭窗口】", "相关文章", "政府信息公开指南",
                        "主办单位：青禾市人民政府办公室", "网站标识码：0000000000"])
    assert dl410(report(tail)) == []
    rep = interpret(text_reader.parse(report(tail).replace("## ", "").replace("# ", "")))
    assert rep.signature_mention is not None and str(rep.published) == "2024-01-19"
    # words after the date are not the page's tools: not a 落款 date
    other = report("\n\n青禾市某某局\n\n2024年1月19日印发至各科室\n").replace("## ", "").replace("# ", "")
    assert interpret(text_reader.parse(other)).signature_mention is None


def test_a_whole_free_text_report_without_its_signature_is_noted():
    # a report written in its own parts (not the format's), ending with 其他需要报告的事项 and no 落款 — a scraped page
    text = ("某某街道2019年政府信息公开工作年度报告\n发布日期: 2020-01-22 00:00:00 浏览次数:\n"
            "一、2019年政务公开工作完成情况及成效\n2019年，我街道主动公开政府信息46条。\n"
            "二、存在的不足与难点\n一是部分信息公开不够及时；二是公开形式有待丰富。\n"
            "三、下一步工作计划\n2020年，我街道将继续推进信息公开工作。\n"
            "四、其他需要报告的事项\n暂时没有其他需要报告的事项。\n")
    [d] = dl410(text, fmt="text")
    assert d.line == 10 and "未找到落款" in d.message and "无法核对" not in d.message  # the page's 发布日期 is known
    # an excerpt that stops before its last part: no note (it may be cut off, the 落款 after the cut)
    assert dl410(text.split("四、")[0], fmt="text") == []


def test_a_date_that_begins_a_sentence_broken_at_it_is_no_signature():
    """A real crawl broke a sentence at its date (根据《规定》要求， / 2004年5月1日起 / 本委开始开展…) and was cut later:
    the date is no 落款 (it was, so the cut went unreported and the report seemed signed in 2004)."""
    from disclosure_lint.report import interpret

    from .conftest import parse

    text = ("某某区某某委员会2017年政府信息公开工作年度报告\n一、概述\n根据《某某市政府信息公开规定》要求，\n2004年5月1日起\n"
            "本委开始开展政府信息公开工作，专门配备了2名兼职工作人员，推进政府信息公开工作顺利开")
    rep = interpret(parse(text, fmt="text"))
    assert rep.signature_mention is None
    assert "DL002" in [d.code for d in lint(text, fmt="text")]
