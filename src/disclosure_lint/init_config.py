"""``disclosure-lint init``: a commented ``.disclosure-lint.yaml`` in the current directory.

The file is built from the configuration model (:class:`.config.Config` and the models it holds), so every
option is in it with its default and a Chinese comment, and what it sets loads as the defaults.  Options
without a default value (``select``, ``year``, ``agency`` …) are written commented out, with an example.  The
first line, ``# yaml-language-server: $schema=…``, points editors at the shipped JSON Schema
(:mod:`.schemas`).  An existing configuration is never replaced without ``--force``; the write is atomic
(:func:`.output.write_to`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .config import CONFIG_NAMES, Config
from .output import OutputRefused, describe, write_to
from .schemas import CONFIG_KEYS, CONFIG_SCHEMA, SCHEMA_DIR

CONFIG_NAME = CONFIG_NAMES[0]

# Examples for the options that have no default value (written commented out).
EXAMPLES: dict[str, str] = {
    "select": "[DL1, self-reference, DL403]",
    "year": "2023",
    "format_version": '"2021"',
    "agency.name": "某某街道办事处",
    "agency.kind": "street_office",
}

# Comments of nested fields that carry no description of their own.
SUB_KEYS: dict[str, str] = {
    "agency.name": "机关名称（全称）。",
    "agency.kind": "机关类型：street_office 街道办事处、town_government 镇政府、county_government 县政府、bureau 局等。",
    "deadlines.department": "政府部门的公开时限（《条例》第四十九条第一款）。",
    "deadlines.government": "各级人民政府的公开时限（《条例》第四十九条第二款）。",
    "deadlines.township": "乡镇政府、街道办事处的公开时限（《条例》未规定，各地不同，如 02-20）。",
    "deadlines.township_severity": "乡镇、街道超过时限时的级别：error、warning 或 info。",
}


class InitRefused(Exception):
    """The configuration exists and ``--force`` was not given."""


def schema_reference(directory: Path) -> str:
    """Where the shipped config schema is, as the ``$schema`` line of a file in ``directory`` names it: a path
    relative to it when the package is installed below it (a project's own ``.venv``), else a ``file:`` URI."""
    schema = SCHEMA_DIR / CONFIG_SCHEMA
    try:
        rel = os.path.relpath(schema, directory.resolve())
    except ValueError:  # another drive on Windows
        return schema.as_uri()
    if not rel.startswith(".."):
        return Path(rel).as_posix()
    return schema.as_uri()


def _value(value: Any) -> str:
    """A default as YAML (JSON's flow style is YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _comment(key: str, info: FieldInfo) -> str:
    return CONFIG_KEYS.get(key) or SUB_KEYS.get(key) or info.description or ""


def _fields(model: type[BaseModel]) -> list[tuple[str, FieldInfo]]:
    return [(name, info) for name, info in model.model_fields.items() if not info.exclude]


def _default(value: Any) -> str:
    return "不设置" if value is None else _value(value)


def _nested(lines: list[str], key: str, model: BaseModel) -> None:
    """The fields of a nested section, two spaces in; commented out when none of them has a default value."""
    fields = _fields(type(model))
    off = "# " if all(getattr(model, name) is None for name, _ in fields) else ""
    lines.append(f"{off}{key}:")
    for name, info in fields:
        sub = f"{key}.{name}"
        value = getattr(model, name)
        lines.append(f"{off}  # {_comment(sub, info)}默认：{_default(value)}")
        if value is None:
            lines.append(f"#   {name}: {EXAMPLES.get(sub, '')}".rstrip())
        else:
            lines.append(f"{off}  {name}: {_value(value)}")


def starter_text(schema_ref: str) -> str:
    """The text ``init`` writes."""
    defaults = Config()
    lines = [
        f"# yaml-language-server: $schema={schema_ref}",
        "# disclosure-lint 配置文件（由 disclosure-lint init 生成）。下面每一项都是默认值；删去某一项即使用默认值。",
        "# 以 # 开头的行是注释；没有默认值的项写成注释，去掉行首的 # 即启用。说明见 README 的 Configuration 一节。",
    ]
    for key, info in _fields(Config):
        value = getattr(defaults, key)
        lines.append("")
        if isinstance(value, BaseModel):
            lines.append(f"# {_comment(key, info)}")
            _nested(lines, key, value)
            continue
        lines.append(f"# {_comment(key, info)}默认：{_default(value)}")
        if value is None:
            lines.append(f"# {key}: {EXAMPLES.get(key, '')}".rstrip())
        else:
            lines.append(f"{key}: {_value(value)}")
    return "\n".join(lines) + "\n"


def write_starter(directory: Path, force: bool = False, schema_ref: str | None = None) -> Path:
    """Write ``.disclosure-lint.yaml`` in ``directory``; :class:`InitRefused` when it (or ``.yml``) exists and
    ``force`` is false; OSError / :class:`.output.OutputRefused` when it cannot be written."""
    target = directory / CONFIG_NAME
    if not force:
        for name in CONFIG_NAMES:
            existing = directory / name
            if existing.exists() or existing.is_symlink():
                raise InitRefused(str(existing))
    text = starter_text(schema_ref or schema_reference(directory))

    def produce(stream: TextIO) -> None:
        stream.write(text)

    write_to(str(target), produce)
    return target


def init_command(force: bool, schema_ref: str | None, say: Callable[[str], None], fail: Callable[[str], None]) -> None:
    """The ``init`` command: write the file in the current directory and say where, or one line why not."""
    try:
        target = write_starter(Path.cwd(), force=force, schema_ref=schema_ref)  # cwd: OSError when it was removed
    except InitRefused as exc:
        fail(f"{exc} 已存在，未覆盖（用 --force 覆盖）")
        return
    except OutputRefused as exc:
        fail(f"无法写入 {CONFIG_NAME}：{exc}，未写入")
        return
    except OSError as exc:
        fail(f"无法写入 {CONFIG_NAME}：{describe(exc)}")
        return
    say(f"已写入 {target}（每一项都是默认值，按需修改；用 disclosure-lint check 检查时自动读取）")
