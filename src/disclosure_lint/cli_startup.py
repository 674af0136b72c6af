"""The command line's entry point (``disclosure-lint``, ``python -m disclosure_lint``): the cache of compiled regular
expressions (:mod:`.recache`) is installed before the rest of the tool is imported — the report layer compiles its
patterns at import — then :func:`.cli.main` runs.  Importing :mod:`.cli` (tests, a program embedding the CLI) does
not install it: only a process that is the command line's own patches :mod:`re`'s compiler.

Pydantic's plugins are turned off for the command line's process (``PYDANTIC_DISABLE_PLUGINS``, unless set): pydantic
otherwise reads the entry points of every distribution installed beside it when it builds its first model (6 ms here
with 80 distributions, more in a large environment), for plugins that would only watch the tool's own configuration
models.

The garbage collector is paused while the tool is imported, and what the imports made is then frozen
(:func:`gc.freeze`): the modules, classes, functions and compiled patterns live for the whole run, and the
collections that ran while they were made (≈ 100 young and ≈ 10 middle-generation passes: 29 M of a one-file
check's 1,700 M instructions, ≈ 6 ms) walked them again and again to find the ≈ 1,200 objects of import-time
cycles, now kept.  As :meth:`.api.Checker._load_rules` does with the rules once they are loaded.

The command line's process compiles each annotation that :mod:`typing` holds as text (a ``ForwardRef``: the fields
of pydantic-core's schema types, the tool's models under ``from __future__ import annotations``) once per text
(:func:`_kept_compile`): a start made ≈ 1,000 of them, ≈ 270 different (``bool`` 166 times, ``str`` 107), each
parsed and compiled again (≈ 50 k instructions each).  A code object is immutable: the ``ForwardRef`` objects of
one text share it."""

from __future__ import annotations

import builtins
from typing import Any

_KEPT_CODE: dict[str, Any] = {}
_KEPT_LONGEST = 200  # characters of an annotation's text whose code is kept
_KEPT_MAX = 4096


def _kept_compile(source: Any, filename: Any, mode: Any, *args: Any, **kwargs: Any) -> Any:
    """``compile`` as :mod:`typing` calls it (``ForwardRef``: a text, ``'<string>'``, ``'eval'``), the code of a text
    kept; any other call is ``compile``'s own.  Neither inherits this module's ``__future__`` flags (typing has none:
    its code objects are made as typing's own call makes them)."""
    if args or kwargs or type(source) is not str or filename != "<string>" or mode != "eval" \
            or len(source) > _KEPT_LONGEST:
        if len(args) < 2:
            kwargs.setdefault("dont_inherit", True)
        return builtins.compile(source, filename, mode, *args, **kwargs)
    code = _KEPT_CODE.get(source)
    if code is None:
        # (a SyntaxError is raised as before, nothing kept)
        code = builtins.compile(source, filename, mode, dont_inherit=True)
        if len(_KEPT_CODE) < _KEPT_MAX:
            _KEPT_CODE[source] = code
    return code


def main() -> None:
    import gc
    import os

    collecting = gc.isenabled()
    gc.disable()
    try:
        os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
        import typing

        typing.compile = _kept_compile  # type: ignore[attr-defined]  # (a module global before the builtin)
        from . import recache  # imported here, not at the top: nothing of the tool may be imported before install()

        recache.install()
        from .cli import main as cli_main  # after install(): the report layer's patterns come from the cache
    finally:
        if collecting:
            gc.freeze()
            gc.enable()
    cli_main()
