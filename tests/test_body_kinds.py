"""Kinds of body the tool used to leave unknown (so DL301, DL405 and DL207 were silently skipped): a customs office
and a People's Bank branch (vertically managed: 我关, 我行), a government's 研究室 (我室), a department's 支队/大队
(我支队, 我队); and a note (DL007) when a named body's kind still cannot be told.

The reports are the correct example report (examples/clean-2023.md) with another body's name and self-word."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_lint.report.agency import classify

from .conftest import lint

CLEAN = (Path(__file__).resolve().parent.parent / "examples" / "clean-2023.md").read_text(encoding="utf-8")
BODY = "江北市青溪区市场监督管理局"


def body_report(name: str, me: str = "我局", *, date: str = "2024年1月18日", rules: str = "0 | 0 | 0") -> str:
    """The clean example as the report of ``name``, calling itself ``me``, signed on ``date``."""
    text = CLEAN.replace(BODY, name).replace("我局", me).replace("2024年1月18日", date)
    return text.replace("| 规章 | 0 | 0 | 0 |", f"| 规章 | {rules} |")


BODIES = [
    ("江北海关", "vertical_branch", "关"),
    ("中华人民共和国江北海关", "vertical_branch", "关"),
    ("中国人民银行江北市中心支行", "vertical_branch", "行"),
    ("中国人民银行青溪支行", "vertical_branch", "行"),
    ("中国人民银行江北分行", "vertical_branch", "行"),
    ("江北市人民政府研究室", "department", "室"),
    ("江北市公安局交通警察支队", "enforcement_unit", "支队"),
    ("江北市公安局交警支队", "enforcement_unit", "支队"),
    ("江北市公安局交警支队第三大队", "enforcement_unit", "大队"),
]


@pytest.mark.parametrize(("name", "kind", "word"), BODIES)
def test_kind_and_self_word_of_the_body(name, kind, word):
    assert classify(name) == (kind, word)


@pytest.mark.parametrize("name", ["江北海关总署", "海关总署", "江北市公安局", "中国人民银行", "江北农村商业银行",
                                  "江北市人民政府办公室", "江北经济技术开发区"])
def test_neighbouring_names_keep_their_kind(name):
    """海关总署 is a 署 (a 国务院部门); a commercial bank or the People's Bank itself is no branch; the rest as before."""
    before = {"江北海关总署": ("department", "署"), "海关总署": ("department", "署"), "江北市公安局": ("bureau", "局"),
              "中国人民银行": (None, None), "江北农村商业银行": (None, None),
              "江北市人民政府办公室": ("government_office", "办"), "江北经济技术开发区": (None, None)}
    assert classify(name) == before[name]


@pytest.mark.parametrize(("name", "kind", "word"), BODIES)
def test_a_copied_self_word_is_reported(name, kind, word):
    """Before: no kind, so 我局 in a customs office's report passed silently (no DL301)."""
    diags = lint(body_report(name), select=["DL301"])
    assert diags, name
    assert all(d.code == "DL301" and "我局" in d.message and f"“我{word}”" in d.message for d in diags)


@pytest.mark.parametrize(("name", "kind", "word"), BODIES)
def test_the_correct_report_of_each_body_passes(name, kind, word):
    assert [d.message for d in lint(body_report(name, f"我{word}"))] == []


def test_a_unit_may_call_itself_wo_dui():
    assert lint(body_report("江北市公安局交通警察支队", "我队")) == []


@pytest.mark.parametrize("name", ["江北海关", "中国人民银行江北市中心支行", "江北市公安局交通警察支队"])
def test_late_publication_of_a_body_the_article_does_not_name_is_a_warning(name):
    """Before: nothing.  Now the department's deadline, as a warning saying why (spec: UNCONFIRMED → warning)."""
    (d,) = lint(body_report(name, date="2024年3月9日"), select=["DL405"])
    assert d.severity == "warning"
    assert "晚于县级以上人民政府部门的法定期限2024年1月31日，迟了38天" in d.message
    assert "是否适用部门的期限未经核实" in d.message


def test_late_publication_of_a_research_office_is_the_departments():
    (d,) = lint(body_report("江北市人民政府研究室", "我室", date="2024年3月9日"), select=["DL405"])
    assert d.severity == "error" and "未经核实" not in d.message


def test_a_bureau_late_is_still_an_error():
    (d,) = lint(body_report(BODY, date="2024年3月9日"), select=["DL405"])
    assert d.severity == "error" and "未经核实" not in d.message


@pytest.mark.parametrize("name", ["江北海关", "中国人民银行江北市中心支行", "江北市公安局交通警察支队",
                                  "江北市人民政府研究室"])
def test_rules_of_a_body_without_rule_making_power(name):
    """Before: no kind, no DL207 (and a name led by 中国 was taken for a 国务院部门 even for a branch)."""
    (d,) = lint(body_report(name, rules="1 | 0 | 2"), select=["DL207"])
    assert name in d.message and "通常没有规章制定权" in d.message


@pytest.mark.parametrize("name", ["国家统计局", "海关总署", "财政部", "审计署"])
def test_a_national_department_is_still_not_asked_about_rules(name):
    # a ministry or administration named alone (部, 署: no region in its name) makes 部门规章
    assert lint(body_report(name, rules="1 | 0 | 2"), select=["DL207"]) == []


def test_a_regions_department_ending_in_bu_is_asked():
    (d,) = lint(body_report("江北省某某厅", rules="1 | 0 | 2"), select=["DL207"])
    assert "通常没有规章制定权" in d.message


# -- DL007: a named body of no known kind --------------------------------------------------------------------


def test_a_body_of_unknown_kind_gets_one_note():
    diags = lint(body_report("江北经济技术开发区", "本机关"))
    assert [(d.code, d.severity) for d in diags] == [("DL007", "info")]
    assert "未能识别发布机关“江北经济技术开发区”（取自标题）的类型" in diags[0].message
    assert "agency.kind" in diags[0].message


def test_no_note_when_the_kind_is_configured_or_known_or_no_body_is_named():
    text = body_report("江北经济技术开发区", "本机关")
    assert lint(text, agency_kind="commission") == []
    assert lint(body_report("江北经济技术开发区管理委员会", "我委")) == []
    nameless = text.replace("# 江北经济技术开发区2023年", "# 2023年").replace("\n江北经济技术开发区\n", "\n")
    assert "DL007" not in [d.code for d in lint(nameless)]


def test_no_note_on_a_file_that_is_no_report():
    assert "DL007" not in [d.code for d in lint("# 江北经济技术开发区会议纪要\n\n今天开会讨论了食堂的菜单。\n")]
