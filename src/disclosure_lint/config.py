"""Configuration: ``.disclosure-lint.yaml`` (found upward from each checked file),
``--config FILE``, or ``[tool.disclosure-lint]`` in ``pyproject.toml``.

Example::

    select: [DL1, self-reference]     # codes, code prefixes, rule names or categories
    ignore: [DL701]
    severity: {DL404: info}           # per-rule severity
    options:                          # per-rule options (validated by the rule's kind)
      DL301: {allowed: {street_office: [我街道, 本街道, 本机关]}}
    packs: [./our-rules]              # extra rule packs, relative to this file
    year: 2023                        # report facts, when detection is not enough
    format_version: "2021"
    agency: {name: 某某街道办事处, kind: street_office}
    deadlines: {township: "02-20", township_severity: warning}
    fail_on: error
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from .errors import ConfigError
from .limits import Limits
from .yamlio import load_yaml, validation_error

CONFIG_NAMES = (".disclosure-lint.yaml", ".disclosure-lint.yml")

Severity = Literal["error", "warning", "info"]


class AgencyConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str | None = None
    kind: Literal[
        "street_office", "town_government", "township_government", "province_government",
        "city_government", "county_government", "government_office", "bureau", "commission",
        "office", "department",
    ] | None = None


def _mmdd(v: str) -> str:
    if not re.fullmatch(r"(0?[1-9]|1[0-2])-(0?[1-9]|[12]\d|3[01])", str(v)):
        raise ValueError("日期应写为 MM-DD，如 01-31")
    return str(v)


class Deadlines(BaseModel):
    """Publication deadlines (month-day of the year after the report year)."""

    model_config = ConfigDict(extra="forbid")
    department: str = "01-31"  # 《条例》第四十九条第一款
    government: str = "03-31"  # 《条例》第四十九条第二款
    township: str = "03-31"  # not in the 条例; local rules differ (e.g. 02-20)
    township_severity: Severity = "warning"

    @field_validator("department", "government", "township")
    @classmethod
    def _check_mmdd(cls, v: str) -> str:
        return _mmdd(v)


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")

    select: list[str] | None = None
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    options: dict[str, dict] = Field(default_factory=dict)
    packs: list[str] = Field(default_factory=list)
    year: int | None = Field(default=None, ge=1990, le=2100)
    format_version: Literal["legacy", "2019", "2021"] | None = None
    agency: AgencyConfig = Field(default_factory=AgencyConfig)
    deadlines: Deadlines = Field(default_factory=Deadlines)
    fail_on: Severity = "error"
    limits: Limits = Field(default_factory=Limits)
    # Before ``limits:`` existed this was top-level; still accepted, moved into ``limits``.
    max_file_size_mb: float | None = Field(default=None, gt=0, le=4096, allow_inf_nan=False, exclude=True)

    @model_validator(mode="after")
    def _legacy_max_file_size(self) -> "Config":
        if self.max_file_size_mb is not None and "max_file_size_mb" not in self.limits.model_fields_set:
            self.limits = self.limits.model_copy(update={"max_file_size_mb": self.max_file_size_mb})
        return self


@dataclass(frozen=True)
class LoadedConfig:
    config: Config
    path: Path | None  # where it came from (None: defaults)

    @property
    def base_dir(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def pack_paths(self) -> list[Path]:
        return [(self.base_dir / p).resolve() for p in self.config.packs]


def load_config_file(path: Path) -> LoadedConfig:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(str(path), "配置文件不存在") from None
    except OSError as exc:
        raise ConfigError(str(path), f"无法读取配置文件（{exc.strerror or exc}）") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(str(path), "配置文件不是 UTF-8 编码") from None
    if path.name == "pyproject.toml":
        return _from_pyproject(path, text)
    data = load_yaml(text, str(path))
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(str(path), "配置文件顶层应为映射（键: 值）", line=1)
    try:
        return LoadedConfig(Config.model_validate(data), path)
    except ValidationError as exc:
        raise validation_error(exc, text, str(path)) from None


def _from_pyproject(path: Path, text: str) -> LoadedConfig:
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise ConfigError(str(path), f"TOML 语法错误：{exc}", line=int(m.group(1)) if m else None) from None
    section = data.get("tool", {}).get("disclosure-lint", {})
    try:
        return LoadedConfig(Config.model_validate(section), path)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = "tool.disclosure-lint." + ".".join(str(p) for p in err["loc"])
        line = _toml_line(text, str(err["loc"][0]) if err["loc"] else None)
        from .yamlio import _zh

        raise ConfigError(str(path), _zh(err), line=line, key=key) from None


def _toml_line(text: str, key: str | None) -> int | None:
    in_section = False
    for i, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if s.startswith("["):
            in_section = s.startswith("[tool.disclosure-lint")
            if in_section and key and s.startswith(f"[tool.disclosure-lint.{key}"):
                return i
            continue
        if in_section and key and re.match(rf"{re.escape(key)}\s*=", s):
            return i
    return None


def _has_tool_section(pyproject: Path) -> bool:
    try:
        return "[tool.disclosure-lint" in pyproject.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def find_config(start: Path) -> Path | None:
    """Nearest configuration file upward from ``start`` (a file or directory)."""
    d = start if start.is_dir() else start.parent
    d = d.resolve()
    for parent in (d, *d.parents):
        for name in CONFIG_NAMES:
            p = parent / name
            if p.is_file():
                return p
        pp = parent / "pyproject.toml"
        if pp.is_file() and _has_tool_section(pp):
            return pp
    return None


class ConfigResolver:
    """Finds and caches the configuration for each checked file."""

    def __init__(self, explicit: Path | None = None):
        self._explicit = load_config_file(explicit) if explicit else None
        self._cache: dict[Path, LoadedConfig] = {}
        self._found: dict[Path, Path | None] = {}  # directory → its nearest configuration file (one walk per directory)

    def for_path(self, path: Path) -> LoadedConfig:
        if self._explicit is not None:
            return self._explicit
        try:
            is_dir = path.is_dir()
        except OSError:  # a name too long for the file system: the file itself is reported when read
            is_dir = False
        d = path if is_dir else path.parent
        if d not in self._found:
            self._found[d] = find_config(d)
        found = self._found[d]
        key = found or Path("<defaults>")
        if key not in self._cache:
            self._cache[key] = load_config_file(found) if found else LoadedConfig(Config(), None)
        return self._cache[key]
