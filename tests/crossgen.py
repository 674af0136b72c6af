"""Reports for the cross-report tests: a batch written to a folder and checked with the cross-report hook as
``disclosure-lint check`` does, and small consistent reports of one body or of peers of one kind."""

from __future__ import annotations

import textwrap
from pathlib import Path

from disclosure_lint.api import Checker, FileResult, merge_extras
from disclosure_lint.batch.hook import CrossReport

S3_HEAD = ("| 本列数据的勾稽关系 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n"
           "|---|---|---|---|---|---|---|---|\n")


def s3_report(agency: str, year: int, rows: dict[str, int]) -> str:
    """A report with a partial table 三: each row's figure in the 自然人 and 总计 columns."""
    body = "".join(f"| {label} | {v} | 0 | 0 | 0 | 0 | 0 | {v} |\n" for label, v in rows.items())
    return f"# {agency}{year}年政府信息公开工作年度报告\n\n## 三、收到和处理政府信息公开申请情况\n\n{S3_HEAD}{body}"


def rate_peer(agency: str, year: int, handled: int, opened: int) -> str:
    return s3_report(agency, year, {"一、本年新收政府信息公开申请数量": handled, "（一）予以公开": opened,
                                     "（二）部分公开": 0, "（七）总计": handled})


PEER_NAMES = ("交通运输局", "教育局", "民政局", "财政局", "商务局", "水利局", "农业农村局", "文化和旅游局",
              "卫生健康委员会", "应急管理局", "审计局", "统计局")


def rate_peers(n: int = 8, year: int = 2023, region: str = "青禾市云岭区") -> list[tuple[str, str]]:
    """``n`` bureaus with 公开率 between 60% and 75% (40 handled)."""
    out = []
    for i in range(n):
        name = PEER_NAMES[i + 1] if PEER_NAMES[i + 1].endswith("局") else f"第{i}局"
        out.append((f"peer{i}.md", rate_peer(region + name, year, 40, 24 + (i % 7))))
    return out


def new_peers(values: tuple[int, ...] = (4, 6, 9), year: int = 2023) -> list[tuple[str, str]]:
    return [(f"dept{i}.md", s3_report(f"青禾市云岭区{PEER_NAMES[i + 1]}", year, {"一、本年新收政府信息公开申请数量": v}))
            for i, v in enumerate(values)]


def write(folder: Path, files: list[tuple[str, str]]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in files:
        p = folder / name
        p.write_text(textwrap.dedent(text), encoding="utf-8")
        paths.append(str(p))
    return paths


def check_batch(folder: Path, files: list[tuple[str, str]], previous: list[tuple[str, str]] = (),  # type: ignore[assignment]
                select: list[str] | None = None, config: str | None = None,
                year: int | None = None) -> dict[str, FileResult]:
    """Check ``files`` (and ``previous`` as ``--previous``) as ``check`` does; results by file name."""
    paths = write(folder, files)
    prev_paths = write(folder / "previous", list(previous)) if previous else []
    checker = Checker(config, select=select, isolated=config is None, year=year)
    prev_checker = Checker(config, select=select, isolated=config is None)
    hook = CrossReport(checker.active_for, [prev_checker.check_file(p) for p in prev_paths])
    results = [checker.check_file(p) for p in paths]
    for r in results:
        hook.observe(r)
    results = merge_extras(results, hook.finish())  # as check's pipeline does
    return {Path(r.path).name: r for r in results}


def codes(result: FileResult, prefix: str = "") -> list[str]:
    return [d.code for d in result.diagnostics if d.code.startswith(prefix)]
