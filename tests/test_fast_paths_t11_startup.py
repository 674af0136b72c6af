"""Start-up of the command line (round 11): what a plain Markdown check imports and does before its first file.

* The garbage collector is paused while :mod:`disclosure_lint.cli_startup` imports the tool, and what the imports
  made is frozen (``gc.freeze``), then the collector runs again: no collection while the tool is imported, the
  collector enabled when the command runs, the same output.
* The modules only other commands or options need (``--fix``/``--diff``, ``--shard``, ``merge``, ``rules``,
  ``explain``, ``init``, ``stats``) are imported where they are used; those commands still work.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "clean-2023.md"
LAZY = ["disclosure_lint.fixer", "disclosure_lint.merge", "disclosure_lint.docs", "disclosure_lint.init_config",
        "disclosure_lint.schemas", "disclosure_lint.stats_db_schema", "disclosure_lint.shard"]


def _run(code: str, *args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120,
                          cwd=cwd, env=env)


def _env(tmp_path: Path) -> dict:
    return dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "xdg"), NO_COLOR="1")


_WATCH = """
import gc, json, sys
seen = []  # per collection once cli_startup.main has begun (recache imported): was cli fully imported then?
gc.callbacks.append(lambda phase, info: phase == "start" and "disclosure_lint.recache" in sys.modules
                    and seen.append(hasattr(sys.modules.get("disclosure_lint.cli"), "_tolerant_streams")))
sys.argv = ["disclosure-lint", *sys.argv[1:]]
from disclosure_lint import cli_startup
code = 0
try:
    cli_startup.main()
except SystemExit as exc:
    code = exc.code
print(json.dumps({"during_import": seen.count(False), "after": seen.count(True), "enabled": gc.isenabled(),
                  "frozen": gc.get_freeze_count(), "code": code}), file=sys.stderr)
"""


def _watched(tmp_path: Path, *args: str) -> tuple[dict, str]:
    out = _run(_WATCH, *args, env=_env(tmp_path))
    return json.loads(out.stderr.strip().splitlines()[-1]), out.stdout


def test_no_collection_while_the_tool_is_imported_and_the_collector_runs_after(tmp_path):
    state, _ = _watched(tmp_path, "check", "-q", str(EXAMPLE))
    assert state["code"] == 0 and state["during_import"] == 0
    assert state["enabled"] is True and state["frozen"] > 10_000  # the tool's modules, frozen


def test_a_check_prints_the_same_as_the_plain_cli(tmp_path):
    """cli_startup's paused and frozen collector changes nothing a check prints (cli.main imported as is)."""
    plain = ("import sys\nsys.argv = ['disclosure-lint', *sys.argv[1:]]\nfrom disclosure_lint.cli import main\n"
             "try:\n    main()\nexcept SystemExit as exc:\n    print('exit', exc.code)\n")
    for args in (["check", str(EXAMPLE)], ["check", "-f", "json", str(EXAMPLE)], ["check", "--no-cache", str(EXAMPLE)]):
        state, out = _watched(tmp_path, *args)
        ref = _run(plain, *args, env=_env(tmp_path))
        assert out == ref.stdout.replace(f"exit {state['code']}\n", "")


def test_a_markdown_check_does_not_import_the_other_commands_modules():
    code = ("import json, sys\n"
            "from disclosure_lint.cli import main\n"
            f"sys.argv = ['disclosure-lint', 'check', '-q', {str(EXAMPLE)!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            f"print(json.dumps([m for m in {LAZY!r} if m in sys.modules]))\n")
    out = _run(code)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


def test_the_commands_that_import_them_on_demand_still_work(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from disclosure_lint.cli import app
    from disclosure_lint.fixer import FIXABLE_EXTENSIONS as of_fixer
    from disclosure_lint.fixspan import FIXABLE_EXTENSIONS

    assert of_fixer is FIXABLE_EXTENSIONS and ".md" in FIXABLE_EXTENSIONS and ".docx" not in FIXABLE_EXTENSIONS
    runner = CliRunner()
    report = tmp_path / "r.md"
    report.write_text(EXAMPLE.read_text(encoding="utf-8") + "\n本机关机关的信息。\n", encoding="utf-8")
    env = {"XDG_CACHE_HOME": str(tmp_path / "xdg"), "NO_COLOR": "1"}
    diff = runner.invoke(app, ["check", "--diff", str(report)], env=env)
    assert diff.exit_code in (0, 1) and "Traceback" not in diff.output
    shard = runner.invoke(app, ["check", "-q", "--shard", "1/2", str(EXAMPLE)], env=env)
    assert shard.exit_code in (0, 1), shard.output
    first = runner.invoke(app, ["check", "-f", "json", str(EXAMPLE)], env=env)
    (tmp_path / "a.json").write_text(first.stdout, encoding="utf-8")
    merged = runner.invoke(app, ["merge", "-q", str(tmp_path / "a.json")], env=env)
    assert merged.exit_code in (0, 1), merged.output
    rules = runner.invoke(app, ["rules", "-f", "json"], env=env)
    assert rules.exit_code == 0 and json.loads(rules.stdout)[0]["summary"]
    explain = runner.invoke(app, ["explain", "DL103"], env=env)
    assert explain.exit_code == 0 and explain.stdout.strip()
    stats = runner.invoke(app, ["stats", str(EXAMPLE), "-o", str(tmp_path / "s.csv")], env=env)
    assert stats.exit_code == 0, stats.output
    monkeypatch.chdir(tmp_path)
    init = runner.invoke(app, ["init"], env=env)
    assert init.exit_code == 0 and (tmp_path / ".disclosure-lint.yaml").is_file()


def _fingerprint_as_before(package: Path) -> str:
    """cache.tool_fingerprint before round 11 (os.path.relpath per file)."""
    import hashlib

    from disclosure_lint import __version__

    h = hashlib.sha256(__version__.encode())
    roots = [package]
    rules = package.parent.parent / "rules"
    if rules.is_dir():
        roots.append(rules)
    for root in roots:
        for d, dirs, names in os.walk(root):
            dirs[:] = sorted(x for x in dirs if x != "__pycache__")
            for n in sorted(names):
                if n.endswith((".py", ".yaml", ".yml", ".json")):
                    try:
                        st = os.stat(os.path.join(d, n))
                    except OSError:
                        continue
                    h.update(f"|{os.path.relpath(os.path.join(d, n), root)}|{st.st_size}|{st.st_mtime_ns}".encode())
    return h.hexdigest()


def test_the_tool_fingerprint_is_the_one_made_before(tmp_path, monkeypatch):
    from disclosure_lint import cache

    cache.tool_fingerprint.cache_clear()
    try:
        assert cache.tool_fingerprint() == _fingerprint_as_before(cache._PACKAGE)
        # a tree of nested directories, names with dots and spaces, __pycache__ left out, a rules/ beside src/
        pkg = tmp_path / "src" / "pkg"
        for rel in ["a.py", "b.json", "c.txt", "sub/x.yaml", "sub/deeper/y.yml", "sub/deeper/z z.py", "s.d/t.py",
                    "__pycache__/q.py", "sub/__pycache__/r.py"]:
            (pkg / rel).parent.mkdir(parents=True, exist_ok=True)
            (pkg / rel).write_text(rel, encoding="utf-8")
        for rel in ["DL1.yaml", "pack/DL2.yaml", "pack/readme.md"]:
            (tmp_path / "rules" / rel).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / "rules" / rel).write_text(rel, encoding="utf-8")
        monkeypatch.setattr(cache, "_PACKAGE", pkg)
        cache.tool_fingerprint.cache_clear()
        assert cache.tool_fingerprint() == _fingerprint_as_before(pkg)
        (pkg / "sub" / "deeper" / "y.yml").write_text("changed", encoding="utf-8")
        cache.tool_fingerprint.cache_clear()
        assert cache.tool_fingerprint() == _fingerprint_as_before(pkg)
    finally:
        cache.tool_fingerprint.cache_clear()


def _plain(value: object, depth: int = 0) -> object:
    """A comparable form of what typer built: objects by their type and attributes, functions by their name."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v, depth + 1) for k, v in value.items()}
    if isinstance(value, type) or (callable(value) and not hasattr(value, "__dict__")):
        return repr(value)
    if callable(value) and hasattr(value, "__qualname__"):
        return f"function {value.__qualname__}"
    if hasattr(value, "__dict__") and depth < 6:
        return {"type": type(value).__name__, **{k: _plain(v, depth + 1) for k, v in vars(value).items()}}
    return repr(value)


def _commands_info(app) -> object:
    import typer.main

    group = typer.main.get_command(app)
    return _plain({name: {k: v for k, v in vars(cmd).items() if k != "callback"}
                   for name, cmd in group.commands.items()})


def test_the_commands_built_from_the_annotations_as_objects_are_the_ones_built_from_strings():
    """cli.py's annotations are objects (no ``from __future__ import annotations``): typer builds the same commands
    (every option's names, type, default, help, flags) as from the string annotations it had before."""
    import importlib.util

    from disclosure_lint import cli

    source = Path(cli.__file__).read_text(encoding="utf-8")
    assert "\nfrom __future__ import annotations\n" not in source
    head, sep, rest = source.partition("\nimport errno\n")
    assert sep
    spec = importlib.util.spec_from_loader("disclosure_lint._cli_as_strings", loader=None)
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "disclosure_lint"
    exec(compile(head + "\nfrom __future__ import annotations\n" + sep + rest, cli.__file__, "exec"), vars(module))
    some = cli.check.__annotations__["paths"]
    assert not isinstance(some, str) and isinstance(module.check.__annotations__["paths"], str)
    assert _commands_info(cli.app) == _commands_info(module.app)
