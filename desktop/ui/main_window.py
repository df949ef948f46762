"""The main window: source and summary side by side, the controls, menus, and all the wiring.

Cross-widget signals are connected in one place, ``_connect``, so there is one readable map of
who listens to what. Widgets never call the engine: the ``Summariser`` does.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMimeData, QSize, Qt, QThreadPool, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QGuiApplication,
    QKeySequence,
    QPalette,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_ID, APP_NAME, __version__
from desktop.engine import (
    ExportError,
    Length,
    MarkdownOptions,
    Order,
    supported_suffixes,
    to_markdown,
    write_atomic,
)
from desktop.paths import sample_article
from desktop.ui.adapter import LoadFailure, Summariser
from desktop.ui.controls import SummaryControls
from desktop.ui.export_dialog import ExportDialog
from desktop.ui.formatting import (
    display_name,
    export_file_name,
    status_line,
    summary_html,
)
from desktop.ui.settings import ZOOM_RANGE, Preferences, SettingsStore
from desktop.ui.source_view import SourceView
from desktop.ui.summary_view import SummaryView

if TYPE_CHECKING:
    from desktop.engine import Document, Ranking, Selection
    from desktop.ui.crash import CrashHandler
    from desktop.ui.tasks import Pool

SOURCE_POINTS = 12.0
SUMMARY_POINTS = 11.5
FORMAT_NAMES = {
    ".txt": QT_TRANSLATE_NOOP("MainWindow", "Plain text"),
    ".text": QT_TRANSLATE_NOOP("MainWindow", "Plain text"),
    ".md": QT_TRANSLATE_NOOP("MainWindow", "Markdown"),
    ".markdown": QT_TRANSLATE_NOOP("MainWindow", "Markdown"),
    ".html": QT_TRANSLATE_NOOP("MainWindow", "Web pages"),
    ".htm": QT_TRANSLATE_NOOP("MainWindow", "Web pages"),
    ".xhtml": QT_TRANSLATE_NOOP("MainWindow", "Web pages"),
    ".mhtml": QT_TRANSLATE_NOOP("MainWindow", "Saved web pages"),
    ".mht": QT_TRANSLATE_NOOP("MainWindow", "Saved web pages"),
    ".docx": QT_TRANSLATE_NOOP("MainWindow", "Word documents"),
    ".odt": QT_TRANSLATE_NOOP("MainWindow", "OpenDocument text"),
    ".rtf": QT_TRANSLATE_NOOP("MainWindow", "Rich Text"),
    ".pdf": QT_TRANSLATE_NOOP("MainWindow", "PDF"),
    ".epub": QT_TRANSLATE_NOOP("MainWindow", "E-books"),
}


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
        self.summariser = Summariser(
            pool if pool is not None else QThreadPool.globalInstance(), self.prefs.summary
        )
        self.summariser.setParent(self)
        self._body_words = 0
        self._summary_timer = QTimer(self, singleShot=True, interval=0)
        self._summary_timer.timeout.connect(self._render_summary)
        self._save_timer = QTimer(self, singleShot=True, interval=500)
        self._save_timer.timeout.connect(lambda: self.store.save(self.prefs))

        self.controls = SummaryControls(self.prefs)
        self.source = SourceView()
        self.summary = SummaryView()
        self.source_header = _PaneHeader(self.tr("Article"))
        self.summary_header = _PaneHeader(self.tr("Summary"))
        self.splitter = QSplitter(
            Qt.Orientation.Vertical if self.prefs.vertical else Qt.Orientation.Horizontal
        )
        self.splitter.setObjectName("panes")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(_pane(self.source_header, self.source))
        self.splitter.addWidget(_pane(self.summary_header, self.summary))
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)

        self._build_status_bar()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._connect()
        self._apply_zoom()
        self.source.set_heat_map(self.prefs.heat_map)
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
        self.progress = QProgressBar()
        self.progress.setObjectName("busy")
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(120)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Working"))
        self.cancel_button = QToolButton()
        self.cancel_button.setObjectName("cancel_button")
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()

    def _action(
        self,
        name: str,
        text: str,
        shortcut: QKeySequence | str | list[QKeySequence | str] | None = None,
        slot: object = None,
        *,
        tip: str = "",
        checkable: bool = False,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(k) for k in keys])
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.setCheckable(checkable)
        if slot is not None:
            (action.toggled if checkable else action.triggered).connect(slot)
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.act_open = a(
            "open", self.tr("&Open…"), QKeySequence.StandardKey.Open, self.choose_file,
            tip=self.tr("Open an article from a file"),
        )  # fmt: skip
        self.act_paste = a(
            "paste", self.tr("&Paste Article"), "Ctrl+Shift+V", self.paste_article,
            tip=self.tr("Summarise the text on the clipboard"),
        )  # fmt: skip
        self.act_close = a("close", self.tr("&Close Article"), "Ctrl+W", self.close_article)
        self.act_export = a(
            "export", self.tr("&Export Markdown…"), "Ctrl+E", self.export_markdown,
            tip=self.tr("Save the summary as a Markdown file"),
        )  # fmt: skip
        self.act_copy = a(
            "copy_summary", self.tr("Copy &Summary"), "Ctrl+Shift+C", self.copy_summary,
            tip=self.tr("Copy the summary as Markdown and as rich text"),
        )  # fmt: skip
        self.act_quit = a("quit", self.tr("&Quit"), "Ctrl+Q", self.close)
        self.act_clear_recent = a(
            "clear_recent", self.tr("C&lear Recent Files"), "Ctrl+Shift+Delete", self.clear_recent
        )

        self.act_pin = a(
            "pin", self.tr("&Pin Sentence"), "Ctrl+Shift+P", self.pin_sentence,
            tip=self.tr("Always keep the sentence at the cursor in the summary"),
        )  # fmt: skip
        self.act_exclude = a(
            "exclude", self.tr("E&xclude Sentence"), "Ctrl+Shift+X", self.exclude_sentence,
            tip=self.tr("Never put the sentence at the cursor in the summary"),
        )  # fmt: skip
        self.act_release = a(
            "release", self.tr("&Unpin or Include Again"), "Ctrl+Shift+U", self.release_sentence,
            tip=self.tr("Let the ranking decide about the sentence at the cursor again"),
        )  # fmt: skip
        self.act_clear_marks = a(
            "clear_marks", self.tr("C&lear All Pins and Exclusions"), "Ctrl+Shift+Backspace",
            self.summariser.clear_marks,
        )  # fmt: skip

        self.act_longer = a("longer", self.tr("&Longer"), "Ctrl+]", lambda: self.controls.step(1))
        self.act_shorter = a(
            "shorter", self.tr("&Shorter"), "Ctrl+[", lambda: self.controls.step(-1)
        )
        self.act_next = a(
            "next_sentence", self.tr("&Next Summary Sentence"), "F8",
            lambda: self.jump_to_summary_sentence(1),
        )  # fmt: skip
        self.act_previous = a(
            "previous_sentence", self.tr("P&revious Summary Sentence"), "Shift+F8",
            lambda: self.jump_to_summary_sentence(-1),
        )  # fmt: skip
        self.act_rerank = a("rerank", self.tr("Summarise &Again"), "F5", self.summariser.rerank)
        self.act_cancel = a(
            "cancel", self.tr("&Cancel"), "Esc", self.summariser.cancel,
            tip=self.tr("Stop reading or ranking; the current article stays"),
        )  # fmt: skip
        self.cancel_button.setDefaultAction(self.act_cancel)

        self.act_heat = a(
            "heat_map", self.tr("&Heat Map"), "Ctrl+H", self._on_heat_map,
            tip=self.tr("Shade every sentence by its score"), checkable=True,
        )  # fmt: skip
        self.act_heat.setChecked(self.prefs.heat_map)
        self.act_vertical = a(
            "vertical", self.tr("S&tack Panes Vertically"), "Ctrl+Shift+L", self._on_vertical,
            checkable=True,
        )  # fmt: skip
        self.act_vertical.setChecked(self.prefs.vertical)
        self.act_zoom_in = a(
            "zoom_in", self.tr("Zoom &In"), [QKeySequence.StandardKey.ZoomIn, "Ctrl+="],
            lambda: self.zoom(1),
        )  # fmt: skip
        self.act_zoom_out = a(
            "zoom_out", self.tr("Zoom &Out"), QKeySequence.StandardKey.ZoomOut,
            lambda: self.zoom(-1),
        )  # fmt: skip
        self.act_zoom_reset = a(
            "zoom_reset", self.tr("&Actual Size"), "Ctrl+0", lambda: self.zoom(0)
        )
        self.act_focus_source = a(
            "focus_article", self.tr("Go to A&rticle"), "Ctrl+1", self.source.setFocus
        )
        self.act_focus_summary = a(
            "focus_summary", self.tr("Go to Su&mmary"), "Ctrl+2", self.summary.setFocus
        )

        self.act_shortcuts = a(
            "shortcuts", self.tr("&Keyboard Shortcuts"), QKeySequence.StandardKey.HelpContents,
            self.show_shortcuts,
        )  # fmt: skip
        self.act_about = a("about", self.tr("&About Precis"), "Ctrl+Shift+F1", self.show_about)

        # Ctrl+V pastes an article only into an empty window; with an article open it would
        # replace it by surprise.
        self.paste_when_empty = QShortcut(QKeySequence.StandardKey.Paste, self)
        self.paste_when_empty.activated.connect(self.paste_article)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        file.addActions([self.act_open, self.act_paste])
        self.recent_menu = file.addMenu(self.tr("Open &Recent"))
        self.recent_menu.setObjectName("recent_menu")
        file.addAction(self.act_close)
        file.addSeparator()
        file.addActions([self.act_export, self.act_copy])
        file.addSeparator()
        file.addAction(self.act_quit)
        self._rebuild_recent_menu()

        edit = bar.addMenu(self.tr("&Edit"))
        edit.addActions([self.act_pin, self.act_exclude, self.act_release, self.act_clear_marks])

        summary = bar.addMenu(self.tr("&Summary"))
        summary.addActions([self.act_longer, self.act_shorter])
        summary.addSeparator()
        summary.addActions([self.act_next, self.act_previous])
        summary.addSeparator()
        summary.addActions([self.act_rerank, self.act_cancel])

        view = bar.addMenu(self.tr("&View"))
        view.addActions([self.act_heat, self.act_vertical])
        view.addSeparator()
        view.addActions([self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset])
        view.addSeparator()
        view.addActions([self.act_focus_source, self.act_focus_summary])

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.act_shortcuts, self.act_about])

        self.source.set_sentence_actions(
            [self.act_pin, self.act_exclude, self.act_release, None, self.act_clear_marks]
        )

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Summary Controls"))
        toolbar.setObjectName("controls_toolbar")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        toolbar.setIconSize(QSize(18, 18))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.act_open)
        toolbar.addAction(self.act_export)
        toolbar.addSeparator()
        toolbar.addWidget(self.controls)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addAction(self.act_heat)
        self.addToolBar(toolbar)

    def _connect(self) -> None:
        """Every cross-widget connection, in one place."""
        s = self.summariser
        s.documentChanged.connect(self._on_document)
        s.rankingChanged.connect(self._on_ranking)
        s.selectionChanged.connect(self._on_selection)
        s.activityChanged.connect(self._on_activity)
        s.loaded.connect(self._on_loaded)
        s.loadFailed.connect(self._on_load_failed)
        s.rankFailed.connect(self._on_rank_failed)
        s.cancelled.connect(lambda: self.statusBar().showMessage(self.tr("Cancelled."), 4000))
        s.crashed.connect(self._on_crash)

        c = self.controls
        c.methodChosen.connect(self._on_method)
        c.languageChosen.connect(self._on_language)
        c.lengthChosen.connect(self._on_length)
        c.orderChosen.connect(self._on_order)

        self.summary.sentenceActivated.connect(self.source.show_sentence)
        self.source.cursorPositionChanged.connect(self._update_actions)
        self.recent_menu.aboutToShow.connect(self._rebuild_recent_menu)
        self.controls.slider.sliderReleased.connect(self._render_summary)

    # -- loading -------------------------------------------------------------------------------

    def open_path(self, path: str | Path) -> None:
        path = str(path)
        self.statusBar().showMessage(self.tr("Reading {name}…").format(name=Path(path).name))
        self.summariser.open_path(path)

    def choose_file(self) -> None:
        folder = str(Path(self.prefs.recent_files[0]).parent) if self.prefs.recent_files else ""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open Article"), folder, self._file_filters()
        )
        if path:
            self.open_path(path)

    def _file_filters(self) -> str:
        suffixes = supported_suffixes()
        everything = " ".join(f"*{s}" for s in suffixes)
        groups: dict[str, list[str]] = {}
        for suffix in suffixes:
            name = FORMAT_NAMES.get(suffix, f"{suffix.lstrip('.').upper()}")
            groups.setdefault(name, []).append(f"*{suffix}")
        filters = [self.tr("All supported articles ({patterns})").format(patterns=everything)]
        filters += [f"{self.tr(name)} ({' '.join(p)})" for name, p in groups.items()]
        filters.append(self.tr("All files (*)"))
        return ";;".join(filters)

    def paste_article(self) -> None:
        if self.sender() is self.paste_when_empty and self.summariser.document is not None:
            return
        mime = QGuiApplication.clipboard().mimeData()
        if not self._open_mime(mime):
            self.statusBar().showMessage(self.tr("The clipboard holds no text to summarise."), 5000)

    def _open_mime(self, mime: QMimeData | None) -> bool:
        """Open a dropped or pasted file, web page or text. False when it holds none."""
        if mime is None:
            return False
        files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        if files:
            self.open_path(files[0])
            return True
        alternatives: list[tuple[bytes, str]] = []
        if mime.hasHtml() and ".html" in supported_suffixes():
            alternatives.append((mime.html().encode("utf-8"), ".html"))
        if mime.hasText() and mime.text().strip():
            alternatives.append((mime.text().encode("utf-8"), ".txt"))
        if not alternatives:
            return False
        self.statusBar().showMessage(self.tr("Reading the pasted text…"))
        self.summariser.open_bytes(alternatives)
        return True

    def close_article(self) -> None:
        self.summariser.close_document()

    def clear_recent(self) -> None:
        self._set_prefs(replace(self.prefs, recent_files=()))
        self._rebuild_recent_menu()

    def _rebuild_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        for number, path in enumerate(self.prefs.recent_files, 1):
            prefix = f"&{number} " if number < 10 else ""
            action = menu.addAction(prefix + Path(path).name.replace("&", "&&"))
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setData(path)
            if number < 10:
                action.setShortcut(QKeySequence(f"Ctrl+Alt+{number}"))
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if self.prefs.recent_files:
            menu.addSeparator()
        menu.addAction(self.act_clear_recent)
        self.act_clear_recent.setEnabled(bool(self.prefs.recent_files))

    # -- drag and drop -------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _droppable(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if _droppable(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self._open_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    # -- exporting -----------------------------------------------------------------------------

    def export_markdown(self) -> None:
        selection = self.summariser.selection
        if selection is None or not selection.indices:
            return
        options = ExportDialog.get_options(
            self, selection, MarkdownOptions(self.prefs.export_style, self.prefs.export_metadata)
        )
        if options is None:
            return
        self._set_prefs(
            replace(self.prefs, export_style=options.style, export_metadata=options.metadata)
        )
        document = selection.ranking.document
        folder = self.prefs.export_folder or (
            str(Path(document.source).parent) if document.source not in ("", "-") else ""
        )
        suggested = str(Path(folder) / export_file_name(document)) if folder else ""
        suggested = suggested or export_file_name(document)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Summary"), suggested, self.tr("Markdown (*.md)")
        )
        if not path:
            return
        try:
            # The file dialog has already asked before replacing a file.
            written = write_atomic(path, to_markdown(selection, options), overwrite=True)
        except ExportError as exc:
            QMessageBox.warning(
                self,
                self.tr("Export Failed"),
                self.tr(
                    "The summary could not be saved. Nothing on disk was changed, and the "
                    "summary is still here.\n\n{reason}"
                ).format(reason=str(exc)),
            )
            return
        self._set_prefs(replace(self.prefs, export_folder=str(written.parent)))
        self.statusBar().showMessage(
            self.tr("Summary saved to {path}").format(path=str(written)), 6000
        )

    def copy_summary(self) -> None:
        selection = self.summariser.selection
        if selection is None or not selection.indices:
            return
        options = MarkdownOptions(self.prefs.export_style, self.prefs.export_metadata)
        mime = QMimeData()
        mime.setText(to_markdown(selection, options))
        mime.setHtml(summary_html(selection, options.style))
        QGuiApplication.clipboard().setMimeData(mime)
        self.statusBar().showMessage(self.tr("Summary copied."), 4000)

    # -- editorial control ---------------------------------------------------------------------

    def _caret_sentence(self) -> int | None:
        document = self.summariser.document
        index = self.source.sentence_at_caret()
        if document is None or index is None:
            return None
        return index if document.sentences[index].kind.is_candidate else None

    def pin_sentence(self) -> None:
        index = self._caret_sentence()
        if index is not None:
            self.summariser.pin(index)

    def exclude_sentence(self) -> None:
        index = self._caret_sentence()
        if index is not None:
            self.summariser.exclude(index)

    def release_sentence(self) -> None:
        index = self._caret_sentence()
        if index is not None:
            self.summariser.release(index)

    def jump_to_summary_sentence(self, direction: int) -> None:
        selection = self.summariser.selection
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
        self._set_prefs(replace(self.prefs, zoom=value))
        self._apply_zoom()

    def _apply_zoom(self) -> None:
        self.source.set_point_size(SOURCE_POINTS + self.prefs.zoom)
        self.summary.set_point_size(SUMMARY_POINTS + self.prefs.zoom)

    def _on_heat_map(self, on: bool) -> None:
        self.source.set_heat_map(on)
        self._set_prefs(replace(self.prefs, heat_map=on))

    def _on_vertical(self, on: bool) -> None:
        self.splitter.setOrientation(Qt.Orientation.Vertical if on else Qt.Orientation.Horizontal)
        self._set_prefs(replace(self.prefs, vertical=on))

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About {name}").format(name=APP_NAME),
            self.tr(
                "<h3>{name} {version}</h3>"
                "<p>An offline summariser: extractive summaries beside the source article, "
                "with the chosen sentences highlighted in place.</p>"
                "<p>Nothing leaves this computer.</p><p><small>{app_id}</small></p>"
            ).format(name=APP_NAME, version=__version__, app_id=APP_ID),
        )

    def show_shortcuts(self) -> None:
        rows = "".join(
            f"<tr><td>{action.text().replace('&', '')}</td><td>&nbsp;&nbsp;</td>"
            f"<td><b>{action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}</b>"
            "</td></tr>"
            for action in self.actions()
            if not action.shortcut().isEmpty()
        )
        QMessageBox.information(self, self.tr("Keyboard Shortcuts"), f"<table>{rows}</table>")

    # -- summariser signals --------------------------------------------------------------------

    def _on_document(self, document: Document | None) -> None:
        self._body_words = document.body_words if document is not None else 0
        self.source.show_document(document)
        self.controls.set_document(document)
        if document is None:
            self.setWindowTitle(APP_NAME)
            self.source_header.set_detail("")
            self.stats.clear()
        else:
            name = display_name(document)
            self.setWindowTitle(f"{name} — {APP_NAME}")
            self.source_header.set_detail(name)
            self.statusBar().clearMessage()
        self._update_actions()

    def _on_ranking(self, ranking: Ranking | None) -> None:
        self.source.show_ranking(ranking)

    def _on_selection(self, selection: Selection | None) -> None:
        s = self.summariser
        self.source.show_selection(selection, s.pinned, s.excluded)
        if self.controls.slider.isSliderDown():
            # While the slider is dragged the highlights follow every step; the summary pane
            # catches up once per event-loop pass instead of re-rendering for each one.
            self._summary_timer.start()
        else:
            self._summary_timer.stop()
            self._render_summary()
        if selection is None:
            self.summary_header.set_detail("")
            self.stats.clear()
        else:
            count = len(selection.indices)
            sentences = (
                self.tr("{count} sentence") if count == 1 else self.tr("{count} sentences")
            ).format(count=count)
            words = self.tr("{words} words").format(words=selection.words)
            self.summary_header.set_detail(f"{sentences} · {words}")
            self.stats.setText(status_line(selection, self._body_words))
        self._update_actions()

    def _render_summary(self) -> None:
        self.summary.show_selection(self.summariser.selection, self.summariser.pinned)

    def _on_activity(self, activity: str) -> None:
        busy = bool(activity)
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
            if self.summariser.selection is None:
                self.summary_header.set_detail("")
        self._update_actions()

    def _on_loaded(self, path: str) -> None:
        resolved = Path(path).resolve()
        if resolved == sample_article().resolve():
            return  # opened by itself at start-up: not something the user chose to remember
        self._set_prefs(self.prefs.with_recent(str(resolved)))
        self._rebuild_recent_menu()

    def _on_load_failed(self, failure: LoadFailure) -> None:
        self.statusBar().clearMessage()
        if failure.source:
            title = self.tr("Could Not Open {name}").format(name=Path(failure.source).name)
            recent = tuple(p for p in self.prefs.recent_files if p != failure.source)
            if recent != self.prefs.recent_files and not Path(failure.source).exists():
                self._set_prefs(replace(self.prefs, recent_files=recent))
                self._rebuild_recent_menu()
        else:
            title = self.tr("Could Not Read the Pasted Text")
        keep = (
            self.tr("The article you had open is still here.")
            if self.summariser.document is not None
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
        self._set_prefs(self.prefs.with_summary(method=method))
        self.summariser.set_method(method)

    def _on_language(self, code: str) -> None:
        self._set_prefs(self.prefs.with_summary(language=code or None))
        self.summariser.set_language(code or None)

    def _on_length(self, length: Length) -> None:
        self.summariser.set_length(length)
        # Saving is deferred: a slider drag emits many values and only the last one matters.
        self.prefs = self.prefs.with_length(length)
        self._save_later()

    def _on_order(self, order: Order) -> None:
        self._set_prefs(self.prefs.with_summary(order=order))
        self.summariser.set_order(order)

    # -- state ---------------------------------------------------------------------------------

    def _update_actions(self) -> None:
        s = self.summariser
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
        index = self._caret_sentence() if s.ranking is not None else None
        self.act_pin.setEnabled(index is not None and index not in s.pinned)
        self.act_exclude.setEnabled(index is not None and index not in s.excluded)
        self.act_release.setEnabled(index is not None and index in s.pinned | s.excluded)
        self.act_clear_marks.setEnabled(bool(s.pinned or s.excluded))
        self.paste_when_empty.setEnabled(s.document is None)

    def _set_prefs(self, prefs: Preferences) -> None:
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
        self.summariser.cancel()
        self.save_state()
        super().closeEvent(event)


class _PaneHeader(QLabel):
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


def _pane(header: QLabel, view: QWidget) -> QWidget:
    pane = QWidget()
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(header)
    layout.addWidget(view, 1)
    return pane


def _droppable(mime: QMimeData | None) -> bool:
    if mime is None:
        return False
    if any(url.isLocalFile() for url in mime.urls()):
        return True
    return mime.hasText() or mime.hasHtml()
