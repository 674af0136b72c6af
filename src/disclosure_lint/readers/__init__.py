"""Readers: bytes → :class:`~disclosure_lint.model.Document`.

Each reader module is imported only when a file of its type is read, so start-up
stays fast.  ``read_path`` is the single entry point; it raises
:class:`~disclosure_lint.errors.InputError` with a Chinese message for anything
that cannot be read.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

from ..errors import InputError
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Document

# extension → (module, format name)
READERS: dict[str, tuple[str, str]] = {
    ".md": ("markdown", "markdown"),
    ".markdown": ("markdown", "markdown"),
    ".txt": ("text", "text"),
    ".text": ("text", "text"),
    ".html": ("html", "html"),
    ".htm": ("html", "html"),
    ".xhtml": ("html", "html"),
    ".shtml": ("html", "html"),
    ".docx": ("docx", "docx"),
    ".pdf": ("pdf", "pdf"),
}

# Extensions the directory walk picks up.
WALK_EXTENSIONS = frozenset(READERS)

# Types we know but cannot read: a clear message saying how to convert them.
UNSUPPORTED: dict[str, str] = {
    ".doc": "旧版 Word（.doc）文件无法直接读取，请在 Word 或 WPS 中“另存为” .docx 后再检查",
    ".wps": "WPS 文字（.wps）文件无法直接读取，请在 WPS 中“另存为” .docx 后再检查",
    ".et": "WPS 表格文件不是年度报告格式，请另存为 .docx 或 .pdf 后再检查",
    ".xls": "Excel 文件不是年度报告格式，请将报告另存为 .docx 或 .pdf 后再检查",
    ".xlsx": "Excel 文件不是年度报告格式，请将报告另存为 .docx 或 .pdf 后再检查",
    ".ofd": "OFD 版式文件暂不支持，请另存为 .pdf 或 .docx 后再检查",
}

DEFAULT_MAX_BYTES = DEFAULT_LIMITS.max_bytes


def reader_for(path: str) -> tuple[str, str]:
    ext = os.path.splitext(path)[1].lower()
    if ext in UNSUPPORTED:
        raise InputError(UNSUPPORTED[ext])
    # Unknown extensions are read as plain text (scraped pages are often saved oddly).
    return READERS.get(ext, ("text", "text"))


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError("这是一个目录，不是文件")
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(f"文件过大（{size / 1024 / 1024:.1f} MB，上限 {max_bytes / 1024 / 1024:.0f} MB）")
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("文件不存在") from None
    except PermissionError:
        raise InputError("没有读取权限") from None
    except IsADirectoryError:
        raise InputError("这是一个目录，不是文件") from None
    except OSError as exc:
        raise InputError(f"无法读取文件（{exc.strerror or exc}）") from None
    if not data.strip():
        raise InputError("文件为空")
    return data


def read_document(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    module_name, _fmt = reader_for(path)
    module = importlib.import_module(f"{__name__}.{module_name}")
    return module.read(path, data, limits=limits)


def read_path(path: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    reader_for(path)  # fail fast on unsupported types before reading bytes
    return read_document(path, read_bytes(path, limits.max_bytes), limits)
