"""Preferences: one typed object with defaults, persisted with QSettings (INI, platform location).

Every value read back is checked; anything missing, of the wrong type or out of range falls back
to its default, so a hand-edited or corrupt settings file never stops the app from starting.
Window geometry and splitter state live in their own group, as opaque Qt blobs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from desktop import APP_NAME
from desktop.engine import DEFAULT_METHOD, LANGUAGES, METHODS, Metadata, Order, Style, Unit

if TYPE_CHECKING:
    from collections.abc import Callable

VERSION = 1
MAX_RECENT = 10
ZOOM_RANGE = (-4, 12)
DEFAULT_LENGTHS = {Unit.SENTENCES: 5.0, Unit.PERCENT: 20.0, Unit.WORDS: 150.0}
E = TypeVar("E")


@dataclass(frozen=True)
class Preferences:
    method: str = DEFAULT_METHOD
    language: str = ""  # "" detects the article's language
    unit: Unit = Unit.SENTENCES
    sentences: float = DEFAULT_LENGTHS[Unit.SENTENCES]
    percent: float = DEFAULT_LENGTHS[Unit.PERCENT]
    words: float = DEFAULT_LENGTHS[Unit.WORDS]
    order: Order = Order.DOCUMENT
    heat_map: bool = False
    vertical: bool = False  # panes side by side unless the user stacks them
    zoom: int = 0
    recent_files: tuple[str, ...] = field(default=())
    export_style: Style = Style.BULLETS
    export_metadata: Metadata = Metadata.LINE
    export_folder: str = ""

    def length_value(self, unit: Unit | None = None) -> float:
        unit = unit or self.unit
        return {Unit.SENTENCES: self.sentences, Unit.PERCENT: self.percent}.get(unit, self.words)

    def with_length(self, value: float, unit: Unit) -> Preferences:
        return replace(self, unit=unit, **{unit.value: float(value)})

    def with_recent(self, path: str) -> Preferences:
        recent = (path, *(p for p in self.recent_files if p != path))
        return replace(self, recent_files=recent[:MAX_RECENT])


def default_settings() -> QSettings:
    """The user's settings file (tests redirect it with ``QSettings.setPath``)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


class SettingsStore:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.qsettings = qsettings if qsettings is not None else default_settings()

    def load(self) -> Preferences:
        s = self.qsettings
        d = Preferences()
        return Preferences(
            method=_choice(s.value("summary/method"), METHODS, d.method),
            language=_choice(s.value("summary/language"), ["", *LANGUAGES], d.language),
            unit=_enum(s.value("summary/unit"), Unit, d.unit),
            sentences=_number(s.value("summary/sentences"), d.sentences, 0, 10_000),
            percent=_number(s.value("summary/percent"), d.percent, 0, 100),
            words=_number(s.value("summary/words"), d.words, 0, 1_000_000),
            order=_enum(s.value("summary/order"), Order, d.order),
            heat_map=_flag(s.value("view/heat_map"), d.heat_map),
            vertical=_flag(s.value("view/vertical"), d.vertical),
            zoom=int(_number(s.value("view/zoom"), d.zoom, *ZOOM_RANGE)),
            recent_files=_paths(s.value("files/recent")),
            export_style=_enum(s.value("export/style"), Style, d.export_style),
            export_metadata=_enum(s.value("export/metadata"), Metadata, d.export_metadata),
            export_folder=_text(s.value("export/folder")),
        )

    def save(self, prefs: Preferences) -> None:
        s = self.qsettings
        s.setValue("version", VERSION)
        values: dict[str, Any] = {
            "summary/method": prefs.method,
            "summary/language": prefs.language,
            "summary/unit": prefs.unit.value,
            "summary/sentences": prefs.sentences,
            "summary/percent": prefs.percent,
            "summary/words": prefs.words,
            "summary/order": prefs.order.value,
            "view/heat_map": prefs.heat_map,
            "view/vertical": prefs.vertical,
            "view/zoom": prefs.zoom,
            "files/recent": list(prefs.recent_files),
            "export/style": prefs.export_style.value,
            "export/metadata": prefs.export_metadata.value,
            "export/folder": prefs.export_folder,
        }
        for key, value in values.items():
            s.setValue(key, value)
        s.sync()

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        return _blob(self.qsettings.value("MainWindow/geometry")), _blob(
            self.qsettings.value("MainWindow/splitter")
        )

    def save_window_state(self, geometry: QByteArray, splitter: QByteArray) -> None:
        self.qsettings.setValue("MainWindow/geometry", geometry)
        self.qsettings.setValue("MainWindow/splitter", splitter)
        self.qsettings.sync()


def _choice(value: object, allowed: Any, default: str) -> str:
    return value if isinstance(value, str) and value in allowed else default


def _enum(value: object, kind: Callable[[str], E], default: E) -> E:
    try:
        return kind(value) if isinstance(value, str) else default  # type: ignore[arg-type]
    except ValueError:
        return default


def _number(value: object, default: float, low: float, high: float) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return number if math.isfinite(number) and low <= number <= high else default


def _flag(value: object, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return default


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _paths(value: object) -> tuple[str, ...]:
    if isinstance(value, str):  # QSettings returns a one-element list as a plain string
        value = [value]
    if not isinstance(value, list):
        return ()
    return tuple(p for p in value if isinstance(p, str) and p)[:MAX_RECENT]


def _blob(value: object) -> QByteArray | None:
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None
