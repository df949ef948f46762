"""Start the window: ``run(path, screenshot=None)`` is what ``precis`` calls without a command.

Start-up order matters for the cold start: the window is shown first, then the article is read
and ranked on the thread pool, so the engine's heavy libraries (the Punkt models, the building
code) load while the user already sees the window. ``precis`` has the first article prepared in a
child process meanwhile (``startup.prepare_first``, before this module is imported): the window
then takes the child's result instead of reading and ranking it.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QThreadPool,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from desktop import APP_ID, APP_NAME, __version__
from desktop.paths import resources_dir
from desktop.ui import xcb
from desktop.ui.crash import CrashHandler
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import SettingsStore
from desktop.ui.startup import first_article

if TYPE_CHECKING:
    from collections.abc import Callable

    from desktop.engine import Prepared

SCREENSHOT_SIZE = (1360, 820)
SCREENSHOT_TIMEOUT_S = 120.0


def translations_dir() -> Path:
    return resources_dir() / "translations"


def install_translators(app: QApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Precis's own strings and Qt's (standard buttons, context menus) in the user's language."""
    locale = locale or QLocale()
    installed = []
    for name, folder in (
        ("precis", str(translations_dir())),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    icon = resources_dir() / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    install_translators(app)
    return app


def start(
    path: str | None,
    *,
    store: SettingsStore | None = None,
    prepared: Prepared | None = None,
) -> MainWindow:
    """Build and show the window, then open ``path`` (default: the bundled sample), taking
    ``prepared`` (``startup.prepare_first``) if it matches."""
    crash = CrashHandler()
    crash.install()
    window = MainWindow(store or SettingsStore(), crash=crash)
    crash.parent_widget = window
    article = first_article(path)
    # Reading and ranking start once the window has painted, so it is on screen first.
    _AfterFirstPaint(window, lambda: window.open_path(article, prepared))
    window.show()
    return window


class _AfterFirstPaint(QObject):
    """Calls back once, just after the first paint of ``window`` (or after a grace period)."""

    GRACE_MS = 1000  # a window that never paints (started minimised) still gets its article

    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._callback: Callable[[], None] | None = callback
        QApplication.instance().installEventFilter(self)
        QTimer.singleShot(self.GRACE_MS, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            QApplication.instance().removeEventFilter(self)
            callback()


def run(path: str | None, screenshot: str | None = None, prepared: Prepared | None = None) -> int:
    """``prepared``: the first article, being prepared since before this module was imported
    (``startup.prepare_first``); stopped here if the window never took it."""
    try:
        return _run(path, screenshot, prepared)
    finally:
        if prepared is not None:
            prepared.stop()


def _run(path: str | None, screenshot: str | None, prepared: Prepared | None) -> int:
    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Qt aborts when its X11 platform lacks a system library: say which, and how to get it.
    problem = xcb.check(os.environ)
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    if screenshot is not None:
        return _screenshot(path, screenshot)
    app = application()
    # Ctrl+C in the terminal quits, as for any command (Qt's loop would otherwise swallow it).
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    window = start(path, prepared=prepared)
    code = app.exec()
    # Closing the window cancelled any job; wait (briefly) for them to stop, so that none is
    # still running, and reporting to objects already deleted, while Python shuts down.
    QThreadPool.globalInstance().waitForDone(1500)
    del window
    return code


def _screenshot(path: str | None, out: str) -> int:
    """Render the window (offscreen unless QT_QPA_PLATFORM says otherwise) with the article
    summarised, save it as PNG, and exit."""
    app = application()
    from tempfile import TemporaryDirectory

    from PySide6.QtCore import QSettings

    # The user's settings neither shape the picture nor are changed by it.
    with TemporaryDirectory() as tmp:
        ini = str(Path(tmp) / "screenshot.ini")
        window = MainWindow(SettingsStore(QSettings(ini, QSettings.Format.IniFormat)))
        try:
            return _render(app, window, path, out)
        finally:
            window.close()
            window.deleteLater()


def _render(app: QApplication, window: MainWindow, path: str | None, out: str) -> int:
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    failures: list[str] = []
    # No message box offscreen: a failure is printed instead.
    window.session.loadFailed.disconnect(window._on_load_failed)
    window.session.loadFailed.connect(lambda failure: failures.append(failure.message))
    window.open_path(first_article(path))
    deadline = time.monotonic() + SCREENSHOT_TIMEOUT_S
    while (window.session.busy or window.session.selection is None) and not failures:
        if time.monotonic() > deadline:
            print("precis: timed out waiting for the summary", file=sys.stderr)
            return 1
        app.processEvents()
        time.sleep(0.01)
    if failures:
        print(f"precis: {failures[0]}", file=sys.stderr)
        return 1
    app.processEvents()
    if not window.grab().save(out):
        print(f"precis: {out}: could not be written", file=sys.stderr)
        return 1
    return 0
