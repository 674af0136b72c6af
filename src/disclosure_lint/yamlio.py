"""Safe YAML loading with line numbers for error messages.

Documents are loaded with ruamel.yaml's *safe* loader only (no arbitrary tags, no
object construction).  When validation fails, the same text is *composed* (node
tree with marks, nothing constructed) to find the line of the offending key.

Configuration and user rule files are untrusted input (a ``.disclosure-lint.yaml`` can sit in
any checked folder), so before they are loaded they are bounded: at most :data:`MAX_YAML_BYTES`
bytes, read only from a regular file (:func:`read_bounded`), and their event stream (the parser
is a state machine, it does not recurse) is scanned for nesting deeper than :data:`MAX_DEPTH` and
for more than :data:`MAX_NODES` nodes once aliases are expanded ("billion laughs").  The loader's
composer recurses per level, and 100,000 nested ``[`` made it crash the interpreter (exit 139).
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from .errors import ConfigError
from .fsread import Refused, TooBig, read_regular

MAX_YAML_BYTES = 1024 * 1024  # a configuration or rule file; the largest built-in rule file is ~10 KB
MAX_DEPTH = 64  # nested mappings/sequences; real files use fewer than 10
MAX_NODES = 200_000  # scalars and collections, aliases counted as what they stand for


def read_bounded(path: str, max_bytes: int = MAX_YAML_BYTES, what: str = "配置文件") -> bytes:
    """The bytes of a regular file of at most ``max_bytes`` (:func:`.fsread.read_regular`), else ConfigError:
    a FIFO, a device or ``/dev/zero`` behind a symlink is refused without blocking or reading it."""
    try:
        return read_regular(path, max_bytes)
    except TooBig as exc:
        raise ConfigError(path, f"{what}过大（{exc.size // 1024} KB，上限 {max_bytes // 1024} KB），未读取") from None
    except Refused as exc:
        raise ConfigError(path, f"{what}无法读取：{exc}") from None


def check_shape(text: str, path: str) -> None:
    """Refuse YAML nested deeper than :data:`MAX_DEPTH` or with more than :data:`MAX_NODES` nodes once
    aliases are expanded, by scanning the parser's events (nothing is composed or constructed)."""
    # ruamel.yaml (≈40 ms) is loaded on demand in this module: only when a YAML file is read (the built-in rules
    # are cached as JSON, a run without a configuration file reads none)
    from ruamel.yaml.events import (
        AliasEvent,
        CollectionEndEvent,
        CollectionStartEvent,
        ScalarEvent,
    )

    if len(text) > MAX_YAML_BYTES:
        raise ConfigError(path, f"文件过大（上限 {MAX_YAML_BYTES // 1024} KB），未读取")
    depth = 0
    total = 0
    starts: list[tuple[str | None, int]] = []  # open collections: (anchor, total when opened)
    sizes: dict[str, int] = {}  # anchor → nodes it stands for
    for ev in _yaml().parse(text):
        if isinstance(ev, ScalarEvent):
            total += 1
            if ev.anchor:
                sizes[ev.anchor] = 1
        elif isinstance(ev, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                line = ev.start_mark.line + 1 if ev.start_mark is not None else None
                raise ConfigError(path, f"嵌套层数超过上限 {MAX_DEPTH}，未读取", line=line)
            starts.append((ev.anchor, total))
            total += 1
        elif isinstance(ev, CollectionEndEvent):
            depth -= 1
            anchor, before = starts.pop()
            if anchor:
                sizes[anchor] = total - before
        elif isinstance(ev, AliasEvent):
            total += sizes.get(ev.anchor, 1)
        if total > MAX_NODES:
            line = ev.start_mark.line + 1 if ev.start_mark is not None else None
            raise ConfigError(path, f"内容过多（展开锚点别名后超过 {MAX_NODES} 个节点），未读取", line=line)


def _yaml(pure: bool = False):
    """The safe loader; ruamel.yaml.clib's C parser when installed (5× faster), else pure Python."""
    from ruamel.yaml import YAML  # on demand (see check_shape)

    return YAML(typ="safe", pure=pure)


def load_yaml(text: str, path: str, trusted: bool = False) -> Any:
    """Load ``text``; unless ``trusted`` (the tool's own rule files), bounded first (:func:`check_shape`)."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError  # on demand (see check_shape)

    try:
        if not trusted:
            check_shape(text, path)
        return _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "YAML 语法错误"
        raise ConfigError(path, f"YAML 语法错误：{problem}", line=line) from None
    except YAMLError as exc:
        raise ConfigError(path, f"YAML 语法错误：{exc}") from None
    except RecursionError:  # cannot happen after check_shape; never a traceback all the same
        raise ConfigError(path, "嵌套层数过多，未读取") from None


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


def option_line(path: str, loc: tuple[Any, ...]) -> int | None:
    """Line of ``options.<loc>`` in the configuration file ``path`` (best effort, for an error message):
    a rule's options from a configuration are validated when the rules are prepared, after loading."""
    try:
        text = read_bounded(path).decode("utf-8-sig")
    except (ConfigError, UnicodeDecodeError):
        return None
    if not path.endswith(".toml"):
        return line_of(text, ("options", *loc))
    lines, start, found = text.splitlines(), 0, None  # TOML: each key on or after the line of the one before
    for word in ("options", *(str(p) for p in loc if not isinstance(p, int))):
        i = next((i for i in range(start, len(lines)) if word in lines[i]), None)
        if i is None:
            break
        found, start = i + 1, i
    return found


def validation_error(exc: ValidationError, text: str, path: str, prefix: tuple[Any, ...] = ()) -> ConfigError:
    """The first pydantic error as a ConfigError naming file, line and key."""
    err = exc.errors()[0]
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    full = prefix + loc
    key = ".".join(str(p) for p in full) or None
    msg = error_message(err)
    return ConfigError(path, msg, line=line_of(text, full), key=key)


def error_message(err: ErrorDetails) -> str:
    """One pydantic error said in Chinese (the key and line are given by the caller)."""
    t = err.get("type", "")
    if t == "extra_forbidden":
        return "未知的键"
    if t == "missing":
        return "缺少必需的键"
    if t == "literal_error":
        return f"取值无效（{err.get('msg')}）"
    return f"取值无效：{err.get('msg')}"
