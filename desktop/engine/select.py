"""Cut: choose a summary of any length from a ranking, without re-running the method."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.engine.ranking import Ranking


class Unit(str, Enum):
    SENTENCES = "sentences"
    PERCENT = "percent"  # of the article's body words
    WORDS = "words"


class Order(str, Enum):
    DOCUMENT = "document"
    RANK = "rank"


@dataclass(frozen=True, slots=True)
class Length:
    value: float
    unit: Unit = Unit.SENTENCES

    def __post_init__(self) -> None:
        if self.value < 0 or (self.unit is Unit.PERCENT and self.value > 100):
            raise ValueError(f"length {self.value:g} {self.unit.value} is out of range")

    def describe(self) -> str:
        if self.unit is Unit.PERCENT:
            return f"{self.value:g}% of the words"
        return f"{self.value:g} {self.unit.value}"


@dataclass(frozen=True, slots=True)
class Selection:
    ranking: Ranking
    length: Length
    order: Order
    indices: tuple[int, ...]  # sentence indices, in the requested order

    @property
    def words(self) -> int:
        counts = self.ranking.document.word_counts
        return sum(counts[i] for i in self.indices)

    def sentences(self) -> list[str]:
        doc = self.ranking.document
        return [doc.sentence_text(i) for i in self.indices]


def select(
    ranking: Ranking,
    length: Length,
    order: Order = Order.DOCUMENT,
    *,
    pinned: Collection[int] = (),
    excluded: Collection[int] = (),
) -> Selection:
    """The best-ranked sentences that fit ``length``.

    Pinned sentences are always in and count toward the length; excluded ones never are. A word
    budget (``WORDS`` or ``PERCENT`` of the body words) takes the ranking's best sentences until
    the next one would exceed it, and is never exceeded except that at least one sentence is
    returned.
    """
    import numpy as np

    doc = ranking.document
    ranked = ranking.order
    if excluded or pinned:
        drop = np.fromiter(set(excluded) | set(pinned), dtype=np.int64)
        ranked = ranked[~np.isin(ranked, drop)]
    pins = [i for i in dict.fromkeys(pinned) if 0 <= i < len(doc.sentences)]
    pins.sort(key=lambda i: (ranking.ranks[i] or len(doc.sentences) + 1, i))
    if length.unit is Unit.SENTENCES:
        take = max(0, round(length.value) - len(pins))
        chosen = [*pins, *ranked[:take].tolist()]
    else:
        budget = (
            length.value if length.unit is Unit.WORDS else length.value / 100.0 * doc.body_words
        )
        counts = np.asarray(doc.word_counts, dtype=np.int64)
        budget -= int(counts[pins].sum()) if pins else 0
        fits = int(np.searchsorted(np.cumsum(counts[ranked]), budget, side="right"))
        chosen = [*pins, *ranked[:fits].tolist()]
        if not chosen and len(ranked) and length.value > 0:
            chosen = [int(ranked[0])]
    if order is Order.DOCUMENT:
        chosen.sort()
    return Selection(ranking, length, order, tuple(int(i) for i in chosen))
