"""The per-article function of a batch run: pure, the same in a local worker and on a cluster.

An article goes in, one JSON-ready record comes out: the single-summary JSON plus ``id``,
``source`` and the article's metadata, or ``id``, ``source`` and ``error`` for one that could not
be read. Records carry no timings, so that a run gives the same bytes on any backend and after a
resume.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desktop.engine.build import build_document
from desktop.engine.errors import InputError
from desktop.engine.export_json import failure_record, summary_record
from desktop.engine.options import SummaryOptions, summarise
from desktop.engine.readers import read_bytes, read_path

if TYPE_CHECKING:
    from desktop.engine.batch.inputs import Article
    from desktop.engine.export import MarkdownOptions
    from desktop.engine.model import Extracted

# Metadata every record carries (the summary JSON has the title already).
_META = ("author", "date", "url", "format")


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How every article of a run is summarised. With ``markdown``, a record holds the note's
    Markdown (``markdown``) instead of the summary's fields."""

    summary: SummaryOptions = field(default_factory=SummaryOptions)
    markdown: MarkdownOptions | None = None


def summarize_article(article: Article, options: BatchOptions) -> dict[str, Any]:
    """The record of one article. Never raises for a bad article: that is an ``error`` record."""
    try:
        if article.problem:
            raise InputError(article.problem)
        document = build_document(_extracted(article), options.summary.language)
        selection = summarise(document, options.summary)
    except InputError as exc:
        return _failure(article, str(exc))
    except Exception as exc:  # one article a library chokes on must not end an archive's run
        message = f"{article.source}: could not be summarised ({type(exc).__name__}: {exc})"
        return _failure(article, " ".join(message.split()))
    if options.markdown is not None:
        from desktop.engine.export import to_markdown

        return {
            "id": article.id,
            "source": article.source,
            "markdown": to_markdown(selection, options.markdown),
        }
    record = {"id": article.id, **summary_record(selection, source=article.source)}
    del record["timing"]
    for key in _META:
        record.setdefault(key, getattr(document, key))
    return record


def _failure(article: Article, reason: str) -> dict[str, Any]:
    """The failure record, with the reason in it: a batch's stderr is easily lost."""
    return {"id": article.id, **failure_record(article.source), "error": reason}


def _extracted(article: Article) -> Extracted:
    if article.text is not None:
        extracted = read_bytes(
            article.text.encode("utf-8", "replace"),
            source=article.source,
            suffix="." + article.format,
        )
    else:
        extracted = read_path(article.path or article.source)
    return dataclasses.replace(extracted, **dict(article.meta)) if article.meta else extracted


def summarize_chunk(articles: list[Article], options: BatchOptions) -> list[dict[str, Any]]:
    """One task: a few articles at once, so per-task overhead is shared (pool and cluster)."""
    return [summarize_article(article, options) for article in articles]
