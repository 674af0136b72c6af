"""``check --fix`` / ``--unsafe-fixes`` / ``--diff``: the findings' fixes applied to .md, .txt and .html files.

As ruff does: the fixes that do not overlap are applied together, the text is read and checked again, and
so on until no fix is left (at most :data:`MAX_ROUNDS` rounds); a fix whose place was taken by another is
thus applied, or dropped, after the re-check.  An edit is applied only where it is an exact span of the
source (:mod:`disclosure_lint.fixspan`) outside every protected region (:func:`protected_mask`: code spans and
blocks, web and e-mail addresses, character references (``&nbsp;`` ``&#44;``, in every format), link targets,
HTML tags, attributes, comments, entities and scripts, list and heading markers, table pipes and tabs) and only when its replacement can be written in the file's encoding.
The file is written once, atomically (a temporary file in its directory, then ``os.replace``; its mode kept),
in its own encoding, with its byte-order mark and its line ends.  Word and PDF files are never changed.
"""

from __future__ import annotations

import codecs
import difflib
import os
import re
import stat
from dataclasses import dataclass, field, replace

from .api import Checker, FileResult
from .diagnostics import Diagnostic
from .errors import DisclosureLintError
from .fixspan import FIXABLE_EXTENSIONS, LINE_END, source_index
from .output import atomic_replace, describe
from .readers import read_bytes, read_document
from .report.promotions import url_spans
from .textio import entity_spans

_FORMAT_NAMES = {".docx": "Word 文档", ".doc": "Word 97–2003 文档", ".rtf": "RTF 文档", ".odt": "OpenDocument 文本",
                 ".pdf": "PDF 文件", ".ofd": "OFD 文件", ".mht": "单个文件网页", ".mhtml": "单个文件网页"}
MAX_ROUNDS = 10

# byte-order marks and the codec of what follows them (UTF-32 LE before UTF-16 LE: it starts with it)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class Encoded:
    """A file's bytes as ``bom`` + (``lead`` + ``text``) encoded in ``codec``; ``lead`` is a U+FEFF the
    codec decoded (GB18030's byte-order mark), which the readers drop before counting columns."""

    bom: bytes
    codec: str
    lead: str
    text: str

    def encode(self, text: str) -> bytes:
        return self.bom + (self.lead + text).encode(self.codec)

    def can_write(self, replacement: str) -> bool:
        try:
            replacement.encode(self.codec)
        except (UnicodeEncodeError, LookupError):
            return False
        return True


def decode_source(data: bytes, encoding: str | None) -> Encoded | None:
    """The file's text in the encoding its reader found, or None when the bytes would not be written back
    the same (a lossy codec: such a file is not rewritten)."""
    bom, codec = b"", encoding or "utf-8"
    for mark, name in _BOMS:
        if data.startswith(mark):
            bom, codec = mark, name
            break
    else:
        if codecs.lookup(codec).name in ("utf-8-sig", "utf-16", "utf-32"):
            return None  # a BOM codec without a BOM: not what the reader saw
    body = data[len(bom):]
    try:
        text = body.decode(codec)
        if text.encode(codec) != body:
            return None
    except (UnicodeError, LookupError):
        return None
    lead = "\ufeff" if text.startswith("\ufeff") else ""
    return Encoded(bom, codec, lead, text[len(lead):])


# -- protected regions ------------------------------------------------------------------------------------

_COMMON = (re.compile(r"[|\t]"),)
_MARKDOWN = (
    re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.M | re.S),  # fenced code
    re.compile(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)", re.S),  # code span
    re.compile(r"<!--.*?(?:-->|\Z)", re.S),  # comment (suppressions live there)
    re.compile(r"<[^<>\n]*>"),  # HTML tag or autolink
    re.compile(r"\]\([^)\n]*\)?|\]\[[^\]\n]*\]"),  # link target or reference
    re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[^\n]*", re.M),  # link reference definition
    re.compile(r"^[ \t]{0,3}#{1,6}(?=[ \t\n]|$)", re.M),  # heading marker
    re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$", re.M),  # table delimiter row
)
_TEXT: tuple[re.Pattern[str], ...] = ()
# list markers (Markdown's, with the quote marks before them; a text file's 1. (1) （1） (一) • …): protected like the
# rest, except that an edit of a numeral to a numeral may change one (DL902 renumbering (三) to (四): still a marker)
_LIST_MARKERS = {
    "markdown": re.compile(r"^[ \t>]*(?:[-*+]|\d{1,9}[.)])(?=[ \t\n]|$)", re.M),
    "text": re.compile(r"^[ \t\u3000]*(?:[-*•·●○■□◆◇]|\d{1,3}[.)．]|\(\s*[0-9一二三四五六七八九十]{1,3}\s*\)"
                       r"|（\s*[0-9]{1,3}\s*）)", re.M),
}
_MARKER = 2  # a list marker's character in the mask (every other protected character is 1)
_NUMERAL = re.compile(r"[0-9一二三四五六七八九十百]+")
_HTML = (
    re.compile(r"<!--.*?(?:-->|\Z)", re.S),
    re.compile(r"<(script|style|xmp|iframe|noembed|noframes|textarea|title|code|pre|kbd|samp)\b.*?(?:</\1\s*>|\Z)",
               re.S | re.I),
    re.compile(r"<[!?/]?[A-Za-z!?/][^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*>?"),  # tag with its attributes
    re.compile(r"&(?:#[xX][0-9A-Fa-f]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]{0,31};?)"),  # entity
)
_BY_FORMAT = {"markdown": _MARKDOWN, "text": _TEXT, "html": _HTML}


def protected_mask(text: str, fmt: str) -> bytearray:
    """1 for every character of ``text`` no fix may touch (see the module docstring), :data:`_MARKER` for one of a
    list marker's that only a numeral-for-numeral edit may, else 0."""
    mask = bytearray(len(text))
    markers = _LIST_MARKERS.get(fmt)
    if markers is not None:
        for m in markers.finditer(text):
            mask[m.start():m.end()] = bytes([_MARKER]) * (m.end() - m.start())
    spans = [m.span() for p in (*_COMMON, *_BY_FORMAT.get(fmt, ())) for m in p.finditer(text)]
    spans.extend(url_spans(text))
    spans.extend(entity_spans(text))  # (in Markdown markup, in a text a web page's leftovers: never half an entity)
    for a, b in spans:
        mask[a:b] = b"\x01" * (b - a)
    return mask


def _touches(mask: bytearray, a: int, b: int, renumber: bool = False) -> bool:
    """Whether the edit of ``[a, b)`` touches a protected character (``renumber``: a numeral for a numeral, which may
    change a list marker's)."""
    if renumber:
        return 1 in mask[a:b]
    if a == b:  # an insertion: inside a protected region when both neighbours are protected
        return 0 < a < len(mask) and bool(mask[a - 1] and mask[a])
    return any(mask[a:b])


# -- choosing and applying ----------------------------------------------------------------------------------

Span = tuple[int, int, str]


def _raw_index(text: str) -> tuple[list[int], list[int]]:
    """Start and end (before the line end) of every line of ``text``, line ends as the readers split them."""
    starts, ends = [0], []
    for m in LINE_END.finditer(text):
        ends.append(m.start())
        starts.append(m.end())
    ends.append(len(text))
    return starts, ends


def _offset(starts: list[int], ends: list[int], line: int | None, column: int | None) -> int | None:
    if line is None or column is None or not 1 <= line <= len(starts) or column < 1:
        return None
    off = starts[line - 1] + column - 1
    return off if off <= ends[line - 1] else None


def applicable(d: Diagnostic, unsafe: bool) -> bool:
    return d.fix is not None and bool(d.fix.edits) and (unsafe or d.fix.applicability == "safe")


def _spans(d: Diagnostic, text: str, index, mask: bytearray, fmt: str, enc: Encoded) -> list[list[Span]]:
    """The fix of ``d`` as offsets in ``text``: one list of spans to apply together, none when one of its edits
    may not be applied; an independent fix (:attr:`Fix.independent`) as one list per edit that may be."""
    assert d.fix is not None
    starts, ends = index
    out = []
    for e in d.fix.edits:
        a = _offset(starts, ends, e.line, e.column)
        b = _offset(starts, ends, e.end_line, e.end_column)
        repl = e.replacement
        renumber = False
        if a is not None and b is not None and b >= a:
            a, b, repl = _narrowed(text, a, b, repl)
            renumber = a < b and _NUMERAL.fullmatch(text, a, b) is not None and _NUMERAL.fullmatch(repl) is not None
        if a is None or b is None or b < a or _touches(mask, a, b, renumber) or not enc.can_write(repl) \
                or (fmt == "html" and any(c in repl for c in "<>&")):  # (that would be markup, not text)
            if d.fix.independent:
                continue
            return []
        out.append((a, b, repl))
    if d.fix.independent:
        return [[s] for s in out]
    return [out] if out else []


def _narrowed(text: str, a: int, b: int, repl: str) -> tuple[int, int, str]:
    """The edit ``text[a:b]`` → ``repl`` without what the two share at their start and end: only the characters that
    change are touched (（一）、 → （一）: the 、 alone, not the list marker a text file's fixes never touch; two fixes
    side by side no longer overlap)."""
    old = text[a:b]
    n = min(len(old), len(repl))
    p = 0
    while p < n and old[p] == repl[p]:
        p += 1
    q = 0
    while q < n - p and old[-1 - q] == repl[-1 - q]:
        q += 1
    return a + p, b - q, repl[p:len(repl) - q]


def _overlap(x: Span, y: Span) -> bool:
    return x[0] == y[0] or (x[0] < y[1] and y[0] < x[1])


def choose(diagnostics: list[Diagnostic], text: str, fmt: str, enc: Encoded,
           unsafe: bool) -> list[tuple[Diagnostic, list[Span]]]:
    """The fixes to apply together: in document order, each one that overlaps none chosen before it (each edit
    of an independent fix is one)."""
    index = _raw_index(text)
    mask = protected_mask(text, fmt)
    found = []
    for d in diagnostics:
        if applicable(d, unsafe):
            for spans in _spans(d, text, index, mask, fmt, enc):
                found.append((min(s[0] for s in spans), d, spans))
    found.sort(key=lambda t: t[0])
    chosen: list[tuple[Diagnostic, list[Span]]] = []
    taken: list[Span] = []
    for _, d, spans in found:
        if any(_overlap(s, t) for s in spans for t in taken):
            continue
        chosen.append((d, spans))
        taken.extend(spans)
    return chosen


def apply(text: str, spans: list[Span]) -> str:
    """``text`` with the (non-overlapping) edits applied."""
    out = []
    pos = 0
    for a, b, repl in sorted(spans, key=lambda s: (s[0], s[1])):
        out.append(text[pos:a])
        out.append(repl)
        pos = b
    out.append(text[pos:])
    return "".join(out)


# -- one file, a run -------------------------------------------------------------------------------------

@dataclass
class FileFix:
    path: str
    result: FileResult  # the findings after fixing (the last re-check)
    fixed: int = 0
    before: str = ""
    after: str = ""
    data: bytes | None = None  # what to write, when something changed
    original: bytes = b""
    refused: str | None = None  # why the file is not fixed at all (one Chinese phrase)


def fix_file(checker: Checker, result: FileResult, unsafe: bool) -> FileFix | None:
    """Apply the fixes of one checked file in memory (re-checking between rounds); None when the file is not
    one the fixer changes or cannot be read back exactly."""
    path = result.path
    if result.error or result.skipped or os.path.splitext(path)[1].lower() not in FIXABLE_EXTENSIONS:
        return None
    if not any(applicable(d, unsafe) for d in result.diagnostics):
        return None
    lc = checker.config_for(path)
    limits = lc.config.limits
    try:
        data = read_bytes(path, limits.max_bytes)
        doc = read_document(path, data, limits)
    except (DisclosureLintError, OSError):
        return None
    if any(n.kind == "content-type" for n in doc.notices):
        return None  # read as another type than its name says (DL004): not the text the name promises to edit
    why = undecodable(doc) or converted(doc)
    if why is not None:
        return FileFix(path, result, refused=why)
    enc = decode_source(data, doc.encoding)
    if enc is None or source_index(enc.text)[0] != source_index(doc.text)[0]:
        return None  # the reader's text is not the file's: no position could be trusted
    # checked again from the bytes read here: the file may have changed since it was checked (or been fixed
    # already, when named twice), and edits are only ever applied to the text they were computed on
    outcome = FileFix(path, checker.check_document(doc, lc), before=enc.text, after=enc.text, original=data)
    text = enc.text
    diagnostics = outcome.result.diagnostics
    for _ in range(MAX_ROUNDS):
        chosen = choose(diagnostics, text, doc.format, enc, unsafe)
        if not chosen:
            break
        new_text = apply(text, [s for _, spans in chosen for s in spans])
        try:
            doc = read_document(path, enc.encode(new_text), limits)
        except DisclosureLintError:
            break  # the fixed text would not be read: keep the last good one
        text = new_text
        outcome.fixed += len(chosen)
        outcome.result = checker.check_document(doc, lc)
        diagnostics = outcome.result.diagnostics
    if text != enc.text:
        outcome.after = text
        outcome.data = enc.encode(text)
    return outcome


def undecodable(doc) -> str | None:
    """Why a document read with bytes its encoding cannot decode (DL002, :func:`..textio.decode_lenient`) is never
    written back, or made into a copy (``annotate``): its text is not the file's, those bytes would be lost."""
    n = next((n for n in doc.notices if n.kind == "undecodable-bytes"), None)
    if n is None:
        return None
    return f"文件中有{n.value}个字节无法按 UTF-8 解码（第{n.line}行第{n.column}列起），写回会丢失这些字节"


def converted(doc) -> str | None:
    """Why a text read as converted from traditional script (DL008, :mod:`.readers.script`) is never fixed: the fixes
    are of the converted text, and writing them would put simplified characters into the traditional-script file."""
    if any(n.kind == "traditional-script" for n in doc.notices):
        return "文件是繁体字，已转为简体字检查，修复会把简体字写进繁体字的文件"
    return None


@dataclass
class FixRun:
    results: list[FileResult]
    fixed: int = 0
    changed: list[FileFix] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # one Chinese line each, for standard error
    failed: bool = False  # a fixed file could not be written (exit code 2)

    @property
    def remaining(self) -> int:
        return sum(len(r.diagnostics) for r in self.results)


def run_fixes(checker: Checker, results: list[FileResult], unsafe: bool, write: bool) -> FixRun:
    """Fix every checked file that can be fixed; with ``write`` the changed files are written (atomically),
    else nothing is written (``--diff``).  The results are those of the re-check of each fixed file."""
    run = FixRun(results=list(results))
    said: set[str] = set()
    seen: dict[str, FileFix | None] = {}  # each file (its real path) fixed once: how it was fixed
    for i, result in enumerate(results):
        ext = os.path.splitext(result.path)[1].lower()
        if ext not in FIXABLE_EXTENSIONS and ext not in said and not (result.error or result.skipped) \
                and (ext in _FORMAT_NAMES or any(applicable(d, unsafe) for d in result.diagnostics)):
            said.add(ext)
            name = _FORMAT_NAMES.get(ext, "此类文件")
            run.notes.append(f"{name}（{ext or '无扩展名'}）不自动修复，这类文件未改动")
        if result.error or result.skipped:
            continue
        real = os.path.realpath(result.path)
        if real in seen:  # named twice, or through a link: fixed once, each name shows the fixed text's findings
            first = seen[real]
            if first is not None:
                run.results[i] = _alias(checker, result, first)
            continue
        outcome = seen[real] = fix_file(checker, result, unsafe)
        if outcome is None:
            continue
        if outcome.refused is not None:
            run.notes.append(f"{outcome.path}：{outcome.refused}，不自动修复，文件未改动")
            seen[real] = None
            continue
        run.results[i] = outcome.result
        if outcome.data is None:
            continue
        if write:
            why = write_back(outcome.path, outcome.data, outcome.original)
            if why is not None:
                run.notes.append(f"错误：{outcome.path}：{why}，文件未修改")
                run.results[i] = result
                run.failed = True
                seen[real] = None  # the file was not changed: its other names keep their results
                continue
        run.fixed += outcome.fixed
        run.changed.append(outcome)
    return run


def _alias(checker: Checker, result: FileResult, first: FileFix) -> FileResult:
    """The result of ``result``'s file under another name of a file fixed as ``first``: the fixed text
    checked again under this name (its own configuration), as the first name's findings were."""
    if first.data is None:
        return result  # nothing was changed: this name's findings are those of the same text
    path = result.path
    lc = checker.config_for(path)
    try:
        doc = read_document(path, first.data, lc.config.limits)
    except DisclosureLintError:  # (read under the first name's limits): its findings, under this name
        return replace(first.result, path=path, diagnostics=[
            replace(d, path=path) if d.path == first.path else d for d in first.result.diagnostics])
    return checker.check_document(doc, lc)


def write_back(path: str, data: bytes, original: bytes) -> str | None:
    """Replace ``path`` by ``data`` atomically, keeping its mode; the reason (Chinese) when it was not."""
    target = os.path.realpath(path)  # a symbolic link is kept: the file it points to is fixed
    try:
        st = os.stat(target)
        with open(target, "rb") as f:
            if f.read(len(original) + 1) != original:
                return "文件在检查期间被改动"
    except OSError as exc:
        return describe(exc)
    if not stat.S_ISREG(st.st_mode):
        return "不是普通文件"
    try:
        atomic_replace(target, lambda f: f.write(data), stat.S_IMODE(st.st_mode))
    except OSError as exc:
        return describe(exc)
    return None


def unified_diff(changed: list[FileFix]) -> str:
    """The changes as one unified diff (``a/`` and ``b/`` paths, the texts' own line ends kept as ``\\n``)."""
    parts = []
    for c in changed:
        before = LINE_END.sub("\n", c.before).splitlines(keepends=True)
        after = LINE_END.sub("\n", c.after).splitlines(keepends=True)
        for line in difflib.unified_diff(before, after, c.path, c.path, "原文", "修复后"):
            parts.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(parts)


def summary(run: FixRun, diff: bool) -> str:
    """The line after ``--fix`` (how many findings were fixed, how many remain) or ``--diff``."""
    files = len(run.changed)
    if diff:
        return f"可修复 {run.fixed} 处问题（{files} 个文件），未写入文件" if run.fixed else "没有可自动修复的问题"
    where = f"（{files} 个文件）" if files else ""
    return f"已修复 {run.fixed} 处问题{where}，剩余 {run.remaining} 处"
