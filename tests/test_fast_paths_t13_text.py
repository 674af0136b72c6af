"""The fast paths of round 13's text facts (t13-text) against the forms they replace: bench/same_findings.py compares
whole runs; these pin what each shortcut relies on."""

from __future__ import annotations

import random
import re
from bisect import bisect_right

from disclosure_lint import page_lines
from disclosure_lint.model import Block
from disclosure_lint.readers import markdown
from disclosure_lint.report import portal
from disclosure_lint.report.annual import AnnualReport

from .benchgen import generated
from .test_fast_paths_t4_scan import _old_find_metadata


def _texts(pieces: list[str], count: int, longest: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, longest))) for _ in range(count)]


# -- portal: the gate of the prose blocks visited, the tables visited, the dated titles' gate ---------------------

_RELATED = page_lines.RELATED.split("|")
_FIELD_PIECES = [*_RELATED, "来源", "作者", "编辑", "责任编辑", "日期", "时间", "发布日期", "浏览次数", "索引号", "信息来源",
                 "公开方式", "首页", "今天是", "【打印】", "位置", "：", ":", " ", "\u3000", "\t", "\n", "|", "｜", "x", "某某局",
                 "市场主体登记", "60条", "2024-01-21", "2024/1/5", "2023.1.2", "。", ">", "政务公开"]


def _spans(text: str) -> bool:
    return any(portal._block_spans(Block(index=0, kind="paragraph", text=text)))


def test_field_gate_finds_something_wherever_a_field_may_be_read():
    # a prose block's fields come from _RELATED_LINE, _LONE_LABEL or _block_spans: the gate finds something in every
    # text in which one of them does (a word of a list of links only at the start, after whitespace or a pipe)
    texts = [*_FIELD_PIECES, *_texts(_FIELD_PIECES, 40000, 5, 1301), *(f"{a}{w}{b}" for w in _RELATED
                                                                        for a in ("", "x", "信息", " ", "|", "｜", "\n")
                                                                        for b in ("", " ", "：", "60条", " 标题 2024-01-21"))]
    for text in texts:
        if page_lines.RELATED_LINE.match(text) or portal._LONE_LABEL.match(text) or _spans(text):
            assert portal._MAY_FIELD.search(text), text
    # a clerk's 相关信息 inside a sentence is no field, and the gate passes it over
    for text in ("全年主动公开政府信息2026条，其中市场主体登记相关信息60条，政策解读14篇。", "推荐相关文件"):
        assert not _spans(text) and not page_lines.RELATED_LINE.match(text) and not portal._MAY_FIELD.search(text)


def test_dated_title_gate_is_the_class_led_search():
    slow = re.compile(r"[-/.](?<=\d{4}[-/.])\d")
    pieces = [*"-/.0123456789０年x \n", "2024", "2023-", "1/", "2024.1"]
    for text in _texts(pieces, 20000, 8, 1302):
        for pos in range(0, len(text) + 1, 2):
            a, b = slow.search(text, pos), portal._ISO_DATE_PART.search(text, pos)
            assert (a and a.span()) == (b and b.span()), (text, pos)


def _same_metadata(blocks: list[Block]) -> None:
    got, want = portal.find_metadata(blocks), _old_find_metadata(blocks)
    assert got.spans == want.spans
    assert got._lines == want._lines
    assert got.published == want.published
    for b in blocks:
        assert got.is_line(b) == want.is_line(b) and got.text_without(b) == want.text_without(b)


def test_portal_metadata_as_when_every_block_was_walked():
    # field lines, prose with words of lists of links inside its sentences, tables of fields and of figures, anywhere
    # among the first blocks or below them (a table is read near the top only)
    lines = ["发布日期：2023-01-12", "来源：某某局", "浏览次数：35", "【字体：", "大", "中", "小", "】", "相关信息", "相关信息：",
             "某某局2023年政府信息公开工作年度报告 2024-01-21", "某某局2022年报告 2023-01-21", "撰写时间", "2024年01月12日",
             "一、总体情况", "本机关2023年主动公开政府信息46条。", "其中市场主体登记相关信息60条，政策解读14篇。",
             "首页 政务动态 今日要闻", "", "  ", "|", "编辑：张三", "当前位置：首页 > 政务公开", "作者", "李四", "索引号",
             "A123-45", "今天是2024年1月22日 星期一", "热点专题 某某局通知 2024-01-02 某某局公告 2024-01-03",
             "本年新收申请79件。" * 3]
    tables = ["索引号\tA123-45\n发布机构\t某某局", "信息内容\t本年制发件数\n规章\t0", "发布日期：2023-01-12\t浏览次数：35",
              "相关信息\t1", "行政许可\t66", "【打印】\t【关闭】"]
    rnd = random.Random(1303)
    for _ in range(3000):
        blocks = []
        for i in range(rnd.randint(0, 45)):
            table = rnd.random() < 0.15
            blocks.append(Block(index=i, kind="table" if table else "paragraph",
                                text=rnd.choice(tables if table and rnd.random() < 0.8 else lines)))
        _same_metadata(blocks)


def test_portal_metadata_of_generated_reports_as_before():
    for _name, text in generated(30, seed=1304):
        report = AnnualReport(markdown.parse(text))
        _same_metadata(report.lintable_blocks)


# -- self-references: the report's blocks searched at once, pronoun by pronoun -----------------------------------


def _old_scan(kind, report) -> list:
    """_SelfReferenceBase._scan as it was: the alternation searched block by block."""
    from disclosure_lint.report.self_refs import TITLE_SPAN as _TITLE_SPAN
    from disclosure_lint.report.self_refs import new_ref as _new_ref

    out: list = []
    if kind._re is None:
        return out
    for block in report.text_blocks:
        text = block.text
        titles = None
        starts: list[int] = []
        for m in kind._re.finditer(text):
            s = m.start()
            if titles is None:
                titles = [t.span() for t in _TITLE_SPAN.finditer(text)] if "《" in text else []
                starts = [a for a, _ in titles]
            if titles:
                i = bisect_right(starts, s) - 1
                if i >= 0 and titles[i][0] < s < titles[i][1]:
                    continue
            surface = m.group("w")
            generic = surface in kind._generic
            word = surface if generic else kind._words[surface]
            out.append(_new_ref(block, s, m.end(), m.group(0), m.group("p"), word, generic))
    return out


def _refs(refs: list) -> list:
    return [(r.block.index, r.start, r.end, r.text, r.pronoun, r.word, r.generic) for r in refs]


def test_self_references_as_when_each_block_was_searched():
    from disclosure_lint.kinds.self_reference import MismatchOptions, SelfReferenceMismatch
    from disclosure_lint.model import Document

    options = [MismatchOptions(), MismatchOptions(pronouns={"我": "", "本": "基"}),
               MismatchOptions(pronouns={"我们": "自", "我": "你", "本": ""}), MismatchOptions(pronouns={"我": "\n"}),
               MismatchOptions(pronouns={"本": "成"}), MismatchOptions(pronouns={"我": "", "本": "", "该": "应"}),
               MismatchOptions(not_followed_by={"局": ["\n", "面"], "办": ["法"]}),
               # two pronouns' matches at one place (the earlier pronoun's taken), a match inside another's
               MismatchOptions(pronouns={"我": "", "我局": ""}), MismatchOptions(words={"本局": "局", "局": "局"})]
    kinds = [SelfReferenceMismatch(None, o, None) for o in options]
    assert [k._scanner.joinable for k in kinds] == [True, True, True, False, True, True, False, True, True]
    pieces = [*"我本局委办法面自基成你们该应《》\n 。", "我局", "本局", "我们局", "本办法", "《我局办法》", "本机关", "街道办事处",
              "我委员会", "本单位", "自我局", "基本", "我局局", "我本局"]
    texts = _texts(pieces, 6000, 8, 1305)
    rnd = random.Random(1306)
    for _ in range(1500):
        blocks = tuple(Block(index=i, kind=rnd.choice(["paragraph", "heading", "table", "list_item"]),
                             text=rnd.choice(texts)) for i in range(rnd.randint(0, 8)))
        doc = Document(path="x.md", format="markdown", encoding="utf-8", text="", blocks=blocks)
        for kind in kinds:
            report = AnnualReport(doc)
            assert _refs(kind._scan(report)) == _refs(_old_scan(kind, report)), (kind.options, blocks)
    for _name, text in generated(30, seed=1307):
        report = AnnualReport(markdown.parse(text))
        for kind in kinds[:3]:
            got = kind._scan(report)
            assert got and _refs(got) == _refs(_old_scan(kind, report))
