"""Inputs that cost time or memory: each class of issue 18, generated at any scale.

``scale`` 1.0 is the size the red-team pass used (all under the 50 MB limit); the tests use a
small scale so that CI stays fast while every class still runs, and benchmarks/reliability.py runs
them at full scale against the 30 s and 1 GB goal.
"""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

from support.makefiles import pdf_of

if TYPE_CHECKING:
    from collections.abc import Callable


def _stream(data: bytes, filters: bytes = b"") -> bytes:
    extra = b" /Filter %s" % filters if filters else b""
    return b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(data), extra, data)


def _page_pdf(contents: list[bytes], font: bytes | None = None, extra: list[bytes] = ()) -> bytes:
    """Pages with the given content streams (already wrapped by ``_stream``), one font F1."""
    font = font or b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", font, *extra]
    kids = []
    for content in contents:
        objects.append(content)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (len(objects))
        )
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    return pdf_of(objects, 1)


def pdf_reference_cycle(scale: float = 1.0) -> bytes:
    """A font whose widths refer to an object that refers back: resolving it never ends."""
    text = b"BT /F1 12 Tf 72 700 Td (A short page of text.) Tj ET"
    font = b"<< /Type /Font /Subtype /TrueType /BaseFont /Foo /FirstChar 32 /Widths 4 0 R >>"
    return _page_pdf([_stream(text)], font, extra=[b"5 0 R", b"4 0 R"])


def pdf_many_pages(scale: float = 1.0) -> bytes:
    """3,000 pages of ordinary text at full scale."""
    line = b"(The council met again on Tuesday and voted on the harbour budget.) Tj T*"
    page = b"BT /F1 11 Tf 14 TL 72 780 Td " + line * 45 + b" ET"
    return _page_pdf([_stream(page)] * max(2, int(3000 * scale)))


def pdf_many_glyphs(scale: float = 1.0) -> bytes:
    """1.5 million one-glyph show operators on one page, deflated to a small file."""
    count = max(1000, int(1_500_000 * scale))
    ops = b"BT /F1 1 Tf 72 700 Td " + b"(a) Tj " * count + b"ET"
    return _page_pdf([_stream(zlib.compress(ops, 9), b"/FlateDecode")])


def pdf_runlength_bomb(scale: float = 1.0) -> bytes:
    """Deflated RunLength data: 400 KB that expand to about 260 MB at full scale."""
    runs = b"\x81 " * int(2_000_000 * scale) + b"\x80"  # each pair is 128 spaces
    blob = zlib.compress(runs, 9)
    return _page_pdf([_stream(blob, b"[/FlateDecode /RunLengthDecode]")])


def text_one_word_sentences(scale: float = 1.0) -> bytes:
    return b"Word. " * int(1_000_000 * scale)


def text_dots(scale: float = 1.0) -> bytes:
    return b"." * int(10_000_000 * scale)


def text_newlines(scale: float = 1.0) -> bytes:
    return b"A line.\n" + b"\n" * int(10_000_000 * scale)


def html_attributes(scale: float = 1.0) -> bytes:
    attrs = b"".join(b' a%d="x"' % i for i in range(int(200_000 * scale)))
    return b"<html><body><p" + attrs + b">Some text in a paragraph.</p></body></html>"


def html_paragraphs(scale: float = 1.0) -> bytes:
    body = b"<p>A short paragraph.</p>" * int(1_000_000 * scale)
    return b"<html><body><article>" + body + b"</article></body></html>"


def markdown_wide_table(scale: float = 1.0) -> bytes:
    columns = int(200_000 * scale)
    head = b"|" + b"a|" * columns
    rule = b"|" + b"-|" * columns
    return b"# Table\n\n" + head + b"\n" + rule + b"\n" + head + b"\n"


def markdown_emphasis(scale: float = 1.0) -> bytes:
    return b"*a _b " * int(1_000_000 * scale)


CASES: dict[str, tuple[str, Callable[[float], bytes]]] = {
    "pdf-reference-cycle": (".pdf", pdf_reference_cycle),
    "pdf-3000-pages": (".pdf", pdf_many_pages),
    "pdf-glyph-operators": (".pdf", pdf_many_glyphs),
    "pdf-runlength-bomb": (".pdf", pdf_runlength_bomb),
    "text-one-word-sentences": (".txt", text_one_word_sentences),
    "text-dots": (".txt", text_dots),
    "text-newlines": (".txt", text_newlines),
    "html-200k-attributes": (".html", html_attributes),
    "html-million-paragraphs": (".html", html_paragraphs),
    "markdown-wide-table": (".md", markdown_wide_table),
    "markdown-unmatched-emphasis": (".md", markdown_emphasis),
}
"""Name -> (suffix, generator taking a scale)."""
