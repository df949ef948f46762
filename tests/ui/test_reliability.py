"""The window under stress: never frozen, nothing lost, nothing leaked, nothing stale (issue 7).

- Responsiveness: a QTimer ticks every 10 ms on the GUI thread while a long article is ranked on
  the real thread pool; the longest gap between ticks is the longest stall. Cancel stops the
  worker, not only the display.
- Export: full disk mid-write, read-only folder, vanished folder, existing file: one clear
  message, the file on disk and the summary on screen unchanged.
- No network during a whole session; pages never load resources into either pane.
- Crashes in slots, workers and plain threads: one dialog, one log entry, the window goes on;
  corrupt or foreign settings fall back to defaults.
- Concurrency: whatever order jobs finish in, the window never shows a result for an article,
  method or language that is no longer current; closing during a ranking exits within 2 s.
"""

from __future__ import annotations

import errno
import itertools
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from support.bigtext import article as long_article
from support.guards import Trap, atime_works, forbidden, secret_file, was_read
from support.hostile import hostile_files
from support.qt import ARTICLE, FakeThreadPool, HeldThreadPool

from desktop.engine import METHODS, Metadata, Style
from desktop.ui import crash as crash_module
from desktop.ui.crash import CrashHandler
from desktop.ui.export_dialog import ExportDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Preferences, SettingsStore
from desktop.ui.source_view import SourceView
from desktop.ui.summary_view import SummaryView

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

from support.paths import ROOT

CLOSE_DURING_RANKING = ROOT / "tests" / "support" / "close_during_ranking.py"
STALL_MS = 100
BIG = 400_000
"""Characters of the long article the window tests rank (1 MB with -m slow)."""


# -- helpers -------------------------------------------------------------------------------------


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


# -- never frozen --------------------------------------------------------------------------------


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


# -- nothing lost on export ----------------------------------------------------------------------


def _export_to(monkeypatch, path: Path) -> None:
    from desktop.engine import MarkdownOptions

    monkeypatch.setattr(
        ExportDialog,
        "get_options",
        classmethod(lambda cls, *a: MarkdownOptions(Style.BULLETS, Metadata.LINE)),
    )
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "Markdown (*.md)"))
    )


def _half_then_full(monkeypatch) -> None:
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


def _read_only(monkeypatch, folder: Path) -> None:
    """Writing into ``folder`` is refused, as in a read-only folder (tests may run as root,
    whom permissions do not stop)."""
    real_open = os.open

    def refusing_open(path: str | os.PathLike[str], flags: int, *args: object, **kw: object) -> int:
        if Path(path).parent == folder and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, flags, *args, **kw)

    monkeypatch.setattr(os, "open", refusing_open)


@pytest.mark.parametrize("failure", ["disk full mid-write", "read-only folder", "folder vanished"])
def test_failed_export_loses_nothing(
    window, article, tmp_path, monkeypatch, dialogs, failure
) -> None:
    window.open_path(article)
    folder = tmp_path / "drafts"
    folder.mkdir()
    target = folder / "brief.md"
    target.write_text("the editor's draft\n", encoding="utf-8")
    _export_to(monkeypatch, target if failure != "folder vanished" else tmp_path / "gone" / "b.md")
    if failure == "disk full mid-write":
        _half_then_full(monkeypatch)
    elif failure == "read-only folder":
        _read_only(monkeypatch, folder)
    summary = window.summary.toPlainText()
    selection = window.session.selection

    window.act_export.trigger()

    assert dialogs.kinds() == ["warning"], dialogs.shown
    _, title, text = dialogs.shown[0]
    assert title == "Export Failed"
    reason = {
        "disk full mid-write": "No space left on device",
        "read-only folder": "Permission denied",
        "folder vanished": "no such folder",
    }[failure]
    assert reason in text
    assert "Nothing on disk was changed" in text
    assert target.read_text(encoding="utf-8") == "the editor's draft\n"
    assert sorted(p.name for p in folder.iterdir()) == ["brief.md"], "a temporary file was left"
    assert window.summary.toPlainText() == summary
    assert window.session.selection is selection
    assert window.act_export.isEnabled()


def test_export_over_an_existing_file_replaces_it_whole(window, article, tmp_path, monkeypatch):
    """The file dialog asked before replacing; the new file appears at once, complete."""
    window.open_path(article)
    target = tmp_path / "brief.md"
    target.write_text("old\n", encoding="utf-8")
    _export_to(monkeypatch, target)
    seen_during_write: list[str] = []
    real_replace = os.replace

    def replace(src: str, dst: str) -> None:
        seen_during_write.append(Path(dst).read_text(encoding="utf-8"))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    window.act_export.trigger()
    assert seen_during_write == ["old\n"], "the old file was touched before the new one was whole"
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Harbour Town Votes")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".brief")) == []


# -- no network, nothing loaded from a page ------------------------------------------------------

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
            _export_to(monkeypatch, tmp_path / "brief.md")
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


# -- crashes -------------------------------------------------------------------------------------


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


_VALUES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "@ByteArray(\\0\\xff\\x80garbage)", "@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x10QPoint)",
            "@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\xffUnknownType\\0)", "@Rect(1 2 3)", "@Size(-5 -5)",
            "@Point(nan inf)", "@Invalid()", "@DateTime(garbage)", "1e999", "-0", "nan", "inf",
            "true", "false", "[1, 2]", "\\x00", "a, b, c", "999999999999999999999999",
        ]
    ),
    st.integers().map(str),
    st.floats(allow_nan=True).map(str),
)  # fmt: skip
_KEYS = st.sampled_from(
    [
        "summary/method", "summary/language", "summary/unit", "summary/sentences",
        "summary/percent", "summary/words", "summary/order", "view/heat_map", "view/vertical",
        "view/zoom", "files/recent", "export/style", "export/metadata", "export/folder",
        "MainWindow/geometry", "MainWindow/splitter", "version", "foreign/key",
    ]
)  # fmt: skip


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    entries=st.dictionaries(_KEYS, _VALUES, max_size=12),
    noise=st.binary(max_size=64),
)
def test_corrupt_or_foreign_settings_fall_back(qapp, tmp_path_factory, entries, noise) -> None:
    """Any INI file at all: the window opens with valid preferences and summarises."""
    path = tmp_path_factory.mktemp("ini") / "precis.ini"
    groups: dict[str, list[str]] = {}
    for key, value in entries.items():
        group, name = key.split("/") if "/" in key else ("General", key)
        groups.setdefault(group, []).append(f"{name}={value}")
    text = "".join(f"[{g}]\n" + "\n".join(lines) + "\n" for g, lines in groups.items())
    path.write_bytes(text.encode("utf-8", "surrogatepass") + noise)
    store = SettingsStore(QSettings(str(path), QSettings.Format.IniFormat))
    prefs = store.load()
    assert prefs.summary.method in METHODS
    assert 0 <= prefs.lengths.percent <= 100
    assert all(isinstance(p, str) and p for p in prefs.recent_files)
    window = MainWindow(store, pool=FakeThreadPool())
    try:
        window.show()
        window.session.open_bytes([(ARTICLE.encode(), ".txt")])
        assert window.session.selection is not None
        window.close()  # saves the settings again
        reloaded = SettingsStore(QSettings(str(path), QSettings.Format.IniFormat)).load()
        assert reloaded.summary.method in METHODS
    finally:
        window.deleteLater()


def test_settings_of_a_newer_version_still_load(settings_file) -> None:
    settings_file.write_text(
        "[General]\nversion=99\n[summary]\nmethod=lead\nnew-option=whatever\n[future]\nx=1\n",
        encoding="utf-8",
    )
    prefs = SettingsStore(QSettings(str(settings_file), QSettings.Format.IniFormat)).load()
    assert prefs.summary.method == "lead"
    assert prefs.summary.length.unit == Preferences().summary.length.unit


# -- concurrency ---------------------------------------------------------------------------------

TEXTS = {
    "harbour": ARTICLE,
    "budget": (
        "The city published its budget on Friday. Spending on schools rises by four percent. "
        "Roads get less money than last year. The opposition called the plan timid.\n\n"
        "A vote is expected next month. Councillors will debate the plan in public."
    ),
    "storm": (
        "Der Sturm erreichte die Küste am Morgen. Die Feuerwehr evakuierte vierzig Familien. "
        "Der Fluss stieg in zwei Stunden um drei Meter. Die Schulen bleiben bis Montag zu.\n\n"
        "Meteorologen erwarten ruhigeres Wetter zum Wochenende."
    ),
}
ACTIONS = st.lists(
    st.one_of(
        st.tuples(st.just("open"), st.sampled_from(sorted(TEXTS))),
        st.tuples(st.just("method"), st.sampled_from(["lex-rank", "lead", "kl", "text-rank"])),
        st.tuples(st.just("language"), st.sampled_from(["", "en", "de"])),
        st.tuples(st.just("run"), st.integers(0, 5)),
        st.tuples(st.just("length"), st.integers(1, 6)),
        st.tuples(st.just("cancel"), st.none()),
    ),
    max_size=25,
)


def _shown_is_consistent(window: MainWindow, stale_ok: object) -> None:
    """Whatever the window shows belongs to the current article, and to the current method
    unless it is the ranking that was on screen when the method changed (kept until the new one
    arrives)."""
    s = window.session
    document = s.document
    if document is None:
        assert s.selection is None
        assert window.source.toPlainText() == ""
        return
    assert window.source.toPlainText().replace("\u2028", "\n") == "\n".join(
        document.paragraph_text(p) for p in document.paragraphs
    )
    if s.ranking is not None:
        assert s.ranking.document is document, "a ranking of another article is shown"
        current = s.ranking.method == s.options.method
        assert current or s.ranking is stale_ok, "a stale method's result"
    if s.selection is not None:
        assert s.selection.ranking is s.ranking
        shown = window.summary.toPlainText()
        for i in s.selection.indices:
            assert " ".join(document.sentence_text(i).split()) in " ".join(shown.split())


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=ACTIONS)
def test_results_arrive_in_any_order_and_stale_ones_are_dropped(
    qapp, tmp_path_factory, actions
) -> None:
    """Jobs held and run in any order the actions say. At every step: what is shown belongs to
    the current article (and method); an article opened earlier never comes back once a later
    one is shown. At the end, with nothing cancelled, the last article and method are shown."""
    folder = tmp_path_factory.mktemp("articles")
    store = SettingsStore(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    pool = HeldThreadPool()
    window = MainWindow(store, pool=pool)
    opened = 0
    last_open = None
    stale_ok = None
    settled = True  # False after a cancel: what was cancelled never comes
    newest_shown = -1
    try:
        for kind, value in actions:
            if kind == "open":
                opened += 1  # each open is its own file: its number shows in the source
                last_open = folder / f"{opened:03d}-{value}.txt"
                last_open.write_text(TEXTS[value], encoding="utf-8")
                window.open_path(last_open)
                settled = True
            elif kind == "method":
                stale_ok = window.session.ranking
                # the same method: nothing runs
                settled = settled or value != window.session.options.method
                choose_method(window, value)
            elif kind == "language":
                choose_language(window, value)
            elif kind == "run" and pool.jobs:
                pool.run(value % len(pool.jobs))
            elif kind == "length" and window.session.ranking is not None:
                window.controls.spin.setValue(value)
            elif kind == "cancel":
                window.act_cancel.trigger()
                shown = window.session.document
                last_open = Path(shown.source) if shown is not None else None
                settled = False
            _shown_is_consistent(window, stale_ok)
            document = window.session.document
            if document is not None:
                number = int(Path(document.source).name[:3])
                assert number >= newest_shown, "an older article came back"
                newest_shown = number
        pool.run_all()
        _shown_is_consistent(window, stale_ok)
        s = window.session
        assert not s.busy
        if last_open is not None:
            assert Path(s.document.source) == last_open, "the last article opened is not shown"
            if settled:
                assert s.ranking is not None
                assert s.ranking.method == s.options.method
        # Whatever was cancelled, Summarise Again (F5) brings the window up to date.
        if window.act_rerank.isEnabled():
            window.act_rerank.trigger()
            pool.run_all()
        if s.document is not None:
            assert not window.act_rerank.isEnabled()
            assert s.ranking.method == s.options.method
            assert s.document.language == (s.options.language or s.document.detected_language)
    finally:
        window.close()
        window.deleteLater()


def test_summarise_again_applies_a_cancelled_change(qapp, tmp_path) -> None:
    """Esc after choosing another language (or method) leaves the old summary on screen;
    Summarise Again (F5) is then enabled and applies the choice."""
    path = tmp_path / "storm.txt"
    path.write_text(TEXTS["storm"], encoding="utf-8")
    pool = HeldThreadPool()
    window = MainWindow(
        SettingsStore(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)), pool=pool
    )
    try:
        window.open_path(path)
        pool.run_all()
        assert window.session.document.language == "de"
        assert not window.act_rerank.isEnabled()
        for change in (lambda: choose_language(window, "en"), lambda: choose_method(window, "kl")):
            change()
            window.act_cancel.trigger()
            pool.run_all()
            assert window.act_rerank.isEnabled()
            window.act_rerank.trigger()
            pool.run_all()
            assert not window.act_rerank.isEnabled()
        assert window.session.document.language == "en"
        assert window.session.ranking.method == "kl"
        assert window.session.ranking.document is window.session.document
    finally:
        window.close()
        window.deleteLater()


@pytest.mark.parametrize(
    "scenario",
    [
        # (actions, where "run" takes the job at that index of the held queue)
        ("article", [("open", "harbour"), ("open", "budget"), ("run", 1), ("run", 1), ("run", 0)]),
        ("method", [("open", "harbour"), ("run", 0), ("method", "kl"), ("method", "text-rank"),
                    ("run", 1), ("run", 0)]),
        ("language", [("open", "storm"), ("run", 0), ("run", 0), ("language", "en"),
                      ("language", "de"), ("run", 1), ("run", 0), ("run", 0)]),
    ],
    ids=lambda s: s[0],
)  # fmt: skip
def test_a_late_result_never_replaces_a_newer_one(qapp, tmp_path, scenario) -> None:
    """The newest request's result arrives first, the outdated one after it: dropped."""
    _, actions = scenario
    store = SettingsStore(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    pool = HeldThreadPool()
    window = MainWindow(store, pool=pool)
    stale_ok = None
    try:
        for kind, value in actions:
            if kind == "open":
                path = tmp_path / f"{value}.txt"
                path.write_text(TEXTS[value], encoding="utf-8")
                window.open_path(path)
                last = path
            elif kind == "method":
                stale_ok = window.session.ranking
                choose_method(window, value)
            elif kind == "language":
                choose_language(window, value)
            else:
                pool.run(min(value, len(pool.jobs) - 1))
            _shown_is_consistent(window, stale_ok)
        pool.run_all()
        s = window.session
        assert Path(s.document.source) == last
        assert s.ranking.method == s.options.method
        assert s.ranking.document is s.document
        if s.options.language:
            assert s.document.language == s.options.language
    finally:
        window.close()
        window.deleteLater()


def test_rapid_changes_with_real_threads(make_window, tmp_path, real_pool) -> None:
    """Articles, methods and languages changed faster than ranking runs, on real threads: once
    idle, the window shows the last article with the last method, and never anything else."""
    import random

    paths = []
    for name, text in TEXTS.items():
        paths.append(tmp_path / f"{name}.txt")
        paths[-1].write_text(text * 20, encoding="utf-8")
    window = make_window(real_pool)
    rnd = random.Random(4)
    for _ in range(3):
        for _ in range(12):
            step = rnd.random()
            if step < 0.4:
                last = rnd.choice(paths)
                window.open_path(last)
            elif step < 0.8:
                choose_method(window, rnd.choice(["lex-rank", "kl", "lsa", "lead", "sum-basic"]))
            else:
                choose_language(window, rnd.choice(["", "en", "de"]))
            _shown_is_consistent(window, window.session.ranking)
            for _ in range(rnd.randint(0, 3)):
                QApplication.processEvents()
                time.sleep(0.005)
        settle(window)
        s = window.session
        assert Path(s.document.source) == last
        assert s.ranking.method == s.options.method
        _shown_is_consistent(window, None)


def test_closing_during_a_ranking_does_not_wait_for_it(article, tmp_path) -> None:
    """A child process runs the app; the window closes while a minute-long ranking runs. The
    process must end cleanly (exit 0, nothing on stderr) long before the ranking would have.

    Waiting for the ranking would take a minute; the bound (15 s) holds on a busy machine. The
    goal (under 2 s) is measured by benchmarks/ui_speed.py."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, str(CLOSE_DURING_RANKING), str(article), str(tmp_path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        out, err = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        raise AssertionError(f"the app did not exit: {err[-2000:]}") from None
    ended = time.perf_counter()
    assert process.returncode == 0, err[-2000:]
    closed = float(out.split()[-1])
    # perf_counter is system-wide on Linux, so the child's reading compares with ours.
    exit_after = ended - closed
    print(f"\nexit {exit_after:.2f} s after the close")
    assert exit_after < 15.0, f"exited {exit_after:.1f} s after the window closed"
    noise = [line for line in err.splitlines() if "propagateSizeHints" not in line]
    assert noise == [], noise
