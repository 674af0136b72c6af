"""Each kind is declared ``class X(Kind[XOptions])`` with ``Options = XOptions``: the type parameter (what
``self.options`` is typed as) and the model the engine validates a rule's options with agree."""

from typing import get_args, get_origin

import pytest

from disclosure_lint.kinds import all_kinds
from disclosure_lint.kinds.base import Kind


def _options_parameter(cls: type) -> type:
    for klass in cls.__mro__:
        for base in klass.__dict__.get("__orig_bases__", ()):
            origin = get_origin(base)
            if isinstance(origin, type) and issubclass(origin, Kind):
                (arg,) = get_args(base)
                if isinstance(arg, type):
                    return arg
    raise AssertionError(f"{cls.__name__} does not name its options type: class X(Kind[XOptions])")


@pytest.mark.parametrize("name", sorted(all_kinds()))
def test_kind_options_match_type_parameter(name):
    cls = all_kinds()[name]
    assert issubclass(cls.Options, _options_parameter(cls)), (cls.__name__, cls.Options)
