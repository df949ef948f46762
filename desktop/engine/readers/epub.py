"""E-books (``.epub``): the chapters in reading order (the package's spine), each chapter's
headings and paragraphs as in a web page, title and author from the package metadata.

Read as a zip plus defusedxml for the package files; chapters go through the same safe HTML parser
as saved pages, but all of a chapter is content, so no main-content guessing.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING
from urllib.parse import unquote

from desktop.engine.errors import InputError
from desktop.engine.readers import html, xmlsafe
from desktop.engine.readers.archive import open_zip, read_member
from desktop.engine.readers.assemble import assemble

if TYPE_CHECKING:
    import zipfile
    from xml.etree.ElementTree import Element

    from desktop.engine.model import Extracted, Kind

LIBRARIES = ("defusedxml.ElementTree", "lxml.html")
"""What this reader imports when it first reads: imported before a reading child is forked."""

_WHAT = "EPUB e-book"
_NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
}
_CHAPTER_TYPES = ("application/xhtml+xml", "text/html", "application/x-dtbook+xml")


def read(data: bytes, source: str = "-") -> Extracted:
    if not data.strip():
        raise InputError(f"{source}: is empty")
    with open_zip(data, source, _WHAT) as archive:
        container = _xml(archive, "META-INF/container.xml", source)
        rootfile = container.find("c:rootfiles/c:rootfile", _NS)
        opf_path = rootfile.get("full-path") if rootfile is not None else None
        if not opf_path:
            raise InputError(f"{source}: is not a valid {_WHAT} (no package file)")
        package = _xml(archive, opf_path, source)
        base = posixpath.dirname(opf_path)
        pieces: list[tuple[str, Kind]] = []
        for path in _spine(package, base):
            page = html.decode(read_member(archive, path, source, _WHAT), source)
            pieces.extend(html.whole_page(html.parse(page, source), furniture=False))

    def meta(name: str) -> str:
        element = package.find(f"opf:metadata/dc:{name}", _NS)
        return " ".join((element.text or "").split()) if element is not None else ""

    return assemble(
        pieces,
        source,
        "epub",
        title=meta("title"),
        author=meta("creator"),
        date=meta("date")[:10],
    )


def _xml(archive: zipfile.ZipFile, name: str, source: str) -> Element:
    return xmlsafe.parse(read_member(archive, name, source, _WHAT), source, _WHAT)


def _spine(package: Element, base: str) -> list[str]:
    """Chapter paths in reading order; non-linear items (notes, pop-ups) and navigation left out."""
    manifest = {
        item.get("id"): item
        for item in package.iterfind("opf:manifest/opf:item", _NS)
        if item.get("id")
    }
    paths = []
    for ref in package.iterfind("opf:spine/opf:itemref", _NS):
        item = manifest.get(ref.get("idref"))
        if item is None or ref.get("linear") == "no":
            continue
        if item.get("media-type") not in _CHAPTER_TYPES or "nav" in (item.get("properties") or ""):
            continue
        href = unquote((item.get("href") or "").split("#")[0])
        if href:
            paths.append(posixpath.normpath(posixpath.join(base, href)))
    # Each chapter once: a spine that lists one small chapter thousands of times would otherwise
    # inflate it again each time, past every size check of the zip (an amplification bomb).
    return list(dict.fromkeys(paths))
