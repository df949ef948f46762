"""The panes' frame: a quiet caption (what the pane shows, and a detail) above a view, and on
the caption's right what explains the view (the heat map's legend).

A new pane (a list of articles, a brief) is ``pane(PaneHeader(name), view)`` added to the
window's splitter in ``MainWindow.__init__``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget


class PaneHeader(QLabel):
    """A quiet caption above a pane: what it shows, and a detail (the title, the length)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name
        font = QFont(self.font())
        font.setPointSizeF(max(8.0, font.pointSizeF() - 0.5))
        self.setFont(font)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.setContentsMargins(12, 6, 12, 4)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.set_detail("")

    def set_detail(self, detail: str) -> None:
        self.setText(f"{self._name.upper()}   {detail}" if detail else self._name.upper())


def pane(
    header: QLabel, view: QWidget, aside: QWidget | None = None, above: QWidget | None = None
) -> QWidget:
    """A header (with ``aside`` at its right), then ``above`` the view, then the view."""
    widget = QWidget()
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    top = QHBoxLayout()
    top.addWidget(header, 1)
    if aside is not None:
        top.addWidget(aside)
    layout.addLayout(top)
    if above is not None:
        layout.addWidget(above)
    layout.addWidget(view, 1)
    return widget
