"""Readers: bytes → :class:`~disclosure_lint.model.Document`.

Each reader module is imported only when a file of its type is read, so start-up
stays fast.  ``read_path`` is the single entry point; it raises
:class:`~disclosure_lint.errors.InputError` with a Chinese message for anything
that cannot be read.
"""

from __future__ import annotations

import errno
import importlib
import os
import stat

from ..errors import InputError
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Document
from ..textio import has_visible_text

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

# non-blocking: opening a FIFO returns at once (then refused); no controlling terminal; binary on Windows
_OPEN_FLAGS = (getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
               | getattr(os, "O_BINARY", 0))


def reader_for(path: str) -> tuple[str, str]:
    ext = os.path.splitext(path)[1].lower()
    if ext in UNSUPPORTED:
        raise InputError(UNSUPPORTED[ext])
    # Unknown extensions are read as plain text (scraped pages are often saved oddly).
    return READERS.get(ext, ("text", "text"))


def _kind_of(mode: int) -> str | None:
    """Why a file of this ``st_mode`` is not read (``None``: a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "这是一个目录，不是文件"
    if stat.S_ISFIFO(mode):
        return "这是一个命名管道（FIFO），不是普通文件，不读取"
    if stat.S_ISSOCK(mode):
        return "这是一个套接字（socket），不是普通文件，不读取"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "这是一个设备文件，不是普通文件，不读取"
    return "这不是普通文件，不读取"


def os_error(path: str, exc: OSError) -> InputError:
    """The one-line :class:`InputError` for an ``OSError`` met opening or reading ``path``."""
    code = exc.errno
    if code == errno.ENOENT:
        if os.path.islink(path):
            return InputError("符号链接指向的文件不存在")
        return InputError("文件不存在")
    if code in (errno.EACCES, errno.EPERM):
        return InputError("没有读取权限")
    if code == errno.ELOOP:
        return InputError("符号链接循环（链接最终指向它自己），无法打开")
    if code == errno.ENAMETOOLONG:
        return InputError("文件名或路径过长，无法打开")
    if code == errno.EISDIR:
        return InputError("这是一个目录，不是文件")
    if code == errno.ENXIO:  # a socket (or a device without a driver)
        try:
            reason = _kind_of(os.stat(path).st_mode)
        except OSError:
            reason = None
        return InputError(reason or "无法打开文件（没有对应的设备）")
    return InputError(f"无法读取文件（{exc.strerror or exc}）")


def _too_big(size: float, max_bytes: int) -> InputError:
    return InputError(f"文件过大（{size / 1024 / 1024:.1f} MB，上限 {max_bytes / 1024 / 1024:.0f} MB；"
                      "可在配置的 limits.max_file_size_mb 中调整）")


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file, at most ``max_bytes`` of them, or :class:`InputError`.

    Only regular files are read: a FIFO would block forever and a device (``/dev/zero``, also
    through a symlink) never ends, so the type is checked before opening (``stat``, following
    symlinks) and again on the opened descriptor (``fstat``: the file may have been swapped in
    between).  The descriptor is opened non-blocking, so opening a FIFO cannot hang either, and
    the read stops after ``max_bytes + 1`` bytes whatever ``st_size`` claimed.
    """
    if "\x00" in path:
        raise InputError("文件名中含有空字符（NUL），无法打开")
    try:
        reason = _kind_of(os.stat(path).st_mode)
        if reason:
            raise InputError(reason)
        fd = os.open(path, os.O_RDONLY | _OPEN_FLAGS)
    except ValueError:  # embedded NUL (bytes paths) and similar
        raise InputError("文件名无效，无法打开") from None
    except OSError as exc:
        raise os_error(path, exc) from None
    try:
        st = os.fstat(fd)
        reason = _kind_of(st.st_mode)
        if reason:
            raise InputError(reason)
        if st.st_size > max_bytes:
            raise _too_big(st.st_size, max_bytes)
        chunks: list[bytes] = []
        got = 0
        while got <= max_bytes:
            chunk = os.read(fd, min(max_bytes + 1 - got, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        if got > max_bytes:  # the file grew, or st_size lied
            raise _too_big(got, max_bytes)
        data = b"".join(chunks)
    except OSError as exc:
        raise os_error(path, exc) from None
    finally:
        os.close(fd)
    if not data.strip():
        raise InputError("文件为空")
    return data


def read_document(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    module_name, _fmt = reader_for(path)
    module = importlib.import_module(f"{__name__}.{module_name}")
    doc = module.read(path, data, limits=limits)
    if not (doc.meta or {}).get("notices") and not any(has_visible_text(b.text) for b in doc.blocks):
        raise InputError("文件中没有可检查的文字（只有空白、空段落或空表格）")
    return doc


def read_path(path: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    reader_for(path)  # fail fast on unsupported types before reading bytes
    return read_document(path, read_bytes(path, limits.max_bytes), limits)
