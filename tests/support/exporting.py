"""Exports the window makes without asking: the file dialogs answered, and writes that fail
(a disk that fills up half-way, a folder that refuses writing)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from desktop.engine import Metadata, Style
from desktop.ui.export_dialog import ExportDialog


def export_to(monkeypatch, path: Path) -> None:
    from desktop.engine import MarkdownOptions

    monkeypatch.setattr(
        ExportDialog,
        "get_options",
        classmethod(lambda cls, *a: MarkdownOptions(Style.BULLETS, Metadata.LINE)),
    )
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "Markdown (*.md)"))
    )


def disk_fills_half_way(monkeypatch) -> None:
    """The disk fills up half-way through the write."""
    import io

    real_fdopen = os.fdopen

    class Filling(io.TextIOWrapper):
        def write(self, text: str) -> int:
            super().write(text[: len(text) // 2])
            super().flush()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def fdopen(fd: int, mode: str = "r", *args: object, **kwargs: object) -> object:
        if "w" in mode:
            return Filling(real_fdopen(fd, "wb"), encoding="utf-8", newline="\n")
        return real_fdopen(fd, mode, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", fdopen)


def read_only(monkeypatch, folder: Path) -> None:
    """Writing into ``folder`` is refused, as in a read-only folder (tests may run as root,
    whom permissions do not stop)."""
    real_open = os.open

    def refusing_open(path: str | os.PathLike[str], flags: int, *args: object, **kw: object) -> int:
        if Path(path).parent == folder and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, flags, *args, **kw)

    monkeypatch.setattr(os, "open", refusing_open)
