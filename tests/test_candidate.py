"""AnnualReport.candidate (report/candidate.py): does a file look like an annual report at all?"""

from __future__ import annotations

import pytest

from disclosure_lint.report import interpret

from .conftest import parse


def cand(text: str, fmt: str = "text"):
    return interpret(parse(text, fmt)).candidate


@pytest.mark.parametrize(("text", "signs"), [
    ("某某区某某局2023年政府信息公开工作年度报告\n本局认真贯彻《条例》。\n", ("title",)),
    ("一、总体情况\n本局认真贯彻《条例》。\n二、主动公开政府信息情况\n本年未制发规范性文件。\n", ("section",)),
    ("前言说明。\n（略）\n总体来看 一、总体情况 2023年，本局认真贯彻《条例》。 二、主动公开政府信息情况 本年未制发规范性文件。\n",
     ("section",)),  # the inline analysis (report/inline.py) splits the titles out
    ("某某区某某局2023年政府信息公开工作年度报告 一、总体情况 2023年，本局认真贯彻《条例》。\n", ("title", "section")),
    ("当前位置：首页 > 年报\n发布日期：2024-01-09\n某某区某某局2023年政府信息公开工作年度报告\n正文。\n", ("title",)),
    ("![](page-1.jpg)\n\n![](page-2.jpg)\n", ("unread",)),
    # a cut copy with neither its title nor a part's heading, whose opening names it as the year's report
    ("根据《条例》规定，现公布某某省人民政府办公厅2023年政府信息公开工作年度报告。\n（一）主动公开方面。全年公开信息345条。\n",
     ("self-named",)),
    ("本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
     "存在的主要问题及改进情况、其他需要报告的事项六部分组成。\n全年公开信息345条。\n", ("self-named",)),
    # (a real province-level city's: the basis, then 发布 and the report's title quoted)
    ("根据《条例》规定和《关于政府信息公开工作年度报告有关事项的通知》要求，发布《某某市2020年政府信息公开工作年度报告》。\n"
     "2020年，某某市坚持依法公开。全市主动公开政府信息152万条。\n", ("self-named",)),
    ("（一）总体情况\n2021年，本局认真贯彻《条例》。\n（二）政府信息公开情况\n全年公开信息50条。\n", ("inline-section",)),
    # an excerpt starting inside part 一: two of its items in the 2021 format, one of them the report's own
    ("(一)主动公开政府信息的情况\n全年共主动公开政府信息89条。\n(二)依申请公开情况\n未收到申请。\n"
     "(三)政府信息管理及规范化建设情况\n明确专人负责。\n", ("part-one-items",)),
])
def test_plausible(text, signs):
    c = cand(text, "markdown" if text.startswith("!") else "text")
    assert c.plausible and c.signs == signs and c.reason is None


@pytest.mark.parametrize("text", [
    "# 年度报告存放说明\n\n本目录存放各单位的年度报告，报告应包括“总体情况”等内容。\n",
    "会议记录\n一、会议时间：2024年1月5日\n二、参会人员：办公室全体人员\n",
    "首页 > 政务公开 > 某某区某某局2023年政府信息公开工作年度报告\n相关链接。\n",  # a breadcrumb is no title
    "待办：\n1. 更新政府信息公开指南\n2. 核对年度报告统计表\n",
    # a news page about the year's reports: its line names the platform that shows them, no report's title
    "每年3月31日前，各级行政机关应当公布本单位政府信息公开工作年度报告。\n"
    "2016年政府信息公开工作年度报告展示平台 来源:中国政府网\n从严守时间节点，到移动端适配进一步优化。\n",
    "某某市政府信息公开工作年度报告专栏\n各单位年度报告按发布时间排列。\n",
    # a guide to disclosure: 主动公开 and 依申请公开 only
    "（一）主动公开\n本机关主动公开的信息见目录。\n（二）依申请公开\n申请人可当面或书面提出申请。\n",
])
def test_not_a_report(text):
    c = cand(text, "markdown" if text.startswith("#") else "text")
    assert not c.plausible and c.reason.startswith("不像政府信息公开工作年度报告")


@pytest.mark.parametrize("title", [
    "文字解读:某某街道办事处2022年政府信息公开工作年度报告",
    "图解：某某区2023年政府信息公开工作年度报告",
    "一图读懂某某县2024年政府信息公开工作年度报告",
    "《某某市2023年政府信息公开工作年度报告》解读",
])
def test_a_reading_of_the_report_is_not_one(title):
    """A real street office's 文字解读 page (its parts 一、编制背景 二、编制依据 …) had a DL103 error for the format it
    does not follow: it is about the report, not the report."""
    text = (f"{title}\n一、编制背景\n根据《条例》有关要求，编写本报告。\n二、编制依据\n《中华人民共和国政府信息公开条例》\n"
            "三、主要内容\n报告共分为六大部分，分别为总体情况，主动公开政府信息情况等。\n")
    c = cand(text)
    assert not c.plausible and c.reason == f"不像政府信息公开工作年度报告：标题“{title}”是对年度报告的解读，不是报告本身"


@pytest.mark.parametrize("title", [
    "某某市人民政府办公室关于做好2025年政府信息公开工作年度报告编制和发布工作的通知",
    "某某省人民政府办公厅关于2009年政府信息公开工作年度报告编制公布情况的通报",
    "某某办公室关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知",
])
def test_a_notice_about_the_years_reports_is_not_one(title):
    """A notice or circular about the reports (how to compile them, how they were published, the format itself) is
    skipped in a folder run: it has a title with 年度报告 in it, and quotes the format's part titles, but no report."""
    text = (f"{title}\n各区县人民政府，市政府各部门：\n为做好年度报告工作，现就有关事项通知如下。报告应包括“一、总体情况”"
            "“二、主动公开政府信息情况”等内容。\n某某市人民政府办公室\n2025年12月19日\n")
    c = cand(text)
    assert not c.plausible and c.reason == f"不像政府信息公开工作年度报告：标题“{title}”是关于年度报告的通知或通报，不是一个机关的年度报告"


@pytest.mark.parametrize("title", ["某某区教育局关于印发2025年政府信息公开工作年度报告的通知",
                                   "某某市人民政府关于报送某某市2020年度政府信息公开工作年度报告的函"])
def test_a_reports_cover_letter_is_kept(title):
    """关于印发/报送…年度报告的通知/函: the report's cover letter, the report under it (here cut after part 一)."""
    text = (f"{title}\n本局各股室：\n现将年度报告印发给你们。\n某某市2020年度政府信息公开工作年度报告\n一、总体情况\n"
            "2020年，我局认真贯彻《条例》，全年公开信息120条。\n")
    assert cand(text).plausible


def test_a_meeting_about_the_reports_is_no_title():
    text = "【工作推进】某某县召开2023年度政府信息公开工作年报编制和发布部署会\n会议要求各单位按时报送年报。\n"
    assert not cand(text).plausible


def test_linear_on_a_huge_line():
    text = "一" + " " * 500_000 + "会议记录，" * 100_000
    assert not cand(text + "\n").plausible


def test_a_report_in_traditional_script_is_said_so():
    """A mirror site's copy in traditional script: not read as a report (the tool reads simplified), and the reason
    says why — not "no title, no parts"."""
    text = ("一、總體情況\n根據《中華人民共和國政府信息公開條例》規定，向社會公布2021年本級政府信息公開工作年度報告。"
            "本報告中所列數據的統計時限為2021年1月1日至2021年12月31日。\n二、主動公開政府信息情況\n"
            "本縣認真落實《條例》，主動公開政府信息，辦理申請，處理複議和訴訟，統計數據準確，網站門戶運行正常。\n")
    c = cand(text)
    assert not c.plausible and "文字是繁体字（如“總體情況”“年度報告”“政府信息公開”）" in c.reason
    # a simplified report quoting a traditional name now and then is read as ever
    assert cand("某某局2023年政府信息公开工作年度报告\n本局与澳門特別行政區某某局開展交流。\n").plausible


def test_a_report_in_traditional_script_named_directly_is_not_blamed_for_its_format():
    """Named on the command line, a traditional-script copy is said once to be unread (DL005: the format checks were
    not done): not also blamed for missing the unified format's parts that the tool could not read (DL103), and a
    mirror's pinyin readings (據(jù)) are no half-width brackets of the report (DL701)."""
    from .conftest import lint

    text = ("某某縣某某局2021年政府信息公開工作年度報告\n一、總體情況\n根據(jù)《中華人民共和國政府信息公開條例》規定，"
            "向社會公布2021年本局政府信息公開工作年度報告。本報告中所列數據的統計時限為2021年1月1日至2021年12月31日。\n"
            "二、主動公開政府信息情況\n本局認真落實《條例》，主動公開政府信息，辦理申請，處理複議和訴訟，統計數據準確，"
            "網站門戶運行正常(zhèng)。\n")
    assert [d.code for d in lint(text, fmt="text")] == ["DL005"]


_SCHOOL = ("某某大学2022—2023学年信息公开工作年度报告\n本年度报告根据《高等学校信息公开办法》（教育部令第29号）编制。"
           "报告中所列数据的统计期限为2022年9月1日到2023年8月31日。\n一、概述\n学校全年主动公开信息120条。\n")


def test_a_schools_own_disclosure_report_is_another_regime():
    # a university's report (an academic year, 教育部令第29号): skipped in a folder, with why …
    c = cand(_SCHOOL)
    assert not c.plausible and "学校的信息公开年度报告" in c.reason and "教育部令第29号" in c.reason
    # … and named on the command line, said once: no check of the government format (the year is not read)
    from .conftest import lint

    assert [d.code for d in lint(_SCHOOL, fmt="text")] == ["DL005"]


def test_an_education_bureau_speaking_of_its_schools_is_a_government_report():
    text = ("某某县教育局2023年政府信息公开工作年度报告\n本局督促全县学校做好学校信息公开年度报告编制工作，"
            "指导2022-2023学年学生资助信息公开。\n一、总体情况\n本局全年主动公开信息120条。\n")
    assert cand(text).plausible
    assert interpret(parse(text, "text")).year == 2023


_ENTERPRISE = ("根据供电企业信息公开工作有关要求，某某供电公司编制了《某某供电公司2020年度信息公开年度报告》。本报告由概述、"
               "主动公开信息情况、回应解读情况、依申请公开情况、举报投诉情况、存在问题及改进措施六部分组成。\n"
               "一、概述\n2020年，某某供电公司按照供电企业信息公开的要求，全年公开信息52条。\n")


def test_a_public_enterprises_own_disclosure_report_is_another_regime():
    # a power supply company's report (a real page, 《供电企业信息公开实施办法》): DL103 said it was not in the unified
    # format; skipped in a folder, said once on the command line
    c = cand(_ENTERPRISE)
    assert not c.plausible and "公共企事业单位的信息公开年度报告" in c.reason and "供电企业信息公开" in c.reason
    from .conftest import lint

    assert [d.code for d in lint(_ENTERPRISE, fmt="text")] == ["DL005"]
    # a bureau's report that speaks of the enterprises it oversees is the bureau's
    text = ("某某市发展和改革委员会2023年政府信息公开工作年度报告\n本委督促供电企业信息公开，推进公共企事业单位信息公开。\n"
            "一、总体情况\n本委全年主动公开信息120条。\n")
    assert cand(text).plausible and interpret(parse(text, "text")).year == 2023


def test_the_school_gate_holds_every_match_of_the_pattern():
    # school_report searches _SCHOOL only where one of _WORDS is (str's search): no match of it lacks one
    import random

    from disclosure_lint.report import regime

    pieces = ["高等学校", "信息公开", "办法", "高校", "学校", "年度报告", "工作", "教育部令", "第", "29号", "2022", "-", "—",
              "至", " ", "2023", "学年", "学", "年", "x"]
    rnd = random.Random(12)
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        if regime._SCHOOL.search(text):
            assert any(w in text for w in regime._WORDS), text


@pytest.mark.parametrize("head", ["《政务公开年度工作总结(汇编12篇)》", "政务公开工作总结范文", "政务公开年度工作总结 篇3"])
def test_a_compilation_of_model_texts_is_no_report(head):
    # a document site's collection: a part found by its words (一、20xx年度…工作的基本情况) is no body's report
    text = head + "\n20xx年以来，xx县某局把政府信息公开工作作为一项重要工作来抓。\n一、20xx年度政务公开工作的基本情况\n全年公开信息。\n"
    c = cand(text)
    assert not c.plausible and "范文或文章的汇编" in c.reason


def test_a_report_whose_first_line_names_a_compilation_keeps_its_title():
    # a report title is a sign whatever the line above it says (a portal's menu of 范文)
    text = "范文汇编\n某某区某某局2023年政府信息公开工作年度报告\n一、总体情况\n本局认真贯彻《条例》。\n"
    assert cand(text).plausible


def test_an_opening_that_gives_the_reports_statistics_period_is_a_sign():
    # no title, part 一 under a title of its own (一、工作总体推进情况): the opening's 统计期限 of the report says what it is
    text = ("根据《条例》规定编制本报告。报告数据统计期限为2025年1月1日至2025年12月31日。\n一、工作总体推进情况\n"
            "本镇成立政府信息公开工作小组，配备专职工作人员2名。\n")
    c = cand(text)
    assert c.plausible and c.signs == ("self-named",)
    # a statistics period of something else is no sign
    assert not cand("本次调查数据统计期限为2025年1月1日至2025年6月30日。\n一、调查对象\n全县农户。\n").plausible


@pytest.mark.parametrize("opening", [
    # an old free-form town's report (2018): its opening names the data's period after the maker, far from 报告
    "本报告是根据《中华人民共和国政府信息公开条例》要求，由某某镇人民政府办公室汇总全镇政府信息公开工作情况编制而成，"
    "所列数据的统计期限为2018年1月1日至2018年12月31日。",
    # a department's 2020 report whose first part is titled otherwise (一、总体公开情况): the format cited, this report made
    "为进一步贯彻落实《中华人民共和国政府信息公开条例》，按照《中华人民共和国政府信息公开工作年度报告格式（试行）》要求，编制此报告。",
])
def test_an_opening_that_makes_this_report_is_a_sign(opening):
    c = cand(opening + "\n一、总体公开情况\n2020年，本厅认真贯彻落实《条例》，全面落实“五公开”要求。\n")
    assert c.plausible and c.signs == ("self-named",)
    # the format cited for something else, or data of another kind, is no sign
    assert not cand("按照《中华人民共和国政府信息公开工作年度报告格式》要求，组织培训。\n一、培训对象\n各科室。\n").plausible
    assert not cand("所列数据为抽样调查结果。\n一、调查对象\n全县农户。\n").plausible


@pytest.mark.parametrize(("text", "words"), [
    # the shapes of real pages (written anew): a guide whose part 二 is 主动公开, an office's notice of how it handles
    # applications (三、申请的处理), a notice issuing the year's work points, a body's final accounts
    ("政府信息公开指南\n（2021年版）\n根据《条例》规定，编制本指南。\n一、目录编排体系\n本机关目录按主题编排。\n"
     "二、主动公开\n（一）公开范围。\n", "政府信息公开指南"),
    ("为方便公众查找某某区政府依法公开的政府信息，根据《条例》的规定，制定本指南。\n一、主动公开政府信息\n（一）公开的范围。\n",
     "制定本指南"),
    ("某某市人民政府办公厅受理政府信息公开申请说明 一、受理机构 某某市人民政府办公厅负责。 二、申请的提出 应填写申请表。"
     " 三、申请的处理 1、已经主动公开的，告知申请人获取方式；\n", "受理政府信息公开申请说明"),
    ("某府办〔2023〕41号\n某某县人民政府办公室\n关于印发《2023年全县政务公开工作要点》的通知\n各乡镇人民政府：\n"
     "一、加大主动公开力度\n（一）做好政策公开。\n", "关于印发《2023年全县政务公开工作要点》的通知"),
    ("某某县审计局2020年部门决算\n目 录\n一、收入支出决算总体情况说明\n本部门收入50万元。\n", "部门决算"),
    ("某某省人民政府关于2022年以来预算执行情况的报告\n——在省人大常委会会议上\n一、预算执行基本情况\n今年以来，收入平稳。\n",
     "预算执行情况的报告"),
])
def test_another_kind_of_document_is_not_a_report(text, words):
    """A page whose part titles match the format's only by their words (二、主动公开, 三、申请的处理), with no statistics
    table, whose head names another kind of document, is skipped (real guides and notices got DL005, DL114, DL406)."""
    c = cand(text)
    assert not c.plausible and c.reason == (f"不像政府信息公开工作年度报告：开头写有“{words}”，是其他文件（指南、说明、工作要点、"
                                            "决算或制度等），不是年度报告")


@pytest.mark.parametrize("text", [
    # an old report citing the year's work points (in 《》), one naming itself 本报告: reports
    ("本报告根据《条例》要求，由某某县人民政府办公室编制。\n一.概述\n2017年某某县按照《国务院办公厅关于印发2017年政务公开工作要点的"
     "通知》要求，全面推进五公开。\n"),
    "2017年某某县政府信息公开工作年度报告\n某某县政务公开工作要点的通知已印发。\n一、概述\n全年公开信息120条。\n",
    # a part's title written exactly: a report whatever its head says
    "关于印发某某县政府信息公开制度的通知已转发。\n一、总体情况\n全年公开信息120条。\n",
    # an old report (a real page, written anew) whose part 二 says it updated its guide: the head is before part 二
    "一、概述\n2010年，我局继续开展政府信息公开工作。\n二、政府信息主动公开情况\n我局更新了政府信息公开指南，全年公开信息175条。\n",
])
def test_a_report_that_names_another_document_stays_one(text):
    assert cand(text).plausible


def test_rules_for_compiling_reports_are_not_a_report():
    """A real page (written anew): a county's rules for the annual reports, articles 第一条… naming themselves 本制度 and
    the reports they govern — read as a report whose year was unknown (DL005 said so, not what the page is)."""
    text = ("第一条 为促进政府信息公开，依据《中华人民共和国政府信息公开条例》，制定本制度。\n"
            "第二条 本制度由县政府信息公开主管部门负责组织实施。\n"
            "第三条 各乡镇人民政府负责编制本区域的政府信息公开工作年度报告。\n"
            "第四条 年度报告主要包括以下内容：\n（一）主动公开政府信息的情况；\n（二）依申请公开政府信息的情况；\n")
    c = cand(text)
    assert not c.plausible and "开头写有“制定本制度”" in (c.reason or "")
    # a report quoting its county's rules is still a report (articles do not open it)
    report = "某某县2013年政府信息公开工作年度报告\n一、概述\n按照第一条 的规定，制定本制度的要求已落实。\n二、主动公开情况\n全年公开120条。\n"
    assert cand(report).plausible


@pytest.mark.parametrize("title", ["2014年政府信息公开第三方评估报告", "某某市2023年政务公开第三方测评报告",
                                   "某某市2023年度政府信息公开工作社会评议报告"])
def test_an_evaluation_of_disclosure_is_not_a_report(title):
    """A real page's title (written anew): an evaluation of the bodies' disclosure work, checked as a report before."""
    text = f"{title}\n为落实《条例》，推动政府信息公开工作，现将评估情况报告如下。\n全省各部门网站均设置了信息公开专栏。\n"
    c = cand(text)
    assert not c.plausible and c.reason == f"不像政府信息公开工作年度报告：标题“{title}”是评估或考核的报告，不是一个机关的年度报告"


def test_a_report_that_mentions_an_evaluation_stays_one():
    text = "某某县2023年政府信息公开工作年度报告\n一、总体情况\n本县在第三方评估报告中排名第三。\n"
    assert cand(text).plausible


@pytest.mark.parametrize("text", [
    # the openings of real pages joined with nothing (written anew): a statistics period with a word between 所列 and
    # 数据, a report "compiled" by the format after its document number
    "本报告根据《条例》编制，汇总某省财政厅2020年政府信息公开情况，所列公开数据统计期限自2020年1月1日至2020年12月31日。全年公开信息120条。",
    "根据《条例》和《中华人民共和国政府信息公开工作年度报告格式》(国办公开办函〔2021〕30号)要求,特编制完成本报告。全年公开信息120条。",
])
def test_self_named_openings_of_joined_pages(text):
    c = cand(text)
    assert c.plausible and c.signs == ("self-named",)



@pytest.mark.parametrize("title", ["2022年上半年政府信息公开数据统计", "某某区2023年第三季度政府信息公开工作情况",
                                   "某某局2024年1-6月政务公开工作情况"])
def test_figures_of_a_part_of_the_year_are_no_annual_report(title):
    # a real portal's half-year statistics page: DL005 said it could not read the year and suggested --year
    text = f"{title}\n2022年07月25日 来源：某某区\n一、主动公开情况\n上半年主动公开政府信息120条。\n"
    c = cand(text)
    assert not c.plausible and "一年中部分时段" in c.reason and title in c.reason


def test_a_year_report_that_speaks_of_its_half_years_is_one():
    text = ("某某区某某局2023年政府信息公开工作年度报告\n一、总体情况\n2023年上半年，本局主动公开政府信息60条，"
            "下半年60条。\n")
    assert cand(text).plausible
