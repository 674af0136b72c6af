"""``--format sarif``: SARIF 2.1.0 (OASIS), one run, for GitHub code scanning and other SARIF viewers.

* ``tool.driver.rules``: every rule active in the run (its code, name, the first sentence of its docs as
  the short description, the whole ``what`` as the full one, ``why`` and ``basis`` as help, ``helpUri`` to
  its page under ``docs/rules/``, its severity as ``defaultConfiguration.level``, its category as a tag).
* each finding: ``level`` (error → error, warning → warning, info → note), the file as a relative URI
  (percent-encoded; a name that is not UTF-8 keeps its bytes), a region in characters — the model's lines
  and columns are 1-based code points, hence ``columnKind: unicodeCodePoints`` and the end column exclusive,
  as SARIF has it — or, without a line (PDF, Word, a table cell), ``logicalLocations`` from its pointer
  (section › table › row › column, 第N段, 第p页第n行); ``partialFingerprints`` from its fingerprint; ``fixes``
  from its fix when every edit has a place in the file.
* an unreadable file or a run-level error is a ``toolExecutionNotification``; ``executionSuccessful`` is
  false when the exit code would be 2.

JSON through :func:`~disclosure_lint.termsafe.json_dumps` (control, format and bidi characters escaped).
"""

from __future__ import annotations

import os
import re
from typing import Any, TextIO
from urllib.parse import quote

from .. import __version__
from ..docs import render_rule_markdown, summary
from ..termsafe import is_utf, json_dumps

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# Where the project and its rule pages live (docs/rules/DLxxx.md in the repository).
PROJECT_URL = "https://github.com/disclosure-lint/disclosure-lint"
RULE_DOCS_URL = PROJECT_URL + "/blob/main/docs/rules/{code}.md"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "disclosureLint/v1"


def artifact_uri(path: str) -> str:
    """A URI reference for a path as given: relative stays relative, absolute becomes ``file://``."""
    raw = os.fsencode(path).replace(os.sep.encode(), b"/") if os.sep != "/" else os.fsencode(path)
    uri = quote(raw, safe="/-._~")
    return "file://" + uri if raw.startswith(b"/") else uri


def _logical_kind(part: str) -> str:
    if re.search(r"第\d+行第\d+列$", part):
        return "cell"
    if re.search(r"第\d+页", part):
        return "page"
    if re.fullmatch(r"第\d+段", part):
        return "paragraph"
    if part.startswith("表") or "表格" in part:
        return "table"
    if re.fullmatch(r"[一二三四五六七八九十]+、.*", part):
        return "section"
    return "element"


def logical_locations(pointer: str) -> list[dict[str, Any]]:
    """``三、… › 表三 › （七）总计 › 自然人`` → one logical location per part, each naming its parent."""
    parts = [p.strip() for p in pointer.split("›") if p.strip()]
    out: list[dict[str, Any]] = []
    for i, part in enumerate(parts):
        loc: dict[str, Any] = {"name": part, "fullyQualifiedName": " › ".join(parts[: i + 1]), "kind": _logical_kind(part)}
        if i:
            loc["parentIndex"] = i - 1
        out.append(loc)
    if len(out) >= 3 and out[1]["kind"] == "table":  # section › table › row › column
        out[2]["kind"] = "row"
        if len(out) >= 4:
            out[3]["kind"] = "column"
    return out


def _region(line: int | None, column: int | None, end_line: int | None, end_column: int | None) -> dict[str, int]:
    region = {"startLine": line or 1, "startColumn": column or 1}
    if end_line is not None:
        region["endLine"] = end_line
    if end_column is not None:
        region["endColumn"] = end_column
    return region


def _rule_descriptor(active) -> dict[str, Any]:
    rule, spec = active.rule, active.rule.spec
    docs = spec.docs
    return {
        "id": spec.id,
        "name": spec.name,
        "shortDescription": {"text": summary(rule)},
        "fullDescription": {"text": " ".join(docs.what.split())},
        "help": {"text": f"{' '.join(docs.why.split())}\n依据：{' '.join(docs.basis.split())}",
                 "markdown": render_rule_markdown(rule)},
        "helpUri": RULE_DOCS_URL.format(code=quote(spec.id)),
        "defaultConfiguration": {"level": LEVEL[active.severity], "enabled": True},
        "properties": {"category": spec.category, "pack": rule.pack, "tags": [spec.category]},
    }


def _fixes(d, uri: str) -> list[dict[str, Any]]:
    # a paged format (PDF, Word) reports no file line: its edits' lines are not lines of the file
    if d.line is None or d.fix is None or not d.fix.edits or any(e.line is None or e.column is None for e in d.fix.edits):
        return []
    replacements = [{"deletedRegion": _region(e.line, e.column, e.end_line, e.end_column),
                     "insertedContent": {"text": e.replacement}} for e in d.fix.edits]
    return [{"description": {"text": d.fix.description},
             "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}],
             "properties": {"applicability": d.fix.applicability}}]


def _result(d, uri: str, rule_index: dict[str, int]) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    location: dict[str, Any] = {"physicalLocation": physical}
    if d.line is not None:
        physical["region"] = _region(d.line, d.column, d.end_line, d.end_column)
    if d.pointer:
        location["logicalLocations"] = logical_locations(d.pointer)
    text = d.message if d.line is not None or not d.pointer else f"{d.message}（位置：{d.pointer}）"
    result: dict[str, Any] = {
        "ruleId": d.code, "ruleIndex": rule_index[d.code], "level": LEVEL[d.severity],
        "message": {"text": text}, "locations": [location],
    }
    if d.fingerprint:
        result["partialFingerprints"] = {FINGERPRINT_KEY: d.fingerprint}
    fixes = _fixes(d, uri)
    if fixes:
        result["fixes"] = fixes
    return result


def as_dict(run, fail_on: str = "error") -> dict[str, Any]:
    rules = [_rule_descriptor(a) for a in getattr(run, "rules", None) or []]
    rule_index = {r["id"]: i for i, r in enumerate(rules)}
    for f in run.files:  # findings of rules outside the run's rule set (DL000, the tool's own)
        for d in f.diagnostics:
            if d.code not in rule_index:
                rule_index[d.code] = len(rules)
                rules.append({"id": d.code, "name": d.rule, "shortDescription": {"text": d.rule},
                              "helpUri": RULE_DOCS_URL.format(code=quote(d.code))})
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = [{"level": "error", "message": {"text": err}} for err in run.errors]
    artifacts: list[dict[str, Any]] = []
    for f in run.files:
        uri = artifact_uri(f.path)
        if f.skipped:
            continue
        artifact: dict[str, Any] = {"location": {"uri": uri}}
        if f.encoding:
            artifact["encoding"] = f.encoding
        artifacts.append(artifact)
        if f.error:
            notifications.append({"level": "error", "message": {"text": f"{f.path}：{f.error}"},
                                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}]})
        results.extend(_result(d, uri, rule_index) for d in f.diagnostics)
    code = run.exit_code(fail_on)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "disclosure-lint", "version": __version__, "informationUri": PROJECT_URL,
                                "rules": rules}},
            "invocations": [{"executionSuccessful": code != 2, "exitCode": code,
                             "toolExecutionNotifications": notifications}],
            "columnKind": "unicodeCodePoints",
            "artifacts": artifacts,
            "results": results,
        }],
    }


def render(run, stream: TextIO, fail_on: str = "error", **_: object) -> None:
    encoding = getattr(stream, "encoding", None)
    stream.write(json_dumps(as_dict(run, fail_on), ascii_only=encoding is not None and not is_utf(encoding), indent=2))
    stream.write("\n")
