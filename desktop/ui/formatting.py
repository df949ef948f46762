"""Text the window shows about a summary: the status line, reading times, file names, HTML."""

from __future__ import annotations

import html
import math
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from desktop.engine import LANGUAGES, METHODS, Labels, Style

if TYPE_CHECKING:
    from desktop.engine import Document, Extracted, Selection

WORDS_PER_MINUTE = 230  # silent reading of non-fiction, adults

# Method descriptions come from the engine in English; listing them here lets lupdate offer them
# to translators. A method the engine adds later shows its English description.
_METHOD_TEXTS = (
    QT_TRANSLATE_NOOP("Methods", "LexRank: sentences similar to many others (graph centrality)."),
    QT_TRANSLATE_NOOP(
        "Methods", "TextRank: PageRank over sentences linked by the words they share."
    ),
    QT_TRANSLATE_NOOP("Methods", "LSA: sentences strongest in the document's latent topics."),
    QT_TRANSLATE_NOOP("Methods", "Reduction: sentences sharing the most words with the rest."),
    QT_TRANSLATE_NOOP("Methods", "Luhn: sentences with dense clusters of frequent words."),
    QT_TRANSLATE_NOOP("Methods", "Edmundson: cue words, key words, title words and position."),
    QT_TRANSLATE_NOOP(
        "Methods", "KL-Sum: greedily keeps the word distribution closest to the article's."
    ),
    QT_TRANSLATE_NOOP("Methods", "SumBasic: frequent words first, then what is not yet said."),
    QT_TRANSLATE_NOOP(
        "Methods", "Precis: the article's lead, then its most central sentences, without repeats."
    ),
    QT_TRANSLATE_NOOP("Methods", "Lead: the first sentences, as a news editor would cut."),
    QT_TRANSLATE_NOOP(
        "Methods", "Random: sentences picked by chance, the same for the same text (a baseline)."
    ),
)


def method_description(name: str) -> str:
    method = METHODS.get(name)
    return QCoreApplication.translate("Methods", method.description) if method else ""


def method_label(name: str) -> str:
    """A method's name as people write it: "LexRank" from "LexRank: …" (else from its name)."""
    method = METHODS.get(name)
    head, colon, _ = method.description.partition(":") if method else ("", "", "")
    if colon and 0 < len(head) <= 20:
        return head
    return name.replace("-", " ").capitalize()


def export_labels() -> Labels:
    """The words of an exported summary in the UI's language ("Quelle: …" in German)."""
    return Labels(
        source=QCoreApplication.translate("Export", "Source"),
        site=QCoreApplication.translate("Export", "Site"),
        author=QCoreApplication.translate("Export", "Author"),
        published=QCoreApplication.translate("Export", "Published"),
        created=QCoreApplication.translate("Export", "Created"),
        tags=QCoreApplication.translate("Export", "Key terms"),
        language=QCoreApplication.translate("Export", "Language"),
        method=QCoreApplication.translate("Export", "Method"),
        length=QCoreApplication.translate("Export", "Length"),
        reduction=QCoreApplication.translate("Export", "Reduction"),
        length_value=QCoreApplication.translate("Export", "{sentences} sentences, {words} words"),
        untitled=QCoreApplication.translate("Export", "Summary"),
    )


def reading_time(words: int) -> str:
    minutes = words / WORDS_PER_MINUTE
    if minutes < 1:
        return QCoreApplication.translate("Formatting", "< 1 min")
    return QCoreApplication.translate("Formatting", "{minutes} min").format(
        minutes=math.ceil(minutes)
    )


def duration(seconds: float) -> str:
    """A short duration as people read it: "< 1 ms", "8 ms", "1.2 s"."""
    locale = QLocale()
    if seconds < 0.001:
        return QCoreApplication.translate("Formatting", "< 1 ms")
    if seconds < 1:
        return QCoreApplication.translate("Formatting", "{ms} ms").format(
            ms=locale.toString(round(seconds * 1000))
        )
    return QCoreApplication.translate("Formatting", "{s} s").format(
        s=locale.toString(seconds, "f", 1)
    )


def language_name(code: str) -> str:
    lang = LANGUAGES.get(code)
    return lang.native if lang else code


def language_note(document: Document | None) -> str:
    """When the language chosen by hand is not the one the article looks like, say so."""
    chosen = document.language if document is not None else ""
    detected = document.detected_language if document is not None else ""
    if not (chosen and detected and chosen != detected):
        return ""
    return QCoreApplication.translate(
        "Formatting", "Read as {chosen}; the article looks {detected}."
    ).format(chosen=language_name(chosen), detected=language_name(detected))


def cut_off_note(document: Document | None) -> str:
    """A paywalled or teaser article is summarised only with this warning beside it."""
    if document is None or not document.truncated:
        return ""
    return QCoreApplication.translate(
        "Formatting", "The text looks cut off: a paywall or a teaser?"
    )


def status_line(selection: Selection) -> str:
    """Article words → summary words, reduction, reading times, language, method, timing."""
    locale = QLocale()
    ranking = selection.ranking
    document = ranking.document
    body_words = document.body_words
    return QCoreApplication.translate(
        "Formatting",
        "{article} words → {summary} words (−{reduction} %)  ·  reading {article_time} → "
        "{summary_time}  ·  {language}  ·  {method}  ·  ranked in {duration}",
    ).format(
        article=locale.toString(body_words),
        summary=locale.toString(selection.words),
        reduction=locale.toString(selection.reduction, "f", 0),
        article_time=reading_time(body_words),
        summary_time=reading_time(selection.words),
        language=language_name(document.language),
        method=method_label(ranking.method),
        duration=duration(ranking.seconds),
    )


def reading_progress(source: str, page: int, pages: int) -> str:
    """What the status bar says while an article's pages are read, and once they all are."""
    locale = QLocale()
    name = Path(source).name if source else QCoreApplication.translate("Formatting", "Pasted text")
    if page >= pages:
        return QCoreApplication.translate("Formatting", "Finding the sentences of {name}…").format(
            name=name
        )
    return QCoreApplication.translate(
        "Formatting", "Reading {name}: page {page} of {pages}…"
    ).format(name=name, page=locale.toString(page), pages=locale.toString(pages))


def display_name(document: Document | Extracted) -> str:
    if document.title.strip():
        return " ".join(document.title.split())
    if document.source not in ("", "-"):
        return Path(document.source).name
    return QCoreApplication.translate("Formatting", "Pasted text")


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
