"""annotate on a Word paragraph of several differently formatted runs: comments on the exact characters (runs
split mid-run, formatting kept) and safe fixes as tracked changes that accepting gives the fixed text."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from docx.shared import RGBColor
from typer.testing import CliRunner

from disclosure_lint.annotate_runs import boundary, clean_offsets, read_chars
from disclosure_lint.cli import app
from disclosure_lint.readers import read_path

from .annotate_xml import W, commented, revisions

runner = CliRunner()
TITLE = "江北市桐溪区农业农村局2023年政府信息公开工作年度报告"
# (text, bold, red, italic): "我委" starts in the bold run and ends in the red one, "落实落实" starts in the red
# run and ends in the italic one, the half-width comma sits inside the italic run
RUNS = [("2023年，我", True, False, False), ("委认真贯彻落实", False, True, False),
        ("落实《条例》要求,部署全年工作。", False, False, True)]
PARAGRAPH = "".join(t for t, *_ in RUNS)


def _formats(element) -> list[tuple[str, str]]:
    """(character, its run's formatting) for every character shown before any change is accepted or rejected
    (w:t and w:delText, not inserted text)."""
    out = []
    for t in element.iter(W + "t", W + "delText"):
        if any(a.tag == W + "ins" for a in t.iterancestors()):
            continue
        run = t.getparent()
        rpr = run.find(W + "rPr")
        key = "" if rpr is None else "".join(sorted(c.tag.split("}")[1] + str(sorted(c.attrib.items())) for c in rpr))
        out.extend((ch, key) for ch in t.text or "")
    return out


@pytest.fixture
def report(tmp_path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph("一、总体情况")
    para = document.add_paragraph()
    for text, bold, red, italic in RUNS:
        run = para.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        if red:
            run.font.color.rgb = RGBColor(0xC0, 0, 0)
    document.add_paragraph("二、主动公开政府信息情况")
    path = tmp_path / "runs.docx"
    document.save(str(path))
    return path


def _codes(path: Path) -> list[str]:
    res = runner.invoke(app, ["check", "-f", "json", str(path)])
    return [d["code"] for d in json.loads(res.stdout)["files"][0]["diagnostics"]]


def _annotated(report: Path) -> Path:
    out = report.with_name("runs.审阅.docx")
    res = runner.invoke(app, ["annotate", str(report), "-o", str(out)])
    assert res.exit_code == 0, res.output
    return out


def test_comments_cover_exactly_the_characters_across_runs(report: Path) -> None:
    assert {"DL301", "DL901", "DL701"} <= set(_codes(report))
    out = _annotated(report)
    document = docx.Document(str(out))
    ranges = commented(document.element.body)
    by_code = {c.text.split("]")[0].lstrip("["): ranges[str(c.comment_id)] for c in document.comments}
    assert by_code["DL301"] == "我委"
    assert by_code["DL901"] == "落实[-落实-]"
    assert by_code["DL701"] == "[-,-]{+，+}"
    assert {c.author for c in document.comments} == {"disclosure-lint"}


def test_split_runs_keep_their_formatting(report: Path) -> None:
    before = _formats(docx.Document(str(report)).element.body)
    out = _annotated(report)
    after = _formats(docx.Document(str(out)).element.body)
    assert after == before  # every character (deleted ones included) keeps its run's formatting
    para = docx.Document(str(out)).paragraphs[2]
    assert len(list(para._p.iter(W + "r"))) > len(RUNS)  # the runs were split


def test_tracked_changes_accepted_give_the_fixed_text(report: Path) -> None:
    out = _annotated(report)
    document = docx.Document(str(out))
    ins, dels = revisions(document.element.body)
    assert ins and dels
    assert {el.get(W + "author") for el in ins + dels} == {"disclosure-lint"}
    assert all(el.get(W + "date") for el in ins + dels)
    ids = [el.get(W + "id") for el in ins + dels]
    comment_ids = {el.get(W + "id") for el in document.element.body.iter(W + "commentRangeStart")}
    assert len(set(ids)) == len(ids) and not set(ids) & comment_ids  # every annotation id distinct
    inserted = ins[0].find(W + "r")
    assert inserted.find(W + "rPr").find(W + "i") is not None  # the new comma is italic like the old one
    accepted = [b.text for b in read_path(str(out)).blocks]  # the Word reader accepts tracked changes
    assert "2023年，我委认真贯彻落实《条例》要求，部署全年工作。" in accepted
    codes = _codes(out)
    assert "DL901" not in codes and "DL701" not in codes
    assert "DL301" in codes  # an unsafe fix stays a comment only
    texts = [c.text for c in document.comments]
    assert any(t.startswith("[DL301]") and "需人工判断" in t for t in texts)
    assert any(t.startswith("[DL901]") and "修订：" in t for t in texts)


def test_rejecting_the_changes_gives_the_original_text(report: Path) -> None:
    out = _annotated(report)
    body = docx.Document(str(out)).element.body
    shown = "".join(ch for ch, _ in _formats(body))
    assert PARAGRAPH in shown


def test_offsets_follow_the_readers_stripping() -> None:
    assert clean_offsets("  甲 乙\n \n丙 ", "甲 乙\n丙") == [2, 3, 4, 5, 8]
    assert clean_offsets("甲", "乙") is None


def test_boundary_splits_a_run_once(tmp_path: Path) -> None:
    document = docx.Document()
    para = document.add_paragraph()
    run = para.add_run("甲乙丙")
    run.bold = True
    assert boundary(para._p, 1) and boundary(para._p, 1)
    runs = list(para._p.iter(W + "r"))
    assert [r.find(W + "t").text for r in runs] == ["甲", "乙丙"]
    assert all(r.find(W + "rPr").find(W + "b") is not None for r in runs)
    assert read_chars(para._p)[0] == "甲乙丙"


def _xml_paragraph(inner: str):
    from docx.oxml import parse_xml

    return parse_xml(f'<w:p xmlns:w="{W[1:-1]}">{inner}</w:p>')


def test_runs_inside_hyperlinks_fields_and_others_revisions(tmp_path: Path) -> None:
    """A hyperlink's run is split and changed like any other; a field's instruction is not text; a run inside
    another author's tracked insertion keeps its comment but gets no change of ours (described instead)."""
    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph("一、总体情况")
    body = document.element.body
    sect = body[-1]
    sect.addprevious(_xml_paragraph(
        '<w:r><w:t>2023年，</w:t></w:r><w:hyperlink w:anchor="x"><w:r><w:t xml:space="preserve">本局和我委,</w:t></w:r>'
        '</w:hyperlink><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE 落实落实</w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页。</w:t></w:r>'))
    sect.addprevious(_xml_paragraph(
        '<w:r><w:t>全年</w:t></w:r><w:ins w:id="7" w:author="某人" w:date="2024-01-01T00:00:00Z"><w:r>'
        '<w:t>认真落实各项要求,</w:t></w:r></w:ins><w:r><w:t>按时完成。</w:t></w:r>'))
    src = tmp_path / "odd.docx"
    document.save(str(src))
    out = tmp_path / "odd.审阅.docx"
    res = runner.invoke(app, ["annotate", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    annotated = docx.Document(str(out))
    ranges = commented(annotated.element.body)
    found = {(c.text.split("]")[0].lstrip("["), ranges[str(c.comment_id)]): c.text for c in annotated.comments}
    assert ("DL301", "我委") in found
    assert ("DL701", "[-,-]{+，+}") in found  # inside the hyperlink
    assert "未能标出修订" in found[("DL701", "{+,+}")]  # inside the other author's insertion
    accepted = [b.text for b in read_path(str(out)).blocks]
    assert "2023年，本局和我委，1页。" in accepted
    assert "全年认真落实各项要求,按时完成。" in accepted  # the other author's insertion is left as it was


def test_markdown_with_control_characters(tmp_path: Path) -> None:
    md = tmp_path / "ctl.md"
    md.write_text(f"# {TITLE}\n\n## 一、总体情况\n\n2023年，我委认真\x0b贯彻落实落实\x01《条例》要求,部署工作。\n",
                  encoding="utf-8")
    res = runner.invoke(app, ["annotate", str(md)])
    assert res.exit_code == 0, res.output
    document = docx.Document(str(tmp_path / "ctl.审阅.docx"))
    ranges = commented(document.element.body)
    assert "我委" in ranges.values()
    assert "\ufffd" in document.paragraphs[-1].text


def test_word_table_cell_findings_on_their_characters(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph("一、总体情况")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "事项", "说明"
    table.cell(1, 0).text = "会议"
    table.cell(1, 1).text = "于2023年2月30日召开，认真贯彻落实落实《条例》要求"
    src = tmp_path / "cell.docx"
    document.save(str(src))
    out = tmp_path / "cell.审阅.docx"
    assert runner.invoke(app, ["annotate", str(src), "-o", str(out)]).exit_code == 0
    annotated = docx.Document(str(out))
    ranges = commented(annotated.element.body)
    assert {"2023年2月30日", "落实[-落实-]"} <= set(ranges.values())
    assert "w:del " in annotated.tables[0].cell(1, 1)._tc.xml
    assert "于2023年2月30日召开，认真贯彻落实《条例》要求" in read_path(str(out)).blocks[-1].text
