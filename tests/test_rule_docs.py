"""Every rule's documented fail examples fire it and its pass examples keep it quiet."""

from __future__ import annotations

import pytest

from disclosure_lint.packs import load_rules

from .conftest import lint

RULES = load_rules()


def _cases(kind: str):
    for r in RULES:
        examples = r.spec.docs.fail if kind == "fail" else r.spec.docs.pass_
        for i, ex in enumerate(examples):
            yield pytest.param(r, ex, id=f"{r.code}-{kind}-{i}")


@pytest.mark.parametrize(("rule", "example"), list(_cases("fail")))
def test_fail_example_fires(rule, example):
    diags = lint(example.text, select=[rule.code], fmt=example.format, year=example.year,
                 agency=example.agency, agency_kind=example.agency_kind)
    assert rule.code in [d.code for d in diags], f"{rule.code} did not fire on its fail example"


@pytest.mark.parametrize(("rule", "example"), list(_cases("pass")))
def test_pass_example_quiet(rule, example):
    diags = lint(example.text, select=[rule.code], fmt=example.format, year=example.year,
                 agency=example.agency, agency_kind=example.agency_kind)
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
