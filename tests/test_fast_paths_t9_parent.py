"""Round 9 (the parent's side of a run): fast paths pinned against the forms they replaced."""

from __future__ import annotations

import random
import string

import pytest

from disclosure_lint import memo
from disclosure_lint.packs import format_message


def _format_message_before(template: str, params: dict) -> str:
    """format_message as it was: the template parsed on every call."""
    out = []
    for literal, field_name, spec, conversion in string.Formatter().parse(template):
        out.append(literal)
        if field_name is None:
            continue
        if field_name in params and not spec and not conversion:
            out.append(str(params[field_name]))
        else:
            out.append("{" + field_name + "}")
    return "".join(out)


TEMPLATES = [
    "", "纯文字", "{match}", "“{match}”应为“{expected}”", "{{literal}} {match}", "{match:>9}|{match!r}|{x.y}|{0}|{}",
    "{agency}{year}年度{format_version}", "{unknown} 与 {match}", "}}{{", "{match}{match}{match}", "{a[0]}", "{ match }",
]


@pytest.mark.parametrize("template", TEMPLATES)
def test_format_message_same_as_before(template: str) -> None:
    params = {"match": "甲", "expected": 3, "agency": "青石街道", "year": 2023, "format_version": "2021", "a": [1]}
    for _ in range(2):  # the second time from the kept pieces
        assert format_message(template, params) == _format_message_before(template, params)
    memo.forget()
    assert format_message(template, {}) == _format_message_before(template, {})


def test_format_message_random_templates() -> None:
    rnd = random.Random(9)
    alphabet = "{}!:ab_x1 中文.[]"
    for _ in range(3000):
        template = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14)))
        params = {"a": "A", "b": 2, "ab": None, "x1": "X"}
        try:
            want = _format_message_before(template, params)
        except ValueError:
            with pytest.raises(ValueError):
                format_message(template, params)
            continue
        assert format_message(template, params) == want
        assert format_message(template, params) == want


def test_format_message_keeps_no_long_template() -> None:
    memo.forget()
    long = "长" * 5000 + "{match}"
    assert format_message(long, {"match": "m"}) == _format_message_before(long, {"match": "m"})
    assert memo.sizes()["packs.format_message"] == 0


def test_command_line_turns_pydantic_plugins_off_unless_set(monkeypatch) -> None:
    import disclosure_lint.cli as cli
    from disclosure_lint import cli_startup, recache

    monkeypatch.setattr(cli, "main", lambda: None)
    monkeypatch.setattr(recache, "install", lambda: None)
    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    cli_startup.main()
    import os

    assert os.environ["PYDANTIC_DISABLE_PLUGINS"] == "__all__"
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "logfire")
    cli_startup.main()
    assert os.environ["PYDANTIC_DISABLE_PLUGINS"] == "logfire"  # the user's own choice is kept
