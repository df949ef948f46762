"""The source pane's left margin: each paragraph's ¶ number, the number the export cites.

The numbers are the engine's (``Document.paragraph_numbers``): the title and boilerplate get
none, so "¶3" in an exported summary is the paragraph marked 3 here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QSize
from PySide6.QtGui import QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QTextEdit, QWidget

from desktop.ui.theme import colours

if TYPE_CHECKING:
    from desktop.engine import Document

PADDING = 6  # pixels either side of the numbers


class ParagraphNumbers(QWidget):
    def __init__(self, view: QTextEdit) -> None:
        super().__init__(view)
        self.setObjectName("paragraph_numbers")
        self._view = view
        self._numbers: tuple[int, ...] = ()
        self._width = 0

    def fit(self, document: Document | None, font: QFont) -> int:
        """Take ``document``'s numbers and a font a size smaller than the text's; return the
        width the margin needs (0 without numbers)."""
        self._numbers = document.paragraph_numbers if document is not None else ()
        small = QFont(font)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.75))
        self.setFont(small)
        widest = max(self._numbers, default=0)
        self._width = (
            self.fontMetrics().horizontalAdvance("9" * len(str(widest))) + 2 * PADDING
            if widest
            else 0
        )
        self.resize(self._width, self.height())
        self.update()
        return self._width

    def label(self, index: int) -> str:
        """What the margin shows beside paragraph ``index``: its number, or nothing."""
        number = self._numbers[index] if 0 <= index < len(self._numbers) else 0
        return str(number) if number else ""

    def sizeHint(self) -> QSize:
        return QSize(self._width, 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Each numbered paragraph's number, level with its first line (one block a paragraph)."""
        view = self._view
        painter = QPainter(self)
        painter.setPen(colours(view.palette()).muted)
        layout = view.document().documentLayout()
        scroll = view.verticalScrollBar().value()
        metrics = self.fontMetrics()
        block = view.cursorForPosition(QPoint(0, 0)).block()
        while block.isValid():
            top = layout.blockBoundingRect(block).top() - scroll
            if top > self.height():
                break
            text = self.label(block.blockNumber())
            lines = block.layout()
            if text and lines.lineCount():
                line = lines.lineAt(0)
                x = self._width - PADDING - metrics.horizontalAdvance(text)
                painter.drawText(QPointF(x, top + line.y() + line.ascent()), text)
            block = block.next()
        painter.end()
