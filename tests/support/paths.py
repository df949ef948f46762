"""Where the project, its bundled sample and the shared evaluation data are, for every test."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "lukaschenko-de.txt"
SHARED = ROOT.parent / "shared"
