"""The summary in the window: length, highlights by span, pins, method, language, navigation."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu, QToolTip
from support.qt import highlighted_sentences, highlighted_texts, marks, sentence_point

from desktop.engine import DEFAULT_METHOD, Order, Unit
from desktop.ui import session
from desktop.ui.formatting import method_label
from desktop.ui.source_view import SourceView


def _rank_calls(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = session.rank

    def counting(document, method, **kw):
        calls.append(method)
        return real(document, method, **kw)

    monkeypatch.setattr(session, "rank", counting)
    return calls


def test_slider_recuts_without_reranking(window, article, qtbot, monkeypatch) -> None:
    calls = _rank_calls(monkeypatch)
    window.open_path(article)
    assert calls == [DEFAULT_METHOD]
    ranking = window.session.ranking
    best = ranking.order.tolist()
    assert highlighted_sentences(window) == sorted(best[:5])

    window.controls.slider.setFocus()
    qtbot.keyClick(window.controls.slider, Qt.Key.Key_Left)
    qtbot.keyClick(window.controls.slider, Qt.Key.Key_Left)
    assert window.controls.spin.value() == 3
    assert highlighted_sentences(window) == sorted(best[:3])
    assert [window.summary.anchor_position(i) is not None for i in sorted(best[:3])] == [True] * 3
    assert window.summary.anchor_position(sorted(best[3:5])[0]) is None

    window.controls.spin.setValue(7)
    assert window.controls.slider.value() == 7
    assert highlighted_sentences(window) == sorted(best[:7])
    assert calls == [DEFAULT_METHOD]  # ranked once, cut three times


def test_highlights_are_the_sentences_text(window, article) -> None:
    window.open_path(article)
    document = window.session.document
    expected = [document.sentence_text(i) for i in sorted(window.session.selection.indices)]
    assert highlighted_texts(window) == expected


def test_astral_characters_before_highlights(window, astral_article) -> None:
    """Emoji and other non-BMP characters are 2 UTF-16 units: highlights must not drift."""
    window.open_path(astral_article)
    document = window.session.document
    window.controls.spin.setValue(len(document.candidates))  # every body sentence
    expected = [document.sentence_text(i) for i in document.candidates]
    assert any(ord(ch) > 0xFFFF for ch in document.text[: document.sentences[-1].start])
    assert highlighted_texts(window) == expected
    # The background read back at a position inside the last sentence is the highlight colour.
    _start, end = window.source.sentence_range(document.candidates[-1])
    at_end = [bg for s, e, bg, _, _ in marks(window) if s <= end - 1 < e]
    assert at_end == [window.source.colours.selected]


def test_units_and_order(window, article) -> None:
    window.open_path(article)
    words = window.session.document.body_words
    window.controls.unit.setCurrentIndex(window.controls.unit.findData(Unit.WORDS.value))
    window.controls.spin.setValue(40)
    selection = window.session.selection
    assert selection.length.unit is Unit.WORDS
    assert 0 < selection.words <= 40
    window.controls.unit.setCurrentIndex(window.controls.unit.findData(Unit.PERCENT.value))
    window.controls.spin.setValue(50)
    assert window.session.selection.words <= words / 2
    window.controls.unit.setCurrentIndex(window.controls.unit.findData(Unit.SENTENCES.value))
    assert window.controls.spin.value() == 5  # each unit keeps its own value
    window.controls.order.setCurrentIndex(window.controls.order.findData(Order.RANK.value))
    ranking = window.session.ranking
    assert list(window.session.selection.indices) == ranking.order.tolist()[:5]
    first = window.summary.anchor_position(ranking.order.tolist()[0])
    second = window.summary.anchor_position(ranking.order.tolist()[1])
    assert first < second  # best first in the summary pane


def test_longer_and_shorter_from_the_keyboard(window, article, qtbot) -> None:
    window.open_path(article)
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(window, Qt.Key.Key_BracketRight, ctrl)
    assert len(window.session.selection.indices) == 6
    qtbot.keyClick(window, Qt.Key.Key_BracketLeft, ctrl)
    qtbot.keyClick(window, Qt.Key.Key_BracketLeft, ctrl)
    assert len(window.session.selection.indices) == 4


def _context_menu_action(window, qtbot, monkeypatch, index: int, name: str) -> None:
    """Right-click sentence ``index`` in the source and choose the action ``name``."""
    chosen = {}

    def exec_menu(view: SourceView, menu: QMenu, position: QPoint) -> None:
        actions = {a.objectName(): a for a in menu.actions()}
        chosen["names"] = [a.objectName() for a in menu.actions() if a.objectName()]
        assert actions[name].isEnabled()
        actions[name].trigger()

    monkeypatch.setattr(SourceView, "exec_menu", exec_menu)
    point = sentence_point(window, index)
    viewport = window.source.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    assert name in chosen["names"]


def test_pin_and_exclude_from_the_context_menu(window, article, qtbot, monkeypatch) -> None:
    window.open_path(article)
    ranking = window.session.ranking
    worst = ranking.order.tolist()[-1]
    best = ranking.order.tolist()[0]

    _context_menu_action(window, qtbot, monkeypatch, worst, "pin")
    selection = window.session.selection
    assert worst in selection.indices
    assert len(selection.indices) == 5
    assert highlighted_sentences(window, window.source.colours.pinned) == [worst]
    assert window.summary.anchor_position(worst) is not None
    assert "⚑" in window.summary.toPlainText()

    _context_menu_action(window, qtbot, monkeypatch, best, "exclude")
    assert best not in window.session.selection.indices
    struck = [(s, e) for s, e, _, strike, _ in marks(window) if strike]
    assert struck == [window.source.sentence_range(best)]
    assert window.summary.anchor_position(best) is None

    _context_menu_action(window, qtbot, monkeypatch, best, "release")
    assert best in window.session.selection.indices

    window.act_clear_marks.trigger()
    assert window.session.pinned == frozenset()
    assert window.session.excluded == frozenset()
    assert worst not in window.session.selection.indices


def test_pin_from_the_keyboard(window, article, qtbot) -> None:
    window.open_path(article)
    worst = window.session.ranking.order.tolist()[-1]
    sentence_point(window, worst)  # puts the caret in the sentence
    window.source.setFocus()
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.source, Qt.Key.Key_P, shift_ctrl)
    assert worst in window.session.pinned
    qtbot.keyClick(window.source, Qt.Key.Key_U, shift_ctrl)
    assert worst not in window.session.pinned


def test_headings_cannot_be_pinned(window, article) -> None:
    window.open_path(article)
    sentence_point(window, 0)  # the heading
    assert not window.act_pin.isEnabled()
    assert not window.act_exclude.isEnabled()


def test_method_change(window, article, monkeypatch) -> None:
    calls = _rank_calls(monkeypatch)
    window.open_path(article)
    combo = window.controls.method
    combo.setCurrentIndex(combo.findData("lead"))
    assert window.session.ranking.method == "lead"
    document = window.session.document
    assert highlighted_sentences(window) == list(document.candidates[:5])
    assert combo.toolTip() == combo.itemData(combo.currentIndex(), Qt.ItemDataRole.ToolTipRole)
    assert "first sentences" in combo.toolTip()
    combo.setCurrentIndex(combo.findData(DEFAULT_METHOD))
    assert calls == [DEFAULT_METHOD, "lead"]  # back to the default: from the cache
    assert method_label(DEFAULT_METHOD) in window.stats.text()


def test_language_override(window, article) -> None:
    window.open_path(article)
    combo = window.controls.language
    assert combo.itemText(0) == "Auto (English)"
    combo.setCurrentIndex(combo.findData("de"))
    assert window.session.document.language == "de"
    assert "Deutsch" in window.stats.text()
    assert window.session.selection is not None
    combo.setCurrentIndex(0)
    assert window.session.document.language == "en"


def test_click_summary_sentence_scrolls_and_flashes(make_window, tmp_path, qtbot) -> None:
    long_article = tmp_path / "long.txt"
    paragraphs = [
        f"Paragraph {n} opens with a plain sentence about topic {n}. "
        f"It goes on with a second sentence on the harbour and the council number {n}."
        for n in range(60)
    ]
    long_article.write_text("\n\n".join(paragraphs), encoding="utf-8")
    window = make_window()
    window.open_path(long_article)
    target = window.session.document.candidates[-1]
    window.session.pin(target)  # far down the article, and in the summary
    window.source.verticalScrollBar().setValue(0)

    summary = window.summary
    cursor = summary.textCursor()
    cursor.setPosition(summary.anchor_position(target) + 2)
    rect = summary.cursorRect(cursor)
    qtbot.mouseClick(summary.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    assert window.source.flashing == target
    flash = window.source.colours.flash
    assert any(
        (s, e) == window.source.sentence_range(target)
        and bg is not None
        and bg.rgb() == flash.rgb()
        for s, e, bg, _, _ in marks(window)
    )
    assert window.source.verticalScrollBar().value() > 0
    visible = window.source.cursorRect(window.source.textCursor())
    assert 0 <= visible.top() < window.source.viewport().height()
    assert window.source.sentence_at_caret() == target
    qtbot.waitUntil(lambda: window.source.flashing is None, timeout=5000)


def test_summary_sentence_from_the_keyboard(window, article, qtbot) -> None:
    """Tab reaches a summary sentence like a link; Enter shows it in the article."""
    window.open_path(article)
    first = min(window.session.selection.indices)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.summary.hasFocus()
    qtbot.keyClick(window.summary, Qt.Key.Key_Tab)
    qtbot.keyClick(window.summary, Qt.Key.Key_Return)
    assert window.source.flashing == first
    assert window.source.sentence_at_caret() == first


def test_next_summary_sentence_with_f8(window, article, qtbot) -> None:
    window.open_path(article)
    chosen = sorted(window.session.selection.indices)
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert window.source.sentence_at_caret() == chosen[0]
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert window.source.sentence_at_caret() == chosen[1]
    qtbot.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.source.sentence_at_caret() == chosen[0]


def test_hover_shows_rank_and_score(window, article) -> None:
    window.open_path(article)
    ranking = window.session.ranking
    best = ranking.order.tolist()[0]
    point = sentence_point(window, best)
    viewport = window.source.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    text = QToolTip.text()
    assert f"Rank 1 of {len(ranking.order)}" in text
    assert f"{float(ranking.scores[best]):.4g}" in text
    assert "In the summary" in text
    QToolTip.hideText()
    # Over the empty margin there is no tooltip.
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, QPoint(2, 2), QPoint(2, 2)))
    assert window.source.sentence_at_point(QPointF(2, 2)) is None


def _background_at(window, position: int):
    cursor = QTextCursor(window.source.document())
    cursor.setPosition(position)
    brush = cursor.charFormat().background()
    return brush.color().name() if brush.style() != Qt.BrushStyle.NoBrush else None


def test_heat_map_shades_every_candidate(window, article, qtbot) -> None:
    window.open_path(article)
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert window.act_heat.isChecked()
    document = window.session.document
    order = window.session.ranking.order.tolist()
    # The character format inside each candidate sentence carries its shade.
    shade = {i: _background_at(window, window.source.sentence_range(i)[0] + 1) for i in order}
    assert None not in shade.values()
    assert shade[order[0]] == window.source.colours.heat(1.0).name()
    assert shade[order[-1]] == window.source.colours.heat(0.0).name()
    assert shade[order[1]] != shade[order[-1]]
    heading = window.source.sentence_range(0)
    assert not document.sentences[0].kind.is_candidate
    assert _background_at(window, heading[0] + 1) is None
    # The summary stays highlighted on top of the heat map, and the slider still re-cuts.
    assert highlighted_sentences(window) == sorted(order[:5])
    window.controls.spin.setValue(2)
    assert highlighted_sentences(window) == sorted(order[:2])
    window.act_heat.trigger()
    assert all(
        _background_at(window, window.source.sentence_range(i)[0] + 1) is None for i in order
    )
    assert len(marks(window)) == 2
