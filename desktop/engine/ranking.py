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
from desktop.engine.methods import METHODS, cancel_flag, order_by_score, picks_enough
from desktop.engine.model import Ranking

if TYPE_CHECKING:
    from collections.abc import Callable

    import numpy as np

    from desktop.engine.analysis import Analysis
    from desktop.engine.methods import Scores
    from desktop.engine.model import Document


def rank(
    document: Document,
    method: str,
    *,
    analysis: Analysis | None = None,
    cancelled: Callable[[], bool] | None = None,
    until: Callable[[Ranking], object] | None = None,
    picks: int = 0,
) -> Ranking:
    """Rank the candidates of ``document``. ``analysis`` is reused when the caller has one.

    ``cancelled`` is polled between stages and inside long methods; when it returns True the
    ranking stops with ``Cancelled``.

    ``until``: a greedy method (kl, sum-basic) stops picking once ``until`` returns for the
    ranking of its picks so far (``Ranking.partial``, whose other candidates follow in document
    order), asked after ``picks`` picks and then whenever its ``ShortRankingError`` is answered;
    the other methods rank in full.
    """
    try:
        entry = METHODS[method]
    except KeyError:
        raise ValueError(f"unknown method {method!r}; choose from {', '.join(METHODS)}") from None
    one_blas_thread()
    import numpy  # noqa: F401 - loaded before the clock starts

    from desktop.engine.analysis import analyse
    from desktop.engine.language.words import lexicon

    function = entry.function()
    lexicon(document.language)
    rule = None if until is None else _Enough(document, method, until, picks)
    token, enough = cancel_flag.set(cancelled), picks_enough.set(rule)
    try:
        started, started_cpu = time.perf_counter(), time.thread_time()
        if analysis is None:
            analysis = analyse(document)
        if cancelled is not None and cancelled():
            raise Cancelled("ranking cancelled")
        result = function(analysis)
        order, scores, ranks = _arrays(document, result)
        seconds = time.perf_counter() - started
        cpu_seconds = time.thread_time() - started_cpu
    finally:
        cancel_flag.reset(token)
        picks_enough.reset(enough)
    ranking = Ranking(document, method, order, scores, ranks, seconds, cpu_seconds, result.picks)
    ranking.cumulative_words  # noqa: B018 - select's table, built once with the ranking
    return ranking


def _arrays(document: Document, result: Scores) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A method's result as a ranking's order, scores and ranks (by sentence index)."""
    import numpy as np

    candidates = np.asarray(document.candidates, dtype=np.int64)
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
    return order, scores, ranks


class _Enough:
    """``rank``'s ``until`` as a greedy method asks it (``picks_enough``): whether its picks so
    far (positions among the candidates) are enough. ``until`` is asked once they number
    ``picks`` and hold every sentence its last ``ShortRankingError`` asked for."""

    def __init__(
        self, document: Document, method: str, until: Callable[[Ranking], object], picks: int
    ) -> None:
        self.document, self.method, self.until = document, method, until
        self.picks, self.wanted, self.seen, self.done = picks, set(), 0, False

    def __call__(self, order: list[int]) -> bool:
        if self.done or len(order) < self.picks:
            return self.done
        if self.wanted:
            self.wanted.difference_update(order[self.seen :])
            self.seen = len(order)
            if self.wanted:
                return False
        import numpy as np

        from desktop.engine.methods.greedy import pick_order_scores
        from desktop.engine.select import ShortRankingError

        candidates = self.document.candidates
        result = pick_order_scores(np.asarray(order, dtype=np.int64), len(candidates))
        arrays = _arrays(self.document, result)
        try:
            self.until(Ranking(self.document, self.method, *arrays, partial=result.picks))
        except ShortRankingError as short:
            self.wanted = set(np.searchsorted(candidates, sorted(short.sentences)).tolist())
            self.picks, self.seen = max(short.picks, len(order) + (not self.wanted)), len(order)
            return False
        self.done = True
        return True
