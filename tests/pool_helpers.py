"""A worker factory for the process-pool tests (imported by name inside the worker processes)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any


def worker(options: dict[str, Any]) -> Callable[[str, bool], Any]:
    def work(path: str, walked: bool) -> Any:
        name = os.path.basename(path)
        if name.startswith("crash"):
            os._exit(3)
        if name.startswith("hang"):
            time.sleep(120)
        if name.startswith("raise"):
            raise ValueError("boom")
        if name.startswith("unsendable"):  # (no plain data: the answer cannot carry it)
            return {"path": path, "thing": object()}
        return {"path": path, "walked": walked, "tag": options["tag"], "pid": os.getpid()}

    return work
