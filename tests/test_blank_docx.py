"""``disclosure-lint new -o FILE.docx``: the official labels with merged header cells, the guidance as
Word comments, and the round trip through ``check`` (blank: only unfilled; filled consistently: nothing)."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from disclosure_lint.api import Checker
from disclosure_lint.blank import GUIDANCE, Blank
from disclosure_lint.blank_docx import AUTHOR, docx_bytes
from disclosure_lint.cli import app
from disclosure_lint.readers import read_path
from disclosure_lint.report.stats.schema import S3_APPLICANT_COLS, S4_COLS, schema

runner = CliRunner()
AGENCY = "某某区教育局"
YEARS = (2019, 2020, 2021, 2025)


def version(year: int) -> str:
    return "2019" if year <= 2020 else "2021"


def write(tmp_path: Path, year: int) -> Path:
    path = tmp_path / f"{year}.docx"
    result = runner.invoke(app, ["new", "--year", str(year), "--agency", AGENCY, "-o", str(path)])
    assert result.exit_code == 0, result.output
    return path


def rules(path: Path) -> list[str]:
    return sorted(d.rule for d in Checker().check_file(str(path)).diagnostics)


@pytest.mark.parametrize("year", YEARS)
def test_labels_as_read_back(year, tmp_path):
    v = version(year)
    doc = read_path(str(write(tmp_path, year)))
    texts = [b.text for b in doc.blocks if b.kind != "table"]
    assert texts[0] == f"{AGENCY}{year}年政府信息公开工作年度报告"
    assert f"统计期限为{year}年1月1日至12月31日" in texts[1] and "（以下简称“我局”）" in texts[1]
    grids = [[[c.text for c in r.cells] for r in b.table.rows] for b in doc.blocks if b.table is not None]
    *s2_tables, s3, s4 = grids
    sch2 = schema("s2", v)
    assert [r[0] for t in s2_tables for r in t[1:]] == [r.label for r in sch2.rows]
    assert {c for t in s2_tables for c in t[0][1:]} == {c.label for c in sch2.cols}
    assert not any(c for t in s2_tables for r in t[1:] for c in r[1:])
    sch3 = schema("s3", v)
    assert s3[2][3:] == [c.label for c in sch3.cols]
    assert s3[1][4:9] == [c.group for c in sch3.cols[1:6]]
    assert [r[2] for r in s3[3:]] == [r.label for r in sch3.data_rows()]  # merged labels repeat into column 3
    assert not any(c for r in s3[3:] for c in r[3:])
    assert s4[2] == [c.label for c in S4_COLS] and s4[1][5:] == [c.group for c in S4_COLS[5:]]
    assert s4[3] == [""] * len(S4_COLS)


def test_merged_cells_and_comments(tmp_path):
    d = docx.Document(str(write(tmp_path, 2025)))
    s3, s4 = d.tables[-2], d.tables[-1]
    # 表三: the note over 3 columns and 3 rows, 申请人情况 over 7 columns; 三、本年度办理结果 down its rows
    assert s3.cell(0, 0)._tc is s3.cell(2, 2)._tc
    assert s3.cell(0, 3)._tc is s3.cell(0, 9)._tc
    assert s3.cell(1, 3)._tc is s3.cell(2, 3)._tc  # 自然人 over two rows
    assert s3.cell(5, 0)._tc is s3.cell(len(s3.rows) - 2, 0)._tc
    assert s3.cell(3, 0)._tc is s3.cell(3, 2)._tc  # 一、本年新收… over the three label columns
    assert s3.cell(3, 3)._tc is not s3.cell(3, 4)._tc  # the numbers are cells of their own
    # 表四: 行政复议 over 5 columns and 2 rows, 行政诉讼 over 10
    assert s4.cell(0, 0)._tc is s4.cell(1, 4)._tc and s4.cell(0, 5)._tc is s4.cell(0, 14)._tc
    comments = list(d.comments)
    assert {c.author for c in comments} == {AUTHOR}
    assert {Blank(2025, "x").guidance(s) for s in GUIDANCE} <= {c.text for c in comments}


@pytest.mark.parametrize("year", YEARS)
def test_blank_says_only_unfilled(year, tmp_path):
    assert rules(write(tmp_path, year)) == ["empty-overview-section", "empty-problems-section", "template-placeholder",
                                            "unfilled-table"]


def fill(path: Path, year: int) -> None:
    """Prose in sections 一, 五, 六, the date, and consistent numbers in every cell."""
    v = version(year)
    sch2, sch3 = schema("s2", v), schema("s3", v)
    s2_ids = {r.label: r.id for r in sch2.rows}
    s3_ids = {r.label: r.id for r in sch3.data_rows()}
    d = docx.Document(str(path))
    *s2_tables, s3, s4 = d.tables
    for t in s2_tables:
        for row in t.rows[1:]:
            rid = s2_ids[row.cells[0].text]
            for cell in row.cells[1:]:
                cell.text = "0" if rid == "rules" else "2"
    for row in s3.rows[3:]:
        rid = s3_ids[row.cells[2].text]
        per = [j + 1 if rid in ("new", "result.open", "result.total") else 0 for j in range(len(S3_APPLICANT_COLS))]
        for cell, n in zip(row.cells[3:], [*per, sum(per)], strict=True):
            cell.text = str(n)
    for cell, n in zip(s4.rows[3].cells, [1, 0, 0, 0, 1] + [0] * 10, strict=True):
        cell.text = str(n)
    paras = d.paragraphs
    prose = {"二、": "本年度，我局坚持以公开为常态、不公开为例外，认真落实《条例》各项要求，主动公开政府信息，"
                   "依法办理政府信息公开申请，严格落实信息发布保密审查，维护政府网站公开专栏，将政务公开纳入年度考核。",
             "六、": "一是政策解读形式较为单一；二是信息更新不够及时。下一步，我局将丰富解读形式，建立更新台账。",
             AGENCY: "我局本年度未收取信息处理费。"}
    for p in paras:
        for start, text in prose.items():
            if p.text.startswith(start) and not p.text.startswith(f"{AGENCY}{year}"):
                p.insert_paragraph_before(text)
        if re.fullmatch(r"\d{4}年  月  日", p.text):
            p.runs[0].text = f"{year + 1}年1月20日"
    d.save(str(path))


@pytest.mark.parametrize("year", YEARS)
def test_filled_passes(year, tmp_path):
    path = write(tmp_path, year)
    fill(path, year)
    assert rules(path) == []


def test_same_bytes_as_the_module_and_no_overwrite(tmp_path):
    path = write(tmp_path, 2021)
    assert docx.Document(str(path)).paragraphs[0].text == Blank(2021, AGENCY).title
    assert len(docx_bytes(Blank(2021, AGENCY))) > 0
    before = path.read_bytes()
    result = runner.invoke(app, ["new", "--year", "2021", "--agency", AGENCY, "-o", str(path)])
    assert result.exit_code == 2 and "已存在" in result.output
    assert path.read_bytes() == before


@pytest.mark.parametrize("year", (2020, 2025))
def test_label_columns_of_table_three_are_wide(year, tmp_path):
    """Round 18: the ten columns of 表三 had one width, the labels wrapped three or four characters a line and the
    table ran over three pages.  The label columns now take most of the text width, number columns stay equal;
    merged cells (the note over the three label columns) are as wide as the columns they take in."""
    from docx.oxml.ns import qn

    d = docx.Document(str(write(tmp_path, year)))
    sec = d.sections[-1]
    text = sec.page_width - sec.left_margin - sec.right_margin
    s3 = next(t for t in d.tables if len(t.columns) == 10)
    grid = [int(g.get(qn("w:w"))) for g in s3._tbl.tblGrid.iter(qn("w:gridCol"))]
    twips = text / 635  # EMU → twentieths of a point
    assert abs(sum(grid) - twips) < 10
    labels, numbers = grid[:3], grid[3:]
    assert len(set(numbers)) == 1 and min(labels) > 2 * numbers[0] and labels[2] == max(labels)
    assert s3.cell(0, 0).width == sum(s3.columns[c].width for c in range(3))  # the note over three columns
    secret = next(r for r in range(len(s3.rows)) if s3.cell(r, 2).text == "1.属于国家秘密")
    assert s3.cell(secret, 2).width == s3.columns[2].width  # in its own column
    # the other tables keep their even columns
    s4 = d.tables[-1]
    assert len({int(g.get(qn("w:w"))) for g in s4._tbl.tblGrid.iter(qn("w:gridCol"))}) == 1
