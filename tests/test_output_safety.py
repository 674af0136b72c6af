"""What the tool writes and the cache it reads (issue 8): no code run from the cache, no traceback on
output that cannot be written, no markup or terminal control sequence from report text or file names."""

from __future__ import annotations

import csv
import io
import json
import os
import pickle
import subprocess
import sys
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from disclosure_lint.termsafe import terminal

from .conftest import first_fast

ROOT = Path(__file__).resolve().parent.parent
DEFECTIVE = ROOT / "examples" / "defective-2023.md"
CLEAN = ROOT / "examples" / "clean-2023.md"


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("DISCLOSURE_LINT_NO_CACHE", "1")
    env.pop("PYTHONIOENCODING", None)
    env.update(extra)
    return env


def run(args: list) -> tuple[int, str, str]:
    """Run the command line in this process (fast; for what does not depend on real streams)."""
    from typer.testing import CliRunner

    from disclosure_lint.cli import app

    res = CliRunner().invoke(app, [str(a) for a in args])
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    return res.exit_code, res.stdout, res.stderr


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


@pytest.mark.parametrize("content", first_fast([
    b"not json", b"", b"\xff\xfe", b"[" * 100000, b'{"format": 1, "rules": 3}',
    b'{"format": 1, "key": "x", "rules": [{"spec": {"id": 1}, "pack": "p", "source": "s"}]}']),
    ids=["not-json", "empty", "not-utf8", "deep", "rules-not-a-list", "bad-rule"])
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


# -- 3, 4. markup and terminal control sequences from report text and file names -----------------------

PACK_RULE = """\
id: XX101
name: quote-marker
kind: existence
category: writing
severity: warning
message: "出现：{match}"
options:
  patterns: ['标记[^。]*']
docs: {what: a, why: b, basis: c}
"""


def _quoting_setup(tmp_path: Path, inserted: str, name: str = "r.md") -> tuple[Path, Path]:
    """A clean report with ``标记<inserted>。`` in it, and a config whose rule quotes that text in its message."""
    (tmp_path / "pack" / "mine").mkdir(parents=True)
    (tmp_path / "pack" / "mine" / "x.yaml").write_text(PACK_RULE, encoding="utf-8")
    cfg = tmp_path / "cfg.yaml"
    cfg.write_text("packs: [pack]\n", encoding="utf-8")
    text = CLEAN.read_text(encoding="utf-8").replace("## 一、总体情况", f"## 一、总体情况\n\n标记{inserted}。\n", 1)
    report = tmp_path / name
    report.write_text(text, encoding="utf-8")
    return cfg, report


MARKUP = ["[/]", "[bold red]红色[/bold red]", "[link=http://x.example]点这里[/link]", "[/bold]", ":smile: [red"]


@pytest.mark.parametrize("inserted", MARKUP)
def test_markup_in_report_text_is_shown_as_written(tmp_path, inserted):
    cfg, report = _quoting_setup(tmp_path, inserted)
    code, out, err = run(["check", "-c", cfg, report])
    assert code == 0 and "Traceback" not in err, err
    assert f"出现：标记{inserted}" in out
    assert "\x1b" not in out


CONTROLS = {
    "clear screen": "\x1b[2J",
    "OSC 8 hyperlink": "\x1b]8;;http://evil.example\x1b\\点我\x1b]8;;\x1b\\",
    "C1 CSI": "\u009b31m",
    "NEL, BEL, BS": "\u0085\x07\x08",
    "bidi override": "\u202egnp.exe\u202c",
    "bidi isolate": "\u2066x\u2069",
    "line separator": "\u2028",
}


@pytest.mark.parametrize("seq", CONTROLS.values(), ids=CONTROLS.keys())
def test_control_sequences_in_report_text_are_escaped(tmp_path, seq):
    cfg, report = _quoting_setup(tmp_path, seq)
    code, out, err = run(["check", "-c", cfg, report])
    assert code == 0 and "Traceback" not in err
    unsafe = {ch for ch in seq if terminal(ch) != ch}
    assert unsafe and not any(ch in out for ch in unsafe)
    assert f"出现：标记{terminal(seq)}" in out  # shown escaped: \x1b, \x9b, \u202e …
    # JSON: valid, lossless, and no raw control, C1 or bidi character in the text
    code, raw, err = run(["check", "-f", "json", "-c", cfg, report])
    assert not any(ch in raw for ch in unsafe)
    msgs = [d["message"] for d in json.loads(raw)["files"][0]["diagnostics"]]
    assert f"出现：标记{seq}" in msgs


def _named_copies(tmp_path: Path, names: list[bytes]) -> list[bytes]:
    paths = []
    for n in names:
        p = os.path.join(os.fsencode(tmp_path), n)
        with open(p, "wb") as fh:
            fh.write(DEFECTIVE.read_bytes())
        paths.append(p)
    return paths


HOSTILE_NAMES = [b"\xff\xfe.md", b"\x1b[31mred\x1b[0m.md", "\u202egnp.md".encode(), b"[red]x[_].md",
                 "\u009b2J.md".encode(), b"a\nb.md"]


def test_hostile_file_names_are_shown_escaped_in_every_format(tmp_path):
    paths = _named_copies(tmp_path, HOSTILE_NAMES)
    res = cli(["check", *paths])
    out = res.stdout.decode("utf-8")  # valid UTF-8: the \xff byte is not written raw
    assert res.returncode == 1 and b"Traceback" not in res.stderr
    for shown in ("\\xff\\xfe.md", "\\x1b[31mred\\x1b[0m.md", "\\u202egnp.md", "[red]x[_].md", "\\x9b2J.md",
                  "a\\nb.md"):
        assert shown in out
    assert not any(ch in out for ch in "\x1b\u202e\u009b")
    res = cli(["check", "-f", "json", *paths])
    raw = res.stdout.decode("utf-8")
    assert not any(ch in raw for ch in "\x1b\u202e\u009b")
    got = {os.fsencode(f["path"]) for f in json.loads(raw)["files"]}
    assert got == set(paths)  # lossless: the JSON names the very files
    # the directory walk finds the same names
    res = cli(["check", "-f", "json", str(tmp_path)])
    assert {os.fsencode(f["path"]) for f in json.loads(res.stdout)["files"]} == set(paths)
    # the CI formats (issue 10): escaped where shown, lossless where the format can carry bytes
    shown = {"\\xff\\xfe.md", "\\x1b[31mred\\x1b[0m.md", "\\u202egnp.md", "[red]x[_].md", "\\x9b2J.md", "a\\nb.md"}
    for fmt in ("concise", "sarif", "github", "gitlab", "junit", "csv"):
        res = cli(["check", "-f", fmt, *paths])
        raw = res.stdout.decode("utf-8")
        assert res.returncode == 1 and b"Traceback" not in res.stderr, (fmt, res.stderr)
        assert not any(ch in raw for ch in "\x1b\u202e\u009b"), fmt
        if fmt == "sarif":  # percent-encoded URIs of the very bytes
            uris = {a["location"]["uri"] for a in json.loads(raw)["runs"][0]["artifacts"]}
            assert {urllib.parse.unquote_to_bytes(u).rsplit(b"/", 1)[1] for u in uris} == set(HOSTILE_NAMES)
        elif fmt == "gitlab":  # JSON: lossless, like -f json
            assert {os.fsencode(i["location"]["path"]) for i in json.loads(raw)} == set(paths)
        elif fmt == "junit":  # XML cannot carry them: shown escaped, and the document parses
            names = {c.get("name").rsplit("/", 1)[1] for c in ET.fromstring(raw).iter("testcase")}
            assert names == shown
        elif fmt == "csv":  # one row per file; a newline stays inside its quoted cell
            rows = list(csv.DictReader(io.StringIO(raw.removeprefix("\ufeff"))))
            assert {r["path"].rsplit("/", 1)[1] for r in rows} == shown - {"a\\nb.md"} | {"a\nb.md"}
        else:  # one line per finding: no raw newline from a name (github: %0A is GitHub's own escape)
            lines = [line for line in raw.splitlines() if not line.startswith("检查了")]  # concise: the summary
            assert all(line.startswith(("::", "/")) for line in lines), fmt
            # github: a newline in a name is GitHub's %0A (it names the real file), the rest termsafe's escapes
            names = shown if fmt == "concise" else shown - {"a\\nb.md"} | {"a%0Ab.md"}
            assert all(any(name in line for name in names) for line in lines), fmt


def test_stderr_lines_are_escaped(tmp_path):
    missing = os.path.join(os.fsencode(tmp_path), b"\x1b[2J\xff" + "\u202e".encode() + b".md")
    res = cli(["check", missing, str(CLEAN)])
    err = res.stderr.decode("utf-8")
    assert res.returncode == 2 and "Traceback" not in err
    assert "\\x1b[2J\\xff\\u202e.md" in err and not any(ch in err for ch in "\x1b\u202e")
    code, _out, err = run(["explain", "\x1b[2J[/]\u009b"])
    assert code == 2 and "\\x1b[2J[/]\\x9b" in err and "\x1b" not in err and "\u009b" not in err


@pytest.mark.parametrize("args", [["check", "--format", "\x1b[2J\u202e\u009b", "x.md"], ["\x1b[2J\u009bcmd"],
                                  ["check", "--bogus\x1b[2J", "x.md"]])
def test_usage_errors_are_escaped(args):
    code, out, err = run(args)
    assert code == 2
    assert not any(ch in out + err for ch in "\x1b\u202e\u009b")


def test_rules_and_explain_escape_a_user_packs_names_and_docs(tmp_path):
    pack = tmp_path / "\x1b[2Jpk"
    pack.mkdir()
    (pack / "x.yaml").write_text(PACK_RULE.replace("docs: {what: a, why: b, basis: c}",
                                                   'docs: {what: "\\e[2J[link=http://x]y[/link] [z](http://evil)", '
                                                   'why: "\\u202e", basis: c}'), encoding="utf-8")
    cfg = tmp_path / "cfg.yaml"
    cfg.write_text('packs: ["\\e[2Jpk"]\n', encoding="utf-8")
    for args in (["rules", "-c", str(cfg)], ["rules", "-f", "json", "-c", str(cfg)], ["explain", "XX101", "-c", str(cfg)]):
        code, out, err = run(args)
        assert code == 0, err
        assert "XX101" in out and not any(ch in out for ch in "\x1b\u202e")
    assert "[link=http://x]y[/link]" in out


def test_unsafe_set_covers_unicode_controls_and_format_characters():
    import unicodedata

    missed = [hex(cp) for cp in range(0x110000)
              if unicodedata.category(chr(cp)) in ("Cc", "Cf", "Cs", "Zl", "Zp") and chr(cp) not in "\t\n"
              and terminal(chr(cp)) == chr(cp)]
    assert missed == []
    assert terminal("中文 ABC\t[/] 😀") == "中文 ABC\t[/] 😀"  # ordinary text is left alone


# -- 2. output that cannot be written ----------------------------------------------------------------


def test_emoji_under_a_gbk_terminal(tmp_path):
    cfg, report = _quoting_setup(tmp_path, "😀\U0002a6a5")
    env = _env(PYTHONIOENCODING="gbk")
    res = cli(["check", "-c", str(cfg), str(report)], env=env)
    assert res.returncode == 0 and b"Traceback" not in res.stderr, res.stderr.decode("gbk", "replace")
    assert "出现：标记\\U0001f600\\U0002a6a5" in res.stdout.decode("gbk")
    res = cli(["check", "-f", "json", "-c", str(cfg), str(report)], env=env)
    assert res.returncode == 0 and b"Traceback" not in res.stderr
    doc = json.loads(res.stdout.decode("gbk"))
    assert "出现：标记😀\U0002a6a5" in [d["message"] for d in doc["files"][0]["diagnostics"]]
    missing = tmp_path / "😀缺失.md"
    res = cli(["check", str(missing)], env=env)
    assert res.returncode == 2 and "\\U0001f600缺失.md" in res.stderr.decode("gbk")
    res = cli(["rules"], env=env)
    assert res.returncode == 0 and b"Traceback" not in res.stderr


@pytest.mark.parametrize("args", first_fast([["check", str(DEFECTIVE)], ["check", "-f", "json", str(DEFECTIVE)],
                                             ["rules"], ["explain", "DL301"], ["stats", str(DEFECTIVE)]]))
def test_full_disk_on_stdout_is_one_line_and_exit_2(args):
    with open("/dev/full", "wb") as full:
        for unbuffered in ("1", "") if args[0] == "check" else ("",):
            res = cli(args, stdout=full, env=_env(PYTHONUNBUFFERED=unbuffered))
            err = res.stderr.decode("utf-8")
            assert res.returncode == 2, err
            assert err == "disclosure-lint: 无法写入标准输出：磁盘空间不足\n"


@pytest.mark.parametrize("args", first_fast([["check"], ["stats", "-f", "json"]]))
def test_closed_pipe_ends_quietly(tmp_path, args):
    files = [str(DEFECTIVE)] * 25  # well over a pipe's 64 KB
    for unbuffered in ("1", ""):
        cmd = " ".join(f"'{a}'" for a in [sys.executable, "-m", "disclosure_lint", *args, *files])
        res = subprocess.run(["bash", "-c", f"{cmd} | head -c 10 >/dev/null; echo ${{PIPESTATUS[0]}}"],
                             capture_output=True, env=_env(PYTHONUNBUFFERED=unbuffered), timeout=120)
        assert res.stdout.decode().strip() == "141"
        assert res.stderr == b""




PY = f"'{sys.executable}' -m disclosure_lint"


@pytest.mark.parametrize(("args", "code"), first_fast([
    (f"check '{DEFECTIVE}'", 2), (f"check -f json '{DEFECTIVE}'", 2), (f"stats '{DEFECTIVE}'", 2), ("rules", 2),
    (f"stats '{DEFECTIVE}' -o '{{tmp}}/x.csv'", 0)]), ids=["check", "check-json", "stats", "rules", "stats-o"])
def test_started_with_stdout_closed(tmp_path, args, code):
    res = subprocess.run(["bash", "-c", f"{PY} {args.replace('{tmp}', str(tmp_path))} >&-"], capture_output=True,
                         env=_env(), timeout=60)
    err = res.stderr.decode()
    assert res.returncode == code and "Traceback" not in err, err
    assert code == 0 or err == "disclosure-lint: 无法写入标准输出：标准输出已关闭\n"


def test_started_with_stderr_closed():
    res = subprocess.run(["bash", "-c", f"{PY} check /nonexistent.md 2>&-"], capture_output=True, env=_env(), timeout=60)
    assert res.returncode == 2 and "文件不存在" in res.stdout.decode()
