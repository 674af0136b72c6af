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
    long = "本年新收申请5件。" * 300  # longer than _BLOCK_MAX: worked out, not kept
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
