"""The command line's help in Chinese (cli_help.py): typer's headings and notes around the Chinese help texts."""

from __future__ import annotations

import subprocess
import sys

from disclosure_lint.cli_help import asked, translate


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "disclosure_lint", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=60)


def test_a_commands_help_has_chinese_headings_and_notes():
    res = _run("check", "--help")
    assert res.returncode == 0 and res.stderr == ""
    out = res.stdout
    first = out.splitlines()[0]
    assert first.startswith("用法：") and first.endswith(" check [OPTIONS] PATHS...")
    for word in ("参数：", "选项：", "[必填]", "[默认：console]", "显示本帮助并退出。", "检查年度报告并列出问题。"):
        assert word in out, word
    for english in ("Usage:", "Options:", "Arguments:", "[default:", "[required]", "Show this message"):
        assert english not in out, english


def test_the_programs_help_with_and_without_arguments():
    res = _run("--help")
    assert res.returncode == 0 and res.stdout.startswith("用法：") and " [OPTIONS] COMMAND" in res.stdout
    assert "命令：" in res.stdout and "Commands:" not in res.stdout
    bare = _run()  # no arguments: the help, on standard error, as typer shows it
    assert bare.returncode == 2 and bare.stdout == ""
    assert bare.stderr.startswith("用法：") and "选项：" in bare.stderr and "Options:" not in bare.stderr


def test_translate_touches_only_typers_words():
    text = "Usage: x [OPTIONS]\n\nOptions:\n  --a  说明 Options: 不动。  [default: 3]\n  --help  Show this message and exit.\n"
    assert translate(text) == ("用法：x [OPTIONS]\n\n选项：\n  --a  说明 Options: 不动。  [默认：3]\n"
                               "  --help  显示本帮助并退出。\n")
    assert asked(["check", "--help"]) and not asked(["check", "r.md"]) and not asked([])
