"""What the source pane shows, read back from the widgets as a user would see it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint

if TYPE_CHECKING:
    from PySide6.QtGui import QColor

    from desktop.ui.main_window import MainWindow


def marks(window: MainWindow) -> list[tuple[int, int, QColor | None, bool, str]]:
    """Every extra selection in the source: (start, end, background, struck out, text)."""
    out = []
    for sel in window.source.extraSelections():
        fmt = sel.format
        background = fmt.background().color() if fmt.background().style() != 0 else None
        text = sel.cursor.selectedText().replace("\u2029", "\n").replace("\u2028", "\n")
        out.append(
            (
                sel.cursor.selectionStart(),
                sel.cursor.selectionEnd(),
                background,
                fmt.fontStrikeOut(),
                text,
            )
        )
    return out


def highlighted_sentences(window: MainWindow, colour: QColor | None = None) -> list[int]:
    """Sentence indices highlighted in ``colour`` (default: the summary colour), in text order."""
    colour = colour or window.source.colours.selected
    ranges = {
        window.source.sentence_range(i): i for i in range(len(window.summariser.document.sentences))
    }
    found = [
        ranges[(s, e)] for s, e, bg, _, _ in marks(window) if bg == colour and (s, e) in ranges
    ]
    return sorted(found)


def highlighted_texts(window: MainWindow) -> list[str]:
    colour = window.source.colours.selected
    return [text for s, e, bg, _, text in sorted(marks(window)) if bg == colour]


def sentence_point(window: MainWindow, index: int) -> QPoint:
    """A viewport point inside sentence ``index`` of the source (scrolled into view first)."""
    source = window.source
    start, end = source.sentence_range(index)
    cursor = source.textCursor()
    cursor.setPosition(start + min(3, end - start - 1))
    source.setTextCursor(cursor)
    source.ensureCursorVisible()
    rect = source.cursorRect(cursor)
    return QPoint(rect.left() + 1, rect.center().y())
