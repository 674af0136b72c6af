"""The shortcuts of the structure, report-fact and prose-sum readers find what the full code finds
(bench/same_findings.py compares whole runs; these pin the conditions each shortcut relies on)."""

from __future__ import annotations

import random
import re

from disclosure_lint.report import prose_sums as ps

# the words around a total's keyword: the keywords, what their look-behinds and look-aheads test, figures
_WORDS = [
    "办结", "办理", "处理", "答复", "完毕", "办理完毕", "处理完毕", "完成答复", "本年", "新收", "新收到", "受理", "收到", "接收",
    "接到", "共计", "合计", "总计", "共有", "共需办理", "需办理", "累计", "行政复议", "复议", "复议后", "行政诉讼", "起诉",
    "被起诉", "应诉", "诉讼", "直接起诉", "未经复议", "主动公开", "公开", "发布", "编发", "推送", "信息", "文件", "政府",
    "各类", "类", "的", "未", "延期", "逾期", "当场", "当面", "书面", "电话", "网上", "率", "书", "期限", "人", "机构", "机关",
    "窗口", "点", "后", "决定", "委员", "费", "时效", "权", "期", "结果", "情况", "意见", "函", "口径", "文书", "时限",
    "申请", "，", "。", "；", " ", "1", "12", "十", "三", "两", "百", "零", "件", "条", "起", "宗", "例", "其中", "2023年",
]


def _texts(n: int, longest: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_WORDS) for _ in range(rnd.randint(0, longest))) for _ in range(n)]


def test_the_gate_has_no_look_behind_and_no_anchor():
    pattern = ps._TOTAL_GATE.pattern
    assert "(?<" not in pattern
    assert not re.search(r"(?<!\\)[\^$]|\\[bBAZ]", pattern.replace("[^", "["))


def test_no_forbidden_word_of_a_look_ahead_holds_a_figure_character():
    # a window ends where a figure starts: in the whole sentence a negative look-ahead at the window's end sees that
    # figure's first character, which must start (or be in) none of the words it forbids
    figure_chars = set("0123456789零〇一二两三四五六七八九十百千")
    for body in re.findall(r"\(\?!([^()]*)\)", ps._TOTAL_GATE.pattern):
        assert not set(body) & figure_chars, body


def test_a_keyword_in_any_window_before_a_figure_is_found_in_the_sentence():
    rnd = random.Random(7)
    for sent in _texts(30000, 10, 5):
        gate = ps._TOTAL_GATE.search(sent) is not None
        for f in ps._FIG.finditer(sent):
            fs = f.start()
            for cs in {0, max(0, fs - ps._LOOKBACK), rnd.randint(0, fs)}:
                window = sent[cs:fs]
                if ps._TOTAL_KW.search(window) is not None:
                    assert gate, (sent, window)
        if not gate:
            assert ps._TOTAL_KW.search(sent) is None, sent


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
