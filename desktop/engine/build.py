"""From a reader's ``Extracted`` article to the ``Document`` every method ranks."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import replace
from itertools import takewhile
from typing import TYPE_CHECKING

from desktop.engine import cleaning, furniture, language, truncation
from desktop.engine.errors import InputError, quoted
from desktop.engine.language.sentences import is_casual, sentence_spans
from desktop.engine.model import (
    Block,
    Document,
    Extracted,
    Kind,
    Paragraph,
    Sentence,
    spans_of,
)
from desktop.engine.readers import worker

if TYPE_CHECKING:
    from collections.abc import Callable

_UNSPLIT = (Kind.TITLE, Kind.HEADING)
_IN_WORKER = 500_000
"""Longer texts are built where they can be stopped (a child process with a deadline and a memory
limit, ``readers.worker``): a million one-word sentences took 106 s. Shorter ones take seconds."""


def build_document(
    extracted: Extracted, lang: str | None = None, *, cancelled: Callable[[], bool] | None = None
) -> Document:
    """The document of ``extracted``, in language ``lang`` (detected when None); ``cancelled``
    is polled while a long text is built."""
    if len(extracted.text) > _IN_WORKER:
        # Building imports numpy (for boilerplate and the language), and so does the ranking that
        # comes next: imported here, the child inherits it instead of importing it a second time.
        import numpy  # noqa: F401

        name = quoted(extracted.source or "input")
        # The child sends the document back without its text, which this process has: pickled,
        # piped and unpickled, 10 MB of it cost 0.02-0.04 s.
        built = worker.run(_without_text, extracted, lang, name=name, cancelled=cancelled)
        return replace(built, text=extracted.text)
    return _build(extracted, lang)


def _without_text(extracted: Extracted, lang: str | None) -> Document:
    """``_build``'s document without its text, for the reading child to send back. What
    building makes (the spans, each block's words) lives to the end of the build: collections
    found nothing in it (three, 0.04 s at 100,000 sentences)."""
    with worker.no_collections():
        return replace(_build(extracted, lang), text="")


def _build(extracted: Extracted, lang: str | None) -> Document:
    """Detect the language (unless given), classify the blocks and split sentences.

    Invariants (tested with hypothesis): paragraphs and sentences are ordered, disjoint spans of
    ``text`` that start and end on non-blank characters; every non-blank character lies in
    exactly one paragraph and one sentence, and each sentence lies inside its paragraph.
    """
    text = extracted.text
    blocks = _sound(text, extracted.blocks)
    if not blocks:
        raise InputError(f"{extracted.source or 'input'}: holds no text")
    extracted = replace(extracted, blocks=blocks)
    detected = language.detect_blocks(text, [b for b in blocks if b.kind is Kind.BODY] or blocks)
    code = language.resolve(lang) if lang else detected
    blocks = cleaning.classify(extracted, code)
    title = extracted.title or next(
        (text[b.start : b.end] for b in blocks if b.kind is Kind.TITLE), ""
    )
    casual = is_casual(text)
    rows: list[tuple[int, int, int, Kind]] = []  # each sentence's start, end, paragraph, kind
    for index, block in enumerate(blocks):
        if block.kind in _UNSPLIT:
            spans: list[tuple[int, int]] = [(block.start, block.end)]
        else:
            spans = list(sentence_spans(text, block.start, block.end, code, casual=casual))
        rows.extend((s, e, index, block.kind) for s, e in spans)
    # Both are columns (``spans_of``); neither is empty: every block has a sentence.
    paragraphs = zip(*((b.start, b.end, b.kind) for b in blocks), strict=True)
    return Document(
        text=text,
        paragraphs=spans_of(Paragraph, [range(len(blocks)), *paragraphs]),
        sentences=spans_of(Sentence, [range(len(rows)), *zip(*rows, strict=True)]),
        language=code,
        title=" ".join(title.split()),
        detected_language=detected,
        author=extracted.author or _byline_author(text, blocks),
        date=extracted.date,
        url=extracted.url,
        format=extracted.format,
        source=extracted.source,
        site=extracted.site,
        description=extracted.description,
        read_on=_dt.date.today().isoformat(),
        truncated=truncation.looks_cut_off(text, blocks),
    )


def _byline_author(text: str, blocks: tuple[Block, ...]) -> str:
    """The name in the article's own byline ("Von Jane Doe") or author note ("Jane Doe ist
    Forscherin …"), when the reader found no author: its leading capitalised words."""
    for block in blocks:
        if block.kind is not Kind.BYLINE:
            continue
        piece = " ".join(text[block.start : block.end].split())
        lead = furniture.BYLINE.fullmatch(piece)
        if lead:
            piece = re.split(r"[,(|/–—]", lead.group("name"), maxsplit=1)[0]
        elif not furniture.AUTHOR_BIO.match(piece):
            continue
        name = list(takewhile(lambda w: w[:1].isupper(), piece.split()))
        if 0 < len(name) <= 4:
            return " ".join(name).rstrip(",.")
    return ""


def _sound(text: str, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The reader's blocks in order, trimmed of outer whitespace, overlaps cut off, blanks dropped.

    The plain-text reader already gives such blocks; this keeps the invariants whatever a reader
    does.
    """
    out: list[Block] = []
    previous = 0
    for block in sorted(blocks, key=lambda b: b.start):
        start, end = max(block.start, previous, 0), min(block.end, len(text))
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(
                block if (start, end) == (block.start, block.end) else Block(start, end, block.kind)
            )
            previous = end
    return tuple(out)
