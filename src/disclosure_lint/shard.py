"""``check --shard i/n``: the i-th of n parts of the discovered files, so that n CI runners share a scan and
``disclosure-lint merge`` joins their JSON results into the result of one run.

The split is round-robin over the discovered list: file number k (0-based, in the order ``check`` finds
them: each folder's files sorted, then its sub-folders) belongs to part ``k mod n + 1``.  It needs every
runner to discover the same list — the same checkout and the same arguments, which is what a CI matrix
gives — and in return the parts differ by at most one file, and the files of one folder (often one body's
reports, or a batch of big scans) are spread over the runners instead of all landing on one, as a hash
of the path would do by chance.  The JSON output of a part records each file's number (``shard.positions``),
so the merge restores the order of one run, and each report's facts and the rules across reports that applied
(``cross``: :mod:`.batch.carried`), so the merge runs the checks across reports (a body's years, bodies of one
kind, ``bodies:``) over the reports of every part instead of keeping each part's partial findings.
"""

from __future__ import annotations

import re
from typing import TypeVar

from .errors import ConfigError

T = TypeVar("T")


def parse(spec: str) -> tuple[int, int]:
    """``"2/5"`` → ``(2, 5)``; :class:`ConfigError` (a usage error) otherwise."""
    m = re.fullmatch(r"\s*(\d{1,6})\s*/\s*(\d{1,6})\s*", spec)
    if not m or not 1 <= int(m.group(1)) <= int(m.group(2)):
        raise ConfigError("命令行参数", f"--shard 应写为 i/n（1 ≤ i ≤ n），如 1/4，实际为 {spec!r}")
    return int(m.group(1)), int(m.group(2))


def pick(items: list[T], index: int, count: int) -> tuple[list[T], list[int]]:
    """The items of part ``index`` of ``count`` and their positions in ``items``."""
    positions = list(range(index - 1, len(items), count))
    return [items[k] for k in positions], positions
