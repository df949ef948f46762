"""The Qt-free engine: read → clean → document (spans) → language → rank once → select → export.

Both front ends (the window and the command line) use only the names exported here.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from desktop.engine import blas  # one BLAS thread: set before anything here loads numpy
from desktop.engine.select import select  # bound now: its module, once imported, would hide it

# Each module's exported names, imported on first use (PEP 562): a command loads only the modules
# it needs (importing them all cost a summary 67 million instructions more). The same imports,
# for type checkers and readers, are below (a test keeps the two in step).
_EXPORTS = {
    "batch": (
        "BatchError",
        "BatchOptions",
        "DaskCluster",
        "InProcess",
        "JsonlOutput",
        "LocalPool",
        "MarkdownDir",
        "StdoutOutput",
        "articles",
        "run_batch",
    ),
    "brief": ("Brief", "BriefOrder", "BriefSelection", "Line", "cut", "make_brief"),
    "brief_export": (
        "brief_json",
        "brief_markdown",
        "brief_text",
        "citation",
        "outlet",
        "source_line",
        "source_name",
    ),
    "budget": ("Budget",),
    "build": ("build_document",),
    "errors": (
        "Cancelled",
        "ExportError",
        "InputError",
        "PrecisError",
        "UnsupportedFormatError",
        "quoted",
    ),
    "export": ("Labels", "MarkdownOptions", "to_markdown", "write_atomic"),
    "export_json": ("document_record", "failure_record", "summary_record", "to_json"),
    "keywords": ("key_terms",),
    "language": ("LANGUAGES", "resolve_language"),
    "markdown_style": ("Metadata", "Style"),
    "methods": ("DEFAULT_METHOD", "METHODS"),
    "model": ("Document", "Extracted", "Kind", "Paragraph", "Ranking", "Sentence"),
    "options": ("DEFAULT_LENGTHS", "SummaryOptions", "summarise"),
    "prepared": ("Prepared", "prepare"),
    "ranking": ("rank",),
    "readers": (
        "FORMATS",
        "Format",
        "article_paths",
        "read_bytes",
        "read_path",
        "read_stream",
        "supported_suffixes",
    ),
    "readers.sniffing": ("sniff",),
    "select": ("Length", "Order", "Selection", "Unit", "select"),
}
_RENAMED = {"resolve_language": "resolve"}
__all__ = sorted([*(name for names in _EXPORTS.values() for name in names), "load"])
_MODULE_OF = {name: module for module, names in _EXPORTS.items() for name in names}

if TYPE_CHECKING:
    from pathlib import Path

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
    from desktop.engine.export import Labels, MarkdownOptions, to_markdown, write_atomic
    from desktop.engine.export_json import document_record, failure_record, summary_record, to_json
    from desktop.engine.keywords import key_terms
    from desktop.engine.language import LANGUAGES
    from desktop.engine.language import resolve as resolve_language
    from desktop.engine.markdown_style import Metadata, Style
    from desktop.engine.methods import DEFAULT_METHOD, METHODS
    from desktop.engine.model import Document, Extracted, Kind, Paragraph, Ranking, Sentence
    from desktop.engine.options import DEFAULT_LENGTHS, SummaryOptions, summarise
    from desktop.engine.prepared import Prepared, prepare
    from desktop.engine.ranking import rank
    from desktop.engine.readers import (
        FORMATS,
        Format,
        article_paths,
        read_bytes,
        read_path,
        read_stream,
        supported_suffixes,
    )
    from desktop.engine.readers.sniffing import sniff
    from desktop.engine.select import Length, Order, Selection, Unit, select


def __getattr__(name: str) -> object:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), _RENAMED.get(name, name))
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return __all__


def load(
    source: str | Path | bytes, *, language: str | None = None, suffix: str = ".txt"
) -> Document:
    """Read a file (a path) or raw bytes (pasted, piped; ``suffix`` names their format), within
    one time budget."""
    from desktop.engine.budget import Budget
    from desktop.engine.build import build_document
    from desktop.engine.readers import read_bytes, read_path

    with Budget().applied():
        extracted = (
            read_bytes(source, suffix=suffix) if isinstance(source, bytes) else read_path(source)
        )
        return build_document(extracted, language)
