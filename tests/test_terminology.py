"""Terminology rules: DL801 outdated format notice, DL802 repealed 条例, DL803 superseded formulation."""

from __future__ import annotations

import pytest

from disclosure_lint.config import Config
from disclosure_lint.engine import prepare
from disclosure_lint.errors import ConfigError
from disclosure_lint.packs import load_rules

from .conftest import NO_SHARED, SHARED, lint, shared_params

SEED = (SHARED / "seed/shangtang-2019.txt")
EXCERPTS = (SHARED / "corpus/excerpts")


def _codes(diags, code):
    return [d for d in diags if d.code == code]


# -- DL801 outdated-format-notice ------------------------------------------------------------------

@pytest.mark.parametrize("citation", [
    "国办公开办函〔2019〕60号",
    "国办公开办函[2019]60号",
    "国办公开办函（2019）60号",
    "国办公开办函(2019)60号",
    "国办公开办函【2019】60号",
    "国办公开办函 〔2019〕 第60号",
    "《中华人民共和国政府信息公开工作年度报告格式（试行）》",
])
@pytest.mark.parametrize("year", [2021, 2024])
def test_dl801_fires_for_2021_and_later(citation, year):
    diags = _codes(lint(f"本报告依据{citation}要求编制。", select=["DL801"], year=year), "DL801")
    assert len(diags) == 1
    d = diags[0]
    assert d.severity == "warning"
    assert f"{year}年度" in d.message and "〔2021〕30号" in d.message
    assert d.evidence["expected"].endswith("（国办公开办函〔2021〕30号）")
    assert d.evidence["actual"] == d.match
    assert d.evidence["report_year"] == year and d.evidence["outdated_since"] == 2021


@pytest.mark.parametrize("year", [2019, 2020, None])
def test_dl801_quiet_before_2021_or_year_unknown(year):
    text = "本报告依据国办公开办函〔2019〕60号要求编制。"
    assert _codes(lint(text, select=["DL801"], year=year), "DL801") == []


@pytest.mark.parametrize("text", [
    "本报告依据国办公开办函〔2021〕30号要求编制。",
    "本报告依据国办公开办函〔2019〕61号要求编制。",
    "本报告依据《中华人民共和国政府信息公开工作年度报告格式》编制。",
])
def test_dl801_quiet_on_current_or_other_notices(text):
    assert _codes(lint(text, select=["DL801"], year=2022), "DL801") == []


def test_dl801_the_format_notices_number_with_another_year():
    # 《…印发<…年度报告格式>的通知》(国办公开办函〔2019〕30号): the number is the 2021 notice's, its year is not
    text = "根据《国务院办公厅政府信息与政务公开办公室关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》(国办公开办函〔2019〕30号)要求编制。"
    ds = [d for d in lint(text, select=["DL801"], year=2022) if d.code == "DL801"]
    assert len(ds) == 1 and "国办公开办函〔2021〕30号" in ds[0].message and "〔2019〕30号" in ds[0].match
    assert _codes(lint(text.replace("〔2019〕30号", "〔2021〕30号"), select=["DL801"], year=2022), "DL801") == []


def test_dl801_the_trial_formats_number_with_another_year():
    """国办公开办函〔2020〕60号 in a 2020 report (a real provincial bureau's page): the 2019 notice's number, its year wrong;
    in a 2022 report it is the outdated notice either way."""
    text = "根据《条例》和国办公开办函〔2020〕60号要求编制本报告。"
    [d] = _codes(lint(text, select=["DL801"], year=2020), "DL801")
    assert "应改为国办公开办函〔2019〕60号（文号年份写错" in d.message and d.match == "国办公开办函〔2020〕60号"
    [d] = _codes(lint(text, select=["DL801"], year=2022), "DL801")
    assert "国办公开办函〔2021〕30号" in d.message
    assert _codes(lint(text.replace("〔2020〕", "〔2019〕"), select=["DL801"], year=2020), "DL801") == []


@pytest.mark.parametrize("cited", ["国办公开函〔2021〕30号", "国办公开函202130号", "国办公开办涵〔2021〕30号"])
def test_dl801_the_issuers_code_miswritten(cited):
    """国办公开函 (办 left out), its brackets lost too (国办公开函202130号, a real town's page), 涵 for 函."""
    [d] = _codes(lint(f"根据{cited}要求编制本报告。", select=["DL801"], year=2023), "DL801")
    assert "应改为国办公开办函" in d.message
    # an unsafe fix writes the code (the rest of the number as it is: its brackets are DL702's and DL703's)
    assert d.fix is not None and d.fix.applicability == "unsafe" and [e.replacement for e in d.fix.edits] == ["国办公开办函"]
    assert cited.replace(d.match, "国办公开办函").startswith("国办公开办函")
    assert _codes(lint("根据国办公开办函〔2021〕30号要求编制本报告。", select=["DL801"], year=2023), "DL801") == []


def test_dl801_year_from_title_and_text_format():
    text = "某局2022年政府信息公开工作年度报告\n根据国办公开办函〔2019〕60号要求编制本报告。\n"
    diags = _codes(lint(text, select=["DL801"], fmt="text"), "DL801")
    assert [(d.line, d.match) for d in diags] == [(2, "国办公开办函〔2019〕60号")]


def test_dl801_in_table_block():
    text = """\
    | 依据 | 说明 |
    | --- | --- |
    | 国办公开办函〔2019〕60号 | 格式 |
    """
    diags = _codes(lint(text, select=["DL801"], year=2022), "DL801")
    assert [(d.line, d.column) for d in diags] == [(3, 3)]


@pytest.mark.skipif(not EXCERPTS.is_dir(), reason=NO_SHARED)
@pytest.mark.parametrize("name", ["013.txt", "031.txt"])
def test_dl801_fires_on_real_reports_citing_the_trial_notice(name):
    text = (EXCERPTS / name).read_text(encoding="utf-8")
    diags = _codes(lint(text, select=["DL801"], fmt="text"), "DL801")
    assert [d.match for d in diags] == ["国办公开办函〔2019〕60号"]


# DL801 the other way: a 2019 or 2020 report citing the 2021 notice, issued only in September 2021

CITE_2021 = "本报告依据《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制。"


@pytest.mark.parametrize("year", [2019, 2020])
def test_dl801_report_before_2021_citing_the_2021_notice(year):
    diags = _codes(lint(CITE_2021, select=["DL801"], year=year), "DL801")
    assert len(diags) == 1 and diags[0].severity == "warning"
    assert diags[0].match == "国办公开办函〔2021〕30号"
    assert diags[0].message.startswith(f"{year}年度报告引用了“国办公开办函〔2021〕30号”，应改为2019年试行格式的通知"
                                       "（国办公开办函〔2019〕60号）")
    assert diags[0].evidence["outdated_until"] == 2020


@pytest.mark.parametrize("year", [2021, 2023, None])
def test_dl801_2021_notice_fine_from_2021(year):
    assert _codes(lint(CITE_2021, select=["DL801"], year=year), "DL801") == []


def test_dl801_old_direction_message_unchanged():
    diags = _codes(lint("本报告依据国办公开办函〔2019〕60号要求编制。", select=["DL801"], year=2022), "DL801")
    assert [d.message.split("，")[0] for d in diags] == ["2022年度报告仍引用“国办公开办函〔2019〕60号”"]
    assert "outdated_until" not in diags[0].evidence
    assert _codes(lint("本报告依据国办公开办函〔2019〕60号要求编制。", select=["DL801"], year=2020), "DL801") == []


# -- DL802 repealed-regulation ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "match"), [
    ("根据《中华人民共和国政府信息公开条例》（国务院令第492号）要求编制本报告。", "国务院令第492号"),
    ("依据《条例》（国务院令492号）编制。", "国务院令492号"),
    ("《中华人民共和国政府信息公开条例》于2008年5月1日起施行。", "2008年5月1日起施行"),
    ("《条例》2008年5月1日正式实施，本局认真落实。", "2008年5月1日正式实施"),
    ("《中华人民共和国政府信息公开条例》于2007年4月5日公布。", "2007年4月5日公布"),
])
def test_dl802_fires(text, match):
    diags = _codes(lint(text, select=["DL802"], year=2019), "DL802")
    assert [d.match for d in diags] == [match]
    assert "第711号" in diags[0].message or "2019年" in diags[0].message


@pytest.mark.parametrize("text", [
    "根据《中华人民共和国政府信息公开条例》（国务院令第711号）要求编制本报告。",
    "《条例》自2008年5月1日起施行以来，本市政府信息公开工作不断深化。",
    "本局制度于2008年5月1日起施行。",  # no 条例 nearby
    "《条例》（2007年国务院令第492号公布，2019年国务院令第711号修订）。",
    "修订前的《条例》于2007年4月5日公布。",
])
def test_dl802_quiet(text):
    assert _codes(lint(text, select=["DL802"], year=2021), "DL802") == []


@pytest.mark.parametrize("year", [2018, None])
def test_dl802_quiet_before_2019_or_unknown(year):
    text = "根据《中华人民共和国政府信息公开条例》（国务院令第492号）要求编制本报告。"
    assert _codes(lint(text, select=["DL802"], year=year), "DL802") == []


# -- DL803 superseded-formulation ------------------------------------------------------------------

def test_dl803_fires_and_quiet_by_year():
    text = "本机关坚持以科学发展观为统领，推进政务公开。"
    diags = _codes(lint(text, select=["DL803"], year=2018), "DL803")
    assert [d.match for d in diags] == ["以科学发展观为统领"]
    assert "习近平新时代中国特色社会主义思想" in diags[0].message
    assert _codes(lint(text, select=["DL803"], year=2017), "DL803") == []
    assert _codes(lint(text, select=["DL803"]), "DL803") == []


@pytest.mark.parametrize("text", [
    "坚持以习近平新时代中国特色社会主义思想为指导。",
    "以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观、习近平新时代中国特色社会主义思想为指导。",
    "深入学习科学发展观的历史贡献。",
])
def test_dl803_quiet(text):
    assert _codes(lint(text, select=["DL803"], year=2023), "DL803") == []


@pytest.mark.skipif(not SEED.is_file(), reason=NO_SHARED)
def test_dl803_fires_on_seed():
    diags = _codes(lint(SEED.read_text(encoding="utf-8"), select=["DL803"], fmt="text"), "DL803")
    # the scraped page repeats the report body, so the same sentences are there twice: the guiding ideology of before
    # 2018 and, in this 2019 report, the principle of before the revised 《条例》
    assert sorted(d.match for d in diags) == sorted(["以科学发展观为统领", "公开为原则,不公开为例外"] * 2)
    assert len({d.fingerprint for d in diags}) == 4


# -- options and real pages ---------------------------------------------------------------------

def test_entries_are_configurable():
    cfg = {"options": {"DL803": {"entries": [
        {"terms": ["旧提法"], "since": 2020, "until": 2022, "replacement": "新提法", "reason": "测试"}]}}}
    assert _codes(lint("坚持旧提法。", select=["DL803"], year=2021, config=cfg), "DL803")
    assert _codes(lint("坚持旧提法。", select=["DL803"], year=2023, config=cfg), "DL803") == []
    assert _codes(lint("以科学发展观为统领", select=["DL803"], year=2021, config=cfg), "DL803") == []


def test_bad_entry_regex_is_config_error():
    cfg = Config.model_validate({"select": ["DL803"], "options": {"DL803": {"entries": [
        {"patterns": ["(unclosed"], "since": 2020, "replacement": "x"}]}}})
    with pytest.raises(ConfigError):
        prepare(load_rules(), cfg)


@pytest.mark.parametrize("path", shared_params("corpus/excerpts/*.txt", "seed/shangtang-2019.txt"))
def test_real_pages_only_expected_findings(path):
    diags = lint(path.read_text(encoding="utf-8"), select=["DL801", "DL802", "DL803"], fmt="text")
    expected = {"013.txt": ["DL801"], "031.txt": ["DL801"], SEED.name: ["DL803"] * 4}.get(path.name, [])
    assert [d.code for d in diags] == expected


def test_dl801_one_finding_per_citation():
    text = "依据《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）编制。"
    diags = _codes(lint(text, select=["DL801"], year=2023), "DL801")
    assert [d.match for d in diags] == ["《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号"]
    text = "依据《中华人民共和国政府信息公开工作年度报告格式（试行）》和国办公开办函〔2019〕60号编制。"
    assert len(_codes(lint(text, select=["DL801"], year=2023), "DL801")) == 2


# -- contrast: the old document named as old is not a citation of it (rt-clean #12) ----------------

@pytest.mark.parametrize(("text", "year", "code"), [
    ("本年度报告统一使用修订后的格式，不再使用国办公开办函〔2019〕60号印发的试行格式。", 2021, "DL801"),
    ("与国办公开办函〔2019〕60号规定的试行格式相比，新格式调整了表三的栏目。", 2022, "DL801"),
    ("自2021年度起，本局年度报告由国办公开办函〔2019〕60号规定的试行格式调整为国办公开办函〔2021〕30号规定的格式。", 2023,
     "DL801"),
    ("本局年度报告模板已由国办公开办函〔2019〕60号的试行格式更新为修订后的格式。", 2022, "DL801"),
    ("与原《条例》（国务院令第492号）相比，新《条例》明确了“以公开为常态、不公开为例外”的原则。", 2019, "DL802"),
    ("修订后的《条例》取代了国务院令第492号公布的原《条例》。", 2020, "DL802"),
])
def test_contrast_in_the_same_sentence_is_quiet(text, year, code):
    md = f"# 某某市某某局{year}年政府信息公开工作年度报告\n\n## 一、总体情况\n\n{text}\n"
    assert _codes(lint(md, select=[code]), code) == []
    assert _codes(lint(md.replace("\n\n", " "), select=[code], fmt="text"), code) == []


@pytest.mark.parametrize(("text", "year", "code", "match"), [
    # the contrast is in another sentence: the citation itself is outdated
    ("本年度报告统一使用修订后的格式。本报告依据国办公开办函〔2019〕60号要求编制。", 2021, "DL801", "国办公开办函〔2019〕60号"),
    ("根据《条例》（国务院令第492号）编制本报告。与上年相比，申请数量有所增加。", 2020, "DL802", "国务院令第492号"),
    ("本报告依据国办公开办函〔2019〕60号要求编制。全年调整为线上受理的申请12件。", 2022, "DL801", "国办公开办函〔2019〕60号"),
])
def test_contrast_in_another_sentence_does_not_cover(text, year, code, match):
    md = f"# 某某市某某局{year}年政府信息公开工作年度报告\n\n## 一、总体情况\n\n{text}\n"
    diags = _codes(lint(md, select=[code]), code)
    assert [(d.line, d.match) for d in diags] == [(5, match)]


def test_dl803_unsafe_fix_writes_the_formulation_in_force(tmp_path):
    from typer.testing import CliRunner

    from disclosure_lint.cli import app

    text = ("某某街道2023年政府信息公开工作年度报告\r\n一、总体情况\r\n"
            "本街道坚持科学发展观为统领，按照“公开为原则，不公开为例外”的原则推进公开。\r\n")
    path = tmp_path / "r.txt"
    path.write_bytes(text.encode("utf-8"))
    runner = CliRunner()
    runner.invoke(app, ["check", "--isolated", "--select", "DL803", "--fix", str(path)])
    assert path.read_bytes() == text.encode("utf-8")  # unsafe: not without --unsafe-fixes
    runner.invoke(app, ["check", "--isolated", "--select", "DL803", "--fix", "--unsafe-fixes", str(path)])
    fixed = path.read_bytes().decode("utf-8")
    assert "坚持以习近平新时代中国特色社会主义思想为指导，按照“以公开为常态、不公开为例外”的原则" in fixed, fixed
    assert fixed.count("\r\n") == 3 and _codes(lint(fixed, select=["DL803"], fmt="text"), "DL803") == []


def test_dl803_no_fix_for_the_last_item_of_a_list():
    diags = lint("坚持以邓小平理论、“三个代表”重要思想和科学发展观为指导，推进政务公开。", select=["DL803"], year=2020)
    assert [d.code for d in diags] == ["DL803"] and diags[0].fix is None
    (one,) = lint("坚持科学发展观为指导，推进政务公开。", select=["DL803"], year=2020)
    assert one.fix is not None and one.fix.edits[0].replacement == "以习近平新时代中国特色社会主义思想为指导"


@pytest.mark.parametrize("text, replacement", [
    ("本局坚持以“公开为原则，不公开为例外”，及时公开。", "公开为常态、不公开为例外"),  # 以 outside the quote: not a second 以
    ("按照“公开为原则，不公开为例外”的原则推进。", "以公开为常态、不公开为例外"),
    ("坚持以公开为原则、不公开为例外，推进公开。", "以公开为常态、不公开为例外"),
])
def test_dl803_principle_fix_keeps_one_yi(text, replacement):
    (d,) = lint(text, select=["DL803"], year=2022)
    assert d.fix is not None and [e.replacement for e in d.fix.edits] == [replacement]
    fixed = text[:d.column - 1] + replacement + text[d.column - 1 + len(d.match):]
    assert "以“以" not in fixed and "以以" not in fixed and fixed.count("不公开为例外") == 1
