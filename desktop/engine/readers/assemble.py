"""Turn the blocks a structured reader found into an ``Extracted`` with exact spans.

Structured formats (HTML, docx, PDF…) know their paragraphs; this joins them with a blank line so
that every block is one ``(start, end)`` span of the text and plain-text tools still see paragraphs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from desktop.engine.errors import InputError
from desktop.engine.model import Block, Extracted, Kind
from desktop.engine.readers import metadata

if TYPE_CHECKING:
    from collections.abc import Iterable

SEPARATOR = "\n\n"
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_FINAL = re.compile(r"[.!?…。！？:;\"'”“»«)]\s*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b\ufeff]")


def tidy(text: str) -> str:
    """One block's text: runs of spaces collapsed, each line trimmed, blank lines dropped.

    Line breaks inside a block are kept (a ``<br>``, a verse line); a blank line would split the
    block when the text is read again as plain text, so none survives.
    """
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def row_kind(row: str) -> Kind:
    """A table row of prose (a layout table) is body text; a row of data is shown with the article
    but is no sentence to summarise."""
    return Kind.BODY if len(row.split()) >= 8 and _FINAL.search(row) else Kind.CAPTION


def assemble(
    pieces: Iterable[tuple[str, Kind]],
    source: str,
    fmt: str,
    *,
    title: str = "",
    author: str = "",
    date: str = "",
    url: str = "",
    site: str = "",
    description: str = "",
) -> Extracted:
    """Join the pieces (text, kind) into one text; empty pieces are dropped. ``site`` (the
    outlet's name) is taken out of the title and the authors."""
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for raw, kind in pieces:
        piece = tidy(raw)
        if not piece:
            continue
        if parts:
            pos += len(SEPARATOR)
        parts.append(piece)
        blocks.append(Block(pos, pos + len(piece), kind))
        pos += len(piece)
    if not blocks:
        raise InputError(f"{source}: holds no text")
    return Extracted(
        text=SEPARATOR.join(parts),
        blocks=tuple(blocks),
        title=metadata.title(tidy(title).replace("\n", " "), site, url),
        author=metadata.authors(tidy(author).replace("\n", " "), site, url),
        date=date.strip(),
        url=url.strip(),
        site=tidy(site).replace("\n", " "),
        description=tidy(description).replace("\n", " "),
        format=fmt,
        source=source,
    )
