"""A reading limit that stops the reader before the end of the file — the read time of a Word or PDF file on a busy
CI runner, a web page's elements, a PDF's pages — leaves the parts after it unchecked (DL002 says so): they are not
reported as missing (DL101, DL105, DL103), which the report does not deserve (red team, round 17)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from disclosure_lint.config import Config
from disclosure_lint.engine import prepare, run
from disclosure_lint.model import ReaderNotice
from disclosure_lint.packs import load_rules
from disclosure_lint.readers import markdown as md_reader
from disclosure_lint.report import Overrides, interpret

CLEAN = Path(__file__).resolve().parent.parent / "examples" / "clean-2023.md"


def _cut_at(text: str, title: str) -> str:
    return text[:text.index(title)]


def _codes(notices: tuple[ReaderNotice, ...]) -> list[str]:
    text = _cut_at(CLEAN.read_text(encoding="utf-8"), "## 五、")
    doc = dataclasses.replace(md_reader.parse(text, path="r.md"), notices=notices)
    active = prepare(load_rules(), Config())
    return sorted({d.code for d in run(interpret(doc, Overrides()), active, Config().limits)})


@pytest.mark.parametrize("notice", [
    ReaderNotice("read-limit", format="Word 文档", detail="读取时间超过 8 秒的上限（limits.max_read_seconds），第64段起未读取"),
    ReaderNotice("read-limit", format="网页", detail="标签超过 100000 个（limits.max_html_elements），第9行第1列起未读取"),
    ReaderNotice("page-limit", total=40, read=20),
], ids=["word-time", "html-elements", "pdf-pages"])
def test_parts_after_a_reading_limit_are_not_missing(notice):
    got = _codes((notice,))
    assert "DL002" in got and not {"DL101", "DL103", "DL105"} & set(got), got


def test_the_same_text_without_the_notice_misses_its_parts():
    """The guard: without a reading limit, the same text (the report up to part 五) is a report without parts 五
    and 六."""
    assert {"DL101"} & set(_codes(()))
