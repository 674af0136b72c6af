"""The result cache: a hit gives the same output without checking again; a change of the file's bytes, of the
configuration or of the tool checks it again; a planted or broken cache entry is data that is ignored
(recomputed), never code that runs; results carry the path as given in this run."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from disclosure_lint import cache as cache_mod
from disclosure_lint.api import Checker
from disclosure_lint.cache import ResultCache, RunOptions
from disclosure_lint.cli import app

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def calls(monkeypatch):
    """How many files were really checked (not taken from the cache)."""
    seen: list[str] = []
    real = Checker.check_file

    def counting(self, path, walked=False):
        seen.append(path)
        return real(self, path, walked)

    monkeypatch.setattr(Checker, "check_file", counting)
    monkeypatch.delenv("DISCLOSURE_LINT_NO_CACHE", raising=False)
    return seen


def _run(tmp_path: Path, *args: str) -> tuple[str, int]:
    res = CliRunner().invoke(app, ["check", "-f", "json", "--jobs", "1", "--cache-dir", str(tmp_path / "cache"),
                                   *args])
    return res.stdout, res.exit_code


def _reports(tmp_path: Path) -> Path:
    d = tmp_path / "r"
    d.mkdir()
    shutil.copy(ROOT / "examples" / "defective-2023.md", d / "a.md")
    shutil.copy(ROOT / "examples" / "clean-2023.md", d / "b.md")
    return d


def test_hit_gives_the_same_output(tmp_path, calls):
    d = _reports(tmp_path)
    first = _run(tmp_path, str(d))
    assert len(calls) == 2 and list((tmp_path / "cache").rglob("*.json"))
    assert (tmp_path / "cache" / "CACHEDIR.TAG").is_file() and (tmp_path / "cache" / ".gitignore").is_file()
    assert _run(tmp_path, str(d)) == first and len(calls) == 2  # nothing checked again


def test_a_doc_in_a_folder_is_cached_like_any_file(tmp_path, calls):
    """A .doc is read for what its bytes are (readers.sniff): a page named .doc is checked, a Word 97–2003 file
    too, plain text under the name skipped; the results come from the cache the second time."""
    d = _reports(tmp_path)
    page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + "".join(
        f"<p>{line}</p>" for line in (ROOT / "examples" / "clean-2023.md").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("|")) + "</body></html>"
    (d / "c.doc").write_text(page, encoding="utf-8")
    (d / "d.doc").write_bytes("纯文本".encode())
    (d / "e.doc").write_bytes((ROOT / "tests" / "fixtures" / "doc" / "clean-2023.doc").read_bytes())
    first = _run(tmp_path, str(d))
    files = {Path(f["path"]).name: f for f in json.loads(first[0])["files"]}
    assert "DL004" in [x["code"] for x in files["c.doc"]["diagnostics"]] and files["d.doc"]["skipped"]
    assert files["e.doc"]["format"] == "doc" and files["e.doc"]["diagnostics"] == []
    assert len(calls) == 5
    assert _run(tmp_path, str(d)) == first and len(calls) == 5


def test_the_path_is_this_runs(tmp_path, calls, monkeypatch):
    d = _reports(tmp_path)
    _run(tmp_path, str(d / "a.md"))
    monkeypatch.chdir(d)
    out, _code = _run(tmp_path, "./a.md")
    doc = json.loads(out)
    assert len(calls) == 1  # a hit: the same file, another spelling of its path
    assert doc["files"][0]["path"] == "./a.md"


def test_invalidated_by_bytes_config_and_tool(tmp_path, calls, monkeypatch):
    d = _reports(tmp_path)
    first = _run(tmp_path, str(d / "a.md"))
    (d / "a.md").write_text((d / "a.md").read_text(encoding="utf-8") + "\n本机关2023年,另有说明。\n", encoding="utf-8")
    changed = _run(tmp_path, str(d / "a.md"))
    assert len(calls) == 2 and changed != first
    (d / ".disclosure-lint.yaml").write_text("ignore: [DL701]\n", encoding="utf-8")
    configured = _run(tmp_path, str(d / "a.md"))
    assert len(calls) == 3 and '"DL701"' not in configured[0]
    _run(tmp_path, str(d / "a.md"), "--select", "DL2")
    assert len(calls) == 4  # --select is part of the key
    monkeypatch.setattr(cache_mod, "__version__", "999.0")
    cache_mod.tool_fingerprint.cache_clear()
    try:
        assert _run(tmp_path, str(d / "a.md")) == configured and len(calls) == 5
    finally:
        cache_mod.tool_fingerprint.cache_clear()


def test_invalidated_by_a_library_upgraded_in_place(tmp_path, calls, monkeypatch):
    """A reader library upgraded (or removed) where the dependencies are installed changes the key: the file is read
    again, not answered from a result its old version gave."""
    d = _reports(tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    (site / "markdown_it_py-3.0.0.dist-info").mkdir()
    (site / "markdown_it").mkdir()
    real = cache_mod.dependencies_fingerprint
    monkeypatch.setattr(cache_mod, "dependencies_fingerprint", lambda: real(str(site)))
    first = _run(tmp_path, str(d / "a.md"))
    assert _run(tmp_path, str(d / "a.md")) == first and len(calls) == 1  # a hit
    (site / "markdown_it_py-3.0.0.dist-info").rename(site / "markdown_it_py-4.0.0.dist-info")
    real.cache_clear()  # (a new process lists the directory again)
    assert _run(tmp_path, str(d / "a.md")) == first and len(calls) == 2  # read again
    # the real one: the names of the distributions beside pydantic, listed once (no package imported)
    fp = real()
    assert len(fp) == 64 and fp == real() and real(str(tmp_path / "missing")) == hashlib.sha256(b"").hexdigest()


def test_no_cache_and_env(tmp_path, calls, monkeypatch):
    d = _reports(tmp_path)
    _run(tmp_path, str(d), "--no-cache")
    assert not (tmp_path / "cache").exists()
    monkeypatch.setenv("DISCLOSURE_LINT_NO_CACHE", "1")
    _run(tmp_path, str(d))
    assert not (tmp_path / "cache").exists() and len(calls) == 4


class _Boom:
    def __reduce__(self):
        return (os.system, (f"touch {self.target}",))

    def __init__(self, target: str):
        self.target = target


def test_planted_entry_cannot_run_code(tmp_path, calls):
    d = _reports(tmp_path)
    report = str(d / "a.md")
    first = _run(tmp_path, report)
    [entry] = list((tmp_path / "cache").rglob("*.json"))
    key = entry.stem
    stored = json.loads(entry.read_text(encoding="ascii"))
    assert stored["key"] == key
    witness = tmp_path / "pwned"
    for planted in [pickle.dumps(_Boom(str(witness))), b"{not json", b"[" * 100_000, b"",
                    json.dumps({"format": 1, "key": key, "result": {"path": "", "diagnostics": [
                        {"code": "DL999", "__class__": "os.system"}]}}).encode(),
                    json.dumps({"format": 1, "key": "other", "result": stored["result"]}).encode(),
                    # the right format and key, but cross-report facts the hook could not read
                    json.dumps({"format": cache_mod.FORMAT, "key": key,
                                "result": {**stored["result"], "facts": {"~packed": [{}, "eA=="]}}}).encode(),
                    # … or packed texts that are not base64 (b64decode would raise)
                    json.dumps({"format": cache_mod.FORMAT, "key": key, "result": {**stored["result"], "facts": {
                        "~packed": [*stored["result"]["facts"]["~packed"][:1], ["abc", "e A=="],
                                    *stored["result"]["facts"]["~packed"][2:]]}}}).encode()]:
        entry.write_bytes(planted)
        os.chmod(entry, 0o644)
        assert _run(tmp_path, report) == first  # recomputed (and stored again)
        assert json.loads(entry.read_text(encoding="ascii"))["key"] == key
    assert not witness.exists()
    assert len(calls) == 9
    # a planted entry that is a link, or writable by others, is not read either
    entry.chmod(0o666)
    _run(tmp_path, report)
    assert len(calls) == 10
    good = tmp_path / "good.json"
    shutil.copy(entry, good)
    entry.unlink()
    entry.symlink_to(good)
    _run(tmp_path, report)
    assert len(calls) == 11


def test_concurrent_runs_share_a_cache(tmp_path):
    """Two runs writing the same cache at once both print what a run without the cache prints, and leave
    only whole entries (no temporary file)."""
    import subprocess
    import sys

    d = _reports(tmp_path)
    for i in range(6):
        shutil.copy(d / "a.md", d / f"a{i}.md")
    env = {k: v for k, v in os.environ.items() if k != "DISCLOSURE_LINT_NO_CACHE"}
    base = [sys.executable, "-m", "disclosure_lint", "check", "-f", "json", "--jobs", "1"]
    plain = subprocess.run([*base, "--no-cache", str(d)], capture_output=True, text=True, env=env, timeout=300).stdout
    runs = [subprocess.Popen([*base, "--cache-dir", str(tmp_path / "cache"), str(d)], stdout=subprocess.PIPE,
                             text=True, env=env) for _ in range(2)]
    outs = [p.communicate(timeout=300)[0] for p in runs]
    assert outs == [plain, plain]
    entries = list((tmp_path / "cache").rglob("*.json"))
    assert len(entries) == 8 and not list((tmp_path / "cache").rglob(".tmp-*"))
    assert all(json.loads(p.read_text(encoding="ascii"))["key"] == p.stem for p in entries)


def test_key_is_content_and_configuration(tmp_path):
    d = _reports(tmp_path)
    checker = Checker(isolated=True)
    a = ResultCache(str(tmp_path / "c"), RunOptions(isolated=True))
    b = ResultCache(str(tmp_path / "c"), RunOptions(isolated=True, keep_view=True))
    ka, kb = a.key(checker, str(d / "a.md"), False), b.key(checker, str(d / "a.md"), False)
    assert ka and kb and ka != kb  # whether the report's view is wanted is part of the key
    assert a.key(checker, str(d / "a.md"), True) != ka  # found by walking a folder: may be skipped
    assert a.key(checker, str(d / "missing.md"), False) is None
    assert len(ka) == len(hashlib.sha256().hexdigest())


def test_cache_with_jobs_2(tmp_path, monkeypatch):
    """Workers store what they checked; a warm run answers every file from the cache in the parent (no entry
    is written again) and prints the same."""
    import subprocess
    import sys

    d = _reports(tmp_path)
    (d / "c.md").write_text((d / "a.md").read_text(encoding="utf-8").replace("2023", "2022"), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "DISCLOSURE_LINT_NO_CACHE"}

    def run() -> str:
        return subprocess.run([sys.executable, "-m", "disclosure_lint", "check", "-f", "json", "--jobs", "2",
                               "--cache-dir", str(tmp_path / "cache"), str(d)], capture_output=True, text=True,
                              env=env, timeout=300).stdout

    cold = run()
    entries = {p: p.stat().st_ino for p in (tmp_path / "cache").rglob("*.json")}
    assert len(entries) == 3
    assert run() == cold
    assert {p: p.stat().st_ino for p in (tmp_path / "cache").rglob("*.json")} == entries  # none rewritten
    one = subprocess.run([sys.executable, "-m", "disclosure_lint", "check", "-f", "json", "--jobs", "1", "--no-cache",
                          str(d)], capture_output=True, text=True, env=env, timeout=300).stdout
    assert one == cold


def test_trim_removes_the_entries_unused_the_longest(tmp_path):
    root = tmp_path / "c"
    for i in range(10):
        p = root / f"{i:02d}" / f"{i:02d}{'0' * 62}.json"
        p.parent.mkdir(parents=True)
        p.write_bytes(b"x" * 1000)
        os.utime(p, ns=(i * 10**9, i * 10**9))
    cache_mod.trim(str(root), limit=6000)
    left = sorted(p.name[:2] for p in root.rglob("*.json"))
    assert left == ["06", "07", "08", "09"]  # down to three quarters of the limit, oldest first
    cache_mod.trim(str(root), limit=6000)
    assert len(list(root.rglob("*.json"))) == 4  # under the limit: nothing removed


def test_a_stored_results_facts_are_packed_and_read_back_as_they_were(tmp_path):
    """The cache stores a result's cross-report facts packed (compressed once, when stored); the hook holds the same
    facts from a hit as from the check itself."""
    from disclosure_lint.batch.findings import PACKED, Facts

    d = _reports(tmp_path)
    options = RunOptions(isolated=True)
    checker = options.checker()
    rc = ResultCache(str(tmp_path / "cache"), options)
    path = str(d / "a.md")
    plain = checker.check_file(path)
    assert plain.facts and PACKED not in plain.facts
    first = rc.check(checker, path)
    hit = rc.check(checker, path)
    assert rc.hits == 1
    for got in (first, hit):
        assert got.facts is not None and set(got.facts) == {PACKED}
        assert Facts.of(got.facts).as_dict() == plain.facts
    assert [x.to_json() for x in hit.diagnostics] == [x.to_json() for x in plain.diagnostics]
