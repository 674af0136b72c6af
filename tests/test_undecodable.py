"""A report plainly in UTF-8 but for a few bytes (a download cut inside its last character, stray bytes, one phrase
pasted in GBK) is read, with one DL002 naming where those bytes are, and checked; --fix and annotate do not write
it; a file that is mostly undecodable is still refused in one line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from disclosure_lint.cli import app
from disclosure_lint.textio import decode_lenient

ROOT = Path(__file__).resolve().parent.parent
CLEAN = (ROOT / "examples" / "clean-2023.md").read_text(encoding="utf-8")
runner = CliRunner()
_LINE = "全年通过区政府门户网站我局专栏主动公开政府信息1268条"  # line 11 of the clean report


def _check(*args: str):
    return runner.invoke(app, ["check", "--isolated", "--no-cache", *args])


def _findings(path: Path) -> tuple[int, list[dict]]:
    res = _check(str(path), "-f", "json")
    return res.exit_code, json.loads(res.stdout)["files"][0]["diagnostics"]


def _line_of(text: str, piece: str) -> int:
    return text[:text.index(piece)].count("\n") + 1


def test_a_download_cut_inside_its_last_character(tmp_path):
    """Before: 无法识别文件的字符编码 (exit 2).  Now: DL002 at the cut character, the rest checked."""
    data = CLEAN.encode("utf-8")[:-2]  # "2024年1月18日\n" without the newline and the last byte of 日
    path = tmp_path / "r2023.md"
    path.write_bytes(data)
    code, found = _findings(path)
    assert code == 0
    assert [d["code"] for d in found] == ["DL002"]
    d = found[0]
    last = CLEAN.count("\n")
    assert (d["line"], d["column"]) == (last, len("2024年1月18") + 1)
    assert "文件似乎没有完整结束" in d["message"] and f"第{last}行第10列" in d["message"]
    assert "只有2个字节" in d["message"]
    assert d["evidence"]["cut"] is True and d["evidence"]["bytes"] == 2


def test_cut_inside_a_parts_title_is_one_finding_naming_the_parts(tmp_path):
    """The cut character inside 五、存在的主… : one DL002 (the part's title, the cut bytes), no DL101 for 五 and 六."""
    data = CLEAN.encode("utf-8")
    end = data.index("五、存在".encode()) + len("五、存".encode()) + 1  # one byte of 在
    path = tmp_path / "r2023.md"
    path.write_bytes(data[:end])
    code, found = _findings(path)
    assert code == 0
    assert [d["code"] for d in found] == ["DL002"], found
    message = found[0]["message"]
    assert "在第五部分的标题处中断" in message and "最后一个字符不完整" in message and "第五、六部分未检查" in message


def test_stray_bytes_and_a_phrase_in_gbk_are_named_and_the_rest_is_checked(tmp_path):
    for name, bad in (("stray.txt", b"\xff\xfe"), ("gbk.md", "全年通过".encode("gbk"))):
        data = CLEAN.replace(_LINE, "@@" + _LINE[4:]).replace("2023年，我局坚持", "2023年,我局坚持")
        raw = data.encode("utf-8").replace(b"@@", bad)
        path = tmp_path / name
        path.write_bytes(raw)
        code, found = _findings(path)
        assert code == 0, found
        codes = [d["code"] for d in found]
        assert codes.count("DL002") == 1 and "DL701" in codes, (name, found)  # the rest is checked
        d = next(d for d in found if d["code"] == "DL002")
        line = _line_of(CLEAN, _LINE)
        assert d["line"] == line and f"第{line}行第" in d["message"] and "无法解码" in d["message"]
        assert d["evidence"]["bytes"] == (2 if name == "stray.txt" else d["evidence"]["bytes"]) > 0


def test_fix_and_annotate_do_not_write_such_a_file(tmp_path):
    raw = CLEAN.replace("2023年，我局坚持", "2023年,我局坚持").encode("utf-8").replace(
        _LINE.encode(), b"\xff" + _LINE.encode())
    path = tmp_path / "r2023.md"
    path.write_bytes(raw)
    res = _check(str(path), "--fix")
    assert path.read_bytes() == raw
    assert "无法按 UTF-8 解码" in res.output and "不自动修复，文件未改动" in res.output
    assert "已修复 0 处问题" in res.output
    out = tmp_path / "r2023.审阅.docx"
    res = runner.invoke(app, ["annotate", str(path), "-o", str(out)])
    assert res.exit_code == 2 and not out.exists()
    assert "不生成批注副本" in res.output


def test_mostly_undecodable_is_still_refused_in_one_line(tmp_path):
    """Guard: a GBK report with its bytes damaged, or random high bytes, is not taken for UTF-8 with a few bad bytes."""
    gbk = bytearray(CLEAN.encode("gbk"))
    gbk[100:102] = b"\xff\xff"  # no longer valid GB18030 either
    for name, data in (("gbk.txt", bytes(gbk)), ("noise.txt", bytes((i * 131 + 71) % 94 + 161 for i in range(20_000))),
                       ("half.md", CLEAN.encode("utf-8")[:3000] + bytes(range(0x80, 0xC0)) * 40)):
        path = tmp_path / name
        path.write_bytes(data)
        res = _check(str(path))
        assert res.exit_code == 2, (name, res.output)
        assert "无法识别文件的字符编码" in res.output


def test_valid_files_are_read_as_before():
    """Guard: valid UTF-8, GB18030 and UTF-8 with a BOM give no notice; the line and column count CRLF as one end."""
    for data in (CLEAN.encode("utf-8"), CLEAN.encode("gb18030"), b"\xef\xbb\xbf" + CLEAN.encode("utf-8")):
        assert decode_lenient(data)[2] is None
    text, enc, bad = decode_lenient(CLEAN.replace("\n", "\r\n").encode("utf-8").replace("我局".encode(), b"\xff", 1))
    assert enc == "utf-8" and bad is not None
    first = CLEAN.index("我局")
    assert (bad.line, bad.column, bad.count, bad.runs, bad.at_end) == (
        CLEAN[:first].count("\n") + 1, first - CLEAN.rfind("\n", 0, first), 1, 1, False)
    assert text.count("\ufffd") == 1
    text, enc, bad = decode_lenient(b"\xef\xbb\xbf" + CLEAN.encode("utf-8")[:-2])
    assert enc == "utf-8-sig" and bad is not None and bad.at_end and not text.startswith("\ufeff")


def test_a_web_page_with_a_stray_byte_is_read_too(tmp_path):
    """The same for a page declared UTF-8 (before: refused whole); one declared GBK is decoded as before."""
    page = ("<html><head><meta charset=\"utf-8\"><title>江北市青溪区市场监督管理局2023年政府信息公开工作年度报告</title>"
            "</head><body>\n<h1>江北市青溪区市场监督管理局2023年政府信息公开工作年度报告</h1>\n<h2>一、总体情况</h2>\n"
            "<p>2023年，我局坚持以公开为常态、不公开为例外，全年主动公开政府信息1268条。</p>\n</body></html>\n")
    path = tmp_path / "r.html"
    path.write_bytes(page.encode("utf-8").replace("全年主动".encode(), b"\xff" + "全年主动".encode()))
    code, found = _findings(path)
    assert code == 0
    d = next(d for d in found if d["code"] == "DL002")
    col = page.splitlines()[3].index("全年主动") + 1
    assert (d["line"], d["column"]) == (4, col) and f"第4行第{col}列" in d["message"]
    gbk = tmp_path / "g.html"
    gbk.write_bytes(page.replace("utf-8", "gbk").encode("gbk"))
    # (the page holds part 一 only: DL002 says so once, as of any such page — no word of its bytes)
    assert not [d for d in _findings(gbk)[1] if d["code"] == "DL002" and d["evidence"].get("where") != "part-one"]
