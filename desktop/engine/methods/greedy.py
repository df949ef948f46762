"""Greedy methods: kl and sum-basic, whose ranking is the order in which sentences are picked.

Both follow sumy (``sumy/summarizers/{kl,sum_basic}.py``) pick for pick, to the end of the
document, so a summary of any length is a prefix of one ranking. sumy re-rates every remaining
sentence from its words after every pick: quadratic in sentences, times their words.

- kl keeps each candidate's divergence as a sum over its words. A pick changes the statistics of
  its own words only, so only the candidates sharing one of them are updated (at once, with
  numpy), and a pick costs one pass over the divergences of the candidates left.
- sum-basic's ratings never rise, so it is lazy: candidates wait in a heap by their last rating,
  and only the one on top is rated again, until the top is fresh.

Among equal ratings (within ``TIE``) the earliest sentence wins, which is what sumy means; sumy
itself sees rounding noise as a difference.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# Imported with the module, before ranking.rank starts its clock: scipy.sparse costs 0.1 s.
from scipy import sparse

from desktop.engine.methods import TIE, Scores, checkpoint

if TYPE_CHECKING:
    import numpy as np

    from desktop.engine.analysis import Analysis

_CHECK_EVERY = 64  # picks between two cancellation checks


def _pick_order_scores(order: np.ndarray) -> Scores:
    """Scores from a pick order: 1 for the first pick down to 1/n for the last."""
    import numpy as np

    n = len(order)
    values = np.empty(n)
    values[order] = (n - np.arange(n)) / max(n, 1)
    return Scores(values, order)


class _Pool:
    """The candidates not yet picked, in document order, as "slots".

    It holds per-slot arrays (the first one is the rating) and, for each word, the slots whose
    sentence holds it (CSC matrices, rows are slots). A pick marks its slot dead with a rating that
    never wins; once a quarter of the slots are dead they are dropped from the arrays and the
    matrices, so both the pass over the ratings and the updates shrink as the ranking proceeds.
    """

    def __init__(self, matrices: list[sparse.csc_matrix], *arrays: np.ndarray) -> None:
        import numpy as np

        self.candidate = np.arange(len(arrays[0]))
        self.matrices = matrices
        self.arrays = list(arrays)
        self.dead = 0
        self.starts = [m.indptr.tolist() for m in matrices]

    def slots(self, which: int, words: list[int]) -> list[np.ndarray]:
        """For each of ``words``, the slots holding it in matrix ``which`` (views, no copy)."""
        indices, starts = self.matrices[which].indices, self.starts[which]
        return [indices[starts[w] : starts[w + 1]] for w in words]

    def best(self, values: np.ndarray, sign: float) -> int:
        """The slot with the highest (``sign`` 1) or lowest (-1) value; the first among ties."""
        import numpy as np

        best = int(np.argmax(values) if sign > 0 else np.argmin(values))
        if best == 0:
            return best
        value = values[best]
        limit = value - sign * (TIE * abs(value) + 1e-300)
        prefix = values[:best]
        if (prefix.max() < limit) if sign > 0 else (prefix.min() > limit):
            return best
        return int(np.flatnonzero(sign * prefix >= sign * limit)[0])

    def pick(self, slot: int, dead: float) -> int:
        self.arrays[0][slot] = dead
        self.dead += 1
        return int(self.candidate[slot])

    def compact(self) -> None:
        import numpy as np

        if self.dead * 4 < len(self.candidate):
            return
        keep = np.isfinite(self.arrays[0])
        self.candidate = self.candidate[keep]
        self.arrays = [a[keep] for a in self.arrays]
        renumber = np.cumsum(keep) - 1
        for k, matrix in enumerate(self.matrices):
            live = keep[matrix.indices]
            column = np.repeat(np.arange(matrix.shape[1]), np.diff(matrix.indptr))
            indptr = np.zeros(matrix.shape[1] + 1, dtype=matrix.indptr.dtype)
            np.cumsum(np.bincount(column[live], minlength=matrix.shape[1]), out=indptr[1:])
            self.matrices[k] = sparse_csc(
                matrix.data[live], renumber[matrix.indices[live]], indptr, len(self.candidate)
            )
            self.starts[k] = indptr.tolist()
        self.dead = 0


def sparse_csc(
    data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, rows: int
) -> sparse.csc_matrix:

    return sparse.csc_matrix((data, indices, indptr), shape=(rows, len(indptr) - 1))


def rank_kl(analysis: Analysis) -> Scores:
    """KL-Sum: add the sentence that makes the summary's word distribution closest to the text's.

    sumy's divergence of a candidate ``x`` given the summary ``S`` sums, over the content words
    ``w`` of ``x`` and of ``S`` (surface forms, not stems), ``q_w · log(q_w / j_w)``, where ``q`` is
    the document's content-word frequency and ``j_w = (c_xw + s_w) / (len x + len S)``; ``len x``
    counts content words and ``len S`` every word of the summary, stop words included. Split by
    whether ``s_w`` is zero, that is ``A(S) + G_x + log(len x + len S) · (Q(S) + R_x)`` with

    - ``G_x = Σ_{w in x} h(c_xw, s_w)``: ``q_w (log q_w − log c)`` if ``s = 0``, else
      ``q_w (log s − log(s + c))``;
    - ``R_x = Σ_{w in x, s_w = 0} q_w``; ``A(S)`` and ``Q(S)`` are the same for every candidate.

    ``h(c, s)`` telescopes into ``c`` terms, one per occurrence ``k < c``: ``q_w log q_w`` or
    ``q_w (log k − log(k + 1))`` while ``s = 0``, then ``q_w (log(s + k) − log(s + k + 1))``. So
    each (word, k) is a column of its own, held by the candidates with more than ``k`` of the
    word, and a pick changes each of its columns by one amount for all their holders: one scatter
    per pick. Ties (within ``TIE``) go to the earliest sentence; sumy's ``kls.index(min(kls))``
    means the same but sees rounding noise as a difference.
    """
    import numpy as np

    n = analysis.size
    if n == 0:
        return _pick_order_scores(np.zeros(0, dtype=np.int64))
    tokens = analysis.tokens
    content = ~analysis.form_stop[tokens]
    forms = len(analysis.forms)
    words = sparse.csr_matrix(
        (
            np.ones(int(content.sum()), dtype=np.int64),
            (analysis.token_rows[content], tokens[content]),
        ),
        shape=(n, forms),
    )
    words.sum_duplicates()
    frequency = np.bincount(tokens[content], minlength=forms)
    if frequency.sum() == 0:  # no content words: every divergence is 0, sumy picks in order
        return _pick_order_scores(np.arange(n))
    q = frequency / frequency.sum()
    lengths = np.asarray(words.sum(axis=1)).ravel().astype(np.int64)
    # Column (w, k) for k < the most times any candidate holds w.
    most = np.zeros(forms, dtype=np.int64)
    np.maximum.at(most, words.indices, words.data)
    first_column = np.concatenate([[0], np.cumsum(most)])
    per_entry = words.data
    rows = np.repeat(np.repeat(np.arange(n), np.diff(words.indptr)), per_entry)
    shift = np.arange(len(rows)) - np.repeat(np.cumsum(per_entry) - per_entry, per_entry)
    held = np.repeat(first_column[words.indices], per_entry) + shift
    columns = sparse.csc_matrix(
        (np.ones(len(rows)), (rows, held)), shape=(n, int(first_column[-1]))
    )
    # The values of every column with an empty summary; G and R of every candidate.
    q_list = q.tolist()
    word_of = np.repeat(np.arange(forms), most)
    k_of = np.arange(int(first_column[-1])) - first_column[word_of]
    with np.errstate(divide="ignore"):
        value = q[word_of] * np.where(
            k_of == 0, np.log(np.where(q > 0, q, 1.0))[word_of], np.log(k_of / (k_of + 1.0))
        )
    column_rows = np.repeat(np.arange(columns.shape[1]), np.diff(columns.indptr))
    g = np.bincount(columns.indices, value[column_rows], minlength=n)
    r = np.bincount(np.repeat(np.arange(n), np.diff(words.indptr)), q[words.indices], minlength=n)
    # step[j] = log j - log(j + 1) (log 0 read as 0): a column's value is q_w times a step.
    log_int = np.log(np.maximum(np.arange(len(tokens) + int(most.max()) + 3), 1))
    step = (log_int[:-1] - log_int[1:]).tolist()
    log_q = np.log(np.where(q > 0, q, 1.0)).tolist()
    all_words = np.diff(analysis.bounds).tolist()
    # Per slot: G, U = Q + R (kept together: Q is shared by all) and the length.
    pool = _Pool([columns], g, r, lengths)
    summary = [0] * forms  # s_w: occurrences in the summary
    summary_length = 0
    longest = int(lengths.max())
    log_lengths = np.log(np.maximum(np.arange(len(tokens) + longest + 2), 1))
    most_list, first_list = most.tolist(), first_column.tolist()
    kl = np.empty(n)
    order = np.empty(n, dtype=np.int64)
    indptr, indices, data = words.indptr.tolist(), words.indices.tolist(), words.data.tolist()
    for pick in range(n):
        if pick % _CHECK_EVERY == 0:
            checkpoint()
        g_s, u_s, length_s = pool.arrays
        out = kl[: len(g_s)]
        # Lengths never leave the window: "clip" only skips numpy's bounds check.
        window = log_lengths[summary_length : summary_length + longest + 1]
        window.take(length_s, out=out, mode="clip")
        out *= u_s
        out += g_s
        best = pool.pick(pool.best(out, -1.0), np.inf)
        order[pick] = best
        summary_length += all_words[best]
        start, stop = indptr[best], indptr[best + 1]
        if start == stop:
            pool.compact()
            continue
        changed, changes, fresh, lost = [], [], [], []
        for w, times in zip(indices[start:stop], data[start:stop], strict=True):
            before = summary[w]
            after = summary[w] = before + times
            q_w = q_list[w]
            column = first_list[w]
            if not before:
                fresh.append(len(changed))  # where its (w, 0) column goes
                lost.append(-q_w)
            for k in range(most_list[w]):
                old = q_w * step[before + k] if before or k else q_w * log_q[w]
                changed.append(column + k)
                changes.append(q_w * step[after + k] - old)
        slots = pool.slots(0, changed)
        sizes = list(map(len, slots))
        np.add.at(g_s, np.concatenate(slots), np.repeat(changes, sizes))
        if fresh:  # U = Q + R: Q grows for everyone, R shrinks where the word was
            u_s -= sum(lost)
            holders = np.concatenate([slots[i] for i in fresh])
            np.add.at(u_s, holders, np.repeat(lost, [sizes[i] for i in fresh]))
        pool.compact()
    return _pick_order_scores(order)


def rank_sum_basic(analysis: Analysis) -> Scores:
    """SumBasic: pick the sentence whose content words are most probable on average, then square
    the probability of each of its words (once per occurrence), so what is said once counts less.

    Probabilities only shrink, so a rating computed earlier bounds the current one from above:
    candidates wait in a heap by their last rating, and the one on top is rated again until its
    rating was made since the last pick or comes out unchanged, bit for bit (the same sum of the
    same products): then it is current, and no other can be higher. When the best rating left is
    0, so are all the others: they follow in document order.
    """
    import heapq
    from itertools import pairwise
    from operator import mul

    import numpy as np

    n = analysis.size
    if n == 0:
        return _pick_order_scores(np.zeros(0, dtype=np.int64))
    indptr, indices, data = analysis.count_arrays
    frequency = np.bincount(indices, data, minlength=len(analysis.vocabulary))
    total = frequency.sum()
    if total == 0:
        return _pick_order_scores(np.arange(n))
    p = frequency / total
    rows = np.repeat(np.arange(n), np.diff(indptr))
    lengths = np.bincount(rows, data, minlength=n)
    # Each entry is its word's weight in the sentence's average: count / length.
    weights = data / lengths[rows]
    # Rating one candidate is a short sum: plain Python lists beat numpy's per-call cost. The
    # first ratings add the same products in the same order as sum() does (before Python 3.12,
    # whose sum() compensates rounding: there a first rating may be off in the last bit).
    ratings = np.bincount(rows, weights * p[indices], minlength=n).tolist()
    spans = list(pairwise(indptr.tolist()))
    all_words, all_weights = indices.tolist(), weights.tolist()
    words = [all_words[a:b] for a, b in spans]
    weighed = [all_weights[a:b] for a, b in spans]
    # sumy squares a word's probability once per occurrence: the words a sentence holds more than
    # once, as often again as they repeat (few sentences have any).
    repeats = data > 1
    again: dict[int, list[int]] = {}
    for i, w, times in zip(
        rows[repeats].tolist(), indices[repeats].tolist(), data[repeats].tolist(), strict=True
    ):
        again.setdefault(i, []).extend([w] * (int(times) - 1))
    probability = p.tolist()
    get = probability.__getitem__

    # Heap entries: (minus the rating, sentence, picks made when it was rated), so the best and
    # then the earliest come first; a rating made since the last pick is current. A sentence
    # picked from below the top keeps its entry until it surfaces.
    heap = [(-r, i, 0) for i, r in enumerate(ratings)]
    heapq.heapify(heap)
    picked = bytearray(n)
    order: list[int] = []
    while len(order) < n:
        made = len(order)
        if made % _CHECK_EVERY == 0:
            checkpoint()
        while True:  # until the top is current
            top, i, rated = heap[0]
            if picked[i]:
                heapq.heappop(heap)
                continue
            if rated == made:
                break
            rating = sum(map(mul, map(get, words[i]), weighed[i]))
            if rating == -top:
                break
            heapq.heapreplace(heap, (-rating, i, made))
        if top == 0.0:  # the floor: every rating left is 0
            order.extend(sorted(j for _, j, _ in heap if not picked[j]))
            break
        # Ratings tied with the top (within TIE): the earliest sentence wins, so only earlier
        # sentences whose last rating was within TIE can take its place. The heap below an entry
        # rated lower than that holds none, which usually ends the search at the top's children.
        limit = top + TIE * abs(top)
        earlier, below = [], [1, 2]
        while below:
            k = below.pop()
            if k < len(heap) and heap[k][0] <= limit:
                if heap[k][1] < i and not picked[heap[k][1]]:
                    earlier.append(heap[k][1])
                below += (2 * k + 1, 2 * k + 2)
        chosen = i
        for j in sorted(earlier):
            if -sum(map(mul, map(get, words[j]), weighed[j])) <= limit:
                chosen = j
                break
        if chosen == i:
            heapq.heappop(heap)
        else:
            picked[chosen] = True
        order.append(chosen)
        for w in words[chosen]:
            probability[w] *= probability[w]
        for w in again.get(chosen, ()):
            probability[w] *= probability[w]
    return _pick_order_scores(np.asarray(order, dtype=np.int64))
