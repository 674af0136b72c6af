"""The PDF content scan's counts (readers/pdf_budget.py) against their definitions, one character at a time.

The scan's patterns are led by what a match starts with and take runs possessively (so that the scan skips ahead
in C); these tests hold them to the plain patterns that define what is counted: an operator preceded by whitespace,
``)``, ``]``, ``>`` or the start of the stream and followed by a delimiter or the end; a literal string's bytes
between its brackets; a hex string's digits (two to a byte), not a ``<<`` dictionary's brackets."""

from __future__ import annotations

import random
import re

from disclosure_lint.readers.pdf_budget import _operators, _string_bytes

_DEF_OPS = re.compile(rb"(?<![^\s\)\]>])(?:re|l|c|v|y|m|Tj|TJ|'|\"|Do|BI|sh)(?=[\s\(\[</%]|\Z)")
_DEF_LITERAL = re.compile(rb"\((?:[^()\\]|\\.)*\)", re.S)
_DEF_HEX = re.compile(rb"(?<!<)<([0-9A-Fa-f\s]*)>(?!>)")


def _def_strings(data: bytes) -> int:
    n = sum(len(m) - 2 for m in _DEF_LITERAL.findall(data))
    return n + sum(len(m.replace(b" ", b"").replace(b"\n", b"")) // 2 for m in _DEF_HEX.findall(data))


def test_counts_of_a_page_stream():
    data = (b"BT /F1 12 Tf 72 712 Td (Hello \\(world\\)) Tj [(A) -20 (B)] TJ ET\n"
            b"0 0 m 10 10 l 20 20 30 30 40 40 c h S 5 5 10 10 re f\n<</Length 3>> <4E2D 6587> Tj /Im1 Do")
    assert _operators(data) == len(_DEF_OPS.findall(data)) == 8
    assert _string_bytes(data) == _def_strings(data) == len("Hello \\(world\\)") + 2 + 4


def test_an_operator_first_in_the_stream_is_counted():
    assert _operators(b"m 1 2 l") == len(_DEF_OPS.findall(b"m 1 2 l")) == 2
    assert _operators(b"Tj") == 1 and _operators(b"Tjx") == 0 and _operators(b"") == 0


def test_counts_equal_the_definitions_on_random_streams():
    rnd = random.Random(12)
    alphabet = b"()\\<>[] \n\rlcvymreTjJDoBIsh'\"%/0a1fF"
    for _ in range(20_000):
        data = bytes(rnd.choice(alphabet) for _ in range(rnd.randint(0, 48)))
        assert _operators(data) == len(_DEF_OPS.findall(data)), data
        assert _string_bytes(data) == _def_strings(data), data


def test_unclosed_strings_and_brackets_stay_linear():
    # each unmatched opening bracket is tried once; a megabyte of them is counted at once
    assert _string_bytes(b"(" * 200_000 + b"<" * 200_000) == 0
    assert _operators(b" l" * 100_000) == 100_000
