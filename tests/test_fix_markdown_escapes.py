"""Markdown backslash escapes, as Word-to-Markdown and HTML-to-Markdown converters write them (red team, round 17):
``要求\\(详见附件\\)`` shows a half-width bracket, and its fix replaces the escape with it — not the bracket alone,
which would leave ``\\（`` (shown with its backslash); ``国办发\\[2023\\]10号`` is a document number in square brackets
(DL702) like ``国办发[2023]10号``."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

HEAD = "# 江北市桐溪区农业农村局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n"


def _fix(tmp_path: Path, body: str) -> str:
    from disclosure_lint.cli import app

    path = tmp_path / "r.md"
    path.write_text(HEAD + body + "\n", encoding="utf-8")
    CliRunner().invoke(app, ["check", "--isolated", "--no-cache", "--fix", "--select", "DL701,DL702", str(path)])
    return path.read_text(encoding="utf-8")[len(HEAD):].rstrip("\n")


def test_an_escaped_bracket_is_replaced_with_its_backslash(tmp_path):
    got = _fix(tmp_path, "本局落实要求\\(详见附件\\)，全年发布解读3篇。")
    assert got == "本局落实要求（详见附件），全年发布解读3篇。"


def test_an_escaped_backslash_before_a_bracket_stays(tmp_path):
    # \\\\( is a backslash shown, then a bracket: only the bracket is replaced
    got = _fix(tmp_path, "本局落实要求\\\\(详见附件)，全年发布解读3篇。")
    assert got == "本局落实要求\\\\（详见附件），全年发布解读3篇。"


def test_a_document_number_with_escaped_brackets_is_found_and_fixed(tmp_path):
    from .conftest import lint

    text = HEAD + "本局落实《通知》（国办发\\[2023\\]10号）要求。"
    assert [d.code for d in lint(text, select=["DL702"])] == ["DL702"]
    assert _fix(tmp_path, "本局落实《通知》（国办发\\[2023\\]10号）要求。") == "本局落实《通知》（国办发〔2023〕10号）要求。"
