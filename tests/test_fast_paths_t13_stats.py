"""The statistics-against-prose area's fast paths of round 13 against the forms they replace."""

from __future__ import annotations

import random

from disclosure_lint.report import prose_sums as ps

# -- prose sums: _FIG searched from the run before the gate's first unit ---------------------------------------------

_PIECES = ("1", "23", "2023", "0", "1,234", "12,34", "１２", "٣", "5.5", "．", ".", ",", "，", " ", "\u3000", "\t", "\n",
           "零", "〇", "一", "二", "两", "三", "十", "百", "千", "第", "件", "条", "个", "项", "篇", "份", "起", "宗", "例", "%", "％",
           "年", "收到申请", "其中", "共", "、", "。", "；", "自然人", "-", "至")


def _key(ms) -> list:
    return [(m.span(), m.regs, m.lastindex, m.lastgroup, m.groupdict(), m.string) for m in ms]


def _old(sent: str) -> list:
    return list(ps._FIG.finditer(sent)) if ps._FIG_GATE.search(sent) else []


def _new(sent: str) -> list:
    g = ps._FIG_GATE.search(sent)
    return list(ps._FIG.finditer(sent, ps.figures_from(sent, g.start()))) if g is not None else []


def test_figures_searched_from_the_run_before_the_first_unit_are_the_sentences() -> None:
    """_FIG's matches from :func:`.prose_sums.figures_from` of the gate's first match are its matches of the whole
    sentence (spans, groups, last group), on 30,000 random texts of digits of every kind, commas, points, spaces, Chinese
    numerals, units and words."""
    rng = random.Random(1301)
    checked = 0
    for _ in range(30_000):
        sent = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 16)))
        old = _old(sent)
        assert _key(_new(sent)) == _key(old), sent
        checked += bool(old)
    assert checked > 3_000


def test_figures_of_template_sentences() -> None:
    for sent in ("本年度共收到政府信息公开申请57件，其中自然人52件、法人或其他组织5件。", "2023年新收1,234件",
                 "办结十二件，其中予以公开三件", "第三件", "共 12 件", "12 件", "约50件", "5-10件", "1.5件", "件"):
        assert _key(_new(sent)) == _key(_old(sent)), sent


# -- prose sums: _FIG_ARABIC in a sentence without a figure in Chinese numerals --------------------------------------

def _read(sent: str) -> list:
    """The figures as ``prose_sums._Reader.run`` finds them."""
    g = ps._FIG_GATE.search(sent)
    if g is None:
        return []
    if ps._CN_GATE.search(sent, g.start()) is None:
        return list(ps._FIG_ARABIC.finditer(sent))
    return list(ps._FIG.finditer(sent, ps.figures_from(sent, g.start())))


def test_arabic_figures_are_the_sentences() -> None:
    """_FIG_ARABIC, in a sentence without a match of _CN_GATE, finds _FIG's matches (spans, groups, last group) on
    30,000 random texts, and every sentence of the templates."""
    rng = random.Random(1302)
    arabic = 0
    for _ in range(30_000):
        sent = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 16)))
        old = _old(sent)
        assert _key(_read(sent)) == _key(old), sent
        g = ps._FIG_GATE.search(sent)
        arabic += bool(old) and g is not None and ps._CN_GATE.search(sent, g.start()) is None
    assert arabic > 2_000
    for sent in ("本年度共收到政府信息公开申请57件，其中自然人52件、法人或其他组织5件。", "2023年新收1,234件", "共 12 件",
                 "约50件", "5-10件", "1.5件", "第3件", "办结十二件，其中予以公开3件"):
        assert _key(_read(sent)) == _key(_old(sent)), sent
