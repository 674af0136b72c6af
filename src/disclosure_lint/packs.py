"""Rule packs: directories of YAML rule files, validated by pydantic.

A pack is a directory; every ``*.yaml``/``*.yml`` file in it (recursively) holds
one rule (a mapping) or several (``rules:`` list).  Built-in packs live in
``rules/`` and ship inside the wheel (``disclosure_lint/rules``).  Users add
packs through ``packs:`` in their configuration — no Python needed.

User packs are untrusted input (a configuration in a checked folder can name one): a pack is walked
without following directory symlinks, its rule files must resolve inside it and be regular files,
and it may hold at most :data:`MAX_PACK_FILES` rule files, :data:`MAX_PACK_BYTES` bytes of them and
:data:`MAX_PACK_ENTRIES` directory entries; each file is bounded like a configuration
(:func:`.yamlio.read_bounded`, :func:`.yamlio.check_shape`).  A message template may use plain
``{name}`` placeholders only: a format spec (``{match:>999999999}``), a conversion (``{match!r}``)
or attribute/index access (``{0.__class__}``) is refused when the rule is loaded.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import string
import sys
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from . import __version__
from .diagnostics import Category, Severity
from .errors import ConfigError
from .fsread import Refused, read_regular, walk_tree
from .kinds import all_kinds, get_kind
from .kinds.base import COMMON_PARAMS
from .memo import Kept
from .output import write_cache_json
from .yamlio import MAX_YAML_BYTES, line_of, load_yaml, read_bounded, validation_error

MAX_PACK_FILES = 1000  # rule files in one pack (the built-in packs hold ~60 together)
MAX_PACK_BYTES = 16 * 1024 * 1024  # their bytes together
MAX_PACK_ENTRIES = 20_000  # directory entries visited while looking for them
MAX_PACK_DEPTH = 32  # directory levels below a pack (walked without recursion)


class ExampleExpect(BaseModel):
    """What a fail example's finding must say (checked by tests/test_rule_docs.py, not shown in the docs): a
    fragment of its message and/or its position — line and column (1-based) or a fragment of its pointer."""

    model_config = ConfigDict(extra="forbid")

    message: str | None = Field(default=None, min_length=1)
    line: int | None = Field(default=None, ge=1)
    column: int | None = Field(default=None, ge=1)
    pointer: str | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _something(self) -> ExampleExpect:
        if self.message is None and self.line is None and self.column is None and self.pointer is None:
            raise ValueError("expect 至少要给出 message、line、column、pointer 中的一项")
        return self


class Example(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    note: str | None = None
    year: int | None = None
    agency: str | None = None
    agency_kind: str | None = None
    format: Literal["markdown", "text", "html"] = "markdown"
    # the file's name, for the rules about the file rather than the report (DL004): the example is read from its
    # UTF-8 bytes as a file of that name would be (``readers.read_document``)
    file: str | None = Field(default=None, min_length=1, max_length=200)
    expect: ExampleExpect | None = None  # fail examples only
    # the same body's report of the year before (Markdown), for the rules that compare two years
    # (kinds.cross): the example is checked with it as ``--previous`` (tests/test_cross_rule_docs.py)
    previous: str | None = None
    # other reports of the same run (Markdown) and the configuration of the run, for the rules that compare the
    # bodies of one run (the configuration's expected ``bodies:``)
    others: list[str] = Field(default_factory=list, max_length=20)
    config: dict[str, Any] | None = None


# a character of Chinese text (CJK, full-width forms and the marks set with them): two of them are written together
_HAN = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’…—·]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def join_lines(text: str) -> str:
    """A docs text written as a literal block (``what: |-``), its lines joined as Chinese is written: with nothing
    between two Chinese characters, with a space elsewhere (a line ending in a Latin word or a number); a blank line
    keeps its paragraph break (one newline, as a folded block gives).  A folded block (``>-``) would put a space at
    every line break, one between two Chinese characters too (“…才检查。 两格…”).  A one-line text is as it is."""
    if "\n" not in text:
        return text
    paragraphs = []
    for para in _BLANK_LINE.split(text.strip("\n")):
        out = ""
        for line in (ln.strip() for ln in para.split("\n")):
            if not line:
                continue
            joined = not out or (_HAN.match(out[-1]) is not None and _HAN.match(line[0]) is not None)
            out += line if joined else " " + line
        paragraphs.append(out)
    return "\n".join(paragraphs)


class RuleDocs(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    what: str
    why: str
    basis: str
    fail: list[Example] = Field(default_factory=list)
    pass_: list[Example] = Field(default_factory=list, alias="pass")
    options: str | None = None
    what_en: str | None = None

    @field_validator("what", "why", "basis", "options", mode="after")
    @classmethod
    def _joined(cls, v: str | None) -> str | None:
        return join_lines(v) if v is not None else None

    @field_validator("pass_")
    @classmethod
    def _pass_expects_nothing(cls, v: list[Example]) -> list[Example]:
        if any(ex.expect is not None for ex in v):
            raise ValueError("正例（pass）不会报告，不能写 expect")
        return v


class RuleSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    name: str
    kind: str
    category: Category
    severity: Severity
    message: str
    options: dict[str, Any] = Field(default_factory=dict)
    enabled: bool = True
    # Rules that report the same defect more fully: when one of them runs for a file, a finding of this
    # rule about the same thing (:attr:`.kinds.base.Hit.about`) is left to it; resolved by the engine.
    covered_by: list[str] = Field(default_factory=list, max_length=20)
    # Options shared with another rule (self-reference detection: DL302 takes DL301's): the options of this
    # rule's kind that the rule does not set itself (in its file or the user's configuration) are that rule's,
    # as configured, so that one setting serves both; resolved by the engine (:func:`.engine.rule_options`).
    options_from: str | None = None
    docs: RuleDocs

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not re.fullmatch(r"[A-Z]{1,6}\d{3}", v):
            raise ValueError("规则代码应为大写字母加三位数字，如 DL101")
        return v

    @field_validator("covered_by")
    @classmethod
    def _covered_by(cls, v: list[str]) -> list[str]:
        for code in v:
            if not re.fullmatch(r"[A-Z]{1,6}\d{3}", code):
                raise ValueError(f"covered_by 中的 {code[:40]!r} 不是规则代码（大写字母加三位数字，如 DL602）")
        return v

    @field_validator("options_from")
    @classmethod
    def _options_from(cls, v: str | None) -> str | None:
        if v is not None and not re.fullmatch(r"[A-Z]{1,6}\d{3}", v):
            raise ValueError(f"options_from 的 {v[:40]!r} 不是规则代码（大写字母加三位数字，如 DL301）")
        return v

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", v):
            raise ValueError("规则名称应为小写短横线形式，如 missing-section")
        return v


@dataclass(frozen=True, eq=False)  # eq=False: never compared or hashed (start-up time)
class LoadedRule:
    """A validated rule, its pack and the file it came from."""

    spec: RuleSpec
    pack: str
    source: str  # file path

    @cached_property
    def code(self) -> str:  # cached: the engine asks for it many times per rule and file
        return self.spec.id


def builtin_rules_dir() -> Path:
    here = Path(__file__).resolve().parent
    shipped = here / "rules"
    if shipped.is_dir():
        return shipped
    # running from a source checkout (editable install or PYTHONPATH=src)
    return here.parent.parent / "rules"


def _placeholders(template: str) -> set[str]:
    """The names of ``template``'s placeholders; ValueError for a malformed template or any placeholder
    other than a plain ``{name}`` (format specs, conversions, attribute or index access, positional)."""
    out = set()
    for _, field_name, spec, conversion in string.Formatter().parse(template):
        if field_name is None:
            continue
        if spec or conversion or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", field_name):
            shown = "{" + field_name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            raise ValueError(f"占位符 {shown[:60]} 不允许：只能写 {{名称}}，不能带格式说明、转换或属性/下标访问")
        out.add(field_name)
    return out


_PIECES: Kept[str, tuple[tuple[tuple[str, str | None, bool], ...], str | None, tuple[str, ...]]] = Kept(
    "packs.format_message", 1024)


def _pieces(template: str) -> tuple[tuple[tuple[str, str | None, bool], ...], str | None, tuple[str, ...]]:
    """``template`` parsed: (literal text, placeholder name or None, whether it has a format spec or conversion),
    kept by template (a rule's message is formatted for every finding: 2,728 times in a run's cross-report checks);
    with it, when no placeholder has a spec or conversion, the template as a ``%`` format (each literal's ``%`` as
    ``%%``, each placeholder a ``%s``) and the placeholders' names in order."""
    got = _PIECES.get(template)
    if got is None:
        pieces = tuple((literal, field_name, bool(spec or conversion))
                       for literal, field_name, spec, conversion in string.Formatter().parse(template))
        form: str | None = None
        if not any(special for _literal, _name, special in pieces):
            form = "".join(literal.replace("%", "%%") + ("%s" if name is not None else "")
                           for literal, name, _special in pieces)
        got = (pieces, form, tuple(name for _literal, name, _special in pieces if name is not None))
        if len(template) <= 4096:
            _PIECES.keep(template, got)
    return got


def format_message(template: str, params: dict[str, Any]) -> str:
    """``template`` with each plain ``{name}`` replaced by ``params[name]`` (unknown names stay visible);
    never evaluates a format spec, conversion or attribute access, whatever the template holds."""
    pieces, form, names = _pieces(template)
    if form is not None and type(params) is dict:  # (a dict subclass may answer a name it does not hold)
        try:
            # each value as str() makes it (%s is str() of any value; a tuple of them, so that a value that is a
            # tuple is one value): the pieces joined, without a loop in Python
            return form % tuple(map(params.__getitem__, names))
        except KeyError:  # an unknown name: shown as it is written, below
            pass
    out = []
    for literal, field_name, special in pieces:
        out.append(literal)
        if field_name is None:
            continue
        if not special and field_name in params:
            out.append(str(params[field_name]))
        else:
            out.append("{" + field_name + "}")
    return "".join(out)


def _validate_rule(data: Any, text: str, path: str, prefix: tuple) -> RuleSpec:
    if not isinstance(data, dict):
        raise ConfigError(path, "规则应为一个 YAML 映射（键: 值）", key=".".join(map(str, prefix)) or None)
    try:
        spec = RuleSpec.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, text, path, prefix) from None
    kind = get_kind(spec.kind)
    if kind is None:
        raise ConfigError(path, f"未知的检查类型 {spec.kind!r}（可用：{', '.join(sorted(all_kinds()))}）",
                          line=_line(text, prefix + ("kind",)), key=".".join(map(str, prefix + ("kind",))))
    try:
        kind.Options.model_validate(spec.options)
    except ValidationError as exc:
        raise validation_error(exc, text, path, prefix + ("options",)) from None
    try:
        unknown = _placeholders(spec.message) - kind.params - COMMON_PARAMS
    except ValueError as exc:
        raise ConfigError(path, f"消息模板格式错误：{exc}", line=_line(text, prefix + ("message",)),
                          key="message") from None
    if unknown:
        raise ConfigError(path, f"消息模板使用了未知的占位符 {', '.join(sorted(unknown))}"
                                f"（可用：{', '.join(sorted(kind.params | COMMON_PARAMS))}）",
                          line=_line(text, prefix + ("message",)), key=".".join(map(str, prefix + ("message",))))
    return spec


def _line(text: str, loc: tuple) -> int | None:
    return line_of(text, loc)


def load_pack_file(path: Path, pack: str, trusted: bool = False) -> list[LoadedRule]:
    """The rules of one YAML file; ``trusted``: a built-in rule file (not bounded before parsing)."""
    if trusted:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(str(path), f"无法读取规则文件（{exc}）") from None
    else:
        try:
            text = read_bounded(str(path), MAX_YAML_BYTES, "规则文件").decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ConfigError(str(path), "规则文件不是 UTF-8 编码") from None
    data = load_yaml(text, str(path), trusted=trusted)
    if data is None:
        return []
    if isinstance(data, dict) and "rules" in data and set(data) <= {"rules", "pack"}:
        items = data["rules"]
        if not isinstance(items, list):
            raise ConfigError(str(path), "rules 应为规则列表", line=_line(text, ("rules",)), key="rules")
        return [LoadedRule(_validate_rule(item, text, str(path), ("rules", i)), pack, str(path))
                for i, item in enumerate(items)]
    return [LoadedRule(_validate_rule(data, text, str(path), ()), pack, str(path))]


def load_pack_dir(directory: Path, pack: str | None = None, trusted: bool = False) -> list[LoadedRule]:
    if not directory.is_dir():
        raise ConfigError(str(directory), "规则包目录不存在" if not directory.exists() else "规则包应为目录")
    rules: list[LoadedRule] = []
    files = _builtin_files(directory) if trusted else _pack_files(directory)
    for f in files:
        name = pack or (f.parent.name if f.parent != directory else directory.name)
        rules.extend(load_pack_file(f, name, trusted=trusted))
    return rules


def _builtin_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def _pack_files(directory: Path) -> list[Path]:
    """The rule files of a user pack, bounded: directory symlinks are not followed (no loops), a file
    symlink must resolve inside the pack, and only regular files count."""
    root = directory.resolve()
    files: list[Path] = []
    entries = 0
    total = 0
    where = str(directory)

    def walk_error(d: str, exc: OSError) -> None:
        raise ConfigError(d, f"无法读取规则包目录（{exc.strerror or exc}）")

    for dirpath, dirnames, filenames, depth in walk_tree(str(directory), walk_error):
        if dirnames and depth >= MAX_PACK_DEPTH:
            raise ConfigError(where, f"规则包的目录层级超过 {MAX_PACK_DEPTH} 层，未加载")
        entries += len(dirnames) + len(filenames)
        if entries > MAX_PACK_ENTRIES:
            raise ConfigError(where, f"规则包中的文件和目录超过 {MAX_PACK_ENTRIES} 个，未加载")
        for n in filenames:
            if not n.endswith((".yaml", ".yml")):
                continue
            f = Path(dirpath, n)
            try:
                real = f.resolve()
                st = real.stat()
            except (OSError, RuntimeError):
                raise ConfigError(str(f), "规则文件无法读取（符号链接循环或失效）") from None
            if not real.is_relative_to(root):
                raise ConfigError(str(f), f"规则文件指向规则包 {root} 之外，出于安全考虑不加载")
            if not os.path.isfile(real):
                raise ConfigError(str(f), "规则文件不是普通文件（管道或设备文件），未读取")
            total += st.st_size
            files.append(f)
            if len(files) > MAX_PACK_FILES:
                raise ConfigError(where, f"规则包中的规则文件超过 {MAX_PACK_FILES} 个，未加载")
            if total > MAX_PACK_BYTES:
                raise ConfigError(where, f"规则包中的规则文件合计超过 {MAX_PACK_BYTES // (1024 * 1024)} MB，未加载")
    return sorted(files)


def _cache_dir() -> Path | None:
    if os.environ.get("DISCLOSURE_LINT_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "disclosure-lint"


def _cache_key(files: list[Path]) -> str:
    h = hashlib.sha1(f"{__version__}|{sys.version}".encode())
    for f in files:
        st = f.stat()
        h.update(f"|{f}|{st.st_mtime_ns}|{st.st_size}".encode())
    return h.hexdigest()[:20]


def _load_builtin() -> tuple[LoadedRule, ...]:
    root = builtin_rules_dir()
    rules: list[LoadedRule] = []
    for sub in sorted(p for p in root.iterdir() if p.is_dir()):
        rules.extend(load_pack_dir(sub, sub.name, trusted=True))
    return tuple(rules)


@lru_cache(maxsize=1)
def builtin_rules() -> tuple[LoadedRule, ...]:
    """The built-in rules, validated.

    Parsing the ~60 YAML rule files is most of the cost of loading them, so their parsed data is kept
    in a small cache file (``~/.cache/disclosure-lint``, or ``$XDG_CACHE_HOME``), keyed on the tool's
    version and every rule file's size and modification time.  The cache is JSON — plain data that
    cannot run code — and every rule read from it is validated again, exactly as a rule file is.  Any
    problem with the cache (unwritable, corrupt, not a regular file, not the user's own, writable by
    others) falls back to loading the files; ``DISCLOSURE_LINT_NO_CACHE=1`` turns it off.
    """
    cache = _cache_dir()
    if cache is None:
        return _load_builtin()
    path: Path | None = None
    key = ""
    try:
        root = builtin_rules_dir()
        files = sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
        files.append(Path(__file__))  # the rule model itself
        key = _cache_key(files)
        path = cache / f"rules-{key}.json"
        rules = _load_cached(path, key)
        if rules is not None:
            return rules
    except Exception:  # noqa: BLE001 - a broken cache is never the user's problem: reload and rewrite
        pass
    rules = _load_builtin()  # raises ConfigError for a malformed built-in rule
    if path is not None:
        _store(path, key, rules)
    return rules


_CACHE_FORMAT = 1
_CACHE_MAX_BYTES = 16 * 1024 * 1024  # the real file is ~200 KB


def _read_own_file(path: Path, limit: int) -> bytes | None:
    """The bytes of ``path`` if it is a regular file (not a link) of this user, not writable by others,
    within ``limit``; else None."""
    try:
        return read_regular(str(path), limit, follow_links=False, private=True)
    except Refused:
        return None


def _load_cached(path: Path, key: str) -> tuple[LoadedRule, ...] | None:
    """The rules stored in the cache file, validated again; None when there is no usable cache."""
    data = _read_own_file(path, _CACHE_MAX_BYTES)
    if data is None:
        return None
    doc = json.loads(data.decode("utf-8"))
    if not (isinstance(doc, dict) and doc.get("format") == _CACHE_FORMAT and doc.get("key") == key
            and isinstance(doc.get("rules"), list) and doc["rules"]):
        return None
    rules = []
    for entry in doc["rules"]:
        if not (isinstance(entry, dict) and isinstance(entry.get("pack"), str) and isinstance(entry.get("source"), str)):
            return None
        spec = _validate_rule(entry.get("spec"), "", entry["source"], ())  # ConfigError: the caller reloads
        rules.append(LoadedRule(spec, entry["pack"], entry["source"]))
    return tuple(rules)


def _store(path: Path, key: str, rules: tuple[LoadedRule, ...]) -> None:
    """Write the cache file (atomically; failures are ignored)."""
    try:
        doc = {"format": _CACHE_FORMAT, "key": key,
               "rules": [{"spec": r.spec.model_dump(mode="json", by_alias=True, exclude_unset=True),
                          "pack": r.pack, "source": r.source} for r in rules]}
    except Exception:  # noqa: BLE001 - a rule that cannot be dumped: just don't cache
        return
    write_cache_json(path, doc, ("rules-*.json",), stale=("rules-*.pickle",))


def load_rules(extra_packs: list[Path] | None = None) -> list[LoadedRule]:
    """Built-in rules plus user packs; duplicate codes are an error."""
    rules = list(builtin_rules())
    for p in extra_packs or []:
        rules.extend(load_pack_dir(p, p.name))
    seen: dict[str, LoadedRule] = {}
    for r in rules:
        if r.code in seen:
            other = seen[r.code]
            raise ConfigError(r.source, f"规则代码 {r.code} 重复（已在 {other.source} 中定义）", key="id")
        seen[r.code] = r
    names: dict[str, LoadedRule] = {}
    for r in rules:
        if r.spec.name in names:
            raise ConfigError(r.source, f"规则名称 {r.spec.name} 重复（已在 {names[r.spec.name].source} 中定义）",
                              key="name")
        names[r.spec.name] = r
    check_relations(rules)
    return rules


def check_relations(rules: list[LoadedRule]) -> None:
    """Every code in a rule's ``covered_by`` names another known rule, and no rule is covered by itself
    through a chain (A covered by B covered by A); ``options_from`` names another known rule that takes no
    options from a third: ConfigError naming the rule's file."""
    by_code = {r.code: r for r in rules}
    for r in rules:
        source = r.spec.options_from
        if source is not None:
            if source == r.code:
                raise ConfigError(r.source, f"规则 {r.code} 的 options_from 不能是它自己", key="options_from")
            if source not in by_code:
                raise ConfigError(r.source, f"规则 {r.code} 的 options_from 中的 {source} 不是已知的规则代码",
                                  key="options_from")
            if by_code[source].spec.options_from is not None:
                raise ConfigError(r.source, f"规则 {r.code} 的 options_from 指向的 {source} 本身也沿用其他规则的选项"
                                            "（不支持多级沿用）", key="options_from")
        for code in r.spec.covered_by:
            if code == r.code:
                raise ConfigError(r.source, f"规则 {r.code} 的 covered_by 不能包含它自己", key="covered_by")
            if code not in by_code:
                raise ConfigError(r.source, f"规则 {r.code} 的 covered_by 中的 {code} 不是已知的规则代码",
                                  key="covered_by")
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for start in rules:
        stack = [(start.code, iter(start.spec.covered_by))]
        if state.get(start.code):
            continue
        state[start.code] = 1
        while stack:
            code, nxt = stack[-1]
            child = next(nxt, None)
            if child is None:
                state[code] = 2
                stack.pop()
            elif state.get(child) == 1:
                raise ConfigError(by_code[code].source, f"规则 {code} 的 covered_by 形成循环（经过 {child}）",
                                  key="covered_by")
            elif not state.get(child):
                state[child] = 1
                stack.append((child, iter(by_code[child].spec.covered_by)))

