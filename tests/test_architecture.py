"""The shape of the source tree: no import cycle, no module over 700 lines, no private name imported across modules.

The three allowlists below hold what existed when these tests were written (issue 9).  Each test fails
when something new appears *and* when an allowlisted entry is gone, so the lists can only shrink: the
coordinator empties them as the other helpers' splits merge.  Run ``python -m tests.test_architecture``
to print today's cycles, long modules and private imports.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = "disclosure_lint"
MAX_LINES = 700
LONG_ALLOWED = {"readers.pdf"}  # the PDF reader is allowed to be long (issue 9)

# --- the allowlists (module names relative to disclosure_lint); they may only shrink -------------------------
KNOWN_CYCLES: set[tuple[str, ...]] = set()
KNOWN_LONG: set[str] = set()
KNOWN_PRIVATE_IMPORTS: set[tuple[str, str, str]] = set()


def _short(name: str) -> str:
    return name.removeprefix(PACKAGE + ".") if name != PACKAGE else "(package)"


@cache
def modules() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name, for its ``__init__.py``)."""
    out = {}
    for path in sorted((SRC / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _runtime_nodes(tree: ast.AST):
    """Every node of ``tree`` except those under ``if TYPE_CHECKING:`` (type-only imports do not run)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            stack.extend(node.orelse)
        else:
            stack.extend(ast.iter_child_nodes(node))


def _from_base(name: str, is_package: bool, node: ast.ImportFrom) -> str:
    """The absolute module a ``from … import`` names, relative imports resolved against module ``name``."""
    if not node.level:
        return node.module or ""
    package = name.split(".") if is_package else name.split(".")[:-1]
    base = package[:len(package) - (node.level - 1)]
    return ".".join(base + (node.module.split(".") if node.module else []))


def imports_in(source: str, name: str, is_package: bool, mods) -> list[tuple[str, str]]:
    """(imported module, imported name or "") for every import of the package's own modules that module ``name``
    (source ``source``) runs, inside functions too; ``from pkg import x`` is an import of ``pkg.x`` when that is
    one of ``mods``.  Importing ``a.b.c`` also runs the packages ``a`` and ``a.b``; that is not counted (it is
    not a dependency of the importer on them)."""
    out = []
    for node in _runtime_nodes(ast.parse(source)):
        if isinstance(node, ast.Import):
            out += [(a.name, "") for a in node.names if a.name.split(".")[0] == PACKAGE]
        elif isinstance(node, ast.ImportFrom):
            base = _from_base(name, is_package, node)
            if base.split(".")[0] != PACKAGE:
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                out.append((sub, "") if sub in mods else (base, alias.name))
    return out


@cache
def imports(name: str) -> tuple[tuple[str, str], ...]:
    path = modules()[name]
    return tuple(imports_in(path.read_text(encoding="utf-8"), name, path.name == "__init__.py", modules()))


def graph() -> dict[str, set[str]]:
    mods = modules()
    return {name: {m for m, _ in imports(name) if m in mods and m != name} for name in mods}


def cycles(g: dict[str, set[str]], limit: int = 10_000) -> set[tuple[str, ...]]:
    """Every elementary cycle of ``g``, each rotated to start at its smallest module name."""
    found: set[tuple[str, ...]] = set()
    order = sorted(g)
    for start in order:
        # only cycles whose smallest node is ``start``: each is found once
        stack = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for nxt in sorted(g[node]):
                if nxt == start:
                    found.add(tuple(path))
                    assert len(found) < limit, "too many import cycles to list"
                elif nxt > start and nxt not in path:
                    stack.append((nxt, [*path, nxt]))
    return found


def _show_cycle(c: tuple[str, ...]) -> str:
    return " -> ".join(_short(m) for m in (*c, c[0]))


def _short_cycle(c: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_short(m) for m in c)


def long_modules() -> dict[str, int]:
    out = {}
    for name, path in modules().items():
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > MAX_LINES and _short(name) not in LONG_ALLOWED:
            out[_short(name)] = n
    return out


def private_imports() -> set[tuple[str, str, str]]:
    """(importer, module, name) for each ``from module import _name`` across two modules of the package."""
    out = set()
    for name in modules():
        for mod, imported in imports(name):
            if mod != name and imported.startswith("_") and not imported.startswith("__"):
                out.add((_short(name), _short(mod), imported))
    return out


def test_the_walk_sees_function_level_and_relative_imports_but_not_type_only_ones():
    mods = {f"{PACKAGE}.{m}" for m in ("p", "p.a", "p.b", "p.c", "q", "model")}
    source = ("from typing import TYPE_CHECKING\nfrom ..model import Block, _private\nfrom . import a\n"
              "import disclosure_lint.q\nif TYPE_CHECKING:\n    from .b import X\n"
              "def f():\n    from .c import y\n    from . import helper\n")
    assert sorted(imports_in(source, f"{PACKAGE}.p.mod", False, mods)) == sorted([
        (f"{PACKAGE}.model", "Block"), (f"{PACKAGE}.model", "_private"), (f"{PACKAGE}.p.a", ""),
        (f"{PACKAGE}.q", ""), (f"{PACKAGE}.p.c", "y"), (f"{PACKAGE}.p", "helper")])
    # in a package's __init__.py, ``.`` is the package itself
    assert imports_in("from .a import z\n", f"{PACKAGE}.p", True, mods) == [(f"{PACKAGE}.p.a", "z")]
    assert f"{PACKAGE}.cli" in modules() and f"{PACKAGE}.readers.pdf" in modules()
    assert sum(len(v) for v in graph().values()) > 100


def test_cycles_finder():
    g = {"a": {"b"}, "b": {"a", "c"}, "c": {"a"}, "d": {"d"}}
    assert cycles(g) == {("a", "b"), ("a", "b", "c"), ("d",)}


def test_no_new_import_cycle_and_the_known_ones_still_exist():
    found = {_short_cycle(c) for c in cycles(graph())}
    new = sorted(found - KNOWN_CYCLES)
    gone = sorted(KNOWN_CYCLES - found)
    assert not new, "new import cycle(s) — move the shared thing to a third module:\n" + "\n".join(
        " -> ".join((*c, c[0])) for c in new)
    assert not gone, "cycle(s) no longer there — remove them from KNOWN_CYCLES:\n" + "\n".join(
        " -> ".join((*c, c[0])) for c in gone)


def test_no_new_module_over_700_lines_and_the_known_ones_are_still_long():
    found = long_modules()
    new = sorted(set(found) - KNOWN_LONG)
    gone = sorted(KNOWN_LONG - set(found))
    assert not new, f"module(s) over {MAX_LINES} lines — split them: " + ", ".join(f"{m} ({found[m]})" for m in new)
    assert not gone, f"now at most {MAX_LINES} lines — remove them from KNOWN_LONG: {gone}"


def test_no_new_private_name_imported_across_modules():
    found = private_imports()
    new = sorted(found - KNOWN_PRIVATE_IMPORTS)
    gone = sorted(KNOWN_PRIVATE_IMPORTS - found)
    assert not new, "private name(s) imported from another module — make them public:\n" + "\n".join(
        f"{a} imports {n} from {b}" for a, b, n in new)
    assert not gone, "no longer imported — remove them from KNOWN_PRIVATE_IMPORTS:\n" + "\n".join(
        f"{a} imports {n} from {b}" for a, b, n in gone)


if __name__ == "__main__":  # print today's lists, to start or check the allowlists
    for c in sorted(_short_cycle(c) for c in cycles(graph())):
        print(f"    {c!r},")
    print(long_modules())
    for p in sorted(private_imports()):
        print(f"    {p!r},")


def test_tests_find_shared_relative_to_the_repository_root():
    """Real reports are read from ``../shared`` through tests/shared_path.py's SHARED only (conftest's for the tests) (no machine's absolute path), so a
    clone elsewhere finds them or skips the corpus tests saying why."""
    root = SRC.parent
    bad = []
    for folder in ("tests", "bench", "scripts"):
        for path in sorted((root / folder).rglob("*.py")):
            text = path.read_text(encoding="utf-8")
            rel = path.relative_to(root).as_posix()
            if rel == "tests/test_architecture.py":  # this test names what it looks for
                continue
            prefixes = [f"/{top}/" for top in ("work", "home", "root")]  # written so that this file has none itself
            if any(f'"{prefix}' in text or f"'{prefix}" in text for prefix in prefixes):
                bad.append(f"{rel}: an absolute path of one machine")
            if rel != "tests/shared_path.py" and ('"shared"' in text or "/ \"shared" in text):
                bad.append(f"{rel}: builds the path of ../shared itself (use tests/shared_path.py's SHARED)")
    assert not bad, "\n".join(bad)
