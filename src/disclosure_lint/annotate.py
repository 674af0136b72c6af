"""``disclosure-lint annotate report.docx``: a copy of a Word report with every finding as a comment (批注).

First slice: each finding of ``check`` becomes one comment, authored ``disclosure-lint``, anchored on the
whole paragraph or table cell its pointer names (``第12段``, ``表5第25行第4列``); the comment says what,
why (the rule's basis) and the expected and actual values.  Paragraphs and tables are counted as the Word
reader counts them (paragraphs with text, tables with text, in body order, through content controls).
A finding that cannot be placed is commented on the first paragraph, saying where it applies.  Splitting
runs at the finding's exact characters and tracked changes for safe fixes are not done yet.

The original is never written: the copy goes to a temporary file in the target's directory, then
:func:`os.replace`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .api import Checker
from .diagnostics import Diagnostic
from .errors import ConfigError, InputError
from .output import atomic_replace, describe
from .readers import read_path

AUTHOR = "disclosure-lint"
INITIALS = "DL"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _SDT, _SDT_CONTENT = f"{_W}p", f"{_W}tbl", f"{_W}sdt", f"{_W}sdtContent"
_PARA = re.compile(r"第(\d+)段$")
_CELL = re.compile(r"表(\d+)第(\d+)行第(\d+)列")
_TABLE = re.compile(r"表(\d+)$")


def default_output(path: Path) -> Path:
    return path.with_name(f"{path.stem}.审阅{path.suffix}")


def _blocks(container, depth: int = 0):
    for ch in container.iterchildren():
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
            if p.text.strip():
                counted.append(p)
        else:
            t = Table(el, document)
            if any(c.text.strip() for row in t.rows for c in row.cells):
                tables.append(t)
    paras: dict[int, object] = {n: counted[n - 1] for n in range(1, len(counted) + 1)}
    cursor = 0
    for n in sorted(reader_paragraphs):
        want = _key(reader_paragraphs[n])
        for j in range(cursor, len(every)):
            if _key(every[j].text) == want:
                paras[n] = every[j]
                cursor = j + 1
                break
    return _Places(paras, tables, counted[0] if counted else None)


def _target(places: _Places, pointer: str | None):
    """The paragraph (or cell) the pointer names, or None when it names none of this file's."""
    if not pointer:
        return None
    cell = _CELL.search(pointer)
    if cell:
        tno, row, col = (int(x) for x in cell.groups())
        if 1 <= tno <= len(places.tables):
            try:
                return places.tables[tno - 1].cell(row - 1, col - 1)
            except IndexError:
                return None
        return None
    last = pointer.split(" › ")[-1].strip()
    para = _PARA.fullmatch(last)
    if para:
        return places.paragraphs.get(int(para.group(1)))
    table = _TABLE.search(last)
    if table:
        n = int(table.group(1))
        return places.tables[n - 1].cell(0, 0) if 1 <= n <= len(places.tables) else None
    return None


def _runs(target):
    """The runs to anchor on: a paragraph's runs, or all runs of a cell; an empty run is added where none."""
    paragraphs = target.paragraphs if hasattr(target, "paragraphs") else [target]
    runs = [r for p in paragraphs for r in p.runs]
    if not runs:
        runs = [paragraphs[0].add_run("")]
    return [runs[0], runs[-1]]


def _basis_text(basis: str | None) -> str | None:
    if not basis:
        return None
    text = " ".join(line.strip().lstrip("-*> ").strip() for line in basis.splitlines() if line.strip())
    text = re.sub(r"[`*_]", "", text)
    return text if len(text) <= 300 else text[:299] + "…"


def comment_text(d: Diagnostic, basis: str | None, where: str | None = None) -> str:
    lines = [f"[{d.code}] {d.message}"]
    if where:
        lines.append(f"位置：{where}")
    ev = d.evidence or {}
    if "expected" in ev:
        lines.append(f"应为：{ev['expected']}")
    if "actual" in ev:
        lines.append(f"实为：{ev['actual']}")
    b = _basis_text(basis)
    if b:
        lines.append(f"依据：{b}")
    return "\n".join(lines)


def annotate(document, diagnostics: list[Diagnostic], bases: dict[str, str],
             reader_paragraphs: dict[int, str] | None = None) -> int:
    """Add one comment per diagnostic to a python-docx document; return how many could not be placed.

    ``reader_paragraphs``: the Word reader's body paragraphs (N of 第N段 → text), to place 第N段 by its text."""
    places = _places(document, reader_paragraphs or {})
    unplaced = 0
    for d in diagnostics:
        target = _target(places, d.pointer)
        where = None
        if target is None:
            unplaced += 1
            where = d.pointer or "全文"
            target = places.first if places.first is not None else document.add_paragraph()
        document.add_comment(_runs(target), text=comment_text(d, bases.get(d.code), where),
                             author=AUTHOR, initials=INITIALS)
    return unplaced


def annotate_command(path: str, output: str | None, force: bool, config: str | None,
                     say: Callable[[str], None], fail: Callable[[str], None]) -> int:
    """The ``annotate`` command; returns the number of comments written."""
    src = Path(path)
    if src.suffix.lower() != ".docx":
        fail(f"{path}：annotate 目前只接受 Word 文档（.docx）")
        return 0
    out = Path(output) if output else default_output(src)
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
        checker = Checker(config)
    except ConfigError as exc:
        fail(str(exc))
        return 0
    result = checker.check_file(path)
    if result.error:
        fail(f"{path}：{result.error}")
        return 0
    try:
        model = read_path(path)
    except (InputError, OSError) as exc:
        fail(f"{path}：{exc}")
        return 0
    reader_paragraphs = {int(m.group(1)): b.text for b in model.blocks if b.kind != "table" and b.pointer
                         and (m := _PARA.fullmatch(b.pointer))}
    bases = {r.rule.code: r.rule.spec.docs.basis for r in checker.active_rules}
    try:
        import docx

        document = docx.Document(path)
    except Exception as exc:  # noqa: BLE001 - the reader accepted it; python-docx may still not
        fail(f"{path}：无法打开 Word 文档（{type(exc).__name__}）")
        return 0
    unplaced = annotate(document, result.diagnostics, bases, reader_paragraphs)
    try:
        atomic_replace(str(out), document.save)
    except OSError as exc:
        fail(f"无法写入 {out}：{describe(exc)}")
        return 0
    n = len(result.diagnostics)
    note = f"，其中 {unplaced} 条无法定位，批注在第一段" if unplaced else ""
    say(f"已写入 {out}：{n} 条批注{note}")
    return n
