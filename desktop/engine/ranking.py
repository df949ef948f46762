"""Rank once: run a method on a document and keep every candidate's score and rank.

``rank`` is pure and thread-safe (the window calls it on a worker thread). Its ``seconds`` (wall
clock) and ``cpu_seconds`` (CPU time of the ranking thread, which a busy machine hardly changes)
cover everything done for this document: tokenising, stemming, the term matrix (``analyse``,
reused when the same document was analysed just before) and the method. Loading numpy, scipy,
the method's module and the language's stemmer and stop words happens once per process and is not
counted.

BLAS runs on one thread while ranking (``blas``).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from desktop.engine.blas import one_thread as one_blas_thread
from desktop.engine.errors import Cancelled
from desktop.engine.methods import METHODS, cancel_flag, order_by_score, pick_limit
from desktop.engine.model import Ranking

if TYPE_CHECKING:
    from collections.abc import Callable

    from desktop.engine.analysis import Analysis
    from desktop.engine.model import Document


def rank(
    document: Document,
    method: str,
    *,
    analysis: Analysis | None = None,
    cancelled: Callable[[], bool] | None = None,
    picks: int | None = None,
) -> Ranking:
    """Rank the candidates of ``document``. ``analysis`` is reused when the caller has one.

    ``cancelled`` is polled between stages and inside long methods; when it returns True the
    ranking stops with ``Cancelled``. ``picks``: a greedy method (kl, sum-basic) stops after that
    many picks, and the ranking says so (``Ranking.partial``); the other methods rank in full.
    """
    try:
        entry = METHODS[method]
    except KeyError:
        raise ValueError(f"unknown method {method!r}; choose from {', '.join(METHODS)}") from None
    one_blas_thread()
    import numpy as np

    from desktop.engine.analysis import analyse
    from desktop.engine.language.words import lexicon

    function = entry.function()
    lexicon(document.language)
    token, limit = cancel_flag.set(cancelled), pick_limit.set(picks)
    try:
        started, started_cpu = time.perf_counter(), time.thread_time()
        if analysis is None:
            analysis = analyse(document)
        if cancelled is not None and cancelled():
            raise Cancelled("ranking cancelled")
        result = function(analysis)
        candidates = np.asarray(analysis.candidates, dtype=np.int64)
        values = np.asarray(result.values, dtype=float)
        if result.order is not None:
            local = np.asarray(result.order, dtype=np.int64)
        else:
            local = order_by_score(values)  # ties go to the earlier sentence
        order = candidates[local]
        n = len(document.sentences)
        scores = np.full(n, np.nan)
        scores[candidates] = values
        ranks = np.zeros(n, dtype=np.int64)
        ranks[order] = np.arange(1, len(order) + 1)
        seconds = time.perf_counter() - started
        cpu_seconds = time.thread_time() - started_cpu
    finally:
        cancel_flag.reset(token)
        pick_limit.reset(limit)
    ranking = Ranking(document, method, order, scores, ranks, seconds, cpu_seconds, result.picks)
    ranking.cumulative_words  # noqa: B018 - select's table, built once with the ranking
    return ranking
