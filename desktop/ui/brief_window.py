"""The brief window: several articles on one story, one cited brief over them.

The list on the left holds the articles (title, outlet, date, words; near-identical ones marked);
the checked ones (all by default) make the brief, ranked once on a worker thread by the
``BriefSession``; the length, its unit and the order only re-cut it. Clicking a line shows its
article on the right with the sentence highlighted; the line's context menu pins or excludes it.
Export writes the brief as Markdown (atomically); Copy puts the same Markdown on the clipboard.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QContextMenuEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QToolBar,
    QWidget,
)

from desktop.engine import (
    BriefOrder,
    ExportError,
    Length,
    Unit,
    brief_markdown,
    citation,
    outlet,
    source_line,
    source_name,
    write_atomic,
)
from desktop.ui.brief_session import BriefSession
from desktop.ui.source_view import SourceView
from desktop.ui.theme import colours

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from desktop.engine import BriefSelection, Document
    from desktop.ui.tasks import Pool

UNITS = (Unit.SENTENCES, Unit.PERCENT, Unit.WORDS)


class BriefView(QTextBrowser):
    """The brief's lines, each a link (``#s<index>`` of the joined document), then the sources."""

    lineActivated = Signal(int)
    pinRequested = Signal(int)
    excludeRequested = Signal(int)
    clearRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("brief")
        self.setAccessibleName(self.tr("Brief"))
        self.setOpenLinks(False)
        self.setPlaceholderText(self.tr("Add articles on one story to brief them."))
        self.anchorClicked.connect(self._on_anchor)
        self._selection: BriefSelection | None = None
        self._pinned: frozenset[int] = frozenset()

    def show_selection(self, selection: BriefSelection | None, pinned: frozenset[int]) -> None:
        self._selection, self._pinned = selection, pinned
        if selection is None:
            self.clear()
            return
        text = self.palette().color(QPalette.ColorRole.Text).name()
        muted = colours(self.palette()).muted.name()
        parts = []
        for index, line in zip(selection.indices, selection.lines(), strict=True):
            pin = "\u2691&nbsp;" if index in pinned else ""
            parts.append(
                f'<p style="margin-bottom:10px">{pin}<a href="#s{index}" style="color:{text}; '
                f'text-decoration:none">{html.escape(line.text)}</a>&nbsp;'
                f'<span style="color:{muted}">{citation(line)}</span></p>'
            )
        parts.append(f"<h4>{html.escape(self.tr('Sources'))}</h4><ol>")
        articles = selection.brief.articles
        parts += [f"<li>{html.escape(source_line(doc, articles))}</li>" for doc in articles]
        self.setHtml("".join(parts) + "</ol>")

    def anchor_position(self, index: int) -> int | None:
        """Where line ``index`` starts in this pane (for tests and keyboard focus)."""
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.charFormat().anchorHref() == f"#s{index}":
                    return fragment.position()
                it += 1
            block = block.next()
        return None

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        anchor = self.anchorAt(event.pos())
        menu = QMenu(self)
        if anchor.startswith("#s"):
            index = int(anchor[2:])
            pinned = index in self._pinned
            pin = menu.addAction(self.tr("Unpin Line") if pinned else self.tr("Pin Line"))
            pin.setObjectName("pin_line")
            pin.triggered.connect(lambda: self.pinRequested.emit(index))
            drop = menu.addAction(self.tr("Exclude Line"))
            drop.setObjectName("exclude_line")
            drop.triggered.connect(lambda: self.excludeRequested.emit(index))
        clear = menu.addAction(self.tr("Clear Pins and Exclusions"))
        clear.setObjectName("clear_marks")
        clear.triggered.connect(self.clearRequested.emit)
        self.exec_menu(menu, event.globalPos())

    def exec_menu(self, menu: QMenu, position: QPoint) -> None:
        """Show the context menu (tests replace this to choose an action without blocking)."""
        menu.exec(position)

    def _on_anchor(self, url: QUrl) -> None:
        fragment = url.fragment() or url.toString().lstrip("#")
        if fragment.startswith("s") and fragment[1:].isdigit():
            self.lineActivated.emit(int(fragment[1:]))


class BriefWindow(QMainWindow):
    """Articles in, one brief out (see the module note); the work is the ``BriefSession``'s."""

    openArticle = Signal(str)  # a file the user wants in the single-article window

    @classmethod
    def opened_from(
        cls,
        pool: Pool,
        parent: QWidget,
        open_path: Callable[[str], None],
        document: Document | None,
    ) -> BriefWindow:
        """A brief window of its own, starting with ``document`` when it came from a file; its
        articles open in the single-article window through ``open_path``."""
        window = cls(pool, parent)
        window.openArticle.connect(open_path)
        if document is not None and document.source and Path(document.source).is_file():
            window.add_paths([document.source])
        window.show()
        return window

    def __init__(self, pool: Pool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("brief_window")
        self.setWindowTitle(self.tr("Brief"))
        self.setAcceptDrops(True)
        self.session = BriefSession(pool, self)

        self.articles = QListWidget()
        self.articles.setObjectName("articles")
        self.articles.setAccessibleName(self.tr("Articles"))
        self.articles.setWordWrap(True)
        self.articles.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view = BriefView()
        self.source = SourceView()
        splitter = QSplitter()
        for widget in (self.articles, self.view, self.source):
            splitter.addWidget(widget)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 3)
        self.setCentralWidget(splitter)

        self.length = QSpinBox()
        self.length.setObjectName("brief_length")
        self.length.setAccessibleName(self.tr("Length"))
        self.length.setRange(1, 100_000)
        self.length.setValue(round(self.session.length.value))
        self.unit = QComboBox()
        self.unit.setObjectName("brief_unit")
        self.unit.addItems([self.tr("lines"), self.tr("% of the words"), self.tr("words")])
        self.unit.setCurrentIndex(UNITS.index(self.session.length.unit))
        self.order = QComboBox()
        self.order.setObjectName("brief_order")
        self.order.addItems([self.tr("By story"), self.tr("By article")])
        bar = QToolBar(self.tr("Brief"))
        bar.setObjectName("brief_toolbar")
        bar.addAction(self.tr("Add Articles…"), self.choose_files)
        bar.addAction(self.tr("Add Folder…"), self.choose_folder)
        bar.addAction(self.tr("Paste Article"), self.paste_article)
        bar.addSeparator()
        bar.addWidget(QLabel(self.tr("Length ")))
        for widget in (self.length, self.unit, self.order):
            bar.addWidget(widget)
        bar.addSeparator()
        bar.addAction(self.tr("Export Markdown…"), self.export_markdown)
        bar.addAction(self.tr("Copy Brief"), self.copy_brief)
        self.addToolBar(bar)
        self.status = QLabel()
        self.statusBar().addWidget(self.status, 1)

        s = self.session
        s.articlesChanged.connect(self._show_articles)
        s.selectionChanged.connect(self._show_selection)
        s.activityChanged.connect(self._on_activity)
        s.failed.connect(
            lambda text: self.status.setText(self.tr("Left out: %1").replace("%1", text))
        )
        self.length.valueChanged.connect(self._on_length)
        self.unit.currentIndexChanged.connect(self._on_length)
        self.order.currentIndexChanged.connect(
            lambda i: s.set_order((BriefOrder.STORY, BriefOrder.ARTICLE)[i])
        )
        self.articles.itemChanged.connect(
            lambda item: s.set_included(
                self.articles.row(item), item.checkState() is Qt.CheckState.Checked
            )
        )
        self.articles.currentRowChanged.connect(self._on_article)
        self.articles.itemDoubleClicked.connect(self._on_open_article)
        self.view.lineActivated.connect(self.show_line)
        self.view.pinRequested.connect(s.toggle_pin)
        self.view.excludeRequested.connect(s.exclude)
        self.view.clearRequested.connect(s.clear_marks)
        self.resize(1280, 760)

    def add_paths(self, paths: Sequence[str | Path]) -> None:
        self.session.add_paths(paths)

    def _show_articles(self) -> None:
        """Each article's line: its number in the brief's citations (included ones only), title,
        outlet, date and words, and which article it nearly repeats."""
        s = self.session
        number = {row: n for n, row in enumerate(s.brief_rows())}
        brief = s.brief
        near = brief.near_identical if brief and len(brief.articles) == len(number) else ()
        self.articles.blockSignals(True)
        while self.articles.count() < len(s.documents):
            item = QListWidgetItem()
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            self.articles.addItem(item)
        for row, doc in enumerate(s.documents):
            cite = f"[{number[row] + 1}] " if row in number else ""
            details = [outlet(doc), doc.date, self.tr("%n words", "", doc.body_words)]
            name = doc.title or source_name(doc, s.documents) or self.tr("Pasted article")
            text = f"{cite}{name}\n" + " · ".join(d for d in details if d)
            other = near[number[row]] if row in number and near else None
            if other is not None:
                text += "\n" + self.tr("≈ nearly the same as [%1]").replace("%1", str(other + 1))
            item = self.articles.item(row)
            item.setText(text)
            item.setCheckState(
                Qt.CheckState.Checked if s.included[row] else Qt.CheckState.Unchecked
            )
        self.articles.blockSignals(False)

    def _on_length(self) -> None:
        unit = UNITS[self.unit.currentIndex()]
        value = min(self.length.value(), 100) if unit is Unit.PERCENT else self.length.value()
        self.session.set_length(Length(value, unit))

    def _show_selection(self, selection: BriefSelection | None) -> None:
        self.view.show_selection(selection, self.session.pinned)
        if selection is not None:
            self.status.setText(
                self.tr("%1 lines, %2 words, from %3 articles")
                .replace("%1", str(len(selection.indices)))
                .replace("%2", str(selection.words))
                .replace("%3", str(len(selection.brief.articles)))
            )

    def _on_failed(self, text: str) -> None:
        self.status.setText(self.tr("Left out: %1").replace("%1", text))

    def _on_activity(self, activity: str) -> None:
        if activity:
            self.status.setText(self.tr("Reading…") if activity == "read" else self.tr("Ranking…"))

    def show_line(self, index: int) -> None:
        """Show the line's article on the right with the sentence highlighted."""
        row, sentence = self.session.locate(index)
        self.articles.setCurrentRow(row)
        self.source.show_sentence(sentence)

    def _on_article(self, row: int) -> None:
        documents = self.session.documents
        self.source.show_document(documents[row] if 0 <= row < len(documents) else None)

    def _on_open_article(self, item: QListWidgetItem) -> None:
        source = self.session.documents[self.articles.row(item)].source
        if source and Path(source).is_file():
            self.openArticle.emit(source)

    # -- files, drops, export ------------------------------------------------------------------

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add Articles"))
        if paths:
            self.add_paths(paths)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a Folder of Articles"))
        if folder:
            self.add_paths([folder])

    def paste_article(self) -> None:
        text = QGuiApplication.clipboard().text()
        if text.strip():
            self.session.add_text(text)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    def export_markdown(self) -> None:
        selection = self.session.selection
        if selection is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Brief"), "brief.md", self.tr("Markdown (*.md)")
        )
        if not path:
            return
        try:
            write_atomic(path, brief_markdown(selection), overwrite=True)
        except ExportError as exc:
            self.status.setText(str(exc))
            return
        self.status.setText(self.tr("Saved %1").replace("%1", path))

    def copy_brief(self) -> None:
        if self.session.selection is not None:
            mime = QMimeData()
            mime.setText(brief_markdown(self.session.selection))
            QGuiApplication.clipboard().setMimeData(mime)


def _local_paths(mime: QMimeData | None) -> list[str]:
    if mime is None or not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
