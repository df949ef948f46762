"""Ranking methods: each scores every candidate sentence once; ``select`` then cuts any length.

A method is a function ``(Analysis) -> Scores``. Higher scores are better; greedy methods (kl,
sum-basic) give their pick order instead, through ``order``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from desktop.engine.analysis import Analysis


@dataclass(frozen=True, slots=True)
class Scores:
    """Per candidate, in document order. ``order`` (best first) when it is not by score."""

    values: np.ndarray
    order: np.ndarray | None = None


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


METHODS: dict[str, Method] = {
    m.name: m
    for m in (
        Method("lead", "The first sentences, as a news editor would cut.", "simple"),
        Method(
            "lex-rank",
            "LexRank: sentences most similar to many others (graph centrality).",
            "graph",
        ),
    )
}
DEFAULT_METHOD = "lex-rank"
