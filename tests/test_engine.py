"""Engine: suppressions, severity and option overrides, fingerprints, rule crashes."""

from __future__ import annotations

import pytest

from disclosure_lint.config import Config
from disclosure_lint.engine import parse_suppressions, prepare, run
from disclosure_lint.errors import ConfigError
from disclosure_lint.kinds.typography import AsciiPunctuation
from disclosure_lint.packs import load_rules
from disclosure_lint.report import interpret

from .conftest import codes, lint, parse

TEXT = """第一句,有逗号。

<!-- disclosure-lint-disable DL701 -->
第二句,被忽略。

第三句,也被忽略。
<!-- disclosure-lint-enable -->

第四句,报告。

<!-- disclosure-lint-disable-next-line DL701 -->
第五句,被忽略。

第六句,报告。

<!-- disclosure-lint-disable-next-line ascii-punctuation -->

第七句,按名称忽略。

<!-- disclosure-lint-disable-next-line DL999 -->
第八句,其他代码不影响。
"""


def test_suppression_comments():
    diags = lint(TEXT, select=["DL701"])
    assert [d.line for d in diags] == [1, 9, 14, 21]


def test_disable_without_codes_disables_everything_until_end():
    diags = lint("第一句,有逗号。\n\n<!-- disclosure-lint-disable -->\n\n第二句,忽略。\n", select=["DL701"])
    assert [d.line for d in diags] == [1]


def test_severity_and_options_override():
    diags = lint("第一句,有逗号;还有分号。", select=["DL701"], config={"severity": {"DL701": "error"}})
    assert {d.severity for d in diags} == {"error"} and len(diags) == 2
    diags = lint("第一句,有逗号;还有分号。", select=["DL701"], config={"options": {"ascii-punctuation": {"marks": ";"}}})
    assert [d.match for d in diags] == [";"]


def test_bad_option_override_is_config_error():
    with pytest.raises(ConfigError) as exc:
        prepare(load_rules(), Config.model_validate({"options": {"DL701": {"nope": 1}}}))
    assert "DL701" in str(exc.value)


def test_fingerprints_stable_when_lines_shift():
    a = lint("第一句,有逗号。", select=["DL701"])
    b = lint("新增的一段。\n\n\n第一句,有逗号。", select=["DL701"])
    assert a[0].fingerprint == b[0].fingerprint and a[0].line != b[0].line
    two = lint("第一句,有逗号。\n\n第一句,有逗号。", select=["DL701"])
    assert len({d.fingerprint for d in two}) == 2


def test_ignore_by_category_and_prefix():
    assert codes(lint("第一句,有逗号。", config={"select": ["DL7"], "ignore": ["typography"]})) == []
    assert codes(lint("第一句,有逗号。", config={"select": ["typography"]})) == ["DL701"]


def test_crashing_kind_becomes_internal_warning(monkeypatch):
    def boom(self, report):
        raise RuntimeError("kaboom")
        yield  # pragma: no cover

    monkeypatch.setattr(AsciiPunctuation, "check", boom)
    diags = lint("第一句,有逗号。", select=["DL701"])
    assert codes(diags) == ["DL000"] and diags[0].category == "input" and "DL701" in diags[0].message


def test_parse_suppressions_ranges():
    doc = parse("a\n<!-- disclosure-lint-disable DL1, DL2 -->\nb\n<!-- disclosure-lint-enable DL1 DL2 -->\nc\n")
    sup = parse_suppressions(doc)
    assert sup.ranges == [(2, 4, frozenset({"DL1", "DL2"}))]


def test_every_rule_survives_degenerate_reports():
    active = prepare(load_rules(), Config())
    for text in ("只有一句话。", "# 标题\n", "| a |\n|---|\n| 1 |\n", "一、\n二、\n三、\n", "<!-- x -->\n"):
        diags = run(interpret(parse(text)), active)
        assert "DL000" not in codes(diags), [d.message for d in diags if d.code == "DL000"]


def test_paged_blocks_report_a_page_pointer_not_lines():
    from disclosure_lint.model import Anchor, Block, Document

    text = "第一句有逗号,然后\n第二行也有,逗号"
    blk = Block(index=0, kind="paragraph", text=text,
                anchors=(Anchor(0, 5, 1, page=2), Anchor(text.index("\n") + 1, 6, 1, page=2)))
    doc = Document(path="r.pdf", format="pdf", encoding=None, text="", blocks=(blk,), has_lines=False)
    active = prepare(load_rules(), Config.model_validate({"select": ["DL701"]}))
    diags = run(interpret(doc), active)
    assert [(d.line, d.column, d.pointer) for d in diags] == [(None, None, "第2页第5行"), (None, None, "第2页第6行")]


def test_fingerprint_has_the_section_not_the_line():
    """The same slip in another section is another finding (its own first occurrence); within one section
    the occurrence tells them apart; an edit above keeps every fingerprint (baselines rely on it)."""
    text = "## 一、总体情况\n\n第一句,有逗号。\n\n## 二、主动公开政府信息情况\n\n第一句,有逗号。\n\n第一句,有逗号。\n"
    a = lint(text, select=["DL701"])
    assert len({d.fingerprint for d in a}) == 3
    moved = lint("## 二、主动公开政府信息情况\n\n第一句,有逗号。\n", select=["DL701"])
    assert moved[0].fingerprint == a[1].fingerprint != a[0].fingerprint
    b = lint("新增的一段。\n\n" + text.replace("第一句", "前面新增的一句。\n\n第一句", 1), select=["DL701"])
    assert [d.fingerprint for d in b] == [d.fingerprint for d in a] and b[0].line != a[0].line
