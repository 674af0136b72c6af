"""The command line's cache of compiled regular expressions (:mod:`disclosure_lint.recache`): a pattern made from
the cache is the pattern ``re`` compiles (equal: same flags, groups and matcher code), and a file that is not
the tool's own is not used."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from disclosure_lint import recache

ROOT = Path(__file__).resolve().parent.parent
PATTERNS = [
    ("", 0), ("abc", 0), (r"(?P<y>\d{4})年(?P<m>\d{1,2})月", 0), (r"(?<![一二])三(?!四)", 0), ("[\ud800-\udfff]", 0),
    (r"(?i)ABC|def", 0), ("x+", int(re.IGNORECASE | re.MULTILINE)), (r"^\s*#+\s*(.*?)\s*$", int(re.M)),
    (r"[\u3000\s]+", 0), (r"(a)(b)?(?(2)c|d)", 0), (r"\b\w+\b", int(re.ASCII)), ("。|；", int(re.DOTALL)),
]  # flags as re._compile passes them on: plain ints


@pytest.fixture
def state(tmp_path, monkeypatch):
    st = recache._State(tmp_path / "regex-test.json")
    monkeypatch.setattr(recache, "_state", st)
    return st


def test_patterns_from_the_cache_are_the_patterns_re_compiles(state):
    made = [recache._compile(p, f) for p, f in PATTERNS]
    assert state.added == len(PATTERNS)
    recache._save()
    loaded = recache._load(state.path)
    assert set(loaded) == set(PATTERNS)
    for (p, f), first in zip(PATTERNS, made, strict=True):
        again = recache._from_entry(p, loaded[(p, f)])
        fresh = recache._original(p, f)
        assert again == fresh == first and again.groupindex == fresh.groupindex and again.groups == fresh.groups
    state.entries = loaded
    state.added = 0
    assert [recache._compile(p, f) for p, f in PATTERNS] == made and state.added == 0


def test_a_cache_entry_the_matcher_refuses_is_compiled_afresh(state):
    state.entries[("abc", 0)] = ["abc", 0, 32, "01000000020000000300000", 0, {}, [None]]
    assert recache._compile("abc", 0) == recache._original("abc", 0)
    state.entries[("abc", 0)] = ["abc", 0, 32, "010000000200000003000000", 0, {}, [None]]
    assert recache._compile("abc", 0) == recache._original("abc", 0)


def test_a_malformed_or_foreign_file_is_not_used(tmp_path):
    path = tmp_path / "regex-x.json"
    path.write_text(json.dumps([["abc", "0", 32, "00", 0, {}, [None]], [["a"], 0], ["a", 0, 32, "00", 0, {}, [None]], 3]))
    os.chmod(path, 0o600)
    assert list(recache._load(path)) == [("a", 0)]
    with pytest.raises((TypeError, ValueError, RuntimeError)):
        recache._from_entry("a", recache._load(path)[("a", 0)])
    os.chmod(path, 0o666)
    assert recache._load(path) == {}
    path.write_text("not json")
    os.chmod(path, 0o600)
    assert recache._load(path) == {}


def test_the_command_line_gives_the_same_result_with_the_cache_written_and_read(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DISCLOSURE_LINT_NO_CACHE"}
    env["XDG_CACHE_HOME"] = str(tmp_path)
    cmd = [sys.executable, "-m", "disclosure_lint", "check", "-f", "json", "--no-cache",
           str(ROOT / "examples" / "defective-2023.md")]
    first = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path)
    files = list((tmp_path / "disclosure-lint").glob("regex-*.json"))
    assert len(files) == 1 and len(json.loads(files[0].read_text())) > 100
    second = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path)
    assert first.returncode == second.returncode == 1 and first.stdout == second.stdout and first.stdout
