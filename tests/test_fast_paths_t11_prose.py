"""The prose facts' fast paths of round 11, against what they replace: the doubled marks, characters, words (and
clauses) of the prose kept by each piece's text (writing._PIECE_MATCHES), the tables' cells known to hold none
(writing._PLAIN_CELLS), and the enumerations' lines asked for only when a run is out of step."""

from __future__ import annotations

import random

from disclosure_lint import memo
from disclosure_lint.readers import markdown
from disclosure_lint.report import enumeration, writing
from disclosure_lint.report.annual import AnnualReport

from .benchgen import generated
from .test_fast_paths_t6_text import _random_texts, _reports


def _doubles(report: AnnualReport) -> list[tuple]:
    return [(d.span.block.index, d.span.piece.base, d.span.piece.cell is not None and d.span.piece.cell.col,
             d.span.start, d.span.end, d.span.text, d.unit, d.kind, d.certain) for d in writing.find_doubles(report)]


def _slipped_sources(n: int, seed: int) -> list[str]:
    """Generated reports with doubles put in at random: in the prose and in the tables' cells."""
    rnd = random.Random(seed)
    out = []
    for _name, text in generated(n, seed=seed):
        lines = text.split("\n")
        for _ in range(12):
            k = rnd.randrange(len(lines))
            if not lines[k] or lines[k].startswith("#"):
                continue
            at = rnd.randint(0, len(lines[k]))
            piece = rnd.choice(["，，", "。。", "、、", ";;", ",,", "的的", "了了", "在在", "公开公开", "落实落实", "而，", "。。。"])
            lines[k] = lines[k][:at] + piece + lines[k][at:]
        out.append("\n".join(lines))
    return out


def test_prose_matches_as_the_joined_prose_searched():
    """_prose_matches finds, from each piece's matches (kept or not, the memo emptied at random), what _matches finds
    in the pieces' texts joined by newlines."""
    rnd = random.Random(111)
    texts = _random_texts(3000, seed=112)
    memo.forget()
    found = 0
    for _ in range(400):
        some = rnd.sample(texts, rnd.randint(0, 12)) + rnd.sample(texts[:40], rnd.randint(0, 4))  # (some recur)
        starts, pos = [], 0
        for t in some:
            starts.append(pos)
            pos += len(t) + 1
        if rnd.random() < 0.1:
            writing._PIECE_MATCHES.clear()
        want = (*writing._matches("\n".join(some)), writing._clause_spans("\n".join(some)))
        assert writing._prose_matches(some, starts) == want
        assert writing._prose_matches(some, starts) == want  # (every text kept now)
        found += sum(map(len, want))
    assert found > 1000


def test_find_doubles_as_with_nothing_kept(monkeypatch):
    """find_doubles with the pieces' matches and the plain cells kept from report to report finds what it finds with
    the joined prose and every table searched afresh (the round-6 paths)."""
    reports = [AnnualReport(markdown.parse(s)) for s in _slipped_sources(16, seed=113)] + _reports()
    memo.forget()
    new = [_doubles(r) for r in reports]
    again = [_doubles(AnnualReport(r.source)) for r in reports]  # (what the first pass kept, read back)
    monkeypatch.setattr(writing, "_prose_matches", lambda texts, starts: (*writing._matches(j := "\n".join(texts)),
                                                                           writing._clause_spans(j)))
    monkeypatch.setattr(writing, "_PLAIN_CELLS", _KeptNothing())
    old = [_doubles(AnnualReport(r.source)) for r in reports]
    assert new == old and again == old
    kinds = [d[7] for got in new for d in got]
    assert kinds.count("mark") > 10 and kinds.count("char") > 10 and kinds.count("word") > 10
    assert any(d[2] is not False for got in new for d in got)  # some found in a table cell


class _KeptNothing(dict):
    """A memo that keeps nothing."""

    def keep(self, key, value):
        return value


def test_enumeration_breaks_as_with_the_lines_always_read():
    """analyse gives every run the breaks it gave when the lines whose marker lost a part were read for every report,
    and runs in step have none."""
    rnd = random.Random(116)
    sources = []
    for _name, text in generated(24, seed=116):
        lines = text.split("\n")
        for _ in range(16):  # numbers slipped, markers lost
            k = rnd.randrange(len(lines))
            lines[k] = rnd.choice(["二是", "四是", "（三）", "（五）", "3.", "5、", ")", "2", "三"]) + lines[k]
        sources.append("\n".join(lines))
    reports = [AnnualReport(markdown.parse(s)) for s in sources]

    def runs(rep: AnnualReport) -> list[tuple]:
        return [(r.family, [(i.value, i.marker) for i in r.items],
                 [(b.item.value, b.expected, b.previous_value, [m for _, m in b.follow]) for b in r.breaks])
                for r in enumeration.analyse(rep)]

    new = [runs(r) for r in reports]
    old = []
    for r in reports:
        rep = AnnualReport(r.source)
        got = enumeration.analyse(rep)
        lost = [b.index for b in rep.text_blocks if enumeration._LOST_OPENER.match(b.text)]
        bare = [(b.index, int(m.group(1))) for b in rep.text_blocks if (m := enumeration._BARE_NUMBER.match(b.text))]
        bare_shi = [(b.index, enumeration._CN_POINT.index(m.group(1)) + 2) for b in rep.text_blocks
                    if (m := enumeration._BARE_POINT.match(b.text))]
        for run in got:
            run.breaks = enumeration.breaks(run.items, lost, bare, bare_shi)
        old.append([(x.family, [(i.value, i.marker) for i in x.items],
                     [(b.item.value, b.expected, b.previous_value, [m for _, m in b.follow]) for b in x.breaks])
                    for x in got])
    assert new == old
    assert sum(len(b) for got in new for _f, _i, b in got) > 5
