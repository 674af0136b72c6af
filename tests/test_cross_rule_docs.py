"""The documented examples of the cross-report rules, run through the cross-report hook: a fail example fires its
rule (with its ``previous`` report as ``--previous``, or among peers the note describes), a pass example does not."""

from __future__ import annotations

import json

import pytest

from disclosure_lint.kinds import get_kind
from disclosure_lint.packs import load_rules

from .crossgen import check_batch, new_peers, rate_peers
from .test_rule_docs import _matches

RULES = [r for r in load_rules() if getattr(get_kind(r.spec.kind), "cross_report", False)]
PEERS = {"peer-rate-outlier": rate_peers, "peer-kind-figure": new_peers}


def _cases(which: str):
    for r in RULES:
        for i, ex in enumerate(r.spec.docs.fail if which == "fail" else r.spec.docs.pass_):
            yield pytest.param(r, ex, id=f"{r.code}-{which}-{i}")


def _run(tmp_path, rule, example):
    previous = [("previous.md", example.previous)] if example.previous else []
    peers = PEERS[rule.spec.kind]() if rule.spec.kind in PEERS else []
    others = [(f"other{i}.md", text) for i, text in enumerate(example.others)]
    assert previous or peers or others, f"{rule.code}: a cross-report rule's example needs other reports"
    config = None
    if example.config is not None:
        cfg = tmp_path / "config.yaml"
        cfg.write_text(json.dumps({**example.config, "select": [rule.code]}, ensure_ascii=False), encoding="utf-8")
        config = str(cfg)
    results = check_batch(tmp_path / "run", [*others, ("report.md", example.text), *peers], previous,
                          select=[rule.code], config=config)
    return [d for d in results["report.md"].diagnostics if d.code == rule.code]


def test_every_cross_rule_is_here():
    assert {r.code for r in RULES} >= {"DL113", "DL242", "DL243", "DL244", "DL245", "DL246", "DL247", "DL603",
                                       "DL604"}


@pytest.mark.parametrize(("rule", "example"), list(_cases("fail")))
def test_fail_example_fires(tmp_path, rule, example):
    mine = _run(tmp_path, rule, example)
    assert mine, f"{rule.code} did not fire on its fail example"
    if example.expect is not None:
        assert any(_matches(d, example.expect) for d in mine), [f"{d.pointer} {d.message}" for d in mine]


@pytest.mark.parametrize(("rule", "example"), list(_cases("pass")))
def test_pass_example_quiet(tmp_path, rule, example):
    assert [d.message for d in _run(tmp_path, rule, example)] == []
