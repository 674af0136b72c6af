"""A copy whose repeated lines were removed (report/stats/deduped.py).

A store that keeps each line of a scraped page once leaves a table printed one cell per line with one ``0`` and one
of each header label that the format prints several times.  The tool says it could not read those tables (DL001),
and no statistics rule judges what is left: not an unfilled template (DL209), not a missing table, no arithmetic.
"""

from __future__ import annotations

from disclosure_lint.report import interpret

from .conftest import codes, lint, parse
from .test_flat_tables import S2, S3_HEAD, S4, s3_rows

TITLE = "某某县某某镇人民政府2023年政府信息公开工作年度报告"
PROSE = ("一、总体情况", "2023年，本镇坚持以公开为常态、不公开为例外，全年主动公开政府信息86条，均按时发布。")
TAIL = ("五、存在的主要问题及改进情况", "一是解读形式单一，下一步将丰富解读形式。", "六、其他需要报告的事项",
        "本年度未收取信息处理费。")


def _cells(text: str) -> list[str]:
    return text.split(" ")


def one_cell_per_line(rows=None) -> list[str]:
    """The report with every table cell on its own line (a web page copied as text)."""
    body: list[str] = []
    for label, values in rows or s3_rows():
        body.append(label)
        body.extend(str(v) for v in values)
    return [TITLE, *PROSE, *_cells(S2), *_cells(S3_HEAD), *body, *_cells(S4), *TAIL]


def deduplicated(lines: list[str]) -> list[str]:
    """Each line kept once, the first time it occurs (what such a store does)."""
    seen: set[str] = set()
    out = []
    for x in lines:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def text(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def test_a_copy_without_repeated_lines_is_an_input_finding_not_an_unfilled_table():
    src = text(deduplicated(one_cell_per_line()))
    diags = lint(src, fmt="text")
    got = codes(diags)
    assert "DL001" in got
    d = next(d for d in diags if d.code == "DL001")
    assert d.severity == "warning"
    assert "表二、表三、表四" in d.message and "删去了所有重复的行" in d.message
    assert d.evidence["layout"] == "flat-deduplicated"
    assert d.evidence["tables"] == ["s2", "s3", "s4"]
    assert "结果维持" in d.evidence["labels_once"] and "信息内容" in d.evidence["labels_once"]
    assert (d.line, d.column) == (src.split("\n").index("第二十条第（一）项") + 1, 1)  # table 二's first cell
    # nothing about the tables' content is judged from what is left
    assert not [c for c in got if c.startswith("DL2")], got
    assert "DL209" not in got and "DL102" not in got and "DL103" not in got, got


def test_the_report_model_keeps_the_tables_aside():
    report = interpret(parse(text(deduplicated(one_cell_per_line())), "text"))
    assert report.stats == {}
    dd = report.deduplicated
    assert dd is not None and set(dd.tables) == {"s2", "s3", "s4"}
    assert all(t.layout == "flat" for t in dd.tables.values())
    assert dd.lines >= 30
    assert {u.why for u in report.unread_tables.values()} == {"deduplicated"}
    # their lines are table lines, not prose, for the prose readers
    table_blocks = {b.index for t in dd.tables.values() for b in t.blocks}
    assert table_blocks and table_blocks <= report.statistics_blocks


def test_the_same_copy_with_its_repeats_is_read_and_checked():
    lines = one_cell_per_line()
    report = interpret(parse(text(lines), "text"))
    assert report.deduplicated is None
    assert set(report.stats) == {"s2", "s3", "s4"}
    got = codes(lint(text(lines), fmt="text"))
    assert "DL001" not in got and "DL209" not in got, got


def test_an_unfilled_template_printed_one_cell_per_line_is_still_reported():
    # every label the format repeats is there as often as the format prints it; no number anywhere
    lines = [x for x in one_cell_per_line() if not x.isdigit()]
    got = codes(lint(text(lines), fmt="text"))
    assert "DL209" in got, got
    assert not any(d.evidence.get("layout") == "flat-deduplicated" for d in lint(text(lines), fmt="text")
                   if d.code == "DL001")


def test_a_short_excerpt_is_not_taken_for_a_deduplicated_copy():
    # table 四 alone, cut after its first block: one of each label is all there is to see
    lines = [TITLE, *PROSE, "四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", "结果维持", "结果纠正",
             "其他结果", "尚未审结", "总计", "1", "2"]
    report = interpret(parse(text(lines), "text"))
    assert report.deduplicated is None


def test_one_repeated_line_anywhere_means_the_copy_kept_its_repeats():
    lines = deduplicated(one_cell_per_line())
    lines.insert(lines.index("五、存在的主要问题及改进情况"), "0")  # a second "0"
    report = interpret(parse(text(lines), "text"))
    assert report.deduplicated is None
