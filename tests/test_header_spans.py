"""A multi-row table header written out (each merged cell's text in every position it covers, as Markdown must and
as the readers expand a colspan/rowspan) is drawn with its cells merged again (round 18, clerk's view, item 4):
``annotate`` on a Markdown report showed 表三's note seven times and 表四's 行政诉讼 ten times, and so did the HTML
report's view of the text, because only the Markdown header row (the first) was taken for the header."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from typer.testing import CliRunner

from disclosure_lint.cli import app
from disclosure_lint.grid_spans import MAX_HEADER_ROWS, header_rows

CLEAN = Path(__file__).resolve().parent.parent / "examples" / "clean-2023.md"
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
runner = CliRunner()

# 表三's header as `new` wrote it before round 18 and as a web page's colspan/rowspan reads: the note over three
# columns and three rows, 申请人情况 over seven columns, 自然人 and 总计 over two rows, 法人或其他组织 over five
S3_HEADER = [
    [NOTE] * 3 + ["申请人情况"] * 7,
    [NOTE] * 3 + ["自然人"] + ["法人或其他组织"] * 5 + ["总计"],
    [NOTE] * 3 + ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
]
OLD_S3_HEAD = ("| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | | 自然人 | 商业企业 | 科研机构 | "
               "社会公益组织 | 法律服务机构 | 其他 | 总计 |\n|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n")


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |\n"


def _report(tmp_path: Path) -> Path:
    """The clean example with 表三's three header rows written out (its 表四 already writes its header so)."""
    text = CLEAN.read_text(encoding="utf-8")
    assert OLD_S3_HEAD in text and "| 行政复议 | 行政复议 |" in text
    head = _row(S3_HEADER[0]) + "|" + "---|" * 10 + "\n" + _row(S3_HEADER[1]) + _row(S3_HEADER[2])
    path = tmp_path / "年报.md"
    path.write_text(text.replace(OLD_S3_HEAD, head), encoding="utf-8")
    return path


def _cells(table) -> list[list[tuple[str, int, str | None]]]:
    """Each row's cells as Word holds them: (text, columns spanned, vMerge)."""
    out = []
    for tr in table._tbl.tr_lst:
        row = []
        for tc in tr.tc_lst:
            pr = tc.tcPr
            span = pr.find(qn("w:gridSpan")) if pr is not None else None
            merge = pr.find(qn("w:vMerge")) if pr is not None else None
            row.append(("".join(t.text or "" for t in tc.iter(qn("w:t"))),
                        int(span.get(qn("w:val"))) if span is not None else 1,
                        (merge.get(qn("w:val")) or "continue") if merge is not None else None))
        out.append(row)
    return out


def test_annotated_rendering_merges_the_written_out_header(tmp_path: Path) -> None:
    path = _report(tmp_path)
    res = runner.invoke(app, ["annotate", str(path)])
    assert res.exit_code == 0, res.output
    document = docx.Document(str(path.with_name("年报.审阅.docx")))
    words = "".join(t.text or "" for tbl in document.element.body.iter(qn("w:tbl")) for t in tbl.iter(qn("w:t")))
    assert words.count(NOTE) == 1 and words.count("行政诉讼") == 1 and words.count("申请人情况") == 1
    assert words.count("法人或其他组织") == 1 and words.count("未经复议直接起诉") == 1
    s3, s4 = (next(t for t in document.tables if _cells(t)[0][0][0] == first) for first in (NOTE, "行政复议"))
    assert _cells(s3)[:3] == [
        [(NOTE, 3, "restart"), ("申请人情况", 7, None)],
        [("", 3, "continue"), ("自然人", 1, "restart"), ("法人或其他组织", 5, None), ("总计", 1, "restart")],
        [("", 3, "continue"), ("", 1, "continue"), *((x, 1, None) for x in S3_HEADER[2][4:9]), ("", 1, "continue")]]
    assert _cells(s3)[3][0] == ("一、本年新收政府信息公开申请数量", 1, None)  # the data rows as they were
    assert _cells(s4)[:2] == [[("行政复议", 5, "restart"), ("行政诉讼", 10, None)],
                              [("", 5, "continue"), ("未经复议直接起诉", 5, None), ("复议后起诉", 5, None)]]
    assert [c[0] for c in _cells(s4)[3]] == ["2", "0", "1", "0", "3", "1", "0", "0", "1", "2", "1", "0", "0", "0", "1"]


def test_html_view_of_the_text_merges_the_written_out_header(tmp_path: Path) -> None:
    path = _report(tmp_path)
    html = tmp_path / "r.html"
    res = runner.invoke(app, ["check", str(path), "--no-cache", "-f", "html", "-o", str(html)])
    assert res.exit_code == 0, res.output
    page = html.read_text(encoding="utf-8")
    view = page[page.index("<table class=\"srct\">"):]
    assert f"<th rowspan=\"3\" colspan=\"3\">{NOTE}</th><th colspan=\"7\">申请人情况</th>" in view
    assert "<td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td><td rowspan=\"2\">总计</td>" in view
    assert "<th rowspan=\"2\" colspan=\"5\">行政复议</th><th colspan=\"10\">行政诉讼</th>" in view
    assert view.count(NOTE) == 1 and view.count(">行政诉讼<") == 1


def test_only_the_header_merges() -> None:
    """Guard: rows holding a number, rows that do not repeat the row above, and rows past the bound stay as they
    are; a table without a marked header gets one only when its second row continues the first."""
    s4 = [["行政复议"] * 5 + ["行政诉讼"] * 10, ["行政复议"] * 5 + ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5,
          ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3, ["0"] * 15, ["0"] * 15]
    assert header_rows(s4, 1) == 2 and header_rows(s4, 0) == 2
    assert header_rows([S3_HEADER[0], S3_HEADER[1], S3_HEADER[2], ["一、本年新收"] + [""] * 9], 1) == 3
    body = [["类别", "内容"], ["规章", "无"], ["规章", "无"]]  # a text table: its rows are not a header
    assert header_rows(body, 1) == 1 and header_rows(body, 0) == 0
    assert header_rows([["a", "b"], ["a", "1"]], 1) == 1  # a number: data
    tall = [["甲", "乙"]] * 20
    assert header_rows(tall, 1) == MAX_HEADER_ROWS and header_rows(tall, 10) == 10
