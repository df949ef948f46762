"""No network during a whole session in the window, and nothing loaded from a page: the panes
show markup as text and never ask for the resources it names."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from support.exporting import export_to
from support.guards import Trap, atime_works, forbidden, secret_file, was_read
from support.hostile import hostile_files
from support.window import choose_language, choose_method, settle

from desktop.engine import METHODS
from desktop.ui.source_view import SourceView
from desktop.ui.summary_view import SummaryView

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

MARKER = "SECRET-MARKER-5e21"


def _record_resources(monkeypatch) -> list[str]:
    """Every resource either pane is asked to load (an image, a stylesheet) is recorded."""
    asked: list[str] = []
    for view in (SourceView, SummaryView):
        base = view.__mro__[1]

        def load(self, kind: int, url: QUrl, base=base) -> object:  # type: ignore[no-untyped-def]
            asked.append(url.toString())
            return base.loadResource(self, kind, url)

        monkeypatch.setattr(view, "loadResource", load)
    return asked


def test_a_whole_session_without_network(make_window, tmp_path, real_pool, monkeypatch) -> None:
    """Open a page full of remote and file: references, a docx and a PDF; summarise each with
    every method and in two languages; export and copy. No connection is attempted, the trap
    server sees none, the secret file is never read, neither pane loads a resource."""
    trap = Trap()
    secret_folder = tmp_path / "private"
    secret_folder.mkdir()
    secret = secret_file(secret_folder, MARKER)
    files = hostile_files(trap, secret)
    asked = _record_resources(monkeypatch)
    window = make_window(real_pool)
    try:
        with forbidden(secret_folder) as record:
            for suffix in (".html", ".docx", ".pdf"):
                path = tmp_path / f"article{suffix}"
                path.write_bytes(files[suffix])
                window.open_path(path)
                settle(window)
                for method in METHODS:
                    choose_method(window, method)
                    settle(window)
                choose_language(window, "de")
                settle(window)
                choose_language(window, "")
                settle(window)
                shown = window.source.toPlainText() + window.summary.toPlainText()
                assert MARKER not in shown
                assert "SCRIPT-RAN" not in shown
            export_to(monkeypatch, tmp_path / "brief.md")
            window.act_export.trigger()
            window.act_copy.trigger()
            assert (tmp_path / "brief.md").is_file()
        time.sleep(0.2)
    finally:
        trap.close()
    assert record.network == [], record.network
    assert record.opened == []
    assert trap.connections == 0
    assert asked == [], f"a pane asked for resources: {asked}"
    if atime_works(tmp_path):
        assert not was_read(secret)


def test_markup_in_the_text_is_shown_not_loaded(window, tmp_path, monkeypatch) -> None:
    """An article that quotes HTML: both panes show the markup as text, never load what it
    names, and the copied rich text escapes it."""
    asked = _record_resources(monkeypatch)
    secret = secret_file(tmp_path, MARKER)
    quote = f'<img src="{secret.as_uri()}"><iframe src="{secret.as_uri()}"></iframe>'
    path = tmp_path / "quoted.txt"
    path.write_text(
        f"Markup in a sentence: {quote} is what the page held. The council voted to rebuild "
        "the wall. Engineers said the old wall had been weakened by erosion.\n",
        encoding="utf-8",
    )
    window.open_path(path)
    window.controls.spin.setValue(3)
    assert quote in window.source.toPlainText()
    assert quote in window.summary.toPlainText()
    window.act_copy.trigger()
    copied = QGuiApplication.clipboard().mimeData().html()
    assert "<img" not in copied
    assert "&lt;img" in copied
    assert asked == []
