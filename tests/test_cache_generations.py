"""The tool's own cache files (the rules, the compiled patterns) keep a few generations: installs used in turn (a
pre-commit environment beside the user's own, two versions, two Pythons) each keep theirs instead of removing the
other's at every start."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from disclosure_lint import packs
from disclosure_lint.output import KEEP_GENERATIONS, write_cache_json


def test_the_newest_generations_are_kept_and_old_forms_removed(tmp_path: Path) -> None:
    folder = tmp_path / "disclosure-lint"
    folder.mkdir()
    olds = []
    for i in range(6):
        p = folder / f"rules-{i:020d}.json"
        p.write_text("{}", encoding="utf-8")
        os.utime(p, (1_000_000 + i, 1_000_000 + i))  # rules-5 written last
        olds.append(p)
    (folder / "rules-x.pickle").write_bytes(b"old form")
    (folder / "regex-1.json").write_text("[]", encoding="utf-8")  # (another cache's file: left alone)
    new = folder / "rules-new.json"
    write_cache_json(new, {"rules": []}, ("rules-*.json",), stale=("rules-*.pickle",))
    left = sorted(p.name for p in folder.iterdir())
    kept_old = [p.name for p in olds[-(KEEP_GENERATIONS - 1):]]
    assert left == sorted([*kept_old, "rules-new.json", "regex-1.json"])
    assert new.read_text(encoding="utf-8") == '{"rules":[]}'
    write_cache_json(new, {"rules": [1]}, ("rules-*.json",), keep=1)  # (one generation: the others go)
    assert sorted(p.name for p in folder.iterdir()) == ["regex-1.json", "rules-new.json"]


def test_two_installs_used_in_turn_keep_their_rule_caches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("DISCLOSURE_LINT_NO_CACHE", raising=False)
    key = {"now": "a" * 20}
    monkeypatch.setattr(packs, "_cache_key", lambda files: key["now"])
    loads = []
    original = packs._load_builtin
    monkeypatch.setattr(packs, "_load_builtin", lambda: loads.append(key["now"]) or original())
    try:
        for install in ("a", "b", "a", "b", "a"):
            key["now"] = install * 20
            packs.builtin_rules.cache_clear()
            assert packs.builtin_rules()
        assert loads == ["a" * 20, "b" * 20]  # each parsed its rules once, then read its own cache
        assert sorted(p.name for p in (tmp_path / "disclosure-lint").glob("rules-*.json")) == [
            f"rules-{'a' * 20}.json", f"rules-{'b' * 20}.json"]
    finally:
        packs.builtin_rules.cache_clear()
