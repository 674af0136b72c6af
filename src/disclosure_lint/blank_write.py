"""``disclosure-lint new``: where the blank report goes and in which form (.md or .docx).

The default name is ``<机关><年度>年政府信息公开工作年度报告.md`` in the current directory.  An existing file
is never replaced without ``--force``; the write is atomic (:func:`.output.write_to`, the .docx's bytes
written to the binary buffer under its text stream).  Every refusal is one Chinese line (exit code 2).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from typing import TextIO

from .blank import MAX_YEAR, MIN_YEAR, Blank, markdown
from .output import OutputRefused, describe, write_to
from .report.catalogue import FORMAT_NAMES
from .termsafe import not_one_line

SUFFIXES = (".md", ".docx")


def default_name(year: int, agency: str) -> str:
    return f"{Blank(year, agency).title}.md"


def new_command(year: int, agency: str, output: str | None, force: bool,
                say: Callable[[str], None], fail: Callable[[str], None]) -> None:
    """Write the blank report (``fail`` ends the run with exit code 2 and one Chinese line)."""
    agency = agency.strip()
    if year < MIN_YEAR:
        return fail(f"{year}年没有统一的年度报告格式（统一格式自{MIN_YEAR}年度报告起施行）")
    if year > MAX_YEAR:  # as check --year: a year no report has (a typo, 20255) is not written into a title
        return fail(f"--year {year} 不是有效的报告年度：应在 {MIN_YEAR} 至 {MAX_YEAR} 年之间（与 check --year 相同）")
    if not agency:
        return fail("机关名称不能为空")
    if (bad := not_one_line(agency)) is not None:  # it names the file and is the title: one line of text
        return fail(f"机关名称中有换行、制表符或其他控制字符（第{bad.start() + 1}个字符，U+{ord(bad.group()):04X}），"
                    "应只写一行机关全称，如 某某区教育局")
    if "/" in agency or "\\" in agency:  # it names the file and goes into the title: never a path
        return fail(f"机关名称“{agency}”中有路径分隔符（/ 或 \\），应只写机关全称，如 某某区教育局；"
                    "要写到其他目录请用 -o 指定输出文件")
    target = output or default_name(year, agency)
    suffix = os.path.splitext(target)[1].lower()
    if suffix not in SUFFIXES:
        return fail(f"{target}：只能写 .md 或 .docx 文件")
    if os.path.lexists(target) and not force:
        return fail(f"{target} 已存在，未覆盖（要覆盖请加 --force）")
    blank = Blank(year, agency)

    def produce(stream: TextIO) -> None:
        if suffix == ".md":
            stream.write(markdown(blank))
        else:
            # python-docx is loaded only when a .docx is written (as the readers load it), not at every start
            writer = importlib.import_module(f"{__package__}.blank_docx")
            stream.flush()
            stream.buffer.write(writer.docx_bytes(blank))

    try:
        write_to(target, produce)
    except OutputRefused as exc:
        return fail(f"无法写入 {target}：{exc}")
    except OSError as exc:
        return fail(f"无法写入 {target}：{describe(exc)}")
    say(f"已写入 {target}（{FORMAT_NAMES[blank.version]}）")
