"""A title too long for one line, set centred in the body's own size (a Word report exported to PDF by LibreOffice
with Chinese fonts): the first line runs from margin to margin and the last words sit centred on the next line.
The reader joins them into the one title; a centred line of figures under a title (a date) stays its own line."""

from __future__ import annotations

import io

import pytest

from disclosure_lint.readers import read_path

pytest.importorskip("reportlab")

SIZE = 16.0
LEFT, RIGHT = 90.0, 522.0
BODY = ("本报告根据条例和年度报告格式的要求编制，内容包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
        "政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本报告中所列数据的统计期限"
        "自二〇二三年一月一日起至二〇二三年十二月三十一日止。")


def _pdf(tmp_path, first: str, second: str) -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(612, 792))
    c.setFont("STSong-Light", SIZE)
    # the first line filled from margin to margin: its characters spread over the text width
    step = (RIGHT - LEFT) / len(first)
    for i, ch in enumerate(first):
        c.drawString(LEFT + i * step + (step - SIZE) / 2, 700, ch)
    c.drawCentredString((LEFT + RIGHT) / 2, 700 - 1.35 * SIZE, second)
    y = 700 - 3.5 * SIZE
    per = int((RIGHT - LEFT) // SIZE)
    rest = BODY
    first_line = True
    while rest:
        x = LEFT + (2 * SIZE if first_line else 0)
        n = per - (2 if first_line else 0)
        c.drawString(x, y, rest[:n])
        rest, y, first_line = rest[n:], y - 1.35 * SIZE, False
    c.drawString(LEFT + 2 * SIZE, y - 1.35 * SIZE, "一、总体情况")
    c.showPage()
    c.save()
    path = tmp_path / "title.pdf"
    path.write_bytes(buf.getvalue())
    return str(path)


def test_a_title_wrapped_onto_a_centred_second_line_is_one_title(tmp_path):
    doc = read_path(_pdf(tmp_path, "江北市青溪区市场监督管理局2023年政府信息公开工作年度", "报告"))
    assert doc.blocks[0].text.replace(" ", "") == "江北市青溪区市场监督管理局2023年政府信息公开工作年度报告"


def test_a_centred_date_under_a_full_title_stays_its_own_line(tmp_path):
    doc = read_path(_pdf(tmp_path, "江北市青溪区市场监督管理局2023年政府信息公开工作年度报告", "2024年1月20日"))
    assert doc.blocks[0].text.replace(" ", "") == "江北市青溪区市场监督管理局2023年政府信息公开工作年度报告"
    assert doc.blocks[1].text == "2024年1月20日"
