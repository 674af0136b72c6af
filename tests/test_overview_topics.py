"""DL120 overview-topics: part 一 of a 2021-format report that says nothing of one of the five topics the format
names for it — on real-shaped pages (a portal's metadata lines, half-width punctuation, the opening's list of
parts placed under 一, an excerpt cut off after part 一)."""

from __future__ import annotations

from .conftest import check_gbk_page, lint

PORTAL = """\
首页 > 政府信息公开 > 年度报告
某某县某某镇2025年政府信息公开工作年度报告
发布日期:2026-01-20    来源:某某镇    浏览次数:
一、总体情况
2025年,我镇认真贯彻落实《中华人民共和国政府信息公开条例》,切实保障人民群众的知情权、参与权和监督权。
(一)主动公开情况
全年通过县政府门户网站主动公开政府信息86条,通过微信公众号发布信息120条。
(二)政府信息管理
严格落实信息发布“三审三校”制度,做好保密审查。
二、主动公开政府信息情况
本年未制发行政规范性文件。
"""


def _dl120(text: str, **kw):
    return [d for d in lint(text, select=["DL120"], fmt="text", **kw) if d.code == "DL120"]


def test_a_portal_page_whose_overview_leaves_out_applications_and_oversight():
    # 监督权 of the public's rights is not the body's 监督保障; the page's metadata lines are not the report's
    ds = _dl120(PORTAL)
    assert len(ds) == 1
    d = ds[0]
    assert d.severity == "info" and (d.line, d.column) == (4, 1)
    assert "没有写到依申请公开、监督保障" in d.message and "主要包括主动公开、依申请公开" in d.message
    assert d.evidence["missing"] == ["依申请公开", "监督保障"]


def test_every_topic_touched_in_other_words_is_not_reported():
    text = PORTAL.replace("做好保密审查。", "做好保密审查。全年未收到政府信息公开申请。将政务公开纳入年度考核，开展业务培训1次。")
    assert _dl120(text) == []


def test_the_openings_list_of_parts_under_part_one_is_no_account_of_them():
    # a real page put the opening (由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况…组成) under 一
    text = """\
    某某区某某局2024年政府信息公开工作年度报告
    一、总体情况
    本年报根据《中华人民共和国政府信息公开条例》要求编制,由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况以及其他需要报告的事项组成。本报告所列数据的统计期限为2024年1月1日至2024年12月31日。
    二、主动公开政府信息情况
    本年未制发行政规范性文件。
    """
    ds = _dl120(text)
    assert len(ds) == 1
    assert ds[0].evidence["missing"] == ["主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障"]


def test_an_excerpt_cut_off_in_part_one_is_not_judged_but_one_cut_after_it_is():
    cut = PORTAL.split("(二)政府信息管理")[0] + "(二)政府信息管理\n严格落实信息发布"
    assert _dl120(cut) == []  # what part 一 lacks may be in the part not copied (DL002 says so once)
    after = PORTAL + "三、收到和处理政府信息公开申请情况\n本年新收政府信息公开申请"
    assert [d.evidence["missing"] for d in _dl120(after)] == [["依申请公开", "监督保障"]]


def test_reports_in_the_2019_trial_format_and_short_overviews_are_left_alone():
    assert _dl120(PORTAL.replace("2025年", "2020年").replace("2026-01-20", "2021-01-20")) == []
    short = PORTAL.split("一、总体情况")[0] + "一、总体情况\n无。\n二、主动公开政府信息情况\n本年未制发行政规范性文件。\n"
    assert _dl120(short) == []  # (DL114's: an empty overview)


def test_a_gbk_page_through_the_command_line(tmp_path):
    _code, out = check_gbk_page(tmp_path, ["2023年，我镇全年主动公开政府信息42条，均在镇政府网站专栏发布。",
                                          "二、主动公开政府信息情况", "本年未制发行政规范性文件。"], "DL120")
    assert "DL120" in out and "依申请公开" in out and "监督保障" in out, out


def test_a_configurations_topic_pattern_is_validated_and_time_bounded(tmp_path):
    from typer.testing import CliRunner

    from disclosure_lint.cli import app

    report = tmp_path / "r.txt"
    report.write_text(PORTAL, encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("options:\n  DL120:\n    topics: {监督保障: '(a'}\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["check", "--config", str(bad), "--select", "DL120", "-f", "concise", str(report)])
    assert res.exit_code == 2 and "Traceback" not in res.output, res.output
    slow = tmp_path / "slow.yaml"
    slow.write_text("options:\n  DL120:\n    topics: {监督保障: '(x+x+)+y'}\n", encoding="utf-8")
    report.write_text(PORTAL.replace("严格落实", "x" * 5000 + "严格落实"), encoding="utf-8")
    res = CliRunner().invoke(app, ["check", "--config", str(slow), "--select", "DL120", "-f", "concise", str(report)])
    # a pattern that backtracks for ever stops this rule for this file, in one line (DL000), not the run
    assert "DL000" in res.output and "(x+x+)+y" in res.output and "Traceback" not in res.output, res.output


def test_the_words_on_the_titles_own_line_are_the_parts():
    # 一、总体情况：… (a portal's run-in title): the words after the colon are read, as DL114 reads them
    text = PORTAL.replace("一、总体情况\n", "一、总体情况：全年未收到政府信息公开申请，将政务公开纳入年度考核。\n")
    assert _dl120(text) == []
