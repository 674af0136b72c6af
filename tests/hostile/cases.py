"""The catalogue of hostile cases (issue 8).

Each case is a small function ``name(d) -> Invocation``: it builds its input in the empty directory ``d``
(the run's working directory, so every path is short and relative) and says how to run the CLI on it.
The decorator says what is expected:

* ``area`` — which part of the issue it belongs to (``out``: output, terminal, cache, ``stats -o``;
  ``conf``: configs, rule files, user regexes; ``text``: long lines, quadratic rules, finding caps, big
  tables in text; ``files``: special files, walks, empty files, PDF/Word/HTML bombs);
* ``exit`` — the acceptable exit codes: 2 where a file, config or output could not be handled; with the
  defective example beside it (``build.GOOD``, always findings) a handled case exits 1;
* ``big`` — generates more than ~5 MB or takes more than ~2 s: only under ``-m slow``;
* ``extra`` — a variant of a case already in the default run: also only under ``-m slow`` (keeps the
  default run near 30 s);
* ``xfail`` — the defect on ``main`` that makes it fail now (``"issue 8: …"``); removed as fixes land.

Every run must also end within the timeout and memory bound, print no traceback, put no raw control
character on the terminal, and show every good report of ``Invocation.good`` as checked.
"""

from __future__ import annotations

import os
import pickle
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import build as b
from .build import GOOD, good, write
from .run import Invocation, Result, execute


@dataclass(frozen=True)
class Case:
    name: str
    area: str
    build: Callable[[Path], Invocation]
    exit: tuple[int, ...]
    big: bool = False
    extra: bool = False
    xfail: str | None = None
    needs_non_root: bool = False

    @property
    def doc(self) -> str:
        return (self.build.__doc__ or "").strip().splitlines()[0] if self.build.__doc__ else ""


CASES: list[Case] = []


def case(area: str, exit: int | tuple[int, ...] = 1, big: bool = False, extra: bool = False,
         xfail: str | None = None, needs_non_root: bool = False):
    def deco(fn: Callable[[Path], Invocation]) -> Callable[[Path], Invocation]:
        codes = exit if isinstance(exit, tuple) else (exit,)
        CASES.append(Case(fn.__name__, area, fn, codes, big, extra, xfail, needs_non_root))
        return fn
    return deco


def check(d: Path, *hostile: str, fmt: str | None = None, cmd: str = "check", opts: tuple[str, ...] = (),
          **kw) -> Invocation:
    """``check [-f FMT] good-2023.md HOSTILE…`` with the good report written beside them."""
    g = good(d)
    return _with(Invocation([cmd, *(["-f", fmt] if fmt else []), *opts, g, *hostile], good=(g,)), kw)


def check_folder(d: Path, folder: str = "folder", fmt: str | None = None, **kw) -> Invocation:
    """``check FOLDER`` with the good report inside it."""
    g = good(d, folder)
    return _with(Invocation(["check", *(["-f", fmt] if fmt else []), folder], good=(g,)), kw)


def _with(inv: Invocation, fields: dict) -> Invocation:
    for key, value in fields.items():
        setattr(inv, key, value)
    return inv


def sub_config(d: Path, text: str | bytes, name: str = ".disclosure-lint.yaml", **kw) -> Invocation:
    """A subordinate's folder ``sub/`` carrying its own config and a report; the good report outside it."""
    write(d, f"sub/{name}", text)
    write(d, "sub/report-2023.md", b.example())
    return check(d, "sub", **kw)


def sub_config_error(d: Path, text: str | bytes, name: str = ".disclosure-lint.yaml", **kw) -> Invocation:
    """Like :func:`sub_config` for a config that must be refused: its file named in the output."""
    return sub_config(d, text, name, literal=(name,), **kw)


def with_config(d: Path, text: str, **kw) -> Invocation:
    """The user's own config (``--config cfg.yaml``) for a run on the good report."""
    cfg = write(d, "cfg.yaml", text)
    return check(d, opts=("--config", cfg), **kw)


def with_config_error(d: Path, text: str) -> Invocation:
    """An explicit config that must be refused: the run stops, naming it."""
    return with_config(d, text, good=(), literal=("cfg.yaml",))


def pack_config(d: Path, rule: str, where: str = "sub") -> None:
    """A folder ``where/`` with a report, a config ``packs: [rules]`` and ``rules/rule.yaml``."""
    write(d, f"{where}/rules/rule.yaml", rule)
    write(d, f"{where}/.disclosure-lint.yaml", "packs: [rules]\n")
    write(d, f"{where}/report-2023.md", b.example())


def pack_error(d: Path, rule: str) -> Invocation:
    """A folder pack with a rule that must be refused: the rule file named, the good report checked."""
    pack_config(d, rule)
    return check(d, "sub", literal=("rule.yaml",))


def _kind(path: Path, test: Callable[[int], bool], what: str) -> Callable[[Path, Result], str | None]:
    def post(d: Path, _res: Result) -> str | None:
        try:
            mode = os.lstat(d / path).st_mode
        except OSError:
            return f"{path} was removed"
        return None if test(mode) else f"{path} was replaced (no longer {what})"
    return post


# == out: cache, output that cannot be written, markup, control characters, stats -o ==============


class _Plant:
    """A pickle that, when loaded, creates ``marker`` (standing for any code)."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


@case("out", xfail="issue 8: the rule cache is a pickle: a planted cache file runs code")
def cache_planted_pickle(d):
    """A file planted in the rule cache directory under the name the tool reads runs code."""
    inv = check(d, cache=True)
    execute(d, inv)  # warm: the tool writes its cache in d/.cache
    marker = d / "PWNED"
    payload = pickle.dumps(_Plant(marker), protocol=4)
    planted = [p for p in (d / ".cache").rglob("*") if p.is_file()]
    for p in planted:
        p.write_bytes(payload)
    try:  # also under the name the current code would look for, if it still has one
        from disclosure_lint import packs

        root = packs.builtin_rules_dir()
        files = sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
        files.append(Path(packs.__file__))
        write(d, f".cache/disclosure-lint/rules-{packs._cache_key(files)}.pickle", payload)
    except Exception:  # noqa: BLE001 - the cache may be gone or renamed: nothing to plant there then
        pass
    inv.post = lambda d, _r: "code execution: the planted cache file ran" if marker.exists() else None
    return inv


@case("out", extra=True)
def cache_garbage(d):
    """Every cache file replaced by garbage: the rules are loaded again."""
    inv = check(d, cache=True)
    execute(d, inv)
    for p in (d / ".cache").rglob("*"):
        if p.is_file():
            p.write_bytes(b"\x80\x04garbage" * 1000)
    return inv


@case("out", extra=True)
def cache_dir_is_a_file(d):
    """The cache directory is a regular file."""
    write(d, ".cache/disclosure-lint", "not a directory")
    return check(d, cache=True)


@case("out", extra=True)
def cache_file_symlink_to_dev_zero(d):
    """Every cache file replaced by a symlink to /dev/zero."""
    inv = check(d, cache=True)
    execute(d, inv)
    for p in list((d / ".cache").rglob("*")):
        if p.is_file():
            p.unlink()
            p.symlink_to("/dev/zero")
    return inv


@case("out", exit=2, xfail="issue 8: stdout on a full disk: traceback")
def stdout_dev_full_console(d):
    """stdout is /dev/full: one line on stderr, exit 2."""
    inv = check(d, stdout="/dev/full", literal=("disclosure-lint",))
    inv.good = ()
    return inv


@case("out", extra=True, exit=2, xfail="issue 8: stdout on a full disk: traceback")
def stdout_dev_full_json(d):
    """stdout is /dev/full with -f json."""
    inv = check(d, fmt="json", stdout="/dev/full", literal=("disclosure-lint",))
    inv.good = ()
    return inv


@case("out", exit=2, extra=True, xfail="issue 8: stdout on a full disk: traceback")
def stdout_dev_full_stats(d):
    """stats to a stdout that is /dev/full."""
    inv = check(d, cmd="stats", stdout="/dev/full", literal=("disclosure-lint",))
    inv.good = ()
    return inv


@case("out", exit=2, extra=True, xfail="issue 8: stdout on a full disk: traceback")
def stdout_dev_full_rules(d):
    """rules to a stdout that is /dev/full."""
    return Invocation(["rules"], stdout="/dev/full", literal=("disclosure-lint",))


@case("out", exit=(1, 2), extra=True)
def stdout_broken_pipe(d):
    """stdout is a pipe nobody reads (``| head`` closed): no traceback."""
    inv = check(d, stdout="broken-pipe")
    inv.good = ()
    return inv


SURROGATE = b"\xff\xfe\xb0-report-2023.md"  # not valid UTF-8: a surrogate-escaped str in Python


@case("out", xfail="issue 8: a file name that is not UTF-8 (surrogates): traceback on output")
def surrogate_name_console(d):
    """A file name that is not valid UTF-8, console output."""
    return check(d, os.fsdecode(write(d, SURROGATE, b.example())))


@case("out", extra=True, xfail="issue 8: a file name that is not UTF-8 (surrogates): traceback on output")
def surrogate_name_json(d):
    """A file name that is not valid UTF-8, JSON output."""
    return check(d, os.fsdecode(write(d, SURROGATE, b.example())), fmt="json")


@case("out", extra=True, xfail="issue 8: a file name that is not UTF-8 (surrogates): traceback on output")
def surrogate_name_in_folder(d):
    """A file name that is not valid UTF-8 found by a folder walk."""
    write(d, b"folder/" + SURROGATE, b.example())
    return check_folder(d)


@case("out", exit=0, extra=True, xfail="issue 8: a file name that is not UTF-8 (surrogates): traceback on output")
def surrogate_name_stats(d):
    """A file name that is not valid UTF-8 in stats -f json."""
    inv = check(d, os.fsdecode(write(d, SURROGATE, b.example())), cmd="stats", fmt="json")
    return inv


@case("out", exit=2, extra=True, xfail="issue 8: a file name that is not UTF-8 (surrogates): traceback on output")
def surrogate_name_unreadable(d):
    """An unreadable file whose name is not valid UTF-8: the error line."""
    return check(d, os.fsdecode(write(d, b"\xff\xfe-bad.pdf", b"not a pdf")))


GBK = {"PYTHONIOENCODING": "gbk"}


@case("out", xfail="issue 8: an emoji under a GBK terminal: UnicodeEncodeError traceback")
def emoji_name_gbk(d):
    """A file name with an emoji, output encoding GBK."""
    return check(d, write(d, "报告😀-2023.md", b.example()), env=GBK)


@case("out", extra=True, xfail="issue 8: an emoji under a GBK terminal: UnicodeEncodeError traceback")
def emoji_text_gbk(d):
    """Report text (the agency in the title) with an emoji, output encoding GBK."""
    return check(d, write(d, "emoji-2023.md", b.titled("江北😀市桐溪区")), env=GBK)


@case("out", extra=True, xfail="issue 8: an emoji under a GBK terminal: UnicodeEncodeError traceback")
def emoji_text_gbk_json(d):
    """Report text with an emoji, output encoding GBK, JSON."""
    return check(d, write(d, "emoji-2023.md", b.titled("江北😀市桐溪区")), env=GBK, fmt="json")


@case("out", exit=0, extra=True)
def emoji_gbk_stats(d):
    """stats CSV of a report with an emoji, output encoding GBK."""
    return check(d, write(d, "emoji-2023.md", b.titled("江北😀市桐溪区")), env=GBK, cmd="stats")


@case("out", extra=True, xfail="issue 8: an emoji under an ASCII terminal: UnicodeEncodeError traceback")
def emoji_ascii_terminal(d):
    """A report with an emoji and a Chinese name, output encoding ASCII (LANG=C)."""
    return check(d, write(d, "报告😀-2023.md", b.example()), env={"PYTHONIOENCODING": "ascii"})


@case("out", xfail="issue 8: rich markup [/] in report text: MarkupError traceback, run lost")
def markup_close_tag_in_title(d):
    """``[/]`` in the report title (the agency shown in the header): rich must not parse it."""
    return check(d, write(d, "m-2023.md", b.titled("江北市[/]桐溪区")), literal=("江北市[/]桐溪区",))


@case("out", extra=True, xfail="issue 8: rich markup [bold red] in report text is interpreted")
def markup_bold_in_title(d):
    """``[bold red]…[/]`` in the report title is shown as written."""
    return check(d, write(d, "m-2023.md", b.titled("[bold red]江北[/]市桐溪区")),
                 literal=("[bold red]江北[/]市桐溪区",))


@case("out", xfail="issue 8: rich [link=…] markup in report text becomes a hyperlink")
def markup_link_in_title(d):
    """``[link=…]`` in the report title is shown as written, not made a hyperlink."""
    return check(d, write(d, "m-2023.md", b.titled("[link=https://evil.example/]江北市[/link]桐溪区")),
                 literal=("[link=https://evil.example/]",))


@case("out", extra=True, xfail="issue 8: rich markup [/] in a file name: MarkupError traceback")
def markup_close_tag_in_name(d):
    """A file named ``报告[/]-2023.md``."""
    return check(d, write(d, "报告[/]-2023.md", b.example()), literal=("报告[/]-2023.md",))


@case("out", xfail="issue 8: rich markup in a file name is interpreted")
def markup_bold_in_name(d):
    """A file named ``[bold red]报告[/]-2023.md``."""
    return check(d, write(d, "[bold red]报告[/]-2023.md", b.example()), literal=("[bold red]报告[/]-2023.md",))


@case("out", extra=True, xfail="issue 8: rich [link=…] markup in a file name becomes a hyperlink")
def markup_link_in_name(d):
    """A file named ``[link=https://evil.example/]x[/link]-2023.md``."""
    return check(d, write(d, "[link=https:⁄⁄evil.example]x[/link]-2023.md", b.example()),
                 literal=("[link=https:⁄⁄evil.example]x[/link]-2023.md",))


@case("out", extra=True, xfail="issue 8: rich markup in a file name is interpreted")
def markup_backslash_in_name(d):
    """A file name ending a backslash before markup (``a\\[bold]``), which naive escaping gets wrong."""
    return check(d, write(d, "a\\[bold]b-2023.md", b.example()), literal=("a\\[bold]b-2023.md",))


@case("out", exit=2, extra=True)
def markup_in_unreadable_name(d):
    """An unreadable file whose name is markup: the error line."""
    return check(d, write(d, "[bold red]坏[/].pdf", b"not a pdf"), literal=("[bold red]坏[/].pdf",))


@case("out", exit=(1, 2), extra=True)
def markup_in_skipped_name(d):
    """A non-report found in a folder walk, named with markup: the 'skipped' line."""
    write(d, "folder/[bold]说明[/].md", "# 说明\n\n这里是说明文字。\n")
    return check_folder(d, literal=("[bold]说明[/].md",))


def _ctl_name(d: Path, name: str, fmt: str | None = None, content: str | bytes | None = None, **kw) -> Invocation:
    return check(d, write(d, name, b.example() if content is None else content), fmt=fmt, **kw)


@case("out", xfail="issue 8: ANSI escapes in a file name reach the terminal")
def ansi_clear_screen_in_name(d):
    """A file name with ``ESC[2J ESC[H`` (clear screen)."""
    return _ctl_name(d, "报告\x1b[2J\x1b[H-2023.md")


@case("out", extra=True, exit=2, xfail="issue 8: ANSI escapes in a file name reach the terminal (error line)")
def ansi_in_unreadable_name(d):
    """An unreadable file whose name carries ``ESC[31m``: the error line (stderr and stdout)."""
    return _ctl_name(d, "坏\x1b[31m红\x1b[0m.pdf", content=b"not a pdf")


@case("out", extra=True, xfail="issue 8: an OSC 8 hyperlink in a file name reaches the terminal")
def osc8_hyperlink_in_name(d):
    """A file name carrying an OSC 8 hyperlink (``ESC]8;;url BEL``)."""
    return _ctl_name(d, "\x1b]8;;https:⁄⁄evil.example\x07点此\x1b]8;;\x07-2023.md")


@case("out", extra=True, xfail="issue 8: a C1 control (CSI U+009B) in a file name reaches the terminal")
def c1_csi_in_name(d):
    """A file name with the one-character CSI U+009B."""
    return _ctl_name(d, "报告\u009b2J-2023.md")


@case("out", xfail="issue 8: a bidi override in a file name reaches the terminal")
def bidi_override_in_name(d):
    """A file name with RIGHT-TO-LEFT OVERRIDE (U+202E), which reverses what follows."""
    return _ctl_name(d, "报告\u202edm.3202-txt")


@case("out", extra=True)
def cr_in_name(d):
    """A file name with a carriage return (overwrites the line shown)."""
    return _ctl_name(d, "报告\r伪造-2023.md")


@case("out", extra=True, xfail="issue 8: a DEL/backspace in a file name reaches the terminal")
def backspace_in_name(d):
    """A file name with backspaces and DEL."""
    return _ctl_name(d, "报告\x08\x08\x7f-2023.md")


@case("out", extra=True, xfail="issue 8: a C1 control in a file name reaches the JSON output")
def c1_in_name_json(d):
    """A file name with U+009B, JSON output (json.dumps leaves C1 raw)."""
    return _ctl_name(d, "报告\u009b2J-2023.md", fmt="json")


@case("out", extra=True, xfail="issue 8: a bidi override in a file name reaches the JSON output")
def bidi_in_name_json(d):
    """A file name with U+202E, JSON output."""
    return _ctl_name(d, "报告\u202e-2023.md", fmt="json")


@case("out", extra=True)
def newline_in_name(d):
    """A file name with a newline (forges an output line): no traceback, the good report checked."""
    return _ctl_name(d, "报告\n检查了 0 个文件-2023.md")


@case("out", extra=True, xfail="issue 8: ANSI escapes in report text reach the terminal")
def ansi_in_title(d):
    """ESC sequences in the report title (the agency shown in the header)."""
    return check(d, write(d, "a-2023.md", b.titled("江北市\x1b[2J\x1b[H桐溪区")))


@case("out", xfail="issue 8: a C1 control in report text reaches the terminal")
def c1_in_title(d):
    """U+009B in the report title."""
    return check(d, write(d, "a-2023.md", b.titled("江北\u009b2J市桐溪区")))


@case("out", extra=True, xfail="issue 8: a bidi override in report text reaches the terminal")
def bidi_in_title(d):
    """U+202E and U+2066 in the report title."""
    return check(d, write(d, "a-2023.md", b.titled("江北\u202e市\u2066桐溪区")))


@case("out", extra=True)
def controls_in_findings(d):
    """Control characters inside the text that findings quote (the doubled word, the bad date)."""
    text = b.example().replace("落实落实", "落实\x1b[8m落实").replace("2023年2月30日", "2023年2月30日\x9b")
    return check(d, write(d, "a-2023.md", text))


def _link(d: Path, name: str, target: str) -> str:
    os.symlink(target, d / name)
    return name


def _stats_o(d: Path, target: str, **kw) -> Invocation:
    g = good(d)
    return Invocation(["stats", g, "-o", target], **kw)


@case("out", exit=0, xfail="issue 8: stats -o replaces a symlink with a regular file")
def stats_o_symlink(d):
    """``stats -o link`` where link → a regular file: written through, the link kept."""
    write(d, "real.csv", "old\n")
    inv = _stats_o(d, _link(d, "out.csv", "real.csv"))
    keep = _kind(Path("out.csv"), stat.S_ISLNK, "a symlink")
    inv.post = lambda d, r: keep(d, r) or (None if GOOD in (d / "real.csv").read_text("utf-8-sig") else
                                            "real.csv (the link's target) not written")
    return inv


@case("out", exit=2, xfail="issue 8: stats -o replaces a FIFO with a regular file")
def stats_o_fifo(d):
    """``stats -o fifo``: refused in one line (never blocks opening it), the FIFO kept."""
    return _stats_o(d, b.fifo(d, "out.csv"), post=_kind(Path("out.csv"), stat.S_ISFIFO, "a FIFO"),
                    literal=("disclosure-lint",))


def _char_device(d: Path, name: str, major_minor: tuple[int, int]) -> str:
    """A private device node like /dev/full (mknod as root), else a symlink to the real one."""
    try:
        os.mknod(d / name, 0o666 | stat.S_IFCHR, os.makedev(*major_minor))
    except OSError:
        os.symlink(f"/dev/{name}", d / name)
    return name


@case("out", exit=2, xfail="issue 8: stats -o onto a device node replaces it (as root: /dev/full itself)")
def stats_o_char_device(d):
    """``stats -o full`` onto a private copy of /dev/full (never the real one): ENOSPC in one line, node kept."""
    name = _char_device(d, "full", (1, 7))
    return _stats_o(d, name, post=_kind(Path(name), lambda m: stat.S_ISCHR(m) or stat.S_ISLNK(m), "a device"))


@case("out", exit=2, extra=True, xfail="issue 8: stats -o onto a symlink to /dev/full replaces the link")
def stats_o_symlink_to_dev_full(d):
    """``stats -o link`` where link → /dev/full: streamed to the device (ENOSPC: exit 2), link kept."""
    return _stats_o(d, _link(d, "full-link", "/dev/full"), post=_kind(Path("full-link"), stat.S_ISLNK, "a symlink"))


@case("out", exit=0, xfail="issue 8: stats -o /dev/stdout (a symlink) is replaced/refused, not streamed")
def stats_o_stdout_link(d):
    """``stats -o stdout`` where stdout → /proc/self/fd/1 (what /dev/stdout is): streamed, link kept."""
    return _stats_o(d, _link(d, "stdout", "/proc/self/fd/1"), post=_kind(Path("stdout"), stat.S_ISLNK, "a symlink"))


@case("out", exit=2, extra=True)
def stats_o_directory(d):
    """``stats -o DIR``: one line, exit 2."""
    (d / "outdir").mkdir()
    return _stats_o(d, "outdir", literal=("disclosure-lint",))


@case("out", exit=2, extra=True)
def stats_o_missing_dir(d):
    """``stats -o nodir/out.csv``: one line, exit 2."""
    return _stats_o(d, "nodir/out.csv", literal=("disclosure-lint",))


# == conf: configs, rule files, user regexes, --isolated ==========================================

STOPS = "issue 8: a bad config found in a folder stops the whole run (the good report is not checked)"


@case("conf", exit=2, xfail="issue 8: deeply nested YAML config: segfault")
def config_deep_flow_list(d):
    """``.disclosure-lint.yaml`` of 100,000 nested ``[``."""
    return sub_config_error(d, b.nested_yaml(100_000))


@case("conf", exit=2, extra=True, xfail="issue 8: deeply nested YAML config: segfault")
def config_deep_flow_map(d):
    """``.disclosure-lint.yaml`` of 100,000 nested ``{``."""
    return sub_config_error(d, b.nested_yaml(100_000, "{"))


@case("conf", exit=2, extra=True, xfail=STOPS)
def config_deep_block_map(d):
    """A block-style mapping nested 5,000 deep (indentation)."""
    return sub_config_error(d, "".join(" " * i + f"k{i}:\n" for i in range(5000)) + " " * 5000 + "x: 1\n")


@case("conf", exit=2, extra=True, xfail=STOPS)
def config_billion_laughs(d):
    """YAML aliases expanding to 10^9 entries under ``options``."""
    lines = ["options:", "  DL701:", "    a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"    a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    return sub_config_error(d, "\n".join(lines) + "\n")


@case("conf", exit=2, big=True, xfail=STOPS)
def config_huge(d):
    """A 40 MB config (a comment and a 1-million-item ignore list)."""
    return sub_config_error(d, "# " + "x" * (30 << 20) + "\nignore: [" + "DL701, " * 1_000_000 + "]\n")


@case("conf", exit=2, xfail="issue 8: pyproject.toml whose tool is not a table: traceback")
def pyproject_tool_not_a_table(d):
    """``tool = "x"`` in a pyproject.toml that mentions ``[tool.disclosure-lint]``."""
    return sub_config_error(d, 'tool = "x"\n# [tool.disclosure-lint]\n', name="pyproject.toml")


@case("conf", exit=2, extra=True, xfail=STOPS)
def pyproject_section_not_a_table(d):
    """``[tool]`` with ``disclosure-lint = 5``."""
    return sub_config_error(d, '[tool]\n"disclosure-lint" = 5\n# [tool.disclosure-lint]\n', name="pyproject.toml")


@case("conf", exit=2, xfail="issue 8: deeply nested pyproject.toml: RecursionError")
def pyproject_deep_arrays(d):
    """``[tool.disclosure-lint]`` with an array nested 100,000 deep."""
    return sub_config_error(d, "[tool.disclosure-lint]\nignore = " + "[" * 100_000 + "]" * 100_000 + "\n",
                      name="pyproject.toml")


@case("conf", exit=2, xfail="issue 8: packs: ['/'] walks the whole disk")
def config_packs_root(d):
    """A config in the checked folder with ``packs: ['/']``."""
    return sub_config_error(d, "packs: ['/']\n")


@case("conf", exit=2, extra=True, xfail="issue 8: packs: ['/'] walks the whole disk")
def config_packs_proc(d):
    """``packs: ['/proc']`` (endless and changing)."""
    return sub_config_error(d, "packs: ['/proc']\n")


@case("conf", exit=2, xfail="issue 8: packs outside the config's own tree are loaded")
def config_packs_outside_tree(d):
    """A folder config with ``packs: ['../outside']`` (a rule pack above it)."""
    write(d, "outside/rule.yaml", b.rule_yaml())
    return sub_config_error(d, "packs: ['../outside']\n")


@case("conf", extra=True, exit=(1, 2), xfail="issue 8: rule packs nested 1,100 deep: RecursionError")
def config_packs_deep_dirs(d):
    """A rule pack directory nested 1,100 deep."""
    (d / "sub").mkdir()
    rel = b.deep_dirs(d, "sub", 1100, "p")
    b.write_at_depth(d, rel, "rule.yaml", b.rule_yaml())
    write(d, "sub/report-2023.md", b.example())
    write(d, "sub/.disclosure-lint.yaml", "packs: [p]\n")
    return check(d, "sub")


@case("conf", xfail="issue 8: a config in the checked folder turns every check off without being named")
def config_turns_everything_off(d):
    """A subordinate's folder config ``ignore`` every category: the config must be named in the output."""
    cats = "[structure, statistics, self-reference, date, content-safety, duplication, typography, terminology, " \
           "writing, input]"
    return sub_config(d, f"ignore: {cats}\n", literal=("sub/.disclosure-lint.yaml",))


@case("conf", xfail="issue 8: --isolated (ignore discovered configs) does not exist")
def config_isolated(d):
    """``check --isolated`` ignores the folder config that turns every check off."""
    write(d, "sub/.disclosure-lint.yaml", "select: [DL999]\nignore: [DL]\n")
    write(d, "sub/report-2023.md", b.example())
    return Invocation(["check", "--isolated", "sub"], good=("sub/report-2023.md",))


@case("conf", exit=(1, 2), xfail="issue 8: a catastrophic user regex in a folder config hangs the run")
def config_catastrophic_regex(d):
    """A folder config adding a rule with pattern ``(a+)+$`` over a line of 40 ``a`` and a ``!``."""
    pack_config(d, b.rule_yaml(options="{patterns: ['(a+)+$']}"))
    write(d, "sub/report-2023.md", b.example() + "\n" + "a" * 40 + "!\n")
    return check(d, "sub")


@case("conf", exit=(1, 2), extra=True, xfail="issue 8: a catastrophic user regex hangs the run")
def user_catastrophic_regex(d):
    """The user's own --config with a pack whose pattern is ``(x+x+)+y``."""
    write(d, "rules/rule.yaml", b.rule_yaml(options="{patterns: ['(x+x+)+y']}"))
    write(d, "bad-2023.md", b.example() + "\n" + "x" * 40 + "\n")
    cfg = write(d, "cfg.yaml", "packs: [rules]\n")
    return check(d, "bad-2023.md", opts=("--config", cfg))


@case("conf", exit=(1, 2), extra=True, xfail="issue 8: a catastrophic user regex (exceptions) hangs the run")
def user_catastrophic_exception_regex(d):
    """A catastrophic regex in ``exceptions`` of an existence rule."""
    pack_config(d, b.rule_yaml(options="{terms: [a], exceptions: ['(a|aa)+$']}"))
    write(d, "sub/report-2023.md", b.example() + "\n" + "a" * 60 + "!\n")
    return check(d, "sub")


@case("conf", exit=(1, 2), extra=True, xfail="issue 8: a catastrophic user regex (substitution) hangs the run")
def user_catastrophic_substitution(d):
    """A catastrophic regex as a substitution's ``swap`` key."""
    pack_config(d, b.rule_yaml(kind="substitution", options="{swap: {'(a*)*b': c}}",
                               message="应为“{replacement}”"))
    write(d, "sub/report-2023.md", b.example() + "\n" + "a" * 40 + "\n")
    return check(d, "sub")


@case("conf", exit=2, xfail="issue 8: a huge regex repeat count: OverflowError traceback at load")
def user_regex_overflow(d):
    """A pattern ``a{4294967296}``: refused at load time with one line."""
    return pack_error(d, b.rule_yaml(options="{patterns: ['a{4294967296}']}"))


@case("conf", extra=True)
def user_regex_empty_match(d):
    """A pattern matching the empty string everywhere: findings capped, no flood."""
    pack_config(d, b.rule_yaml(options="{patterns: ['(?=)']}"))
    write(d, "sub/report-2023.md", b.example() * 3)
    return check(d, "sub")


@case("conf", exit=2, xfail="issue 8: a message format spec {match:>999999999} pads to GBs")
def config_message_format_padding(d):
    """A folder config's rule whose message is ``{match:>999999999}``: refused at load time."""
    return pack_error(d, b.rule_yaml(message="{match:>999999999}"))


@case("conf", exit=2, extra=True, xfail="issue 8: a message format spec {year:0999999999d} pads to GBs")
def config_message_format_zero_padding(d):
    """A message ``{year:0999999999d}``."""
    return pack_error(d, b.rule_yaml(message="{year:0999999999d}"))


@case("conf", extra=True, exit=2, xfail="issue 8: message placeholders may reach attributes ({match.__class__…})")
def config_message_attribute_access(d):
    """A message ``{match.__class__.__mro__}`` (attribute access in a format string): refused at load."""
    return pack_error(d, b.rule_yaml(message="{match.__class__.__mro__}"))


@case("conf", exit=2, xfail="issue 8: deeply nested YAML rule file: segfault")
def rule_file_deep_nesting(d):
    """A rule file of 100,000 nested ``[``."""
    return pack_error(d, b.nested_yaml(100_000))


@case("conf", exit=2, extra=True, xfail=STOPS)
def rule_file_billion_laughs(d):
    """A rule file whose ``options.terms`` is a billion-laughs alias tree."""
    lines = ["id: XY001", "name: xy-laughs", "kind: existence", "category: writing", "severity: warning",
             "message: m", "docs: {what: a, why: b, basis: c}", "z0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"z{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    return pack_error(d, "\n".join(lines) + "\noptions: {terms: *a8}\n")


@case("conf", exit=(1, 2), big=True, xfail=STOPS)
def rule_file_many_rules(d):
    """A rule file with 20,000 rules."""
    items = "".join(f"  - id: XY{i % 1000:03d}\n    name: r{i}\n    kind: existence\n    category: writing\n"
                    f"    severity: info\n    message: m\n    options: {{terms: [t{i}]}}\n"
                    f"    docs: {{what: a, why: b, basis: c}}\n" for i in range(20_000))
    pack_config(d, "rules:\n" + items)
    return check(d, "sub")


@case("conf", exit=2, xfail="issue 8: a FIFO given as --config blocks forever")
def config_fifo(d):
    """``--config fifo``: one line, exit 2, never blocks."""
    return check(d, opts=("--config", b.fifo(d, "cfg.yaml")), literal=("cfg.yaml",), good=())


@case("conf", extra=True, exit=2, xfail="issue 8: --config /dev/zero reads without bound")
def config_dev_zero(d):
    """``--config zero.yaml`` where zero.yaml → /dev/zero."""
    return check(d, opts=("--config", _link(d, "zero.yaml", "/dev/zero")), good=(), literal=("zero.yaml",))


@case("conf", exit=2, extra=True)
def config_max_file_size_inf(d):
    """``max_file_size_mb: .inf`` refused at load."""
    return with_config_error(d, "max_file_size_mb: .inf\n")


@case("conf", exit=2, extra=True)
def config_limits_nan(d):
    """``limits: {max_file_size_mb: .nan}`` refused at load."""
    return with_config_error(d, "limits: {max_file_size_mb: .nan}\n")


@case("conf", exit=2, extra=True)
def config_limits_huge_int(d):
    """``limits: {max_findings_per_rule: 1e300}`` refused at load."""
    return with_config_error(d, "limits: {max_findings_per_rule: 1e300}\n")


@case("conf", exit=2, extra=True, xfail=STOPS)
def config_folder_max_file_size_inf(d):
    """A folder config with ``max_file_size_mb: .inf``: one line, the good report outside still checked."""
    return sub_config_error(d, "max_file_size_mb: .inf\n")


@case("conf", exit=2, extra=True, xfail=STOPS)
def config_python_tag(d):
    """A config with ``!!python/object/apply:os.system``: refused (safe loader), nothing runs."""
    inv = sub_config_error(d, "year: !!python/object/apply:os.system ['touch PWNED']\n")
    inv.post = lambda d, _r: "code execution: the YAML tag ran" if (d / "sub" / "PWNED").exists() else None
    return inv


@case("conf", exit=2, extra=True, xfail=STOPS)
def config_not_utf8(d):
    """A folder config in GBK."""
    return sub_config_error(d, "year: 2023 # 年度\n".encode("gbk"))


# == text: long lines, quadratic rules, finding caps, big tables ===================================

MB = 1 << 20


def _line_file(d: Path, unit: str, size: int = MB, name: str = "long.txt", head: str = "", tail: str = "") -> str:
    n = max(1, size // len(unit.encode("utf-8")))
    return write(d, name, head + unit * n + tail + "\n")


@case("text", big=True)
def long_line_chinese_commas(d):
    """1 MB single line of Chinese words and commas."""
    return check(d, _line_file(d, "本机关全年主动公开政府信息，"))


@case("text", big=True, xfail="issue 8: 1 MB line of mobile numbers: hang")
def long_line_mobile_numbers(d):
    """1 MB single line of mobile numbers."""
    return check(d, _line_file(d, "联系电话13912345678，"))


@case("text", big=True, xfail="issue 8: 1 MB line of impossible dates: hang")
def long_line_impossible_dates(d):
    """1 MB single line of impossible dates."""
    return check(d, _line_file(d, "2023年2月30日，"))


@case("text", big=True)
def long_line_xx(d):
    """1 MB single line of ``XX`` placeholders."""
    return check(d, _line_file(d, "XX"))


@case("text", big=True)
def long_line_unclosed_disable(d):
    """1 MB single line starting with an unclosed ``<!--disclosure-lint-disable``."""
    return check(d, _line_file(d, "本机关全年主动公开政府信息，", name="long.md", head="<!--disclosure-lint-disable "))


@case("text", xfail="issue 8: the e-mail pattern is quadratic on \\w runs: hang")
def email_killer(d):
    """80,000 characters of ``\\w`` (Chinese) and an ASCII comma, no ``@`` (DL701 skips addresses first)."""
    return check(d, _line_file(d, "我", size=240_000, tail=","))


@case("text", extra=True)
def email_killer_at(d):
    """80,000 characters of ``\\w`` ending in an ``@`` with nothing after it."""
    return check(d, _line_file(d, "我", size=240_000, tail="@"))


@case("text", extra=True, xfail="issue 8: the e-mail pattern is quadratic on \\w runs: hang")
def email_killer_ascii(d):
    """80,000 ASCII letters and dots, an ASCII comma, no ``@``."""
    return check(d, _line_file(d, "a.", size=160_000, head="报告：", tail=","))


@case("text", xfail="issue 8: the inline-suppression parser is quadratic: hang")
def suppression_quadratic(d):
    """7,000 unclosed ``<!--disclosure-lint-disable`` on one line (196 KB)."""
    return check(d, _line_file(d, "<!--disclosure-lint-disable ", size=196_000, name="s.md"))


@case("text", extra=True, xfail="issue 8: each finding is tested against every suppression range (20,000 pairs: quadratic)")
def suppression_many_ranges(d):
    """20,000 disable/enable pairs on separate lines."""
    lines = "".join(f"<!--disclosure-lint-disable DL{i % 900 + 100}-->\n我,我\n<!--disclosure-lint-enable-->\n"
                    for i in range(20_000))
    return check(d, write(d, "s.md", b.example() + lines))


@case("text", big=True, xfail="issue 8: no cap on findings: 1 MB of ASCII commas floods the output")
def findings_flood_commas(d):
    """1 MB of ``我,`` (one DL701 finding per comma): findings capped per rule."""
    return check(d, _line_file(d, "我,我:"))


@case("text", xfail="issue 8: no cap on findings per rule")
def findings_flood_small(d):
    """50,000 half-width commas on separate lines (200 KB): at most the cap per rule is listed."""
    inv = check(d, write(d, "c.txt", "我,我\n" * 50_000))
    inv.post = lambda d, r: None if r.stdout.count("DL701") < 2_000 else f"{r.stdout.count('DL701')} DL701 lines"
    return inv


@case("text", big=True)
def unmatched_brackets(d):
    """300,000 unmatched ``（`` on one line."""
    return check(d, _line_file(d, "（我"))


@case("text", big=True)
def doubled_words_long(d):
    """1 MB of ``落实`` repeated on one line."""
    return check(d, _line_file(d, "落实"))


@case("text", extra=True)
def enumeration_long(d):
    """A 200 KB line of ``一是……二是……`` runs."""
    return check(d, _line_file(d, "一是加强，二是落实，二是推进；", size=200_000))


@case("text", big=True, xfail="issue 8: 100,000 identical paragraphs take over 10 s")
def identical_paragraphs(d):
    """100,000 identical paragraphs (duplication rule)."""
    return check(d, write(d, "p.md", "本机关全年主动公开政府信息一百二十条，均在规定时限内公开。\n\n" * 100_000))


@case("text", big=True, xfail="issue 8: 100,000 headings take over 10 s")
def many_headings(d):
    """100,000 headings."""
    return check(d, write(d, "h.md", "".join(f"## {'一二三四五六'[i % 6]}、总体情况\n\n正文。\n\n" for i in range(100_000))))


@case("text", big=True, xfail="issue 8: a 20 MB tab table hangs")
def tab_table_20mb(d):
    """A 10,000 × 1,000 tab-separated table (20 MB)."""
    row = "\t".join(["1"] * 1000) + "\n"
    return check(d, write(d, "t.txt", "一、本年新收政府信息公开申请数量\t" + row * 10_000))


@case("text", big=True)
def tab_table_small(d):
    """A 1,000 × 200 tab-separated table (400 KB)."""
    row = "\t".join(["1"] * 200) + "\n"
    return check(d, write(d, "t.txt", "一、本年新收政府信息公开申请数量\t" + row * 1000))


@case("text", big=True)
def markdown_table_many_rows(d):
    """A Markdown table of 100,000 rows."""
    return check(d, write(d, "t.md", "| 信息内容 | 数量 |\n|---|---:|\n" + "| 行政许可 | 1 |\n" * 100_000))


@case("text", extra=True)
def markdown_table_many_columns(d):
    """A Markdown table of one row and 20,000 columns."""
    n = 20_000
    return check(d, write(d, "t.md", "|" + "a|" * n + "\n|" + "---|" * n + "\n|" + "1|" * n + "\n"))


@case("text", extra=True)
def flattened_digit_run(d):
    """A flattened table row whose digits run together for 400 characters (split search)."""
    return check(d, write(d, "f.txt", b.example() + "\n一、本年新收政府信息公开申请数量" + "1" * 400 + "\n"))


@case("text", extra=True)
def deep_blockquotes(d):
    """100,000 nested Markdown blockquotes."""
    return check(d, write(d, "q.md", ">" * 100_000 + " 我\n"))


@case("text", extra=True)
def deep_lists(d):
    """1,000 nested Markdown list levels."""
    return check(d, write(d, "l.md", "".join("  " * i + "- 我\n" for i in range(1_000))))


@case("text")
def odd_line_separators(d):
    """Form feed, file/group/record separators, NEL, U+2028 inside the report (str.splitlines splits there)."""
    text = b.example().replace("。", "。\x0c", 3).replace("，", "，\x1c", 3).replace("；", "；\x85", 3)
    return check(d, write(d, "sep-2023.txt", text.replace("、", "、\u2028", 3)))


@case("text", extra=True)
def cr_only_line_ends(d):
    """The report with CR-only line ends (old Mac)."""
    return check(d, write(d, "cr-2023.md", b.example().replace("\n", "\r")))


@case("text", big=True)
def one_char_10mb(d):
    """10 MB of one CJK character, no punctuation."""
    return check(d, _line_file(d, "我", size=10 * MB))


@case("text", extra=True, xfail="issue 8: per-block cost: 500,000 one-line blocks take over 10 s")
def million_short_lines(d):
    """500,000 one-character lines."""
    return check(d, write(d, "n.txt", "我\n" * 500_000))


# == files: special files, walks, empty/garbage files, PDF/Word/HTML bombs =========================


@case("files", exit=(1, 2), xfail="issue 8: a FIFO in a checked folder blocks the run forever")
def fifo_in_folder(d):
    """A FIFO named ``x.md`` in a checked folder."""
    b.fifo(d, "folder/x.md")
    return check_folder(d)


@case("files", extra=True, exit=2, xfail="issue 8: a FIFO named on the command line blocks forever")
def fifo_named(d):
    """A FIFO named on the command line."""
    return check(d, b.fifo(d, "x.md"), literal=("x.md",))


@case("files", exit=(1, 2), xfail="issue 8: a symlink to /dev/zero is read without bound")
def dev_zero_symlink_in_folder(d):
    """A symlink ``zero.txt`` → /dev/zero in a checked folder (``st_size`` is 0)."""
    os.makedirs(d / "folder")
    _link(d, "folder/zero.txt", "/dev/zero")
    return check_folder(d)


@case("files", exit=2, extra=True, xfail="issue 8: a symlink to /dev/zero is read without bound")
def dev_zero_named(d):
    """A symlink to /dev/zero named on the command line."""
    return check(d, _link(d, "zero.md", "/dev/zero"), literal=("zero.md",))


@case("files", exit=2, extra=True, xfail="issue 8: a symlink to /dev/urandom is read without bound")
def dev_urandom_named(d):
    """A symlink to /dev/urandom named on the command line."""
    return check(d, _link(d, "rand.txt", "/dev/urandom"), literal=("rand.txt",))


@case("files", exit=2, extra=True)
def symlink_loop(d):
    """Two symlinks pointing at each other."""
    _link(d, "b.md", "a.md")
    return check(d, _link(d, "a.md", "b.md"), literal=("a.md",))


@case("files", exit=(1, 2), extra=True)
def dangling_symlink_in_folder(d):
    """A dangling symlink in a folder."""
    os.makedirs(d / "folder")
    _link(d, "folder/gone.md", "nowhere.md")
    return check_folder(d)


@case("files", exit=(1, 2), extra=True)
def dir_symlink_loop_in_folder(d):
    """A symlink to its own folder inside the folder."""
    os.makedirs(d / "folder")
    _link(d, "folder/loop", ".")
    return check_folder(d)


@case("files", exit=(1, 2), xfail="issue 8: folders nested 1,100 deep: RecursionError")
def deep_folders(d):
    """A report 1,100 folders deep."""
    (d / "folder").mkdir()
    rel = b.deep_dirs(d, "folder", 1100)
    b.write_at_depth(d, rel, "deep-2023.md", b.example())
    return check_folder(d)


@case("files", exit=(1, 2), extra=True, xfail="issue 8: a path longer than PATH_MAX: OSError traceback")
def deep_path_named(d):
    """A path named on the command line longer than PATH_MAX (ENAMETOOLONG)."""
    return check(d, "/".join(["d"] * 3000) + "/r.md")


@case("files", exit=2, xfail="issue 8: a 10,000-character file name: OSError traceback")
def long_name_component(d):
    """A 10,000-character file name component (NAME_MAX is 255)."""
    return check(d, "报" * 10_000 + ".md")


@case("files", exit=(1, 2), xfail="issue 8: .doc/.wps files in a folder are skipped silently")
def doc_wps_in_folder(d):
    """``.doc`` and ``.wps`` files in a checked folder: one line each."""
    write(d, "folder/old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    write(d, "folder/old.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    return check_folder(d, literal=("old.doc", "old.wps"))


@case("files", exit=(1, 2), needs_non_root=True, xfail="issue 8: unreadable sub-folders are skipped silently")
def unreadable_subfolder(d):
    """A sub-folder without read permission: one line."""
    os.makedirs(d / "folder/locked")
    write(d, "folder/locked/r.md", b.example())
    os.chmod(d / "folder/locked", 0)
    return check_folder(d, literal=("locked",))


def _empty_case(d: Path, name: str, data: bytes) -> Invocation:
    """With the clean example beside (no findings): the exit code then says what happened to ``name``."""
    c = b.clean(d)
    return Invocation(["check", "-f", "json", c, write(d, name, data)], good=(c,), forbid=("未发现问题",))


@case("files", extra=True, exit=2)
def empty_file(d):
    """A 0-byte file."""
    return _empty_case(d, "empty.md", b"")


@case("files", exit=2, xfail="issue 8: a file that is only a BOM reports 未发现问题, exit 0")
def bom_only(d):
    """A file that is only a UTF-8 BOM."""
    return _empty_case(d, "bom.md", b"\xef\xbb\xbf")


@case("files", exit=2, extra=True, xfail="issue 8: a file that is only a BOM reports 未发现问题, exit 0")
def bom_utf16_only(d):
    """A file that is only a UTF-16 BOM."""
    return _empty_case(d, "bom16.txt", b"\xff\xfe")


@case("files", exit=2, extra=True, xfail="issue 8: a file of BOM and blank lines reports 未发现问题, exit 0")
def bom_and_whitespace(d):
    """BOM, blank lines and ideographic spaces."""
    return _empty_case(d, "blank.md", "\ufeff\n\n\u3000\u3000\n \n".encode())


@case("files", extra=True, exit=(1, 2), xfail="issue 8: a title-only file reports 未发现问题, exit 0")
def title_only(d):
    """A file that is only a report title."""
    return _empty_case(d, "title.md", "# 某某市某某区审计局2023年政府信息公开工作年度报告\n".encode())


@case("files", exit=(1, 2), xfail="issue 8: undecodable garbage reports 未发现问题, exit 0")
def garbage_text(d):
    """Bytes that decode as some legacy encoding but are garbage."""
    data = bytes((i * 131 + 71) % 94 + 161 for i in range(20_000))
    return _empty_case(d, "garbage.txt", data)


@case("files", exit=2, extra=True)
def binary_garbage(d):
    """Binary bytes with NULs in a .md."""
    return _empty_case(d, "bin.md", bytes(range(256)) * 40)


@case("files", exit=(1, 2), extra=True)
def nul_after_8k(d):
    """A report with NUL bytes after the first 8 KB (past the binary sniff)."""
    return check(d, write(d, "nul-2023.md", b.example().encode() + b"\0" * 100 + "我局。\n".encode() * 10))


@case("files", exit=(1, 2), extra=True)
def utf16_without_bom(d):
    """The report in UTF-16-LE without a BOM."""
    return check(d, write(d, "u16-2023.txt", b.example().encode("utf-16-le")))


@case("files", exit=2, extra=True)
def utf32_bom_truncated(d):
    """A UTF-32 BOM followed by an odd number of bytes."""
    return check(d, write(d, "u32.txt", b"\xff\xfe\x00\x00" + "我".encode("utf-32-le") + b"\x01"))


@case("files", exit=(1, 2), extra=True)
def encoded_surrogates(d):
    """UTF-8-encoded lone surrogates (CESU) inside the report."""
    return check(d, write(d, "s-2023.md", b.example().encode() + b"\xed\xa0\x80\xed\xb0\x80\n"))


# -- PDF --


@case("files", exit=(1, 2), xfail="issue 8: a PDF page of 10^5 drawing objects: too slow / too much memory")
def pdf_many_rects(d):
    """A PDF page with 100,000 filled rectangles."""
    ops = b"".join(b"%d %d 2 2 re f\n" % (i % 590, (i // 590) % 840) for i in range(100_000))
    return check(d, write(d, "rects.pdf", b.pdf_page(ops)))


@case("files", exit=(1, 2), big=True, xfail="issue 8: a PDF page of 10^6 drawing objects exhausts memory")
def pdf_million_rects(d):
    """A PDF page with 1,000,000 line segments."""
    ops = b"".join(b"%d 0 m %d 842 l S\n" % (i % 595, i % 595) for i in range(1_000_000))
    return check(d, write(d, "lines.pdf", b.pdf_page(ops)))


@case("files", extra=True, exit=(1, 2), xfail="issue 8: a PDF page of 10^5 characters: too slow / too much memory")
def pdf_many_chars(d):
    """A PDF page with 200,000 characters."""
    ops = b"BT /F1 1 Tf " + b"".join(b"1 0 0 1 %d %d Tm (XYZWV) Tj\n" % (i % 590, i % 840) for i in range(40_000)) + b"ET"
    return check(d, write(d, "chars.pdf", b.pdf_page(ops)))


@case("files", extra=True, exit=(1, 2))
def pdf_xobject_cycle(d):
    """Form XObjects X1 → X2 → X1 (a cycle)."""
    extra = {6: b.form_xobject(b"BT /F1 9 Tf (a) Tj ET /X2 Do", {"X2": 7}),
             7: b.form_xobject(b"/X1 Do", {"X1": 6})}
    return check(d, write(d, "cycle.pdf", b.pdf_page(b"/X1 Do", {"X1": 6}, extra)))


@case("files", exit=(1, 2), extra=True)
def pdf_xobject_self(d):
    """A Form XObject that draws itself."""
    extra = {6: b.form_xobject(b"BT /F1 9 Tf (a) Tj ET /X1 Do", {"X1": 6})}
    return check(d, write(d, "self.pdf", b.pdf_page(b"/X1 Do", {"X1": 6}, extra)))


@case("files", exit=(1, 2), xfail="issue 8: PDF Form XObjects fanning out 10^8 draws")
def pdf_xobject_fanout(d):
    """Eight levels of Form XObjects each drawing the next ten times (10^8 glyphs)."""
    extra = {}
    for level in range(8):
        obj = 6 + level
        if level == 7:
            extra[obj] = b.form_xobject(b"BT /F1 9 Tf (ab) Tj ET", {})
        else:
            extra[obj] = b.form_xobject(b"/N Do " * 10, {"N": obj + 1})
    return check(d, write(d, "fan.pdf", b.pdf_page(b"/N Do", {"N": 6}, extra)))


@case("files", exit=(1, 2), big=True)
def pdf_flate_bomb(d):
    """A page content stream that inflates to 1 GB of spaces."""
    return check(d, write(d, "bomb.pdf", b.pdf_page(compressed=b.deflate_bomb(1 << 30))))


@case("files", exit=(1, 2), extra=True)
def pdf_flate_bomb_small(d):
    """A page content stream that inflates to 128 MB of spaces."""
    return check(d, write(d, "bomb.pdf", b.pdf_page(compressed=b.deflate_bomb(128 << 20))))


@case("files", exit=(1, 2), big=True)
def pdf_many_pages(d):
    """A PDF of 10,000 pages."""
    return check(d, write(d, "pages.pdf", b.pdf_pages(10_000)))


@case("files", exit=(1, 2), extra=True)
def pdf_deep_page_tree(d):
    """A page tree 5,000 levels deep."""
    return check(d, write(d, "deep.pdf", b.pdf_deep_page_tree(5_000)))


@case("files", exit=(1, 2), extra=True)
def pdf_deep_arrays(d):
    """A content stream of 100,000 nested arrays."""
    return check(d, write(d, "arr.pdf", b.pdf_page(b"[" * 100_000 + b"]" * 100_000)))


@case("files", exit=2, extra=True)
def pdf_truncated(d):
    """The good report's PDF cut in half."""
    return check(d, write(d, "cut.pdf", b.pdf_page(b"BT /F1 12 Tf (x) Tj ET")[:300]), literal=("cut.pdf",))


# -- Word --


@case("files", exit=(1, 2), big=True)
def docx_zip_bomb(d):
    """A .docx whose document.xml inflates to 1 GB."""
    return check(d, write(d, "bomb.docx", b.docx(b.para("我" * 1000), chunks=350_000)))


@case("files", exit=(1, 2), extra=True)
def docx_entity_expansion(d):
    """A .docx whose document.xml declares a billion-laughs DTD."""
    ents = "".join(f'<!ENTITY l{i} "' + f"&l{i - 1};" * 10 + '">' for i in range(1, 10))
    doc = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "哈">{ents}]>'
           f'<w:document {b.W}><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>')
    return check(d, write(d, "laughs.docx", b.docx(document=doc.encode())))


@case("files", exit=(1, 2))
def docx_huge_gridspan(d):
    """A table cell with ``gridSpan`` 100,000,000."""
    body = ("<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"100000000\"/></w:tcPr>" + b.para("一") +
            "</w:tc></w:tr></w:tbl>" + b.para("正文"))
    return check(d, write(d, "span.docx", b.docx(body)))


@case("files", exit=(1, 2), extra=True)
def docx_vmerge_rows(d):
    """A table of 20,000 rows × 20 cells all vertically merged."""
    cell = "<w:tc><w:tcPr><w:vMerge/></w:tcPr>" + b.para("1") + "</w:tc>"
    body = "<w:tbl>" + ("<w:tr>" + cell * 20 + "</w:tr>") * 20_000 + "</w:tbl>"
    return check(d, write(d, "vm.docx", b.docx(body)))


@case("files", exit=(1, 2), extra=True)
def docx_nested_tables(d):
    """Tables nested 200 deep (a table in a cell of a table …)."""
    body = "<w:tbl><w:tr><w:tc>" * 200 + b.para("我") + "</w:tc></w:tr></w:tbl>" * 200 + b.para("正文")
    return check(d, write(d, "nest.docx", b.docx(body)))


@case("files", exit=(1, 2), big=True, xfail="issue 8: 100,000 paragraphs take close to or over 10 s")
def docx_many_paragraphs(d):
    """A .docx of 100,000 paragraphs."""
    return check(d, write(d, "many.docx", b.docx(b.para("本机关全年主动公开政府信息一百二十条。"), chunks=100_000)))


@case("files", exit=(1, 2), big=True)
def docx_45mb(d):
    """A 45 MB .docx of varied text (little compression)."""
    import random

    rnd = random.Random(8)
    chars = [chr(c) for c in range(0x4E00, 0x9FA5)]
    paras = "".join(b.para("".join(rnd.choices(chars, k=400)) + "。") for _ in range(25_600))
    return check(d, write(d, "big.docx", b.docx(paras, chunks=2)))


@case("files", exit=2, extra=True)
def docx_not_a_zip(d):
    """A .docx that is not a zip file."""
    return check(d, write(d, "fake.docx", b"PK\x03\x04 not really"), literal=("fake.docx",))


# -- HTML --


@case("files", exit=(1, 2), big=True)
def html_table_small(d):
    """An HTML table of 1,000 × 100 cells (1 MB)."""
    rows = ("<tr>" + "<td>1</td>" * 100 + "</tr>") * 1000
    return check(d, write(d, "t.html", f"<html><body><h1>报告</h1><table>{rows}</table></body></html>"))


@case("files", exit=(1, 2), big=True, xfail="issue 8: a huge HTML table hangs")
def html_table_big(d):
    """An HTML table of 10,000 × 100 cells (10 MB)."""
    rows = ("<tr>" + "<td>1</td>" * 100 + "</tr>") * 10_000
    return check(d, write(d, "t.html", f"<html><body><table>{rows}</table></body></html>"))


@case("files", exit=(1, 2))
def html_huge_spans(d):
    """A cell with ``rowspan=65534 colspan=1000``."""
    return check(d, write(d, "span.html", '<html><body><table><tr><td rowspan="65534" colspan="1000">一</td>'
                                           "</tr><tr><td>2</td></tr></table><p>正文</p></body></html>"))


@case("files", extra=True, exit=(1, 2))
def html_deep_nesting(d):
    """100,000 nested ``<div>``."""
    return check(d, write(d, "deep.html", "<html><body>" + "<div>" * 100_000 + "我" + "</div>" * 100_000 + "</body></html>"))


@case("files", exit=(1, 2), extra=True)
def html_entity_expansion(d):
    """An .xhtml with a billion-laughs DTD."""
    ents = "".join(f'<!ENTITY l{i} "' + f"&l{i - 1};" * 10 + '">' for i in range(1, 10))
    return check(d, write(d, "laughs.xhtml", f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY l0 "哈">{ents}]>'
                                             '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>&l9;</p></body></html>'))


@case("files", extra=True, exit=(1, 2))
def html_css_rules_by_elements(d):
    """5,000 ``<style>`` rules hiding classes and 5,000 elements using them."""
    css = "".join(f".c{i} {{display:none}}\n" for i in range(5000))
    body = "".join(f'<p class="c{i} x{i}">第{i}段</p>' for i in range(5000))
    return check(d, write(d, "css.html", f"<html><head><style>{css}</style></head><body>{body}</body></html>"))


@case("files", exit=(1, 2), extra=True, xfail="issue 8: 100,000 hidden elements flood the findings")
def html_many_hidden(d):
    """50,000 elements hidden with inline styles."""
    body = '<span style="display:none">博彩</span>' * 50_000
    return check(d, write(d, "hid.html", f"<html><body><p>正文</p>{body}</body></html>"))


@case("files", exit=(1, 2), extra=True)
def html_nested_document_write(d):
    """``document.write`` of ``document.write`` 500 deep."""
    js = "x"
    for _ in range(500):
        js = "document.write('" + js.replace("\\", "\\\\").replace("'", "\\'")[:2000] + "')"
    return check(d, write(d, "dw.html", f"<html><body><script>{js}</script><p>正文</p></body></html>"))


@case("files", exit=(1, 2), extra=True)
def html_long_text_node(d):
    """A 1 MB text node of Chinese with commas in a ``<p>``."""
    return check(d, write(d, "long.html", "<html><body><p>" + "本机关全年主动公开政府信息，" * 25_000 + "</p></body></html>"))


# -- odd command lines --


@case("files", exit=(1, 2), extra=True)
def include_glob_backtracking(d):
    """``--include`` with twelve stars against 250-character names."""
    write(d, "folder/" + "a" * 240 + ".md", "我")
    g = good(d, "folder")
    return Invocation(["check", "--include", "*a*a*a*a*a*a*a*a*a*a*a*b*", "--include", "good*", "folder"], good=(g,))


def by_name() -> dict[str, Case]:
    return {c.name: c for c in CASES}
