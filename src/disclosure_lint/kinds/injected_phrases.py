"""``injected-phrases`` (DL506): phrases injected into a site's pages, found as ``existence`` finds them, on every web
page of a run (a report or not: :attr:`.base.Kind.any_page`, as DL501) and in what only search engines read (the
page's title, metas and hidden elements), with a character gate that keeps a long choice of words cheap."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from . import register
from .base import Hit
from .generic import Existence, ExistenceOptions, in_years

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Block
    from ..report import AnnualReport


class InjectedPhrasesOptions(ExistenceOptions):
    gate: str = Field(default="", description="只在含有其中至少一个字符的段落中查找（提速：逐字在 C 中查找；"
                                             "每个命中都必须含有其中一个字符）；空：所有段落")


@register
class InjectedPhrases(Existence):
    """``existence`` for phrases injected into a site's pages (DL506's pornographic spam): run on every web page of a
    run, a report or not (:attr:`Kind.any_page`, as DL501), since an injection often replaced the report's title.
    ``gate``: characters one of which every match holds — a block without any is not searched (a search for one
    character runs in C; a pattern led by a choice of words is tried at many characters of every block)."""

    name = "injected-phrases"
    Options = InjectedPhrasesOptions
    any_page = True

    def check(self, report: AnnualReport) -> Iterator[Hit]:
        gate = self.options.gate  # type: ignore[attr-defined]
        hidden = report.hidden  # a web page's title, metas and hidden elements: where search-engine spam goes
        if gate and not any(c in report.lintable_text for c in gate) and not any(
                c in h.block.text for h in hidden for c in gate):
            return iter(())  # (the blocks' texts joined, shared with other rules: most reports hold none)
        return self._with_hidden(report, hidden, gate)

    def _with_hidden(self, report: AnnualReport, hidden: list, gate: str) -> Iterator[Hit]:
        yield from super().check(report)
        if self._re is None or not in_years(self.options.years, report.year):
            return
        for i, h in enumerate(hidden):
            text = h.block.text
            if gate and not any(c in text for c in gate):
                continue
            exc = self._exception_spans(text)
            for m in self._re.finditer(text):
                if m.group(0) and not any(s <= m.start() and m.end() <= e for s, e in exc):
                    yield Hit(block=h.block, start=m.start(), end=m.end(), evidence={"actual": m.group(0), "how": h.how},
                              pointer=f"<{h.element}>" if h.via == "head" else f"隐藏元素 <{h.element}>",
                              about=(f"hidden:{i}",))

    def _blocks(self, report: AnnualReport) -> Iterator[Block]:
        gate = self.options.gate  # type: ignore[attr-defined]
        for b in super()._blocks(report):
            if not gate or any(c in b.text for c in gate):
                yield b
