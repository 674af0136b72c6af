"""A file saved after a wrong decoding (乱码) is refused with one line naming what happened: not read as a report
that lacks its parts (DL005) with the garbling's brackets reported (DL703)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from disclosure_lint.api import Checker
from disclosure_lint.cli import app
from disclosure_lint.errors import InputError
from disclosure_lint.mojibake import refuse_mojibake

REPORT = """# 某某市某某区市场监督管理局2023年政府信息公开工作年度报告

本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅政府信息与政务公开办公室的要求编制。

## 一、总体情况

2023年，本局认真贯彻落实《条例》，全年主动公开政府信息120条，收到政府信息公开申请5件，全部按时办结。

## 二、主动公开政府信息情况

本局通过政府网站公开规范性文件3件，政策解读5篇，办理结果全部按时公开，并在政务新媒体同步发布。

## 五、存在的主要问题及改进情况

主要问题是公开内容不够全面，下一步将加强培训，完善制度，提高公开质量。

## 六、其他需要报告的事项

本年度未收取信息处理费。
"""


def _garbled(way: str) -> str:
    data = REPORT.encode("gb18030" if way == "gbk-as-latin" else "utf-8")
    if way == "utf8-as-gbk":
        return data.decode("gb18030", errors="replace")
    if way == "utf8-as-gbk-lossy":
        return data.decode("gbk", errors="replace")
    if way == "utf8-as-cp1252":
        return data.decode("cp1252", errors="replace")
    if way == "utf8-as-latin1":
        return data.decode("latin-1")
    if way == "gbk-as-latin":
        return data.decode("latin-1")
    raise AssertionError(way)


@pytest.mark.parametrize("way, what", [
    ("utf8-as-gbk", "按 UTF-8 编码的文字被当作 GBK"),
    ("utf8-as-gbk-lossy", "按 UTF-8 编码的文字被当作 GBK"),
    ("utf8-as-cp1252", "按 UTF-8 编码的文字被当作西文编码"),
    ("utf8-as-latin1", "按 UTF-8 编码的文字被当作西文编码"),
    ("gbk-as-latin", "按 GBK 编码的文字被当作西文编码"),
])
@pytest.mark.parametrize("suffix", [".md", ".txt", ".html"])
def test_a_garbled_file_is_refused_with_its_cause(tmp_path, way, what, suffix):
    text = _garbled(way)
    if suffix == ".html":
        text = "<html><head><meta charset=\"utf-8\"></head><body>" + "".join(
            f"<p>{line}</p>" for line in text.splitlines()) + "</body></html>"
    path = tmp_path / f"report{suffix}"
    path.write_text(text, encoding="utf-8")
    result = Checker().check_file(str(path))
    assert result.error is not None and not result.diagnostics
    assert result.error.startswith("文件的文字是乱码：" + what), result.error
    if way in ("utf8-as-gbk-lossy", "utf8-as-cp1252"):  # bytes the wrong decoding could not read are lost
        assert "区市场" in result.error and "原来的字已经丢失" in result.error
    else:
        assert "原为“某某市某某区市场监督" in result.error  # the first words as they were written


def test_a_gbk_page_read_as_utf8_cannot_be_restored(tmp_path):
    path = tmp_path / "report.md"
    path.write_text(REPORT.encode("gb18030").decode("utf-8", errors="replace"), encoding="utf-8")
    result = Checker().check_file(str(path))
    assert result.error is not None and "替换符" in result.error and "无法还原" in result.error


def test_the_run_goes_on_and_exits_2(tmp_path):
    bad = tmp_path / "a.md"
    bad.write_text(_garbled("utf8-as-gbk"), encoding="utf-8")
    good = tmp_path / "b.md"
    good.write_text(REPORT, encoding="utf-8")
    res = CliRunner().invoke(app, ["check", "--isolated", "-f", "concise", str(bad), str(good)])
    assert res.exit_code == 2
    lines = [line for line in res.output.splitlines() if "a.md" in line and "乱码" in line]
    assert lines and all("\x1b" not in line for line in lines)
    assert "b.md" in res.output or "检查了 2 个文件" in res.output


@pytest.mark.parametrize("text", [
    REPORT,  # a report
    REPORT.replace("政府信息公开", "政府信息公開").replace("报告", "報告"),  # in traditional script
    REPORT.replace("公开", "公\ufffd"),  # a few replacement characters in a report
    "春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。" * 10,  # Chinese without a report's words
    "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所で" * 5,
    "An annual report in English, with no Chinese at all. " * 100,
    "Ça été très bien fait, déjà à l'été. " * 100,  # Latin-1 letters that are no garbling
    "鑫淼犇骉羴麤龘靐齉" * 50,  # rare characters, no repair reads as a report
])
def test_text_that_is_not_garbling_is_read(text):
    refuse_mojibake(text)  # no error


def test_only_the_start_is_looked_at():
    text = "春眠不觉晓，处处闻啼鸟。" * 5000 + _garbled("utf8-as-gbk")
    refuse_mojibake(text)  # the sample is Chinese: read as it is
    with pytest.raises(InputError):
        refuse_mojibake(_garbled("utf8-as-gbk") + "春眠不觉晓。" * 5000)


# -- a passage decoded one byte out of step (content farms' copies): its ? and ! are no marks, its lost quote no slip ---

GARBLED = ("某某市某某局2023年政府信息公开工作年度报告\n一、总体情况\n"
           "?。ㄒ唬┲鲃庸_情况。严格落实“三审三?!敝贫?，确保公开内容准确，全年主动公开政府信息120条。\n"
           "（二）依申请公开情况。全年收到政府信息公开申请5件，全部按时答复。\n")


def test_a_passage_decoded_out_of_step_is_not_the_clerks_punctuation():
    from .conftest import lint

    diags = lint(GARBLED, select=["DL701", "DL703"], fmt="text")
    assert [d.code for d in diags if d.code == "DL703"] == []  # the ” lost with the garbled 校”制度
    assert all(d.match not in ("?", "!") for d in diags)
    # a real question mark and a real unpaired quote, away from any garbling, are still reported
    plain = GARBLED.replace("全年收到政府信息公开申请5件", "严格落实“三审三校制度，全年收到申请5件吗?")
    codes = [(d.code, d.match) for d in lint(plain, select=["DL701", "DL703"], fmt="text")]
    assert ("DL703", "“") in codes and any(c == "DL701" for c, _ in codes)
