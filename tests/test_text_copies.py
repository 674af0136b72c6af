"""Reports copied as text from a PDF (``pdftotext -layout``, as an evaluator copying from a viewer gets them): the
table cells' words wrap around their numbers and header cells print in pieces. Where the tool cannot place a label
or a number it says so (DL001), and compares nothing that depends on it — never a report defect made of its own
reading: no DL110 "missing column", no DL231 text-vs-table, no DL204 arithmetic on a guess.

The fixtures (tests/fixtures/copies/) are pdftotext -layout copies of LibreOffice exports of this project's clean
example (examples/clean-2023.md rendered to .docx by tests/render.py): a correct report."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from disclosure_lint.cli import app

COPIES = Path(__file__).parent / "fixtures" / "copies"
runner = CliRunner()


def _findings(name: str) -> list[dict]:
    res = runner.invoke(app, ["check", "-f", "json", "--no-cache", "--isolated", str(COPIES / name)])
    return json.loads(res.stdout)["files"][0]["diagnostics"]


def test_a_label_wrapped_around_its_numbers_is_not_compared_with_the_prose():
    """Table 三's 1.本机关不掌握相 / 9 2 0 0 1 0 12 / 关政府信息: the label halves are read as labels of their own,
    the numbers land in the wrong rows; the prose's 无法提供15件 is not compared with that (DL231 before)."""
    found = _findings("lo-export-layout.txt")
    codes = [d["code"] for d in found]
    assert not {"DL230", "DL231", "DL232", "DL204", "DL210"} & set(codes), codes
    s3 = [d for d in found if d["code"] == "DL001" and d["evidence"]["table"] == "s3"]
    assert s3 and "供" in s3[0]["evidence"]["rows"]


def test_a_header_label_present_but_not_placed_is_not_a_missing_column():
    """Table 四's header in pieces (结果维 / 持 on two lines): 其他结果 and 尚未审结 were read, not placed. Not DL110
    "表四缺少…列" (an error, before), but DL001 naming them."""
    found = _findings("lo-export-split-header-layout.txt")
    codes = [d["code"] for d in found]
    assert "DL110" not in codes and "DL204" not in codes, codes
    s4 = [d for d in found if d["code"] == "DL001" and d["evidence"]["table"] == "s4"]
    assert s4 and {"其他结果", "尚未审结"} <= set(s4[0]["evidence"]["cols"])
