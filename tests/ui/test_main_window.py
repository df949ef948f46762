"""What a new user tripped over in the window: a hand-chosen language that stuck to every later
article, and a summary header left on "reading…" after a failed open."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QGuiApplication
from support.paths import SAMPLE
from support.qt import ARTICLE, drop


def _choose_language(window, code: str) -> None:
    combo = window.controls.language
    combo.setCurrentIndex(combo.findData(code))


def _note(window) -> str:
    note = window.language_note
    return note.text() if note.isVisibleTo(window) else ""


def test_a_chosen_language_is_for_its_article_and_the_status_bar_says_it_disagrees(
    window, article, tmp_path
) -> None:
    window.open_path(article)
    assert _note(window) == ""
    _choose_language(window, "de")
    assert window.session.document.language == "de"
    assert _note(window) == "Read as Deutsch; the article looks English."

    other = tmp_path / "other.txt"
    other.write_text(ARTICLE.replace("Porthmere", "Kingsbridge"), encoding="utf-8")
    window.open_path(other)  # a new article: detected again
    assert window.session.document.language == "en"
    assert window.controls.language.currentData() == ""
    assert window.controls.language.currentText() == "Auto (English)"
    assert _note(window) == ""


def test_every_way_in_detects_the_language_again(window, article, tmp_path) -> None:
    other = tmp_path / "other.txt"
    other.write_text(ARTICLE, encoding="utf-8")

    def paste() -> None:
        QGuiApplication.clipboard().setText(ARTICLE)
        window.act_paste.trigger()

    def dropped() -> None:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(other))])
        assert drop(window, mime)

    def recent() -> None:
        window.recent_menu.aboutToShow.emit()
        entry = next(a for a in window.recent_menu.actions() if a.data() == str(article.resolve()))
        entry.trigger()

    window.open_path(article)
    for way in (paste, dropped, recent):
        _choose_language(window, "de")
        assert window.session.document.language == "de"
        way()
        assert window.session.document.language == "en", way.__name__
        assert window.controls.language.currentData() == "", way.__name__
        assert _note(window) == "", way.__name__


def test_choosing_the_detected_language_says_nothing(window) -> None:
    window.open_path(SAMPLE)
    assert window.session.document.detected_language == "de"
    _choose_language(window, "de")
    assert window.session.document.language == "de"
    assert _note(window) == ""
    _choose_language(window, "en")
    assert _note(window) == "Read as English; the article looks Deutsch."


def test_a_failed_open_leaves_no_reading_in_the_summary_header(
    window, article, tmp_path, dialogs
) -> None:
    program = tmp_path / "setup.exe"
    program.write_bytes(b"MZ\x90\x00" + bytes(200))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")

    window.open_path(program)  # into the empty window
    assert dialogs.kinds() == ["warning"]
    assert window.summary_header.text() == "SUMMARY"

    window.open_path(article)
    shown = window.summary_header.text()
    assert "5 sentences" in shown
    for bad in (program, empty):
        window.open_path(bad)
        assert window.summary_header.text() == shown
        assert "reading" not in window.summary_header.text().lower()
    assert len(dialogs.shown) == 3
    assert window.session.selection is not None


def test_a_teaser_cut_off_by_a_paywall_is_said_so(window, tmp_path) -> None:
    teaser = tmp_path / "teaser.txt"
    teaser.write_text(
        "The council voted on Monday to rebuild the old harbour bridge. The work will take "
        "three years and cost about twelve million euros.\n\nResidents had asked for a new "
        "crossing since the flood, and most of them welcomed the vote. But the shop owners ...\n",
        encoding="utf-8",
    )
    window.open_path(teaser)
    assert window.session.document.truncated
    assert _note(window) == "The text looks cut off: a paywall or a teaser?"
