"""Rich Text Format (``.rtf``): striprtf turns it into plain text, then paragraphs are found as in
a text file; title and author come from the ``{\\info}`` group."""

from __future__ import annotations

import codecs
import re
from typing import TYPE_CHECKING

from desktop.engine.errors import InputError
from desktop.engine.readers import text as plain
from desktop.engine.readers.assemble import assemble

if TYPE_CHECKING:
    from desktop.engine.model import Extracted

LIBRARIES = ("striprtf.striprtf",)
"""What this reader imports when it first reads: imported before a reading child is forked."""

_CODEPAGE = re.compile(rb"\\ansicpg(\d+)")
_INFO = re.compile(rb"\{\\(title|author|creatim)\s*([^{}]*)\}")
_ESCAPE = re.compile(rb"\\'([0-9a-fA-F]{2})")


def read(data: bytes, source: str = "-") -> Extracted:
    if not data.strip():
        raise InputError(f"{source}: is empty")
    if not data.lstrip().startswith(b"{\\rtf"):
        raise InputError(f"{source}: is not an RTF document (no {{\\rtf header)")
    from striprtf.striprtf import rtf_to_text

    encoding = _encoding(data)
    # RTF is 7-bit: its non-ASCII characters are escapes that striprtf decodes itself.
    try:
        body = rtf_to_text(data.decode("latin-1"), encoding=encoding, errors="replace")
    except (ValueError, OverflowError, IndexError) as exc:  # e.g. a \u escape out of range
        raise InputError(f"{source}: is not a valid RTF document ({exc})") from None
    info = {key.decode(): _info_text(value, encoding) for key, value in _INFO.findall(data[:65536])}
    found = plain.from_text(body, source, fmt="rtf")
    return assemble(
        ((found.text[b.start : b.end], b.kind) for b in found.blocks),
        source,
        "rtf",
        title=info.get("title", ""),
        author=info.get("author", ""),
    )


def _encoding(data: bytes) -> str:
    found = _CODEPAGE.search(data[:4096])
    name = f"cp{int(found.group(1))}" if found else "cp1252"
    try:
        codecs.lookup(name)
    except LookupError:
        return "cp1252"
    return name


def _info_text(value: bytes, encoding: str) -> str:
    raw = _ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), value)
    return " ".join(raw.decode(encoding, errors="replace").split())
