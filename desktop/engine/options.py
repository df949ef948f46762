"""What a summary is asked for (method, language, length, order, context), with its defaults
declared once.

The command line builds one from its arguments, the window keeps one in its preferences and its
session; both hand it to ``summarise``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.engine.language import resolve
from desktop.engine.methods import DEFAULT_METHOD, METHODS
from desktop.engine.select import Length, Order, Unit

if TYPE_CHECKING:
    from collections.abc import Callable

    from desktop.engine.model import Document
    from desktop.engine.select import Selection

# The length a summary starts with in each unit (the window remembers one per unit).
DEFAULT_LENGTHS = {Unit.SENTENCES: 5, Unit.PERCENT: 20, Unit.WORDS: 150}
_DEFAULT_LENGTH = Length(DEFAULT_LENGTHS[Unit.SENTENCES], Unit.SENTENCES)


@dataclass(frozen=True, slots=True)
class SummaryOptions:
    """A valid request: an unknown method or language is a ``ValueError`` with a one-line
    message, and a language given by name ('German', 'deu') is stored as its code."""

    method: str = DEFAULT_METHOD
    language: str | None = None  # None detects the article's language
    length: Length = _DEFAULT_LENGTH
    order: Order = Order.DOCUMENT
    keep_context: bool = False  # bring the sentence before one that leans on it (``select``)

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise ValueError(f"unknown method {self.method!r}; choose from {', '.join(METHODS)}")
        if self.language is not None:
            object.__setattr__(self, "language", resolve(self.language))


def summarise(
    document: Document,
    options: SummaryOptions | None = None,
    *,
    cancelled: Callable[[], bool] | None = None,
) -> Selection:
    """Rank ``document`` with the options' method and cut it to their length and order.

    The document was built in the options' language already (``build_document``); the window,
    which keeps the ranking to re-cut it, calls ``rank`` and ``select`` itself. ``cancelled`` is
    passed to ``rank``.

    A greedy method (kl, sum-basic) picks only as many sentences as the cut reads and shows
    (``rank``'s ``until``): 10 picks, not 100,000, for ten sentences of a long text, unless one
    of them brings along a sentence picked much later (a quotation's). The summary, and its
    sentences' scores and ranks, are the full ranking's, always.
    """
    from functools import partial

    from desktop.engine.ranking import rank
    from desktop.engine.select import first_picks, select

    options = options or SummaryOptions()
    cut = partial(
        select, length=options.length, order=options.order, keep_context=options.keep_context
    )
    ranking = rank(
        document,
        options.method,
        cancelled=cancelled,
        until=cut,
        picks=first_picks(document, options.length, keep_context=options.keep_context),
    )
    return cut(ranking)
