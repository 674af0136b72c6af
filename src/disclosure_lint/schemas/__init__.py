"""JSON Schemas of the configuration (``.disclosure-lint.yaml``) and of rule files, generated from the pydantic
models (:class:`.config.Config`, :class:`.packs.RuleSpec`) and shipped in this package as
``config.schema.json`` and ``rule.schema.json`` (``python scripts/gen_schemas.py`` writes them;
``tests/test_integration.py`` fails when they are stale).  Editors read them through the
``# yaml-language-server: $schema=…`` line that ``disclosure-lint init`` writes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..config import Config
from ..packs import RuleSpec

SCHEMA_DIR = Path(__file__).resolve().parent
CONFIG_SCHEMA = "config.schema.json"
RULE_SCHEMA = "rule.schema.json"
DRAFT = "https://json-schema.org/draft/2020-12/schema"

# What each top-level key of the configuration does: the schema's hover text in an editor, and the comment
# ``disclosure-lint init`` writes above the key (Limits' fields carry their own descriptions).
CONFIG_KEYS: dict[str, str] = {
    "select": "只运行这些规则：规则代码、代码前缀、规则名称、类别或规则包；不写即运行全部默认开启的规则。",
    "ignore": "不运行这些规则（写法同 select）。",
    "severity": "按规则改变级别（error、warning、info），如 {DL404: info}。",
    "options": "按规则设置选项（会校验；可用选项见 disclosure-lint explain 代码）。",
    "packs": "额外的规则包（YAML 规则文件所在的目录），相对于本配置文件，且须在本配置文件所在目录之内。",
    "year": "报告年度；不写即从标题识别。",
    "format_version": "统一格式的版本：legacy、2019 或 2021；不写即按报告年度判断。",
    "agency": "发布机关：name 名称，kind 类型（如 street_office 街道办事处）；不写即从报告中识别。",
    "reports": "按文件名指定机关、类型和年度（报告内容不足以识别时）：每项 pattern 通配符，agency、kind、year 任选；"
               "第一项匹配的生效，命令行 --agency/--year 优先。",
    "bodies": "主管部门应收到报告的机关：每项 name 全称，kind 类型，parent 上级机关，aliases 简称；"
              "用于下级缺报、重复报送和全区合计与下级之和的比较。",
    "deadlines": "公开时限（报告年度次年的 月-日）。",
    "fail_on": "达到此级别的问题即以代码 1 退出：error、warning 或 info。",
    "limits": "单个文件可引起的工作量上限（见 README 的 Limits 一节）。",
    "cache_dir": "检查结果缓存的目录（相对于本配置文件；默认为当前目录下的 .disclosure-lint-cache）。"
                 "只在用 --config 指定或在当前目录找到的配置中生效。",
    "max_file_size_mb": "旧写法，请改用 limits.max_file_size_mb。",
    # issue 10's suppression options (a key not in Config yet is simply unused)
    "suppressions": "行内抑制注释（<!-- disclosure-lint-disable… -->）的用法。",
}


def _with_draft(schema: dict[str, Any], title: str, description: str) -> dict[str, Any]:
    return {"$schema": DRAFT, "title": title, "description": description,
            **{k: v for k, v in schema.items() if k not in ("title", "description")}}


def config_schema() -> dict[str, Any]:
    """The schema of a configuration file, from :class:`.config.Config`."""
    schema = Config.model_json_schema()
    for key, prop in schema.get("properties", {}).items():
        if key in CONFIG_KEYS:
            prop.setdefault("description", CONFIG_KEYS[key])
    return _with_draft(schema, "disclosure-lint 配置文件（.disclosure-lint.yaml）",
                       "政府信息公开工作年度报告合规检查工具 disclosure-lint 的配置。")


def rule_schema() -> dict[str, Any]:
    """The schema of a rule file: one rule (:class:`.packs.RuleSpec`), or ``rules:`` (a list of them) with an
    optional ``pack:`` — the two shapes :func:`.packs.load_pack_file` reads."""
    spec = RuleSpec.model_json_schema(ref_template="#/$defs/{model}")
    defs = spec.pop("$defs", {})
    defs["RuleSpec"] = spec
    return {
        "$schema": DRAFT,
        "title": "disclosure-lint 规则文件",
        "description": "一条规则（映射），或 rules: 下的规则列表。",
        "anyOf": [
            {"$ref": "#/$defs/RuleSpec"},
            {"type": "object", "additionalProperties": False, "required": ["rules"],
             "properties": {"rules": {"type": "array", "items": {"$ref": "#/$defs/RuleSpec"}},
                            "pack": {"type": "string"}}},
        ],
        "$defs": defs,
    }


def render(schema: dict[str, Any]) -> str:
    """The text of a schema file: stable key order as generated, two-space indent, UTF-8, final newline."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def generated() -> dict[str, str]:
    """File name → the text it should hold."""
    return {CONFIG_SCHEMA: render(config_schema()), RULE_SCHEMA: render(rule_schema())}
