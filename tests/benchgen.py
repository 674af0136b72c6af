"""The benchmark's report generator (``bench/generate.py``) for the tests: ``bench/out`` is not in a fresh clone, so a
test that wants generated reports makes them here."""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from functools import cache
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
_NAME = "disclosure_lint_bench_generate"


def generator() -> ModuleType:
    """``bench/generate.py`` as a module (loaded once)."""
    if _NAME not in sys.modules:
        spec = importlib.util.spec_from_file_location(_NAME, ROOT / "bench" / "generate.py")
        assert spec is not None and spec.loader is not None
        mod = importlib.util.module_from_spec(spec)
        sys.modules[_NAME] = mod  # dataclasses look their module up while the class is made
        spec.loader.exec_module(mod)
    return sys.modules[_NAME]


@cache
def generated(n: int, seed: int | None = None) -> tuple[tuple[str, str], ...]:
    """``n`` generated Markdown reports, ``(file name, text)`` in name order (the generator's default seed unless
    ``seed``)."""
    with tempfile.TemporaryDirectory() as d:
        if seed is None:
            generator().generate(n, d)
        else:
            generator().generate(n, d, seed=seed)
        return tuple((p.name, p.read_text(encoding="utf-8")) for p in sorted(Path(d).glob("*.md")))
