"""The page's fields in the text of a page whose lines were joined (:mod:`.portal` reads them): the separators
between a page's fields, and the weak fields (时间:, 来源:) that are the page's even when no line of their own holds
them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .portal_model import PortalSpan

# what stands between a page's fields (spaces, pipes, brackets, bullets, dashes, colons, commas)
SEPARATORS = re.compile(r"[\s|｜【】\[\]()（）·•\-—_/／:：,，;；]+")

_STAMP = re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?:[ \t\u3000]+\d{1,2}:\d{2}(?::\d{2})?)?")  # (a page's date: 2017-01-12 10:01)
_JOINED_AFTER = 40  # characters after a page's stamp in its block: the text of a page whose lines were joined


def joined_fields(text: str, loose: Sequence[PortalSpan]) -> list[PortalSpan]:
    """The page's dates among weak fields run into the text of a page whose lines were joined (the text goes on after
    them): a date in the form a page's software writes (时间:2017-01-12 10:01本报告根据…), or a date in a run of two
    fields or more one after the other (来源:    时间:2021年04月12日      根据…) — no clerk's sentence.  Only the dates:
    the value of a field such as 来源: may have run on into the title."""
    chained = {id(s) for s in _chained(text, loose)}
    got = [s for s in loose if s.kind == "date" and s.value and (id(s) in chained or _STAMP.fullmatch(s.value))]
    return got if got and len(text) - got[-1].end >= _JOINED_AFTER else []


def _chained(text: str, spans: Sequence[PortalSpan]) -> list[PortalSpan]:
    """The fields in runs of two or more with nothing but separators between them."""
    out: list[PortalSpan] = []
    run: list[PortalSpan] = []
    for s in sorted(spans, key=lambda x: x.start):
        if run and SEPARATORS.sub("", text[run[-1].end:s.start]):
            out.extend(run if len(run) >= 2 else [])
            run = []
        run.append(s)
    out.extend(run if len(run) >= 2 else [])
    return out
