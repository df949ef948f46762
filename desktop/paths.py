"""Where bundled resources live, in a source checkout, an installed wheel or a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    here = Path(__file__).resolve().parent
    # A wheel or a PyInstaller bundle ships resources inside the package; a checkout has them
    # at the project's top level.
    candidates = [here / "resources", here.parent / "resources"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "resources")
    for path in candidates:
        if path.is_dir():
            return path
    return candidates[-1]


def sample_article() -> Path:
    return resources_dir() / "samples" / "lukaschenko-de.txt"
