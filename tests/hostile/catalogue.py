"""The catalogue's machinery: the :class:`Case` record, the ``@case`` decorator and the helpers that
lay out a run (the good report beside the hostile input, a subordinate's folder with its own config).

The cases themselves are in ``cases_out``, ``cases_conf``, ``cases_text`` and ``cases_files`` (one per
part of issue 8); :mod:`.cases` imports them all.

Each case is a small function ``name(d) -> Invocation``: it builds its input in the empty directory ``d``
(the run's working directory, so every path is short and relative) and says how to run the CLI on it.
The decorator says what is expected:

* ``area`` — which part of the issue it belongs to (``out``: output, terminal, cache, ``stats -o``;
  ``conf``: configs, rule files, user regexes; ``text``: long lines, quadratic rules, finding caps, big
  tables in text; ``files``: special files, walks, empty files, PDF/Word/HTML bombs);
* ``exit`` — the acceptable exit codes: 2 where a file, config or output could not be handled; with the
  defective example beside it (``build.GOOD``, always findings) a handled case exits 1;
* ``big`` — generates more than ~5 MB or takes more than ~2 s: only under ``-m slow``;
* ``extra`` — a variant of another case: also only under ``-m slow`` (of the other, small cases,
  pytest's default run takes one per area: ``DEFAULT_RUN`` in tests/test_hostile.py);
* ``xfail`` — the defect on ``main`` that makes it fail now (``"issue 8: …"``); removed as fixes land.

Every run must also end within the timeout and memory bound, print no traceback, put no raw control
character on the terminal, and show every good report of ``Invocation.good`` as checked.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import build as b
from .build import good, write
from .run import Invocation, Result


@dataclass(frozen=True)
class Case:
    name: str
    area: str
    build: Callable[[Path], Invocation]
    exit: tuple[int, ...]
    big: bool = False
    extra: bool = False
    xfail: str | None = None
    needs_non_root: bool = False

    @property
    def doc(self) -> str:
        return (self.build.__doc__ or "").strip().splitlines()[0] if self.build.__doc__ else ""


CASES: list[Case] = []


def case(area: str, exit: int | tuple[int, ...] = 1, big: bool = False, extra: bool = False,
         xfail: str | None = None, needs_non_root: bool = False):
    def deco(fn: Callable[[Path], Invocation]) -> Callable[[Path], Invocation]:
        codes = exit if isinstance(exit, tuple) else (exit,)
        CASES.append(Case(fn.__name__, area, fn, codes, big, extra, xfail, needs_non_root))
        return fn
    return deco


def check(d: Path, *hostile: str, fmt: str | None = None, cmd: str = "check", opts: tuple[str, ...] = (),
          **kw) -> Invocation:
    """``check [-f FMT] good-2023.md HOSTILE…`` with the good report written beside them."""
    g = good(d)
    return _with(Invocation([cmd, *(["-f", fmt] if fmt else []), *opts, g, *hostile], good=(g,)), kw)


def check_folder(d: Path, folder: str = "folder", fmt: str | None = None, **kw) -> Invocation:
    """``check FOLDER`` with the good report inside it."""
    g = good(d, folder)
    return _with(Invocation(["check", *(["-f", fmt] if fmt else []), folder], good=(g,)), kw)


def _with(inv: Invocation, fields: dict) -> Invocation:
    for key, value in fields.items():
        setattr(inv, key, value)
    return inv


def sub_config(d: Path, text: str | bytes, name: str = ".disclosure-lint.yaml", **kw) -> Invocation:
    """A subordinate's folder ``sub/`` carrying its own config and a report; the good report outside it."""
    write(d, f"sub/{name}", text)
    write(d, "sub/report-2023.md", b.example())
    return check(d, "sub", **kw)


def sub_config_error(d: Path, text: str | bytes, name: str = ".disclosure-lint.yaml", **kw) -> Invocation:
    """Like :func:`sub_config` for a config that must be refused: its file named in the output."""
    return sub_config(d, text, name, literal=(name,), **kw)


def with_config(d: Path, text: str, **kw) -> Invocation:
    """The user's own config (``--config cfg.yaml``) for a run on the good report."""
    cfg = write(d, "cfg.yaml", text)
    return check(d, opts=("--config", cfg), **kw)


def with_config_error(d: Path, text: str) -> Invocation:
    """An explicit config that must be refused: the run stops, naming it."""
    return with_config(d, text, good=(), literal=("cfg.yaml",))


def pack_config(d: Path, rule: str, where: str = "sub") -> None:
    """A folder ``where/`` with a report, a config ``packs: [rules]`` and ``rules/rule.yaml``."""
    write(d, f"{where}/rules/rule.yaml", rule)
    write(d, f"{where}/.disclosure-lint.yaml", "packs: [rules]\n")
    write(d, f"{where}/report-2023.md", b.example())


def pack_error(d: Path, rule: str) -> Invocation:
    """A folder pack with a rule that must be refused: the rule file named, the good report checked."""
    pack_config(d, rule)
    return check(d, "sub", literal=("rule.yaml",))


def kept(path: Path, test: Callable[[int], bool], what: str) -> Callable[[Path, Result], str | None]:
    def post(d: Path, _res: Result) -> str | None:
        try:
            mode = os.lstat(d / path).st_mode
        except OSError:
            return f"{path} was removed"
        return None if test(mode) else f"{path} was replaced (no longer {what})"
    return post


def link(d: Path, name: str, target: str) -> str:
    os.symlink(target, d / name)
    return name


def by_name() -> dict[str, Case]:
    return {c.name: c for c in CASES}
