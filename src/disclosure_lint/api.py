"""Programmatic API: check files and directories, get results.

    from disclosure_lint.api import check_paths
    run = check_paths(["report.md"])
    for fr in run.files:
        print(fr.path, [d.code for d in fr.diagnostics], fr.error)

Files found by walking a directory that are plainly not annual reports (a README.md, notes.txt: no
report title, none of the six parts, no statistics table) are not checked: their ``FileResult.skipped``
says why.  A file named explicitly is always checked.
"""

from __future__ import annotations

import fnmatch
import gc
import os
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from . import GENERATOR, failures
from .batch.facts import collect as collect_facts
from .batch.hook import CrossReport
from .batch.identity import body_name
from .config import ConfigResolver, LoadedConfig
from .diagnostics import Diagnostic
from .engine import ActiveRule, ActiveRules, matches_selector, prepare, run, unknown_selectors
from .errors import ConfigError, DisclosureLintError, UnsupportedType
from .fsread import walk_tree
from .model import Document
from .packs import load_rules
from .readers import UNSUPPORTED, WALK_EXTENSIONS, os_error, read_path, readable
from .report import Overrides, interpret
from .report.view import build_view
from .tally import Tally


@dataclass
class FileResult:
    """The result of checking one file: its findings, or why it could not be read, and what was read."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None  # one Chinese sentence when the file could not be read
    format: str | None = None
    encoding: str | None = None
    report: dict | None = None
    # found by walking a directory and not an annual report (a README, notes): why it was not checked
    skipped: str | None = None
    # compact facts for the checks across reports (batch.facts: body, year, statistics cells, paragraph hashes)
    facts: dict | None = None
    # the report's text and statistics tables for the HTML report (report/view.py); only with Checker(keep_view=True)
    view: dict | None = None

    def to_json(self) -> dict[str, Any]:
        """Every field as plain JSON (the process pool and the result cache carry results this way, never
        pickled); a field added later flows through as it is (it must hold plain JSON)."""
        out = {name: getattr(self, name) for name in _RESULT_FIELDS}
        path = self.path
        out["diagnostics"] = [d.to_json() if d.path == path else {**d.to_json(), "path": d.path}
                              for d in self.diagnostics]
        return out

    @classmethod
    def from_json(cls, data: Any) -> FileResult:
        """The result :meth:`to_json` gave, each field checked against its declared type (:class:`ValueError`
        otherwise: data from the cache or another process is never trusted); unknown keys are ignored."""
        if not isinstance(data, dict) or not isinstance(data.get("path"), str):
            raise ValueError("not a file result")
        path = data["path"]
        values: dict[str, Any] = {}
        for name, types in _FIELD_TYPES if cls is FileResult else _field_types(cls):
            if name not in data:
                continue
            value = data[name]
            if name == "diagnostics":
                if not isinstance(value, list):
                    raise ValueError("diagnostics")
                value = [_diagnostic(d, path) for d in value]
            elif not isinstance(value, types):
                raise ValueError(name)
            values[name] = value
        return cls(**values)


_RESULT_FIELDS = tuple(f.name for f in fields(FileResult))  # (read once: fields() builds its tuple on each call)
_JSON_TYPES: dict[str, tuple[type, ...]] = {  # a FileResult field's declared type → what its JSON may hold
    "str": (str,), "str | None": (str, type(None)), "dict | None": (dict, type(None)),
    "list | None": (list, type(None)), "int | None": (int, type(None)), "bool": (bool,),
}


def _field_types(cls: type) -> tuple[tuple[str, Any], ...]:
    """Each field of a result class with what its JSON may hold (``object``: anything), in order."""
    return tuple((f.name, _JSON_TYPES.get(str(f.type), object)) for f in fields(cls))


_FIELD_TYPES = _field_types(FileResult)  # (made once: fields() builds its tuple, str(type) a text, on each call)


def _diagnostic(data: Any, path: str) -> Diagnostic:
    """One finding of :meth:`FileResult.from_json`: its own ``path`` only when it differs from the file's."""
    own = data.get("path", path) if isinstance(data, dict) else None
    if not isinstance(own, str):
        raise ValueError("diagnostic path")
    return Diagnostic.from_json({k: v for k, v in data.items() if k != "path"}, own)


@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class RunResult:
    """The result of a run: every file's result, the run's problems, configurations and rules."""

    files: list[FileResult]
    errors: list[str] = field(default_factory=list)  # run-level problems (e.g. empty directory)
    configs: list[str] = field(default_factory=list)  # every configuration file that applied to a file
    baseline: dict | None = None  # --baseline: what it hid and its stale entries (baseline.Outcome.to_json)
    rules: list[ActiveRule] = field(default_factory=list)  # the rules that ran (SARIF lists them)
    shard: dict | None = None  # --shard i/n: {"index", "count", "positions"} (each file's number in the whole list)
    cross: dict | None = None  # --shard i/n -f json: the facts and rules of the checks across reports (batch.carried)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.files for d in f.diagnostics if d.severity == severity)

    @property
    def skipped(self) -> list[FileResult]:
        return [f for f in self.files if f.skipped]

    def exit_code(self, fail_on: str = "error") -> int:
        return Tally.of(self.files, self.errors).exit_code(fail_on)


# what a stage's failure leaves undone (the DL000 message of :meth:`Checker.check_document`)
_NOT_DONE = {
    "读取": "本文件未检查",
    "解读报告": "本文件未检查",
    "识别报告": "本文件未检查",
    "检查": "本文件未检查完（已得到的结果没有列出）",
    "汇总报告概况": "本文件的报告概况（标题、机关、年度等）未列出，检查结果不受影响",
    "整理原文": "网页报告中本文件的原文和统计表未列出，检查结果不受影响",
}

MAX_WALK_DEPTH = 100  # directory levels below a walked directory (the tree is walked without recursion)
_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"}
_PAGE_EXTENSIONS = (".html", ".htm", ".shtml", ".xhtml", ".mht", ".mhtml")


def _saved_page_folder(sub: str, names: list[str]) -> bool:
    """``sub`` is the folder a browser writes beside a page saved whole ("网页，全部": ``报告.html`` and
    ``报告_files``; Word's ``报告.files``): its style sheets, scripts, pictures and the frames of the page
    (``saved_resource.html``, a share or counter widget) are the page's parts, not reports. Only with its
    page beside it: a folder merely named ``…_files`` is walked."""
    for suffix in ("_files", ".files"):
        if sub.lower().endswith(suffix) and len(sub) > len(suffix):
            stem = sub[: -len(suffix)]
            return any(n[: len(stem)] == stem and n[len(stem):].lower() in _PAGE_EXTENSIONS for n in names)
    return False


def _glob_match(rel: str, patterns: list[str]) -> bool:
    """``*.md`` matches a file name anywhere; ``2023/*.md`` or ``**/draft*`` match the path below the
    walked directory (``*`` also crosses ``/``)."""
    name = rel.rsplit("/", 1)[-1]
    for pat in patterns:
        pat = pat.replace("\\", "/")
        target = rel if "/" in pat else name
        if fnmatch.fnmatchcase(target, pat) or (pat.startswith("**/") and fnmatch.fnmatchcase(rel, pat[3:])):
            return True
    return False


def discover(paths: list[str], include: list[str] | None = None,
             exclude: list[str] | None = None) -> tuple[list[str], list[str]]:
    """Expand directories into report files. Returns (files, run-level errors).

    ``include``/``exclude`` are glob patterns applied to the files found in directories (files named
    on the command line are always checked).
    """
    entries, errors = discover_entries(paths, include, exclude)
    return [f for f, walked in entries if not walked or readable(f)], errors


def discover_entries(paths: list[str], include: list[str] | None = None,
                     exclude: list[str] | None = None) -> tuple[list[tuple[str, bool]], list[str]]:
    """Like :func:`discover`, each file with whether it was found by walking a directory (such a file is
    skipped when it is plainly not an annual report; a file named on the command line never is).

    Files of a type the tool cannot read (``.doc``, ``.wps``, ``.xls``, ``.ods`` …) found in a directory
    are listed too: :meth:`Checker.check_file` says in one line that each was skipped and why.
    """
    files: list[tuple[str, bool]] = []
    errors: list[str] = []
    for p in paths:
        try:
            is_dir = os.path.isdir(p)
        except (OSError, ValueError):  # NUL in the name, …: reported when read
            is_dir = False
        if not is_dir:
            files.append((p, False))  # missing files are reported when read
            continue
        found = [f for f in _walk(p, errors)
                 if not (include and not _glob_match(_rel(f, p), include))
                 and not (exclude and _glob_match(_rel(f, p), exclude))]
        if not any(readable(f) for f in found):
            errors.append(f"{p}：目录中没有可检查的报告文件（支持 {', '.join(sorted(WALK_EXTENSIONS))}"
                          + ("，并受 --include/--exclude 限制" if include or exclude else "") + "）")
        files.extend((f, True) for f in found)
    return files, errors


def _rel(full: str, top: str) -> str:
    return os.path.relpath(full, top).replace(os.sep, "/")




def _walk(top: str, errors: list[str]) -> Iterator[str]:
    """The report files below ``top``, in the order ``os.walk`` gives (each directory's files sorted,
    then its sub-directories, depth first), walked without recursion (:func:`.fsread.walk_tree`): a tree
    nested thousands deep cannot overflow the stack.  Symbolic links to directories are not followed (so
    a link back to a parent cannot loop); hidden and tool directories are skipped.  A sub-directory that
    cannot be listed is named in ``errors``; the walk stops :data:`MAX_WALK_DEPTH` levels down and says
    so once.  The resource folder of a page saved by a browser (``报告_files`` beside ``报告.html``) is
    skipped: :func:`_saved_page_folder`."""
    too_deep: str | None = None

    def unlisted(d: str, exc: OSError) -> None:
        why = "没有权限" if isinstance(exc, PermissionError) else (exc.strerror or type(exc).__name__)
        errors.append(f"{d}：目录无法读取（{why}），其中的文件没有检查")

    for d, subdirs, names, depth in walk_tree(top, unlisted):
        for n in names:
            ext = os.path.splitext(n)[1].lower()
            if n.startswith((".", "~$")) or (ext not in WALK_EXTENSIONS and ext not in UNSUPPORTED):
                continue
            path = os.path.join(d, n)
            try:
                if os.path.islink(path) and os.path.isdir(path):
                    continue  # a link to a directory named like a file: not followed
            except OSError:
                pass  # a dangling or looping link: reported when read
            yield path
        subdirs[:] = [s for s in subdirs if s not in _SKIP_DIRS and not s.startswith(".")
                      and not _saved_page_folder(s, names)]
        if subdirs and depth >= MAX_WALK_DEPTH:
            too_deep = too_deep or d
            subdirs.clear()
    if too_deep:
        errors.append(f"{too_deep}：目录层级过深（超过 {MAX_WALK_DEPTH} 层），更深处的文件没有检查")


class Checker:
    """Holds rules per configuration so that many files are checked without reloading.

    ``isolated``: configurations found next to or above the checked files are ignored (an explicit
    ``config_path`` still applies).  :attr:`configs` names every configuration that applied so far.
    A configuration found in a checked folder that is malformed makes each file it governs an error
    (one line naming the configuration); the other files are still checked.  A malformed explicit
    configuration or command-line selector stops the run (:class:`ConfigError`).
    ``keep_view``: each result also carries the report's text and tables (``FileResult.view``, for ``-f html``).
    """

    def __init__(self, config_path: str | None = None, year: int | None = None, select: list[str] | None = None,
                 ignore: list[str] | None = None, isolated: bool = False, agency: str | None = None,
                 keep_view: bool = False, ocr: str | None = None,
                 ocr_workers: int | None = None):
        self.keep_view = keep_view
        self.resolver = ConfigResolver(Path(config_path) if config_path else None, isolated=isolated)
        self.ocr = ocr  # --ocr: overrides the configuration's limits.ocr
        self.ocr_workers = ocr_workers  # from --jobs: overrides limits.ocr_workers
        self._explicit = config_path is not None
        self.year = year
        self.agency = agency
        self.select = select
        self.ignore = ignore or []
        self._active: dict[str, list[ActiveRule]] = {}
        self._hide_internal: dict[str, bool] = {}  # per configuration: DL000 ignored
        self._cross_report: dict[str, bool] = {}  # per configuration: a rule of kind cross_report is active
        self._codes: dict[str, frozenset[str]] = {}  # per configuration: the codes of its active rules
        # per path: its configuration (resolved once: the parent of a --jobs run asks for each file several times)
        self._config_of: dict[str, LoadedConfig] = {}
        # a configuration whose rules could not be loaded (a rule pack over its bounds, a bad rule): its error, kept so
        # that a folder of 100,000 files does not read the pack 100,000 times
        self._load_failed: dict[str, ConfigError] = {}

    def _rules_for(self, lc: LoadedConfig) -> list[ActiveRule]:
        key = str(lc.path)
        if key not in self._active:
            failed = self._load_failed.get(key)
            if failed is not None:  # (each file of a folder it governs: its error again, its packs not read again)
                raise failed
            paused = not gc.isenabled()
            if paused:  # check_file pauses the collector: loading makes garbage cycles, collected before the freeze
                gc.enable()
            try:
                self._load_rules(key, lc)
            except ConfigError as exc:
                self._load_failed[key] = exc
                raise
            finally:
                if paused:
                    gc.disable()
        return self._active[key]

    def _load_rules(self, key: str, lc: LoadedConfig) -> None:
        cfg = lc.config
        if self.select is not None or self.ignore:
            cfg = cfg.model_copy(update={
                "select": self.select if self.select is not None else cfg.select,
                "ignore": [*cfg.ignore, *self.ignore],
            })
        rules = load_rules(lc.pack_paths())
        bad = unknown_selectors(rules, [*(self.select or []), *self.ignore])
        if bad:
            raise ConfigError("命令行参数", f"--select/--ignore 中的 {', '.join(bad)} 不是已知的规则代码、代码前缀、"
                                            "规则名称、类别或规则包（用 disclosure-lint rules 查看）")
        self._active[key] = prepare(rules, cfg, str(lc.path or "<config>"))
        # whether a check across reports runs (the facts are collected for each report): asked once, not per file
        self._cross_report[key] = any(getattr(a.kind, "cross_report", False) for a in self._active[key])
        self._hide_internal[key] = any(matches_selector(r, s) for r in rules if r.code == failures.CODE
                                       for s in cfg.ignore)
        # Rules, compiled patterns and imported modules live for the whole run: move them out of
        # the garbage collector's generations so that collections while checking many files
        # do not walk them again and again (~8% faster on a directory of reports).  No gc.collect()
        # first: it walks every object (≈30 ms of a one-file run) to find a dozen unreachable ones.
        gc.freeze()

    def active_for(self, path: str) -> list[ActiveRule]:
        """The rules that run on ``path`` (its configuration with --select/--ignore)."""
        return self._rules_for(self.config_for(path))

    def rule_codes(self, path: str) -> frozenset[str]:
        """The codes of the rules that run on ``path`` (its configuration with --select/--ignore)."""
        lc = self.config_for(path)
        key = str(lc.path)
        codes = self._codes.get(key)
        if codes is None:
            codes = self._codes[key] = frozenset(ar.rule.code for ar in self._rules_for(lc))
        return codes

    def config_for(self, path: str) -> LoadedConfig:
        lc = self._config_of.get(path)
        if lc is None:
            lc = self._config_of[path] = self.resolver.for_path(path)
        return lc

    @property
    def configs(self) -> list[str]:
        return self.resolver.applied

    @property
    def active_rules(self) -> list[ActiveRule]:
        """Every rule that ran on some file so far (under any configuration), once, by code."""
        seen: dict[str, ActiveRule] = {}
        for active in self._active.values():
            for a in active:
                seen.setdefault(a.rule.code, a)
        return sorted(seen.values(), key=lambda a: a.rule.code)

    def overrides(self, lc: LoadedConfig, path: str | None = None) -> Overrides:
        """What the user states about a report: ``--year``/``--agency``, then the configuration's ``reports:`` entry
        for the file, then its ``year:``/``agency:``."""
        c = lc.config
        m = lc.report_mapping(path) if path is not None and c.reports else None
        # a name given on the command line or for the file is classified afresh unless a kind comes with it
        named = self.agency or (m.agency if m else None)
        kind = (m.kind if m else None) or (None if named else c.agency.kind)
        return Overrides(year=self.year or (m.year if m else None) or c.year,
                         agency=self.agency or (m.agency if m else None) or c.agency.name,
                         agency_kind=kind, format_version=c.format_version)

    def check_document(self, doc: Document, lc: LoadedConfig | None = None, walked: bool = False) -> FileResult:
        """Check one document; ``walked``: it was found in a directory, so it is skipped (``FileResult.skipped``)
        when it is plainly not an annual report (``AnnualReport.candidate``).

        An unexpected exception in any stage (interpreting the document, running the rules, summarising the
        report) gives this file one DL000 finding naming the stage (:mod:`.failures`), never a traceback;
        :meth:`RunResult.exit_code` is then 2.  ``ignore: [DL000]`` hides it.

        The cyclic collector is paused as in :meth:`check_file` (which pauses it around reading too).
        """
        was = gc.isenabled()
        gc.disable()
        try:
            return self._check_document(doc, lc, walked)
        finally:
            if was:
                gc.enable()

    def _check_document(self, doc: Document, lc: LoadedConfig | None, walked: bool) -> FileResult:
        lc = lc or self.config_for(doc.path)
        active = self._rules_for(lc)
        result = FileResult(path=doc.path, format=doc.format, encoding=doc.encoding)
        stage = "解读报告"
        partial = False  # a page that is not a report, checked only by the rules of any page (Kind.any_page)
        try:
            rep = interpret(doc, self.overrides(lc, doc.path), lc.config.limits)
            stage = "识别报告"
            if walked and not rep.candidate.plausible:
                result.skipped = rep.candidate.reason
                stage = "检查"
                # a web page (not a document of the user's own: a README quoting the terms) is checked for what was
                # injected into its site, whatever the page is (a guide, a school's report, a page whose title the
                # promotion replaced)
                # (plain text is what a crawl saves a page as — a lottery-tip page that replaced a guide keeps none of
                # the page's fields; the user's own notes are Markdown or Word)
                page = (doc.format in ("html", "text") or rep.portal.from_page) and doc.meta.get("generator") != GENERATOR
                site = [a for a in active if a.kind.any_page] if page else []
                policy = active.policy if isinstance(active, ActiveRules) else None
                found = run(rep, ActiveRules(site, policy), lc.config.limits) if site else []
                if found:  # reported, as a file of its own findings only (not a report: no report rule ran)
                    result.diagnostics, result.skipped, partial = found, None, True
            else:
                stage = "检查"
                result.diagnostics = run(rep, active, lc.config.limits)
            stage = "汇总报告概况"
            result.report = report_summary(rep)
            if not result.skipped and not partial and self._cross_report[str(lc.path)]:
                result.facts = collect_facts(rep, doc.format)  # for the checks across reports (batch.hook)
            if self.keep_view and result.skipped is None and not partial:
                stage = "整理原文"
                result.view = build_view(rep)
        except Exception as exc:  # noqa: BLE001 - the tool's failure on one file must not stop the run
            result.skipped = None  # a tool failure is reported, never a quiet skip
            if not (stage == "汇总报告概况" and any(map(failures.is_tool_failure, result.diagnostics))):
                # (a summary failing after a report fact failed is that fact again: one finding per file)
                result.diagnostics.append(failures.stage_failure(doc.path, stage, exc, _NOT_DONE[stage]))
        if self._ignores_internal_errors(lc):
            result.diagnostics = [d for d in result.diagnostics if d.code != failures.CODE]
        return result

    def failed_file(self, path: str, exc: BaseException) -> FileResult:
        """The tool's failure around a whole file (a worker process of ``--jobs`` that died or ran out of
        time): one DL000, as for a stage of :meth:`check_document`."""
        result = FileResult(path=path, diagnostics=[failures.stage_failure(path, "检查", exc, "本文件未检查")])
        try:
            if self._ignores_internal_errors(self.config_for(path)):
                result.diagnostics = []
        except (DisclosureLintError, OSError, ValueError):
            pass
        return result

    def prepare(self, entries: list[tuple[str, bool]]) -> None:
        """Resolve the configuration of every file in order (:attr:`configs`) and load its rules before any
        file is checked (here or in a worker process): a bad ``--select`` or explicit configuration stops the
        run now; a malformed configuration found in a checked folder is each of its files' error later."""
        for path, walked in entries:
            if walked and not readable(path):
                continue  # not read (check_file says so): its configuration does not apply
            try:
                self.rule_codes(path)
            except ConfigError as exc:
                if self._explicit or exc.path == "命令行参数":
                    raise
            except (OSError, ValueError):
                pass  # a name the system cannot take: the file's own error when it is read

    def _ignores_internal_errors(self, lc: LoadedConfig) -> bool:
        """DL000 is reported unless ignored (a ``select`` list that omits it does not hide a tool failure)."""
        self._rules_for(lc)
        return self._hide_internal[str(lc.path)]

    def read(self, path: str) -> tuple[Document | None, LoadedConfig | None, str | None]:
        """Read one file with its configuration: ``(document, config, None)`` or ``(None, config, error)``.

        The error is one Chinese sentence; configuration errors are raised (they stop the run).
        """
        try:
            return self._read(path)
        except _ReaderCrash as crash:
            exc = crash.__cause__ or crash
            return None, crash.lc, f"读取失败（{failures.describe(exc)}）。这可能是工具的问题，请反馈。"

    def _read(self, path: str) -> tuple[Document | None, LoadedConfig | None, str | None]:
        """:meth:`read`, an unexpected exception of the reader raised as :class:`_ReaderCrash` (with the config)."""
        try:
            lc = self.config_for(path)
        except (OSError, ValueError) as exc:  # a name too long for the file system, …: as when reading it
            return None, None, str(os_error(path, exc) if isinstance(exc, OSError) else exc)
        try:
            override = {k: v for k, v in (("ocr", self.ocr), ("ocr_workers", self.ocr_workers)) if v is not None}
            limits = lc.config.limits.model_copy(update=override) if override else lc.config.limits
            return read_path(path, limits), lc, None
        except UnsupportedType as exc:
            return None, lc, _Unsupported(exc)
        except DisclosureLintError as exc:
            return None, lc, str(exc)
        except Exception as exc:  # never a traceback for bad input
            raise _ReaderCrash(lc) from exc

    def check_file(self, path: str, walked: bool = False) -> FileResult:
        """Read and check one file.  Bad input (missing, corrupt, …) is ``FileResult.error``; the tool's own
        failure while reading it is one DL000 finding (exit code 2, as in :meth:`check_document`).

        The cyclic collector is paused for the whole file and resumed only once the document and its
        interpretation are freed (by reference counting: they hold no garbage cycles).  Resumed earlier (the
        engine pauses it only for the rules), its next collection walked every object of the report still alive
        — up to hundreds of thousands — to free none (≈5 % of the time per report).  What stays alive when it
        resumes is the result; a cycle made while checking is collected then, so memory stays bounded per file."""
        was = gc.isenabled()
        gc.disable()
        try:
            return self._check_file(path, walked)
        finally:
            if was:
                gc.enable()

    def _check_file(self, path: str, walked: bool) -> FileResult:
        try:
            try:
                doc, lc, error = self._read(path)
            except _ReaderCrash as crash:
                exc = crash.__cause__ or crash
                result = FileResult(path=path, diagnostics=[failures.stage_failure(path, "读取", exc, "本文件未检查")])
                if self._ignores_internal_errors(crash.lc):
                    result.diagnostics = []
                return result
            if doc is None:
                if walked and isinstance(error, _Unsupported):  # a .doc/.wps/.xls found in a directory: one line
                    return FileResult(path=path, skipped=str(error))
                return FileResult(path=path, error=error)
            return self._check_document(doc, lc, walked)
        except ConfigError as exc:
            if self._explicit or exc.path == "命令行参数":
                raise  # the user's own choice is wrong: stop the run
            return FileResult(path=path, error=f"未检查：{exc}")  # a configuration found in a checked folder


class _Unsupported(str):
    """The error of a file of a type the tool does not read (:class:`.errors.UnsupportedType`): found in a
    directory, such a file is skipped with this sentence, not an error."""

    __slots__ = ()


class _ReaderCrash(Exception):
    """A reader raised something unexpected (its ``__cause__``): the tool's failure, not the file's."""

    def __init__(self, lc: LoadedConfig):
        super().__init__("reader crashed")
        self.lc = lc


def report_summary(rep) -> dict:
    return {
        "title": rep.title,
        "agency": rep.agency.name,
        "body": body_name(rep.agency.name),  # the body the report is grouped under (batch.identity)
        "agency_kind": rep.agency.kind,
        "year": rep.year,
        "year_source": rep.year_source,
        "format_version": rep.format_version,
        "published": rep.published.isoformat() if rep.published else None,
        "sections": [s.id for s in rep.sections],
    }


def merge_extras(files: list[FileResult], extras: dict[str, list[Diagnostic]],
                 bodies: dict[str, str] | None = None) -> list[FileResult]:
    """The hooks' findings added to their files: by line among the file's own when every one has a line (a
    stable sort, so the file's own order is kept), else after them; a path not among the files becomes an
    entry of its own.  ``bodies``: each report's body as the checks across reports grouped it, by path (its
    summary's ``body``, :meth:`.batch.hook.CrossReport.bodies`)."""
    by_path = {f.path: f for f in files}
    for path, body in (bodies or {}).items():
        f = by_path.get(path)
        if f is not None and isinstance(f.report, dict) and f.report.get("body") is not None:
            f.report["body"] = body
    for path, found in extras.items():
        if not found:
            continue
        f = by_path.get(path)
        if f is None:
            f = by_path[path] = FileResult(path=path)
            files.append(f)
        if all(d.line is not None for d in found):
            f.diagnostics = sorted([*f.diagnostics, *found], key=lambda d: (d.line or 0, d.column or 0))
        else:
            f.diagnostics = [*f.diagnostics, *found]
    return files


def check_paths(paths: list[str], config_path: str | None = None, year: int | None = None,
                select: list[str] | None = None, ignore: list[str] | None = None) -> RunResult:
    """Check files and directories. Raises ConfigError for a bad explicit config (``config_path``); a bad
    configuration found in a checked folder makes each file it governs an error instead."""
    checker = Checker(config_path, year=year, select=select, ignore=ignore)
    entries, errors = discover_entries(paths)
    hook = CrossReport(checker.active_for)  # the checks across reports, as in ``check``
    files = []
    for f, walked in entries:
        result = checker.check_file(f, walked)
        hook.observe(result)
        files.append(result)
    extras = hook.finish()
    return RunResult(files=merge_extras(files, extras, hook.bodies().by_path), errors=errors,
                     configs=checker.configs)
