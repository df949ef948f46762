"""The main window: layout and wiring. Source and summary side by side, the controls above.

Where things live, and where a new one goes: commands, menus and toolbar buttons in
``actions.py`` (tables); opening files in ``formats.py`` (filters from the engine's formats),
``recent.py`` and ``clipboard.py`` (paste and drops); pins in ``pins.py``; exporting in
``export_flow.py``; Help dialogs in ``help.py``; pane frames in ``panes.py`` (a new pane is
one more ``pane(...)`` in the splitter below, its view a module of its own). Cross-widget
signals are connected in one place, ``_connect``, so there is one readable map of who listens
to what. Widgets never call the engine: the ``Session`` does.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QToolButton,
    QWidget,
)

from desktop import APP_NAME
from desktop.ui.actions import build_actions, build_menus, build_toolbar, sentence_actions
from desktop.ui.citation_bar import CitationBar
from desktop.ui.clipboard import article_in, droppable
from desktop.ui.controls import SummaryControls
from desktop.ui.export_flow import ExportFlow
from desktop.ui.formats import open_filters
from desktop.ui.formatting import (
    cut_off_note,
    display_name,
    language_note,
    reading_progress,
    status_line,
)
from desktop.ui.heat_legend import HeatLegend
from desktop.ui.panes import PaneHeader, pane
from desktop.ui.pins import Pins
from desktop.ui.recent import RecentMenu
from desktop.ui.session import Session
from desktop.ui.settings import ZOOM_RANGE, Preferences, SettingsStore
from desktop.ui.source_view import SourceView
from desktop.ui.summary_view import SummaryView

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData

    from desktop.engine import Document, Length, Order, Prepared, Ranking, Selection
    from desktop.ui.brief_window import BriefWindow
    from desktop.ui.crash import CrashHandler
    from desktop.ui.session import LoadFailure, ReadingProgress
    from desktop.ui.tasks import Pool

SOURCE_POINTS = 12.0
SUMMARY_POINTS = 11.5


class MainWindow(QMainWindow):
    def __init__(
        self,
        store: SettingsStore,
        pool: Pool | None = None,
        crash: CrashHandler | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.store = store
        self.prefs = store.load()
        self.crash = crash
        self._pool = pool if pool is not None else QThreadPool.globalInstance()
        self.session = Session(self._pool, self.prefs.summary)
        self.session.setParent(self)
        self._previous_shown: object = None
        self._summary_timer = QTimer(self, singleShot=True, interval=0)
        self._summary_timer.timeout.connect(self._render_summary)
        self._save_timer = QTimer(self, singleShot=True, interval=500)
        self._save_timer.timeout.connect(lambda: self.store.save(self.prefs))

        self.controls = SummaryControls(self.prefs)
        self.source = SourceView()
        self.citation = CitationBar()
        self.summary = SummaryView()
        self.pins = Pins(self.session, self.source)
        self.exporter = ExportFlow(self)
        self.source_header = PaneHeader(self.tr("Article"))
        self.summary_header = PaneHeader(self.tr("Summary"))
        self.splitter = QSplitter(
            Qt.Orientation.Vertical if self.prefs.vertical else Qt.Orientation.Horizontal
        )
        self.splitter.setObjectName("panes")
        self.splitter.setChildrenCollapsible(False)
        self.heat_legend = HeatLegend()
        self.splitter.addWidget(
            pane(self.source_header, self.source, self.heat_legend, self.citation)
        )
        self.splitter.addWidget(pane(self.summary_header, self.summary))
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)

        self._build_status_bar()
        actions = build_actions(self)
        self.recent_menu = RecentMenu(self)
        build_menus(self.menuBar(), actions, self.recent_menu)
        self.recent_menu.rebuild()
        self.source.set_sentence_actions(sentence_actions(actions))
        self.summary.set_sentence_actions(sentence_actions(actions))
        self.cancel_button.setDefaultAction(self.act_cancel)
        self.act_heat.setChecked(self.prefs.heat_map)
        self.act_vertical.setChecked(self.prefs.vertical)
        self.act_keep_context.setChecked(self.prefs.summary.keep_context)
        self.addToolBar(build_toolbar(actions, self.controls))
        self._connect()
        self._apply_zoom()
        self.source.set_heat_map(self.prefs.heat_map)
        self.heat_legend.setVisible(self.prefs.heat_map)
        self._restore_window_state()
        self._update_actions()
        QWidget.setTabOrder(self.controls.order, self.source)
        QWidget.setTabOrder(self.source, self.summary)

    # -- building ------------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.stats = QLabel()
        self.stats.setObjectName("stats")
        self.stats.setAccessibleName(self.tr("Summary statistics"))
        self.stats.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar.addWidget(self.stats, 1)
        self.language_note = QLabel(objectName="language_note")
        self.language_note.hide()
        bar.addPermanentWidget(self.language_note)
        self.progress = QProgressBar()
        self.progress.setObjectName("busy")
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(120)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Working"))
        self.cancel_button = QToolButton()
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()

    def _connect(self) -> None:
        """Every cross-widget connection, in one place."""
        s = self.session
        s.documentChanged.connect(self._on_document)
        s.rankingChanged.connect(self._on_ranking)
        s.selectionChanged.connect(self._on_selection)
        s.activityChanged.connect(self._on_activity)
        s.loaded.connect(self.recent_menu.remember)
        s.loadFailed.connect(self._on_load_failed)
        s.readingProgress.connect(self._on_reading_progress)
        s.rankFailed.connect(self._on_rank_failed)
        s.cancelled.connect(lambda: self.statusBar().showMessage(self.tr("Cancelled."), 4000))
        s.crashed.connect(self._on_crash)

        c = self.controls
        c.methodChosen.connect(self._on_method)
        c.languageChosen.connect(self._on_language)
        c.lengthChosen.connect(self._on_length)
        c.orderChosen.connect(self._on_order)

        self.summary.sentenceActivated.connect(self.source.show_sentence)
        self.summary.contextRequested.connect(s.add_context)
        s.keyTermsChanged.connect(self.citation.show_terms)
        self.citation.termChosen.connect(self.source.highlight_term)
        self.citation.urlCopied.connect(
            lambda url: self.statusBar().showMessage(self.tr("Copied {url}").format(url=url), 4000)
        )
        self.source.cursorPositionChanged.connect(self._update_actions)
        self.controls.slider.sliderReleased.connect(self._render_summary)

    # -- opening -------------------------------------------------------------------------------

    def open_path(self, path: str | Path, prepared: Prepared | None = None) -> None:
        """``prepared``: the first article as prepared since start-up (``Session.open_path``)."""
        path = str(path)
        self.statusBar().showMessage(self.tr("Reading {name}…").format(name=Path(path).name))
        self.session.open_path(path, prepared)

    def open_brief(self) -> BriefWindow:
        """A brief window of its own, starting with the open article when it came from a file."""
        # Imported here: the brief window and its engine modules are not needed to start.
        from desktop.ui.brief_window import BriefWindow

        return BriefWindow.opened_from(self._pool, self, self.open_path, self.session.document)

    def choose_file(self) -> None:
        folder = str(Path(self.prefs.recent_files[0]).parent) if self.prefs.recent_files else ""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open Article"), folder, open_filters())
        if path:
            self.open_path(path)

    def paste_article(self) -> None:
        """Ctrl+V: the clipboard's text replaces the article (the old one is one step back)."""
        if not self.open_mime(QGuiApplication.clipboard().mimeData()):
            self.statusBar().showMessage(self.tr("The clipboard holds no text to summarise."), 5000)

    def open_mime(self, mime: QMimeData | None) -> bool:
        """Open a dropped or pasted file, web page or text. False when it holds none."""
        pasted = article_in(mime)
        if pasted is None:
            return False
        if pasted.path:
            self.open_path(pasted.path)
        else:
            self.statusBar().showMessage(self.tr("Reading the pasted text…"))
            self.session.open_bytes(pasted.alternatives)
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if droppable(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if droppable(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.open_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    # -- navigation ----------------------------------------------------------------------------

    def jump_to_summary_sentence(self, direction: int) -> None:
        selection = self.session.selection
        if selection is None or not selection.indices:
            return
        chosen = sorted(selection.indices)
        here = self.source.sentence_at_caret()
        if here is None:
            target = chosen[0] if direction > 0 else chosen[-1]
        elif direction > 0:
            target = next((i for i in chosen if i > here), chosen[0])
        else:
            target = next((i for i in reversed(chosen) if i < here), chosen[-1])
        self.source.show_sentence(target)

    # -- view ----------------------------------------------------------------------------------

    def zoom(self, step: int) -> None:
        """``step`` 1 or -1 zooms in or out; 0 resets."""
        value = 0 if step == 0 else self.prefs.zoom + step
        value = min(max(value, ZOOM_RANGE[0]), ZOOM_RANGE[1])
        self.set_prefs(replace(self.prefs, zoom=value))
        self._apply_zoom()

    def _apply_zoom(self) -> None:
        self.source.set_point_size(SOURCE_POINTS + self.prefs.zoom)
        self.summary.set_point_size(SUMMARY_POINTS + self.prefs.zoom)

    def set_heat_map(self, on: bool) -> None:
        self.source.set_heat_map(on)
        self.heat_legend.setVisible(on)
        self.set_prefs(replace(self.prefs, heat_map=on))

    def set_keep_context(self, on: bool) -> None:
        self.set_prefs(self.prefs.with_summary(keep_context=on))
        self.session.set_keep_context(on)

    def set_vertical(self, on: bool) -> None:
        self.splitter.setOrientation(Qt.Orientation.Vertical if on else Qt.Orientation.Horizontal)
        self.set_prefs(replace(self.prefs, vertical=on))

    # -- session signals -----------------------------------------------------------------------

    def _on_document(self, document: Document | None) -> None:
        self.source.show_document(document)
        self.citation.show_document(document)
        self.controls.set_document(document, self.session.options.language)
        note = "  ·  ".join(n for n in (cut_off_note(document), language_note(document)) if n)
        self.language_note.setText(note)
        self.language_note.setVisible(bool(note))
        if document is None:
            self.setWindowTitle(APP_NAME)
            self.source_header.set_detail("")
            self.stats.clear()
        else:
            name = display_name(document)
            self.setWindowTitle(f"{name} — {APP_NAME}")
            self.source_header.set_detail(name)
            self.statusBar().clearMessage()
        previous = self.session.previous
        if previous is not None and previous is not self._previous_shown:
            key = self.act_back.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            self.statusBar().showMessage(
                self.tr("“{name}” is one step back ({key}).").format(
                    name=display_name(previous), key=key
                ),
                8000,
            )
        self._previous_shown = previous
        self._update_actions()

    def _on_ranking(self, ranking: Ranking | None) -> None:
        self.source.show_ranking(ranking)

    def _on_selection(self, selection: Selection | None) -> None:
        s = self.session
        self.source.show_selection(selection, s.pinned, s.excluded)
        if self.controls.slider.isSliderDown():
            # While the slider is dragged the highlights follow every step; the summary pane
            # catches up once per event-loop pass instead of re-rendering for each one.
            self._summary_timer.start()
        else:
            self._summary_timer.stop()
            self._render_summary()
        self.summary_header.set_detail(self._summary_detail())
        if selection is None:
            self.stats.clear()
        else:
            self.stats.setText(status_line(selection))
        self._update_actions()

    def _summary_detail(self) -> str:
        selection = self.session.selection
        if selection is None:
            return ""
        count = len(selection.indices)
        sentences = (
            self.tr("{count} sentence") if count == 1 else self.tr("{count} sentences")
        ).format(count=count)
        words = self.tr("{words} words").format(words=selection.words)
        return f"{sentences} · {words}"

    def _render_summary(self) -> None:
        self.summary.show_selection(self.session.selection, self.session.pinned)

    def _on_reading_progress(self, progress: ReadingProgress) -> None:
        reading = progress.page < progress.pages  # else finding sentences: no measure of it
        self.progress.setRange(0, progress.pages if reading else 0)
        self.progress.setValue(progress.page)
        self.statusBar().showMessage(
            reading_progress(progress.source, progress.page, progress.pages)
        )

    def _on_activity(self, activity: str) -> None:
        busy = bool(activity)
        self.progress.setRange(0, 0)  # moving until a reader tells its pages
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.summary.set_busy(busy)
        if activity == "load":
            self.summary_header.set_detail(self.tr("reading…"))
        elif activity == "rank":
            self.summary_header.set_detail(self.tr("ranking…"))
            self.statusBar().showMessage(self.tr("Ranking sentences…"))
        else:
            self.statusBar().clearMessage()
            self.summary_header.set_detail(self._summary_detail())
        self._update_actions()

    def _on_load_failed(self, failure: LoadFailure) -> None:
        self.statusBar().clearMessage()
        if failure.source:
            title = self.tr("Could Not Open {name}").format(name=Path(failure.source).name)
            self.recent_menu.forget_if_gone(failure.source)
        else:
            title = self.tr("Could Not Read the Pasted Text")
        keep = (
            self.tr("The article you had open is still here.")
            if self.session.document is not None
            else ""
        )
        QMessageBox.warning(self, title, f"{failure.message}\n\n{keep}".strip())

    def _on_rank_failed(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Could Not Summarise"), message)

    def _on_crash(self, exc: BaseException) -> None:
        if self.crash is not None:
            self.crash.report(exc)
        else:
            raise exc

    # -- control signals -----------------------------------------------------------------------

    def _on_method(self, method: str) -> None:
        self.set_prefs(self.prefs.with_summary(method=method))
        self.session.set_method(method)

    def _on_language(self, code: str) -> None:
        self.session.set_language(code or None)  # for this article only: not a preference

    def _on_length(self, length: Length) -> None:
        self.session.set_length(length)
        # Saving is deferred: a slider drag emits many values and only the last one matters.
        self.prefs = self.prefs.with_length(length)
        self._save_later()

    def _on_order(self, order: Order) -> None:
        self.set_prefs(self.prefs.with_summary(order=order))
        self.session.set_order(order)

    # -- state ---------------------------------------------------------------------------------

    def _update_actions(self) -> None:
        s = self.session
        has_summary = s.selection is not None and bool(s.selection.indices)
        self.act_export.setEnabled(has_summary)
        self.act_copy.setEnabled(has_summary)
        self.act_close.setEnabled(s.document is not None)
        self.act_cancel.setEnabled(s.busy)
        self.act_rerank.setEnabled(s.outdated)
        for action in (self.act_next, self.act_previous):
            action.setEnabled(has_summary)
        self.act_longer.setEnabled(s.ranking is not None)
        self.act_shorter.setEnabled(s.ranking is not None)
        self.pins.enable(self.act_pin, self.act_exclude, self.act_release, self.act_clear_marks)
        self.act_back.setEnabled(s.previous is not None and s.activity != "load")

    def set_prefs(self, prefs: Preferences) -> None:
        self.prefs = prefs
        self.store.save(prefs)

    def _save_later(self) -> None:
        self._save_timer.start()

    def _restore_window_state(self) -> None:
        geometry, splitter = self.store.window_state()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        if splitter is not None:
            self.splitter.restoreState(splitter)
        # The preference decides the orientation, whatever the saved splitter state says.
        self.splitter.setOrientation(
            Qt.Orientation.Vertical if self.prefs.vertical else Qt.Orientation.Horizontal
        )

    def save_state(self) -> None:
        self.store.save(self.prefs)
        self.store.save_window_state(self.saveGeometry(), self.splitter.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.session.cancel()
        self.save_state()
        super().closeEvent(event)
