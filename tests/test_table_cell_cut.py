"""A table cut by ``limits.max_table_cells`` stops the reading there, in every format, as the other reading limits
do (:func:`disclosure_lint.report.truncation.cut_by_reader`): one DL002 says what was not read, and no report defect
is claimed for what was not read — the rows of the cut table after the cut (DL110, DL209), the tables and parts after
it (DL105, DL101).  Before, the Markdown and text readers went on after the cut table (the later tables read one row
each), the web page reader dropped the later tables and kept their text, and in every format DL110 listed the rows
never read as missing from the report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from disclosure_lint.cli import app
from tests import render

CLEAN = (Path(__file__).resolve().parent.parent / "examples" / "clean-2023.md").read_text(encoding="utf-8")
runner = CliRunner()


def _findings(tmp_path: Path, md_text: str, ext: str, max_cells: int | None) -> list[dict]:
    cfg = tmp_path / "limits.yaml"
    cfg.write_text(f"limits:\n  max_table_cells: {max_cells}\n" if max_cells else "{}\n", encoding="utf-8")
    path = render.write(md_text, tmp_path / "report", [ext])[ext] if ext != ".md" else tmp_path / "report.md"
    if ext == ".md":
        path.write_text(md_text, encoding="utf-8")
    res = runner.invoke(app, ["check", "-f", "json", "--no-cache", "--config", str(cfg), str(path)])
    assert res.exit_code in (0, 1), res.output
    return json.loads(res.stdout)["files"][0]["diagnostics"]


# (format, limit): table 三 cut in its rows (the limit counts cells as each format has them); Word at 300 in
# table 四's header rows (DL209 "unfilled" before), the web page at 100 before table 四 (DL105 "no table" before)
CUTS = [(".md", 200), (".txt", 200), (".html", 200), (".docx", 200), (".docx", 300), (".html", 100)]


@pytest.mark.parametrize(("ext", "limit"), CUTS, ids=[f"{e[1:]}-{n}" for e, n in CUTS])
def test_cut_table_claims_no_defect_of_the_cells_not_read(tmp_path, ext, limit):
    found = _findings(tmp_path, CLEAN, ext, limit)
    assert [d["code"] for d in found] == ["DL002"], [(d["code"], d["message"][:80]) for d in found]
    assert "max_table_cells" in found[0]["message"] and "未读取" in found[0]["message"]


def test_markdown_and_text_stop_at_the_cut_table(tmp_path):
    """The reader's notice says the rest was not read, and no block after the cut table is there."""
    from disclosure_lint.limits import Limits
    from disclosure_lint.readers import markdown, text

    for doc in (markdown.parse(CLEAN, limits=Limits(max_table_cells=200)),
                text.parse(render.to_text(CLEAN), limits=Limits(max_table_cells=200))):
        (notice,) = doc.notices
        assert notice.limit == "max_table_cells" and notice.detail.endswith("其后的内容未读取")
        assert doc.blocks[-1].kind == "table" and "五、存在的主要问题" not in "".join(b.text for b in doc.blocks)


@pytest.mark.parametrize("ext", [".md", ".txt", ".html", ".docx"])
def test_a_row_missing_before_the_cut_is_still_reported(tmp_path, ext):
    """Guard: the rows read are still checked — a row the report lacks before the cut is named, the rows after the
    cut are not; and within the limit the report reads as before (no finding)."""
    assert _findings(tmp_path, CLEAN, ext, None) == []
    row = "| | | 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
    assert row in CLEAN
    found = _findings(tmp_path, CLEAN.replace(row, ""), ext, 200)
    assert sorted(d["code"] for d in found) == ["DL002", "DL110"], [(d["code"], d["message"][:80]) for d in found]
    (dl110,) = [d for d in found if d["code"] == "DL110"]
    assert "2.其他法律行政法规禁止公开" in dl110["message"]
    assert "（七）总计" not in dl110["message"] and "四、结转下年度继续办理" not in dl110["message"]
