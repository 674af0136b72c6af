"""Command line: ``disclosure-lint check|rules|explain|stats|merge|init|new|annotate``.

Only parses options and wires the modules together.  Exit codes: 0 nothing at or
above ``--fail-on``; 1 findings at or above it; 2 usage, configuration or
unreadable input (other files are still checked), or output that could not be
written (one line on standard error says why); a closed pipe (``| head``) ends the
run quietly with 141, as a shell reports a process stopped by SIGPIPE.

Every line written to standard error passes through :func:`disclosure_lint.termsafe.terminal`
(file names and messages come from outside), and standard output and error escape what their
encoding cannot show (a GBK terminal and an emoji) instead of failing.

Unlike the other modules, this one does not use ``from __future__ import annotations``: typer builds every
command from its signature on each run, reading each parameter's annotation twice (``inspect.signature`` with
``eval_str`` and ``typing.get_type_hints``), so each of the ≈ 60 ``Annotated[…, typer.Option(…)]`` strings was
parsed, compiled and evaluated twice per run (78 M of a one-file check's 1,650 M instructions); as objects they are
made once, when the module is imported, and typer reads them as they are.
"""

import errno
import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text
from typer.core import TyperCommand

from .api import FileResult, RunResult, discover_entries, merge_extras
from .baseline import BaselineError, Gate
from .batch.hook import CrossReport, read_previous
from .cache import RunOptions
from .config import ConfigResolver
from .errors import ConfigError, DisclosureLintError
from .output import OutputRefused, describe
from .packs import load_rules
from .parallel import choose_jobs, ocr_workers
from .pipeline import Pipeline, RunHook, StreamRun, cache_location
from .reporters.console import SEVERITY_STYLE, make_console
from .reporters.emit import emit
from .reporters.progress import tracked
from .termsafe import is_utf, json_dumps, terminal


class UsageCommand(TyperCommand):
    """A command whose usage line names its arguments as click always did (``check [OPTIONS] PATHS...``,
    ``explain [OPTIONS] CODE``, ``[NAME]`` when optional): typer 0.29 writes ``{paths}...``, braces around the
    parameter's own name, which reads as a template left unfilled."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name != "argument":
                pieces.extend(param.get_usage_pieces(ctx))
                continue
            name = (param.metavar or param.name or "").upper() + ("..." if param.nargs != 1 else "")
            pieces.append(name if param.required else f"[{name}]")
        return pieces


app = typer.Typer(
    name="disclosure-lint",
    help="政府信息公开工作年度报告合规检查工具（disclosure-lint）。",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class OutputFormat(str, Enum):
    console = "console"
    json = "json"


class CheckFormat(str, Enum):  # check's formats: the reporters' registry (reporters/__init__.py)
    console = "console"
    concise = "concise"
    json = "json"
    sarif = "sarif"
    github = "github"
    gitlab = "gitlab"
    junit = "junit"
    html = "html"
    csv = "csv"


class OcrMode(str, Enum):  # limits.Limits.ocr: when scanned pages are recognised (the ``ocr`` extra)
    auto = "auto"
    never = "never"
    always = "always"


class FailOn(str, Enum):  # the severities of diagnostics.Severity (typer needs an Enum; a test checks they agree)
    error = "error"
    warning = "warning"
    info = "info"


def _say(message: object) -> None:
    """One line on standard error, made safe to show; a standard error that cannot be written is ignored."""
    try:
        sys.stderr.write(f"disclosure-lint: {terminal(message, encoding=getattr(sys.stderr, 'encoding', None))}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):  # AttributeError: started with stderr closed (None)
        pass


def _fail(message: str) -> None:
    _say(message)
    raise typer.Exit(2)


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that the flush at exit does not fail a second time."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
        os.close(fd)
    except (OSError, ValueError, AttributeError):  # io.UnsupportedOperation is an OSError and ValueError
        pass


def _silence_stdout_if_broken() -> None:
    """After a failed write that may have been to the standard output (``-o /dev/stdout``)."""
    try:
        sys.stdout.flush()
        sys.stdout.buffer.flush()
    except (OSError, ValueError, AttributeError):
        _silence_stdout()


@contextmanager
def _stdout_guard():
    """Write the results: a closed pipe ends the run quietly (141), any other failure is one line, exit 2."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(141) from None
    except OSError as exc:
        _silence_stdout()
        _fail(f"无法写入标准输出：{describe(exc)}")


def _split(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    out: list[str] = []
    for v in values:
        out.extend(x for x in v.replace("，", ",").split(",") if x.strip())
    return [x.strip() for x in out]


# What the user states about a report, shared by the commands that check one (check, stats, annotate): one
# definition each, so that the commands agree on the option's name, range and meaning.
YEAR_OPTION = typer.Option("--year", help="报告年度（覆盖从标题识别的年度）。", min=1990, max=2100)
AGENCY_OPTION = typer.Option("--agency", help="发布机关名称（覆盖从报告中识别的机关；类型按名称判断）。")


@app.command(cls=UsageCommand)
def check(
    paths: Annotated[list[str], typer.Argument(help="要检查的报告文件或目录（目录中的 .md .txt .html .docx .doc .rtf .odt .pdf .ofd 等文件；"
                                                   "目录中明显不是年度报告的文件，如 README.md，跳过并提示一行）。")],
    output_format: Annotated[CheckFormat, typer.Option(
        "--format", "-f", help="输出格式：console（表格）、concise（每个问题一行）、json、sarif（SARIF 2.1.0）、"
                               "github（GitHub Actions 注释）、gitlab（GitLab 代码质量报告）、junit（JUnit XML）、"
                               "html（独立的网页，离线可打开，宜与 -o 同用）、"
                               "csv（每份报告一行：机关、年度、各类别和级别的问题数，Excel 可直接打开）。")
    ] = CheckFormat.console,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", help="写入此文件（先写临时文件再替换）；默认输出到标准输出。")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="只输出问题，不输出汇总行。")] = False,
    statistics: Annotated[bool, typer.Option("--statistics", help="输出每条规则的问题数。")] = False,
    fail_on: Annotated[FailOn | None, typer.Option("--fail-on", help="达到此级别即以代码 1 退出（默认 error）。")] = None,
    config: Annotated[str | None, typer.Option("--config", "-c", help="配置文件（默认向上查找 .disclosure-lint.yaml 或 pyproject.toml）。")] = None,
    year: Annotated[int | None, YEAR_OPTION] = None,
    agency: Annotated[str | None, AGENCY_OPTION] = None,
    previous: Annotated[list[str] | None, typer.Option("--previous", help="同一机关上一年度的报告文件：与本次检查的报告对照"
                                                                          "（上年结转、现行有效件数、照搬上年、数字突变）；它本身的问题不列出。")] = None,
    select: Annotated[list[str] | None, typer.Option("--select", help="只运行这些规则（代码、前缀、名称或类别，可用逗号分隔）。")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="不运行这些规则。")] = None,
    include: Annotated[list[str] | None, typer.Option("--include", help="目录中只检查匹配这些通配符的文件，如 '*2023*'。")] = None,
    exclude: Annotated[list[str] | None, typer.Option("--exclude", help="目录中跳过匹配这些通配符的文件，如 'drafts/*'。")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="忽略被检查目录中及其上级目录中的配置文件"
                                                           "（.disclosure-lint.yaml、pyproject.toml），只用默认设置或 --config 指定的配置。")] = False,
    baseline: Annotated[str | None, typer.Option("--baseline", help="只报告不在此基线文件中的问题；基线中已不再出现的条目另行提示。")] = None,
    write_baseline: Annotated[str | None, typer.Option("--write-baseline", help="把本次发现的全部问题写入此基线文件（整个文件重写）。")] = None,
    prune_baseline: Annotated[bool, typer.Option("--prune-baseline", help="与 --baseline 一起用：从基线文件中删除已不再出现的条目。")] = False,
    fix: Annotated[bool, typer.Option("--fix", help="自动修复可安全修复的问题（仅 .md .markdown .txt .html .htm；"
                                                    "保留编码、字节序标记和换行符），再列出剩余问题。")] = False,
    unsafe_fixes: Annotated[bool, typer.Option("--unsafe-fixes", help="与 --fix 或 --diff 一起使用：也应用需人工确认的修复。")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="只显示修复会做的改动（统一差异格式），不写入文件。")] = False,
    no_group: Annotated[bool, typer.Option("--no-group", help="console 格式：同一规则的问题逐条列出"
                                                            "（默认每个文件每条规则只列前3处，其余合并为一行）。")] = False,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, max=1024, help="同时检查的进程数（默认：文件不少于16个时为 CPU 数，"
                                                                                "否则为1；1 即在本进程中逐个检查）。")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="不读也不写检查结果缓存（.disclosure-lint-cache）。")] = False,
    cache_dir: Annotated[str | None, typer.Option("--cache-dir", help="检查结果缓存的目录（默认为当前目录下的"
                                                                     " .disclosure-lint-cache）。")] = None,
    shard: Annotated[str | None, typer.Option("--shard", help="只检查找到的文件中的第 i 部分（共 n 部分，写作 i/n，"
                                                             "如 1/4），供多台 CI 机器分担；各部分的 -f json 结果"
                                                             "用 disclosure-lint merge 合并（合并时对全部报告重新"
                                                             "运行跨报告检查）。")] = None,
    ocr: Annotated[OcrMode | None, typer.Option("--ocr", help="扫描件的文字识别（需安装 disclosure-lint[ocr]）：auto 只识别"
                                                              "没有文字层的页面（默认），always 每一页都识别、不用文字层，never 不识别。")] = None,
) -> None:
    """检查年度报告并列出问题。"""
    if unsafe_fixes and not (fix or diff):
        _fail("--unsafe-fixes 需与 --fix 或 --diff 一起使用")
    try:
        gate = Gate(baseline, write_baseline, prune_baseline)  # a bad --baseline stops the run before checking
        part = None
        if shard:
            from . import shard as shards  # only with --shard (start-up time)

            part = shards.parse(shard)
        entries, errors = discover_entries(paths, include=_split(include), exclude=_split(exclude))
        positions = None
        if part:
            entries, positions = shards.pick(entries, *part)  # (imported above)
        files = [f for f, _walked in entries]
        n_jobs = choose_jobs(jobs, len(entries))
        options = RunOptions(config, year=year, select=_split(select), ignore=_split(ignore) or [], isolated=isolated,
                             agency=agency, keep_view=output_format == CheckFormat.html,  # html: the text and tables
                             ocr=ocr.value if ocr else None, ocr_workers=ocr_workers(n_jobs, len(entries)))
        checker = options.checker()
        # the checks across reports (same body over years, bodies of one kind); --previous reports are read
        # without --year (they are last year's)
        previous_results = read_previous(previous, RunOptions(config, select=options.select, ignore=options.ignore,
                                                              isolated=isolated, agency=agency,
                                                              ocr=options.ocr).checker(),
                                         _fail) if previous else []
        hooks: list[RunHook] = [CrossReport(checker.active_for, previous_results)]  # observe each, add at the end
        pipeline = Pipeline(checker, options, entries, jobs=n_jobs,
                            cache_dir=cache_location(options, no_cache, cache_dir), hooks=hooks)
        threshold = fail_on.value if fail_on else None
        if threshold is None:
            try:
                threshold = checker.resolver.for_path(Path(files[0] if files else ".")).config.fail_on
            except ConfigError:  # a malformed configuration in a checked folder: its files are errors already
                threshold = "error"
        # console, concise and github print each file as it comes; the other formats are one document, and
        # --fix/--diff and a baseline need every result before anything is shown
        streamed = output_format.value in STREAMED and not (fix or diff or gate.active)
        if streamed:
            results: list[FileResult] = []
        else:
            results = list(_tracked(pipeline))
            results = merge_extras(results, pipeline.extras(), pipeline.bodies.by_path)
        fixes = None
        if fix or diff:
            from . import fixer  # only with --fix or --diff (start-up time)

            fixes = fixer.run_fixes(checker, results, unsafe_fixes, write=not diff)
    except (ConfigError, BaselineError) as exc:
        _fail(str(exc))
        return
    if streamed:
        _check_streamed(pipeline, output_format.value, threshold, errors, output, quiet, statistics, not no_group)
        return
    if fixes is not None and not diff:
        results = fixes.results
    run = RunResult(files=results, errors=errors, configs=checker.configs, rules=checker.active_rules,
                    shard=None if part is None else {"index": part[0], "count": part[1], "positions": positions},
                    # a part's facts and rules for the checks across reports, which merge runs over every part
                    cross=None if part is None or output_format != CheckFormat.json
                    else _carried(results, previous_results, checker.active_for))
    try:  # findings in the baseline are removed before any reporter sees them
        before = run.files
        run, baseline_notes = gate(run, checker.rule_codes)
    except BaselineError as exc:
        _fail(str(exc))
        return
    if fixes is not None and not diff:
        fixes.results = run.files  # 剩余 counts what is listed: not the findings the baseline holds
    if run.cross is not None and gate.applied is not None:  # what merge hides of the findings across reports
        _carried_baseline(run.cross, before, run.files, gate)
    for err in run.errors:
        _say(f"错误：{err}")
    for f in run.files:
        if f.error:
            _say(f"错误：{f.path}：{f.error}")
    with _stdout_guard():
        if fixes is not None and diff:
            sys.stdout.write(terminal(fixer.unified_diff(fixes.changed), newlines=True,
                                      encoding=getattr(sys.stdout, "encoding", None)))
        else:
            _emit(run, output_format.value, threshold, output, quiet=quiet, statistics=statistics, group=not no_group)
    if fixes is not None:  # --quiet: only findings (and errors) — not the counts
        for note in [*fixes.notes, *(() if quiet else (fixer.summary(fixes, diff),))]:
            _say(note)
    for note in () if quiet else baseline_notes:
        _say(note)
    raise typer.Exit(2 if fixes is not None and fixes.failed else run.exit_code(threshold))


STREAMED = ("console", "concise", "github")


def _carried(results: list[FileResult], previous: list[Any], rules_for: Any) -> dict:
    """A ``--shard`` part's ``cross`` (:mod:`.batch.carried`)."""
    from .batch.carried import export  # only with --shard -f json (start-up time)

    return export(results, previous, rules_for)


def _carried_baseline(cross: dict, before: list[FileResult], after: list[FileResult], gate: Gate) -> None:
    from .baseline import entries_of
    from .batch.carried import note_baseline  # only with --shard -f json (start-up time)

    note_baseline(cross, before, after, lambda path: entries_of(gate, path))


def _emit(run: Any, fmt: str, threshold: str, output: str | None, **options: Any) -> None:
    """The run in format ``fmt`` to standard output or ``output``; a refused or failed write is one line and
    exit 2 (a closed standard output is left to :func:`main`)."""
    try:
        emit(run, fmt, threshold, output=output, **options)
    except OutputRefused as exc:
        _fail(f"无法写入 {output}：{exc}，未写入")
    except OSError as exc:
        if output is None or isinstance(exc, BrokenPipeError):
            raise
        _silence_stdout_if_broken()
        _fail(f"无法写入 {output}：{describe(exc)}")


def _tracked(pipeline: Pipeline) -> Iterator[FileResult]:
    """The pipeline's results, with the progress bar on a terminal."""
    bar = tracked(pipeline.entries)
    for result in pipeline.results():
        next(bar, None)
        yield result
    for _ in bar:  # ends the bar
        pass


def _check_streamed(pipeline: Pipeline, fmt: str, threshold: str, errors: list[str], output: str | None,
                    quiet: bool, statistics: bool, group: bool) -> None:
    """``check`` printing each file as its result arrives (no list of results is held)."""
    for err in errors:
        _say(f"错误：{err}")

    def on_file(f: FileResult) -> None:
        if f.error:
            _say(f"错误：{f.path}：{f.error}")

    run = StreamRun(_tracked(pipeline), pipeline.extras, errors, pipeline.checker.configs,
                    pipeline.checker.active_rules, on_file, lambda: pipeline.bodies)
    with _stdout_guard():
        try:
            _emit(run, fmt, threshold, output, quiet=quiet, statistics=statistics, group=group)
        except ConfigError as exc:  # a configuration met only now (prepared before the run: should not happen)
            _fail(str(exc))
    raise typer.Exit(run.exit_code(threshold))


@app.command("merge", cls=UsageCommand)
def merge_cmd(
    inputs: Annotated[list[str], typer.Argument(help="check -f json 的结果文件（如 --shard 各部分的输出）。")],
    output_format: Annotated[CheckFormat, typer.Option("--format", "-f", help="输出格式（同 check）。")] = CheckFormat.json,
    output: Annotated[str | None, typer.Option("--output", "-o", help="写入此文件（先写临时文件再替换）。")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="只输出问题，不输出汇总行。")] = False,
    statistics: Annotated[bool, typer.Option("--statistics", help="输出每条规则的问题数。")] = False,
    fail_on: Annotated[FailOn | None, typer.Option("--fail-on", help="达到此级别即以代码 1 退出（默认取第一个结果的设置）。")] = None,
    config: Annotated[str | None, typer.Option("--config", "-c", help="配置文件（sarif 格式列出其规则）。")] = None,
) -> None:
    """把多次 check -f json 的结果（如 --shard 的各部分）合并为一次检查的结果，以任一格式输出。

    --shard 的各部分：跨报告检查（与上年报告对照、同类机关比较、下级机关缺报等）用各部分携带的报告事实对全部报告重新运行。"""
    from .merge import merge as merge_results  # only this command (start-up time)

    try:
        merged = merge_results(inputs)
        checker = RunOptions(config).checker()
        checker.prepare([(".", False)])
        # as check shows it: a streamed format lists the findings across reports after the files (with a baseline
        # check holds the whole run: among them)
        run = (merged.streamed(checker.active_rules) if output_format.value in STREAMED and merged.baseline is None
               else merged.whole(checker.active_rules))
    except DisclosureLintError as exc:
        _fail(str(exc))
        return
    threshold = fail_on.value if fail_on else merged.fail_on
    with _stdout_guard():
        _emit(run, output_format.value, threshold, output, quiet=quiet, statistics=statistics)
    raise typer.Exit(run.exit_code(threshold))


def _cwd_rules(config: str | None, isolated: bool) -> list:
    """The rules the configuration of the current directory (or ``--config``) loads; exit 2 on a bad one."""
    try:
        lc = ConfigResolver(Path(config) if config else None, isolated=isolated).for_path(Path.cwd())
        return list(load_rules(lc.pack_paths()))
    except ConfigError as exc:
        _fail(str(exc))
        raise  # (not reached: _fail exits)


@app.command("rules", cls=UsageCommand)
def rules_cmd(
    config: Annotated[str | None, typer.Option("--config", "-c", help="配置文件（用于加载额外的规则包）。")] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="输出格式。")] = OutputFormat.console,
    isolated: Annotated[bool, typer.Option("--isolated", help="忽略当前目录及其上级目录中的配置文件，只用内置规则或 --config 指定的配置。")] = False,
) -> None:
    """列出全部规则（代码、名称、类别、级别、规则包）。"""
    rules = sorted(_cwd_rules(config, isolated), key=lambda r: r.code)
    with _stdout_guard():
        _print_rules(rules, output_format)


def _print_rules(rules, output_format: OutputFormat) -> None:
    from .docs import summary  # only the rules and explain commands (start-up time)

    if output_format == OutputFormat.json:
        encoding = getattr(sys.stdout, "encoding", None)
        sys.stdout.write(json_dumps(
            [{"code": r.code, "name": r.spec.name, "category": r.spec.category, "severity": r.spec.severity,
              "pack": r.pack, "kind": r.spec.kind, "enabled": r.spec.enabled, "summary": summary(r)} for r in rules],
            ascii_only=encoding is not None and not is_utf(encoding), indent=2))
        sys.stdout.write("\n")
        return
    console: Console = make_console(sys.stdout)

    def show(text: str) -> str:
        return terminal(text, encoding=console.encoding)

    width_name = max(len(show(r.spec.name)) for r in rules)
    width_cat = max(len(r.spec.category) for r in rules)
    width_pack = max(len(show(r.pack)) for r in rules)
    for r in rules:
        sev_style = SEVERITY_STYLE[r.spec.severity]
        line = Text()
        line.append(f"{show(r.code):<7}", style="bold")
        line.append(f"{r.spec.severity:<8}", style=sev_style)
        line.append(f"{r.spec.category:<{width_cat + 2}}{show(r.spec.name):<{width_name + 2}}"
                    f"{show(r.pack):<{width_pack + 2}}")
        text = summary(r)
        text = text if len(text) <= 48 else text[:47] + "…"
        line.append(show(text) + ("" if r.spec.enabled else "（默认关闭）"))
        console.print(line, soft_wrap=True)
    console.print(Text(f"共 {len(rules)} 条规则。用 disclosure-lint explain 代码 查看说明。"))


@app.command(cls=UsageCommand)
def explain(
    code: Annotated[str, typer.Argument(help="规则代码或名称，如 DL301。")],
    config: Annotated[str | None, typer.Option("--config", "-c", help="配置文件（用于加载额外的规则包）。")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="忽略当前目录及其上级目录中的配置文件，只用内置规则或 --config 指定的配置。")] = False,
) -> None:
    """显示一条规则的说明：做什么、为什么、依据、反例与正例。"""
    from .docs import render_rule_markdown  # only this command (start-up time)

    rules = _cwd_rules(config, isolated)
    key = code.strip()
    for r in rules:
        if r.code.upper() == key.upper() or r.spec.name == key:
            # a rule's docs come from its pack (perhaps a user's): escaped, links shown as text
            text = terminal(render_rule_markdown(r), newlines=True, encoding=getattr(sys.stdout, "encoding", None))
            with _stdout_guard():
                if sys.stdout.isatty():
                    # loaded on demand: rich's Markdown brings in pygments (≈50 ms), only for a terminal
                    from rich.markdown import Markdown

                    make_console(sys.stdout).print(Markdown(text, hyperlinks=False))
                else:
                    sys.stdout.write(text)
            return
    _fail(f"未知的规则：{code}（用 disclosure-lint rules 查看全部规则）")


class StatsFormat(str, Enum):
    csv = "csv"
    json = "json"
    sqlite = "sqlite"


@app.command("stats", cls=UsageCommand)
def stats_cmd(
    paths: Annotated[list[str], typer.Argument(help="报告文件或目录（目录中查找报告文件的方式与 check 相同）。")],
    output_format: Annotated[StatsFormat | None, typer.Option(
        "--format", "-f",
        help="csv（默认）：每个单元格一行，带表头，UTF-8 带 BOM（Excel 可直接打开中文）；json：含每个文件的概况和全部记录；"
             "sqlite：SQLite 数据库（单元格、检查发现的问题、各项比率），须用 -o 指定文件，"
             "-o 以 .sqlite、.sqlite3 或 .db 结尾时默认即为此格式。")
    ] = None,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", help="写入此文件（先写临时文件再替换，不会留下不完整的文件；SQLite 数据库就地更新）；"
                               "默认输出到标准输出。")] = None,
    config: Annotated[str | None, typer.Option("--config", "-c", help="配置文件（默认向上查找 .disclosure-lint.yaml 或 pyproject.toml）。")] = None,
    year: Annotated[int | None, YEAR_OPTION] = None,
    include: Annotated[list[str] | None, typer.Option("--include", help="目录中只导出匹配这些通配符的文件，如 '*2023*'。")] = None,
    exclude: Annotated[list[str] | None, typer.Option("--exclude", help="目录中跳过匹配这些通配符的文件，如 'drafts/*'。")] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, max=1024, help="同时读取的进程数（默认：文件不少于16个时为 CPU 数，"
                                                                                "否则为1；1 即在本进程中逐个读取）。")] = None,
) -> None:
    """导出第二、三、四部分统计表的全部单元格（CSV 或 JSON），便于汇总多个机关的数据。

    每条记录对应一个文件的一个单元格：路径、机关、年度、格式版本、表（s2/s3/s4）、行和列的标准代码与名称
    （另附报告中的写法）、数值、数值类型、原文和位置。CSV 为 UTF-8 带 BOM，Excel 打开不乱码。
    无法读取的文件单独报错（退出代码 2），其他文件照常导出。
    写入 SQLite 数据库（-o stats.sqlite）时同时运行全部检查，再次运行只更新有改动的文件。
    """
    from .stats_db_schema import is_database_target  # only this command (start-up time)

    fmt = output_format.value if output_format else ("sqlite" if is_database_target(output) else "csv")
    if fmt == "sqlite":
        _stats_database(paths, output, config, year, _split(include), _split(exclude))
        return
    from .stats_export import export_paths, write_file, write_stream  # only this command (start-up time)

    try:
        run = export_paths(paths, config, year=year, include=_split(include), exclude=_split(exclude),
                           jobs=jobs)
    except ConfigError as exc:
        _fail(str(exc))
        return
    for err in run.errors:
        _say(f"错误：{err}")
    for f in run.files:
        if f.error:
            _say(f"错误：{f.path}：{f.error}")
    if output:
        try:
            write_file(run, fmt, output)
        except OutputRefused as exc:
            _fail(f"无法写入 {output}：{exc}，未写入")
            return
        except BrokenPipeError:  # -o /dev/stdout, a pipe closed early
            _silence_stdout()
            raise typer.Exit(141) from None
        except OSError as exc:
            _silence_stdout_if_broken()
            _fail(f"无法写入 {output}：{describe(exc)}")
            return
        n_rec = sum(len(f.records) for f in run.files)
        n_tab = sum(len(f.tables) for f in run.files)
        _say(f"已导出 {len(run.files)} 个文件的 {n_tab} 张统计表（{n_rec} 个单元格）到 {output}")
    else:
        with _stdout_guard():
            sys.stdout.flush()
            write_stream(run, fmt, sys.stdout.buffer)
    raise typer.Exit(run.exit_code)


def _stats_database(paths: list[str], output: str | None, config: str | None, year: int | None,
                    include: list[str] | None, exclude: list[str] | None) -> None:
    """``stats -o x.sqlite``: check and export into the database (stats_db.py), updated in place."""
    if not output:
        _fail("SQLite 数据库须用 -o 指定文件，如 -o stats.sqlite")
        return
    # on demand: sqlite3 (its shared library, 5–15 ms) only for a database target, not at every start
    from .stats_db import DatabaseRefused, DatabaseWriteError, update_database

    try:
        run = update_database(output, paths, config, year=year, include=include, exclude=exclude,
                              track=lambda items: tracked(items, "写入数据库"))
    except ConfigError as exc:
        _fail(str(exc))
        return
    except DatabaseRefused as exc:
        _fail(f"无法写入 {output}：{exc}")
        return
    except DatabaseWriteError as exc:  # a full disk, a lock held too long: the batch being written was rolled back
        _fail(f"无法写入 {output}：{exc}（正在写入的一批已撤销，已写入的报告保留；再次运行即可继续）")
        return
    for err in run.errors:
        _say(f"错误：{err}")
    for path, err in run.file_errors:
        _say(f"错误：{path}：{err}")
    for path in run.tool_failures:
        _say(f"错误：{path}：工具出错，未能完整检查（DL000，请反馈）")
    _say(run.summary())
    raise typer.Exit(run.exit_code)


@app.command("init", cls=UsageCommand)
def init_cmd(
    force: Annotated[bool, typer.Option("--force", help="覆盖已有的 .disclosure-lint.yaml。")] = False,
    schema: Annotated[str | None, typer.Option("--schema", help="写入第一行 $schema= 的地址（网址或路径）；"
                                                             "默认为已安装的 disclosure-lint 中的 config.schema.json。")] = None,
) -> None:
    """在当前目录写一个带中文注释的配置文件 .disclosure-lint.yaml（每一项及其默认值）。"""
    from .init_config import init_command  # only this command (start-up time)

    init_command(force, schema, _say, _fail)


@app.command("new", cls=UsageCommand)
def new_cmd(
    year: Annotated[int, typer.Option("--year", help="报告年度（2019、2020 用2019年试行格式，2021 起用2021年格式）。")],
    agency: Annotated[str, typer.Option("--agency", help="机关名称（全称），如 某某区教育局。")],
    output: Annotated[str | None, typer.Option("-o", "--output", help="输出文件（.md 或 .docx）；默认为当前目录下的"
                                                                     "“<机关><年度>年政府信息公开工作年度报告.md”。")] = None,
    force: Annotated[bool, typer.Option("--force", help="覆盖已有的文件。")] = False,
) -> None:
    """按该年度的统一格式写一份空白年度报告（标题、统计期限、六个部分及填写提示、三张统计表）。"""
    from .blank_write import new_command  # only this command (start-up time)

    new_command(year, agency, output, force, _say, _fail)


@app.command("annotate", cls=UsageCommand)
def annotate_cmd(
    path: Annotated[str, typer.Argument(help="要审阅的报告（.docx；.doc/.rtf/.odt/.md/.txt/.html 会先转成 .docx 格式的 Word 文档）；原文件不会被修改。")],
    output: Annotated[str | None, typer.Option("-o", "--output", help="输出文件；默认为原文件旁的“<原名>.审阅.docx”。")] = None,
    force: Annotated[bool, typer.Option("--force", help="覆盖已有的输出文件。")] = False,
    config: Annotated[str | None, typer.Option("--config", "-c", help="配置文件（默认向上查找 .disclosure-lint.yaml 或 pyproject.toml）。")] = None,
    year: Annotated[int | None, YEAR_OPTION] = None,
    agency: Annotated[str | None, AGENCY_OPTION] = None,
) -> None:
    """写一份带批注和修订的 Word 副本：check 发现的每个问题成为一条批注，标在它所指的文字或表格单元格上；可安全自动修正的问题标为修订，接受或拒绝即可。"""
    from .annotate import annotate_command  # on demand: python-docx and lxml, ≈35 ms of every start
    annotate_command(path, output, force, config, _say, _fail, year=year, agency=agency)


class _ClosedStdout(io.TextIOBase):
    """Stands for a standard output the run was started without (``>&-``): writing to it fails."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "标准输出已关闭")

    @property
    def buffer(self) -> io.BufferedIOBase:
        raise OSError(errno.EBADF, "标准输出已关闭")


def _tolerant_streams() -> None:
    """Characters the terminal's encoding cannot show (an emoji on GBK) are escaped, not a traceback."""
    if sys.stdout is None:  # started with stdout closed: a command that writes there says so (exit 2)
        sys.stdout = _ClosedStdout()
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)  # io.TextIOWrapper's; not on every stream
        if reconfigure is None:
            continue
        try:
            reconfigure(errors="backslashreplace")
        except (ValueError, OSError):
            pass


def _help_asked() -> bool:
    from . import cli_help

    return cli_help.asked(sys.argv[1:])


class _HelpInChinese:
    """While a run that prints help goes on, standard output is caught; then written with typer's headings in
    Chinese (help is all such a run prints)."""

    def __enter__(self) -> None:
        self.real, self.buf = sys.stdout, io.StringIO()
        sys.stdout = self.buf

    def __exit__(self, *exc: object) -> None:
        from . import cli_help

        sys.stdout = self.real
        self.real.write(cli_help.translate(self.buf.getvalue()))
        self.real.flush()


def main() -> None:
    from . import cli_errors

    ClickException, UsageError, NoArgsIsHelpError = cli_errors.classes()
    _tolerant_streams()
    try:
        with _HelpInChinese() if _help_asked() else nullcontext():
            code = app(standalone_mode=False)
    except KeyboardInterrupt:
        sys.stderr.write("disclosure-lint: 已中断\n")
        sys.exit(130)
    except NoArgsIsHelpError as e:  # (the help text, as typer shows it: on standard error, its headings in Chinese)
        from . import cli_help

        sys.stderr.write(cli_help.translate(e.format_message()) + "\n")
        sys.exit(e.exit_code)
    except UsageError as e:  # in Chinese, not typer's English
        sys.stderr.write(cli_errors.text(e))
        sys.exit(e.exit_code)
    except ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    sys.exit(code if isinstance(code, int) else 0)
