"""Rule documentation rendered from the rule files (``explain`` and ``docs/rules/*.md``).

Headings follow ruff's rule pages: 作用 / 原因 / 依据 / 反例 / 正例 / 选项.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from .diagnostics import SEVERITY_ZH
from .kinds import get_kind
from .packs import LoadedRule


def _yaml_options(options: dict) -> str:
    # loaded on demand: ruamel.yaml (≈40 ms) is needed only to render rule docs (the rules are cached as JSON)
    from ruamel.yaml import YAML

    y = YAML(typ="safe", pure=True)
    y.default_flow_style = False
    y.allow_unicode = True
    buf = io.StringIO()
    y.dump(options, buf)
    return buf.getvalue()


def rule_defaults(rule: LoadedRule) -> dict[str, Any]:
    """The options a rule runs with when no configuration changes them: its kind's defaults (the one home of
    option defaults, the kind's ``Options`` model) with what its rule file sets; unset optional ones left out."""
    kind = get_kind(rule.spec.kind)
    if kind is None:  # pragma: no cover - checked when the rule is loaded
        return dict(rule.spec.options)
    return kind.Options.model_validate(rule.spec.options).model_dump(mode="json", by_alias=True, exclude_none=True)


def summary(rule: LoadedRule) -> str:
    """The first sentence of a rule's ``what``."""
    what = " ".join(rule.spec.docs.what.split())
    end = what.find("。")
    return what[: end + 1] if 0 <= end < 120 else what[:120] + ("…" if len(what) > 120 else "")


def render_rule_markdown(rule: LoadedRule) -> str:
    s = rule.spec
    d = s.docs
    out = [f"# {s.id} {s.name}", ""]
    out.append(f"- 类别：`{s.category}`　级别：{SEVERITY_ZH[s.severity]}（`{s.severity}`）　规则包：`{rule.pack}`"
               f"　检查类型：`{s.kind}`" + ("" if s.enabled else "　默认关闭"))
    out.append(f"- 消息：{s.message}")
    if s.covered_by:
        out.append(f"- 让位于：{'、'.join(s.covered_by)}（`covered_by`：这些规则启用且报告了同一处问题时，本规则不再报告；"
                   "它们未启用时，本规则照常报告）")
    out += ["", "## 作用（What it does）", "", d.what.strip(), ""]
    if d.what_en:
        out += [f"*{d.what_en.strip()}*", ""]
    out += ["## 原因（Why it matters）", "", d.why.strip(), "", "## 依据（Basis）", "", d.basis.strip(), ""]
    for title, examples in (("反例（会报告）", d.fail), ("正例（不报告）", d.pass_)):
        if not examples:
            continue
        out += [f"## {title}", ""]
        for ex in examples:
            ctx = [f"{k}={v}" for k, v in (("年度", ex.year), ("机关", ex.agency), ("类型", ex.agency_kind)) if v]
            if ex.note or ctx:
                out.append(f"{ex.note or ''}{'（' + '，'.join(ctx) + '）' if ctx else ''}")
                out.append("")
            if ex.file:
                out += [f"文件名：`{ex.file}`", ""]
            if ex.config:
                out += ["配置：", "", "```yaml", _yaml_options(ex.config).rstrip("\n"), "```", ""]
            for i, other in enumerate(ex.others, 1):
                out += [f"同一次检查中的另一份报告（{i}）：", "", "```markdown", other.rstrip("\n"), "```", ""]
            if ex.others:
                out += ["本报告：", ""]
            if ex.previous:
                out += ["上年报告（`--previous`）：", "", "```markdown", ex.previous.rstrip("\n"), "```", "", "本年报告：", ""]
            out += ["```" + ex.format, ex.text.rstrip("\n"), "```", ""]
    out += ["## 选项（Options）", ""]
    if d.options:
        out += [d.options.strip(), ""]
    defaults = rule_defaults(rule)
    if defaults:
        out += ["默认值：", "", "```yaml", _yaml_options(defaults).rstrip("\n"), "```", ""]
    if s.options_from:
        out += [f"未单独设置的选项沿用 [{s.options_from}]({s.options_from}.md) 的设置（`options_from`，含配置中对它的修改）。",
                ""]
    elif not defaults and not d.options:
        out += ["无。", ""]
    out += [f"在配置中调整：`severity: {{{s.id}: warning}}`、`ignore: [{s.id}]`"
            + (f"、`options: {{{s.id}: {{…}}}}`" if defaults else "") + "。", ""]
    return "\n".join(out)


def write_rule_docs(rules: list[LoadedRule], directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for r in sorted(rules, key=lambda r: r.code):
        p = directory / f"{r.code}.md"
        p.write_text(render_rule_markdown(r), encoding="utf-8")
        written.append(p)
    index = ["# 规则一览（Rules）", "", "| 代码 | 名称 | 类别 | 级别 | 说明 |", "|---|---|---|---|---|"]
    for r in sorted(rules, key=lambda r: r.code):
        index.append(f"| [{r.code}]({r.code}.md) | {r.spec.name} | {r.spec.category} | {r.spec.severity} | "
                     f"{summary(r)} |")
    (directory / "README.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    return written


def readme_rules_table(rules: list[LoadedRule]) -> str:
    """The rules table of README.md (between the rules-table markers)."""
    lines = ["| code | name | category | severity | what it checks |", "|---|---|---|---|---|"]
    for r in sorted(rules, key=lambda r: r.code):
        lines.append(f"| [{r.code}](docs/rules/{r.code}.md) | {r.spec.name} | {r.spec.category} | {r.spec.severity} | "
                     f"{summary(r)} |")
    return "\n".join(lines) + "\n"
