"""DL701's fix keeps a bracket pair whole: a half-width ( before a web address and its ) after it are both written
full-width — the address ends before the ) (promotions._address_end), and a ) that is no finding of its own goes with
its ( (typography._with_partners).  Before, `--fix` wrote （http://www.example.gov.cn) on 627 of the real pages (a mixed
pair DL703 then reported)."""

from __future__ import annotations

from typer.testing import CliRunner

from disclosure_lint.kinds.typography import _partner

from .conftest import lint

runner = CliRunner()

# a page stored with half-width marks (every comma, colon and bracket), its address in brackets
PAGE = ("某某县应急管理局2023年政府信息公开工作年度报告\n"
        "一、总体情况\n"
        "本报告电子版可在县政府门户网站(http://www.example.gov.cn)下载,如有疑问请联系(电话:0471-1234567)。"
        "网址(www.example.gov.cn/a(b)),地址:某某路1号。\n"
        "二、主动公开政府信息情况\n")


def _fixed(tmp_path, text: str, *flags: str) -> str:
    from disclosure_lint.cli import app

    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    runner.invoke(app, ["check", "--isolated", "--select", "DL701", "--fix", *flags, str(path)])
    return path.read_text(encoding="utf-8")


def test_the_pair_around_an_address_is_written_whole(tmp_path):
    fixed = _fixed(tmp_path, PAGE)
    assert "网站（http://www.example.gov.cn）下载，" in fixed, fixed
    assert "（电话：0471-1234567）" in fixed, fixed
    assert "网址（www.example.gov.cn/a(b)）" in fixed, fixed  # the address's own pair is the address's
    assert lint(fixed, select=["DL703"], fmt="text") == []


def test_partner():
    text = "网站(http://x.cn/a(b))下载（见(附件)）(未闭合\n)"
    assert _partner(text, text.index("(")) == text.index(")下载")
    assert _partner(text, text.index(")下载")) == text.index("(")
    assert _partner(text, text.index("(附件")) == text.index(")）")
    assert _partner(text, text.index("(未闭合")) is None  # not on its line
    assert _partner("见(附件）", 1) is None  # closed full-width already: the fix makes the pair whole


def test_a_partner_that_cannot_be_rewritten_leaves_the_bracket_without_a_fix():
    # the ) is in inline code: never rewritten, so the ( is reported but not fixed (no mixed pair either way)
    text = "# 某某局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n详见网站(`www.example.gov.cn)`下载。\n"
    found = [d for d in lint(text, select=["DL701"]) if d.evidence.get("actual") == "("]
    assert found and all(d.fix is None for d in found), [(d.message, d.fix) for d in found]


def test_an_edit_touches_only_what_changes(tmp_path):
    """The fixer applies the part of an edit that changes (fixer._narrowed): DL705's （一）、 → （一） deletes the 、 alone,
    so the list marker (一) of a text file, which no fix may touch, stays as it is and the fix applies."""
    from disclosure_lint.cli import app
    from disclosure_lint.fixer import _narrowed

    assert _narrowed("x(一)、y", 1, 5, "(一)") == (4, 5, "")
    assert _narrowed("2024年01月20日", 0, 11, "2024年1月20日") == (5, 6, "")
    assert _narrowed("abc", 0, 3, "abc") == (3, 3, "")
    assert _narrowed("aXa", 0, 3, "aa") == (1, 2, "")
    text = "某某局2023年政府信息公开工作年度报告\n一、总体情况\n(一)、主动公开\n全年主动公开信息120条。\n(二)、依申请公开\n未收到申请。\n"
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    runner.invoke(app, ["check", "--isolated", "--select", "DL705", "--fix", "--unsafe-fixes", str(path)])
    fixed = path.read_text(encoding="utf-8")
    assert "(一)主动公开" in fixed and "(二)依申请公开" in fixed, fixed


def test_a_list_marker_may_be_renumbered_not_otherwise_changed(tmp_path):
    """A text file's list markers ((一) 1. （1）) are protected from fixes, except a numeral written for a numeral:
    DL902 renumbers (二) to (三), while DL701 leaves the half-width brackets of the marker as they are."""
    from disclosure_lint.cli import app
    from disclosure_lint.fixer import _touches, protected_mask

    text = ("某某局2023年政府信息公开工作年度报告\n一、总体情况\n(一)主动公开\n全年主动公开信息120条。\n(二)依申请公开\n"
            "未收到申请。\n(二)政府信息管理\n严格审核(见附件)。\n")
    mask = protected_mask(text, "text")
    k = text.index("(二)政府")
    assert _touches(mask, k + 1, k + 2, renumber=True) is False and _touches(mask, k + 1, k + 2) is True
    assert _touches(mask, k, k + 1) is True  # the bracket: DL701 leaves it
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    runner.invoke(app, ["check", "--isolated", "--select", "DL902,DL701", "--fix", "--unsafe-fixes", str(path)])
    fixed = path.read_text(encoding="utf-8")
    assert "(三)政府信息管理" in fixed and "(一)主动公开" in fixed and "(二)依申请公开" in fixed, fixed
    assert "严格审核（见附件）。" in fixed, fixed  # DL701 still fixes the prose's brackets
