"""Hostile cases for configuration (issue 8): nested/huge/odd configs and rule files, ``pyproject.toml``,
``packs:`` outside the tree, configs in the checked folder, catastrophic user regexes, message format specs."""

from __future__ import annotations

from . import build as b
from .build import write
from .catalogue import (
    case,
    check,
    link,
    pack_config,
    pack_error,
    sub_config,
    sub_config_error,
    with_config_error,
)
from .run import Invocation


@case("conf", exit=2)
def config_deep_flow_list(d):
    """``.disclosure-lint.yaml`` of 100,000 nested ``[``."""
    return sub_config_error(d, b.nested_yaml(100_000))


@case("conf", exit=2, extra=True)
def config_deep_flow_map(d):
    """``.disclosure-lint.yaml`` of 100,000 nested ``{``."""
    return sub_config_error(d, b.nested_yaml(100_000, "{"))


@case("conf", exit=2, extra=True)
def config_deep_block_map(d):
    """A block-style mapping nested 5,000 deep (indentation)."""
    return sub_config_error(d, "".join(" " * i + f"k{i}:\n" for i in range(5000)) + " " * 5000 + "x: 1\n")


@case("conf", exit=2, extra=True)
def config_billion_laughs(d):
    """YAML aliases expanding to 10^9 entries under ``options``."""
    lines = ["options:", "  DL701:", "    a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"    a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    return sub_config_error(d, "\n".join(lines) + "\n")


@case("conf", exit=2, big=True)
def config_huge(d):
    """A 40 MB config (a comment and a 1-million-item ignore list)."""
    return sub_config_error(d, "# " + "x" * (30 << 20) + "\nignore: [" + "DL701, " * 1_000_000 + "]\n")


@case("conf", exit=2)
def pyproject_tool_not_a_table(d):
    """``tool = "x"`` in a pyproject.toml that mentions ``[tool.disclosure-lint]``."""
    return sub_config_error(d, 'tool = "x"\n# [tool.disclosure-lint]\n', name="pyproject.toml")


@case("conf", exit=2, extra=True)
def pyproject_section_not_a_table(d):
    """``[tool]`` with ``disclosure-lint = 5``."""
    return sub_config_error(d, '[tool]\n"disclosure-lint" = 5\n# [tool.disclosure-lint]\n', name="pyproject.toml")


@case("conf", exit=2)
def pyproject_deep_arrays(d):
    """``[tool.disclosure-lint]`` with an array nested 100,000 deep."""
    return sub_config_error(d, "[tool.disclosure-lint]\nignore = " + "[" * 100_000 + "]" * 100_000 + "\n",
                      name="pyproject.toml")


@case("conf", exit=2)
def config_packs_root(d):
    """A config in the checked folder with ``packs: ['/']``."""
    return sub_config_error(d, "packs: ['/']\n")


@case("conf", exit=2, extra=True)
def config_packs_proc(d):
    """``packs: ['/proc']`` (endless and changing)."""
    return sub_config_error(d, "packs: ['/proc']\n")


@case("conf", exit=2)
def config_packs_outside_tree(d):
    """A folder config with ``packs: ['../outside']`` (a rule pack above it)."""
    write(d, "outside/rule.yaml", b.rule_yaml())
    return sub_config_error(d, "packs: ['../outside']\n")


@case("conf", extra=True, exit=(1, 2))
def config_packs_deep_dirs(d):
    """A rule pack directory nested 1,100 deep."""
    (d / "sub").mkdir()
    rel = b.deep_dirs(d, "sub", 1100, "p")
    b.write_at_depth(d, rel, "rule.yaml", b.rule_yaml())
    write(d, "sub/report-2023.md", b.example())
    write(d, "sub/.disclosure-lint.yaml", "packs: [p]\n")
    return check(d, "sub")


@case("conf")
def config_turns_everything_off(d):
    """A subordinate's folder config ``ignore`` every category: the config must be named in the output."""
    cats = "[structure, statistics, self-reference, date, content-safety, duplication, typography, terminology, " \
           "writing, input]"
    return sub_config(d, f"ignore: {cats}\n", literal=("sub/.disclosure-lint.yaml",))


@case("conf")
def config_isolated(d):
    """``check --isolated`` ignores the folder config that turns every check off."""
    write(d, "sub/.disclosure-lint.yaml", "select: [DL999]\nignore: [DL]\n")
    write(d, "sub/report-2023.md", b.example())
    return Invocation(["check", "--isolated", "sub"], good=("sub/report-2023.md",))


@case("conf", exit=(1, 2))
def config_catastrophic_regex(d):
    """A folder config adding a rule with pattern ``(a+)+$`` over a line of 40 ``a`` and a ``!``."""
    pack_config(d, b.rule_yaml(options="{patterns: ['(a+)+$']}"))
    write(d, "sub/report-2023.md", b.example() + "\n" + "a" * 40 + "!\n")
    return check(d, "sub")


@case("conf", exit=(1, 2), extra=True)
def user_catastrophic_regex(d):
    """The user's own --config with a pack whose pattern is ``(x+x+)+y``."""
    write(d, "rules/rule.yaml", b.rule_yaml(options="{patterns: ['(x+x+)+y']}"))
    write(d, "bad-2023.md", b.example() + "\n" + "x" * 40 + "\n")
    cfg = write(d, "cfg.yaml", "packs: [rules]\n")
    return check(d, "bad-2023.md", opts=("--config", cfg))


@case("conf", exit=(1, 2), extra=True)
def user_catastrophic_exception_regex(d):
    """A catastrophic regex in ``exceptions`` of an existence rule."""
    pack_config(d, b.rule_yaml(options="{terms: [a], exceptions: ['(a|aa)+$']}"))
    write(d, "sub/report-2023.md", b.example() + "\n" + "a" * 60 + "!\n")
    return check(d, "sub")


@case("conf", exit=(1, 2), extra=True)
def user_catastrophic_substitution(d):
    """A catastrophic regex as a substitution's ``swap`` key."""
    pack_config(d, b.rule_yaml(kind="substitution", options="{swap: {'(a*)*b': c}}",
                               message="应为“{replacement}”"))
    write(d, "sub/report-2023.md", b.example() + "\n" + "a" * 40 + "\n")
    return check(d, "sub")


@case("conf", exit=2)
def user_regex_overflow(d):
    """A pattern ``a{4294967296}``: refused at load time with one line."""
    return pack_error(d, b.rule_yaml(options="{patterns: ['a{4294967296}']}"))


@case("conf", extra=True)
def user_regex_empty_match(d):
    """A pattern matching the empty string everywhere: findings capped, no flood."""
    pack_config(d, b.rule_yaml(options="{patterns: ['(?=)']}"))
    write(d, "sub/report-2023.md", b.example() * 3)
    return check(d, "sub")


@case("conf", exit=2)
def config_message_format_padding(d):
    """A folder config's rule whose message is ``{match:>999999999}``: refused at load time."""
    return pack_error(d, b.rule_yaml(message="{match:>999999999}"))


@case("conf", exit=2, extra=True)
def config_message_format_zero_padding(d):
    """A message ``{year:0999999999d}``."""
    return pack_error(d, b.rule_yaml(message="{year:0999999999d}"))


@case("conf", extra=True, exit=2)
def config_message_attribute_access(d):
    """A message ``{match.__class__.__mro__}`` (attribute access in a format string): refused at load."""
    return pack_error(d, b.rule_yaml(message="{match.__class__.__mro__}"))


@case("conf", exit=2)
def rule_file_deep_nesting(d):
    """A rule file of 100,000 nested ``[``."""
    return pack_error(d, b.nested_yaml(100_000))


@case("conf", exit=2, extra=True)
def rule_file_billion_laughs(d):
    """A rule file whose ``options.terms`` is a billion-laughs alias tree."""
    lines = ["id: XY001", "name: xy-laughs", "kind: existence", "category: writing", "severity: warning",
             "message: m", "docs: {what: a, why: b, basis: c}", "z0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"z{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    return pack_error(d, "\n".join(lines) + "\noptions: {terms: *a8}\n")


@case("conf", exit=(1, 2), big=True)
def rule_file_many_rules(d):
    """A rule file with 20,000 rules."""
    items = "".join(f"  - id: XY{i % 1000:03d}\n    name: r{i}\n    kind: existence\n    category: writing\n"
                    f"    severity: info\n    message: m\n    options: {{terms: [t{i}]}}\n"
                    f"    docs: {{what: a, why: b, basis: c}}\n" for i in range(20_000))
    pack_config(d, "rules:\n" + items)
    return check(d, "sub")


@case("conf", exit=2)
def config_fifo(d):
    """``--config fifo``: one line, exit 2, never blocks."""
    return check(d, opts=("--config", b.fifo(d, "cfg.yaml")), literal=("cfg.yaml",), good=())


@case("conf", extra=True, exit=2)
def config_dev_zero(d):
    """``--config zero.yaml`` where zero.yaml → /dev/zero."""
    return check(d, opts=("--config", link(d, "zero.yaml", "/dev/zero")), good=(), literal=("zero.yaml",))


@case("conf", exit=2, extra=True)
def config_max_file_size_inf(d):
    """``max_file_size_mb: .inf`` refused at load."""
    return with_config_error(d, "max_file_size_mb: .inf\n")


@case("conf", exit=2, extra=True)
def config_limits_nan(d):
    """``limits: {max_file_size_mb: .nan}`` refused at load."""
    return with_config_error(d, "limits: {max_file_size_mb: .nan}\n")


@case("conf", exit=2, extra=True)
def config_limits_huge_int(d):
    """``limits: {max_findings_per_rule: 1e300}`` refused at load."""
    return with_config_error(d, "limits: {max_findings_per_rule: 1e300}\n")


@case("conf", exit=2, extra=True)
def config_folder_max_file_size_inf(d):
    """A folder config with ``max_file_size_mb: .inf``: one line, the good report outside still checked."""
    return sub_config_error(d, "max_file_size_mb: .inf\n")


@case("conf", exit=2, extra=True)
def config_python_tag(d):
    """A config with ``!!python/object/apply:os.system``: refused (safe loader), nothing runs."""
    inv = sub_config_error(d, "year: !!python/object/apply:os.system ['touch PWNED']\n")
    inv.post = lambda d, _r: "code execution: the YAML tag ran" if (d / "sub" / "PWNED").exists() else None
    return inv


@case("conf", exit=2, extra=True)
def config_not_utf8(d):
    """A folder config in GBK."""
    return sub_config_error(d, "year: 2023 # 年度\n".encode("gbk"))
