"""Pins and exclusions: the editor's say over which sentences the summary keeps.

They act on the sentence at the source pane's caret. Both panes offer them first in their context
menus (``add_sentence_actions``); in the summary pane a right-click first moves the caret to the
sentence clicked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    from desktop.ui.session import Session
    from desktop.ui.source_view import SourceView


class Pins:
    def __init__(self, session: Session, source: SourceView) -> None:
        self._session = session
        self._source = source

    def sentence(self) -> int | None:
        """The summary candidate at the caret, or None (no article, or a title, a caption…)."""
        document = self._session.document
        index = self._source.sentence_at_caret()
        if document is None or index is None:
            return None
        return index if document.sentences[index].kind.is_candidate else None

    def pin(self) -> None:
        if (index := self.sentence()) is not None:
            self._session.pin(index)

    def exclude(self) -> None:
        if (index := self.sentence()) is not None:
            self._session.exclude(index)

    def release(self) -> None:
        if (index := self.sentence()) is not None:
            self._session.release(index)

    def enable(self, pin: QAction, exclude: QAction, release: QAction, clear: QAction) -> None:
        s = self._session
        index = self.sentence() if s.ranking is not None else None
        pin.setEnabled(index is not None and index not in s.pinned)
        exclude.setEnabled(index is not None and index not in s.excluded)
        release.setEnabled(index is not None and index in s.pinned | s.excluded)
        clear.setEnabled(bool(s.pinned or s.excluded))


def add_sentence_actions(menu: QMenu, actions: Sequence[QAction | None]) -> None:
    """Put ``actions`` (None: a separator) first in a context menu."""
    first = menu.actions()[0] if menu.actions() else None
    for action in actions:
        if action is None:
            menu.insertSeparator(first)
        else:
            menu.insertAction(first, action)
    menu.insertSeparator(first)
