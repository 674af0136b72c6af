"""Debian packages some tests need (LibreOffice, Chromium, Noto CJK), installed where ``apt-get`` can: the tests that
need them skip, saying why, only where that fails (no apt, no rights, no network).  No pytest import: ``tests/scans.py``
(used by ``bench/ocr.py`` too) calls it."""

from __future__ import annotations

import shutil
import subprocess


def apt_install(package: str) -> None:
    """``apt-get install -y package``, quietly, within 240 s (under pytest-timeout's 300 s: too slow an install is a
    skip); nothing where there is no ``apt-get`` or it fails.  Another install under way (a test in another xdist
    worker) is waited for, not failed on (dpkg's lock: apt-get gives up at once without ``DPkg::Lock::Timeout``)."""
    if not shutil.which("apt-get"):
        return
    try:
        subprocess.run(["apt-get", "install", "-y", "-q", "-o", "DPkg::Lock::Timeout=200", package], capture_output=True, timeout=240, check=False,
                       env={"DEBIAN_FRONTEND": "noninteractive", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"})
    except (OSError, subprocess.TimeoutExpired):
        pass
