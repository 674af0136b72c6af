"""Input kinds: what the reader could not read, said as findings about the file (not the report).

``reader-notice``: a reader leaves notices in ``Document.meta["notices"]`` — a list of dicts with
a ``kind`` — for content it could not read.  The PDF reader writes:

* ``{"kind": "no-text-layer", "pages": n}`` — no page has a usable text layer (a scan, or glyphs
  without a Unicode mapping): nothing could be checked;
* ``{"kind": "pages-without-text", "pages": [3, 4], "total": n}`` — some pages are pictures;
* ``{"kind": "page-limit", "pages": total, "read": n}`` — only the first ``n`` pages were read.

Each rule using this kind picks the notice kinds it reports (option ``notices``).  With
``image_only_documents`` the kind also reports a Markdown/text/HTML report whose body is nothing
but pictures (a report published as scanned images on a web page): the same problem, the text
must be recognised (OCR) before it can be checked.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from ..report.structure import IMAGE_ONLY
from . import register
from .base import Hit, Kind, KindOptions


def _pages(nums: list[int]) -> str:
    """[3, 4, 5, 9] → "第3–5、9页"."""
    nums = sorted({int(n) for n in nums})
    spans: list[str] = []
    i = 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        spans.append(str(nums[i]) if i == j else f"{nums[i]}–{nums[j]}")
        i = j + 1
    if len(spans) > 12:
        spans = spans[:12] + ["…"]
    return "第" + "、".join(spans) + "页"


_OCR_ALL = "工具无法读取其中的内容，各项检查均未进行；请先进行文字识别（OCR），或改用带文字的 PDF、Word 原件后再检查"
_OCR_PAGES = ("这些页面上的内容未检查（统计表在这些页上时，相关统计检查已跳过）；请先进行文字识别（OCR），"
              "或改用带文字的原件后再检查")
_LIMIT = "后面的内容未检查；年度报告一般只有几页到几十页，请确认文件是否正确，或拆分后分别检查"


class ReaderNoticeOptions(KindOptions):
    notices: list[str] = Field(default_factory=lambda: ["no-text-layer", "pages-without-text", "page-limit"],
                               description="要报告的读取提示种类")
    image_only_documents: bool = Field(default=True, description="正文只有图片的网页/文本报告也报告")
    max_text_chars: int = Field(default=100, ge=0, description="除标题外的文字不超过这么多字时，才算“只有图片”")


@register
class ReaderNotice(Kind):
    name = "reader-notice"
    Options = ReaderNoticeOptions
    params = frozenset({"detail", "advice"})

    def check(self, report) -> Iterator[Hit]:
        doc = report.document
        wanted = set(self.options.notices)
        notices = (doc.meta or {}).get("notices") or []
        fired = False
        for n in notices:
            if not isinstance(n, dict) or n.get("kind") not in wanted:
                continue
            hit = self._notice(n, doc.format)
            if hit is not None:
                fired = True
                yield hit
        if not fired and self.options.image_only_documents and doc.format != "pdf":
            hit = self._image_only_document(report)
            if hit is not None:
                yield hit

    def _notice(self, n: dict, fmt: str) -> Hit | None:
        kind = n.get("kind")
        what = "PDF 文件" if fmt == "pdf" else "文件"
        if kind == "no-text-layer":
            pages = int(n.get("pages") or 0)
            detail = (f"{what}没有可提取的文字（全部{pages}页都是图片或扫描件，或文字无法解码）" if pages
                      else f"{what}没有可提取的文字（可能是扫描件）")
            return Hit(params={"detail": detail, "advice": _OCR_ALL},
                       evidence={"expected": "带文字层的文件", "actual": "没有文字层", "pages": pages},
                       key="no-text-layer")
        if kind == "pages-without-text":
            pages = [int(p) for p in n.get("pages") or []]
            if not pages:
                return None
            total = n.get("total")
            detail = f"{what}{_pages(pages)}没有可提取的文字（是图片或扫描页）"
            if total:
                detail += f"，共{total}页"
            return Hit(params={"detail": detail, "advice": _OCR_PAGES},
                       evidence={"expected": "每页都有文字层", "actual": f"{len(pages)}页没有文字层", "pages": pages},
                       key="pages-without-text:" + ",".join(map(str, pages)))
        if kind == "page-limit":
            total, read = n.get("pages"), n.get("read")
            detail = f"{what}共{total}页，只读取了前{read}页（读取上限）"
            return Hit(params={"detail": detail, "advice": _LIMIT},
                       evidence={"expected": f"不超过{read}页", "actual": f"{total}页", "pages": total, "read": read},
                       key="page-limit")
        return None

    def _image_only_document(self, report) -> Hit | None:
        pattern = IMAGE_ONLY
        images = 0
        text_chars = 0
        title = report.title_block
        for b in report.lintable_blocks:
            t = b.text.strip()
            if not t:
                continue
            if b.kind == "table":
                return None  # a table is text to check
            if b.kind in ("paragraph", "html") and pattern.match(t):
                images += max(t.count("!["), t.lower().count("<img"), 1)
                continue
            if b is title:
                continue
            text_chars += len(t)
            if text_chars > self.options.max_text_chars:
                return None
        if not images or report.sections:
            return None
        detail = f"报告正文只有图片（{images}张），没有可检查的文字"
        return Hit(params={"detail": detail, "advice": _OCR_ALL},
                   evidence={"expected": "正文为文字", "actual": f"{images}张图片", "images": images},
                   key="image-only")
