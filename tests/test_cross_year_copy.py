"""DL603's identity of the statistics tables: the year's own figures (flows), not the stock columns, 上年结转 and the
totals that repeat other cells; enough *different* figures other than 0 that the sameness is no coincidence of a small
body.  Before, a small archive with the same 3 requests two years running (3 under 新收, 予以公开, （七）总计, in the
自然人 and 总计 columns) and an unchanged 现行有效 6 counted "5 non-zero" and got an *error*."""

from __future__ import annotations

from disclosure_lint.batch.facts import flow_key

from .crossgen import check_batch
from .statsgen import Layout, StatsData, render, s3_data_rows

_ZERO_S4 = [0] * 15


def _s3(version: str, **rows: list[int]) -> dict[str, list[int]]:
    s3 = {r: [0] * 7 for r in s3_data_rows(version)}
    for k, v in rows.items():
        s3[k] = v
    return s3


def _with_prose(text: str, year: int, words: str) -> str:
    """The generator's report with a paragraph of the year's own work (the prose differs from year to year)."""
    return text.replace("本机关坚持以公开为常态、不公开为例外，认真做好政府信息公开工作。",
                        f"{year}年，{words}")


def _archive(year: int, words: str) -> str:
    """A small archive (2021 format): 3 requests, all disclosed; nothing issued, 6 行政规范性文件 in force."""
    s2 = {"rules": {"issued": "0", "repealed": "0", "in_force": "0"},
          "normative_docs": {"issued": "0", "repealed": "0", "in_force": "6"},
          "licensing": {"decisions": "0"}, "penalty": {"decisions": "0"}, "coercion": {"decisions": "0"},
          "fees": {"amount": "0"}}
    three = [3, 0, 0, 0, 0, 0, 3]
    s3 = _s3("2021", new=three, **{"result.open": three, "result.total": three})
    data = StatsData("2021", year, "青禾市云岭区档案馆", s2, s3, _ZERO_S4)
    return _with_prose(render(data, Layout())[0], year, words)


def _idle_bureau_2019(year: int, words: str) -> str:
    """A statistics bureau (2019 format) with no activity: only its stock figures (上一年项目数量, 对外公开总数量)."""
    s2 = {"rules": {"new_made": "0", "new_published": "0", "total_published": "0"},
          "normative_docs": {"new_made": "0", "new_published": "0", "total_published": "9"},
          "licensing": {"prev_count": "15", "change": "0", "decisions": "0"},
          "other_services": {"prev_count": "3", "change": "0", "decisions": "0"},
          "penalty": {"prev_count": "12", "change": "0", "decisions": "0"},
          "coercion": {"prev_count": "4", "change": "0", "decisions": "0"},
          "fees": {"prev_count": "2", "change": "0"},
          "procurement": {"procurement_count": "0", "procurement_amount": "0"}}
    data = StatsData("2019", year, "青禾市云岭区统计局", s2, _s3("2019"), _ZERO_S4)
    return _with_prose(render(data, Layout())[0], year, words)


def _busy(year: int, words: str, in_force: int = 29) -> str:
    """An education bureau with a real year's figures (7 different ones other than 0)."""
    s2 = {"rules": {"issued": "0", "repealed": "0", "in_force": "0"},
          "normative_docs": {"issued": "4", "repealed": "2", "in_force": str(in_force)},
          "licensing": {"decisions": "2911"}, "penalty": {"decisions": "9"}, "coercion": {"decisions": "0"},
          "fees": {"amount": "0"}}
    s3 = _s3("2021", new=[18, 0, 0, 0, 0, 0, 18], carried_over=[3, 0, 0, 0, 0, 0, 3],
             **{"result.open": [8, 0, 0, 0, 0, 0, 8], "result.partial": [3, 0, 0, 0, 0, 0, 3],
                "result.not_open.process_info": [1, 0, 0, 0, 0, 0, 1], "result.unavailable.not_held": [5, 0, 0, 0, 0, 0, 5],
                "result.total": [17, 0, 0, 0, 0, 0, 17]},
             carried_forward=[4, 0, 0, 0, 0, 0, 4])
    data = StatsData("2021", year, "青禾市云岭区教育局", s2, s3, _ZERO_S4)
    return _with_prose(render(data, Layout())[0], year, words)


def _table_findings(res, name: str) -> list[str]:
    return [d.message for d in res[name].diagnostics if d.code == "DL603" and "统计表" in d.message]


def test_small_body_with_the_same_few_figures_is_not_a_copy(tmp_path):
    prev = _archive(2022, "我馆围绕建党历史档案征集推进政府信息公开，完成了开放档案目录的数字化。")
    cur = _archive(2023, "我馆以民生档案跨馆出证为重点推进政府信息公开，在查档大厅设置了自助查询终端。")
    res = check_batch(tmp_path, [("2022.md", prev), ("2023.md", cur)], select=["DL603"])
    assert _table_findings(res, "2023.md") == []


def test_idle_body_of_the_2019_format_with_its_stock_unchanged_is_not_a_copy(tmp_path):
    prev = _idle_bureau_2019(2019, "我局重点做好第四次全国经济普查相关信息的公开工作，本年度未收到政府信息公开申请。")
    cur = _idle_bureau_2019(2020, "我局围绕第七次全国人口普查及时公开统计公报，本年度仍未收到政府信息公开申请。")
    res = check_batch(tmp_path, [("2019.md", prev), ("2020.md", cur)], select=["DL603"])
    assert _table_findings(res, "2020.md") == []


def test_a_real_year_of_figures_repeated_is_still_a_copy(tmp_path):
    prev = _busy(2022, "我局围绕学前教育普惠发展推进政府信息公开，全年主动公开政府信息503条。")
    cur = _busy(2023, "我局围绕义务教育优质均衡推进政府信息公开，全年新增公开栏目三个，回应了家长关切。")
    res = check_batch(tmp_path, [("2022.md", prev), ("2023.md", cur)], select=["DL603"])
    (msg,) = _table_findings(res, "2023.md")
    assert "不计现行有效件数等累计数、上年结转和合计" in msg and "其中有7个不同的非0数字" in msg
    (d,) = [d for d in res["2023.md"].diagnostics if "统计表" in d.message]
    assert d.severity == "error" and d.evidence["distinct_nonzero"] == 7


def test_the_year_s_figures_repeated_with_the_stock_brought_up_to_date_are_a_copy(tmp_path):
    prev = _busy(2022, "我局围绕学前教育普惠发展推进政府信息公开，全年主动公开政府信息503条。")
    cur = _busy(2023, "我局围绕义务教育优质均衡推进政府信息公开，全年新增公开栏目三个，回应了家长关切。", in_force=31)
    res = check_batch(tmp_path, [("2022.md", prev), ("2023.md", cur)], select=["DL603"])
    assert len(_table_findings(res, "2023.md")) == 1


def test_one_figure_changed_is_no_copy(tmp_path):
    prev = _busy(2022, "我局围绕学前教育普惠发展推进政府信息公开，全年主动公开政府信息503条。")
    cur = _busy(2023, "我局围绕义务教育优质均衡推进政府信息公开，全年新增公开栏目三个，回应了家长关切。")
    cur = cur.replace("| 行政许可 | 2911 |", "| 行政许可 | 2912 |")
    assert "2912" in cur
    res = check_batch(tmp_path, [("2022.md", prev), ("2023.md", cur)], select=["DL603"])
    assert _table_findings(res, "2023.md") == []


def test_flow_keys():
    assert flow_key("s3:new:natural_person") and flow_key("s3:result.open:total") and flow_key("s3:carried_forward:other")
    assert flow_key("s2:normative_docs:issued") and flow_key("s2:licensing:change") and flow_key("s4:cases:review.corrected")
    for stock_or_sum in ("s2:normative_docs:in_force", "s2:rules:total_published", "s2:licensing:prev_count",
                         "s3:new:total", "s3:carried_forward:total", "s3:carried_over:natural_person",
                         "s3:result.total:total", "s4:cases:review.total"):
        assert not flow_key(stock_or_sum), stock_or_sum


# -- the opening above the first part is the format's own text --------------------------------------------------

_OPENING = ("依据《中华人民共和国政府信息公开条例》第五十条规定，现向社会公布{y}年青禾县白石乡人民政府政府信息公开工作"
            "年度报告。本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。如对本报告有疑问，请与白石乡人民政府"
            "党政办公室联系。")
_KEPT = ["白石乡人民政府严格执行信息发布前的审核制度，发布前由分管领导审签，涉及群众个人隐私的内容一律作技术处理后再发布。",
         "我乡重视政务公开平台建设，在各村设置公开栏，利用乡政府公众号及时发布惠民政策、项目建设和民生事项等群众关心的信息。",
         "我乡明确政务公开工作分管领导和具体经办人员，定期开展自查，发现的问题当即整改，并将公开工作纳入年度工作考核内容。"]


def _township(year: int, first: str) -> str:
    """A township's report, the opening above part 一 and four paragraphs of its own: three the same every year."""
    body = "\n\n".join([first, "（二）依申请公开情况", f"{year}年度，我乡未收到政府信息公开申请。", *_KEPT])
    return (f"# 青禾县白石乡人民政府{year}年政府信息公开工作年度报告\n\n{_OPENING.format(y=year)}\n\n"
            f"## 一、总体情况\n\n（一）主动公开情况\n\n{body}\n")


def test_the_opening_is_not_a_paragraph_copied_from_last_year(tmp_path):
    """A real township's pair had 4 of its 5 paragraphs counted the same (80 %: an *error*): the format's opening,
    the same every year but for the year, was one of them.  Its own text has 3 of 4 the same: too few to judge."""
    prev = _township(2024, "2024年，我乡围绕乡村振兴重点工作，通过公开栏和公众号主动公开政府信息共计598条，其中政策文件12条。")
    cur = _township(2025, "2025年，我乡按照重点工作安排，深入实施乡村振兴战略，截至年底主动公开各类政府信息共计450条。")
    res = check_batch(tmp_path, [("2024.md", prev), ("2025.md", cur)], select=["DL603"])
    assert res["2025.md"].diagnostics == []


def test_a_copied_body_is_found_without_its_opening(tmp_path):
    """Six paragraphs of the body the same: still a copy; the opening is neither counted nor listed."""
    more = [p.replace("我乡", "本乡") for p in _KEPT]
    prev = _township(2024, "2024年，我乡主动公开政府信息共计598条。") + "\n" + "\n\n".join(more) + "\n"
    cur = _township(2025, "2025年，我乡主动公开政府信息共计450条。") + "\n" + "\n\n".join(more) + "\n"
    res = check_batch(tmp_path, [("2024.md", prev), ("2025.md", cur)], select=["DL603"])
    (d,) = res["2025.md"].diagnostics
    assert "本报告6段正文中有6段（100%）" in d.message
    assert all("依据" not in p["text"] for p in d.evidence["passages"]) and d.line == 15
