"""Crashes in slots, job threads and plain threads: one dialog, one log entry with the traceback,
and the window goes on working."""

from __future__ import annotations

import sys
import threading
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from support.window import choose_method, settle, wait_until

from desktop.ui import crash as crash_module
from desktop.ui.crash import CrashHandler

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from desktop.ui.main_window import MainWindow


@pytest.fixture
def crash_handler(tmp_path, monkeypatch) -> Iterator[tuple[CrashHandler, list[str]]]:
    """A real crash handler, installed as sys.excepthook and threading.excepthook, logging under
    tmp_path; its dialog is recorded instead of shown."""
    shown: list[str] = []

    def exec_box(box: QMessageBox) -> int:
        shown.append(box.detailedText())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(crash_module, "log_folder", lambda: tmp_path / "logs")
    handler = CrashHandler()
    handler.install()
    yield handler, shown
    if handler._handler is not None:
        crash_module.log.removeHandler(handler._handler)
        handler._handler.close()


def _log(tmp_path: Path) -> str:
    path = tmp_path / "logs" / "precis.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _still_usable(window: MainWindow) -> None:
    window.controls.spin.setValue(2)
    assert len(window.session.selection.indices) == 2
    window.controls.spin.setValue(4)
    assert len(window.session.selection.indices) == 4
    assert window.summary.toPlainText().count("¶") == 4


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot(make_window, article, tmp_path, crash_handler, monkeypatch) -> None:
    """A bug in a slot Qt calls (the status line, on a length change): one dialog, one log
    entry with the traceback, and the window goes on."""
    handler, shown = crash_handler
    window = make_window()
    window.crash = handler
    handler.parent_widget = window
    window.open_path(article)
    from desktop.ui import main_window

    real = main_window.status_line
    calls = {"n": 0}

    def broken_once(*args: object) -> str:
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("a bug in the status line")
        return real(*args)

    monkeypatch.setattr(main_window, "status_line", broken_once)
    window.controls.spin.setValue(3)  # Qt delivers the change to the slot, which raises
    QApplication.processEvents()
    assert len(shown) == 1
    assert "RuntimeError: a bug in the status line" in shown[0]
    assert _log(tmp_path).count("Uncaught exception") == 1
    assert "RuntimeError: a bug in the status line" in _log(tmp_path)
    _still_usable(window)
    assert len(shown) == 1


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_worker(
    make_window, article, tmp_path, crash_handler, real_pool, monkeypatch
):
    handler, shown = crash_handler
    window = make_window(real_pool)
    window.crash = handler
    handler.parent_widget = window
    window.open_path(article)
    settle(window)
    from desktop.ui import session

    def broken(*args: object, **kw: object) -> None:
        raise ZeroDivisionError("a bug in a method")

    monkeypatch.setattr(session, "rank", broken)
    choose_method(window, "text-rank")
    wait_until(lambda: not window.session.busy, 10)
    QApplication.processEvents()
    assert len(shown) == 1
    assert "ZeroDivisionError: a bug in a method" in shown[0]
    assert _log(tmp_path).count("Uncaught exception") == 1
    monkeypatch.setattr(session, "rank", __import__("desktop.engine", fromlist=["rank"]).rank)
    window.act_rerank.trigger()
    settle(window)
    assert window.session.ranking.method == "text-rank"
    _still_usable(window)


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_plain_thread(window, tmp_path, crash_handler) -> None:
    handler, shown = crash_handler
    handler.parent_widget = window

    def bug() -> None:
        raise LookupError("a bug in a helper thread")

    thread = threading.Thread(target=bug)
    thread.start()
    thread.join()
    wait_until(lambda: len(shown) == 1, 5)  # the report crosses to the GUI thread
    assert "LookupError: a bug in a helper thread" in _log(tmp_path)
    QApplication.processEvents()
    assert len(shown) == 1
