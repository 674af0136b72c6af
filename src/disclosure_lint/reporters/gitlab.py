"""``--format gitlab``: a GitLab Code Quality report (a JSON array of issues) for merge-request widgets.

Each finding is ``{"type": "issue", "description", "check_name", "fingerprint", "severity",
"location": {"path", "lines": {"begin", "end"}}}``:

* ``check_name`` is the rule's code and name (``DL301 wrong-self-reference``);
* ``fingerprint`` is stable: a hash of the path and the finding's own fingerprint (which survives edits
  elsewhere in the file), unique in the report as GitLab requires even for two identical files;
* ``severity``: info → ``info``, warning → ``minor``, error → ``major``; a file the tool could not read or
  failed on (DL000) is ``critical``;
* a finding without a line (PDF, Word, a table cell) is on line 1, its pointer leading the description.
"""

from __future__ import annotations

import hashlib
from typing import Any, TextIO

from ..failures import is_tool_failure
from ..termsafe import is_utf, json_dumps

SEVERITY = {"info": "info", "warning": "minor", "error": "major"}


def stable_fingerprint(path: str, key: str) -> str:
    return hashlib.sha256(f"{path}\x1f{key}".encode("utf-8", "surrogatepass")).hexdigest()


def issues(run) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for f in run.files:
        if f.error:
            out.append({"type": "issue", "description": f"无法读取：{f.error}", "check_name": "disclosure-lint",
                        "fingerprint": stable_fingerprint(f.path, "unreadable"), "severity": "critical",
                        "location": {"path": f.path, "lines": {"begin": 1}}})
        seen: set[str] = set()
        for d in f.diagnostics:
            key = d.fingerprint or f"{d.code}\x1f{d.message}"
            n = 1
            while f"{key}\x1f{n}" in seen:  # two findings with one fingerprint still get two ids
                n += 1
            seen.add(f"{key}\x1f{n}")
            description = d.message if d.line is not None or not d.pointer else f"{d.pointer}：{d.message}"
            lines = {"begin": d.line or 1}
            if d.end_line is not None and d.end_line != d.line:
                lines["end"] = d.end_line
            out.append({
                "type": "issue",
                "description": description,
                "check_name": f"{d.code} {d.rule}",
                "fingerprint": stable_fingerprint(f.path, key if n == 1 else f"{key}\x1f{n}"),
                "severity": "critical" if is_tool_failure(d) else SEVERITY[d.severity],
                "categories": ["Style"] if d.category in ("typography", "writing", "terminology") else ["Bug Risk"],
                "location": {"path": f.path, "lines": lines},
            })
    return out


def render(run, stream: TextIO, **_: object) -> None:
    encoding = getattr(stream, "encoding", None)
    stream.write(json_dumps(issues(run), ascii_only=encoding is not None and not is_utf(encoding), indent=2))
    stream.write("\n")
