"""The summary controls as a new user meets them: what each method does, and a language box
that shows its whole text in German at the window's default size."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QToolBar

from desktop.engine import METHODS
from desktop.ui.formatting import method_label


def _row_text(combo, row: int) -> str:
    """The text the method list draws for ``row``."""
    option = QStyleOptionViewItem()
    combo.itemDelegate().initStyleOption(option, combo.model().index(row, 0))
    return option.text


def test_the_method_list_says_what_each_method_does(window, qtbot) -> None:
    combo = window.controls.method
    combo.showPopup()
    qtbot.waitUntil(combo.view().isVisible)
    view = combo.view()
    metrics = view.fontMetrics()
    rows = {combo.itemData(row): _row_text(combo, row) for row in range(combo.count())}
    assert set(rows) == set(METHODS)
    for name, text in rows.items():
        # The engine's one-line description, which starts with the method's name.
        assert text == METHODS[name].description
        assert text.startswith(method_label(name) + ":")
        assert metrics.horizontalAdvance(text) <= view.viewport().width(), f"{name} is cut off"
    assert rows["lead"] == "Lead: the first sentences, as a news editor would cut."
    combo.hidePopup()
    assert combo.currentText() == method_label(combo.currentData())  # the closed box: the name


def test_german_language_box_is_never_cut_off(german, make_window, article) -> None:
    """ "Automatisch (Deu…": a narrow window squeezed the language box before anything else. Now
    it is whole at every width that shows the controls, and they show at the default size."""
    window = make_window()
    window.open_path(article)
    combo = window.controls.language
    assert combo.currentText() == "Automatisch (English)"
    toolbar = window.findChild(QToolBar, "controls_toolbar")

    def on_toolbar() -> bool:  # not folded into the toolbar's overflow menu
        return window.controls.isVisible() and (
            window.controls.geometry().right() <= toolbar.contentsRect().right()
        )

    shown = []
    for width in range(1400, 900, -8):
        window.resize(width, 800)
        QApplication.processEvents()
        if on_toolbar():
            shown.append(width)
            assert combo.width() >= combo.sizeHint().width(), f"cut off at {width} px"
            text = combo.fontMetrics().horizontalAdvance(combo.currentText())
            assert combo.width() > text, f"cut off at {width} px"
    assert 1280 in shown  # the size a first start opens at


def test_method_tooltips_are_the_descriptions_too(window) -> None:
    combo = window.controls.method
    for row in range(combo.count()):
        assert combo.itemData(row, Qt.ItemDataRole.ToolTipRole) == _row_text(combo, row)
