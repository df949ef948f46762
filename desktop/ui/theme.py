"""Highlight colours for the light and the dark scheme, each readable against its text colour.

The scheme follows the system through the palette Qt hands the widgets (Qt switches it when the
platform's colour scheme changes): a dark window colour means dark colours here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette


@dataclass(frozen=True)
class Colours:
    dark: bool
    text: QColor  # text drawn on any highlight below
    muted: QColor  # boilerplate, captions, paragraph numbers
    selected: QColor  # a sentence in the summary
    pinned: QColor  # a sentence pinned into the summary
    excluded: QColor  # text colour of an excluded sentence (also struck out)
    flash: QColor  # the jump target, for a moment
    heat_low: QColor  # heat map: the lowest-ranked sentence (the page colour) ...
    heat_high: QColor  # ... and the best one: blue, so the yellow summary stands apart
    heading: QColor

    def heat(self, share: float) -> QColor:
        """The heat-map shade for a sentence ranked ``share`` of the way from worst (0) to best."""
        share = min(1.0, max(0.0, share))
        a, b = self.heat_low, self.heat_high
        return QColor(
            round(a.red() + (b.red() - a.red()) * share),
            round(a.green() + (b.green() - a.green()) * share),
            round(a.blue() + (b.blue() - a.blue()) * share),
        )


def colours(palette: QPalette) -> Colours:
    """Colours for ``palette``: decided by its own lightness, so a widget palette wins."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    if dark:
        return Colours(
            dark=True,
            text=QColor("#f4f1e8"),
            muted=QColor("#9a9da3"),
            selected=QColor("#6b5608"),
            pinned=QColor("#1f5a35"),
            excluded=QColor("#8d9096"),
            flash=QColor("#b0520f"),
            heat_low=palette.color(QPalette.ColorRole.Base),
            heat_high=QColor("#24508a"),
            heading=QColor("#e8e6e1"),
        )
    return Colours(
        dark=False,
        text=QColor("#1b1b1b"),
        muted=QColor("#6f7277"),
        selected=QColor("#ffe066"),
        pinned=QColor("#b9e4c4"),
        excluded=QColor("#7c7f84"),
        flash=QColor("#ffa94d"),
        heat_low=palette.color(QPalette.ColorRole.Base),
        heat_high=QColor("#a9c8f0"),
        heading=QColor("#202124"),
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio between two colours (1 to 21; 4.5 is readable body text)."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
