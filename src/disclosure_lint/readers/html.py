"""html reader (being implemented)."""

from __future__ import annotations

from ..errors import InputError
from ..model import Document


def read(path: str, data: bytes) -> Document:
    raise InputError("暂不支持此格式")
