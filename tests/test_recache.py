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


def test_the_patterns_this_run_used_come_first_and_the_file_stays_bounded(state):
    old = {(f"old{i}", 0): [f"old{i}", 0, 32, "", 0, {}, []] for i in range(recache.MAX_ENTRIES)}
    state.entries = dict(old)
    recache._compile("fresh", 0)
    recache._compile("old7", 0)  # an entry of an earlier run (malformed here: compiled afresh and kept again)
    recache._save()
    kept = json.loads(state.path.read_text())
    assert len(kept) == 2 + recache.MAX_UNUSED
    assert [e[0] for e in kept[:2]] == ["fresh", "old7"]
    assert kept[2][0] == "old0" and ["old1499", 0] not in [e[:2] for e in kept]  # the oldest fell out


def test_a_file_of_mostly_unused_patterns_is_trimmed_even_when_nothing_was_added(state):
    state.entries = {(f"old{i}", 0): [f"old{i}", 0, 32, "", 0, {}, []] for i in range(recache.MAX_UNUSED + 1)}
    recache._save()
    assert len(json.loads(state.path.read_text())) == recache.MAX_UNUSED


def test_nothing_is_written_when_the_run_added_nothing(state):
    recache._compile("abc", 0)
    recache._save()
    state.path.unlink()
    state.added = 0
    recache._save()
    assert not state.path.exists()


def test_tokenizes_pattern_which_changes_from_run_to_run_is_not_kept(state):
    # tokenize builds its pattern from a set of string prefixes, in the set's order (the hash seed's)
    ns = {"__name__": "tokenize", "compile": recache._compile}
    exec("def asked():\n    return compile('(?:rb|Br|b)x', 0)", ns)
    assert ns["asked"]().match("rbx")
    assert state.added == 0 and not state.entries


def test_the_tools_own_patterns_do_not_depend_on_the_hash_seed(tmp_path):
    """A pattern built from a set in the set's order changes from run to run: never found in the cache, it was
    compiled again and the cache file rewritten by every run."""
    keys = []
    for seed in ("1", "2"):
        env = {k: v for k, v in os.environ.items() if k != "DISCLOSURE_LINT_NO_CACHE"}
        env.update(XDG_CACHE_HOME=str(tmp_path / seed), PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "disclosure_lint", "check", "-q", "--no-cache", str(ROOT / "examples")],
                       capture_output=True, env=env, timeout=120, cwd=tmp_path)
        files = list((tmp_path / seed / "disclosure-lint").glob("regex-*.json"))
        keys.append({(e[0], e[1]) for e in json.loads(files[0].read_text())})
    assert len(keys[0]) > 100 and keys[0] == keys[1], sorted(keys[0] ^ keys[1])[:3]
