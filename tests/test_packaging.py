"""The built-in rule packs ship inside the installed package."""

from __future__ import annotations

from pathlib import Path

import disclosure_lint
from disclosure_lint.packs import builtin_rules, builtin_rules_dir

PKG = Path(disclosure_lint.__file__).resolve().parent
SOURCE_TREE = (PKG.parent.parent / "pyproject.toml").is_file() and PKG.parent.name == "src"


def test_builtin_rules_load():
    rules = builtin_rules()
    assert len(rules) >= 20
    assert {r.spec.category for r in rules} >= {"structure", "self-reference", "date", "content-safety",
                                                  "duplication", "typography", "terminology"}


def test_rules_are_package_data_when_installed():
    if SOURCE_TREE:
        # editable install / PYTHONPATH=src: rules come from the checkout's rules/ directory
        assert builtin_rules_dir() == PKG.parent.parent / "rules"
    else:
        # a real (wheel) install, as in CI: rules must be inside the package
        assert builtin_rules_dir() == PKG / "rules"
        assert any((PKG / "rules").rglob("*.yaml"))
