"""A hidden copy of the report on its own page (the copy a responsive or print layout folds away with
``style="display:none"``) is read once: the reader leaves it out of the blocks (``html_hidden.hidden_copies``),
so DL602 does not see the report printed twice, while ``Document.hidden`` still lists it (DL505).  Hidden text
the page shows nowhere else (a tab, a folded full text) stays in the blocks; so does a copy both visible."""

from __future__ import annotations

import re

import pytest

from disclosure_lint.readers.html_hidden import COPY_MIN, hidden_copies

from .test_reader_html import CLEAN_MD, doc_of, lint_page, markdown_to_portal

BODY = re.compile(r'(<div id="zoom"[^>]*>)(.*?)(</div>\n<div class="share">)', re.S)
SIGNED = "2024年1月18日"
S6 = "六、其他需要报告的事项"


@pytest.fixture(scope="module")
def page() -> str:
    return markdown_to_portal(CLEAN_MD.read_text(encoding="utf-8"))


def _with_copy(page: str, attrs: str, inject: str = "") -> str:
    """The page with a copy of the report after the share bar, in ``<div {attrs}>``."""
    m = BODY.search(page)
    assert m is not None and S6 in m.group(2)
    copy = f'<div class="mobile-only" {attrs}>{m.group(2)}{inject}</div>\n'
    return page.replace('<div class="share">', copy + '<div class="share">', 1)


def _blocks(doc) -> list[tuple]:
    return [(b.kind, b.text, b.line, b.column) for b in doc.blocks]


@pytest.mark.parametrize("attrs", ['style="display:none"', 'style="visibility: hidden;"', "hidden",
                                   'style="display: none !important"'])
def test_a_hidden_copy_of_the_report_is_read_once(page, attrs):
    copied = _with_copy(page, attrs)
    diags, doc = lint_page(copied)
    assert "DL602" not in [d.code for d in diags]
    assert [d.code for d in diags] == [d.code for d in lint_page(page)[0]]
    assert _blocks(doc) == _blocks(doc_of(page))  # the same body, read the same way
    assert doc.meta == doc_of(page).meta
    listed = [h for h in doc.hidden if h.element == "div.mobile-only"]
    assert len(listed) == 1 and S6 in listed[0].block.text  # still one of the page's hidden elements


@pytest.mark.parametrize("how", ["style", "script"])
def test_a_copy_hidden_by_the_pages_stylesheet_or_script_is_read_once(page, how):
    """The usual responsive page: ``.mobile-only{display:none}`` in the page's stylesheet (or a script hiding it by
    id), not on the element."""
    if how == "style":
        hider = "<style>.mobile-only{display:none}</style>"
        copied = _with_copy(page, 'id="m"').replace("</head>", hider + "</head>", 1)
    else:
        hider = "<script>document.getElementById('m').style.display='none';</script>"
        copied = _with_copy(page, 'id="m"').replace("</body>", hider + "</body>", 1)
    diags, doc = lint_page(copied)
    assert "DL602" not in [d.code for d in diags]
    assert sum(b.text == SIGNED for b in doc.blocks) == 1


def test_a_copy_both_visible_is_the_report_printed_twice(page):
    diags, doc = lint_page(_with_copy(page, 'style="color:#333"'))
    assert [d.severity for d in diags if d.code == "DL602"] == ["error"]
    assert sum(b.text == SIGNED for b in doc.blocks) == 2


@pytest.mark.parametrize("attrs", [
    # hidden the ways attackers hide, not the way a page folds its mobile copy
    'style="position:absolute;left:-9999px"', 'style="opacity:0"', 'style="font-size:0"',
    'style="height:0;overflow:hidden"',
])
def test_a_copy_hidden_otherwise_stays_in_the_blocks(page, attrs):
    doc = doc_of(_with_copy(page, attrs))
    assert sum(b.text == SIGNED for b in doc.blocks) == 2


def test_hidden_text_the_page_shows_nowhere_stays_in_the_blocks(page):
    # 展开全文: the first paragraph shown, the whole report folded away; and the report in a hidden tab
    m = BODY.search(page)
    assert m is not None
    first = m.group(2).split("</p>", 1)[0] + "</p>"
    folded = page.replace(m.group(0), m.group(1) + first + '<div class="full" style="display:none">' + m.group(2)
                          + "</div>" + m.group(3), 1)
    doc = doc_of(folded)
    assert any(b.text == S6 for b in doc.blocks) and any(b.text == SIGNED for b in doc.blocks)
    tab = page.replace(m.group(0), m.group(1) + '<div class="tab" style="display:none">' + m.group(2) + "</div>"
                       + m.group(3), 1)
    assert _blocks(doc_of(tab)) == _blocks(doc_of(page))


def test_spam_in_a_hidden_copy_is_still_reported(page):
    copied = _with_copy(page, 'style="display:none"', '<p><a href="https://www.xy.example.top/">星耀体育官网注册送</a></p>')
    diags, _ = lint_page(copied, select=["DL501", "DL505"])
    assert [(d.code, d.match) for d in diags] == [("DL505", "星耀体育官网注册送")]


def test_hidden_copies_bounds():
    from lxml import html

    tree = html.fromstring("<html><body><p>" + "甲" * 40 + "</p><div style='display:none'>" + "甲" * 40
                           + "</div><div style='display:none'>乙乙</div><div style='display:none'>" + "丙" * 40
                           + "</div></body></html>")
    from disclosure_lint.readers.html_hidden import find_hidden
    from disclosure_lint.readers.html_text import SKIP

    found = find_hidden(tree, tree.find("body"), SKIP)
    got = hidden_copies(found, tree.find("body"), SKIP)
    assert [el.text[:1] for el in got] == ["甲"]  # 乙乙 is under COPY_MIN, 丙 is shown nowhere
    assert COPY_MIN > 2


@pytest.mark.parametrize("query", ["screen and (min-width: 768px)", "(min-width:1024px)"])
def test_a_phone_copy_hidden_on_wide_screens_by_a_media_rule_is_read_once(page, query):
    """Phone and computer copies each folded away by the page's own ``@media`` rules: a computer shows one. The
    copy hidden at ``min-width`` (the phone's) is read once, and not listed as hidden content (phones show it)."""
    hider = f"<style>@media {query} {{ .mobile-only {{ display: none }} }}</style>"
    copied = _with_copy(page, 'id="m"').replace("</head>", hider + "</head>", 1)
    diags, doc = lint_page(copied)
    assert "DL602" not in [d.code for d in diags]
    assert [d.code for d in diags] == [d.code for d in lint_page(page)[0]]
    assert _blocks(doc) == _blocks(doc_of(page))
    assert not [h for h in doc.hidden if h.element == "div.mobile-only"]


@pytest.mark.parametrize("query", ["print", "screen and (max-width: 767px)"])
def test_a_copy_a_media_rule_hides_on_print_or_on_phones_is_still_read(page, query):
    # hidden only when printed, or only on phones: a computer's screen shows both copies — the report twice
    hider = f"<style>@media {query} {{ .mobile-only {{ display: none }} }}</style>"
    copied = _with_copy(page, 'id="m"').replace("</head>", hider + "</head>", 1)
    assert "DL602" in [d.code for d in lint_page(copied)[0]]


def test_the_only_copy_hidden_on_wide_screens_is_read(page):
    # a page that shows its report on phones only: the text is nowhere else, so it is the report
    hider = "<style>@media (min-width: 768px) { .mobile-only { display: none } }</style>"
    only = page.replace('<div id="zoom"', '<div class="mobile-only" id="zoom"', 1).replace("</head>", hider + "</head>", 1)
    assert only != page
    assert _blocks(doc_of(only)) == _blocks(doc_of(page))
