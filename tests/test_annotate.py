"""annotate: a .docx copy with every finding of check as a Word comment; .md/.txt/.html rendered as Word."""

from __future__ import annotations

import json
import os
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from typer.testing import CliRunner

from disclosure_lint.annotate import annotate
from disclosure_lint.cli import app
from disclosure_lint.diagnostics import Diagnostic
from tests import render

from .annotate_xml import W, commented, revisions
from .conftest import NO_SHARED, SHARED

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "defective-2023.md"
runner = CliRunner()


@pytest.fixture
def report(tmp_path: Path) -> Path:
    return render.write(EXAMPLE.read_text(encoding="utf-8"), str(tmp_path / "report"), [".docx"])[".docx"]


def _findings(path: Path) -> list[dict]:
    res = runner.invoke(app, ["check", "-f", "json", str(path)])
    return json.loads(res.stdout)["files"][0]["diagnostics"]


def test_one_comment_per_finding_and_original_untouched(report: Path) -> None:
    before = report.read_bytes()
    findings = _findings(report)
    assert findings
    res = runner.invoke(app, ["annotate", str(report)])
    assert res.exit_code == 0, res.output
    out = report.with_name("report.审阅.docx")
    assert report.read_bytes() == before
    comments = list(docx.Document(str(out)).comments)
    assert len(comments) == len(findings)
    assert {c.author for c in comments} == {"disclosure-lint"}
    texts = [c.text for c in comments]
    assert any("不应自称“我委”" in t and "应为：" in t and "依据：" in t for t in texts)
    assert not any("位置：" in t for t in texts)  # every finding of the example was placed
    assert not list(out.parent.glob(".*.tmp"))


def test_statistics_finding_sits_on_its_cell(report: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    assert runner.invoke(app, ["annotate", str(report), "-o", str(out)]).exit_code == 0
    xml = docx.Document(str(out)).element.body.xml
    # a comment range opens inside a table cell (the DL201 total cells)
    assert any("commentRangeStart" in tc.xml for tc in docx.Document(str(out)).element.body.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tc"))
    assert "commentRangeStart" in xml


def test_refuses_to_overwrite_unless_forced(report: Path, tmp_path: Path) -> None:
    out = tmp_path / "exists.docx"
    out.write_bytes(b"keep")
    res = runner.invoke(app, ["annotate", str(report), "-o", str(out)])
    assert res.exit_code == 2
    assert "已存在" in res.stderr
    assert out.read_bytes() == b"keep"
    assert runner.invoke(app, ["annotate", str(report), "-o", str(out), "--force"]).exit_code == 0
    assert len(list(docx.Document(str(out)).comments)) == len(_findings(report))


def test_copy_has_a_new_files_permissions(report: Path, tmp_path: Path) -> None:
    """The copy is written through output.atomic_replace: the mode a new file gets (umask), not the 0600 of a
    temporary file."""
    out = tmp_path / "copy.docx"
    assert runner.invoke(app, ["annotate", str(report), "-o", str(out)]).exit_code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_other_formats_exit_2(tmp_path: Path) -> None:
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    res = runner.invoke(app, ["annotate", str(pdf)])
    assert res.exit_code == 2
    assert "annotate 只接受" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    assert not list(tmp_path.glob("*.docx"))


def test_output_must_be_a_word_file(report: Path, tmp_path: Path) -> None:
    res = runner.invoke(app, ["annotate", str(report), "-o", str(tmp_path / "out.md")])
    assert res.exit_code == 2
    assert "应以 .docx 结尾" in res.stderr
    assert not (tmp_path / "out.md").exists()


def _anchors(out: Path) -> dict[str, str]:
    """First line of each comment → the text its range covers."""
    document = docx.Document(str(out))
    ranges = commented(document.element.body)
    return {c.text.splitlines()[0]: ranges[str(c.comment_id)] for c in document.comments}


def test_a_report_inside_a_layout_frame_gets_the_same_comments(report: Path, tmp_path: Path) -> None:
    # the reader reads a frame's paragraphs and tables as the body's: the comments land where they land unframed
    frame = tmp_path / "framed.docx"
    frame.write_bytes(render.framed(report.read_bytes()))
    outs = []
    for src in (report, frame):
        out = tmp_path / f"{src.stem}.out.docx"
        assert runner.invoke(app, ["annotate", str(src), "-o", str(out)]).exit_code == 0
        outs.append(out)
    plain, inside = (_anchors(o) for o in outs)
    assert inside == plain and len(plain) == len(_findings(report)) > 20
    assert not any("位置：" in c.text for c in docx.Document(str(outs[1])).comments)  # every one placed


def test_markdown_rendered_with_the_same_comments(tmp_path: Path) -> None:
    md = tmp_path / "年报.md"
    md.write_bytes(EXAMPLE.read_bytes())
    findings = _findings(md)
    res = runner.invoke(app, ["annotate", str(md)])
    assert res.exit_code == 0, res.output
    out = tmp_path / "年报.审阅.docx"
    assert md.read_bytes() == EXAMPLE.read_bytes()
    document = docx.Document(str(out))
    assert [c.text.splitlines()[0] for c in document.comments] == [f"[{d['code']}] {d['message']}" for d in findings]
    anchors = _anchors(out)
    assert "我委" in anchors.values() and "星耀体育官网注册即送888元彩金" in anchors.values()
    assert "落实[-落实-]" in anchors.values()
    assert sum("commentRangeStart" in tc.xml for tc in document.element.body.iter(W + "tc")) == 2  # DL201 cells
    styles = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1"} <= styles
    # the safe fixes check --fix applies are tracked changes; accepted (the Word reader), they are gone
    ins, dels = revisions(document.element.body)
    fixed = [d for d in findings if d["fix"] and d["fix"]["applicability"] == "safe"]
    assert len(dels) == len(fixed) and len(ins) == len([d for d in fixed if d["fix"]["edits"][0]["replacement"]])
    assert "已写入" in res.stderr and f"{len(fixed)} 处修订" in res.stderr
    after = {d["code"] for d in _findings(out)}
    assert not after & {d["code"] for d in fixed}
    assert {"DL301", "DL201", "DL501"} <= after


def test_text_and_web_page_inputs(tmp_path: Path) -> None:
    text = render.to_text(EXAMPLE.read_text(encoding="utf-8"))
    txt = tmp_path / "r.txt"
    txt.write_text(text, encoding="utf-8")
    assert runner.invoke(app, ["annotate", str(txt)]).exit_code == 0
    rendered = docx.Document(str(tmp_path / "r.审阅.docx"))
    assert len(list(rendered.comments)) == len(_findings(txt))
    styles = {p.text: p.style.name for p in rendered.paragraphs}
    # plain lines: the title and the six parts' headings found as check finds them
    assert styles["江北市桐溪区农业农村局2023年政府信息公开工作年度报告"] == "Title"
    assert styles["一、总体情况"] == styles["三、收到和处理政府信息公开申请情况"] == "Heading 1"
    page = tmp_path / "p.html"
    page.write_text(
        "<html><body><h1>江北市桐溪区农业农村局2023年政府信息公开工作年度报告</h1>"
        "<p>一、总体情况</p><p>2023年，我委认真贯彻落实落实《条例》要求。</p>"
        "<table><tr><th rowspan='2'>项目</th><th colspan='2'>申请人情况</th></tr>"
        "<tr><th>自然人</th><th>法人</th></tr><tr><td>本年新收</td><td>1</td><td>2</td></tr></table>"
        "</body></html>", encoding="utf-8")
    assert runner.invoke(app, ["annotate", str(page)]).exit_code == 0
    document = docx.Document(str(tmp_path / "p.审阅.docx"))
    assert "我委" in commented(document.element.body).values()
    xml = document.tables[0]._tbl.xml
    assert 'w:gridSpan w:val="2"' in xml and "w:vMerge" in xml  # the page's colspan and rowspan
    cells = [c.text for c in document.tables[0].rows[0].cells]
    assert cells == ["项目", "申请人情况", "申请人情况"]


def _diag(pointer: str) -> Diagnostic:
    return Diagnostic(path="x.docx", code="DL901", rule="doubled-words", category="writing", severity="warning",
                      message="疑似词语重复", pointer=pointer, evidence={"expected": "落实", "actual": "落实落实"})


def _anchored(document) -> list[str]:
    """The text of each paragraph in which a comment range starts."""
    return [p.text for p in document.paragraphs if "commentRangeStart" in p._p.xml]


def test_paragraph_found_by_text_when_counts_differ() -> None:
    # a paragraph whose only text is a tracked insertion: the reader counts it, python-docx's text is empty
    document = docx.Document()
    document.add_paragraph("标题")
    inserted = document.add_paragraph()
    ins = OxmlElement("w:ins")
    for k, v in (("w:id", "1"), ("w:author", "a"), ("w:date", "2024-01-01T00:00:00Z")):
        ins.set(qn(k), v)
    ins.append(document.add_paragraph("插入的文字").runs[0]._r)
    inserted._p.append(ins)
    document.element.body.remove(document.paragraphs[-1]._p)
    document.add_paragraph("要落实落实工作。")
    reader = {1: "标题", 2: "插入的文字", 3: "要落实落实工作。"}
    assert annotate(document, [_diag("一、总体情况 › 第3段")], {}, reader) == 0
    assert _anchored(document) == ["要落实落实工作。"]


def test_unplaced_finding_goes_on_first_paragraph_saying_where() -> None:
    document = docx.Document()
    document.add_paragraph("标题")
    document.add_paragraph("正文")
    assert annotate(document, [_diag("第999段")], {"DL901": "《条例》第五十条"}, {1: "标题", 2: "正文"}) == 1
    assert _anchored(document) == ["标题"]
    text = next(iter(document.comments)).text
    assert "位置：第999段" in text and "依据：《条例》第五十条" in text and "实为：落实落实" in text


def _blank_template() -> Path | None:
    found = sorted((SHARED / "corpus" / "docx").glob("blank-template*.docx"))
    return found[0] if found else None


def test_real_blank_template(tmp_path: Path) -> None:
    template = _blank_template()
    if template is None:
        pytest.skip(NO_SHARED)
    before = template.read_bytes()
    out = tmp_path / "template.审阅.docx"
    res = runner.invoke(app, ["annotate", str(template), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert template.read_bytes() == before
    comments = list(docx.Document(str(out)).comments)
    assert len(comments) == len(_findings(template))
    # every finding placed on its paragraph or table; one about the whole file (DL005: the template has no year)
    # on the first paragraph, saying so
    assert [c.text.split("\n")[0][:7] for c in comments if "位置：" in c.text] == ["[DL005]"]
    assert "位置：全文" in next(c.text for c in comments if "位置：" in c.text)
    assert "无法定位" not in res.stderr


REPEATED = """# 江北市桐溪区农业农村局2023年政府信息公开工作年度报告

## 四、政府信息公开行政复议、行政诉讼情况

本年度本机关未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。

## 五、存在的主要问题及改进情况

一是公开内容的深度和广度仍需拓展；二是政策解读形式较为单一。下一步将加强业务培训，丰富解读形式。

## 五、存在的主要问题及改进情况

一是公开内容的深度和广度仍需拓展；二是政策解读形式较为单一。下一步将加强业务培训，丰富解读形式。
"""


@pytest.mark.parametrize("ext", [".md", ".docx"])
def test_a_finding_over_several_paragraphs(ext: str, tmp_path: Path) -> None:
    """A repeated section (DL602: heading and body printed twice): one comment from the first repeated
    paragraph to the last."""
    src = render.write(REPEATED, str(tmp_path / "rep"), [ext])[ext]
    assert "DL602" in {d["code"] for d in _findings(src)}
    out = tmp_path / "out.docx"
    assert runner.invoke(app, ["annotate", str(src), "-o", str(out)]).exit_code == 0
    text = _anchors(out)
    covered = next(v for k, v in text.items() if k.startswith("[DL602]"))
    assert covered == "五、存在的主要问题及改进情况一是公开内容的深度和广度仍需拓展；二是政策解读形式较为单一。下一步将加强业务培训，丰富解读形式。"


def test_findings_inside_a_table_cell_on_their_characters(tmp_path: Path) -> None:
    """A Markdown table cell whose text is the source's: the comment and the tracked change sit on the
    characters inside the rendered cell; a statistics finding stays on its cell."""
    md = tmp_path / "cells.md"
    md.write_text(
        "# 江北市桐溪区农业农村局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n"
        "| 事项 | 说明 |\n| --- | --- |\n| 会议 | 于2023年2月30日召开，认真贯彻落实落实《条例》要求 |\n", encoding="utf-8")
    assert runner.invoke(app, ["annotate", str(md)]).exit_code == 0
    out = tmp_path / "cells.审阅.docx"
    document = docx.Document(str(out))
    anchors = _anchors(out)
    assert "2023年2月30日" in anchors.values()
    assert "落实[-落实-]" in anchors.values()
    cell = document.tables[0].cell(1, 1)
    assert "commentRangeStart" in cell._tc.xml and "w:del " in cell._tc.xml


def test_exact_placing_failing_falls_back_to_paragraphs(report: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A structure the run splitting does not expect never gives a traceback: the comments go on paragraphs."""
    import disclosure_lint.annotate as annotate_module

    def broken(p, offset):
        raise RuntimeError("unexpected structure")

    monkeypatch.setattr(annotate_module, "boundary", broken)
    out = tmp_path / "fallback.docx"
    res = runner.invoke(app, ["annotate", str(report), "-o", str(out)])
    assert res.exit_code == 0, res.output
    document = docx.Document(str(out))
    assert len(list(document.comments)) == len(_findings(report))
    assert not revisions(document.element.body)[1]


# -- --year and --agency, as in check (round 18: DL005's comment told the clerk to use --year, which annotate did
# not have) ---------------------------------------------------------------------------------------------------

def _no_year(tmp_path: Path, ext: str) -> Path:
    """The clean example with every year removed: neither the title nor the text says which year it reports."""
    text = (EXAMPLE.parent / "clean-2023.md").read_text(encoding="utf-8").replace("2023年", "")
    assert "2023" not in text
    if ext == ".md":
        path = tmp_path / "年报.md"
        path.write_text(text, encoding="utf-8")
        return path
    return render.write(text, str(tmp_path / "年报"), [ext])[ext]


def _comment_codes(path: Path, *args: str) -> list[str]:
    out = path.with_name("out.docx")
    res = runner.invoke(app, ["annotate", str(path), "-o", str(out), "--force", *args])
    assert res.exit_code == 0, res.output
    return [c.text.split("]")[0].lstrip("[") for c in docx.Document(str(out)).comments]


@pytest.mark.parametrize("ext", [".md", ".docx"])
def test_year_and_agency_given_as_to_check(ext: str, tmp_path: Path) -> None:
    path = _no_year(tmp_path, ext)
    assert _comment_codes(path) == ["DL005"]  # the comment says: 可用 --year 指定年度
    given = ["--year", "2023", "--agency", "江北市青溪区市场监督管理局"]
    expected = [d["code"] for d in json.loads(runner.invoke(app, ["check", "-f", "json", "--no-cache", str(path),
                                                                  *given]).stdout)["files"][0]["diagnostics"]]
    assert "DL005" not in expected
    assert _comment_codes(path, *given) == expected
    # another year: the checks of that year, as check does them
    late = [d["code"] for d in json.loads(runner.invoke(app, ["check", "-f", "json", "--no-cache", str(path),
                                                              "--year", "2020"]).stdout)["files"][0]["diagnostics"]]
    assert _comment_codes(path, "--year", "2020") == late and late != expected


def test_year_option_is_checks_own(tmp_path: Path) -> None:
    """Guard: the same option (name, range, help) as check's, not a copy that drifts."""
    path = _no_year(tmp_path, ".md")
    res = runner.invoke(app, ["annotate", str(path), "--year", "1989"])
    assert res.exit_code == 2 and not path.with_name("年报.审阅.docx").exists()
    helps = {cmd: runner.invoke(app, [cmd, "--help"], env={"COLUMNS": "300"}).stdout for cmd in ("check", "annotate")}
    for line in ("报告年度（覆盖从标题识别的年度）。", "发布机关名称（覆盖从报告中识别的机关；类型按名称判断）。"):
        assert line in helps["check"] and line in helps["annotate"]
