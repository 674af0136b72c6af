"""DL909 fixed-phrase-slip on real-shaped input (a crawl whose line breaks were lost, a portal page with its metadata
lines, a GBK page, traditional characters), its unsafe fix, and the substitution kind's report-wide gate
(:func:`.pattern_gates.required_texts`): a swap whose texts the report does not hold is not tried, with the same findings."""

from __future__ import annotations

import random
import re

from typer.testing import CliRunner

from disclosure_lint.kinds import pattern_gates, substitution

from .conftest import check_gbk_page, codes, lint

runner = CliRunner()

# a crawl of a portal page: breadcrumbs and metadata lines, then the report flattened onto one line
PORTAL = ("首页 > 政务公开 > 政府信息公开年报\n"
          "某某县司法局2023年政府信息公开工年度报告\n"
          "发布时间：2024-01-20 浏览次数：132\n"
          "字号：[大 中 小] 打印本页 关闭窗口\n"
          "根据《中华人民共和国政府信息公开条例》编制本报告。本报告中所列数据的统计限自2023年1月1日起至2023年12月31日止。"
          "一、总体情况 2023年，本局坚持以公开为常态、不会开为例外，遵循公开、公平、合法、便民的原则，"
          "全年共收到依申公开事项7件。二、主动公开政府信息情况\n")


def _slips(text: str, fmt: str = "text") -> list[tuple[str, str]]:
    return [(d.evidence.get("actual"), d.evidence.get("expected")) for d in lint(text, select=["DL909"], fmt=fmt)]


def test_portal_crawl_with_lost_line_breaks():
    assert _slips(PORTAL) == [
        ("政府信息公开工年度报告", "政府信息公开工作年度报告"),
        ("统计限自", "统计期限自"),
        ("不会开为例外", "不公开为例外"),
        ("公开、公平、合法、便民", "公正、公平、合法、便民"),
        ("依申公开", "依申请公开"),
    ]


def test_gbk_page(tmp_path):
    code, output = check_gbk_page(tmp_path, ["本镇未产生行政事业型收费，现将政府信息公开工情况报告如下。"], "DL909")
    assert code == 0, output  # warnings: the run passes unless --fail-on says otherwise
    assert "“行政事业型收费”疑似笔误" in output and "“政府信息公开工情况”疑似笔误" in output, output


def test_what_it_leaves_alone():
    text = """某某县2023年政府信息公開工作年度報告
    一、总体情况
    牢固树立“公开是常态、不公开是例外”意识，坚持以公开为常态，不公开为例外。本报告所列数据统计时限为2023年1月1日至12月31日，
    统计期为全年。将推进政府信息公开作为年度重要工作，公开工程建设项目信息12条，发布规范性文件3件。见政府信息公开工作年报。
    """
    assert _slips(text) == []


def test_tables_are_dl904s():
    text = "# 某某局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n| 信息内容 | 本年收费金额 |\n|---|---|\n| 行政事业型收费 | 0 |\n"
    assert "DL909" not in codes(lint(text, select=["DL909"]))


# table 二 copied one cell a line: the tool cannot read the row whose label has the slip, and DL001 says why
ONE_CELL_A_LINE = "\n".join([
    "某某县某某局2023年政府信息公开工作年度报告", "一、总体情况", "2023年，本局全年主动公开政府信息86条。",
    "二、主动公开政府信息情况", "第二十条第（一）项 |", "信息内容 |", "本年制发件数 |", "本年废止件数 |", "现行有效件数 |",
    "规章 |", "0 |", "0 |", "0 |", "行政规范性文件 |", "1 |", "0 |", "3 |", "第二十条第（五）项 |", "信息内容 |",
    "本年处理决定数量 |", "行政许可 |", "120 |", "第二十条第（六）项 |", "信息内容 |", "本年处理决定数量 |", "行政处罚 |",
    "4 |", "行政强制 |", "0 |", "第二十条第（八）项 |", "信息内容 |", "本年收费金额（单位：万元） |", "行政事业型收费 |",
    "0 |", "三、收到和处理政府信息公开申请情况", "本年未收到政府信息公开申请。", ""])


def test_a_label_dl001_could_not_read_for_its_slip_is_left_to_it():
    both = lint(ONE_CELL_A_LINE, select=["DL001", "DL909"], fmt="text")
    assert codes(both) == ["DL001"], [d.message for d in both]
    assert "疑为报告把“行政事业性收费”写错了字" in both[0].message
    # alone, DL909 reports it; and a slip elsewhere in the same report is still its own
    assert _slips(ONE_CELL_A_LINE) == [("行政事业型收费", "行政事业性收费")]
    other = ONE_CELL_A_LINE.replace("2023年，本局", "2023年，本局依申公开0件，")
    assert [d.evidence["actual"] for d in lint(other, select=["DL001", "DL909"], fmt="text")
            if d.code == "DL909"] == ["依申公开"]


def test_unsafe_fix(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(PORTAL.replace("\n", "\r\n").encode("utf-8"))
    assert runner.invoke(_app(), ["check", "--isolated", "--select", "DL909", "--fix", str(path)]).exit_code == 0
    assert path.read_bytes() == PORTAL.replace("\n", "\r\n").encode("utf-8")  # unsafe: not applied without the flag
    res = runner.invoke(_app(), ["check", "--isolated", "--select", "DL909", "--fix", "--unsafe-fixes", str(path)])
    fixed = path.read_bytes().decode("utf-8")
    assert "\r\n" in fixed and "\n" not in fixed.replace("\r\n", ""), res.output  # line endings kept
    for right in ("政府信息公开工作年度报告", "统计期限自", "不公开为例外", "公正、公平、合法、便民", "依申请公开事项"):
        assert right in fixed, (right, res.output)
    assert _slips(fixed) == []


def _app():
    from disclosure_lint.cli import app

    return app


# -- the substitution kind's gate -------------------------------------------------------------------------------------


def test_required_texts_are_beside_every_match():
    cases = {"abc": ["abc"], "(?i)abc": [], "a|b": [], "xy+z?": ["x", "y"], "(?:ab|ac)d": ["a", "d"],
             "ab(?=cd)": ["cd", "ab"], "(?:(?<=常态[、，,])|(?<=常态[、，,]以))不[^公\\W\\d]开为例外": ["开为例外", "不"],
             "统计限(?=[自为])": ["统计限"], "(?P<a>收到\\d+)条": ["收到", "条"], "号{2,}文": ["号", "文"], "[ab]c": ["c"],
             "(?=x)": ["x"], "收(?<=[^未]收)到": ["收到"], "(?m:^)为(?!了)以": ["为以"], "(?<=常态、)不": ["常态、", "不"],
             "a(?i:b)c": ["a", "c"], "(?P<v>[是为])常态，公开(?P=v)例外": ["常态，公开", "例外"]}
    pieces = [*"abcdxyz号文常态、，不会公开为例外统计限自为以收到未了1\n"]
    rnd = random.Random(909)
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12))) for _ in range(20000)]
    texts += ["常态、不会开为例外", "常态，以不会开为例外", "统计限自", "收到12条", "常态，公开为例外", "收到", "为以"]
    for source, want in cases.items():
        pattern = re.compile(source)
        got = pattern_gates.required_texts(pattern)
        assert got == want, source
        for text in texts:
            if pattern.search(text):
                assert all(t in text for t in got), (source, text)


def test_gate_changes_no_finding(monkeypatch):
    texts = [PORTAL, PORTAL.replace("\n", ""), "收到政府信息公开申请3条，国办公开办函[2021]30号，截止2023年底。\n一.总体情况",
             "一、总体情况\n1、主动公开：截止12月31日，收到申请5条。规范性文2件。"]
    select = ["DL909", "DL907", "DL906", "DL702", "DL704", "DL705"]
    new = [[(d.code, d.line, d.column, d.message) for d in lint(t, select=select, fmt="text")] for t in texts]
    assert sum(map(len, new)) >= 10
    asked: list[object] = []  # (the name substitution calls: every swap then tried without its required texts)
    monkeypatch.setattr(substitution, "required_texts", lambda pattern: asked.append(pattern) or [])
    old = [[(d.code, d.line, d.column, d.message) for d in lint(t, select=select, fmt="text")] for t in texts]
    assert asked
    assert old == new


def test_a_slip_at_the_cut_of_an_excerpt_is_not_judged():
    """A real excerpt cut after 微信公众 (its 号 not in the file; DL002 says where it stops): the words that followed the
    match are unknown, so no slip is reported there — the same words inside the text still are."""
    from .conftest import lint

    head = "某某县公安局2023年政府信息公开工作年度报告\n一、总体情况\n2023年，本局主动公开政府信息120条。\n"
    cut = head + "我局持续推广“某某公安”微信公众"
    found = [d.code for d in lint(cut, fmt="text", select=["DL909", "DL002"])]
    assert found == ["DL002"]
    whole = head + "我局持续推广“某某公安”微信公众，发布信息30条。\n二、主动公开政府信息情况\n"
    assert "DL909" in [d.code for d in lint(whole, fmt="text", select=["DL909"])]


def test_an_ordinal_before_a_year_gets_no_fix_that_writes_a_decimal():
    """DL704 on ``1、2023年，…``: the finding stays, but its fix would write ``1.2023年`` (a decimal number); an item
    led by a word keeps its fix."""
    from .conftest import lint

    text = "一、总体情况\n1、2023年，本局主动公开政府信息20条。\n2、全年未收到申请。\n"
    found = lint(text, fmt="text", select=["DL704"])
    assert [(d.line, d.fix is None) for d in found] == [(2, True), (3, False)]
    assert found[1].fix.edits[0].replacement == "2."


def test_a_slip_inside_a_notice_number_is_left_to_dl801():
    """国办公开办涵〔2021〕30号: DL801 reports the issuer code whole (with its fix); DL909's 公开办涵 at the same place is
    left to it — alone, DL909 still reports it."""
    from .conftest import lint

    text = ("某局2023年政府信息公开工作年度报告\n一、总体情况\n根据《中华人民共和国政府信息公开工作年度报告格式》"
            "（国办公开办涵〔2021〕30号）编制本报告。\n")
    both = lint(text, fmt="text", select=["DL801", "DL909"])
    assert [d.code for d in both] == ["DL801"]
    assert [d.code for d in lint(text, fmt="text", select=["DL909"])] == ["DL909"]
    # a slip elsewhere in the same paragraph is still DL909's
    other = text.replace("编制本报告", "编制本报告，如对本报告如有疑问请来电")
    assert sorted(d.code for d in lint(other, fmt="text", select=["DL801", "DL909"])) == ["DL801", "DL909"]
