"""Rank once: run a method on a document and keep every candidate's score and rank."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop.engine.errors import Cancelled
from desktop.engine.methods import METHODS

if TYPE_CHECKING:
    import numpy as np

    from desktop.engine.analysis import Analysis
    from desktop.engine.model import Document


@dataclass(frozen=True, eq=False)
class Ranking:
    """Every candidate sentence of ``document`` ranked by ``method``.

    ``order`` holds sentence indices, best first. ``scores`` and ``ranks`` are indexed by sentence
    index (non-candidates: NaN score, rank 0). Ranks start at 1.
    """

    document: Document
    method: str
    order: np.ndarray
    scores: np.ndarray
    ranks: np.ndarray
    seconds: float = field(default=0.0, compare=False)


def rank(
    document: Document,
    method: str,
    *,
    analysis: Analysis | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Ranking:
    """Rank the candidates of ``document``. ``analysis`` is reused when the caller has one."""
    import numpy as np

    from desktop.engine.analysis import analyse

    try:
        function = METHODS[method].function()
    except KeyError:
        raise ValueError(f"unknown method {method!r}; choose from {', '.join(METHODS)}") from None
    started = time.perf_counter()
    analysis = analysis if analysis is not None else analyse(document)
    if cancelled is not None and cancelled():
        raise Cancelled("ranking cancelled")
    result = function(analysis)
    candidates = np.asarray(analysis.candidates, dtype=np.int64)
    values = np.asarray(result.values, dtype=float)
    if result.order is not None:
        local = np.asarray(result.order, dtype=np.int64)
    else:
        # Stable sort: ties go to the earlier sentence.
        local = np.argsort(-values, kind="stable")
    order = candidates[local]
    n = len(document.sentences)
    scores = np.full(n, np.nan)
    scores[candidates] = values
    ranks = np.zeros(n, dtype=np.int64)
    ranks[order] = np.arange(1, len(order) + 1)
    return Ranking(document, method, order, scores, ranks, time.perf_counter() - started)
