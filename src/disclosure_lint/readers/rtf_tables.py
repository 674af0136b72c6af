"""Tables of an RTF file, for the RTF reader: a row's definition and a paragraph's properties.

A row is defined by ``\\trowd`` (a new definition), ``\\trleft`` (its left edge), for each cell its merges
(``\\clmgf``/``\\clmrg`` across, ``\\clvmgf``/``\\clvmrg`` down) then ``\\cellxN`` (its right edge, twips), and
``\\trhdr`` (a header row).  The definition in force at a row's end (``\\row``; ``\\nestrow`` for a nested table's, in
``{\\*\\nesttableprops …}``) is given to that row's end (:class:`Props`), as the .doc reader gives a row-end mark's
``sprmTDefTable``: its edges and merges in the flags :func:`.doc_tables.grid_of` reads (horizontal 1 first, 2 merged;
vertical 3 first, 1 merged).  The edges kept are bounded (:data:`.doc_tables.MAX_GRID_COLS`).
"""

from __future__ import annotations

from .doc_tables import MAX_GRID_COLS


class RowDef:
    """A table row's definition (``\\trowd`` … ``\\cellx``): its left edge, its cells' right edges and merges."""

    __slots__ = ("cell_merge", "cellx", "header", "merges", "trleft")

    def __init__(self) -> None:
        self.trleft = 0
        self.cellx: list[int] = []
        self.merges: dict[int, tuple[int, int]] = {}  # cell → (horizontal, vertical) as doc_tables.grid_of reads them
        self.cell_merge = (0, 0)  # the merge of the cell being defined
        self.header = False

    def word(self, word: str, param: int | None) -> None:
        if word == "trowd":
            self.trleft, self.cellx, self.merges, self.cell_merge, self.header = 0, [], {}, (0, 0), False
        elif word == "cellx" and param is not None:
            if len(self.cellx) <= MAX_GRID_COLS:  # (more edges: the cells are placed one a column)
                if self.cell_merge != (0, 0):
                    self.merges[len(self.cellx)] = self.cell_merge
                self.cellx.append(param)
            self.cell_merge = (0, 0)
        elif word == "trleft" and param is not None:
            self.trleft = param
        elif word == "clmgf":
            self.cell_merge = (1, self.cell_merge[1])
        elif word == "clmrg":
            self.cell_merge = (2, self.cell_merge[1])
        elif word == "clvmgf":
            self.cell_merge = (self.cell_merge[0], 3)
        elif word == "clvmrg":
            self.cell_merge = (self.cell_merge[0], 1)
        elif word == "trhdr":
            self.header = True

    def give(self, p: Props) -> None:
        """Its edges, merges and header flag to the properties of the row's end ``p``."""
        p.header, p.merges = self.header, dict(self.merges)
        p.edges = (self.trleft, *self.cellx) if self.cellx else ()


class Props:
    """A paragraph's properties as the block builder reads them (those of the .doc reader's paragraphs)."""

    __slots__ = ("edges", "header", "ilfo", "ilvl", "in_table", "inner_cell", "inner_ttp", "istd", "itap", "merges",
                 "outline", "ttp")

    def __init__(self, itap: int = 0, istd: int | None = None, outline: int | None = None) -> None:
        self.in_table = itap > 0
        self.itap = itap
        self.ttp = self.inner_cell = self.inner_ttp = self.header = False
        self.ilfo: int | None = None
        self.ilvl: int | None = None
        self.istd = istd
        self.outline = outline
        self.edges: tuple[int, ...] = ()
        self.merges: dict[int, tuple[int, int]] = {}

    def depth(self) -> int:
        return max(self.itap, 1) if self.in_table else 0


PLAIN = Props()
