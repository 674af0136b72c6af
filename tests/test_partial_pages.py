"""Portal pages that do not hold the whole report, said as an input finding (DL002), never blamed on the report:

* one page of an article the portal paginates (TRS ``共3页 第1页 2 3 下一页 尾页``, or its ``createPageHTML`` script):
  the parts after the page's end are not reported missing (DL101) — a warning says which were not checked;
* a page that publishes the report as an attachment (``详见附件``, ``附件：….pdf``, a PDF in a viewer) and has no
  report text: not "not in the unified format" (DL103), not a silent pass — an error says nothing was checked.

The pages are the clean example rendered by tests/render.py (a portal page with its chrome), cut or emptied."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from disclosure_lint.cli import app
from tests import render

EXAMPLE = (Path(__file__).resolve().parent.parent / "examples" / "clean-2023.md").read_text(encoding="utf-8")
runner = CliRunner()
PAGER = ('<div class="page" id="pagenav"><span>共3页</span>&nbsp;<span class="current">第1页</span>&nbsp;'
         '<a href="t1_1.html">2</a>&nbsp;<a href="t1_2.html">3</a>&nbsp;<a href="t1_1.html">下一页</a>&nbsp;'
         '<a href="t1_2.html">尾页</a></div>')
SCRIPT_PAGER = ('<div id="page_div"></div><script language="JavaScript">var currentPage = 0;var countPage = 3;'
                'createPageHTML(countPage, currentPage, "t1", "html");</script>')


def _page() -> str:
    return render.to_html(EXAMPLE)


def _cut(page: str, before: str, insert: str) -> str:
    """The page with its report text from the paragraph holding ``before`` to the signature removed, and
    ``insert`` put in its place (still inside the content)."""
    i = page.rfind("<p", 0, page.index(before))
    j = page.index("</div>", page.index("2024年1月18日"))
    return page[:i] + insert + page[j:]


def _findings(tmp_path: Path, name: str, text: str) -> list[dict]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    res = runner.invoke(app, ["check", "-f", "json", "--no-cache", str(path)])
    return json.loads(res.stdout)["files"][0]["diagnostics"]


@pytest.mark.parametrize("pager", [PAGER, SCRIPT_PAGER], ids=["pager-text", "pager-script"])
@pytest.mark.parametrize("cut", ["五、存在的主要问题", "三、收到和处理"])
def test_first_page_of_a_paginated_article(tmp_path, pager, cut):
    found = _findings(tmp_path, "p1.html", _cut(_page(), cut, pager))
    assert [d["code"] for d in found] == ["DL002"]
    d = found[0]
    assert d["severity"] == "warning"
    assert "网页分页发布（共3页），本文件只有第1页" in d["message"]
    first = "第四至六部分" if cut.startswith("五") else "第二至六部分"  # from the part the page ends in
    assert first + "未检查" in d["message"]
    assert d["evidence"]["page"] == 1 and d["evidence"]["pages"] == 3


def test_a_text_copy_of_the_first_page(tmp_path):
    text = render.to_text(EXAMPLE)
    text = text[:text.index("五、存在的主要问题")] + "共3页 第1页 2 3 下一页 尾页\n"
    found = _findings(tmp_path, "p1.txt", text)
    assert [d["code"] for d in found] == ["DL002"]
    assert "分页栏“共3页 第1页 2 3 下一页 尾页”" in found[0]["message"]


def test_a_later_page_leaves_every_part_unchecked(tmp_path):
    page = _cut(_page(), "三、收到和处理", PAGER.replace("第1页", "第2页"))
    found = _findings(tmp_path, "p2.html", page)
    assert [d["code"] for d in found] == ["DL002"]
    assert "本文件只有第2页" in found[0]["message"] and "其他各页的内容未检查" in found[0]["message"]


def test_a_pager_under_a_whole_report_is_another_lists(tmp_path):
    """The whole report to its 落款, then a list's pager (相关文章 …): not one page of several."""
    page = _page().replace('<div class="related">', PAGER + '<div class="related">')
    assert _findings(tmp_path, "whole.html", page) == []


def test_a_single_page_pager_is_no_pagination(tmp_path):
    page = _cut(_page(), "五、存在的主要问题", PAGER.replace("共3页", "共1页"))
    codes = [d["code"] for d in _findings(tmp_path, "one.html", page)]
    assert "DL101" in codes  # the report itself lacks parts 五 and 六: the report's defect, told as such


def _attachment_page(body: str) -> str:
    page = _page()
    i = page.index('<div class="content">') + len('<div class="content">')
    j = page.index("</div>", page.index("2024年1月18日"))
    return page[:i] + body + page[j:]


@pytest.mark.parametrize("body", [
    "<p>根据《中华人民共和国政府信息公开条例》规定，现将本局2023年政府信息公开工作年度报告予以公布，详见附件。</p>"
    '<p>附件：<a href="/u/P0201.pdf">江北市青溪区市场监督管理局2023年政府信息公开工作年度报告.pdf</a></p>',
    '<p>附件下载：<a href="/u/P0201.docx">2023年度报告.docx</a></p>',
    "<p>现予公布，详见附件。</p>",
], ids=["sentence-and-link", "link-only", "sentence-only"])
def test_a_page_with_the_report_as_an_attachment(tmp_path, body):
    found = _findings(tmp_path, "att.html", _attachment_page(body))
    assert [d["code"] for d in found] == ["DL002"]
    d = found[0]
    assert d["severity"] == "error" and "网页上没有报告正文，报告以附件发布" in d["message"]
    assert d["evidence"]["actual"] == "只有附件"


@pytest.mark.parametrize("body", ['<embed src="/u/P0201.pdf" type="application/pdf" width="100%" height="800">',
                                  '<iframe src="/pdfjs/web/viewer.html?file=/u/P0201.pdf" width="100%"></iframe>'])
def test_a_page_showing_the_report_in_a_viewer(tmp_path, body):
    found = _findings(tmp_path, "viewer.html", _attachment_page(body))
    assert [d["code"] for d in found] == ["DL002"]
    assert "只在页面中内嵌显示文件" in found[0]["message"] and "P0201.pdf" in found[0]["message"]


def test_a_document_sharing_sites_page_shows_the_document():
    """《….docx》由会员分享，可在线阅读 (a document-sharing site): the file's text is on the page under its name — no
    "the report is only in an attachment" error (a real page of a reply template, named on the command line)."""
    from .conftest import lint

    text = ("某某答复参考文本.docx\n《某某答复参考文本.docx》由会员分享，可在线阅读，更多相关《某某答复参考文本.docx(10页珍藏版)》"
            "请在某某网上搜索。\n某某答复参考文本\n一、“予以公开”的情形\n我单位于某日收到您提出的政府信息公开申请。\n"
            "经研究，现答复如下：\n根据您的申请，以信函邮寄的方式向您提供该政府信息。\n")
    assert "DL002" not in {d.code for d in lint(text, fmt="text")}
    # the same page with a portal's attachment line instead: the report is in the attachment
    attached = "某某局2023年政府信息公开工作年度报告\n现予公布，详见附件。\n附件：某某局2023年政府信息公开工作年度报告.pdf\n"
    assert "DL002" in {d.code for d in lint(attached, fmt="text")}


def test_a_portals_field_saying_no_attachment_is_none():
    """附件:无 among a page's fields (a real page's header: 文件编号, 主题词, 附件:无, …): no attachment, so no "the report is
    only in an attachment" error for a short copy."""
    from .conftest import lint

    fields = "发文单位:某某县人民政府\n主题词:政务公开 年报\n成文日期:2024年1月15日\n附件:无\n签发人:某某\n一、前言\n为进一步规范"
    assert "DL002" not in {d.code for d in lint(fields, fmt="text") if d.severity == "error"}
    assert "DL002" in {d.code for d in lint(fields.replace("附件:无", "附件:某某县2023年年报.pdf"), fmt="text")
                       if d.severity == "error"}


def test_a_whole_report_with_attachments_is_checked_as_one(tmp_path):
    page = _page().replace("<p style=\"text-align:right\">江北市青溪区市场监督管理局</p>",
                           '<p>附件：<a href="/u/P0201.xls">统计表.xls</a></p>'
                           "<p style=\"text-align:right\">江北市青溪区市场监督管理局</p>")
    assert _findings(tmp_path, "whole.html", page) == []


def test_free_text_with_an_attachment_is_still_not_in_the_unified_format(tmp_path):
    """Report prose on the page (a paragraph longer than a notice) is a report: DL103 as before."""
    prose = ("2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，围绕市场监管重点工作，不断加大政府信息主动公开力度，"
             "规范依申请公开办理流程，加强政府信息管理和平台建设，全年主动公开政府信息1268条，办理政府信息公开申请57件，"
             "未发生因政府信息公开引发的行政复议和行政诉讼案件，政府信息公开工作取得了新的成效。")
    body = "".join(f"<p>{prose}</p>" for _ in range(3)) + '<p>附件：<a href="/u/a.pdf">统计表.pdf</a></p>'
    codes = [d["code"] for d in _findings(tmp_path, "free.html", _attachment_page(body))]
    assert "DL103" in codes and "DL002" not in codes
