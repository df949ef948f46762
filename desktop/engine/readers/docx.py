"""Word documents (``.docx``): paragraphs in order (text boxes and layout tables included),
headings by style, title and author from the document's properties. python-docx parses with
entities left unresolved; the zip is checked first.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any

from desktop.engine.errors import InputError
from desktop.engine.model import Extracted, Kind
from desktop.engine.readers.archive import open_zip, repacked
from desktop.engine.readers.assemble import assemble, row_kind

if TYPE_CHECKING:
    from collections.abc import Iterator

LIBRARIES = ("docx", "docx.oxml.ns", "docx.table", "docx.text.paragraph")
"""What this reader imports when it first reads: imported before a reading child is forked."""

_WHAT = "Word document (.docx)"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# A hyperlink relationship without TargetMode="External" (LibreOffice writes ``Target="#"``) would
# make python-docx look for a part named "word/#"; a hyperlink never points to a part.
_INTERNAL_LINK = re.compile(rb"<Relationship\b(?=[^>]*/hyperlink\")(?![^>]*\bTargetMode=)")


def read(data: bytes, source: str = "-") -> Extracted:
    if not data.strip():
        raise InputError(f"{source}: is empty")
    with open_zip(data, source, _WHAT) as archive:
        data = repacked(archive, source, _WHAT, _mend)
    import zipfile
    import zlib

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        pieces = list(_pieces(document))
        props = document.core_properties
        title, author, created = props.title, props.author, props.created
    except (
        PackageNotFoundError,
        KeyError,
        ValueError,
        AttributeError,
        SyntaxError,
        TypeError,  # a relationship without a target
    ) as exc:
        raise InputError(f"{source}: is not a valid {_WHAT} ({exc})") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError):
        # A damaged member (bad CRC, header, compression method): the central directory was fine.
        raise InputError(f"{source}: is not a valid {_WHAT} (damaged zip archive)") from None
    return assemble(
        pieces,
        source,
        "docx",
        title=title or "",
        author=author or "",
        date=created.date().isoformat() if created else "",
    )


def _mend(name: str, data: bytes) -> bytes:
    if not name.endswith(".rels"):
        return data
    return _INTERNAL_LINK.sub(b'<Relationship TargetMode="External"', data)


def _pieces(document: Any) -> Iterator[tuple[str, Kind]]:
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    paragraph_tag, table_tag, box_tag = qn("w:p"), qn("w:tbl"), qn("w:txbxContent")

    def walk(container: Any) -> Iterator[tuple[str, Kind]]:
        for element in container.iterchildren():
            if element.tag == paragraph_tag:
                paragraph = Paragraph(element, document)
                yield paragraph.text, _kind(paragraph.style)
                for box in _boxes(element, box_tag):
                    yield from walk(box)
            elif element.tag == table_tag:
                if _is_layout(element, paragraph_tag, table_tag):
                    # A page laid out in a table: each cell holds paragraphs of its own.
                    for cell in element.iter(qn("w:tc")):
                        if next(cell.iterancestors(table_tag)) is element:
                            yield from walk(cell)
                else:
                    yield from _rows(Table(element, document))
            elif element.tag == qn("w:sdt"):
                # Content controls (cover pages, forms) hold ordinary paragraphs.
                content = element.find(qn("w:sdtContent"))
                if content is not None:
                    yield from walk(content)

    yield from walk(document.element.body)


def _boxes(paragraph: Any, box_tag: str) -> Iterator[Any]:
    """The text boxes anchored in a paragraph, each once: a box is stored twice (DrawingML and a
    VML ``mc:Fallback`` copy), and a box inside a box is read with its outer box."""
    for box in paragraph.iter(box_tag):
        ancestors = list(box.iterancestors())
        inner = ancestors[: ancestors.index(paragraph)]
        if not any(a.tag in (_FALLBACK, box_tag) for a in inner):
            yield box


def _is_layout(table: Any, paragraph_tag: str, table_tag: str) -> bool:
    """A table whose cells hold several paragraphs or tables lays out a page; it holds no data."""
    for cell in table.iter(table_tag.replace("tbl", "tc")):
        blocks = [c for c in cell.iterchildren() if c.tag in (paragraph_tag, table_tag)]
        if len(blocks) > 1 or any(c.tag == table_tag for c in blocks):
            return True
    return False


def _kind(style: Any) -> Kind:
    """Headings by style, following a custom style back to the built-in one it is based on."""
    for _ in range(8):
        if style is None:
            break
        name = (style.name or "").lower()
        if name == "title":
            return Kind.TITLE
        if name.startswith("heading") or name == "subtitle":
            return Kind.HEADING
        if name == "caption":
            return Kind.CAPTION
        style = style.base_style
    return Kind.BODY


def _rows(table: Any) -> Iterator[tuple[str, Kind]]:
    """One block per row, merged cells once."""
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        line = " | ".join(cells)
        yield line, row_kind(line)
