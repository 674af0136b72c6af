"""Hostile cases for OFD files (readers/ofd.py, readers/ofd_page.py), zipped by hand: each is read or refused in one
line, within the limits (a zip bomb, entities in Content.xml never expanded nor fetched, a DeltaX repeat of a
billion, PageBlocks 10,000 deep, a million TextObjects on a page, NaN and 1e308 coordinates, a page that is its own
template, a BaseLoc climbing out of the package)."""

from __future__ import annotations

import io
import zipfile

from .build import write
from .catalogue import case, check

NS = "http://www.ofdspec.org/2016"
TEXT = "本机关全年主动公开政府信息。"


def text_object(text: str = TEXT, y: float = 40, attrs: str = "", boundary: str = "") -> str:
    return (f'<ofd:TextObject ID="9" Boundary="{boundary or f"20 {y} 170 10"}" Size="5" Font="2"{attrs}>'
            f'<ofd:TextCode X="0" Y="5" DeltaX="g {len(text) - 1} 5">{text}</ofd:TextCode></ofd:TextObject>')


def ofd(content: str | bytes = "", prolog: str = "", page_loc: str = "Pages/Page_0/Content.xml",
        templates: str = "", page_head: str = "", page_xml: bytes | None = None, stored: bool = False,
        units: str = "") -> bytes:
    """An OFD package of one page whose ``Content`` holds ``content`` (a layer is added around it)."""
    body = content.encode() if isinstance(content, str) else content
    page = page_xml if page_xml is not None else (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<ofd:Page xmlns:ofd="{NS}">{page_head}<ofd:Content>'
        '<ofd:Layer ID="1">'.encode() + body + b"</ofd:Layer></ofd:Content></ofd:Page>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("OFD.xml", f'<ofd:OFD xmlns:ofd="{NS}"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml'
                               "</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
        zf.writestr("Doc_0/Document.xml", f'<ofd:Document xmlns:ofd="{NS}"><ofd:CommonData><ofd:PageArea>'
                                          f"<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>{templates}"
                                          "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>"
                                          f'</ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="{page_loc}"/>'
                                          "</ofd:Pages></ofd:Document>")
        zf.writestr("Doc_0/Pages/Page_0/Content.xml", page)
        zf.writestr("Doc_0/PublicRes.xml", f'<ofd:Res xmlns:ofd="{NS}"><ofd:CompositeGraphicUnits>{units}'
                                           "</ofd:CompositeGraphicUnits></ofd:Res>")
    return buf.getvalue()


@case("files", exit=(1, 2))
def ofd_entities(d):
    """.ofd files whose Content.xml declares a billion laughs, an external entity (a local file) and an external DTD
    on the network: never expanded, never fetched."""
    laughs = '<!DOCTYPE d [<!ENTITY a "lol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]>"
    files = [write(d, "laughs.ofd", ofd(text_object("&j;") + text_object(y=60), laughs)),
             write(d, "external.ofd", ofd(text_object("&x;") + text_object(y=60),
                                          '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>')),
             write(d, "dtd.ofd", ofd(text_object(), '<!DOCTYPE d SYSTEM "http://192.0.2.1/x.dtd">'))]
    return check(d, *files)


@case("files", exit=(1, 2), extra=True)
def ofd_zip_bomb(d):
    """An .ofd whose page inflates to 1 GB of spaces (refused from the zip's directory)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("OFD.xml", f'<ofd:OFD xmlns:ofd="{NS}"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml'
                               "</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
        with zf.open("Doc_0/Pages/Page_0/Content.xml", "w", force_zip64=True) as fh:
            block = b" " * (1 << 20)
            for _ in range(1024):
                fh.write(block)
    return check(d, write(d, "bomb.ofd", buf.getvalue()))


@case("files", exit=(1, 2))
def ofd_delta_repeat(d):
    """A TextCode whose DeltaX repeats an advance a billion times (``g 1000000000 1``): expanded as far as its text."""
    obj = text_object().replace(f'DeltaX="g {len(TEXT) - 1} 5"', 'DeltaX="g 1000000000 1 g 1000000000 5"')
    return check(d, write(d, "delta.ofd", ofd(obj)))


@case("files", exit=(1, 2), extra=True)
def ofd_deep_blocks(d):
    """PageBlocks nested 10,000 deep (libxml2's depth bound: one line) and 200 deep (past the reader's own bound:
    what is deeper is left out, the page is read)."""
    n = 10_000
    deep = "<ofd:PageBlock>" * n + text_object() + "</ofd:PageBlock>" * n
    within = "<ofd:PageBlock>" * 200 + text_object(y=80) + "</ofd:PageBlock>" * 200 + text_object()
    return check(d, write(d, "deep.ofd", ofd(deep)), write(d, "deep200.ofd", ofd(within)))


@case("files", exit=(1, 2), extra=True)
def ofd_million_objects(d):
    """One page of 1,000,000 TextObjects (132 MB of XML deflated 250 times: refused from the zip's directory), and
    one of 300,000 stored (32 MB, within the XML bounds: streamed one object at a time, the page skipped past
    limits.max_pdf_page_objects and said)."""
    one = text_object("字", boundary="20 40 5 5").encode()
    small = b'<ofd:TextObject Boundary="20 40 5 5" Size="5"><ofd:TextCode>\xe5\xad\x97</ofd:TextCode></ofd:TextObject>'
    return check(d, write(d, "million.ofd", ofd(one * 1_000_000 + text_object(y=60).encode())),
                 write(d, "many.ofd", ofd(small * 300_000, stored=True)))


@case("files", exit=(1, 2))
def ofd_composite_loop(d):
    """A composite drawing that draws itself 50 times over (50^4 objects four levels deep, past the page's object
    limit: the page skipped and said), and one naming a unit that does not exist."""
    loop = ('<ofd:CompositeGraphicUnit ID="40"><ofd:Content>' + text_object("套", boundary="0 0 5 5")
            + '<ofd:CompositeObject ID="41" Boundary="1 0 100 10" ResourceID="40"/>' * 50
            + "</ofd:Content></ofd:CompositeGraphicUnit>")
    use = '<ofd:CompositeObject ID="42" Boundary="20 80 100 10" ResourceID="40"/>'
    missing = '<ofd:CompositeObject ID="43" Boundary="20 80 100 10" ResourceID="999"/>'
    return check(d, write(d, "loop.ofd", ofd(text_object() + use, units=loop)),
                 write(d, "missing.ofd", ofd(text_object() + missing, units=loop)))


@case("files", exit=(1, 2))
def ofd_absurd_numbers(d):
    """Coordinates, sizes and paths of NaN, inf and 1e308: left out, never a traceback."""
    objs = (text_object(boundary="nan 40 170 10") + text_object(boundary="1e308 40 170 10")
            + text_object(attrs=' CTM="1e308 0 0 1e308 0 0"', y=50)
            + text_object(y=60).replace('Size="5"', 'Size="inf"')
            + '<ofd:PathObject ID="3" Boundary="0 0 1e308 1e308"><ofd:AbbreviatedData>M 0 0 L nan 1e308 L 1e308 inf C'
            "</ofd:AbbreviatedData></ofd:PathObject>"
            + '<ofd:ImageObject ID="4" Boundary="nan nan inf inf" ResourceID="1"/>'
            + text_object(y=80))
    return check(d, write(d, "numbers.ofd", ofd(objs)))


@case("files", exit=(1, 2))
def ofd_self_template_and_escaping_paths(d):
    """A page whose template is the page itself (read once, not forever); a BaseLoc ``../../etc/passwd`` and an
    absolute one (names looked up in the zip only: nothing outside it is read)."""
    tpl = '<ofd:TemplatePage ID="7" BaseLoc="Pages/Page_0/Content.xml"/>'
    head = '<ofd:Template TemplateID="7"/>'
    files = [write(d, "self.ofd", ofd(text_object(), templates=tpl, page_head=head)),
             write(d, "escape.ofd", ofd(text_object(), page_loc="../../etc/passwd")),
             write(d, "absolute.ofd", ofd(text_object(), page_loc="/etc/passwd"))]
    return check(d, *files)


@case("files", exit=(1, 2), extra=True)
def ofd_many_pages(d):
    """A Document.xml listing 600,000 pages (stored, 35 MB, within the XML bounds): counted as it streams, the first
    limits.max_pdf_pages read, the rest said (DL002)."""
    refs = "".join(f'<ofd:Page ID="{i}" BaseLoc="Pages/Page_0/Content.xml"/>' for i in range(600_000))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("OFD.xml", f'<ofd:OFD xmlns:ofd="{NS}"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml'
                               "</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
        zf.writestr("Doc_0/Document.xml", f'<ofd:Document xmlns:ofd="{NS}"><ofd:Pages>{refs}</ofd:Pages></ofd:Document>')
        zf.writestr("Doc_0/Pages/Page_0/Content.xml", f'<ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer ID="1">'
                                                      f"{text_object()}</ofd:Layer></ofd:Content></ofd:Page>")
    return check(d, write(d, "pages.ofd", buf.getvalue()))
