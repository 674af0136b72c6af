"""Readable messages: DL701 names a half-width quotation mark instead of quoting it inside “” (it read
半角标点“"”，应使用全角“““); DL502 quotes and anchors a whole （请在此处填写） placeholder (it quoted 此处填写).
(DL235's formula: tests/test_text_vs_table.py; DL502 on 2024年X月X日: tests/test_half_filled_date.py.)"""

from __future__ import annotations

from .conftest import lint

TITLE = "# 某某区某某局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n"


def found(text: str, code: str):
    return [d for d in lint(TITLE + text) if d.code == code]


def test_half_width_quotes_are_named():
    d = found('本机关开展"政务公开日"活动。', "DL701")
    assert [x.message for x in d] == ['中文语句中使用了半角双引号（"），应使用全角左引号（“）',
                                      '中文语句中使用了半角双引号（"），应使用全角右引号（”）']
    assert [x.fix.description for x in d] == ["将半角双引号改为左引号", "将半角双引号改为右引号"]


def test_straight_quotes_inside_a_curly_quotation_are_the_inner_pair():
    """“陕西省"互联网+监管"系统” (a real provincial department's report): the straight pair inside the curly quotation is a
    quotation in a quotation, ‘…’ — not a ” closing the outer one and a “ opening another (the fix made
    “陕西省”互联网+监管“系统”)."""
    line = '推进“陕西省"互联网+监管"系统”建设，开展"政务公开日"活动。'
    d = found(line, "DL701")
    assert [x.evidence["expected"] for x in d] == ["‘", "’", "“", "”"]
    assert "应使用全角左单引号（‘）" in d[0].message
    fixed = list(line)
    for x in d:
        [e] = x.fix.edits
        fixed[e.column - 1] = e.replacement
    assert "".join(fixed) == "推进“陕西省‘互联网+监管’系统”建设，开展“政务公开日”活动。"


def test_other_half_width_marks_keep_their_wording():
    d = found("本机关全年主动公开政府信息120条,其中政策解读15条。", "DL701")
    assert [x.message for x in d] == ["中文语句中使用了半角标点“,”，应使用全角“，”"]


def test_a_fill_in_note_is_one_placeholder_quoted_whole():
    for text, ph in (("联系电话：（请在此处填写）。", "（请在此处填写）"), ("【请在此处填写】", "【请在此处填写】"),
                     ("（在此处填写联系电话）", "（在此处填写联系电话）"), ("本年度（此处填写）件。", "（此处填写）")):
        d = found(text, "DL502")
        assert [(x.match, f"“{ph}”" in x.message) for x in d] == [(ph, True)], text


def test_prose_that_only_mentions_filling_in_is_unchanged():
    assert found("请按时填写年度报表（报送单位）。", "DL502") == []
