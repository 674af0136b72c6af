"""Hidden content of web pages: the HTML reader lists it (readers/html_hidden.py, Document.hidden),
the report types it and decides off-site links (report/hidden.py), DL505 reports injected "dark links".

Pages are written for these tests: a portal page with six injections of the kinds attackers use
(off-screen block, display:none span inside a sentence, font-size:0, one-pixel marquee, hidden by a
script, hidden by a stylesheet class), a portal page whose hidden parts are all legitimate (folded
menus, tabs, accordions, share pop-ups, screen-reader links), and examples/clean-2023.md as a portal
page with injections added.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_lint.readers import html as reader
from disclosure_lint.readers.html_hidden import style_how
from disclosure_lint.report import interpret
from disclosure_lint.report.hidden import host_of, is_government, own_domains, registrable

from .test_reader_html import CLEAN_MD, doc_of, lint_page, markdown_to_portal, where

FIXTURES = Path(__file__).parent / "fixtures" / "html"
SPAM_PAGE = FIXTURES / "hidden-spam-portal.html"
LEGIT_PAGE = FIXTURES / "hidden-legit-portal.html"


@pytest.fixture(scope="module")
def clean_page() -> str:
    return markdown_to_portal(CLEAN_MD.read_text(encoding="utf-8"))


def _spam(page: str):
    diags, doc = lint_page(page, select=["DL501", "DL505"])
    return diags, doc


# -- how an element is hidden ---------------------------------------------------------------------

@pytest.mark.parametrize(("style", "how"), [
    ("display:none", "display:none"),
    ("DISPLAY : NONE !important", "display:none"),
    ("visibility:hidden", "visibility:hidden"),
    ("font-size:0px", "font-size:0"),
    ("font-size:1px;color:#fff", "font-size:0"),
    ("opacity:0", "opacity:0"),
    ("position:absolute;top:-999px;left:-999px", "off-screen"),
    ("position:fixed;left:-100%", "off-screen"),  # a percentage of a 1920px screen
    ("text-indent:-9999px", "off-screen"),
    ("margin-left:-5000px", "off-screen"),
    ("height:0;overflow:hidden", "zero-size"),
    ("width:1px;height:1px;overflow:hidden", "zero-size"),
    ("display:block", None),
    ("font-size:14px", None),
    ("position:absolute;left:-10px", None),
    ("height:0", None),  # overflow visible: the content shows
    ("text-indent:2em", None),
    ("", None),
])
def test_style_how(style, how):
    assert style_how(style) == how


def test_hosts_and_domains():
    assert host_of("https://WWW.Example.com:8080/a") == "www.example.com"
    assert host_of("//cdn.example.net/x.js") == "cdn.example.net"
    assert host_of("/zwgk/index.html") is None and host_of("javascript:void(0)") is None
    assert registrable("www.luqiao.gov.cn") == "luqiao.gov.cn"
    assert registrable("a.b.example.com") == "example.com"
    assert is_government("zwfw.zj.gov.cn") and is_government("www.gov.cn") and not is_government("gov.example.com")
    meta = {"site_urls": ["https://www.qingxi.example.gov.cn/a.html"],
            "link_hosts": {"www.example.org": 5, "www.people.example.com.cn": 1}}
    assert own_domains(meta["site_urls"], meta["link_hosts"]) == {"example.gov.cn", "example.org"}


# -- the reader lists what is hidden ----------------------------------------------------------------

def test_reader_lists_hidden_elements_with_links_and_anchors():
    page = SPAM_PAGE.read_text(encoding="utf-8")
    doc = doc_of(page, "spam.html")
    hidden = doc.hidden
    hows = [(h.how, h.element, h.in_body) for h in hidden]
    assert ("off-screen", "div", False) in hows
    assert ("display:none", "span", True) in hows
    assert ("font-size:0", "font", True) in hows
    assert ("marquee", "marquee", True) in hows
    assert ("display:none", "div#a8f3", False) in hows  # hidden by a script
    assert ("display:none", "div.ft-lk8", False) in hows  # hidden by a stylesheet class
    assert not any(h.element == "div.share" for h in hidden)  # @media print rules are not applied
    span = next(h for h in hidden if h.element == "span")
    block = span.block
    assert block.text == "BOB体育" and block.index == -1
    link = span.links[0]
    assert link.href == "https://bob.example.top/" and block.text[link.start:link.end] == "BOB体育"
    loc = block.locate(0)
    assert (loc.line, loc.column) == where(page, "BOB体育")
    assert doc.site_urls == ("https://www.qingxi.example.gov.cn/art/2024/1/18/art_1229_5678.html",)
    assert doc.link_hosts["www.qingxi.example.gov.cn"] >= 5
    # hidden text inside the body stays in the blocks (a tab may hold the report itself)
    assert any("BOB体育" in b.text for b in doc.blocks)


def test_report_decides_offsite_links():
    rep = interpret(doc_of(SPAM_PAGE.read_text(encoding="utf-8"), "spam.html"))
    nav = [h for h in rep.hidden if h.element == "ul"]
    assert nav and all(not k.offsite for h in nav for k in h.links if "qingxi" in k.href or "gov.cn" in k.href)
    people = [k for h in nav for k in h.links if "people" in k.href]
    assert people and all(k.offsite for k in people)
    off = next(h for h in rep.hidden if h.how == "off-screen")
    assert {k.host for k in off.offsite_links} == {"www.xingyao-yl.example.com", "kok.example.net"}


# -- DL505 -------------------------------------------------------------------------------------------

def test_dl505_on_the_injected_portal_page():
    page = SPAM_PAGE.read_text(encoding="utf-8")
    diags, _ = _spam(page)
    got = [(d.code, (d.line, d.column), d.match) for d in diags]
    assert got == [
        ("DL505", where(page, "星耀娱乐官网"), "星耀娱乐官网"),
        ("DL505", where(page, "BOB体育"), "BOB体育"),
        ("DL505", where(page, "华球体育注册送彩金"), "华球体育注册送彩金"),
        ("DL505", where(page, "点击进入"), "点击进入"),
        ("DL505", where(page, "开云体育（中国）官方网站"), "开云体育（中国）官方网站"),
        ("DL505", where(page, "金沙电子"), "金沙电子"),
    ]
    assert all(d.severity == "error" for d in diags)
    msgs = [d.message for d in diags]
    assert "定位到屏幕之外" in msgs[0] and "“星耀娱乐官网”等3处" in msgs[0] and "kok.example.net" in msgs[0]
    assert "display:none" in msgs[1] and "bob.example.top" in msgs[1]
    assert "字号为0" in msgs[2]
    assert "marquee" in msgs[3] and "www.sport-bet.example.xyz" in msgs[3] and "“点击进入”" in msgs[3]
    assert "“金沙电子”等2处" in msgs[5] and "www.yongli.example.bet" in msgs[5]
    assert diags[1].pointer == "隐藏元素 <span>"
    assert diags[0].evidence["links"][0] == {"href": "https://www.xingyao-yl.example.com/",
                                             "host": "www.xingyao-yl.example.com", "text": "星耀娱乐官网"}


def test_legit_hidden_page_is_quiet():
    page = LEGIT_PAGE.read_text(encoding="utf-8")
    diags, doc = _spam(page)
    assert diags == [], [(d.code, d.line, d.message) for d in diags]
    rep = interpret(doc)
    assert [s.id for s in rep.sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    hows = {h.how for h in rep.hidden}
    assert {"display:none", "visibility:hidden", "zero-size", "off-screen"} <= hows  # seen, and judged ordinary


def test_dl505_chrome_option_reports_folded_offsite_links():
    page = LEGIT_PAGE.read_text(encoding="utf-8")
    from disclosure_lint.config import Config
    from disclosure_lint.engine import prepare, run

    from .test_reader_html import rules

    cfg = Config.model_validate({"select": ["DL505"], "options": {"DL505": {"chrome": True}}})
    diags = run(interpret(doc_of(page)), prepare(rules(), cfg))
    assert any("www.people.example.com.cn" in d.message for d in diags)


def test_clean_example_with_injections(clean_page):
    anchor = "全年组织政府信息公开业务培训2次"
    assert anchor in clean_page
    page = clean_page.replace(anchor, anchor + '<span style="display:none"><a href="https://www.leyu.example.top/">'
                              "乐鱼官网入口</a></span>", 1)
    page = page.replace("<body>", '<body>\n<div style="display:none"><a href="http://www.xyz.example.com/">xyz体育'
                        '</a> <a href="http://www.777.example.com/">777娱乐</a></div>', 1)
    diags, _ = lint_page(page)
    got = [(d.code, (d.line, d.column), d.match) for d in diags]
    assert got == [("DL505", where(page, "xyz体育"), "xyz体育"), ("DL505", where(page, "乐鱼官网入口"), "乐鱼官网入口")]
    assert "www.leyu.example.top" in diags[1].message  # an off-site link hidden inside a sentence


def test_visible_spam_in_html_is_dl501_with_source_position(clean_page):
    anchor = "全年组织政府信息公开业务培训2次"
    page = clean_page.replace(anchor, anchor + "，星耀体育官网注册送", 1)
    diags, _ = _spam(page)
    assert [(d.code, (d.line, d.column), d.match) for d in diags] == [
        ("DL501", where(page, "星耀体育官网注册送"), "星耀体育官网注册送")]


def test_hidden_spam_inside_body_is_reported_once():
    page = SPAM_PAGE.read_text(encoding="utf-8")
    diags, _doc = _spam(page)
    assert [d.code for d in diags if d.match == "BOB体育"] == ["DL505"]  # DL501 leaves it to DL505
    assert not [d for d in diags if d.code == "DL501"]


def test_hidden_gov_and_own_links_in_body_are_quiet(clean_page):
    anchor = "全年组织政府信息公开业务培训2次"
    page = clean_page.replace(anchor, anchor + '<span style="display:none"><a href="https://www.gov.cn/zhengce/">'
                              '政策</a><a href="/xxgk/">目录</a></span>', 1)
    diags, _ = _spam(page)
    assert diags == []


def test_hidden_block_in_body_with_offsite_link_but_no_promotion_is_quiet(clean_page):
    """A folded tab or accordion (a block, not a span in a sentence) may link to a news site."""
    anchor = "全年组织政府信息公开业务培训2次，参训86人次；"
    assert anchor in clean_page
    folded = ('</p><div style="display:none"><p>相关报道：<a href="https://www.people.example.com.cn/n1/c1.html">'
              '人民网报道</a></p></div><p>')
    page = clean_page.replace(anchor, anchor + folded, 1)
    diags, _ = _spam(page)
    assert diags == []


def test_allow_hosts_option():
    page = SPAM_PAGE.read_text(encoding="utf-8")
    from disclosure_lint.config import Config
    from disclosure_lint.engine import prepare, run

    from .test_reader_html import rules

    cfg = Config.model_validate({"select": ["DL505"], "options": {"DL505": {"allow_hosts": ["sport-bet.example.xyz"]}}})
    diags = run(interpret(doc_of(page)), prepare(rules(), cfg))
    assert "点击进入" not in [d.match for d in diags]
    assert len(diags) == 5


def test_markdown_and_text_have_no_hidden_content():
    from .conftest import parse

    assert interpret(parse("正文。\n")).hidden == []
    assert interpret(parse("正文。\n", fmt="text")).hidden == []


def test_many_hidden_blocks_are_bounded():
    blocks = "".join(f'<div style="display:none"><a href="http://s{i}.example.com/">BOB体育</a></div><p>第{i}段。</p>'
                     for i in range(3000))
    page = f"<html><body><div class='content'><h1>某区2023年政府信息公开工作年度报告</h1>{blocks}</div></body></html>"
    diags, doc = _spam(page)
    assert len(doc.hidden) == 3000
    assert [d.code for d in diags] == ["DL505"] * 101  # the engine's cap (100) and one summing up the rest
    assert diags[-1].evidence["omitted_at_least"] and "……及另外至少899处" in diags[-1].message
    assert reader  # the reader module is importable on its own


def test_hidden_links_past_the_cap_are_not_counted_as_the_sites_own():
    # links of a hidden block past MAX_LINKS (200) were counted as visible links: 50 of them made the spam
    # host the page's "own" domain and the off-screen block was no longer reported
    links = "".join(f'<a href="http://www.spam-bet.example.com/{i}">{i}</a>' for i in range(250))
    page = ("<html><body><div class='content'><h1>某区2023年政府信息公开工作年度报告</h1>"
            "<p>本年度主动公开政府信息46条。详见<a href='http://www.qingxi.gov.cn/a'>区政府网站</a>。</p>"
            f"<div style='position:absolute;left:-9999px'>{links}</div></div></body></html>")
    diags, doc = _spam(page)
    assert doc.link_hosts == {"www.qingxi.gov.cn": 1}
    assert len(doc.hidden[0].links) == 200
    assert [(d.code, d.match, d.line, d.column) for d in diags] == [("DL505", "0", 1, page.index(">0<") + 2)]
    assert "www.spam-bet.example.com" in diags[0].message


def test_gbk_page_with_hidden_spam():
    page = SPAM_PAGE.read_text(encoding="utf-8").replace('<meta charset="utf-8">', '<meta charset="gbk">')
    doc = reader.read("spam-gbk.html", page.encode("gb18030"))
    assert doc.encoding == "gb18030"
    utf8 = [(d.code, d.line, d.column, d.match) for d in _spam(page)[0]]
    from disclosure_lint.config import Config
    from disclosure_lint.engine import prepare, run

    from .test_reader_html import rules

    diags = run(interpret(doc), prepare(rules(), Config.model_validate({"select": ["DL501", "DL505"]})))
    assert [(d.code, d.line, d.column, d.match) for d in diags] == utf8


# -- what only search engines read: <title>, keywords / description metas, document.write ----------

def _hijack(page: str, title_prefix: str = "", keywords: str = "", description: str = "") -> str:
    """The portal page with its <title> prefixed and keywords / description metas added (as hijackers do)."""
    head = ""
    if keywords:
        head += f'<meta name="keywords" content="{keywords}" />'
    if description:
        head += f'<meta name="Description" content="{description}" />'
    page = page.replace("<title>", head + "\n<title>" + title_prefix, 1)
    return page


def test_reader_lists_title_and_metas_with_source_positions(clean_page):
    page = _hijack(clean_page, "开云体育官网_乐鱼体育app下载_", "开云体育,乐鱼体育,鸿博体育官网",
                   "鸿博体育官网注册送38元彩金")
    doc = doc_of(page)
    seo = {e.how: e for e in doc.seo}
    assert set(seo) >= {"page-title", "meta-keywords", "meta-description"}
    for how, needle in [("page-title", "开云体育官网_"), ("meta-keywords", "开云体育,"), ("meta-description", "鸿博体育官网注册")]:
        b = seo[how].block
        assert (b.line, b.column) == where(page, needle)
        assert seo[how].via == "head"
    assert seo["page-title"].block.text.startswith("开云体育官网_乐鱼体育app下载_")


def test_dl505_title_and_meta_hijack(clean_page):
    """rt-web #9: the commonest hijack of a government page, the title and the metas, with their source position."""
    page = _hijack(clean_page, "开云体育官网_乐鱼体育app下载_", "开云体育,乐鱼体育,鸿博体育官网",
                   "鸿博体育官网注册送38元彩金")
    diags, _ = _spam(page)
    got = [(d.code, (d.line, d.column), d.match) for d in diags]
    assert ("DL505", where(page, "开云体育,"), "开云体育") in got
    assert ("DL505", where(page, "鸿博体育官网注册"), "鸿博体育官网注册送38元彩金") in got
    # (the title's two phrases chained by _ are one insertion: one finding)
    assert ("DL505", where(page, "开云体育官网_"), "开云体育官网_乐鱼体育app下载") in got
    assert len(got) == 3
    title = next(d for d in diags if d.match == "开云体育官网_乐鱼体育app下载")
    assert "网页标题 <title>" in title.message


def test_legit_title_and_metas_are_quiet(clean_page):
    page = _hijack(clean_page, "", "教育体育局,体育彩票公益金,政府信息公开,年度报告,智慧体育APP",
                   "江北市青溪区教育体育局2023年政府信息公开工作年度报告，公开体育彩票公益金使用情况。")
    page = page.replace("<title>", "<title>青溪区教育体育局 | ", 1)
    diags, doc = _spam(page)
    assert diags == []
    assert len(doc.seo) >= 3


def test_police_description_describing_gambling_is_quiet(clean_page):
    page = _hijack(clean_page, "", "", "全年捣毁“百家乐”网络赌博平台12个，提醒群众切勿点击“注册送彩金”等诱导链接。")
    assert _spam(page)[0] == []


def test_document_write_hidden_links(clean_page):
    """rt-web #9: a hidden block written in pieces by document.write, anchored at the first string literal."""
    opening = "<script>document.write('"
    script = (opening + "<div style=\"display:none\">');"
              "document.write('<a href=\"https://www.hb2288.example.com/\">鸿博体育官网</a>' + '</div>')</script>")
    page = clean_page.replace("</body>", script + "\n</body>", 1)
    diags, doc = _spam(page)
    line, column = where(page, opening)
    assert [(d.code, (d.line, d.column), d.match) for d in diags] == [("DL505", (line, column + len(opening)), "鸿博体育官网")]
    assert "document.write" in diags[0].message and "www.hb2288.example.com" in diags[0].message
    [h] = [h for h in interpret(doc).hidden if h.via == "script" and "鸿博" in h.block.text]
    assert (h.how, h.in_body) == ("display:none", False)


@pytest.mark.parametrize("script", [
    "<script>document.write('<div>欢迎访问青溪区人民政府门户网站</div>')</script>",
    "<script>var n=1024;document.write(n)</script>",
    "<script>document.write(unescape(\"%3Cspan id='cnzz_stat_icon'%3E%3C/span%3E\"))</script>",
    "<script>document.write('<div style=\"display:none\"><a href=\"https://www.cnzz.com/stat/\">站长统计</a></div>')</script>",
    "<script>document.write('<a href=\"' + url + '\">开云体育官网</a>')</script>",  # not all literals: not read
])
def test_document_write_without_promotion_is_quiet(clean_page, script):
    page = clean_page.replace("</body>", script + "\n</body>", 1)
    assert _spam(page)[0] == []


def test_casino_name_in_a_count_list():
    """rt-web #9: a casino named without 体育/娱乐 in place of a word of a list of counts."""
    from .conftest import lint

    text = "# 青石镇2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n主动公开政府信息176条。其中，工作动态64条，永利皇宫3条。\n"
    diags = [d for d in lint(text, select=["DL501"]) if d.code == "DL501"]
    assert [(d.line, d.column, d.match) for d in diags] == [(5, 25, "永利皇宫")]
