"""A progress bar on standard error while many files are checked (≥ :data:`MIN_FILES`), only when
standard error is a terminal: a CI log or a redirected stderr gets nothing.  rich's bar, transient (it
is gone when the run ends, so the results are not pushed away)."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import TypeVar

from ..termsafe import terminal

T = TypeVar("T")
MIN_FILES = 20


def tracked(items: Sequence[T], label: str = "检查") -> Iterator[T]:
    """``items``, showing a bar on a terminal standard error when there are many of them."""
    stream = sys.stderr
    try:
        interactive = stream is not None and stream.isatty()
    except (ValueError, AttributeError, OSError):
        interactive = False
    if len(items) < MIN_FILES or not interactive:
        yield from items
        return
    # on demand: rich.progress (and rich.live under it) only for a terminal run over many files
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(file=stream, highlight=False, emoji=False)
    with Progress(TextColumn(terminal(label)), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=console, transient=True) as bar:
        task = bar.add_task(label, total=len(items))
        for item in items:
            yield item
            bar.advance(task)
