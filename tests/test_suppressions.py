"""Suppression comments (issue 10): same-line and file-level directives, reasons, ``suppressions.require_reason`` and
DL003 (unused-suppression).  The older directives (disable/enable/disable-next-line) are in test_engine.py."""

from __future__ import annotations

import pytest

from disclosure_lint.config import Config
from disclosure_lint.diagnostics import Diagnostic
from disclosure_lint.engine import parse_suppressions, prepare, run
from disclosure_lint.errors import ConfigError
from disclosure_lint.kinds.typography import AsciiPunctuation
from disclosure_lint.model import Block, Document
from disclosure_lint.packs import load_rules
from disclosure_lint.report import interpret
from disclosure_lint.suppressions import SuppressionPolicy, read_suppressions

from .conftest import codes, lint, parse

TITLE = "# 某某县人民政府2023年政府信息公开工作年度报告\n\n"


def where(diags, code="DL701"):
    return [(d.line, d.column) for d in diags if d.code == code]


def dl003(diags):
    return [d for d in diags if d.code == "DL003"]


# -- same line and file level ----------------------------------------------------------------------

def test_disable_line_suppresses_its_own_line_only():
    text = TITLE + "第一句,有逗号。<!-- disclosure-lint-disable-line DL701 -->\n\n第二句,报告。\n"
    assert [line for line, _ in where(lint(text, select=["DL701"]))] == [5]


def test_disable_line_by_rule_name_and_before_the_text():
    text = TITLE + "<!-- disclosure-lint-disable-line ascii-punctuation -->第一句,有逗号。\n"
    assert where(lint(text, select=["DL701"])) == []


def test_disable_file_anywhere_in_the_file():
    text = TITLE + "第一句,有逗号。\n\n第二句,也有。\n\n<!-- disclosure-lint-disable-file DL701 -->\n"
    assert where(lint(text, select=["DL701", "DL702"])) == []
    other = TITLE + "第一句,有逗号。\n\n<!-- disclosure-lint-disable-file DL702 -->\n"
    assert len(where(lint(other, select=["DL701"]))) == 1


def test_disable_file_hides_findings_without_a_line():
    sup = read_suppressions("<!-- disclosure-lint-disable-file DL101 -->\n")
    whole = Diagnostic(path="r.md", code="DL101", rule="missing-section", category="structure", severity="error",
                       message="缺少第四部分", pointer="第四部分")
    assert sup.hides(whole) and not read_suppressions("<!-- disclosure-lint-disable DL101 -->\n").hides(whole)


def test_bare_disable_file_suppresses_every_rule():
    text = TITLE + "<!-- disclosure-lint-disable-file -->\n\n第一句,有逗号。2023年13月45日\n"
    assert [d for d in lint(text) if d.code not in ("DL003",)] == []


def test_enable_does_not_close_a_file_level_disable():
    text = TITLE + "<!-- disclosure-lint-disable-file DL701 -->\n<!-- disclosure-lint-enable -->\n\n第一句,有逗号。\n"
    assert where(lint(text, select=["DL701"])) == []


def test_paged_formats_have_no_suppressions():
    blk = Block(index=0, kind="paragraph", text="<!-- disclosure-lint-disable-file --> 第一句,有逗号")
    doc = Document(path="r.pdf", format="pdf", encoding=None, text=blk.text, blocks=(blk,), has_lines=False)
    assert not parse_suppressions(doc)


def test_html_source_same_line():
    page = ("<html><head><title>某某县人民政府2023年政府信息公开工作年度报告</title></head><body>\n"
            "<h1>某某县人民政府2023年政府信息公开工作年度报告</h1>\n"
            "<p>全年更新栏目12个,新增解读3篇。</p><!-- disclosure-lint-disable-line DL701 -->\n"
            "<p>全年答复申请5件,均按时。</p>\n</body></html>\n")
    assert [line for line, _ in where(lint(page, select=["DL701"], fmt="html"))] == [4]


# -- reasons and require_reason ---------------------------------------------------------------------

def test_reason_after_double_dash_is_not_a_code():
    sup = read_suppressions("x\n<!-- disclosure-lint-disable-next-line DL301, DL302 -- 引用上级文件原文 -->\ny\n")
    [d] = sup.directives
    assert (d.codes, d.reason, d.first, d.line, d.column) == (frozenset({"DL301", "DL302"}), "引用上级文件原文", 3, 2, 1)
    [bare] = read_suppressions("<!-- disclosure-lint-disable-file -- 全文引用 -->").directives
    assert bare.codes is None and bare.reason == "全文引用"


def test_reason_is_optional_by_default():
    text = TITLE + "<!-- disclosure-lint-disable-next-line DL701 -- 引用原文 -->\n第一句,有逗号。\n\n" \
        "<!-- disclosure-lint-disable-next-line DL701 -->\n第二句,有逗号。\n"
    assert where(lint(text, select=["DL701", "DL003"])) == []
    assert dl003(lint(text, select=["DL701", "DL003"])) == []


REQUIRE = {"suppressions": {"require_reason": True}}


def test_required_reason_missing_does_not_suppress_and_is_reported():
    text = TITLE + "<!-- disclosure-lint-disable-next-line DL701 -->\n第一句,有逗号。\n\n" \
        "<!-- disclosure-lint-disable-next-line DL701 -- 引用原文 -->\n第二句,有逗号。\n"
    diags = lint(text, select=["DL701", "DL003"], config=REQUIRE)
    assert [line for line, _ in where(diags)] == [4]
    [d] = dl003(diags)
    assert (d.line, d.column, d.evidence["no_reason"]) == (3, 1, True) and "require_reason" in d.message


def test_required_reason_for_ranges_but_not_for_enable():
    text = TITLE + "<!-- disclosure-lint-disable DL701 -- 引用原文 -->\n第一句,有逗号。\n" \
        "<!-- disclosure-lint-enable DL701 -->\n\n第二句,有逗号。\n"
    diags = lint(text, select=["DL701", "DL003"], config=REQUIRE)
    assert [line for line, _ in where(diags)] == [7] and dl003(diags) == []


def test_require_reason_is_a_checked_option():
    with pytest.raises(Exception, match="require_reasons"):
        Config.model_validate({"suppressions": {"require_reasons": True}})
    assert Config().suppressions.require_reason is False


# -- DL003 unused-suppression -------------------------------------------------------------------------

def test_unused_suppression_is_reported_at_the_comment():
    text = TITLE + "正文。  <!-- disclosure-lint-disable-line DL701 -->\n"
    [d] = dl003(lint(text, select=["DL701", "DL003"]))
    assert (d.line, d.column, d.severity, d.category) == (3, 6, "info", "input")
    assert d.evidence["unused"] == ["DL701"] and "没有抑制任何问题" in d.message


def test_used_suppression_is_not_reported():
    for directive in ("disable-line DL701", "disable-file DL701", "disable-file ascii-punctuation"):
        text = TITLE + f"第一句,有逗号。<!-- disclosure-lint-{directive} -->\n"
        assert dl003(lint(text, select=["DL701", "DL003"])) == [], directive


def test_partly_unused_codes_are_named():
    text = TITLE + "<!-- disclosure-lint-disable-next-line DL701 DL702 -->\n第一句,有逗号。\n"
    [d] = dl003(lint(text, select=["DL701", "DL702", "DL003"]))
    assert d.evidence["unused"] == ["DL702"] and "DL702 没有抑制任何问题，可从注释中删去" in d.message


def test_codes_of_rules_not_running_are_not_judged():
    text = TITLE + "<!-- disclosure-lint-disable-next-line DL301 -->\n正文。\n"
    assert dl003(lint(text, select=["DL701", "DL003"])) == []
    assert dl003(lint(text, config={"ignore": ["DL301"]})) == []
    assert len(dl003(lint(text))) == 1  # DL301 runs by default and reports nothing here


def test_bare_suppression_judged_only_when_every_default_rule_runs():
    text = TITLE + "<!-- disclosure-lint-disable-next-line -->\n正文。\n"
    assert dl003(lint(text, select=["DL701", "DL003"])) == []
    [d] = dl003(lint(text))
    assert d.evidence["codes"] is None and d.line == 3


def test_unknown_codes_are_reported_whatever_runs():
    text = TITLE + "<!-- disclosure-lint-disable-next-line DL7O1, DL7 -->\n第一句,有逗号。\n"
    [d] = dl003(lint(text, select=["DL003"]))
    assert d.evidence["unknown"] == ["DL7", "DL7O1"] and "不是已知的规则代码或规则名称" in d.message


def test_a_rule_that_failed_is_not_judged(monkeypatch):
    def boom(self, report):
        raise RuntimeError("kaboom")
        yield  # pragma: no cover

    monkeypatch.setattr(AsciiPunctuation, "check", boom)
    text = TITLE + "<!-- disclosure-lint-disable-next-line DL701 -->\n第一句,有逗号。\n"
    assert codes(lint(text, select=["DL701", "DL003"])) == ["DL000"]


def test_dl003_is_a_rule_like_any_other():
    text = TITLE + "正文。<!-- disclosure-lint-disable-line DL701 -->\n"
    assert dl003(lint(text, config={"ignore": ["DL003"]})) == []
    assert [d.severity for d in dl003(lint(text, config={"severity": {"unused-suppression": "warning"}}))] == ["warning"]
    # only a directive naming DL003 hides it (a bare one would hide its own finding)
    kept = TITLE + "<!-- disclosure-lint-disable-next-line DL003 -->\n正文。<!-- disclosure-lint-disable-line DL701 -->\n"
    assert dl003(lint(kept)) == []
    bare = TITLE + "<!-- disclosure-lint-disable-file -->\n正文。<!-- disclosure-lint-disable-line DL701 -->\n"
    assert [d.line for d in dl003(lint(bare))] == [3, 4]


def test_unused_fingerprint_survives_lines_added_above():
    a = dl003(lint(TITLE + "正文。<!-- disclosure-lint-disable-line DL701 -->\n", select=["DL701", "DL003"]))
    b = dl003(lint(TITLE + "新增。\n\n正文。<!-- disclosure-lint-disable-line DL701 -->\n", select=["DL701", "DL003"]))
    assert a[0].fingerprint == b[0].fingerprint and a[0].line != b[0].line


def test_unused_findings_are_capped_and_in_document_order():
    text = TITLE + "正文。\n\n" + "<!-- disclosure-lint-disable-line DL701 -->" * 20_000 + "\n\n第二句,有逗号。\n"
    diags = lint(text, select=["DL701", "DL003"])
    mine = dl003(diags)
    assert len(mine) == 101 and "及另外19899处" in mine[-1].message
    assert [d.code for d in diags] == ["DL003"] * 101 + ["DL701"]


def test_a_plain_list_of_rules_runs_without_the_policy():
    text = TITLE + "<!-- disclosure-lint-disable-next-line DL7O1 -->\n第一句,有逗号。\n"
    active = list(prepare(load_rules(), Config(select=["DL701", "DL003"])))
    diags = run(interpret(parse(text)), active)
    assert codes(diags) == ["DL701"]  # nothing known about the other rules: no unknown code reported


def test_unknown_selector_in_config_still_an_error():
    with pytest.raises(ConfigError):
        prepare(load_rules(), Config(select=["DL003", "DL0999"]))


def test_forty_thousand_comments_are_read_and_judged():
    # linear (n log n) parsing and judging; the hostile case suppression_comments_100k runs the CLI on 100,000
    kinds = ("我,我<!--disclosure-lint-disable-line DL701 -- 引用-->\n", "<!--disclosure-lint-disable-next-line DL702-->\n",
             "<!--disclosure-lint-disable DL{n}-->\n", "<!--disclosure-lint-enable DL{n}-->\n")
    sup = read_suppressions("".join(kinds[i % 4].format(n=i // 4 % 500 + 100) for i in range(40_000)))
    assert len(sup.directives) == 30_000
    for line in range(1, 40_001, 4):
        assert sup.take(Diagnostic(path="r.md", code="DL701", rule="ascii-punctuation", category="typography",
                                   severity="warning", message="", line=line))
    items = sup.ineffective(SuppressionPolicy(), {"DL701", "DL702"}, True)
    assert len(items) == 10_000 and {it.unused for it in items} == {("DL702",)}
