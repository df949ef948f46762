"""Plain text: decode whatever encoding a real file has, normalise newlines, find paragraphs."""

from __future__ import annotations

import codecs
import re

from desktop.engine.errors import InputError
from desktop.engine.model import Block, Extracted

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_FINAL = re.compile(r"[.!?…:;\"'”“»«)\]]\s*$")


def decode(data: bytes, source: str = "-") -> str:
    """Decode bytes to text: BOMs first, then strict UTF-8, then charset detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:2_000_000]).best()
    if best is None:
        raise InputError(f"{source}: looks like a binary file, not text")
    return data.decode(best.encoding, errors="replace")


def looks_binary(text: str) -> bool:
    sample = text[:100_000]
    if not sample:
        return False
    controls = sum(1 for c in sample if c < " " and c not in "\n\r\t\f")
    return controls / len(sample) > 0.05 or sample.count("\ufffd") / len(sample) > 0.1


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def blocks_of(text: str) -> tuple[Block, ...]:
    """Paragraph spans of plain text.

    Blank lines always end a paragraph. Inside a blank-line block a single line break also ends
    one when the line is complete (ends in final punctuation) or is a heading-like short line,
    because pasted web pages put each paragraph on one line; hard-wrapped prose continues.
    """
    blocks: list[Block] = []
    start: int | None = None
    pos = 0
    lines = text.split("\n")
    for i, line in enumerate(lines):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        if not line.strip():
            if start is not None:
                blocks.append(_trimmed(text, start, prev_end))
                start = None
            continue
        if start is None:
            start = line_start
        prev_end = line_end
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if nxt.strip() and (_complete(line) or _short(line) or _short(nxt)):
            blocks.append(_trimmed(text, start, line_end))
            start = None
    if start is not None:
        blocks.append(_trimmed(text, start, prev_end))
    return tuple(b for b in blocks if b.end > b.start)


def _complete(line: str) -> bool:
    return bool(_FINAL.search(line))


def _short(line: str) -> bool:
    return len(line.split()) <= 12 and not _complete(line)


def _trimmed(text: str, start: int, end: int) -> Block:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Block(start, end)


def from_text(text: str, source: str = "-", fmt: str = "txt") -> Extracted:
    text = normalise_newlines(text).replace("\x00", "")
    if looks_binary(text):
        raise InputError(f"{source}: looks like a binary file, not text")
    blocks = blocks_of(text)
    if not blocks:
        raise InputError(f"{source}: holds no text")
    return Extracted(text=text, blocks=blocks, format=fmt, source=source)


def read(data: bytes, source: str = "-") -> Extracted:
    if not data.strip():
        raise InputError(f"{source}: is empty")
    return from_text(decode(data, source), source)
