"""Greedy methods, whose ranking is the order in which sentences are picked: sum-basic here, kl
in kl.py.

Both follow sumy (``sumy/summarizers/{kl,sum_basic}.py``) pick for pick, to the end of the
document, so a summary of any length is a prefix of one ranking. sumy re-rates every remaining
sentence from its words after every pick: quadratic in sentences, times their words.

- sum-basic's ratings never rise, so it is lazy: candidates wait in a heap by their last rating,
  and only the one on top is rated again, until the top is fresh (the heap holds the lowest few
  thousand; the others wait in a reserve, ``_Reserve``). A rating is its words' probabilities
  summed, over their number (sumy's average), except where every rating left is below the
  smallest normal float (``_subnormal``).

Among equal ratings (within ``TIE``) the earliest sentence wins, which is what sumy means; sumy
itself sees rounding noise as a difference.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.engine.methods import CHECK_EVERY, TIE, Scores, checkpoint, picks_enough

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    import numpy as np

    from desktop.engine.analysis import Analysis


def pick_order_scores(order: np.ndarray, n: int | None = None) -> Scores:
    """Scores from a pick order: 1 for the first pick down to 1/n for the last. An ``order`` that
    stopped short of the ``n`` candidates (``picks_enough``) goes on with the others in document
    order."""
    import numpy as np

    made = len(order)
    n = made if n is None else n
    if made < n:
        left = np.ones(n, dtype=bool)
        left[order] = False
        order = np.concatenate([order, np.flatnonzero(left)])
    values = np.empty(n)
    values[order] = (n - np.arange(n)) / max(n, 1)
    return Scores(values, order, made if made < n else None)


def _sink(heap: list[float], k: int, entry: float) -> None:
    """Put ``entry`` at heap position ``k`` in place of one that was no greater, and move it down
    to where it belongs (only positions below ``k`` change)."""
    size = len(heap)
    child = 2 * k + 1
    while child < size:
        if child + 1 < size and heap[child + 1] < heap[child]:
            child += 1
        if not heap[child] < entry:
            break
        heap[k] = heap[child]
        k, child = child, 2 * child + 1
    heap[k] = entry


def _subnormal(
    stems: np.ndarray, rows: np.ndarray, n: int, order: list[int], probability: list[float]
) -> tuple[_Products, list[float], np.ndarray, np.ndarray]:
    """Readers, divisors (as ``rank_sum_basic`` keeps them), the current keys (minus the ratings)
    of the sentences left and those sentences, once every rating left is below the smallest normal
    float (late in a long text, when its words' probabilities were squared to next to nothing).
    ``stems`` and ``rows``: each content word's, of ``n`` sentences.

    There a rating keeps a few significant bits, and a sum of probabilities and a sum of their
    products with weights round apart by more than ``TIE``: which of two equal ratings comes first
    depends on how each was computed. These ratings are each distinct word's weight, minus count
    / length, times its probability, summed in the order of the word ids, the order Precis gave
    such sentences before ratings were sums (issue 13: speed never changes a ranking).
    """
    import numpy as np

    size = len(probability)
    left = np.ones(n, dtype=bool)
    left[order] = False
    # Each sentence left: its distinct words in ascending order, each with its count.
    kept = left[rows]
    keys, counts = np.unique(rows[kept] * size + stems[kept], return_counts=True)
    held, words = keys // size, keys % size
    counts = counts.astype(float)
    weights = -(counts / np.bincount(held, counts, minlength=n)[held])
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(held, minlength=n), out=indptr[1:])
    # ``bincount`` adds each row's products one after the other, as ``sum`` does in the loop.
    ratings = np.bincount(held, weights * np.asarray(probability)[words], minlength=n)
    sentences = np.flatnonzero(left)
    # (divisors of 1.0: x / 1.0 is x, bit for bit)
    return _Products(indptr, words, weights), [1.0] * n, ratings[sentences], sentences


# Entries in the heap at most: the rest wait in ``_Reserve``. A heap of 100,000 floats and the
# dict of their owners (about 10 MB) outgrow a 2 MB cache, and every fallen rating sank through
# all 17 levels of it; a few thousand stay in the cache (under 0.5 MB), and a rating fallen below
# the bound is filed with two appends.
_HOT = 4096


class _Reserve:
    """The entries not in the heap, every key above the bound (every key the heap can give is at
    or below it: a heap's top at or below the bound is the lowest key of all). They wait in a few
    sorted runs of keys with their sentences, each taken from its front (a view, nothing copied),
    and the keys filed since the last refill (``keys``, ``who``: appended by the loop). A refill
    sorts what was filed into a new run and merges it with the runs no more than twice its size,
    so that there are few runs and a key is copied a few times, not with every refill as one
    sorted array would be (at 100,000 sentences that copying missed the cache 7 M times)."""

    def __init__(self) -> None:
        self.keys: list[float] = []
        self.who: list[int] = []
        self.runs: list[tuple[np.ndarray, np.ndarray]] = []

    def reset(self, keys: np.ndarray, sentences: np.ndarray) -> None:
        """Hold ``keys`` of ``sentences`` and nothing else."""
        self.keys.clear()
        self.who.clear()
        self.runs = [_sorted(keys, sentences)]

    def refill(self, heap: list[float], owner: dict[int, int], at_least: float) -> float:
        """Take back the heap's entries (those of picked sentences dropped) with the keys filed
        since, then give the heap the lowest ``_HOT`` keys and every key up to ``at_least``,
        sorted (a sorted list is a heap), with their ``owner``s. Return the new bound (``inf``
        once the reserve is empty)."""
        import math

        import numpy as np

        back = [key for key in heap if key != math.inf]
        run = _sorted(
            np.array(back + self.keys, dtype=float),
            np.array([owner[id(key)] for key in back] + self.who, dtype=np.int64),
        )
        self.keys.clear()
        self.who.clear()
        runs = self.runs
        while runs and len(runs[-1][0]) <= 2 * len(run[0]):
            keys, who = runs.pop()
            run = _sorted(np.concatenate((keys, run[0])), np.concatenate((who, run[1])))
        runs.append(run)
        firsts = np.concatenate([keys[:_HOT] for keys, _ in runs])
        if len(firsts) > _HOT:
            bound = max(float(np.partition(firsts, _HOT - 1)[_HOT - 1]), at_least)
        else:
            bound = max(float(firsts.max(initial=-math.inf)), at_least)
        taken = []
        for r, (keys, who) in enumerate(runs):
            take = int(np.searchsorted(keys, bound, side="right"))
            taken.append((keys[:take], who[:take]))
            runs[r] = keys[take:], who[take:]
        self.runs = [run for run in runs if len(run[0])]
        keys, who = _sorted(*map(np.concatenate, zip(*taken, strict=True)))
        heap[:] = keys.tolist()
        owner.clear()
        owner.update(zip(map(id, heap), who.tolist(), strict=True))
        return bound if self.runs else math.inf


def _sorted(keys: np.ndarray, who: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``keys`` sorted, with their ``who``. (A stable sort: two sorted runs merge in one pass.)"""
    import numpy as np

    first = np.argsort(keys, kind="stable")
    return keys[first], who[first]


def _reader(words: Sequence[int]) -> Callable[[list[float]], Sequence[float]]:
    """The probabilities of ``words`` in one C call. ``itemgetter`` gives a bare item, not a
    tuple, for one word and takes no call for none: those read a slice."""
    from operator import itemgetter

    if len(words) > 1:
        return itemgetter(*words)
    return itemgetter(slice(words[0], words[0] + 1) if words else slice(0))


class _Products(dict):
    """A sentence's reader for ``_subnormal``'s ratings (its words' probabilities times their
    weights), made when the sentence is first rated again."""

    def __init__(self, indptr: np.ndarray, stems: np.ndarray, weights: np.ndarray) -> None:
        super().__init__()
        self.indptr, self.stems, self.weights = indptr, stems, weights

    def __missing__(self, i: int) -> Callable[[list[float]], Iterator[float]]:
        from functools import partial

        a, b = int(self.indptr[i]), int(self.indptr[i + 1])
        getter = _reader(self.stems[a:b].tolist())
        reader = self[i] = partial(_products, getter, self.weights[a:b].tolist())
        return reader


def _products(
    getter: Callable[[list[float]], Iterable[float]], weights: list[float], probability: list[float]
) -> Iterator[float]:
    from operator import mul

    return map(mul, getter(probability), weights)


def rank_sum_basic(analysis: Analysis) -> Scores:
    """SumBasic: pick the sentence whose content words are most probable on average, then square
    the probability of each of its words (once per occurrence), so what is said once counts less.

    A rating is the sum of the probabilities of the sentence's content words, one per occurrence
    in the order they are written, divided by their number, as sumy computes it. Probabilities
    only shrink, and so, the same sum in the same order, does the rating: a rating computed
    earlier bounds the current one from above. Candidates wait in a heap by their last rating,
    and the one on top is rated again until it comes out unchanged, bit for bit, or stays on top:
    then it is current, and no other can be higher. Once every rating left is below the smallest
    normal float, ratings are computed as ``_subnormal`` says. When the best rating left is 0, so
    are all the others: they follow in document order.
    """
    import heapq
    import math
    import sys
    from itertools import pairwise, starmap
    from operator import itemgetter

    import numpy as np

    n = analysis.size
    if n == 0:
        return pick_order_scores(np.zeros(0, dtype=np.int64))
    tokens = analysis.tokens
    content = ~analysis.form_stop[tokens]
    stems = analysis.form_stem[tokens[content]]
    if len(stems) == 0:
        return pick_order_scores(np.arange(n))
    rows = analysis.token_rows[content]
    p = np.bincount(stems, minlength=len(analysis.vocabulary)) / len(stems)
    lengths = np.bincount(rows, minlength=n)
    # Heap keys are minus the ratings: the sum divided by minus the length (division is exact in
    # sign). ``bincount`` adds each row's probabilities one after the other, as ``sum`` does
    # (before Python 3.12, whose ``sum`` compensates rounding: there a first rating may be off in
    # the last bit), so the first ratings are the ones the loop computes.
    divisors = -np.maximum(lengths, 1).astype(float)
    keys = np.bincount(rows, p[stems], minlength=n) / divisors
    # One divisor object per length, shared by the sentences of that length (as the words' ints
    # are): on long documents, where the ratings' cost is mostly memory latency, one object per
    # sentence would be one more fetch a rating, and megabytes more to keep in the cache.
    per_length = np.empty(int(lengths.max()) + 1, dtype=object)
    per_length[:] = [-float(max(length, 1)) for length in range(len(per_length))]
    divisors = per_length[lengths].tolist()
    # On long documents the ratings' cost is mostly memory latency, so each sentence's words are
    # one tuple of shared int objects (one object per distinct word), read in one C call. sumy
    # squares a word's probability once per occurrence: a pick squares its tuple's words.
    shared = tuple(np.arange(len(p), dtype=object)[stems].tolist())
    starts = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(lengths, out=starts[1:])
    words = [shared[a:b] for a, b in pairwise(starts.tolist())]
    # A sentence's reader gives its words' probabilities in one C call, made for all sentences in
    # one C pass; those of one word or none get ``_reader``'s slice instead.
    short = np.flatnonzero(lengths < 2).tolist()
    getters = words.copy()
    for i in short:
        getters[i] = (0, 0)
    reads = list(starmap(itemgetter, getters))
    for i in short:
        reads[i] = _reader(words[i])
    probability = p.tolist()

    # The heap holds each sentence's last rating (minus it: the best comes first) as a bare float,
    # and ``owner`` which sentence a float stands for, by the float object's id: a float compares
    # with another in one step, a (rating, sentence) tuple took two and a tuple's dispatch (at
    # 1,000 sentences a quarter of the method). Each filed rating is a new object, alive while in
    # the heap: its id is its own while it can be looked up (an id reused later is filed anew).
    # Equal ratings come in no set order: the tie search below finds the earliest either way.
    # Each sentence has one entry: a fresh rating replaces the old one in place. The entries start
    # sorted (a sorted list is a heap), made in that order: the top levels, which every sink
    # reads, sit together in memory (100,000 sentences: 4 % fewer cache misses than heapify's).
    heap: list[float] = []
    owner: dict[int, int] = {}
    reserve = _Reserve()
    reserve.reset(keys, np.arange(n))
    bound = reserve.refill(heap, owner, -math.inf)
    file_key, file_who = reserve.keys.append, reserve.who.append
    heappop, heapreplace = heapq.heappop, heapq.heapreplace
    picked = math.inf  # the entry a sentence picked from below the top leaves: last in the heap
    order: list[int] = []
    made, done = 0, picks_enough.get()  # (ranking.rank's: None picks to the end)
    stop = -sys.float_info.min  # see _subnormal; then 0.0, the floor
    while made < n:
        if done and done(order):
            break
        if made % CHECK_EVERY == 0:
            checkpoint()
        if not heap or heap[0] > bound:
            bound = reserve.refill(heap, owner, bound)
        top = heap[0]
        i = owner[id(top)]
        while True:  # until the top is current (the first pick's is, and is rated once more)
            key = sum(reads[i](probability)) / divisors[i]
            if key == top:
                break
            if key > bound:  # fallen below the heap: filed in the reserve
                file_key(key)
                file_who(i)
                heappop(heap)
                if not heap or heap[0] > bound:
                    bound = reserve.refill(heap, owner, bound)
                top = heap[0]
                i = owner[id(top)]
                continue
            owner[id(key)] = i
            heapreplace(heap, key)
            top = heap[0]
            if top is key:
                break
            i = owner[id(top)]
        if top >= stop:
            if top == 0.0:  # the floor: every rating left is 0
                order.extend(sorted(owner[id(key)] for key in heap if key != picked))
                break
            reads, divisors, keys, left = _subnormal(stems, rows, n, order, probability)
            heap.clear()
            reserve.reset(keys, left)
            bound = reserve.refill(heap, owner, -math.inf)
            stop = 0.0
            continue
        # Ratings tied with the top (within TIE): the earliest sentence wins, so only earlier
        # sentences whose last rating was within TIE can take its place. The heap below an entry
        # rated lower than that holds none: usually the top's two children already end the search.
        limit = top + TIE * abs(top)
        if limit > bound:  # ties may wait in the reserve: into the heap, the top still first
            heappop(heap)
            bound = reserve.refill(heap, owner, limit)
            heap.insert(0, top)
            owner[id(top)] = i
        chosen = i
        size = len(heap)
        if (size > 1 and heap[1] <= limit) or (size > 2 and heap[2] <= limit):
            earlier, lower, below = [], [], [1, 2]
            while below:
                k = below.pop()
                if k < size and heap[k] <= limit:
                    j = owner[id(heap[k])]
                    if j < i:
                        earlier.append((j, k))
                    below += (2 * k + 1, 2 * k + 2)
            for j, k in sorted(earlier):
                key = sum(reads[j](probability)) / divisors[j]
                if key <= limit:
                    chosen = j
                    lower.append((k, picked))
                    break
                owner[id(key)] = j
                lower.append((k, key))
            # What the search found below the tie (earlier sentences rated again, the one picked)
            # moves down at once, deepest first so that the positions still to move stay put:
            # left where they are, they would be visited (and rated) again on every pick, most of
            # the search's work on long documents.
            for k, key in sorted(lower, reverse=True):
                _sink(heap, k, key)
        if chosen == i:
            heappop(heap)
        order.append(chosen)
        made += 1
        for w in words[chosen]:
            probability[w] *= probability[w]
    return pick_order_scores(np.asarray(order, dtype=np.int64), n)
