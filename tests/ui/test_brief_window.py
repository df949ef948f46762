"""The brief window, driven through its widgets: drop articles, read the cited brief, re-cut it,
click a line through to its article, pin and exclude, uncheck an article, export and copy."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QContextMenuEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu
from support.qt import FakeThreadPool
from support.stories import write_story

from desktop.ui.brief_window import BriefView, BriefWindow
from ui.conftest import SCREENSHOTS

if TYPE_CHECKING:
    from pathlib import Path

CITED = re.compile(r"^(.+?) (\[\d+(?:, \d+)*\])$")


@pytest.fixture
def window(qtbot, tmp_path: Path) -> BriefWindow:
    window = BriefWindow(FakeThreadPool())
    qtbot.addWidget(window)
    window.show()
    paths = write_story(tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(window.rect().center())
    buttons = (Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, *buttons)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(pos, Qt.DropAction.CopyAction, mime, *buttons))
    return window


def _lines(window: BriefWindow) -> list[tuple[str, str]]:
    """The brief pane's lines as a reader sees them: (sentence, citation)."""
    text = window.view.toPlainText().split("Sources")[0]
    return [CITED.match(line).groups() for line in text.splitlines() if line.strip()]


def _click_line(window: BriefWindow, qtbot, index: int) -> None:
    view = window.view
    cursor = view.textCursor()
    cursor.setPosition(view.anchor_position(index) + 2)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.cursorRect(cursor).center()
    )


def _menu_action(window: BriefWindow, monkeypatch, index: int, name: str) -> None:
    def exec_menu(view: BriefView, menu: QMenu, position: QPoint) -> None:
        {a.objectName(): a for a in menu.actions()}[name].trigger()

    monkeypatch.setattr(BriefView, "exec_menu", exec_menu)
    view = window.view
    cursor = view.textCursor()
    cursor.setPosition(view.anchor_position(index) + 2)
    point = view.cursorRect(cursor).center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(view.viewport(), event)


def test_dropped_articles_make_one_cited_brief(window: BriefWindow) -> None:
    items = [window.articles.item(r).text() for r in range(window.articles.count())]
    assert [item.splitlines()[0] for item in items] == [
        "[1] Council backs cycle lanes",
        "[2] Cycle lanes get the green light after long debate",
        "[3] Protected bike lanes for the city",
        "[4] Storm warning for the coast",
    ]
    assert "nearly the same as [1]" in items[1]
    assert "words" in items[0]
    lines = _lines(window)
    assert len(lines) == window.length.value() == 5
    assert len({text for text, _ in lines}) == len(lines)
    assert [cite for text, cite in lines if "31 to 12" in text] == ["[1, 2, 3]"]
    sources = window.view.toPlainText().split("Sources")[1]
    assert "Protected bike lanes for the city, 3-gazette.txt" in sources
    SCREENSHOTS.mkdir(exist_ok=True)
    assert window.grab().save(str(SCREENSHOTS / "brief_window.png"))


def test_the_length_control_recuts_without_ranking(window: BriefWindow) -> None:
    brief = window.session.brief
    window.length.setValue(3)
    assert len(_lines(window)) == 3
    window.unit.setCurrentIndex(2)  # words
    window.length.setValue(40)
    assert 0 < window.session.selection.words <= 40
    window.order.setCurrentIndex(1)  # by article
    assert list(window.session.selection.indices) == sorted(window.session.selection.indices)
    assert window.session.brief is brief
    assert f"{window.session.selection.words} words" in window.status.text()


def test_clicking_a_line_shows_its_article_with_the_sentence(window: BriefWindow, qtbot) -> None:
    index = next(
        i for i in window.session.selection.indices if window.session.brief.locate(i)[0] == 2
    )
    article, sentence = window.session.brief.locate(index)
    _click_line(window, qtbot, index)
    assert window.articles.currentRow() == article
    assert window.source.flashing == sentence
    start, end = window.source.sentence_range(sentence)
    shown = window.source.toPlainText()[start:end]
    assert shown == window.session.documents[article].sentence_text(sentence)
    assert window.source.sentence_at_caret() == sentence


def test_pin_and_exclude_lines(window: BriefWindow, monkeypatch) -> None:
    window.length.setValue(2)
    first = window.session.selection.indices[0]
    last = window.session.brief.ranking.order.tolist()[-1]
    _menu_action(window, monkeypatch, first, "exclude_line")
    assert first not in window.session.selection.indices
    assert len(window.session.selection.indices) == 2
    window.session.toggle_pin(last)
    assert last in window.session.selection.indices
    assert "\u2691" in window.view.toPlainText()
    _menu_action(window, monkeypatch, last, "pin_line")  # unpins
    assert last not in window.session.selection.indices
    _menu_action(window, monkeypatch, window.session.selection.indices[0], "clear_marks")
    assert window.session.selection.indices[0] == first


def test_unchecking_an_article_leaves_it_out(window: BriefWindow) -> None:
    window.articles.item(3).setCheckState(Qt.CheckState.Unchecked)
    assert len(window.session.brief.articles) == 3
    assert "Storm" not in window.view.toPlainText()
    assert not window.articles.item(3).text().startswith("[")


def test_export_and_copy_the_brief(window: BriefWindow, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "brief.md"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    window.export_markdown()
    markdown = target.read_text(encoding="utf-8")
    assert markdown.startswith("---\ntitle: ")
    assert "## Sources" in markdown
    assert re.search(r"^- .+ \[1, 2(, 3)?\]$", markdown, re.M)
    window.copy_brief()
    assert QGuiApplication.clipboard().text() == markdown


def test_a_pasted_article_joins_and_an_unreadable_file_is_reported(
    window: BriefWindow, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"not a zip")
    window.add_paths([bad])
    assert "broken.docx" in window.status.text()
    assert window.articles.count() == 4
    QGuiApplication.clipboard().setText(
        "Council approves cycle lanes\n\nThe council approved the cycle lanes on Tuesday. "
        "Shop owners in the centre said they would take the city to court over the plan."
    )
    window.paste_article()
    assert window.articles.count() == 5
    assert len(window.session.brief.articles) == 5


def test_the_main_window_opens_a_brief_and_takes_an_article_back(
    make_window, tmp_path: Path, qtbot
) -> None:
    paths = write_story(tmp_path)
    main = make_window()
    main.open_path(paths[2])
    qtbot.keyClick(main, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    brief = main.findChild(BriefWindow)
    assert brief.isVisible()
    assert [d.source for d in brief.session.documents] == [str(paths[2])]
    brief.add_paths([paths[3]])
    item = brief.articles.item(1)
    rect = brief.articles.visualItemRect(item)
    qtbot.mouseClick(brief.articles.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(brief.articles.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert main.session.document.source == str(paths[3])
    brief.close()


def test_articles_of_one_file_name_are_listed_with_their_folders(qtbot, tmp_path: Path) -> None:
    window = BriefWindow(FakeThreadPool())
    qtbot.addWidget(window)
    paths = []
    for folder, text in (
        ("herald", "The council voted on Monday to rebuild the harbour bridge in the spring."),
        ("courier", "Residents had asked for a new crossing since the flood of the year 2019."),
    ):
        (tmp_path / folder).mkdir()
        paths.append(tmp_path / folder / "article.txt")
        paths[-1].write_text(text, encoding="utf-8")
    window.add_paths(paths)
    names = [window.articles.item(r).text().split("\n")[0] for r in range(window.articles.count())]
    assert names == ["[1] herald/article.txt", "[2] courier/article.txt"]
    sources = window.view.toPlainText().split("Sources")[1]
    assert "herald/article.txt" in sources
    assert "courier/article.txt" in sources
