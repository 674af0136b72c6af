"""``--format junit``: JUnit XML, for CI systems that show test results (GitLab, Jenkins, Azure).

One ``<testsuite name="disclosure-lint">`` with one ``<testcase>`` per checked file (``classname`` the
tool, ``name`` the path).  Each finding at or above ``--fail-on`` is a ``<failure>`` of its file
(``type`` the rule's code, ``message`` its code, name and message, the text its place and details);
the findings below the threshold are listed in the test case's ``<system-out>``.  An unreadable file is
an ``<error>``; a file skipped in a directory run is ``<skipped>``.  So a file passes exactly when it
adds nothing to the exit code.

XML 1.0 cannot hold control characters, lone surrogates or U+FFFE/U+FFFF: all text passes through
:func:`~disclosure_lint.termsafe.terminal` first (a file-name byte that is not UTF-8 is shown as ``\\xff``, a
newline as ``\\n``: each finding is one line).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from ..diagnostics import SEVERITY_RANK
from ..termsafe import is_utf, terminal
from .summary import place


def _xml(text: object) -> str:
    return terminal(text).replace("\ufffe", "\\ufffe").replace("\uffff", "\\uffff")


def _line(d) -> str:
    return f"{place(d)}: {d.code} {d.rule} [{d.severity}] {d.message}"


def as_element(run, fail_on: str = "error") -> ET.Element:
    threshold = SEVERITY_RANK[fail_on]  # type: ignore[index]
    suite = ET.Element("testsuite", name="disclosure-lint")
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for err in run.errors:
        counts["tests"] += 1
        counts["errors"] += 1
        case = ET.SubElement(suite, "testcase", classname="disclosure-lint", name=_xml(err))
        ET.SubElement(case, "error", message=_xml(err))
    for f in run.files:
        counts["tests"] += 1
        case = ET.SubElement(suite, "testcase", classname="disclosure-lint", name=_xml(f.path), file=_xml(f.path))
        if f.skipped:
            counts["skipped"] += 1
            ET.SubElement(case, "skipped", message=_xml(f.skipped))
            continue
        if f.error:
            counts["errors"] += 1
            ET.SubElement(case, "error", message=_xml(f.error), type="unreadable")
        below = []
        for d in f.diagnostics:
            if SEVERITY_RANK[d.severity] >= threshold:
                counts["failures"] += 1
                failure = ET.SubElement(case, "failure", message=_xml(f"{d.code} {d.rule}: {d.message}"), type=d.code)
                failure.text = _xml(f"{f.path}:{_line(d)}")
            else:
                below.append(_xml(_line(d)))
        if below:
            ET.SubElement(case, "system-out").text = "\n".join(below)
    for key, n in counts.items():
        suite.set(key, str(n))
    root = ET.Element("testsuites", name="disclosure-lint", tests=str(counts["tests"]),
                      failures=str(counts["failures"]), errors=str(counts["errors"]))
    root.append(suite)
    return root


def render(run, stream: TextIO, fail_on: str = "error", **_: object) -> None:
    root = as_element(run, fail_on)
    ET.indent(root)
    encoding = getattr(stream, "encoding", None)
    # on a stream that is not UTF-8 (GBK) every non-ASCII character is a character reference (&#20013;)
    ascii_only = encoding is not None and not is_utf(encoding)
    text = ET.tostring(root, encoding="us-ascii", xml_declaration=False).decode("ascii") if ascii_only \
        else ET.tostring(root, encoding="unicode")
    stream.write('<?xml version="1.0" encoding="utf-8"?>\n' + text + "\n")
