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


@pytest.fixture
def three_parts(reports, tmp_path) -> dict[str, Path]:
    """The three parts of one --shard 3 scan of ``reports`` (7 files: 3, 2 and 2 of them)."""
    out = {}
    for i in (1, 2, 3):
        out[f"{i}/3"] = tmp_path / f"part{i}of3.json"
        _cli("check", "--isolated", "-f", "json", "--shard", f"{i}/3", "-o", str(out[f"{i}/3"]), str(reports))
    return out


def _one_line_error(res, *fragments: str) -> None:
    assert res.exit_code == 2, res.output
    assert res.stdout == "" and "Traceback" not in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1, res.stderr
    for f in fragments:
        assert f in res.stderr, (f, res.stderr)


def test_merge_refuses_a_missing_or_repeated_part(three_parts, tmp_path):
    """Before: parts 1/3 and 3/3 (2/3 missing), or 1/3 twice next to the others, merged silently into a result
    that passed for the whole scan."""
    p = three_parts
    _one_line_error(_cli("merge", str(p["1/3"]), str(p["3/3"])), "缺少第 2/3 部分", "全部 3 个部分")
    _one_line_error(_cli("merge", str(p["1/3"]), str(p["1/3"]), str(p["2/3"]), str(p["3/3"])),
                    "第 1/3 部分给了 2 次", "part1of3.json")
    twice = _cli("merge", "-f", "concise", str(p["2/3"]), str(p["2/3"]))
    _one_line_error(twice, "缺少第 1/3、3/3 部分", "第 2/3 部分给了 2 次")
    plain = tmp_path / "plain.json"  # a result without --shard does not fill the gap
    _cli("check", "--isolated", "-f", "json", "-o", str(plain), str(ROOT / "examples" / "clean-2023.md"))
    _one_line_error(_cli("merge", str(p["1/3"]), str(plain), str(p["3/3"])), "缺少第 2/3 部分")


def test_merge_refuses_parts_of_different_scans(reports, three_parts, tmp_path):
    half = tmp_path / "part1of2.json"
    _cli("check", "--isolated", "-f", "json", "--shard", "1/2", "-o", str(half), str(reports))
    _one_line_error(_cli("merge", str(three_parts["1/3"]), str(half)), "总数不同", "1/3", "1/2")
    other = tmp_path / "other2of3.json"  # part 2 of a scan of one file: none of its files, a gap in the positions
    _cli("check", "--isolated", "-f", "json", "--shard", "2/3", "-o", str(other), str(reports / "b" / "x.txt"))
    _one_line_error(_cli("merge", str(three_parts["1/3"]), str(other), str(three_parts["3/3"])), "不连续",
                    "第 2 个")
    doc = json.loads(three_parts["2/3"].read_text(encoding="utf-8"))
    doc["shard"]["index"] = 4  # beyond its n
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    _one_line_error(_cli("merge", str(three_parts["1/3"]), str(bad), str(three_parts["3/3"])), "shard 信息无效")


def test_complete_parts_in_any_order_still_merge(reports, three_parts):
    """Guard: every part once, in any order, is one run; an empty part (more parts than files) counts as given."""
    one = _cli("check", "--isolated", "-f", "json", str(reports))
    p = three_parts
    merged = _cli("merge", str(p["3/3"]), str(p["1/3"]), str(p["2/3"]))
    assert merged.stdout == one.stdout and merged.exit_code == one.exit_code


def test_parts_with_empty_shards_merge(tmp_path):
    src = ROOT / "examples" / "clean-2023.md"
    parts = []
    for i in (1, 2, 3):  # one file over three parts: parts 2 and 3 hold none
        parts.append(tmp_path / f"p{i}.json")
        _cli("check", "--isolated", "-f", "json", "--shard", f"{i}/3", "-o", str(parts[-1]), str(src))
    assert _cli("merge", *map(str, parts)).stdout == _cli("check", "--isolated", "-f", "json", str(src)).stdout
    _one_line_error(_cli("merge", str(parts[0]), str(parts[2]), str(parts[2])), "缺少第 2/3 部分",
                    "第 3/3 部分给了 2 次")
