"""The prose readers' fast paths of round 9 against the forms they replace."""

from __future__ import annotations

import random

from disclosure_lint import memo
from disclosure_lint.readers import markdown
from disclosure_lint.report import claim_keywords as ck
from disclosure_lint.report import proactive_claims as pc
from disclosure_lint.report import prose_sums as ps
from disclosure_lint.report.annual import AnnualReport
from disclosure_lint.report.claim_context import DEFAULT_SCOPE
from disclosure_lint.report.prose_reading import SENT_END, sentences

from .benchgen import generated

# sentence ends, numbers with their units, keywords, rows of table 二 and fillers
_PIECES = ["。", "！", "？", "!", "?", "；", "，", " ", "\n", "　", "1", "12", "０", "三", "十", "件", "条", "起", "个", "项",
           "本年新收", "申请", "办结", "予以公开", "结转", "2023年", "二〇二三年度结转", "行政复议", "未", "无", "维持", "%",
           "规章", "行政规范性文件", "行政许可", "行政事业性收费", "规章制度", "公开", "的"]


def _random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randrange(0, 30))) for _ in range(n)]


def _generated_blocks() -> list[str]:
    out = []
    for _name, text in generated(30, seed=9):
        report = AnnualReport(markdown.parse(text))
        out += [b.text for b in report.text_blocks]
    return out


def _split_as_claims(text: str) -> list[tuple[int, int]]:
    """The claim reader's loop over a block's sentences as it was written before (claims._Reader.run)."""
    out = []
    pos = 0
    for m in SENT_END.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _split_as_sums(text: str) -> list[tuple[int, int]]:
    """The prose sums' and table-二 figures' loop as it was written before (prose_sums._Reader.run)."""
    out = []
    pos = 0
    for m in [*SENT_END.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        if end > pos:
            out.append((pos, end))
        pos = m.end() if m is not None else len(text)
    return out


def test_block_facts_kept() -> None:
    """prose_reading.sentences, claim_keywords.block_keywords, prose_sums._has_figure and proactive_claims._names_row
    give, fresh and kept, what the readers worked out per block before."""
    memo.forget()
    texts = _random_texts(20_000, seed=91) + _generated_blocks()
    for rounds in range(2):  # the second round reads what the first kept
        for text in texts:
            assert list(sentences(text)) == _split_as_claims(text) == _split_as_sums(text), text
            plain = ck.keyword_starts(text) if ck.BLOCK_GATE.search(text) else None
            assert ck.block_keywords(text) == plain, text
            assert ps._has_figure(text) == bool(ps._FIG_GATE.search(text)), text
            assert pc._names_row(text) == bool(pc._HAS_ROW.search(text)), text
        assert rounds or (ck._BLOCKS and ps._BLOCK_FIG and pc._BLOCK_ROW)
    long = "本年新收申请5件。" * 300  # longer than memo.LONGEST: worked out, not kept
    memo.forget()
    assert list(sentences(long)) == _split_as_claims(long)
    assert ck.block_keywords(long) == ck.keyword_starts(long)
    assert ps._has_figure(long) and not pc._names_row(long)
    assert long not in ck._BLOCKS and long not in ps._BLOCK_FIG and long not in pc._BLOCK_ROW


def _readings(report: AnnualReport) -> tuple:
    a = report.claims.read(list(DEFAULT_SCOPE))
    return (
        [(c.metrics, c.number, c.unit, c.block.index, c.start, c.end, c.scope, c.percent) for c in a.claims],
        [(s.what, s.blocks, s.block.index, s.start, s.end) for s in a.statements],
        [(s.kind, s.total, s.parts, s.exhaustive) for s in report.prose_sums],
        [(c.row, c.what, c.number, c.block.index, c.start, c.end, c.scope) for c in report.proactive_claims.read()],
    )


def test_readers_same_with_and_without_kept_blocks() -> None:
    """The three readers give the same whether the blocks' facts were kept from an earlier report or not."""
    texts = [text for _name, text in generated(20, seed=19)]
    fresh = []
    for text in texts:
        memo.forget()
        fresh.append(_readings(AnnualReport(markdown.parse(text))))
    memo.forget()
    kept = [_readings(AnnualReport(markdown.parse(text))) for text in texts]
    again = [_readings(AnnualReport(markdown.parse(text))) for text in texts]
    assert fresh == kept == again
    assert any(r[0] for r in fresh) and any(r[2] for r in fresh)


def _items_before(piece, heading: bool) -> list:
    """enumeration._items as it was written before its markers were kept (made in the piece as they are read)."""
    from disclosure_lint.report import enumeration as en
    from disclosure_lint.report.writing import Span, starts_with_table_label

    text = piece.text
    out: list = []
    for i, m in en._markers(text):
        end = m.end()
        fam = m.lastgroup or ""
        if fam == "sep":
            fam = "ar"
        elif fam == "pcn" and text[i] not in "（(" and i and text[i - 1] != "\n":
            continue  # 三) without its （: only where a line starts
        after = text[end:end + 8].lstrip(" \t\u3000")
        chinese_marker = fam in en._CHINESE
        if not after and fam == "pcn" and not text[:i].strip() and not text[end:].strip():
            pass  # （二） alone: an item whose title is on the next line (added after the markers were kept)
        elif not after or not (en._CJK.match(after) or after[0] in "“‘《【〔「『"
                               or (after[0].isdigit() and (chinese_marker or en._YEAR.match(after)))):
            continue
        if fam != "shi" and fam != "cn" and end < len(text) and text[end] in en._REFERENCE_NEXT:
            continue
        v = en._number(fam, m.group(fam))
        if v is None:
            continue
        if fam == "cn" and ((heading and i <= len(text) - len(text.lstrip(" \t\u3000*#>_")))
                            or en._section_title_at(text, end)):
            out.append((None, i))
            continue
        if starts_with_table_label(text[i:i + 80]):
            continue
        if fam == "car" and i > 0 and text[i - 1] in "（(":
            continue
        out.append((en.EnumItem(Span(piece, i, end), fam, v, text[i:end]), i))
    return out


_MARKS = ["一是", "二是", "三是", "一、", "二、", "十、", "（一）", "（二）", "(三)", "（1）", "(2)", "1.", "2．", "3、", "1）", "2)",
          "①", "②", "第", "项", "。", "；", "，", " ", "\n", "　", "工作", "本年新收", "主动公开政府信息情况", "总体情况", "总计",
          "其他", "属于国家秘密", "2024年", "1.5", "Art", "“", "《"]


def test_enumeration_items_kept() -> None:
    """enumeration._items, fresh and kept, gives the items the function as written before made in the same piece
    (random texts of markers, titles and row labels; the generated reports' pieces), and analyse the same runs."""
    from disclosure_lint.report import enumeration as en
    from disclosure_lint.report.writing import Piece

    memo.forget()
    rng = random.Random(93)
    texts = ["".join(rng.choice(_MARKS) for _ in range(rng.randrange(0, 16))) for _ in range(20_000)]
    texts += _generated_blocks()
    block = AnnualReport(markdown.parse("x")).blocks[0]
    found = 0
    for rounds in range(2):
        for text in texts:
            for heading in (False, True):
                piece = Piece(block, text, 0)
                got = en._items(piece, heading)
                assert got == _items_before(piece, heading), (text, heading)
                assert all(item is None or item.span.piece is piece for item, _ in got)
                found += len(got)
        assert rounds or en._ITEMS
    assert found > 20_000
    reports = [text for _name, text in generated(20, seed=29)]
    memo.forget()
    kept = [AnnualReport(markdown.parse(t)).enumerations for t in reports]
    again = [AnnualReport(markdown.parse(t)).enumerations for t in reports]
    fresh = []
    for t in reports:
        memo.forget()
        fresh.append(AnnualReport(markdown.parse(t)).enumerations)
    assert any(fresh)

    def shape(runs):
        return [(r.family, [(i.block.index, i.span.start, i.span.end, i.value, i.marker) for i in r.items],
                 [(b.item.span.start, b.expected, b.kind) for b in r.breaks]) for r in runs]

    assert [shape(r) for r in fresh] == [shape(r) for r in kept] == [shape(r) for r in again]


def test_pieces_with_markers_kept() -> None:
    """enumeration._with_markers, with none, some or all of the pieces' answers kept, gives the pieces the one scan of
    all their texts joined gave before (random lists of random texts, and the generated reports' pieces)."""
    from bisect import bisect_right

    from disclosure_lint.report import enumeration as en
    from disclosure_lint.report.writing import Piece

    def before(pieces: list) -> set[int]:
        starts, pos = [], 1
        for p in pieces:
            starts.append(pos)
            pos += len(p.text) + 1
        joined = "\n" + "\n".join(p.text for p in pieces)
        return {bisect_right(starts, m.start() + 1) - 1 for m in en._AFTER_BEFORE.finditer(joined)}

    memo.forget()
    rng = random.Random(94)
    block = AnnualReport(markdown.parse("x")).blocks[0]
    pool = ["".join(rng.choice(_MARKS) for _ in range(rng.randrange(0, 10))) for _ in range(3_000)]
    marked = 0
    for _ in range(3_000):
        pieces = [Piece(block, rng.choice(pool), 0) for _ in range(rng.randrange(0, 12))]
        want = before(pieces)
        assert en._with_markers(pieces) == want
        assert en._with_markers(pieces) == want  # every answer kept
        marked += len(want)
    assert marked > 3_000 and en._MARKED
    for _name, text in generated(10, seed=39):
        pieces = AnnualReport(markdown.parse(text)).prose_pieces
        memo.forget()
        assert en._with_markers(pieces) == before(pieces) == en._with_markers(pieces)
