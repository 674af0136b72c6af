"""``check --fix`` / ``--unsafe-fixes`` / ``--diff``: exact source edits, protected regions, encodings, idempotence."""

from __future__ import annotations

import html
import os
import re
import shutil
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from disclosure_lint import fixer
from disclosure_lint.api import Checker
from disclosure_lint.diagnostics import Diagnostic, Edit, Fix
from disclosure_lint.textio import decode

from .conftest import lint

ROOT = Path(__file__).resolve().parent.parent
DEFECTIVE = ROOT / "examples" / "defective-2023.md"
runner = CliRunner()

HEAD = "# 江北市桐溪区农业农村局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n"

# my own page: text with half-width marks beside markup that must stay as it is
PAGE = """<!DOCTYPE html>
<html><head><meta charset="gb2312"><title>江北市桐溪区农业农村局2023年政府信息公开工作年度报告,通知</title>
<script>var s = "主动公开,依申请公开(示例)";</script></head>
<body>
<h1>江北市桐溪区农业农村局2023年政府信息公开工作年度报告</h1>
<h2>一、总体情况</h2>
<p title="注释,不改(保留)">全年主动公开政府信息836条,其中政策解读12篇。联系人:李某。</p>
<p>本局依据《条例》(以下简称条例)开展工作&#44;详见 <a href="http://www.example.cn/a,b(c)">网站,栏目</a>。</p>
<p>代码 <code>a,中文(b)</code> 保持原样;邮箱 abc,def@example.cn 不改。</p>
<p>本报告已于2024.1.5经局务会议审议通过。</p>
</body></html>
"""


def invoke(*args: str):
    return runner.invoke(app_(), ["check", "--isolated", *args])


def app_():
    from disclosure_lint.cli import app

    return app


def _first_check(path: Path):
    checker = Checker(isolated=True)
    return checker.check_file(str(path))


def _safe(diags: list[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diags if d.fix is not None and d.fix.applicability == "safe" and d.fix.edits]


def _lines(data: bytes, encoding: str) -> list[str]:
    return re.split(r"\r\n|\r|\n", data.decode(encoding))


VARIANTS = {
    "utf8": lambda t: t.encode("utf-8"),
    "gb18030": lambda t: t.encode("gb18030"),
    "crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "bom": lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    "gb18030-crlf": lambda t: t.replace("\n", "\r\n").encode("gb18030"),
    "cr": lambda t: t.replace("\n", "\r").encode("utf-8"),
}
CODEC = {"utf8": "utf-8", "gb18030": "gb18030", "crlf": "utf-8", "bom": "utf-8-sig", "gb18030-crlf": "gb18030",
         "cr": "utf-8"}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_fix_defective_example(tmp_path, variant):
    """Done-when: every safe-fixable finding removed, nothing else changed (line by line against the fixed
    findings' spans), encoding / BOM / line ends kept, and a second --fix changes nothing."""
    original = VARIANTS[variant](DEFECTIVE.read_text(encoding="utf-8"))
    path = tmp_path / "defective-2023.md"
    path.write_bytes(original)
    before = _first_check(path)
    safe = _safe(before.diagnostics)
    assert len(safe) >= 7  # ASCII punctuation, date forms, doubled words
    covered = {ln for d in safe for e in d.fix.edits for ln in range(e.line, e.end_line + 1)}

    res = invoke("--fix", str(path))
    assert res.exit_code == 1, res.output
    assert f"已修复 {len(safe)} 处问题（1 个文件）" in res.output
    fixed = path.read_bytes()
    codec = CODEC[variant]
    assert _safe(_first_check(path).diagnostics) == []
    old_lines, new_lines = _lines(original, codec), _lines(fixed, codec)
    assert len(old_lines) == len(new_lines)
    changed = {i + 1 for i, (a, b) in enumerate(zip(old_lines, new_lines, strict=True)) if a != b}
    assert changed and changed <= covered
    if variant.startswith("gb18030"):
        with pytest.raises(UnicodeDecodeError):
            fixed.decode("utf-8")
        assert decode(fixed)[1] == "gb18030"
    if variant == "bom":
        assert fixed.startswith(b"\xef\xbb\xbf") and not fixed[3:].startswith(b"\xef\xbb\xbf")
    if "crlf" in variant:
        assert fixed.count(b"\r\n") == original.count(b"\r\n") and b"\n" not in fixed.replace(b"\r\n", b"")
    elif variant == "cr":
        assert b"\n" not in fixed and fixed.count(b"\r") == original.count(b"\r")
    else:
        assert b"\r" not in fixed

    again = invoke("--fix", str(path))
    assert path.read_bytes() == fixed
    assert "已修复 0 处问题" in again.output


def test_fix_html_page(tmp_path):
    """An HTML page (GB18030 bytes, declared gb2312): text fixed, tags, attributes, entities, scripts, code,
    links and e-mail addresses untouched; a second --fix changes nothing."""
    path = tmp_path / "page.html"
    original = PAGE.encode("gb18030")
    path.write_bytes(original)
    res = invoke("--fix", str(path))
    assert "已修复" in res.output, res.output
    fixed = path.read_bytes().decode("gb18030")
    assert "全年主动公开政府信息836条，其中政策解读12篇。联系人：李某。" in fixed
    assert "《条例》（以下简称《条例》）开展工作&#44;" in fixed  # the entity is not text to edit (DL712 adds the marks)
    assert "本报告已于2024年1月5日经局务会议审议通过。" in fixed
    for kept in ('title="注释,不改(保留)"', "报告,通知</title>", '"主动公开,依申请公开(示例)"',
                 '<a href="http://www.example.cn/a,b(c)">', "<code>a,中文(b)</code>", "abc,def@example.cn"):
        assert kept in fixed
    changed = [(a, b) for a, b in zip(PAGE.split("\n"), fixed.split("\n"), strict=True) if a != b]
    assert len(changed) == 4 and "保持原样；邮箱" in fixed
    again = path.read_bytes()
    invoke("--fix", str(path))
    assert path.read_bytes() == again


def test_fix_not_offered_where_source_is_not_the_text():
    """An entity inside the span: the finding stays, its fix is not offered (it cannot be placed exactly)."""
    diags = lint("<html><body><h1>某局2023年政府信息公开工作年度报告</h1><p>开展工作&#44;详见附件。</p></body></html>",
                 select=["DL701"], fmt="html")
    assert [d.code for d in diags] == ["DL701"] and diags[0].fix is None


def test_diff_writes_nothing(tmp_path):
    path = tmp_path / "r.md"
    path.write_bytes(DEFECTIVE.read_bytes())
    plain = invoke(str(path))
    res = invoke("--diff", str(path))
    assert path.read_bytes() == DEFECTIVE.read_bytes()
    assert res.exit_code == plain.exit_code == 1
    assert "-2024年03月15日\n+2024年3月15日\n" in res.output
    assert "可修复 7 处问题（1 个文件），未写入文件" in res.output
    assert "我局" not in [ln for ln in res.output.splitlines() if ln.startswith("+")]


def test_unsafe_fixes(tmp_path):
    path = tmp_path / "r.md"
    path.write_bytes(DEFECTIVE.read_bytes())
    res = invoke("--fix", "--unsafe-fixes", str(path))
    text = path.read_text(encoding="utf-8").split("-->", 1)[1]
    assert "我委" not in text and "我街道" not in text and "二是做好送达留痕" not in text, res.output
    assert invoke("--unsafe-fixes", str(path)).exit_code == 2


def test_fix_keeps_mode_and_word_is_left_alone(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("江北市桐溪区农业农村局2023年政府信息公开工作年度报告")
    d.add_paragraph("全年主动公开政府信息836条,其中政策解读12篇。")
    word = tmp_path / "r.docx"
    d.save(str(word))
    md = tmp_path / "r.md"
    md.write_bytes(DEFECTIVE.read_bytes())
    os.chmod(md, 0o640)
    before = word.read_bytes()
    res = invoke("--fix", str(word), str(word), str(md))
    assert res.output.count("Word 文档（.docx）不自动修复") == 1
    assert word.read_bytes() == before
    assert stat.S_IMODE(os.stat(md).st_mode) == 0o640
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def _diag(line: int, col: int, end: int, repl: str, safe: bool = True) -> Diagnostic:
    return Diagnostic(path="x.md", code="DL701", rule="r", category="typography", severity="warning", message="m",
                      fix=Fix("d", (Edit(line, col, line, end, repl),), "safe" if safe else "unsafe"))


@pytest.mark.parametrize("text, fmt", [
    ("见 `a,b` 代码", "markdown"),
    ("[链接](http://x.cn/a,b) 文字", "markdown"),
    ("<span a=\"x,y\">中</span>", "markdown"),
    ("邮箱 a,b@x.cn 与网址 http://x.cn/p,q", "markdown"),
    ("1) 第一项", "markdown"),
    ("| 甲,乙 | 丙 |", "markdown"),
    ("甲\t乙", "text"),
    ("(1)第一项", "text"),
    ("<p title='a,b'>中</p>", "html"),
    ("<script>a(1,2)</script>", "html"),
    ("中&amp;文", "html"),
])
def test_protected_regions_are_never_edited(text, fmt):
    """The fixer's own guard: an edit touching a protected character is dropped."""
    mask = fixer.protected_mask(text, fmt)
    enc = fixer.Encoded(b"", "utf-8", "", text)
    for i in range(len(text)):
        if mask[i]:
            assert fixer.choose([_diag(1, i + 1, i + 2, "X")], text, fmt, enc, unsafe=True) == []
    assert any(mask)


def test_existing_kinds_avoid_protected_regions():
    """The kinds themselves offer no fix inside code spans, link targets, addresses, list markers or tables."""
    text = HEAD + ("见 `a,中文` 与 [链接,说明](http://x.cn/a,中(b)) 及 <http://x.cn/c,d>,邮箱 a,中@x.cn。\n\n"
                   "1) 第一项,内容\n2) 第二项:内容\n\n| 项目,名称 | 数量 |\n|---|---|\n| 甲,乙 | 1 |\n")
    diags = lint(text)
    norm = text
    starts = [0] + [m.end() for m in re.finditer("\n", norm)]
    mask = fixer.protected_mask(norm, "markdown")
    edits = [e for d in diags if d.fix for e in d.fix.edits]
    assert edits  # "第一项,内容" and "第二项:内容" are fixed
    for e in edits:
        a = starts[e.line - 1] + e.column - 1
        b = starts[e.end_line - 1] + e.end_column - 1
        assert not any(mask[a:b]), (e, norm[a:b])


def test_overlapping_fixes_are_applied_one_at_a_time():
    text = "甲乙丙丁"
    enc = fixer.Encoded(b"", "utf-8", "", text)
    first, second, apart = _diag(1, 1, 3, "X"), _diag(1, 2, 4, "Y"), _diag(1, 4, 5, "Z")
    chosen = fixer.choose([second, first, apart], text, "markdown", enc, unsafe=False)
    assert [d for d, _ in chosen] == [first, apart]
    assert fixer.apply(text, [s for _, spans in chosen for s in spans]) == "X丙Z"
    assert fixer.choose([_diag(1, 1, 2, "X", safe=False)], text, "markdown", enc, unsafe=False) == []


def test_replacement_the_encoding_cannot_write_is_skipped():
    text = "abc,def"
    enc = fixer.Encoded(b"", "ascii", "", text)
    assert fixer.choose([_diag(1, 4, 5, "，")], text, "text", enc, unsafe=False) == []
    assert fixer.decode_source("中文".encode("gb18030"), "gb18030") == fixer.Encoded(b"", "gb18030", "", "中文")
    assert fixer.decode_source(b"\xef\xbb\xbfa", "utf-8-sig") == fixer.Encoded(b"\xef\xbb\xbf", "utf-8", "", "a")


PIECES = st.lists(st.sampled_from(["，", ",", ":", "(", ")", "\"", "中文", "落实", "落实落实", "2024.1.5", "的的",
                                   " ", "`x,y`", "[甲](http://a.cn/b,c)", "1)", "\n", "\n\n- ", "|", "本局", "2023年03月05日"]),
                  min_size=1, max_size=30)


def _idempotent(tmp: Path, body: str, crlf: bool, ext: str) -> None:
    if ext == ".html":
        text = ("<html><body><h1>江北市桐溪区农业农村局2023年政府信息公开工作年度报告</h1><h2>一、总体情况</h2>\n"
                f"<p>全年主动公开政府信息{html.escape(body, quote=False)}。</p>\n</body></html>\n")
    else:
        text = HEAD + "全年主动公开政府信息" + body + "。\n"
    if crlf:
        text = text.replace("\n", "\r\n")
    path = tmp / f"p{ext}"
    path.write_bytes(text.encode("gb18030"))
    checker = Checker(isolated=True)
    fixer.run_fixes(checker, [checker.check_file(str(path))], unsafe=False, write=True)
    once = path.read_bytes()
    checker = Checker(isolated=True)
    fixer.run_fixes(checker, [checker.check_file(str(path))], unsafe=False, write=True)
    assert path.read_bytes() == once
    assert once.count(b"\r\n") == text.encode("gb18030").count(b"\r\n")  # line ends kept


@settings(max_examples=8, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(body=PIECES.map("".join), crlf=st.booleans(), ext=st.sampled_from([".md", ".txt", ".html"]))
def test_fixing_twice_equals_fixing_once(tmp_path, body, crlf, ext):
    sub = tmp_path / f"h{abs(hash((body, crlf, ext)))}"
    sub.mkdir(exist_ok=True)
    _idempotent(sub, body, crlf, ext)
    shutil.rmtree(sub)


@pytest.mark.slow
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(body=PIECES.map("".join), crlf=st.booleans(), ext=st.sampled_from([".md", ".txt", ".html"]))
def test_fixing_twice_equals_fixing_once_many(tmp_path, body, crlf, ext):
    sub = tmp_path / f"h{abs(hash((body, crlf, ext)))}"
    sub.mkdir(exist_ok=True)
    _idempotent(sub, body, crlf, ext)
    shutil.rmtree(sub)


def test_named_twice_through_a_link_fixed_once(tmp_path):
    """A file named twice (once through a symbolic link) is fixed once; the link stays a link."""
    real = tmp_path / "r.md"
    real.write_bytes(DEFECTIVE.read_bytes())
    link = tmp_path / "link.md"
    link.symlink_to(real)
    res = invoke("--fix", str(link), str(real))
    assert "已修复 7 处问题（1 个文件）" in res.output, res.output
    assert link.is_symlink() and "2024年3月15日" in real.read_text(encoding="utf-8")


def test_file_changed_during_the_run_is_not_written(tmp_path):
    path = tmp_path / "r.md"
    path.write_bytes(b"new")
    assert fixer.write_back(str(path), b"fixed", b"old") == "文件在检查期间被改动"
    assert path.read_bytes() == b"new"


def test_write_failure_is_one_line_and_exit_2(tmp_path, monkeypatch):
    path = tmp_path / "r.md"
    path.write_bytes(DEFECTIVE.read_bytes())

    def full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    res = invoke("--fix", str(path))
    assert res.exit_code == 2
    assert "r.md：磁盘空间不足，文件未修改" in res.output
    assert path.read_bytes() == DEFECTIVE.read_bytes()
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]
