"""The file dialog's filters, from the engine's table of formats (``desktop.engine.FORMATS``).

Format names come from the engine in English; listing them here lets lupdate offer them to
translators. A format the engine adds later is offered at once, under its English name.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.engine import FORMATS

FORMAT_NAMES = (
    QT_TRANSLATE_NOOP("Formats", "Plain text"),
    QT_TRANSLATE_NOOP("Formats", "Web pages"),
    QT_TRANSLATE_NOOP("Formats", "Saved web pages"),
    QT_TRANSLATE_NOOP("Formats", "Markdown"),
    QT_TRANSLATE_NOOP("Formats", "Word documents"),
    QT_TRANSLATE_NOOP("Formats", "OpenDocument text"),
    QT_TRANSLATE_NOOP("Formats", "Rich Text"),
    QT_TRANSLATE_NOOP("Formats", "E-books"),
    QT_TRANSLATE_NOOP("Formats", "PDF"),
)


def _patterns(suffixes: tuple[str, ...]) -> str:
    return " ".join(f"*{suffix}" for suffix in suffixes)


def open_filters() -> str:
    """ "All supported articles", then one filter per format, then "All files"."""
    everything = tuple(suffix for f in FORMATS for suffix in f.suffixes)
    filters = [
        QCoreApplication.translate("Formats", "All supported articles ({patterns})").format(
            patterns=_patterns(everything)
        )
    ]
    filters += [
        f"{QCoreApplication.translate('Formats', f.name)} ({_patterns(f.suffixes)})"
        for f in FORMATS
    ]
    filters.append(QCoreApplication.translate("Formats", "All files (*)"))
    return ";;".join(filters)
