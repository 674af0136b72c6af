"""The fast paths of round 16 against what they replace: DL104's check of a long line by the plain text of its head
(a line whose first characters hold enough that is not punctuation is content) against the whole line stripped."""

from __future__ import annotations

import random

from disclosure_lint.kinds.structure import _HEAD
from disclosure_lint.report.structure import PUNCT

_PIECES = ["无", "暂无", "。", "，", " ", "\u3000", "、", "——", "_", "（一）", "存在问题", "改进措施", "a", "1", "\n", "；",
           "《条例》", "…", "x" * 40, "！"]


def test_the_heads_plain_text_begins_the_whole_lines():
    """Stripping punctuation deletes each character alone (a class of single characters): the head's plain text is a
    beginning of the whole line's, so a head long enough means a line long enough."""
    rnd = random.Random(16)
    for _ in range(4000):
        body = "".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 40)))
        head, whole = PUNCT.sub("", body[:_HEAD]), PUNCT.sub("", body)
        assert whole.startswith(head), body
