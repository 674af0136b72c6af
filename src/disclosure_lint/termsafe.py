"""Text made safe to show: no control sequence, invisible formatting or bidi override reaches a terminal.

Report text, file names, rule names and messages are data from outside the tool.  Written raw, an
``ESC[2J`` clears the user's screen, an OSC 8 sequence plants a hyperlink, a C1 ``U+009B`` (CSI) does
what ``ESC[`` does on many terminals, and a right-to-left override (``U+202E``) makes ``gnp.md`` look
like ``dm.png``.  Every reporter, every line on standard error and the stats export pass text through
this module:

* :func:`terminal` shows each such character escaped, the way Python writes it (``\\n``, ``\\x1b``, ``\\x9b``,
  ``\\u202e``, ``\\U000e0001``); a byte of a file name that is not valid UTF-8 (kept by
  :func:`os.fsdecode` as a lone surrogate) is shown as the byte (``\\xff``).
* :func:`json_dumps` is :func:`json.dumps` with those characters ``\\u``-escaped too (``json.dumps``
  escapes only C0 controls), so the JSON stays lossless and valid UTF-8.

What counts as unsafe: Unicode categories Cc (C0, DEL, C1), Cf (format: bidi embeddings, overrides and
isolates, zero-width characters, the BOM, soft hyphen, tag characters), Cs (surrogates), Zl and Zp (line
and paragraph separators) — the list below is checked against :mod:`unicodedata` by the tests.
Tab is kept; newline is kept only where the caller lays out lines itself (``newlines=True``).
Rich markup is a separate matter: text is given to rich as ``Text`` objects, never as markup strings.
"""

from __future__ import annotations

import json
import re
from typing import Any

_NOT_C0 = (  # C0 controls (U+0000–U+001F) are added below; json.dumps escapes them itself
    "\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"
)
_UNSAFE = re.compile(f"[\x00-\x08\x0a-\x1f{_NOT_C0}]")
_UNSAFE_KEEP_NL = re.compile(f"[\x00-\x08\x0b-\x1f{_NOT_C0}]")
_UNSAFE_JSON = re.compile(f"[{_NOT_C0}]")  # in JSON text, where C0 is escaped inside strings already


_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(m: re.Match) -> str:
    named = _NAMED.get(m.group())
    if named:
        return named
    c = ord(m.group())
    if 0xDC80 <= c <= 0xDCFF:  # a byte os.fsdecode could not decode (surrogateescape)
        return f"\\x{c - 0xDC00:02x}"
    if c < 0x100:
        return f"\\x{c:02x}"
    if c < 0x10000:
        return f"\\u{c:04x}"
    return f"\\U{c:08x}"


_NOT_ONE_LINE = re.compile(f"[\t{_UNSAFE.pattern[1:-1]}]")  # what a one-line name must not hold: the unsafe and tab


def not_one_line(text: str) -> re.Match | None:
    """The first character that has no place in a one-line name (a line break, tab, control, format or bidi
    character, a separator), as a match (its position and the character), or None."""
    return _NOT_ONE_LINE.search(text)


def terminal(text: object, newlines: bool = False, encoding: str | None = None) -> str:
    """``text`` (made a string) with every unsafe character shown escaped; newlines kept if asked.

    With ``encoding`` (a stream's, e.g. GBK) characters it cannot encode are escaped as well (``\\U0001f600``).
    """
    s = text if isinstance(text, str) else str(text)
    s = (_UNSAFE_KEEP_NL if newlines else _UNSAFE).sub(_escape, s)
    if encoding and not is_utf(encoding) and not s.isascii():
        try:
            s = s.encode(encoding, "backslashreplace").decode(encoding)
        except LookupError:
            pass
    return s


def _json_escape(m: re.Match) -> str:
    c = ord(m.group())
    if c < 0x10000:
        return f"\\u{c:04x}"
    c -= 0x10000
    return f"\\u{0xD800 + (c >> 10):04x}\\u{0xDC00 + (c & 0x3FF):04x}"


def json_dumps(obj: Any, *, ascii_only: bool = False, **kwargs: Any) -> str:
    """JSON text in which no unsafe character appears raw (all of them ``\\u``-escaped inside strings).

    ``ascii_only`` escapes every non-ASCII character (for a stream whose encoding is not UTF-8).
    """
    text = json.dumps(obj, ensure_ascii=ascii_only, **kwargs)
    # unsafe characters can only be inside JSON strings, where a \\u escape means the same character
    return _UNSAFE_JSON.sub(_json_escape, text)


def is_utf(encoding: str | None) -> bool:
    """Whether a stream with this encoding can take any character (UTF-8, UTF-16, UTF-32)."""
    return encoding is not None and encoding.lower().replace("-", "").replace("_", "").startswith("utf")
