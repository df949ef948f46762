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

from desktop.engine.methods import TIE, Scores, checkpoint

if TYPE_CHECKING:
    import numpy as np
    from scipy import sparse

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

    def sizes(self, which: int, words: list[int]) -> list[int]:
        """How many slots hold each of ``words`` in matrix ``which``."""
        starts = self.starts[which]
        return [starts[w + 1] - starts[w] for w in words]

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
    from scipy import sparse

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
    from scipy import sparse

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
    log_int = np.log(np.maximum(np.arange(len(tokens) + int(most.max()) + 2), 1)).tolist()
    log_q = np.log(np.where(q > 0, q, 1.0)).tolist()
    all_words = np.diff(analysis.bounds)
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
    for step in range(n):
        if step % _CHECK_EVERY == 0:
            checkpoint()
        g_s, u_s, length_s = pool.arrays
        out = kl[: len(g_s)]
        log_lengths[summary_length : summary_length + longest + 1].take(length_s, out=out)
        out *= u_s
        out += g_s
        best = pool.pick(pool.best(out, -1.0), np.inf)
        order[step] = best
        summary_length += int(all_words[best])
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
            for k in range(most_list[w]):
                if before:
                    old = q_w * (log_int[before + k] - log_int[before + k + 1])
                elif k:
                    old = q_w * (log_int[k] - log_int[k + 1])
                else:
                    old = q_w * log_q[w]
                changed.append(column + k)
                changes.append(q_w * (log_int[after + k] - log_int[after + k + 1]) - old)
            if not before:
                fresh.append(column)  # (w, 0): every candidate holding w
                lost.append(-q_w)
        slots = pool.slots(0, changed)
        np.add.at(g_s, np.concatenate(slots), np.repeat(changes, pool.sizes(0, changed)))
        if fresh:  # U = Q + R: Q grows for everyone, R shrinks where the word was
            u_s -= sum(lost)
            holders = np.concatenate(pool.slots(0, fresh))
            np.add.at(u_s, holders, np.repeat(lost, pool.sizes(0, fresh)))
        pool.compact()
    return _pick_order_scores(order)


def rank_sum_basic(analysis: Analysis) -> Scores:
    """SumBasic: pick the sentence whose content words are most probable on average, then square
    the probability of each of its words (once per occurrence), so what is said once counts less.

    Probabilities only shrink, so a rating computed earlier bounds the current one from above:
    the candidate on top of the heap is rated again until the top is fresh (none of its words
    changed since). When the best rating left is 0, so are all the others: they follow in
    document order.
    """
    import heapq

    import numpy as np

    n = analysis.size
    counts = analysis.counts
    if n == 0:
        return _pick_order_scores(np.zeros(0, dtype=np.int64))
    frequency = np.asarray(counts.sum(axis=0)).ravel()
    total = frequency.sum()
    if total == 0:
        return _pick_order_scores(np.arange(n))
    p = frequency / total
    lengths = np.asarray(counts.sum(axis=1)).ravel()
    # Each entry is its word's weight in the sentence's average: count / length.
    indptr = counts.indptr
    weights = counts.data / lengths[np.repeat(np.arange(n), np.diff(indptr))]
    first = counts.copy()
    first.data = weights
    # Rating one candidate is a short sum: plain Python lists beat numpy's per-call cost.
    starts = indptr.tolist()
    entries = list(zip(counts.indices.tolist(), weights.tolist(), strict=True))
    times = list(zip(counts.indices.tolist(), counts.data.astype(int).tolist(), strict=True))
    rows = [entries[starts[i] : starts[i + 1]] for i in range(n)]
    probability = p.tolist()

    def rating(i: int) -> float:
        return sum([probability[w] * weight for w, weight in rows[i]])

    # Heap entries: (minus the rating, sentence), so the best and then the earliest come first.
    heap = [(-r, i) for i, r in enumerate((first @ p).tolist())]
    heapq.heapify(heap)
    # A rating is stale once a word of its sentence changed probability: those sentences are
    # marked when it happens (the word's column of the count matrix).
    columns = counts.tocsc()
    holders, column_starts = columns.indices, columns.indptr.tolist()
    stale = np.zeros(n, dtype=bool)
    order: list[int] = []
    step = 0
    while heap:
        if step % _CHECK_EVERY == 0:
            checkpoint()
        top, i = heap[0]
        if stale[i]:
            heapq.heapreplace(heap, (-rating(i), i))
            stale[i] = False
            continue
        if top == 0.0:  # the floor: every rating left is 0
            order.extend(sorted(j for _, j in heap))
            break
        # Ratings tied with the top (within TIE): the earliest sentence wins.
        limit = top + TIE * abs(top)
        tied = [heapq.heappop(heap)]
        while heap and heap[0][0] <= limit:
            j = heap[0][1]
            if stale[j]:
                heapq.heapreplace(heap, (-rating(j), j))
                stale[j] = False
            else:
                tied.append(heapq.heappop(heap))
        chosen = min(j for _, j in tied)
        for entry in tied:
            if entry[1] != chosen:
                heapq.heappush(heap, entry)
        order.append(chosen)
        step += 1
        changed = []
        for w, count in times[starts[chosen] : starts[chosen + 1]]:
            if probability[w] != 0.0:  # a probability that reached 0 changes nothing any more
                changed.append(holders[column_starts[w] : column_starts[w + 1]])
                for _ in range(count):  # sumy squares once per occurrence
                    probability[w] *= probability[w]
        if changed:
            stale[np.concatenate(changed)] = True
    return _pick_order_scores(np.asarray(order, dtype=np.int64))
