"""The adversarial suite of issue 8: every hostile case through the real CLI, bounded.

For each case of :mod:`tests.hostile.cases` the CLI runs in a subprocess with a 10 s wall-clock
timeout and a 1 GiB address-space limit (a normal run of a report uses ~50-75 MB RSS and fits in
200 MB of address space, PDF included), and the issue's "Done when" is asserted: it finished in time,
no traceback, no raw control character on the terminal, rich markup shown as written, the expected
exit code, and the good report of the same run checked.  One small case per area runs by default
(:data:`DEFAULT_RUN`: each run is a CLI start, about a second); the other small ones, the big ones and the
variants under ``-m slow`` (and ``python -m tests.hostile --all``).  A case for a defect not yet fixed may be marked ``xfail`` naming it (none is:
every case of issue 8 passes).
"""

from __future__ import annotations

import os

import pytest

from tests.hostile.build import flatten
from tests.hostile.cases import CASES
from tests.hostile.run import execute, problems

# The default run's representative of each area of issue 8 (the areas' other cases: ``-m slow``); the
# same defects are also covered in-process by test_output_safety, test_config_safety, test_hostile_text
# and test_hostile_files.
DEFAULT_RUN = {
    "out": "ansi_clear_screen_in_name",  # a control sequence in a file name never reaches the terminal raw
    "conf": "config_catastrophic_regex",  # a user pattern that backtracks for ever stops its rule, not the run
    "text": "suppression_quadratic",  # a quadratic input stays linear
    "files": "fifo_in_folder",  # a special file in a checked folder never blocks the walk
}


def _param(c):
    marks = []
    if c.big or c.extra or DEFAULT_RUN[c.area] != c.name:
        marks.append(pytest.mark.slow)
    if c.xfail:
        marks.append(pytest.mark.xfail(strict=False, reason=c.xfail))
    if c.needs_non_root:
        marks.append(pytest.mark.skipif(os.geteuid() == 0, reason="root reads every directory"))
    return pytest.param(c, id=c.name, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_hostile(case, tmp_path):
    d = tmp_path / "case"
    d.mkdir()
    try:
        inv = case.build(d)
        res = execute(d, inv)
        found = problems(d, inv, res, case.exit)
    finally:
        flatten(d)  # a tree 1,100 deep would break pytest's clean-up
    assert not found, (f"{case.name} ({case.doc}): {'; '.join(found)} "
                       f"[{res.seconds:.1f} s, {res.peak_mb:.0f} MB, exit {res.exit}]\n"
                       f"--- stderr (end) ---\n{res.stderr[-1500:]}")


def test_catalogue_is_exact():
    """Names are unique, every xfail names the defect of issue 8, every case says what it is."""
    names = [c.name for c in CASES]
    assert len(names) == len(set(names))
    for c in CASES:
        assert c.area in {"out", "conf", "text", "files"}, c.name
        assert c.doc, c.name
        assert c.xfail is None or c.xfail.startswith("issue 8: "), c.name
        assert set(c.exit) <= {0, 1, 2, 141}, c.name  # 141: a closed pipe, as the shell reports it
    small = {c.name: c for c in CASES if not (c.big or c.extra)}
    assert all(small[n].area == a for a, n in DEFAULT_RUN.items())
