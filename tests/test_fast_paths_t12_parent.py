"""Round 12 (the parent of ``check --jobs N``): fast paths pinned against the forms they replaced — the annotations'
code kept by their text at start-up."""

from __future__ import annotations

import typing

import pytest

from disclosure_lint import cli_startup

# -- annotations compiled once per text ---------------------------------------------------------------------------------


def test_annotations_code_kept_by_text_as_typing_compiles_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_startup, "_KEPT_CODE", {})
    texts = ["bool", "str | None", "dict[str, Any]", "list['Text']", "x" * 300, "a.b[c]"]
    for text in texts * 2:
        before = typing.ForwardRef(text).__forward_code__  # (typing's own compile)
        monkeypatch.setattr(typing, "compile", cli_startup._kept_compile, raising=False)
        ref = typing.ForwardRef(text)
        monkeypatch.delattr(typing, "compile")
        assert ref.__forward_code__ == before and ref.__forward_code__.co_flags == before.co_flags
        assert ref == typing.ForwardRef(text)
    assert set(cli_startup._KEPT_CODE) == set(texts) - {"x" * 300}
    monkeypatch.setattr(typing, "compile", cli_startup._kept_compile, raising=False)
    with pytest.raises(SyntaxError):
        typing.ForwardRef("a b")
    assert "a b" not in cli_startup._KEPT_CODE
    # any other call is compile's own, without this module's __future__ flags
    assert cli_startup._kept_compile("x: int = 1", "<string>", "exec").co_flags == 0  # (no CO_FUTURE_ANNOTATIONS)
    assert cli_startup._kept_compile("1", "<string>", "eval", 0).co_flags == 0
    assert cli_startup._kept_compile("1", "f.py", "eval") == compile("1", "f.py", "eval", dont_inherit=True)


def test_the_command_line_keeps_annotations_code(monkeypatch: pytest.MonkeyPatch) -> None:
    import disclosure_lint.cli as cli
    from disclosure_lint import recache

    monkeypatch.setattr(cli, "main", lambda: None)
    monkeypatch.setattr(recache, "install", lambda: None)
    monkeypatch.setattr(typing, "compile", compile, raising=False)
    cli_startup.main()
    assert typing.compile is cli_startup._kept_compile  # type: ignore[attr-defined]
