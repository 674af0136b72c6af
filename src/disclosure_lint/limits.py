"""Limits on the work one input may cause (issue 8: a bound on every input).

One pydantic model, read from the configuration's ``limits:`` section; every reader,
the engine and the output take their bounds from here, so a user who must check a
bigger file raises one documented number instead of patching code.  Defaults are
sized so that every hostile case ends within 10 s and 1 GB, while every real report
(the largest published ones are a few MB) stays far inside them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Limits(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    max_file_size_mb: float = Field(default=50, gt=0, le=4096,
                                    description="单个文件的大小上限（MB），超过即不读取（输入错误，退出码 2）。")
    max_findings_per_rule: int = Field(default=100, ge=1, le=1_000_000,
                                       description="同一规则在同一文件中最多报告的问题数，其余合并为一条“及另外 N 处”。")
    max_blocks: int = Field(default=10_000, ge=100, le=10_000_000,
                            description="一个文件最多检查的段落数（标题、段落、表格各算一段）；超过时只检查前面的部分，"
                                        "并报告一次（DL002）。年度报告一般只有几十到几百段。")
    pattern_timeout_ms: int = Field(default=1000, ge=10, le=600_000,
                                    description="用户规则（规则包、配置）中的正则表达式在一个文件上的匹配时限（毫秒），"
                                                "超时即停止该规则对该文件的检查并提示。")

    max_file_seconds: float = Field(default=300, gt=0, le=86_400,
                                    description="用多个进程检查（--jobs 大于 1）时，一个文件的检查时间上限（秒）；超过即停止"
                                                "该文件的检查，报告一次 DL000，其他文件照常检查。")
    max_read_seconds: float = Field(default=8, gt=0, le=3600,
                                    description="读取一个 PDF、Word 或网页文件的时间上限（秒）；超过时只检查已读取的部分。")
    max_table_cells: int = Field(default=50_000, ge=100, le=100_000_000,
                                 description="一个文件中最多读取的表格单元格数（所有表格合计）；超过时只读取到该表格的前面各行，"
                                             "其后的内容不再读取，并报告一次（DL002）。统一格式的四张统计表合计只有几百个单元格。")
    max_html_elements: int = Field(default=100_000, ge=1000, le=100_000_000,
                                   description="网页最多读取的标签（元素）数，其后的内容不检查。")
    max_docx_xml_mb: float = Field(default=64, gt=0, le=200,
                                   description="Word 文档中全部 XML 部分（正文、样式、编号、批注、页眉页脚、设置等）解压后的合计"
                                               "大小上限（MB），在解压前按压缩包目录核对；超过即不读取（输入错误，退出码 2）："
                                               "读取时占用的内存约为其十几倍。真实的年度报告合计一般不到 5 MB。")
    max_pdf_pages: int = Field(default=300, ge=1, le=100_000,
                               description="PDF 文件最多读取的页数，其余页面不检查。")
    max_pdf_page_objects: int = Field(default=20_000, ge=100, le=10_000_000,
                                      description="PDF 一页上图形和文字对象的上限；超过的页面不读取。")
    max_pdf_page_chars: int = Field(default=20_000, ge=100, le=10_000_000,
                                    description="PDF 一页上字符数的上限；超过的页面不读取。")
    max_pdf_page_content_mb: float = Field(default=8, gt=0, le=1024,
                                           description="PDF 一页的内容流解压后的大小上限（MB）；超过的页面不读取。")

    ocr: Literal["auto", "never", "always"] = Field(
        default="auto", description="扫描件的文字识别（需安装 disclosure-lint[ocr]）：auto 只识别没有文字层的页面，"
                                    "always 识别每一页（不用文字层），never 不识别。")
    max_ocr_pages: int = Field(default=50, ge=1, le=10_000,
                               description="一个文件最多文字识别的扫描页数，其余扫描页不检查（并报告一次）。")
    max_image_pixels: int = Field(default=60_000_000, ge=1_000_000, le=1_000_000_000,
                                  description="直接检查的图片（.png/.jpg/.tif）的像素数上限，超过即不读取（防止解压炸弹）。")
    ocr_workers: int = Field(default=1, ge=1, le=64, description="同时进行文字识别的页数（线程）。")
    ocr_min_confidence: float = Field(default=0.9, ge=0, le=1,
                                      description="文字识别置信度低于此值的单元格不作为“错误”的唯一依据："
                                                  "依赖它的问题降为“警告”，并提示核对原件。")

    @property
    def max_bytes(self) -> int:
        return int(self.max_file_size_mb * 1024 * 1024)

    @property
    def max_docx_xml_bytes(self) -> int:
        return int(self.max_docx_xml_mb * 1024 * 1024)


DEFAULT_LIMITS = Limits()

# The findings (or matches) a check builds from one block before it stops looking there: far above what the engine
# lists (max_findings_per_rule, 100 by default, pulled at most ten times that), it bounds the work a hostile line does
# (300,000 half-width brackets or promotion words on one line: 470 MB of findings nobody would read).
BLOCK_HITS_MAX = 20_000
