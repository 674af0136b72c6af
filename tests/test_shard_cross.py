"""``merge`` of ``--shard`` parts runs the checks across reports again over every part's reports, as one run runs
them: a body's reports of several years split over the parts (DL242, DL243, DL244, DL603), the expected bodies of
``bodies:`` (DL113 missing children, DL247 the whole area's sum) — the same findings, summary and exit code as one
run, in every format; a part without the facts (an older version's) is said in one line, never a silent pass; a
planted part is refused in one line."""

from __future__ import annotations

import base64
import json
import textwrap
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from disclosure_lint.batch.findings import PACKED
from disclosure_lint.cli import app
from disclosure_lint.report.stats.schema import schema

from .crossgen import s3_report
from .statsgen import Layout, StatsData, render

S3_ROWS = [r.id for r in schema("s3", "2021").data_rows()]
CROSS = ("DL113", "DL242", "DL243", "DL244", "DL247", "DL603")


def _cli(*args: str):
    return CliRunner().invoke(app, list(args))


def _report(year: int, agency: str, normative: str = "| 3 | 1 | 14 |", licensing: str = "120", **s3) -> str:
    """A full 2021-format report (tables 二–四) of the statistics generator, its table 三 changed by ``s3``."""
    rows = {r: [0] * 7 for r in S3_ROWS}
    rows.update(new=[8, 2, 0, 0, 0, 0, 10], carried_forward=[2, 1, 0, 0, 0, 0, 3],
                **{"result.open": [5, 1, 0, 0, 0, 0, 6], "result.partial": [1, 0, 0, 0, 0, 0, 1],
                   "result.total": [6, 1, 0, 0, 0, 0, 7]})
    rows.update(s3)
    s2 = {"rules": {"issued": "0", "repealed": "0", "in_force": "0"},
          "normative_docs": {"issued": "3", "repealed": "1", "in_force": "14"},
          "licensing": {"decisions": licensing}, "penalty": {"decisions": "35"}, "coercion": {"decisions": "2"},
          "fees": {"amount": "0"}}
    text = render(StatsData("2021", year, agency, s2, rows, [1, 0, 0, 0, 1] + [0] * 10), Layout())[0]
    return text.replace("| 行政规范性文件 | 3 | 1 | 14 |", f"| 行政规范性文件 {normative}")


BODIES = textwrap.dedent("""\
    bodies:
      - {name: 青禾市云岭区人民政府, kind: county_government}
      - {name: 青禾市云岭区自然资源局, kind: bureau, parent: 青禾市云岭区人民政府}
      - {name: 青禾市云岭区教育局, kind: bureau, parent: 青禾市云岭区人民政府}
      - {name: 青禾市云岭区民政局, kind: bureau, parent: 青禾市云岭区人民政府}
      - {name: 青禾市临江区人民政府, kind: county_government}
      - {name: 青禾市临江区水利局, kind: bureau, parent: 青禾市临江区人民政府}
      - {name: 青禾市临江区审计局, kind: bureau, parent: 青禾市临江区人民政府}
    """)


def _new(name: str, n: int, prose: str = "") -> str:
    text = s3_report(name, 2023, {"一、本年新收政府信息公开申请数量": n})
    return text.replace("## 三、", f"## 一、总体情况\n\n{prose}\n\n## 三、") if prose else text


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Path:
    """Two bodies over three and two years, and two areas with expected bodies: one whose children all reported
    (its whole-area figure off by 3: DL247), one missing a child (DL113)."""
    root = tmp_path_factory.mktemp("shard-cross") / "reports"
    sthj_2022 = _report(2022, "青禾市生态环境局", carried_over=[3, 1, 0, 0, 0, 0, 4])  # 2021 carried 3 forward
    copied = sthj_2022.replace("2022年", "2023年")  # the tables of 2022 again: DL603
    files = {
        "sthj/2021.md": _report(2021, "青禾市生态环境局"),
        "sthj/2022.md": sthj_2022,
        "sthj/2023.md": copied,
        "jy/2022.md": _report(2022, "青禾市教育局"),
        "jy/2023.md": _report(2023, "青禾市教育局", normative="| 3 | 1 | 30 |", licensing="2400"),  # DL243, DL244
        "area/.disclosure-lint.yaml": BODIES,
        "area/gov.md": _new("青禾市云岭区人民政府", 20, "2023年，全区共受理政府信息公开申请20件。"),
        "area/zr.md": _new("青禾市云岭区自然资源局", 7),
        "area/jy.md": _new("青禾市云岭区教育局", 5),
        "area/mz.md": _new("青禾市云岭区民政局", 5),
        "area/lj-gov.md": _new("青禾市临江区人民政府", 9),
        "area/lj-sl.md": _new("青禾市临江区水利局", 4),
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def _own(part: str) -> str:
    """The codes of a part's own findings (over its own reports only), each as " DLxxx " (a part alone is not merged:
    merge wants every part)."""
    doc = json.loads(Path(part).read_text(encoding="utf-8"))
    return "".join(f" {d['code']} \n" for f in doc["files"] for d in f["diagnostics"])


def _parts(reports: Path, out: Path, n: int, *args: str) -> list[str]:
    paths = []
    for i in range(1, n + 1):
        p = out / f"part{i}-of-{n}.json"
        _cli("check", "-f", "json", "--no-cache", "--shard", f"{i}/{n}", "-o", str(p), *args, str(reports))
        paths.append(str(p))
    return paths


def _codes(text: str) -> set[str]:
    return {c for c in CROSS if f" {c} " in text}


@pytest.mark.parametrize(("n", "jobs"), [(2, "1"), (3, "1"), (3, "2")])
def test_shards_merged_equal_one_run(reports, tmp_path, n, jobs):
    one = _cli("check", "-f", "concise", "--no-cache", str(reports))
    assert _codes(one.stdout) == set(CROSS), one.stdout  # every kind of finding across reports is there
    assert one.stdout.count(" DL113 ") == 1 and "临江区" in one.stdout.split(" DL113 ")[1].split("\n")[0]
    assert one.exit_code == 1
    parts = _parts(reports, tmp_path, n, "-j", jobs)
    # each part alone compares only its own reports (why merge must run them again)
    alone = [_own(p) for p in parts]
    assert not all(_codes(a) >= {"DL242", "DL603"} for a in alone)
    for fmt in ("concise", "json", "console", "sarif", "github", "csv"):
        whole = _cli("check", "-f", fmt, "--no-cache", str(reports))
        merged = _cli("merge", "-f", fmt, *reversed(parts))  # any order
        assert merged.stdout == whole.stdout, fmt
        assert merged.exit_code == whole.exit_code == 1, fmt


def test_merged_dl113_is_the_one_runs(reports, tmp_path):
    """A part holding the parent's report and not every child's finds the others "missing"; merged, only the
    child missing from the whole run is."""
    parts = _parts(reports, tmp_path, 2)
    texts = [_own(p) for p in parts]
    assert sum(t.count(" DL113 ") for t in texts) > 1  # (the parts alone: children in the other part "missing")
    merged = _cli("merge", "-f", "concise", *parts).stdout
    (line,) = [x for x in merged.splitlines() if " DL113 " in x]
    assert "lj-gov.md" in line and "审计局" in line and "教育局" not in line


def test_part_without_facts_is_said_in_one_line(reports, tmp_path):
    """A part of an older version (no ``cross``): its findings as they are, one run-level error line naming it,
    exit code 2 (not a pass)."""
    parts = _parts(reports, tmp_path, 2)
    doc = json.loads(Path(parts[0]).read_text(encoding="utf-8"))
    del doc["cross"]
    old = tmp_path / "old.json"
    old.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    res = _cli("merge", "-f", "concise", str(old), parts[1])
    notes = [x for x in res.stdout.splitlines() if x.startswith("错误：")]
    assert len(notes) == 1 and str(old) in notes[0] and "跨报告检查" in notes[0]
    assert res.exit_code == 2


def test_plain_results_carry_no_facts(reports, tmp_path):
    """Only a part of a sharded scan carries ``cross``: the JSON of a whole run is as it was."""
    doc = json.loads(_cli("check", "-f", "json", "--no-cache", str(reports / "jy")).stdout)
    assert "cross" not in doc and "shard" not in doc
    (part,) = _parts(reports / "jy", tmp_path, 1)
    cross = json.loads(Path(part).read_text(encoding="utf-8"))["cross"]
    assert cross["v"] == 1 and len(cross["files"]) == 2 and all(f["facts"] for f in cross["files"])
    assert {r["id"] for s in cross["rule_sets"] for r in s["rules"]} >= {"DL242", "DL603", "DL113"}


def _tamper(part: str, out: Path, change) -> str:
    doc = json.loads(Path(part).read_text(encoding="utf-8"))
    change(doc["cross"])
    out.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return str(out)


def _bomb(cross: dict) -> None:
    """A report's facts whose compressed part inflates to 64 MB."""
    d = zlib.compressobj(9)
    data = d.compress(b"[" + b" " * (64 * 1024 * 1024) + b"]") + d.flush()
    cross["files"][0]["facts"][PACKED][1][1] = base64.b64encode(data).decode("ascii")


def _rule(key: str, value):
    def change(cross: dict) -> None:
        cross["rule_sets"][0]["rules"][0][key] = value
    return change


@pytest.mark.parametrize("change", [
    _bomb,
    _rule("options", {"factor": -1}),  # a kind's option out of its bounds
    _rule("kind", "regex"),  # not a kind across reports
    _rule("id", "x; rm -rf /"),
    lambda c: c["rule_sets"][0].update(bodies=[{"name": "x", "kind": "no-such-kind"}]),
    lambda c: c["files"][0].update(rules=99),
    lambda c: c["files"].pop(),
    lambda c: c["files"][0].update(facts={PACKED: ["not", "packed"]}),
    lambda c: c.update(v=2),
], ids=["bomb", "options", "kind", "id", "bodies", "rules", "files", "facts", "version"])
def test_planted_part_is_refused_in_one_line(reports, tmp_path, change):
    (part,) = _parts(reports / "sthj", tmp_path, 1)
    res = _cli("merge", "-f", "concise", _tamper(part, tmp_path / "planted.json", change))
    assert res.exit_code == 2
    assert "Traceback" not in res.output and len(res.output.strip().splitlines()) == 1
    assert "planted.json" in res.output


def test_baseline_hides_the_merged_findings_as_one_run(reports, tmp_path):
    """Parts checked with ``--baseline``: the findings across reports that merge makes again are hidden as one run
    hides them (an entry of the baseline each), the count of hidden findings is one run's."""
    base = tmp_path / "baseline.json"
    _cli("check", "--no-cache", "--write-baseline", str(base), str(reports))
    doc = json.loads(base.read_text(encoding="utf-8"))
    for path, entries in doc["files"].items():  # DL603 and DL113 stay new: reported; the rest is hidden
        doc["files"][path] = [e for e in entries if e["code"] not in ("DL603", "DL113")]
    base.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    for n in (2, 3):
        parts = _parts(reports, tmp_path, n, "--baseline", str(base))
        out = {}
        for fmt in ("concise", "json"):
            whole = _cli("check", "-f", fmt, "--no-cache", "--baseline", str(base), str(reports))
            merged = _cli("merge", "-f", fmt, *parts)
            assert merged.stdout == whole.stdout, (n, fmt)
            assert merged.exit_code == whole.exit_code == 1
            out[fmt] = merged.stdout
        assert _codes(out["concise"]) == {"DL603", "DL113"}
        assert json.loads(out["json"])["baseline"]["ignored"] > 0


def test_previous_reports_travel_with_the_parts(reports, tmp_path):
    """``--previous``: every part carries the reference reports' facts; merged, each report is compared with them
    as in one run (here the single checked report pairs with the reference whatever its name)."""
    args = ["--previous", str(reports / "jy" / "2022.md"), str(reports / "jy" / "2023.md"), str(reports / "area" / "zr.md")]
    for n in (1, 2):
        parts = []
        for i in range(1, n + 1):
            p = tmp_path / f"prev{i}-of-{n}.json"
            _cli("check", "-f", "json", "--no-cache", "--shard", f"{i}/{n}", "-o", str(p), *args)
            parts.append(str(p))
        whole = _cli("check", "-f", "concise", "--no-cache", *args)
        assert _codes(whole.stdout) >= {"DL243", "DL244"}
        merged = _cli("merge", "-f", "concise", *parts)
        assert merged.stdout == whole.stdout and merged.exit_code == whole.exit_code
