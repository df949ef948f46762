"""Exporting a summary: to a Markdown file (options dialog, save dialog, atomic write) or to the
clipboard (Markdown and rich text). The user's last choices are remembered in the preferences.

The options dialog is ``export_dialog.py``; what goes into the file is the engine's
``to_markdown``. A new export target (another format, another destination) goes here.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.engine import ExportError, MarkdownOptions, to_markdown, write_atomic
from desktop.ui.export_dialog import ExportDialog
from desktop.ui.formatting import export_file_name, export_labels, summary_html

if TYPE_CHECKING:
    from desktop.engine import Selection
    from desktop.ui.main_window import MainWindow


class ExportFlow(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def _summary(self) -> Selection | None:
        selection = self._window.session.selection
        return selection if selection is not None and selection.indices else None

    def _options(self) -> MarkdownOptions:
        prefs = self._window.prefs
        return MarkdownOptions(prefs.export_style, prefs.export_metadata)

    def export_markdown(self) -> None:
        window = self._window
        selection = self._summary()
        if selection is None:
            return
        options = ExportDialog.get_options(window, selection, self._options())
        if options is None:
            return
        window.set_prefs(
            replace(window.prefs, export_style=options.style, export_metadata=options.metadata)
        )
        path, _ = QFileDialog.getSaveFileName(
            window,
            self.tr("Export Summary"),
            self._suggested_path(selection),
            self.tr("Markdown (*.md)"),
        )
        if not path:
            return
        try:
            # The file dialog has already asked before replacing a file.
            written = write_atomic(
                path, to_markdown(selection, options, export_labels()), overwrite=True
            )
        except ExportError as exc:
            QMessageBox.warning(
                window,
                self.tr("Export Failed"),
                self.tr(
                    "The summary could not be saved. Nothing on disk was changed, and the "
                    "summary is still here.\n\n{reason}"
                ).format(reason=str(exc)),
            )
            return
        window.set_prefs(replace(window.prefs, export_folder=str(written.parent)))
        window.statusBar().showMessage(
            self.tr("Summary saved to {path}").format(path=str(written)), 6000
        )

    def _suggested_path(self, selection: Selection) -> str:
        """The last export folder, else the article's folder, with a name from its title."""
        document = selection.ranking.document
        folder = self._window.prefs.export_folder or (
            str(Path(document.source).parent) if document.source not in ("", "-") else ""
        )
        name = export_file_name(document)
        return str(Path(folder) / name) if folder else name

    def copy_summary(self) -> None:
        selection = self._summary()
        if selection is None:
            return
        options = self._options()
        mime = QMimeData()
        mime.setText(to_markdown(selection, options, export_labels()))
        mime.setHtml(summary_html(selection, options.style))
        QGuiApplication.clipboard().setMimeData(mime)
        self._window.statusBar().showMessage(self.tr("Summary copied."), 4000)
