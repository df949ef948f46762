"""What a paste or a drop holds for Precis: a local file to open, or text to read as an article.

Both the Paste command and a drop onto the window go through ``article_in``, so they accept the
same things. Copying a summary out is the export flow's job (``export_flow.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.engine import supported_suffixes

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData


@dataclass(frozen=True)
class Pasted:
    """A file to open (``path``), or the same text in the forms worth trying, best first, as
    ``(data, suffix)`` pairs (HTML keeps headings and drops navigation; plain text is the rest)."""

    path: str = ""
    alternatives: tuple[tuple[bytes, str], ...] = ()


def article_in(mime: QMimeData | None) -> Pasted | None:
    """The article a dropped or pasted ``mime`` holds, or None when it holds none."""
    if mime is None:
        return None
    files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
    if files:
        return Pasted(path=files[0])
    alternatives: list[tuple[bytes, str]] = []
    if mime.hasHtml() and ".html" in supported_suffixes():
        alternatives.append((mime.html().encode("utf-8"), ".html"))
    if mime.hasText() and mime.text().strip():
        alternatives.append((mime.text().encode("utf-8"), ".txt"))
    return Pasted(alternatives=tuple(alternatives)) if alternatives else None


def droppable(mime: QMimeData | None) -> bool:
    """Cheap enough for every drag move: whether a drop could hold an article."""
    if mime is None:
        return False
    if any(url.isLocalFile() for url in mime.urls()):
        return True
    return mime.hasText() or mime.hasHtml()
