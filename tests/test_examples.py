"""The shipped examples and the benchmark's synthetic reports.

* ``examples/clean-2023.md`` is a correct report: no finding, exit code 0, and its tables
  satisfy every arithmetic identity of the unified format (checked here with the project's
  own Markdown reader, so the example stays consistent when it is edited).
* ``examples/defective-2023.md`` is deliberately defective: findings in every category,
  exit code 1, and exactly one deliberate error in its statistics tables.
* ``bench/generate.py`` writes clean reports that are consistent and quiet, and defective
  ones that are caught.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from disclosure_lint.api import check_paths
from disclosure_lint.readers import read_path
from disclosure_lint.report import interpret
from disclosure_lint.report.stats.schema import S3_COLS, labelled_rows

from .benchgen import generator

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CLEAN = EXAMPLES / "clean-2023.md"
DEFECTIVE = EXAMPLES / "defective-2023.md"

CATEGORIES = ("structure", "self-reference", "date", "content-safety", "duplication", "typography", "terminology",
              "writing")

COLS = tuple(c.label for c in S3_COLS)

# The 25 data rows of the 2021 table 三 (labels exact, spec §3.4), as (group, item).
T3_ROWS = tuple(labelled_rows("s3", "2021"))
T3_RESULT_ROWS = T3_ROWS[2:-2]
T4_GROUPS = ("行政复议", "未经复议直接起诉", "复议后起诉")
T4_COLS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


# ------------------------------------------------------------------ reading the tables
def _report(path: Path):
    return interpret(read_path(str(path)))


def _int(text: str) -> int:
    assert re.fullmatch(r"\d+", text), f"not a non-negative integer: {text!r}"
    return int(text)


def table3(rep) -> dict[tuple[str, str], list[int]]:
    """Table 三 of section 三 as {(group, item): [7 numbers]} in row order."""
    tables = rep.sections_by_id["s3"].tables
    assert len(tables) == 1, "section 三 should hold exactly one table"
    t = tables[0].table
    header = [c.text for c in t.rows[0].cells]
    assert tuple(header[-7:]) == COLS, header
    assert "勾稽关系" in header[0]
    out: dict[tuple[str, str], list[int]] = {}
    group = ""
    for row in t.rows[1:]:
        texts = row.texts
        assert len(texts) == 10, texts
        labels = texts[:3]
        if labels[0] and not labels[0].startswith("三、"):
            group, item = labels[0], ""
        else:
            if labels[1]:
                group = labels[1]
            item = labels[2]
        assert (group, item) not in out, f"row {group} {item} twice"
        out[(group, item)] = [_int(x) for x in texts[3:]]
    return out


def table4(rep) -> dict[str, list[int]]:
    tables = rep.sections_by_id["s4"].tables
    assert len(tables) == 1
    rows = [r.texts for r in tables[0].table.rows]
    assert len(rows) == 4 and all(len(r) == 15 for r in rows)
    assert rows[0] == ["行政复议"] * 5 + ["行政诉讼"] * 10
    assert rows[1] == ["行政复议"] * 5 + ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5
    assert rows[2] == list(T4_COLS) * 3
    nums = [_int(x) for x in rows[3]]
    return {g: nums[5 * i:5 * i + 5] for i, g in enumerate(T4_GROUPS)}


def table2(rep) -> dict[str, dict[str, str]]:
    """Table 二 (2021 format) as {row label: {column label: cell}} over its four small tables."""
    out: dict[str, dict[str, str]] = {}
    for b in rep.sections_by_id["s2"].tables:
        rows = [r.texts for r in b.table.rows]
        assert rows[0][0] == "信息内容"
        for r in rows[1:]:
            out[r[0]] = dict(zip(rows[0][1:], r[1:]))
    return out


def identity_errors(t3: dict[tuple[str, str], list[int]]) -> list[str]:
    """Every broken identity of table 三, as readable strings (empty when consistent)."""
    errs = []
    for key, vals in t3.items():
        if sum(vals[:6]) != vals[6]:
            errs.append(f"row-total {key}")
    new, carried = t3[T3_ROWS[0]], t3[T3_ROWS[1]]
    total, carry_out = t3[("（七）总计", "")], t3[T3_ROWS[-1]]
    for c, name in enumerate(COLS):
        if new[c] + carried[c] != total[c] + carry_out[c]:
            errs.append(f"I1 {name}")
        if sum(t3[k][c] for k in T3_RESULT_ROWS) != total[c]:
            errs.append(f"I3 {name}")
    return errs


# ------------------------------------------------------------------ clean example
@pytest.fixture(scope="module")
def clean():
    return _report(CLEAN)


def test_clean_example_facts(clean):
    assert clean.title == "江北市青溪区市场监督管理局2023年政府信息公开工作年度报告"
    assert clean.agency.kind == "bureau"
    assert clean.year == 2023 and clean.period_year == 2023
    assert clean.format_version == "2021"
    assert [s.id for s in clean.sections] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert [s.numeral for s in clean.sections] == ["一", "二", "三", "四", "五", "六"]
    assert str(clean.published) == "2024-01-18"
    subs = [b.text for b in clean.sections_by_id["s1"].blocks if b.kind == "heading"]
    assert subs == ["（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）平台建设", "（五）监督保障"]


def test_clean_example_table3_has_every_row_and_balances(clean):
    t3 = table3(clean)
    assert tuple(t3) == T3_ROWS
    assert identity_errors(t3) == []
    assert t3[("（七）总计", "")][6] > 0


def test_clean_example_table4_balances(clean):
    t4 = table4(clean)
    for g, vals in t4.items():
        assert sum(vals[:4]) == vals[4], g


def test_clean_example_table2(clean):
    t2 = table2(clean)
    assert set(t2) == {"规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费"}
    assert set(t2["规章"]) == {"本年制发件数", "本年废止件数", "现行有效件数"}
    assert set(t2["行政许可"]) == {"本年处理决定数量"}
    assert set(t2["行政事业性收费"]) == {"本年收费金额（单位：万元）"}
    for row in t2.values():
        for v in row.values():
            assert re.fullmatch(r"\d+(?:\.\d+)?", v)


def _num(text: str, pattern: str) -> int:
    m = re.search(pattern, text)
    assert m, f"{pattern!r} not in the prose"
    return int(m.group(1))


def test_clean_example_prose_matches_tables(clean):
    t3, t4, t2 = table3(clean), table4(clean), table2(clean)
    s1 = clean.sections_by_id["s1"].body_text
    total = t3[("（七）总计", "")][6]
    assert _num(s1, r"新收政府信息公开申请(\d+)件") == t3[T3_ROWS[0]][6]
    assert _num(s1, r"上年结转(\d+)件") == t3[T3_ROWS[1]][6]
    assert _num(s1, r"办结(\d+)件") == total
    assert _num(s1, r"结转下年度继续办理(\d+)件") == t3[T3_ROWS[-1]][6]
    for word, group in (("予以公开", "（一）"), ("部分公开", "（二）"), ("不予公开", "（三）"),
                        ("无法提供", "（四）"), ("不予处理", "（五）"), ("其他处理", "（六）")):
        expected = sum(v[6] for (g, _), v in t3.items() if g.startswith(group))
        assert _num(s1, word + r"(\d+)件") == expected, word
    rules = t2["行政规范性文件"]
    assert _num(s1, r"制发行政规范性文件(\d+)件") == int(rules["本年制发件数"])
    assert _num(s1, r"废止(\d+)件") == int(rules["本年废止件数"])
    assert _num(s1, r"现行有效(\d+)件") == int(rules["现行有效件数"])
    assert _num(s1, r"行政处罚决定(\d+)件") == int(t2["行政处罚"]["本年处理决定数量"])
    s4 = clean.sections_by_id["s4"].body_text
    assert _num(s4, r"行政复议(\d+)件") == t4["行政复议"][4]
    assert _num(s4, r"行政诉讼(\d+)件") == t4["未经复议直接起诉"][4] + t4["复议后起诉"][4]


def test_clean_example_text_conventions():
    text = CLEAN.read_text(encoding="utf-8")
    prose = "\n".join(line for line in text.splitlines() if not line.startswith("|"))
    assert not re.search(r"[\u4e00-\u9fff][,;:?!()]|[,;:?!()][\u4e00-\u9fff]", prose), "half-width mark"
    assert "本报告中所列数据统计期限为2023年1月1日至12月31日" in text
    assert "信息处理费" in text
    selves = set(re.findall(r"我[局委办区县市镇乡]|我街道|本机关|本局", text))
    assert selves <= {"我局", "本机关"}, selves


def test_clean_example_gives_no_finding():
    run = check_paths([str(CLEAN)])
    [fr] = run.files
    assert fr.error is None
    found = [f"{d.code} {d.line}:{d.column} {d.message}" for d in fr.diagnostics]
    assert found == []
    assert run.exit_code() == 0


# ------------------------------------------------------------------ defective example
@pytest.fixture(scope="module")
def defective_run():
    return check_paths([str(DEFECTIVE)])


def test_defective_example_is_marked_as_such():
    head = DEFECTIVE.read_text(encoding="utf-8").lstrip()
    assert head.startswith("<!--") and "故意" in head.split("-->")[0]


@pytest.mark.parametrize("category", CATEGORIES)
def test_defective_example_fires_every_category(defective_run, category):
    [fr] = defective_run.files
    assert fr.error is None
    seen = {d.category for d in fr.diagnostics}
    assert category in seen, f"no {category} finding; categories seen: {sorted(seen)}"


def test_defective_example_exits_1(defective_run):
    assert defective_run.exit_code() == 1


def test_defective_example_has_exactly_one_table_error():
    """Kept for the statistics rules: one wrong number, everything else balances."""
    rep = _report(DEFECTIVE)
    assert "s4" not in rep.sections_by_id  # the missing section
    t3 = table3(rep)
    assert tuple(t3) == T3_ROWS
    assert identity_errors(t3) == ["I1 自然人", "I1 总计"]
    fixed = dict(t3)
    fixed[T3_ROWS[0]] = [v - 1 if c in (0, 6) else v for c, v in enumerate(t3[T3_ROWS[0]])]
    assert identity_errors(fixed) == []


def test_defective_example_table_error_is_reported(defective_run):
    [fr] = defective_run.files
    stats = [d for d in fr.diagnostics if d.category == "statistics"]
    assert stats, "the deliberate table error was not reported"
    assert any("自然人" in d.message for d in stats)


def test_cli_exit_codes():
    def rc(path: Path) -> int:
        return subprocess.run([sys.executable, "-m", "disclosure_lint", "check", str(path)],
                              capture_output=True, cwd=ROOT).returncode

    assert rc(CLEAN) == 0
    assert rc(DEFECTIVE) == 1


# ------------------------------------------------------------------ benchmark generator
@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench")
    manifest = generator().generate(24, out, seed=7, defective_share=0.5)
    return out, manifest


def test_generator_is_deterministic(tmp_path, generated):
    out, manifest = generated
    again = generator().generate(24, tmp_path, seed=7, defective_share=0.5)
    assert again == manifest
    for name in manifest:
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes()


def test_generated_clean_reports_balance_and_are_quiet(generated):
    out, manifest = generated
    clean = [n for n, m in manifest.items() if not m["defects"]]
    assert len(clean) >= 5
    # each report on its own (the generator's reports of one name are not one body's real years)
    for fr in (f for n in clean for f in check_paths([str(out / n)]).files):
        rep = _report(Path(fr.path))
        assert len(rep.sections_by_id) == 6
        if manifest[Path(fr.path).name]["format"] == "2021":
            assert identity_errors(table3(rep)) == [], fr.path
        assert [f"{d.code} {d.message}" for d in fr.diagnostics] == [], fr.path


def test_generated_defective_reports_are_caught(generated):
    out, manifest = generated
    bad = [n for n, m in manifest.items() if m["defects"]]
    assert bad
    run = check_paths([str(out / n) for n in bad])
    missed = [Path(fr.path).name for fr in run.files if not fr.diagnostics]
    assert missed == []
