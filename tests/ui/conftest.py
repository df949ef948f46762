"""Fixtures for the window tests: isolated settings, synchronous jobs, no real dialogs.

Every test gets its own settings file and log folder under ``tmp_path``. Dialogs never block:
message boxes are recorded in ``dialogs`` and file dialogs fail the test unless it stubs them.
The ``window`` fixture waits for the thread pool on teardown and saves a screenshot of the
window to tests/screenshots/ (gitignored) for a person to look at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from support.qt import ARTICLE, ASTRAL_ARTICLE, FakeThreadPool

from desktop.ui import crash
from desktop.ui.app import install_translators
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import SettingsStore

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"


@dataclass
class Dialogs:
    """Message boxes shown during a test, as (kind, title, text)."""

    shown: list[tuple[str, str, str]] = field(default_factory=list)

    def kinds(self) -> list[str]:
        return [kind for kind, _, _ in self.shown]


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings and logs under tmp_path, never the user's."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "cfg"))
    monkeypatch.setattr(crash, "log_folder", lambda: tmp_path / "logs")


@pytest.fixture(autouse=True)
def empty_clipboard(qapp: QApplication) -> Iterator[None]:
    """Leave the clipboard empty: Qt's offscreen clipboard still holding data when the
    interpreter exits crashes the test process (SIGSEGV after the last test passed)."""
    yield
    QApplication.clipboard().clear()


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    record = Dialogs()

    def box(kind: str, answer: object = QMessageBox.StandardButton.Ok) -> Callable[..., object]:
        def show(parent: object, title: str, text: str, *args: object, **kw: object) -> object:
            record.shown.append((kind, title, text))
            return answer

        return show

    for kind in ("warning", "information", "critical", "about"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(box(kind)))
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(box("question", QMessageBox.StandardButton.Yes))
    )

    def no_file_dialog(*args: object, **kw: object) -> tuple[str, str]:
        raise AssertionError("a file dialog opened that the test did not stub")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(no_file_dialog))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(no_file_dialog))
    return record


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "precis.ini"


@pytest.fixture
def store(settings_file: Path) -> SettingsStore:
    return SettingsStore(QSettings(str(settings_file), QSettings.Format.IniFormat))


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "sea-wall.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def astral_article(tmp_path: Path) -> Path:
    path = tmp_path / "storm.txt"
    path.write_text(ASTRAL_ARTICLE, encoding="utf-8")
    return path


def _screenshot_name(request: pytest.FixtureRequest) -> str:
    return re.sub(r"[^\w.-]+", "_", request.node.name) + ".png"


@pytest.fixture
def make_window(
    qtbot: object, store: SettingsStore, request: pytest.FixtureRequest
) -> Iterator[Callable[..., MainWindow]]:
    """Build real main windows. Before pytest-qt closes one, its jobs are waited for and a
    screenshot is saved; afterwards no other window may be left open."""
    count = 0

    def make(pool: object | None = None, store_: SettingsStore | None = None) -> MainWindow:
        nonlocal count
        pool = pool if pool is not None else FakeThreadPool()
        window = MainWindow(store_ or store, pool=pool)  # type: ignore[arg-type]
        name = _screenshot_name(request)
        if count:
            name = name.replace(".png", f"-{count}.png")
        count += 1

        def before_close(widget: MainWindow) -> None:
            pool.waitForDone()  # type: ignore[attr-defined]
            QApplication.processEvents()
            if widget.isVisible():
                SCREENSHOTS.mkdir(exist_ok=True)
                widget.grab().save(str(SCREENSHOTS / name))

        qtbot.addWidget(window, before_close_func=before_close)  # type: ignore[attr-defined]
        window.show()
        window.activateWindow()  # shortcuts fire only in the active window
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # type: ignore[attr-defined]
        return window

    yield make
    QThreadPool.globalInstance().waitForDone()
    leftovers = [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and w.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)
    ]
    for widget in leftovers:
        widget.close()
    assert not leftovers, f"windows left open: {leftovers}"


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    """The window's strings in German, as a German user's locale loads them."""
    translators = install_translators(
        qapp, QLocale(QLocale.Language.German, QLocale.Country.Germany)
    )
    assert translators, "the German translation did not load"
    yield
    for translator in translators:
        QApplication.removeTranslator(translator)


@pytest.fixture
def window(make_window: Callable[..., MainWindow]) -> MainWindow:
    return make_window()


@pytest.fixture
def real_pool() -> Iterator[QThreadPool]:
    """Qt's global thread pool: jobs run on real threads (waited for at the end)."""
    pool = QThreadPool.globalInstance()
    yield pool
    pool.waitForDone()
