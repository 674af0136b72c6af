"""Self-reference kinds: how the report names its own agency (我局, 本街道, 我委 …).

A *self-reference* is a pronoun (我/本) directly followed by a body word.  Body words
fall into three classes:

* **institution words** (局 委 厅 办 街道 镇 乡 中心 院 署 部 …, plus the long forms
  委员会/管委会 → 委, 办公室/办事处 → 办, 办公厅 → 厅, 街道办事处 → 街道): the agency
  itself.  These are what the rules check.
* **generic words** (机关 单位 部门 行政机关 乡镇 镇街): fine for every agency, never flagged.
* **territory words** (省 市 区 县 州 盟 旗 …) are not matched at all: a 局 writing 我市 or
  a street office writing 我区 means its territory, and for a government 我县/我区/我市
  is its own name.  (A 区政府 writing 我县 is not flagged either: 我市 in a district
  report or 我区 in a Xinjiang county report is normal.)

Compounds that only look like a self-reference are excluded by look-arounds, all
configurable: the pronoun may not follow 自/忘/敌/唯/你 (自我…) or 基/根/成/资/日/原/版…
(基本…, 成本…, 校本…); the body word may not be followed by what makes it another
word (本办法, 我办理, 本局面, 本委托, 本部分, 本院落, 本中心城区 …).  Mentions inside
《》 (titles of documents) are ignored, and so are those inside another body's quoted words (区住建局在答复中
写明：“我局已…”: a quote right after a colon or a speaker verb whose clause names a body and no self-reference).
The words and the scan live in :mod:`..report.self_refs`, which also reads, with the defaults, the kind of a body no
name tells (``Agency.source == "voice"``, :func:`..report.self_refs.voice_kind`): these rules treat such a body as
unknown, since its kind is read from the very words they check.

``self-reference-mismatch`` (DL301): the agency kind is known (``report.agency``) and a
self-reference names a different kind of body — a 街道办事处 writing 我局.  Every
occurrence is reported.  The forms each kind may use are the ``allowed`` option
(``{word}`` stands for the agency's own word from its name: 县, 区, 中心, 厅 …); the
institution words found at the end of the agency's name (or of each name in a
two-name agency such as 某某办公室（某某局）) are also allowed.  Silent when the kind
is unknown, or when the kind's allowed forms need ``{word}`` and it is unknown.  A fix
(unsafe) is offered only when the kind's first allowed form is an institution form
and the name adds no second one: 我局 → 我街道; never for governments, whose stray
我局 may mean a department rather than the government itself.

``self-reference-inconsistent`` (DL302): the report mixes institution self-names
(我局 here, 我委 there).  The minority words are reported, naming the majority
(ties: the one used first).  When the kind is known, only the forms allowed for the
kind are compared — a form of the wrong kind is DL301's (no double report); what
remains is mixing of allowed forms, e.g. a street office using both 我街道 and 我办.
With an unknown kind all institution forms are compared.  No fix: the majority may
be the copied text.  The words of a body's two names (某某办公室（某某局）: 我办 and 我局; 某某街道办事处（某某镇人民政府）:
我街道 and 本镇) count as one: both are its own.

The detection options (``allowed``, ``words``, ``not_followed_by``, ``pronouns``, ``generic``, ``territory``) are
one definition, :class:`SelfReferenceOptions`, and one setting: DL302's rule file says ``options_from: DL301``, so
the engine gives DL302 those DL301 is configured with, unless DL302 sets them itself.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, TypeVar

from pydantic import Field

from ..report.agency import KIND_NAMES, Agency, classify, names
from ..report.self_refs import (
    DEFAULT_GENERIC,
    DEFAULT_NOT_FOLLOWED_BY,
    DEFAULT_PRONOUNS,
    DEFAULT_TERRITORY,
    DEFAULT_WORDS,
    Ref,
    RefScanner,
    memo,
    refs_of,
    token,
)
from . import register
from .base import FixEdit, Hit, Kind, KindOptions

if TYPE_CHECKING:  # pragma: no cover
    from ..report import AnnualReport

DEFAULT_ALLOWED: dict[str, list[str]] = {
    "street_office": ["我街道", "本街道", "本机关", "我办", "本办", "本单位", "本部门"],
    "town_government": ["我镇", "本镇", "本机关", "本单位", "本部门"],
    "township_government": ["我乡", "本乡", "本机关", "本单位", "本部门"],
    "province_government": ["我{word}", "本{word}", "本机关", "本单位"],
    "city_government": ["我{word}", "本{word}", "本机关", "本单位", "我办", "本办"],
    "county_government": ["我{word}", "本{word}", "本机关", "本单位", "我办", "本办"],
    "government_office": ["我{word}", "本{word}", "本机关", "本单位", "本部门"],
    "bureau": ["我局", "本局", "本机关", "本单位", "本部门"],
    "commission": ["我委", "本委", "本机关", "本单位", "本部门"],
    "office": ["我办", "本办", "本机关", "本单位", "本部门"],
    "department": ["我{word}", "本{word}", "本机关", "本单位", "本部门"],
    "vertical_branch": ["我{word}", "本{word}", "本机关", "本单位", "本部门"],
    "enforcement_unit": ["我{word}", "本{word}", "我队", "本队", "本机关", "本单位", "本部门"],
}

_TOWN_OFFICE = re.compile(r"(.*?(?:镇|乡|街道)(?:人民政府|办事处)?)(?:党政)?办公室$")


class SelfReferenceOptions(KindOptions):
    allowed: dict[str, list[str]] = Field(
        default_factory=lambda: {k: list(v) for k, v in DEFAULT_ALLOWED.items()},
        description="各机关类型可用的自称（{word} 为机关名称中的自称字，如 县、区、中心）；"
                    "未列出的类型沿用默认值；排在首位的是首选自称")
    words: dict[str, str] = Field(default_factory=lambda: dict(DEFAULT_WORDS),
                                  description="要识别的机关字样 → 归一后的自称字（委员会 → 委）")
    not_followed_by: dict[str, list[str]] = Field(
        default_factory=lambda: {k: list(v) for k, v in DEFAULT_NOT_FOLLOWED_BY.items()},
        description="机关字样后面跟着这些字时不是自称（本办法、我办理、本局面）")
    pronouns: dict[str, str] = Field(default_factory=lambda: dict(DEFAULT_PRONOUNS),
                                     description="自称代词 → 出现在其前面时不算自称的字（自我、基本、成本）")
    generic: list[str] = Field(default_factory=lambda: list(DEFAULT_GENERIC),
                               description="任何机关都可用的通用自称字样（本机关、本单位、本部门）")
    territory: list[str] = Field(default_factory=lambda: list(DEFAULT_TERRITORY),
                                 description="地域字样：我市、我区、我县指辖区，不检查")


class MismatchOptions(SelfReferenceOptions):
    message_forms: int = Field(default=3, ge=1, description="消息中列出的可用自称个数")
    fix: bool = Field(default=True, description="首选自称唯一时给出（不安全的）替换建议")


class InconsistentOptions(SelfReferenceOptions):
    """The detection options only.  DL302's rule file says ``options_from: DL301``: those it does not set
    itself are DL301's, as configured (resolved by the engine), so that one setting serves both rules."""


_NAME_SPLIT = re.compile(r"[（）()、/／]+")
_SENTENCE = re.compile(r"[我本《》，,。：:；;]")


_SelfReferenceOptionsT = TypeVar("_SelfReferenceOptionsT", bound=SelfReferenceOptions)


class _SelfReferenceBase(Kind[_SelfReferenceOptionsT]):
    Options = SelfReferenceOptions

    def __init__(self, rule, options, config):
        super().__init__(rule, options, config)
        o = self.options
        self._scanner = RefScanner(o.words, o.generic, o.not_followed_by, o.pronouns)
        self._re = self._scanner.re
        self._words = self._scanner.words
        self._generic = self._scanner.generic
        self._territory = set(o.territory)
        # what allowed_for depends on besides the agency: every detection option
        self._allowed_key = token((self._scanner.options_key,
                                    tuple(sorted((k, tuple(v)) for k, v in o.allowed.items())),
                                    tuple(sorted(o.pronouns.items())), frozenset(self._territory)))
        self._pron_chars = set(o.pronouns)
        self._by_word_suffix = sorted(self._words, key=lambda s: -len(s))
        self._table = None  # dict[str, list[str]] | None: made by _allowed_table() when first needed

    # -- scanning ------------------------------------------------------------------------
    def refs(self, report) -> list[Ref]:
        """The self-references of the report's prose, in document order (shared: not to be changed): DL301 and
        DL302 read them with the same options (DL302's come from DL301), so the second finds them in the report's
        memo (:func:`.self_refs.refs_of`)."""
        return refs_of(report, self._scanner)

    def _scan(self, report) -> list[Ref]:
        return self._scanner.scan(report)

    # -- the agency's own forms ----------------------------------------------------------
    def _category(self, word: str) -> str:
        if word in self._generic:
            return "generic"
        if word in self._territory:
            return "territory"
        return "institution"

    def _canonical_form(self, form: str) -> tuple[str, str] | None:
        """'我办公室' → ('我', '办'); None when the form does not start with a pronoun."""
        for p in self._pron_chars:
            if form.startswith(p) and len(form) > len(p):
                rest = form[len(p):]
                return p, self._words.get(rest, rest)
        return None

    def _word_of(self, form: str) -> str:
        """The body word of an allowed form (every allowed form starts with a pronoun: see allowed_for)."""
        canonical = self._canonical_form(form)
        assert canonical is not None, form
        return canonical[1]

    def _allowed_table(self) -> dict[str, list[str]]:
        table = self._table
        if table is None:  # made once per rule (read only): the options do not change after it is made
            table = self._table = {k: list(v) for k, v in DEFAULT_ALLOWED.items()}
            table.update(self.options.allowed)
        return table

    def allowed_for(self, agency, table: dict[str, list[str]] | None = None):
        """``(forms, ambiguous)`` for the agency: forms in preference order (canonical,
        e.g. '我街道'), or ``None`` when the kind or its own word is unknown."""
        return self._allowed_for(agency, table)

    def _allowed_in(self, report, agency: Agency):
        """``allowed_for(agency)`` for the report's agency: a pure function of the agency and the options, which
        both rules ask for each report (the second finds it in the report's memo; a copy of the list is given:
        the callers own it)."""
        m = memo(report)
        key = (self._allowed_key, agency)
        if key not in m:
            m[key] = self._allowed_for(agency)
        res = m[key]
        return None if res is None else (list(res[0]), res[1])

    def _allowed_for(self, agency, table: dict[str, list[str]] | None = None):
        if not agency.kind:
            return None
        templates = (table or self._allowed_table()).get(agency.kind)
        if templates is None:
            return None
        forms: list[str] = []
        for t in templates:
            if "{word}" in t:
                if not agency.word:
                    return None  # the kind's own word is needed and unknown
                t = t.replace("{word}", agency.word)
            c = self._canonical_form(t)
            if c is None:
                continue
            f = c[0] + c[1]
            if f not in forms:
                forms.append(f)
        inst_words = {self._word_of(f) for f in forms} - self._generic - self._territory
        extra = []
        for w in self._name_words(agency):
            if w not in inst_words:
                extra.append(w)
                inst_words.add(w)
        for w in extra:
            for p in sorted(self._pron_chars):
                if p + w not in forms:
                    forms.append(p + w)
        return forms, bool(extra)

    def _name_words(self, agency) -> list[str]:
        """Institution words at the end of the agency's name(s): 某某办公室（某某局） → 办, 局."""
        out: list[str] = []
        if agency.word and self._category(self._words.get(agency.word, agency.word)) == "institution":
            out.append(self._words.get(agency.word, agency.word))
        # (the office that signed for its body: 某某镇人民政府党政办公室 → 我镇 and 我办)
        for seg in [*_NAME_SPLIT.split(agency.name or ""), *_NAME_SPLIT.split(getattr(agency, "office", None) or "")]:
            seg = seg.strip()
            office = _TOWN_OFFICE.match(seg)  # 某某镇人民政府办公室 reports as its town's government: 我镇 too
            # (某某行政服务中心管委会: the 中心's managing committee, 本中心 too)
            board = re.sub(r"(?:管委会|管理委员会)$", "", seg) if seg.endswith(("管委会", "管理委员会")) else None
            for w in (self._seg_word(seg), self._seg_word(office.group(1)) if office else None,
                      self._seg_word(board) if board else None):
                if w is not None and w not in out:
                    out.append(w)
        return out

    def _seg_word(self, seg: str) -> str | None:
        """The institution word of one name: the body word it ends with (某某局 → 局), else its kind's own word
        (青石镇人民政府 → 镇), or None."""
        for s in self._by_word_suffix:
            if seg.endswith(s):
                return self._words[s]
        word = classify(seg)[1] if seg else None
        if word and self._category(self._words.get(word, word)) == "institution":
            return self._words.get(word, word)
        return None

    def _twin_words(self, agency) -> frozenset[str]:
        """The words of a body with two names, one for each (某某办公室（某某局） → 办, 局; 某某街道办事处（某某镇人民政府）
        → 街道, 镇): both are its own, so mixing them is no inconsistency.  Empty for a body with one name."""
        parts = names(agency.name or "")
        if len(parts) < 2:
            return frozenset()
        words = {self._seg_word(p) for p in parts}
        words.discard(None)
        return frozenset(w for w in words if w is not None) if len(words) >= 2 else frozenset()

    @staticmethod
    def agency_of(report) -> Agency:
        """``report.agency``, with two gaps worked around:

        * a "title" that is a body sentence (现将我局2014年政府信息公开情况报告如下。, taken as
          the title by ``AnnualReport.title_block``) gives a name holding 我/本/《/，…: not trusted;
          nor is a kind read from the report's self-words (source ``voice``);
        * a bracketed second name (某某办公室（某某局）, given in the configuration) has no kind
          for ``classify``, which looks only at the end of the name: the first name that
          classifies gives it.
        """
        agency = report.agency
        name = (agency.name or "").strip()
        if (agency.source == "title" and _SENTENCE.search(name)) or agency.source == "voice":
            return Agency(None, None, None, "none")  # (a kind read from the self-words these rules check: unknown)
        if agency.kind or not name or not _NAME_SPLIT.search(name):
            return agency
        for seg in _NAME_SPLIT.split(name):
            kind, word = classify(seg.strip()) if seg.strip() else (None, None)
            if kind:
                return Agency(agency.name, kind, word, agency.source)
        return agency

    def who(self, agency) -> str:
        kind_name = KIND_NAMES.get(agency.kind or "")
        name = agency.name
        if name and kind_name:
            first = names(name)[0]  # of a body with two names (某某办公室（某某局）), the first tells its kind
            redundant = (first.endswith(kind_name) or agency.kind == "department"
                         or (agency.kind == "commission" and first.endswith("管委会"))
                         or (kind_name.endswith("人民政府") and first.endswith("政府"))
                         or (agency.kind == "government_office" and first.endswith(("办公室", "办公厅"))))
            return name if redundant else f"{name}（{kind_name}）"
        return name or kind_name or "本报告"


def _quote_list(forms: list[str]) -> str:
    q = [f"“{f}”" for f in forms]
    if len(q) <= 1:
        return "".join(q)
    return "".join(q[:-1]) + "或" + q[-1]


def _key(ref: Ref) -> str:
    text = ref.block.text
    return f"{ref.text}|{text[max(0, ref.start - 6):ref.end + 6]}"


@register
class SelfReferenceMismatch(_SelfReferenceBase[MismatchOptions]):
    name = "self-reference-mismatch"
    Options = MismatchOptions
    params = frozenset({"who", "expected", "kind_name"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        agency = self.agency_of(report)
        res = self._allowed_in(report, agency)
        if res is None:
            return
        forms, ambiguous = res
        allowed = set(forms)
        expected = _quote_list(forms[: self.options.message_forms])
        who = self.who(agency)
        first_word = self._word_of(forms[0]) if forms else None
        preferred = first_word if (first_word and not ambiguous and self.options.fix
                                   and self._category(first_word) == "institution") else None
        hits = self._mismatches(report, agency, forms, allowed, expected, who, preferred)
        if agency.source not in _GUESSED:
            yield from hits
            return
        # a body read from the opening or the page's fields: once, saying so (the guess may be what is wrong: 由某某局编制
        # over a company's 我公司 throughout, a real page that had four warnings)
        found = list(hits)
        if found:
            first = found[0]
            count = f"这样的自称全文共{len(found)}处，" if len(found) > 1 else ""
            first.params["who"] = (f"{who}（本机关是从报告开头或网页栏目推断的，报告没有标题和落款；{count}"
                                   "若报告其实是其他机关的，请核对开头）")
            first.evidence["count"] = len(found)
            yield first

    def _mismatches(self, report, agency, forms, allowed, expected, who, preferred) -> Iterator[Hit]:
        for ref in self.refs(report):
            if ref.generic or ref.form in allowed:
                continue
            fix = None
            desc = None
            if preferred is not None:
                repl = ref.pronoun + preferred
                if repl not in allowed:
                    repl = next(f for f in forms if self._word_of(f) == preferred)
                fix = [FixEdit(ref.block, ref.start, ref.end, repl)]
                desc = f"将“{ref.text}”改为“{repl}”（请先确认此处确指本机关，而非其他机关）"
            yield Hit(
                block=ref.block, start=ref.start, end=ref.end,
                params={"who": who, "expected": expected, "kind_name": KIND_NAMES.get(agency.kind or "", agency.kind)},
                evidence={"expected": "、".join(forms), "actual": ref.text, "allowed": forms, "agency": agency.name,
                          "agency_kind": agency.kind, "agency_source": agency.source},
                key=_key(ref), fix=fix, fix_description=desc, fix_safe=False,
                # (a body read from a sentence of the opening or the page's fields, no title, 落款 or configuration:
                # a guess — 由某某局编制 over a company's 我公司 — the self-word may be right and the guess wrong)
                severity="warning" if agency.source in _GUESSED else None,
            )


_GUESSED = frozenset({"opening", "page"})  # where a body's name is read from a sentence or a field, not stated as its own

# the words one body calls itself by, all of its name: a street office (街道办事处) is its 街道, its 办事处, its 办
_SAME_BODY = {"street_office": frozenset({"街道", "街", "办事处", "街道办", "街道办事处", "办"})}
# the office a reader is told to contact (如有疑问请与我办联系, 可向我办咨询): the body's office that handles the
# requests, not the body speaking of itself under another word
_CONTACT_AFTER = re.compile(r"[^，。；,;\n]{0,8}?(?:联系|咨询|反映|来电|来函)")


def _contact_office(r: Ref, agency: Agency) -> bool:
    """Is ``r`` (我办) the office in the report's contact sentence of a body that is no 办 itself?"""
    return (r.word == "办" and agency.word != "办" and r.start > 0 and r.block.text[r.start - 1] in "与向给"
            and _CONTACT_AFTER.match(r.block.text, r.end) is not None)


@register
class SelfReferenceInconsistent(_SelfReferenceBase[InconsistentOptions]):
    name = "self-reference-inconsistent"
    Options = InconsistentOptions
    params = frozenset({"who", "majority", "majority_count"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        refs = [r for r in self.refs(report) if not r.generic and self._category(r.word) == "institution"]
        if len(refs) < 2:
            return
        agency = self.agency_of(report)
        refs = [r for r in refs if not _contact_office(r, agency)]
        res = self._allowed_in(report, agency)
        if res is not None:
            allowed = set(res[0])
            refs = [r for r in refs if r.form in allowed]  # other forms are DL301's
        twins = self._twin_words(agency) if res is not None else frozenset()
        twin_key = "、".join(sorted(twins))

        same = _SAME_BODY.get(agency.kind or "", frozenset())

        def word(r: Ref) -> str:  # the words of a body's two names count as one; so do a street office's own words
            return twin_key if r.word in twins else "街道" if r.word in same else r.word

        counts = Counter(word(r) for r in refs)
        if len(counts) < 2:
            return
        first: dict[str, int] = {}
        for i, r in enumerate(refs):
            first.setdefault(word(r), i)
        majority = max(counts, key=lambda w: (counts[w], -first[w]))
        maj_forms = Counter(r.text for r in refs if word(r) == majority)
        shown = "".join(f"“{f}”" for f, _ in maj_forms.most_common(3))
        top_form = maj_forms.most_common(1)[0][0]
        form_counts = dict(Counter(r.text for r in refs))
        who = self.who(agency) if res is not None else "本报告"
        for r in refs:
            if word(r) == majority:
                continue
            yield Hit(
                block=r.block, start=r.start, end=r.end,
                params={"who": who, "majority": shown, "majority_count": counts[majority]},
                evidence={"expected": top_form, "actual": r.text, "counts": form_counts,
                          "agency_kind": agency.kind},
                key=_key(r),
            )
