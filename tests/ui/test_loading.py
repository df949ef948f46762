"""Loading an article: File → Open, drag and drop, paste, Recent Files, failures, cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog
from support.qt import ARTICLE, HeldThreadPool, drop, highlighted_sentences
from support.window import started


def test_open_via_dialog_with_ctrl_o(window, article, qtbot, monkeypatch) -> None:
    seen = {}

    def get_open(parent, caption, folder, filters):
        seen["filters"] = filters
        return str(article), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open))
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)

    document = window.session.document
    assert document is not None
    assert Path(document.source) == article
    assert window.source.toPlainText().startswith("Harbour Town Votes to Rebuild")
    assert "*.txt" in seen["filters"].split(";;")[0]
    # Every format the engine reads is offered.
    from desktop.engine import supported_suffixes

    assert all(f"*{s}" in seen["filters"] for s in supported_suffixes())
    # Summarised at once: 5 sentences (the default), highlighted in place.
    assert len(highlighted_sentences(window)) == 5
    assert window.windowTitle() == f"{document.title or 'sea-wall.txt'} — Precis"
    assert "words →" in window.stats.text()


def test_headings_styled_and_not_candidates(window, article) -> None:
    window.open_path(article)
    block = window.source.document().firstBlock()
    assert block.text() == "Harbour Town Votes to Rebuild Its Flooded Sea Wall"
    assert block.blockFormat().headingLevel() in (1, 2)
    assert (
        block.charFormat().fontWeight() >= 600
        or block.begin().fragment().charFormat().fontWeight() >= 600
    )
    assert 0 not in window.session.selection.indices


def test_drop_a_file(window, article) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article))])
    assert drop(window, mime)
    assert window.session.document is not None
    assert Path(window.session.document.source) == article
    assert window.prefs.recent_files[0] == str(article.resolve())


def test_drop_a_file_without_an_extension(window, tmp_path) -> None:
    """A page saved as "harbour" (no extension) opens as a page: its title, no markup."""
    page = tmp_path / "harbour"
    body = "".join(f"<p>{paragraph}</p>" for paragraph in ARTICLE.split("\n\n")[1:])
    page.write_text(
        f"<!DOCTYPE html><html><head><title>Sea wall</title></head><body>{body}</body></html>",
        encoding="utf-8",
    )
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(page))])
    assert drop(window, mime)
    assert window.session.document is not None
    assert Path(window.session.document.source) == page
    assert window.windowTitle() == "Sea wall — Precis"
    shown = window.source.toPlainText()
    assert "<p>" not in shown
    assert "DOCTYPE" not in shown
    assert len(highlighted_sentences(window)) == 5


def test_drop_nothing_useful_is_refused(window) -> None:
    mime = QMimeData()
    mime.setData("application/octet-stream", b"\x00\x01")
    assert not drop(window, mime)
    assert window.session.document is None


def test_paste_into_empty_window_with_ctrl_v(window, qtbot) -> None:
    QGuiApplication.clipboard().setText(ARTICLE)
    qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    document = window.session.document
    assert document is not None
    assert document.source == "-"
    assert "sea wall" in window.source.toPlainText()
    assert window.session.selection is not None


def test_a_pasted_web_address_says_precis_is_offline_and_keeps_the_article(
    window, article, qtbot, dialogs
) -> None:
    window.open_path(article)
    shown = window.source.toPlainText()
    QGuiApplication.clipboard().setText("https://www.example.org/news/harbour-bridge")
    qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.kinds() == ["warning"]
    _, _, text = dialogs.shown[0]
    assert "holds only a web address" in text
    assert "Save Page As" in text
    assert "still here" in text
    assert window.source.toPlainText() == shown
    assert Path(window.session.document.source) == article


def test_ctrl_v_replaces_an_open_article_and_the_old_one_is_one_step_back(
    window, article, qtbot
) -> None:
    """The empty window's hint promises Ctrl+V; it keeps working once an article is open, from
    the article pane too, and Back brings the replaced article back (and then the pasted one)."""
    window.open_path(article)
    QGuiApplication.clipboard().setText("Completely different text. It has two sentences here.")
    window.source.setFocus()
    qtbot.keyClick(window.source, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.session.document.source == "-"
    assert window.source.toPlainText().startswith("Completely different text.")
    assert window.session.selection is not None
    assert "sea-wall.txt" in window.statusBar().currentMessage()  # where the old one went
    assert window.act_back.isEnabled()

    qtbot.keyClick(window.source, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert Path(window.session.document.source) == article
    assert "sea wall" in window.source.toPlainText()
    assert window.session.selection is not None
    window.act_back.trigger()
    assert window.source.toPlainText().startswith("Completely different text.")

    QGuiApplication.clipboard().setText("A third text. It replaces the pasted one at once.")
    qtbot.keyClick(
        window,
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.source.toPlainText().startswith("A third text.")


def test_paste_html_falls_back_to_text(window) -> None:
    """HTML from a browser goes through the HTML reader when there is one, else plain text."""
    mime = QMimeData()
    mime.setHtml("<html><body><p>" + ARTICLE.replace("\n\n", "</p><p>") + "</p></body></html>")
    mime.setText(ARTICLE)
    QGuiApplication.clipboard().setMimeData(mime)
    window.act_paste.trigger()
    assert window.session.document is not None
    assert "Porthmere" in window.source.toPlainText()
    assert "<p>" not in window.source.toPlainText()


def test_empty_clipboard_says_so(window) -> None:
    QGuiApplication.clipboard().clear()
    window.act_paste.trigger()
    assert window.session.document is None
    assert "clipboard" in window.statusBar().currentMessage()


def test_unreadable_file_keeps_current_article(window, article, tmp_path, dialogs) -> None:
    window.open_path(article)
    shown = window.source.toPlainText()
    bad = tmp_path / "notes.xyz"
    bad.write_bytes(b"\x00\x01\x02")
    window.open_path(bad)
    assert dialogs.kinds() == ["warning"]
    _, title, text = dialogs.shown[0]
    assert "notes.xyz" in title
    assert "still here" in text
    assert window.source.toPlainText() == shown
    assert Path(window.session.document.source) == article
    window.open_path(tmp_path / "missing.txt")
    assert "no such file" in dialogs.shown[-1][2]


def test_recent_files_menu_reopens(window, article, tmp_path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Another article. It is short but it is fine.", encoding="utf-8")
    window.open_path(article)
    window.open_path(other)
    window.recent_menu.aboutToShow.emit()
    entries = [a for a in window.recent_menu.actions() if a.data()]
    assert [Path(a.data()).name for a in entries] == ["other.txt", "sea-wall.txt"]
    entries[1].trigger()
    assert Path(window.session.document.source) == article
    window.act_clear_recent.trigger()
    assert window.prefs.recent_files == ()


def test_command_line_path_opens(qtbot, article, monkeypatch, store) -> None:
    window = started(qtbot, monkeypatch, str(article), store=store)
    assert Path(window.session.document.source) == article
    window.close()


def test_cancel_drops_the_late_result(make_window, article, qtbot) -> None:
    pool = HeldThreadPool()
    window = make_window(pool)
    window.open_path(article)
    assert window.progress.isVisible()
    assert window.cancel_button.isVisible()
    assert window.act_cancel.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.progress.isVisible()
    assert window.statusBar().currentMessage() == "Cancelled."
    pool.run_all()  # the job finishes after all: its result is dropped
    assert window.session.document is None
    assert window.source.toPlainText() == ""


def test_outdated_article_is_dropped(make_window, article, tmp_path) -> None:
    pool = HeldThreadPool()
    window = make_window(pool)
    newer = tmp_path / "newer.txt"
    newer.write_text(
        "The newer article wins. It arrived second but it is current.", encoding="utf-8"
    )
    window.open_path(article)
    window.open_path(newer)
    pool.run(1)  # the newer one loads first and is ranked
    pool.run_all()  # then the first one's result comes back: outdated
    assert Path(window.session.document.source) == newer
    assert window.source.toPlainText().startswith("The newer article wins.")
    assert window.session.selection is not None


def test_ranking_runs_on_a_worker_thread(make_window, article, qtbot) -> None:
    """With the real pool: busy indicator while ranking, result delivered on the GUI thread."""
    from PySide6.QtCore import QThreadPool

    window = make_window(QThreadPool.globalInstance())
    window.open_path(article)
    assert window.session.busy
    qtbot.waitUntil(lambda: window.session.selection is not None, timeout=60_000)
    assert not window.progress.isVisible()
    assert len(highlighted_sentences(window)) == 5


def test_drop_target_is_the_whole_window(window) -> None:
    assert window.acceptDrops()
    assert not window.source.acceptDrops()
    assert not window.summary.acceptDrops()
