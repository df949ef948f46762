"""select(): every length unit, pins and exclusions, both orders, on a ranking we wrote by hand."""

from __future__ import annotations

import time

import numpy as np
import pytest

from desktop.engine import Length, Order, Unit, select
from desktop.engine.model import Document, Kind, Paragraph, Ranking, Sentence
from desktop.engine.select import ShortRankingError

# Sentence i has WORDS[i] words; sentence 2 is a heading (not a candidate, never ranked).
WORDS = (3, 5, 2, 4, 6, 1)
KINDS = (Kind.BODY, Kind.BODY, Kind.HEADING, Kind.BODY, Kind.BODY, Kind.BODY)
ORDER = (4, 1, 5, 0, 3)  # best first; body words 3 + 5 + 4 + 6 + 1 = 19


def _document(words: tuple[int, ...] = WORDS, kinds: tuple[Kind, ...] = KINDS) -> Document:
    texts = [" ".join(f"w{i}x{k}" for k in range(count)) + "." for i, count in enumerate(words)]
    text = "\n\n".join(texts)
    paragraphs, sentences, start = [], [], 0
    for i, (sentence, kind) in enumerate(zip(texts, kinds, strict=True)):
        end = start + len(sentence)
        paragraphs.append(Paragraph(i, start, end, kind))
        sentences.append(Sentence(i, start, end, i, kind))
        start = end + 2
    return Document(text, tuple(paragraphs), tuple(sentences), "en")


def _ranking(order: tuple[int, ...] = ORDER, document: Document | None = None) -> Ranking:
    document = document or _document()
    n = len(document.sentences)
    ranks = np.zeros(n, dtype=np.int64)
    ranks[list(order)] = np.arange(1, len(order) + 1)
    scores = np.full(n, np.nan)
    scores[list(order)] = np.linspace(1.0, 0.1, len(order))
    return Ranking(document, "test", np.asarray(order), scores, ranks)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, ()), (1, (4,)), (2, (1, 4)), (3, (1, 4, 5)), (5, (0, 1, 3, 4, 5)), (9, (0, 1, 3, 4, 5))],
)
def test_sentences_are_the_best_in_document_order(value: int, expected: tuple[int, ...]) -> None:
    assert select(_ranking(), Length(value)).indices == expected


def test_rank_order_is_best_first() -> None:
    assert select(_ranking(), Length(3), Order.RANK).indices == (4, 1, 5)


def test_fractional_sentence_counts_round_half_to_even() -> None:
    assert select(_ranking(), Length(2.5)).indices == (1, 4)
    assert select(_ranking(), Length(2.6)).indices == (1, 4, 5)


@pytest.mark.parametrize(
    ("budget", "expected"),
    [
        (5, ()),  # 6 words do not fit 5 ... but one sentence is always returned: see below
        (6, (4,)),
        (10, (4,)),  # 6 + 5 = 11 would exceed 10: stop, do not skip ahead to shorter ones
        (11, (1, 4)),
        (12, (1, 4, 5)),
        (14, (1, 4, 5)),
        (15, (0, 1, 4, 5)),
        (19, (0, 1, 3, 4, 5)),
        (1000, (0, 1, 3, 4, 5)),
    ],
)
def test_word_budget_is_never_exceeded(budget: int, expected: tuple[int, ...]) -> None:
    selection = select(_ranking(), Length(budget, Unit.WORDS))
    if expected:
        assert selection.indices == expected
        assert selection.words <= budget
    else:  # nothing fits: the single best sentence, the only case a budget is exceeded
        assert selection.indices == (4,)


def test_zero_budget_is_empty() -> None:
    assert select(_ranking(), Length(0, Unit.WORDS)).indices == ()
    assert select(_ranking(), Length(0, Unit.PERCENT)).indices == ()


@pytest.mark.parametrize(
    ("percent", "expected"),
    # Of the 19 body words (the heading's 2 do not count): 50 % is 9.5 words, 60 % is 11.4.
    [(50, (4,)), (60, (1, 4)), (64, (1, 4, 5)), (100, (0, 1, 3, 4, 5))],
)
def test_percent_is_of_the_body_words(percent: float, expected: tuple[int, ...]) -> None:
    assert select(_ranking(), Length(percent, Unit.PERCENT)).indices == expected


def test_pinned_sentences_are_in_and_count_toward_the_length() -> None:
    ranking = _ranking()
    assert select(ranking, Length(2), pinned={0}).indices == (0, 4)
    assert select(ranking, Length(2), Order.RANK, pinned={3, 0}).indices == (0, 3)
    assert select(ranking, Length(3), Order.RANK, pinned={3}).indices == (3, 4, 1)
    # 4 pinned words leave 8 of 12: sentence 4 (6 words) fits, sentence 1 (5 more) does not.
    assert select(ranking, Length(12, Unit.WORDS), pinned={3}).indices == (3, 4)
    # Pins alone may exceed the budget; nothing else is added then.
    assert select(ranking, Length(3, Unit.WORDS), pinned={4}).indices == (4,)


def test_a_pinned_heading_comes_after_ranked_pins_in_rank_order() -> None:
    ranking = _ranking()
    assert select(ranking, Length(3), Order.RANK, pinned={2, 5}).indices == (5, 2, 4)
    assert select(ranking, Length(3), pinned={2, 5}).indices == (2, 4, 5)


def test_excluded_sentences_are_never_chosen() -> None:
    ranking = _ranking()
    assert select(ranking, Length(2), excluded={4}).indices == (1, 5)
    assert select(ranking, Length(11, Unit.WORDS), excluded={4}).indices == (0, 1, 5)
    # Nothing fits a 4-word budget once sentence 4 is out: the best one left is returned.
    assert select(ranking, Length(4, Unit.WORDS), excluded={4, 5}).indices == (1,)
    assert select(ranking, Length(9), excluded=set(ORDER)).indices == ()


def test_pinned_wins_over_excluded_and_bad_indices_are_ignored() -> None:
    ranking = _ranking()
    assert select(ranking, Length(1), pinned={1}, excluded={1}).indices == (1,)
    assert select(ranking, Length(2), pinned={-1, 99}, excluded={-5, 42}).indices == (1, 4)


def test_selection_words_and_sentences() -> None:
    selection = select(_ranking(), Length(2))
    assert selection.words == 11
    assert selection.sentences() == [
        "w1x0 w1x1 w1x2 w1x3 w1x4.",
        "w4x0 w4x1 w4x2 w4x3 w4x4 w4x5.",
    ]


def test_select_takes_well_under_a_millisecond_at_twenty_thousand_sentences() -> None:
    n = 20_000
    rng = np.random.default_rng(0)
    words = tuple(int(w) for w in rng.integers(1, 40, n))
    document = _document(words, (Kind.BODY,) * n)
    ranking = _ranking(tuple(rng.permutation(n).tolist()), document)
    lengths = [Length(10), Length(20, Unit.PERCENT), Length(500, Unit.WORDS)]
    for length in lengths:
        select(ranking, length)  # the first call warms numpy up
        assert min(_timed(lambda length=length: select(ranking, length)) for _ in range(5)) < 1e-3
    # With a pin and an exclusion the cumulative counts are rebuilt: still quick.
    marked = Length(20, Unit.PERCENT)
    assert (
        min(_timed(lambda: select(ranking, marked, pinned={5}, excluded={7})) for _ in range(5))
        < 2e-3
    )


def _timed(call: object) -> float:
    started = time.process_time()
    call()  # type: ignore[operator]
    return time.process_time() - started


def _partial(order: tuple[int, ...], picks: int, document: Document) -> Ranking:
    """The ranking of a method stopped after ``picks`` of ``order``: the others follow in
    document order (``Ranking.partial``)."""
    rest = tuple(i for i in document.candidates if i not in order[:picks])
    full = _ranking(order[:picks] + rest, document)
    return Ranking(document, "test", full.order, full.scores, full.ranks, partial=picks)


def test_a_partial_ranking_asks_for_more_when_a_sentence_before_may_rank_within_reach() -> None:
    """Three sentences of eleven (a long summary: context must rank within 3 + 3): the best,
    sentence 8, leans on 7, ranked 4th. Picked only three deep, 7 would rank 9th in document order
    and be left out, for 1 instead: the cut must ask for 6 picks, and then agree."""
    texts = [f"Sentence number {i} stands on its own." for i in range(11)]
    texts[8] = "He answers the sentence before."
    text = " ".join(texts)
    sentences, start = [], 0
    for i, sentence in enumerate(texts):
        sentences.append(Sentence(i, start, start + len(sentence), 0, Kind.BODY))
        start += len(sentence) + 1
    document = Document(text, (Paragraph(0, 0, len(text), Kind.BODY),), tuple(sentences), "en")
    assert document.context.leans[8]
    assert document.context.previous[8] == 7
    order = (8, 0, 1, 7, 2, 3, 4, 5, 6, 9, 10)
    kept = select(_ranking(order, document), Length(3), keep_context=True)
    assert kept.indices == (0, 7, 8)
    with pytest.raises(ShortRankingError) as short:
        select(_partial(order, 3, document), Length(3), keep_context=True)
    assert short.value.picks == 6
    assert select(_partial(order, 6, document), Length(3), keep_context=True).indices == (0, 7, 8)
