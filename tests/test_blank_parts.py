"""Table 三 with only its 总计 column filled: one DL202 finding for the root cause (the applicant columns are all
blank), worded 未填写 — before, one error per row (11 on a real-shaped report), each saying the blank cells were
"各项均为0".  Blank cells in the arithmetic of any message are said to be blank, not 0."""

from __future__ import annotations

from pathlib import Path

from disclosure_lint.api import Checker
from disclosure_lint.blank import Blank, markdown

from .test_blank import AGENCY, fill

YEAR = 2023


def filled() -> str:
    return fill(markdown(Blank(YEAR, AGENCY)), YEAR)


def edit_s3(md: str, edit) -> str:
    """``edit(cells) -> cells`` on every data row of table 三 (the cells after the label columns)."""
    out, section = [], ""
    for line in md.splitlines():
        if line.startswith("## "):
            section = line[3:]
        if section.startswith("三") and line.startswith("|") and "---" not in line:
            cells = [c.strip() for c in line.strip("|").split("|")]
            if cells[-1].isdigit():
                cells = cells[:3] + edit(cells[3:])
                line = "| " + " | ".join(cells) + " |"
        out.append(line)
    return "\n".join(out) + "\n"


def dl202(md: str, tmp_path: Path):
    path = tmp_path / "r.md"
    path.write_text(md, encoding="utf-8")
    return [d for d in Checker().check_file(str(path)).diagnostics if d.code == "DL202"]


def test_only_the_total_column_filled_is_one_finding(tmp_path):
    md = edit_s3(filled(), lambda c: [""] * (len(c) - 1) + [c[-1]])
    d = dl202(md, tmp_path)
    assert len(d) == 1 and d[0].severity == "error"
    assert "六类申请人各项均未填写（空白），只填写了总计" in d[0].message and "均为0" not in d[0].message
    # the rows with a total other than 0: 一、本年新收, （一）予以公开, （七）总计
    assert d[0].evidence["blank_parts"] is True and d[0].evidence["count"] == 3 and "表三3行" in d[0].message
    assert d[0].message.startswith("表三")


def test_one_row_with_its_parts_blank_is_said_blank(tmp_path):
    rows = iter(range(100))
    md = edit_s3(filled(), lambda c: ([""] * (len(c) - 1) + [c[-1]]) if next(rows) == 0 else c)
    d = dl202(md, tmp_path)
    assert len(d) == 1 and "六类申请人各项均未填写（空白，按0计之和为0）" in d[0].message


def test_a_sum_with_blank_and_zero_parts_names_them(tmp_path):
    rows = iter(range(100))

    def edit(c):
        if next(rows) != 0:
            return c
        c = list(c)
        c[1] = ""  # 商业企业 blank; the others 0 or numbers; total off by one
        c[-1] = str(int(c[-1]) + 1)
        return c
    d = dl202(edit_s3(filled(), edit), tmp_path)
    assert len(d) == 1 and "（自然人1 + 科研机构3 + 社会公益组织4 + 法律服务机构5 + 其他6，其余未填写（空白））" in d[0].message


def test_a_correct_report_and_blanks_that_add_up_stay_quiet(tmp_path):
    assert dl202(filled(), tmp_path) == []
    # rows whose total is 0 and whose parts are blank: blanks as 0 add up (real reports do this)
    md = edit_s3(filled(), lambda c: c if c[-1] != "0" else [""] * (len(c) - 1) + ["0"])
    assert dl202(md, tmp_path) == []
