"""--shard i/n splits the discovered files round-robin; ``merge`` joins the parts' JSON into what one run
gives: the same files in the same order, the same findings, counts and exit code (in every format)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from disclosure_lint.cli import app
from disclosure_lint.shard import parse, pick

ROOT = Path(__file__).resolve().parent.parent


def _cli(*args: str):
    return CliRunner().invoke(app, [*args])


@pytest.fixture
def reports(tmp_path) -> Path:
    d = tmp_path / "reports"
    (d / "b").mkdir(parents=True)
    for i, name in enumerate(["clean-2023.md", "defective-2023.md", "defective-2023.md", "clean-2023.md"]):
        shutil.copy(ROOT / "examples" / name, d / f"{i}-{name}")
    shutil.copy(ROOT / "examples" / "defective-2023.md", d / "b" / "x.txt")
    (d / "b" / "gone.docx").write_bytes(b"not a zip")  # unreadable: exit code 2 in one run and in the merge
    (d / "notes.md").write_text("# 会议纪要\n", encoding="utf-8")  # skipped
    return d


def test_two_shards_merged_equal_one_run(reports, tmp_path):
    one = _cli("check", "--isolated", "-f", "json", str(reports))
    parts = []
    for i in (1, 2):
        out = tmp_path / f"part{i}.json"
        res = _cli("check", "--isolated", "-f", "json", "--shard", f"{i}/2", "-o", str(out), str(reports))
        parts.append(json.loads(out.read_text(encoding="utf-8")))
        assert res.exit_code in (1, 2)
    assert [len(p["files"]) for p in parts] == [4, 3]  # 7 files, round-robin
    assert parts[0]["shard"] == {"index": 1, "count": 2, "positions": [0, 2, 4, 6]}
    merged = _cli("merge", str(tmp_path / "part2.json"), str(tmp_path / "part1.json"))  # any order
    assert merged.stdout == one.stdout
    assert merged.exit_code == one.exit_code == 2
    for fmt in ("concise", "sarif", "console"):
        assert (_cli("merge", "-f", fmt, str(tmp_path / "part1.json"), str(tmp_path / "part2.json")).stdout
                == _cli("check", "--isolated", "-f", fmt, str(reports)).stdout)


def test_merge_of_plain_results_joins_in_order(tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    _cli("check", "--isolated", "-f", "json", "-o", str(a), str(ROOT / "examples" / "clean-2023.md"))
    _cli("check", "--isolated", "-f", "json", "-o", str(b), str(ROOT / "examples" / "defective-2023.md"))
    both = _cli("check", "--isolated", "-f", "json", str(ROOT / "examples" / "clean-2023.md"),
                str(ROOT / "examples" / "defective-2023.md"))
    merged = _cli("merge", str(a), str(b), "--fail-on", "error")
    assert merged.stdout == both.stdout and merged.exit_code == both.exit_code == 1


@pytest.mark.parametrize("content", [b"{oops", b'{"version": 2, "files": []}', b'{"version": 1, "files": [{"path": 1}]}',
                                     b"[" * 100_000])
def test_merge_refuses_what_is_not_a_result(tmp_path, content):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    res = _cli("merge", str(bad))
    assert res.exit_code == 2 and "bad.json" in res.stderr and "Traceback" not in res.stderr


def test_shard_spec():
    assert parse("2/5") == (2, 5)
    assert pick(list("abcdefg"), 3, 3) == (["c", "f"], [2, 5])
    for bad in ("0/2", "3/2", "1", "a/b", "-1/2"):
        with pytest.raises(Exception, match="--shard"):
            parse(bad)
    res = _cli("check", "--shard", "5/2", str(ROOT / "examples"))
    assert res.exit_code == 2 and "--shard" in res.stderr
