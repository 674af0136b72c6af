"""Markdown reader (CommonMark + GFM tables) built on markdown-it-py.

Only markdown-it's *block* phase runs: inline parsing is not needed (rules lint the
author's source text, markup included) and skipping it makes parsing about twice
as fast.  ``Token.map`` gives the source lines of every block and table row; the
column of each piece of text is found in its source line.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..model import Block, Document, Row, Table
from ._lines import anchored, split_cells, table_text

_PIPE = re.compile(r"(?<!\\)\|")


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def _block_tokens(text: str):
    from markdown_it.rules_core import block, normalize
    from markdown_it.rules_core.state_core import StateCore

    state = StateCore(text, _parser(), {})
    normalize(state)
    block(state)
    return state.tokens


def _pieces(content: str, first_line: int, src_lines: list[str]) -> list[tuple[str, int, int]]:
    """Map each line of block ``content`` to (text, 1-based line, 1-based column)."""
    pieces = []
    search_line = first_line
    for part in content.split("\n"):
        line_no = search_line
        col = -1
        # the part normally sits on the next source line; blank lines inside blocks are skipped
        for probe in range(search_line, min(search_line + 3, len(src_lines))):
            col = src_lines[probe].find(part) if part else 0
            if col >= 0:
                line_no = probe
                break
        if col < 0:
            src = src_lines[line_no] if line_no < len(src_lines) else ""
            col = len(src) - len(src.lstrip())
        stripped = part.lstrip(" \t\u3000")
        col += len(part) - len(stripped)
        pieces.append((stripped, line_no + 1, col + 1))
        search_line = line_no + 1
    return pieces


def _table_row(line: str, line_no: int, row_index: int, header: bool) -> Row:
    row = split_cells(line, line_no, row_index, _PIPE, header=header)
    cells = list(row.cells)
    stripped = line.strip()
    if stripped.startswith("|") and cells and cells[0].text == "":
        cells = cells[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|") and cells and cells[-1].text == "":
        cells = cells[:-1]
    cells = [replace(c, col=i) for i, c in enumerate(cells)]
    return Row(cells=tuple(cells), line=line_no, header=header)


def read(path: str, data: bytes) -> Document:
    from ..textio import decode

    text, encoding = decode(data)
    return parse(text, path=path, encoding=encoding)


def parse(text: str, path: str = "<string>", encoding: str | None = "utf-8") -> Document:
    if text.startswith("\ufeff"):
        text = text[1:]
    src_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    tokens = _block_tokens(text)
    blocks: list[Block] = []
    list_depth = 0
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        t = tok.type
        if t in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif t in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif t in ("heading_open", "paragraph_open"):
            inline = tokens[i + 1]
            content = inline.content
            if tok.map is not None and content:
                pieces = _pieces(content, tok.map[0], src_lines)
                btext, anchors = anchored(pieces)
                kind = "heading" if t == "heading_open" else ("list_item" if list_depth else "paragraph")
                last = pieces[-1]
                blocks.append(Block(
                    index=len(blocks), kind=kind, text=btext, line=pieces[0][1], column=pieces[0][2],
                    end_line=last[1], end_column=last[2] + len(last[0]), anchors=anchors,
                    level=int(tok.tag[1]) if t == "heading_open" else None,
                ))
            i += 3
            continue
        elif t == "table_open":
            rows: list[Row] = []
            j = i + 1
            header = False
            while j < n and tokens[j].type != "table_close":
                tj = tokens[j]
                if tj.type == "thead_open":
                    header = True
                elif tj.type == "thead_close":
                    header = False
                elif tj.type == "tr_open" and tj.map is not None:
                    ln = tj.map[0]
                    rows.append(_table_row(src_lines[ln], ln + 1, len(rows), header))
                j += 1
            if rows and tok.map is not None:
                first = rows[0]
                last_line = tok.map[1]
                btext, anchors = table_text(rows)
                blocks.append(Block(
                    index=len(blocks), kind="table", text=btext, line=first.line, column=1,
                    end_line=last_line, end_column=len(src_lines[last_line - 1]) + 1 if last_line - 1 < len(src_lines) else 1,
                    anchors=anchors, table=Table(rows=tuple(rows)),
                ))
            i = j + 1
            continue
        elif t == "html_block" and tok.map is not None:
            content = tok.content.rstrip("\n")
            pieces = _pieces(content, tok.map[0], src_lines)
            btext, anchors = anchored(pieces)
            kind = "comment" if content.lstrip().startswith("<!--") else "html"
            last = pieces[-1]
            blocks.append(Block(index=len(blocks), kind=kind, text=btext, line=pieces[0][1], column=pieces[0][2],
                                end_line=last[1], end_column=last[2] + len(last[0]), anchors=anchors))
        elif t in ("fence", "code_block") and tok.map is not None:
            start, end = tok.map
            blocks.append(Block(index=len(blocks), kind="code", text=tok.content, line=start + 1, column=1,
                                end_line=end, end_column=1))
        i += 1
    return Document(path=path, format="markdown", encoding=encoding, text=text, blocks=tuple(blocks))
