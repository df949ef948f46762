"""Precis: an offline desktop summariser."""

from __future__ import annotations

# The one place the version is written: pyproject.toml reads it from here (hatch), so that
# start-up needs no importlib.metadata lookup.
__version__ = "0.1.0"

APP_ID = "org.precis.Precis"
APP_NAME = "Precis"
