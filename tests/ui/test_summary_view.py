"""The summary pane offers pin, exclude and release on a right-click, as the article pane does."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu
from support.qt import highlighted_sentences

from desktop.ui.summary_view import SummaryView


def _right_click_summary(window, monkeypatch, index: int, name: str) -> list[str]:
    """Right-click sentence ``index`` in the summary pane and choose the action ``name``."""
    offered: list[str] = []

    def exec_menu(view: SummaryView, menu: QMenu, position: QPoint) -> None:
        actions = {a.objectName(): a for a in menu.actions() if a.objectName()}
        offered.extend(actions)
        if name:
            assert actions[name].isEnabled()
            actions[name].trigger()

    monkeypatch.setattr(SummaryView, "exec_menu", exec_menu)
    summary = window.summary
    cursor = QTextCursor(summary.document())
    cursor.setPosition(summary.anchor_position(index) + 2)
    rect = summary.cursorRect(cursor)
    point = QPoint(rect.left() + 1, rect.center().y())
    viewport = summary.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    return offered


def test_exclude_pin_and_release_from_the_summary_pane(window, article, monkeypatch) -> None:
    window.open_path(article)
    chosen = list(window.session.selection.indices)
    target = chosen[1]

    offered = _right_click_summary(window, monkeypatch, target, "exclude")
    assert offered[:3] == ["pin", "exclude", "release"]
    assert target in window.session.excluded
    assert target not in window.session.selection.indices
    assert window.summary.anchor_position(target) is None
    assert len(window.session.selection.indices) == 5  # another sentence took its place

    other = window.session.selection.indices[0]
    _right_click_summary(window, monkeypatch, other, "pin")
    assert window.session.pinned == {other}
    assert highlighted_sentences(window, window.source.colours.pinned) == [other]
    assert "⚑" in window.summary.toPlainText()
    _right_click_summary(window, monkeypatch, other, "release")
    assert window.session.pinned == frozenset()


def test_a_right_click_beside_the_sentences_offers_only_copying(window, article, monkeypatch):
    window.open_path(article)
    offered: list[str] = []

    def exec_menu(view: SummaryView, menu: QMenu, position: QPoint) -> None:
        offered.extend(a.objectName() for a in menu.actions() if a.objectName())

    monkeypatch.setattr(SummaryView, "exec_menu", exec_menu)
    viewport = window.summary.viewport()
    point = QPoint(viewport.width() - 3, viewport.height() - 3)  # below the last sentence
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    assert "pin" not in offered
    assert "exclude" not in offered
