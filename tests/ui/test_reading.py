"""Reading a hostile file in the window: the window stays responsive while a reading child
process works, and Cancel (Esc) stops that process at once instead of at its deadline."""

from __future__ import annotations

import itertools
import time
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt, QTimer

from desktop.engine import budget
from desktop.engine.readers import READERS, worker

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
