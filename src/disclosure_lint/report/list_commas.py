"""A comma among the 顿号 of a list of parallel words: 知情权、参与权，监督权; 首问责任制，一次性告知制、限时办结制.

GB/T 15834-2011 puts a 顿号 between parallel words and a comma between clauses.  A comma is found only where it
stands between two items of a list whose neighbouring item is joined by a 顿号 and all three are plainly the same
kind of word:

* the items around the comma are short words (two to six Chinese characters, the last one before 等, 等制度, 等方面 … or
  before a final 和/及/与/或 pair) with no particle inside (的 了 以 其中 在 对 把 被 将 为 是: a phrase, not a word);
* the three end alike (…权, …制, …性, …公开) — the first may carry the clause's verb in front
  (三是建立了首问责任制，一次性告知制、限时办结制);
* the item after the comma does not open with a verb or an adverb (加强 推进 提升 确保 不断 …): after
  …增强政府公信力、执行力，提升政府治理能力 a clause begins, and that comma is right.

A list whose items differ in shape is left alone: the comma there may be meant (推进用权公开，决策公开、…).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..memo import Kept, held
from .writing import Piece

# a 顿号 and a comma on either side of a short word, the word before them, it and the word after ending in the same
# character (X，Y、Z or X、Y，Z): what every comma found needs.  Three patterns, each opening with its separator (a
# literal, which the regular expression engine looks for fast) and looking back for the character before it: one
# pattern opening with a class of Chinese characters took six times as long over a report.
_C = "\u4e00-\u9fff"
GATES = (re.compile(f"、(?<=([{_C}])、)[{_C}]{{1,5}}\\1[，,][{_C}]{{1,5}}\\1"),
         re.compile(f"，(?<=([{_C}])，)[{_C}]{{1,5}}\\1、[{_C}]{{1,5}}\\1"),
         re.compile(f",(?<=([{_C}]),)[{_C}]{{1,5}}\\1、[{_C}]{{1,5}}\\1"))


_CLAUSE_MARKS = "。；;！!？?：:\n"
_CLAUSE_END = re.compile(f"[{_CLAUSE_MARKS}]")
_SEP = re.compile(r"[、，,]")
_WORD = re.compile(r"[\u4e00-\u9fff]{2,6}")
_PARTICLE = re.compile(r"[的了以在对把被将为是]|其中")
_LAST_PAIR = re.compile(r"[和及与或][\u4e00-\u9fff]{2,6}$")
_ETC = re.compile(r"(?<=[\u4e00-\u9fff]{2})等(?:等|方面|制度|机制|工作|内容|事项|信息|形式|措施|渠道|平台|领域|权利)?$")
_CJK_TAIL = re.compile(r"[\u4e00-\u9fff]+$")
# the head of a clause: a verb or an adverb the reports open their clauses with
_CLAUSE_HEAD = re.compile(
    r"加强|强化|深化|推进|推动|完善|健全|做好|抓好|落实|提升|提高|增强|扩大|规范|建立|坚持|确保|保障|促进|实现|开展"
    r"|围绕|着力|持续|不断|进一步|积极|切实|严格|全面|及时|主动|认真|依法|按照|根据|通过|利用|充分|努力|有效|坚决"
    r"|全力|大力|扎实|加快|优化|创新|注重|突出|聚焦|紧扣|紧盯|形成|构建|打造|营造|发挥|用好|管好|建好|办好|抓实|压实"
    r"|夯实|做到|确立|明确|细化|压紧|畅通|拓宽|丰富|及早|同时|并且|而且|以及|此外|共计|其中"
    # (…卫生健康信息，涵盖人事信息、财政信息: what the information covers, a clause of its own)
    r"|涵盖|包括|包含|涉及|覆盖|囊括")


@dataclass(frozen=True)
class ListComma:
    """The comma at ``piece.text[start]`` between two of the three ``items`` (the first as far as its Chinese
    characters reach back, the last without 等 or a final 和X), in the list ``piece.text[list_start:list_end]``."""

    piece: Piece
    start: int
    items: tuple[str, str, str]
    pair: tuple[str, str]  # the items just before and just after the comma
    ending: str  # the ending the items share (权, 制, 公开)
    list_start: int
    list_end: int

    @property
    def mark(self) -> str:
        return self.piece.text[self.start]

    @property
    def quoted(self) -> str:
        return self.piece.text[self.list_start:self.list_end]


def _word(text: str, last: bool) -> str | None:
    """``text`` as a list item: a short word without a particle, else None.  ``last``: the list may end here, so
    ``等`` after it and a final ``和X`` pair are taken off first."""
    if last:
        text = _LAST_PAIR.sub("", _ETC.sub("", text))
    return text if _WORD.fullmatch(text) and not _PARTICLE.search(text) else None


_PARTICLE_CUT = re.compile("[的了是为在对把将以]")


def _head_word(tail: str, longest: int) -> str:
    """The first item of the list in the Chinese characters before its separator: after the last particle
    (三是建立了首问责任制 → 首问责任制, 保障人民群众的知情权 → 知情权), at most eight characters (else as long as the
    longest other item)."""
    cut = max(tail.rfind(p) for p in "的了是为在对把将以")
    word = tail[cut + 1:] if len(tail) - cut - 1 >= 2 else tail
    return word if len(word) <= 8 else word[-longest:]


def _ending(*words: str) -> str:
    n = 0
    while all(len(w) > n for w in words) and len({w[-1 - n] for w in words}) == 1:
        n += 1
    return words[0][len(words[0]) - n:] if n else ""


# a list's last item run into the verb of its clause (宣传委员任分管领导, 各股室负责人为成员): the list is that clause's subject
_SUBJECT_END = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:任|为|是|担任|兼任|负责|作为)")


def _subject_run(tokens: list[str], marks: list[str], k: int) -> bool:
    """Whether the run of items joined by 顿号 from token ``k`` ends in a token that runs into its clause's verb."""
    while k < len(marks) and marks[k] == "、":
        k += 1
    return k < len(tokens) and _word(tokens[k], True) is None and _SUBJECT_END.match(tokens[k]) is not None


def _in_clause(piece: Piece, lo: int, hi: int) -> list[ListComma]:
    text = piece.text
    seps = [m.start() for m in _SEP.finditer(text, lo, hi)]
    if len(seps) < 2:
        return []
    bounds = [lo, *[s + 1 for s in seps]]
    ends = [*seps, hi]
    tokens = [text[b:e].strip() for b, e in zip(bounds, ends)]
    marks = [text[s] for s in seps]
    out = []
    for j, mark in enumerate(marks):
        if mark == "、":
            continue
        # the comma after token j: its neighbour joined by a 顿号 is after token j+1 (X，Y、Z) or before token j (X、Y，Z)
        for first, after in ((j, True), (j - 1, False)):
            if first < 0 or first + 2 >= len(tokens):
                continue
            if marks[first + 1 if after else first] != "、":
                continue
            tail = _CJK_TAIL.search(tokens[first])
            if tail is None or len(tail.group()) < 2:
                continue
            mid = _word(tokens[first + 1], False)
            last = _word(tokens[first + 2], first + 2 == len(tokens) - 1 or marks[first + 2] != "、")
            if mid is None or last is None:
                continue
            if _CLAUSE_HEAD.match(mid if after else last):  # the word just after the comma opens a clause
                continue
            if after and _subject_run(tokens, marks, first + 1):
                continue  # …工作人员为成员，党委委员、组织委员、宣传委员任分管领导: the list after the comma is a clause's subject
            head = _head_word(tail.group(), max(len(mid), len(last)))
            if len(head) < len(tail.group()) and min(len(mid), len(last)) >= 5 and not _PARTICLE_CUT.search(tail.group()):
                # the item before the comma a long phrase cut short (…政府信息公开收费及减免情况,行政复议情况、行政诉讼情况:
                # a real page's list of its parts, joined by commas, a pair of them by a 顿号) — no list of short words
                continue
            ending = _ending(head, mid, last)
            if not ending:
                continue
            lead = text[bounds[first]:ends[first]].rstrip()
            pair = (head, mid) if after else (mid, last)
            out.append(ListComma(piece, seps[j], (head, mid, last), pair, ending,
                                 bounds[first] + len(lead) - len(head), ends[first + 2]))
            break
    return out


_GATED: Kept[str, bool] = Kept("list commas: whether a prose piece holds a match of the gates", 4096)


def find_list_commas(pieces: list[Piece]) -> list[ListComma]:
    """Every comma among a list's 顿号 in the prose ``pieces`` (``report.list_commas``): the clauses that
    :data:`GATES` find something in, read item by item.  Whether the gates find something in a piece is a pure function
    of its text, kept for the next report (the prose blocks recur from report to report); the pieces not kept are
    searched joined by newlines (a clause's end, which no match crosses), once, not piece by piece.  Only the pieces
    with a match (few) are searched again, alone, for their clauses."""
    known = held(_GATED, [p.text for p in pieces], [gate.finditer for gate in GATES])
    out: list[ListComma] = []
    for n, gated in enumerate(known):
        if gated:
            out.extend(_in_piece(pieces[n]))
    return out


def _in_piece(piece: Piece) -> list[ListComma]:
    """The commas among a list's 顿号 in one piece: the clauses its gates' matches are in, each read once (a long text
    of one clause with many matches is read once, not once a match), looked up among the clause ends found once."""
    text = piece.text
    hits = [m.start() for gate in GATES for m in gate.finditer(text)]
    ends = [m.start() for m in _CLAUSE_END.finditer(text)]
    clauses = sorted({bisect_right(ends, at) for at in hits})  # (the clause after ends[i - 1], up to ends[i])
    out: list[ListComma] = []
    for c in clauses:
        out.extend(_in_clause(piece, ends[c - 1] + 1 if c > 0 else 0, ends[c] if c < len(ends) else len(text)))
    return out
