"""``disclosure-lint new``: the blank report has the official labels and round-trips through ``check``."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from disclosure_lint.api import Checker
from disclosure_lint.blank import S3_APPLICANTS, S3_NOTE, Blank, markdown, s3_grid, s4_grid
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
    # the three header rows: a merged cell's text once, in its first position (the note over 3×3, 申请人情况 over
    # seven columns, 自然人 and 总计 over two rows, 法人或其他组织 over five columns)
    orgs = [c.label for c in s3.cols if c.group]
    assert t["s3"][:3] == [[S3_NOTE, "", "", S3_APPLICANTS, *[""] * 6],
                           ["", "", "", "自然人", "法人或其他组织", *[""] * (len(orgs) - 1), "总计"],
                           ["", "", "", "", *orgs, ""]]
    assert "\n".join(map(str, t["s3"])).count(S3_NOTE) == 1
    body = t["s3"][3:]
    assert [next(c for c in reversed(r[:3]) if c) for r in body] == [r.label for r in s3.data_rows()]
    groups = {c for r in body for c in r[:2] if c}
    assert groups == {r.label for r in s3.rows if r.group is None} | {
        r.label for r in s3.rows if r.group == "result"}
    assert not any(c for r in body for c in r[3:])
    # 表四: three header rows and one empty row of numbers
    assert t["s4"][2] == [c.label for c in S4_COLS]
    assert t["s4"][0] == ["行政复议", *[""] * 4, "行政诉讼", *[""] * 9]
    assert t["s4"][1] == [*[""] * 5, "未经复议直接起诉", *[""] * 4, "复议后起诉", *[""] * 4]
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
            line = {"一": "本年度，我局坚持以公开为常态、不公开为例外，认真落实《条例》各项要求，主动公开政府信息，"
                         "依法办理政府信息公开申请，严格落实信息发布保密审查，维护政府网站公开专栏，将政务公开纳入年度考核。",
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


def test_cli_year_past_the_formats_is_refused(tmp_path, monkeypatch):
    """``new --year 99999`` (a typo) wrote a report titled 99999年; now refused as check --year refuses it: one
    Chinese line, exit 2, nothing written."""
    monkeypatch.chdir(tmp_path)
    for year in ("99999", "2101", "20255"):
        result = runner.invoke(app, ["new", "--year", year, "--agency", AGENCY])
        assert result.exit_code == 2, (year, result.output)
        assert f"--year {year} 不是有效的报告年度" in result.output and "2019 至 2100" in result.output
        assert "Traceback" not in result.output
    assert os.listdir(tmp_path) == []


def test_cli_year_bounds_kept(tmp_path, monkeypatch):
    """Guard: the first and the last year check accepts are written, in their formats."""
    monkeypatch.chdir(tmp_path)
    for year, fmt in (("2019", "2019年"), ("2100", "2021年")):
        result = runner.invoke(app, ["new", "--year", year, "--agency", AGENCY])
        assert result.exit_code == 0, result.output
        assert f"已写入 {AGENCY}{year}年政府信息公开工作年度报告.md（{fmt}" in result.output


def _repeated(md: str, version: str) -> str:
    """``md`` with the header rows of 表三 and 表四 written out as before round 18: each merged cell's text in every
    position it covers (as a reader expands a web page's colspan/rowspan)."""
    lines = md.splitlines()
    for grid in (s3_grid(version), s4_grid(version)):
        first = next(i for i, ln in enumerate(lines) if ln.startswith(f"| {grid[0][0]} |"))
        lines[first] = "| " + " | ".join(grid[0]) + " |"
        lines[first + 2] = "| " + " | ".join(grid[1]) + " |"  # (first + 1: the --- line)
        lines[first + 3] = "| " + " | ".join(grid[2]) + " |"
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("year", (2020, 2023))
def test_header_written_once_reads_as_written_out(year, tmp_path):
    """Each header text once (not the note nine times, 行政复议 ten) is read exactly as the header written out in
    every position: the same cells, labels and places, and no finding on the filled report."""
    from disclosure_lint.stats_export import export_paths

    once = tmp_path / "once.md"
    out = tmp_path / "out.md"
    filled = fill(markdown(Blank(year, AGENCY)), year)
    once.write_text(filled, encoding="utf-8")
    out.write_text(_repeated(filled, version(year)), encoding="utf-8")
    assert out.read_text(encoding="utf-8").count(S3_NOTE) == 9 and filled.count(S3_NOTE) == 1
    records = [[{k: v for k, v in r.items() if k != "path"} for r in export_paths([str(p)]).records]
               for p in (once, out)]
    assert len(records[0]) > 150 and records[0] == records[1]
    assert findings(once) == findings(out) == []


@pytest.mark.parametrize(("year", "cited"), [
    (2019, "和《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）的要求"),
    (2020, "和《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）的要求"),
    (2021, "和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）的要求"),
    (2025, "和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）的要求")])
def test_opening_cites_the_format_by_its_official_title(year, cited):
    """Round 18: the opening said 政府信息公开工作年度报告2021年格式（国办公开办函〔2021〕30号）, a name of ours."""
    md = markdown(Blank(year, AGENCY))
    assert cited in md and "年度报告2021年格式" not in md and "年度报告2019年试行格式" not in md


def test_the_format_titles_have_one_home():
    """Guard: DL801's suggested citation is the catalogue's title of the 2021 format (a YAML rule cannot import
    it), and the short names and numbers messages use are the same pieces."""
    from disclosure_lint.packs import load_rules
    from disclosure_lint.report.catalogue import FORMAT_NAMES, FORMAT_TITLES, V2019, V2021

    dl801 = next(r for r in load_rules() if r.code == "DL801")
    assert dl801.spec.options["entries"][0]["replacement"] == FORMAT_TITLES[V2021]
    assert FORMAT_NAMES[V2019] == "2019年试行格式（国办公开办函〔2019〕60号）"
    assert FORMAT_NAMES[V2021] == "2021年格式（国办公开办函〔2021〕30号）"


@pytest.mark.parametrize("year", (2019, 2020))
def test_no_fee_asked_before_the_fee_measures(year, tmp_path):
    """Round 18: the 2019 and 2020 blanks asked for 信息处理费 under 六, charged only under 国办函〔2020〕109号, in
    force from 2021 — in .md and in .docx alike."""
    import io

    import docx

    from disclosure_lint.blank_docx import docx_bytes

    md = markdown(Blank(year, AGENCY))
    assert "信息处理费" not in md and "<!-- 写明年度政务公开工作要点落实等需要报告的事项。 -->" in md
    comments = [c.text for c in docx.Document(io.BytesIO(docx_bytes(Blank(year, AGENCY)))).comments]
    assert comments and not any("信息处理费" in c for c in comments)


@pytest.mark.parametrize("year", (2021, 2025))
def test_fee_asked_from_2021(year):
    """Guard: from the 2021 reports on, 六 still asks for the 信息处理费 charged (or that none was)."""
    assert "<!-- 写明收取信息处理费的情况（未收取也应说明），以及年度政务公开工作要点落实等需要报告的事项。 -->" in markdown(
        Blank(year, AGENCY))


@pytest.mark.parametrize("agency", ["云岭区教育局\n第二行", "云岭区\r\n教育局", "云岭区\t教育局", "云岭区教育局\x1b[2J",
                                    "云岭区\u2028教育局", "云岭区教育局\u202e", "云岭区\u200b教育局"])
def test_agency_is_one_line_of_text(agency, tmp_path, monkeypatch):
    """Round 18: a line break in --agency went into the file name and split the title; every character a one-line
    name cannot hold is refused in one Chinese line (exit 2), and nothing is written."""
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["new", "--year", "2023", "--agency", agency])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "应只写一行机关全称" in lines[0] and "个字符，U+" in lines[0]
    assert os.listdir(tmp_path) == []


def test_agency_with_spaces_around_or_inside_is_kept(tmp_path, monkeypatch):
    """Guard: spaces around the name are dropped as before; a full-width space or a · inside stays a name."""
    monkeypatch.chdir(tmp_path)
    for agency in (" 某某区教育局 ", "某某区　教育局", "某某区·教育局"):
        result = runner.invoke(app, ["new", "--year", "2023", "--agency", agency])
        assert result.exit_code == 0, result.output
    assert sorted(os.listdir(tmp_path)) == sorted(f"{a.strip()}2023年政府信息公开工作年度报告.md"
                                                  for a in (" 某某区教育局 ", "某某区　教育局", "某某区·教育局"))
