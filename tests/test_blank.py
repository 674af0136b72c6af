"""``disclosure-lint new``: the blank report has the official labels and round-trips through ``check``."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from disclosure_lint.api import Checker
from disclosure_lint.blank import Blank, markdown
from disclosure_lint.cli import app
from disclosure_lint.report.catalogue import SECTIONS, TABLE_NAMES
from disclosure_lint.report.stats.schema import S3_APPLICANT_COLS, S4_COLS, schema

runner = CliRunner()
AGENCY = "某某区教育局"
YEARS = (2019, 2020, 2021, 2025)


def version(year: int) -> str:
    return "2019" if year <= 2020 else "2021"


def tables(md: str) -> dict[str, list[list[str]]]:
    """Section id → the cells of every table row in it (separator rows dropped)."""
    out: dict[str, list[list[str]]] = {}
    section = ""
    for line in md.splitlines():
        if line.startswith("## "):
            section = next(s.id for s in SECTIONS if line[3:] == TABLE_NAMES.get(s.id, f"{s.numeral}、{s.title}"))
        elif line.startswith("|") and not re.fullmatch(r"\|(?:---\|)+", line):
            out.setdefault(section, []).append([c.strip() for c in line.strip("|").split("|")])
    return out


def findings(path: Path) -> list[str]:
    return [d.rule for d in Checker().check_file(str(path)).diagnostics]


@pytest.mark.parametrize("year", YEARS)
def test_title_period_sections_and_self_reference(year):
    md = markdown(Blank(year, AGENCY))
    assert md.startswith(f"# {AGENCY}{year}年政府信息公开工作年度报告\n")
    assert f"统计期限为{year}年1月1日至12月31日" in md
    assert "（以下简称“我局”）" in md
    headings = [ln[3:] for ln in md.splitlines() if ln.startswith("## ")]
    assert headings == [f"{s.numeral}、{s.title}" for s in SECTIONS]
    assert md.count("<!--") >= len(SECTIONS)


@pytest.mark.parametrize(("agency", "word"), [("某某街道办事处", "我街道"), ("某某县人民政府", "我县"),
                                              ("某某市发展和改革委员会", "我委"), ("某某中心", "我中心")])
def test_self_reference_by_kind(agency, word):
    assert f"（以下简称“{word}”）" in markdown(Blank(2023, agency))


@pytest.mark.parametrize("year", YEARS)
def test_exactly_the_official_labels(year):
    v = version(year)
    t = tables(markdown(Blank(year, AGENCY)))
    # 表二: every row with its columns, every cell empty
    s2 = schema("s2", v)
    rows = {r[0]: r[1:] for r in t["s2"] if r[0] != "信息内容"}
    assert list(rows) == [r.label for r in s2.rows]
    for r in s2.rows:
        assert len(rows[r.label]) == len(s2.cols_of(r.id)) and not any(rows[r.label])
    heads = [r[1:] for r in t["s2"] if r[0] == "信息内容"]
    assert sorted({c for h in heads for c in h}) == sorted(c.label for c in s2.cols)
    # 表三: the column labels, the data rows' labels in order, every number cell empty
    s3 = schema("s3", v)
    assert t["s3"][2][3:] == [c.label for c in s3.cols]
    body = t["s3"][3:]
    assert [next(c for c in reversed(r[:3]) if c) for r in body] == [r.label for r in s3.data_rows()]
    groups = {c for r in body for c in r[:2] if c}
    assert groups == {r.label for r in s3.rows if r.group is None} | {
        r.label for r in s3.rows if r.group == "result"}
    assert not any(c for r in body for c in r[3:])
    # 表四: three header rows and one empty row of numbers
    assert t["s4"][2] == [c.label for c in S4_COLS]
    assert t["s4"][1][5:] == [c.group for c in S4_COLS[5:]]
    assert t["s4"][3] == [""] * len(S4_COLS)


@pytest.mark.parametrize("year", YEARS)
def test_blank_says_only_unfilled(year, tmp_path):
    path = tmp_path / "blank.md"
    path.write_text(markdown(Blank(year, AGENCY)), encoding="utf-8")
    # the tables are unfilled (DL209), sections 一 and 五 are empty (DL114, DL104), the 落款 date is blank (DL502):
    # nothing else
    assert sorted(findings(path)) == ["empty-overview-section", "empty-problems-section", "template-placeholder",
                                      "unfilled-table"]


def fill(md: str, year: int) -> str:
    """The blank report with prose in every section and consistent numbers in every cell."""
    v = version(year)
    s2, s3 = schema("s2", v), schema("s3", v)
    s3_ids = {r.label: r.id for r in s3.data_rows()}
    s2_ids = {r.label: r.id for r in s2.rows}

    def s3_values(rid: str) -> list[int]:
        # column j: j + 1 applications received and opened; 一 = （一）予以公开 = （七）总计
        per = [j + 1 if rid in ("new", "result.open", "result.total") else 0 for j in range(len(S3_APPLICANT_COLS))]
        return [*per, sum(per)]

    out, section = [], ""
    for line in md.splitlines():
        if line.startswith("## "):
            section = line[3:]
        if line.startswith("|") and "---" not in line:
            cells = [c.strip() for c in line.strip("|").split("|")]
            if cells[0] in s2_ids:
                cols = s2.cols_of(s2_ids[cells[0]])
                cells = [cells[0], *("0" if s2_ids[cells[0]] == "rules" else "2" for _ in cols)]
            elif section.startswith("三") and (label := next((c for c in reversed(cells[:3]) if c), "")) in s3_ids:
                cells = cells[:3] + [str(n) for n in s3_values(s3_ids[label])]
            elif section.startswith("四") and not any(cells):
                cells = ["1", "0", "0", "0", "1"] + ["0"] * 10
            line = "| " + " | ".join(cells) + " |"
        elif line.startswith("<!--") and "落款" not in line:
            line = {"一": "本年度，我局坚持以公开为常态、不公开为例外，认真落实《条例》各项要求，主动公开政府信息。",
                    "五": "一是政策解读形式较为单一；二是信息更新不够及时。下一步，我局将丰富解读形式，建立更新台账。",
                    "六": "我局本年度未收取信息处理费。"}.get(section[:1], "")
        elif re.fullmatch(r"\d{4}年  月  日", line):
            line = f"{year + 1}年1月20日"
        out.append(line)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("year", YEARS)
def test_filled_passes(year, tmp_path):
    path = tmp_path / "filled.md"
    path.write_text(fill(markdown(Blank(year, AGENCY)), year), encoding="utf-8")
    assert findings(path) == []


def test_cli_writes_default_name_and_refuses_to_overwrite(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["new", "--year", "2025", "--agency", AGENCY])
    assert result.exit_code == 0, result.output
    path = tmp_path / f"{AGENCY}2025年政府信息公开工作年度报告.md"
    assert path.read_text(encoding="utf-8") == markdown(Blank(2025, AGENCY))
    path.write_text("已经写了一半", encoding="utf-8")
    result = runner.invoke(app, ["new", "--year", "2025", "--agency", AGENCY])
    assert result.exit_code == 2
    assert "已存在" in result.output and "--force" in result.output
    assert path.read_text(encoding="utf-8") == "已经写了一半"
    result = runner.invoke(app, ["new", "--year", "2025", "--agency", AGENCY, "--force"])
    assert result.exit_code == 0
    assert path.read_text(encoding="utf-8") == markdown(Blank(2025, AGENCY))
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left


def test_cli_output_and_bad_input(tmp_path):
    out = tmp_path / "r.md"
    result = runner.invoke(app, ["new", "--year", "2020", "--agency", "某某街道办事处", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "2020年1月1日至12月31日" in out.read_text(encoding="utf-8")
    for args, cause in ((["--year", "2018"], "没有统一的年度报告格式"), (["--year", "2023", "-o", str(tmp_path / "r.pdf")], ".md"),
                        (["--year", "2023", "-o", str(tmp_path / "no" / "r.md")], "目录不存在")):
        result = runner.invoke(app, ["new", "--agency", AGENCY, *args])
        assert result.exit_code == 2, args
        assert cause in result.output and "Traceback" not in result.output
    assert os.listdir(tmp_path) == ["r.md"]
