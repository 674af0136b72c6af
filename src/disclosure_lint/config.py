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
    reports:                          # files whose content does not name the body or the year
      - {pattern: "zrzy-*.pdf", agency: 青禾市自然资源局, kind: bureau}
      - {pattern: "2023/*.docx", year: 2023}
    bodies:                           # the bodies a supervising office expects reports of (下级缺报, 重复报送)
      - {name: 青禾市云岭区人民政府, kind: county_government}
      - {name: 青禾市云岭区自然资源局, kind: bureau, parent: 青禾市云岭区人民政府, aliases: [云岭区自规局]}
    deadlines: {township: "02-20", township_severity: warning}
    fail_on: error
    suppressions: {require_reason: true}   # a suppression comment must give a reason (``-- 理由``)

Configurations found inside a checked folder are untrusted input: each is bounded before it is
parsed (size, nesting, aliases: :mod:`.yamlio`), its ``packs:`` must stay inside its own directory
tree (symlinks resolved), every configuration that applied to a run is named in the output
(:attr:`ConfigResolver.applied`), and ``--isolated`` ignores them all.
"""

from __future__ import annotations

import fnmatch
import os
import re
import tomllib
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

from .diagnostics import Severity
from .errors import ConfigError
from .limits import Limits
from .yamlio import MAX_YAML_BYTES, error_message, load_yaml, read_bounded, validation_error

CONFIG_NAMES = (".disclosure-lint.yaml", ".disclosure-lint.yml")

AgencyKind = Literal[
    "street_office", "town_government", "township_government", "province_government",
    "city_government", "county_government", "government_office", "bureau", "commission",
    "office", "department", "vertical_branch", "enforcement_unit",
]


class AgencyConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str | None = None
    kind: AgencyKind | None = None


class ReportMapping(BaseModel):
    """``reports:`` — one entry: the files whose name (or path below the configuration's directory) matches
    ``pattern`` are the reports of ``agency`` (of ``kind``) for ``year``, where the content does not say so."""

    model_config = ConfigDict(extra="forbid")
    pattern: str = Field(min_length=1, max_length=500,
                         description="通配符：不含 / 时匹配文件名（如 '*自然资源*2023*'），含 / 时匹配相对于本配置文件所在"
                                     "目录的路径（如 'bureaus/*/2024.pdf'）")
    agency: str | None = Field(default=None, max_length=200, description="这些文件的发布机关名称")
    kind: AgencyKind | None = Field(default=None, description="发布机关类型（取值同 agency.kind）")
    year: int | None = Field(default=None, ge=1990, le=2100, description="这些文件的报告年度")

    def matches(self, path: Path, base: Path) -> bool:
        pat = self.pattern.replace("\\", "/")
        if "/" not in pat:
            return fnmatch.fnmatchcase(path.name, pat)
        try:
            rel = os.path.relpath(os.path.abspath(path), os.path.abspath(base)).replace(os.sep, "/")
        except ValueError:  # another drive (Windows)
            return False
        return fnmatch.fnmatchcase(rel, pat.removeprefix("./"))


def _mmdd(v: str) -> str:
    if not re.fullmatch(r"(0?[1-9]|1[0-2])-(0?[1-9]|[12]\d|3[01])", str(v)):
        raise ValueError("日期应写为 MM-DD，如 01-31")
    return str(v)


class ExpectedBody(BaseModel):
    """``bodies:`` — one body a supervising office expects a report of every year."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200, description="机关全称")
    kind: AgencyKind | None = Field(default=None, description="机关类型（取值同 agency.kind）")
    parent: str | None = Field(default=None, max_length=200, description="上级机关（也须列在 bodies 中），如区人民政府")
    aliases: list[str] = Field(default_factory=list, max_length=20,
                               description="简称或曾用名：报告以这些名称自称时视为同一机关")


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


class SuppressionConfig(BaseModel):
    """``suppressions:`` — how ``<!-- disclosure-lint-disable… -->`` comments are applied (:mod:`.suppressions`)."""

    model_config = ConfigDict(extra="forbid")
    require_reason: bool = Field(default=False, description="抑制注释须在规则代码后写明理由（“-- 理由”）；"
                                                            "没有理由的注释不生效，并以 DL003 报告。")


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # lengths bounded: every selector is matched against every rule, every pack is walked
    select: list[str] | None = Field(default=None, max_length=1000)
    ignore: list[str] = Field(default_factory=list, max_length=1000)
    severity: dict[str, Severity] = Field(default_factory=dict)
    options: dict[str, dict] = Field(default_factory=dict)
    packs: list[str] = Field(default_factory=list, max_length=50)
    year: int | None = Field(default=None, ge=1990, le=2100)
    format_version: Literal["legacy", "2019", "2021"] | None = None
    agency: AgencyConfig = Field(default_factory=AgencyConfig)
    reports: list[ReportMapping] = Field(default_factory=list, max_length=10_000)
    bodies: list[ExpectedBody] = Field(default_factory=list, max_length=10_000)
    deadlines: Deadlines = Field(default_factory=Deadlines)
    fail_on: Severity = "error"
    limits: Limits = Field(default_factory=Limits)
    suppressions: SuppressionConfig = Field(default_factory=SuppressionConfig)
    cache_dir: str | None = Field(default=None, max_length=4096)  # the result cache (cache.py), relative to this file
    # Before ``limits:`` existed this was top-level; still accepted, moved into ``limits``.
    max_file_size_mb: float | None = Field(default=None, gt=0, le=4096, allow_inf_nan=False, exclude=True)

    @model_validator(mode="after")
    def _legacy_max_file_size(self) -> Config:
        if self.max_file_size_mb is not None and "max_file_size_mb" not in self.limits.model_fields_set:
            self.limits = self.limits.model_copy(update={"max_file_size_mb": self.max_file_size_mb})
        return self


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class LoadedConfig:
    """A configuration and the file it came from."""

    config: Config
    path: Path | None  # where it came from (None: defaults)

    @property
    def base_dir(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def report_mapping(self, path: str | Path) -> ReportMapping | None:
        """The first ``reports:`` entry whose pattern matches ``path``."""
        p = Path(path)
        return next((m for m in self.config.reports if m.matches(p, self.base_dir)), None)

    def pack_paths(self) -> list[Path]:
        """The ``packs:`` directories, symlinks resolved; each must lie inside this file's own directory tree
        (a configuration planted in a checked folder must not load ``/`` or ``../../..``)."""
        if self.path is None or not self.config.packs:
            return []
        where = str(self.path)
        try:
            base = self.base_dir.resolve()
        except (OSError, RuntimeError) as exc:
            raise ConfigError(where, f"无法确定配置文件所在目录（{exc}）", key="packs") from None
        out = []
        for p in self.config.packs:
            try:
                resolved = (base / p).resolve()
            except (OSError, RuntimeError, ValueError):  # a symlink loop, a name too long, a NUL byte
                raise ConfigError(where, f"规则包 {p!r} 的路径无法解析（符号链接循环或路径过长）", key="packs") from None
            if not resolved.is_relative_to(base):
                raise ConfigError(where, f"规则包 {p!r} 不在配置文件所在目录 {base} 之内，出于安全考虑不加载"
                                         "（规则包须放在配置文件所在目录或其子目录中）", key="packs")
            out.append(resolved)
        return out


def load_config_file(path: Path) -> LoadedConfig:
    raw = read_bounded(str(path), MAX_YAML_BYTES, "配置文件")
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
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise ConfigError(str(path), f"TOML 语法错误：{exc}", line=int(m.group(1)) if m else None) from None
    except RecursionError:  # tomllib recurses per nested array / inline table
        raise ConfigError(str(path), "TOML 嵌套层数过多，未读取") from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(str(path), "tool 应为表（[tool]），实际是其他类型的值", line=_toml_line(text, "tool", top=True),
                          key="tool")
    section = tool.get("disclosure-lint", {})
    if not isinstance(section, dict):
        raise ConfigError(str(path), "[tool.disclosure-lint] 应为表（键 = 值），实际是其他类型的值",
                          key="tool.disclosure-lint")
    try:
        return LoadedConfig(Config.model_validate(section), path)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = "tool.disclosure-lint." + ".".join(str(p) for p in err["loc"])
        line = _toml_line(text, str(err["loc"][0]) if err["loc"] else None)
        raise ConfigError(str(path), error_message(err), line=line, key=key) from None


def _toml_line(text: str, key: str | None, top: bool = False) -> int | None:
    in_section = False
    for i, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if top and key and re.match(rf"{re.escape(key)}\s*=", s):
            return i
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
        with open(pyproject, "rb") as fh:  # only called for a regular file; a huge one is refused when loaded
            head = fh.read(MAX_YAML_BYTES + 1)
    except OSError:
        return False
    return b"[tool.disclosure-lint" in head


def _is_file(p: Path) -> bool:
    try:
        return p.is_file()
    except (OSError, ValueError):  # a name too long for the system (a folder nested 1,000 deep)
        return False


def find_config(start: Path) -> Path | None:
    """Nearest configuration file upward from ``start`` (a file or directory); a loop, not recursion,
    so a folder nested thousands deep is fine."""
    try:
        d = start if start.is_dir() else start.parent
    except (OSError, ValueError):
        d = start.parent
    try:
        d = d.resolve()
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a name too long to resolve
        d = Path(os.path.abspath(d))
    for parent in (d, *d.parents):
        for name in CONFIG_NAMES:
            p = parent / name
            if _is_file(p):
                return p
        pp = parent / "pyproject.toml"
        if _is_file(pp) and _has_tool_section(pp):
            return pp
    return None


class ConfigResolver:
    """Finds and caches the configuration for each checked file.

    ``isolated``: no configuration is discovered (defaults, or ``explicit`` when given).
    :attr:`applied` lists, in order of first use, every configuration file that applied to a file.
    """

    def __init__(self, explicit: Path | None = None, isolated: bool = False):
        self._explicit = load_config_file(explicit) if explicit else None
        self.isolated = isolated
        self._cache: dict[Path, LoadedConfig] = {}
        self._found: dict[Path, Path | None] = {}  # directory → its nearest configuration file (one walk per directory)
        self._of_dir: dict[str, LoadedConfig] = {}  # a file's directory as named → its configuration
        self._applied: dict[str, None] = {}

    @property
    def applied(self) -> list[str]:
        return list(self._applied)

    def for_path(self, path: str | Path) -> LoadedConfig:
        lc = self._resolve(path)
        if lc.path is not None:
            self._applied.setdefault(str(lc.path))
        return lc

    def _resolve(self, path: str | Path) -> LoadedConfig:
        if self._explicit is not None:
            return self._explicit
        if self.isolated:
            return self._cache.setdefault(Path("<defaults>"), LoadedConfig(Config(), None))
        # the directory as a string (a directory of a thousand reports: one stat per file, no Path built or hashed)
        name = os.fspath(path)
        try:
            d = name if os.path.isdir(name) else os.path.dirname(name)
        except (OSError, ValueError):
            d = os.path.dirname(name)
        lc = self._of_dir.get(d)
        if lc is not None:
            return lc
        dp = Path(d or ".")
        if dp not in self._found:
            self._found[dp] = find_config(dp)
        found = self._found[dp]
        key = found or Path("<defaults>")
        if key not in self._cache:
            self._cache[key] = load_config_file(found) if found else LoadedConfig(Config(), None)
        lc = self._of_dir[d] = self._cache[key]
        return lc
