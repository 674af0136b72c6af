"""Refusing what is not a sane Word package, before python-docx decompresses it, with one sentence saying what
the file is and how to save it as .docx (:mod:`.docx` reads what is left).

Everything is judged from the zip's directory (the sizes it declares; a part that inflates past its declared size
is a zip error when it is read): the number of entries, encrypted entries, the compression ratio, the size of each
XML part, of all the XML parts together — python-docx parses every XML part it knows when it opens the package
(styles, numbering, comments, settings, headers, footers, not only the body), and lxml's tree takes about 13 times
the XML, so four parts each just under the per-part bound took 2.7 GB — (``limits.max_docx_xml_mb``) and of the
package."""

from __future__ import annotations

import io
import zipfile
import zlib

import docx
from lxml import etree

from ..errors import InputError, UnsupportedType
from ..limits import DEFAULT_LIMITS, Limits
from .sniff import FIX_AS_DOCX, NAMES, sniff

MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024  # sum of all parts
MAX_XML_PART = 56 * 1024 * 1024  # any one XML part (document.xml of a long report is a few MB; lxml takes ~16x that)
XML_SUFFIXES = (".xml", ".rels")  # the parts python-docx parses are XML (images, fonts, embedded files are not)
MAX_RATIO = 100  # compression ratio refused for parts larger than RATIO_MIN_SIZE
RATIO_MIN_SIZE = 10 * 1024 * 1024
MAX_ENTRIES = 10000

# what the package messages call a package of each kind, and how to save it again
PACKAGES = {"docx": ("Word 文档", "为 .docx", "或在 Word 或 WPS 中打开后“另存为” .docx 再检查"),
            "odt": ("OpenDocument 文档", "", "或在 LibreOffice、WPS 中打开后重新保存再检查"),
            "ofd": ("OFD 文档", "", "或在数科、福昕等 OFD 阅读器中另存为 PDF 后再检查")}


_FIX_OR = PACKAGES["docx"][2]


def _not_a_zip(data: bytes) -> InputError:
    content = sniff(data)
    if content == "ole":
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data:
            return InputError("文件已加密（设置了打开密码），无法读取；请在 Word 或 WPS 中取消密码后重新保存为 .docx 再检查")
        return UnsupportedType(f"这不是真正的 .docx 文件，而是改了扩展名的旧版 Word（.doc）或 WPS 文件；{FIX_AS_DOCX}")
    if content in NAMES:
        return UnsupportedType(f"这是{NAMES[content]}，只是扩展名为 .docx；{FIX_AS_DOCX}")
    # (a PDF, an RTF file or a page named .docx is read as what it is: readers.reader_of never gives them to this reader)
    if content == "pdf":
        return InputError("这是 PDF 文件，只是扩展名为 .docx；请把扩展名改为 .pdf 后再检查")
    if content == "rtf":
        return InputError("这是 RTF 格式文件，只是扩展名为 .docx；请把扩展名改为 .rtf 后再检查")
    if content == "html":
        return InputError("这是网页（HTML）文件，只是扩展名为 .docx；请把扩展名改为 .html 后再检查，或在 Word 中另存为 .docx")
    if data.startswith(b"PK"):
        return InputError(f"文件已损坏或不完整（zip 压缩包无法打开，可能在下载或复制时被截断）；请重新获取原文件，{_FIX_OR}")
    return InputError(f"这不是有效的 .docx 文件（不是 Word 使用的 zip 压缩包格式），可能已损坏或并非 Word 文档；{FIX_AS_DOCX}")


def check_package(data: bytes, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse anything that is not a sane Word package before python-docx decompresses it."""
    zf, names = check_zip(data, limits)
    if "word/document.xml" not in names and not any(n.startswith("word/") and n.endswith(".xml") for n in names):
        raise _not_word(zf, names)


def check_zip(data: bytes, limits: Limits = DEFAULT_LIMITS,
              package: str = "docx") -> tuple[zipfile.ZipFile, set[str]]:
    """The zip of an Office package (``package``: a key of :data:`PACKAGES`, whose names the messages use) and its
    entries' names, its directory checked before anything is decompressed (the module docstring), or one
    :class:`InputError`."""
    kind, resave, fix_or = PACKAGES[package]
    if not data.startswith(b"PK"):
        raise _not_a_zip(data)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except Exception:  # noqa: BLE001 - BadZipFile, truncated directories, bad offsets …
        if package != "docx":
            raise InputError("文件已损坏或不完整（zip 压缩包无法打开，可能在下载或复制时被截断）；请重新获取原文件，"
                             + fix_or) from None
        raise _not_a_zip(data) from None
    if len(infos) > MAX_ENTRIES:
        raise InputError(f"压缩包内文件数异常（{len(infos)} 个），可能是恶意构造的文件，已拒绝读取")
    total = 0
    xml: list[tuple[int, str]] = []  # (size, name) of the XML parts
    names = set()
    for info in infos:
        size = info.file_size
        total += size
        names.add(info.filename)
        if info.filename.lower().endswith(XML_SUFFIXES):
            xml.append((size, info.filename))
        if info.flag_bits & 0x1:
            raise InputError("压缩包内容已加密，无法读取；请取消加密后重新保存" + resave + "再检查")
        if size > RATIO_MIN_SIZE and size > MAX_RATIO * max(info.compress_size, 1):
            raise InputError(f"文件中的“{info.filename[:60]}”解压后 {size / 1024 / 1024:.0f} MB、压缩比异常，"
                             "可能是恶意构造的压缩包（zip 炸弹），已拒绝读取")
        if size > MAX_XML_PART and info.filename.lower().endswith(XML_SUFFIXES):
            raise InputError(f"文件中的“{info.filename[:60]}”解压后过大（{size / 1024 / 1024:.0f} MB），已拒绝读取")
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise InputError(f"文件解压后过大（{total / 1024 / 1024:.0f} MB，上限 "
                         f"{MAX_TOTAL_UNCOMPRESSED // 1024 // 1024} MB），可能是恶意构造的压缩包，已拒绝读取")
    _check_xml(xml, limits, kind)
    return zf, names


def _check_xml(xml: list[tuple[int, str]], limits: Limits, kind: str) -> None:
    """The XML parts together within ``limits.max_docx_xml_mb``, else one sentence naming the largest."""
    total = sum(size for size, _ in xml)
    if total <= limits.max_docx_xml_bytes:
        return
    largest = sorted(xml, reverse=True)[:3]
    named = "、".join(f"{name[:60]} {size / 1024 / 1024:.1f} MB" for size, name in largest)
    raise InputError(f"{kind}中的 XML 部分解压后合计 {total / 1024 / 1024:.1f} MB（{named}），"
                     f"超过 {limits.max_docx_xml_mb:g} MB 的上限（limits.max_docx_xml_mb），已拒绝读取"
                     "（读取时占用的内存约为其十几倍）；真实的年度报告合计一般不到 5 MB，如确需检查，可在配置文件的 limits 中调高此上限")


def _part(zf: zipfile.ZipFile, name: str, keep: int) -> bytes:
    """The first ``keep`` bytes of a part (sizes checked by :func:`check_package`), empty when it cannot be read."""
    try:
        return zf.read(name)[:keep]
    except Exception:  # noqa: BLE001 - a corrupt entry: the message below says what the package is not
        return b""


def _not_word(zf: zipfile.ZipFile, names: set[str]) -> InputError:
    if "xl/workbook.xml" in names:
        return InputError("这是 Excel 工作簿，不是 Word 文档；请将年度报告另存为 .docx 或 .pdf 后再检查")
    if "ppt/presentation.xml" in names:
        return InputError("这是 PowerPoint 演示文稿，不是 Word 文档；请将年度报告另存为 .docx 或 .pdf 后再检查")
    if "mimetype" in names and b"opendocument.text" in _part(zf, "mimetype", 100):
        return InputError("这是 OpenDocument 文本，只是扩展名为 .docx（压缩包中的 mimetype 不在开头）；请把扩展名改为 .odt 后再检查")
    if "_rels/.rels" in names and b"purl.oclc.org/ooxml" in _part(zf, "_rels/.rels", 20000):
        return InputError("这是“严格 Open XML”格式的文档，暂不支持；请在 Word 中另存为“Word 文档（*.docx）”后再检查")
    if "word/document.xml" in names:
        return InputError(f"文件的包结构不完整（缺少内容类型或关系清单），不是有效的 .docx 文件；{FIX_AS_DOCX}")
    return InputError(f"压缩包中没有 Word 正文（word/document.xml），不是有效的 .docx 文件；{FIX_AS_DOCX}")


_CORRUPT = f"文件已损坏或不完整（压缩数据无法解压，可能在下载或复制时被截断）；请重新获取原文件，{_FIX_OR}"


def open_document(data: bytes):
    """The python-docx document of ``data`` (checked by :func:`check_package`), or one :class:`InputError`."""
    try:
        return docx.Document(io.BytesIO(data))
    except ValueError as exc:
        msg = str(exc)
        if "macroEnabled" in msg:
            raise InputError("这是启用宏的 Word 文档（.docm），请在 Word 中另存为不含宏的 .docx 后再检查") from None
        if "template" in msg.lower():
            raise InputError("这是 Word 模板（.dotx），请在 Word 或 WPS 中另存为 .docx 后再检查") from None
        if "content type" in msg:
            raise InputError(f"压缩包中的主文档不是 Word 正文，不是有效的 .docx 文件；{FIX_AS_DOCX}") from None
        raise InputError(f"文件已损坏，无法读取；{FIX_AS_DOCX}") from None
    except etree.XMLSyntaxError as exc:
        raise _xml_error(exc) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, zipfile.LargeZipFile):
        raise InputError(_CORRUPT) from None
    except KeyError:
        zf = zipfile.ZipFile(io.BytesIO(data))
        raise _not_word(zf, set(zf.namelist())) from None
    except Exception as exc:  # noqa: BLE001 - PackageNotFoundError, lxml errors, anything python-docx trips on
        if type(exc).__name__ == "PackageNotFoundError":
            zf = zipfile.ZipFile(io.BytesIO(data))
            raise _not_word(zf, set(zf.namelist())) from None
        raise InputError(f"文件已损坏，无法读取（{type(exc).__name__}）；{FIX_AS_DOCX}") from None


def _xml_error(exc) -> InputError:
    msg = str(exc).lower()
    if "entity" in msg or "amplification" in msg:
        return InputError("文件中的 XML 含有异常的实体定义（可能是恶意构造的文件），已拒绝读取")
    if "depth" in msg:
        return InputError("文件中的 XML 嵌套过深（可能是恶意构造的文件），已拒绝读取")
    line = getattr(exc, "lineno", None)
    where = f"（第{line}行附近）" if line else ""
    return InputError(f"文件中的 XML 已损坏{where}，无法读取；{FIX_AS_DOCX}")
