"""The command line's help in Chinese: typer's (its copy of click's) headings and notes, for clerks who read Chinese.

The commands' and options' own help texts are Chinese already; what typer adds around them is English (``Usage:``,
``Options:``, ``[default: console]``, ``Show this message and exit.``).  :func:`translate` says those few words in
Chinese in the help text typer printed (:func:`.cli.main` catches it when help was asked for); nothing else changes,
and each replacement is shorter than the English, so typer's columns stay aligned.
"""

from __future__ import annotations

import re

_HEADINGS = {"Usage": "用法", "Options": "选项", "Arguments": "参数", "Commands": "命令"}
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^Usage: ", re.M), "用法："),
    (re.compile(r"^(Options|Arguments|Commands):$", re.M), "\\1"),  # (the word itself: :func:`translate`)
    (re.compile(r"\[default: ([^\]\n]*)\]"), "[默认：\\1]"),
    (re.compile(r"\[required\]"), "[必填]"),
    (re.compile(r"Show this message and exit\."), "显示本帮助并退出。"),
)


def translate(text: str) -> str:
    """``text`` (typer's help output) with its English headings and notes in Chinese."""
    for pattern, chinese in _RULES:
        if chinese == "\\1":
            text = pattern.sub(lambda m: _HEADINGS[m.group(1)] + "：", text)
        else:
            text = pattern.sub(chinese, text)
    return text


def asked(argv: list[str]) -> bool:
    """Whether this run prints help on standard output: ``--help`` among the arguments (a command run without its
    arguments prints its help on standard error, translated where it is caught)."""
    return "--help" in argv
