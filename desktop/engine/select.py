"""Cut: choose a summary of any length from a ranking, without re-running the method."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Collection

    from desktop.engine.model import Document, Ranking


class Unit(str, Enum):
    SENTENCES = "sentences"
    PERCENT = "percent"  # of the article's body words
    WORDS = "words"


class Order(str, Enum):
    DOCUMENT = "document"
    RANK = "rank"


class ShortRankingError(LookupError):
    """The cut reads past what a partial ranking (``Ranking.partial``) knows. It could be made
    once the method has made ``picks`` picks and picked ``sentences`` (indices) too."""

    def __init__(self, why: str, picks: int, sentences: Collection[int] = ()) -> None:
        super().__init__(why)
        self.picks, self.sentences = picks, frozenset(sentences)


@dataclass(frozen=True, slots=True)
class Length:
    value: float
    unit: Unit = Unit.SENTENCES

    def __post_init__(self) -> None:
        if self.value < 0 or (self.unit is Unit.PERCENT and self.value > 100):
            raise ValueError(f"length {self.value:g} {self.unit.value} is out of range")

    def words(self, body_words: int) -> float:
        """The word budget of a ``WORDS`` or ``PERCENT`` length, of an article of ``body_words``."""
        return self.value / 100.0 * body_words if self.unit is Unit.PERCENT else self.value

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

    @property
    def reduction(self) -> float:
        """Share of the article's body words left out, in percent."""
        total = self.ranking.document.body_words
        return 100.0 * (1 - self.words / total) if total else 0.0

    def sentences(self) -> list[str]:
        doc = self.ranking.document
        return [doc.sentence_text(i) for i in self.indices]

    @property
    def needs_context(self) -> frozenset[int]:
        """Chosen sentences that lean on a sentence before them that is not chosen (see
        ``context``): a reader of the summary alone would miss who "he" is or what "however"
        answers."""
        context = self.ranking.document.context
        chosen = set(self.indices)
        # The sentence before first: whether a sentence leans is decided when first asked, and
        # in a long summary most sentences before are chosen too.
        return frozenset(
            i for i in self.indices if context.previous[i] not in chosen and context.leans[i]
        )


def select(
    ranking: Ranking,
    length: Length,
    order: Order = Order.DOCUMENT,
    *,
    pinned: Collection[int] = (),
    excluded: Collection[int] = (),
    keep_context: bool = False,
) -> Selection:
    """The best-ranked sentences that fit ``length``.

    Pinned sentences are always in and count toward the length; excluded ones never are (a
    sentence both pinned and excluded is pinned). A word budget (``WORDS``, or ``PERCENT`` of the
    body words) takes the ranking's best sentences until the next one would exceed it, and is never
    exceeded except that at least one sentence is returned. In rank order, pinned sentences come
    first (best-ranked first), then the others, best first.

    A quotation that runs over several sentences comes in whole or not at all (a quotation that
    does not fit is passed over). With ``keep_context``, a sentence that leans on the one before
    (``context``) brings that one along when both fit and, in a summary of more than a quarter
    of the article's sentences, when that one ranks within the summary's length plus three;
    otherwise it comes alone, as without the option (and ``needs_context`` says so).

    Cheap at any size (the slider calls it on every move): a cumulative word count along the
    ranking is built once with the ranking, and a cut is a binary search in it. Quotations and
    context take a walk along the ranking instead, which stops once the length is reached.

    A partial ranking (``Ranking.partial``) gives the cut the full ranking would, or raises
    ``ShortRankingError`` when the cut reads past its picks, or has pins or exclusions.
    """
    import numpy as np

    if ranking.partial is not None and (pinned or excluded):
        raise ShortRankingError("pins and exclusions need the whole ranking", len(ranking.order))
    context = ranking.document.context
    if keep_context or context.has_groups:
        return _walk(ranking, length, order, pinned, excluded, keep_context=keep_context)
    n = len(ranking.document.sentences)
    ranked = ranking.order
    cumulative = ranking.cumulative_words
    pins = [i for i in dict.fromkeys(pinned) if 0 <= i < n]
    if pins:
        pins.sort(key=lambda i: (int(ranking.ranks[i]) or n + 1, i))
    if pins or excluded:
        drop = np.zeros(n, dtype=bool)
        drop[[i for i in excluded if 0 <= i < n]] = True
        drop[pins] = True
        ranked = ranked[~drop[ranked]]
        cumulative = np.cumsum(ranking.word_counts[ranked])
    if length.unit is Unit.SENTENCES:
        chosen = ranked[: max(0, round(length.value) - len(pins))]
        _known(ranking, len(chosen))
    else:
        budget = length.words(ranking.body_words)
        if pins:
            budget -= int(ranking.word_counts[pins].sum())
        chosen = ranked[: int(np.searchsorted(cumulative, budget, side="right"))]
        # and the one that does not fit; how many more would is not known: twice as many
        _known(ranking, len(chosen) + 1, ask=2 * len(chosen) + 1)
        if not pins and not len(chosen) and len(ranked) and length.value > 0:
            chosen = ranked[:1]
    indices = np.concatenate([np.asarray(pins, dtype=np.int64), chosen]) if pins else chosen
    if order is Order.DOCUMENT:
        indices = np.sort(indices)
    return Selection(ranking, length, order, tuple(indices.tolist()))


CONTEXT_FREE_SHARE = 0.25  # of the article's candidate sentences: a short summary
CONTEXT_NEAR = 3  # ranks past a long summary's length that still count as nearly chosen
_WALK_MARGIN = 16  # quotations a walk may pass over, first guessed


def _known(ranking: Ranking, read: int, *, ask: int = 0) -> None:
    """Raise ``ShortRankingError``, asking for ``ask`` picks (``read`` unless more), when the
    first ``read`` entries of ``ranking.order`` are not all the method's picks."""
    if ranking.partial is not None and read > ranking.partial:
        raise ShortRankingError(f"the cut reads {read} ranks of {ranking.partial}", max(read, ask))


def first_picks(document: Document, length: Length, *, keep_context: bool) -> int:
    """How many picks of a greedy method to offer a cut of ``document`` to ``length`` first:
    exactly what the plain cut reads for a number of sentences; for a word budget, twice as many
    sentences of the article's average length as fit in it, and one; for the walk, which passes
    over sentences already chosen (at most as many as it takes) and quotations that do not fit,
    and compares the rank of a sentence before with the length plus ``CONTEXT_NEAR``, twice the
    sentences and more. These are guesses: ``ShortRankingError`` asks for more when one fell
    short (twice as many, for an unknown number), which costs a cut, not a ranking.
    """
    if length.unit is Unit.SENTENCES:
        taken, after = round(length.value), 0
    else:
        budget = length.words(document.body_words)
        taken = math.ceil(2 * budget * len(document.candidates) / max(1, document.body_words))
        after = 1
    if keep_context or document.context.has_groups:
        return 2 * taken + CONTEXT_NEAR + _WALK_MARGIN
    return taken + after


def _walk(
    ranking: Ranking,
    length: Length,
    order: Order,
    pinned: Collection[int],
    excluded: Collection[int],
    *,
    keep_context: bool,
) -> Selection:
    """``select`` sentence by sentence down the ranking, for quotations and context."""
    document = ranking.document
    context = document.context
    n = len(document.sentences)
    counts = document.word_counts
    pins = [i for i in dict.fromkeys(pinned) if 0 <= i < n]
    pins.sort(key=lambda i: (int(ranking.ranks[i]) or n + 1, i))
    barred = {i for i in excluded if 0 <= i < n} - set(pins)
    chosen: dict[int, None] = dict.fromkeys(pins)
    if length.unit is Unit.SENTENCES:
        budget, cost = float(round(length.value)), lambda unit: float(len(unit))
    else:
        budget = length.words(ranking.body_words)
        cost = lambda unit: float(sum(counts[i] for i in unit))  # noqa: E731
    spent = cost(pins)
    # The sentence before comes freely into a short summary; into a long one (a large share of
    # the article) only when it nearly made the cut itself, for there every sentence it
    # displaces is one the article's gist needs (measured: docs/quality.md, keep context).
    size = (
        budget
        if length.unit is Unit.SENTENCES
        else budget * len(ranking.order) / max(1, ranking.body_words)
    )
    reach = n if size <= CONTEXT_FREE_SHARE * len(ranking.order) else size + CONTEXT_NEAR
    partial = ranking.partial
    for position, index in enumerate(ranking.order.tolist()):
        if spent >= budget:
            break
        if position == partial:  # (it may pass over as many again)
            raise ShortRankingError(f"the walk reads past {partial} ranks", 2 * partial + 1)
        if index in chosen or index in barred:
            continue
        unit = [i for i in context.members(index) if i not in chosen]
        if any(i in barred for i in unit):
            continue
        if keep_context:
            before = context.previous[unit[0]]
            if (
                context.leans[unit[0]]
                and before >= 0
                and before not in chosen
                and _within(ranking, before, reach)
            ):
                wider = [i for i in context.members(before) if i not in chosen] + unit
                if not any(i in barred for i in wider) and spent + cost(wider) <= budget:
                    unit = wider
        if spent + cost(unit) > budget:
            if len(unit) > 1:
                continue  # a quotation that does not fit: the next sentence may
            if not chosen and length.unit is not Unit.SENTENCES and length.value > 0:
                chosen[index] = None  # at least one sentence, as the plain cut
            break
        chosen.update(dict.fromkeys(unit))
        spent += cost(unit)
    indices = list(chosen)
    # A sentence that came with another (a quotation's, the one before) shows its score and rank.
    if partial is not None and int(ranking.ranks[indices].max(initial=0)) > partial:
        unpicked = [i for i in indices if ranking.ranks[i] > partial]
        raise ShortRankingError("the summary holds sentences not picked", partial, unpicked)
    if order is Order.DOCUMENT:
        indices.sort()
    return Selection(ranking, length, order, tuple(indices))


def _within(ranking: Ranking, sentence: int, reach: float) -> bool:
    """Whether ``sentence`` ranks within ``reach``. A partial ranking ranks the sentences it did
    not pick in document order, after its picks: their true ranks are past ``partial`` too, so
    its answer is the full ranking's unless ``reach`` falls among those ranks."""
    rank = int(ranking.ranks[sentence])
    partial = ranking.partial
    if partial is not None and rank > partial and partial + 1 <= reach < len(ranking.order):
        raise ShortRankingError(f"a rank past {partial} compared with {reach:g}", int(reach))
    return rank <= reach
