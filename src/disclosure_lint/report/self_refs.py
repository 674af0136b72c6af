"""How a report names its own body (我局, 本街道, 我委 …): the words, and the scan that finds them.

The one home of this idea: the rules DL301 and DL302 (:mod:`..kinds.self_reference`) scan with a :class:`RefScanner`
made from their options (these defaults unless configured); :func:`voice_kind` scans with the defaults to tell the kind
of a body that its report names nowhere (no title, 落款, opening or page field: a crawled page whose title was lost)
from the one word it calls itself by throughout (我镇 … 本镇 …: a town).  Both read a report's references from one
memo (:func:`refs_of`), so a report is scanned once for each set of options.

A *self-reference* is a pronoun (我/本) directly followed by a body word (局 委 厅 办 街道 镇 乡 中心 院 署 部 …, plus
the long forms 委员会/管委会 → 委, 办公室/办事处 → 办, 办公厅 → 厅, 街道办事处 → 街道) or a generic word (机关 单位
部门 行政机关 乡镇 镇街), fine for every body.  Territory words (省 市 区 县 州 盟 旗 …) are not matched: a 局 writing 我市
means its territory.  The pronoun may not follow 自/忘/敌/唯/你 (自我…) or 基/根/成/资/日/原/版… (基本…, 成本…); the
body word may not be followed by what makes it another word (本办法, 我办理, 本局面, 本委托 …).  Mentions inside 《》 are
skipped, and so are those inside another body's quoted words (区住建局在答复中写明：“我局已…”).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from ..model import Block, slots_twin

if TYPE_CHECKING:  # pragma: no cover
    from .annual import AnnualReport

DEFAULT_WORDS: dict[str, str] = {
    "街道办事处": "街道", "街道办": "街道", "街道": "街道",
    "管委会": "委", "委员会": "委", "委": "委",
    "办公室": "办", "办事处": "办", "办": "办",
    "办公厅": "厅", "厅": "厅",
    "局": "局", "镇": "镇", "乡": "乡", "中心": "中心", "院": "院", "署": "署", "部": "部",
    # a company's words: no government body calls itself so (a company's report put out under a bureau's name)
    "公司": "公司", "集团": "集团",
}

DEFAULT_NOT_FOLLOWED_BY: dict[str, list[str]] = {
    "办": ["法", "理", "结", "件", "案", "好", "事", "公", "实", "学", "证", "照", "税", "班"],
    "局": ["面", "限", "势", "域"],
    "委": ["托", "屈", "婉", "派", "任", "员", "身", "实"],
    "镇": ["定", "压", "静", "守"],
    "乡": ["村", "亲", "土", "贤", "愁", "音", "情", "下", "间", "里", "本"],
    "中心": ["城", "区"],
    "院": ["落", "子", "校", "线", "士"],
    "署": ["名", "理", "期"],
    "部": ["署", "分", "队", "位", "件", "长", "属", "落", "类", "委", "级", "室", "际", "首",
          "及", "和", "与"],  # (机关本部及下属事业单位: the headquarters, not a ministry)
}

DEFAULT_PRONOUNS: dict[str, str] = {
    "我": "自忘敌唯你",
    "本": "基根成资日原版剧脚课样账标文范读副书蓝工老校",
}

DEFAULT_GENERIC = ["行政机关", "机关", "单位", "部门", "乡镇", "镇街", "街镇"]
DEFAULT_TERRITORY = ["自治区", "自治州", "自治县", "省", "市", "区", "县", "州", "盟", "旗"]


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference of the report to its own body (我办公室, 本局): where, as written, its pronoun and body word."""

    block: Block
    start: int
    end: int
    text: str  # as written: 我办公室
    pronoun: str  # 我 | 本
    word: str  # canonical body word: 办
    generic: bool

    @property
    def form(self) -> str:
        return self.pronoun + self.word


_RefSlots = slots_twin(Ref)  # a Ref made without the frozen dataclass's __init__ (see model.slots_twin)


def new_ref(block: Block, start: int, end: int, text: str, pronoun: str, word: str, generic: bool) -> Ref:
    r: Any = _RefSlots()
    r.block, r.start, r.end, r.text, r.pronoun, r.word, r.generic = block, start, end, text, pronoun, word, generic
    r.__class__ = Ref
    return r


TITLE_SPAN = re.compile(r"《[^《》\n]{0,80}》")
# A quoted utterance of another body: “…” or 「…」 right after a colon or a speaker verb (写明：“…”, 表示，“…”),
# whose clause names a body and no self-reference (区住房和城乡建设局在答复中写明：“我局已…”): the 我局 inside is
# the quoted body's, not the report's.  A quote for emphasis (我局“三审三校”) is not an utterance, nor a
# definition of the report's own name (以下简称“我街道”).
_QUOTE_SPAN = re.compile(r"“[^“”\n]{1,200}”|「[^「」\n]{1,200}」")
_SPEAKER = re.compile(r"(?:[：:]|(?:表示|写明|载明|注明|(?<![简统又俗名号])称|答复|回复|复函|指出|要求|说明|告知|明确|强调|认为|提出|函告)"
                      r"\s?[，,：:]?)\s?$")
_CLAUSE_END = re.compile(r"[，,。；;！!？?\n“”「」]")
_BODY_WORD = re.compile(r"局|委|厅|办|院|政府|街道|镇|乡|中心|署|公司|法院|检察院")


class RefScanner:
    """The self-references of a report's prose for one set of detection options (words, generic words, exclusions
    after a word, pronouns and the characters that may not stand before each)."""

    def __init__(self, words: Mapping[str, str], generic: list[str], not_followed_by: Mapping[str, list[str]],
                 pronouns: Mapping[str, str]) -> None:
        self.words = dict(words)
        self.generic = set(generic)
        # each pronoun first, then the look-behind on the character before it: the pattern starts with a literal
        # in every alternative, so the regex engine skips ahead to a pronoun (a pattern led by look-behinds is
        # tried at every character); ``P(?<![x]P)`` is ``(?<![x])P``, the same matches
        prons = [re.escape(p) + (f"(?<![{re.escape(excl)}]{re.escape(p)})" if excl else "")
                 for p, excl in sorted(pronouns.items())]
        pron = "|".join(prons)
        surfaces = sorted(set(self.words) | self.generic, key=lambda s: (-len(s), s))
        alts = []
        for s in surfaces:
            nf = [x for x in not_followed_by.get(s, []) if x]
            alts.append(re.escape(s) + (f"(?!{'|'.join(map(re.escape, nf))})" if nf else ""))
        self.re = re.compile(f"(?P<p>{pron})(?P<w>{'|'.join(alts)})") if pron and alts else None
        # the pattern as one per pronoun, each led by its literal (re skips ahead to it as str.find does; the
        # alternation is led by a class of the pronouns' first characters, tested at every character): see matches
        self._split = [re.compile(f"(?P<p>{p})(?P<w>{'|'.join(alts)})") for p in prons] if self.re else []
        # the report's blocks searched as one text joined by newlines when no pronoun, word or exclusion holds one:
        # no match then holds a newline, and what a look-around sees at a newline it sees at a text's start or end
        self.joinable = not any("\n" in x for x in (*pronouns, *pronouns.values(), *surfaces,
                                                      *(y for v in not_followed_by.values() for y in v)))
        # what the references of a report depend on, as a small number: the key of the report's memo (see refs_of)
        self.options_key = (self.re.pattern if self.re is not None else None, frozenset(self.generic),
                            tuple(sorted(self.words.items())))
        self.key = ("refs", token(self.options_key))

    def scan(self, report: AnnualReport) -> list[Ref]:
        if self.re is None:
            return []
        blocks = report.text_blocks
        if self.joinable:  # one search over the blocks' texts joined by newlines (a search per block cost more)
            return self._refs(blocks, [b.text for b in blocks])
        return [r for b in blocks for r in self._refs([b], [b.text])]

    def _refs(self, blocks: list[Block], texts: list[str]) -> list[Ref]:
        """The references in ``blocks`` (whose texts are ``texts``), found in their texts joined by newlines."""
        out: list[Ref] = []
        generic_words, words = self.generic, self.words
        bases = list(accumulate([len(t) + 1 for t in texts], initial=0))  # where each text starts in the joined
        end = -1  # the block of the last match ends before this
        k = base = 0
        titles: list[tuple[int, int]] = []  # the 《…》 spans of that block, found at its first reference
        title_starts: list[int] = []
        quotes: list[tuple[int, int]] = []  # the quoted utterances of other bodies in that block
        quote_starts: list[int] = []
        for m in self.matches("\n".join(texts)):
            s = m.start()
            if s >= end:
                k = bisect_right(bases, s) - 1
                base, end, text = bases[k], bases[k + 1], texts[k]
                titles = [t.span() for t in TITLE_SPAN.finditer(text)] if "《" in text else []
                title_starts = [a for a, _ in titles]
                quotes = self._quoted(text) if "“" in text or "「" in text else []
                quote_starts = [a for a, _ in quotes]
            s -= base
            if titles:
                i = bisect_right(title_starts, s) - 1
                if i >= 0 and titles[i][0] < s < titles[i][1]:
                    continue
            if quotes:
                i = bisect_right(quote_starts, s) - 1
                if i >= 0 and quotes[i][0] < s < quotes[i][1]:
                    continue
            surface = m.group("w")
            generic = surface in generic_words
            word = surface if generic else words[surface]
            out.append(new_ref(blocks[k], s, m.end() - base, m.group(0), m.group("p"), word, generic))
        return out

    def _quoted(self, text: str) -> list[tuple[int, int]]:
        """The spans of the quoted utterances of other bodies in ``text`` (see :data:`_QUOTE_SPAN`), in order."""
        out = []
        for q in _QUOTE_SPAN.finditer(text):
            a = q.start()
            lead = _SPEAKER.search(text, max(0, a - 8), a)
            if lead is None:
                continue
            c = lead.start()
            cut = max((m.end() for m in _CLAUSE_END.finditer(text, max(0, c - 40), c)), default=max(0, c - 40))
            clause = text[cut:c]
            if _BODY_WORD.search(clause) and self.re is not None and self.re.search(clause) is None:
                out.append(q.span())
        return out

    def matches(self, text: str) -> Iterator[re.Match[str]]:
        """``self.re.finditer(text)`` from the pronouns' own patterns: at each step the match that starts first (the
        earlier pronoun's at a tie, as the alternation tries them), each pattern searched again from the end of the
        match taken when its own next match started before it."""
        pats = self._split
        if len(pats) == 1:
            yield from pats[0].finditer(text)
            return
        found = [p.search(text) for p in pats]
        while True:
            first = None
            for m in found:
                if m is not None and (first is None or m.start() < first.start()):
                    first = m
            if first is None:
                return
            yield first
            end = first.end()
            for k, m in enumerate(found):
                if m is not None and m.start() < end:
                    found[k] = pats[k].search(text, end)


@lru_cache(maxsize=1)
def default_scanner() -> RefScanner:
    return RefScanner(DEFAULT_WORDS, DEFAULT_GENERIC, DEFAULT_NOT_FOLLOWED_BY, DEFAULT_PRONOUNS)


_TOKENS: dict[tuple, int] = {}


def token(key: tuple) -> int:
    """A small number for a configuration's key (hashed once, not at every look-up in a report's memo)."""
    return _TOKENS.setdefault(key, len(_TOKENS))


def memo(report: AnnualReport) -> dict:
    """Facts of one report about its self-references, kept in the report's own instance dictionary (as its cached
    properties are): they live and die with the report."""
    d = report.__dict__
    out = d.get("_self_reference_memo")
    if out is None:
        out = d["_self_reference_memo"] = {}
    return out


def refs_of(report: AnnualReport, scanner: RefScanner) -> list[Ref]:
    """The self-references of the report's prose, in document order, for ``scanner``'s options (shared: not to be
    changed)."""
    m = memo(report)
    out = m.get(scanner.key)
    if out is None:
        out = m[scanner.key] = scanner.scan(report)
    return out


# the body words that tell one kind of body, each: 我镇 a town, 我局 a bureau — not 我办 (an office, a street office, a
# town's 党政办), 我厅 (a department, a government's 办公厅), 我中心, 我院 (a public institution or a department)
VOICE_KINDS = {"街道": "street_office", "镇": "town_government", "乡": "township_government", "局": "bureau",
               "委": "commission"}
MIN_VOICE = 2  # times a report calls itself so, at least, for its kind to be read from it


def voice_kind(report: AnnualReport) -> tuple[str, str] | None:
    """(kind, word) of the body a report calls itself by with one word throughout (我镇 and 本镇, at least
    :data:`MIN_VOICE` times, no other body word: 我镇 … 我办 tells nothing), a word of :data:`VOICE_KINDS`; else None."""
    words = [r.word for r in refs_of(report, default_scanner()) if not r.generic]
    if len(words) < MIN_VOICE or len(set(words)) != 1 or words[0] not in VOICE_KINDS:
        return None
    return VOICE_KINDS[words[0]], words[0]
