"""Driving the main window in tests: running its event loop until it is done, choosing from its
controls, and timing its GUI thread."""

from __future__ import annotations

import itertools
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from collections.abc import Callable

    import pytest
    from pytestqt.qtbot import QtBot

    from desktop.ui.main_window import MainWindow


class NoCrashHandler:
    """Stands in for ``app.start``'s crash handler, whose ``install`` would replace the test
    process's ``sys.excepthook`` and ``threading.excepthook`` for good."""

    parent_widget = None

    def install(self) -> None:
        pass


def started(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, path: str, **options: Any) -> MainWindow:
    """The window as ``precis PATH`` starts it (``app.start``, with ``options``), once its first
    summary is shown; its crash handler is ``NoCrashHandler``."""
    from desktop.ui import app

    monkeypatch.setattr(app, "CrashHandler", NoCrashHandler)
    window = app.start(path, **options)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.session.selection is not None, timeout=60_000)
    return window


class Ticker:
    """A 10 ms timer on the GUI thread; each tick records the time and what the window does."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.ticks: list[tuple[float, str]] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        self.ticks.append((time.perf_counter(), time.thread_time(), self.window.session.activity))

    def restart(self) -> None:
        self.ticks[:] = [(time.perf_counter(), time.thread_time(), "")]

    def longest_gap_ms(self, clock: str = "wall") -> float:
        """The longest time between two ticks: wall clock, or the GUI thread's own CPU time (which
        a busy machine cannot inflate: a thread waiting for a core uses none)."""
        at = 0 if clock == "wall" else 1
        return 1000 * max((b[at] - a[at] for a, b in itertools.pairwise(self.ticks)), default=0.0)

    def stop(self) -> None:
        self.timer.stop()


def wait_until(condition: Callable[[], bool], seconds: float) -> float:
    """Run the event loop until ``condition`` holds; the seconds it took."""
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > seconds:
            raise AssertionError(f"not within {seconds} s")
        QApplication.processEvents()
        time.sleep(0.001)
    return time.perf_counter() - started


def settle(window: MainWindow, seconds: float = 60) -> None:
    """Until nothing is pending and a summary is shown, then until Qt's lazy layout is done."""
    wait_until(lambda: not window.session.busy and window.session.selection is not None, seconds)
    quiet = time.perf_counter() + 0.3
    while time.perf_counter() < quiet:
        QApplication.processEvents()
        time.sleep(0.005)


def choose_method(window: MainWindow, method: str) -> None:
    combo = window.controls.method
    combo.setCurrentIndex(combo.findData(method))


def choose_language(window: MainWindow, code: str) -> None:
    combo = window.controls.language
    combo.setCurrentIndex(combo.findData(code))
