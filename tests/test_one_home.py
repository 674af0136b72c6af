"""Shapes the code keeps (issue 9): one home per idea.

* Each kind is declared ``class X(Kind[XOptions])`` with ``Options = XOptions``: the type parameter (what
  ``self.options`` is typed as) and the model the engine validates a rule's options with agree.
* The severities have one definition (``diagnostics.Severity``); their labels and styles cover exactly them.
"""

from typing import get_args, get_origin

import pytest

from disclosure_lint.cli import FailOn
from disclosure_lint.diagnostics import SEVERITIES, SEVERITY_RANK, SEVERITY_ZH
from disclosure_lint.kinds import all_kinds
from disclosure_lint.kinds.base import Kind
from disclosure_lint.reporters.console import SEVERITY_STYLE


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


def test_severities_have_one_home():
    assert [m.value for m in FailOn] == list(SEVERITIES)
    assert set(SEVERITY_RANK) == set(SEVERITY_ZH) == set(SEVERITY_STYLE) == set(SEVERITIES)
