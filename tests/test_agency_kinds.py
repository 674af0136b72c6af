"""Which body a report is about, and what follows from it: the whole area's report signed by the government
office (DL405 deadline), a body with two names (its name, kind and both self-words: DL207, DL301, DL302), titles
about the whole area (全区, 关于), 管委会 written short, and a development zone's deadline (DL405)."""

from __future__ import annotations

import pytest

from disclosure_lint.report import interpret
from disclosure_lint.report.agency import classify, government_of, is_zone_body, name_from_title, names, office_owner

from .conftest import lint, parse

T2_RULES = """\
## 二、主动公开政府信息情况

第二十条第（一）项

| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
|---|---:|---:|---:|
| 规章 | {rules} |
| 行政规范性文件 | 3 | 1 | 14 |

第二十条第（五）项

| 信息内容 | 本年处理决定数量 |
|---|---:|
| 行政许可 | 58 |
"""


def report(title: str, me: str, signer: str, date: str, *, opening: str = "", extra: str = "",
           rules: str = "0 | 0 | 0", year: int = 2022) -> str:
    """A report of the 2021 format, written for these tests: ``me`` is the self-word of its prose (我县, 我办 …)."""
    opening = opening or (f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）编制。本报告中所列数据统计期限为"
                          f"{year}年1月1日至12月31日。")
    return f"""\
# {title}

{opening}

## 一、总体情况

{year}年，{me}认真贯彻落实《条例》，坚持以公开为常态、不公开为例外，围绕中心工作推进政务公开。

（一）主动公开。{me}全年通过门户网站主动公开政府信息326条。{extra}

（二）依申请公开。{me}全年新收政府信息公开申请6件，均在法定期限内答复。

{T2_RULES.format(rules=rules)}
## 五、存在的主要问题及改进情况

{me}政务公开工作仍存在信息更新不够及时等问题，下一步将加强培训。

## 六、其他需要报告的事项

{year}年，{me}未收取信息处理费。

{signer}

{date}
"""


def dl(diags, code):
    return [d for d in diags if d.code == code]


# -- (a) the whole county's report, signed by its government office -------------------------------------------

COUNTY_OPENING = ("根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，县人民政府办公室编制了2022年全县"
                  "政府信息公开工作年度报告。本报告中所列数据统计期限为2022年1月1日至12月31日。")


def test_office_signed_whole_county_report_has_the_government_deadline():
    text = report("2022年政府信息公开工作年度报告", "我县", "某某县人民政府办公室", "2023年3月25日",
                  opening=COUNTY_OPENING)
    rep = interpret(parse(text))
    assert (rep.agency.name, rep.agency.kind, rep.agency.source) == ("某某县人民政府", "county_government", "signature")
    assert dl(lint(text, select=["DL405", "DL301", "DL302"]), "DL405") == []
    # after 3月31日 it is late as a government's report
    late = dl(lint(text.replace("2023年3月25日", "2023年4月6日"), select=["DL405"]), "DL405")
    assert len(late) == 1 and "县级以上地方人民政府的法定期限2023年3月31日，迟了6天" in late[0].message
    assert late[0].severity == "error"


def test_office_own_report_without_title_name_keeps_the_department_deadline():
    """The office writing of itself (我办) is its own report: a department's, due by 1月31日."""
    text = report("2022年政府信息公开工作年度报告", "我办", "某某县人民政府办公室", "2023年3月25日",
                  extra="全县政务公开工作由县政府办公室牵头。")
    rep = interpret(parse(text))
    assert (rep.agency.name, rep.agency.kind) == ("某某县人民政府办公室", "government_office")
    late = dl(lint(text, select=["DL405"]), "DL405")
    assert len(late) == 1 and "县级以上人民政府部门的法定期限2023年1月31日，迟了53天" in late[0].message
    assert late[0].severity == "error"


def test_office_report_naming_the_county_once_is_still_the_office_own():
    text = report("2022年政府信息公开工作年度报告", "本机关", "某某县人民政府办公室", "2023年3月25日",
                  extra="我县政务公开平台建设稳步推进。")
    assert interpret(parse(text)).agency.kind == "government_office"
    assert len(dl(lint(text, select=["DL405"]), "DL405")) == 1


def test_office_title_about_the_whole_county():
    title = "某某县人民政府办公室关于2022年全县政府信息公开工作年度报告"
    assert name_from_title(title) == ("某某县人民政府", 2022)
    text = report(title, "我县", "某某县人民政府办公室", "2023年3月25日", opening=COUNTY_OPENING)
    assert interpret(parse(text)).agency.kind == "county_government"
    assert dl(lint(text, select=["DL405"]), "DL405") == []


def test_titled_office_report_stays_the_office_own():
    """A title naming the office is the office's report, whatever the prose says of the county."""
    text = report("某某县人民政府办公室2022年政府信息公开工作年度报告", "我县", "某某县人民政府办公室", "2023年3月25日")
    assert interpret(parse(text)).agency.kind == "government_office"
    assert len(dl(lint(text, select=["DL405"]), "DL405")) == 1


# -- (b) a body with two names ------------------------------------------------------------------------------

DUAL = "某某市人民政府办公室（某某市政务服务管理局）"


def test_two_names_in_the_title_are_kept_whole():
    assert name_from_title(f"{DUAL}2023年政府信息公开工作年度报告") == (DUAL, 2023)
    assert classify(DUAL) == ("government_office", "办")
    assert names(DUAL) == ["某某市人民政府办公室", "某某市政务服务管理局"]
    assert government_of(DUAL) == "某某市人民政府"
    # a bracket left over from the title is still dropped
    assert name_from_title("（某某区统计局）2023年政府信息公开工作年度报告") == ("某某区统计局", 2023)
    assert name_from_title("《某某区教育局2021年政府信息公开工作年度报告》") == ("某某区教育局", 2021)


def test_two_name_office_of_a_city_with_rules_and_both_self_words():
    text = report(f"{DUAL}2023年政府信息公开工作年度报告", "我办", "某某市人民政府办公室", "2024年1月26日",
                  extra="我局负责市政务服务平台日常运维。", rules="2 | 1 | 40", year=2023)
    rep = interpret(parse(text))
    assert (rep.agency.name, rep.agency.kind) == (DUAL, "government_office")
    assert lint(text, select=["DL207", "DL301", "DL302", "DL405"]) == []


def test_two_name_office_of_a_county_with_rules_is_still_told():
    name = "某某县人民政府办公室（某某县政务服务管理局）"
    text = report(f"{name}2023年政府信息公开工作年度报告", "我办", "某某县人民政府办公室", "2024年1月26日",
                  rules="2 | 1 | 40", year=2023)
    diags = dl(lint(text, select=["DL207"]), "DL207")
    assert len(diags) == 1 and f"但{name}（人民政府办公室（厅））通常没有规章制定权" in diags[0].message


def test_two_name_street_office_and_town():
    name = "某某区青石街道办事处（青石镇人民政府）"
    text = report(f"{name}2023年政府信息公开工作年度报告", "我街道", "青石街道办事处", "2024年1月26日",
                  extra="本镇村务公开同步推进。", year=2023)
    assert interpret(parse(text)).agency.kind == "street_office"
    assert lint(text, select=["DL301", "DL302"]) == []


def test_two_name_body_still_told_of_a_third_word():
    text = report(f"{DUAL}2023年政府信息公开工作年度报告", "我办", "某某市人民政府办公室", "2024年1月26日",
                  extra="我委持续优化营商环境。", year=2023)
    diags = dl(lint(text, select=["DL301"]), "DL301")
    assert [d.match for d in diags] == ["我委"]
    assert diags[0].message.startswith(f"{DUAL}的报告不应自称“我委”")


def test_a_street_office_calling_itself_by_the_words_of_its_own_name_is_consistent():
    # 我街道, 我办, 我办事处, 我街道办: all the street office's own name (街道办事处) — real reports mix them, no copying
    text = report("某某区青石街道办事处2023年政府信息公开工作年度报告", "我街道", "青石街道办事处", "2024年1月26日",
                  extra="我办加强信息发布审核。我办事处按时答复。", year=2023)
    assert dl(lint(text, select=["DL302"]), "DL302") == []
    # another body's word is still a mix (我局 in a street office's report is DL301's, 我镇 here DL302's or DL301's)
    text = report("某某区青石街道办事处2023年政府信息公开工作年度报告", "我街道", "青石街道办事处", "2024年1月26日",
                  extra="我局加强信息发布审核。", year=2023)
    assert dl(lint(text, select=["DL301", "DL302"]), "DL301") != []


# -- (c) titles about the whole area ---------------------------------------------------------------------------

@pytest.mark.parametrize(("title", "name", "year"), [
    ("某某区2022年度全区政府信息公开工作年度报告", "某某区", 2022),
    ("某某市人民政府办公厅关于2022年全市政府信息公开工作年度报告", "某某市人民政府", 2022),
    ("2022年度全区政府信息公开工作年度报告", None, 2022),
    ("某某区某某局关于2023年政府信息公开工作年度报告", "某某区某某局", 2023),
    # a department's title with 全区: the department's
    ("某某区教育局2022年全区政府信息公开工作年度报告", "某某区教育局", 2022),
    # 2020度年 for 2020年度 (a slip): the year is no part of the body's name
    ("某某区应急管理局2020度年信息公开年度报告", "某某区应急管理局", 2020),
])
def test_whole_area_titles(title, name, year):
    assert name_from_title(title) == (name, year)


def test_whole_district_report_names_its_district():
    text = report("某某区2022年度全区政府信息公开工作年度报告", "我区", "某某区人民政府办公室", "2023年3月25日")
    rep = interpret(parse(text))
    assert (rep.agency.name, rep.agency.kind) == ("某某区", "county_government")
    assert lint(text, select=["DL405", "DL301"]) == []


# -- (d) 管委会 written short ------------------------------------------------------------------------------------

def test_short_management_committee_is_a_commission():
    assert classify("桃园开发区管委会") == ("commission", "委")
    assert classify("某某经济技术开发区管理委员会") == ("commission", "委")
    text = report("桃园开发区管委会2023年政府信息公开工作年度报告", "我委", "桃园开发区管委会", "2024年1月26日",
                  extra="我管委会各部门明确专人负责。", year=2023)
    assert lint(text, select=["DL301", "DL302"]) == []
    wrong = dl(lint(text.replace("我管委会", "我局"), select=["DL301"]), "DL301")
    assert len(wrong) == 1
    assert wrong[0].message.startswith("桃园开发区管委会的报告不应自称“我局”，应使用“我委”“本委”或“本机关”")


# -- (e) a development zone's deadline ---------------------------------------------------------------------------

ZONE = "某某经济技术开发区管理委员会"


def test_zone_after_january_is_a_warning_that_says_why():
    assert is_zone_body(ZONE) and is_zone_body("桃园开发区管委会") and is_zone_body("某某经济技术开发区")
    assert not is_zone_body("上海市浦东新区") and not is_zone_body("某某市发展和改革委员会")
    text = report(f"{ZONE}2022年政府信息公开工作年度报告", "我委", ZONE, "2023年3月20日")
    diags = dl(lint(text, select=["DL405"]), "DL405")
    assert len(diags) == 1 and diags[0].severity == "warning"
    assert "迟了48天" in diags[0].message and "开发区、新区的管理机构不是该条列明的机关" in diags[0].message
    assert "2023年3月31日则未迟" in diags[0].message
    assert diags[0].evidence["development_zone"] is True
    # the zone named by its area in the title, the 管委会 in the 落款: the same
    area = text.replace(f"# {ZONE}2022年", "# 某某经济技术开发区2022年")
    assert [d.severity for d in dl(lint(area, select=["DL405"]), "DL405")] == ["warning"]


def test_zone_after_march_is_late_either_way():
    text = report(f"{ZONE}2022年政府信息公开工作年度报告", "我委", ZONE, "2023年4月10日")
    diags = dl(lint(text, select=["DL405"]), "DL405")
    assert len(diags) == 1 and diags[0].severity == "error"
    assert "晚于县级以上地方人民政府的法定期限2023年3月31日，迟了10天" in diags[0].message
    assert "两个期限中较晚的一个" in diags[0].message


def test_zone_in_time_and_other_commissions_unchanged():
    assert lint(report(f"{ZONE}2022年政府信息公开工作年度报告", "我委", ZONE, "2023年1月20日"),
                select=["DL405"]) == []
    name = "某某市发展和改革委员会"
    diags = dl(lint(report(f"{name}2022年政府信息公开工作年度报告", "我委", name, "2023年3月20日"),
                    select=["DL405"]), "DL405")
    assert len(diags) == 1 and diags[0].severity == "error" and "开发区" not in diags[0].message


def test_zone_with_a_configured_kind_follows_the_configuration():
    text = report(f"{ZONE}2022年政府信息公开工作年度报告", "我委", ZONE, "2023年3月20日")
    diags = dl(lint(text, select=["DL405"], agency_kind="commission"), "DL405")
    assert len(diags) == 1 and diags[0].severity == "error" and "开发区" not in diags[0].message


def test_zone_named_with_agency_keeps_the_zones_deadline():
    # --agency gives the body's name only: the zone's deadline still applies (a configured kind is the user's word)
    text = report(f"{ZONE}2022年政府信息公开工作年度报告", "我委", ZONE, "2023年3月20日")
    diags = dl(lint(text, select=["DL405"], agency=ZONE), "DL405")
    assert [d.severity for d in diags] == ["warning"] and "开发区" in diags[0].message


@pytest.mark.parametrize("zone", ["某某经济技术开发区", "某某港保税区", "某某东疆综保区", "某某台商投资区", "某某滨海湾新区"])
def test_a_zone_named_bare_is_checked_against_its_managing_bodys_deadline(zone):
    # a page whose title names the zone itself (no 管委会): no kind of its own, the deadline checked the zone's way
    assert is_zone_body(zone)
    text = "\n".join(["发布时间:2023-02-17", "", f"# {zone}2022年政府信息公开工作年度报告", "", "## 一、总体情况", "",
                     "2022年，本区主动公开政府信息120条。", ""])
    late = dl(lint(text, select=["DL405"]), "DL405")
    assert [d.severity for d in late] == ["warning"] and "开发区、新区的管理机构" in late[0].message
    kind_note = dl(lint(text, select=["DL007"]), "DL007")
    assert len(kind_note) == 1 and "DL405" not in kind_note[0].message  # (it did run)
    after_march = text.replace("2023-02-17", "2023-04-10")
    assert [d.severity for d in dl(lint(after_march, select=["DL405"]), "DL405")] == ["error"]


def test_a_new_area_is_its_committees_but_the_districts_named_so():
    """A 新区 is run by its 管委会 (a real 2025 report titled 东莞滨海湾新区… said 我委 and was told it should say 我区, an
    error); the districts named 新区 that have a people's government are districts (浦东新区, 天津的滨海新区, 清新区)."""
    for zone in ("东莞滨海湾新区", "重庆两江新区", "某某滨海新区(某某镇)"):
        assert is_zone_body(zone), zone
    assert classify("东莞滨海湾新区") == (None, None)
    for district in ("上海市浦东新区", "浦东新区", "天津市滨海新区", "滨海新区", "清远市清新区", "上海市浦东新区人民政府"):
        assert classify(district) == ("county_government", "区") and not is_zone_body(district), district
    text = report("东莞滨海湾新区2025年政府信息公开工作年度报告", "我委", "东莞滨海湾新区", "2026年1月20日")
    assert dl(lint(text, select=["DL301"]), "DL301") == []


def test_a_supply_and_marketing_cooperative_federation_is_a_department_that_says_wo_she():
    """供销合作社联合社 (我社, 本社): a body of its own kind's words, not an unknown kind (DL007 before)."""
    assert classify("青禾县供销合作社联合社") == ("department", "社")
    text = "# 青禾县供销合作社联合社2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n2023年，我社推进政务公开。\n"
    assert [d.code for d in lint(text, select=["DL007", "DL301"])] == []
    assert [d.code for d in lint(text.replace("我社", "我局"), select=["DL007", "DL301"])] == ["DL301"]


@pytest.mark.parametrize(("title", "expected"), [
    ("某某市市场监督管理局2016年政务信息公开年度报告", ("某某市市场监督管理局", 2016)),  # 政务信息公开: the year not in the name
    ("某某县2023年政务公开工作年度报告", ("某某县", 2023)),
])
def test_title_of_a_report_on_government_affairs_information(title, expected):
    assert name_from_title(title) == expected


@pytest.mark.parametrize(("name", "kind"), [
    ("某某市气象局", "vertical_branch"),  # under 中国气象局: the department's deadline is not settled for it
    ("某某海事局", "vertical_branch"), ("某某省地方海事局", "bureau"),  # 交通运输部's; a province's own
    ("某某省地震局", "vertical_branch"), ("某某自治区地震局", "vertical_branch"),  # 中国地震局's
    ("某某市地震局", "bureau"), ("某某县地震局", "bureau"),  # the local government's
    ("国家税务总局某某市某某区税务局", "vertical_branch"),
    ("某某省邮政管理局", "vertical_branch"),
    ("某某市烟草专卖局", "vertical_branch"),
    ("国家统计局某某调查总队", "vertical_branch"),  # not a department's enforcement unit
    ("某某市地方税务局", "bureau"),  # the local government's, before 2018
    ("海关总署", "department"),
])
def test_vertically_managed_bodies(name, kind):
    assert classify(name)[0] == kind


@pytest.mark.parametrize(("name", "expected"), [
    ("某某区人民政府某某矶办事处", ("street_office", "街道")),  # a district's street office, 街道 left out of its name
    ("某某县人民政府某某办事处", ("street_office", "街道")),
    ("某某市人民政府驻北京办事处", ("department", "处")),  # a government's liaison office elsewhere
])
def test_a_districts_office_named_without_street(name, expected):
    assert classify(name) == expected


def test_a_government_offices_template_opening_in_a_departments_report():
    """本报告由某某区人民政府办公室…编制, but the contact is the district's bureau and the report says 我局 (a real
    enforcement bureau's page): the bureau's report — no DL301 ×2 against an office that should say 我办."""
    text = ("本报告由某某区人民政府办公室按照《条例》要求编制，如对本报告有任何疑问，请联系某某区综合行政执法局（地址：某某路36号）。\n"
            "一、总体情况\n2023年，我局在区政府网站发稿61篇，全年受理依申请公开6件。\n")
    assert lint(text, select=["DL301"], fmt="text") == []
    assert interpret(parse(text, "text")).agency.name == "某某区综合行政执法局"
    # the office speaking as itself (我办), its contact a unit of its own: the office's report
    own = text.replace("请联系某某区综合行政执法局", "请联系某某区电子政务中心").replace("我局", "我办")
    assert interpret(parse(own, "text")).agency.name == "某某区人民政府办公室"


def test_a_street_office_named_without_street_calls_itself_our_street():
    """由某某区人民政府某某矶办事处编制 … 我街道: no DL301 (the office was read as a department that should say 我处)."""
    text = ("一、总体情况\n本年报是根据《条例》要求，由某某区人民政府某某矶办事处编制的2021年度政府信息公开年度报告。\n"
            "2021年，我街道按照统一部署，认真贯彻《条例》，全年主动公开政府信息86条。\n")
    assert lint(text, select=["DL301"], fmt="text") == []


@pytest.mark.parametrize(("name", "expected"), [
    # a vertically managed bureau with the units under it, named as one body (real titles: 某某市气象部门…年度报告)
    ("某某市气象部门", ("vertical_branch", "局")), ("某某自治区邮政管理系统", ("vertical_branch", "局")),
    ("某某省某某市气象系统", ("vertical_branch", "局")),
    # a local department's system: whether its joint report keeps the department's deadline is not settled
    ("某某市规划和自然资源系统", (None, None)), ("某某县教育系统", (None, None)),
    ("某某县人民政府部门", (None, None)),
    # a people's organisation by its short name (我会)
    ("某某市残联", ("department", "会")), ("某某县科协", ("department", "会")), ("某某区工商联", ("department", "会")),
])
def test_a_system_or_a_short_named_organisation(name, expected):
    assert classify(name) == expected


def test_a_vertical_system_report_is_late_only_with_a_warning_and_needs_no_kind():
    text = ("# 某某市气象部门2023年政府信息公开工作年度报告\n\n发布日期：2024-03-20\n\n## 一、总体情况\n\n"
            "2023年，我局推进政务公开。\n")
    found = {d.code: d for d in lint(text, select=["DL007", "DL301", "DL405"])}
    assert set(found) == {"DL405"} and found["DL405"].severity == "warning"


def test_title_with_a_fields_word_between_year_and_xinxi_gongkai():
    assert name_from_title("海关总署2010年海关信息公开工作年度报告") == ("海关总署", 2010)


@pytest.mark.parametrize("name", ["某某市某某汽车城管理委员会", "某某科技产业园管理委员会", "某某高新区(经开区)管委会",
                                  "某某新区管理委员会", "某某省某某新区管委会", "某某经济技术开发区管理委员会办公室"])
def test_more_zone_bodies(name):
    # their deadline is not settled (第四十九条 names neither them nor their zone): DL405 says so in a warning
    assert is_zone_body(name)
    assert not is_zone_body("某某市公园管理中心") and not is_zone_body("某某市文化广电旅游局")
    # a new area that is a district has a 人民政府 (浦东新区): no zone, nor are its departments; another 新区's department
    # is its 管委会's (两江新区经济运行局): whether the department's deadline holds is not settled
    assert not is_zone_body("上海市浦东新区人民政府") and not is_zone_body("上海市浦东新区经济发展局")
    assert is_zone_body("某某新区经济发展局")
    assert not is_zone_body("某某市人民政府办公室")


@pytest.mark.parametrize("name", ["某某经济技术开发区经济发展局", "某某市高新区管委会财政局"])
def test_a_zone_bodys_department_is_as_unsettled_as_its_body(name):
    assert is_zone_body(name)
    # a city bureau's branch in the zone is the city bureau's
    assert not is_zone_body("某某市公安局高新区分局") and not is_zone_body("某某区发展和改革局")


@pytest.mark.parametrize("title", ["标题:某某经济开发区2022年政府信息公开工作年度报告",
                                   "• 某某经济开发区2022年政府信息公开工作年度报告"])
def test_a_pages_label_or_bullet_before_the_title_is_no_part_of_the_name(title):
    assert name_from_title(title) == ("某某经济开发区", 2022)


@pytest.mark.parametrize(("name", "kind"), [("某某里街", "street_office"), ("某某门街", "street_office"),
                                            ("某某步行街", None), ("某某大街", None), ("某某商业街", None)])
def test_a_street_office_named_jie(name, kind):
    # 天津's street offices are named 某某街 (我街); a street of shops is no body
    assert classify(name)[0] == kind


def test_a_jie_street_office_calls_itself_wojie_or_wojiedao():
    text = ("# 某某里街2021年政府信息公开工作年度报告\n\n## 一、总体情况\n\n2021年，我街认真贯彻《条例》，"
            "本街道主动公开信息120条。\n")
    assert [d.code for d in lint(text, select=["DL301", "DL302"])] == []


@pytest.mark.parametrize(("title", "expected"), [
    # a hijacked page: the gambling site's words put where the body's name was, a year of its own leading the title
    ("bet36体育投注_2024欧洲杯在哪投注#办公厅2020年政府信息公开工作年度报告", (None, 2020)),
    ("美高梅娛樂城办公厅2022年政府信息公开工作年度报告", (None, 2022)),
    ("2021年某某威廉希尔公司市政府信息公开工作年度报告", (None, 2021)),
    ("开云手机官网入口·(中国)官方网站卫生健康局2020年度政府信息公开工作年度报告", (None, 2020)),
    ("某某省体育局2022年政府信息公开工作年度报告", ("某某省体育局", 2022)),
])
def test_a_name_holding_a_gambling_sites_words_is_no_bodys_name(title, expected):
    assert name_from_title(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("2021年某某市某某镇人民政府 信息公开工作年度报告", ("某某市某某镇人民政府", 2021)),  # 政府 not taken from the name
    ("某某县人民政府信息公开工作年度报告", ("某某县人民政府", None)),
    ("2022度某某区某某街道政府信息公开工作年度报告", ("某某区某某街道", 2022)),  # 年 left out: 度 is not the name's
    ("2022年度某某区某某街道政府信息公开工作年度报告", ("某某区某某街道", 2022)),
    ("某某省发展和改革委员会关于报送《2020年政府信息公开工作年度报告》的函", ("某某省发展和改革委员会", 2020)),  # a cover letter
    ("称: 某某街道2025年政府信息公开工作年度报告", ("某某街道", 2025)),  # 名称: with its first character lost
    # a catalogue's label spaced out, and the year before 年度报告 (a real page's 标 题 field)
    ("标 题 某某区教育局政府信息公开工作2025年度报告", ("某某区教育局", 2025)),
    ("附件:某某部2019年政府信息公开工作报告", ("某某部", 2019)),  # a notice's attachment line
    ("点击查看WORD版:某某区某某镇2023年政府信息公开工作年度报告.docx", ("某某区某某镇", 2023)),  # an attachment's link
    ("- 乡镇政府信息公开年度工作报告", (None, None)),  # a portal column's name as a list item: kinds, no body
])
def test_title_names_whole(title, expected):
    assert name_from_title(title) == expected


@pytest.mark.parametrize(("texts", "expected"), [
    (["根据《中华人民共和国政府信息公开条例》的规定，某某市卫生健康委编制了本报告。"], "某某市卫生健康委"),
    (["某某市人力资源和社会保障局2019年政府信息公开工作年度报告（以下简称年报）是根据《条例》编制的。"],
     "某某市人力资源和社会保障局"),
    (["一、总体情况", "2022年，某某区司法局认真履行《条例》规定的法定义务。"], "某某区司法局"),
    (["一、总体情况", "2020年某某坪镇严格按照《条例》有关要求开展工作。"], "某某坪镇"),
    (["2025年，某某开发区（某某区）医疗保障局政府信息公开工作在区委的领导下有序开展。"], "某某开发区（某某区）医疗保障局"),
    (["2023年政府网站主动公开政府信息207条。"], None),  # a website, not the body
    (["2022年，通过县政府门户网站主动公开信息32条。"], None),
    (["2022年，我局认真贯彻落实《条例》。"], None),
    (["2022年，全县各级行政机关认真贯彻落实《条例》。"], None),
    (["2022年，县政府办公室认真贯彻落实《条例》。"], None),  # no place: whose?
    (["本报告由区统计局编制。"], "区统计局"),  # named as the maker: its kind is enough
    (["根据《条例》规定，结合工作实际，某某区水务局编制了2024年度政府信息公开工作年度报告。"], "某某区水务局"),
    (["某某镇党政办公室编制了《2023年度政府信息公开工作报告》。"], "某某镇党政办公室"),  # (the town's: office_owner)
    (["根据相关规定，县教育局编制了本报告。"], "县教育局"),  # named as the maker: its kind is enough
    # a maker and another body's title (a copied opening): the maker, whose voice the report speaks in (我局) …
    (["根据《条例》文件精神，社会事业管理局编制了管委会办公室2022年政府信息公开工作年度报告。"], "社会事业管理局"),
    # … unless the title's body is a government, whose report its office compiles
    (["某某县人民政府办公室编制了某某县2022年政府信息公开工作年度报告。"], "某某县"),
    (["结合实际，县教育局编制了本报告。"], None),  # a subject without its place, not named as the report's maker
    (["（一）主动公开情况。2022年，某某市农业农村局在市委的领导下公开信息32条。"], "某某市农业农村局"),  # after a sentence
    (["现将某某回族镇2022年度政府信息公开工作报告如下。"], "某某回族镇"),
    # whose work the report sums up, its contact, a subject with its alias note (real pages without a title)
    (["本报告结合2021年某某市公安局政府信息公开工作编制而成。"], "某某市公安局"),
    (["如本报告有疑问，请联系：某某区应急管理局，地址：某某路2号。"], "某某区应急管理局"),
    (["如对本报告有疑问，请与某某街道办事处联系。"], "某某街道办事处"),
    (["如有疑问，请与某某镇人民政府综合督考办公室联系。"], "某某镇"),  # an office in the body: the body
    (["如有疑问，请与某某县人民政府办公室联系。"], None),  # the office's report, or the county's it compiles
    # the body's own unit that does the work for it (a real county bureau's page: 我局 throughout)
    (["如对本报告有任何疑问，请与某某县财政局信息中心联系（地址：某某路176号）。"], "某某县财政局"),
    (["如有疑问，请与某某市民政局政策法规科联系。"], "某某市民政局"),
    (["如有疑问，请与某某市自然资源局不动产登记中心联系。"], "某某市自然资源局不动产登记中心"),  # a body of its own
    # an office's 处 is the office's (a real city office's page: 我办 throughout); a 部's 科 is not the party committee's
    (["如对本年报有疑问，请联系某某市人民政府外事办公室综合处，地址：某某路11号。"], "某某市人民政府外事办公室"),
    (["如有疑问，请联系某某省财政厅办公室，电话：0000-0000000。"], "某某省财政厅"),
    (["如有疑问，请与中共某某市委宣传部宣传科联系（地址：某某路10号）。"], None),
    (["如有疑问，请与某某市水务局河道管理处联系。"], "某某市水务局河道管理处"),  # a body of its own
    # a contact of another kind than the body the report speaks as (a real town's page: 我镇 throughout)
    (["报告内容包括2023年我局政府信息公开总体情况等。如有疑问，请与某某旗政务服务局办公室联系。",
      "我镇信息公开的方式有门户网站和公示栏。2023年我镇公布信息2135条，我镇政府各站所公开信息176条。"], None),
    (["如有疑问，请与某某旗政务服务局联系。本办法所称信息，是指我局公开的信息。"], "某某旗政务服务局"),
    (["2021年，某某市公安局（以下简称“市公安局”）以习近平新时代中国特色社会主义思想为指导。"], "某某市公安局"),
    # the title run into the opening's text, a space between (a real page)
    (["某某县卫生健康局 2022年度政府信息公开工作的报告 根据《条例》要求，县卫生健康局办公室编制本报告。"], "某某县卫生健康局"),
    (["根据《条例》等相关规定，编制某某市某某乡2024年政府信息公开工作年度报告。"], "某某市某某乡"),
    (["按照要求，编制并向社会公开某某区人力资源和社会保障局2021年政府信息公开工作年度报告。"], "某某区人力资源和社会保障局"),
    (["2022年，未发生涉及某某卫生健康局的复议。"], None),
    (["2022年，通過政府門戶網站公开信息。"], None),
    (["2022年，统计局认真贯彻《条例》。"], None),  # a department without its place
    (["2020年,某某区公共资源交易中心深入贯彻落实《条例》。"], "某某区公共资源交易中心"),  # (公共 is no 共 of a count)
    # seen on real pages: 向社会公布 … 政府信息公开情况, the year before the name, 全面总结 …, 紧扣
    (["为做好政府信息公开工作，特向社会公布某某市统计局2024年政府信息公开情况。"], "某某市统计局"),
    (["按照《条例》要求，特向社会公布2024年度某某市卫生健康局信息公开年度报告。"], "某某市卫生健康局"),
    (["本报告全面总结某某区人民政府某某街道办事处2025年政府信息公开工作情况。"], "某某区人民政府某某街道办事处"),
    (["2025年，某某村镇紧扣“公开透明、便民高效”的工作主线，持续完善公开机制。"], "某某村镇"),
    (["全面总结2025年政府信息公开工作情况。"], None),  # no name at all
    (["根据《条例》相关要求,发布某某省海洋局2022年政府信息公开工作年度报告。"], "某某省海洋局"),
    # from real pages without a title (an audit of 411 of them): a verb the list did not know, 以来, the superior's lead,
    # the year's work, a contact 直接与, a town's 党政办, a zone's office, the body's own leading group, a glossed copy
    (["2025年，某某市生态环境局坚决贯彻落实《条例》。"], "某某市生态环境局"),
    (["2022年以来，某某市人力资源和社会保障局认真贯彻落实《条例》。"], "某某市人力资源和社会保障局"),
    (["今年以来，某某县审计局认真贯彻落实县委、县政府的安排部署。"], "某某县审计局"),
    (["在市委市政府的正确领导下，某某市水利局结合水利工作实际，扎实推进政务公开。"], "某某市水利局"),
    (["2023年，某某经济开发区在县委、县政府的领导下，持续推进政务公开。"], "某某经济开发区"),
    (["本年报根据2023年某某市司法局信息公开工作实际编制而成。"], "某某市司法局"),
    (["如有疑问，可直接与某某县卫生健康局办公室联系。"], "某某县卫生健康局"),
    (["如有疑问，可与某某镇党政办联系（地址：某某县某某镇中心街1号）。"], "某某镇"),
    (["如有疑问，请与某某经济技术开发区党政办公室联系。"], "某某经济技术开发区"),
    (["成立了由局长任组长、各股室负责人为成员的某某县农业农村局政府信息公开工作领导小组。"], "某某县农业农村局"),
    (["现(xiàn)公布某某镇(zhèn)人民政府2023年政府信息公开工作年度报告。"], "某某镇人民政府"),
    (["2022年，某某街以习近平新时代中国特色社会主义思想为指导。"], "某某街"),
    # a short name and the contact's full one
    (["2025年以来，某某街道深入学习贯彻《条例》。", "如有疑问，请联系:某某区人民政府某某街道办事处，电话：0000-0000000。"],
     "某某区人民政府某某街道办事处"),
    (["如有疑问，请直接与某某市人民政府办公室政府信息公开中心联系。"], None),  # the office's centre: the office's or the city's
    # not a body: a body's inner units, words that end as a body's do, a company's place
    (["2023年以来，厅机关各处室严格落实依申请公开办理流程。"], None),
    (["2020年，学校专题研究部署全校信息公开工作。"], None),
    (["2020年，国网某某市某某区供电公司在区委的领导下推进信息公开。"], None),
    # a template's maker left in a state-owned company's report that speaks as the company (a real page: DL301 told the
    # company to say 我局) — not where the report speaks as the maker
    (["根据《条例》要求，由某某区行政审批局编制。如对本年度报告有疑问，请与某某城市投资发展集团有限责任公司办公室联系（地址："
      "某某路3号）。", "2023年，我公司严格落实《条例》。"], "某某城市投资发展集团有限责任公司"),
    (["根据《条例》要求，由某某区行政审批局编制。如有疑问，请与某某集团有限公司联系。", "2023年，我局督促我公司落实《条例》。"],
     "某某区行政审批局"),
])
def test_the_body_the_opening_names(texts, expected):
    from disclosure_lint.report.agency_opening import opening_name

    assert opening_name(texts) == expected


def test_a_customs_district_is_its_customs():
    assert classify("某某海关关区")[0] == "vertical_branch"  # not a county's 区


def test_a_whole_area_report_signed_by_its_disclosure_offices_office_is_the_governments():
    """The 落款 names the office of the county's 政务公开 (领导小组) and the report speaks for the county (我县, 全县):
    the county government's report, due when a government's is."""
    text = report("2022年政府信息公开工作年度报告", "我县", "某某县政务公开领导小组办公室", "2023年3月25日",
                  opening=COUNTY_OPENING)
    rep = interpret(parse(text))
    assert (rep.agency.name, rep.agency.kind) == ("某某县人民政府", "county_government")


def test_a_streets_general_affairs_department_compiles_the_streets_report():
    rep = interpret(parse("根据《条例》规定，某某市某某区人民政府某某街道办事处综合事务部编制本报告。\n一、总体情况\n正文。\n", "text"))
    assert (rep.agency.name, rep.agency.kind) == ("某某市某某区人民政府某某街道办事处", "street_office")


def test_a_centres_office_compiles_the_centres_report():
    text = "一、总体情况\n2022年，某某市招商中心办公室认真贯彻《条例》。我中心全年主动公开信息32条。\n"
    rep = interpret(parse(text, "text"))
    assert (rep.agency.name, rep.agency.office) == ("某某市招商中心", "某某市招商中心办公室")
    assert [d.code for d in lint(text, fmt="text", select=["DL301"])] == []


def test_the_report_compiled_by_an_areas_disclosure_office_is_the_areas():
    text = "本报告由某某县政务公开领导小组办公室编制。\n一、总体情况\n正文。\n"
    rep = interpret(parse(text, "text"))
    assert (rep.agency.name, rep.agency.kind, rep.agency.office) == ("某某县人民政府", "county_government",
                                                                     "某某县政务公开领导小组办公室")
    zone = interpret(parse(text.replace("某某县", "某某开发区"), "text"))
    assert zone.agency.name == "某某开发区政务公开领导小组办公室"  # a zone's: its 管委会, not a 人民政府


def test_a_townships_government_office_compiles_the_townships_report():
    # 某某乡人民政府政府办公室: the township government's 政府办公室 — the report is the township's, its 我乡 its own
    text = "一、总体情况\n2023年，某某乡人民政府政府办公室认真落实《条例》。\n（一）依申请公开\n2023年，我乡未收到依申请公开事项。\n"
    rep = interpret(parse(text, "text"))
    assert (rep.agency.name, rep.agency.kind, rep.agency.office) == ("某某乡人民政府", "township_government",
                                                                     "某某乡人民政府政府办公室")
    assert [d.code for d in lint(text, fmt="text", select=["DL301"])] == []
    # a county government's 政府办公室 is still a department of its own; the township's 办公室 is still the township's
    assert office_owner("某某县人民政府政府办公室") is None
    assert office_owner("某某县某某乡人民政府办公室") == "某某县某某乡人民政府"


def test_the_office_of_a_bureaus_own_unit_compiles_the_bureaus_report():
    """A real excerpt (written anew): 本年度报告…由某某县公安局指挥中心办公室编制, then 2014年某某县公安局…, 局党委 and
    我局 — the bureau's report, compiled by an office of its own command centre; DL301 took 我局 for a centre's slip."""
    text = ("本年度报告是根据《中华人民共和国政府信息公开条例》要求，由某某县公安局指挥中心办公室编制。\n一、概述\n"
            "2014年某某县公安局信息公开工作坚持以公开为原则，局党委高度重视。我局全年主动公开信息56条。\n")
    rep = interpret(parse(text, "text"))
    assert (rep.agency.name, rep.agency.kind) == ("某某县公安局", "bureau")
    assert [d.code for d in lint(text, fmt="text", select=["DL301"], year=2014)] == []
    assert office_owner("某某市统计局信息中心办公室") == "某某市统计局"
    # a centre that is no bureau's unit keeps its own office; a bureau's own office is the bureau's, as before
    assert office_owner("某某县融媒体中心办公室") == "某某县融媒体中心"
    assert office_owner("某某区教育局办公室") == "某某区教育局"


def test_a_zones_managing_committees_office_is_a_department_of_its_own():
    """A real report's title (written anew): 某某综合实验区管委会办公室2021年度…报告, listed with the zone's departments — the
    office's own report, as a county government's 办公室 is; it was read as the 管委会's (the zone's own report)."""
    assert office_owner("某某综合实验区管委会办公室") is None
    assert office_owner("某某经济开发区管理委员会办公室") is None
    assert office_owner("某某区发展和改革委员会办公室") == "某某区发展和改革委员会"  # (a commission's office: its report)
    text = "某某综合实验区管委会办公室2021年度政府信息公开工作年度报告\n一、总体情况\n本办全年主动公开政府信息86条。\n"
    assert interpret(parse(text, "text")).agency.name == "某某综合实验区管委会办公室"


@pytest.mark.parametrize("name", ["某某市新城街办事处", "某某市新城街办"])
def test_a_street_office_written_jie_banshichu(name):
    # 街办 is short for 街道办: a street office, whose 本街道 is its own word (not a department's 处)
    assert classify(name) == ("street_office", "街道")
    text = f"# {name}2022年政府信息公开工作年度报告\n\n## 一、总体情况\n\n2022年，本街道主动公开信息120条。\n"
    assert [d.code for d in lint(text, select=["DL301"])] == []


@pytest.mark.parametrize(("title", "expected"), [
    ("某某区市场监管局政府信息公开工作年度报告(2024年度)", ("某某区市场监管局", 2024)),  # the year in brackets after it
    ("某某县人民政府政府信息公开工作年度报告（2023年）", ("某某县人民政府", 2023)),
    ("某某局2022年政府信息公开工作年度报告（修订）", ("某某局", 2022)),
])
def test_a_title_whose_year_follows_it_in_brackets(title, expected):
    assert name_from_title(title) == expected


def test_page_chrome_above_a_title_with_its_year_after_it_is_no_part_of_the_name():
    text = "今天是 智能问答无障碍浏览长者模式\n\n某某区市场监管局政府信息公开工作年度报告(2024年度)\n\n一、总体情况\n正文。\n"
    rep = interpret(parse(text, "text"))
    assert (rep.agency.name, rep.year, rep.year_source) == ("某某区市场监管局", 2024, "title")


@pytest.mark.parametrize(("title", "expected"), [
    # a portal's page title: the site's name, a dash, then the body's report
    ("某某县人民政府-某某风景名胜区管理处2020年度政府信息公开工作年度报告", ("某某风景名胜区管理处", 2020)),
    ("某某县门户网站|某某县财政局2021年政府信息公开工作年度报告", ("某某县财政局", 2021)),
    # the government's own report after a dash: its name kept, without the dash
    ("某某县人民政府-2020年政府信息公开工作年度报告", ("某某县人民政府", 2020)),
    ("某某县人民政府-政府信息公开工作年度报告（2020年）", ("某某县人民政府", 2020)),
    ("某某县人民政府办公室2020年政府信息公开工作年度报告", ("某某县人民政府办公室", 2020)),
])
def test_a_sites_name_before_a_dash_is_not_the_bodys(title, expected):
    assert name_from_title(title) == expected


@pytest.mark.parametrize("title", [
    "1、2022年市政府信息公开工作年度报告",  # a document viewer's chunk number before the title
    "2022年市政府信息公开工作年度报告",  # a level, no name
])
def test_a_number_or_a_level_is_not_a_bodys_name(title):
    assert name_from_title(title) == (None, 2022)


def test_a_zone_department_compiling_the_whole_zones_report_makes_it_the_zones():
    """A real zone's page: 由某某经济技术开发区政务服务和营商环境建设局依据…以及全区各部门信息公开工作编制而成 — the zone's report,
    which the bureau compiles (its 423 applications were the whole zone's); a bureau compiling its own stays the bureau."""
    from disclosure_lint.report import interpret

    from .conftest import parse

    whole = ("本年度报告由青禾经济技术开发区政务服务和营商环境建设局依据《中华人民共和国政府信息公开条例》以及全区各部门信息公开"
             "工作编制而成。本报告中所列数据统计期限为2025年1月1日至2025年12月31日。\n一、总体情况\n2025年，经开区持续深化公开内容。\n")
    assert interpret(parse(whole, fmt="text")).agency.name == "青禾经济技术开发区管委会"
    own = whole.replace("以及全区各部门信息公开工作", "")
    assert interpret(parse(own, fmt="text")).agency.name == "青禾经济技术开发区政务服务和营商环境建设局"


@pytest.mark.parametrize(("name", "kind"), [
    ("某某市市场监督管理局机关", ("bureau", "局")),
    ("某某县教育局本级", ("bureau", "局")),
    ("某某市人民政府办公室机关", ("government_office", "办")),
    ("某某市机关事务管理局", ("bureau", "局")),  # 机关 inside the name: the name itself
])
def test_a_bodys_own_organs_are_the_body(name, kind):
    """某某局机关 (the bureau's own organs, not the units under it: a real city bureau titles its report so) is the
    bureau: its kind, self-word and deadline are the bureau's (DL007 had said the kind was unknown)."""
    assert classify(name) == kind
    found = lint(f"{name}2023年政府信息公开工作年度报告\n\n一、总体情况\n\n2023年，我{kind[1]}全年主动公开政府信息120条。\n",
                 fmt="text", select=["DL007", "DL301"])
    assert found == []


def test_an_investment_zone_says_wo_wei():
    """A real 投资区 (a zone run by its 管委会, named in the opening only): 我委 is its managing committee, not a district
    government's slip (three DL301 warnings before)."""
    text = ("一、总体情况\n2022年度，投资区主动公开政府信息数140条。\n"
            "根据市政务公开领导小组的工作要求，我委加强政府信息公开平台建设。\n")
    assert [d.code for d in lint(text, fmt="text", select=["DL301"], year=2022)] == []


def test_the_column_of_reports_glued_before_the_title_is_the_pages():
    """A real page joined with nothing: the breadcrumb's last item 政府信息公开年报 glued to the title.  The body is the
    banner's government (deadline 31 March), not the leading group's office the opening names (a DL405 error before)."""
    assert name_from_title("政府信息公开年报某某左旗2020年政府信息公开工作年度报告") == ("某某左旗", 2020)
    assert name_from_title("政府信息公开年度报告") == (None, None)
    text = ("您现在所在的位置: 网站首页 > 政府信息公开 > 政府信息公开年报某某左旗2020年政府信息公开工作年度报告发布时间:"
            "2021-02-08 09:00 来源:某某左旗 字体:[ ]本报告由旗政府政务公开工作领导小组办公室编制。一、总体情况2020年，全旗"
            "主动公开政府信息1200条。")
    assert [d.code for d in lint(text, fmt="text", select=["DL405"])] == []


@pytest.mark.parametrize("title", [
    "正文某某县某某镇2021年政府信息公开工作年度报告", "长者模式某某市某某局2023年政府信息公开工作年度报告",
    "注册无障碍浏览某某市卫生健康委员会2023年政府信息公开工作年度报告", "文字解读:某某区某某街道办事处2022年政府信息公开工作年度报告",
    "有效某某县某某局2020年政府信息公开工作年度报告",
])
def test_a_pages_navigation_or_field_label_glued_before_the_title_is_the_pages(title):
    """Pages joined with nothing (real crawls: 正文, 长者模式, 注册 and 无障碍浏览 of the page's bar, a catalogue's 有效, a
    field's label): the body is the title's, without them (their copies were grouped as other bodies)."""
    name, year = name_from_title(title)
    assert name is not None and name.startswith("某某") and year == int(title[title.index("20"):][:4])
    assert name_from_title("有效期内2021年政府信息公开工作年度报告")[0] != "期内"  # (有效期, a word that begins so: kept)


@pytest.mark.parametrize(("title", "expected"), [
    ("1、青禾市环保局2022年度政府信息公开工作年度报告", ("青禾市环保局", 2022)),  # a list's number before it
    ("（二）青禾县人民政府2022年政府信息公开工作年度报告", ("青禾县人民政府", 2022)),
    ("青禾市环保局年度政府信息公开工作年度报告", ("青禾市环保局", None)),  # 年度 without its year
    ("白岩大学2020-2021学年信息公开工作年度报告", ("白岩大学", None)),  # a school's (skipped as such)
    ("2020—2021学年信息公开工作年度报告", (None, None)),
    ("青禾市一二三局2022年政府信息公开工作年度报告", ("青禾市一二三局", 2022)),  # numerals inside a name stay
    ("十堰市住房和城乡建设局2022年政府信息公开工作年度报告", ("十堰市住房和城乡建设局", 2022)),
    # a page's tools and a hijacked page's digits run into the title (real flattened pages)
    ("打印2022年度白石镇政府信息公开工作年度报告", ("白石镇", 2022)),
    ("打印本页青禾县2022年政府信息公开工作年度报告", ("青禾县", 2022)),
    ("365365051人民政府2021年政府信息公开年度报告", (None, 2021)),
])
def test_words_around_the_name_in_a_title_are_not_the_name(title, expected):
    """Real pages: a doc-sharing copy's chunk number (1、某局年度…) and school reports gave the body as ``1、环保局年度``
    (DL007: kind unknown) and ``中山大学2020-2021学年`` (the name in the JSON and the database)."""
    assert name_from_title(title) == expected


def test_a_date_in_the_opening_is_not_the_bodys_name():
    """A real 2012 district page without a title: ``2007年12月成立以分管副区长为组长的区政府…领导小组`` gave the body
    as ``12月成立以分管副区长为组长的区`` (a district government)."""
    text = ("一、概述\n\n（一）加强领导，建立健全组织机构。2007年12月成立以分管副区长为组长的区政府信息公开工作领导小组，"
            "领导小组下设办公室，挂靠区政府办。\n")
    assert interpret(parse(text)).agency.name is None


@pytest.mark.parametrize(("name", "texts", "expected"), [
    # real openings (written anew): the contact, a sentence's subject, a special column's name
    ("区住建局", ["2020年以来，白沙区住建局围绕区委、区政府中心工作"], "白沙区住建局"),
    ("县交通运输局", ["如有疑问，请联系青石县交通运输局办公室，联系电话：0831-1234567。",
                  "我局通过政府信息公开“青石县交通运输局”专栏公开信息"], "青石县交通运输局"),
    ("县应急管理局", ["对本报告有任何疑问，请与云岭县应急管理局办公室联系"], "云岭县应急管理局"),
    ("县统计局", ["通过白河县统计局门户网站主动公开信息"], "白河县统计局"),
    ("市财政局", ["依托青禾市财政局门户网站主动公开信息"], "青禾市财政局"),  # (依托 leads the sentence, not the place)
    ("市人民政府办公室", ["现公开青禾市人民政府办公室2021年政府信息公开工作年度报告。"], "青禾市人民政府办公室"),
    # the address before one mention and the city before another: the place both end with
    ("区交通运输局", ["可与长岭区交通运输局办公室联系（地址：文松路6号2#楼三层青禾市长岭区交通运输局）"], "长岭区交通运输局"),
    ("县住建局", ["将乐县住建局2023年政府信息公开工作"], "将乐县住建局"),  # (将乐县: 将 leads the place here)
    # no place: the sentence's words before the name, two places, the name itself before it
    ("区统计局", ["现公布区统计局2020年政府信息公开工作年度报告"], None),
    ("区交通运输局", ["本报告由区交通运输局编制"], None),
    ("区交通运输局", ["可与长岭区交通运输局联系", "白沙区交通运输局"], None),
    ("区教育局", ["区教育局全面梳理区教育局权责清单"], None),
    ("县政府办", ["是否有效县政府办"], None),
    ("县政府", ["我县政府", "全县政府系统"], None),
    ("县统计局", ["县统计局认真贯彻《条例》，请与白河县统计局办公室联系"], "白河县统计局"),  # (the name first at the start)
    ("市场监督管理局", ["青禾市市场监督管理局"], None),  # (a name with no level's word for its place)
])
def test_the_place_of_a_body_named_by_its_kind(name, texts, expected):
    from disclosure_lint.report.agency_place import placed_name

    assert placed_name(name, texts) == expected


def test_a_title_naming_the_body_by_its_kind_takes_the_place_from_the_opening():
    """A page on a district's site titled 区住建局2020年… whose opening names 龙湾区住建局 (a real page): the body is
    the opening's; two districts' pages titled alike are then two bodies."""
    text = ("区住建局2020年政府信息公开工作年度报告\n\n一、总体情况\n\n2020年以来，白沙区住建局围绕区委、区政府中心工作，"
            "严格贯彻落实《中华人民共和国政府信息公开条例》。\n")
    agency = interpret(parse(text)).agency
    assert (agency.name, agency.kind) == ("白沙区住建局", "bureau")
    assert interpret(parse(text.replace("白沙区住建局围绕", "我局围绕"))).agency.name == "区住建局"


def test_the_opening_publishing_the_year_s_work_names_the_body():
    """A real page without a title: 现公布某某区发改局2022年度信息公开工作，报告主要分为六个部分 (no 报告 after 工作)."""
    from disclosure_lint.report.agency_opening import opening_name

    assert opening_name(["根据《条例》规定，现公布白石区发改局2022年度信息公开工作，报告主要分为六个部分。"]) == "白石区发改局"
    assert opening_name(["根据《条例》规定，现将2022年度信息公开工作，报告如下。"]) is None
    assert opening_name(["现公布白石区发改局2022年度信息公开工作要点。"]) is None  # (工作 not ending the clause)


def test_a_government_offices_own_report_names_it_as_the_contact_and_speaks_as_it():
    """A real city office's page without a title: 请与某某市人民政府办公室联系 and 2024年，市政府办公室以… — the office's own
    report (a contact that is a government office alone may be the area's report: no body then)."""
    from disclosure_lint.report.agency_opening import opening_name

    contact = "如对本年度报告有疑问，请与青禾市人民政府办公室联系（地址：青禾市同仁街26号）。"
    assert opening_name([contact, "2024年，市政府办公室以习近平新时代中国特色社会主义思想为指引，认真贯彻条例。"]) \
        == "青禾市人民政府办公室"
    assert opening_name([contact, "2024年，全市各级行政机关认真贯彻条例。"]) is None
    assert opening_name([contact, "2024年，市政府和市政府办公室认真贯彻条例。"]) is None


def test_a_pages_source_that_the_report_speaks_as_is_the_body():
    """A real page: 发布时间:2026-01-22 10:58 信息来源:某某市教育局 over a report without a title that says 我局 (the
    bureau's own page); a government's page with a bureau's report stays unnamed, a source the text does not speak as too."""
    head = "发布时间:2026-01-22 10:58 信息来源:{src}\n一、总体情况\n（一）主动公开政府信息情况\n2025年，{me}认真落实党中央决策部署，主动公开政府信息130条。\n"
    assert interpret(parse(head.format(src="白河市教育局", me="我局"), "text")).agency.name == "白河市教育局"
    assert interpret(parse(head.format(src="白河市人民政府", me="我局"), "text")).agency.name is None
    assert interpret(parse(head.format(src="白河市教育局", me="我委"), "text")).agency.name is None


def test_the_maker_before_what_the_report_covers():
    """A real opening: 由某某市统计局围绕2020年度政府信息公开工作情况编制而成 (the maker, then what it covers)."""
    from disclosure_lint.report.agency_opening import opening_name

    assert opening_name(["本年度报告根据《条例》要求，由白河市统计局围绕2020年度政府信息公开工作情况编制而成。"]) == "白河市统计局"
    assert opening_name(["本年度报告由白河市统计局结合本局工作实际编制。"]) == "白河市统计局"
    # the bureau's unit that compiles it: the bureau's report (a real page: DL301 on 我局 had the unit been the body)
    assert opening_name(["本年度报告由白河区市场监督管理局信息中心结合有关统计数据编制而成。"]) == "白河区市场监督管理局"


def test_the_opening_in_other_words_names_the_body():
    """Real openings: 编写某某县2017年度…年度报告 (编写 for 编制), 由某某区人民政府办公室汇总编制 (the office compiles the
    area's report: the government's), 涵盖了2022年某某区自然资源局政府信息公开工作, 可与某某局办公室联系 (可与 for 请与)."""
    from disclosure_lint.report.agency_opening import opening_name

    assert opening_name(["根据《条例》的规定和要求，编写白沙县2017年度政府信息公开工作年度报告。全文由概述组成。"]) == "白沙县"
    assert opening_name(["根据《条例》和省有关要求，由白沙区人民政府办公室汇总编制。"]) == "白沙区人民政府"
    assert opening_name(["根据《条例》和省有关要求，由白沙区人民政府办公室编制。"]) == "白沙区人民政府办公室"
    assert opening_name(["根据《条例》要求，由白沙区统计局汇总编制。"]) == "白沙区统计局"  # (not a government's office)
    # (a real city's: the office compiles the area's report from its counties' and departments' — due by 3月31日)
    assert opening_name(["本年度报告由白沙市人民政府办公室根据《条例》等规定要求，并综合2022年度各县（市、区）政府和市政府各部门的"
                         "政府信息公开工作情况编制而成。"]) == "白沙市人民政府"
    assert opening_name(["本年度报告由白沙市人民政府办公室根据《条例》编制而成。综合各部门意见，持续改进。"]) == "白沙市人民政府办公室"
    assert opening_name(["本报告由六部分组成，涵盖了2022年白沙区自然资源局政府信息公开工作，所列数据的统计期限…"]) \
        == "白沙区自然资源局"
    assert opening_name(["如对本报告有疑问，可与白沙市市场监督管理局办公室联系（地址：白沙市利民路）。"]) == "白沙市市场监督管理局"
    assert opening_name(["如对本报告有疑问，可与我局办公室联系。"]) is None
    # (a real contact: the bureau's own 局党政办公室, its word written again — not a body 某某区教育局局)
    assert opening_name(["如对本报告有疑问，请联系：白沙区教育局局党政办公室，地址：白沙区京汉大道375号。"]) == "白沙区教育局"


def test_a_letter_sending_the_report_and_a_bulletins_title_label():
    """Real titles: 某某市人民政府关于报送某某市2020年度…年度报告的函 (the sender, not 某某市人民政府关于报送某某市) and
    公报标题某某市卫健委2019年… (a bulletin's label run into the title)."""
    assert name_from_title("白沙市人民政府关于报送白沙市2020年度政府信息公开工作年度报告的函") == ("白沙市人民政府", 2020)
    assert name_from_title("公报标题白沙市卫健委2019年政府信息公开工作年度报告") == ("白沙市卫健委", 2019)
    assert name_from_title("白沙市某某局关于2023年政府信息公开工作年度报告") == ("白沙市某某局", 2023)
    assert name_from_title("白沙市某某委关于报送《2020年政府信息公开工作年度报告》的函") == ("白沙市某某委", 2020)
