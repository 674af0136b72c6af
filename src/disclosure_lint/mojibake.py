"""A text file or page whose words are mojibake (乱码): saved after being decoded with the wrong encoding.

A crawl or an editor that reads a UTF-8 page as GBK and saves what it shows (``鏀垮簻淇℃伅鍏紑`` for 政府信息公开), or
reads it as Latin-1 / Windows-1252 (``æ”¿åºœ``), or a GBK page as Latin-1 (``ÕþÎñ``), leaves a file that is valid in its
own encoding and holds no report's words: the tool used to say only that it did not recognise a report (DL005), and
the brackets the garbling made were reported as unbalanced (DL703).  Such a file is refused with one line that says
what happened and shows the first words as they were (:func:`refuse_mojibake`, an :class:`.errors.InputError`: exit
code 2, the other files still checked); a GBK page read as UTF-8, its characters replaced by U+FFFD, cannot be
restored and is refused so too.

* **Only a text with no report words is looked at.**  A text whose first :data:`SAMPLE` characters hold 政府, 信息,
  公开 or 报告 (or their traditional forms) is never mojibake of a report: one search each, the cost of every file.
* **A repair must read as a report** before the file is refused: the encodings undone one by one on the sample, the
  result must be running Chinese (the common characters of :mod:`.common_chars`) with a report's words in it.  A text in
  another language, or Chinese without those words, is read as it is.
* **Bounded**: the sample is cut before anything is counted; each repair is a codec call on it.
"""

from __future__ import annotations

import re

from .common_chars import COMMON as _COMMON
from .errors import InputError

SAMPLE = 20_000  # characters looked at, from the start (a page's markup comes first)
_REPORT_WORDS = ("政府", "信息", "公开", "公開", "报告", "報告")
_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
MIN_IDEOGRAPHS = 30  # fewer: too little to judge
COMMON_SHARE = 0.3  # running Chinese: at least this share of its ideographs among the common ones (common_chars.COMMON)
MIN_REPLACEMENTS = 20  # U+FFFD in a text: at least this many, and ...
REPLACEMENT_SHARE = 0.3  # ... this share of its characters beyond ASCII, for a GBK text read as UTF-8
_SHOWN = 12  # characters quoted, garbled and restored


def _common_share(text: str) -> float:
    ideographs = _IDEOGRAPH.findall(text)
    if not ideographs:
        return 0.0
    return sum(ch in _COMMON for ch in ideographs) / len(ideographs)


def _bytes_single(segment: str) -> bytes | None:
    """The bytes a single-byte decoding (Latin-1, or Windows-1252 for its 27 printable characters above 0x7F) made
    ``segment`` from; None when it holds a character neither decoding makes."""
    out = bytearray()
    for ch in segment:
        o = ord(ch)
        if o < 256:
            out.append(o)
            continue
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            return None
    return bytes(out)


def _undo(text: str, shown_as: str, written_in: str) -> str | None:
    """``text`` with the wrong decoding undone: re-encoded as it was shown (``gbk``: GB18030; ``latin``: Latin-1 or
    Windows-1252), then decoded as it was written (``utf-8``, ``gb18030``); the U+FFFD of the text stay (bytes the
    first decoding could not read are lost) and bytes that do not decode become U+FFFD.  None when the text holds a
    character the wrong decoding cannot have made."""
    parts = []
    for segment in text.split("\ufffd"):
        if shown_as == "gbk":
            try:
                data = segment.encode("gb18030")
            except UnicodeEncodeError:
                return None
        else:
            raw = _bytes_single(segment)
            if raw is None:
                return None
            data = raw
        parts.append(data.decode(written_in, errors="replace"))
    return "\ufffd".join(parts)


# (as shown, as written, what happened): the usual ways a Chinese text is garbled, most common first
_WAYS = (
    ("gbk", "utf-8", "按 UTF-8 编码的文字被当作 GBK（GB2312、GB18030）解码后又保存了下来"),
    ("latin", "utf-8", "按 UTF-8 编码的文字被当作西文编码（Latin-1、Windows-1252）解码后又保存了下来"),
    ("latin", "gb18030", "按 GBK 编码的文字被当作西文编码（Latin-1、Windows-1252）解码后又保存了下来"),
)


def _reads_as_report(text: str) -> bool:
    return any(w in text for w in _REPORT_WORDS) and len(_IDEOGRAPH.findall(text)) >= MIN_IDEOGRAPHS \
        and _common_share(text) >= COMMON_SHARE


def _quote(text: str) -> str:
    """The first characters of a text worth showing: from its first non-ASCII character, on one line, without
    control characters."""
    start = next((i for i, ch in enumerate(text) if ord(ch) > 127), 0)
    shown = _CONTROL.sub("", re.sub(r"\s+", " ", text[start:start + 4 * _SHOWN])).strip()
    return shown[:_SHOWN]


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")  # (a Latin-1 reading shows bytes 0x80–0x9F as C1 controls)


def refuse_mojibake(text: str) -> None:
    """Raise :class:`InputError` when ``text`` is mojibake of a report (see the module); else nothing."""
    sample = text[:SAMPLE]
    if any(w in sample for w in _REPORT_WORDS):
        return
    non_ascii = sum(1 for ch in sample if ord(ch) > 127) if "\ufffd" in sample else 0
    replaced = sample.count("\ufffd")
    if replaced >= MIN_REPLACEMENTS and replaced >= REPLACEMENT_SHARE * non_ascii:
        raise InputError(
            f"文件的文字是乱码：{replaced}个字符是替换符“\ufffd”（前{len(sample)}个字符中），多是按 GBK 编码的网页被当作 UTF-8 "
            "解码后又保存了下来，原来的字已经丢失，无法还原；请重新下载网页，或从发布原文另存为 UTF-8 后再检查")
    if len(_IDEOGRAPH.findall(sample)) < MIN_IDEOGRAPHS and not any(0x80 <= ord(ch) < 0x100 for ch in sample[:4000]):
        return  # too little Chinese to judge, and nothing a single-byte decoding shows
    if _common_share(sample) >= COMMON_SHARE:
        return  # running Chinese, without a report's words: read as it is
    for shown_as, written_in, what in _WAYS:
        fixed = _undo(sample, shown_as, written_in)
        if fixed is not None and _reads_as_report(fixed):
            lost = "（其中有替换符“\ufffd”的地方，原来的字已经丢失）" if "\ufffd" in sample else ""
            raise InputError(
                f"文件的文字是乱码：{what}（如“{_quote(sample)}”原为“{_quote(fixed)}”）{lost}；"
                "请重新下载网页，或用原来的编码打开后另存为 UTF-8，再检查")
