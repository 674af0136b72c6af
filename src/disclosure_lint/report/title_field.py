"""The report's title in a portal's catalogue fields (索引号 … 名称/标题 …), where a page gives it there and not (or not
only) as a heading: ``标题：某某镇2021年政府信息公开工作年度报告`` on a line, or a catalogue table's ``名称`` cell and the
cell after it (``| 名称 | 某某管理区2025年政府信息公开工作年度报告 |``, ``标 题: | … |``)."""

from __future__ import annotations

import re

from ..model import Block

_TITLE_FIELD = re.compile(r"^\s*(?:[-•·*]\s*)?(?:名\s*称|标\s*题|题\s*名|文件名称)\s*[:：]\s*[|｜]?\s*(?P<t>[^|｜\n]+?)[\s|｜]*$")
_LABEL = re.compile(r"\s*(?:名\s*称|标\s*题|题\s*名|文件名称)\s*[:：]?\s*")
_ROWS = 8  # a catalogue table's rows looked at


def field_value(t: str) -> str:
    """The title in a catalogue page's title field (:data:`_TITLE_FIELD`), or a document viewer's heading without its
    file's extension (某某局2022年…年度报告.docx), else ``t``."""
    m = _TITLE_FIELD.match(t) if ":" in t or "：" in t else None
    if m is not None:
        return m.group("t")
    if "." in t:
        ext = _EXTENSION.search(t)
        if ext is not None:
            return t[:ext.start()]
    return t


_EXTENSION = re.compile(r"(?<=报告)\.(?:docx?|pdf|wps|ofd)\s*$", re.I)


def catalogue_title(block: Block) -> str | None:
    """The value of a table block's title field: the first non-empty cell after a cell labelled 名称, 标题 (标 题:),
    题名 or 文件名称, in its first rows; else a row of those whose one filled cell names a report; None when it has
    neither."""
    if block.table is None:
        return None
    lone = None
    for row in block.table.rows[:_ROWS]:
        cells = [c.text.strip() for c in row.cells]
        for k, text in enumerate(cells):
            if text and _LABEL.fullmatch(text):
                return next((c for c in cells[k + 1:] if c), None)
        filled = [c for c in cells if c]
        if lone is None and len(filled) == 1 and len(cells) > 1 and "报告" in filled[0]:
            lone = field_value(filled[0])  # (a page's header table whose last row is the title alone: 2013年度某某镇… | ||)
    return lone
