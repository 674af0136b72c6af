"""Row labels of the statistics tables written with characters missing, added or wrong.

The extractor maps a row label to its canonical row even when the label is garbled (by the
label's place in the table and its numbered parts), and keeps the label as written
(``StatTable.row_labels``).  A label that is neither the official label nor an accepted alias
(:mod:`.schema`), and differs from the nearest of them by one to three characters inside the label,
is a slip of the report (a real example: ``2.其他法律行政止公开`` for ``2.其他法律行政法规禁止公开``).

Not reported: a label that is the official one cut short at its end (``6.属于四类过程性信``: an
excerpt cut off, or a cell whose last line the tool could not read — never blame the report for
that), a label that holds the whole official label with text before or after it (local notes), labels of fewer than four characters, and
labels farther than three characters from every official form (local wording, not a slip; the
table rules say whether such a row could be read).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from ...model import Block, Cell
from .model import StatTable
from .schema import norm, strip_number

MAX_EDIT = 3  # characters inserted, deleted or replaced inside the label
MIN_LEN = 4


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class LabelTypo:
    """A row label written with a typo, and the official label it stands for."""

    table: str  # s2 | s3 | s4
    row: str  # canonical row id
    written: str  # the label as written
    official: str  # the official label it stands for
    edits: int  # characters that differ
    block: Block | None  # where the label is written
    cell: Cell | None = None  # the label's grid cell (None in flattened text)
    start: int | None = None  # offsets of the label in ``block.text`` (flattened text)
    end: int | None = None


def _edits(a: str, b: str) -> int:
    """Characters inserted, deleted or replaced between ``a`` and ``b``."""
    sm = SequenceMatcher(None, a, b, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal")


@lru_cache(maxsize=4096)
def _slip_of(written: str, forms: tuple[str, ...]) -> tuple[str, int] | None:
    return _slip(written, forms)


def _slip(written: str, forms: Sequence[str]) -> tuple[str, int] | None:
    """The official form ``written`` is a slip of, with the number of characters that differ."""
    w = norm(strip_number(written))
    if len(w) < MIN_LEN:
        return None
    best: tuple[str, int] | None = None
    for form in forms:
        f = norm(strip_number(form))
        if w == f or norm(written) == norm(form):
            return None  # an accepted form
        if f.startswith(w) or f in w:
            continue  # cut short at the end (an excerpt, a lost line), or whole with a note before or after
        if abs(len(f) - len(w)) > MAX_EDIT:
            continue
        n = _edits(f, w)
        if n > MAX_EDIT or n * 4 > len(f):
            continue
        if best is None or n < best[1]:
            best = (form, n)
    return best


def _place(table: StatTable, row: str, written: str) -> tuple[Block | None, Cell | None, int | None, int | None]:
    """Where the label is written: its grid cell (in the row of one of its values), or its offsets."""
    cells = [c for c in table.cells.values() if c.row == row] + [c for c in table.loose if c.row == row]
    for sc in cells:
        b = sc.block
        if b is None:
            continue
        if sc.cell is not None and b.table is not None and sc.cell.row < len(b.table.rows):
            for c in b.table.rows[sc.cell.row].cells:
                if written.strip() and written.strip() in c.text:
                    return b, c, None, None
        k = b.text.find(written.strip())
        if k >= 0:
            return b, None, k, k + len(written.strip())
    for b in table.blocks:
        k = b.text.find(written.strip())
        if k >= 0:
            return b, None, k, k + len(written.strip())
    return (table.blocks[0] if table.blocks else None), None, None, None


def find_label_typos(stats: dict[str, StatTable]) -> list[LabelTypo]:
    out: list[LabelTypo] = []
    for tid, table in stats.items():
        specs = table.schema.row_by_id
        for row, written in table.row_labels.items():
            spec = specs.get(row)
            if spec is None or not written:
                continue
            forms = (spec.label, *spec.aliases)
            # the same labels in report after report: their answer memoised (labels, not long texts)
            slip = _slip_of(written, forms) if len(written) <= 200 else _slip(written, forms)
            if slip is None:
                continue
            block, cell, start, end = _place(table, row, written)
            out.append(LabelTypo(tid, row, written, spec.label, slip[1], block, cell, start, end))
    return out
