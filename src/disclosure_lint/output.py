"""Where output goes: a file named with ``--output``, and why a write failed, in Chinese.

:func:`write_to` decides by what the target *is* (following symlinks), never replacing what is not a
regular file:

* a regular file, or nothing yet: written atomically — a temporary file in the same directory, then
  :func:`os.replace` — so the target is replaced only by a complete output (its permissions kept);
* a symlink: the same, applied to the regular file it points to (the link itself is kept);
* the standard output or error of this process (``-o /dev/stdout``, also when that is a pipe or a
  file): the data goes to that stream;
* a character device (``/dev/null``, a terminal): the data is streamed to it, nothing is created;
* a directory, a FIFO (which would block until someone reads it), a socket, a block device: refused
  with :class:`OutputRefused`, nothing written.

The data is always UTF-8, with the line ends the writer chose (``newline=""``), whatever the target.
"""

from __future__ import annotations

import errno
import io
import json
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO, TextIO

Producer = Callable[[TextIO], None]


class OutputRefused(Exception):
    """The target is not something the tool writes to (directory, FIFO, socket, block device)."""


_REASONS = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "超出磁盘配额",
    errno.EFBIG: "文件过大",
    errno.EIO: "输入输出错误",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "文件系统为只读",
    errno.ENOENT: "所在目录不存在",
    errno.ENOTDIR: "路径中有一段不是目录",
    errno.EISDIR: "这是一个目录",
    errno.EPIPE: "读取端已关闭",
    errno.ENAMETOOLONG: "文件名过长",
    errno.ELOOP: "符号链接层数过多",
}


def describe(exc: OSError) -> str:
    """The reason of a failed write, in Chinese where it is a common one."""
    return _REASONS.get(exc.errno or 0) or exc.strerror or str(exc)


def _kind(mode: int) -> str | None:
    """Why a file of this mode is refused, or None when it can be written."""
    if stat.S_ISDIR(mode):
        return "这是一个目录"
    if stat.S_ISFIFO(mode):
        return "这是一个命名管道（FIFO），写入会一直等到有程序读取它"
    if stat.S_ISSOCK(mode):
        return "这是一个套接字"
    if stat.S_ISBLK(mode):
        return "这是一个块设备"
    if not (stat.S_ISREG(mode) or stat.S_ISCHR(mode)):
        return "这不是普通文件"
    return None


def _text(binary, produce: Producer) -> None:
    text = io.TextIOWrapper(binary, encoding="utf-8", errors="backslashreplace", newline="", write_through=False)
    try:
        produce(text)
        text.flush()
    finally:
        text.detach()


def _own_stream(st: os.stat_result) -> TextIO | None:
    """sys.stdout or sys.stderr when ``st`` is the file behind it (``-o /dev/stdout`` to a pipe or a file)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            own = os.fstat(stream.fileno())
        except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
            continue
        if (own.st_dev, own.st_ino) == (st.st_dev, st.st_ino):
            return stream
    return None


def write_to(target: str, produce: Producer) -> None:
    """Write what ``produce`` writes (to a text stream) to ``target``; see the module docstring.

    Raises :class:`OutputRefused` for a target that is not written, OSError when writing fails (the
    target is then left as it was, unless it is a device or a stream).
    """
    try:
        st = os.stat(target)  # follows symlinks
    except FileNotFoundError:
        st = None
    if st is not None:
        own = _own_stream(st)
        if own is not None:
            own.flush()
            _text(own.buffer, produce)
            own.buffer.flush()
            return
        refused = _kind(st.st_mode)
        if refused:
            raise OutputRefused(refused)
        if stat.S_ISCHR(st.st_mode):
            fd = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
            with os.fdopen(fd, "wb") as binary:
                _text(binary, produce)
            return
    _replace_atomically(target, produce, st.st_mode & 0o7777 if st is not None else None)


def _replace_atomically(target: str, produce: Producer, mode: int | None) -> None:
    atomic_replace(target, lambda binary: _text(binary, produce), mode)


def atomic_replace(target: str, write: Callable[[BinaryIO], object], mode: int | None = None) -> None:
    """The one atomic write of a file: ``write`` fills a temporary file in ``target``'s directory, which is
    flushed to disk, given ``mode`` (default: what the umask gives a new file) and renamed over ``target``;
    on any failure the temporary file is removed and ``target`` is left as it was (the error is raised).
    A symbolic link is kept and written through: the file it points to is replaced (a link left dangling: that
    file is created).  Used by ``stats -o``/``check -o``/``merge -o``, ``--fix``, ``annotate``, ``new``, ``init``
    and the baseline (all but ``--fix`` through :func:`write_to`)."""
    if os.path.islink(target):
        target = os.path.realpath(target)
    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    directory = os.path.dirname(os.path.abspath(target))
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(target)[:100] + ".", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as binary:
            write(binary)
            binary.flush()
            os.fsync(binary.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # (gone meanwhile: oldest)
        return 0.0


# generations of a cache file kept side by side (the newest written): one per install or Python that runs the tool
# (a pre-commit environment beside the user's own, two versions, two checkouts).  Keeping only the newest made two
# such installs, used in turn, each rewrite its own on every start and remove the other's (≈ 0.12 s a start).
KEEP_GENERATIONS = 4


def write_cache_json(path: Path, doc: object, older: Iterable[str], ensure_ascii: bool = False,
                     keep: int = KEEP_GENERATIONS, stale: Iterable[str] = ()) -> None:
    """A cache file of the tool's own (rules, compiled patterns) written atomically — a temporary file beside it
    renamed into place — after the other generations in its folder (``older``: glob patterns) but the ``keep`` − 1
    written last are removed, and every file of an old form (``stale``: glob patterns, never read).  Any failure is
    ignored: a read-only home or a full disk only means no cache."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for pattern in stale:
            for old in path.parent.glob(pattern):
                old.unlink(missing_ok=True)
        others = [(_mtime(old), old) for pattern in older for old in path.parent.glob(pattern) if old != path]
        others.sort(reverse=True)  # newest first
        for _when, old in others[max(0, keep - 1):]:
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem.split('-')[0]}-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(doc, fh, ensure_ascii=ensure_ascii, separators=(",", ":"))
        os.replace(tmp, path)
    except Exception:  # noqa: BLE001 - read-only home, full disk…: just don't cache
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
