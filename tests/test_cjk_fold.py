"""Radical code points a PDF's text gives for ordinary characters (readers/cjk_fold.py): 人⺠政府 is 人民政府.

Chrome's print to PDF (and other writers of subset fonts) map a glyph shared by an ideograph and a radical to the
radical: the page shows 民, the text holds U+2EA0.  The PDF reader and the text reader (pdftotext's output, a copy
from a viewer) fold them back one for one, so names, titles and labels are recognised and columns stay put."""

from __future__ import annotations

from disclosure_lint.readers import cjk_fold
from disclosure_lint.readers import text as text_reader
from disclosure_lint.report import interpret

from .conftest import lint


def test_radicals_and_compatibility_forms_are_folded_one_for_one():
    # CJK Radicals Supplement (no NFKC form), Kangxi radicals (⽅ ⾯) and a compatibility ideograph (F9xx)
    raw = "青禾市⻘⼭县人⺠政府⻔户⽹站⽅⾯\uf9b5"
    folded = cjk_fold.fold(raw)
    assert folded == "青禾市青山县人民政府门户网站方面例"
    assert len(folded) == len(raw)
    assert cjk_fold.fold("人民政府") == "人民政府"


def test_a_pdfs_text_with_radicals_reads_as_the_report():
    text = ("青禾县⻘⼭镇人⺠政府2023年政府信息公开工作年度报告\n\n一、总体情况\n\n2023年，本镇通过政府⻔户⽹站主动公开"
            "政府信息132条。\n")
    rep = interpret(text_reader.parse(text))
    assert rep.agency.name == "青禾县青山镇人民政府" and rep.agency.kind == "town_government"
    line = text_reader.parse(text).blocks[-1]
    assert line.text.startswith("2023年，本镇通过政府门户网站") and line.column == 1
    assert "DL007" not in [d.code for d in lint(text, fmt="text")]
