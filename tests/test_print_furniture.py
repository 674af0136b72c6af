"""A browser's print header and footer (readers/print_furniture.py) and a flattened table 三 read short (DL001).

Chrome's "print to PDF" with headers and footers on puts the date and time of printing and the page's title at the
top of every page, the page's address and ``N/M`` at the bottom, close to the text.  They are page furniture: in
the PDF reader and in the text ``pdftotext`` makes of such a PDF they go, so that a table 三 broken by a page is
joined and the title is not read as ``12/4/26, 8:43 AM某某县…``.  A table 三 read as text (not a grid) that lacks
rows is the tool's failure to read it (DL001), never a clean pass.
"""

from __future__ import annotations

import pytest

pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")

from disclosure_lint.readers import pdf as pdf_reader
from disclosure_lint.readers import text as text_reader
from disclosure_lint.readers.print_furniture import is_address, is_footer, is_header, is_page_of

from .conftest import lint
from .test_reader_pdf import LONG, Builder, texts

TITLE = "某某县自然资源局2022年政府信息公开工作年度报告"
URL = "file:///D:/reports/balance-2022.html"


def chrome_pdf(body: str, pages_hint: int = 3, url: str = URL, date: str = "12/4/26, 8:43 AM") -> bytes:
    """``body`` printed as Chrome does with headers and footers: 8 pt lines close above and below the text."""
    b = Builder(header=False, footer=False)
    b.paragraph(body)
    n = b.page
    b.c.save()
    b = Builder(header=False, footer=False)  # again, now knowing the page count

    def furniture() -> None:
        b.text(24, 64, f"{date} {TITLE}", size=8)
        b.text(24, 778, f"{url} {b.page}/{n}", size=8)

    orig = b.new_page

    def new_page() -> None:
        orig()
        furniture()

    b.new_page = new_page  # type: ignore[method-assign]
    furniture()
    b.paragraph(body)
    assert b.page == n >= pages_hint - 1
    return b.bytes()


def test_lines_recognised():
    assert is_header("12/4/26, 8:43 AM 某某县自然资源局2022年政府信息公开工作年度报告")
    assert is_header("2026/12/4 08:43 某某县自然资源局2022年政府信息公开工作年度报告")
    assert is_header("2026/12/4 上午8:43")
    assert is_footer("ﬁle:///tmp/rt/balance-2022.html 1/5")  # a ligature in Chrome's PDF
    assert is_footer("https://www.example.gov.cn/art/2023/1/18/art_1_1.html 12/12")
    assert is_address("http://127.0.0.1:8000/page.html") and is_page_of("3/5")
    # the report's own lines
    assert not is_header("2023年1月18日 来源：本站")
    assert not is_header("发布时间：2023-01-18 09:30")
    assert not is_footer("网址：https://www.example.gov.cn 1/5")
    assert not is_footer("https://www.example.gov.cn")
    assert not is_footer("x" * 400 + " 1/5")


def test_chrome_header_and_footer_removed_from_pdf():
    doc = pdf_reader.read("x.pdf", chrome_pdf(LONG))
    assert texts(doc) == [LONG]  # one paragraph over the pages: no date, title, address or page count left


def test_http_address_too():
    doc = pdf_reader.read("x.pdf", chrome_pdf(LONG, url="http://127.0.0.1:8000/balance-2022.html",
                                              date="2026/12/4 08:43"))
    assert texts(doc) == [LONG]


def test_a_date_line_at_the_top_without_a_browser_footer_stays():
    """A portal's line with the date and time at the top of a page, no address and page count at the bottom: the
    report's text, kept."""
    b = Builder(header=False, footer=False)
    b.text(24, 64, "2023-01-18 09:30 来源：本站", size=8)
    b.paragraph(LONG)
    doc = pdf_reader.read("x.pdf", b.bytes())
    assert texts(doc)[0].replace(" ", "") == "2023-01-1809:30来源：本站"


# -- the text pdftotext makes of such a PDF ----------------------------------------------------------------


BODY_LINES = ["一、总体情况", "本年度我局主动公开政府信息612条。", "二、主动公开政府信息情况", "本年制发规范性文件4件。"]


def _pages(raw: bool, n: int = 3) -> str:
    pages = []
    for k in range(1, n + 1):
        body = BODY_LINES if k == 1 else [f"第{k}页的正文，本局继续推进政务公开工作。"]
        if raw:  # without -layout: the title first, the date after it; the address and N/M on lines of their own
            page = [TITLE, "", "12/4/26, 8:37 AM", "", *body, "", URL, "", f"{k}/{n}", ""]
        else:
            page = [f"12/4/26, 8:37 AM{' ' * 30}{TITLE}", "", *body, "", f"{URL}{' ' * 40}{k}/{n}"]
        pages.append("\n".join(page))
    return "\n\f".join(pages) + "\n\f"  # pdftotext starts each page with a form feed


@pytest.mark.parametrize("raw", [True, False], ids=["raw", "layout"])
def test_pdftotext_furniture_blanked(raw):
    doc = text_reader.parse(_pages(raw))
    got = [b.text for b in doc.blocks]
    assert not any("8:37" in t or "file://" in t or t.endswith("/3") for t in got), got
    assert TITLE not in got
    assert got[:2] == BODY_LINES[:2]
    assert doc.blocks[0].line == (5 if raw else 3)  # line numbers kept


def test_pdftotext_without_browser_furniture_untouched():
    """Pages that end with an address but have no date and time at the top: nothing removed."""
    text = "\n\f".join("\n".join([f"第{k}页正文。", URL]) for k in range(1, 4)) + "\n\f"
    doc = text_reader.parse(text)
    assert [b.text for b in doc.blocks].count(URL) == 3


def test_pdftotext_findings_not_about_the_footer():
    text = _pages(True)
    diags = lint(text, fmt="text", select=["DL601"])
    assert not diags


# -- a flattened table 三 read short: DL001 ------------------------------------------------------------------


S3_ROWS = [
    ("一、本年新收政府信息公开申请数量", [5, 1, 0, 0, 0, 0, 6]),
    ("二、上年结转政府信息公开申请数量", [0] * 7),
    ("三、本年度办理结果", None),
    ("（一）予以公开", [3, 1, 0, 0, 0, 0, 4]),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [0] * 7),
    ("（三）不予公开", None),
    ("1.属于国家秘密", [0] * 7), ("2.其他法律行政法规禁止公开", [0] * 7), ("3.危及“三安全一稳定”", [0] * 7),
    ("4.保护第三方合法权益", [0] * 7), ("5.属于三类内部事务信息", [0] * 7), ("6.属于四类过程性信息", [0] * 7),
    ("7.属于行政执法案卷", [0] * 7), ("8.属于行政查询事项", [0] * 7),
    ("（四）无法提供", None),
    ("1.本机关不掌握相关政府信息", [2, 0, 0, 0, 0, 0, 2]), ("2.没有现成信息需要另行制作", [0] * 7),
    ("3.补正后申请内容仍不明确", [0] * 7),
    ("（五）不予处理", None),
    ("1.信访举报投诉类申请", [0] * 7), ("2.重复申请", [0] * 7), ("3.要求提供公开出版物", [0] * 7),
    ("4.无正当理由大量反复申请", [0] * 7), ("5.要求行政机关确认或重新出具已获取信息", [0] * 7),
    ("（六）其他处理", None),
    ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", [0] * 7),
    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", [0] * 7),
    ("3.其他", [0] * 7),
    ("（七）总计", [5, 1, 0, 0, 0, 0, 6]),
    ("四、结转下年度继续办理", [0] * 7),
]


def flat_report(rows: list) -> str:
    """A 2022 report whose table 三 is one cell per line (as a PDF's text or a page scraped cell by cell)."""
    out = [TITLE, "一、总体情况", "本年度我局主动公开政府信息612条。", "三、收到和处理政府信息公开申请情况",
           "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况", "自然人",
           "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    for label, values in rows:
        out.append(label)
        out.extend(str(v) for v in values or ())
    out += ["四、政府信息公开行政复议、行政诉讼情况", "本年度未发生行政复议、行政诉讼。",
            "五、存在的主要问题及改进情况", "主动公开的及时性还需提高，下一步将加强审核。", "六、其他需要报告的事项",
            "本年度未收取信息处理费。"]
    return "\n".join(out) + "\n"


def test_flat_table3_read_short_is_dl001():
    """Rows after a break the reader could not join (a page's footer left between them): the tool says it could not
    read them, not nothing."""
    cut = [r for r in S3_ROWS if not r[0].startswith(("5.要求", "3.其他", "（七）", "四、结转"))]
    diags = [d for d in lint(flat_report(cut), fmt="text", year=2022) if d.code in ("DL001", "DL110")]
    assert [d.code for d in diags] == ["DL001"]
    assert "4行" in diags[0].message and "“（七）总计”" in diags[0].message
    assert diags[0].evidence["rows_not_found"][-1] == "carried_forward"


def test_flat_table3_whole_is_clean():
    diags = [d for d in lint(flat_report(S3_ROWS), fmt="text", year=2022) if d.code in ("DL001", "DL110")]
    assert diags == []


# -- the cells of a statistics table read from a PDF are not prose (DL703) -------------------------------------


def _s3_markdown(split: str) -> str:
    rows = ["| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | | 自然人 | 商业企业 | 科研机构 | "
            "社会公益组织 | 法律服务机构 | 其他 | 总计 |", "|---|---|---|---|---|---|---|---|---|---|"]
    group = ""
    for label, values in S3_ROWS:
        if values is None:
            group = label if label.startswith("（") else ""
            continue
        if label.startswith(("（", "一、", "二、", "四、")):
            first, second, third = (label, label, label) if not label.startswith("（") else ("三、本年度办理结果", label, label)
        else:
            g = split if (group == "（五）不予处理" and not label.startswith("1.")) else group
            first, second, third = "三、本年度办理结果", g, label
        rows.append("| " + " | ".join([first, second, third, *map(str, values)]) + " |")
    return (f"# {TITLE}\n\n## 一、总体情况\n\n本年度我局主动公开政府信息612条。\n\n## 三、收到和处理政府信息公开申请情况\n\n"
            + "\n".join(rows) + "\n")


@pytest.mark.parametrize("fmt,reported", [("pdf", False), ("markdown", True)])
def test_split_merged_cell_of_a_pdf_grid_not_prose(fmt, reported):
    """LibreOffice prints a merged cell cut by a page break with part of its text on each page: the rows on the
    second page read ``）不予处理``.  In a PDF's grid that is the table's reading, not the clerk's bracket (no DL703);
    the same cell written so in a Markdown table is the clerk's, and reported."""
    import dataclasses

    from disclosure_lint.readers import markdown as md_reader
    from disclosure_lint.report import interpret

    doc = md_reader.parse(_s3_markdown("）不予处理"), path="x.md")
    if fmt == "pdf":
        doc = dataclasses.replace(doc, format="pdf")
    report = interpret(doc)
    assert "s3" in report.stats
    unbalanced = [u for u in report.brackets.unbalanced if u.mark.char == "）"]
    assert bool(unbalanced) is reported


# -- where a finding on a table read as text points ------------------------------------------------------------


def test_cell_of_a_pdf_text_has_its_page_and_line():
    """A table read from a PDF's lines (one cell per line): the cell is placed at its own page and line, as the
    engine reports a PDF place (第4页第12行), not at a bare line number counted within its page."""
    from disclosure_lint.model import Anchor, Block
    from disclosure_lint.report.stats.grid import text_cell

    block = Block(index=3, kind="paragraph", text="（七）总计 49 7 0 0 2 0 58",
                  anchors=(Anchor(0, 12, 1, 4),), pointer="第4页第12行")
    cell = text_cell("49", block, 7)
    loc = cell.locate(0)
    assert (loc.page, loc.line) == (4, 12)
    plain = text_cell("49", Block(index=3, kind="paragraph", text="（七）总计 49", line=12, column=1,
                                  anchors=(Anchor(0, 12, 1),)), 6)
    assert plain.locate(0).page is None and plain.line == 12  # a text file: its line and column, as before


def test_cell_without_its_column_label_named_by_the_column():
    """A cell of a table read as text whose header words were not read as its column's label (a PDF's header broken
    over lines: 自然 / 人): the pointer names the column by the format's label, not ``表三 › （七）总计 › ``."""
    import dataclasses

    from disclosure_lint.report import interpret
    from disclosure_lint.report.stats.wording import cell_pointer

    table = interpret(text_reader.parse(flat_report(S3_ROWS))).stats["s3"]
    key = ("result.total", "natural_person")
    table.cells[key] = dataclasses.replace(table.cells[key], col_label="")
    assert cell_pointer(table, key) == "表三 › （七）总计 › 自然人"


def test_flat_table_finding_names_its_column():
    """A wrong figure in a table read one cell per line: the pointer names its row and its column (自然人)."""
    rows = [(label, ([4, 1, 0, 0, 0, 0, 5] if label == "（一）予以公开" else values)) for label, values in S3_ROWS]
    diags = [d for d in lint(flat_report(rows), fmt="text", year=2022) if d.code in ("DL201", "DL203", "DL210", "DL202")]
    assert diags
    assert any(d.pointer and d.pointer.endswith("› 自然人") for d in diags), [d.pointer for d in diags]


def test_unread_table_text_still_pairs_with_the_text_around_it():
    """A mark of a table's text (Document.table_text) still closes a bracket opened in the line before it (a long
    label wrapped around its numbers: （二）部分公开（区分处理的…情 / 4 1 0 0 0 0 5 / 形）): neither is reported; an
    unpaired mark inside the table's text is the table's reading, not reported either."""
    import dataclasses

    from disclosure_lint.report import interpret

    text = "\n".join([TITLE, "三、收到和处理政府信息公开申请情况", "（二）部分公开（区分处理的，只计这一情形，不计其他情",
                      "4 1 0 0 0 0 5", "形）", "）不于国", "四、政府信息公开行政复议、行政诉讼情况", "本年度未发生。"])
    doc = text_reader.parse(text)
    marked = dataclasses.replace(doc, table_text=tuple(b.index for b in doc.blocks if b.text in ("4 1 0 0 0 0 5", "形）",
                                                                                                 "）不于国")))
    assert interpret(marked).brackets.unbalanced == []
    assert [u.mark.char for u in interpret(doc).brackets.unbalanced] == ["）"]  # unmarked: the clerk's
