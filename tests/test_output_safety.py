"""What the tool writes and the cache it reads (issue 8): no code run from the cache, no traceback on
output that cannot be written, no markup or terminal control sequence from report text or file names."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEFECTIVE = ROOT / "examples" / "defective-2023.md"
CLEAN = ROOT / "examples" / "clean-2023.md"


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("DISCLOSURE_LINT_NO_CACHE", "1")
    env.pop("PYTHONIOENCODING", None)
    env.update(extra)
    return env


def cli(args: list, *, env: dict | None = None, cwd: Path | None = None, stdout=subprocess.PIPE,
        timeout: int = 60) -> subprocess.CompletedProcess:
    """Run the command line in a child process (real streams: encodings, pipes, /dev/full)."""
    return subprocess.run([sys.executable, "-m", "disclosure_lint", *args], stdout=stdout, stderr=subprocess.PIPE,
                          env=env or _env(), cwd=cwd, timeout=timeout)


# -- 1. the rule cache cannot run code ---------------------------------------------------------------


def _cache_env(tmp_path: Path) -> dict[str, str]:
    env = _env(XDG_CACHE_HOME=str(tmp_path / "cache"))
    env.pop("DISCLOSURE_LINT_NO_CACHE")
    return env


def _cache_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "disclosure-lint").glob("rules-*"))


def test_planted_cache_file_runs_nothing(tmp_path):
    env = _cache_env(tmp_path)
    first = cli(["check", "-f", "json", str(DEFECTIVE)], env=env)
    assert first.returncode == 1, first.stderr
    written = _cache_files(tmp_path)
    assert len(written) == 1  # the tool wrote its cache: that name is the one it reads
    marker = tmp_path / "marker"
    payload = b"c__builtin__\nopen\n(V" + str(marker).encode() + b"\nVw\ntR."  # unpickling creates the marker
    pickle.loads(payload).close()  # (the payload works: it does create the marker)
    assert marker.exists()
    marker.unlink()
    stem = written[0].name.split(".")[0]
    for suffix in (".pickle", ".json"):
        (written[0].parent / (stem + suffix)).write_bytes(payload)
    again = cli(["check", "-f", "json", str(DEFECTIVE)], env=env)
    assert not marker.exists()
    assert again.returncode == 1 and b"Traceback" not in again.stderr
    assert json.loads(again.stdout)["summary"] == json.loads(first.stdout)["summary"]


def test_planted_cache_json_cannot_change_the_rules(tmp_path):
    """A well-formed cache file is data only; one not owned by the user, or writable by others, is ignored."""
    env = _cache_env(tmp_path)
    first = cli(["check", "-f", "json", str(DEFECTIVE)], env=env)
    (cached,) = _cache_files(tmp_path)
    data = json.loads(cached.read_text(encoding="utf-8"))
    for entry in data["rules"]:
        entry["spec"]["enabled"] = False
    cached.write_text(json.dumps(data), encoding="utf-8")
    os.chmod(cached, 0o666)
    again = cli(["check", "-f", "json", str(DEFECTIVE)], env=env)
    assert json.loads(again.stdout)["summary"] == json.loads(first.stdout)["summary"]


@pytest.mark.parametrize("content", [b"", b"not json", b"\xff\xfe", b"[" * 100000, b'{"version": 1, "rules": 3}',
                                     b'{"version": 1, "key": "x", "rules": [{"spec": {"id": 1}}]}'])
def test_corrupt_cache_is_ignored_and_rewritten(tmp_path, content):
    env = _cache_env(tmp_path)
    first = cli(["check", "-f", "json", str(DEFECTIVE)], env=env)
    (cached,) = _cache_files(tmp_path)
    cached.write_bytes(content)
    again = cli(["check", "-f", "json", str(DEFECTIVE)], env=env)
    assert again.returncode == 1 and b"Traceback" not in again.stderr
    assert json.loads(again.stdout)["summary"] == json.loads(first.stdout)["summary"]
    (rewritten,) = _cache_files(tmp_path)
    assert json.loads(rewritten.read_bytes())["rules"]


def test_cache_path_that_is_not_a_regular_file_is_ignored(tmp_path):
    env = _cache_env(tmp_path)
    first = cli(["check", "-f", "json", str(CLEAN)], env=env)
    (cached,) = _cache_files(tmp_path)
    cached.unlink()
    os.mkfifo(cached)  # would block a plain open() forever
    again = cli(["check", "-f", "json", str(CLEAN)], env=env, timeout=30)
    assert again.returncode == first.returncode == 0
