"""Precis, the default method: the article's lead first, then its most central sentences.

Two tiers, each a few vectorised passes over sparse matrices (no n × n matrix is ever built, so
20,000 sentences rank in well under a second). The matrices are plain numpy arrays in CSR form
(``rows.Rows``), not scipy.sparse, whose import alone costs more than ranking a whole article; every
sum adds the same terms in the same order as scipy's products did, so the scores are the same to
the last bit:

1. **The lead.** Of the opening ``LEAD_WINDOW`` sentences of the first paragraph, the best
   ``LEAD_SIZE`` rank first. "Best" is forward centrality, as in PacSum: how many later sentences
   repeat each of the sentence's content words, per square root of its length, minus a penalty
   for sentences longer than ``LONG_SENTENCE`` words (in pasted news these are mostly a photo
   caption glued to a sentence). When the first paragraph is a one-sentence lead, only that
   sentence is promoted, and only when at least a third of the article's sentences are less
   central (see below): a scene-setting opening the article does not come back to is not news.
2. **The rest**, greedily, by centrality with redundancy control (MMR). Centrality mixes two
   measures by the article's length ``n`` (in sentences):

   - *graph centrality*, for short articles (weight 1 up to ``SHORT`` sentences, falling to 0 at
     ``LONG`` on a log scale): PageRank over the sentences, two sentences linked by the cosine of
     their content-word counts. Words are compared as written (lower-cased), not stemmed: in a
     short article a repeated exact wording is the stronger sign of the sentence the others
     elaborate on.
   - *density*, for long articles: the sum over the sentence's content words of the square root
     of how many other sentences share the word, divided by its length to the power
     ``a = min(1, ln(n) / DENSITY_SCALE)``: complete, content-rich sentences in shorter texts,
     sentences that say a lot in few words in long ones.

   In long articles a small prior favours earlier sentences, and each pick is penalised by its
   highest tf-idf cosine similarity to a sentence already ranked; both fade with the graph's
   weight, because a short article has little to repeat and its order is already the lead.

The constants were set on the dev sets only (docs/quality.md has the figures); they are the same
for every language and kind of text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.engine.methods import CHECK_EVERY, Scores, checkpoint
from desktop.engine.methods.rows import Rows, row_sums

if TYPE_CHECKING:
    import numpy as np

    from desktop.engine.analysis import Analysis

LEAD_WINDOW = 4  # opening sentences that may form the lead
LEAD_SIZE = 3  # of which this many rank first
LONG_SENTENCE = 30  # words; longer lead sentences lose log(words / 30)
LEAD_CENTRAL = 1 / 3  # share of sentences a one-sentence lead must be more central than
DENSITY_SCALE = 5.0  # length exponent a = min(1, ln(n) / 5): 0.6 at 20 sentences, 1 from 148
SHORT = 30  # sentences: up to here, centrality is graph centrality alone
LONG = 100  # sentences: from here, density alone; in between, a mix on a log scale
DAMPING = 0.85  # PageRank's damping factor (the usual value)
PAGERANK_TOLERANCE = 1e-9  # stop when the scores move less than this in total (L1)
PAGERANK_STEPS = 200  # at most; BBC articles converge in 40 (median) to 80 steps
POSITION = 0.05  # weight of -ln(1 + position) against centrality scaled to at most 1
REDUNDANCY = 0.6  # weight of the similarity to the sentences already ranked (MMR)
MMR_DEPTH = 500  # picks made with redundancy control; the rest follow centrality alone


def rank_precis(analysis: Analysis) -> Scores:
    import numpy as np

    n = analysis.size
    if n == 0:
        return Scores(np.zeros(0))
    indptr, indices, counts = analysis.count_arrays
    present = Rows(indptr, indices, np.ones(len(indices)), len(analysis.vocabulary))
    df = np.bincount(indices, minlength=present.width).astype(float)
    length = np.maximum(np.diff(indptr), 1).astype(float)
    doc = analysis.document
    words = np.asarray([doc.word_counts[i] for i in analysis.candidates], dtype=float)

    graph = _graph_weight(n)
    centrality = _density(present, df, length)
    if graph > 0:
        centrality = graph * _scaled(_pagerank(analysis)) + (1.0 - graph) * centrality
    lead = _lead(analysis, present, df, length, words)
    if len(lead) == 1 and np.mean(centrality < centrality[lead[0]]) < LEAD_CENTRAL:
        lead = lead[:0]  # a one-sentence opening the article does not come back to
    prior = centrality - (1.0 - graph) * POSITION * np.log1p(np.arange(n))
    redundancy = (1.0 - graph) * REDUNDANCY
    if redundancy > 0:
        lead = _mmr(
            _unit_tfidf(Rows(indptr, indices, counts, present.width), df), prior, lead, redundancy
        )
    order = _then_by_score(lead, prior)
    values = np.empty(n)
    values[order] = (n - np.arange(n)) / n
    return Scores(values, order)


def _lead(
    analysis: Analysis,
    present: Rows,
    df: np.ndarray,
    length: np.ndarray,
    words: np.ndarray,
) -> np.ndarray:
    """The lead sentences (candidate rows), best first."""
    import numpy as np

    sentences = analysis.document.sentences
    paragraphs = [sentences[i].paragraph for i in analysis.candidates[:LEAD_WINDOW]]
    window = next((i for i, p in enumerate(paragraphs) if p != paragraphs[0]), len(paragraphs))
    end = present.indptr[window]
    columns, column = np.unique(present.indices[:end], return_inverse=True)
    dense = np.zeros((window, len(columns)))
    dense[present.rows[:end], column] = 1.0
    # How many later sentences hold each of the sentence's words: df minus the mentions so far.
    later = (dense * (df[columns] - np.cumsum(dense, axis=0))).sum(axis=1)
    forward = later / np.sqrt(length[:window])
    top = forward.max()
    score = (forward / top if top > 0 else forward) - np.log(
        np.maximum(words[:window] / LONG_SENTENCE, 1.0)
    )
    return np.argsort(-score, kind="stable")[:LEAD_SIZE]


def _graph_weight(n: int) -> float:
    """Share of graph centrality in an article of ``n`` sentences (the rest is density)."""
    import numpy as np

    share = (np.log(LONG) - np.log(max(n, 1))) / (np.log(LONG) - np.log(SHORT))
    return float(np.clip(share, 0.0, 1.0))


def _scaled(score: np.ndarray) -> np.ndarray:
    """``score`` divided by its maximum, so the best sentence has 1."""
    top = score.max()
    return score / top if top > 0 else score


def _density(present: Rows, df: np.ndarray, length: np.ndarray) -> np.ndarray:
    """Shared-word centrality per (content words)^a, scaled so the best sentence has 1."""
    import numpy as np

    exponent = min(1.0, np.log(present.height) / DENSITY_SCALE)
    return _scaled(present.dot(np.sqrt(np.maximum(df - 1.0, 0.0))) / length**exponent)


def _pagerank(analysis: Analysis) -> np.ndarray:
    """PageRank over the cosine similarities of the sentences' content-word counts.

    Words are the lower-cased forms, unstemmed. The similarity graph is never stored: with ``U``
    the unit-length count rows, ``W v = U (Uᵀ v) - v`` (the diagonal, a sentence's similarity to
    itself, removed), two sparse products per step.
    """
    import numpy as np

    n = analysis.size
    tokens = analysis.tokens
    content = ~analysis.form_stop[tokens]
    forms = len(analysis.forms)
    # Each row's forms in descending order: the order scipy's (diagonal @ counts) product left
    # them in, and so the order of the terms of each row's sums below.
    keys, counts = np.unique(
        analysis.token_rows[content] * forms + (forms - 1 - tokens[content]), return_counts=True
    )
    rows = keys // forms
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
    norms = np.sqrt(row_sums(indptr, counts * counts.astype(float)))
    nonempty = norms > 0
    scale = 1.0 / np.where(nonempty, norms, 1.0)
    unit = Rows(indptr, forms - 1 - keys % forms, scale[rows] * counts, forms)

    def similarity(v: np.ndarray) -> np.ndarray:
        return unit.dot(unit.transposed_dot(v)) - np.where(nonempty, v, 0.0)

    # Row sums of W: how much each sentence's score is divided among its neighbours. A sentence
    # similar to no other passes nothing on (only the damping term reaches it).
    outgoing = similarity(np.ones(n))
    linked = outgoing > 1e-12
    share = np.where(linked, outgoing, 1.0)
    score = np.full(n, 1.0 / n)
    for step in range(PAGERANK_STEPS):
        if step % 16 == 0:
            checkpoint()
        following = (1.0 - DAMPING) / n + DAMPING * similarity(np.where(linked, score / share, 0.0))
        moved = float(np.abs(following - score).sum())
        score = following
        if moved < PAGERANK_TOLERANCE:
            break
    return score


def _unit_tfidf(counts: Rows, df: np.ndarray) -> Rows:
    """The tf-idf rows scaled to unit length."""
    import numpy as np

    idf = np.log((counts.height + 1.0) / np.maximum(df, 1.0))
    weighted = counts.data * idf[counts.indices]
    norms = np.sqrt(row_sums(counts.indptr, weighted * weighted))
    scale = 1.0 / np.where(norms > 0, norms, 1.0)
    return Rows(counts.indptr, counts.indices, scale[counts.rows] * weighted, counts.width)


def _mmr(unit: Rows, score: np.ndarray, first: np.ndarray, weight: float) -> np.ndarray:
    """``first``, then up to ``MMR_DEPTH`` greedy picks by score minus ``weight`` × redundancy."""
    import numpy as np

    n = len(score)
    taken = np.zeros(n, dtype=bool)
    redundancy = np.zeros(n)
    order: list[int] = []
    # The sentences holding each word (columns of the rows, in row order).
    by_word = np.argsort(unit.indices, kind="stable")
    word_start = np.zeros(unit.width + 1, dtype=np.int64)
    np.cumsum(np.bincount(unit.indices, minlength=unit.width), out=word_start[1:])
    holders, held = unit.rows[by_word], unit.data[by_word]

    def take(row: int) -> None:
        order.append(row)
        taken[row] = True
        # The picked sentence's cosine with every sentence: its words in ascending order, as in
        # a sparse product (the words it lacks add exact zeros there, which change no sum).
        start, end = unit.indptr[row], unit.indptr[row + 1]
        words, values = unit.indices[start:end], unit.data[start:end]
        sizes = word_start[words + 1] - word_start[words]
        entries = np.repeat(word_start[words] - np.cumsum(sizes) + sizes, sizes) + np.arange(
            sizes.sum()
        )
        cosine = np.bincount(
            holders[entries], held[entries] * np.repeat(values, sizes), minlength=n
        )
        np.maximum(redundancy, cosine, out=redundancy)

    for row in first.tolist():
        take(row)
    for pick in range(min(MMR_DEPTH, n - len(order))):
        if pick % CHECK_EVERY == 0:
            checkpoint()
        gain = np.where(taken, -np.inf, score - weight * redundancy)
        take(int(np.argmax(gain)))
    return np.asarray(order, dtype=np.int64)


def _then_by_score(first: np.ndarray, score: np.ndarray) -> np.ndarray:
    """``first``, then every other row by score, best first (ties: the earlier row)."""
    import numpy as np

    taken = np.zeros(len(score), dtype=bool)
    taken[first] = True
    rest = np.argsort(-score, kind="stable")
    return np.concatenate([first, rest[~taken[rest]]]).astype(np.int64)
