"""``misquoted-title``: a quoted title (《…》) that misses the name of a document the reports cite by a character or
two — 《中华人民共和国信息公开条例》, 《…关于印发〈中华人民共和国政府信息公开年度报告格式〉的通知》.

Each entry of ``titles`` is a document's name as it was issued; the name itself, its tails from the words
``suffixes_from`` on (《政府信息公开条例》, 《关于印发〈…〉的通知》) and its ``shorts`` (《条例》) are right.  A quoted title
is compared with them after spaces and the inner brackets (〈〉 <>) are dropped and brackets' widths folded, and
reported when it is none of them but at most ``max_distance`` edits (a character left out, added or changed; one
more for a name of 30 characters or more) from one that it neither contains nor lies inside and whose last character
it ends with: a title that holds a whole name is another document (《…条例释义》, 《湖南省实施〈…〉办法》), one that is a
part of a name is another's name or a short form the kind does not judge (《政府信息公开工作年度报告》 is not the
format's name cut short), and one that ends in another word is another kind of document (《政府信息公开指南》,
《政府信息公开目录》 beside 《政府信息公开条例》).  An entry's ``unless`` (a regex) leaves out the titles it finds something
in (a local office's 《关于转发〈…〉的通知》).  An entry's ``require`` (a regex searched in the quoted title and the text
right after it) keeps it to citations of that very document: a local notice may share all but a word of the national
one's name (关于做好…年度报告有关事项的通知); the same misquote cited again in the report, without the number, is the
same slip and reported there too.

A name's marks put in the wrong place are reported as well (:meth:`MisquotedTitle._misplaced`): the closing 》 before
the name's last words (《…关于印发中华人民共和国…年度报告格式》的通知), and a notice's 的通知 inside the name of the
document it issues (关于印发《…年度报告格式的通知》).

A copy of a web page that lost characters elsewhere (:func:`..report.dates.lossy_copy`) may have lost this one's too:
the message says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from pydantic import Field

from ..memo import Kept
from ..report.dates import lossy_copy
from ..userregex import compile_pattern
from . import register
from .base import FixEdit, Hit, Kind, KindOptions, UserPattern

if TYPE_CHECKING:  # pragma: no cover
    from ..report import AnnualReport

_QUOTED = re.compile(r"《([^《》\n\t]{4,80})》")
_DROPPED = re.compile(r"[\s\u3000〈〉<>＜＞\"“”'‘’]")
_WIDTHS = str.maketrans("（）", "()")
_FOLLOWING = 40  # characters after the title searched for ``require`` (its document number in brackets)
_LONG = 30  # a name of this many characters or more allows one edit more
_LOST = "（本文别处有转存丢字的痕迹，这里缺的字也可能是转存时丢失的，请对照发布原文）"
_MEMO = 2048  # keys whose near names a rule keeps across reports at most
# a title as quoted (at most 80 characters) → its normalised key, kept across reports (the same few titles)
_KEYS: Kept[str, str] = Kept("misquoted-title: a quoted title's key", 2048)
_TAIL = 4  # characters of a name left outside its closing 》 (的通知) looked for
_NOTICE = "的通知"
_INNER_MARKS = re.compile(r"[〈〉<>＜＞“”\"]")
_NO_INNER = "所印发文件的名称少了单书名号“〈〉”"
_TAG_NOTE = "（原文若写作“<…>”，可能在网页发布或转存时被当作网页标记删去了，请对照发布原文）"


def _ends_with(text: str, start: int, rest: str) -> int | None:
    """Where the words ``rest`` end when ``text`` goes on with them from ``start`` (spaces and inner brackets
    aside, as :func:`normalised` drops them), or None."""
    got = ""
    for j in range(start, min(len(text), start + 3 * len(rest) + 4)):
        got = normalised(text[start:j + 1])
        if got == rest:
            return j + 1
        if not rest.startswith(got):
            return None
    return None


class TitleEntry(KindOptions):
    title: str = Field(description="文件的名称（原文写法，内层书名号用〈〉）")
    suffixes_from: list[str] = Field(default_factory=list, description="从这些词起的后半截名称也算对（如“关于”）")
    shorts: list[str] = Field(default_factory=list, description="也算对的简称（如“条例”）")
    require: UserPattern | None = Field(default=None, description="在书名号内的标题及其后40个字符中须能找到的正则"
                                                                "（只比较引用本文件的标题：其后的文号、发文机关）")
    unless: UserPattern | None = Field(default=None, description="书名号内的标题中出现即不比较的正则（另一份文件的"
                                                               "写法，如地方转发的通知“关于转发……”）")
    basis: str = Field(default="", description="名称的出处（写入消息）")


class MisquotedTitleOptions(KindOptions):
    titles: list[TitleEntry] = Field(default_factory=list, description="常被引用的文件名称")
    max_distance: int = Field(default=2, ge=1, le=4, description="与名称相差至多几个字（漏、多、错一字各算一处）时报告；"
                                                                  "30字以上的名称多算一处")


def normalised(title: str) -> str:
    """A title without spaces and inner brackets, brackets' widths folded (what the comparison sees)."""
    return _DROPPED.sub("", title).translate(_WIDTHS)


def distance(a: str, b: str, limit: int) -> int:
    """Edits (a character left out, added or changed) from ``a`` to ``b``; ``limit + 1`` as soon as it is more than
    ``limit`` (only the band of the table within ``limit`` of its diagonal is computed)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if len(a) > len(b):
        a, b = b, a
    far = limit + 1
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        lo, hi = max(1, i - limit), min(len(b), i + limit)
        cur = [far] * (len(b) + 1)
        cur[0] = i if i <= limit else far
        ca = a[i - 1]
        best = cur[0]
        for j in range(lo, hi + 1):
            v = prev[j - 1] + (ca != b[j - 1])
            if prev[j] + 1 < v:
                v = prev[j] + 1
            if cur[j - 1] + 1 < v:
                v = cur[j - 1] + 1
            cur[j] = v if v <= limit else far
            best = min(best, cur[j])
        if best > limit:
            return far
        prev = cur
    return min(prev[len(b)], far)


class _Name:
    """One right form of an entry's name: its comparison text and how a fix writes it."""

    __slots__ = ("entry", "key", "written")

    def __init__(self, entry: TitleEntry, written: str):
        self.entry, self.written, self.key = entry, written, normalised(written)


def differences(actual: str, expected: str) -> str:
    """What ``actual`` misses, adds or changes against ``expected`` (both :func:`normalised`): 漏了“工作”, “于”应为“与”."""
    out = []
    for op, a0, a1, b0, b1 in SequenceMatcher(None, actual, expected, autojunk=False).get_opcodes():
        if op == "insert":
            out.append(f"漏了“{expected[b0:b1]}”")
        elif op == "delete":
            out.append(f"多了“{actual[a0:a1]}”")
        elif op == "replace":
            out.append(f"“{actual[a0:a1]}”应为“{expected[b0:b1]}”")
    return "、".join(out)


def _forms(entry: TitleEntry) -> list[_Name]:
    out = [_Name(entry, entry.title)]
    for word in entry.suffixes_from:
        at = entry.title.find(word)
        if at > 0:
            out.append(_Name(entry, entry.title[at:]))
    out.extend(_Name(entry, s) for s in entry.shorts)
    return out


@register
class MisquotedTitle(Kind[MisquotedTitleOptions]):
    name = "misquoted-title"
    Options = MisquotedTitleOptions
    params = frozenset({"actual", "expected", "basis", "note", "what"})

    def __init__(self, rule, options, config):
        super().__init__(rule, options, config)
        self._names = [n for e in self.options.titles for n in _forms(e)]
        self._right = {n.key for n in self._names}
        # the right names that quote a document inside them (关于印发〈…格式〉的通知): cited without any inner mark
        self._inner = {n.key: n for n in self._names if "〈" in n.written}
        # compared: the names long enough that a near miss is a slip, not another short name
        self._long = [n for n in self._names if len(n.key) >= 6]
        self._require = {id(e): compile_pattern(e.require) for e in self.options.titles if e.require}
        self._unless = {id(e): compile_pattern(e.unless) for e in self.options.titles if e.unless}
        self._min = min((len(n.key) for n in self._long), default=0) - self.options.max_distance - 1
        # a key not right → the names near it (:meth:`_near`: an edit distance to each of the names), kept across
        # reports (they quote a few titles, the same ones) by the rule itself, whose names they are: at most _MEMO
        self._near_names: dict[str, list[tuple[_Name, int]]] = {}

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        if not self._long:
            return
        lossy: bool | None = None
        seen: dict[str, _Name] = {}  # the misquotes found so far: the same one again is that document's too
        for block in report.lintable_blocks:
            text = block.text
            if "《" not in text:
                continue
            for m in _QUOTED.finditer(text):
                key = _KEYS.get(m.group(1))
                if key is None:  # (a substitution and a translation a title; _QUOTED's titles are short)
                    key = _KEYS.keep(m.group(1), normalised(m.group(1)))
                if key in self._right:
                    inner = self._inner.get(key)
                    if inner is not None and _INNER_MARKS.search(m.group(1)) is None:
                        yield self._hit(block, m, key, inner, _NO_INNER, m.end(), f"《{inner.written}》", _TAG_NOTE)
                    continue
                if len(key) < self._min:
                    continue
                moved = self._misplaced(key, text, m)
                if moved is not None:
                    name, what, end, replacement = moved
                    yield self._hit(block, m, key, name, what, end, replacement, "")
                    continue
                best = seen.get(key) or self._nearest(key, text, m)
                if best is None:
                    continue
                seen[key] = best  # (a second citation without the number ``require`` wants: the same slip)
                if lossy is None:
                    lossy = lossy_copy(report)
                yield self._hit(block, m, key, best, differences(key, best.key), m.end(), f"《{best.written}》",
                                _LOST if lossy else "")

    @staticmethod
    def _hit(block, m: re.Match[str], key: str, name: _Name, what: str, end: int, replacement: str,
             note: str) -> Hit:
        actual, expected = m.group(1), name.written
        return Hit(block=block, start=m.start(), end=end,
                   params={"actual": actual, "expected": expected, "basis": name.entry.basis, "note": note,
                           "what": what},
                   evidence={"actual": f"《{actual}》", "expected": f"《{expected}》", "document": name.entry.title},
                   key=f"title:{key}",
                   fix=[FixEdit(block, m.start(), end, replacement)], fix_safe=False,
                   fix_description=f"改为{replacement}")

    def _misplaced(self, key: str, text: str, m: re.Match[str]) -> tuple[_Name, str, int, str] | None:
        """A name whose closing 》 stands before its last words (《…关于印发中华人民共和国…年度报告格式》的通知), or a notice's
        title quoted as the document it issues (关于印发《…年度报告格式的通知》): (the right name, what is wrong, where
        the finding ends, the text that replaces it), or None."""
        for n in self._long:
            if n.key.startswith(key) and 0 < len(n.key) - len(key) <= _TAIL:
                rest = n.key[len(key):]
                end = _ends_with(text, m.end(), rest)
                if end is not None:
                    return n, f"书名号的位置不对：“{rest}”在书名号外", end, f"《{n.written}》"
        if key.endswith(_NOTICE) and key[:-len(_NOTICE)] in self._right \
                and normalised(text[max(0, m.start() - 6):m.start()]).endswith("印发"):
            inner = key[:-len(_NOTICE)]
            name = next(n for n in self._names if n.key == inner)
            return name, f"书名号的位置不对：“{_NOTICE}”应在书名号外", m.end(), f"《{name.written}》{_NOTICE}"
        return None

    def _near(self, key: str) -> list[tuple[_Name, int]]:
        """The names ``key`` may be a misquote of, each with its distance from it, in the names' order."""
        out = []
        for n in self._long:
            limit = self.options.max_distance + (len(n.key) >= _LONG)
            if abs(len(key) - len(n.key)) > limit or n.key in key or key in n.key or key[-1] != n.key[-1]:
                continue  # (another document: it holds the whole name, is a part of it, or ends in another word:
                # 《政府信息公开指南》《政府信息公开目录》 are not the 条例 misquoted)
            d = distance(key, n.key, limit)
            if d <= limit:
                out.append((n, d))
        return out

    def _nearest(self, key: str, text: str, m: re.Match[str]) -> _Name | None:
        near = self._near_names.get(key)
        if near is None:
            if len(self._near_names) >= _MEMO:
                self._near_names.clear()
            near = self._near_names[key] = self._near(key)
        best, best_d = None, None
        for n, d in near:
            if best_d is not None and d >= best_d:
                continue
            unless = self._unless.get(id(n.entry))
            if unless is not None and unless.search(m.group(1)) is not None:
                continue
            need = self._require.get(id(n.entry))
            if need is not None and need.search(m.group(1) + text[m.end():m.end() + _FOLLOWING]) is None:
                continue
            best, best_d = n, d
        return best


# -- DL805 -------------------------------------------------------------------------------------------

class ShortTitleOptions(KindOptions):
    short: str = Field(default="《条例》", description="简称（带书名号）")
    full: str = Field(default="政府信息公开条例", description="在简称之前须出现的全称的一部分")


@register
class UndefinedShortTitle(Kind[ShortTitleOptions]):
    """``undefined-short-title`` (DL805): 《条例》 used before the report names the 条例 in full or says 以下简称《条例》.

    Judged only where the report's start is read (its title is found, above the first use): an excerpt that starts
    later may have cut the opening that named it."""

    name = "undefined-short-title"
    Options = ShortTitleOptions
    params = frozenset({"short", "full"})

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        short, full = self.options.short, self.options.full
        title = report.title_block
        if title is None or not short:
            return
        for block in report.lintable_blocks:  # (from the top: a page may put the opening above what reads as its title)
            if block.kind == "table":
                continue
            text = block.text
            at = text.find(short)
            if at < 0:
                if full in text or "简称" in text:
                    return  # (named in full, or a short name defined, before any use)
                continue
            if full in text[:at] or "简称" in text[max(0, at - 12):at + len(short) + 2] or block.index < title.index:
                return
            yield Hit(block=block, start=at, end=at + len(short), match=short,
                      params={"short": short, "full": full},
                      evidence={"expected": f"先写全称《中华人民共和国{full}》并注明“以下简称{short}”", "actual": short},
                      key=f"undefined-short:{short}")
            return
