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
                                                  "duplication", "typography", "terminology", "writing"}


def test_rules_are_package_data_when_installed():
    if SOURCE_TREE:
        # editable install / PYTHONPATH=src: rules come from the checkout's rules/ directory
        assert builtin_rules_dir() == PKG.parent.parent / "rules"
    else:
        # a real (wheel) install, as in CI: rules must be inside the package
        assert builtin_rules_dir() == PKG / "rules"
        assert any((PKG / "rules").rglob("*.yaml"))


def test_rule_cache_round_trip_and_corruption(tmp_path, monkeypatch):
    from disclosure_lint import packs

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("DISCLOSURE_LINT_NO_CACHE", raising=False)
    packs.builtin_rules.cache_clear()
    try:
        first = packs.builtin_rules()
        cached = list((tmp_path / "disclosure-lint").glob("rules-*.json"))
        assert len(cached) == 1
        packs.builtin_rules.cache_clear()
        assert [r.code for r in packs.builtin_rules()] == [r.code for r in first]
        cached[0].write_bytes(b"not json")  # a corrupt cache is ignored and rewritten
        packs.builtin_rules.cache_clear()
        assert [r.code for r in packs.builtin_rules()] == [r.code for r in first]
        assert cached[0].read_bytes() != b"not json"
        monkeypatch.setenv("DISCLOSURE_LINT_NO_CACHE", "1")
        packs.builtin_rules.cache_clear()
        assert len(packs.builtin_rules()) == len(first)
    finally:
        packs.builtin_rules.cache_clear()


def test_unwritable_cache_is_not_an_error(tmp_path, monkeypatch):
    from disclosure_lint import packs

    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where the directory should be
    monkeypatch.delenv("DISCLOSURE_LINT_NO_CACHE", raising=False)
    packs.builtin_rules.cache_clear()
    try:
        assert len(packs.builtin_rules()) >= 20
    finally:
        packs.builtin_rules.cache_clear()


def test_tests_keep_the_rule_cache_out_of_the_users_home():
    """conftest points XDG_CACHE_HOME at a temporary folder for the whole session (and its child runs)."""
    import os
    import tempfile

    assert os.environ["XDG_CACHE_HOME"].startswith(tempfile.gettempdir())
    assert "disclosure-lint-tests-cache-" in os.environ["XDG_CACHE_HOME"]


def test_json_schemas_ship_inside_the_package():
    """The config and rule-file schemas live in the package (src/disclosure_lint/schemas), so the wheel has them
    in every install; `disclosure-lint init` points the `$schema` line at the installed copy."""
    import json

    from disclosure_lint.schemas import CONFIG_SCHEMA, RULE_SCHEMA, SCHEMA_DIR

    assert SCHEMA_DIR == PKG / "schemas"
    for name in (CONFIG_SCHEMA, RULE_SCHEMA):
        schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
        assert schema["$schema"].startswith("https://json-schema.org/")
