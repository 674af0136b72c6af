"""DL708 radical-characters: radical code points that look like Chinese characters (⼯ U+2F2F for 工)."""

from __future__ import annotations

from disclosure_lint.readers import cjk_fold

from .conftest import lint

MD = "# 某某市某某局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n政务公开⼯作虽然取得了⼀定成效，但仍有不⾜。\n"


def test_radicals_in_a_markdown_report_are_said_once_with_a_safe_fix():
    (d,) = [d for d in lint(MD) if d.code == "DL708"]
    assert d.severity == "warning" and (d.line, d.column) == (5, 5) and "全文共3处部首符号（3种：⼯⼀⾜）" in d.message
    assert [e.replacement for e in d.fix.edits] == ["工", "一", "足"] and d.fix.applicability == "safe"
    assert [d for d in lint(MD.replace("⼯", "工").replace("⼀", "一").replace("⾜", "足")) if d.code == "DL708"] == []


def test_a_text_file_read_as_the_characters_is_told_where_the_first_was():
    # a PDF's text saved as text: read as 工作 (its titles and tables are read), said once as a note, no fix; the
    # place is the file's line and column, \r\n line ends and all
    text = "某某市某某局2023年政府信息公开工作年度报告\r\n一、总体情况\r\n本局政务公开⼯作取得了⼀定成效。\r\n"
    (d,) = [d for d in lint(text, fmt="text", file="r.txt") if d.code == "DL708"]
    assert d.severity == "info" and (d.line, d.column) == (3, 7) and d.fix is None and "全文共2处部首符号（2种：⼯⼀）" in d.message
    assert d.evidence["read_as_characters"] is True


def test_what_counts_as_a_radical():
    assert cjk_fold.radicals("政务公开工作") is None
    assert cjk_fold.radicals("人⺠政府⼯作⺠") == (3, 1, "⺠", "⺠⼯")
    assert cjk_fold.radicals("\uf900") is None  # (a compatibility ideograph: a font's, not counted)


def test_a_file_of_radicals_is_said_once_without_a_fix_past_the_bound():
    # a hostile shape: every character a radical — one finding, counted in one pass, no fix of 2,000 edits and more
    from disclosure_lint.kinds.lookalikes import MAX_EDITS

    many = MD.replace("政务公开⼯作虽然取得了⼀定成效，但仍有不⾜。", "⼯" * (MAX_EDITS + 1))
    (d,) = [d for d in lint(many) if d.code == "DL708"]
    assert d.fix is None and f"全文共{MAX_EDITS + 1}处部首符号" in d.message
    few = MD.replace("政务公开⼯作虽然取得了⼀定成效，但仍有不⾜。", "⼯" * MAX_EDITS)
    (d,) = [d for d in lint(few) if d.code == "DL708"]
    assert d.fix is not None and len(d.fix.edits) == MAX_EDITS
