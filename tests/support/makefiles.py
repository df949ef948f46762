"""Generators for test documents of every format, so no test depends on a downloaded file."""

from __future__ import annotations

import io
import zipfile
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

Line = tuple[float, float, float, str] | tuple[float, float, float, str, str]
"""x, y from the bottom, font size, text, and optionally the font: Helvetica unless "Courier"."""
Rect = tuple[float, float, float, float]  # left, bottom, right, top


def pdf(
    pages: list[list[Line]],
    info: dict[str, str] | None = None,
    links: list[list[Rect]] | None = None,
) -> bytes:
    """A minimal, valid PDF: Helvetica text lines placed at the given positions (A4 pages), with
    link annotations over the given areas of each page (as a browser prints a page's links)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    mono = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding "
        b"/FirstChar 32 /LastChar 255 /Widths [%s] /FontDescriptor << /Type /FontDescriptor "
        b"/FontName /Courier /Flags 33 /FontBBox [-23 -250 715 805] /ItalicAngle 0 /Ascent 629 "
        b"/Descent -157 /CapHeight 562 /StemV 51 >> >>" % b" ".join([b"600"] * 224)
    )  # its descriptor says FixedPitch, as the monospace fonts a browser embeds do
    wide = sorted(
        {c for page in pages for _, _, _, text, *_ in page if _is_wide(text) for c in text}
    )
    cid_font = add(_cid_font(wide, add)) if wide else font
    pages_id = add(b"")
    kids = []
    for number, lines in enumerate(pages):
        annots = [
            add(
                b"<< /Type /Annot /Subtype /Link /Rect [%g %g %g %g] /Border [0 0 0] "
                b"/A << /S /URI /URI (https://example.org/) >> >>" % rect
            )
            for rect in (links[number] if links and number < len(links) else [])
        ]
        ops = [
            b"BT /F2 %g Tf %g %g Td <%s> Tj ET"
            % (size, x, y, b"".join(b"%04x" % (wide.index(c) + 1) for c in text))
            if _is_wide(text)
            else b"BT /F%d %g Tf %g %g Td (%s) Tj ET"
            % (3 if face == ["Courier"] else 1, size, x, y, _pdf_string(text))
            for x, y, size, text, *face in lines
        ]
        stream = b"\n".join(ops)
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R /F3 %d 0 R >> >> "
                b"/Contents %d 0 R /Annots [%s] >>"
                % (
                    pages_id,
                    font,
                    cid_font,
                    mono,
                    content,
                    b" ".join(b"%d 0 R" % a for a in annots),
                )
            )
        )
    refs = b" ".join(b"%d 0 R" % k for k in kids)
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (refs, len(kids))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    entries = b" ".join(b"/%s (%s)" % (k.encode(), _pdf_string(v)) for k, v in (info or {}).items())
    info_id = add(b"<< %s >>" % entries)
    return pdf_of(objects, catalog, b" /Info %d 0 R" % info_id)


def pdf_of(objects: list[bytes], root: int, trailer: bytes = b"") -> bytes:
    """A PDF file of these objects (numbered from 1) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        trailer,
        xref,
    )
    return bytes(out)


def _is_wide(text: str) -> bool:
    return any(ord(c) > 0xFF for c in text)


def _cid_font(chars: list[str], add: Callable[[bytes], int]) -> bytes:
    """A Type 0 font for lines in other scripts (Chinese, Japanese): character n of ``chars`` is
    glyph n + 1, one em wide, and its ToUnicode map gives the text back (no glyphs embedded)."""
    pairs = b"".join(b"<%04x> <%04x>\n" % (i + 1, ord(c)) for i, c in enumerate(chars))
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def "
        b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def "
        b"1 begincodespacerange <0000> <ffff> endcodespacerange\n"
        b"%d beginbfchar\n%sendbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
        % (len(chars), pairs)
    )
    to_unicode = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap))
    descriptor = add(
        b"<< /Type /FontDescriptor /FontName /Song /Flags 4 /FontBBox [0 -120 1000 880] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>"
    )
    descendant = add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Song /CIDToGIDMap /Identity "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor %d 0 R /DW 1000 >>" % descriptor
    )
    return (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Song /Encoding /Identity-H "
        b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (descendant, to_unicode)
    )


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def zipped(members: dict[str, bytes | str], stored: tuple[str, ...] = ("mimetype",)) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            compress = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=compress)
    return buffer.getvalue()


def odt(body: str, title: str = "", author: str = "", styles: str = "") -> bytes:
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}>'
        f"<office:automatic-styles>{styles}</office:automatic-styles>"
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {ns}><office:meta>'
        f"<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator>"
        f"<dc:date>2024-03-05T10:00:00</dc:date></office:meta></office:document-meta>"
    )
    return zipped(
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "content.xml": content,
            "meta.xml": meta,
        }
    )


def epub(chapters: list[tuple[str, str]], spine: list[str], title: str, author: str) -> bytes:
    """``chapters``: (file name, XHTML body) in manifest order; ``spine``: file names in reading
    order. A navigation document is added to the manifest (not read as a chapter)."""
    manifest = "".join(
        f'<item id="{name}" href="{name}" media-type="application/xhtml+xml"/>'
        for name, _ in chapters
    )
    manifest += (
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
    )
    itemrefs = "".join(f'<itemref idref="{name}"/>' for name in spine)
    opf = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator>"
        '<dc:identifier id="id">test</dc:identifier><dc:language>en</dc:language></metadata>'
        f'<manifest>{manifest}</manifest><spine><itemref idref="nav" linear="no"/>'
        f"{itemrefs}</spine>"
        "</package>"
    )
    container = (
        '<?xml version="1.0"?><container version="1.0" '
        'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
        '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
        "</rootfiles></container>"
    )
    members: dict[str, bytes | str] = {
        "mimetype": "application/epub+zip",
        "META-INF/container.xml": container,
        "OEBPS/content.opf": opf,
        "OEBPS/nav.xhtml": _xhtml("<nav><ol><li>Contents: Table of contents</li></ol></nav>"),
    }
    members.update({f"OEBPS/{name}": _xhtml(body) for name, body in chapters})
    return zipped(members)


def _xhtml(body: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
        f"<head><title>Chapter</title></head><body>{body}</body></html>"
    )


def docx(build: Callable[[Any], object]) -> bytes:
    """A Word document that ``build(document)`` fills through python-docx."""
    import docx as python_docx

    document = python_docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def edited(archive: bytes, edit: Callable[[str, str], str]) -> bytes:
    """A zip-based document with each XML member's text replaced by ``edit(name, text)``: to
    give a generated file the shape another program writes."""
    with zipfile.ZipFile(io.BytesIO(archive)) as source:
        members: dict[str, bytes | str] = {}
        for name in source.namelist():
            data = source.read(name)
            xml = name.endswith((".xml", ".rels"))
            members[name] = edit(name, data.decode("utf-8")) if xml else data
    return zipped(members)


def mhtml(page: str) -> bytes:
    message = MIMEMultipart("related", type="text/html")
    message["From"] = "<Saved by Blink>"
    message["Subject"] = "Saved page"
    message.attach(MIMEText(page, "html", "utf-8"))
    message.attach(MIMEText("body { color: red }", "css", "utf-8"))
    return message.as_bytes()


def zip_bomb(member: str, megabytes: int = 120) -> bytes:
    """A small zip whose one member inflates to ``megabytes`` of zeros, written in chunks so the
    test itself never holds it in memory."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open(member, "w") as out:
            chunk = b"0" * (1 << 20)
            for _ in range(megabytes):
                out.write(chunk)
    return buffer.getvalue()
