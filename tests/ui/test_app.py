"""The application around the window: start-up, screenshot, crashes, keyboard, theme, About."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtGui import QColor, QImage, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from support.paths import ROOT

from desktop import APP_ID, APP_NAME, __version__
from desktop.ui.crash import CrashHandler
from desktop.ui.positions import SpanMap, utf16_len
from desktop.ui.tasks import run_task
from desktop.ui.theme import colours, contrast


def test_screenshot_renders_the_summarised_article(qapp, tmp_path, article) -> None:
    from desktop.ui.app import run

    out = tmp_path / "shot.png"
    assert run(str(article), screenshot=str(out)) == 0
    image = QImage(str(out))
    assert image.width() >= 1200
    assert image.height() >= 700
    # The summary's highlight colour is in the picture.
    highlight = colours(QApplication.palette()).selected
    assert any(
        image.pixelColor(x, y).rgb() == highlight.rgb()
        for x in range(0, image.width() // 2, 3)
        for y in range(0, image.height(), 3)
    )


def test_screenshot_of_an_unreadable_file_fails_cleanly(qapp, tmp_path, capsys) -> None:
    from desktop.ui.app import run

    assert run(str(tmp_path / "missing.txt"), screenshot=str(tmp_path / "x.png")) == 1
    assert "no such file" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_window_shows_before_heavy_imports(tmp_path) -> None:
    """Cold start: numpy, scipy, sumy and the Punkt models load only after the window is up."""
    code = textwrap.dedent(
        f"""
        import json, sys
        from PySide6.QtCore import QEvent, QObject, QSettings
        from desktop.ui import app
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {str(tmp_path)!r})
        heavy = ("numpy", "scipy", "sumy", "nltk", "punkt", "langdetect")
        first_paint = []

        class Painted(QObject):
            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint and not first_paint:
                    first_paint.append(sorted(m for m in sys.modules if m.split(".")[0] in heavy))
                return False

        qapp = app.application()
        watcher = Painted()
        qapp.installEventFilter(watcher)
        window = app.start({str(ROOT / "resources/samples/lukaschenko-de.txt")!r})
        while not first_paint:
            qapp.processEvents()
        print(json.dumps({{"visible": window.isVisible(), "loaded": first_paint[0]}}))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**_env(), "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["visible"]
    assert result["loaded"] == []


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}


def test_uncaught_exception_is_logged_and_shown_once(qtbot, tmp_path, monkeypatch) -> None:
    shown: list[str] = []

    def exec_box(box: QMessageBox) -> int:
        shown.append(box.informativeText())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    handler = CrashHandler(tmp_path / "logs")
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as exc:
        handler.excepthook(type(exc), exc, exc.__traceback__)
    log = (tmp_path / "logs" / "precis.log").read_text(encoding="utf-8")
    assert "RuntimeError: boom in a slot" in log
    assert __version__ in log
    assert len(shown) == 1
    assert str(tmp_path / "logs" / "precis.log") in shown[0]


def test_worker_exception_reaches_the_crash_handler(make_window, article, monkeypatch) -> None:
    reported: list[BaseException] = []
    window = make_window()
    window.crash = type("Recorder", (), {"report": lambda self, exc: reported.append(exc)})()
    from desktop.ui import session

    def broken(*args, **kw):
        raise ZeroDivisionError("a bug in a method")

    monkeypatch.setattr(session, "rank", broken)
    window.open_path(article)
    assert [type(e) for e in reported] == [ZeroDivisionError]
    # The app goes on: the article is shown and a second try works once the bug is gone.
    assert window.session.document is not None
    assert not window.session.busy
    monkeypatch.undo()
    window.act_rerank.trigger()
    assert window.session.selection is not None


def test_run_task_delivers_on_the_gui_thread(qtbot) -> None:
    from PySide6.QtCore import QThread

    pool = QThreadPool()
    results: list[tuple[object, object, bool]] = []

    def on_done(result: object, error: object) -> None:
        results.append((result, error, QThread.currentThread() is QApplication.instance().thread()))

    run_task(
        lambda flag: QThread.currentThread() is not QApplication.instance().thread(),
        on_done,
        pool=pool,
    )
    run_task(lambda flag: 1 / 0, on_done, pool=pool)
    qtbot.waitUntil(lambda: len(results) == 2, timeout=10_000)
    assert (True, None, True) in results
    error = next(e for _, e, _ in results if e is not None)
    assert isinstance(error, ZeroDivisionError)
    assert all(on_gui for _, _, on_gui in results)


def test_about_names_version_and_app_id(window, dialogs) -> None:
    window.act_about.trigger()
    kind, title, text = dialogs.shown[-1]
    assert kind == "about"
    assert APP_NAME in title
    assert __version__ in text
    assert APP_ID in text


def test_every_action_has_a_shortcut_and_a_menu_entry(window) -> None:
    in_menus = set()
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            in_menus.add(action)
            if action.menu():
                in_menus.update(action.menu().actions())
    window.recent_menu.aboutToShow.emit()
    missing_shortcut = [a.objectName() for a in window.actions() if a.shortcut().isEmpty()]
    missing_menu = [a.objectName() for a in window.actions() if a not in in_menus]
    assert missing_shortcut == []
    assert missing_menu == []
    shortcuts = [a.shortcut().toString() for a in window.actions()]
    assert len(shortcuts) == len(set(shortcuts)), "two actions share a shortcut"
    assert window.act_open.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert window.act_export.shortcut() == QKeySequence("Ctrl+E")
    assert window.act_copy.shortcut() == QKeySequence("Ctrl+Shift+C")
    assert window.act_paste.shortcuts() == [  # Ctrl+V as the empty window promises
        QKeySequence(QKeySequence.StandardKey.Paste),
        QKeySequence("Ctrl+Shift+V"),
    ]
    assert window.act_zoom_in.shortcut() == QKeySequence(QKeySequence.StandardKey.ZoomIn)


def test_widgets_have_accessible_names_and_focus_order(window) -> None:
    c = window.controls
    wanted = [
        c.method,
        c.language,
        c.slider,
        c.spin,
        c.unit,
        c.order,
        window.source,
        window.summary,
    ]
    for widget in wanted:
        assert widget.accessibleName(), widget.objectName()
    order = []
    widget: QWidget = c.method
    for _ in range(12):
        order.append(widget)
        widget = widget.nextInFocusChain()
        while widget.focusPolicy() == 0 and widget is not c.method:
            widget = widget.nextInFocusChain()
    positions = [order.index(w) for w in wanted]
    assert positions == sorted(positions)


def test_zoom_keys(window, article, qtbot) -> None:
    from PySide6.QtCore import Qt

    window.open_path(article)
    size = window.source.document().defaultFont().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.source.document().defaultFont().pointSizeF() == size + 1
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.source.document().defaultFont().pointSizeF() == size - 1
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.source.document().defaultFont().pointSizeF() == size


def _dark_palette() -> QPalette:
    """A system dark scheme, as a desktop would hand it to Qt."""
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2d31"),
        (QPalette.ColorRole.WindowText, "#e8eaed"),
        (QPalette.ColorRole.Base, "#1e1f22"),
        (QPalette.ColorRole.AlternateBase, "#26282c"),
        (QPalette.ColorRole.Text, "#e8eaed"),
        (QPalette.ColorRole.Button, "#33363b"),
        (QPalette.ColorRole.ButtonText, "#e8eaed"),
        (QPalette.ColorRole.PlaceholderText, "#9aa0a6"),
        (QPalette.ColorRole.Highlight, "#3d6fb6"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.ToolTipBase, "#33363b"),
        (QPalette.ColorRole.ToolTipText, "#e8eaed"),
        (QPalette.ColorRole.Link, "#8ab4f8"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


@pytest.mark.parametrize("dark", [False, True])
def test_highlight_colours_readable(window, article, dark) -> None:
    if dark:
        window.setPalette(_dark_palette())
    window.open_path(article)
    c = window.source.colours
    assert c.dark is dark
    for background in (c.selected, c.pinned, c.flash):
        assert contrast(c.text, background) >= 4.5
    base = window.source.palette().color(QPalette.ColorRole.Base)
    assert contrast(c.muted, base) >= 3.0  # dimmed boilerplate is still legible
    assert contrast(c.selected, base) >= 1.3  # and a highlight is visible against the page
    selections = window.source.extraSelections()  # the formats live as long as this list
    fmt = selections[0].format
    assert fmt.background().color() == c.selected
    assert fmt.foreground().color() == c.text


def test_palette_change_recolours(window, article) -> None:
    window.open_path(article)
    light = window.source.colours.selected
    window.setPalette(_dark_palette())
    QApplication.processEvents()
    assert window.source.colours.selected != light
    backgrounds = {s.format.background().color().name() for s in window.source.extraSelections()}
    assert backgrounds == {window.source.colours.selected.name()}


def test_span_map_with_astral_characters() -> None:
    text = "😀 A. Bé 𝔸 C.\n\nD 🎉 e. F."
    paragraphs = [(0, 12), (14, 23)]
    sentences = [(2, 4, 0), (5, 12, 0), (14, 20, 1), (21, 23, 1)]
    # In Qt the second paragraph's block starts after the first block and its separator.
    qt_starts = [0, utf16_len(text[:12]) + 1]
    spans = SpanMap.build(text, paragraphs, qt_starts, sentences)

    def utf16(s: str) -> int:
        return len(s.encode("utf-16-le")) // 2

    expected_starts = tuple(
        qt_starts[p] + utf16(text[paragraphs[p][0] : s]) for s, _, p in sentences
    )
    expected_ends = tuple(qt_starts[p] + utf16(text[paragraphs[p][0] : e]) for _, e, p in sentences)
    assert spans.starts == expected_starts == (3, 6, 15, 23)
    assert spans.ends == expected_ends
    assert spans.sentence_at(7) == 1
    assert spans.sentence_at(5) == 0
    assert spans.sentence_at(2) is None


def test_qt_binding_keeps_none_alive() -> None:
    """PySide6 6.12.0 drops a reference to None on every call of a void method; on Python before
    3.12 the window then dies with "deallocating None" after some hundred slider moves. The
    dependency excludes that release; this catches it, or a release like it, coming back."""
    from PySide6.QtGui import QTextCursor, QTextDocument

    document = QTextDocument()
    document.setPlainText("A sentence. Another one.")
    cursor = QTextCursor(document)
    before = sys.getrefcount(None)
    for _ in range(1000):
        cursor.setPosition(3)
    assert sys.getrefcount(None) - before > -10


def test_crash_dialog_does_not_stack(qtbot, tmp_path, monkeypatch) -> None:
    """A second exception while the dialog is open is logged, not shown again."""
    handler = CrashHandler(tmp_path)
    shown: list[str] = []

    def exec_box(box: QMessageBox) -> int:
        shown.append(box.text())
        try:
            raise ValueError("again, from a repaint")
        except ValueError as exc:
            handler.excepthook(type(exc), exc, exc.__traceback__)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    QTimer.singleShot(0, lambda: None)
    try:
        raise KeyError("first")
    except KeyError as exc:
        handler.excepthook(type(exc), exc, exc.__traceback__)
    assert len(shown) == 1
    assert "ValueError: again" in (tmp_path / "precis.log").read_text(encoding="utf-8")
