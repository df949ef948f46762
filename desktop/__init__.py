"""Precis: an offline desktop summariser."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("precis")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

APP_ID = "org.precis.Precis"
APP_NAME = "Precis"
