"""The window is never frozen: a QTimer ticks every 10 ms on the GUI thread while a long article
is ranked on the real thread pool, and the longest gap between ticks is the longest stall. Cancel
stops the worker, not only the display."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from support.bigtext import article as long_article
from support.window import Ticker, choose_method, settle, wait_until

from desktop.engine import METHODS

if TYPE_CHECKING:
    from pathlib import Path

    from desktop.ui.main_window import MainWindow

STALL_MS = 100
BIG = 400_000
"""Characters of the long article the window tests rank (1 MB with -m slow)."""


@pytest.fixture(scope="module")
def big_article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "long.txt"
    path.write_text(long_article(BIG), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def slow_article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """1 MB: long enough that kl, the slowest method, ranks for most of a second (0.2 s at BIG),
    so a Cancel that did not stop the worker shows."""
    path = tmp_path_factory.mktemp("slow") / "longer.txt"
    path.write_text(long_article(1_000_000), encoding="utf-8")
    return path


def _measure_stalls(
    window: MainWindow, path: Path, methods: list[str], clock: str
) -> dict[str, float]:
    choose_method(window, "lead")
    ticker = Ticker(window)
    window.open_path(path)
    settle(window, 120)
    stalls = {"open and first display": ticker.longest_gap_ms(clock)}
    for method in methods:
        ticker.restart()  # from the moment the method is chosen
        choose_method(window, method)
        settle(window)
        assert window.session.ranking.method == method
        stalls[method] = ticker.longest_gap_ms(clock)
    ticker.stop()
    return stalls


SLOW_METHODS = ["lex-rank", "kl", "sum-basic", "text-rank", "lsa"]


def test_gui_thread_never_works_long_while_ranking(make_window, big_article, real_pool) -> None:
    """The slowest methods on a 400 KB article, on the real thread pool: between two ticks of a
    10 ms timer the GUI thread never does more than 100 ms of work of its own (CPU time, so that a
    busy machine cannot fail it; a ranking on the GUI thread would take all of it). The stall of
    the first display is reported, not bounded: it is Qt laying out the article."""
    _assert_no_repeated_stall(make_window(real_pool), big_article, SLOW_METHODS, "400 KB", "cpu")


@pytest.mark.slow
def test_gui_thread_never_stalls_while_ranking(make_window, big_article, real_pool) -> None:
    """The same in wall-clock time (a worker that held the GIL in one long call would show here
    only): on a quiet machine the GUI thread keeps ticking at least every 100 ms."""
    _assert_no_repeated_stall(make_window(real_pool), big_article, SLOW_METHODS, "400 KB", "wall")


@pytest.mark.slow
def test_gui_thread_never_stalls_on_a_megabyte(make_window, tmp_path, real_pool) -> None:
    path = tmp_path / "megabyte.txt"
    path.write_text(long_article(1_000_000), encoding="utf-8")
    methods = [m for m in METHODS if m != "lead"]
    _assert_no_repeated_stall(make_window(real_pool), path, methods, "1 MB", "wall")


def _assert_no_repeated_stall(
    window: MainWindow, path: Path, methods: list[str], label: str, clock: str
) -> None:
    stalls = _measure_stalls(window, path, methods, clock)
    print(
        f"\nlongest GUI-thread stall ({label}, {clock}), ms:",
        {k: round(v) for k, v in stalls.items()},
    )
    # A stall counts when it happens again: on a shared 2-core machine the scheduler alone once
    # held the GUI thread back 200-280 ms (in about one full run in three, no slow garbage
    # collection), while a GUI thread blocked by a ranking is blocked every time.
    again = [m for m in methods if stalls[m] > STALL_MS]
    if again:
        retry = _measure_stalls(window, path, again, clock)
        print("measured again, ms:", {m: round(retry[m]) for m in again})
        stalls.update({m: min(stalls[m], retry[m]) for m in again})
    for method in methods:
        assert stalls[method] <= STALL_MS, f"{method}: GUI thread blocked {stalls[method]:.0f} ms"


def test_cancel_stops_the_worker(make_window, slow_article, real_pool, qtbot) -> None:
    """Esc while kl ranks: the window is idle at once, the worker thread ends long before the
    ranking would have, no kl result ever shows, and F5 ranks again."""
    window = make_window(real_pool)

    def kl_after_lead() -> None:  # the article read afresh, lead ranked: kl is not cached
        choose_method(window, "lead")
        window.open_path(slow_article)
        settle(window, 120)
        choose_method(window, "kl")
        wait_until(lambda: window.session.activity == "rank", 5)

    # CPU seconds of the whole process (every thread), so that a busy machine stretches neither.
    kl_after_lead()
    started = time.process_time()
    wait_until(lambda: not window.session.busy, 60)
    full = time.process_time() - started

    kl_after_lead()
    time.sleep(0.02)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    cancelled_at = time.process_time()
    assert not window.session.busy
    assert not window.progress.isVisible()
    assert window.statusBar().currentMessage() == "Cancelled."
    assert real_pool.waitForDone(60_000)
    stopped = time.process_time() - cancelled_at
    QApplication.processEvents()
    assert window.session.ranking.method == "lead", "the cancelled ranking was shown"
    print(f"\nkl on 1 MB: {full:.2f} s CPU; worker stopped after {stopped:.3f} s CPU after Esc")
    assert stopped < full / 3, f"worker went on for {stopped:.2f} s of {full:.2f} s after Cancel"
    window.act_rerank.trigger()
    settle(window)
    assert window.session.ranking.method == "kl"
