"""Shapes the code keeps (issue 9): one home per idea.

* Each kind is declared ``class X(Kind[XOptions])`` with ``Options = XOptions``: the type parameter (what
  ``self.options`` is typed as) and the model the engine validates a rule's options with agree.
* The severities have one definition (``diagnostics.Severity``); their labels and styles cover exactly them.
* Rule option defaults have one home, the kind's ``Options`` model: a rule file sets only what differs.
* The statistics tables' ids and names have one home (``report.catalogue``): no other module writes them.
"""

import ast
from pathlib import Path
from typing import get_args, get_origin

import pytest

from disclosure_lint.cli import FailOn
from disclosure_lint.diagnostics import CATEGORIES, CATEGORY_ZH, SEVERITIES, SEVERITY_RANK, SEVERITY_ZH
from disclosure_lint.kinds import all_kinds, get_kind
from disclosure_lint.kinds.base import Kind
from disclosure_lint.packs import load_rules
from disclosure_lint.report import catalogue
from disclosure_lint.report.stats.schema import SCHEMAS
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
    assert set(CATEGORY_ZH) == set(CATEGORIES)


def test_table_ids_and_names_have_one_home():
    assert catalogue.TABLE_IDS == ("s2", "s3", "s4")
    assert catalogue.TABLE_SHORT_NAMES == {"s2": "表二", "s3": "表三", "s4": "表四"}
    assert catalogue.TABLE_NAMES["s2"] == "二、主动公开政府信息情况"
    assert all(sch.title == catalogue.TABLE_TITLES[tid] for (tid, _), sch in SCHEMAS.items())


def test_no_module_but_the_catalogue_names_a_table_itself():
    """表二/表三/表四 and the table-id tuple are written only in report/catalogue.py; every other module
    takes them from there (a string literal that *is* a short name, or a TABLE_NAMES/SHORT_NAMES/TABLE_IDS
    assignment, elsewhere is a second home)."""
    src = Path(catalogue.__file__).resolve().parent.parent
    short = set(catalogue.TABLE_SHORT_NAMES.values())
    found = []
    for path in sorted(src.rglob("*.py")):
        if path.name == "catalogue.py" and path.parent.name == "report":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and node.value in short:
                found.append(f"{path.relative_to(src)}:{node.lineno} {node.value!r}")
            elif isinstance(node, ast.Assign):
                for t in node.targets:
                    if isinstance(t, ast.Name) and t.id.endswith(("TABLE_NAMES", "SHORT_NAMES", "TABLE_IDS", "TABLE_TITLES")):
                        found.append(f"{path.relative_to(src)}:{node.lineno} {t.id} =")
    assert not found, found


def test_rule_files_do_not_restate_their_kinds_defaults():
    restated = []
    for rule in load_rules():
        options = get_kind(rule.spec.kind).Options
        for key, value in rule.spec.options.items():
            if getattr(options.model_validate({key: value}), key) == options.model_fields[key].get_default(
                    call_default_factory=True):
                restated.append(f"{rule.code}.{key}")
    assert restated == []
