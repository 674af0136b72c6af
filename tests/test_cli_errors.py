"""Usage errors in Chinese: typer printed ``Error: No such option: --bogus`` and ``Invalid value for '--year'`` in
English to clerks who read Chinese. The command line's own entry point (``cli.main``) says them in Chinese, exit 2;
what a command returns or exits with is unchanged."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from disclosure_lint import cli

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _run(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["disclosure-lint", *args])
    # (click names the program ``python -m <package>.<argv[0]>`` when __main__ has a package — under ``python -m pytest -n0``
    # it said "python -m pytest.disclosure-lint"; the installed command is what these tests pin)
    monkeypatch.setattr(sys.modules["__main__"], "__package__", None, raising=False)
    with pytest.raises(SystemExit) as exc:
        cli.main()
    out, err = capsys.readouterr()
    return exc.value.code, out, err


@pytest.mark.parametrize("args, said", [
    (("check", "--bogus", "x.md"), "错误：没有这个选项：--bogus"),
    (("check", "--year", "99999", "x.md"), "错误：--year 的值无效：应不大于2100"),
    (("new", "--year", "abc"), "错误：--year 的值无效：应为整数"),
    (("check", "--fail-on", "bad", "x.md"), "错误：--fail-on 的值无效：“bad”不是可选的值，应为 'error', 'warning', 'info' 之一"),
    (("chek", "x.md"), "错误：没有这个命令：chek（是不是要用 check？）"),
    (("check",), "错误：缺少参数 PATHS"),
    (("new", "--agency", "某某区教育局"), "错误：缺少选项 --year"),  # (a required option: it said 缺少参数 --YEAR)
    (("check", "--select"), "错误：选项 --select 后面要写一个值"),
])
def test_usage_errors_are_said_in_chinese(monkeypatch, capsys, args, said):
    code, _out, err = _run(monkeypatch, capsys, *args)
    assert code == 2
    assert said in err, err
    assert "Error" not in err and "Usage:" not in err and "Invalid value" not in err
    if args != ("check", "--select"):
        assert err.startswith("用法：disclosure-lint") and "--help 查看说明" in err


def test_a_control_character_in_an_unknown_option_is_escaped(monkeypatch, capsys):
    code, _, err = _run(monkeypatch, capsys, "check", "--\x1b[31mred", "x.md")
    assert code == 2 and "\x1b" not in err and "没有这个选项" in err


def test_exit_codes_of_commands_are_kept(monkeypatch, capsys):
    """Guard: a clean report exits 0, a defective one 1, --help 0 (typer's help, its headings in Chinese: tests/test_cli_help.py)."""
    assert _run(monkeypatch, capsys, "check", "-q", "--no-cache", str(EXAMPLES / "clean-2023.md"))[0] == 0
    assert _run(monkeypatch, capsys, "check", "-q", "--no-cache", str(EXAMPLES / "defective-2023.md"))[0] == 1
    code, out, _ = _run(monkeypatch, capsys, "check", "--help")
    assert code == 0 and "检查年度报告" in out
