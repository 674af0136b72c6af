"""``check -f html`` shows the report itself: ``FileResult.view`` (the text and the statistics tables, filled only
when asked for), every finding marked in place with its note beside the block, the tables 二/三/四 redrawn
with the failing cells marked, a table of contents for many reports, a bound on the text shown."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import html as lxml_html
from typer.testing import CliRunner

from disclosure_lint import api
from disclosure_lint.api import Checker, RunResult, discover_entries
from disclosure_lint.cli import app
from disclosure_lint.diagnostics import Diagnostic
from disclosure_lint.report import view as view_module
from disclosure_lint.reporters.html import as_html
from disclosure_lint.reporters.html_text import Locator, marked
from tests import render
from tests.test_html_report import _assert_inert

ROOT = Path(__file__).resolve().parent.parent
DEFECTIVE = ROOT / "examples" / "defective-2023.md"
CLEAN = ROOT / "examples" / "clean-2023.md"


def _run(*paths: Path, keep_view: bool = True) -> RunResult:
    checker = Checker(None, keep_view=keep_view)
    entries, _errors = discover_entries([str(p) for p in paths])
    return RunResult(files=[checker.check_file(f, walked) for f, walked in entries], rules=checker.active_rules)


@pytest.fixture(scope="module")
def defective() -> tuple[RunResult, lxml_html.HtmlElement]:
    run = _run(DEFECTIVE)
    return run, _assert_inert(as_html(run))


def test_view_only_when_asked_and_plain_json():
    assert _run(DEFECTIVE, keep_view=False).files[0].view is None
    view = _run(DEFECTIVE).files[0].view
    assert view is not None
    assert json.loads(json.dumps(view)) == view  # plain JSON: the result cache and the process pool carry it
    kinds = [b["kind"] for b in view["blocks"]]
    assert "heading" in kinds and "paragraph" in kinds and "table" in kinds
    assert view["blocks"][1]["text"] == "江北市桐溪区农业农村局2023年政府信息公开工作年度报告"
    assert view["blocks"][1]["anchors"] == [[0, 16, 3, None]]  # text offset → line, column (page)
    assert set(view["tables"]) == {"s2", "s3"}  # this report has no table 四
    s3 = view["tables"]["s3"]
    assert s3["cells"]["result.total"]["natural_person"]["raw"] == "25"
    assert [c["id"] for c in s3["cols"]][-1] == "total" and s3["version"] == "2021"
    assert view["omitted"] == {"blocks": 0, "chars": 0}


def test_cli_asks_for_the_view_only_for_html(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    calls: list[bool] = []
    real = Checker.__init__

    def spy(self, *args, **kwargs):
        calls.append(kwargs.get("keep_view", False))
        real(self, *args, **kwargs)

    monkeypatch.setattr(Checker, "__init__", spy)
    for fmt in ("json", "html"):
        CliRunner().invoke(app, ["check", "-f", fmt, "-o", str(tmp_path / f"out.{fmt}"), str(CLEAN)])
    assert calls == [False, True]
    assert "view" not in json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["files"][0]


def test_every_finding_in_place_beside_its_block(defective):
    run, tree = defective
    diags = run.files[0].diagnostics
    rows = tree.xpath("//div[@class='text']/div[@class='row']")
    assert len(rows) == len(run.files[0].view["blocks"])  # the whole report, block by block
    assert not tree.xpath("//div[@class='unplaced']")  # every finding of this report is placed
    notes = tree.xpath("//div[@class='text']//aside[@class='notes']/div[contains(@class,'finding')]")
    assert len(notes) == len(diags)
    for note in notes:  # the note sits beside its block, and the block carries the note's number
        fid = note.get("id")
        row = note.xpath("ancestor::div[@class='row']")[0]
        assert row.xpath(f".//div[@class='src']//a[@href='#{fid}']"), fid
    for code, text in [("DL901", "落实落实"), ("DL401", "2023年2月30日"), ("DL301", "我街道"), ("DL504", "13912345678")]:
        note = next(n for n in notes if f"{code} " in n.text_content() and
                    (code != "DL301" or "自称“我街道”" in n.xpath("div[@class='message']")[0].text_content()))
        row = note.xpath("ancestor::div[@class='row']")[0]
        assert text in [m.text_content() for m in row.xpath(".//div[@class='src']//mark")], code
    # a statistics finding: the cell of the table as written is marked, its note beside the table
    dl201 = [n for n in notes if "DL201" in n.text_content()]
    assert len(dl201) == 2
    row = dl201[0].xpath("ancestor::div[@class='row']")[0]
    assert [td.text_content() for td in row.xpath(".//table[@class='srct']//td[@class='hit']")] == ["25[15]", "29[16]"]
    # the notes are numbered in reading order, the text's heading first
    numbers = [int(re.match(r"\[(\d+)\]", n.text_content()).group(1)) for n in notes]
    assert numbers == list(range(1, len(diags) + 1))


def test_statistics_tables_redrawn_with_failing_cells(defective):
    tree = defective[1]
    s3 = tree.xpath("//table[@class='stat'][@data-table='s3']")[0]
    header = [th.text_content() for th in s3.xpath(".//tr[1]/th")]
    assert header == ["项目", "自然人", "法人或其他组织", "总计"]  # grouped columns under one header
    assert [th.text_content() for th in s3.xpath(".//tr[2]/th")] == ["商业企业", "科研机构", "社会公益组织",
                                                                   "法律服务机构", "其他"]
    labels = [th.text_content() for th in s3.xpath(".//tr/th[1]")][1:]
    assert "（七）总计" in labels and "（三）不予公开" in labels and "1.属于国家秘密" in labels
    failing = s3.xpath(".//td[@class='fail']")
    assert [td.text_content() for td in failing] == ["25[15]应为 26，实为 25", "29[16]应为 30，实为 29"]
    parts = s3.xpath(".//td[@class='part']")  # the other cells of the two broken balances
    assert sorted(td.text_content() for td in parts) == sorted(["27[15]", "1[15]", "2[15]", "31[16]", "1[16]", "2[16]"])
    s2 = tree.xpath("//table[@class='stat'][@data-table='s2']")[0]
    assert s2.xpath(".//td[@class='na']") and "415" in s2.text_content()  # cells the format leaves unfilled: grey
    assert "报告中未找到表四" in tree.xpath("//div[@class='stats']")[0].text_content()


def test_table_of_contents_for_many_reports(tmp_path: Path):
    out = tmp_path / "r.html"
    result = CliRunner().invoke(app, ["check", "-f", "html", "-o", str(out), str(DEFECTIVE), str(CLEAN)])
    assert result.exit_code == 1, result.output
    tree = _assert_inert(out.read_text(encoding="utf-8"))
    rows = tree.xpath("//nav[@class='toc']//tr[td]")
    assert len(rows) == 2
    first = [td.text_content() for td in rows[0].xpath("td")]
    assert first[2:8] == ["江北市桐溪区农业农村局", "2023", "2021 年格式", "10", "12", "1"]
    assert "统计数据2" in first[8] and "标点格式5" in first[8]
    assert [td.text_content() for td in rows[1].xpath("td")][5:] == ["0", "0", "0", "无问题"]
    assert [a.get("href") for a in tree.xpath("//nav[@class='toc']//a")] == ["#r1", "#r2"]
    # one report: no table of contents
    assert not _assert_inert(as_html(_run(CLEAN))).xpath("//nav")


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html", "txt"])
def test_findings_placed_in_every_format(tmp_path: Path, fmt: str):
    md = DEFECTIVE.read_text(encoding="utf-8")
    path = tmp_path / f"d.{fmt}"
    data = {"docx": lambda: render.to_docx(md), "pdf": lambda: render.to_pdf(md),
            "html": lambda: render.to_html(md).encode(), "txt": lambda: render.to_text(md).encode()}[fmt]()
    path.write_bytes(data)
    run = _run(path)
    f = run.files[0]
    locator = Locator(f.view)
    spots = [(d, locator.locate(d)) for d in f.diagnostics]
    assert f.diagnostics and all(s is not None for _, s in spots)  # by line/column, by 第N段, by 第P页第L行
    for d, s in spots:
        assert s.start is not None and s.end is not None and s.end > s.start, d.code
        b = f.view["blocks"][s.block]
        text = b["text"] if s.cell is None else b["rows"][s.cell[0]][s.cell[1]]["text"]
        if d.match and "*" not in d.match:
            assert text[s.start:s.end] == d.match, (d.code, d.match)
    tree = _assert_inert(as_html(run))
    assert tree.xpath("//table[@class='stat'][@data-table='s3']//td[@class='fail']")


def test_marks_overlap_and_places():
    # two findings on one span (DL403 and DL404 on the same date), one inside it, one a place between characters
    html = marked("ab<c>d", [(1, 4, 1, "warning"), (1, 4, 2, "info"), (2, 3, 3, "error"), (5, 5, 4, "info")], "r1")
    tree = lxml_html.fragment_fromstring(f"<p>{html}</p>")
    assert [(m.get("class"), m.text_content()) for m in tree.xpath("mark")] == [
        ("warning", "b"), ("error", "<"), ("warning", "c"), ("info caret", "‸")]
    assert tree.text_content() == "ab<[3]c[1][2]>‸[4]d"


def test_unplaced_findings_listed_above_the_text():
    run = _run(DEFECTIVE)
    f = run.files[0]
    f.diagnostics.append(Diagnostic(path=f.path, code="DL999", rule="cross", category="statistics",
                                    severity="warning", message="与上一年度报告不一致", pointer="别处"))
    tree = _assert_inert(as_html(run))
    unplaced = tree.xpath("//div[@class='unplaced']/div[contains(@class,'finding')]")
    assert len(unplaced) == 1 and "与上一年度报告不一致" in unplaced[0].text_content()
    assert unplaced[0].get("id") == "r1-f1"  # listed (and numbered) first


def test_view_bounded(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(view_module, "MAX_CHARS", 2000)
    run = _run(DEFECTIVE)
    view = run.files[0].view
    assert sum(len(b["text"]) for b in view["blocks"]) <= 2000
    assert view["omitted"]["blocks"] > 0 and view["omitted"]["chars"] > 0
    tree = _assert_inert(as_html(run))
    assert "原文过长" in tree.xpath("//div[@class='text']")[0].text_content()
    placed = tree.xpath("//aside[@class='notes']/div")
    unplaced = tree.xpath("//div[@class='unplaced']/div")
    assert placed and unplaced and len(placed) + len(unplaced) == len(run.files[0].diagnostics)


def test_view_failure_is_one_dl000_not_a_traceback(monkeypatch: pytest.MonkeyPatch):
    def boom(rep):
        raise RuntimeError("boom")

    monkeypatch.setattr(api, "build_view", boom)
    f = _run(CLEAN).files[0]
    assert f.view is None and [d.code for d in f.diagnostics] == ["DL000"]
    assert "整理原文" in f.diagnostics[0].message and "检查结果不受影响" in f.diagnostics[0].message
    assert f.report is not None and f.report["agency"]
