"""The command line's usage errors in Chinese: an unknown option or command, a bad or missing value.

typer (its own copy of click) prints them in English (``Error: No such option: --yaer``), to clerks who read Chinese.
:func:`text` says the same in Chinese from the exception's parts — the option's name, the close options it
suggests, the parameter and its value — and keeps the detail it cannot translate (a validator's own words).
"""

from __future__ import annotations

import re
from typing import Any

from .termsafe import terminal

# a range validator's words (pydantic's, click's), said in Chinese
_DETAILS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"Input should be less than or equal to (\S+)"), r"应不大于\1"),
    (re.compile(r"Input should be greater than or equal to (\S+)"), r"应不小于\1"),
    (re.compile(r"Input should be a valid integer.*"), "应为整数"),
    (re.compile(r"'(.*)' is not a valid integer(?: range)?\.?"), r"“\1”不是整数"),
    (re.compile(r"(\S+) is not in the range (\S+)\.?"), r"\1 不在 \2 的范围内"),
    (re.compile(r"'(.*)' is not one of (.*?)\.?$"), r"“\1”不是可选的值，应为 \2 之一"),
    (re.compile(r"'(.*)' is not a valid float\.?"), r"“\1”不是数字"),
)


def classes() -> tuple[Any, Any, Any]:
    """click's ``ClickException``, ``UsageError`` and ``NoArgsIsHelpError`` (``()``, which matches nothing, where
    click has none): typer 0.29 carries its own copy of click, earlier versions use click itself."""
    try:
        from typer._click import exceptions as exc  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # typer before its own copy
        from click import exceptions as exc  # type: ignore[import-not-found,no-redef,unused-ignore]
    return exc.ClickException, exc.UsageError, getattr(exc, "NoArgsIsHelpError", ())


def _detail(message: str) -> str:
    message = re.sub(r"^Value error, ", "", message)
    for pattern, chinese in _DETAILS:
        if pattern.search(message):
            return pattern.sub(chinese, message).rstrip(".")
    return message


def _hint(e: Any) -> str:
    hint = getattr(e, "param_hint", None)
    param = getattr(e, "param", None)
    if hint is None and param is not None:
        hint = param.get_error_hint()
    if isinstance(hint, (list, tuple)):
        hint = " / ".join(str(h) for h in hint)
    return str(hint).strip("'\"") if hint else ""


def message(e: Any) -> str:
    """The error's own line, in Chinese."""
    kind = type(e).__name__
    if kind == "NoSuchOption":
        close = list(getattr(e, "possibilities", None) or [])
        return f"没有这个选项：{e.option_name}" + (f"（是不是要用 {'、'.join(close)}？）" if close else "")
    if kind == "BadParameter":
        hint = _hint(e)
        return f"{hint} 的值无效：{_detail(e.message)}" if hint else f"值无效：{_detail(e.message)}"
    if kind == "MissingParameter":
        hint = _hint(e)
        # (a required option: click leaves param_type unset and the parameter says what it is — `new` without --year
        # said 缺少参数 --YEAR)
        ptype = getattr(e, "param_type", None) or getattr(getattr(e, "param", None), "param_type_name", None)
        what = "参数" if ptype in (None, "argument", "parameter") else "选项"
        return f"缺少{what} {hint.upper() if what == '参数' else hint}" if hint else "缺少参数"
    m = re.match(r"No such command '(.*)'\.(?: Did you mean '(.*)'\?)?", e.message or "")
    if m:
        return f"没有这个命令：{m.group(1)}" + (f"（是不是要用 {m.group(2)}？）" if m.group(2) else "")
    m = re.match(r"Option '(.*)' requires an argument\.", e.message or "")
    if m:
        return f"选项 {m.group(1)} 后面要写一个值"
    m = re.match(r"Got unexpected extra arguments? \((.*)\)", e.message or "")
    if m:
        return f"多出了参数：{m.group(1)}"
    return _detail(e.format_message())


def text(e: Any) -> str:
    """The whole error as printed: the usage line, where to find help, and the error (terminal-safe)."""
    lines = []
    ctx = getattr(e, "ctx", None)
    if ctx is not None:
        usage = ctx.get_usage()
        lines.append(re.sub(r"^Usage: ?", "用法：", usage))
        if ctx.command.get_help_option(ctx) is not None:
            lines.append(f"运行 {ctx.command_path} {ctx.help_option_names[0]} 查看说明。")
        lines.append("")
    lines.append(f"错误：{message(e)}")
    return terminal("\n".join(lines), newlines=True) + "\n"
