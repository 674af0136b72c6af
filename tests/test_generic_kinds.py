"""The generic kinds that users build their own rules with: existence and substitution."""

from __future__ import annotations

import pytest

from disclosure_lint.errors import ConfigError
from disclosure_lint.packs import load_pack_file

from .conftest import lint

EXISTENCE = """
id: XY001
name: no-vague-words
kind: existence
category: content-safety
severity: warning
message: "避免空泛表述“{match}”"
options:
  terms: [取得了一定成效, 进一步加强]
  patterns: ['大力(?:推进|推动)']
  exceptions: ['进一步加强和改进']
  years: {from: 2021}
docs: {what: 空泛表述, why: 内容应翔实, basis: 国办公开办函〔2021〕30号, fail: [{text: 取得了一定成效。}], pass: [{text: 成效明显。}]}
"""

SUBSTITUTION = """
id: XY002
name: our-terms
kind: substitution
category: terminology
severity: info
message: "“{match}”应写作“{replacement}”"
options:
  swap: {'政府信息公开条例': '《中华人民共和国政府信息公开条例》', '(\\d+)个工作日': '\\1个工作日内'}
  exceptions: ['《中华人民共和国政府信息公开条例》']
  fix: unsafe
docs: {what: 用语, why: 统一, basis: 内部规范}
"""


@pytest.fixture
def pack(tmp_path, monkeypatch):
    d = tmp_path / "pack"
    d.mkdir()
    (d / "a.yaml").write_text(EXISTENCE, encoding="utf-8")
    (d / "b.yaml").write_text(SUBSTITUTION, encoding="utf-8")
    (tmp_path / ".disclosure-lint.yaml").write_text("packs: [pack]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _pack_of(tmp_path, monkeypatch, rule: str) -> None:
    """A pack holding the one ``rule``, named by the configuration of ``tmp_path``, the current directory."""
    d = tmp_path / "pack"
    d.mkdir()
    (d / "r.yaml").write_text(rule, encoding="utf-8")
    (tmp_path / ".disclosure-lint.yaml").write_text("packs: [pack]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)


def _check(tmp_path, text: str, name: str = "r.md"):
    from disclosure_lint.api import check_paths

    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return check_paths([str(f)]).files[0].diagnostics


def test_existence_terms_patterns_exceptions_years(pack):
    text = ("# 某某局2023年政府信息公开工作年度报告\n\n本年取得了一定成效，大力推进公开，进一步加强和改进工作，"
            "进一步加强监督。\n")
    diags = [d for d in _check(pack, text) if d.code == "XY001"]
    assert [d.match for d in diags] == ["取得了一定成效", "大力推进", "进一步加强"]
    assert diags[0].message == "避免空泛表述“取得了一定成效”" and diags[0].line == 3
    old = text.replace("2023年", "2019年")
    assert [d for d in _check(pack, old) if d.code == "XY001"] == []  # years: from 2021


def test_substitution_with_groups_and_unsafe_fix(pack):
    text = "依据政府信息公开条例，在15个工作日答复；《中华人民共和国政府信息公开条例》另有规定。\n"
    diags = [d for d in _check(pack, text) if d.code == "XY002"]
    assert [(d.match, d.evidence["expected"]) for d in diags] == [
        ("政府信息公开条例", "《中华人民共和国政府信息公开条例》"), ("15个工作日", "15个工作日内")]
    assert diags[0].fix.applicability == "unsafe"
    assert diags[1].fix.edits[0].replacement == "15个工作日内"


def test_bad_regex_is_a_config_error(tmp_path):
    f = tmp_path / "bad.yaml"
    f.write_text(EXISTENCE.replace("'大力(?:推进|推动)'", "'大力(推进'"), encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_pack_file(f, "p")
    assert "options.patterns" in str(exc.value) and "无效" in str(exc.value)


def test_document_number_brackets_in_tables_too():
    text = "| 依据 |\n|---|\n| 国办公开办函[2021]30号 |\n"
    diags = lint(text, select=["DL702"])
    assert [(d.line, d.match, d.fix.edits[0].replacement) for d in diags] == [
        (3, "[2021]30号", "〔2021〕30号")]


REPORT_YEAR = """
id: XY003
name: own-year-so-far
kind: substitution
category: writing
severity: info
message: "“{match}”宜写作“{replacement}”"
options:
  swap: {'(?P<year>20\\d{2})年以来': '\\g<year>年'}
  report_year: true
docs: {what: 年内说法, why: 全年, basis: 条例第五十条}
"""


def test_substitution_report_year_takes_only_the_reports_own_year(tmp_path, monkeypatch):
    _pack_of(tmp_path, monkeypatch, REPORT_YEAR)
    text = "# 某某局2024年政府信息公开工作年度报告\n\n## 一、总体情况\n\n2024年以来，本局公开信息10条；2019年以来累计公开300条。\n"
    found = [d for d in _check(tmp_path, text) if d.code == "XY003"]
    assert [(d.match, d.evidence["expected"]) for d in found] == [("2024年以来", "2024年")]
    # the report on 2025 that speaks of 2024年以来: a span of years, nothing
    later = text.replace("2024年政府", "2025年政府").replace("2019年以来", "2025年全年")
    assert [d for d in _check(tmp_path, later, "s.md") if d.code == "XY003"] == []


def test_substitution_report_year_in_the_replacement(tmp_path, monkeypatch):
    swap = "  swap: {'截至目前(?=[^。]*\\d)': '截至{report_year}年12月31日'}\n"
    rule = "".join(swap if line.startswith("  swap:") else line for line in REPORT_YEAR.splitlines(keepends=True))
    _pack_of(tmp_path, monkeypatch, rule)
    text = "# 某某局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n截至目前，本局公开信息10条。截至目前，未发生泄密。\n"
    found = [d for d in _check(tmp_path, text) if d.code == "XY003"]
    assert [(d.match, d.evidence["expected"]) for d in found] == [("截至目前", "截至2023年12月31日")]


ONCE_FROM = """
id: XY004
name: no-filler
kind: existence
category: writing
severity: info
message: "“{match}”可删去{repeated}"
options:
  terms: [切实, 进一步]
  once_from: 3
docs: {what: 赘词, why: 简洁, basis: 内部规范}
"""


def test_existence_once_from_reports_a_repeated_form_once_with_its_count(tmp_path, monkeypatch):
    _pack_of(tmp_path, monkeypatch, ONCE_FROM)
    text = ("# 某某局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n切实加强，切实推进，进一步规范，切实落实，"
            "进一步完善。\n")
    found = [(x.match, x.message, x.column) for x in _check(tmp_path, text) if x.code == "XY004"]
    # 切实 three times: once, at its first place, with the count; 进一步 twice: each, without a count
    assert found == [("切实", "“切实”可删去（全文共3处“切实”，只报告第一处）", 1),
                     ("进一步", "“进一步”可删去", 11), ("进一步", "“进一步”可删去", 22)]


def test_existence_once_from_below_two_is_a_config_error(tmp_path):
    f = tmp_path / "bad.yaml"
    f.write_text(ONCE_FROM.replace("once_from: 3", "once_from: 1"), encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_pack_file(f, "p")
    assert "once_from" in str(exc.value)
