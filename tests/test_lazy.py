"""``lazy.cached_property``: computed once per instance, kept in its ``__dict__``, nothing kept on an exception."""

from __future__ import annotations

import pytest

from disclosure_lint.lazy import cached_property


class _Thing:
    def __init__(self) -> None:
        self.calls = 0
        self.fail = False

    @cached_property
    def value(self) -> int:
        """The answer."""
        self.calls += 1
        if self.fail:
            raise ValueError("no")
        return 42


def test_computed_once_and_kept_in_the_instance():
    a, b = _Thing(), _Thing()
    assert a.value == 42 and a.value == 42 and a.calls == 1
    assert vars(a)["value"] == 42 and "value" not in vars(b) and b.value == 42 and b.calls == 1
    assert isinstance(_Thing.value, cached_property) and _Thing.value.__doc__ == "The answer."


def test_an_exception_keeps_nothing():
    t = _Thing()
    t.fail = True
    with pytest.raises(ValueError):
        _ = t.value
    assert "value" not in vars(t)
    t.fail = False
    assert t.value == 42 and t.calls == 2
