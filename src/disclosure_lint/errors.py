"""Exceptions that become one clear line for the user and exit code 2."""

from __future__ import annotations


class DisclosureLintError(Exception):
    """Base class; ``str(exc)`` is a complete Chinese sentence for the user."""


class InputError(DisclosureLintError):
    """A file cannot be read as a report (missing, empty, binary, undecodable…)."""


class UnsupportedType(InputError):
    """A file of a type the tool does not read (.wps, .xls, .ods …, by its name and its bytes; a .doc that is no Word document): named on the
    command line it is an error, found in a directory it is skipped with this sentence."""


class ConfigError(DisclosureLintError):
    """A configuration file or rule pack is malformed."""

    def __init__(self, path: str, message: str, line: int | None = None, key: str | None = None):
        self.path = path
        self.line = line
        self.key = key
        self.detail = message
        where = path if line is None else f"{path}:{line}"
        key_part = f"（键 {key}）" if key else ""
        prefix = "配置错误" if path != "命令行参数" else "参数错误"
        super().__init__(f"{prefix}：{where}{key_part}：{message}")
