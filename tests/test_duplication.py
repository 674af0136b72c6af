"""Duplication rules: DL601 repeated-paragraph, DL602 repeated-section."""

from __future__ import annotations

import itertools
import textwrap

from disclosure_lint.report.repeats import Repeats, normalize

from .conftest import codes, lint, parse

P1 = "本机关严格落实政府信息公开各项制度，全年通过门户网站主动公开各类政府信息356条。"
P2 = "一是公开内容的深度和广度仍需拓展；二是政策解读形式较为单一。下一步将加强业务培训，丰富解读形式。"
P3 = "本年度本机关未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况，也无相关投诉。"
P4 = "全年受理政府信息公开申请12件，均在法定期限内答复，其中予以公开8件，部分公开2件，不予公开2件。"


def _only(diags, code):
    return [d for d in diags if d.code == code]


def _body(tag: str = "") -> str:
    """A small four-section body in plain text (one block per line)."""
    return "\n".join([
        "一、总体情况",
        P1 + tag,
        "二、主动公开政府信息情况",
        P4,
        "三、政府信息公开行政复议、行政诉讼情况",
        P3,
        "四、存在的主要问题及改进情况",
        P2,
    ])


# -- normalisation ---------------------------------------------------------------------------

def test_normalize_unifies_width_spaces_and_chinese_punctuation():
    assert normalize("答复率100%,共 12 件;详见(附件)。") == normalize("答复率１００％，共12件；详见（附件）。")
    assert normalize("“公开为常态”、不公开为例外") == normalize('"公开为常态",不公开为例外')
    assert normalize("**本机关**严格落实") == normalize("本机关严格落实")
    assert normalize("甲") != normalize("乙")


# -- DL601 repeated-paragraph ----------------------------------------------------------------

def test_dl601_reports_later_copy_pointing_at_first():
    text = f"""\
    ## 一、总体情况

    {P1}

    ## 五、存在的主要问题及改进情况

    {P1}
    """
    ds = lint(text, select=["DL601"])
    assert codes(ds) == ["DL601"]
    d = ds[0]
    assert d.line == 7 and d.severity == "warning"
    assert "与第3行重复" in d.message
    assert d.evidence["first_line"] == 3
    assert d.evidence["first_section"] == "一、总体情况"
    assert d.evidence["occurrence"] == 2


def test_dl601_matches_across_full_and_half_width_in_text_format():
    half = P4.replace("，", ",").replace("。", ".")
    text = f"一、总体情况\n{P4}\n三、收到和处理政府信息公开申请情况\n{half}\n"
    ds = lint(text, select=["DL601"], fmt="text")
    assert [(d.code, d.line) for d in ds] == [("DL601", 4)]
    assert "与第2行重复" in ds[0].message


def test_dl601_third_copy_also_points_at_first():
    text = f"{P1}\n\n## 二、主动公开政府信息情况\n\n{P1}\n\n## 三、收到和处理政府信息公开申请情况\n\n{P1}\n"
    ds = lint(text, select=["DL601"])
    assert [d.line for d in ds] == [5, 9]
    assert all("与第1行重复" in d.message for d in ds)
    assert [d.evidence["occurrence"] for d in ds] == [2, 3]
    assert len({d.fingerprint for d in ds}) == 2


def test_dl601_list_items():
    text = f"- {P2}\n- 其他内容。\n\n## 五、存在的主要问题及改进情况\n\n- {P2}\n"
    ds = lint(text, select=["DL601"])
    assert [d.line for d in ds] == [6]


def test_dl601_quiet_on_short_lines_and_different_paragraphs():
    text = """\
    ## 四、政府信息公开行政复议、行政诉讼情况

    无。

    ## 六、其他需要报告的事项

    无。

    本年度共受理政府信息公开申请12件，均在法定期限内答复，答复率100%。

    本年度共受理政府信息公开申请15件，均在法定期限内答复，答复率100%。
    """
    assert lint(text, select=["DL601"]) == []


def test_dl601_min_chars_option():
    short = "本年度未收取信息处理费。"  # 12 characters
    text = f"{short}\n\n## 二、主动公开政府信息情况\n\n{short}\n"
    assert lint(text, select=["DL601"]) == []
    ds = lint(text, select=["DL601"], config={"options": {"DL601": {"min_chars": 10}}})
    assert codes(ds) == ["DL601"]
    long_text = f"{P1}\n\n## 二、主动公开政府信息情况\n\n{P1}\n"
    assert lint(long_text, select=["DL601"], config={"options": {"DL601": {"min_chars": 100}}}) == []


def test_dl601_ignore_option():
    text = f"{P3}\n\n## 二、主动公开政府信息情况\n\n{P3}\n"
    assert codes(lint(text, select=["DL601"])) == ["DL601"]
    cfg = {"options": {"DL601": {"ignore": ["^本年度本机关未发生"]}}}
    assert lint(text, select=["DL601"], config=cfg) == []


def test_dl601_ignores_headings_titles_and_table_like_lines():
    title = "某市某区人民政府办公室2023年度政府信息公开工作年度报告（全文）"
    long_heading = "（一）关于进一步加强政府信息公开平台建设和规范化管理的有关情况说明"
    row = "| 一、本年新收政府信息公开申请数量 | 58 | 7 | 0 | 0 | 1 | 0 | 66 |"
    text = f"{title}\n\n{long_heading}\n\n{row}\n\n{title}\n\n{long_heading}\n\n{row}\n"
    assert lint(text, select=["DL601"], fmt="text") == []


def test_dl601_does_not_compare_prose_with_table_rows():
    prose = "信息内容本年新制作数量本年新公开数量对外公开总数量规章规范性文件合计数量"
    row = "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 | 规章规范性文件合计数量"
    text = f"{prose}\n\n{row}\n"
    assert lint(text, select=["DL6"], fmt="text") == []


# -- DL602 repeated-section ------------------------------------------------------------------

SCRAPED = "\n".join([
    "某街道2019年政府信息公开工作年度报告",
    "发布日期: 2020-01-20 00:00:00 浏览次数:",
    "",
    _body(),
    "",
    "政府信息公开",
    "政府信息公开工作年度报告",
    "某街道2019年政府信息公开工作年度报告",
    "发布日期: 2020-01-20 00:00",
    "浏览次数:",
    _body(),
    "",
])


def test_dl602_scraped_body_printed_twice_is_one_finding():
    ds = lint(SCRAPED, select=["DL6"], fmt="text")
    assert codes(ds) == ["DL602"], [d.message for d in ds]
    d = ds[0]
    # each copy begins with the page's header (发布日期 …): the page template may have printed it twice
    assert d.severity == "warning" and d.evidence["page_header"] is True
    assert "网页模板把文章连同页头输出了两遍" in d.message and d.message.endswith("第二份中与第一份相同的问题只在第一份处报告一次")
    assert (d.line, d.end_line) == (15, 25)
    assert "第15–25行重复了第1–11行的内容" in d.message
    assert "“一、总体情况”“二、主动公开政府信息情况”“三、政府信息公开行政复议、行政诉讼情况”等4个标题" in d.message
    ev = d.evidence
    assert (ev["first_line"], ev["first_end_line"], ev["end_line"]) == (1, 11, 25)
    assert ev["sections"][-1] == "四、存在的主要问题及改进情况"
    assert ev["blocks"] == 9  # title + 8 body lines; the two differing date lines are bridged


def test_findings_in_a_page_printed_twice_are_reported_in_the_first_copy_only():
    """The page's template printed the article twice: a slip written once is reported once (in the first copy), and
    DL602 counts what it folded; a finding only the second copy has is still reported."""
    slip = SCRAPED.replace(P1, P1 + "我局", 2)  # a street office calling itself 我局, in both copies
    assert slip.count("我局") == 2
    ds = lint(slip, fmt="text")
    assert [d.line for d in ds if d.code == "DL301"] == [5]  # the first copy's line only
    (dup,) = [d for d in ds if d.code == "DL602"]
    assert dup.evidence["echo"] == {"lines": [15, 25], "of": [1, 11], "folded": 1}
    # only in the second copy: still reported there
    only_later = SCRAPED[::-1].replace(P1[::-1], (P1 + "我局")[::-1], 1)[::-1]
    assert [d.line for d in lint(only_later, fmt="text") if d.code == "DL301"] == [19]
    # text pasted twice (no page header): the clerk's text holds it twice, both reported
    pasted = "\n".join(["某街道2019年政府信息公开工作年度报告", "", _body("我局"), "", _body("我局"), ""])
    assert len([d for d in lint(pasted, fmt="text") if d.code == "DL301"]) == 2
    # without DL602, nothing is folded
    assert len([d for d in lint(slip, fmt="text", config={"ignore": ["DL602"]}) if d.code == "DL301"]) == 2


def test_dl602_pasted_twice_without_page_header_stays_an_error():
    """The same body twice with no portal header before either copy, or before one copy only: the text itself
    holds it twice (an error, without the page note); a per-rule severity in the configuration still wins."""
    pasted = "\n".join(["某街道2019年政府信息公开工作年度报告", "", _body(), "", _body(), ""])
    one_header = "\n".join(["某街道2019年政府信息公开工作年度报告", "发布日期: 2020-01-20 00:00:00 浏览次数:", "",
                             _body(), "", _body(), ""])
    for text in (pasted, one_header):
        (d,) = lint(text, select=["DL602"], fmt="text")
        assert d.severity == "error" and "page_header" not in d.evidence and "网页模板" not in d.message
    (d,) = lint(SCRAPED, select=["DL602"], fmt="text", config={"severity": {"DL602": "error"}})
    assert d.severity == "error"


def test_dl602_end_column_reaches_end_of_last_block():
    ds = lint(SCRAPED, select=["DL602"], fmt="text")
    last_line = SCRAPED.split("\n")[24]
    assert ds[0].end_column == len(last_line) + 1


def test_dl602_section_with_heading_repeated_in_markdown():
    text = f"""\
    ## 四、政府信息公开行政复议、行政诉讼情况

    {P3}

    ## 五、存在的主要问题及改进情况

    {P2}

    ## 五、存在的主要问题及改进情况

    {P2}
    """
    ds = lint(text, select=["DL6"])
    assert codes(ds) == ["DL602"]
    d = ds[0]
    assert (d.line, d.end_line) == (9, 11)
    assert "第9–11行重复了第5–7行的内容，包括“五、存在的主要问题及改进情况”" in d.message


def test_dl602_consecutive_paragraphs_without_heading():
    text = f"{P1}\n\n{P2}\n\n## 二、主动公开政府信息情况\n\n{P1}\n\n{P2}\n"
    ds = lint(text, select=["DL6"])
    assert codes(ds) == ["DL602"]
    assert "（共2段）" in ds[0].message
    assert "包括" not in ds[0].message  # no heading inside the run


def test_dl602_third_copy_gives_second_finding():
    text = "\n".join([_body(), "导航", _body(), "导航", _body()])
    ds = lint(text, select=["DL6"], fmt="text")
    assert codes(ds) == ["DL602", "DL602"]
    # the second copy also repeats the navigation line after the first; the third stops before it
    assert [(d.line, d.end_line) for d in ds] == [(10, 18), (19, 26)]
    assert "重复了第1–9行" in ds[0].message and "重复了第1–8行" in ds[1].message


def test_dl602_identical_tables():
    table = textwrap.dedent("""\
    | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
    | --- | --- | --- | --- |
    | 规章 | 0 | 0 | 0 |
    | 行政规范性文件 | 5 | 1 | 25 |
    """)
    text = f"## 二、主动公开政府信息情况\n\n{table}\n说明。\n\n{table}"
    ds = lint(text, select=["DL6"])
    assert codes(ds) == ["DL602"]
    assert lint(text, select=["DL6"], config={"options": {"DL602": {"compare_tables": False}}}) == []


def test_dl602_quiet_on_table_of_contents_none_lines_and_similar_tables():
    text = f"""\
    本报告由以下部分组成：

    - 一、总体情况
    - 二、主动公开政府信息情况

    ## 一、总体情况

    {P1}

    ## 二、主动公开政府信息情况

    {P4}

    （一）行政复议

    无

    （二）行政诉讼

    无

    | 信息内容 | 本年处理决定数量 |
    | --- | --- |
    | 行政许可 | 12 |

    | 信息内容 | 本年处理决定数量 |
    | --- | --- |
    | 行政处罚 | 3 |
    """
    assert lint(text, select=["DL6"]) == []


def test_heading_with_short_line_repeated_is_not_a_section_repeat():
    text = "（一）行政复议\n无\n（二）行政诉讼\n无\n（一）行政复议\n无\n"
    assert lint(text, select=["DL6"], fmt="text") == []


def test_short_line_plus_paragraph_is_a_paragraph_repeat():
    # a short line and one paragraph repeated together: not a section, DL601 reports the paragraph
    text = f"无\n{P2}\n二、主动公开政府信息情况\n无\n{P2}\n"
    ds = lint(text, select=["DL6"], fmt="text")
    assert [(d.code, d.line) for d in ds] == [("DL601", 5)]


def test_no_double_report_and_no_gap_when_dl602_options_change():
    text = "\n".join([_body(), "导航", _body()])
    default = lint(text, select=["DL6"], fmt="text")
    assert codes(default) == ["DL602"]
    # DL602 tuned so the run no longer counts: DL601 takes over the paragraphs, nothing is lost
    cfg = {"options": {"DL602": {"min_chars": 500}}}
    ds = lint(text, select=["DL6"], fmt="text", config=cfg)
    assert set(codes(ds)) == {"DL601"} and len(ds) == 4
    # the rule name works as the options key too
    cfg = {"options": {"repeated-section": {"min_chars": 500}}}
    assert set(codes(lint(text, select=["DL601"], fmt="text", config=cfg))) == {"DL601"}


def test_dl601_reports_inside_run_when_dl602_not_selected():
    # DL601 leaves the run to DL602 only when DL602 runs (covered_by in its rule file)
    text = "\n".join([_body(), "导航", _body()])
    ds = lint(text, select=["DL601"], fmt="text")
    assert set(codes(ds)) == {"DL601"} and len(ds) == 4


def test_paragraph_repeated_outside_run_still_reported_with_run():
    text = "\n".join([_body(), "导航", _body(), "五、其他需要报告的事项", P3])
    ds = lint(text, select=["DL6"], fmt="text")
    assert [(d.code, d.line) for d in ds] == [("DL602", 10), ("DL601", 19)]
    assert "与第6行重复" in ds[1].message


def test_fingerprints_survive_lines_inserted_above():
    text = "\n".join([_body(), "导航", _body(), "附：", P1])
    a = lint(text, select=["DL6"], fmt="text")
    b = lint("新增的一行说明。\n\n" + text, select=["DL6"], fmt="text")
    assert [d.fingerprint for d in a] == [d.fingerprint for d in b]
    assert [d.line + 2 for d in a] == [d.line for d in b]


def test_dl602_markdown_page_printed_twice_with_differing_date_lines():
    page = textwrap.dedent(f"""\
    # 某局2023年政府信息公开工作年度报告

    发布时间：2024-01-20 09:30:00

    ## 一、总体情况

    {P1}

    ## 二、主动公开政府信息情况

    {P4}
    """)
    again = page.replace("2024-01-20 09:30:00", "2024-01-20")
    text = page + "\n首页 > 政务公开\n\n" + again
    ds = lint(text, select=["DL6"])
    assert codes(ds) == ["DL602"]
    assert ds[0].evidence["blocks"] == 5


# -- analysis and performance ----------------------------------------------------------------

def test_analysis_is_cached_per_report():
    from disclosure_lint.report import interpret
    from disclosure_lint.report.repeats import RunParams

    rep = interpret(parse(SCRAPED, fmt="text"))
    assert isinstance(rep.repeats, Repeats)
    assert rep.repeats is rep.repeats
    params = RunParams(min_chars=30, max_gap=3, gap_chars=40, compare_tables=True)
    assert rep.repeats.runs(params) is rep.repeats.runs(params)  # cached per rule options
    runs = rep.repeats.runs(params)
    assert runs and all(later > earlier for run in runs for later, earlier in run.pairs)


def test_linear_time_on_long_repetitive_report():
    # 400 table-like zero lines, many "无" lines, and a long body printed twice
    paras = [f"第{i}项工作：本机关围绕中心工作持续推进政务公开，全年完成第{i}项重点任务并按时公开结果。"
             for i in range(600)]
    noise = ["0"] * 400 + ["无", "（一）其他"] * 200
    body = "\n".join(paras + noise)
    text = body + "\n导航\n" + body
    ds = lint(text, select=["DL6"], fmt="text")
    assert codes(ds) == ["DL602"]
    assert ds[0].evidence["blocks"] == 1400


# -- invariants on random documents ----------------------------------------------------------

def test_random_documents_invariants():
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    vocab = [P1, P2, P3, P4, P1.replace("，", ","), "无", "一、总体情况", "二、主动公开政府信息情况",
             "发布日期：2024-01-20", "信息内容 | 本年处理决定数量", "0"]

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.sampled_from(vocab), min_size=0, max_size=40))
    def check(lines):
        text = "\n".join(lines)
        ds = lint(text, select=["DL6"], fmt="text")
        runs = [(d.line, d.end_line) for d in ds if d.code == "DL602"]
        src = text.split("\n")
        for d in ds:
            if d.code == "DL601":
                # never inside a reported run, and really a copy of the line it names
                assert not any(a <= d.line <= b for a, b in runs)
                assert normalize(src[d.line - 1]) == normalize(src[d.evidence["first_line"] - 1])
                assert d.evidence["first_line"] < d.line
            else:
                ev = d.evidence
                assert ev["first_line"] <= ev["first_end_line"] < d.line <= d.end_line
                assert normalize(src[d.line - 1]) == normalize(src[ev["first_line"] - 1])
                assert normalize(src[d.end_line - 1]) == normalize(src[ev["first_end_line"] - 1])
        # runs do not overlap each other
        for (_a1, b1), (a2, _b2) in itertools.pairwise(runs):
            assert b1 < a2

    check()


def test_dl602_on_a_flattened_page_names_columns_not_the_same_line_twice():
    flat = " ".join(line.strip() for line in SCRAPED.split("\n") if line.strip())
    ds = lint(flat, select=["DL602"], fmt="text")
    assert codes(ds) == ["DL602"], [d.message for d in ds]
    d = ds[0]
    assert d.line == 1 and d.column > 1
    assert f"第1行第{d.column}–" in d.message and "重复了第1行第" in d.message
    assert "第1行重复了第1行" not in d.message


def test_dl601_on_a_flattened_page_points_at_the_first_copy_by_column():
    para = "严格执行政府信息公开保密审查制度，做到先审查、后公开，一事一审、全面审查。"
    flat = f"一、总体情况 {para} 本年度我局主动公开政府信息120条。 二、主动公开政府信息情况 {para}"
    ds = lint(flat, select=["DL601"], fmt="text", year=2023)
    assert codes(ds) == ["DL601"], [d.message for d in ds]
    first_col = flat.index(para) + 1
    assert f"本段与第1行第{first_col}列重复" in ds[0].message
    assert ds[0].column == flat.rindex(para) + 1
