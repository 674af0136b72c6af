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


# The dataclasses a check makes at start-up whose instances are never compared or hashed: made with eq=False, they
# have no generated __eq__ (nor, the frozen ones, __hash__) — one or two methods fewer to compile for each, at every
# start.  Found by counting the calls of every generated __eq__/__hash__ over the whole test suite and the
# same-findings corpus (362 files of every format): none for these.  Equality and hashing are then by identity.
EQ_FREE = {
    "disclosure_lint.api": ["RunResult"],
    "disclosure_lint.baseline": ["Baseline", "Outcome"],
    "disclosure_lint.batch.findings": ["Found", "Report"],
    "disclosure_lint.cache": ["RunOptions"],
    "disclosure_lint.config": ["LoadedConfig"],
    "disclosure_lint.engine": ["ActiveRule"],
    "disclosure_lint.kinds.base": ["FixEdit", "Hit"],
    "disclosure_lint.model": ["HiddenItem", "PageLink", "SkippedPage"],
    "disclosure_lint.packs": ["LoadedRule"],
    "disclosure_lint.readers.html_tables": ["CellBudget", "FragmentTable"],
    "disclosure_lint.readers.html_text": ["Item"],
    "disclosure_lint.report.annual": ["Overrides"],
    "disclosure_lint.report.brackets": ["BracketPair", "Brackets", "Mark", "Unbalanced"],
    "disclosure_lint.report.candidate": ["Candidate"],
    "disclosure_lint.report.claim_types": ["Analysis", "Statement"],
    "disclosure_lint.report.count_lists": ["CountList"],
    "disclosure_lint.report.enumeration": ["EnumBreak", "EnumRun"],
    "disclosure_lint.report.gambling_context": ["Described"],
    "disclosure_lint.report.hidden": ["HiddenElement", "HiddenLink"],
    "disclosure_lint.report.inline": ["Inline", "InlineHeading"],
    "disclosure_lint.report.portal": ["PortalMetadata"],
    "disclosure_lint.report.proactive_claims": ["ProactiveClaim"],
    "disclosure_lint.report.promotions": ["Phrase", "Promotion"],
    "disclosure_lint.report.prose_reading": ["ProseView"],
    "disclosure_lint.report.prose_sum_model": ["ProseSum"],
    "disclosure_lint.report.rates": ["Rate"],
    "disclosure_lint.report.repeats": ["Item", "Run"],
    "disclosure_lint.report.stats.identities": ["Blame", "Explanation", "IdentityChecks", "Move", "_Plan"],
    "disclosure_lint.report.stats.label_typos": ["LabelTypo"],
    "disclosure_lint.report.stats.labels": ["Part"],
    "disclosure_lint.report.stats.misplaced": ["Rearrangement"],
    "disclosure_lint.report.stats.model": ["StatTable"],
    "disclosure_lint.report.stats.schema": ["ColSpec", "TableSchema"],
    "disclosure_lint.report.stats.segments": ["Segment"],
    "disclosure_lint.report.stats.table3": ["Ctx"],
    "disclosure_lint.report.stats.tail": ["TailLine"],
    "disclosure_lint.report.structure": ["Structure", "SubRun"],
    "disclosure_lint.report.truncation": ["Truncation"],
    "disclosure_lint.report.unread": ["UnreadTable"],
    "disclosure_lint.report.writing": ["Doubled"],
    "disclosure_lint.report.year": ["YearDecision"],
    "disclosure_lint.suppressions": ["Directive", "Ineffective", "SuppressionPolicy", "_Open"],
    "disclosure_lint.tally": ["BodyTally", "Tally"],
}


def _eq_free_classes() -> list[type]:
    import importlib

    return [getattr(importlib.import_module(mod), name) for mod, names in EQ_FREE.items() for name in names]


def test_the_never_compared_dataclasses_make_no_eq_or_hash():
    import dataclasses

    classes = _eq_free_classes()
    assert len(classes) == 68
    for cls in classes:
        assert dataclasses.is_dataclass(cls) and cls.__dataclass_params__.eq is False, cls  # type: ignore[attr-defined]
        assert "__eq__" not in vars(cls) and "__hash__" not in vars(cls), cls
        assert all("__eq__" not in vars(base) for base in cls.__mro__[1:-1]), cls  # identity, not a base's fields


def _check_outputs(folder: Path) -> list[str]:
    from typer.testing import CliRunner

    from disclosure_lint.cli import app

    runner = CliRunner()
    env = {"DISCLOSURE_LINT_NO_CACHE": "1", "NO_COLOR": "1", "COLUMNS": "160"}
    outs = []
    for fmt in ("json", "console", "sarif", "csv"):
        res = runner.invoke(app, ["check", "--jobs", "1", "--statistics", "-f", fmt, str(folder)], env=env)
        assert res.exit_code in (0, 1), res.output
        outs.append(res.stdout)
    return outs


def test_a_check_never_compares_nor_hashes_them(tmp_path, monkeypatch):
    """Every such class given an __eq__ and a __hash__ that fail: a check of generated reports, the examples and the
    fixtures (Markdown, text, HTML) in four formats prints what it prints without them (no rule failure, DL000)."""
    import shutil

    from .benchgen import generated

    for name, text in generated(24):
        (tmp_path / name).write_text(text, encoding="utf-8")
    for p in [*sorted((ROOT / "examples").glob("*-2023.md")), *sorted((ROOT / "tests" / "fixtures").rglob("*"))]:
        if p.is_file() and p.suffix in (".md", ".txt", ".html", ".htm"):
            shutil.copy(p, tmp_path / f"{p.parent.name}-{p.name}")
    expected = _check_outputs(tmp_path)

    def refuse(self, *_args):
        raise AssertionError(f"{type(self).__name__} compared or hashed")

    for cls in _eq_free_classes():
        monkeypatch.setattr(cls, "__eq__", refuse, raising=False)
        monkeypatch.setattr(cls, "__hash__", refuse, raising=False)
    guarded = _check_outputs(tmp_path)
    assert guarded == expected
    assert '"DL000"' not in expected[0] and '"code": "DL' in expected[0]


_NO_DOC = """
import dataclasses, json, sys
made = []  # the package's dataclasses made in this process without a docstring of their own
_process_class = dataclasses._process_class
def spy(cls, *args):
    if cls.__module__.startswith("disclosure_lint") and not cls.__dict__.get("__doc__"):
        made.append(f"{cls.__module__}.{cls.__qualname__}")
    return _process_class(cls, *args)
dataclasses._process_class = spy
sys.argv = ["disclosure-lint", "check", "-q", "--no-cache", sys.argv[1]]
from disclosure_lint import cli_startup
try:
    cli_startup.main()
except SystemExit:
    pass
print(json.dumps(made))
"""


def test_the_dataclasses_a_check_makes_have_docstrings(tmp_path):
    """A dataclass without a docstring gets one from ``inspect.signature`` when it is made (≈ 75 µs, for each of
    the ≈ 50 that a check made at every start): every one a check makes has its own."""
    out = _run(_NO_DOC, str(EXAMPLE), env=_env(tmp_path))
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []
