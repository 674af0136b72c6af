"""Run one hostile case through the real CLI, bounded, and check the issue's "Done when" on it.

The child is ``python -m disclosure_lint ARGS`` in the case's directory, in its own session, with
``RLIMIT_AS`` (address space, default 1 GiB), ``RLIMIT_FSIZE`` (256 MiB: a run that writes more is
killed, not the disk filled) and no core files.  stdout/stderr go to files (no pipe to deadlock on),
the run is reaped with :func:`os.wait4` so that its own peak RSS is known, and the whole process group
is killed at the wall-clock timeout (default 10 s; ``HOSTILE_TIMEOUT``/``HOSTILE_AS_MB`` override).  The
timeout is a hang detector, not a speed check, so it is stretched twice:
* on a machine busier than its cores (load average above the CPU count) by that ratio, at most four times,
  so that a shared CI runner does not turn a case that needs 3 s of CPU into a false "hang";
* on a machine slower than the one the 10 s was set on, by how much slower it runs a fixed piece of Python
  (:func:`tests.machine.slowness`, at most three times): the largest cases (10–20 MB in one paragraph) need
  about 5 s there and 11 s on the slowest instance of the same VM kind seen here.
The speed figures are the benchmark's: ``bench/run.py --hostile``.
"""

from __future__ import annotations

import os
import re
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.machine import slowness

TIMEOUT = float(os.environ.get("HOSTILE_TIMEOUT", "10"))
AS_BYTES = int(os.environ.get("HOSTILE_AS_MB", "1024")) << 20
FSIZE_BYTES = 256 << 20
READ_CAP = 32 << 20  # bytes of each output stream looked at

# Characters that must never reach a terminal raw: C0 controls but \n and \t, DEL, C1 controls, and the
# bidirectional overrides/isolates/marks that reorder what a reader sees.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass
class Invocation:
    """What to run for one case (built by the case function)."""

    args: list[str]                      # after ``python -m disclosure_lint``, paths relative to the case dir
    good: tuple[str, ...] = ()           # good reports of the same run: each must be shown as checked
    env: dict[str, str] = field(default_factory=dict)
    stdout: str | None = None            # None: captured; a device path ("/dev/full"); "broken-pipe"
    literal: tuple[str, ...] = ()        # must appear verbatim in the output (escaped markup, named configs)
    forbid: tuple[str, ...] = ()         # must not appear in the output
    post: Callable[[Path, Result], str | None] | None = None  # extra check after the run: a problem or None
    cache: bool = False                  # run with the rule cache on (XDG_CACHE_HOME in the case dir)


@dataclass
class Result:
    exit: int | None                     # None when killed at the timeout; negative: killed by a signal
    seconds: float
    peak_mb: float
    stdout: str
    stderr: str
    out_bytes: int

    @property
    def text(self) -> str:
        return self.stdout + "\n" + self.stderr

    def first_traceback_line(self) -> str | None:
        lines = self.text.splitlines()
        for i, line in enumerate(lines):
            if line.startswith("Traceback"):
                tail = [x for x in lines[i + 1:] if x and not x.startswith(" ")]
                return tail[0][:160] if tail else line
        return None


def base_env(case_dir: Path, extra: dict[str, str], cache: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in {"COLUMNS", "LINES", "PYTHONIOENCODING", "NO_COLOR", "FORCE_COLOR", "TERM",
                        "DISCLOSURE_LINT_NO_CACHE", "XDG_CACHE_HOME", "PYTHONWARNINGS"}}
    # A UTF-8 terminal as on a machine with zh_CN.UTF-8 installed: strict errors on stdout (the C.UTF-8
    # locale of this container would make Python use surrogateescape and hide encoding failures).
    env.update({"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "dumb", "PYTHONIOENCODING": "utf-8",
                "XDG_CACHE_HOME": str(case_dir / ".cache"), "PYTHONDONTWRITEBYTECODE": "1"})
    if not cache:
        env["DISCLOSURE_LINT_NO_CACHE"] = "1"
    env.update(extra)
    return env


def _limits() -> None:  # runs in the child between fork and exec
    os.setsid()
    resource.setrlimit(resource.RLIMIT_AS, (AS_BYTES, AS_BYTES))
    resource.setrlimit(resource.RLIMIT_FSIZE, (FSIZE_BYTES, FSIZE_BYTES))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _read(path: Path, encoding: str) -> tuple[str, int]:
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            data = fh.read(READ_CAP)
    except OSError:
        return "", 0
    return data.decode(encoding, errors="replace"), size


def load_factor() -> float:
    """How much busier than its cores the machine is now (1 when idle, at most 4)."""
    try:
        load = os.getloadavg()[0]
    except OSError:  # pragma: no cover - no load average on this platform
        return 1.0
    return max(1.0, min(4.0, load / (os.cpu_count() or 1)))


def execute(case_dir: Path, inv: Invocation, timeout: float = TIMEOUT) -> Result:
    """Run the CLI for ``inv`` in ``case_dir``; never raises for what the child does."""
    timeout *= load_factor() * slowness()
    env = base_env(case_dir, inv.env, inv.cache)
    encoding = env.get("PYTHONIOENCODING", "utf-8").split(":")[0] or "utf-8"
    out_path, err_path = case_dir.parent / f"{case_dir.name}.stdout", case_dir.parent / f"{case_dir.name}.stderr"
    read_end = None
    with open(err_path, "wb") as err:
        if inv.stdout == "broken-pipe":
            read_end, out_fd = os.pipe()
            os.close(read_end)
            out = os.fdopen(out_fd, "wb")
        elif inv.stdout:
            out = open(inv.stdout, "wb")  # noqa: SIM115 - closed below
        else:
            out = open(out_path, "wb")  # noqa: SIM115
        start = time.monotonic()
        try:
            proc = subprocess.Popen([sys.executable, "-m", "disclosure_lint", *inv.args], cwd=case_dir, env=env,
                                    stdin=subprocess.DEVNULL, stdout=out, stderr=err, preexec_fn=_limits)
        finally:
            out.close()
        status = usage = None
        while True:
            pid, st, ru = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                status, usage = st, ru
                break
            if time.monotonic() - start > timeout:
                os.killpg(proc.pid, signal.SIGKILL)
                _, status, usage = os.wait4(proc.pid, 0)
                status = None
                break
            time.sleep(0.02)
        seconds = time.monotonic() - start
        proc.returncode = 0  # reaped here; keep Popen from waiting again
    exit_code = None if status is None else os.waitstatus_to_exitcode(status)
    stdout, size = ("", 0) if inv.stdout else _read(out_path, encoding)
    stderr, esize = _read(err_path, encoding)
    return Result(exit=exit_code, seconds=seconds, peak_mb=usage.ru_maxrss / 1024 if usage else 0.0,
                  stdout=stdout, stderr=stderr, out_bytes=size + esize)


def problems(case_dir: Path, inv: Invocation, res: Result, expected_exit: tuple[int, ...]) -> list[str]:
    """What of the issue's "Done when" the run broke (empty: all held)."""
    out: list[str] = []
    if res.exit is None:
        return [f"hang: killed after {res.seconds:.1f} s"]
    if res.exit < 0:
        name = signal.Signals(-res.exit).name if -res.exit in signal.Signals._value2member_map_ else res.exit
        out.append(f"crash: killed by {name}")
    if "Traceback" in res.text:
        out.append(f"traceback: {res.first_traceback_line()}")
    elif "MemoryError" in res.text:
        out.append("memory: MemoryError under the address-space limit")
    if res.exit not in expected_exit:
        out.append(f"exit code {res.exit}, expected {'/'.join(map(str, expected_exit))}")
    text = res.text.replace("\r\n", "\n")
    bad = FORBIDDEN.search(text)
    if bad:
        out.append(f"injection: raw control character U+{ord(bad.group()):04X} in the output")
    for lit in inv.literal:
        if lit not in text:
            out.append(f"missing from the output: {lit!r}")
    for lit in inv.forbid:
        if lit in text:
            out.append(f"in the output but should not be: {lit!r}")
    for good in inv.good:
        shown = [ln for ln in text.splitlines() if good in ln]
        if not shown or all(ln.lstrip().startswith("错误") for ln in shown):  # "错误：path：…" (its header counts 错误)
            out.append(f"good report {good} not checked")
    if res.out_bytes > FSIZE_BYTES // 2:
        out.append(f"output of {res.out_bytes >> 20} MB")
    if inv.post is not None:
        msg = inv.post(case_dir, res)
        if msg:
            out.append(msg)
    return out
