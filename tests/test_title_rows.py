"""A part's title written as the merged first row of its own statistics table (report.title_rows).

The clean example rendered with the titles of parts 二, 三 and 四 moved from their headings into a first row of
their tables, the title in every cell the merge covers (as every reader gives a merged cell): the parts are found,
their tables are read as on the clean example, and nothing is reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_lint.config import Config
from disclosure_lint.engine import prepare, run
from disclosure_lint.model import Block, Cell, Document, Row, Table
from disclosure_lint.packs import load_rules
from disclosure_lint.readers import read_document
from disclosure_lint.report import Overrides, interpret
from disclosure_lint.report.title_rows import split, title_of_row
from tests import render

CLEAN = (Path(__file__).resolve().parent.parent / "examples" / "clean-2023.md").read_text(encoding="utf-8")
TITLES = {"s2": "二、主动公开政府信息情况", "s3": "三、收到和处理政府信息公开申请情况",
          "s4": "四、政府信息公开行政复议、行政诉讼情况"}


def titles_in_tables(md: str, parts=("s2", "s3", "s4"), keep_heading: bool = False, caption=None) -> str:
    """``md`` with each part's ``## title`` taken away (``keep_heading``: kept) and the title (or ``caption``) put
    before the first table after it as a row of its own, repeated in every cell."""
    lines = md.split("\n")
    for sid in parts:
        title = TITLES[sid]
        i = lines.index("## " + title)
        j = next(k for k in range(i, len(lines)) if lines[k].startswith("|"))
        n = lines[j].count("|") - 1
        row = "| " + " | ".join([caption or title] * n) + " |"
        head = lines[i + 1:j] if not keep_heading else lines[i:j]
        lines = lines[:i] + head + [row, "|" + "---|" * n, lines[j]] + lines[j + 2:]
    return "\n".join(lines)


def findings(data: bytes, name: str):
    config = Config()
    doc = read_document(name, data)
    return run(interpret(doc, Overrides()), prepare(load_rules(), config), config.limits)


def report(data: bytes, name: str):
    return interpret(read_document(name, data), Overrides())


@pytest.mark.parametrize("ext", [".md", ".html", ".docx", ".pdf"])
def test_titles_in_merged_first_rows_are_the_parts(ext):
    md = titles_in_tables(CLEAN)
    data = render.render(md, ext)
    rep = report(data, "r" + ext)
    assert {"s2", "s3", "s4"} <= set(rep.structure.by_id)
    assert rep.structure.by_id["s3"].label == TITLES["s3"]
    assert rep.structure.tables == {"s2": True, "s3": True, "s4": True}
    clean = report(CLEAN.encode(), "clean.md")
    for sid in ("s2", "s3", "s4"):
        assert set(rep.stats[sid].cells) == set(clean.stats[sid].cells)  # the title row is no row of the table
        assert not rep.stats[sid].unmapped
    assert [d.code for d in findings(data, "r" + ext)] == []


def test_the_part_heading_points_at_the_title_cell():
    data = render.render(titles_in_tables(CLEAN, ("s3",)), ".docx")
    sec = report(data, "r.docx").structure.by_id["s3"]
    assert sec.heading.pointer is not None and sec.heading.pointer.endswith("第1行第1列")


def test_errors_in_such_a_table_still_fire():
    md = titles_in_tables(CLEAN, ("s3",)).replace("| 18 | 3 | 0 | 0 | 1 | 0 | 22 |", "| 18 | 3 | 0 | 0 | 1 | 0 | 25 |")
    for ext in (".md", ".docx"):
        diags = findings(render.render(md, ext), "r" + ext)
        assert [d.code for d in diags] == ["DL210"]
        assert "表三" in diags[0].message and "25" in diags[0].message


@pytest.mark.parametrize("sid", ["s3", "s4"])
def test_title_with_the_tables_unit_is_the_part(sid):
    md = titles_in_tables(CLEAN, (sid,), caption=TITLES[sid] + "（单位：件）")
    assert [d.code for d in findings(md.encode(), "r.md")] == []


def test_a_caption_without_its_numeral_is_no_part():
    md = titles_in_tables(CLEAN, ("s3",), caption="收到和处理政府信息公开申请情况")
    diags = findings(md.encode(), "r.md")
    assert [d.code for d in diags] == ["DL101"]
    assert "缺少第三部分" in diags[0].message


def test_title_as_heading_and_in_the_table_is_one_part():
    md = titles_in_tables(CLEAN, keep_heading=True)
    for ext in (".md", ".docx"):
        data = render.render(md, ext)
        rep = report(data, "r" + ext)
        assert sum(1 for s in rep.structure.mains if s.id == "s3") == 1
        assert [d.code for d in findings(data, "r" + ext)] == []


def _row(i: int, texts: list[str]) -> Row:
    return Row(tuple(Cell(t, i, j, line=i + 1, column=1 + 10 * j) for j, t in enumerate(texts)))


@pytest.mark.parametrize(("texts", "sid"), [
    (["三、收到和处理政府信息公开申请情况"] * 4, "s3"),
    (["三、收到和处理政府信息公开申请情况", "", ""], "s3"),  # one cell and the empty cells of a merge
    (["二、主动公开政府信息情况"], "s2"),
    (["三、收到和处理政府信息\n公开申请情况"] * 2, "s3"),  # broken over two lines in the cell
    (["三、收到和处理政府信息公开申请情况（单位：件）"] * 4, "s3"),  # the title with the table's unit
    (["四、政府信息公开行政复议、行政诉讼情况（单位：件）"] * 4, "s4"),
    (["三、政府信息公开申请办理"] * 4, None),  # part 三's key words, not its title
    (["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"] * 3, None),
    (["收到和处理政府信息公开申请情况"] * 4, None),  # a caption without its numeral
    (["单位：件"] * 4, None),
    (["二、收到和处理政府信息公开申请情况"] * 4, None),  # numbered in another part's place
    (["三、本年度办理结果", "（一）予以公开", "22"], None),
    (["三、收到和处理政府信息公开申请情况", "自然人"], None),
])
def test_title_of_row(texts, sid):
    assert title_of_row(_row(0, texts)) == sid


def _table(rows: list[list[str]], index: int) -> Block:
    t = Table(tuple(_row(i, r) for i, r in enumerate(rows)))
    return Block(index=index, kind="table", text="", table=t, line=1)


def test_split_inside_a_table_joined_with_the_previous_one():
    t = _table([["信息内容", "本年收费金额"], ["行政事业性收费", "0"], [TITLES["s3"]] * 2, ["申请人情况", "自然人"],
                ["一、本年新收政府信息公开申请数量", "3"]], 1)
    doc = Document(path="x", format="markdown", encoding=None, text="",
                   blocks=(Block(0, "paragraph", "第二十条第（八）项", line=1), t), table_text=(1,))
    out = split(doc)
    assert [b.kind for b in out.blocks] == ["paragraph", "table", "paragraph", "table"]
    assert [b.index for b in out.blocks] == [0, 1, 2, 3]
    assert out.blocks[2].text == TITLES["s3"] and out.blocks[2].line == 3
    assert [r.texts[0] for r in out.blocks[3].table.rows] == ["申请人情况", "一、本年新收政府信息公开申请数量"]
    assert [c.row for c in out.blocks[3].table.rows[1].cells] == [1, 1]  # the rows renumbered in their table
    assert out.table_text == (3,)


def test_split_leaves_other_tables_and_a_titled_part_alone():
    t = _table([[TITLES["s3"]] * 2, ["申请人情况", "自然人"]], 1)
    doc = Document(path="x", format="markdown", encoding=None, text="",
                   blocks=(Block(0, "heading", TITLES["s3"], line=1, level=2), t))
    out = split(doc)  # the part has its heading: no second one, the title row left out of the table
    assert [b.kind for b in out.blocks] == ["heading", "table"]
    assert [r.texts for r in out.blocks[1].table.rows] == [["申请人情况", "自然人"]]
    plain = Document(path="x", format="markdown", encoding=None, text="",
                     blocks=(_table([["单位：件"] * 2, ["申请人情况", "自然人"]], 0),))
    assert split(plain) is plain
    last = Document(path="x", format="markdown", encoding=None, text="",
                    blocks=(_table([["申请人情况", "自然人"], [TITLES["s3"]] * 2], 0),))
    assert split(last) is last  # a title as the last row has no table under it
    toc = Document(path="x", format="markdown", encoding=None, text="",
                   blocks=(_table([[t] for t in TITLES.values()], 0),))
    assert split(toc) is toc  # the parts' titles one a row: a table of contents, no part's table


def test_sub_items_numbered_like_parts_do_not_hide_the_title_row():
    """``一、主动公开`` under 总体情况 carries part 二's key words: it is no heading of part 二, so the title row of
    part 二's table is still its heading (the findings are those of the report with the title as a heading)."""
    subs = CLEAN
    for a, b in (("（一）主动公开", "一、主动公开"), ("（二）依申请公开", "二、依申请公开"), ("（三）政府信息管理", "三、政府信息管理"),
                 ("（四）平台建设", "四、平台建设"), ("（五）监督保障", "五、监督保障")):
        subs = subs.replace("### " + a, "### " + b, 1)
    expected = [d.code for d in findings(subs.encode(), "r.md")]
    assert "DL101" not in expected
    md = titles_in_tables(subs, ("s2",))
    assert [d.code for d in findings(md.encode(), "r.md")] == expected
    assert "s2" in report(md.encode(), "r.md").structure.by_id


@pytest.mark.parametrize("ext", [".md", ".docx"])
def test_defective_example_with_titles_in_tables_has_its_findings(ext):
    """The defective example (part 四 missing, wrong sums…) with the titles of 二 and 三 moved into their tables:
    the same findings, messages and all, as the example as written."""
    defective = (Path(__file__).resolve().parent.parent / "examples" / "defective-2023.md").read_text(encoding="utf-8")
    expected = sorted((d.code, d.message) for d in findings(render.render(defective, ext), "r" + ext))
    assert ("DL101", "缺少第四部分“四、政府信息公开行政复议、行政诉讼情况”（《条例》第五十条第（三）项）") in expected
    moved = render.render(titles_in_tables(defective, ("s2", "s3")), ext)
    assert sorted((d.code, d.message) for d in findings(moved, "r" + ext)) == expected


def test_the_table_keeps_its_own_pointer():
    data = render.render(titles_in_tables(CLEAN, ("s3",)), ".docx")
    sec = report(data, "r.docx").structure.by_id["s3"]
    table = next(b for b in sec.blocks if b.kind == "table")
    assert table.pointer == "表5" and table.table.rows[0].cells[0].pointer == "表5第2行第1列"
