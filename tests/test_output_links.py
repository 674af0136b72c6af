"""Every file the tool writes goes through one atomic write (:func:`disclosure_lint.output.atomic_replace`, reached
through :func:`~disclosure_lint.output.write_to`): a target that is a symbolic link is kept, and the file it points
to is replaced, with its mode.  ``annotate --force -o LINK`` used to replace the link itself by a regular file,
while ``stats -o`` and ``--write-baseline`` wrote through it."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from disclosure_lint.cli import app

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DEFECTIVE = EXAMPLES / "defective-2023.md"
runner = CliRunner()


def _linked(tmp_path: Path, name: str, old: bytes = b"old") -> tuple[Path, Path]:
    """A link ``name`` in ``tmp_path`` to an existing file of mode 0640 in another directory."""
    real_dir = tmp_path / "elsewhere"
    real_dir.mkdir(exist_ok=True)
    real = real_dir / ("real-" + name)
    real.write_bytes(old)
    real.chmod(0o640)
    link = tmp_path / name
    link.symlink_to(real)
    return link, real


def _written_through(link: Path, real: Path) -> None:
    assert link.is_symlink(), "the link was replaced by a regular file"
    assert os.readlink(link) == str(real)
    assert real.read_bytes() != b"old"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # the target's mode kept, as --fix keeps it
    assert not [p for p in real.parent.iterdir() if p.name.endswith(".tmp")]  # no temporary file left


def _ok(args: list[str], codes: tuple[int, ...] = (0, 1)) -> None:
    res = runner.invoke(app, args)
    assert res.exit_code in codes, res.output
    assert "Traceback" not in res.output


def test_annotate_writes_through_a_link(tmp_path):
    link, real = _linked(tmp_path, "review.docx")
    _ok(["annotate", str(DEFECTIVE), "-o", str(link), "--force"])
    _written_through(link, real)
    assert len(list(docx.Document(str(real)).comments)) > 0


def test_annotate_through_a_dangling_link_creates_its_file(tmp_path):
    made = tmp_path / "made.docx"
    link = tmp_path / "review.docx"
    link.symlink_to(made)
    _ok(["annotate", str(DEFECTIVE), "-o", str(link)])
    assert link.is_symlink() and len(list(docx.Document(str(made)).comments)) > 0


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_stats_writes_through_a_link(tmp_path, fmt):
    link, real = _linked(tmp_path, f"stats.{fmt}")
    _ok(["stats", str(DEFECTIVE), "-f", fmt, "-o", str(link)])
    _written_through(link, real)


def test_stats_database_through_a_link(tmp_path):
    link, real = _linked(tmp_path, "stats.sqlite", old=b"")  # an empty file is taken as a new database
    _ok(["stats", str(DEFECTIVE), "-o", str(link)])
    assert link.is_symlink()
    with sqlite3.connect(real) as con:
        assert con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0


def test_check_output_and_baseline_write_through_links(tmp_path):
    out, real_out = _linked(tmp_path, "result.json")
    base, real_base = _linked(tmp_path, "baseline.json")
    _ok(["check", str(DEFECTIVE), "--no-cache", "-f", "json", "-o", str(out), "--write-baseline", str(base)])
    _written_through(out, real_out)
    _written_through(base, real_base)
    assert json.loads(real_out.read_text(encoding="utf-8"))["files"]
    merged, real_merged = _linked(tmp_path, "merged.json")
    _ok(["merge", str(out), "-o", str(merged)])
    _written_through(merged, real_merged)


@pytest.mark.parametrize("suffix", [".md", ".docx"])
def test_new_writes_through_a_link(tmp_path, suffix):
    link, real = _linked(tmp_path, "blank" + suffix)
    _ok(["new", "--year", "2025", "--agency", "某某区教育局", "-o", str(link), "--force"], (0,))
    _written_through(link, real)


def test_init_writes_through_a_link(tmp_path, monkeypatch):
    link, real = _linked(tmp_path, ".disclosure-lint.yaml")
    monkeypatch.chdir(tmp_path)
    _ok(["init", "--force"], (0,))
    _written_through(link, real)


def test_annotate_regular_file_replaced_and_directory_refused(tmp_path):
    """Guard: a regular target is still replaced (not written in place), a directory is refused in one line."""
    out = tmp_path / "review.docx"
    out.write_bytes(b"old")
    _ok(["annotate", str(DEFECTIVE), "-o", str(out), "--force"])
    assert not out.is_symlink() and len(list(docx.Document(str(out)).comments)) > 0
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    res = runner.invoke(app, ["annotate", str(DEFECTIVE), "-o", str(folder), "--force"])
    assert res.exit_code == 2 and "这是一个目录" in res.output and "Traceback" not in res.output
    assert folder.is_dir() and not list(folder.iterdir())
