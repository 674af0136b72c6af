"""``--format html``: one self-contained page for people (supervisors open and forward it).

Inline CSS only: no script, no font, image or stylesheet fetched from anywhere (a
``Content-Security-Policy`` of ``default-src 'none'; style-src 'unsafe-inline'`` says so to the browser too),
so the page opens offline.  Several reports: a table of contents first, one line per report (agency, year,
format, counts by severity and category).  Per report: a summary, then its full text (``FileResult.view``,
which ``check -f html`` asks the checker for) with every finding's span marked in place and the finding
beside its block (:mod:`.html_text`) — where, the message, expected against actual, the fix, the rule's
explanation and basis under a ``<details>`` —, then the statistics tables 二/三/四 redrawn from the cells
read, the failing cells marked with expected against actual (:mod:`.html_stats`).  Without a view (the
API's results) the findings are listed in reading order.

Every piece of report content goes through :func:`.html_text.esc` (:func:`html.escape`) and every attribute
value is quoted and made by this module (ids ``r1-f3``, links to them only): a report containing
``<script>`` or ``onerror=`` is shown as text.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, TextIO

from .. import GENERATOR, __version__
from ..diagnostics import CATEGORY_ZH, SEVERITIES, SEVERITY_ZH
from ..termsafe import is_utf
from .evidence import expected_actual, value_text
from .html_stats import tables_html
from .html_text import Locator, Spot, block_html, esc
from .summary import place, summary_line

CSP = "default-src 'none'; style-src 'unsafe-inline'"
UNKNOWN = "<span class=\"muted\">未识别</span>"
FORMAT_ZH = {"2019": "2019 年试行格式", "2021": "2021 年格式"}

CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:2em auto;
max-width:96em;padding:0 1em;color:#222;line-height:1.6}
h1{font-size:1.5em}h2{font-size:1.25em;border-bottom:2px solid #ccc;padding-bottom:.2em;margin-top:2em}
h3{font-size:1.1em;margin-top:1.5em}h4{font-size:1em;margin:1.2em 0 .3em}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #bbb;padding:.2em .6em;text-align:left;
vertical-align:top}th{background:#f3f3f3}
.finding{border-left:6px solid #999;margin:.5em 0;padding:.3em .7em;background:#fafafa;font-size:.92em}
.finding.error{border-color:#c62828}.finding.warning{border-color:#ef8f00}.finding.info{border-color:#1565c0}
.sev{font-weight:bold}.sev.error{color:#c62828}.sev.warning{color:#b36b00}.sev.info{color:#1565c0}
mark{background:#ffe58a;padding:0 .1em;white-space:pre-wrap;word-break:break-all}
mark.error{background:#ffc9c9}mark.warning{background:#ffe58a}mark.info{background:#cfe3ff}
mark.caret{font-weight:bold;color:#c62828}
a.ref{font-size:.75em;vertical-align:super;color:#1565c0;text-decoration:none;margin:0 .1em}
.where{color:#555;font-size:.9em}.code{font-family:monospace}
.fileerror{color:#c62828;font-weight:bold}.muted{color:#666}
tr.failing td{background:#fde0e0;font-weight:bold}
details{margin-top:.3em}summary{cursor:pointer;color:#1565c0}
.text .row{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.2em;border-top:1px dotted #e4e4e4}
.text .src p{margin:.4em 0;white-space:pre-wrap}.text .src .h{font-weight:bold}
.text .src .h1{font-size:1.3em;text-align:center}.text .src .h2{font-size:1.15em}
.text .src .li{padding-left:1.5em}.text .src pre{white-space:pre-wrap;margin:.2em 0;color:#555}
.text .src td.hit,.text .src th.hit{outline:2px solid #c62828}
.srct{font-size:.9em}.notes{padding:.2em 0}
@media (max-width:60em){.text .row{grid-template-columns:1fr}}
table.stat{font-size:.88em}table.stat td{text-align:right;min-width:3em}
table.stat tr.grp th{background:#fafafa;font-weight:normal}
table.stat .ind1{padding-left:1.8em}table.stat .ind2{padding-left:3em}table.stat .ind3{padding-left:4.2em}
table.stat td.fail{background:#fde0e0;font-weight:bold;outline:2px solid #c62828}
table.stat td.part{background:#fff4c2}table.stat td.na{background:#e6e6e6}
.exp{font-size:.8em;color:#c62828;white-space:nowrap}
.legend{font-size:.9em}.swatch{display:inline-block;width:1em;height:1em;margin:0 .3em 0 1em;vertical-align:middle;
border:1px solid #bbb}.swatch.fail{background:#fde0e0}.swatch.part{background:#fff4c2}.swatch.na{background:#e6e6e6}
nav.toc td{font-size:.92em}.summary{display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start}
.summary table{margin:0}details.raw summary{color:#666}details.raw pre{white-space:pre-wrap;color:#555}
"""


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
    rows += [f"<tr><td>{esc(SEVERITY_ZH[s])}</td><td>{sev.get(s, 0)}</td></tr>" for s in SEVERITIES]
    rows.append("</table>")
    if cat:
        rows.append("<table class=\"categories\"><tr><th>类别</th><th>数量</th></tr>")
        rows += [f"<tr><td>{esc(CATEGORY_ZH.get(c, c))} <span class=\"code\">{esc(c)}</span></td><td>{n}</td></tr>"
                 for c, n in sorted(cat.items())]
        rows.append("</table>")
    return "".join(rows)


def _format_name(f) -> str | None:
    fmt = (f.report or {}).get("format_version")
    return FORMAT_ZH.get(str(fmt), str(fmt)) if fmt else None


def _summary(f) -> str:
    r = f.report or {}
    facts = [("文件", f.path), ("标题", r.get("title")), ("机关", r.get("agency")), ("年度", r.get("year")),
             ("格式", _format_name(f)), ("文件格式", f.format)]
    cells = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v) if v is not None else UNKNOWN}</td></tr>" for k, v in facts)
    return f"<table class=\"facts\">{cells}</table>"


def _toc(files) -> str:
    """Many reports on one page: one line each, linked to its section."""
    head = "".join(f"<th>{h}</th>" for h in ("序号", "报告", "机关", "年度", "格式", *(SEVERITY_ZH[s] for s in SEVERITIES),
                                             "各类问题"))
    rows = []
    for i, f in enumerate(files, 1):
        r = f.report or {}
        sev = Counter(d.severity for d in f.diagnostics)
        cats = "、".join(f"{CATEGORY_ZH.get(c, c)}{n}" for c, n in sorted(Counter(d.category for d in f.diagnostics).items()))
        state = ("无法读取" if f.error else "未检查" if f.skipped else "无问题") if not f.diagnostics else cats
        cells = [str(i), f"<a href=\"#r{i}\">{esc(r.get('title') or f.path)}</a><div class=\"where\">{esc(f.path)}</div>",
                 esc(r.get("agency")) if r.get("agency") else UNKNOWN, esc(r.get("year")) if r.get("year") else UNKNOWN,
                 esc(_format_name(f)) if _format_name(f) else UNKNOWN, *(str(sev.get(s, 0)) for s in SEVERITIES),
                 esc(state)]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return f"<nav class=\"toc\"><h2>目录（{len(files)} 份报告）</h2><table><tr>{head}</tr>{''.join(rows)}</table></nav>"


def _cells(ev: dict) -> str:
    """A statistics finding's cells (the identity's sides), the failing cell marked."""
    cells = [c for c in ev.get("cells") or [] if isinstance(c, dict)]
    if not cells:
        return ""
    failing = (ev.get("position") or {}).get("pointer") if isinstance(ev.get("position"), dict) else None
    rows = ["<details><summary>涉及的单元格</summary><table class=\"cells\"><tr><th>行</th><th>列</th><th>填报值</th>"
            "<th>等式一侧</th></tr>"]
    for c in cells:
        mark = " class=\"failing\"" if failing and c.get("pointer") == failing else ""
        side = {"lhs": "左", "rhs": "右"}.get(str(c.get("side")), c.get("side"))
        rows.append(f"<tr{mark}><td>{esc(c.get('row_label'))}</td><td>{esc(c.get('column_label'))}</td>"
                    f"<td>{esc(value_text(c.get('raw', c.get('value'))))}</td><td>{esc(side)}</td></tr>")
    rows.append("</table></details>")
    return "".join(rows)


def _finding(n: int, d, docs: dict[str, dict[str, str]], file_id: str, placed: bool) -> str:
    out = [f"<div class=\"finding {esc(d.severity)}\" id=\"{file_id}-f{n}\">",
           f"<div><b>[{n}]</b> <span class=\"sev {esc(d.severity)}\">{esc(SEVERITY_ZH.get(d.severity, d.severity))}</span> "
           f"<span class=\"code\">{esc(d.code)} {esc(d.rule)}</span> "
           f"<span class=\"where\">{esc(place(d))}</span></div>"]
    if d.match and not placed:
        out.append(f"<div>原文：<mark>{esc(d.match)}</mark></div>")
    out.append(f"<div class=\"message\">{esc(d.message)}</div>")
    ev = d.evidence or {}
    shown = [f"{side}：<b>{esc(v)}</b>" for side, v in zip(("应为", "实际"), expected_actual(ev)) if v is not None]
    if shown:
        out.append(f"<div class=\"evidence\">{'　'.join(shown)}</div>")
    out.append(_cells(ev))
    if d.fix is not None:
        safe = "可自动修正" if d.fix.applicability == "safe" else "修正需确认（--unsafe-fixes）"
        out.append(f"<div class=\"fix\">{esc(safe)}：{esc(d.fix.description)}</div>")
    doc = docs.get(d.code)
    if doc:
        out.append(f"<details><summary>规则说明与依据</summary><p>{esc(doc['what'])}</p><p>为什么：{esc(doc['why'])}</p>"
                   f"<p>依据：{esc(doc['basis'])}</p></details>")
    out.append("</div>")
    return "".join(out)


def _number(f) -> list[tuple[int, Any, Spot | None]]:
    """The findings numbered in reading order (those that cannot be placed in the text first)."""
    view = f.view if isinstance(getattr(f, "view", None), dict) else None
    locator = Locator(view) if view else None
    spots = [(d, locator.locate(d) if locator else None) for d in f.diagnostics]
    spots.sort(key=lambda x: ((1, *x[1].order) if x[1] is not None else (0, -1, -1, -1, -1), x[0].sort_key))
    return [(n, d, spot) for n, (d, spot) in enumerate(spots, 1)]


def _text(f, view: dict[str, Any], numbered, docs, file_id: str) -> str:
    by_block: dict[int, list[tuple[int, Any, Spot]]] = {}
    unplaced = []
    for n, d, spot in numbered:
        if spot is None:
            unplaced.append(_finding(n, d, docs, file_id, False))
        else:
            by_block.setdefault(spot.block, []).append((n, d, spot))
    out = [f"<div class=\"text\" id=\"{file_id}-text\"><h3>原文与问题</h3>"]
    if unplaced:
        out += ["<div class=\"unplaced\"><h4>未能在原文中定位的问题</h4>", *unplaced, "</div>"]
    for i, b in enumerate(view.get("blocks") or []):
        here = by_block.get(i, [])
        notes = "".join(_finding(n, d, docs, file_id, spot.start is not None) for n, d, spot in here)
        out.append(f"<div class=\"row\"><div class=\"src\">{block_html(b, here, file_id)}</div>"
                   f"<aside class=\"notes\">{notes}</aside></div>")
    omitted = view.get("omitted") or {}
    if omitted.get("blocks"):
        out.append(f"<p class=\"muted\">原文过长，其后 {esc(omitted['blocks'])} 段（约 {esc(omitted.get('chars'))} 字）"
                   "未在此显示；这些段落中的问题列在“未能在原文中定位的问题”中。</p>")
    out.append("</div>")
    return "".join(out)


def _file(i: int, f, docs: dict[str, dict[str, str]]) -> str:
    file_id = f"r{i}"
    title = (f.report or {}).get("title") or f.path
    out = [f"<section class=\"file\" id=\"{file_id}\"><h2>{esc(title)}</h2>",
           f"<div class=\"summary\">{_summary(f)}{_counts_table(f.diagnostics)}</div>"]
    if f.skipped:
        out.append(f"<p class=\"muted\">未检查：{esc(f.skipped)}</p>")
    if f.error:
        out.append(f"<p class=\"fileerror\">无法读取：{esc(f.error)}</p>")
    numbered = _number(f)
    view = f.view if isinstance(getattr(f, "view", None), dict) else None
    if not f.diagnostics and not (f.error or f.skipped):
        out.append("<p>未发现问题。</p>")
    if view is not None:
        out.append(f"<p class=\"jump\">跳到：<a href=\"#{file_id}-text\">原文与问题</a> · "
                   f"<a href=\"#{file_id}-stats\">统计表</a></p>")
        out.append(_text(f, view, numbered, docs, file_id))
        out.append(tables_html(view, [(n, d) for n, d, _ in numbered], file_id))
    elif f.diagnostics:
        out.append("<h3>问题</h3>")
        out += [_finding(n, d, docs, file_id, False) for n, d, _ in numbered]
    out.append("</section>")
    return "".join(out)


def as_html(run, fail_on: str = "error") -> str:
    docs = _rule_docs(run)
    errors = "".join(f"<p class=\"fileerror\">{esc(e)}</p>" for e in run.errors)
    toc = _toc(run.files) if len(run.files) > 1 else ""
    body = "".join(_file(i, f, docs) for i, f in enumerate(run.files, 1))
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{esc(CSP)}\">"
            f"<meta name=\"generator\" content=\"{GENERATOR}\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<meta name=\"referrer\" content=\"no-referrer\">"
            f"<title>disclosure-lint 检查结果</title><style>{CSS}</style></head><body>"
            f"<h1>政府信息公开工作年度报告检查结果</h1><p class=\"run-summary\">{esc(summary_line(run, fail_on))}</p>"
            f"{errors}{toc}{body}<p class=\"muted\">disclosure-lint {esc(__version__)}</p></body></html>\n")


def render(run, stream: TextIO, fail_on: str = "error", **_: object) -> None:
    text = as_html(run, fail_on)
    encoding = getattr(stream, "encoding", None)
    if encoding is not None and not is_utf(encoding):  # a GBK console: still complete, valid HTML
        text = text.encode("ascii", "xmlcharrefreplace").decode("ascii")
    stream.write(text)
