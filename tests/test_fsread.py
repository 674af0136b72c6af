"""fsread.read_regular: every byte of a file up to the limit, whatever its size against the read sizes."""
from __future__ import annotations

import os

import pytest

from disclosure_lint.fsread import Refused, TooBig, read_regular


@pytest.mark.parametrize("size", [0, 1, 7 * 1024, (1 << 16) - 1, 1 << 16, (1 << 16) + 1, (1 << 20) + 3,
                                  (3 << 20) + 5])
def test_reads_every_byte(tmp_path, size):
    data = os.urandom(size)
    p = tmp_path / "f.bin"
    p.write_bytes(data)
    assert read_regular(str(p), 8 << 20) == data


def test_exactly_the_limit_is_read_and_one_more_byte_is_too_big(tmp_path):
    p = tmp_path / "f.txt"
    p.write_bytes(b"x" * 100)
    assert read_regular(str(p), 100) == b"x" * 100
    with pytest.raises(TooBig):
        read_regular(str(p), 99)


def test_a_file_that_grows_past_its_size_is_read_to_its_end(tmp_path, monkeypatch):
    """fstat's size is only where the first read stops: what is there after it is read too (or refused)."""
    p = tmp_path / "f.txt"
    p.write_bytes(b"a" * 10)
    real_fstat = os.fstat

    class Small:
        def __init__(self, st):
            self._st = st

        def __getattr__(self, name):
            return 3 if name == "st_size" else getattr(self._st, name)

    monkeypatch.setattr(os, "fstat", lambda fd: Small(real_fstat(fd)))
    assert read_regular(str(p), 100) == b"a" * 10
    with pytest.raises(TooBig):
        read_regular(str(p), 5)


def test_a_directory_is_refused(tmp_path):
    with pytest.raises(Refused):
        read_regular(str(tmp_path), 100)


def test_head_reads_the_first_bytes_of_a_longer_file(tmp_path):
    p = tmp_path / "a.doc"
    p.write_bytes(b"0123456789")
    assert read_regular(str(p), 4, head=True) == b"0123"
    assert read_regular(str(p), 40, head=True) == b"0123456789"
    fifo = tmp_path / "pipe.doc"
    os.mkfifo(fifo)
    with pytest.raises(Refused):  # refused before it is opened: never waits for a writer
        read_regular(str(fifo), 4, head=True)
