"""``--format json``: one JSON document for the whole run (schema version 1).

Every file is listed; a file found in a directory and skipped because it is not an annual report has
``"skipped": "<reason>"`` (else ``null``) and no diagnostics; ``summary.files_skipped`` counts them.
``summary.files_with_errors`` counts the files with at least one finding of severity error or that could not be
read, ``summary.files_unreadable`` the latter (``"error"`` set).

Strings are written as they are (Chinese unescaped) except control, format and bidi characters and lone
surrogates (a file name that is not valid UTF-8), which are ``\\u``-escaped
(:func:`~disclosure_lint.termsafe.json_dumps`); on a stream whose encoding is not UTF-8 (GBK) every
non-ASCII character is escaped, so the JSON is always complete and valid.
``configs`` lists every configuration file that applied to a file of the run (paths; empty: defaults).
``shard`` (only in a run with ``--shard i/n``) holds ``index``, ``count`` and ``positions`` — each file's number
in the whole list of files found — so that ``disclosure-lint merge`` puts the parts back in one run's order — and
``cross`` the facts of each report and the rules of the checks across reports (:mod:`..batch.carried`), with which
``merge`` runs those checks again over the reports of every part.
"""

from __future__ import annotations

from typing import TextIO

from .. import __version__
from ..termsafe import is_utf, json_dumps

SCHEMA_VERSION = 1


def as_dict(run, fail_on: str = "error") -> dict:
    files = []
    for f in run.files:
        files.append({
            "path": f.path,
            "format": f.format,
            "encoding": f.encoding,
            "report": f.report,
            "diagnostics": [d.to_json() for d in f.diagnostics],
            "error": f.error,
            "skipped": f.skipped,
        })
    out = {
        "version": SCHEMA_VERSION,
        "tool": {"name": "disclosure-lint", "version": __version__},
        "configs": list(getattr(run, "configs", None) or []),
        "files": files,
        "errors": list(run.errors),
        "summary": {
            "files": len(run.files),
            # a file with at least one finding of severity error, or that could not be read (before: only the
            # latter, so that a run with an error finding said files_with_errors 0)
            "files_with_errors": sum(1 for f in run.files
                                     if f.error or any(d.severity == "error" for d in f.diagnostics)),
            "files_unreadable": sum(1 for f in run.files if f.error),
            "files_skipped": len(run.skipped),
            "error": run.count("error"),
            "warning": run.count("warning"),
            "info": run.count("info"),
            "fail_on": fail_on,
            "exit_code": run.exit_code(fail_on),
        },
    }
    if getattr(run, "baseline", None) is not None:  # --baseline: findings hidden, stale entries
        out["baseline"] = run.baseline
    if getattr(run, "shard", None) is not None:  # --shard i/n: where each file stands in the whole list (merge)
        out["shard"] = run.shard
    if getattr(run, "cross", None) is not None:  # --shard i/n: the facts and rules merge runs the cross checks with
        out["cross"] = run.cross
    return out


def render(run, stream: TextIO, fail_on: str = "error", **_: object) -> None:
    encoding = getattr(stream, "encoding", None)
    stream.write(json_dumps(as_dict(run, fail_on), ascii_only=encoding is not None and not is_utf(encoding), indent=2))
    stream.write("\n")
