"""Preferences: one typed object with defaults, persisted with QSettings (INI, platform location).

Each setting is one row of ``KEYS`` (its key in the file, its field, how it is read back and how
it is stored), used by both ``load`` and ``save``. Every value read back is checked; anything
missing, of the wrong type or out of range falls back to its default, so a hand-edited or corrupt
settings file never stops the app from starting. Window geometry and splitter state live in their
own group, as opaque Qt blobs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from functools import reduce
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings

from desktop import APP_NAME
from desktop.engine import (
    DEFAULT_LENGTHS,
    METHODS,
    Length,
    Metadata,
    Order,
    Style,
    SummaryOptions,
    Unit,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Collection
    from enum import Enum

VERSION = 1
MAX_RECENT = 10
ZOOM_RANGE = (-4, 12)


@dataclass(frozen=True)
class Lengths:
    """The last length chosen in each unit (fields named as the units), so that switching from
    sentences to percent and back restores both."""

    sentences: float = DEFAULT_LENGTHS[Unit.SENTENCES]
    percent: float = DEFAULT_LENGTHS[Unit.PERCENT]
    words: float = DEFAULT_LENGTHS[Unit.WORDS]

    def of(self, unit: Unit) -> float:
        return getattr(self, unit.value)


@dataclass(frozen=True)
class Preferences:
    """What the window remembers; the summary options are the engine's own object."""

    summary: SummaryOptions = field(default_factory=SummaryOptions)
    lengths: Lengths = field(default_factory=Lengths)  # summary.length is the one of its unit
    heat_map: bool = False
    vertical: bool = False  # panes side by side unless the user stacks them
    zoom: int = 0
    recent_files: tuple[str, ...] = field(default=())
    export_style: Style = Style.BULLETS
    export_metadata: Metadata = Metadata.LINE
    export_folder: str = ""

    def with_summary(self, **changes: Any) -> Preferences:
        return replace(self, summary=replace(self.summary, **changes))

    def with_length(self, length: Length) -> Preferences:
        lengths = replace(self.lengths, **{length.unit.value: float(length.value)})
        return replace(self.with_summary(length=length), lengths=lengths)

    def with_recent(self, path: str) -> Preferences:
        recent = (path, *(p for p in self.recent_files if p != path))
        return replace(self, recent_files=recent[:MAX_RECENT])


def default_settings() -> QSettings:
    """The user's settings file (tests redirect it with ``QSettings.setPath``)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


# -- how each setting is stored --------------------------------------------------------------------
# A reader turns a stored value into a typed one, or None when it is missing, of the wrong type
# or out of range: the field then keeps its default.


def _choice(allowed: Collection[str]) -> Callable[[object], str | None]:
    return lambda value: value if isinstance(value, str) and value in allowed else None


def _enum(kind: type[Enum]) -> Callable[[object], Any]:
    def read(value: object) -> Any:
        try:
            return kind(value) if isinstance(value, str) else None
        except ValueError:
            return None

    return read


def _number(low: float, high: float, kind: type = float) -> Callable[[object], Any]:
    def read(value: object) -> Any:
        try:
            number = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return None
        return kind(number) if math.isfinite(number) and low <= number <= high else None

    return read


def _flag(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _paths(value: object) -> tuple[str, ...] | None:
    if isinstance(value, str):  # QSettings returns a one-element list as a plain string
        value = [value]
    if not isinstance(value, list):
        return None
    return tuple(p for p in value if isinstance(p, str) and p)[:MAX_RECENT]


def _same(value: Any) -> object:
    return value


def _enum_value(value: Enum) -> object:
    return value.value


@dataclass(frozen=True)
class Key:
    """One setting: its key in the file, the ``Preferences`` field it holds (dotted into nested
    fields), how a stored value is read back and how a value is stored."""

    name: str
    field: str
    read: Callable[[object], Any]
    write: Callable[[Any], object] = _same


KEYS = (
    Key("summary/method", "summary.method", _choice(METHODS)),
    # No language: one chosen by hand is for its article, and the next one is detected again.
    Key("summary/unit", "summary.length.unit", _enum(Unit), _enum_value),
    Key("summary/sentences", "lengths.sentences", _number(0, 10_000)),
    Key("summary/percent", "lengths.percent", _number(0, 100)),
    Key("summary/words", "lengths.words", _number(0, 1_000_000)),
    Key("summary/order", "summary.order", _enum(Order), _enum_value),
    Key("summary/keep_context", "summary.keep_context", _flag),
    Key("view/heat_map", "heat_map", _flag),
    Key("view/vertical", "vertical", _flag),
    Key("view/zoom", "zoom", _number(*ZOOM_RANGE, kind=int)),
    Key("files/recent", "recent_files", _paths, list),
    Key("export/style", "export_style", _enum(Style), _enum_value),
    Key("export/metadata", "export_metadata", _enum(Metadata), _enum_value),
    Key("export/folder", "export_folder", _text),
)


def _get(prefs: Preferences, path: str) -> Any:
    return reduce(getattr, path.split("."), prefs)


def _set(obj: Any, path: str, value: Any) -> Any:
    name, _, rest = path.partition(".")
    return replace(obj, **{name: _set(getattr(obj, name), rest, value) if rest else value})


class SettingsStore:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.qsettings = qsettings if qsettings is not None else default_settings()

    def load(self) -> Preferences:
        prefs = Preferences()
        for key in KEYS:
            value = key.read(self.qsettings.value(key.name))
            if value is not None:
                prefs = _set(prefs, key.field, value)
        unit = prefs.summary.length.unit
        return prefs.with_length(Length(prefs.lengths.of(unit), unit))

    def save(self, prefs: Preferences) -> None:
        s = self.qsettings
        s.setValue("version", VERSION)
        for key in KEYS:
            s.setValue(key.name, key.write(_get(prefs, key.field)))
        s.sync()

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        return _blob(self.qsettings.value("MainWindow/geometry")), _blob(
            self.qsettings.value("MainWindow/splitter")
        )

    def save_window_state(self, geometry: QByteArray, splitter: QByteArray) -> None:
        self.qsettings.setValue("MainWindow/geometry", geometry)
        self.qsettings.setValue("MainWindow/splitter", splitter)
        self.qsettings.sync()


def _blob(value: object) -> QByteArray | None:
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None
