"""Reading in the window: a long PDF shows its pages as they are read, the window stays
responsive while a reading child process works, and Cancel (the button or Esc) stops that process
at once instead of at the end of its time budget, leaving the article that was open."""

from __future__ import annotations

import itertools
import re
import time
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from support import makefiles

from desktop.engine import budget
from desktop.engine.readers import READERS, worker
from ui.conftest import SCREENSHOTS

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.skipif(not worker.available(), reason="no reading child on this system")


def _never_ends(data: bytes, source: str) -> None:
    """A library looping on a hostile file (pdfminer.six did, on a reference cycle)."""
    while True:
        pass


def test_cancel_stops_a_reading_child_and_the_window_stays_responsive(
    make_window, real_pool, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(READERS, ".html", _never_ends)
    path = tmp_path / "hostile.html"
    path.write_bytes(b"<html><body><p>A page a library never finishes.</p></body></html>")
    window = make_window(real_pool)
    window.open_path(str(path))
    qtbot.waitUntil(lambda: window.session.activity == "load", timeout=5000)

    # The GUI thread keeps serving its event loop while the child reads: 20 timer ticks of
    # 50 ms take about a second, not the reading deadline.
    ticks: list[float] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(50)
    qtbot.waitUntil(lambda: len(ticks) >= 20, timeout=10_000)
    timer.stop()
    assert window.session.activity == "load"
    assert max(b - a for a, b in itertools.pairwise(ticks)) < 2.0

    qtbot.keyClick(window, Qt.Key.Key_Escape)
    cancelled_at = time.perf_counter()
    assert not window.session.busy
    assert window.statusBar().currentMessage() == "Cancelled."
    assert real_pool.waitForDone(10_000)
    stopped = time.perf_counter() - cancelled_at
    assert stopped < budget.SECONDS / 2, f"the reading went on {stopped:.1f} s after Cancel"


def _long_pdf(pages: int) -> bytes:
    """A report of ``pages`` pages, each with sentences of its own."""
    return makefiles.pdf(
        [
            [
                (
                    72,
                    760 - 16 * line,
                    11,
                    f"Page {page} of the report, line {line}: the council "
                    f"spent {page * 7 + line} thousand pounds on the harbour.",
                )
                for line in range(12)
            ]
            for page in range(1, pages + 1)
        ]
    )


def _slowly(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    """Each page takes at least ``seconds`` in the reading child (forked after this), so that a
    fast machine still shows the progress on its way."""
    report = worker.report

    def slow(done: int, total: int) -> None:
        time.sleep(seconds)
        report(done, total)

    monkeypatch.setattr(worker, "report", slow)


PAGE = re.compile(r"Reading report\.pdf: page (\d+) of 412…")


def test_a_long_pdf_shows_its_pages_and_cancel_keeps_the_article(
    make_window, real_pool, qtbot, article, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(real_pool)
    window.open_path(article)
    qtbot.waitUntil(lambda: window.session.selection is not None and not window.session.busy)
    shown_source = window.source.toPlainText()
    shown_summary = window.summary.toPlainText()

    path = tmp_path / "report.pdf"
    path.write_bytes(_long_pdf(412))
    _slowly(monkeypatch, 0.02)
    window.open_path(path)
    bar = window.statusBar()
    qtbot.waitUntil(lambda: PAGE.fullmatch(bar.currentMessage()) is not None, timeout=20_000)
    first = int(PAGE.fullmatch(bar.currentMessage())[1])
    qtbot.waitUntil(
        lambda: (
            (m := PAGE.fullmatch(bar.currentMessage())) is not None and int(m[1]) > max(first, 36)
        ),
        timeout=60_000,
    )
    page = int(PAGE.fullmatch(bar.currentMessage())[1])
    assert first < page < 412
    assert window.progress.isVisible()
    assert window.progress.maximum() == 412
    assert 0 < window.progress.value() <= 412
    cancel = window.cancel_button
    assert cancel.isVisible()
    assert cancel.text().replace("&", "") == "Cancel"
    SCREENSHOTS.mkdir(exist_ok=True)
    assert window.grab().save(str(SCREENSHOTS / "reading-progress.png"))

    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    cancelled_at = time.perf_counter()
    assert not window.session.busy
    assert bar.currentMessage() == "Cancelled."
    assert not window.progress.isVisible()
    assert not cancel.isVisible()
    assert real_pool.waitForDone(10_000)
    stopped = time.perf_counter() - cancelled_at
    assert stopped < budget.SECONDS / 2, f"the reading went on {stopped:.1f} s after Cancel"
    QApplication.processEvents()  # anything the reading still sent is shown by now
    assert bar.currentMessage() == "Cancelled."
    assert window.session.document.source == str(article)
    assert window.source.toPlainText() == shown_source
    assert window.summary.toPlainText() == shown_summary
    assert window.windowTitle().startswith("Harbour Town Votes")


def test_pages_are_counted_in_german_then_the_sentences_found(
    german, make_window, tmp_path: Path
) -> None:
    """Synchronous jobs: every message the status bar shows while a PDF opens, in order."""
    window = make_window()
    shown: list[str] = []
    window.statusBar().messageChanged.connect(shown.append)
    path = tmp_path / "bericht.pdf"
    path.write_bytes(_long_pdf(3))
    window.open_path(path)
    assert window.session.document is not None
    reading = [m for m in shown if m.startswith("bericht.pdf")]
    assert reading[:1] == ["bericht.pdf wird gelesen …"]
    assert [m for m in shown if "Seite" in m] == [
        "bericht.pdf wird gelesen: Seite 1 von 3 …",
        "bericht.pdf wird gelesen: Seite 2 von 3 …",
    ]
    assert "Sätze in bericht.pdf werden gesucht …" in shown


def test_a_text_says_when_its_sentences_are_being_found(make_window, article) -> None:
    """Formats without pages: once read, the status bar says what the wait is for."""
    window = make_window()
    shown: list[str] = []
    window.statusBar().messageChanged.connect(shown.append)
    window.open_path(article)
    assert [m for m in shown if m][:2] == [
        "Reading sea-wall.txt…",
        "Finding the sentences of sea-wall.txt…",
    ]
    assert window.session.selection is not None
    assert window.statusBar().currentMessage() == ""
