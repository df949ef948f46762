"""The heat map has a legend, in the colours the article is shaded with."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel

from desktop.ui.theme import colours


def _close(a, b) -> bool:
    return all(abs(x - y) <= 3 for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_the_legend_shows_with_the_heat_map_in_the_article_s_colours(window, article) -> None:
    window.open_path(article)
    legend = window.heat_legend
    assert not legend.isVisible()
    window.act_heat.trigger()
    assert legend.isVisible()
    assert [label.text() for label in legend.findChildren(QLabel)] == ["lowest score", "best"]

    image = legend.scale.grab().toImage()
    middle = image.height() // 2
    low, high = image.pixelColor(2, middle), image.pixelColor(image.width() - 3, middle)
    c = colours(window.source.palette())
    assert _close(low, c.heat(0))
    assert _close(high, c.heat(1))

    # The best sentence in the article wears the legend's "best" end.
    best = window.session.ranking.order.tolist()[0]
    cursor = QTextCursor(window.source.document())
    cursor.setPosition(window.source.sentence_range(best)[0] + 1)
    assert _close(cursor.charFormat().background().color(), high)

    window.act_heat.trigger()
    assert not legend.isVisible()
