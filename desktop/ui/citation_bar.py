"""Above the article: where it came from (outlet · author · date, the address to copy) and its
key terms, each a button that highlights the term in the article."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from collections.abc import Sequence

    from desktop.engine import Document

_URL_CHARS = 60  # an address longer than this is shown shortened (the whole one is copied)


class CitationBar(QWidget):
    termChosen = Signal(object)  # the key term to highlight, or None to clear
    urlCopied = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("citation")
        self.facts = QLabel()
        self.facts.setObjectName("source_facts")
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.link = QToolButton()
        self.link.setObjectName("source_url")
        self.link.setAutoRaise(True)
        self.link.setCursor(Qt.CursorShape.PointingHandCursor)
        self.link.setToolTip(self.tr("Copy the article's address"))
        self.link.setAccessibleName(self.tr("Article address: click to copy"))
        self.link.clicked.connect(self._copy_url)
        self._url = ""
        source = QHBoxLayout()
        source.setContentsMargins(0, 0, 0, 0)
        source.addWidget(self.facts)
        source.addWidget(self.link)
        source.addStretch(1)

        self.terms_label = QLabel(self.tr("Key terms:"))
        self._terms = QHBoxLayout()
        self._terms.setContentsMargins(0, 0, 0, 0)
        self._terms.setSpacing(2)
        self._terms.addWidget(self.terms_label)
        self._terms.addStretch(1)
        self.term_buttons: list[QToolButton] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        layout.addLayout(source)
        layout.addLayout(self._terms)
        self.show_document(None)
        self.show_terms(())

    def show_document(self, document: Document | None) -> None:
        """Outlet · author · publication date, and the address; only what the article gives."""
        facts: list[str] = []
        if document is not None:
            date = QDate.fromString(document.date[:10], Qt.DateFormat.ISODate)
            shown = (
                QLocale().toString(date, QLocale.FormatType.LongFormat)
                if date.isValid()
                else document.date
            )
            facts = [f for f in (document.site, ", ".join(document.authors), shown) if f]
        self.facts.setText(" · ".join(facts))
        self.facts.setVisible(bool(facts))
        self._url = document.url if document is not None else ""
        short = self._url if len(self._url) <= _URL_CHARS else self._url[: _URL_CHARS - 1] + "…"
        self.link.setText(short)
        self.link.setVisible(bool(self._url))
        self._update_visible()

    def show_terms(self, terms: Sequence[str]) -> None:
        for button in self.term_buttons:
            self._terms.removeWidget(button)
            button.deleteLater()
        self.term_buttons = []
        for term in terms:
            button = QToolButton()
            button.setText(term)
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setToolTip(self.tr("Highlight “{term}” in the article").format(term=term))
            button.clicked.connect(lambda on, b=button: self._on_term(b, on))
            self._terms.insertWidget(self._terms.count() - 1, button)
            self.term_buttons.append(button)
        self.terms_label.setVisible(bool(terms))
        self._update_visible()

    @property
    def url(self) -> str:
        return self._url

    def _on_term(self, button: QToolButton, on: bool) -> None:
        for other in self.term_buttons:
            if other is not button:
                other.setChecked(False)
        self.termChosen.emit(button.text() if on else None)

    def _copy_url(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if self._url and clipboard is not None:
            clipboard.setText(self._url)
            self.urlCopied.emit(self._url)

    def _update_visible(self) -> None:
        self.setVisible(bool(self.facts.text() or self._url or self.term_buttons))
