"""How fast this machine runs Python now: one measure shared by the benchmark and the hang detectors.

The same VM kind has been seen here to run the same code 2.5× slower on one instance than on another
(:func:`machine_speed`: 74 ms on one, 164 ms on another).  The benchmark prints this time beside its figures;
the hostile suite's hang detector (:mod:`tests.hostile.run`) stretches its timeout by :func:`slowness`, so that
a case needing 11 s of CPU on a slow instance is not reported as a hang that needs 5 s on the machine its
timeout was set on.
"""

from __future__ import annotations

import time

# The reference work's time on the machine the hang detectors' timeouts were set on (2 CPUs; the
# benchmark's figures of that time printed 74–110 ms).
NOMINAL_SECONDS = 0.09


def reference_work() -> int:
    """A fixed piece of pure-Python work (dictionary, string and integer operations, as the checker does)."""
    seen: dict[str, int] = {}
    total = 0
    for i in range(300_000):
        key = str(i % 997)
        seen[key] = seen.get(key, 0) + i
        total += len(key)
    return total + len(seen)


def machine_speed(repeat: int = 5) -> float:
    """The CPU seconds of :func:`reference_work`, best of ``repeat``: how fast this machine runs Python now.
    Benchmark figures move with this time: compare two runs' figures only together with their reference times."""
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        reference_work()
        best = min(best, time.process_time() - t)
    return best


_SLOWNESS: list[float] = []


def slowness(limit: float = 3.0) -> float:
    """How much slower than :data:`NOMINAL_SECONDS` this machine is (1 on that machine or a faster one, at
    most ``limit``), measured once per process (best of 3, about half a second on a slow machine)."""
    if not _SLOWNESS:
        _SLOWNESS.append(machine_speed(3) / NOMINAL_SECONDS)
    return max(1.0, min(limit, _SLOWNESS[0]))
