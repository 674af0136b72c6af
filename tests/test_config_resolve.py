"""The configuration that applies to a file: the nearest configuration file above it, found once per directory.

``ConfigResolver`` keeps a file's configuration by its directory as named (a directory of a thousand reports costs
one stat per file); these tests pin that the answer is the same as a fresh walk for files, directories, nested and
sibling folders, and names given in different forms.
"""

from __future__ import annotations

import os
from pathlib import Path

from disclosure_lint.config import ConfigResolver, find_config


def _tree(tmp_path: Path) -> Path:
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / ".disclosure-lint.yaml").write_text("fail_on: warning\n", encoding="utf-8")
    (tmp_path / "a" / "deep" / ".disclosure-lint.yaml").write_text("fail_on: info\n", encoding="utf-8")
    for name in ("a/r.md", "a/deep/r.md", "b/r.md", "top.md"):
        (tmp_path / name).write_text("# 报告\n", encoding="utf-8")
    return tmp_path


def test_each_file_gets_its_nearest_configuration(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    resolver = ConfigResolver()
    want = {"a/r.md": "warning", "a/deep/r.md": "info", "a/deep": "info", "a": "warning"}
    for name, fail_on in want.items():
        for form in (str(root / name), root / name, os.path.join(str(root), *name.split("/"))):
            lc = resolver.for_path(form)
            assert lc.config.fail_on == fail_on, (name, form)
            assert lc.path == find_config(root / name)
    # a file without one above it inside the tree gets whatever is above tmp_path (usually the defaults), as a fresh
    # walk does
    for name in ("b/r.md", "top.md", "b"):
        lc = resolver.for_path(str(root / name))
        assert lc.path == find_config(root / name)


def test_a_directory_named_is_its_own_start(tmp_path: Path) -> None:
    """A directory's configuration is looked for in it, not in its parent (the directory itself is not a file)."""
    root = _tree(tmp_path)
    resolver = ConfigResolver()
    assert resolver.for_path(str(root / "a" / "deep")).config.fail_on == "info"
    assert resolver.for_path(str(root / "a" / "deep" / "r.md")).config.fail_on == "info"
    assert resolver.for_path(str(root / "a" / "r.md")).config.fail_on == "warning"


def test_relative_names_and_the_same_object(tmp_path: Path, monkeypatch) -> None:
    root = _tree(tmp_path)
    monkeypatch.chdir(root / "a")
    resolver = ConfigResolver()
    here = resolver.for_path("r.md")
    assert here.config.fail_on == "warning"
    assert resolver.for_path("deep/r.md").config.fail_on == "info"
    assert resolver.for_path(str(root / "a" / "r.md")) is here  # one configuration object per file found
    assert resolver.for_path("") is here  # an empty name is the current directory, as Path("") is
    assert resolver.applied == [str(root / "a" / ".disclosure-lint.yaml"), str(root / "a" / "deep" / ".disclosure-lint.yaml")]
