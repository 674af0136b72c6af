"""``disclosure-lint annotate report.docx``: a copy of a report with every finding as a Word comment (批注) and
every safe fix as a tracked change (修订).

Each finding of ``check`` becomes one comment, authored ``disclosure-lint``, anchored on the exact characters
it is about: the runs are split where the finding starts or ends inside one (each part keeps the run's
formatting) and the comment range covers exactly those runs, in a paragraph or in a table cell.  A statistics
finding sits on its table cell (``表5第25行第4列``: its number, or the whole cell when it is empty), a finding
without characters on its paragraph (``第12段``); one that cannot be placed on the first paragraph, saying where
it applies.  The comment says what, why (the rule's basis), the expected and
actual values and the fix.  Every safe fix (those ``check --fix`` applies) becomes a tracked change —
``w:del`` of the old characters and ``w:ins`` of the new ones, authored ``disclosure-lint`` — that the clerk
accepts or rejects in Word, WPS or LibreOffice; an unsafe fix is only described in its comment.

Word has no lines, so the characters of a finding are found by checking the document a second time with each
block and each table cell anchored on a line of its own (:func:`anchored`: block N on line N, column = offset +
1) and pairing the findings of the two runs by rule and fingerprint; the comments keep the messages of the ordinary check.  A Markdown, text or web-page
report is rendered as a Word document (:mod:`.annotate_render`) and its findings are placed by their source
line and column.  The characters are matched to the Word paragraphs as the Word reader reads them
(:mod:`.annotate_runs`); where they do not match, the comment covers the whole paragraph.

The original is never written: the copy is written as every output of the tool is (:func:`.output.write_to`):
to a temporary file in the target's directory, then :func:`os.replace`; a symbolic link is kept and the file it
points to replaced.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from . import fixer
from .annotate_render import RENDERED_KINDS, CellKey, SourcePlaces, render, xml_safe
from .annotate_runs import (
    Revisions,
    body_paragraphs,
    boundary,
    clean,
    clean_offsets,
    editable,
    numbered_offsets,
    read_chars,
    runs_between,
)
from .api import Checker
from .diagnostics import Diagnostic
from .errors import ConfigError, DisclosureLintError
from .fixspan import source_index
from .model import Anchor, Block, Document, Table
from .output import OutputRefused, describe, write_to
from .readers import read_bytes
from .readers.docx import MAX_DEPTH as FRAME_DEPTH
from .readers.docx import frame_cells
from .report import interpret
from .reporters.evidence import expected_actual

AUTHOR = "disclosure-lint"
INITIALS = "DL"
SOURCE_EXTENSIONS = frozenset({".md", ".markdown", ".txt", ".html", ".htm", ".doc", ".rtf", ".odt"})

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _SDT, _SDT_CONTENT = f"{_W}p", f"{_W}tbl", f"{_W}sdt", f"{_W}sdtContent"
_PARA = re.compile(r"第(\d+)段$")
_AFTER = re.compile(r"第(\d+)段后的图片$")  # a picture standing alone (readers.docx): noted at the paragraph before it
_CELL = re.compile(r"(?:表|第)(\d+)(?:个表格)?第(\d+)行第(\d+)列")  # 表5第4行第4列, 第5个表格第4行第4列
_TABLE = re.compile(r"表(\d+)$")
_SCAN = 200  # paragraphs looked ahead for a block's text


def default_output(path: Path) -> Path:
    return path.with_name(f"{path.stem}.审阅.docx")


# -- where a finding is ---------------------------------------------------------------------------------

Where = tuple[int | CellKey, int]  # block index (or table cell), offset in its text


@dataclass
class Place:
    """Where one finding goes: its characters (``start``…``end``), else a table cell (table number from 1, grid
    row and column from 0), else a block; and its safe fix as block spans, when it has one that can be placed."""

    start: Where | None = None
    end: Where | None = None
    cell: tuple[int, int, int] | None = None
    block: int | None = None
    edits: list[tuple[Where, Where, str]] | None = None


def _cell_of(pointer: str | None) -> tuple[int, int, int] | None:
    m = _CELL.search(pointer or "")
    return (int(m.group(1)), int(m.group(2)) - 1, int(m.group(3)) - 1) if m else None


@dataclass
class Anchored:
    """A Word report with every text block on a line of its own (block N from 1 on line N, column 1 for its
    first character), and every cell of a table with text on a line of its own after them (``cells``: line →
    cell); ``texts``: the text on each line."""

    doc: Document
    cells: dict[int, CellKey]
    texts: dict[int, str]

    @property
    def cell_texts(self) -> dict[CellKey, str]:
        return {key: self.texts[line] for line, key in self.cells.items()}


def anchored(doc: Document) -> Anchored:
    cells: dict[int, CellKey] = {}
    texts: dict[int, str] = {}
    line = len(doc.blocks)
    tno = 0
    blocks = []
    for b in doc.blocks:
        if b.kind != "table":
            blocks.append(dataclasses.replace(b, anchors=(Anchor(0, b.index + 1, 1),)))
            texts[b.index + 1] = b.text
            continue
        if b.table is None or not any(c.text.strip() for c in b.table.cells()):
            blocks.append(b)
            continue
        tno += 1
        rows, anchors, offset = [], [], 0
        for r in b.table.rows:
            new = []
            for c in r.cells:
                line += 1
                cells[line], texts[line] = (tno, c.row, c.col), c.text
                anchors.append(Anchor(offset, line, 1))
                new.append(dataclasses.replace(c, anchors=(Anchor(0, line, 1),)))
                offset += len(c.text) + 1  # the tab or line end after it
            rows.append(dataclasses.replace(r, cells=tuple(new)))
        table = Table(rows=tuple(rows))
        same = b.text == "\n".join("\t".join(c.text for c in r.cells) for r in rows)
        blocks.append(dataclasses.replace(b, table=table, anchors=tuple(anchors) if same else ()))
    return Anchored(dataclasses.replace(doc, blocks=tuple(blocks)), cells, texts)


def docx_places(doc: Document, diagnostics: Sequence[Diagnostic], positioned: Sequence[Diagnostic],
                lines: Anchored, safe: Callable[[Diagnostic], bool]) -> list[Place]:
    """The places of a Word report's findings: ``positioned`` are the findings of the ``lines`` copy of ``doc``."""
    by_print = {(d.code, d.fingerprint): d for d in positioned}
    by_pointer = {b.pointer: b.index for b in doc.blocks if b.pointer and b.kind != "table"}
    n = len(doc.blocks)

    def where(line: int | None, column: int | None) -> Where | None:
        if line is None or column is None:
            return None
        if 1 <= line <= n:
            return line - 1, column - 1
        return (lines.cells[line], column - 1) if line in lines.cells else None

    out = []
    for d in diagnostics:
        place = Place(cell=_cell_of(d.pointer))
        last = (d.pointer or "").split(" › ")[-1].strip()
        place.block = by_pointer.get(last)
        a = by_print.get((d.code, d.fingerprint))
        if a is not None:
            place.start, place.end = where(a.line, a.column), where(a.end_line, a.end_column)
            if place.start is not None and isinstance(place.start[0], tuple):
                place.cell = place.start[0]
            if a.fix is not None and safe(a):
                edits = [(where(e.line, e.column), where(e.end_line, e.end_column), e.replacement)
                         for e in a.fix.edits]
                if edits and all(s is not None and t is not None for s, t, _ in edits):
                    place.edits = edits  # type: ignore[assignment]
        out.append(place)
    return out


def source_places(sp: SourcePlaces, diagnostics: Sequence[Diagnostic],
                  safe: Callable[[Diagnostic], bool]) -> list[Place]:
    """The places of the findings of a report with lines, on its rendering (:func:`annotate_render.render`)."""
    out = []
    for d in diagnostics:
        place = Place()
        start = sp.offset(d.line, d.column)
        if start is None and d.line is not None and d.line == d.end_line and d.column == d.end_column:
            start = sp.offset(d.line, d.column, end=True)
        if start is None:
            place.cell = sp.cell(d.line, d.column)
        else:
            place.start = start
            place.end = sp.offset(d.end_line, d.end_column, end=True, block=start[0])
            if isinstance(start[0], tuple):
                place.cell = start[0]
            else:
                place.block = start[0]
        if d.fix is not None and safe(d):
            edits = []
            for e in d.fix.edits:
                a = sp.offset(e.line, e.column, end=(e.line, e.column) == (e.end_line, e.end_column))
                b = sp.offset(e.end_line, e.end_column, end=True, block=a[0] if a else None)
                if a is None or b is None:
                    break
                edits.append((a, b, e.replacement))
            else:
                place.edits = edits or None
        out.append(place)
    return out


# -- the Word document ----------------------------------------------------------------------------------------

def _blocks(container, depth: int = 0):
    """Body paragraphs and tables in order, as the reader reads them: through content controls and layout frames."""
    for ch in container.iterchildren():
        if ch.tag == _TBL and depth < FRAME_DEPTH:  # frames are followed as deep as the reader follows them
            cells = frame_cells(ch)
            if cells is not None:
                for tc in cells:
                    yield from _blocks(tc, depth + 1)
                continue
        if ch.tag in (_P, _TBL):
            yield ch
        elif ch.tag == _SDT and depth < 20:
            content = ch.find(_SDT_CONTENT)
            if content is not None:
                yield from _blocks(content, depth + 1)


@dataclass
class _Places:
    paragraphs: dict[int, object]  # 第N段 → the python-docx Paragraph
    tables: list  # docx Table objects with text (表N = tables[N-1])
    first: object | None  # the first paragraph with text
    exact: dict[int, tuple[object, list[int]]] = field(default_factory=dict)  # block → (w:p, raw offsets)


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _places(document, reader_paragraphs: dict[int, str]) -> _Places:
    """Where 第N段 and 表N are: the reader's paragraph N is matched, in order, to the body paragraph with
    the same text; one the text does not find (a symbol font, a tracked change) is the N-th body paragraph
    with text, as the reader counts."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    every: list = []
    counted: list = []
    tables: list = []
    for el in _blocks(document.element.body):
        if el.tag == _P:
            p = Paragraph(el, document)
            every.append(p)
            if _key(clean(read_chars(el)[0])):
                counted.append(p)
        else:
            t = Table(el, document)
            if any(c.text.strip() for row in t.rows for c in row.cells):
                tables.append(t)
    paras: dict[int, object] = {n: counted[n - 1] for n in range(1, len(counted) + 1)}
    keys: dict[int, str] = {}
    cursor = 0
    for n in sorted(reader_paragraphs):
        want = _key(reader_paragraphs[n])
        for j in range(cursor, min(len(every), cursor + _SCAN)):  # a bounded look-ahead: never quadratic
            if j not in keys:
                keys[j] = _key(read_chars(every[j]._p)[0])
            if keys[j] == want:
                paras[n] = every[j]
                cursor = j + 1
                break
    return _Places(paras, tables, counted[0] if counted else None)


def _exact(document, blocks: Sequence[Block]) -> dict[int, tuple[object, list[int]]]:
    """Block index → (the ``w:p`` whose text is the block's, the block's characters as offsets in it)."""
    paragraphs = list(body_paragraphs(document.element.body))
    texts: dict[int, str] = {}
    out: dict[int, tuple[object, list[int]]] = {}
    cursor = 0
    for b in blocks:
        if b.kind == "table" or not b.text:
            continue
        for j in range(cursor, min(len(paragraphs), cursor + _SCAN)):
            if j not in texts:
                texts[j] = read_chars(paragraphs[j])[0]
            want = xml_safe(b.text)
            same = clean(texts[j]) == want
            offsets = clean_offsets(texts[j], want) if same else numbered_offsets(paragraphs[j], texts[j], want)
            if same or offsets is not None:
                if offsets is not None:
                    out[b.index] = (paragraphs[j], offsets)
                    cursor = j + 1
                break
    return out


def _target(places: _Places, pointer: str | None):
    """The paragraph (or cell) the pointer names, or None when it names none of this file's."""
    if not pointer:
        return None
    cell = _cell_of(pointer)
    if cell:
        return _cell(places, cell)
    last = pointer.split(" › ")[-1].strip()
    para = _PARA.fullmatch(last) or _AFTER.fullmatch(last)
    if para:
        return places.paragraphs.get(int(para.group(1)))
    table = _TABLE.search(last)
    if table:
        n = int(table.group(1))
        return places.tables[n - 1].cell(0, 0) if 1 <= n <= len(places.tables) else None
    return None


def _cell(places: _Places, cell: tuple[int, int, int]):
    tno, row, col = cell
    if 1 <= tno <= len(places.tables):
        try:
            return places.tables[tno - 1].cell(row, col)
        except IndexError:
            return None
    return None


def _runs(target):
    """The runs to anchor on: a paragraph's runs, or all runs of a cell; an empty run is added where none."""
    paragraphs = target.paragraphs if hasattr(target, "paragraphs") else [target]
    runs = [r for p in paragraphs for r in p.runs]
    if not runs:
        runs = [paragraphs[0].add_run("")]
    return [runs[0], runs[-1]]


# -- comment text ---------------------------------------------------------------------------------------------

def _basis_text(basis: str | None) -> str | None:
    if not basis:
        return None
    text = " ".join(line.strip().lstrip("-*> ").strip() for line in basis.splitlines() if line.strip())
    text = re.sub(r"[`*_]", "", text)
    return text if len(text) <= 300 else text[:299] + "…"


def comment_text(d: Diagnostic, basis: str | None, where: str | None = None, tracked: bool = False) -> str:
    lines = [f"[{d.code}] {d.message}"]
    if where:
        lines.append(f"位置：{where}")
    expected, actual = expected_actual(d.evidence)
    lines += ([f"应为：{expected}"] if expected is not None else []) + ([f"实为：{actual}"] if actual is not None else [])
    if d.fix is not None:
        if tracked:
            lines.append(f"修订：{d.fix.description}（已作为修订标出，可接受或拒绝）")
        elif d.fix.applicability == "safe":
            lines.append(f"建议：{d.fix.description}（此处未能标出修订，请手工修改）")
        else:
            lines.append(f"建议：{d.fix.description}（需人工判断，未自动修改）")
    b = _basis_text(basis)
    if b:
        lines.append(f"依据：{b}")
    return xml_safe("\n".join(lines))


# -- annotating -----------------------------------------------------------------------------------------------

@dataclass
class Outcome:
    comments: int = 0
    unplaced: int = 0
    exact: int = 0  # comments on the finding's own characters
    revisions: int = 0  # safe fixes written as tracked changes


RawSpan = tuple[object, int, object, int]  # w:p, raw start, w:p, raw end


def _raw(exact: dict, w: Where | None, end: bool) -> tuple[object, int] | None:
    if w is None or w[0] not in exact:
        return None
    p, offs = exact[w[0]]
    o = w[1]
    if not offs or not 0 <= o <= len(offs):
        return None
    at = (o - 1 if o > 0 else 0) if end else min(o, len(offs) - 1)
    if offs[at] < 0:
        return None  # a number Word draws: no run holds it (offset -1)
    if end:
        return p, offs[o - 1] + 1 if o > 0 else offs[0]
    return p, offs[o] if o < len(offs) else offs[-1] + 1


def _comment_span(exact, place: Place) -> RawSpan | None:
    a, b = _raw(exact, place.start, False), _raw(exact, place.end or place.start, True)
    if a is None or b is None:
        return None
    (p, s), (q, e) = a, b
    if p is q and e <= s:  # no characters: the one after (or before) the place
        n = len(read_chars(p)[0])
        if n == 0:
            return None
        s, e = (s, s + 1) if s < n else (n - 1, n)
    return p, s, q, e


def _fix_spans(exact, place: Place) -> list[tuple[object, int, int, str]] | None:
    out = []
    for a, b, repl in place.edits or ():
        x, y = _raw(exact, a, a == b), _raw(exact, b, True)
        if x is None or y is None or x[0] is not y[0] or y[1] < x[1]:
            return None
        out.append((x[0], x[1], y[1], xml_safe(repl)))
    return out or None


def annotate(document, diagnostics: list[Diagnostic], bases: dict[str, str],
             reader_paragraphs: dict[int, str] | None = None) -> int:
    """Add one comment per diagnostic to a python-docx document, on its paragraph or cell; return how many
    could not be placed."""
    return annotate_document(document, diagnostics, bases, reader_paragraphs).unplaced


def _exact_cells(whole: _Places, cell_texts: dict[CellKey, str], places: Sequence[Place]) -> dict:
    """Table cell → (its one paragraph whose text is the cell's, the cell's characters as offsets in it), for
    the cells the places name."""
    keys = {w[0] for pl in places for w in (pl.start, pl.end) if w is not None and isinstance(w[0], tuple)}
    keys |= {w[0] for pl in places for a, b, _ in pl.edits or () for w in (a, b) if isinstance(w[0], tuple)}
    out = {}
    for key in keys:
        cell = _cell(whole, key) if key in cell_texts else None
        if cell is None:
            continue
        want = xml_safe(cell_texts[key])
        texts = [(p._p, read_chars(p._p)[0]) for p in cell.paragraphs]
        texts = [(p, raw) for p, raw in texts if clean(raw)]
        if len(texts) == 1 and clean(texts[0][1]) == want:
            offsets = clean_offsets(texts[0][1], want)
            if offsets is not None:
                out[key] = (texts[0][0], offsets)
    return out


def annotate_document(document, diagnostics: list[Diagnostic], bases: dict[str, str],
                      reader_paragraphs: dict[int, str] | None = None, blocks: Sequence[Block] = (),
                      places: Sequence[Place] | None = None, date: str | None = None,
                      cell_texts: dict[CellKey, str] | None = None) -> Outcome:
    """One comment per diagnostic, on its characters where ``places`` (one per diagnostic, in ``blocks`` or in
    the table cells whose texts ``cell_texts`` gives) say and the document has them; the places' safe fixes that
    do not overlap as tracked changes."""
    from docx.text.paragraph import Paragraph  # python-docx: loaded with the document
    from docx.text.run import Run

    whole = _places(document, reader_paragraphs or {})
    places = list(places) if places is not None else [Place() for _ in diagnostics]
    exact: dict = _exact(document, blocks) if blocks else {}
    if cell_texts:
        exact.update(_exact_cells(whole, cell_texts, places))
    spans = [_comment_span(exact, pl) for pl in places]
    # the safe fixes, in document order, each one that overlaps none taken before it
    paragraphs = list(body_paragraphs(document.element.body))  # kept: the ids below are those of these proxies
    order = {id(p): i for i, p in enumerate(paragraphs)}
    fixes: dict[int, list[tuple[object, int, int, str]]] = {}
    found = [(k, fs) for k, pl in enumerate(places) if (fs := _fix_spans(exact, pl))]
    found.sort(key=lambda t: min((order.get(id(p), 0), a) for p, a, _, _ in t[1]))
    taken: list[tuple[object, int, int]] = []
    for k, fs in found:
        if any(p is q and (a == c or (a < d and c < b)) for p, a, b, _ in fs for q, c, d in taken):
            continue
        fixes[k] = fs
        taken.extend((p, a, b) for p, a, b, _ in fs)
    # split every run where a comment or a change starts or ends inside it (the text does not change)
    points: dict[int, tuple[object, set[int]]] = {}
    for sp in spans:
        if sp is not None:
            points.setdefault(id(sp[0]), (sp[0], set()))[1].add(sp[1])
            points.setdefault(id(sp[2]), (sp[2], set()))[1].add(sp[3])
    for fs in fixes.values():
        for p, a, b, _ in fs:
            points.setdefault(id(p), (p, set()))[1].update((a, b))
    broken: set[int] = set()
    for key, (p, offsets) in points.items():
        for x in sorted(offsets):
            if not boundary(p, x):
                broken.add(key)
    # the runs of each comment and each change, found before anything moves
    anchors: list[tuple[object, object] | None] = []
    for sp in spans:
        runs = None
        if sp is not None and id(sp[0]) not in broken and id(sp[2]) not in broken:
            p, s, q, e = sp
            if p is q:
                inside = runs_between(p, s, e)
                runs = (inside[0], inside[-1]) if inside else None
            else:
                head, tail = runs_between(p, s, len(read_chars(p)[0])), runs_between(q, 0, e)
                runs = (head[0], tail[-1]) if head and tail else None
        anchors.append(runs)
    changes: dict[int, list[tuple[list, object | None, bool, str]]] = {}
    for k, fs in fixes.items():
        planned: list[tuple[list, object | None, bool, str]] = []
        for p, a, b, repl in fs:
            if id(p) in broken:
                break
            if a < b:
                deleted = runs_between(p, a, b)
                if not deleted or not all(editable(r) for r in deleted):
                    break
                planned.append((deleted, None, False, repl))
            else:
                text, where = read_chars(p)
                piece = where[a] if a < len(text) else (where[a - 1] if a > 0 else None)
                if piece is None or not editable(piece.run):
                    break
                planned.append(([], piece.run, a < len(text), repl))
        else:
            changes[k] = planned
    outcome = Outcome()
    for k, d in enumerate(diagnostics):
        runs_pair = anchors[k]
        where_note = None
        if runs_pair is not None:
            first, last = Run(runs_pair[0], document), Run(runs_pair[1], document)  # type: ignore[arg-type]
            anchor = [first, last]
            outcome.exact += 1
        else:
            pl = places[k]
            target = _cell(whole, pl.cell) if pl.cell else None
            if target is None and pl.block is not None and pl.block in exact:
                target = Paragraph(exact[pl.block][0], document)
            if target is None:
                target = _target(whole, d.pointer)
            if target is None:
                if d.pointer is not None or d.line is not None:
                    outcome.unplaced += 1  # (a finding about the whole file is placed: on the first paragraph)
                where_note = d.pointer or "全文"
                target = whole.first if whole.first is not None else document.add_paragraph()
            anchor = _runs(target)
        document.add_comment(anchor, text=comment_text(d, bases.get(d.code), where_note, k in changes),
                             author=AUTHOR, initials=INITIALS)
        outcome.comments += 1
    revisions = Revisions(document.element, AUTHOR, date or _now())
    for change in changes.values():
        for deleted, run, before, repl in change:
            if deleted:
                revisions.replace(deleted, repl)
            else:
                revisions.insert(run, repl, before)
        outcome.revisions += 1
    return outcome


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- the command ------------------------------------------------------------------------------------------------

def _docx_safe(lines: Anchored) -> Callable[[Diagnostic], bool]:
    """A Word report's safe fixes that ``check --fix`` would apply if Word files were fixed: outside web
    addresses, table separators and tabs (:func:`fixer.protected_mask` of the paragraph's or cell's text)."""
    masks: dict[int, bytearray] = {}

    def ok(d: Diagnostic) -> bool:
        if d.fix is None or d.fix.applicability != "safe" or not d.fix.edits:
            return False
        for e in d.fix.edits:
            if e.line is None or e.column is None or e.end_column is None or e.line not in lines.texts:
                return False
            mask = masks.setdefault(e.line, fixer.protected_mask(lines.texts[e.line], "docx"))
            a, b = e.column - 1, e.end_column - 1
            if any(mask[a:b]) or (a == b and 0 < a < len(mask) and mask[a - 1] and mask[a]):
                return False
        return True
    return ok


def _source_safe(path: str, doc: Document, diagnostics: list[Diagnostic], max_bytes: int) -> Callable[[Diagnostic], bool]:
    """The safe fixes ``check --fix`` applies to this file in its first round (:func:`fixer.choose`); an independent
    fix (:attr:`.diagnostics.Fix.independent`) only when every one of its edits is (its places are shown whole or
    not at all: never an edit that ``--fix`` would leave)."""
    try:
        enc = fixer.decode_source(read_bytes(path, max_bytes), doc.encoding)
    except (DisclosureLintError, OSError):
        enc = None
    if enc is None or source_index(enc.text)[0] != source_index(doc.text)[0]:
        return lambda d: False
    chosen: dict[int, int] = {}
    for d, _spans in fixer.choose(diagnostics, enc.text, doc.format, enc, unsafe=False):
        chosen[id(d)] = chosen.get(id(d), 0) + 1
    return lambda d: chosen.get(id(d), 0) == (len(d.fix.edits) if d.fix is not None and d.fix.independent else 1)


def annotate_command(path: str, output: str | None, force: bool, config: str | None,
                     say: Callable[[str], None], fail: Callable[[str], None],
                     year: int | None = None, agency: str | None = None) -> int:
    """The ``annotate`` command (``year``, ``agency``: as check's ``--year``, ``--agency``); returns the number of
    comments written."""
    src = Path(path)
    ext = src.suffix.lower()
    if ext != ".docx" and ext not in SOURCE_EXTENSIONS:
        fail(f"{path}：annotate 只接受 Word 文档（.docx、.doc）、RTF 文档（.rtf）、OpenDocument 文本（.odt）、Markdown（.md）、文本（.txt）和网页（.html）")
        return 0
    out = Path(output) if output else default_output(src)
    if out.suffix.lower() != ".docx":
        fail(f"{out}：annotate 写出的是 Word 文档，输出文件名应以 .docx 结尾")
        return 0
    if out.exists() and not force:
        fail(f"{out} 已存在，未覆盖（要覆盖请加 --force）")
        return 0
    try:
        if out.resolve() == src.resolve():
            fail(f"{out}：不能写回原文件，请另选输出文件")
            return 0
    except OSError:
        pass
    try:
        checker = Checker(config, year=year, agency=agency)
        doc, lc, error = checker.read(path)
    except ConfigError as exc:
        fail(str(exc))
        return 0
    if doc is None or lc is None:
        fail(f"{path}：{error}")
        return 0
    why = fixer.undecodable(doc)
    if why is not None:
        fail(f"{path}：{why}，不生成批注副本；请先用完整的原件或另存为 UTF-8 的文件")
        return 0
    result = checker.check_document(doc, lc)
    diagnostics = result.diagnostics
    bases = {r.rule.code: r.rule.spec.docs.basis for r in checker.active_rules}
    places: list[Place] | None = None
    cell_texts: dict[CellKey, str] = {}
    if ext == ".docx":
        try:
            lines = anchored(doc)
            positioned = checker.check_document(lines.doc, lc).diagnostics
            places = docx_places(doc, diagnostics, positioned, lines, _docx_safe(lines))
            cell_texts = lines.cell_texts
        except Exception:  # noqa: BLE001 - exact places refine the comments: without them, paragraphs and cells
            places, cell_texts = None, {}
        reader_paragraphs = {int(m.group(1)): b.text for b in doc.blocks if b.kind != "table" and b.pointer
                             and (m := _PARA.fullmatch(b.pointer))}
        blocks: Sequence[Block] = doc.blocks

        def load():
            import docx  # python-docx: heavy, loaded only here

            return docx.Document(path)
    else:
        safe = _source_safe(path, doc, diagnostics, lc.config.limits.max_bytes) if doc.text else lambda d: False
        try:  # the report as check reads it: flattened text split at its headings, its title and six parts
            rep = interpret(doc, checker.overrides(lc, doc.path), lc.config.limits)
            shown, title, sections = rep.document, rep.title_block, [s.heading for s in rep.sections]
        except Exception:  # noqa: BLE001 - check reported it (DL000): the reader's blocks, no headings found
            shown, title, sections = doc, None, []
        try:
            sp = SourcePlaces(shown)
            places, cell_texts = source_places(sp, diagnostics, safe), sp.cell_texts
        except Exception:  # noqa: BLE001 - never a traceback: the comments then go on the first paragraph
            places, cell_texts = None, {}
        blocks = [b for b in shown.blocks if b.kind in RENDERED_KINDS and b.text.strip()]
        reader_paragraphs = {}

        def load():
            return render(shown.blocks, title, sections)
    try:
        document = load()
    except Exception as exc:  # noqa: BLE001 - the reader accepted it; python-docx may still not
        fail(f"{path}：无法打开 Word 文档（{type(exc).__name__}）")
        return 0
    try:
        outcome = annotate_document(document, diagnostics, bases, reader_paragraphs, blocks, places,
                                    cell_texts=cell_texts)
    except Exception:  # noqa: BLE001 - a structure the exact placing does not know: comments on paragraphs
        try:
            document = load()
            outcome = annotate_document(document, diagnostics, bases, reader_paragraphs)
        except Exception as exc:  # noqa: BLE001 - never a traceback for bad input
            fail(f"{path}：无法在此文档中写入批注（{type(exc).__name__}）")
            return 0
    def produce(stream) -> None:  # the .docx's bytes, to the binary buffer under write_to's text stream
        stream.flush()
        document.save(stream.buffer)

    try:  # as every output of the tool: a symlink written through, a directory or a FIFO refused
        write_to(str(out), produce)
    except OutputRefused as exc:
        fail(f"无法写入 {out}：{exc}，未写入")
        return 0
    except OSError as exc:
        fail(f"无法写入 {out}：{describe(exc)}")
        return 0
    note = f"，其中 {outcome.unplaced} 条无法定位，批注在第一段" if outcome.unplaced else ""
    revised = f"，{outcome.revisions} 处修订" if outcome.revisions else ""
    say(f"已写入 {out}：{outcome.comments} 条批注{revised}{note}")
    return outcome.comments
