"""A finding's evidence values as a person reads them: the one home of how ``expected`` / ``actual`` (and a
redrawn cell's values) are written in the console, the HTML report and Word comments (``annotate``).

Evidence is data for machines (JSON, SARIF keep it as it is: ``null``, lists, a moved row's ``{column id:
number}``); shown to a person it must never read as Python (``None``, ``True``, ``['…']``, ``{'natural_person':
3}``).  A blank value (``None``, an empty or all-space text: a cell or a part with nothing written) reads
:data:`BLANK`; a row's values by column read ``自然人20、商业企业3`` (the columns named from the statistics
schema); a list of texts reads ``“一、总体情况”“二、…”``; yes/no read 是/否.  An ``expected`` of ``None`` means
the tool could not work the value out (a blank total whose parts are blank too): that side is not shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..report.stats.wording import column_word

BLANK = "空白（未填写）"
MAX_ITEMS = 20  # a list or row shown in full up to this many items, then 等N项


def value_text(value: object, table: str | None = None) -> str:
    """One evidence value as text; ``table`` (表三) names the columns of a ``{column id: value}`` row."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return BLANK
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Mapping):
        items = [f"{column_word(table, str(k)) if table else k}{value_text(v)}" for k, v in value.items()]
    elif isinstance(value, (list, tuple, set, frozenset)):
        items = [f"“{v}”" if isinstance(v, str) else value_text(v, table) for v in value]
    else:
        return str(value)
    if not items:
        return BLANK
    # quoted texts (titles hold 、 themselves) follow each other as a message writes them: “一、总体情况”“二、…”
    sep = "" if all(x.startswith("“") for x in items) else "、"
    return sep.join(items[:MAX_ITEMS]) + (f"等{len(items)}项" if len(items) > MAX_ITEMS else "")


def expected_actual(ev: Mapping[str, Any] | None) -> tuple[str | None, str | None]:
    """(expected, actual) of a finding's evidence as shown; ``None`` for a side not to show (absent, or an
    expected the tool could not work out)."""
    if not isinstance(ev, Mapping):
        return None, None
    table = ev.get("table") if isinstance(ev.get("table"), str) else None
    expected = value_text(ev["expected"], table) if ev.get("expected") is not None else None
    actual = value_text(ev["actual"], table) if "actual" in ev else None
    return expected, actual


def expected_actual_line(ev: Mapping[str, Any] | None, sep: str = "；") -> str | None:
    """``应为：23；实际：空白（未填写）`` (only the sides there are), or None when the evidence has neither."""
    expected, actual = expected_actual(ev)
    parts = ([f"应为：{expected}"] if expected is not None else []) + ([f"实际：{actual}"] if actual is not None else [])
    return sep.join(parts) if parts else None
