"""Hostile cases for output (issue 8): the rule cache, output that cannot be written (surrogates, GBK,
/dev/full, a closed pipe), rich markup and control characters in report text and file names, ``stats -o``."""

from __future__ import annotations

import os
import pickle
import stat
from pathlib import Path

from . import build as b
from .build import GOOD, good, write
from .catalogue import case, check, check_folder, kept, link
from .run import Invocation, execute


class _Plant:
    """A pickle that, when loaded, creates ``marker`` (standing for any code)."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


@case("out")
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


@case("out", exit=2)
def stdout_dev_full_console(d):
    """stdout is /dev/full: one line on stderr, exit 2."""
    inv = check(d, stdout="/dev/full", literal=("disclosure-lint",))
    inv.good = ()
    return inv


@case("out", extra=True, exit=2)
def stdout_dev_full_json(d):
    """stdout is /dev/full with -f json."""
    inv = check(d, fmt="json", stdout="/dev/full", literal=("disclosure-lint",))
    inv.good = ()
    return inv


@case("out", exit=2, extra=True)
def stdout_dev_full_stats(d):
    """stats to a stdout that is /dev/full."""
    inv = check(d, cmd="stats", stdout="/dev/full", literal=("disclosure-lint",))
    inv.good = ()
    return inv


@case("out", exit=2, extra=True)
def stdout_dev_full_rules(d):
    """rules to a stdout that is /dev/full."""
    return Invocation(["rules"], stdout="/dev/full", literal=("disclosure-lint",))


@case("out", exit=(1, 2, 141), extra=True)
def stdout_broken_pipe(d):
    """stdout is a pipe nobody reads (``| head`` closed): no traceback (141 = 128 + SIGPIPE, the shell's own)."""
    inv = check(d, stdout="broken-pipe")
    inv.good = ()
    return inv


SURROGATE = b"\xff\xfe\xb0-report-2023.md"  # not valid UTF-8: a surrogate-escaped str in Python


@case("out")
def surrogate_name_console(d):
    """A file name that is not valid UTF-8, console output."""
    return check(d, os.fsdecode(write(d, SURROGATE, b.example())))


@case("out", extra=True)
def surrogate_name_json(d):
    """A file name that is not valid UTF-8, JSON output."""
    return check(d, os.fsdecode(write(d, SURROGATE, b.example())), fmt="json")


@case("out", extra=True)
def surrogate_name_in_folder(d):
    """A file name that is not valid UTF-8 found by a folder walk."""
    write(d, b"folder/" + SURROGATE, b.example())
    return check_folder(d)


@case("out", exit=0, extra=True)
def surrogate_name_stats(d):
    """A file name that is not valid UTF-8 in stats -f json."""
    inv = check(d, os.fsdecode(write(d, SURROGATE, b.example())), cmd="stats", fmt="json")
    return inv


@case("out", exit=2, extra=True)
def surrogate_name_unreadable(d):
    """An unreadable file whose name is not valid UTF-8: the error line."""
    return check(d, os.fsdecode(write(d, b"\xff\xfe-bad.pdf", b"not a pdf")))


GBK = {"PYTHONIOENCODING": "gbk"}


@case("out")
def emoji_name_gbk(d):
    """A file name with an emoji, output encoding GBK."""
    return check(d, write(d, "报告😀-2023.md", b.example()), env=GBK)


@case("out", extra=True)
def emoji_text_gbk(d):
    """Report text (the agency in the title) with an emoji, output encoding GBK."""
    return check(d, write(d, "emoji-2023.md", b.titled("江北😀市桐溪区")), env=GBK)


@case("out", extra=True)
def emoji_text_gbk_json(d):
    """Report text with an emoji, output encoding GBK, JSON."""
    return check(d, write(d, "emoji-2023.md", b.titled("江北😀市桐溪区")), env=GBK, fmt="json")


@case("out", exit=0, extra=True)
def emoji_gbk_stats(d):
    """stats CSV of a report with an emoji, output encoding GBK."""
    return check(d, write(d, "emoji-2023.md", b.titled("江北😀市桐溪区")), env=GBK, cmd="stats")


@case("out", extra=True)
def emoji_ascii_terminal(d):
    """A report with an emoji and a Chinese name, output encoding ASCII (LANG=C)."""
    return check(d, write(d, "报告😀-2023.md", b.example()), env={"PYTHONIOENCODING": "ascii"})


@case("out")
def markup_close_tag_in_title(d):
    """``[/]`` in the report title (the agency shown in the header): rich must not parse it."""
    return check(d, write(d, "m-2023.md", b.titled("江北市[/]桐溪区")), literal=("江北市[/]桐溪区",))


@case("out", extra=True)
def markup_bold_in_title(d):
    """``[red]…[/]`` in the report title is shown as written (the agency name drops spaces: no ``[bold red]``)."""
    return check(d, write(d, "m-2023.md", b.titled("[red]江北[/]市桐溪区")), literal=("[red]江北[/]市桐溪区",))


@case("out")
def markup_link_in_title(d):
    """``[link=…]`` in the report title is shown as written, not made a hyperlink."""
    return check(d, write(d, "m-2023.md", b.titled("[link=https://evil.example/]江北市[/link]桐溪区")),
                 literal=("[link=https://evil.example/]",))


@case("out", extra=True)
def markup_close_tag_in_name(d):
    """A file named ``报告[/]-2023.md``."""
    return check(d, write(d, "报告[/]-2023.md", b.example()), literal=("报告[/]-2023.md",))


@case("out")
def markup_bold_in_name(d):
    """A file named ``[bold red]报告[/]-2023.md``."""
    return check(d, write(d, "[bold red]报告[/]-2023.md", b.example()), literal=("[bold red]报告[/]-2023.md",))


@case("out", extra=True)
def markup_link_in_name(d):
    """A file named ``[link=https://evil.example/]x[/link]-2023.md``."""
    return check(d, write(d, "[link=https:⁄⁄evil.example]x[/link]-2023.md", b.example()),
                 literal=("[link=https:⁄⁄evil.example]x[/link]-2023.md",))


@case("out", extra=True)
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


@case("out")
def ansi_clear_screen_in_name(d):
    """A file name with ``ESC[2J ESC[H`` (clear screen)."""
    return _ctl_name(d, "报告\x1b[2J\x1b[H-2023.md")


@case("out", extra=True, exit=2)
def ansi_in_unreadable_name(d):
    """An unreadable file whose name carries ``ESC[31m``: the error line (stderr and stdout)."""
    return _ctl_name(d, "坏\x1b[31m红\x1b[0m.pdf", content=b"not a pdf")


@case("out", extra=True)
def osc8_hyperlink_in_name(d):
    """A file name carrying an OSC 8 hyperlink (``ESC]8;;url BEL``)."""
    return _ctl_name(d, "\x1b]8;;https:⁄⁄evil.example\x07点此\x1b]8;;\x07-2023.md")


@case("out", extra=True)
def c1_csi_in_name(d):
    """A file name with the one-character CSI U+009B."""
    return _ctl_name(d, "报告\u009b2J-2023.md")


@case("out")
def bidi_override_in_name(d):
    """A file name with RIGHT-TO-LEFT OVERRIDE (U+202E), which reverses what follows."""
    return _ctl_name(d, "报告\u202edm.3202-txt")


@case("out", extra=True)
def cr_in_name(d):
    """A file name with a carriage return (overwrites the line shown)."""
    return _ctl_name(d, "报告\r伪造-2023.md")


@case("out", extra=True)
def backspace_in_name(d):
    """A file name with backspaces and DEL."""
    return _ctl_name(d, "报告\x08\x08\x7f-2023.md")


@case("out", extra=True)
def c1_in_name_json(d):
    """A file name with U+009B, JSON output (json.dumps leaves C1 raw)."""
    return _ctl_name(d, "报告\u009b2J-2023.md", fmt="json")


@case("out", extra=True)
def bidi_in_name_json(d):
    """A file name with U+202E, JSON output."""
    return _ctl_name(d, "报告\u202e-2023.md", fmt="json")


@case("out", extra=True)
def newline_in_name(d):
    """A file name with a newline (forges an output line): no traceback, the good report checked."""
    return _ctl_name(d, "报告\n检查了 0 个文件-2023.md")


@case("out", extra=True)
def ansi_in_title(d):
    """ESC sequences in the report title (the agency shown in the header)."""
    return check(d, write(d, "a-2023.md", b.titled("江北市\x1b[2J\x1b[H桐溪区")))


@case("out")
def c1_in_title(d):
    """U+009B in the report title."""
    return check(d, write(d, "a-2023.md", b.titled("江北\u009b2J市桐溪区")))


@case("out", extra=True)
def bidi_in_title(d):
    """U+202E and U+2066 in the report title."""
    return check(d, write(d, "a-2023.md", b.titled("江北\u202e市\u2066桐溪区")))


@case("out", extra=True)
def controls_in_findings(d):
    """Control characters inside the text that findings quote (the doubled word, the bad date)."""
    text = b.example().replace("落实落实", "落实\x1b[8m落实").replace("2023年2月30日", "2023年2月30日\x9b")
    return check(d, write(d, "a-2023.md", text))


def _stats_o(d: Path, target: str, **kw) -> Invocation:
    g = good(d)
    return Invocation(["stats", g, "-o", target], **kw)


@case("out", exit=0)
def stats_o_symlink(d):
    """``stats -o link`` where link → a regular file: written through, the link kept."""
    write(d, "real.csv", "old\n")
    inv = _stats_o(d, link(d, "out.csv", "real.csv"))
    keep = kept(Path("out.csv"), stat.S_ISLNK, "a symlink")
    inv.post = lambda d, r: keep(d, r) or (None if GOOD in (d / "real.csv").read_text("utf-8-sig") else
                                            "real.csv (the link's target) not written")
    return inv


@case("out", exit=2)
def stats_o_fifo(d):
    """``stats -o fifo``: refused in one line (never blocks opening it), the FIFO kept."""
    return _stats_o(d, b.fifo(d, "out.csv"), post=kept(Path("out.csv"), stat.S_ISFIFO, "a FIFO"),
                    literal=("disclosure-lint",))


def _char_device(d: Path, name: str, major_minor: tuple[int, int]) -> str:
    """A private device node like /dev/full (mknod as root), else a symlink to the real one."""
    try:
        os.mknod(d / name, 0o666 | stat.S_IFCHR, os.makedev(*major_minor))
    except OSError:
        os.symlink(f"/dev/{name}", d / name)
    return name


@case("out", exit=2)
def stats_o_char_device(d):
    """``stats -o full`` onto a private copy of /dev/full (never the real one): ENOSPC in one line, node kept."""
    name = _char_device(d, "full", (1, 7))
    return _stats_o(d, name, post=kept(Path(name), lambda m: stat.S_ISCHR(m) or stat.S_ISLNK(m), "a device"))


@case("out", exit=2, extra=True)
def stats_o_symlink_to_dev_full(d):
    """``stats -o link`` where link → /dev/full: streamed to the device (ENOSPC: exit 2), link kept."""
    return _stats_o(d, link(d, "full-link", "/dev/full"), post=kept(Path("full-link"), stat.S_ISLNK, "a symlink"))


@case("out", exit=0)
def stats_o_stdout_link(d):
    """``stats -o stdout`` where stdout → /proc/self/fd/1 (what /dev/stdout is): streamed, link kept."""
    return _stats_o(d, link(d, "stdout", "/proc/self/fd/1"), post=kept(Path("stdout"), stat.S_ISLNK, "a symlink"))


@case("out", exit=2, extra=True)
def stats_o_directory(d):
    """``stats -o DIR``: one line, exit 2."""
    (d / "outdir").mkdir()
    return _stats_o(d, "outdir", literal=("disclosure-lint",))


@case("out", exit=2, extra=True)
def stats_o_missing_dir(d):
    """``stats -o nodir/out.csv``: one line, exit 2."""
    return _stats_o(d, "nodir/out.csv", literal=("disclosure-lint",))
