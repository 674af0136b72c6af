"""The catalogue of hostile cases (issue 8): every case of the four parts, in one list.

Each case is a small function ``name(d) -> Invocation`` (see :mod:`.catalogue` for the decorator and what
it declares) in the module of its part: ``cases_out`` (output, terminal, cache, ``stats -o``),
``cases_conf`` (configs, rule files, user regexes, ``--isolated``), ``cases_text`` (long lines, quadratic
rules, finding caps, big tables in text), ``cases_files`` (special files, walks, empty files, PDF/Word/HTML
bombs), ``cases_doc`` (Word 97–2003 files built byte by byte), ``cases_rtf`` (RTF files written as bytes),
``cases_odt`` (OpenDocument texts zipped by hand), ``cases_ofd`` (OFD files zipped by hand).
"""

from __future__ import annotations

from . import (  # noqa: F401 - importing registers the cases
    cases_conf,
    cases_doc,
    cases_files,
    cases_odt,
    cases_ofd,
    cases_out,
    cases_rtf,
    cases_text,
)
from .catalogue import CASES, Case, by_name

__all__ = ["CASES", "Case", "by_name"]
