"""``stats -o`` targets (split from test_output_safety.py so that the two files run on two workers): where
the export writes is decided by what the target is — an atomic replace of a regular file or of a symlink's
file, a stream to our own stdout or a character device, a refusal for a FIFO, directory, socket or block device —
and hostile names are shown escaped."""

from __future__ import annotations

import functools
import json
import os
import subprocess
from pathlib import Path

import pytest

from .test_output_safety import DEFECTIVE, _named_copies, cli

# -- 5. stats -o: what the target is decides how it is written -------------------------------------------


@functools.cache
def _stats_bytes(fmt: str = "csv") -> bytes:
    res = cli(["stats", "-f", fmt, str(DEFECTIVE)])
    assert res.returncode == 0
    return res.stdout


def _stats_to(target, fmt: str = "csv", **kw) -> subprocess.CompletedProcess:
    return cli(["stats", "-f", fmt, str(DEFECTIVE), "-o", target], **kw)


def test_stats_output_regular_file_and_new_file(tmp_path):
    expected = _stats_bytes()
    assert expected.startswith("\ufeff".encode()) and b"\r\n" in expected
    new = tmp_path / "new.csv"
    assert _stats_to(new).returncode == 0 and new.read_bytes() == expected  # same bytes as on stdout
    old = tmp_path / "old.csv"
    old.write_text("old")
    os.chmod(old, 0o640)
    assert _stats_to(old).returncode == 0 and old.read_bytes() == expected
    assert old.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.csv", "old.csv"]  # no temporary file left


@pytest.mark.slow  # stats -o: the default run keeps the regular file and the refused special files
def test_stats_output_through_a_symlink_keeps_the_link(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    res = _stats_to(link, "json")
    assert res.returncode == 0, res.stderr.decode()
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == _stats_bytes("json")
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "made.json")
    assert _stats_to(dangling, "json").returncode == 0
    assert dangling.is_symlink() and (tmp_path / "made.json").read_bytes() == _stats_bytes("json")


@pytest.mark.slow  # stats -o: the default run keeps the regular file and the refused special files
def test_stats_output_to_our_own_stdout(tmp_path):
    """``-o /dev/stdout``: tested through a link of our own to /proc/self/fd/1 (what /dev/stdout is)."""
    if not os.path.exists("/proc/self/fd/1"):
        pytest.skip("no /proc")
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    res = _stats_to(link)
    assert res.returncode == 0, res.stderr.decode()
    assert res.stdout == _stats_bytes() and link.is_symlink()
    with open(tmp_path / "redirected.csv", "wb") as fh:  # stdout redirected to a file
        assert _stats_to(link, stdout=fh).returncode == 0
    assert (tmp_path / "redirected.csv").read_bytes() == _stats_bytes()
    with open("/dev/full", "wb") as full:
        res = _stats_to(link, stdout=full)
    assert res.returncode == 2 and res.stderr.decode().endswith("：磁盘空间不足\n") and b"Traceback" not in res.stderr


def _device(path: Path, major: int, minor: int, kind: int = 0o020000) -> Path:
    try:
        os.mknod(path, kind | 0o666, os.makedev(major, minor))
    except (PermissionError, AttributeError):
        pytest.skip("cannot create device nodes here")
    return path


@pytest.mark.slow  # stats -o: the default run keeps the regular file and the refused special files
def test_stats_output_streams_to_character_devices(tmp_path):
    null = _device(tmp_path / "null", 1, 3)
    res = _stats_to(null)
    assert res.returncode == 0 and null.is_char_device()
    link = tmp_path / "to-null"
    link.symlink_to(null)
    assert _stats_to(link).returncode == 0 and link.is_symlink() and null.is_char_device()
    full = _device(tmp_path / "full", 1, 7)
    res = _stats_to(full)
    assert res.returncode == 2 and full.is_char_device()
    assert res.stderr.decode() == f"disclosure-lint: 无法写入 {full}：磁盘空间不足\n"


def test_stats_output_refuses_fifo_directory_socket_and_block_device(tmp_path):
    import socket

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    directory = tmp_path / "dir"
    directory.mkdir()
    sock_path = tmp_path / "sock"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))
    targets = {fifo: "命名管道", directory: "目录", sock_path: "套接字"}
    try:
        targets[_device(tmp_path / "blk", 7, 0, 0o060000)] = "块设备"
    except pytest.skip.Exception:
        pass
    try:
        for target, word in targets.items():
            kind = os.lstat(target).st_mode
            res = _stats_to(target, timeout=30)
            err = res.stderr.decode()
            assert res.returncode == 2 and err.count("\n") == 1 and word in err and "未写入" in err, err
            assert os.lstat(target).st_mode == kind  # left as it was
        link = tmp_path / "to-fifo"
        link.symlink_to(fifo)
        res = _stats_to(link, timeout=30)
        assert res.returncode == 2 and link.is_symlink()
    finally:
        sock.close()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_stats_output_escapes_hostile_names(tmp_path):
    (path,) = _named_copies(tmp_path, [b"\x1b[2J\xff.md"])
    res = cli(["stats", path])
    out = res.stdout.decode("utf-8")
    assert res.returncode == 0 and "\x1b" not in out and "\\x1b[2J\\xff.md" in out
    res = cli(["stats", "-f", "json", path])
    raw = res.stdout.decode("utf-8")
    assert "\x1b" not in raw and os.fsencode(json.loads(raw)["files"][0]["path"]) == path
    target = os.path.join(os.fsencode(tmp_path), b"\x1b]8;;x\x07out.csv")
    res = cli(["stats", path, "-o", target])
    assert res.returncode == 0 and "\\x1b]8;;x\\x07out.csv" in res.stderr.decode() and b"\x1b" not in res.stderr
    assert os.path.exists(target)
