"""Every rule's documented fail examples fire it and its pass examples keep it quiet."""

from __future__ import annotations

import re

import pytest

from disclosure_lint.kinds import get_kind
from disclosure_lint.packs import ExampleExpect, RuleDocs, load_rules

from .conftest import lint

RULES = load_rules()


def _cases(kind: str):
    for r in RULES:
        if getattr(get_kind(r.spec.kind), "cross_report", False):
            continue  # compared across reports: tests/test_cross_rule_docs.py runs these examples through the hook
        examples = r.spec.docs.fail if kind == "fail" else r.spec.docs.pass_
        for i, ex in enumerate(examples):
            yield pytest.param(r, ex, id=f"{r.code}-{kind}-{i}")


@pytest.mark.parametrize(("rule", "example"), list(_cases("fail")))
def test_fail_example_fires(rule, example):
    diags = lint(example.text, select=[rule.code], fmt=example.format, year=example.year,
                 agency=example.agency, agency_kind=example.agency_kind, file=example.file)
    assert rule.code in [d.code for d in diags], f"{rule.code} did not fire on its fail example"
    if example.expect is not None:
        mine = [d for d in diags if d.code == rule.code]
        assert any(_matches(d, example.expect) for d in mine), (
            f"no {rule.code} finding matches expect {example.expect.model_dump(exclude_none=True)}; found:\n"
            + "\n".join(f"  {d.line}:{d.column} {d.pointer or ''} {d.message}" for d in mine))


def _matches(d, expect: ExampleExpect) -> bool:
    """A finding matches a fail example's ``expect:``: every field given is there."""
    return ((expect.message is None or expect.message in d.message)
            and (expect.line is None or d.line == expect.line)
            and (expect.column is None or d.column == expect.column)
            and (expect.pointer is None or expect.pointer in (d.pointer or "")))


@pytest.mark.parametrize(("rule", "example"), list(_cases("pass")))
def test_pass_example_quiet(rule, example):
    diags = lint(example.text, select=[rule.code], fmt=example.format, year=example.year,
                 agency=example.agency, agency_kind=example.agency_kind, file=example.file)
    assert [d.message for d in diags if d.code == rule.code] == []


def test_every_rule_has_examples():
    for r in RULES:
        # DL000 reports the tool's own failures: no report text makes it fire (tests/test_failure_isolation.py)
        assert r.spec.docs.fail or r.spec.kind == "internal-error", f"{r.code} has no fail example"
        assert r.spec.docs.pass_, f"{r.code} has no pass example"


def test_codes_follow_categories():
    prefix = {"input": "DL0", "structure": "DL1", "statistics": "DL2", "self-reference": "DL3", "date": "DL4",
              "content-safety": "DL5", "duplication": "DL6", "typography": "DL7", "terminology": "DL8",
              "writing": "DL9"}
    for r in RULES:
        assert r.code.startswith(prefix[r.spec.category]), r.code


def test_expect_is_checked_and_validated():
    from types import SimpleNamespace
    d = SimpleNamespace(message="表三自然人列：3 + 1 ≠ 3 + 0", line=7, column=4, pointer=None)
    assert _matches(d, ExampleExpect(message="3 + 1", line=7))
    assert not _matches(d, ExampleExpect(message="3 + 1", line=8))
    assert not _matches(d, ExampleExpect(pointer="/table"))
    docs = {"what": "a", "why": "b", "basis": "c"}
    for bad in ({"fail": [{"text": "x", "expect": {"messag": "typo"}}]},  # unknown key
                {"fail": [{"text": "x", "expect": {}}]},  # nothing expected
                {"fail": [{"text": "x", "expect": {"line": 0}}]},
                {"pass": [{"text": "x", "expect": {"message": "m"}}]}):  # a pass example reports nothing
        with pytest.raises(ValueError):
            RuleDocs.model_validate({**docs, **bad})
    RuleDocs.model_validate({**docs, "fail": [{"text": "x", "expect": {"message": "m", "column": 3}}]})


def test_statistics_and_date_fail_examples_state_what_they_expect():
    """The statistics (DL2xx) and date (DL4xx) findings are about values: their fail examples say which."""
    missing = [f"{r.code}-fail-{i}" for r in RULES if r.code[:3] in ("DL2", "DL4")
               for i, ex in enumerate(r.spec.docs.fail) if ex.expect is None]
    assert not missing, f"fail examples without expect: {missing}"


# what a rule says reaches clerks (Word comments, the HTML report's 规则说明与依据, explain): it cites the regulation,
# the format or the standard, never this project's own specification (round 18: DL208 said （见规格说明 I13）)
_INTERNAL = re.compile(r"规格说明|§|\bspec\b|\bI(?:[5-9]|1\d)\b", re.IGNORECASE)


def _said(rule) -> list[tuple[str, str]]:
    docs = rule.spec.docs
    fields = [("message", rule.spec.message), ("what", docs.what), ("why", docs.why), ("basis", docs.basis),
              ("options", docs.options or "")]
    return fields + [(f"example note {i}", ex.note or "") for i, ex in enumerate([*docs.fail, *docs.pass_])]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_no_rule_cites_the_internal_specification(rule):
    cited = [(field, m.group()) for field, text in _said(rule) for m in [_INTERNAL.search(text)] if m]
    assert not cited, f"{rule.code} cites the project's own specification: {cited}"


def test_internal_citations_are_caught():
    """Guard: the pattern finds the citations that were there and lets the identities of the options through."""
    for text in ("（见规格说明 I13）", "本项目规格说明 §4 I6", "see spec I7", "I13"):
        assert _INTERNAL.search(text), text
    for text in ("`identity`：本规则检查的合计关系（I1 勾稽关系、I2 申请人合计、I3 办理结果合计、I4 复议诉讼合计）",
                 "suspected-wrong-cell", "国办公开办函〔2021〕30号表三", "GB/T 15834-2011"):
        assert not _INTERNAL.search(text), text


def test_docs_lines_are_joined_as_chinese_is_written():
    from disclosure_lint.packs import join_lines

    assert join_lines("表二的三格\n都填了数字时才检查。\n见 DL243\n的说明。") == "表二的三格都填了数字时才检查。见 DL243 的说明。"
    assert join_lines("第一段，\n续写。\n\n第二段。") == "第一段，续写。\n第二段。"  # a blank line: a paragraph break
    assert join_lines("2021 table 二:\n本年制发") == "2021 table 二: 本年制发"  # a Latin mark or word: a space
    assert join_lines("一行，不变。 其中的空格保留") == "一行，不变。 其中的空格保留"


def test_rule_docs_are_not_folded_between_chinese_characters():
    """A folded block (>-) puts a space at every line break, “…才检查。 两格…” in `explain` and the rule pages: the
    built-in rules write their Chinese docs as literal blocks (|-), which join_lines joins without one."""
    from pathlib import Path

    folded = [f.name for f in sorted(Path(__file__).resolve().parents[1].glob("rules/*/*.yaml"))
              if re.search(r"^  (?:what|why|basis|options): >", f.read_text(encoding="utf-8"), re.M)]
    assert folded == []
    for r in RULES:
        for text in (r.spec.docs.what, r.spec.docs.why, r.spec.docs.basis, r.spec.docs.options or ""):
            assert "\n" not in text, (r.spec.id, text)  # (one paragraph each: no blank line in a docs text)
