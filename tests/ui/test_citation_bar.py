"""Citable summaries in the window (#14): where the article came from, key terms that highlight,
¶ numbers that match the export, and one click to fix a sentence that leans on one left out."""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from support.qt import marks

from desktop.engine import MarkdownOptions, Metadata, Style, to_markdown
from ui.test_export import _choose

SAMPLE_TERMS = "Alexander Lukaschenko"


def _anchor_point(summary, index: int) -> QPoint:
    """A viewport point on the "[…]" mark of sentence ``index`` in the summary pane."""
    position = summary.anchor_position(index, "c")
    assert position is not None, f"no mark on sentence {index}"
    cursor = QTextCursor(summary.document())
    cursor.setPosition(position + 1)
    return summary.cursorRect(cursor).center()


def test_source_line_names_outlet_author_date_and_copies_the_url(
    window, nyt_page, qtbot, monkeypatch, tmp_path
) -> None:
    window.open_path(nyt_page)
    bar = window.citation
    assert bar.isVisible()
    facts = bar.facts.text()
    assert facts.startswith("NYTimes · Jeffrey Gettleman · ")
    assert "2017" in facts
    assert "JEFFREY" not in facts
    qtbot.mouseClick(bar.link, Qt.MouseButton.LeftButton)
    url = "http://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html"
    assert QGuiApplication.clipboard().text() == url
    assert "Copied" in window.statusBar().currentMessage()

    # Exported from the window, in both metadata styles: every fact, and the terms as tags.
    for metadata in (Metadata.FRONT_MATTER, Metadata.LINE):
        target = tmp_path / f"{metadata.value}.md"
        _choose(monkeypatch, Style.BULLETS, metadata, target, {})
        window.act_export.trigger()
        written = target.read_text(encoding="utf-8")
        for fact in ("United States to Lift Sudan Sanctions", "NYTimes", "Jeffrey Gettleman"):
            assert fact in written
        assert "2017-01-13" in written
        assert url in written
        assert "Sudan" in written
    front = (tmp_path / "front-matter.md").read_text(encoding="utf-8")
    assert 'published: "2017-01-13"' in front
    assert '  - "Obama-administration"' in front


def test_key_term_click_highlights_its_occurrences(window, sample_path, qtbot) -> None:
    window.open_path(sample_path)
    buttons = {b.text(): b for b in window.citation.term_buttons}
    assert SAMPLE_TERMS in buttons
    assert 5 <= len(buttons) <= 10
    qtbot.mouseClick(buttons["Russland"], Qt.MouseButton.LeftButton)
    found = window.source.term_ranges
    text = window.session.document.text
    assert len(found) == len(re.findall(r"(?<!\w)russland(?!\w)", text, re.IGNORECASE))
    highlighted = [t for s, e, _, _, t in marks(window) if (s, e) in found]
    assert highlighted
    assert {t.lower() for t in highlighted} == {"russland"}
    # Another term replaces it; a second click clears.
    qtbot.mouseClick(buttons[SAMPLE_TERMS], Qt.MouseButton.LeftButton)
    assert not buttons["Russland"].isChecked()
    assert [t for s, e, _, _, t in marks(window) if (s, e) in window.source.term_ranges] == [
        SAMPLE_TERMS
    ]
    qtbot.mouseClick(buttons[SAMPLE_TERMS], Qt.MouseButton.LeftButton)
    assert window.source.term_ranges == []


def test_paragraph_numbers_in_the_margin_match_the_export(window, sample_path, tmp_path) -> None:
    window.open_path(sample_path)
    document = window.session.document
    selection = window.session.selection
    exported = to_markdown(selection, MarkdownOptions(Style.BULLETS, Metadata.NONE))
    bullets = [line for line in exported.splitlines() if line.startswith("- ")]
    summary_text = window.summary.toPlainText()
    for line, index in zip(bullets, selection.indices, strict=True):
        cited = line.rsplit("(¶", 1)[1].rstrip(")")
        paragraph = document.sentences[index].paragraph
        assert window.source.paragraph_label(paragraph) == cited  # the margin's number
        assert f"¶{cited}" in summary_text  # and the summary pane's
    # The teaser block at the end is boilerplate: no number for it, and none skipped.
    labels = [window.source.paragraph_label(p.index) for p in document.paragraphs]
    assert labels[-1] == ""
    numbers = [int(label) for label in labels if label]
    assert numbers == list(range(1, len(numbers) + 1))
    # The margin is painted: it is not blank.
    image = window.source.findChild(type(window.source._gutter)).grab().toImage()
    colours = {image.pixel(x, y) for x in range(image.width()) for y in range(0, image.height(), 3)}
    assert len(colours) > 1


def test_one_click_adds_the_sentence_a_flagged_one_leans_on(window, sample_path, qtbot) -> None:
    window.open_path(sample_path)
    selection = window.session.selection
    flagged = sorted(selection.needs_context)
    assert flagged  # "Einige Tage später, am 4. März, versuchte er …"
    index = flagged[0]
    before = window.session.document.context.previous[index]
    assert "[…]" in window.summary.toPlainText()
    point = _anchor_point(window.summary, index)
    qtbot.mouseClick(window.summary.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert {before, index} <= window.session.pinned
    assert {before, index} <= set(window.session.selection.indices)
    assert index not in window.session.selection.needs_context


def test_keep_context_setting(window, sample_path, make_window, store) -> None:
    window.open_path(sample_path)
    assert window.session.selection.needs_context
    window.act_keep_context.trigger()
    selection = window.session.selection
    assert len(selection.indices) <= 5
    assert window.prefs.summary.keep_context
    # Remembered: a new window starts with it on.
    window.store.save(window.prefs)
    again = make_window(store_=store)
    assert again.act_keep_context.isChecked()
    assert again.session.options.keep_context
