"""Rule relations as data: ``covered_by:`` in rule YAML, resolved by the engine for each configuration.

A rule defers to another only when that one runs for the file and reports the same thing
(:attr:`disclosure_lint.kinds.base.Hit.about`); no kind asks which rules are selected.
"""

from __future__ import annotations

import ast
from pathlib import Path

from disclosure_lint.config import Config
from disclosure_lint.engine import prepare
from disclosure_lint.kinds.self_reference import DEFAULT_WORDS
from disclosure_lint.packs import load_rules

from .conftest import codes, lint
from .test_cli import invoke, write
from .test_duplication import _body

KINDS = Path(__file__).resolve().parents[1] / "src" / "disclosure_lint" / "kinds"
RUN = "\n".join([_body(), "导航", _body()])  # a four-section body printed twice (DL602), four paragraphs each


def test_select_dl601_alone_finds_repeated_paragraphs():
    ds = lint(RUN, select=["DL601"], fmt="text")
    assert codes(ds) == ["DL601"] * 4


def test_ignore_dl602_leaves_the_paragraphs_to_dl601():
    ds = lint(RUN, fmt="text", config={"ignore": ["DL602"]})
    assert [d.code for d in ds if d.code.startswith("DL6")] == ["DL601"] * 4


def test_both_active_only_the_covering_rule_reports():
    ds = lint(RUN, select=["DL601", "DL602"], fmt="text")
    assert codes(ds) == ["DL602"]
    ds = lint(RUN, fmt="text")  # the default rule set
    assert [d.code for d in ds if d.code.startswith("DL6")] == ["DL602"]


def test_prepare_resolves_covered_by_to_active_rules_and_runs_them_first():
    rules = load_rules()
    both = prepare(rules, Config(select=["DL601", "DL602"]))
    assert [a.rule.code for a in both] == ["DL602", "DL601"]
    assert both[1].covered_by == ("DL602",) and both[0].covers
    alone = prepare(rules, Config(select=["DL601"]))
    assert alone[0].covered_by == () and not alone[0].covers
    stats = {a.rule.code: a for a in prepare(rules, Config(select=["DL201", "DL210"]))}
    assert stats["DL201"].covered_by == ("DL210",)


def test_rule_pack_naming_unknown_code_in_covered_by_is_config_error(tmp_path):
    pack = tmp_path / "ourpack"
    pack.mkdir()
    rule = write(pack / "rule.yaml", "id: XY601\nname: our-repeats\nkind: repeated-paragraph\ncategory: duplication\n"
                                     "severity: info\nmessage: m\ncovered_by: [DL602, XY999]\n"
                                     "docs: {what: a, why: b, basis: c}\n")
    write(tmp_path / ".disclosure-lint.yaml", "packs: [ourpack]\n")
    f = write(tmp_path / "r.txt", RUN)
    res = invoke("check", str(f), cwd=tmp_path)
    assert res.exit_code == 2
    assert str(rule) in res.stderr or "rule.yaml" in res.stderr
    assert "XY999" in res.stderr and "covered_by" in res.stderr and "Traceback" not in res.stderr


def test_covered_by_cycle_and_malformed_code_are_config_errors(tmp_path):
    pack = tmp_path / "ourpack"
    pack.mkdir()
    for code, other in (("XY001", "XY002"), ("XY002", "XY001")):
        write(pack / f"{code}.yaml", f"id: {code}\nname: r-{code.lower()}\nkind: repeated-paragraph\n"
                                     f"category: duplication\nseverity: info\nmessage: m\ncovered_by: [{other}]\n"
                                     "docs: {what: a, why: b, basis: c}\n")
    write(tmp_path / ".disclosure-lint.yaml", "packs: [ourpack]\n")
    f = write(tmp_path / "r.txt", RUN)
    res = invoke("check", str(f), cwd=tmp_path)
    assert res.exit_code == 2 and "循环" in res.stderr and "XY00" in res.stderr
    write(pack / "XY002.yaml", "id: XY002\nname: r-xy002\nkind: repeated-paragraph\ncategory: duplication\n"
                               "severity: info\nmessage: m\ncovered_by: [dl602]\ndocs: {what: a, why: b, basis: c}\n")
    res = invoke("check", str(f), cwd=tmp_path)
    assert res.exit_code == 2 and "covered_by" in res.stderr and "XY002.yaml" in res.stderr


def test_user_rule_can_defer_to_a_builtin_rule(tmp_path):
    pack = tmp_path / "ourpack"
    pack.mkdir()
    write(pack / "rule.yaml", "id: XY601\nname: our-repeats\nkind: repeated-paragraph\ncategory: duplication\n"
                              "severity: info\nmessage: m\ncovered_by: [DL602]\ndocs: {what: a, why: b, basis: c}\n")
    write(tmp_path / ".disclosure-lint.yaml", "packs: [ourpack]\nselect: [XY601, DL602]\n")
    f = write(tmp_path / "r.txt", RUN)
    res = invoke("check", str(f), "-f", "json", cwd=tmp_path)
    assert "XY601" not in res.stdout and "DL602" in res.stdout
    write(tmp_path / ".disclosure-lint.yaml", "packs: [ourpack]\nselect: [XY601]\n")
    res = invoke("check", str(f), "-f", "json", cwd=tmp_path)
    assert res.stdout.count('"XY601"') == 4


def _runtime_imports(tree: ast.Module) -> list[str]:
    """Relative imports of a module, outside ``if TYPE_CHECKING:`` blocks (type-only imports do not run)."""
    out = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            children = list(node.orelse)
        else:
            if isinstance(node, ast.ImportFrom) and node.level:
                out.append(node.module or "")
            children = list(ast.iter_child_nodes(node))
        for child in children:
            visit(child)

    visit(tree)
    return out


def test_no_kind_imports_the_engine_or_the_packs():
    for path in sorted(KINDS.glob("*.py")):
        mods = _runtime_imports(ast.parse(path.read_text(encoding="utf-8")))
        bad = [m for m in mods if m.split(".")[0] in ("engine", "packs", "api", "cli")]
        assert not bad, f"{path.name} imports {bad}"


def test_hidden_spam_left_to_dl505_only_when_it_runs():
    from .test_hidden_content import SPAM_PAGE
    from .test_reader_html import lint_page

    page = SPAM_PAGE.read_text(encoding="utf-8")
    both, _ = lint_page(page, select=["DL501", "DL505"])
    assert [d.code for d in both if d.match == "BOB体育"] == ["DL505"] and "DL501" not in codes(both)
    alone, _ = lint_page(page, select=["DL501"])
    assert "BOB体育" in [d.match for d in alone if d.code == "DL501"]
    hidden = {d.match for d in both if d.code == "DL505"}
    # every hidden element DL505 reports for its promotion text is reported by DL501 when DL505 does not run
    assert {d.match for d in alone} & hidden


def _self_reference_rule(pack: Path, code: str, options_from: str) -> Path:
    return write(pack / f"{code}.yaml", f"id: {code}\nname: r-{code.lower()}\nkind: self-reference-inconsistent\n"
                                        f"category: self-reference\nseverity: info\nmessage: m\n"
                                        f"options_from: {options_from}\ndocs: {{what: a, why: b, basis: c}}\n")


def test_options_from_unknown_self_or_chained_is_config_error(tmp_path):
    pack = tmp_path / "ourpack"
    pack.mkdir()
    write(tmp_path / ".disclosure-lint.yaml", "packs: [ourpack]\n")
    f = write(tmp_path / "r.txt", RUN)
    for options_from, needle in (("XY999", "XY999"), ("XY001", "它自己"), ("DL302", "多级")):
        rule = _self_reference_rule(pack, "XY001", options_from)
        res = invoke("check", str(f), cwd=tmp_path)
        assert res.exit_code == 2 and "options_from" in res.stderr and needle in res.stderr, res.stderr
        assert rule.name in res.stderr and "Traceback" not in res.stderr


def test_options_from_takes_the_other_rules_configured_options_unless_set():
    words = {**DEFAULT_WORDS, "所": "所"}
    text = "我局公开信息，我局受理申请，我所登记。"
    rules = load_rules()
    for options, found in (({"DL301": {"words": words}}, ["我所"]),
                           ({"DL301": {"words": words}, "DL302": {"words": DEFAULT_WORDS}}, []),
                           ({"DL302": {"words": words}}, ["我所"])):
        config = Config.model_validate({"options": options, "select": ["DL302"], "ignore": ["DL301"]})
        (ar,) = prepare(rules, config)
        assert ar.kind.options.words == (words if found else DEFAULT_WORDS)
        assert [d.match for d in lint(text, config=config)] == found
