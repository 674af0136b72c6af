"""DL804 (misquoted-title): a quoted title a character or two off the name of a document the reports cite."""

from __future__ import annotations

import random

import pytest

from disclosure_lint.kinds.titles import differences, distance, normalised

from .conftest import lint

_HEAD = "某某县某某局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n"


def _found(sentence: str, **kw):
    return lint(_HEAD + sentence + "\n", select=["DL804"], **kw)


@pytest.mark.parametrize(("sentence", "expected", "what"), [
    ("根据《中华人民共和国信息公开条例》要求，编制本报告。", "《中华人民共和国政府信息公开条例》", "漏了“政府”"),
    ("根据《中华人民共和国政府信息条例》要求，编制本报告。", "《中华人民共和国政府信息公开条例》", "漏了“公开”"),
    ("贯彻《中华人民共和国政府信息公开体例》。", "《中华人民共和国政府信息公开条例》", "“体”应为“条”"),
    ("严格执行《政府信息条例》。", "《政府信息公开条例》", "漏了“公开”"),
    # the 2021 notice without 工作 (its inner brackets as <>, as pages write them)
    ("按照《国务院办公厅政府信息与政务公开办公室关于印发<中华人民共和国政府信息公开年度报告格式>的通知》编制。",
     "《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》", "漏了“工作”"),
    ("按照《国务院办公厅政府信息于政务公开办公室关于政府信息公开工作年度报告有关事项的通知》编制。",
     "《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》", "“于”应为“与”"),
    # the 2019 notice's tail, cited with its number
    ("根据《关于政府信息公开年度报告有关事项的通知》（国办公开办函〔2019〕60号）编制。",
     "《关于政府信息公开工作年度报告有关事项的通知》", "漏了“工作”"),
    ("按《中华人民共和国政府信息公开年度报告格式》填报统计表。", "《中华人民共和国政府信息公开工作年度报告格式》",
     "漏了“工作”"),
])
def test_a_near_miss_of_a_cited_name_is_reported(sentence, expected, what):
    found = _found(sentence)
    assert [(d.code, d.severity) for d in found] == [("DL804", "warning")]
    d = found[0]
    assert f"应为{expected}" in d.message and f"（{what}）" in d.message
    assert d.evidence["expected"] == expected
    assert d.fix is not None and d.fix.applicability == "unsafe"  # a suggestion: the clerk checks the name


@pytest.mark.parametrize("sentence", [
    "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《政府信息公开条例》的规定，编制本报告。",
    "根据《中华人民共和国政府信息公开条例 》和《新条例》的规定。",  # (a space inside: not a different name)
    "按照《关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》要求编制。",
    "按照《政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》要求编制。",
    "填报《中华人民共和国政府信息公开工作年度报告格式（试行）》和《中华人民共和国政府信息公开工作年度报告格式》。",
    # other documents: holding the whole name, a part of it, ending in another word, a local one alike
    "参阅《中华人民共和国政府信息公开条例释义》和《湖南省实施〈中华人民共和国政府信息公开条例〉办法》。",
    "编写《政府信息公开工作年度报告》，更新《政府信息公开指南》《政府信息公开目录》《信息公开条例》。",
    "根据《某某省人民政府办公厅关于做好政府信息公开工作年度报告有关事项的通知》要求编制。",
    "根据《关于做好政府信息公开工作年度报告有关事项的通知》要求编制。",
    "转发《关于转发中华人民共和国政府信息公开工作年度报告格式的通知》。",
    "依据《广东省政务公开条例》《信访工作条例》开展工作。",
])
def test_right_names_and_other_documents_stay_quiet(sentence):
    assert _found(sentence) == []


def test_a_copy_that_lost_characters_elsewhere_says_this_may_be_the_copys_too():
    text = "根据《中人民共和政府信息公开条例》，本报告统计期限为202311日至20231231日。"
    found = _found(text)
    assert [d.code for d in found] == ["DL804"]
    assert "漏了“华”、漏了“国”" in found[0].message and "转存时丢失" in found[0].message
    clean = _found("根据《中人民共和政府信息公开条例》，本报告统计期限为2023年1月1日至2023年12月31日。")
    assert "转存" not in clean[0].message


def test_a_title_in_a_table_cell_is_read():
    text = _HEAD + "| 依据 | 说明 |\n|---|---|\n| 《中华人民共和国信息公开条例》 | 第五十条 |\n"
    found = lint(text, select=["DL804"])
    assert [d.code for d in found] == ["DL804"]


def test_the_titles_are_configurable():
    config = {"options": {"DL804": {"titles": [{"title": "某某省政府信息公开办法", "basis": "某某省人民政府令第1号"}]}}}
    found = _found("执行《某某省政府信息公办法》。", config=config)
    assert [d.code for d in found] == ["DL804"] and "应为《某某省政府信息公开办法》" in found[0].message


def _reference(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def test_the_banded_distance_agrees_with_the_full_table():
    rng = random.Random(7)
    for _ in range(600):
        a = "".join(rng.choice("政府信息公开条例") for _ in range(rng.randint(0, 12)))
        b = "".join(rng.choice("政府信息公开条例") for _ in range(rng.randint(0, 12)))
        for limit in (1, 2, 3):
            full = _reference(a, b)
            assert distance(a, b, limit) == (full if full <= limit else limit + 1), (a, b, limit)


def test_normalised_and_differences():
    assert normalised("关于印发 <中华人民共和国政府信息公开工作年度报告格式> 的通知") == \
        normalised("关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知")
    assert differences("政府信息条例", "政府信息公开条例") == "漏了“公开”"
    assert differences("政府信息公开公开条例", "政府信息公开条例") == "多了“公开”"


# -- real shapes: a GBK portal page, a crawl whose line breaks were lost, an excerpt cut off -------------------

_SLIPS = "根据《中华人民共和国信息公开条例》编制本报告。截止2023年12月31日，本局主动公开政府信息120条。"


def test_a_gbk_portal_page_and_a_flattened_crawl(tmp_path):
    from disclosure_lint.api import check_paths

    page = ("<html><head><meta charset=\"gbk\"><title>某某县某某局2023年政府信息公开工作年度报告</title></head><body>"
            "<div class=\"crumb\">当前位置：首页 &gt; 政府信息公开 &gt; 年度报告</div>"
            "<h1>某某县某某局2023年政府信息公开工作年度报告</h1>"
            "<p>发布日期：2024-01-20 来源：某某县某某局 【字体：大 中 小】 【打印】</p>"
            f"<h2>一、总体情况</h2><p>{_SLIPS}</p></body></html>")
    (tmp_path / "page.html").write_bytes(page.encode("gbk"))
    # the same text as a crawl that lost its line breaks, cut off in the middle of part 二
    flat = ("某某县某某局2023年政府信息公开工作年度报告 发布日期：2024-01-20 一、总体情况 " + _SLIPS
            + " 二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制发件数")
    (tmp_path / "flat.txt").write_bytes(flat.encode("gb18030"))
    run = check_paths([str(tmp_path / "page.html"), str(tmp_path / "flat.txt")], select=["DL804", "DL906"])
    for fr in run.files:
        assert sorted((d.code, d.match) for d in fr.diagnostics) == [
            ("DL804", "《中华人民共和国信息公开条例》"), ("DL906", "截止")], fr.path


def test_a_closing_mark_before_the_names_last_words():
    found = _found("按照《国务院办公厅政府信息与政务公开办公室关于印发中华人民共和国政府信息公开工作年度报告格式》的通知要求编制。")
    assert [d.code for d in found] == ["DL804"]
    d = found[0]
    assert "书名号的位置不对：“的通知”在书名号外" in d.message
    assert d.match.endswith("格式》的通知")  # the finding covers the words left outside
    assert d.fix.edits[0].replacement == ("《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作"
                                         "年度报告格式〉的通知》")


def test_a_notices_words_inside_the_quoted_name_of_what_it_issued():
    found = _found("按照关于印发《中华人民共和国政府信息公开工作年度报告格式的通知》要求编制。")
    assert [d.code for d in found] == ["DL804"]
    assert "“的通知”应在书名号外" in found[0].message
    assert found[0].fix.edits[0].replacement == "《中华人民共和国政府信息公开工作年度报告格式》的通知"
    # rightly placed: quiet
    assert _found("按照关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知要求编制。") == []


def test_the_same_misquote_again_without_its_number_is_reported_too():
    text = ("根据《关于政府信息公开年度报告有关事项的通知》（国办公开办函〔2019〕60号）编制。"
            "按照《关于政府信息公开年度报告有关事项的通知》的要求，本机关做好年度报告工作。")
    assert [d.code for d in _found(text)] == ["DL804", "DL804"]
    # without the number anywhere it stays a local notice's name, not compared
    assert _found(text.replace("（国办公开办函〔2019〕60号）", "")) == []
