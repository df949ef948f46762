"""Ranking methods: each scores every candidate sentence once; ``select`` then cuts any length.

A method is a function ``(Analysis) -> Scores`` in a module of this package, named ``rank_`` plus
its name with ``-`` as ``_``. Higher scores are better; greedy methods (kl, sum-basic) give their
pick order instead, through ``order``, and stop once ``picks_enough`` says so. The classic
methods follow sumy's implementations exactly (sumy is the reference in tests/test_parity.py);
docs/methods.md lists where and why they differ.

Methods are pure functions of the analysis, safe to run on a worker thread. A long method calls
``checkpoint()`` between stages or iterations so that ``ranking.rank(..., cancelled=...)`` can stop
it.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.engine.errors import Cancelled

if TYPE_CHECKING:
    from collections.abc import Callable

    import numpy as np

    from desktop.engine.analysis import Analysis


@dataclass(frozen=True, slots=True)
class Scores:
    """Per candidate, in document order. ``order`` (best first) when it is not by score;
    ``picks``, when a greedy method stopped short (``picks_enough``), how many of its first
    entries it picked: the others follow in document order, scored below every pick."""

    values: np.ndarray
    order: np.ndarray | None = None
    picks: int | None = None


@dataclass(frozen=True, slots=True)
class Method:
    name: str
    description: str
    module: str  # imported on first use: numpy/scipy stay out of start-up

    def function(self) -> Callable[[Analysis], Scores]:
        from importlib import import_module

        return getattr(
            import_module(f"desktop.engine.methods.{self.module}"),
            "rank_" + self.name.replace("-", "_"),
        )


# Ratings closer than this, relative to their size, are equal. sumy orders such ties by rounding
# noise (its sums run in dictionary order; an SVD or a dense product adds its own); we put the
# earlier sentence first, always. Near zero, ratings closer than NOISE times the document's best
# rating are equal too (an SVD rates an empty sentence 1e-16, not 0).
TIE = 1e-9
NOISE = 1e-12
CHECK_EVERY = 64  # picks of a greedy method between two cancellation checks


def order_by_score(values: np.ndarray) -> np.ndarray:
    """Indices by descending value; equal values (within ``TIE``) in document order."""
    import numpy as np

    order = np.argsort(-values, kind="stable")
    ranked = values[order]
    floor = NOISE * float(np.abs(values).max(initial=0.0))
    larger = np.maximum(np.abs(ranked[:-1]), np.abs(ranked[1:]))
    same = (ranked[:-1] - ranked[1:]) <= TIE * larger + floor
    if not same.any():
        return order
    group = np.concatenate([[0], np.cumsum(~same)])
    return order[np.lexsort((order, group))]


# Set by ranking.rank for the duration of one ranking, per thread (a context variable).
cancel_flag: ContextVar[Callable[[], bool] | None] = ContextVar("cancel_flag", default=None)


def checkpoint() -> None:
    """Raise ``Cancelled`` when the ranking in progress on this thread was cancelled."""
    flag = cancel_flag.get()
    if flag is not None and flag():
        raise Cancelled("ranking cancelled")


# Set by ranking.rank, per thread, when its caller needs only a greedy method's first picks (a
# one-shot summary: ``options.summarise``): asked with the picks so far (positions among the
# candidates, best first) before each pick, True stops the method there. None: pick to the end.
picks_enough: ContextVar[Callable[[list[int]], bool] | None] = ContextVar(
    "picks_enough", default=None
)


METHODS: dict[str, Method] = {
    m.name: m
    for m in (
        Method(
            "lex-rank",
            "LexRank: sentences similar to many others (graph centrality).",
            "graph",
        ),
        Method(
            "text-rank",
            "TextRank: PageRank over sentences linked by the words they share.",
            "graph",
        ),
        Method("lsa", "LSA: sentences strongest in the document's latent topics.", "lsa"),
        Method("reduction", "Reduction: sentences sharing the most words with the rest.", "graph"),
        Method("luhn", "Luhn: sentences with dense clusters of frequent words.", "luhn"),
        Method(
            "edmundson",
            "Edmundson: cue words, key words, title words and position.",
            "edmundson",
        ),
        Method(
            "kl",
            "KL-Sum: greedily keeps the word distribution closest to the article's.",
            "kl",
        ),
        Method(
            "sum-basic",
            "SumBasic: frequent words first, then what is not yet said.",
            "greedy",
        ),
        Method(
            "precis",
            "Precis: the article's lead, then its most central sentences, without repeats.",
            "precis",
        ),
        Method("lead", "Lead: the first sentences, as a news editor would cut.", "simple"),
        Method(
            "random",
            "Random: sentences picked by chance, the same for the same text (a baseline).",
            "simple",
        ),
    )
}
DEFAULT_METHOD = "precis"
