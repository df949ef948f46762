"""Language: which one an article is in (detection), its sentences and its words.

The supported languages and detection are the package's face; ``sentences`` and ``words`` are
imported by module.
"""

from __future__ import annotations

from desktop.engine.language.detection import (
    LANGUAGES,
    detect,
    detect_blocks,
    guess,
    guesses,
    resolve,
)

__all__ = [
    "LANGUAGES",
    "detect",
    "detect_blocks",
    "guess",
    "guesses",
    "resolve",
]
