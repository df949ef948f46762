"""The Qt-free engine: read → clean → document (spans) → language → rank once → select → export.

Both front ends (the window and the command line) use only the names exported here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.engine.batch import (
    BatchError,
    BatchOptions,
    DaskCluster,
    InProcess,
    JsonlOutput,
    LocalPool,
    MarkdownDir,
    StdoutOutput,
    articles,
    run_batch,
)
from desktop.engine.brief import Brief, BriefOrder, BriefSelection, Line, cut, make_brief
from desktop.engine.brief_export import (
    brief_json,
    brief_markdown,
    brief_text,
    citation,
    outlet,
    source_line,
    source_name,
)
from desktop.engine.budget import Budget
from desktop.engine.build import build_document
from desktop.engine.errors import (
    Cancelled,
    ExportError,
    InputError,
    PrecisError,
    UnsupportedFormatError,
    quoted,
)
from desktop.engine.export import (
    Labels,
    MarkdownOptions,
    Metadata,
    Style,
    to_markdown,
    write_atomic,
)
from desktop.engine.export_json import document_record, failure_record, summary_record, to_json
from desktop.engine.keywords import key_terms
from desktop.engine.language import LANGUAGES
from desktop.engine.language import resolve as resolve_language
from desktop.engine.methods import DEFAULT_METHOD, METHODS
from desktop.engine.model import Document, Extracted, Kind, Paragraph, Ranking, Sentence
from desktop.engine.options import DEFAULT_LENGTHS, SummaryOptions, summarise
from desktop.engine.ranking import rank
from desktop.engine.readers import (
    FORMATS,
    Format,
    article_paths,
    read_bytes,
    read_path,
    read_stream,
    sniff,
    supported_suffixes,
)
from desktop.engine.select import Length, Order, Selection, Unit, select

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "DEFAULT_LENGTHS",
    "DEFAULT_METHOD",
    "FORMATS",
    "LANGUAGES",
    "METHODS",
    "BatchError",
    "BatchOptions",
    "Brief",
    "BriefOrder",
    "BriefSelection",
    "Budget",
    "Cancelled",
    "DaskCluster",
    "Document",
    "ExportError",
    "Extracted",
    "Format",
    "InProcess",
    "InputError",
    "JsonlOutput",
    "Kind",
    "Labels",
    "Length",
    "Line",
    "LocalPool",
    "MarkdownDir",
    "MarkdownOptions",
    "Metadata",
    "Order",
    "Paragraph",
    "PrecisError",
    "Ranking",
    "Selection",
    "Sentence",
    "StdoutOutput",
    "Style",
    "SummaryOptions",
    "Unit",
    "UnsupportedFormatError",
    "article_paths",
    "articles",
    "brief_json",
    "brief_markdown",
    "brief_text",
    "build_document",
    "citation",
    "cut",
    "document_record",
    "failure_record",
    "key_terms",
    "load",
    "make_brief",
    "outlet",
    "quoted",
    "rank",
    "read_bytes",
    "read_path",
    "read_stream",
    "resolve_language",
    "run_batch",
    "select",
    "sniff",
    "source_line",
    "source_name",
    "summarise",
    "summary_record",
    "supported_suffixes",
    "to_json",
    "to_markdown",
    "write_atomic",
]


def load(
    source: str | Path | bytes, *, language: str | None = None, suffix: str = ".txt"
) -> Document:
    """Read a file (a path) or raw bytes (pasted, piped; ``suffix`` names their format), within
    one time budget."""
    with Budget().applied():
        extracted = (
            read_bytes(source, suffix=suffix) if isinstance(source, bytes) else read_path(source)
        )
        return build_document(extracted, language)
