"""The cells of a flattened table's row (:mod:`.flat`): a row's digits run together split into its numbers (when one
split fits, or, for :mod:`.settle`, the few that do), and the empty cells at a row's ends that are not cells."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import runs as flatline
from . import settle

if TYPE_CHECKING:  # pragma: no cover
    from .flat import Tok


def split_tok(t: Tok, groups: int, size: int, identity: bool = True) -> list[Tok] | None:
    """The numbers of a row whose cells were run together into one token of digits, when certain (see
    :func:`.runs.split_run`; without ``identity``: one digit per cell, for a run exactly that long)."""
    if t.whole or not t.text.isdigit():
        return None  # a cell of its own (281 between runs of spaces) is one number, not 2 8 1
    if identity:
        spans = flatline.split_run(t.text, groups, size)
    else:
        spans = [(i, i + 1) for i in range(len(t.text))] if len(t.text) == groups * size else None
    if spans is None:
        return None
    return [type(t)(t.text[a:z], t.block, t.start + a) for a, z in spans]


def split_toks(vals: list[Tok], groups: int, size: int) -> list[Tok] | None:
    """The numbers of a row whose cells were run together into a few tokens of digits, the page's spaces left at some of
    the cells' ends only (``200 000121``): split as one run whose numbers end at the spaces, when certain."""
    if any(v.whole or not v.text.isdigit() for v in vals):
        return None
    got = flatline.split_pieces([v.text for v in vals], groups, size)
    return _tokens(vals, got[0]) if len(got) == 1 else None


def splits(vals: list[Tok], groups: int, size: int) -> list[list[Tok]]:
    """Every split of such a row (one token, or a few with the page's spaces at some cells' ends) when one to
    :data:`.settle.MAX_CHOICES` fit: one is certain; two or more (270020130: 27 0 0 2 0 1 30 and 2 7 0 0 20 1 30) are
    for :mod:`.settle` to pick one by the table's columns; [] when none or more fit.  One search for both."""
    if any(v.whole or not v.text.isdigit() for v in vals):
        return []  # (a cell of its own, 281 between runs of spaces, is one number, not 2 8 1)
    return [_tokens(vals, s) for s in flatline.split_pieces([v.text for v in vals], groups, size, settle.MAX_CHOICES)]


def _tokens(vals: list[Tok], split: list[tuple[int, int, int]]) -> list[Tok]:
    """The tokens of ``split`` (``(token, start, end)`` of each number in the token it lies in)."""
    return [type(vals[j])(vals[j].text[a:z], vals[j].block, vals[j].start + a) for j, a, z in split]


def end_dropped(vals: list[Tok], cells: int) -> list[Tok]:
    """A row's values without the empty cells after the row's last (``cells``): a crawler's row end written as a lone
    "|", read as an empty cell (规章 | 0 | 0 | 0 | then |), or the lines of pipes a page leaves after its table's last
    row (行政事业性收费 | 0.092 | then ||| | | | |)."""
    return vals[:cells] if len(vals) > cells and not any(v.text for v in vals[cells:]) else vals


def label_end_dropped(lab: Tok, vals: list[Tok], cells: int) -> list[Tok]:
    """A row's values without the empty cell first read from the lone "|" on the line right after its label, when
    that makes one cell too many and every other cell has a value: the label's own end, which the page broke onto
    the next line (行政规范性文件 / | / 0 | / 0 | / 0 |), not an empty cell (a row of empty cells keeps it:
    一、本年新收… / | / | / … / 0 |)."""
    if len(vals) != cells + 1 or vals[0].text or not all(v.text for v in vals[1:]):
        return vals
    first, end = vals[0], lab.start + len(lab.text)
    if first.block is lab.block:  # (lines of one paragraph)
        between = lab.block.text[end:first.start] if first.start >= end else "x"
        return vals[1:] if not between.strip() and between.count("\n") == 1 else vals
    # (a line a block, as the text reader reads them: the label ends its block, the pipe begins the next one)
    adjacent = (first.block.index == lab.block.index + 1 and not lab.block.text[end:].strip()
                and not first.block.text[:first.start].strip())
    return vals[1:] if adjacent else vals
