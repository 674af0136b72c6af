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
    from disclosure_lint.page_lines import chrome_or_navigation
    from disclosure_lint.report.annual import HEAD_BLOCKS

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


# -- empty-section (DL104): the body read only until it is long enough ---------------------------------------------

def _old_problem(body_texts: list[str], min_chars: int) -> str | None:
    """The rule's verdict read from the whole body, as before the early stop (the same tests, in one list)."""
    import re

    from disclosure_lint.kinds.structure import _DEFAULT_EMPTY, _SUBTITLE_WORDS
    from disclosure_lint.report.structure import EMPHASIS, LEAD_NUMBER, PUNCT

    empty = {PUNCT.sub("", p) for p in _DEFAULT_EMPTY}
    content = []
    for text in body_texts:
        raw = EMPHASIS.sub("", text).strip().lstrip("#").strip()
        body = LEAD_NUMBER.sub("", raw, count=1)
        plain = PUNCT.sub("", body)
        if not plain:
            continue
        if (len(plain) <= 14 and not re.search(r"[。；;，,]", body) and any(w in plain for w in _SUBTITLE_WORDS)
                and plain not in empty):
            continue
        content.append(plain)
    total = sum(len(c) for c in content)
    if not content:
        return "内容为空"
    if all(c in empty for c in content):
        return f"只写了“{content[0]}”"
    if total < min_chars:
        return f"内容过短（去掉标点后仅{total}字）"
    return None


def test_empty_section_stops_reading_when_the_answer_is_known():
    import random

    from .conftest import lint
    from .test_structure import PARTS, full, md

    lines = ["无。", "暂无", "**无**", "（一）存在的主要问题", "（二）改进情况", "1.目录更新不及时", "工作有待加强。", "略",
             "没有问题", "一是解读单一。", "。", "本年度无。", "不存在", "2.按季度检查"]
    rnd = random.Random(11)
    for _ in range(60):
        body_lines = [rnd.choice(lines) for _ in range(rnd.randint(0, 5))]
        min_chars = rnd.choice([3, 10, 20])
        text = md(*full(s5=("五", PARTS["s5"][1], "\n\n".join(body_lines))))
        diags = [d for d in lint(text, select=["DL104"], config={"options": {"DL104": {"min_chars": min_chars}}})
                 if d.code == "DL104"]
        expected = _old_problem(body_lines, min_chars)
        assert (expected is None) == (not diags), (body_lines, min_chars)
        if expected is not None:
            assert expected in diags[0].message, (body_lines, min_chars)


def test_longest_increasing_positions_of_an_ordered_run_are_all_of_them():
    import itertools

    from disclosure_lint.report import structure as rs

    def slow(seq):
        n = len(seq)
        best, prev = [1] * n, [-1] * n
        for i in range(n):
            for j in range(i):
                if seq[j] < seq[i] and best[j] + 1 > best[i]:
                    best[i], prev[i] = best[j] + 1, j
        if not n:
            return set()
        i = max(range(n), key=lambda k: (best[k], -k))
        out = set()
        while i >= 0:
            out.add(i)
            i = prev[i]
        return out

    for n in range(7):
        for seq in itertools.product(range(4), repeat=min(n, 5)):
            assert rs.in_order_positions(list(seq)) == slow(list(seq))
        assert rs.in_order_positions(list(range(n))) == slow(list(range(n)))


def test_a_table_by_its_kind_anywhere_in_the_body_is_the_answer():
    import random

    from disclosure_lint.model import Block
    from disclosure_lint.report import structure as rs

    def slow(body, sid, accept_images, min_flat_labels=3):  # has_table before the pass over the kinds
        labels = rs.TABLE_LABELS.get(sid, ())
        seen: set[str] = set()
        numbers = False
        for b in body:
            if b.kind == "table":
                return True
            text = b.text
            if b.kind == "html" and "<table" in text.lower():
                return True
            if accept_images and b.kind == "image":
                return True
            if b.kind not in ("heading", "paragraph", "list_item"):
                continue
            pieces = [(text, False)] if len(text) <= 40 else []
            if rs._SPACE.search(text) or len(text) > 40:
                pieces += [(c, True) for w in rs._WORD.findall(text) for _, c in rs.flatline.cells(w)]
            for piece, flat in pieces:
                lab = rs._label_of(piece)
                for label in labels:
                    if lab.startswith(label):
                        seen.add(label)
                        break
                else:
                    if flat and rs.lb.cell_vote(piece) == sid:
                        seen.add(lab)
                    elif flat and rs._NUMBER.fullmatch(piece):
                        numbers = True
                if len(seen) >= min_flat_labels or (numbers and len(seen) >= min(2, min_flat_labels)):
                    return True
        return False

    texts = ["（一）主动公开情况", "规章 0 0 0", "本年新收政府信息公开申请数量 3", "自然人", "法人或其他组织", "商业企业",
             "本年度办理结果", "行政复议 结果维持 0 0", "<table><tr><td>1</td></tr></table>", "图", "一、总体情况"]
    kinds = ["paragraph", "heading", "list_item", "table", "html", "image", "code"]
    rnd = random.Random(3)
    for _ in range(3000):
        body = [Block(kind=rnd.choice(kinds), text=rnd.choice(texts), index=i) for i in range(rnd.randint(0, 6))]
        sid = rnd.choice(rs.TABLE_SECTIONS)
        accept = rnd.random() < 0.5
        assert rs.has_table(body, sid, accept) == slow(body, sid, accept)


# -- prose sums: the figure gate ---------------------------------------------------------------------------------------

def test_every_figure_ends_at_a_place_the_gate_finds():
    import random

    from disclosure_lint.report import prose_sums as ps

    pieces = ["1", "5", "12", "1,234", "０", "５", "٣", "৭", ".", "．", ",", " ", "\u3000", "\n", "\t", "一", "二", "两",
              "十", "百", "千", "零", "〇", "第", "件", "条", "个", "项", "篇", "份", "起", "宗", "例", "%", "％", "《条例》",
              "事项", "文件", "申请", "年", "约", "，", "。", "a"]
    rnd = random.Random(17)
    for _ in range(40000):
        t = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 9)))
        ends = {m.end() for m in ps._FIG_GATE.finditer(t)}
        for m in ps._FIG.finditer(t):
            assert m.end() in ends, (t, m)
        if ps._FIG.search(t):
            assert ps._FIG_GATE.search(t), t


def test_the_last_figure_of_a_sentence_is_never_a_total_listed_after_it(monkeypatch):
    from disclosure_lint.report import prose_sums as ps
    from disclosure_lint.report.annual import AnnualReport

    from .conftest import parse

    texts = ["全年共办结申请56件，其中予以公开22件、部分公开5件。", "收到申请57件，同比增长16.3%，其中自然人49件。",
             "办结申请56件，其中予以公开22件（含部分公开）、不予公开34件；共办结56件",
             "主动公开政府信息1200条，其中：①政策文件15条；②人事信息20条", "行政复议2件，结果维持1件、尚未审结1件，共计2件"]
    checked = []
    original = ps._Reader._total_first

    def spy(self, block, s0, i):
        got = original(self, block, s0, i)
        if i == len(self.figs) - 1:
            checked.append(i)
            assert got is None
        return got

    monkeypatch.setattr(ps._Reader, "_total_first", spy)
    monkeypatch.setattr(ps._Reader, "_sentence", _sentence_asking_every_figure(ps))
    docs = [*_documents(), *(parse(t) for t in texts)]
    for doc in docs:
        ps.find_sums(AnnualReport(doc))
    assert checked


def _sentence_asking_every_figure(ps):
    """_Reader._sentence with the last figure asked as well (as before the shortcut)."""
    original = ps._Reader._sentence

    def sentence(self, block, s0, sent, figs, prev, out):
        original(self, block, s0, sent, figs, prev, out)
        if len(figs) >= 2 and hasattr(self, "figs") and self.figs is figs:
            self._total_first(block, s0, len(figs) - 1)

    return sentence
