"""Shared fixtures. Qt runs offscreen and settings never touch the user's real ones."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LANGUAGE"] = "en"
os.environ["LC_ALL"] = os.environ.get("LC_ALL", "C.UTF-8")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "lukaschenko-de.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def shared_eval() -> Path:
    """The shared dev evaluation data; tests that need it skip cleanly when it is absent."""
    path = SHARED / "eval"
    if not path.is_dir():
        pytest.skip("../shared/eval is not available")
    return path
