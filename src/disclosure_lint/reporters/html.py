"""``--format html``: one self-contained page for people (supervisors open and forward it).

Inline CSS only: no script, no font, image or stylesheet fetched from anywhere (a
``Content-Security-Policy`` of ``default-src 'none'; style-src 'unsafe-inline'`` says so to the browser too),
so the page opens offline.  Per file: a summary (agency, year, format, counts by severity and category),
then its findings in reading order — where, the matched text, the message, expected against actual, the
cells a statistics finding is about (the failing cell marked), the fix — each with its rule's explanation and basis under a ``<details>``.

Reporters see :class:`~disclosure_lint.api.RunResult` only, which does not carry a document's text; the
page therefore shows each finding's matched text and place rather than the whole report with highlights
(reporters never re-read files).  Every piece of report content goes through :func:`html.escape` and every
attribute value is quoted: a report containing ``<script>`` or ``onerror=`` is shown as text.
"""

from __future__ import annotations

import re
from collections import Counter
from html import escape
from typing import TextIO

from .. import __version__
from ..diagnostics import CATEGORY_ZH, SEVERITIES, SEVERITY_ZH
from ..termsafe import is_utf
from .summary import place, summary_line

CSP = "default-src 'none'; style-src 'unsafe-inline'"
UNKNOWN = "<span class=\"muted\">未识别</span>"
FORMAT_ZH = {"2019": "2019 年试行格式", "2021": "2021 年格式"}

CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:2em auto;
max-width:70em;padding:0 1em;color:#222;line-height:1.6}
h1{font-size:1.5em}h2{font-size:1.25em;border-bottom:2px solid #ccc;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #bbb;padding:.2em .6em;text-align:left;
vertical-align:top}th{background:#f3f3f3}
.finding{border-left:6px solid #999;margin:.8em 0;padding:.4em .8em;background:#fafafa}
.finding.error{border-color:#c62828}.finding.warning{border-color:#ef8f00}.finding.info{border-color:#1565c0}
.sev{font-weight:bold}.sev.error{color:#c62828}.sev.warning{color:#b36b00}.sev.info{color:#1565c0}
mark{background:#ffe58a;padding:0 .15em;white-space:pre-wrap;word-break:break-all}
.where{color:#555;font-size:.9em}.code{font-family:monospace}
.fileerror{color:#c62828;font-weight:bold}.muted{color:#666}
tr.failing td{background:#fde0e0;font-weight:bold}
details{margin-top:.3em}summary{cursor:pointer;color:#1565c0}
"""


# C0/C1 controls (but tab, line feed), lone surrogates (a file name that is not UTF-8) and noncharacters are
# not HTML text: shown as U+FFFD
_NOT_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def _e(value: object) -> str:
    return escape(_NOT_TEXT.sub("\ufffd", "" if value is None else str(value)), quote=True)


def _rule_docs(run) -> dict[str, dict[str, str]]:
    docs: dict[str, dict[str, str]] = {}
    for active in getattr(run, "rules", None) or []:
        spec = active.rule.spec
        docs[spec.id] = {"what": " ".join(spec.docs.what.split()), "why": " ".join(spec.docs.why.split()),
                         "basis": " ".join(spec.docs.basis.split())}
    return docs


def _counts_table(diagnostics) -> str:
    sev = Counter(d.severity for d in diagnostics)
    cat = Counter(d.category for d in diagnostics)
    rows = ["<table class=\"counts\"><tr><th>级别</th><th>数量</th></tr>"]
    rows += [f"<tr><td>{_e(SEVERITY_ZH[s])}</td><td>{sev.get(s, 0)}</td></tr>" for s in SEVERITIES]
    rows.append("</table>")
    if cat:
        rows.append("<table class=\"categories\"><tr><th>类别</th><th>数量</th></tr>")
        rows += [f"<tr><td>{_e(CATEGORY_ZH.get(c, c))} <span class=\"code\">{_e(c)}</span></td><td>{n}</td></tr>"
                 for c, n in sorted(cat.items())]
        rows.append("</table>")
    return "".join(rows)


def _summary(f) -> str:
    r = f.report or {}
    fmt = r.get("format_version")
    facts = [("文件", f.path), ("标题", r.get("title")), ("机关", r.get("agency")), ("年度", r.get("year")),
             ("格式", FORMAT_ZH.get(str(fmt), fmt) if fmt else None), ("文件格式", f.format)]
    cells = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v) if v is not None else UNKNOWN}</td></tr>" for k, v in facts)
    return f"<table class=\"facts\">{cells}</table>"


def _cells(ev: dict) -> str:
    """A statistics finding's cells (the identity's sides), the failing cell marked."""
    cells = [c for c in ev.get("cells") or [] if isinstance(c, dict)]
    if not cells:
        return ""
    failing = (ev.get("position") or {}).get("pointer") if isinstance(ev.get("position"), dict) else None
    rows = ["<table class=\"cells\"><tr><th>行</th><th>列</th><th>填报值</th><th>等式一侧</th></tr>"]
    for c in cells:
        mark = " class=\"failing\"" if failing and c.get("pointer") == failing else ""
        side = {"lhs": "左", "rhs": "右"}.get(str(c.get("side")), c.get("side"))
        rows.append(f"<tr{mark}><td>{_e(c.get('row_label'))}</td><td>{_e(c.get('column_label'))}</td>"
                    f"<td>{_e(c.get('raw', c.get('value')))}</td><td>{_e(side)}</td></tr>")
    rows.append("</table>")
    return "".join(rows)


def _finding(d, docs: dict[str, dict[str, str]]) -> str:
    out = [f"<div class=\"finding {_e(d.severity)}\">",
           f"<div><span class=\"sev {_e(d.severity)}\">{_e(SEVERITY_ZH.get(d.severity, d.severity))}</span> "
           f"<span class=\"code\">{_e(d.code)} {_e(d.rule)}</span> "
           f"<span class=\"where\">{_e(place(d))}</span></div>"]
    if d.match:
        out.append(f"<div>原文：<mark>{_e(d.match)}</mark></div>")
    out.append(f"<div class=\"message\">{_e(d.message)}</div>")
    ev = d.evidence or {}
    if "expected" in ev or "actual" in ev:
        out.append(f"<div class=\"evidence\">应为：<b>{_e(ev.get('expected'))}</b>　实际：<b>{_e(ev.get('actual'))}</b></div>")
    out.append(_cells(ev))
    if d.fix is not None:
        safe = "可自动修正" if d.fix.applicability == "safe" else "修正需确认（--unsafe-fixes）"
        out.append(f"<div class=\"fix\">{_e(safe)}：{_e(d.fix.description)}</div>")
    doc = docs.get(d.code)
    if doc:
        out.append(f"<details><summary>规则说明与依据</summary><p>{_e(doc['what'])}</p><p>为什么：{_e(doc['why'])}</p>"
                   f"<p>依据：{_e(doc['basis'])}</p></details>")
    out.append("</div>")
    return "".join(out)


def _file(f, docs: dict[str, dict[str, str]]) -> str:
    title = (f.report or {}).get("title") or f.path
    out = [f"<section class=\"file\"><h2>{_e(title)}</h2>", _summary(f)]
    if f.skipped:
        out.append(f"<p class=\"muted\">未检查：{_e(f.skipped)}</p>")
    if f.error:
        out.append(f"<p class=\"fileerror\">无法读取：{_e(f.error)}</p>")
    out.append(_counts_table(f.diagnostics))
    if f.diagnostics:
        out.append("<h3>问题</h3>")
        out += [_finding(d, docs) for d in sorted(f.diagnostics, key=lambda d: d.sort_key)]
    elif not (f.error or f.skipped):
        out.append("<p>未发现问题。</p>")
    out.append("</section>")
    return "".join(out)


def as_html(run, fail_on: str = "error") -> str:
    docs = _rule_docs(run)
    errors = "".join(f"<p class=\"fileerror\">{_e(e)}</p>" for e in run.errors)
    body = "".join(_file(f, docs) for f in run.files)
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{_e(CSP)}\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<meta name=\"referrer\" content=\"no-referrer\">"
            f"<title>disclosure-lint 检查结果</title><style>{CSS}</style></head><body>"
            f"<h1>政府信息公开工作年度报告检查结果</h1><p class=\"run-summary\">{_e(summary_line(run, fail_on))}</p>"
            f"{errors}{body}<p class=\"muted\">disclosure-lint {_e(__version__)}</p></body></html>\n")


def render(run, stream: TextIO, fail_on: str = "error", **_: object) -> None:
    text = as_html(run, fail_on)
    encoding = getattr(stream, "encoding", None)
    if encoding is not None and not is_utf(encoding):  # a GBK console: still complete, valid HTML
        text = text.encode("ascii", "xmlcharrefreplace").decode("ascii")
    stream.write(text)
