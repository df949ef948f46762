"""OpenDocument text (``.odt``): headings, paragraphs, lists and tables in order, title and author
from ``meta.xml``. Read as a zip plus defusedxml, no ODF library needed for reading."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.engine.errors import InputError
from desktop.engine.model import Extracted, Kind
from desktop.engine.readers import xmlsafe
from desktop.engine.readers.archive import open_zip, read_member
from desktop.engine.readers.assemble import assemble, row_kind

if TYPE_CHECKING:
    from collections.abc import Iterator
    from xml.etree.ElementTree import Element

LIBRARIES = ("defusedxml.ElementTree",)
"""What this reader imports when it first reads: imported before a reading child is forked."""

_WHAT = "OpenDocument text (.odt)"
_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
}
_CAPTION_STYLES = ("caption", "illustration", "figure", "table", "drawing")


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


def read(data: bytes, source: str = "-") -> Extracted:
    if not data.strip():
        raise InputError(f"{source}: is empty")
    with open_zip(data, source, _WHAT) as archive:
        content = xmlsafe.parse(read_member(archive, "content.xml", source, _WHAT), source, _WHAT)
        names = set(archive.namelist())
        meta = (
            xmlsafe.parse(read_member(archive, "meta.xml", source, _WHAT), source, _WHAT)
            if "meta.xml" in names
            else None
        )
    body = content.find("office:body/office:text", _NS)
    if body is None:
        raise InputError(f"{source}: is not a text document (no office:text body)")
    parents = {
        s.get(_q("style:name")): s.get(_q("style:parent-style-name")) or ""
        for s in content.iterfind("office:automatic-styles/style:style", _NS)
    }

    def field(path: str) -> str:
        element = meta.find(f"office:meta/{path}", _NS) if meta is not None else None
        return (element.text or "") if element is not None else ""

    try:
        return assemble(
            _pieces(body, parents),
            source,
            "odt",
            title=field("dc:title"),
            author=field("dc:creator") or field("meta:initial-creator"),
            date=(field("dc:date") or field("meta:creation-date"))[:10],
        )
    except RecursionError:  # sections or spans nested thousands deep: no real document does that
        raise InputError(f"{source}: is not a valid {_WHAT} (nested too deeply)") from None


def _pieces(container: Element, parents: dict[str | None, str]) -> Iterator[tuple[str, Kind]]:
    for element in container:
        if element.tag == _q("text:h"):
            yield _inline(element), Kind.HEADING
        elif element.tag == _q("text:p"):
            yield _inline(element), _kind(element.get(_q("text:style-name")) or "", parents)
        elif element.tag == _q("table:table"):
            for row in element.iter(_q("table:table-row")):
                cells = (" ".join(_inline(c).split()) for c in row.iter(_q("text:p")))
                line = " | ".join(c for c in cells if c)
                yield line, row_kind(line)
        elif element.tag in (
            _q("text:list"),
            _q("text:list-item"),
            _q("text:list-header"),
            _q("text:section"),
        ):
            yield from _pieces(element, parents)


def _kind(style: str, parents: dict[str | None, str]) -> Kind:
    """A paragraph style's kind; an automatic style (``P1``) stands for its parent style."""
    name = (parents.get(style) or style).replace("_20_", " ").lower()
    if name == "title":
        return Kind.TITLE
    if name == "subtitle" or name.startswith("heading"):
        return Kind.HEADING
    if name in _CAPTION_STYLES:
        return Kind.CAPTION
    return Kind.BODY


def _inline(element: Element) -> str:
    """A paragraph's text: spans and links read through, ``text:s`` spaces, tabs and line breaks
    kept, footnotes, comments and frames left out (they are not the paragraph's sentence)."""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == _q("text:s"):
            count = child.get(_q("text:c")) or "1"
            parts.append(" " * min(int(count) if count.isdigit() else 1, 100))
        elif tag == _q("text:tab"):
            parts.append("\t")
        elif tag == _q("text:line-break"):
            parts.append("\n")
        elif tag not in (_q("text:note"), _q("office:annotation")) and not tag.startswith(
            "{urn:oasis:names:tc:opendocument:xmlns:drawing"
        ):
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)
