"""Plain text: decode whatever encoding a real file has, normalise newlines, find paragraphs."""

from __future__ import annotations

import codecs
import re
from functools import cache
from itertools import pairwise

from desktop.engine.errors import OFFLINE, InputError
from desktop.engine.model import Block, Extracted

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its BOM starts with UTF-16 LE's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_FINAL = re.compile(r"[.!?…:;。！？\"'”“»«)\]]\s*$")
_JUNK_BYTES = bytes([*range(0x09), *range(0x0E, 0x20), 0x7F])
"""``_junk``'s controls in UTF-8: bytes that no other character's encoding holds."""
_BLANK_LINES = re.compile(r"\n[ \t\n]*\n")  # one character class: no backtracking state per line
_UNTIDY = re.compile(r"\n[ \t\n]+\n")  # where ``_BLANK_LINES`` changes the text
# Other line and page breaks, replaced one by one: str.translate looks up every character in
# Python (0.9 s CPU on 11 MB of text), str.replace scans in C (0.01 s).
_BREAKS = (("\x0b", "\n"), ("\x0c", "\n\n"), ("\x85", "\n"), ("\u2028", "\n"), ("\u2029", "\n\n"))
_BULLETS = r"[•·▪●◦‣⁃*\-–—]"  # what opens a list item, besides numbers and letters
_ITEM = re.compile(rf"(?:{_BULLETS}|\d{{1,3}}[.)]|[a-z][.)])\s")  # a list item's mark
_WRAP_MIN, _WRAP_MAX = 40, 200
# A web address and nothing else: a link copied, dragged or typed ("https:/…" is one a path kept).
_ADDRESS = re.compile(r"(?:https?:/{1,2}|www\.)\S+", re.IGNORECASE)


# Codecs Python finds by name that decode no document's text: a declared charset naming one is
# ignored as if it named nothing.
_NOT_DOCUMENT_ENCODINGS = frozenset(
    {"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape", "charmap", "utf-7"}
)


def text_encoding(label: str) -> str | None:
    """Python's codec for a charset a document declares, or None when there is none or it is no
    text encoding (``idna``, ``punycode``, ``undefined``, ``rot13``, ``base64``…)."""
    try:
        info = codecs.lookup(label.strip())
    except (LookupError, ValueError, TypeError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_DOCUMENT_ENCODINGS:
        return None
    return info.name


def decode(data: bytes, source: str = "-") -> str:
    """Decode bytes to text: BOMs first, then strict UTF-8, then charset detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _looks_utf16(data):
        encoding = "utf-16-le" if data[1::2].count(0) > data[::2].count(0) else "utf-16-be"
        return data.decode(encoding, errors="replace")  # a lone surrogate is no reason to fail
    from charset_normalizer import from_bytes

    best = from_bytes(data[:2_000_000]).best()
    if best is None:
        raise InputError(f"{source}: looks like a binary file, not text")
    return data.decode(best.encoding, errors="replace")


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: text in a Latin script has a zero in every other byte."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return False
    zeros = max(sample[::2].count(0), sample[1::2].count(0))
    return zeros > 0.4 * len(sample) / 2 and min(sample[::2].count(0), sample[1::2].count(0)) == 0


def looks_binary(text: str) -> bool:
    sample = text[:100_000]
    if not sample:
        return False
    controls = sum(1 for c in sample if c < " " and c not in "\n\r\t\f\v")
    return controls / len(sample) > 0.05 or sample.count("\ufffd") / len(sample) > 0.1


def normalise(text: str) -> str:
    """One newline convention, no control characters, no lone surrogates, no leading BOM."""
    if "\r" in text:  # found with memchr; replacing a two-character string scans slower
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for mark, newline in _BREAKS:
        if mark in text:  # replacing by a longer string scans 5 times slower than looking
            text = text.replace(mark, newline)
    text = text.lstrip("\ufeff")
    # Blank lines beyond one say nothing more; ten million of them took 1.1 GB as lines. Most
    # texts have none to remove, and looking costs a third of replacing each "\n\n" by itself.
    text = _without_junk(text)
    return _BLANK_LINES.sub("\n\n", text) if _UNTIDY.search(text) else text


def _without_junk(text: str) -> str:
    """``text`` without ``_junk``'s characters. Most texts hold none, and that is found in C:
    a lone surrogate cannot be encoded, a control is a byte of the encoding (the expression
    looks at every character in Python's engine, 0.05 s on 10 MB; this 0.02 s)."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return _junk().sub("", text)
    return text if len(data.translate(None, _JUNK_BYTES)) == len(data) else _junk().sub("", text)


@cache
def _junk() -> re.Pattern[str]:
    """C0 controls other than tab and newline, DEL, and lone surrogates (pasted from broken
    sources): none is text, and a lone surrogate cannot even be written out again as UTF-8.

    Compiled on first use (4 million instructions at every start): most texts hold none."""
    return re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]")


_Line = tuple[int, int, str]
"""A line's start, its end without trailing white space, and its text stripped."""


def blocks_of(text: str) -> tuple[Block, ...]:
    """Paragraph spans of plain text.

    A blank line always ends a paragraph. A single line break ends one too, unless the text is
    hard-wrapped prose and the next line's first word would not have fitted on this line, or the
    next line plainly continues this one (it starts in lower case after a line without final
    punctuation). So pasted web pages (one paragraph per line, headings on lines of their own)
    and wrapped e-mails or PDFs both come out right.
    """
    lines = _lines(text)
    width = _wrap_width(lines)
    blocks: list[Block] = []
    start: int | None = None
    for line, nxt in zip(lines, [*lines[1:], None], strict=True):
        if line is None:
            continue
        if start is None:
            start = line[0]
        if nxt is None or not _continues(line, nxt, width):
            blocks.append(Block(start, line[1]))
            start = None
    return tuple(blocks)


def _lines(text: str) -> list[_Line | None]:
    """Each line of ``text``, None for a blank one. Tuples: a frozen dataclass's ``__init__``
    cost 1 µs a line."""
    lines: list[_Line | None] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            # The first character kept is not white space: its first occurrence is after
            # the white space that leads the line.
            start = pos if len(stripped) == len(raw) else pos + raw.find(stripped[0])
            lines.append((start, start + len(stripped), stripped))
        else:
            lines.append(None)
        pos += len(raw) + 1
    return lines


def _wrap_width(lines: list[_Line | None]) -> int:
    """The column the text is hard-wrapped at, or 0 when it is not hard-wrapped.

    Wrapped prose has most lines that are followed by another line of the same paragraph close
    to one width; text with one paragraph per line has lines of any length.
    """
    inner = sorted(
        len(line[2]) for line, nxt in pairwise(lines) if line is not None and nxt is not None
    )
    if len(inner) < 3:
        return 0
    width = inner[int(0.9 * (len(inner) - 1))]
    if not _WRAP_MIN <= width <= _WRAP_MAX:
        return 0
    near = sum(1 for n in inner if n >= 0.6 * width)
    return width if near >= 0.6 * len(inner) else 0


def _continues(line: _Line, nxt: _Line, width: int) -> bool:
    """Whether ``nxt`` continues the paragraph of ``line`` across a single line break."""
    text, following = line[2], nxt[2]
    if _ITEM.match(following):
        return False
    # A line is stripped, so ``_FINAL`` can only match its last character: searched on the whole
    # line, it tries every position.
    final = _FINAL.search(text[-1:]) is not None
    if following[:1].islower() and not final:
        # Unless both are list-like short lines ("features" / "contact manager").
        return len(text.split()) > 3 or len(following.split()) > 3
    if not width:
        return False
    if final and len(text) < 0.6 * width:
        return False
    next_word = following.split(None, 1)[0]
    return len(text) + 1 + len(next_word) > width


def from_text(text: str, source: str = "-", fmt: str = "txt") -> Extracted:
    if looks_binary(text):
        raise InputError(f"{source}: looks like a binary file, not text")
    text = normalise(text)
    if len(text) < 4096 and is_web_address(text):
        raise InputError(f"{source}: holds only a web address; {OFFLINE}")
    blocks = blocks_of(text)
    if not blocks:
        raise InputError(f"{source}: holds no text")
    text, blocks = _unmarked(text, blocks)
    return Extracted(text=text, blocks=blocks, format=fmt, source=source)


_MARK = re.compile(rf"(?:({_BULLETS})|(\d{{1,3}})([.)]))[ \t]+(?=\S)")
"""A list item's mark opening a paragraph: a bullet, or a number and its dot or parenthesis."""


def _unmarked(text: str, blocks: tuple[Block, ...]) -> tuple[str, tuple[Block, ...]]:
    """The text without the marks of its lists' items, as the Markdown, HTML and PDF readers
    give it: a mark opening a paragraph goes where two paragraphs or more in a row open with the
    same bullet ("- ", "• "), or with numbers counting up from 1 ("1. ", "2. "); one numbered
    paragraph alone may open with a date ("3. Mai …") and keeps it. Each item stays a paragraph."""
    marks = [_MARK.match(text, block.start, block.end) for block in blocks]
    cuts: dict[int, int] = {}  # block index: the length of the mark that goes, with its spaces
    i = 0
    while i < len(blocks):
        first = marks[i]
        j = i + 1
        while first is not None and j < len(blocks) and _next_item(marks[j - 1], marks[j]):
            j += 1
        if first is not None and j - i >= 2 and (first.group(1) or first.group(2) == "1"):
            cuts |= {k: m.end() - blocks[k].start for k in range(i, j) if (m := marks[k])}
        i = j
    if not cuts:
        return text, blocks
    pieces, kept = [], []
    removed = at = 0  # characters cut so far; where the text is copied from next
    for index, block in enumerate(blocks):
        cut = cuts.get(index, 0)
        if cut:
            pieces.append(text[at : block.start])
            at = block.start + cut
        kept.append(Block(block.start - removed, block.end - removed - cut, block.kind))
        removed += cut
    pieces.append(text[at:])
    return "".join(pieces), tuple(kept)


def _next_item(before: re.Match[str] | None, mark: re.Match[str] | None) -> bool:
    """Whether ``mark`` opens the item after ``before``'s: the same bullet, or the next number
    with the same dot or parenthesis."""
    if before is None or mark is None:
        return False
    if before.group(1):
        return before.group(1) == mark.group(1)
    return mark.group(2) is not None and (int(mark.group(2)), mark.group(3)) == (
        int(before.group(2)) + 1,
        before.group(3),
    )


def is_web_address(text: str) -> bool:
    """Whether ``text`` is a web address and nothing else, given where an article was wanted."""
    return _ADDRESS.fullmatch(text.strip()) is not None


def read(data: bytes, source: str = "-") -> Extracted:
    if not data.strip():
        raise InputError(f"{source}: is empty")
    return from_text(decode(data, source), source)
