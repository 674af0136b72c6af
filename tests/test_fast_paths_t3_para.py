"""The fast paths of the paragraph analyses (repeats' folding, the facts' keys and previews, brackets,
enumerations, doubled words) give what the slow forms gave: each test compares a shortcut with the plain
form it replaces, on hand-picked edge cases and on random texts (bench/same_findings.py compares whole runs)."""

from __future__ import annotations

import random

import pytest

from disclosure_lint.batch import facts
from disclosure_lint.report import repeats
from disclosure_lint.report.repeats import _FOLD, _fold, _squeeze, fold_all, normalize, normalize_all

_FOLDED_CHARS = "".join(chr(k) for k in _FOLD)
# letters whose lower case has a context (final sigma) or another length (İ), and case-ignorable marks
_CASED = "ΣσςΑΒİIiKKÅẞßΩΩ'’·ﾞ\u0345\u0307ＡＺａ"
_ALPHABET = _FOLDED_CHARS + _CASED + "的是公开。、，（）#*`|\t 0123456789abcXYZ"


def _slow_fold(s: str) -> str:
    return s.translate(_FOLD).lower()


def _texts(n: int, seed: int, alphabet: str = _ALPHABET, longest: int = 40) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, longest))) for _ in range(n)]


@pytest.mark.parametrize("s", ["", "，。、（）；：“”", _FOLDED_CHARS, _FOLDED_CHARS * 2 + "ΑΣ", "ΑΣ", "ΑΣΑ", "Σ",
                               "İ", "ＡΣ", "ΑΣ'", "Α'Σ", "〔2023〕1号", "abc"])
def test_fold_is_translate_and_lower(s):
    assert _fold(s) == _slow_fold(s)


def test_fold_random_texts_and_many_kinds():
    for s in _texts(3000, 1):
        assert _fold(s) == _slow_fold(s)
    few = _FOLDED_CHARS[40:45] + "。，"
    for s in _texts(500, 2, few + "的Σ"):
        assert _fold(s) == _slow_fold(s)


def test_fold_all_is_each_folded():
    """Joined by newlines: the final sigma reads no context across a newline, as at a text's start or end."""
    rnd = random.Random(3)
    pool = [_squeeze(t) for t in _texts(400, 4)] + ["Σ", "ΑΣ", "Σ'", "'Σ", "ΑΣ'", "", "'", "Α"]
    for _ in range(400):
        group = [rnd.choice(pool) for _ in range(rnd.randint(0, 6))]
        assert fold_all(group) == [_slow_fold(s) for s in group]
    assert fold_all([]) == []


def test_normalize_all_is_each_normalized():
    texts = _texts(300, 5) + ["", " ", "**粗体** `代码`", "Σ  Α", "ΑΣ\nΑ"]
    assert normalize_all(texts) == [_slow_fold(_squeeze(t)) for t in texts] == [normalize(t) for t in texts]


@pytest.mark.parametrize("text", ["", " ", "短", "一" * 29, "一" * 30, "一" * 31, " 一" * 40, "一 " * 40,
                                  "一" * 59 + " 二三", "一" * 60 + "二", "\u3000" * 70 + "三四",
                                  "　".join(["公开"] * 40), "a\tb\nc" * 20])
def test_preview_from_the_head(text):
    assert facts._preview(text) == " ".join(text.split())[:facts.PREVIEW]


def test_preview_random_texts():
    for t in _texts(3000, 6, "一二三 \t\n\u3000", 120):
        assert facts._preview(t) == " ".join(t.split())[:facts.PREVIEW]


class _B:
    def __init__(self, index: int, kind: str, text: str):
        self.index, self.kind, self.text = index, kind, text


def _slow_keys(blocks, heads):
    """Repeats' keys as the plain form computed them (each group folded on its own)."""
    items, by_len = [], {}
    for b in blocks:
        if b.kind == "table":
            cat, sq = "table", _squeeze(b.text)
        elif ("|" in b.text or "\t" in b.text) and repeats._is_row_like(b.text):
            cat, sq = "table", _squeeze(b.text).replace("|", "")
        else:
            sq = _squeeze(b.text).lstrip("#")
            cat = "heading" if (b.kind == "heading" or b.index in heads) else "text"
        if not sq:
            continue
        it = [len(items), sq]
        items.append(it)
        by_len.setdefault(("T" if cat == "table" else "P", len(sq)), []).append(it)
    for (prefix, _), group in by_len.items():
        if len(group) == 1:
            group[0][1] = f"U\x00{group[0][0]}"
            continue
        raws = {it[1] for it in group}
        folded = {r: f"{prefix}\x00{r}" for r in raws} if len(raws) == 1 else \
            {r: f"{prefix}\x00{_slow_fold(r)}" for r in raws}
        for it in group:
            it[1] = folded[it[1]]
    return [k for _, k in items]


def test_repeats_keys_as_folded_one_group_at_a_time():
    rnd = random.Random(7)
    # few distinct short texts, so that lengths collide, texts repeat and one raw text sits in a group that
    # needs folding and (as a table) in one that does not
    pool = ["公开，", "公开,", "公开，", "ΑΣ", "ασ", "＃公开", "#公开", "a | b", "a｜b", "Ｔ。", "t.", "〔一〕", "(一)", "一二", ""]
    for _ in range(300):
        blocks = [_B(i, rnd.choice(["paragraph", "heading", "table", "list_item"]), rnd.choice(pool))
                  for i in range(rnd.randint(0, 12))]
        heads = {i for i in range(len(blocks)) if rnd.random() < 0.2}
        got = [it.key for it in repeats.Repeats(blocks, heads).items]  # type: ignore[arg-type]
        assert got == _slow_keys(blocks, heads)


def test_enumeration_markers_after_the_look_ahead():
    """The look-ahead before the markers' branches (their first characters) changes no match."""
    import re

    from disclosure_lint.report import enumeration as en

    slow = re.compile("[" + re.escape("".join(sorted(en._BEFORE))) + "](?:" + en._MARKER.pattern + ")")
    alphabet = "一二三十是、（）()1２0.．、）①⑳第项，。；： \n公开a"
    for t in _texts(1500, 8, alphabet, 30):
        assert [m.span() for m in en._AFTER_BEFORE.finditer(t)] == [m.span() for m in slow.finditer(t)]


@pytest.mark.parametrize("table", ["项目\t数量\n甲\t1\n", "\t\n\t", "", "（一）\t1\n（\t）\n", "《条例》\t“是”\n"])
def test_brackets_table_without_marks_is_plain(table):
    """A table without any mark is one plain paragraph, as the per-cell sequences (all empty) said."""
    from disclosure_lint.report import brackets as br

    seqs = set("".join(br._CELL_MARKS.findall(table)).replace("\n", "\t").split("\t"))
    if br._MARKS.search(table) is None:
        assert seqs <= {""} and all(br._plain(q) for q in seqs)


def test_prose_pieces_as_made_by_the_dataclass():
    from disclosure_lint.model import Block
    from disclosure_lint.report.writing import Piece, prose_pieces

    blocks = [Block(kind=k, text=t, index=i) for i, (k, t) in
              enumerate([("paragraph", "甲"), ("table", "乙"), ("heading", "丙"), ("list_item", ""), ("code", "丁")])]
    got = prose_pieces(blocks)
    want = [Piece(b, b.text, 0) for b in blocks if b.kind in ("heading", "paragraph", "list_item")]
    assert got == want and [vars(p) for p in got] == [vars(p) for p in want]
    assert all(type(p) is Piece and hash(p) == hash(w) for p, w in zip(got, want, strict=True))


def test_block_place_is_place_of_the_whole_block():
    from pathlib import Path

    from disclosure_lint.model import Anchor, Block, Document
    from disclosure_lint.readers import read_path
    from disclosure_lint.report import interpret

    root = Path(__file__).resolve().parent.parent / "examples"
    files = sorted(root.glob("*.md")) + sorted((root.parent / "tests" / "fixtures").glob("*.md"))[:8]
    reports = [interpret(read_path(str(p))) for p in files]
    made = [Block(index=0, kind="paragraph", text="第一行第二行", anchors=(Anchor(0, 3, 1, 2), Anchor(3, 4, 1, 2))),
            Block(index=1, kind="paragraph", text="甲乙", anchors=(Anchor(1, 7, 5),), pointer="第2段"),
            Block(index=2, kind="paragraph", text="甲乙", line=9, column=4, pointer="p"),
            Block(index=3, kind="paragraph", text="", pointer="第4段")]
    reports.append(interpret(Document(path="x.md", format="markdown", encoding="utf-8", text="", blocks=tuple(made))))
    n = 0
    for rep in reports:
        for b in rep.text_blocks:
            assert facts._block_place(rep, b) == facts._place(rep, b)
            n += 1
    assert n > 20


def test_bracket_paragraphs_as_made_by_the_dataclass():
    from disclosure_lint.model import Block
    from disclosure_lint.report import brackets as br
    from disclosure_lint.report.writing import Piece

    piece = Piece(Block(index=0, kind="paragraph", text="（甲）"), "（甲）", 0)
    for args in [(piece, 0, 3), (piece, 1, 2, True)]:
        got, want = br._para(*args), br._Para(*args)  # type: ignore[arg-type]
        assert got == want and vars(got) == vars(want) and hash(got) == hash(want) and got.text == want.text


def test_stat_hash_as_the_plain_expression():
    rnd = random.Random(9)
    values = [0, 0.0, -0.0, 1, 2.5, float("nan"), float("inf"), -3, 10**12]
    for _ in range(300):
        keys = [f"s{rnd.randint(2, 4)}:{rnd.choice('abc')}:{rnd.randint(0, 9)}" for _ in range(rnd.randint(1, 12))]
        cells = {k: [rnd.choice(values), [None] * 5] for k in keys}
        want = (facts._h(repr(sorted((k, v[0]) for k, v in cells.items()))),
                sum(1 for v in cells.values() if v[0] != 0))
        assert facts._stat_hash(cells) == want
    assert facts._stat_hash({}) == (None, 0)


def test_fold_targets_are_single_unfolded_characters():
    """What the shortcuts rely on: one character for one, and no target folded again."""
    for ch, target in repeats._FOLD_STR.items():
        assert len(ch) == len(target) == 1 and ord(target) not in _FOLD


@pytest.mark.parametrize("kinds", [1, 11, 12, 13, 40])
def test_fold_around_the_switch_to_translate(kinds):
    others = [c for c in _FOLDED_CHARS if c not in "，。、（）；：“”"][:kinds]
    rnd = random.Random(kinds)
    for _ in range(50):
        s = "".join(rnd.choice(others + ["公", "Σ", "，"]) for _ in range(rnd.randint(0, 60)))
        assert _fold(s) == _slow_fold(s)
