"""Render one Markdown report into the other formats the tool reads: .txt, .html, .docx, .pdf.

Test-only helper (also imported by ``bench/run.py``); nothing here is used by the tool itself.
The Markdown is parsed with the project's own Markdown reader, so the renderers see exactly the
blocks and tables the Markdown check sees:

* headings → the report title and numbered section headings (一、 （一）), rendered as each
  format writes them (``<h1>`` and ``<p><strong>`` or ``<h2>``; Word heading styles or plain
  paragraphs; in the PDF the title centred on two lines in a larger size, headings as indented
  lines in the body size, as a Word export of a report looks);
* paragraphs and list items → paragraphs, with inline Markdown markup removed (only the visible
  text is rendered: ``**粗体**`` → 粗体, ``[链接](url)`` → 链接, ``&ldquo;`` → “);
* HTML comments, raw HTML blocks and code blocks → not rendered (a reader of a published file
  never sees them);
* GFM tables → tables (in the flattened text, :func:`to_flat`, as a crawler prints them).  :func:`layout` turns a Markdown grid into merged cells the way the
  official template draws them: repeated header texts (表四's 行政复议 written five times) become
  one cell spanning them, and the empty label cells of 表三 merge into the label to their left
  (一、本年新收… over three columns) or above (三、本年度办理结果 down 22 rows).  The HTML
  gets ``rowspan``/``colspan``, Word gets merged cells, the PDF gets spanned cells with ruling
  lines; the plain text keeps the Markdown grid, tab-separated.

Every format keeps the text of the Markdown character for character (ASCII punctuation
included), so the checker should report the same findings in every format.

    from tests import render
    render.write(md_text, "out/report", [".txt", ".html", ".docx", ".pdf"])  # → {ext: Path}
"""

from __future__ import annotations

import html as _html
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

FORMATS = (".md", ".txt", ".html", ".docx", ".pdf")

_CJK = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’…—"
_NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?%?")


# -- the report as items -------------------------------------------------------------------------


@dataclass
class Item:
    kind: str  # "title" | "heading" | "paragraph" | "table"
    text: str = ""
    level: int = 0  # Markdown heading level (title = 1)
    rows: list[list[str]] = field(default_factory=list)
    signature: bool = False  # a 落款 line (agency or date at the end): right-aligned


@lru_cache(maxsize=1)
def _inline():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def visible(text: str) -> str:
    """The text a reader of the rendered Markdown sees: inline markup, escapes, entities and tags
    removed, soft line breaks joined (without a space between Chinese characters)."""
    if not any(ch in text for ch in "*_`[]<>&\\!\n"):
        return text  # the common case: plain text
    rendered = _inline().renderInline(text)
    rendered = re.sub(r"<br\s*/?>\n?", "\n", rendered)
    plain = _html.unescape(re.sub(r"<[^>]+>", "", rendered))
    lines = [ln.strip() for ln in plain.split("\n")]
    out = lines[0] if lines else ""
    for ln in lines[1:]:
        if not ln:
            continue
        joiner = "" if (not out or re.match(f"[{_CJK}]", ln[0]) or re.search(f"[{_CJK}]$", out)) else " "
        out += joiner + ln
    return out.strip()


def items(md_text: str) -> list[Item]:
    """The visible content of a Markdown report, in order."""
    from disclosure_lint.readers import markdown as md_reader

    doc = md_reader.parse(md_text)
    out: list[Item] = []
    for b in doc.blocks:
        if b.kind == "heading":
            text = visible(b.text)
            if text:
                title = b.level == 1 and not any(i.kind == "title" for i in out)
                out.append(Item("title" if title else "heading", text, level=b.level or 2))
        elif b.kind in ("paragraph", "list_item"):
            text = visible(b.text)
            if text:
                out.append(Item("paragraph", text))
        elif b.kind == "table" and b.table is not None:
            rows = [[visible(c.text) for c in r.cells] for r in b.table.rows]
            out.append(Item("table", rows=rows))
        # comment, html and code blocks are not part of the published text
    # the 落款: up to two short lines at the very end, the agency's name and the date
    tail = len(out)
    while tail > 0 and len(out) - tail < 2 and out[tail - 1].kind == "paragraph" \
            and _SIGNATURE.fullmatch(out[tail - 1].text):
        tail -= 1
    for it in out[tail:]:
        it.signature = True
    return out


_SIGNATURE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[^\s（(一二三四五六七八九十\d][^。，；：,;:（）()]{1,29}")


# -- merged cells -----------------------------------------------------------------------------------

Span = tuple[int, int, int, int]  # (first row, first col, last row, last col), inclusive


def _numeric(s: str) -> bool:
    return bool(_NUMBER.fullmatch(s.strip()))


def layout(rows: list[list[str]], merge: bool = True) -> tuple[list[list[str]], list[Span]]:
    """A Markdown table grid → (padded grid, merged rectangles).

    Two kinds of merges, both only outside the numbers:

    * in the header rows (the rows above the first row holding a number), a rectangle of equal
      non-numeric texts becomes one cell (表四: 行政复议 ×5 over two rows, 行政诉讼 ×10 …);
    * in the leading label columns (columns that hold no number), an empty cell joins the label
      to its left on the same row, else the label above it (表三: 一、本年新收… over three
      columns, 三、本年度办理结果 down its 22 rows, （三）不予公开 down its eight items).

    A merge that would not be a rectangle is dropped (its cells stay separate).  The grid keeps
    the Markdown texts; a renderer writes a merged cell's text once, in its first cell.
    """
    n_cols = max((len(r) for r in rows), default=0)
    grid = [list(r) + [""] * (n_cols - len(r)) for r in rows]
    if not merge or not grid:
        return grid, []
    n_rows = len(grid)
    owner: list[list[tuple[int, int]]] = [[(r, c) for c in range(n_cols)] for r in range(n_rows)]

    first_numeric = next((r for r in range(n_rows) if any(_numeric(t) for t in grid[r])), n_rows)
    label_cols = 0
    while label_cols < n_cols and not any(_numeric(grid[r][label_cols]) for r in range(1, n_rows)):
        label_cols += 1
    if label_cols == n_cols:  # a table of text only: no label/number structure to follow
        label_cols = 0

    # 1. equal header texts
    taken = set()
    for r in range(first_numeric):
        for c in range(n_cols):
            t = grid[r][c]
            if (r, c) in taken or not t or _numeric(t):
                continue
            w = 1
            while c + w < n_cols and grid[r][c + w] == t and (r, c + w) not in taken:
                w += 1
            h = 1
            while r + h < first_numeric and all(grid[r + h][c + k] == t and (r + h, c + k) not in taken
                                                for k in range(w)):
                h += 1
            for i in range(r, r + h):
                for j in range(c, c + w):
                    taken.add((i, j))
                    owner[i][j] = (r, c)

    # 2. empty label cells join the label to the left, else the one above
    for r in range(n_rows):
        for c in range(label_cols):
            if grid[r][c] or owner[r][c] != (r, c):
                continue
            left = owner[r][c - 1] if c > 0 else None
            if left is not None and left[0] == r and grid[left[0]][left[1]]:
                owner[r][c] = left
            elif r > 0:
                orow, ocol = owner[r - 1][c]
                if grid[orow][ocol]:
                    owner[r][c] = (orow, ocol)

    cells: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            cells.setdefault(owner[r][c], []).append((r, c))
    spans: list[Span] = []
    for (r0, c0), members in cells.items():
        if len(members) == 1:
            continue
        r1 = max(m[0] for m in members)
        c1 = max(m[1] for m in members)
        if len(members) == (r1 - r0 + 1) * (c1 - c0 + 1) and min(m[0] for m in members) == r0 \
                and min(m[1] for m in members) == c0:
            spans.append((r0, c0, r1, c1))
    return grid, sorted(spans)


def covered(spans: list[Span]) -> dict[tuple[int, int], Span]:
    """Every grid position inside a merge other than its first cell → the merge."""
    out = {}
    for s in spans:
        r0, c0, r1, c1 = s
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    out[(r, c)] = s
    return out


# -- plain text ------------------------------------------------------------------------------------------


def to_text(md_text: str) -> str:
    """One line per paragraph (as text copied from a web page), tables tab-separated between blank
    lines, the Markdown grid as it is (empty cells stay empty)."""
    lines: list[str] = []
    for it in items(md_text):
        if it.kind == "table":
            if lines and lines[-1]:
                lines.append("")
            grid, _ = layout(it.rows, merge=False)
            lines += ["\t".join(row) for row in grid]
            lines.append("")
        else:
            lines.append(it.text)
    return "\n".join(lines).rstrip("\n") + "\n"


# -- flattened text (line breaks lost) ----------------------------------------------------------------------


def flat_table(rows: list[list[str]], cell_sep: str = " ") -> str:
    """A table as a crawler that keeps only text nodes prints it: each (merged) cell once, empty cells
    dropped, cells joined by ``cell_sep`` ("" where the crawler concatenates the text nodes of a row),
    rows joined by a space."""
    grid, spans = layout(rows)
    hidden = covered(spans)
    lines = []
    for r, row in enumerate(grid):
        cells = [t for c, t in enumerate(row) if t and (r, c) not in hidden]
        if cells:
            lines.append(cell_sep.join(cells))
    return " ".join(lines)


def to_flat(md_text: str, cell_sep: str = " ", joiner: str = " ") -> str:
    """The report with its line breaks lost, as crawlers and some portals keep it: every block (title,
    headings, paragraphs, the 落款) joined by ``joiner`` into one line, tables as :func:`flat_table`."""
    parts = []
    for it in items(md_text):
        parts.append(flat_table(it.rows, cell_sep) if it.kind == "table" else it.text)
    return joiner.join(p for p in parts if p) + "\n"


def to_flat_html(md_text: str, cell_sep: str = " ", bare: bool = False) -> str:
    """A page whose body is the flattened report as one ``<p>`` (or, with ``bare``, as bare text)."""
    body = _esc(to_flat(md_text, cell_sep).strip())
    title = next((it.text for it in items(md_text) if it.kind == "title"), "政府信息公开工作年度报告")
    inner = body if bare else f"<p>{body}</p>"
    return (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{_esc(title)}</title></head>'
            f"<body>{inner}</body></html>\n")


# -- HTML -------------------------------------------------------------------------------------------------


def _esc(text: str) -> str:
    return _html.escape(text, quote=False).replace("“", "&ldquo;").replace("”", "&rdquo;")


def html_table(rows: list[list[str]], merge: bool = True) -> str:
    grid, spans = layout(rows, merge)
    hidden = covered(spans)
    first = {(s[0], s[1]): s for s in spans}
    out = ['<table border="1" cellspacing="0" cellpadding="0" align="center" style="border-collapse:collapse"><tbody>']
    for r, row in enumerate(grid):
        tds = []
        for c, text in enumerate(row):
            if (r, c) in hidden:
                continue
            attrs = ""
            if (r, c) in first:
                r0, c0, r1, c1 = first[(r, c)]
                attrs += f' rowspan="{r1 - r0 + 1}"' if r1 > r0 else ""
                attrs += f' colspan="{c1 - c0 + 1}"' if c1 > c0 else ""
            align = "center" if _numeric(text) or r == 0 else "left"
            tds.append(f'<td{attrs} valign="middle"><p style="text-align:{align}">{_esc(text)}</p></td>')
        out.append("<tr>" + "".join(tds) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def to_html(md_text: str, heading_tags: bool = False, merge: bool = True) -> str:
    """A government portal article page: header, navigation, breadcrumb, the title in ``<h1>``,
    the report in ``<div class="content">``, a print/close bar, related links and a footer.

    Section headings are ``<p><strong>`` (what portal editors produce) or, with ``heading_tags``,
    ``<h2>``/``<h3>``."""
    its = items(md_text)
    title = next((it.text for it in its if it.kind == "title"), "政府信息公开工作年度报告")
    body: list[str] = []
    for it in its:
        if it.kind == "title":
            continue
        if it.kind == "heading":
            if heading_tags:
                tag = f"h{min(6, it.level)}"
                body.append(f"<{tag}>{_esc(it.text)}</{tag}>")
            else:
                body.append(f'<p style="text-indent:2em"><strong>{_esc(it.text)}</strong></p>')
        elif it.kind == "paragraph":
            style = "text-align:right" if it.signature else "text-indent:2em"
            body.append(f'<p style="{style}">{_esc(it.text)}</p>')
        else:
            body.append(html_table(it.rows, merge))
    content = "\n".join(body)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_esc(title)}_江北市人民政府门户网站</title>
<link rel="stylesheet" href="/static/css/main.css">
<style>.content p {{ line-height: 2; font-size: 16px; }}</style>
<script>var siteId = 1024; /* 一、这不是正文 */</script>
</head>
<body>
<div class="top-bar"><span>欢迎访问江北市人民政府门户网站</span><a href="/wza/">无障碍</a><a href="/en/">English</a></div>
<div class="header"><img src="/static/img/logo.png" alt="江北市人民政府"><form class="search"><input type="text" placeholder="请输入关键词"><button>搜索</button></form></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/ndbg/">政府信息公开工作年度报告</a></div>
<div class="article">
<h1 class="article-title">{_esc(title)}</h1>
<div class="article-info"><span>字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></span></div>
<div class="content">
{content}
</div>
<div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<div class="related"><h3>相关文章</h3><ul>
<li><a href="/zwgk/ndbg/1.html">政府信息公开工作年度报告（上一年度）</a></li>
<li><a href="/zwgk/ndbg/2.html">政府信息公开指南</a></li>
</ul></div>
<div class="footer"><p>主办单位：江北市人民政府办公室　技术支持：江北市大数据中心</p>
<p>网站标识码：0000000000　备案号：ICP备00000000号</p></div>
</body>
</html>
"""


# -- Word -----------------------------------------------------------------------------------------------


def to_docx(md_text: str, heading_styles: bool = False, merge: bool = True) -> bytes:
    """A Word document: the title centred, section headings as Word heading styles (``#`` → Title,
    ``##`` → 标题 1, ``###`` → 标题 2) or, by default, as plain paragraphs like most published
    reports; tables as Word tables with merged cells; the 落款 right-aligned."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt
    from docx.table import _Cell

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "FangSong"
    normal.font.size = Pt(16)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")
    for it in items(md_text):
        if it.kind == "title":
            p = document.add_heading(it.text, level=0) if heading_styles else document.add_paragraph(it.text)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif it.kind == "heading":
            if heading_styles:
                document.add_heading(it.text, level=max(1, min(9, it.level - 1)))
            else:
                p = document.add_paragraph(it.text)
                p.paragraph_format.first_line_indent = Pt(32)
        elif it.kind == "paragraph":
            p = document.add_paragraph(it.text)
            if it.signature:
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            else:
                p.paragraph_format.first_line_indent = Pt(32)
        else:
            grid, spans = layout(it.rows, merge)
            table = document.add_table(rows=len(grid), cols=len(grid[0]) if grid else 0)
            table.style = "Table Grid"
            # python-docx's table.cell() lays out the whole grid on every call: take the <w:tc>
            # elements once (before any merge, one per grid position), fill, then merge
            tcs = [list(tr.tc_lst) for tr in table._tbl.tr_lst]
            hidden = covered(spans)
            for r, row in enumerate(grid):
                for c, text in enumerate(row):
                    if text and (r, c) not in hidden:
                        _Cell(tcs[r][c], table).text = text
            for r0, c0, r1, c1 in spans:
                _Cell(tcs[r0][c0], table).merge(_Cell(tcs[r1][c1], table))
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def framed(data: bytes, rows: int = 1, margin: bool = False) -> bytes:
    """The Word document ``data`` with its body moved into a layout frame, as pasted from a portal page: one
    cell (``rows=1``), or a one-column table whose first rows hold a column name and a date and whose last row
    holds the body; with ``margin``, a two-column page layout whose left column (a margin) is left blank."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document(io.BytesIO(data))
    kids = [k for k in document.element.body.iterchildren() if not k.tag.endswith("sectPr")]
    col = 1 if margin else 0
    frame = document.add_table(rows=rows, cols=col + 1)
    for i in range(rows - 1):
        frame.cell(i, col).text = ["政务公开专栏", "发布时间：2024-01-18"][i % 2]
    tc = frame.cell(rows - 1, col)._tc
    tc.remove(tc.p_lst[0])
    for k in kids:
        tc.append(k)
    tc.append(parse_xml('<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'))
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


# -- PDF ------------------------------------------------------------------------------------------------

PDF_FONT = "STSong-Light"
PDF_BODY = 16.0  # 三号, body and section headings alike (a Word report sets both in 三号; only the typeface differs)
PDF_LEADING = 28.0

# line-breaking rules of Chinese typesetting (as Word applies them): these never start a line …
NO_START = set("，。、；：？！）》〕】」』”’…％,.;:?!)]%")
# … and these never end one
NO_END = set("（《〔【「『“‘([")
# a Latin word, a number, a dotted date or a phone number is never broken across lines
_UNIT = re.compile(r"[A-Za-z0-9]+(?:[.:/-][A-Za-z0-9]+)*|.", re.S)


def _width(text: str, size: float) -> float:
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.stringWidth(text, PDF_FONT, size)


def break_lines(text: str, width: float, size: float, indent: float = 0.0, hang: bool = True) -> list[str]:
    """Greedy line breaking by glyph widths with the two kinsoku rules above: closing punctuation
    hangs on the line it follows (``hang``: the line is compressed when justified) or takes the
    character before it to the next line (in table cells, where nothing may cross the rule);
    opening punctuation moves to the next line; Latin words and numbers are not split."""
    lines: list[str] = []
    cur: list[str] = []  # the units of the line being filled
    used = 0.0
    avail = width - indent
    for unit in _UNIT.findall(text):
        w = _width(unit, size)
        if cur and used + w > avail + 0.01 and (unit not in NO_START or not hang):
            carry: list[str] = []
            if unit in NO_START and len(cur) > 1:  # the unit before goes down with the punctuation
                carry.insert(0, cur.pop())
            while len(cur) > 1 and cur[-1] in NO_END:
                carry.insert(0, cur.pop())
            lines.append("".join(cur))
            cur, avail = carry, width
            used = _width("".join(cur), size)
        cur.append(unit)
        used += w
    if cur:
        lines.append("".join(cur))
    return lines


@lru_cache(maxsize=1)
def _para_class():
    from reportlab.platypus import Flowable

    class PdfParagraph(Flowable):
        """A paragraph set like a Word export: lines broken by :func:`break_lines`, every line but
        the last justified with character spacing (``align="justify"``), or all lines centred or
        right-aligned; splits over pages line by line."""

        def __init__(self, text: str, size: float = PDF_BODY, leading: float = PDF_LEADING, indent: float = 0.0,
                     align: str = "justify", space_after: float = 0.0, lines: list[str] | None = None,
                     first: bool = True):
            super().__init__()
            self.text, self.size, self.leading, self.indent = text, size, leading, indent
            self.align, self.space_after, self.first = align, space_after, first
            self._lines = lines
            self._given = lines is not None

        def wrap(self, aw, ah):
            self._aw = aw
            if not self._given:
                self._lines = break_lines(self.text, aw, self.size, self.indent)
            return aw, len(self._lines) * self.leading + self.space_after

        def split(self, aw, ah):
            self.wrap(aw, ah)
            n = int((ah - 0.01) // self.leading)
            if n <= 0 or n >= len(self._lines):
                return []
            cls = type(self)
            head = cls(self.text, self.size, self.leading, self.indent, self.align, 0.0, self._lines[:n], self.first)
            tail = cls(self.text, self.size, self.leading, self.indent, self.align, self.space_after,
                       self._lines[n:], False)
            head._last_justified = True  # the page break falls inside the paragraph: keep justifying
            return [head, tail]

        def draw(self):
            c = self.canv
            c.setFont(PDF_FONT, self.size)
            n = len(self._lines)
            last_justified = getattr(self, "_last_justified", False)
            for i, line in enumerate(self._lines):
                x0 = self.indent if i == 0 and self.first else 0.0
                y = (n - i - 1) * self.leading + self.space_after + (self.leading - self.size) * 0.5
                w = _width(line, self.size)
                if self.align == "center":
                    c.drawString((self._aw - w) / 2, y, line)
                elif self.align == "right":
                    c.drawString(self._aw - w, y, line)
                else:
                    cs = 0.0
                    if (i < n - 1 or last_justified) and len(line) > 1:
                        cs = (self._aw - x0 - w) / (len(line) - 1)
                    c.drawString(x0, y, line, charSpace=cs)

    return PdfParagraph


@lru_cache(maxsize=1)
def _pdf_styles():
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
    base = dict(fontName=PDF_FONT, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", fontSize=22, leading=33, alignment=TA_CENTER, spaceAfter=12, **base),
        "body": ParagraphStyle("body", fontSize=PDF_BODY, leading=PDF_LEADING, firstLineIndent=2 * PDF_BODY,
                               alignment=TA_JUSTIFY, **base),
        "signature": ParagraphStyle("signature", fontSize=PDF_BODY, leading=PDF_LEADING, alignment=TA_RIGHT, **base),
        "cell": ParagraphStyle("cell", fontSize=9, leading=11, **base),
        "cell_small": ParagraphStyle("cell_small", fontSize=7.5, leading=9, **base),
    }


def _pdf_text(text: str) -> str:
    return _html.escape(text, quote=False)  # reportlab paragraphs read a little XML markup


def _col_widths(grid: list[list[str]], width: float, size: float) -> list[float]:
    """Number columns get what their numbers need; label columns share the rest by text length."""
    n = len(grid[0])
    body = grid[1:] or grid
    numeric = [all(_numeric(r[c]) or not r[c] for r in body) and any(_numeric(r[c]) for r in body) for c in range(n)]
    num_w = min(width / n, max(size * 3.6, width * 0.5 / n))
    labels = [c for c in range(n) if not numeric[c]]
    if not labels:
        return [width / n] * n
    rest = width - num_w * (n - len(labels))
    if rest < size * 3 * len(labels):  # too many columns: share evenly
        return [width / n] * n
    need = [max(4, min(40, max(len(r[c]) for r in grid))) for c in labels]
    widths = [num_w] * n
    for c, k in zip(labels, need):
        widths[c] = rest * k / sum(need)
    return widths


@lru_cache(maxsize=1)
def _table_class():
    from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

    class PdfTable(Flowable):
        """A ruled table whose merged cells may be cut by a page break, as Word does it: reportlab's
        own Table never splits inside a row span (表三's 三、本年度办理结果 spans 22 rows), so this
        splits the grid itself.  A merge cut by the break keeps its text above the break; its part
        on the next page is an empty merged cell (the PDF reader joins the two).  With
        ``repeat_header`` the header rows (above the first number) are repeated on the next page."""

        def __init__(self, grid, spans, widths, cell_style, repeat_header=False, first=True, rules=True,
                     valign="MIDDLE"):
            super().__init__()
            self.grid, self.spans, self.widths = grid, spans, widths
            self.cell_style, self.repeat_header, self.first = cell_style, repeat_header, first
            self.rules, self.valign = rules, valign
            self._t = None

        def _table(self):
            hidden = covered(self.spans)
            span_of = {(r0, c0): c1 for r0, c0, _r1, c1 in self.spans}
            size = self.cell_style.fontSize
            data = []
            for r, row in enumerate(self.grid):
                cells = []
                for c, t in enumerate(row):
                    if not t or (r, c) in hidden:
                        cells.append("")
                        continue
                    inner = sum(self.widths[c:span_of.get((r, c), c) + 1]) - 4.5  # minus the padding
                    lines = break_lines(t, inner, size, hang=False)  # broken here: reportlab would hang
                    style = self.cell_style
                    if self.valign.endswith("+CENTRED") and _numeric(t):  # numbers centred in their cells
                        style = style.clone(f"{style.name}-c", alignment=1)
                    cells.append(Paragraph("<br/>".join(_pdf_text(x) for x in lines), style))
                data.append(cells)
            t = Table(data, colWidths=self.widths)
            style = [("GRID", (0, 0), (-1, -1), 0.5, "black")] if self.rules else []
            style += [("VALIGN", (0, 0), (-1, -1), self.valign.split("+")[0]),
                     ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                     ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
            style += [("SPAN", (c0, r0), (c1, r1)) for r0, c0, r1, c1 in self.spans]
            t.setStyle(TableStyle(style))
            return t

        def wrap(self, aw, ah):
            self._t = self._table()
            return self._t.wrap(aw, ah)

        def draw(self):
            self._t.drawOn(self.canv, 0, 0)

        def _part(self, r0: int, r1: int, blank_cut: bool, first: bool):
            """Rows r0..r1-1 with the merges clipped to them; the text of a merge that started above
            r0 is blanked (it was drawn on the page before)."""
            grid = [list(row) for row in self.grid[r0:r1]]
            spans = []
            for a, c0, b, c1 in self.spans:
                lo, hi = max(a, r0), min(b, r1 - 1)
                if lo > hi:
                    continue
                if a < r0 and blank_cut:
                    grid[lo - r0][c0] = ""
                elif a < r0:
                    grid[lo - r0][c0] = self.grid[a][c0]
                if (lo, hi) != (lo, lo) or c1 > c0:
                    spans.append((lo - r0, c0, hi - r0, c1))
            return grid, spans

        def split(self, aw, ah):
            t = self._t or self._table()
            t.wrap(aw, ah)
            heights = t._rowHeights
            header = next((r for r, row in enumerate(self.grid) if any(_numeric(x) for x in row)), 0)
            n, acc = 0, 0.0
            while n < len(heights) and acc + heights[n] <= ah:
                acc += heights[n]
                n += 1
            cls = type(self)
            while n > header and n < len(self.grid):
                g1, s1 = self._part(0, n, True, self.first)
                head = cls(g1, s1, self.widths, self.cell_style, self.repeat_header, self.first, self.rules,
                           self.valign)
                if head.wrap(aw, ah)[1] > ah:
                    n -= 1
                    continue
                g2, s2 = self._part(n, len(self.grid), True, False)
                if self.repeat_header and header:
                    hg, hs = self._part(0, header, False, False)
                    g2 = hg + g2
                    s2 = hs + [(a + header, c0, b + header, c1) for a, c0, b, c1 in s2]
                return [head, cls(g2, s2, self.widths, self.cell_style, self.repeat_header, False, self.rules,
                                          self.valign)]
            return []

    return PdfTable


_TITLE_SPLIT = re.compile(r"^(.+?)((?:19|20)\d\d年.*)$")


def to_pdf(md_text: str, merge: bool = True, repeat_header: bool = False, ragged: bool = False,
           title_lines: int = 2, page_break_before: str | None = None, rules: bool = True,
           valign: str = "MIDDLE") -> bytes:
    """An A4 PDF set like a Word export in STSong-Light: the title centred on two lines (机关名称 /
    年度报告), justified paragraphs with a two-character first-line indent (section headings too),
    tables with ruling lines (``GRID``) and spanned cells, the 落款 right-aligned, and a page
    number "- N -" in every footer.

    Variants: ``ragged`` sets paragraphs with reportlab's own CJK wrapping, which does not justify
    (lines end up to a character short of the margin, as in a browser's "print to PDF");
    ``title_lines=1`` lets a long title wrap where the line is full instead of breaking it before
    the year; ``repeat_header`` repeats a table's header rows on every page it runs onto;
    ``page_break_before`` starts a new page before the first heading or paragraph beginning with
    that text; ``rules=False`` draws the tables without ruling lines (a Word table with its borders
    removed, a WPS export): only the cells' text, where the ruled table puts it; ``valign="TOP"`` sets the cells'
    text at their top (Word's default) instead of in their middle, ``"MIDDLE+CENTRED"`` (or ``"TOP+CENTRED"``)
    centres the numbers in their cells too."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    st = _pdf_styles()
    Para = _para_class()
    page_w, _page_h = A4
    margin = 26 * mm
    frame_w = page_w - 2 * margin - 12  # SimpleDocTemplate's frame has 6 pt padding on each side
    flow: list = []

    def para(text: str, kind: str) -> None:
        if kind == "signature":
            flow.append(Para(text, align="right") if not ragged else Paragraph(_pdf_text(text), st["signature"]))
        elif ragged:
            flow.append(Paragraph(_pdf_text(text), st["body"]))
        else:
            flow.append(Para(text, indent=2 * PDF_BODY))

    for it in items(md_text):
        if page_break_before and it.kind != "table" and it.text.startswith(page_break_before):
            flow.append(PageBreak())
            page_break_before = None
        if it.kind == "title":
            m = _TITLE_SPLIT.match(it.text)
            parts = [m.group(1), m.group(2)] if (m and title_lines == 2) else [it.text]
            for k, part in enumerate(parts):
                flow.append(Paragraph(_pdf_text(part), st["title"].clone(f"t{k}", spaceAfter=12 if k == len(parts) - 1
                                                                          else 0)))
        elif it.kind == "heading":
            para(it.text, "heading")
        elif it.kind == "paragraph":
            para(it.text, "signature" if it.signature else "body")
        else:
            grid, spans = layout(it.rows, merge)
            if not grid or not grid[0]:
                continue
            cell_style = st["cell_small"] if len(grid[0]) > 10 else st["cell"]
            widths = _col_widths(grid, frame_w, cell_style.fontSize)
            flow += [Spacer(1, 4), _table_class()(grid, spans, widths, cell_style, repeat_header, rules=rules,
                                                  valign=valign),
                     Spacer(1, 8)]

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(PDF_FONT, 10)
        canvas.drawCentredString(page_w / 2, 14 * mm, f"- {doc.page} -")
        canvas.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=30 * mm,
                            bottomMargin=25 * mm, title="", author="", creator="", producer="")
    doc.build(flow, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()


# -- all formats ------------------------------------------------------------------------------------------


def render(md_text: str, ext: str) -> bytes:
    """The report in the format of extension ``ext`` (one of :data:`FORMATS`), with each renderer's
    defaults."""
    if ext == ".md":
        return md_text.encode("utf-8")
    if ext == ".txt":
        return to_text(md_text).encode("utf-8")
    if ext == ".html":
        return to_html(md_text).encode("utf-8")
    if ext == ".docx":
        return to_docx(md_text)
    if ext == ".pdf":
        return to_pdf(md_text)
    raise ValueError(f"unknown format {ext}")


def write(md_text: str, stem: str | Path, exts=FORMATS) -> dict[str, Path]:
    """Write ``stem + ext`` for every extension; returns {ext: path}."""
    out = {}
    for ext in exts:
        p = Path(f"{stem}{ext}")
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(render(md_text, ext))
        out[ext] = p
    return out
