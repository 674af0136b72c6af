"""The header a crawler writes above a saved page's text: lines of ``label: value`` from the file's first line
(``标题:``, ``发布时间:``, ``栏目:``, ``原文链接: https://…``, ``本地目录:`` …, perhaps a note of its own such as where it put
the page's links), closed by a rule line (``==================== 正文 ====================``, ``----------``).  None of it is
the report's text: the clerk is not blamed for its half-width colons or brackets.  The fields among them that
:func:`.portal.find_metadata` knows (the publication date, the publisher) keep their kinds and are read as before; a
title field is left as the title it is."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Block
from .portal_model import PortalMetadata, PortalSpan

MAX_HEADER = 16  # lines with content before the rule
_RULE = re.compile(r"([=＝\-—_~*#])\1{5,}(?:[ \t\u3000]*[^\s=＝\-—_~*#]{1,12}[ \t\u3000]*([=＝\-—_~*#])\2{5,})?")
_FIELD = re.compile(r"(?P<label>[^\s:：]{1,10})[ \t\u3000]*[:：][ \t\u3000]*")


def crawl_header(blocks: list[Block], out: PortalMetadata, keep: Callable[[str], object]) -> None:
    """Mark a crawler's header (see the module) in ``out`` as the page's lines: the file's first lines, at least three,
    two in three of them ``label: value`` (the first one too) and one a field ``out`` already holds, closed by a rule
    within :data:`MAX_HEADER` lines.  ``keep(text)``: a line left as it is (a title field)."""
    head: list[Block] = []
    rule = None
    for b in blocks[:MAX_HEADER * 8]:  # (blocks without content between them: bounded too)
        if b.kind == "table":
            return
        t = b.text.strip()
        if not t:
            continue
        if _RULE.fullmatch(t):
            rule = b
            break
        head.append(b)
        if len(head) > MAX_HEADER:
            return
    if rule is None or len(head) < 3 or not _FIELD.match(head[0].text.lstrip()):
        return
    fields = sum(1 for b in head if _FIELD.match(b.text.lstrip()))
    if fields * 3 < len(head) * 2 or not any(out.in_block(b) for b in head):
        return
    for b in (*head, rule):
        text = b.text
        if out.is_line(b) or keep(text):
            continue
        lead = len(text) - len(text.lstrip())
        m = _FIELD.match(text, lead)
        label, value = (m.group("label"), text[m.end():].strip()) if m else ("", text.strip())
        out._add(b, [PortalSpan(b, lead, len(text.rstrip()), "crawl", label, value)], line=True)
