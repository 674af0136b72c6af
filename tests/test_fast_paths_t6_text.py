"""The prose analyses' fast paths of round 6 (doubled text, …) against the forms they replace."""

from __future__ import annotations

import random
from pathlib import Path

from disclosure_lint.readers import markdown, read_path
from disclosure_lint.report import writing
from disclosure_lint.report.annual import AnnualReport

from .benchgen import generated

ROOT = Path(__file__).resolve().parent.parent

# CJK characters of every range the word pattern takes, one whose UTF-16 low byte is 0 (一), the function characters;
# characters next to the ranges (䷀ U+4DC0 shares the high byte 0x4D, 〇 and （ are not of CJK), digits, separators,
# a NUL, a character outside the BMP, lone surrogates
_CJK = "公开信息政府申请一二的了在和㐀䶵丂龥豈﫿"
_OTHER = "䷀〇（）。，、0123456789 \t\n\0a𠮷\udc80\ud800"


def _random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        size = rng.randrange(0, 90)
        alphabet = _CJK[:rng.randrange(2, len(_CJK) + 1)]
        chars = []
        while len(chars) < size:
            r = rng.random()
            if r < 0.15:
                chars.append(rng.choice(_OTHER))
            elif r < 0.4 and len(chars) >= 2:  # a copy of what came just before: doubles, triples, near misses
                k = rng.randrange(1, 8)
                chars.extend(chars[-k:])
            else:
                chars.append(rng.choice(alphabet))
        out.append("".join(chars))
    return out


def _generated_reports() -> list[AnnualReport]:
    return [AnnualReport(markdown.parse(text)) for _name, text in generated(40, seed=6)]


def _reports() -> list[AnnualReport]:
    files = sorted((ROOT / "examples").glob("*.md")) + sorted((ROOT / "tests" / "fixtures").rglob("*.md"))
    out = [AnnualReport(read_path(str(f))) for f in files]
    out += _generated_reports()
    # doubles in prose and in table cells (words, marks, function characters), merged header cells
    table = ("| 申请人情况 | 行政复议 | 行政复议 | 行政诉讼 |\n| --- | --- | --- | --- |\n"
             "| 一、本年新收政府信息公开申请数量 | 1 | 2 | 3 |\n| 落实落实情况 | 0 | 0 | 0 |\n"
             "| 其他，，结果 | 的的 | 在在 | 公开公开 |\n| 总计 | 1 | 2 | 3 |\n")
    body = "本年度认真贯彻贯彻落实条例，，全面推进政务公开公开。我们们加强了了培训。\n\n"
    out.append(AnnualReport(markdown.parse(f"# 某某局2023年政府信息公开工作年度报告\n\n{body}{table}\n{body}{table}")))
    out.append(AnnualReport(markdown.parse(f"# 某某局2023年政府信息公开工作年度报告\n\n{body}| a | b |\n| --- | --- |\n"
                                           "| 1 | 2 |\n\n" + table.replace("公开公开", "𠮷信息信息"))))
    return out


def test_word_matches_as_the_word_pattern_finds():
    """writing._word_matches (the regex tried only where the XOR of the lanes allows a double) finds what
    _WORD_DOUBLE.finditer finds, on random texts and on the generated reports' prose and tables."""
    texts = _random_texts(6000, seed=61)
    for r in _generated_reports():
        texts.append("\n".join(p.text for p in r.prose_pieces))
        texts.extend(b.text for b in r.lintable_blocks if b.kind == "table")
    found = 0
    for text in texts:
        old = [(m.span(), m.group(1)) for m in writing._WORD_DOUBLE.finditer(text)]
        assert [(m.span(), m.group(1)) for m in writing._word_matches(text)] == old, text
        found += len(old)
    assert found > 1000


def test_word_matches_on_a_dense_text_uses_the_regex_alone(monkeypatch):
    """A text where a double may start at more than one character in writing._DENSE (one character or one
    word repeated, as a hostile file) is searched by the regex alone, with the same matches: the places are
    not tried one by one."""
    tried = []
    monkeypatch.setattr(writing, "_WORD_DOUBLE_LED", _Counting(writing._WORD_DOUBLE_LED, tried))
    for text in ("的" * 5000, "公开" * 3000, "年度报告" * 2000 + "公开公开"):
        tried.clear()
        old = [(m.span(), m.group(1)) for m in writing._WORD_DOUBLE.finditer(text)]
        assert [(m.span(), m.group(1)) for m in writing._word_matches(text)] == old
        assert tried == ["finditer"]


class _Counting:
    """A compiled pattern that records which of its methods were called."""

    def __init__(self, pattern, calls: list[str]):
        self.pattern, self.calls = pattern, calls

    def finditer(self, text):
        self.calls.append("finditer")
        return self.pattern.finditer(text)

    def match(self, text, pos):
        self.calls.append("match")
        return self.pattern.match(text, pos)


def _doubles(report: AnnualReport) -> list[tuple]:
    return [(d.span.block.index, d.span.piece.base, d.span.piece.cell is not None and d.span.piece.cell.col,
             d.span.start, d.span.end, d.span.text, d.unit, d.kind, d.certain) for d in writing.find_doubles(report)]


def test_find_doubles_as_reading_every_table(monkeypatch):
    """find_doubles with the tables gated by one search over their joined texts (_with_doubles) and the word pattern
    run where the lanes allow (_word_matches) finds what it found reading every table with the regex alone."""
    reports = _reports()
    new = [_doubles(r) for r in reports]
    monkeypatch.setattr(writing, "_with_doubles", lambda tables: tables)
    monkeypatch.setattr(writing, "_word_matches", lambda text: list(writing._WORD_DOUBLE.finditer(text)))
    old = [_doubles(AnnualReport(r.source)) for r in reports]
    assert new == old
    kinds = {d[7] for got in new for d in got}
    assert {"word", "char", "mark"} <= kinds
    assert any(d[2] is not False for got in new for d in got)  # some found in a table cell


def _date_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    parts = ["2024", "24", "1", "0", "年", "月", "日", "号", "-", "/", ".", " ", "\n", "二〇二四", "十", "一", "本年新收",
             "2023年度", "。", "\t", "2024年", "1月", "20日", "2024-1-", "2024/1/", "2024.1.", "二〇二四年十月"]
    return ["".join(rng.choice(parts) for _ in range(rng.randint(0, 9))) for _ in range(count)]


def test_date_gate_as_the_any_date_pattern():
    """dates.may_hold_date (a literal-led search for the 年 branch, the - / . branch only in a text holding one of
    them) answers as _ANY_DATE.search, and find_dates finds what it found when a prose block was walked whenever it
    held 年 - / or . (the pattern gated only tables)."""
    from disclosure_lint.model import Block
    from disclosure_lint.report import dates

    texts = _date_texts(40000, seed=62)
    for text in texts:
        assert dates.may_hold_date(text) == (dates._ANY_DATE.search(text) is not None), text
    blocks = [Block(index=k, kind="paragraph", text=t) for k, t in enumerate(texts[:8000])]
    for r in _generated_reports():
        blocks.extend(b for b in r.lintable_blocks if b.kind != "table")
    new = [dates.find_dates(b) for b in blocks]
    old_gate = dates.may_hold_date
    try:
        dates.may_hold_date = lambda t: "年" in t or "-" in t or "/" in t or "." in t  # type: ignore[assignment]
        old = [dates.find_dates(b) for b in blocks]
    finally:
        dates.may_hold_date = old_gate
    assert new == old
    assert sum(map(len, new)) > 300


def test_count_item_patterns_find_nothing_in_an_item_not_ending_in_a_unit():
    """count_lists._lists_in searches an item with _NUMBERED and its last word with _BARE only when the item ends in a
    unit: both end in one at the end of the text (an item is stripped: no trailing newline before which $ would
    match), so in another item neither finds anything; a list missing a number is still found."""
    from disclosure_lint.report import count_lists

    rng = random.Random(63)
    parts = [*count_lists.UNITS, "1", "25", ".5", "万", "余", "多", " ", "\n", "、", "信息", "文件", "一", "人", "次", "x"]
    found = 0
    for _ in range(40000):
        item = "".join(rng.choice(parts) for _ in range(rng.randint(0, 7))).strip()
        tail = item.rsplit(None, 1)[-1] if item else item
        hit = count_lists._NUMBERED.search(item) or count_lists._BARE.search(tail)
        if hit:
            found += 1
            assert item.endswith(count_lists.UNITS) and tail.endswith(count_lists.UNITS), item
    assert found > 5000
    report = AnnualReport(markdown.parse("# 某某局2023年政府信息公开工作年度报告\n\n主动公开政策文件15条、备案信息条、许可信息25条。\n"))
    [cl] = count_lists.find_count_lists(report)
    assert [it.span.text for it in cl.missing] == ["备案信息条"]


def test_segments_of_a_text_without_a_space_as_the_pattern_finds():
    """writing.segments returns the whole text at once when it holds no space, ideographic space, newline or tab
    (every break of _SEGMENT_BREAK is a run of them): what the loop over the pattern's matches gives."""

    def old(text: str) -> list[tuple[int, int]]:
        out, pos = [], 0
        for m in writing._SEGMENT_BREAK.finditer(text):
            if m.start() > pos:
                out.append((pos, m.start()))
            pos = m.end()
        if pos < len(text):
            out.append((pos, len(text)))
        return out

    rng = random.Random(64)
    parts = ["。", "！", "？", " ", "\u3000", "\n", "\t", "一、", "（二）", "(三)", "3.", "3.5", "12、", "公开", "信息", "x"]
    texts = ["".join(rng.choice(parts) for _ in range(rng.randint(0, 8))) for _ in range(30000)]
    texts += [p.text for r in _generated_reports() for p in r.prose_pieces]
    several = 0
    for text in texts:
        assert writing.segments(text) == old(text), text
        several += len(old(text)) > 1
    assert several > 3000
