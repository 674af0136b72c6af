"""Where a statistics cell is in a Word file (round 18, clerk's view, item 9): ``表三 › … › 总计（表5第4行第10列）``
put the file's fifth table right beside the format's 表三, and a clerk read 表5 as a table of the format.  The place
in the file now reads ``（第5个表格第4行第10列）``; the reader's own cell pointers, the fingerprints (never made of
pointers), ``annotate``'s comment on the cell and the HTML report's placing of the finding are unchanged."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import html as lxml_html
from typer.testing import CliRunner

from disclosure_lint.cli import app
from disclosure_lint.model import beside_table_name
from tests import render

CLEAN = Path(__file__).resolve().parent.parent / "examples" / "clean-2023.md"
NEW_ROW = "| 一、本年新收政府信息公开申请数量 | | | 48 | 7 | 0 | 0 | 2 | 0 | 57 |"
runner = CliRunner()


def _word_report(tmp_path: Path) -> Path:
    """The clean example as Word, its 本年新收 总计 left blank (DL208 on that cell)."""
    text = CLEAN.read_text(encoding="utf-8")
    assert NEW_ROW in text
    return render.write(text.replace(NEW_ROW, NEW_ROW.replace("| 0 | 57 |", "| 0 |  |")), str(tmp_path / "年报"),
                        [".docx"])[".docx"]


def _dl208(path: Path) -> dict:
    res = runner.invoke(app, ["check", "-f", "json", "--no-cache", str(path)])
    return next(d for d in json.loads(res.stdout)["files"][0]["diagnostics"] if d["code"] == "DL208")


def test_the_place_in_the_file_does_not_read_as_a_table_of_the_format(tmp_path: Path) -> None:
    path = _word_report(tmp_path)
    d = _dl208(path)
    m = re.fullmatch(r"三、收到和处理政府信息公开申请情况 › 表三 › 一、本年新收政府信息公开申请数量 › 总计"
                     r"（第(\d+)个表格第(\d+)行第10列）", d["pointer"])
    assert m, d["pointer"]
    # annotate still puts the comment on that cell
    out = tmp_path / "out.docx"
    assert runner.invoke(app, ["annotate", str(path), "-o", str(out)]).exit_code == 0
    body = docx.Document(str(out)).element.body
    tables = list(body.iter(qn("w:tbl")))
    row = tables[int(m.group(1)) - 1].findall(qn("w:tr"))[int(m.group(2)) - 1]
    cell = row.findall(qn("w:tc"))[-1]
    assert list(cell.iter(qn("w:commentRangeStart"))) or list(cell.iter(qn("w:commentReference")))
    # the HTML report still marks it in the cell of the table as written
    page = tmp_path / "r.html"
    assert runner.invoke(app, ["check", "-f", "html", "--no-cache", "-o", str(page), str(path)]).exit_code in (0, 1)
    tree = lxml_html.fromstring(page.read_text(encoding="utf-8"))
    assert not tree.xpath("//div[@class='unplaced']")
    hits = tree.xpath("//table[@class='srct']//td[@class='hit']")
    assert len(hits) == 1 and hits[0].text_content().startswith("[")  # the blank cell, with the finding's number


def test_only_a_file_table_number_is_reworded() -> None:
    """Guard: 表三/表二 of the format, a page and line, a paragraph, a text's line and column stay as they are."""
    assert beside_table_name("表5第4行第10列") == "第5个表格第4行第10列"
    assert beside_table_name("第3页表1第23行第4列") == "第3页第1个表格第23行第4列"
    for same in ("表三 › 自然人", "第12段", "第2页第14行", "第3行第4列", "附表1", "表2"):
        assert beside_table_name(same) == same
