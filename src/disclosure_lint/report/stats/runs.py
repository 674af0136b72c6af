"""A statistics table flattened into one line of text: its cells, and runs of digits split with certainty.

Crawlers that keep only the text nodes of a page print a table as one line.  Cells are separated by
single spaces, or not at all where the crawler concatenated the text nodes (``行政许可37``,
``一、本年新收政府信息公开申请数量487002057``, ``自然人商业企业科研机构…总计``), and empty cells vanish.

:func:`tokens` cuts such a line into cells with their offsets:

* at every run of whitespace;
* inside a piece, between a label and a number (``行政许可37`` → 行政许可, 37).  A digit right before
  ``.``/``、`` and a character is the marker of the next row label (``…00000002.其他法律…`` →
  0000000, 2.其他法律…).  A ``-`` right before digits stays with them: in ``行政许可6-1142`` it may be
  a dash for an empty cell (6, -, 1142) or the minus of a 本年增/减 (6, -1, 142), so the row is not cut
  into a guess (6, -1142: too few cells, its numbers are not placed).  A piece holding a sentence
  (，。； outside brackets) is never cut;
* a piece of labels run together is cut into known labels of the three tables, only when they cover it
  completely (``行政复议行政诉讼`` → 行政复议, 行政诉讼), or where a numbered label begins right after another label
  (``其他一、本年新收…``: the header's last column, then the first row);
* a piece that is no cell is joined with the next one or two when together they read as cells beginning with a
  label (a page's line wrap left a space inside a label: ``三、本年度办 理结果（一）予以公开33…``) — not across a pipe, a
  number alone or a numbered label after the space.

A piece with digits may be a whole table run together (≈ 1,000 characters): it is cut up to
:data:`MAX_TABLE_PIECE` characters; a piece without digits longer than :data:`MAX_PIECE` is prose.  The work stays
linear in the line (each position tried against labels of at most :data:`MAX_WORD` characters).

The line is read as table cells only when at least four of its cells are numbers or table labels and
they are at least half of its cells (a line of one piece: when it is a label followed by a number);
otherwise it is prose.

:func:`split_run` splits a run of digits into the numbers of a row when exactly one split fits: every
number without a leading zero, and the row's identity holds (table 三: the six applicant columns add up
to 总计; table 四: in each of the three groups the four results add up to 总计).  The identity is then
what placed the numbers, so it cannot also check them: such a row is consistent by construction.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import islice, pairwise

from ..catalogue import TABLE_HEAD_WORDS
from . import labels as lb
from .grid import is_value
from .schema import SCHEMAS, strip_number
from .table2 import s2_row_of

_WORD = re.compile(r"[|｜]+|[^\s|｜]+")  # (pipes are words of their own: 0|行政规范性文件, |||行政许可)
_DIGITS = re.compile(r"\d+(?:\.\d+)?(?:万?元)?")  # (a unit written in the cell: 采购总金额 …6805947.43元)
_MARKER_AFTER = re.compile(r"[.．、][^\d\s.．、]")
_SENTENCE = re.compile(r"[，。；;,]")
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
_NOTE = re.compile(r"[（(][^（）()一二三四五六七八九十\d]{4,}[^（）()]*[）)]")  # (a note, not a row's marker （一）)
_SIGNS = frozenset("-－−")  # a minus sign, or a dash written for an empty cell: which, a run cannot tell
MAX_PIECE = 120  # a longer piece without digits is prose
MAX_TABLE_PIECE = 4000  # a piece with digits: a whole table run together (its labels and numbers, no space) is ≈ 1,200
MAX_JOINED = 2  # words after a piece that is no cell a space may have cut off (本年度办 理结果: a page's line wrap)
MAX_WORD = 40  # longest label tried when cutting labels run together
MAX_WORDS = 5000  # words (and pipes) of a line read as a table run into one line
MAX_PART = 7  # digits in one number of a split run
BUDGET = 20000  # search steps for one run; beyond this the split is not certain


@lru_cache(maxsize=1)
def _lexicon() -> frozenset[str]:
    words: set[str] = {"信息内容", "申请人情况", "法人或其他组织", "行政复议", "行政诉讼", "总计", "其他", "项目", "序号",
                       "栏目"}
    # table 二's sub-headers (第二十条第（一）项信息内容本年制发件数…规章000: run together with the labels after them)
    words.update(f"第二十条第{a}{n}{z}项" for n in "一五六八九" for a, z in (("（", "）"), ("(", ")")))
    for sch in SCHEMAS.values():
        for r in sch.rows:
            words.update(strip_number(x) for x in (r.label, *r.aliases))
        for c in sch.cols:
            words.update((c.label, *c.aliases))
            if c.group:
                words.add(c.group)
    return frozenset(w for w in words if len(w) >= 2)


def tabular(text: str) -> bool:
    """A cell of a statistics table: a number or placeholder, or a label of one of the tables."""
    if is_value(text) or lb.cell_vote(text) is not None:
        return True
    if lb.match_s2_col(text) or lb.match_s3_col(text) or lb.match_s4(text) or s2_row_of(text):
        return True
    return any(p.marker and (p.key and lb.match_s3_row(p.key, p.key2)) for p in lb.split_label(text))


def _segment(text: str) -> list[tuple[int, str]] | None:
    """``text`` cut into known table labels covering it completely (fewest pieces), or None."""
    lex = _lexicon()
    n = len(text)
    best: list[list[int] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        if best[i] is None:
            continue
        for j in range(min(n, i + MAX_WORD), i + 1, -1):
            w = text[i:j]
            # （单位：万元） after a label; a note in brackets before them (（有关情况附表）（本列数据…）申请人情况…)
            if w in lex or ((best[i] or _NOTE.fullmatch(w)) and _BRACKETED.fullmatch(w)):
                if best[j] is None or len(best[j]) > len(best[i]) + 1:  # type: ignore[arg-type]
                    best[j] = [*best[i], i]  # type: ignore[misc]
    cuts = best[n]
    if not cuts or len(cuts) < 2:
        return None
    bounds = [*cuts, n]
    return [(a, text[a:z]) for a, z in pairwise(bounds)]


def cells(piece: str) -> list[tuple[int, str]]:
    """A piece without spaces → (offset, cell) pairs: cut between labels and numbers, and labels run
    together cut into known labels — only when every label found is a table label; else the piece whole."""
    whole = [(0, piece)]
    digits = any(ch.isdigit() for ch in piece)
    if len(piece) > (MAX_TABLE_PIECE if digits else MAX_PIECE) or is_value(piece) \
            or _SENTENCE.search(_BRACKETED.sub("", piece)):
        return whole
    if not digits:
        return _segment(piece) or _glued_labels(piece) or whole
    out: list[tuple[int, str]] = []
    label = 0
    for m in _DIGITS.finditer(piece):
        a, z = m.start(), m.end()
        if a > 0 and piece[a - 1] in "第（(〔[":
            continue  # part of a label: 第1项, （1）
        if "." not in m.group(0) and _MARKER_AFTER.match(piece, z):
            if z - a == 1:
                continue  # the marker "1." of the label after it
            z -= 1  # the last digit is the marker of the next label
        if a - label == 1 and piece[label] in _SIGNS:
            a = label  # 6-1142: a placeholder between 6 and 1142, or the sign of -1 or of -11? Not cut there
        if label < a:
            out.append((label, piece[label:a]))
        out.append((a, piece[a:z]))
        label = z
    if label < len(piece):
        out.append((label, piece[label:]))
    found: list[tuple[int, str]] = []
    for off, text in out:
        if is_value(text) and text[0].isdigit():
            found.append((off, text))
            continue
        seg = _segment(text)
        if seg is None and not tabular(text):
            seg = _glued_labels(text)
            if seg is None:
                return whole  # 2023年, 0591-6219…: not a label and its number
        found.extend(((off + o, t) for o, t in seg) if seg else [(off, text)])
    if len(piece) > MAX_PIECE and not all(is_value(t) or _one_row(t) for _, t in found):
        # rows' labels glued where a row has no number at all (…政府信息公开申请3.其他（七）总计4000004: rows left blank):
        # each label a row of its own, the blank rows without cells; else nothing placeable (its empty cells vanished)
        rows = _blank_rows(found)
        if rows is None:
            return whole
        found = rows
    return found if any(not is_value(t) for _, t in found) else whole


def _blank_rows(found: list[tuple[int, str]]) -> list[tuple[int, str]] | None:
    """``found`` with each label of several rows' labels glued cut into the rows' labels, when every cut piece is one row's
    label (:func:`_one_row`) and a number follows the last; else None."""
    out: list[tuple[int, str]] = []
    for k, (off, text) in enumerate(found):
        if is_value(text) or _one_row(text):
            out.append((off, text))
            continue
        if k + 1 == len(found) or not is_value(found[k + 1][1]):
            return None
        marks = [m.start() for m in _ROW_MARK.finditer(text)]
        if not marks or marks[0] != 0:
            return None
        for a, z in pairwise([*marks, len(text)]):
            if not _one_row(text[a:z]) or not tabular(text[a:z]):
                return None
            out.append((off + a, text[a:z]))
    return out


# a row label's marker — not a citation's (第二十条第（一）项) nor a number's
_ROW_MARK = re.compile(r"[一二三四五六七八九十]{1,2}[、.．]|(?<!第)[（(][一二三四五六七八九十]{1,2}[）)]|(?<![\d.．])\d{1,2}[.．](?!\d)")
_GROUPS = frozenset({"本年度办理结果", "不予公开", "无法提供", "不予处理", "其他处理"})


def _one_row(label: str) -> bool:
    """Whether a label cut from a whole table run together is one row's (三、本年度办理结果（一）予以公开: a group and its
    row), not the labels of rows whose empty cells vanished, glued (二、上年结转…数量三、本年度办理结果（一）予以公开)."""
    marks = list(_ROW_MARK.finditer(label))
    if len(marks) <= 1:
        return True
    ends = [m.start() for m in marks[1:]] + [len(label)]
    segs = [label[m.start():e] for m, e in zip(marks, ends)]
    data = [x for x in segs if strip_number(x).strip() not in _GROUPS]
    return not label[:marks[0].start()].strip() and len(data) <= 1 and all(tabular(x) for x in segs)


# a row's numbered label glued to the label before it, the marker after a character (其他一、本年新收…: the header's
# last column, then table 三's first row — where a numeral after a character is no marker of its own)
_GLUED_MARK = re.compile(r"[一二三四五六七八九十][、.．]|[（(][一二三四五六七八九十][）)]")
_GLUED_TRIES = 3


def _glued_labels(text: str) -> list[tuple[int, str]] | None:
    """``text`` cut where a numbered table label begins right after another label (其他 | 一、本年新收政府信息公开申请数量),
    or after labels run together (商业企业科研机构…法律服务机构其他 | 一、本年新收…: the whole header's, cut as
    :func:`_segment` cuts them), when the tail is a table label; else None."""
    for m in islice(_GLUED_MARK.finditer(text, 1), _GLUED_TRIES):
        head, tail = text[:m.start()], text[m.start():]
        if not tabular(tail):
            continue
        if head in _lexicon() or tabular(head):
            return [(0, head), (m.start(), tail)]
        seg = _segment(head)
        if seg is not None:
            return [*seg, (m.start(), tail)]
    return None


def _no_cells(piece: str, got: list[tuple[int, str]]) -> bool:
    """Whether :func:`cells` found nothing of a table in ``piece``: kept whole, and no cell."""
    return len(got) == 1 and not tabular(piece)


# an HTML comment a crawl kept as text (Word's <!--[if !supportMisalignedColumns]--><!--[endif]--> between a table's title
# and its cells): no cell, read as the spaces it takes
_COMMENT = re.compile(r"<!--[^<>]{0,100}-->")


def tokens(line: str) -> list[tuple[int, str]] | None:
    """The cells of a table flattened into ``line`` with their offsets, or None when it reads as prose."""
    if " " not in line and "\u3000" not in line and not any(ch.isdigit() for ch in line):
        return None
    if "<!--" in line:
        line = _COMMENT.sub(lambda m: " " * len(m.group(0)), line)
    words = [(m.start(), m.group(0)) for m in islice(_WORD.finditer(line), MAX_WORDS + 1)]
    if len(words) > MAX_WORDS:
        return None  # no table's line: a whole report's tables run into one line are ≈ 1,000 words and pipes
    if "。" in line:
        words = [part for off, w in words for part in _after_sentence(off, w)]
    out: list[tuple[int, str]] = []
    i = 0
    tried = -1  # the last word of a run of wrapped halves that did not read as cells (not tried again from inside it)
    while i < len(words):
        off, w = words[i]
        if i > tried:
            taken, wrapped = _wrapped_header(words, i)
            if wrapped is not None:
                out.extend(wrapped)
                i += taken
                continue
            tried = i + taken - 1
        got = cells(w)
        if _no_cells(w, got) and i + 1 < len(words) and _joinable(w):
            joined = _joined_cells(words, i)
            if joined is not None:
                taken, got = joined
                out.extend(got)
                i += taken
                continue
        out.extend((off + o, t) for o, t in got)
        i += 1
    n_tab = sum(1 for _, t in out if tabular(t))
    if len(words) == 1:  # (a note in brackets before the header's labels is neither a cell nor prose: （有关情况附表）)
        notes = next((k for k, (_, t) in enumerate(out) if not (_NOTE.fullmatch(t) and not tabular(t))), len(out))
        return out if n_tab >= 2 and n_tab + notes == len(out) else None
    # (the pipes between cells are no words: a row of empty cells, 规章 | | | |, is no less a table's)
    n_pipes = sum(1 for _, t in out if not t.strip("|｜"))
    return out if n_tab >= 4 and n_tab * 2 >= len(out) - n_pipes else None


# table 四's header cells a page wrapped in two lines, the crawl's space left between their halves (结果 维持, 结果 纠正,
# 其他 结果, 尚未 审结): the first half ends a word, the second begins the next
_HALVES = (("结果", ("维持", "纠正")), ("其他", ("结果",)), ("尚未", ("审结",)))
MAX_WRAPPED = 40  # words of a header joined so


def _wraps(a: str, b: str) -> bool:
    return any(a.endswith(x) and b.startswith(ys) for x, ys in _HALVES)


def _wrapped_header(words: list[tuple[int, str]], i: int) -> tuple[int, list[tuple[int, str]] | None]:
    """Words from ``i`` joined where a table 四 header cell's halves were cut by a space (``…结果维持结果 纠正其他 结果尚未 审结
    总计…``): (words taken, cells with their offsets in the line) when the joined text reads as cells of which the first is
    a table label; else (words of the run, None).  A cell that spans a dropped space points at its first character."""
    j = i
    while j + 1 < len(words) and j - i < MAX_WRAPPED and _wraps(words[j][1], words[j + 1][1]):
        j += 1
    if j == i:
        return 1, None
    parts = words[i:j + 1]
    text = "".join(w for _, w in parts)
    got = cells(text)
    if _no_cells(text, got) or not tabular(got[0][1]):
        return j - i + 1, None
    return j - i + 1, _in_line(parts, got)


def _in_line(parts: list[tuple[int, str]], got: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The cells ``got`` of the words ``parts`` (``(offset in the line, word)``) joined without their spaces, each at its
    offset in the line: a cell that spans a dropped space points at its first character."""
    starts = [0]  # where each word starts in the joined text
    for _, w in parts[:-1]:
        starts.append(starts[-1] + len(w))
    out = []
    for o, t in got:
        k = bisect_right(starts, o) - 1
        out.append((parts[k][0] + o - starts[k], t))
    return out


# what a table's cells begin with, right after a sentence the part's text ends with (…其他应主动公开的政府信息75条。第二十条
# 第（一）项信息内容…, …共收到政府信息公开申请3条。（本列数据…, …没有…行政诉讼情况。行政复议行政诉讼结果维持…)
_TABLE_AFTER = re.compile(f"。(?={'|'.join(TABLE_HEAD_WORDS.values())})")


def _after_sentence(off: int, word: str) -> list[tuple[int, str]]:
    """``word`` (at ``off``) cut after a sentence's 。 that a table's first cell follows with nothing between (a crawl of the
    page's text nodes): the sentence, a piece of prose, and the table's cells; else the word whole."""
    if "。" not in word:
        return [(off, word)]
    out, at = [], 0
    for m in _TABLE_AFTER.finditer(word):
        out.append((off + at, word[at:m.end()]))
        at = m.end()
    if not out:
        return [(off, word)]
    out.append((off + at, word[at:]))
    return out


def _joinable(word: str) -> bool:
    """A piece that may end in the first part of a label a space cut: Chinese text, no pipe (a cell's separator), no
    number alone, no sentence (prose's words are never joined: a flattened page's prose stays one look per word)."""
    return ("|" not in word and "｜" not in word and not is_value(word) and _CJK.search(word) is not None
            and _SENTENCE.search(_BRACKETED.sub("", word)) is None)


_CJK = re.compile(r"[\u4e00-\u9fff]")
_LEADING_MARK = re.compile(r"[一二三四五六七八九十]{1,2}[、.．]|[（(][一二三四五六七八九十\d]{1,2}[）)]|\d{1,2}[.．、](?!\d)")


def _joined_cells(words: list[tuple[int, str]], i: int) -> tuple[int, list[tuple[int, str]]] | None:
    """A piece that is no cell joined with the next one or two (the space between them a page's line wrap inside a
    label: ``三、本年度办 理结果（一）予以公开33…``, ``社会公益 组织``): (words taken, cells with their offsets in the
    line) when the joined text reads as cells of which the first is a table label; else None.  A cell that spans a
    dropped space points at its first character."""
    for k in range(1, MAX_JOINED + 1):
        if i + k >= len(words):
            return None
        parts = words[i:i + k + 1]
        last = parts[-1][1]
        if "|" in last or "｜" in last or is_value(last) or _CJK.search(last) is None or _LEADING_MARK.match(last):
            return None  # (a numbered label after the space begins a row of its own: （四）无 1.本机关不掌握…)
        text = "".join(w for _, w in parts)
        got = cells(text)
        if _no_cells(text, got) or not tabular(got[0][1]):
            continue
        return k + 1, _in_line(parts, got)
    return None


def split_run(digits: str, groups: int, size: int, cuts: frozenset[int] = frozenset()) -> list[tuple[int, int]] | None:
    """Spans of the only split of ``digits`` into ``groups`` × ``size`` numbers without leading zeros in
    which the last number of every group is the sum of the others; None when none or several fit, or
    when finding out would take more than :data:`BUDGET` steps.  ``cuts``: offsets where a number must end (the
    spaces a page left between a row's digits: ``20 0 00 0 121`` is ``20000 0121``'s digits cut there), which no number
    spans."""
    sols = split_runs(digits, groups, size, cuts)
    return sols[0] if len(sols) == 1 else None


def split_runs(digits: str, groups: int, size: int, cuts: frozenset[int] = frozenset(),
               limit: int = 1) -> list[list[tuple[int, int]]]:
    """Every split of :func:`split_run`'s kind, in order, when at most ``limit`` fit (``270020130``: 27 0 0 2 0 1 30 and
    2 7 0 0 20 1 30); [] when none or more fit, or when finding out would take more than :data:`BUDGET` steps."""
    n = len(digits)
    k = groups * size
    if not digits.isdigit() or n < k or n > k * MAX_PART:
        return []
    sols: list[list[tuple[int, int]]] = []
    spans: list[tuple[int, int]] = []
    steps = 0

    def dfs(pos: int, g: int, i: int, acc: int) -> None:
        nonlocal steps
        steps += 1
        if len(sols) > limit or steps > BUDGET:
            return
        left, parts = n - pos, (groups - g) * size - i
        if left < parts or left > parts * MAX_PART:
            return
        if i == size - 1:  # the group's total: the sum of its parts, written next
            t = str(acc)
            if digits.startswith(t, pos) and not _spans_cut(cuts, pos, pos + len(t)):
                spans.append((pos, pos + len(t)))
                if g == groups - 1:
                    if pos + len(t) == n:
                        sols.append(list(spans))
                else:
                    dfs(pos + len(t), g + 1, 0, 0)
                spans.pop()
            return
        for width in range(1, MAX_PART + 1):
            if pos + width > n or (width > 1 and digits[pos] == "0") or (width > 1 and pos + width - 1 in cuts):
                break  # (a cut right after the width before: this number would span it)
            spans.append((pos, pos + width))
            dfs(pos + width, g, i + 1, acc + int(digits[pos:pos + width]))
            spans.pop()

    dfs(0, 0, 0, 0)
    return [] if steps > BUDGET or len(sols) > limit else sols


def _spans_cut(cuts: frozenset[int], a: int, z: int) -> bool:
    """Whether a number at ``a``–``z`` spans one of ``cuts`` (ends after it began and before it ends)."""
    return bool(cuts) and any(a < c < z for c in cuts)


def split_pieces(pieces: list[str], groups: int, size: int, limit: int = 1) -> list[list[tuple[int, int, int]]]:
    """:func:`split_runs` of the digits of ``pieces`` joined, each number ending within a piece (the page's spaces between
    them: ``200 000121`` → 20 0 0 0 0 1 21): for each split, ``(piece, start, end)`` of each number in its piece."""
    starts, at = [], 0
    for p in pieces:
        starts.append(at)
        at += len(p)
    out = []
    for spans in split_runs("".join(pieces), groups, size, frozenset(starts[1:]), limit):
        split = []
        for a, z in spans:
            j = bisect_right(starts, a) - 1
            split.append((j, a - starts[j], z - starts[j]))
        out.append(split)
    return out
