"""Safe YAML loading with line numbers for error messages.

Documents are loaded with ruamel.yaml's *safe* loader only (no arbitrary tags, no
object construction).  When validation fails, the same text is *composed* (node
tree with marks, nothing constructed) to find the line of the offending key.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from .errors import ConfigError


def _yaml(pure: bool = False):
    """The safe loader; ruamel.yaml.clib's C parser when installed (5× faster), else pure Python."""
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=pure)


def load_yaml(text: str, path: str) -> Any:
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        return _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "YAML 语法错误"
        raise ConfigError(path, f"YAML 语法错误：{problem}", line=line) from None
    except YAMLError as exc:
        raise ConfigError(path, f"YAML 语法错误：{exc}") from None


def line_of(text: str, loc: tuple[Any, ...]) -> int | None:
    """Line (1-based) of the node at key path ``loc`` in YAML ``text`` (best effort)."""
    try:
        node = _yaml(pure=True).compose(text)
    except Exception:  # noqa: BLE001 - only used to enrich an error message
        return None
    best = node.start_mark.line + 1 if node is not None else None
    for key in loc:
        if node is None:
            break
        nxt = None
        if node.id == "mapping":
            for k, v in node.value:
                if str(k.value) == str(key):
                    best = k.start_mark.line + 1
                    nxt = v
                    break
        elif node.id == "sequence" and isinstance(key, int) and key < len(node.value):
            nxt = node.value[key]
            best = nxt.start_mark.line + 1
        node = nxt
    return best


def validation_error(exc: ValidationError, text: str, path: str, prefix: tuple[Any, ...] = ()) -> ConfigError:
    """The first pydantic error as a ConfigError naming file, line and key."""
    err = exc.errors()[0]
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    full = prefix + loc
    key = ".".join(str(p) for p in full) or None
    msg = _zh(err)
    return ConfigError(path, msg, line=line_of(text, full), key=key)


def _zh(err: dict) -> str:
    t = err.get("type", "")
    if t == "extra_forbidden":
        return "未知的键"
    if t == "missing":
        return "缺少必需的键"
    if t == "literal_error":
        return f"取值无效（{err.get('msg')}）"
    return f"取值无效：{err.get('msg')}"
