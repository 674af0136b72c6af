"""Hostile cases for text (issue 8): 1 MB single lines, quadratic patterns (e-mail, suppressions), the
findings cap, many paragraphs/headings/lines, big tab and Markdown tables, odd line separators."""

from __future__ import annotations

from pathlib import Path

from . import build as b
from .build import write
from .catalogue import case, check

MB = 1 << 20


def _line_file(d: Path, unit: str, size: int = MB, name: str = "long.txt", head: str = "", tail: str = "") -> str:
    n = max(1, size // len(unit.encode("utf-8")))
    return write(d, name, head + unit * n + tail + "\n")


@case("text", big=True)
def long_line_chinese_commas(d):
    """1 MB single line of Chinese words and commas."""
    return check(d, _line_file(d, "本机关全年主动公开政府信息，"))


@case("text", big=True)
def long_line_mobile_numbers(d):
    """1 MB single line of mobile numbers."""
    return check(d, _line_file(d, "联系电话13912345678，"))


@case("text", big=True)
def long_line_impossible_dates(d):
    """1 MB single line of impossible dates."""
    return check(d, _line_file(d, "2023年2月30日，"))


@case("text", big=True)
def long_line_xx(d):
    """1 MB single line of ``XX`` placeholders."""
    return check(d, _line_file(d, "XX"))


@case("text", big=True)
def long_line_unclosed_disable(d):
    """1 MB single line starting with an unclosed ``<!--disclosure-lint-disable``."""
    return check(d, _line_file(d, "本机关全年主动公开政府信息，", name="long.md", head="<!--disclosure-lint-disable "))


@case("text")
def email_killer(d):
    """80,000 characters of ``\\w`` (Chinese) and an ASCII comma, no ``@`` (DL701 skips addresses first)."""
    return check(d, _line_file(d, "我", size=240_000, tail=","))


@case("text", extra=True)
def email_killer_at(d):
    """80,000 characters of ``\\w`` ending in an ``@`` with nothing after it."""
    return check(d, _line_file(d, "我", size=240_000, tail="@"))


@case("text", extra=True)
def email_killer_ascii(d):
    """80,000 ASCII letters and dots, an ASCII comma, no ``@``."""
    return check(d, _line_file(d, "a.", size=160_000, head="报告：", tail=","))


@case("text")
def suppression_quadratic(d):
    """7,000 unclosed ``<!--disclosure-lint-disable`` on one line (196 KB)."""
    return check(d, _line_file(d, "<!--disclosure-lint-disable ", size=196_000, name="s.md"))


@case("text", extra=True)
def suppression_many_ranges(d):
    """20,000 disable/enable pairs on separate lines."""
    lines = "".join(f"<!--disclosure-lint-disable DL{i % 900 + 100}-->\n我,我\n<!--disclosure-lint-enable-->\n"
                    for i in range(20_000))
    return check(d, write(d, "s.md", b.example() + lines))


@case("text", big=True)
def suppression_comments_100k(d):
    """100,000 suppression comments (issue 10: same-line, next-line, file-level, reasons), most unused (DL003)."""
    kinds = ("我,我<!--disclosure-lint-disable-line DL701 -- 引用-->\n",
             "<!--disclosure-lint-disable-next-line DL702 DL7O1-->\n正文。\n",
             "<!--disclosure-lint-disable-file DL{n}-->\n")
    lines = "".join(kinds[i % 3].format(n=i % 900 + 100) for i in range(100_000))
    return check(d, write(d, "s.md", b.example() + lines))


@case("text", big=True)
def findings_flood_commas(d):
    """1 MB of ``我,`` (one DL701 finding per comma): findings capped per rule."""
    return check(d, _line_file(d, "我,我:"))


@case("text")
def findings_flood_small(d):
    """50,000 half-width commas on separate lines (200 KB): at most the cap per rule is listed."""
    inv = check(d, write(d, "c.txt", "我,我\n" * 50_000))
    inv.post = lambda d, r: None if r.stdout.count("DL701") < 2_000 else f"{r.stdout.count('DL701')} DL701 lines"
    return inv


@case("text", big=True)
def unmatched_brackets(d):
    """300,000 unmatched ``（`` on one line."""
    return check(d, _line_file(d, "（我"))


@case("text", big=True)
def doubled_words_long(d):
    """1 MB of ``落实`` repeated on one line."""
    return check(d, _line_file(d, "落实"))


@case("text", extra=True)
def enumeration_long(d):
    """A 200 KB line of ``一是……二是……`` runs."""
    return check(d, _line_file(d, "一是加强，二是落实，二是推进；", size=200_000))


@case("text", big=True)
def identical_paragraphs(d):
    """100,000 identical paragraphs (duplication rule)."""
    return check(d, write(d, "p.md", "本机关全年主动公开政府信息一百二十条，均在规定时限内公开。\n\n" * 100_000))


@case("text", big=True)
def many_headings(d):
    """100,000 headings."""
    return check(d, write(d, "h.md", "".join(f"## {'一二三四五六'[i % 6]}、总体情况\n\n正文。\n\n" for i in range(100_000))))


@case("text", big=True)
def tab_table_20mb(d):
    """A 10,000 × 1,000 tab-separated table (20 MB)."""
    row = "\t".join(["1"] * 1000) + "\n"
    return check(d, write(d, "t.txt", "一、本年新收政府信息公开申请数量\t" + row * 10_000))


@case("text", big=True)
def tab_table_small(d):
    """A 1,000 × 200 tab-separated table (400 KB)."""
    row = "\t".join(["1"] * 200) + "\n"
    return check(d, write(d, "t.txt", "一、本年新收政府信息公开申请数量\t" + row * 1000))


@case("text", big=True)
def markdown_table_many_rows(d):
    """A Markdown table of 100,000 rows."""
    return check(d, write(d, "t.md", "| 信息内容 | 数量 |\n|---|---:|\n" + "| 行政许可 | 1 |\n" * 100_000))


@case("text", extra=True)
def markdown_table_many_columns(d):
    """A Markdown table of one row and 20,000 columns."""
    n = 20_000
    return check(d, write(d, "t.md", "|" + "a|" * n + "\n|" + "---|" * n + "\n|" + "1|" * n + "\n"))


@case("text", extra=True)
def flattened_digit_run(d):
    """A flattened table row whose digits run together for 400 characters (split search)."""
    return check(d, write(d, "f.txt", b.example() + "\n一、本年新收政府信息公开申请数量" + "1" * 400 + "\n"))


@case("text", exit=2, extra=True)
def deep_blockquotes(d):
    """100,000 nested Markdown blockquotes: markdown-it stops nesting, no paragraph is read — said (exit 2)."""
    return check(d, write(d, "q.md", ">" * 100_000 + " 我\n"))


@case("text", extra=True)
def deep_lists(d):
    """1,000 nested Markdown list levels."""
    return check(d, write(d, "l.md", "".join("  " * i + "- 我\n" for i in range(1_000))))


@case("text")
def odd_line_separators(d):
    """Form feed, file/group/record separators, NEL, U+2028 inside the report (str.splitlines splits there)."""
    text = b.example().replace("。", "。\x0c", 3).replace("，", "，\x1c", 3).replace("；", "；\x85", 3)
    return check(d, write(d, "sep-2023.txt", text.replace("、", "、\u2028", 3)))


@case("text", extra=True)
def cr_only_line_ends(d):
    """The report with CR-only line ends (old Mac)."""
    return check(d, write(d, "cr-2023.md", b.example().replace("\n", "\r")))


@case("text", big=True)
def one_char_10mb(d):
    """10 MB of one CJK character, no punctuation."""
    return check(d, _line_file(d, "我", size=10 * MB))


@case("text", extra=True)
def million_short_lines(d):
    """500,000 one-character lines."""
    return check(d, write(d, "n.txt", "我\n" * 500_000))


# -- pandoc's tables (readers/md_pandoc.py) ------------------------------------------------------------------------


@case("text", big=True)
def pandoc_grid_unclosed(d):
    """1 MB of grid-table borders and cell lines that never end on a border: each border could open a table."""
    unit = "+----+----+\n| 1  | 2  |\n"
    return check(d, write(d, "grid.md", "\n" + unit * (MB // len(unit)) + "| 3  | 4  |\n"))


@case("text", big=True)
def pandoc_grid_huge(d):
    """A 1 MB grid table of 256 columns (one border, rows of cells, no border between them): cut at the cells'
    limit."""
    border = "+" + "+".join(["--"] * 256) + "+\n"
    row = "|" + "|".join(["1 "] * 256) + "|\n"
    n = MB // len(row)
    return check(d, write(d, "grid.md", "\n" + border + row * n + border))


@case("text", big=True)
def pandoc_dashes(d):
    """1 MB of column marks, borders and one-word lines in every order a simple or multiline table could start."""
    unit = "-----\n表头\n--- ---\n1   2\n\n--- ---\n"
    return check(d, write(d, "dashes.txt", unit * (MB // len(unit.encode()))))


@case("text", big=True)
def pandoc_multiline_wide(d):
    """A multiline table 1 MB wide: one column mark line of 100,000 dash runs, CJK rows under it."""
    marks = " ".join(["--"] * 100_000)
    return check(d, write(d, "wide.md", "\n" + "-" * 300_000 + "\n表头\n" + marks + "\n" + "数字" * 100_000
                          + "\n\n" + "-" * 300_000 + "\n\n"))
