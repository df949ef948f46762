"""Text the window shows about a summary: the status line, reading times, file names, HTML."""

from __future__ import annotations

import html
import math
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from desktop.engine import LANGUAGES, Style

if TYPE_CHECKING:
    from desktop.engine import Document, Selection

WORDS_PER_MINUTE = 230  # silent reading of non-fiction, adults


def tr(text: str) -> str:
    return QCoreApplication.translate("Formatting", text)


def reading_time(words: int) -> str:
    minutes = words / WORDS_PER_MINUTE
    if minutes < 1:
        return tr("< 1 min")
    return tr("{minutes} min").format(minutes=math.ceil(minutes))


def reduction(selection: Selection) -> float:
    total = selection.ranking.document.body_words
    return 100.0 * (1 - selection.words / total) if total else 0.0


def language_name(code: str) -> str:
    lang = LANGUAGES.get(code)
    return lang.native if lang else code


def status_line(selection: Selection) -> str:
    """Article words → summary words, reduction, reading times, language, method, timing."""
    locale = QLocale()
    ranking = selection.ranking
    document = ranking.document
    return tr(
        "{article} words → {summary} words (−{reduction} %)  ·  reading {article_time} → "
        "{summary_time}  ·  {language}  ·  {method}  ·  ranked in {seconds} s"
    ).format(
        article=locale.toString(document.body_words),
        summary=locale.toString(selection.words),
        reduction=locale.toString(reduction(selection), "f", 0),
        article_time=reading_time(document.body_words),
        summary_time=reading_time(selection.words),
        language=language_name(document.language),
        method=ranking.method,
        seconds=locale.toString(ranking.seconds, "f", 2),
    )


def display_name(document: Document) -> str:
    if document.title.strip():
        return " ".join(document.title.split())
    if document.source not in ("", "-"):
        return Path(document.source).name
    return tr("Pasted text")


def export_file_name(document: Document) -> str:
    """A file name for the exported summary, from the title (or the source file's name)."""
    base = document.title.strip()
    if not base and document.source not in ("", "-"):
        base = Path(document.source).stem
    slug = re.sub(r"[^\w]+", "-", base.casefold()).strip("-_")[:60].rstrip("-_")
    return f"{slug}-summary.md" if slug else "summary.md"


def summary_html(selection: Selection, style: Style) -> str:
    """The summary as HTML for word processors (Copy summary puts it beside the Markdown)."""
    document = selection.ranking.document
    sentences = [
        html.escape(" ".join(document.sentence_text(i).split())) for i in selection.indices
    ]
    title = html.escape(display_name(document))
    if style is Style.BULLETS:
        body = "<ul>" + "".join(f"<li>{s}</li>" for s in sentences) + "</ul>"
    else:
        body = "<p>" + " ".join(sentences) + "</p>"
    return f"<h1>{title}</h1>{body}"
