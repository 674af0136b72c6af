"""Reading one file from disk, bounded: the one home for "only a regular file, at most N bytes".

Reports, configuration and rule files and the rule cache are all read here.  Only regular files
are read: a FIFO would block forever and a device (``/dev/zero``, also behind a symlink) never ends,
so the type is checked before opening (``stat``, following symlinks unless told not to) and again
on the opened descriptor (``fstat``: the file may have been swapped in between).  The descriptor is
opened non-blocking, so opening a FIFO cannot hang either, and the read stops after
``max_bytes + 1`` bytes whatever ``st_size`` claimed.

Every refusal is a :class:`Refused` whose text is one Chinese sentence; callers turn it into their
own error (an input error for a report, a configuration error for a configuration or rule file).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator

# non-blocking: opening a FIFO returns at once (then refused); no controlling terminal; binary on Windows
OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
              | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))


class Refused(Exception):
    """The file was not read; ``str(exc)`` says why in one Chinese sentence."""


class TooBig(Refused):
    """More than ``max_bytes``; ``size`` is what ``st_size`` said or what was read before stopping."""

    def __init__(self, size: int, max_bytes: int):
        self.size = size
        self.max_bytes = max_bytes
        super().__init__(f"文件过大（{size / 1024 / 1024:.1f} MB，上限 {max_bytes / 1024 / 1024:.1f} MB）")


def kind_of(mode: int) -> str | None:
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


def os_reason(path: str, exc: OSError) -> str:
    """The one-sentence reason for an ``OSError`` met opening or reading ``path``."""
    code = exc.errno
    if code == errno.ENOENT:
        return "符号链接指向的文件不存在" if os.path.islink(path) else "文件不存在"
    if code in (errno.EACCES, errno.EPERM):
        return "没有读取权限"
    if code == errno.ELOOP:
        return "符号链接循环（链接最终指向它自己），无法打开"
    if code == errno.ENAMETOOLONG:
        return "文件名或路径过长，无法打开"
    if code == errno.EISDIR:
        return "这是一个目录，不是文件"
    if code == errno.ENXIO:  # a socket (or a device without a driver)
        try:
            reason = kind_of(os.stat(path).st_mode)
        except OSError:
            reason = None
        return reason or "无法打开文件（没有对应的设备）"
    return f"无法读取文件（{exc.strerror or exc}）"


def read_regular(path: str, max_bytes: int, *, follow_links: bool = True, private: bool = False,
                 head: bool = False) -> bytes:
    """The bytes of the regular file ``path``, at most ``max_bytes`` of them, else :class:`Refused`.

    ``follow_links=False``: a symlink is refused (the rule cache).  ``private``: the file must belong to
    this user and not be writable by others (a file the tool itself wrote and trusts when read back).
    ``head``: the first ``max_bytes`` bytes of a longer file (what its type is), not :class:`TooBig`.
    """
    if "\x00" in path:
        raise Refused("文件名中含有空字符（NUL），无法打开")
    try:
        if follow_links:
            reason = kind_of(os.stat(path).st_mode)
            if reason:
                raise Refused(reason)
        fd = os.open(path, OPEN_FLAGS | (0 if follow_links else getattr(os, "O_NOFOLLOW", 0)))
    except ValueError:  # embedded NUL (bytes paths) and similar
        raise Refused("文件名无效，无法打开") from None
    except OSError as exc:
        if not follow_links and exc.errno == errno.ELOOP:
            raise Refused("这是一个符号链接，不读取") from None
        raise Refused(os_reason(path, exc)) from None
    try:
        st = os.fstat(fd)
        reason = kind_of(st.st_mode)
        if reason:
            raise Refused(reason)
        if private and (st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
                        or (hasattr(os, "geteuid") and st.st_uid != os.geteuid())):
            raise Refused("文件不属于当前用户，或其他用户可以写入，不读取")
        if head:
            return os.read(fd, max_bytes)
        if st.st_size > max_bytes:
            raise TooBig(st.st_size, max_bytes)
        chunks: list[bytes] = []
        got = 0
        # the first read asks for the size fstat gave and one byte more (to see a file that grew): asking for 1 MiB
        # each time had every small file allocate, and the kernel map and unmap, a 1 MiB buffer twice (≈ 4 % of a
        # Markdown report's wall time, py-spy)
        want = st.st_size + 1
        while got <= max_bytes:
            chunk = os.read(fd, min(max_bytes + 1 - got, want, 1 << 20))
            want = 1 << 16  # (under the allocator's mmap threshold: the last, empty read costs nothing)
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        if got > max_bytes:  # the file grew, or st_size lied
            raise TooBig(got, max_bytes)
        return b"".join(chunks)
    except OSError as exc:
        raise Refused(os_reason(path, exc)) from None
    finally:
        os.close(fd)


def walk_tree(top: str, onerror: Callable[[str, OSError], None] | None = None
              ) -> Iterator[tuple[str, list[str], list[str], int]]:
    """``os.walk(top)`` top-down, without recursion: ``(dirpath, dirnames, filenames, depth)``, names
    sorted.  Python 3.11's ``os.walk`` recurses once per level, so a tree 1,100 deep overflows the stack;
    this keeps its own stack.  ``dirnames`` holds real directories only (a symlink to a directory is in
    ``filenames`` and never walked into, so a link back to a parent cannot loop); the caller may prune
    ``dirnames`` in place, as with ``os.walk``.  A directory that cannot be listed goes to ``onerror``."""
    stack: list[tuple[str, int]] = [(top, 0)]
    while stack:
        d, depth = stack.pop()
        try:
            with os.scandir(d) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            if onerror is not None:
                onerror(d, exc)
            continue
        dirnames: list[str] = []
        filenames: list[str] = []
        for e in entries:
            try:
                is_dir = e.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            (dirnames if is_dir else filenames).append(e.name)
        yield d, dirnames, filenames, depth
        stack.extend((os.path.join(d, n), depth + 1) for n in reversed(dirnames))
