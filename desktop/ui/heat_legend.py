"""The heat map's legend: the shades from the lowest-ranked sentence to the best one.

It draws the same two colours the source pane blends (``Colours.heat``, a straight line in RGB,
as a linear gradient is), so the legend matches the page in either colour scheme.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QLinearGradient, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop.ui.theme import colours

SCALE = QSize(96, 10)


class HeatLegend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("heat_legend")
        self.setAccessibleName(self.tr("Heat map legend"))
        self.setToolTip(
            self.tr("Heat map: every sentence shaded by its score, from the lowest to the best")
        )
        self.scale = _Scale()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 0, 12, 0)
        layout.setSpacing(6)
        low, high = QLabel(self.tr("lowest score")), QLabel(self.tr("best"))
        for label in (low, high):
            label.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # quiet, as the caption
        for widget in (low, self.scale, high):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)


class _Scale(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setFixedSize(SCALE)

    def paintEvent(self, event: QPaintEvent) -> None:
        c = colours(self.palette())
        gradient = QLinearGradient(0, 0, self.width() - 1, 0)
        gradient.setColorAt(0, c.heat(0))
        gradient.setColorAt(1, c.heat(1))
        painter = QPainter(self)
        painter.fillRect(self.rect(), gradient)
        painter.setPen(QPen(c.muted, 1))  # the low end is the page's colour: outline it
        painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.update()
