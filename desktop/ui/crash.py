"""Uncaught exceptions: log them to a file in the platform's log folder, show one dialog, go on.

Installed by ``app.run`` as ``sys.excepthook`` (Qt calls it for exceptions raised in slots and
event handlers) and ``threading.excepthook``; jobs on the thread pool report theirs through the
``Session``. While a crash dialog is open, further exceptions are logged only, so a fault that
repeats on every repaint cannot flood the screen with dialogs.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import APP_NAME, __version__

if TYPE_CHECKING:
    from types import TracebackType

log = logging.getLogger("precis")


def log_folder() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False))


class CrashHandler(QObject):
    _report = Signal(object, object, object)  # crosses from any thread to the GUI thread

    def __init__(self, folder: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = (folder or log_folder()) / "precis.log"
        self.parent_widget: QWidget | None = None
        self._dialog_open = False
        self._handler: logging.Handler | None = None
        self._report.connect(self._on_report)

    def install(self) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_excepthook

    def excepthook(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt) or not shiboken6.isValid(self):
            # Ctrl+C, or an exception while Python shuts down, after Qt deleted this handler.
            sys.__excepthook__(kind, exc, tb)
            return
        if QThread.currentThread() is not self.thread():
            self._report.emit(kind, exc, tb)
        else:
            self._on_report(kind, exc, tb)

    def report(self, exc: BaseException) -> None:
        """An exception caught elsewhere (a job on the thread pool) that nobody expected."""
        self.excepthook(type(exc), exc, exc.__traceback__)

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(object, object, object)
    def _on_report(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        details = "".join(traceback.format_exception(kind, exc, tb))
        self._log(details)
        if self._dialog_open:
            return
        self._dialog_open = True
        try:
            self._show(details)
        finally:
            self._dialog_open = False

    def _log(self, details: str) -> None:
        if self._handler is None:
            try:
                self.log_path.parent.mkdir(parents=True, exist_ok=True)
                self._handler = logging.FileHandler(self.log_path, encoding="utf-8")
            except OSError:
                self._handler = logging.StreamHandler(sys.stderr)
            self._handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
            log.addHandler(self._handler)
            log.setLevel(logging.INFO)
        log.error("Uncaught exception in Precis %s\n%s", __version__, details.rstrip())

    def _show(self, details: str) -> None:
        box = QMessageBox(self.parent_widget)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("CrashHandler", "Unexpected Error"))
        box.setText(
            QCoreApplication.translate("CrashHandler", "Something went wrong inside Precis.")
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "CrashHandler",
                "Your article and summary are still open, and you can go on working. "
                "The details were written to:\n{path}",
            ).format(path=self.log_path)
        )
        box.setDetailedText(details)
        box.exec()
