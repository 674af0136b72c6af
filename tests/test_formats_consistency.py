"""One report, five formats, the same findings.

The two example reports (examples/clean-2023.md and examples/defective-2023.md) are rendered by
tests/render.py into .txt, .html (a portal page, 表三/表四 with rowspan/colspan), .docx (Word
tables with merged cells) and .pdf (justified text, ruled tables, 表三 cut by a page break, page
numbers "- N -"), and each file is checked through the public API exactly as a user's file would
be; so are the .docx saved by LibreOffice as .doc, .rtf and .odt (committed fixtures).  Every format must give

* the clean example: no finding at all;
* the defective example: the same findings as the Markdown original — the same multiset of
  (rule code, severity, matched text);
* both: the same paragraphs (block texts), the same numbers in 表二/表三/表四 and the same
  report facts (title, agency, year, format version, sections, publication date).

No format needs an allowance: every renderer keeps the visible text character for character
(ASCII punctuation included), and the only Markdown-only content — the HTML comment at the top of
the defective example — is not linted in Markdown either.  A difference is therefore a reader
bug.  Layouts that the readers do not handle yet are kept below as strict xfails naming the
reader and the cause, so that fixing the reader turns them into failures to be promoted.

Files are rendered and checked once per module (PDF costs ~0.5 s to render and ~0.4 s to read).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

pytest.importorskip("docx")
pytest.importorskip("reportlab")
pytest.importorskip("pdfplumber")

from disclosure_lint.api import Checker
from disclosure_lint.readers import markdown as md_reader
from disclosure_lint.readers import read_path
from disclosure_lint.report import interpret

from . import render

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = {"clean": ROOT / "examples" / "clean-2023.md", "defective": ROOT / "examples" / "defective-2023.md"}
OTHER_FORMATS = (".txt", ".html", ".docx", ".pdf")

# name → (extension, renderer); "default" is render.render(md, ext)
VARIANTS = {
    "html-heading-tags": (".html", lambda md: render.to_html(md, heading_tags=True).encode("utf-8")),
    "html-no-merges": (".html", lambda md: render.to_html(md, merge=False).encode("utf-8")),
    "docx-heading-styles": (".docx", lambda md: render.to_docx(md, heading_styles=True)),
    "docx-no-merges": (".docx", lambda md: render.to_docx(md, merge=False)),
    "pdf-repeated-header": (".pdf", lambda md: render.to_pdf(md, repeat_header=True)),
    # ragged-right lines (a browser's print to PDF): a line ends short where the next word or
    # number did not fit — '…联系人:李某，手机' before '13912345678。' — and the paragraph goes on
    "pdf-ragged": (".pdf", lambda md: render.to_pdf(md, ragged=True)),
    # a long title wrapped by the layout: first line full width, second centred, same large size
    "pdf-wrapped-title": (".pdf", lambda md: render.to_pdf(md, title_lines=1)),
}


# -- rendering and checking, once per module ------------------------------------------------------


class Outcome:
    """A checked file: the API's FileResult plus the Document and report read from it."""

    def __init__(self, checker: Checker, path: Path):
        self.path = path
        self.result = checker.check_file(str(path))
        assert self.result.error is None, f"{path.name}: {self.result.error}"
        self.doc = read_path(str(path))
        self.report = interpret(self.doc)

    def findings(self) -> Counter:
        return Counter((d.code, d.severity, d.match) for d in self.result.diagnostics)

    def paragraphs(self) -> list[str]:
        return [b.text for b in self.doc.blocks if b.kind in ("heading", "paragraph", "list_item")]

    def stats(self) -> dict:
        return {tid: {key: cell.raw for key, cell in table.cells.items()}
                for tid, table in self.report.stats.items()}

    def facts(self) -> dict:
        r = self.result.report or {}
        return {k: r.get(k) for k in ("title", "agency", "year", "format_version", "sections", "published")}


@pytest.fixture(scope="module")
def outcome(tmp_path_factory):
    out = tmp_path_factory.mktemp("formats")
    checker = Checker()

    @cache
    def get(example: str, variant: str = ".md") -> Outcome:
        md = EXAMPLES[example].read_text(encoding="utf-8")
        if variant in render.FORMATS:
            ext, data = variant, render.render(md, variant)
            stem = f"{example}-2023"
        else:
            ext, fn = VARIANTS[variant]
            data = fn(md)
            stem = f"{example}-2023-{variant}"
        path = out / f"{stem}{ext}"
        path.write_bytes(data)
        return Outcome(checker, path)

    return get


def explain(base: Outcome, other: Outcome) -> str:
    missing = base.findings() - other.findings()
    extra = other.findings() - base.findings()
    lines = [f"{other.path.name} differs from {base.path.name}:"]
    lines += [f"  missing {code} {sev} {match!r}" for (code, sev, match), n in missing.items()]
    lines += [f"  extra   {code} {sev} {match!r}  at {where(other, code, match)}"
              for (code, sev, match), n in extra.items()]
    return "\n".join(lines)


def where(o: Outcome, code: str, match: str | None) -> str:
    d = next(d for d in o.result.diagnostics if d.code == code and d.match == match)
    return d.pointer or f"{d.line}:{d.column}"


def assert_same(base: Outcome, other: Outcome) -> None:
    assert other.findings() == base.findings(), explain(base, other)
    assert other.paragraphs() == base.paragraphs()
    assert other.stats() == base.stats()
    assert other.facts() == base.facts()


# -- the Markdown originals --------------------------------------------------------------------------


def test_markdown_originals(outcome):
    clean, defective = outcome("clean"), outcome("defective")
    assert clean.result.diagnostics == []
    codes = {d.code for d in defective.result.diagnostics}
    assert len(codes) >= 10  # every category of rule has something to compare
    assert {"DL101", "DL201", "DL301", "DL401", "DL501", "DL601", "DL701", "DL801"} <= codes
    assert set(clean.stats()) == {"s2", "s3", "s4"} and set(defective.stats()) == {"s2", "s3"}
    assert len(clean.stats()["s3"]) == 25 * 7


# -- every format, default rendering -------------------------------------------------------------------


@pytest.mark.parametrize("ext", OTHER_FORMATS)
def test_clean_example_gives_no_finding_in_every_format(outcome, ext):
    o = outcome("clean", ext)
    assert o.result.format == {".txt": "text", ".html": "html", ".docx": "docx", ".pdf": "pdf"}[ext]
    assert o.result.diagnostics == [], [(d.code, d.pointer or d.line, d.message) for d in o.result.diagnostics]
    assert_same(outcome("clean"), o)


@pytest.mark.parametrize("ext", OTHER_FORMATS)
def test_defective_example_gives_the_same_findings_in_every_format(outcome, ext):
    assert_same(outcome("defective"), outcome("defective", ext))


# What Word's reports are also saved as: the .docx rendering saved by LibreOffice as Word 97–2003 (.doc), RTF and
# OpenDocument (.odt), committed (made by tests/fixtures/{doc,rtf,odt}/make_*_fixtures.py where LibreOffice is installed)
SAVED = {".doc": ROOT / "tests" / "fixtures" / "doc", ".rtf": ROOT / "tests" / "fixtures" / "rtf",
         ".odt": ROOT / "tests" / "fixtures" / "odt"}


@pytest.fixture(scope="module")
def saved():
    checker = Checker()
    return cache(lambda example, ext: Outcome(checker, SAVED[ext] / f"{example}-2023{ext}"))


@pytest.mark.parametrize("ext", sorted(SAVED))
@pytest.mark.parametrize("example", ["clean", "defective"])
def test_word_saved_as_doc_rtf_or_odt_gives_the_same(outcome, saved, example, ext):
    o = saved(example, ext)
    assert o.result.format == ext[1:]
    assert_same(outcome(example), o)
    # the messages too, but where a message names a place (第34行 in Markdown, 第10段 in Word)
    assert {d.message for d in outcome(example).result.diagnostics if "行" not in d.message} <= {
        d.message for d in o.result.diagnostics}


@pytest.mark.parametrize("ext", sorted(SAVED))
@pytest.mark.parametrize("example", ["clean", "defective"])
def test_word_saved_as_doc_rtf_or_odt_reads_block_for_block_as_the_docx(outcome, saved, example, ext):
    """Each block (kind, heading level, pointer, text) and each table row (header row or not, cells' texts and
    pointers, merged cells repeated) as the .docx reader gives the .docx they were saved from."""
    want, got = outcome(example, ".docx").doc, saved(example, ext).doc
    assert not got.has_lines and not got.notices
    assert [(b.kind, b.level, b.pointer, b.text) for b in got.blocks] == [
        (b.kind, b.level, b.pointer, b.text) for b in want.blocks]
    for g, w in zip(got.blocks, want.blocks, strict=True):
        if g.kind == "table":
            assert [(r.header, r.texts, [c.pointer for c in r.cells]) for r in g.table.rows] == [
                (r.header, r.texts, [c.pointer for c in r.cells]) for r in w.table.rows]


def test_findings_point_into_each_format(outcome):
    """The same finding, located the way each format can: line/column where the format has lines,
    a paragraph or page pointer where it has none."""
    for ext in (".md", ".txt", ".html"):
        d = next(d for d in outcome("defective", ext).result.diagnostics if d.code == "DL502")
        assert d.line is not None and d.column is not None, ext
    word = next(d for d in outcome("defective", ".docx").result.diagnostics if d.code == "DL502")
    assert word.line is None and re.search(r"第\d+段", word.pointer or ""), word.pointer
    pdf = next(d for d in outcome("defective", ".pdf").result.diagnostics if d.code == "DL502")
    assert re.search(r"第\d+页第\d+行", pdf.pointer or ""), pdf.pointer


def test_pdf_table_three_is_cut_by_a_page_break(outcome):
    """The PDF exercises the reader's seam mending: 表三 runs over a page break inside its merged
    label cells, and still maps completely (checked against Markdown above)."""
    for example in EXAMPLES:
        doc = outcome(example, ".pdf").doc
        s3 = next(b for b in doc.blocks if b.kind == "table" and b.text.startswith("（本列数据"))
        pages = {re.match(r"第(\d+)页", c.pointer).group(1) for c in s3.table.cells()}
        assert len(pages) >= 2, (example, pages)
    # with Word's "repeat header rows" the continuation starts with the header again; the reader
    # drops the copy (the grid still has 26 rows, and the findings are the same, tested above)
    import pdfplumber

    o = outcome("clean", "pdf-repeated-header")
    with pdfplumber.open(str(o.path)) as pdf:
        assert sum(1 for page in pdf.pages if "自然人" in (page.extract_text() or "")) == 2
    s3 = next(b for b in o.doc.blocks if b.kind == "table" and b.text.startswith("（本列数据"))
    assert len(s3.table.rows) == 26


# -- other ways of writing the same report ---------------------------------------------------------------


@pytest.mark.parametrize("variant", ["html-heading-tags", "html-no-merges", "docx-heading-styles", "docx-no-merges",
                                     "pdf-repeated-header", "pdf-ragged", "pdf-wrapped-title"])
@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_variants_give_the_same_findings(outcome, example, variant):
    assert_same(outcome(example), outcome(example, variant))


# -- PDF layouts that once split or joined paragraphs wrongly -----------------------------------------------
# A reader limitation found by a new layout is pinned here as a strict xfail naming the reader and
# the cause (pytest then reports the fix as XPASS, a failure, and the mark goes).


def test_pdf_two_line_title_with_a_long_agency_name(tmp_path):
    """A title set on two centred lines whose first line is a long agency name: 17 characters at
    22 pt leave 31 pt either side, under the 1.5 em a centred line needs, and the lines must
    still be joined (else no agency: DL301 becomes DL302 and DL405 is lost).  Found in
    bench/generate.py report 0052 (长汀湾区人力资源和社会保障局)."""
    md = EXAMPLES["defective"].read_text(encoding="utf-8").replace("江北市桐溪区农业农村局", "江北市长汀湾区人力资源和社会保障局")
    base = Outcome(Checker(), _write(tmp_path / "long.md", md.encode("utf-8")))
    pdf = Outcome(Checker(), _write(tmp_path / "long.pdf", render.to_pdf(md)))
    assert base.facts()["agency"] == "江北市长汀湾区人力资源和社会保障局"
    assert_same(base, pdf)


def test_pdf_last_page_of_short_lines(tmp_path):
    """A last page of four short indented lines (五、… 无。 六、… （文字描述）) reaches neither
    margin; taken for the page's own margins, the indent would be the left margin and the longest
    short line the right one, and 五、… would be joined with 无。"""
    # the defective report without its last paragraph and 落款, section 五 starting a new page:
    # that page holds four short indented lines and nothing that reaches the right margin
    md = EXAMPLES["defective"].read_text(encoding="utf-8")
    md = md[: md.index("本报告已于")].rstrip() + "\n"
    base = Outcome(Checker(), _write(tmp_path / "short.md", md.encode("utf-8")))
    pdf = Outcome(Checker(), _write(tmp_path / "short.pdf", render.to_pdf(md, page_break_before="五、")))
    last_page = pdf.doc.meta["pages"]
    heading5 = next(b for b in pdf.doc.blocks if b.text.startswith("五、"))
    assert heading5.pointer.startswith(f"第{last_page}页")  # the layout asked for (not the bug)
    assert base.paragraphs()[-4:] == ["五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "（文字描述）"]
    assert_same(base, pdf)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# -- the renderers themselves ----------------------------------------------------------------------------


def test_only_visible_text_is_rendered():
    md = ("<!--\n编者注：不发布\n-->\n\n# 某某局2023年政府信息公开工作年度报告\n\n"
          "## 一、总体情况\n\n全年**主动公开**政府信息[1268条](http://example.invalid/)，"
          "其中\\*政策解读\\*12篇&ldquo;双公示&rdquo;。\n第二行接着写。\n\n"
          "<div>原始 HTML 块</div>\n\n```\n代码块\n```\n\n- 列表项一\n")
    its = render.items(md)
    assert [(i.kind, i.text) for i in its] == [
        ("title", "某某局2023年政府信息公开工作年度报告"),
        ("heading", "一、总体情况"),
        ("paragraph", "全年主动公开政府信息1268条，其中*政策解读*12篇“双公示”。第二行接着写。"),
        ("paragraph", "列表项一"),
    ]
    txt = render.to_text(md)
    assert "编者注" not in txt and "原始" not in txt and "代码块" not in txt and "**" not in txt
    page = render.to_html(md)
    assert "编者注" not in page and "&ldquo;双公示&rdquo;" in page and "<strong>一、总体情况</strong>" in page


def test_layout_merges_like_the_official_template():
    md = md_reader.parse(EXAMPLES["clean"].read_text(encoding="utf-8"))
    tables = [[r.texts for r in b.table.rows] for b in md.blocks if b.kind == "table"]
    s3 = next(t for t in tables if t[0][0].startswith("（本列数据"))
    s4 = tables[-1]
    grid, spans = render.layout(s3)
    assert grid == s3  # the grid keeps the Markdown texts
    assert (0, 0, 0, 2) in spans  # the 勾稽 note over the three label columns
    assert (1, 0, 1, 2) in spans and (25, 0, 25, 2) in spans  # 一、 and 四、 across
    assert (3, 0, 24, 0) in spans  # 三、本年度办理结果 down 22 rows
    assert (5, 1, 12, 1) in spans and (3, 1, 3, 2) in spans  # （三）不予公开 down 8, （一）予以公开 across 2
    assert not any(c0 >= 3 or c1 >= 3 for _r0, c0, _r1, c1 in spans)  # numbers never merge
    _, spans4 = render.layout(s4)
    assert spans4 == [(0, 0, 1, 4), (0, 5, 0, 14), (1, 5, 1, 9), (1, 10, 1, 14)]
    assert render.layout(s3, merge=False)[1] == []
    # the HTML carries the merges as rowspan/colspan
    page = render.html_table(s3)
    assert 'rowspan="22"' in page and 'colspan="3"' in page


def test_pdf_line_breaking_keeps_numbers_and_punctuation_rules():
    pytest.importorskip("reportlab")
    render._pdf_styles()  # registers the font
    text = "联系人李某，手机13912345678，日期2024.1.5（星期五）。" * 3
    lines = render.break_lines(text, 200, 16)
    assert "".join(lines) == text
    assert all(not ln.startswith(tuple(render.NO_START)) for ln in lines)
    assert all(not ln.endswith(tuple(render.NO_END)) for ln in lines)
    assert any("13912345678" in ln for ln in lines) and any("2024.1.5" in ln for ln in lines)
    for ln in render.break_lines(text, 200, 16, hang=False):
        assert render._width(ln, 16) <= 200 + 0.01
