"""The engine: AnnualReport + rules → diagnostics.

It selects rules (``select``/``ignore``), applies per-rule severity and options,
runs each rule's kind, formats messages, computes positions, pointers and
fingerprints, and applies inline suppressions.  A bug in one rule never stops the
others: it becomes an ``input``-category DL000 warning that names the rule; a shared report fact that
raises is one DL000 for the file naming the rules it stopped (:mod:`.failures`).
"""

from __future__ import annotations

import gc
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import ValidationError

from . import ocr_review
from .config import Config
from .diagnostics import Diagnostic, Edit, Fix, Severity, fingerprint
from .errors import ConfigError
from .failures import CODE, fact_failure, pattern_timeout, raise_site, report_fact, rule_failure
from .fixspan import end_after, exact_edit
from .kinds import get_kind
from .kinds.base import Hit, Kind
from .limits import DEFAULT_LIMITS, Limits
from .model import Block, Document, beside_table_name
from .packs import LoadedRule, builtin_rules_dir, format_message
from .report import AnnualReport
from .report.agency import KIND_NAMES
from .suppressions import UNUSED_CODE, Ineffective, SuppressionPolicy, Suppressions, read_suppressions
from .userregex import PatternTimeout, budget, trusted
from .yamlio import option_line


def matches_selector(rule: LoadedRule, selector: str) -> bool:
    """Does ``selector`` (code, code prefix, rule name, category or pack) select ``rule``?"""
    s = selector.strip()
    code = rule.code
    return code == s or (s.isalnum() and s.isupper() and code.startswith(s)) or rule.spec.name == s \
        or rule.spec.category == s or rule.pack == s


def unknown_selectors(rules: list[LoadedRule], selectors: list[str]) -> list[str]:
    known = {r.code for r in rules} | {r.spec.name for r in rules} | {r.spec.category for r in rules} \
        | {r.pack for r in rules}
    return [v for v in selectors if v not in known and not any(r.code.startswith(v) for r in rules)]


def select_rules(rules: list[LoadedRule], config: Config, origin: str = "<config>") -> list[LoadedRule]:
    for key, values in (("select", config.select or []), ("ignore", config.ignore)):
        bad = unknown_selectors(rules, values)
        if bad:
            raise ConfigError(origin, f"{key} 中的 {', '.join(bad)} 不是已知的规则代码、代码前缀、规则名称、类别或规则包",
                              key=key)
    return [r for r in rules if is_selected(r, config)]


def is_selected(rule: LoadedRule, config: Config) -> bool:
    """Would ``rule`` run under ``config`` (its select/ignore lists and the rule's default)?"""
    if config.select is None:
        chosen = rule.spec.enabled
    else:
        chosen = any(matches_selector(rule, s) for s in config.select)
    return chosen and not any(matches_selector(rule, s) for s in config.ignore)


def _per_rule(mapping: dict[str, Any], rule: LoadedRule) -> Any:
    for key in (rule.code, rule.spec.name):
        if key in mapping:
            return mapping[key]
    return None


class ActiveRules(list["ActiveRule"]):
    """The active rules of one configuration (:func:`prepare`), in the order they run, with what the suppressions
    need to know about the run (a plain list of rules runs with the default :class:`.SuppressionPolicy`)."""

    def __init__(self, rules: Iterable[ActiveRule] = (), policy: SuppressionPolicy | None = None):
        super().__init__(rules)
        self.policy = policy or SuppressionPolicy()


_UNSET: Any = object()  # ActiveRule.max_findings not read yet


@dataclass(eq=False)  # eq=False: never compared or hashed (start-up time)
class ActiveRule:
    """A rule that runs: the rule, its kind built with its options, its severity and its relations to other rules."""

    rule: LoadedRule
    kind: Kind[Any]
    severity: Severity
    severity_overridden: bool = False  # set by the user's configuration
    # rule relations, resolved for this configuration: the active rules this one defers to (its
    # ``covered_by`` that run), and whether an active rule defers to this one (its findings' keys are kept)
    covered_by: tuple[str, ...] = ()
    covers: bool = False
    # the kind's ``max_findings`` option (None when it has none), read on first use by :func:`_cap`
    max_findings: object = field(default=_UNSET, repr=False, compare=False)


def rule_options(rule: LoadedRule, config: Config, by_code: dict[str, LoadedRule],
                 fields: Collection[str]) -> tuple[dict[str, Any], bool]:
    """The options ``rule`` runs with (its file's, then the configuration's for it) and whether the configuration
    changed them.  With ``options_from: X`` the options of X (as configured) that the kind has (``fields``) and
    the rule does not set itself come first: one setting serves both rules (checked at load, no chains)."""
    opts = dict(rule.spec.options)
    override = _per_rule(config.options, rule)
    if override:
        opts.update(override)
    changed = bool(override)
    source = by_code.get(rule.spec.options_from) if rule.spec.options_from else None
    if source is not None:
        theirs = dict(source.spec.options)
        their_override = _per_rule(config.options, source)
        if their_override:
            theirs.update(their_override)
            changed = True
        opts = {**{k: v for k, v in theirs.items() if k in fields}, **opts}
    return opts, changed


def prepare(rules: list[LoadedRule], config: Config, config_path: str = "<config>") -> ActiveRules:
    active = []
    builtin = str(builtin_rules_dir()) + "/"
    by_code = {r.code: r for r in rules}
    for r in select_rules(rules, config, config_path):
        kind_cls = get_kind(r.spec.kind)
        assert kind_cls is not None  # validated at load time
        opts, override = rule_options(r, config, by_code, kind_cls.Options.model_fields)
        try:
            options = kind_cls.Options.model_validate(opts)
        except ValidationError as exc:
            err = exc.errors()[0]
            key = f"options.{r.code}." + ".".join(str(p) for p in err["loc"])
            used = r.code if r.code in config.options else r.spec.name
            raise ConfigError(config_path, f"规则 {r.code} 的选项无效：{err['msg']}", key=key,
                              line=option_line(config_path, (used, *err["loc"]))) from None
        user_severity = _per_rule(config.severity, r)
        # the tool's own rule, options unchanged: its patterns are trusted (plain re, no time bound)
        try:
            with trusted(r.source.startswith(builtin) and not override):
                kind = kind_cls(r.spec, options, config)
        except Exception as exc:  # noqa: BLE001 - e.g. the regex module refusing a user pattern
            raise ConfigError(r.source if not override else config_path,
                              f"规则 {r.code} 无法使用：{type(exc).__name__}: {str(exc)[:200]}") from None
        active.append(ActiveRule(r, kind, user_severity or r.spec.severity, user_severity is not None))
    running = {ar.rule.code for ar in active}
    policy = SuppressionPolicy(
        require_reason=config.suppressions.require_reason,
        known=frozenset(r.code for r in rules) | frozenset(r.spec.name for r in rules),
        every_default_rule=all(r.code in running for r in rules if r.spec.enabled and r.code != UNUSED_CODE))
    return ActiveRules(_relate(active), policy)


def _relate(active: list[ActiveRule]) -> list[ActiveRule]:
    """Resolve ``covered_by`` for the selected rules: a rule defers only to those of its ``covered_by`` that
    are active; those run first (a stable order otherwise; the chains are acyclic, checked at load)."""
    by_code = {ar.rule.code: ar for ar in active}
    for ar in active:
        ar.covered_by = tuple(c for c in ar.rule.spec.covered_by if c in by_code)
        for c in ar.covered_by:
            by_code[c].covers = True
    ordered: list[ActiveRule] = []
    placed: set[str] = set()

    def place(ar: ActiveRule, depth: int = 0) -> None:
        if ar.rule.code in placed or depth > len(active):
            return
        for c in ar.covered_by:
            place(by_code[c], depth + 1)
        placed.add(ar.rule.code)
        ordered.append(ar)

    for ar in active:
        place(ar)
    return ordered


class _Everything(set):
    """What a covering rule stopped at its pull limit reports: everything (its findings go on, uncounted)."""

    def __contains__(self, key: object) -> bool:
        return True


_EVERYTHING = _Everything()


def _deferred(ar: ActiveRule, hit: Hit, reported: dict[str, set[str]]) -> bool:
    """Is ``hit`` left to a rule ``ar`` defers to (it reported the same thing)?  Records what a covering rule
    reports."""
    if ar.covers and hit.about:
        reported.setdefault(ar.rule.code, set()).update(hit.about)
    if not (ar.covered_by and hit.about):
        return False

    def covered(key: str) -> bool:
        return any(key in seen for c in ar.covered_by if (seen := reported.get(c)) is not None)

    # ``about_all``: the finding is left to the covering rules only when they reported every key
    return all(map(covered, hit.about)) if hit.about_all else any(map(covered, hit.about))


# -- suppressions ---------------------------------------------------------------------------

def parse_suppressions(doc: Document, require_reason: bool = False) -> Suppressions:
    """The ``<!-- disclosure-lint-… -->`` directives of a document with lines (:mod:`.suppressions`; linear in its
    text).  Word and PDF have no comments: nothing is suppressed there."""
    if not doc.has_lines:
        return Suppressions()
    return read_suppressions(doc.text, require_reason)


def _block_order(report: AnnualReport) -> tuple[list[int], list[int]]:
    """(first line, index) of the blocks with lines, sorted: where a comment's line falls in document order."""
    starts = sorted((line, b.index) for b in report.document.blocks
                    if (line := b.locate(0).line if b.anchors else b.line) is not None)
    return [s for s, _ in starts], [i for _, i in starts]


def _ineffective(report: AnnualReport, ar: ActiveRule, sup: Suppressions, items: list[Ineffective],
                 cap: int) -> list[tuple[tuple, str, Diagnostic]]:
    """The DL003 findings (``unused-suppression``): one per directive, at the comment, in document order, capped
    like any rule's (only those listed are built); a directive naming DL003 itself (not one without codes) hides
    them."""
    spec = ar.rule.spec
    items = [it for it in items if not sup.hides_at(spec.id, spec.name, it.directive.line)]
    lines, index = _block_order(report)
    out = []
    for it in items[:cap + 1]:
        d = it.directive
        diag = Diagnostic(
            path=report.document.path, code=spec.id, rule=spec.name, category=spec.category, severity=ar.severity,
            message=format_message(spec.message, {"detail": it.detail}), line=d.line, column=d.column,
            end_line=d.line, end_column=d.column, match=d.shown,
            evidence={"directive": d.what, "codes": sorted(d.codes) if d.codes is not None else None,
                      "reason": d.reason, "unused": list(it.unused), "unknown": list(it.unknown),
                      "no_reason": it.no_reason},
            fingerprint=it.key)
        i = bisect_right(lines, d.line) - 1
        out.append(((index[i] if i >= 0 else -1, -1, -1, 0), spec.id, diag))
    return _capped(out, ar, cap, False, uncounted=len(items) - len(out))


# -- running --------------------------------------------------------------------------------

def _pointer(report: AnnualReport, block: Block | None, hit: Hit, page_place: str | None = None) -> str | None:
    if hit.pointer:
        ptr = hit.pointer
        if hit.cell is not None and hit.cell.pointer and not report.document.has_lines:
            ptr += f"（{beside_table_name(hit.cell.pointer)}）"  # Word/PDF: also where the cell is in the file
        return ptr if page_place is None else f"{page_place} › {ptr}"
    if block is None:
        return page_place
    sec = report.section_of(block)
    parts = []
    if page_place:
        parts.append(page_place)
    if sec is not None:
        parts.append(sec.label)
    if block.pointer and not page_place and not (hit.cell is not None and hit.cell.pointer):
        parts.append(block.pointer)
    if hit.cell is not None:
        parts.append(hit.cell.pointer or f"表格第{hit.cell.row + 1}行第{hit.cell.col + 1}列")
    return " › ".join(parts) or None


def _diagnostic(report: AnnualReport, active: ActiveRule, hit: Hit) -> Diagnostic:
    spec = active.rule.spec
    doc = report.document
    line = column = end_line = end_column = None
    page_loc = None
    match = hit.match
    if hit.cell is not None:
        cell = hit.cell
        s = hit.start or 0
        e = hit.end if hit.end is not None else len(cell.text)
        a, b = cell.locate(s), cell.locate(e)
        line, column, end_line, end_column = a.line, a.column, b.line, b.column
        page_loc = a if a.page is not None else None
        if match is None:
            match = cell.text[s:e]
    elif hit.block is not None:
        blk = hit.block
        s = hit.start if hit.start is not None else 0
        e = hit.end if hit.end is not None else len(blk.text)
        if hit.end_block is not None:
            eb = hit.end_block
            a = blk.locate(s)
            b = eb.locate(hit.end if hit.end is not None else len(eb.text))
        else:
            a, b = blk.span(s, e)
        line, column, end_line, end_column = a.line, a.column, b.line, b.column
        if e > s and hit.end_block is None and doc.has_lines and doc.text and a.page is None:
            after = end_after(doc.text, blk, e)  # after the last character, not after markup that follows it
            if after is not None:
                end_line, end_column = after
        page_loc = a if a.page is not None else None
        if match is None and hit.start is not None and hit.end_block is None:
            match = blk.text[s:e]
    agency = report.agency
    params = dict(
        # (a body named nowhere whose kind is read from the word it calls itself by: said so)
        match=match or "", agency=agency.name or (f"自称“我{agency.word}”的本机关" if agency.source == "voice" else "本机关"),
        agency_kind=KIND_NAMES.get(agency.kind or "", "未知类型"),
        year=report.year or "", format_version=report.format_version or "",
    )
    params.update(hit.params)
    message = format_message(spec.message, params)  # plain {name} only, never a format spec
    fix = _fix(doc, hit) if hit.fix else None
    page_place = None
    if page_loc is not None:  # paged formats: a pointer (第2页第14行), not file lines
        page_place = f"第{page_loc.page}页第{page_loc.line}行"
        line = column = end_line = end_column = None
    severity = active.severity
    if hit.severity and not active.severity_overridden:
        severity = hit.severity
    return Diagnostic(
        path=doc.path, code=spec.id, rule=spec.name, category=spec.category, severity=severity,
        message=message, line=line, column=column, end_line=end_line, end_column=end_column,
        pointer=_pointer(report, hit.block, hit, page_place), match=match, evidence=dict(hit.evidence), fix=fix,
        fingerprint=_fingerprint_key(report, hit, match or message),  # finalised in _run
    )


def _fingerprint_key(report: AnnualReport, hit: Hit, fallback: str) -> str:
    """What a finding's fingerprint is made of, besides its rule and occurrence: the section it is in (its
    canonical id, else its title) and its key (the matched text unless the kind gave one), whitespace
    collapsed — never a line, column or block number, so an edit elsewhere in the file keeps it."""
    sec = report.section_of(hit.block) if hit.block is not None else None
    where = (sec.id or sec.title) if sec is not None else ""
    key = hit.key if hit.key is not None else fallback
    return f"{where}\x1e{' '.join(key.split())}"


def _fix(doc: Document, hit: Hit) -> Fix | None:
    """The hit's fix with source positions.  In a format with lines every edit must be an exact span of the
    source (the block's text there, character for character: no markup, entity or joined line inside it),
    else the fix is not offered (an independent fix's other edits still are); Word and PDF keep their fixes as
    descriptions (never applied)."""
    edits = []
    for fe in hit.fix or ():
        if doc.has_lines and doc.text:
            start = _escaped_from(fe) if doc.format == "markdown" else fe.start
            edit = exact_edit(doc.text, fe.block, start, fe.end, fe.replacement)
            if edit is None:
                if hit.fix_independent:
                    continue
                return None
            edits.append(edit)
        else:
            fa, fb = fe.block.span(fe.start, fe.end)
            edits.append(Edit(fa.line, fa.column, fb.line, fb.column, fe.replacement))
    if not edits:
        return None
    return Fix(hit.fix_description or "替换", tuple(edits), "safe" if hit.fix_safe else "unsafe", hit.fix_independent)


def _escaped_from(fe) -> int:
    """Where a Markdown edit of one ASCII punctuation mark begins: at the backslash that escapes it (``要求\\(``: the
    reader keeps the backslash in the text; replacing the mark alone would leave ``\\（``, shown with its backslash)."""
    text, s = fe.block.text, fe.start
    if fe.end - s != 1 or s == 0 or text[s - 1] != "\\" or not (text[s].isascii() and not text[s].isalnum()):
        return s
    k = s - 1
    while k > 0 and text[k - 1] == "\\":
        k -= 1
    return s - 1 if (s - k) % 2 else s  # an odd run of backslashes escapes the mark


def _order(hit: Hit) -> tuple:
    """Document order for every format: block, then cell, then offset (whole-file findings first)."""
    if hit.block is None:
        return (-1, 0, 0, 0)
    cell = (hit.cell.row, hit.cell.col) if hit.cell is not None else (-1, -1)
    return (hit.block.index, *cell, hit.start or 0)


# A rule's generator is pulled for at most this many times the cap of findings: beyond that the
# rest are only counted as "at least" (a rule must not spend minutes producing findings that are dropped).
PULL_FACTOR = 10


def _cap(active: ActiveRule, limits: Limits) -> int:
    """The most findings of one rule listed in one file: the rule's own ``max_findings`` option, else the limit."""
    own = active.max_findings
    if own is _UNSET:  # asked once per rule, not once per rule and file (a pydantic model's missing attribute is slow)
        own = active.max_findings = getattr(active.kind.options, "max_findings", None)
    return own if isinstance(own, int) and own > 0 else limits.max_findings_per_rule


def _pull(report: AnnualReport, ar: ActiveRule, sup: Suppressions, pull: int,
          into: list[tuple[tuple, str, Diagnostic]], reported: dict[str, set[str]], ocr_threshold: float = 0.9) -> bool:
    """Append the rule's diagnostics that are not suppressed nor left to a covering rule to ``into``; True when
    stopped at ``pull`` of them."""
    for hit in ar.kind.check(report):
        if (ar.covers or ar.covered_by) and _deferred(ar, hit, reported):
            continue
        d = _diagnostic(report, ar, hit)
        if report.document.ocr_pages:  # text read by OCR: a low-confidence cell is never the sole basis of an error
            d = ocr_review.review(report, hit, d, ocr_threshold)
        if sup and sup.take(d):
            continue  # a suppressed finding does not count towards the cap
        into.append((_order(hit), d.code, d))
        if len(into) >= pull:
            if ar.covers:  # the rest is only counted ("at least"): the rules deferring to it take it as covered
                reported[ar.rule.code] = _EVERYTHING
            return True
    return False


def _capped(found: list[tuple[tuple, str, Diagnostic]], ar: ActiveRule, cap: int,
            stopped: bool, uncounted: int = 0) -> list[tuple[tuple, str, Diagnostic]]:
    """The first ``cap`` findings of one rule in document order, then one summary finding at the next one's place
    (``uncounted``: findings after those in ``found``, counted only)."""
    if len(found) + uncounted <= cap + 1 and not stopped:
        return found
    found.sort(key=lambda t: t[0])
    order, code, nxt = found[cap]
    rest = len(found) + uncounted - cap  # the summary's own place and the ones after it
    spec = ar.rule.spec
    more = f"至少{rest - 1}" if stopped else f"{rest - 1}"
    summary = replace(
        nxt, fix=None,
        message=f"{nxt.message}……及另外{more}处（规则 {spec.id}（{spec.name}）在本文件中{'至少' if stopped else '共'}有"
                f"{cap + rest}处，只逐一列出了前{cap}处；上限见配置 limits.max_findings_per_rule）",
        evidence={**nxt.evidence, "omitted": rest, "omitted_at_least": stopped, "listed": cap},
        fingerprint=f"…及另外:{spec.id}",  # no count, no line: stable while the file changes
    )
    return [*found[:cap], (order, code, summary)]


def run(report: AnnualReport, active: list[ActiveRule], limits: Limits = DEFAULT_LIMITS) -> list[Diagnostic]:
    """Every active rule on ``report``: suppressions applied, at most the cap of findings per rule, fingerprinted.

    The report's facts are built while the rules run: up to hundreds of thousands of small objects that live
    as long as the report and hold no cycles worth collecting.  The cyclic collector would walk them again and
    again (half the time of a 1 MB line of brackets); it is paused for the run and collects afterwards (a plain
    try/finally: a generator-based context manager costs more than the pause itself on a small report)."""
    was = gc.isenabled()
    gc.disable()
    try:
        return _run(report, active, limits)
    finally:
        if was:
            gc.enable()


def _run(report: AnnualReport, active: list[ActiveRule], limits: Limits) -> list[Diagnostic]:
    doc = report.document
    policy = active.policy if isinstance(active, ActiveRules) else SuppressionPolicy()
    sup = parse_suppressions(doc, policy.require_reason)
    unfinished: set[str] = set()  # rules stopped at their pull limit or by an error: their suppressions are not judged
    found: list[tuple[tuple, str, Diagnostic]] = []
    facts: dict[tuple[str, type, str], tuple[BaseException, list[str]]] = {}  # a shared fact's failure → its rules
    reported: dict[str, set[str]] = {}  # code → Hit.about keys of the rules others defer to (they run first)
    ocr_threshold = limits.ocr_min_confidence
    with budget(limits.pattern_timeout_ms) as clock:
        for ar in active:
            clock.renew()  # each rule has its own time budget for its user patterns
            cap = _cap(ar, limits)
            mine: list[tuple[tuple, str, Diagnostic]] = []
            try:
                stopped = _pull(report, ar, sup, cap * PULL_FACTOR, mine, reported, ocr_threshold)
            except PatternTimeout as exc:  # a user pattern that backtracks for ever: this rule stops for this file
                stopped = False
                unfinished.add(ar.rule.code)
                found.append(((10**9,), "DL000",
                              pattern_timeout(doc.path, ar.rule.code, ar.rule.spec.name, ar.rule.source, exc)))
            except Exception as err:  # noqa: BLE001 - a rule bug must not stop the run
                stopped = False
                unfinished.add(ar.rule.code)
                fact = report_fact(err.__traceback__)
                if fact is None:  # the kind's own bug: one finding naming the rule
                    found.append(((10**9,), "DL000", rule_failure(doc.path, ar.rule.code, ar.rule.spec.name, err)))
                else:  # a shared report fact: one finding per fact (and raise site), naming every rule it stopped
                    failed = facts.setdefault((fact, type(err), raise_site(err.__traceback__)), (err, []))
                    failed[1].append(ar.rule.code)
            if stopped:
                unfinished.add(ar.rule.code)
            if mine or stopped:
                found.extend(_capped(mine, ar, cap, stopped))
    for (fact, _, _), (error, codes) in facts.items():
        found.append(((10**9,), "DL000", fact_failure(doc.path, fact, error, codes)))
    unused = next((ar for ar in active if ar.rule.code == UNUSED_CODE), None) if sup else None
    if unused is not None:  # after every rule ran: which directives suppressed nothing
        judged = {name for ar in active if ar.rule.code not in unfinished and ar.rule.code not in (UNUSED_CODE, CODE)
                  for name in (ar.rule.code, ar.rule.spec.name)}
        items = sup.ineffective(policy, judged, policy.every_default_rule and not unfinished)
        found.extend(_ineffective(report, unused, sup, items, _cap(unused, limits)))
    found.sort(key=lambda t: (t[0], t[1]))
    if any("echo" in d.evidence for _, _, d in found):
        found = _fold_echoes(found)
    # stable fingerprints: rule + section and key + occurrence number of that section and key
    seen: Counter[tuple[str, str]] = Counter()
    out = []
    for _, _, d in found:
        k = (d.code, d.fingerprint)
        seen[k] += 1
        # set in place, not copied with ``replace``: every diagnostic here was built for this run and is not
        # shared yet (ocr_review and _capped return new ones), so no one has seen the provisional key
        _set_fingerprint(d, fingerprint(d.code, d.fingerprint, seen[k]))
        out.append(d)
    return out


def _fold_echoes(found: list[tuple[tuple, str, Diagnostic]]) -> list[tuple[tuple, str, Diagnostic]]:
    """Findings in a passage that repeats an earlier one, as the page's template printed it (a finding whose evidence
    has ``echo``: ``{"lines": [first, last], "of": [first, last]}``, DL602's for an article printed twice with its
    header), left out when an earlier finding of the same rule in the passage it repeats says the same: the text was
    written once.  The finding with ``echo`` counts them (``evidence["echo"]["folded"]``)."""
    drop: set[int] = set()
    for _, _, e in found:
        echo = e.evidence.get("echo")
        if not isinstance(echo, dict):
            continue
        (b0, b1), (a0, a1) = echo["lines"], echo["of"]
        said = {(d.code, d.message) for _, _, d in found
                if d is not e and d.line is not None and a0 <= d.line <= a1}
        twins = [id(d) for _, _, d in found if d is not e and id(d) not in drop and d.line is not None
                 and b0 <= d.line <= b1 and (d.code, d.message) in said]
        drop.update(twins)
        echo["folded"] = len(twins)
    return [t for t in found if id(t[2]) not in drop] if drop else found


def _set_fingerprint(d: Diagnostic, value: str) -> None:
    object.__setattr__(d, "fingerprint", value)
