"""Methods that need no statistics: the lead, and a random baseline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.engine.methods import Scores

if TYPE_CHECKING:
    from desktop.engine.analysis import Analysis


def rank_lead(analysis: Analysis) -> Scores:
    import numpy as np

    return Scores(1.0 - analysis.positions(), np.arange(analysis.size))  # already in order


def rank_random(analysis: Analysis) -> Scores:
    """A random order seeded by the text: the same article always gets the same "random" summary.

    sumy shuffles with Python's global random state, so its choice differs on every run.
    """
    import zlib

    import numpy as np

    seed = zlib.crc32(analysis.document.text.encode("utf-8", "surrogatepass"))
    permutation = np.random.default_rng(seed).permutation(analysis.size)
    # The scores are 0 … n - 1, so the order (best first) needs no sorting: score s is at n - 1 - s.
    order = np.empty_like(permutation)
    order[analysis.size - 1 - permutation] = np.arange(analysis.size)
    return Scores(permutation.astype(float), order)
