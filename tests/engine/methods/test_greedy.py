"""kl's bounded picks and sum-basic's lazy heap against KL-Sum and SumBasic computed the plain
way.

The parity tests skip articles with a repeated sentence (sumy keys ratings by text); here each
article is followed by itself, so every rating has an exact twin, which is where the tie searches
do their work. kl rates every candidate in its first picks and picks from bounds after them: each
kl test runs both ways (``ranked(analysis, 0)`` picks from bounds from the start), on a generated
text (benchmarks/longtext.py) and on random texts of few words, full of ties.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import numpy as np
import pytest
from support.paths import ROOT

from desktop.engine import Document, load, rank
from desktop.engine.analysis import Analysis, analyse
from desktop.engine.methods import TIE, kl
from desktop.engine.methods.kl import ranked

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


def _plain_sum_basic(analysis: Analysis) -> list[int]:
    return _plain_sum_basic_picks(analysis)[0]


def _plain_sum_basic_picks(analysis: Analysis) -> tuple[list[int], int | None]:
    """Every sentence left rated afresh after every pick, the earliest within TIE of the best.
    A rating is the sum of its words' probabilities in the order written over their number; once
    every rating left is below the smallest normal float, the sum of each distinct word's
    probability times count / length, in the order of the word ids. Also: the pick where ratings
    changed so (None if never)."""
    content = ~analysis.form_stop[analysis.tokens]
    stems = analysis.form_stem[analysis.tokens[content]]
    rows = analysis.token_rows[content]
    words = [stems[rows == i].tolist() for i in range(analysis.size)]
    p = (np.bincount(stems, minlength=len(analysis.vocabulary)) / len(stems)).tolist()

    def mean(i: int) -> float:
        return sum(p[w] for w in words[i]) / len(words[i]) if words[i] else 0.0

    def products(i: int) -> float:
        held = words[i]
        return sum(p[w] * (held.count(w) / len(held)) for w in sorted(set(held)))

    rate, switched = mean, None
    left = list(range(analysis.size))
    order: list[int] = []
    while left:
        ratings = [rate(i) for i in left]
        best = max(ratings)
        if best == 0.0:
            return order + left, switched
        if rate is mean and best <= sys.float_info.min:
            rate, switched = products, len(order)
            continue
        chosen = min(i for i, r in zip(left, ratings, strict=True) if r >= best - TIE * best)
        order.append(chosen)
        left.remove(chosen)
        for w in words[chosen]:
            p[w] *= p[w]  # squared once per occurrence
    return order, switched


def _plain_kl(analysis: Analysis) -> list[int]:
    """Every sentence left rated afresh after every pick, from sumy's formula less the part all
    share; the earliest within TIE of the lowest."""
    content = ~analysis.form_stop[analysis.tokens]
    counts = np.zeros((analysis.size, len(analysis.forms)))
    np.add.at(counts, (analysis.token_rows[content], analysis.tokens[content]), 1)
    q = counts.sum(axis=0) / counts.sum()
    words = np.diff(analysis.bounds)  # every word of a sentence: what it adds to the summary
    summary, summary_length = np.zeros_like(q), 0
    left = list(range(analysis.size))
    order: list[int] = []
    while left:
        ratings = []
        for i in left:
            # Σ q log(q / joint) over the union of words, less what words only in the summary
            # add (the same for every candidate): q (log q − log c) or q (log s − log(s + c)),
            # plus log(len x + len S) times q summed over the union.
            held = np.flatnonzero(counts[i])
            c, s, qw = counts[i, held], summary[held], q[held]
            with np.errstate(divide="ignore"):
                h = np.where(s > 0, qw * (np.log(s) - np.log(s + c)), qw * (np.log(qw) - np.log(c)))
            union = q[summary > 0].sum() + qw[s == 0].sum()
            joint = counts[i].sum() + summary_length
            ratings.append(h.sum() + (np.log(joint) if joint else 0.0) * union)
        best = min(ratings)
        chosen = min(i for i, r in zip(left, ratings, strict=True) if r <= best + TIE * abs(best))
        order.append(chosen)
        left.remove(chosen)
        summary += counts[chosen]
        summary_length += int(words[chosen])
    return order


def _long_text(sentences: int) -> Document:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from longtext import text

    document = load(text(sentences).encode(), language="en")
    assert len(document.candidates) > sentences * 0.8
    return document


def test_kl_is_the_plain_greedy_on_a_long_text(shared_eval: Path) -> None:
    document = _long_text(150)
    plain = _plain_kl(analyse(document))
    assert rank(document, "kl").order.tolist() == [document.candidates[i] for i in plain]
    for opening in (0, 20):
        assert ranked(analyse(document), opening).order.tolist() == plain


def test_sum_basic_is_the_plain_greedy_on_a_long_text(shared_eval: Path) -> None:
    """The text speed.py times against sumy: a few hundred picks, most of them from a heap whose
    top was rated before the last pick, and late ties among sentences of words said once."""
    document = _long_text(400)
    plain = _plain_sum_basic(analyse(document))
    assert rank(document, "sum-basic").order.tolist() == [document.candidates[i] for i in plain]


@pytest.mark.parametrize(
    ("method", "plain", "articles"), [("kl", _plain_kl, 6), ("sum-basic", _plain_sum_basic, 8)]
)
def test_the_plain_greedy_with_repeated_sentences(
    shared_eval: Path, method: str, plain: Callable[[Analysis], list[int]], articles: int
) -> None:
    lines = (shared_eval / "bbc_news_summary-dev.jsonl").read_text("utf-8").splitlines()
    for line in lines[:articles]:
        text = json.loads(line)["text"]
        document = load(f"{text}\n\n{text}".encode(), language="en")
        expected = plain(analyse(document))
        ours = rank(document, method).order.tolist()
        assert ours == [document.candidates[i] for i in expected]
        if method == "kl":
            assert ranked(analyse(document), 0).order.tolist() == expected


def _few_words(seed: int, *, common: bool = True) -> Document:
    """A random text of few distinct words, so many sentences rate alike or the same; with
    ``common``, a few of them in most sentences, and exact twins."""
    import random

    rnd = random.Random(seed)
    content = [f"{a}{b}" for a in ("zor", "quil", "marv", "telb") for b in ("ax", "op", "un")]
    # A few words in most sentences: many fresh-word updates at once (kl).
    frequent = content[:3] * 6 if common else []
    stop = ["the", "and", "of", "a"]
    sentences = []
    for _ in range(rnd.randint(70, 140)):
        if common and sentences and rnd.random() < 0.15:
            sentences.append(rnd.choice(sentences))  # an exact twin: a tie
            continue
        words = rnd.choices(content + frequent, k=rnd.randint(1, 9))
        words += rnd.choices(stop, k=rnd.randint(0, 4))
        rnd.shuffle(words)
        sentences.append(" ".join(words).capitalize() + ".")
    return _document(sentences, more_than=60)


def _document(sentences: list[str], more_than: int) -> Document:
    """The sentences, four to a paragraph, as an English document of more than ``more_than``
    candidates."""
    text = "\n\n".join(" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4))
    document = load(text.encode(), language="en")
    assert len(document.candidates) > more_than
    return document


@pytest.mark.parametrize("seed", range(6))
def test_kl_is_the_plain_greedy_on_random_texts_full_of_ties(seed: int) -> None:
    """The bounds kl picks from must still find every candidate within TIE of the best, and the
    earliest of them."""
    _assert_kl_is_the_plain_greedy(_few_words(seed))


@pytest.mark.parametrize("seed", [1, 3, 209])
def test_sum_basic_is_the_plain_greedy_where_ratings_are_subnormal(seed: int) -> None:
    """Each of a few words picked again and again: the last third of the picks or more are
    decided among ratings below the smallest normal float (with seed 209, sums of probabilities
    there would order two sentences otherwise)."""
    document = _few_words(seed, common=False)
    plain, switched = _plain_sum_basic_picks(analyse(document))
    assert switched is not None
    assert switched < len(plain) * 0.7
    assert rank(document, "sum-basic").order.tolist() == [document.candidates[i] for i in plain]


@pytest.mark.parametrize("seed", range(4))
def test_kl_is_the_plain_greedy_when_many_sentences_share_a_bound(seed: int) -> None:
    """Made-up words each used exactly twice, three or four to a sentence: sentences of one
    length hold different words of the same frequency, so their bounds are equal floats, which
    kl's heaps keep apart by nudging each below the other. The picks must not change."""
    import random

    rnd = random.Random(seed)
    words = [
        f"{a}{b}{c}"
        for a in ("bra", "clo", "dru", "fle", "gri")
        for b in ("ma", "ne", "ti", "zo")
        for c in ("k", "p", "x", "v")
    ]
    pool = words * 2
    rnd.shuffle(pool)
    sentences, start = [], 0
    while start < len(pool):
        size = rnd.choice((3, 4))
        sentences.append(" ".join(pool[start : start + size]).capitalize() + ".")
        start += size
    _assert_kl_is_the_plain_greedy(_document(sentences, more_than=40))


@pytest.mark.parametrize("seed", range(3))
def test_kl_is_the_plain_greedy_with_most_keys_in_reserve(
    shared_eval: Path, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each length's heap holds its two lowest keys, the others wait in its reserve until the
    bound reaches them (a long text's heaps hold the lowest 128): keys filed again on either side
    of the reserve's lowest, heaps emptied and refilled at almost every pick."""
    monkeypatch.setattr(kl, "_HEAP_KEYS", 2)
    _assert_kl_is_the_plain_greedy(_few_words(seed))
    if seed == 0:
        _assert_kl_is_the_plain_greedy(_long_text(150))


@pytest.mark.parametrize("seed", range(3))
def test_kl_is_the_plain_greedy_with_anchors(
    shared_eval: Path, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Holders of the last picks' least covered words wait in those words' heaps, under a bound
    that adds the word's column now; short texts replace an anchor at almost every pick, moving
    its heap back to the lengths' (with heaps of two keys too)."""
    _assert_kl_is_the_plain_greedy(_few_words(seed))
    _assert_kl_is_the_plain_greedy(_long_text(150 + 100 * seed))
    monkeypatch.setattr(kl, "_HEAP_KEYS", 2)
    _assert_kl_is_the_plain_greedy(_long_text(150))


def _assert_kl_is_the_plain_greedy(document: Document) -> None:
    """kl ranks the document as the plain greedy does: with the default opening rated by numpy,
    with none and with ten picks."""
    plain = _plain_kl(analyse(document))
    assert rank(document, "kl").order.tolist() == [document.candidates[i] for i in plain]
    for opening in (0, 10):
        assert ranked(analyse(document), opening).order.tolist() == plain
