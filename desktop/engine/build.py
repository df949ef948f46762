"""From a reader's ``Extracted`` article to the ``Document`` every method ranks."""

from __future__ import annotations

from desktop.engine import cleaning, language
from desktop.engine.errors import InputError
from desktop.engine.model import Document, Extracted, Kind, Paragraph, Sentence
from desktop.engine.segment import sentence_spans


def build_document(extracted: Extracted, lang: str | None = None) -> Document:
    """Detect the language (unless given), classify the blocks and split sentences."""
    text = extracted.text
    body = "\n".join(text[b.start : b.end] for b in extracted.blocks if b.kind is Kind.BODY)
    detected = language.detect(body or text)
    code = language.resolve(lang) if lang else detected
    blocks = cleaning.classify(extracted, code)
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    title = extracted.title
    for block in blocks:
        kind = block.kind
        # The first heading of a text without a known title is its title.
        if not title and not paragraphs and kind is Kind.HEADING:
            kind = Kind.TITLE
            title = text[block.start : block.end]
        p = Paragraph(len(paragraphs), block.start, block.end, kind)
        paragraphs.append(p)
        if kind is Kind.BODY:
            spans = list(sentence_spans(text, block.start, block.end, code))
        else:
            spans = [(block.start, block.end)]
        sentences.extend(Sentence(len(sentences), s, e, p.index, kind) for s, e in spans)
    if not sentences:
        raise InputError(f"{extracted.source or 'input'}: holds no text")
    return Document(
        text=text,
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        language=code,
        title=title,
        detected_language=detected,
        author=extracted.author,
        date=extracted.date,
        url=extracted.url,
        format=extracted.format,
        source=extracted.source,
    )
