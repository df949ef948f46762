"""Methods that need no statistics: the lead, and a random baseline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.engine.methods import Scores

if TYPE_CHECKING:
    from desktop.engine.analysis import Analysis


def rank_lead(analysis: Analysis) -> Scores:
    return Scores(1.0 - analysis.positions())


def rank_random(analysis: Analysis) -> Scores:
    """A random order seeded by the text: the same article always gets the same "random" summary.

    sumy shuffles with Python's global random state, so its choice differs on every run.
    """
    import zlib

    import numpy as np

    seed = zlib.crc32(analysis.document.text.encode("utf-8", "surrogatepass"))
    return Scores(np.random.default_rng(seed).permutation(analysis.size).astype(float))
