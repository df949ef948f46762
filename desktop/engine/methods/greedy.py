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
        self.starts = [m.indptr.tolist() for m in matrices]
        self.arrays = list(arrays)
        self.dead = 0

    def slots(self, which: int, words: list[int]) -> list[np.ndarray]:
        """For each of ``words``, the slots holding it in matrix ``which`` (views, no copy)."""
        indices, starts = self.matrices[which].indices, self.starts[which]
        return [indices[starts[w] : starts[w + 1]] for w in words]

    def values(self, which: int, words: list[int]) -> list[np.ndarray]:
        """The stored values that go with ``slots(which, words)``."""
        data, starts = self.matrices[which].data, self.starts[which]
        return [data[starts[w] : starts[w + 1]] for w in words]

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


def _select_entries(matrix: sparse.csc_matrix, mask: np.ndarray) -> sparse.csc_matrix:
    """The entries of ``matrix`` where ``mask`` holds (same shape)."""
    import numpy as np

    column = np.repeat(np.arange(matrix.shape[1]), np.diff(matrix.indptr))
    indptr = np.zeros(matrix.shape[1] + 1, dtype=matrix.indptr.dtype)
    np.cumsum(np.bincount(column[mask], minlength=matrix.shape[1]), out=indptr[1:])
    return sparse_csc(matrix.data[mask], matrix.indices[mask], indptr, matrix.shape[0])


def rank_kl(analysis: Analysis) -> Scores:
    """KL-Sum: add the sentence that makes the summary's word distribution closest to the text's.

    sumy's divergence of a candidate ``x`` given the summary ``S`` sums, over the content words
    ``w`` of ``x`` and of ``S`` (surface forms, not stems), ``q_w · log(q_w / j_w)`` where ``q`` is
    the document's content-word frequency and ``j_w = (c_xw + s_w) / (len x + len S)``; ``len x``
    counts content words and ``len S`` every word of the summary, stop words included. Split by
    whether ``s_w`` is zero, that is ``A(S) + G_x + log(len x + len S) · (Q(S) + R_x)`` with

    - ``G_x = Σ_{w in x} h(c_xw, s_w)``: ``q_w (log q_w − log c)`` if ``s = 0``, else
      ``q_w (log s − log(s + c))``;
    - ``R_x = Σ_{w in x, s_w = 0} q_w``; ``A(S)`` and ``Q(S)`` are the same for every candidate.

    A pick changes ``s_w`` for its own words only, so only candidates sharing one of them change
    ``G`` and ``R``. Ties (within ``TIE``) go to the earliest sentence; sumy's
    ``kls.index(min(kls))`` means the same but sees rounding noise as a difference.
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
    log_q = np.log(np.where(q > 0, q, 1.0))
    # Counts and lengths are integers: their logarithms come from one table, where log 0 stands
    # for 0 (an empty candidate with an empty summary has no words: divergence 0).
    log_int = np.log(np.maximum(np.arange(len(tokens) + int(lengths.max()) + 2), 1))
    all_words = np.diff(analysis.bounds)
    rows = np.repeat(np.arange(n), np.diff(words.indptr))
    q_entry = q[words.indices]
    g = np.bincount(rows, q_entry * (log_q[words.indices] - log_int[words.data]), minlength=n)
    r = np.bincount(rows, q_entry, minlength=n)
    # Nearly every word occurs once in its sentence: for those, a pick changes h by the same
    # amount in every candidate, computed once per word.
    columns = words.tocsc()
    once = columns.data == 1
    pool = _Pool([_select_entries(columns, once), _select_entries(columns, ~once)], g, r, lengths)
    several = (np.diff(pool.matrices[1].indptr) > 0).tolist()  # words some candidate repeats
    q_list, log_q_list = q.tolist(), log_q.tolist()
    logs = log_int[: int(frequency.max()) + 2].tolist()  # for s and s + 1, one word at a time
    summary = [0] * forms  # s_w: occurrences in the summary
    summary_length = 0
    covered = 0.0  # Q(S)
    longest = int(lengths.max())
    kl = np.empty(n)
    order = np.empty(n, dtype=np.int64)
    indptr, indices, data = words.indptr.tolist(), words.indices.tolist(), words.data.tolist()
    for step in range(n):
        if step % _CHECK_EVERY == 0:
            checkpoint()
        g_s, r_s, length_s = pool.arrays
        out = kl[: len(g_s)]
        np.take(log_int[summary_length : summary_length + longest + 1], length_s, out=out)
        out *= r_s + covered
        out += g_s
        best = pool.pick(pool.best(out, -1.0), np.inf)
        order[step] = best
        summary_length += int(all_words[best])
        picked = indices[indptr[best] : indptr[best + 1]]
        if not picked:
            pool.compact()
            continue
        changes, fresh, repeated = [], [], []
        for w, times in zip(picked, data[indptr[best] : indptr[best + 1]], strict=True):
            before = summary[w]
            after = summary[w] = before + int(times)
            q_w = q_list[w]
            old = q_w * log_q_list[w] if before == 0 else q_w * (logs[before] - logs[before + 1])
            changes.append(q_w * (logs[after] - logs[after + 1]) - old)
            if before == 0:
                fresh.append(w)
                covered += q_w
            if several[w]:
                repeated.append((w, before, after))
        parts = pool.slots(0, picked)
        np.add.at(g_s, np.concatenate(parts), np.repeat(changes, [len(x) for x in parts]))
        if fresh:  # words new to the summary leave R_x of every candidate holding them
            parts = pool.slots(0, fresh) + pool.slots(1, fresh)
            weights = [-q_list[w] for w in fresh] * 2
            np.add.at(r_s, np.concatenate(parts), np.repeat(weights, [len(x) for x in parts]))
        for w, before, after in repeated:  # candidates holding w c > 1 times
            slots, count = pool.slots(1, [w])[0], pool.values(1, [w])[0]
            q_w = q_list[w]
            if before == 0:
                old_e = q_w * (log_q_list[w] - log_int[count])
            else:
                old_e = q_w * (log_int[before] - log_int[before + count])
            np.add.at(g_s, slots, q_w * (log_int[after] - log_int[after + count]) - old_e)
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
