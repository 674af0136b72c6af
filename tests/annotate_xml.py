"""Test helpers for annotate: what a comment range covers, and a document's text with its changes accepted."""

from __future__ import annotations

from pathlib import Path

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def annotated(data: bytes, src: Path):
    """``data`` written to ``src`` and annotated by the command line: the annotated copy, opened with python-docx
    (the command must succeed)."""
    import docx
    from typer.testing import CliRunner

    from disclosure_lint.cli import app

    src.write_bytes(data)
    out = src.with_name(src.stem + ".out.docx")
    res = CliRunner().invoke(app, ["annotate", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    return docx.Document(str(out))


def commented(element) -> dict[str, str]:
    """Comment id → the text its range covers (deleted text in [-…-], inserted text in {+…+})."""
    open_ids: list[str] = []
    out: dict[str, list[str]] = {}
    for el in element.iter():
        tag = el.tag
        if tag == W + "commentRangeStart":
            open_ids.append(el.get(W + "id"))
            out[el.get(W + "id")] = []
        elif tag == W + "commentRangeEnd":
            if el.get(W + "id") in open_ids:
                open_ids.remove(el.get(W + "id"))
        elif tag in (W + "t", W + "delText") and el.text:
            inserted = any(a.tag == W + "ins" for a in el.iterancestors())
            piece = f"[-{el.text}-]" if tag == W + "delText" else f"{{+{el.text}+}}" if inserted else el.text
            for i in open_ids:
                out[i].append(piece)
    return {k: "".join(v).replace("-][-", "").replace("+}{+", "") for k, v in out.items()}


def revisions(element) -> tuple[list, list]:
    return list(element.iter(W + "ins")), list(element.iter(W + "del"))
