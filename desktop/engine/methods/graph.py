"""Methods over the sentence-similarity graph: lex-rank, text-rank and reduction.

All three follow sumy (``sumy/summarizers/{lex_rank,text_rank,reduction}.py``) number for number,
without ever holding a dense sentence × sentence matrix:

- lex-rank thresholds idf-modified cosine similarities at 0.1, over distinct sentences only: a
  repeated passage is one node with a multiplicity, not a clique. Its edges grow with the square of
  the sentences; the graph is held through the words that make them (``similarity_graph``).
- text-rank and reduction weigh two sentences by their shared words divided by the sum of the
  logarithms of their lengths. That weight is never stored: the graph is only ever multiplied by a
  vector, and grouping sentences by length turns each product into sparse products with the
  (sentences × words) count matrix (see ``_OverlapGraph``).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from desktop.engine.methods import Scores, checkpoint
from desktop.engine.methods.rows import Rows, row_sums
from desktop.engine.methods.similarity_graph import similarity_graph

if TYPE_CHECKING:
    import numpy as np

    from desktop.engine.analysis import Analysis

LEX_RANK_THRESHOLD = 0.1  # sumy LexRankSummarizer.threshold
LEX_RANK_EPSILON = 0.1  # sumy LexRankSummarizer.epsilon (power method stops below it)
TEXT_RANK_DAMPING = 0.85  # sumy TextRankSummarizer.damping
TEXT_RANK_EPSILON = 1e-4  # sumy TextRankSummarizer.epsilon
TEXT_RANK_ZERO_DIVISION = 1e-7  # sumy TextRankSummarizer._ZERO_DIVISION_PREVENTION


def rank_lex_rank(analysis: Analysis) -> Scores:
    import numpy as np

    n = analysis.size
    if n == 0:
        return Scores(np.zeros(0))
    unit = _unit_rows(analysis.counts)
    # Sentences with the same unit vector (a repeated passage) have the same neighbours and
    # are neighbours of each other: in the full graph they form a clique whose edges grow with
    # the square of the repetitions. They are merged into one node of multiplicity m. Starting
    # from the uniform vector, the power method keeps equal values on equal sentences, so on the
    # merged graph H it is exact: degree = H m, (G (p / degree))_a = Σ_b H_ab m_b p_b / degree_b.
    first, inverse = _distinct_rows(unit)
    graph = similarity_graph(unit.take(first), LEX_RANK_THRESHOLD)
    multiplicity = np.bincount(inverse).astype(float)
    degree = graph @ multiplicity
    degree[degree == 0] = 1.0
    # sumy's power method: p ← Mᵀp / ‖Mᵀp‖ until the step is at most epsilon, where M is the
    # graph with each row divided by its degree (the graph is symmetric, so Mᵀp = G (p / degree)).
    # Norms are taken over every sentence (the merged vector expanded back).
    p = np.full(len(first), 1.0 / n)
    step = 1.0
    while step > LEX_RANK_EPSILON:
        checkpoint()
        following = graph @ (multiplicity * p / degree)
        norm = np.linalg.norm(following[inverse])
        if norm == 0.0:  # no sentence has a word with a usable idf: nothing to prefer
            return Scores(np.zeros(n))
        following /= norm
        step = float(np.linalg.norm((following - p)[inverse]))
        p = following
    return Scores(p[inverse])


def _unit_rows(counts: Rows) -> Rows:
    """Each sentence's idf-modified term vector, divided by its length (sumy's cosine terms)."""
    import numpy as np

    n, terms, rows = counts.height, counts.width, counts.rows
    # sumy: tf is the count divided by the sentence's highest count; idf = log(N / (1 + n_t)).
    nonempty = np.diff(counts.indptr) > 0
    highest = np.ones(n)
    highest[nonempty] = np.maximum.reduceat(counts.data, counts.indptr[:-1][nonempty])
    df = np.bincount(counts.indices, minlength=terms)
    idf = np.log(n / (1.0 + df))
    weights = counts.data / highest[rows] * idf[counts.indices]
    norms = np.sqrt(np.bincount(rows, weights * weights, minlength=n))
    # A sentence whose weights are all zero is similar to nothing, not even itself (sumy: 0.0).
    usable = norms[rows] > 0
    return Rows(
        _indptr(rows[usable], n),
        counts.indices[usable],
        weights[usable] / norms[rows][usable],
        terms,
    )


def _distinct_rows(unit: Rows) -> tuple[np.ndarray, np.ndarray]:
    """The first row of each distinct row (ascending), and for every row its distinct row's number.

    Rows are compared by their stored terms and values; the counts are canonical (terms in
    ascending order), so equal vectors store equal bytes. Rows are grouped by a hash of those
    bytes, and each is then checked against the first of its group, entry by entry.
    """
    import numpy as np

    indptr, lengths = unit.indptr, np.diff(unit.indptr)
    terms = unit.indices[: indptr[-1]].astype(np.uint64)
    bits = np.ascontiguousarray(unit.data[: indptr[-1]], dtype=np.float64).view(np.uint64)
    position = np.arange(len(terms)) - np.repeat(indptr[:-1], lengths)
    hashes = _row_hashes(terms, bits, position.astype(np.uint64), lengths)
    _, leaders, group = np.unique(hashes, return_index=True, return_inverse=True)
    # Every row equals the first row of its group, or two different rows shared a hash.
    leader = leaders[group.ravel()]
    same = np.array_equal(lengths, lengths[leader])
    if same:
        theirs = np.repeat(indptr[:-1][leader], lengths) + position
        same = np.array_equal(terms, terms[theirs]) and np.array_equal(bits, bits[theirs])
    if not same:
        return _distinct_rows_one_by_one(unit)
    # Numbered in the order of their first rows.
    number = np.empty(len(leaders), dtype=np.int64)
    order = np.argsort(leaders)
    number[order] = np.arange(len(leaders))
    return leaders[order].astype(np.int64), number[group.ravel()]


def _row_hashes(
    terms: np.ndarray, bits: np.ndarray, position: np.ndarray, lengths: np.ndarray
) -> np.ndarray:
    """A 64-bit hash of each row: its entries, each mixed from its term, its value's bits and its
    place in the row, summed (wrapping), and its length."""
    import numpy as np

    mixed = (terms << np.uint64(32)) ^ position
    mixed ^= bits
    mixed *= np.uint64(0x9E3779B97F4A7C15)
    mixed ^= mixed >> np.uint64(29)
    mixed *= np.uint64(0xBF58476D1CE4E5B9)
    hashes = np.zeros(len(lengths), dtype=np.uint64)
    nonempty = lengths > 0
    if len(mixed):
        starts = np.cumsum(lengths) - lengths
        hashes[nonempty] = np.add.reduceat(mixed, starts[nonempty])
    return hashes ^ lengths.astype(np.uint64) * np.uint64(0x94D049BB133111EB)


def _distinct_rows_one_by_one(unit: Rows) -> tuple[np.ndarray, np.ndarray]:
    """``_distinct_rows`` row by row, through a dictionary of their bytes."""
    import numpy as np

    indices, data = unit.indices.tobytes(), unit.data.tobytes()
    isize, dsize = unit.indices.itemsize, unit.data.itemsize
    bounds = unit.indptr.tolist()
    seen: dict[tuple[bytes, bytes], int] = {}
    first: list[int] = []
    inverse = np.empty(unit.height, dtype=np.int64)
    for row, (a, b) in enumerate(itertools.pairwise(bounds)):
        key = (indices[a * isize : b * isize], data[a * dsize : b * dsize])
        number = seen.setdefault(key, len(first))
        if number == len(first):
            first.append(row)
        inverse[row] = number
    return np.asarray(first, dtype=np.int64), inverse


def _indptr(sorted_rows: np.ndarray, n: int) -> np.ndarray:
    import numpy as np

    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(sorted_rows, minlength=n), out=indptr[1:])
    return indptr


class _OverlapGraph:
    """sumy's text-rank/reduction edge weight, applied to vectors without building the graph.

    ``w(i, j) = shared(i, j) / (log len_i + log len_j)``, where ``shared`` counts the pairs of
    equal words (the product of the two sentences' count vectors) and ``len`` is the number of
    content words. When both sentences are one word long the logarithms sum to zero and sumy uses
    ``single`` instead of the quotient (text-rank: the shared count; reduction: 0).

    The denominator depends only on the two lengths, and a document has few distinct lengths
    (G, about 50 to 100). So ``(W x)_i = Σ_g F[g_i, g] · Σ_t c_it Z[t, g]`` with
    ``Z[t, g] = Σ_{j of length group g} c_jt x_j``: two sparse passes over the counts and a
    (sentences × G) dense product, instead of the (sentences × sentences) graph.
    """

    def __init__(self, counts: Rows, single: float) -> None:
        import numpy as np

        n, self.terms = counts.height, counts.width
        self.counts = counts
        self.rows = counts.rows
        lengths = row_sums(counts.indptr, counts.data)
        self.nonempty = lengths > 0
        distinct, group = np.unique(lengths[self.nonempty], return_inverse=True)
        self.groups = len(distinct)
        self.group = np.zeros(n, dtype=np.int64)
        self.group[self.nonempty] = group
        logs = np.log(distinct)
        total = logs[:, None] + logs[None, :]
        with np.errstate(divide="ignore"):
            self.factor = 1.0 / total
        self.factor[total == 0.0] = single
        # Column of Z that each stored count feeds: (term, group of its sentence).
        self.slot = counts.indices * self.groups + self.group[self.rows]

    def apply(self, x: np.ndarray) -> np.ndarray:
        """``W x`` for the full weight matrix, diagonal included."""
        import numpy as np

        if self.groups == 0:
            return np.zeros_like(x)
        # One more row of Z, all zeros, for ``dot_columns`` to pad rows with.
        z = np.bincount(
            self.slot, self.counts.data * x[self.rows], minlength=(self.terms + 1) * self.groups
        ).reshape(self.terms + 1, self.groups)
        y = self.counts.dot_columns(z)
        out = np.einsum("ij,ij->i", y, self.factor[self.group])
        out[~self.nonempty] = 0.0
        return out

    def diagonal(self) -> np.ndarray:
        """``w(i, i)``: a sentence's weight with itself."""
        import numpy as np

        if self.groups == 0:  # no sentence has a content word: no weights at all
            return np.zeros(len(self.group))
        squares = np.bincount(self.rows, self.counts.data**2, minlength=len(self.group))
        return squares * self.factor[self.group, self.group] * self.nonempty


def rank_text_rank(analysis: Analysis) -> Scores:
    import numpy as np

    n = analysis.size
    if n == 0:
        return Scores(np.zeros(0))
    graph = _OverlapGraph(analysis.counts, single=1.0)
    # sumy normalises each row (plus 1e-7) and mixes in the damping term:
    # M = (1 - d) / n + d · W / rowsum, iterated as p ← Mᵀp until the step is at most epsilon.
    # W is symmetric, so (W / rowsum)ᵀ p = W (p / rowsum).
    denominator = graph.apply(np.ones(n)) + TEXT_RANK_ZERO_DIVISION
    p = np.full(n, 1.0 / n)
    step = 1.0
    while step > TEXT_RANK_EPSILON:
        checkpoint()
        following = (1.0 - TEXT_RANK_DAMPING) / n * p.sum() + TEXT_RANK_DAMPING * graph.apply(
            p / denominator
        )
        step = float(np.linalg.norm(following - p))
        p = following
    return Scores(p)


def rank_reduction(analysis: Analysis) -> Scores:
    import numpy as np

    n = analysis.size
    if n == 0:
        return Scores(np.zeros(0))
    # sumy: each sentence's rating is the sum of its edge weights to every other sentence.
    graph = _OverlapGraph(analysis.counts, single=0.0)
    return Scores(graph.apply(np.ones(n)) - graph.diagonal())
