"""FileResult.to_json / from_json: every kind of result survives the round trip through JSON text exactly
(the process pool and the result cache carry results this way), and data that is not a result is refused."""

from __future__ import annotations

import json

import pytest

from disclosure_lint.api import Checker, FileResult
from disclosure_lint.diagnostics import Diagnostic, Edit, Fix


def _trip(result: FileResult) -> FileResult:
    return FileResult.from_json(json.loads(json.dumps(result.to_json(), ensure_ascii=True)))


def _diag(path: str = "a.md", **kw) -> Diagnostic:
    base = dict(path=path, code="DL201", rule="identity", category="statistics", severity="error",
                message="合计不等于各项之和", line=3, column=5, end_line=3, end_column=9, pointer="表三 › 总计",
                match="12", evidence={"expected": 12, "actual": 13, "cells": ["a", "b"], "nested": {"x": None}},
                fingerprint="abc")
    base.update(kw)
    return Diagnostic(**base)  # type: ignore[arg-type]


CASES = [
    FileResult(path="missing.md", error="文件不存在"),
    FileResult(path="README.md", skipped="不像年度报告", format="markdown", encoding="utf-8", report={"title": None}),
    FileResult(path="old.doc", skipped="不支持 .doc"),
    FileResult(path="a.md", format="markdown", encoding="gb18030", report={"agency": "某局", "year": 2023,
                                                                          "sections": ["s1", "s2"]},
               diagnostics=[
                   _diag(),
                   _diag(code="DL701", severity="warning", category="typography", line=None, column=None,
                         end_line=None, end_column=None, evidence={},
                         fix=Fix("改为全角", (Edit(1, 2, 1, 3, "，"), Edit(None, None, None, None, "", "第2段")),
                                 "unsafe")),
                   _diag(code="DL000", severity="warning", category="input", evidence={"exception": "KeyError"}),
                   _diag(path="other.md", message="跨报告：\u202e控制字符 \udcff"),
               ]),
]


@pytest.mark.parametrize("result", CASES, ids=lambda r: r.path)
def test_round_trip_exact(result):
    assert _trip(result) == result


def test_round_trip_real_results(tmp_path):
    (tmp_path / "r.md").write_text("# 某某局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n本机关2023年,主动公开信息。\n",
                                   encoding="utf-8")
    result = Checker(isolated=True).check_file(str(tmp_path / "r.md"))
    assert result.diagnostics and result.report
    assert _trip(result) == result


def test_new_fields_flow_through():
    """A field another part adds (plain JSON) needs no change here: to_json lists every dataclass field."""
    data = CASES[3].to_json()
    assert set(data) == set(FileResult.__dataclass_fields__)


@pytest.mark.parametrize("bad", [
    None, [], {"path": 3}, {"path": "a", "diagnostics": {}}, {"path": "a", "error": 5},
    {"path": "a", "report": "x"}, {"path": "a", "diagnostics": [{"code": "DL1"}]},
    {"path": "a", "diagnostics": [{**_diag().to_json(), "severity": "fatal"}]},
    {"path": "a", "diagnostics": [{**_diag().to_json(), "line": True}]},
    {"path": "a", "diagnostics": [{**_diag().to_json(), "__class__": "os.system"}]},
    {"path": "a", "diagnostics": [{**_diag().to_json(), "fix": {"description": "x", "edits": [{"rm": 1}],
                                                                "applicability": "safe"}}]},
])
def test_refuses_what_is_not_a_result(bad):
    with pytest.raises(ValueError):
        FileResult.from_json(bad)
