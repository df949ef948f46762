"""Batch runs: an archive of articles summarised on every core or on a Dask cluster, resumably.

``run_batch`` streams the articles named by the inputs (``inputs``), leaves out those the output
already has, summarises the rest in chunks on a backend (``run``) with the pure per-article
function (``work``), and writes each chunk's records as it comes back (``output``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from desktop.engine.batch.inputs import Article, articles
from desktop.engine.batch.output import JsonlOutput, MarkdownDir, StdoutOutput, note_name
from desktop.engine.batch.run import (
    CHUNK,
    BatchError,
    DaskCluster,
    InProcess,
    LocalPool,
    summarize_all,
)
from desktop.engine.batch.work import BatchOptions, summarize_article

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from desktop.engine.batch.run import Backend

__all__ = [
    "Article",
    "BatchError",
    "BatchOptions",
    "DaskCluster",
    "InProcess",
    "JsonlOutput",
    "LocalPool",
    "MarkdownDir",
    "StdoutOutput",
    "articles",
    "note_name",
    "run_batch",
    "summarize_article",
]


class Output(Protocol):
    def claim(self, ident: str) -> bool: ...

    def write(self, records: list[dict[str, Any]]) -> None: ...


def run_batch(
    inputs: Iterable[str], output: Output, backend: Backend, *, chunk: int = CHUNK
) -> Iterator[list[dict[str, Any]]]:
    """Summarise every article of ``inputs`` that ``output`` does not have yet, in input order;
    each chunk of records is written before it is yielded (for progress)."""
    todo = (article for article in articles(inputs) if output.claim(article.id))
    for records in summarize_all(todo, backend, chunk=chunk):
        output.write(records)
        yield records
