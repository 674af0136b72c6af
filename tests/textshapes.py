"""Hostile text shapes (issue 8), shared by tests/test_hostile_text.py and bench/hostile.py.

:func:`shape` writes one repeated unit (Chinese with commas, mobile numbers, impossible dates, placeholders,
unclosed suppression comments, runs of digits, brackets, quotes, section-title and table-label look-alikes,
``共…其中…`` sums, addresses) as one long line, as up to 100,000 short lines, as .md or as .html;
:func:`special` writes 100,000 identical paragraphs, 100,000 headings and a 10,000 × 1,000 tab table.
"""

from __future__ import annotations

TITLE = "某某市某某局2023年政府信息公开工作年度报告"

UNITS = {
    "commas": "政府信息公开，",
    "nopunct": "政府信息公开工作",
    "mobile": "13800138000",
    "mobile_sep": "13800138000，",
    "mobile_dash": "138-0013-8000 ",
    "dates": "2023年13月45日",
    "xx": "XX",
    "times": "××",
    "mou": "某某",
    "disable_many": "<!--disclosure-lint-disable ",
    "digits": "1234567890",
    "brackets": "（",
    "brackets_sq": "【",
    "quotes": "“",
    "quotes_ascii": '"',
    "sections": "一、二、三、四、五、六、",
    "section_titles": "一、总体情况二、主动公开政府信息情况",
    "labels": "本年新收政府信息公开申请数量（一）予以公开",
    "sums": "共收到申请10件，其中自然人5件、法人5件。",
    "urls": "http://www.example.gov.cn/a/b/c.html ",
    "emails": "abc.def@example.com ",
    "email_cn": "政府信息公开@",
    "md_links": "](",
    "list_commas": "知情权、参与权，监督权",
    "stacked_marks": "公开，。",
    "no_day": "截至2023年12月31，",
    "porn_chain": "无码精品国",  # DL506: a chain of its phrases with no end (capped at 30 a finding)
    "lottery_tips": "澳门天天开好彩",  # DL501's lottery-tip phrases
    # half-width brackets (DL701) around a promotion template (DL501) on one line: 300,000 of each per MB
    "promo_parens": "(中国)官方网站",
    "shares": "工作动态1条，占比1.1%；",  # DL248: one sentence of shares with no end (the look-back and the group bounded)
    "shares_glued": "1条占1.1%",  # … and with no separator before a part's name (the walk back to it bounded)
    "traditional": "政府信息公開工作年度報告，",  # read as converted to simplified script (DL008): linear, one line or many
}
LAYOUTS = ("line", "lines", "md", "html")


def shape(name: str, size: int, layout: str = "line") -> tuple[str, str]:
    """(file suffix, text) of shape ``name`` of about ``size`` bytes laid out as ``layout`` (:data:`LAYOUTS`)."""
    unit = UNITS[name]
    body = unit * max(1, size // len(unit.encode()))
    if layout == "lines":  # the same content as 100,000 (or fewer) short lines
        step = max(1, len(body) // 100_000)
        return ".txt", TITLE + "\n" + "\n".join(body[i:i + step] for i in range(0, len(body), step)) + "\n"
    if layout == "md":
        return ".md", f"# {TITLE}\n\n{body}\n"
    if layout == "html":
        esc = body.replace("&", "&amp;").replace("<", "&lt;")
        return ".html", f"<html><head><meta charset='utf-8'></head><body><h1>{TITLE}</h1><p>{esc}</p></body></html>"
    return ".txt", f"{TITLE}\n{body}\n"


SPECIAL = ("paras", "headings", "tabtable")


def special(name: str, suffix: str, n: int = 100_000, cols: int = 1000) -> str:
    """100,000 identical paragraphs, 100,000 headings, or a table of ``n // 10`` rows × ``cols`` columns."""
    if name == "paras":
        body = "\n\n".join(["本机关认真贯彻落实政府信息公开条例。"] * n)
    elif name == "headings":
        body = "\n\n".join(("## " if suffix == ".md" else "") + "一、总体情况" for _ in range(n))
    elif suffix == ".md":
        row = "|" + "|".join(str(i % 97) for i in range(cols)) + "|"
        body = row + "\n|" + "---|" * cols + "\n" + "\n".join([row] * (n // 10))
    else:
        body = "\n".join(["\t".join(str(i % 97) for i in range(cols))] * (n // 10))
    return f"{TITLE}\n\n{body}\n"
