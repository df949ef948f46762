"""Shared fixtures. Qt runs offscreen and settings never touch the user's real ones."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings
from support.paths import SAMPLE, SHARED

if TYPE_CHECKING:
    from pathlib import Path

# Set before any test imports Qt or reads the locale.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LANGUAGE"] = "en"
os.environ["LC_ALL"] = os.environ.get("LC_ALL", "C.UTF-8")

# Fuzzing profiles: "ci" (the default) keeps the suite fast; "long" explores for as long as a person
# lets it, on demand: PRECIS_FUZZ=long uv run pytest tests/engine -k fuzz (or --hypothesis-profile).
_FUZZ = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile("ci", max_examples=40, **_FUZZ)
settings.register_profile("long", max_examples=2000, **_FUZZ)
settings.load_profile(os.environ.get("PRECIS_FUZZ", "ci"))


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


@pytest.fixture
def nyt_page(shared_eval: Path, tmp_path: Path) -> Path:
    """The New York Times page of the extraction dev set, saved as a reader would save it."""
    import json

    row = next(
        json.loads(line)
        for line in (shared_eval / "extraction-dev.jsonl").open(encoding="utf-8")
        if '"readability:nytimes-1"' in line
    )
    page = tmp_path / "sudan-sanctions.html"
    page.write_text(row["html"], encoding="utf-8")
    return page
