"""Export as JSON: a summary, or a document's paragraphs and sentences, as plain records.

Records are dicts of JSON types; ``to_json`` writes one record as an object and several as a
list. Spans are character offsets into the article text, as in ``Document``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.engine.errors import quoted

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from desktop.engine.model import Document
    from desktop.engine.select import Selection


def summary_record(
    selection: Selection, *, source: str | None = None, timing: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """A summary: its options, word counts, the article's metadata and key terms, and each
    sentence with its span, ¶ number, score, rank and whether it leans on one left out.

    ``source`` names the input as the user gave it (default: the document's source); ``timing``
    holds the seconds each step took (nested mappings, such as CPU seconds, kept as they are).
    """
    from desktop.engine.keywords import key_terms

    ranking = selection.ranking
    doc = ranking.document
    leaning = selection.needs_context
    numbers = doc.paragraph_numbers
    return {
        "source": quoted(doc.source if source is None else source),
        "title": doc.title,
        "language": doc.language,
        "detected_language": doc.detected_language,
        "method": ranking.method,
        "length": {"value": selection.length.value, "unit": selection.length.unit.value},
        "order": selection.order.value,
        "words": {"article": doc.body_words, "summary": selection.words},
        "reduction_percent": round(selection.reduction, 1),
        "metadata": metadata_record(doc),
        "keywords": list(key_terms(doc)),
        "warnings": warnings(doc),
        "sentences": [
            {
                "index": i,
                "start": doc.sentences[i].start,
                "end": doc.sentences[i].end,
                "paragraph": doc.sentences[i].paragraph,
                "paragraph_number": numbers[doc.sentences[i].paragraph],
                "text": doc.sentence_text(i),
                "score": float(ranking.scores[i]),
                "rank": int(ranking.ranks[i]),
                "needs_context": i in leaning,
            }
            for i in selection.indices
        ],
        "timing": _rounded(timing or {}),
    }


def warnings(document: Document) -> list[str]:
    """What the reader should know before trusting a summary: "truncated" (a paywall or a
    teaser: the text looks cut off)."""
    return ["truncated"] if document.truncated else []


def metadata_record(doc: Document) -> dict[str, Any]:
    """What the reader found about the article; a field it did not find is left out."""
    fields = {
        "title": doc.title,
        "site": doc.site,
        "authors": list(doc.authors),
        "published": doc.date,
        "url": doc.url,
        "file": quoted(doc.source) if doc.source not in ("", "-") else "",
        "description": doc.description,
        "language": doc.language,
        "read": doc.read_on,
    }
    return {k: v for k, v in fields.items() if v}


def failure_record(source: str) -> dict[str, Any]:
    """An input that could not be read, in its place among the others (the reason went to
    standard error)."""
    return {"source": quoted(source), "error": "could not be read"}


def document_record(document: Document, *, source: str | None = None) -> dict[str, Any]:
    """The cleaned article: its metadata, text, and every paragraph and sentence with its kind."""
    return {
        "source": quoted(document.source if source is None else source),
        "title": document.title,
        "author": document.author,
        "date": document.date,
        "url": document.url,
        "site": document.site,
        "description": document.description,
        "language": document.language,
        "warnings": warnings(document),
        "text": document.text,
        "paragraphs": [
            {"index": p.index, "start": p.start, "end": p.end, "kind": p.kind.value}
            for p in document.paragraphs
        ],
        "sentences": [
            {
                "index": s.index,
                "start": s.start,
                "end": s.end,
                "paragraph": s.paragraph,
                "kind": s.kind.value,
                "text": document.sentence_text(s),
            }
            for s in document.sentences
        ],
    }


def to_json(records: Sequence[dict[str, Any]]) -> str:
    """One record as an object, several as a list; UTF-8 text as is, ending in a newline."""
    import json  # on first use: the window never needs it at start-up

    data = records[0] if len(records) == 1 else list(records)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _rounded(timing: Mapping[str, Any]) -> dict[str, Any]:
    return {k: round(v, 6) if isinstance(v, float) else _rounded(v) for k, v in timing.items()}
