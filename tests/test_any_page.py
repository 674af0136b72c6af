"""A directory run skips the pages that are not annual reports, but still checks a web page among them for what
was injected into its site (DL501, DL505: ``Kind.any_page``): an evaluator's crawl holds guides, notices and pages
whose title the promotion replaced.  A document of the user's own (a README quoting the terms) is not a page."""

from __future__ import annotations

from disclosure_lint.api import check_paths

_GUIDE = ("<html><head><meta charset=\"utf-8\"><title>某某县政府信息公开指南</title></head><body>"
          "<p>发布日期：2024-03-01 来源：某某县人民政府办公室</p><h1>某某县政府信息公开指南</h1>"
          "<p>一、政府信息的分类</p><p>1.beat365官网登录入口某某县人民政府制定的规范性文件；</p>"
          "<p>2.其他依照法律、法规应当主动公开的政府信息。</p></body></html>")

# a mirror that put its promotion where 政府 was, title and all
_HIJACKED = ("<html><head><meta charset=\"utf-8\"></head><body><p>发布时间：2023-01-10 来源：本网</p>"
             "<p>主动买球网站信息情况从以下方面说明。全局买球网站信息总数为1604条。</p></body></html>")

_README = ("# 说明\n\n本目录存放各单位的年度报告。DL501 查找被植入的赌博推广，如百家乐、六合彩、开云体育等。\n")


def test_a_web_page_that_is_not_a_report_is_still_checked_for_injected_gambling(tmp_path):
    (tmp_path / "guide.html").write_text(_GUIDE, encoding="utf-8")
    (tmp_path / "hijacked.html").write_text(_HIJACKED, encoding="utf-8")
    (tmp_path / "README.md").write_text(_README, encoding="utf-8")
    run = check_paths([str(tmp_path)])
    by_name = {fr.path.rsplit("/", 1)[-1]: fr for fr in run.files}
    guide, hijacked, readme = by_name["guide.html"], by_name["hijacked.html"], by_name["README.md"]
    assert guide.skipped is None and {d.code for d in guide.diagnostics} == {"DL501"}
    assert [d.match for d in guide.diagnostics] == ["beat365官网登录"]  # (the site's tail quoted with the brand)
    assert hijacked.skipped is None and {d.code for d in hijacked.diagnostics} == {"DL501"}
    # only the rules of any page ran: no report rule (no DL103 on a guide, no DL005 on a page without a year)
    assert readme.skipped and readme.diagnostics == []
    assert run.exit_code() == 1


def test_a_clean_page_that_is_not_a_report_stays_skipped(tmp_path):
    (tmp_path / "guide.html").write_text(_GUIDE.replace("beat365官网登录入口", ""), encoding="utf-8")
    run = check_paths([str(tmp_path)])
    assert [bool(fr.skipped) for fr in run.files] == [True] and run.files[0].diagnostics == []


def test_a_page_named_on_the_command_line_is_checked_whole(tmp_path):
    # (not walked: every rule runs, as for any file the user names)
    (tmp_path / "guide.html").write_text(_GUIDE, encoding="utf-8")
    run = check_paths([str(tmp_path / "guide.html")])
    codes = {d.code for d in run.files[0].diagnostics}
    assert "DL501" in codes and len(codes) > 1


def test_plain_text_is_a_saved_page_even_without_the_page_fields(tmp_path):
    # a crawl's text of a hijacked page: no 发布日期/来源 line left, its title replaced by the promotion (written anew)
    (tmp_path / "page.txt").write_text("澳门内部资料:今晚开奖结果查询\n某某县政府信息公开指南\n一、主动公开的范围\n", encoding="utf-8")
    (tmp_path / "clean.txt").write_text("某某县政府信息公开指南\n一、主动公开的范围\n", encoding="utf-8")
    (tmp_path / "README.md").write_text(_README, encoding="utf-8")
    run = check_paths([str(tmp_path)])
    by_name = {fr.path.rsplit("/", 1)[-1]: fr for fr in run.files}
    assert by_name["page.txt"].skipped is None and {d.code for d in by_name["page.txt"].diagnostics} == {"DL501"}
    assert by_name["clean.txt"].skipped and by_name["clean.txt"].diagnostics == []
    assert by_name["README.md"].skipped and by_name["README.md"].diagnostics == []

