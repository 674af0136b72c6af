"""A page in traditional script (a portal's 繁體 view, a mirror's copy) read as the simplified text it was made from
(readers/script.py, DL008): the same findings at the same places as the simplified original, said once; never
fixed; a simplified report with traditional-script spam in it is not converted."""

from __future__ import annotations

import json
import re
from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from disclosure_lint.api import Checker
from disclosure_lint.cli import app
from disclosure_lint.readers import read_path, script

# a report of the 2021 format with defects of its own (no statistics tables, the signature's date in the wrong
# form), written for this test
REPORT = """某某县某某局2023年政府信息公开工作年度报告

本报告根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息与政务公开办公室的要求编制。本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。

一、总体情况

2023年，我局认真贯彻落实政府信息公开条例，全年主动公开政府信息120条，其中工作动态80条、通知公告30条、规划计划5条。

二、主动公开政府信息情况

全年通过政府网站公开规范性文件3件，政策解读5篇。

三、收到和处理政府信息公开申请情况

全年收到政府信息公开申请5件，均按期答复。

四、政府信息公开行政复议、行政诉讼情况

本年度未发生政府信息公开行政复议、行政诉讼。

五、存在的主要问题及改进情况

主动公开的深度还不够，下一步将加强政策解读，提高公开质量。

六、其他需要报告的事项

本年度未收取信息处理费。

某某县某某局
2024-01-20
"""


def _to_traditional(text: str) -> str:
    return opencc.OpenCC("s2t.json").convert(text)


def _found(result) -> list[tuple]:
    return [(d.code, d.line, d.column, d.end_line, d.end_column, d.message) for d in result.diagnostics
            if d.code != "DL008"]


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_same_findings_at_the_same_places(tmp_path: Path, suffix: str) -> None:
    simple = tmp_path / f"simple{suffix}"
    simple.write_text(REPORT, encoding="utf-8")
    trad = tmp_path / f"trad{suffix}"
    trad.write_text(_to_traditional(REPORT), encoding="utf-8")
    assert "報告" in trad.read_text(encoding="utf-8")
    checker = Checker(isolated=True)
    a, b = checker.check_file(str(simple)), checker.check_file(str(trad))
    assert _found(a) == _found(b)
    # no statistics tables; the signature's date form; an overview on 主动公开 alone (found in both scripts)
    assert {d.code for d in a.diagnostics} == {"DL105", "DL402", "DL120"}
    assert not [d for d in a.diagnostics if d.code == "DL008"]
    (d,) = [d for d in b.diagnostics if d.code == "DL008"]
    assert d.severity == "info" and "文件是繁体字（如“總體情況”“年度報告”" in d.message
    assert "已转为简体字检查（转换了" in d.message and "位置仍是本文件的行列" in d.message and "不做自动修复" in d.message
    assert d.evidence["converted"] > 50 and d.evidence["kept_lines"] is None
    assert b.report["agency"] == a.report["agency"] == "某某县某某局" and b.report["year"] == 2023


def test_a_big5_page(tmp_path: Path) -> None:
    """A 繁體 page saved in Big5 (its declared charset): read, converted, its encoding kept."""
    body = "".join(f"<p>{line}</p>" for line in _to_traditional(REPORT).splitlines() if line.strip())
    page = (f"<html><head><meta charset='big5'><title>年度報告</title></head><body>{body}</body></html>")
    p = tmp_path / "page.html"
    p.write_bytes(page.encode("big5"))
    doc = read_path(str(p))
    assert doc.encoding is not None and "big5" in doc.encoding.replace("-", "").lower()
    assert "政府信息公开工作年度报告" in doc.text and [n.kind for n in doc.notices] == ["traditional-script"]
    result = Checker(isolated=True).check_file(str(p))
    assert "DL008" in {d.code for d in result.diagnostics} and "DL005" not in {d.code for d in result.diagnostics}


def test_simplified_report_with_traditional_spam_is_not_converted() -> None:
    spam = "體育彩票開獎結果查詢，報名請點擊這裡，時間緊，名額有限，請盡快辦理，網站註冊送彩金，優惠活動進行中。"
    text, notice = script.simplified(REPORT + spam + "\n")
    assert notice is None and text.endswith(spam + "\n")
    assert script.traditional_words(REPORT) == []
    assert script.simplified(REPORT) == (REPORT, None)


def test_a_line_whose_conversion_changes_its_length_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """Positions stay the file's: a line the converter would lengthen is read as it is, and counted."""
    real = opencc.OpenCC("t2s.json")

    class Lengthening:
        def convert(self, text: str) -> str:
            out = real.convert(text)
            return out.replace("某某縣", "某某县X").replace("某某县", "某某县X") if "某某" in text else out

    monkeypatch.setattr(script, "_converter", lambda: Lengthening())
    trad = _to_traditional(REPORT)
    text, notice = script.simplified(trad)
    assert notice is not None and notice.total == 2  # the title and the signature name the county
    assert len(text) == len(trad) and text.count("\n") == trad.count("\n")
    lines = text.split("\n")
    assert lines[0] == trad.split("\n")[0]  # kept in traditional script
    assert "一、总体情况" in lines


def test_without_the_converter_nothing_is_converted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(script, "_converter", lambda: None)
    trad = _to_traditional(REPORT)
    assert script.simplified(trad) == (trad, None)


def test_never_fixed(tmp_path: Path) -> None:
    """--fix would write simplified characters into the file: refused, the file untouched, said on stderr."""
    p = tmp_path / "trad.txt"
    data = _to_traditional(REPORT).replace("\n", "\r\n").encode("utf-8")
    p.write_bytes(data)
    r = CliRunner().invoke(app, ["check", "--fix", "--isolated", str(p)])
    assert p.read_bytes() == data
    assert "文件是繁体字，已转为简体字检查，修复会把简体字写进繁体字的文件，不自动修复，文件未改动" in r.output


def test_in_a_directory_it_is_checked(tmp_path: Path) -> None:
    """A crawl's folder: the 繁體 copy is checked as a report (it was skipped as not one)."""
    (tmp_path / "a.txt").write_text(_to_traditional(REPORT), encoding="utf-8")
    r = CliRunner().invoke(app, ["check", "--isolated", "-f", "json", str(tmp_path)])
    (f,) = json.loads(r.stdout)["files"]
    assert f["skipped"] is None and "DL008" in {d["code"] for d in f["diagnostics"]}


def test_bounded() -> None:
    """A megabyte of traditional script (one line, and 100,000 lines) converts in linear time."""
    unit = "政府信息公開工作年度報告，統計數據來源於各部門。"
    for text in (unit * 20_000, (unit + "\n") * 20_000):
        out, notice = script.simplified(text)
        assert notice is not None and len(out) == len(text) and "政府信息公开工作年度报告" in out[:40]
        assert notice.value is None  # over 400,000 characters: not counted


def test_a_copy_glossed_with_pinyin_is_named(tmp_path: Path) -> None:
    """A content farm's copy glosses characters with their pinyin (據(jù)): DL008 says it is no portal's 繁體 view and
    names the first gloss where it is; a plain 繁體 copy says nothing of the kind."""
    glosses = {"據": "據(jù)", "數": "數(shù)", "規": "規(guī)", "發": "發(fā)", "開": "開(kāi)"}
    trad = _to_traditional(REPORT)
    glossed = "".join(glosses.get(ch, ch) for ch in trad)
    p = tmp_path / "farm.txt"
    p.write_text(glossed, encoding="utf-8")
    (d,) = [d for d in Checker(isolated=True).check_file(str(p)).diagnostics if d.code == "DL008"]
    k = glossed.index("(")  # the first gloss: its character is the one before it
    line = glossed.count("\n", 0, k) + 1
    column = k - glossed.rfind("\n", 0, k)
    ch = glossed[k - 1]
    assert f"页面在字后加注了拼音（如第{line}行第{column - 1}列的“{ch}{glosses[ch][1:]}”），这不是政府网站的繁体版" in d.message
    assert d.evidence["pinyin_gloss"] == glosses[ch]
    p.write_text(trad, encoding="utf-8")
    (d,) = [d for d in Checker(isolated=True).check_file(str(p)).diagnostics if d.code == "DL008"]
    assert "拼音" not in d.message and "pinyin_gloss" not in d.evidence


def test_a_line_the_library_cannot_take_is_kept() -> None:
    """The library takes UTF-8: a lone surrogate (no reader gives one, a caller might) keeps its line as it was."""
    text = "政府信息公開工作年度報告，統計數據。\n" * 20 + "\ud800報告\n"
    out, notice = script.simplified(text)
    assert notice is not None and notice.total == 1 and out.endswith("\ud800報告\n") and out.startswith("政府信息公开")


@given(st.text(alphabet=st.sampled_from("報總體條開據規處關於發數統計時間網門務縣區鄉鎮辦請應實現結轉複議訟審說義資訊構狀況"
                                         "政府信息公开年度报告一二三（）()，。\n\r 乾著於瞭覆𠀀\ufffd"), max_size=400))
@settings(max_examples=300, deadline=None)
def test_conversion_keeps_every_position(text: str) -> None:
    """Whatever the text, the converted one has its length and its line breaks where they were."""
    out, notice = script.simplified(text)
    assert len(out) == len(text)
    assert [i for i, c in enumerate(out) if c in "\r\n"] == [i for i, c in enumerate(text) if c in "\r\n"]
    assert (notice is None) == (out == text)


def test_glossed_labels_and_names_are_read_without_their_pinyin() -> None:
    """Real glossed copies (written anew): a table's labels (信息内(nèi)容, 其他对外管理服务(wù)事项) and the body's name
    in the title (…乡(xiāng)人民政府) were read with the gloss — DL001 could not place a column, DL904 took a label for
    a slip, DL007 knew no kind; the gloss is the copy's, never the report's."""
    from disclosure_lint.report.agency import name_from_title
    from disclosure_lint.report.stats.schema import norm

    assert script.strip_glosses("信息内(nèi)容") == "信息内容" and norm("其他对外管理服务(wù)事项") == norm("其他对外管理服务事项")
    assert name_from_title("某某县某某乡(xiāng)人民政府2023年政府信息公开工作年度报告")[0] == "某某县某某乡人民政府"
    # a bracket that is no gloss (no tone mark; not after a character) stays
    assert script.strip_glosses("行政事业性收费(万元)、附件(a)") == "行政事业性收费(万元)、附件(a)"
    text = ("某某县某某乡(xiāng)人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本乡全年主动公开信息20条。\n"
            "二、主动公开政府信息情况\n| 第二十条第（一）项 | | | |\n|---|---|---|---|\n| 信息内(nèi)容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
            "| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 0 | 0 | 0 |\n")
    from .conftest import lint

    found = {d.code for d in lint(text, fmt="markdown", year=2023)}
    assert not found & {"DL001", "DL007", "DL904"}, found


def test_a_name_the_glossed_opening_gives_is_read_without_its_pinyin(tmp_path: Path) -> None:
    """A real glossed copy without a title line names its body in the opening (本年度報告由某某機(jī)關(guān)…管理局…編制而成):
    the name was ``…机(jī)关(guān)…管理局`` in the JSON output and the database; the gloss is the copy's."""
    p = tmp_path / "glossed.txt"
    p.write_text("本年度報告由青禾市機(jī)關(guān)事務(wù)管理局根據(jù)《中華人民共和國政府信息公開條例》以及國務(wù)院辦公廳政府信息與"
                 "政務(wù)公開辦公室《中華人民共和國政府信息公開工作年度報告格式》要求編制而成。全文內(nèi)容包括總體情況、"
                 "主動公開政府信息情況、收到和處理政府信息公開申請情況、存在的主要問題及改進情況。\n"
                 "一、總體情況\n2023年，本局認真貫徹落實條例，全年主動公開政府信息120條，辦理申請12件。\n", encoding="utf-8")
    from disclosure_lint.report import interpret

    agency = interpret(read_path(str(p))).agency
    assert (agency.name, agency.source) == ("青禾市机关事务管理局", "opening")


def test_a_glossed_copys_parts_and_statistics_period_are_read(tmp_path: Path) -> None:
    """Real glossed copies (written anew): a part's title glossed (二、主動(dòng)公開政府信息情況) was no part — DL103 said the
    report was not in the unified format — and a glossed period (統(tǒng)計(jì)期限自2020年1月1日…) gave no year (DL005); the
    period's year is read, and a finding on it points at the file's own characters."""
    p = tmp_path / "glossed.txt"
    p.write_text("本報告統(tǒng)計(jì)期限自2020年1月1日起至2020年11月30日止。\n"
                 "一、總體情況\n2020年，本局全年主動公開政府信息120條。\n"
                 "二、主動(dòng)公開政府信息情況\n本年制發規範性文件2件。\n"
                 "三、收到和處理政府信息公開申請情況\n全年收到申請3件。\n"
                 "四、政府信息公開行政複議、行政訴訟情況\n無。\n"
                 "五、存在的主要問題及改進情況\n公開內容不夠全面。\n六、其他需要報告的事項\n無。\n", encoding="utf-8")
    from disclosure_lint.report import interpret

    rep = interpret(read_path(str(p)))
    assert rep.year == 2020 and rep.period_year == 2020 and "s2" in rep.sections_by_id
    diags = Checker(isolated=True).check_file(str(p)).diagnostics
    assert not {"DL005", "DL103", "DL101"} & {d.code for d in diags}
    (period,) = [d for d in diags if d.code == "DL409"]
    text = p.read_text(encoding="utf-8").split("\n")[0]
    assert text[period.column - 1:].startswith("2020年1月1日") and period.line == 1
    assert script.search_unglossed(re.compile("统计"), "統(tǒng)計(jì)") is None  # (traditional: the reader converts first)
    m = script.search_unglossed(re.compile("统计期限"), "本统(tǒng)计(jì)期限")
    assert m is not None and m.span() == (1, 15) and m.group() == "统计期限"


def test_a_page_converted_with_taiwans_words_reads_xinxi_back(tmp_path: Path) -> None:
    """A mirror that converted with Taiwan's words (OpenCC s2twp: 信息 → 資訊) is read with the report's 信息: no
    misquoted 《…政府资讯公开条例》, no table label the tool cannot read; a Taiwan page of its own law is not touched."""
    twp = opencc.OpenCC("s2twp.json").convert(REPORT)
    assert "中華人民共和國政府資訊公開條例" in twp
    text, notice = script.simplified(twp)
    assert notice is not None and "资讯" not in text and "《中华人民共和国政府信息公开条例》" in text
    assert len(text) == len(twp)
    p = tmp_path / "twp.txt"
    p.write_text(twp, encoding="utf-8")
    simple = tmp_path / "simple.txt"
    simple.write_text(REPORT, encoding="utf-8")
    checker = Checker(isolated=True)
    assert {d.code for d in checker.check_file(str(p)).diagnostics} - {"DL008"} == {
        d.code for d in checker.check_file(str(simple)).diagnostics}
    own = "依據政府資訊公開法第七條規定，主動公開之資訊範圍包括施政計畫、業務統計及研究報告，" * 3 + "\n"
    out, _ = script.simplified(own)
    assert "资讯" in out  # (not the mainland regulation: its 資訊 are its own)


def test_taiwans_words_for_a_reports_terms_are_read_back() -> None:
    """Such a conversion's words for 规范性文件, 门户网站 and 人民群众 (規範性檔案, 入口網站, 人民民眾) are read as the report's
    (table 二's label is then read); a bare 檔案 may be archives, and stays."""
    text = ("某某市某某局2023年政府信息公開工作年度報告\n一、總體情況\n本局通過入口網站主動公開規範性檔案12件，"
            "保障人民民眾的知情權，整理歸檔檔案1200卷。\n" * 3)
    out, notice = script.simplified(text)
    assert notice is not None and len(out) == len(text)
    assert "门户网站" in out and "规范性文件" in out and "人民群众" in out and "档案1200卷" in out
    assert "入口网站" not in out and "规范性档案" not in out
