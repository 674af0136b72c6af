"""Self-reference rules: DL301 self-reference-mismatch, DL302 self-reference-inconsistent."""

from __future__ import annotations

import pytest

from disclosure_lint.docs import rule_defaults
from disclosure_lint.kinds.self_reference import (
    DEFAULT_ALLOWED,
    DEFAULT_GENERIC,
    DEFAULT_NOT_FOLLOWED_BY,
    DEFAULT_PRONOUNS,
    DEFAULT_TERRITORY,
    DEFAULT_WORDS,
)
from disclosure_lint.packs import load_rules

from .conftest import NO_SHARED, SHARED, lint

SEED = (SHARED / "seed/shangtang-2019.txt")


def dl(diags, code):
    return [d for d in diags if d.code == code]


def matches(diags, code):
    return [d.match for d in diags if d.code == code]


STREET_MD = """\
# 青石街道2023年政府信息公开工作年度报告

## 一、总体情况

2023年，我街道以区政府门户网站为平台主动公开政府信息86条，我区政务公开工作稳步推进。

2023年，我局政务公开工作取得了一定进步，本街道未收到行政复议申请。

## 五、存在的主要问题及改进情况

下一步，本局将继续加强培训，本机关、本单位和本部门将按照本办法办理。
"""

STREET_TXT = """\
青石街道2019年政府信息公开工作年度报告
一、概述
2019年，我街道接到公民依申请公开政府信息2条，已按时答复。
二、存在的不足
2019年，我局政务公开工作取得了一定进步，但与公众需求相比仍有差距。
三、其他
2019年，我街道因政府信息公开申请被提起行政诉讼1起。
2019年，我局政务公开工作取得了一定进步，但与公众需求相比仍有差距。
"""


# -- DL301: street office -------------------------------------------------------------------

def test_street_office_markdown_each_occurrence():
    diags = dl(lint(STREET_MD, select=["DL301"]), "DL301")
    assert [d.match for d in diags] == ["我局", "本局"]
    assert [d.line for d in diags] == [7, 11]
    d = diags[0]
    assert d.severity == "error"
    assert d.message.startswith("青石街道（街道办事处）的报告不应自称“我局”，应使用“我街道”“本街道”或“本机关”")
    assert d.evidence["actual"] == "我局"
    assert d.evidence["allowed"][:3] == ["我街道", "本街道", "本机关"]
    assert "我街道" in d.evidence["expected"]
    assert d.evidence["agency_kind"] == "street_office"


def test_street_office_text_both_fire_own_word_quiet():
    diags = lint(STREET_TXT, select=["DL301"], fmt="text")
    assert [(d.line, d.column, d.match) for d in diags] == [(5, 7, "我局"), (8, 7, "我局")]
    assert len({d.fingerprint for d in diags}) == 2


def test_street_office_fix_is_unsafe_and_keeps_pronoun():
    diags = dl(lint(STREET_MD, select=["DL301"]), "DL301")
    assert [d.fix.edits[0].replacement for d in diags] == ["我街道", "本街道"]
    assert all(d.fix.applicability == "unsafe" for d in diags)
    e = diags[0].fix.edits[0]
    assert (e.line, e.column, e.end_column) == (diags[0].line, diags[0].column, diags[0].end_column)


def test_message_names_kind_without_name():
    diags = lint("2023年，我局政务公开工作取得进步。", select=["DL301"], agency_kind="street_office")
    assert [d.message for d in diags] == [
        "街道办事处的报告不应自称“我局”，应使用“我街道”“本街道”或“本机关”（自称与机关类型不符，多为套用其他机关的报告所致）"]


def test_street_office_may_use_office_words():
    text = "# 某某街道办事处2023年政府信息公开工作年度报告\n\n我办全年受理申请3件，本办事处、我街道办和本街道均按时答复。\n"
    assert lint(text, select=["DL301"]) == []


@pytest.mark.skipif(not SEED.is_file(), reason=NO_SHARED)
def test_seed_report():
    from disclosure_lint.config import Config
    from disclosure_lint.engine import prepare, run
    from disclosure_lint.readers import text as text_reader
    from disclosure_lint.report import interpret

    doc = text_reader.parse(SEED.read_text(encoding="utf-8"), path=str(SEED))
    diags = run(interpret(doc), prepare(load_rules(), Config(select=["DL3"])))
    assert [(d.code, d.match) for d in diags] == [("DL301", "我局"), ("DL301", "我局")]
    lines = SEED.read_text(encoding="utf-8").splitlines()
    for d in diags:
        assert lines[d.line - 1][d.column - 1:d.end_column - 1] == "我局"


# -- DL301: town, township, bureau, commission, department ---------------------------------

def test_town_government_text():
    text = """\
    某某镇2023年政府信息公开工作年度报告
    2023年，我镇新增主动公开政府信息130条，本镇政府网站运行平稳，本乡镇各村均设公开栏。
    全省平台调整发布流程，我局积极配合调整。
    我乡全年未收到申请。
    """
    diags = lint(text, select=["DL301"], fmt="text")
    assert [d.match for d in diags] == ["我局", "我乡"]
    assert diags[0].message.startswith("某某镇（镇人民政府）的报告不应自称“我局”，应使用“我镇”“本镇”或“本机关”")
    assert diags[0].fix.edits[0].replacement == "我镇"


def test_township_government_markdown():
    text = "# 某某乡人民政府2023年政府信息公开工作年度报告\n\n2023年，我乡明确专人负责，我镇另行公开。\n"
    diags = lint(text, select=["DL301"])
    assert [d.match for d in diags] == ["我镇"]
    assert "应使用“我乡”“本乡”或“本机关”" in diags[0].message


BUREAU_OK = ("2023年，我局按照本办法和我市要求办理申请，我办理的申请均按期答复，本局局属单位、本机关、"
             "本部门和本单位均无行政复议。我县、我区、我省、本市、本区域政策已解读。自我革命永远在路上，"
             "基本办结，成本中心核算，本局面来之不易，本委托书有效，本部分内容、本部署要求，"
             "本中心城区，本局域网，校本部，本乡本土，发布机关本部及下属单位的预算，机关本部和二级单位。")


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_bureau_quiet_on_compounds_and_territory(fmt):
    assert lint(BUREAU_OK, select=["DL301", "DL302"], agency="某某市商务局", fmt=fmt) == []


def test_bureau_other_body_words():
    text = "本年度我委受理申请12件，本委员会、我办公室、我街道、我中心、我院、本署、我部、我厅均有涉及。"
    diags = lint(text, select=["DL301"], agency="某某市商务局")
    assert [d.match for d in diags] == ["我委", "本委员会", "我办公室", "我街道", "我中心", "我院", "本署",
                                        "我部", "我厅"]
    assert diags[0].message.startswith("某某市商务局的报告不应自称“我委”，应使用“我局”“本局”或“本机关”")
    assert [d.fix.edits[0].replacement for d in diags[:3]] == ["我局", "本局", "我局"]


def test_document_titles_are_not_self_references():
    text = "我街道转发了《我局2023年政务公开工作要点》。"
    assert lint(text, select=["DL301"], agency="某某街道") == []


@pytest.mark.parametrize(("text", "agency"), [
    ("有申请人向我街道申请公开加装电梯审批信息，我街道告知其向区住房和城乡建设局申请，区住房和城乡建设局在答复中"
     "写明：“我局已于2023年6月5日向申请人提供相关信息。”", "青石街道办事处"),
    ("县市场监管局在回复申请人时表示，“我局将依法处理”。", "某某县人民政府"),
    ("区城管局复函称「本局已完成整改」，我街道已将结果告知申请人。", "青石街道办事处"),
])
def test_another_bodys_quoted_words_are_not_self_references(text, agency):
    assert lint(text, select=["DL301"], agency=agency) == []


@pytest.mark.parametrize(("text", "agency", "expected"), [
    ("我街道在答复中写明：“我局已于2023年6月5日向申请人提供相关信息。”", "青石街道办事处", ["我局"]),
    ("我局“三审三校”制度落实到位，信息发布前逐条审核。", "青石街道办事处", ["我局"]),
    ("区住房和城乡建设局表示，我局将依法处理。", "青石街道办事处", ["我局"]),
    ("我街道推行“我局办事不求人”服务品牌。", "青石街道办事处", ["我局"]),  # a slogan, not a body's words
    ("区住房和城乡建设局在答复中写明：“我局已提供。”我局对此跟踪督办。", "青石街道办事处", ["我局"]),
    ("结合青石街道办事处（以下简称“我局”）工作实际编制。", "青石街道办事处", ["我局"]),  # the report's own name
])
def test_self_references_outside_another_bodys_quote_still_fire(text, agency, expected):
    assert matches(lint(text, select=["DL301"], agency=agency), "DL301") == expected


def test_commission():
    text = """\
    # 某某市发展和改革委员会2023年政府信息公开工作年度报告

    本委员会全年受理申请5件，我委办公室负责具体办理，本委按期答复。我市重点项目信息全部公开。

    我局门户网站全年发布信息120条。
    """
    diags = lint(text, select=["DL301"])
    assert [d.match for d in diags] == ["我局"]
    assert "应使用“我委”“本委”或“本机关”" in diags[0].message
    assert diags[0].fix.edits[0].replacement == "我委"


def test_department_uses_name_word():
    text = "本中心全年公开信息200条，我中心网站运行平稳，我局另行公开。"
    diags = lint(text, select=["DL301"], agency="某某市公共资源交易中心")
    assert [d.match for d in diags] == ["我局"]
    assert "应使用“我中心”“本中心”或“本机关”" in diags[0].message
    assert diags[0].fix.edits[0].replacement == "我中心"


def test_government_office():
    text = "我办牵头推进政务公开，本办公室全年受理申请20件，我县各部门按时答复。我局另行公开。"
    diags = lint(text, select=["DL301"], agency="某某县人民政府办公室")
    assert [d.match for d in diags] == ["我局"]
    assert "应使用“我办”“本办”或“本机关”" in diags[0].message


def test_town_government_office_writes_as_its_town():
    # a town government's office (党政办) reports the town's work: 我镇 is its own word, as 我县 is a county office's
    text = "我镇高度重视政府信息公开工作，我办全年受理申请3件。我局另行公开。"
    diags = lint(text, select=["DL301"], agency="某某镇人民政府办公室")
    assert [d.match for d in diags] == ["我局"]


# -- DL301: governments ------------------------------------------------------------------

COUNTY_MD = """\
# 某某县人民政府2023年政府信息公开工作年度报告

## 一、总体情况

2023年，我县主动公开政府信息1200条，本县各乡镇均设公开栏，我市考核我县为优秀，我区相关经验得到推广。

县政府办公室作为主管部门，我办全年组织培训3次。我局门户网站访问量稳步增长，我委、我街道另行公开。
"""


def test_county_government_markdown():
    diags = lint(COUNTY_MD, select=["DL301"])
    assert [d.match for d in diags] == ["我局", "我委", "我街道"]
    assert diags[0].message.startswith("某某县人民政府的报告不应自称“我局”，应使用“我县”“本县”或“本机关”")
    assert all(d.fix is None for d in diags), "no fix for governments: 我局 may mean a department"


def test_district_government_text():
    text = "某某区人民政府2023年政府信息公开工作年度报告\n2023年，我区全年公开信息500条，我市下达任务全部完成，我局另行公开。\n"
    diags = lint(text, select=["DL301"], fmt="text")
    assert [d.match for d in diags] == ["我局"]
    assert "应使用“我区”“本区”或“本机关”" in diags[0].message


def test_city_and_province_territory_quiet():
    assert lint("我市、我州、我省、本市均按时公开。", select=["DL301"], agency="某某市人民政府") == []
    diags = lint("我省主动公开信息。我厅另行公开。", select=["DL301"], agency="某某省人民政府")
    assert [d.match for d in diags] == ["我厅"]


# -- DL301: unknown or partial agency facts ---------------------------------------------------

@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_unknown_agency_is_silent(fmt):
    text = "2023年，我局主动公开政府信息350条。\n\n我委全年受理申请12件，我街道另行公开。\n"
    assert lint(text, select=["DL301"], fmt=fmt) == []


def test_kind_from_config_without_name():
    diags = lint("我委受理申请12件。", select=["DL301"], agency_kind="bureau")
    assert [d.match for d in diags] == ["我委"]
    assert diags[0].message.startswith("局的报告不应自称“我委”")


def test_kind_needing_word_without_name_is_silent():
    assert lint("我局受理申请12件。", select=["DL301"], agency_kind="department") == []
    assert lint("我局受理申请12件。", select=["DL301"], agency_kind="county_government") == []


def test_two_name_agency_allows_both_and_offers_no_fix():
    text = "我办全年受理申请8件，本局按时答复，我委另行公开。"
    diags = lint(text, select=["DL301"], agency="某某市人民政府外事办公室（某某市港澳事务局）")
    assert [d.match for d in diags] == ["我委"]
    assert diags[0].fix is None
    titled = "# 某某市人民政府外事办公室（某某市港澳事务局）2023年政府信息公开工作年度报告\n\n" + text + "\n"
    diags = lint(titled, select=["DL301"])
    assert [d.match for d in diags] == ["我委"]
    assert diags[0].fix is None


@pytest.mark.parametrize(("title", "expected"), [
    ("沙洋县2017年政府信息公开工作年度报告", "应使用“我县”“本县”或“本机关”"),
    ("2022年上海市政府信息公开工作年度报告", "应使用“我市”“本市”或“本机关”"),
    ("某某自治区2022年政府信息公开工作年度报告", "应使用“我区”“本区”或“本机关”"),
])
def test_bare_place_name_title_is_a_government(title, expected):
    text = f"{title}\n2023年，我县我市我区主动公开政府信息1200条，我局另行公开。\n"
    diags = lint(text, select=["DL301"], fmt="text")
    assert [d.match for d in diags] == ["我局"]
    assert expected in diags[0].message


def test_zone_and_sentence_names_stay_unknown():
    text = "某某高新区2023年政府信息公开工作年度报告\n我委受理申请12件，我局另行公开。\n"
    assert lint(text, select=["DL301"], fmt="text") == []
    text = "按照《条例》的有关规定，现将我局2014年政府信息公开情况报告如下。\n我委受理申请12件。\n"
    assert lint(text, select=["DL301"], fmt="text") == []


def test_options_override_merges_per_kind_and_fix_can_be_disabled():
    cfg = {"options": {"DL301": {"allowed": {"bureau": ["我局", "本局", "本机关", "我办"]}, "fix": False}}}
    diags = lint("我局和我办受理申请，我委另行公开。", select=["DL301"], agency="某某市商务局", config=cfg)
    assert [d.match for d in diags] == ["我委"]
    assert diags[0].fix is None
    # street offices keep the built-in forms
    diags = lint("我街道受理申请，我局另行公开。", select=["DL301"], agency="某某街道", config=cfg)
    assert [d.match for d in diags] == ["我局"]


def test_unknown_config_option_is_rejected():
    from disclosure_lint.errors import ConfigError

    with pytest.raises(ConfigError):
        lint("我局", select=["DL301"], config={"options": {"DL301": {"allowd": {}}}})


# -- DL302 -------------------------------------------------------------------------------------

MIXED_TXT = """\
2023年，我局主动公开政府信息350条。
本局门户网站全年发布信息1200条。
我委全年受理政府信息公开申请12件。
本机关未收到行政复议申请，我市政务公开工作稳步推进。
"""


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_inconsistent_unknown_kind_flags_minority(fmt):
    text = MIXED_TXT if fmt == "text" else MIXED_TXT.replace("\n", "\n\n")
    diags = lint(text, select=["DL302"], fmt=fmt)
    assert [d.match for d in diags] == ["我委"]
    d = diags[0]
    assert d.severity == "warning"
    assert d.message.startswith("本报告对本机关的自称不统一：此处用“我委”，全文另有2处用“我局”“本局”")
    assert d.evidence["expected"] == "我局"
    assert d.evidence["actual"] == "我委"
    assert d.evidence["counts"] == {"我局": 1, "本局": 1, "我委": 1}
    assert d.fix is None


def test_inconsistent_tie_keeps_first_used():
    diags = lint("我委受理申请12件。我局另行公开。", select=["DL302"])
    assert [d.match for d in diags] == ["我局"]
    assert "全文另有1处用“我委”" in diags[0].message


def test_the_office_a_reader_is_told_to_contact_is_no_second_self_word():
    """如有疑问请与我办联系 (a real report's opening): the office that handles the requests, not the body calling itself
    我办 beside 我局; the same 我办 in the report's own sentences still counts."""
    text = "如有疑问请与我办联系（联系电话：12345678）。\n2022年，我局未出台规范性文件。\n"
    assert lint(text, fmt="text", select=["DL302"]) == []
    mixed = text + "我办受理申请3件。\n"
    assert [d.match for d in lint(mixed, fmt="text", select=["DL302"])] == ["我办"]  # (a tie: the first word kept)


def test_inconsistent_every_minority_occurrence():
    text = "我局公开信息。我局受理申请。我局答复申请。我委转办。本委员会复核。我办登记。"
    diags = lint(text, select=["DL302"])
    assert [d.match for d in diags] == ["我委", "本委员会", "我办"]


def test_consistent_forms_are_quiet():
    text = "我局公开信息，本局受理申请，本机关、本单位、本部门和我市、我区均按时完成。"
    assert lint(text, select=["DL302"]) == []


def test_known_kind_mixing_allowed_forms():
    # a street office's own name's words (我街道, 我办: 街道办事处): one body, consistent
    text = "# 某某街道2023年政府信息公开工作年度报告\n\n我街道公开信息86条，本街道网站运行平稳，我办受理申请3件。\n"
    assert lint(text, select=["DL302"]) == []


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_known_kind_mismatch_is_not_reported_twice(fmt):
    text = STREET_MD if fmt == "markdown" else STREET_TXT
    diags = lint(text, select=["DL301", "DL302"], fmt=fmt)
    assert {d.code for d in diags} == {"DL301"}


def test_county_government_office_word_alone_is_consistent():
    assert lint("我县公开信息。我办组织培训。本县各部门按时答复。", select=["DL302"],
                agency="某某县人民政府") == []


def test_inconsistent_follows_dl301_allowed_override():
    text = "我局公开信息，我局受理申请，我办登记。"
    assert lint(text, select=["DL302"], agency="某某市商务局") == []  # 我办 is DL301's for a bureau
    cfg = {"options": {"DL301": {"allowed": {"bureau": ["我局", "本局", "我办", "本办"]}}}}
    diags = lint(text, select=["DL302"], agency="某某市商务局", config=cfg)
    assert [d.match for d in diags] == ["我办"]
    cfg["options"]["DL302"] = {"allowed": {"bureau": DEFAULT_ALLOWED["bureau"]}}  # its own setting wins
    assert lint(text, select=["DL302"], agency="某某市商务局", config=cfg) == []


def test_inconsistent_follows_dl301_detection_options_unless_set_itself():
    text = "我局公开信息，我局受理申请，我所登记。"
    assert lint(text, select=["DL302"]) == []  # 所 is not a detected word by default
    words = {**DEFAULT_WORDS, "所": "所"}
    diags = lint(text, select=["DL302"], config={"options": {"self-reference-mismatch": {"words": words}}})
    assert [d.match for d in diags] == ["我所"]
    cfg = {"options": {"DL301": {"words": words}, "DL302": {"words": DEFAULT_WORDS}}}
    assert lint(text, select=["DL302"], config=cfg) == []


def test_single_reference_is_quiet():
    assert lint("我委受理申请12件。", select=["DL302"]) == []


# -- rule files --------------------------------------------------------------------------------

def test_rule_defaults_are_the_python_defaults():
    rules = {r.code: r for r in load_rules()}
    o = rule_defaults(rules["DL301"])
    assert o["allowed"] == DEFAULT_ALLOWED
    assert o["words"] == DEFAULT_WORDS
    assert o["not_followed_by"] == DEFAULT_NOT_FOLLOWED_BY
    assert o["pronouns"] == DEFAULT_PRONOUNS
    assert o["generic"] == DEFAULT_GENERIC
    assert o["territory"] == DEFAULT_TERRITORY
    assert rules["DL302"].spec.options == {} and rules["DL302"].spec.options_from == "DL301"
    assert rules["DL301"].spec.severity == "error" and rules["DL302"].spec.severity == "warning"


@pytest.mark.parametrize("title", ["某某高新技术产业开发区管理委员会办公室2023年政府信息公开工作年度报告",
                                   "某某县某某乡人民政府办公室2023年政府信息公开工作年度报告"])
def test_an_office_that_signs_for_its_body_may_call_itself_ban(title):
    """The title names the body's office (its report, the body's: report.agency is the body, agency.office the
    office): 我办 is the office's own word, not another body's (DL301); with the body's own word too it is mixing (DL302)."""
    text = title + "\n一、总体情况\n2023年，我办认真贯彻《条例》，全年主动公开政府信息120条。\n"
    assert [d.code for d in lint(text, fmt="text", select=["DL301", "DL302"])] == []


def test_a_companys_report_under_a_bureaus_name():
    # a state company's report put out under the bureau's name: 我公司 / 我集团 in a bureau's report
    text = ("# 某某区行政审批局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n"
            "2023年，我公司认真贯彻《中华人民共和国政府信息公开条例》，本集团各部门积极配合。\n")
    found = lint(text, select=["DL301"])
    assert [(d.code, d.match) for d in found] == [("DL301", "我公司"), ("DL301", "本集团")]
    assert "应使用“我局”" in found[0].message


def test_a_companys_own_report_is_not_judged():
    # a public enterprise's own report: its kind is none the rule knows (DL007 says so), 我公司 is its own word
    text = ("# 某某城市投资发展集团有限公司2023年信息公开工作年度报告\n\n一、总体情况\n\n"
            "2023年，我公司认真贯彻《中华人民共和国政府信息公开条例》。\n")
    assert lint(text, select=["DL301", "DL302"]) == []


def test_a_centres_managing_committee_calls_itself_the_centre():
    # 某某行政服务中心管委会 (a real zone's page): 本中心 and 我中心 are its own words, no other body's
    text = ("某某台商投资区行政服务中心管委会2019年政府信息公开工作年度报告\n现将本中心2019年政府信息公开工作报告如下。\n"
            "一、总体情况\n2019年，在区党工委、管委会的领导下，我中心认真贯彻实施《条例》。\n")
    assert lint(text, fmt="text", select=["DL301", "DL302"]) == []
    # a bureau's word is still another body's
    assert [d.code for d in lint(text.replace("我中心", "我局"), fmt="text", select=["DL301"])] == ["DL301"]
