"""A run groups reports by body: the report summary names the body, the console lists each body's reports
side by side when one body has several, and ``-f csv`` has a ``body`` column (issue 12 item 1)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from typer.testing import CliRunner

from disclosure_lint.batch.identity import body_name
from disclosure_lint.cli import app

from .crossgen import write

REPORT = """\
# {name}{year}年政府信息公开工作年度报告

本报告由{name}编制。

## 一、总体情况

{year}年，本局认真落实政府信息公开工作。
"""


def run(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(app, list(args), env={"DISCLOSURE_LINT_NO_CACHE": "1", "COLUMNS": "160"})
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    return res.exit_code, res.stdout


def test_body_name_is_the_grouping_key():
    assert body_name("青禾市云岭区人民政府办公室") == body_name("云岭区政府办公室") == "云岭区政府办公室"
    assert body_name(None) is None and body_name("、") is None


def test_console_lists_a_body_with_several_years(tmp_path: Path):
    write(tmp_path, [("a-2022.md", REPORT.format(name="青禾市云岭区自然资源局", year=2022)),
                     ("a-2023.md", REPORT.format(name="云岭区自然资源局", year=2023)),
                     ("b-2023.md", REPORT.format(name="临泽县市场监督管理局", year=2023))])
    _code, out = run("check", "--isolated", "--select", "DL101", str(tmp_path))
    assert "按机关：" in out
    lines = out[out.index("按机关："):].splitlines()
    a = next(line for line in lines if "自然资源局" in line)
    assert "2 份：2022、2023年度" in a
    assert any("临泽县市场监督管理局（1 份：2023年度）" in line for line in lines)


def test_console_says_nothing_of_bodies_when_each_has_one_report(tmp_path: Path):
    write(tmp_path, [("a.md", REPORT.format(name="青禾市云岭区自然资源局", year=2023)),
                     ("b.md", REPORT.format(name="临泽县市场监督管理局", year=2023))])
    _code, out = run("check", "--isolated", "--select", "DL101", str(tmp_path))
    assert "按机关" not in out


def test_csv_and_json_name_the_body(tmp_path: Path):
    write(tmp_path, [("a.md", REPORT.format(name="青禾市云岭区人民政府办公室", year=2023))])
    _code, out = run("check", "--isolated", "-f", "csv", str(tmp_path / "a.md"))
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert rows[0]["body"] == "云岭区政府办公室" and rows[0]["agency"] == "青禾市云岭区人民政府办公室"
    _code, out = run("check", "--isolated", "-f", "json", str(tmp_path / "a.md"))
    assert '"body": "云岭区政府办公室"' in out


def test_a_kind_word_alone_names_no_body_and_joins_none(tmp_path: Path):
    """A real zone's opening said only ``编制管委会2022年度…报告``: its agency was ``管委会``, which joined another zone's
    reports in the same run as one body over two years (and the checks across years compared the two)."""
    from disclosure_lint.batch.identity import group_keys
    from disclosure_lint.report.agency import usable_name

    assert usable_name("管委会") is None and usable_name("人民政府") is None and usable_name("办公室") is None
    assert usable_name("青禾经济开发区管委会") == "青禾经济开发区管委会"
    keys = {("", "管委会"), ("青禾经济开发区", "管委会")}
    assert group_keys(keys)[("", "管委会")] == "管委会"  # not the one zone of the run
    assert group_keys({("", "财政局"), ("云岭区", "财政局")})[("", "财政局")] == "云岭区财政局"  # a short name still joins
    zone = ("一、总体情况\n\n根据《中华人民共和国政府信息公开条例》的要求，编制管委会{year}年度政府信息公开工作报告。"
            "本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。\n")
    other = ("一、总体情况\n\n根据《中华人民共和国政府信息公开条例》的规定，临泽经济技术开发区管委会编制了临泽经济技术开发区"
             "{year}年政府信息公开工作年度报告。\n")
    write(tmp_path, [("a.txt", zone.format(year=2022)), ("b.txt", other.format(year=2023))])
    _code, out = run("check", "--isolated", "-f", "csv", str(tmp_path))
    rows = {Path(r["path"]).name: r for r in csv.DictReader(io.StringIO(out.lstrip("\ufeff")))}
    assert rows["a.txt"]["body"] == "" and rows["a.txt"]["agency"] == ""
    assert rows["b.txt"]["body"] == "临泽经济技术开发区管委会"
