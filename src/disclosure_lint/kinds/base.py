"""The contract between the engine and the check kinds.

A *kind* is Python: it knows how to look for one sort of defect and takes
options validated by its pydantic ``Options`` model.  A *rule* is YAML: it names
a kind, gives it options, a code, a severity and a Chinese message template.
Many rules can share one kind (Vale's split).

A kind yields :class:`Hit` objects; the engine turns them into diagnostics
(message formatting, severity, position, fingerprint, suppressions).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Generic, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from ..diagnostics import Severity
from ..model import Block, Cell
from ..userregex import validate, validate_alternation

MAX_OPTION_NUMBER = 1_000_000  # any number in a kind's options (a window of 10^12 characters must not pass)

if TYPE_CHECKING:  # pragma: no cover
    from ..config import Config
    from ..packs import RuleSpec
    from ..report import AnnualReport


def _user_pattern(value: str) -> str:
    try:
        validate(value)  # syntax, length, counted repeats (..userregex)
    except ValueError as exc:
        raise PydanticCustomError("user_pattern", "{reason}", {"reason": str(exc)}) from None
    return value


def _user_pattern_list(value: list[str]) -> list[str]:
    try:
        validate_alternation(value)  # the kind searches them as one ``(?:a)|(?:b)``
    except ValueError as exc:
        raise PydanticCustomError("user_pattern", "{reason}", {"reason": str(exc)}) from None
    return value


# A regular expression written by a user (a rule pack or ``options:`` in a configuration): compiled and
# checked when the rule or configuration is loaded, so that a bad one is a configuration error naming the
# file, line and key (exit 2), never a tool problem (DL000) while checking.  Every option that holds a
# regular expression has this type; the kinds then compile it with ``..userregex.compile_pattern``.
UserPattern = Annotated[str, AfterValidator(_user_pattern)]
# A list of them that the kind joins into one alternation (checked as such too: the same group name in
# two items, a global flag such as ``(?i)`` in the middle).
PatternList = Annotated[list[UserPattern], AfterValidator(_user_pattern_list)]




def _bounded(value: Any) -> bool:
    if isinstance(value, bool):
        return True
    if isinstance(value, (int, float)):
        return abs(value) <= MAX_OPTION_NUMBER
    if isinstance(value, (list, tuple, set, frozenset)):
        return all(_bounded(v) for v in value)
    if isinstance(value, dict):
        return all(_bounded(v) for v in value.values())
    return True  # nested options models check themselves


class KindOptions(BaseModel):
    """Base for kind options: unknown keys are errors (typos must not pass silently); numbers are finite
    and at most :data:`MAX_OPTION_NUMBER` in size (rule files and configurations are untrusted input)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    @model_validator(mode="after")
    def _numbers_bounded(self) -> KindOptions:
        for name in type(self).model_fields:
            if not _bounded(getattr(self, name)):
                raise ValueError(f"选项 {name} 中的数值超出上限（绝对值不超过 {MAX_OPTION_NUMBER}）")
        return self


class CappedOptions(KindOptions):
    """Options of a kind whose rules may set their own cap of findings per file.

    The engine lists at most this many findings of the rule in one file and sums up the rest in one
    finding (“……及另外N处”); unset, the cap is ``limits.max_findings_per_rule``.  Hundreds of findings of
    one rule mean a file the tool misread (or not a report), not a careless clerk.
    """

    max_findings: int | None = Field(default=None, ge=1, le=1_000_000,
                                     description="每个文件最多逐一列出的处数，其余合并为一条“及另外N处”"
                                                 "（默认同 limits.max_findings_per_rule）")


class NoOptions(KindOptions):
    """Options of a kind that takes none (any key is an error)."""


OptionsT = TypeVar("OptionsT", bound=BaseModel)  # a kind's options model


@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class FixEdit:
    """Replace ``block.text[start:end]`` (or a whole cell) with ``replacement``."""

    block: Block
    start: int
    end: int
    replacement: str


@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class Hit:
    """One finding of a kind, before the engine turns it into a Diagnostic.

    Position: ``block`` + ``start``/``end`` offsets in ``block.text`` (or ``cell`` +
    offsets in ``cell.text``); with neither, the finding is about the whole file.
    ``params`` fill the rule's message template; ``evidence`` goes to the JSON output
    (expected/actual values, related places); ``key`` makes the fingerprint stable
    (defaults to the matched text).
    """

    block: Block | None = None
    start: int | None = None
    end: int | None = None
    cell: Cell | None = None
    # a finding that spans several blocks ends in ``end_block`` (at ``end``, or at its end)
    end_block: Block | None = None
    params: dict[str, Any] = field(default_factory=dict)
    evidence: dict[str, Any] = field(default_factory=dict)
    match: str | None = None
    key: str | None = None
    fix: list[FixEdit] | None = None
    fix_description: str | None = None
    fix_safe: bool = True
    fix_independent: bool = False  # each edit may be applied alone (diagnostics.Fix.independent)
    pointer: str | None = None
    # A kind may set the severity from its configuration (e.g. deadlines.township_severity);
    # a per-rule ``severity:`` in the user's configuration still wins.
    severity: Severity | None = None
    # What the finding is about, for rule relations (``covered_by:`` in rule YAML): keys such as
    # ``block:12`` or ``identity:I2:s3:col:x``.  The engine drops a finding of rule A when a rule named in
    # A's ``covered_by`` runs for the file and reported a finding about one of the same keys — or, with
    # ``about_all``, about every one of them (a prose sum explained by two wrong figures stays reported
    # until both figures are).
    about: tuple[str, ...] = ()
    about_all: bool = False


class Kind(Generic[OptionsT]):
    """Base class of all check kinds: ``class X(Kind[XOptions])`` with ``Options = XOptions``.

    ``Options`` is the model the engine validates a rule's options with (a class variable cannot name the
    type parameter, hence both; a test checks they agree); ``self.options`` is typed by the parameter."""

    name: ClassVar[str]
    Options: ClassVar[type[BaseModel]] = NoOptions
    # Placeholders the kind fills; rule messages may use only these (checked at load).
    params: ClassVar[frozenset[str]] = frozenset()
    # Run on every page of a directory run, also one skipped as not an annual report (a hijacked page whose title
    # the promotion replaced, a guide, a school's report on the same site): what it finds is the site's, not the
    # report's (injected gambling, hidden links).
    any_page: ClassVar[bool] = False

    def __init__(self, rule: RuleSpec, options: OptionsT, config: Config):
        self.rule = rule
        self.options = options
        self.config = config

    def check(self, report: AnnualReport) -> Iterator[Hit]:  # pragma: no cover - abstract
        raise NotImplementedError


COMMON_PARAMS = frozenset({"match", "agency", "agency_kind", "year", "format_version"})


_SPACE_RUN = re.compile(r"[ \t\u3000\n]{2,}|\n")


def quoted(text: str) -> str:
    """Prose quoted in a message, its runs of spaces (a PDF's text kept with its layout justifies its lines with
    them) and its line breaks each one space: ``受理政府信息公开申请        17 件`` → ``受理政府信息公开申请 17 件``."""
    return _SPACE_RUN.sub(" ", text) if ("  " in text or "\n" in text or "\t" in text or "\u3000" in text) else text
