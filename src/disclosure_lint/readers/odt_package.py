"""Opening an OpenDocument text (.odt) safely for :mod:`.odt`: the zip's directory checked before anything is
decompressed (:func:`.docx_package.check_zip`: entries, sizes, ratio, the XML parts' total
``limits.max_docx_xml_mb``), the ``mimetype``, an encrypted package, then ``content.xml`` and ``styles.xml`` parsed
by lxml with a parser that neither resolves entities, nor loads a DTD, nor reaches the network, nor lifts libxml2's
bounds (``huge_tree=False``: depth 256, a text node of 10 MB).  The paragraph styles give the heading levels and the
text styles that hide text."""

from __future__ import annotations

import re
import zipfile
import zlib

from lxml import etree

from ..errors import InputError
from ..limits import DEFAULT_LIMITS, Limits
from .docx_package import check_zip
from .sniff import ODF_MIMETYPE, ODF_OTHER, ODT_MIMETYPES

OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
_MANIFEST = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}"

SAVE_AS = "请在 LibreOffice、WPS 或 Word 中打开后重新保存（或另存为 .docx）再检查"
_HEADING_NAME = re.compile(r"^(?:heading|标题)[\s_]*(?:_20_)?([1-9])$", re.IGNORECASE)
_TITLE_NAMES = frozenset({"title", "标题"})
_MAX_CHAIN = 20


def parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                           remove_comments=True, remove_pis=True)


def open_odt(data: bytes, limits: Limits = DEFAULT_LIMITS) -> tuple[etree._Element, etree._Element | None]:
    """The roots of ``content.xml`` and ``styles.xml`` (None when there is none) of an OpenDocument text, or one
    :class:`InputError` sentence."""
    if not data.startswith(b"PK"):
        raise InputError(f"这不是有效的 .odt 文件（不是 OpenDocument 使用的 zip 压缩包格式），可能已损坏；{SAVE_AS}")
    zf, names = check_zip(data, limits, "odt")
    mimetype = _read(zf, "mimetype").strip() if "mimetype" in names else b""
    if mimetype.startswith(ODF_MIMETYPE) and mimetype not in ODT_MIMETYPES:
        raise InputError(ODF_OTHER)
    if "META-INF/manifest.xml" in names and b"encryption-data" in _read(zf, "META-INF/manifest.xml"):
        raise InputError("文件已加密（设置了打开密码），无法读取；请在 LibreOffice 或 WPS 中取消密码后重新保存再检查")
    if "content.xml" not in names:
        if "word/document.xml" in names:
            raise InputError("这是 Word 文档（.docx），只是扩展名为 .odt；请把扩展名改为 .docx 后再检查")
        raise InputError(f"压缩包中没有 OpenDocument 正文（content.xml），不是有效的 .odt 文件；{SAVE_AS}")
    content = _parse(_read(zf, "content.xml", strict=True))
    styles = _parse(_read(zf, "styles.xml", strict=True)) if "styles.xml" in names else None
    return content, styles


def _read(zf: zipfile.ZipFile, name: str, strict: bool = False) -> bytes:
    try:
        return zf.read(name)
    except (zipfile.BadZipFile, zlib.error, EOFError, zipfile.LargeZipFile, NotImplementedError, OSError):
        if not strict:
            return b""
        raise InputError(f"文件已损坏或不完整（压缩数据无法解压，可能在下载或复制时被截断）；请重新获取原文件，{SAVE_AS}") from None


def _parse(xml: bytes) -> etree._Element:
    try:
        return etree.fromstring(xml, parser())
    except etree.XMLSyntaxError as exc:
        msg = str(exc).lower()
        if "entity" in msg or "amplification" in msg:
            raise InputError("文件中的 XML 含有异常的实体定义（可能是恶意构造的文件），已拒绝读取") from None
        if "depth" in msg or "huge" in msg:
            raise InputError("文件中的 XML 嵌套过深或文字节点过大（可能是恶意构造的文件），已拒绝读取") from None
        line = getattr(exc, "lineno", None)
        where = f"（第{line}行附近）" if line else ""
        raise InputError(f"文件中的 XML 已损坏{where}，无法读取；{SAVE_AS}") from None
    except ValueError:
        raise InputError(f"文件中的 XML 已损坏，无法读取；{SAVE_AS}") from None


class Styles:
    """Paragraph styles' heading levels and the text and paragraph styles that hide their text (``text:display``
    "none"), from the styles of both parts, inherited along ``style:parent-style-name``."""

    def __init__(self, *roots: etree._Element | None):
        own: dict[tuple[str, str], tuple[int | None, bool, bool, str | None]] = {}  # (family, name) → …
        for root in roots:
            if root is None:
                continue
            for st in root.iter(STYLE + "style"):
                name, family = st.get(STYLE + "name"), st.get(STYLE + "family") or ""
                if name is None:
                    continue
                shown = (st.get(STYLE + "display-name") or name).strip()
                level: int | None = None
                decided = False
                m = _HEADING_NAME.match(shown) or _HEADING_NAME.match(name)
                if m:
                    level, decided = int(m.group(1)), True
                elif shown.lower() in _TITLE_NAMES or name.lower() in _TITLE_NAMES:
                    level, decided = 1, True
                props = st.find(STYLE + "text-properties")
                hidden = props is not None and props.get(TEXT_NS + "display") == "none"
                own[(family, name)] = (level, decided, hidden, st.get(STYLE + "parent-style-name"))
        self._own = own

    def _chain(self, family: str, name: str | None):
        seen = 0
        while name is not None and (family, name) in self._own and seen < _MAX_CHAIN:
            entry = self._own[(family, name)]
            yield entry
            name, seen = entry[3], seen + 1

    def level(self, name: str | None) -> int | None:
        """The heading level of paragraph style ``name`` (its name, or its parent's: 标题 1, Heading 1, Title)."""
        for level, decided, _hidden, _parent in self._chain("paragraph", name):
            if decided:
                return level
        return None

    def hidden(self, family: str, name: str | None) -> bool:
        return any(entry[2] for entry in self._chain(family, name))
