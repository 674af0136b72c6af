"""Which elements of a web page are hidden from its readers (used by the HTML reader).

A page hides an element with

* an inline ``style``: ``display:none``, ``visibility:hidden``, ``opacity:0``, ``font-size:0``
  (or 1px), positioned off-screen (``left:-9999px``, ``text-indent:-999em``, a large negative
  margin), zero width or height with ``overflow:hidden``;
* the ``hidden`` attribute; a ``<marquee>`` one or two pixels high or wide (an old injection trick);
* a rule of a ``<style>`` element (top-level rules only: rules under ``@media`` apply to some
  screens or to print, and selectors with a pseudo-class such as ``:hover`` describe a state; a copy of
  the report for phones hidden on wide screens by an ``@media (min-width: …)`` rule is only read once:
  :func:`phone_copies`);
  the stylesheet is parsed with tinycss2 and its selectors matched with lxml's cssselect.  Only
  ``<style>`` elements up to 20 KB are read (an injected snippet is small; a large one is the
  site's own stylesheet) and at most 200 selectors that name classes and ids the page has;
* a script that hides an element by id (``document.getElementById('x').style.display='none'``,
  ``$('#x').hide()``) — scripts are never run, the statement is only recognised.

Only the outermost hidden element of a hidden subtree is listed; content inside ``<script>``,
``<noscript>``, ``<template>``, form controls and the other skipped elements is never looked at.
Stylesheets from other files are not fetched, so a class hidden there is not seen.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import tinycss2
from cssselect import HTMLTranslator, SelectorError
from lxml import etree

from .html_source import walk

_DECL = re.compile(r"([A-Za-z-]+)\s*:\s*([^;]*)")
_LENGTH = re.compile(r"^\s*(-?\d*\.?\d+)\s*(px|pt|em|rem|%|vw|vh|cm|mm|in|ex|ch)?\s*$")
_UNIT_PX = {None: 1.0, "px": 1.0, "pt": 4 / 3, "em": 16.0, "rem": 16.0, "ex": 8.0, "ch": 8.0, "vw": 19.2,
            "vh": 10.8, "cm": 37.8, "mm": 3.78, "in": 96.0}
_OFFSETS = ("left", "top", "right", "bottom")
# A stylesheet worth parsing declares one of these.
_HIDING = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*[01](?![\d.])|opacity\s*:\s*0"
                     r"|:\s*-\d{3,}", re.I)
# A style attribute without any of these cannot hide its element (most are widths, colours, alignment).
_STYLE_HINT = re.compile(r"none|hidden|collapse|font-size|opacity|-\d", re.I)
_SCRIPT_HIDE = re.compile(
    r"""getElementById\(\s*["']([\w:.-]{1,80})["']\s*\)\s*\.style\.(?:display\s*=\s*["']none|visibility\s*=\s*["']hidden)"""
    r"""|\$\(\s*["']#([\w-]{1,80})["']\s*\)\s*\.(?:hide\(|css\(\s*["']display["']\s*,\s*["']none)""")
MAX_RULES = 200
MAX_SHEET = 20_000  # a larger <style> element is the site's own stylesheet, not an injected snippet
MAX_HIDDEN = 5000


def _px(value: str | None, percent_of: float | None = None) -> float | None:
    """A CSS length in px (``%`` relative to ``percent_of``; None when it is not a plain length)."""
    if not value:
        return None
    m = _LENGTH.match(value)
    if not m:
        return None
    n = float(m.group(1))
    unit = m.group(2)
    if unit == "%":
        return None if percent_of is None else n * percent_of / 100
    return n * _UNIT_PX[unit]


def declarations(style: str) -> dict[str, str]:
    """``"a: b; c: d !important"`` → ``{"a": "b", "c": "d"}`` (names and values lower-cased)."""
    out = {}
    for m in _DECL.finditer(style[:4000]):
        out[m.group(1).lower()] = m.group(2).replace("!important", "").strip().lower()
    return out


def style_how(style: str | None) -> str | None:
    """How a declaration block hides its element, or None when it does not."""
    if not style or ":" not in style or _STYLE_HINT.search(style) is None:
        return None
    d = declarations(style)
    if d.get("display", "").startswith("none"):
        return "display:none"
    if d.get("visibility") in ("hidden", "collapse"):
        return "visibility:hidden"
    size = _px(d.get("font-size"), 16.0)
    if size is not None and size <= 1:
        return "font-size:0"
    try:
        if "opacity" in d and float(d["opacity"]) <= 0.01:
            return "opacity:0"
    except ValueError:
        pass
    if d.get("position") in ("absolute", "fixed"):
        for side in _OFFSETS:
            v = _px(d.get(side), 1920.0)
            if v is not None and v <= -500:
                return "off-screen"
    for key in ("text-indent", "margin-left", "margin-top"):
        v = _px(d.get(key), 1920.0)
        if v is not None and v <= -1000:
            return "off-screen"
    if d.get("overflow", d.get("overflow-y", d.get("overflow-x", ""))) == "hidden":
        for key in ("width", "height", "max-width", "max-height"):
            v = _px(d.get(key))
            if v is not None and v <= 1:
                return "zero-size"
    return None


def _marquee_how(el) -> str | None:
    for attr in ("height", "width"):
        v = (el.get(attr) or "").strip().lower().removesuffix("px")
        if v.isdigit() and int(v) <= 2:
            return "marquee"
    return None


def stylesheet_hidden(doc) -> dict:
    """Elements hidden by top-level rules of the page's ``<style>`` elements: ``{element: how}``."""
    sheets = [s.text for s in doc.iter("style") if s.text and len(s.text) <= MAX_SHEET and _HIDING.search(s.text)]
    if not sheets:
        return {}
    out: dict = {}
    n = 0
    names = None
    for css in sheets:
        for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
            if rule.type != "qualified-rule":
                continue  # @media, @font-face, parse errors
            how = style_how(tinycss2.serialize(rule.content))
            if how is None:
                continue
            for sel in tinycss2.serialize(rule.prelude).split(","):
                if names is None:
                    names = _names(doc)
                sel = _tried(sel, names)
                if sel is None:
                    continue
                n += 1
                if n > MAX_RULES:
                    return out
                for el in _matched(doc, sel):
                    out.setdefault(el, how)
    return out


def _tried(selector: str, names: set) -> str | None:
    """A rule's selector stripped, or None when it is not tried: empty, a pseudo-class, too long, or naming a class or
    id that no element of this page has (``names``)."""
    sel = selector.strip()
    if not sel or ":" in sel or len(sel) > 200 or any(tok not in names for tok in _TOKENS.findall(sel)):
        return None
    return sel


def _matched(doc, sel: str) -> list:
    """The elements a selector matches ([] for one the XPath translation or libxml2 rejects)."""
    xpath = _selector(sel)
    if xpath is None:
        return []
    try:
        return list(xpath(doc))
    except Exception:  # noqa: BLE001 - an XPath libxml2 rejects: the rule is skipped
        return []


_TOKENS = re.compile(r"[.#][A-Za-z_-][\w-]*")
_WIDE_SCREEN = re.compile(r"min-(?:device-)?width", re.I)


def _wide_screen_hidden(doc) -> list:
    """Elements ``display:none`` under an ``@media`` query for wide screens (``min-width``, not ``print``): a
    copy of the page's text for phones, hidden on a computer's screen."""
    sheets = [s.text for s in doc.iter("style") if s.text and len(s.text) <= MAX_SHEET and "@media" in s.text
              and _HIDING.search(s.text)]
    out: list = []
    names = None
    for css in sheets:
        for media in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
            if media.type != "at-rule" or media.lower_at_keyword != "media" or media.content is None:
                continue
            query = tinycss2.serialize(media.prelude)
            if not _WIDE_SCREEN.search(query) or "print" in query.lower():
                continue
            for rule in tinycss2.parse_rule_list(media.content, skip_comments=True, skip_whitespace=True):
                if rule.type != "qualified-rule" or style_how(tinycss2.serialize(rule.content)) != "display:none":
                    continue
                for sel in tinycss2.serialize(rule.prelude).split(","):
                    if names is None:
                        names = _names(doc)
                    sel = _tried(sel, names)
                    if sel is None:
                        continue
                    out.extend(el for el in _matched(doc, sel) if el not in out)
                    if len(out) > MAX_COPIES:
                        return out
    return out


def phone_copies(found: list[tuple[Any, str]], top, skip: frozenset[str]) -> set:
    """The page's copy of the report for phones (:func:`_wide_screen_hidden`: hidden on wide screens by an
    ``@media (min-width: …)`` rule of its ``<style>``) when the text a computer shows holds it: read once, not
    twice.  Not listed as hidden content (phones show it); a text shown nowhere else is read."""
    cands = [(el, _flat(el, skip)) for el in _wide_screen_hidden(top.getroottree().getroot())]
    cands = [(el, text) for el, text in cands if len(text) >= COPY_MIN]
    if not cands:
        return set()
    visible = _flat(top, skip, {el for el, _ in found} | {el for el, _ in cands})
    return {el for el, text in cands if _shown(text, visible)}


def _names(doc) -> set[str]:
    """``.class`` and ``#id`` of every element of the page."""
    names: set[str] = set()
    for el in doc.iter():
        get = getattr(el, "get", None)
        if get is None:
            continue
        c = get("class")
        if c:
            names.update("." + t for t in c.split())
        i = get("id")
        if i:
            names.add("#" + i.strip())
    return names


@lru_cache(maxsize=4096)
def _selector(sel: str):
    """A compiled XPath for a CSS selector (cached: pages of one site share their stylesheet); None if invalid."""
    try:
        return etree.XPath(HTMLTranslator().css_to_xpath(sel))
    except (SelectorError, etree.XPathError, ValueError, SyntaxError):
        return None


def script_hidden_ids(doc) -> frozenset[str]:
    """Ids that a script of the page hides (``getElementById('x').style.display='none'``, ``$('#x').hide()``)."""
    ids = set()
    for s in doc.iter("script"):
        if s.text and ("none" in s.text or "hide(" in s.text or "hidden" in s.text):
            for m in _SCRIPT_HIDE.finditer(s.text):
                ids.add(m.group(1) or m.group(2))
    return frozenset(ids)


def find_hidden(doc, top, skip: frozenset[str]) -> list[tuple[Any, str]]:
    """The outermost hidden elements under ``top`` in document order: ``[(element, how)]``."""
    css = stylesheet_hidden(doc)
    ids = script_hidden_ids(doc)
    out = []
    stack = [top]
    while stack:
        el = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None or tag in skip:
            continue
        how = None
        if el.get("hidden") is not None:
            how = "hidden attribute"
        else:
            how = style_how(el.get("style"))
            if how is None and tag == "marquee":
                how = _marquee_how(el)
            if how is None:
                how = css.get(el)
            if how is None and ids and el.get("id") in ids:
                how = "display:none"
        if how is not None and el is not top:
            out.append((el, how))
            if len(out) >= MAX_HIDDEN:
                break
            continue
        stack.extend(reversed(el))
    return out


# -- hidden copies of what the page shows -------------------------------------------------------------

COPY_MIN = 30  # characters (without spaces): a shorter hidden text is never looked at as a copy
COPY_SHARE = 0.9  # of its probes found in the visible text: a copy
MAX_COPIES = 16  # hidden elements compared with the visible text, the largest first
_PROBE = 16  # characters a probe
_PROBES = 32  # probes a hidden element
_SPACES = re.compile(r"\s+")


def hidden_copies(found: list[tuple[Any, str]], top, skip: frozenset[str]) -> set:
    """The hidden elements of ``found`` (:func:`find_hidden`) whose text the page shows elsewhere: a copy of
    the report for phones or for printing, folded away by ``display:none`` or ``visibility:hidden`` (its own
    ``style``, a rule of the page's stylesheet such as ``.mobile-only{display:none}``, or a script) or its ``hidden``
    attribute.  A reader sees that text once; read twice it is the report printed twice.  An element hidden the
    ways attackers use (off-screen, transparent, zero size) is never one, nor one holding text the page shows
    nowhere (a tab, a folded panel that may hold the report itself); a copy's text is still listed in
    ``Document.hidden`` for the hidden-content rule.

    The text of each (at most :data:`MAX_COPIES`, the largest) is probed at up to :data:`_PROBES` places
    spread over it; a copy has :data:`COPY_SHARE` of its probes in the page's visible text (spaces left out).
    """
    cands = []
    for el, how in found:
        if how not in ("display:none", "visibility:hidden", "hidden attribute"):
            continue
        text = _flat(el, skip)
        if len(text) >= COPY_MIN:
            cands.append((el, text))
    if not cands:
        return set()
    cands.sort(key=lambda c: -len(c[1]))
    visible = _flat(top, skip, {el for el, _ in found})
    return {el for el, text in cands[:MAX_COPIES] if _shown(text, visible)}


def _shown(text: str, visible: str) -> bool:
    """Is ``text`` (nearly all of it) in ``visible``?"""
    if len(text) < 2 * _PROBE:
        return text in visible
    n = min(_PROBES, len(text) // _PROBE)
    misses = n - int(n * COPY_SHARE + 0.999)  # allowed
    step = (len(text) - _PROBE) / (n - 1)
    for k in range(n):
        i = round(k * step)
        if text[i:i + _PROBE] not in visible:
            misses -= 1
            if misses < 0:
                return False
    return True


def _flat(top, skip: frozenset[str], leave_out: set | frozenset = frozenset()) -> str:
    """The text of ``top`` without spaces, leaving out the elements of ``skip`` tags and those of ``leave_out``."""
    parts: list[str] = []

    def enter(el) -> bool:
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None or tag in skip or el in leave_out:
            return False
        if el.text:
            parts.append(el.text)
        return True

    def leave(el, entered: bool) -> None:
        if el is not top and el.tail:
            parts.append(el.tail)

    walk(top, enter, leave)
    return _SPACES.sub("", "".join(parts))


def site_urls(doc) -> list[str]:
    """The page's own addresses as it declares them: canonical link, og:url, <base href>."""
    out = []
    for el in doc.iter("link", "meta", "base"):
        tag = el.tag
        if tag == "link" and "canonical" in (el.get("rel") or "").lower().split():
            v = el.get("href")
        elif tag == "meta" and (el.get("property") or el.get("name") or "").lower() == "og:url":
            v = el.get("content")
        elif tag == "base":
            v = el.get("href")
        else:
            continue
        if v and v.strip():
            out.append(v.strip())
    return out
