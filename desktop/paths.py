"""Where bundled resources live, in a source checkout, an installed wheel or a frozen bundle."""

from __future__ import annotations

import sys
from importlib.util import find_spec
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


def package_data(package: str) -> Path:
    """The folder of an installed package's data files, found without importing the package
    (importlib.resources would import it, and with it zipfile: 33 million instructions)."""
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"no package {package!r}")
    return Path(spec.submodule_search_locations[0])
