"""Shared test material: articles, thread pools, and what the source pane shows, read back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QColor

    from desktop.ui.main_window import MainWindow


ARTICLE = """Harbour Town Votes to Rebuild Its Flooded Sea Wall

The council of Porthmere voted on Tuesday to rebuild the sea wall that failed during the January \
storm. The new wall will be two metres higher than the old one and is expected to cost 14 \
million pounds. Residents had campaigned for the repair since the flood damaged more than 200 \
homes.

Engineers said the old wall had been weakened by decades of erosion. The council will borrow \
most of the money and repay it over thirty years. Work is due to begin in the spring and to \
finish before the winter storms of next year.

Some fishermen fear that the building work will close the harbour for months. The council \
promised to keep one channel open throughout. The mayor called the vote the most important \
decision of her term.
"""

# Astral characters (outside the BMP: two UTF-16 units each) before highlighted sentences.
ASTRAL_ARTICLE = """🌊🌊 Storm Report 🌊

The storm 🌪 reached the coast at dawn and flooded the lower town. Rescue teams 🚒 evacuated \
forty families from the harbour streets. The river 𝔸 rose by three metres within two hours. \
Power was cut to 3,000 homes across the district. Schools will stay closed until Monday 📚.

Forecasters 𝕏 expect calmer weather by the weekend. The council 🏛 has opened two shelters for \
families who cannot return home.
"""


class FakeThreadPool:
    """Runs every job at once, on the calling (GUI) thread: jobs become synchronous."""

    def start(self, job: Callable[[], object]) -> None:
        job()

    def waitForDone(self, msecs: int = -1) -> bool:
        return True


class HeldThreadPool:
    """Holds jobs until the test runs them, in any order: for cancellation and stale results."""

    def __init__(self) -> None:
        self.jobs: list[Callable[[], object]] = []

    def start(self, job: Callable[[], object]) -> None:
        self.jobs.append(job)

    def run(self, index: int = 0) -> None:
        self.jobs.pop(index)()

    def run_all(self) -> None:
        while self.jobs:
            self.run()

    def waitForDone(self, msecs: int = -1) -> bool:
        self.run_all()
        return True


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
        window.source.sentence_range(i): i for i in range(len(window.session.document.sentences))
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


def drop(window: MainWindow, mime: QMimeData) -> bool:
    """Drag ``mime`` onto the window and drop it there: whether the window took it."""
    pos = QPointF(window.rect().center())
    enter = QDragEnterEvent(  # QPoint: the only position type every supported PySide6 takes
        pos.toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(
        pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, event)
    return event.isAccepted()
