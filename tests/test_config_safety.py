"""Issue 8, configurations and rule files: untrusted input with a bound on every dimension.

A ``.disclosure-lint.yaml`` (or a rule pack it names) can sit in any checked folder, so it is hostile
input like a report: deep nesting (exit 139 before), alias bombs, huge or special files, ``packs: ['/']``,
message placeholders with format specs (GBs of padding), regular expressions that backtrack for ever.
Each hostile case runs the real CLI in a subprocess with a timeout and a memory bound, so that a crash
or a blow-up fails the test instead of killing pytest.
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from disclosure_lint.api import Checker
from disclosure_lint.config import Config
from disclosure_lint.engine import prepare
from disclosure_lint.errors import ConfigError
from disclosure_lint.packs import load_rules
from disclosure_lint.report.claim_context import DEFAULT_SCOPE, scope_regex

from .conftest import first_fast, lint
from .test_cli import invoke
from .test_text_vs_proactive import report as proactive_report
from .test_text_vs_table import report as stats_report

ROOT = Path(__file__).resolve().parent.parent
DEFECTIVE = (ROOT / "examples" / "defective-2023.md").read_text(encoding="utf-8")
CLEAN = (ROOT / "examples" / "clean-2023.md").read_text(encoding="utf-8")


def _limit_memory() -> None:  # runs in the child before exec
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))


def cli(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {**os.environ, "DISCLOSURE_LINT_NO_CACHE": "1", "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-c", "from disclosure_lint.cli import main; main()", *args],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout,
                          preexec_fn=_limit_memory)


def write(p: Path, text: str) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def two_folders(tmp_path: Path, bad_config: str, name: str = ".disclosure-lint.yaml") -> Path:
    """``bad/`` (a report under a hostile configuration) and ``good/`` (a report with none)."""
    write(tmp_path / "bad" / name, bad_config)
    write(tmp_path / "bad" / "defective-2023.md", DEFECTIVE)
    write(tmp_path / "good" / "defective-2023.md", DEFECTIVE)
    return tmp_path


def assert_one_line(res: subprocess.CompletedProcess, *needles: str) -> None:
    assert res.returncode == 2, (res.returncode, res.stderr[-2000:])
    assert "Traceback" not in res.stderr and "Error:" not in res.stderr.replace("配置错误", "")
    for n in needles:
        assert n in res.stderr, res.stderr[-2000:]


def assert_good_checked(res: subprocess.CompletedProcess) -> None:
    """The JSON output still holds the good folder's findings."""
    data = json.loads(res.stdout)
    good = [f for f in data["files"] if f["path"].startswith("good")]
    assert good and good[0]["diagnostics"], data["files"]


# -- 1. nesting, size, aliases, special files -------------------------------------------------

@pytest.mark.parametrize("text", first_fast([
    "select: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "options: " + "{a: " * 100_000 + "1" + "}" * 100_000 + "\n",
    "".join(" " * i + "a:\n" for i in range(200)),
]), ids=["flow-sequences", "flow-mappings", "block-mappings"])
def test_deeply_nested_config_is_one_line_and_other_files_run(tmp_path, text):
    two_folders(tmp_path, text)
    res = cli("check", "-f", "json", "bad", "good", cwd=tmp_path)
    assert_one_line(res, ".disclosure-lint.yaml", "嵌套层数超过上限")
    assert_good_checked(res)


def test_deeply_nested_rule_file_in_a_pack(tmp_path):
    write(tmp_path / ".disclosure-lint.yaml", "packs: [pack]\n")
    write(tmp_path / "pack" / "r.yaml", "id: " + "[" * 100_000 + "]" * 100_000 + "\n")
    write(tmp_path / "r.md", DEFECTIVE)
    res = cli("check", "r.md", cwd=tmp_path)
    assert_one_line(res, "r.yaml", "嵌套层数超过上限")


def test_alias_bomb_is_refused(tmp_path):
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    two_folders(tmp_path, "options:\n  DL701:\n" + "".join(f"    {x}\n" for x in lines))
    res = cli("check", "-f", "json", "bad", "good", cwd=tmp_path)
    assert_one_line(res, ".disclosure-lint.yaml", "锚点别名")
    assert_good_checked(res)


def test_small_aliases_still_work(tmp_path):
    write(tmp_path / ".disclosure-lint.yaml", "ignore: &off [DL701]\nselect: null\n")
    lc = Checker().config_for(str(write(tmp_path / "r.md", DEFECTIVE)))
    assert lc.config.ignore == ["DL701"]


def test_huge_config_is_refused_before_parsing(tmp_path):
    two_folders(tmp_path, "# " + "x" * (2 * 1024 * 1024) + "\n")
    res = cli("check", "-f", "json", "bad", "good", cwd=tmp_path)
    assert_one_line(res, ".disclosure-lint.yaml", "过大")
    assert_good_checked(res)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_config_that_is_a_fifo_does_not_hang(tmp_path):
    fifo = tmp_path / "cfg.yaml"
    os.mkfifo(fifo)
    write(tmp_path / "r.md", DEFECTIVE)
    res = cli("check", "--config", str(fifo), "r.md", cwd=tmp_path, timeout=30)
    assert_one_line(res, "cfg.yaml", "不是普通文件")


# -- 2. pyproject.toml ----------------------------------------------------------------------

@pytest.mark.parametrize("text,needle", first_fast([
    ("# [tool.disclosure-lint]\ntool = 3\n", "tool 应为表"),
    ("# [tool.disclosure-lint]\n[tool]\ndisclosure-lint = [1, 2]\n", "[tool.disclosure-lint] 应为表"),
    ("[tool.disclosure-lint]\nselect = [\n", "TOML 语法错误"),
    ("[tool.disclosure-lint]\nx = " + "[" * 5000 + "]" * 5000 + "\n", "TOML 嵌套层数过多"),
    ("[tool.disclosure-lint]\n# " + "x" * (2 * 1024 * 1024) + "\n", "过大"),
]), ids=["tool-int", "section-array", "broken", "nested", "huge"])
def test_bad_pyproject_is_one_line(tmp_path, text, needle):
    two_folders(tmp_path, text, name="pyproject.toml")
    res = cli("check", "-f", "json", "bad", "good", cwd=tmp_path)
    assert_one_line(res, "pyproject.toml", needle)
    assert_good_checked(res)


# -- 3. packs ------------------------------------------------------------------------------

@pytest.mark.parametrize("packs", first_fast(["['/']", "['../../..']", "['..']"]))
def test_pack_outside_the_config_tree_is_refused(tmp_path, packs):
    two_folders(tmp_path, f"packs: {packs}\n")
    res = cli("check", "-f", "json", "bad", "good", cwd=tmp_path)
    assert_one_line(res, ".disclosure-lint.yaml", "不在配置文件所在目录")
    assert_good_checked(res)


def test_pack_symlinked_outside_is_refused(tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    two_folders(tmp_path, "packs: [link]\n")
    (tmp_path / "bad" / "link").symlink_to(outside, target_is_directory=True)
    res = cli("check", "bad", cwd=tmp_path)
    assert_one_line(res, "不在配置文件所在目录")


def test_rule_file_symlinked_outside_its_pack_is_refused(tmp_path):
    secret = write(tmp_path / "secret.yaml", "id: XX001\n")
    two_folders(tmp_path, "packs: [pack]\n")
    (tmp_path / "bad" / "pack").mkdir()
    (tmp_path / "bad" / "pack" / "r.yaml").symlink_to(secret)
    res = cli("check", "bad", cwd=tmp_path)
    assert_one_line(res, "r.yaml", "规则包", "之外")


def test_pack_that_is_a_file_or_a_symlink_loop(tmp_path):
    two_folders(tmp_path, "packs: [p.yaml]\n")
    write(tmp_path / "bad" / "p.yaml", "x: 1\n")
    assert_one_line(cli("check", "bad", cwd=tmp_path), "规则包应为目录")
    (tmp_path / "bad" / ".disclosure-lint.yaml").write_text("packs: [loop]\n", encoding="utf-8")
    (tmp_path / "bad" / "loop").symlink_to(tmp_path / "bad" / "loop")
    res = cli("check", "bad", cwd=tmp_path, timeout=30)
    assert_one_line(res, ".disclosure-lint.yaml", "规则包")


def test_directory_loop_inside_a_pack_is_not_followed(tmp_path):
    two_folders(tmp_path, "packs: [pack]\n")
    pack = tmp_path / "bad" / "pack"
    pack.mkdir()
    (pack / "again").symlink_to(pack, target_is_directory=True)
    res = cli("check", "-f", "json", "bad", cwd=tmp_path, timeout=30)
    assert res.returncode == 1 and "Traceback" not in res.stderr  # an empty pack: the report is checked


def test_pack_with_too_many_files_is_refused(tmp_path, monkeypatch):
    from disclosure_lint import packs

    monkeypatch.setattr(packs, "MAX_PACK_ENTRIES", 50)
    pack = tmp_path / "pack"
    pack.mkdir()
    for i in range(60):
        (pack / f"n{i}.txt").write_text("", encoding="utf-8")
    write(tmp_path / ".disclosure-lint.yaml", "packs: [pack]\n")
    f = write(tmp_path / "r.md", DEFECTIVE)
    res = Checker().check_file(str(f))
    assert res.error and "规则包中的文件和目录超过 50 个" in res.error


def test_a_configuration_that_fails_to_load_is_not_loaded_again_for_each_file(tmp_path, monkeypatch):
    """A folder governed by a configuration whose pack is over its bounds: each of its files gets the error, and the
    pack is walked once, not once per file (a folder of 100,000 files walked the pack 100,000 times: minutes)."""
    from disclosure_lint import packs

    monkeypatch.setattr(packs, "MAX_PACK_ENTRIES", 5)
    pack = tmp_path / "pack"
    pack.mkdir()
    for i in range(10):
        (pack / f"n{i}.txt").write_text("", encoding="utf-8")
    write(tmp_path / ".disclosure-lint.yaml", "packs: [pack]\n")
    reports = [write(tmp_path / f"r{i}.md", DEFECTIVE) for i in range(4)]
    walks = []
    real = packs._pack_files
    monkeypatch.setattr(packs, "_pack_files", lambda *a, **k: walks.append(1) or real(*a, **k))
    checker = Checker()
    results = [checker.check_file(str(f)) for f in reports]
    assert all(r.error and "规则包中的文件和目录超过 5 个" in r.error for r in results)
    assert len(walks) == 1


@pytest.mark.slow
def test_pack_with_100000_files_is_refused_quickly(tmp_path):
    pack = tmp_path / "bad" / "pack"
    pack.mkdir(parents=True)
    for i in range(100_000):
        (pack / f"n{i}.txt").touch()
    two_folders(tmp_path, "packs: [pack]\n")
    res = cli("check", "-f", "json", "bad", "good", cwd=tmp_path)
    assert_one_line(res, "规则包中的文件和目录超过")
    assert_good_checked(res)


# -- 4. message placeholders -----------------------------------------------------------------

RULE = """id: XX001
name: our-term
kind: existence
category: writing
severity: warning
message: "{message}"
options: {{terms: [政府信息]}}
docs: {{what: a, why: b, basis: c}}
"""


@pytest.mark.parametrize("message", first_fast([
    "x{match:>999999999}", "{match!r}", "{0.__class__}", "{match.__class__.__mro__}", "{match[0]}", "{}", "{0}",
]))
def test_message_placeholder_with_format_spec_is_refused(tmp_path, message):
    write(tmp_path / "pack" / "r.yaml", RULE.format(message=message))
    write(tmp_path / ".disclosure-lint.yaml", "packs: [pack]\n")
    write(tmp_path / "r.md", DEFECTIVE)
    res = cli("check", "r.md", cwd=tmp_path)
    assert_one_line(res, "r.yaml", "message", "只能写 {名称}")


def test_plain_placeholders_still_work(tmp_path):
    write(tmp_path / "pack" / "r.yaml", RULE.format(message="用语“{match}”（{agency}，{year}年度，{{原样}}）"))
    write(tmp_path / ".disclosure-lint.yaml", "packs: [pack]\n")
    f = write(tmp_path / "r.md", DEFECTIVE)
    diags = [d for d in Checker().check_file(str(f)).diagnostics if d.code == "XX001"]
    assert diags and diags[0].message.startswith("用语“政府信息”（") and diags[0].message.endswith("年度，{原样}）")


def test_format_message_never_evaluates_specs():
    from disclosure_lint.packs import format_message

    assert format_message("{match:>999999999}|{match!r}|{x.y}|{match}", {"match": "m"}) == \
        "{match}|{match}|{x.y}|m"


# -- 5. user regular expressions ---------------------------------------------------------------

def _regex_rule(tmp_path: Path, options: str, timeout_ms: int = 50) -> None:
    write(tmp_path / "pack" / "r.yaml", RULE.format(message="x{match}").replace(
        "options: {terms: [政府信息]}", f"options: {options}"))
    write(tmp_path / ".disclosure-lint.yaml", f"packs: [pack]\nlimits: {{pattern_timeout_ms: {timeout_ms}}}\n")


@pytest.mark.parametrize("options", first_fast([
    r"{patterns: ['(\w+\s?)+$']}",
    r"{patterns: ['政府信息'], exceptions: ['(\w+\s?)+$']}",
]))
def test_catastrophic_pattern_stops_its_rule_not_the_run(tmp_path, options):
    _regex_rule(tmp_path, options)
    write(tmp_path / "long.md", "# 2023年度政府信息公开工作年度报告\n\n政府信息" + "a" * 5000 + "!\n")
    write(tmp_path / "defective-2023.md", DEFECTIVE)
    res = cli("check", "-f", "json", "long.md", "defective-2023.md", cwd=tmp_path)
    assert "Traceback" not in res.stderr
    data = json.loads(res.stdout)
    long, other = data["files"]
    timeouts = [d for d in long["diagnostics"] if d["code"] == "DL000"]
    assert len(timeouts) == 1 and "XX001" in timeouts[0]["message"] and "毫秒内未完成匹配" in timeouts[0]["message"]
    assert any(d["code"] != "XX001" for d in other["diagnostics"])  # the other rules and files ran


def test_catastrophic_pattern_in_a_substitution_rule(tmp_path):
    write(tmp_path / "pack" / "r.yaml", RULE.format(message="x{match}").replace("kind: existence", "kind: substitution")
          .replace("options: {terms: [政府信息]}", r"options: {swap: {'(\w+\s?)+$': 'y'}}"))
    write(tmp_path / ".disclosure-lint.yaml", "packs: [pack]\nlimits: {pattern_timeout_ms: 50}\n")
    f = write(tmp_path / "long.md", "# 2023年度政府信息公开工作年度报告\n\n" + "a" * 5000 + "!\n")
    diags = Checker().check_file(str(f)).diagnostics
    assert [d.code for d in diags if "毫秒内未完成匹配" in d.message] == ["DL000"]


def test_catastrophic_pattern_in_a_config_override_of_a_builtin_rule(tmp_path):
    write(tmp_path / ".disclosure-lint.yaml", """
limits: {pattern_timeout_ms: 50}
options:
  DL601: {ignore: ['(\\w+\\s?)+$']}
""")
    text = "# 2023年度政府信息公开工作年度报告\n\n" + ("a" * 3000 + "!\n\n") * 2
    f = write(tmp_path / "long.md", text)
    diags = Checker().check_file(str(f)).diagnostics
    assert any(d.code == "DL000" and "DL601" in d.message and "毫秒内未完成匹配" in d.message for d in diags)


_SLOW = "a" * 3000  # ``(a+)+$`` on it backtracks for ever in plain re


def _timeouts(diags, code: str) -> list[str]:
    return [d.message for d in diags if d.code == "DL000" and code in d.message and "毫秒内未完成匹配" in d.message]


@pytest.mark.parametrize("code", ["DL230", "DL233", "DL241"])
def test_catastrophic_scope_pattern_stops_its_rule(code):
    text = stats_report(_SLOW + "本年新收政府信息公开申请58件，上年结转3件。" + _SLOW + "新收自然人申请20件，均获维持。")
    cfg = Config.model_validate({"limits": {"pattern_timeout_ms": 50},
                                 "options": {code: {"scope_patterns": ["(a+)+$"]}}})
    assert len(_timeouts(lint(text, select=[code], config=cfg), code)) == 1


def test_catastrophic_proactive_scope_pattern_stops_its_rule():
    text = proactive_report(_SLOW + "本年制发行政规范性文件3件，废止1件，现行有效12件。")
    cfg = Config.model_validate({"limits": {"pattern_timeout_ms": 50},
                                 "options": {"DL239": {"scope_patterns": ["(a+)+$"]}}})
    assert len(_timeouts(lint(text, select=["DL239"], config=cfg), "DL239")) == 1


def test_catastrophic_spam_pattern_stops_its_rule():
    text = "# 某某局2023年政府信息公开工作年度报告\n\n本年主动公开文件12件，" + _SLOW + "!\n"
    cfg = Config.model_validate({"limits": {"pattern_timeout_ms": 50}, "options": {"DL501": {"patterns": ["(a+)+$"]}}})
    assert len(_timeouts(lint(text, select=["DL501"], config=cfg), "DL501")) == 1


def test_builtin_scope_and_spam_patterns_stay_plain_re():
    assert isinstance(scope_regex(list(DEFAULT_SCOPE)), re.Pattern)
    assert not isinstance(scope_regex(["其他口径"]), re.Pattern)
    spam = [a for a in prepare(load_rules(), Config()) if a.rule.code == "DL501"]
    assert spam and isinstance(spam[0].kind._re, re.Pattern)


def test_builtin_patterns_stay_plain_re():
    import re

    from disclosure_lint.config import Config
    from disclosure_lint.engine import prepare
    from disclosure_lint.packs import load_rules

    active = prepare(load_rules(), Config())
    gen = [a for a in active if a.rule.spec.kind in ("existence", "substitution")]
    assert gen and all(isinstance(p, re.Pattern) for a in gen for p, _ in getattr(a.kind, "_swaps", []))


@pytest.mark.parametrize("pattern,needle", first_fast([
    ("(a{60000}){60000}", "展开后超过"),
    ("x" * 20_000, "过长"),
    ("(unclosed", "无效"),
]))
def test_pattern_that_cannot_be_bounded_is_refused_at_load(tmp_path, pattern, needle):
    _regex_rule(tmp_path, "{patterns: ['" + pattern + "']}")
    write(tmp_path / "r.md", DEFECTIVE)
    res = cli("check", "r.md", cwd=tmp_path)
    assert_one_line(res, "r.yaml", needle)


# -- 6. discovered configurations are named; --isolated ------------------------------------------

# a benign config: in this process (the CLI's start adds nothing here)
def test_discovered_config_is_named_and_isolated_ignores_it(tmp_path):
    write(tmp_path / ".disclosure-lint.yaml", "select: []\n")  # a subordinate turns every check off
    write(tmp_path / "defective-2023.md", DEFECTIVE)
    res = invoke("check", "defective-2023.md", cwd=tmp_path)
    assert res.exit_code == 0
    assert f"配置：{tmp_path / '.disclosure-lint.yaml'}" in res.stdout.splitlines()[0]
    res = invoke("check", "-f", "json", "defective-2023.md", cwd=tmp_path)
    assert json.loads(res.stdout)["configs"] == [str(tmp_path / ".disclosure-lint.yaml")]
    res = invoke("check", "--isolated", "-f", "json", "defective-2023.md", cwd=tmp_path)
    data = json.loads(res.stdout)
    assert res.exit_code == 1 and data["configs"] == [] and data["files"][0]["diagnostics"]


def test_isolated_keeps_an_explicit_config(tmp_path):
    write(tmp_path / ".disclosure-lint.yaml", "select: []\n")
    ours = write(tmp_path / "ours" / "cfg.yaml", "ignore: [DL701]\n")
    write(tmp_path / "defective-2023.md", DEFECTIVE)
    res = invoke("check", "--isolated", "--config", str(ours), "-f", "json", "defective-2023.md", cwd=tmp_path)
    data = json.loads(res.stdout)
    codes = {d["code"] for d in data["files"][0]["diagnostics"]}
    assert data["configs"] == [str(ours)] and codes and "DL701" not in codes


def test_a_broken_explicit_config_still_stops_the_run(tmp_path):
    cfg = write(tmp_path / "cfg.yaml", "select: [[[\n")
    write(tmp_path / "r.md", DEFECTIVE)
    res = cli("check", "--config", str(cfg), "r.md", cwd=tmp_path)
    assert_one_line(res, "cfg.yaml", "YAML 语法错误")


# -- 7. folders nested 1,100 deep ------------------------------------------------------------------

def test_config_found_upward_from_a_folder_1100_deep(tmp_path):
    write(tmp_path / ".disclosure-lint.yaml", "ignore: [DL701]\n")
    deep = tmp_path
    for _ in range(1100):  # one level at a time: Path.mkdir(parents=True) recurses per level
        deep = deep / "d"
        deep.mkdir()
    f = deep / "defective-2023.md"
    f.write_text(DEFECTIVE, encoding="utf-8")
    try:
        checker = Checker()
        res = checker.check_file(str(f))
        assert res.error is None and res.diagnostics and "DL701" not in {d.code for d in res.diagnostics}
        assert checker.configs == [str(tmp_path / ".disclosure-lint.yaml")]
    finally:  # pytest's own clean-up (shutil.rmtree) recurses per level: remove the folders bottom-up here
        f.unlink()
        while deep != tmp_path:
            deep.rmdir()
            deep = deep.parent


# -- 8. numbers are finite and bounded ------------------------------------------------------------

@pytest.mark.parametrize("text,name", first_fast([
    ("limits: {max_file_size_mb: .inf}\n", ".disclosure-lint.yaml"),
    ("max_file_size_mb: .nan\n", ".disclosure-lint.yaml"),
    ("[tool.disclosure-lint.limits]\nmax_file_size_mb = inf\n", "pyproject.toml"),
    ("[tool.disclosure-lint]\nmax_file_size_mb = nan\n", "pyproject.toml"),
    ("limits: {pattern_timeout_ms: 1000000000000}\n", ".disclosure-lint.yaml"),
]))
def test_infinite_or_huge_limits_are_refused(tmp_path, text, name):
    two_folders(tmp_path, text, name=name)
    res = cli("check", "-f", "json", "bad", "good", cwd=tmp_path)
    assert_one_line(res, name)
    assert_good_checked(res)


@pytest.mark.parametrize("options", first_fast(["DL601: {min_chars: 1000000000000}", "DL802: {entries: [{since: 2020, "
                                     "replacement: x, terms: [y], window: 1000000000000}]}",
                                     "DL601: {min_chars: .inf}"]))
def test_huge_numbers_in_rule_options_are_refused(tmp_path, options):
    two_folders(tmp_path, f"options:\n  {options}\n")
    res = cli("check", "-f", "json", "bad", "good", cwd=tmp_path)
    assert_one_line(res, ".disclosure-lint.yaml")
    assert_good_checked(res)


@pytest.mark.parametrize("text", first_fast(["packs: [" + ", ".join(["."] * 100) + "]\n",
                                  "ignore: [" + ", ".join(["DL701"] * 5000) + "]\n"]))
def test_long_lists_in_config_are_refused(tmp_path, text):
    two_folders(tmp_path, text)
    res = cli("check", "-f", "json", "bad", "good", cwd=tmp_path)
    assert_one_line(res, ".disclosure-lint.yaml")
    assert_good_checked(res)


def test_config_error_helper_names_file():
    err = ConfigError("/x/.disclosure-lint.yaml", "嵌套层数超过上限 64，未读取", line=1)
    assert str(err).startswith("配置错误：/x/.disclosure-lint.yaml:1：")
