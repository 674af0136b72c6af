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
cycles, now kept.  As :meth:`.api.Checker._load_rules` does with the rules once they are loaded."""

from __future__ import annotations


def main() -> None:
    import gc
    import os

    collecting = gc.isenabled()
    gc.disable()
    try:
        os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
        from . import recache  # imported here, not at the top: nothing of the tool may be imported before install()

        recache.install()
        from .cli import main as cli_main  # after install(): the report layer's patterns come from the cache
    finally:
        if collecting:
            gc.freeze()
            gc.enable()
    cli_main()
