"""The fast paths of the whole-text scans (t4-scan) give what the slow forms gave: bench/same_findings.py
compares whole runs; these pin the edge cases each shortcut relies on."""

from __future__ import annotations

import random
import re
from itertools import accumulate
from types import SimpleNamespace

from disclosure_lint import page_lines
from disclosure_lint.model import Block
from disclosure_lint.report import portal_links
from disclosure_lint.report import promotions as pr
from disclosure_lint.report.alternation import holding


def _texts(alphabet: list[str], count: int, longest: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, longest))) for _ in range(count)]


def test_promotion_gate_finds_something_in_the_texts_the_full_alternation_does():
    slow = re.compile("|".join([*pr._CORE, pr.TERMS_PATTERN]))
    words = [*pr.SPAM_TERMS, *pr._CORE, "BET365", "bEt365", "bet36", "注册送5元彩金", "首存即送 100 彩金",
             "充值送\n9彩金", "太阳城娱乐", "太阳城", "太阳城集团", "澳门", "新葡", "体", "育"]
    alphabet = [*words, *"abet365 注册送彩金就即元0123\n体育娱乐"]
    for text in [*words, *_texts(alphabet, 20000, 5, 41)]:
        assert bool(slow.search(text)) == bool(pr._GATE.search(text)), text
    assert pr._ONE_LINE


def test_gate_blocks_are_the_blocks_searched_one_by_one():
    alphabet = [*pr.SPAM_TERMS, *pr._CORE, "BET365", "bet36", "5", "注册送5元彩金", "\n", "体", "育", "公开", "x"]
    texts = _texts(alphabet, 6000, 3, 42) + [""] * 300
    rnd = random.Random(43)
    for _ in range(2000):
        blocks = [Block(index=i, kind="paragraph", text=rnd.choice(texts)) for i in range(rnd.randint(0, 8))]
        assert pr.gate_blocks(blocks) == [b for b in blocks if b.text and pr._GATE.search(b.text)]


def test_trie_finds_something_where_the_alternation_does():
    from disclosure_lint.report import portal
    from disclosure_lint.report.alternation import trie

    words = ["公开方式", "公开", "公", "方式", "发布日期", "日期[ \t]*[:：]", "备(?<=(?i:icp)备)", r"\[", "b?c", "x"]
    flat, fast = re.compile("|".join(words)), re.compile(trie(words))
    alphabet = [*"公开方式发布日期 \t:：ICPicp备[bcx\n"]
    for text in _texts(alphabet, 20000, 10, 44):
        assert bool(flat.search(text)) == bool(fast.search(text)), text
    flat = re.compile("|".join(portal._MAY_HOLD_BRANCHES))
    samples = ["发布日期：2023-01-12", "来源：某某局", "浏览次数：35", "首页>政务公开", "今天是2024年1月22日",
               "网站标识码 123 ICP备 1号", "ıcp备", "COPYRIGHT ©", "相关信息 标题 2024-01-21", "时间 ：", "公开方式",
               "公开时限", "信息来源", "主办单位", "[打印]", "上一篇", "发文字号：", "撰稿人：", "x"]
    for text in [*samples, *_texts([*samples, *"公开发布日期时间：: \n"], 20000, 4, 45)]:
        assert bool(flat.search(text)) == bool(portal._MAY_HOLD.search(text)), text


def test_portal_field_gate_is_necessary():
    from disclosure_lint.report import portal

    labels = ["来源", "作者", "编辑", "责任编辑", "日期", "时间", "发布日期", "浏览次数", "索引号", "相关信息", "热点专题",
              "信息来源", "公开方式", "首页", "：", ":", " ", "\u3000", "\n", "x", "某某局", "2024-01-21", "2024/1/5"]
    for text in [*labels, *_texts(labels, 30000, 4, 46)]:
        # (a block's fields come from _RELATED_LINE, _LONE_LABEL or _block_spans: since round 13 the gate needs no
        # more than they do, not a match of _MAY_HOLD, which holds the words of a list of links anywhere)
        slow = (page_lines.RELATED_LINE.match(text) or portal._LONE_LABEL.match(text)
                or any(portal._block_spans(Block(index=0, kind="paragraph", text=text))))
        if slow:
            assert portal._MAY_FIELD.search(text), text
        if portal_links.dated_title(text):
            assert portal._ISO_DATE_PART.search(text), text
    # the blocks flagged by the joined search are those the search flags one by one
    rnd = random.Random(47)
    texts = _texts(labels, 3000, 3, 48) + [""] * 100
    for _ in range(2000):
        prose = [Block(index=i, kind="paragraph", text=rnd.choice(texts)) for i in range(rnd.randint(0, 6))]
        assert holding([b.text for b in prose], portal._MAY_FIELD.search) == \
            [k for k, b in enumerate(prose) if portal._MAY_FIELD.search(b.text)]


def test_portal_metadata_as_before_on_lines_of_fields():
    from disclosure_lint.report import portal

    lines = ["发布日期：2023-01-12", "来源：某某局", "浏览次数：35", "【字体：", "大", "中", "小", "】", "相关信息",
             "某某局2023年政府信息公开工作年度报告 2024-01-21", "某某局2022年报告 2023-01-21", "撰写时间", "2024年01月12日",
             "一、总体情况", "本机关2023年主动公开政府信息46条。", "首页 政务动态 今日要闻", "", "  ", "|", "编辑：张三",
             "当前位置：首页 > 政务公开", "作者", "李四", "索引号", "A123-45", "今天是2024年1月22日 星期一"]
    rnd = random.Random(49)
    for _ in range(3000):
        blocks = [Block(index=i, kind="table" if rnd.random() < 0.05 else "paragraph", text=rnd.choice(lines))
                  for i in range(rnd.randint(0, 40))]
        got = portal.find_metadata(blocks)
        want = _old_find_metadata(blocks)
        assert got.spans == want.spans
        assert got._lines == want._lines
        assert got.published == want.published
        for b in blocks:
            assert got.is_line(b) == want.is_line(b) and got.text_without(b) == want.text_without(b)


def _old_find_metadata(blocks):
    """find_metadata as it was before the joined search (every block walked)."""
    from disclosure_lint.page_lines import RELATED_LINE as _RELATED_LINE
    from disclosure_lint.page_lines import is_chrome
    from disclosure_lint.report.portal import (
        _FONT_LINE,
        _MARKS,
        _MAY_HOLD,
        HEAD,
        PortalMetadata,
        PortalSpan,
        _block_spans,
        _covered,
        _lone_label,
    )
    from disclosure_lint.report.portal_links import dated_runs as _dated_runs
    from disclosure_lint.report.portal_links import related_item as _related_item

    out = PortalMetadata()
    blocks = list(blocks)
    paired: dict = {}
    head = 0
    font_open = related = False
    dated = _dated_runs(blocks)
    for pos, b in enumerate(blocks):
        text = b.text
        if not text.strip():
            continue
        near = head < HEAD
        out._head[id(b)] = head
        if not is_chrome(text) and id(b) not in dated:  # (a run of dated titles does not count)
            head += 1
        nxt = blocks[pos + 1] if pos + 1 < len(blocks) and blocks[pos + 1].kind != "table" else None
        if b.kind == "table":
            font_open = related = False
            if near and _MAY_HOLD.search(text):
                spans, loose = _block_spans(b)
                if spans and _covered(b, spans + loose):
                    out._add(b, sorted(spans + loose, key=lambda s: s.start), line=True)
            continue
        if font_open and _FONT_LINE.match(text):
            out._add(b, [PortalSpan(b, 0, len(text), "font", "", text.strip())], line=True)
            continue
        font_open = False
        if _RELATED_LINE.match(text) or (related and _related_item(text, nxt)) or id(b) in dated:
            related = True
            out._add(b, [PortalSpan(b, 0, len(text), "related", "", text.strip())], line=True)
            continue
        related = False
        extra = paired.pop(id(b), [])
        if near and not extra:
            lone = _lone_label(b, nxt)
            if lone:
                out._add(b, lone[:1], line=True)
                if len(lone) > 1:
                    paired[id(lone[1].block)] = lone[1:]
                continue
        if extra:
            out._add(b, extra, line=True)
            continue
        if not near and not _MARKS.search(text):
            continue
        if not _MAY_HOLD.search(text):
            continue
        spans, loose = _block_spans(b)
        if not spans and not loose:
            continue
        if not spans:
            if not near or not _covered(b, loose):
                continue
            spans = loose
        out._add(b, spans, line=_covered(b, spans))
        end = len(text.rstrip())
        font_open = any(s.kind == "font" and not s.value and s.end >= end - 1 for s in spans)
    return out


def test_squeeze_all_is_squeeze_one_by_one():
    from disclosure_lint.report import repeats

    parts = ["公开", " ", "\t", "\n", "\u3000", "*", "`", "\0", "|", "a", "**粗**", ""]
    rnd = random.Random(50)
    texts = _texts(parts, 3000, 6, 51)
    for _ in range(2000):
        group = [rnd.choice(texts) for _ in range(rnd.randint(0, 6))]
        assert repeats.squeeze_all(group) == [repeats._squeeze(t) for t in group]
        assert repeats.normalize_all(group) == [repeats.normalize(t) for t in group]


def test_strip_number_is_the_substitution():
    import importlib

    schema = importlib.import_module("disclosure_lint.report.stats.schema")  # (the package has a function of that name)
    parts = ["一、", "（三）", "(2)", "12.", "3 ", "第五项", " ", "\u3000", "不予公开", "1", "十", "、", "．"]
    for text in _texts(parts, 20000, 5, 52):
        assert schema.strip_number(text) == schema._LEAD.sub("", text, count=1), text


def test_enumeration_family_and_number_as_read_from_the_groups():
    from disclosure_lint.report import catalogue
    from disclosure_lint.report import enumeration as e

    def old(m):
        for fam in e.FAMILIES:
            g = m.group(fam)
            if g is None:
                continue
            if fam in ("shi", "cn", "pcn"):
                v = catalogue.cn_to_int(g)
                return (fam, v) if v else None
            if fam == "circ":
                return fam, ord(g) - 0x2460 + 1
            return fam, int(g)
        return None

    parts = [*"一二十三是、（()）0123456789.．①⑳", "二十", "十一"]
    for text in _texts(parts, 20000, 6, 53):
        for m in e._MARKER.finditer(text):
            fam = "ar" if m.lastgroup == "sep" else m.lastgroup
            v = e._number(fam, m.group(fam))
            assert old(m) == (None if v is None else (fam, v)), text


def test_count_list_candidates_found_by_the_unit_led_gate():
    from disclosure_lint.report import count_lists as w

    parts = [*w.UNITS, "文", "1", "、", "，", "。", "\n", " ", "人", "次", "x"]
    for text in _texts(parts, 30000, 6, 54):
        assert bool(w._CANDIDATE.search(text)) == bool(w._CANDIDATE_GATE.search(text)), text
    rnd = random.Random(55)
    texts = _texts(parts, 3000, 4, 56) + [""] * 50
    for _ in range(2000):
        group = [rnd.choice(texts) for _ in range(rnd.randint(0, 6))]
        assert holding(group, w._CANDIDATE_GATE.search) == [k for k, t in enumerate(group) if w._CANDIDATE.search(t)]


def test_a_table_without_the_date_gate_holds_no_date():
    from disclosure_lint.report import dates

    parts = ["2024", "24", "1", "0", "年", "月", "日", "号", "-", "/", ".", " ", "\n", "二〇二四", "十", "一", "本年新收"]
    for text in _texts(parts, 40000, 7, 57):
        if dates.DATE_RE.search(text):
            assert dates._ANY_DATE.search(text), text
    table = Block(index=0, kind="table", text="本年新收\t12\n上年结转\t3")
    assert dates.find_dates(table) == []


def test_outdated_term_blocks_holding_the_words_as_one_by_one():
    from disclosure_lint.kinds import terminology

    words = ("2007", "2008", "国务院令")
    parts = [*words, "200", "7", "国务院", "令", "\n", "x"]
    rnd = random.Random(58)
    texts = _texts(parts, 3000, 4, 59) + [""] * 50
    for _ in range(3000):
        blocks = [Block(index=i, kind="paragraph", text=rnd.choice(texts)) for i in range(rnd.randint(0, 7))]
        own = [b.text for b in blocks]
        report = SimpleNamespace(lintable_text="\0".join(own),
                                 block_starts=(list(accumulate([len(t) + 1 for t in own], initial=0)), None))
        assert terminology._holding_words(report, words) == \
            [k for k, b in enumerate(blocks) if any(w in b.text for w in words)]


def test_inline_candidates_found_in_the_joined_texts_as_block_by_block():
    from disclosure_lint.report import inline

    def old(blocks):
        out, seen = [], 0
        for b in blocks:
            text = b.text
            if len(text) < 4:
                continue
            for m in inline._CAND.finditer(text):
                seen += 1
                if seen > inline.MAX_CANDIDATES:
                    return out
                s, p = m.start(), m.end()
                left = inline._left(text, s)
                if left is None:
                    continue
                num = m.group("num")
                c = inline._section_at(b, text, s, p, num, inline.cat.cn_to_int(num) or 0, left == "strong")
                if c is not None:
                    out.append(c)
        return out

    parts = ["一、", "二、", "三.", "十 、", "第", "总体情况", "主动公开政府信息情况", "。", " ", "\n", "\u3000", "1", "x"]
    rnd = random.Random(60)
    texts = _texts(parts, 3000, 6, 61)
    for _ in range(2000):
        blocks = [Block(index=i, kind="paragraph", text=rnd.choice(texts)) for i in range(rnd.randint(0, 6))]
        assert inline._candidates(blocks) == old(blocks)
