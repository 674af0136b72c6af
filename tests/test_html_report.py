"""``check -f html``: one self-contained page; every piece of report content escaped (a hostile report runs
nothing); opened in headless Chromium (installed by the test setup where missing) with a screenshot."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html
from typer.testing import CliRunner

from disclosure_lint.api import Checker, FileResult, RunResult, discover_entries
from disclosure_lint.cli import app
from disclosure_lint.diagnostics import Diagnostic
from disclosure_lint.reporters.html import as_html

from .conftest import installed

ROOT = Path(__file__).resolve().parent.parent
DEFECTIVE = ROOT / "examples" / "defective-2023.md"

HOSTILE = ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "<a href=\"javascript:alert(3)\">点我</a>",
           "\" onmouseover=\"alert(4)", "<link rel=stylesheet href=https://example.com/x.css>")


def _hostile_run() -> RunResult:
    bad = " ".join(HOSTILE)
    d = Diagnostic(path=bad, code="DL701", rule="ascii-punctuation", category="typography", severity="warning",
                   message=f"消息{bad}", line=3, column=1, match=bad, evidence={"expected": bad, "actual": bad})
    pointer = Diagnostic(path=bad, code="DL999", rule=bad, category="statistics", severity="error", message=bad,
                         pointer=bad)
    f = FileResult(path=f"dir/{bad}\udcff\x00.md", diagnostics=[d, pointer], format="markdown",
                   report={"title": bad, "agency": bad, "year": 2023, "format_version": bad})
    return RunResult(files=[f, FileResult(path="x.md", error=bad)], errors=[bad])


OWN_LINK = re.compile(r"#r\d+(-f\d+|-text|-stats)?")  # the page's own links: a report's section, its parts, a note


def _assert_inert(page: str) -> lxml_html.HtmlElement:
    tree = lxml_html.document_fromstring(page)
    assert not tree.xpath("//script | //iframe | //object | //embed | //img | //link | //base | //form")
    for el in tree.iter():
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            if name.lower() == "href" and el.tag == "a" and OWN_LINK.fullmatch(value):
                assert tree.xpath(f"//*[@id='{value[1:]}']"), value  # it goes somewhere on the page
                continue
            if name.lower() in ("src", "href", "action", "srcset", "poster", "data", "style"):
                raise AssertionError(f"{el.tag} {name}={value}")
    for style in tree.xpath("//style"):
        assert "url(" not in style.text_content() and "@import" not in style.text_content()
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert csp == ["default-src 'none'; style-src 'unsafe-inline'"]
    return tree


def test_hostile_content_is_text():
    page = as_html(_hostile_run())
    tree = _assert_inert(page)
    text = tree.text_content()
    for bad in HOSTILE:
        assert bad in text  # shown, as text
    assert "\x00" not in page and "\ufffd" in text  # not-text characters replaced, page still valid


def test_hostile_view_is_text():
    """The report's own text and tables (``FileResult.view``) are content too: every string of it escaped."""
    bad = " ".join(HOSTILE)
    cell = {"text": bad, "header": False, "anchors": [[0, 5, 1, None]], "pointer": bad}
    blocks = [{"kind": kind, "text": bad, "level": bad if kind == "heading" else None, "line": 1, "pointer": bad,
               "anchors": [[0, i + 1, 1, None]], **({"rows": [[cell, dict(cell, header=True)]]} if kind == "table" else {})}
              for i, kind in enumerate(["heading", "paragraph", "list_item", "table", "comment", "code", "html", "image",
                                        bad])]
    table = {"name": bad, "title": bad, "version": bad, "layout": "image", "rows": [{"id": bad, "label": bad, "group": bad,
             "data": True}, {"id": "g", "label": bad, "group": None, "data": False}],
             "cols": [{"id": bad, "label": bad, "group": bad}, {"id": "c", "label": bad, "group": None}],
             "row_cols": None, "cells": {bad: {bad: {"raw": bad, "kind": "text", "pointer": bad}}},
             "written_rows": {bad: bad}, "unmapped": [bad]}
    view = {"version": 1, "has_lines": True, "format_version": bad, "blocks": blocks, "omitted": {"blocks": 1, "chars": bad},
            "tables": {bad: table}, "table_names": {bad: bad, "s4": bad}}
    d = Diagnostic(path=bad, code="DL201", rule=bad, category="statistics", severity="error", message=bad, line=2,
                   column=1, end_line=2, end_column=5, match=bad[:4],
                   evidence={"table": bad, "row": bad, "column": bad, "expected": bad, "actual": bad,
                             "cells": [{"row": bad, "column": bad, "identity": "I1", "expected": bad, "raw": bad}]})
    f = FileResult(path=bad, diagnostics=[d], format="markdown", report={"title": bad}, view=view)
    tree = _assert_inert(as_html(RunResult(files=[f, f])))
    text = tree.text_content()
    assert all(h in text for h in HOSTILE)
    assert tree.xpath("//table[@class='stat']//td[@class='fail']")  # the hostile cell is still marked, as text
    assert len(tree.xpath("//div[@class='text']//mark")) == 2  # the finding placed in the paragraph, both copies


def test_hostile_report_file_end_to_end(tmp_path: Path):
    report = tmp_path / "<img src=x onerror=alert(5)>.md"  # the file name is report content too
    report.write_text(DEFECTIVE.read_text(encoding="utf-8").replace(
        "江北市桐溪区农业农村局", "江北市<script>alert(1)</script>桐溪区农业农村局", 1)
        + "\n\n<img src=x onerror=alert(2)> [链接](javascript:alert(3)) <script>alert(4)</script>\n",
        encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["check", "-f", "html", "-o", str(out), str(report)])
    assert result.exit_code == 1, result.output
    tree = _assert_inert(out.read_text(encoding="utf-8"))
    assert "<img src=x onerror=alert(5)>.md" in tree.text_content()
    shown = tree.xpath("//div[@class='text']")[0].text_content()  # the report's own text, shown as text
    assert "江北市<script>alert(1)</script>桐溪区农业农村局" in shown and "<script>alert(4)</script>" in shown
    assert "[链接](javascript:alert(3))" in shown


def test_summary_findings_and_rule_docs():
    checker = Checker(None)
    entries, _errors = discover_entries([str(DEFECTIVE)])
    run = RunResult(files=[checker.check_file(f, walked) for f, walked in entries], rules=checker.active_rules)
    tree = _assert_inert(as_html(run))
    section = tree.xpath("//section[@class='file']")
    assert len(section) == 1
    facts = {th.text_content(): td.text_content() for th, td in zip(section[0].xpath(".//table[@class='facts']//th"),
                                                                     section[0].xpath(".//table[@class='facts']//td"))}
    assert facts["机关"] == "江北市桐溪区农业农村局" and facts["年度"] == "2023" and "2021" in facts["格式"]
    findings = tree.xpath("//div[contains(@class,'finding')]")
    assert len(findings) == len(run.files[0].diagnostics)
    counts = {tr.xpath("td")[0].text_content(): int(tr.xpath("td")[1].text_content())
              for tr in tree.xpath("//table[@class='counts']//tr[td]")}
    assert counts == {"错误": run.count("error"), "警告": run.count("warning"), "提示": run.count("info")}
    cats = {tr.xpath("td")[0].text_content(): int(tr.xpath("td")[1].text_content())
            for tr in tree.xpath("//table[@class='categories']//tr[td]")}
    assert sum(cats.values()) == len(findings) and "统计数据 statistics" in cats  # Chinese label, then the code
    details = tree.xpath("//details[summary='规则说明与依据']")
    assert len(details) == len(findings) and all("依据：" in d.text_content() for d in details)
    assert tree.xpath("//mark[normalize-space(.)='(']")  # the matched text, highlighted
    failing = tree.xpath("//table[@class='cells']//tr[@class='failing']")  # DL201: the cells, the failing one marked
    assert failing and [td.text_content() for td in failing[0].xpath("td")][:3] == ["（七）总计", "自然人", "25"]


def test_many_reports_one_page(tmp_path: Path):
    out = tmp_path / "r.html"
    result = CliRunner().invoke(app, ["check", "-f", "html", "-o", str(out), str(DEFECTIVE),
                                      str(ROOT / "examples" / "clean-2023.md")])
    assert result.exit_code == 1, result.output
    tree = _assert_inert(out.read_text(encoding="utf-8"))
    assert len(tree.xpath("//section[@class='file']")) == 2
    assert "未发现问题" in tree.xpath("//section[@class='file']")[1].text_content()


def test_the_html_report_in_a_checked_directory_is_skipped_as_no_report(tmp_path: Path):
    # check -f html -o reports/lint.html, then check reports/ again: the page quotes the reports it found defects in, and
    # was read as a report of its own (a real run: DL602 and DL410 on it); it says it is the tool's (generator)
    (tmp_path / "a.md").write_text(DEFECTIVE.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "lint.html"
    assert CliRunner().invoke(app, ["check", "-f", "html", "-o", str(out), str(tmp_path)]).exit_code == 1
    assert '<meta name="generator" content="disclosure-lint">' in out.read_text(encoding="utf-8")
    again = CliRunner().invoke(app, ["check", "-f", "json", "--no-cache", str(tmp_path)])
    files = {Path(f["path"]).name: f for f in json.loads(again.stdout)["files"]}
    assert files["lint.html"]["skipped"].startswith("不是年度报告：这是本工具（disclosure-lint）写出的检查结果网页")
    assert files["lint.html"]["diagnostics"] == [] and files["a.md"]["diagnostics"]
    # named on the command line it is checked as asked, as any file is
    named = CliRunner().invoke(app, ["check", "-f", "json", "--no-cache", str(out)])
    assert json.loads(named.stdout)["files"][0]["skipped"] is None


# --- headless Chromium ------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def chromium() -> str:
    return installed(("chromium", "chromium-browser"), "chromium", "chromium ")


def _chromium(binary: str, *args: str) -> subprocess.CompletedProcess:
    """Headless, offline: any host name resolves nowhere and any proxy connection fails, and the browser's own
    background traffic (updates, sync, translation) is switched off."""
    return subprocess.run([binary, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
                           "--user-data-dir=" + args[0], "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
                           "--disable-background-networking", "--disable-component-update", "--disable-sync",
                           "--disable-default-apps", "--no-pings", "--disable-domain-reliability",
                           "--disable-features=Translate,OptimizationHints,MediaRouter", *args[1:]],
                          capture_output=True, text=True, timeout=180)


def _page_requests(net_log: Path) -> list[str]:
    """The URLs a page asked the network for: the requests of Chromium's net log (``--log-net-log``) made for a
    ``file://`` page (the browser's own background requests have another isolation key)."""
    log = json.loads(net_log.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [e["params"]["url"] for e in log["events"] if e["type"] == start and "url" in e.get("params", {})
            and "file://" in str(e["params"].get("network_isolation_key", ""))]


EXTERNAL = ("\n\n<img src=\"https://evil.example/pic.png\"> <link rel=stylesheet href=\"https://evil.example/s.css\">"
            " <div style=\"background:url(https://evil.example/bg.png)\">背景</div> [链接](https://evil.example/page)\n")


@pytest.mark.timeout(400)
def test_page_in_headless_chromium(chromium: str, tmp_path: Path):
    out = tmp_path / "report.html"
    hostile = tmp_path / "hostile.md"
    hostile.write_text(DEFECTIVE.read_text(encoding="utf-8") + "\n\n<img src=x onerror=alert(2)>"
                       " <script>document.title='PWNED'</script>\n" + EXTERNAL, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "-f", "html", "-o", str(out), str(DEFECTIVE), str(hostile)])
    assert result.exit_code == 1, result.output
    page = out.read_text(encoding="utf-8")
    assert "evil.example" in page and not re.search(r"(src|href)=\"(?!#)", page)  # shown as text, never referenced
    _assert_inert(page)  # (and no style attribute, no url() or @import in the style sheet)
    shot = tmp_path / "page.png"
    profile = str(tmp_path / "profile")
    _chromium(chromium, profile, f"--screenshot={shot}", "--window-size=1400,2400", out.as_uri())
    assert shot.exists() and shot.stat().st_size > 1000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    net_log = tmp_path / "net.json"
    dom = _chromium(chromium, profile, f"--log-net-log={net_log}", "--dump-dom", out.as_uri()).stdout
    tree = _assert_inert(dom)  # what the browser built: still no script, no handler, nothing to fetch
    text = tree.text_content()
    assert "江北市桐溪区农业农村局" in text and "DL701" in text and "PWNED" not in tree.findtext(".//title")
    assert "<script>document.title='PWNED'</script>" in text
    # the report's text, its findings in place, the tables redrawn, the table of contents
    assert len(tree.xpath("//nav[@class='toc']//tr[td]")) == 2
    assert "落实落实" in [m.text_content() for m in tree.xpath("//section[@id='r1']//div[@class='src']//mark")]
    assert "<script>document.title='PWNED'</script>" in tree.xpath("//section[@id='r2']//div[@class='text']")[0].text_content()
    assert [td.text_content() for td in tree.xpath("//section[@id='r1']//table[@data-table='s3']//td[@class='fail']")] \
        == ["25[15]应为 26，实为 25", "29[16]应为 30，实为 29"]
    assert _page_requests(net_log) == []  # nothing fetched
    # the check itself works: a page that does reference the network is caught
    control = tmp_path / "control.html"
    control.write_text("<html><body><img src=\"http://evil.example/x.png\">x</body></html>", encoding="utf-8")
    _chromium(chromium, profile, f"--log-net-log={net_log}", "--dump-dom", control.as_uri())
    assert _page_requests(net_log) == ["http://evil.example/x.png"]
