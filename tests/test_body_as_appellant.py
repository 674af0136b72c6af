"""DL919 body-as-appellant on real-shaped input: a crawl of a portal page whose line breaks were lost, a list of counts
after a comma, a count in Chinese numerals, a GBK page, the look-alikes that are not slips (被申请, 无一起, 未出现,
another subject, 对我局, the noun 政府信息公开申请), and its unsafe fix."""

from __future__ import annotations

from typer.testing import CliRunner

from .conftest import check_gbk_page, lint

runner = CliRunner()

# a portal page's crawl: breadcrumbs and metadata lines, then the report run onto one line
PORTAL = ("首页 > 政务公开 > 政府信息公开年报\n"
          "某某街道办事处2023年政府信息公开工作年度报告\n"
          "发布时间：2024-01-22 浏览次数：87\n"
          "一、总体情况 2023年，本街道办理依申请公开3件，均在期限内答复。"
          "四、政府信息公开行政复议、行政诉讼情况 全年我街道因信息公开答复提起行政诉讼1起，尚在审理中。"
          "五、存在的主要问题及改进情况 解读形式还需丰富。\n")


def _found(text: str, fmt: str = "text") -> list[tuple[str, str]]:
    return [(d.evidence["actual"], d.evidence["expected"]) for d in lint(text, select=["DL919"], fmt=fmt)]


def test_portal_crawl_with_lost_line_breaks():
    assert _found(PORTAL) == [("我街道因信息公开答复提起行政诉讼", "我街道因信息公开答复被提起行政诉讼")]


def test_counts_after_a_comma_and_in_chinese_numerals():
    text = ("一、总体情况\n"
            "2025年，本所全年办理依申请公开2件，我所申请行政复议0件，提起行政诉讼0件。\n"
            "报告期内我局提起行政诉讼一起。\n")
    assert _found(text) == [("我所申请行政复议", "我所被申请行政复议"), ("我局提起行政诉讼", "我局被提起行政诉讼")]


def test_look_alikes_are_not_reported():
    text = ("四、政府信息公开行政复议、行政诉讼情况\n"
            "2023年我局因政府信息公开工作被申请行政复议2件，被提起行政诉讼1件。\n"
            "我镇无一起因政府信息公开申请行政复议或提起行政诉讼的案件。\n"
            "我局信息公开工作未出现投诉、申请行政复议、提起行政诉讼等情形。\n"
            "全年我局收到申请人提起行政复议1件，涉及我局的行政诉讼2件。\n"
            "申请人对我局提起行政诉讼1件，申请人不服我局答复提起行政复议1件。\n"
            "我局因政府信息公开申请行政复议和行政诉讼均为0件。\n"
            "我局因政府信息公开申请提起行政复议的情况如下。\n"
            "自我局设立以来，群众提起行政诉讼3件。\n")
    assert _found(text) == []


def test_statistics_table_cells_are_not_read():
    text = ("四、政府信息公开行政复议、行政诉讼情况\n\n"
            "| 行政复议 | 行政诉讼 |\n| --- | --- |\n| 我局申请行政复议1件 | 0 |\n")
    assert _found(text, fmt="markdown") == []


def test_gbk_page(tmp_path):
    code, out = check_gbk_page(tmp_path, ["2023年我镇因信息公开答复提起行政诉讼2起。"], "DL919")
    assert code == 0, out  # (a warning: the exit code fails on errors by default)
    assert "DL919" in out and "宜写作“我镇因信息公开答复被提起行政诉讼”" in out, out


def test_unsafe_fix_keeps_line_endings(tmp_path):
    from disclosure_lint.cli import app

    path = tmp_path / "r.txt"
    original = PORTAL.replace("\n", "\r\n").encode("utf-8")
    path.write_bytes(original)
    assert runner.invoke(app, ["check", "--isolated", "--select", "DL919", "--fix", str(path)]).exit_code == 0
    assert path.read_bytes() == original  # unsafe: not applied without the flag
    res = runner.invoke(app, ["check", "--isolated", "--select", "DL919", "--fix", "--unsafe-fixes", str(path)])
    fixed = path.read_bytes().decode("utf-8")
    assert "\r\n" in fixed and "\n" not in fixed.replace("\r\n", ""), res.output
    assert "我街道因信息公开答复被提起行政诉讼1起" in fixed, res.output
    assert _found(fixed) == []
