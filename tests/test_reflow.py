"""Hard-wrapped text (a PDF's text: every paragraph broken into lines of the page's width): its lines are put back
together as paragraphs (readers/reflow.py), so that a report checks the same wrapped as not.

Fixtures: the project's generated reports (tests/benchgen.py) rendered as text (tests/render.to_text) and then
wrapped here at 28 characters, as a PDF's text is; and short texts written here.  Controls: a text of one sentence a
line (its lines end with 。), a part's title, a short line ending a paragraph, table lines."""

from __future__ import annotations

from collections import Counter

import pytest

from disclosure_lint.readers.reflow import display_width, wrap_width
from disclosure_lint.readers.text import parse

from .benchgen import generated
from .conftest import lint
from .render import to_text

WIDTH = 28


def wrap(text: str, width: int = WIDTH) -> str:
    """Each prose line longer than ``width`` characters cut into lines of ``width`` (table lines, with tabs, kept)."""
    out: list[str] = []
    for line in text.split("\n"):
        if "\t" in line or len(line) <= width + 2:
            out.append(line)
            continue
        out.extend(line[i:i + width] for i in range(0, len(line), width))
    return "\n".join(out)


def codes(text: str) -> Counter:
    return Counter(d.code for d in lint(text, fmt="text"))


@pytest.fixture(scope="module")
def reports() -> list[str]:
    return [to_text(md) for _name, md in generated(24)]


def test_wrapped_reports_are_checked_as_the_unwrapped_ones(reports):
    differ = []
    for i, text in enumerate(reports):
        wrapped = wrap(text)
        assert wrapped != text
        if codes(wrapped) != codes(text):
            differ.append((i, codes(text) - codes(wrapped), codes(wrapped) - codes(text)))
    assert not differ, differ


def test_a_repeated_paragraph_stays_one_paragraph_when_wrapped():
    para = "本局进一步完善政府信息公开保密审查制度，严格落实先审查后公开和一事一审原则，全年未发生泄密事件和不当公开情况。"
    text = "\n".join([
        "某某县某某局2023年政府信息公开工作年度报告",
        "一、总体情况",
        "2023年，本局依法做好政府信息公开工作，全年主动公开政府信息一百二十条，收到政府信息公开申请六件，均已按时答复。",
        para,
        "本局通过政府网站、政务新媒体等渠道及时发布政策文件、部门预决算和重点领域信息，方便群众查阅。",
        para,
        "五、存在的主要问题及改进情况",
        "本局的主要问题是部分栏目的信息更新还不够及时，下一步将加强日常检查和内容审核工作。",
    ])
    assert "DL601" in codes(text)
    got = codes(wrap(text))
    assert "DL601" in got and "DL602" not in got, got  # one repeated paragraph, not a repeated passage of three


def test_lines_joined_and_where_they_end():
    text = "\n".join([
        "某某县某某局2023年政府信息公开工作年度报告",
        "一、总体情况",
        "（一）依申请公开情况。本局严格按照《条例》规定办理政府信",
        "息公开申请，全年受理政府信息公开申请十七件，均已在法定期",
        "限内予以答复。",
        "（二）政府信息管理情况",
        "本局坚持公开为常态、不公开为例外，认真做好公文公开属性的",
        "认定工作，全年未发生因公开不当引发的舆情和泄密事件。本局",
        "加强对公开内容的保密审查，确保公开的信息准确、规范。",
        "二、主动公开政府信息情况",
        "本局通过政府网站、政务新媒体和政务公开专区等渠道，及时发布",
        "政策文件、部门预决算和重点领域信息，全年更新栏目信息三百余",
        "条，方便群众查阅和监督。",
    ])
    blocks = parse(text).blocks
    got = [(b.kind, b.line, b.end_line, b.text[:6]) for b in blocks]
    assert got == [("paragraph", 1, 1, "某某县某某局"), ("heading", 2, 2, "一、总体情况"), ("paragraph", 3, 5, "（一）依申请"),
                   ("heading", 6, 6, "（二）政府信"), ("paragraph", 7, 9, "本局坚持公开"), ("heading", 10, 10, "二、主动公开"),
                   ("paragraph", 11, 13, "本局通过政府")]
    joined = blocks[2]
    assert joined.text == "（一）依申请公开情况。本局严格按照《条例》规定办理政府信息公开申请，全年受理政府信息公开申请十七件，均已在法定期限内予以答复。"
    # an offset on the second line maps back to that line and its column
    at = joined.text.index("全年受理")
    anchor = max((a for a in joined.anchors if a.offset <= at), key=lambda a: a.offset)
    assert (anchor.line, anchor.column + at - anchor.offset) == (4, 7)


def test_one_sentence_a_line_is_not_joined():
    lines = [f"本局全年主动公开政府信息第{i}类共{10 + i}条，均按时在政府网站发布。" for i in range(12)]
    text = "\n".join(["某某县某某局2023年政府信息公开工作年度报告", *lines])
    blocks = parse(text).blocks
    assert len(blocks) == 13
    assert wrap_width(text.split("\n"), list(blocks)) is None


def test_a_text_of_long_unwrapped_lines_is_not_wrapped(reports):
    text = reports[0]
    assert wrap_width(text.split("\n"), list(parse(text).blocks)) is None


def test_display_width():
    assert display_width("2023年") == 6 and display_width("ab，") == 4
