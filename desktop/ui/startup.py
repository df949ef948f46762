"""The first article's preparation, started before the window's modules are imported.

``precis`` without a command calls ``prepare_first`` first: it reads the user's method with the
window's own settings code (QtCore, no application object needed) and forks the child that
prepares the article (``engine.prepare``) while this process imports and paints the window. The
fork comes before any Qt thread exists; the child never touches Qt. Light on purpose: the
window's modules (``app``) are imported after it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.engine import prepare
from desktop.paths import sample_article

if TYPE_CHECKING:
    from desktop.engine import Prepared


def first_article(path: str | None) -> str:
    """The article the window opens first: ``path``, or the bundled sample."""
    return path if path is not None else str(sample_article())


def prepare_first(path: str | None) -> Prepared | None:
    """Start preparing the first article with the method in the user's settings."""
    from desktop.ui.settings import SettingsStore

    return prepare(first_article(path), SettingsStore().load().summary.method)
