"""File → Open Recent: the articles opened last, newest first, kept in the preferences."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from desktop.paths import sample_article

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class RecentMenu(QMenu):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setTitle(self.tr("Open &Recent"))
        self.setObjectName("recent_menu")
        self._window = window
        self.aboutToShow.connect(self.rebuild)

    def remember(self, path: str) -> None:
        resolved = Path(path).resolve()
        if resolved == sample_article().resolve():
            return  # opened by itself at start-up: not something the user chose to remember
        window = self._window
        window.set_prefs(window.prefs.with_recent(str(resolved)))
        self.rebuild()

    def forget_if_gone(self, path: str) -> None:
        """Drop ``path`` after it failed to open, if it no longer exists."""
        window = self._window
        recent = tuple(p for p in window.prefs.recent_files if p != path)
        if recent != window.prefs.recent_files and not Path(path).exists():
            window.set_prefs(replace(window.prefs, recent_files=recent))
            self.rebuild()

    def forget_all(self) -> None:
        self._window.set_prefs(replace(self._window.prefs, recent_files=()))
        self.rebuild()

    def rebuild(self) -> None:
        window = self._window
        self.clear()
        for number, path in enumerate(window.prefs.recent_files, 1):
            prefix = f"&{number} " if number < 10 else ""
            action = self.addAction(prefix + Path(path).name.replace("&", "&&"))
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setData(path)
            if number < 10:
                action.setShortcut(QKeySequence(f"Ctrl+Alt+{number}"))
            action.triggered.connect(lambda _=False, p=path: window.open_path(p))
        if window.prefs.recent_files:
            self.addSeparator()
        clear = window.act_clear_recent
        self.addAction(clear)
        clear.setEnabled(bool(window.prefs.recent_files))
