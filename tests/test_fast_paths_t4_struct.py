"""The shortcuts of the structure and report-fact readers find what the full code finds
(bench/same_findings.py compares whole runs; these pin the conditions each shortcut relies on)."""

from __future__ import annotations

# -- report facts: the head blocks found as far as a reader goes, the title read once --------------------------------

def _documents():
    from pathlib import Path

    from disclosure_lint.readers import read_document

    root = Path(__file__).resolve().parents[1]
    paths = sorted((root / "examples").glob("*.md")) + sorted((root / "tests" / "fixtures" / "portal").glob("*"))
    return [read_document(str(p), p.read_bytes()) for p in paths if p.suffix in (".md", ".html", ".txt")]


def _eager_head(report):
    from disclosure_lint.report.annual import HEAD_BLOCKS
    from disclosure_lint.report.portal import chrome_or_navigation

    portal = report.portal
    out = []
    for b in report.text_blocks:
        if portal.is_line(b) or chrome_or_navigation(portal.text_without(b)):
            continue
        out.append(b)
        if len(out) >= HEAD_BLOCKS:
            break
    return out


def test_head_blocks_found_lazily_are_the_eager_ones():
    from disclosure_lint.report.annual import AnnualReport

    docs = _documents()
    assert docs
    for doc in docs:
        first = AnnualReport(doc)
        _ = first.period_match, first.period_span  # a reader that stops early, then the whole list
        assert first.head_blocks == _eager_head(first)
        second = AnnualReport(doc)
        assert second.head_blocks == _eager_head(second)  # the whole list first
        for a, b in ((first.period_match, second.period_match), (first.period_span, second.period_span)):
            assert (a is None) == (b is None)
            if a is not None and b is not None:
                assert a[0] == b[0] and a[1].span() == b[1].span() and a[1].groupdict() == b[1].groupdict()


def test_title_facts_read_once_are_the_joined_titles():
    from disclosure_lint.report.agency import name_from_title
    from disclosure_lint.report.annual import AnnualReport

    from .conftest import parse

    two = "# 某某市某某局\n\n# 2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n正文。\n"
    docs = [*_documents(), parse(two)]
    for doc in docs:
        report = AnnualReport(doc)
        expected = name_from_title(report.title) if report.title else (None, None)
        assert report._title_facts == expected
    assert AnnualReport(parse(two)).title_prefix_block is not None  # the joined title is read as well
