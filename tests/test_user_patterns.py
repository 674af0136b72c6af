"""Regular expressions in options (rule packs, ``options:`` in a configuration) are checked when loaded.

Every option that holds a regular expression has one type (``kinds.base.UserPattern`` / ``PatternList``):
a bad pattern is a configuration error naming the file, the line and the key (exit 2), never a tool
problem (DL000) while checking, whichever kind compiles it and however late.
"""

from __future__ import annotations

import pytest
from pydantic import Field
from typer.testing import CliRunner

from disclosure_lint.cli import app
from disclosure_lint.config import Config
from disclosure_lint.kinds.base import KindOptions, PatternList, UserPattern

from .conftest import lint
from .test_text_vs_table import report as stats_report

runner = CliRunner()

BAD = "(unclosed"

# (rule code or kind, option key path under the rule's options, YAML of the options with {p} for the pattern)
OPTIONS = [
    ("existence", "patterns.0", "{{terms: [某词], patterns: ['{p}']}}"),
    ("existence", "exceptions.0", "{{terms: [某词], exceptions: ['{p}']}}"),
    ("substitution", "swap", "{{swap: {{'{p}': 替换}}}}"),
    ("substitution", "exceptions.0", "{{swap: {{旧: 新}}, exceptions: ['{p}']}}"),
    ("outdated-term", "entries.0.patterns.0", "{{entries: [{{patterns: ['{p}'], since: 2020, replacement: 新}}]}}"),
    ("outdated-term", "entries.0.near", "{{entries: [{{terms: [旧], near: '{p}', since: 2020, replacement: 新}}]}}"),
    ("outdated-term", "entries.0.unless", "{{entries: [{{terms: [旧], unless: '{p}', since: 2020, replacement: 新}}]}}"),
    ("outdated-term", "entries.0.contrast",
     "{{entries: [{{terms: [旧], contrast: '{p}', since: 2020, replacement: 新}}]}}"),
    ("repeated-paragraph", "ignore.0", "{{ignore: ['{p}']}}"),
    ("injected-spam", "patterns.0", "{{patterns: ['{p}']}}"),
    ("text-table-count", "scope_patterns.0", "{{scope_patterns: ['{p}']}}"),
    ("text-table-statement", "scope_patterns.0", "{{scope_patterns: ['{p}']}}"),
    ("text-table-percentage", "scope_patterns.0", "{{scope_patterns: ['{p}']}}"),
    ("text-table-applicant-count", "scope_patterns.0", "{{scope_patterns: ['{p}']}}"),
    ("text-table-proactive", "scope_patterns.0", "{{scope_patterns: ['{p}']}}"),
]
IDS = [f"{k}:{key}" for k, key, _ in OPTIONS]
# a built-in rule of each kind, for ``options:`` in a configuration
BUILTIN = {"outdated-term": "DL802", "repeated-paragraph": "DL601", "injected-spam": "DL501",
           "text-table-count": "DL236", "text-table-statement": "DL233", "text-table-percentage": "DL235",
           "text-table-applicant-count": "DL241", "text-table-proactive": "DL239"}

RULE = """\
id: XY001
name: my-rule
kind: {kind}
category: content-safety
severity: warning
message: "自定义规则"
docs: {{what: 自定义, why: 测试, basis: 内部规范}}
options: {options}
"""


def _run(tmp_path, *args: str):
    (tmp_path / "r.md").write_text("# 某某局2023年政府信息公开工作年度报告\n\n本年无事。\n", encoding="utf-8")
    return runner.invoke(app, ["check", "--config", str(tmp_path / ".disclosure-lint.yaml"), *args,
                               str(tmp_path / "r.md")])


def _assert_config_error(result, file: str, key: str, line: int):
    err = result.stderr
    assert result.exit_code == 2, result.output
    assert f"{file}:{line}" in err and key in err, err
    assert "正则表达式" in err and "无效" in err, err
    assert "DL000" not in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(("kind", "key", "options"), OPTIONS, ids=IDS)
def test_bad_pattern_in_a_rule_pack(tmp_path, kind, key, options):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "XY001.yaml").write_text(RULE.format(kind=kind, options=options.format(p=BAD)), encoding="utf-8")
    (tmp_path / ".disclosure-lint.yaml").write_text("packs: [pack]\n", encoding="utf-8")
    result = _run(tmp_path)
    _assert_config_error(result, "XY001.yaml", f"options.{key}", 8)


@pytest.mark.parametrize(("kind", "key", "options"), OPTIONS, ids=IDS)
def test_bad_pattern_in_configuration_options(tmp_path, kind, key, options):
    config = tmp_path / ".disclosure-lint.yaml"
    if kind in BUILTIN:
        code = BUILTIN[kind]
        config.write_text(f"select: [{code}]\noptions:\n  {code}: {options.format(p=BAD)}\n", encoding="utf-8")
    else:  # a user pack's rule, its options overridden by the configuration
        code = "XY001"
        pack = tmp_path / "pack"
        pack.mkdir()
        (pack / "XY001.yaml").write_text(RULE.format(kind=kind, options=options.format(p="好")), encoding="utf-8")
        config.write_text(f"packs: [pack]\nselect: [XY001]\noptions:\n  XY001: {options.format(p=BAD)}\n",
                          encoding="utf-8")
    result = _run(tmp_path)
    line = len(config.read_text(encoding="utf-8").splitlines())  # the options line is the last one
    _assert_config_error(result, ".disclosure-lint.yaml", f"options.{code}.{key}", line)


def test_bad_pattern_in_pyproject_names_its_line(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.disclosure-lint]\nselect = ["DL236"]\n\n[tool.disclosure-lint.options]\n'
        'DL236 = { scope_patterns = ["a{2,1}"] }\n', encoding="utf-8")
    (tmp_path / "r.md").write_text("# 某某局2023年政府信息公开工作年度报告\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path / "r.md")])
    assert result.exit_code == 2
    assert "pyproject.toml:5" in result.stderr and "options.DL236.scope_patterns.0" in result.stderr
    assert "正则表达式 'a{2,1}' 无效" in result.stderr


@pytest.mark.parametrize("pattern", [
    "(a", "a{2,1}", "x" * 10_001, "(a{1000}){1000}", "[z-a]", "(?P<n>a)(?P<n>b)",
])
def test_the_type_refuses_in_chinese(pattern):
    class Opts(KindOptions):
        one: UserPattern | None = None
        many: PatternList = Field(default_factory=list)

    for value in ({"one": pattern}, {"many": ["ok", pattern]}):
        with pytest.raises(ValueError) as exc:
            Opts.model_validate(value)
        assert "正则表达式" in str(exc.value)


def test_patterns_joined_by_the_kind_are_checked_together():
    class Opts(KindOptions):
        many: PatternList = Field(default_factory=list)

    assert Opts.model_validate({"many": ["(?P<n>a)"]}).many == ["(?P<n>a)"]
    with pytest.raises(ValueError, match="不能合为一个"):
        Opts.model_validate({"many": ["(?P<n>a)", "(?P<n>b)"]})  # searched as one (?:…)|(?:…)
    with pytest.raises(ValueError, match="不能合为一个"):
        Opts.model_validate({"many": ["a", "(?i)b"]})  # a global flag in the middle


# -- good patterns still work --------------------------------------------------------------------------


def test_good_patterns_in_configuration_options_are_used():
    text = "# 某某局2023年政府信息公开工作年度报告\n\n本局按照旧式办法第3条执行，旧式办法已废止。\n"
    cfg = Config.model_validate({"options": {"DL802": {"entries": [
        {"patterns": [r"旧式办法第\d+条"], "since": 2020, "replacement": "新办法", "near": "执行",
         "unless": "不存在的词", "contrast": "不再适用"}]}}})
    diags = [d for d in lint(text, select=["DL802"], config=cfg) if d.code == "DL802"]
    assert [d.match for d in diags] == ["旧式办法第3条"]


def test_good_spam_pattern_is_used():
    text = "# 某某局2023年政府信息公开工作年度报告\n\n本年主动公开文件12件，访问某某彩站点九九九。\n"
    cfg = Config.model_validate({"options": {"DL501": {"patterns": ["某某彩站点[一二三四五六七八九]+"]}}})
    assert [d.match for d in lint(text, select=["DL501"], config=cfg) if d.code == "DL501"] == ["某某彩站点九九九"]


def test_good_scope_patterns_are_used():
    text = stats_report("本年新收政府信息公开申请58件，上年结转3件。")
    assert [d.code for d in lint(text, select=["DL230"]) if d.code == "DL230"] == ["DL230"]
    cfg = Config.model_validate({"options": {"DL230": {"scope_patterns": ["新收(?=政府信息)"]}}})
    assert [d.code for d in lint(text, select=["DL230"], config=cfg) if d.code == "DL230"] == []


def test_good_ignore_pattern_is_used():
    para = "我们认真贯彻落实政府信息公开条例，持续推进政务公开标准化规范化建设，取得了明显成效。"
    text = f"# 某某局2023年政府信息公开工作年度报告\n\n{para}\n\n中间段落。\n\n{para}\n"
    assert [d.code for d in lint(text, select=["DL601"]) if d.code == "DL601"] == ["DL601"]
    cfg = Config.model_validate({"options": {"DL601": {"ignore": ["标准化(?:规范化)?建设"]}}})
    assert [d.code for d in lint(text, select=["DL601"], config=cfg) if d.code == "DL601"] == []
