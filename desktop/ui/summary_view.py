"""The summary pane: the chosen sentences, each a link back to its place in the article.

Sentences are anchors (``#s<index>``), so a click, or Tab then Enter, activates one; the
window then scrolls the source to it. A right-click does the same, then offers the sentence
actions (pin, exclude, release), which act on the sentence the source's caret is now on.
A sentence that leans on one left out of the summary ("He", "However") starts with a "[…]" mark,
an anchor (``#c<index>``) that asks for the sentence before.
Links are drawn in the text colour: the pane reads as prose, and the pointing-hand cursor shows
they can be followed.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QUrl, Signal
from PySide6.QtGui import QContextMenuEvent, QPalette
from PySide6.QtWidgets import QMenu, QTextBrowser, QWidget

from desktop.engine import Order
from desktop.ui.pins import add_sentence_actions
from desktop.ui.source_view import reading_font
from desktop.ui.theme import colours

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtGui import QAction

    from desktop.engine import Selection

PIN = "\u2691"  # ⚑
LEANS = "[…]"  # the mark on a sentence that leans on one left out, as in the export


class SummaryView(QTextBrowser):
    sentenceActivated = Signal(int)
    contextRequested = Signal(int)  # add the sentence before this one

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summary")
        self.setAccessibleName(self.tr("Summary"))
        self.setAccessibleDescription(
            self.tr("The summary; activate a sentence to show it in the article")
        )
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAcceptDrops(False)
        self.setUndoRedoEnabled(False)
        self.document().setDocumentMargin(28)
        self.set_busy(False)
        self.anchorClicked.connect(self._on_anchor)
        self._selection: Selection | None = None
        self._pinned: frozenset[int] = frozenset()
        self._sentence_actions: Sequence[QAction | None] = ()

    def show_selection(self, selection: Selection | None, pinned: frozenset[int]) -> None:
        self._selection = selection
        self._pinned = pinned
        self._render()

    def set_busy(self, busy: bool) -> None:
        """What the empty pane says: that a summary is on its way, or where it will appear."""
        self.setPlaceholderText(
            self.tr("Summarising…") if busy else self.tr("The summary appears here.")
        )

    def set_sentence_actions(self, actions: Sequence[QAction | None]) -> None:
        """Actions on the sentence at the source's caret, first in the context menu."""
        self._sentence_actions = actions

    def set_point_size(self, size: float) -> None:
        self.document().setDefaultFont(reading_font(size))

    def anchor_position(self, index: int, link: str = "s") -> int | None:
        """Where sentence ``index`` starts in this pane (for tests and keyboard focus); with
        ``link="c"``, where its "[…]" mark is."""
        target = f"#{link}{index}"
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.charFormat().anchorHref() == target:
                    return fragment.position()
                it += 1
            block = block.next()
        return None

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._render()

    def _render(self) -> None:
        selection = self._selection
        if selection is None or not selection.indices:
            self.clear()
            return
        c = colours(self.palette())
        text = self.palette().color(QPalette.ColorRole.Text).name()
        muted = c.muted.name()
        document = selection.ranking.document
        numbers = document.paragraph_numbers
        leaning = selection.needs_context
        hint = html.escape(
            self.tr("Leans on the sentence before it, which is not in the summary: add it"),
            quote=True,
        )
        parts = []
        for position, index in enumerate(selection.indices, 1):
            sentence = document.sentences[index]
            body = html.escape(document.sentence_text(sentence)).replace("\n", " ")
            marker = (
                f'<span style="color:{c.pinned.darker(160 if not c.dark else 60).name()}">'
                f"{PIN}&nbsp;</span>"
                if index in self._pinned
                else ""
            )
            if index in leaning:
                marker += (
                    f'<a href="#c{index}" title="{hint}" '
                    f'style="color:{c.flash.name()}; text-decoration:none">{LEANS}</a>&nbsp;'
                )
            number = numbers[sentence.paragraph]
            where = (
                f"#{position}&nbsp;·&nbsp;¶{number}"
                if selection.order is Order.RANK
                else f"¶{number}"
            )
            parts.append(
                f'<p style="margin-bottom:14px; line-height:135%">{marker}'
                f'<a href="#s{index}" style="color:{text}; text-decoration:none">{body}</a>'
                f'&nbsp;<span style="color:{muted}; font-size:small">{where}</span></p>'
            )
        self.setHtml("".join(parts))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            anchor = self.textCursor().charFormat().anchorHref()
        else:
            anchor = self.anchorAt(event.pos())
        index = _sentence(anchor)
        menu = self.createStandardContextMenu(event.pos())
        if index is not None:
            self.sentenceActivated.emit(index)  # the sentence actions act on it from now on
            add_sentence_actions(menu, self._sentence_actions)
        self.exec_menu(menu, event.globalPos())
        menu.deleteLater()

    def exec_menu(self, menu: QMenu, position: QPoint) -> None:
        """Run the context menu: the one blocking call here, which tests replace."""
        menu.exec(position)

    def _on_anchor(self, url: QUrl) -> None:
        anchor = (url.fragment() or url.toString()).lstrip("#")
        if anchor[:1] == "c" and anchor[1:].isdigit():
            self.contextRequested.emit(int(anchor[1:]))
            return
        index = _sentence(url.fragment() or url.toString())
        if index is not None:
            self.sentenceActivated.emit(index)


def _sentence(anchor: str) -> int | None:
    """The sentence index of an anchor ``#s<index>``, or None."""
    fragment = anchor.lstrip("#")
    return int(fragment[1:]) if fragment.startswith("s") and fragment[1:].isdigit() else None
