"""The source pane: the whole article as read, with the summary's sentences highlighted in place.

The article is laid out once per document (one block per paragraph, headings styled, boilerplate
dimmed). Everything that changes with the summary (highlights, pins, exclusions, the flash after a
jump) is drawn as ``ExtraSelections``: they never touch the document, so a slider move costs a
short list of cursors and one repaint, not a relayout. The heat map changes only with the ranking,
so it is written into the document's character formats instead, where it costs nothing per move.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QPoint,
    QPointF,
    QRect,
    QRegularExpression,
    Qt,
    QVariantAnimation,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QToolTip, QWidget

from desktop.engine import Kind
from desktop.ui.paragraph_numbers import ParagraphNumbers
from desktop.ui.pins import add_sentence_actions
from desktop.ui.positions import SpanMap, displayable
from desktop.ui.theme import Colours, colours

if TYPE_CHECKING:
    from collections.abc import Sequence

    from desktop.engine import Document, Ranking, Selection

FLASH_MS = 1400
SERIF = ["Source Serif 4", "Charter", "Georgia", "Cambria", "DejaVu Serif", "serif"]


def reading_font(point_size: float) -> QFont:
    font = QFont()
    font.setFamilies(SERIF)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(point_size)
    return font


class SourceView(QTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("source")
        self.setAccessibleName(self.tr("Article"))
        self.setAccessibleDescription(
            self.tr("The article, with the sentences of the summary highlighted")
        )
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAcceptDrops(False)  # files dropped here go to the window, which opens them
        self.setUndoRedoEnabled(False)
        self.setPlaceholderText(
            self.tr(
                "Open an article (Ctrl+O), drop a file here, or paste text (Ctrl+V) "
                "to summarise it."
            )
        )
        self.document().setDocumentMargin(28)
        self._document: Document | None = None
        self._ranking: Ranking | None = None
        self._selection: Selection | None = None
        self._pinned: frozenset[int] = frozenset()
        self._excluded: frozenset[int] = frozenset()
        self._spans = SpanMap((), ())
        self._heat_map = False
        self._heat_applied = False
        self._colours = colours(self.palette())
        self._sentence_actions: Sequence[QAction | None] = ()
        self._flash_index: int | None = None
        self._flash_colour = QColor()
        self._flash = QVariantAnimation(self)
        self._flash.setDuration(FLASH_MS)
        self._flash.setEasingCurve(QEasingCurve.Type.InQuad)
        self._flash.valueChanged.connect(self._on_flash_step)
        self._flash.finished.connect(self._on_flash_done)
        self._term_ranges: list[tuple[int, int]] = []
        # The margin shows each paragraph's ¶ number, the one the export cites.
        self._gutter = ParagraphNumbers(self)
        self.verticalScrollBar().valueChanged.connect(self._gutter.update)
        self.document().documentLayout().documentSizeChanged.connect(self._gutter.update)

    # -- content -------------------------------------------------------------------------------

    def show_document(self, document: Document | None) -> None:
        self._document = document
        self._ranking = None
        self._selection = None
        self._heat_applied = False
        self._flash.stop()
        self._flash_index = None
        self._term_ranges = []
        self.setExtraSelections([])
        self._layout()
        self._fit_gutter()
        self.verticalScrollBar().setValue(0)

    def show_ranking(self, ranking: Ranking | None) -> None:
        self._ranking = ranking
        self._paint_heat()

    def show_selection(
        self,
        selection: Selection | None,
        pinned: frozenset[int] = frozenset(),
        excluded: frozenset[int] = frozenset(),
    ) -> None:
        self._selection = selection
        self._pinned = pinned
        self._excluded = excluded
        self._refresh()

    def set_heat_map(self, on: bool) -> None:
        self._heat_map = on
        self._paint_heat()
        self._refresh()

    def set_sentence_actions(self, actions: Sequence[QAction | None]) -> None:
        """Actions that act on the sentence at the caret, first in the context menu."""
        self._sentence_actions = actions

    def set_point_size(self, size: float) -> None:
        self.document().setDefaultFont(reading_font(size))
        self._fit_gutter()

    def highlight_term(self, term: str | None) -> int:
        """Mark every occurrence of ``term`` (whole words, any case) and scroll to the first;
        ``None`` clears the marks. Returns how many were found."""
        self._term_ranges = []
        if term and self._document is not None:
            pattern = QRegularExpression(
                rf"(?<!\w){QRegularExpression.escape(term)}(?!\w)",
                QRegularExpression.PatternOption.CaseInsensitiveOption
                | QRegularExpression.PatternOption.UseUnicodePropertiesOption,  # \w is ß too
            )
            qdoc = self.document()
            cursor = qdoc.find(pattern, 0)
            while not cursor.isNull():
                self._term_ranges.append((cursor.selectionStart(), cursor.selectionEnd()))
                cursor = qdoc.find(pattern, cursor.selectionEnd())
        if self._term_ranges:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._term_ranges[0][0])
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
        self._refresh()
        return len(self._term_ranges)

    @property
    def term_ranges(self) -> list[tuple[int, int]]:
        """Qt positions of the highlighted key term's occurrences."""
        return list(self._term_ranges)

    # -- paragraph numbers ---------------------------------------------------------------------

    def paragraph_label(self, index: int) -> str:
        """What the margin shows beside paragraph ``index`` (see ``ParagraphNumbers``)."""
        return self._gutter.label(index)

    def _fit_gutter(self) -> None:
        width = self._gutter.fit(self._document, self.document().defaultFont())
        self.setViewportMargins(width, 0, 0, 0)
        self._place_gutter()

    def _place_gutter(self) -> None:
        area = self.contentsRect()
        self._gutter.setGeometry(
            QRect(area.left(), area.top(), self._gutter.width(), area.height())
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_gutter()

    # -- positions -----------------------------------------------------------------------------

    def sentence_range(self, index: int) -> tuple[int, int]:
        """Qt (UTF-16) positions of sentence ``index`` in this view's document."""
        return self._spans.starts[index], self._spans.ends[index]

    def sentence_at_caret(self) -> int | None:
        if self._document is None:
            return None
        return self._spans.sentence_at(self.textCursor().position())

    def sentence_at_point(self, point: QPointF) -> int | None:
        """The sentence under a viewport point, or None when the point is not on its text."""
        if self._document is None:
            return None
        offset = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        hit = self.document().documentLayout().hitTest(point + offset, Qt.HitTestAccuracy.ExactHit)
        return None if hit < 0 else self._spans.sentence_at(hit)

    def show_sentence(self, index: int) -> None:
        """Scroll sentence ``index`` into the upper third, put the caret on it and flash it."""
        start, _ = self.sentence_range(index)
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        self.setTextCursor(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect(cursor).top() - self.viewport().height() // 4)
        self._flash_index = index
        self._flash.stop()
        self._flash.setStartValue(QColor(self._colours.flash))
        end = QColor(self._colours.flash)
        end.setAlpha(0)
        self._flash.setEndValue(end)
        self._flash_colour = QColor(self._colours.flash)
        self._flash.start()
        self._refresh()

    @property
    def flashing(self) -> int | None:
        return self._flash_index

    @property
    def colours(self) -> Colours:
        return self._colours

    # -- look ----------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._colours = colours(self.palette())
            self._relayout()
            self._paint_heat()
            self._refresh()

    def _layout(self) -> None:
        """Lay out the article: one block per paragraph, styled by what the paragraph is."""
        document = self._document
        qdoc = self.document()
        qdoc.clear()
        if document is None:
            self._spans = SpanMap((), ())
            return
        c = self._colours
        cursor = QTextCursor(qdoc)
        cursor.beginEditBlock()
        qt_starts: list[int] = []
        for k, paragraph in enumerate(document.paragraphs):
            block, char = _formats(paragraph.kind, c)
            if k:
                cursor.insertBlock(block, char)
            else:
                cursor.setBlockFormat(block)
                cursor.setBlockCharFormat(char)
            qt_starts.append(cursor.position())
            cursor.insertText(displayable(document.paragraph_text(paragraph)), char)
        cursor.endEditBlock()
        self._spans = SpanMap.build(
            document.text,
            [(p.start, p.end) for p in document.paragraphs],
            qt_starts,
            [(s.start, s.end, s.paragraph) for s in document.sentences],
        )

    def _relayout(self) -> None:
        """Lay the article out afresh, keeping the caret and the scroll position."""
        caret = self.textCursor().position()
        scroll = self.verticalScrollBar().value()
        self._layout()
        self._heat_applied = False
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(caret, self.document().characterCount() - 1))
        self.setTextCursor(cursor)
        self.verticalScrollBar().setValue(scroll)

    def _paint_heat(self) -> None:
        """Shade every candidate by its rank, best darkest, in the document's own formats."""
        if self._heat_applied:
            self._relayout()  # the plain article again
        ranking = self._ranking
        if not self._heat_map or ranking is None or self._document is None:
            return
        order = ranking.order.tolist()
        last = max(1, len(order) - 1)
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for position, index in enumerate(order):
            fmt = QTextCharFormat()
            fmt.setBackground(self._colours.heat(1 - position / last))
            cursor.setPosition(self._spans.starts[index])
            cursor.setPosition(self._spans.ends[index], QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()
        self._heat_applied = True

    def _range_cursor(self, index: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._spans.starts[index])
        cursor.setPosition(self._spans.ends[index], QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _mark(self, index: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = self._range_cursor(index)  # type: ignore[misc]
        selection.format = fmt  # type: ignore[misc]
        return selection

    def _refresh(self) -> None:
        c = self._colours
        marks: list[QTextEdit.ExtraSelection] = []
        if self._selection is not None:
            chosen = QTextCharFormat()
            chosen.setBackground(c.selected)
            chosen.setForeground(c.text)
            pinned = QTextCharFormat()
            pinned.setBackground(c.pinned)
            pinned.setForeground(c.text)
            marks += [
                self._mark(i, pinned if i in self._pinned else chosen)
                for i in self._selection.indices
            ]
        if self._excluded:
            excluded = QTextCharFormat()
            excluded.setForeground(c.excluded)
            excluded.setFontStrikeOut(True)
            marks += [self._mark(i, excluded) for i in sorted(self._excluded)]
        if self._term_ranges:
            term = QTextCharFormat()
            colour = QColor(c.flash)
            colour.setAlpha(110)
            term.setBackground(colour)
            term.setFontUnderline(True)
            for start, end in self._term_ranges:
                cursor = QTextCursor(self.document())
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                mark = QTextEdit.ExtraSelection()
                mark.cursor = cursor  # type: ignore[misc]
                mark.format = term  # type: ignore[misc]
                marks.append(mark)
        if self._flash_index is not None and self._flash_index < len(self._spans.starts):
            flash = QTextCharFormat()
            flash.setBackground(self._flash_colour)
            marks.append(self._mark(self._flash_index, flash))
        self.setExtraSelections(marks)

    def _on_flash_step(self, colour: QColor) -> None:
        self._flash_colour = colour
        self._refresh()

    def _on_flash_done(self) -> None:
        self._flash_index = None
        self._refresh()

    # -- hover and context menu ----------------------------------------------------------------

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.sentence_at_point(QPointF(event.pos()))
            if index is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.sentence_tooltip(index), self.viewport())
            return True
        return super().viewportEvent(event)

    def sentence_tooltip(self, index: int) -> str:
        document = self._document
        assert document is not None
        sentence = document.sentences[index]
        if not sentence.kind.is_candidate:
            return _kind_label(sentence.kind)
        ranking = self._ranking
        if ranking is None:
            return self.tr("Not ranked yet")
        lines = [
            self.tr("Rank {rank} of {count}").format(
                rank=int(ranking.ranks[index]), count=len(ranking.order)
            ),
            self.tr("Score {score}").format(score=f"{float(ranking.scores[index]):.4g}"),
        ]
        if index in self._pinned:
            lines.append(self.tr("Pinned: always in the summary"))
        elif index in self._excluded:
            lines.append(self.tr("Excluded: never in the summary"))
        elif self._selection is not None and index in self._selection.indices:
            lines.append(self.tr("In the summary"))
        return "\n".join(lines)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() != QContextMenuEvent.Reason.Keyboard:
            # The sentence actions act on the caret: put it where the user clicked, unless the
            # click is inside a text selection they may want to copy.
            hit = self.cursorForPosition(event.pos())
            cursor = self.textCursor()
            if not (cursor.selectionStart() <= hit.position() <= cursor.selectionEnd()):
                self.setTextCursor(hit)
        menu = self.createStandardContextMenu(event.pos())
        add_sentence_actions(menu, self._sentence_actions)
        self.exec_menu(menu, event.globalPos())
        menu.deleteLater()

    def exec_menu(self, menu: QMenu, position: QPoint) -> None:
        """Run the context menu: the one blocking call here, which tests replace."""
        menu.exec(position)


def _formats(kind: Kind, c: Colours) -> tuple[QTextBlockFormat, QTextCharFormat]:
    block = QTextBlockFormat()
    char = QTextCharFormat()
    block.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    block.setBottomMargin(12)
    if kind is Kind.TITLE:
        block.setHeadingLevel(1)
        block.setBottomMargin(16)
        block.setLineHeight(115, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        char.setFontWeight(QFont.Weight.Bold)
        char.setProperty(QTextFormat.Property.FontSizeAdjustment, 3)
        char.setForeground(c.heading)
    elif kind is Kind.HEADING:
        block.setHeadingLevel(2)
        block.setTopMargin(10)
        block.setBottomMargin(8)
        block.setLineHeight(115, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        char.setFontWeight(QFont.Weight.Bold)
        char.setProperty(QTextFormat.Property.FontSizeAdjustment, 1)
        char.setForeground(c.heading)
    elif kind in (Kind.BYLINE, Kind.CAPTION):
        char.setFontItalic(True)
        char.setForeground(c.muted)
    elif kind is Kind.BOILERPLATE:
        char.setForeground(c.muted)
        char.setProperty(QTextFormat.Property.FontSizeAdjustment, -1)
    return block, char


def _kind_label(kind: Kind) -> str:
    from PySide6.QtCore import QCoreApplication

    labels = {
        Kind.TITLE: QCoreApplication.translate("SourceView", "Title: not a summary candidate"),
        Kind.HEADING: QCoreApplication.translate("SourceView", "Heading: not a summary candidate"),
        Kind.BYLINE: QCoreApplication.translate("SourceView", "Byline: not a summary candidate"),
        Kind.CAPTION: QCoreApplication.translate("SourceView", "Caption: not a summary candidate"),
        Kind.BOILERPLATE: QCoreApplication.translate(
            "SourceView", "Boilerplate: not a summary candidate"
        ),
    }
    return labels.get(kind, "")
